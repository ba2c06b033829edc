"""One open attempt per trainee and paper, whatever the concurrency (uq_attempts_one_open)."""
import threading

import pytest
from sqlalchemy.exc import IntegrityError

from app.exams import lifecycle
from app.extensions import db
from app.models import Attempt, utcnow
from tests.api.helpers import bearer, get_token


def test_the_database_refuses_a_second_open_attempt(trainee, exam_paper):
    now = utcnow()
    db.session.add(Attempt(user_id=trainee.id, paper_id=exam_paper.id, status="started", started_at=now))
    db.session.commit()
    db.session.add(Attempt(user_id=trainee.id, paper_id=exam_paper.id, status="started", started_at=now))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.add(Attempt(user_id=trainee.id, paper_id=exam_paper.id, status="submitted", started_at=now))
    db.session.commit()  # finished ones are not limited


def test_a_start_that_loses_the_race_resumes_the_winner(trainee, exam_paper, monkeypatch):
    winner, _ = lifecycle.start_attempt(trainee, exam_paper)
    db.session.commit()
    real = lifecycle.find_open_attempt
    calls = []

    def blind_first(user, paper, now=None):  # the loser looked before the winner committed
        calls.append(1)
        return None if len(calls) == 1 else real(user, paper, now)

    monkeypatch.setattr(lifecycle, "find_open_attempt", blind_first)
    again, created = lifecycle.start_attempt(trainee, exam_paper)
    db.session.commit()
    assert not created and again.id == winner.id
    assert db.session.query(Attempt).filter_by(user_id=trainee.id).count() == 1


def test_ten_concurrent_starts_make_one_attempt(app, client, trainee, exam_paper):
    token = get_token(client, trainee)
    path = f"/api/papers/{exam_paper.key}/attempts"
    barrier = threading.Barrier(10)
    codes = []

    def start():
        barrier.wait()
        response = app.test_client().post(path, headers=bearer(token))
        codes.append((response.status_code, response.json.get("id")))

    threads = [threading.Thread(target=start) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(codes) == 10
    assert all(code in (200, 201, 409) for code, _ in codes), codes
    assert sorted(code for code, _ in codes).count(201) == 1
    db.session.expire_all()
    assert db.session.query(Attempt).filter_by(user_id=trainee.id, status="started").count() == 1
