import threading
from datetime import timedelta

import pytest

from app.scoring import current_grader, override
from app.scoring import service as scoring_service
from app.exams.payloads import attempt_payload, result_payload
from app.exams.lifecycle import expire_overdue, record_focus_loss, save_answer, set_flag, start_attempt, submit_attempt
from app.models import Attempt, AttemptStateError, FocusEvent, GradeChange, Response, utcnow
from tests.exams.factories import make_paper


def started(trainee, exam_paper, db, now=None):
    attempt, _ = start_attempt(trainee, exam_paper, now)
    db.session.commit()
    return attempt


def test_save_validates_and_upserts(trainee, exam_paper, db):
    attempt = started(trainee, exam_paper, db)
    first = save_answer(attempt, "complaints.m0", ["C", "A"])
    second = save_answer(attempt, "complaints.m0", ["B"], flagged=True)
    db.session.commit()
    assert first is second and second.answer == ["B"] and second.flagged
    set_flag(attempt, "complaints.m0", False)
    assert db.session.query(Response).one().flagged is False
    save_answer(attempt, "complaints.m0", None)
    assert db.session.query(Response).one().answer is None


def test_save_after_deadline_refused_with_now(trainee, exam_paper, db):
    now = utcnow()
    attempt = started(trainee, exam_paper, db, now)
    save_answer(attempt, "etiquette.j0", True, now=now + timedelta(minutes=59))
    with pytest.raises(AttemptStateError, match="deadline"):
        save_answer(attempt, "etiquette.j0", False, now=now + timedelta(minutes=61))
    with pytest.raises(AttemptStateError):
        set_flag(attempt, "etiquette.j0", True, now=now + timedelta(minutes=61))


def test_double_submit_grades_once(trainee, exam_paper, db):
    attempt = started(trainee, exam_paper, db)
    save_answer(attempt, "complaints.case", {"a": "先道歉"})
    submit_attempt(attempt)
    db.session.commit()
    score, finished = attempt.score, attempt.finished_at
    graded = {r.id: (r.score, r.result) for r in db.session.query(Response)}
    assert len(graded) == 5 and db.session.query(GradeChange).count() == 0
    # an instructor's override after grading must survive a second submit
    response = attempt.items[-1].response
    part, point = "a", response.result["parts"]["a"]["points"][-1]["id"]
    override(response, part, point, response.result["parts"]["a"]["points"][-1]["max"], "fair enough", by=trainee)
    db.session.commit()
    overridden, total = response.score, attempt.score
    assert overridden > graded[response.id][0] and total > score
    submit_attempt(attempt, utcnow() + timedelta(minutes=5))
    db.session.commit()
    db.session.expire_all()
    attempt = db.session.get(Attempt, attempt.id)
    assert attempt.score == total and attempt.finished_at == finished and attempt.status == "submitted"
    assert db.session.get(Response, response.id).score == overridden
    assert db.session.query(GradeChange).count() == 1


@pytest.mark.parametrize("row_lock", [True, False], ids=["with-row-lock", "conditional-update-only"])
def test_submit_from_a_stale_request_does_not_regrade(app, trainee, exam_paper, db, monkeypatch, row_lock):
    from app.exams import lifecycle

    attempt_id = started(trainee, exam_paper, db).id
    calls = []
    original = scoring_service.grade_response
    monkeypatch.setattr(scoring_service, "grade_response", lambda *a, **k: calls.append(a) or original(*a, **k))
    with app.app_context():  # request B: loads the attempt, still started
        stale = db.session.get(Attempt, attempt_id)
        assert stale.status == "started"
        with app.app_context():  # request A submits and commits meanwhile
            submit_attempt(db.session.get(Attempt, attempt_id))
            db.session.commit()
        assert len(calls) == 5
        if not row_lock:  # as if B had read before A's commit and held no lock: the conditional UPDATE decides
            monkeypatch.setattr(lifecycle, "_lock", lambda attempt: None)
        submit_attempt(stale)
        db.session.commit()
        assert stale.status == "submitted"
    assert len(calls) == 5  # B graded nothing
    db.session.expire_all()
    assert db.session.get(Attempt, attempt_id).status == "submitted"


