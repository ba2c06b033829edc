"""Reading one sheet of an uploaded workbook, for every feature that takes .xlsx files (user import, marking
sheets, test responses). The file is measured before openpyxl opens it (``bank.convert.archive``: a few
kilobytes of zip can expand to gigabytes), and a damaged part is a clear message, never a 500: openpyxl reads
lazily, so a broken worksheet raises while its rows are read, not when the file is opened."""
from __future__ import annotations

import io

from flask_babel import gettext as _

from .bank.convert.archive import MAX_ROW_CELLS, office_refusal


class UnreadableWorkbook(ValueError):
    """The upload cannot be read; the message, in the UI's language, says why."""


def workbook_rows(data: bytes, max_rows: int, sheet: str | None = None, formulas: bool = False) -> list[tuple]:
    """The cell values of the named sheet (or the first), at most ``max_rows`` + 1 rows so that the caller can
    tell "too many" from "just enough". ``formulas``: a formula cell gives its formula, not its cached value."""
    refusal = office_refusal(data)
    if refusal is not None:
        if refusal.kind == "row_too_wide":
            raise UnreadableWorkbook(_("A row of the workbook has more than %(n)d cells; it was not opened.",
                                       n=MAX_ROW_CELLS))
        if refusal.kind == "too_large":
            raise UnreadableWorkbook(_("The workbook holds too much once unzipped to be read safely; split it "
                                       "into smaller files."))
        raise UnreadableWorkbook(_("This is not a readable XLSX file (save it from Excel or WPS as .xlsx)."))
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=not formulas)
    except Exception:  # openpyxl raises many kinds on a damaged file  # noqa: BLE001
        raise UnreadableWorkbook(_("This is not a readable XLSX file (save it from Excel or WPS as .xlsx).")) \
            from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise UnreadableWorkbook(_("The workbook has no sheet named %(name)s.", name=sheet))
        if not book.worksheets:
            return []
        rows = []
        try:
            for row in (book[sheet] if sheet is not None else book.worksheets[0]).iter_rows(values_only=True):
                rows.append(row)
                if len(rows) > max_rows:
                    break
        except Exception:  # a damaged worksheet part  # noqa: BLE001
            raise UnreadableWorkbook(_("A sheet of the workbook is damaged and cannot be read; save the file "
                                       "again from Excel or WPS.")) from None
        return rows
    finally:
        book.close()
