"""The bundled bank: valid, big enough for several mock exams, and its rubrics agree with its samples."""
from pathlib import Path

import pytest

from app.bank import load_bank
from app.grading import Grader
from app.bank.overlaps import declared_pairs
from app.grading.samples import cross_check, run_samples

BANK = Path(__file__).resolve().parent.parent / "question_bank"
AREAS = ["投诉处理", "沟通与倾听", "服务质量", "客户关系与忠诚", "服务流程与规范", "呼叫中心实务", "服务礼仪", "服务人员管理"]


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK)


@pytest.fixture(scope="module")
def grader(bank):
    return Grader(bank.synonyms, parts=bank.case_parts())  # as `flask bank test` builds it


def test_counts(bank):
    questions = list(bank.questions.values())
    case_parts = [p for q in questions if q["type"] == "case" for p in q["parts"]]
    objective = [q for q in questions if q["type"] != "case"]
    assert len(case_parts) >= 45
    assert len(objective) >= 150
    assert sum(1 for p in bank.papers.values() if p["kind"] == "mock") >= 3


def test_every_area_is_covered(bank):
    topics = [q["topic"] for q in bank.questions.values()]
    for area in AREAS:
        assert topics.count(area) >= 6, area


def test_every_case_part_has_three_samples(bank):
    for qid, q in bank.questions.items():
        for part in q.get("parts", []):
            assert len(part.get("samples", [])) >= 3, f"{qid}/{part['id']}"


def test_mock_papers_are_shaped_like_the_exam(bank):
    for paper in bank.papers.values():
        if paper["kind"] != "mock":
            continue
        assert 90 <= paper["time_limit"] <= 120, paper["id"]
        kinds = {s["draw"]["type"] if "draw" in s else "case" for s in paper["sections"]}
        assert "case" in kinds and kinds & {"single", "multiple", "judge"}, paper["id"]


def test_references_and_samples_agree_with_the_grader(bank, grader):
    report = run_samples(bank.questions, grader)
    failures = [f"{o.question}/{o.part} {o.name}: expected {o.expected:g}, given {o.given:g}"
                for o in report.outcomes if not o.ok]
    assert failures == []


def test_answers_to_other_questions_earn_almost_nothing(bank, grader):
    # Every part against the model answers of every other question, pairs declared to ask the same thing left
    # out (they are listed by `flask bank test --cross`). The figures recorded in the issue notes, with a margin.
    tried, hits = cross_check(bank.questions, grader, declared=declared_pairs(bank.questions))
    undeclared = [h for h in hits if not h.declared]
    assert len(undeclared) <= 0.015 * tried, len(undeclared)
    worst = max((h.score / h.maximum for h in undeclared), default=0)
    assert worst <= 0.5, [h for h in undeclared if h.score / h.maximum == worst]
