"""The second opinion: TF-IDF similarity to the reference and good samples routes strong disagreements."""
from app.grading import Grader
from app.grading.second_opinion import disagreement, good_answers

PART = {
    "points": 4,
    "prompt": "顾客当面投诉时应当怎样接待？",
    "reference": "先把顾客请到接待室坐下，耐心倾听她把话说完，然后真诚道歉，再提出解决方案。",
    "samples": [
        {"answer": "请顾客到接待室，认真倾听，向她道歉，给出处理办法。", "expect": 4},
        {"answer": "要道歉。", "expect": 1},
    ],
    "rubric": [
        {"id": "relocate", "text": "请到接待室", "points": 1, "match": [["请到", "带到"], ["接待室", "办公室"]]},
        {"id": "listen", "text": "倾听", "points": 1, "match": ["倾听"]},
        {"id": "apologize", "text": "道歉", "points": 1, "match": ["道歉"]},
        {"id": "solution", "text": "解决方案", "points": 1, "match": [["方案", "办法"]]},
    ],
}


def test_good_answers_are_the_reference_and_high_samples():
    assert good_answers(PART) == [PART["reference"], PART["samples"][0]["answer"]]


def test_similarity_in_result_and_dict(grader):
    close = grader.grade(PART, "先把顾客请到接待室坐下，耐心倾听她把话说完，然后真诚道歉。")
    far = grader.grade(PART, "今天天气很好，我们去公园散步吧。")
    assert 0 <= far.similarity < close.similarity <= 1
    out = close.to_dict()
    assert {"score", "max", "points", "flags", "reasons", "similarity"} <= set(out)


def test_strong_disagreement_routes_to_review():
    assert disagreement(0.9, 0.02).startswith("similarity")
    assert disagreement(0.0, 0.6).startswith("similarity")
    assert disagreement(0.9, 0.5) is None
    assert disagreement(0.1, 0.05) is None


def test_rubric_low_but_close_to_reference_is_routed():
    # A rubric that misses the reference's wording entirely: the second opinion catches it.
    part = dict(PART, rubric=[{"id": "x", "text": "x", "points": 4, "match": ["不存在的词"]}])
    result = Grader().grade(part, "先把顾客请到接待室坐下，耐心倾听她把话说完，然后真诚道歉，再提出解决方案。")
    assert result.score == 0
    assert "review" in result.flags
    assert any(r.startswith("similarity") for r in result.reasons)


def test_close_to_a_zero_sample_but_graded_high_is_routed():
    retold = "顾客在卖场里投诉，店员请到接待室，倾听，道歉，给出办法，这是案例里说的经过。"
    part = dict(PART, samples=PART["samples"] + [{"answer": retold, "expect": 0}])
    routed = Grader().grade(part, retold)
    assert routed.score == 4
    assert any("close" in r and "graded 0%" in r for r in routed.reasons)
    plain = Grader().grade(part, "请顾客到接待室，认真倾听，向她道歉，给出处理办法。")
    assert not any(r.startswith("similarity") for r in plain.reasons)
