"""Opposite-meaning answers, round 13: the right words used to refuse or reverse the key point."""
import pytest

from tests.grading.rubrics import one_point_part as part, score

METHOD = part([["方式"], ["回复", "确定"]], "请简述在工单中记录客户回复要求时应注意的事项。")
PRICE = part([["价格"]], "你会怎样接待这位顾客？")
APOLOGY = part([["道歉"]], "你会怎样处理？")


# A topic fronted before a refusal of doing it with someone (不必 + 跟客户 + a verb closing the clause), the topic a
# list too.
@pytest.mark.parametrize("p, answer", [
    (METHOD, "回复方式和电话也不必跟客户确定，默认打回来电就行。"),
    (METHOD, "回复方式也不用跟客户确定。"),
    (PRICE, "价格和优惠就别跟顾客提了。"),
])
def test_a_fronted_topic_refused_does_not_earn(grader, p, answer):
    assert score(grader, p, answer) == 0


@pytest.mark.parametrize("p, answer", [
    (METHOD, "回复方式和电话都要跟客户确定，不必猜。"),
    (METHOD, "回复方式要跟客户确定，不用跟领导请示。"),
    (METHOD, "回复方式不必跟客户反复确定，确定一次就行。"),
    (PRICE, "价格要跟顾客讲清楚，别的不用跟他提。"),
    (APOLOGY, "道歉和赔偿都要做到。"),
])
def test_the_topic_asked_for_keeps_the_point(grader, p, answer):
    assert score(grader, p, answer) == 2


PLACE = part([["苍蝇"], ["哪里", "地点"]], "在与顾客沟通的过程中，应当重点向她询问哪些问题？")
REFUND = part([["退款"]], "你会怎样处理？")


# A sentence that fronts a topic (至于, 关于 …) and closes in a bare refusal of dealing with it.
@pytest.mark.parametrize("p, answer", [
    (PLACE, "至于苍蝇是在哪里发现的、酸奶盒开没开，这些细节问了会让顾客觉得我们怀疑她，最好不要问。"),
    (PLACE, "至于苍蝇在哪里发现的，就不用问了。"),
    (REFUND, "关于退款，顾客没提，这个最好别提。"),
])
def test_a_fronted_topic_closed_by_a_refusal_does_not_earn(grader, p, answer):
    assert score(grader, p, answer) == 0


@pytest.mark.parametrize("p, answer", [
    (PLACE, "至于苍蝇是在哪里发现的，一定要问清楚。"),
    (PLACE, "至于苍蝇是在哪里发现的、酸奶盒开没开，这些都要问清楚，别让她等。"),
    (PLACE, "苍蝇是在哪里发现的要问清楚，别的细节最好不要问。"),
    (REFUND, "至于退款，要尽快办，别让她等。"),
])
def test_a_fronted_topic_acted_on_keeps_the_point(grader, p, answer):
    assert score(grader, p, answer) == 2


# "It can be spared" (可以省掉, 可以免了), after the trainee's opinion (我看) too, in the act's clause or as a clause of its own.
@pytest.mark.parametrize("answer", [
    "道歉这一步我看可以免了，超订在酒店行业是常态。",
    "道歉这一步，我看可以省掉。",
    "道歉完全可以省去。",
])
def test_a_step_said_to_be_spared_does_not_earn(grader, answer):
    assert score(grader, APOLOGY, answer) == 0


@pytest.mark.parametrize("answer", [
    "道歉这一步不能省掉。",
    "先道歉，可以省掉很多口舌。",
    "道歉可以省去很多麻烦。",
    "道歉这一步省不得。",
])
def test_a_step_not_to_be_spared_keeps_the_point(grader, answer):
    assert score(grader, APOLOGY, answer) == 2


MANNER = part([["说话方式"]], "从中可以得到哪些启示？企业应怎样认识和对待顾客投诉？")


# "It does not matter; what counts is …": the turn to what counts confirms the dismissal.
@pytest.mark.parametrize("p, answer", [
    (MANNER, "说话方式不重要，关键看规定。"),
    (MANNER, "处理人员说话方式无所谓，关键是坚持原则。"),
    (APOLOGY, "道歉无所谓，关键是赔钱。"),
])
def test_unimportant_then_what_counts_does_not_earn(grader, p, answer):
    assert score(grader, p, answer) == 0


