"""Definitions the answer gives: a concept named at the head of its clause, then a defining verb and what it is said
to mean (技术质量指的是员工的态度和仪表, 开放式提问就是直接问客户要办什么).

A trainee who defines a key point's concept commits to that definition: naming the concept earns the point only when
the definition holds something of the point itself.  A definition made of another point's words swaps the two
(职能质量是顾客最后拿到了什么结果): neither point earns from it.  Pure functions of the normalised text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A defining verb and, before what follows, nothing that makes the sentence an evaluation or a recommendation
# (开放式提问就是很好的技巧, 道歉就是要真诚: not definitions).
_DEFINING = re.compile(
    r"(?:的意思)?(?:其实|主要|也|就|则)?(?:是指|指的是|指的就是|就是指|意思是|意思就是|是说|就是说|说的是|讲的是|定义为|"
    r"(?<![手一])指(?![出导点责望挥着了示标向定派令引]))"
    r"|(?:其实|主要|也|则)?就是(?!要|说要)"
)
# The plain copula 是 defines only when what follows is another point's (a swap, see ``misdefined``).
_COPULA = re.compile(r"(?<![不就也还都只总倒正但却可要])是(?![不否非要])")
_NOT_A_DEFINITION = re.compile(r"[很最太挺更较非极顶蛮真]|比较|非常|相当|特别|十分|重要|关键|必须|应该|应当|需要|要|得|"
                               r"先|多|少|好|不错|对的|错的|时候|了|吧|啊|呀|[，。、 ]|$")
# What may stand between the concept's term and the defining verb: its head noun (开放式|提问, 80/20|法则).
_HEAD_NOUN = re.compile(r"[\u4e00-\u9fff]{0,2}")
# Before the concept: only list markers (1. 2、 （一） 第一) or spaces.
_LEAD = re.compile(r"^[\s\d一二三四五六七八九十()（）.、①②③④⑤⑥⑦⑧⑨⑩第其是还]*$")
_NEGATORS = set("不没无非别未")
# A concept's name by its last characters (排序法, 80/20法则, 响应性, 技术质量): after one, the plain copula defines.
_CONCEPT_END = re.compile(r"(?:法|法则|原则|定律|理论|质量|率|性|流程|制度|提问|因素|差距|环境|指标|模型|瞬间)$")


@dataclass(frozen=True)
class Definition:
    head_start: int  # where the clause (the concept's head) begins
    verb_start: int  # where the defining verb begins
    content_start: int
    content_end: int
    strong: bool  # a defining verb (指, 意思是, 就是); False: the plain copula 是


def find_definitions(text: str, span_breaks: list[int], sentence_ends: list[int]) -> list[Definition]:
    """Every clause of the form <concept> <defining verb> <content>, at most one per clause (its first verb).  The
    content runs to the end of the sentence, or to the next clause that defines something.  ``span_breaks``:
    positions of the clause marks (，and 。) of ``text``; ``sentence_ends``: of the sentence ends; both sorted.
    Linear in the text."""
    found: list[Definition] = []
    start = 0
    for end in list(span_breaks) + [len(text)]:
        if end - start >= 4:
            clause = text[start:end]
            for strong, rx in ((True, _DEFINING), (False, _COPULA)):
                m = rx.search(clause, 1, 24)
                if m is None or m.start() < 1:
                    continue
                content = m.end()
                if content >= len(clause) or _NOT_A_DEFINITION.match(clause, content):
                    continue
                found.append(Definition(start, start + m.start(), start + content, end, strong))
                break
        start = end + 1
    ends = iter(sorted(set(sentence_ends) | {len(text)}))
    sentence_end = next(ends)
    for i, d in enumerate(found):
        while sentence_end < d.content_end:
            sentence_end = next(ends)
        stop = sentence_end
        if i + 1 < len(found) and found[i + 1].head_start < stop:
            stop = found[i + 1].head_start - 1
        found[i] = Definition(d.head_start, d.verb_start, d.content_start, max(stop, d.content_end), d.strong)
    return found


def heads(definition: Definition, text: str, start: int, end: int) -> bool:
    """Does the mention [start, end) name the concept the clause defines: at the clause's head, after list markers
    only, with at most a head noun between it and the defining verb, and no negator (说不清是…, 没有证据是… say
    something of the case, they define nothing)?"""
    if not (definition.head_start <= start and end <= definition.verb_start):
        return False
    gap = text[end:definition.verb_start]
    return (_HEAD_NOUN.fullmatch(gap) is not None and not any(c in _NEGATORS for c in text[start:definition.verb_start])
            and _LEAD.match(text[definition.head_start:start]) is not None)


def concept_named(definition: Definition, text: str) -> bool:
    """Is the clause's head a concept's name (排序法是…), so that even the plain copula defines it?"""
    return _CONCEPT_END.search(text, definition.head_start, definition.verb_start) is not None


def inside(definition: Definition, start: int, end: int) -> bool:
    return definition.content_start <= start and end <= definition.content_end
