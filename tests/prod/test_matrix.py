"""The access and input matrix, generated from the app's URL map: every route, as anonymous, its owner (a
trainee), another trainee, an instructor and an admin, gets the code its rule says. A route without a rule
fails here, on any branch: a view is public (``auth.guards.public``), or carries ``required_roles``
(``auth.guards.signed_in``, the API's ``roles_required``), or belongs to a blueprint guarded by ``guard_blueprint``.

Codes: anonymous on a guarded page -> 302 to the sign-in page, on the API -> 401; a wrong role -> 403; the right
role -> neither (and never a 5xx); a resource of the owner (``attempt_id``) opened by anyone else -> 404. Input:
NUL in a path argument or the query string -> 400, deep or unstorable JSON -> 400, for everyone.
"""
import pytest

from app import create_app
from app.api.base import PUBLIC as API_PUBLIC
from app.extensions import db
from app.exams.lifecycle import start_attempt
from tests.conftest import PASSWORD
from tests.exams.factories import make_paper, seed_bank

ACTORS = ("anonymous", "owner", "other", "instructor", "admin")
ROLES = {"owner": "trainee", "other": "trainee", "instructor": "instructor", "admin": "admin"}
OWNED_ARGS = {"attempt_id"}  # a URL naming one of these belongs to its trainee

