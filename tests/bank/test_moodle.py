"""The bank as Moodle XML: well-formed, every question present with a fitting type, partial credit that adds up."""
import xml.etree.ElementTree as ET

from app.bank import load_bank
from app.bank.moodle import fraction, moodle_xml
from tests.conftest import ROOT, case_content, single_content


def parse(questions):
    root = ET.fromstring(moodle_xml(questions))
    assert root.tag == "quiz"
    return [q for q in root if q.get("type") != "category"], [q for q in root if q.get("type") == "category"]


def fractions(question):
    return [float(a.get("fraction")) for a in question.findall("answer")]


def test_each_type_becomes_its_moodle_type():
    multiple = single_content("m.one", type="multiple", options={"A": "甲", "B": "乙", "C": "丙", "D": "丁"},
                              answer=["A", "B", "D"])
    judge = {"id": "j.one", "type": "judge", "topic": "服务质量", "stem": "对吗？", "answer": False, "points": 2,
             "explanation": "不对。", "tags": ["礼仪"]}
    case = case_content("c.one")
    case["parts"].append(dict(case["parts"][0], id="b", prompt="然后呢？"))
    questions, categories = parse([single_content(), multiple, judge, case])
    assert [c.findtext("category/text") for c in categories] == ["$course$/top/公用事业服务", "$course$/top/服务质量",
                                                                  "$course$/top/投诉处理"]
    assert [(q.get("type"), q.findtext("name/text")) for q in questions] == [
        ("multichoice", "gas.main"), ("multichoice", "m.one"), ("truefalse", "j.one"),
        ("essay", "c.one/a"), ("essay", "c.one/b")]
    single, multi, tf, essay, _ = questions
    assert single.findtext("single") == "true" and fractions(single) == [100, 0, 0]
    assert multi.findtext("single") == "false"
    assert fractions(multi) == [33.33333, 33.33333, -100, 33.33333]
    assert abs(sum(f for f in fractions(multi) if f > 0) - 100) < 0.001
    assert [(a.findtext("text"), a.get("fraction")) for a in tf.findall("answer")] == [("true", "0"), ("false", "100")]
    assert tf.findtext("defaultgrade") == "2" and tf.findtext("tags/tag/text") == "礼仪"
    assert "不对。" in tf.findtext("generalfeedback/text")
    assert essay.findtext("defaultgrade") == "10" and "应该怎么做？" in essay.findtext("questiontext/text")
    grader_info = essay.findtext("graderinfo/text")
    assert "先道歉，再倾听。" in grader_info and "道歉（4分）" in grader_info


def test_text_is_escaped_and_characters_xml_cannot_hold_are_dropped():
    nasty = single_content("x.nasty", stem="<script>alert(1)</script> & \"引号\" ]]> \x00\x07\ud800 **粗体**",
                           options={"A": "a < b", "B": "c & d"})
    (question,), _ = parse([nasty])
    html = question.findtext("questiontext/text")
    assert "<script>" not in html and "<strong>粗体</strong>" in html and "&amp;" in html
    assert [a.findtext("text") for a in question.findall("answer")] == ["<p>a &lt; b</p>", "<p>c &amp; d</p>"]


def test_fractions_are_written_as_moodle_does():
    assert [fraction(v) for v in (100, 100 / 3, -50, 0.0, -0.0, 12.5)] == ["100", "33.33333", "-50", "0", "0", "12.5"]


def test_the_bundled_bank_exports_every_question():
    bank = load_bank(ROOT / "question_bank")
    questions, _ = parse(bank.questions.values())
    expected = {qid for qid, q in bank.questions.items() if q["type"] != "case"}
    expected |= {f"{qid}/{p['id']}" for qid, q in bank.questions.items() for p in q.get("parts", [])}
    assert {q.findtext("name/text") for q in questions} == expected
    kinds = {"single": "multichoice", "multiple": "multichoice", "judge": "truefalse"}
    for question in questions:
        name = question.findtext("name/text")
        content = bank.questions.get(name)
        assert question.get("type") == (kinds[content["type"]] if content else "essay"), name
