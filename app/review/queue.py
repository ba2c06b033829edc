"""The review queue (批阅): finished attempts' case answers the grader sent to an instructor, filtered, of the
trainees the instructor reaches (app/reach.py)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..grading.messages import Message, message_from_data
from ..reach import class_trainees, reach_condition
from ..models import Attempt, AttemptItem, Paper, Question, QuestionVersion, Response
from ..qtypes import QUESTION_TYPES
from ..qtypes.base import REVIEW_FLAGS

FREE_TEXT_TYPES = [name for name, qtype in QUESTION_TYPES.items() if not qtype.objective]
STATES = ("todo", "done", "all")
FLAGS = ("review", "list", "error")
QUEUE_LIMIT = 500  # one page of the queue; filter to see more


@dataclass
class QueueFilter:
    paper: str = ""
    question: str = ""
    cohort: int | None = None
    flag: str = ""
    state: str = "todo"
    blind: bool = False

    @classmethod
    def from_args(cls, args) -> "QueueFilter":
        """From a query string or form; anything unknown falls back to the default (never an error)."""
        cohort = args.get("cohort", "")
        state = args.get("state", "todo")
        flag = args.get("flag", "")
        return cls(paper=args.get("paper", "")[:120], question=args.get("question", "")[:120],
                   cohort=int(cohort) if cohort.isascii() and cohort.isdigit() and len(cohort) < 10 else None,
                   flag=flag if flag in FLAGS else "", state=state if state in STATES else "todo",
                   blind=args.get("blind") in ("1", "on", "true"))

    @property
    def active(self) -> int:
        """How many filters narrow the queue (the page keeps its filter form open while any does)."""
        return sum(map(bool, (self.paper, self.question, self.cohort, self.flag, self.state != "todo")))

    def to_args(self) -> dict:
        args = {"paper": self.paper, "question": self.question, "cohort": self.cohort or "", "flag": self.flag,
                "state": self.state, "blind": "1" if self.blind else ""}
        return {k: v for k, v in args.items() if v not in ("", None)}


def flags_of(response: Response) -> set[str]:
    parts = (response.result or {}).get("parts") or {}
    return {flag for part in parts.values() for flag in part.get("flags", [])}


def reasons_of(response: Response) -> list:
    """Why the grader sent the answer to an instructor: the reasons of its parts flagged ``review`` or ``list``,
    as Messages (the page translates them); results stored before reasons were kept give none."""
    parts = (response.result or {}).get("parts") or {}
    return [m for part in parts.values() if any(flag in REVIEW_FLAGS for flag in part.get("flags", []))
            for m in map(message_from_data, part.get("reason_messages") or []) if isinstance(m, Message)]


def queue(f: QueueFilter, viewer, limit: int = QUEUE_LIMIT) -> list[Response]:
    """The responses of finished attempts matching ``f`` whose trainee ``viewer`` reaches, oldest submission
    first."""
    query = (select(Response)
             .join(AttemptItem, Response.item_id == AttemptItem.id)
             .join(Attempt, AttemptItem.attempt_id == Attempt.id)
             .join(QuestionVersion, AttemptItem.question_version_id == QuestionVersion.id)
             .join(Question, QuestionVersion.question_id == Question.id)
             .join(Paper, Attempt.paper_id == Paper.id)
             .where(Attempt.status != Attempt.STARTED, Question.type.in_(FREE_TEXT_TYPES),
                    reach_condition(viewer, Attempt.user_id)))
    to_review = Response.needs_review.is_(True) & Response.reviewed_at.is_(None)
    if f.state == "todo":
        query = query.where(to_review)
    elif f.state == "done":
        query = query.where(Response.reviewed_at.is_not(None))
    else:
        query = query.where(or_(to_review, Response.reviewed_at.is_not(None)))
    if f.paper:
        query = query.where(Paper.key == f.paper)
    if f.question:
        query = query.where(Question.key == f.question)
    if f.cohort:
        query = query.where(Attempt.user_id.in_(class_trainees(f.cohort)))  # its trainees, not its instructors
    query = query.order_by(Attempt.finished_at, Response.id).options(
        selectinload(Response.item).selectinload(AttemptItem.attempt).selectinload(Attempt.user),
        selectinload(Response.item).selectinload(AttemptItem.version).selectinload(QuestionVersion.question))
    responses = db.session.scalars(query).all()
    if f.flag:
        responses = [r for r in responses if f.flag in flags_of(r)]
    return responses[:limit]


def next_after(ids: list[int], current: int) -> int | None:
    """The response to open after ``current`` in a queue listed (``ids``) before it was saved."""
    if current in ids:
        later = ids[ids.index(current) + 1:]
        return later[0] if later else None
    return ids[0] if ids else None
