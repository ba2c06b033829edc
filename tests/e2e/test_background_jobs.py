"""Work that waits for the job queue, in a browser: a live server whose REDIS_URL is a fake Redis served on a
local port from this process, whose jobs this test runs when it chooses (an RQ worker in this process, on the
live server's database). An instructor's regrade shows a progress page that moves on to the outcome by itself;
a trainee's submitted exam shows 正在评分 until its grading job has run, then the result."""
import re
import threading

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, TRAINEE, LiveServer, _app, _dispose, _free_port, _prepare_database
from tests.e2e.test_review import TEACHER, sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def queued_server(tmp_path):
    from fakeredis import TcpFakeServer

    port = _free_port()
    redis_server = TcpFakeServer(("127.0.0.1", port), server_type="redis")
    threading.Thread(target=redis_server.serve_forever, daemon=True).start()
    database_url = f"sqlite:///{tmp_path / 'e2e.sqlite3'}"
    _prepare_database(database_url)
    server = LiveServer(database_url, tmp_path / "server.log", env={"REDIS_URL": f"redis://127.0.0.1:{port}/0"})
    server.redis_url = f"redis://127.0.0.1:{port}/0"
    server.start()
    yield server
    server.stop()
    redis_server.shutdown()
    redis_server.server_close()
    _dispose(database_url)


def run_jobs(server) -> None:
    """What `flask jobs worker --burst` does, here: the queued jobs, in the live server's application."""
    from redis import Redis
    from rq import Queue, SimpleWorker

    from app import jobs

    class Worker(SimpleWorker):
        def _set_ip_address(self, connection):  # the fake server's CLIENT INFO is not one redis-py can read
            self.ip_address = "127.0.0.1"

    connection = Redis.from_url(server.redis_url)
    with _app(server.database_url).app_context():
        Worker([Queue(jobs.QUEUE, connection=connection)], connection=connection).work(burst=True)


def finished_attempt(database_url) -> int:
    from app.auth.services import create_user, find_user
    from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
    from app.extensions import db
    from app.models import Paper

    with _app(database_url).app_context():
        create_user(TEACHER, PASSWORD, ("instructor",), "e2e 讲师")
        attempt, _ = start_attempt(find_user(TRAINEE), Paper.by_key("mock-small"))
        save_answer(attempt, "t.case-1", {"a": "先道歉，再耐心倾听"})
        submit_attempt(attempt)
        db.session.commit()
        attempt_id = attempt.id
        db.session.remove()
    return attempt_id


def test_a_regrade_shows_its_progress_and_then_its_outcome(queued_server, page, artifacts):
    finished_attempt(queued_server.database_url)
    sign_in(page, queued_server, TEACHER)
    page.goto(queued_server.url + "/review/regrade?paper=mock-small&preview=1")
    page.click("#regrade-commit")
    expect(page).to_have_url(re.compile(r"/jobs/[\w-]+$"))
    expect(page.locator("#job-text")).to_contain_text("排队中")
    page.screenshot(path=str(artifacts / "job-queued-375.png"), full_page=True)
    run_jobs(queued_server)
    # the page polls, sees the job finished and goes on to the regrade page with its summary
    expect(page).to_have_url(re.compile(r"/review/regrade\?paper=mock-small&job="), timeout=20000)
    expect(page.locator("#regrade-done")).to_contain_text("重新评分")


def test_a_submitted_exam_waits_for_its_grading_then_shows_the_result(queued_server, page):
    from app.exams.lifecycle import save_answer, start_attempt
    from app.auth.services import find_user
    from app.extensions import db
    from app.models import Paper

    with _app(queued_server.database_url).app_context():
        attempt, _ = start_attempt(find_user(TRAINEE), Paper.by_key("mock-small"))
        save_answer(attempt, "t.case-1", {"a": "先道歉，再耐心倾听"})
        db.session.commit()
        attempt_id = attempt.id
        db.session.remove()
    sign_in(page, queued_server, TRAINEE)
    page.goto(f"{queued_server.url}/attempts/{attempt_id}")
    page.click("#submit-open")
    page.click("#submit-confirm")
    expect(page).to_have_url(re.compile(rf"/attempts/{attempt_id}/result"))
    expect(page.locator("#grading")).to_contain_text("正在评分")
    run_jobs(queued_server)
    expect(page.locator(".total-score")).to_be_visible(timeout=20000)  # the page refreshed itself
    expect(page.locator("#grading")).to_have_count(0)
