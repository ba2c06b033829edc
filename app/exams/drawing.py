"""Fixing a paper's questions when an attempt starts: fixed lists and random draws (by type, area, difficulty,
tags), preferring questions that do not ask the same thing as one already in the attempt."""
from __future__ import annotations

import random

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..bank.loader import summary
from ..bank.overlaps import overlap
from ..bank.schema import draw_accepts
from ..extensions import db
from ..models import Paper, Question, QuestionVersion
from .errors import ExamError


def fixed_questions(section: dict, index: int) -> list[QuestionVersion]:
    keys = section.get("questions") or []
    versions = []
    for key in keys:
        question = Question.by_key(key)
        if question is None or question.retired or question.current is None:
            raise ExamError(_("This paper is not available: question %(key)s of section %(section)d is no longer in "
                              "the bank.", key=key, section=index + 1))
        versions.append(question.current)
    return versions


def drawn_questions(section: dict, index: int, rng: random.Random, used: dict[int, tuple[str, dict]],
                    seen: frozenset = frozenset()) -> list[QuestionVersion]:
    """The section's draw (one spec, or a list of specs drawn in turn: n items of each area or difficulty)."""
    specs = section.get("draw") or {}
    versions = []
    for spec in specs if isinstance(specs, list) else [specs]:
        for version in _draw(spec, index, rng, used, seen):
            used[version.question_id] = (version.question.key, summary(version.content))
            versions.append(version)
    return versions


def _draw(spec: dict, index: int, rng: random.Random, used: dict[int, tuple[str, dict]],
          seen: frozenset) -> list[QuestionVersion]:
    """``count`` random questions that fit ``spec`` and are not in ``used`` (question id -> (key, summary)),
    preferring, in this order, ones the trainee has not had in an earlier attempt of the paper (``seen``: a retry
    gets other cases) and ones that do not ask the same thing as a question already drawn or fixed."""
    count = int(spec.get("count", 0))
    candidates = db.session.scalars(select(Question).options(selectinload(Question.versions)).where(
        Question.retired.is_(False), Question.type == spec.get("type")).order_by(Question.id)).all()
    fitting = [(q, summary(q.current.content)) for q in candidates if q.id not in used and q.current is not None]
    fitting = [(q, found) for q, found in fitting if draw_accepts(spec, found)]
    if len(fitting) < count:
        raise ExamError(_("This paper is not available: section %(section)d needs %(count)d questions and the "
                          "bank has %(found)d that fit.", section=index + 1, count=count, found=len(fitting)))
    rng.shuffle(fitting)
    fitting.sort(key=lambda pair: pair[0].id in seen)  # stable: unseen first, each group still shuffled
    chosen, repeats = [], []
    taken = list(used.values())
    for question, found in fitting:
        if len(chosen) == count:
            break
        if any(overlap(key, other, question.key, found) for key, other in taken):
            repeats.append(question)  # only if nothing else fits
            continue
        chosen.append(question)
        taken.append((question.key, found))
    chosen += repeats[:count - len(chosen)]
    return [q.current for q in chosen]


def paper_questions(paper: Paper, rng: random.Random, seen: frozenset = frozenset()) -> list[tuple[int, QuestionVersion]]:
    """(section index, version) for every question of a new attempt, in paper order. ``seen``: ids of the
    questions the trainee had in earlier attempts of this paper (draws prefer others)."""
    used: dict[int, tuple[str, dict]] = {}
    out = []
    for index, section in enumerate(paper.sections):
        versions = drawn_questions(section, index, rng, used, seen) if "draw" in section \
            else fixed_questions(section, index)
        for version in versions:
            used[version.question_id] = (version.question.key, summary(version.content))
            out.append((index, version))
    return out
