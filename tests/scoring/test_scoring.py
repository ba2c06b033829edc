"""app.scoring: drafts graded by a fork leave live grades alone; overrides are recorded and stick; regrade's dry
run lists exactly what a real run changes."""
import pytest

from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
from app.exams.payloads import result_payload
from app.models import Attempt, GradeChange, PointScore, Response
from app.scoring import OverrideError, current_grader, draft_grader, override, regrade
from tests.conftest import case_content

DRAFT = {"points": 10, "rubric": [{"id": "visit", "text": "上门回访", "points": 10, "match": [["登门致歉拜访"]]}]}


def finished_attempt(db, user, paper, answers):
    attempt, _ = start_attempt(user, paper)
    for key, answer in answers.items():
        save_answer(attempt, key, answer)
    submit_attempt(attempt)
    db.session.commit()
    return attempt


def case_response(attempt) -> Response:
    return next(i.response for i in attempt.items if i.version.content["type"] == "case")


def test_a_draft_rubric_graded_by_a_fork_leaves_every_live_grade_unchanged(db, trainee, exam_paper):
    attempt = finished_attempt(db, trainee, exam_paper, {"complaints.case": {"a": "登门致歉拜访，先道歉再倾听", "b": "电话回访"}})
    live = current_grader()
    before = {r.id: (r.score, r.result) for r in db.session.query(Response)}
    live_graded = live.grade(case_case_part(attempt), "登门致歉拜访，先道歉再倾听").to_dict()

    fork = draft_grader()
    assert fork.grade(DRAFT, "我们登门致歉拜访了客户").score == 10
    assert "登门致歉拜访" in fork.segmenter.tokenizer.FREQ
    assert "登门致歉拜访" not in live.segmenter.tokenizer.FREQ  # the draft's term stayed in the fork
    assert current_grader() is live
    assert live.grade(case_case_part(attempt), "登门致歉拜访，先道歉再倾听").to_dict() == live_graded
    regrade(list(db.session.query(Response)), dry_run=False)
    db.session.commit()
    assert {r.id: (r.score, r.result) for r in db.session.query(Response)} == before


def case_case_part(attempt):
    return next(i.version.content["parts"][0] for i in attempt.items if i.version.content["type"] == "case")


def test_an_override_writes_one_grade_change_and_the_total_follows(db, trainee, make_user, exam_paper):
    instructor = make_user("teacher", roles=("instructor",))
    attempt = finished_attempt(db, trainee, exam_paper, {"complaints.case": {"a": "先道歉", "b": ""}})
    response = case_response(attempt)
    old_score, old_total = response.score, attempt.score
    assert [p["earned"] for p in response.result["parts"]["a"]["points"]] == [4.0, 0.0]

    change = override(response, "a", "listen", 3, "倾听的意思写到了：让顾客把话说完", by=instructor)
    db.session.commit()

    db.session.expire_all()
    changes = db.session.query(GradeChange).all()
    assert len(changes) == 1
    saved = changes[0]
    assert (saved.kind, saved.part_id, saved.point_id, saved.old_points, saved.new_points) == (
        "override", "a", "listen", 0.0, 3.0)
    assert saved.changed_by_id == instructor.id and saved.at is not None
    assert saved.old_score == old_score and saved.new_score == pytest.approx(old_score + 3 * 20 / 20)
    assert saved.reason.startswith("倾听")
    attempt = db.session.get(Attempt, attempt.id)
    assert attempt.score == pytest.approx(old_total + 3)
    row = db.session.query(PointScore).filter_by(part_id="a", point_id="listen").one()
    assert (row.earned, row.source) == (3.0, "override")
    # the trainee's result shows the reviewed score and the comment, and no longer waits for review
    payload = result_payload(attempt)
    part = next(p for it in payload["items"] if it["type"] == "case" for p in it["parts"] if p["id"] == "a")
    assert part["score"] == 7.0 and part["comment"].startswith("倾听") and part["review"] == "reviewed"
    assert change.id == saved.id


def test_override_refuses_points_out_of_range_and_unknown_points(db, trainee, exam_paper):
    attempt = finished_attempt(db, trainee, exam_paper, {"complaints.case": {"a": "先道歉"}})
    response = case_response(attempt)
    with pytest.raises(OverrideError):
        override(response, "a", "listen", 7, "", by=trainee)  # worth 6
    with pytest.raises(OverrideError):
        override(response, "a", "nope", 1, "", by=trainee)
    with pytest.raises(OverrideError):
        override(response, "z", None, 1, "", by=trainee)
    assert db.session.query(GradeChange).count() == 0


def test_regrade_dry_run_lists_exactly_what_changes_and_keeps_overrides(db, trainee, make_user, exam_paper, make_question):
    other = make_user("trainee2")
    first = finished_attempt(db, trainee, exam_paper, {"complaints.case": {"a": "耐心倾听顾客", "b": "电话回访"}})
    second = finished_attempt(db, other, exam_paper, {"complaints.case": {"a": "先道歉", "b": "电话回访"}})
    third = finished_attempt(db, make_user("trainee3"), exam_paper, {"complaints.case": {"a": "耐心倾听", "b": ""}})
    # an instructor gave the third trainee's listening point by hand: a regrade must not take it away
    override(case_response(third), "a", "listen", 6, "ok", by=other)
    db.session.commit()
    kept = case_response(third).score

    # the rubric changes: listening is now worth 2 and needs 耐心 as well
    question = case_response(first).item.version.question
    content = dict(question.current.content)
    part = dict(content["parts"][0])
    part["rubric"] = [dict(part["rubric"][0], points=8), dict(part["rubric"][1], points=2,
                                                               match=[["倾听"], ["耐心"]])]
    part["points"] = 10
    content["parts"] = [part] + content["parts"][1:]
    question.revise(content)
    db.session.commit()

    responses = [case_response(a) for a in (first, second, third)]
    before = {r.id: r.score for r in responses}
    dry = regrade(responses, dry_run=True)
    assert {r.id: r.score for r in responses} == before  # nothing changed
    assert db.session.query(GradeChange).filter_by(kind="regrade").count() == 0
    expected = {case_response(first).id, case_response(second).id}
    assert {c.response_id for c in dry.changed} == expected
    assert dry.kept_overrides == 1 and dry.responses == 3

    real = regrade(responses, dry_run=False)
    db.session.commit()
    assert [(c.response_id, c.new) for c in real.changed] == [(c.response_id, c.new) for c in dry.changed]
    db.session.expire_all()
    after = {r.id: r.score for r in db.session.query(Response).filter(Response.id.in_(before))}
    assert {rid for rid in before if after[rid] != before[rid]} == expected
    assert after[case_response(third).id] == kept
    assert db.session.query(GradeChange).filter_by(kind="regrade").count() == 2
    assert db.session.query(PointScore).filter_by(source="override").count() == 1
