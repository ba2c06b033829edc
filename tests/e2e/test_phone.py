"""What a new instructor stumbled on at 360 and 375 pixels: the item statistics squeezed every heading and key to one
character a line, and the date and number fields were left at the browser's tiny default."""
import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.e2e.test_review import TEACHER, sign_in, sitting_with_a_flagged_answer

pytestmark = pytest.mark.e2e


@contextmanager
def phone_page(browser, width: int, height: int):
    """A touch phone's page in Chinese, closed afterwards."""
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=2, locale="zh-CN",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        yield page
    finally:
        context.close()


def settle(page) -> None:
    """Wait until the page's stylesheet and fonts are in before measuring it: a form's answer page can show its rows
    while the stylesheet is still loading on a busy machine, and unstyled cells wrap a character a line."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.mark.parametrize("width, height", [(360, 740)])
def test_wide_tables_scroll_in_their_frame_and_fields_are_finger_sized(live_server, browser, width, height, artifacts):
    sitting_with_a_flagged_answer(live_server.database_url)
    with phone_page(browser, width, height) as page:
        sign_in(page, live_server, TEACHER)
        page.goto(live_server.url + "/review/queue")
        table = page.locator("table.queue")
        expect(table.locator("tbody tr")).not_to_have_count(0)
        settle(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # the page itself never scrolls
        headings = table.locator("thead th").evaluate_all(
            "ths => ths.map(th => [th.innerText, th.getBoundingClientRect().height])")
        line = table.locator("thead th").first.evaluate("th => parseFloat(getComputedStyle(th).lineHeight)")
        assert all(h < 2 * line + 16 for _, h in headings), headings  # one line each, not a column of characters
        frame = table.locator("xpath=..")
        assert frame.evaluate("f => f.scrollWidth > f.clientWidth")  # the table scrolls sideways in its frame
        table.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"queue-table-{width}.png"))

        # the item statistics are read, not scrolled: each question a block of labelled figures on the screen
        page.goto(live_server.url + "/review/papers/mock-small/items")
        table = page.locator("#items-table")
        settle(page)
        assert not table.locator("xpath=..").evaluate("f => f.scrollWidth > f.clientWidth")
        rights = table.locator("tbody td").evaluate_all("tds => tds.map(td => td.getBoundingClientRect().right)")
        assert rights and max(rights) <= width, rights
        page.screenshot(path=str(artifacts / f"items-table-{width}.png"))

        page.goto(live_server.url + "/reports/")
        for field in page.locator("input[type=date]").all():
            box = field.bounding_box()
            assert box["height"] >= 40, box
        page.goto(live_server.url + "/authoring/")
        page.locator("main details.filters-box summary").tap()  # folded on a phone (test_first_screen)
        search = page.locator("input[type=search]").bounding_box()
        assert search["height"] >= 40, search


def test_a_refused_paste_keeps_the_text_and_lands_on_the_verdict(live_server, browser, artifacts):
    sitting_with_a_flagged_answer(live_server.database_url)
    with phone_page(browser, 375, 812) as page:
        sign_in(page, live_server, TEACHER)
        page.goto(live_server.url + "/authoring/import")
        pasted = "1、客户投诉时首先应该？ A.争辩 B.倾听 C.挂断 答案：E 解析：先倾听。"
        page.fill("textarea[name=text]", pasted)
        page.locator("#import-form button.primary").tap(no_wait_after=True)
        summary = page.locator("#bad-rows-summary")
        expect(summary).to_be_in_viewport()  # below a form taller than the screen: it used to open at the top
        expect(page.locator("textarea[name=text]")).to_have_value(pasted)
        row = page.locator("tr.row-bad td").first
        line = row.evaluate("td => parseFloat(getComputedStyle(td).lineHeight)")
        assert row.bounding_box()["width"] > 2 * line  # "第 1 行" on one line, not a column of characters
        page.screenshot(path=str(artifacts / "import-refused-375.png"))


def make_admin(live_server) -> None:
    """An administrator, e2e-admin, in the live server's database."""
    from app.auth.services import create_user
    from app.extensions import db
    from tests.e2e.conftest import PASSWORD, _app

    with _app(live_server.database_url).app_context():
        create_user("e2e-admin", PASSWORD, ("admin",), "e2e 管理员")
        db.session.commit()
        db.session.remove()


