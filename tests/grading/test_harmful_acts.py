"""Ways trainees refuse a key step with the case's own words (round 10): the act named as the subject of a harm
without 反而 (回访会打扰客户, 选择题限制了思路), a step called someone else's job with a staff or organisation noun
(这是技术部的事, 客服不用管), and an act kept but its purpose denied (只是纸上谈兵, 只是心理安慰, 是做不到的).
Each rule: answers that do not earn, and the same words making the point."""
import pytest

from tests.grading.rubrics import one_point_part as part, score


# The act as the subject of a harm, predicted (会, 容易, 势必 …) or done (限制了) ------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["回访"], "回访会打扰客户的正常生活"),
    (["选择题"], "选择题限制了答题人的思路"),
    (["做笔记"], "做笔记容易分散坐席的注意力"),
    (["轮岗"], "让员工轮岗会打乱整个部门的节奏"),
    (["培训"], "集中培训员工会占用大量上班时间"),
    (["监控"], "安装监控会给门店增加不少成本"),
    (["公示"], "把处理结果公示出来会让员工很紧张"),
    (["回访"], "上门回访、电话回访都会增加客服的工作量"),
])
def test_an_act_named_as_the_cause_of_a_harm_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["回访"], "回访会让客户觉得受到重视"),  # a gain
    (["回访"], "不回访会耽误客户的事"),  # the act negated: the harm of not doing it
    (["做笔记"], "做笔记会占用一点时间，但能避免记错"),  # a turn after it
    (["做笔记"], "要边听边做笔记，免得漏掉要点"),
    (["选择题"], "选择题能限制答案的范围，方便统计"),  # 能, not a prediction of harm
])
def test_a_gain_a_negated_act_or_a_turn_keeps_the_point(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


def test_harms_are_the_answer_where_the_part_asks_about_them(grader):
    # 影响倾听的障碍因素: naming what a factor hinders is the answer; a critique part reads it as criticism.
    assert score(grader, part([["口音"]], prompt="影响倾听的障碍因素有哪些？"), "口音会干扰对客户意思的理解") == 2
    assert score(grader, part([["加班"]], prompt="店里的服务存在哪些问题？"), "经常加班会打乱员工的作息") == 2


def test_a_point_that_removes_a_harm_or_forbids_a_fault_keeps_its_harm_words(grader):
    # 消除导致服务态度差的压力因素: the cause of the harm is what the point names.
    removes = part([["加班", "压力"]], text="消除导致服务态度差的压力因素")
    assert score(grader, removes, "加班太多会增加员工的压力，要合理排班") == 2
    forbids = part([["抢着回答"]], text="客户未讲完时不抢着回答")
    assert score(grader, forbids, "客户没说完就抢着回答会打断客户的思路") == 2


# Someone else's job: a staff or organisation noun, or the staff told they need not bother ------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["核实"], "核实通话记录是技术部的事"),
    (["回访"], "回访客户是售后部门和店长的事"),
    (["检验"], "送去检验这是厂家和质检部门的事"),
    (["登记"], "把顾客的信息登记下来，前台不用管"),
    (["统一口径"], "给坐席统一口径交给办公室去做就行，客服中心不用操心"),
])
def test_a_step_called_someone_elses_job_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["回访"], "回访客户是我们客服部的事"),  # the trainee's own side
    (["服务"], "做好服务是每个员工的事"),
    (["合作"], "部门合作是各部门共同的事"),
    (["核实"], "核实通话记录不是技术部的事，客服要自己查"),
    (["登记"], "把顾客的信息登记下来，别的不用管"),  # not staff told off: an object of its own
])
def test_the_trainees_own_job_or_a_denial_keeps_the_point(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


def test_someone_elses_job_where_the_part_asks_what_is_wrong_criticises(grader):
    assert score(grader, part([["核实"]], prompt="坐席员的做法有哪些不足？"), "他说核实通话记录是技术部的事") == 2


# The act kept, its purpose denied ----------------------------------------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    (["预测"], "话务预测只是纸上谈兵"),
    (["深呼吸"], "深呼吸不过是心理安慰"),
    (["忘掉"], "下班就把委屈忘掉是做不到的"),
    (["制度"], "这些制度都是形同虚设"),
])
def test_an_act_whose_purpose_is_denied_earns_nothing(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["预测"], "话务预测不能纸上谈兵，要用历史数据"),
    (["深呼吸"], "深呼吸能让人平静下来"),
    (["忘掉"], "下班就把委屈忘掉，没有做不到的"),
])
def test_purpose_denial_controls(grader, terms, answer):
    assert score(grader, part([terms]), answer) == 2


def test_a_non_compound_warned_against_is_not_asked_for(grader):
    # 非增值 is not "not adding value" turned around by the harm: the compound still denies the term.
    assert score(grader, part([["增值"]]), "砍掉非增值的环节会削弱管控") == 0


# "No need" with a light verb in between, past the act's object ------------------------------------------------------
@pytest.mark.parametrize("terms, answer", [
    ([["分析"], ["原因"]], "分析问题原因没必要特意去开会"),
    ([["回访"]], "回访客户用不着专门去做"),
    ([["核对"]], "核对信息不用特意再打一遍电话"),
])
def test_no_need_with_a_light_verb_after_the_object_dismisses(grader, terms, answer):
    assert score(grader, part(terms), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    ([["回访"]], "回访客户不用去上门，打电话就行"),  # weak: only 特意/专门 … after it
    ([["分析"], ["原因"]], "分析问题原因，没必要特意去开会"),  # a clause of its own: not after the act's object
    ([["回访"]], "回访客户要专门去做"),
])
def test_light_verb_controls(grader, terms, answer):
    assert score(grader, part(terms), answer) == 2


def test_linking_refused_and_done_for_nothing(grader):
    assert score(grader, part([["考核"]]), "质检是质检，跟考核不用挂钩") == 0
    assert score(grader, part([["培训"]]), "新人培训了也记不住") == 0
    assert score(grader, part([["考核"]]), "质检结果要跟考核挂钩") == 2
    assert score(grader, part([["培训"]]), "新人培训了就能记住") == 2
    # where the part asks what is wrong, futility describes the fault
    assert score(grader, part([["培训"]], prompt="培训工作存在哪些问题？"), "新人培训了也记不住") == 2


# A means swapped: the point's criterion refused, the act tied to another -------------------------------------------
def test_a_criterion_refused_and_another_put_in_its_place(grader):
    reward = part([["奖惩", "奖金"], ["评分", "满意度"]])
    assert score(grader, reward, "不用管客户的评分，按员工的销售业绩来奖惩就行") == 0
    assert score(grader, reward, "不看满意度，根据出勤发奖金") == 0
    assert score(grader, reward, "按客户的评分来奖惩员工") == 2
    # a circumstance negated as a fact, the act plain: 没到货耽误了，再次说声对不起
    assert score(grader, part([["对不起"], ["耽误"]]), "配件没有耽误，再次跟您说声对不起") == 2
