"""What a trainee's first real mock exam tripped over (issue 15), through the Flask test client: the paper's intro
before the timer, the character limit, partly answered cases, the state check of a stale tab, the pass line, part
numbers, times in the centre's zone, codes as words, the printable 错题本, and no inline script."""
import json
import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest

from app.exams import display, lifecycle
from app.exams.errors import state_message
from app.models import Attempt, AttemptStateError, Cohort


def _start(client, key="mock-t") -> int:
    response = client.post(f"/papers/{key}/start")
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return int(re.search(r"/attempts/(\d+)$", response.headers["Location"]).group(1))


def _attempts(db) -> int:
    return db.session.query(Attempt).count()


def _submit(db, user, attempt_id, answers):
    attempt = lifecycle.get_attempt_for(user, attempt_id)
    for key, answer in answers.items():
        lifecycle.save_answer(attempt, key, answer)
    lifecycle.submit_attempt(attempt)
    db.session.commit()
    return attempt


# ------------------------------------------------------------------------------------------------ the intro
def test_the_intro_shows_the_paper_and_a_get_starts_nothing(trainee_client, exam_paper, db):
    response = trainee_client.get("/papers/mock-t/start")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert _attempts(db) == 0  # reading the rules spends no attempt and starts no clock
    for text in ("测试模拟卷", "试卷结构", "单选", "多选", "判断", "案例", "60 分钟", "3 次（共 3 次）", "开始作答",
                 "交卷后不能再修改答案", "单项选择题", "案例分析题", "及格线"):
        assert text in page, text
    total = re.search(r"<dt>总分</dt><dd>([^<]+)</dd>", page)
    assert total and total.group(1) == "25 分", total  # 2×1 + 2 + 1 + 20
    assert 'action="/papers/mock-t/start"' in page and 'method="post"' in page
    dashboard = trainee_client.get("/dashboard").get_data(as_text=True)
    assert 'href="/papers/mock-t/start"' in dashboard  # the dashboard links to the intro, it does not post


def test_the_intro_of_a_paper_drawing_by_a_list_of_specs_adds_them_up(trainee_client, exam_bank, make_paper, db):
    """Every bundled mock draws each section as a list of specs (n items per area): its intro was a 500."""
    make_paper("listed", sections=[
        {"title": "单选", "points_each": 1, "draw": [{"type": "single", "count": 2, "topic": "公用事业服务"},
                                                    {"type": "single", "count": 1, "topic": "服务质量"}]},
        {"title": "混合", "points_each": 2, "draw": [{"type": "multiple", "count": 1}, {"type": "judge", "count": 2}]},
    ])
    response = trainee_client.get("/papers/listed/start")
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page[:500]
    total = re.search(r"<dt>总分</dt><dd>([^<]+)</dd>", page)
    assert total and total.group(1) == "9 分", total  # 3 × 1 + 3 × 2
    assert re.search(r"<dd>6\s道题</dd>", page) and "多项选择题、判断题" in page


def test_the_intro_warns_about_tab_switches_when_the_paper_tracks_them(trainee_client, exam_bank, make_paper, db):
    make_paper("tracked", track_focus=True)
    make_paper("plain", track_focus=False)
    assert "切换到其他标签页" in trainee_client.get("/papers/tracked/start").get_data(as_text=True)
    assert "切换到其他标签页" not in trainee_client.get("/papers/plain/start").get_data(as_text=True)


def test_post_starts_and_the_intro_then_offers_to_resume(trainee_client, exam_paper, db):
    attempt_id = _start(trainee_client)
    assert _attempts(db) == 1
    page = trainee_client.get("/papers/mock-t/start").get_data(as_text=True)
    assert f'href="/attempts/{attempt_id}"' in page and 'id="start-exam"' in page
    assert _start(trainee_client) == attempt_id and _attempts(db) == 1


