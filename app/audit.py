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


def _clean(text: str) -> str:
    """Storable on every backend: no NUL (PostgreSQL refuses it), no lone surrogate (not UTF-8)."""
    text = text.replace("\x00", "\ufffd")
    return text.encode("utf-8", "replace").decode("utf-8") if any(0xD800 <= ord(c) <= 0xDFFF for c in text) \
        else text


def _clip(value, limit: int = _TEXT_LIMIT) -> str:
    return _clean(str(value or "")[:limit])


def _clean_detail(value):
    if isinstance(value, str):
        return _clean(value[:2000])
    if isinstance(value, dict):
        return {_clean(str(k)[:100]): _clean_detail(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean_detail(v) for v in value]
    return value


def _request_ip() -> str:
    from flask import has_request_context, request

    return _clip(request.remote_addr, 64) if has_request_context() else ""


def record(kind: str, actor=None, target="", detail: dict | None = None) -> AuditEvent:
    """One event. ``actor`` is a User, or None for the system or an anonymous caller (a failed sign-in names the
    attempted user name in ``target``). ``detail`` must be JSON: short facts, never a password."""
    actor_id = getattr(actor, "id", None)
    actor_name = _clip(getattr(actor, "username", "") or "", 64)
    event = AuditEvent(kind=_clip(kind, 40), actor_id=actor_id, actor_name=actor_name, target=_clip(target),
                       detail=_clean_detail(dict(detail or {})), ip=_request_ip(), at=utcnow())
    db.session.add(event)
    db.session.flush()
    return event
