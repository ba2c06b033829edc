"""GIFT and Aiken, Moodle's text formats, for objective items."""
from app.bank.convert import convert, convert_aiken, convert_gift

GIFT = r"""// 从另一个平台导出的题
$CATEGORY: $course$/top/投诉处理

::q1:: 客户投诉时首先应该 {=倾听 ~争辩 ~挂断 #### 先倾听，再处理。}

服务是无形的。{T ####服务看不见摸不着。}

::q3::[html]下列哪些属于<b>服务特性</b>？{
  ~%50%无形性 # 对
  ~%50%同步性
  ~%-100%可储存性
  #### 服务不能储存\: 生产与消费同时。
}

写一段话谈谈投诉处理。{}

1+1 = {=2 =二}

顾客 {=满意 ~不满 ####满意才会再来。} 是服务的目标。

这里没有答案部分
"""


def test_gift_objective_items_and_the_rest_reported():
    result = convert_gift(GIFT, name="moodle.gift")
    entries = result.entries
    assert [e.location for e in entries] == ["line 4", "line 6", "line 8", "line 15", "line 17", "line 19", "line 21"]
    single, judge, multiple = (e.question for e in entries[:3])
    assert single == {"id": "import.moodle-1", "type": "single", "topic": "投诉处理", "stem": "客户投诉时首先应该",
                      "options": {"A": "倾听", "B": "争辩", "C": "挂断"}, "answer": "A",
                      "explanation": "先倾听，再处理。"}
    assert (judge["type"], judge["answer"], judge["explanation"]) == ("judge", True, "服务看不见摸不着。")
    assert multiple["type"] == "multiple" and multiple["answer"] == ["A", "B"]
    assert multiple["stem"] == "下列哪些属于服务特性？" and multiple["explanation"] == "服务不能储存: 生产与消费同时。"
    assert entries[5].ok and entries[5].question["stem"] == "顾客（  ）是服务的目标。"
    assert "题型“问答题”不能从文件导入" in entries[3].problems[0].reason
    assert "题型“填空题”不能从文件导入" in entries[4].problems[0].reason
    assert entries[6].problems[0].reason == "缺少答案部分 {…}"


def test_gift_by_extension_and_escaped_braces():
    result = convert(r"符号 \{ 与 \} 怎么写？{=转义 ~不写 ####用反斜杠。}".encode(), "a.gift", topic="服务质量")
    assert result.problems == [] and result.questions[0]["stem"] == "符号 { 与 } 怎么写？"


AIKEN = """天然气的主要成分是什么？
A. 甲烷
B) 乙烷
C. 丙烷
ANSWER: A
解析: 甲烷占大部分。
知识点: 公用事业服务

客户投诉时首先应该？
A. 倾听
B. 争辩
ANSWER: C
EXPLANATION: 先倾听。

没有答案行的题
A. 甲
B. 乙
"""


def test_aiken_with_the_explanation_extension():
    result = convert_aiken(AIKEN, name="a.aiken", topic="投诉处理")
    first, second, third = result.entries
    assert first.ok and first.question == {
        "id": "import.a-1", "type": "single", "topic": "公用事业服务", "stem": "天然气的主要成分是什么？",
        "options": {"A": "甲烷", "B": "乙烷", "C": "丙烷"}, "answer": "A", "explanation": "甲烷占大部分。"}
    assert [str(p) for p in second.problems] == ["line 9: 答案中的C不在选项中（选项为A、B）"]
    assert third.location == "line 15" and third.problems[0].reason == "缺少 ANSWER: 行"
