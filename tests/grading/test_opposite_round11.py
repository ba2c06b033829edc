"""Ways trainees turn a key step into its opposite (round 11, issue 10): the act followed by a clause or sentence that
points back to it and warns against it or refuses it (先道歉。这样做只会让顾客得寸进尺 / …，所以不能这么做), and a step
conceded then rejected by a bare turn (虽然给补偿能让她消气，但没必要).  Each rule: answers that do not earn, and the
same words making the point."""
import pytest

from tests.grading.rubrics import one_point_part as part, score


# The act, then a clause or sentence pointing back to it with a warning or a refusal -------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["道歉"], "先向客户道歉。这样做只会让客户得寸进尺，要求赔一台新电视。"),
    (["道歉"], "先向客户道歉，这样做只会让客户得寸进尺。"),
    (["认同"], "要认同客户，顺着他的说法走。这样做只会让客户觉得自己全对。"),
    (["附近", "酒店"], "给她联系附近的酒店。这样做等于告诉客人超订了也能白住，所以不能这么做，让她等着。"),
    (["回访"], "修好后再回访一次，这么做反而会让客户更烦。"),
    (["道歉"], "马上道歉。这样一来只会让她觉得商场理亏。"),
    (["回访"], "事后回访客户。千万别这样做。"),
])
def test_an_act_warned_against_or_refused_by_what_points_back_to_it_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["道歉"], "先向客户道歉。这样做能让客户消气。"),  # a gain
    (["道歉"], "先向客户道歉，这样做只会让客户得寸进尺，但还是要道歉。"),  # a turn after the warning
    (["道歉"], "先向客户道歉，不然只会让客户更生气。"),  # the harm of not doing it
    (["道歉"], "先向客户道歉。不这样做只会让客户更生气。"),  # the refusal of the act warned against
    (["回访"], "回访一定要做。不能这样做的是拖着不回访。"),  # no bare refusal
    (["回访"], "事后回访客户，这样做反而能赢得信任。"),
])
def test_a_gain_a_turn_or_a_negated_act_keeps_the_point(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


def test_pointing_back_criticises_where_the_part_asks_what_is_wrong(grader):
    p = part([["一边"]], prompt="店员小刘的做法有哪些不妥？")
    assert score(grader, p, "小刘一边开发票一边接待顾客。这样做只会让顾客觉得不被重视。") == 2


# A step conceded, then rejected by a bare turn ---------------------------------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["补偿"], "虽然给补偿能让她消气，但没必要，道个歉就行。"),
    (["合作"], "各部门相互合作说起来好听，但没必要，各管各的就行。"),
    (["道歉"], "虽然书上说要先表示歉意，但实际工作中没必要。"),
    (["回访"], "回访当然好，可是根本不现实。"),
])
def test_a_step_conceded_then_rejected_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["道歉"], "道歉很重要，但光道歉没用，还要拿出办法。"),  # the turn names its own object
    (["回访"], "要回访，但没必要每天打电话。"),  # no need closes nothing
    (["补偿"], "虽然补偿要花钱，但不能说没必要。"),
    (["回访"], "回访看似没必要，但其实很有用。"),
])
def test_a_turn_that_limits_or_defends_the_step_keeps_the_point(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


# 会 as a noun (校准会, 例会): a meeting not to be held ------------------------------------------------------------------
def test_a_meeting_not_to_be_held_earns_nothing(grader):
    p = part([["校准"], ["打分"]])
    assert score(grader, p, "校准会其实不用开，每个质检员按自己的经验打分就行。") == 0
    assert score(grader, p, "校准会没必要，各自打分。") == 0
    assert score(grader, p, "校准会要定期开，大家一起听录音打分。") == 2
    assert score(grader, p, "校准会不用开得太频繁，每月一次，大家一起打分。") == 2


# Burdens and lip service on parts that ask for acts ---------------------------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["分层"], "分层抽样、设权重这些太复杂，质检员忙不过来。"),
    (["倾听"], "仔细倾听抱怨太耗时间，听个开头就知道了。"),
    (["愿意"], "先表达愿意为客户服务——当然只是嘴上说说。"),
])
def test_an_act_called_too_complex_or_lip_service_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["分层"], "分层抽样不算太复杂，一定要做。"),
    (["简化"], "原来的手续太复杂，要简化手续。"),
    (["倾听"], "要仔细倾听，不能嫌太耗时间。"),
    (["愿意"], "要真心表达愿意为客户服务，不能只是嘴上说说。"),
])
def test_the_same_words_denied_or_aimed_elsewhere_keep_the_point(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


# The fault praised where the part asks what is wrong --------------------------------------------------------------------
FAULTS = "店员小刘的做法有哪些不妥？"


@pytest.mark.parametrize("answer", [
    "小刘一边接待投诉一边处理日常事务，这说明她效率高，两头都不耽误。",
    "小刘一边接待投诉一边处理日常事务，值得其他店员学习。",
])
def test_the_fault_praised_as_efficiency_or_an_example_earns_nothing(grader, answer):
    assert score(grader, part([["一边"]], prompt=FAULTS), answer) == 0


@pytest.mark.parametrize("answer", [
    "小刘一边接待投诉一边处理日常事务，这说明她不重视顾客。",
    "小刘一边接待投诉一边处理日常事务，看似效率高，其实冷落了顾客。",
    "小刘一边接待投诉一边处理日常事务，这种做法不值得学习。",
])
def test_the_fault_criticised_keeps_the_point(grader, answer):
    assert score(grader, part([["一边"]], prompt=FAULTS), answer) == 2


# The staff declared without fault, the blame put on the customer -------------------------------------------------------
@pytest.mark.parametrize("answer", [
    "小刘没什么不妥，是顾客自己在卖场里大吵大闹，引起围观。",
    "顾客大吵大闹引起围观，责任全在顾客。",
])
def test_the_staff_cleared_or_the_customer_blamed_earns_nothing(grader, answer):
    assert score(grader, part([["围观"]], prompt=FAULTS), answer) == 0


@pytest.mark.parametrize("answer", [
    "小刘的做法很不妥，顾客的不满会引起围观。",
    "不能说责任全在顾客，小刘当众处理引起围观。",
])
def test_the_staff_criticised_keeps_the_point(grader, answer):
    assert score(grader, part([["围观"]], prompt=FAULTS), answer) == 2


# A question refused: 其实不用这么麻烦 -----------------------------------------------------------------------------------
def test_a_question_refused_as_too_much_trouble_earns_nothing(grader):
    p = part([["办公室"]])
    assert score(grader, p, "把顾客请到办公室去谈？其实不用这么麻烦，就在柜台边上说清楚。") == 0
    assert score(grader, p, "要不要把顾客请到办公室去谈？当然要，不怕麻烦。") == 2


# "No need" closing the clause after the act's object refuses the act too ------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    ([["登记"], ["原因"]], "登记查原因也不必，延误就是配件没到。"),
    ([["回访"], ["客户"]], "回访客户也不必。"),
    ([["回访"], ["客户"]], "回访客户就不用了。"),
])
def test_a_weak_no_need_after_the_object_refuses_the_act(grader, terms, answer):
    assert score(grader, part(terms), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    ([["登记"], ["原因"]], "登记并查找原因，不必拖。"),
    ([["回访"], ["客户"]], "回访客户不用太频繁，一周一次就行。"),
    ([["对不起"], ["耽误"]], "配件没到货耽误了，再次跟您说声对不起。"),
])
def test_the_act_before_a_limited_or_separate_no_need_keeps_the_point(grader, terms, answer):
    assert score(grader, part(terms), answer) == 2


