"""``flask users set-password`` and ``flask users import``: added to the ``users`` group of app/cli.py."""
import os
import sys
from pathlib import Path

import click
from flask import current_app


@click.command("set-password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from one line of standard input.")
@click.option("--must-change", is_flag=True, help="Make the user change it at next sign-in.")
def set_password(username, password_stdin, must_change):
    """Set USERNAME's password (prompted unless --password-stdin)."""
    from ..auth.services import find_user
    from ..extensions import db
    from .errors import AdminError
    from .users import reset_password

    user = find_user(username)
    if user is None:
        click.echo(f"error: no user named '{username}'", err=True)
        sys.exit(1)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        reset_password(None, user, password, must_change=must_change)
        db.session.commit()
    except AdminError as exc:
        db.session.rollback()
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"password set for {user.username}")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check every row and report; import nothing.")
@click.option("--passwords", "passwords_file", type=click.Path(dir_okay=False),
              help="Where to write the initial passwords (default: the instance folder).")
@click.option("--create-classes", is_flag=True, help="Create the classes the file names that do not exist yet.")
def import_users(file, dry_run, passwords_file, create_classes):
    """Create the accounts listed in FILE (.xlsx or .csv): all of them, or none if any row has an error."""
    from ..extensions import db
    from .errors import AdminError
    from .importing import apply_import, passwords_csv, plan_import, read_table

    try:
        plan = plan_import(read_table(file, Path(file).read_bytes()), create_classes)
    except AdminError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for problem in plan.problems:
        click.echo(f"error: {problem}", err=True)
    for number, message in plan.errors:
        click.echo(f"row {number}: {message}", err=True)
    if not plan.ok:
        click.echo(f"{len(plan.errors) + len(plan.problems)} error(s): nothing was imported", err=True)
        sys.exit(1)
    if dry_run:
        made = f", {len(plan.new_classes)} new class(es): {', '.join(plan.new_classes)}" if plan.new_classes else ""
        click.echo(f"ok: {len(plan.rows)} user(s) would be imported{made} (dry run: nothing written)")
        return
    try:
        created = apply_import(None, plan)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    target = Path(passwords_file) if passwords_file else \
        Path(current_app.instance_path) / f"initial-passwords-{Path(file).stem}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(passwords_csv(created))
    click.echo(f"imported {len(created)} user(s); initial passwords in {target} (they must change them at first "
               f"sign-in)")


def attach(users_group) -> None:
    users_group.add_command(set_password)
    users_group.add_command(import_users)
