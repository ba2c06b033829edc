"""Bearer tokens, sessions with the CSRF header, roles."""
from datetime import timedelta

import pytest

from app.models import ApiToken, utcnow
from tests.api.helpers import bearer, get_token


def test_token_issue_and_bad_credentials(client, trainee, db):
    response = client.post("/api/auth/token", json={"username": trainee.username, "password": "correct horse battery"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    token = response.json["token"]
    row = db.session.query(ApiToken).one()
    assert row.token_hash != token and len(row.token_hash) == 64
    assert abs((row.expires_at - utcnow()) - timedelta(days=30)) < timedelta(minutes=1)
    assert client.get("/api/me", headers=bearer(token)).json["username"] == trainee.username

    wrong = client.post("/api/auth/token", json={"username": trainee.username, "password": "wrong password"})
    assert wrong.status_code == 401 and wrong.json["error"] == "unauthorized"
    assert client.post("/api/auth/token", json={"username": "nobody", "password": "x" * 10}).status_code == 401
    assert client.post("/api/auth/token", data="not json").status_code == 400
    assert client.post("/api/auth/token", json=["a"]).status_code == 400


@pytest.mark.parametrize("header", ["Bearer nonsense", "Bearer ", "Basic abc", "Bearer " + "x" * 500, "token"])
def test_bad_token_is_401(client, trainee, exam_paper, header):
    response = client.get("/api/papers", headers={"Authorization": header})
    assert response.status_code == 401 and response.json["error"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_expired_and_revoked_tokens_are_401(client, trainee, exam_paper, db):
    token = get_token(client, trainee)
    assert client.get("/api/papers", headers=bearer(token)).status_code == 200
    row = db.session.query(ApiToken).one()
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert client.get("/api/papers", headers=bearer(token)).status_code == 401

    token = get_token(client, trainee)
    assert client.delete("/api/auth/token", headers=bearer(token)).status_code == 204
    assert client.get("/api/papers", headers=bearer(token)).status_code == 401


def test_disabled_user_token_is_401(client, trainee, exam_paper, db):
    token = get_token(client, trainee)
    trainee.active = False
    db.session.commit()
    assert client.get("/api/papers", headers=bearer(token)).status_code == 401


def test_anonymous_gets_401_json_not_a_redirect(client, exam_paper):
    for method, url in [("get", "/api/papers"), ("post", "/api/papers/mock-t/attempts"), ("get", "/api/me"),
                        ("get", "/api/attempts/1"), ("post", "/api/mistakes")]:
        response = getattr(client, method)(url)
        assert response.status_code == 401 and response.is_json, url


def test_roles(login, make_user, exam_paper, client):
    instructor = login(make_user("teacher", roles=("instructor",)))
    assert instructor.get("/api/papers").status_code == 200  # instructors may read
    refused = instructor.post("/api/papers/mock-t/attempts")
    assert refused.status_code == 403 and refused.json["error"] == "forbidden"
    assert instructor.get("/api/practice/next").status_code == 403


def enable_csrf(app):
    app.config["WTF_CSRF_ENABLED"] = True


def session_csrf_token(c) -> str:
    """A CSRF token for ``c``'s session, as a page would embed it (stored in the session like Flask-WTF does)."""
    from flask import session
    from flask_wtf.csrf import generate_csrf

    with c.session_transaction() as saved:
        with c.application.test_request_context():
            session.update(saved)
            token = generate_csrf()
            saved.update(session)
    return token


def test_session_put_needs_the_csrf_header(app, trainee_client, exam_paper):
    c = trainee_client  # signed in before CSRF is switched on (the login form is not what is tested here)
    enable_csrf(app)
    token = session_csrf_token(c)
    # starting an attempt is a state change too
    assert c.post("/api/papers/mock-t/attempts").status_code == 400
    started = c.post("/api/papers/mock-t/attempts", headers={"X-CSRFToken": token})
    assert started.status_code == 201
    url = f"/api/attempts/{started.json['id']}/answers/complaints.m0"
    refused = c.put(url, json={"answer": ["A"]})
    assert refused.status_code == 400 and refused.json["error"] == "csrf"
    assert c.put(url, json={"answer": ["A"]}, headers={"X-CSRFToken": "forged"}).status_code == 400
    accepted = c.put(url, json={"answer": ["A"]}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200
    assert c.get(f"/api/attempts/{started.json['id']}").status_code == 200  # reads need no token


def test_bearer_works_without_csrf(app, client, trainee, exam_paper):
    enable_csrf(app)
    auth = bearer(get_token(client, trainee))  # token issue is exempt too
    started = client.post("/api/papers/mock-t/attempts", headers=auth)
    assert started.status_code == 201
    saved = client.put(f"/api/attempts/{started.json['id']}/answers/complaints.m0", json={"answer": ["A"]},
                       headers=auth)
    assert saved.status_code == 200
    assert client.post(f"/api/attempts/{started.json['id']}/submit", headers=auth).status_code == 200


def test_token_endpoint_is_throttled_like_the_login_form(app, trainee):
    from app import create_app
    from app.extensions import limiter

    throttled = create_app({**app.config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"})
    client = throttled.test_client()
    try:
        codes = [client.post("/api/auth/token", json={"username": "trainee1", "password": "wrong-pass"}).status_code
                 for _ in range(12)]
        last = client.post("/api/auth/token", json={"username": "trainee1", "password": "wrong-pass"})
    finally:
        limiter.reset()
        with throttled.app_context():
            from app.extensions import db

            db.session.remove()
            db.engine.dispose()
    assert codes[:10] == [401] * 10  # LOGIN_RATE_LIMIT: 10 per minute
    assert codes[10:] == [429, 429]
    assert last.is_json and last.json["error"] == "too_many_requests"


def test_api_messages_speak_the_sites_language(client, trainee):
    wrong = client.post("/api/auth/token", json={"username": trainee.username, "password": "not-it"})
    assert wrong.status_code == 401 and wrong.json == {"error": "unauthorized", "message": "用户名或密码错误。"}
    bad = client.post("/api/auth/token", json={"username": trainee.username, "password": "x", "extra": 1})
    assert bad.status_code == 400 and bad.json["message"] == "未知字段：extra。"
    client.post("/lang/en", data={"next": "/"})
    english = client.post("/api/auth/token", json={"username": trainee.username, "password": "not-it"})
    assert english.json["message"] == "Wrong username or password."
