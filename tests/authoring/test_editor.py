"""The question editor: form and YAML, the bank's validation messages at the field, a new version on save."""
import re

import pytest

from app.bank.writer import dump
from app.models import Question
from tests.conftest import case_content

RUBRIC = "- id: apologize\n  text: 道歉\n  points: 4\n  match: [[道歉, 致歉]]\n- id: listen\n  text: 倾听\n  points: 6\n  match: [[倾听]]\n"


def case_form(**overrides):
    data = {"mode": "form", "type": "case", "id": "complaints.new", "topic": "投诉处理", "difficulty": "3", "tags": "投诉, 案例",
            "stem": "一位顾客来投诉。", "part-0-id": "a", "part-0-prompt": "怎么处理？", "part-0-points": "10",
            "part-0-reference": "先道歉，再倾听。", "part-0-rubric": RUBRIC,
            "part-0-samples": "- answer: 我会先道歉然后倾听\n  expect: 10\n"}
    data.update(overrides)
    return data


def test_new_case_question_from_the_form(app, instructor_client):
    response = instructor_client.post("/authoring/questions/new", data=case_form())
    assert response.status_code == 302, response.get_data(as_text=True)
    question = Question.by_key("complaints.new")
    content = question.current.content
    assert content["tags"] == ["投诉", "案例"]
    assert content["parts"][0]["rubric"][0]["match"] == [["道歉", "致歉"]]
    assert content["parts"][0]["samples"][0]["expect"] == 10
    assert question.current.author_id is not None


def test_form_errors_are_shown_at_the_field_and_nothing_is_saved(app, instructor_client):
    response = instructor_client.post("/authoring/questions/new", data=case_form(**{"part-0-points": "9", "topic": ""}))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    # the messages of flask bank validate, in the page's language
    assert "题目“complaints.new”的小题“a”：评分要点合计 10 分，但小题总分是 9 分" in page
    assert "题目“complaints.new”的 知识领域 必须是非空文本" in page  # named as the form labels it
    assert "一位顾客来投诉。" in page  # what was typed is kept
    assert Question.by_key("complaints.new") is None


def test_yaml_rubric_that_cannot_be_read_is_reported(app, instructor_client):
    response = instructor_client.post("/authoring/questions/new", data=case_form(**{"part-0-rubric": "- id: [x\n"}))
    assert response.status_code == 422
    assert "YAML 格式错误" in response.get_data(as_text=True)


FULL_WIDTH_RUBRIC = "- id：apologize\n  text：道歉\n  points：10\n  match：[[道歉，致歉]]\n"


def test_a_rubric_typed_with_full_width_colons_says_so(app, instructor_client):
    """A Chinese input method types ： after id/text/points: YAML then reads each point as one text, and 'must be
    a mapping' alone left a new instructor guessing (found walking /authoring/questions/new)."""
    samples = "- answer：我会道歉\n  expect：10\n"
    response = instructor_client.post("/authoring/questions/new", data=case_form(**{
        "part-0-rubric": FULL_WIDTH_RUBRIC, "part-0-samples": samples}))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "冒号" in page and page.count("半角") == 2  # the rubric's message and the samples'
    assert Question.by_key("complaints.new") is None
    # an ordinary non-mapping point keeps the short message
    response = instructor_client.post("/authoring/questions/new", data=case_form(**{"part-0-rubric": "- 道歉\n"}))
    assert response.status_code == 422 and "半角" not in response.get_data(as_text=True)


def test_yaml_mode_reports_the_same_messages_as_bank_validate_with_lines(app, instructor_client, runner, write_bank):
    text = dump(dict(case_content("complaints.y"), difficulty=9))
    difficulty_line = text.splitlines().index("difficulty: 9") + 1
    chinese = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text})
    assert f"<li>第 {difficulty_line} 行：题目“complaints.y”：difficulty 必须是 1 到 5 的整数</li>" in \
        chinese.get_data(as_text=True)
    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    response = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    bank = write_bank({"q.yaml": "questions:\n" + "".join("  " + line + "\n" for line in ("- " + text.replace("\n", "\n  ")).splitlines())})
    cli = runner.invoke(args=["bank", "validate", str(bank)])
    assert cli.exit_code != 0
    message = "question 'complaints.y': 'difficulty' must be a whole number from 1 to 5"
    assert message in cli.output
    assert f"<li>line {difficulty_line}: {message}</li>".replace("'", "&#39;") in page


@pytest.mark.parametrize("text", ["", "- a list\n", "id: [unclosed\n", "\x00", "!!python/object:os.system x\n"])
def test_yaml_mode_refuses_anything_malformed(app, instructor_client, text):
    response = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text})
    assert response.status_code == (400 if "\x00" in text else 422)  # NUL: refused at the edge (app/edge.py)
    assert Question.query.count() == 0


def test_editing_makes_a_new_version_and_attempts_keep_theirs(app, db, instructor_client, make_question):
    question = make_question(case_content("complaints.e"))
    first = dict(question.current.content)
    text = dump(dict(case_content("complaints.e"), stem="改过的题干。"))
    response = instructor_client.post("/authoring/questions/complaints.e/edit", data={"mode": "yaml", "yaml": text})
    assert response.status_code == 302
    db.session.expire_all()
    question = Question.by_key("complaints.e")
    assert [v.number for v in question.versions] == [1, 2]
    assert question.versions[0].content == first
    assert question.current.content["stem"] == "改过的题干。"