# 别说 after 也/千万/就 is a prohibition, not "let alone" -------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["也别说资料保密，说了反而像在狡辩。", "千万别说资料保密。"])
def test_a_prohibition_to_say_it_earns_nothing(grader, answer):
    assert score(grader, part([["保密"]]), answer) == 0


@pytest.mark.parametrize("answer", ["要说明资料是保密的，别说了半天客户还不明白。", "别说资料保密，连密码都要保密。"])
def test_let_alone_keeps_the_point(grader, answer):
    assert score(grader, part([["保密"]]), answer) == 2


# The fault a point forbids, praised in a clause of its own after it -------------------------------------------------------
NORMS = {"points": 4, "prompt": "客户服务代表在应答客户时还应当遵守哪些服务规范？", "rubric": [
    {"id": "let-finish", "text": "客户未讲完时不抢先应答", "points": 2, "scope": "clause",
     "match": [["没说完", "说完再", "抢先", "抢着", "不抢着", "打断", "不打断"], ["没说完", "说完再", "抢着回答", "客户", "回答"]]},
    {"id": "concise", "text": "用语简洁，非客户要求不重复", "points": 2, "match": [["简洁", "重复", "不重复"]]}]}


@pytest.mark.parametrize("answer", [
    "客户话说到一半就可以抢先回答，这样能节省通话时间，提高效率。",
    "客户话说到一半就抢先回答，省时省力。",
    "同一句话多重复几遍，这样可以提高效率。",
])
def test_the_forbidden_fault_praised_in_the_next_clause_earns_nothing(grader, answer):
    assert grader.grade(NORMS, answer).score == 0


