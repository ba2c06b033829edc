"""RubricError messages for malformed parts."""
import pytest

from app.grading import RubricError


def point(**overrides):
    base = {"id": "a", "text": "a", "points": 2, "match": ["道歉"]}
    base.update(overrides)
    return base


@pytest.mark.parametrize(
    "part, message",
    [
        ("not a dict", "must be a mapping"),
        ({"points": 2}, "no 'rubric'"),
        ({"points": 2, "rubric": "道歉"}, "'rubric' must be a non-empty list"),
        ({"points": 2, "rubric": []}, "'rubric' must be a non-empty list"),
        ({"points": 2, "rubric": [point(points=None)]}, "'points' must be a number"),
        ({"points": 2, "rubric": [{"id": "a", "match": ["x"]}]}, "missing 'points'"),
        ({"points": 2, "rubric": [point(points=0)]}, "must be > 0"),
        ({"points": 2, "rubric": [point(points=0.3)]}, "multiple of 0.5"),
        ({"points": 4, "rubric": [point(), point()]}, "id is duplicated"),
        ({"points": 2, "rubric": [point(id="Bad Id")]}, "'id' must match"),
        ({"points": 2, "rubric": [point(match=[])]}, "'match' must be a non-empty list"),
        ({"points": 2, "rubric": [point(match=[[]])]}, "match group 1"),
        ({"points": 2, "rubric": [point(match=[["道歉", None]])]}, "non-text term"),
        ({"points": 2, "rubric": [point(match=["“”"])]}, "empty after normalisation"),
        ({"points": 2, "rubric": [point(match=["@nosuchset"])]}, "unknown synonym set '@nosuchset'"),
        ({"points": 2, "rubric": [point(polarity="neutral")]}, "'polarity' must be"),
        ({"points": 2, "rubric": [point(scope="paragraph")]}, "'scope' must be"),
        ({"points": 2, "rubric": [point(scpoe="clause")]}, "unknown field(s) scpoe"),
        ({"points": 10, "rubric": [point()]}, "sum to 2"),
        ({"rubric": [point()]}, "worth 10"),
        ({"points": 4, "rubric": [point(), point(id="b")], "order": ["a", "c"], "order_points": 0}, "unknown rubric point(s): c"),
        ({"points": 4, "rubric": [point(), point(id="b")], "order": ["a", "b"]}, "no 'order_points'"),
        ({"points": 4, "rubric": [point(), point(id="b")], "order": ["a"], "order_points": 2}, "at least two"),
        ({"points": 5, "rubric": [point(), point(id="b")], "order": ["a", "b"], "order_points": 2}, "order_points 2 = 6"),
    ],
)
def test_malformed_parts(grader, part, message):
    with pytest.raises(RubricError) as info:
        grader.grade(part, "道歉")
    assert message in str(info.value)


def test_rubric_error_is_a_value_error():
    assert issubclass(RubricError, ValueError)


def test_valid_part_with_order(grader):
    part = {"points": 5, "rubric": [point(), point(id="b")], "order": ["a", "b"], "order_points": 1}
    assert grader.grade(part, "道歉").max == 5


def test_bad_synonym_table():
    from app.grading import Grader

    with pytest.raises(RubricError):
        Grader({"apologize": "道歉"})
