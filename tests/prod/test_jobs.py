"""Background jobs: inline without Redis, on RQ with it (fakeredis here); the overdue sweep on a schedule."""
from datetime import timedelta

import fakeredis
import pytest
from rq import Queue, SimpleWorker

from app import jobs
from app.exams import lifecycle
from app.extensions import db
from app.models import Attempt, utcnow

CALLS = []


def record_call(value):
    CALLS.append(value)
    return value * 2


def _overdue_attempt(trainee, paper) -> int:
    attempt, _ = lifecycle.start_attempt(trainee, paper, now=utcnow() - timedelta(hours=3))
    db.session.commit()
    return attempt.id


def test_without_redis_a_job_runs_inline(app):
    CALLS.clear()
    assert app.config["REDIS_URL"] is None
    assert jobs.enqueue(record_call, 21) == 42 and CALLS == [21]


def test_with_redis_a_job_is_queued_and_the_worker_runs_it_in_the_app(app, trainee, exam_paper):
    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    attempt_id = _overdue_attempt(trainee, exam_paper)
    job = jobs.enqueue(jobs.expire_overdue_job)
    assert db.session.get(Attempt, attempt_id).status == "started"  # not yet: it is queued
    queue = Queue(jobs.QUEUE, connection=connection)
    assert queue.count == 1
    SimpleWorker([queue], connection=connection).work(burst=True)
    job.refresh()
    assert job.is_finished and job.return_value() == 1
    db.session.expire_all()
    assert db.session.get(Attempt, attempt_id).status == "expired"  # committed by the job


def test_a_failing_job_is_rolled_back(app, trainee):
    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    job = jobs.enqueue(rename_then_fail, trainee.id)
    queue = Queue(jobs.QUEUE, connection=connection)
    SimpleWorker([queue], connection=connection).work(burst=True)
    job.refresh()
    assert job.is_failed
    db.session.expire_all()
    assert db.session.get(type(trainee), trainee.id).display_name == ""


def rename_then_fail(user_id):
    from app.models import User

    db.session.get(User, user_id).display_name = "half-written"
    db.session.flush()
    raise RuntimeError("the job fails after a write")


def test_a_job_must_be_importable_by_the_worker(app):
    try:
        jobs.enqueue(lambda: None)
    except ValueError as exc:
        assert "module-level" in str(exc)
    else:
        raise AssertionError("a lambda was accepted as a job")


def test_the_sweep_runs_on_a_schedule_and_finishes_overdue_attempts(app, runner, trainee, exam_paper):
    attempt_id = _overdue_attempt(trainee, exam_paper)
    result = runner.invoke(args=["attempts", "sweep", "--every", "1", "--times", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["expired 1 attempt(s)", "expired 0 attempt(s)"]
    db.session.expire_all()
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt.status == "expired" and attempt.score is not None


def test_the_worker_command_needs_redis_and_runs_what_is_queued(app, runner, monkeypatch):
    refused = runner.invoke(args=["jobs", "worker", "--burst"])
    assert refused.exit_code != 0 and "REDIS_URL is not set" in refused.output
    CALLS.clear()
    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    jobs.enqueue(record_call, 4)
    niced = []
    monkeypatch.setattr("os.nice", niced.append)
    ran = runner.invoke(args=["jobs", "worker", "--burst", "--nice", "10"])
    assert ran.exit_code == 0, ran.output
    assert CALLS == [4] and niced == [10]


def test_the_admin_page_shows_the_job_queue_and_warns_when_no_worker_runs(app, admin_client, trainee, exam_paper):
    assert 'id="job-queue"' not in admin_client.get("/admin/").get_data(as_text=True)  # no Redis: nothing queued
    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    jobs.enqueue(record_call, 1)
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert 'id="job-queue"' in page and "排队任务：1" in page and "没有运行中的后台进程" in page


@pytest.mark.parametrize("job_id", ["nope", "x" * 65, "a b", "rq:queue:exam", "..", "%E4%B8%AD", "1' OR '1"])
def test_a_job_address_that_is_not_ones_own_job_is_404(app, instructor_client, job_id):
    app.extensions["redis"] = fakeredis.FakeStrictRedis()
    for suffix in ("", ".json", "/file"):
        assert instructor_client.get(f"/jobs/{job_id}{suffix}").status_code == 404, suffix
