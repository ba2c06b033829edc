"""The bank browser: search and filters, a question as a trainee sees it, history and diffs, usage, retire."""
from app.models import Question
from tests.conftest import case_content
from tests.exams.factories import make_paper


def test_search_by_text_and_filters(exam_bank, instructor_client):
    page = instructor_client.get("/authoring/?q=多选题干").get_data(as_text=True)
    assert 'data-key="complaints.m0"' in page and 'data-key="gas.s0"' not in page
    page = instructor_client.get("/authoring/?topic=服务质量").get_data(as_text=True)
    assert 'data-key="quality.s0"' in page and 'data-key="gas.s0"' not in page
    page = instructor_client.get("/authoring/?type=judge").get_data(as_text=True)
    assert page.count('class="card au-item') == 3
    page = instructor_client.get("/authoring/?tag=燃气").get_data(as_text=True)
    assert 'data-key="gas.s0"' in page and 'data-key="gas.s2"' not in page
    page = instructor_client.get("/authoring/?difficulty=4").get_data(as_text=True)
    assert page.count('class="card au-item') == 2


def test_a_quoted_dialogue_stem_is_listed_without_its_markdown(exam_bank, instructor_client, make_question, db):
    make_question(case_content("complaints.dialogue", stem="通话如下：\n\n> 坐席员：“您好！”\n>\n> 客户：“我要投诉！”"))
    page = instructor_client.get("/authoring/?q=坐席员").get_data(as_text=True)
    assert "通话如下： 坐席员：“您好！” 客户：“我要投诉！”" in page and "&gt;" not in page


def test_bad_filter_values_are_ignored_not_errors(exam_bank, instructor_client):
    response = instructor_client.get("/authoring/?difficulty=9&type=nope&status=x&page=-3&q=" + "字" * 500)
    assert response.status_code == 200


def test_search_text_is_escaped(exam_bank, instructor_client):
    page = instructor_client.get("/authoring/?q=<script>x</script>").get_data(as_text=True)
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page


def test_retired_filter_and_retire_restore(exam_bank, instructor_client, db):
    response = instructor_client.post("/authoring/questions/gas.s0/retire", data={"retired": "1"})
    assert response.status_code == 302
    assert Question.by_key("gas.s0").retired is True
    assert 'data-key="gas.s0"' not in instructor_client.get("/authoring/").get_data(as_text=True)
    assert 'data-key="gas.s0"' in instructor_client.get("/authoring/?status=retired").get_data(as_text=True)
    instructor_client.post("/authoring/questions/gas.s0/retire", data={"retired": "0"})
    db.session.expire_all()
    assert Question.by_key("gas.s0").retired is False


def test_get_never_retires(exam_bank, instructor_client):
    assert instructor_client.get("/authoring/questions/gas.s0/retire").status_code == 405


def test_question_page_shows_trainee_view_history_and_usage(exam_bank, instructor_client, db):
    make_paper()
    question = Question.by_key("complaints.case")
    changed = case_content("complaints.case")
    changed["stem"] = "顾客第二次来投诉。"
    question.revise(changed)
    db.session.commit()
    page = instructor_client.get("/authoring/questions/complaints.case").get_data(as_text=True)
    assert "顾客第二次来投诉。" in page
    assert "测试模拟卷" in page  # the paper names it
    assert 'data-version="2"' in page and 'data-version="1"' in page
    diff = instructor_client.get("/authoring/questions/complaints.case/diff?a=1&b=2").get_data(as_text=True)
    assert 'class="d-added">+stem: 顾客第二次来投诉。' in diff
    assert 'class="d-removed">-stem: 顾客在商场投诉。' in diff


def test_drawn_paper_is_listed_as_may_be_drawn(exam_bank, instructor_client):
    make_paper()
    page = instructor_client.get("/authoring/questions/gas.s1").get_data(as_text=True)
    assert "测试模拟卷" in page


def test_a_paper_drawing_by_a_list_of_specs_is_listed_as_may_be_drawn(exam_bank, instructor_client):
    """The bundled mocks draw each section as a list of specs (n items per area): they were never listed."""
    make_paper("listed", title="按领域抽题卷", sections=[
        {"title": "单选", "draw": [{"type": "single", "count": 1, "topic": "服务质量"},
                                  {"type": "single", "count": 1, "topic": "公用事业服务"}]}])
    assert "按领域抽题卷" in instructor_client.get("/authoring/questions/gas.s1").get_data(as_text=True)
    assert "按领域抽题卷" not in instructor_client.get("/authoring/questions/etiquette.j0").get_data(as_text=True)


def test_unknown_question_and_version_are_404(exam_bank, instructor_client):
    assert instructor_client.get("/authoring/questions/nope").status_code == 404
    assert instructor_client.get("/authoring/questions/gas.s0/diff?a=1&b=7").status_code == 404
    assert instructor_client.get("/authoring/questions/gas.s0/diff?a=x").status_code == 400


def test_every_page_is_for_staff_only(exam_bank, trainee_client, client):
    for url in ("/authoring/", "/authoring/questions/gas.s0", "/authoring/questions/new", "/authoring/papers",
                "/authoring/exchange", "/authoring/import", "/authoring/exchange/bank.zip"):
        assert trainee_client.get(url).status_code == 403, url
        assert client.get(url).status_code == 302, url
    assert trainee_client.post("/authoring/try", data={}).status_code == 403


def test_admin_may_use_the_bank(exam_bank, admin_client):
    assert admin_client.get("/authoring/").status_code == 200


def test_a_search_that_finds_nothing_offers_to_clear_the_filters(exam_bank, instructor_client):
    """'No question matches.' was a dead end on a phone: the filters that caused it sit a screen above."""
    page = instructor_client.get("/authoring/?q=没有这样的题干").get_data(as_text=True)
    assert "没有符合条件的题目。" in page and '<a href="/authoring/">清除筛选条件</a>' in page
    assert "清除筛选条件" not in instructor_client.get("/authoring/").get_data(as_text=True)  # nothing to clear
