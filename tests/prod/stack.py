"""A real gunicorn server for the fault tests: started on a free loopback port against the test's database."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, database_url: str, instance: Path, workers: int = 2, port: int | None = None) -> None:
        self.database_url, self.instance, self.workers = database_url, instance, workers
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def env(self) -> dict:
        env = dict(os.environ, DATABASE_URL=self.database_url, SECRET_KEY="fault-test", INSTANCE_PATH=str(self.instance),
                   GUNICORN_WORKERS=str(self.workers), GUNICORN_ACCESS_LOG="", GUNICORN_LOG_LEVEL="warning",
                   PYTHONPATH=str(ROOT))
        env.pop("REDIS_URL", None)
        return env

    def start(self) -> "Gunicorn":
        self.proc = subprocess.Popen([str(GUNICORN), "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}",
                                      "wsgi:app"], cwd=ROOT, env=self.env(), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(self.base + "/login", timeout=5) as response:
                    if response.status == 200 and len(self.worker_pids()) == self.workers:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError("gunicorn did not start within 60 s")

    def worker_pids(self) -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                    pids.append(int(entry.name))
        return sorted(pids)

    def kill_all(self) -> None:
        """The whole server gone at once (power cut): SIGKILL to the master and its workers."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=20)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=20)

    def call(self, method: str, path: str, body=None, token=None, retries: int = 0):
        """(status, JSON); a connection broken by a killed worker is retried ``retries`` times (PUT and a
        repeated submit are idempotent)."""
        for attempt in range(retries + 1):
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
            except (urllib.error.URLError, ConnectionError, OSError):
                if attempt == retries:
                    raise
                time.sleep(0.2)
        raise AssertionError("unreachable")
