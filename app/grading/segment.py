"""Chinese word segmentation: one private jieba tokenizer per Grader."""
from __future__ import annotations

import logging
import re
import warnings
from math import log

with warnings.catch_warnings():
    # jieba 0.42 does ``import pkg_resources`` at import time; setuptools
    # >= 67 warns that pkg_resources is deprecated, which would break
    # ``pytest -W error``.  Only that warning is silenced, only here.
    warnings.filterwarnings("ignore", message=".*pkg_resources is deprecated.*")
    import jieba
    from jieba import finalseg

# jieba logs "Building prefix dict..." to stderr on first use.
jieba.setLogLevel(logging.WARNING)

from .hmm import hmm_cut  # noqa: E402
from .negation import NEGATING_CHARS  # noqa: E402

_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
_ADVERB_LED = re.compile(r"^(?:然后|接着|之后|事后|先|再|就|也|都|还|又|才)[\u4e00-\u9fff]$")

# jieba guesses unknown words with an HMM (Viterbi) over every run of single characters, about ten times the
# cost per character of the dictionary pass: 5,000 characters of 不不不… took 90 ms.  Real answers have short
# runs (names, new words); past this many characters of runs in one text, the remaining runs stay single
# characters, so the cost of cutting stays near the dictionary pass's whatever the text repeats.
HMM_BUDGET = 1000
_HAN_RUN = re.compile("([\u4E00-\u9FD5]+)")


_pristine: jieba.Tokenizer | None = None


def _loaded_dictionary() -> jieba.Tokenizer:
    """jieba's dictionary as shipped, loaded once per process (about half a second); every Segmenter starts
    from a copy of it, which takes a few hundredths."""
    global _pristine
    if _pristine is None:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        _pristine = tokenizer
    return _pristine


def _tokenizer_from(source: jieba.Tokenizer) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(source.FREQ)
    tokenizer.total = source.total
    tokenizer.initialized = True
    return tokenizer


