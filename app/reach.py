"""Whose work a member of staff may see and mark: the one rule for the reports, the marking pages and their exports.

- An administrator reaches every trainee.
- An instructor reaches the trainees enrolled in a class they teach (a class they are a member of).
- Anyone else reaches nobody.

A trainee is a user with the trainee role (``trainee_condition``). A class's trainees (``class_trainees``) are its
members with that role: what a report, count or list limited to one class covers, whoever asks. The other members
(the instructors who teach it, a user whose trainee role was removed) are not among them, even when they sat a
paper.

An attempt, and each of its responses, is reached when its trainee is. Whatever is out of reach is answered as if
it did not exist (404 for a page, a download or a POST; left out of a list and of the counts shown with it), so
that nobody learns from the answer whether a trainee or an attempt of another class exists.

Two forms of the same rule, built from one query: ``reach_condition`` for a SELECT (lists, counts, exports) and
``may_reach`` / ``may_reach_attempt`` for one record. The command line and background jobs, which act for the
operator, pass ``EVERYONE``.
"""
from __future__ import annotations

from sqlalchemy import false, select, true

from .extensions import db
from .models import Attempt, Cohort, User, cohort_members

EVERYONE = object()  # the viewer of a command or job run by the operator: no restriction


def sees_everyone(viewer) -> bool:
    return viewer is EVERYONE or viewer.has_role("admin")


def cohorts_taught(viewer) -> list[Cohort]:
    """The classes an instructor teaches (is a member of), by name; an administrator's are every class."""
    if sees_everyone(viewer):
        return list(db.session.scalars(select(Cohort).order_by(Cohort.name)))
    if not viewer.has_role("instructor"):
        return []
    return list(db.session.scalars(select(Cohort).join(cohort_members, cohort_members.c.cohort_id == Cohort.id)
                                   .where(cohort_members.c.user_id == viewer.id).order_by(Cohort.name)))


def teaches_no_class(viewer) -> bool:
    """An instructor with no class reaches nobody: their lists are empty, and the pages say why."""
    return not sees_everyone(viewer) and not cohorts_taught(viewer)


def trainee_condition():
    """A WHERE condition on ``User``: the user has the trainee role, as the rule reads it."""
    return User.roles_text.contains("trainee")


def class_trainees(cohort_id):
    """The ids of one class's trainees (its members with the trainee role), as a subquery: the rows a report or
    list filtered by that class keeps. Within reach of an instructor who teaches the class, and of an
    administrator."""
    return (select(cohort_members.c.user_id).join(User, User.id == cohort_members.c.user_id)
            .where(cohort_members.c.cohort_id == cohort_id, trainee_condition()))


def _reachable_ids(viewer):
    """The ids of the trainees an instructor reaches, as a subquery (the viewer is not an administrator)."""
    taught = select(cohort_members.c.cohort_id).where(cohort_members.c.user_id == viewer.id)
    enrolled = cohort_members.alias("enrolled")
    return (select(enrolled.c.user_id).join(User, User.id == enrolled.c.user_id)
            .where(enrolled.c.cohort_id.in_(taught), trainee_condition()))


def reach_condition(viewer, user_id_column):
    """A WHERE condition keeping the rows whose trainee (``user_id_column``, e.g. ``Attempt.user_id``) the
    viewer reaches."""
    if sees_everyone(viewer):
        return true()
    if not viewer.has_role("instructor"):
        return false()
    return user_id_column.in_(_reachable_ids(viewer))


def may_reach(viewer, trainee: User | None) -> bool:
    """Whether the viewer may see this user's work (their transcript, attempts and answers)."""
    if trainee is None:
        return False
    if sees_everyone(viewer):
        return True
    if not viewer.has_role("instructor"):
        return False
    found = _reachable_ids(viewer).where(User.id == trainee.id).limit(1)
    return db.session.scalar(found) is not None


def may_reach_attempt(viewer, attempt: Attempt | None) -> bool:
    return attempt is not None and may_reach(viewer, attempt.user)


def attempt_checker(viewer):
    """``may_reach_attempt`` for many attempts (the rows of a marking sheet): one query per distinct trainee."""
    known: dict[int, bool] = {}

    def check(attempt: Attempt | None) -> bool:
        if attempt is None:
            return False
        if attempt.user_id not in known:
            known[attempt.user_id] = may_reach(viewer, attempt.user)
        return known[attempt.user_id]

    return check


def reachable_attempt_ids(viewer, attempt_ids) -> set[int]:
    """Those of ``attempt_ids`` that exist and that the viewer reaches."""
    ids = list(attempt_ids)
    if not ids:
        return set()
    return set(db.session.scalars(select(Attempt.id).where(Attempt.id.in_(ids),
                                                           reach_condition(viewer, Attempt.user_id))))