@pytest.mark.parametrize("p, answer", [
    (MANNER, "说话方式很重要，关键是态度要诚恳。"),
    (MANNER, "顾客生气很正常，关键是要注意说话方式。"),
    (MANNER, "说话方式不重要吗？关键看怎么说。"),
    (APOLOGY, "先道歉，钱多钱少无所谓，关键是态度。"),
])
def test_what_counts_after_another_verdict_keeps_the_point(grader, p, answer):
    assert score(grader, p, answer) == 2


SECRECY = part([["保密"]], "假如你就是这位坐席员，接下来应当怎样处理？")


# A topic named in a clause of its own (…这个问题, …这件事), then a bare refusal of doing it with someone.
@pytest.mark.parametrize("answer", [
    "客户资料保不保密这个问题，我看没必要跟他解释，越解释越像心虚。",
    "资料保密这件事，不用跟客户说。",
])
def test_a_topic_then_a_refusal_with_whom_does_not_earn(grader, answer):
    assert score(grader, SECRECY, answer) == 0


@pytest.mark.parametrize("answer", [
    "先说明资料是保密的，没必要跟他争。",
    "资料保密这个问题，一定要跟他解释清楚。",
    "资料保密这个问题，要跟他讲，不用跟他吵。",
])
def test_an_act_then_another_refused_keeps_the_point(grader, answer):
    assert score(grader, SECRECY, answer) == 2


NEW_PRODUCT = part([["新产品开发"]], "企业应把重点放在哪里？这类流程通常包括哪些，各起什么作用？")
QUALITY = part([["服务质量"]], "提高服务质量可以采取哪些措施？")


# Someone else's job, the party named by its function (销售, 研发, 基层员工 …) rather than a department noun.
@pytest.mark.parametrize("p, answer", [
    (NEW_PRODUCT, "顾客开发、新产品开发那些是销售和研发的事。"),
    (QUALITY, "提高服务质量是基层员工的事，高层不必亲自过问。"),
])
def test_a_job_handed_to_a_function_does_not_earn(grader, p, answer):
    assert score(grader, p, answer) == 0


@pytest.mark.parametrize("p, answer", [
    (NEW_PRODUCT, "新产品开发不只是研发的事，客服也要参与。"),
    (NEW_PRODUCT, "新产品开发是我们大家的事。"),
    (QUALITY, "提高服务质量不是基层员工的事，是全员的事。"),
])
def test_a_job_shared_keeps_the_point(grader, p, answer):
    assert score(grader, p, answer) == 2


TITLE = part([["标题", "日期"]], "一份完整的客户服务计划书由哪几部分构成？")


# "It may be left out" (可以不写, 可写可不写, 不用写) closing the clause or as a clause of its own.
@pytest.mark.parametrize("answer", [
    "标题、落款这些是形式，可以不写。",
    "标题可写可不写。",
    "日期系统里有，不用写。",
])
def test_a_part_left_out_does_not_earn(grader, answer):
    assert score(grader, TITLE, answer) == 0


@pytest.mark.parametrize("answer", [
    "标题不可以不写。",
    "标题必须写，可以不写副标题。",
    "日期要写上，不用写得太细。",
])
def test_a_part_kept_keeps_the_point(grader, answer):
    assert score(grader, TITLE, answer) == 2


JARGON = part([["专业术语"]], "影响倾听的障碍因素有哪些？")
PROFIT = part([["利润率"]], "制定服务价格策略，企业要把哪些因素考虑进去？", text="合理的利润率")
PROFIT_PLAIN = part([["利润率"]], "制定服务价格策略，企业要把哪些因素考虑进去？", text="利润率")


# "The more the better" after a mention: praise of a barrier where the part asks for barriers, and the extreme where the
# point asks for measure.
@pytest.mark.parametrize("p, answer", [
    (JARGON, "专业术语越多越好，说明客户懂行。"),
    (PROFIT, "利润率越高越好，不必讲什么合理。"),
])
def test_the_more_the_better_does_not_earn(grader, p, answer):
    assert score(grader, p, answer) == 0


