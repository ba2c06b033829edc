"""Regrade with a dry run, through the page and the CLI: the dry run lists exactly the responses a rubric change
moves, committing changes exactly those, and hand overrides made on the marking page stay as they were."""
import json
import re

import pytest

from app.models import GradeChange, PointScore, Question, Response
from tests.review.conftest import case_response


def change_rubric(db):
    """Listening is now worth 2 and needs 耐心 as well; apologising is worth 8."""
    question = Question.by_key("complaints.case")
    content = json.loads(json.dumps(question.current.content))
    part = content["parts"][0]
    part["rubric"] = [dict(part["rubric"][0], points=8), dict(part["rubric"][1], points=2, match=[["倾听"], ["耐心"]])]
    question.revise(content)
    db.session.commit()


@pytest.fixture
def sat(db, exam_paper, finish, trainee, make_user, teacher_client):
    """Four attempts; the third had its listening point given by hand on the marking page."""
    attempts = [finish(trainee, exam_paper, {"complaints.case": {"a": "耐心倾听顾客", "b": "电话回访"}}),
                finish(make_user("t2"), exam_paper, {"complaints.case": {"a": "先道歉", "b": "电话回访"}}),
                finish(make_user("t3"), exam_paper, {"complaints.case": {"a": "耐心倾听", "b": ""}}),
                finish(make_user("t4"), exam_paper, {"complaints.case": {"a": "", "b": "电话回访"}})]
    third = case_response(attempts[2])
    assert teacher_client.post(f"/review/responses/{third.id}", data={"p-a-listen": "5", "c-a": "给 5 分"}).status_code == 302
    return attempts


def scores(db):
    db.session.expire_all()
    return {r.id: r.score for r in db.session.query(Response)}


def test_the_dry_run_lists_exactly_what_changes_and_committing_changes_exactly_that(db, sat, teacher_client):
    change_rubric(db)
    before = scores(db)
    overridden = case_response(sat[2]).id

    page = teacher_client.get("/review/regrade?paper=mock-t&preview=1").get_data(as_text=True)
    listed = {int(x) for x in re.findall(r'<tr data-response="(\d+)"', page)}
    # first: 耐心倾听 6 -> 2, apology 0 -> 0: changes; second: 道歉 4 -> 8: changes; third: kept by hand; fourth: 0
    assert listed == {case_response(sat[0]).id, case_response(sat[1]).id}
    assert "将改变 2 道题、2 次作答的分数（合计 +0 分）" in page
    assert scores(db) == before  # the dry run wrote nothing
    assert db.session.query(GradeChange).filter_by(kind="regrade").count() == 0

    assert teacher_client.post("/review/regrade", data={"paper": "mock-t"}).status_code == 302
    after = scores(db)
    assert {rid for rid in before if after[rid] != before[rid]} == listed
    assert after[case_response(sat[0]).id] == before[case_response(sat[0]).id] - 4
    assert after[case_response(sat[1]).id] == before[case_response(sat[1]).id] + 4
    assert after[overridden] == before[overridden]
    row = db.session.query(PointScore).filter_by(response_id=overridden, point_id="listen").one()
    assert (row.earned, row.source) == (5.0, "override")
    assert db.session.query(GradeChange).filter_by(kind="regrade").count() == 2
    # a second dry run finds nothing left to change
    again = teacher_client.get("/review/regrade?paper=mock-t&preview=1").get_data(as_text=True)
    assert "data-response" not in again.split('id="dry-run-report"')[1]


def test_the_regrade_can_be_limited_to_questions(db, sat, teacher_client):
    change_rubric(db)
    page = teacher_client.get("/review/regrade?paper=mock-t&preview=1&question=etiquette.j0").get_data(as_text=True)
    assert "data-response" not in page.split('id="dry-run-report"')[1]
    before = scores(db)
    teacher_client.post("/review/regrade", data={"paper": "mock-t", "question": "etiquette.j0"})
    assert scores(db) == before


def test_the_questions_to_regrade_are_listed_without_their_markdown(db, sat, exam_paper, teacher_client):
    question = Question.by_key("complaints.case")
    content = json.loads(json.dumps(question.current.content))
    content["stem"] = "通话如下：\n\n> 坐席员：“您好！”\n>\n> 客户：“我要**投诉**！”"
    question.revise(content)
    db.session.commit()
    page = teacher_client.get(f"/review/regrade?paper={exam_paper.key}").get_data(as_text=True)
    assert "通话如下： 坐席员：“您好！” 客户：“我要投诉！”" in page and "&gt;" not in page


