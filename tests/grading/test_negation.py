"""Negated mentions, false negators, double negation, in Chinese and English."""

from tests.grading.rubrics import score

APOLOGY = {"points": 2, "rubric": [{"id": "apologize", "text": "道歉", "points": 2, "match": ["道歉"]}]}
NO_RELOCATION = {
    "points": 4,
    "rubric": [
        {
            "id": "no-relocation",
            "text": "没有把顾客请离现场",
            "points": 4,
            "polarity": "negative",
            "match": [["带离", "请离", "请到"], ["现场", "人群"]],
        }
    ],
}
NO_APOLOGY = {
    "points": 2,
    "rubric": [{"id": "no-apology", "text": "没有道歉", "points": 2, "polarity": "negative", "match": ["道歉"]}],
}


def test_positive_point_not_earned_by_negated_mention(grader):
    assert score(grader, APOLOGY, "不要道歉") == 0
    assert score(grader, APOLOGY, "店员没有及时向顾客道歉") == 0
    assert score(grader, APOLOGY, "切勿道歉") == 0
    assert score(grader, APOLOGY, "应该马上道歉") == 2


def test_negated_mention_sets_the_point_flag_without_review_when_the_refusal_is_consistent(grader):
    # Nothing else earned: the answer refuses the act, and the grade (0) is not in doubt (test_review_reasons has
    # the mixed answers that go to an instructor).
    result = grader.grade(APOLOGY, "不要道歉")
    assert result.points[0].negated
    assert "review" not in result.flags


def test_negative_point_earned_only_by_negated_mention(grader):
    assert score(grader, NO_APOLOGY, "店员没有道歉") == 2
    assert score(grader, NO_APOLOGY, "店员未向顾客道歉") == 2
    assert score(grader, NO_APOLOGY, "店员向顾客道歉了") == 0
    assert score(grader, NO_RELOCATION, "店员没有将顾客带离现场，造成围观") == 4
    assert score(grader, NO_RELOCATION, "店员把顾客带离现场") == 0
    point = grader.grade(NO_RELOCATION, "没有把顾客请离现场").points[0]
    assert point.negated and point.earned == 4


def test_false_negators_do_not_negate(grader):
    assert score(grader, APOLOGY, "不断道歉") == 2
    assert score(grader, APOLOGY, "不仅道歉，还要补偿") == 2
    assert score(grader, APOLOGY, "无论如何都要道歉") == 2
    assert score(grader, APOLOGY, "毫无疑问应该道歉") == 2
    assert score(grader, APOLOGY, "尽快道歉") == 2
    assert score(grader, NO_APOLOGY, "不断道歉") == 0


def test_double_negation_is_positive(grader):
    assert score(grader, APOLOGY, "不能不道歉") == 2
    assert score(grader, APOLOGY, "不要忘记道歉") == 2
    assert score(grader, APOLOGY, "别忘了道歉") == 2
    assert score(grader, NO_APOLOGY, "不要忘记道歉") == 0
    assert score(grader, NO_APOLOGY, "忘记道歉") == 2


def test_omission_verbs_negate(grader):
    assert score(grader, NO_APOLOGY, "店员忽视了道歉") == 2
    part = {"points": 2, "rubric": [{"id": "l", "text": "倾听", "points": 2, "match": ["倾听"]}]}
    assert score(grader, part, "务必不要忽视倾听") == 2


def test_negation_stays_in_its_clause(grader):
    assert score(grader, APOLOGY, "不要推诿，马上道歉") == 2
    assert score(grader, APOLOGY, "不是解释，而是道歉") == 2


def test_english_negation(grader):
    assert score(grader, APOLOGY, "Do not apologize") == 0
    assert score(grader, APOLOGY, "The clerk didn't apologize") == 0
    assert score(grader, APOLOGY, "She never said sorry") == 0
    assert score(grader, APOLOGY, "He failed to apologize") == 0
    assert score(grader, APOLOGY, "Don't forget to apologize") == 2
    assert score(grader, APOLOGY, "Not only apologize but also refund") == 2
    assert score(grader, NO_APOLOGY, "The clerk left without an apology... without apologizing") == 2
    assert score(grader, NO_APOLOGY, "The clerk apologized") == 0


def test_prepositional_object_is_not_negated(grader):
    part = {"points": 2, "rubric": [{"id": "f", "text": "首结点", "points": 2, "match": ["第一个节点"]}]}
    assert score(grader, part, "无需对第一个节点进行特殊处理") == 2


