"""A draft paper never reaches trainees: not on the dashboard, not startable (its pages 404 as an unknown paper's),
not in the API's listing nor startable there, not among a class's open papers, not in the bank export. Published,
it is everywhere again; instructors see the draft all along."""
import pytest

from app.admin.classes import papers_open_to
from app.exams import lifecycle, progress
from app.exams.errors import ExamNotFound
from app.models import Attempt, Cohort, CohortPaper, Paper, utcnow
from tests.api.helpers import bearer, get_token
from tests.exams.factories import make_paper


@pytest.fixture
def draft_paper(exam_bank, db):
    paper = make_paper(key="mock-draft", title="草稿模拟卷")
    paper.draft = True
    db.session.commit()
    return paper


def _publish(db):
    assert Paper.by_key("mock-draft").publish() is True
    db.session.commit()


def test_a_draft_paper_is_not_listed_nor_started_on_the_pages(db, draft_paper, trainee_client, trainee):
    dashboard = trainee_client.get("/dashboard").get_data(as_text=True)
    assert 'data-paper="mock-draft"' not in dashboard and "草稿模拟卷" not in dashboard
    unknown = trainee_client.get("/papers/no-such/start")
    assert unknown.status_code == 404
    assert trainee_client.get("/papers/mock-draft/start").status_code == 404
    assert trainee_client.post("/papers/mock-draft/start").status_code == 404
    assert db.session.query(Attempt).count() == 0
    assert [row["paper"].key for row in progress.open_papers(trainee)] == []
    _publish(db)
    assert 'data-paper="mock-draft"' in trainee_client.get("/dashboard").get_data(as_text=True)
    assert trainee_client.get("/papers/mock-draft/start").status_code == 200
    assert "/attempts/" in trainee_client.post("/papers/mock-draft/start").headers["Location"]


def test_a_draft_paper_is_kept_from_the_api(db, client, trainee, draft_paper):
    auth = bearer(get_token(client, trainee))
    assert [p["key"] for p in client.get("/api/papers", headers=auth).json["papers"]] == []
    assert "mock-draft" not in str(client.get("/api/dashboard", headers=auth).json)
    refused = client.post("/api/papers/mock-draft/attempts", headers=auth)
    assert refused.status_code == 404
    assert refused.json == client.post("/api/papers/no-such/attempts", headers=auth).json  # as an unknown paper
    assert db.session.query(Attempt).count() == 0
    _publish(db)
    assert [p["key"] for p in client.get("/api/papers", headers=auth).json["papers"]] == ["mock-draft"]
    assert client.post("/api/papers/mock-draft/attempts", headers=auth).status_code == 201


def test_starting_a_draft_is_refused_by_the_operation_itself(db, draft_paper, trainee):
    with pytest.raises(ExamNotFound):
        lifecycle.start_attempt(trainee, draft_paper)
    assert db.session.query(Attempt).count() == 0


def test_a_class_given_a_draft_paper_does_not_see_it_until_it_is_published(db, draft_paper, trainee,
                                                                            trainee_client):
    cohort = Cohort(name="一班")
    cohort.members.append(trainee)
    db.session.add(cohort)
    db.session.flush()
    db.session.add(CohortPaper(cohort_id=cohort.id, paper_id=draft_paper.id))
    db.session.commit()
    assert papers_open_to(trainee, utcnow()) == []
    assert 'data-paper="mock-draft"' not in trainee_client.get("/dashboard").get_data(as_text=True)
    _publish(db)
    assert [p.key for p in papers_open_to(trainee, utcnow())] == ["mock-draft"]


def test_instructors_still_see_and_preview_a_draft(db, draft_paper, instructor_client):
    listing = instructor_client.get("/authoring/papers").get_data(as_text=True)
    assert 'data-paper="mock-draft"' in listing and 'data-state="draft"' in listing
    preview = instructor_client.get("/authoring/papers/mock-draft/preview")
    assert preview.status_code == 200 and 'class="q card"' in preview.get_data(as_text=True)


def test_the_bank_export_leaves_a_draft_paper_out(db, draft_paper, tmp_path):
    from app.authoring.services import export_bank

    make_paper(key="mock-live")
    written = "".join(path.read_text(encoding="utf-8") for path in export_bank(tmp_path))
    assert "mock-live" in written and "mock-draft" not in written


def test_the_class_page_marks_a_draft_paper(db, draft_paper, admin_client):
    """An administrator may give a class a draft paper ahead of time (its window waits for the publishing); the
    class page says it is a draft."""
    cohort = Cohort(name="二班")
    db.session.add(cohort)
    db.session.commit()
    page = admin_client.get(f"/admin/classes/{cohort.id}").get_data(as_text=True)
    assert "草稿模拟卷 (mock-draft) · 草稿</option>" in page
    assert admin_client.post(f"/admin/classes/{cohort.id}/papers",
                             data={"paper_id": str(draft_paper.id)}).status_code == 302
    page = admin_client.get(f"/admin/classes/{cohort.id}").get_data(as_text=True)
    assert '<td>草稿模拟卷 <span class="tag review">草稿</span></td>' in page
