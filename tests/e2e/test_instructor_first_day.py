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

    with _app(live_server.database_url).app_context():
        create_user(TEACHER, PASSWORD, ("instructor",), "新来的讲师")
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
