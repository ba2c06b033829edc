from datetime import datetime

from sqlalchemy import JSON, ColumnElement, Integer, String, func, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import Publishable, UTCDateTime, sqlite_write_lock, utcnow
from .questions import content_hash


class Paper(Publishable, db.Model):
    """An exam definition: sections of fixed questions or random draws, a time limit, attempt rules.

    A paper is *live* (listed for trainees, startable, in the API) unless it is inactive or a draft. A paper built
    in the editor starts as a draft unless published on save; one loaded from the bank is live. ``publish()``
    refuses an inactive paper; ``make_draft()`` refuses an inactive paper and one that has attempts (trainees'
    results and open attempts would belong to a paper they can no longer see: restricting it to classes is how a
    sat paper is closed)."""

    __tablename__ = "papers"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="mock")
    time_limit: Mapped[int | None] = mapped_column(Integer)  # minutes
    max_attempts: Mapped[int | None] = mapped_column(Integer)
    definition: Mapped[dict] = mapped_column(JSON)  # the paper as written in the bank
    content_hash: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)
    # draft (Publishable): publish() / make_draft(), live / is_live()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def update_from(self, definition: dict) -> bool:
        """Take the bank's definition; returns whether anything changed."""
        digest = content_hash(definition)
        if digest == self.content_hash and self.active:
            return False
        self.definition = definition
        self.content_hash = digest
        self.title = definition["title"]
        self.kind = definition.get("kind", "mock")
        self.time_limit = definition.get("time_limit")
        self.max_attempts = definition.get("max_attempts")
        self.active = True
        return True

    def lock(self, shared: bool = False) -> None:
        """Hold this paper's row until commit and reload it, so that a return to draft and a trainee's start take
        turns (each checks the other's work: no attempt yet / still published). ``shared``: starts do not wait for
        each other, only for a change of state.  PostgreSQL: SELECT ... FOR SHARE / FOR UPDATE. SQLite has no row
        locks: a no-op UPDATE takes the database's write lock now, before the checks read."""
        sqlite_write_lock(Paper, self.id)
        db.session.refresh(self, with_for_update={"read": shared})

    def _withdrawn(self) -> bool:
        return not self.active

    @classmethod
    def _not_withdrawn(cls) -> ColumnElement[bool]:
        return cls.active.is_(True)

    def _may_return_to_draft(self) -> bool:
        return not self.has_attempts()

    def withdraw(self) -> bool:
        """Active -> inactive: nobody may start it any more (a mock exam whose session is over). Results stay, and
        an attempt already open may still be submitted. Refuses (returns False) a paper already inactive."""
        if not self.active:
            return False
        self.active = False
        return True

    def reinstate(self) -> bool:
        """Inactive -> active again, published or draft as it was. Refuses (returns False) an active paper."""
        if self.active:
            return False
        self.active = True
        return True

    def open_attempts(self) -> int:
        """How many attempts on this paper are still being sat."""
        from .attempts import Attempt

        if self.id is None:
            return 0
        return db.session.scalar(select(func.count(Attempt.id)).where(Attempt.paper_id == self.id,
                                                                     Attempt.status == Attempt.STARTED)) or 0

    def has_attempts(self) -> bool:
        """Whether anyone has started this paper (an attempt open, submitted or expired)."""
        from .attempts import Attempt

        return self.id is not None and db.session.scalar(
            select(Attempt.id).where(Attempt.paper_id == self.id).limit(1)) is not None

    @property
    def sections(self) -> list[dict]:
        return self.definition.get("sections", [])

    @property
    def shuffle_options(self) -> bool:
        return bool(self.definition.get("shuffle_options"))

    @property
    def track_focus(self) -> bool:
        return bool(self.definition.get("track_focus"))

    @classmethod
    def listing_order(cls) -> tuple:
        """How every list of papers is ordered: mock exams before practice papers, then by key (the bank's order;
        a title sorts 模拟考试（三） before （二））."""
        return cls.kind, cls.key

    @classmethod
    def by_key(cls, key: str) -> "Paper | None":
        return db.session.scalar(select(cls).where(cls.key == key))
