"""Ways trainees refuse a key step with the case's own words (round 8): futility inside a longer clause (讲了也是白讲),
a step put off indefinitely (等有空再说), rhetorical questions (难道还要道歉吗？), a claim reported and then refuted
(有人说…，其实根本没必要), a condition that never holds (除非…才需要), a step handed to someone else (让她自己去找厂家).
Each rule: answers that do not earn, and the same words making the point."""
import pytest

from tests.grading.rubrics import one_point_part as part, score


# Futility: the act done "for nothing" (X了也是白X, 也白搭), closing its clause or as a clause of its own ------------------
@pytest.mark.parametrize("terms, answer", [
    (["道歉"], "跟她道歉了也是白道歉，她照样要去网上曝光"),
    (["服务意识"], "给新人培训服务意识讲了也是白讲，他们根本听不进去"),
    (["深呼吸"], "压力大的时候深呼吸几下也白搭"),
    (["咖啡"], "喝杯咖啡休息一下，做了也白做"),
    (["沟通"], "物业事先跟业主沟通了也是白沟通，业主永远嫌贵"),
])
def test_futility_waves_the_act_away(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_futility_controls(grader):
    assert score(grader, part([["道歉"]]), "跟她真诚道歉，她的火气就消了") == 2
    assert score(grader, part([["咖啡"]]), "喝杯咖啡休息一下，白天的压力就放下了") == 2
    # 没用 said of the conduct the part criticises keeps the fault spotted
    assert score(grader, part([["挽留"]], polarity="negative"), "坐席员只把规定念了一遍，这样说了也没用，她也没有挽留客户") == 2


# A step put off indefinitely (等有空再说, 等以后有空再补) ---------------------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["回访"], "至于事后回访看他满不满意，等有空再说"),
    (["录入"], "在电脑系统里录入，等有空再补"),
    (["分层"], "分层抽样嘛，等以后有空再说"),
])
def test_a_step_put_off_indefinitely(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_put_off_controls(grader):
    assert score(grader, part([["回访"]]), "回访不能等有空再说，修好后三天内就要回访") == 2
    assert score(grader, part([["姓名"]]), "核对客户姓名这一步绝不能等有空再说") == 2
    assert score(grader, part([["回访"]]), "等顾客冷静下来再回访") == 2


# Rhetorical questions that refuse the step (难道还要…吗？, 有什么不对？, 怎么能算…？), or refuse the question before them --
@pytest.mark.parametrize("terms, answer", [
    (["道歉"], "王先生一上来就发火，难道还要跟他道歉吗？"),
    (["包容"], "难道还要包容骂人的客户吗？"),
    (["做笔记"], "接电话时还要做笔记？难道坐席员的记性就这么差吗？"),
    (["道歉"], "向她道歉？难道商场有错吗？"),
    (["不对"], "小陈挂电话有什么不对？"),
    (["一心二用"], "一边开发票一边接待，这叫效率高，怎么能算一心二用？"),
])
def test_rhetorical_refusals(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_rhetorical_demands_keep_the_step(grader):
    assert score(grader, part([["道歉"]]), "难道不应该先向王先生道歉吗？") == 2
    assert score(grader, part([["道歉"]]), "难道我们还不该道歉吗？") == 2
    assert score(grader, part([["笔记"]]), "难道不应该一边接听一边做笔记吗？") == 2
    assert score(grader, part([["道歉"]]), "要不要道歉？当然要。") == 2
    assert score(grader, part([["不对"]]), "小陈挂电话是不对的，难道客户就不能有情绪吗？") == 2


# A claim reported and then refuted (有人说…，其实根本没必要; 都说…，信的人没几个) ------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["道歉"], "有人说要为断线的事先向王先生道歉，其实根本没必要。"),
    (["宣传"], "有人说忠诚客户会免费向亲友宣传，其实信的人没几个"),
    (["商誉"], "都说超市经营的是商誉，信的人没几个，超市靠的是价格低"),
    (["录音"], "有人说要开校准会，让质检员一起听同一批录音，其实根本用不着"),
    (["办公室"], "都说要先把顾客请到办公室，我看未必，在哪谈都一样"),
    (["宣传"], "忠诚客户的利润也就那么一点，说他们能帮企业宣传，信的人没几个"),
    (["宣传"], "要说他们能帮企业宣传，我看未必"),
])
def test_a_refuted_report_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_refuted_report_controls(grader):
    # the report refuted in the step's favour: what follows the refutation earns
    assert score(grader, part([["道歉"]]), "有人说向她道歉就等于认错，其实不然，应当马上真诚道歉") == 2
    assert score(grader, part([["录音"]]), "有人说校准会浪费时间，其实不然，质检员要定期一起听同一批录音") == 2
    # a report that stands
    assert score(grader, part([["道歉"]]), "老师说要先向顾客道歉，这一点很重要") == 2
    assert score(grader, part([["宣传"]]), "说他们能帮企业宣传，这一点很重要") == 2
    assert score(grader, part([["原因"]]), "说明原因，信的人没几个也要说明") == 2  # 说明 is no report


