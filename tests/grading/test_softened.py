"""How Chinese takes a key point back without a negator in front of it: faint approval (也算合理, 说得过去),
"already enough" (已经够…了), minimising (也就那么几个, 没几个), a key term inside a word that negates it (非增值), and
irony after the act (道歉反倒显得心里有鬼).  Each rule: answers that do not earn, and the same words making the point."""
import pytest

from app.grading.negation import bare_verdict, closing_verdict
from tests.grading.rubrics import one_point_part as part, score


FAULTS = "坐席员的做法有哪些不足？"
NO_RETENTION = part([["挽留"]], FAULTS, polarity="negative")  # the fault "没有挽留客户"
NO_PLAN = part([["预案"]], "在服务标准方面有哪些毛病？", polarity="negative")


# Faint approval and "it is still in time" close a clause that names a fault: the fault is accepted ------------------
@pytest.mark.parametrize("answer", ["她没有挽留也说得过去", "她没有挽留，也说得过去", "没挽留客户也算合理",
                                    "没有挽留倒也还行", "她没有挽留，这种做法也算合理"])
def test_faint_approval_accepts_the_fault(grader, answer):
    assert score(grader, NO_RETENTION, answer) == 0


def test_faint_approval_controls(grader):
    assert score(grader, NO_RETENTION, "她没有挽留客户，这说不过去") == 2
    assert score(grader, NO_RETENTION, "她没有挽留，一点也不合理") == 2
    assert score(grader, NO_PLAN, "事先没有预案，出了事才想办法，来不及了") == 2
    assert score(grader, part([["回访"]]), "回访不用太频繁，一周一次就行") == 2  # a bound, not a verdict


@pytest.mark.parametrize("answer", ["事先没有预案也还行", "没有预案也来得及，出了事再想办法",
                                    "没有预案，也还行"])
def test_still_in_time_accepts_the_fault(grader, answer):
    assert score(grader, NO_PLAN, answer) == 0


# "Already enough": the practice as it is needs nothing more -------------------------------------------------------
@pytest.mark.parametrize("answer", ["评分表两项已经够细了", "营销人员讲得很全面，已经够有针对性了",
                                    "每月听两通录音已经足够了", "满意度管理饭店已经做得够多了"])
def test_already_enough_waves_the_point_away(grader, answer):
    for terms in (["评分表"], ["针对性"], ["录音"], ["满意度"]):
        if terms[0] in answer:
            assert score(grader, part([terms]), answer) == 0


def test_already_enough_controls(grader):
    assert score(grader, part([["录音"]]), "每月只听两通录音，数量不够") == 2
    assert score(grader, part([["针对性"]]), "介绍要有针对性，不能一套话讲到底") == 2
    assert score(grader, part([["录音"]]), "录音要多听，两通已经不够了") == 2


# "Whether or not, it makes no difference" ----------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["短信这些渠道发不发都行", "是孩子发现的还是大人发现的也没多大区别",
                                    "孩子发现的还是大人发现的没什么两样"])
def test_no_difference_dismisses(grader, answer):
    terms = ["短信"] if "短信" in answer else ["孩子"]
    assert score(grader, part([terms]), answer) == 0


def test_no_difference_controls(grader):
    assert score(grader, part([["孩子"]]), "要问清是孩子发现的还是大人发现的，这很关键") == 2
    assert score(grader, part([["短信"]]), "短信、公众号都要发，一个都不能少") == 2


def test_verdict_helpers_on_the_new_wordings():
    assert closing_verdict("她没有挽留也说得过去") >= 0
    assert closing_verdict("评分表两项已经够细了") >= 0
    assert closing_verdict("她挽留了客户，说得很清楚") == -1
    assert bare_verdict("这种做法也算合理", "物业没跟业主商量就贴出通知")
    assert not bare_verdict("这种做法也算合理", "物业跟业主商量后贴出通知")