def sitting_and_admin(live_server) -> None:
    """A finished sitting with a flagged answer, and an administrator (e2e-admin) to look at it."""
    sitting_with_a_flagged_answer(live_server.database_url)
    make_admin(live_server)


def test_the_score_report_keeps_a_line_per_trainee(live_server, browser, artifacts):
    sitting_and_admin(live_server)
    with phone_page(browser, 360, 740) as page:
        sign_in(page, live_server, "e2e-admin")
        page.goto(live_server.url + "/reports/?paper=mock-small")
        row = page.locator("table.report tbody tr").first
        expect(row).to_contain_text("测试学员")
        settle(page)
        line = row.locator("td").first.evaluate("td => parseFloat(getComputedStyle(td).lineHeight)")
        assert row.bounding_box()["height"] < 2 * line + 16  # the user name and class were broken over lines
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        row.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "score-report-360.png"))


def test_long_work_says_it_is_working_and_takes_no_second_tap(live_server, browser):
    """An import or a regrade gave no sign of life until the next page: on a slow phone a second tap sent it
    again."""
    sitting_with_a_flagged_answer(live_server.database_url)
    with phone_page(browser, 375, 812) as page:
        sign_in(page, live_server, TEACHER)
        page.goto(live_server.url + "/authoring/import")
        page.fill("textarea[name=text]", "1、客户投诉时首先应该？ A.争辩 B.倾听 C.挂断 答案：B 解析：先倾听。")
        page.fill("input[name=topic]", "投诉处理")
        # Hold the page where it is (a slow server): a later listener keeps the form from leaving.
        page.evaluate("document.querySelector('#import-form').addEventListener('submit', e => e.preventDefault())")
        button = page.locator("#import-form button.primary")
        button.tap()
        expect(button).to_be_disabled()
        expect(button).to_have_text("正在处理，请稍候……")
        expect(button).to_have_attribute("aria-busy", "true")


MEASURE_BAR = """(row, long) => {
    if (long) {  // a long paper late in a long exam: the widest texts the bar shows
        document.getElementById("cd-value").textContent = "119:59";
        const progress = document.getElementById("progress-count");
        progress.textContent = progress.textContent.replace(/\\d+\\/\\d+/, "118/120");
    }
    const box = e => { const r = e.getBoundingClientRect(); return {id: e.id, top: r.top, bottom: r.bottom,
                                                                   right: r.right, height: r.height}; };
    return {row: box(row), items: [...row.children].filter(c => c.offsetParent !== null).map(box),
            button: box(document.getElementById("nav-toggle"))};
}"""


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_exam_bar_is_one_row_at_360(live_server, browser, artifacts, language):
    """The sticky bar (time left, progress, the navigator's button) took two rows in English at 360 px: a fifth
    of a phone's screen covered while the trainee writes."""
    from tests.e2e.test_exam_flow import start_exam

    with phone_page(browser, 360, 740) as page:
        start_exam(page, live_server)
        if language == "en":
            page.locator("button", has_text="English").click()
            expect(page.locator("html")).to_have_attribute("lang", "en")
            expect(page.locator("#progress-count")).to_have_text("0/5 answered")
        expect(page.locator("#cd-value")).to_be_visible()
        bar = page.locator(".exam-bar-row")
        for long in (False, True):
            found = bar.evaluate(MEASURE_BAR, long)
            row, items, button = found["row"], found["items"], found["button"]
            assert {item["id"] for item in items} == {"countdown", "progress-count", "nav-toggle"}, found
            assert row["height"] <= button["height"] + 1, found  # one row: no taller than its button
            assert all(item["top"] >= row["top"] - 1 and item["bottom"] <= row["bottom"] + 1 for item in items), found
            assert all(item["right"] <= 360 - 16 for item in items), found  # nothing pushed out of the bar
            page.screenshot(path=str(artifacts / f"exam-bar-360-{language}{'-long' if long else ''}.png"))


LABELS_OUTSIDE = """svg => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll("text")].map(t => [t.textContent, t.getBoundingClientRect()])
        .filter(([_, r]) => r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5
                            || r.left < frame.left - 0.5 || r.right > frame.right + 0.5)
        .map(([text, r]) => [text, r.top, r.bottom, r.left, r.right, frame.top, frame.bottom]);
}"""


