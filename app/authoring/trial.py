"""Trying a draft rubric: an answer graded as the author types, and every sample of the part regraded.

A draft is graded by ``app.scoring.draft_grader()`` (a fork of the live Grader): its terms never reach the
Grader that grades trainees. Nothing here writes to the database."""
from __future__ import annotations

from ..grading.errors import RubricError
from ..grading.messages import Message, message_from_data, message_of
from ..grading.samples import DEFAULT_TOLERANCE
from ..qtypes.case import MAX_CASE_TEXT, grade_part, storable
from ..qtypes.results import point_rows
from ..scoring import draft_grader

MAX_SAMPLES = 100  # samples regraded per keystroke pause: a part has a handful; more is a pasted file

REASONS = {
    "list": "the answer looks like a bare list of key terms",
    "error": "the rubric cannot be graded",
}


def find_part(content: dict, part_id: str) -> dict | None:
    for part in (content or {}).get("parts") or []:
        if isinstance(part, dict) and part.get("id") == part_id:
            return part
    return None


def second_opinion(graded: dict) -> list:
    """What the grader notes about the answer: the grader's own reasons (Messages: why it asks for review, a list
    credit, an echo, a defence; the view translates them, the same sentences as on the marking page), and the
    message id ``list`` of REASONS for a list flag that reduced nothing."""
    flags = graded.get("flags", [])
    if "error" in flags:
        return ["error"]
    notes = [m for m in map(message_from_data, graded.get("reason_messages") or []) if isinstance(m, Message)]
    if "list" in flags and not any(m.template.startswith("keyword list") for m in notes):
        return ["list"] + notes
    return notes


def grade_draft(part: dict, text: str, grader=None, stem: str | None = None) -> dict:
    """One answer to a draft part: score, flags, reasons and each rubric point with its evidence. ``stem``: the
    case's story, as trainees' answers are graded (text copied from it earns nothing)."""
    grader = grader or draft_grader()
    try:
        graded = grade_part(part, text, grader, stem)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a half-written rubric
        error = message_of(exc) if isinstance(exc, RubricError) else str(exc)  # a Message: the view translates it
        graded = {"score": 0.0, "max": 0.0, "points": [], "flags": ["error"], "error": error, "answer": text}
    rows = point_rows(part, graded) if isinstance(part.get("rubric"), list) and all(
        isinstance(p, dict) and "id" in p for p in part["rubric"]) else []
    return {"score": graded.get("score", 0.0), "max": graded.get("max", 0.0), "flags": graded.get("flags", []),
            "error": graded.get("error"), "reasons": second_opinion(graded), "points": rows,
            "order": graded.get("order")}


def sample_drift(part: dict, grader=None, stem: str | None = None) -> list[dict]:
    """Every sample of the part graded by the draft: its expected score, the score now, and whether it drifted
    beyond its tolerance."""
    grader = grader or draft_grader()
    out = []
    samples = part.get("samples") if isinstance(part.get("samples"), list) else []
    for index, sample in enumerate(samples[:MAX_SAMPLES], start=1):
        if not isinstance(sample, dict) or not isinstance(sample.get("answer"), str):
            continue
        graded = grade_draft(part, sample["answer"], grader, stem)
        expected = sample.get("expect")
        tolerance = sample.get("tolerance", DEFAULT_TOLERANCE)
        ok = isinstance(expected, (int, float)) and isinstance(tolerance, (int, float)) and \
            abs(graded["score"] - expected) <= tolerance + 1e-9
        out.append({"index": index, "answer": sample["answer"], "expect": expected, "tolerance": tolerance,
                    "score": graded["score"], "ok": ok, "note": sample.get("note", ""),
                    "earned": [p["id"] for p in graded["points"] if p["earned"]]})
    return out


def part_problems(content: dict, part_id: str) -> list:
    """What the bank's check says of part ``part_id`` of the draft (Messages), as saving would say it: a rubric
    that grades may still be refused (a term written with a comma, points that do not add up), and the author
    trying it should know before saving. Only the checker's pure checks: no database, no rubric compilation."""
    from ..bank.schema import Checker
    from .editor import _part_named

    checker = Checker("question.yaml")
    checker.question(content)
    return [p.message for p in checker.problems if _part_named(p.message) == part_id]


def try_answer(content: dict, part_id: str, text: str) -> dict:
    """The live panel's reply for ``text`` typed against part ``part_id`` of the draft ``content``."""
    part = find_part(content, part_id)
    if part is None:
        return {"error": "no_part"}
    text = text if isinstance(text, str) else ""
    if len(text) > MAX_CASE_TEXT or not storable(text):
        return {"error": "bad_text"}
    grader = draft_grader()
    stem = content.get("stem") if isinstance(content.get("stem"), str) else None
    return {"part": part_id, "answer": text, "result": grade_draft(part, text, grader, stem),
            "samples": sample_drift(part, grader, stem)}