# Minimising: "only a handful" closing the clause makes what it names negligible ------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["影响"], "影响到的顾客没几个"),
    (["推诿"], "各部门互相推诿也就那么一两次"),
    (["利润"], "忠诚客户带来的利润也就那么一点"),
    (["流失"], "至于因此流失的客户，也就那么两三个"),
    (["打断"], "插话打断顾客的情况也没几回"),
    (["排队"], "排队的电话才几个"),
    (["差评"], "一个差评而已，看到的人也就那么几个"),
])
def test_minimising_makes_the_point_negligible(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_minimising_controls(grader):
    # the handful is the claim itself, not a verdict on what came before it
    assert score(grader, part([["沉默", "大多数"]]), "真正来投诉的没几个，大多数不满的人选择沉默") == 2
    assert score(grader, part([["影响"]]), "围观的人多了，会影响其他顾客") == 2
    assert score(grader, part([["回访"]]), "回访的客户不能只有那么几个，要全部回访") == 2
    assert score(grader, part([["问题"]]), "关键问题就那么几个，要逐一解决") == 2  # a clause turning on it follows


@pytest.mark.parametrize("terms, answer", [
    (["顾客导向"], "定价目标有收益导向、生产导向、顾客导向这么几种"),
    (["投诉"], "客户的反馈常见的有表扬、建议、投诉这么几个"),
])
def test_a_list_summed_up_by_its_count_is_not_minimised(grader, terms, answer):
    # 这么几种 right after a list counts the items named; 也就 before it belittles them
    assert score(grader, part([terms]), answer) == 2
    assert score(grader, part([terms]), answer.replace("这么几", "也就这么几")) == 0


# A key term inside a word that negates it: 非 before the term (非增值 is the opposite of 增值) ----------------------------
@pytest.mark.parametrize("terms, answer", [
    (["增值"], "设计时应该把精力放在非增值的环节上"),
    (["核心流程"], "以客户为中心的设计应该把力气花在非核心流程上"),
    (["中立"], "非中立的问法能引着顾客多打好评"),
    (["在线"], "培训以面授为主，非在线的方式效果才好"),
])
def test_a_term_after_fei_is_its_opposite(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_fei_controls(grader):
    assert score(grader, part([["增值"]]), "顾客愿意为它付钱的环节才是增值的") == 2
    assert score(grader, part([["核心流程"]]), "设计的重点要放在核心流程上") == 2
    assert score(grader, part([["非物质", "精神"]]), "奖励要物质和非物质结合") == 2  # 非 belongs to the term
    assert score(grader, part([["增值"]]), "流程设计无非是为顾客增值") == 2  # 无非: "nothing but"
    assert score(grader, part([["简化"]]), "非增值但必要的环节要尽量简化") == 2
    assert score(grader, part([["增值"], ["简化"]]), "必要的非增值环节要简化") == 0


# Irony after the act: 反倒 (like 反而) followed by a harm or a look of guilt makes the act what the trainee warns against
@pytest.mark.parametrize("terms, answer", [
    (["道歉"], "这时候道歉反倒显得我们心里有鬼"),
    (["道歉"], "当面道歉反倒坐实了是卖场的错"),
    (["承担责任"], "主动承担责任反倒显得酒店不专业"),
    (["回访"], "回访反倒让顾客觉得被打扰"),
])
def test_irony_after_the_act_is_a_warning(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_irony_controls(grader):
    assert score(grader, part([["道歉"]]), "主动道歉反倒能让顾客消气") == 2
    assert score(grader, part([["道歉"]]), "不道歉反倒显得我们心里有鬼") == 2
    assert score(grader, part([["回访"]]), "回访反倒能赢得信任") == 2


# A prohibition after the act closing the clause (送水车就别安排了) dismisses it like 就不必安排了 --------------------------
@pytest.mark.parametrize("terms, answer", [
    (["送水车"], "送水车就别安排了"),
    (["回访"], "回访也别安排了，浪费人手"),
    (["核心流程"], "核心流程本来就成熟，不用去动"),
    (["评分表"], "评分表两项简单明了，不用改"),
])
def test_a_prohibition_or_no_need_to_touch_after_the_act(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_prohibition_after_the_act_controls(grader):
    assert score(grader, part([["送水车"]]), "送水车一定要安排好，别让老人自己去提水") == 2
    assert score(grader, part([["回访"]]), "回访别安排得太晚") == 2
    assert score(grader, part([["评分表"]]), "评分表要改，不能只有两项") == 2


# "It is common" after a statistic affirms it; after a fault it accepts the fault -------------------------------------
def test_common_after_a_statistic_affirms_it(grader):
    ratio = part([["20%"], ["80%"]], "80/20 客户划分法则有什么意义？")
    assert score(grader, ratio, "约20%的顾客带来了80%的利润，这很常见。") == 2
    assert score(grader, part([["推诿"]]), "部门之间互相推诿，这很正常。") == 0
    assert score(grader, part([["拖"]]), "投诉拖了三个月，这很正常。") == 0


# "A matter of taste": a fault called someone's taste or style is accepted ---------------------------------------------
@pytest.mark.parametrize("answer", ["长指甲和大耳环是年轻人的审美", "戴大耳环是她的个人风格", "穿运动鞋是个人喜好"])
def test_a_matter_of_taste_accepts_the_fault(grader, answer):
    assert score(grader, part([["指甲", "耳环", "运动鞋"]], "小赵有哪些不符合服务礼仪的地方？"), answer) == 0


def test_a_matter_of_taste_controls(grader):
    faults = part([["指甲", "耳环", "运动鞋"]], "小赵有哪些不符合服务礼仪的地方？")
    assert score(grader, faults, "长指甲和大耳环不是个人审美的问题，而是不符合仪容规范") == 2
    assert score(grader, faults, "上班戴大耳环，把个人风格带到了岗位上，不专业") == 2
