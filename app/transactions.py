"""One commit or rollback per request, at the edge: services only flush, views never commit.

After a request that may change data (POST, PUT, PATCH, DELETE) and answered below 400, the unit of work is
committed once; any other request, and any error, is rolled back once. A GET does not write, with one documented
exception: ``writes_on_read()``, called only by ``exams.lifecycle.finish_overdue_on_read`` (an attempt whose time
ran out is finished when its owner looks). The CLI commands are edges of their own and commit themselves.
``after_commit(fn)`` runs work (queueing a background job) only once the request's rows are committed.
"""
from flask import Flask, g, has_request_context, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError, OperationalError

from .extensions import db

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def writes_on_read() -> None:
    """Let this GET's changes be committed (see the module's docstring for the one caller)."""
    g.writes_on_read = True


def after_commit(fn, *args) -> None:
    """Call ``fn(*args)`` once this request's unit of work is committed (never if it is rolled back): work
    queued for another process must not start before the rows it reads are there. Outside a request (a CLI
    command, a job) it runs at once: those edges commit right after."""
    if not has_request_context():
        fn(*args)
        return
    g.setdefault("after_commit", []).append((fn, args))


def _run_after_commit(app: Flask) -> None:
    for fn, args in g.pop("after_commit", []):
        try:
            fn(*args)
        except Exception:  # Redis away: the committed rows stay; the sweep picks the work up later
            app.logger.exception("after-commit work failed: %s", getattr(fn, "__name__", fn))


def _wants_commit(response) -> bool:
    if response.status_code >= 400:
        return False
    return request.method not in SAFE_METHODS or bool(g.get("writes_on_read"))


def _failed(status: int, code: str, message: str):
    if request.path.startswith("/api/"):
        response = jsonify(error=code, message=message)
        response.status_code = status
        return response
    return render_template("error.html", code=status, message=message), status


def register(app: Flask) -> None:
    @app.after_request
    def finish_unit_of_work(response):
        if not _wants_commit(response):
            db.session.rollback()
            g.pop("after_commit", None)
            return response
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            return app.make_response(_failed(409, "conflict", _("The request clashed with another one; try again.")))
        except OperationalError as exc:
            db.session.rollback()
            app.logger.warning("database unavailable at commit: %s", exc)
            return app.make_response(_failed(503, "busy", _("The database is busy; try again in a moment.")))
        _run_after_commit(app)
        return response

    @app.teardown_request
    def roll_back_on_error(exc):
        if exc is not None:
            db.session.rollback()
