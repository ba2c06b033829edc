"""Role checks for views: every view outside the login page goes through one of these."""

from flask import abort
from flask_login import current_user

from ..extensions import login


def guard_blueprint(bp, *roles: str) -> None:
    """Require ``roles`` for every view of ``bp``, including ones added later."""

    @bp.before_request
    def check_role():
        if not current_user.is_authenticated:
            return login.unauthorized()
        if not current_user.has_role(*roles):
            abort(403)
