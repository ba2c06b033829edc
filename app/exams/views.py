"""Trainee pages: dashboard, mock exam, results, practice, 错题本, history.

Thin: parse the request, call the operations (lifecycle, payloads, practice, mistakes, progress), render; the
request's edge commits (app/transactions.py). The exam page itself saves through the JSON API (``/api``); these
views only render and start/submit by form.
"""
from datetime import timezone

from flask import (Blueprint, abort, current_app, flash, jsonify, make_response, redirect, render_template, request,
                   url_for)
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from werkzeug.exceptions import NotFound

from ..bank.markdown_text import safe_html
from ..auth.guards import guard_blueprint
from ..auth.throttle import trainee_key
from ..extensions import limiter
from ..models import Paper, Question, utcnow
from ..qtypes import question_type
from ..qtypes.case import MAX_CASE_TEXT
from ..urls import safe_next
from .access import outside_its_classes
from . import display, lifecycle, mistakes as mistake_book, payloads, practice as practising, progress as progress_ops
from .errors import ExamConflict, ExamError, is_key
from .practice import question_payload

bp = Blueprint("exams", __name__)
guard_blueprint(bp, "trainee")


# ------------------------------------------------------------------------------------ template helpers
@bp.app_template_filter("md")
def markdown_filter(text) -> Markup:
    """Bank Markdown (stems, references, explanations) as sanitised HTML."""
    if not text:
        return Markup("")
    return Markup(safe_html(str(text)))


def highlight_segments(text: str | None, points) -> list[dict]:
    """Cut ``text`` into segments: ``{"text", "marked", "points"}`` where ``points`` lists the ids of the
    earned key points whose evidence covers the segment. Offsets come from the grader ([start, end) into the
    original answer). The template prints ``text`` escaped: never ``|safe`` on a trainee's words."""
    text = text or ""
    size = len(text)
    covers: list[tuple[int, int, str]] = []
    for point in points or ():
        if not point.get("earned"):
            continue
        for span in point.get("evidence") or ():
            try:
                start, end = int(span[0]), int(span[1])
            except (TypeError, ValueError, IndexError):
                continue
            start, end = max(0, min(start, size)), max(0, min(end, size))
            if end > start:
                covers.append((start, end, str(point.get("id", ""))))
    if not covers:
        return [{"text": text, "marked": False, "points": []}] if text else []
    cuts = sorted({0, size, *(s for s, _, _ in covers), *(e for _, e, _ in covers)})
    segments: list[dict] = []
    for start, end in zip(cuts, cuts[1:]):
        ids = sorted({pid for s, e, pid in covers if s <= start and end <= e})
        if segments and segments[-1]["points"] == ids:
            segments[-1]["text"] += text[start:end]
        else:
            segments.append({"text": text[start:end], "marked": bool(ids), "points": ids})
    return segments


@bp.app_template_global("highlight")
def highlight_global(text, points):
    return highlight_segments(text, points)


