"""Colloquial characters read as their standard words: 啥 = 什么, 咋 = 怎么 (like traditional characters)."""
from app.grading.normalize import normalize, normalize_term


def one_point(match, points=2):
    return {"points": points, "rubric": [{"id": "p", "text": "p", "points": points, "match": match}]}


def test_normalised_with_exact_offsets():
    norm = normalize("为啥咋办")
    assert norm.text == "为什么怎么办"
    assert norm.to_original(0, 3) == (0, 2)
    assert normalize_term("为啥") == "为什么"


def test_colloquial_answer_matches_standard_term(grader):
    part = one_point([["解释", "说清楚"], ["为什么", "怎么回事"]])
    answer = "跟他说清楚为啥会拖这么久。"
    result = grader.grade(part, answer)
    assert result.points[0].earned == 2
    assert "为啥" in [answer[s:e] for s, e in result.points[0].evidence]  # evidence in the trainee's characters
    assert grader.grade(part, "先跟他解释到底是咋回事。").points[0].earned == 2


def test_erhua_place_words_read_as_their_standard_forms():
    # 哪儿, 这儿, 那儿 are the spoken 哪里, 这里, 那里 (same length: offsets stay exact); 儿子, 儿女, 儿童 are words.
    assert normalize("错在哪儿，放这儿还是那儿").text == "错在哪里，放这里还是那里"
    assert normalize("那儿子说").text == "那儿子说"
    assert normalize_term("哪儿不") == "哪里不"


def test_erhua_answer_matches_a_term_written_with_li(grader):
    part = one_point([["错在哪里", "哪里做错"]])
    assert grader.grade(part, "要一对一告诉坐席错在哪儿。").points[0].earned == 2
    assert grader.grade(part, "要当面告诉坐席哪儿做错了。").points[0].earned == 2
