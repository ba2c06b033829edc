"""One commit or rollback per request, at the edge: services only flush."""
from flask import Flask

from .extensions import db


def register(app: Flask) -> None:
    @app.teardown_request
    def finish_transaction(exc):
        # Views that changed something commit explicitly through commit_or_rollback; anything left open
        # (an error, a read-only request) is rolled back here so no half-done work leaks into the next request.
        if exc is not None:
            db.session.rollback()


def commit() -> None:
    """Commit the request's unit of work (called once, by the view, after its services succeeded)."""
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
