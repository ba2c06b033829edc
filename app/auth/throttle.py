"""Keys and conditions of the rate limits: wrong passwords per account, attempts per client address, practice
answers per trainee.

The address is the one ProxyFix restored (``app.config``: PROXY_FIX_X_FOR), so behind nginx every trainee is not
the proxy's one address."""
from flask import g, request
from flask_limiter.util import get_remote_address


def address_key() -> str:
    return f"addr:{get_remote_address()}"


def _username() -> str:
    name = request.form.get("username")
    if name is None and request.is_json:
        data = request.get_json(silent=True)  # the edge has already refused bad JSON (app.edge)
        name = data.get("username") if isinstance(data, dict) else None
    return name.strip().lower()[:64] if isinstance(name, str) else ""


def account_key() -> str:
    return f"account:{_username()}"


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
