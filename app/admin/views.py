"""Administration pages: users, import, classes, pass rules, audit log. Thin: parse, call the operations
(users, importing, classes, passrules, auditlog), render. A rejected change re-renders with its message and a
422, so the request's edge rolls back whatever was flushed."""
from __future__ import annotations

import base64
import binascii
import tempfile

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from .. import jobs
from ..downloads import mark_sent
from ..audit import record
from ..auth.guards import guard_blueprint
from ..auth.services import find_user
from ..extensions import db
from ..edge import column_int
from ..models import ROLES, AuditEvent, Cohort, Paper, PassRule, User
from ..reports.csvfile import write_csv
from . import auditlog, classes, importing, passrules, users
from .errors import AdminError
from .forms import china_date, china_datetime, roles_from

bp = Blueprint("admin", __name__)
guard_blueprint(bp, "admin")


@bp.app_template_filter("role_name")
def role_name(role: str) -> str:
    return {"trainee": _("Trainee"), "instructor": _("Instructor"), "admin": _("Administrator")}.get(role, role)


@bp.app_template_filter("event_kind")
def event_kind(kind: str) -> str:
    return auditlog.event_name(kind)


def _password_page(user, password: str):
    """The page that shows a new password once: never kept by the browser (history, back-forward cache)."""
    response = make_response(render_template("admin/password_once.html", user=user, password=password))
    response.headers["Cache-Control"] = "no-store"
    return response


def _get_or_404(model, ident):
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    return obj


@bp.route("/")
def index():
    counts = {role: db.session.scalar(select(func.count(User.id)).where(User.roles_text.contains(role)))
              for role in ROLES}
    recent = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(10)).all()
    return render_template("admin/index.html", counts=counts, cohorts=classes.cohort_list(), recent=recent,
                           queue=jobs.queue_health())


# ------------------------------------------------------------------------------------------------- users
@bp.route("/users")
def user_list():
    search, role = request.args.get("q", "")[:64], request.args.get("role", "")
    page = max(request.args.get("page", 1, type=column_int) or 1, 1)
    found, total = users.user_page(search, role, page)
    return render_template("admin/users.html", users=found, total=total, page=page, search=search, role=role,
                           roles=ROLES)


@bp.route("/users/new", methods=["GET", "POST"])
def user_new():
    values, error = request.form, None
    if request.method == "POST":
        try:
            user, password = users.create_account(
                current_user, values.get("username", ""), values.get("display_name", ""), roles_from(values),
                values.get("phone", ""), values.get("email", ""))
            for cohort_id in values.getlist("cohorts", type=column_int):
                cohort = db.session.get(Cohort, cohort_id)
                if cohort is not None:
                    cohort.members.append(user)
        except AdminError as exc:
            error = str(exc)
        else:
            return _password_page(user, password)
    return render_template("admin/user_new.html", values=values, error=error, roles=ROLES,
                           cohorts=classes.cohort_list()), (422 if error else 200)


@bp.route("/users/<int:user_id>")
def user_edit(user_id):
    user = _get_or_404(User, user_id)
    return render_template("admin/user_edit.html", user=user, roles=ROLES, has_results=users.has_results(user),
                           error=None)


def _user_action(user_id, action):
    user = _get_or_404(User, user_id)
    try:
        outcome = action(user)
    except AdminError as exc:
        return render_template("admin/user_edit.html", user=user, roles=ROLES,
                               has_results=users.has_results(user), error=str(exc)), 422
    return outcome or redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/users/<int:user_id>/profile", methods=["POST"])
def user_profile(user_id):
    form = request.form

    def action(user):
        users.update_profile(current_user, user, form.get("display_name", ""), form.get("phone", ""),
                             form.get("email", ""))
        flash(_("Saved."), "info")

    return _user_action(user_id, action)


@bp.route("/users/<int:user_id>/roles", methods=["POST"])
def user_roles(user_id):
    def action(user):
        users.set_roles(current_user, user, roles_from(request.form))
        flash(_("Roles saved."), "info")

    return _user_action(user_id, action)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
def user_active(user_id):
    def action(user):
        users.set_active(current_user, user, request.form.get("active") == "1")
        flash(_("Account enabled.") if user.active else _("Account disabled."), "info")

    return _user_action(user_id, action)


@bp.route("/users/<int:user_id>/password", methods=["POST"])
def user_password(user_id):
    def action(user):
        password = users.reset_password(current_user, user)
        return _password_page(user, password)

    return _user_action(user_id, action)


@bp.route("/users/<int:user_id>/delete", methods=["POST"])
def user_delete(user_id):
    def action(user):
        users.delete_account(current_user, user)
        flash(_("Account deleted."), "info")
        return redirect(url_for("admin.user_list"))

    return _user_action(user_id, action)


