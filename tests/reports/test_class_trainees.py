"""A report of one class covers the class's trainees only (app/reach.py): its other members, the instructor who
teaches it and tried the paper or a user whose trainee role was removed, are out of the rule's reach, so they are
in none of its rows, counts, figures or files, whoever asks."""
import csv
import io
from datetime import timedelta
from types import SimpleNamespace

import openpyxl
import pytest

from app.models import PointScore
from app.reports.dashboard import dashboard
from app.reports.scores import ReportQuery, score_report
from tests.reports.factories import T0, make_class, sit


@pytest.fixture
def mixed(exam_bank, make_paper, make_user, db):
    """甲班: the trainee 学员甲 and the instructor 老师乙 who teaches it. Both sat the paper: the trainee failed
    (10/20), the instructor, trying it a week later, passed (19/20) and lost a key point no trainee lost."""
    paper = make_paper("mock-m", sections=[{"title": "单选", "questions": ["gas.s0"]},
                                           {"title": "案例", "questions": ["complaints.case"]}])
    teacher = make_user("teacher", roles=("instructor",), display_name="老师乙")
    stu = make_user("stu", display_name="学员甲")
    cohort = make_class("甲班", teacher, stu)
    mine = sit(stu, paper, [6, 4], sections=[0, 1])
    tried = sit(teacher, paper, [10, 9], sections=[0, 1], finished=T0 + timedelta(days=7))
    db.session.add(PointScore(response_id=tried.items[1].response.id, part_id="a", point_id="teacher_only",
                              earned=0, max=1))
    db.session.commit()
    return SimpleNamespace(paper=paper, cohort=cohort, teacher=teacher, stu=stu, mine=mine, tried=tried)


def _usernames(rows) -> list[str]:
    return [row[1] for row in rows]


def test_an_instructor_s_class_report_lists_only_the_trainee(login, mixed):
    client = login(mixed.teacher)
    for address in (f"/reports/?paper=mock-m&cohort={mixed.cohort.id}", "/reports/?paper=mock-m"):
        page = client.get(address).get_data(as_text=True)
        assert "<td>学员甲</td>" in page and "<td>老师乙</td>" not in page, address
    # the same as the marking pages: the instructor's own attempt is not a trainee's work
    assert client.get(f"/review/attempts/{mixed.tried.id}").status_code == 404
    assert client.get(f"/review/attempts/{mixed.mine.id}").status_code == 200
    ranking = client.get(f"/reports/ranking?paper=mock-m&cohort={mixed.cohort.id}").get_data(as_text=True)
    assert "学员甲" in ranking and "老师乙" not in ranking


def test_an_administrator_s_class_report_and_its_files_hold_only_the_trainee(admin_client, mixed):
    page = admin_client.get(f"/reports/?paper=mock-m&cohort={mixed.cohort.id}").get_data(as_text=True)
    assert "<td>学员甲</td>" in page and "<td>老师乙</td>" not in page
    form = {"paper": "mock-m", "cohort": str(mixed.cohort.id), "pick": "best"}
    book = openpyxl.load_workbook(io.BytesIO(admin_client.post("/reports/export",
                                                               data={**form, "format": "xlsx"}).get_data()))
    scores = list(book["成绩"].iter_rows(min_row=2, values_only=True))
    assert _usernames(scores) == ["stu"] and scores[0][0] == 1  # ranked first: the instructor's 19 is not there
    # 甲班: one trainee enrolled, one sat, none absent, mean/best/worst 10, nobody passed
    assert list(book["汇总"].iter_rows(min_row=2, values_only=True)) == [("甲班", 1, 1, 0, 10, 10, 10, 0, 0)]
    text = admin_client.post("/reports/export", data={**form, "format": "csv"}).get_data().decode("utf-8-sig")
    assert _usernames(list(csv.reader(io.StringIO(text)))[1:]) == ["stu"]
    ranking = admin_client.get(f"/reports/ranking?paper=mock-m&cohort={mixed.cohort.id}").get_data(as_text=True)
    assert "学员甲" in ranking and "老师乙" not in ranking


def test_a_class_s_statistics_count_only_its_trainee(admin_client, login, mixed):
    board = dashboard(ReportQuery(mixed.paper, mixed.cohort))
    assert (board.attended, board.passed, board.failed, board.mean) == (1, 0, 1, 50.0)
    assert board.distribution[5] == 1 and sum(board.distribution) == 1
    assert board.trend == [("2026-W47", 50.0, 1)]  # the instructor's week (W48) is not there
    assert [area[2] for area in board.areas] == ["10/20"]
    assert all("teacher_only" not in label for label, _, _ in board.points)
    for client in (admin_client, login(mixed.teacher)):
        page = client.get(f"/reports/dashboard?paper=mock-m&cohort={mixed.cohort.id}").get_data(as_text=True)
        assert "0 合格 / 1 不合格" in page and "teacher_only" not in page


def test_in_the_report_of_every_class_a_class_s_summary_counts_its_trainees(mixed):
    """An administrator's report of every class still lists every attempt, but a class's row of the summary, and
    the class named beside a score, count the class's trainees only: the instructor's try is under （未分班）."""
    report = score_report(ReportQuery(mixed.paper))
    rows = {row[1]: row for row in report.rows()}
    assert rows["stu"][3] == "甲班" and rows["teacher"][3] == "（未分班）"
    summary = {row[0]: row for row in report.summary_rows()}
    assert summary["甲班"][1:4] == [1, 1, 0] and summary["甲班"][4] == 10 and summary["甲班"][7] == 0
    assert summary["（未分班）"][2] == 1 and summary["全部"][2] == 2


def test_a_member_whose_trainee_role_was_removed_leaves_the_class_report(db, mixed):
    mixed.stu.roles = ("instructor",)
    db.session.commit()
    assert list(score_report(ReportQuery(mixed.paper, mixed.cohort)).rows()) == []
    assert dashboard(ReportQuery(mixed.paper, mixed.cohort)).attended == 0


def test_the_command_line_export_of_a_class_holds_only_the_trainee(runner, mixed, tmp_path):
    out = tmp_path / "class.csv"
    result = runner.invoke(args=["report", "export", "--paper", "mock-m", "--class", "甲班", "--format", "csv",
                                 "-o", str(out)])
    assert result.exit_code == 0 and "(1 rows)" in result.output, result.output
    assert _usernames(list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))[1:]) == ["stu"]
