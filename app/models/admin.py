"""What administrators set up: when a class may sit a paper, pass rules, and the audit trail."""
from datetime import datetime

from sqlalchemy import JSON, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class CohortPaper(db.Model):
    """A class (班级) may sit a paper between ``opens_at`` and ``closes_at`` (either may be open-ended)."""

    __tablename__ = "cohort_papers"
    __table_args__ = (UniqueConstraint("cohort_id", "paper_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), index=True)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    cohort = relationship("Cohort")
    paper = relationship("Paper")

    def is_open(self, now: datetime) -> bool:
        return (self.opens_at is None or self.opens_at <= now) and (self.closes_at is None or now < self.closes_at)


class PassRule(db.Model):
    """A paper passes at ``pass_mark`` (out of 100: the score as a percentage of the paper's maximum); with a
    partner paper, both must reach their marks (理论知识 >= 60 and 专业能力 >= 60)."""

    __tablename__ = "pass_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), unique=True)
    pass_mark: Mapped[float] = mapped_column(Float, default=60.0)
    partner_paper_id: Mapped[int | None] = mapped_column(ForeignKey("papers.id", ondelete="SET NULL"))
    partner_pass_mark: Mapped[float | None] = mapped_column(Float)

    paper = relationship("Paper", foreign_keys=[paper_id])
    partner_paper = relationship("Paper", foreign_keys=[partner_paper_id])


class AuditEvent(db.Model):
    """One thing worth answering for later: a sign-in, a role change, an import, an override, an export."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    actor_name: Mapped[str] = mapped_column(String(64), default="")  # kept when the account goes
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    ip: Mapped[str] = mapped_column(String(64), default="")
