"""A step conceded, then refused when it fails (可实际上班时根本顾不上) or after a reason (可施工计划经常变，实际做不到)."""
import pytest

from tests.grading.rubrics import one_point_part as part, score

NOTICE = part([["通知"]], "供水企业应如何做好客户服务？")
SMILE = part([["微笑"]], "你可以怎样排解工作中的压力？")


@pytest.mark.parametrize("p, answer", [
    (NOTICE, "提前24小时通知当然好，可施工计划经常变，实际做不到。"),
    (SMILE, "保持微笑、放缓呼吸这些办法听起来不错，可实际上班时根本顾不上。"),
    (SMILE, "保持微笑很重要，但忙起来就顾不上了。"),
])
def test_a_step_conceded_then_refused_does_not_earn(grader, p, answer):
    assert score(grader, p, answer) == 0


@pytest.mark.parametrize("p, answer", [
    (NOTICE, "提前24小时通知，但施工计划经常变，有时候做不到的话要及时补发。"),
    (NOTICE, "提前24小时通知，但施工计划变了，要马上再发通知。"),
    (SMILE, "要保持微笑，忙的时候也不能忘。"),
])
def test_a_limit_or_a_follow_up_keeps_the_step(grader, p, answer):
    assert score(grader, p, answer) == 2
