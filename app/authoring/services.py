"""Instructor-side operations: the bank in the database (import, export, listing). They flush, never commit."""
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..bank import Bank, load_bank, write_bank
from ..bank.loader import summary
from ..extensions import db
from ..models import Attempt, AttemptItem, Paper, Question, QuestionVersion, Response, SynonymSet
from ..reach import reach_condition


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    papers_added: list[str] = field(default_factory=list)
    papers_changed: list[str] = field(default_factory=list)
    synonyms_changed: bool = False

    def summary(self) -> str:
        return (f"questions: {len(self.added)} added, {len(self.changed)} changed, "
                f"{len(self.unchanged)} unchanged; papers: {len(self.papers_added)} added, "
                f"{len(self.papers_changed)} changed")


def known_questions(live_only: bool = False) -> dict[str, dict]:
    """Summaries of the questions in the database, so that a partial import may refer to them (drafts included,
    retired ones not); ``live_only``: without drafts either, as trainees' papers see the bank."""
    condition = Question.is_live() if live_only else Question.retired.is_(False)
    versions = db.session.scalars(
        select(Question).where(condition).options(selectinload(Question.versions))
    ).all()
    return {q.key: summary(q.current.content) for q in versions if q.current}


def load_for_import(path) -> Bank:
    """Validate ``path`` against what the database already holds (raises BankError)."""
    return load_bank(path, known_questions=known_questions(), synonyms=SynonymSet.as_dict())


def import_bank(bank: Bank, author_id: int | None = None) -> ImportReport:
    """Bring the database in line with ``bank``: a new version only for a question whose content changed."""
    report = ImportReport()
    existing = {q.key: q for q in db.session.scalars(
        select(Question).options(selectinload(Question.versions))).all()}
    for key, content in bank.questions.items():
        question = existing.get(key)
        if question is None:
            question = Question(key=key, type=content["type"], topic=content["topic"])
            db.session.add(question)
            question.revise(content, author_id)
            report.added.append(key)
        elif question.revise(content, author_id) is not None:
            report.changed.append(key)
        else:
            report.unchanged.append(key)
    papers = {p.key: p for p in db.session.scalars(select(Paper)).all()}
    for key, definition in bank.papers.items():
        paper = papers.get(key)
        if paper is None:
            paper = Paper(key=key, content_hash="")
            paper.update_from(definition)
            db.session.add(paper)
            report.papers_added.append(key)
        elif paper.update_from(definition):
            report.papers_changed.append(key)
    report.synonyms_changed = _sync_synonyms(bank.synonyms)
    db.session.flush()
    return report


def _sync_synonyms(sets: dict[str, list[str]]) -> bool:
    current = {s.name: s for s in db.session.scalars(select(SynonymSet)).all()}
    changed = False
    for name, terms in sets.items():
        row = current.get(name)
        if row is None:
            db.session.add(SynonymSet(name=name, terms=list(terms)))
            changed = True
        elif list(row.terms) != list(terms):
            row.terms = list(terms)
            changed = True
    return changed


def export_bank(directory) -> list:
    """Write the current version of every live question (no retired one, no draft), the live papers (no draft)
    and the synonyms as bank YAML."""
    questions = db.session.scalars(
        select(Question).where(Question.is_live()).order_by(Question.key)
        .options(selectinload(Question.versions))).all()
    papers = db.session.scalars(select(Paper).where(Paper.is_live()).order_by(Paper.key)).all()
    return write_bank(directory, [q.current.content for q in questions if q.current],
                      [p.definition for p in papers], SynonymSet.as_dict())


def question_list() -> list[Question]:
    return db.session.scalars(
        select(Question).order_by(Question.topic, Question.key).options(selectinload(Question.versions))).all()


def paper_list() -> list[Paper]:
    return db.session.scalars(select(Paper).order_by(Paper.kind, Paper.key)).all()


def part_lookup():
    """A ``(question id, part id) -> part`` lookup over the current versions, for bulk grading."""
    cache: dict = {}

    def lookup(question_key: str, part_id: str):
        if question_key not in cache:
            question = Question.by_key(question_key)
            cache[question_key] = question.current if question and question.current else None
        version = cache[question_key]
        return version.part(part_id) if version is not None else None

    return lookup


def stem_lookup():
    """A ``question id -> stem`` lookup over the current versions, for bulk grading (a retold stem earns nothing)."""
    cache: dict = {}

    def lookup(question_key: str):
        if question_key not in cache:
            question = Question.by_key(question_key)
            content = question.current.content if question and question.current else {}
            stem = content.get("stem") if isinstance(content, dict) else None
            cache[question_key] = stem if isinstance(stem, str) else None
        return cache[question_key]

    return lookup


def version_count() -> int:
    return db.session.query(QuestionVersion).count()


def recent_attempts(viewer, limit: int = 200) -> list[dict]:
    """Attempts of the trainees ``viewer`` reaches (app/reach.py), newest first, with the trainee, the tab switches
    recorded and how many answers await review."""
    review = (select(AttemptItem.attempt_id, func.count(Response.id).label("n"))
              .join(Response, Response.item_id == AttemptItem.id)
              .where(Response.needs_review.is_(True), Response.reviewed_at.is_(None))
              .group_by(AttemptItem.attempt_id).subquery())
    rows = db.session.execute(
        select(Attempt, Attempt.focus_losses, func.coalesce(review.c.n, 0))
        .outerjoin(review, review.c.attempt_id == Attempt.id)
        .where(reach_condition(viewer, Attempt.user_id))
        .options(selectinload(Attempt.user), selectinload(Attempt.paper))
        .order_by(Attempt.started_at.desc()).limit(limit))
    return [{"attempt": a, "focus_losses": f, "to_review": r} for a, f, r in rows]
