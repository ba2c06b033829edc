"""A potential negative after the mention (信息传不过去, 消息传不到, 客户的话听不清): the thing named cannot be done; a
point that asks for it is not earned, a fault point that wants it named is."""

NO_CHANNEL = {"points": 2, "prompt": "这个案例反映出饭店存在哪些问题？", "rubric": [
    {"id": "channel", "text": "缺乏信息传递的途径", "points": 2, "polarity": "negative",
     "match": [["信息", "消息"], ["部门", "之间", "餐饮部", "传递"]]}]}
PASS_ON = {"points": 2, "prompt": "饭店要采取哪些做法？", "rubric": [
    {"id": "pass", "text": "部门之间传递信息", "points": 2, "match": [["信息", "消息"], ["部门", "之间", "餐饮部"]]}]}
APOLOGY = {"points": 2, "rubric": [{"id": "a", "text": "道歉", "points": 2, "match": [["道歉", "对不起"]]}]}


def score(grader, part, answer):
    return grader.grade(part, answer).score


def test_a_fault_named_with_a_potential_negative_is_spotted(grader):
    assert score(grader, NO_CHANNEL, "客人交代的信息在部门之间传不过去。") == 2
    assert score(grader, NO_CHANNEL, "销售部的消息传不到餐饮部。") == 2
    assert score(grader, NO_CHANNEL, "部门之间的信息传得很顺畅。") == 0


def test_an_act_said_to_be_impossible_is_not_earned(grader):
    assert score(grader, PASS_ON, "部门之间信息根本传不过去。") == 0
    assert score(grader, PASS_ON, "部门之间要把信息传过去。") == 2


def test_words_that_only_look_like_it_do_not_negate(grader):
    assert score(grader, APOLOGY, "先道歉，少不了。") == 2
    assert score(grader, APOLOGY, "先说声对不起。") == 2
    assert score(grader, PASS_ON, "部门之间的信息要传递清楚，免得客户听不懂。") == 2
