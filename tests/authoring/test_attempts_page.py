from app.exams import lifecycle as services
from app.models import Cohort, User
from tests.exams.factories import make_paper


def test_instructor_sees_tab_switches_beside_each_attempt(app, db, exam_bank, make_user, instructor_client):
    paper = make_paper(key="focus-paper", track_focus=True)
    trainee = make_user("watched", display_name="小王")
    # the list holds the trainees of the instructor's classes (app/reach.py)
    db.session.add(Cohort(name="一班", members=[trainee, db.session.query(User).filter_by(username="instructor1").one()]))
    attempt, _ = services.start_attempt(trainee, paper)
    for _ in range(3):
        services.record_focus_loss(attempt)
    db.session.commit()

    page = instructor_client.get("/authoring/attempts").get_data(as_text=True)
    assert "小王" in page and paper.title in page
    assert '<td class="error">3</td>' in page


def test_attempts_page_is_for_staff_only(trainee_client, client):
    assert trainee_client.get("/authoring/attempts").status_code == 403
    assert client.get("/authoring/attempts").status_code == 302
