"""Error pages for people and JSON errors for the API: never a bare 500 page or stack trace.

A 5xx page is a static file (``static/unavailable.html``, which nginx can serve too): it reads no database and no
signed-in user, so it still shows when PostgreSQL is away. The database away is a 503 (JSON or that page), and the
site recovers by itself when it returns (the pool pings connections before use)."""
from pathlib import Path

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError, TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

UNAVAILABLE_PAGE = Path(__file__).resolve().parent.parent / "static" / "unavailable.html"
DATABASE_AWAY = (OperationalError, InterfaceError, PoolTimeout)


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def static_page(code: int):
    return UNAVAILABLE_PAGE.read_text(encoding="utf-8"), code, {"Content-Type": "text/html; charset=utf-8",
                                                                  "Retry-After": "5"}


def _page(code: int, message: str):
    if code >= 500:
        return static_page(code)
    try:
        return render_template("error.html", code=code, message=message), code
    except DATABASE_AWAY:  # the page's header reads the signed-in user
        return static_page(503)


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        message = _("Your session expired or the form was sent twice. Reload the page and try again.")
        if wants_json():
            return jsonify(error="csrf", message=message), 400
        return _page(400, message)

    @app.errorhandler(HTTPException)
    def http_error(exc):
        if wants_json():
            return jsonify(error=exc.name.lower().replace(" ", "_"), message=exc.description), exc.code
        return _page(exc.code, exc.description)

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    @app.errorhandler(PoolTimeout)
    def database_away(exc):
        app.logger.warning("database unavailable: %s", str(exc).splitlines()[0] if str(exc) else exc)
        if wants_json():
            return jsonify(error="unavailable", message="the database is unavailable; try again in a moment"), \
                503, {"Retry-After": "5"}
        return static_page(503)

    @app.errorhandler(Exception)
    def unexpected(exc):
        if isinstance(exc, HTTPException):
            return http_error(exc)
        app.logger.exception("unhandled error")
        if wants_json():
            return jsonify(error="internal_server_error", message="the server failed; try again"), 500
        return static_page(500)
