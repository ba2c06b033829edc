"""Papers, attempts, practice and the 错题本 over JSON. Thin: parse, call the exams operations, answer; the
request's edge commits (app/transactions.py)."""
from flask import current_app, g, jsonify, url_for
from flask_babel import gettext as _

from ..auth.throttle import trainee_key
from ..exams import lifecycle, mistakes as mistake_book, payloads, practice as practising, progress as progress_ops
from ..exams.access import outside_its_classes
from ..exams.errors import ExamNotFound, is_key
from ..extensions import limiter, unlimited
from ..models import Paper, utcnow
from . import schemas
from .base import ApiError, bp, roles_required

TRAINEE = ("trainee",)
READERS = ("trainee", "instructor", "admin")


def _finish_overdue() -> None:
    """An attempt whose time ran out is graded as soon as its owner reads (cron does the rest)."""
    lifecycle.finish_overdue_on_read(user=g.api_user)


def _paper(key: str) -> Paper:
    paper = Paper.by_key(key) if is_key(key) else None
    # an inactive paper, a draft or one opened to other classes only: as if there were none
    if paper is None or not paper.live or outside_its_classes(g.api_user, paper):
        raise ExamNotFound(_("no such paper"))
    return paper


@bp.route("/papers")
@roles_required(*READERS)
def papers():
    _finish_overdue()
    return jsonify(papers=progress_ops.dashboard(g.api_user)["papers"])


@bp.route("/papers/<paper_id>/attempts", methods=["POST"])
@roles_required(*TRAINEE)
def start(paper_id: str):
    attempt, created = lifecycle.start_attempt(g.api_user, _paper(paper_id))
    response = jsonify(payloads.attempt_payload(attempt))
    response.status_code = 201 if created else 200
    response.headers["Location"] = url_for("api.attempt", attempt_id=attempt.id)
    return response


@bp.route("/attempts/<attempt_id>")
@roles_required(*READERS)
def attempt(attempt_id: str):
    _finish_overdue()
    found = lifecycle.get_attempt_for(g.api_user, attempt_id)
    payload = payloads.attempt_payload(found)
    payload["graded"] = not found.is_open and not found.awaiting_grade
    if payload["graded"]:
        payload["result"] = payloads.result_payload(found)
    return jsonify(payload)


@bp.route("/attempts/<attempt_id>/answers/<question_id>", methods=["PUT"])
@roles_required(*TRAINEE)
@unlimited
def save_answer(attempt_id: str, question_id: str):
    try:
        answer, flagged = schemas.answer_request()
    except ApiError:
        lifecycle.get_attempt_for(g.api_user, attempt_id)  # someone else's attempt: 404 before any 400
        raise
    response = lifecycle.save_by_id(g.api_user, attempt_id, question_id,
                                    lifecycle.KEEP if answer is schemas.MISSING else answer, flagged=flagged)
    return jsonify(question=question_id, answer=response.answer, flagged=response.flagged,
                   saved_at=response.saved_at.isoformat() if response.saved_at else None)


@bp.route("/attempts/<attempt_id>/submit", methods=["POST"])
@roles_required(*TRAINEE)
def submit(attempt_id: str):
    found = lifecycle.submit_by_id(g.api_user, attempt_id)
    if found.awaiting_grade:  # queued: the result page (or GET /api/attempts/<id>) has it in a few seconds
        return jsonify(payloads.pending_payload(found, url_for("exams.result", attempt_id=found.id))), 202
    return jsonify(payloads.result_payload(lifecycle.get_attempt_for(g.api_user, found.id)))


@bp.route("/attempts/<attempt_id>/focus", methods=["POST"])
@limiter.limit(lambda: current_app.config["FOCUS_RATE_LIMIT"], key_func=trainee_key)
@roles_required(*TRAINEE)
def focus(attempt_id: str):
    found = lifecycle.get_attempt_for(g.api_user, attempt_id)
    before = found.focus_losses or 0
    lifecycle.record_focus_loss(found, utcnow())
    return jsonify(recorded=found.focus_losses > before, focus_losses=found.focus_losses)


@bp.route("/practice/next")
@roles_required(*TRAINEE)
def practice_next():
    question = practising.practice_question(g.api_user, topic=schemas.text_arg("topic"),
                                          difficulty=schemas.text_arg("difficulty", 10),
                                          from_mistakes=schemas.flag_arg("mistakes"))
    return jsonify(question=question)


@bp.route("/practice/<question_id>/answer", methods=["POST"])
@limiter.shared_limit(lambda: current_app.config["PRACTICE_RATE_LIMIT"], scope="practice", key_func=trainee_key)
@roles_required(*TRAINEE)
def practice_answer(question_id: str):
    feedback = practising.practice_answer(g.api_user, question_id, schemas.practice_answer_request())
    return jsonify(feedback)


@bp.route("/mistakes")
@roles_required(*TRAINEE)
def mistakes():
    return jsonify(entries=mistake_book.mistake_book(g.api_user, due_only=schemas.flag_arg("due")),
                   due=mistake_book.due_count(g.api_user))


@bp.route("/mistakes", methods=["POST"])
@roles_required(*TRAINEE)
def add_mistake():
    entry = mistake_book.add_mistake(g.api_user, schemas.mistake_request())
    response = jsonify(mistake_book.entry_payload(entry))
    response.status_code = 201
    return response


@bp.route("/history")
@roles_required(*TRAINEE)
def history():
    _finish_overdue()
    return jsonify(attempts=progress_ops.history(g.api_user))


@bp.route("/progress")
@roles_required(*TRAINEE)
def progress():
    _finish_overdue()
    return jsonify(progress_ops.progress(g.api_user))


@bp.route("/dashboard")
@roles_required(*TRAINEE)
def dashboard():
    _finish_overdue()
    return jsonify(progress_ops.dashboard(g.api_user))
