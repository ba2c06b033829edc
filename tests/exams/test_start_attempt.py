from datetime import timedelta

import pytest

from app.exams.errors import ExamConflict, ExamError, ExamNotFound
from app.exams.payloads import attempt_payload
from app.exams.lifecycle import get_attempt_for, save_answer, start_attempt, submit_attempt
from app.models import Attempt, AttemptItem, Question, utcnow
from tests.exams.factories import add_question, case, make_paper, single


def keys(attempt):
    return [item.version.question.key for item in attempt.items]


def test_fixed_questions_points_and_deadline(trainee, exam_paper, db):
    now = utcnow()
    attempt, created = start_attempt(trainee, exam_paper, now)
    db.session.commit()
    assert created and attempt.deadline == now + timedelta(minutes=60)
    assert [i.position for i in attempt.items] == [1, 2, 3, 4, 5]
    assert [i.section for i in attempt.items] == [0, 0, 1, 2, 3]
    assert keys(attempt)[2:] == ["complaints.m0", "etiquette.j0", "complaints.case"]
    # points_each overrides (multiple: 2); judge keeps its own 1; case: sum of its parts
    assert [i.points for i in attempt.items] == [1, 1, 2, 1, 20]
    assert attempt.max_score == 25
    assert all(i.option_order is None for i in attempt.items)


def test_draw_respects_type_topic_difficulty_tags(trainee, exam_bank, db):
    exam_paper = make_paper("draws", sections=[
        {"title": "a", "draw": {"type": "single", "count": 2, "topic": ["服务质量"], "difficulty": [4, 5]}},
        {"title": "b", "draw": {"type": "single", "count": 2, "tags": ["燃气"]}},
        {"title": "c", "draw": {"type": "judge", "count": 3, "difficulty": [1, 1]}},
    ])
    attempt, _ = start_attempt(trainee, exam_paper)
    versions = [i.version for i in attempt.items]
    assert sorted(keys(attempt)[:2]) == ["quality.s0", "quality.s1"]
    assert sorted(keys(attempt)[2:4]) == ["gas.s0", "gas.s1"]
    assert all(v.content["type"] == "judge" for v in versions[4:])
    assert len(set(keys(attempt))) == 7


def test_draw_is_fixed_at_start_and_resumed(trainee, exam_bank, db):
    exam_paper = make_paper("fixed", sections=[{"title": "a", "draw": {"type": "single", "count": 3}}])
    attempt, _ = start_attempt(trainee, exam_paper)
    db.session.commit()
    first = keys(attempt)
    # the exam_bank changes after the start: the attempt keeps its questions and versions
    exam_bank["gas.s0"].revise(single("gas.s0", stem="改过的题干"))
    db.session.commit()
    db.session.expire_all()
    again, created = start_attempt(trainee, exam_paper)
    assert not created and again.id == attempt.id and keys(again) == first
    assert [i["question"] for i in attempt_payload(again)["items"]] == first


def test_retired_questions_are_not_drawn(trainee, exam_bank, db):
    for key in ("gas.s0", "gas.s1", "gas.s2"):
        exam_bank[key].retired = True
    db.session.commit()
    exam_paper = make_paper("retired", sections=[{"title": "a", "draw": {"type": "single", "count": 3}}])
    attempt, _ = start_attempt(trainee, exam_paper)
    assert sorted(keys(attempt)) == ["gas.s3", "quality.s0", "quality.s1"]


def test_unsatisfiable_draw_and_inactive_paper(trainee, exam_bank, db):
    exam_paper = make_paper("big", sections=[{"title": "a", "draw": {"type": "single", "count": 50}}])
    with pytest.raises(ExamError, match="50"):
        start_attempt(trainee, exam_paper)
    db.session.rollback()
    assert db.session.query(Attempt).count() == 0
    exam_paper.active = False
    db.session.commit()
    with pytest.raises(ExamConflict):
        start_attempt(trainee, exam_paper)


def test_max_attempts_counts_finished_attempts(trainee, exam_bank, db):
    exam_paper = make_paper("twice", max_attempts=2)
    for _ in range(2):
        attempt, created = start_attempt(trainee, exam_paper)
        assert created
        submit_attempt(attempt)
        db.session.commit()
    with pytest.raises(ExamConflict, match="2"):
        start_attempt(trainee, exam_paper)


def test_untimed_paper_has_no_deadline(trainee, exam_bank, db):
    exam_paper = make_paper("practice-p", kind="practice", time_limit=None)
    attempt, _ = start_attempt(trainee, exam_paper)
    assert attempt.deadline is None
    assert attempt_payload(attempt)["remaining_seconds"] is None


