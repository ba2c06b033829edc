"""An outside tester's second probe: every route, as every role, with hostile input and hostile stored data.

Each finding of the probe is a regression test here; the sweeps (every route with hostile query strings and
forms, every page with stored markup) stay as guards for routes added later."""
import re

import pytest

from app.extensions import db
from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
from app.models import Cohort, Paper
from tests.conftest import PASSWORD
from tests.exams.factories import make_paper, seed_bank

XSS = '<script>alert(1)</script>"onmouseover=alert(1) x=\'y'
RAW = ("<script>alert(1)", '"onmouseover=', "'y")  # any of these verbatim in HTML: not escaped


@pytest.fixture
def world(app, make_user):
    """A bank, a paper, a class, a trainee with a submitted attempt and an open one; clients for each role."""
    trainee = make_user("w_trainee", roles=("trainee",), display_name=XSS)
    other = make_user("w_other", roles=("trainee",))
    instructor = make_user("w_instructor", roles=("instructor",), display_name=XSS)
    admin = make_user("w_admin", roles=("admin",))
    seed_bank()
    paper = make_paper()
    cohort = Cohort(name="班" + XSS, description=XSS)
    cohort.members.extend([trainee, instructor])
    db.session.add(cohort)
    done, _ = start_attempt(trainee, paper)
    for item in done.items:
        content = item.version.content
        if content["type"] == "case":
            save_answer(done, item.version.question.key, {p["id"]: XSS for p in content["parts"]})
    submit_attempt(done)
    db.session.commit()
    response_id = next(i.response.id for i in done.items if i.response is not None and i.version.content["type"] == "case")
    values = {"attempt_id": str(done.id), "paper_id": paper.key, "paper_key": paper.key,
              "question_id": "complaints.case", "question_key": "complaints.case", "code": "en",
              "filename": "app.css", "cohort_id": str(cohort.id), "user_id": str(other.id),
              "response_id": str(response_id), "username": trainee.username, "job_id": "nojob"}
    users = {"trainee": trainee, "other": other, "instructor": instructor, "admin": admin}

    def client(role):
        made = app.test_client()
        if role != "anonymous":
            response = made.post("/login", data={"username": users[role].username, "password": PASSWORD})
            assert response.status_code == 302
        return made

    return {"values": values, "client": client, "users": users, "paper": paper, "attempt": done,
            "cohort": cohort}


def _routes(app):
    return sorted(((rule, method) for rule in app.url_map.iter_rules()
                   for method in sorted(rule.methods - {"HEAD", "OPTIONS"}) if rule.endpoint != "static"),
                  key=lambda pair: (pair[0].rule, pair[1]))


def _url(rule, values, endpoint=None) -> str:
    url = rule.rule
    for arg in rule.arguments:
        value = values.get(arg, "1")
        if arg == "key":
            value = values["paper_key"] if "/papers/" in rule.rule else values["question_key"]
        url = re.sub(r"<(?:[a-z]+:)?%s>" % arg, value, url)
    return url


def _role_for(app, endpoint: str) -> str:
    blueprint = endpoint.rpartition(".")[0]
    roles = getattr(app.blueprints.get(blueprint), "required_roles", None)
    if roles is None:
        roles = getattr(app.view_functions[endpoint], "required_roles", ()) or ()
    if blueprint == "api":
        return "trainee"
    for role in ("admin", "instructor", "trainee"):
        if role in roles:
            return role
    return "trainee"


# Query arguments any view reads (request.args.get), with the names url_for reserves for itself.
QUERY_NAMES = ("page", "q", "role", "kind", "actor", "target", "from", "to", "paper", "cohort", "pick", "state",
               "flag", "question", "blind", "topic", "difficulty", "mistakes", "status", "type", "mode", "attempts",
               "job", "next", "format", "retired", "draft", "_scheme", "_external", "_anchor", "_method")
HOSTILE = ("-1", "0", "99999999999999999999", "1e309", "nan", "²", "１", "x" * 5000, XSS, "2026-13-45",
           "../../etc/passwd", "//evil.example/", "javascript:alert(1)")


def _ok(code: int) -> bool:
    return code < 500


