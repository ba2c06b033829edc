"""Background jobs: RQ on Redis when ``REDIS_URL`` is set, otherwise inline in the caller's process.

``enqueue(fn, *args)`` is the one way to start a job. Without Redis (the embedded default) the function runs at
once, inside the caller's unit of work (a request's edge or a CLI command commits it). With Redis it is queued and
an RQ worker (``flask jobs worker``) runs it in the application's context and commits it. A job function is a
module-level function named by ``module:function`` so that a worker can import it.
"""
from __future__ import annotations

import importlib
import time

import click
from flask import Flask, current_app, has_app_context
from flask.cli import AppGroup

QUEUE = "exam"
JOB_TIMEOUT = 3600  # a regrade or an import of a large bank: minutes, not hours

jobs_cli = AppGroup("jobs", help="Background jobs: the RQ worker.")


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
    from .extensions import db

    if has_app_context():
        app = current_app._get_current_object()
    else:  # a plain `rq worker`: build the app from the environment
        from . import create_app

        app = create_app()
    with app.app_context():
        try:
            result = _resolve(name)(*args, **kwargs)
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
    name = _name(fn)
    connection = redis_connection()
    if connection is None:
        return fn(*args, **kwargs)
    from rq import Queue

    return Queue(QUEUE, connection=connection).enqueue(run_job, name, args, kwargs, job_timeout=JOB_TIMEOUT)


# ------------------------------------------------------------------------------------------------ jobs
def expire_overdue_job() -> int:
    """Finish and grade every overdue attempt (the schedule's job)."""
    from .exams.lifecycle import expire_overdue

    return expire_overdue()


def sweep_once() -> int | None:
    """One tick of the overdue sweep, committed. Queued when Redis is there; inline (and counted) otherwise."""
    from .extensions import db

    try:
        outcome = enqueue(expire_overdue_job)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    finally:
        db.session.remove()
    return outcome if isinstance(outcome, int) else None


# ------------------------------------------------------------------------------------------------- CLI
@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Run the jobs queued now, then stop.")
def jobs_worker(burst):
    """The RQ worker: runs queued jobs in this application's context (needs REDIS_URL)."""
    from rq import Queue, SimpleWorker

    connection = redis_connection()
    if connection is None:
        raise click.ClickException("REDIS_URL is not set: jobs run inline, no worker is needed")
    # SimpleWorker runs jobs in this process: no fork sharing the database pool with a child.
    worker = SimpleWorker([Queue(QUEUE, connection=connection)], connection=connection)
    worker.work(burst=burst, with_scheduler=False)


@click.command("sweep")
@click.option("--every", type=click.IntRange(min=1), default=None,
              help="Repeat every N seconds (a service's loop); without it, sweep once.")
@click.option("--times", type=click.IntRange(min=1), default=None, help="Stop after this many sweeps.")
def attempts_sweep(every, times):
    """Finish and grade the overdue attempts, once or on a schedule. Safe on several servers at once: each
    attempt is claimed by one transaction (a row lock and a conditional update)."""
    done = 0
    while True:
        try:
            count = sweep_once()
            click.echo(f"expired {count} attempt(s)" if count is not None else "sweep queued")
        except Exception as exc:  # the database or Redis away for a moment: the next tick tries again
            if every is None:
                raise
            current_app.logger.warning("sweep failed: %s", exc)
        done += 1
        if every is None or (times is not None and done >= times):
            return
        time.sleep(every)


def register_cli(app: Flask) -> None:
    from .cli import attempts_cli

    app.cli.add_command(jobs_cli)
    if "sweep" not in attempts_cli.commands:
        attempts_cli.add_command(attempts_sweep)
