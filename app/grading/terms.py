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
            return list(self.sets[name])
        text = normalize_term(raw)
        if not text:
            raise RubricError(Message(N_("term %(value)s is empty after normalisation"), value=repr(raw)))
        expanded = [text]
        for name in self.member_of.get(text, ()):
            for member in self.sets[name]:
                if member not in expanded:
                    expanded.append(member)
        return expanded


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