# ------------------------------------------------------------------------------------------------ import
@bp.route("/users/import", methods=["GET", "POST"])
def user_import():
    """GET: the upload form. POST: a preview of every row with its errors; nothing is written."""
    if request.method == "GET":
        return render_template("admin/import.html", plan=None, error=None, create_classes=True)
    create_classes = request.form.get("create_classes") == "1"
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return render_template("admin/import.html", plan=None, error=_("Choose a file to upload."),
                               create_classes=create_classes), 422
    data = upload.read(importing.MAX_BYTES + 1)
    try:
        plan = importing.plan_import(importing.read_table(upload.filename, data), create_classes)
    except AdminError as exc:
        return render_template("admin/import.html", plan=None, error=str(exc), create_classes=create_classes), 422
    return render_template("admin/import.html", plan=plan, error=None, filename=upload.filename,
                           create_classes=create_classes,
                           payload=base64.b64encode(data).decode("ascii") if plan.ok else "")


@bp.route("/users/import/apply", methods=["POST"])
def user_import_apply():
    """Check the previewed file again and create every account, or none; answer with the passwords file."""
    filename = request.form.get("filename", "")
    create_classes = request.form.get("create_classes") == "1"
    try:
        data = base64.b64decode(request.form.get("payload", ""), validate=True)
    except (binascii.Error, ValueError):
        data = b""
    try:
        if not data:
            raise AdminError(_("Upload the file again."))
        plan = importing.plan_import(importing.read_table(filename, data), create_classes)
        if not plan.ok:
            return render_template("admin/import.html", plan=plan, error=_("The file has errors: nothing was "
                                                                            "imported."), filename=filename,
                                   create_classes=create_classes), 422
    except AdminError as exc:
        return render_template("admin/import.html", plan=None, error=str(exc), create_classes=create_classes), 422
    started = jobs.start(importing.import_job, filename, data, current_user.id, create_classes,
                         owner=current_user, title=_("Importing %(n)d accounts", n=len(plan.rows)), keep_for=3600)
    if started.queued:  # its progress page hands out the passwords file once, when every account is made
        return redirect(url_for("jobs.page", job_id=started.job_id))
    if started.result.get("error"):
        return render_template("admin/import.html", plan=None, error=started.result["error"],
                               create_classes=create_classes), 422
    made = started.result["file"]
    response = send_file(_bytes_file(made["data"]), mimetype=made["mimetype"], as_attachment=True,
                         download_name=made["name"])
    response.headers["Cache-Control"] = "no-store"
    return mark_sent(response)


