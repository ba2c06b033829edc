from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin
from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..config import ARGON2_DEFAULT
from ..extensions import db
from .base import DomainError, UTCDateTime, utcnow

ROLES = ("trainee", "instructor", "admin")
_default_hasher = PasswordHasher(**ARGON2_DEFAULT)


def _hasher() -> PasswordHasher:
    """The app's hasher (ARGON2_PARAMS: the environment's, or the test suite's cheap ones)."""
    from flask import current_app, has_app_context

    if has_app_context():
        return current_app.extensions.get("password_hasher", _default_hasher)
    return _default_hasher

cohort_members = Table(
    "cohort_members",
    db.metadata,
    Column("cohort_id", ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    # Space-separated subset of ROLES: a user may hold several.
    roles_text: Mapped[str] = mapped_column("roles", String(64), default="trainee")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when an administrator resets the password: the next sign-in goes to the change-password page.
    must_change_password: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    # Part of every session cookie, remember cookie and bearer token of the user: raising it (sign-out,
    # password change) ends all of them at once, on every server.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")

    cohorts: Mapped[list["Cohort"]] = relationship(secondary=cohort_members, back_populates="members")

    @property
    def roles(self) -> set[str]:
        return set(self.roles_text.split())

    @roles.setter
    def roles(self, value) -> None:
        unknown = set(value) - set(ROLES)
        if unknown:
            raise DomainError(f"unknown role: {', '.join(sorted(unknown))}")
        if not value:
            raise DomainError("a user needs at least one role")
        self.roles_text = " ".join(r for r in ROLES if r in value)

    def get_id(self) -> str:
        """Flask-Login's identifier for the session and remember cookies: the id and the session version."""
        return f"{self.id}:{self.session_version}"

    def end_all_sessions(self) -> None:
        """Sign the user out everywhere: every session and remember cookie and bearer token stops working."""
        self.session_version = (self.session_version or 1) + 1

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def set_password(self, password: str) -> None:
        if len(password) < 8:
            raise DomainError("password must be at least 8 characters")
        had_password = bool(self.password_hash)
        self.password_hash = _hasher().hash(password)
        if had_password:  # a changed password ends every session opened with the old one
            self.end_all_sessions()

    def check_password(self, password: str) -> bool:
        try:
            ok = _hasher().verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if ok and _hasher().check_needs_rehash(self.password_hash):
            self.password_hash = _hasher().hash(password)
        return ok

    @staticmethod
    def spend_a_password_check(password: str) -> None:
        """The argon2 work of ``check_password`` for a sign-in with no account to check (an unknown or disabled
        name), so that it takes as long as a wrong password."""
        _hasher().hash(password)

    @property
    def name(self) -> str:
        return self.display_name or self.username


class Cohort(db.Model):
    """A class (班级) of trainees, with its instructors among the members."""

    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[User]] = relationship(secondary=cohort_members, back_populates="cohorts")
