"""The marking pages follow the reports' rule (app/reach.py): an instructor sees and marks the work of the trainees
of the classes they teach, and nothing else; an administrator reaches everyone. Out of reach is answered exactly
as an unknown id is (404), and lists, counts and exports leave it out."""
import io
import json
import re
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from app.models import Attempt, Cohort, GradeChange, Question, Response
from tests.review.conftest import case_response

FLAGGED = {"a": "不要道歉，耐心倾听", "b": "电话回访"}  # a negated point: the grader asks for review
UNKNOWN = 987654


@pytest.fixture
def two_classes(db, exam_paper, finish, trainee, make_user, login, admin_client, teacher_client):
    """teacher1's trainee 本班学员 and, in 乙班 (taught by teacher2), 外班学员; both sent to the queue."""
    trainee.display_name = "本班学员"
    db.session.commit()
    mine = finish(trainee, exam_paper, {"complaints.case": FLAGGED})
    teacher2 = make_user("teacher2", roles=("instructor",))
    outsider = make_user("outsider", display_name="外班学员")
    other = Cohort(name="乙班", members=[teacher2])
    db.session.add(other)
    db.session.commit()
    theirs = finish(outsider, exam_paper, {"complaints.case": FLAGGED}, cohort=other)
    return SimpleNamespace(mine=mine, theirs=theirs, teacher1=teacher_client, teacher2=login(teacher2),
                           admin=admin_client, other=other)


def state(db):
    db.session.expire_all()
    return (db.session.query(GradeChange).count(),
            sorted((r.id, r.score, r.needs_review, r.reviewed_at is None) for r in db.session.query(Response)))


def bare(answer) -> str:
    """An error page without what differs from one request to the next: the address (the language switch's
    ``next``) and the CSRF token."""
    text = answer.get_data(as_text=True)
    return re.sub(r'name="(next|csrf_token|csrf-token)" (value|content)="[^"]*"', r'name="\1"', text)


def listed(page: str, attribute="data-response") -> set[int]:
    return {int(x) for x in re.findall(rf'{attribute}="(\d+)"', page)}


def test_another_class_s_attempt_answer_and_marking_posts_are_404_like_unknown_ones(db, two_classes):
    w = two_classes
    response = case_response(w.mine)
    before = state(db)
    pairs = [(f"/review/attempts/{w.mine.id}", f"/review/attempts/{UNKNOWN}"),
             (f"/review/responses/{response.id}", f"/review/responses/{UNKNOWN}"),
             (f"/review/regrade?paper=mock-t&preview=1&attempt={w.mine.id}",
              f"/review/regrade?paper=mock-t&preview=1&attempt={UNKNOWN}")]
    for reached, unknown in pairs:
        out_of_reach = w.teacher2.get(reached)
        assert out_of_reach.status_code == 404, reached
        # no oracle: the same page as for an id nobody has
        assert bare(out_of_reach) == bare(w.teacher2.get(unknown)), reached
        assert "本班学员" not in out_of_reach.get_data(as_text=True)
    posts = [(f"/review/responses/{response.id}", {"p-a-listen": "0", "c-a": "外班老师改分"}),
             (f"/review/responses/{response.id}", {"go": "next"}),  # nothing changed: would mark it reviewed
             ("/review/regrade", {"paper": "mock-t", "attempt": str(w.mine.id)}),
             ("/review/regrade", {"paper": "mock-t", "attempt": str(UNKNOWN)})]
    for url, form in posts:
        assert w.teacher2.post(url, data=form).status_code == 404, (url, form)
    assert w.teacher2.get(f"/api/attempts/{w.mine.id}").status_code == 404  # the API shows staff no one's attempt
    assert state(db) == before
    # each instructor reaches their own trainee's work, and an administrator everyone's
    assert w.teacher2.get(f"/review/attempts/{w.theirs.id}").status_code == 200
    assert w.teacher1.get(f"/review/responses/{response.id}").status_code == 200
    for attempt in (w.mine, w.theirs):
        assert w.admin.get(f"/review/attempts/{attempt.id}").status_code == 200
        assert w.admin.get(f"/review/responses/{case_response(attempt).id}").status_code == 200
    assert w.admin.post(f"/review/responses/{response.id}", data={"p-a-listen": "3"}).status_code == 302


