"""Typing slips: same-pinyin Chinese, one-edit English; marked fuzzy."""

APOLOGY = {"points": 2, "rubric": [{"id": "a", "text": "致歉", "points": 2, "match": ["致歉"]}]}
ORDERED = {"points": 2, "rubric": [{"id": "o", "text": "有序", "points": 2, "match": ["有序"]}]}
CUSTOMER = {"points": 2, "rubric": [{"id": "c", "text": "customer", "points": 2, "match": ["customer"]}]}


def test_homophone_slip_matches_and_is_fuzzy(grader):
    answer = "先向顾客至歉，再处理问题"
    result = grader.grade(APOLOGY, answer)
    point = result.points[0]
    assert point.earned == 2 and point.fuzzy
    assert [answer[s:e] for s, e in point.evidence] == ["至歉"]
    assert "review" in result.flags


def test_exact_match_is_not_fuzzy(grader):
    point = grader.grade(APOLOGY, "先向顾客致歉").points[0]
    assert point.earned == 2 and not point.fuzzy


def test_homophone_does_not_match_real_words(grader):
    # 有需 reads like 有序 but is part of the word 需要
    assert grader.grade(ORDERED, "如果有需要的话").score == 0
    # single characters never match by sound
    single = {"points": 1, "rubric": [{"id": "s", "text": "栈", "points": 1, "match": ["栈"]}]}
    assert grader.grade(single, "占用空间").score == 0


def test_homophone_needs_half_the_characters_identical(grader):
    # 至前 shares no character with 致歉
    assert grader.grade(APOLOGY, "至前").score == 0


def test_english_edit_distance(grader):
    point = grader.grade(CUSTOMER, "greet the custmer warmly").points[0]
    assert point.earned == 2 and point.fuzzy
    # short words are not matched by edit distance
    short = {"points": 1, "rubric": [{"id": "s", "text": "s", "points": 1, "match": ["call"]}]}
    assert grader.grade(short, "a cell phone").score == 0
    # two edits away: no match
    assert grader.grade(CUSTOMER, "the costumr").score == 0


def test_a_real_word_stays_a_real_word_after_another_rubric_uses_it():
    # A grade must not depend on which rubrics the same Grader compiled before: 无须 is a dictionary word, so it
    # is never a typing slip of 无需, even once another rubric has 无须 as a term.
    from app.grading import Grader

    grader = Grader({})
    no_need = {"points": 1, "rubric": [{"id": "a", "text": "a", "points": 1, "match": [["无需"]]}]}
    before = grader.grade(no_need, "无须担心").score
    grader.compile({"points": 1, "rubric": [{"id": "b", "text": "b", "points": 1, "match": [["无须"]]}]})
    assert before == 0 and grader.grade(no_need, "无须担心").score == 0


def test_a_grade_does_not_depend_on_the_order_parts_are_graded_in():
    # 跟他 as a rubric term joins the dictionary and changes how 没按时送货的原因跟他解释 is cut: graded before and
    # after that part was first seen, the explanation point must get the same grade once both parts are known.
    from app.grading import Grader

    explain = {"points": 1, "rubric": [{"id": "e", "text": "e", "points": 1, "match": [["解释"]]}]}
    other = {"points": 1, "rubric": [{"id": "o", "text": "o", "points": 1, "match": [["跟他", "给他"]]}]}
    answer = "把没按时送货的原因跟他解释清楚"
    grader = Grader({}, parts=[explain, other])
    before = grader.grade(explain, answer).score
    grader.grade(other, answer)
    assert grader.grade(explain, answer).score == before
    assert Grader({}, parts=[other, explain]).grade(explain, answer).score == before
