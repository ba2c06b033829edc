"""The attempt lifecycle: start (questions fixed once), save answers, submit or expire, grade, and the payloads.

Operations flush and never commit: the caller (view, CLI) commits once.
"""
from __future__ import annotations

import os
import random
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from ..bank.loader import summary
from ..bank.overlaps import overlap
from ..bank.schema import draw_accepts
from ..extensions import db
from ..models import (Attempt, AttemptItem, AttemptStateError, FocusEvent, Paper, Question, QuestionVersion, Response,
                      utcnow)
from ..models.attempts import SAVE_GRACE
from . import grading, mistakes
from .errors import ExamConflict, ExamError, ExamNotFound, is_key

MAX_CASE_TEXT = 5000
OBJECTIVE = ("single", "multiple", "judge")


def _now(now: datetime | None) -> datetime:
    return now or utcnow()


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# ----------------------------------------------------------------------------------------------------- start
def find_open_attempt(user, paper, now=None) -> Attempt | None:
    """The user's started attempt of ``paper`` that is still within its time, if any."""
    now = _now(now)
    for attempt in db.session.scalars(select(Attempt).where(
            Attempt.user_id == user.id, Attempt.paper_id == paper.id, Attempt.status == Attempt.STARTED
    ).order_by(Attempt.id.desc())):
        if not attempt.is_past_deadline(now):
            return attempt
    return None


def finished_count(user, paper) -> int:
    return db.session.scalar(select(func.count(Attempt.id)).where(
        Attempt.user_id == user.id, Attempt.paper_id == paper.id, Attempt.status != Attempt.STARTED)) or 0


def _fixed(section: dict, index: int) -> list[QuestionVersion]:
    keys = section.get("questions") or []
    versions = []
    for key in keys:
        question = Question.by_key(key)
        if question is None or question.retired or question.current is None:
            raise ExamError(f"本试卷暂不可用：第 {index + 1} 部分的试题 {key} 已不存在 (question {key} is not in the bank)")
        versions.append(question.current)
    return versions


def _draw(section: dict, index: int, rng: random.Random, used: dict[int, tuple[str, dict]]) -> list[QuestionVersion]:
    """``count`` random questions that fit the draw and are not in ``used`` (question id -> (key, summary)),
    preferring ones that do not ask the same thing as a question already drawn or fixed (declared overlaps)."""
    spec = section.get("draw") or {}
    count = int(spec.get("count", 0))
    candidates = db.session.scalars(select(Question).options(selectinload(Question.versions)).where(
        Question.retired.is_(False), Question.type == spec.get("type")).order_by(Question.id)).all()
    fitting = [(q, summary(q.current.content)) for q in candidates if q.id not in used and q.current is not None]
    fitting = [(q, found) for q, found in fitting if draw_accepts(spec, found)]
    if len(fitting) < count:
        raise ExamError(f"本试卷暂不可用：第 {index + 1} 部分需要 {count} 道题，题库中只有 {len(fitting)} 道符合条件 "
                        f"(section {index + 1} needs {count} questions, the bank has {len(fitting)})")
    rng.shuffle(fitting)
    chosen, repeats = [], []
    taken = list(used.values())
    for question, found in fitting:
        if len(chosen) == count:
            break
        if any(overlap(key, other, question.key, found) for key, other in taken):
            repeats.append(question)  # only if nothing else fits
            continue
        chosen.append(question)
        taken.append((question.key, found))
    chosen += repeats[:count - len(chosen)]
    return [q.current for q in chosen]


