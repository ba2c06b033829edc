"""Account operations: they flush, the caller commits."""
from sqlalchemy import func, select

from ..audit import record
from ..extensions import db
from ..models import DomainError, User, utcnow


class AccountError(DomainError):
    pass


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))


def authenticate(username: str, password: str) -> User | None:
    """The active user with these credentials, or None (same answer whether the name or password is wrong)."""
    user = find_user(username)
    if user is None or not user.active:
        User.spend_a_password_check(password)  # as long as a wrong password: timing tells no names apart
    if user is None or not user.active or not user.check_password(password):
        record("auth.login_failed", None, username.strip()[:64],
               {"reason": "disabled" if user is not None and not user.active else "credentials"})
        return None
    user.last_login_at = utcnow()
    record("auth.login", user, user.username)
    return user


def change_password(user: User, current: str, new: str) -> None:
    """The user's own change: needs the current password; clears the must-change flag."""
    if not user.check_password(current):
        raise AccountError("wrong current password")
    if new == current:
        raise AccountError("the new password must differ from the current one")
    user.set_password(new)
    user.must_change_password = False
    record("auth.password_changed", user, user.username)


def create_user(username: str, password: str, roles=("trainee",), display_name: str = "") -> User:
    username = username.strip()
    if not username or len(username) > 64:
        raise AccountError("username must be 1 to 64 characters")
    if find_user(username) is not None:
        raise AccountError(f"user '{username}' already exists")
    user = User(username=username, display_name=display_name)
    user.roles = set(roles)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user
