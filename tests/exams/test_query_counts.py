"""The number of SQL statements of the dashboard and the history does not grow with the trainee's attempts."""
from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
from app.exams.progress import dashboard, history
from tests.exams.factories import make_paper


def sit(db, trainee, paper, n):
    for _ in range(n):
        attempt, _ = start_attempt(trainee, paper)
        save_answer(attempt, "complaints.case", {"a": "先道歉", "b": "电话回访"})
        submit_attempt(attempt)
        db.session.commit()


def queries(count_queries, db, fn, trainee):
    db.session.expire_all()
    with count_queries() as counted:
        fn(trainee)
    return counted.n


def test_history_and_dashboard_run_a_fixed_number_of_queries(db, trainee, exam_bank, count_queries):
    paper = make_paper(max_attempts=None)
    other = make_paper("mock-u", max_attempts=None)
    sit(db, trainee, paper, 1)
    one = {fn.__name__: queries(count_queries, db, fn, trainee) for fn in (history, dashboard)}
    sit(db, trainee, paper, 4)
    sit(db, trainee, other, 2)
    many = {fn.__name__: queries(count_queries, db, fn, trainee) for fn in (history, dashboard)}
    assert many == one, (one, many)
    assert one["history"] <= 3 and one["dashboard"] <= 10, one


def test_an_api_submit_graded_in_the_request_does_not_load_a_question_per_item(db, client, trainee, exam_bank,
                                                                            count_queries):
    from tests.api.helpers import bearer, get_token

    small = make_paper("mock-s", sections=[{"title": "判断", "questions": ["etiquette.j0"]}])
    large = make_paper("mock-l", sections=[{"title": "单选", "draw": {"type": "single", "count": 4}},
                                           {"title": "判断", "draw": {"type": "judge", "count": 3}}])
    headers = bearer(get_token(client, trainee))
    counts = []
    for paper in (small, large):
        attempt, _ = start_attempt(trainee, paper)
        db.session.commit()
        db.session.expire_all()
        with count_queries() as counted:
            assert client.post(f"/api/attempts/{attempt.id}/submit", headers=headers).status_code == 200
        counts.append(sum("FROM questions" in s for s in counted.statements))
    assert counts == [1, 1], counts
