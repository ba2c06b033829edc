"""Pass rules: what mark passes a paper, and whether a partner paper must be passed too.

A mark is out of 100: the score as a percentage of the paper's maximum, so the certification's rule (理论知识 and
专业能力 each out of 100, both at least 60) is one rule with a partner. Without a rule a paper passes at 60%.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from ..extensions import db
from ..models import PassRule

DEFAULT_MARK = 60.0
PASSED, FAILED, PENDING = "合格", "不合格", "待定"


@dataclass(frozen=True)
class Rule:
    """The rule as seen from one paper: its own mark, and the partner paper's id and mark if any."""

    mark: float = DEFAULT_MARK
    partner_paper_id: int | None = None
    partner_mark: float | None = None
    name: str = ""


def percent(score: float | None, max_score: float | None) -> float | None:
    if score is None or not max_score:
        return None
    return 100.0 * score / max_score


def rule_for(paper) -> Rule:
    """The rule that applies to ``paper``: its own, or the one naming it as the partner (seen from its side)."""
    stored = db.session.scalar(select(PassRule).where(
        or_(PassRule.paper_id == paper.id, PassRule.partner_paper_id == paper.id)).order_by(
        (PassRule.paper_id != paper.id), PassRule.id))
    if stored is None:
        return Rule()
    if stored.paper_id == paper.id:
        return Rule(stored.pass_mark, stored.partner_paper_id, stored.partner_pass_mark, stored.name)
    return Rule(stored.partner_pass_mark if stored.partner_pass_mark is not None else DEFAULT_MARK,
                stored.paper_id, stored.pass_mark, stored.name)


def verdict(rule: Rule, score, max_score, partner_score=None, partner_max=None) -> str:
    """合格 / 不合格 in words (a black-and-white printout cannot show red and green), 待定 while a score is
    missing (not graded yet, or the partner paper not sat: then it cannot be 合格 yet)."""
    own = percent(score, max_score)
    if own is None:
        return PENDING
    if own + 1e-9 < rule.mark:
        return FAILED
    if rule.partner_paper_id is None:
        return PASSED
    other = percent(partner_score, partner_max)
    if other is None:
        return PENDING
    return PASSED if other + 1e-9 >= (rule.partner_mark if rule.partner_mark is not None else DEFAULT_MARK) \
        else FAILED
