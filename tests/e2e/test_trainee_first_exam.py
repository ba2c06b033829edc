"""What a trainee's first real mock exam tripped over (issue 15), in headless Chromium on a phone (375 x 812) and a
desktop (1280 x 800): the paper's intro, the character counter, a stale second tab and Back after submitting, the
navigator's jump below the sticky bar, and the printable 错题本."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(params=list(SIZES))
def screen(request, browser):
    """(page, name, width) at each size; the phone as a touch device."""
    size = SIZES[request.param]
    phone = request.param == "phone"
    context = browser.new_context(viewport=size, device_scale_factor=2 if phone else 1, locale="zh-CN",
                                  is_mobile=phone, has_touch=phone)
    context.set_default_timeout(15000)
    yield context, context.new_page(), request.param, size["width"]
    context.close()


def sign_in(page, server):
    page.goto(server.url + "/login")
    page.fill("input[name=username]", server.username)
    page.fill("input[name=password]", server.password)
    page.click("button[type=submit].primary")
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def question(page, key):
    return page.locator(f'article.q[data-key="{key}"]')


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def submit(page):
    """Submit through the dialog; grading on a loaded machine may take a while."""
    page.click("#submit-open")
    expect(page.locator("#submit-dialog")).to_be_visible()
    page.click("#submit-confirm")
    expect(page).to_have_url(re.compile(r"/attempts/\d+/result$"), timeout=45000)


def start(page, server):
    page.locator('article[data-paper="mock-small"] a.start').click()
    expect(page).to_have_url(re.compile(r"/papers/mock-small/start$"))
    page.click("#start-exam")
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))
    expect(page.locator("#cd-value")).to_have_text(re.compile(r"^(29|30):\d\d$"))


def test_the_intro_page_shows_the_paper_before_the_clock_starts(live_server, screen, artifacts):
    _context, page, name, width = screen
    sign_in(page, live_server)
    page.locator('article[data-paper="mock-small"] a.start').click()
    intro = page.locator("#intro")
    for text in ("小型模拟考试", "5 道题", "30 分钟", "3 次（共 3 次）", "一、单项选择题", "四、案例分析题", "考试须知",
                 "交卷后不能再修改答案", "及格线"):
        expect(intro).to_contain_text(text)
    expect(page.locator("#rule-focus")).to_contain_text("切换到其他标签页")
    expect(page.locator("#start-exam")).to_have_text("开始作答")
    expect(page.locator("#cd-value")).to_have_count(0)  # no clock yet
    fits(page, width)
    page.screenshot(path=str(artifacts / f"intro-{name}.png"), full_page=True)
    # Back to the dashboard: nothing was started, no attempt spent.
    page.goto(live_server.url + "/dashboard")
    expect(page.locator('article[data-paper="mock-small"]')).to_contain_text("剩余 3 次")
    expect(page.locator('article[data-paper="mock-small"] a.start')).to_be_visible()
    start(page, live_server)
    # The intro of a started paper resumes it instead of starting another.
    attempt_url = page.url
    page.goto(live_server.url + "/papers/mock-small/start")
    page.click("#start-exam")
    expect(page).to_have_url(attempt_url)


def test_the_counter_shows_the_limit_and_an_over_long_paste_is_never_cut(live_server, screen, artifacts):
    _context, page, name, width = screen
    sign_in(page, live_server)
    start(page, live_server)
    case = question(page, "t.case-1")
    box, counter, state = case.locator("textarea"), case.locator(".char-count"), case.locator(".save-state")
    expect(counter).to_have_text("0 / 5000")
    box.fill("先道歉")
    expect(counter).to_have_text("3 / 5000")
    expect(state).to_have_attribute("data-state", "saved")
    box.fill("道" * 5000)
    expect(counter).to_contain_text("已达 5000 字上限")
    expect(state).to_have_attribute("data-state", "saved")
    pasted = "道" * 4998 + "歉" * 7  # 5,005 characters pasted at once
    box.fill(pasted)
    expect(counter).to_contain_text("5005 / 5000")
    expect(counter).to_contain_text("已超出 5000 字上限 5 字")
    expect(counter).to_have_class(re.compile(r"\bover\b"))
    expect(box).to_have_value(pasted)  # nothing cut
    expect(state).to_have_attribute("data-state", "failed")
    expect(state).to_contain_text("未保存：答案超过 5000 字")
    fits(page, width)
    case.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"counter-over-{name}.png"))
    page.keyboard.press("End")
    box.press("End")
    for _ in range(5):
        box.press("Backspace")
    expect(counter).to_contain_text("已达 5000 字上限")
    expect(state).to_have_attribute("data-state", "saved")
    page.reload()
    expect(case.locator("textarea")).to_have_value("道" * 4998 + "歉" * 2)  # the server has the fitting answer


def test_a_stale_tab_says_at_once_the_exam_is_finished_and_back_goes_to_the_result(live_server, screen, artifacts):
    context, page, name, width = screen
    sign_in(page, live_server)
    start(page, live_server)
    question(page, "t.single-1").locator("label.option", has_text="营造气氛").click()
    expect(question(page, "t.single-1").locator(".save-state")).to_have_attribute("data-state", "saved")
    exam_url = page.url
    stale = context.new_page()
    stale.goto(exam_url)
    looking = context.new_page()
    looking.goto(exam_url)
    expect(stale.locator("#cd-value")).to_have_text(re.compile(r"\d"))
    expect(looking.locator("#cd-value")).to_have_text(re.compile(r"\d"))

    page.bring_to_front()
    submit(page)

    # The stale tab changes an answer: refused (409), said once, in Chinese, with the link to the result.
    stale.bring_to_front()
    question(stale, "t.single-2").locator("label.option", has_text="专注理解").click()
    panel = stale.locator("#time-up")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("本次考试已交卷，答案不能再修改")
    expect(panel.locator("a")).to_have_attribute("href", re.compile(r"/attempts/\d+/result$"))
    body = stale.locator("body").inner_text()
    assert body.count("答案不能再修改") == 1, body
    assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", panel.inner_text())
    expect(question(stale, "t.single-2").locator(".save-state")).not_to_contain_text("保存中")
    expect(question(stale, "t.single-2").locator(".save-state")).to_contain_text("未保存")
    expect(question(stale, "t.case-1").locator("textarea")).to_be_disabled()
    fits(stale, width)
    stale.screenshot(path=str(artifacts / f"stale-tab-{name}.png"))
    panel.locator("a").click()
    expect(stale).to_have_url(re.compile(r"/result$"))

    # The other tab only comes back into view: it asks the server and says so without any typing.
    looking.bring_to_front()
    looking.evaluate("window.dispatchEvent(new Event('focus'))")
    expect(looking.locator("#time-up")).to_be_visible()
    expect(looking.locator("#time-up")).to_contain_text("本次考试已交卷")

    # Back after submitting: never the exam page with its old state, the result instead.
    page.bring_to_front()
    page.go_back()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/result$"))
    expect(page.locator(".result-total")).to_be_visible()
    expect(page.locator("#exam-form")).to_have_count(0)


def test_the_navigator_jump_lands_below_the_sticky_bar(live_server, screen, artifacts):
    _context, page, name, width = screen
    sign_in(page, live_server)
    start(page, live_server)
    for number in ("5", "3", "2"):
        if name == "phone":
            page.click("#nav-toggle")
            expect(page.locator("#navigator")).to_be_visible()
        page.locator(f'.nav-q[data-number="{number}"]').click()
        target = page.locator(f'article.q[data-number="{number}"]')
        expect(target.locator(".q-number")).to_be_in_viewport()
        # Measured in the page's own coordinates (the viewport), once the jump is done.
        top, bar_bottom, height = page.evaluate("""n => {
            const q = document.querySelector(`article.q[data-number='${n}'] .q-head`).getBoundingClientRect();
            const bar = document.querySelector('.exam-bar').getBoundingClientRect();
            return [q.top, bar.bottom, window.innerHeight]; }""", number)
        assert bar_bottom <= top < height, (number, top, bar_bottom)  # the number and flag are in sight
        flag_top = page.evaluate("n => document.querySelector(`article.q[data-number='${n}'] button.flag`)"
                                 ".getBoundingClientRect().top", number)
        assert flag_top >= bar_bottom, (number, flag_top, bar_bottom)
    fits(page, width)
    page.screenshot(path=str(artifacts / f"navigator-jump-{name}.png"))


def test_the_printable_mistake_book_has_the_answers(live_server, screen, artifacts):
    _context, page, name, width = screen
    sign_in(page, live_server)
    start(page, live_server)
    question(page, "t.single-1").locator("label.option", has_text="诊断问题").click()  # wrong
    question(page, "t.judge-1").locator("label.option", has_text="正确").click()  # wrong
    question(page, "t.case-1").locator("textarea").fill("先向顾客说明情况。")  # misses every key point
    for key in ("t.single-1", "t.judge-1", "t.case-1"):
        expect(question(page, key).locator(".save-state")).to_have_attribute("data-state", "saved")
    submit(page)
    page.goto(live_server.url + "/mistakes")
    page.locator("a", has_text="打印版").click()
    expect(page).to_have_url(re.compile(r"/mistakes/print$"))
    single = page.locator('li.mistake-sheet[data-key="t.single-1"]')
    expect(single).to_contain_text("单项选择题")
    for text in ("营造气氛", "诊断问题", "寻求方案", "正确答案： A", "先稳定情绪"):
        expect(single).to_contain_text(text)
    expect(single.locator("li.right")).to_contain_text("营造气氛")
    expect(page.locator('li.mistake-sheet[data-key="t.judge-1"]')).to_contain_text("正确答案： 错误")
    case = page.locator('li.mistake-sheet[data-key="t.case-1"]')
    for text in ("店员应该怎么做？", "向顾客道歉", "耐心倾听", "把顾客请到安静的地方", "参考答案"):
        expect(case).to_contain_text(text)
    expect(case.locator(".missed-points li")).to_have_count(3)
    fits(page, width)
    page.screenshot(path=str(artifacts / f"mistakes-print-{name}.png"), full_page=True)
    page.emulate_media(media="print")
    expect(page.locator(".topbar")).to_be_hidden()
    expect(page.locator("[data-print]")).to_be_hidden()
    page.screenshot(path=str(artifacts / f"mistakes-print-media-{name}.png"), full_page=True)
    page.emulate_media(media="screen")
    # The print button is wired by the static script (no inline handler): it calls window.print.
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.click("[data-print]")
    assert page.evaluate("window.__printed") == 1


def test_the_result_ties_key_points_to_their_evidence_and_folds_a_long_answer(live_server, screen, artifacts):
    _context, page, name, width = screen
    sign_in(page, live_server)
    start(page, live_server)
    long_answer = "首先要向顾客诚恳道歉，然后耐心倾听。" + "说明处理经过并记录。" * 80 + "最后把顾客请到接待室。"
    question(page, "t.case-1").locator("textarea").fill(long_answer)
    expect(question(page, "t.case-1").locator(".save-state")).to_have_attribute("data-state", "saved")
    submit(page)
    expect(page.locator("#pass-line")).to_contain_text("及格线：9 分（满分 15 分的 60%）")
    box = page.locator(".fold-box").first
    expect(box).to_have_class(re.compile(r"\bfolded\b"))
    folded_height = box.bounding_box()["height"]
    toggle = box.locator("button.fold-toggle")
    expect(toggle).to_have_text("展开")
    point = page.locator('ul.keypoints li[data-point="apologize"]')
    evidence = page.locator('mark[data-points~="apologize"]')
    if name == "phone":
        point.tap()
    else:
        point.hover()
    expect(evidence.first).to_have_class(re.compile(r"\bkp-lit\b"))
    expect(page.locator('mark[data-points~="listen"]').first).not_to_have_class(re.compile(r"\bkp-lit\b"))
    page.screenshot(path=str(artifacts / f"result-evidence-{name}.png"))
    if name == "phone":
        page.locator('mark[data-points~="listen"]').first.tap()
    else:
        page.locator('mark[data-points~="listen"]').first.hover()
    expect(page.locator('ul.keypoints li[data-point="listen"]')).to_have_class(re.compile(r"\bkp-lit\b"))
    toggle.click()
    expect(toggle).to_have_text("收起")
    assert box.bounding_box()["height"] > folded_height + 150
    fits(page, width)
