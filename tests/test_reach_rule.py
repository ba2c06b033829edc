"""app/reach.py, the one rule for whose work a member of staff reaches: its two forms (one record, a query) agree
for every kind of viewer and user."""
import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Cohort, User
from app.reach import EVERYONE, cohorts_taught, may_reach, reach_condition, teaches_no_class


@pytest.fixture
def people(make_user):
    made = {name: make_user(name, roles=roles) for name, roles in [
        ("admin", ("admin",)), ("teacher", ("instructor",)), ("colleague", ("instructor",)),
        ("lonely", ("instructor",)), ("both", ("instructor", "trainee")), ("pupil", ("trainee",)),
        ("stranger", ("trainee",)), ("twice", ("trainee",)), ("nobody", ("trainee",))]}
    db.session.add_all([Cohort(name="甲班", members=[made[n] for n in ("teacher", "colleague", "both", "pupil", "twice")]),
                        Cohort(name="乙班", members=[made[n] for n in ("stranger", "twice")])])
    db.session.commit()
    return made


EXPECTED = {  # viewer -> the users whose work they reach
    "admin": "all", "teacher": {"both", "pupil", "twice"}, "colleague": {"both", "pupil", "twice"},
    "both": {"both", "pupil", "twice"}, "lonely": set(), "pupil": set(), "nobody": set()}


@pytest.mark.parametrize("viewer", sorted(EXPECTED))
def test_the_record_form_and_the_query_form_of_the_rule_agree(people, viewer):
    everyone = set(people)
    expected = everyone if EXPECTED[viewer] == "all" else EXPECTED[viewer]
    who = people[viewer]
    assert {name for name, user in people.items() if may_reach(who, user)} == expected
    found = db.session.scalars(select(User.username).where(reach_condition(who, User.id)))
    assert set(found) == expected
    assert may_reach(who, None) is False


def test_classes_taught_and_the_operator(people):
    assert [c.name for c in cohorts_taught(people["teacher"])] == ["甲班"]
    assert sorted(c.name for c in cohorts_taught(people["admin"])) == ["乙班", "甲班"]
    assert cohorts_taught(people["pupil"]) == []  # a trainee teaches nothing, even in a class
    assert teaches_no_class(people["lonely"]) and not teaches_no_class(people["teacher"])
    assert not teaches_no_class(people["admin"])
    assert set(db.session.scalars(select(User.username).where(reach_condition(EVERYONE, User.id)))) == set(people)
