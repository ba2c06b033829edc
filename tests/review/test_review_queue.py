"""The review queue and the marking page: role checks, filters, blind marking, overrides that reach the trainee's
result, save and next, bad input, CSRF, and GETs that never write."""
import re

import pytest

from app.models import Attempt, Cohort, GradeChange, PointScore, Response
from tests.review.conftest import case_response

FLAGGED = {"a": "不要道歉，耐心倾听", "b": "电话回访"}  # a negated point: the grader asks for review
PLAIN = {"a": "先道歉", "b": "电话回访"}


@pytest.fixture
def marked(db, exam_paper, finish, trainee, make_user):
    """Two flagged attempts (trainee1 = 测试学员甲 and trainee2) and one the grader was sure about."""
    trainee.display_name = "测试学员甲"
    db.session.commit()
    first = finish(trainee, exam_paper, {"complaints.case": FLAGGED})
    second = finish(make_user("trainee2", display_name="测试学员乙"), exam_paper, {"complaints.case": FLAGGED})
    sure = finish(make_user("trainee3"), exam_paper, {"complaints.case": PLAIN})
    return first, second, sure


def snapshot(db):
    db.session.expire_all()
    return (db.session.query(GradeChange).count(),
            sorted((r.id, r.score, r.needs_review, r.reviewed_at is None) for r in db.session.query(Response)))


def urls(first):
    rid = case_response(first).id
    return {"get": ["/review/", "/review/queue", f"/review/responses/{rid}", f"/review/attempts/{first.id}",
                    "/review/regrade", "/review/regrade?paper=mock-t&preview=1", "/review/papers/mock-t/marking",
                    "/review/papers/mock-t/marking.xlsx", "/review/papers/mock-t/items",
                    "/review/papers/mock-t/items.csv", "/review/papers/mock-t/monitor"],
            "post": [f"/review/responses/{rid}", "/review/regrade", "/review/papers/mock-t/marking/preview",
                     "/review/papers/mock-t/marking/apply"]}


def test_a_trainee_gets_403_on_every_review_page_and_nothing_changes(db, marked, trainee_client, client):
    before = snapshot(db)
    for url in urls(marked[0])["get"]:
        assert trainee_client.get(url).status_code == 403, url
        assert client.get(url).status_code == 302, url  # anonymous: to the login page
    for url in urls(marked[0])["post"]:
        response = trainee_client.post(url, data={f"p-a-listen": "0", "paper": "mock-t"})
        assert response.status_code == 403, url
    assert snapshot(db) == before


def test_every_review_get_answers_an_instructor_and_writes_nothing(db, marked, teacher_client):
    before = snapshot(db)
    for url in urls(marked[0])["get"]:
        assert teacher_client.get(url).status_code == 200, url
    assert snapshot(db) == before


def test_the_queue_lists_flagged_answers_with_filters_and_blind_marking(db, marked, teacher_client, exam_paper):
    first, second, sure = marked
    page = teacher_client.get("/review/queue").get_data(as_text=True)
    listed = {int(x) for x in re.findall(r'data-response="(\d+)"', page)}
    assert listed == {case_response(first).id, case_response(second).id}
    assert "测试学员甲" in page

    blind = teacher_client.get("/review/queue?blind=1").get_data(as_text=True)
    assert "测试学员甲" not in blind and "测试学员乙" not in blind
    assert len(set(re.findall(r"T-[0-9A-F]{6}", blind))) == 2

    assert 'data-response' not in teacher_client.get("/review/queue?flag=list").get_data(as_text=True)
    assert len(re.findall('data-response', teacher_client.get("/review/queue?flag=review").get_data(as_text=True))) == 2
    assert 'data-response' not in teacher_client.get("/review/queue?paper=other").get_data(as_text=True)
    assert 'data-response' not in teacher_client.get("/review/queue?question=gas.s0").get_data(as_text=True)
    cohort = Cohort(name="一班")
    cohort.members.append(db.session.get(Attempt, second.id).user)
    db.session.add(cohort)
    db.session.commit()
    in_cohort = teacher_client.get(f"/review/queue?cohort={cohort.id}").get_data(as_text=True)
    assert re.findall(r'data-response="(\d+)"', in_cohort) == [str(case_response(second).id)]
    assert 'data-response' not in teacher_client.get("/review/queue?state=done").get_data(as_text=True)
    # rubbish in the query string is ignored, not an error
    assert teacher_client.get("/review/queue?cohort=x&state=zz&flag=zz").status_code == 200
    assert teacher_client.get("/review/queue?state=%00").status_code == 400  # NUL: refused at the edge


