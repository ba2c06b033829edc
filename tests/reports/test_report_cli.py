import subprocess

import openpyxl

from tests.reports.factories import make_class, sit


def _setup(exam_bank, make_paper, make_user):
    paper = make_paper("mock-cli", sections=[{"title": "单选", "questions": ["gas.s0"]}])
    wang = make_user("wang", display_name="王小明")
    make_class("二班", wang)
    sit(wang, paper, [7, 9])
    return paper


def test_export_xlsx_and_csv(runner, exam_bank, make_paper, make_user, tmp_path):
    _setup(exam_bank, make_paper, make_user)
    out = tmp_path / "r.xlsx"
    result = runner.invoke(args=["report", "export", "--paper", "mock-cli", "--class", "二班", "--format", "xlsx",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["成绩"]
    assert ws["C2"].value == "王小明" and ws["E2"].value == 16
    out_csv = tmp_path / "r.csv"
    result = runner.invoke(args=["report", "export", "--paper", "mock-cli", "--from", "2026-11-01", "--to",
                                 "2026-11-30", "--format", "csv", "-o", str(out_csv)])
    assert result.exit_code == 0 and out_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "王小明" in out_csv.read_text(encoding="utf-8-sig")


def test_export_refuses_unknown_paper_class_and_bad_dates(runner, exam_bank, make_paper, make_user, tmp_path):
    _setup(exam_bank, make_paper, make_user)
    out = tmp_path / "r.csv"
    for extra, message in ((["--paper", "nope"], "no paper"), (["--paper", "mock-cli", "--class", "九班"], "no class"),
                           (["--paper", "mock-cli", "--from", "2026-12-02", "--to", "2026-12-01"], "after")):
        result = runner.invoke(args=["report", "export", *extra, "--format", "csv", "-o", str(out)])
        assert result.exit_code != 0 and message in result.output, result.output
    assert not out.exists()


def test_transcript_pdf_holds_the_chinese_name_and_scores(runner, exam_bank, make_paper, make_user, tmp_path):
    _setup(exam_bank, make_paper, make_user)
    out = tmp_path / "t.pdf"
    result = runner.invoke(args=["report", "transcript", "--user", "wang", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True,
                          text=True).stdout
    assert "成绩单" in text and "王小明" in text and "测试模拟卷" in text
    assert "16.0" in text and "20.0" in text and "不合格" not in text and "合格" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, check=True, text=True).stdout
    assert "CJK" in fonts and " yes yes " in fonts  # embedded and subset
