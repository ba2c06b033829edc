"""What the grader returns."""
from __future__ import annotations

from dataclasses import dataclass, field

from .messages import message_data


@dataclass
class PointResult:
    id: str
    text: str
    earned: float
    max: float
    evidence: list[tuple[int, int]] = field(default_factory=list)  # offsets into the ORIGINAL answer
    fuzzy: bool = False  # earned through a typing-slip match
    negated: bool = False  # positive point: a negated mention was seen; negative point: earned by one
    gist: bool = False  # earned in part, through a vague wording of the point (its rubric `gist`)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "earned": self.earned,
            "max": self.max,
            "evidence": [[s, e] for s, e in self.evidence],
            "fuzzy": self.fuzzy,
            "negated": self.negated,
            "gist": self.gist,
        }


@dataclass
class Result:
    score: float
    max: float
    points: list[PointResult]
    order: dict | None = None  # {"earned": float, "max": float} when the part has `order`
    flags: list[str] = field(default_factory=list)  # subset of "empty", "review", "list", "defence"
    # Why a flag was raised or the score changed, one plain sentence each (for the instructors' queue).
    reasons: list[str] = field(default_factory=list)
    similarity: float | None = None  # second opinion: closeness to the part's reference and good samples

    def to_dict(self) -> dict:
        out = {
            "score": self.score,
            "max": self.max,
            "points": [p.to_dict() for p in self.points],
            "flags": list(self.flags),
            "reasons": [str(r) for r in self.reasons],
            # the same, as template and parameters: the review pages translate them (grading.messages)
            "reason_messages": [message_data(r) for r in self.reasons],
        }
        if self.similarity is not None:
            out["similarity"] = round(self.similarity, 3)
        if self.order is not None:
            out["order"] = dict(self.order)
        return out
