"""A condemnation that is a clause of its own (…，营业厅用不上) refuses the clause before it only when it is about that
clause: its subject empty, a place or party where the verdict holds (营业厅, 我们, 这里), or a word summing up the list
(这几种方式, 以上这些).  A subject that names some other thing (标准话术, 套话) is what the verdict is about."""

from tests.grading.rubrics import score

STEPS = {
    "points": 6,
    "prompt": "接下来应当怎样处理？",
    "rubric": [
        {"id": "apologise", "text": "道歉", "points": 2, "match": [["道歉"]]},
        {"id": "listen", "text": "倾听", "points": 2, "match": [["倾听"]]},
        {"id": "compensate", "text": "补偿", "points": 2, "match": [["补偿"]]},
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


def test_a_verdict_on_another_thing_leaves_the_list_standing(grader):
    assert score(grader, STEPS, "先道歉、再倾听、然后补偿，标准话术不适用。") == 6
    assert score(grader, STEPS, "道歉、倾听、补偿，套话都不适用。") == 6
    assert score(grader, STEPS, "要道歉、倾听、补偿，念稿子行不通。") == 6
    assert score(grader, METHODS, "可以用排序法、关键事件法，KPI不现实。") == 3


def test_a_verdict_summing_up_the_list_refuses_it(grader):
    assert score(grader, STEPS, "道歉、倾听、补偿，这几种做法都不适用。") == 0
    assert score(grader, METHODS, "排序法、关键事件法，这几种方法都不适用。") == 0
    assert score(grader, METHODS, "排序法、关键事件法，以上这些都行不通。") == 0
    assert score(grader, METHODS, "排序、关键事件这些方法太复杂，营业厅用不上。") == 0
    assert score(grader, STEPS, "道歉、倾听、补偿，都不适用。") == 0
    assert score(grader, STEPS, "道歉、倾听、补偿，这几种做法都适用。") == 6
