"""Role checks for views: every view outside the login page goes through one of these."""

from flask import abort
from flask_login import current_user, login_required

from ..extensions import login


def public(view):
    """Mark a view that anyone may open (the sign-in page): the access matrix (tests/prod) reads the mark."""
    view.public = True
    return view


def signed_in(view):
    """Any signed-in user, whatever the role (sign-out): Flask-Login's check, marked for the access matrix."""
    guarded = login_required(view)
    guarded.required_roles = ()
    return guarded


def guard_blueprint(bp, *roles: str) -> None:
    """Require ``roles`` for every view of ``bp``, including ones added later."""
    bp.required_roles = roles  # read by the access matrix (tests/prod/test_matrix.py)

    @bp.before_request
    def check_role():
        if not current_user.is_authenticated:
            return login.unauthorized()
        if not current_user.has_role(*roles):
            abort(403)
