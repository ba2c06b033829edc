"""A new instructor on a phone (375 x 812), in Chinese and in English: what the first day tripped over, fixed and
kept fixed. The walk through the whole day is the last test of this file."""
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, TRAINEE, _app

pytestmark = pytest.mark.e2e

TEACHER = "e2e-new-teacher"
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def teacher(live_server):
    from app.auth.services import create_user
    from app.extensions import db

    from app.auth.services import find_user
    from app.models import Cohort

    with _app(live_server.database_url).app_context():
        teacher = create_user(TEACHER, PASSWORD, ("instructor",), "新来的讲师")
        # Instructors mark only the trainees of the classes they teach (app/reach.py).
        db.session.add(Cohort(name="e2e 新讲师的班", members=[teacher, find_user(TRAINEE)]))
        db.session.commit()
        db.session.remove()
    return TEACHER


@pytest.fixture(params=["zh-CN", "en"])
def phone(request, browser, live_server, teacher):
    """A signed-in instructor's page on a phone, in each language."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, locale=request.param, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/login")
    page.fill("input[name=username]", teacher)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].primary")
    expect(page).not_to_have_url(re.compile(r"/login"))
    if request.param == "en":
        page.locator("header form.lang button").click()  # the header's English, as a person switches
        expect(page.locator("html")).to_have_attribute("lang", "en")
    yield page, request.param
    context.close()


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def visible_fields(section) -> set[str]:
    """The names of a paper section's fields a person can see (the name's last part: title, questions...)."""
    names = section.evaluate("s => [...s.querySelectorAll('[name]')].filter(f => f.offsetParent !== null)"
                             ".map(f => f.name.split('-').slice(2).join('-'))")
    return set(names)


def test_a_paper_section_shows_only_the_chosen_ways_fields_and_sections_are_added_without_saving(
        live_server, phone, artifacts):
    """The section showed the YAML box, the question ids and the six draw fields at once, whatever way was chosen,
    and a second section needed a save first ('保存后可再添加一个部分'): a paper of four sections, four saves."""
    page, lang = phone
    page.goto(live_server.url + "/authoring/papers/new")
    section = page.locator("fieldset.au-section").first
    assert visible_fields(section) == {"mode", "title", "points_each", "questions"}
    section.locator("input[value=draw]").check()
    assert visible_fields(section) == {"mode", "title", "points_each", "draw_type", "draw_count", "draw_topic",
                                       "draw_min", "draw_max", "draw_tags"}
    section.locator("input[value=yaml]").check()
    assert visible_fields(section) == {"mode", "yaml"}
    section.locator("input[value=draw]").check()
    # the areas are suggested (a new area was one typo away: 投诉 for 投诉处理)
    assert section.locator("input[name$=draw_topic]").get_attribute("list") == "areas"
    assert "投诉处理" in page.eval_on_selector_all("#areas option", "os => os.map(o => o.value)")
    expect(page.locator("#save-to-add")).to_be_hidden()
    page.click("#add-section")
    page.click("#add-section")
    expect(page.locator("fieldset.au-section")).to_have_count(3)
    fits(page)
    page.fill("input[name=id]", "mock-first-day")
    page.fill("input[name=title]", "第一次模拟")
    page.fill("input[name=time_limit]", "60")
    page.fill("input[name=section-0-title]", "单选")
    page.select_option("select[name=section-0-draw_type]", "single")
    page.fill("input[name=section-0-draw_count]", "2")
    page.fill("input[name=section-1-title]", "判断")
    page.fill("textarea[name=section-1-questions]", "t.judge-1")
    page.fill("input[name=section-2-title]", "案例")
    page.fill("textarea[name=section-2-questions]", "t.case-1")
    page.screenshot(path=str(artifacts / f"first-day-paper-{lang}.png"), full_page=True)
    page.click("button[type=submit].primary")
    expect(page).to_have_url(re.compile(r"/authoring/papers/mock-first-day/preview$"))
    expect(page.locator("#draw-check li[data-ok='1']")).to_have_count(3)


FLAGGED = "不要道歉，耐心倾听顾客的意见。"  # a negated key point: the grader asks for a person
GRADING = 30_000  # ms: the first draft grade loads the Grader, slow on a loaded machine
RUBRIC = ("- id: apologize\n  text: 道歉\n  points: 2\n  match: {apologize}\n"
          "- id: quality\n  text: 按质量问题退换\n  points: 4\n  match: [[质量问题], [退货, 换货, 退换]]\n")


def a_submitted_flagged_answer(database_url) -> None:
    """The trainee's finished attempt at mock-small, its case answer waiting for a person."""
    from app.auth.services import find_user
    from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
    from app.extensions import db
    from app.models import Paper

    with _app(database_url).app_context():
        attempt, _ = start_attempt(find_user(TRAINEE), Paper.by_key("mock-small"))
        save_answer(attempt, "t.case-1", {"a": FLAGGED})
        submit_attempt(attempt)
        db.session.commit()
        db.session.remove()


