"""The score report's file, made in the request or as a background job (``app.jobs.start``): the query travels
as plain data, the file comes back as bytes with its name, and the export is recorded in the audit log either way.
"""
from __future__ import annotations

import tempfile
from datetime import date

from ..audit import record
from ..extensions import db
from ..models import Cohort, Paper, User
from .scores import ReportError, ReportQuery, export

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIMETYPES = {"xlsx": XLSX_TYPE, "csv": "text/csv"}


def query_params(query: ReportQuery) -> dict:
    """The query as data a job can carry."""
    return {"paper": query.paper.id, "cohort": query.cohort.id if query.cohort else None,
            "start": query.start.isoformat() if query.start else None,
            "end": query.end.isoformat() if query.end else None, "pick": query.pick}


def query_from(params: dict) -> ReportQuery:
    paper = db.session.get(Paper, params["paper"])
    if paper is None:
        raise ReportError("the paper is gone")
    cohort = db.session.get(Cohort, params["cohort"]) if params.get("cohort") else None
    day = lambda text: date.fromisoformat(text) if text else None  # noqa: E731
    return ReportQuery(paper, cohort, day(params.get("start")), day(params.get("end")), params.get("pick", "best"))


def record_export(by, query: ReportQuery, fmt: str) -> None:
    """The audit log's line for a downloaded report (xlsx, csv, the ranking's pdf)."""
    record("report.exported", by, query.paper.key, {
        "format": fmt, "class": query.cohort.name if query.cohort else "", "pick": query.pick,
        "from": str(query.start or ""), "to": str(query.end or "")})


def file_name(query: ReportQuery, fmt: str) -> str:
    return f"scores-{query.paper.key}{'-' + query.cohort.name if query.cohort else ''}.{fmt}"


def export_job(params: dict, fmt: str, by_id: int | None) -> dict:
    """Make the file; returns ``{"file": {"name", "mimetype", "data"}}`` and records the export."""
    query = query_from(params)
    with tempfile.TemporaryFile() as spool:  # on disk while it is written: memory stays flat
        export(query, fmt, spool)
        spool.seek(0)
        data = spool.read()
    record_export(db.session.get(User, by_id) if by_id is not None else None, query, fmt)
    return {"file": {"name": file_name(query, fmt), "mimetype": MIMETYPES[fmt], "data": data}}
