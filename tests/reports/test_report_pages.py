import io
import subprocess

import openpyxl
import pytest

from app.models import AuditEvent, Cohort, PointScore
from tests.reports.factories import T0, make_class, sit


@pytest.fixture
def classes(exam_bank, make_paper, make_user, db):
    paper = make_paper("mock-p", sections=[{"title": "单选", "questions": ["gas.s0"]},
                                           {"title": "案例", "questions": ["complaints.case"]}])
    teacher = make_user("teacher", roles=("instructor",))
    a, b = make_user("stu_a", display_name="陈一"), make_user("stu_b", display_name="林二")
    make_class("甲班", teacher, a)
    make_class("乙班", b)
    attempt = sit(a, paper, [9, 4], sections=[0, 1])
    sit(b, paper, [3, 2], sections=[0, 1])
    response = attempt.items[1].response
    db.session.add_all([PointScore(response_id=response.id, part_id="a", point_id="listen", earned=0, max=6),
                        PointScore(response_id=response.id, part_id="a", point_id="apologize", earned=4, max=4)])
    db.session.commit()
    return paper


def test_admin_downloads_xlsx_and_the_download_is_audited(admin_client, classes, db):
    response = admin_client.post("/reports/export", data={"paper": "mock-p", "format": "xlsx", "pick": "best"})
    assert response.status_code == 200
    data = response.get_data()
    response.close()
    book = openpyxl.load_workbook(io.BytesIO(data))
    names = [row[1] for row in book["成绩"].iter_rows(min_row=2, values_only=True)]
    assert names == ["stu_a", "stu_b"]
    event = db.session.query(AuditEvent).filter_by(kind="report.exported").one()
    assert event.actor_name == "admin1" and event.detail["format"] == "xlsx"


def test_instructor_sees_only_the_classes_they_teach(login, classes, db):
    from app.models import User

    c = login(db.session.query(User).filter_by(username="teacher").one())
    page = c.get("/reports/?paper=mock-p").get_data(as_text=True)
    assert "stu_a" in page and "stu_b" not in page
    other = db.session.query(__import__("app.models", fromlist=["Cohort"]).Cohort).filter_by(name="乙班").one()
    assert c.get(f"/reports/?paper=mock-p&cohort={other.id}").status_code == 403
    assert c.get("/reports/transcript/stu_b").status_code == 404  # as an unknown name: no existence oracle
    assert c.get("/reports/transcript/stu_a").status_code == 200
    assert c.get("/admin/").status_code == 403


def test_trainees_cannot_see_reports(trainee_client, classes):
    assert trainee_client.get("/reports/?paper=mock-p").status_code == 403


def test_bad_report_parameters_rerender_with_a_message(admin_client, classes):
    response = admin_client.get("/reports/?paper=mock-p&from=2026-12-02&to=2026-12-01")
    assert response.status_code == 422 and 'role="alert"' in response.get_data(as_text=True)
    assert admin_client.get("/reports/?paper=nope").status_code == 422
    assert admin_client.post("/reports/export", data={"paper": "mock-p", "format": "doc"}).status_code == 422


def test_the_ranking_without_a_paper_sends_to_the_page_that_chooses_one(admin_client, classes):
    response = admin_client.get("/reports/ranking")  # it answered 404, a dead end for a bookmark
    assert response.status_code == 302 and response.headers["Location"].endswith("/reports/")


def test_ranking_print_page_and_pdf(admin_client, classes, tmp_path):
    page = admin_client.get("/reports/ranking?paper=mock-p").get_data(as_text=True)
    assert "成绩排名表" in page and "陈一" in page and "不合格" in page and "@media print" in page
    assert 'action="/reports/ranking.pdf"' in page and 'name="csrf_token"' in page
    # a standalone print page (no base.html): it loads the script of its print button itself
    assert "data-print" in page and "/static/common.js" in page
    response = admin_client.post("/reports/ranking.pdf", data={"paper": "mock-p", "pick": "best"})
    assert response.mimetype == "application/pdf"
    path = tmp_path / "r.pdf"
    path.write_bytes(response.get_data())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "陈一" in text and "林二" in text and "13.0" in text


def test_the_print_pages_fit_a_phone_and_lead_back(admin_client, classes, tmp_path):
    """On a phone the ranking and the transcript were an A4 page zoomed out to 375 px (no viewport), with no menu
    and no way back to the report (found walking /reports as the demo admin at 375 px); the PDF is unchanged."""
    page = admin_client.get("/reports/ranking?paper=mock-p&pick=latest").get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<a href="/reports/?paper=mock-p&amp;pick=latest">' in page and '<div class="table-frame"><table>' in page
    page = admin_client.get("/reports/transcript/stu_a", headers={"Referer": "http://localhost/admin/users/3"})
    assert '<a href="/admin/users/3">' in page.get_data(as_text=True)
    page = admin_client.get("/reports/transcript/stu_a", headers={"Referer": "https://evil.example/x"})
    assert '<a href="/reports/">' in page.get_data(as_text=True)  # never back to another site
    response = admin_client.post("/reports/transcript/stu_a.pdf")
    path = tmp_path / "t.pdf"
    path.write_bytes(response.get_data())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "返回" not in text and "陈一" in text


