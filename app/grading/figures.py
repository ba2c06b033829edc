"""A figure alone is not a key point: "80/20" or "10分钟" earns the point only with the claim it belongs to.

A point whose every matched mention is a figure (a number, a percentage, a share such as 八成, a time limit such
as 10分钟) is earned only when the clauses that hold the figures say something besides them: at least
``CLAIM_MIN_CHARS`` Chinese characters (or 2 Latin words) that are neither the figures, nor words of the part's
prompt, nor function words or words that only name the figures (比例, 说法), so an echo of the prompt
("80/20客户划分法则很有意义") or a remark in a clause of its own ("20%和80%，考试常考") is not a claim, while
"约20%的客户带来了80%的利润" is.  A clause that only names a topic (关于投诉：4%) leads into nothing, and a word in it,
or a word named as a term (换货这个词), counts as a figure would.
"""
from __future__ import annotations

import bisect
import re

CLAIM_MIN_CHARS = 4
_NUMERAL = "零〇一二两三四五六七八九十百千万半"
FIGURE = re.compile(
    rf"^(?:百分之)?(?:[0-9.%/:~\-]+|[{_NUMERAL}]+)(?:%|成|倍|分钟|小时|秒钟?|天|日|周|个月|月|年|个工作日|工作日|元|次)?(?:内|以内|之内)?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def is_figure(text: str) -> bool:
    return bool(FIGURE.match(text))


def prompt_bigrams(prompt: str) -> frozenset[str]:
    chars = "".join(_CJK.findall(prompt or ""))
    return frozenset(chars[i:i + 2] for i in range(len(chars) - 1))


def sentence_bounds(sentence_ends: list[int], length: int, pos: int) -> tuple[int, int]:
    k = bisect.bisect_right(sentence_ends, pos)
    start = sentence_ends[k - 1] + 1 if k > 0 else 0
    end = sentence_ends[k] if k < len(sentence_ends) else length
    return start, end


# Characters that say nothing about the figures: function words, and words that only name them (20%和80%这两个比例,
# 书上有个4%的说法).
_FUNCTION_CHARS = frozenset("的了和与及或是有在里个这那些把被也都还就着过吗呢吧啊呀")
_NAMING_FIGURES = re.compile(r"说法|数字|比例|比率|数据|百分比|数值|这个词|这些词|词|字眼|提法|名词|老师|课上|书上|课本|考试|常考|"
                             r"考过|强调|出现|提到|讲过|记住|背过")

# A clause that only names a topic (关于投诉, 说到服务水平) leads into nothing: the figures after it make no claim with
# it, and a term in it is the topic's name, not a statement.  A term named as a term (换货这个词, 大部分这个说法) is not
# a statement either.
_TOPIC = re.compile(r"^(?:关于|说到|至于|谈到|提到|讲到|对于|有关)")
TOPIC_MAX_CHARS = 12
_NAMED_AS_TERM = re.compile(r"(?:(?:和|、|与|跟)[^，。]{1,8}?)?(?:(?:这|那)(?:个|两个|几个|些)?|是(?:另|又)?一个)(?:词|字眼|名词|说法|提法|概念|术语)")


def is_topic(clause: str) -> bool:
    return len(clause) <= TOPIC_MAX_CHARS and _TOPIC.match(clause) is not None


def named_as_term(text: str, end: int) -> bool:
    """Is the term ending at ``end`` named as a term (X这个词, X和Y这两个说法)?"""
    return _NAMED_AS_TERM.match(text, end, min(end + 16, len(text))) is not None


def makes_claim(text: str, start: int, end: int, figures: list[tuple[int, int]], prompt: frozenset[str]) -> bool:
    """Does text[start:end] (the clauses that hold the figures) say something besides the figures, the prompt's
    words, function words and words that only name the figures?"""
    covered = set()
    for s, e in figures:
        covered.update(range(s, e))
    for i in range(start, end - 1):
        if text[i:i + 2] in prompt:
            covered.update((i, i + 1))
    for m in _NAMING_FIGURES.finditer(text, start, end):
        covered.update(range(m.start(), m.end()))
    covered.update(i for i in range(start, end) if text[i] in _FUNCTION_CHARS)
    rest = [i for i in range(start, end) if i not in covered and _CJK.match(text[i])]
    latin = re.findall(r"[a-z]{2,}", "".join(" " if i in covered else text[i] for i in range(start, end)))
    return len(rest) >= CLAIM_MIN_CHARS or len(latin) >= 2


# A sentence that mostly repeats the prompt ("企业要制定并规范客户投诉管理政策。") is an echo: its mentions earn
# nothing, though the prompt holds the key point's words.
ECHO_SHARE = 0.7
ECHO_MIN_BIGRAMS = 3


def echo_sentences(text: str, sentence_ends: list[int], prompt: frozenset[str]) -> set[int]:
    """Indexes of the sentences of ``text`` whose Chinese bigrams come mostly from the prompt."""
    if not prompt:
        return set()
    # A sentence shares at most len(prompt) bigrams with the prompt: a longer one cannot be an echo.
    longest = int(len(prompt) / ECHO_SHARE) + 8
    found, start = set(), 0
    for index, end in enumerate(list(sentence_ends) + [len(text)]):
        if end - start > 2 * longest:
            start = end + 1
            continue
        chars = "".join(_CJK.findall(text[start:end]))
        grams = {chars[i:i + 2] for i in range(len(chars) - 1)}
        if len(grams) >= ECHO_MIN_BIGRAMS and len(grams & prompt) >= ECHO_SHARE * len(grams):
            found.add(index)
        start = end + 1
    return found
