"""Item analysis read from real attempts (first attempts by default), its page and CLI; the monitor page."""
import csv
import re
from datetime import timedelta

from openpyxl import load_workbook

from app.exams.lifecycle import record_focus_loss, save_answer, start_attempt
from app.models import utcnow
from app.reach import EVERYONE
from app.review.analysis_data import analysis_rows, choices_of
from tests.review.conftest import case_response


def test_rows_from_attempts_first_only_by_default(db, exam_paper, finish, trainee, make_user):
    finish(trainee, exam_paper, {"complaints.case": {"a": "先道歉", "b": "电话回访"}, "etiquette.j0": True})
    again = finish(trainee, exam_paper, {"complaints.case": {"a": "耐心倾听", "b": ""}})
    other = finish(make_user("t2"), exam_paper, {"complaints.case": {"a": "先道歉，再倾听", "b": "电话回访"},
                                                 "complaints.m0": ["A", "C"]})
    first = analysis_rows(exam_paper, EVERYONE)
    assert len(first) == 2 and again.id not in {row.attempt_id for row in first}
    assert len(analysis_rows(exam_paper, EVERYONE, first_only=False)) == 3
    row = next(r for r in first if r.attempt_id == other.id)
    case = next(i for i in row.items if i.question == "complaints.case")
    assert case.points[("a", "apologize")] == (4.0, 4.0) and case.points[("a", "listen")] == (6.0, 6.0)
    assert case.parts["a"] == (10.0, 10.0) and case.evidence[("a", "apologize")] == ["道歉"]
    multiple = next(i for i in row.items if i.question == "complaints.m0")
    assert multiple.choices == ("A", "C") and multiple.score == 2
    assert choices_of(True) == ("true",) and choices_of(None) == ()


def test_items_page_and_cli(db, exam_paper, finish, trainee, make_user, teacher_client, runner, tmp_path):
    finish(trainee, exam_paper, {"complaints.case": {"a": "先道歉", "b": "电话回访"}, "etiquette.j0": True})
    finish(make_user("t2"), exam_paper, {"complaints.case": {"a": "耐心倾听", "b": ""}, "etiquette.j0": False})
    page = teacher_client.get("/review/papers/mock-t/items").get_data(as_text=True)
    assert re.search(r'data-stat="attempts">2<', page)
    assert 'data-question="etiquette.j0"' in page and "<svg" in page
    assert "true: 1 (50%)" in page and "false: 1 (50%)" in page
    assert "回访" in page  # the most common evidence of the follow-up point
    all_page = teacher_client.get("/review/papers/mock-t/items?attempts=all").get_data(as_text=True)
    assert re.search(r'data-stat="attempts">2<', all_page)

    out = tmp_path / "items.csv"
    result = runner.invoke(args=["report", "items", "--paper", "mock-t", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0][:3] == ["question", "part", "point"]
    assert any(r[0] == "complaints.case" and r[2] == "listen" for r in rows)
    assert rows[-1][0] == "(paper)" and rows[-1][3] == "2"
    xlsx = tmp_path / "items.xlsx"
    assert runner.invoke(args=["report", "items", "--paper", "mock-t", "--format", "xlsx", "-o", str(xlsx)]).exit_code == 0
    sheet = load_workbook(xlsx)["items"]
    assert [c.value for c in sheet[1]][:2] == ["question", "part"] and sheet.max_row == len(rows)
    assert runner.invoke(args=["report", "items", "--paper", "nope", "-o", str(out)]).exit_code == 2
    csv_page = teacher_client.get("/review/papers/mock-t/items.csv")
    assert csv_page.status_code == 200 and csv_page.get_data(as_text=True).splitlines()[0].startswith("question,")


def test_monitor_shows_who_is_sitting_answered_time_left_and_tab_switches(db, exam_bank, make_paper, finish, trainee,
                                                                       make_user, teacher_client, taught_class):
    paper = make_paper("watched", track_focus=True)
    taught_class.members.append(trainee)  # the one sitting is teacher1's trainee too
    done = finish(make_user("t2", display_name="交卷学员"), paper, {"complaints.case": {"a": "先道歉", "b": "回访"}})
    sitting, _ = start_attempt(trainee, paper)
    save_answer(sitting, "complaints.case", {"a": "道歉", "b": "回访"})
    save_answer(sitting, "etiquette.j0", True)
    record_focus_loss(sitting)
    record_focus_loss(sitting)
    sitting.deadline = utcnow() + timedelta(minutes=12, seconds=30)
    db.session.commit()

    page = teacher_client.get("/review/papers/watched/monitor").get_data(as_text=True)
    rows = re.findall(r'<tr data-attempt="(\d+)">(.*?)</tr>', page, re.S)
    assert [int(a) for a, _ in rows] == [sitting.id, done.id]  # sitting first
    live = rows[0][1]
    assert "2 / 5" in live and re.search(r">12:(29|30)<", live) and re.search(r'attention">2<', live)
    assert f"/review/attempts/{sitting.id}" in live
    assert 'id="sitting-count">1<' in page and "交卷学员" in page
    assert "交卷学员" not in teacher_client.get("/review/papers/watched/monitor?blind=1").get_data(as_text=True)
    answers = teacher_client.get(f"/review/attempts/{sitting.id}").get_data(as_text=True)
    assert "道歉" in answers and "/review/responses/" not in answers  # open: nothing to mark yet
    finished = teacher_client.get(f"/review/attempts/{done.id}").get_data(as_text=True)
    assert f"/review/responses/{case_response(done).id}" in finished
    assert teacher_client.get("/review/papers/nope/monitor").status_code == 404


def test_items_page_of_a_paper_nobody_has_submitted_says_so(db, exam_paper, teacher_client):
    """A card of dashes, an empty histogram and a table of zeros did not say why."""
    page = teacher_client.get("/review/papers/mock-t/items").get_data(as_text=True)
    assert 'id="no-attempts"' in page and "学员交卷后，这里显示它的统计" in page
    assert 'id="paper-stats"' not in page and 'id="items-table"' not in page
