"""Reading the audit trail: filters for the page and a streamed export."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select

from ..extensions import db
from ..grading.messages import N_
from ..models import AuditEvent
from ..reports.cells import CHINA_TIME, china_time
from ..reports.table import DATETIME, TEXT, Column, Sheet


# The query arguments of the audit page's filter form: the only ones its next-page link carries along.
FILTER_ARGS = ("kind", "actor", "target", "from", "to")


@dataclass
class AuditFilter:
    kind: str = ""
    actor: str = ""
    target: str = ""
    start: date | None = None
    end: date | None = None

    def statement(self):
        query = select(AuditEvent)
        if self.kind:
            query = query.where(AuditEvent.kind.startswith(self.kind[:40]))
        if self.actor:
            query = query.where(AuditEvent.actor_name == self.actor[:64])
        if self.target:
            query = query.where(AuditEvent.target.contains(self.target[:200]))
        if self.start:
            query = query.where(AuditEvent.at >= datetime.combine(self.start, time.min, tzinfo=CHINA_TIME))
        if self.end:
            query = query.where(AuditEvent.at < datetime.combine(self.end + timedelta(days=1), time.min,
                                                                 tzinfo=CHINA_TIME))
        return query


def page(flt: AuditFilter, page: int = 1, per_page: int = 100):
    statement = flt.statement()
    total = db.session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    events = db.session.scalars(statement.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
                                .limit(per_page).offset((page - 1) * per_page)).all()
    return events, total


def kinds() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.kind).distinct().order_by(AuditEvent.kind)))


def event_name(kind: str) -> str:
    """An audit event's code (app/audit.py) in the page's language; an unknown one as it is."""
    return {
        "auth.login": _("Signed in"), "auth.login_failed": _("Sign-in failed"),
        "auth.password_changed": _("Password changed"), "user.created": _("User created"),
        "user.updated": _("User's profile changed"), "user.roles": _("User's roles changed"),
        "user.enabled": _("User enabled"), "user.disabled": _("User disabled"), "user.deleted": _("User deleted"),
        "user.password_reset": _("Password reset"), "users.imported": _("Users imported"),
        "cohort.created": _("Class created"), "cohort.updated": _("Class changed"),
        "cohort.members": _("Class members changed"), "cohort.papers": _("Class papers changed"),
        "pass_rule.saved": _("Pass rule saved"), "pass_rule.deleted": _("Pass rule deleted"),
        "report.exported": _("Report exported"), "audit.exported": _("Audit log exported"),
        "grade.comment": _("Marker's comment"), "grade.override": _("Grade overridden"),
        "grade.regrade": _("Regrade"),
    }.get(kind, kind)


def describe(detail: dict) -> str:
    """The event's details as stored, ``key=value; ...``: the export's column, read by scripts and Excel filters."""
    return "; ".join(f"{k}={v}" for k, v in (detail or {}).items())


# The details' keys and coded values as the page shows them (the page showed ``reason=credentials`` in Chinese).
DETAIL_KEYS = {
    "reason": N_("Reason"), "roles": N_("Roles"), "from": N_("Changed from"), "to": N_("Changed to"),
    "must_change": N_("Must change the password"), "was": N_("Was"), "name": N_("Name"), "phone": N_("Phone"),
    "email": N_("E-mail"), "paper": N_("Paper"), "opens": N_("Opens"), "closes": N_("Closes"),
    "removed": N_("Removed"), "added": N_("Added"), "cleared": N_("Cleared"), "mark": N_("Pass mark"),
    "partner": N_("Paired paper"), "rows": N_("Rows"), "kind": N_("Event"), "actor": N_("By"),
    "format": N_("Format"), "class": N_("Class"), "via": N_("Via"), "document": N_("Document"),
    "part": N_("Part"), "point": N_("Point"), "old": N_("Changed from"), "new": N_("Changed to"), "score": N_("Score"),
    "attempt": N_("Attempt"), "pick": N_("Attempt"),
}
DETAIL_VALUES = {
    "credentials": N_("wrong user name or password"), "disabled": N_("account disabled"),
    "trainee": N_("Trainee"), "instructor": N_("Instructor"), "admin": N_("Administrator"),
    "transcript": N_("transcript"), "cli": N_("command line"),
}


def _detail_value(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (list, tuple)):
        return "、".join(_detail_value(item) for item in value)
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and value in DETAIL_VALUES:
        return _(DETAIL_VALUES[value])
    return str(value)


def describe_for_page(detail: dict) -> str:
    """The details in the page's language: ``原因：用户名或密码错误；…``; a key or value with no label as it is."""
    return _("; ").join(_("%(key)s: %(value)s", key=_(DETAIL_KEYS[k]) if k in DETAIL_KEYS else k,
                          value=_detail_value(v)) for k, v in (detail or {}).items())


def export_sheet(flt: AuditFilter) -> Sheet:
    def rows():
        result = db.session.execute(flt.statement().order_by(AuditEvent.at, AuditEvent.id)
                                    .execution_options(yield_per=1000))
        for (event,) in result:
            yield [china_time(event.at), event_name(event.kind), event.kind, event.actor_name, event.target,
                   describe(event.detail), event.ip]

    # The event's name for the reader, its code for a filter in Excel.
    return Sheet("审计日志", [Column("时间", DATETIME, 17), Column("事件", TEXT, 16), Column("事件代码", TEXT, 20),
                          Column("操作人", TEXT, 14), Column("对象", TEXT, 24), Column("详情", TEXT, 60),
                          Column("IP", TEXT, 16)], rows=rows())
