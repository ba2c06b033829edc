from datetime import datetime, timedelta

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

# A mistake comes back for review after these intervals (stage 0, 1, 2+).
REVIEW_INTERVALS = (timedelta(days=1), timedelta(days=3), timedelta(days=7))
CORRECT_TO_RESOLVE = 2


class PracticeAnswer(db.Model):
    """One answer given in practice mode (one row per objective question or per case part)."""

    __tablename__ = "practice_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id", ondelete="CASCADE"),
                                                     index=True)
    part_id: Mapped[str | None] = mapped_column(String(64))
    answer: Mapped[object | None] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    max: Mapped[float] = mapped_column(Float, default=0.0)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    version = relationship("QuestionVersion")


class MistakeEntry(db.Model):
    """错题本: a question (or a case part) the trainee got wrong, scheduled for review until answered right twice."""

    __tablename__ = "mistake_entries"
    __table_args__ = (UniqueConstraint("user_id", "question_id", "part_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    # The case part, or "" for the whole question (objective, or a case added by hand): "" keeps the unique key
    # working on every backend (NULLs are distinct in unique constraints).
    part_key: Mapped[str] = mapped_column(String(64), default="")
    question_version_id: Mapped[int | None] = mapped_column(ForeignKey("question_versions.id", ondelete="SET NULL"))
    missed: Mapped[list] = mapped_column(JSON, default=list)  # rubric point ids missed (case parts)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    stage: Mapped[int] = mapped_column(Integer, default=0)
    correct_streak: Mapped[int] = mapped_column(Integer, default=0)
    manual: Mapped[bool] = mapped_column(default=False)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    question = relationship("Question")
    version = relationship("QuestionVersion")

    @property
    def part_id(self) -> str | None:
        return self.part_key or None

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    def is_due(self, now: datetime) -> bool:
        return self.is_open and self.due_at <= now

    def open(self, now: datetime, missed: list | None = None, manual: bool = False) -> None:
        """(Re-)enter the book: first review one interval from now."""
        self.resolved_at = None
        self.stage = 0
        self.correct_streak = 0
        self.missed = list(missed or [])
        self.manual = manual
        self.due_at = now if manual else now + REVIEW_INTERVALS[0]

    def record(self, correct: bool, now: datetime, missed: list | None = None) -> None:
        """An answer while the entry is open: two right in a row resolve it; a wrong one resets the streak."""
        if correct:
            self.correct_streak += 1
            if self.correct_streak >= CORRECT_TO_RESOLVE:
                self.resolved_at = now
                return
            self.stage = min(self.stage + 1, len(REVIEW_INTERVALS) - 1)
            self.due_at = now + REVIEW_INTERVALS[self.stage]
        else:
            self.correct_streak = 0
            if missed is not None:
                self.missed = list(missed)
            self.due_at = now + REVIEW_INTERVALS[0]
