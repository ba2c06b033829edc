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
