"""Hostile Office files for the tests of every reader of uploads: a workbook is a zip of XML parts, and any of
them may be rewritten."""
import io
import zipfile

from openpyxl import Workbook


def workbook_bytes(rows, title: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite_part(data: bytes, name: str, change) -> bytes:
    """The same zip with part ``name`` replaced by change(old bytes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info.filename, change(body) if info.filename == name else body)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def with_wide_row(data: bytes, cells: int, prefix: str = "") -> bytes:
    """A workbook whose sheet gains, after its rows, one row of ``cells`` cells (a few kilobytes zipped)."""
    tag = f"{prefix}:" if prefix else ""
    row = f'<{tag}row r="900">'.encode() + f'<{tag}c t="inlineStr"><{tag}is><{tag}t>x</{tag}t></{tag}is></{tag}c>'.encode() \
        * cells + f"</{tag}row>".encode()
    return rewrite_part(data, SHEET, lambda body: body.replace(b"</sheetData>", row + b"</sheetData>", 1))


def with_damaged_sheet(data: bytes) -> bytes:
    """A readable zip whose sheet is not XML."""
    return rewrite_part(data, SHEET, lambda body: body[: len(body) // 2] + b"<<<&&& not xml")
