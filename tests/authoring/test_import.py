"""The import page: Excel/CSV/Word/text through app.bank.convert, row by row, nothing imported until confirmed,
and nothing at all while any row is unreadable."""
import io

from openpyxl import Workbook, load_workbook

from app.models import Question

HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "分值", "难度", "知识点"]
GOOD = [["单选", "客户投诉时首先应该？", "争辩", "倾听", "挂断", "转接", "B", "先倾听。", 1, "易", "投诉处理"],
        ["判断", "回访可以提高满意度。", "", "", "", "", "对", "回访让客户感到被重视。", 1, "中", "客户关系"]]
BAD = [["单选", "答案不在选项里的题", "甲", "乙", "", "", "E", "解析", 1, "中", "投诉处理"],
       ["单选", "", "甲", "乙", "", "", "A", "没有题干", 1, "中", "投诉处理"]]


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, filename, data, **form):
    fields = {"file": (io.BytesIO(data), filename)}
    fields.update(form)
    return client.post("/authoring/import", data=fields, content_type="multipart/form-data")


def token_of(page: str) -> str:
    marker = 'name="token" value="'
    start = page.index(marker) + len(marker)
    return page[start:page.index('"', start)]


def test_good_xlsx_previews_row_by_row_then_imports_on_confirm(app, db, instructor_client):
    response = upload(instructor_client, "bank.xlsx", xlsx(GOOD))
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert page.count('class="row-ok"') == 2
    assert 'id="n-added">2<' in page
    assert Question.query.count() == 0  # nothing until confirmed
    response = instructor_client.post("/authoring/import/confirm", data={"token": token_of(page)})
    assert response.status_code == 302
    db.session.expire_all()
    assert Question.query.count() == 2
    assert {q.type for q in Question.query} == {"single", "judge"}


def test_bad_rows_are_each_reported_and_nothing_is_imported(app, instructor_client):
    response = upload(instructor_client, "bank.xlsx", xlsx(GOOD + BAD))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert page.count('class="row-bad"') == 2
    assert "有 2 道题无法读取" in page
    assert '<tr class="row-bad" data-location="row 4"><td>第 4 行</td>' in page
    assert "答案中的E不在选项中" in page
    assert '<tr class="row-bad" data-location="row 5"><td>第 5 行</td>' in page and "题干为空" in page
    assert 'name="token"' not in page  # no confirm button
    assert Question.query.count() == 0


def test_pasted_numbered_text(app, instructor_client):
    text = "1、客户投诉时首先应该？ A.争辩 B.倾听 C.挂断 答案：B 解析：先倾听。\n"
    response = instructor_client.post("/authoring/import", data={"text": text, "topic": "投诉处理"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert 'id="n-added">1<' in response.get_data(as_text=True)


def test_pasted_text_and_the_default_area_survive_a_refused_preview(app, instructor_client):
    """A row with a wrong answer refused the whole paste, and the box came back empty: everything to paste again."""
    text = "1、客户投诉时首先应该？ A.争辩 B.倾听 C.挂断 答案：E 解析：先倾听。\n"
    response = instructor_client.post("/authoring/import", data={"text": text, "topic": "投诉<处理>"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "1、客户投诉时首先应该？ A.争辩 B.倾听 C.挂断 答案：E 解析：先倾听。\n</textarea>" in page
    assert 'name="topic" maxlength="50" value="投诉&lt;处理&gt;"' in page
    assert 'action="/authoring/import#import-result"' in page and 'id="import-result"' in page  # lands on the verdict


def test_unsupported_and_empty_uploads_are_messages(app, instructor_client):
    assert upload(instructor_client, "bank.xls", b"old").status_code == 422
    assert instructor_client.post("/authoring/import", data={}).status_code == 422
    assert upload(instructor_client, "bank.xlsx", b"not a zip").status_code == 422


def test_template_downloads_and_imports_cleanly(app, instructor_client):
    response = instructor_client.get("/authoring/import/template.xlsx")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.data)).active["B1"].value == "题干"
    assert upload(instructor_client, "template.xlsx", response.data).status_code == 200


def test_moodle_xml_download_is_well_formed(exam_bank, instructor_client):
    from xml.etree import ElementTree

    response = instructor_client.get("/authoring/exchange/moodle.xml")
    root = ElementTree.fromstring(response.data)
    types = [q.get("type") for q in root.iter("question")]
    assert types.count("multichoice") == 9 and types.count("truefalse") == 3 and types.count("essay") == 2


def word(paragraphs) -> bytes:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_office_file_under_the_wrong_extension_is_read_for_what_it_is(app, instructor_client):
    """A workbook saved (or renamed) as .docx was refused as 'file: 不是可读的 Word（.docx）文件：ValueError', over an
    empty table: a Python exception's name, a machine key, and no word of what to do."""
    response = upload(instructor_client, "questions.docx", xlsx(GOOD))
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert page.count('class="row-ok"') == 2
    response = upload(instructor_client, "questions.xlsx", word(["1、客户投诉时首先应该？", "A.争辩 B.倾听 C.挂断",
                                                                "答案：B", "解析：先倾听。"]), topic="投诉处理")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert 'class="row-ok"' in response.get_data(as_text=True)


def test_a_refused_file_is_said_in_words_without_an_empty_table(app, instructor_client):
    for name, data, said in (("bank.xlsx", b"", "文件是空的"), ("bank.docx", b"not a zip", "不是有效的 Office 文件")):
        response = upload(instructor_client, name, data)
        page = response.get_data(as_text=True)
        assert response.status_code == 422
        assert said in page
        assert "file:" not in page and "ValueError" not in page
        assert "<table" not in page.split('id="import-result"')[1]  # no table of no rows


# ------------------------------------------------------------------------------- the converters' language
def test_import_problems_are_in_chinese_by_default_and_in_english_when_chosen(app, instructor_client):
    bad_rows = xlsx(GOOD + BAD)
    no_header = "甲,乙\n1,2\n".encode()
    page = upload(instructor_client, "bank.xlsx", bad_rows).get_data(as_text=True)
    assert "答案中的E不在选项中（选项为A、B）" in page and "题干为空" in page and "<td>第 4 行</td>" in page
    page = upload(instructor_client, "bank.csv", no_header).get_data(as_text=True)
    assert "<li>第 1 行：找不到表头：需要“题干”一列" in page
    page = upload(instructor_client, "bank.pdf", b"%PDF").get_data(as_text=True)
    assert "不支持的文件类型“.pdf”" in page

    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    page = upload(instructor_client, "bank.xlsx", bad_rows).get_data(as_text=True)
    assert "The answer&#39;s E is not among the options (A、B)." in page and "The stem is empty." in page
    assert "<td>row 4</td>" in page and "答案中的" not in page and "题干为空" not in page
    page = upload(instructor_client, "bank.csv", no_header).get_data(as_text=True)
    assert "<li>row 1: No header row found: a 题干 column is needed" in page
    page = upload(instructor_client, "bank.pdf", b"%PDF").get_data(as_text=True)
    assert "Files of type “.pdf” cannot be imported" in page and "不支持" not in page


def test_a_word_table_row_and_a_sheet_name_are_located_in_the_page_language(app):
    from app.authoring.views import location_label
    from app.bank.convert.result import row, sheet, table, within

    assert within(table(2), row(3)) == "table 2 row 3"  # the converters' text (CLI, data-location) is unchanged
    with app.test_request_context():
        assert location_label(within(table(2), row(3))) == "表格 2 第 3 行"
        assert location_label(within(sheet("多选"), row(5))) == "工作表“多选” 第 5 行"
