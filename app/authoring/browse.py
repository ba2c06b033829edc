"""The bank browser: search and filters, a question's history with diffs, where it is used, retire/restore,
publish/return to draft.

Reads only, except ``set_retired`` and ``set_draft`` (flush)."""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..bank.writer import dump
from ..bank.markdown_text import plain_excerpt
from ..extensions import db
from ..models import Attempt, AttemptItem, Paper, Question, QuestionVersion, Response
from ..qtypes import QUESTION_TYPES, question_type

PAGE_SIZE = 30
STATUSES = ("live", "draft", "retired", "all")
MAX_QUERY = 100  # characters of a search: longer text is cut, never an error


@dataclass
class Filters:
    text: str = ""
    topic: str = ""
    type: str = ""
    tag: str = ""
    difficulty: int | None = None
    status: str = "live"  # live (not retired: drafts included) | draft | retired | all
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "Filters":
        def number(name, low, high, default=None):
            try:
                value = int(args.get(name, ""))
            except ValueError:
                return default
            return value if low <= value <= high else default

        status = args.get("status", "live")
        kind = args.get("type", "")
        return cls(text=(args.get("q") or "").strip()[:MAX_QUERY], topic=(args.get("topic") or "").strip()[:50],
                   type=kind if kind in QUESTION_TYPES else "", tag=(args.get("tag") or "").strip()[:50],
                   difficulty=number("difficulty", 1, 5), status=status if status in STATUSES else "live",
                   page=number("page", 1, 100_000, 1))

    @property
    def active(self) -> int:
        """How many filters (the search included) narrow the list; the page keeps its form open while any does."""
        return sum(map(bool, (self.text, self.topic, self.type, self.tag, self.difficulty, self.status != "live")))

    def args(self, **changes) -> dict:
        out = {"q": self.text, "topic": self.topic, "type": self.type, "tag": self.tag,
               "difficulty": self.difficulty or "", "status": self.status, "page": self.page}
        out.update(changes)
        return {k: v for k, v in out.items() if v not in ("", None) and not (k == "page" and v == 1)
                and not (k == "status" and v == "live")}


def searchable_text(content: dict) -> str:
    """Everything an instructor may search for in a question: id, stem, options, prompts, references."""
    pieces = [content.get("id", ""), content.get("stem", ""), content.get("explanation", "")]
    pieces += [str(v) for v in (content.get("options") or {}).values()]
    for part in content.get("parts") or []:
        pieces += [part.get("prompt", ""), part.get("reference", "")]
    return "\n".join(str(p) for p in pieces).lower()


def search(filters: Filters) -> tuple[list[Question], int]:
    """The questions matching ``filters`` (one page) and how many match in all."""
    query = select(Question).options(selectinload(Question.versions)).order_by(Question.topic, Question.key)
    if filters.status == "live":
        query = query.where(Question.retired.is_(False))
    elif filters.status == "draft":
        query = query.where(Question.retired.is_(False), Question.draft.is_(True))
    elif filters.status == "retired":
        query = query.where(Question.retired.is_(True))
    if filters.topic:
        query = query.where(Question.topic == filters.topic)
    if filters.type:
        query = query.where(Question.type == filters.type)
    if filters.difficulty:
        query = query.where(Question.difficulty == filters.difficulty)
    found = []
    needle = filters.text.lower()
    for question in db.session.scalars(query):
        content = question.current.content if question.current else {}
        if filters.tag and filters.tag not in (content.get("tags") or []):
            continue
        if needle and needle not in searchable_text(content):
            continue
        found.append(question)
    start = (filters.page - 1) * PAGE_SIZE
    return found[start:start + PAGE_SIZE], len(found)


def facets() -> dict:
    """The areas and tags present in the bank (for the filter menus)."""
    topics = db.session.scalars(select(Question.topic).distinct().order_by(Question.topic)).all()
    tags: set[str] = set()
    for question in db.session.scalars(select(Question).options(selectinload(Question.versions))):
        if question.current:
            tags.update(t for t in question.current.content.get("tags") or [] if isinstance(t, str))
    return {"topics": topics, "tags": sorted(tags), "types": list(QUESTION_TYPES)}


