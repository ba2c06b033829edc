"""Instructors' overrides: one key point (or a part's total, or an objective answer) set by hand, recorded as a
GradeChange (who, when, old, new, why); the attempt's total follows, and a later regrade keeps it."""
from __future__ import annotations

from ..audit import record
from ..extensions import db
from ..models import DomainError, GradeChange, PointScore, Response, utcnow
from ..qtypes import question_type
from .service import total_attempt
from .settle import settle


MAX_COMMENT = 2000


class OverrideError(DomainError):
    """An override that does not fit the question (unknown part or point, points out of range)."""


def overrides_of(response: Response) -> dict[tuple[str, str], float]:
    return {(row.part_id, row.point_id): row.earned for row in response.point_scores
            if row.source == PointScore.OVERRIDE}


def comments_of(response: Response) -> dict[str, str]:
    """The latest comment per part (objective answers: part ''). An override's reason becomes the part's comment
    when it has one; a comment change (``comment()``) sets it, or clears it when empty."""
    comments: dict[str, str] = {}
    for change in response.changes:
        if change.kind == GradeChange.COMMENT or (change.kind == GradeChange.OVERRIDE and change.reason):
            comments[change.part_id or ""] = change.reason or ""
    return {part: text for part, text in comments.items() if text}


def _part_exists(content: dict, part_id: str) -> None:
    if question_type(content).objective:
        if part_id:
            raise OverrideError("an objective question has no parts")
    elif not any(p["id"] == part_id for p in content.get("parts", [])):
        raise OverrideError(f"no part {part_id!r} in this question")


def _clean_comment(comment: str | None) -> str:
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise OverrideError(f"the comment may have at most {MAX_COMMENT} characters")
    return comment


def comment(response: Response, part_id: str | None, text: str, by, now=None) -> GradeChange | None:
    """Set (or, with empty ``text``, clear) the instructor's comment on one part (objective answers: part None)
    without changing any points. Writes one GradeChange of kind comment; None when the comment is unchanged.
    Flushes, never commits."""
    now = now or utcnow()
    item = response.item
    content = item.version.content
    part_id = part_id or ""
    _part_exists(content, part_id)
    text = _clean_comment(text)
    if comments_of(response).get(part_id, "") == text:
        return None
    score = response.score or 0.0
    change = GradeChange(kind=GradeChange.COMMENT, part_id=part_id or None, old_score=score, new_score=score,
                         reason=text, changed_by_id=getattr(by, "id", None), at=now)
    response.changes.append(change)
    response.result, _score = settle(content, response.result or {}, item.points, overrides_of(response), score,
                                     comments_of(response))
    response.needs_review = False
    response.reviewed_at, response.reviewed_by_id = now, getattr(by, "id", None)
    record("grade.comment", by, f"response {response.id}",
           {"attempt": item.attempt_id, "part": part_id, "cleared": not text})
    db.session.flush()
    return change


def _limit(content: dict, item_points: float, part_id: str, point_id: str) -> float:
    """The most that (part, point) can be given; OverrideError when it does not exist."""
    qtype = question_type(content)
    if qtype.objective:
        if part_id or point_id:
            raise OverrideError("an objective question has no parts or key points")
        return item_points
    part = next((p for p in content.get("parts", []) if p["id"] == part_id), None)
    if part is None:
        raise OverrideError(f"no part {part_id!r} in this question")
    if not point_id:
        return float(part.get("points", 10))
    point = next((p for p in part.get("rubric", []) if p["id"] == point_id), None)
    if point is None:
        raise OverrideError(f"no key point {point_id!r} in part {part_id!r}")
    return float(point["points"])


def override(response: Response, part_id: str | None, point_id: str | None, points, comment: str, by,
             now=None) -> GradeChange:
    """Set (part, point) of ``response`` to ``points`` by hand. ``point_id`` None: the part's total; both None:
    an objective answer. Writes one GradeChange and re-totals the attempt. Flushes, never commits."""
    now = now or utcnow()
    item = response.item
    content = item.version.content
    part_id, point_id = part_id or "", point_id or ""
    try:
        value = float(points)
    except (TypeError, ValueError):
        raise OverrideError("points must be a number") from None
    limit = _limit(content, item.points, part_id, point_id)
    if not 0 <= value <= limit:
        raise OverrideError(f"points must be between 0 and {limit:g}")
    comment = _clean_comment(comment)

    old_score = response.score or 0.0
    row = next((r for r in response.point_scores if (r.part_id, r.point_id) == (part_id, point_id)), None)
    old_points = row.earned if row is not None else _auto_points(response, part_id, point_id)
    if row is None:
        row = PointScore(part_id=part_id, point_id=point_id, max=limit)
        response.point_scores.append(row)
    row.earned, row.source = value, PointScore.OVERRIDE

    change = GradeChange(kind=GradeChange.OVERRIDE, part_id=part_id or None, point_id=point_id or None,
                         old_points=old_points, new_points=value, old_score=old_score,
                         reason=comment, changed_by_id=getattr(by, "id", None), at=now)
    response.changes.append(change)
    response.result, response.score = settle(content, response.result or {}, item.points, overrides_of(response),
                                             old_score, comments_of(response))
    change.new_score = response.score
    response.needs_review = False
    response.reviewed_at, response.reviewed_by_id = now, getattr(by, "id", None)
    total_attempt(item.attempt)
    record("grade.override", by, f"response {response.id}",
           {"attempt": item.attempt_id, "part": part_id, "point": point_id, "old": old_points, "new": value,
            "score": [old_score, response.score]})
    db.session.flush()
    return change


def _auto_points(response: Response, part_id: str, point_id: str) -> float | None:
    result = response.result or {}
    if not part_id:
        return response.score
    part = (result.get("parts") or {}).get(part_id) or {}
    if not point_id:
        return part.get("score")
    return next((p.get("earned") for p in part.get("points", []) if p["id"] == point_id), None)
