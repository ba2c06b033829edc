"""Excel (.xlsx) and CSV in the usual Chinese template: 题型 | 题干 | 选项A … 选项F | 答案 | 解析 | 分值 | 难度 | 知识点.

Headers are matched leniently (full-width letters, stray spaces, 选项a, 正确答案, *题干（必填）); the header row
may sit below a title row. Locations are spreadsheet rows as Excel numbers them.
"""
import csv
import io
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from ...grading.messages import Message, N_
from . import values
from .build import Builder, Draft
from .source import check_zip, decode, start
from .text import option_chain
from .result import ConversionResult, row, sheet, within

HEADER_WORDS = {
    "type": ("题型", "题目类型", "试题类型", "类型", "题类", "type", "questiontype"),
    "stem": ("题干", "题目", "试题", "题目内容", "试题内容", "题干内容", "问题", "题面", "stem", "question"),
    "answer": ("答案", "正确答案", "参考答案", "标准答案", "answer", "correctanswer", "key"),
    "explanation": ("解析", "答案解析", "试题解析", "题目解析", "解释", "解答", "分析", "explanation", "analysis"),
    "points": ("分值", "分数", "得分", "分", "points", "score"),
    "difficulty": ("难度", "难易度", "难易程度", "难度等级", "difficulty", "level"),
    "topic": ("知识点", "考点", "所属知识点", "知识领域", "领域", "所属领域", "章节", "分类", "题目分类", "试题分类", "topic",
              "category", "area"),  # 知识领域 / Area: what the site's own pages call the field
    "tags": ("标签", "tags", "tag"),
    "id": ("id", "编号", "题目编号", "试题编号", "题目id", "试题id"),
    "options": ("选项", "选项内容", "备选项", "备选答案", "options", "choices"),  # all options in one cell
}
_FIELD_BY_HEADER = {word: name for name, words in HEADER_WORDS.items() for word in words}
_OPTION_HEADER_RE = re.compile(r"^(?:选项|option)?([a-h])(?:选项|内容|项)?$")
_BRACKETED_RE = re.compile(r"[(（\[【][^()（）\[\]【】]{0,40}[)）\]】]")
MAX_HEADER = 60
HEADER_SEARCH_ROWS = 20
MAX_COLUMNS = 64
MAX_MERGES = 20_000


def header_field(name: str) -> str | None:
    """The field a column holds (``stem``, ``option:A``...), None for a column the bank has no use for."""
    if len(name) > MAX_HEADER:
        return None
    word = unicodedata.normalize("NFKC", name).lower()
    word = _BRACKETED_RE.sub("", word)
    word = re.sub(r"[\s*:：_\-]+", "", word)
    if word in _FIELD_BY_HEADER:
        return _FIELD_BY_HEADER[word]
    found = _OPTION_HEADER_RE.match(word)
    return f"option:{found.group(1).upper()}" if found else None


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """Field -> column index if ``cells`` is a header row (a stem column and an answer or option column)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells[:MAX_COLUMNS]):
        name = header_field(cell) if cell else None
        if name is not None and name not in columns:
            columns[name] = index
    has_choice = "answer" in columns or any(k.startswith("option:") for k in columns)
    return columns if "stem" in columns and has_choice else None


def draft_of(cells: list[str], columns: dict[str, int], type_hint: str | None) -> Draft:
    def get(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    options = {name[-1]: get(name) for name in columns if name.startswith("option:")}
    if not any(text.strip() for text in options.values()) and get("options").strip():
        options = options_in_one_cell(get("options"))
    draft = Draft(type_text=get("type"), stem=get("stem"), options=options, answer=get("answer"),
                  explanation=get("explanation"), points=get("points"), difficulty=get("difficulty"),
                  topic=get("topic"), tags=get("tags"), id=get("id"))
    if not draft.type_text.strip() and type_hint is not None:
        draft.qtype = type_hint
    return draft


_OPTION_SPLIT_RE = re.compile(r"\s*[|｜\n;；]\s*")


def options_in_one_cell(text: str) -> dict[str, str]:
    """``A.甲 B.乙``, ``A、甲|B、乙`` or ``甲|乙|丙`` (one per line too) -> {A: 甲, B: 乙...}; the markers are
    the numbered reader's (A. A、 (A) ...)."""
    chain = option_chain(text, "A")
    if chain:
        ends = [mark[1] for mark in chain[1:]] + [len(text)]
        return {letter: text[start:end].strip(" |｜;；\n") for (letter, _, start), end in zip(chain, ends)}
    pieces = [piece for piece in _OPTION_SPLIT_RE.split(text.strip()) if piece]
    return dict(zip(values.LETTERS, pieces)) if len(pieces) <= len(values.LETTERS) else {"A": text}


def convert_table(rows: Iterable[tuple[int, list[str]]], builder: Builder, where: Message | None = None,
                  type_hint: str | None = None) -> bool:
    """Feed the rows of one table (row number, cell texts) to ``builder``; False if no header row was found."""
    columns = None
    for number, cells in rows:
        location = within(where, row(number))
        if columns is None:
            if number > HEADER_SEARCH_ROWS:
                return False
            columns = header_columns(cells)
            continue
        if not any(cells[i].strip() for i in columns.values() if i < len(cells)):
            continue  # blank where it matters (a template's pre-filled 序号 column alone is no item)
        builder.add(location, draft_of(cells, columns, type_hint))
    return columns is not None