def on_screen(page, selector) -> list:
    """What of ``selector``'s visible descendants (cells, links) lies beyond the phone's right edge."""
    return page.eval_on_selector_all(selector + " :is(td, a, button, input)", """els => els
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > window.innerWidth + 1)
        .map(e => e.textContent.trim().slice(0, 20))""")


def test_a_new_instructors_first_day_on_a_phone(live_server, browser, teacher, artifacts):
    """Write a case question and try it (a newcomer's synonyms without brackets are caught while trying), import
    from the Excel and the Word templates, build and publish a paper, mark a flagged answer (a score out of range
    is shown above the save bar), change a rubric and follow the question page to the regrade, read the item
    statistics; then the same pages in English. Every page fits the phone."""
    a_submitted_flagged_answer(live_server.database_url)
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, locale="zh-CN", is_mobile=True,
                                  has_touch=True, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    url = live_server.url
    page.goto(url + "/login")
    page.fill("input[name=username]", teacher)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].primary")
    expect(page).to_have_url(re.compile(r"/authoring/$"))

    # 1. a case question with a rubric, tried live
    page.locator(".au-nav a", has_text="新建题目").click()
    page.fill("input[name=id]", "complaints.kettle")
    page.fill("input[name=topic]", "投诉处理")
    page.fill("textarea[name=stem]", "顾客买的电水壶用了三天就坏了，来店要求退货，店员说已过七天无理由期限，拒绝处理。")
    page.fill("input[name=part-0-id]", "a")
    page.fill("input[name=part-0-points]", "6")
    page.fill("textarea[name=part-0-prompt]", "店员应该怎么处理？")
    page.fill("textarea[name=part-0-reference]", "先道歉，再按质量问题办理退换。")
    page.fill("textarea[name=part-0-rubric]", RUBRIC.format(apologize="道歉, 致歉"))  # no brackets: one term
    panel = page.locator('.try-panel[data-part-index="0"]')
    panel.locator("textarea.try-answer").fill("先向顾客致歉，再按质量问题给顾客换货。")
    result = panel.locator(".try-result")
    expect(result.locator(".try-problems li")).to_contain_text("词语“道歉, 致歉”中有逗号", timeout=GRADING)
    expect(result.locator(".try-score")).to_have_text("4")
    page.fill("textarea[name=part-0-rubric]", RUBRIC.format(apologize="[[道歉, 致歉]]"))
    expect(result.locator(".try-score")).to_have_text("6", timeout=GRADING)
    expect(result.locator(".try-problems")).to_have_count(0)
    fits(page)
    page.check("#publish")
    page.click("#save")
    expect(page).to_have_url(re.compile(r"/authoring/questions/complaints\.kettle$"))
    expect(page.locator(".flash")).to_contain_text("已保存并发布")

    # 2. import from the Excel template and from the Word template
    page.locator(".au-nav a", has_text="导入").click()
    for link, rows in (("#template-xlsx", 2), ("#template-docx", 3)):
        with page.expect_download() as download:
            page.click(link)
        assert download.value.suggested_filename == "question-template." + link[-4:], download.value.suggested_filename
        page.set_input_files("#import-form input[name=file]", download.value.path())
        page.click("#import-form button[type=submit]")
        expect(page.locator("tr.row-ok")).to_have_count(rows)
        fits(page)
        page.click("#confirm-import")
        expect(page.locator(".flash")).to_contain_text("已导入")
        page.goto(url + "/authoring/import")

    # 3. a paper of two sections, published on save
    page.goto(url + "/authoring/papers/new")
    page.fill("input[name=id]", "mock-kettle")
    page.fill("input[name=title]", "电水壶模拟卷")
    page.fill("input[name=time_limit]", "45")
    page.fill("input[name=section-0-title]", "单项选择题")
    page.check("input[name=section-0-mode][value=draw]")
    page.select_option("select[name=section-0-draw_type]", "single")
    page.fill("input[name=section-0-draw_count]", "3")
    page.click("#add-section")
    page.fill("input[name=section-1-title]", "案例分析题")
    page.fill("textarea[name=section-1-questions]", "complaints.kettle")
    page.check("#publish")
    fits(page)
    page.click("button[type=submit].primary")
    expect(page).to_have_url(re.compile(r"/papers/mock-kettle/preview$"))
    expect(page.locator(".flash")).to_contain_text("试卷已保存并发布")
    expect(page.locator("#draw-check li[data-ok='1']")).to_have_count(2)
    page.screenshot(path=str(artifacts / "first-day-paper-preview.png"), full_page=True)

    # 4. mark the flagged answer: a score above the point's maximum is refused where it can be seen
    page.locator("header .menu-button").click()
    page.locator("header nav a", has_text="批阅").click()
    page.locator("a", has_text="批阅队列").first.click()
    page.click("#start-marking")
    point = page.locator('input[name="p-a-apologize"]')
    point.fill("5")
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".mark-actions button").last.click()
    expect(point).to_be_focused()
    bar_top = page.locator(".mark-actions").bounding_box()["y"]
    box = point.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= bar_top, (box, bar_top)
    point.fill("4")
    page.fill('textarea[name="c-a"]', "“不要道歉”是笔误，按道歉给分")
    page.locator(".mark-actions button").last.click()
    expect(page.locator(".flash")).to_contain_text("已保存：1 处改动")
    fits(page)

    # 5. change the rubric; the question page leads to the regrade
    page.goto(url + "/authoring/questions/t.case-1/edit")
    rubric = page.locator("textarea[name=part-0-rubric]")
    relocate = "  - - 请到\n    - 带到\n  - - 接待室\n    - 办公室"  # 耐心 now earns the last point alone
    assert relocate in rubric.input_value()
    rubric.fill(rubric.input_value().replace(relocate, "  - - 请到\n    - 带到\n    - 耐心"))
    page.click("#save")
    expect(page.locator(".flash")).to_contain_text("已保存为第 2 版")
    notice = page.locator('.notice[data-regrade="mock-small"]')
    expect(notice).to_contain_text("有 1 份已交卷的作答是按这道题的旧版本评分的")
    notice.locator("a").click()
    expect(page.locator("#dry-run-changes tbody tr")).to_have_count(1)
    expect(page.locator("#dry-run-changes tbody td.num")).to_contain_text("7 → 10")
    assert on_screen(page, "#dry-run-report") == []
    page.screenshot(path=str(artifacts / "first-day-dry-run.png"), full_page=True)
    page.locator("#dry-run-report button[type=submit]").click()
    expect(page.locator(".flash")).to_contain_text("合计 +3 分")
    page.goto(url + "/authoring/questions/t.case-1")
    expect(page.locator(".au-history li")).to_have_count(2)
    expect(notice).to_have_count(0)
    assert page.locator('.au-history li[data-version="2"] a').bounding_box()["height"] >= 44  # tapped, not read

    # 6. the item statistics: every figure on the screen, the reasons in words
    page.goto(url + "/review/papers/mock-small/items")
    row = page.locator('#items-table tr[data-question="t.single-1"]')
    expect(row.locator(".attention-why")).to_have_text("通过率不在 0.2–0.9 之间")
    expect(row).to_contain_text("处理客户不满的第一步是什么？")
    assert on_screen(page, "main") == []
    fits(page)
    page.screenshot(path=str(artifacts / "first-day-items-zh.png"), full_page=True)

    # 7. the same day in English
    page.locator("header form.lang button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(row.locator(".attention-why")).to_have_text("facility outside 0.2–0.9")
    assert on_screen(page, "main") == []
    for path, text in (("/authoring/import", "Download the Word template"), ("/authoring/papers/new", "Add a section"),
                       ("/authoring/questions/complaints.kettle", "As a trainee sees it"),
                       ("/review/regrade?paper=mock-small&preview=1", "Dry run")):
        page.goto(url + path)
        expect(page.locator("main")).to_contain_text(text)
        fits(page)
    page.goto(url + "/authoring/questions/new?type=single")
    page.fill("input[name=id]", "gas.first-day")
    page.click("#save")
    expect(page.locator("#problems strong")).to_have_text("The question was not saved: 5 problems.")
    expect(page.locator(".field-error", has_text="tick the right option")).to_be_visible()
    page.screenshot(path=str(artifacts / "first-day-refused-en.png"), full_page=True)
    context.close()