@bp.route("/users/import/template.xlsx")
def user_import_template():
    return send_file(_bytes_file(importing.template_xlsx()), as_attachment=True,
                     download_name="user-import-template.xlsx",
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _bytes_file(data: bytes):
    import io

    return io.BytesIO(data)


# ----------------------------------------------------------------------------------------------- classes
@bp.route("/classes", methods=["GET", "POST"])
def class_list():
    error = None
    if request.method == "POST":
        try:
            cohort = classes.save_cohort(current_user, None, request.form.get("name", ""),
                                         request.form.get("description", ""))
        except AdminError as exc:
            error = str(exc)
        else:
            return redirect(url_for("admin.class_edit", cohort_id=cohort.id))
    return render_template("admin/classes.html", cohorts=classes.cohort_list(), error=error,
                           values=request.form), (422 if error else 200)


def _class_page(cohort, error=None, status=200):
    """The class's page; after a refused form, that form shows what was typed (``values``), not the stored class."""
    members = sorted(cohort.members, key=lambda u: u.username)
    return render_template(
        "admin/class_edit.html", cohort=cohort, error=error, values=request.form if error else {},
        trainees=[u for u in members if u.has_role("trainee")],
        instructors=[u for u in members if u.has_role("instructor") and not u.has_role("trainee")],
        windows=classes.paper_windows(cohort),
        papers=db.session.scalars(select(Paper).where(Paper.active).order_by(*Paper.listing_order())).all()), status


@bp.route("/classes/<int:cohort_id>", methods=["GET", "POST"])
def class_edit(cohort_id):
    cohort = _get_or_404(Cohort, cohort_id)
    if request.method == "POST":
        try:
            classes.save_cohort(current_user, cohort, request.form.get("name", ""),
                                request.form.get("description", ""))
        except AdminError as exc:
            return _class_page(cohort, str(exc), 422)
        flash(_("Saved."), "info")
        return redirect(url_for("admin.class_edit", cohort_id=cohort.id))
    return _class_page(cohort)


@bp.route("/classes/<int:cohort_id>/members", methods=["POST"])
def class_members(cohort_id):
    """The members as user names, one per line (or separated by spaces or commas)."""
    cohort = _get_or_404(Cohort, cohort_id)
    names = [n for n in request.form.get("members", "").replace(",", " ").replace("，", " ").split() if n][:5000]
    found, unknown = [], []
    for name in names:
        user = find_user(name)
        (found.append(user) if user is not None else unknown.append(name))
    if unknown:
        return _class_page(cohort, _("Unknown user name(s): %(names)s", names=", ".join(unknown[:20])), 422)
    classes.set_members(current_user, cohort, found)
    flash(_("Members saved."), "info")
    return redirect(url_for("admin.class_edit", cohort_id=cohort.id))


@bp.route("/classes/<int:cohort_id>/papers", methods=["POST"])
def class_papers(cohort_id):
    cohort = _get_or_404(Cohort, cohort_id)
    paper = db.session.get(Paper, request.form.get("paper_id", type=column_int) or 0)
    try:
        if paper is None:
            raise AdminError(_("Choose a paper."))
        if request.form.get("remove") == "1":
            classes.remove_paper(current_user, cohort, paper)
        else:
            classes.set_paper_window(current_user, cohort, paper, china_datetime(request.form.get("opens_at")),
                                     china_datetime(request.form.get("closes_at")))
    except AdminError as exc:
        return _class_page(cohort, str(exc), 422)
    flash(_("Saved."), "info")
    return redirect(url_for("admin.class_edit", cohort_id=cohort.id))


# -------------------------------------------------------------------------------------------- pass rules
@bp.route("/pass-rules", methods=["GET", "POST"])
def pass_rules():
    error = None
    if request.method == "POST":
        form = request.form
        try:
            if form.get("delete"):
                rule = db.session.get(PassRule, form.get("delete", type=column_int) or 0)
                if rule is None:
                    abort(404)
                passrules.delete_rule(current_user, rule)
            else:
                paper = db.session.get(Paper, form.get("paper_id", type=column_int) or 0)
                if paper is None:
                    raise AdminError(_("Choose a paper."))
                partner = db.session.get(Paper, form.get("partner_id", type=column_int) or 0)
                passrules.save_rule(current_user, paper, form.get("pass_mark"), partner,
                                    form.get("partner_mark"), form.get("name", ""))
        except AdminError as exc:
            error = str(exc)
        else:
            flash(_("Saved."), "info")
            return redirect(url_for("admin.pass_rules"))
    return render_template("admin/pass_rules.html", rules=passrules.rule_list(), error=error, values=request.form,
                           papers=db.session.scalars(select(Paper).order_by(*Paper.listing_order())).all()), \
        (422 if error else 200)


# ---------------------------------------------------------------------------------------------- audit log
def _audit_filter(source) -> auditlog.AuditFilter:
    return auditlog.AuditFilter(source.get("kind", "").strip(), source.get("actor", "").strip(),
                                source.get("target", "").strip(), china_date(source.get("from")),
                                china_date(source.get("to")))


@bp.route("/audit")
def audit():
    try:
        flt = _audit_filter(request.args)
    except AdminError as exc:
        flt, error = auditlog.AuditFilter(), str(exc)
    else:
        error = None
    page = max(request.args.get("page", 1, type=column_int) or 1, 1)
    events, total = auditlog.page(flt, page)
    # The filter's own arguments only: url_for(**request.args) took ?_external=1&_scheme=javascript as its own
    # options (a javascript: link) and ?_method=x raised (a 500).
    next_args = {k: request.args[k] for k in auditlog.FILTER_ARGS if request.args.get(k)}
    return render_template("admin/audit.html", events=events, total=total, page=page, flt=flt, error=error,
                           kinds=auditlog.kinds(), describe=auditlog.describe_for_page, args=request.args,
                           next_url=url_for("admin.audit", page=page + 1, **next_args)), \
        (422 if error else 200)


@bp.route("/audit/export", methods=["POST"])
def audit_export():
    """The filtered log as CSV (written to a temporary file first: memory stays flat, and the export itself is
    recorded before the response goes)."""
    try:
        flt = _audit_filter(request.form)
    except AdminError as exc:
        flash(str(exc), "error")
        return redirect(url_for("admin.audit"))
    spool = tempfile.TemporaryFile()
    rows = write_csv(spool, auditlog.export_sheet(flt))
    spool.seek(0)
    record("audit.exported", current_user, "audit", {"rows": rows, "kind": flt.kind, "actor": flt.actor})
    return send_file(spool, mimetype="text/csv", as_attachment=True, download_name="audit-log.csv")
