from datetime import datetime, timezone

from sqlalchemy import ColumnElement, DateTime, and_, false, update
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from ..extensions import db


class DomainError(Exception):
    """A rule of the domain was broken (an illegal state change, an invalid operation)."""


def sqlite_write_lock(model, ident) -> None:
    """SQLite has no row locks: a no-op UPDATE of row ``ident`` of ``model`` takes the database's write lock now, so
    what is read after it is the last committed state and nobody else writes until commit. It sets the key and every
    column stamped on update to themselves, so nothing changes. Other databases lock rows (FOR UPDATE): nothing here."""
    if db.session.get_bind().dialect.name != "sqlite":
        return
    table = model.__table__
    same = {column: column for column in table.columns if column.primary_key or column.onupdate is not None}
    db.session.execute(update(table).where(table.c.id == ident).values(same))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given; use app.models.utcnow()")
            value = value.astimezone(timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class Publishable:
    """A draft flag with guarded transitions, shared by questions and papers: a draft is something an instructor
    is still writing, saved but kept from trainees until ``publish()``. A class says what withdraws a row for good
    (``_withdrawn``, and its opposite as SQL, ``_not_withdrawn()``: a retired question, an inactive paper), which
    neither transition touches, and may refuse a return to draft (``_may_return_to_draft``)."""

    draft: Mapped[bool] = mapped_column(default=False, server_default=false())

    def _withdrawn(self) -> bool:
        raise NotImplementedError

    @classmethod
    def _not_withdrawn(cls) -> ColumnElement[bool]:
        raise NotImplementedError

    def _may_return_to_draft(self) -> bool:
        return True

    @property
    def live(self) -> bool:
        """Whether trainees may meet it: neither withdrawn nor a draft."""
        return not self._withdrawn() and not self.draft

    @classmethod
    def is_live(cls) -> ColumnElement[bool]:
        """The SQL condition of ``live``, for queries."""
        return and_(cls._not_withdrawn(), cls.draft.is_(False))

    def publish(self) -> bool:
        """Draft -> live. Refuses (returns False) a withdrawn row or one already live."""
        if self._withdrawn() or not self.draft:
            return False
        self.draft = False
        return True

    def make_draft(self) -> bool:
        """Live -> draft (kept from trainees again). Refuses (returns False) a withdrawn row, a draft, or what the
        class refuses (``_may_return_to_draft``)."""
        if self._withdrawn() or self.draft or not self._may_return_to_draft():
            return False
        self.draft = True
        return True
