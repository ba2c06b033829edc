"""The ``flask jobs worker`` and ``flask attempts sweep`` commands."""
from __future__ import annotations

import time

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from . import QUEUE, redis_connection, sweep_once

jobs_cli = AppGroup("jobs", help="Background jobs: the RQ worker.")


def _build_grader() -> None:
    """The Grader (about a second), before the first grading job of a class's submits waits for it."""
    from ..extensions import db
    from ..scoring import current_grader

    try:
        current_grader()
    except Exception as exc:  # the database away at start: the first grading job builds it instead
        current_app.logger.warning("grader not built at start: %s", exc)
    finally:
        db.session.remove()


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Run the jobs queued now, then stop.")
@click.option("--nice", "niceness", type=click.IntRange(0, 19), default=0, show_default=True,
              help="Lower this worker's CPU priority: on a server shared with the web workers, pages and saves "
                   "come first and grading fills the gaps.")
def jobs_worker(burst, niceness):
    """The RQ worker: runs queued jobs in this application's context (needs REDIS_URL)."""
    import os

    if niceness:
        os.nice(niceness)
    from rq import Queue, SimpleWorker

    connection = redis_connection()
    if connection is None:
        raise click.ClickException("REDIS_URL is not set: jobs run inline, no worker is needed")
    _build_grader()
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
    from ..cli import attempts_cli

    app.cli.add_command(jobs_cli)
    if "sweep" not in attempts_cli.commands:
        attempts_cli.add_command(attempts_sweep)