def test_a_point_of_view_after_a_preposition_is_refused_with_the_act(grader):
    # 从顾客的角度 says how the act is done: 没必要 / 用不着 before 从 refuse it (adversarial_dev7), an object does not.
    view = {"points": 3, "rubric": [{"id": "view", "text": "从顾客的角度审视流程", "points": 3,
                                      "match": [["顾客的角度", "顾客的立场"], ["流程"]]}]}
    assert score(grader, view, "用不着从顾客的角度去审视流程。") == 0
    assert score(grader, view, "流程没必要以顾客的立场来设计。") == 0
    assert score(grader, view, "不仅从企业的角度，还要从顾客的角度审视流程。") == 3
    assert score(grader, view, "设计流程时一定要从顾客的角度出发。") == 3


def test_rubric_that_matches_negators_itself(grader):
    few = {
        "points": 2,
        "rubric": [{"id": "few", "text": "很少插入删除", "points": 2, "match": [["插入", "删除"], ["很少", "不需要", "不涉及"]]}],
    }
    assert score(grader, few, "不需要插入和删除的时候") == 2
    assert score(grader, few, "很少插入删除") == 2
    assert score(grader, few, "需要频繁插入删除") == 0
    wrong = {"points": 2, "rubric": [{"id": "w", "text": "错误", "points": 2, "match": [["错误", "错", "不正确"]]}]}
    assert score(grader, wrong, "不正确。") == 2
    assert score(grader, wrong, "正确，没有错") == 0


def test_negator_glued_to_a_modal_adverb_still_negates(grader):
    avoid_dispute = {"points": 2, "rubric": [{"id": "no-dispute", "text": "避免有争议的问题", "points": 2,
                                              "polarity": "negative", "match": [["争议"]]}]}
    assert score(grader, avoid_dispute, "尽量避免提问有争议的问题") == 2
    assert score(grader, avoid_dispute, "千万别问有争议的问题") == 2
    assert score(grader, avoid_dispute, "多问有争议的问题") == 0
    assert score(grader, APOLOGY, "千万不要道歉") == 0


def test_words_of_discontent_do_not_negate(grader):
    affects_others = {"points": 2, "rubric": [{"id": "others", "text": "影响其他顾客", "points": 2,
                                               "match": [["影响"], ["其他顾客", "别的顾客"]]}]}
    assert score(grader, affects_others, "不良情绪会影响其他顾客") == 2
    assert score(grader, affects_others, "顾客的不满会影响其他顾客") == 2
    assert score(grader, affects_others, "不会影响其他顾客") == 0


def _point(term):
    return {"points": 2, "rubric": [{"id": "p", "text": term, "points": 2, "match": [term]}]}


def test_modal_verb_opens_a_new_predicate(grader):
    # The negator belongs to the condition (不想用了), not to what is recommended after 可以/要.
    assert score(grader, _point("转给"), "不想用了可以转给亲戚朋友") == 2
    assert score(grader, _point("回访"), "没有解决的问题要及时回访") == 2
    assert score(grader, _point("道歉"), "不满意的顾客要先道歉") == 2
    # A negated modal keeps the scope: the recommendation itself is refused.
    assert score(grader, _point("道歉"), "不应该马上道歉") == 0
    assert score(grader, _point("道歉"), "不需要道歉") == 0
    assert score(grader, _point("道歉"), "不能马上道歉") == 0


def test_negator_inside_de_modifier_does_not_reach_the_verb(grader):
    assert score(grader, _point("问清楚"), "不懂的地方问清楚") == 2
    assert score(grader, _point("回访"), "未解决的问题回访客户") == 2
    # ... but a negator that takes the whole noun phrase as its object still does.
    assert score(grader, _point("时限"), "没有明确的处理时限") == 0
    assert score(grader, _point("需求"), "忽视客户的真实需求") == 0
    assert score(grader, _point("道歉"), "没有真诚的道歉") == 0
    no_limit = {"points": 2, "rubric": [{"id": "t", "text": "没有时限", "points": 2, "polarity": "negative",
                                         "match": [["时限", "期限"]]}]}
    assert score(grader, no_limit, "没有规定受理投诉的时限") == 2


def test_whole_de_phrase_term_is_not_a_negator(grader):
    part = {"points": 2, "rubric": [{"id": "c", "text": "问清", "points": 2,
                                     "match": [["问清"], ["地方", "不懂的地方"]]}]}
    assert score(grader, part, "不懂的地方问清楚") == 2