def test_hostile_query_strings_on_every_page_are_never_a_500(app, world):
    """Every GET route, as the role it is for, with each hostile value in every query argument the app reads
    (and in url_for's own _scheme/_external/_anchor/_method): a 4xx or a page, never a 500."""
    failures = []
    clients = {}
    for rule, method in _routes(app):
        if method != "GET":
            continue
        role = _role_for(app, rule.endpoint)
        if role not in clients:
            clients[role] = world["client"](role)
        made = clients[role]
        url = _url(rule, world["values"])
        queries = [{name: value for name in QUERY_NAMES if not name.startswith("_")} for value in HOSTILE]
        queries += [{name: value} for name in QUERY_NAMES if name.startswith("_") for value in ("x", "javascript")]
        for query in queries:  # every argument at once, then url_for's own names one by one
            response = made.get(url, query_string=query)
            if not _ok(response.status_code):
                name, value = next(iter(query.items()))
                failures.append((url, name, value[:20], response.status_code))
    assert failures == [], "\n".join(map(str, failures))


def test_the_audit_logs_next_page_link_takes_only_the_filters_from_the_address(admin_client, db):
    """The next-page link was url_for(**request.args): ?_method=x was a 500 (BuildError), and
    ?_external=1&_scheme=javascript&kind=%0aalert(1) made the link javascript://localhost/admin/audit?...%0aalert(1)
    (inert only while the CSP forbids javascript: URLs); unknown arguments were carried along too."""
    from app.audit import record

    for n in range(101):
        record("auth.login_failed", None, f"name{n}")
    db.session.commit()
    assert admin_client.get("/admin/audit?_method=POST").status_code == 200
    page = admin_client.get("/admin/audit?_external=1&_scheme=javascript&_anchor=x&kind=&junk=1")
    assert page.status_code == 200
    links = re.findall(r'href="([^"]*page=2[^"]*)"', page.get_data(as_text=True))
    assert len(links) == 1 and links[0].startswith("/admin/audit?"), links
    assert "javascript" not in links[0] and "#" not in links[0] and "junk" not in links[0]
    kept = admin_client.get("/admin/audit?actor=w&target=name1").get_data(as_text=True)
    link = re.findall(r'href="([^"]*page=2[^"]*)"', kept)
    assert link == [] or ("actor=w" in link[0] and "target=name1" in link[0])


FORM_NAMES = ("active", "answer", "closes_at", "create_classes", "delete", "description", "difficulty",
              "display_name", "email", "explanation", "filename", "format", "go", "id", "kind", "members", "mode",
              "name", "next", "opens_at", "paper", "paper_id", "partner_id", "partner_mark", "pass_mark", "payload",
              "phone", "points", "publish", "question_key", "remove", "retired", "roles", "shuffle_options", "source",
              "stem", "tags", "text", "title", "token", "topic", "track_focus", "try_answer", "try_part", "type",
              "username", "yaml", "cohort", "cohorts", "pick", "from", "to", "time_limit", "max_attempts", "tolerance",
              "kind", "actor", "target", "role", "q", "preview", "part", "state", "download_token",
              "option-A", "option-B", "part-0-id", "part-0-prompt", "part-0-points", "part-0-rubric",
              "part-0-reference", "part-0-order", "part-0-order_points", "part-0-samples", "section-0-title",
              "section-0-mode", "section-0-questions", "section-0-points_each", "section-0-draw_count",
              "section-0-draw_type", "section-0-draw_min", "section-0-draw_max", "section-0-yaml", "c-1", "t-1")
FORM_HOSTILE = ("-1", "99999999999999999999", "1e309", "nan", "²", "１", "x" * 20000, XSS, "2026-13-45T25:61",
                "1")
SKIP_POSTS = {"auth.logout", "auth.login", "api.issue_token"}


def test_hostile_forms_on_every_state_change_are_never_a_500(app, world):
    """Every POST, PUT, PATCH and DELETE route, as the role it is for, with each hostile value in every form
    field any page has (and the editors' numbered fields): a 4xx, a re-rendered form or a redirect, never a 500,
    and no markup of the value echoed unescaped."""
    failures = []
    clients = {}
    routes = sorted(_routes(app), key=lambda pair: pair[0].endpoint.endswith(("delete", "retire")))  # those last
    for rule, method in routes:
        if method not in ("POST", "PUT", "PATCH", "DELETE") or rule.endpoint in SKIP_POSTS:
            continue
        role = _role_for(app, rule.endpoint)
        if role not in clients:
            clients[role] = world["client"](role)
        made = clients[role]
        url = _url(rule, world["values"])
        for value in FORM_HOSTILE:
            response = made.open(url, method=method, data={name: value for name in FORM_NAMES})
            body = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
            if not _ok(response.status_code) or (value == XSS and any(raw in body for raw in RAW)):
                failures.append((method, url, value[:20], response.status_code))
    assert failures == [], "\n".join(map(str, failures))
