"""Chinese word segmentation: one private jieba tokenizer per Grader."""
from __future__ import annotations

import logging
import re
import warnings

with warnings.catch_warnings():
    # jieba 0.42 does ``import pkg_resources`` at import time; setuptools
    # >= 67 warns that pkg_resources is deprecated, which would break
    # ``pytest -W error``.  Only that warning is silenced, only here.
    warnings.filterwarnings("ignore", message=".*pkg_resources is deprecated.*")
    import jieba

# jieba logs "Building prefix dict..." to stderr on first use.
jieba.setLogLevel(logging.WARNING)

from .negation import NEGATING_CHARS  # noqa: E402

_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")


class Segmenter:
    """Wraps a private ``jieba.Tokenizer`` whose dictionary knows the rubric
    terms, so a key term is always kept as one token."""

    def __init__(self) -> None:
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        self._known: set[str] = set()
        self._added: set[str] = set()  # rubric terms jieba did not know: not evidence that a text is a word
        self._pieces: dict[str, tuple[str, str] | None] = {}

    def add_term(self, term: str) -> None:
        if term in self._known or len(term) < 2 or not _CJK_WORD.match(term):
            return
        if any(c in NEGATING_CHARS for c in term[1:]):
            # 还没说完 as one word would hide its 没 from every other rubric's negation check; such a term is
            # still found as a substring.
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
        spans = []
        pos = 0
        for word in self.tokenizer.cut(text, HMM=True):
            end = pos + len(word)
            if not word.isspace():
                spans.append((pos, end))
            pos = end
        return spans
