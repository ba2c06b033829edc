"""With a job queue (REDIS_URL; fakeredis here) a trainee's submit only finishes the attempt and queues its
grading after the request commits; the worker grades it once; the result page waits for it; the sweep grades an
attempt whose job was lost. Without Redis nothing changes (the rest of the suite)."""
from datetime import timedelta

import fakeredis
import pytest
from rq import Queue, SimpleWorker

from app import create_app, jobs
from app.exams.lifecycle import grade_finished, save_answer, start_attempt, submit_attempt
from app.extensions import db
from app.models import Attempt, Cohort, GradeChange, MistakeEntry, Response, User, utcnow
from tests.api.helpers import bearer, get_token


@pytest.fixture
def queue(app):
    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    return Queue(jobs.QUEUE, connection=connection)


def work(queue):
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def started(trainee, exam_paper):
    attempt, _ = start_attempt(trainee, exam_paper)
    save_answer(attempt, "complaints.case", {"a": "先道歉，再耐心倾听", "b": "电话回访"})
    save_answer(attempt, "etiquette.j0", True)
    db.session.commit()
    return attempt.id


def test_an_api_submit_queues_the_grading_and_the_worker_grades_once(app, queue, client, trainee, exam_paper):
    attempt_id = started(trainee, exam_paper)
    headers = bearer(get_token(client, trainee))
    answer = client.post(f"/api/attempts/{attempt_id}/submit", headers=headers)
    assert answer.status_code == 202
    assert answer.json == {**{k: answer.json[k] for k in ("paper", "started_at", "deadline", "finished_at")},
                           "id": attempt_id, "status": "submitted", "graded": False,
                           "result_url": f"/attempts/{attempt_id}/result"}
    assert queue.count == 1  # queued once the request committed
    db.session.expire_all()
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt.status == "submitted" and attempt.awaiting_grade and attempt.finished_at is not None
    assert all(r.score is None for r in db.session.query(Response))
    pending = client.get(f"/api/attempts/{attempt_id}", headers=headers).json
    assert pending["graded"] is False and "result" not in pending
    again = client.post(f"/api/attempts/{attempt_id}/submit", headers=headers)  # a double click
    assert again.status_code == 202 and queue.count == 1  # nothing queued twice

    work(queue)
    db.session.expire_all()
    attempt = db.session.get(Attempt, attempt_id)
    assert not attempt.awaiting_grade and attempt.score > 0
    assert all(r.score is not None for r in db.session.query(Response))
    graded = client.get(f"/api/attempts/{attempt_id}", headers=headers).json
    assert graded["graded"] is True and graded["result"]["score"] == attempt.score
    assert client.post(f"/api/attempts/{attempt_id}/submit", headers=headers).status_code == 200
    # the job run a second time (a retry) grades nothing again
    assert grade_finished(attempt_id) is False
    db.session.commit()
    assert db.session.query(GradeChange).count() == 0


def test_the_result_page_waits_for_the_grading(app, queue, trainee_client, trainee, exam_paper):
    attempt_id = started(trainee, exam_paper)
    submitted = trainee_client.post(f"/attempts/{attempt_id}/submit")
    assert submitted.status_code == 302 and submitted.headers["Location"].endswith(f"/attempts/{attempt_id}/result")
    page = trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert 'id="grading"' in page and 'http-equiv="refresh"' in page and "正在评分" in page
    work(queue)
    page = trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert 'id="grading"' not in page and "total-score" in page


def test_the_job_records_the_trainees_mistakes(app, queue, client, trainee, exam_paper):
    attempt, _ = start_attempt(trainee, exam_paper)
    save_answer(attempt, "etiquette.j0", False)  # the judge item's key is True in the test bank
    db.session.commit()
    client.post(f"/api/attempts/{attempt.id}/submit", headers=bearer(get_token(client, trainee)))
    assert db.session.query(MistakeEntry).count() == 0
    work(queue)
    assert db.session.query(MistakeEntry).count() > 0


def test_the_sweep_grades_an_attempt_whose_job_was_lost(app, queue, trainee, exam_paper):
    attempt_id = started(trainee, exam_paper)
    attempt = db.session.get(Attempt, attempt_id)
    submit_attempt(attempt, in_background=True)  # outside a request the job is queued at once...
    db.session.commit()
    queue.connection.flushall()  # ...and then lost (Redis restarted empty)
    attempt.finished_at = utcnow() - jobs.PENDING_GRACE - timedelta(seconds=1)
    db.session.commit()
    assert attempt.awaiting_grade
    jobs.expire_overdue_job()
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Attempt, attempt_id).score is not None


def test_work_after_commit_runs_only_when_the_request_committed():
    from flask import abort

    from app.transactions import after_commit

    made = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    calls = []

    @made.route("/ok", methods=["POST"])
    def ok():
        after_commit(calls.append, "ok")
        assert calls == []  # not before the commit
        return "done"

    @made.route("/refused", methods=["POST"])
    def refused():
        after_commit(calls.append, "refused")
        abort(400)

    made.config["WTF_CSRF_ENABLED"] = False
    with made.app_context():
        db.create_all()
    client = made.test_client()
    assert client.post("/ok").status_code == 200
    assert client.post("/refused").status_code == 400
    assert calls == ["ok"]


def test_the_trainees_history_and_the_instructors_views_say_grading(app, queue, client, trainee, trainee_client,
                                                                    instructor_client, exam_paper):
    instructor = db.session.query(User).filter_by(username="instructor1").one()
    db.session.add(Cohort(name="一班", members=[instructor, trainee]))  # the instructor teaches the trainee
    db.session.commit()
    attempt_id = started(trainee, exam_paper)
    client.post(f"/api/attempts/{attempt_id}/submit", headers=bearer(get_token(client, trainee)))
    history = trainee_client.get("/history").get_data(as_text=True)
    assert "评分中" in history
    assert "评分中" in instructor_client.get("/review/papers/mock-t/monitor").get_data(as_text=True)
    assert "评分中" in instructor_client.get("/authoring/attempts").get_data(as_text=True)
    work(queue)
    assert "评分中" not in trainee_client.get("/history").get_data(as_text=True)