def test_a_full_bar_keeps_its_label_inside_the_chart(live_server, browser, artifacts):
    """The tallest bar of a histogram is drawn at 100 %: its count, above it, ran out of the chart's frame."""
    sitting_with_a_flagged_answer(live_server.database_url)
    with phone_page(browser, 360, 740) as page:
        sign_in(page, live_server, TEACHER)
        page.goto(live_server.url + "/review/papers/mock-small/items")
        charts = page.locator("svg.chart")
        expect(charts.first).to_be_visible()
        full = charts.first.evaluate("svg => [...svg.querySelectorAll('rect.hist-bar')]"
                                     ".filter(r => parseFloat(r.getAttribute('height')) === 100).length")
        assert full >= 1  # the chart has a 100 % bar (and empty ones, at 0 %, whose axis labels are checked too)
        outside = [found for chart in charts.all() for found in chart.evaluate(LABELS_OUTSIDE)]
        charts.first.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "histogram-360.png"))
        assert outside == []


def test_the_print_pages_ask_for_no_favicon(live_server, browser):
    """The printable transcript and ranking are pages of their own (not base.html): they asked for /favicon.ico, a
    404 in the console of every print."""
    from tests.e2e.conftest import TRAINEE

    sitting_and_admin(live_server)
    with phone_page(browser, 360, 740) as page:
        sign_in(page, live_server, "e2e-admin")
        asked, failed = [], []
        # Chromium fetches the icon outside the page's own requests: it shows as a console error (a 404 here)
        page.context.on("request", lambda request: asked.append(request.url))
        page.on("console", lambda message: failed.append((message.text, message.location.get("url")))
                if message.type == "error" else None)
        for path in (f"/reports/transcript/{TRAINEE}", "/reports/ranking?paper=mock-small"):
            page.goto(live_server.url + path, wait_until="networkidle")
            expect(page.locator("body.print-doc table")).to_be_visible()
            page.wait_for_timeout(500)  # the browser asks for the icon after the page has loaded
        assert [url for url in asked if "favicon" in url] == [] and failed == []
        assert len(asked) >= 2  # the listener heard the pages themselves


# Every link and button of the top bar, the instructor's sub-navigation, the editor's modes, a marking paper's links
# the editor's 'Cancel', a page's own links and every check box's label: measured on the pages where a new user meets them first.
TAP_TARGETS = (".topbar a, .topbar button, .topbar .menu-button, label.check, .au-nav a, .au-modes a, .link-row a, "
               ".au-actions a, "
               "main > p > a, .au-item p > a, .card > p > a, summary, td > a:only-child")
TOO_SMALL = """(nodes, least) => nodes.filter(n => n.offsetParent !== null)
  .map(n => [n.innerText.trim().slice(0, 20), Math.round(n.getBoundingClientRect().height)])
  .filter(([, h]) => h < least)"""


def test_links_buttons_and_check_boxes_are_finger_sized(live_server, browser, artifacts):
    from sqlalchemy import select

    from app.admin.classes import save_cohort
    from app.auth.services import create_user
    from app.extensions import db
    from app.models import Response
    from tests.e2e.conftest import PASSWORD, _app

    attempt_id = sitting_with_a_flagged_answer(live_server.database_url)
    with _app(live_server.database_url).app_context():
        admin = create_user("e2e-admin", PASSWORD, ("admin",), "e2e 管理员")
        cohort = save_cohort(admin, None, "e2e 一班")
        db.session.commit()
        class_page = f"/admin/classes/{cohort.id}"
        response_id = db.session.scalar(select(Response.id).where(Response.needs_review.is_(True)))
        db.session.remove()
    pages = {None: ["/login"], TEACHER: ["/authoring/", "/authoring/papers", "/authoring/papers/new",
                                         "/authoring/papers/mock-small/preview", "/authoring/questions/new",
                                         "/authoring/questions/t.case-1/edit", "/review/", "/review/queue",
                                         f"/review/responses/{response_id}", f"/review/attempts/{attempt_id}"],
             "e2e-admin": ["/admin/users/new", "/admin/users/1", class_page, "/admin/users"]}
    with phone_page(browser, 375, 740) as page:
        small = []
        for user, paths in pages.items():
            if user:
                sign_in(page, live_server, user)
            for path in paths:
                page.goto(live_server.url + path)
                found = page.locator(TAP_TARGETS)
                expect(found.first).to_be_visible()
                small += [(path, *target) for target in found.evaluate_all(TOO_SMALL, 40)]
            if user:
                page.locator(".topbar .menu-button").tap()  # on a phone the sign-out is in the menu
                page.locator(".topbar form[action$='/logout'] button").tap()
                expect(page).to_have_url(re.compile(r"/login"))
        page.goto(live_server.url + "/review/")  # signed out: the sign-in page
        page.screenshot(path=str(artifacts / "tap-targets-login-375.png"))
    assert small == []


