"""Holes a first-time instructor fell into in the editors: a 500 instead of a message, a message left unshown, a
field the form dropped without a word."""
import html
import re

import pytest

from tests.authoring.test_form_words import RUBRIC, case_form, choice_form, in_both_languages, problems_of
from tests.authoring.test_papers import paper_form


@pytest.mark.parametrize("yaml_text", ["- 案例\n", "就是一段文字\n", "title: 案例\ndraw: 5\n",
                                       "title: 案例\nquestions: 5\n", "title: 案例\ndraw: {type: single, count: 1, "
                                       "difficulty: 3}\n", "title: 案例\ndraw: {type: single, count: 1, tags: 5}\n"])
def test_a_section_in_yaml_that_is_not_a_section_is_refused_and_kept(exam_bank, instructor_client, yaml_text):
    """A YAML section that is a list or a line of text answered 500 (the refused form was shown again by reading
    the section as a mapping); it is refused with a message and shown again as YAML."""
    form = paper_form(id="mock-y", **{"section-1-mode": "yaml", "section-1-yaml": yaml_text})
    response = instructor_client.post("/authoring/papers/new", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "第 2 部分" in problems_of(page)
    assert 'name="section-1-mode" value="yaml" checked' in page


def test_two_parts_with_one_id_are_refused_at_the_form(exam_bank, instructor_client):
    """Two parts given the same id answered 500 (the checker's message named its line twice); the form says it in
    its words, without the line of a YAML text the form never showed."""
    form = case_form(**{"part-1-id": "a", "part-1-points": "10", "part-1-prompt": "再问", "part-1-reference": "答",
                        "part-1-rubric": RUBRIC})
    zh, en = in_both_languages(instructor_client,
                               lambda: instructor_client.post("/authoring/questions/new", data=form))
    assert "有两个小题的小题编号都是“a”：请给每个小题不同的编号" in zh and "行" not in zh
    assert "two parts have the Part ID 'a': give each part its own" in en


def test_a_type_the_form_does_not_offer_is_said_at_the_top(exam_bank, instructor_client):
    """The type's message was grouped under a field the form does not show: the page said "1 problem" and showed
    none."""
    zh, en = in_both_languages(instructor_client, lambda: instructor_client.post(
        "/authoring/questions/new", data=choice_form(type="essay")))
    assert "请选择题型：单项选择题、多项选择题、判断题或案例分析题" in zh
    assert "choose the type: Single choice, Multiple choice, True/false or Case analysis" in en


def _form_of(page: str) -> dict:
    """The fields of the editor's form as the browser would send them (text, textareas, checked boxes, selects)."""
    data = {}
    for tag in re.findall(r"<input [^>]*>", page):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        if "name" in attrs and (attrs.get("type") in ("text", "hidden") or " checked" in tag):
            data[attrs["name"]] = html.unescape(attrs.get("value", ""))
    for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[m.group(1)] = html.unescape(m.group(2))
    for m in re.finditer(r'<select name="([^"]+)">(.*?)</select>', page, re.S):
        chosen = re.search(r'value="([^"]*)" selected', m.group(2))
        data[m.group(1)] = chosen.group(1) if chosen else ""
    return data


def test_the_form_keeps_where_a_question_comes_from(app, instructor_client, make_question):
    """'source' (where a case's facts come from, not shown to trainees) was not on the form: saving a question from
    the form dropped it without a word. The form shows it as 出处 and keeps it."""
    from app.models import Question
    from tests.conftest import case_content

    make_question(case_content("complaints.src", source="2024 真题 第 3 题"))
    page = instructor_client.get("/authoring/questions/complaints.src/edit").get_data(as_text=True)
    form = dict(_form_of(page), stem="顾客在商场投诉，经理赶来。")
    response = instructor_client.post("/authoring/questions/complaints.src/edit", data=form)
    assert response.status_code == 302, problems_of(response.get_data(as_text=True))
    assert Question.by_key("complaints.src").current.content.get("source") == "2024 真题 第 3 题"
    assert "出处" in page
