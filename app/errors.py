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

from .edge import ADDRESS_UNSTORABLE, FORM_UNSTORABLE, JSON_NOT_UTF8, JSON_TOO_DEEP, JSON_UNSTORABLE, MAX_JSON_DEPTH
from .grading.messages import N_

UNAVAILABLE_PAGE = Path(__file__).resolve().parent.parent / "static" / "unavailable.html"
DATABASE_AWAY = (OperationalError, InterfaceError, PoolTimeout)


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def static_page(code: int):
    return UNAVAILABLE_PAGE.read_text(encoding="utf-8"), code, {"Content-Type": "text/html; charset=utf-8",
                                                                  "Retry-After": "5"}


# What a person reads on the error page, in the page's language: werkzeug's descriptions are English ("The data
# value transmitted exceeds the capacity limit." for a form too large), so a code says it in its own words; a
# description of the edge's own (a NUL in a form field) is translated as it is.
PAGE_MESSAGES = {
    400: N_("The request could not be read. Go back, check what you entered and try again."),
    405: N_("This page cannot be opened that way. Go back and use the page's own links and buttons."),
    413: N_("What you sent is too large: shorten the text or choose a smaller file, then try again."),
    414: N_("The address is too long: shorten the search text and try again."),
}
EDGE_MESSAGES = {ADDRESS_UNSTORABLE, FORM_UNSTORABLE}
JSON_EDGE_MESSAGES = {ADDRESS_UNSTORABLE, FORM_UNSTORABLE, JSON_UNSTORABLE, JSON_NOT_UTF8}


def json_message(exc: HTTPException) -> str:
    """An error's message in a JSON answer: the edge's own in the request's language (the API promises Chinese),
    werkzeug's descriptions as they are."""
    if exc.description in JSON_EDGE_MESSAGES:
        return _(exc.description)
    if exc.description == JSON_TOO_DEEP % {"n": MAX_JSON_DEPTH}:
        return _(JSON_TOO_DEEP, n=MAX_JSON_DEPTH)
    return exc.description


def page_message(exc: HTTPException) -> str:
    if exc.description in EDGE_MESSAGES:
        return _(exc.description)
    if exc.code in PAGE_MESSAGES:
        return _(PAGE_MESSAGES[exc.code])
    return _("The request could not be handled. Go back and try again.")


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
            return jsonify(error=exc.name.lower().replace(" ", "_"), message=json_message(exc)), exc.code
        return _page(exc.code, page_message(exc))

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
