"""Parts declared to ask the same thing as a part of another question (a part's ``overlaps:`` field).

The certification asks some things more than once (the steps of handling a complaint face to face appear in
several cases). A correct answer to one such part is a correct answer to the other, so the cross-question check
reports these pairs apart, and a mock paper does not ask the same thing twice. A declaration on either side
counts for both.
"""
from __future__ import annotations

import re

PART_REF_RE = re.compile(r"^([a-z0-9._-]+)/([a-z0-9_-]+)$")


def split_ref(ref) -> tuple[str, str] | None:
    """``"complaints.yogurt-fly/a"`` -> ``("complaints.yogurt-fly", "a")``; None if malformed."""
    found = PART_REF_RE.match(ref) if isinstance(ref, str) else None
    return (found.group(1), found.group(2)) if found else None


def declared_pairs(questions: dict[str, dict]) -> set[frozenset]:
    """Every declared overlap as an unordered pair of ``(question id, part id)``."""
    pairs = set()
    for qid, content in questions.items():
        for part in (content or {}).get("parts", []):
            for ref in part.get("overlaps", []):
                other = split_ref(ref)
                if other is not None:
                    pairs.add(frozenset({(qid, part["id"]), other}))
    return pairs


def overlapping_questions(content: dict) -> list[str]:
    """Ids of the other questions that ``content``'s parts declare overlaps with."""
    named = {split_ref(ref) for part in content.get("parts", []) for ref in part.get("overlaps", [])}
    return sorted({ref[0] for ref in named if ref is not None})


def overlap(first: str, first_summary: dict, second: str, second_summary: dict) -> bool:
    """Whether two questions (by id and summary) have overlapping parts, declared on either side."""
    return second in first_summary.get("overlaps", ()) or first in second_summary.get("overlaps", ())
