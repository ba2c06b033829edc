"""Browser tests: a live server in a subprocess on a temporary SQLite file, driven by Debian's headless Chromium
through Playwright (never a downloaded browser)."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
BANK = Path(__file__).resolve().parent / "bank"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TRAINEE, PASSWORD = "e2e-trainee", "e2e-password-123"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVER_START_SECONDS = 120


class LiveServer:
    """The application in a subprocess; ``stop()`` and ``start()`` again on the same database and port."""

    def __init__(self, database_url: str, log_path: Path, env: dict | None = None) -> None:
        self.database_url = database_url
        self.extra_env = env or {}
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process = None
        self._log = None
        self.username, self.password = TRAINEE, PASSWORD

    def start(self) -> None:
        self._log = open(self.log_path, "ab")
        env = dict(os.environ, PYTHONPATH=str(ROOT), INSTANCE_PATH=str(self.log_path.parent / "instance"),
                   **self.extra_env)
        self.process = subprocess.Popen([sys.executable, str(Path(__file__).parent / "serve.py"), self.database_url,
                                         str(self.port)], cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        # Generous: on a loaded two-core machine a cold start (jieba's dictionary, the bank) took over 30 s.
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the live server exited: " + self.log_path.read_text(errors="replace")[-3000:])
            try:
                with urllib.request.urlopen(self.url + "/login", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the live server did not start: " + self.log_path.read_text(errors="replace")[-3000:])

    def set_deadline(self, seconds_from_now: float) -> None:
        """Move the deadline of every open attempt (as if the clock had run on), straight in the database."""
        from datetime import timedelta

        from app.extensions import db
        from app.models import Attempt, utcnow

        with _app(self.database_url).app_context():
            for attempt in db.session.scalars(db.select(Attempt).where(Attempt.status == Attempt.STARTED)):
                attempt.deadline = utcnow() + timedelta(seconds=seconds_from_now)
            db.session.commit()
            db.session.remove()

    def focus_losses(self) -> int:
        from app.extensions import db
        from app.models import FocusEvent

        with _app(self.database_url).app_context():
            count = db.session.scalar(db.select(db.func.count(FocusEvent.id)))
            db.session.remove()
        return count

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None


_apps: dict = {}


def _app(database_url: str):
    """The application in the test process, on the live server's database (for setup and checks)."""
    if database_url not in _apps:
        from app import create_app

        _apps[database_url] = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "e2e-secret"})
    return _apps[database_url]


def _dispose(database_url: str) -> None:
    app = _apps.pop(database_url, None)
    if app is not None:
        from app.extensions import db

        with app.app_context():
            db.engine.dispose()


def _prepare_database(database_url: str) -> None:
    """Tables, the small bank and one trainee, through the application's own services."""
    from app.auth.services import create_user
    from app.authoring.services import import_bank, load_for_import
    from app.extensions import db

    with _app(database_url).app_context():
        db.create_all()
        import_bank(load_for_import(str(BANK)))
        create_user(TRAINEE, PASSWORD, ("trainee",), "测试学员")
        db.session.commit()
        db.session.remove()


@pytest.fixture
def live_server(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'e2e.sqlite3'}"
    _prepare_database(database_url)
    server = LiveServer(database_url, tmp_path / "server.log")
    server.start()
    yield server
    server.stop()
    _dispose(database_url)


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (Debian's chromium and fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, locale="zh-CN",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