def test_fei_prefix_modifies_a_noun_and_negates_nothing(grader):
    edit = {"points": 1, "rubric": [{"id": "e", "text": "增删", "points": 1, "match": [["增删"]]}]}
    assert score(grader, edit, "对非空表进行增删") == 1
    assert score(grader, edit, "在非结尾处进行增删") == 1
    assert score(grader, APOLOGY, "并没有道歉") == 0  # 并…没有 still negates


def test_a_negator_in_the_reason_does_not_negate_the_act(grader):
    assert score(grader, APOLOGY, "为送货不及时道歉") == 2
    assert score(grader, APOLOGY, "为经理的不当言辞道歉") == 2
    assert score(grader, APOLOGY, "不为小事道歉") == 0  # the negator stands before the reason: it reaches the act
    assert score(grader, APOLOGY, "没有向顾客道歉") == 0


def test_a_not_a_questions_do_not_negate(grader):
    recover = {"points": 1, "rubric": [{"id": "r", "text": "r", "points": 1, "match": [["收回"]]}]}
    assert score(grader, recover, "要看投入能不能收回成本") == 1
    assert score(grader, recover, "投入不能收回成本") == 0


def test_a_result_clause_opens_a_new_predicate(grader):
    bigger = {"points": 1, "rubric": [{"id": "b", "text": "b", "points": 1, "match": [["闹大"]]}]}
    assert score(grader, bigger, "稍不注意就会把事情闹大") == 1


def test_another_rubrics_term_does_not_hide_a_negator():
    # 还没说完 is a term of another part; as one dictionary word it would hide its 没 from this point's check
    from app.grading import Grader

    finish = {"points": 1, "rubric": [{"id": "f", "text": "f", "points": 1, "match": [["说完"]]}]}
    other = {"points": 1, "rubric": [{"id": "o", "text": "o", "points": 1, "match": [["还没说完"]]}]}
    grader = Grader({}, parts=[finish, other])
    assert grader.grade(finish, "客户话还没说完就被打断了").score == 0
    assert grader.grade(other, "客户话还没说完就被打断了").score == 1


def test_a_negator_of_another_subject_does_not_cancel_this_one(grader):
    retain = {"points": 1,
              "rubric": [{"id": "r", "text": "没有挽留", "points": 1, "polarity": "negative", "match": [["挽留"]]}]}
    assert score(grader, retain, "客户说不注销了她也没挽留") == 1
    assert score(grader, APOLOGY, "他没有向客户道歉") == 0


def test_negators_jieba_glues_or_hides(grader):
    ask = {"points": 1, "rubric": [{"id": "a", "text": "a", "points": 1, "match": [["征求"]]}]}
    assert score(grader, ask, "制定时未征求业主意见") == 0  # 时未 carries the negator
    solve = {"points": 1, "rubric": [{"id": "s", "text": "s", "points": 1, "match": [["解决"]]}]}
    assert score(grader, solve, "停车位不足要想办法解决") == 1  # 不足 is an adjective of lack, like 不满
    survey = {"points": 1, "rubric": [{"id": "q", "text": "q", "points": 1, "match": [["问"]]}]}
    assert score(grader, survey, "管理人员对满意度不过问") == 0  # 不过问, not 不过 (however)


PASSING = {"points": 1, "rubric": [{"id": "passing", "text": "各部门相互推诿", "points": 1, "match": [["推诿", "互相推"]]}]}
TANGIBLE = {"points": 1, "rubric": [{"id": "tangible", "text": "有形因素", "points": 1, "match": [["有形", "设施"]]}]}
VIEW = {"points": 1, "rubric": [{"id": "view", "text": "从顾客角度审视流程", "points": 1,
                                 "match": [["顾客角度"], ["流程", "价值"]]}]}
CALLBACK = {"points": 1, "rubric": [{"id": "callback", "text": "回电话", "points": 1, "match": [["回电话", "回电"]]}]}
NO_OWNER = {"points": 1, "rubric": [{"id": "no-owner", "text": "没有专人管投诉", "points": 1, "polarity": "negative",
                                     "match": [["专人"]]}]}
WATER = {"points": 1, "rubric": [{"id": "water", "text": "安排送水车", "points": 1, "match": [["送水车", "送水"]]}]}


def test_a_verdict_closing_the_clause_waves_its_fault_away(grader):
    assert score(grader, PASSING, "部门之间互相推诿很正常，哪家公司都这样") == 0
    assert score(grader, PASSING, "投诉拖了三个月，部门互相推诿也不算什么问题") == 0
    assert score(grader, PASSING, "部门之间互相推诿很不正常") == 1
    assert score(grader, PASSING, "部门之间互相推诿很正常吗？当然不正常") == 1
    assert score(grader, PASSING, "部门之间互相推诿看似很正常，但是顾客最反感") == 1


