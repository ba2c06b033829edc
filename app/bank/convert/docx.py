"""Word (.docx) in the numbered form of ``text``: each paragraph is a location; a table whose first row is the
Excel template's header is read as that template."""
import io

from docx import Document
from docx.table import Table

from ...grading.messages import Message, N_
from . import values
from .numbering import ListLabels
from .result import ConversionResult, paragraph, row, table, within
from .source import check_zip, start
from .tabular import convert_table, header_columns
from .text import NumberedReader


def convert_docx(source, name: str = "import.docx", topic: str | None = None,
                 prefix: str | None = None) -> ConversionResult:
    builder, data = start(source, name, topic, prefix)
    if data is None:
        return builder.result
    reason = check_zip(data)
    if reason is None:
        try:
            document = Document(io.BytesIO(data))
            content = list(document.iter_inner_content())
        except Exception as exc:  # python-docx raises many kinds on a damaged or foreign file  # noqa: BLE001
            reason = Message(N_("不是可读的 Word（.docx）文件：%(error)s"), error=type(exc).__name__)
    if reason is not None:
        builder.file_problem("file", reason)
        return builder.result
    reader = NumberedReader()
    labels = ListLabels(document)
    paragraphs = tables = 0
    for item in content:
        if isinstance(item, Table):
            tables += 1
            rows = table_rows(item)
            if rows and header_columns(rows[0][1]) is not None:
                convert_table(rows, builder, table(tables))
            else:  # a question set inside a table: read its cells' lines in order
                for number, cells in rows:
                    for cell in dict.fromkeys(cells):  # merged cells repeat their text
                        reader.feed(within(table(tables), row(number)), cell)
            continue
        paragraphs += 1
        text = item.text
        label = labels.label(item)  # counted even when empty, as Word counts it
        if label and not text.lstrip().startswith(label.strip()):
            text = f"{label} {text}"
        for line in text.split("\n"):
            reader.feed(paragraph(paragraphs), line)
    reader.finish(builder)
    if not builder.result.entries:
        builder.file_problem("file", Message(N_("没有找到题目：每道题应以编号开头，如“1、”“1.”“（1）”，或用模板表头的表格")))
    return builder.result


def table_rows(table: Table) -> list[tuple[int, list[str]]]:
    rows = []
    for number, row in enumerate(table.rows, start=1):
        rows.append((number, [values.clean_text(cell.text) for cell in row.cells]))
    return rows
