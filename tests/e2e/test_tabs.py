"""The administration's and the instructor's rows of tabs on a phone: wrapped, the administration's eight chips took
three rows (148 px, 164 with their margin, of a 375 px screen), the instructor's six links two (88 px) and a paper's
five review pages two (88 px). Now one row that scrolls sideways, the page's own tab marked with aria-current and in
view, with or without script."""
import pytest
from playwright.sync_api import expect

from tests.e2e.test_phone import make_admin
from tests.e2e.test_review import TEACHER, sign_in, sitting_with_a_flagged_answer

pytestmark = pytest.mark.e2e

ONE_ROW = 56  # a 44 px tap target and its border: anything taller is a second row


def _measure(page, selector):
    return page.locator(selector).evaluate("""nav => { const r = nav.getBoundingClientRect();
        const current = nav.querySelectorAll('[aria-current=page]');
        const c = current.length === 1 ? current[0].getBoundingClientRect() : null;
        return {height: r.height, scrolls: nav.scrollWidth > nav.clientWidth, current: current.length,
                currentText: current.length === 1 ? current[0].innerText : null,
                currentInView: c !== null && c.left >= 0 && c.right <= window.innerWidth - 24,  // clear of the row's fading end
                pageWidth: document.documentElement.scrollWidth}; }""")


@pytest.mark.parametrize("script", [True, False], ids=["script", "no-script"])
def test_the_tab_rows_are_one_row_at_375_with_the_current_tab_marked(live_server, browser, artifacts, script):
    make_admin(live_server)
    sitting_with_a_flagged_answer(live_server.database_url)  # and the instructor
    pages = {"e2e-admin": [(".admin-nav", "/admin/", "概览"), (".admin-nav", "/admin/users", "用户"),
                           (".admin-nav", "/admin/audit", "审计日志"), (".admin-nav", "/reports/dashboard", "统计")],
             TEACHER: [(".au-nav", "/authoring/", "题目"), (".au-nav", "/authoring/questions/new", "新建题目"),
                       (".au-nav", "/authoring/attempts", "考试记录"),
                       (".paper-tabs", "/review/papers/mock-small/monitor", "监考"),
                       (".paper-tabs", "/review/papers/mock-small/items", "题目分析")]}
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, locale="zh-CN",
                                  is_mobile=True, has_touch=True, java_script_enabled=script)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        found = []
        for user, checks in pages.items():
            context.clear_cookies()
            sign_in(page, live_server, user)
            for selector, path, current in checks:
                page.goto(live_server.url + path)
                measured = _measure(page, selector)
                found.append((path, measured))
                assert measured["height"] <= ONE_ROW, (path, measured)
                assert measured["current"] == 1 and measured["currentText"] == current, (path, measured)
                assert measured["pageWidth"] <= 375, (path, measured)
                if script or current not in ("统计", "审计日志", "考试记录", "题目分析"):  # without script: reached by scrolling
                    assert measured["currentInView"], (path, measured)
                if path in ("/admin/audit", "/authoring/"):
                    page.screenshot(path=str(artifacts / f"tabs-{'js' if script else 'nojs'}-{path.strip('/').replace('/', '-')}-375.png"),
                                    clip={"x": 0, "y": 0, "width": 375, "height": 260})
        # the row scrolls by hand: its last tab can be reached and followed
        page.goto(live_server.url + "/authoring/")
        last = page.locator(".au-nav a").last
        last.scroll_into_view_if_needed()
        box = last.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
        last.click()
        expect(page).to_have_url(live_server.url + "/authoring/attempts")
    finally:
        context.close()
    print(found)