def test_a_dismissal_closing_the_clause_covers_what_the_clause_names(grader):
    assert score(grader, TANGIBLE, "有形因素、环境设施这些根本不重要") == 0
    assert score(grader, TANGIBLE, "有形因素很重要，环境设施要整洁") == 1
    assert score(grader, VIEW, "从顾客角度审视流程没什么意义") == 0
    assert score(grader, VIEW, "要从顾客角度审视流程有没有价值") == 1
    assert score(grader, VIEW, "不能说从顾客角度审视流程没什么意义") == 1


def test_it_does_not_matter_waves_away_a_fault_not_an_act(grader):
    assert score(grader, CALLBACK, "晚点回电话也没什么") == 0
    assert score(grader, CALLBACK, "多打一次回电话也没关系，客户会觉得受重视") == 1
    assert score(grader, NO_OWNER, "没有专人管投诉，所以拖了三个月") == 1
    assert score(grader, NO_OWNER, "没有专人管投诉也没什么") == 0


def test_a_bare_dismissal_in_the_next_clause_covers_the_clause_before(grader):
    assert score(grader, WATER, "送水车成本太高，不用安排") == 0
    assert score(grader, WATER, "送水车开销太大，用不着") == 0
    assert score(grader, WATER, "送水车，我看没必要") == 0
    assert score(grader, WATER, "送水车成本虽然高，还是要安排") == 1
    assert score(grader, WATER, "送水车一定要安排，别的不用管") == 1
    assert score(grader, WATER, "送水车要安排好，不用着急") == 1
    assert score(grader, WATER, "这很正常吗？不，送水车一定要安排") == 1


def test_pointless_waves_away_every_part_of_the_clause(grader):
    win_back = {"points": 1, "rubric": [{"id": "win-back", "text": "回访久未消费的会员", "points": 1,
                                         "match": [["三个月", "很久没"], ["回访", "召回"]]}]}
    assert score(grader, win_back, "三个月没来的老会员，专门回访完全是浪费") == 0
    assert score(grader, win_back, "三个月没来的老会员要专门回访") == 1
    anger = {"points": 1, "rubric": [{"id": "calm", "text": "安抚", "points": 1, "match": [["道歉"], ["生气", "着急"]]}]}
    assert score(grader, anger, "顾客生气很正常，我们先道歉") == 1


def test_cannot_be_done_and_looks_like_an_admission(grader):
    parking = {"points": 1, "rubric": [{"id": "parking", "text": "解决停车", "points": 1,
                                        "match": [["停车"], ["解决", "改善"]]}]}
    assert score(grader, parking, "停车难是位置决定的，想解决也解决不了") == 0
    assert score(grader, parking, "停车难一定要解决，想办法租车位") == 1
    assert score(grader, APOLOGY, "道歉就显得我们心虚了") == 0
    assert score(grader, APOLOGY, "不道歉就显得我们没有诚意") == 0
    assert score(grader, APOLOGY, "真诚道歉显得我们有担当") == 2
    assert score(grader, APOLOGY, "道歉就免了，让她自己去找经销商") == 0


def test_common_everywhere_normalises(grader):
    reviews = {"points": 1, "rubric": [{"id": "consequence", "text": "差评损害口碑", "points": 1,
                                        "match": [["差评"], ["口碑", "声誉"]]}]}
    assert score(grader, reviews, "差评网上到处都是，对口碑影响不大") == 0
    assert score(grader, reviews, "差评会损害酒店的口碑") == 1


def test_the_act_as_a_harm(grader):
    retain = {"points": 1, "rubric": [{"id": "retain", "text": "挽留客户", "points": 1, "match": [["挽留", "回访"]]}]}
    assert score(grader, retain, "挽留他反而显得我们死缠烂打") == 0
    assert score(grader, retain, "回访反而会惹顾客烦") == 0
    assert score(grader, retain, "回访纯属添乱") == 0
    assert score(grader, retain, "主动回访反而能赢得信任") == 1
    assert score(grader, retain, "不挽留反而会激怒客户") == 1
    assert score(grader, APOLOGY, "道歉只会适得其反") == 0


SHEET = {"id": "sheet", "text": "评分表笼统", "points": 1, "match": [["评分表"], ["简单", "笼统"]]}


