"""Fixing a paper's questions when an attempt starts: fixed lists and random draws (by type, area, difficulty,
tags), preferring questions that do not ask the same thing as one already in the attempt."""
from __future__ import annotations

import random

from flask_babel import gettext as _

from ..bank.loader import summary
from ..bank.overlaps import overlap
from ..bank.schema import draw_accepts, draw_specs
from ..models import Paper, Question, QuestionVersion
from . import draw_pool
from .errors import ExamError


def fixed_questions(section: dict, index: int) -> list[QuestionVersion]:
    keys = section.get("questions") or []
    versions = []
    for key in keys:
        question = Question.by_key(key)
        if question is None or not question.live or question.current is None:
            raise ExamError(_("This paper is not available: question %(key)s of section %(section)d is no longer in "
                              "the bank.", key=key, section=index + 1))
        versions.append(question.current)
    return versions


def drawn_questions(section: dict, index: int, rng: random.Random, used: dict[int, tuple[str, dict]],
                    seen: frozenset = frozenset(), pool: dict | None = None) -> list[int]:
    """The version ids of the section's draw (one spec, or a list of specs drawn in turn: n items of each area
    or difficulty)."""
    pool = draw_pool.current() if pool is None else pool
    chosen = []
    for spec in draw_specs(section):
        for candidate in _draw(pool.get(spec.get("type"), []), spec, index, rng, used, seen):
            used[candidate.question_id] = (candidate.key, candidate.found)
            chosen.append(candidate.version_id)
    return chosen


def _draw(pool: list[draw_pool.Candidate], spec: dict, index: int, rng: random.Random,
          used: dict[int, tuple[str, dict]], seen: frozenset) -> list[draw_pool.Candidate]:
    """``count`` random questions that fit ``spec`` and are not in ``used`` (question id -> (key, summary)),
    preferring, in this order, ones the trainee has not had in an earlier attempt of the paper (``seen``: a retry
    gets other cases) and ones that do not ask the same thing as a question already drawn or fixed."""
    count = int(spec.get("count", 0))
    fitting = [c for c in pool if c.question_id not in used and draw_accepts(spec, c.found)]
    if len(fitting) < count:
        raise ExamError(_("This paper is not available: section %(section)d needs %(count)d questions and the "
                          "bank has %(found)d that fit.", section=index + 1, count=count, found=len(fitting)))
    rng.shuffle(fitting)
    fitting.sort(key=lambda c: c.question_id in seen)  # stable: unseen first, each group still shuffled
    chosen, repeats = [], []
    taken = list(used.values())
    for candidate in fitting:
        if len(chosen) == count:
            break
        if any(overlap(key, other, candidate.key, candidate.found) for key, other in taken):
            repeats.append(candidate)  # only if nothing else fits
            continue
        chosen.append(candidate)
        taken.append((candidate.key, candidate.found))
    chosen += repeats[:count - len(chosen)]
    return chosen


def paper_questions(paper: Paper, rng: random.Random, seen: frozenset = frozenset()) -> list[tuple[int, QuestionVersion]]:
    """(section index, version) for every question of a new attempt, in paper order. ``seen``: ids of the
    questions the trainee had in earlier attempts of this paper (draws prefer others)."""
    used: dict[int, tuple[str, dict]] = {}
    planned: list[tuple[int, int | QuestionVersion]] = []
    pool = draw_pool.current() if any("draw" in section for section in paper.sections) else {}
    for index, section in enumerate(paper.sections):
        if "draw" in section:
            planned.extend((index, version_id)
                           for version_id in drawn_questions(section, index, rng, used, seen, pool))
            continue
        for version in fixed_questions(section, index):
            used[version.question_id] = (version.question.key, summary(version.content))
            planned.append((index, version))
    loaded = draw_pool.versions([v for _, v in planned if isinstance(v, int)])
    return [(index, loaded[v] if isinstance(v, int) else v) for index, v in planned]
