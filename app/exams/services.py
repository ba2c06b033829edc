"""Trainee-side operations on papers and attempts: they flush, the view commits.

The operations live in modules split by job and are re-exported here:
``attempts`` (start, save, submit, expire, payloads), ``grading``, ``practice``, ``mistakes`` (错题本),
``progress`` (history, progress, dashboard).
"""
from sqlalchemy import func, select

from ..extensions import db
from ..models import Attempt, Paper
from .attempts import (attempt_payload, expire_overdue, find_open_attempt, get_attempt_for, record_focus_loss,
                       result_payload, save_answer, set_flag, start_attempt, submit_attempt, validate_answer)
from .errors import ExamError, ExamNotFound, state_message
from .mistakes import add_mistake, due_count, mistake_book
from .mistakes import entry_payload as mistake_payload
from .practice import practice_answer, practice_question, practice_topics
from .progress import dashboard, history, mastery, progress

__all__ = [
    "open_papers", "attempt_payload", "expire_overdue", "find_open_attempt", "get_attempt_for", "record_focus_loss",
    "result_payload", "save_answer", "set_flag", "start_attempt", "submit_attempt", "validate_answer",
    "ExamError", "ExamNotFound", "state_message", "add_mistake", "due_count", "mistake_book", "mistake_payload",
    "practice_answer", "practice_question", "practice_topics", "dashboard", "history", "mastery", "progress",
]


def open_papers(user) -> list[dict]:
    """Active papers with the user's attempt count and best score on each."""
    papers = db.session.scalars(select(Paper).where(Paper.active).order_by(Paper.kind, Paper.key)).all()
    stats = {
        row.paper_id: row
        for row in db.session.execute(
            select(Attempt.paper_id, func.count(Attempt.id).label("count"), func.max(Attempt.score).label("best"))
            .where(Attempt.user_id == user.id, Attempt.status != Attempt.STARTED)
            .group_by(Attempt.paper_id)
        )
    }
    out = []
    for paper in papers:
        row = stats.get(paper.id)
        used = row.count if row else 0
        out.append({
            "paper": paper,
            "attempts_used": used,
            "attempts_left": None if paper.max_attempts is None else max(paper.max_attempts - used, 0),
            "best": row.best if row else None,
        })
    return out
