"""The interface every question type implements, and the outcome of grading one answer."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..grading.rubric import DEFAULT_PART_POINTS  # noqa: F401  (re-exported: the one place it is written)

PASS_RATIO = 0.6  # a case part (or a practised case) below 60 % of its points counts as a mistake
DEFAULT_OBJECTIVE_POINTS = 1.0
REVIEW_FLAGS = ("review", "list")  # grader flags that send a case answer to an instructor


class AnswerError(ValueError):
    """An answer of the wrong shape. ``message`` is an English message id (translated at the edge) with
    ``params`` for its placeholders."""

    def __init__(self, message: str, **params) -> None:
        super().__init__(message % params if params else message)
        self.message, self.params = message, params


@dataclass
class Outcome:
    """What one answer earned, in the question's own points (``max`` = the type's ``max_points``)."""

    score: float
    max: float
    correct: bool | None = None  # objective questions
    parts: dict = field(default_factory=dict)  # case: part id -> PartResult dict (app/scoring/results.py)
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

    @property
    def passed(self) -> bool:
        if self.correct is not None:
            return self.correct
        return bool(self.max) and self.score >= PASS_RATIO * self.max


class QuestionType:
    """One kind of question. Subclasses fill in every method; the registry holds one instance of each."""

    name = ""
    fields: frozenset = frozenset()  # bank fields beyond the common ones
    objective = True  # graded by exact match, shows options
    # The pages' templates for this type: app/templates/exams/types/<page>_{exam,practice,feedback}.html
    page = "choice"
    choice_input = "radio"  # a choice page's <input type>: one answer (radio) or several (checkbox)

    # -- the bank --------------------------------------------------------------------------------------
    def check(self, checker, question: dict, what: str) -> None:
        """Type-specific bank validation: report problems through ``checker`` (app/bank/schema.Checker)."""
        raise NotImplementedError

    def max_points(self, content: dict) -> float:
        raise NotImplementedError

    # -- answers ---------------------------------------------------------------------------------------
    def parse(self, content: dict, answer):
        """The API's JSON answer in canonical form, or AnswerError. ``None`` clears an answer."""
        raise NotImplementedError

    def from_form(self, content: dict, form):
        """The answer as ``parse`` takes it, from an HTML form (``form.get`` / ``form.getlist``)."""
        raise NotImplementedError

    def has_answer(self, content: dict, answer) -> bool:
        """Whether the trainee gave a complete answer (a case: every part has text)."""
        raise NotImplementedError

    def grade(self, content: dict, answer, grader=None) -> Outcome:
        raise NotImplementedError

    # -- what people see -------------------------------------------------------------------------------
    def public(self, content: dict, option_order=None) -> dict:
        """What a trainee may see before submitting: never the answer, explanation, rubric or reference."""
        return {"type": self.name, "topic": content["topic"], "stem": content.get("stem", "")}

    def fixed_options(self) -> list[tuple[str, str, str]]:
        """(value, label, English text to translate) of options every question of this type offers (true/false),
        for the pages; the API sends the bare value."""
        return []

    def solution(self, content: dict) -> dict:
        """What a trainee sees after submitting (or an instructor at any time)."""
        raise NotImplementedError

    def summarise(self, content: dict, answers: list) -> dict:
        """Item analysis of many responses' answers to this question: how often each option or key point."""
        raise NotImplementedError