# A condition that never holds (除非…才需要): the step is refused except in an extreme case -----------------------------
@pytest.mark.parametrize("terms, answer", [
    (["修改密码"], "除非王经理闹到消协去，才需要提醒他修改密码"),
    (["送水车"], "送水车除非停水超过三天才需要安排"),
    (["承担"], "附近酒店的房费，除非她闹到媒体那里，才需要我们酒店承担"),
    (["退货"], "除非李先生拿出质检报告，商场才需要按他的选择退货或换货"),
])
def test_only_if_never_holds(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_only_if_controls(grader):
    assert score(grader, part([["通知"]]), "除非万不得已，不能临时才通知；停水至少要提前一天通知") == 2
    assert score(grader, part([["修改密码"]]), "要提醒他修改密码，除非他已经改过了") == 2


# A step handed to someone else (让她自己去找经销商, 让客户自己看着办) -------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    ([["上门"], ["维修"]], "让张女士自己去找经销商安排上门维修就行，我们客服只管接电话"),
    ([["回复"], ["方式"]], "回复方式让客户自己看着办"),
    ([["停车"], ["解决"]], "停车难让顾客自己去找附近的停车场解决"),
    ([["安装"], ["人手"]], "安装师傅人手不够，让厂家自己派人去对付"),
])
def test_a_step_handed_away(grader, terms, answer):
    assert score(grader, part(terms), answer) == 0


def test_handed_away_controls(grader):
    assert score(grader, part([["上门"], ["维修"]]), "不能再让张女士自己去找经销商，要马上派师傅上门维修") == 2
    assert score(grader, part([["送水车"]]), "送水车一定要安排好，别让老人自己去提水") == 2
    # the conduct described, on a part that asks for faults
    assert score(grader, part([["自己去找"], ["住处"]], prompt="前台的做法有哪些问题？"),
                 "前台让周女士自己去找住处，这是推卸责任") == 2