def test_no_attempt_left_shows_no_start_button(trainee_client, trainee, exam_bank, make_paper, db):
    make_paper("once", max_attempts=1)
    _submit(db, trainee, _start(trainee_client, "once"), {})
    page = trainee_client.get("/papers/once/start").get_data(as_text=True)
    assert 'id="no-attempts"' in page and 'id="start-exam"' not in page and "0 次（共 1 次）" in page


def test_unknown_paper_intro_is_404(trainee_client, exam_paper):
    assert trainee_client.get("/papers/nope/start").status_code == 404
    assert trainee_client.get("/papers/%00bad/start").status_code == 400  # refused at the edge (app/edge.py)


# ------------------------------------------------------------------------------------------- the exam page
def test_a_half_written_case_is_partly_answered_not_answered(trainee_client, trainee, exam_paper, db):
    attempt_id = _start(trainee_client)
    lifecycle.save_answer(lifecycle.get_attempt_for(trainee, attempt_id), "complaints.case", {"a": "先道歉", "b": "  "})
    db.session.commit()
    page = trainee_client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    nav = re.search(r'<a href="#q-\d+" class="([^"]*)" data-key="complaints\.case"', page)
    assert nav and "partial" in nav.group(1).split() and "answered" not in nav.group(1).split()
    assert "已答 0/5" in page
    lifecycle.save_answer(lifecycle.get_attempt_for(trainee, attempt_id), "complaints.case", {"b": "电话回访"})
    db.session.commit()
    page = trainee_client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    nav = re.search(r'<a href="#q-\d+" class="([^"]*)" data-key="complaints\.case"', page)
    assert "answered" in nav.group(1).split() and "partial" not in nav.group(1).split()


def test_the_case_box_counts_characters_and_never_cuts(trainee_client, trainee, exam_paper, db):
    attempt_id = _start(trainee_client)
    lifecycle.save_answer(lifecycle.get_attempt_for(trainee, attempt_id), "complaints.case", {"a": "道" * 4321})
    db.session.commit()
    response = trainee_client.get(f"/attempts/{attempt_id}")
    page = response.get_data(as_text=True)
    assert "maxlength" not in page  # the browser would cut a paste silently
    assert 'data-max-text="5000"' in page
    assert re.search(r'<span class="cc-n">4321</span> / 5000', page)
    assert re.search(r'<span class="cc-n">0</span> / 5000', page)  # part b
    assert response.headers["Cache-Control"] == "no-store"  # Back after submit asks the server again


def test_the_state_endpoint_tells_a_stale_tab_the_attempt_is_finished(trainee_client, trainee, exam_paper, db):
    attempt_id = _start(trainee_client)
    assert trainee_client.get(f"/attempts/{attempt_id}/state").json["status"] == "started"
    _submit(db, trainee, attempt_id, {})
    state = trainee_client.get(f"/attempts/{attempt_id}/state")
    assert state.json == {"status": "submitted", "result_url": f"/attempts/{attempt_id}/result"}
    assert state.headers["Cache-Control"] == "no-store"


def test_the_state_endpoint_is_404_for_another_trainee(trainee_client, login, make_user, exam_paper):
    attempt_id = _start(trainee_client)
    assert login(make_user("trainee2")).get(f"/attempts/{attempt_id}/state").status_code == 404


@pytest.mark.parametrize("lang, expected, foreign", [
    ("zh_CN", "本次考试已交卷，答案不能再修改。", re.compile(r"[A-Za-z]")),
    ("en", "This exam is already finished: your answers can no longer be changed.", re.compile(r"[\u4e00-\u9fff]")),
])
def test_a_refused_save_says_one_sentence_in_one_language(app, lang, expected, foreign):
    with app.test_request_context():
        from flask import session

        session["lang"] = lang
        finished = state_message(AttemptStateError("attempt is already finished"))
        late = state_message(AttemptStateError("time is up: the deadline has passed"))
    assert finished == expected
    assert not foreign.search(finished) and not foreign.search(late)


