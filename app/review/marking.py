"""One response as an instructor marks it: what the page shows, and the form's changes applied through
``app.scoring.override`` (one call per changed key point or part total)."""
from __future__ import annotations

import math
from typing import NamedTuple

from flask_babel import gettext as _

from ..grading.messages import Message, message_from_data
from ..models import DomainError, Response, utcnow
from ..qtypes import question_type
from ..qtypes.case import part_points
from ..qtypes.results import point_rows
from ..scoring import OverrideError, comment as comment_change, override

MAX_COMMENT = 2000


class ReviewError(DomainError):
    """The form cannot be applied; ``messages`` says why (nothing was changed)."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def response_view(response: Response) -> dict:
    """Everything the marking page shows of ``response``: per part the answer, evidence, key points and grade."""
    item = response.item
    content = item.version.content
    qtype = question_type(content)
    result = response.result or {}
    view = {"id": response.id, "objective": qtype.objective, "score": response.score or 0.0, "points": item.points,
            "question": item.version.question.key, "stem": content.get("stem", ""), "type": content["type"],
            "needs_review": response.needs_review, "reviewed_at": response.reviewed_at,
            "reviewer": None, "changes": response.changes, "parts": []}
    if qtype.objective:
        view["answer"] = response.answer
        view["correct_answer"] = qtype.solution(content)["correct_answer"]
        view["options"] = content.get("options") or {}
        view["comment"] = result.get("comment") or ""
        return view
    answers = response.answer if isinstance(response.answer, dict) else {}
    stored = result.get("parts") or {}
    for part in content.get("parts", []):
        graded = stored.get(part["id"]) or {}
        marked = {p["id"]: p for p in graded.get("points", [])}
        rows = point_rows(part, graded)
        for row in rows:
            row["override"] = bool(marked.get(row["id"], {}).get("override"))
            row["max"] = float(row["points"] or 0)
        view["parts"].append({
            "id": part["id"], "prompt": part.get("prompt", ""), "reference": part.get("reference", ""),
            "answer": graded.get("answer", answers.get(part["id"], "")) or "",
            "score": graded.get("score", 0.0), "max": graded.get("max", part_points(part)),
            "flags": graded.get("flags", []), "error": graded.get("error"), "rubric": rows,
            "reasons": [m for m in map(message_from_data, graded.get("reason_messages") or []) if isinstance(m, Message)],
            "order": graded.get("order"), "comment": graded.get("comment") or "",
            "override": bool(graded.get("override")),
            # a part the engine could not grade has no key point results: only its total can be set
            "by_points": bool(graded.get("points"))})
    return view


def _number(raw: str, what: str, errors: list[str]) -> float | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        errors.append(_("%(what)s: enter a number.", what=what))
        return None
    if not math.isfinite(value):
        errors.append(_("%(what)s: enter a number.", what=what))
        return None
    return value


class SetPoints(NamedTuple):
    """Give (part, point) these points by hand; ``point`` None: the part's total, both None: an objective answer."""

    part: str | None
    point: str | None
    points: float
    comment: str


class SetComment(NamedTuple):
    """Set (or, empty, clear) the comment on a part (None: an objective answer) without changing points."""

    part: str | None
    comment: str


Plan = SetPoints | SetComment


def planned_changes(response: Response, form) -> list[Plan]:
    """The overrides and comment changes the form asks for; ReviewError when any field is wrong. A comment
    that changed with no change of points (or was emptied) is a comment change of its own."""
    view = response_view(response)
    errors: list[str] = []
    plans: list[Plan] = []
    if view["objective"]:
        comment = form.get("c-", "").strip()
        total = _number(form.get("t-", ""), _("Score"), errors)
        _check_comment(comment, errors)
        _raise(errors)
        if total is not None and round(total, 2) != round(view["score"], 2):
            plans.append(SetPoints(None, None, total, comment))
        if "c-" in form and comment != view["comment"] and not (plans and comment):
            plans.append(SetComment(None, comment))
        return plans
    for part in view["parts"]:
        field = f"c-{part['id']}"
        comment = form.get(field, "").strip()
        _check_comment(comment, errors)
        mine: list[Plan] = []
        for row in part["rubric"] if part["by_points"] else ():
            value = _number(form.get(f"p-{part['id']}-{row['id']}", ""), row["text"] or row["id"], errors)
            if value is None:
                continue
            if not 0 <= value <= row["max"]:
                errors.append(_("%(what)s: between 0 and %(max)s points.", what=row["text"] or row["id"],
                                max="%g" % row["max"]))
            elif round(value, 2) != round(float(row["earned"]), 2):
                mine.append(SetPoints(part["id"], row["id"], value, comment))
        total = _number(form.get(f"t-{part['id']}", ""), _("Part total"), errors)
        if total is not None and not 0 <= total <= part["max"]:
            errors.append(_("%(what)s: between 0 and %(max)s points.", what=_("Part total"), max="%g" % part["max"]))
        elif total is not None and round(total, 2) != round(part["score"], 2):
            mine.append(SetPoints(part["id"], None, total, comment))
        # a form without the field leaves the comment alone; an emptied field clears it
        if field in form and comment != part["comment"] and not (mine and comment):
            mine.append(SetComment(part["id"], comment))
        plans.extend(mine)
    _raise(errors)
    return plans


def _check_comment(comment: str, errors: list[str]) -> None:
    if len(comment) > MAX_COMMENT:
        errors.append(_("A comment may have at most %(limit)d characters.", limit=MAX_COMMENT))
    elif "\x00" in comment:
        errors.append(_("The comment contains characters that cannot be stored."))


def _raise(errors: list[str]) -> None:
    if errors:
        raise ReviewError(errors)


def apply_review(response: Response, form, by) -> int:
    """Apply the marking form; returns how many overrides were written. With no change, the response is
    marked as reviewed (the instructor agreed with the grader). Flushes, never commits."""
    plans = planned_changes(response, form)
    try:
        for plan in plans:
            if isinstance(plan, SetPoints):
                override(response, plan.part, plan.point, plan.points, plan.comment, by=by)
            else:
                comment_change(response, plan.part, plan.comment, by=by)
    except OverrideError as exc:
        raise ReviewError([str(exc)]) from None
    if not plans:
        confirm(response, by)
    return len(plans)


def confirm(response: Response, by) -> None:
    """The instructor looked and agreed with the automatic grade: it leaves the queue (no grade changes)."""
    response.needs_review = False
    response.reviewed_at, response.reviewed_by_id = utcnow(), getattr(by, "id", None)


def set_part(response: Response, part_id: str, total: float | None, comment: str, by) -> bool:
    """One part's total (None: keep the points) and comment, as offline marking gives them. Returns whether
    anything was written."""
    part = next((p for p in response_view(response)["parts"] if p["id"] == part_id), None)
    if part is None:
        raise ReviewError([_("There is no part %(part)s.", part=part_id)])
    comment = (comment or "").strip()
    errors: list[str] = []
    _check_comment(comment, errors)
    _raise(errors)
    try:
        if total is not None and round(total, 2) != round(part["score"], 2):
            override(response, part_id, None, total, comment, by=by)
        elif comment and comment != part["comment"]:
            comment_change(response, part_id, comment, by=by)
        else:
            return False
    except OverrideError as exc:
        raise ReviewError([str(exc)]) from None
    return True
