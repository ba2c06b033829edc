"""Drafts in the editor and the bank browser: a new question waits as a draft unless published on save; the
question page publishes it or returns it to draft (POST, CSRF, instructors only)."""
from app.models import Question
from tests.authoring.test_editor import case_form


def test_the_editor_saves_a_new_question_as_a_draft(app, db, instructor_client):
    response = instructor_client.post("/authoring/questions/new", data=case_form())
    assert response.status_code == 302
    assert Question.by_key("complaints.new").draft is True
    page = instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "已保存为草稿" in page
    assert '<span class="tag review" id="question-state">草稿</span>' in page
    assert 'name="draft" value="0"' in page and ">发布</button>" in page


def test_the_editor_publishes_on_save_when_ticked(app, db, instructor_client):
    assert 'name="publish"' in instructor_client.get("/authoring/questions/new").get_data(as_text=True)
    response = instructor_client.post("/authoring/questions/new", data=case_form(publish="1"))
    assert response.status_code == 302
    assert Question.by_key("complaints.new").draft is False
    page = instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "已保存并发布" in page and 'id="question-state">已发布</span>' in page
    assert 'name="draft" value="1"' in page


def test_editing_keeps_the_state_and_offers_no_publish_box(app, db, instructor_client):
    instructor_client.post("/authoring/questions/new", data=case_form())
    page = instructor_client.get("/authoring/questions/complaints.new/edit").get_data(as_text=True)
    assert 'name="publish"' not in page
    response = instructor_client.post("/authoring/questions/complaints.new/edit",
                                      data=case_form(stem="一位顾客又来投诉。", publish="1"))
    assert response.status_code == 302
    db.session.expire_all()
    question = Question.by_key("complaints.new")
    assert question.current.number == 2 and question.draft is True


def test_publish_and_return_to_draft_by_post(app, db, instructor_client):
    instructor_client.post("/authoring/questions/new", data=case_form())
    response = instructor_client.post("/authoring/questions/complaints.new/draft", data={"draft": "0"})
    assert response.status_code == 302
    db.session.expire_all()
    assert Question.by_key("complaints.new").draft is False
    response = instructor_client.post("/authoring/questions/complaints.new/draft", data={"draft": "1"})
    db.session.expire_all()
    assert Question.by_key("complaints.new").draft is True
    assert "已退回草稿" in instructor_client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_retired_question_is_not_published(app, db, instructor_client, exam_bank):
    instructor_client.post("/authoring/questions/gas.s0/retire", data={"retired": "1"})
    instructor_client.post("/authoring/questions/gas.s0/draft", data={"draft": "1"})
    db.session.expire_all()
    question = Question.by_key("gas.s0")
    assert question.retired is True and question.draft is False
    assert 'name="draft"' not in instructor_client.get("/authoring/questions/gas.s0").get_data(as_text=True)


def test_publish_needs_post_csrf_and_an_instructor(app, db, exam_bank, login, make_user, trainee_client):
    Question.by_key("gas.s0").draft = True
    db.session.commit()
    assert trainee_client.post("/authoring/questions/gas.s0/draft", data={"draft": "0"}).status_code == 403
    instructor = login(make_user("instructor2", roles=("instructor",)))
    assert instructor.get("/authoring/questions/gas.s0/draft").status_code == 405
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert instructor.post("/authoring/questions/gas.s0/draft", data={"draft": "0"}).status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    db.session.expire_all()
    assert Question.by_key("gas.s0").draft is True
    assert instructor.post("/authoring/questions/nope/draft", data={"draft": "0"}).status_code == 404


def test_the_browser_filters_and_marks_drafts(app, db, exam_bank, instructor_client):
    Question.by_key("gas.s1").draft = True
    db.session.commit()
    listed = instructor_client.get("/authoring/").get_data(as_text=True)
    assert 'data-key="gas.s1"' in listed and 'data-key="gas.s0"' in listed  # in use: drafts listed, marked
    assert '<span class="tag review">草稿</span>' in listed
    drafts = instructor_client.get("/authoring/?status=draft").get_data(as_text=True)
    assert 'data-key="gas.s1"' in drafts and 'data-key="gas.s0"' not in drafts
    assert drafts.count('class="card au-item') == 1


def test_bank_imports_make_live_questions_and_keep_a_draft_a_draft(app, db, runner, write_bank):
    from tests.bank.test_validate import GOOD_CASE, GOOD_SINGLE

    result = runner.invoke(args=["bank", "import", str(write_bank({"c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE}))])
    assert result.exit_code == 0, result.output
    questions = db.session.scalars(db.select(Question)).all()
    assert len(questions) == 2 and all(q.live for q in questions)
    questions[0].draft = True
    key = questions[0].key
    db.session.commit()
    assert runner.invoke(args=["bank", "import", str(write_bank({"c.yaml": GOOD_CASE,
                                                                  "o.yaml": GOOD_SINGLE}))]).exit_code == 0
    db.session.expire_all()
    assert Question.by_key(key).draft is True  # unchanged content, and an import never publishes
