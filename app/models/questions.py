import hashlib
import json
from datetime import datetime

from sqlalchemy import JSON, ColumnElement, ForeignKey, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import Publishable, UTCDateTime, utcnow


def content_hash(content: dict) -> str:
    """A stable fingerprint of a question's content: same content, same hash, on any machine."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Question(Publishable, db.Model):
    """A question of the bank, identified by its bank id; its content lives in immutable versions.

    A question is *live* (practised, drawn, fixed in papers) unless it is retired or a draft. A draft is one an
    instructor is still writing: saved in the editor but kept from trainees until ``publish()``."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    type: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str] = mapped_column(String(50), index=True)
    difficulty: Mapped[int] = mapped_column(Integer, default=3)
    retired: Mapped[bool] = mapped_column(default=False)
    # draft (Publishable): publish() / make_draft(), live / is_live(); a retired question is neither
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    versions: Mapped[list["QuestionVersion"]] = relationship(
        back_populates="question", order_by="QuestionVersion.number", cascade="all, delete-orphan"
    )

    @property
    def current(self) -> "QuestionVersion | None":
        return self.versions[-1] if self.versions else None

    def _withdrawn(self) -> bool:
        return self.retired

    @classmethod
    def _not_withdrawn(cls) -> ColumnElement[bool]:
        return cls.retired.is_(False)

    def revise(self, content: dict, author_id: int | None = None) -> "QuestionVersion | None":
        """Record ``content`` as a new version unless it equals the current one; returns the new version."""
        digest = content_hash(content)
        current = self.current
        if current is not None and current.content_hash == digest:
            return None
        version = QuestionVersion(
            number=(current.number + 1) if current else 1,
            content=content,
            content_hash=digest,
            author_id=author_id,
        )
        self.versions.append(version)
        self.type = content["type"]
        self.topic = content["topic"]
        self.difficulty = content.get("difficulty", 3)
        self.retired = False  # a new version brings a retired question back; a draft stays a draft
        return version

    @classmethod
    def by_key(cls, key: str) -> "Question | None":
        return db.session.scalar(select(cls).where(cls.key == key))


class QuestionVersion(db.Model):
    """One immutable state of a question. Attempts keep the version they were graded with."""

    __tablename__ = "question_versions"
    __table_args__ = (UniqueConstraint("question_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    content: Mapped[dict] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    question: Mapped[Question] = relationship(back_populates="versions")

    def part(self, part_id: str) -> dict | None:
        for part in self.content.get("parts", []):
            if part["id"] == part_id:
                return part
        return None


class SynonymSet(db.Model):
    """A bank-wide synonym set (synonyms.yaml): every member of a set matches the others when grading."""

    __tablename__ = "synonym_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    terms: Mapped[list] = mapped_column(JSON)

    @classmethod
    def as_dict(cls) -> dict[str, list[str]]:
        return {s.name: list(s.terms) for s in db.session.scalars(select(cls).order_by(cls.name))}
