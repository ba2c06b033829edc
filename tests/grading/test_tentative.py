"""Tentative verb forms: 问一下, 问一问, 问问, 问了问, 问了一下 say the same thing; a rubric term in one of them also
matches the others (rubric writers used to list each form by hand)."""

from app.grading.terms import SynonymTable, tentative_forms


def one_point(match, points=2):
    return {"points": points, "rubric": [{"id": "p", "text": "p", "points": points, "match": match}]}


def earned(grader, part, answer):
    return grader.grade(part, answer).points[0].earned


def test_one_form_matches_the_others(grader):
    part = one_point([["对一下"], ["理解"]])
    assert earned(grader, part, "听完把自己的理解跟客户对一对。") == 2
    assert earned(grader, part, "听完把自己的理解跟客户对了对。") == 2
    assert earned(grader, part, "听完把自己的理解跟客户对了一下。") == 2
    part = one_point([["查一查"], ["原因"]])
    assert earned(grader, part, "先查一下原因。") == 2
    assert earned(grader, part, "先查了查原因。") == 2


def test_reduplicated_verb_inside_a_longer_term(grader):
    part = one_point([["电话问问"]])
    assert earned(grader, part, "过几天打电话问一问。") == 2
    assert earned(grader, part, "过几天打电话问了一下。") == 2


def test_forms_of_a_term():
    assert set(tentative_forms("问一下")) >= {"问一问", "问了问", "问了一下"}
    assert "问问" not in tentative_forms("问一下")  # a bare two-character XX: 对对 would be found in 对对方
    assert set(tentative_forms("电话问问")) >= {"电话问一问", "电话问一下", "电话问了问"}
    assert set(tentative_forms("问问")) == {"问一问", "问了问"}
    assert tentative_forms("道歉") == []
    assert tentative_forms("总结一下") == []  # 结 is not a verb of its own here: no 总结一结


def test_synonym_table_expands_every_form():
    table = SynonymTable({"inquire": ["询问", "问一下"]})
    assert "问一问" in table.expand("询问")
    assert "问了一下" in table.expand("@inquire")


def test_no_form_crosses_a_negator(grader):
    part = one_point([["问一下"]])
    assert earned(grader, part, "不要问一问就完了。") == 0
