"""Rubric terms: normalised once, classified, expanded through synonym sets."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

from .errors import RubricError
from .messages import Message, N_
from .normalize import normalize_term
from .pinyin_slips import term_readings

_LATIN_TERM = re.compile(r"^[a-z0-9]+( [a-z0-9]+)*$")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
_HAS_LETTER = re.compile(r"[a-z]")

_stemmer = SnowballStemmer("english")
# British -ise spellings stem differently from -ize ones; unify first.
_BRITISH_ISE = re.compile(r"(?<=..)is(e|es|ed|ing|ation|ations)$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    # Numbers and codes ("o1", "132") are compared as they are.
    if not word.isalpha():
        return word
    return _stemmer.stem(_BRITISH_ISE.sub(r"iz\1", word))


@dataclass(frozen=True)
class Term:
    """One searchable form: the normalised text plus what each match kind
    needs, computed once at compile time."""

    text: str
    latin: bool  # words of Latin letters/digits, matched by stem on word boundaries
    words: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()  # toneless pinyin, for Chinese terms of 2+ chars
    cjk: bool = False

    @classmethod
    def from_text(cls, text: str) -> "Term":
        if _LATIN_TERM.match(text):
            words = tuple(text.split(" "))
            return cls(text, True, words, tuple(stem(w) for w in words))
        cjk = bool(_CJK_ONLY.match(text))
        readings = tuple(term_readings(text)) if cjk and len(text) >= 2 else ()
        if readings and len(readings) != len(text):
            readings = ()
        return cls(text, False, readings=readings, cjk=cjk)


# Tentative verb forms (问一下, 问一问, 问问, 问了问, 问了一下) say the same thing: a term holding one of them also
# stands for the others.  V一V, V了V and VV are reduplications of a one-character verb wherever they stand in the
# term; V一下 only at the term's start (in 总结一下 the 结 is not a verb of its own).
_TENTATIVE = re.compile(r"([\u4e00-\u9fff])(?:一\1|了\1|了一下|\1)|^([\u4e00-\u9fff])一下")
_NOT_A_VERB = "一了不没别"


def tentative_forms(text: str) -> list[str]:
    """The other tentative forms of the first tentative verb form in ``text`` (none when it holds none).  A bare
    two-character reduplication (问问) gives only the three-character forms: 对对 would be found in 对对方, and a bare
    问一下 does not give 问问 for the same reason."""
    m = _TENTATIVE.search(text)
    if m is None:
        return []
    verb = m.group(1) or m.group(2)
    if verb in _NOT_A_VERB:
        return []
    head, tail = text[:m.start()], text[m.end():]
    bare_pair = text == verb * 2
    forms = [verb + "一" + verb, verb + "了" + verb]
    if not bare_pair:
        forms += [verb + "一下", verb + "了一下"]
    if head or tail:
        forms.append(verb * 2)
    return [f for f in (head + form + tail for form in forms) if f != text]


class SynonymTable:
    """Synonym sets: a member of a set stands for every member of it."""

    def __init__(self, sets: dict[str, list[str]] | None = None) -> None:
        self.sets: dict[str, tuple[str, ...]] = {}
        self.member_of: dict[str, list[str]] = {}
        for name, members in (sets or {}).items():
            if not isinstance(members, (list, tuple)):
                raise RubricError(Message(N_("synonym set %(name)s must be a list of terms"), name=repr(name)))
            normalised = []
            for member in members:
                if not isinstance(member, str) or not normalize_term(member):
                    raise RubricError(Message(N_("synonym set %(name)s has an empty or non-text term: %(value)s"),
                                              name=repr(name), value=repr(member)))
                text = normalize_term(member)
                if text not in normalised:
                    normalised.append(text)
            self.sets[name] = tuple(normalised)
            for text in normalised:
                self.member_of.setdefault(text, []).append(name)

    def expand(self, raw: str) -> list[str]:
        """Normalised texts a rubric term stands for (the term itself first)."""
        if raw.startswith("@"):
            name = raw[1:]
            if name not in self.sets:
                raise RubricError(Message(N_("unknown synonym set %(name)s"), name=repr(raw)))
            return _with_tentative_forms(list(self.sets[name]))
        text = normalize_term(raw)
        if not text:
            raise RubricError(Message(N_("term %(value)s is empty after normalisation"), value=repr(raw)))
        expanded = [text]
        for name in self.member_of.get(text, ()):
            for member in self.sets[name]:
                if member not in expanded:
                    expanded.append(member)
        return _with_tentative_forms(expanded)


# Negators at the start of a term that say the same thing: 没有X = 没X = 未X (did not), 不要X = 别X = 不能X (do not),
# 应该X = 应当X (should), 可以X = 能X = 能够X (may).  Longest prefix first.  A prohibition needs two characters after
# it, and 不能X gives no other form (不能用, 不能证明 are also "cannot"), though 别X and 不要X give it; 缺乏X = 缺少X,
# 无法X = 没法X.  Words that only begin like one (别人, 未来, 能力, 没收 ...) have no forms.
_NEGATOR_CLASSES = (("没有", "没", "未"), ("不要", "不能", "别"), ("应该", "应当"), ("可以", "能够", "能"),
                    ("缺乏", "缺少"), ("无法", "没法"))
_NOT_AFTER = {"没": "收落", "未": "来必免婚", "别": "人处家的样具致扭针说", "能": "力否源耐干不", "能够": "不",
              "可以": "不"}
_CJK_START = re.compile(r"^[\u4e00-\u9fff]")


def negator_forms(text: str) -> list[str]:
    """The other forms of ``text`` with an equivalent negator or modal at its start (none when it has none)."""
    for klass in _NEGATOR_CLASSES:
        for prefix in sorted(klass, key=len, reverse=True):
            if not text.startswith(prefix):
                continue
            rest = text[len(prefix):]
            if not _CJK_START.match(rest) or rest[0] in _NOT_AFTER.get(prefix, ""):
                return []
            if klass[0] == "不要" and (len(rest) < 2 or prefix == "不能"):
                return []  # 不能X is also "cannot X" (不能证明): it gives no 别X, though 别X gives 不能X
            return [other + rest for other in klass if other != prefix]
    return []


# 他 and 她 stand for each other in a term (帮他解决 = 帮她解决), but not in 其他, 他人, 吉他, 利他, 他乡, 他处, 他日.
_HE = re.compile("(?<![其吉利])他(?![人乡处日])")


def pronoun_forms(text: str) -> list[str]:
    """``text`` with 他 and 她 swapped, for a term longer than the pronoun (none when it holds neither)."""
    if len(text) < 2 or ("他" not in text and "她" not in text):
        return []
    swapped = _HE.sub("\0", text).replace("她", "他").replace("\0", "她")
    return [swapped] if swapped != text else []


# Characters a speaker uses for one another inside any term: 说 = 讲 (听她讲, 讲清楚), 弄 = 搞 (弄清, 搞明白).
_SAME_CHARACTERS = (("说", "讲"), ("弄", "搞"))


def character_forms(text: str) -> list[str]:
    """``text`` with every combination of 说/讲 and 弄/搞 swapped (none when it holds neither)."""
    forms = [text]
    for a, b in _SAME_CHARACTERS:
        if a in text or b in text:
            forms = [f.replace(a, "\0").replace(b, a).replace("\0", b) for f in forms] + forms
    return [f for f in dict.fromkeys(forms) if f != text]


# Two-character adjectives a speaker doubles as adverbs (AABB): 认真听 is said 认认真真地听, 仔细听 仔仔细细听.  Only at the
# start of a term, and only these words (真诚, 热情 do not double).
_DOUBLES = ("认真", "仔细", "清楚", "明白", "诚恳", "客气", "和气", "踏实", "扎实", "老实", "干净", "整齐", "简单", "详细",
            "高兴", "开心", "痛快", "舒服", "安静", "平静", "平稳", "稳当", "妥当", "规矩", "实在", "大方", "恭敬", "端正",
            "工整", "原本", "利索", "干脆", "轻松", "快乐")


def reduplicated_forms(text: str) -> list[str]:
    """``text`` with its opening adjective doubled (认真听 → 认认真真听, 认认真真地听); none when it opens with none of them
    or is that word alone."""
    head = text[:2]
    if head not in _DOUBLES or len(text) < 3:
        return []
    doubled = head[0] * 2 + head[1] * 2
    rest = text[2:]
    forms = [doubled + rest]
    if not rest.startswith("地"):
        forms.append(doubled + "地" + rest)
    return forms


def _with_tentative_forms(texts: list[str]) -> list[str]:
    out = list(texts)
    for text in texts:
        out.extend(f for f in reduplicated_forms(text) if f not in out)
    for text in texts:
        out.extend(f for f in character_forms(text) if f not in out)
    for text in list(out):
        out.extend(f for f in pronoun_forms(text) if f not in out)
    for text in list(out):
        out.extend(f for f in negator_forms(text) if f not in out)
    for text in list(out):
        out.extend(f for f in tentative_forms(text) if f not in out)
    return out


# Terms that glue a pronoun or the customer to a verb (把顾客请, 把她带, 请她, 跟他): as dictionary words they
# change how every answer is cut (把顾客请|到 hides 请到 from another part's rubric) and they match one wording
# only.  The bank refuses them; write the verb with its complement (请到, 带离), which also matches 请她到.
_GLUED_OBJECT = re.compile(r"^(?:把|将)(?:顾客|客户|客人|业主|用户|对方|人家|人|我们|我|你们|你|您|他们|她们|他|她|它)")
# A verb that takes the person as object and then a complement or a second verb (请她|到, 帮您|查, 听他|说).
_GLUED_VERB = re.compile(r"^(?:不要|没有|不|没|别|想)?(?:请|带|领|引|陪|让|使|叫来|帮|给|替|为|跟|问|听|等|告诉|联系|回复|"
                         r"了解|关心|肯定|靠|打发)(?:我|你|您|他|她|它)们?$")


def glued_pronoun(term: str) -> str | None:
    """Why ``term`` is a pronoun-glued phrase the bank refuses, or None."""
    text = term.strip()
    if _GLUED_OBJECT.match(text):
        return Message(N_("it starts with 把/将 and its object"))
    if _GLUED_VERB.match(text):
        return Message(N_("it glues a pronoun object to its verb"))
    return None


@dataclass
class TermGroup:
    """An OR-group: found when any of its terms is found."""

    terms: list[Term] = field(default_factory=list)
