"""The attempt lifecycle: start (questions fixed once), save answers, submit or expire, with row locks where two
requests of one attempt could race. Operations flush and never commit: the request's edge commits once."""
from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value

from .. import jobs
from ..edge import MAX_ID
from ..extensions import db
from ..models import (Attempt, AttemptItem, AttemptStateError, FocusEvent, Paper, Question, QuestionVersion, Response,
                      utcnow)
from ..models.attempts import SAVE_GRACE
from ..models.base import sqlite_write_lock
from ..qtypes import AnswerError, question_type
from ..scoring import grade_attempt
from ..scoring.service import response_for
from ..transactions import after_commit, writes_on_read
from . import mistakes
from .access import may_sit
from .drawing import paper_questions
from .errors import ExamConflict, ExamError, ExamNotFound, is_key


def _now(now: datetime | None) -> datetime:
    return now or utcnow()


# ----------------------------------------------------------------------------------------------------- start
def find_open_attempt(user, paper, now=None) -> Attempt | None:
    """The user's started attempt of ``paper`` that is still within its time, if any."""
    now = _now(now)
    for attempt in db.session.scalars(select(Attempt).where(
            Attempt.user_id == user.id, Attempt.paper_id == paper.id, Attempt.status == Attempt.STARTED
    ).order_by(Attempt.id.desc())):
        if not attempt.is_past_deadline(now):
            return attempt
    return None


def finished_count(user, paper) -> int:
    return db.session.scalar(select(func.count(Attempt.id)).where(
        Attempt.user_id == user.id, Attempt.paper_id == paper.id, Attempt.status != Attempt.STARTED)) or 0


def start_attempt(user, paper: Paper, now=None) -> tuple[Attempt, bool]:
    """Resume the user's open attempt of ``paper`` -> (attempt, False), or start a new one with its questions
    fixed now -> (attempt, True). ExamError: paper inactive, no attempts left, a draw the bank cannot fill."""
    now = _now(now)
    expire_overdue(now, user=user)
    existing = find_open_attempt(user, paper, now)
    if existing is not None:
        return existing, False
    paper.lock(shared=True)  # a return to draft in flight commits first and is seen here (Paper.lock)
    if not paper.active:
        raise ExamConflict(_("This paper is no longer available."))
    if paper.draft:  # not published yet: as if there were none (the pages and the API answer 404 before this)
        raise ExamNotFound(_("no such paper"))
    if not may_sit(user, paper, now):
        raise ExamConflict(_("This paper is not open to your class at this time."))
    if paper.max_attempts is not None and finished_count(user, paper) >= paper.max_attempts:
        raise ExamConflict(_("No attempts left: this paper may be sat at most %(count)d times.",
                             count=paper.max_attempts))
    rng = random.Random(os.urandom(16))
    attempt = Attempt(user_id=user.id, paper_id=paper.id, status=Attempt.STARTED, started_at=now,
                      deadline=now + timedelta(minutes=paper.time_limit) if paper.time_limit else None)
    total = 0.0
    seen = frozenset(db.session.scalars(
        select(QuestionVersion.question_id).join(AttemptItem, AttemptItem.question_version_id == QuestionVersion.id)
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .where(Attempt.user_id == user.id, Attempt.paper_id == paper.id)))
    for position, (index, version) in enumerate(paper_questions(paper, rng, seen), start=1):
        section = paper.sections[index]
        content = version.content
        qtype = question_type(content)
        points = float(section["points_each"]) if section.get("points_each") is not None \
            else qtype.max_points(content)
        order = None
        if paper.shuffle_options and content.get("options"):
            order = list(content["options"].keys())
            rng.shuffle(order)
        total += points
        # the version object, not only its id: the new attempt's payload reads it without a query per item
        attempt.items.append(AttemptItem(position=position, section=index, version=version,
                                         points=points, option_order=order))
    if not attempt.items:
        raise ExamError(_("This paper has no questions."))
    attempt.max_score = total
    try:
        with db.session.begin_nested():  # uq_attempts_one_open: a concurrent start of this paper may win
            db.session.add(attempt)
    except IntegrityError:
        winner = find_open_attempt(user, paper, now)
        if winner is None:  # the open one is in its last seconds of grace: it is about to be finished
            raise ExamConflict(_("Your previous attempt of this paper is being finished; try again in a moment."))
        return winner, False
    for item in attempt.items:
        set_committed_value(item, "response", None)  # a new attempt has no answers: nothing to look up
    set_committed_value(attempt, "focus_events", [])
    return attempt, True