def test_the_api_refusal_is_chinese_only(client, trainee, login, exam_paper, db):
    signed_in = login(trainee)
    attempt_id = _start(signed_in)
    _submit(db, trainee, attempt_id, {})
    token = signed_in.get("/dashboard")  # the session's CSRF token is in the page
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', token.get_data(as_text=True)).group(1)
    refused = signed_in.put(f"/api/attempts/{attempt_id}/answers/complaints.m0", json={"answer": ["A"]},
                            headers={"X-CSRFToken": csrf})
    assert refused.status_code == 409 and refused.json["error"] == "attempt_finished"
    assert refused.json["message"] == "本次考试已交卷，答案不能再修改。"


# ------------------------------------------------------------------------------------------------ results
def test_the_result_has_a_pass_line_part_numbers_and_time_used_in_words(trainee_client, trainee, exam_paper, db):
    attempt_id = _start(trainee_client)
    attempt = _submit(db, trainee, attempt_id, {"complaints.case": {"a": "先道歉再倾听", "b": "电话回访"}})
    attempt.finished_at = attempt.started_at + timedelta(hours=1, minutes=17, seconds=5)
    db.session.commit()
    page = trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert 'id="pass-line"' in page and "及格线：15 分（满分 25 分的 60%）" in page
    assert re.search(r'<span class="tag (ok|bad)">(及格|不及格)</span>', page)
    assert "（1）</span>应该怎么做？" in page and "（2）</span>如何回访？" in page
    assert "用时 1 小时 17 分" in page
    assert "案例分析题" in page and ">case<" not in page
    assert re.search(r'<li class="earned" data-point="apologize" tabindex="0">', page)
    assert re.search(r'<mark data-points="[^"]*apologize', page)


def test_a_case_counted_at_other_points_than_its_parts_says_so_before_and_after(trainee_client, trainee, exam_bank,
                                                                               make_paper, db):
    """The bundled mocks count every case 25 points whatever its parts add up to (20 or 30): "（1）10 分 （2）10 分"
    under "25 分", then "2 / 10" in a part and "2.5 / 25" for the question, left a trainee wondering."""
    make_paper("scaled", sections=[{"title": "案例", "questions": ["complaints.case"], "points_each": 25}])
    make_paper("plain", sections=[{"title": "案例", "questions": ["complaints.case"]}])
    note = "各小问共 20 分，本题按 25 分计，得分按比例折算"
    attempt_id = _start(trainee_client, "scaled")
    assert note in trainee_client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    _submit(db, trainee, attempt_id, {"complaints.case": {"a": "先道歉再倾听", "b": "电话回访"}})
    assert note in trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    plain = _start(trainee_client, "plain")
    assert "按比例折算" not in trainee_client.get(f"/attempts/{plain}").get_data(as_text=True)


def test_the_result_says_which_questions_are_in_the_mistake_book_instead_of_offering_to_add_them(
        trainee_client, trainee, exam_paper, db):
    """A wrong answer enters the 错题本 by itself, yet every result item offered "加入错题本"; pressing it reloaded the
    page at the item while its confirmation flashed at the top, thousands of pixels above: nothing seemed to
    happen."""
    attempt_id = _start(trainee_client)
    _submit(db, trainee, attempt_id, {"complaints.m0": ["B"], "etiquette.j0": True})  # wrong, right
    page = trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)

    def item(key, html):
        return re.search(rf'<article [^>]*data-key="{re.escape(key)}">(.*?)</article>', html, re.S).group(1)

    assert "已在错题本中" in item("complaints.m0", page) and "加入错题本" not in item("complaints.m0", page)
    assert "加入错题本" in item("etiquette.j0", page) and "已在错题本中" not in item("etiquette.j0", page)
    response = trainee_client.post("/mistakes", data={"question_key": "etiquette.j0",
                                                      "next": f"/attempts/{attempt_id}/result#q-4"})
    page = trainee_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "已在错题本中" in item("etiquette.j0", page)  # the answer to the press is where the trainee is