def test_praise_closing_a_clause_denies_a_fault_the_part_asks_for(grader):
    faults = {"points": 1, "prompt": "该中心的质检工作存在哪些问题？", "rubric": [SHEET]}
    assert score(grader, faults, "评分表只有两项，简单明了也挺好") == 0
    assert score(grader, faults, "评分表只有两项，太简单笼统") == 1
    assert score(grader, faults, "评分表两项简单明了也挺好，但是打分全凭个人理解") == 1
    assert score(grader, faults, "评分表只有两项太简单，这样挺好吗？") == 1
    # where the part does not ask for faults, praise is not read against the point
    design = {"points": 1, "prompt": "请设计一套质检方案。", "rubric": [SHEET]}
    assert score(grader, design, "评分表只有两项，简单明了也挺好") == 1


DIVIDED = {"id": "divided", "text": "一边开发票一边接待，一心二用", "points": 1,
           "match": [["一心二用", "一边", "边开"], ["一心二用", "发票", "接待"]]}


def test_praise_or_a_refusing_question_in_a_clause_after_the_fault_denies_it(grader):
    faults = {"points": 1, "prompt": "店员的做法有哪些不妥？", "rubric": [DIVIDED]}
    for defence in ("这叫效率高。", "挺高效的。", "这样挺好。", "没什么问题。", "有什么不对？", "怎么能算一心二用？",
                    "顾客也在场，这叫会办事。"):
        assert score(grader, faults, "小刘一边开发票一边接待，" + defence) == 0, defence
    for criticism in ("这是一心二用。", "这怎么行？", "难道这样做对吗？", "挺高效的，但是顾客被冷落了。",
                      "看起来挺高效，其实是一心二用。"):
        assert score(grader, faults, "小刘一边开发票一边接待，" + criticism) == 1, criticism
    assert score(grader, faults, "小刘一边开发票一边接待。挺高效的是别的店员。") == 1  # another sentence
    # where the part does not ask for faults, praise after what the clause names is not read against it
    acts = {"points": 1, "prompt": "店员应该怎样接待？", "rubric": [DIVIDED]}
    assert score(grader, acts, "小刘可以一边开发票一边接待，这叫效率高。") == 1


def test_a_negated_predicate_after_its_object_in_one_clause_is_not_earned(grader):
    coat = {"points": 1, "rubric": [{"id": "coat", "text": "打折羽绒服应予退货", "points": 1,
                                     "match": [["羽绒服", "打折"], ["可以退", "能退"]]}]}
    assert score(grader, coat, "打折的羽绒服不能退") == 0
    assert score(grader, coat, "打折的羽绒服不能拒绝，可以退") == 1
    assert score(grader, coat, "打折的羽绒服一样可以退") == 1


def test_a_verdict_followed_by_what_to_do_is_not_a_dismissal(grader):
    cause = {"points": 1, "rubric": [{"id": "cause", "text": "粗鲁背后有原因", "points": 1,
                                      "match": [["原因", "事出有因"], ["骂", "粗鲁"]]}]}
    assert score(grader, cause, "客户骂人背后往往有原因，这很正常，我们要包容") == 1
    assert score(grader, cause, "客户骂人背后往往有原因，这很正常，所以要先问清楚") == 1
    assert score(grader, cause, "客户骂人背后有什么原因，这不重要") == 0


def test_a_negated_verb_with_the_mention_as_its_object_still_lets_the_act_stand(grader):
    register = {"points": 1, "rubric": [{"id": "register", "text": "登记并查找原因", "points": 1,
                                         "match": [["登记", "查找"], ["原因", "进度"]]}]}
    assert score(grader, register, "登记后不查找原因是不行的") == 1


def test_optional_or_put_off_and_spoiling_the_customer(grader):
    assert score(grader, CALLBACK, "回电话这一步可有可无") == 0
    assert score(grader, CALLBACK, "回电话的事以后再说") == 0
    assert score(grader, CALLBACK, "先回电话，再说明原因") == 1
    assert score(grader, APOLOGY, "向她道歉会让她得寸进尺") == 0
    assert score(grader, APOLOGY, "不道歉只会让她更生气") == 2


def test_a_question_refused_by_the_next_sentence(grader):
    assert score(grader, WATER, "安排送水车？没必要。") == 0
    assert score(grader, WATER, "要不要安排送水车？当然要。") == 1
    assert score(grader, PASSING, "部门之间互相推诿？没有的事。") == 0
    chance = {"points": 1, "rubric": [{"id": "chance", "text": "投诉是机会", "points": 1, "match": [["投诉"], ["机会"]]}]}
    assert score(grader, chance, "投诉是改进的机会？没有的事。") == 0
    assert score(grader, chance, "投诉是坏事吗？不是，投诉是改进的机会。") == 1