def get_attempt_for(user, attempt_id) -> Attempt:
    """The user's own attempt; another user's attempt, or none, is ExamNotFound (404)."""
    ident = _attempt_ident(attempt_id)
    attempt = db.session.get(Attempt, ident, options=[
        selectinload(Attempt.items).selectinload(AttemptItem.version).selectinload(QuestionVersion.question),
        selectinload(Attempt.items).selectinload(AttemptItem.response),
    ])
    if attempt is None or attempt.user_id != user.id:
        raise ExamNotFound(_("no such attempt"))
    return attempt


# ------------------------------------------------------------------------------------------------------ save
def _item(attempt: Attempt, question_key) -> AttemptItem:
    if not is_key(question_key):
        raise ExamNotFound(_("no such question in this attempt"))
    item = db.session.scalar(
        select(AttemptItem).join(QuestionVersion, AttemptItem.question_version_id == QuestionVersion.id)
        .join(Question, QuestionVersion.question_id == Question.id)
        .where(AttemptItem.attempt_id == attempt.id, Question.key == question_key))
    if item is None:
        raise ExamNotFound(_("no such question in this attempt"))
    return item


def validate_answer(content: dict, answer):
    """The answer in canonical form for the question's type (``app.qtypes``), or ExamError with the reason in
    the user's language. ``None`` clears an answer."""
    try:
        return question_type(content).parse(content, answer)
    except AnswerError as exc:
        raise ExamError(_(exc.message, **exc.params)) from None


def _lock(attempt: Attempt) -> None:
    """Lock the attempt until commit and reload it, so that saves and submits of one attempt take turns.

    PostgreSQL: SELECT ... FOR UPDATE. SQLite has no row locks: a no-op UPDATE takes the database's write lock
    now, before the reads below, so they see the last committed state and nobody else writes until we commit."""
    sqlite_write_lock(Attempt, attempt.id)
    db.session.refresh(attempt, with_for_update=True)


def _check_can_save(attempt: Attempt, now: datetime) -> None:
    if attempt.status == Attempt.EXPIRED:  # finished because time ran out: say so
        raise AttemptStateError("time is up: the deadline has passed")
    attempt.check_can_save(now)


def _fresh_response(item: AttemptItem) -> Response:
    """The item's response as committed now (after the attempt's lock), created if there is none yet."""
    if item.id is not None and item.response is not None and item.response.id is not None:
        db.session.refresh(item.response)
    elif item.id is not None:
        db.session.refresh(item, ["response"])
    return response_for(item)


def save_answer(attempt: Attempt, question_key, answer, now=None, flagged: bool | None = None) -> Response:
    """Save (upsert) the answer to one question. ExamError: bad shape; AttemptStateError: deadline / finished."""
    now = _now(now)
    item = _item(attempt, question_key)
    content = item.version.content
    value = validate_answer(content, answer)
    if flagged is not None and not isinstance(flagged, bool):
        raise ExamError(_("'flagged' must be true or false."))
    _lock(attempt)
    _check_can_save(attempt, now)
    response = _fresh_response(item)
    if isinstance(value, dict):  # case parts are saved one at a time: merge with the others
        merged = dict(response.answer) if isinstance(response.answer, dict) else {}
        merged.update(value)
        value = merged
    response.answer = value
    response.saved_at = now
    if flagged is not None:
        response.flagged = flagged
    db.session.flush()
    return response


