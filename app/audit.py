"""The audit trail: ``record(kind, actor, target, detail)`` adds one event and flushes; the caller's
transaction commits it (a request's edge, or the CLI command). Any package may call it.

Kinds in use: auth.login, auth.login_failed, auth.password_changed, user.created, user.updated, user.roles,
user.disabled, user.enabled, user.password_reset, users.imported, cohort.created, cohort.updated,
cohort.members, cohort.papers, pass_rule.saved, report.exported, audit.exported; other packages are expected to
add grade.override and grade.regrade.
"""
from __future__ import annotations

from .extensions import db
from .models import AuditEvent, utcnow

_TEXT_LIMIT = 200


def _clip(value, limit: int = _TEXT_LIMIT) -> str:
    return str(value or "")[:limit]


def _request_ip() -> str:
    from flask import has_request_context, request

    return _clip(request.remote_addr, 64) if has_request_context() else ""


def record(kind: str, actor=None, target="", detail: dict | None = None) -> AuditEvent:
    """One event. ``actor`` is a User, or None for the system or an anonymous caller (a failed sign-in names the
    attempted user name in ``target``). ``detail`` must be JSON: short facts, never a password."""
    actor_id = getattr(actor, "id", None)
    actor_name = _clip(getattr(actor, "username", "") or "", 64)
    event = AuditEvent(kind=_clip(kind, 40), actor_id=actor_id, actor_name=actor_name, target=_clip(target),
                       detail=dict(detail or {}), ip=_request_ip(), at=utcnow())
    db.session.add(event)
    db.session.flush()
    return event
