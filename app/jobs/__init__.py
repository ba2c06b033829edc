"""Background jobs: RQ on Redis when ``REDIS_URL`` is set, otherwise inline in the caller's process.

``enqueue(fn, *args)`` is the one way to start a job. Without Redis (the embedded default) the function runs at
once, inside the caller's unit of work (a request's edge or a CLI command commits it). With Redis it is queued and
an RQ worker (``flask jobs worker``) runs it in the application's context and commits it. A job function is a
module-level function named by ``module:function`` so that a worker can import it.

``start(fn, *args, owner=user, title=...)`` is the same for work a person waits for (a regrade, an import, an
export): the queued job remembers who started it, reports its progress (``report_progress``) and keeps its result
for a day, so that the page at ``/jobs/<id>`` can show a progress bar and then the outcome (``status``).
"""
from __future__ import annotations

import importlib
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import Flask, current_app, has_app_context

QUEUE = "exam"
JOB_TIMEOUT = 3600  # a regrade or an import of a large bank: minutes, not hours
RESULT_TTL = 24 * 3600  # a finished job's outcome (and file) can be fetched for a day
PROGRESS_EVERY = 0.5  # seconds between two progress writes to Redis
JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what RQ accepts as a job's id


def redis_connection(app: Flask | None = None):
    """The app's Redis connection (tests put a FakeRedis in ``app.extensions['redis']``), None without Redis."""
    app = app or current_app
    if "redis" in app.extensions:
        return app.extensions["redis"]
    url = app.config.get("REDIS_URL")
    if not url:
        return None
    from redis import Redis

    app.extensions["redis"] = Redis.from_url(url, socket_connect_timeout=2, socket_timeout=30)
    return app.extensions["redis"]


def _name(fn) -> str:
    if "<" in fn.__qualname__ or fn.__module__ == "__main__":
        raise ValueError("a job must be a module-level function")
    return f"{fn.__module__}:{fn.__qualname__}"


def _resolve(name: str):
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


def run_job(name: str, args: tuple, kwargs: dict):
    """What the RQ worker runs: the job in an app context, committed on success, rolled back on failure."""
    from ..extensions import db

    if has_app_context():
        app = current_app._get_current_object()
    else:  # a plain `rq worker`: build the app from the environment
        from .. import create_app

        app = create_app()
    with app.app_context():
        try:
            result = _resolve(name)(*args, **kwargs)
            if isinstance(result, dict) and result.get("error"):
                db.session.rollback()  # the job refused its input: it says why, and keeps nothing
            else:
                db.session.commit()
            return result
        except BaseException:
            db.session.rollback()
            raise
        finally:
            db.session.remove()


def enqueue(fn, *args, **kwargs):
    """Run ``fn(*args, **kwargs)`` in the background (RQ) or, without Redis, now. Returns the RQ job or the
    function's result."""
    job = _queue(fn, args, kwargs)
    return fn(*args, **kwargs) if job is None else job


def _queue(fn, args: tuple, kwargs: dict, **options):
    """``fn`` queued on RQ (``options``: RQ's enqueue options), or None without Redis: the caller runs it."""
    name = _name(fn)  # first: a function no worker could import is refused inline too
    connection = redis_connection()
    if connection is None:
        return None
    from rq import Queue

    return Queue(QUEUE, connection=connection).enqueue(run_job, name, args, kwargs, job_timeout=JOB_TIMEOUT,
                                                       **options)


# ----------------------------------------------------------------------------- jobs a person waits for
@dataclass
class Started:
    """What ``start`` did: ``job_id`` of the queued job, or None when it ran inline with ``result``."""

    job_id: str | None
    result: Any = None

    @property
    def queued(self) -> bool:
        return self.job_id is not None


def start(fn, *args, owner, title: str, next_url: str | None = None, keep_for: int = RESULT_TTL,
          **kwargs) -> Started:
    """Run ``fn`` for ``owner`` (a user): queued with Redis (progress and result kept for ``status``), inline
    without it. ``title`` names the work on the progress page; once it is done the page goes on to ``next_url``
    with ``job=<id>`` added. A job that makes a file returns ``{"file": {"name", "mimetype", "data"}}`` (with
    ``"once": True`` the job is forgotten once the file is fetched: initial passwords); ``keep_for``: seconds the
    outcome is kept."""
    job = _queue(fn, args, kwargs, result_ttl=keep_for, failure_ttl=RESULT_TTL,
                 meta={"owner": owner.id, "title": title[:200], "next": next_url, "done": 0, "total": 0})
    return Started(None, fn(*args, **kwargs)) if job is None else Started(job.id)


