import pytest

from app.models import User
from tests.conftest import PASSWORD


def test_login_and_logout(client, trainee):
    response = client.post("/login", data={"username": "trainee1", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"].endswith("/dashboard")
    assert client.get("/dashboard").status_code == 200
    client.post("/logout")
    assert client.get("/dashboard").status_code == 302


def test_wrong_password_rerenders_with_message(client, trainee):
    response = client.post("/login", data={"username": "trainee1", "password": "nope-nope"})
    assert response.status_code == 200
    assert "用户名或密码错误" in response.get_data(as_text=True)


def test_username_is_case_insensitive(client, trainee):
    assert client.post("/login", data={"username": "TRAINEE1", "password": PASSWORD}).status_code == 302


def test_disabled_user_cannot_log_in(client, trainee, db):
    trainee.active = False
    db.session.commit()
    assert client.post("/login", data={"username": "trainee1", "password": PASSWORD}).status_code == 200


def test_password_is_hashed_with_argon2(trainee):
    assert trainee.password_hash.startswith("$argon2")
    assert PASSWORD not in trainee.password_hash


def test_next_parameter_cannot_leave_the_site(client, trainee):
    response = client.post("/login?next=https://evil.example/x", data={"username": "trainee1", "password": PASSWORD})
    assert response.headers["Location"].endswith("/dashboard")
    response = client.post("/logout")
    response = client.post("/login?next=//evil.example", data={"username": "trainee1", "password": PASSWORD})
    assert "evil" not in response.headers["Location"]


@pytest.mark.parametrize("path", ["/dashboard", "/authoring/", "/admin/"])
def test_anonymous_user_is_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("path", ["/authoring/", "/admin/"])
def test_trainee_gets_403_on_staff_pages(trainee_client, path):
    assert trainee_client.get(path).status_code == 403


def test_instructor_gets_403_on_admin(instructor_client):
    assert instructor_client.get("/authoring/").status_code == 200
    assert instructor_client.get("/admin/").status_code == 403
    assert instructor_client.get("/dashboard").status_code == 403


def test_admin_pages(admin_client):
    assert admin_client.get("/admin/").status_code == 200


def test_user_with_several_roles(login, make_user):
    c = login(make_user("both", roles=("trainee", "instructor")))
    assert c.get("/dashboard").status_code == 200
    assert c.get("/authoring/").status_code == 200
    assert c.get("/admin/").status_code == 403


def test_every_view_is_guarded(app):
    """Every endpoint but the public ones answers an anonymous GET with a redirect to login or a 4xx."""
    public = {"static", "auth.login", "auth.index", "auth.set_language", "auth.logout"}
    client = app.test_client()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in public or "GET" not in rule.methods:
            continue
        url = rule.rule
        for arg in rule.arguments:
            url = url.replace(f"<{arg}>", "1").replace(f"<int:{arg}>", "1")
        response = client.get(url)
        assert response.status_code in (302, 401, 403, 404), (rule.endpoint, response.status_code)
        if response.status_code == 302:
            assert "/login" in response.headers["Location"], rule.endpoint


def test_login_is_throttled(app, trainee):
    from app import create_app
    from app.extensions import limiter

    throttled = create_app({**app.config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"})
    client = throttled.test_client()
    try:
        codes = [client.post("/login", data={"username": "trainee1", "password": "wrong-pass"}).status_code
                 for _ in range(12)]
    finally:
        limiter.reset()
        with throttled.app_context():
            from app.extensions import db

            db.session.remove()
            db.engine.dispose()
    assert codes[0] == 200
    assert 429 in codes


def test_csrf_is_required_on_login(app, client, trainee):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/login", data={"username": "trainee1", "password": PASSWORD})
    assert response.status_code == 400
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/login", data={"username": "trainee1", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_session_cookie_flags(app, trainee):
    client = app.test_client()
    response = client.post("/login", data={"username": "trainee1", "password": PASSWORD})
    cookie = response.headers.get("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_roles_are_validated(app):
    from app.models import DomainError

    user = User(username="x", password_hash="")
    with pytest.raises(DomainError):
        user.roles = {"superuser"}
    with pytest.raises(DomainError):
        user.roles = set()


def test_production_hashes_at_owasps_minimum_and_older_hashes_move_to_it_at_sign_in(app, make_user, client,
                                                                                    monkeypatch, db):
    from argon2 import PasswordHasher

    from app import create_app
    from app.config import ARGON2_DEFAULT

    made = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    hasher = made.extensions["password_hasher"]
    assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) == (2, 19456, 1) == tuple(ARGON2_DEFAULT.values())
    monkeypatch.setenv("ARGON2_MEMORY_KIB", "65536")
    assert create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"}) \
        .extensions["password_hasher"].memory_cost == 65536

    user = make_user("old-hash")
    user.password_hash = PasswordHasher(time_cost=1, memory_cost=16, parallelism=2).hash("pw-of-old")
    db.session.commit()
    assert client.post("/login", data={"username": "old-hash", "password": "pw-of-old"}).status_code == 302
    db.session.expire_all()
    assert app.extensions["password_hasher"].check_needs_rehash(user.password_hash) is False  # rehashed


def test_the_language_chosen_before_signing_in_stays_after_it_and_after_signing_out(client, trainee):
    """A new user taps 'English' on the sign-in page, then signs in: the fresh session of the sign-in (no fixation)
    dropped the choice, and the first page after it was in Chinese; signing out did the same."""
    client.post("/lang/en", data={"next": "/login"})
    signed_in = client.post("/login", data={"username": trainee.username, "password": PASSWORD}, follow_redirects=True)
    assert '<html lang="en">' in signed_in.get_data(as_text=True)
    assert "My exams" in signed_in.get_data(as_text=True)
    signed_out = client.post("/logout", follow_redirects=True)
    assert '<html lang="en">' in signed_out.get_data(as_text=True)
    assert "You have signed out." in signed_out.get_data(as_text=True)


def test_the_sign_in_page_tells_a_newcomer_where_accounts_come_from(client):
    """There is no sign-up and no 'forgot password' link (administrators make accounts and reset passwords): the page
    said neither, and a first-time visitor without an account had nowhere to turn."""
    assert "请联系培训管理员" in client.get("/login").get_data(as_text=True)
    client.post("/lang/en", data={"next": "/login"})
    assert "ask your training administrator" in client.get("/login").get_data(as_text=True)


def test_an_unknown_or_disabled_name_costs_the_same_password_check_as_a_wrong_password(app, db, make_user, client):
    """Only a wrong password paid for argon2: an unknown or disabled name was answered in microseconds instead of
    about 20 ms, so timing the sign-in page told which usernames exist (the messages were already the same)."""
    from argon2 import PasswordHasher

    class Counting(PasswordHasher):
        checks = 0

        def verify(self, *args, **kwargs):
            Counting.checks += 1
            return super().verify(*args, **kwargs)

        def hash(self, *args, **kwargs):
            Counting.checks += 1
            return super().hash(*args, **kwargs)

    make_user("known")
    make_user("gone").active = False
    db.session.commit()
    app.extensions["password_hasher"] = Counting(**app.config["ARGON2_PARAMS"])
    costs = {}
    for name in ("known", "nobody", "gone"):
        before = Counting.checks
        response = client.post("/login", data={"username": name, "password": "wrong-password"})
        assert response.status_code == 200 and "用户名或密码错误" in response.get_data(as_text=True)
        api = client.post("/api/auth/token", json={"username": name, "password": "wrong-password"})
        assert api.status_code == 401
        costs[name] = Counting.checks - before
    assert costs == {"known": 2, "nobody": 2, "gone": 2}
