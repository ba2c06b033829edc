import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import ForeignKey, String, bindparam, select
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

TOKEN_LIFETIME = timedelta(days=30)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(db.Model):
    """A bearer token for the JSON API. Only the SHA-256 of the token is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The user's session version when issued: a sign-out or password change since then ends the token.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")

    user = relationship("User")

    @classmethod
    def issue(cls, user, now: datetime | None = None) -> tuple["ApiToken", str]:
        """A new token for ``user``: returns the row and the plain token (shown once, never stored)."""
        now = now or utcnow()
        plain = secrets.token_urlsafe(32)
        row = cls(user_id=user.id, token_hash=hash_token(plain), created_at=now, expires_at=now + TOKEN_LIFETIME,
                  session_version=user.session_version or 1)
        db.session.add(row)
        return row, plain

    def is_valid(self, now: datetime) -> bool:
        return (self.revoked_at is None and now < self.expires_at
                and self.session_version == (self.user.session_version or 1))

    @classmethod
    def find(cls, plain: str) -> "ApiToken | None":
        return db.session.scalar(_find_statement(), {"token_hash": hash_token(plain)})


@cache
def _find_statement():
    """Every API request starts here: the statement (with the user, in one query) is built once per process,
    not at each request (building it cost more CPU than running it)."""
    return (select(ApiToken).options(joinedload(ApiToken.user))
            .where(ApiToken.token_hash == bindparam("token_hash")))
