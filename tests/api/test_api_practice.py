from datetime import timedelta

from app.models import MistakeEntry, utcnow
from tests.api.helpers import bearer, get_token


def test_practice_and_mistakes_endpoints(client, trainee, exam_bank, db):
    auth = bearer(get_token(client, trainee))
    nxt = client.get("/api/practice/next?topic=服务礼仪&difficulty=1", headers=auth)
    assert nxt.status_code == 200 and nxt.json["question"]["type"] == "judge"
    assert "explanation" not in nxt.json["question"]
    key = nxt.json["question"]["question"]
    wrong = not {"etiquette.j0": True, "etiquette.j1": False, "etiquette.j2": True}[key]
    feedback = client.post(f"/api/practice/{key}/answer", json={"answer": wrong}, headers=auth)
    assert feedback.status_code == 200 and feedback.json["correct"] is False
    assert feedback.json["explanation"] and feedback.json["in_mistake_book"] is True
    assert client.post(f"/api/practice/{key}/answer", json={"answer": "yes"}, headers=auth).status_code == 400
    assert client.post("/api/practice/nope/answer", json={"answer": True}, headers=auth).status_code == 404

    book = client.get("/api/mistakes", headers=auth).json
    assert [e["question"] for e in book["entries"]] == [key] and book["due"] == 0
    assert client.get("/api/mistakes?due=1", headers=auth).json["entries"] == []
    assert client.get("/api/practice/next?mistakes=1", headers=auth).json["question"]["question"] == key

    added = client.post("/api/mistakes", json={"question": "complaints.case"}, headers=auth)
    assert added.status_code == 201 and added.json["manual"] is True and added.json["due"] is True
    assert client.post("/api/mistakes", json={"question": "nope"}, headers=auth).status_code == 404
    assert client.get("/api/mistakes?due=1", headers=auth).json["due"] == 1

    entry = db.session.query(MistakeEntry).filter_by(question_id=db.session.query(MistakeEntry).first().question_id).one()
    entry.due_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client.get("/api/mistakes", headers=auth).json["due"] == 2


def test_progress_history_dashboard_endpoints(client, trainee, exam_paper):
    auth = bearer(get_token(client, trainee))
    attempt = client.post("/api/papers/mock-t/attempts", headers=auth).json
    client.put(f"/api/attempts/{attempt['id']}/answers/complaints.m0", json={"answer": ["A", "C"]}, headers=auth)
    client.post(f"/api/attempts/{attempt['id']}/submit", headers=auth)
    history = client.get("/api/history", headers=auth).json["attempts"]
    assert [(h["id"], h["score"]) for h in history] == [(attempt["id"], 2)]
    progress = client.get("/api/progress", headers=auth).json
    assert progress["scores"][0]["score"] == 2
    assert {a["topic"]: a["earned"] for a in progress["areas"]}["投诉处理"] == 2
    dash = client.get("/api/dashboard", headers=auth).json
    assert dash["papers"][0]["attempts_left"] == 2 and dash["papers"][0]["best"] == 2


def test_focus_endpoint(client, trainee, exam_bank):
    from tests.exams.factories import make_paper

    make_paper("tracked", track_focus=True)
    auth = bearer(get_token(client, trainee))
    attempt = client.post("/api/papers/tracked/attempts", headers=auth).json
    assert attempt["paper"]["track_focus"] is True
    first = client.post(f"/api/attempts/{attempt['id']}/focus", headers=auth).json
    second = client.post(f"/api/attempts/{attempt['id']}/focus", headers=auth).json
    assert first == {"recorded": True, "focus_losses": 1} and second["focus_losses"] == 2


def test_start_unknown_inactive_and_exhausted_papers(client, trainee, exam_bank, db):
    from tests.exams.factories import make_paper

    auth = bearer(get_token(client, trainee))
    assert client.post("/api/papers/nope/attempts", headers=auth).status_code == 404
    paper = make_paper("once", max_attempts=1)
    attempt = client.post("/api/papers/once/attempts", headers=auth).json
    client.post(f"/api/attempts/{attempt['id']}/submit", headers=auth)
    exhausted = client.post("/api/papers/once/attempts", headers=auth)
    assert exhausted.status_code == 409 and "1" in exhausted.json["message"]
    paper.active = False
    db.session.commit()
    assert client.post("/api/papers/once/attempts", headers=auth).status_code == 404
    assert "once" not in [p["key"] for p in client.get("/api/papers", headers=auth).json["papers"]]
