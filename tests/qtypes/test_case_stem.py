"""The case type gives the grader its question's stem, so that a retold story earns nothing."""
from app.grading import Grader
from app.qtypes.case import CaseAnalysis

CONTENT = {
    "type": "case",
    "stem": "前台员工说：今天房间超订了，这是系统的问题，我也没办法，您只能自己去附近再找找。",
    "parts": [{"id": "a", "points": 2, "prompt": "前台的做法有哪些问题？", "reference": "推卸超订的责任",
               "rubric": [{"id": "blame", "text": "推给系统", "points": 2, "match": [["系统的问题", "推卸"]]}]}],
}


def test_a_retold_stem_earns_nothing_through_the_case_type():
    grader = Grader()
    outcome = CaseAnalysis().grade(CONTENT, {"a": "今天房间超订了，这是系统的问题，我也没办法。"}, grader)
    assert outcome.score == 0
    judged = CaseAnalysis().grade(CONTENT, {"a": "前台说这是系统的问题，是在推卸超订的责任。"}, grader)
    assert judged.score == 2
