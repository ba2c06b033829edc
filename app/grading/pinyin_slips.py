"""Toneless pinyin readings, for catching pinyin-IME slips (至歉 for 致歉)."""
from __future__ import annotations

import unicodedata

from pypinyin import Style, lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

_EMPTY: frozenset[str] = frozenset()
_readings_cache: dict[str, frozenset[str]] = {}


def _toneless(syllable: str) -> str:
    # "zhì" -> "zhi", "lǜ" -> "lu": strip combining marks after NFD.
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))


def char_readings(ch: str) -> frozenset[str]:
    """Every toneless reading of one character (heteronyms included)."""
    readings = _readings_cache.get(ch)
    if readings is None:
        raw = pinyin_dict.get(ord(ch))
        readings = frozenset(_toneless(r) for r in raw.split(",")) if raw else _EMPTY
        _readings_cache[ch] = readings
    return readings


def term_readings(term: str) -> list[str]:
    """The toneless reading of each character of a term, in context (多音字
    resolved by pypinyin's phrase dictionary)."""
    return [_toneless(s) for s in lazy_pinyin(term, style=Style.TONE)]


def homophone_windows(text: str, term: str, readings: list[str]) -> list[int]:
    """Start positions of windows of ``text`` that read like ``term`` but are
    not ``term``, differing in at most half of its characters.

    No per-answer index is needed: such a window shares at least one character
    with the term, so candidates come from ``str.find`` of each character."""
    n = len(term)
    candidates: set[int] = set()
    for k, ch in enumerate(term):
        pos = text.find(ch)
        while pos >= 0:
            if pos >= k:
                candidates.add(pos - k)
            pos = text.find(ch, pos + 1)
    found = []
    for start in sorted(candidates):
        window = text[start:start + n]
        if len(window) < n or window == term:
            continue
        differing = 0
        for k in range(n):
            if window[k] != term[k]:
                if readings[k] not in char_readings(window[k]):
                    break
                differing += 1
        else:
            if 0 < differing * 2 <= n:
                found.append(start)
    return found