def start_attempt(user, paper: Paper, now=None) -> tuple[Attempt, bool]:
    """Resume the user's open attempt of ``paper`` -> (attempt, False), or start a new one with its questions
    fixed now -> (attempt, True). ExamError: paper inactive, no attempts left, a draw the bank cannot fill."""
    now = _now(now)
    expire_overdue(now, user=user)
    existing = find_open_attempt(user, paper, now)
    if existing is not None:
        return existing, False
    if not paper.active:
        raise ExamConflict("本试卷已停用 (this paper is no longer available)")
    if paper.max_attempts is not None and finished_count(user, paper) >= paper.max_attempts:
        raise ExamConflict(f"本试卷最多可考 {paper.max_attempts} 次，次数已用完 "
                        f"(no attempts left: at most {paper.max_attempts})")
    rng = random.Random(os.urandom(16))
    attempt = Attempt(user_id=user.id, paper_id=paper.id, status=Attempt.STARTED, started_at=now,
                      deadline=now + timedelta(minutes=paper.time_limit) if paper.time_limit else None)
    used: dict[int, tuple[str, dict]] = {}
    position = 0
    total = 0.0
    for index, section in enumerate(paper.sections):
        versions = _draw(section, index, rng, used) if "draw" in section else _fixed(section, index)
        for version in versions:
            used[version.question_id] = (version.question.key, summary(version.content))
            content = version.content
            points = float(section["points_each"]) if section.get("points_each") is not None \
                else grading.question_points(content)
            order = None
            if paper.shuffle_options and content["type"] in ("single", "multiple"):
                order = list(content.get("options", {}).keys())
                rng.shuffle(order)
            position += 1
            total += points
            attempt.items.append(AttemptItem(position=position, section=index, question_version_id=version.id,
                                             points=points, option_order=order))
    if not attempt.items:
        raise ExamError("本试卷没有试题 (this paper has no questions)")
    attempt.max_score = total
    db.session.add(attempt)
    db.session.flush()
    return attempt, True


def get_attempt_for(user, attempt_id) -> Attempt:
    """The user's own attempt; another user's attempt, or none, is ExamNotFound (404)."""
    try:
        ident = int(attempt_id)
    except (TypeError, ValueError):
        raise ExamNotFound("no such attempt") from None
    if ident <= 0 or ident > 2**62:
        raise ExamNotFound("no such attempt")
    attempt = db.session.get(Attempt, ident, options=[
        selectinload(Attempt.items).selectinload(AttemptItem.version).selectinload(QuestionVersion.question),
        selectinload(Attempt.items).selectinload(AttemptItem.response),
    ])
    if attempt is None or attempt.user_id != user.id:
        raise ExamNotFound("no such attempt")
    return attempt


# ------------------------------------------------------------------------------------------------------ save
def _item(attempt: Attempt, question_key) -> AttemptItem:
    if not is_key(question_key):
        raise ExamNotFound("no such question in this attempt")
    item = db.session.scalar(
        select(AttemptItem).join(QuestionVersion, AttemptItem.question_version_id == QuestionVersion.id)
        .join(Question, QuestionVersion.question_id == Question.id)
        .where(AttemptItem.attempt_id == attempt.id, Question.key == question_key))
    if item is None:
        raise ExamNotFound("no such question in this attempt")
    return item


def validate_answer(content: dict, answer):
    """The answer in canonical form for the question's type, or ExamError. ``None`` clears an answer."""
    qtype = content["type"]
    if answer is None:
        return None
    if qtype == "single":
        if not isinstance(answer, str) or answer not in content.get("options", {}):
            raise ExamError("单选题的答案应为一个选项字母 (single choice: give one option letter)")
        return answer
    if qtype == "multiple":
        options = content.get("options", {})
        if not isinstance(answer, list) or not all(isinstance(a, str) and a in options for a in answer):
            raise ExamError("多选题的答案应为选项字母的列表 (multiple choice: give a list of option letters)")
        if len(set(answer)) != len(answer):
            raise ExamError("多选题的答案中有重复的选项 (multiple choice: letters must be distinct)")
        return sorted(answer)
    if qtype == "judge":
        if not isinstance(answer, bool):
            raise ExamError("判断题的答案应为 true 或 false (true/false: give true or false)")
        return answer
    if qtype == "case":
        parts = {p["id"] for p in content.get("parts", [])}
        if not isinstance(answer, dict):
            raise ExamError("案例分析题的答案应为 {小题编号: 作答文本} (case: give an object {part id: text})")
        for part_id, text in answer.items():
            if part_id not in parts:
                raise ExamError(f"没有小题 {str(part_id)[:20]} (unknown part id)")
            if not isinstance(text, str):
                raise ExamError("作答内容应为文本 (case: each answer must be text)")
            if "\x00" in text:
                raise ExamError("作答中有无效字符 (the answer contains a NUL character)")
            if len(text) > MAX_CASE_TEXT:
                raise ExamError(f"作答不能超过 {MAX_CASE_TEXT} 字 (an answer may have at most {MAX_CASE_TEXT} characters)")
        return dict(answer)
    raise ExamError("unknown question type")