def test_waste_as_a_consequence_is_not_a_dismissal(grader):
    staff = {"points": 1, "rubric": [{"id": "staff", "text": "按预测排班", "points": 1, "match": [["排班"], ["预测"]]}]}
    assert score(grader, staff, "排班要按预测来，否则要么人手不足，要么排班过多造成浪费。") == 1
    assert score(grader, staff, "按预测排班完全是浪费时间") == 0
    loss = {"points": 1, "rubric": [{"id": "loss", "text": "客户流失", "points": 1, "match": [["流失"]]}]}
    assert score(grader, loss, "为了省事让客户流失，不值得。") == 1  # a trade-off judged, not the point dismissed


def test_it_is_normal_waves_away_every_group_of_its_clause(grader):
    leak = {"points": 1, "rubric": [{"id": "password", "text": "询问密码是否被他人知道", "points": 1,
                                     "match": [["密码"], ["泄露", "别人"]]}]}
    assert score(grader, leak, "资料泄露很正常，您的密码改不改都一样") == 0
    assert score(grader, leak, "资料泄露可不正常，您的密码有没有泄露给别人？") == 1
    assert score(grader, leak, "资料泄露很正常吗？不正常，请问您的密码有没有泄露？") == 1


def test_beside_the_point_let_go_or_all_the_same(grader):
    assert score(grader, APOLOGY, "道歉不是重点，重点是赔钱") == 0
    assert score(grader, APOLOGY, "道歉就算了，直接赔钱") == 0
    assert score(grader, APOLOGY, "道歉是重点，要真诚") == 2
    change = {"points": 1, "rubric": [{"id": "change", "text": "提醒修改密码", "points": 1,
                                       "match": [["修改", "改"], ["密码"]]}]}
    assert score(grader, change, "您的密码改不改都一样") == 0
    steady = {"points": 1, "rubric": [{"id": "steady", "text": "任何时间服务水平一致", "points": 1,
                                       "match": [["服务水平"], ["任何时间", "一样"]]}]}
    assert score(grader, steady, "不管什么时候服务水平都一样") == 1


def test_more_verdicts_freedom_fuss_empty_words(grader):
    dress = {"points": 1, "rubric": [{"id": "dress", "text": "穿运动鞋", "points": 1, "match": [["运动鞋", "耳环"]]}]}
    assert score(grader, dress, "小赵穿运动鞋、戴耳环是个人自由") == 0
    assert score(grader, dress, "小赵穿运动鞋、戴耳环不符合礼仪") == 1
    inspect = {"points": 1, "rubric": [{"id": "inspect", "text": "检验苍蝇", "points": 1, "match": [["检验"], ["苍蝇"]]}]}
    assert score(grader, inspect, "检验苍蝇死亡时间纯属折腾") == 0
    assert score(grader, inspect, "可以请检验部门鉴定苍蝇死亡时间") == 1
    aware = {"points": 1, "rubric": [{"id": "aware", "text": "培训服务意识", "points": 1, "match": [["服务意识"], ["培训"]]}]}
    assert score(grader, aware, "培训服务意识都是空话") == 0
    assert score(grader, aware, "培训服务意识不能是空话，要落到实处") == 1
    assert score(grader, APOLOGY, "道歉也显得超市理亏") == 0
    assert score(grader, APOLOGY, "倾听顾客说完太浪费时间了，道歉就行") == 2


def test_on_a_fault_part_it_does_not_matter_needs_no_fault_word(grader):
    card = {"points": 1, "prompt": "小赵有哪些不符合服务礼仪的地方？",
            "rubric": [{"id": "card", "text": "单手递名片", "points": 1, "match": [["名片"], ["单手"]]}]}
    assert score(grader, card, "名片单手递也无所谓") == 0
    assert score(grader, card, "用手指指方向没什么不礼貌，名片单手递也挺随和的") == 0
    assert score(grader, card, "名片单手递是失礼的") == 1


def test_modal_after_a_negated_verb_jieba_keeps_whole_opens_a_new_predicate(grader):
    # jieba keeps 不服, 不满, 没空 whole: they are the condition (if one disagrees), not a negator of 可以.
    assert score(grader, _point("申诉"), "打完分尽快告诉坐席错在哪，不服可以申诉") == 2
    assert score(grader, _point("投诉"), "业主不满可以投诉") == 2
    assert score(grader, _point("改天"), "没空可以改天再约") == 2
    # A negator of the modal itself still refuses what follows it.
    assert score(grader, _point("申诉"), "不可以申诉") == 0
    assert score(grader, _point("申诉"), "坐席不能申诉") == 0
    assert score(grader, _point("申诉"), "千万不要申诉") == 0


