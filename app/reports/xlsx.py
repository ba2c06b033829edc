"""XLSX writer: xlsxwriter in constant-memory mode (each row goes to disk as soon as the next starts), Chinese
headers, a frozen header row, column widths and number formats. Text is always written as text, neutralised."""
from __future__ import annotations

from datetime import datetime

import xlsxwriter

from .cells import neutralise
from .table import DATETIME, INT, MINUTES, PERCENT, SCORE, Sheet, display_width

_FORMATS = {INT: "0", SCORE: "0.0", PERCENT: "0.0%", MINUTES: "0.0", DATETIME: "yyyy-mm-dd hh:mm"}
MAX_HEADING_WIDTH = 30  # a longer heading wraps (the header row wraps its text)


def heading_width(column) -> float:
    """The column's width: its own, or its heading's on one line (up to MAX_HEADING_WIDTH) if that is wider. A
    section's column was 10 wide whatever its title: 案例分析题（每题25分） showed as three lines."""
    return max(column.width, min(display_width(column.header) + 1, MAX_HEADING_WIDTH))


def write_xlsx(target, sheets: list[Sheet]) -> int:
    """Write ``sheets`` to ``target`` (a path or a binary file); returns the number of data rows written."""
    book = xlsxwriter.Workbook(target, {"constant_memory": True, "in_memory": False,
                                        "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    try:
        header = book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
        formats = {kind: book.add_format({"num_format": code}) for kind, code in _FORMATS.items()}
        total = 0
        for sheet in sheets:
            ws = book.add_worksheet(sheet.name[:31])
            for col, column in enumerate(sheet.columns):
                ws.set_column(col, col, heading_width(column), formats.get(column.kind))
                ws.write_string(0, col, neutralise(column.header), header)
            ws.freeze_panes(1, 0)
            kinds = [c.kind for c in sheet.columns]
            row_index = 0
            for row_index, row in enumerate(sheet.iter_rows(), start=1):
                for col, value in enumerate(row):
                    _write_cell(ws, row_index, col, value, formats.get(kinds[col] if col < len(kinds) else None))
            total += row_index
    finally:
        book.close()
    return total


def _write_cell(ws, row: int, col: int, value, fmt) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, datetime):
        ws.write_datetime(row, col, value, fmt)
    else:
        ws.write_string(row, col, neutralise(str(value)))
