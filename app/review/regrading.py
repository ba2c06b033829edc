"""Which responses a regrade covers (a paper, optionally some of its questions and attempts), what its report means,
and the regrade as a background job."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..jobs import report_progress
from ..models import Attempt, AttemptItem, Paper, Question, QuestionVersion, Response, User
from ..reach import EVERYONE, reach_condition
from ..scoring import RegradeReport, regrade


def paper_questions(paper: Paper) -> list[Question]:
    """The questions that appear in the paper's finished attempts (what a regrade of it can cover)."""
    return list(db.session.scalars(
        select(Question).join(QuestionVersion, QuestionVersion.question_id == Question.id)
        .join(AttemptItem, AttemptItem.question_version_id == QuestionVersion.id)
        .join(Attempt, AttemptItem.attempt_id == Attempt.id)
        .where(Attempt.paper_id == paper.id, Attempt.status != Attempt.STARTED)
        .distinct().order_by(Question.key)))


def paper_attempts(paper: Paper, viewer) -> list[Attempt]:
    """The paper's finished attempts whose trainee ``viewer`` reaches, newest first (what a regrade may be limited
    to by name)."""
    return list(db.session.scalars(select(Attempt).where(Attempt.paper_id == paper.id, Attempt.is_graded,
                                                         reach_condition(viewer, Attempt.user_id))
                                   .options(selectinload(Attempt.user)).order_by(Attempt.id.desc())))


def finished_count(paper: Paper) -> int:
    """How many finished attempts of the paper a regrade of it covers (every class's)."""
    return db.session.scalar(select(func.count(Attempt.id)).where(Attempt.paper_id == paper.id, Attempt.is_graded))


def paper_responses(paper: Paper, question_keys=(), attempt_ids=(), *, viewer) -> list[Response]:
    """Responses of the paper's finished attempts whose trainee ``viewer`` reaches (``EVERYONE`` for a regrade),
    optionally only to ``question_keys`` and only of ``attempt_ids``; in a stable order."""
    query = (select(Response).join(AttemptItem, Response.item_id == AttemptItem.id)
             .join(Attempt, AttemptItem.attempt_id == Attempt.id)
             .join(QuestionVersion, AttemptItem.question_version_id == QuestionVersion.id)
             .join(Question, QuestionVersion.question_id == Question.id)
             .where(Attempt.paper_id == paper.id, Attempt.is_graded,  # one awaiting its grading job: not yet
                    reach_condition(viewer, Attempt.user_id)))
    if question_keys:
        query = query.where(Question.key.in_(list(question_keys)))
    if attempt_ids:
        query = query.where(Attempt.id.in_(list(attempt_ids)))
    query = query.order_by(Attempt.id, AttemptItem.position).options(
        selectinload(Response.item).selectinload(AttemptItem.attempt).selectinload(Attempt.items),
        selectinload(Response.item).selectinload(AttemptItem.version).selectinload(QuestionVersion.question)
        .selectinload(Question.versions),
        selectinload(Response.point_scores), selectinload(Response.changes))
    return list(db.session.scalars(query))


def regrade_paper(paper: Paper, question_keys=(), dry_run: bool = True, by=None, on_progress=None,
                  attempt_ids=()) -> RegradeReport:
    """Regrade the paper's finished attempts, every class's, or only ``attempt_ids`` of them (``dry_run``: report
    only). A regrade corrects the question after a rubric change, so it is not limited to the classes of the
    instructor who asks: the pages list only the changes in their reach. Flushes, never commits."""
    return regrade(paper_responses(paper, question_keys, attempt_ids, viewer=EVERYONE), dry_run=dry_run, by=by,
                   on_progress=on_progress)


def regrade_paper_job(paper_id: int, question_keys: list[str], attempt_ids: list[int], by_id: int | None) -> dict:
    """The regrade as a background job (``app.jobs.start``): progress reported as it goes; returns
    ``{"summary": ...}`` (the report without its list of changes, which the dry run showed)."""
    paper = db.session.get(Paper, paper_id)
    if paper is None:
        raise LookupError(f"paper {paper_id} is gone")
    by = db.session.get(User, by_id) if by_id is not None else None
    report = summary(regrade_paper(paper, question_keys, dry_run=False, by=by, on_progress=report_progress,
                                   attempt_ids=attempt_ids))
    report.pop("changes")
    return {"summary": report}


def summary(report: RegradeReport) -> dict:
    """Moodle's sentence: it would change the marks for X questions in Y attempts (and by how much)."""
    data = report.to_dict()
    data["attempts"] = len({c.attempt_id for c in report.changed})
    return data
