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


TWO_PARTS = """questions:
  - id: t.case-two
    type: case
    topic: 投诉处理
    difficulty: 2
    stem: 顾客投诉快递把易碎品摔坏了。
    parts:
      - id: a
        prompt: 先说什么？
        points: 5
        reference: 先道歉。
        rubric:
          - {id: sorry, text: 道歉, points: 5, match: [[道歉]]}
      - id: b
        prompt: 再做什么？
        points: 5
        reference: 补发或退款。
        rubric:
          - {id: fix, text: 补发或退款, points: 5, match: [[补发, 退款]]}
papers:
  - id: mock-two
    title: 两问案例
    kind: mock
    time_limit: 30
    sections:
      - title: 案例分析题
        questions: [t.case-two, t.judge-1]
"""


def test_the_submit_dialog_calls_a_case_with_one_part_written_partly_answered(live_server, page, tmp_path, artifacts):
    """A trainee who wrote part (1) of a two-part case read 'Unanswered: 1' and '1 of 2 questions are not answered'
    in the submit dialog, as if the answer had been lost (found walking the demo's case exam on a phone)."""
    import re

    from app.authoring.services import import_bank, load_for_import
    from app.extensions import db
    from tests.e2e.conftest import _app
    from tests.e2e.test_exam_flow import sign_in

    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "bank.yaml").write_text(TWO_PARTS, encoding="utf-8")
    with _app(live_server.database_url).app_context():
        import_bank(load_for_import(str(tmp_path / "bank")))
        db.session.commit()
        db.session.remove()
    sign_in(page, live_server)
    page.goto(live_server.url + "/papers/mock-two/start")
    page.click("#start-exam")
    expect(page).to_have_url(re.compile(r"/attempts/\d+$"))
    expect(page.locator("#cd-value")).to_have_text(re.compile(r"^(29|30):\d\d$"))  # the page's script is running
    area = question(page, "t.case-two").locator("textarea").first
    area.fill("先向顾客道歉")
    area.blur()
    expect(question(page, "t.case-two").locator(".save-state")).to_have_attribute("data-state", "saved",
                                                                                  timeout=15000)
    page.click("#submit-open")
    dialog = page.locator("#submit-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#submit-summary")).to_have_text("共 2 题，还有 2 题未答完。")
    expect(dialog.locator("#submit-partial .nav-q")).to_have_text(["1"])  # written in part: said so
    expect(dialog.locator("#submit-partial h3")).to_have_text("部分作答")
    expect(dialog.locator("#submit-unanswered .nav-q")).to_have_text(["2"])  # the judge question, untouched
    dialog.screenshot(path=str(artifacts / "submit-partial-375.png"))