# ------------------------------------------------------------------------------------------------------ CSV
def _delimiter(text: str) -> str:
    first = next((line for line in text.split("\n", HEADER_SEARCH_ROWS) if line.strip()), "")
    counts = {d: first.count(d) for d in (",", "\t", ";", "，")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def csv_rows(text: str, builder: Builder) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            builder.unreadable(row(number), Message(N_("这一行及以后无法读取（%(error)s）"), error=str(exc)))
            return
        yield number, [values.clean_text(cell) for cell in cells[:MAX_COLUMNS]]


def convert_csv(source, name: str = "import.csv", topic: str | None = None,
                prefix: str | None = None) -> ConversionResult:
    builder, data = start(source, name, topic, prefix)
    if data is None:
        return builder.result
    decoded = decode(data)
    if decoded is None:
        builder.file_problem("file", Message(N_("无法识别文件编码（请另存为 UTF-8 或 GBK 编码的 CSV）")))
        return builder.result
    text = decoded[0].replace("\x00", "")
    if not convert_table(csv_rows(text, builder), builder):
        _no_header(builder)
    return builder.result


def _no_header(builder: Builder) -> None:
    builder.file_problem(row(1), Message(N_("找不到表头：需要“题干”一列，以及“答案”或“选项A”等列（可下载模板对照）")))


# ----------------------------------------------------------------------------------------------------- XLSX
def convert_xlsx(source, name: str = "import.xlsx", topic: str | None = None,
                 prefix: str | None = None) -> ConversionResult:
    builder, data = start(source, name, topic, prefix)
    if data is None:
        return builder.result
    reason = check_zip(data)
    if reason is None:
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file  # noqa: BLE001
            reason = Message(N_("不是可读的 Excel（.xlsx）文件：%(error)s"), error=type(exc).__name__)
    if reason is not None:
        builder.file_problem("file", reason)
        return builder.result
    try:
        sheets = [ws for ws in workbook.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
        headed = []
        for ws in sheets:
            try:
                if _has_header(ws):
                    headed.append(ws)
            except Exception as exc:  # a damaged sheet part  # noqa: BLE001
                builder.file_problem("file", Message(N_("工作表“%(sheet)s”无法读取：%(error)s"), sheet=ws.title,
                                                     error=type(exc).__name__))
        for ws in headed:  # a sheet of notes beside the questions is left alone
            where = None if len(headed) == 1 else sheet(ws.title)
            try:
                convert_table(sheet_rows(ws), builder, where, _type_of_title(ws.title))
            except Exception as exc:  # noqa: BLE001
                builder.file_problem(within(where, row(1)), Message(N_("工作表无法读取：%(error)s"), error=type(exc).__name__))
        if not headed and not builder.result.file_problems:
            _no_header(builder)
    finally:
        workbook.close()
    return builder.result


def _has_header(ws) -> bool:
    for number, cells in sheet_rows(ws):
        if number > HEADER_SEARCH_ROWS:
            return False
        if header_columns(cells) is not None:
            return True
    return False


def _type_of_title(title: str) -> str | None:
    """A sheet named 多选题 holds multiple-choice items when its rows do not say."""
    try:
        return values.question_type(title)
    except values.UnknownType:
        return None


def sheet_rows(ws) -> Iterator[tuple[int, list[str]]]:
    """Rows with merged cells filled from their top-left cell (read-only mode does not do it)."""
    ws.reset_dimensions()  # some writers store a wrong size; read what is there
    pending = deque(sorted(merged_ranges(ws)[:MAX_MERGES], key=lambda r: r[1]))
    active: list[tuple[int, int, int, int, str]] = []
    for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
        cells = [values.clean_text(v) for v in row[:MAX_COLUMNS]]
        while pending and pending[0][1] <= number:
            min_col, min_row, max_col, max_row = pending.popleft()
            top_left = cells[min_col - 1] if min_row == number and min_col - 1 < len(cells) else ""
            active.append((min_col, min_row, max_col, max_row, top_left))
        active = [r for r in active if r[3] >= number]
        for min_col, _, max_col, _, text in active:
            if min_col > MAX_COLUMNS:
                continue
            last = min(max_col, MAX_COLUMNS)
            if len(cells) < last:
                cells += [""] * (last - len(cells))
            for col in range(min_col, last + 1):
                if not cells[col - 1]:
                    cells[col - 1] = text
        yield number, cells


_MERGE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


def merged_ranges(ws) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of each merged range, read from the sheet's XML."""
    found = []
    with ws._get_source() as source:  # read-only sheets keep their XML part; merges are at its end
        for _, element in ElementTree.iterparse(source):
            if element.tag == _MERGE_TAG:
                try:
                    bounds = range_boundaries(element.get("ref", ""))
                except (ValueError, TypeError):
                    bounds = None
                if bounds and None not in bounds:
                    found.append(bounds)
            if element.tag.endswith("}c") or element.tag.endswith("}row"):
                element.clear()
    return found

