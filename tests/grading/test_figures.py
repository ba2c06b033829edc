"""A figure alone is not a key point; a sentence that repeats the prompt earns nothing."""

RATIO = {
    "points": 4,
    "prompt": "80/20 客户划分法则有什么意义？",
    "rubric": [{"id": "ratio", "text": "约20%的客户带来80%的利润", "points": 4,
                "match": [["20%", "20", "少数"], ["80%", "80", "大部分"]]}],
}
POLICY = {
    "points": 3,
    "prompt": "企业为什么要制定并规范客户投诉管理政策？",
    "rubric": [{"id": "policy", "text": "有制度各部门才能一致", "points": 3, "match": [["制定", "规范"], ["政策", "制度"]]}],
}


def test_figure_alone_earns_nothing(grader):
    assert grader.grade(RATIO, "80/20。").score == 0
    assert grader.grade(RATIO, "20%，80%。").score == 0
    assert grader.grade(RATIO, "80/20客户划分法则很有意义。").score == 0


def test_figure_with_its_claim_earns(grader):
    assert grader.grade(RATIO, "约20%的客户带来了80%的利润。").score == 4
    assert grader.grade(RATIO, "少数客户带来了大部分利润。").score == 4


def test_echoed_prompt_earns_nothing(grader):
    result = grader.grade(POLICY, "企业要制定并规范客户投诉管理政策。这一点非常重要。")
    assert result.score == 0
    assert any("repeat the prompt" in r for r in result.reasons)
    assert grader.grade(POLICY, "有了统一的制度和规范，各部门处理投诉的口径才能一致。").score == 3


def test_the_claim_belongs_in_the_figures_own_clauses(grader):
    # words after the figures, in clauses of their own, say something about the exam, not about the figures
    assert grader.grade(RATIO, "80/20法则里的20%和80%，老师讲过很多次，考试常考。").score == 0
    # function words and words that only name the figures (比例, 说法, 数字) make no claim
    assert grader.grade(RATIO, "客户里有20%和80%这两个比例，做题时一定要写上。").score == 0
    assert grader.grade(RATIO, "书上有个20%的说法，还有个80%，要记牢。").score == 0


def test_a_claim_over_several_clauses_of_the_figures_earns(grader):
    assert grader.grade(RATIO, "约20%的客户，带来了企业80%的利润，这在零售业很普遍。").score == 4
    assert grader.grade(RATIO, "20%的顾客贡献80%的营业额。").score == 4
    assert grader.grade(RATIO, "20%的客户带来80%的利润。").score == 4


def test_the_clause_leading_into_the_figures_holds_the_claim(grader):
    assert grader.grade(RATIO, "利润主要来自少量的常客：20%，80%。").score == 4


def test_words_are_preferred_to_figures_and_a_unit_without_the_claim_is_passed_over(grader):
    # 80/20 in a heading clause of its own: the words of the same sentence (少数 … 大部分) carry the point
    assert grader.grade(RATIO, "80/20法则说的是：少数客户贡献了大部分利润。").score == 4
    # a first sentence with bare figures, a second with the claim
    assert grader.grade(RATIO, "20%，80%，考试常考。约20%的客户带来了80%的利润。").score == 4


SILENT = {
    "points": 2,
    "prompt": "企业应该以什么样的态度看待顾客的投诉？",
    "rubric": [{"id": "silent", "text": "不满客户中只有约4%会投诉", "points": 2,
                "match": [["4%", "少数", "很少"], ["投诉", "不满"]]}],
}
RETURNS = {
    "points": 2,
    "prompt": "商场客服的答复是否正确？",
    "rubric": [{"id": "fifteen", "text": "15日内性能故障可换货", "points": 2,
                "match": [["换货", "更换"], ["15日", "十五日", "15天"]]}],
}


def test_a_topic_clause_is_not_the_figures_claim(grader):
    # 关于/说到 + a topic: the word in it names the topic, the figure makes no claim
    assert grader.grade(SILENT, "关于投诉：4%。").score == 0
    assert grader.grade(RATIO, "说到少数客户，20%；说到利润，80%。").score == 0
    assert grader.grade(SILENT, "关于投诉：只有约4%的不满顾客会来投诉，其余的默默离开。").score == 2


def test_a_term_named_as_a_term_is_not_a_claim(grader):
    assert grader.grade(RETURNS, "三包里有个15日，还有换货这个词。").score == 0
    assert grader.grade(RATIO, "关于80/20法则，20%这个数字和大部分这个说法老师都强调过。").score == 0
    assert grader.grade(RETURNS, "买了15日内出现性能故障，可以换货。").score == 2


def test_a_topic_clause_leads_into_the_claim_after_it(grader):
    assert grader.grade(RATIO, "关于80/20：约20%的客户带来了80%的利润。").score == 4
    assert grader.grade(RETURNS, "15日也出现过，换货是另一个词。").score == 0


def test_a_limit_with_nei_is_a_figure(grader):
    refund = {"points": 2, "prompt": "网店客服应如何依法答复？",
              "rubric": [{"id": "p", "text": "收到退货后七日内退款", "points": 2, "match": [["退款", "运费"], ["七日内", "7日内"]]}]}
    assert grader.grade(refund, "关于退款：七日内。").score == 0
    assert grader.grade(refund, "网店收到退回的商品后，七日内把货款退给李先生，这就是退款的时限。").score == 2
