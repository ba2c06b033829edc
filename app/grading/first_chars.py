"""Compile a pattern with a look-ahead on the characters its matches can start with.

The verdict patterns (``negation._CLOSES`` and the like) are long alternations whose branches begin with optional
words (``(?:很|挺|也)?正常``), so Python's engine cannot skip ahead by their first character and tries every branch
at every position of the clause.  A look-ahead ``(?=[很挺也正…])`` in front rejects most positions with one
character test.  It changes no match: every match starts with one of those characters.  When the first
character cannot be bounded (a class of all Chinese characters, a pattern that can match nothing), the pattern is
compiled as it is.
"""
from __future__ import annotations

import re
from re import _constants as sre  # the parser behind re.compile (Python >= 3.11, the project's floor)
from re import _parser

MAX_FIRST = 120  # more possible first characters than this and the test costs more than it saves
_WIDE_RANGE = 256


class _Unbounded(Exception):
    pass


def _sequence(items) -> tuple[set[str], bool]:
    """(characters a match of the sequence can start with, whether it can match the empty string)."""
    first: set[str] = set()
    for op, av in items:
        chars, empty = _item(op, av)
        first |= chars
        if not empty:
            return first, False
    return first, True


def _item(op, av) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < _WIDE_RANGE:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # a wide range, a category (\d, \s), a negated class
                raise _Unbounded
        return chars, False
    if op is sre.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:
            first, can_be_empty = _sequence(branch)
            chars |= first
            empty = empty or can_be_empty
        return chars, empty
    if op is sre.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            raise _Unbounded  # (?i:…): the characters' other cases too
        return _sequence(av[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        first, empty = _sequence(av[2])
        return first, empty or av[0] == 0
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return set(), True  # zero width: the first character comes after it
    raise _Unbounded  # anything else (., [^…], back-references): no bound


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters every non-empty match of ``pattern`` starts with; None when they cannot be bounded or the
    pattern can match the empty string."""
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None
        first, empty = _sequence(parsed)
    except (_Unbounded, re.error, TypeError, ValueError):
        return None
    return None if empty or not first else frozenset(first)


def compile_guarded(pattern: str) -> re.Pattern:
    """``re.compile(pattern)``, behind a look-ahead on its first characters when there are few of them."""
    first = first_chars(pattern)
    if first is None or len(first) > MAX_FIRST:
        return re.compile(pattern)
    guard = "".join(re.escape(c) for c in sorted(first))
    return re.compile(f"(?=[{guard}])(?:{pattern})")