def test_file_fields_are_finger_sized_and_the_admin_menu_keeps_its_distance(live_server, browser, artifacts):
    """The file fields were the browser's bare 21 px button beside 'No file chosen'; the administration menu's last
    row of chips touched the card below it."""
    make_admin(live_server)
    with phone_page(browser, 375, 740) as page:
        sign_in(page, live_server, "e2e-admin")
        for path in ("/admin/users/import", "/authoring/import", "/authoring/exchange"):
            page.goto(live_server.url + path)
            # the page's own picker (tests/e2e/test_file_field.py): its frame and button are finger-sized
            field = page.locator(".file-field .file-pick")
            box = field.bounding_box()
            assert box["height"] >= 44 and box["x"] + box["width"] <= 375, (path, box)
            assert field.locator(".file-button").bounding_box()["height"] >= 44
        page.goto(live_server.url + "/admin/users/import")
        gap = page.evaluate("""() => { const nav = document.querySelector('.admin-nav');
            return nav.nextElementSibling.getBoundingClientRect().top - nav.getBoundingClientRect().bottom; }""")
        assert gap >= 8, gap
        page.screenshot(path=str(artifacts / "file-field-375.png"))


def test_the_paper_structure_keeps_its_headings_whole(live_server, browser, artifacts):
    """The intro's structure table squeezed 题量 to one character a line at 375 px, beside a section title as long
    as the bundled mock exams' ('一、单项选择题（每题1分，共40分）')."""
    from app.extensions import db
    from app.models import Paper
    from tests.e2e.conftest import TRAINEE, _app

    with _app(live_server.database_url).app_context():
        paper = Paper(key="mock-long-titles", content_hash="")
        paper.update_from({"id": "mock-long-titles", "title": "长标题模拟卷", "kind": "mock", "time_limit": 60,
                           "sections": [{"title": "一、单项选择题（每题1分，共40分；选错不得分）",
                                         "questions": ["t.single-1", "t.single-2"], "points_each": 1}]})
        db.session.add(paper)
        db.session.commit()
        db.session.remove()
    with phone_page(browser, 375, 740) as page:
        sign_in(page, live_server, TRAINEE)
        page.goto(live_server.url + "/papers/mock-long-titles/start")
        headings = page.locator("table.structure thead th")
        expect(headings.first).to_be_visible()
        settle(page)
        line = headings.first.evaluate("th => parseFloat(getComputedStyle(th).lineHeight)")
        heights = headings.evaluate_all("ths => ths.map(th => [th.innerText, th.getBoundingClientRect().height])")
        assert all(h < 2 * line for _, h in heights), heights
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.locator("table.structure").screenshot(path=str(artifacts / "intro-structure-375.png"))


def test_the_try_panel_names_its_flags_in_the_pages_language(live_server, browser):
    """The live try panel showed the grader's codes ('review', 'error') as its flags, and a bare '¬' beside a key
    point said in the negative."""
    from tests.e2e.test_review import FLAGGED_ANSWER

    sitting_with_a_flagged_answer(live_server.database_url)
    with phone_page(browser, 375, 740) as page:
        sign_in(page, live_server, TEACHER)
        page.goto(live_server.url + "/authoring/questions/t.case-1/edit")
        part = page.locator(".au-part").first
        part.locator(".try-answer").fill(FLAGGED_ANSWER)
        result = part.locator(".try-result")
        expect(result).to_have_attribute("data-state", "graded", timeout=15000)
        flags = result.locator(".try-flags .tag").all_inner_texts()
        assert flags and "review" not in flags, flags
        assert "评分不确定" in flags
        negated = result.locator(".keypoints .tag.bad").first
        expect(negated).to_have_attribute("title", "被否定")


