"""On a part that asks for acts, methods or ideas, a clause closing in condemnation or futility refuses what it
names (选择题这些方式都不可取); where a part asks what is wrong, the same words criticise the case and keep the point.
Also: "not that important", a weak "no need" with a verb of reckoning, and "a trifle" close a clause as verdicts;
"是随和", "挺方便" praise what a faults part asks about."""

WAYS = {
    "points": 10,
    "prompt": "调查问卷中的问题可以采用哪些阐述（作答）方式？",
    "rubric": [
        {"id": "choice", "text": "多项选择方式", "points": 5, "match": [["选择题", "选项", "单选", "多选"]]},
        {"id": "numeric", "text": "数字说明方式", "points": 5, "match": [["打分", "分值"], ["打分", "程度", "满意"]]},
    ],
}
CRITERIA = {
    "points": 4,
    "prompt": "顾客一般从哪些方面评价服务质量？",
    "rubric": [
        {"id": "tangible", "text": "有形因素", "points": 2, "match": [["设施", "仪表", "环境"]]},
        {"id": "reliability", "text": "服务可靠", "points": 2, "match": [["差错", "可靠"]]},
    ],
}
METHODS = {
    "points": 3,
    "prompt": "评估员工客户服务绩效的主要方法有哪些？",
    "rubric": [
        {"id": "ranking", "text": "排序法", "points": 1.5, "match": [["排序"]]},
        {"id": "critical", "text": "关键事件法", "points": 1.5, "match": [["关键事件"]]},
    ],
}
FAULTS = {
    "points": 2,
    "prompt": "该中心的质检工作存在哪些问题？",
    "rubric": [{"id": "sheet", "text": "评分表过于简单", "points": 2, "match": [["评分表"], ["形式", "走过场", "简单"]]}],
}


def test_condemned_ways_are_refused_where_the_part_asks_for_them(grader):
    assert grader.grade(WAYS, "选择题和打分这些方式都不可取，问卷全部用问答题就行。").score == 0
    assert grader.grade(WAYS, "打分的方式纯属走形式，顾客随手乱打。").score == 0
    assert grader.grade(METHODS, "排序、关键事件这些方法太复杂，营业厅用不上。").score == 0
    assert grader.grade(METHODS, "排序、关键事件这些方法根本不现实。").score == 0
    # proposed, or the condemnation denied or undone, they earn
    assert grader.grade(WAYS, "可以用选择题，也可以让顾客打分表示满意程度。").score == 10
    assert grader.grade(WAYS, "选择题看似不可取，其实它是最常用的方式。").score == 5
    assert grader.grade(METHODS, "排序法很实用，关键事件法也用得上。").score == 3


def test_condemnation_on_a_part_that_asks_what_is_wrong_criticises_the_case(grader):
    assert grader.grade(FAULTS, "评分表只有两项，质检完全是走过场。").score == 2
    assert grader.grade(FAULTS, "评分表太简单，打分就是走形式。").score == 2


def test_not_that_important_dismisses(grader):
    assert grader.grade(CRITERIA, "反应快不快、出不出差错也没那么重要。").score == 0
    assert grader.grade(CRITERIA, "环境设施这些不太重要。").score == 0
    assert grader.grade(CRITERIA, "环境设施很重要，服务可靠也很重要。").score == 4


def test_no_need_to_reckon_closing_the_clause_dismisses_the_whole_list(grader):
    part = {
        "points": 6,
        "prompt": "制定服务价格策略，企业要把哪些因素考虑进去？",
        "rubric": [
            {"id": "profit", "text": "合理的利润率", "points": 3, "match": [["利润率"]]},
            {"id": "roi", "text": "投资回报", "points": 3, "match": [["回报"]]},
        ],
    }
    assert grader.grade(part, "利润率、回报这些不用算，继续提价就对了。").score == 0
    assert grader.grade(part, "利润率、回报都要算清楚，不用急着提价。").score == 6


def test_a_trifle_and_praise_on_a_faults_part(grader):
    part = {
        "points": 4,
        "prompt": "小赵在仪容仪表和言谈举止上有哪些不符合服务礼仪的地方？",
        "rubric": [
            {"id": "card", "text": "名片单手递", "points": 2, "match": [["名片"], ["单手", "一只手"]]},
            {"id": "gesture", "text": "用一根手指指方向", "points": 2, "match": [["手指"]]},
        ],
    }
    assert grader.grade(part, "名片单手递、接个电话这些都是小节，不用上纲上线。").score == 0
    assert grader.grade(part, "用手指指一下柜台也挺方便。").score == 0
    assert grader.grade(part, "用一根手指指柜台很失礼，名片单手递是对客户的轻视。").score == 4


