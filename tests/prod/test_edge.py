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
    assert "嵌套" in response.json["message"]  # the API answers in Chinese by default (docs/api.md)


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


def test_the_refusals_read_in_the_page_language(instructor_client):
    """A NUL pasted into a form and a form too large were answered with werkzeug's English descriptions ("a form
    field contains a NUL character...", "The data value transmitted exceeds the capacity limit.") in the Chinese
    pages."""
    page = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": "a\x00b"})
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert "填写的内容中含有空字符（NUL）" in text and "a form field" not in text
    page = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": "客" * 167_000},
                                  content_type="multipart/form-data")  # just over the 500,000 bytes a field may hold
    assert page.status_code == 413
    text = page.get_data(as_text=True)
    assert "提交的内容太大" in text and "capacity limit" not in text
    assert "网址中含有空字符（NUL）" in instructor_client.get("/practice?topic=%00").get_data(as_text=True)

    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    text = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": "a\x00b"}).get_data(as_text=True)
    assert "A field holds a NUL character" in text and "空字符" not in text
    text = instructor_client.post("/authoring/questions/new", data={"yaml": "客" * 167_000},
                                  content_type="multipart/form-data").get_data(as_text=True)
    assert "What you sent is too large" in text


def test_the_api_keeps_its_english_description(client, trainee):
    response = client.get("/api/papers?q=%00", headers={"Accept": "application/json"})
    assert response.status_code == 400
