"""Role checks for views: every view outside the login page goes through one of these."""
from functools import wraps

from flask import abort
from flask_login import current_user

from ..extensions import login


def role_required(*roles: str):
    """Let in a logged-in user holding one of ``roles``; others get the login page (anonymous) or 403."""

    def decorator(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login.unauthorized()
            if roles and not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        guarded.required_roles = roles
        return guarded

    return decorator


def public(view):
    """Mark a view that anyone may open (the sign-in page): the access matrix (tests/prod) reads the mark."""
    view.public = True
    return view


def guard_blueprint(bp, *roles: str) -> None:
    """Require ``roles`` for every view of ``bp``, including ones added later."""
    bp.required_roles = roles  # read by the access matrix (tests/prod/test_matrix.py)

    @bp.before_request
    def check_role():
        if not current_user.is_authenticated:
            return login.unauthorized()
        if not current_user.has_role(*roles):
            abort(403)
