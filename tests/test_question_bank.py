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


GLUED_CASE = """
questions:
  - id: complaints.glued
    type: case
    topic: 投诉处理
    stem: 顾客在卖场里大声投诉。
    parts:
      - id: a
        prompt: 首先怎么做？
        points: 10
        reference: 先把顾客请到接待室，再道歉。
        rubric:
          - id: relocate
            text: 请到接待室
            points: 10
            match: [[%s], [接待室]]
            not_with: [做得对]
"""


@pytest.mark.parametrize("term", ["把顾客请", "把她带", "请她", "不带我", "帮您"])
def test_pronoun_glued_terms_are_refused(write_bank, term):
    from app.bank import BankError
    path = write_bank({"cases.yaml": GLUED_CASE % f"请到, {term}"})
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert f"'{term}' is refused" in str(caught.value)


def test_verb_with_complement_and_not_with_are_accepted(write_bank):
    path = write_bank({"cases.yaml": GLUED_CASE % "请到, 带离, 请她到"})
    bank = load_bank(path)
    part = bank.questions["complaints.glued"]["parts"][0]
    grader = Grader(bank.synonyms, parts=bank.case_parts())
    assert grader.grade(part, "先请她到接待室坐下").score == 10
    assert grader.grade(part, "小刘做得对，没必要请她到接待室").score == 0


def test_no_pronoun_glued_term_in_the_bank(bank):
    from app.grading.terms import glued_pronoun
    for qid, content in bank.questions.items():
        for part in content.get("parts", []):
            for point in part["rubric"]:
                for group in point["match"]:
                    for term in group if isinstance(group, list) else [group]:
                        assert not glued_pronoun(str(term)), (qid, part["id"], point["id"], term)
