"""``flask regrade --paper KEY [--question KEY] [--attempt ID] [--dry-run]`` and ``flask report items --paper KEY``."""
from __future__ import annotations

import csv
import json
import sys

import click
from flask import Flask
from flask.cli import AppGroup

report_cli = AppGroup("report", help="Reports on papers and questions.")


def register(app: Flask) -> None:
    app.cli.add_command(regrade_command)
    group = app.cli.commands.get("report")
    if isinstance(group, click.Group):  # another package made the group first: join it
        group.add_command(items_command)
    else:
        report_cli.add_command(items_command)
        app.cli.add_command(report_cli)


def _paper_or_exit(key: str):
    from ..models import Paper

    paper = Paper.by_key(key)
    if paper is None:
        click.echo(f"error: no paper {key!r}", err=True)
        sys.exit(2)
    return paper


@click.command("regrade")
@click.option("--paper", "paper_key", required=True, help="The paper's key.")
@click.option("--question", "questions", multiple=True, help="Only this question (repeat for several).")
@click.option("--attempt", "attempt_ids", multiple=True, type=click.IntRange(min=1),
              help="Only this attempt's answers (repeat for several).")
@click.option("--dry-run", is_flag=True, help="Report what would change; change nothing.")
@click.option("--progress", is_flag=True, help="Print progress to standard error.")
def regrade_command(paper_key, questions, attempt_ids, dry_run, progress):
    """Grade a paper's finished attempts again with each question's current version; print one JSON object."""
    from ..extensions import db
    from .regrading import regrade_paper, summary

    paper = _paper_or_exit(paper_key)

    def report_progress(done, total):
        if progress and (done == total or done % 100 == 0):
            click.echo(f"{done}/{total}", err=True)

    try:
        report = regrade_paper(paper, questions, dry_run=dry_run, on_progress=report_progress,
                               attempt_ids=attempt_ids)
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    click.echo(json.dumps(summary(report), ensure_ascii=False))


@click.command("items")
@click.option("--paper", "paper_key", required=True, help="The paper's key.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True)
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--all-attempts", is_flag=True, help="Every attempt, not only each trainee's first.")
def items_command(paper_key, fmt, output, all_attempts):
    """Item analysis of a paper (facility, discrimination, key points, reliability) as CSV or XLSX."""
    from ..reach import EVERYONE
    from .analysis_data import analysis_rows
    from .item_analysis import analyse, flat_rows
    from .spreadsheet import neutralise

    paper = _paper_or_exit(paper_key)
    analysis = analyse(analysis_rows(paper, EVERYONE, first_only=not all_attempts))  # the operator's: every class
    rows = [[neutralise(v) for v in row] for row in flat_rows(analysis)]
    if fmt == "csv":
        with open(output, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "items"
        for row in rows:
            sheet.append(row)
        book.save(output)
    click.echo(f"wrote {output}: {len(analysis['items'])} question(s), {analysis['paper']['attempts']} attempt(s)")
