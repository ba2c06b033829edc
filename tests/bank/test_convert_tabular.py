"""Excel and CSV in the usual Chinese template, as centres really fill it in (files made here with openpyxl)."""
import io

from openpyxl import Workbook, load_workbook

from app.bank.convert import convert, convert_csv, convert_xlsx, template_xlsx
from app.bank.convert.build import checker_reasons
from app.bank.convert.tabular import header_field

HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "分值", "难度", "知识点"]


def xlsx(rows, merges=(), title_row=None, sheet_title="Sheet", extra_sheets=()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    if title_row:
        sheet.append([title_row])
    for row in rows:
        sheet.append(row)
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    for title, sheet_rows in extra_sheets:
        other = workbook.create_sheet(title)
        for row in sheet_rows:
            other.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def by_location(result):
    return {entry.location: entry for entry in result.entries}


def test_header_names_are_matched_leniently():
    assert header_field("题干") == header_field(" *题干（必填） ") == header_field("题目内容") == "stem"
    assert header_field("选项a") == header_field("选项 Ａ") == header_field("A") == header_field("A选项") == "option:A"
    assert header_field("正确答案") == header_field("答 案") == header_field("答案：") == "answer"
    assert header_field("知识点") == "topic" and header_field("难易程度") == "difficulty"
    assert header_field("序号") is None and header_field("选项I") is None


def test_the_area_column_may_be_headed_as_the_site_names_it():
    """The editor, the practice page and the reports call the field 知识领域 (Area): a sheet headed so by an
    instructor who copied the word from the site is read, not refused row by row as missing its 知识点."""
    assert header_field("知识领域") == header_field("领域") == header_field("Area") == "topic"
    rows = [["题型", "题干", "选项A", "选项B", "答案", "解析", "知识领域"],
            ["单选", "客户投诉时首先应当？", "争辩", "倾听", "B", "先倾听。", "投诉处理"]]
    result = convert_xlsx(xlsx(rows), name="题目.xlsx")
    assert result.problems == [] and [q["topic"] for q in result.questions] == ["投诉处理"]


def test_a_realistic_sheet_with_merged_cells_full_width_letters_and_stray_spaces():
    rows = [
        [" 题 型 ", "题干 ", "选项Ａ", "选项b", " 选项C", "选项D", "正确答案", "答案解析", "分值", "难度", "知识点"],
        ["单选题", "  客户来电时情绪激动，首先应当？ ", "解释规定", "倾听安抚", "挂断", "转接", " Ｂ ", "先处理情绪。",
         2, "易", "沟通与倾听"],
        [None, "客户投诉后最先要做的是？", "争辩", "道歉", "推诿", "沉默", "b", "先致歉。", 2.0, 3, None],
        ["多选", "哪些做法能提高满意度？", "兑现承诺", "及时回访", "隐瞒缺陷", "告知进度", "A、B、D", "隐瞒会失信。",
         "2分", "较难", "客户关系与忠诚"],
        ["多选题", "优质服务包括？", "主动", "热情", "拖延", "耐心", "A,B，D", "拖延不是优质服务。", None, None,
         "服务质量"],
        ["判断", "电话服务也要讲礼仪。", None, None, None, None, "√", "声音同样传递态度。", 1, "中", "服务礼仪"],
        ["判断题", "服务可以储存。", None, None, None, None, "错误", "服务不可储存。", 1, None, "服务质量"],
        ["判断", "投诉都是无理取闹。", None, None, None, None, "F", "投诉是改进的机会。", 1, None, "投诉处理"],
    ]
    # 题型 merged down rows 2-3 (both 单选), 知识点 merged down rows 2-3 too, as centres lay out a block.
    result = convert_xlsx(xlsx(rows, merges=["A2:A3", "K2:K3"]), name="客服题库.xlsx")
    assert result.problems == []
    questions = {q["id"]: q for q in result.questions}
    assert list(questions) == [f"import.kefutiku-{n}" for n in range(1, 8)]
    first, second = questions["import.kefutiku-1"], questions["import.kefutiku-2"]
    assert first["stem"] == "客户来电时情绪激动，首先应当？" and first["answer"] == "B"
    assert first["options"] == {"A": "解释规定", "B": "倾听安抚", "C": "挂断", "D": "转接"}
    assert first["points"] == 2 and first["difficulty"] == 1 and first["topic"] == "沟通与倾听"
    assert second["type"] == "single" and second["topic"] == "沟通与倾听"  # from the merged cells
    assert second["answer"] == "B" and second["points"] == 2 and second["difficulty"] == 3
    third, fourth = questions["import.kefutiku-3"], questions["import.kefutiku-4"]
    assert third["answer"] == ["A", "B", "D"] and third["difficulty"] == 4
    assert fourth["answer"] == ["A", "B", "D"] and "points" not in fourth
    assert [questions[f"import.kefutiku-{n}"]["answer"] for n in (5, 6, 7)] == [True, False, False]
    assert all(checker_reasons(q) == [] for q in result.questions)


def test_bad_rows_are_each_reported_with_their_row_number_and_never_dropped():
    rows = [
        HEADER,
        ["单选", "好的一题", "甲", "乙", None, None, "A", "因为甲。", 1, 3, "服务质量"],
        ["单选", "答案不在选项里", "甲", "乙", None, None, "E", "解析。", 1, 3, "服务质量"],
        [None, None, None, None, None, None, None, None, None, None, None],  # blank: not an item
        ["单选", "", "甲", "乙", None, None, "A", "解析。", 1, 3, "服务质量"],
        ["填空", "____是服务的核心。", None, None, None, None, "顾客", "解析。", 1, 3, "服务质量"],
        ["多选", "只有一个答案的多选", "甲", "乙", "丙", None, "A", "解析。", 1, 3, "服务质量"],
        ["判断", "判断题答案写错", None, None, None, None, "也许", "解析。", 1, 3, "服务质量"],
        ["单选", "难度与分值看不懂", "甲", "乙", None, None, "A", "解析。", "很多", "超难", "服务质量"],
        ["单选", "没有解析也没有知识点", "甲", "乙", None, None, "A", None, 1, 3, None],
        ["单选", "选项中间空了一个", "甲", None, "丙", None, "A", "解析。", 1, 3, "服务质量"],
    ]
    result = convert_xlsx(xlsx(rows), name="bad.xlsx")
    reasons = {location: [p.reason for p in entry.problems] for location, entry in by_location(result).items()}
    assert reasons["row 2"] == []
    assert reasons["row 3"] == ["答案中的E不在选项中（选项为A、B）"]
    assert "row 4" not in reasons
    assert reasons["row 5"] == ["题干为空"]
    assert "题型“填空”不能从文件导入" in reasons["row 6"][0]
    assert reasons["row 7"] == ["多选题要有两个或更多正确答案，写的是“A”"]
    assert "判断题的答案“也许”看不懂" in reasons["row 8"][0]
    assert any("难度“超难”看不懂" in r for r in reasons["row 9"]) and any("分值“很多”" in r for r in reasons["row 9"])
    assert "缺少知识点" in reasons["row 10"][0] and "缺少解析" in reasons["row 10"][1]
    assert reasons["row 11"] == ["选项B为空，但后面还有选项"]
    assert [q["stem"] for q in result.questions] == ["好的一题"]
    assert len(result.problems) == 10 and all(str(p).startswith("row ") for p in result.problems)
    # Ids count every item, good or bad: fixing row 3 later does not renumber the others.
    assert by_location(result)["row 11"].question["id"] == "import.bad-9"  # the blank row 4 is no item


def test_header_below_a_title_row_a_default_topic_an_id_column_and_no_type_column():
    rows = [["编号", "题干", "A", "B", "C", "答案", "解析"],
            ["gas.q1", "天然气主要成分？", "甲烷", "乙烷", "丙烷", "A", "甲烷占大部分。"],
            ["Gas.Q2", "哪些是可燃气体？", "甲烷", "氮气", "氢气", "AC", "氮气不可燃。"],
            ["bad id!", "燃气泄漏时能开灯吗？", None, None, None, "×", "开关会产生火花。"]]
    result = convert_xlsx(xlsx(rows, title_row="燃气知识题库（2024版）", merges=["A1:G1"]), name="x.xlsx",
                          topic="公用事业服务")
    entries = by_location(result)
    assert entries["row 3"].question["id"] == "gas.q1" and entries["row 3"].question["type"] == "single"
    assert entries["row 4"].question["id"] == "gas.q2" and entries["row 4"].question["type"] == "multiple"
    assert entries["row 5"].question["type"] == "judge"
    assert entries["row 5"].problems[0].reason.startswith("编号“bad id!”只能包含")
    assert all(q["topic"] == "公用事业服务" for q in result.questions)


def test_rows_with_only_an_unused_column_filled_are_blank_and_a_bad_prefix_is_reported():
    rows = [["序号"] + HEADER] + [[n] + [None] * len(HEADER) for n in range(1, 50)]
    rows[3] = [3, "单选", "唯一的题", "甲", "乙", None, None, "A", "析。", 1, 3, "服务质量"]
    result = convert_xlsx(xlsx(rows), name="x.xlsx", prefix="my.bank")
    assert result.problems == [] and [q["id"] for q in result.questions] == ["my.bank-1"]
    bad = convert_xlsx(xlsx(rows), name="x.xlsx", prefix="My Bank")
    assert [str(p) for p in bad.problems] == ["file: 编号前缀“My Bank”只能包含小写字母、数字、点、横线和下划线"]


def test_all_options_in_one_cell_and_an_answer_written_as_the_option_text():
    rows = [["题型", "题干", "选项", "答案", "解析", "知识点"],
            ["单选题（1分）", "天然气的主要成分？", "A.甲烷 B.乙烷 C.丙烷", "A", "甲烷。", "公用事业服务"],
            ["【多选】", "哪些可燃？", "A、甲烷|B、氮气|C、氢气", "AC", "氮气不燃。", "公用事业服务"],
            ["单选", "哪个不可燃？", "甲烷\n氮气\n氢气", "氮气", "氮气不燃。", "公用事业服务"]]
    result = convert_xlsx(xlsx(rows), name="x.xlsx")
    assert result.problems == []
    assert [q["options"] for q in result.questions] == [{"A": "甲烷", "B": "乙烷", "C": "丙烷"},
                                                        {"A": "甲烷", "B": "氮气", "C": "氢气"},
                                                        {"A": "甲烷", "B": "氮气", "C": "氢气"}]
    assert [(q["type"], q["answer"]) for q in result.questions] == [
        ("single", "A"), ("multiple", ["A", "C"]), ("single", "B")]


def test_one_sheet_per_type_and_a_notes_sheet():
    single = [["题干", "选项A", "选项B", "答案", "解析", "知识点"], ["单选一", "甲", "乙", "A", "析。", "服务质量"]]
    multiple = [["题干", "选项A", "选项B", "选项C", "答案", "解析", "知识点"],
                ["多选一", "甲", "乙", "丙", "AB", "析。", "服务质量"]]
    data = xlsx(single, sheet_title="单选题", extra_sheets=[("多选题", multiple), ("说明", [["请按模板填写"]])])
    result = convert_xlsx(data, name="x.xlsx")
    assert result.problems == []
    assert [(e.location, e.question["type"]) for e in result.entries] == [
        ("工作表“单选题” row 2", "single"), ("工作表“多选题” row 2", "multiple")]


def test_unreadable_workbooks_are_reported_not_raised():
    assert [str(p) for p in convert_xlsx(b"not a zip", name="x.xlsx").problems][0].startswith("file: 不是有效的 Office")
    no_header = convert_xlsx(xlsx([["随便写点", "什么"], ["没有", "表头"]]), name="x.xlsx")
    assert [str(p) for p in no_header.problems] == [
        "row 1: 找不到表头：需要“题干”一列，以及“答案”或“选项A”等列（可下载模板对照）"]


def test_the_template_has_the_header_and_converts_to_its_two_examples():
    data = template_xlsx()
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["题型", "题干"] and header[2:8] == [f"选项{c}" for c in "ABCDEF"]
    assert header[8:] == ["答案", "解析", "分值", "难度", "知识点"]
    result = convert(data, "template.xlsx")
    assert result.problems == [] and [q["type"] for q in result.questions] == ["single", "multiple"]


# ------------------------------------------------------------------------------------------------------- CSV
CSV_TEXT = ("题型,题干,选项A,选项B,选项C,答案,解析,难度,知识点\r\n"
            "单选,客户投诉时首先应该？,倾听,争辩,挂断,Ａ,先倾听。,易,投诉处理\r\n"
            "多选,\"哪些属于服务特性，\n请选出：\",无形性,同步性,可储存性,\"A, B\",服务不可储存。,中,服务质量\r\n"
            "判断,服务礼仪只在当面服务时才需要。,,,,错,电话里也要讲礼仪。,难,服务礼仪\r\n"
            "单选,坏行,甲,乙,,C,解析,3,服务质量\r\n")


def test_csv_as_excel_saves_it_in_china_gbk():
    result = convert_csv(CSV_TEXT.encode("gbk"), name="题库.csv")
    assert [q["type"] for q in result.questions] == ["single", "multiple", "judge"]
    assert result.questions[1]["stem"] == "哪些属于服务特性，\n请选出："  # a line break inside a quoted cell
    assert [str(p) for p in result.problems] == ["row 5: 答案中的C不在选项中（选项为A、B）"]


def test_csv_utf8_with_and_without_bom_and_utf16_tab_separated():
    expected = convert_csv(CSV_TEXT.encode("gbk"), name="t.csv").questions
    assert convert_csv(b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"), name="t.csv").questions == expected
    assert convert_csv(CSV_TEXT.encode("utf-8"), name="t.csv").questions == expected
    tabbed = CSV_TEXT.replace(",", "\t").replace('"A\t B"', "AB").replace("，\n", "，\n")
    assert len(convert_csv(tabbed.encode("utf-16"), name="t.csv").questions) == 3


def test_csv_in_an_unknown_encoding_is_reported():
    result = convert_csv(b"\xff\xfe\x00\xd8" + b"\x81" * 3, name="t.csv")  # a UTF-16 BOM and a broken surrogate
    assert [p.location for p in result.problems] == ["file"] and "编码" in result.problems[0].reason
