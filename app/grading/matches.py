"""The kinds of match, one small class each, in a registry.

Each kind finds the occurrences of one term in an answer as (start, end)
spans of the normalised text.  Exact kinds are always tried; fuzzy kinds
(typing slips) only when no exact kind found anything for the whole group.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .answer import AnswerView
from .negation import NEGATING_CHARS
from .pinyin_slips import homophone_windows
from .terms import Term, stem

# Chinese terms this short must respect jieba's word boundaries (see
# AnswerView.straddles); longer terms are specific enough on their own.
STRADDLE_MAX_LEN = 2
# Typing slips in English: words this long may be one edit away.
EDIT_MIN_LEN = 5
# A two-word Chinese term may have this many characters between its words (安抚顾客的情绪 for 安抚情绪).
SPLIT_MAX_GAP = 4
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")


class MatchKind:
    name = "match"
    fuzzy = False

    def applies(self, term: Term) -> bool:
        raise NotImplementedError

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        raise NotImplementedError

    def prepare(self, term: Term, segmenter) -> None:
        """Build what ``find`` will need for this term (compiled patterns), ahead of the first answer."""


# A group's first mentions, in text order, are the ones weighed (matcher.group_mentions): no real answer names one
# key term this often (24: no grade of the 3,330 bench, bank and synthetic answers depends on a later one), and the
# bound keeps the negation checks of an answer that repeats a term thousands of times constant. A term's occurrences
# past twice that can never be among them: not looking for them spares an answer that repeats one term thousands of
# times a word-boundary check per occurrence.
MAX_MENTIONS = 24
MAX_TERM_SPANS = 2 * MAX_MENTIONS


class ExactMatch(MatchKind):
    """Chinese (or mixed) term as a substring of the normalised answer."""

    name = "exact"

    def applies(self, term: Term) -> bool:
        return not term.latin

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        text, needle, n = answer.text, term.text, len(term.text)
        found = []
        pos, looked = text.find(needle), 0
        while pos >= 0 and looked < MAX_TERM_SPANS:
            end = pos + n
            if not (term.cjk and n <= STRADDLE_MAX_LEN and answer.straddles(pos, end)):
                found.append((pos, end))
            pos, looked = text.find(needle, pos + 1), looked + 1
        return found


class SplitMatch(MatchKind):
    """A Chinese term made of two words, found with a few characters between them in one clause: 安抚情绪 in
    安抚顾客的情绪, 说明原因 in 说明延误的原因.  Both words must be whole words of the answer."""

    name = "split"

    def applies(self, term: Term) -> bool:
        return term.cjk and len(term.text) >= 4

    def prepare(self, term: Term, segmenter) -> None:
        pieces = segmenter.two_words(term.text)
        if pieces is not None:
            _split_pattern(*pieces)

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        pieces = answer.segmenter.two_words(term.text)
        if pieces is None:
            return []
        head, tail = pieces
        found = []
        for m in _occurrences(_split_pattern(head, tail), answer.text):
            pos, gap = m.start(), m.group(1)
            after = pos + len(head)
            end = after + len(gap) + len(tail)
            # Only Chinese characters between the words, and no negator (表示没有歉意 reverses the phrase).
            if _CJK_RUN.fullmatch(gap) and not any(c in gap for c in NEGATING_CHARS) \
                    and answer.on_boundaries(pos, after) and answer.on_boundaries(end - len(tail), end):
                found.append((pos, end))
        return found


# Bounded: instructors try rubrics of their own on a running server.
@lru_cache(maxsize=4096)
def _split_pattern(head: str, tail: str) -> re.Pattern:
    """The head, the fewest characters (1 to SPLIT_MAX_GAP) and the tail.  (A class of every Chinese character
    here would cost a millisecond to compile per term.)"""
    return re.compile(f"{re.escape(head)}(.{{1,{SPLIT_MAX_GAP}}}?){re.escape(tail)}", re.DOTALL)


def _occurrences(pattern: re.Pattern, text: str):
    """The pattern's first MAX_TERM_SPANS matches, overlapping ones included (each search starts one character
    after the previous match's start).  A pattern that opens with a literal lets the regex engine skip to it."""
    m = pattern.search(text)
    for _ in range(MAX_TERM_SPANS):
        if m is None:
            return
        yield m
        m = pattern.search(text, m.start() + 1)


