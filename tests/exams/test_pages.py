"""The trainee pages, through the Flask test client: access rules, what the exam page must not reveal, and the
evidence highlighting on the results page."""
import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from app.exams import lifecycle as services
from app.exams.views import highlight_segments
from app.models import Attempt

BANK = Path(__file__).resolve().parent.parent / "e2e" / "bank"


@pytest.fixture
def bank(app, db):
    from app.authoring.services import import_bank, load_for_import

    import_bank(load_for_import(str(BANK)))
    db.session.commit()


def _start(client, paper_key="mock-small") -> int:
    response = client.post(f"/papers/{paper_key}/start")
    assert response.status_code == 302, response.get_data(as_text=True)
    match = re.search(r"/attempts/(\d+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def _save(user, attempt_id, key, answer):
    attempt = services.get_attempt_for(user, attempt_id)
    services.save_answer(attempt, key, answer)


def _finish(db, user, attempt_id, answers: dict):
    attempt = services.get_attempt_for(user, attempt_id)
    for key, answer in answers.items():
        services.save_answer(attempt, key, answer)
    services.submit_attempt(attempt)
    db.session.commit()


# ------------------------------------------------------------------------------------------ access
PAGES = ["/dashboard", "/history", "/practice", "/mistakes", "/mistakes/print"]


@pytest.mark.parametrize("path", PAGES)
def test_each_page_renders_for_a_trainee(bank, trainee_client, path):
    response = trainee_client.get(path)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    assert "<html" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", PAGES + ["/attempts/1", "/attempts/1/result"])
def test_instructors_get_403(bank, instructor_client, path):
    assert instructor_client.get(path).status_code == 403


def test_anonymous_is_sent_to_login(bank, client):
    response = client.get("/dashboard")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_another_trainees_attempt_and_result_are_404(bank, trainee_client, login, make_user, db, trainee):
    attempt_id = _start(trainee_client)
    other = login(make_user("trainee2"))
    assert other.get(f"/attempts/{attempt_id}").status_code == 404
    _finish(db, trainee, attempt_id, {})
    assert other.get(f"/attempts/{attempt_id}/result").status_code == 404
    assert other.post(f"/attempts/{attempt_id}/submit").status_code == 404
    assert trainee_client.get(f"/attempts/{attempt_id}/result").status_code == 200


def test_unknown_attempt_is_404(bank, trainee_client):
    assert trainee_client.get("/attempts/999999").status_code == 404
    assert trainee_client.get("/attempts/999999/result").status_code == 404


# ------------------------------------------------------------------------------------------ dashboard → exam
def test_dashboard_lists_the_paper_and_starts_then_resumes(bank, trainee_client):
    page = trainee_client.get("/dashboard").get_data(as_text=True)
    assert "小型模拟考试" in page and "/papers/mock-small/start" in page
    first = _start(trainee_client)
    page = trainee_client.get("/dashboard").get_data(as_text=True)
    assert f"/attempts/{first}" in page  # a Resume link, not a second attempt
    assert _start(trainee_client) == first


def test_exam_page_shows_questions_but_no_answers_or_rubric(bank, trainee_client):
    attempt_id = _start(trainee_client)
    page = trainee_client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    for visible in ("处理客户不满的第一步是什么？", "营造气氛", "店员应该怎么做？", "data-deadline=", "data-now="):
        assert visible in page
    for secret in ("先稳定情绪", "SERVQUAL", "应先处理情感", "向顾客道歉", "耐心倾听", "把顾客请到安静的地方",
                   "再耐心倾听", "接待室", "apologize", "rubric", "explanation", "correct_answer", "reference"):
        assert secret not in page, secret
    # Untouched: every navigator number is empty.
    assert len(re.findall(r'<a href="#q-\d+" class="nav-q ', page)) == 5
    assert not re.search(r'<a href="#q-\d+" class="nav-q [^"]*(answered|flagged)', page)


def test_exam_page_shows_saved_answers_after_reload(bank, trainee_client, trainee, db):
    attempt_id = _start(trainee_client)
    _save(trainee, attempt_id, "t.single-1", "B")
    _save(trainee, attempt_id, "t.multiple-1", ["A", "D"])
    _save(trainee, attempt_id, "t.judge-1", False)
    _save(trainee, attempt_id, "t.case-1", {"a": "先道歉 <b>再</b> 倾听"})
    services.set_flag(services.get_attempt_for(trainee, attempt_id), "t.single-2", True)
    db.session.commit()
    page = trainee_client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert re.search(r'name="q-t\.single-1" value="B"\s+checked', page)
    assert re.search(r'name="q-t\.multiple-1" value="A"\s+checked', page)
    assert re.search(r'name="q-t\.multiple-1" value="D"\s+checked', page)
    assert not re.search(r'name="q-t\.multiple-1" value="B"\s+checked', page)
    assert re.search(r'name="q-t\.judge-1" value="false"\s+checked', page)
    assert "先道歉 &lt;b&gt;再&lt;/b&gt; 倾听</textarea>" in page
    assert 'aria-pressed="true"' in page
    assert "4 / 5" not in page
    assert len(re.findall(r'<a href="#q-\d+" class="nav-q answered', page)) == 4  # single-2 is only flagged
    assert len(re.findall(r'<a href="#q-\d+" class="nav-q [^"]*flagged', page)) == 1


def test_finished_attempt_redirects_to_result_and_submit_is_idempotent(bank, trainee_client):
    attempt_id = _start(trainee_client)
    first = trainee_client.post(f"/attempts/{attempt_id}/submit")
    again = trainee_client.post(f"/attempts/{attempt_id}/submit")
    assert first.status_code == again.status_code == 302
    assert first.headers["Location"].endswith(f"/attempts/{attempt_id}/result") == again.headers["Location"].endswith(
        f"/attempts/{attempt_id}/result")
    response = trainee_client.get(f"/attempts/{attempt_id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/result")


def test_open_attempt_result_redirects_to_exam(bank, trainee_client):
    attempt_id = _start(trainee_client)
    response = trainee_client.get(f"/attempts/{attempt_id}/result")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/attempts/{attempt_id}")


def test_overdue_attempt_is_finished_when_opened(bank, trainee_client, db):
    from datetime import timedelta

    from app.models import utcnow

    attempt_id = _start(trainee_client)
    attempt = db.session.get(Attempt, attempt_id)
    attempt.deadline = utcnow() - timedelta(minutes=5)
    db.session.commit()
    response = trainee_client.get(f"/attempts/{attempt_id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/result")
    page = trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "时间用完时自动交卷" in page


# ------------------------------------------------------------------------------------------ results
def test_result_page_shows_scores_answers_explanations_and_highlights(bank, trainee_client, trainee, db):
    attempt_id = _start(trainee_client)
    answer = "首先要向顾客道歉。<script>alert(1)</script> 然后耐心倾听顾客的意见。"
    _finish(db, trainee, attempt_id, {"t.single-1": "A", "t.single-2": "C", "t.judge-1": False,
                                      "t.case-1": {"a": answer}})
    page = trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    # the trainee's text is escaped, never markup
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # the evidence of the earned key points is marked
    marks = re.findall(r'<mark data-points="([^"]*)">([^<]*)</mark>', page)
    assert ("apologize", "道歉") in marks and ("listen", "倾听") in marks
    # every key point listed, earned or missed, with its points
    assert "向顾客道歉" in page and "把顾客请到安静的地方" in page
    assert re.search(r'class="missed">\s*<span class="kp-mark" aria-hidden="true">✗', page)
    # objective: the right answer, the explanation, the reference answer
    assert "先稳定情绪" in page and "专注理解客户的意思" in page and "再耐心倾听" in page
    assert "小型模拟考试" in page


def test_result_marks_awaiting_review_until_reviewed(bank, trainee_client, trainee, db):
    from app.models import utcnow

    attempt_id = _start(trainee_client)
    _finish(db, trainee, attempt_id, {"t.case-1": {"a": "先道歉。"}})
    attempt = db.session.get(Attempt, attempt_id)
    response = next(i.response for i in attempt.items if i.version.content["type"] == "case")
    response.needs_review = True
    db.session.commit()
    assert "待讲师复核" in trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    response.needs_review, response.reviewed_at = False, utcnow()
    db.session.commit()
    assert "待讲师复核" not in trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)


