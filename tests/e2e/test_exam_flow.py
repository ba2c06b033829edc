"""A trainee sits a mock exam in a real headless Chromium at phone size (375 x 812)."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

CASE_ANSWER = "首先要向顾客诚恳道歉，然后耐心倾听顾客的抱怨。<b>不要</b>争辩，最后把顾客请到接待室处理。"


def sign_in(page, server):
    page.goto(server.url + "/login")
    page.fill("input[name=username]", server.username)
    page.fill("input[name=password]", server.password)
    page.click("button[type=submit].primary")
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def question(page, key):
    return page.locator(f'article.q[data-key="{key}"]')


def choose(page, key, text):
    question(page, key).locator("label.option", has_text=text).click()


def wait_saved(page, key):
    expect(question(page, key).locator(".save-state")).to_have_attribute("data-state", "saved")
    expect(question(page, key).locator(".save-state")).to_contain_text("已保存")


def no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def answer_everything(page):
    choose(page, "t.single-1", "营造气氛")
    wait_saved(page, "t.single-1")
    choose(page, "t.single-2", "专注理解")
    for text in ("可靠性", "响应性", "移情性"):
        choose(page, "t.multiple-1", text)
    choose(page, "t.judge-1", "错误")
    question(page, "t.judge-1").locator("button.flag").click()
    question(page, "t.case-1").locator("textarea").fill(CASE_ANSWER)
    for key in ("t.single-2", "t.multiple-1", "t.judge-1", "t.case-1"):
        wait_saved(page, key)


def check_answers(page):
    expect(question(page, "t.single-1").locator("label.option", has_text="营造气氛").locator("input")).to_be_checked()
    expect(question(page, "t.single-2").locator("label.option", has_text="专注理解").locator("input")).to_be_checked()
    multiple = question(page, "t.multiple-1")
    for text in ("可靠性", "响应性", "移情性"):
        expect(multiple.locator("label.option", has_text=text).locator("input")).to_be_checked()
    expect(multiple.locator("label.option", has_text="价格").locator("input")).not_to_be_checked()
    expect(question(page, "t.judge-1").locator("label.option", has_text="错误").locator("input")).to_be_checked()
    expect(question(page, "t.judge-1").locator("button.flag")).to_have_attribute("aria-pressed", "true")
    expect(question(page, "t.case-1").locator("textarea")).to_have_value(CASE_ANSWER)
    for number in range(1, 6):
        expect(page.locator(f'.nav-q[data-number="{number}"]')).to_have_class(re.compile(r"\banswered\b"))
    expect(page.locator('.nav-q[data-number="4"]')).to_have_class(re.compile(r"\bflagged\b"))


def start_exam(page, server):
    sign_in(page, server)
    page.locator('article[data-paper="mock-small"] a.start').click()
    expect(page).to_have_url(re.compile(r"/papers/mock-small/start$"))  # the intro: nothing has started yet
    page.click("#start-exam")
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))
    expect(page.locator("#cd-value")).to_have_text(re.compile(r"^(29|30):\d\d$"))


def submit_and_open_result(page, screenshot=None):
    page.click("#submit-open")
    dialog = page.locator("#submit-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#submit-flagged")).to_be_visible()  # the flagged judge question is listed
    expect(dialog.locator("#submit-flagged .nav-q")).to_have_text(["4"])
    expect(dialog.locator("#submit-unanswered")).to_be_hidden()
    if screenshot:
        page.screenshot(path=screenshot)
    page.click("#submit-confirm")
    expect(page).to_have_url(re.compile(r"/attempts/\d+/result$"))


def test_mock_exam_answers_survive_reload_and_the_result_highlights_evidence(live_server, page, artifacts):
    start_exam(page, live_server)
    no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "exam-start-375.png"))

    answer_everything(page)
    expect(page.locator("#progress-count")).to_contain_text("5")
    question(page, "t.case-1").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "exam-answered-375.png"))

    page.reload()
    check_answers(page)
    no_horizontal_scroll(page)

    # the navigator opens, and a tap jumps to the question
    page.click("#nav-toggle")
    expect(page.locator("#navigator")).to_be_visible()
    page.screenshot(path=str(artifacts / "exam-navigator-375.png"))
    page.locator('.nav-q[data-number="5"]').click()
    expect(page.locator("#navigator")).to_be_hidden()
    expect(question(page, "t.case-1")).to_be_in_viewport()

    # the paper records focus: leaving the page is reported (and nothing blocks the trainee)
    page.evaluate("window.dispatchEvent(new Event('blur'))")
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/focus'))")
    assert live_server.focus_losses() >= 1

    submit_and_open_result(page, screenshot=str(artifacts / "exam-submit-dialog-375.png"))
    marks = page.locator(".answer-text mark")
    texts = marks.all_inner_texts()
    assert "道歉" in "".join(texts) and "倾听" in "".join(texts), texts
    assert any("接待室" in t or "请到" in t for t in texts), texts
    expect(page.locator(".answer-text")).to_contain_text("<b>不要</b>")  # the trainee's markup is text
    expect(page.locator(".total-score")).to_have_text(re.compile(r"\d"))
    expect(page.locator("ul.keypoints li.earned").first).to_be_visible()
    no_horizontal_scroll(page)
    page.locator(".answer-text").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "result-case-375.png"))
    page.screenshot(path=str(artifacts / "result-full-375.png"), full_page=True)


def test_unsent_answer_is_kept_locally_and_sent_after_reload(live_server, page):
    start_exam(page, live_server)
    choose(page, "t.single-1", "营造气氛")
    wait_saved(page, "t.single-1")
    # the network fails: the page says so and keeps retrying; the answer waits in localStorage
    page.route("**/api/attempts/*/answers/**", lambda route: route.abort())
    question(page, "t.case-1").locator("textarea").fill("先道歉再倾听")
    expect(question(page, "t.case-1").locator(".save-state")).to_have_attribute("data-state", "failed")
    expect(question(page, "t.case-1").locator(".save-state")).to_contain_text("保存失败")
    page.unroute("**/api/attempts/*/answers/**")
    page.route("**/api/attempts/*/answers/**", lambda route: route.abort())
    page.reload()  # the server never got it: the local copy comes back and is sent again
    page.unroute("**/api/attempts/*/answers/**")
    expect(question(page, "t.case-1").locator("textarea")).to_have_value("先道歉再倾听")
    wait_saved(page, "t.case-1")
    page.reload()
    expect(question(page, "t.case-1").locator("textarea")).to_have_value("先道歉再倾听")


def test_server_restart_mid_exam_resumes_every_saved_answer(live_server, page):
    start_exam(page, live_server)
    answer_everything(page)
    live_server.stop()
    live_server.start()
    page.reload()
    check_answers(page)
    submit_and_open_result(page)
    expect(page.locator(".answer-text mark").first).to_be_visible()


def test_dashboard_practice_and_mistake_book_at_phone_width(live_server, page, artifacts):
    start_exam(page, live_server)
    choose(page, "t.single-1", "诊断问题")  # wrong: it goes into the 错题本
    wait_saved(page, "t.single-1")
    page.click("#submit-open")
    page.click("#submit-confirm")
    expect(page).to_have_url(re.compile(r"/result$"))

    page.goto(live_server.url + "/dashboard")
    expect(page.locator("svg.chart-line circle.dot")).to_have_count(1)
    expect(page.locator("svg.chart-bars")).to_be_visible()
    no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "dashboard-375.png"), full_page=True)

    page.locator(".chip-list a", has_text="投诉处理").click()
    expect(page).to_have_url(re.compile(r"/practice\?topic="))
    expect(page.locator("article.practice-q .tag").first).to_have_text("投诉处理")
    page.goto(live_server.url + "/practice?question=t.case-1")
    page.locator("textarea").fill("先向顾客道歉，再耐心倾听。")
    page.click("button[type=submit].primary")
    expect(page.locator(".answer-text mark")).to_have_count(2)
    expect(page.locator("#next-question")).to_be_visible()
    no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "practice-feedback-375.png"), full_page=True)

    page.goto(live_server.url + "/mistakes")
    expect(page.locator("article.mistake")).not_to_have_count(0)
    no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / "mistakes-375.png"), full_page=True)
    page.goto(live_server.url + "/history")
    expect(page.locator("article.history-row")).to_have_count(1)
    no_horizontal_scroll(page)


def test_a_save_after_the_deadline_switches_to_time_up(live_server, page):
    start_exam(page, live_server)
    choose(page, "t.single-1", "营造气氛")
    wait_saved(page, "t.single-1")
    live_server.set_deadline(-60)  # the server's clock is past the deadline (and its grace)
    choose(page, "t.single-2", "专注理解")
    expect(page.locator("#time-up")).to_be_visible()
    expect(page.locator("#time-up")).to_contain_text("考试时间已到")
    expect(question(page, "t.case-1").locator("textarea")).to_be_disabled()
    page.locator("#time-up a").click()
    expect(page).to_have_url(re.compile(r"/result$"))
    expect(page.locator(".result-total")).to_contain_text("时间用完时自动交卷")


def test_the_countdown_reaching_zero_ends_the_exam(live_server, page):
    start_exam(page, live_server)
    live_server.set_deadline(4)
    page.reload()
    expect(page.locator("#cd-value")).to_have_text(re.compile(r"^00:0[0-4]$"))
    question(page, "t.case-1").locator("textarea").fill("先道歉")  # sent at once when the time runs out
    expect(page.locator("#time-up")).to_be_visible(timeout=15000)
    page.locator("#time-up a").click()
    expect(page).to_have_url(re.compile(r"/result$"))
    expect(page.locator(".answer-text mark")).to_have_text(["道歉"])


def test_the_saved_time_is_beijing_time_on_a_phone_set_to_another_zone(live_server, browser):
    """'已保存 21:37:53' on a phone set to London while the footer says every time is Beijing time (UTC+8) and the
    result page says 05:37 (found walking the demo with a browser in UTC)."""
    from datetime import datetime, timedelta, timezone

    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="zh-CN", timezone_id="Europe/London",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        start_exam(page, live_server)
        choose(page, "t.single-1", "营造气氛")
        wait_saved(page, "t.single-1")
        shown = question(page, "t.single-1").locator(".save-state").inner_text()
        clock = re.search(r"(\d\d):(\d\d):\d\d", shown)
        beijing = datetime.now(timezone(timedelta(hours=8)))
        assert clock and int(clock.group(1)) in (beijing.hour, (beijing.hour - 1) % 24), (shown, beijing)
    finally:
        context.close()
