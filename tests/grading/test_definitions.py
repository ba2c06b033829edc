"""A concept named and then defined: the definition must hold something of the point (round 13)."""
import pytest

from app.grading.definitions import find_definitions
from app.grading.normalize import normalize

from tests.grading.rubrics import one_point_part, score

# Two points whose concept's name is found in each of their groups: the name alone earns, as in the bank.
QUALITY = {"points": 4, "prompt": "服务质量由哪些要素构成？", "rubric": [
    {"id": "technical", "text": "技术质量：顾客得到了什么结果", "points": 2,
     "match": [["技术质量", "得到了什么", "拿到了什么"], ["技术质量", "结果", "最后"]]},
    {"id": "functional", "text": "职能质量：服务过程中员工的态度、仪表", "points": 2,
     "match": [["职能质量", "服务过程", "过程"], ["职能质量", "态度", "仪表"]]},
]}
OPEN = one_point_part([["开放式", "自由回答", "让客户多说"]], prompt="提问有哪些技巧？")
RANKING = one_point_part([["排序法", "排序"]], prompt="评估绩效有哪些方法？")


def earned(grader, part, answer):
    return [p.id for p in grader.grade(part, answer).points if p.earned]


@pytest.mark.parametrize("answer", [
    "技术质量是指顾客最后得到了什么结果；职能质量是指服务过程中员工的态度和仪表。",
    "技术质量就是顾客拿到了什么，职能质量就是员工在服务过程中的态度。",
    "服务质量包括技术质量和职能质量两个方面。",  # named, not defined: the names earn as before
    "1. 技术质量：顾客最后得到什么结果。2. 职能质量：员工的态度和仪表。",  # a colon is not a defining verb
])
def test_a_right_definition_or_a_bare_name_earns(grader, answer):
    assert earned(grader, QUALITY, answer) == ["technical", "functional"]


def test_swapped_definitions_earn_neither_point(grader):
    answer = "技术质量指的是员工的态度和仪表；职能质量是顾客最后拿到了什么结果。"
    assert earned(grader, QUALITY, answer) == []


@pytest.mark.parametrize("answer", [
    "开放式提问就是直接问客户到底要办什么。",
    "开放式提问指的是不给客户插嘴的机会。",
])
def test_a_concept_defined_without_its_content_does_not_earn(grader, answer):
    assert score(grader, OPEN, answer) == 0


@pytest.mark.parametrize("answer", [
    "开放式提问就是让客户自由回答。",
    "开放式提问就是很好的技巧，要多用。",  # an evaluation, not a definition
    "多用开放式提问，让客户多说。",
    "开放式提问，就是这样。",
])
def test_a_concept_defined_with_its_content_or_praised_earns(grader, answer):
    assert score(grader, OPEN, answer) == 2


def test_a_named_method_defined_by_a_plain_copula(grader):
    assert score(grader, RANKING, "排序法是按员工工号排。") == 0
    assert score(grader, RANKING, "排序法是把员工按业绩从高到低排序。") == 2


def test_a_negated_head_or_a_cleft_defines_nothing(grader):
    part = one_point_part([["说不清", "没有证据"]], prompt="怎样答复客户？")
    assert score(grader, part, "说不清是从哪里漏出去的，建议他改密码。") == 2


def test_definitions_found_and_their_content_runs_to_the_next_one():
    norm = normalize("技术质量指的是员工的态度，还有仪表，职能质量是顾客拿到了什么。")
    found = find_definitions(norm.text, norm.span_breaks, norm.sentence_ends)
    assert [norm.text[d.head_start:d.verb_start] for d in found] == ["技术质量", "职能质量"]
    assert norm.text[found[0].content_start:found[0].content_end] == "员工的态度，还有仪表"
    assert [d.strong for d in found] == [True, False]


def test_one_definition_per_clause_however_many():
    norm = normalize("技术质量是指员工态度，" * 2000)
    found = find_definitions(norm.text, norm.span_breaks, norm.sentence_ends)
    assert len(found) == 2000 and all(d.content_end - d.content_start == 4 for d in found[:-1])