def test_transcript_pdf_download(admin_client, classes, tmp_path):
    response = admin_client.post("/reports/transcript/stu_a.pdf")
    path = tmp_path / "t.pdf"
    path.write_bytes(response.get_data())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "陈一" in text and "13.0" in text and "合格" in text and "不合格" not in text  # 13/20 = 65%


def test_dashboard_draws_svg_charts_from_the_figures(admin_client, classes):
    page = admin_client.get("/reports/dashboard?paper=mock-p").get_data(as_text=True)
    assert page.count("<svg") >= 4 and "<script" not in page.split("<main>")[1].split("</main>")[0]
    assert "50%" in page  # pass rate: stu_a 13/20 = 65% passes, stu_b 5/20 fails
    assert "listen" in page and "0%" in page  # the weakest key point
    assert "公用事业服务" in page
    assert "1 合格 / 1 不合格" in page


def test_dashboard_speaks_the_chosen_language(admin_client, classes):
    admin_client.post("/lang/en", data={"next": "/"})
    page = admin_client.get("/reports/dashboard?paper=mock-p").get_data(as_text=True)
    assert "1 passed / 1 failed" in page and "不合格" not in page


def test_dashboard_figures(app, classes):
    from app.reports.dashboard import dashboard
    from app.reports.scores import ReportQuery

    board = dashboard(ReportQuery(classes))
    assert board.attended == 2 and board.passed == 1 and board.failed == 1
    assert board.distribution[6] == 1 and board.distribution[2] == 1
    assert board.trend == [("2026-W47", 45.0, 2)]
    assert board.points[0][0].startswith("gas.s0 a·listen")  # the factory's items all use the first version and board.points[0][1] == 0



def test_with_redis_the_export_is_a_background_job_whose_file_only_its_owner_gets(app, admin_client, classes, db,
                                                                                  login, make_user):
    import fakeredis
    from rq import Queue, SimpleWorker

    from app import jobs

    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    posted = admin_client.post("/reports/export", data={"paper": "mock-p", "format": "xlsx", "pick": "best"})
    assert posted.status_code == 302 and "/jobs/" in posted.headers["Location"]
    job_url = posted.headers["Location"]
    assert db.session.query(AuditEvent).filter_by(kind="report.exported").count() == 0  # not made yet
    assert admin_client.get(job_url + ".json").get_json()["download"] is None
    SimpleWorker([Queue(jobs.QUEUE, connection=connection)], connection=connection).work(burst=True)
    state = admin_client.get(job_url + ".json").get_json()
    assert state["state"] == "finished" and state["download"] == job_url + "/file"
    page = admin_client.get(job_url).get_data(as_text=True)
    assert 'id="job-download"' in page and job_url + "/file" in page
    download = admin_client.get(state["download"])
    assert download.status_code == 200 and "scores-mock-p.xlsx" in download.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(download.get_data()))
    assert [row[1] for row in book["成绩"].iter_rows(min_row=2, values_only=True)] == ["stu_a", "stu_b"]
    download.close()
    db.session.expire_all()
    assert db.session.query(AuditEvent).filter_by(kind="report.exported").one().actor_name == "admin1"
    other = login(make_user("admin2", roles=("admin",)))
    assert other.get(state["download"]).status_code == 200  # an administrator may fetch any job's file
    teacher = login(make_user("teacher9", roles=("instructor",)))
    assert teacher.get(state["download"]).status_code == 404 and teacher.get(job_url + ".json").status_code == 404

    # a class's Chinese name in the file's name
    cohort = db.session.query(Cohort).filter_by(name="甲班").one()
    posted = admin_client.post("/reports/export", data={"paper": "mock-p", "format": "csv", "pick": "best",
                                                        "cohort": str(cohort.id)})
    SimpleWorker([Queue(jobs.QUEUE, connection=connection)], connection=connection).work(burst=True)
    named = admin_client.get(posted.headers["Location"] + "/file")
    assert named.status_code == 200
    assert "filename*=UTF-8''scores-mock-p-%E7%94%B2%E7%8F%AD.csv" in named.headers["Content-Disposition"]
    named.close()


def test_before_a_paper_is_chosen_the_page_says_what_to_do(admin_client, classes):
    """A first visit showed a form whose paper read '—' and nothing under it."""
    page = admin_client.get("/reports/").get_data(as_text=True)
    assert "先选择试卷" in page
    chosen = admin_client.get("/reports/?paper=mock-p&pick=best").get_data(as_text=True)
    assert "先选择试卷" not in chosen and "stu_a" in chosen


def test_the_statistics_say_what_to_do_before_a_paper_is_chosen(admin_client, classes):
    page = admin_client.get("/reports/dashboard").get_data(as_text=True)
    assert "请先选择试卷" in page
    assert "请先选择试卷" not in admin_client.get("/reports/dashboard?paper=mock-p").get_data(as_text=True)
