"""Security probe, round 3: figures that count a withheld item, sign-in lock-out by a stranger, unbounded focus
reports, and a 403 that told an instructor a user name exists."""
import json
import re

import pytest
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode, base64_encode

from app import create_app
from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
from app.extensions import db as _db, limiter
from app.models import Cohort, FocusEvent
from tests.api.helpers import bearer, get_token
from tests.conftest import PASSWORD
from tests.exams.factories import make_paper


@pytest.fixture
def throttled(app):
    """``throttled(**config)``: an app with rate limits on (in memory); closed after the test."""
    apps = []

    def make(**config):
        made = create_app({**app.config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://", **config})
        apps.append(made)
        return made

    yield make
    limiter.reset()
    for made in apps:
        with made.app_context():
            _db.session.remove()
            _db.engine.dispose()


# ----------------------------------------------------------------------- 4. 404, never 403, for a person's page
def test_a_transcript_outside_the_instructors_classes_answers_as_an_unknown_name(login, make_user, db):
    """An instructor got 404 for a name nobody has and 403 for a trainee of another class: the status told them
    which user names exist. Both are 404 with the same page, for the print page and the PDF."""
    teacher = make_user("teacher3", roles=("instructor",))
    mine, theirs = make_user("mine3", roles=("trainee",)), make_user("theirs3", roles=("trainee",))
    colleague = make_user("colleague3", roles=("instructor",))
    db.session.add_all([Cohort(name="甲3", members=[teacher, mine, colleague]), Cohort(name="乙3", members=[theirs])])
    db.session.commit()
    c = login(teacher)
    assert c.get("/reports/transcript/mine3").status_code == 200
    unknown = c.get("/reports/transcript/nobody3")
    for name in ("theirs3", "colleague3"):  # a trainee of another class; a non-trainee of my own class
        outside = c.get(f"/reports/transcript/{name}")
        assert outside.status_code == unknown.status_code == 404
        # the same page, but for the address it was asked for (the language switch's way back), when it is
        assert outside.get_data(as_text=True).replace(name, "NAME") == unknown.get_data(as_text=True).replace(
            "nobody3", "NAME")
        pdf, none = c.post(f"/reports/transcript/{name}.pdf"), c.post("/reports/transcript/nobody3.pdf")
        assert pdf.status_code == none.status_code == 404
        assert pdf.get_data(as_text=True).replace(name, "NAME") == none.get_data(as_text=True).replace("nobody3",
                                                                                                       "NAME")


def test_no_view_taking_a_person_or_record_from_the_address_answers_403_for_one_out_of_reach(app, login, make_user,
                                                                                             exam_paper, db):
    """The class: every GET route with an argument in its path, as an instructor and as a trainee who may open
    the route's blueprint, with ids and names of records that exist but are out of their reach (another class's
    trainee, another trainee's attempt) and of records that do not exist: wherever the one that does not exist is
    404, the other is never 403 (it is 404, or shown where the role may see it: review is not per class)."""
    teacher = make_user("teacher5", roles=("instructor",))
    trainee = make_user("trainee5", roles=("trainee",))
    stranger = make_user("stranger5", roles=("trainee",))
    db.session.add_all([Cohort(name="甲5", members=[teacher, trainee]), Cohort(name="乙5", members=[stranger])])
    theirs, _ = start_attempt(stranger, exam_paper)
    db.session.commit()
    real = {"username": "stranger5", "attempt_id": str(theirs.id)}
    fake = {"username": "nobody5", "attempt_id": "987654"}
    checked = []
    for role, user in (("instructor", teacher), ("trainee", trainee)):
        c = login(user)
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or not set(rule.arguments) & set(real) or rule.arguments - set(real):
                continue
            blueprint = rule.endpoint.rpartition(".")[0]
            roles = getattr(app.blueprints.get(blueprint), "required_roles", None)
            if roles is not None and role not in roles:
                continue
            urls = [re.sub(r"<(?:[a-z]+:)?(\w+)>", lambda m, v=v: v[m.group(1)], rule.rule) for v in (real, fake)]
            got = [c.get(url) for url in urls]
            if got[1].status_code == 404:
                checked.append((role, rule.rule))
                assert got[0].status_code != 403, (role, urls[0])  # shown (review: any instructor) or 404
    assert ("instructor", "/reports/transcript/<username>") in checked
    assert ("trainee", "/attempts/<int:attempt_id>/result") in checked
    assert ("trainee", "/api/attempts/<attempt_id>") in checked
