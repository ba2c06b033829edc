import csv
import io

import openpyxl
import pytest

from app.reports.scores import ReportError, ReportQuery, export, score_report
from tests.reports.factories import T0, make_class, sit
from datetime import timedelta, date

EVIL = '=HYPERLINK("http://x","y")'


@pytest.fixture
def scored(exam_bank, make_paper, make_user):
    paper = make_paper("mock-r", sections=[{"title": "单选", "questions": ["gas.s0"]},
                                           {"title": "案例", "questions": ["complaints.case"]}])
    zhang = make_user("zhang", display_name="张三")
    li = make_user("li", display_name="李四")
    evil = make_user("evil", display_name=EVIL)
    absent = make_user("absent", display_name="缺考")
    make_class("一班", zhang, li, absent)
    sit(zhang, paper, [10, 8], sections=[0, 1])              # 18/20 = 90%
    sit(zhang, paper, [5, 5], sections=[0, 1], finished=T0 + timedelta(days=1))  # a later, worse attempt
    sit(li, paper, [6, 4], sections=[0, 1])                  # 10/20 = 50%: 不合格
    sit(evil, paper, [7, 7], sections=[0, 1], needs_review=True)
    return paper


def _xlsx(query):
    out = io.BytesIO()
    export(query, "xlsx", out)
    out.seek(0)
    return openpyxl.load_workbook(out)


def test_xlsx_holds_headers_values_and_a_summary_per_class(scored):
    book = _xlsx(ReportQuery(scored))
    assert book.sheetnames == ["成绩", "汇总"]
    ws = book["成绩"]
    headers = [c.value for c in ws[1]]
    assert headers[:7] == ["排名", "用户名", "姓名", "班级", "总分", "满分", "得分率"]
    assert headers[7:9] == ["单选", "案例"] and headers[9:11] == ["第1题", "第2题"]
    assert headers[-4:] == ["用时（分钟）", "交卷时间", "复核", "合格/不合格"]
    assert ws.freeze_panes == "A2"
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    zhang = rows["zhang"]
    assert zhang[0] == 1 and zhang[2] == "张三" and zhang[3] == "一班" and zhang[4] == 18 and zhang[7:9] == (10, 8)
    assert zhang[-1] == "合格" and zhang[-2] == "无需复核" and zhang[-4] == 30
    assert zhang[-3].strftime("%Y-%m-%d %H:%M") == "2026-11-20 09:00"  # China time
    assert rows["li"][-1] == "不合格" and rows["li"][0] == 3
    assert rows["evil"][-2] == "待复核"
    assert ws["E2"].number_format == "0.0" and ws["G2"].number_format == "0.0%"
    summary = {r[0]: r for r in book["汇总"].iter_rows(min_row=2, values_only=True)}
    # 一班: three trainees enrolled, two sat (zhang 18, li 10), one absent, one passed.
    assert summary["一班"][1:4] == (3, 2, 1) and summary["一班"][4] == 14 and summary["一班"][5:8] == (18, 10, 1)
    assert summary["一班"][8] == 0.5
    assert summary["全部"][2] == 3


def test_pick_latest_and_first(scored):
    latest = {r[1]: r for r in _xlsx(ReportQuery(scored, pick="latest"))["成绩"].iter_rows(min_row=2, values_only=True)}
    assert latest["zhang"][4] == 10
    first = {r[1]: r for r in _xlsx(ReportQuery(scored, pick="first"))["成绩"].iter_rows(min_row=2, values_only=True)}
    assert first["zhang"][4] == 18