def areas() -> list[str]:
    """The bank's areas, for the editors' suggestions (a new area is one typo away: 投诉 for 投诉处理)."""
    return db.session.scalars(select(Question.topic).distinct().order_by(Question.topic)).all()


def stem_preview(content: dict, limit: int = 80) -> str:
    """The stem as one line of plain words (no > of a quoted dialogue, no ** or list marks)."""
    return plain_excerpt(content.get("stem", ""), limit)


def get_question(key: str) -> Question | None:
    return db.session.scalar(select(Question).where(Question.key == key).options(selectinload(Question.versions)))


def version_of(question: Question, number: int) -> QuestionVersion | None:
    return next((v for v in question.versions if v.number == number), None)


def diff_versions(old: QuestionVersion, new: QuestionVersion) -> list[dict]:
    """A line diff of two versions' YAML: ``{"kind": "same"|"added"|"removed"|"hunk", "text"}``."""
    lines = difflib.unified_diff(dump(old.content).splitlines(), dump(new.content).splitlines(),
                                 fromfile=f"v{old.number}", tofile=f"v{new.number}", lineterm="", n=3)
    out = []
    for line in lines:
        if line.startswith(("---", "+++")):
            continue
        kind = "hunk" if line.startswith("@@") else "added" if line.startswith("+") else \
            "removed" if line.startswith("-") else "same"
        out.append({"kind": kind, "text": line})
    return out


def usage(question: Question) -> dict:
    """Papers naming the question (fixed) or whose draws it fits, and how many responses each version has."""
    from ..bank.loader import summary
    from ..bank.schema import draw_accepts, draw_specs

    found = summary(question.current.content) if question.current else None
    fixed, drawn = [], []
    for paper in db.session.scalars(select(Paper).order_by(Paper.key)):
        for section in paper.sections:
            if question.key in (section.get("questions") or []):
                fixed.append(paper)
                break
            if found and any(draw_accepts(spec, found) for spec in draw_specs(section)):
                drawn.append(paper)
                break
    rows = db.session.execute(
        select(QuestionVersion.number, func.count(Response.id))
        .join(AttemptItem, AttemptItem.question_version_id == QuestionVersion.id)
        .join(Response, Response.item_id == AttemptItem.id)
        .where(QuestionVersion.question_id == question.id).group_by(QuestionVersion.number)).all()
    by_version = {number: count for number, count in rows}
    return {"fixed": fixed, "drawn": drawn, "responses": sum(by_version.values()), "by_version": by_version}


def graded_on_older_versions(question: Question) -> list[tuple[Paper, int]]:
    """Per paper, how many finished attempts' responses to ``question`` still carry the grade of an older version
    (a regrade moves them to the current one): after a rubric is changed, where a regrade is due."""
    if question.current is None:
        return []
    rows = db.session.execute(
        select(Paper, func.count(Response.id))
        .join(Attempt, Attempt.paper_id == Paper.id).join(AttemptItem, AttemptItem.attempt_id == Attempt.id)
        .join(QuestionVersion, QuestionVersion.id == AttemptItem.question_version_id)
        .join(Response, Response.item_id == AttemptItem.id)
        .where(QuestionVersion.question_id == question.id, QuestionVersion.number < question.current.number,
               Attempt.status != Attempt.STARTED)
        .group_by(Paper.id).order_by(Paper.key)).all()
    return [(paper, count) for paper, count in rows]


def trainee_view(content: dict) -> dict:
    """The question as a trainee sees it during an exam (nothing secret), and the solution shown after."""
    qtype = question_type(content)
    public = qtype.public(content)
    options = public.get("options") or [{"value": v, "label": label, "text": text}
                                        for v, label, text in qtype.fixed_options()]
    return {"public": public, "options": options, "points": qtype.max_points(content), "solution": qtype.solution(content), "objective": qtype.objective}


def set_retired(question: Question, retired: bool) -> bool:
    """Retire (drawn no more, fixed papers refuse to start) or restore; returns whether anything changed."""
    if question.retired == retired:
        return False
    question.retired = retired
    db.session.flush()
    return True


def set_draft(question: Question, draft: bool) -> bool:
    """Return a live question to draft (kept from trainees) or publish a draft; returns whether anything changed
    (a retired question is neither)."""
    changed = question.make_draft() if draft else question.publish()
    if changed:
        db.session.flush()
    return changed
