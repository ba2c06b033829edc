"""Sign-out and a password change end every session, remember cookie and bearer token of the user."""
from app.extensions import db
from app.models import User
from tests.api.helpers import bearer, get_token
from tests.conftest import PASSWORD


def _signed_in(app, user, remember=False):
    client = app.test_client()
    response = client.post("/login", data={"username": user.username, "password": PASSWORD,
                                           **({"remember": "y"} if remember else {})})
    assert response.status_code == 302
    return client


def _remember_cookie(client) -> str:
    cookie = client.get_cookie("remember_token")
    assert cookie is not None
    return cookie.value


def test_sign_out_ends_the_remember_cookie(app, trainee):
    client = _signed_in(app, trainee, remember=True)
    remembered = _remember_cookie(client)
    response = client.post("/logout")
    assert response.status_code == 302
    assert client.get_cookie("remember_token") is None  # deleted in the browser...

    thief = app.test_client()  # ...and refused when replayed from a copy
    thief.set_cookie("remember_token", remembered)
    assert thief.get("/dashboard").status_code == 302


def test_sign_out_ends_every_other_session_and_token(app, client, trainee):
    laptop = _signed_in(app, trainee)
    phone = _signed_in(app, trainee)
    token = get_token(client, trainee)
    assert phone.get("/dashboard").status_code == 200
    assert laptop.post("/logout").status_code == 302
    assert phone.get("/dashboard").status_code == 302
    assert client.get("/api/me", headers=bearer(token)).status_code == 401


def test_password_change_ends_sessions_cookies_and_tokens(app, client, trainee):
    session_client = _signed_in(app, trainee)
    remembered = _remember_cookie(_signed_in(app, trainee, remember=True))
    token = get_token(client, trainee)

    user = db.session.get(User, trainee.id)
    user.set_password("a brand new password")
    db.session.commit()

    assert session_client.get("/dashboard").status_code == 302
    replay = app.test_client()
    replay.set_cookie("remember_token", remembered)
    assert replay.get("/dashboard").status_code == 302
    assert client.get("/api/me", headers=bearer(token)).status_code == 401
    fresh = get_token(client, trainee, password="a brand new password")
    assert client.get("/api/me", headers=bearer(fresh)).status_code == 200


def test_a_session_cookie_without_the_version_is_refused(app, trainee):
    client = app.test_client()
    with client.session_transaction() as session:  # a cookie signed with the key but made before 0004_prod
        session["_user_id"] = str(trainee.id)
        session["_fresh"] = True
    assert client.get("/dashboard").status_code == 302
