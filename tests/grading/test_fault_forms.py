"""Faults stated the way trainees speak (issue #10, helper `miss`): a negator kept from its verb by an adverb glued to
it (从来不), by a prepositional phrase (不跟周女士说, 不要让答题的人去做计算) or by a bare 给 (没给解决); the object of a
negated 把/向/跟 phrase (不把客人的要求当回事: the requirement is what is neglected, not what is denied); a potential
complement (信息传不到餐厅: the term 传到 denied by its own complement, and nothing else in the clause); and harms in
everyday words (补偿酒店会亏钱).  Each rule: answers that earn, and answers that still do not."""
import pytest

from tests.grading.rubrics import one_point_part, score

FAULTS = "这家店的服务存在哪些问题？"
ACTS = "你会怎样做？"


def part(groups, polarity="positive", prompt=FAULTS, points=2, text="要点"):
    return one_point_part(groups, prompt, polarity, points, text)


# a. A negator kept from its verb ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("groups, answer", [
    ([["上报", "往上报"]], "投诉的事他们从来不往上报给老板"),  # jieba glues 从来不
    ([["商量"]], "物业定标准之前从来不跟业主商量"),
    ([["解决"]], "王先生的问题坐席没给解决"),  # 给 with no object: the verb right after it is negated
    ([["解决"]], "他的事坐席一直不给解决"),
    ([["对不起"]], "前台连句对不起都不跟周女士说"),  # 连X都不 + a prepositional phrase + a verb of saying
    ([["电话"]], "售后一个电话也没给客户打过"),
    ([["计算"]], "问卷里不要让答题的人去做计算"),  # the causative phrase does not use up the look-back
])
def test_a_negator_kept_from_its_verb_still_names_the_fault(grader, groups, answer):
    assert score(grader, part(groups, polarity="negative"), answer) == 2


@pytest.mark.parametrize("groups, answer", [
    ([["上报", "往上报"]], "投诉的事要及时往上报给老板"),
    ([["商量"]], "物业定标准之前先跟业主商量"),
    ([["解决"]], "坐席当场就给王先生解决了"),
    ([["对不起"]], "前台连着跟周女士说了几句对不起"),
    ([["计算"]], "问卷里可以让答题的人去做计算"),
])
def test_the_same_words_without_a_negator_do_not_name_the_fault(grader, groups, answer):
    assert score(grader, part(groups, polarity="negative"), answer) == 0


@pytest.mark.parametrize("groups, answer", [
    ([["道歉"]], "他从来不道歉"),
    ([["解决"]], "坐席没给他解决"),
])
def test_on_a_positive_point_the_same_forms_refuse_the_act(grader, groups, answer):
    assert score(grader, part(groups, prompt=ACTS), answer) == 0


# b. The object of a negated 把/向/跟 phrase ----------------------------------------------------------------------------
IGNORED = [["的要求", "需求"], ["当回事", "不当回事", "忽视"]]


@pytest.mark.parametrize("answer", [
    "饭店压根不把客人的要求当回事",
    "饭店没把客人提的需求当回事",
])
def test_not_taking_something_seriously_names_the_neglect(grader, answer):
    # The point's text is a fault and its terms hold negators (不当回事, 忽视): the object of 不把 is not denied.
    assert score(grader, part(IGNORED, text="没有重视客户的需求"), answer) == 2


def test_naming_no_requirement_does_not(grader):
    assert score(grader, part(IGNORED, text="没有重视客户的需求"), "饭店不把这事当回事") == 0


@pytest.mark.parametrize("answer", ["店员不把顾客带离现场", "店员不把吵闹的顾客带离现场", "店员没跟吵闹的顾客好好谈"])
def test_the_negator_before_a_phrase_reaches_the_verb_after_its_object(grader, answer):
    # The object may be a noun phrase with 的: the negator before 把/跟 still reaches the verb (带离, 谈).
    assert score(grader, part([["顾客", "客户"], ["带离", "谈"]], polarity="negative"), answer) == 2


# d. A potential complement denies its own verb, and nothing else -------------------------------------------------------
CHANNEL = [["信息", "要求"], ["传到", "传下去"]]


@pytest.mark.parametrize("answer", [
    "客人的要求从前台传不到餐厅",
    "这些信息就是传不下去",
])
def test_a_potential_complement_names_the_fault(grader, answer):
    assert score(grader, part(CHANNEL, polarity="negative"), answer) == 2


@pytest.mark.parametrize("answer", [
    "客人的要求从前台传到了餐厅",
    "前台的信息都能传到餐厅",
])
def test_a_complement_that_stands_does_not(grader, answer):
    assert score(grader, part(CHANNEL, polarity="negative"), answer) == 0


def test_a_potential_complement_denies_only_its_own_verb(grader):
    # 听不懂的地方要问清楚: the potential negative belongs to 听懂, not to the asking after it.
    ask = part([["问清楚", "询问"]], prompt=ACTS)
    assert score(grader, ask, "听不懂的地方要问清楚") == 2
    # On a positive point the complement's denial refuses its own verb.
    assert score(grader, part([["传到"]], prompt=ACTS), "信息传不到餐厅") == 0


# c. Harms in everyday words --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [
    "退房费这些补偿酒店会亏钱",
    "给周女士补偿会让酒店赔本",
    "补偿会赔钱，还会砸了酒店的招牌",
])
def test_an_act_named_as_a_loss_of_money_earns_nothing(grader, answer):
    assert score(grader, part([["补偿"]], prompt=ACTS), answer) == 0


@pytest.mark.parametrize("answer", [
    "不给补偿酒店会亏钱",  # the act negated: the loss of not doing it
    "适当补偿，避免酒店亏钱",
])
def test_a_loss_avoided_keeps_the_point(grader, answer):
    assert score(grader, part([["补偿"]], prompt=ACTS), answer) == 2