def test_concurrent_submits_grade_once(app, trainee, exam_paper, db, login):
    if db.engine.dialect.name == "sqlite" and db.engine.url.database in (None, "", ":memory:"):
        pytest.skip("needs a database shared between threads")
    attempt = started(trainee, exam_paper, db)
    save_answer(attempt, "etiquette.j0", True)
    db.session.commit()
    attempt_id = attempt.id
    clients = [login(trainee) for _ in range(3)]
    results = []
    barrier = threading.Barrier(len(clients))

    def submit(c):
        barrier.wait()
        results.append(c.post(f"/api/attempts/{attempt_id}/submit"))

    threads = [threading.Thread(target=submit, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in results) == [200, 200, 200], [r.json for r in results]
    assert len({r.json["score"] for r in results}) == 1
    db.session.expire_all()
    assert db.session.query(Response).count() == 5  # one graded response per item, not one per submit
    assert db.session.get(Attempt, attempt_id).score == 1


def test_submit_past_deadline_expires_and_grades(trainee, exam_paper, db):
    now = utcnow()
    attempt = started(trainee, exam_paper, db, now)
    save_answer(attempt, "etiquette.j0", True, now=now)
    submit_attempt(attempt, now + timedelta(hours=2))
    assert attempt.status == "expired" and attempt.finished_at == attempt.deadline and attempt.score == 1


def test_expire_overdue_grades_an_abandoned_attempt(trainee, make_user, exam_paper, db, runner):
    now = utcnow()
    abandoned = started(trainee, exam_paper, db, now - timedelta(hours=2))
    save_answer(abandoned, "etiquette.j0", True, now=now - timedelta(hours=2))
    db.session.commit()
    fresh = started(make_user("other"), exam_paper, db, now)
    assert expire_overdue(now=now - timedelta(hours=3)) == 0
    result = runner.invoke(args=["attempts", "expire"])
    assert result.exit_code == 0 and "expired 1" in result.output
    db.session.expire_all()
    abandoned = db.session.get(Attempt, abandoned.id)
    assert abandoned.status == "expired" and abandoned.score == 1
    assert db.session.get(Attempt, fresh.id).status == "started"
    assert result_payload(abandoned)["items"][3]["is_correct"] is True
    assert expire_overdue() == 0


def test_focus_loss_only_when_tracked(trainee, exam_bank, db):
    tracked = make_paper("tracked", track_focus=True)
    untracked = make_paper("untracked")
    a = started(trainee, tracked, db)
    b = started(trainee, untracked, db)
    assert record_focus_loss(a) is not None and record_focus_loss(a) is not None
    assert record_focus_loss(b) is None
    db.session.commit()
    assert db.session.query(FocusEvent).count() == 2
    assert attempt_payload(a)["focus_losses"] == 2
    submit_attempt(a)
    assert record_focus_loss(a) is None


def test_case_flags_needs_review_and_points_each_scales(trainee, exam_bank, db):
    exam_paper = make_paper("scaled", sections=[{"title": "案例", "questions": ["complaints.case"], "points_each": 10}])
    attempt = started(trainee, exam_paper, db)
    save_answer(attempt, "complaints.case", {"a": "道歉", "b": "电话回访"})
    submit_attempt(attempt)
    response = attempt.items[0].response
    # a: apologize 4/10, b: 10/10 -> 14/20 of the question, worth 10 here
    assert response.score == 7.0 and attempt.score == 7.0 and attempt.max_score == 10
    assert set(response.result["parts"]) == {"a", "b"}
    assert response.result["parts"]["a"]["answer"] == "道歉"
    result = result_payload(attempt)
    assert result["items"][0]["parts"][1]["rubric"][0]["earned"] == 10


def test_result_payload_refused_while_started(trainee, exam_paper, db):
    from app.exams.errors import ExamError

    attempt = started(trainee, exam_paper, db)
    with pytest.raises(ExamError):
        result_payload(attempt)


def test_one_grader_per_synonym_sets(trainee, exam_paper, db):
    first = current_grader()
    assert current_grader() is first
    from app.models import SynonymSet
    db.session.add(SynonymSet(name="listen", terms=["倾听", "聆听"]))
    db.session.commit()
    assert current_grader() is not first


def test_concurrent_saves_of_case_parts_are_all_kept(app, trainee, exam_paper, db, login):
    attempt = started(trainee, exam_paper, db)
    save_answer(attempt, "complaints.case", {"a": "初稿"})
    db.session.commit()
    attempt_id = attempt.id
    clients = [login(trainee) for _ in range(4)]
    bodies = [{"a": "道歉"}, {"b": "回访"}, {"a": "道歉并倾听"}, {"b": "电话回访"}]
    results = []
    barrier = threading.Barrier(len(clients))

    def save(c, body):
        barrier.wait()
        results.append(c.put(f"/api/attempts/{attempt_id}/answers/complaints.case", json={"answer": body}))

    threads = [threading.Thread(target=save, args=(c, b)) for c, b in zip(clients, bodies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [200] * 4, [r.json for r in results]
    db.session.expire_all()
    saved = db.session.get(Attempt, attempt_id).items[-1].response.answer
    # whatever the order, no part was lost to a concurrent save of the other part
    assert saved["a"] in ("道歉", "道歉并倾听") and saved["b"] in ("回访", "电话回访")