def test_a_new_users_password_is_large_enough_to_read_out(live_server, browser, artifacts):
    """The one-time password was 16 px monospace in a sentence-sized line (l, 1 and I side by side), and 'Back to
    the user' a 24 px link."""
    make_admin(live_server)
    with phone_page(browser, 375, 740) as page:
        sign_in(page, live_server, "e2e-admin")
        page.goto(live_server.url + "/admin/users/new")
        page.fill("input[name=username]", "newcomer")
        page.fill("input[name=display_name]", "新学员")
        page.locator("main form button[type=submit]").tap()
        password = page.locator("main .card .big code")
        expect(password).to_be_visible()
        size = password.evaluate("c => parseFloat(getComputedStyle(c).fontSize)")
        assert size >= 22, size
        back = page.locator("main .card a", has_text="返回用户")
        assert back.bounding_box()["height"] >= 44
        page.screenshot(path=str(artifacts / "password-once-375.png"))


@pytest.mark.parametrize("width, height, language, javascript", [(375, 667, "zh", True), (360, 740, "en", True),
                                                                  (375, 667, "zh", False)])
def test_the_top_bar_is_one_row_on_a_phone_and_its_menu_opens_with_a_tap(live_server, browser, artifacts, width,
                                                                          height, language, javascript):
    """An instructor's top bar took three rows at 375 px (135 px: brand; bank, marking, reports, sign-out; language),
    a fifth of the screen above every page. On a phone it is one row (brand, language, a menu button) whose menu
    opens with a tap, with or without JavaScript; a wide screen shows the links as before."""
    make_admin(live_server)
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=2,
                                  locale="zh-CN", is_mobile=True, has_touch=True, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        sign_in(page, live_server, "e2e-admin")
        if language == "en":
            page.locator(".topbar button", has_text="English").tap()
            expect(page.locator("html")).to_have_attribute("lang", "en")
        page.goto(live_server.url + "/review/")
        bar = page.locator(".topbar")
        assert bar.bounding_box()["height"] <= 60, bar.bounding_box()
        menu = page.locator(".topbar .menu-button")
        expect(menu).to_be_visible()
        assert menu.bounding_box()["height"] >= 44
        links = page.locator(".topbar nav a, .topbar nav button")
        expect(links.first).to_be_hidden()
        page.screenshot(path=str(artifacts / f"topbar-closed-{width}-{language}.png"))
        menu.tap()
        expect(links.first).to_be_visible()
        heights = links.evaluate_all("ls => ls.map(l => [l.innerText, l.getBoundingClientRect().height])")
        assert len(heights) == 4 and all(h >= 44 for _, h in heights), heights  # bank, marking, admin, sign out
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(artifacts / f"topbar-open-{width}-{language}.png"))
        page.locator(".topbar nav a", has_text="管理" if language == "zh" else "Administration").tap()
        expect(page).to_have_url(re.compile(r"/admin/"))
        page.set_viewport_size({"width": 1024, "height": 768})  # a wide screen: the links as they were, no menu
        expect(menu).to_be_hidden()
        expect(links.first).to_be_visible()
        assert bar.bounding_box()["height"] <= 60
    finally:
        context.close()


def test_the_try_panel_says_it_is_grading_and_asks_for_a_part_id(live_server, browser):
    """The first try of a session waits seconds for the grader while the panel stayed blank; a new part with no ID
    (its field only shows 'a' as a hint) was never graded and the panel said nothing at all."""
    sitting_with_a_flagged_answer(live_server.database_url)
    with phone_page(browser, 375, 667) as page:
        sign_in(page, live_server, TEACHER)
        page.goto(live_server.url + "/authoring/questions/new?type=case")
        part = page.locator(".au-part").first
        part.locator("input[name$='-points']").fill("4")
        part.locator("textarea[name$='-rubric']").fill("- id: sorry\n  text: 道歉\n  points: 4\n  match: [[道歉]]\n")
        result = part.locator(".try-result")
        part.locator(".try-answer").fill("先向客人道歉")
        expect(result).to_contain_text("请先填写小题编号")  # no ID: nothing to grade, and it says why
        held, released = [], []
        # a slow server: the replies are held until released
        page.route("**/authoring/try", lambda route: route.continue_() if released else held.append(route))
        part.locator("input[name$='-id']").fill("a")
        expect(result).to_have_attribute("data-state", "grading")
        expect(result).to_have_text("评分中…")
        released.append(True)
        for route in held:
            route.continue_()
        expect(result).to_have_attribute("data-state", "graded", timeout=15000)
        expect(result.locator(".try-score")).to_have_text("4")


