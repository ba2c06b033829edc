"""Sign-in limits: wrong passwords block that account only; a classroom behind one address signs in at once;
Retry-After on a 429; the client address from X-Forwarded-For only when ProxyFix is configured; Redis away
degrades to in-process limits, never a 500."""
import logging

import pytest

from app import create_app
from app.extensions import db, limiter
from tests.conftest import PASSWORD


@pytest.fixture
def throttled(app):
    apps = []

    def make(**config):
        made = create_app({**app.config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
                           **config})
        apps.append(made)
        return made

    yield make
    limiter.reset()  # the last app's storage: the in-memory fallback when Redis was away
    for made in apps:  # each app has its own engine: close its connections (PostgreSQL warns otherwise)
        with made.app_context():
            db.session.remove()
            db.engine.dispose()


def _login(client, username, password=PASSWORD, **kwargs):
    return client.post("/login", data={"username": username, "password": password}, **kwargs)


def test_a_classroom_behind_one_address_signs_in_within_a_minute(throttled, make_user):
    users = [make_user(f"class{n:02d}") for n in range(60)]
    client_app = throttled()
    codes = [_login(client_app.test_client(), user.username).status_code for user in users]
    assert codes == [302] * 60


def test_wrong_passwords_block_that_account_only_with_retry_after(throttled, make_user):
    victim, neighbour = make_user("victim"), make_user("neighbour")
    client = throttled().test_client()
    codes = [_login(client, "victim", "wrong password").status_code for _ in range(11)]
    assert codes[:10] == [200] * 10 and codes[10] == 429
    refused = _login(client, "victim")  # even the right password waits now
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert _login(client, "neighbour").status_code == 302


def test_successful_sign_ins_do_not_use_up_the_account(throttled, make_user):
    user = make_user("often")
    made = throttled()
    assert [_login(made.test_client(), "often").status_code for _ in range(15)] == [302] * 15


def test_token_requests_are_limited_per_account_too(throttled, make_user):
    make_user("apiuser"), make_user("apineighbour")
    client = throttled().test_client()
    codes = [client.post("/api/auth/token", json={"username": "apiuser", "password": "nope-nope"}).status_code
             for _ in range(11)]
    assert codes[:10] == [401] * 10 and codes[10] == 429
    ok = client.post("/api/auth/token", json={"username": "apineighbour", "password": PASSWORD})
    assert ok.status_code == 200


def test_the_address_limit_uses_the_forwarded_address_only_behind_proxy_fix(throttled, make_user):
    make_user("pupil")
    limit = {"LOGIN_ADDRESS_RATE_LIMIT": "3 per minute", "LOGIN_RATE_LIMIT": "100 per minute"}
    direct = throttled(**limit).test_client()
    codes = [_login(direct, "pupil", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]  # without ProxyFix the header is ignored: one address
    limiter.reset()

    proxied = throttled(**limit, PROXY_FIX={"for": 1, "proto": 1, "host": 0, "prefix": 0}).test_client()
    codes = [_login(proxied, "pupil", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code for n in range(4)]
    assert codes == [302] * 4


def test_proxy_fix_is_read_from_the_environment(monkeypatch, tmp_path):
    from app.config import from_environment

    monkeypatch.setenv("PROXY_FIX_X_FOR", "1")
    monkeypatch.setenv("PROXY_FIX_X_PROTO", "1")
    assert from_environment(str(tmp_path))["PROXY_FIX"] == {"for": 1, "proto": 1, "host": 0, "prefix": 0}
    monkeypatch.setenv("PROXY_FIX_X_FOR", "yes")
    with pytest.raises(ValueError):
        from_environment(str(tmp_path))


def test_redis_away_degrades_to_in_process_limits_with_a_warning(throttled, make_user, caplog):
    make_user("redisless")
    made = throttled(RATELIMIT_STORAGE_URI="redis://127.0.0.1:9/0")  # the discard port: nothing listens
    client = made.test_client()
    with caplog.at_level(logging.WARNING):
        codes = [_login(client, "redisless", "wrong password").status_code for _ in range(11)]
        ok = _login(made.test_client(), "redisless2")
    assert codes[:10] == [200] * 10 and codes[10] == 429  # still limited, in this process
    assert ok.status_code == 200
    assert any("falling back to in-memory" in record.getMessage() for record in caplog.records)
    throttled(RATELIMIT_STORAGE_URI="memory://")  # the fixture's reset must not reach for the absent Redis



def test_only_views_marked_unlimited_skip_the_limiter(app):
    """The autosave (the hottest path of a sitting) skips the limiter; every other view, sign-in first, is
    evaluated against its limits."""
    from app.extensions import _marked_unlimited

    for method, path, skips in (("PUT", "/api/attempts/1/answers/q.one", True), ("GET", "/api/papers", False),
                                ("POST", "/login", False), ("POST", "/api/auth/token", False)):
        with app.test_request_context(path, method=method):
            assert _marked_unlimited() is skips, path


def test_practice_answers_are_limited_per_trainee(throttled, make_user, exam_bank):
    from tests.api.helpers import bearer, get_token

    first, second = make_user("busy"), make_user("calm")
    client = throttled(PRACTICE_RATE_LIMIT="3 per minute").test_client()
    auth = bearer(get_token(client, first))
    codes = [client.post("/api/practice/etiquette.j0/answer", json={"answer": True}, headers=auth).status_code
             for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other = bearer(get_token(client, second))
    assert client.post("/api/practice/etiquette.j0/answer", json={"answer": True}, headers=other).status_code == 200

    site = client  # the site's form, signed in: its own count for that trainee
    _login(site, "calm")
    pages = [site.post("/practice/etiquette.j0", data={"answer": "true"}).status_code for _ in range(3)]
    assert pages[:2] == [200, 200] and pages[2] == 429
