"""Paper drafts in the editor: a new paper waits as a draft unless published on save; its page shows 草稿 / 已发布
and publishes it or returns it to draft (POST, CSRF, instructors only), refusing what makes no sense; papers from
the YAML bank are published, and an import keeps a draft a draft."""
from app.exams import lifecycle
from app.models import Paper, Question
from tests.authoring.test_papers import paper_form
from tests.exams.factories import make_paper


def _paper(key="mock-new") -> Paper:
    from app.extensions import db

    db.session.expire_all()
    return Paper.by_key(key)


def test_the_editor_saves_a_new_paper_as_a_draft(exam_bank, instructor_client):
    form = instructor_client.get("/authoring/papers/new").get_data(as_text=True)
    assert 'name="publish"' in form and "保存后立即发布" in form
    response = instructor_client.post("/authoring/papers/new", data=paper_form())
    assert response.status_code == 302
    assert _paper().draft is True and _paper().live is False
    page = instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "试卷已保存为草稿" in page
    assert '<span class="tag review" id="paper-state">草稿</span>' in page
    assert 'name="draft" value="0"' in page and ">发布</button>" in page
    assert page.count('class="q card"') == 4  # an instructor previews a draft as a trainee would see it
    listing = instructor_client.get("/authoring/papers").get_data(as_text=True)
    assert 'data-paper="mock-new"' in listing and 'data-state="draft">草稿</span>' in listing


def test_the_editor_publishes_on_save_when_ticked(exam_bank, instructor_client):
    response = instructor_client.post("/authoring/papers/new", data=paper_form(publish="1"))
    assert response.status_code == 302
    assert _paper().draft is False and _paper().live is True
    page = instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "试卷已保存并发布" in page and 'id="paper-state">已发布</span>' in page
    assert 'name="draft" value="1"' in page and ">退回草稿</button>" in page
    assert 'data-state="draft"' not in instructor_client.get("/authoring/papers").get_data(as_text=True)


def test_publish_on_save_is_refused_when_a_draw_needs_draft_questions(exam_bank, instructor_client, db):
    """The bank's check counts drafts (an instructor may build a paper around questions still being written), but
    trainees could not start it: the paper is saved, kept a draft, and the editor says why."""
    Question.by_key("gas.s3").draft = True
    db.session.commit()
    response = instructor_client.post("/authoring/papers/new",
                                      data=paper_form(publish="1", **{"section-0-draw_count": "4"}))
    assert response.status_code == 302
    assert _paper().draft is True
    page = instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "试卷已保存为草稿。未发布：第 1 部分无法用已发布的题目组满" in page
    assert instructor_client.post("/authoring/papers/mock-new/draft", data={"draft": "0"}).status_code == 302
    assert _paper().draft is True  # the button refuses it the same way
    assert Question.by_key("gas.s3").publish() is True
    db.session.commit()
    instructor_client.post("/authoring/papers/mock-new/draft", data={"draft": "0"})
    assert _paper().draft is False


def test_editing_keeps_the_state_and_offers_no_publish_box(exam_bank, instructor_client):
    instructor_client.post("/authoring/papers/new", data=paper_form())
    assert 'name="publish"' not in instructor_client.get("/authoring/papers/mock-new/edit").get_data(as_text=True)
    response = instructor_client.post("/authoring/papers/mock-new/edit", data=paper_form(title="改名", publish="1"))
    assert response.status_code == 302
    paper = _paper()
    assert paper.title == "改名" and paper.draft is True
    instructor_client.post("/authoring/papers/mock-new/draft", data={"draft": "0"})
    instructor_client.post("/authoring/papers/mock-new/edit", data=paper_form(title="再改"))
    assert _paper().title == "再改" and _paper().draft is False


def test_publish_and_return_to_draft_by_post(exam_bank, instructor_client):
    instructor_client.post("/authoring/papers/new", data=paper_form())
    response = instructor_client.post("/authoring/papers/mock-new/draft", data={"draft": "0"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/authoring/papers/mock-new/preview")
    assert _paper().draft is False
    assert "试卷已发布" in instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    response = instructor_client.post("/authoring/papers/mock-new/draft", data={"draft": "1"})
    assert _paper().draft is True
    assert "试卷已退回草稿" in instructor_client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_paper_trainees_have_sat_is_not_returned_to_draft(exam_bank, exam_paper, instructor_client, trainee, db):
    lifecycle.start_attempt(trainee, exam_paper)
    db.session.commit()
    response = instructor_client.post("/authoring/papers/mock-t/draft", data={"draft": "1"})
    assert response.status_code == 302
    assert _paper("mock-t").draft is False
    page = instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "已有学员作答过这份试卷，因此它保持发布状态" in page and 'class="flash flash-error"' in page


def test_an_inactive_paper_is_neither_published_nor_made_a_draft(exam_bank, instructor_client, db):
    paper = make_paper()
    paper.active, paper.draft = False, True
    db.session.commit()
    page = instructor_client.get("/authoring/papers/mock-t/preview").get_data(as_text=True)
    assert 'id="paper-state">已停用</span>' in page and 'name="draft"' not in page
    response = instructor_client.post("/authoring/papers/mock-t/draft", data={"draft": "0"})
    assert "这份试卷已停用" in instructor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert _paper("mock-t").draft is True


def test_publish_needs_post_csrf_and_an_instructor(app, exam_bank, login, make_user, trainee_client, db):
    paper = make_paper()
    paper.draft = True
    db.session.commit()
    assert trainee_client.post("/authoring/papers/mock-t/draft", data={"draft": "0"}).status_code == 403
    assert trainee_client.get("/authoring/papers/mock-t/preview").status_code == 403
    instructor = login(make_user("instructor2", roles=("instructor",)))
    assert instructor.get("/authoring/papers/mock-t/draft").status_code == 405
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert instructor.post("/authoring/papers/mock-t/draft", data={"draft": "0"}).status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert _paper("mock-t").draft is True
    assert instructor.post("/authoring/papers/nope/draft", data={"draft": "0"}).status_code == 404
    admin = login(make_user("admin2", roles=("admin",)))
    assert admin.post("/authoring/papers/mock-t/draft", data={"draft": "0"}).status_code == 302
    assert _paper("mock-t").draft is False


PAPERS = """
papers:
  - id: mock-bank
    title: 题库试卷
    time_limit: 30
    sections:
      - title: 单选
        draw: {type: single, count: 1, topic: 公用事业服务}
"""


def test_bank_imports_make_published_papers_and_keep_a_draft_a_draft(app, db, runner, write_bank):
    from tests.bank.test_validate import GOOD_CASE, GOOD_SINGLE

    files = {"c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE, "papers.yaml": PAPERS}
    result = runner.invoke(args=["bank", "import", str(write_bank(files))])
    assert result.exit_code == 0, result.output
    paper = _paper("mock-bank")
    assert paper.draft is False and paper.live is True
    paper.draft = True
    db.session.commit()
    changed = dict(files, **{"papers.yaml": PAPERS.replace("题库试卷", "题库试卷（改）")})
    assert runner.invoke(args=["bank", "import", str(write_bank(changed, folder="bank2"))]).exit_code == 0
    paper = _paper("mock-bank")
    assert paper.title == "题库试卷（改）" and paper.draft is True  # an import never publishes an instructor's draft