def test_the_regrade_page_names_each_question_by_its_stem_and_keeps_its_version_whole(live_server, browser, artifacts):
    """The regrade page listed a paper's questions by key alone (callcentre.answering-norms), its version squeezed
    beside it to one character a line: '(v' over '1)'."""
    sitting_with_a_flagged_answer(live_server.database_url)
    with phone_page(browser, 375, 667) as page:
        sign_in(page, live_server, TEACHER)
        page.goto(live_server.url + "/review/regrade?paper=mock-small")
        labels = page.locator("fieldset label.check:has(input[name=question])")
        expect(labels.first).to_be_visible()
        settle(page)
        found = labels.evaluate_all("""ls => ls.map(l => { const v = l.querySelector('.q-version');
            return [l.innerText, v ? v.getBoundingClientRect().height : 999,
                    parseFloat(getComputedStyle(l).lineHeight) || 26]; })""")
        assert all(height < 1.5 * line for _, height, line in found), found  # the version on one line
        case = [text for text, _, _ in found if "t.case-1" in text]
        assert case and "饼干" in case[0], found  # its stem beside its key (the small bank's case is about biscuits)
        page.screenshot(path=str(artifacts / "regrade-questions-375.png"), full_page=True)


def test_the_user_import_preview_keeps_each_value_on_one_line(live_server, browser, artifacts, tmp_path):
    """At 375 px the preview of a user import broke user names and phone numbers over lines (wangx/m, 138/000/1):
    a value an administrator checks character by character."""
    make_admin(live_server)
    upload = tmp_path / "users.csv"
    upload.write_text("姓名,用户名,角色,班级,手机,邮箱\n王小明,wangxiaoming,学员,,13800000001,wxm@example.com\n",
                      encoding="utf-8")
    with phone_page(browser, 375, 667) as page:
        sign_in(page, live_server, "e2e-admin")
        page.goto(live_server.url + "/admin/users/import")
        page.set_input_files("input[name=file]", str(upload))
        page.locator("main form button.primary").first.tap()
        row = page.locator("table.import-preview tbody tr").first
        expect(row).to_contain_text("wangxiaoming")
        settle(page)
        line = row.locator("td").first.evaluate("td => parseFloat(getComputedStyle(td).lineHeight)")
        cells = row.locator("td").evaluate_all("tds => tds.map(td => [td.innerText, td.getBoundingClientRect().height])")
        assert all(height < 2 * line + 12 for _, height in cells), cells
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        row.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "user-import-preview-375.png"))


def test_the_user_import_says_it_is_done_once_the_passwords_file_is_downloaded(live_server, browser, tmp_path):
    """The passwords file is the import's answer, so the page stayed on '正在处理，请稍候……' with a disabled button
    after the accounts were made and the file saved: nothing said the import had worked (found walking the demo)."""
    make_admin(live_server)
    upload = tmp_path / "users.csv"
    upload.write_text("姓名,用户名,角色,班级,手机,邮箱\n钱七,qianqi,学员,,,\n", encoding="utf-8")
    with phone_page(browser, 375, 812) as page:
        sign_in(page, live_server, "e2e-admin")
        page.goto(live_server.url + "/admin/users/import")
        page.set_input_files("input[name=file]", str(upload))
        page.locator("main form button.primary").first.tap()
        apply = page.locator("form[data-download]")
        expect(apply.locator("button")).to_have_text("导入 1 个用户")
        with page.expect_download() as download:
            apply.locator("button").tap()
        assert download.value.suggested_filename == "initial-passwords.csv"
        done = apply.locator("[data-download-done]")
        expect(done).to_be_visible()
        expect(done).to_contain_text("已创建 1 个账号")
        expect(apply.locator("button")).to_be_hidden()  # no second tap on work already done
        assert page.evaluate("document.cookie").find("download-") == -1  # the cookie is spent