class Segmenter:
    """Wraps a private ``jieba.Tokenizer`` whose dictionary knows the rubric
    terms, so a key term is always kept as one token."""

    def __init__(self, _source: "Segmenter | None" = None) -> None:
        if _source is None:
            self.tokenizer = _tokenizer_from(_loaded_dictionary())
            self._known: set[str] = set()
            self._added: set[str] = set()  # rubric terms jieba did not know: not evidence that a text is a word
        else:
            self.tokenizer = _tokenizer_from(_source.tokenizer)
            self._known = set(_source._known)
            self._added = set(_source._added)
        self._pieces: dict[str, tuple[str, str] | None] = {}

    def fork(self) -> "Segmenter":
        """An independent copy: terms added to it never reach this one."""
        return Segmenter(self)

    def add_term(self, term: str) -> None:
        if term in self._known or len(term) < 2 or not _CJK_WORD.match(term):
            return
        if any(c in NEGATING_CHARS for c in term[1:]):
            # 还没说完 as one word would hide its 没 from every other rubric's negation check; such a term is
            # still found as a substring.
            return
        if _ADVERB_LED.match(term):
            # 先问, 然后问, 也是: an adverb glued to one character would re-cut its neighbours (然后问|清楚 hides 问清)
            # and hide the 也/都 the negation checks read; such a term is still found as a substring.
            return
        self._known.add(term)
        if self.tokenizer.FREQ.get(term):
            return
        # add_word with no frequency uses suggest_freq: just enough for the
        # term to stay whole without disturbing the rest of the dictionary.
        self.tokenizer.add_word(term)
        self._added.add(term)

    def is_word(self, text: str) -> bool:
        """True when ``text`` is a dictionary word (rubric terms added to the dictionary do not count)."""
        return bool(self.tokenizer.FREQ.get(text)) and text not in self._added

    def two_words(self, term: str) -> tuple[str, str] | None:
        """``安抚情绪`` -> (安抚, 情绪): a Chinese term that is two dictionary words of 2+ characters, else None.
        The first split point from the left wins (terms are short, ambiguity is rare)."""
        if term not in self._pieces:
            found = None
            if _CJK_WORD.match(term) and len(term) >= 4:
                for k in range(2, len(term) - 1):
                    head, tail = term[:k], term[k:]
                    if self.tokenizer.FREQ.get(head) and self.tokenizer.FREQ.get(tail):
                        found = (head, tail)
                        break
            self._pieces[term] = found
        return self._pieces[term]

    def tokens(self, text: str) -> list[tuple[int, int]]:
        """(start, end) spans of the tokens of ``text``, whitespace dropped."""
        starts, ends, _ = self.words(text)
        return list(zip(starts, ends))

    def words(self, text: str) -> tuple[list[int], list[int], list[str]]:
        """The tokens of ``text``, whitespace dropped: their starts, their ends and the words themselves."""
        starts, ends, words = [], [], []
        pos = 0
        for word in self.cut(text):
            end = pos + len(word)
            if not word.isspace():
                starts.append(pos)
                ends.append(end)
                words.append(word)
            pos = end
        return starts, ends, words

    def cut(self, text: str) -> list[str]:
        """jieba's accurate mode with HMM (``Tokenizer.cut(text, HMM=True)``), with the HMM limited to
        HMM_BUDGET characters of single-character runs per text; below the budget the words are jieba's own.
        One list filled in place (nested generators cost a frame switch per word)."""
        words: list[str] = []
        budget = [HMM_BUDGET]
        for block in jieba.re_han_default.split(text):
            if not block:
                continue
            if jieba.re_han_default.match(block):
                self._cut_block(block, budget, words)
            else:
                for piece in jieba.re_skip_default.split(block):
                    if jieba.re_skip_default.match(piece):
                        words.append(piece)
                    else:
                        words.extend(piece)
        return words

    def word_ends(self, block: str) -> list[int]:
        """For each position of ``block``, the last position of the word jieba's dictionary pass starts there:
        the route of ``Tokenizer.calc(block, Tokenizer.get_DAG(block), route)``, ties included, computed in one
        pass from the end.  jieba builds a dict of candidate lists and a generator per position first; this
        does the same arithmetic in about a third of the time."""
        freq = self.tokenizer.FREQ.get
        n = len(block)
        log_total = log(self.tokenizer.total)
        score = [0.0] * (n + 1)  # best log-probability of block[k:]
        ends = [0] * n
        for k in range(n - 1, -1, -1):
            best, best_end = 0.0, -1
            stop = k + 1
            count = freq(block[k])
            # Every prefix of a dictionary word is in FREQ (with 0 when it is not a word itself).
            while count is not None:
                if count:
                    candidate = log(count) - log_total + score[stop]
                    if best_end < 0 or candidate >= best:  # a tie goes to the longer word, as in jieba's max()
                        best, best_end = candidate, stop - 1
                if stop >= n:
                    break
                stop += 1
                count = freq(block[k:stop])
            if best_end < 0:  # no word starts here: the character alone, with frequency 1
                best, best_end = score[k + 1] - log_total, k
            score[k], ends[k] = best, best_end
        return ends

    def _cut_block(self, block: str, budget: list[int], words: list[str]) -> None:
        ends = self.word_ends(block)
        x, n, run = 0, len(block), ""
        while x < n:
            y = ends[x] + 1
            if y - x == 1:
                run += block[x]
            else:
                if run:
                    self._cut_run(run, budget, words)
                    run = ""
                words.append(block[x:y])
            x = y
        if run:
            self._cut_run(run, budget, words)

    def _cut_run(self, run: str, budget: list[int], words: list[str]) -> None:
        """A run of single-character words: the HMM may join unknown words in it (jieba's own rule)."""
        if len(run) == 1 or self.tokenizer.FREQ.get(run):
            words.extend(run)
            return
        for piece in _HAN_RUN.split(run):
            if not piece:
                continue
            if _HAN_RUN.match(piece):
                if budget[0] < len(piece):
                    words.extend(piece)
                    continue
                budget[0] -= len(piece)
                words.extend(hmm_cut(piece))
            else:  # Latin letters, digits, signs: whole, as finalseg.cut leaves them
                words.extend(x for x in finalseg.re_skip.split(piece) if x)
