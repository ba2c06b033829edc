"""What a draw chooses from: every live question's current version, reduced to what a draw looks at (id, key,
version id and the content's summary), per type.

Starting an attempt used to load every question of a type with all its versions (rubrics and references
included) once per draw spec: a 40-spec mock paper read the whole bank 40 times, about 0.3 s of CPU. The pool
is built once per process and rebuilt only when the bank changes: a new version, or a question retired,
brought back, published or made a draft again (``_fingerprint``, two aggregate queries per start). Every worker
of every server builds the same pool from the same database.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..bank.loader import summary
from ..extensions import db
from ..models import Question, QuestionVersion


@dataclass(frozen=True)
class Candidate:
    question_id: int
    key: str
    version_id: int
    found: dict  # app.bank.loader.summary of the current version: type, topic, difficulty, tags, parts


_lock = threading.Lock()
_cached: tuple[tuple, dict[str, list[Candidate]]] | None = None


def _fingerprint() -> tuple:
    # the newest version's time tells two databases with the same counts apart (a restore, a test's fresh bank)
    versions = db.session.execute(select(func.count(QuestionVersion.id), func.max(QuestionVersion.id),
                                         func.max(QuestionVersion.created_at),
                                         func.sum(QuestionVersion.question_id))).one()
    # questions kept out (retired or draft): retiring, restoring, publishing or un-publishing one changes these
    hidden = db.session.execute(select(func.count(Question.id), func.coalesce(func.sum(Question.id), 0),
                                       func.coalesce(func.sum(Question.id * Question.id), 0))
                                .where(~Question.is_live())).one()
    return tuple(versions) + tuple(hidden)


def _build() -> dict[str, list[Candidate]]:
    latest = (select(QuestionVersion.question_id, func.max(QuestionVersion.number).label("number"))
              .group_by(QuestionVersion.question_id).subquery())
    rows = db.session.execute(
        select(Question.id, Question.key, Question.type, QuestionVersion.id, QuestionVersion.content)
        .join(latest, latest.c.question_id == Question.id)
        .join(QuestionVersion, (QuestionVersion.question_id == Question.id)
              & (QuestionVersion.number == latest.c.number))
        .where(Question.is_live()).order_by(Question.id))
    pool: dict[str, list[Candidate]] = {}
    for question_id, key, qtype, version_id, content in rows:
        pool.setdefault(qtype, []).append(Candidate(question_id, key, version_id, summary(content)))
    return pool


def current() -> dict[str, list[Candidate]]:
    """Type -> the live questions of that type in id order (lists the caller must not change)."""
    global _cached
    key = _fingerprint()
    cached = _cached
    if cached is None or cached[0] != key:
        with _lock:
            if _cached is None or _cached[0] != key:
                _cached = (key, _build())
            cached = _cached
    return cached[1]


def candidates(qtype: str | None) -> list[Candidate]:
    return current().get(qtype, [])


def versions(ids: list[int]) -> dict[int, QuestionVersion]:
    """The chosen versions with their questions, in one query."""
    found = db.session.scalars(select(QuestionVersion).where(QuestionVersion.id.in_(ids))
                               .options(selectinload(QuestionVersion.question))).all()
    return {version.id: version for version in found}