def test_shuffled_option_order_differs_between_attempts_and_grades_by_letter(trainee, exam_bank, db):
    exam_paper = make_paper("shuffled", shuffle_options=True, max_attempts=None,
                       sections=[{"title": "a", "questions": ["gas.s0"]}])
    orders = set()
    for _ in range(8):
        attempt, _ = start_attempt(trainee, exam_paper)
        item = attempt.items[0]
        assert sorted(item.option_order) == list("ABCDEF")
        options = attempt_payload(attempt)["items"][0]["options"]
        assert [o["value"] for o in options] == item.option_order
        assert [o["label"] for o in options] == list("ABCDEF")
        orders.add(tuple(item.option_order))
        # the right answer is the ORIGINAL letter C, wherever it is shown
        save_answer(attempt, "gas.s0", "C")
        submit_attempt(attempt)
        db.session.commit()
        assert attempt.score == 1
        shown = item.option_order.index("C")
        from app.exams.payloads import result_payload
        assert result_payload(attempt)["items"][0]["correct_labels"] == ["ABCDEF"[shown]]
    assert len(orders) > 1  # 8 draws of 720 orders: the same order 8 times has odds 720**-7


def test_get_attempt_for_other_user_is_not_found(trainee, make_user, exam_paper, db):
    attempt, _ = start_attempt(trainee, exam_paper)
    db.session.commit()
    assert get_attempt_for(trainee, str(attempt.id)) is attempt
    other = make_user("someone")
    for ident in (attempt.id, "abc", None, -1, 10**30):
        with pytest.raises(ExamNotFound):
            get_attempt_for(other if ident == attempt.id else trainee, ident)


def test_items_are_stored_rows(trainee, exam_paper, db):
    attempt, _ = start_attempt(trainee, exam_paper)
    db.session.commit()
    assert db.session.query(AttemptItem).filter_by(attempt_id=attempt.id).count() == 5
    assert {q.key for q in db.session.query(Question)} >= set(keys(attempt))


def overlapping_cases(db):
    """complaints.case; complaints.same asks what its part 'a' asks; complaints.other is unrelated."""
    same = case("complaints.same")
    same["parts"][0]["overlaps"] = ["complaints.case/a"]
    for content in (same, case("complaints.other")):
        add_question(content)
    db.session.commit()


def test_a_draw_avoids_questions_that_ask_the_same_as_one_already_set(trainee, exam_bank, db):
    overlapping_cases(db)
    for n in range(12):  # the draw is random: a 1-in-4096 chance to pass by luck if avoidance were missing
        paper = make_paper(f"mock-o{n}", sections=[{"title": "fixed", "questions": ["complaints.case"]},
                                                  {"title": "drawn", "draw": {"type": "case", "count": 1}}])
        attempt, _ = start_attempt(trainee, paper)
        assert keys(attempt) == ["complaints.case", "complaints.other"]


def test_a_draw_takes_an_overlapping_question_when_nothing_else_fits(trainee, exam_bank, db):
    overlapping_cases(db)
    paper = make_paper("mock-full", sections=[{"title": "fixed", "questions": ["complaints.case"]},
                                              {"title": "drawn", "draw": {"type": "case", "count": 2}}])
    attempt, _ = start_attempt(trainee, paper)
    assert sorted(keys(attempt)[1:]) == ["complaints.other", "complaints.same"]


def test_a_section_may_draw_n_items_of_each_area_and_exclude_tags(trainee, exam_bank, db):
    paper = make_paper("balanced", sections=[{"title": "单选", "points_each": 1, "draw": [
        {"type": "single", "count": 1, "topic": "服务质量"},
        {"type": "single", "count": 2, "topic": "公用事业服务", "exclude_tags": ["燃气"]},
    ]}])
    attempt, _ = start_attempt(trainee, paper)
    drawn = keys(attempt)
    assert len(drawn) == 3 and len(set(drawn)) == 3
    assert drawn[0].startswith("quality.")
    assert sorted(drawn[1:]) == ["gas.s2", "gas.s3"]  # gas.s0 and gas.s1 carry the excluded tag


def test_a_retry_draws_questions_not_had_before_while_there_are_any(trainee, exam_bank, db):
    for i in range(2, 5):
        add_question(case(f"complaints.case{i}"))
    db.session.commit()
    paper = make_paper("case-pool", max_attempts=None, sections=[
        {"title": "案例", "draw": {"type": "case", "count": 2}}])
    had = set()
    for _ in range(2):
        attempt, _ = start_attempt(trainee, paper)
        drawn = set(keys(attempt))
        assert not drawn & had  # four cases in the pool: the second attempt gets the other two
        had |= drawn
        submit_attempt(attempt)
        db.session.commit()
    assert len(had) == 4


def test_a_paper_opened_to_classes_is_for_their_members_inside_the_window(db, trainee, make_user, exam_paper):
    from app.exams.progress import open_papers
    from app.models import Cohort, CohortPaper

    outsider = make_user("outsider")
    cohort = Cohort(name="一班")
    cohort.members.append(trainee)
    db.session.add(cohort)
    db.session.flush()
    db.session.add(CohortPaper(cohort_id=cohort.id, paper_id=exam_paper.id, opens_at=utcnow() - timedelta(hours=1),
                               closes_at=utcnow() + timedelta(hours=1)))
    db.session.commit()
    assert [r["paper"].key for r in open_papers(trainee)] == ["mock-t"]
    assert open_papers(outsider) == []
    with pytest.raises(ExamConflict):
        start_attempt(outsider, exam_paper)
    attempt, created = start_attempt(trainee, exam_paper)
    assert created
    with pytest.raises(ExamConflict):  # after the window closed (the open attempt has run out by then)
        start_attempt(trainee, exam_paper, now=utcnow() + timedelta(hours=2))
