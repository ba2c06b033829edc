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
        # the same page, but for the address it was asked for (the language switch's way back) and the CSRF
        # token's time stamp (a second may pass between the two)
        assert _page(outside, name) == _page(unknown, "nobody3")
        pdf, none = c.post(f"/reports/transcript/{name}.pdf"), c.post("/reports/transcript/nobody3.pdf")
        assert pdf.status_code == none.status_code == 404
        assert _page(pdf, name) == _page(none, "nobody3")


def _page(response, name: str) -> str:
    text = response.get_data(as_text=True).replace(name, "NAME")
    return re.sub(r'(name="csrf[-_]token"[^>]*?(?:content|value)=")[^"]*"', r'\1TOKEN"', text)


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
# ------------------------------------------------------------------------- 1. figures counting a withheld item
def _sat_then_retake(trainee, exam_paper, db):
    first, _ = start_attempt(trainee, exam_paper)
    save_answer(first, "complaints.m0", ["A", "C"])
    save_answer(first, "etiquette.j0", True)
    save_answer(first, "complaints.case", {"a": "道歉", "b": "回访"})
    submit_attempt(first)
    db.session.commit()
    retake, _ = start_attempt(trainee, exam_paper)
    db.session.commit()
    return first, retake


def test_no_section_area_or_total_of_an_earlier_result_counts_a_withheld_item(trainee, trainee_client, exam_paper,
                                                                              db):
    """The paper's 判断 section is one question: during a retake the item was withheld but its section's total,
    its area's figure and the attempt's total (minus the items shown) were its score. Each figure that counts a
    withheld item is withheld too, on the page and in the API; the others stay."""
    first, retake = _sat_then_retake(trainee, exam_paper, db)
    result = trainee_client.get(f"/api/attempts/{first.id}").get_json()["result"]
    held = {item["question"] for item in result["items"] if item.get("withheld")}
    assert {"etiquette.j0", "complaints.m0", "complaints.case"} <= held
    assert result["withheld"] is True and result["score"] is None and result["percent"] is None
    assert result["passed"] is None and result["max_score"] == first.max_score
    by_section = {}
    for item in result["items"]:
        by_section.setdefault(item["section"], []).append(item)
    assert len(by_section[2]) == 1 and by_section[2][0]["question"] == "etiquette.j0"  # the one-item section
    for section in result["sections"]:
        hidden = any(it["question"] in held for it in by_section[section["index"]])
        assert section["withheld"] is hidden, section
        assert (section["score"] is None) is hidden, section
        assert section["max"] == sum(it["points"] for it in by_section[section["index"]])
    topics = {}
    for item in result["items"]:
        topics.setdefault(item["topic"], []).append(item)
    for area in result["areas"]:
        hidden = any(it["question"] in held for it in topics[area["topic"]])
        assert area["withheld"] is hidden and (area["score"] is None) is hidden and (area["percent"] is None) is hidden
    assert any(a["withheld"] for a in result["areas"])
    # no score of a withheld item anywhere in the answer, under any name
    for item in result["items"]:
        if item["question"] in held:
            assert "score" not in item

    page = trainee_client.get(f"/attempts/{first.id}/result").get_data(as_text=True)
    row = re.search(r'<th scope="row">判断</th><td class="num">([^<]*)</td>', page)
    assert row is not None and row.group(1).strip().startswith("—"), row
    assert 'class="total-score">—<' in page and "交卷后才显示总分" in page
    pass_line = re.search(r'id="pass-line">(.*?)</p>', page, re.S).group(1)
    assert "tag" not in pass_line and "及格线" in pass_line  # the line, not whether it was reached

    submit_attempt(retake)
    db.session.commit()
    result = trainee_client.get(f"/api/attempts/{first.id}").get_json()["result"]
    assert result["withheld"] is False and result["score"] == first.score
    assert all(s["score"] is not None and not s["withheld"] for s in result["sections"])
    judge = next(s for s in result["sections"] if s["index"] == 2)
    assert judge["score"] == next(it["score"] for it in result["items"] if it["question"] == "etiquette.j0")


