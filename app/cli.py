"""Command-line interface: ``flask bank ...``, ``flask grade``, ``flask users ...``."""
import json
import os
import secrets
import sys
from collections import Counter
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from .jobs.cli import register_cli as register_jobs_cli
from .bank import BankError, load_bank
from .bank.cues import cue_report

bank_cli = AppGroup("bank", help="Validate, import, export, test and count the YAML question bank.")
users_cli = AppGroup("users", help="Create and list user accounts.")
attempts_cli = AppGroup("attempts", help="Exam attempts: finish and grade the overdue ones.")


def register(app: Flask) -> None:
    app.cli.add_command(bank_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(attempts_cli)
    app.cli.add_command(grade_command)
    from .reports.cli import report_cli; app.cli.add_command(report_cli)
    from .admin.cli import attach; attach(users_cli)
    from .review.cli import register as register_review; register_review(app)  # noqa: E702
    register_jobs_cli(app)


def _print_problems(exc: BankError) -> None:
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(exc.problems)} problem(s) found", err=True)


def _default_bank() -> str:
    return current_app.config["BANK_PATH"]


# --------------------------------------------------------------------------------------------------- bank
@bank_cli.command("validate")
@click.argument("path", type=click.Path(exists=True))
def bank_validate(path):
    """Check PATH (a bank folder or file); print every problem as file:line: message."""
    try:
        bank = load_bank(path)
    except BankError as exc:
        _print_problems(exc)
        sys.exit(1)
    click.echo(f"ok: {len(bank.questions)} questions, {len(bank.papers)} papers, {len(bank.synonyms)} synonym sets")


@bank_cli.command("import")
@click.argument("path", type=click.Path(exists=True))
def bank_import(path):
    """Import PATH into the database in one transaction: all of it or nothing."""
    from .authoring.services import import_bank, load_for_import
    from .extensions import db

    try:
        bank = load_for_import(path)
        report = import_bank(bank)
        db.session.commit()
    except BankError as exc:
        db.session.rollback()
        _print_problems(exc)
        click.echo("nothing was imported", err=True)
        sys.exit(1)
    except Exception:
        db.session.rollback()
        raise
    click.echo(report.summary())
    for key in report.changed:
        click.echo(f"  changed: {key}")


@bank_cli.command("export")
@click.argument("directory", type=click.Path(file_okay=False), required=False)
@click.option("--format", "output_format", type=click.Choice(["yaml", "moodle-xml"]), default="yaml",
              show_default=True, help="yaml: a bank folder that imports back unchanged; moodle-xml: one file.")
@click.option("-o", "--output", type=click.Path(), help="The folder (yaml) or file (moodle-xml) to write.")
def bank_export(directory, output_format, output):
    """Write the database's bank to DIRECTORY as YAML, or with --format moodle-xml to the file -o FILE."""
    from .authoring.services import export_bank, question_list

    target = output or directory
    if target is None:
        raise click.UsageError("give the output: DIRECTORY (yaml) or -o FILE")
    if output_format == "yaml":
        for path in export_bank(target):
            click.echo(f"wrote {path}")
        return
    from .bank.moodle import moodle_xml

    contents = [q.current.content for q in question_list() if q.live and q.current]
    path = Path(target)
    path.write_bytes(moodle_xml(sorted(contents, key=lambda c: (c["topic"], c["id"]))))
    kinds = Counter(c["type"] for c in contents)
    parts = sum(len(c.get("parts", [])) for c in contents if c["type"] == "case")
    click.echo(f"wrote {path}: {len(contents)} questions ({kinds['single'] + kinds['multiple']} multichoice, "
               f"{kinds['judge']} truefalse, {parts} essay from {kinds['case']} case questions)")


