"""Classes (班级): members (trainees and their instructors) and the papers a class may sit, with a window.

``papers_open_to(user, now)`` is what the exam side reads: the papers any of the user's classes may sit now.
"""
from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import and_, or_, select

from ..audit import record
from ..extensions import db
from ..models import Cohort, CohortPaper, Paper, User, cohort_members
from .errors import AdminError


def papers_open_to(user, now: datetime) -> list[Paper]:
    """The live papers (active, not drafts) that one of ``user``'s classes may sit at ``now`` (reads only; no side effects)."""
    # The ids first: PostgreSQL cannot DISTINCT over the papers' JSON column.
    open_ids = (select(CohortPaper.paper_id)
                .join(cohort_members, cohort_members.c.cohort_id == CohortPaper.cohort_id)
                .where(cohort_members.c.user_id == user.id,
                       or_(CohortPaper.opens_at.is_(None), CohortPaper.opens_at <= now),
                       or_(CohortPaper.closes_at.is_(None), CohortPaper.closes_at > now)))
    return list(db.session.scalars(select(Paper).where(Paper.is_live(), Paper.id.in_(open_ids))
                                   .order_by(*Paper.listing_order())))


def cohort_list() -> list[Cohort]:
    return list(db.session.scalars(select(Cohort).order_by(Cohort.name)))


def find_cohort(name: str) -> Cohort | None:
    return db.session.scalar(select(Cohort).where(Cohort.name == (name or "").strip()))


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 100 or any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in name):
        raise AdminError(_("A class name has 1 to 100 characters and no control characters."))
    return name


def save_cohort(actor, cohort: Cohort | None, name: str, description: str = "") -> Cohort:
    """Create (``cohort`` None) or rename a class."""
    name = _check_name(name)
    other = find_cohort(name)
    if other is not None and other is not cohort:
        raise AdminError(_("A class named %(name)s exists already.", name=name))
    description = (description or "").strip()[:500]
    if cohort is None:
        cohort = Cohort(name=name, description=description)
        db.session.add(cohort)
        db.session.flush()
        record("cohort.created", actor, name)
        return cohort
    before = cohort.name
    cohort.name, cohort.description = name, description
    db.session.flush()
    record("cohort.updated", actor, name, {"was": before} if before != name else {})
    return cohort


def set_members(actor, cohort: Cohort, users: list[User]) -> None:
    """Make the class's members exactly ``users`` (trainees and instructors alike)."""
    before = {u.username for u in cohort.members}
    cohort.members = list({u.id: u for u in users}.values())
    after = {u.username for u in cohort.members}
    db.session.flush()
    if before != after:
        record("cohort.members", actor, cohort.name,
               {"added": sorted(after - before)[:200], "removed": sorted(before - after)[:200]})


def set_paper_window(actor, cohort: Cohort, paper: Paper, opens_at: datetime | None,
                     closes_at: datetime | None) -> CohortPaper:
    if opens_at and closes_at and closes_at <= opens_at:
        raise AdminError(_("The window must close after it opens."))
    window = db.session.scalar(select(CohortPaper).where(
        and_(CohortPaper.cohort_id == cohort.id, CohortPaper.paper_id == paper.id)))
    if window is None:
        window = CohortPaper(cohort_id=cohort.id, paper_id=paper.id)
        db.session.add(window)
    window.opens_at, window.closes_at = opens_at, closes_at
    db.session.flush()
    record("cohort.papers", actor, cohort.name, {"paper": paper.key, "opens": str(opens_at or ""),
                                                 "closes": str(closes_at or "")})
    return window


def remove_paper(actor, cohort: Cohort, paper: Paper) -> None:
    window = db.session.scalar(select(CohortPaper).where(
        CohortPaper.cohort_id == cohort.id, CohortPaper.paper_id == paper.id))
    if window is not None:
        db.session.delete(window)
        db.session.flush()
        record("cohort.papers", actor, cohort.name, {"paper": paper.key, "removed": True})


def paper_windows(cohort: Cohort) -> list[CohortPaper]:
    return list(db.session.scalars(select(CohortPaper).where(CohortPaper.cohort_id == cohort.id)
                                   .join(Paper).order_by(*Paper.listing_order())))
