"""Instructors' marking pages: the review queue, one response, an attempt's answers, regrade with a dry run,
offline marking by spreadsheet, item analysis and the live view of a paper's attempts.

Thin: parse the request, call this package's operations (which go through ``app.scoring``), render. GETs never
write; the request's edge commits a POST (app/transactions.py).

Whose work: app/reach.py. An attempt or answer of a trainee out of the instructor's reach answers 404, as an
unknown id does; lists, counts and the marking sheet hold only the trainees in reach. A regrade is a correction
of the question and covers every class's attempts; its dry run lists only the changes in reach.
"""
from __future__ import annotations

import csv
import io

from flask import Blueprint, Response as HttpResponse, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from ..auth.guards import guard_blueprint
from ..extensions import db
from ..models import Attempt, Paper, Response, utcnow
from ..qtypes import question_type
from ..reach import cohorts_taught, may_reach_attempt, reachable_attempt_ids
from .. import jobs
from . import analysis_data, item_analysis, marking, monitor, regrading, spreadsheet
from .anonymity import trainee_label
from .queue import FLAGS, QueueFilter, flags_of, next_after, queue, reasons_of

bp = Blueprint("review", __name__)
guard_blueprint(bp, "instructor", "admin")


def _paper(key: str) -> Paper:
    paper = Paper.by_key(key)
    if paper is None:
        abort(404)
    return paper


def _filter_choices() -> dict:
    return {"papers": db.session.scalars(select(Paper).order_by(*Paper.listing_order())).all(),
            "cohorts": cohorts_taught(current_user), "flags": FLAGS}


@bp.app_template_global("review_label")
def review_label(attempt, blind=False):
    return trainee_label(attempt, blind)


# ------------------------------------------------------------------------------------------------ index
@bp.route("/")
def index():
    papers = db.session.scalars(select(Paper).order_by(*Paper.listing_order())).all()
    return render_template("review/index.html", papers=papers,
                           waiting=len(queue(QueueFilter(), current_user)))


# ------------------------------------------------------------------------------------------------ queue
@bp.route("/queue")
def queue_page():
    f = QueueFilter.from_args(request.args)
    return render_template("review/queue.html", f=f, responses=queue(f, current_user), flags_of=flags_of, reasons_of=reasons_of, **_filter_choices())


def _response(response_id: int) -> Response:
    response = db.session.get(Response, response_id)
    if response is None or response.item.attempt.is_open or not may_reach_attempt(current_user, response.item.attempt):
        abort(404)
    return response


def _render_response(response: Response, f: QueueFilter, errors=(), form=None, status=200):
    ids = [r.id for r in queue(f, current_user)]
    position = ids.index(response.id) + 1 if response.id in ids else None
    return render_template("review/response.html", response=response, view=marking.response_view(response), f=f,
                           attempt=response.item.attempt, errors=errors, form=form or {}, position=position,
                           queue_size=len(ids), change_kinds=_change_kinds()), status


def _change_kinds() -> dict[str, str]:
    return {"override": _("set by hand"), "regrade": _("regraded"), "comment": _("comment")}


@bp.route("/responses/<int:response_id>")
def response_page(response_id: int):
    return _render_response(_response(response_id), QueueFilter.from_args(request.args))


@bp.route("/responses/<int:response_id>", methods=["POST"])
def response_save(response_id: int):
    response = _response(response_id)
    f = QueueFilter.from_args(request.form)
    ids = [r.id for r in queue(f, current_user)]
    try:
        written = marking.apply_review(response, request.form, by=current_user)
    except marking.ReviewError as exc:
        return _render_response(response, f, errors=exc.messages, form=request.form, status=400)
    flash(_("Saved: %(n)d change(s).", n=written) if written else _("Marked as reviewed, grade unchanged."),
          "success")
    if request.form.get("go") == "next":
        following = next_after(ids, response.id)
        if following is None:
            flash(_("The queue is done."), "success")
            return redirect(url_for("review.queue_page", **f.to_args()))
        return redirect(url_for("review.response_page", response_id=following, **f.to_args()))
    return redirect(url_for("review.response_page", response_id=response.id, **f.to_args()))