@bank_cli.command("convert")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The YAML file to write.")
@click.option("--topic", help="The area (知识点) of items whose row or paragraph names none.")
@click.option("--prefix", help="Ids are PREFIX-1, PREFIX-2...; default import.<file name>-N.")
def bank_convert(file, output, topic, prefix):
    """Convert an Excel, CSV, Word, text, GIFT or Aiken FILE to the bank's YAML.

    Every row, paragraph or line that cannot be read is listed with its reason; then nothing is written.
    """
    import os
    import tempfile

    from .bank.convert import UnsupportedFormat, convert
    from .bank.writer import dump

    try:
        result = convert(Path(file), Path(file).name, topic=topic, prefix=prefix)
    except UnsupportedFormat as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if not result.ok or not result.questions:
        if result.ok:
            click.echo("no questions found", err=True)
        click.echo(f"{len(result.problems)} problem(s) found; nothing was written", err=True)
        sys.exit(1)
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".yaml", dir=target.parent)
    try:  # checked as the bank will read it, then moved into place: a failure leaves no file behind
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(dump({"questions": result.questions}))
        load_bank(temporary)
        os.replace(temporary, target)
    except BankError as exc:
        _print_problems(exc)
        click.echo("nothing was written", err=True)
        sys.exit(1)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    kinds = Counter(q["type"] for q in result.questions)
    click.echo(f"wrote {target}: {len(result.questions)} questions (single {kinds['single']}, "
               f"multiple {kinds['multiple']}, judge {kinds['judge']})")


@bank_cli.command("stats")
@click.argument("path", type=click.Path(exists=True), required=False)
def bank_stats(path):
    """Count questions, case parts and papers by type and area; print the objective items' cue checks."""
    try:
        bank = load_bank(path or _default_bank())
    except BankError as exc:
        _print_problems(exc)
        sys.exit(1)
    questions = list(bank.questions.values())
    by_type = Counter(q["type"] for q in questions)
    parts = sum(len(q.get("parts", [])) for q in questions)
    click.echo(f"questions: {len(questions)}")
    for qtype in ("case", "single", "multiple", "judge"):
        click.echo(f"  {qtype}: {by_type.get(qtype, 0)}")
    click.echo(f"case parts: {parts}")
    click.echo(f"objective items: {sum(by_type.get(t, 0) for t in ('single', 'multiple', 'judge'))}")
    click.echo(f"samples: {sum(len(p.get('samples', [])) for q in questions for p in q.get('parts', []))}")
    papers = Counter(p.get("kind", "mock") for p in bank.papers.values())
    click.echo(f"papers: {len(bank.papers)} (mock {papers.get('mock', 0)}, practice {papers.get('practice', 0)})")
    click.echo("by area (case parts / objective items):")
    areas: dict = {}
    for q in questions:
        cases, objective = areas.setdefault(q["topic"], [0, 0])
        if q["type"] == "case":
            areas[q["topic"]][0] += len(q["parts"])
        else:
            areas[q["topic"]][1] += 1
    for topic, (cases, objective) in sorted(areas.items(), key=lambda kv: -sum(kv[1])):
        click.echo(f"  {topic}: {cases} / {objective}")
    for line in cue_report(questions).lines():
        click.echo(line)


@bank_cli.command("test")
@click.argument("path", type=click.Path(exists=True), required=False)
@click.option("--verbose", "-v", is_flag=True, help="Also print each sample's answer and the points it earned.")
@click.option("--cross", is_flag=True,
              help="Also grade every part against other questions' reference answers (they should earn ≤10%).")
def bank_test(path, verbose, cross):
    """Grade every reference and sample answer of PATH and compare with the expected score."""
    from .grading import Grader
    from .bank.overlaps import declared_pairs
    from .grading.samples import cross_check, cross_lines, run_samples

    try:
        bank = load_bank(path or _default_bank())
    except BankError as exc:
        _print_problems(exc)
        sys.exit(1)
    grader = Grader(bank.synonyms, parts=bank.case_parts())
    report = run_samples(bank.questions, grader)
    for line in report.lines(verbose=verbose):
        click.echo(line)
    if cross:
        tried, hits = cross_check(bank.questions, grader, declared=declared_pairs(bank.questions))
        for line in cross_lines(tried, hits, limit=None if verbose else 40):
            click.echo(line)
    sys.exit(0 if report.ok else 1)


# --------------------------------------------------------------------------------------------------- grade
@click.command("grade")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--bank", "bank_path", type=click.Path(exists=True),
              help="Bank folder for question ids and synonyms (default: the bundled bank).")