def test_a_distraction_after_contrary_is_a_harm(grader):
    # 边听边记反而分心: the act named as what distracts the agent (examiner_like_dev2, accurate-info opposite).
    notes = {"points": 1, "rubric": [{"id": "notes", "text": "接听时做笔记", "points": 1,
                                      "match": [["边听边记", "做笔记"]]}]}
    assert score(grader, notes, "坐席接电话时边听边记反而分心") == 0
    assert score(grader, notes, "做笔记反而容易走神") == 0
    assert score(grader, notes, "边听边记反而更专心") == 1
    assert score(grader, notes, "坐席接电话时要边听边记，免得分心") == 1


def test_a_set_of_named_items_dismissed_as_excuses_or_self_deception(grader):
    # 口音、术语这些都是借口 / 保持微笑、深呼吸都是自欺欺人: what the clause names is dismissed (examiner_like_dev2).
    accent = {"points": 1, "rubric": [{"id": "accent", "text": "口音障碍", "points": 1, "match": [["口音"]]}]}
    smile = {"points": 1, "rubric": [{"id": "smile", "text": "保持微笑", "points": 1, "match": [["微笑"]]}]}
    assert score(grader, accent, "口音、术语这些都是借口，认真听就能听懂") == 0
    assert score(grader, smile, "什么保持微笑、深呼吸都是自欺欺人") == 0
    assert score(grader, accent, "口音、术语这些不过是借口罢了") == 0
    assert score(grader, accent, "口音这些都是找借口") == 0
    assert score(grader, smile, "保持微笑都是自欺欺人的做法") == 0
    assert score(grader, accent, "客户的地方口音是倾听最常见的障碍") == 1
    assert score(grader, smile, "保持微笑不是自欺欺人，能让自己放松下来") == 1
    # 借口 alone is how trainees name a fault (推给系统只是借口): only "these are all excuses" dismisses
    blame = {"points": 1, "rubric": [{"id": "blame", "text": "推卸责任", "points": 1,
                                      "match": [["推给", "推卸"], ["系统"]]}]}
    assert score(grader, blame, "前台把超订推给系统，只是借口") == 1


def test_a_negator_inside_a_modifier_glued_to_its_head_noun(grader):
    # With the bank's terms learnt, jieba may cut 不开心的事 as 不|开心|的事 (examiner_like_dev2 probes: 把不开心的事忘掉
    # earned nothing on "通话结束后选择性忘记"): the negator still sits inside the modifier.
    from app.grading.negation import is_negated
    assert not is_negated(["下班", "后", "把", "不", "开心", "的事", "忘掉"], 6)
    assert not is_negated(["把", "不", "愉快", "的人", "忘掉"], 4)
    assert is_negated(["没有", "把", "不", "开心", "的事", "忘掉"], 5)  # 没有 takes the whole phrase
    assert is_negated(["不", "开心", "的事", "不要", "忘掉"], 4)
    assert is_negated(["他", "的确", "不", "道歉"], 3)
    forget = {"points": 1, "rubric": [{"id": "forget", "text": "选择性忘记", "points": 1, "match": [["忘掉", "忘记"]]}]}
    assert score(grader, forget, "下班后把不开心的事忘掉。") == 1
    assert score(grader, forget, "下班后没有把不开心的事忘掉。") == 0


def test_a_warning_after_the_act_and_its_object(grader):
    # 站在客户角度考虑问题只会让我们吃亏, 质检结果跟绩效挂钩只会让坐席更有怨气: the act's object (问题) may stand
    # between the act and 只会 (examiner_like_dev2 probes).
    view = {"points": 1, "rubric": [{"id": "view", "text": "站在客户角度考虑问题", "points": 1,
                                     "match": [["角度", "立场"], ["考虑"]]}]}
    visit = {"points": 1, "rubric": [{"id": "visit", "text": "回访", "points": 1, "match": [["回访"]]}]}
    assert score(grader, view, "站在客户角度考虑问题只会让我们吃亏") == 0
    assert score(grader, visit, "回访客户只会让客户更烦") == 0
    assert score(grader, view, "站在客户角度考虑问题，客户才会信任我们") == 1
    assert score(grader, visit, "不回访客户只会让客户流失") == 1
    assert score(grader, visit, "回访客户不只会让客户满意，还能发现问题") == 1


