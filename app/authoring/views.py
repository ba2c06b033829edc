"""Instructor pages: the bank browser, the question editor with its live try panel, test responses, bank
exchange, import and papers. Thin: parse, call the operations (browse, editor, trial, ...), render. The request's
edge commits (app/transactions.py); a form with errors is answered 422, so nothing is kept."""
import os

from flask import Blueprint, Response, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.guards import guard_blueprint
from ..qtypes import QUESTION_TYPES
from .. import jobs
from . import browse, editor, exchange as exchanging, forms, importing, marked_answers, papers_admin, services, trial
from ..grading.messages import N_, Message, message_of
from .messages import in_paper_form, in_question_form, translated

bp = Blueprint("authoring", __name__)
guard_blueprint(bp, "instructor", "admin")

TYPE_LABELS = {"single": "Single choice", "multiple": "Multiple choice", "judge": "True/false", "case": "Case analysis"}


LOCATIONS = {"row": "row %(n)s", "paragraph": "paragraph %(n)s", "line": "line %(n)s"}


def location_label(location: str) -> str:
    """A converter's ``row 4`` / ``paragraph 12`` / ``table 1 row 3`` (a Message) in the user's language."""
    if isinstance(location, Message):
        return translated(location)
    word, _sep, number = str(location).partition(" ")
    if word in LOCATIONS and number.isdigit():
        return _(LOCATIONS[word], n=number)
    return str(location)


@bp.app_context_processor
def authoring_helpers():
    return {"type_label": lambda name: _(TYPE_LABELS[name]) if name in TYPE_LABELS else (name or "–"), "stem_preview": browse.stem_preview,
            "location_label": location_label, "paper_open_to_all": papers_admin.open_to_every_trainee}


@bp.app_template_filter("translated")
def translated_filter(message) -> str:
    """A bank checker's message (``p.message``) in the user's language."""
    return translated(message)


@bp.app_template_filter("in_paper_form")
def in_paper_form_filter(message) -> str:
    """A checker's message on the paper editor: translated, each field named as the form labels it."""
    return in_paper_form(message)


@bp.app_template_filter("in_question_form")
def in_question_form_filter(message) -> str:
    """A checker's message on the question editor's form: translated, in the form's words."""
    return in_question_form(message)


def _uploads() -> str:
    """Where bank uploads wait for their confirmation."""
    return current_app.config.get("BANK_UPLOAD_FOLDER") or os.path.join(current_app.instance_path, "bank-uploads")


def _question_or_404(key: str):
    question = browse.get_question(key)
    if question is None or question.current is None:
        abort(404)
    return question


