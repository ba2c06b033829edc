"""Every page a new user reaches from the site's menu, for each role, on a 375 px phone, in Chinese and in English:
nothing wider than the screen, every link, button, field and fold in the page's body a finger's height (40 px), and
no one-word table cell (a user name, a status, a date) nor any date in the text broken over lines.

Walking the site as a new trainee, instructor and administrator found links that stood alone in a sentence or a list
at 24-26 px: the question and paper titles of the bank's lists, 'Download the template' on both import pages, 'Hide
names' on the monitor, 'All attempts' and 'CSV' on the item analysis, a class in the administration's lists and the
way back from an empty history."""
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import TRAINEE
from tests.e2e.page_checks import DATE_LINES
from tests.e2e.test_phone import make_admin, phone_page, settle
from tests.e2e.test_review import TEACHER, sign_in, sitting_with_a_flagged_answer

pytestmark = pytest.mark.e2e

WIDTH = 375
PAGES_PER_ROLE = 45
# Not pages: files, print documents (a page of their own, for paper), signing out, the language switch.
NOT_A_PAGE = re.compile(r"/logout|/language|/static/|/api/|\.(csv|xlsx|pdf|zip|docx|xml)\b|/export|download|/print|"
                        r"/transcript/|/ranking|format=|/template")
MEASURE = """least => {
  const shown = n => n.offsetParent !== null || getComputedStyle(n).position === 'fixed';
  const targets = [...document.querySelectorAll(
      'main a[href], main button, main summary, main select, main textarea, ' +
      'main input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file])')]
    .filter(n => shown(n) && !n.closest('.sr-only, svg, .md, .nav-legend'))
    .map(n => [n.tagName.toLowerCase(), (n.innerText || n.value || n.name || '').trim().slice(0, 24),
               Math.round(n.getBoundingClientRect().height)])
    .filter(([, , h]) => h < least);
  // a table cell holding one word (a user name, a status, a date, an address, a number) is not cut inside it: a
  // line may end after a hyphen or a slash (e2e-/admin), not after any other character (newbi/e, 已交/卷)
  const cutInside = node => {
    let before = null;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const box = range.getBoundingClientRect();
        if (!box.width) continue;
        if (before && box.top - before.top > 4 && !'-/'.includes(before.char)) return true;
        before = {top: box.top, char: text.data[i]};
      }
    }
    return false;
  };
  const broken = [...document.querySelectorAll('main td, main th')]
    .filter(cell => shown(cell) && /^[\\p{L}\\p{N}._@:\\/-]{2,20}$/u.test(cell.innerText.trim()) && cutInside(cell))
    .map(cell => cell.innerText.trim());
  return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, small: targets, broken};
}"""


def shape(url: str) -> str:
    """A page's kind: its path with every key or number replaced, and the names of its query's fields."""
    parts = urlsplit(url)
    path = "/".join("*" if re.search(r"[\d.\-]", part) else part for part in parts.path.split("/"))
    fields = sorted(field.split("=")[0] for field in parts.query.split("&") if field)
    return path + ("?" + "&".join(fields) if fields else "")


def walk(page, base: str) -> list[str]:
    """From the page after signing in: the menu's pages, then the links of each page met, one page per kind."""
    found = [page.url]
    page.locator(".topbar .menu-button").tap()
    found += page.locator(".topbar nav a").evaluate_all("links => links.map(a => a.href)")
    page.locator(".topbar .menu-button").tap()
    queue, kinds, pages = list(found), set(), []
    while queue and len(pages) < PAGES_PER_ROLE:
        url = queue.pop(0).split("#")[0]
        if not url.startswith(base) or NOT_A_PAGE.search(url) or shape(url) in kinds:
            continue
        kinds.add(shape(url))
        pages.append(url)
        page.goto(url)
        queue += page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    return pages


def make_class(live_server) -> None:
    """A class holding the trainee (the administration's lists show it)."""
    from app.admin.classes import save_cohort, set_members
    from app.auth.services import find_user
    from app.extensions import db
    from tests.e2e.conftest import _app

    with _app(live_server.database_url).app_context():
        admin = find_user("e2e-admin")
        set_members(admin, save_cohort(admin, None, "e2e 一班"), [find_user(TRAINEE)])
        db.session.commit()
        db.session.remove()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_page_of_every_role_fits_a_phone_and_takes_a_finger(live_server, browser, artifacts, language):
    sitting_with_a_flagged_answer(live_server.database_url)
    make_admin(live_server)
    make_class(live_server)
    wide, small, cut, seen = [], [], [], {}
    with phone_page(browser, WIDTH, 812) as page:
        for user in (TRAINEE, TEACHER, "e2e-admin"):
            sign_in(page, live_server, user)
            if language == "en" and page.locator("html").get_attribute("lang") != "en":  # the choice outlives a session
                page.locator(".topbar button", has_text="English").tap()
                expect(page.locator("html")).to_have_attribute("lang", "en")
            pages = walk(page, live_server.url)
            seen[user] = len(pages)
            for url in pages:
                response = page.goto(url)
                # 422: the score report of an instructor who teaches no class yet says so (and what to do)
                assert response.status in (200, 422), (user, url, response.status)
                settle(page)
                found = page.evaluate(MEASURE, 40)
                path = url.removeprefix(live_server.url)
                if found["scroll"] > found["inner"]:
                    wide.append((user, path, found["scroll"]))
                    page.screenshot(path=str(artifacts / f"too-wide-{language}-{shape(path).replace('/', '_')}.png"))
                small += [(user, path, *target) for target in found["small"]]
                # a date and time anywhere in the text is on one line: the mistake book's 下次复习 broke at its first
                # hyphen (2026-/12-08)
                dates = [date for date, lines in page.evaluate(DATE_LINES) if lines > 1]
                cut += [(user, path, word) for word in found["broken"] + dates]
            page.locator(".topbar .menu-button").tap()
            page.locator(".topbar form[action$='/logout'] button").tap()
            expect(page).to_have_url(re.compile(r"/login"))
    # the walk reached the roles' pages: the trainee's exams, practice and history; the bank, marking, statistics and
    # reports; users, classes and imports
    assert seen[TRAINEE] >= 5 and seen[TEACHER] >= 20 and seen["e2e-admin"] >= 25, seen
    assert wide == [], wide
    assert small == [], "\n".join(map(str, small))
    assert cut == [], "\n".join(map(str, cut))


def test_a_trainees_menu_leads_to_practice_the_mistake_book_and_the_history(live_server, browser, artifacts):
    """A new trainee's menu held 'My exams' alone: practice by area was found by scrolling the dashboard past every
    mock exam, and the mistake book and history by its two small cards."""
    sitting_with_a_flagged_answer(live_server.database_url)  # a finished exam: a history and a mistake book
    with phone_page(browser, WIDTH, 812) as page:
        sign_in(page, live_server, TRAINEE)
        for name, heading in (("练习", "练习"), ("错题本", "错题本"), ("考试记录", "考试记录")):
            page.locator(".topbar .menu-button").tap()
            link = page.locator(".topbar nav a", has_text=name)
            assert link.bounding_box()["height"] >= 44
            link.tap()
            expect(page.locator("main h1")).to_have_text(heading)
        page.locator(".topbar .menu-button").tap()
        page.screenshot(path=str(artifacts / "trainee-menu-375.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
