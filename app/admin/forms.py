"""Parsing the administration forms: plain functions that return values or raise AdminError (the global
CSRFProtect checks every POST's token)."""
from __future__ import annotations

from datetime import date, datetime

from flask_babel import gettext as _

from ..models import ROLES
from ..reports.cells import CHINA_TIME
from .errors import AdminError


def roles_from(form) -> set[str]:
    roles = {r for r in form.getlist("roles") if r in ROLES}
    if not roles:
        raise AdminError(_("Choose at least one known role."))
    return roles


def china_datetime(text: str) -> datetime | None:
    """A datetime-local field (China time) as an aware datetime; empty -> None."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise AdminError(_("Not a date and time: %(value)s", value=text[:40]))
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA_TIME)
    return value


def china_date(text: str) -> date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise AdminError(_("Not a date (YYYY-MM-DD): %(value)s", value=text[:40]))


def local_input(value: datetime | None) -> str:
    """The value for a datetime-local input, in China time."""
    return value.astimezone(CHINA_TIME).strftime("%Y-%m-%dT%H:%M") if value else ""
