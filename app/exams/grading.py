"""Grading of attempt items and practice answers: objective exact match, case parts through the rubric engine.

One Grader per process (jieba's dictionary takes about a second to load), rebuilt only when the bank's synonym
sets or rubrics change.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import func, select

from ..extensions import db
from ..grading import Grader, RubricError
from ..models import Question, QuestionVersion, SynonymSet, content_hash

PASS_RATIO = 0.6  # a case part below 60 % of its points counts as a mistake
REVIEW_FLAGS = ("review", "list")

_lock = threading.Lock()
_cached: tuple[str, Grader] | None = None


def current_grader() -> Grader:
    """The process's Grader for the database's synonym sets and case rubrics, rebuilt when either changes.

    It learns the terms of every stored version up front, so that every worker process segments answers with
    the same dictionary whatever it graded before (see ``Grader``).
    """
    global _cached
    synonyms = SynonymSet.as_dict()
    latest = db.session.scalar(select(func.max(QuestionVersion.id))) or 0
    key = f"{content_hash(synonyms)}:{latest}"
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        if _cached is None or _cached[0] != key:
            versions = db.session.scalars(select(QuestionVersion.content).join(Question).where(
                Question.type == "case")).all()
            parts = [part for content in versions for part in content.get("parts", [])]
            _cached = (key, Grader(synonyms, parts=parts))
        return _cached[1]


def question_points(content: dict) -> float:
    """A question's own maximum: objective ``points`` (default 1), case: sum of its parts' points."""
    if content["type"] == "case":
        return float(sum(part.get("points", 10) for part in content.get("parts", [])))
    return float(content.get("points", 1))


def correct_answer(content: dict):
    answer = content.get("answer")
    if content["type"] == "multiple":
        return sorted(answer or [])
    return answer


def is_correct(content: dict, answer) -> bool:
    """Objective exact match; multiple choice is all-or-nothing."""
    qtype = content["type"]
    expected = content.get("answer")
    if answer is None:
        return False
    if qtype == "single":
        return isinstance(answer, str) and answer == expected
    if qtype == "multiple":
        return isinstance(answer, list) and set(answer) == set(expected or []) and len(answer) == len(set(answer))
    if qtype == "judge":
        return isinstance(answer, bool) and answer is expected
    return False


@dataclass
class Outcome:
    """What one question's answer earned, in the question's own points (``max`` = question_points)."""

    score: float
    max: float
    correct: bool | None = None  # objective questions
    parts: dict = field(default_factory=dict)  # case: part id -> stored part result
    needs_review: bool = False
    answered: bool = True

    def scaled(self, points: float) -> float:
        """The score on an item worth ``points`` (a section's points_each may re-weight a question)."""
        if not self.max:
            return 0.0
        return round(self.score * points / self.max, 2)

    def part_passed(self, part_id: str) -> bool:
        part = self.parts[part_id]
        return bool(part["max"]) and part["score"] >= PASS_RATIO * part["max"]

    def part_missed(self, part_id: str) -> list[str]:
        return [p["id"] for p in self.parts[part_id]["points"] if p["earned"] < p["max"]]


def grade_case_part(part: dict, text: str, grader: Grader | None = None) -> dict:
    """One case part: the engine's result with the rubric texts, points and the trainee's text."""
    grader = grader or current_grader()
    text = text if isinstance(text, str) else ""
    try:
        result = grader.grade(part, text)
    except RubricError as exc:  # a broken rubric must not lose the answer: an instructor grades it
        return {"score": 0.0, "max": float(part.get("points", 10)), "points": [], "flags": ["review", "error"],
                "error": str(exc), "answer": text}
    out = result.to_dict()
    texts = {p.id: p.text for p in result.points}
    for point in out["points"]:
        point["text"] = texts.get(point["id"], "")
    out["answer"] = text
    return out


def grade_answer(content: dict, answer, grader: Grader | None = None) -> Outcome:
    """Grade a whole answer to a question (objective value or case dict)."""
    qtype = content["type"]
    maximum = question_points(content)
    if qtype != "case":
        correct = is_correct(content, answer)
        return Outcome(maximum if correct else 0.0, maximum, correct=correct, answered=answer is not None)
    answers = answer if isinstance(answer, dict) else {}
    grader = grader or current_grader()
    parts = {}
    for part in content.get("parts", []):
        parts[part["id"]] = grade_case_part(part, answers.get(part["id"]) or "", grader)
    score = round(sum(p["score"] for p in parts.values()), 2)
    review = any(flag in REVIEW_FLAGS for p in parts.values() for flag in p["flags"])
    answered = any(isinstance(t, str) and t.strip() for t in answers.values())
    return Outcome(score, maximum, parts=parts, needs_review=review, answered=answered)


def grade_response(item, response, grader: Grader | None = None) -> Outcome:
    """Grade an attempt item's response in place (score, result, needs_review)."""
    content = item.version.content
    outcome = grade_answer(content, response.answer, grader)
    response.score = outcome.scaled(item.points)
    if content["type"] == "case":
        response.result = {"parts": outcome.parts}
    else:
        response.result = {"correct": outcome.correct}
    response.needs_review = outcome.needs_review
    return outcome
