"""Case analysis: free-text answers to each part, graded by the rubric engine (app/grading)."""
from __future__ import annotations

import re
from collections import Counter

from ..grading import RubricError
from ..grading.messages import message_of
from .base import DEFAULT_PART_POINTS, REVIEW_FLAGS, AnswerError, Outcome, QuestionType
from .results import PartResult

MAX_CASE_TEXT = 5000  # characters per part: the text box, the API and the grader's budget agree on it


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> bool:
    """No NUL (no database keeps it in text) and no lone surrogate (not encodable as UTF-8)."""
    return _UNSTORABLE.search(text) is None


def part_points(part: dict) -> float:
    return float(part.get("points", DEFAULT_PART_POINTS))


def grade_part(part: dict, text: str, grader, stem: str | None = None) -> PartResult:
    """One part: the engine's result with the rubric texts and the graded text.  ``stem``: the case's story,
    so that an answer retelling it earns nothing for the copied text."""
    text = text if isinstance(text, str) else ""
    try:
        result = grader.grade(part, text, stem=stem if isinstance(stem, str) else None)
    except RubricError as exc:  # a broken rubric must not lose the answer: an instructor grades it
        return {"score": 0.0, "max": part_points(part), "points": [], "flags": ["review", "error"],
                "error": message_of(exc), "answer": text}  # English text that keeps its template
    out = result.to_dict()
    texts = {p.id: p.text for p in result.points}
    for point in out["points"]:
        point["text"] = texts.get(point["id"], "")
    out["answer"] = text
    return out


class CaseAnalysis(QuestionType):
    name = "case"
    fields = frozenset({"parts"})
    objective = False
    page = "case"

    def check(self, checker, question: dict, what: str) -> None:
        checker.case_parts(question, what)

    def max_points(self, content: dict) -> float:
        return float(sum(part_points(part) for part in content.get("parts", [])))

    def parse(self, content: dict, answer):
        if answer is None:
            return None
        parts = {p["id"] for p in content.get("parts", [])}
        if not isinstance(answer, dict):
            raise AnswerError("Case: give an object {part id: text}.")
        for part_id, text in answer.items():
            if part_id not in parts:
                raise AnswerError("There is no part %(part)s.", part=str(part_id)[:20])
            if not isinstance(text, str):
                raise AnswerError("Case: each answer must be text.")
            if not storable(text):
                raise AnswerError("The answer contains characters that cannot be stored (NUL or a broken "
                                  "surrogate).")
            if len(text) > MAX_CASE_TEXT:
                raise AnswerError("An answer may have at most %(limit)d characters.", limit=MAX_CASE_TEXT)
        return dict(answer)

    def from_form(self, content: dict, form):
        return {part["id"]: form.get(f"part-{part['id']}", "") for part in content.get("parts", [])}

    def has_answer(self, content: dict, answer) -> bool:
        """Answered only when every part has text (a half-written case is not answered)."""
        answers = answer if isinstance(answer, dict) else {}
        return all(isinstance(answers.get(p["id"]), str) and answers[p["id"]].strip()
                   for p in content.get("parts", []))

    def answered_parts(self, content: dict, answer) -> int:
        answers = answer if isinstance(answer, dict) else {}
        return sum(1 for p in content.get("parts", []) if isinstance(answers.get(p["id"]), str)
                   and answers[p["id"]].strip())

    def grade(self, content: dict, answer, grader=None) -> Outcome:
        answers = answer if isinstance(answer, dict) else {}
        stem = content.get("stem")
        parts = {part["id"]: grade_part(part, answers.get(part["id"]) or "", grader, stem)
                 for part in content.get("parts", [])}
        score = round(sum(p["score"] for p in parts.values()), 2)
        review = any(flag in REVIEW_FLAGS for p in parts.values() for flag in p["flags"])
        answered = any(isinstance(t, str) and t.strip() for t in answers.values())
        return Outcome(score, self.max_points(content), parts=parts, needs_review=review, answered=answered)

    def public(self, content: dict, option_order=None) -> dict:
        return dict(super().public(content), options=[], parts=[
            {"id": p["id"], "prompt": p.get("prompt", ""), "points": part_points(p)} for p in content.get("parts", [])])

    def solution(self, content: dict) -> dict:
        return {"references": {p["id"]: p.get("reference", "") for p in content.get("parts", [])}}

    def summarise(self, content: dict, answers: list) -> dict:
        """``answers`` here are stored results (``{"parts": {...}}``): how many earned each key point."""
        earned: Counter = Counter()
        graded = 0
        for result in answers:
            parts = (result or {}).get("parts") or {}
            if parts:
                graded += 1
            for part_id, part in parts.items():
                for point in part.get("points", []):
                    if point.get("earned"):
                        earned[(part_id, point["id"])] += 1
        return {"responses": len(answers), "graded": graded,
                "points": {f"{part}/{point}": count for (part, point), count in sorted(earned.items())}}
