"""Saved answers survive a server restart: a real server on a SQLite file, killed and started again."""
import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from app import create_app
from app.extensions import db
from tests.conftest import PASSWORD
from tests.exams.factories import make_paper, seed_bank

ROOT = Path(__file__).resolve().parents[2]

SERVER = r"""
import sys
from werkzeug.serving import make_server
from app import create_app

app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1], "SECRET_KEY": "restart-test", "RATELIMIT_ENABLED": False})
server = make_server("127.0.0.1", 0, app, threaded=True)
print(server.server_port, flush=True)
server.serve_forever()
"""


class Server:
    def __init__(self, url: str, instance: Path) -> None:
        env = dict(os.environ, INSTANCE_PATH=str(instance), PYTHONPATH=str(ROOT))
        env.pop("DATABASE_URL", None)
        self.proc = subprocess.Popen([sys.executable, "-c", SERVER, url], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.strip().isdigit():
            self.proc.kill()
            raise AssertionError(f"server did not start: {line} {self.proc.stderr.read()}")
        self.base = f"http://127.0.0.1:{int(line)}"

    def call(self, method: str, path: str, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.mark.slow
def test_attempt_resumes_with_every_saved_answer_after_a_restart(tmp_path):
    database = tmp_path / "restart.sqlite3"
    url = f"sqlite:///{database}"
    setup = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "restart-test"})
    with setup.app_context():
        db.create_all()
        seed_bank()
        make_paper()
        from app.auth.services import create_user
        create_user("restarter", PASSWORD)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()

    answers = {"complaints.m0": ["A", "C"], "etiquette.j0": False,
               "complaints.case": {"a": "先向顾客道歉，再耐心倾听。", "b": "三天后电话回访。"}}
    server = Server(url, tmp_path / "instance")
    try:
        status, body = server.call("POST", "/api/auth/token", {"username": "restarter", "password": PASSWORD})
        assert status == 200
        token = body["token"]
        status, attempt = server.call("POST", "/api/papers/mock-t/attempts", token=token)
        assert status == 201
        single = next(i["question"] for i in attempt["items"] if i["type"] == "single")
        answers[single] = "B"
        for key, answer in answers.items():
            status, saved = server.call("PUT", f"/api/attempts/{attempt['id']}/answers/{key}",
                                        {"answer": answer, "flagged": key == single}, token=token)
            assert status == 200, saved
    finally:
        server.kill()  # no clean shutdown: what was answered 200 must already be on disk

    server = Server(url, tmp_path / "instance")
    try:
        status, resumed = server.call("POST", "/api/papers/mock-t/attempts", token=token)
        assert status == 200 and resumed["id"] == attempt["id"]  # resumed, not a new attempt
        saved = {item["question"]: item["answer"] for item in resumed["items"] if item["answer"] is not None}
        assert saved == answers
        flagged = [item["question"] for item in resumed["items"] if item["flagged"]]
        assert flagged == [single]
        assert resumed["deadline"] == attempt["deadline"]
        status, result = server.call("POST", f"/api/attempts/{attempt['id']}/submit", token=token)
        assert status == 200 and result["score"] == 2 + 20
    finally:
        server.kill()