# A save is the hot path of a sitting (hundreds of trainees, one request every few seconds each): it reads one
# row (the attempt's owner, state and deadline, the item, its question's content, the response) and writes one
# (an upsert), without building the attempt's object graph.
KEEP = object()  # save_by_id: this field is not being changed


@dataclass(frozen=True)
class SavedAnswer:
    answer: object
    flagged: bool
    saved_at: datetime | None


def _attempt_ident(attempt_id) -> int:
    try:
        ident = int(attempt_id)
    except (TypeError, ValueError):
        raise ExamNotFound(_("no such attempt")) from None
    if ident <= 0 or ident > MAX_ID:  # past an integer column: no such attempt (PostgreSQL would raise)
        raise ExamNotFound(_("no such attempt"))
    return ident


def _check_state(status: str, deadline: datetime | None, now: datetime) -> None:
    """Attempt.check_can_save on the columns alone."""
    if status == Attempt.EXPIRED:
        raise AttemptStateError("time is up: the deadline has passed")
    if status != Attempt.STARTED:
        raise AttemptStateError("attempt is already finished")
    if deadline is not None and now > deadline + SAVE_GRACE:
        raise AttemptStateError("time is up: the deadline has passed")


@cache
def _save_row_statement():
    """The save's one read, built once per process (building it per request cost more CPU than running it)."""
    return (select(Attempt.user_id, Attempt.status, Attempt.deadline, AttemptItem.id, QuestionVersion.content,
                   Response.answer, Response.flagged, Response.saved_at)
            .select_from(Attempt)
            .join(AttemptItem, AttemptItem.attempt_id == Attempt.id)
            .join(QuestionVersion, AttemptItem.question_version_id == QuestionVersion.id)
            .join(Question, QuestionVersion.question_id == Question.id)
            .outerjoin(Response, Response.item_id == AttemptItem.id)
            .where(Attempt.id == bindparam("attempt_id"), Question.key == bindparam("question_key"))
            .with_for_update(read=True, of=Attempt))


@cache
def _upsert_statement(dialect: str, columns: tuple[str, ...]):
    """INSERT ... ON CONFLICT (item_id) DO UPDATE of ``columns``, one per dialect and set of columns."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(Response.__table__)
    return statement.on_conflict_do_update(index_elements=[Response.item_id],
                                           set_={name: statement.excluded[name] for name in columns})


def save_by_id(user, attempt_id, question_key, answer=KEEP, flagged=None, now=None) -> SavedAnswer:
    """Save the answer to (and/or the flag of) one question of the user's attempt: what ``save_answer`` and
    ``set_flag`` do, in two statements. The attempt row is share-locked (PostgreSQL: FOR SHARE), so saves of one
    attempt run side by side while a submit (FOR UPDATE) waits for them and they wait for it: no save lands after
    the grading. ExamNotFound (404): not the user's attempt, or no such question in it."""
    now = _now(now)
    ident = _attempt_ident(attempt_id)
    if not is_key(question_key):
        raise ExamNotFound(_("no such question in this attempt"))
    if flagged is not None and not isinstance(flagged, bool):
        raise ExamError(_("'flagged' must be true or false."))
    dialect = db.session.get_bind().dialect.name
    sqlite_write_lock(Attempt, ident)  # before reading (see _lock)
    row = db.session.execute(_save_row_statement(),
                             {"attempt_id": ident, "question_key": question_key}).one_or_none()
    if row is None or row.user_id != user.id:
        raise ExamNotFound(_("no such question in this attempt"))
    _check_state(row.status, row.deadline, now)
    values = {}
    if answer is not KEEP:
        value = validate_answer(row.content, answer)
        if isinstance(value, dict):  # case parts are saved one at a time: merge with the others
            current = row.answer
            if dialect == "postgresql" and row.answer is not None:  # two tabs saving two parts: take turns
                current = db.session.scalar(select(Response.answer).where(Response.item_id == row.id)
                                            .with_for_update())
            merged = dict(current) if isinstance(current, dict) else {}
            merged.update(value)
            value = merged
        values.update(answer=value, saved_at=now)
    if flagged is not None:
        values["flagged"] = flagged
    if values:
        db.session.execute(_upsert_statement(dialect, tuple(sorted(values))), {"item_id": row.id, **values})
    return SavedAnswer(answer=values.get("answer", row.answer),
                       flagged=values.get("flagged", bool(row.flagged)),
                       saved_at=values.get("saved_at", row.saved_at))