def test_an_a_not_a_question_is_no_verdict(grader):
    part = {
        "points": 3,
        "prompt": "应当怎样从顾客的角度审视一个流程？",
        "rubric": [{"id": "view", "text": "从顾客角度看流程的价值", "points": 3,
                    "match": [["顾客的角度"], ["价值", "流程"]]}],
    }
    assert grader.grade(part, "要从顾客的角度来衡量流程有没有价值。").score == 3
    assert grader.grade(part, "从顾客的角度审视流程没有价值。").score == 0


def test_cannot_right_before_a_later_group_denies_the_clause(grader):
    part = {
        "points": 2,
        "prompt": "服务承诺通常包括哪些内容？",
        "rubric": [{"id": "quality", "text": "对服务质量作出保证", "points": 2, "match": [["质量"], ["保证", "承诺"]]}],
    }
    assert grader.grade(part, "安装质量这些也没法保证。").score == 0
    assert grader.grade(part, "安装质量无法保证。").score == 0
    assert grader.grade(part, "要对安装质量作出保证。").score == 2
    assert grader.grade(part, "顾客无法判断时，我们要保证安装质量。").score == 2


TELL = {
    "points": 2,
    "prompt": "假如你是这位坐席员，接下来应当怎样处理？",
    "rubric": [{"id": "channels", "text": "告知查询渠道", "points": 2, "match": [["营业厅", "网上"], ["详单"]]}],
}
TOLD = {**TELL, "prompt": "坐席员的做法有哪些不足？"}


def test_telling_someone_said_to_be_in_vain_refuses_it_where_the_part_asks_for_acts(grader):
    for vain in ("跟王经理讲了也是白讲。", "跟他说了也没用。", "对客户说了也没什么用。"):
        assert grader.grade(TELL, "营业厅和网上都能查详单，" + vain).score == 0, vain
    assert grader.grade(TELL, "营业厅和网上都能查详单，要跟王经理讲清楚。").score == 2
    assert grader.grade(TELL, "营业厅和网上都能查详单，跟他说了也没用，但还是要说。").score == 2
    assert grader.grade(TELL, "坐席员只说营业厅和网上能查详单，这样说了也没用。").score == 2  # what was said, judged
    # where the part asks what is wrong, "saying it was in vain" criticises the conduct
    assert grader.grade(TOLD, "坐席员只说营业厅和网上能查详单，跟他说了也没用。").score == 2


def test_hollow_or_idle_condemns_where_the_part_asks_for_acts(grader):
    # 跟客户交朋友太虚了, 上班喝咖啡就是偷懒 (examiner_like_dev2 probes): on a part that asks for acts they refuse what
    # the clause names; on a part that asks what is wrong the same words criticise the case.
    acts = {"points": 2, "prompt": "与客户沟通时应注意哪些事项？", "rubric": [
        {"id": "friend", "text": "先与客户做朋友", "points": 1, "match": [["交朋友", "做朋友"]]},
        {"id": "refresh", "text": "喝杯咖啡调整情绪", "points": 1, "match": [["咖啡", "喝茶"]]}]}
    assert grader.grade(acts, "跟客户交朋友太虚了，做生意就是做生意。").score == 0
    assert grader.grade(acts, "上班时间喝咖啡就是偷懒，不应该。").score == 0
    assert grader.grade(acts, "先跟客户交朋友，再谈生意；累了喝杯咖啡歇一歇。").score == 2
    assert grader.grade(acts, "跟客户交朋友不能太虚，要真心实意。").score == 1
    faults = {"points": 1, "prompt": "营销人员的做法存在哪些问题？", "rubric": [
        {"id": "friend", "text": "没有先与客户做朋友", "points": 1, "match": [["交朋友", "做朋友"]]}]}
    assert grader.grade(faults, "他说要跟客户交朋友，这话太虚了。").score == 1


def test_someone_elses_job_refuses_where_the_part_asks_for_acts(grader):
    # 记录相关信息是后台的事 (examiner_like_dev2 probes): the step handed to others; where the part asks what is wrong,
    # "是别的部门的事" is how trainees describe the shirking they criticise.
    acts = {"points": 1, "prompt": "坐席代表接听电话时还应当注意哪些方面？", "rubric": [
        {"id": "record", "text": "记录相关信息", "points": 1, "match": [["记录", "记下"], ["信息", "内容"]]}]}
    assert grader.grade(acts, "记录相关信息是后台的事，坐席听着就行。").score == 0
    assert grader.grade(acts, "记录客户说的内容那是其他部门的事。").score == 0
    assert grader.grade(acts, "记录相关信息不是后台的事，坐席要自己记。").score == 1
    assert grader.grade(acts, "坐席要把相关信息记录下来。").score == 1
    faults = {"points": 1, "prompt": "这家酒店的服务存在哪些问题？", "rubric": [
        {"id": "shirk", "text": "部门推诿", "points": 1, "match": [["推诿", "互相推"]]}]}
    assert grader.grade(faults, "各部门互相推，都说是别的部门的事。").score == 1


