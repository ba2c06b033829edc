"""``POST /api/auth/token``: a bearer token for username + password (30 days; only its hash is stored)."""
from flask import current_app, g, jsonify
from flask_babel import gettext as _

from ..auth.services import authenticate
from ..auth.throttle import account_key, address_key, issue_device_cookie, login_failed
from ..extensions import limiter
from ..models import ApiToken, utcnow
from . import schemas
from .base import bp, error, password_change_required, public, roles_required


@bp.route("/auth/token", methods=["POST"])
@public
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], key_func=account_key, deduct_when=login_failed,
               error_message=lambda: _("Too many wrong passwords for this account: wait a minute."))
@limiter.limit(lambda: current_app.config["LOGIN_ADDRESS_RATE_LIMIT"], key_func=address_key,
               error_message=lambda: _("Too many sign-ins from this address: wait a minute."))
def issue_token():
    username, password = schemas.token_request()
    user = authenticate(username, password)
    if user is None:
        login_failed.mark()
        return error(401, "unauthorized", _("Wrong username or password."))
    if user.must_change_password:  # an administrator's temporary password opens the change-password page only
        return password_change_required()
    row, plain = ApiToken.issue(user)
    response = jsonify(token=plain, token_type="Bearer", expires_at=row.expires_at.isoformat())
    response.headers["Cache-Control"] = "no-store"
    return issue_device_cookie(response, user.username)


@bp.route("/auth/token", methods=["DELETE"])
@roles_required()
def revoke_token():
    """Revoke the bearer token of this request."""
    row = g.get("api_token")
    if row is None:
        return error(400, "bad_request", _("Only a request made with a bearer token can revoke it."))
    row.revoked_at = utcnow()
    return "", 204


@bp.route("/me")
@roles_required()
def me():
    user = g.api_user
    return jsonify(username=user.username, name=user.name, roles=sorted(user.roles))