# ---------------------------------------------------------------------------------------------- attempt
@bp.route("/attempts/<int:attempt_id>")
def attempt_page(attempt_id: int):
    attempt = db.session.get(Attempt, attempt_id)
    if not may_reach_attempt(current_user, attempt):
        abort(404)
    blind = request.args.get("blind") == "1"
    items = []
    for item in attempt.items:
        content = item.version.content
        response = item.response
        items.append({"item": item, "response": response, "objective": question_type(content).objective,
                      "answered": response is not None and question_type(content).has_answer(content, response.answer),
                      "view": marking.response_view(response) if response is not None and not attempt.is_open
                      and response.result is not None else None})
    return render_template("review/attempt.html", attempt=attempt, items=items, blind=blind,
                           focus_losses=attempt.focus_losses)


# ---------------------------------------------------------------------------------------------- regrade
def _questions_arg(source) -> list[str]:
    return [key[:120] for key in source.getlist("question") if key][:200]


def _attempts_arg(source) -> list[int]:
    """The attempts a regrade is limited to; 404 when one is unknown or out of reach (the same answer), since
    leaving it out could widen the regrade to the whole paper."""
    ids = sorted({int(v) for v in source.getlist("attempt") if v.isascii() and v.isdigit() and len(v) < 12})[:5000]
    if len(reachable_attempt_ids(current_user, ids)) != len(ids):
        abort(404)
    return ids


def _changes_in_reach(report: dict) -> dict:
    """The dry run's report with only the changes to attempts in reach listed; the others are counted in
    ``unlisted`` (the figures stay the whole regrade's)."""
    reached = reachable_attempt_ids(current_user, {c["attempt"] for c in report["changes"]})
    listed = [c for c in report["changes"] if c["attempt"] in reached]
    return dict(report, changes=listed, unlisted=len(report["changes"]) - len(listed))


@bp.route("/regrade")
def regrade_page():
    papers = db.session.scalars(select(Paper).order_by(*Paper.listing_order())).all()
    key = request.args.get("paper", "")
    paper = Paper.by_key(key) if key else None
    questions = regrading.paper_questions(paper) if paper else []
    attempts = regrading.paper_attempts(paper, current_user) if paper else []
    chosen, chosen_attempts = _questions_arg(request.args), _attempts_arg(request.args)
    report = None
    if paper is not None and request.args.get("preview") == "1":
        report = _changes_in_reach(regrading.summary(regrading.regrade_paper(paper, chosen, dry_run=True,  # reads only
                                                                             attempt_ids=chosen_attempts)))
    finished = jobs.status(request.args.get("job", ""), current_user) if request.args.get("job") else None
    return render_template("review/regrade.html", papers=papers, paper=paper, questions=questions, chosen=chosen,
                           attempts=attempts, finished_count=regrading.finished_count(paper) if paper else 0,
                           chosen_attempts=chosen_attempts, report=report,
                           names={a.id: a.user.name for a in attempts},
                           finished=(finished or {}).get("result") or {})


@bp.app_template_global("regrade_done_message")
def regrade_done_message(report: dict) -> str:
    """Moodle's sentence after a regrade, from the report's summary."""
    return _("Regraded %(n)d response(s): the marks changed for %(changed)d question(s) in %(attempts)d "
             "attempt(s), %(delta)s points in all; %(kept)d response(s) kept their hand overrides.",
             n=report["responses"], changed=report["changed"], attempts=report["attempts"],
             delta="%+g" % report["total_delta"], kept=report["kept_overrides"])


@bp.route("/regrade", methods=["POST"])
def regrade_apply():
    paper = _paper(request.form.get("paper", ""))
    chosen, chosen_attempts = _questions_arg(request.form), _attempts_arg(request.form)
    started = jobs.start(regrading.regrade_paper_job, paper.id, chosen, chosen_attempts, current_user.id,
                         owner=current_user, title=_("Regrade: %(paper)s", paper=paper.title),
                         next_url=url_for("review.regrade_page", paper=paper.key))
    if started.queued:
        return redirect(url_for("jobs.page", job_id=started.job_id))
    flash(regrade_done_message(started.result["summary"]), "success")
    return redirect(url_for("review.regrade_page", paper=paper.key))


# ------------------------------------------------------------------------------------- offline marking
PREVIEW_MAX_AGE = 3600  # seconds between the preview of a sheet and applying it


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="review-marking-sheet")


@bp.route("/papers/<key>/marking")
def marking_page(key: str):
    return render_template("review/marking.html", paper=_paper(key), preview=None)


