"""How the pages show times, durations and codes: the centre's time zone, "1 小时 17 分", and Chinese words (through
Babel) for question types, attempt statuses and roles. Registered as template filters by ``exams.views`` for every
page (trainee and staff alike)."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app
from markupsafe import Markup
from flask_babel import gettext as _

DEFAULT_TIMEZONE = "Asia/Shanghai"


# Codes as words, built per call so that the request's language applies (and pybabel finds the literals).
def _type_names() -> dict:
    return {"single": _("Single choice"), "multiple": _("Multiple choice"), "judge": _("True or false"),
            "case": _("Case analysis")}


def _status_names() -> dict:
    return {"started": _("In progress"), "submitted": _("Submitted"), "expired": _("Submitted when time ran out")}


def _role_names() -> dict:
    return {"trainee": _("Trainee"), "instructor": _("Instructor"), "admin": _("Administrator")}


def _zone_names() -> dict:
    return {"Asia/Shanghai": _("Beijing time")}


def centre_zone() -> ZoneInfo:
    """The training centre's time zone (config ``CENTRE_TIMEZONE``); an unknown name falls back to the default."""
    name = current_app.config.get("CENTRE_TIMEZONE") or DEFAULT_TIMEZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def _as_datetime(value) -> datetime | None:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def when(value) -> str:
    """A compact timestamp in the centre's time zone (stored times are UTC)."""
    if value is None or value == "":
        return ""
    moment = _as_datetime(value)
    if moment is None:
        return str(value)
    return moment.astimezone(centre_zone()).strftime("%Y-%m-%d %H:%M")


def when_element(value) -> Markup | str:
    """``when`` as the pages show it: a ``<time>`` element that never wraps (a phone broke 2026-12-08 at its hyphen,
    "下次复习 2026-" on one line and "12-08" on the next). The text is ``when``'s; SVG text and attributes take
    ``when_text``, the plain text."""
    text = when(value)
    moment = _as_datetime(value) if text else None
    if moment is None:
        return text
    return Markup('<time class="when" datetime="%s">%s</time>') % (moment.astimezone(timezone.utc).isoformat(), text)


def zone_label() -> str:
    """The zone's name as people say it, with its UTC offset: 北京时间（UTC+8）."""
    zone = centre_zone()
    offset = datetime.now(zone).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    return _("%(zone)s (%(utc)s)", zone=_zone_names().get(zone.key, zone.key), utc=utc)


def duration(seconds) -> str:
    """Seconds as words: 1 小时 17 分 / 5 分 30 秒 / 45 秒 (never the ambiguous 1:17)."""
    if seconds is None or seconds == "":
        return "–"
    try:
        seconds = max(int(seconds), 0)
    except (TypeError, ValueError):
        return "–"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("%(h)d h %(m)d min", h=hours, m=minutes)
    if minutes:
        return _("%(m)d min %(s)d s", m=minutes, s=secs) if secs else _("%(m)d min", m=minutes)
    return _("%(s)d s", s=secs)


def type_name(code) -> str:
    return _type_names().get(code, str(code))


def status_name(code) -> str:
    return _status_names().get(code, str(code))


def role_names(codes) -> str:
    """Roles as words, in the order trainee, instructor, admin, joined with the language's list comma."""
    names = _role_names()
    order = list(names)
    ranked = sorted(codes or (), key=lambda c: order.index(c) if c in order else len(order))
    return _(", ").join(names.get(c, str(c)) for c in ranked)


_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|[#*_`>|\[\]]+")
_SPACE = re.compile(r"\s+")


def question_name(stem, topic="", length: int = 30) -> str:
    """A name a person can read for a question: the start of its stem (no Markdown), else its area. Never the
    bank slug (``gas.ppm-meaning``)."""
    text = _SPACE.sub(" ", _MARKUP.sub("", str(stem or ""))).strip()
    if not text:
        return str(topic or "")
    return text if len(text) <= length else text[:length].rstrip() + "…"


def attempt_score(attempt) -> str:
    """An attempt's score for staff tables: "42 / 100", 评分中 while its grading job waits, — while it is open."""
    if attempt.score is not None:
        return "%g / %g" % (attempt.score, attempt.max_score)
    return _("Grading") if attempt.awaiting_grade else "—"