@pytest.mark.parametrize("answer, points", [
    ("客户没说完时不要抢着回答，这样能节省通话时间。", 2),
    ("等客户说完再回答，这样能提高效率。", 2),
    ("客户没说完就抢着回答，看似省时间，其实答非所问。", 2),
])
def test_the_norm_praised_or_the_fault_refused_keeps_the_point(grader, answer, points):
    assert grader.grade(NORMS, answer).score == points


# 会 as a noun before a harm: 开校准会一起听录音会占用质检员的时间 ---------------------------------------------------------
def test_a_meeting_named_as_the_cause_of_a_harm_earns_nothing(grader):
    assert score(grader, part([["校准"]]), "开校准会一起听录音会占用质检员的时间，各自打分就行。") == 0
    assert score(grader, part([["校准"]]), "校准会让大家统一尺度，会减少争议。") == 2
    assert score(grader, part([["校准"]]), "开校准会一起听录音会占用一点时间，但能统一尺度。") == 2


# "Better not use it here" as a clause of its own after the act ----------------------------------------------------------
def test_a_step_then_better_not_used_here_earns_nothing(grader):
    p = part([["选项", "选择题"]], prompt="调查问卷中的问题可以采用哪些作答方式？")
    assert score(grader, p, "让人只能在几个选项里挑，问卷里最好别用。") == 0
    assert score(grader, p, "可以用选择题，让人在几个选项里挑，专业术语最好别用。") == 2
    faults = part([["手指"]], prompt="小赵有哪些不符合服务礼仪的地方？")
    assert score(grader, faults, "用一根手指指方向，工作中最好别用。") == 2


# The fault praised as a show of skill in a clause of its own; praise after the norm itself is no such thing --------------
LET_FINISH = {"points": 2, "prompt": "客户服务代表在应答客户时还应当遵守哪些服务规范？", "rubric": [
    {"id": "p", "text": "客户未讲完时不抢先应答", "points": 2,
     "match": [["没讲完", "还没说完", "抢先", "不抢先"], ["抢先回答", "应答", "回答", "客户"]]}]}


@pytest.mark.parametrize("answer, expected", [
    ("客户话还没说完就可以抢先回答，显得反应快、业务熟。", 0),
    ("客户还没说完就抢先回答，这样能节省时间。", 0),
    ("客户没讲完不抢先应答，这样能节省时间。", 2),
    ("客户没讲完时不抢先应答，显得专业。", 2),
])
def test_praise_after_the_fault_or_after_the_norm(grader, answer, expected):
    assert score(grader, LET_FINISH, answer) == expected
