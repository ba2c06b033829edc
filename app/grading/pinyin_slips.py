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


def reading_index(text: str) -> dict[str, list[int]]:
    """Toneless reading -> ascending positions of the characters of ``text`` that can read so.  Built once per
    answer (linear), it lets every term look up its candidate windows instead of scanning the text."""
    by_char: dict[str, list[int]] = {}
    for pos, ch in enumerate(text):
        positions = by_char.get(ch)
        if positions is None:
            by_char[ch] = [pos]
        else:
            positions.append(pos)
    # Readings are looked up once per distinct character; a reading shared by several characters of the text
    # merges their position lists (kept ascending).
    index: dict[str, list[int]] = {}
    shared: set[str] = set()
    for ch, positions in by_char.items():
        for reading in char_readings(ch):
            known = index.get(reading)
            if known is None:
                index[reading] = positions
            else:
                if reading not in shared:
                    index[reading] = known = list(known)  # never extend a character's own list
                    shared.add(reading)
                known.extend(positions)
    for reading in shared:
        index[reading].sort()
    return index


_chars_by_reading: dict[str, frozenset[str]] | None = None


def chars_reading(reading: str) -> frozenset[str]:
    """Every character that can read ``reading`` (toneless): ``char_readings`` turned around, built on first use (a
    few tenths of a second, once per process)."""
    global _chars_by_reading
    if _chars_by_reading is None:
        toneless: dict[str, str] = {}
        by_reading: dict[str, set[str]] = {}
        for code, raw in pinyin_dict.items():
            ch = chr(code)
            for syllable in raw.split(","):
                reading_of = toneless.get(syllable)
                if reading_of is None:
                    reading_of = toneless[syllable] = _toneless(syllable)
                by_reading.setdefault(reading_of, set()).add(ch)
        _chars_by_reading = {r: frozenset(chars) for r, chars in by_reading.items()}
    return _chars_by_reading.get(reading, _EMPTY)


class LazyReadingIndex:
    """``reading_index(text)``, one reading at a time when it is asked for: a term's look-up needs the positions of
    two or three readings, where the whole index cost a pass over every character of the answer and its readings."""

    __slots__ = ("text", "characters", "_positions")

    def __init__(self, text: str, characters: frozenset[str]) -> None:
        self.text = text
        self.characters = characters  # the set of the text's characters
        self._positions: dict[str, list[int]] = {}

    def get(self, reading: str, default=()):
        positions = self._positions.get(reading)
        if positions is None:
            positions = []
            find = self.text.find
            chars = chars_reading(reading) & self.characters
            for ch in chars:
                at = find(ch)
                while at >= 0:
                    positions.append(at)
                    at = find(ch, at + 1)
            if len(chars) > 1:
                positions.sort()
            self._positions[reading] = positions
        return positions if positions else default


def homophone_windows(text: str, term: str, readings: list[str], index: dict[str, list[int]] | None = None,
                      limit: int | None = None) -> list[int]:
    """Start positions of windows of ``text`` that read like ``term`` but are
    not ``term``, differing in at most half of its characters: the first ``limit`` of them when given.

    Every character of such a window either is the term's character or reads like it, so the candidates are the
    positions of the term's rarest reading (``index``, from ``reading_index``); each is then checked in
    constant time.  The cost is linear in the answer whatever it repeats."""
    n = len(term)
    if index is None:
        index = reading_index(text)
    # Only a character whose own readings hold its reading in the term finds all the window's candidates
    # (its exact occurrences included); pypinyin's phrase reading of a 多音字 is almost always one of them.
    usable = [k for k in range(n) if readings[k] in char_readings(term[k])]
    if not usable:
        return []
    rarest = min(usable, key=lambda k: len(index.get(readings[k], ())))
    found = []
    for pos in index.get(readings[rarest], ()):
        start = pos - rarest
        if start < 0:
            continue
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
                if len(found) == limit:
                    break
    return found