def test_history_progress_and_dashboard_withhold_the_scores_that_count_a_withheld_item(trainee, trainee_client,
                                                                                       exam_paper, db):
    """The same figures reach the trainee through history (its page and /api/history), the progress chart and
    per-area mastery (/api/progress, the dashboard) and the best score (/api/dashboard): each subtracted from a
    later figure gave the withheld item's score back."""
    first, retake = _sat_then_retake(trainee, exam_paper, db)
    before = trainee_client.get("/api/progress").get_json()  # the retake's own items are not counted: open
    history = {h["id"]: h for h in trainee_client.get("/api/history").get_json()["attempts"]}
    assert history[first.id]["withheld"] is True and history[first.id]["score"] is None
    assert history[first.id]["percent"] is None and history[retake.id]["score"] is None
    scores = {s["attempt"]: s for s in before["scores"]}
    assert scores[first.id]["withheld"] is True and scores[first.id]["percent"] is None
    # the withheld items' areas are counted without them: 投诉处理 (the multiple and the case) has none left
    assert "投诉处理" not in {a["topic"] for a in before["areas"] if a["exam"]}
    paper = next(p for p in trainee_client.get("/api/dashboard").get_json()["papers"] if p["key"] == exam_paper.key)
    assert paper["best"] is None and paper["best_withheld"] is True
    page = trainee_client.get("/history").get_data(as_text=True)
    assert f"<strong>{first.score:g}</strong>" not in page and "交卷进行中的考试后显示" in page

    submit_attempt(retake)
    db.session.commit()
    history = {h["id"]: h for h in trainee_client.get("/api/history").get_json()["attempts"]}
    assert history[first.id]["withheld"] is False and history[first.id]["score"] == first.score
    after = trainee_client.get("/api/progress").get_json()
    assert "投诉处理" in {a["topic"] for a in after["areas"] if a["exam"]}
    paper = next(p for p in trainee_client.get("/api/dashboard").get_json()["papers"] if p["key"] == exam_paper.key)
    assert paper["best"] == max(first.score, retake.score) and paper["best_withheld"] is False


# ------------------------------------------------------------------------------------- 3. focus reports bounded
@pytest.fixture
def tracked_attempt(trainee, exam_bank, db):
    paper = make_paper("tracked3", track_focus=True)
    attempt, _ = start_attempt(trainee, paper)
    db.session.commit()
    return attempt


def test_an_attempt_stores_at_most_focus_events_kept_rows_but_counts_every_loss(app, client, trainee,
                                                                                 tracked_attempt, db):
    """Every POST /api/attempts/<id>/focus stored a row: a script could grow the table without end."""
    app.config["FOCUS_EVENTS_KEPT"] = 3
    auth = bearer(get_token(client, trainee))
    answers = [client.post(f"/api/attempts/{tracked_attempt.id}/focus", headers=auth).get_json() for _ in range(5)]
    assert [a["focus_losses"] for a in answers] == [1, 2, 3, 4, 5]
    assert all(a["recorded"] for a in answers)
    assert db.session.query(FocusEvent).filter_by(attempt_id=tracked_attempt.id).count() == 3
    db.session.expire_all()
    submit_attempt(tracked_attempt)
    db.session.commit()
    assert client.get(f"/api/attempts/{tracked_attempt.id}", headers=auth).get_json()["result"]["focus_losses"] == 5
    closed = client.post(f"/api/attempts/{tracked_attempt.id}/focus", headers=auth).get_json()
    assert closed == {"recorded": False, "focus_losses": 5}


def test_focus_reports_are_limited_per_trainee(throttled, make_user, trainee, tracked_attempt):
    made = throttled(FOCUS_RATE_LIMIT="3 per minute")
    client = made.test_client()
    auth = bearer(get_token(client, trainee))
    url = f"/api/attempts/{tracked_attempt.id}/focus"
    assert [client.post(url, headers=auth).status_code for _ in range(4)] == [200, 200, 200, 429]
    other = bearer(get_token(client, make_user("calm3")))
    assert client.post(url, headers=other).status_code == 404  # not theirs, but not limited by the first one's count


