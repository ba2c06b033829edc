"""The trainee's position: dismissive negators, hypotheticals, double negatives, defence and blame-shifting,
a point's not_with terms.  Each rule: one answer that earns, one that does not."""

from tests.grading.rubrics import score

APOLOGY = {"points": 2, "rubric": [{"id": "apologize", "text": "道歉", "points": 2, "match": ["道歉"]}]}
NO_RELOCATION = {
    "points": 2,
    "rubric": [{"id": "no-relocation", "text": "没有把顾客请到办公室", "points": 2, "polarity": "negative",
                "match": [["请", "带"], ["办公室"]]}],
}
NO_RETENTION = {
    "points": 2,
    "rubric": [{"id": "no-retention", "text": "没有挽留客户", "points": 2, "polarity": "negative", "match": ["挽留"]}],
}
RESPONSIBILITY = {"points": 2, "rubric": [{"id": "own", "text": "承认商场有责任", "points": 2, "match": ["责任"]}]}
ANALYSIS = {
    "points": 2,
    "rubric": [{"id": "analyze", "text": "苍蝇可能是事后落入", "points": 2, "match": [["饭馆"], ["苍蝇"]]}],
}
VERDICT = {
    "points": 2,
    "rubric": [{"id": "verdict", "text": "判断做法错误", "points": 2, "scope": "answer",
                "match": [["不对", "错误", "不应该"], ["小陈", "做法"]], "not_with": ["做得对", "可以理解"]}],
}


def test_new_negators_negate(grader):
    for negator in ("谈不上", "没必要", "用不着", "犯不着", "无须"):
        assert score(grader, APOLOGY, f"这件事{negator}道歉") == 0, negator
    assert score(grader, APOLOGY, "这件事必须道歉") == 2


def test_hypothetical_condition_is_not_a_recommendation(grader):
    assert score(grader, APOLOGY, "绝对不能向顾客道歉，一道歉就等于承认责任") == 0
    assert score(grader, APOLOGY, "要是向她道歉，商场就等于认了这个责任") == 0
    assert score(grader, APOLOGY, "一旦道歉，他就会提更多要求") == 0
    # a result clause and a negated condition do recommend it
    assert score(grader, APOLOGY, "如果顾客生气，就要先道歉") == 2
    assert score(grader, APOLOGY, "如果不及时道歉，顾客就会更生气") == 2


def test_double_negative_asserts(grader):
    assert score(grader, RESPONSIBILITY, "不能说商场一点责任都没有") == 2
    assert score(grader, RESPONSIBILITY, "商场一点责任都没有") == 0


def test_dismissive_negator_does_not_spot_a_fault(grader):
    assert score(grader, NO_RELOCATION, "在收银区旁边处理是正常的，没必要请她去办公室") == 0
    assert score(grader, NO_RETENTION, "客户自己不想跑，用不着挽留") == 0
    assert score(grader, NO_RELOCATION, "她没有把顾客请到办公室，就在卖场里处理") == 2
    assert score(grader, NO_RETENTION, "坐席员没有挽留客户") == 2


def test_defence_and_blame_shifting_earn_nothing(grader):
    blamed = grader.grade(ANALYSIS, "苍蝇很可能是小饭馆里飞进去的，跟我们商场没关系。")
    assert blamed.score == 0
    assert "defence" in blamed.flags and blamed.reasons
    assert score(grader, ANALYSIS, "苍蝇很可能是在小饭馆里落进去的，要结合地点分析。") == 2
    assert score(grader, NO_RELOCATION, "小刘的做法没什么问题，她没有把顾客请到办公室也没错。") == 0


def test_comfort_is_not_a_defence(grader):
    result = grader.grade(APOLOGY, "没关系，我先向您道歉，马上帮您处理。")
    assert result.score == 2
    assert "defence" not in result.flags


def test_not_with_bars_the_point(grader):
    assert score(grader, VERDICT, "小陈做得对，不应该为骂人的客户服务。") == 0
    assert score(grader, VERDICT, "这种做法可以理解。不过小陈不应该挂电话。") == 0
    assert score(grader, VERDICT, "小陈的做法不对，不应该先挂断电话。") == 2


def test_negated_circumstance_does_not_cancel_the_act(grader):
    part = {"points": 2, "rubric": [{"id": "apologize", "text": "为延误道歉", "points": 2,
                                      "match": [["对不起", "道歉"], ["耽误", "延误"]]}]}
    assert score(grader, part, "配件没到货耽误了，再次跟您说声对不起。") == 2
    assert score(grader, part, "耽误了这么久，也没有说对不起。") == 0


SCORESHEET = {"points": 2, "rubric": [{"id": "scoresheet", "text": "评分表笼统简单", "points": 2,
                                       "match": [["评分表"], ["简单", "笼统"]]}]}


def test_praise_of_the_conduct_is_a_defence(grader):
    assert score(grader, SCORESHEET, "这个中心的质检做得挺好：评分表只有两项，也很简单明了。") == 0
    assert score(grader, SCORESHEET, "质检做得很好，但是评分表太简单笼统。") == 2  # a concession, then the fault
    assert score(grader, SCORESHEET, "对做得很好的质检员要表扬；评分表太简单笼统。") == 2  # praise of people, not of it


def test_a_but_a_few_characters_after_the_praise_is_still_seen(grader):
    assert score(grader, SCORESHEET, "质检做得挺好，就这一点来说，但是评分表太简单笼统。") == 2


