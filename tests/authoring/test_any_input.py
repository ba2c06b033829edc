"""Any text in any field (NUL, lone surrogates, 100k characters, markup): a clear answer below 500, and nothing
unstorable is kept."""
import json

import pytest

from app.authoring import browse, editor, trial
from app.bank.writer import dump
from app.models import Question
from tests.authoring.test_editor import case_form
from tests.authoring.test_papers import paper_form
from tests.conftest import case_content

NASTY = ["\x00", "字" * 100_000, "<script>alert(1)</script>", "{{ 7*7 }}", "- [", "&#0;", "\u202e", "\\0"]


def stored_text() -> str:
    return "".join(json.dumps(v.content) for q in Question.query for v in q.versions)


@pytest.mark.parametrize("text", NASTY)
def test_editor_form_and_yaml(exam_bank, instructor_client, text):
    for field in ("id", "topic", "stem", "part-0-rubric", "part-0-points", "part-0-samples", "part-0-order"):
        response = instructor_client.post("/authoring/questions/new", data=case_form(**{field: text}))
        assert response.status_code in (302, 422) if "\x00" not in text else response.status_code == 400, field
        assert "<script>alert(1)</script>" not in response.get_data(as_text=True)
        Question.query.session.expire_all()
        question = Question.by_key("complaints.new")
        if question is not None:  # saved: the text was acceptable where it went; delete for the next field
            Question.query.session.delete(question)
            Question.query.session.commit()
    response = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text})
    assert response.status_code == (400 if "\x00" in text else 422)  # NUL: refused at the edge (app/edge.py)
    assert "\\u0000" not in stored_text()


@pytest.mark.parametrize("escape", ['"\\0"', '"\\ud800"', '"a\\x00b"'])
def test_yaml_escapes_of_unstorable_characters_are_refused(app, escape):
    text = dump(case_content("c.nul")).replace("stem: 顾客在商场投诉。", f"stem: {escape}")
    checked = editor.check_question_text(text)
    assert not checked.ok
    stem_line = text.splitlines().index(f"stem: {escape}") + 1
    # refused where it is written: as unstorable text, or by the YAML reader itself (a surrogate escape)
    assert any(p.line == stem_line and ("cannot be stored" in p.message or "invalid YAML" in p.message)
               for p in checked.problems), checked.problems


def test_lone_surrogates_never_reach_the_database(app):
    assert not editor.check_question_text(dump(case_content("c.s")) + "\ud800").ok
    assert trial.try_answer(case_content("c.s"), "a", "\ud800") == {"error": "bad_text"}
    filters = browse.Filters.from_args({"q": "\ud800" * 200})
    assert len(filters.text) == browse.MAX_QUERY
    assert browse.search(filters) == ([], 0)


@pytest.mark.parametrize("text", NASTY)
def test_try_search_papers(exam_bank, instructor_client, text):
    data = case_form(**{"part-0-rubric": text})
    data.update({"try_part": "a", "try_answer": text})
    assert instructor_client.post("/authoring/try", data=data).status_code in (200, 400)
    listed = instructor_client.get("/authoring/", query_string={"q": text, "tag": text, "topic": text}).status_code
    assert listed == (400 if "\x00" in text else 200)
    for field in ("id", "title", "time_limit", "section-0-draw_topic", "section-1-questions", "section-0-draw_count"):
        response = instructor_client.post("/authoring/papers/new", data=paper_form(**{field: text}))
        assert response.status_code in ((302, 422) if "\x00" not in text else (400,)), field


@pytest.mark.parametrize("text", ["标题\x00", "\x00"])
def test_a_paper_with_nul_is_refused(exam_bank, instructor_client, text):
    from app.models import Paper

    response = instructor_client.post("/authoring/papers/new", data=paper_form(title=text))
    assert response.status_code == 400  # refused at the edge (app/edge.py), before the form sees it
    assert Paper.by_key("mock-new") is None


@pytest.mark.parametrize("number", ["²", "٣", "１", "9" * 30])
def test_numbers_that_int_would_refuse_or_that_are_huge_are_no_500(exam_bank, instructor_client, number):
    """str.isdigit() is true for superscripts and other scripts' digits that int() refuses: every place that
    reads a number out of a field name or a query string takes ASCII digits only."""
    form = dict(case_form(), **{f"part-{number}-id": "b", f"part-{number}-prompt": "问"})
    assert instructor_client.post("/authoring/questions/new", data=form).status_code < 500
    paper = dict(paper_form(), **{f"section-{number}-title": "x"})
    assert instructor_client.post("/authoring/papers/new", data=paper).status_code < 500
    assert instructor_client.get(f"/review/queue?cohort={number}").status_code == 200
    assert instructor_client.get(f"/review/regrade?paper=mock-t&preview=1&attempt={number}").status_code == 200


@pytest.mark.parametrize("field,value", [("time_limit", "99999999999999999999"), ("max_attempts", "9" * 30),
                                         ("section-0-draw_count", "100000"), ("section-0-points_each", "1e9")])
def test_paper_numbers_past_any_sane_bound_are_a_form_error(exam_bank, instructor_client, field, value):
    response = instructor_client.post("/authoring/papers/new", data=dict(paper_form(), **{field: value}))
    assert response.status_code == 422
    assert "最多为" in response.get_data(as_text=True)