def _lock(attempt: Attempt) -> None:
    """Lock the attempt until commit and reload it, so that saves and submits of one attempt take turns.

    PostgreSQL: SELECT ... FOR UPDATE. SQLite has no row locks: a no-op UPDATE takes the database's write lock
    now, before the reads below, so they see the last committed state and nobody else writes until we commit."""
    if db.session.get_bind().dialect.name == "sqlite":
        db.session.execute(update(Attempt).where(Attempt.id == attempt.id).values(status=Attempt.status)
                           .execution_options(synchronize_session=False))
    db.session.refresh(attempt, with_for_update=True)


def _check_can_save(attempt: Attempt, now: datetime) -> None:
    if attempt.status == Attempt.EXPIRED:  # finished because time ran out: say so
        raise AttemptStateError("time is up: the deadline has passed")
    attempt.check_can_save(now)


def _fresh_response(item: AttemptItem) -> Response:
    """The item's response as committed now (after the attempt's lock), created if there is none yet."""
    if item.id is not None and item.response is not None and item.response.id is not None:
        db.session.refresh(item.response)
    elif item.id is not None:
        db.session.refresh(item, ["response"])
    return _response(item)


def _response(item: AttemptItem) -> Response:
    if item.response is None:
        item.response = Response(answer=None, flagged=False)
    return item.response


def save_answer(attempt: Attempt, question_key, answer, now=None, flagged: bool | None = None) -> Response:
    """Save (upsert) the answer to one question. ExamError: bad shape; AttemptStateError: deadline / finished."""
    now = _now(now)
    item = _item(attempt, question_key)
    content = item.version.content
    value = validate_answer(content, answer)
    if flagged is not None and not isinstance(flagged, bool):
        raise ExamError("flagged 应为 true 或 false (flagged must be a boolean)")
    _lock(attempt)
    _check_can_save(attempt, now)
    response = _fresh_response(item)
    if content["type"] == "case" and value is not None:
        merged = dict(response.answer) if isinstance(response.answer, dict) else {}
        merged.update(value)
        value = merged
    response.answer = value
    response.saved_at = now
    if flagged is not None:
        response.flagged = flagged
    db.session.flush()
    return response


def set_flag(attempt: Attempt, question_key, flagged, now=None) -> Response:
    """Mark a question "to review" (the trainee's own reminder)."""
    now = _now(now)
    if not isinstance(flagged, bool):
        raise ExamError("flagged 应为 true 或 false (flagged must be a boolean)")
    item = _item(attempt, question_key)
    _lock(attempt)
    _check_can_save(attempt, now)
    response = _fresh_response(item)
    response.flagged = flagged
    db.session.flush()
    return response


def record_focus_loss(attempt: Attempt, now=None) -> FocusEvent | None:
    """Record that the exam page lost focus, when the paper tracks it and the attempt is open."""
    now = _now(now)
    if not attempt.paper.track_focus or not attempt.is_open or attempt.is_past_deadline(now):
        return None
    event = FocusEvent(attempt_id=attempt.id, at=now, kind="blur")
    db.session.add(event)
    db.session.flush()
    return event


