"""Test responses: examiners' marks against the rubric, from CSV or XLSX, nothing stored."""
import io

from openpyxl import Workbook

from app.models import Response
from tests.office_files import with_damaged_sheet, with_wide_row


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def post(client, filename, data, **form):
    fields = {"part": "a", "tolerance": "1", "file": (io.BytesIO(data), filename)}
    fields.update(form)
    return client.post("/authoring/questions/complaints.case/test-responses", data=fields,
                       content_type="multipart/form-data")


def test_agreement_and_over_and_under_scored_answers_from_xlsx(exam_bank, instructor_client):
    data = xlsx([["答案", "分数"], ["我会先道歉，再倾听。", 10], ["先道歉", 4], ["耐心倾听", 2.5], ["只是道歉", 0]])
    response = post(instructor_client, "marks.xlsx", data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'data-metric="exact">50.0%' in page  # rows 2 and 3 agree exactly
    assert 'data-metric="within">50.0%' in page
    assert 'data-metric="mae">1.88' in page  # (0 + 0 + 3.5 + 4) / 4
    over = page[page.index('id="over"'):page.index('id="under"')]
    assert 'data-line="5"' in over and "<mark" in over  # 只是道歉: 4 given, examiner 0, evidence marked
    under = page[page.index('id="under"'):]
    assert 'data-line="4"' not in under  # 耐心倾听 earns 6 > 2.5: over-scored
    assert Response.query.count() == 0  # kept apart from trainees' attempts


def test_gbk_csv_with_partial_marks_and_bad_rows(exam_bank, instructor_client):
    text = "answer,mark\n先道歉,3.5\n倾听,abc\n,5\n倾听,11\n"
    response = post(instructor_client, "marks.csv", text.encode("gbk"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "abc" in page and "11" in page  # both left out, with their reasons
    assert "1 份答案的一致性" in page


def test_unreadable_files_are_clear_messages(exam_bank, instructor_client):
    assert post(instructor_client, "marks.xlsx", b"not a zip").status_code == 422
    assert post(instructor_client, "marks.pdf", b"%PDF").status_code == 422
    assert post(instructor_client, "marks.csv", b"foo,bar\n1,2\n").status_code == 422
    assert post(instructor_client, "marks.csv", b"answer,mark\nx,1\n", tolerance="-2").status_code == 422


def test_objective_questions_have_no_test_responses(exam_bank, instructor_client):
    assert instructor_client.get("/authoring/questions/gas.s0/test-responses").status_code == 404
    assert instructor_client.get("/authoring/questions/complaints.case/test-responses?part=zz").status_code == 404


def test_a_damaged_or_expanding_workbook_is_a_clear_message(exam_bank, instructor_client):
    plain = xlsx([["答案", "分数"], ["先道歉", 4]])
    for data, said in ((with_damaged_sheet(plain), "已损坏"), (with_wide_row(plain, 5000), "单元格")):
        response = post(instructor_client, "marks.xlsx", data)
        assert response.status_code == 422 and said in response.get_data(as_text=True)