class SeparableMatch(MatchKind):
    """A two-character verb split by an aspect particle, a measure word or a pronoun, as Chinese does with
    separable verbs: 道个歉 for 道歉, 请她到 for 请到, 回个电话 for 回电."""

    name = "separable"
    PARTICLES = "了过个"
    # A pronoun only before a direction complement (请她到, 带他离开, 请她去, in the customer's voice 请我到): 跟他进 is
    # "go in with him", not 跟进.
    PRONOUNS = "他她它您你我"
    DIRECTIONS = "到离去"

    def applies(self, term: Term) -> bool:
        return term.cjk and len(term.text) == 2

    # 的 (用的词: the words used), the complement 上 (挂上钩) and a count (道一声歉, 打一个分) split a verb from its
    # object too.  These longer middles are checked against the dictionary: the object's character must not begin a
    # word with the character after it (跟上|进度 is keeping pace, 说一下|明天 is not 说明).
    LONGER = ("了一个", "了一次", "了一声", "一个", "一次", "一声", "一下", "的", "上")

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        # No word-boundary check: jieba glues the particle to either side (先请|她|到, 回个|电话), and the
        # three-character pattern is specific enough on its own.
        text = answer.text
        found = [(m.start(), m.end()) for m in _occurrences(self._pattern(term.text), text)]
        known = answer.segmenter.tokenizer.FREQ
        for m in _occurrences(self._longer_pattern(term.text), text):
            end = m.end()
            if end == len(text) or not known.get(text[end - 1:end + 1]):
                found.append((m.start(), end))
        return sorted(found)

    def prepare(self, term: Term, segmenter) -> None:
        self._pattern(term.text)
        self._longer_pattern(term.text)

    @classmethod
    @lru_cache(maxsize=4096)
    def _longer_pattern(cls, word: str) -> re.Pattern:
        head, tail = word
        middles = "|".join(re.escape(m) for m in cls.LONGER)
        return re.compile(f"{re.escape(head)}(?:{middles}){re.escape(tail)}")

    @classmethod
    @lru_cache(maxsize=4096)
    def _pattern(cls, word: str) -> re.Pattern:
        head, tail = word
        middles = cls.PARTICLES + (cls.PRONOUNS if tail in cls.DIRECTIONS else "")
        return re.compile(f"{re.escape(head)}[{middles}]{re.escape(tail)}")


class InsertedMatch(MatchKind):
    """A Chinese term of several words with a spoken filler between two of its words: an adverb (也, 都, 就, 还,
    很, 真, 非常, 特别, 完全 …), 能/可以 or adverbial 地.  我特别能理解 for 我能理解, 火也消不下去 for 火消不下去,
    耐心地听 for 耐心听.  The fillers say how, not whether: the words keep their meaning, and a negator is never one
    of them.  The words before the filler must be whole words of the answer, and so must the start of the rest."""

    name = "inserted"
    FILLERS = ("非常", "特别", "十分", "完全", "确实", "实在", "真的", "一定", "可以", "也", "都", "就", "还", "很",
               "真", "挺", "能", "地")
    _FIRST_CLASS = re.escape("".join(sorted({f[0] for f in FILLERS})))
    MAX_GAP = 4

    def applies(self, term: Term) -> bool:
        return term.cjk and len(term.text) >= 3

    def prepare(self, term: Term, segmenter) -> None:
        for k in range(1, len(term.text)):
            if term.text[k - 1] not in NEGATING_CHARS and self._head_is_words(term.text[:k], segmenter):
                _head_before_filler(term.text[:k], self._FIRST_CLASS)

    @staticmethod
    def _head_is_words(head: str, segmenter) -> bool:
        """A dictionary word, or two (什么时候 is only a prefix in jieba's dictionary: 什么|时候)."""
        return bool(segmenter.tokenizer.FREQ.get(head)) or segmenter.two_words(head) is not None

    def _gap_ends(self, text: str, start: int) -> list[int]:
        """Ends of the runs of fillers that begin at ``start`` (up to MAX_GAP characters)."""
        ends, frontier = [], [start]
        while frontier:
            pos = frontier.pop()
            for filler in self.FILLERS:
                end = pos + len(filler)
                if end - start <= self.MAX_GAP and text.startswith(filler, pos) and end not in ends:
                    ends.append(end)
                    frontier.append(end)
        return ends

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        text, needle = answer.text, term.text
        found = set()
        for k in range(1, len(needle)):
            head, tail = needle[:k], needle[k:]
            # Not after a negator: 不|也需要, 不|就能用 (不就能用了吗) change what is negated.
            if head[-1] in NEGATING_CHARS or tail not in text or not self._head_is_words(head, answer.segmenter):
                continue
            # Only the head's occurrences followed by a filler's first character, found by the regex engine and
            # bounded like an exact term's occurrences: a head repeated thousands of times, a filler after it or
            # not, is looked at MAX_TERM_SPANS times at most.
            for m in _occurrences(_head_before_filler(head, self._FIRST_CLASS), text):
                pos, after = m.start(), m.end()
                for gap_end in self._gap_ends(text, after):
                    if text.startswith(tail, gap_end):
                        bounds = answer.span_tokens(pos).boundaries
                        if pos in bounds and after in bounds and gap_end in bounds:
                            found.add((pos, gap_end + len(tail)))
        return sorted(found)


