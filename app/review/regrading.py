"""Which responses a regrade covers (a paper, optionally some of its questions), and what its report means."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Attempt, AttemptItem, Paper, Question, QuestionVersion, Response
from ..scoring import RegradeReport, regrade


def paper_questions(paper: Paper) -> list[Question]:
    """The questions that appear in the paper's finished attempts (what a regrade of it can cover)."""
    return list(db.session.scalars(
        select(Question).join(QuestionVersion, QuestionVersion.question_id == Question.id)
        .join(AttemptItem, AttemptItem.question_version_id == QuestionVersion.id)
        .join(Attempt, AttemptItem.attempt_id == Attempt.id)
        .where(Attempt.paper_id == paper.id, Attempt.status != Attempt.STARTED)
        .distinct().order_by(Question.key)))


def paper_responses(paper: Paper, question_keys=()) -> list[Response]:
    """Responses of the paper's finished attempts, optionally only to ``question_keys``; in a stable order."""
    query = (select(Response).join(AttemptItem, Response.item_id == AttemptItem.id)
             .join(Attempt, AttemptItem.attempt_id == Attempt.id)
             .join(QuestionVersion, AttemptItem.question_version_id == QuestionVersion.id)
             .join(Question, QuestionVersion.question_id == Question.id)
             .where(Attempt.paper_id == paper.id, Attempt.status != Attempt.STARTED))
    if question_keys:
        query = query.where(Question.key.in_(list(question_keys)))
    query = query.order_by(Attempt.id, AttemptItem.position).options(
        selectinload(Response.item).selectinload(AttemptItem.attempt).selectinload(Attempt.items),
        selectinload(Response.item).selectinload(AttemptItem.version).selectinload(QuestionVersion.question)
        .selectinload(Question.versions),
        selectinload(Response.point_scores), selectinload(Response.changes))
    return list(db.session.scalars(query))


def regrade_paper(paper: Paper, question_keys=(), dry_run: bool = True, by=None, on_progress=None) -> RegradeReport:
    """Regrade the paper's finished attempts (``dry_run``: report only). Flushes, never commits."""
    return regrade(paper_responses(paper, question_keys), dry_run=dry_run, by=by, on_progress=on_progress)


def summary(report: RegradeReport) -> dict:
    """Moodle's sentence: it would change the marks for X questions in Y attempts (and by how much)."""
    data = report.to_dict()
    data["attempts"] = len({c.attempt_id for c in report.changed})
    return data
