"""Report pages: score report (preview, XLSX/CSV export), ranking and transcript (print page, PDF), statistics.
Administrators see everything; an instructor sees the classes they teach (app/reach.py, the rule the marking pages
follow too). Downloads are POSTs: each is recorded in the audit log, and a GET never writes."""
from __future__ import annotations

import io
from itertools import islice

from flask import Blueprint, abort, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..audit import record
from ..auth.guards import guard_blueprint
from ..auth.services import find_user
from ..edge import column_int
from ..extensions import db
from ..models import Cohort, Paper
from ..reach import cohorts_taught, may_reach
from .. import jobs
from . import charts, exporting
from .dashboard import BUCKETS, dashboard as dashboard_figures
from .documents import ranking_html, ranking_pdf, transcript_html, transcript_pdf
from .passing import rule_for
from .scores import PICKS, ReportError, ReportQuery, score_report

bp = Blueprint("reports", __name__)
guard_blueprint(bp, "admin", "instructor")
PREVIEW_ROWS = 200


def _allowed_cohorts() -> list[Cohort]:
    return cohorts_taught(current_user)


def _query(source) -> tuple[ReportQuery | None, str | None]:
    """The report's parameters from a form or query string -> (query or None, error or None). An instructor
    must name one of their classes."""
    from ..admin.errors import AdminError
    from ..admin.forms import china_date

    papers_key = (source.get("paper") or "").strip()
    cohort_id = source.get("cohort", type=column_int)
    allowed = _allowed_cohorts()
    if not current_user.has_role("admin"):
        if not allowed:  # not forbidden: nothing to show yet, and the page says why
            return None, _("You teach no class yet: an administrator adds instructors to their classes.")
        if cohort_id is None:
            cohort_id = allowed[0].id
        if cohort_id not in {c.id for c in allowed}:
            abort(403)
    if not papers_key:
        return None, None
    paper = Paper.by_key(papers_key)
    if paper is None:
        return None, _("No paper with the key %(key)s.", key=papers_key[:120])
    cohort = db.session.get(Cohort, cohort_id) if cohort_id else None
    if cohort_id and cohort is None:
        return None, _("No such class.")
    try:
        return ReportQuery(paper, cohort, china_date(source.get("from")), china_date(source.get("to")),
                           source.get("pick") or "best"), None
    except (AdminError, ReportError) as exc:
        return None, str(exc)


def _form_context(query, error):
    return {"papers": db.session.scalars(select(Paper).order_by(*Paper.listing_order())).all(),
            "cohorts": _allowed_cohorts(), "picks": PICKS, "query": query, "error": error, "args": request.values,
            "is_admin": current_user.has_role("admin")}


@bp.route("/")
def index():
    query, error = _query(request.args)
    preview = None
    if query is not None:
        report = score_report(query)
        preview = (report.columns, list(islice(report.rows(), PREVIEW_ROWS)))
    return render_template("reports/index.html", preview=preview, limit=PREVIEW_ROWS,
                           **_form_context(query, error)), (422 if error else 200)


@bp.route("/export", methods=["POST"])
def export_file():
    query, error = _query(request.form)
    fmt = request.form.get("format")
    if query is None or fmt not in ("xlsx", "csv"):
        return render_template("reports/index.html", preview=None, limit=PREVIEW_ROWS,
                               **_form_context(query, error or _("Choose a paper and a format."))), 422
    started = jobs.start(exporting.export_job, exporting.query_params(query), fmt, current_user.id,
                         owner=current_user, title=_("Score report: %(paper)s", paper=query.paper.title))
    if started.queued:  # the progress page downloads the file when it is made
        return redirect(url_for("jobs.page", job_id=started.job_id))
    made = started.result["file"]
    return send_file(io.BytesIO(made["data"]), as_attachment=True, download_name=made["name"],
                     mimetype=made["mimetype"])


@bp.route("/ranking")
def ranking():
    query, error = _query(request.args)
    if query is None and not error:
        return redirect(url_for("reports.index"))  # no paper chosen (a bookmark, a typed address): choose one there
    if query is None:
        abort(400)
    fields = {"paper": query.paper.key, "cohort": query.cohort.id if query.cohort else "", "pick": query.pick,
              "from": query.start or "", "to": query.end or ""}
    return ranking_html(query, links={"pdf": url_for("reports.ranking_download"), "fields": fields,
                                      "back": url_for("reports.index", **{k: v for k, v in fields.items() if v})})


@bp.route("/ranking.pdf", methods=["POST"])
def ranking_download():
    query, error = _query(request.form)
    if query is None:
        abort(400)
    data = ranking_pdf(query)
    exporting.record_export(current_user, query, "pdf")
    return send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True,
                     download_name=f"ranking-{query.paper.key}.pdf")


def _trainee_in_scope(username: str):
    """The user named in the address, if the signed-in user may see their transcript; else 404, the same answer
    as for a name nobody has (a 403 for a trainee of another class told an instructor the name exists)."""
    user = find_user(username)
    if not may_reach(current_user, user):
        abort(404)
    return user


@bp.route("/transcript/<username>")
def transcript(username):
    user = _trainee_in_scope(username)
    return transcript_html(user, links={"pdf": url_for("reports.transcript_download", username=user.username),
                                        "fields": {}, "back": _back_to_referrer()})


def _back_to_referrer() -> str:
    """Where a print page's back link goes: the page of this site that linked to it (the report, the user's page),
    else the reports page. A print page has no site menu: on a phone it was a dead end."""
    from urllib.parse import urlsplit

    from ..urls import safe_next

    source = urlsplit(request.referrer or "")
    if source.netloc == request.host and source.path:
        back = safe_next(source.path + (f"?{source.query}" if source.query else ""))
        if back:
            return back
    return url_for("reports.index")


@bp.route("/transcript/<username>.pdf", methods=["POST"])
def transcript_download(username):
    user = _trainee_in_scope(username)
    data = transcript_pdf(user)
    record("report.exported", current_user, user.username, {"format": "pdf", "document": "transcript"})
    return send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True,
                     download_name=f"transcript-{user.username}.pdf")


@bp.route("/dashboard")
def dashboard():
    query, error = _query(request.args)
    figures = svg = None
    if query is not None:
        figures = dashboard_figures(query)
        mark = rule_for(query.paper).mark
        svg = {"distribution": charts.histogram(figures.distribution, BUCKETS, _("Score distribution"),
                                                pass_from=int(mark // 10)),
               "trend": charts.line(figures.trend, _("Mean score by week"), mark=mark),
               "areas": charts.hbars(figures.areas, _("Score rate by area"), mark=mark),
               "points": charts.hbars(figures.points, _("Weakest key points"), mark=mark)}
    return render_template("reports/dashboard.html", figures=figures, svg=svg, **_form_context(query, error)), \
        (422 if error else 200)


@bp.app_context_processor
def report_links():
    def ranking_url(query):
        return url_for("reports.ranking", paper=query.paper.key, cohort=query.cohort.id if query.cohort else None,
                       pick=query.pick)

    return {"ranking_url": ranking_url}