def test_saving_the_same_content_makes_no_version(app, db, instructor_client, make_question):
    make_question(case_content("complaints.s"))
    text = dump(Question.by_key("complaints.s").current.content)
    assert instructor_client.post("/authoring/questions/complaints.s/edit", data={"mode": "yaml", "yaml": text}).status_code == 302
    db.session.expire_all()
    assert len(Question.by_key("complaints.s").versions) == 1


def test_the_id_cannot_change_on_edit_nor_collide_on_create(app, instructor_client, make_question):
    make_question(case_content("complaints.s"))
    text = dump(case_content("complaints.other"))
    response = instructor_client.post("/authoring/questions/complaints.s/edit", data={"mode": "yaml", "yaml": text})
    assert response.status_code == 422 and "编号不能修改：这道题是“complaints.s”" in response.get_data(as_text=True)
    response = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": dump(case_content("complaints.s"))})
    assert response.status_code == 422 and "题库中已有编号为“complaints.s”的题目" in response.get_data(as_text=True)


def test_objective_question_from_the_form(app, instructor_client):
    data = {"mode": "form", "type": "multiple", "id": "q.multi", "topic": "服务质量", "difficulty": "2", "tags": "",
            "stem": "哪些是服务质量的维度？", "option-A": "可靠性", "option-B": "价格", "option-C": "响应性",
            "answer": ["A", "C"], "points": "2", "explanation": "价格不是。"}
    response = instructor_client.post("/authoring/questions/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    content = Question.by_key("q.multi").current.content
    assert content["answer"] == ["A", "C"] and content["options"] == {"A": "可靠性", "B": "价格", "C": "响应性"}
    data["id"], data["answer"] = "q.multi2", ["A"]
    response = instructor_client.post("/authoring/questions/new", data=data)
    assert response.status_code == 422
    assert "请勾选两个或更多正确答案" in response.get_data(as_text=True)  # the form ticks, it writes no list


def test_editor_pages_render_for_every_type(app, instructor_client, exam_bank):
    for kind in ("single", "multiple", "judge", "case"):
        assert instructor_client.get(f"/authoring/questions/new?type={kind}").status_code == 200
        assert instructor_client.get(f"/authoring/questions/new?type={kind}&mode=yaml").status_code == 200
    for key in ("gas.s0", "complaints.m0", "etiquette.j0", "complaints.case"):
        page = instructor_client.get(f"/authoring/questions/{key}/edit").get_data(as_text=True)
        assert f'value="{key}"' in page


def test_csrf_is_required_on_save(app, instructor_client):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = instructor_client.post("/authoring/questions/new", data=case_form())
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 400
    assert Question.by_key("complaints.new") is None


def test_a_new_question_in_yaml_starts_from_a_skeleton_of_its_type(app, instructor_client):
    from app.authoring.forms import SKELETONS

    page = instructor_client.get("/authoring/questions/new?type=judge&mode=yaml").get_data(as_text=True)
    assert "type: judge" in page and "explanation:" in page
    for kind, skeleton in SKELETONS.items():
        filled = dict(skeleton, id=f"new.{kind}", topic="服务礼仪", stem="题干")
        if kind == "case":
            filled["parts"] = [dict(skeleton["parts"][0], prompt="问", reference="答",
                                    rubric=[dict(skeleton["parts"][0]["rubric"][0], text="要点", match=[["要点"]])])]
        else:
            filled["explanation"] = "解析"
            filled["options"] = {k: f"选项{k}" for k in skeleton.get("options", {})} or None
            if filled["options"] is None:
                del filled["options"]
        response = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": dump(filled)})
        assert response.status_code == 302, (kind, response.get_data(as_text=True)[-2000:])


def test_form_messages_name_the_fields_as_the_form_does_without_lines_of_hidden_yaml(app, instructor_client):
    """The form's messages came from the bank's checker as they are for a YAML file: '第 9 行：题目的小题“a”的 prompt
    必须是非空文本', a line of a text the author never saw, and a field by its YAML key where the form says 问题.
    Each field is now named as the form labels it (the YAML mode names it with its key beside it: that is what the
    author typed there)."""
    response = instructor_client.post("/authoring/questions/new", data=case_form(**{"part-0-prompt": ""}))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "的 问题 必须是非空文本" in page and "prompt" not in page.split('id="editor"')[0]
    assert not re.search(r"第 \d+ 行", page.split('id="editor"')[0]), page.split('id="editor"')[0][-1500:]
    yaml_mode = instructor_client.post("/authoring/questions/new", data={
        "mode": "yaml", "yaml": dump(case_content("complaints.y", parts=[dict(case_content()["parts"][0], prompt="")]))})
    assert "问题（prompt）" in yaml_mode.get_data(as_text=True)
    assert re.search(r"第 \d+ 行", yaml_mode.get_data(as_text=True))  # the YAML's own lines are still given there