@pytest.mark.parametrize("p, answer", [
    (JARGON, "专业术语不是越多越好，客户听不懂。"),
    (JARGON, "客户用的专业术语越多，越难听懂。"),
    (PROFIT, "利润率不是越高越好，要合理。"),
    (PROFIT, "要有合理的利润率，回访越及时越好。"),
    (PROFIT_PLAIN, "利润率越高越好。"),
])
def test_the_more_the_better_denied_or_elsewhere_keeps_the_point(grader, p, answer):
    assert score(grader, p, answer) == 2


THESIS_PART = {"points": 6, "prompt": "店员小刘接待投诉顾客的做法有哪些不妥？", "rubric": [
    {"id": "place", "text": "在服务台当场处理，没有请顾客到办公室", "points": 2, "match": [["当场处理", "服务台"]]},
    {"id": "divided", "text": "一边开发票一边接待，不专心", "points": 2, "match": [["开发票"]]},
    {"id": "nails", "text": "指甲油颜色太艳", "points": 2, "match": [["指甲油"]]},
]}


# An opening thesis that praises the staff as a worker (挺接地气, 其实很敬业) bars the reasons that follow, up to a turn.
@pytest.mark.parametrize("answer, earned", [
    ("我觉得小刘挺接地气：在服务台当场处理，大家看得见；边开发票边接待，两头不耽误。", 0),
    ("这个店员其实很敬业：在服务台当场处理；开发票也没停下。唯一的不足是指甲油颜色太艳。", 2),
])
def test_the_staff_praised_in_the_opening_is_a_thesis(grader, answer, earned):
    assert score(grader, THESIS_PART, answer) == earned


@pytest.mark.parametrize("answer", [
    "小刘很敬业，但是在服务台当场处理不妥；一边开发票一边接待也不专心；指甲油颜色太艳。",
    "在服务台当场处理不妥。小刘很敬业，可一边开发票一边接待不专心；指甲油颜色太艳。",
])
def test_praise_undone_or_not_opening_keeps_the_points(grader, answer):
    assert score(grader, THESIS_PART, answer) == 6


SENTENCES = part([["肯定句", "疑问句", "否定句"]], "请简述填写工单时在语言表达方面的技巧。", text="多用肯定句，少用否定句和疑问句")
REPEAT = part([["重复"]], "客户服务代表在应答客户时还应当遵守哪些服务规范？", text="用语简洁，非客户要求不重复")


# What the point forbids, asked for with a recommending frame right before it (多用疑问句, 多重复几遍).
@pytest.mark.parametrize("p, answer", [
    (SENTENCES, "工单里要多用疑问句，给处理部门留思考空间。"),
    (REPEAT, "重要的话多重复几遍，客户没要求也要说。"),
])
def test_the_forbidden_thing_recommended_does_not_earn(grader, p, answer):
    assert score(grader, p, answer) == 0


@pytest.mark.parametrize("p, answer", [
    (SENTENCES, "工单里要多用肯定句，少用否定句和疑问句。"),
    (SENTENCES, "少用疑问句，多用肯定句。"),
    (REPEAT, "非客户要求不重复，重复太多客户会烦。"),
])
def test_the_norm_kept_keeps_the_point(grader, p, answer):
    assert score(grader, p, answer) == 2


TRAINING = part([["培训"]], "卖场管理层应从哪些方面入手，有效地提高服务质量？")


# A step conceded, a turn that gives a reason, then "done in vain" as the clause after it.
def test_a_step_conceded_then_called_in_vain_does_not_earn(grader):
    assert score(grader, TRAINING, "制定服务标准、培训员工这些当然都重要，但说实话卖场员工流动大，培训了也白培训。") == 0


@pytest.mark.parametrize("answer", [
    "培训员工当然重要，但员工流动大，培训要常态化。",
    "培训员工，但员工流动大，培训了也要坚持。",
])
def test_a_step_kept_after_the_reason_keeps_the_point(grader, answer):
    assert score(grader, TRAINING, answer) == 2