def set_flag(attempt: Attempt, question_key, flagged, now=None) -> Response:
    """Mark a question "to review" (the trainee's own reminder)."""
    now = _now(now)
    if not isinstance(flagged, bool):
        raise ExamError(_("'flagged' must be true or false."))
    item = _item(attempt, question_key)
    _lock(attempt)
    _check_can_save(attempt, now)
    response = _fresh_response(item)
    response.flagged = flagged
    db.session.flush()
    return response


def record_focus_loss(attempt: Attempt, now=None) -> FocusEvent | None:
    """Record that the exam page lost focus, when the paper tracks it and the attempt is open: the attempt's count
    goes up by one (one UPDATE, exact under concurrency), and the first ``FOCUS_EVENTS_KEPT`` losses are also stored
    as rows with their times. None when nothing was counted; the count alone past the cap (the event is not kept)."""
    now = _now(now)
    if not attempt.paper.track_focus or not attempt.is_open or attempt.is_past_deadline(now):
        return None
    count = db.session.execute(
        update(Attempt).where(Attempt.id == attempt.id).values(focus_losses=Attempt.focus_losses + 1)
        .returning(Attempt.focus_losses)).scalar_one()
    set_committed_value(attempt, "focus_losses", count)
    if count > current_app.config["FOCUS_EVENTS_KEPT"]:
        return None
    event = FocusEvent(attempt_id=attempt.id, at=now, kind="blur")
    db.session.add(event)
    db.session.flush()
    return event


