"""Walking the demo with a 100,000-character case answer: each part said it was not saved (over the limit), yet the
submit dialog said 全部 4 题均已作答 (all answered) and submitting graded the parts as empty. The dialog now names
the answers that are too long to be saved."""
import pytest
from playwright.sync_api import expect

from app.exams.payloads import MAX_CASE_TEXT
from tests.e2e.test_exam_flow import question, start_exam

pytestmark = pytest.mark.e2e


def test_the_submit_dialog_names_the_answers_too_long_to_be_saved(live_server, page, artifacts):
    start_exam(page, live_server)
    area = question(page, "t.case-1").locator("textarea").first
    area.fill("客" * (MAX_CASE_TEXT + 10))
    area.blur()
    expect(question(page, "t.case-1").locator(".save-state")).to_have_attribute("data-state", "failed")
    page.click("#submit-open")
    dialog = page.locator("#submit-dialog")
    expect(dialog).to_be_visible()
    summary = dialog.locator("#submit-summary")
    expect(summary).to_contain_text(f"超过 {MAX_CASE_TEXT} 字，未能保存")
    expect(summary).not_to_contain_text("均已作答")
    too_long = dialog.locator("#submit-too-long")
    expect(too_long).to_be_visible()
    expect(too_long.locator(".nav-q")).to_have_count(1)
    dialog.screenshot(path=str(artifacts / "submit-too-long-375.png"))
    too_long.locator(".nav-q").click()  # back to the answer, to shorten it
    expect(dialog).to_be_hidden()
    area.fill("先道歉，再倾听")
    area.blur()
    expect(question(page, "t.case-1").locator(".save-state")).to_have_attribute("data-state", "saved")
    page.click("#submit-open")
    expect(dialog.locator("#submit-too-long")).to_be_hidden()
