"""不 as a morpheme of a word of evaluation (不合格, 不及格, 不达标, 不称职, 不当 …) names a state of what follows it;
it does not refuse the act after it."""

from tests.grading.rubrics import score

TRAINING = {"points": 2, "rubric": [{"id": "training", "text": "重视员工培训", "points": 2,
                                     "match": [["培训", "训练"], ["员工", "重视", "加强", "定期"]]}]}
PASSED = {"points": 2, "rubric": [{"id": "passed", "text": "考核合格", "points": 2, "match": [["合格", "达标"]]}]}


def test_a_failed_state_before_the_staff_does_not_refuse_their_training(grader):
    assert score(grader, TRAINING, "对考核不合格员工重新培训。") == 2
    assert score(grader, TRAINING, "不达标员工一律培训。") == 2
    assert score(grader, TRAINING, "对服务不当员工加强培训。") == 2
    assert score(grader, TRAINING, "考核不及格员工重新培训。") == 2
    assert score(grader, TRAINING, "对不称职员工定期培训。") == 2


def test_a_negator_of_the_act_still_refuses_it(grader):
    # Before, the state's 不 and the act's 不 cancelled each other and these earned.
    assert score(grader, TRAINING, "不合格员工不培训。") == 0
    assert score(grader, TRAINING, "考核不达标员工也没有培训。") == 0
    assert score(grader, TRAINING, "员工不用培训。") == 0


def test_the_state_itself_is_still_negated(grader):
    assert score(grader, PASSED, "员工考核不合格。") == 0
    assert score(grader, PASSED, "服务不达标。") == 0
    assert score(grader, PASSED, "员工考核合格。") == 2