@bp.app_template_filter("iso")
def iso_filter(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


# Times, durations and codes as people read them, on every page (staff pages too): app/exams/display.py.
bp.add_app_template_filter(display.when_element, "when")  # <time class="when">, kept on one line
bp.add_app_template_filter(display.when, "when_text")  # the same text alone: SVG, attributes, truncate
bp.add_app_template_filter(display.duration, "duration")
bp.add_app_template_filter(display.type_name, "type_name")
bp.add_app_template_filter(display.status_name, "status_name")
bp.add_app_template_filter(display.role_names, "role_names")
bp.add_app_template_filter(display.question_name, "question_name")
bp.add_app_template_filter(display.attempt_score, "attempt_score")
bp.add_app_template_global(display.zone_label, "zone_label")
bp.add_app_template_global(question_type, "qtype")  # the type's class: which templates, objective or not


@bp.app_template_filter("num")
def num_filter(value) -> str:
    if value is None or value == "":
        return "–"
    try:
        return "%g" % round(float(value), 2)
    except (TypeError, ValueError):
        return str(value)


# ------------------------------------------------------------------------------------------ view models
def _options(item: dict) -> list[dict]:
    """The item's options, or those its type always offers (true/false), labelled in the user's language."""
    if item.get("options"):
        return item["options"]
    return [{"value": value, "label": label, "text": _(text)}
            for value, label, text in question_type(item["type"]).fixed_options()]


def _values(answer) -> set[str]:
    """An objective answer as a set of option values (letters, or "true"/"false" for judge)."""
    if answer is None:
        return set()
    if isinstance(answer, bool):
        return {"true" if answer else "false"}
    if isinstance(answer, (list, tuple)):
        return {str(a) for a in answer}
    return {str(answer)}


def _sections(payload: dict, item_view) -> list[dict]:
    """Items grouped under their sections (in paper order), numbered 1..n across the paper."""
    sections = [{"index": s.get("index", i), "title": s.get("title", ""), "items": [], **{
        k: v for k, v in s.items() if k not in ("items", "positions")}} for i, s in enumerate(payload.get("sections") or [])]
    by_index = {s["index"]: s for s in sections}
    for number, item in enumerate(sorted(payload.get("items") or [], key=lambda i: i.get("position", 0)), start=1):
        section = by_index.get(item.get("section"))
        if section is None:
            section = {"index": item.get("section"), "title": "", "items": []}
            by_index[section["index"]] = section
            sections.append(section)
        section["items"].append(item_view(item, number))
    return [s for s in sections if s["items"]]


def exam_view(payload: dict) -> dict:
    """What the exam page needs from ``payloads.attempt_payload``: nothing graded, nothing secret."""
    answers = {}

    def item_view(item, number):
        answer = item.get("answer")
        kind = item.get("type")
        objective = question_type(kind).objective
        options = _options(item)
        answered = item.get("answered", False)
        answers[item["question"]] = {"answer": answer, "flagged": bool(item.get("flagged")),
                                     "saved_at": item.get("saved_at")}
        return {
            "key": item["question"], "number": number, "type": kind, "objective": objective,
            "stem": item.get("stem", ""),
            "points": item.get("points"), "options": options, "parts": item.get("parts") or [],
            "chosen": _values(answer) if objective else set(),
            "texts": answer if isinstance(answer, dict) else {},
            "flagged": bool(item.get("flagged")), "saved_at": item.get("saved_at"), "answered": answered,
            "partial": not answered and bool(item.get("answered_parts")),
        }

    sections = _sections(payload, item_view)
    paper = payload.get("paper") or {}
    return {
        "id": payload["id"], "title": paper.get("title", ""), "description": paper.get("description"),
        "track_focus": bool(paper.get("track_focus")), "deadline": payload.get("deadline"),
        "now": payload.get("now"), "sections": sections,
        "answered": sum(1 for s in sections for i in s["items"] if i["answered"]),
        "total": sum(len(s["items"]) for s in sections),
        "max_text": MAX_CASE_TEXT,
        "js": {"answers": answers},
    }


def result_view(payload: dict) -> dict:
    """``payloads.result_payload`` with objective items' choices as sets for the template."""

    def item_view(item, number):
        view = dict(item, number=number, key=item.get("question"))
        if question_type(item["type"]).objective:
            view["options"] = _options(item)
            view["chosen_letters"] = _values(item.get("answer"))
            view["correct_letters"] = _values(item.get("correct_answer"))
        return view

    return dict(payload, sections_with_items=_sections(payload, item_view))


# ----------------------------------------------------------------------------------------------- access
def _own_attempt(attempt_id: int):
    """The signed-in trainee's attempt, else 404 (another trainee's attempt does not exist for you)."""
    return lifecycle.get_attempt_for(current_user, attempt_id)


def _expire(attempt) -> None:
    lifecycle.finish_overdue_on_read(attempt=attempt)


# ------------------------------------------------------------------------------------------------ pages
@bp.route("/dashboard")
def dashboard():
    lifecycle.finish_overdue_on_read(user=current_user)
    return render_template("exams/dashboard.html", d=progress_ops.dashboard(current_user),
                           progress=progress_ops.progress(current_user))


def _paper_or_404(paper_key: str) -> Paper:
    paper = Paper.by_key(paper_key) if is_key(paper_key) else None
    # an inactive paper, a draft or one opened to other classes only: as if there were none
    if paper is None or not paper.live or outside_its_classes(current_user, paper):
        abort(404)
    return paper


@bp.route("/papers/<paper_key>/start")
def intro(paper_key: str):
    """The paper's intro: structure, marks, time, attempts left and rules. Nothing starts until "开始作答"."""
    paper = _paper_or_404(paper_key)
    lifecycle.finish_overdue_on_read(user=current_user)
    info = payloads.paper_intro(paper, lifecycle.finished_count(current_user, paper),
                                lifecycle.find_open_attempt(current_user, paper))
    return render_template("exams/intro.html", intro=info)


@bp.route("/papers/<paper_key>/start", methods=["POST"])
def start(paper_key: str):
    paper = _paper_or_404(paper_key)
    try:
        attempt, _created = lifecycle.start_attempt(current_user, paper)
    except ExamError as exc:
        flash(str(exc), "error")
        return redirect(url_for("exams.intro", paper_key=paper.key))
    return redirect(url_for("exams.attempt", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>")
def attempt(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    _expire(attempt)
    if not attempt.is_open:
        return redirect(url_for("exams.result", attempt_id=attempt.id))
    response = make_response(render_template("exams/attempt.html", exam=exam_view(payloads.attempt_payload(attempt))))
    # Back after submitting must ask the server again (which sends the trainee to the result), never show a
    # stored copy of the exam with answers the server no longer takes.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/attempts/<int:attempt_id>/state")
def attempt_state(attempt_id: int):
    """Whether the attempt is still open: the exam page asks when it is shown again (another tab, Back)."""
    attempt = _own_attempt(attempt_id)
    _expire(attempt)
    response = jsonify(status=attempt.status, result_url=url_for("exams.result", attempt_id=attempt.id))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/attempts/<int:attempt_id>/submit", methods=["POST"])
def submit(attempt_id: int):
    """Form fallback of the submit button (the page normally submits through the API after its confirm dialog)."""
    attempt = _own_attempt(attempt_id)
    if attempt.is_open:
        lifecycle.submit_for_trainee(attempt)
    return redirect(url_for("exams.result", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>/result")
def result(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    _expire(attempt)
    if attempt.is_open:
        return redirect(url_for("exams.attempt", attempt_id=attempt.id))
    # A retake whose time ran out is over: finished now, its questions' solutions are not held back here.
    lifecycle.finish_overdue_on_read(user=current_user)
    if attempt.awaiting_grade:
        return render_template("exams/grading.html", attempt=attempt)
    return render_template("exams/result.html", r=result_view(payloads.result_payload(attempt)),
                           in_book=mistake_book.open_question_keys(current_user))


# ------------------------------------------------------------------------------------------------ 错题本
@bp.route("/mistakes")
def mistakes():
    entries = mistake_book.mistake_book(current_user)
    due = [e for e in entries if e.get("due")]
    return render_template("exams/mistakes.html", entries=entries, due_count=len(due))


@bp.route("/mistakes/print")
def mistakes_print():
    now = utcnow()
    entries = mistake_book.open_entries(current_user, now=now)
    busy = mistake_book.open_attempt_question_ids(current_user)  # solutions only after the exam
    sheets = [payloads.mistake_sheet(entry, now) for entry in entries if entry.question_id not in busy]
    return render_template("exams/mistakes_print.html", entries=sheets, printed_at=now,
                           held_back=len(entries) - len(sheets))


@bp.route("/mistakes", methods=["POST"])
def add_mistake():
    """Add a question to the 错题本 by hand (the button on results and practice pages)."""
    key = (request.form.get("question_key") or "").strip()
    if not key:
        abort(400)
    try:
        mistake_book.add_mistake(current_user, key)  # ExamNotFound (404) for an unknown question
    except ExamConflict as exc:  # a question of the exam under way
        flash(str(exc), "error")
    else:
        flash(_("Added to your mistake book."), "info")
    return redirect(safe_next(request.form.get("next")) or url_for("exams.mistakes"))


# ------------------------------------------------------------------------------------------------ practice
def _practice_filters(source) -> dict:
    """topic / difficulty / mistakes from the query string (or the answer form, which carries them along)."""
    return {"topic": (source.get("topic") or "").strip() or None,
            "difficulty": (source.get("difficulty") or "").strip() or None,
            "mistakes": source.get("mistakes") in ("1", "on", "true")}


def _practice_links(filters: dict) -> dict:
    """Query arguments for 'next question' that keep the trainee's filters."""
    return {k: ("1" if v is True else v) for k, v in filters.items() if v}


def _question_by_key(key: str) -> dict:
    question = Question.by_key(key)
    if question is None or not question.live or question.current is None:
        abort(404)
    payload = question_payload(question)
    payload["in_mistake_book"] = any(e["question"] == key for e in mistake_book.mistake_book(current_user))
    return payload


def _practice_view(q: dict | None) -> dict | None:
    if q is None:
        return None
    return dict(q, options=_options(q))


def _form_answer(q: dict):
    """The answer as the API takes it, from the practice form's fields."""
    return question_type(q["type"]).from_form(q, request.form)


@bp.route("/practice")
def practice():
    filters = _practice_filters(request.args)
    key = request.args.get("question")
    error = None
    try:
        q = _question_by_key(key) if key else practising.practice_question(
            current_user, topic=filters["topic"], difficulty=filters["difficulty"], from_mistakes=filters["mistakes"])
    except ExamError as exc:
        q, error = None, str(exc)
    return render_template("exams/practice.html", q=_practice_view(q), feedback=None, filters=filters,
                           max_text=MAX_CASE_TEXT, next_args=_practice_links(filters), topics=practising.practice_topics(),
                           error=error)


@bp.route("/practice/<question_key>", methods=["POST"])
@limiter.shared_limit(lambda: current_app.config["PRACTICE_RATE_LIMIT"], scope="practice", key_func=trainee_key)
def practice_answer(question_key: str):
    filters = _practice_filters(request.form)
    q = _question_by_key(question_key)
    answer = _form_answer(q)
    try:
        feedback = practising.practice_answer(current_user, question_key, answer)
    except ExamError as exc:
        if isinstance(exc, NotFound):
            raise
        return render_template("exams/practice.html", q=_practice_view(q), feedback=None, filters=filters,
                               max_text=MAX_CASE_TEXT, next_args=_practice_links(filters), topics=practising.practice_topics(),
                               error=str(exc), given=answer), 400
    if question_type(q["type"]).objective:
        feedback = dict(feedback, chosen_letters=_values(feedback.get("answer")),
                        correct_letters=_values(feedback.get("correct_answer")),
                        options=_practice_view(q)["options"])
    return render_template("exams/practice.html", q=_practice_view(q), feedback=feedback, filters=filters,
                           max_text=MAX_CASE_TEXT,
                           next_args=_practice_links(filters), topics=practising.practice_topics(), error=None)


# ------------------------------------------------------------------------------------------------ history
@bp.route("/history")
def history():
    lifecycle.finish_overdue_on_read(user=current_user)
    return render_template("exams/history.html", rows=progress_ops.history(current_user))