# ---------------------------------------------------------------------------------------------------- submit
def submit_attempt(attempt: Attempt, now=None) -> Attempt:
    """Finish and grade the attempt. Idempotent: a finished attempt is returned as it is (no regrade).

    Past the deadline the attempt expires (finished at the deadline) instead of being submitted; either way every
    item is graded. Two submits racing grade once: the row is locked (PostgreSQL) and the status change is a
    conditional UPDATE ... WHERE status = 'started', so only one transaction can claim it.
    """
    now = _now(now)
    _lock(attempt)
    if not attempt.is_open:
        return attempt
    expiring = attempt.is_past_deadline(now)
    status = Attempt.EXPIRED if expiring else Attempt.SUBMITTED
    claimed = db.session.execute(
        update(Attempt).where(Attempt.id == attempt.id, Attempt.status == Attempt.STARTED)
        .values(status=status, finished_at=attempt.deadline if expiring else now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:  # another transaction finished it between our read and our write
        db.session.refresh(attempt)
        return attempt
    if expiring:  # the model's transition (its checks; the same values as the claim above)
        attempt.expire(now)
    else:
        attempt.submit(now)
    _grade(attempt, now)
    db.session.flush()
    return attempt


def _grade(attempt: Attempt, now: datetime) -> None:
    grader = None
    total = 0.0
    maximum = 0.0
    for item in attempt.items:
        content = item.version.content
        if content["type"] == "case" and grader is None:
            grader = grading.current_grader()
        response = _response(item)
        outcome = grading.grade_response(item, response, grader)
        total += response.score or 0.0
        maximum += item.points
        mistakes.record_outcome(attempt.user, item.version, outcome, now)
    attempt.score = round(total, 2)
    attempt.max_score = maximum


def expire_overdue(now=None, user=None) -> int:
    """Finish and grade every started attempt whose deadline has passed (one user's, or everyone's).

    Attempts within the few seconds of grace after their deadline are left for a save still in flight."""
    now = _now(now)
    query = select(Attempt.id).where(Attempt.status == Attempt.STARTED, Attempt.deadline.is_not(None),
                                     Attempt.deadline < now - SAVE_GRACE)
    if user is not None:
        query = query.where(Attempt.user_id == user.id)
    done = 0
    for attempt_id in list(db.session.scalars(query.order_by(Attempt.id))):
        attempt = db.session.get(Attempt, attempt_id)
        if attempt is None or not attempt.is_open:
            continue
        submit_attempt(attempt, now)
        if attempt.status == Attempt.EXPIRED:
            done += 1
    return done


# -------------------------------------------------------------------------------------------------- payloads
def _labels(item: AttemptItem) -> list[str]:
    """Option letters in display order."""
    options = item.version.content.get("options") or {}
    if item.option_order and set(item.option_order) == set(options):
        return list(item.option_order)
    return list(options)


def _options(item: AttemptItem) -> list[dict]:
    options = item.version.content.get("options") or {}
    return [{"value": letter, "label": chr(ord("A") + i), "text": options[letter]}
            for i, letter in enumerate(_labels(item))]


def _display(item: AttemptItem, letters) -> list[str]:
    order = _labels(item)
    return [chr(ord("A") + order.index(letter)) for letter in letters if letter in order]


def _section_titles(attempt: Attempt) -> dict[int, str]:
    sections = attempt.paper.sections
    indexes = sorted({item.section for item in attempt.items})
    return {i: (sections[i].get("title") if i < len(sections) else None) or f"第 {i + 1} 部分" for i in indexes}


def _paper(paper: Paper) -> dict:
    return {"key": paper.key, "title": paper.title, "kind": paper.kind, "time_limit": paper.time_limit,
            "track_focus": paper.track_focus, "description": paper.definition.get("description", "")}


def _public_item(item: AttemptItem) -> dict:
    """What a trainee may see of a question during the attempt: no answer, explanation, rubric or reference."""
    content = item.version.content
    return {
        "position": item.position,
        "section": item.section,
        "question": item.version.question.key,
        "type": content["type"],
        "topic": content["topic"],
        "stem": content.get("stem", ""),
        "points": item.points,
        "options": _options(item) if content["type"] in ("single", "multiple") else [],
        "parts": [{"id": p["id"], "prompt": p.get("prompt", ""), "points": p.get("points", 10)}
                  for p in content.get("parts", [])] if content["type"] == "case" else [],
    }


def attempt_payload(attempt: Attempt, now=None) -> dict:
    """The trainee's view of an attempt: questions and saved answers, never the solutions."""
    now = _now(now)
    titles = _section_titles(attempt)
    items = []
    answered = 0
    for item in attempt.items:
        out = _public_item(item)
        response = item.response
        out["answer"] = response.answer if response else None
        out["flagged"] = bool(response and response.flagged)
        out["saved_at"] = iso(response.saved_at) if response else None
        if _has_answer(out["answer"]):
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
        "focus_losses": len(attempt.focus_events),
        "sections": [{"index": i, "title": titles[i],
                      "positions": [it.position for it in attempt.items if it.section == i],
                      "points": sum(it.points for it in attempt.items if it.section == i)} for i in titles],
        "items": items,
    }


def _has_answer(answer) -> bool:
    if answer is None:
        return False
    if isinstance(answer, dict):
        return any(isinstance(t, str) and t.strip() for t in answer.values())
    if isinstance(answer, list):
        return bool(answer)
    return True


def _review_state(response: Response | None, flagged: bool) -> str | None:
    if response is not None and response.reviewed_at is not None:
        return "reviewed"
    return "awaiting" if flagged else None


def _result_item(item: AttemptItem) -> dict:
    content = item.version.content
    response = item.response
    answer = response.answer if response else None
    out = _public_item(item)
    out["answer"] = answer
    out["score"] = (response.score if response and response.score is not None else 0.0)
    out["needs_review"] = bool(response and response.needs_review)
    out["review"] = _review_state(response, out["needs_review"])
    if content["type"] in OBJECTIVE:
        right = grading.correct_answer(content)
        out["correct_answer"] = right
        out["correct_labels"] = (_display(item, right if isinstance(right, list) else [right])
                                 if content["type"] != "judge" else [])
        out["is_correct"] = grading.is_correct(content, answer)
        out["explanation"] = content.get("explanation", "")
        return out
    stored = (response.result or {}).get("parts", {}) if response else {}
    answers = answer if isinstance(answer, dict) else {}
    parts = []
    for part in content.get("parts", []):
        graded = stored.get(part["id"]) or {}
        earned = {p["id"]: p for p in graded.get("points", [])}
        flagged = any(flag in grading.REVIEW_FLAGS for flag in graded.get("flags", []))
        parts.append({
            "id": part["id"],
            "prompt": part.get("prompt", ""),
            "points": part.get("points", 10),
            "answer": graded.get("answer", answers.get(part["id"], "")),
            "score": graded.get("score", 0.0),
            "max": graded.get("max", part.get("points", 10)),
            "flags": graded.get("flags", []),
            "rubric": [{
                "id": point["id"], "text": point.get("text", ""), "points": point.get("points"),
                "earned": earned.get(point["id"], {}).get("earned", 0.0),
                "evidence": earned.get(point["id"], {}).get("evidence", []),
                "fuzzy": earned.get(point["id"], {}).get("fuzzy", False),
                "negated": earned.get(point["id"], {}).get("negated", False),
            } for point in part.get("rubric", [])],
            "order": graded.get("order"),
            "reference": part.get("reference", ""),
            "review": _review_state(response, flagged),
        })
    out["parts"] = parts
    return out


def result_payload(attempt: Attempt) -> dict:
    """The graded attempt: totals, per section and area, every item with the right answer and the evidence."""
    if attempt.is_open:
        raise ExamError("本次考试尚未交卷 (the attempt is not finished yet)")
    titles = _section_titles(attempt)
    items = [_result_item(item) for item in attempt.items]
    sections = []
    for index, title in titles.items():
        mine = [it for it in items if it["section"] == index]
        sections.append({"index": index, "title": title, "score": round(sum(it["score"] for it in mine), 2),
                         "max": sum(it["points"] for it in mine)})
    areas: dict[str, list[float]] = {}
    for it in items:
        area = areas.setdefault(it["topic"], [0.0, 0.0])
        area[0] += it["score"]
        area[1] += it["points"]
    max_score = attempt.max_score or sum(it["points"] for it in items)
    score = attempt.score or 0.0
    return {
        **_attempt_header(attempt),
        "score": score,
        "max_score": max_score,
        "percent": round(100 * score / max_score, 1) if max_score else 0.0,
        "needs_review": any(it["review"] == "awaiting" for it in items),
        "focus_losses": len(attempt.focus_events),
        "sections": sections,
        "areas": [{"topic": topic, "score": round(s, 2), "max": m, "percent": round(100 * s / m, 1) if m else 0.0}
                  for topic, (s, m) in sorted(areas.items(), key=lambda kv: kv[0])],
        "items": items,
    }


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
