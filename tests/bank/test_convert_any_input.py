"""Converters never raise, whatever they are given, and their work grows linearly with the input.

Property tests (hypothesis) over arbitrary text and bytes, lone surrogates, NUL and control characters included;
call-count tests (Python and C calls, never seconds) on adversarial repetitions."""
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bank.convert import CONVERTERS, convert_aiken, convert_csv, convert_gift, convert_text
from app.bank.convert.build import checker_reasons
from app.bank.writer import dump

PIECES = [
    "1、", "2.", "（3）", "一、单选题", "三、判断题", "参考答案", "A.", "B、", "(C)", "（D）", "Ａ．", "答案：", "解析：",
    "知识点：", "【答案】", "ANSWER:", "{", "}", "=", "~", "#", "####", "::", "\\", "%50%", "$CATEGORY:", "//",
    "对", "×", "√", "ABD", "A,B", "题干", "，", "。", "\n", "\r\n", " ", "\t", "\u3000", ",", "\"",
    "\ud83d", "\udc00", "\x00", "\x07", "\u200b", "\ufeff", "\U0001f600", "\uffff",
]
awkward_text = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=()), max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=150).map("".join),
)
TEXT_CONVERTERS = [convert_text, convert_gift, convert_aiken]


def assert_usable(result):
    """Every question that passed is one the bank accepts and YAML can write; every item is accounted for."""
    for question in result.questions:
        assert checker_reasons(question) == []
        dump({"questions": [question]}).encode("utf-8")  # no lone surrogate survives
    for entry in result.entries:
        assert entry.ok or entry.problems
    for problem in result.problems:
        assert problem.location and problem.reason


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(awkward_text)
def test_text_converters_never_raise_on_any_text(text):
    for converter in TEXT_CONVERTERS:
        assert_usable(converter(text, topic="服务质量"))


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(sorted(CONVERTERS)))
def test_every_converter_never_raises_on_any_bytes(data, suffix):
    assert_usable(CONVERTERS[suffix](data, name=f"x{suffix}"))


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(awkward_text)
def test_csv_never_raises_on_any_text_in_any_encoding(text):
    for encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
        data = text.encode(encoding, errors="replace")
        assert_usable(convert_csv(b"\xe9\xa2\x98\xe5\xb9\xb2,\xe7\xad\x94\xe6\xa1\x88\n" + data, name="x.csv"))


def _calls(function, *args) -> int:
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("converter, unit", [
    (convert_text, "1、题 A.甲 B.乙 答案：A 解析：析。\n"),  # many questions
    (convert_text, "A.甲 "),  # one line with a great many option markers
    (convert_text, "（A）"),  # brackets that look like answers and options
    (convert_text, "参考答案\n1.A 2.B\n"),
    (convert_gift, "题 {=甲 ~乙 ####析}\n\n"),
    (convert_gift, "~%50%甲 "),
    (convert_aiken, "题\nA. 甲\nB. 乙\nANSWER: A\n"),
    (convert_csv, "单选,题,甲,乙,A,析\n"),
])
def test_cost_grows_linearly_with_repetition(converter, unit):
    def run(text):
        data = ("题型,题干,选项A,选项B,答案,解析\n" + text).encode() if converter is convert_csv else text
        converter(data, "x", "服务质量")

    run(unit)
    short = _calls(run, unit * 300)
    long = _calls(run, unit * 1200)
    assert long <= 5 * short, (short, long)  # four times the input: quadratic would be sixteen times the work


def _storable(text: str) -> str:
    """What openpyxl and python-docx agree to write: no control characters or surrogates."""
    return "".join(c for c in text if (c >= " " or c in "\t\n") and not "\ud800" <= c <= "\udfff"
                   and c not in "\ufffe\uffff")


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(awkward_text.map(_storable), min_size=1, max_size=8), max_size=6))
def test_office_files_with_any_cell_or_paragraph_text_never_raise(rows):
    import io

    import docx
    from openpyxl import Workbook

    from app.bank.convert import convert_docx, convert_xlsx

    workbook = Workbook()
    workbook.active.append(["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "知识点"])
    for row in rows:
        workbook.active.append(row)
    sheet = io.BytesIO()
    workbook.save(sheet)
    assert_usable(convert_xlsx(sheet.getvalue(), name="x.xlsx"))
    document = docx.Document()
    for row in rows:
        document.add_paragraph("".join(row))
    paper = io.BytesIO()
    document.save(paper)
    assert_usable(convert_docx(paper.getvalue(), name="x.docx", topic="服务质量"))
