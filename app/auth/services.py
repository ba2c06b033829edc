"""Account operations: they flush, the caller commits."""
from sqlalchemy import func, select

from ..extensions import db
from ..models import DomainError, User, utcnow


class AccountError(DomainError):
    pass


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))


def authenticate(username: str, password: str) -> User | None:
    """The active user with these credentials, or None (same answer whether the name or password is wrong)."""
    user = find_user(username)
    if user is None or not user.active or not user.check_password(password):
        return None
    user.last_login_at = utcnow()
    db.session.flush()
    return user


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
