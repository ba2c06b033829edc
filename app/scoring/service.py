"""Grading answers, responses and whole attempts; writing per-point scores beside the result."""
from __future__ import annotations

from ..extensions import db
from ..grading import Grader
from ..models import Attempt, AttemptItem, PointScore, Response
from ..qtypes import Outcome, question_type
from .grader import current_grader


def grade_answer(content: dict, answer, grader: Grader | None = None) -> Outcome:
    """Grade an answer to a question version's ``content`` (no database write)."""
    qtype = question_type(content)
    if not qtype.objective and grader is None:
        grader = current_grader()
    return qtype.grade(content, answer, grader)


def stored_result(content: dict, outcome: Outcome) -> dict:
    """The ``Response.result`` of an outcome (shape: app.qtypes.results.ResponseResult)."""
    if question_type(content).objective:
        return {"correct": outcome.correct}
    return {"parts": outcome.parts}


def point_rows(content: dict, result: dict, item_points: float, score: float) -> list[tuple[str, str, float, float, bool]]:
    """(part, point, earned, max, fuzzy) rows for a stored result: one per key point of a case, one row
    (part and point '') for an objective answer, in the item's points."""
    if question_type(content).objective:
        return [("", "", score, item_points, False)]
    rows = []
    for part_id, part in (result.get("parts") or {}).items():
        for point in part.get("points", []):
            rows.append((part_id, point["id"], float(point.get("earned", 0.0)), float(point.get("max", 0.0)),
                         bool(point.get("fuzzy"))))
    return rows


def write_point_scores(response: Response, content: dict, item_points: float) -> None:
    """Bring ``response.point_scores`` in line with its result; rows an instructor overrode stay as they are."""
    existing = {(row.part_id, row.point_id): row for row in response.point_scores}
    for part_id, point_id, earned, maximum, fuzzy in point_rows(content, response.result or {}, item_points,
                                                                response.score or 0.0):
        row = existing.get((part_id, point_id))
        if row is None:
            response.point_scores.append(PointScore(part_id=part_id, point_id=point_id, earned=earned, max=maximum,
                                                    source=PointScore.AUTO, fuzzy=fuzzy))
        elif row.source == PointScore.AUTO:
            row.earned, row.max, row.fuzzy = earned, maximum, fuzzy


def grade_response(item: AttemptItem, response: Response, grader: Grader | None = None) -> Outcome:
    """Grade an attempt item's response in place: score, result, needs_review and its per-point rows."""
    content = item.version.content
    outcome = grade_answer(content, response.answer, grader)
    response.result = stored_result(content, outcome)
    response.score = outcome.scaled(item.points)
    response.needs_review = outcome.needs_review
    write_point_scores(response, content, item.points)
    return outcome


def response_for(item: AttemptItem) -> Response:
    if item.response is None:
        item.response = Response(answer=None, flagged=False)
    return item.response


def grade_attempt(attempt: Attempt) -> list[tuple[AttemptItem, Outcome]]:
    """Grade every item of a finished attempt and total it. Returns each item's outcome (for the 错题本)."""
    grader = None
    outcomes = []
    for item in attempt.items:
        if not question_type(item.version.content).objective and grader is None:
            grader = current_grader()
        outcomes.append((item, grade_response(item, response_for(item), grader)))
    total_attempt(attempt)
    db.session.flush()
    return outcomes


def total_attempt(attempt: Attempt) -> None:
    attempt.score = round(sum((item.response.score or 0.0) for item in attempt.items if item.response), 2)
    attempt.max_score = sum(item.points for item in attempt.items)