@click.option("--db", "use_db", is_flag=True, help="Grade question ids against the database's current versions.")
def grade_command(file, bank_path, use_db):
    """Grade JSON lines from FILE ('-' for standard input); write one JSON line per answer."""
    from .grading import Grader
    from .grading.batch import grade_lines

    if use_db:
        from .authoring.services import part_lookup, stem_lookup
        from .scoring import current_grader

        grader, lookup, stems = current_grader(), part_lookup(), stem_lookup()
    else:
        try:
            bank = load_bank(bank_path or _default_bank())
        except BankError as exc:
            _print_problems(exc)
            sys.exit(2)
        grader, lookup = Grader(bank.synonyms, parts=bank.case_parts()), bank.part

        def stems(question_id: str):
            return (bank.questions.get(question_id) or {}).get("stem")
    failed = 0
    out = sys.stdout
    for result in grade_lines(file, grader, lookup, stems):
        if "error" in result:
            failed += 1
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        click.echo(f"{failed} line(s) could not be graded", err=True)
        sys.exit(1)


# --------------------------------------------------------------------------------------------------- users
@users_cli.command("create")
@click.argument("username")
@click.option("--role", "roles", multiple=True, type=click.Choice(["trainee", "instructor", "admin"]),
              default=["trainee"], show_default=True, help="Repeat for several roles.")
@click.option("--name", "display_name", default="", help="Display name.")
@click.option("--password-stdin", is_flag=True, help="Read the password from one line of standard input.")
def users_create(username, roles, display_name, password_stdin):
    """Create a user; prompts for the password unless --password-stdin."""
    from .auth.services import AccountError, create_user
    from .extensions import db
    from .models import DomainError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(username, password, roles, display_name)
        db.session.commit()
    except (AccountError, DomainError) as exc:
        db.session.rollback()
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"created {user.username} ({', '.join(sorted(user.roles))})")


@users_cli.command("list")
def users_list():
    """List users with their roles."""
    from .admin.services import user_list

    for user in user_list():
        state = "" if user.active else " (disabled)"
        click.echo(f"{user.username}\t{' '.join(sorted(user.roles))}{state}")


@users_cli.command("demo")
@click.option("--file", "out_file", type=click.Path(dir_okay=False),
              help="Also write the accounts to this file (default: demo-accounts.txt in the instance folder).")
def users_demo(out_file):
    """Create demo accounts (trainee, instructor, admin) with fresh random passwords, and print them.

    The passwords are generated on this machine, so no known password survives into a deployment.
    Running it again resets the demo passwords.
    """
    from .auth.services import create_user, find_user
    from .extensions import db

    lines = []
    for username, roles, name in (("trainee", ["trainee"], "演示学员"),
                                  ("instructor", ["instructor"], "演示讲师"),
                                  ("admin", ["admin", "instructor"], "演示管理员")):
        password = secrets.token_urlsafe(9)
        user = find_user(username)
        if user is None:
            create_user(username, password, roles, name)
        else:
            user.set_password(password)
        lines.append(f"{username:<11} {password}   ({', '.join(roles)})")
    db.session.flush()
    # A class with the demo trainee and instructor, so the instructor's score reports have someone to show
    # (a class restricts no paper until the administrator opens one for it).
    from .models import Cohort

    cohort = db.session.scalar(db.select(Cohort).where(Cohort.name == "演示班"))
    if cohort is None:
        cohort = Cohort(name="演示班", description="演示账号 trainee 和 instructor")
        db.session.add(cohort)
    for username in ("trainee", "instructor"):
        member = find_user(username)
        if member not in cohort.members:
            cohort.members.append(member)
    db.session.commit()
    target = Path(out_file) if out_file else Path(current_app.instance_path) / "demo-accounts.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    # Owner-only before a byte is written: created 0600, and an existing file made 0600 before it is truncated
    # (write_text then chmod left the passwords readable by every local user in between, or for good).
    fd = os.open(target, os.O_WRONLY | os.O_CREAT, 0o600)
    os.fchmod(fd, 0o600)
    os.ftruncate(fd, 0)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    click.echo("Demo accounts (username, password):")
    for line in lines:
        click.echo("  " + line)
    click.echo(f"(also saved in {target})")


# ------------------------------------------------------------------------------------------------ attempts
@attempts_cli.command("expire")
def attempts_expire():
    """Finish and grade every started attempt whose deadline has passed (run it from cron every few minutes)."""
    from .exams.lifecycle import expire_overdue
    from .extensions import db

    try:
        count = expire_overdue()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    click.echo(f"expired {count} attempt(s)")
