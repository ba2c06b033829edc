"""Input at the edge: NUL and lone surrogates in any text, and deeply nested JSON, are a 400 before any view
(before sign-in too), and change nothing."""
import json

import pytest

from app.edge import json_depth
from app.models import User
from tests.api.helpers import bearer, get_token


def test_nul_in_a_form_is_a_400_not_a_500(client, trainee):
    response = client.post("/login", data={"username": "trainee1\x00", "password": "x"})
    assert response.status_code == 400


def test_nul_in_a_query_string_is_a_400(trainee_client):
    assert trainee_client.get("/practice?topic=%00").status_code == 400
    assert trainee_client.get("/practice?to%00pic=1").status_code == 400


@pytest.mark.parametrize("text", ["\x00", "\ud800", "a\udfffb"])
def test_unstorable_text_in_json_is_a_400(client, trainee, text):
    token = get_token(client, trainee)
    body = json.dumps({"question": text})  # json.dumps escapes them: \u0000, \ud800
    response = client.post("/api/mistakes", data=body, content_type="application/json", headers=bearer(token))
    assert response.status_code == 400
    assert "NUL" in response.json["message"]


def test_unstorable_text_in_a_json_key_is_a_400(client):
    response = client.post("/api/auth/token", data='{"user\\u0000name": "x", "password": "y"}',
                           content_type="application/json")
    assert response.status_code == 400


def test_deeply_nested_json_is_a_400_even_before_sign_in(client):
    body = "[" * 200_000 + "]" * 200_000
    response = client.post("/api/auth/token", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "nested" in response.json["message"]


def test_nesting_the_app_uses_is_accepted(client, trainee):
    body = json.dumps({"username": "trainee1", "password": [[[[["x"]]]]]})
    response = client.post("/api/auth/token", data=body, content_type="application/json")
    assert response.status_code == 400 and "password" in response.json["message"]  # the view's own check


def test_json_depth_skips_brackets_inside_strings():
    assert json_depth('{"a": "[[[[{{{{", "b": [1, [2]]}') == 3
    assert json_depth('"\\"[["') == 0


def test_refused_input_changes_nothing(client, trainee, db):
    before = db.session.get(User, trainee.id).last_login_at
    client.post("/login", data={"username": "trainee1", "password": "correct horse battery\x00"})
    db.session.expire_all()
    assert db.session.get(User, trainee.id).last_login_at == before