# A question answered by sarcasm (真是“贴心”), by "that is for others" (那是大商场才讲究的) or by a hand-over ------------------
@pytest.mark.parametrize("terms, answer", [
    (["附近"], "还要替她联系附近的酒店、再派车送过去？真是“贴心”到家了，照这样做酒店迟早赔光。"),
    (["办公室"], "把顾客请到办公室？那是大商场才讲究的，我们就在服务台处理。"),
    (["明确责任"], "明确责任？让刘先生自己去找厂家就行。"),
])
def test_a_question_answered_by_a_refusal(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_sarcasm_controls(grader):
    # sincere praise after a question, and sarcasm aimed at the fault
    assert score(grader, part([["附近"]]), "要不要帮她联系附近的酒店？当然要，真是贴心的服务才留得住客人。") == 2
    assert score(grader, part([["斜靠"]], prompt="小赵有哪些不符合服务礼仪的地方？"),
                 "小赵斜靠在咨询台上，真是“热情周到”啊，这就是仪态不端正。") == 2


# Sarcasm right after a step (按评分结果奖惩员工，真是“人性化”的管理) mocks it, on a part that does not ask for faults ------------
@pytest.mark.parametrize("terms, answer", [
    (["奖惩"], "按评分结果奖惩员工，真是“人性化”的管理。"),
    (["回访"], "修好了还要回访一次，真够“周到”的。"),
])
def test_sarcasm_after_a_step_mocks_it(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


def test_sarcasm_after_a_step_controls(grader):
    assert score(grader, part([["奖惩"]]), "按评分结果奖惩员工，这才是真正人性化的管理。") == 2
    assert score(grader, part([["斜靠"]], prompt="小赵有哪些不符合服务礼仪的地方？"),
                 "小赵斜靠在咨询台上，真是“热情周到”。") == 2


def test_did_no_good_as_a_clause_of_its_own(grader):
    assert score(grader, part([["通知"]]), "停水前提前一天发通知，说了也没用，居民根本不看") == 0
    assert score(grader, part([["深呼吸"]]), "压力大就深呼吸，做了也没用") == 0
    # the conduct named (这样…), or a clause after it that turns on it
    assert score(grader, part([["念了一遍"]]), "坐席员只把规定念了一遍，这样说了也没用") == 2
    assert score(grader, part([["道歉"]]), "光道歉，说了也没用，要拿出解决办法") == 2


def test_a_hand_over_described_as_the_fault(grader):
    # the staff's conduct in the clause before, and a part that asks for faults
    assert score(grader, part([["安排"], ["住处"]], polarity="negative"),
                 "前台却没有帮她安排住处，让她大半夜自己去找酒店") == 2
    assert score(grader, part([["自己"], ["酒店"]], prompt="前台的做法有哪些问题？"),
                 "让客人大半夜自己去找酒店") == 2


# The fault accepted as a virtue (也算效率高, read where a fault word stands before it), and on a part that asks what is
# wrong, the fault found better or harmless (反而更省事, 效率更高, 没什么坏处) --------------------------------------------------


@pytest.mark.parametrize("answer", ["客户还没说完就抢先回答也算效率高。", "客户话没讲完就抢着答，也算讲效率。"])
def test_a_fault_accepted_as_efficient_is_not_the_norm(grader, answer):
    assert score(grader, part([["客户"], ["没说完", "没讲完"]]), answer) == 0


def test_the_norm_praised_or_the_fault_criticised_keeps_the_point(grader):
    assert score(grader, part([["客户"], ["说完再", "没说完"]]), "要等客户说完再回答，这样效率更高。") == 2
    assert score(grader, part([["客户"], ["没说完"]]), "客户还没说完就抢着回答是不对的，看似效率高，其实答非所问。") == 2


FAULTS = "店员小刘的做法有哪些不妥？"


@pytest.mark.parametrize("answer", ["小刘一边开票一边接待顾客，反而更省事。", "小刘一边开票一边接待顾客，效率更高。",
                                    "小刘一边开票一边接待顾客，没什么坏处。"])
def test_a_fault_found_better_or_harmless_is_not_spotted(grader, answer):
    assert score(grader, part([["一边开票一边接待"]], prompt=FAULTS), answer) == 0


def test_a_fault_that_only_looks_efficient_is_spotted(grader):
    answer = "小刘一边开票一边接待顾客，看起来效率更高，其实冷落了顾客。"
    assert score(grader, part([["一边开票一边接待"]], prompt=FAULTS), answer) == 2


# "Nobody can tell" after alternatives weighed with A不A dismisses them; after a fault it says the fault did harm -----------
def test_nobody_can_tell_after_a_not_a_dismisses(grader):
    assert score(grader, part([["真诚"]]), "隔着屏幕，真诚不真诚谁看得出来。") == 0
    assert score(grader, part([["回复"], ["快"]]), "回复快不快客户也感觉不到。") == 0
    assert score(grader, part([["真诚"]]), "要真诚，客户虽然看不到你，但能从文字里感觉到你的态度。") == 2
    late = part([["太晚", "才挂"]], prompt="自来水公司的服务存在哪些问题？")
    assert score(grader, late, "通知发得太晚，头天晚上九点才挂到网上，谁看得到。") == 2


def test_all_the_same_after_alternatives_listed_dismisses_them(grader):
    for answer in ("书面语、口语都一样。", "用书面语和用口语都一样。", "书面语跟口语没什么区别。", "书面语和口语没有什么区别。"):
        assert score(grader, part([["书面语"]]), answer) == 0, answer
    assert score(grader, part([["书面语"]]), "要用书面语，口语不行。") == 2
    assert score(grader, part([["道歉"]]), "道歉和解释都一样重要。") == 2
    assert score(grader, part([["道歉"]]), "先道歉，态度诚恳，大家都一样。") == 2


# Guarding against an error is the act where the part asks for acts (避免歧义, 别把客户的话搞错); a fact (没有搞错) and
# "do not fear the error" (不要怕出错) are not ------------------------------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["误解", "歧义"], "不要让客户产生误解"),
    (["误解", "歧义"], "用词要准确，避免歧义"),
    (["记错", "搞错"], "别把客户的话搞错"),
    (["遗漏"], "记录要完整，不能遗漏"),
    (["误会"], "不要用容易让人误会的词"),
])
def test_guarding_against_an_error_is_the_act(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


def test_an_error_denied_feared_or_on_a_fault_part_is_not_guarded_against(grader):
    assert score(grader, part([["记错", "搞错"]]), "客户的话没有搞错") == 0
    assert score(grader, part([["出错"]]), "不要怕出错，说错了也没关系") == 0
    assert score(grader, part([["道歉"]]), "不要道歉") == 0


def test_an_error_named_as_a_cause_is_not_guarded_against(grader):
    # 避免因个人失误造成不良后果 avoids the consequence: the reference of a complaints part earned another question's
    # reliability point with it.
    assert score(grader, part([["失误"]]), "要加深对投诉的认识，避免因个人失误造成不良后果。") == 0
    assert score(grader, part([["失误"]]), "工作要细致，避免失误。") == 2


def test_any_will_do_dismisses_what_the_clause_names(grader):
    # "Whichever, all the same" (写在工单哪一栏都一样, 什么时候回都行; adversarial_dev7): indifference to what the point
    # specifies waves it away like alternatives weighed; 不管/无论 name no fault, and a clause after it can turn on it.
    assert score(grader, part([["工单"], ["回复栏", "栏"]]), "客户的回复要求写在工单哪一栏都一样。") == 0
    assert score(grader, part([["回复"], ["时间"]]), "回复的时间什么时候都行，看手头忙不忙。") == 0
    assert score(grader, part([["回复方式"]]), "回复方式怎么定都一样。") == 0
    assert score(grader, part([["工单"], ["回复栏", "栏"]]), "客户的回复要求要写在工单的回复栏里。") == 2
    assert score(grader, part([["服务水平"]]), "不管什么时候服务水平都一样。") == 2
    assert score(grader, part([["回复"], ["时间"]]), "回复的时间什么时候都行，但要跟客户约好。") == 2
