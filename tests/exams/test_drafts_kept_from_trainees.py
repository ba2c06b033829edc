"""A draft never reaches trainees: not in practice (pages and API), not in a draw, not in a fixed paper, not in
the 错题本; paper previews and draw checks count only live questions. Published, it is everywhere again."""
import random

import pytest

from app.authoring import papers_admin
from app.exams import draw_pool, practice as practising
from app.exams.drawing import paper_questions
from app.exams.errors import ExamError
from app.models import Question
from tests.api.helpers import bearer, get_token
from tests.exams.factories import make_paper


def _draft(db, key):
    Question.by_key(key).draft = True
    db.session.commit()


def _publish(db, key):
    assert Question.by_key(key).publish() is True
    db.session.commit()


def test_a_draft_is_not_practised_until_published(app, db, exam_bank, trainee_client):
    _draft(db, "quality.s0")
    _draft(db, "quality.s1")
    page = trainee_client.get("/practice?topic=服务质量").get_data(as_text=True)
    assert "quality.s0" not in page and "quality.s1" not in page
    assert "服务质量" not in [t["topic"] for t in practising.practice_topics()]  # no live question left there
    assert trainee_client.get("/practice?question=quality.s0").status_code == 404
    assert trainee_client.post("/practice/quality.s0", data={"answer": "C"}).status_code == 404
    _publish(db, "quality.s0")
    assert trainee_client.get("/practice?question=quality.s0").status_code == 200
    assert "题干 quality.s0" in trainee_client.get("/practice?topic=服务质量").get_data(as_text=True)
    assert {"topic": "服务质量", "count": 1} in practising.practice_topics()


def test_a_draft_is_kept_from_the_trainee_api(app, db, client, trainee, exam_bank):
    _draft(db, "complaints.case")
    auth = bearer(get_token(client, trainee))
    for _ in range(5):
        found = client.get("/api/practice/next?topic=投诉处理", headers=auth).json["question"]
        assert found["question"] != "complaints.case"
    assert client.post("/api/practice/complaints.case/answer", json={"answer": {"a": "道歉"}},
                       headers=auth).status_code == 404
    assert client.post("/api/mistakes", json={"question": "complaints.case"}, headers=auth).status_code == 404
    _publish(db, "complaints.case")
    assert client.post("/api/mistakes", json={"question": "complaints.case"}, headers=auth).status_code == 201


def test_a_draft_is_never_drawn_and_the_pool_follows_publishing(app, db, exam_bank):
    paper = make_paper(sections=[{"title": "单选", "draw": {"type": "single", "count": 4, "topic": "公用事业服务"}}])
    assert {c.key for c in draw_pool.candidates("single")} >= {"gas.s0", "gas.s1", "gas.s2", "gas.s3"}
    _draft(db, "gas.s3")
    assert "gas.s3" not in {c.key for c in draw_pool.candidates("single")}
    with pytest.raises(ExamError):  # three live questions cannot fill four places
        paper_questions(paper, random.Random(1))
    assert papers_admin.draw_check(paper)[0]["fits"] == 3 and not papers_admin.draw_check(paper)[0]["ok"]
    _publish(db, "gas.s3")
    drawn = paper_questions(paper, random.Random(1))
    assert {version.question.key for _, version in drawn} == {"gas.s0", "gas.s1", "gas.s2", "gas.s3"}
    assert papers_admin.draw_check(paper)[0]["ok"]


def test_a_fixed_draft_stops_a_paper_and_its_preview(app, db, exam_paper, trainee_client, instructor_client):
    _draft(db, "complaints.m0")
    with pytest.raises(ExamError):
        papers_admin.preview_payload(exam_paper, seed=1)
    check = papers_admin.draw_check(exam_paper)
    assert [s["missing"] for s in check if s["kind"] == "fixed"][0] == ["complaints.m0"]
    refused = trainee_client.post("/papers/mock-t/start")
    assert refused.status_code == 302 and "/attempts/" not in refused.headers["Location"]
    _publish(db, "complaints.m0")
    assert papers_admin.preview_payload(exam_paper, seed=1)["items"]
    assert "/attempts/" in trainee_client.post("/papers/mock-t/start").headers["Location"]


def test_practice_that_finds_nothing_offers_to_clear_the_filters(exam_bank, trainee_client):
    page = trainee_client.get("/practice?topic=没有这个领域").get_data(as_text=True)
    assert "没有符合条件的题目。" in page and '<a href="/practice">清除筛选条件</a>' in page
