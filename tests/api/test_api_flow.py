"""The whole exam flow through the JSON API alone, with a bearer token."""
import json

from app.models import ApiToken, Attempt, Response
from tests.api.helpers import bearer, get_token, item_by_type
from tests.exams.factories import SECRET_KEYS, SECRET_REFERENCE, SECRET_RUBRIC, SECRETS, walk_keys

def text_of(response) -> str:
    """The decoded JSON as text (Flask escapes non-ASCII, so the raw body would hide Chinese secrets)."""
    return json.dumps(response.json, ensure_ascii=False)


CASE_ANSWER = "首先向顾客诚恳道歉，然后耐心倾听顾客的意见。"


def test_full_flow_token_papers_start_save_submit_result(client, trainee, exam_paper, db):
    token = get_token(client, trainee)
    assert db.session.query(ApiToken).one().token_hash != token  # only the hash is stored
    auth = bearer(token)

    papers = client.get("/api/papers", headers=auth)
    assert papers.status_code == 200
    assert [p["key"] for p in papers.json["papers"]] == ["mock-t"]
    assert papers.json["papers"][0]["attempts_left"] == 3

    started = client.post("/api/papers/mock-t/attempts", headers=auth)
    assert started.status_code == 201, started.json
    attempt = started.json
    assert attempt["status"] == "started" and attempt["total"] == 5 and attempt["answered"] == 0
    assert attempt["deadline"] is not None and 3590 <= attempt["remaining_seconds"] <= 3600
    assert [s["title"] for s in attempt["sections"]] == ["单选", "多选", "判断", "案例"]

    resumed = client.post("/api/papers/mock-t/attempts", headers=auth)
    assert resumed.status_code == 200 and resumed.json["id"] == attempt["id"]
    assert [i["question"] for i in resumed.json["items"]] == [i["question"] for i in attempt["items"]]

    base = f"/api/attempts/{attempt['id']}"
    singles = [i for i in attempt["items"] if i["type"] == "single"]
    right = client.put(f"{base}/answers/{singles[0]['question']}", json={"answer": "C"}, headers=auth)
    assert right.status_code == 200 and right.json["saved_at"]
    wrong = client.put(f"{base}/answers/{singles[1]['question']}", json={"answer": "B", "flagged": True},
                       headers=auth)
    assert wrong.status_code == 200 and wrong.json["flagged"] is True
    assert client.put(f"{base}/answers/complaints.m0", json={"answer": ["C", "A"]}, headers=auth).status_code == 200
    assert client.put(f"{base}/answers/etiquette.j0", json={"answer": False}, headers=auth).status_code == 200
    case = client.put(f"{base}/answers/complaints.case", json={"answer": {"a": CASE_ANSWER}}, headers=auth)
    assert case.status_code == 200
    # a case answer may be sent one part at a time: parts are merged
    case = client.put(f"{base}/answers/complaints.case", json={"answer": {"b": "三天后电话回访。"}}, headers=auth)
    assert case.json["answer"] == {"a": CASE_ANSWER, "b": "三天后电话回访。"}

    fetched = client.get(base, headers=auth).json
    assert fetched["answered"] == 5 and "result" not in fetched
    assert item_by_type(fetched, "multiple")["answer"] == ["A", "C"]

    result = client.post(f"{base}/submit", headers=auth)
    assert result.status_code == 200, result.json
    r = result.json
    assert r["status"] == "submitted"
    # single: 1 of 2 right (1 point each); multiple right (2); judge wrong (0); case 20/20
    assert r["max_score"] == 1 + 1 + 2 + 1 + 20
    assert r["score"] == 1 + 2 + 0 + 20
    assert {s["title"]: s["score"] for s in r["sections"]} == {"单选": 1, "多选": 2, "判断": 0, "案例": 20}
    assert {a["topic"]: a["score"] for a in r["areas"]}["投诉处理"] == 22
    judged = item_by_type(r, "judge")
    assert judged["is_correct"] is False and judged["correct_answer"] is True and judged["explanation"]
    case_item = item_by_type(r, "case")
    part_a = case_item["parts"][0]
    assert part_a["answer"] == CASE_ANSWER and part_a["reference"] == SECRET_REFERENCE
    points = {p["id"]: p for p in part_a["rubric"]}
    assert points["apologize"]["earned"] == 4 and points["apologize"]["text"] == f"{SECRET_RUBRIC}-apologize"
    start, end = points["apologize"]["evidence"][0]
    assert CASE_ANSWER[start:end] == "道歉"
    start, end = points["listen"]["evidence"][0]
    assert CASE_ANSWER[start:end] == "倾听"

    again = client.get(base, headers=auth).json
    assert again["status"] == "submitted" and again["result"]["score"] == r["score"]
    assert db.session.get(Attempt, attempt["id"]).score == r["score"]


