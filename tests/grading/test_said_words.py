"""X说的话 / X讲的话 is "what X says", not the supposition "if one does X" (道歉的话，…)."""

from tests.grading.rubrics import score

LISTEN = {"points": 2, "rubric": [{"id": "listen", "text": "用心倾听", "points": 2,
                                   "match": [["仔细听", "认真听", "听客户"], ["客户说", "客户讲", "说的", "讲的"]]}]}
APOLOGY = {"points": 2, "rubric": [{"id": "apologize", "text": "道歉", "points": 2, "match": ["道歉"]}]}


def test_what_the_customer_says_is_no_supposition(grader):
    assert score(grader, LISTEN, "要仔细听客户说的话。") == 2
    assert score(grader, LISTEN, "要仔细听客户说的话，不要打断。") == 2
    assert score(grader, LISTEN, "认真听客户讲的话。") == 2


def test_a_supposition_still_is_one(grader):
    assert score(grader, APOLOGY, "道歉的话，顾客会觉得我们理亏。") == 0
    assert score(grader, APOLOGY, "向他道歉了的话，他会得寸进尺。") == 0
