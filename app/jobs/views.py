"""The progress of a background job its owner waits for: a page with a progress bar (polled by static/jobs.js),
the same as JSON, and the file an export job made. Thin: ``app.jobs.status`` decides what a user may see."""
from __future__ import annotations

import io

from flask import Blueprint, abort, jsonify, render_template, send_file, url_for
from flask_login import current_user

from ..auth.guards import guard_blueprint
from . import file_of, forget, status

bp = Blueprint("jobs", __name__)
guard_blueprint(bp, "instructor", "admin")  # who starts jobs; each job is shown to its owner (and admins) only


def _public(data: dict) -> dict:
    """What the page and its script may read: the state and progress, where to go next, the file's address."""
    result = data["result"] if isinstance(data["result"], dict) else {}
    total, done = data["total"], data["done"]
    return {"id": data["id"], "state": data["state"], "title": data["title"], "done": done, "total": total,
            "percent": round(100 * done / total) if total else (100 if data["state"] == "finished" else 0),
            "next": _next_url(data),
            "download": url_for("jobs.download", job_id=data["id"]) if result.get("file") else None,
            "summary": result.get("summary"), "error": result.get("error")}


def _next_url(data: dict) -> str | None:
    target = data.get("next")
    if not target or data["state"] not in ("finished", "refused"):
        return None
    return f"{target}{'&' if '?' in target else '?'}job={data['id']}"


@bp.route("/<job_id>")
def page(job_id: str):
    data = status(job_id, current_user)
    if data is None:
        abort(404)
    return render_template("jobs/progress.html", job=_public(data))


@bp.route("/<job_id>.json")
def state(job_id: str):
    data = status(job_id, current_user)
    if data is None:
        return jsonify(error="no such job"), 404
    return jsonify(_public(data))


@bp.route("/<job_id>/file")
def download(job_id: str):
    data = status(job_id, current_user)
    made = file_of(data) if data is not None else None
    if made is None:
        abort(404)
    if made.get("once"):
        forget(job_id)  # secrets (initial passwords) are handed out once, as in the request
    # send_file writes the name for every browser (RFC 6266 filename*: a class's Chinese name, quotes)
    response = send_file(io.BytesIO(made["data"]), mimetype=made["mimetype"], as_attachment=True,
                         download_name=made["name"])
    response.headers["Cache-Control"] = "no-store"
    return response
