"""Import from what centres already have (Excel/CSV template, Word, pasted text, GIFT, Aiken): the converters of
``app.bank.convert`` turn the file into bank questions row by row; if every row was read, the questions are staged
as bank YAML and previewed like any bank upload (``exchange``), and imported in one transaction when confirmed.
A file with any unreadable row imports nothing: the instructor fixes the file and uploads it again."""
from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass, field

from ..bank.writer import dump
from ..grading.messages import Message, N_, message_of
from .exchange import Preview, UploadError, _staging, preview_folder

MAX_IMPORT = 8 * 1024 * 1024
MAX_PASTE = 500_000


@dataclass
class ImportPreview:
    rows: list = field(default_factory=list)  # (location, question or None, [reasons])
    file_problems: list[str] = field(default_factory=list)  # Messages: the page translates them
    bank: Preview | None = None
    token: str = ""

    @property
    def bad_rows(self) -> list:
        return [row for row in self.rows if row[2]]

    @property
    def ok(self) -> bool:
        return not self.file_problems and not self.bad_rows and self.bank is not None and self.bank.ok


def available() -> bool:
    """Whether the converters (app.bank.convert, app.bank.moodle) are installed in this build."""
    from importlib.util import find_spec

    return find_spec("app.bank.convert") is not None and find_spec("app.bank.moodle") is not None


def convert_upload(filename: str, data, topic: str | None):
    """The converters' result for an upload (bytes) or pasted text (str). Raises UploadError."""
    if not available():
        raise UploadError(Message(N_("Importing from Excel, Word and text is not installed on this server.")))
    from ..bank.convert import UnsupportedFormat, convert

    if isinstance(data, (bytes, bytearray)) and len(data) > MAX_IMPORT:
        raise UploadError(Message(N_("The file is too large.")))
    try:
        return convert(data, filename, topic=topic or None)
    except UnsupportedFormat as exc:
        raise UploadError(message_of(exc)) from None


def stage_import(root: str, user_id: int, filename: str, data, topic: str | None) -> ImportPreview:
    result = convert_upload(filename, data, topic)
    preview = ImportPreview(rows=[(e.location, e.question, [p.reason for p in e.problems]) for e in result.entries],
                            file_problems=[p.reason if p.location == "file"
                                           else Message(N_("%(what)s: %(reason)s"), what=p.location, reason=p.reason)
                                           for p in result.file_problems])
    if preview.file_problems or preview.bad_rows or not result.questions:
        if not result.entries and not preview.file_problems:
            preview.file_problems.append(Message(N_("没有读到任何题目")))
        return preview
    token = secrets.token_hex(16)
    folder = _staging(root) / f"{user_id}-{token}"
    folder.mkdir()
    (folder / "imported.yaml").write_text(dump({"questions": result.questions}), encoding="utf-8")
    preview.bank, _bank = preview_folder(folder)
    if preview.bank.ok:
        preview.token = token
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return preview


def template_bytes(kind: str = "xlsx") -> bytes:
    """The Excel template (``xlsx``) or the Word one (``docx``)."""
    from ..bank.convert import template_docx, template_xlsx

    return template_docx() if kind == "docx" else template_xlsx()
