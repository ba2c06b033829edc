"""``flask report export`` (XLSX/CSV score report) and ``flask report transcript`` (PDF)."""
import sys
from datetime import date

import click
from flask.cli import AppGroup

report_cli = AppGroup("report", help="Score reports (XLSX, CSV) and transcripts (PDF).")


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not a date (YYYY-MM-DD): {value}")


def _fail(message: str):
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


@report_cli.command("export")
@click.option("--paper", "paper_key", required=True, help="The paper's key.")
@click.option("--class", "cohort_name", help="Only this class (班级).")
@click.option("--from", "start", callback=_date, help="First day (YYYY-MM-DD, China time), inclusive.")
@click.option("--to", "end", callback=_date, help="Last day (YYYY-MM-DD, China time), inclusive.")
@click.option("--pick", type=click.Choice(["best", "latest", "first"]), default="best", show_default=True,
              help="Which attempt of each trainee.")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True)
def report_export(paper_key, cohort_name, start, end, pick, fmt, output):
    """Export one row per trainee for a paper (and class, and dates) to OUTPUT."""
    from ..audit import record
    from ..extensions import db
    from ..models import Cohort, Paper
    from .scores import ReportError, ReportQuery, export

    paper = Paper.by_key(paper_key)
    if paper is None:
        _fail(f"no paper with key '{paper_key}'")
    cohort = None
    if cohort_name:
        cohort = db.session.scalar(db.select(Cohort).where(Cohort.name == cohort_name))
        if cohort is None:
            _fail(f"no class named '{cohort_name}'")
    try:
        query = ReportQuery(paper, cohort, start, end, pick)
        rows = export(query, fmt, output)
    except ReportError as exc:
        _fail(str(exc))
    record("report.exported", None, paper.key, {"format": fmt, "class": cohort_name or "", "via": "cli",
                                                "from": str(start or ""), "to": str(end or ""), "pick": pick})
    db.session.commit()
    click.echo(f"wrote {output} ({rows} rows)")


@report_cli.command("transcript")
@click.option("--user", "username", required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True)
def report_transcript(username, output):
    """Write one trainee's transcript (成绩单) as a PDF."""
    from ..auth.services import find_user
    from .documents import transcript_pdf

    user = find_user(username)
    if user is None:
        _fail(f"no user named '{username}'")
    with open(output, "wb") as fh:
        fh.write(transcript_pdf(user))
    click.echo(f"wrote {output}")
