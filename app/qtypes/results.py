"""The declared shape of a graded response, as stored in ``Response.result`` and read by every payload."""
from __future__ import annotations

from typing import TypedDict


class PointResult(TypedDict):
    id: str
    text: str
    earned: float
    max: float
    evidence: list[list[int]]  # [start, end) offsets into the trainee's original text
    fuzzy: bool
    negated: bool
    gist: bool  # earned in part through a vague wording of the point (its rubric `gist`)


class OrderResult(TypedDict):
    earned: float
    max: float


class PartResult(TypedDict, total=False):
    score: float
    max: float
    points: list[PointResult]
    flags: list[str]  # "empty", "review", "list", "error"
    order: OrderResult  # present when the part grades the order of its steps
    answer: str  # the text that was graded
    error: str  # a rubric the engine refused (the answer waits for an instructor)


class ResponseResult(TypedDict, total=False):
    correct: bool  # objective questions
    parts: dict[str, PartResult]  # case questions: part id -> its grade


def point_rows(part: dict, graded: PartResult | dict) -> list[dict]:
    """Every rubric point of ``part`` (the question version's) with what ``graded`` gave it."""
    earned = {p["id"]: p for p in graded.get("points", [])}
    return [{"id": point["id"], "text": point.get("text", ""), "points": point.get("points"),
             "earned": earned.get(point["id"], {}).get("earned", 0.0),
             "evidence": earned.get(point["id"], {}).get("evidence", []),
             "fuzzy": earned.get(point["id"], {}).get("fuzzy", False),
             "negated": earned.get(point["id"], {}).get("negated", False),
             "gist": earned.get(point["id"], {}).get("gist", False)} for point in part.get("rubric", [])]
