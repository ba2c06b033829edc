"""The bundled bank's objective items, written out as a centre would keep them (an Excel sheet, a numbered Word
paper, pasted text), convert back to exactly the bank's content."""
import io

import docx
import pytest
from openpyxl import Workbook

from app.bank import load_bank
from app.bank.convert import convert_docx, convert_text, convert_xlsx
from tests.conftest import ROOT

TYPE_WORDS = {"single": "单选", "multiple": "多选", "judge": "判断"}


@pytest.fixture(scope="module")
def objective():
    bank = load_bank(ROOT / "question_bank")
    items = [q for q in bank.questions.values() if q["type"] != "case"]
    assert len(items) > 100
    return items


def answer_text(question) -> str:
    if question["type"] == "judge":
        return "对" if question["answer"] else "错"
    return "".join(question["answer"])


def as_stored(question: dict, keep=("id", "tags")) -> dict:
    """The question with the loader's defaults, without what a file of this kind does not carry."""
    content = dict(question)
    content.setdefault("points", 1)
    content.setdefault("difficulty", 3)
    content.setdefault("tags", [])
    return {k: v for k, v in content.items() if k != "source" and (k in keep or k not in ("id", "tags"))}


def test_an_excel_sheet_of_the_bank_converts_back_unchanged(objective):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["编号", "题型", "题干"] + [f"选项{c}" for c in "ABCDEFGH"] + ["答案", "解析", "分值", "难度", "知识点",
                                                                       "标签"])
    for q in objective:
        options = [q.get("options", {}).get(letter) for letter in "ABCDEFGH"]
        sheet.append([q["id"], TYPE_WORDS[q["type"]], q["stem"], *options, answer_text(q), q["explanation"],
                      q["points"], q["difficulty"], q["topic"], "，".join(q["tags"])])
    out = io.BytesIO()
    workbook.save(out)
    result = convert_xlsx(out.getvalue(), name="bank.xlsx")
    assert result.problems == []
    assert [as_stored(q) for q in result.questions] == [as_stored(q) for q in objective]


def numbered_lines(objective) -> list[str]:
    lines = []
    for number, q in enumerate(objective, start=1):
        lines.append(f"{number}、{q['stem']}")
        lines += [f"{letter}. {text}" for letter, text in q.get("options", {}).items()]
        lines += [f"答案：{answer_text(q)}", f"解析：{q['explanation']}", f"知识点：{q['topic']}",
                  f"难度：{q['difficulty']}", f"分值：{q['points']}"]
    return lines


def test_the_bank_as_numbered_text_and_as_a_word_paper_converts_back_unchanged(objective):
    expected = [as_stored(q, keep=()) for q in objective]
    lines = numbered_lines(objective)
    text = convert_text("\n".join(lines), name="bank.txt")
    assert text.problems == [] and [as_stored(q, keep=()) for q in text.questions] == expected
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    paper = convert_docx(out.getvalue(), name="bank.docx")
    assert paper.problems == [] and [as_stored(q, keep=()) for q in paper.questions] == expected