def test_lists_counts_and_exports_hold_only_the_trainees_of_one_s_classes(db, two_classes):
    w = two_classes
    mine, theirs = case_response(w.mine).id, case_response(w.theirs).id
    queue = w.teacher1.get("/review/queue?state=all").get_data(as_text=True)
    assert listed(queue) == {mine} and "外班学员" not in queue
    assert "(1)" in w.teacher1.get("/review/").get_data(as_text=True)  # the queue's count on the index
    # the class filter offers only the classes taught; naming another class lists nothing of it
    assert "乙班" not in queue
    assert listed(w.teacher1.get(f"/review/queue?cohort={w.other.id}").get_data(as_text=True)) == set()
    opened = w.teacher1.get(f"/review/responses/{mine}").get_data(as_text=True)
    assert "1 / 1" in opened  # its place in the queue counts only what the instructor reaches

    monitor = w.teacher1.get("/review/papers/mock-t/monitor").get_data(as_text=True)
    assert listed(monitor, "data-attempt") == {w.mine.id} and "外班学员" not in monitor
    assert re.search(r'<span class="big">1</span><br>已交卷', monitor)

    sheet = load_workbook(io.BytesIO(w.teacher1.get("/review/papers/mock-t/marking.xlsx").data))["marking"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == {mine} and "outsider" not in {r[3] for r in rows}

    regrade = w.teacher1.get("/review/regrade?paper=mock-t").get_data(as_text=True)
    assert "外班学员" not in regrade and f'name="attempt" value="{w.theirs.id}"' not in regrade
    assert f'name="attempt" value="{w.mine.id}"' in regrade

    attempts = w.teacher1.get("/authoring/attempts").get_data(as_text=True)
    assert "本班学员" in attempts and "外班学员" not in attempts

    items = w.teacher1.get("/review/papers/mock-t/items").get_data(as_text=True)
    assert re.search(r'data-stat="attempts">1<', items)
    assert w.teacher1.get("/review/papers/mock-t/items.csv").get_data(as_text=True).splitlines()[-1].startswith(
        "(paper),,,1,")

    # an administrator reaches both classes on the same pages
    assert listed(w.admin.get("/review/queue?state=all").get_data(as_text=True)) == {mine, theirs}
    assert listed(w.admin.get("/review/papers/mock-t/monitor").get_data(as_text=True), "data-attempt") == {
        w.mine.id, w.theirs.id}
    sheet = load_workbook(io.BytesIO(w.admin.get("/review/papers/mock-t/marking.xlsx").data))["marking"]
    assert {r[0] for r in sheet.iter_rows(min_row=2, values_only=True)} == {mine, theirs}
    assert re.search(r'data-stat="attempts">2<', w.admin.get("/review/papers/mock-t/items").get_data(as_text=True))
    assert "外班学员" in w.admin.get("/authoring/attempts").get_data(as_text=True)


def _sheet_with_marks(client, *response_ids):
    book = load_workbook(io.BytesIO(client.get("/review/papers/mock-t/marking.xlsx").data))
    sheet = book["marking"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in response_ids and row[1].value == "a":
            row[10].value = 1
            row[11].value = "表格批改"
    return book


def _upload(client, book):
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    return client.post("/review/papers/mock-t/marking/preview", data={"sheet": (data, "marked.xlsx")},
                       content_type="multipart/form-data")


def test_a_marking_sheet_s_rows_of_another_class_are_refused_like_unknown_ones(db, two_classes):
    w = two_classes
    mine, theirs = case_response(w.mine).id, case_response(w.theirs).id
    book = _sheet_with_marks(w.admin, mine, theirs)  # the administrator's sheet holds both classes
    row_of_theirs = next(r[0].row for r in book["marking"].iter_rows(min_row=2)
                         if r[0].value == theirs and r[1].value == "a")
    book["marking"].append([UNKNOWN, "a", "0" * 32, "x", 1, "complaints.case", "", "", 0, 10, 1, "表格批改"])
    unknown_row = book["marking"].max_row
    before = state(db)
    page = _upload(w.teacher1, book).get_data(as_text=True)
    assert "外班学员" not in page and page.count("表格批改") == 1
    # refused in the same words as a row whose response nobody has
    assert f"第 {row_of_theirs} 行: 这一行不是本试卷的作答" in page
    assert f"第 {unknown_row} 行: 这一行不是本试卷的作答" in page  # as for a response id nobody has
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    # the preview was made for teacher1: another instructor cannot apply it
    assert w.teacher2.post("/review/papers/mock-t/marking/apply", data={"token": token}).status_code == 400
    assert state(db) == before
    assert w.teacher1.post("/review/papers/mock-t/marking/apply", data={"token": token}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Response, mine).result["parts"]["a"]["score"] == 1
    assert db.session.get(Response, theirs).result["parts"]["a"].get("comment", "") == ""


def change_rubric(db):
    question = Question.by_key("complaints.case")
    content = json.loads(json.dumps(question.current.content))
    part = content["parts"][0]
    part["rubric"] = [dict(part["rubric"][0], points=8), dict(part["rubric"][1], points=2)]
    question.revise(content)
    db.session.commit()


def test_a_regrade_stays_bank_wide_but_lists_only_the_attempts_in_reach(db, two_classes):
    w = two_classes
    mine, theirs = case_response(w.mine).id, case_response(w.theirs).id
    change_rubric(db)
    page = w.teacher1.get("/review/regrade?paper=mock-t&preview=1").get_data(as_text=True)
    report = page.split('id="dry-run-report"')[1]
    assert listed(report) == {mine} and f"#{w.theirs.id}<" not in report and "外班学员" not in page
    assert "将改变 2 道题、2 次作答的分数" in report  # the figures count the whole paper
    assert re.search(r'id="unlisted-changes"[^>]*>[^<]*1 处', report)
    assert listed(w.admin.get("/review/regrade?paper=mock-t&preview=1").get_data(as_text=True)) == {mine, theirs}
    assert w.teacher1.post("/review/regrade", data={"paper": "mock-t"}).status_code == 302
    db.session.expire_all()  # a correction of the question: every class's answers follow the current rubric
    assert db.session.query(GradeChange).filter_by(kind="regrade", response_id=theirs).count() == 1


def test_an_instructor_who_teaches_no_class_sees_empty_lists_and_why(db, two_classes, make_user, login):
    lonely = login(make_user("teacher3", roles=("instructor",)))
    pages = ["/review/", "/review/queue", "/review/papers/mock-t/monitor", "/review/papers/mock-t/items",
             "/review/papers/mock-t/marking", "/review/regrade?paper=mock-t", "/authoring/attempts"]
    for url in pages:
        response = lonely.get(url)
        text = response.get_data(as_text=True)
        assert response.status_code == 200, url
        assert 'id="no-class"' in text and "你还没有任教的班级" in text, url
        assert "本班学员" not in text and "外班学员" not in text, url
    assert listed(lonely.get("/review/queue?state=all").get_data(as_text=True)) == set()
    sheet = load_workbook(io.BytesIO(lonely.get("/review/papers/mock-t/marking.xlsx").data))["marking"]
    assert sheet.max_row == 1  # the header alone
    lonely.post("/lang/en", data={"next": "/review/queue"})
    english = lonely.get("/review/queue").get_data(as_text=True)
    assert "You teach no class yet" in english
    # an instructor with a class sees no such notice
    assert 'id="no-class"' not in two_classes.teacher1.get("/review/queue").get_data(as_text=True)
    assert db.session.query(Attempt).count() == 2


def test_the_queue_of_one_class_holds_its_trainees_answers_only(db, two_classes, instructor, finish, taught_class,
                                                                 exam_paper):
    """teacher1 tried the paper in the class they teach: an administrator's queue of that class, like teacher1's,
    lists the trainee's answer and not the instructor's, who is a member of the class but not its trainee."""
    w = two_classes
    tried = finish(instructor, exam_paper, {"complaints.case": FLAGGED})
    mine, theirs = case_response(w.mine).id, case_response(tried).id
    assert theirs in listed(w.admin.get("/review/queue?state=all").get_data(as_text=True))  # every class: all
    for client in (w.admin, w.teacher1):
        page = client.get(f"/review/queue?state=all&cohort={taught_class.id}").get_data(as_text=True)
        assert listed(page) == {mine}
