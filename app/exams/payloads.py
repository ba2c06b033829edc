"""What the trainee's exam page and result page (and the API) say about an attempt: JSON-ready dicts.

The exam payload holds nothing secret (``QuestionType.public``); the result payload adds the solution, the
grader's evidence per key point (``app.qtypes.results``) and any instructor's comments."""
from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from ..bank.schema import draw_specs
from ..models import Attempt, AttemptItem, Paper, Question, Response, utcnow
from ..qtypes import PASS_RATIO, question_type
from ..qtypes.base import REVIEW_FLAGS
from ..qtypes.case import MAX_CASE_TEXT, part_points
from ..qtypes.results import point_rows
from .errors import ExamError
from .mistakes import entry_payload, open_attempt_question_ids


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _letters_shown(item: AttemptItem, letters) -> list[str]:
    """The labels (A, B, ...) under which ``letters`` were shown in this attempt's option order."""
    shown = [o["value"] for o in question_type(item.version.content).public(item.version.content,
                                                                             item.option_order).get("options", [])]
    return [chr(ord("A") + shown.index(letter)) for letter in letters if letter in shown]


def _section_titles(attempt: Attempt) -> dict[int, str]:
    sections = attempt.paper.sections
    indexes = sorted({item.section for item in attempt.items})
    return {i: (sections[i].get("title") if i < len(sections) else None) or _("Section %(number)d", number=i + 1)
            for i in indexes}


def _paper(paper: Paper) -> dict:
    return {"key": paper.key, "title": paper.title, "kind": paper.kind, "time_limit": paper.time_limit,
            "track_focus": paper.track_focus, "description": paper.definition.get("description", ""),
            "pass_mark": paper.definition.get("pass_mark"), "pair": paper.definition.get("pair")}


def _public_item(item: AttemptItem) -> dict:
    """What a trainee may see of a question during the attempt: no answer, explanation, rubric or reference."""
    content = item.version.content
    public = question_type(content).public(content, item.option_order)
    return {
        "position": item.position,
        "section": item.section,
        "question": item.version.question.key,
        "points": item.points,
        "options": [],
        "parts": [],
        **public,
    }


def attempt_payload(attempt: Attempt, now=None) -> dict:
    """The trainee's view of an attempt: questions and saved answers, never the solutions."""
    now = now or utcnow()
    titles = _section_titles(attempt)
    items = []
    answered = 0
    for item in attempt.items:
        out = _public_item(item)
        response = item.response
        out["answer"] = response.answer if response else None
        out["flagged"] = bool(response and response.flagged)
        out["saved_at"] = iso(response.saved_at) if response else None
        qtype = question_type(item.version.content)
        out["answered"] = qtype.has_answer(item.version.content, out["answer"])
        if not qtype.objective:  # a case: how many of its parts have text (the navigator's "partly answered")
            out["answered_parts"] = qtype.answered_parts(item.version.content, out["answer"])
            out["parts_total"] = len(item.version.content.get("parts", []))
        if out["answered"]:
            answered += 1
        items.append(out)
    remaining = None
    if attempt.deadline is not None:
        remaining = max(int((attempt.deadline - now).total_seconds()), 0) if attempt.is_open else 0
    return {
        **_attempt_header(attempt),
        "now": iso(now),
        "remaining_seconds": remaining,
        "answered": answered,
        "total": len(items),
        "focus_losses": attempt.focus_losses,
        "sections": [{"index": i, "title": titles[i],
                      "positions": [it.position for it in attempt.items if it.section == i],
                      "points": sum(it.points for it in attempt.items if it.section == i)} for i in titles],
        "items": items,
    }


def _review_state(response: Response | None, flagged: bool) -> str | None:
    if response is not None and response.reviewed_at is not None:
        return "reviewed"
    return "awaiting" if flagged else None