# ------------------------------------------------------------------------------------------ the helper itself
def test_highlight_segments_merge_and_clamp():
    text = "先道歉再倾听"
    points = [{"id": "a", "earned": 2, "evidence": [[1, 3]]}, {"id": "b", "earned": 0, "evidence": [[4, 6]]},
              {"id": "c", "earned": 1, "evidence": [[2, 99], [-5, 0]]}]
    segs = highlight_segments(text, points)
    assert "".join(s["text"] for s in segs) == text
    assert [(s["text"], s["points"]) for s in segs if s["marked"]] == [("道", ["a"]), ("歉", ["a", "c"]), ("再倾听", ["c"])]
    assert highlight_segments("", points) == []
    assert highlight_segments("abc", None) == [{"text": "abc", "marked": False, "points": []}]


def test_language_switch_to_english(bank, trainee_client):
    trainee_client.post("/lang/en", data={"next": "/dashboard"})
    assert "My exams" in trainee_client.get("/dashboard").get_data(as_text=True)


# ------------------------------------------------------------------------------------------ dashboard charts
def test_dashboard_shows_mistake_counts_and_progress_charts(bank, trainee_client, trainee, db):
    empty = trainee_client.get("/dashboard").get_data(as_text=True)
    assert "<svg" not in empty  # nothing to draw yet
    for answers in ({"t.single-1": "A"}, {"t.single-1": "B", "t.judge-1": True}):
        _finish(db, trainee, _start(trainee_client), answers)
    page = trainee_client.get("/dashboard").get_data(as_text=True)
    assert page.count('class="chart chart-line"') == 1 and page.count('<circle class="dot"') == 2
    assert 'class="chart chart-bars"' in page and "投诉处理" in page
    assert re.search(r'<path class="line" d="M[\d.]+,[\d.]+ L[\d.]+,[\d.]+"', page)
    assert "/mistakes" in page and "/practice?topic=" in page
    assert "<script" not in page.split("<main>")[1].split("</main>")[0]  # the charts are plain SVG: no script, nothing fetched