def test_a_long_answer_is_marked_for_folding(trainee_client, trainee, exam_paper, db):
    attempt_id = _start(trainee_client)
    _submit(db, trainee, attempt_id, {"complaints.case": {"a": "先道歉。" + "说明情况。" * 300, "b": "回访"}})
    page = trainee_client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert page.count("data-fold") == 1  # only the long one
    labels = json.loads(re.search(r'<script type="application/json" id="trainee-i18n">(.*?)</script>', page, re.S).group(1))
    assert labels["expand"] == "展开" and labels["collapse"] == "收起"


# ---------------------------------------------------------------------------------------- the printable 错题本
def test_the_printable_mistake_book_has_options_answers_explanations_and_missed_points(trainee_client, trainee,
                                                                                        exam_paper, db):
    attempt_id = _start(trainee_client)
    attempt = lifecycle.get_attempt_for(trainee, attempt_id)
    singles = [i.version.question.key for i in attempt.items if i.version.question.key.startswith("gas.")]
    _submit(db, trainee, attempt_id, {singles[0]: "A", "complaints.m0": ["B"], "etiquette.j0": False,
                                      "complaints.case": {"a": "写了别的", "b": "写信"}})
    page = trainee_client.get("/mistakes/print").get_data(as_text=True)
    assert "选项甲" in page and "选项丙" in page  # the options
    assert re.search(r'<li class="right"><span class="opt-label">C\.</span> 选项丙', page)  # the single's key
    assert "正确答案：</strong> <span class=\"correct\">C</span>" in page
    assert "正确答案：</strong> <span class=\"correct\">A、C</span>" in page  # the multiple
    assert "正确答案：</strong> <span class=\"correct\">正确</span>" in page  # the judge, in words
    assert f"解析秘密XPL-{singles[0]}" in page  # the explanation
    assert "要点秘密RUB-apologize" in page and "要点秘密RUB-call" in page  # missed key points, by their words
    assert "参考答案秘密REF" in page  # the reference answer
    assert "（2）</span>如何回访？" in page
    assert "onclick" not in page and "data-print" in page


def test_missed_points_without_words_are_never_shown_by_their_slug(trainee_client, trainee, exam_bank, db):
    from app.models import Question

    question = Question.by_key("complaints.case")
    content = dict(question.current.content)
    content["parts"] = [dict(p, rubric=[dict(r, text="") for r in p["rubric"]]) for p in content["parts"]]
    question.revise(content)
    db.session.commit()
    from app.exams import mistakes

    mistakes.add_mistake(trainee, "complaints.case")
    entry = mistakes.open_entries(trainee)[0]
    entry.part_key, entry.missed = "a", ["apologize"]
    db.session.commit()
    for path in ("/mistakes", "/mistakes/print"):
        page = trainee_client.get(path).get_data(as_text=True)
        assert "要点 1" in page
        assert ">apologize<" not in page and "apologize</li>" not in page


# ------------------------------------------------------------------------------------ times, durations, codes
def test_times_are_in_the_centres_zone_and_the_zone_is_named(app):
    moment = datetime(2026, 12, 6, 2, 5, tzinfo=timezone.utc)
    with app.test_request_context():
        assert display.when(moment) == "2026-12-06 10:05"
        assert display.when(moment.replace(tzinfo=None)) == "2026-12-06 10:05"  # stored naive = UTC
        assert display.when("2026-12-06T02:05:00+00:00") == "2026-12-06 10:05"
        assert display.zone_label() == "北京时间（UTC+8）"
        app.config["CENTRE_TIMEZONE"] = "Europe/London"
        assert display.when(moment) == "2026-12-06 02:05"
        assert display.zone_label() == "Europe/London（UTC+0）"
        app.config["CENTRE_TIMEZONE"] = "Not/AZone"
        assert display.when(moment) == "2026-12-06 10:05"  # a typo falls back to the default, never a 500


@pytest.mark.parametrize("seconds, words", [(4625, "1 小时 17 分"), (77, "1 分 17 秒"), (120, "2 分钟"), (45, "45 秒"),
                                            (3600, "1 小时 0 分"), (None, "–"), ("x", "–")])
