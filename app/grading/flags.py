"""Flags for the instructor: empty answers, keyword lists, uncertain grades."""
from __future__ import annotations

import re

from .matcher import PointMatch
from .normalize import NormalizedText

_CONTENT = re.compile(r"[0-9a-z\u4e00-\u9fff]")
# Function words and common verbs: real sentences are full of them, a bare
# list of key terms has almost none.
_FUNCTION_CHARS = set("的了是在和与及要会对把将向给时就都也并而因为所以如果则应该可以需能让使被从到后先再有这那其之为等")
_LATIN_FUNCTION = {"the", "a", "an", "to", "of", "and", "is", "are", "be", "we", "should", "will", "for", "with", "then"}

# "review": long answer (content characters) with a low share of the points
REVIEW_MIN_LENGTH = 60
REVIEW_MAX_SHARE = 0.3
# "list": share of content covered by matched terms, and clause length
LIST_MIN_COVERAGE = 0.6
LIST_MAX_CLAUSE = 6.0
LIST_MIN_TERMS = 3


def content_length(norm: NormalizedText) -> int:
    return len(_CONTENT.findall(norm.text))


def is_empty(norm: NormalizedText) -> bool:
    return _CONTENT.search(norm.text) is None


def looks_like_list(norm: NormalizedText, matches: list[PointMatch]) -> bool:
    spans = sorted({s for m in matches for s in m.covered})
    if len(spans) < LIST_MIN_TERMS:
        return False
    text = norm.text
    total = len(_CONTENT.findall(text))
    if not total:
        return False
    # Content characters inside the matched terms, counted over the merged spans (most answers stop here: counting
    # character by character cost more than the rest of this check).
    inside, reach = 0, 0
    for s, e in spans:
        s = max(s, reach)
        if e > s:
            inside += len(_CONTENT.findall(text, s, e))
            reach = e
    if inside / total < LIST_MIN_COVERAGE:
        return False
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    content = [m.start() for m in _CONTENT.finditer(text)]
    pieces = [p for p in re.split(r"[。，、 ]+", text) if _CONTENT.search(p)]
    mean_clause = len(content) / max(len(pieces), 1)
    uncovered = [text[i] for i in content if i not in covered]
    function = sum(1 for c in uncovered if c in _FUNCTION_CHARS)
    function += sum(1 for w in re.findall(r"[a-z]+", text) if w in _LATIN_FUNCTION)
    return mean_clause <= LIST_MAX_CLAUSE or function <= len(content) * 0.05


def needs_review(norm: NormalizedText, matches: list[PointMatch], positives: list[bool], score: float, maximum: float) -> bool:
    # A point earned only through a typing-slip match.
    if any(m.earned and m.fuzzy for m in matches):
        return True
    # A positive point mentioned under a negation ("不要道歉").
    if any(m.negated for m, positive in zip(matches, positives) if positive):
        return True
    # A long answer that talks about the rubric's topics but scores low:
    # probably a paraphrase the rubric does not know.
    touched = sum(1 for m in matches if m.touched)
    if (
        content_length(norm) >= REVIEW_MIN_LENGTH
        and score <= maximum * REVIEW_MAX_SHARE
        and touched >= min(2, len(matches))
    ):
        return True
    return False
