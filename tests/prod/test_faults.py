"""Faults on a real gunicorn server: a worker killed during saves, the whole server killed and started mid-exam,
and a deadline that passes while the server is down. Nothing answered 200 is lost; nothing is graded twice."""
import os
import signal
import subprocess
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.auth.services import create_user
from app.extensions import db
from app.models import Attempt, AttemptItem, Question, QuestionVersion, Response, utcnow
from tests.conftest import PASSWORD
from tests.exams.factories import make_paper, seed_bank
from tests.prod.stack import ROOT, Gunicorn

pytestmark = pytest.mark.slow


@pytest.fixture
def server(app, database_url, tmp_path):
    seed_bank()
    make_paper()
    for name in ("fault1", "fault2"):
        create_user(name, PASSWORD)
    db.session.commit()
    made = Gunicorn(database_url, tmp_path / "instance").start()
    yield made
    made.stop()


def _token(server, username):
    status, body = server.call("POST", "/api/auth/token", {"username": username, "password": PASSWORD})
    assert status == 200, body
    return body["token"]


def _stored_answers(attempt_id: int) -> dict:
    db.session.expire_all()
    rows = db.session.execute(
        select(Question.key, Response.answer).join(AttemptItem, Response.item_id == AttemptItem.id)
        .join(QuestionVersion, AttemptItem.question_version_id == QuestionVersion.id)
        .join(Question, QuestionVersion.question_id == Question.id).where(AttemptItem.attempt_id == attempt_id))
    return dict(rows.all())


def _answer(item, n: int):
    kind = item["type"]
    if kind == "single":
        return "ABCD"[n % 4] if not item.get("options") else item["options"][n % len(item["options"])]["value"]
    if kind == "multiple":
        return [option["value"] for option in item["options"][: 1 + n % 2]]
    if kind == "judge":
        return n % 2 == 0
    return {part["id"]: f"第{n}次回答：先向顾客道歉，再耐心倾听，最后回访。" for part in item["parts"]}


def test_a_worker_killed_during_saves_loses_nothing_answered(server):
    token = _token(server, "fault1")
    status, attempt = server.call("POST", "/api/papers/mock-t/attempts", token=token)
    assert status == 201
    last_ok = {}
    errors = []
    saving = threading.Event()

    def saves():
        for n in range(60):
            for item in attempt["items"]:
                answer = _answer(item, n)
                try:
                    code, body = server.call("PUT", f"/api/attempts/{attempt['id']}/answers/{item['question']}",
                                             {"answer": answer}, token=token, retries=10)
                except OSError as exc:
                    errors.append(repr(exc))
                    continue
                if code == 200:
                    last_ok[item["question"]] = body["answer"]
                    saving.set()
                else:
                    errors.append((code, body))

    thread = threading.Thread(target=saves)
    thread.start()
    killed = []
    assert saving.wait(timeout=60), "no save went through"
    while thread.is_alive() and len(killed) < 2:  # kill a worker as soon as saves flow, then once more
        pids = server.worker_pids()
        if pids and thread.is_alive():
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])
        thread.join(timeout=0.3)
    thread.join(timeout=300)
    assert killed, "the saves ended before a worker could be killed"
    assert errors == []
    assert _stored_answers(attempt["id"]) == last_ok
    status, result = server.call("POST", f"/api/attempts/{attempt['id']}/submit", token=token, retries=5)
    assert status == 200 and result["status"] == "submitted"


def test_the_whole_server_killed_and_started_mid_exam(server):
    token = _token(server, "fault1")
    status, attempt = server.call("POST", "/api/papers/mock-t/attempts", token=token)
    saved = {}
    for item in attempt["items"]:
        status, body = server.call("PUT", f"/api/attempts/{attempt['id']}/answers/{item['question']}",
                                   {"answer": _answer(item, 1)}, token=token)
        assert status == 200
        saved[item["question"]] = body["answer"]
    server.kill_all()
    server.start()
    status, resumed = server.call("POST", "/api/papers/mock-t/attempts", token=token)  # the same token works
    assert status == 200 and resumed["id"] == attempt["id"]
    assert {i["question"]: i["answer"] for i in resumed["items"]} == saved
    first = server.call("POST", f"/api/attempts/{attempt['id']}/submit", token=token)
    again = server.call("POST", f"/api/attempts/{attempt['id']}/submit", token=token)
    assert first[0] == again[0] == 200 and first[1]["score"] == again[1]["score"]
    assert _stored_answers(attempt["id"]) == saved


def test_a_deadline_passing_while_the_server_is_down_is_finalised_when_it_returns(server, database_url, tmp_path):
    tokens = {name: _token(server, name) for name in ("fault1", "fault2")}
    attempts = {}
    for name, token in tokens.items():
        status, attempt = server.call("POST", "/api/papers/mock-t/attempts", token=token)
        item = attempt["items"][0]
        assert server.call("PUT", f"/api/attempts/{attempt['id']}/answers/{item['question']}",
                           {"answer": _answer(item, 0)}, token=token)[0] == 200
        attempts[name] = attempt["id"]
    server.kill_all()
    # While it is down the time runs out (moved back rather than waited for).
    db.session.execute(update(Attempt).values(deadline=utcnow() - timedelta(minutes=5),
                                              started_at=utcnow() - timedelta(minutes=65)))
    db.session.commit()
    server.start()

    status, history = server.call("GET", "/api/history", token=tokens["fault1"])  # its owner looks
    assert status == 200
    mine = next(a for a in history["attempts"] if a["id"] == attempts["fault1"])
    assert mine["status"] == "expired"

    env = dict(server.env())  # nobody looks at the other one: the scheduled sweep finishes it
    sweep = subprocess.run([str(ROOT / ".venv" / "bin" / "flask"), "--app", "wsgi:app", "attempts", "sweep"],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert sweep.returncode == 0, sweep.stderr
    assert "expired 1 attempt(s)" in sweep.stdout
    db.session.expire_all()
    for attempt_id in attempts.values():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.status == "expired" and attempt.score is not None
