"""Practice mode: one question at a time with immediate feedback; answers are logged and feed the 错题本."""
from __future__ import annotations

import os
import random

from sqlalchemy import func, select

from flask_babel import gettext as _

from ..extensions import db
from ..models import PracticeAnswer, Question, QuestionVersion, utcnow
from ..qtypes import PASS_RATIO, question_type
from ..qtypes.base import REVIEW_FLAGS
from ..qtypes.results import point_rows
from ..scoring import grade_answer
from . import mistakes
from .errors import ExamConflict, ExamError, ExamNotFound, is_key
from .lifecycle import validate_answer


def _parse_difficulty(difficulty) -> tuple[int, int] | None:
    """``3``, ``"3"``, ``"2-4"`` or ``[2, 4]`` -> (min, max); None/"" -> None; ExamError otherwise."""
    if difficulty is None or difficulty == "":
        return None
    try:
        if isinstance(difficulty, (list, tuple)) and len(difficulty) == 2:
            low, high = int(difficulty[0]), int(difficulty[1])
        elif isinstance(difficulty, str) and "-" in difficulty:
            low_text, high_text = difficulty.split("-", 1)
            low, high = int(low_text), int(high_text)
        elif isinstance(difficulty, bool):
            raise ValueError
        else:
            low = high = int(difficulty)
    except (TypeError, ValueError):
        raise ExamError(_("Difficulty must be 1 to 5, or a range such as 2-4.")) from None
    if not (1 <= low <= high <= 5):
        raise ExamError(_("Difficulty must be 1 to 5, or a range such as 2-4."))
    return low, high


def question_payload(question: Question) -> dict:
    """A question as shown before answering: no answer, explanation, rubric, reference or samples."""
    content = question.current.content
    qtype = question_type(content)
    return {
        "question": question.key,
        "difficulty": content.get("difficulty", 3),
        "points": qtype.max_points(content),
        "options": [],
        "parts": [],
        **qtype.public(content),
    }


def practice_topics() -> list[dict]:
    """Areas with questions to practise: ``[{"topic", "count"}]``."""
    rows = db.session.execute(select(Question.topic, func.count(Question.id)).where(Question.is_live())
                              .group_by(Question.topic).order_by(Question.topic))
    return [{"topic": topic, "count": count} for topic, count in rows]


def practice_question(user, topic: str | None = None, difficulty=None, from_mistakes: bool = False,
                      now=None) -> dict | None:
    """The next question to practise, or None when nothing fits. Unpractised questions come first;
    ``from_mistakes``: questions of the 错题本 that are due (else any open entry)."""
    now = now or utcnow()
    bounds = _parse_difficulty(difficulty)
    if topic is not None and (not isinstance(topic, str) or "\x00" in topic or len(topic) > 50):
        raise ExamError(_("The area must be text of at most 50 characters."))
    query = select(Question).where(Question.is_live())
    if topic:
        query = query.where(Question.topic == topic)
    if bounds:
        query = query.where(Question.difficulty.between(*bounds))
    if from_mistakes:
        entries = mistakes.open_entries(user, due_only=True, now=now) or mistakes.open_entries(user, now=now)
        ids = {e.question_id for e in entries}
        if not ids:
            return None
        query = query.where(Question.id.in_(ids))
    busy = mistakes.open_attempt_question_ids(user)
    candidates = [q for q in db.session.scalars(query.order_by(Question.id))
                  if q.current is not None and q.id not in busy]
    if not candidates:
        return None
    rng = random.Random(os.urandom(8))
    if not from_mistakes:
        practised = set(db.session.scalars(
            select(QuestionVersion.question_id).join(PracticeAnswer,
                                                     PracticeAnswer.question_version_id == QuestionVersion.id)
            .where(PracticeAnswer.user_id == user.id)))
        fresh = [q for q in candidates if q.id not in practised]
        candidates = fresh or candidates
    question = rng.choice(candidates)
    payload = question_payload(question)
    entry_ids = [e for e in mistakes.open_entries(user, now=now) if e.question_id == question.id]
    payload["in_mistake_book"] = bool(entry_ids)
    return payload


def practice_answer(user, question_key, answer, now=None) -> dict:
    """Grade a practice answer at once, log it, update the 错题本, and return the feedback with the solution."""
    now = now or utcnow()
    question = Question.by_key(question_key) if is_key(question_key) else None
    if question is None or not question.live or question.current is None:
        raise ExamNotFound(_("no such question"))
    if in_open_attempt(user, question):
        raise ExamConflict(_("This question is in an exam you have not submitted yet: practise it afterwards."))
    version = question.current
    content = version.content
    qtype = question_type(content)
    value = validate_answer(content, answer)
    if value is None:
        raise ExamError(_("Give an answer first."))
    outcome = grade_answer(content, value)
    feedback = {"question": question.key, "type": content["type"], "topic": content["topic"],
                "score": outcome.score, "max": outcome.max, "answer": value}
    if qtype.objective:
        db.session.add(PracticeAnswer(user_id=user.id, question_version_id=version.id, part_id=None, answer=value,
                                      score=outcome.score, max=outcome.max, at=now))
        feedback.update(correct=bool(outcome.correct), **qtype.solution(content))
    else:
        if not outcome.answered:
            raise ExamError(_("Give an answer first."))
        parts = []
        for part in content.get("parts", []):
            graded = outcome.parts[part["id"]]
            if graded["answer"].strip():
                db.session.add(PracticeAnswer(user_id=user.id, question_version_id=version.id, part_id=part["id"],
                                              answer=graded["answer"], score=graded["score"], max=graded["max"],
                                              at=now))
            parts.append({"id": part["id"], "prompt": part.get("prompt", ""), "points": graded["max"],
                          "answer": graded["answer"], "score": graded["score"], "max": graded["max"],
                          "passed": outcome.part_passed(part["id"]), "flags": graded.get("flags", []),
                          "rubric": point_rows(part, graded), "missed": outcome.part_missed(part["id"]),
                          "order": graded.get("order"), "reference": part.get("reference", ""),
                          "review": "awaiting" if any(f in REVIEW_FLAGS for f in graded.get("flags", []))
                          else None})
        feedback.update(correct=outcome.max > 0 and outcome.score >= PASS_RATIO * outcome.max, parts=parts)
    mistakes.record_outcome(user, version, outcome, now)
    feedback["in_mistake_book"] = bool(
        [e for e in mistakes.open_entries(user, now=now) if e.question_id == question.id])
    db.session.flush()
    return feedback


# Practising a question of an open attempt would show its solution during the exam.
in_open_attempt = mistakes.in_open_attempt