def test_an_override_with_a_comment_reaches_the_trainees_result(db, marked, teacher_client, trainee_client, instructor):
    first = marked[0]
    response = case_response(first)
    page = teacher_client.get(f"/review/responses/{response.id}").get_data(as_text=True)
    assert "<mark" in page and 'name="p-a-listen"' in page and "测试学员甲" in page
    old_total = first.score
    before_result = trainee_client.get(f"/attempts/{first.id}/result").get_data(as_text=True)
    assert "待讲师复核" in before_result

    listen = response.result["parts"]["a"]["points"][1]
    assert listen["id"] == "listen" and listen["earned"] == 6.0
    saved = teacher_client.post(f"/review/responses/{response.id}", data={
        "p-a-apologize": "0", "p-a-listen": "3", "t-a": "", "c-a": "倾听写到了，但没有具体做法", "go": "stay"})
    assert saved.status_code == 302

    db.session.expire_all()
    changes = db.session.query(GradeChange).order_by(GradeChange.id).all()
    assert [(c.point_id, c.old_points, c.new_points, c.changed_by_id) for c in changes] == [
        ("listen", 6.0, 3.0, instructor.id)]
    attempt = db.session.get(Attempt, first.id)
    assert attempt.score == pytest.approx(old_total - 3)
    result = trainee_client.get(f"/attempts/{first.id}/result").get_data(as_text=True)
    assert "倾听写到了，但没有具体做法" in result
    assert "待讲师复核" not in result
    assert f"{attempt.score:g}" in result
    # it left the queue and shows among the reviewed
    assert f'data-response="{response.id}"' not in teacher_client.get("/review/queue").get_data(as_text=True)
    assert f'data-response="{response.id}"' in teacher_client.get("/review/queue?state=done").get_data(as_text=True)


def test_save_and_next_opens_the_next_answer_of_the_same_filtered_queue(db, marked, teacher_client):
    first, second, _ = marked
    one, two = case_response(first).id, case_response(second).id
    saved = teacher_client.post(f"/review/responses/{one}", data={"p-a-listen": "5", "go": "next", "blind": "1"})
    assert saved.status_code == 302
    assert re.search(rf"/review/responses/{two}\?.*blind=1", saved.headers["Location"])
    page = teacher_client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "测试学员乙" not in page and re.search(r"T-[0-9A-F]{6}", page)
    last = teacher_client.post(f"/review/responses/{two}", data={"go": "next"})  # nothing changed: confirmed
    assert re.search(r"/review/queue(\?state=todo)?$", last.headers["Location"])
    db.session.expire_all()
    confirmed = db.session.get(Response, two)
    assert confirmed.reviewed_at is not None and not confirmed.needs_review
    assert db.session.query(GradeChange).filter_by(response_id=two).count() == 0


