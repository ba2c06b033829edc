"""Putting the act off (先不急着道歉, 先别忙着道歉) refuses it for now; a negator cut in two by jieba still reaches past
再 (不|需要|再定什么处理时限)."""
import pytest

from tests.grading.rubrics import one_point_part as part, score

APOLOGY = part([["道歉"]], "首先会采取哪些应急措施？")
TIME_LIMIT = part([["处理时限"]], "企业应当如何整改？")


@pytest.mark.parametrize("answer", ["先不急着道歉，责任还没查清楚。", "先别忙着道歉。", "别急着道歉，先看小票。"])
def test_putting_the_act_off_refuses_it(grader, answer):
    assert score(grader, APOLOGY, answer) == 0


@pytest.mark.parametrize("answer", ["别急着辩解，先道歉。", "先别争辩，马上道歉。", "不忙的时候也要主动道歉。"])
def test_putting_something_else_off_keeps_the_act(grader, answer):
    assert score(grader, APOLOGY, answer) == 2


def test_a_negator_cut_in_two_reaches_past_again(grader):
    assert score(grader, TIME_LIMIT, "不需要再定什么处理时限。") == 0
    assert score(grader, TIME_LIMIT, "要再定一个处理时限。") == 2
    assert score(grader, TIME_LIMIT, "不但要定受理标准，还要再定处理时限。") == 2
