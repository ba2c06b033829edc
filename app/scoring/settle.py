"""A response's score from its automatic result and any instructors' overrides (pure functions of data).

Overrides are keyed (part, point): (part, point) for one key point of a case part, (part, '') for a part's total,
('', '') for a whole objective answer. The result keeps the grader's evidence; an overridden point carries
``override: true`` and the part the instructor's comments.
"""
from __future__ import annotations

import copy

from ..qtypes import question_type


def settle(content: dict, result: dict, item_points: float, overrides: dict[tuple[str, str], float],
           auto_score: float, comments: dict[str, str] | None = None) -> tuple[dict, float]:
    """(result with the overrides applied, the response's score on an item worth ``item_points``)."""
    if question_type(content).objective:
        whole = overrides.get(("", ""))
        settled = copy.deepcopy(result)
        _put_comment(settled, comments, "")
        return settled, round(whole if whole is not None else auto_score, 2)
    settled = copy.deepcopy(result)
    maximum = question_type(content).max_points(content)
    total = 0.0
    for part_id, part in (settled.get("parts") or {}).items():
        for point in part.get("points", []):
            earned = overrides.get((part_id, point["id"]))
            if earned is not None:
                point["earned"] = earned
                point["override"] = True
        part_score = sum(p.get("earned", 0.0) for p in part.get("points", [])) + (part.get("order") or {}).get(
            "earned", 0.0)
        whole_part = overrides.get((part_id, ""))
        if whole_part is not None:
            part_score = whole_part
            part["override"] = True
        if not part.get("points") and whole_part is None:
            part_score = part.get("score", 0.0)  # a part the engine could not grade keeps what it had
        part["score"] = round(part_score, 2)
        _put_comment(part, comments, part_id)
        total += part["score"]
    score = round(total * item_points / maximum, 2) if maximum else 0.0
    return settled, score


def _put_comment(target: dict, comments: dict[str, str] | None, part_id: str) -> None:
    """The part's (or answer's) comment as the instructors left it last: set, or removed once cleared."""
    if comments is None:
        return
    if comments.get(part_id):
        target["comment"] = comments[part_id]
    else:
        target.pop("comment", None)
