"""The print pages (HTML) and their PDFs: one template each, the same for the browser and the PDF."""
from __future__ import annotations

from flask import render_template

from ..models import utcnow
from .cells import china_time
from .pdf import html_to_pdf
from .scores import ReportQuery
from .transcripts import ranking, transcript


def _printed() -> str:
    return china_time(utcnow()).strftime("%Y-%m-%d")


def transcript_html(user, links: dict | None = None) -> str:
    return render_template("reports/transcript.html", user=user, lines=transcript(user), printed=_printed(),
                           links=links)


def ranking_html(query: ReportQuery, links: dict | None = None) -> str:
    headers, rows = ranking(query)
    return render_template("reports/ranking.html", paper=query.paper, cohort=query.cohort, pick=query.pick,
                           headers=headers, rows=rows, printed=_printed(), links=links)


def transcript_pdf(user) -> bytes:
    return html_to_pdf(transcript_html(user))


def ranking_pdf(query: ReportQuery) -> bytes:
    return html_to_pdf(ranking_html(query))
