"""Pass rules as an administrator sets them: one paper, or a pair (both must be passed). A paper belongs to at
most one rule, so saving a rule replaces any rule either paper was in."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import or_, select

from ..audit import record
from ..extensions import db
from ..models import Paper, PassRule
from .errors import AdminError


def _check_mark(mark) -> float:
    try:
        mark = float(mark)
    except (TypeError, ValueError):
        raise AdminError(_("A pass mark is a number from 0 to 100."))
    if not 0 <= mark <= 100:
        raise AdminError(_("A pass mark is a number from 0 to 100."))
    return mark


def save_rule(actor, paper: Paper, mark, partner: Paper | None = None, partner_mark=None,
              name: str = "") -> PassRule:
    mark = _check_mark(mark)
    if partner is not None and partner.id == paper.id:
        raise AdminError(_("A paper cannot be its own partner."))
    partner_mark = _check_mark(partner_mark if partner_mark not in (None, "") else 60) if partner else None
    ids = [paper.id] + ([partner.id] if partner else [])
    for old in db.session.scalars(select(PassRule).where(
            or_(PassRule.paper_id.in_(ids), PassRule.partner_paper_id.in_(ids)))):
        db.session.delete(old)
    db.session.flush()
    rule = PassRule(paper_id=paper.id, pass_mark=mark, partner_paper_id=partner.id if partner else None,
                    partner_pass_mark=partner_mark, name=(name or "").strip()[:100])
    db.session.add(rule)
    db.session.flush()
    record("pass_rule.saved", actor, paper.key, {"mark": mark, "partner": partner.key if partner else None,
                                                 "partner_mark": partner_mark})
    return rule


def delete_rule(actor, rule: PassRule) -> None:
    key = rule.paper.key
    db.session.delete(rule)
    db.session.flush()
    record("pass_rule.deleted", actor, key)


def rule_list() -> list[PassRule]:
    return list(db.session.scalars(select(PassRule).join(PassRule.paper).order_by(*Paper.listing_order())))
