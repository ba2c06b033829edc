"""An Office upload is measured before any reader opens it: what a few kilobytes of zip expand to, in bounded
memory, whatever the chunk boundaries."""
import io
import zipfile
from unittest import mock

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from app.bank.convert import archive
from app.bank.convert.archive import office_refusal
from app.bank.convert.docx import convert_docx
from app.bank.convert.tabular import convert_xlsx
from tests.office_files import SHEET, rewrite_part, with_wide_row, workbook_bytes

PLAIN = workbook_bytes([["题干", "答案"], ["客户投诉时先做什么？", "倾听"]])


def docx_bytes(paragraphs: int) -> bytes:
    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(f"第{n}题")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_ordinary_workbooks_and_documents_are_opened():
    assert office_refusal(PLAIN) is None
    assert office_refusal(docx_bytes(50)) is None
    assert office_refusal(with_wide_row(PLAIN, archive.MAX_ROW_CELLS)) is None  # exactly the limit


def test_a_row_wider_than_the_limit_is_refused_and_named():
    refusal = office_refusal(with_wide_row(PLAIN, archive.MAX_ROW_CELLS + 1))
    assert refusal.kind == "row_too_wide"
    assert SHEET in refusal.detail and "row 3" in refusal.detail  # the two rows of the sheet come first


def test_a_namespace_prefix_does_not_hide_the_cells():
    assert office_refusal(with_wide_row(PLAIN, archive.MAX_ROW_CELLS + 1, prefix="x")).kind == "row_too_wide"


def test_a_fifty_megabyte_row_in_a_small_zip_is_refused_before_it_is_expanded():
    bomb = with_wide_row(PLAIN, 1_300_000)  # about 50 MB of cells; openpyxl took 19 s and 1.4 GB to read it
    assert len(bomb) < 400_000
    assert office_refusal(bomb).kind == "row_too_wide"


def test_too_many_tags_or_bytes_or_parts_are_refused():
    rows = workbook_bytes([["x", n] for n in range(200)])
    assert office_refusal(rows) is None
    with mock.patch.object(archive, "MAX_XML_TAGS", 500):
        assert office_refusal(rows).kind == "too_large"
    with mock.patch.object(archive, "MAX_XML_BYTES", 4096):
        assert office_refusal(rows).kind == "too_large"
    with mock.patch.object(archive, "MAX_XML_TAGS", 500):
        assert office_refusal(docx_bytes(200)).kind == "too_large"
    with mock.patch.object(archive, "MAX_ENTRIES", 3):
        assert office_refusal(rows).kind == "too_large"


def test_what_is_not_a_zip_is_unreadable():
    assert office_refusal(b"not a zip").kind == "unreadable"
    assert office_refusal(PLAIN[: len(PLAIN) // 2]).kind == "unreadable"


def _sheet_with_rows(widths: list[int]) -> bytes:
    rows = b"".join(b'<row r="%d">' % (n + 1) + b'<c r="A1" t="n"><v>1</v></c>' * width + b"</row>"
                    for n, width in enumerate(widths))
    return rewrite_part(PLAIN, SHEET, lambda body: body.split(b"<sheetData")[0]
                        + b"<sheetData>" + rows + b"</sheetData></worksheet>")


@settings(max_examples=60, deadline=None)
@given(widths=st.lists(st.integers(0, 9), min_size=1, max_size=12), chunk=st.integers(1, 200))
def test_the_widest_row_is_found_whatever_the_chunk_boundaries(widths, chunk):
    data = _sheet_with_rows(widths)
    with mock.patch.object(archive, "MAX_ROW_CELLS", 6), mock.patch.object(archive, "_CHUNK", chunk):
        refusal = office_refusal(data)
    assert (refusal is not None and refusal.kind == "row_too_wide") == (max(widths) > 6)


def test_the_converters_give_the_reason_as_a_file_problem():
    result = convert_xlsx(with_wide_row(PLAIN, archive.MAX_ROW_CELLS + 1))
    assert any("单元格" in problem.reason for problem in result.file_problems)
    with mock.patch.object(archive, "MAX_XML_TAGS", 100):
        result = convert_docx(docx_bytes(100))
    assert any("内容过多" in problem.reason for problem in result.file_problems)


def test_declared_sizes_that_exceed_the_total_are_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("[Content_Types].xml", b"<Types/>")
    with mock.patch.object(archive, "MAX_UNZIPPED_BYTES", 4):
        assert office_refusal(out.getvalue()).kind == "too_large"