def test_nothing_secret_before_submission(client, trainee, exam_paper):
    auth = bearer(get_token(client, trainee))
    texts = []
    started = client.post("/api/papers/mock-t/attempts", headers=auth)
    texts.append(text_of(started))
    base = f"/api/attempts/{started.json['id']}"
    for item in started.json["items"]:
        answer = {"single": "A", "multiple": ["A"], "judge": True, "case": {"a": "道歉"}}[item["type"]]
        saved = client.put(f"{base}/answers/{item['question']}", json={"answer": answer}, headers=auth)
        assert saved.status_code == 200
        texts.append(text_of(saved))
    texts.append(text_of(client.get(base, headers=auth)))
    texts.append(text_of(client.post(f"{base}/focus", headers=auth)))
    texts.append(text_of(client.get("/api/papers", headers=auth)))
    texts.append(text_of(client.get("/api/dashboard", headers=auth)))
    for text in texts:
        for secret in SECRETS:
            assert secret not in text
        assert not SECRET_KEYS & set(walk_keys(json.loads(text)))
    # the same strings do appear once submitted: the check above can fail
    after = text_of(client.post(f"{base}/submit", headers=auth))
    assert SECRET_REFERENCE in after and SECRET_RUBRIC in after


def test_another_trainee_gets_404(client, make_user, trainee, exam_paper):
    mine = bearer(get_token(client, trainee))
    theirs = bearer(get_token(client, make_user("trainee2")))
    attempt_id = client.post("/api/papers/mock-t/attempts", headers=mine).json["id"]
    base = f"/api/attempts/{attempt_id}"
    assert client.get(base, headers=theirs).status_code == 404
    assert client.put(f"{base}/answers/complaints.m0", json={"answer": ["A"]}, headers=theirs).status_code == 404
    assert client.post(f"{base}/submit", headers=theirs).status_code == 404
    assert client.post(f"{base}/focus", headers=theirs).status_code == 404
    assert client.get(base, headers=mine).status_code == 200
    assert client.get("/api/attempts/999999", headers=mine).status_code == 404


def test_save_after_deadline_is_refused(client, trainee, exam_paper, db):
    auth = bearer(get_token(client, trainee))
    attempt_id = client.post("/api/papers/mock-t/attempts", headers=auth).json["id"]
    url = f"/api/attempts/{attempt_id}/answers/complaints.m0"
    assert client.put(url, json={"answer": ["A"]}, headers=auth).status_code == 200
    attempt = db.session.get(Attempt, attempt_id)
    attempt.deadline = attempt.started_at.replace(year=attempt.started_at.year - 1)
    db.session.commit()
    refused = client.put(url, json={"answer": ["B"]}, headers=auth)
    assert refused.status_code == 409
    assert refused.json["error"] == "deadline_passed" and "时间已到" in refused.json["message"]
    db.session.expire_all()
    assert db.session.get(Attempt, attempt_id).status == "started"  # a refused save changes nothing
    assert client.get(f"/api/attempts/{attempt_id}", headers=auth).json["status"] == "expired"
    db.session.expire_all()
    attempt = db.session.get(Attempt, attempt_id)
    # the user's overdue attempt was finished and graded when they came back to read; the first answer stands
    assert attempt.status == "expired" and attempt.score is not None
    answers = [r.answer for r in db.session.query(Response).all() if r.answer is not None]
    assert answers == [["A"]]


def test_save_after_submit_is_refused(client, trainee, exam_paper):
    auth = bearer(get_token(client, trainee))
    attempt_id = client.post("/api/papers/mock-t/attempts", headers=auth).json["id"]
    assert client.post(f"/api/attempts/{attempt_id}/submit", headers=auth).status_code == 200
    refused = client.put(f"/api/attempts/{attempt_id}/answers/complaints.m0", json={"answer": ["A"]}, headers=auth)
    assert refused.status_code == 409 and refused.json["error"] == "attempt_finished"


def test_bad_answer_shapes_are_400_and_change_nothing(client, trainee, exam_paper, db):
    auth = bearer(get_token(client, trainee))
    attempt_id = client.post("/api/papers/mock-t/attempts", headers=auth).json["id"]
    base = f"/api/attempts/{attempt_id}/answers"
    bad = [
        ("complaints.m0", {"answer": "A"}), ("complaints.m0", {"answer": ["A", "A"]}),
        ("complaints.m0", {"answer": ["Z"]}), ("etiquette.j0", {"answer": "true"}),
        ("complaints.case", {"answer": {"zz": "x"}}), ("complaints.case", {"answer": {"a": "长" * 5001}}),
        ("complaints.case", {"answer": ["a"]}), ("complaints.m0", {"answer": ["A"], "flagged": "yes"}),
        ("complaints.m0", {}), ("complaints.m0", {"answer": ["A"], "extra": 1}),
    ]
    for key, body in bad:
        response = client.put(f"{base}/{key}", json=body, headers=auth)
        assert response.status_code == 400, (key, body, response.json)
        assert response.json["error"] and response.json["message"]
    assert db.session.query(Response).count() == 0
    assert client.put(f"{base}/no.such.question", json={"answer": "A"}, headers=auth).status_code == 404
