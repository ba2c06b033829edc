"""Test responses: real answers with the marks an examiner gave them, graded by a part's rubric, to see where the
rubric and the examiner disagree. Kept apart from trainees' attempts: nothing is stored.

The file is a CSV (UTF-8, with or without BOM, or GBK as Excel saves it in China) or an XLSX whose first row names
the columns: the answer (答案 / 作答 / answer) and the examiner's mark (分数 / 得分 / 评分 / mark / score)."""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field

from ..grading.agreement import mean_absolute_error, quadratic_weighted_kappa, within_tolerance_rate
from ..qtypes.case import MAX_CASE_TEXT, storable
from ..uploads import UnreadableWorkbook, workbook_rows
from .trial import grade_draft

ANSWER_HEADERS = {"答案", "作答", "回答", "学员答案", "answer", "response", "text"}
MARK_HEADERS = {"分数", "得分", "评分", "阅卷分", "成绩", "mark", "marks", "score", "expected"}
MAX_ROWS = 2000
MAX_FILE = 5 * 1024 * 1024


class MarkedFileError(ValueError):
    """The file cannot be read at all (message id, with params)."""

    def __init__(self, message: str, **params):
        super().__init__(message % params if params else message)
        self.message, self.params = message, params


@dataclass
class Row:
    line: int
    answer: str
    mark: float | None
    problem: str = ""  # why the row was left out (message id)
    params: dict = field(default_factory=dict)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise MarkedFileError("The CSV file is neither UTF-8 nor GBK text.")


def _table(filename: str, data: bytes) -> list[list[str]]:
    if len(data) > MAX_FILE:
        raise MarkedFileError("The file is larger than %(mb)d MB.", mb=MAX_FILE // (1024 * 1024))
    name = (filename or "").lower()
    if name.endswith(".csv"):
        return [row for row in csv.reader(io.StringIO(_decode(data)))]
    if name.endswith(".xlsx"):
        try:
            rows = workbook_rows(data, MAX_ROWS + 1)
        except UnreadableWorkbook as exc:
            raise MarkedFileError(str(exc)) from None
        return [["" if cell is None else str(cell) if not isinstance(cell, float) else repr(cell) for cell in row]
                for row in rows]
    raise MarkedFileError("Upload a .csv or .xlsx file.")


def _number(text: str) -> float | None:
    try:
        value = float(str(text).strip().replace("，", ".").replace("分", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_marked(filename: str, data: bytes, maximum: float) -> list[Row]:
    """Every row of the file with its answer and mark, or the reason it was left out."""
    table = _table(filename, data)
    if not table:
        raise MarkedFileError("The file is empty.")
    header = [str(cell).strip().lower() for cell in table[0]]
    answer_col = next((i for i, h in enumerate(header) if h in ANSWER_HEADERS), None)
    mark_col = next((i for i, h in enumerate(header) if h in MARK_HEADERS), None)
    if answer_col is None or mark_col is None:
        raise MarkedFileError("The first row must name the columns 答案 (answer) and 分数 (mark).")
    if len(table) - 1 > MAX_ROWS:
        raise MarkedFileError("At most %(n)d answers at a time.", n=MAX_ROWS)
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        answer = cells[answer_col].strip() if answer_col < len(cells) else ""
        raw = cells[mark_col] if mark_col < len(cells) else ""
        if not answer and not str(raw).strip():
            continue
        mark = _number(raw)
        row = Row(line, answer, mark)
        if not answer:
            row.problem = "no answer"
        elif len(answer) > MAX_CASE_TEXT or not storable(answer):
            row.problem = "the answer is too long or holds characters that cannot be stored"
        elif mark is None:
            row.problem, row.params = "the mark %(mark)s is not a number", {"mark": str(raw)[:20]}
        elif not 0 <= mark <= maximum:
            row.problem, row.params = "the mark %(mark)s is not between 0 and %(max)s", \
                {"mark": "%g" % mark, "max": "%g" % maximum}
        rows.append(row)
    return rows


def compare(part: dict, rows: list[Row], tolerance: float, stem: str | None = None) -> dict:
    """Grade every readable row with the part's rubric (and the case's ``stem``, as trainees are graded);
    agreement and the answers scored too high or too low."""
    graded = []
    for row in rows:
        if row.problem:
            continue
        result = grade_draft(part, row.answer, stem=stem)
        graded.append({"line": row.line, "answer": row.answer, "mark": row.mark, "score": result["score"],
                       "delta": round(result["score"] - row.mark, 2), "result": result})
    pairs = [(g["mark"], g["score"]) for g in graded]
    maximum = float(part.get("points", 10))
    agreement = {"n": len(pairs)}
    if pairs:
        scaled = [(round(10 * e / maximum), round(10 * s / maximum)) for e, s in pairs] if maximum else []
        agreement.update({
            "exact": within_tolerance_rate(pairs, 0.0),
            "within": within_tolerance_rate(pairs, tolerance),
            "mae": mean_absolute_error(pairs),
            "qwk": quadratic_weighted_kappa([a for a, _ in scaled], [b for _, b in scaled], 0, 10) if scaled else None,
        })
    over = sorted((g for g in graded if g["delta"] > tolerance + 1e-9), key=lambda g: -g["delta"])
    under = sorted((g for g in graded if g["delta"] < -tolerance - 1e-9), key=lambda g: g["delta"])
    return {"agreement": agreement, "over": over, "under": under, "graded": graded,
            "skipped": [r for r in rows if r.problem]}
