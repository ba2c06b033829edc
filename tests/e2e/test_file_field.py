"""The file fields of the import pages wrote the browser's own "Choose File / No file chosen" inside the Chinese
pages. With script the page's own button (选择文件) and the chosen file's name show, the native input kept focusable
and named; without script the native input shows and works."""
import pytest
from playwright.sync_api import expect

from tests.e2e.test_phone import make_admin
from tests.e2e.test_review import TEACHER, sign_in, sitting_with_a_flagged_answer

pytestmark = pytest.mark.e2e

PAGES = {"e2e-admin": ["/admin/users/import"],
         TEACHER: ["/authoring/import", "/authoring/exchange", "/review/papers/mock-small/marking",
                   "/authoring/questions/t.case-1/test-responses"]}
BROWSER_WORDS = ("Choose File", "Choose file", "No file chosen", "no file selected", "Browse", "Choose a file")


def _context(browser, script: bool):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, locale="zh-CN",
                                  is_mobile=True, has_touch=True, java_script_enabled=script)
    context.set_default_timeout(15000)
    return context


def test_the_chinese_file_fields_show_no_english_picker_text(live_server, browser, artifacts, tmp_path):
    make_admin(live_server)
    sitting_with_a_flagged_answer(live_server.database_url)
    upload = tmp_path / "题库.csv"
    upload.write_text("题型,题干,选项A,选项B,答案,解析,知识点\n单选,题,甲,乙,A,解析,投诉处理\n", encoding="utf-8")
    context = _context(browser, True)
    page = context.new_page()
    try:
        for user, paths in PAGES.items():
            context.clear_cookies()
            sign_in(page, live_server, user)
            for path in paths:
                page.goto(live_server.url + path)
                field = page.locator(".file-field")
                expect(field).to_have_class("file-field enhanced")
                native = field.locator("input[type=file]").bounding_box()
                assert native["width"] <= 1 and native["height"] <= 1, (path, native)  # its own texts are unseen
                button, chosen = field.locator(".file-button"), field.locator(".file-chosen")
                expect(button).to_have_text("选择文件")
                expect(chosen).to_have_text("未选择文件")
                box = button.bounding_box()
                assert box["height"] >= 44 and box["x"] + box["width"] <= 375, (path, box)
                visible = page.locator("main").inner_text()
                assert not [w for w in BROWSER_WORDS if w in visible], (path, visible)
                native_input = field.locator("input[type=file]")
                native_input.focus()  # reached by the keyboard, named by its title, described by the chosen name
                assert native_input.evaluate("i => document.activeElement === i")
                described = native_input.get_attribute("aria-describedby")
                assert described and page.locator(f"#{described}").inner_text() == "未选择文件"
                assert native_input.evaluate("i => document.getElementById(i.getAttribute('aria-labelledby')).innerText")
                if path == "/authoring/import":
                    native_input.set_input_files(str(upload))
                    expect(chosen).to_have_text("题库.csv")
                    field.screenshot(path=str(artifacts / "file-field-chosen-375.png"))
                    page.locator("#import-form button.primary").click()
                    expect(page.locator("tr.row-ok")).to_have_count(1)
    finally:
        context.close()


def test_without_script_the_native_file_input_still_works(live_server, browser, tmp_path):
    sitting_with_a_flagged_answer(live_server.database_url)
    upload = tmp_path / "bank.csv"
    upload.write_text("题型,题干,选项A,选项B,答案,解析,知识点\n单选,题,甲,乙,A,解析,投诉处理\n", encoding="utf-8")
    context = _context(browser, False)
    page = context.new_page()
    try:
        sign_in(page, live_server, TEACHER)
        page.goto(live_server.url + "/authoring/import")
        native = page.locator(".file-field input[type=file]")
        assert native.bounding_box()["height"] >= 44
        expect(page.locator(".file-pick")).to_be_hidden()
        native.set_input_files(str(upload))
        page.locator("#import-form button.primary").click()
        expect(page.locator("tr.row-ok")).to_have_count(1)
    finally:
        context.close()