def test_a_comment_alone_reaches_the_trainee_and_keeps_the_score(db, marked, teacher_client, trainee_client):
    response = case_response(marked[0])
    score = response.score
    assert teacher_client.post(f"/review/responses/{response.id}",
                               data={"c-a": "分数合理，注意措辞"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Response, response.id).score == score
    assert "分数合理，注意措辞" in trainee_client.get(f"/attempts/{marked[0].id}/result").get_data(as_text=True)


def test_a_comment_alone_is_a_comment_change_not_an_override_and_can_be_cleared(db, marked, teacher_client,
                                                                                trainee_client):
    response = case_response(marked[0])
    rid, score = response.id, response.score
    result_url = f"/attempts/{marked[0].id}/result"
    assert teacher_client.post(f"/review/responses/{rid}", data={"c-a": "注意措辞"}).status_code == 302
    db.session.expire_all()
    assert [(c.kind, c.part_id, c.point_id, c.reason) for c in db.session.query(GradeChange)] == [
        ("comment", "a", None, "注意措辞")]
    assert db.session.query(PointScore).filter_by(response_id=rid, source="override").count() == 0
    # a later regrade is free to move every key point: none was pinned by the comment
    stored = db.session.get(Response, rid)
    assert not any(p.get("override") for p in stored.result["parts"]["a"]["points"])
    assert "注意措辞" in trainee_client.get(result_url).get_data(as_text=True)

    # emptied: the trainee's result no longer shows it, the score is as it was, the history says so
    assert teacher_client.post(f"/review/responses/{rid}", data={"c-a": "  "}).status_code == 302
    db.session.expire_all()
    stored = db.session.get(Response, rid)
    assert stored.score == score and "comment" not in stored.result["parts"]["a"]
    assert "注意措辞" not in trainee_client.get(result_url).get_data(as_text=True)
    assert [c.reason for c in db.session.query(GradeChange).order_by(GradeChange.id)] == ["注意措辞", ""]
    assert "评语已清除" in teacher_client.get(f"/review/responses/{rid}").get_data(as_text=True)


def test_the_grade_history_names_the_part_and_key_point_in_words(db, marked, teacher_client):
    """It read "手动设定 a listen: 0 → 3": the part's and the key point's ids, which the page shows nowhere else."""
    from tests.exams.factories import SECRET_RUBRIC

    rid = case_response(marked[0]).id
    teacher_client.post(f"/review/responses/{rid}", data={"p-a-listen": "3"})
    page = teacher_client.get(f"/review/responses/{rid}").get_data(as_text=True)
    history = re.search(r'<ul class="history">(.*?)</ul>', page, re.S).group(1)
    assert f"第 1 小问 “{SECRET_RUBRIC}-listen”" in history and " a listen" not in history


def test_an_override_with_its_comment_emptied_clears_the_earlier_comment(db, marked, teacher_client):
    rid = case_response(marked[0]).id
    teacher_client.post(f"/review/responses/{rid}", data={"p-a-listen": "3", "c-a": "先写评语"})
    teacher_client.post(f"/review/responses/{rid}", data={"p-a-listen": "2", "c-a": ""})
    db.session.expire_all()
    part = db.session.get(Response, rid).result["parts"]["a"]
    assert "comment" not in part and next(p for p in part["points"] if p["id"] == "listen")["earned"] == 2


def test_an_unchanged_comment_writes_nothing(db, marked, teacher_client):
    rid = case_response(marked[0]).id
    teacher_client.post(f"/review/responses/{rid}", data={"c-a": "同一句"})
    before = snapshot(db)
    teacher_client.post(f"/review/responses/{rid}", data={"c-a": "同一句"})
    assert snapshot(db)[0] == before[0]


def test_a_part_total_can_be_set_by_hand(db, marked, teacher_client):
    response = case_response(marked[0])
    assert teacher_client.post(f"/review/responses/{response.id}", data={"t-a": "9.5", "c-a": "整体不错"}).status_code == 302
    db.session.expire_all()
    stored = db.session.get(Response, response.id)
    assert stored.result["parts"]["a"]["score"] == 9.5 and stored.result["parts"]["a"]["override"] is True


@pytest.mark.parametrize("form", [{"p-a-listen": "7"}, {"p-a-listen": "abc"}, {"p-a-listen": "nan"},
                                  {"p-a-listen": "-1"}, {"t-a": "21"}, {"c-a": "x" * 2001},
                                  {"p-a-apologize": "1", "p-a-listen": "inf"}])
def test_bad_marks_get_a_clear_message_and_change_nothing(db, marked, teacher_client, form):
    response = case_response(marked[0])
    before = snapshot(db)
    answer = teacher_client.post(f"/review/responses/{response.id}", data=form)
    assert answer.status_code == 400
    assert 'role="alert"' in answer.get_data(as_text=True)
    assert snapshot(db) == before


def test_marking_needs_the_csrf_token(app, db, marked, teacher_client):
    response = case_response(marked[0])
    app.config["WTF_CSRF_ENABLED"] = True
    before = snapshot(db)
    assert teacher_client.post(f"/review/responses/{response.id}", data={"p-a-listen": "1"}).status_code == 400
    assert teacher_client.post("/review/regrade", data={"paper": "mock-t"}).status_code == 400
    assert teacher_client.post("/review/papers/mock-t/marking/preview", data={}).status_code == 400
    assert teacher_client.post("/review/papers/mock-t/marking/apply", data={"token": "x"}).status_code == 400
    assert "会话已过期" in teacher_client.post("/review/papers/mock-t/marking/apply").get_data(as_text=True)
    assert snapshot(db) == before


def test_an_open_attempt_cannot_be_marked(db, exam_paper, trainee, teacher_client):
    from app.exams.lifecycle import save_answer, start_attempt

    attempt, _ = start_attempt(trainee, exam_paper)
    save_answer(attempt, "complaints.case", PLAIN)
    db.session.commit()
    response = case_response(attempt)
    assert teacher_client.get(f"/review/responses/{response.id}").status_code == 404
    assert teacher_client.post(f"/review/responses/{response.id}", data={"p-a-listen": "1"}).status_code == 404
    assert db.session.query(PointScore).count() == 0


def test_an_objective_answer_opened_from_an_attempt_can_be_overridden(db, marked, teacher_client):
    attempt = marked[2]
    item = next(i for i in attempt.items if i.version.content["type"] == "judge")
    page = teacher_client.get(f"/review/attempts/{attempt.id}").get_data(as_text=True)
    assert f"/review/responses/{item.response.id}" in page
    assert teacher_client.post(f"/review/responses/{item.response.id}",
                               data={"t-": "1", "c-": "题意有歧义，给分"}).status_code == 302
    db.session.expire_all()
    stored = db.session.get(Response, item.response.id)
    assert stored.score == 1 and stored.result["comment"] == "题意有歧义，给分"


def test_a_part_the_engine_could_not_grade_is_marked_by_its_total(db, marked, teacher_client):
    response = db.session.get(Response, case_response(marked[2]).id)
    parts = dict(response.result["parts"])
    parts["a"] = {"score": 0.0, "max": 10.0, "points": [], "flags": ["review", "error"], "error": "bad rubric",
                  "answer": "先道歉"}
    response.result, response.needs_review = dict(response.result, parts=parts), True
    db.session.commit()
    page = teacher_client.get(f"/review/responses/{response.id}").get_data(as_text=True)
    assert "bad rubric" in page and 'name="p-a-apologize"' not in page and 'name="t-a"' in page
    assert teacher_client.post(f"/review/responses/{response.id}", data={"c-a": "先看看"}).status_code == 302
    db.session.expire_all()
    change = db.session.query(GradeChange).one()
    assert (change.kind, change.part_id, change.point_id, change.new_points) == ("comment", "a", None, None)
    assert teacher_client.post(f"/review/responses/{response.id}", data={"t-a": "6", "c-a": "先看看"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Response, response.id).result["parts"]["a"]["score"] == 6


def test_a_form_without_the_comment_field_leaves_the_comment_alone(db, marked, teacher_client):
    attempt = marked[2]
    item = next(i for i in attempt.items if i.version.content["type"] == "judge")
    rid = item.response.id
    teacher_client.post(f"/review/responses/{rid}", data={"c-": "题意有歧义"})
    teacher_client.post(f"/review/responses/{rid}", data={"t-": "1"})  # points only: no comment field sent
    db.session.expire_all()
    assert db.session.get(Response, rid).result["comment"] == "题意有歧义"
    teacher_client.post(f"/review/responses/{rid}", data={"t-": "1", "c-": ""})  # the field sent empty: cleared
    db.session.expire_all()
    assert "comment" not in db.session.get(Response, rid).result


def test_the_queue_and_the_marking_page_say_why_in_the_readers_language(db, marked, teacher_client):
    """The grader's reasons for the review flag are stored with the grade and shown translated: Chinese by
    default, English when chosen; an answer the grader was sure about has none."""
    first, _second, sure = marked
    rid = case_response(first).id
    queue_page = teacher_client.get("/review/queue?flag=review").get_data(as_text=True)
    marking_page = teacher_client.get(f"/review/responses/{rid}").get_data(as_text=True)
    for page in (queue_page, marking_page):
        assert "（占本小题 40%）出现在否定句中，未得分" in page
        assert "named under a negation" not in page
    assert "评分程序的说明" in marking_page
    sure_page = teacher_client.get(f"/review/responses/{case_response(sure).id}").get_data(as_text=True)
    assert "评分程序的说明" not in sure_page

    teacher_client.post("/lang/en", data={"next": "/review/"})
    queue_page = teacher_client.get("/review/queue?flag=review").get_data(as_text=True)
    marking_page = teacher_client.get(f"/review/responses/{rid}").get_data(as_text=True)
    for page in (queue_page, marking_page):
        assert "(40% of the part) named under a negation and not earned" in page and "出现在否定句中" not in page
    assert "The grader's notes" in marking_page
