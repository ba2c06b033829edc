"""Keyword lists earn half of what they name, at most a fifth of the part; point-form statements and precise lists of names keep it."""
from app.grading.lists import split_items

TRAINING = {
    "points": 10,
    "rubric": [
        {"id": "awareness", "text": "树立服务意识", "points": 2.5, "match": ["服务意识"]},
        {"id": "skills", "text": "服务技巧", "points": 2.5, "match": [["技巧", "话术"]]},
        {"id": "teamwork", "text": "建立协调合作的团队", "points": 2.5, "match": [["团队", "合作"]]},
        {"id": "classroom", "text": "教室集中培训", "points": 2.5, "match": [["课堂", "教室", "集中培训"]]},
    ],
}
STEPS = {
    "points": 6,
    "rubric": [
        {"id": "apologize", "text": "向顾客真诚道歉，安抚情绪", "points": 2, "match": ["道歉"]},
        {"id": "listen", "text": "耐心倾听顾客的抱怨", "points": 2, "match": ["倾听"]},
        {"id": "follow", "text": "事后回访，确认顾客满意", "points": 2, "match": ["回访"]},
    ],
}


def test_bare_term_list_earns_half_of_what_it_names_and_at_most_a_fifth_of_the_part(grader):
    result = grader.grade(TRAINING, "招聘 面试 笔试 岗前培训 考核 淘汰 激励 职业规划 团队建设 服务意识")
    assert result.score == 2  # two points named: 2.5 × 50% each would be 2.5, over the cap
    assert "list" in result.flags
    assert any(r.startswith("keyword list") for r in result.reasons)
    assert grader.grade(TRAINING, "招聘 面试 岗前培训 考核 淘汰 激励 团队建设").score == 1.25  # one point: half of it
    # every point named: 50% of each would be half the part; a list earns at most a quarter of it
    assert grader.grade(STEPS, "道歉 倾听 回访 赔偿 退货 投诉").score == 1.5


def test_point_form_statements_keep_full_credit(grader):
    answer = ("1、先树立服务意识，让新人明白客户满意是出发点；2、教接听、安抚这些沟通技巧；"
              "3、搞小组活动，培养团队合作；4、在教室集中培训，再配合网课。")
    result = grader.grade(TRAINING, answer)
    assert result.score == 10
    assert not any(r.startswith("keyword list") for r in result.reasons)


def test_terms_of_a_statement_question_in_a_list_are_discounted(grader):
    assert grader.grade(STEPS, "道歉、倾听、回访、赔偿、退货").score == 1.5
    assert grader.grade(STEPS, "先向顾客道歉，再耐心倾听她的抱怨，事后还要回访。").score == 6


def test_precise_list_of_names_on_a_naming_part_keeps_credit(grader):
    part = {
        "points": 6,
        "rubric": [
            {"id": "accent", "text": "口音障碍", "points": 2, "match": ["口音"]},
            {"id": "jargon", "text": "专业术语", "points": 2, "match": ["术语"]},
            {"id": "speed", "text": "语速", "points": 2, "match": ["语速"]},
        ],
    }
    assert grader.grade(part, "口音、专业术语、语速、情绪").score == 6
    # the same names drowned in other topics' vocabulary are stuffing
    assert grader.grade(part, "口音 术语 语速 投诉 道歉 回访 满意度 忠诚度 绩效").score == 1.5


def test_items_split_on_separators_and_list_numbers():
    items = split_items("1、道歉 2.倾听①回访")
    assert [("1、道歉 2.倾听①回访"[i.start:i.end], i.bare) for i in items] == [
        ("道歉", True), ("倾听", True), ("回访", True)]


def test_a_word_that_starts_with_a_numeral_is_not_a_list_number():
    text = "一心二用 第一目标市场 一、倾听 （二）回访 第三条 道歉 第四，赔偿"
    assert [text[i.start:i.end] for i in split_items(text)] == [
        "一心二用", "第一目标市场", "倾听", "回访", "道歉", "赔偿"]
    assert len(split_items("first say sorry to the customer")) == 1


def test_a_term_found_across_two_bare_items_is_still_a_bare_list(grader):
    # spaces between Chinese characters are ignored, so 统一口径 is found in "统一 口径": two bare terms all the same
    part = {
        "points": 10,
        "rubric": [
            {"id": "consistent", "text": "各部门处理投诉口径统一", "points": 4, "match": [["统一口径", "口径一致"]]},
            {"id": "cooperate", "text": "各部门通力合作", "points": 3, "match": [["通力合作"]]},
            {"id": "involve", "text": "投诉涉及多个部门", "points": 3, "match": [["多个部门"]]},
        ],
    }
    result = grader.grade(part, "部门 环节 统一 口径 协作 配合 总经理 保修 经销商 满意度")
    assert "list" in result.flags
    assert result.score == 2  # 4 points named in bare items: half of them
    # a statement keeps the point
    assert grader.grade(part, "有了制度，各部门对外才能统一口径。").score == 4


def test_a_formula_is_not_cut_into_bare_items(grader):
    part = {
        "points": 10,
        "rubric": [
            {"id": "half", "text": "n/2", "points": 5, "match": [["n/2"]]},
            {"id": "third", "text": "(2n+1)/3", "points": 5, "match": [["(2n+1)/3"]]},
        ],
    }
    assert grader.grade(part, "第一问：n/2\n第二问：(2n+1)/3").score == 10


OVERBOOKED = {
    "points": 10,
    "rubric": [
        {"id": "compensate", "text": "补偿房费", "points": 2, "match": [["补偿", "赔偿"], ["房费", "房晚"]]},
        {"id": "rehouse", "text": "安排附近同级酒店", "points": 4, "match": [["附近", "同级"], ["酒店", "房间"]]},
        {"id": "deadline", "text": "七日内退款", "points": 4, "match": [["七日", "7天"], ["退款", "退还"]]},
    ],
}


def test_a_list_naming_the_act_of_a_two_part_point_earns_its_list_share(grader):
    result = grader.grade(OVERBOOKED, "道歉 补偿 升级 积分 会员")
    assert [p.earned for p in result.points] == [1, 0, 0]  # half of 补偿 + 房费, named by its act alone
    assert result.points[0].evidence and "list" in result.flags
    # not a list: a statement of the act alone is a vague mention, not the point
    assert grader.grade(OVERBOOKED, "我觉得应该适当补偿她一下。").score == 0
    # a figure listed is not a claim: 七日 names no rule
    assert grader.grade(OVERBOOKED, "七日 会员 积分 升级 道歉").score == 0