def _result_item(item: AttemptItem) -> dict:
    content = item.version.content
    qtype = question_type(content)
    response = item.response
    answer = response.answer if response else None
    out = _public_item(item)
    out["answer"] = answer
    out["score"] = (response.score if response and response.score is not None else 0.0)
    out["needs_review"] = bool(response and response.needs_review)
    out["review"] = _review_state(response, out["needs_review"])
    if qtype.objective:
        right = qtype.solution(content)["correct_answer"]
        out["correct_answer"] = right
        out["correct_labels"] = _letters_shown(item, right if isinstance(right, list) else [right]) \
            if content.get("options") else []
        out["is_correct"] = qtype.is_correct(content, answer)
        out["explanation"] = content.get("explanation", "")
        out["comment"] = ((response.result or {}).get("comment") if response else None)
        return out
    stored = (response.result or {}).get("parts", {}) if response else {}
    answers = answer if isinstance(answer, dict) else {}
    parts = []
    for number, part in enumerate(content.get("parts", []), start=1):
        graded = stored.get(part["id"]) or {}
        flagged = any(flag in REVIEW_FLAGS for flag in graded.get("flags", []))
        parts.append({
            "id": part["id"],
            "number": number,
            "prompt": part.get("prompt", ""),
            "points": part_points(part),
            "answer": graded.get("answer", answers.get(part["id"], "")),
            "score": graded.get("score", 0.0),
            "max": graded.get("max", part_points(part)),
            "flags": graded.get("flags", []),
            "rubric": point_rows(part, graded),
            "order": graded.get("order"),
            "reference": part.get("reference", ""),
            "comment": graded.get("comment"),
            "review": _review_state(response, flagged),
        })
    out["parts"] = parts
    return out


# What stays of a result item whose question is in an exam the trainee has not submitted: the question as the
# exam shows it and the trainee's own answer; no score, key, explanation, reference, key points or comment.
_WITHHELD_KEEP = ("position", "section", "question", "points", "type", "topic", "stem", "options", "answer",
                  "review")


def _withhold(item: dict, public: dict) -> dict:
    """``item`` (a result item) reduced to what the exam page shows of its question (``public``: the case's parts
    without their grading)."""
    out = {key: item[key] for key in _WITHHELD_KEEP if key in item}
    out["parts"] = public.get("parts", [])
    out["withheld"] = True
    return out


def pending_payload(attempt: Attempt, result_url: str) -> dict:
    """A submitted attempt whose grading is queued: where its result will be."""
    return {**_attempt_header(attempt), "graded": False, "result_url": result_url}


def result_payload(attempt: Attempt) -> dict:
    """The graded attempt: totals, per section and area, every item with the right answer and the evidence."""
    if attempt.is_open:
        raise ExamError(_("The attempt is not finished yet."))
    if attempt.awaiting_grade:
        raise ExamError(_("The attempt is being graded; its result will be here in a moment."))
    titles = _section_titles(attempt)
    items = [_result_item(item) for item in attempt.items]
    # The solutions of questions in an exam the trainee has not yet submitted (a retake of this paper in another
    # tab) wait until it is submitted, as in practice and the 错题本; so does every figure summed over such an
    # item (the attempt's total, its section's and its area's): total minus the items shown, or a one-item
    # section, would be the withheld item's score.
    busy = open_attempt_question_ids(attempt.user)
    held = [item.version.question_id in busy for item in attempt.items]
    for it, hidden in zip(items, held):
        it["_held"] = hidden
    sections = []
    for index, title in titles.items():
        mine = [it for it in items if it["section"] == index]
        sections.append(_figure({"index": index, "title": title}, mine))
    areas: dict[str, list[dict]] = {}
    for it in items:
        areas.setdefault(it["topic"], []).append(it)
    max_score = attempt.max_score or sum(it["points"] for it in items)
    pass_score = round(PASS_RATIO * max_score, 2)
    used = attempt.finished_at - attempt.started_at if attempt.finished_at and attempt.started_at else None
    withheld = any(held)
    score = None if withheld else (attempt.score or 0.0)
    return {
        **_attempt_header(attempt),
        "graded": True,
        "withheld": withheld,
        "score": score,
        "max_score": max_score,
        "percent": None if withheld else round(100 * score / max_score, 1) if max_score else 0.0,
        "pass_percent": round(100 * PASS_RATIO),
        "pass_score": pass_score,
        "passed": None if withheld else bool(max_score) and score >= pass_score,
        "time_used_seconds": max(int(used.total_seconds()), 0) if used is not None else None,
        "needs_review": any(it["review"] == "awaiting" for it in items),
        "focus_losses": attempt.focus_losses,
        "sections": sections,
        "areas": [_figure({"topic": topic}, mine, percent=True) for topic, mine in sorted(areas.items())],
        "items": [_withhold(it, _public_item(item)) if hidden else _drop_mark(it)
                  for it, item, hidden in zip(items, attempt.items, held)],
    }


def _figure(head: dict, items: list[dict], percent: bool = False) -> dict:
    """A section's or an area's score out of its maximum; ``score`` (and ``percent``) None and ``withheld`` true
    when one of its items is withheld."""
    maximum = sum(it["points"] for it in items)
    withheld = any(it["_held"] for it in items)
    score = None if withheld else round(sum(it["score"] for it in items), 2)
    out = {**head, "score": score, "max": maximum, "withheld": withheld}
    if percent:
        out["percent"] = None if withheld else round(100 * score / maximum, 1) if maximum else 0.0
    return out