BURDEN = {"points": 4, "prompt": "为了保证服务信息准确传递，对客户服务代表有哪些要求？", "rubric": [
    {"id": "notes", "text": "接听时做笔记", "points": 2, "match": [["笔记", "记录"]]},
    {"id": "paper", "text": "配备纸质工作日记簿", "points": 2, "match": [["日记簿", "纸质"]]}]}


def test_the_act_called_a_burden_or_outdated_is_refused_where_the_part_asks_for_acts(grader):
    # 做笔记太耽误事, 日记簿早就过时了, 多此一举 (adversarial_dev7): the act named a burden, a waste, an affectation or a
    # thing of the past is refused where the part asks for acts; said of the case's conduct on a part that asks what
    # is wrong, the same words criticise it.
    assert grader.grade(BURDEN, "接电话的时候做笔记太耽误事，全凭脑子记就行。").score == 0
    assert grader.grade(BURDEN, "纸质的工作日记簿早就过时了。").score == 0
    assert grader.grade(BURDEN, "再配一本纸质日记簿纯属多此一举。").score == 0
    assert grader.grade(BURDEN, "边听边做笔记太麻烦了，听完再说。").score == 0
    assert grader.grade(WAYS, "用数字打分的方式也太死板。").score == 0
    assert grader.grade(WAYS, "顾客打分太主观。问卷让顾客选选项就行。").score == 5
    # proposed, or the burden denied or turned on, they earn
    assert grader.grade(BURDEN, "做笔记不算太麻烦，一定要边听边记。").score == 2
    assert grader.grade(BURDEN, "做笔记看似太麻烦，其实能避免记错；再备一本纸质日记簿。").score == 4
    assert grader.grade(BURDEN, "接听时随手做笔记，还要配一本纸质日记簿。").score == 4
    faults = {"points": 2, "prompt": "该中心的质检工作存在哪些问题？", "rubric": [
        {"id": "sheet", "text": "评分表笼统", "points": 2, "match": [["评分表"], ["笼统", "太死板", "简单"]]}]}
    assert grader.grade(faults, "评分表只有两项，太死板。").score == 2


NORMS = {"points": 6, "prompt": "客户服务代表在应答客户时还应当遵守哪些服务规范？", "rubric": [
    {"id": "let-finish", "text": "客户未讲完时不抢先应答", "points": 2, "scope": "clause",
     "match": [["没说完", "说完再", "抢先", "抢着", "不抢着", "打断", "不打断"], ["没说完", "说完再", "抢着回答", "客户", "回答"]]},
    {"id": "concise", "text": "用语简洁，非客户要求不重复", "points": 2, "match": [["简洁", "重复", "不重复"]]},
    {"id": "affirmative", "text": "多用肯定句，少用否定句和疑问句", "points": 2, "match": [["肯定句", "疑问句", "否定句"]]}]}


def test_the_fault_a_point_forbids_recommended_earns_nothing_where_the_part_asks_for_acts(grader):
    # 直接打断、抢着回答效率更高, 多重复几遍没坏处, 多用疑问句更好 (adversarial_dev7): the point's own text forbids what the
    # clause praises; the sentence recommends the fault, and the point earns nothing from it.
    assert grader.grade(NORMS, "客户话还没说完就可以先接上，直接打断、抢着回答效率更高。").score == 0
    assert grader.grade(NORMS, "重要的话多重复几遍没坏处，省得客户记不住。").score == 0
    assert grader.grade(NORMS, "工单里多用疑问句更好，让处理部门自己去判断。").score == 0
    assert grader.grade(NORMS, "重要的话多重复几遍也没关系。").score == 0
    # the norm praised, the fault refused, or the praise undone earn
    assert grader.grade(NORMS, "客户没说完时不要抢着回答，等他说完再答，效率更高。").score == 2
    assert grader.grade(NORMS, "要等客户说完再回答，这样效率更高；用语简洁，不重复。").score == 4
    assert grader.grade(NORMS, "多用肯定句更好，少用疑问句。").score == 2
    assert grader.grade(NORMS, "客户没说完就抢着回答，看似效率更高，其实答非所问。").score == 2


def test_of_no_use_after_the_act_refuses_it(grader):
    # "useless" said of the act right after it (道歉用不上, 回访派不上用场) is a dismissal like 道歉没必要
    apology = {"points": 4, "rubric": [{"id": "apologize", "text": "道歉", "points": 4, "match": [["道歉"]]}]}
    for refusal in ("道歉用不上，直接处理。", "道歉根本派不上用场。", "道歉也起不了作用。", "道歉无济于事。",
                    "道歉不顶用。", "道歉没多大用。"):
        assert grader.grade(apology, refusal).score == 0, refusal
    for advice in ("先道歉，这一招用得上。", "先道歉，再把用不上的旧单据收走。"):
        assert grader.grade(apology, advice).score == 4, advice
