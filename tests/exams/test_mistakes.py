"""错题本: wrong answers enter, come back after 1, 3 and 7 days, and leave after two right answers in a row."""
from datetime import timedelta

import pytest

from app.exams.errors import ExamConflict, ExamNotFound
from app.exams.mistakes import add_mistake, due_count, mistake_book
from app.exams.practice import practice_answer
from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
from app.models import MistakeEntry, utcnow
from tests.exams.factories import make_paper

DAY = timedelta(days=1)


def entry(db):
    return db.session.query(MistakeEntry).one()


def test_review_schedule_1_3_7_days_and_two_right_in_a_row(trainee, exam_bank, db):
    t0 = utcnow()
    practice_answer(trainee, "gas.s0", "A", now=t0)  # wrong (answer C)
    e = entry(db)
    assert e.due_at == t0 + DAY and e.stage == 0 and e.correct_streak == 0 and e.resolved_at is None
    assert due_count(trainee, now=t0) == 0 and due_count(trainee, now=t0 + DAY) == 1

    t1 = t0 + DAY
    practice_answer(trainee, "gas.s0", "C", now=t1)  # right once: back in 3 days
    assert e.correct_streak == 1 and e.due_at == t1 + 3 * DAY and e.resolved_at is None

    t2 = t1 + 3 * DAY
    practice_answer(trainee, "gas.s0", "B", now=t2)  # wrong: streak reset, back tomorrow
    assert e.correct_streak == 0 and e.due_at == t2 + DAY and e.resolved_at is None

    t3 = t2 + DAY
    practice_answer(trainee, "gas.s0", "C", now=t3)  # right: next interval is 7 days
    assert e.correct_streak == 1 and e.due_at == t3 + 7 * DAY

    t4 = t3 + 7 * DAY
    practice_answer(trainee, "gas.s0", "C", now=t4)  # right twice in a row: leaves the book
    assert e.resolved_at == t4
    assert mistake_book(trainee, now=t4) == [] and due_count(trainee, now=t4 + 30 * DAY) == 0

    practice_answer(trainee, "gas.s0", "D", now=t4 + DAY)  # wrong again: re-opened
    db.session.expire_all()
    e = entry(db)
    assert e.resolved_at is None and e.correct_streak == 0 and e.due_at == t4 + 2 * DAY


def test_right_answer_never_enters(trainee, exam_bank, db):
    practice_answer(trainee, "gas.s0", "C")
    practice_answer(trainee, "complaints.m0", ["A", "C"])
    assert db.session.query(MistakeEntry).count() == 0


def test_case_part_below_60_percent_enters_with_missed_points(trainee, exam_bank, db):
    now = utcnow()
    feedback = practice_answer(trainee, "complaints.case", {"a": "先道歉", "b": "电话回访"}, now=now)
    assert [p["passed"] for p in feedback["parts"]] == [False, True]
    e = entry(db)
    assert e.part_id == "a" and e.missed == ["listen"] and e.due_at == now + DAY
    book = mistake_book(trainee, now=now)
    assert book[0]["part_id"] == "a" and [m["id"] for m in book[0]["missed"]] == ["listen"]
    assert book[0]["due"] is False
    # 4 + 6 = 10/10 twice in a row: the part leaves the book
    practice_answer(trainee, "complaints.case", {"a": "道歉并倾听"}, now=now + DAY)
    practice_answer(trainee, "complaints.case", {"a": "道歉并倾听"}, now=now + 4 * DAY)
    assert entry(db).resolved_at is not None


def test_exam_mistakes_enter_the_book(trainee, exam_bank, db):
    exam_paper = make_paper()
    attempt, _ = start_attempt(trainee, exam_paper)
    save_answer(attempt, "etiquette.j0", False)  # wrong (answer true)
    save_answer(attempt, "complaints.m0", ["A", "C"])  # right
    submit_attempt(attempt)
    db.session.commit()
    book = mistake_book(trainee, now=utcnow() + 2 * DAY)
    # unanswered items are not "answered wrong"
    assert [(b["question"], b["due"]) for b in book] == [("etiquette.j0", True)]


def test_add_by_hand(trainee, exam_bank, db):
    e = add_mistake(trainee, "complaints.case")
    db.session.commit()
    assert e.manual and e.part_id is None and due_count(trainee) == 1
    assert add_mistake(trainee, "complaints.case").id == e.id  # adding twice keeps one entry
    with pytest.raises(ExamNotFound):
        add_mistake(trainee, "no.such.question")
    # reviewed as a whole: two good answers in a row take it out
    practice_answer(trainee, "complaints.case", {"a": "道歉倾听", "b": "回访"})
    practice_answer(trainee, "complaints.case", {"a": "道歉倾听", "b": "回访"})
    db.session.refresh(e)
    assert e.resolved_at is not None


def test_book_is_per_user(trainee, make_user, exam_bank, db):
    practice_answer(trainee, "gas.s0", "A")
    other = make_user("other")
    assert mistake_book(other) == [] and due_count(other, now=utcnow() + 2 * DAY) == 0
    assert len(mistake_book(trainee)) == 1


def test_a_question_of_an_open_attempt_cannot_be_added_nor_printed_with_its_solution(trainee, trainee_client,
                                                                                      exam_bank, db):
    """Adding an exam question to the book by hand and printing the book showed its answer, explanation,
    key points and reference answer in the middle of the exam (practice already refused such a question)."""
    from tests.exams.factories import SECRETS

    practice_answer(trainee, "complaints.case", {"a": "无关", "b": "无关"})  # in the book before the exam
    attempt, _ = start_attempt(trainee, make_paper())
    db.session.commit()
    keys = [item.version.question.key for item in attempt.items]
    for key in keys:
        page = trainee_client.post("/mistakes", data={"question_key": key})
        assert page.status_code == 302 and page.headers["Location"].endswith("/mistakes")
        api = trainee_client.post("/api/mistakes", json={"question": key})
        assert api.status_code == 409, key
        with pytest.raises(ExamConflict):
            add_mistake(trainee, key)
    printed = trainee_client.get("/mistakes/print").get_data(as_text=True)
    assert [s for s in SECRETS if s in printed] == []
    submit_attempt(attempt)
    db.session.commit()
    assert trainee_client.post("/api/mistakes", json={"question": keys[0]}).status_code == 201
    printed = trainee_client.get("/mistakes/print").get_data(as_text=True)
    assert "参考答案秘密REF" in printed and "解析秘密XPL" in printed


def test_the_book_shows_no_key_points_of_a_question_in_an_open_attempt(trainee, trainee_client, exam_bank, db):
    """An entry made before the exam listed the case's missed key points (rubric texts) on the book's page and
    in the API while the same question was being answered in an open attempt."""
    import json

    from tests.exams.factories import SECRET_RUBRIC

    def read(url):
        response = trainee_client.get(url)
        return json.dumps(response.get_json(), ensure_ascii=False) if response.is_json else response.get_data(True)

    practice_answer(trainee, "complaints.case", {"a": "无关", "b": "无关"})  # both parts missed
    db.session.commit()
    assert SECRET_RUBRIC in read("/api/mistakes")
    attempt, _ = start_attempt(trainee, make_paper())
    db.session.commit()
    for url in ("/api/mistakes", "/mistakes", "/mistakes/print"):
        assert SECRET_RUBRIC not in read(url), url
    assert len(trainee_client.get("/api/mistakes").get_json()["entries"]) == 2  # still listed, without them
    submit_attempt(attempt)
    db.session.commit()
    assert SECRET_RUBRIC in read("/mistakes") and SECRET_RUBRIC in read("/api/mistakes")