def test_a_rhetorical_why_on_earth_before_a_modal(grader):
    # 凭什么要忘掉 (jieba: 凭|什么|要|忘掉): the modal does not open a new predicate after the rhetorical pair.
    assert score(grader, APOLOGY, "凭什么要道歉") == 0
    assert score(grader, APOLOGY, "受了气就该记着，凭什么要向她道歉。") == 0
    assert score(grader, APOLOGY, "凭什么不道歉？当然要道歉") == 2
    assert score(grader, APOLOGY, "什么时候要道歉？顾客受了损失就要道歉") == 2


def test_words_said_are_not_a_supposition(grader):
    # 多说积极的话，少说消极的话 (examiner_like_dev2 probes): after a verb of saying, X的话 is "words of X", not "if X".
    positive = {"points": 1, "rubric": [{"id": "positive", "text": "使用积极的语言", "points": 1,
                                         "match": [["积极", "正面"], ["的话", "语言"]]}]}
    assert score(grader, positive, "多说积极的话，少说消极的话。") == 1
    assert score(grader, APOLOGY, "见到顾客先说几句道歉的话，顾客会舒服一点。") == 2
    assert score(grader, APOLOGY, "道歉的话，顾客会觉得我们理亏。") == 0
    assert score(grader, APOLOGY, "要是说道歉的话，顾客会觉得我们理亏。") == 0


def test_not_even_with_lian_negates_the_act(grader):
    # 连 + (measure word) + X + 都/也 + negator: "not even X", the 一 dropped as speech does.
    for answer in ("连道歉都没有", "连句道歉都没有", "连声道歉也没有", "连个道歉都没说"):
        assert score(grader, APOLOGY, answer) == 0, answer
        assert score(grader, NO_APOLOGY, answer) == 2, answer
    for answer in ("连忙道歉", "接连道歉了三次"):
        assert score(grader, APOLOGY, answer) == 2, answer


def test_again_after_a_negator_keeps_the_negation(grader):
    # 不用|再|核对: 再 after a negator of will or need is "again", not the "then" that opens a new predicate.
    check = {"points": 2, "rubric": [{"id": "name", "text": "核对客户姓名", "points": 2, "match": [["核对"], ["姓名", "名字"]]}]}
    for answer in ["客户的名字系统里都有，不用再核对。", "不用再核对客户姓名。", "姓名别再核对了。", "名字没有再核对。"]:
        assert score(grader, check, answer) == 0, answer
    for answer in ["先核对客户姓名，有错再改。", "不行再核对一次客户姓名。", "先问清楚，再核对客户姓名。"]:
        assert score(grader, check, answer) == 2, answer


def test_a_harm_with_its_subject_after_contrary(grader):
    # 互相合作反而职责不清, 硬憋着微笑反而伤身体, 发消息反而招来更多电话 (adversarial_dev7): after 反而 the harm may have a
    # subject of its own (职责, 身体) or be something drawn in (招来, 引来); a gain after 反而 still earns.
    cooperate = {"points": 1, "rubric": [{"id": "c", "text": "各部门相互合作", "points": 1, "match": [["合作", "配合"]]}]}
    smile = {"points": 1, "rubric": [{"id": "smile", "text": "保持微笑", "points": 1, "match": [["微笑"]]}]}
    notice = {"points": 1, "rubric": [{"id": "n", "text": "通报", "points": 1, "match": [["发消息", "通报"]]}]}
    assert score(grader, cooperate, "各部门互相合作反而职责不清") == 0
    assert score(grader, smile, "硬憋着微笑反而伤身体") == 0
    assert score(grader, notice, "发消息反而招来更多电话") == 0
    assert score(grader, cooperate, "各部门互相合作反而效率更高") == 1
    assert score(grader, smile, "保持微笑反而身体更放松") == 1
    assert score(grader, notice, "及时发消息反而能减少来电") == 1


def test_a_negated_verb_in_the_mentions_own_modifier(grader):
    # 不署名|的|通知, 顾客不熟悉|的|专业术语: 不 negates the modifier's verb; the mention is still named (and here avoided).
    notice = {"points": 2, "rubric": [{"id": "n", "text": "发通知", "points": 2, "match": [["通知"]]}]}
    assert score(grader, notice, "发一份不署名的通知。") == 2
    assert score(grader, notice, "没有发通知。") == 0
    # 没有 and the modal negators still take the whole noun phrase.
    assert score(grader, APOLOGY, "没有真诚的道歉。") == 0
    assert score(grader, APOLOGY, "店员不用先去想怎样的道歉。") == 0