# ------------------------------------------------------------------------------- 2. device cookies at sign-in
def _login(client, username, password=PASSWORD):
    return client.post("/login", data={"username": username, "password": password})


def test_a_stranger_exhausting_the_account_limit_does_not_lock_out_its_owner_on_their_device(throttled, make_user):
    """LOGIN_RATE_LIMIT was per account only: ten wrong passwords for a trainee's name from anywhere locked the
    trainee out. A browser that signed in to the account before (its device cookie) has a bucket of its own."""
    make_user("victim3")
    made = throttled()
    owner = made.test_client()
    signed_in = _login(owner, "victim3")
    assert signed_in.status_code == 302
    cookie = next(c for c in signed_in.headers.getlist("Set-Cookie") if c.startswith("device="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie  # plain HTTP here
    owner.post("/logout")

    attacker = made.test_client()
    codes = [_login(attacker, "victim3", "wrong password").status_code for _ in range(11)]
    assert codes[:10] == [200] * 10 and codes[10] == 429
    assert _login(attacker, "victim3").status_code == 429  # the attacker stays limited, even with the password
    assert _login(made.test_client(), "victim3").status_code == 429  # and any browser without the cookie

    assert _login(owner, "victim3").status_code == 302  # the owner, on their device, signs in
    owner.post("/logout")
    # the device's own bucket is limited too: wrong passwords from it count there
    device_codes = [_login(owner, "victim3", "wrong password").status_code for _ in range(11)]
    assert device_codes[:10] == [200] * 10 and device_codes[10] == 429


def test_a_forged_or_another_accounts_device_cookie_gives_no_bucket_of_its_own(throttled, make_user):
    make_user("victim4"), make_user("mallory4")
    made = throttled()
    attacker = made.test_client()
    own = _login(attacker, "mallory4")  # the attacker's device cookie names the attacker's account
    assert own.status_code == 302
    genuine = attacker.get_cookie("device").value
    attacker.post("/logout")
    codes = [_login(attacker, "victim4", "wrong password").status_code for _ in range(11)]
    assert codes[10] == 429  # the cookie for mallory4 counted in victim4's shared bucket
    payload, stamp, signature = genuine.split(".")
    nonce = json.loads(base64_decode(payload))[1]
    retargeted = ".".join([base64_encode(json.dumps(["victim4", nonce]).encode()).decode(), stamp, signature])
    other_key = URLSafeTimedSerializer("another-secret", salt="device-cookie").dumps(["victim4", nonce])
    for forged in ("victim4", retargeted, genuine[:-2] + "xx", other_key, "x" * 2000):
        attacker.set_cookie("device", forged)
        assert _login(attacker, "victim4").status_code == 429, forged[:40]


def test_the_token_endpoint_honours_and_issues_device_cookies_too(throttled, make_user):
    make_user("apivictim")
    made = throttled()
    owner = made.test_client()
    assert owner.post("/api/auth/token", json={"username": "apivictim", "password": PASSWORD}).status_code == 200
    assert owner.get_cookie("device") is not None
    attacker = made.test_client()
    codes = [attacker.post("/api/auth/token", json={"username": "apivictim", "password": "wrong-pass"}).status_code
             for _ in range(11)]
    assert codes[:10] == [401] * 10 and codes[10] == 429
    assert owner.post("/api/auth/token", json={"username": "apivictim", "password": PASSWORD}).status_code == 200
    assert _login(owner, "apivictim").status_code == 302  # the same device, through the form


def test_the_device_cookie_is_secure_behind_https(app, make_user):
    make_user("secure3")
    response = app.test_client().post("/login", data={"username": "secure3", "password": PASSWORD},
                                      base_url="https://localhost")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("device="))
    assert "Secure" in cookie and "HttpOnly" in cookie