@lru_cache(maxsize=4096)
def _head_before_filler(head: str, first_chars: str) -> re.Pattern:
    return re.compile(f"{re.escape(head)}(?=[{first_chars}])")


class ParticleMatch(MatchKind):
    """A measure word or aspect particle after a term's first character, a one-character verb: 打个电话 for 打电话,
    回了电话 for 回电话, 修了两次, 问个清楚, 一个星期.  After a negator only the measure word (没个动静; 没了动静 is
    "went quiet").  As for a split two-character verb, the term's last character must not begin a dictionary word
    with the character after it (回个电|话费)."""

    name = "particle"
    MEASURES = ("一个", "个")
    ASPECTS = ("了个", "了")

    def applies(self, term: Term) -> bool:
        return term.cjk and len(term.text) >= 3

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        text = answer.text
        known = answer.segmenter.tokenizer.FREQ
        if term.text[1:] not in text or not known.get(term.text[0]):
            return []  # the rest after the particle must be there (one C-level find before any pattern)
        found = []
        for m in _occurrences(self._pattern(term.text), text):
            end = m.end()
            if end == len(text) or not known.get(text[end - 1:end + 1]):
                found.append((m.start(), end))
        return found

    def prepare(self, term: Term, segmenter) -> None:
        self._pattern(term.text)

    @classmethod
    @lru_cache(maxsize=4096)
    def _pattern(cls, word: str) -> re.Pattern:
        head, rest = word[0], word[1:]
        middles = cls.MEASURES + (() if head in NEGATING_CHARS else cls.ASPECTS)
        return re.compile(f"{re.escape(head)}(?:{'|'.join(map(re.escape, middles))}){re.escape(rest)}")


def _word_runs(answer: AnswerView, term: Term, same_word) -> list[tuple[int, int]]:
    """Runs of consecutive answer words matching the term's words."""
    words = answer.latin_words()
    found = []
    k = len(term.words)
    for i in range(len(words) - k + 1):
        if all(same_word(words[i + j][2], j) for j in range(k)):
            found.append((words[i][0], words[i + k - 1][1]))
    return found


class StemMatch(MatchKind):
    """English words on word boundaries, compared by Snowball stem."""

    name = "stem"

    def applies(self, term: Term) -> bool:
        return term.latin

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        index = answer.stem_index()
        first = index.get(term.stems[0])
        if not first:
            return []
        words = answer.latin_words()
        found = []
        k = len(term.stems)
        for i in first:
            if i + k <= len(words) and all(stem(words[i + j][2]) == term.stems[j] for j in range(1, k)):
                found.append((words[i][0], words[i + k - 1][1]))
        return found


