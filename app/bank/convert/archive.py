"""Is an uploaded Office file (.xlsx, .docx: a zip of XML parts) safe to hand to openpyxl or python-docx?

A few kilobytes of zip can expand to gigabytes of XML, and the readers hold much of what they parse in memory:
openpyxl keeps every shared string and a whole worksheet row, python-docx the whole document tree. A 157 KB
workbook whose one row holds 50 MB of cells took 19 s and 1.4 GB to read. So before any reader opens the file,
its XML parts are streamed once through the decompressor (never held whole) and measured: their size, their
number of tags, and the widest row of each worksheet. Pictures and other binary parts are not parsed by the
readers and only count towards the total size.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # every part, pictures included
MAX_XML_BYTES = 32 * 1024 * 1024  # the parts a reader parses
MAX_XML_TAGS = 2_000_000  # a 5 MB workbook of 20,000 rows × 10 cells has about 600,000
MAX_ROW_CELLS = 2000  # cells in one worksheet row (a question sheet has about 15 columns)
MAX_ENTRIES = 5000

_CHUNK = 1 << 20
_PARSED = (".xml", ".rels", ".vml")
# A row or a cell tag, with or without a namespace prefix (<row , <x:row>, <c r="A1">, <x:c/>).
_ROW = re.compile(rb"<(?:[\w.-]+:)?row[\s>/]")
_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s>/]")
_LONGEST_TAG_START = 64  # a tag cut by a chunk boundary is carried to the next chunk


@dataclass(frozen=True)
class Refusal:
    """Why the file is not opened: ``kind`` is 'unreadable', 'too_large' or 'row_too_wide'; ``detail`` names the
    part (and the row) for the message."""

    kind: str
    detail: str = ""


def office_refusal(data: bytes) -> Refusal | None:
    """None when the Office file may be opened; otherwise why not. Linear in the unzipped size, constant memory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNZIPPED_BYTES:
                return Refusal("too_large")
            budget = _Budget()
            for entry in entries:
                if entry.filename.lower().endswith(_PARSED):
                    refusal = _measure(archive, entry, budget)
                    if refusal is not None:
                        return refusal
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError,
            RuntimeError):  # RuntimeError: an encrypted part
        return Refusal("unreadable")
    return None


class _Budget:
    def __init__(self):
        self.xml_bytes = 0
        self.tags = 0


def _measure(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: _Budget) -> Refusal | None:
    is_sheet = entry.filename.startswith("xl/worksheets/")
    width, row = 0, 0
    carry = b""
    with archive.open(entry) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            budget.xml_bytes += len(chunk)
            if budget.xml_bytes > MAX_XML_BYTES:
                return Refusal("too_large", entry.filename)
            budget.tags += chunk.count(b"<")
            if budget.tags > MAX_XML_TAGS:
                return Refusal("too_large", entry.filename)
            if not is_sheet:
                if not chunk:
                    return None
                continue
            block = carry + chunk
            if chunk:
                hold = block.rfind(b"<", max(len(block) - _LONGEST_TAG_START, 0))
                carry, block = (block[hold:], block[:hold]) if hold >= 0 else (b"", block)
            pieces = _ROW.split(block)
            # The first piece continues the row the previous chunk ended in; each later piece starts a row.
            for index, piece in enumerate(pieces):
                if index:
                    width, row = 0, row + 1
                width += _CELL.subn(b"", piece)[1]
                if width > MAX_ROW_CELLS:
                    return Refusal("row_too_wide", f"{entry.filename}, row {row}")
            if not chunk:
                return None
