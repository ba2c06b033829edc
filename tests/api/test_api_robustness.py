"""Garbage at every endpoint: always a JSON 4xx, never a 500; the OpenAPI document lists every route."""
import re

import pytest

from tests.api.helpers import bearer, get_token

GARBAGE_BODIES = [
    None, b"", b"{", b"\xff\xfe\x00", b"[]", b"null", b"42", b'"text"', b'{"answer": {"a": {"b": 1}}}',
    b'{"answer": [1, 2, [3]]}', b'{"answer": "' + b"A" * 6000 + b'"}', b'{"answer": null, "flagged": null}',
    b'{"question": ["x"]}', b'{"question": ""}', b'{"username": 1, "password": null}', b'{"answer": 1e999}',
    b'{"flagged": "true"}', b'{"__proto__": {}}', ("{" * 2000).encode(),
    b'{"answer": {"a": "\\u0000"}}', b'{"answer": "\\u0000"}', b'{"question": "a\\u0000"}',
    b'{"username": "\\u0000", "password": "\\u0000xxxxxxxx"}', b'{"\\u0000": 1}',
]
GARBAGE_IDS = ["0", "-1", "abc", "99999999999999999999999", "%00", "..", "1.5", "%E4%B8%AD", "x" * 300]


def api_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule, method


def fill(rule, value: str) -> str:
    return re.sub(r"<(?:[^:>]+:)?[^>]+>", value, rule.rule)


def test_garbage_everywhere_is_4xx_json(app, client, trainee, exam_paper):
    auth = bearer(get_token(client, trainee))
    real = client.post("/api/papers/mock-t/attempts", headers=auth).json["id"]
    checked = 0
    for rule, method in api_rules(app):
        urls = [fill(rule, value) for value in GARBAGE_IDS]
        if "<" in rule.rule:
            urls.append(fill(rule, str(real)).replace("<question_id>", "complaints.m0"))
            urls.append(rule.rule.replace("<attempt_id>", str(real)).replace("<question_id>", "complaints.case")
                        .replace("<paper_id>", "mock-t"))
        for url in urls:
            for body in GARBAGE_BODIES:
                for headers in (auth, {}, {"Authorization": "Bearer \x00"}):
                    response = client.open(url, method=method, data=body, headers=headers,
                                           content_type="application/json")
                    assert response.status_code < 500, (method, url, body, response.get_data(as_text=True))
                    if response.status_code >= 400:
                        assert response.is_json and {"error", "message"} <= set(response.json), (method, url)
                    checked += 1
    assert checked > 1000


def test_query_garbage(client, trainee, exam_paper):
    auth = bearer(get_token(client, trainee))
    for query in ("difficulty=abc", "difficulty=9", "mistakes=maybe", "topic=" + "x" * 100, "difficulty=3-",
                  "difficulty=-", "topic=%00", "difficulty=4-2", "difficulty=0"):
        response = client.get(f"/api/practice/next?{query}", headers=auth)
        assert response.status_code == 400, query
        assert response.json["error"] == "bad_request" and response.json["message"], query
    for query in ("difficulty=2-4", "difficulty=3", "topic=服务礼仪", "mistakes=1"):
        assert client.get(f"/api/practice/next?{query}", headers=auth).status_code == 200, query
    assert client.get("/api/mistakes?due=maybe", headers=auth).status_code == 400


def test_openapi_lists_every_api_route(app, client, trainee):
    assert client.get("/api/openapi.json").status_code == 401
    response = client.get("/api/openapi.json", headers=bearer(get_token(client, trainee)))
    assert response.status_code == 200
    doc = response.json
    assert doc["openapi"].startswith("3.1")
    documented = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    routes = set()
    for rule, method in api_rules(app):
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        routes.add((path, method.lower()))
    assert routes, "no api routes found"
    assert routes - documented == set()
    assert documented - routes == set()
    for path, ops in doc["paths"].items():
        for op in ops.values():
            params = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert params == set(re.findall(r"{([^}]+)}", path)), path


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_wrong_method_is_405_json(client, method):
    response = getattr(client, method)("/api/papers")
    assert response.status_code == 405 and response.is_json


def test_a_question_of_the_exam_under_way_is_a_documented_409(app, client, trainee, exam_paper):
    """Practising or adding to the 错题本 a question of one's open attempt is refused with 409, which the
    document did not list for either operation (a client reading it expected 400, 401, 403 or 404 only)."""
    from app.exams.lifecycle import start_attempt
    from app.extensions import db

    attempt, _ = start_attempt(trainee, exam_paper)
    db.session.commit()
    key = attempt.items[0].version.question.key
    auth = bearer(get_token(client, trainee))
    assert client.post("/api/mistakes", json={"question": key}, headers=auth).status_code == 409
    assert client.post(f"/api/practice/{key}/answer", json={"answer": "A"}, headers=auth).status_code == 409
    doc = client.get("/api/openapi.json", headers=auth).json
    assert "409" in doc["paths"]["/api/mistakes"]["post"]["responses"]
    assert "409" in doc["paths"]["/api/practice/{question_id}/answer"]["post"]["responses"]


def test_not_found_and_refused_text_are_said_in_chinese(client, make_user, trainee, exam_paper):
    """docs/api.md promises Chinese messages; 'no such question in this attempt' and 'text must not contain NUL
    characters or unpaired surrogates' came back in English beside Chinese ones (found probing the API as a trainee)."""
    mine = bearer(get_token(client, trainee))
    theirs = bearer(get_token(client, make_user("trainee2")))
    attempt_id = client.post("/api/papers/mock-t/attempts", headers=mine).json["id"]
    base = f"/api/attempts/{attempt_id}"
    assert client.get(base, headers=theirs).json["message"] == "没有这次作答（或不属于你）"
    assert client.put(f"{base}/answers/nope.nope", json={"answer": "A"}, headers=mine).json["message"] == \
        "本次考试中没有这道题"
    assert client.post("/api/papers/nope/attempts", headers=mine).json["message"] == "没有这份试卷"
    refused = client.put(f"{base}/answers/complaints.m0", data=b'{"answer": "\\u0000"}', headers=dict(
        mine, **{"Content-Type": "application/json"}))
    assert refused.status_code == 400 and "空字符" in refused.json["message"]
    deep = client.put(f"{base}/answers/complaints.m0", data=b'{"answer": ' + b"[" * 40 + b"]" * 40 + b"}",
                      headers=dict(mine, **{"Content-Type": "application/json"}))
    assert deep.status_code == 400 and deep.json["message"] == "JSON 嵌套超过 32 层。"
