"""Ways trainees turn a key point into its opposite (round 12, issue 10), read at the clause and sentence level:
a question closed by a formula that only refuses covers the whole question (在哪儿发现苍蝇有什么好问的？, 私人电话万一有急事
呢，接一下又有什么不可以？); an act said to backfire (奖惩那一套搞了反而人心浮动, 双手递反而拘谨); and three classes of closing
verdicts: mere talk (那是书上的漂亮话), only others need it (商誉是大企业才讲的), unreliable or a waste (根本不靠谱, 花冤枉钱).
Each rule: answers that do not earn, and the same words making the point."""
import pytest

from tests.grading.rubrics import one_point_part as part, score


# A question closed by a refusing formula refuses every clause of the question --------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["发现", "地点"], "发现苍蝇的地点有什么好问的？反正她会说是在店里。"),
    (["私人电话"], "私人电话万一有急事呢，接一下又有什么不可以？"),
    (["回访"], "修好了客户自然满意，事后回访，有什么用？"),
    (["道歉"], "为一盒酸奶专门上门道歉，何必呢？"),
    (["专属服务"], "给大客户安排专属服务，至于吗？"),
])
def test_a_question_closed_by_a_refusing_formula_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["回访"], "事后回访，有必要吗？当然有，回访能留住客户。"),  # asked and answered
    (["回访"], "店员说：“回访有什么用？”这种态度是不对的，要回访。"),  # someone's words quoted
    (["地点"], "要问清发现苍蝇的地点：您是在哪里发现的？"),  # a question to ask the customer
    (["问题"], "最后问一句：您还有什么问题吗？"),  # 还有什么问题吗 offers more help
    (["问题"], "结束前问客户还有什么问题吗？"),
])
def test_a_question_answered_quoted_or_asked_keeps_the_point(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


# An act said to backfire ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["奖惩"], "奖惩那一套搞了反而人心浮动。"),
    (["双手"], "名片双手递反而拘谨。"),
    (["同理心"], "同理心太强的人反而不适合做客服。"),
    (["主动", "介绍"], "主动介绍套餐反而显得在推销。"),
    (["主动", "介绍"], "主动介绍套餐，客户反而会反感。"),
])
def test_an_act_said_to_backfire_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["倾听"], "耐心倾听反而能节省时间。"),  # a gain
    (["倾听"], "先耐心倾听，客户反而不紧张了。"),  # a harm negated is a gain
    (["道歉"], "不道歉反而会让顾客更生气，所以要先道歉。"),  # the act's absence backfires
    (["回访"], "事后回访客户，这样做反而更有效。"),
])
def test_a_gain_after_contrary_or_the_acts_absence_keeps_the_point(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


def test_a_fault_the_point_forbids_may_backfire(grader):
    p = part([["打断"]], text="不要打断客户")
    assert score(grader, p, "打断客户反而会让客户更生气。") == 2


def test_on_a_faults_part_contrary_is_not_read(grader):
    p = part([["斜靠"]], prompt="小赵有哪些不符合服务礼仪的地方？")
    assert score(grader, p, "小赵斜靠着柜台，客户反而不敢上前。") == 2


# Closing verdicts: mere talk, only others need it, unreliable, a waste ---------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["礼物"], "把投诉看成礼物，那是书上的漂亮话。"),
    (["商誉"], "商誉是大企业才讲的，小店卖好产品就够了。"),
    (["预测", "销售"], "靠报表预测销售前景根本不靠谱。"),
    (["员工", "培训"], "员工培训更是花冤枉钱。"),
    (["经营能力"], "能不能增强企业的经营能力，那是领导考虑的事。"),
    (["开场白"], "开场白这些客套话能省就省。"),
    (["报表"], "报表顶多当个参考，没什么大用。"),
])
def test_a_step_closed_by_a_dismissive_verdict_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["礼物"], "投诉是客户送给企业的礼物，这不是书上的漂亮话。"),
    (["商誉"], "商誉不是大企业才讲的，小店也要讲商誉。"),
    (["员工", "培训"], "员工培训不是花冤枉钱，要加强。"),
    (["经营能力"], "问卷要服务于增强企业的经营能力。"),
])
def test_the_verdict_denied_or_absent_keeps_the_point(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


# A negator of need or prohibition reaching the mention through light words --------------------------------------------
def test_no_need_through_in_person_or_a_direction_denies_the_act_after_its_topic(grader):
    p = part([["高层", "领导"], ["过问", "亲自"]])
    assert score(grader, p, "服务质量的事，高层领导不用亲自过问。") == 0
    assert score(grader, p, "高层领导要亲自过问服务质量。") == 2
    p = part([["澄清"], ["地方", "问题"]])
    assert score(grader, p, "那些地方不用去澄清，按自己的理解处理。") == 0
    assert score(grader, p, "含糊的地方要去澄清，不用去猜。") == 2


def test_a_negator_inside_a_modifier_does_not_cancel_the_predicates_negator(synonyms):
    from app.grading import Grader
    p = part([["澄清"], ["地方"], ["说清楚"]])  # the part's terms join the segmenter's dictionary: 没|说清楚|的|地方
    p["rubric"].append({"id": "q", "text": "说清楚", "points": 1, "match": [["说清楚"]]})
    p["rubric"][0]["match"] = [["澄清"], ["地方"]]
    p["points"] = 3
    own = Grader(synonyms, parts=[p])
    assert own.grade(p, "客户没说清楚的地方不用去澄清，追问多了客户烦。").points[0].earned == 0
    assert own.grade(p, "客户没说清楚的地方要去澄清。").points[0].earned == 2
    assert own.grade(p, "客户没说清楚的地方不能不澄清。").points[0].earned == 2  # a double negative still asserts


def test_even_less_need_does_not_spot_the_fault(grader):
    p = part([["挽留"]], polarity="negative", prompt="坐席员的做法有哪些不足？", text="没有挽留客户")
    assert score(grader, p, "没必要问他为什么销号，更不用去挽留。") == 0
    assert score(grader, p, "坐席员没有挽留客户。") == 2


# Stance: the staff cleared at more length, the customer made out too demanding, a fault "beyond reproach" -------------
FAULTS = "这位员工的做法有哪些不足？"


@pytest.mark.parametrize("terms, prompt, answer", [
    (["交朋友"], "你会怎样做？", "营销人员滔滔不绝地介绍没有错，跟客户交朋友太慢。"),
    (["介绍"], "你会怎样做？", "营销人员滔滔不绝地介绍产品没有错。"),
    (["手上"], FAULTS, "小刘没有做错什么，她手上有发票要开、电话要接。"),
    (["礼物"], "你会怎样做？", "投诉多了只说明客户越来越难伺候，投诉是礼物。"),
    (["承诺"], FAULTS, "送货时间这些也没法保证，顾客不满意那是他自己要求太高，承诺也就是广告。"),
])
def test_the_staff_cleared_or_the_customer_blamed_earns_nothing(grader, terms, prompt, answer):
    assert score(grader, part([terms], prompt=prompt), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["滔滔不绝"], "营销人员没弄清需求就滔滔不绝地介绍，这是不对的。"),
    (["滔滔不绝"], "营销人员说客户没有错，自己却滔滔不绝地介绍。"),  # the customer cleared, not the staff
    (["退换"], "店员觉得顾客要求太高，这种想法不对，应该按承诺给顾客退换。"),  # the staff's view described
])
def test_the_fault_named_or_the_staffs_view_described_keeps_the_point(grader, terms, answer):
    assert score(grader, part([terms], prompt=FAULTS), answer) == 2


def test_beyond_reproach_after_the_fault_is_praise(grader):
    p = part([["清楚了吗"]], prompt="指出这位客服代表在通话中的错误之处。")
    assert score(grader, p, "“清楚了吗”是关心客户有没有听懂，挑不出毛病。") == 0
    assert score(grader, p, "问客户“清楚了吗”不委婉，这一点很容易挑出毛病。") == 2