SILENT = {"points": 2, "rubric": [{"id": "silent", "text": "不满客户中只有约4%会投诉", "points": 2,
                                   "match": [["4%", "少数", "四个"], ["投诉", "不满"]]}]}


def test_a_small_share_read_as_general_satisfaction_earns_nothing(grader):
    result = grader.grade(SILENT, "只有4%的人投诉，说明96%的人都满意。")
    assert result.score == 0
    assert "defence" in result.flags
    assert grader.grade(SILENT, "一百个客户里只有四个会来投诉，可见剩下的都挺满意").score == 0
    assert grader.grade(SILENT, "只有4%的不满客户会投诉，说明大多数不满的人不会说出来。").score == 2
    assert grader.grade(SILENT, "只有4%的人投诉，并不说明其余的人都满意。").score == 2
    assert grader.grade(SILENT, "只有4%的人投诉，说明96%不满意的人一声不吭就走了。").score == 2


def test_the_rule_in_ones_own_voice_and_the_customers_own_business(grader):
    part = {"points": 1, "rubric": [{"id": "password", "text": "询问密码是否被他人知道", "points": 1,
                                     "match": [["密码"], ["别人", "他人"]]}]}
    assert grader.grade(part, "密码被别人知道是您自己的事").score == 0
    assert grader.grade(part, "密码被别人知道不是您自己的事，我们帮您查").score == 1
    assert grader.grade(part, "请问密码有没有告诉过别人？").score == 1
    case = {"points": 1, "rubric": [{"id": "case", "text": "不再推给经销商", "points": 1, "match": [["经销商"]]}]}
    assert grader.grade(case, "维修归经销商负责，这是公司规定。").score == 0
    assert grader.grade(case, "客服只会说维修归经销商负责，说这是公司规定。").score == 1


def test_excusing_the_staff_is_a_defence(grader):
    part = {"points": 1, "rubric": [{"id": "check", "text": "查录音核实", "points": 1, "match": [["录音"], ["查", "核实"]]}]}
    assert grader.grade(part, "同事挂电话也有她的道理，我先查一下录音").score == 0
    assert grader.grade(part, "这事不能怪小陈，查录音就清楚了").score == 0
    assert grader.grade(part, "不管是谁的责任，我都会先查一下录音").score == 1
    assert grader.grade(part, "前台说她也没办法，这是推卸责任，要查一下录音").score == 1


def test_troublemaker_customers_tried_staff_and_not_our_business(grader):
    part = {"points": 1, "rubric": [{"id": "apology", "text": "道歉", "points": 1, "match": [["道歉"]]}]}
    assert grader.grade(part, "这位顾客就是来找茬的，道歉没问题但不能赔").score == 0
    assert grader.grade(part, "经理觉得顾客是来找茬的，这很不对，应该先道歉").score == 1
    assert grader.grade(part, "小刘已经尽力了，道歉可以，但别的不行").score == 0
    assert grader.grade(part, "送货的事不归我们管，道歉也轮不到我们").score == 0
    assert grader.grade(part, "不能说这件事不归我们管，要先道歉").score == 1


def test_not_our_duty_is_a_defence(grader):
    part = {"points": 1, "rubric": [{"id": "water", "text": "送水", "points": 1, "match": [["送水"]]}]}
    assert grader.grade(part, "给居民送水不是我们的义务").score == 0
    assert grader.grade(part, "送水这事轮不到我们").score == 0
    assert grader.grade(part, "给居民送水并不是我们的义务，但应该主动安排").score == 1


def test_the_organisation_declared_sound_is_a_defence(grader):
    # the fault put on one person, and the management declared sound: nothing in the sentence earns
    shirking = {"points": 2, "prompt": "这个案例反映出饭店在客户服务管理上存在哪些问题？",
                "rubric": [{"id": "p", "text": "互相推诿", "points": 2, "match": [["推诿"], ["部门", "互相"]]}]}
    assert score(grader, shirking, "都怪那个实习生没写进单子，各部门互相推诿也是因为他，饭店的管理本身没什么问题。") == 0
    assert score(grader, shirking, "各部门互相推诿，饭店的管理有很大问题。") == 2
    assert score(grader, shirking, "各部门互相推诿，不能说饭店的管理本身没什么问题。") == 2


def test_a_department_declared_not_at_fault_is_a_defence_and_the_first_words_are_reported():
    from app.grading.normalize import normalize
    from app.grading.stance import defended_sentences

    norm = normalize("这事工程部管也没错，是刘先生自己找错了人。我们会道歉。")
    found = defended_sentences(norm.text, norm.sentence_of)
    # One sentence holds two defences: the first one in it is the one reported, whichever list found it.
    assert found == {0: "工程部管也没错"}
    norm = normalize("客服部这样处理没有错。")
    assert defended_sentences(norm.text, norm.sentence_of) == {0: "客服部这样处理没有错"}


WATER = {"points": 2, "prompt": "供水企业应如何做好客户服务？",
         "rubric": [{"id": "water", "text": "安排送水车临时供水", "points": 2, "match": ["送水"]}]}


def test_not_our_business_with_the_firm_named_in_full_is_a_defence(grader):
    for answer in ("送水更不是自来水公司该管的事。", "停水期间送水不是我们该管的事。", "送水本来就不是供水企业的义务。"):
        assert score(grader, WATER, answer) == 0, answer
    for answer in ("要安排送水车给居民送水，这是供水企业该管的事。", "员工认为不是公司该管的事，这种想法是错的，要安排送水。",
                   "谁说送水不是我们该管的事？停水时要安排送水车。"):
        assert score(grader, WATER, answer) == 2, answer
