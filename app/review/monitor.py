"""A live view of a paper's attempts for instructors: who is sitting it, how far, time left, tab switches."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Attempt, AttemptItem, Paper, Response, utcnow
from ..qtypes import question_type
from ..reach import reach_condition


def paper_attempts(paper: Paper, viewer, now=None) -> list[dict]:
    """Every attempt of ``paper`` whose trainee ``viewer`` reaches: sitting ones first (by time left), then finished
    ones, newest first. Reads only: an attempt past its deadline shows as overdue; it is finished by its owner or by
    cron."""
    now = now or utcnow()
    attempts = db.session.scalars(
        select(Attempt).where(Attempt.paper_id == paper.id, reach_condition(viewer, Attempt.user_id)).options(
            selectinload(Attempt.user),
            selectinload(Attempt.items).selectinload(AttemptItem.response),
            selectinload(Attempt.items).selectinload(AttemptItem.version))).all()
    rows = []
    for attempt in attempts:
        answered = 0
        to_review = 0
        for item in attempt.items:
            response: Response | None = item.response
            content = item.version.content
            if response is not None and question_type(content).has_answer(content, response.answer):
                answered += 1
            if response is not None and response.needs_review and response.reviewed_at is None:
                to_review += 1
        remaining = None
        if attempt.is_open and attempt.deadline is not None:
            remaining = int((attempt.deadline - now).total_seconds())
        rows.append({"attempt": attempt, "answered": answered, "total": len(attempt.items),
                     "remaining": remaining, "overdue": remaining is not None and remaining < 0,
                     "focus_losses": attempt.focus_losses, "to_review": to_review})
    sitting = sorted((r for r in rows if r["attempt"].is_open),
                     key=lambda r: (r["remaining"] is None, r["remaining"] or 0))
    finished = sorted((r for r in rows if not r["attempt"].is_open),
                      key=lambda r: r["attempt"].finished_at or r["attempt"].started_at, reverse=True)
    return sitting + finished
