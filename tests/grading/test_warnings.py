"""Warnings, consequences and "no need" after the act: the trainee names the act to advise against it.
Each rule: answers that do not earn, and a recommendation in the same words that does."""
import pytest

from tests.grading.rubrics import score

APOLOGY = {"points": 2, "rubric": [{"id": "apologize", "text": "道歉", "points": 2, "match": ["道歉"]}]}
EXPLAIN = {"points": 2, "rubric": [{"id": "explain", "text": "解释原因", "points": 2, "match": ["解释"]}]}
FOLLOW_UP = {"points": 2, "rubric": [{"id": "follow-up", "text": "回访", "points": 2, "match": ["回访"]}]}
TOLERANCE = {"points": 2, "rubric": [{"id": "tolerance", "text": "宽容", "points": 2, "match": ["宽容"]}]}
REFUND = {"points": 2, "rubric": [{"id": "refund", "text": "退还房费作为补偿", "points": 2,
                                   "match": [["退房费", "补偿"], ["房费", "补偿"]]}]}
LOSS = {"points": 2, "rubric": [{"id": "loss", "text": "客户流失", "points": 2, "match": ["流失"]}]}
# The writer put negators among the terms (an apology "for what was not done"): the point handles negation itself.
APOLOGY_FOR = {"points": 2, "rubric": [{"id": "apologize", "text": "道歉", "points": 2,
                                        "match": [["道歉"], ["道歉", "没有", "不当"]]}]}
QUANTITY = {"points": 2, "rubric": [{"id": "quantity", "text": "只重数量，忽视质量", "points": 2,
                                     "match": [["数量"], ["忽视", "只看"]]}]}
NO_RELOCATION = {"points": 2, "rubric": [{"id": "no-relocation", "text": "没有把顾客请到办公室", "points": 2,
                                          "polarity": "negative", "match": [["请"], ["办公室"]]}]}


@pytest.mark.parametrize("answer", ["道歉也没必要", "道歉就没必要了，查清楚再说", "道歉大可不必", "向她道歉就不必了",
                                    "道歉没有必要", "道歉用不着", "道歉根本没用", "道歉是多余的", "道歉没什么意义"])
def test_no_need_after_the_act_negates_it(grader, answer):
    assert score(grader, APOLOGY, answer) == 0


def test_no_need_after_the_act_controls(grader):
    assert score(grader, TOLERANCE, "宽容也谈不上是客服必须有的素养") == 0
    assert score(grader, TOLERANCE, "宽容是客服必须有的素养") == 2
    assert score(grader, APOLOGY, "道歉是必要的") == 2
    assert score(grader, APOLOGY, "不能说道歉没必要") == 2  # two negators: asserted
    assert score(grader, FOLLOW_UP, "回访不用太频繁，一周一次就行") == 2  # 不用 does not close the clause


def test_no_need_after_the_act_is_read_on_word_boundaries():
    from app.grading.negation import dismissed_after

    assert dismissed_after(["道歉", "根本", "没", "什么", "用"], 0)
    assert not dismissed_after(["道歉", "没用心"], 0)
    assert not dismissed_after(["回访", "不用", "太", "频繁"], 0)
    assert dismissed_after(["回访", "就", "不必", "了"], 0)


def test_no_need_after_the_act_is_no_fault_spotted(grader):
    assert score(grader, NO_RELOCATION, "在服务台处理就行，请她去办公室没必要") == 0
    assert score(grader, NO_RELOCATION, "她没有把顾客请到办公室，就在卖场里处理") == 2


def test_a_negator_governs_its_own_predicate_only(grader):
    assert score(grader, EXPLAIN, "不用道歉也不用解释") == 0
    assert score(grader, EXPLAIN, "不用道歉，但要解释") == 2
    assert score(grader, APOLOGY, "没有理由不道歉") == 2
    assert score(grader, APOLOGY, "他也没有道歉") == 0


@pytest.mark.parametrize("answer", ["道歉只会让他得寸进尺", "道歉就等于承认是我们的错", "主动道歉等于认错",
                                    "一回访客户就会又提出新的要求"])
def test_the_act_as_the_cause_of_a_harm_is_a_warning(grader, answer):
    part = FOLLOW_UP if "回访" in answer else APOLOGY
    assert score(grader, part, answer) == 0


def test_warning_controls(grader):
    assert score(grader, APOLOGY, "不道歉只会让顾客更生气") == 2  # the harm of not apologising: asks for it
    assert score(grader, APOLOGY, "先道歉，让他消气") == 2
    assert score(grader, FOLLOW_UP, "一处理完就回访") == 2  # the act in the result of 一…就


def test_a_feared_consequence_after_advice_against_the_act(grader):
    assert score(grader, REFUND, "不能给她退房费，否则以后谁都来要补偿") == 0
    assert score(grader, REFUND, "要给她退房费，否则她会去网上投诉") == 2
    assert score(grader, LOSS, "不能拖着不办，否则客户会流失") == 2  # the consequence is the key point


def test_hypotheticals_on_points_that_match_negators(grader):
    assert score(grader, APOLOGY_FOR, "如果先道歉，顾客就会认定是超市的错") == 0
    assert score(grader, APOLOGY_FOR, "如果顾客生气，就要先道歉") == 2
    assert score(grader, QUANTITY, "要是只考核数量，员工就会忽视服务质量") == 2  # the condition and result are the claim


