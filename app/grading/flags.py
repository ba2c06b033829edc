"""Flags for the instructor: empty answers, keyword lists, uncertain grades (``review``: see docs/grading.md)."""
from __future__ import annotations

import re

from .matcher import PointMatch
from .messages import Message, N_
from .negation import NEGATING_CHARS
from .normalize import NormalizedText

_CONTENT = re.compile(r"[0-9a-z\u4e00-\u9fff]")
# Function words and common verbs: real sentences are full of them, a bare
# list of key terms has almost none.
_FUNCTION_CHARS = set("的了是在和与及要会对把将向给时就都也并而因为所以如果则应该可以需能让使被从到后先再有这那其之为等")
_LATIN_FUNCTION = {"the", "a", "an", "to", "of", "and", "is", "are", "be", "we", "should", "will", "for", "with", "then"}

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


# "review": a grade off by more than this share of the part is a wrong grade to an instructor; an answer goes to
# one when more points than that hang on the uncertain decisions below (one of them flipped would make the grade
# wrong).
AT_STAKE = 0.2
# "review": an answer that earns this share or more while this share of its 3-character phrases are the case's
# story (own words around them: the retold check passes over it) may have earned its points by retelling.
STORY_MIN_SHARE = 0.3
STORY_OVERLAP = 0.4
_NEGATOR = re.compile("[" + "".join(sorted(NEGATING_CHARS)) + "]")


def _names(points) -> str:
    return "、".join(f"“{p.text or p.id}”" for p in points)


def _share(points, maximum: float) -> str:
    return f"{sum(p.points for p in points) / maximum:.0%}"


def review_reasons(rubric, matches: list[PointMatch], maximum: float) -> list[Message]:
    """Why the grade is uncertain, one sentence per kind of doubt, or [] when the points resting on uncertain
    decisions are no more than ``AT_STAKE`` of the part (each of them might go the other way):

    - a point earned only through a typing slip or homophone (投述 for 投诉);
    - a point earned although the answer also denies the act itself elsewhere (道歉 … 不用道歉);
    - a point whose every part is named but under a negation, so it earned nothing (a double negative asserts);
    - a fault to spot whose every part is named but not as a fault (no negation, or in a defence).
    """
    slips, contradicted, negated, faults = [], [], [], []
    mixed = any(match.earned for match in matches)
    for point, match in zip(rubric, matches):
        if match.earned and match.fuzzy:
            slips.append(point)
        elif match.earned and point.polarity == "positive" and match.act_denied and not _NEGATOR.search(point.text):
            contradicted.append(point)
        elif not match.earned and match.named and point.polarity == "negative":
            faults.append(point)
        elif not match.earned and match.named and match.negated and mixed:
            negated.append(point)
    if sum(p.points for p in slips + contradicted + negated + faults) <= AT_STAKE * maximum + 1e-9:
        return []
    doubts = (
        (slips, N_("%(points)s (%(share)s of the part) earned only through a typing slip or a homophone: check that "
                   "the trainee meant it.")),
        (contradicted, N_("%(points)s (%(share)s of the part) earned, but the answer also says not to do it: check "
                          "which the trainee means.")),
        (negated, N_("%(points)s (%(share)s of the part) named under a negation and not earned: check that the "
                     "answer really says no (a double negative says yes).")),
        (faults, N_("%(points)s (%(share)s of the part): the answer names this fault but not as a fault, so it "
                    "earned nothing: check whether the trainee criticises or defends it.")),
    )
    reasons = [Message(template, points=_names(found), share=_share(found, maximum)) for found, template in doubts
               if found]
    return reasons


def retold_reason(overlap: float, share: float) -> Message | None:
    """An answer that earns ``STORY_MIN_SHARE`` or more while ``STORY_OVERLAP`` of its phrases are the story's."""
    if share >= STORY_MIN_SHARE and overlap >= STORY_OVERLAP:
        return Message(N_("%(overlap)s of the answer's phrases are the case's story, yet it earns %(share)s: check "
                          "that the points come from analysis, not from retelling."),
                       overlap=f"{overlap:.0%}", share=f"{share:.0%}")
    return None
