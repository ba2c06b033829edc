"""Steps in order."""

STEPS = {
    "points": 8,
    "rubric": [
        {"id": "listen", "text": "倾听", "points": 2, "match": ["倾听"]},
        {"id": "apologize", "text": "道歉", "points": 2, "match": ["道歉"]},
        {"id": "solve", "text": "解决", "points": 2, "match": [["解决", "处理"]]},
    ],
    "order": ["listen", "apologize", "solve"],
    "order_points": 2,
}


def test_all_steps_in_order(grader):
    result = grader.grade(STEPS, "先倾听，再道歉，最后解决问题。")
    assert result.order == {"earned": 2.0, "max": 2.0}
    assert result.score == 8


def test_steps_out_of_order_get_partial_credit(grader):
    # listen, solve, apologize: 2 of the 3 steps in order -> (2-1)/(3-1) of the points
    result = grader.grade(STEPS, "先倾听，再解决问题，最后道歉。")
    assert result.order == {"earned": 1.0, "max": 2.0}
    result = grader.grade(STEPS, "先解决问题，再道歉，然后倾听。")
    assert result.order["earned"] == 0.0


def test_two_matched_steps_in_order_are_enough(grader):
    result = grader.grade(STEPS, "先倾听，再道歉。")
    assert result.order["earned"] == 2.0
    assert result.score == 6


def test_one_step_earns_no_order_points(grader):
    result = grader.grade(STEPS, "道歉。")
    assert result.order["earned"] == 0.0


def test_order_in_to_dict_only_when_part_has_order(grader):
    assert "order" in grader.grade(STEPS, "倾听").to_dict()
    plain = {"points": 2, "rubric": [{"id": "a", "text": "a", "points": 2, "match": ["倾听"]}]}
    assert "order" not in grader.grade(plain, "倾听").to_dict()
    assert grader.grade(plain, "倾听").order is None
