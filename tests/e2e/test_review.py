"""An instructor marks a flagged case answer on a phone-sized screen; the trainee's result shows the new total and
the comment, and no longer says 待讲师复核."""
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, TRAINEE, _app

pytestmark = pytest.mark.e2e

TEACHER = "e2e-teacher"
FLAGGED_ANSWER = "不要道歉，耐心倾听顾客的意见。"  # a negated key point: the grader asks for review
COMMENT = "“请到接待室”的意思没写到，但态度好，酌情给 2 分"


def sitting_with_a_flagged_answer(database_url) -> int:
    """An instructor account teaching the trainee's class, and a submitted attempt whose case answer awaits review
    (set up through the services)."""
    from app.auth.services import create_user, find_user
    from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
    from app.extensions import db
    from app.models import Cohort, Paper

    with _app(database_url).app_context():
        teacher = create_user(TEACHER, PASSWORD, ("instructor",), "e2e 讲师")
        db.session.add(Cohort(name="e2e 讲师的班", members=[teacher, find_user(TRAINEE)]))
        attempt, _ = start_attempt(find_user(TRAINEE), Paper.by_key("mock-small"))
        save_answer(attempt, "t.case-1", {"a": FLAGGED_ANSWER})
        submit_attempt(attempt)
        db.session.commit()
        assert next(i.response for i in attempt.items if i.version.question.key == "t.case-1").needs_review
        attempt_id = attempt.id
        db.session.remove()
    return attempt_id


def stored_score(database_url, attempt_id):
    from app.extensions import db
    from app.models import Attempt

    with _app(database_url).app_context():
        score = db.session.get(Attempt, attempt_id).score
        db.session.remove()
    return score


def sign_in(page, server, username):
    page.goto(server.url + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].primary")
    expect(page).not_to_have_url(re.compile(r"/login"))


def test_an_instructor_overrides_a_key_point_and_the_trainee_sees_it(live_server, browser, page, artifacts):
    attempt_id = sitting_with_a_flagged_answer(live_server.database_url)
    before = stored_score(live_server.database_url, attempt_id)

    sign_in(page, live_server, TEACHER)
    page.locator("header .menu-button").click()  # a phone: the site's links are in the menu
    page.locator("header nav a", has_text="批阅").click()
    page.locator("a", has_text="批阅队列").first.click()
    expect(page.locator("table.queue tbody tr[data-response]")).to_have_count(1)
    page.click("#start-marking")
    expect(page).to_have_url(re.compile(r"/review/responses/\d+"))
    expect(page.locator(".answer-text")).to_contain_text(FLAGGED_ANSWER)
    expect(page.locator(".answer-text mark")).to_have_count(1)  # the listening point's evidence
    point = page.locator('input[name="p-a-relocate"]')
    expect(point).to_have_value("0")
    point.fill("2")
    page.fill('textarea[name="c-a"]', COMMENT)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # usable on a phone
    page.screenshot(path=str(artifacts / "review-mark-375.png"), full_page=True)
    page.click("#save-next")
    expect(page).to_have_url(re.compile(r"/review/queue"))  # the queue is done
    expect(page.locator(".flash")).to_have_text(["已保存：1 处改动。", "批阅队列已完成。"])
    after = stored_score(live_server.database_url, attempt_id)
    assert after == pytest.approx(before + 2)

    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="zh-CN", is_mobile=True)
    trainee = context.new_page()
    trainee.set_default_timeout(15000)
    try:
        sign_in(trainee, live_server, TRAINEE)
        trainee.goto(f"{live_server.url}/attempts/{attempt_id}/result")
        expect(trainee.locator(".total-score")).to_have_text(f"{after:g}")
        expect(trainee.locator(".instructor-comment")).to_contain_text(COMMENT)
        expect(trainee.locator(".case-part")).to_contain_text("讲师已复核")
        expect(trainee.locator("body")).not_to_contain_text("待讲师复核")
        trainee.screenshot(path=str(artifacts / "review-trainee-result-375.png"), full_page=True)
    finally:
        context.close()