# ------------------------------------------------------------------------------------------------ browser
@bp.route("/")
def index():
    filters = browse.Filters.from_args(request.args)
    questions, total = browse.search(filters)
    pages = max(1, -(-total // browse.PAGE_SIZE))
    return render_template("authoring/index.html", questions=questions, total=total, filters=filters,
                           pages=pages, facets=browse.facets(), papers=services.paper_list())


@bp.route("/questions/<key>")
def question(key):
    q = _question_or_404(key)
    return render_template("authoring/question.html", q=q, view=browse.trainee_view(q.current.content),
                           usage=browse.usage(q), outdated=browse.graded_on_older_versions(q))


@bp.route("/questions/<key>/diff")
def diff(key):
    q = _question_or_404(key)
    newest = q.current.number
    try:
        a = int(request.args.get("a", newest - 1))
        b = int(request.args.get("b", newest))
    except ValueError:
        abort(400)
    old, new = browse.version_of(q, a), browse.version_of(q, b)
    if old is None or new is None:
        abort(404)
    return render_template("authoring/diff.html", q=q, old=old, new=new, lines=browse.diff_versions(old, new))


@bp.route("/questions/<key>/retire", methods=["POST"])
def retire(key):
    q = _question_or_404(key)
    retired = request.form.get("retired") == "1"
    if browse.set_retired(q, retired):
        flash(_("Question retired.") if retired else _("Question restored."), "ok")
    return redirect(url_for(".question", key=q.key))


@bp.route("/questions/<key>/draft", methods=["POST"])
def set_draft(key):
    q = _question_or_404(key)
    draft = request.form.get("draft") == "1"
    if browse.set_draft(q, draft):
        flash(_("Returned to draft: trainees no longer see it.") if draft else
              _("Published: trainees can practise it and papers can draw it."), "ok")
    return redirect(url_for(".question", key=q.key))


# ------------------------------------------------------------------------------------------------- editor
# The question form's fields that show their own problems, by type (edit.html); a problem of any other field (the
# type, say) is listed at the top, never left unshown.
_FORM_FIELDS = {"id", "topic", "difficulty", "tags", "stem", "source"}
_FIELDS_OF_TYPE = {"case": {"parts"}, "judge": {"answer", "points", "explanation"}}
_CHOICE_FIELDS = {"options", "answer", "points", "explanation"}


def _editor_page(values, yaml_text, mode, problems=(), editing=None, status=200):
    grouped = {"fields": {}, "parts": {}, "general": []}
    at_fields = _FORM_FIELDS | _FIELDS_OF_TYPE.get(values.get("type"), _CHOICE_FIELDS)
    for problem in problems:
        if problem.part:
            grouped["parts"].setdefault(problem.part, []).append(problem)
        elif problem.field in at_fields and mode == "form":
            grouped["fields"].setdefault(problem.field, []).append(problem)
        else:
            grouped["general"].append(problem)
    shown = {part.get("id") for part in values.get("parts", [])}
    for part_id in [p for p in grouped["parts"] if p not in shown or mode != "form"]:
        grouped["general"] += grouped["parts"].pop(part_id)
    return render_template("authoring/edit.html", values=values, yaml_text=yaml_text, mode=mode,
                           problems=list(problems), grouped=grouped, editing=editing,
                           types=list(QUESTION_TYPES), letters=forms.OPTION_SLOTS, areas=browse.areas()), status


def _draft_from_request():
    """(content or None, YAML text, form problems) of the editor's request, in either mode."""
    if request.form.get("mode") == "yaml":
        return None, request.form.get("yaml", ""), []
    content, problems = forms.question_from_form(request.form)
    return content, forms.safe_dump(content), problems


@bp.route("/questions/new", methods=["GET", "POST"])
@bp.route("/questions/<key>/edit", methods=["GET", "POST"])
def edit(key=None):
    editing = _question_or_404(key) if key else None
    mode = request.values.get("mode", "form")
    mode = mode if mode in ("form", "yaml") else "form"
    if request.method == "GET":
        if editing is not None:
            content = editing.current.content
        else:
            kind = request.args.get("type", "case")
            content = {"type": kind if kind in QUESTION_TYPES else "case", "difficulty": 3}
        values = forms.form_values(content)
        text = forms.safe_dump(content) if editing is not None else forms.skeleton_yaml(content["type"])
        return _editor_page(values, text, mode, editing=editing)
    content, text, form_problems = _draft_from_request()
    checked = editor.check_question_text(text, editing)
    problems = [editor.Problem(0, message) for message in form_problems] + forms.without_echoes(form_problems,
                                                                                              checked.problems)
    if problems or not checked.ok:
        values = forms.values_from_form(request.form) if mode == "form" else forms.form_values(content)
        return _editor_page(values, text, mode, problems, editing, status=422)
    publish = request.form.get("publish") == "1"
    q, version = editor.save_question(checked.content, current_user.id, editing, publish=publish)
    if version is None:
        flash(_("Nothing changed: the question is as it was."), "info")
    elif editing is None:
        flash(_("Saved and published: trainees can practise it and papers can draw it.") if publish else
              _("Saved as a draft: trainees do not see it until you publish it."), "ok")
    else:
        flash(_("Saved as version %(n)s.", n=version.number), "ok")
    return redirect(url_for(".question", key=q.key))


@bp.route("/try", methods=["POST"])
def try_answer():
    """The live panel: grade what the author typed against the draft part (never saved, never the live Grader)."""
    part_id = request.form.get("try_part", "")
    if request.form.get("mode") == "yaml":
        from ..bank.yamlsource import plain, read_yaml

        data, _problems = read_yaml(request.form.get("yaml", "")[:editor.MAX_YAML], "question.yaml")
        content, unread = (plain(data) if isinstance(data, dict) else {}), []
    else:
        content, form_problems = forms.question_from_form(request.form)
        unread = forms.problems_of_part(form_problems, part_id)
    reply = trial.try_answer(content, part_id, request.form.get("try_answer", ""))
    said = translated if request.form.get("mode") == "yaml" else in_question_form
    if reply.get("error") == "no_part":
        return jsonify(error="no_part", message=_("Give the part an id first.")), 400
    if reply.get("error") == "bad_text":
        return jsonify(error="bad_text", message=_("The answer is too long or holds characters that cannot be "
                                                   "stored.")), 400
    result = reply["result"]
    result["reasons"] = [translated(r) if isinstance(r, Message) else _(trial.REASONS[r]) for r in result["reasons"]]
    if unread:  # key points that cannot be read: that is the problem ("no key points", "uncertain" follow from it)
        result.update(error=None, flags=[], reasons=[])
        reply["problems"] = [said(m) for m in unread]
    else:  # what saving would refuse, when the rubric grades (its own error says the rest)
        reply["problems"] = [] if result.get("error") else [said(m) for m in trial.part_problems(content, part_id)]
    if result.get("error"):
        result["error"] = said(result["error"])
    return jsonify(reply)


# ------------------------------------------------------------------------------------------ test responses
@bp.route("/questions/<key>/test-responses", methods=["GET", "POST"])
def test_responses(key):
    q = _question_or_404(key)
    if q.type != "case":
        abort(404)
    parts = q.current.content.get("parts", [])
    part_id = request.values.get("part") or (parts[0]["id"] if parts else "")
    part = trial.find_part(q.current.content, part_id)
    if part is None:
        abort(404)
    try:
        tolerance = float(request.values.get("tolerance", "1"))
    except ValueError:
        tolerance = -1
    report, error = None, None
    if request.method == "POST":
        upload = request.files.get("file")
        if not 0 <= tolerance <= float(part.get("points", 10)):
            error = _("The tolerance must be a number from 0 to the part's points.")
        elif upload is None or not upload.filename:
            error = _("Choose a CSV or XLSX file.")
        else:
            try:
                rows = marked_answers.read_marked(upload.filename, upload.read(), float(part.get("points", 10)))
                report = marked_answers.compare(part, rows, tolerance, q.current.content.get("stem"))
            except marked_answers.MarkedFileError as exc:
                error = _(exc.message, **exc.params)
    return render_template("authoring/test_responses.html", q=q, parts=parts, part=part, tolerance=tolerance,
                           report=report, error=error), (422 if error else 200)


# ------------------------------------------------------------------------------------------- bank exchange
@bp.route("/exchange", methods=["GET", "POST"])
def exchange():
    preview, token, error = None, "", None
    if request.method == "POST":
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            error = _("Choose a .yaml file or a .zip of them.")
        else:
            try:
                token, preview = exchanging.stage(_uploads(), current_user.id, upload.filename,
                                                  upload.read())
            except exchanging.UploadError as exc:
                error = _(str(exc))
    elif request.args.get("job"):  # back from a queued import: what it did
        outcome = (jobs.status(request.args["job"], current_user) or {}).get("result") or {}
        if outcome.get("summary"):
            flash(_import_message(outcome["summary"]), "ok")
        elif outcome.get("error"):
            refusal = outcome["error"]  # one of UploadError's messages, translated here
            error = _(refusal)
    status = 422 if error or (preview is not None and not preview.ok) else 200
    return render_template("authoring/exchange.html", preview=preview, token=token, error=error,
                           moodle=importing.available()), status


def _upload_error(exc: Exception) -> str:
    """An UploadError's message in the user's language: a Message (the converters' reasons), else one of the English
    texts the catalogue holds."""
    message = message_of(exc)
    return translated(message) if isinstance(message, Message) else _(message)


def _import_message(summary: dict) -> str:
    return _("Imported: %(a)s added, %(c)s changed, %(u)s unchanged questions; %(pa)s papers added, %(pc)s changed.",
             a=summary["added"], c=summary["changed"], u=summary["unchanged"], pa=summary["papers_added"],
             pc=summary["papers_changed"])


@bp.route("/exchange/apply", methods=["POST"])
def exchange_apply():
    started = jobs.start(exchanging.apply_job, _uploads(), current_user.id, request.form.get("token", ""),
                         current_user.id, owner=current_user, title=_("Bank import"),
                         next_url=url_for(".exchange"))
    if started.queued:
        return redirect(url_for("jobs.page", job_id=started.job_id))
    refusal = started.result.get("error")
    if refusal:
        flash(_(refusal), "error")
        return redirect(url_for(".exchange"))
    flash(_import_message(started.result["summary"]), "ok")
    return redirect(url_for(".index"))


@bp.route("/exchange/bank.zip")
def bank_zip():
    return Response(exchanging.bank_zip(), mimetype="application/zip",
                    headers={"Content-Disposition": "attachment; filename=bank.zip"})


@bp.route("/exchange/moodle.xml")
def moodle_xml():
    if not importing.available():
        abort(404)
    from ..bank.moodle import moodle_xml as to_moodle

    return Response(to_moodle(exchanging.live_contents()), mimetype="application/xml",
                    headers={"Content-Disposition": "attachment; filename=bank-moodle.xml"})


# --------------------------------------------------------------------------------------------------- import
@bp.route("/import", methods=["GET", "POST"])
def import_page():
    preview, error = None, None
    if request.method == "POST":
        upload = request.files.get("file")
        pasted = request.form.get("text", "")
        topic = (request.form.get("topic") or "").strip()[:50]
        try:
            if upload is not None and upload.filename:
                preview = importing.stage_import(_uploads(), current_user.id, upload.filename,
                                                 upload.read(), topic)
            elif pasted.strip():
                if len(pasted) > importing.MAX_PASTE:
                    raise exchanging.UploadError(Message(N_("The text is too long.")))
                preview = importing.stage_import(_uploads(), current_user.id, "pasted.txt",
                                                 pasted, topic)
            else:
                error = _("Choose a file or paste the questions.")
        except exchanging.UploadError as exc:
            error = _upload_error(exc)
    status = 422 if error or (preview is not None and not preview.ok) else 200
    return render_template("authoring/import.html", preview=preview, error=error,
                           available=importing.available()), status


@bp.route("/import/confirm", methods=["POST"])
def import_confirm():
    return exchange_apply()


_TEMPLATE_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@bp.route("/import/template.xlsx", defaults={"kind": "xlsx"})
@bp.route("/import/template.docx", defaults={"kind": "docx"})
def import_template(kind):
    if not importing.available():
        abort(404)
    return Response(importing.template_bytes(kind), mimetype=_TEMPLATE_TYPES[kind],
                    headers={"Content-Disposition": f"attachment; filename=question-template.{kind}"})


# --------------------------------------------------------------------------------------------------- papers
def _paper_or_404(key):
    from ..models import Paper

    paper = Paper.by_key(key)
    if paper is None:
        abort(404)
    return paper


@bp.route("/papers")
def papers():
    rows = [(paper, papers_admin.draw_check(paper)) for paper in papers_admin.paper_list()]
    return render_template("authoring/papers.html", rows=rows)


@bp.route("/papers/new", methods=["GET", "POST"])
@bp.route("/papers/<key>/edit", methods=["GET", "POST"])
def paper_edit(key=None):
    editing = _paper_or_404(key) if key else None
    if request.method == "GET":
        values = papers_admin.form_values(editing.definition if editing else None)
        return render_template("authoring/paper_edit.html", values=values, editing=editing, problems=[],
                               types=papers_admin.TYPES, areas=browse.areas())
    definition, unreadable = papers_admin.definition_from_form(request.form, editing.definition if editing else None)
    checked = papers_admin.check_definition(definition, editing)
    if checked.definition is None or unreadable:
        return render_template("authoring/paper_edit.html", values=papers_admin.form_values(definition),
                               editing=editing, problems=unreadable + checked.problems,
                               types=papers_admin.TYPES, areas=browse.areas()), 422
    publish = editing is None and request.form.get("publish") == "1"
    paper, changed, refused = papers_admin.save_paper(checked.definition, editing, publish=publish)
    if editing is not None:
        flash(_("Paper saved.") if changed else _("Nothing changed: the paper is as it was."), "ok")
    elif refused is not None:
        flash(_("Paper saved as a draft. %(why)s", why=translated(refused)), "error")
    elif publish:
        flash(_("Paper saved and published: trainees can sit it."), "ok")
    else:
        flash(_("Paper saved as a draft: trainees do not see it until you publish it."), "ok")
    return redirect(url_for(".paper_preview", key=paper.key))


@bp.route("/papers/<key>/draft", methods=["POST"])
def set_paper_draft(key):
    paper = _paper_or_404(key)
    draft = request.form.get("draft") == "1"
    changed, refused = papers_admin.set_draft(paper, draft)
    if refused is not None:
        flash(translated(refused), "error")
    elif changed:
        flash(_("Paper returned to draft: trainees no longer see it.") if draft else
              _("Paper published: trainees can sit it."), "ok")
    return redirect(url_for(".paper_preview", key=paper.key))


@bp.route("/papers/<key>/active", methods=["POST"])
def set_paper_active(key):
    paper = _paper_or_404(key)
    active = request.form.get("active") == "1"
    changed, still_open = papers_admin.set_active(paper, active)
    if changed and active:
        flash(_("Paper back in use: trainees can sit it.") if paper.live else
              _("Paper back in use, still a draft: publish it when it is ready."), "ok")
    elif changed:
        flash(_("Paper withdrawn: nobody can start it any more; results stay, and the %(n)s attempt(s) still open "
                "may be submitted.", n=still_open) if still_open else
              _("Paper withdrawn: nobody can start it any more; results stay."), "ok")
    return redirect(url_for(".paper_preview", key=paper.key))


@bp.route("/papers/<key>/preview")
def paper_preview(key):
    paper = _paper_or_404(key)
    exam, error = None, None
    try:
        exam = papers_admin.exam_page(papers_admin.preview_payload(paper))
    except papers_admin.ExamError as exc:
        error = str(exc)
    return render_template("authoring/paper_preview.html", paper=paper, exam=exam, error=error,
                           checks=papers_admin.draw_check(paper))


@bp.route("/attempts")
def attempts():
    return render_template("authoring/attempts.html", rows=services.recent_attempts(current_user))
