"""Finished attempts written straight into the database: reports read what the exam side stored."""
from datetime import datetime, timedelta, timezone

from app.extensions import db
from app.models import Attempt, AttemptItem, Cohort, QuestionVersion, Response

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)  # 09:00 China time


def any_version_id() -> int:
    return db.session.query(QuestionVersion.id).order_by(QuestionVersion.id).first()[0]


def sit(user, paper, item_scores, *, max_each=10.0, finished=T0, minutes=30, sections=None, needs_review=False,
        status=Attempt.SUBMITTED) -> Attempt:
    """One finished attempt of ``paper`` by ``user`` whose items earned ``item_scores`` (None: not graded)."""
    version = any_version_id()
    attempt = Attempt(user_id=user.id, paper_id=paper.id, status=status, started_at=finished - timedelta(minutes=minutes),
                      finished_at=finished, max_score=max_each * len(item_scores))
    graded = [s for s in item_scores if s is not None]
    attempt.score = sum(graded) if len(graded) == len(item_scores) else None
    for position, points in enumerate(item_scores, start=1):
        item = AttemptItem(position=position, section=(sections or [0] * len(item_scores))[position - 1],
                           question_version_id=version, points=max_each)
        item.response = Response(score=points, needs_review=needs_review)
        attempt.items.append(item)
    db.session.add(attempt)
    db.session.commit()
    return attempt


def make_class(name, *members) -> Cohort:
    cohort = Cohort(name=name)
    cohort.members.extend(members)
    db.session.add(cohort)
    db.session.commit()
    return cohort
