"""CSV writer: UTF-8 with a byte-order mark (Excel in China opens it as UTF-8, not GBK), CRLF line ends, text
neutralised; rows are written as they come."""
from __future__ import annotations

import csv
import io
from datetime import datetime

from .cells import neutralise
from .table import PERCENT, Sheet

BOM = "\ufeff"


def _plain(value, kind=None):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if kind == PERCENT and isinstance(value, (int, float)):  # as Excel reads a percentage (0.05 was 4.58 %)
        return f"{value * 100:.1f}".rstrip("0").rstrip(".") + "%"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return neutralise(str(value))


def write_csv(target, sheet: Sheet) -> int:
    """Write ``sheet`` to ``target`` (a path or a binary file); returns the number of data rows written."""
    if isinstance(target, (str, bytes)) or hasattr(target, "__fspath__"):
        with open(target, "wb") as fh:
            return write_csv(fh, sheet)
    text = io.TextIOWrapper(target, encoding="utf-8", newline="", write_through=True)
    try:
        text.write(BOM)
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([_plain(h) for h in sheet.headers])
        count = 0
        kinds = [column.kind for column in sheet.columns]
        for count, row in enumerate(sheet.iter_rows(), start=1):
            writer.writerow([_plain(v, kinds[i] if i < len(kinds) else None) for i, v in enumerate(row)])
        text.flush()
    finally:
        text.detach()
    return count


def csv_chunks(sheet: Sheet, rows_per_chunk: int = 500):
    """The same file as ``write_csv`` as a stream of byte chunks (for a streamed HTTP response)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(BOM)
    writer.writerow([_plain(h) for h in sheet.headers])
    kinds = [column.kind for column in sheet.columns]
    for count, row in enumerate(sheet.iter_rows(), start=1):
        writer.writerow([_plain(v, kinds[i] if i < len(kinds) else None) for i, v in enumerate(row)])
        if count % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
