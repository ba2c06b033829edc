"""错题本 (mistake book): wrong answers come back for review after 1, 3 and 7 days until answered right twice.

Rules (``MistakeEntry.open`` / ``.record``):
- an objective question answered wrong, or a case part scoring below 60 %, enters the book (or re-enters it when
  it had left), due one day later;
- each later answer to it (in practice or in an exam) is a review: right moves it to the next interval
  (3 days, then 7 days) and two right in a row take it out of the book (``resolved_at``); wrong resets the streak
  and brings it back after one day;
- a trainee may add a question by hand (due at once).
"""
from __future__ import annotations

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import aliased

from ..extensions import db
from flask_babel import gettext as _

from ..models import Attempt, AttemptItem, MistakeEntry, Question, QuestionVersion, utcnow
from .errors import ExamConflict, ExamNotFound, is_key
from ..qtypes import PASS_RATIO, Outcome, question_type


def _entry(user, question_id: int, part_key: str, known: dict | None = None) -> MistakeEntry | None:
    if known is not None:  # record_outcomes read them all at once
        return known.get((question_id, part_key))
    return db.session.scalar(select(MistakeEntry).where(
        MistakeEntry.user_id == user.id, MistakeEntry.question_id == question_id, MistakeEntry.part_key == part_key))


def _note(user, version, part_key: str, correct: bool, missed: list | None, now,
          known: dict | None = None) -> MistakeEntry | None:
    entry = _entry(user, version.question_id, part_key, known)
    if correct:
        if entry is not None and entry.is_open:
            entry.record(True, now)
        return entry
    if entry is None:
        entry = MistakeEntry(user_id=user.id, question_id=version.question_id, part_key=part_key, added_at=now)
        db.session.add(entry)
        entry.open(now, missed)
        if known is not None:
            known[(version.question_id, part_key)] = entry
    elif not entry.is_open:
        entry.open(now, missed)
    else:
        entry.record(False, now, missed)
    entry.question_version_id = version.id
    return entry


def record_outcome(user, version, outcome: Outcome, now=None, known: dict | None = None) -> None:
    """Update the book after an answer to ``version`` (exam item or practice question). Unanswered: no change."""
    now = now or utcnow()
    if not outcome.answered:
        return
    _record(user, version, outcome, now, known)
    db.session.flush()


def record_outcomes(user, answered, now=None) -> None:
    """``record_outcome`` for every (version, outcome) of a submitted attempt: the user's entries for those
    questions read in one query, one flush at the end."""
    now = now or utcnow()
    answered = [(version, outcome) for version, outcome in answered if outcome.answered]
    ids = {version.question_id for version, _ in answered}
    known = {(entry.question_id, entry.part_key): entry for entry in db.session.scalars(select(MistakeEntry).where(
        MistakeEntry.user_id == user.id, MistakeEntry.question_id.in_(ids)))} if ids else {}
    for version, outcome in answered:
        _record(user, version, outcome, now, known)
    db.session.flush()


def _record(user, version, outcome: Outcome, now, known: dict | None) -> None:
    if question_type(version.content).objective:
        _note(user, version, "", bool(outcome.correct), None, now, known)
    else:
        for part_id, part in outcome.parts.items():
            if not part.get("answer", "").strip():  # a part left blank is not "answered wrong"
                continue
            _note(user, version, part_id, outcome.part_passed(part_id), outcome.part_missed(part_id), now, known)
        whole = _entry(user, version.question_id, "", known)  # a case added by hand: reviewed as a whole
        if whole is not None and whole.is_open:
            whole.record(bool(outcome.max) and outcome.score >= PASS_RATIO * outcome.max, now)


def open_attempt_questions(user):
    """The ids of the questions in the user's open attempts (a select): their solutions, in practice or in the
    printed book, would be shown during the exam."""
    return (select(QuestionVersion.question_id).join(AttemptItem, AttemptItem.question_version_id == QuestionVersion.id)
            .join(Attempt, Attempt.id == AttemptItem.attempt_id)
            .where(Attempt.user_id == user.id, Attempt.status == Attempt.STARTED))


def open_attempt_question_ids(user) -> set[int]:
    return set(db.session.scalars(open_attempt_questions(user)))