def test_regrade_of_an_unknown_paper_is_404_and_changes_nothing(db, sat, teacher_client):
    before = scores(db)
    assert teacher_client.post("/review/regrade", data={"paper": "nope"}).status_code == 404
    assert scores(db) == before


def test_cli_dry_run_then_commit(db, sat, runner):
    change_rubric(db)
    before = scores(db)
    dry = runner.invoke(args=["regrade", "--paper", "mock-t", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    report = json.loads(dry.output)
    assert (report["responses"], report["changed"], report["total_delta"], report["kept_overrides"]) == (20, 2, 0.0, 1)
    assert report["dry_run"] is True and report["attempts"] == 2
    assert scores(db) == before
    real = json.loads(runner.invoke(args=["regrade", "--paper", "mock-t", "--question", "complaints.case"]).output)
    assert (real["responses"], real["changed"], real["dry_run"]) == (4, 2, False)
    assert sum(1 for rid, s in scores(db).items() if s != before[rid]) == 2
    missing = runner.invoke(args=["regrade", "--paper", "nope"])
    assert missing.exit_code == 2 and "no paper" in missing.output


def test_the_regrade_can_be_limited_to_chosen_attempts(db, sat, teacher_client, runner):
    change_rubric(db)
    first, second = case_response(sat[0]).id, case_response(sat[1]).id
    page = teacher_client.get(f"/review/regrade?paper=mock-t&preview=1&attempt={sat[1].id}").get_data(as_text=True)
    assert {int(x) for x in re.findall(r'<tr data-response="(\d+)"', page)} == {second}
    assert f'name="attempt" value="{sat[1].id}"' in page.split('id="dry-run-report"')[1]  # the commit keeps it
    before = scores(db)
    teacher_client.post("/review/regrade", data={"paper": "mock-t", "attempt": str(sat[1].id)})
    after = scores(db)
    assert {rid for rid in before if after[rid] != before[rid]} == {second}
    dry = json.loads(runner.invoke(args=["regrade", "--paper", "mock-t", "--attempt", str(sat[0].id),
                                         "--dry-run"]).output)
    assert [c["response"] for c in dry["changes"]] == [first] and dry["attempts"] == 1


def test_the_attempt_page_offers_to_regrade_that_attempt(db, sat, teacher_client):
    page = teacher_client.get(f"/review/attempts/{sat[0].id}").get_data(as_text=True)
    assert f"/review/regrade?paper=mock-t&amp;attempt={sat[0].id}&amp;preview=1" in page


def test_with_redis_the_regrade_runs_in_the_background_with_progress(app, db, sat, teacher_client, instructor,
                                                                     make_user, login):
    import fakeredis
    from rq import Queue, SimpleWorker

    from app import jobs

    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    change_rubric(db)
    before = scores(db)
    posted = teacher_client.post("/review/regrade", data={"paper": "mock-t"})
    assert posted.status_code == 302 and "/jobs/" in posted.headers["Location"]
    job_url = posted.headers["Location"]
    assert scores(db) == before  # queued, not yet run
    waiting = teacher_client.get(job_url + ".json").get_json()
    assert (waiting["state"], waiting["percent"], waiting["next"]) == ("queued", 0, None)
    page = teacher_client.get(job_url).get_data(as_text=True)
    assert "<progress" in page and "jobs.js" in page

    # another instructor cannot see it; a trainee is refused by role
    other = login(make_user("teacher2", roles=("instructor",)))
    assert other.get(job_url + ".json").status_code == 404 and other.get(job_url).status_code == 404

    SimpleWorker([Queue(jobs.QUEUE, connection=connection)], connection=connection).work(burst=True)
    done = teacher_client.get(job_url + ".json").get_json()
    assert done["state"] == "finished" and done["percent"] == 100 and done["total"] == 20
    assert done["next"].startswith("/review/regrade?paper=mock-t&job=")
    after = scores(db)
    assert sum(1 for rid in before if after[rid] != before[rid]) == 2
    outcome = teacher_client.get(done["next"]).get_data(as_text=True)
    assert 'id="regrade-done"' in outcome and "2 道题" in outcome