_last_report = {"at": 0.0}


def report_progress(done: int, total: int) -> None:
    """Called by a job as it goes: stored on the running RQ job (at most every PROGRESS_EVERY seconds, and at the
    end); a no-op inline, where nobody polls."""
    try:
        from rq import get_current_job
    except ImportError:  # pragma: no cover - rq is a dependency
        return
    job = get_current_job()
    if job is None:
        return
    now = time.monotonic()
    if done < total and now - _last_report["at"] < PROGRESS_EVERY:
        return
    _last_report["at"] = now
    job.meta.update(done=int(done), total=int(total))
    job.save_meta()


def status(job_id: str, user) -> dict | None:
    """The job's state for its owner (or an admin): ``state`` (queued, started, finished, failed), ``done``,
    ``total``, ``title``, and ``result`` once finished; None when there is no such job for this user."""
    connection = redis_connection()
    if connection is None or not JOB_ID.fullmatch(job_id or ""):
        return None  # RQ raises on anything else: an address typed by hand is simply no job
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        job = Job.fetch(job_id, connection=connection)
    except NoSuchJobError:
        return None
    owner = job.meta.get("owner")
    if owner is None or (owner != user.id and not user.has_role("admin")):
        return None
    state = job.get_status(refresh=False)
    state = getattr(state, "value", state)
    if state in ("stopped", "canceled"):
        state = "failed"  # to its owner, work that will not finish
    elif state in ("deferred", "scheduled"):
        state = "queued"
    data = {"id": job.id, "state": state, "title": job.meta.get("title", ""), "next": job.meta.get("next"),
            "done": job.meta.get("done", 0), "total": job.meta.get("total", 0), "result": None}
    if state == "finished":
        data["result"] = job.return_value()
        if isinstance(data["result"], dict) and data["result"].get("error"):
            state = data["state"] = "refused"  # finished, but with nothing done: the result says why
        if data["total"]:
            data["done"] = data["total"]
    return data


def queue_health(now=None) -> dict | None:
    """What an administrator needs to see of the job queue: jobs waiting, workers alive, jobs failed today, and
    submitted attempts still waiting for their grade (None without Redis: nothing is queued). Redis away:
    ``{"error": ...}``, never an exception."""
    connection = redis_connection()
    if connection is None:
        return None
    from redis.exceptions import RedisError
    from rq import Queue, Worker
    from sqlalchemy import func, select

    from ..extensions import db
    from ..models import Attempt

    waiting_grade = db.session.scalar(select(func.count(Attempt.id)).where(Attempt.awaiting_grade)) or 0
    try:
        queue = Queue(QUEUE, connection=connection)
        return {"queued": queue.count, "workers": len(Worker.all(queue=queue)),
                "failed": queue.failed_job_registry.count, "awaiting_grade": waiting_grade}
    except RedisError as exc:
        return {"error": str(exc)[:200], "awaiting_grade": waiting_grade}


def forget(job_id: str) -> None:
    """Delete a job and its outcome from Redis (a file to be fetched once)."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        Job.fetch(job_id, connection=redis_connection()).delete()
    except NoSuchJobError:
        pass


def file_of(data: dict) -> dict | None:
    """The file a finished job made (``{"name", "mimetype", "data"}``), or None."""
    result = data.get("result") if data.get("state") == "finished" else None
    made = result.get("file") if isinstance(result, dict) else None
    return made if isinstance(made, dict) and isinstance(made.get("data"), bytes) else None


# ------------------------------------------------------------------------------------------------ jobs
PENDING_GRACE = timedelta(minutes=2)  # a submitted attempt still ungraded after this lost its job


def expire_overdue_job() -> int:
    """Finish and grade every overdue attempt (the schedule's job); also grade any submitted attempt whose
    grading job was lost (Redis restarted with it queued)."""
    from ..exams.lifecycle import expire_overdue, grade_pending

    expired = expire_overdue()
    grade_pending(PENDING_GRACE)
    return expired


def grade_attempt_job(attempt_id: int) -> bool:
    """Grade one submitted attempt (queued by its submit; see exams.lifecycle.submit_attempt)."""
    from ..exams.lifecycle import grade_finished

    return grade_finished(attempt_id)


def sweep_once() -> int | None:
    """One tick of the overdue sweep, committed. Queued when Redis is there; inline (and counted) otherwise."""
    from ..extensions import db

    try:
        outcome = enqueue(expire_overdue_job)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    finally:
        db.session.remove()
    return outcome if isinstance(outcome, int) else None