ELEMENTS = {"points": 6, "prompt": "服务质量由哪些要素构成？", "rubric": [
    {"id": "technical", "text": "技术质量：服务过程的产出，顾客得到了什么", "points": 2,
     "match": [["技术质量"], ["技术质量", "得到了什么", "结果"]]},
    {"id": "functional", "text": "职能质量：服务过程中员工的行为、态度、仪表等带来的感受", "points": 2,
     "match": [["职能质量"], ["职能质量", "态度", "仪表"]]},
    {"id": "image", "text": "形象质量：企业在公众心目中的总体形象", "points": 2,
     "match": [["形象质量"], ["形象质量", "公众"]]},
]}
METHODS = {"points": 4, "prompt": "评估员工客户服务绩效的主要方法有哪些？", "rubric": [
    {"id": "ranking", "text": "排序法", "points": 2, "match": [["排序", "排名"]]},
    {"id": "critical", "text": "关键事件法", "points": 2, "match": [["关键事件"]]},
]}


# A concept named and given another meaning: the definition's sentence earns nothing.
@pytest.mark.parametrize("p, answer, earned", [
    (ELEMENTS, "技术质量指的是员工的态度和仪表；职能质量是顾客最后得到了什么结果；形象质量是公众对企业的印象。", 2),
    (METHODS, "排序法是按员工工号排；关键事件法是出了大事故才评估。", 0),
])
def test_a_concept_misdefined_does_not_earn(grader, p, answer, earned):
    assert score(grader, p, answer) == earned


@pytest.mark.parametrize("p, answer, earned", [
    (ELEMENTS, "服务质量包括技术质量，就是顾客最后得到了什么；职能质量，就是员工的态度、仪表给顾客的感受；还有形象质量。", 6),
    (ELEMENTS, "技术质量是很重要的，职能质量也是。", 4),
    (METHODS, "排序法是最简单的方法，关键事件法是记录员工工作中的关键事件。", 4),
    (METHODS, "排序法就是把员工按绩效从高到低排名次。", 2),
])
def test_a_concept_defined_or_judged_keeps_the_point(grader, p, answer, earned):
    assert score(grader, p, answer) == earned


# On a part that asks for faults, the fault justified by what it makes easy (方便 + an act, 便于 …, 走动起来方便).
SNEAKERS = part([["运动鞋"]], "小赵在仪容仪表上有哪些不符合服务礼仪的地方？")


@pytest.mark.parametrize("answer", [
    "小赵穿运动鞋方便在大厅走动。",
    "小赵穿运动鞋，走动起来方便。",
    "穿运动鞋便于走动。",
])
def test_a_fault_justified_by_convenience_does_not_earn(grader, answer):
    assert score(grader, SNEAKERS, answer) == 0


@pytest.mark.parametrize("answer", [
    "小赵穿运动鞋，不方便走动也不规范。",
    "小赵穿着运动鞋，不符合规范。",
    "穿运动鞋上班，图自己方便，不符合礼仪。",
])
def test_a_fault_named_with_convenience_refused_keeps_the_point(grader, answer):
    assert score(grader, SNEAKERS, answer) == 2


# On a part that asks for acts, "too dear" closes the clause like the other condemnations (成本太高, 代价太大), and 不太现实
# like 不现实; a concession (虽然/尽管 + the verdict) leaves the act standing.
CHANNELS = part([["多渠道"]], "停水通知应当怎样发布？")


@pytest.mark.parametrize("answer", [
    "短信、公告、公众号多渠道发成本太高。",
    "多渠道通知，代价太大。",
    "多渠道通知不太现实。",
])
def test_an_act_called_too_dear_or_unrealistic_does_not_earn(grader, answer):
    assert score(grader, CHANNELS, answer) == 0


@pytest.mark.parametrize("answer", [
    "要多渠道通知，虽然成本太高。",
    "要多渠道通知，尽管太麻烦。",
    "要多渠道通知，成本不会太高。",
])
def test_an_act_kept_despite_its_cost_earns(grader, answer):
    assert score(grader, CHANNELS, answer) == 2


# A friendly look praised with a word or two between (显得放松亲切, 显得更亲切) on a part that asks for faults.
LEANING = part([["靠着柜台"]], "小赵在言谈举止上有哪些不符合服务礼仪的地方？")


@pytest.mark.parametrize("answer, earned", [
    ("斜靠着柜台、手插兜显得放松亲切。", 0),
    ("斜靠着柜台显得更亲切。", 0),
    ("斜靠着柜台显得不自然。", 2),
    ("斜靠着柜台，显得很随便，不礼貌。", 2),
])
def test_a_fault_praised_as_looking_friendly(grader, answer, earned):
    assert score(grader, LEANING, answer) == earned
