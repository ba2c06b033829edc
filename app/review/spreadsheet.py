"""Offline marking: a paper's case answers to XLSX (one row per response and part), and the filled sheet back.

Every text cell is neutralised against formulas (a leading = + - @ tab or CR gets an apostrophe). A hidden column
keeps a hash of each answer as exported: a row whose answer changed since is refused on import.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..extensions import db
from ..models import Attempt, Paper, Response
from ..qtypes import question_type
from ..reach import attempt_checker
from ..reports.cells import formula_like
from ..uploads import UnreadableWorkbook, workbook_rows
from .anonymity import trainee_label
from .marking import ReviewError, response_view, set_part
from .regrading import paper_responses

SHEET = "marking"
HEADERS = ["response", "part", "answer hash", "trainee", "attempt", "question", "prompt", "answer", "auto score",
           "max", "instructor score", "instructor comment"]
HIDDEN = ("A", "B", "C")
SCORE_COL, COMMENT_COL = 10, 11  # 0-based positions of the instructor's columns
MAX_ROWS = 20000
MAX_BYTES = 5 * 1024 * 1024


def neutralise(value):
    """A text cell that no spreadsheet will run as a formula, with characters XLSX cannot hold replaced."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return "'" + value if formula_like(value) else value


def answer_hash(text: str) -> str:
    data = ("review-answer\x00" + (text or "")).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


def _case_parts(paper: Paper, viewer):
    """(response, its marking view, part) for every case part answered in the paper's finished attempts whose
    trainee ``viewer`` reaches."""
    for response in paper_responses(paper, viewer=viewer):
        if question_type(response.item.version.content).objective:
            continue
        view = response_view(response)
        for part in view["parts"]:
            yield response, view, part


