from datetime import timedelta

import pytest

from app.models import Attempt, AttemptStateError, utcnow


def make_attempt(minutes=60):
    now = utcnow()
    return Attempt(status=Attempt.STARTED, started_at=now, deadline=now + timedelta(minutes=minutes)), now


def test_submit_once():
    attempt, now = make_attempt()
    attempt.submit(now)
    assert attempt.status == "submitted" and attempt.finished_at == now
    with pytest.raises(AttemptStateError):
        attempt.submit(now)
    with pytest.raises(AttemptStateError):
        attempt.expire(now + timedelta(hours=2))


def test_expire_only_after_deadline():
    attempt, now = make_attempt()
    with pytest.raises(AttemptStateError):
        attempt.expire(now)
    attempt.expire(now + timedelta(minutes=61))
    assert attempt.status == "expired" and attempt.finished_at == attempt.deadline
    with pytest.raises(AttemptStateError):
        attempt.submit(now)


def test_saves_refused_after_deadline_and_after_finish():
    attempt, now = make_attempt()
    attempt.check_can_save(now + timedelta(minutes=60, seconds=3))  # inside the grace for a save in flight
    with pytest.raises(AttemptStateError, match="deadline"):
        attempt.check_can_save(now + timedelta(minutes=61))
    attempt.submit(now)
    with pytest.raises(AttemptStateError, match="finished"):
        attempt.check_can_save(now)


def test_untimed_attempt_never_passes_deadline():
    attempt = Attempt(status=Attempt.STARTED, started_at=utcnow(), deadline=None)
    assert not attempt.is_past_deadline(utcnow() + timedelta(days=30))
    attempt.check_can_save(utcnow() + timedelta(days=30))


def test_question_versions_are_immutable_history(make_question, db):
    from tests.conftest import single_content

    question = make_question()
    assert question.revise(single_content()) is None  # same content: no new version
    v2 = question.revise(single_content(stem="新的题干"))
    db.session.commit()
    assert v2.number == 2 and [v.number for v in question.versions] == [1, 2]
    assert question.versions[0].content["stem"] == "天然气的主要成分？"


def test_datetimes_come_back_timezone_aware(make_user, db):
    user = make_user()
    db.session.expire_all()
    assert db.session.get(type(user), user.id).created_at.tzinfo is not None
