from datetime import datetime, timedelta

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, and_, text
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import DomainError, UTCDateTime, utcnow

# Saves that left the browser just before the deadline still count.
SAVE_GRACE = timedelta(seconds=5)


class AttemptStateError(DomainError):
    """An attempt was asked to do something its state does not allow."""


class Attempt(db.Model):
    """One sitting of a paper by a trainee: started, then submitted or expired."""

    __tablename__ = "attempts"

    STARTED, SUBMITTED, EXPIRED = "started", "submitted", "expired"
    # One open attempt per trainee and paper, whatever the concurrency: a second start racing the first fails
    # here and resumes the first (exams.lifecycle.start_attempt).
    __table_args__ = (Index("uq_attempts_one_open", "user_id", "paper_id", unique=True,
                            sqlite_where=text("status = 'started'"), postgresql_where=text("status = 'started'")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=STARTED, index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: untimed (practice papers)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    # Times the exam page lost focus: counted on every report; only the first FOCUS_EVENTS_KEPT are stored as
    # rows (``focus_events``, with their times), so a script posting in a loop cannot grow the table.
    focus_losses: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    user = relationship("User")
    paper = relationship("Paper")
    items: Mapped[list["AttemptItem"]] = relationship(
        back_populates="attempt", order_by="AttemptItem.position", cascade="all, delete-orphan"
    )
    focus_events: Mapped[list["FocusEvent"]] = relationship(
        back_populates="attempt", order_by="FocusEvent.at", cascade="all, delete-orphan"
    )

    @property
    def is_open(self) -> bool:
        return self.status == self.STARTED

    @hybrid_property
    def awaiting_grade(self) -> bool:
        """Finished, and its grading is queued (a background job grades it; see exams.lifecycle). Also a query
        condition: ``where(Attempt.awaiting_grade)``."""
        return self.status != self.STARTED and self.score is None

    @awaiting_grade.inplace.expression
    @classmethod
    def _awaiting_grade_expression(cls):
        return and_(cls.status != cls.STARTED, cls.score.is_(None))

    @hybrid_property
    def is_graded(self) -> bool:
        """Finished and graded (what regrades, item analysis and statistics read). Also a query condition."""
        return self.status != self.STARTED and self.score is not None

    @is_graded.inplace.expression
    @classmethod
    def _is_graded_expression(cls):
        return and_(cls.status != cls.STARTED, cls.score.is_not(None))

    def is_past_deadline(self, now: datetime) -> bool:
        return self.deadline is not None and now > self.deadline

    def check_can_save(self, now: datetime) -> None:
        if self.status != self.STARTED:
            raise AttemptStateError("attempt is already finished")
        if self.deadline is not None and now > self.deadline + SAVE_GRACE:
            raise AttemptStateError("time is up: the deadline has passed")

    def submit(self, now: datetime) -> None:
        if self.status != self.STARTED:
            raise AttemptStateError(f"cannot submit an attempt that is {self.status}")
        self.status = self.SUBMITTED
        self.finished_at = now

    def expire(self, now: datetime) -> None:
        if self.status != self.STARTED:
            raise AttemptStateError(f"cannot expire an attempt that is {self.status}")
        if not self.is_past_deadline(now):
            raise AttemptStateError("cannot expire an attempt before its deadline")
        self.status = self.EXPIRED
        self.finished_at = self.deadline


class AttemptItem(db.Model):
    """A question fixed into an attempt when it starts: the exact version, its weight and option order."""

    __tablename__ = "attempt_items"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    section: Mapped[int] = mapped_column(Integer, default=0)
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id"), index=True)
    points: Mapped[float] = mapped_column(Float)
    option_order: Mapped[list | None] = mapped_column(JSON)  # letters in display order, when shuffled

    attempt: Mapped[Attempt] = relationship(back_populates="items")
    version = relationship("QuestionVersion")
    response: Mapped["Response | None"] = relationship(
        back_populates="item", uselist=False, cascade="all, delete-orphan"
    )


class Response(db.Model):
    """The trainee's answer to one attempt item, and its grade once graded."""

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("attempt_items.id", ondelete="CASCADE"), unique=True)
    answer: Mapped[object | None] = mapped_column(JSON)
    flagged: Mapped[bool] = mapped_column(default=False)  # "flag for review" by the trainee
    saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[float | None] = mapped_column(Float)
    result: Mapped[dict | None] = mapped_column(JSON)  # per-part grading with evidence
    needs_review: Mapped[bool] = mapped_column(default=False, index=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    item: Mapped[AttemptItem] = relationship(back_populates="response")
    changes: Mapped[list["GradeChange"]] = relationship(
        back_populates="response", order_by="GradeChange.at", cascade="all, delete-orphan"
    )
    point_scores: Mapped[list["PointScore"]] = relationship(
        back_populates="response", order_by="PointScore.id", cascade="all, delete-orphan"
    )


class PointScore(db.Model):
    """What one key point of one case part earned in one response (or, for an objective question, the whole
    answer: part and point ''), so that "which key points does this cohort miss" is a query, not a scan of
    every result blob. Written by app.scoring beside ``Response.result``; ``source`` says whether the grader or
    an instructor set it, and a regrade never replaces an override."""

    __tablename__ = "point_scores"
    __table_args__ = (UniqueConstraint("response_id", "part_id", "point_id"),)

    AUTO, OVERRIDE = "auto", "override"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[str] = mapped_column(String(64), default="")
    point_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    earned: Mapped[float] = mapped_column(Float, default=0.0)
    max: Mapped[float] = mapped_column(Float, default=0.0)
    source: Mapped[str] = mapped_column(String(16), default=AUTO)
    fuzzy: Mapped[bool] = mapped_column(default=False)

    response: Mapped[Response] = relationship(back_populates="point_scores")


class GradeChange(db.Model):
    """Audit log: every change to a graded score (override, regrade) or to an instructor's comment, who made it
    and why."""

    __tablename__ = "grade_changes"
    OVERRIDE, REGRADE, COMMENT = "override", "regrade", "comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))  # override | regrade | comment (points unchanged)
    part_id: Mapped[str | None] = mapped_column(String(64))  # the key point overridden, when one was
    point_id: Mapped[str | None] = mapped_column(String(64))
    old_points: Mapped[float | None] = mapped_column(Float)  # that point's (or part's) points before and after
    new_points: Mapped[float | None] = mapped_column(Float)
    old_score: Mapped[float | None] = mapped_column(Float)  # the response's score before and after
    new_score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    response: Mapped[Response] = relationship(back_populates="changes")
    changed_by = relationship("User")


class FocusEvent(db.Model):
    """The exam page lost focus (tab switch), when the paper asks to record it."""

    __tablename__ = "focus_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(16), default="blur")

    attempt: Mapped[Attempt] = relationship(back_populates="focus_events")