class HomophoneMatch(MatchKind):
    """A same-pinyin window for a Chinese term of 2+ characters (至歉 for
    致歉).  The window must not be a real word of its own and must sit on
    jieba word boundaries, so 有需要 never matches 有序."""

    name = "homophone"
    fuzzy = True

    def applies(self, term: Term) -> bool:
        return term.cjk and len(term.readings) >= 2

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        found = []
        n = len(term.text)
        # A window differs from the term in at most half of its characters, so at least half of the term's
        # characters are in the answer as they are: when they are not, there is no window (and no reading index
        # to build).
        if sum(c in answer.characters for c in term.text) * 2 < n:
            return found
        # Only the first candidates are looked at, as for an exact term (MAX_TERM_SPANS): 不不不… reads like 不符
        # at every position, and each candidate costs a dictionary and a word-boundary check.
        for start in homophone_windows(answer.text, term.text, list(term.readings), answer.reading_index(),
                                       limit=MAX_TERM_SPANS):
            window = answer.text[start:start + n]
            if answer.segmenter.is_word(window) or not answer.on_boundaries(start, start + n):
                continue
            found.append((start, start + n))
        return found


class EditDistanceMatch(MatchKind):
    """English words of 5+ letters within one edit (apologise/apologose)."""

    name = "edit"
    fuzzy = True

    def applies(self, term: Term) -> bool:
        return term.latin and any(len(w) >= EDIT_MIN_LEN and w.isalpha() for w in term.words)

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        def same_word(word: str, j: int) -> bool:
            wanted = term.words[j]
            if stem(word) == term.stems[j]:
                return True
            return (
                len(wanted) >= EDIT_MIN_LEN
                and word.isalpha()
                and Levenshtein.distance(word, wanted, score_cutoff=1) <= 1
            )

        return _word_runs(answer, term, same_word)


# Complements that make a potential form with 不 between them and their verb: 传到 → 传不到, 传下去 → 传不下去, 说清楚 →
# 说不清楚, 留住 → 留不住, 办成 → 办不成.  Longest first.
POTENTIAL_COMPLEMENTS = ("下去", "上去", "过去", "进去", "出去", "出来", "过来", "上来", "下来", "回来", "清楚", "明白",
                         "到", "清", "完", "懂", "住", "通", "成", "好", "了", "动")


@lru_cache(maxsize=4096)
def potential_split(text: str) -> tuple[str, str] | None:
    """(verb, complement) of a term made of a one- or two-character verb and a complement (传到: 传, 到), or None."""
    if any(c in NEGATING_CHARS for c in text):
        return None
    for comp in POTENTIAL_COMPLEMENTS:
        if text.endswith(comp) and 1 <= len(text) - len(comp) <= 2:
            return text[:-len(comp)], comp
    return None


class PotentialMatch(MatchKind):
    """A verb-complement term in its potential negative form: 传不到 for 传到, 留不住 for 留住, 说不清楚 for 说清楚.  The
    mention is the term denied by its own complement (matcher.group_mentions reads it as negated); nothing else in
    the clause is."""

    name = "potential"

    def applies(self, term: Term) -> bool:
        return term.cjk and potential_split(term.text) is not None

    def find(self, answer: AnswerView, term: Term) -> list[tuple[int, int]]:
        verb, comp = potential_split(term.text)
        text, needle = answer.text, verb + "不" + comp
        found = []
        pos, looked = text.find(needle), 0
        while pos >= 0 and looked < MAX_TERM_SPANS:
            found.append((pos, pos + len(needle)))
            pos, looked = text.find(needle, pos + 1), looked + 1
        return found


def own_potential(text: str, terms) -> bool:
    """Is ``text`` (a mention) the potential negative of one of ``terms`` (传不到 for 传到), not a term itself?"""
    k = text.find("不")
    if k <= 0:
        return False
    base = text[:k] + text[k + 1:]
    if potential_split(base) != (text[:k], text[k + 1:]):
        return False
    return any(t.text == base for t in terms) and not any(t.text == text for t in terms)


MATCH_KINDS: list[MatchKind] = [ExactMatch(), SplitMatch(), SeparableMatch(), InsertedMatch(), ParticleMatch(),
                                PotentialMatch(), StemMatch(), HomophoneMatch(), EditDistanceMatch()]
EXACT_KINDS = [k for k in MATCH_KINDS if not k.fuzzy]
FUZZY_KINDS = [k for k in MATCH_KINDS if k.fuzzy]


def prepare(term: Term, segmenter) -> None:
    """Build every kind's look-up material for ``term`` now: a Grader built before a server forks its workers
    then hands them compiled patterns instead of each worker compiling them on its first answers."""
    for kind in MATCH_KINDS:
        if kind.applies(term):
            kind.prepare(term, segmenter)
