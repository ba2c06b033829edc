"""Offline marking: export to XLSX, fill it in with openpyxl, import with a preview; rows whose answer changed since
the export are refused, formulas are neutralised, bad files change nothing."""
import io
import re

import pytest
from openpyxl import Workbook, load_workbook

from app.models import Attempt, GradeChange, Response
from app.review.spreadsheet import HEADERS, neutralise
from tests.office_files import with_damaged_sheet, with_wide_row
from tests.review.conftest import case_response

FORMULA_ANSWER = "=HYPERLINK(\"http://x\",\"点我\")先道歉"


@pytest.fixture
def sat(db, exam_paper, finish, trainee, make_user):
    return [finish(trainee, exam_paper, {"complaints.case": {"a": FORMULA_ANSWER, "b": "电话回访"}}),
            finish(make_user("t2", display_name="学员乙"), exam_paper, {"complaints.case": {"a": "耐心倾听", "b": "-回访"}})]


def export(client, blind=False) -> Workbook:
    answer = client.get("/review/papers/mock-t/marking.xlsx" + ("?blind=1" if blind else ""))
    assert answer.status_code == 200
    assert answer.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(answer.data))


def rows_by(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], {(r[0], r[1]): (n, r) for n, r in enumerate(rows[1:], start=2)}


def upload(client, book, url="/review/papers/mock-t/marking/preview"):
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    return client.post(url, data={"sheet": (data, "marked.xlsx")}, content_type="multipart/form-data")


def test_the_export_has_one_row_per_response_and_part_and_no_live_formulas(db, sat, teacher_client):
    book = export(teacher_client)
    sheet = book["marking"]
    header, rows = rows_by(sheet)
    assert list(header[:len(HEADERS)]) == HEADERS
    assert len(rows) == 4  # 2 attempts x 2 parts
    assert sheet.column_dimensions["C"].hidden  # the answers' hashes
    first = case_response(sat[0])
    _, row = rows[(first.id, "a")]
    assert row[7] == "'" + FORMULA_ANSWER and row[3] == "trainee1"
    assert all(cell.data_type != "f" for line in sheet.iter_rows() for cell in line)
    assert rows[(case_response(sat[1]).id, "b")][1][7] == "'-回访"
    assert any(str(v).startswith("✓") for v in row[12:] if v)  # the key points' automatic grades
    blind = rows_by(export(teacher_client, blind=True)["marking"])[1]
    assert all(re.fullmatch(r"T-[0-9A-F]{6}", r[3]) for _, r in blind.values())


@pytest.mark.parametrize("value,expected", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
                                            ("\tx", "'\tx"), ("\rx", "'\rx"), ("道歉", "道歉"), ("a\x01b", "a\ufffdb"),
                                            (3, 3)])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_round_trip_with_a_changed_answer_refused(db, sat, teacher_client, trainee_client):
    book = export(teacher_client)
    sheet = book["marking"]
    header, rows = rows_by(sheet)
    first, second = case_response(sat[0]), case_response(sat[1])
    n1, _ = rows[(first.id, "a")]
    n2, _ = rows[(second.id, "a")]
    n3, _ = rows[(second.id, "b")]
    sheet.cell(n1, 11, 7.5)
    sheet.cell(n1, 12, "思路对，措辞再改进")
    sheet.cell(n2, 11, "2")
    sheet.cell(n3, 12, "=非公式")
    # the second trainee's answer changes in the database after the export (as a regrade of an edited answer would)
    stored = db.session.get(Response, second.id)
    stored.result = dict(stored.result, parts=dict(stored.result["parts"], a=dict(stored.result["parts"]["a"],
                                                                                   answer="耐心倾听，改过了")))
    db.session.commit()
    before = {r.id: r.score for r in db.session.query(Response)}

    preview = upload(teacher_client, book)
    assert preview.status_code == 200
    page = preview.get_data(as_text=True)
    assert page.count("导出之后答案已改变") == 1  # row n2 only: part b is as exported
    assert "思路对，措辞再改进" in page
    db.session.expire_all()
    assert {r.id: r.score for r in db.session.query(Response)} == before  # the preview wrote nothing

    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    assert teacher_client.post("/review/papers/mock-t/marking/apply", data={"token": token}).status_code == 302
    db.session.expire_all()
    changed = db.session.get(Response, first.id)
    assert changed.result["parts"]["a"]["score"] == 7.5 and changed.result["parts"]["a"]["comment"] == "思路对，措辞再改进"
    assert db.session.get(Response, second.id).score == before[second.id]
    assert db.session.get(Response, second.id).result["parts"]["b"]["comment"] == "=非公式"  # text, never run
    assert db.session.query(GradeChange).count() == 2
    result = trainee_client.get(f"/attempts/{sat[0].id}/result").get_data(as_text=True)
    assert "思路对，措辞再改进" in result
    assert f"{db.session.get(Attempt, sat[0].id).score:g}" in result


def test_an_altered_token_and_bad_files_change_nothing(db, sat, teacher_client):
    before = {r.id: r.score for r in db.session.query(Response)}
    assert teacher_client.post("/review/papers/mock-t/marking/apply", data={"token": "x.y.z"}).status_code == 400
    bad = teacher_client.post("/review/papers/mock-t/marking/preview",
                              data={"sheet": (io.BytesIO(b"not a zip"), "x.xlsx")}, content_type="multipart/form-data")
    assert bad.status_code == 400 and "XLSX" in bad.get_data(as_text=True)
    other = Workbook()
    other.active.title = "marking"
    other.active.append(["something", "else"])
    assert upload(teacher_client, other).status_code == 400
    assert teacher_client.post("/review/papers/mock-t/marking/preview", data={}).status_code == 400
    book = export(teacher_client)
    sheet = book["marking"]
    sheet.cell(2, 11, "很多")  # not a number
    sheet.cell(3, 11, 999)  # out of range
    sheet.cell(4, 1, "abc")  # the hidden id column was edited
    sheet.cell(4, 11, 1)
    page = upload(teacher_client, book).get_data(as_text=True)
    assert "分数不是数字" in page and "分数应在 0 到 10 之间" in page and "隐藏的作答编号列被改动了" in page
    assert 'name="token"' not in page  # nothing to apply
    db.session.expire_all()
    assert {r.id: r.score for r in db.session.query(Response)} == before


@pytest.mark.parametrize("edited", [10 ** 30, -5, 1.5e300, True])
def test_a_hidden_id_edited_to_a_number_no_database_takes_is_a_refused_row(db, sat, teacher_client, edited):
    book = export(teacher_client)
    sheet = book["marking"]
    sheet.cell(2, 1, edited)
    sheet.cell(2, 11, 1)
    response = upload(teacher_client, book)
    assert response.status_code == 200
    assert "隐藏的作答编号列被改动了" in response.get_data(as_text=True)


def test_a_damaged_or_expanding_sheet_is_a_clear_message_and_changes_nothing(db, sat, teacher_client):
    before = {r.id: r.score for r in db.session.query(Response)}
    out = io.BytesIO()
    export(teacher_client).save(out)
    exported = out.getvalue()
    url = "/review/papers/mock-t/marking/preview"
    for data, said in ((with_damaged_sheet(exported), "已损坏"), (with_wide_row(exported, 5000), "单元格")):
        response = teacher_client.post(url, data={"sheet": (io.BytesIO(data), "marked.xlsx")},
                                       content_type="multipart/form-data")
        assert response.status_code == 400 and said in response.get_data(as_text=True)
    db.session.expire_all()
    assert {r.id: r.score for r in db.session.query(Response)} == before
