"""Withdrawing a paper whose session is over: its page stops new attempts (POST, CSRF, instructors), results stay,
an attempt already open may still be submitted, editing keeps it withdrawn, and it can be put back in use."""
from app.exams import lifecycle, progress
from app.models import Attempt, Paper
from tests.authoring.test_papers import paper_form
from tests.exams.factories import make_paper


def _paper(key="mock-t") -> Paper:
    from app.extensions import db

    db.session.expire_all()
    return Paper.by_key(key)


def test_withdraw_and_reinstate_are_guarded_transitions(exam_bank, db):
    paper = make_paper()
    assert paper.reinstate() is False  # already in use
    assert paper.withdraw() is True and paper.active is False and paper.live is False
    assert paper.withdraw() is False  # already withdrawn
    assert paper.reinstate() is True and paper.live is True
    paper.draft = True
    paper.withdraw()
    assert paper.reinstate() is True and paper.draft is True and paper.live is False  # back as the draft it was


def test_a_withdrawn_paper_stops_new_attempts_but_keeps_results_and_open_ones(
        exam_bank, instructor_client, trainee_client, trainee, db):
    paper = make_paper()
    finished, _ = lifecycle.start_attempt(trainee, paper)
    lifecycle.submit_attempt(finished)
    open_attempt, _ = lifecycle.start_attempt(trainee, paper)
    db.session.commit()
    response = instructor_client.post("/authoring/papers/mock-t/active", data={"active": "0"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/authoring/papers/mock-t/preview")
    assert _paper().active is False
    page = instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "试卷已停用：学员不能再开始作答，已有成绩保留，正在作答的 1 份答卷仍可交卷。" in page
    assert 'id="paper-state">已停用</span>' in page and ">重新启用</button>" in page
    # trainees: not listed, not startable; the finished result and the open attempt still work
    assert 'data-paper="mock-t"' not in trainee_client.get("/dashboard").get_data(as_text=True)
    assert [row["paper"].key for row in progress.open_papers(trainee)] == []
    assert trainee_client.get("/papers/mock-t/start").status_code == 404
    assert trainee_client.get(f"/attempts/{finished.id}/result").status_code == 200
    assert trainee_client.post(f"/attempts/{open_attempt.id}/submit").status_code == 302
    db.session.expire_all()
    assert db.session.get(Attempt, open_attempt.id).is_open is False
    # put back in use
    response = instructor_client.post("/authoring/papers/mock-t/active", data={"active": "1"})
    assert _paper().active is True
    assert "试卷已重新启用，学员可以参加考试。" in instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'data-paper="mock-t"' in trainee_client.get("/dashboard").get_data(as_text=True)


def test_editing_a_withdrawn_paper_keeps_it_withdrawn(exam_bank, instructor_client):
    instructor_client.post("/authoring/papers/new", data=paper_form(publish="1"))
    instructor_client.post("/authoring/papers/mock-new/active", data={"active": "0"})
    response = instructor_client.post("/authoring/papers/mock-new/edit", data=paper_form(title="下期再用"))
    assert response.status_code == 302
    paper = _paper("mock-new")
    assert paper.title == "下期再用" and paper.active is False and paper.draft is False


def test_withdraw_needs_post_csrf_and_an_instructor(app, exam_bank, login, make_user, trainee_client, db):
    make_paper()
    assert trainee_client.post("/authoring/papers/mock-t/active", data={"active": "0"}).status_code == 403
    instructor = login(make_user("instructor2", roles=("instructor",)))
    assert instructor.get("/authoring/papers/mock-t/active").status_code == 405
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert instructor.post("/authoring/papers/mock-t/active", data={"active": "0"}).status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert _paper().active is True
    assert instructor.post("/authoring/papers/nope/active", data={"active": "0"}).status_code == 404


def test_a_withdrawn_draft_comes_back_as_a_draft(exam_bank, instructor_client):
    instructor_client.post("/authoring/papers/new", data=paper_form())
    instructor_client.post("/authoring/papers/mock-new/active", data={"active": "0"})
    response = instructor_client.post("/authoring/papers/mock-new/active", data={"active": "1"})
    assert _paper("mock-new").active is True and _paper("mock-new").draft is True
    page = instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "试卷已重新启用，但仍是草稿：准备好后请发布。" in page
