"""Keys and conditions of the rate limits: wrong passwords per account (or per device, below), attempts per client
address, practice answers and focus reports per trainee.

The address is the one ProxyFix restored (``app.config``: PROXY_FIX_X_FOR), so behind nginx every trainee is not
the proxy's one address.

Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a successful sign-in leaves a
signed, HttpOnly cookie naming the account and a random nonce. A later sign-in to that same account carrying it is
counted in the device's own bucket, so someone sending wrong passwords for the name (who has no such cookie) uses
up the account's shared bucket and locks out only the browsers that have never signed in to it. A cookie that is
forged, expired, made with another secret key or names another account counts for nothing: the shared bucket."""
import secrets

from flask import current_app, g, request
from flask_limiter.util import get_remote_address
from itsdangerous import BadSignature, URLSafeTimedSerializer

DEVICE_COOKIE = "device"
_DEVICE_SALT = "device-cookie"


def address_key() -> str:
    return f"addr:{get_remote_address()}"


def _username() -> str:
    name = request.form.get("username")
    if name is None and request.is_json:
        data = request.get_json(silent=True)  # the edge has already refused bad JSON (app.edge)
        name = data.get("username") if isinstance(data, dict) else None
    return name.strip().lower()[:64] if isinstance(name, str) else ""


def account_key() -> str:
    """The bucket of a sign-in attempt: its device's, when it carries a valid device cookie for the account it
    names; else the account's, shared by every other attempt for that name."""
    name = _username()
    nonce = _device_nonce(name)
    return f"device:{nonce}" if nonce else f"account:{name}"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=_DEVICE_SALT)


def _device_nonce(name: str) -> str | None:
    """The nonce of the request's device cookie if it is genuine, young enough and made for ``name``."""
    value = request.cookies.get(DEVICE_COOKIE)
    if not name or not value or len(value) > 500:
        return None
    try:
        data = _serializer().loads(value, max_age=current_app.config["DEVICE_COOKIE_MAX_AGE"])
    except BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, list) or len(data) != 2 or data[0] != name or not isinstance(data[1], str):
        return None
    return data[1]


def issue_device_cookie(response, username: str):
    """Leave the device cookie for ``username`` on ``response`` (after a successful sign-in): a new nonce each time.
    Secure when the request came over HTTPS (or SESSION_COOKIE_SECURE says the site is served over it)."""
    name = username.strip().lower()[:64]
    value = _serializer().dumps([name, secrets.token_urlsafe(16)])
    response.set_cookie(DEVICE_COOKIE, value, max_age=current_app.config["DEVICE_COOKIE_MAX_AGE"], httponly=True,
                        secure=request.is_secure or bool(current_app.config.get("SESSION_COOKIE_SECURE")),
                        samesite="Lax", path="/")
    return response


def signed_in_account_key() -> str:
    """The signed-in user's account (the change-password form, whose current password can be guessed too)."""
    from flask_login import current_user

    name = current_user.username if current_user.is_authenticated else ""
    return f"account:{name.strip().lower()[:64]}"


class _LoginFailed:
    """``deduct_when`` of the per-account limit: only a refused sign-in counts against the account."""

    def mark(self) -> None:
        g.login_failed = True

    def __call__(self, response) -> bool:
        return bool(g.get("login_failed"))


login_failed = _LoginFailed()


def trainee_key() -> str:
    """Who sends a practice answer: the signed-in user or the bearer token's user (the limiter runs before the API
    resolves the token, so it is looked up here), one count whichever way they come; else the address."""
    from flask_login import current_user

    from ..models import ApiToken

    scheme, _space, token = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() == "bearer" and 0 < len(token.strip()) <= 200 and "\x00" not in token:
        row = ApiToken.find(token.strip())
        if row is not None:
            return f"user:{row.user_id}"
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"address:{get_remote_address()}"
