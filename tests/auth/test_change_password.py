from app.models import AuditEvent, User
from tests.conftest import PASSWORD


def _must_change(db, user):
    user.must_change_password = True
    db.session.commit()


def test_a_flagged_user_reaches_only_the_change_password_page(client, trainee, db):
    _must_change(db, trainee)
    assert client.post("/login", data={"username": "trainee1", "password": PASSWORD}).status_code == 302
    assert client.get("/dashboard").headers["Location"].endswith("/password")
    api = client.get("/api/papers")
    assert api.status_code == 403 and api.get_json()["error"] == "password_change_required"
    assert client.get("/password").status_code == 200


def test_wrong_current_or_same_password_is_refused_and_changes_nothing(client, trainee, db):
    _must_change(db, trainee)
    client.post("/login", data={"username": "trainee1", "password": PASSWORD})
    wrong = client.post("/password", data={"current": "not it at all", "new": "brand new pw", "confirm": "brand new pw"})
    same = client.post("/password", data={"current": PASSWORD, "new": PASSWORD, "confirm": PASSWORD})
    differ = client.post("/password", data={"current": PASSWORD, "new": "brand new pw", "confirm": "other new pw"})
    assert all(r.status_code == 200 and 'role="alert"' in r.get_data(as_text=True) for r in (wrong, same, differ))
    db.session.expire_all()
    user = db.session.get(User, trainee.id)
    assert user.must_change_password and user.check_password(PASSWORD)


def test_a_new_account_is_told_what_to_type_not_that_its_password_was_reset(client, trainee, db):
    """A brand-new account read "管理员已重置你的密码" (nothing had been reset) and did not know that 当前密码 meant the
    password the administrator handed over; a short new password got WTForms' "字段长度必须介于 8 到 256 个字符之间"."""
    _must_change(db, trainee)
    client.post("/login", data={"username": "trainee1", "password": PASSWORD})
    page = client.get("/password").get_data(as_text=True)
    assert "已重置" not in page and "管理员给你的" in page
    short = client.post("/password", data={"current": PASSWORD, "new": "short", "confirm": "short"})
    page = short.get_data(as_text=True)
    assert "密码至少 8 个字符" in page and "字段长度" not in page


def test_changing_the_password_clears_the_flag_and_is_audited(client, trainee, db):
    _must_change(db, trainee)
    client.post("/login", data={"username": "trainee1", "password": PASSWORD})
    response = client.post("/password", data={"current": PASSWORD, "new": "brand new pw", "confirm": "brand new pw"})
    assert response.status_code == 302
    db.session.expire_all()
    user = db.session.get(User, trainee.id)
    assert not user.must_change_password and user.check_password("brand new pw")
    assert db.session.query(AuditEvent).filter_by(kind="auth.password_changed", actor_id=trainee.id).count() == 1


def test_failed_sign_in_is_audited_with_the_name_tried(client, trainee, db):
    client.post("/login", data={"username": "nobody", "password": "whatever it is"})
    event = db.session.query(AuditEvent).filter_by(kind="auth.login_failed").one()
    assert event.target == "nobody" and event.actor_id is None and event.detail == {"reason": "credentials"}


def test_the_api_gives_a_flagged_user_no_token_and_serves_no_older_token(client, trainee, db):
    from app.models import ApiToken

    issued = client.post("/api/auth/token", json={"username": "trainee1", "password": PASSWORD}).get_json()["token"]
    _must_change(db, trainee)  # e.g. an administrator's reset, made without ending the sessions
    refused = client.post("/api/auth/token", json={"username": "trainee1", "password": PASSWORD})
    assert refused.status_code == 403 and refused.get_json()["error"] == "password_change_required"
    assert db.session.query(ApiToken).filter_by(user_id=trainee.id).count() == 1  # no new token
    older = client.get("/api/papers", headers={"Authorization": f"Bearer {issued}"})
    assert older.status_code == 403 and older.get_json()["error"] == "password_change_required"


def test_guessing_the_current_password_is_throttled_like_signing_in(app, trainee):
    """The change-password form checked the current password as often as it was sent: on a phone or a shared
    computer left signed in, anyone could try passwords there with no limit (sign-in allows 10 a minute)."""
    from app import create_app
    from app.extensions import db as app_db, limiter

    throttled = create_app({**app.config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"})
    client = throttled.test_client()
    try:
        assert client.post("/login", data={"username": "trainee1", "password": PASSWORD}).status_code == 302
        codes = [client.post("/password", data={"current": f"guess-{n}-pw", "new": "brand new pw",
                                                "confirm": "brand new pw"}).status_code for n in range(12)]
        right = client.post("/password", data={"current": PASSWORD, "new": "brand new pw", "confirm": "brand new pw"})
    finally:
        limiter.reset()
        with throttled.app_context():
            app_db.session.remove()
            app_db.engine.dispose()
    assert codes[:10] == [200] * 10 and codes[10:] == [429, 429]
    assert right.status_code == 429  # not even the right one until the minute is over
