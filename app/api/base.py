"""The API blueprint, its authentication (bearer token or session + CSRF header) and its JSON errors."""
from __future__ import annotations


from functools import wraps

from flask import Blueprint, current_app, g, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError, OperationalError
from werkzeug.exceptions import HTTPException

from ..errors import json_message
from ..exams.errors import ExamConflict, ExamError, ExamNotFound, state_code, state_message
from ..extensions import csrf
from ..models import ApiToken, AttemptStateError, utcnow

bp = Blueprint("api", __name__)
# CSRFProtect's automatic check is off for the API: bearer calls carry no cookie, so they cannot be forged;
# session calls are checked in ``authenticate`` below (the X-CSRFToken header).
csrf.exempt(bp)

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
PUBLIC = set()  # endpoints that need no signed-in user (token issue, OpenAPI document)


def public(view):
    PUBLIC.add(f"{bp.name}.{view.__name__}")
    return view


def error(status: int, code: str, message: str):
    response = jsonify(error=code, message=message)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def password_change_required():
    return error(403, "password_change_required", _("Change your password before going on."))


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def api_user():
    """The caller: the bearer token's user, else the session's; None when anonymous."""
    return g.get("api_user")


def _has_nul() -> bool:
    values = list((request.view_args or {}).values()) + list(request.args.values())
    return any(isinstance(v, str) and "\x00" in v for v in values)


@bp.before_request
def authenticate():
    g.api_user = None
    g.api_token = None
    if _has_nul():  # no database accepts NUL in text: refuse it before it reaches one
        return error(400, "bad_request", _("The address contains a NUL character."))
    if request.endpoint in PUBLIC:
        return None
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _space, token = header.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > 200 or "\x00" in token:
            return error(401, "unauthorized", _("The Authorization header must be 'Bearer <token>'."))
        row = ApiToken.find(token)
        if row is None or not row.is_valid(utcnow()) or not row.user.active:
            return error(401, "unauthorized", _("The token is not valid or has expired: ask for a new one."))
        if row.user.must_change_password:  # as on the site: nothing until the temporary password is changed
            return password_change_required()
        g.api_user, g.api_token = row.user, row
        return None
    if current_user.is_authenticated:
        if current_user.must_change_password:  # the site's own rule (auth) leaves the API to answer it here
            return password_change_required()
        if request.method in UNSAFE and current_app.config.get("WTF_CSRF_ENABLED", True):
            csrf.protect()  # CSRFError -> 400 JSON via app.errors
        g.api_user = current_user._get_current_object()
    return None


def roles_required(*roles: str):
    """401 JSON for anonymous callers, 403 JSON for a wrong role; never the login page's redirect."""

    def decorator(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            user = api_user()
            if user is None:
                return error(401, "unauthorized", _("Sign in, or send a bearer token."))
            if roles and not user.has_role(*roles):
                return error(403, "forbidden", _("This needs the role: %(roles)s.", roles=" / ".join(roles)))
            return view(*args, **kwargs)

        guarded.required_roles = roles
        return guarded

    return decorator


@bp.errorhandler(ApiError)
def api_error(exc: ApiError):
    return error(exc.status, exc.code, exc.message)


@bp.errorhandler(ExamNotFound)
def not_found(exc):
    return error(404, "not_found", str(exc))


@bp.errorhandler(ExamConflict)
def conflict(exc):
    return error(409, "conflict", str(exc))


@bp.errorhandler(ExamError)
def exam_error(exc):
    if isinstance(exc, ExamNotFound):
        return error(404, "not_found", str(exc))
    return error(400, "bad_request", str(exc))


@bp.errorhandler(AttemptStateError)
def state_error(exc):
    return error(409, state_code(exc), state_message(exc))


@bp.errorhandler(IntegrityError)
def integrity_error(exc):
    return error(409, "conflict", _("The request clashed with another one; try again."))


@bp.errorhandler(OperationalError)
def busy(exc):
    current_app.logger.warning("database busy: %s", exc)
    return error(503, "busy", _("The database is busy; try again in a moment."))


@bp.errorhandler(HTTPException)
def http_error(exc: HTTPException):
    return error(exc.code or 500, (exc.name or "error").lower().replace(" ", "_"), json_message(exc) or "")