def test_durations_are_words_not_clock_digits(app, seconds, words):
    with app.test_request_context():
        assert display.duration(seconds) == words


def test_codes_are_words(app):
    with app.test_request_context():
        assert [display.type_name(t) for t in ("judge", "single", "multiple", "case")] == [
            "判断题", "单项选择题", "多项选择题", "案例分析题"]
        assert [display.status_name(s) for s in ("started", "submitted", "expired")] == ["进行中", "已交卷", "超时自动交卷"]
        assert display.role_names({"admin", "trainee"}) == "学员、管理员"
        assert display.question_name("## 燃气的 **ppm** 是什么意思？请说明", "公用事业服务", 9) == "燃气的 ppm 是…"
        assert display.question_name("", "公用事业服务") == "公用事业服务"


def test_staff_pages_show_local_times_and_words(client, login, make_user, trainee, exam_paper, db):
    attempt_id = _start(login(trainee))
    attempt = _submit(db, trainee, attempt_id, {})
    attempt.started_at = datetime(2026, 12, 6, 1, 0, tzinfo=timezone.utc)
    db.session.commit()
    teacher = make_user("teacher", roles=("instructor",))
    db.session.add(Cohort(name="一班", members=[teacher, trainee]))  # an instructor lists their classes' attempts
    db.session.commit()
    staff = login(teacher)
    page = staff.get("/authoring/attempts").get_data(as_text=True)
    assert "2026-12-06 09:00" in page and "已交卷" in page and ">submitted<" not in page
    assert "北京时间（UTC+8）" in page
    bank = staff.get("/authoring/").get_data(as_text=True)
    assert "单项选择题" in bank and "<td>single</td>" not in bank
    admin = login(make_user("boss", roles=("admin",)))
    users = admin.get("/admin/").get_data(as_text=True)
    assert "学员" in users and "<td>trainee</td>" not in users


# ------------------------------------------------------------------------------------------ no inline script
class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline, self.handlers = [], []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        self.handlers += [name for name in names if name.startswith("on")]
        if tag == "script" and "src" not in names and names.get("type") != "application/json":
            self.inline.append(names)


def test_trainee_pages_carry_no_inline_script(trainee_client, trainee, exam_paper, db):
    attempt_id = _start(trainee_client)
    exam = trainee_client.get(f"/attempts/{attempt_id}")
    assert exam.status_code == 200
    pages = {f"/attempts/{attempt_id}": exam.get_data(as_text=True)}
    _submit(db, trainee, attempt_id, {"complaints.m0": ["B"]})
    for path in ("/dashboard", "/papers/mock-t/start", "/mistakes", "/mistakes/print", "/practice", "/history",
                 f"/attempts/{attempt_id}/result"):
        response = trainee_client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.get_data(as_text=True)
    for path, html in pages.items():
        parser = _Scripts()
        parser.feed(html)
        assert parser.inline == [] and parser.handlers == [], path
        assert "<script" in html or path != f"/attempts/{attempt_id}"


def test_bank_references_show_their_lists_and_no_space_inside_chinese_paragraphs(app):
    """The md filter of every trainee page: a bank reference's list under its lead-in line rendered as one run-on
    paragraph (存在的问题 - 坐席员… - 王先生…), and a stem's line breaks as spaces between Chinese sentences."""
    from pathlib import Path

    import yaml

    cases = Path(__file__).resolve().parent.parent.parent / "question_bank" / "cases"

    def question(file, qid):
        return next(q for q in yaml.safe_load((cases / file).read_text(encoding="utf-8"))["questions"]
                    if q["id"] == qid)

    reference = question("call-centre-contest.yaml", "callcentre.cancel-number-retention")["parts"][0]["reference"]
    shown = str(app.jinja_env.filters["md"](reference))
    assert shown.count("<li>") == 6 and " - " not in shown
    stem = question("review-exercises-2.yaml", "loyalty.kfc-customer-segments")["stem"]
    assert "营业额。为此" in str(app.jinja_env.filters["md"](stem))