def holds_open_question(user):
    """A condition on ``Attempt`` (correlated, for the user's own attempts): a finished attempt holding a question of
    one of the user's open attempts. Any figure summed over its items (its total, a section's, an area's) would
    give away the score of the item its result withholds, so those figures wait too."""
    mine = aliased(AttemptItem)
    version = aliased(QuestionVersion)
    return and_(Attempt.status != Attempt.STARTED, exists(
        select(mine.id).join(version, version.id == mine.question_version_id)
        .where(mine.attempt_id == Attempt.id,
               version.question_id.in_(open_attempt_questions(user).scalar_subquery()))))


def in_open_attempt(user, question: Question) -> bool:
    return db.session.scalar(open_attempt_questions(user).where(
        QuestionVersion.question_id == question.id).limit(1)) is not None


def add_mistake(user, question_key: str, now=None) -> MistakeEntry:
    """Add a question to the book by hand (due at once); re-opens it if it had left. ExamNotFound if unknown,
    ExamConflict for a question of an exam the user has not submitted (the printed book shows solutions)."""
    now = now or utcnow()
    question = Question.by_key(question_key) if is_key(question_key) else None
    if question is None or not question.live or question.current is None:
        raise ExamNotFound("no such question")
    if in_open_attempt(user, question):
        raise ExamConflict(_("This question is in an exam you have not submitted yet: add it afterwards."))
    entry = _entry(user, question.id, "")
    if entry is None:
        entry = MistakeEntry(user_id=user.id, question_id=question.id, part_key="", added_at=now)
        db.session.add(entry)
        entry.open(now, manual=True)
    elif not entry.is_open:
        entry.open(now, manual=True)
    entry.question_version_id = question.current.id
    db.session.flush()
    return entry


def open_entries(user, due_only: bool = False, now=None, topic: str | None = None) -> list[MistakeEntry]:
    now = now or utcnow()
    query = select(MistakeEntry).where(MistakeEntry.user_id == user.id, MistakeEntry.resolved_at.is_(None))
    if due_only:
        query = query.where(MistakeEntry.due_at <= now)
    if topic:
        query = query.join(Question, Question.id == MistakeEntry.question_id).where(Question.topic == topic)
    return list(db.session.scalars(query.order_by(MistakeEntry.due_at, MistakeEntry.id)))


def entry_payload(entry: MistakeEntry, now=None, withheld: bool = False) -> dict:
    """``withheld``: the question is in an open attempt of the user, so the missed key points (rubric texts) are
    left out until it is submitted."""
    now = now or utcnow()
    question = entry.question
    version = entry.version or question.current
    content = version.content if version else {}
    part = version.part(entry.part_key) if (version and entry.part_key) else None
    texts = {p["id"]: p.get("text", "") for p in (part or {}).get("rubric", [])}
    return {
        "id": entry.id,
        "question": question.key,
        "type": question.type,
        "topic": question.topic,
        "stem": content.get("stem", ""),
        "part_id": entry.part_id,
        "part_prompt": part.get("prompt") if part else None,
        "missed": [] if withheld else [{"id": pid, "text": texts.get(pid, "")} for pid in entry.missed or []],
        "added_at": entry.added_at.isoformat(),
        "due_at": entry.due_at.isoformat(),
        "due": entry.is_due(now),
        "stage": entry.stage,
        "correct_streak": entry.correct_streak,
        "manual": entry.manual,
    }


def mistake_book(user, due_only: bool = False, now=None) -> list[dict]:
    """The open entries of the user's book, soonest due first (see ``entry_payload`` for the shape)."""
    now = now or utcnow()
    entries = open_entries(user, due_only, now)
    busy = open_attempt_question_ids(user) if entries else set()
    return [entry_payload(e, now, withheld=e.question_id in busy) for e in entries]


def open_question_keys(user) -> set[str]:
    """The keys of the questions with an open entry in the user's book (one query)."""
    return set(db.session.scalars(select(Question.key).join(MistakeEntry, MistakeEntry.question_id == Question.id)
                                  .where(MistakeEntry.user_id == user.id, MistakeEntry.resolved_at.is_(None))))


def due_count(user, now=None) -> int:
    now = now or utcnow()
    return db.session.scalar(select(func.count(MistakeEntry.id)).where(
        MistakeEntry.user_id == user.id, MistakeEntry.resolved_at.is_(None), MistakeEntry.due_at <= now)) or 0