def test_class_and_date_filters(scored):
    cohort = scored.query.session.query(__import__("app.models", fromlist=["Cohort"]).Cohort).one()
    rows = list(_xlsx(ReportQuery(scored, cohort=cohort))["成绩"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[1] for r in rows) == ["li", "zhang"]
    later = ReportQuery(scored, start=date(2026, 11, 21), end=date(2026, 11, 21))
    rows = list(_xlsx(later)["成绩"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[4]) for r in rows] == [("zhang", 10)]


def test_reversed_dates_and_unknown_pick_are_refused(scored):
    with pytest.raises(ReportError):
        ReportQuery(scored, start=date(2026, 12, 2), end=date(2026, 12, 1))
    with pytest.raises(ReportError):
        ReportQuery(scored, pick="worst")


def test_csv_starts_with_bom_and_neutralises_formulas(scored):
    out = io.BytesIO()
    export(ReportQuery(scored), "csv", out)
    data = out.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "排名"
    evil = next(r for r in rows if r[1] == "evil")
    assert evil[2] == "'" + EVIL


HIDDEN_FORMULAS = [" =1+1", "  +cmd|' /C calc'!A0", "\u3000=1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1+1",
                   "\n=1+1", " \t-2"]


@pytest.mark.parametrize("value", HIDDEN_FORMULAS)
def test_formulas_behind_spaces_or_in_full_width_are_neutralised(value):
    """Spreadsheets skip leading spaces, and a Chinese input method types ＝ for =: such cells went out as
    they came (only a first character of = + - @ tab CR was caught)."""
    from app.reports.cells import neutralise
    from app.review.spreadsheet import neutralise as sheet_neutralise

    assert neutralise(value) == "'" + value
    assert sheet_neutralise(value) == "'" + value
    assert neutralise(" 道歉") == " 道歉" and neutralise("1-2") == "1-2"


def test_xlsx_neutralises_formulas(scored):
    ws = _xlsx(ReportQuery(scored))["成绩"]
    evil = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "evil")
    assert evil[2].value == "'" + EVIL and evil[2].data_type == "s"


def test_report_reads_in_batches(scored, monkeypatch):
    """Rows come from the database a batch at a time (the batch size is what keeps memory flat)."""
    import app.reports.scores as scores

    monkeypatch.setattr(scores, "BATCH", 1)
    seen = []
    original = scores._item_details
    monkeypatch.setattr(scores, "_item_details", lambda ids: seen.append(list(ids)) or original(ids))
    rows = list(score_report(ReportQuery(scored)).rows())
    assert len(rows) == 3 and all(len(batch) == 1 for batch in seen) and len(seen) == 3


def test_every_xlsx_heading_fits_its_column(exam_bank, make_paper, make_user):
    """A section's column was 10 characters wide whatever its title: 案例分析题（每题25分）, as the bundled mock exams
    name it, showed in Excel as three lines of four characters (用时（分钟） over two). A Chinese character takes two
    widths of the default font; a heading gets a column as wide as it is, up to 30."""
    from app.reports.table import display_width

    paper = make_paper("mock-w", sections=[{"title": "案例分析题（每题25分）", "questions": ["complaints.case"]}])
    sit(make_user("zhang", display_name="张三"), paper, [10], sections=[0])
    book = _xlsx(ReportQuery(paper))
    for ws in book:
        for cell in ws[1]:
            width = ws.column_dimensions[cell.column_letter].width
            assert width >= min(display_width(cell.value), 30), (ws.title, cell.value, width)
    assert display_width("案例分析题（每题25分）") == 22 and display_width("Score") == 5


def test_csv_writes_a_share_as_a_percentage(exam_bank, make_paper, make_user):
    """The CSV wrote 得分率 as a fraction cut to two places: 4.58 of 100 came out as 0.05, read in Excel as 5 %
    (the XLSX shows 4.6 %). A share is now written as Excel reads a percentage, to one place: 4.6%."""
    paper = make_paper("mock-p", sections=[{"title": "案例", "questions": ["complaints.case"]}])
    sit(make_user("zhang", display_name="张三"), paper, [0.458], sections=[0])
    out = io.BytesIO()
    export(ReportQuery(paper), "csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    share = rows[0].index("得分率")
    zhang = next(r for r in rows if r[1] == "zhang")
    assert zhang[share] == "4.6%", zhang


def test_an_attempt_an_instructor_marked_by_hand_reads_reviewed(scored, db):
    # An override stamps reviewed_at on a response the grader never flagged (app/scoring/overrides.py); the report
    # said 无需复核 for it, while the trainee's result page says it was reviewed.
    from app.models import Attempt, User
    from app.models.base import utcnow
    li = db.session.query(User).filter_by(username="li").one()
    attempt = db.session.query(Attempt).filter_by(user_id=li.id).one()
    attempt.items[1].response.reviewed_at = utcnow()
    db.session.commit()
    rows = {r[1]: r for r in _xlsx(ReportQuery(scored))["成绩"].iter_rows(min_row=2, values_only=True)}
    assert rows["li"][-2] == "已复核"
    assert rows["zhang"][-2] == "无需复核" and rows["evil"][-2] == "待复核"
