"""Numbered questions pasted as text or written in Word (documents made here with python-docx)."""
import io

import docx

from app.bank.convert import convert, convert_docx, convert_text
from app.bank.convert.text import option_chain

PAPER = """2024年客户服务管理师模拟题
姓名：________
一、单项选择题（每题1分）
1、天然气的主要成分是（ B ）。
A.乙烷  B．甲烷  C、丙烷  (D)丁烷
解析：甲烷占绝大部分。
知识点：公用事业服务
2. 客户投诉时首先应该 （A）倾听 （B）争辩 （C）挂断 （D）转接 答案：A 解析：先倾听，再处理。 知识点：投诉处理
二、多项选择题（每题2分）
1、下列属于服务特性的是（  ）
（A）无形性
（B）同步性
（C）可储存性
（D）差异性
答案：A、B、D
解析：服务不可储存，
生产与消费同时发生。
知识点：服务质量
三、判断题
1、服务礼仪只在面对面服务中才需要。（×）
解析：电话服务同样讲礼仪。
知识点：服务礼仪
2、倾听是沟通的基础。
答案：
对
解析：先听后说。
知识点：沟通与倾听
"""


def test_a_whole_paper_in_the_usual_numbered_form():
    result = convert_text(PAPER, name="模拟题.txt")
    assert result.problems == []
    single, inline, multiple, judge_false, judge_true = result.questions
    assert single == {"id": "import.moniti-1", "type": "single", "topic": "公用事业服务",
                      "stem": "天然气的主要成分是（  ）。",  # the answer no longer shows in the stem
                      "options": {"A": "乙烷", "B": "甲烷", "C": "丙烷", "D": "丁烷"}, "answer": "B", "points": 1,
                      "explanation": "甲烷占绝大部分。"}
    assert inline["stem"] == "客户投诉时首先应该" and inline["options"]["D"] == "转接" and inline["answer"] == "A"
    assert inline["explanation"] == "先倾听，再处理。" and inline["topic"] == "投诉处理"
    assert multiple["type"] == "multiple" and multiple["answer"] == ["A", "B", "D"] and multiple["points"] == 2
    assert multiple["explanation"] == "服务不可储存，\n生产与消费同时发生。"
    assert (judge_false["type"], judge_false["answer"]) == ("judge", False)
    assert (judge_true["type"], judge_true["answer"]) == ("judge", True)
    assert [e.location for e in result.entries] == ["line 4", "line 8", "line 10", "line 20", "line 23"]


def test_an_area_line_named_as_the_site_names_it():
    result = convert_text("1、客户投诉时首先应该？ A.争辩 B.倾听 答案：B 解析：先倾听。 知识领域：投诉处理", name="题.txt")
    assert result.problems == [] and result.questions[0]["topic"] == "投诉处理"
    assert result.questions[0]["explanation"] == "先倾听。"


def test_options_on_one_line_in_every_marker_style():
    for line in ("A.甲 B.乙 C.丙", "A、甲 B、乙 C、丙", "A．甲 B．乙 C．丙", "(A)甲 (B)乙 (C)丙", "（A）甲（B）乙（C）丙",
                 "Ａ.甲　Ｂ.乙　Ｃ.丙", "A:甲 B:乙 C:丙"):
        result = convert_text(f"1、题干\n{line}\n答案：B\n解析：因为乙。", topic="服务质量")
        assert result.problems == [], line
        assert result.questions[0]["options"] == {"A": "甲", "B": "乙", "C": "丙"}, line


def test_a_letter_inside_a_stem_is_not_an_option():
    chain = option_chain("维生素A.和维生素B.的区别 A.前者 B.后者", "A")
    assert [text for _, start, _ in chain for text in [start]] == [15, 20]
    result = convert_text("1、维生素A.和维生素B.的区别是？A.前者 B.后者\n答案：A\n解析：析。", topic="服务质量")
    assert result.questions[0]["stem"] == "维生素A.和维生素B.的区别是？"


def test_a_key_at_the_end_fills_the_answers_section_by_section():
    text = """一、单选题
1、甲还是乙？ A.甲 B.乙
2、丙还是丁？ A.丙 B.丁
二、判断题
1、天是蓝的。
参考答案
一、单选题
1.A 2.B
二、判断题
1.√ 解析：晴天时是。
"""
    result = convert_text(text, topic="服务质量")
    answers = [(e.question.get("answer"), [p.reason for p in e.problems]) for e in result.entries]
    assert answers == [("A", ["缺少解析（题库要求每道客观题都有解析）"]),
                       ("B", ["缺少解析（题库要求每道客观题都有解析）"]), (True, [])]


