"""Parts declared to ask the same thing as another question's part (``overlaps:``)."""
import pytest

from app.bank import BankError, load_bank
from app.bank.loader import summary
from app.bank.overlaps import declared_pairs, split_ref


def case_yaml(qid, overlaps=None, part="a"):
    line = f"\n        overlaps: {overlaps}" if overlaps is not None else ""
    return f"""
  - id: {qid}
    type: case
    topic: 投诉处理
    stem: 顾客投诉。
    parts:
      - id: {part}
        prompt: 处理步骤？
        reference: 先道歉，再倾听。{line}
        rubric:
          - {{id: apologize, text: 道歉, points: 10, match: [[道歉]]}}
"""


def bank_of(write_bank, *questions, papers=""):
    return write_bank({"cases.yaml": "questions:" + "".join(questions) + papers})


def problems(root):
    with pytest.raises(BankError) as info:
        load_bank(root)
    return [str(p) for p in info.value.problems]


def test_a_declared_overlap_is_symmetric_and_summarised(write_bank):
    bank = load_bank(bank_of(write_bank, case_yaml("complaints.one"),
                             case_yaml("complaints.two", "[complaints.one/a]")))
    assert declared_pairs(bank.questions) == {frozenset({("complaints.one", "a"), ("complaints.two", "a")})}
    assert summary(bank.questions["complaints.two"])["overlaps"] == ["complaints.one"]
    assert summary(bank.questions["complaints.one"])["overlaps"] == []
    assert summary(bank.questions["complaints.one"])["parts"] == ["a"]


@pytest.mark.parametrize("ref, message", [
    ("complaints.one-a", "overlap 'complaints.one-a' must be written 'question-id/part-id'"),
    ("complaints.nowhere/a", "overlap names unknown question 'complaints.nowhere'"),
    ("complaints.one/z", "overlap names unknown part 'z' of question 'complaints.one'"),
    ("complaints.two/a", "an overlap must name a part of another question"),
])
def test_a_bad_overlap_gives_its_file_and_line(write_bank, ref, message):
    root = bank_of(write_bank, case_yaml("complaints.one"), case_yaml("complaints.two", f"[{ref}]"))
    found = problems(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"{root / 'cases.yaml'}:21: ") and message in found[0]


def test_an_overlap_may_name_a_question_already_in_the_database(write_bank):
    known = {"complaints.stored": summary({"type": "case", "parts": [{"id": "b"}]})}
    root = bank_of(write_bank, case_yaml("complaints.two", "[complaints.stored/b]"))
    assert load_bank(root, known_questions=known).questions["complaints.two"]
    with pytest.raises(BankError, match="unknown part 'a'"):
        load_bank(bank_of(write_bank, case_yaml("complaints.two", "[complaints.stored/a]")), known_questions=known)


PAPER = """
papers:
  - id: {pid}
    title: 试卷
    kind: {kind}
    time_limit: 60
    sections:
      - title: 案例一
        questions: [complaints.one]
      - title: 案例二
        questions: [complaints.two]
"""


def test_a_mock_paper_must_not_ask_the_same_thing_twice(write_bank):
    questions = (case_yaml("complaints.one", "[complaints.two/a]"), case_yaml("complaints.two"))
    found = problems(bank_of(write_bank, *questions, papers=PAPER.format(pid="mock-x", kind="mock")))
    assert len(found) == 1 and "questions 'complaints.one' and 'complaints.two' have parts that ask the same " \
        "thing" in found[0], found
    # practice may repeat a theme on purpose
    bank = load_bank(bank_of(write_bank, *questions, papers=PAPER.format(pid="practice-x", kind="practice")))
    assert "practice-x" in bank.papers


def test_split_ref():
    assert split_ref("complaints.yogurt-fly/a") == ("complaints.yogurt-fly", "a")
    assert split_ref("complaints.yogurt-fly") is None and split_ref(3) is None
