"""The rows item analysis works on, read from a paper's finished attempts (per-point scores from PointScore), of
the trainees the viewer reaches: its key-point evidence quotes answers, and a paper few have sat shows each one's
choices in its option counts."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Attempt, AttemptItem, Paper, Response
from ..qtypes import question_type
from ..reach import reach_condition
from .item_analysis import AttemptRow, ItemRow

MAX_EVIDENCE_CHARS = 40  # a quoted piece of evidence is cut to this length on the page


def finished_attempts(paper: Paper, viewer, first_only: bool = True) -> list[Attempt]:
    """The paper's finished attempts whose trainee ``viewer`` reaches; ``first_only``: each trainee's first one
    (Moodle's default)."""
    attempts = db.session.scalars(
        select(Attempt).where(Attempt.paper_id == paper.id, Attempt.is_graded, reach_condition(viewer, Attempt.user_id))
        .order_by(Attempt.started_at, Attempt.id)
        .options(selectinload(Attempt.items).selectinload(AttemptItem.response).selectinload(Response.point_scores),
                 selectinload(Attempt.items).selectinload(AttemptItem.version))).all()
    if not first_only:
        return list(attempts)
    seen: set[int] = set()
    first = []
    for attempt in attempts:
        if attempt.user_id not in seen:
            seen.add(attempt.user_id)
            first.append(attempt)
    return first


def choices_of(answer) -> tuple:
    """An objective answer as the options it chose: letters, or 'true' / 'false'."""
    if answer is None:
        return ()
    values = answer if isinstance(answer, list) else [answer]
    return tuple(sorted(("true" if v else "false") if isinstance(v, bool) else str(v) for v in values))


def item_row(item: AttemptItem) -> ItemRow:
    content = item.version.content
    qtype = question_type(content)
    response = item.response
    score = (response.score or 0.0) if response else 0.0
    key = item.version.question.key
    if qtype.objective:
        return ItemRow(key, True, score, item.points, choices=choices_of(response.answer if response else None))
    result = (response.result or {}) if response else {}
    stored = result.get("parts") or {}
    parts, points, evidence = {}, {}, {}
    for part in content.get("parts", []):
        graded = stored.get(part["id"]) or {}
        parts[part["id"]] = (float(graded.get("score", 0.0)), float(graded.get("max", part.get("points", 0))))
        text = graded.get("answer") or ""
        for point in graded.get("points", []):
            spans = [text[s:e][:MAX_EVIDENCE_CHARS] for s, e in (point.get("evidence") or [])
                     if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)]
            evidence[(part["id"], point["id"])] = spans if point.get("earned") else []
    for row in (response.point_scores if response else []):
        if row.part_id:
            points[(row.part_id, row.point_id)] = (row.earned, row.max)
    return ItemRow(key, False, score, item.points, parts=parts, points=points, evidence=evidence)


def analysis_rows(paper: Paper, viewer, first_only: bool = True) -> list[AttemptRow]:
    return [AttemptRow(a.id, [item_row(item) for item in a.items])
            for a in finished_attempts(paper, viewer, first_only)]