# ---------------------------------------------------------------------------------------------------- submit
def submit_attempt(attempt: Attempt, now=None, in_background: bool = False) -> Attempt:
    """Finish and grade the attempt. Idempotent: a finished attempt is returned as it is (no regrade).

    Past the deadline the attempt expires (finished at the deadline) instead of being submitted; either way every
    item is graded. Two submits racing grade once: the row is locked (PostgreSQL) and the status change is a
    conditional UPDATE ... WHERE status = 'started', so only one transaction can claim it.

    ``in_background``: only finish it now; grading is queued once this request commits (``grade_in_background``
    says when: a class submitting at once must not wait behind each other's grading). Until the job has run the
    attempt is ``awaiting_grade``.
    """
    now = _now(now)
    _lock(attempt)
    if not attempt.is_open:
        return attempt
    expiring = attempt.is_past_deadline(now)
    status = Attempt.EXPIRED if expiring else Attempt.SUBMITTED
    claimed = db.session.execute(
        update(Attempt).where(Attempt.id == attempt.id, Attempt.status == Attempt.STARTED)
        .values(status=status, finished_at=attempt.deadline if expiring else now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:  # another transaction finished it between our read and our write
        db.session.refresh(attempt)
        return attempt
    if expiring:  # the model's transition (its checks; the same values as the claim above)
        attempt.expire(now)
    else:
        attempt.submit(now)
    if in_background:
        db.session.flush()
        after_commit(jobs.enqueue, jobs.grade_attempt_job, attempt.id)
        return attempt
    _grade(attempt, now)
    return attempt


def submit_by_id(user, attempt_id, now=None) -> Attempt:
    """The trainee's submit of their attempt ``attempt_id``, reading only the attempt's row (a class submits at
    once: nothing of its 52 items is loaded unless it is graded here). ExamNotFound: not the user's attempt."""
    attempt = db.session.get(Attempt, _attempt_ident(attempt_id))
    if attempt is None or attempt.user_id != user.id:
        raise ExamNotFound(_("no such attempt"))
    return submit_for_trainee(attempt, now)


def submit_for_trainee(attempt: Attempt, now=None) -> Attempt:
    """The trainee's submit (page or API): grading queued when there is a job queue (``grade_in_background``)."""
    return submit_attempt(attempt, now, in_background=grade_in_background())


def grade_in_background() -> bool:
    """Whether a trainee's submit queues its grading: with a job queue (REDIS_URL) unless GRADE_IN_BACKGROUND
    is off. Without Redis (the embedded default) grading happens in the request, as before."""
    setting = current_app.config.get("GRADE_IN_BACKGROUND", True)
    return bool(setting) and jobs.redis_connection() is not None


def grade_finished(attempt_id: int, now=None) -> bool:
    """Grade a finished attempt whose grading was queued; False when there is nothing to do (gone, still open,
    or already graded: a job run twice grades once). Flushes, never commits."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None:
        return False
    _lock(attempt)
    if attempt.is_open or attempt.score is not None:
        return False
    _grade(attempt, _now(now))
    return True


def grade_pending(older_than: timedelta, now=None) -> int:
    """Grade finished attempts still ungraded after ``older_than`` (a queued job lost with Redis): the sweep's
    safety net. Returns how many it graded."""
    now = _now(now)
    ids = list(db.session.scalars(select(Attempt.id).where(
        Attempt.awaiting_grade, Attempt.finished_at < now - older_than)
        .order_by(Attempt.id)))
    return sum(1 for attempt_id in ids if grade_finished(attempt_id, now))


def _grade(attempt: Attempt, now: datetime) -> None:
    _load_for_grading(attempt)
    with db.session.no_autoflush:  # one flush at the end: the rows of 52 items written in a few statements
        graded = grade_attempt(attempt)
        mistakes.record_outcomes(attempt.user, [(item.version, outcome) for item, outcome in graded], now)
    db.session.flush()


def _load_for_grading(attempt: Attempt) -> None:
    """What grading (and the result that follows) reads, in four statements rather than a few per item: the items
    with their versions and those versions' questions, the responses, and the responses' per-point rows (a
    regrade keeps overridden ones)."""
    items = db.session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id)
                               .options(selectinload(AttemptItem.version).selectinload(QuestionVersion.question),
                                        selectinload(AttemptItem.response).selectinload(Response.point_scores))
                               ).all()
    set_committed_value(attempt, "items", sorted(items, key=lambda item: item.position))


def expire_overdue(now=None, user=None) -> int:
    """Finish and grade every started attempt whose deadline has passed (one user's, or everyone's).

    Attempts within the few seconds of grace after their deadline are left for a save still in flight."""
    now = _now(now)
    query = select(Attempt.id).where(Attempt.status == Attempt.STARTED, Attempt.deadline.is_not(None),
                                     Attempt.deadline < now - SAVE_GRACE)
    if user is not None:
        query = query.where(Attempt.user_id == user.id)
    done = 0
    for attempt_id in list(db.session.scalars(query.order_by(Attempt.id))):
        attempt = db.session.get(Attempt, attempt_id)
        if attempt is None or not attempt.is_open:
            continue
        submit_attempt(attempt, now)
        if attempt.status == Attempt.EXPIRED:
            done += 1
    return done


def finish_overdue_on_read(user=None, attempt: Attempt | None = None) -> int:
    """The one write a GET may make: an attempt whose time ran out is finished and graded as soon as its owner
    looks (the trainee's pages, the API's reads), so a result never waits for the background sweep.

    ``attempt``: that attempt only, at once (its owner is looking: nothing of theirs is still in flight, no need
    to wait out the save grace). Otherwise every overdue attempt of ``user``. The request's edge then commits
    (``transactions.writes_on_read``)."""
    if attempt is not None:
        done = 0
        if attempt.is_open and attempt.is_past_deadline(utcnow()):
            submit_attempt(attempt)
            done = 1
    else:
        done = expire_overdue(user=user)
    if done:
        writes_on_read()
    return done
