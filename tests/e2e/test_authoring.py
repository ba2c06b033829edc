"""An instructor at phone (375 x 812) and desktop (1280 x 800) widths: writes a new case part, tries an answer
that is graded with highlights while typing, sees a sample drift when the rubric changes, saves, and finds the new
version in the history."""
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import _app

pytestmark = pytest.mark.e2e

INSTRUCTOR, PASSWORD = "e2e-instructor", "e2e-password-456"
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}
RUBRIC = "- id: call\n  text: 电话回访\n  points: 6\n  match: [[回访, 致电]]\n"
GRADING = 30_000  # ms: the first draft grade loads the Grader (jieba), slow on a loaded machine
SAMPLES = "- answer: 三天内给顾客打电话回访\n  expect: 6\n  tolerance: 0\n"


@pytest.fixture
def instructor(live_server):
    from app.auth.services import create_user
    from app.extensions import db

    with _app(live_server.database_url).app_context():
        create_user(INSTRUCTOR, PASSWORD, ("instructor",), "测试老师")
        db.session.commit()
        db.session.remove()
    return INSTRUCTOR


@pytest.fixture(params=list(WIDTHS))
def screen(request, browser):
    phone = request.param == "phone"
    context = browser.new_context(viewport=WIDTHS[request.param], device_scale_factor=2 if phone else 1,
                                  locale="zh-CN", is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield request.param, page
    context.close()


def sign_in(page, server):
    page.goto(server.url + "/login")
    page.fill("input[name=username]", INSTRUCTOR)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].primary")
    expect(page).not_to_have_url(re.compile(r"/login"))


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_write_a_case_part_try_it_live_save_and_find_the_version(live_server, instructor, screen, artifacts):
    name, page = screen
    width = WIDTHS[name]["width"]
    sign_in(page, live_server)
    page.goto(live_server.url + "/authoring/?q=饼干")
    expect(page.locator('li.au-item[data-key="t.case-1"]')).to_be_visible()
    fits(page, width)
    page.screenshot(path=str(artifacts / f"authoring-list-{name}.png"), full_page=True)
    page.locator('li.au-item[data-key="t.case-1"] a.au-stem').click()
    expect(page.locator('.au-history li[data-version="1"]')).to_be_visible()
    page.click("text=编辑 >> nth=0")
    expect(page).to_have_url(re.compile(r"/edit$"))

    new_part = page.locator('fieldset.au-part[data-part-index="1"]')
    new_part.locator('input[name="part-1-id"]').fill("b")
    new_part.locator('input[name="part-1-points"]').fill("6")
    new_part.locator('textarea[name="part-1-prompt"]').fill("事后应该怎样跟进？")
    new_part.locator('textarea[name="part-1-reference"]').fill("三天内电话回访顾客。")
    new_part.locator('textarea[name="part-1-rubric"]').fill(RUBRIC)
    new_part.locator('textarea[name="part-1-samples"]').fill(SAMPLES)

    # typing, key by key: the panel grades the draft while the instructor types
    box = new_part.locator(".try-answer")
    box.press_sequentially("处理完以后我会回访", delay=40)
    result = new_part.locator(".try-result")
    expect(result).to_have_attribute("data-state", "graded", timeout=GRADING)
    expect(result.locator("mark")).to_have_text("回访", timeout=GRADING)
    expect(result.locator(".try-score")).to_have_text("6", timeout=GRADING)
    expect(result.locator('li.earned[data-point="call"]')).to_be_visible()
    box.press_sequentially("顾客", delay=40)
    expect(result.locator(".try-answer-text")).to_have_text("处理完以后我会回访顾客", timeout=GRADING)
    expect(new_part.locator(".try-sample-list li.sample-ok")).to_have_count(1, timeout=GRADING)
    fits(page, width)
    page.screenshot(path=str(artifacts / f"authoring-try-{name}.png"), full_page=True)

    # the rubric loses the word the sample uses: the sample turns red
    new_part.locator('textarea[name="part-1-rubric"]').fill(RUBRIC.replace("[[回访, 致电]]", "[[致电]]"))
    expect(new_part.locator(".try-sample-list li.sample-drift")).to_have_count(1, timeout=GRADING)
    expect(result.locator(".try-score")).to_have_text("0", timeout=GRADING)
    new_part.locator('textarea[name="part-1-rubric"]').fill(RUBRIC)
    expect(new_part.locator(".try-sample-list li.sample-ok")).to_have_count(1, timeout=GRADING)

    page.click("#save")
    expect(page).to_have_url(re.compile(r"/authoring/questions/t\.case-1$"))
    expect(page.locator(".flash")).to_contain_text("已保存为第 2 版")
    expect(page.locator('.au-history li[data-version="2"]')).to_be_visible()
    expect(page.locator(".au-trainee")).to_contain_text("事后应该怎样跟进？")
    fits(page, width)
    page.screenshot(path=str(artifacts / f"authoring-question-{name}.png"), full_page=True)
    page.locator('.au-history li[data-version="2"] a').click()
    expect(page.locator(".au-diff .d-added").first).to_be_visible()
    expect(page.locator(".au-diff")).to_contain_text("事后应该怎样跟进？")
    page.screenshot(path=str(artifacts / f"authoring-diff-{name}.png"), full_page=True)


def test_bad_input_is_shown_at_the_field_and_nothing_is_saved(live_server, instructor, screen):
    name, page = screen
    sign_in(page, live_server)
    page.goto(live_server.url + "/authoring/questions/t.case-1/edit")
    page.locator('input[name="part-0-points"]').fill("9")
    page.click("#save")
    part = page.locator('fieldset.au-part[data-part-index="0"]')
    expect(part.locator(".field-error")).to_contain_text("小题“a”：评分要点合计 10 分，但小题总分是 9 分")  # in the page language
    fits(page, WIDTHS[name]["width"])
    page.goto(live_server.url + "/authoring/questions/t.case-1")
    expect(page.locator(".au-history li")).to_have_count(1)




def test_an_xlsx_with_two_bad_rows_is_reported_row_by_row_and_imports_nothing(live_server, instructor, screen,
                                                                             artifacts):
    from tests.authoring.test_import import BAD, GOOD, xlsx

    name, page = screen
    width = WIDTHS[name]["width"]
    sign_in(page, live_server)
    page.goto(live_server.url + "/authoring/?status=all")
    expect(page.locator("#result-count")).to_contain_text("找到 5 道题")
    page.goto(live_server.url + "/authoring/import")
    page.set_input_files('#import-form input[name="file"]', files=[{
        "name": "题库.xlsx", "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "buffer": xlsx(GOOD + BAD)}])
    page.click("#import-form button[type=submit]")
    expect(page.locator("tr.row-bad")).to_have_count(2)
    expect(page.locator('tr.row-bad[data-location="row 4"]')).to_contain_text("答案中的E不在选项中")
    expect(page.locator('tr.row-bad[data-location="row 5"]')).to_contain_text("题干为空")
    expect(page.locator("tr.row-ok")).to_have_count(2)
    expect(page.locator("#bad-rows-summary")).to_contain_text("有 2 道题无法读取")
    expect(page.locator("#confirm-import")).to_have_count(0)  # nothing to confirm: the file must be fixed first
    fits(page, width)
    page.screenshot(path=str(artifacts / f"authoring-import-{name}.png"), full_page=True)
    page.goto(live_server.url + "/authoring/?status=all")
    expect(page.locator("#result-count")).to_contain_text("找到 5 道题")
