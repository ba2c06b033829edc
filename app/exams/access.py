"""Which papers a trainee may sit now: a paper that administrators opened to classes (``CohortPaper`` windows)
is for the members of those classes, inside their windows; a paper opened to no class is for everyone."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from ..extensions import db
from ..models import CohortPaper, Paper, cohort_members


def closed_papers(user, now: datetime) -> set[int]:
    """Ids of the papers restricted to classes that ``user`` may not sit at ``now`` (two queries)."""
    restricted = set(db.session.scalars(select(CohortPaper.paper_id).distinct()))
    if not restricted:
        return set()
    open_to_user = set(db.session.scalars(
        select(CohortPaper.paper_id).join(cohort_members, cohort_members.c.cohort_id == CohortPaper.cohort_id)
        .where(cohort_members.c.user_id == user.id,
               or_(CohortPaper.opens_at.is_(None), CohortPaper.opens_at <= now),
               or_(CohortPaper.closes_at.is_(None), CohortPaper.closes_at > now))))
    return restricted - open_to_user


def may_sit(user, paper: Paper, now: datetime) -> bool:
    return paper.id not in closed_papers(user, now)


def outside_its_classes(user, paper: Paper) -> bool:
    """Whether ``paper`` is opened to classes and none of them is ``user``'s: for that user there is no such paper
    (its intro and start answer 404, as for a draft), where a member outside the window is told it is not open."""
    if db.session.scalar(select(CohortPaper.id).where(CohortPaper.paper_id == paper.id).limit(1)) is None:
        return False
    return db.session.scalar(
        select(CohortPaper.id).join(cohort_members, cohort_members.c.cohort_id == CohortPaper.cohort_id)
        .where(CohortPaper.paper_id == paper.id, cohort_members.c.user_id == user.id).limit(1)) is None