def test_the_english_dashboard_counts_its_due_mistakes_in_the_singular_and_scores_in_points(bank, trainee_client,
                                                                                           trainee, db):
    """'Review 1 due questions' and 'best 5' (5 what?) on the English dashboard (found walking the demo at 375 px)."""
    _finish(db, trainee, _start(trainee_client), {"t.single-1": "A"})
    trainee_client.post("/mistakes", data={"question_key": "t.multiple-1"})  # added by hand: due now
    trainee_client.post("/lang/en", data={"next": "/dashboard"})
    page = trainee_client.get("/dashboard").get_data(as_text=True)
    assert "Review 1 due question<" in page
    assert re.search(r"best [\d.]+ pts", page)
    trainee_client.post("/lang/zh_CN", data={"next": "/dashboard"})
    assert "复习 1 道到期错题" in trainee_client.get("/dashboard").get_data(as_text=True)


# ------------------------------------------------------------------------------------------ practice
def test_practice_one_question_then_feedback(bank, trainee_client):
    page = trainee_client.get("/practice?topic=服务质量").get_data(as_text=True)
    assert "服务质量的评价维度包括哪些？" in page and "SERVQUAL" not in page
    response = trainee_client.post("/practice/t.multiple-1", data={"answer": ["A", "C"], "topic": "服务质量"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "SERVQUAL" in page and "错误" in page  # explanation shown, marked wrong
    assert "/practice?topic=" in page  # the next question keeps the filter
    # wrong: it went into the 错题本
    book = trainee_client.get("/mistakes").get_data(as_text=True)
    assert "服务质量的评价维度包括哪些？" in book


def test_practice_case_feedback_is_highlighted_and_escaped(bank, trainee_client):
    response = trainee_client.post("/practice/t.case-1", data={"part-a": "<img src=x onerror=alert(1)>要先道歉"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;要先" in page
    assert re.search(r'<mark data-points="apologize">道歉</mark>', page)
    assert "先向顾客<strong>道歉</strong>" in page  # the reference answer, rendered from Markdown
    assert "未达 60%" in page and "60%%" not in page


def test_practice_empty_answer_is_refused_with_the_question_again(bank, trainee_client):
    response = trainee_client.post("/practice/t.single-1", data={})
    assert response.status_code == 400 and "处理客户不满的第一步是什么？" in response.get_data(as_text=True)


def test_practice_unknown_question_is_404(bank, trainee_client):
    assert trainee_client.post("/practice/no.such", data={"answer": "A"}).status_code == 404
    assert trainee_client.get("/practice?question=no.such").status_code == 404


def test_practice_with_nothing_matching(bank, trainee_client):
    page = trainee_client.get("/practice?mistakes=1").get_data(as_text=True)
    assert "错题本里暂时没有需要复习的题" in page


# ------------------------------------------------------------------------------------------ 错题本
def test_add_to_mistake_book_by_hand_review_and_print(bank, trainee_client):
    response = trainee_client.post("/mistakes", data={"question_key": "t.case-1", "next": "/practice?topic=投诉处理"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/practice")
    page = trainee_client.get("/mistakes").get_data(as_text=True)
    assert "顾客在商场大声投诉" in page and "/practice?question=t.case-1" in page and "待复习" in page
    review = trainee_client.get("/practice?question=t.case-1").get_data(as_text=True)
    assert "店员应该怎么做？" in review
    printable = trainee_client.get("/mistakes/print").get_data(as_text=True)
    assert "顾客在商场大声投诉" in printable and "@media print" not in printable


def test_add_mistake_refuses_foreign_redirects_and_unknown_questions(bank, trainee_client):
    response = trainee_client.post("/mistakes", data={"question_key": "t.single-1", "next": "//evil.example/x"})
    assert response.headers["Location"] == "/mistakes"
    assert trainee_client.post("/mistakes", data={"question_key": "nope"}).status_code == 404
    assert trainee_client.post("/mistakes", data={}).status_code == 400


# ------------------------------------------------------------------------------------------ history
def test_history_lists_attempts_with_scores_and_links(bank, trainee_client, trainee, db):
    open_id = _start(trainee_client)
    page = trainee_client.get("/history").get_data(as_text=True)
    assert f"/attempts/{open_id}" in page and "进行中" in page
    _finish(db, trainee, open_id, {"t.single-1": "A"})
    page = trainee_client.get("/history").get_data(as_text=True)
    assert f"/attempts/{open_id}/result" in page and "小型模拟考试" in page and "用时" in page


def test_csrf_is_required_on_page_forms(bank, app, trainee_client):
    app.config["WTF_CSRF_ENABLED"] = True
    assert trainee_client.post("/papers/mock-small/start").status_code == 400
    assert trainee_client.post("/mistakes", data={"question_key": "t.single-1"}).status_code == 400


def test_an_empty_mistake_book_says_where_to_go_next(bank, trainee_client):
    """A new trainee's mistake book was a sentence and nothing to tap: the empty state now leads to practice and back
    to the exams."""
    page = trainee_client.get("/mistakes").get_data(as_text=True)
    empty = page[page.index('class="empty card"'):]
    empty = empty[:empty.index("</div>")]
    assert 'href="/practice"' in empty and "开始练习" in empty
    assert 'href="/dashboard"' in empty and "返回我的考试" in empty


def test_the_result_offers_the_next_steps_above_the_questions(bank, trainee_client, db, trainee):
    """The way on (the mistake book, my exams, the history) was one line of small links under every question reviewed,
    tens of screens down on a phone."""
    attempt_id = _start(trainee_client)
    _finish(db, trainee, attempt_id, {})
    page = trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    top = page[:page.index('class="card q-result')]
    for href in ('href="/mistakes"', 'href="/dashboard"', 'href="/history"'):
        assert href in top, href
    assert '<a class="button primary" href="/mistakes"' in top


def test_english_counts_agree_with_one(exam_bank, make_paper, trainee_client, instructor_client):
    """'1 attempts left', 'one of your 1 attempts', '1 questions' and '1 sections' read wrong in English."""
    make_paper("one", max_attempts=1, sections=[{"title": "判断", "questions": ["etiquette.j0"]}])
    for client in (trainee_client, instructor_client):
        client.post("/lang/en", data={"next": "/"})
    dashboard = trainee_client.get("/dashboard").get_data(as_text=True)
    assert "1 attempt left" in dashboard and "1 attempts" not in dashboard
    intro = trainee_client.get("/papers/one/start").get_data(as_text=True)
    assert "1 question<" in intro and "your only attempt" in intro and "1 attempts" not in intro
    papers = instructor_client.get("/authoring/papers").get_data(as_text=True)
    assert "1 section\n" in papers or "1 section " in papers
    assert "1 sections" not in papers
    trainee_client.post("/lang/zh_CN", data={"next": "/"})
    assert "剩余 1 次" in trainee_client.get("/dashboard").get_data(as_text=True)


def test_adding_the_question_on_screen_to_the_mistake_book_keeps_it_on_screen(bank, trainee_client):
    """Before answering, 'Add to mistake book' came back to /practice, which drew another question: the confirmation
    stood above a question the trainee had not chosen, and the one being read was gone."""
    page = trainee_client.get("/practice?topic=投诉处理").get_data(as_text=True)
    key = re.search(r'action="/practice/([^"]+)"', page).group(1)
    form = page[page.index('class="inline add-mistake"'):]
    next_url = html.unescape(re.search(r'name="next" value="([^"]*)"', form).group(1))
    assert parse_qs(urlsplit(next_url).query).get("question") == [key]  # not left to a random draw
    after = trainee_client.post("/mistakes", data={"question_key": key, "next": next_url}, follow_redirects=True)
    shown = after.get_data(as_text=True)
    assert f'action="/practice/{key}"' in shown
    assert "topic=" in next_url  # the chosen area stays for the next question