@bp.route("/papers/<key>/marking.xlsx")
def marking_export(key: str):
    paper = _paper(key)
    data = spreadsheet.export_marking(paper, current_user, blind=request.args.get("blind") == "1")
    name = f"marking-{paper.id}-{utcnow():%Y%m%d-%H%M}.xlsx"
    return HttpResponse(data, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/papers/<key>/marking/preview", methods=["POST"])
def marking_preview(key: str):
    paper = _paper(key)
    upload = request.files.get("sheet")
    if upload is None or not upload.filename:
        return render_template("review/marking.html", paper=paper, preview=None,
                               error=_("Choose the filled XLSX file.")), 400
    data = upload.stream.read(spreadsheet.MAX_BYTES + 1)
    try:
        preview = spreadsheet.read_marking(data, paper, current_user)
    except spreadsheet.SheetError as exc:
        return render_template("review/marking.html", paper=paper, preview=None, error=str(exc)), 400
    # the preview is this instructor's: applied by another, it could carry rows out of their reach
    token = _serializer().dumps({"paper": paper.id, "by": current_user.id,
                                 "changes": [c.to_dict() for c in preview.changes]})
    return render_template("review/marking.html", paper=paper, preview=preview, token=token)


@bp.route("/papers/<key>/marking/apply", methods=["POST"])
def marking_apply(key: str):
    paper = _paper(key)
    try:
        payload = _serializer().loads(request.form.get("token", ""), max_age=PREVIEW_MAX_AGE)
    except BadSignature:
        return render_template("review/marking.html", paper=paper, preview=None,
                               error=_("The preview was altered or has expired: upload the sheet again.")), 400
    if payload.get("paper") != paper.id or payload.get("by") != current_user.id:
        return render_template("review/marking.html", paper=paper, preview=None,
                               error=_("The preview was altered or has expired: upload the sheet again.")), 400
    applied, refused = spreadsheet.apply_marking(payload["changes"], paper, by=current_user)
    flash(_("Imported %(n)d mark(s).", n=applied), "success")
    for message in refused:
        flash(message, "error")
    return redirect(url_for("review.marking_page", key=paper.key))


# ---------------------------------------------------------------------------------------- item analysis
def _analysis(paper: Paper, first_only: bool) -> dict:
    return item_analysis.analyse(analysis_data.analysis_rows(paper, current_user, first_only))


@bp.route("/papers/<key>/items")
def items_page(key: str):
    paper = _paper(key)
    first_only = request.args.get("attempts") != "all"
    return render_template("review/items.html", paper=paper, analysis=_analysis(paper, first_only),
                           first_only=first_only, texts=_point_texts(paper))


def _point_texts(paper: Paper) -> dict:
    """(question, part, point) -> the key point's text, from the questions' current versions; (question, '', '') ->
    the start of the question's stem, what a marker knows it by."""
    from ..bank.markdown_text import plain_excerpt

    texts = {}
    for question in regrading.paper_questions(paper):
        texts[(question.key, "", "")] = plain_excerpt(question.current.content.get("stem", ""), 40)
        for part in (question.current.content.get("parts") or []):
            texts[(question.key, part["id"], "")] = part.get("prompt", "")
            for point in part.get("rubric", []):
                texts[(question.key, part["id"], point["id"])] = point.get("text", "")
    return texts


@bp.route("/papers/<key>/items.csv")
def items_csv(key: str):
    paper = _paper(key)
    out = io.StringIO()
    writer = csv.writer(out)
    for row in item_analysis.flat_rows(_analysis(paper, request.args.get("attempts") != "all")):
        writer.writerow([spreadsheet.neutralise(v) for v in row])
    return HttpResponse(out.getvalue(), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="items-{paper.id}.csv"'})


# ------------------------------------------------------------------------------------------- monitoring
@bp.route("/papers/<key>/monitor")
def monitor_page(key: str):
    paper = _paper(key)
    return render_template("review/monitor.html", paper=paper, rows=monitor.paper_attempts(paper, current_user),
                           blind=request.args.get("blind") == "1")


@bp.app_template_filter("hist_label")
def hist_label(bin_: dict) -> dict:
    """A histogram bin as a chart bar: labelled by its lower edge."""
    return {"label": "%g" % bin_["low"], "count": bin_["count"]}
