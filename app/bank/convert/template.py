"""The Excel template instructors download, fill in and import: the header and two example rows."""
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
