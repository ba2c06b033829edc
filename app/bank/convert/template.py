"""The templates instructors download, fill in and import: the Excel one (the header and two example rows) and the
Word one (numbered items as papers are written, one of each type)."""
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

TEMPLATE_HEADER = ("题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F",
                   "答案", "解析", "分值", "难度", "知识点")
TEMPLATE_EXAMPLES = (
    ("单选", "客户来电时情绪激动，客服人员首先应当做什么？", "立即解释公司规定", "耐心倾听并安抚情绪",
     "请客户稍后再打来", "直接转给主管", "", "", "B", "先处理情绪再处理问题：倾听和安抚让客户愿意继续沟通。",
     1, "易", "沟通与倾听"),
    ("多选", "下列哪些做法有助于提高客户满意度？", "兑现对客户的承诺", "及时回访", "隐瞒服务缺陷",
     "主动告知办理进度", "", "", "ABD", "隐瞒缺陷一旦被发现会失去信任；其余三项都让客户感到被重视。",
     2, "中", "客户关系与忠诚"),
)
NOTES = (
    "每行一道题；第一行是表头，列的顺序可以调整，多余的列会被忽略。",
    "题型：单选、多选、判断（不填时按答案判断）。案例分析题请在题库编辑器中编写。",
    "选项：选项A 到 选项F（最多到 选项H），用不到的留空。判断题不填选项。",
    "答案：单选写一个字母；多选写 ABD、A,B,D 或 A、B、D；判断写 对/错、√/×、正确/错误 或 T/F。",
    "解析：必填，答题后给学员看。",
    "分值：默认 1；难度：1 到 5，或 易、中、难，默认中；知识点：如 投诉处理、服务礼仪。",
)


def template_xlsx() -> bytes:
    """The template as .xlsx bytes; converting it gives the two example questions."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题目"
    sheet.append(TEMPLATE_HEADER)
    for row in TEMPLATE_EXAMPLES:
        sheet.append(row)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"A": 8, "B": 40, "I": 8, "J": 40, "K": 6, "L": 6, "M": 14}
    for column in "CDEFGH":
        sheet.column_dimensions[column].width = 18
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("填写说明")
    for line in NOTES:
        notes.append((line,))
    notes.column_dimensions["A"].width = 100
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


WORD_NOTES = (
    "说明：每道题以题号开头（1、或 1.），各大题可以重新从 1 编号。选项写成 A. B. C. D.，可在同一行，也可每行一个。",
    "答案写在题干的括号里，如（ B ）、（AB）、（√），或写在“答案：”后；判断题写 √/×、对/错。",
    "每道题都要有“解析：”。“知识点：”可以不写，导入时在页面上填写“未写知识点的题目归入”。",
    "案例分析题需要评分要点，请在题库的“新建题目”中编写。本说明和标题不会被导入，可以删除。",
)
WORD_EXAMPLES = (
    "一、单项选择题",
    "1、客户来电时情绪激动，客服人员首先应当（ B ）。",
    "A.立即解释公司规定  B.耐心倾听并安抚情绪  C.请客户稍后再打来  D.直接转给主管",
    "解析：先处理情绪再处理问题：倾听和安抚让客户愿意继续沟通。",
    "知识点：沟通与倾听",
    "二、多项选择题",
    "1、下列哪些做法有助于提高客户满意度？",
    "A.兑现对客户的承诺",
    "B.及时回访",
    "C.隐瞒服务缺陷",
    "D.主动告知办理进度",
    "答案：ABD",
    "解析：隐瞒缺陷一旦被发现会失去信任；其余三项都让客户感到被重视。",
    "知识点：客户关系与忠诚",
    "三、判断题",
    "1、投诉是客户给企业改进服务的机会。（√）",
    "解析：妥善处理投诉能挽回客户，也能发现服务中的问题。",
    "知识点：投诉处理",
)


def template_docx() -> bytes:
    """The Word template as .docx bytes: notes, then one example item of each type; converting it gives the three
    examples (the notes come before the first item and are not read as one)."""
    from docx import Document

    document = Document()
    document.add_heading("题目导入模板（Word）", 1)
    for line in WORD_NOTES:
        document.add_paragraph(line)
    for line in WORD_EXAMPLES:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