def test_problems_name_their_line_and_nothing_is_dropped():
    text = """1、没有答案的题 A.甲 B.乙
解析：析。
2、答案不一致的题（A） A.甲 B.乙
答案：B
解析：析。
3、只有一个答案的多选 [多选题] A.甲 B.乙
4、【多选题】只有一个答案 A.甲 B.乙
答案：A
解析：析。
四、简答题
1、简述投诉处理的步骤。
"""
    result = convert_text(text, topic="服务质量")
    reasons = [(e.location, [p.reason for p in e.problems]) for e in result.entries]
    assert reasons[0] == ("line 1", ["缺少答案"])
    assert reasons[1] == ("line 3", ["题干括号中的答案“A”与“答案：B”不一致"])
    assert reasons[3] == ("line 7", ["多选题要有两个或更多正确答案，写的是“A”"])
    assert reasons[4][0] == "line 11" and "题型“简答题”不能从文件导入" in reasons[4][1][0]


def test_text_without_numbered_questions_is_one_file_problem():
    result = convert_text("这里只是一段说明文字。\n没有题目。")
    assert [str(p) for p in result.problems] == ["file: 没有找到题目：每道题应以编号开头，如“1、”“1.”“（1）”"]


def test_text_files_in_gbk_and_utf8():
    assert convert(PAPER.encode("gbk"), "a.txt").questions == convert(PAPER.encode("utf-8"), "a.txt").questions
    assert len(convert(PAPER.encode("utf-8"), "a.txt").questions) == 5


# ------------------------------------------------------------------------------------------------------ Word
def word(paragraphs, table_rows=()) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        if isinstance(text, tuple):  # a paragraph with a soft line break (Shift+Enter) between its pieces
            paragraph = document.add_paragraph(text[0])
            for piece in text[1:]:
                run = paragraph.add_run()
                run.add_break()
                paragraph.add_run(piece)
        else:
            document.add_paragraph(text)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(table.rows, table_rows):
            for cell, value in zip(row.cells, values):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_paper_reports_paragraph_numbers():
    data = word(["第一部分 单项选择题", "", "1、天然气的主要成分是（ ）", ("A.乙烷", "B.甲烷", "C.丙烷"),
                 "答案：B", "解析：甲烷占绝大部分。",
                 "2、客户投诉时首先应该（ ）", "A、倾听\tB、争辩\tC、挂断", "解析：先倾听。",
                 "第二部分 判断题", "1. 服务可以储存。（ 错 ）", "解析：服务不可储存。"])
    result = convert_docx(data, name="paper.docx", topic="服务质量")
    assert [(e.location, e.ok) for e in result.entries] == [
        ("paragraph 3", True), ("paragraph 7", False), ("paragraph 11", True)]
    assert [str(p) for p in result.problems] == ["paragraph 7: 缺少答案"]
    assert result.questions[0]["options"] == {"A": "乙烷", "B": "甲烷", "C": "丙烷"}
    assert result.questions[1] == {"id": "import.paper-3", "type": "judge", "topic": "服务质量",
                                   "stem": "服务可以储存。（  ）", "answer": False, "explanation": "服务不可储存。"}


def test_a_word_table_in_the_template_layout_is_read_as_the_template():
    data = word(["题库"], table_rows=[["题型", "题干", "选项A", "选项B", "答案", "解析", "知识点"],
                                     ["单选", "表格中的题", "对的", "错的", "A", "析。", "服务质量"],
                                     ["单选", "坏的一行", "对的", "错的", "C", "析。", "服务质量"]])
    result = convert_docx(data, name="t.docx")
    assert [q["stem"] for q in result.questions] == ["表格中的题"]
    assert [str(p) for p in result.problems] == ["table 1 row 3: 答案中的C不在选项中（选项为A、B）"]


def test_a_damaged_word_file_is_reported():
    assert convert_docx(b"PK\x03\x04garbage", name="x.docx").problems[0].location == "file"
    spreadsheet_in_disguise = convert_docx(word(["1、x"])[:200], name="x.docx")
    assert [p.location for p in spreadsheet_in_disguise.problems] == ["file"]


def test_word_automatic_numbering_is_read_as_word_shows_it():
    from docx.oxml import parse_xml

    document = docx.Document()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                               f'<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    for num_id in ("90", "91"):  # two lists of options on one definition: each counts from A
        numbering.append(parse_xml(f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="90"/></w:num>'))

    def option(text, num_id):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))

    document.add_paragraph("天然气的主要成分是（ ）", style="List Number")  # "1." comes from the style's list
    option("甲烷", "90")
    option("乙烷", "90")
    document.add_paragraph("答案：A 解析：甲烷占大部分。")
    document.add_paragraph("客户投诉时首先应该（ ）", style="List Number")
    option("倾听", "91")
    option("争辩", "91")
    document.add_paragraph("答案：A 解析：先倾听。")
    out = io.BytesIO()
    document.save(out)
    result = convert_docx(out.getvalue(), name="auto.docx", topic="服务质量")
    assert result.problems == []
    assert [(q["stem"], q["options"]) for q in result.questions] == [
        ("天然气的主要成分是（ ）", {"A": "甲烷", "B": "乙烷"}), ("客户投诉时首先应该（ ）", {"A": "倾听", "B": "争辩"})]