@pytest.mark.parametrize("answer", ["道歉的话，顾客会觉得是我们理亏", "万万不可道歉", "与其道歉，不如直接给他换货",
                                    "道歉不如先解释", "即使道歉，顾客也不会满意", "就算道歉也没用"])
def test_suppositions_concessions_and_preferences_do_not_recommend(grader, answer):
    assert score(grader, APOLOGY, answer) == 0


@pytest.mark.parametrize("answer", ["道歉的话要真诚", "与其解释，不如先道歉", "即使顾客无理，也要道歉",
                                    "就算顾客骂人也要道歉", "如果不及时道歉，顾客就会更生气"])
def test_their_results_do(grader, answer):
    assert score(grader, APOLOGY, answer) == 2


@pytest.mark.parametrize("answer", ["凭什么道歉", "干嘛要道歉", "哪有必要道歉", "哪用得着道歉", "何须道歉",
                                    "有什么好道歉的", "没什么好道歉的", "道歉又有什么用", "道歉干什么"])
def test_rhetorical_dismissals_do_not_earn(grader, answer):
    assert score(grader, APOLOGY, answer) == 0


@pytest.mark.parametrize("answer", ["道歉是好事", "什么时候道歉都不晚", "好好道歉", "有什么问题先道歉"])
def test_what_only_looks_rhetorical_earns(grader, answer):
    assert score(grader, APOLOGY, answer) == 2


ID_CARD = {"points": 2, "rubric": [{"id": "id-card", "text": "凭身份证查询", "points": 2, "match": ["身份证"]}]}
RATIO = {"points": 2, "rubric": [{"id": "ratio", "text": "约20%的客户带来80%的利润", "points": 2,
                                  "match": [["80/20", "二八"]]}]}


@pytest.mark.parametrize("part, answer", [
    (ID_CARD, "身份证也不用管。"), (FOLLOW_UP, "回访就不必安排了"), (APOLOGY, "道歉不用放在心上"),
    (RATIO, "80/20法则没什么意义"), (FOLLOW_UP, "回访这一步没必要"),
])
def test_no_need_with_a_verb_of_bothering_or_after_the_phrase_head(grader, part, answer):
    assert score(grader, part, answer) == 0


def test_no_need_with_a_verb_controls(grader):
    assert score(grader, FOLLOW_UP, "回访不用做得太频繁") == 2  # the verb does not close the clause
    assert score(grader, ID_CARD, "身份证要带好，别的不用管") == 2  # 不用管 is about the rest
    assert score(grader, RATIO, "80/20法则很有意义") == 2


@pytest.mark.parametrize("answer", ["我们没有什么需要道歉的", "这件事没有什么要道歉的"])
def test_nothing_to_do_negates_the_act(grader, answer):
    assert score(grader, APOLOGY, answer) == 0


def test_nothing_to_do_controls(grader):
    assert score(grader, APOLOGY, "没有什么比真诚道歉更重要") == 2  # "nothing matters more than": praise
    assert score(grader, APOLOGY, "没有比道歉更有用的办法") == 2


def test_the_act_completed_by_its_verb_then_a_harm_after_contrary(grader):
    # 边听边|记|反而分心: the one-character verb after the mention completes the act; the harm still refuses it, and
    # it no longer lifts the refusal of 做笔记 in the clause before.
    habit = {"points": 2, "prompt": "对客服代表有哪些要求？",
             "rubric": [{"id": "habit", "text": "随手记笔记", "points": 2, "match": [["随手", "边听边"], ["笔记", "记下"]]}]}
    assert score(grader, habit, "坐席没必要做笔记，边听边记反而分心。") == 0
    assert score(grader, habit, "坐席没必要做笔记，随手记反而容易走神。") == 0
    assert score(grader, habit, "坐席要做笔记，边听边记，反而不会漏。") == 2
    assert score(grader, habit, "边听边记笔记，反而更准确。") == 2


# The loser of a comparison is the option set aside, as with 不如 (adversarial_dev7): 教室培训的效果比不上实战,
# 说“嗯嗯”比用“是”更亲切.  The winner, and a comparison denied (没有什么比道歉更有效), recommend the act.
CLASSROOM = {"points": 2, "rubric": [{"id": "classroom", "text": "教室集中培训", "points": 2, "match": [["教室", "集中授课"]]}]}


@pytest.mark.parametrize("part, answer", [
    (CLASSROOM, "教室培训的效果比不上实战"), (CLASSROOM, "教室培训赶不上跟着老员工干中学"),
    (APOLOGY, "先给他换货比道歉更实在"), (APOLOGY, "直接赔钱比跟他道歉管用得多"), (EXPLAIN, "多说几句好话比解释更有效"),
])
def test_the_loser_of_a_comparison_is_set_aside(grader, part, answer):
    assert score(grader, part, answer) == 0


@pytest.mark.parametrize("part, answer", [
    (CLASSROOM, "实战比不上教室培训系统"), (APOLOGY, "道歉比直接赔钱更实在"), (APOLOGY, "没有什么比真诚道歉更有效"),
    (APOLOGY, "先道歉，比什么都管用"), (EXPLAIN, "解释比多说好话更有效"), (APOLOGY, "道歉要比平时更真诚"),
])
def test_the_winner_of_a_comparison_is_recommended(grader, part, answer):
    assert score(grader, part, answer) == 2
