"""A Grader built with its parts compiles their match patterns up front (before a server forks its workers)."""
from app.grading import Grader, matches

PART = {"points": 2, "rubric": [{"id": "call", "text": "回电并安抚", "points": 2, "match": [["回电"], ["安抚情绪"]]}]}


def test_a_grader_built_with_parts_has_their_patterns_ready():
    matches.SeparableMatch._pattern.cache_clear()
    matches._split_pattern.cache_clear()
    matches._head_before_filler.cache_clear()
    Grader(parts=[PART])
    assert matches.SeparableMatch._pattern.cache_info().currsize >= 1  # 回电: 回个电
    assert matches._split_pattern.cache_info().currsize >= 1  # 安抚情绪: 安抚 … 情绪
    assert matches._head_before_filler.cache_info().currsize >= 1  # 安抚情绪: 安抚 (很) 情绪 …
    before = matches._split_pattern.cache_info().misses, matches._head_before_filler.cache_info().misses
    Grader(parts=[PART]).grade(PART, "先回个电话，安抚一下顾客的情绪，也很安抚情绪。")
    # nothing left to compile on the first answer
    assert (matches._split_pattern.cache_info().misses, matches._head_before_filler.cache_info().misses) == before