_APP = create_app({"SECRET_KEY": "matrix", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
ROUTES = sorted((rule.rule, method, rule.endpoint) for rule in _APP.url_map.iter_rules()
                for method in sorted(rule.methods - {"HEAD", "OPTIONS"}))


def access_rule(app, endpoint: str):
    """'public', or the tuple of roles allowed (empty: any signed-in user); None when there is no rule."""
    if endpoint == "static" or endpoint in API_PUBLIC:
        return "public"
    view = app.view_functions[endpoint]
    if getattr(view, "public", False):
        return "public"
    if hasattr(view, "required_roles"):
        return tuple(view.required_roles)
    blueprint = app.blueprints.get(endpoint.rpartition(".")[0])
    if blueprint is not None and hasattr(blueprint, "required_roles"):
        return tuple(blueprint.required_roles)
    return None


@pytest.fixture
def world(app, make_user):
    """Users of every role, a bank, a paper and the owner's open attempt; a client per actor."""
    users = {actor: make_user(f"m_{actor}", roles=(role,)) for actor, role in ROLES.items()}
    seed_bank()
    paper = make_paper()
    attempt, _ = start_attempt(users["owner"], paper)
    db.session.commit()
    values = {"attempt_id": str(attempt.id), "paper_id": paper.key, "paper_key": paper.key,
              "question_id": attempt.items[0].version.question.key,
              "question_key": attempt.items[0].version.question.key, "code": "en", "filename": "app.css"}

    def client(actor):
        made = app.test_client()
        if actor != "anonymous":
            response = made.post("/login", data={"username": users[actor].username, "password": PASSWORD})
            assert response.status_code == 302
        return made

    return values, client


def _url(rule: str, values: dict, override: dict | None = None) -> str:
    rule_obj = next(r for r in _APP.url_map.iter_rules() if r.rule == rule)
    url = rule
    for arg in rule_obj.arguments:
        value = (override or {}).get(arg, values.get(arg, "1"))
        url = url.replace(f"<{arg}>", value)
        for converter in ("int", "path", "string"):
            url = url.replace(f"<{converter}:{arg}>", value)
    return url


def _call(client, method: str, url: str, **kwargs):
    response = client.open(url, method=method, **kwargs)
    response.close()
    return response


def test_every_route_has_an_access_rule():
    missing = sorted({endpoint for _, _, endpoint in ROUTES if access_rule(_APP, endpoint) is None})
    assert missing == [], f"routes without an access rule (public, role_required or guard_blueprint): {missing}"


@pytest.mark.parametrize("rule,method,endpoint", ROUTES, ids=[f"{m} {r}" for r, m, _ in ROUTES])
def test_route_answers_each_actor_by_its_rule(app, world, rule, method, endpoint):
    values, client = world
    allowed = access_rule(app, endpoint)
    assert allowed is not None, f"{endpoint} has no access rule"
    api = rule.startswith("/api/")
    owned = any(f"<{arg}>" in rule or f":{arg}>" in rule for arg in OWNED_ARGS)
    url = _url(rule, values)
    seen = {}
    for actor in ACTORS:
        if endpoint == "auth.logout" and actor != "anonymous":
            continue  # signs the actor out everywhere: checked below, last
        response = _call(client(actor), method, url, json={} if api and method != "GET" else None)
        code = seen[actor] = response.status_code
        assert code < 500, (actor, code)
        if allowed == "public":
            assert code not in (401, 403), (actor, code)
        elif actor == "anonymous":
            if api:
                assert code == 401, (actor, code)
            else:
                assert code == 302 and "/login" in response.headers["Location"], (actor, code)
        elif allowed and ROLES[actor] not in allowed:
            assert code == 403, (actor, code)
        elif owned and actor != "owner" and (not allowed or "trainee" in allowed):
            assert code == 404, (actor, code)  # another's attempt does not exist for you (staff pages show it)
        else:
            assert code not in (401, 403), (actor, code)
    if endpoint == "auth.logout":
        assert _call(client("owner"), method, url).status_code == 302


@pytest.mark.parametrize("rule,method,endpoint", ROUTES, ids=[f"{m} {r}" for r, m, _ in ROUTES])
def test_route_refuses_unstorable_input(app, world, rule, method, endpoint):
    values, client = world
    allowed = access_rule(app, endpoint)
    actor = "anonymous" if allowed == "public" else next(
        (a for a in ("owner", "instructor", "admin") if not allowed or ROLES[a] in allowed), "owner")
    made = client(actor)
    url = _url(rule, values)
    assert _call(made, method, url + "?q=a%00b").status_code in (400, 404), "NUL in the query string"
    string_args = [a for a in next(r for r in _APP.url_map.iter_rules() if r.rule == rule).arguments
                   if f"<{a}>" in rule or f"<path:{a}>" in rule]
    for arg in string_args:
        code = _call(made, method, _url(rule, values, {arg: "a%00b"})).status_code
        assert code in (400, 404), (arg, code)
    if method in ("POST", "PUT", "PATCH", "DELETE"):
        deep = _call(made, method, url, data="[" * 5000 + "]" * 5000, content_type="application/json")
        assert deep.status_code == 400
        bad = _call(made, method, url, data='{"answer": "\\ud800", "question": "\\u0000"}',
                    content_type="application/json")
        assert bad.status_code == 400


def test_every_state_change_needs_the_csrf_token(app, world):
    """Every POST, PUT, PATCH and DELETE route, as each signed-in role, with cookie authentication and no token
    (a form, then JSON): 400, never done. The sign-in page and the language switch are public but change the
    session, so they are checked too; bearer calls to the API carry no cookie and are outside this test."""
    values, client = world
    app.config["WTF_CSRF_ENABLED"] = True
    clients = {}
    for actor in ("owner", "instructor", "admin"):
        made = client("anonymous")
        page = made.get("/login").get_data(as_text=True)
        token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        response = made.post("/login", data={"username": f"m_{actor}", "password": PASSWORD, "csrf_token": token})
        assert response.status_code == 302
        clients[actor] = made
    clients["anonymous"] = client("anonymous")
    checked = 0
    for rule, method, endpoint in ROUTES:
        if method not in ("POST", "PUT", "PATCH", "DELETE") or endpoint == "api.issue_token":
            continue  # the token endpoint reads no cookie: it is a sign-in with the password in the body
        url = _url(rule, values)
        for actor, made in clients.items():
            for body in ({"data": {"x": "1"}}, {"json": {"x": 1}}):
                code = _call(made, method, url, **body).status_code
                assert code == 400 or (actor == "anonymous" and code in (302, 401)), (method, rule, actor, code)
                checked += 1
    assert checked >= 4 * 2 * 40