def export_marking(paper: Paper, viewer, blind: bool = False) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    rows = list(_case_parts(paper, viewer))
    points = max((len(part["rubric"]) for _, _, part in rows), default=0)
    sheet.append(HEADERS + [f"key point {n}" for n in range(1, points + 1)])
    for response, view, part in rows:
        attempt = response.item.attempt
        marks = [f"{'✓' if p['earned'] else '✗'} {p['text'] or p['id']} {p['earned']:g}/{p['max']:g}"
                 for p in part["rubric"]]
        sheet.append([neutralise(v) for v in [
            response.id, part["id"], answer_hash(part["answer"]), trainee_label(attempt, blind), attempt.id,
            view["question"], part["prompt"], part["answer"], part["score"], part["max"], None, None, *marks]])
    for column in HIDDEN:
        sheet.column_dimensions[column].hidden = True
    sheet.column_dimensions["H"].width = 60
    sheet.column_dimensions["L"].width = 30
    sheet.freeze_panes = "D2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _response_id(value) -> int | None:
    """The hidden column as exported (a positive id a database column holds), or None when it was edited."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet program may give back 12 as 12.0
    elif isinstance(value, str) and value.isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2 ** 31:
        return None
    return value


@dataclass
class SheetChange:
    row: int
    response: int
    part: str
    trainee: str
    question: str
    old: float
    new: float | None  # None: the score stays, only the comment is new
    comment: str
    hash: str

    def to_dict(self) -> dict:
        return {"row": self.row, "response": self.response, "part": self.part, "new": self.new,
                "comment": self.comment, "hash": self.hash}


@dataclass
class SheetPreview:
    changes: list[SheetChange] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (row number, why)
    unchanged: int = 0


class SheetError(ValueError):
    """The file is not a marking sheet this page wrote."""


def _score(value, row: int, refused: list) -> tuple[bool, float | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True, None
    if isinstance(value, bool):
        refused.append((row, _("the score is not a number")))
        return False, None
    if isinstance(value, (int, float)):
        return True, float(value)
    try:
        return True, float(str(value).strip())
    except ValueError:
        refused.append((row, _("the score is not a number")))
        return False, None


def read_marking(data: bytes, paper: Paper, viewer) -> SheetPreview:
    """What importing the filled sheet would change (nothing is written); a row of a trainee out of ``viewer``'s
    reach is refused as a row of no answer of the paper. SheetError for a file that is not one of our marking
    sheets."""
    if len(data) > MAX_BYTES:
        raise SheetError(_("The file is larger than %(mb)d MB.", mb=MAX_BYTES // (1024 * 1024)))
    try:
        rows = iter(workbook_rows(data, MAX_ROWS + 1, sheet=SHEET, formulas=True))
    except UnreadableWorkbook as exc:
        raise SheetError(str(exc)) from None
    header = next(rows, None)
    if header is None or [str(h or "") for h in header[:len(HEADERS)]] != HEADERS:
        raise SheetError(_("The first row is not the header this page exported."))
    return _preview(rows, paper, attempt_checker(viewer))


def _preview(rows, paper: Paper, reaches) -> SheetPreview:
    preview = SheetPreview()
    views: dict[int, tuple[Response, dict]] = {}
    for number, values in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            raise SheetError(_("The sheet has more than %(n)d rows.", n=MAX_ROWS))
        values = list(values) + [None] * (len(HEADERS) - len(values))
        ok, score = _score(values[SCORE_COL], number, preview.refused)
        comment = values[COMMENT_COL]
        comment = "" if comment is None else str(comment).strip()
        if not ok or (score is None and not comment):
            continue
        response_id = _response_id(values[0])
        if response_id is None:
            preview.refused.append((number, _("the hidden response column was changed")))
            continue
        if response_id not in views:
            response = db.session.get(Response, response_id)
            views[response_id] = (response, response_view(response) if _belongs(response, paper, reaches) else None)
        response, view = views[response_id]
        part = next((p for p in (view or {}).get("parts", []) if p["id"] == str(values[1] or "")), None)
        if part is None:
            preview.refused.append((number, _("this row is not an answer of this paper")))
            continue
        if str(values[2] or "") != answer_hash(part["answer"]):
            preview.refused.append((number, _("the answer changed since the sheet was exported")))
            continue
        if score is not None and not 0 <= score <= part["max"]:
            preview.refused.append((number, _("the score must be between 0 and %(max)s", max="%g" % part["max"])))
            continue
        new = score if score is not None and round(score, 2) != round(part["score"], 2) else None
        if new is None and (not comment or comment == part["comment"]):
            preview.unchanged += 1
            continue
        preview.changes.append(SheetChange(number, response_id, part["id"], str(values[3] or ""), view["question"],
                                           part["score"], new, comment, str(values[2])))
    return preview


def _belongs(response: Response | None, paper: Paper, reaches) -> bool:
    """Whether a sheet's row may change ``response``: an answer of a finished attempt of ``paper`` that ``reaches``
    (``reach.attempt_checker``) lets the viewer reach; a row failing any of these is refused in the same words."""
    if response is None:
        return False
    attempt: Attempt = response.item.attempt
    return attempt.paper_id == paper.id and not attempt.is_open and reaches(attempt)


def apply_marking(changes: list[dict], paper: Paper, by) -> tuple[int, list[str]]:
    """Apply previewed changes (``SheetChange.to_dict``) as ``by``, checking each answer, and that ``by`` reaches
    it, again. Returns (applied, refused messages). Flushes, never commits."""
    applied, refused = 0, []
    reaches = attempt_checker(by)
    for change in changes:
        response = db.session.get(Response, int(change["response"]))
        view = response_view(response) if _belongs(response, paper, reaches) else None
        part = next((p for p in (view or {}).get("parts", []) if p["id"] == change["part"]), None)
        if part is None or answer_hash(part["answer"]) != change["hash"]:
            refused.append(_("Row %(row)d: the answer changed since the sheet was exported.", row=change["row"]))
            continue
        try:
            if set_part(response, change["part"], change["new"], change["comment"], by):
                applied += 1
        except ReviewError as exc:
            refused.append(_("Row %(row)d: %(why)s", row=change["row"], why="; ".join(exc.messages)))
    return applied, refused
