"""Negators that say the same thing in a term: 没有X = 没X = 未X (did not), 不要X = 别X = 不能X (do not), 应该X = 应当X
(should), 可以X = 能X = 能够X (may).  Rubric writers listed the variants by hand (没按时, 没有按时, 未按时); a term in
one of them now matches the others."""

from app.grading.terms import SynonymTable, negator_forms


def one_point(match, points=2):
    return {"points": points, "rubric": [{"id": "p", "text": "p", "points": points, "match": match}]}


def earned(grader, part, answer):
    return grader.grade(part, answer).points[0].earned


def test_forms_of_a_term():
    assert set(negator_forms("没按时")) == {"没有按时", "未按时"}
    assert set(negator_forms("未通知")) == {"没有通知", "没通知"}
    assert set(negator_forms("别太复杂")) == {"不要太复杂", "不能太复杂"}
    assert set(negator_forms("应当退")) == {"应该退"}
    assert set(negator_forms("可以退")) == {"能退", "能够退"}


def test_words_that_only_begin_like_a_negator_have_no_forms():
    for word in ("别人", "别的事", "别处", "未来", "未必", "应对", "应付客户", "能力", "能不能回本", "没", "别", "未"):
        assert negator_forms(word) == [], word


def test_prohibitions_need_more_than_one_character_after_them():
    # 不能用 is also "cannot be used" (a broken fridge): it does not become 别用.
    assert negator_forms("不要用") == []


def test_cannot_gives_no_prohibition():
    # 不能证明 is "cannot prove": 别证明 would be advice.  别X still gives 不能X.
    assert negator_forms("不能证明") == []
    assert "不能太复杂" in negator_forms("别太复杂")


def test_synonym_table_expands_the_forms():
    assert "未按时" in SynonymTable({}).expand("没按时")


def test_an_answer_in_another_form_earns(grader):
    part = one_point([["恢复", "来水"], ["未再通知", "没有再通知"]])
    assert earned(grader, part, "恢复供水推迟了，也没再通知居民。") == 2
    assert earned(grader, one_point([["别太复杂"]]), "题目不要太复杂。") == 2
    assert earned(grader, one_point([["没把顾客当回事"]]), "店员没有把顾客当回事。") == 2