def _drop_mark(item: dict) -> dict:
    item.pop("_held", None)
    return item


def _attempt_header(attempt: Attempt) -> dict:
    """What both the exam and the result payloads say about the attempt itself."""
    return {
        "id": attempt.id,
        "status": attempt.status,
        "paper": _paper(attempt.paper),
        "started_at": iso(attempt.started_at),
        "deadline": iso(attempt.deadline),
        "finished_at": iso(attempt.finished_at),
    }


# ----------------------------------------------------------------------------------------- the paper's intro
def _section_intro(index: int, section: dict) -> dict:
    """One section as the intro page tells it: how many questions, of which type, for how many points."""
    title = section.get("title") or _("Section %(number)d", number=index + 1)
    points_each = section.get("points_each")
    if "draw" in section:
        specs = draw_specs(section)  # one spec, or several drawn in turn
        count = sum(int(spec.get("count", 0)) for spec in specs)
        types = list(dict.fromkeys(spec["type"] for spec in specs if spec.get("type")))
        points = float(points_each) * count if points_each is not None else None
    else:
        keys = section.get("questions") or []
        count = len(keys)
        contents = [q.current.content for q in (Question.by_key(k) for k in keys) if q is not None and q.current]
        types = sorted({c["type"] for c in contents})
        points = (float(points_each) * count if points_each is not None
                  else float(sum(question_type(c).max_points(c) for c in contents)) if len(contents) == count else None)
    return {"title": title, "count": count, "types": types, "points": points,
            "points_each": float(points_each) if points_each is not None else None}


def paper_intro(paper: Paper, attempts_used: int, open_attempt: Attempt | None) -> dict:
    """What a trainee reads before the timer starts: structure, marks, time, attempts left, rules."""
    sections = [_section_intro(i, s) for i, s in enumerate(paper.sections)]
    known = all(s["points"] is not None for s in sections)
    return {
        "paper": _paper(paper),
        "sections": sections,
        "questions": sum(s["count"] for s in sections),
        "max_score": sum(s["points"] for s in sections) if known else None,
        "pass_score": round(PASS_RATIO * sum(s["points"] for s in sections), 2) if known else None,
        "pass_percent": round(100 * PASS_RATIO),
        "max_attempts": paper.max_attempts,
        "attempts_used": attempts_used,
        "attempts_left": None if paper.max_attempts is None else max(paper.max_attempts - attempts_used, 0),
        "open_attempt": None if open_attempt is None else {"id": open_attempt.id, "deadline": iso(open_attempt.deadline)},
        "shuffle_options": paper.shuffle_options,
        "has_case": any("case" in s["types"] for s in sections),
        "max_text": MAX_CASE_TEXT,
    }


# ------------------------------------------------------------------------------------ the printable 错题本
def mistake_sheet(entry, now=None) -> dict:
    """One 错题本 entry for printing: the stem, options with the right one marked, the explanation; for a case
    part, its prompt, the missed key points by their words and the reference answer."""
    out = entry_payload(entry, now)
    version = entry.version or entry.question.current
    content = version.content if version else {}
    qtype = question_type(content) if content else None
    out["options"], out["correct_labels"], out["explanation"], out["parts"] = [], [], "", []
    if qtype is not None and qtype.objective:
        right = qtype.solution(content)["correct_answer"]
        rights = {str(r).lower() if isinstance(r, bool) else str(r) for r in (right if isinstance(right, list) else [right])}
        options = content.get("options") or {}
        if options:
            out["options"] = [{"label": letter, "text": str(text), "right": letter in rights}
                              for letter, text in options.items()]
            out["correct_labels"] = [letter for letter in options if letter in rights]
        else:  # true/false: the answer in words
            out["correct_labels"] = [_("True") if "true" in rights else _("False")]
        out["explanation"] = content.get("explanation", "")
    elif qtype is not None:
        wanted = [entry.part_key] if entry.part_key else [p["id"] for p in content.get("parts", [])]
        missed = set(entry.missed or [])
        for number, part in enumerate(content.get("parts", []), start=1):
            if part["id"] not in wanted:
                continue
            points = [{"text": p.get("text", ""), "points": p.get("points"), "missed": p["id"] in missed}
                      for p in part.get("rubric", [])]
            out["parts"].append({"number": number, "prompt": part.get("prompt", ""),
                                 "reference": part.get("reference", ""), "points": points,
                                 "numbered": len(content.get("parts", [])) > 1})
    return out
