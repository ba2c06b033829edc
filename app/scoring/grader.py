"""The process's Grader, and forks of it for drafts.

One Grader per process (jieba's dictionary takes about a second to load), rebuilt only when the database's
synonym sets or stored rubrics change. It learns the terms of every stored version up front, so that every worker
process segments answers with the same dictionary whatever it graded before (see ``app.grading.Grader``).
"""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from ..extensions import db
from ..grading import Grader
from ..models import Question, QuestionVersion, SynonymSet, content_hash
from ..qtypes import QUESTION_TYPES

FREE_TEXT_TYPES = [name for name, qtype in QUESTION_TYPES.items() if not qtype.objective]  # graded by rubric
_lock = threading.Lock()
_cached: tuple[str, Grader] | None = None


def _fingerprint() -> str:
    synonyms = SynonymSet.as_dict()
    latest = db.session.scalar(select(func.max(QuestionVersion.id))) or 0
    count = db.session.scalar(select(func.count(QuestionVersion.id))) or 0
    return f"{content_hash(synonyms)}:{latest}:{count}"


def current_grader() -> Grader:
    """The live Grader for the database's synonym sets and case rubrics."""
    global _cached
    key = _fingerprint()
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        if _cached is None or _cached[0] != key:
            versions = db.session.scalars(select(QuestionVersion.content).join(Question).where(
                Question.type.in_(FREE_TEXT_TYPES))).all()
            parts = [part for content in versions for part in content.get("parts", [])]
            _cached = (key, Grader(SynonymSet.as_dict(), parts=parts))
        return _cached[1]


def draft_grader() -> Grader:
    """A fork of the live Grader for trying a rubric that is not saved: its terms never reach the live one."""
    return current_grader().fork()
