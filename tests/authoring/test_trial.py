"""The live try panel: a draft graded by a fork of the Grader, evidence per point, samples regraded."""
from app.scoring import current_grader
from tests.conftest import case_content
from tests.authoring.test_editor import case_form


def try_form(answer, **overrides):
    data = case_form(**overrides)
    data.update({"try_part": "a", "try_answer": answer})
    return data


def test_an_answer_is_graded_with_evidence_and_samples(app, instructor_client):
    response = instructor_client.post("/authoring/try", data=try_form("我先向顾客道歉。"))
    assert response.status_code == 200
    body = response.get_json()
    result = body["result"]
    assert result["score"] == 4 and result["max"] == 10
    apologize = next(p for p in result["points"] if p["id"] == "apologize")
    start, end = apologize["evidence"][0]
    assert "我先向顾客道歉。"[start:end] == "道歉"
    assert next(p for p in result["points"] if p["id"] == "listen")["earned"] == 0
    [sample] = body["samples"]
    assert sample["expect"] == 10 and sample["score"] == 10 and sample["ok"] is True


def test_a_sample_that_drifts_is_marked(app, instructor_client):
    # the draft gives listening no match the sample uses: the sample drops to 4 of its expected 10
    rubric = "- id: apologize\n  text: 道歉\n  points: 4\n  match: [[道歉]]\n- id: listen\n  text: 倾听\n  points: 6\n  match: [[聆听]]\n"
    body = instructor_client.post("/authoring/try", data=try_form("", **{"part-0-rubric": rubric})).get_json()
    [sample] = body["samples"]
    assert sample["score"] == 4 and sample["ok"] is False


def test_draft_terms_never_reach_the_live_grader(app, instructor_client):
    live = current_grader()
    rubric = "- id: apologize\n  text: 道歉\n  points: 10\n  match: [[赔个不是儿]]\n"
    instructor_client.post("/authoring/try", data=try_form("赔个不是儿", **{"part-0-rubric": rubric}))
    assert current_grader() is live
    assert not live.segmenter.is_word("赔个不是儿")
    assert all("赔个不是儿" not in part_key for part_key in live._compiled)


def test_a_broken_rubric_is_reported_not_a_crash(app, instructor_client):
    for rubric in ("- id: x\n  text: y\n", "- 3\n", "- id: a\n  text: b\n  points: 10\n  match: '@nosuchset'\n"):
        response = instructor_client.post("/authoring/try", data=try_form("道歉", **{"part-0-rubric": rubric}))
        assert response.status_code == 200
        assert response.get_json()["result"]["score"] == 0


def test_a_broken_rubric_is_reported_in_the_page_language(app, instructor_client):
    rubric = "- id: a\n  text: b\n  points: 10\n  match: '@nosuchset'\n"
    result = instructor_client.post("/authoring/try", data=try_form("道歉", **{"part-0-rubric": rubric})).get_json()
    assert result["result"]["error"] == "评分要点 'a'：第 1 组匹配词：同义词组 '@nosuchset' 不存在"
    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    result = instructor_client.post("/authoring/try", data=try_form("道歉", **{"part-0-rubric": rubric})).get_json()
    assert result["result"]["error"] == "rubric point 'a': match group 1: unknown synonym set '@nosuchset'"


def test_a_rubric_typed_with_full_width_colons_is_explained_in_the_try_panel(app, instructor_client):
    from tests.authoring.test_editor import FULL_WIDTH_RUBRIC

    result = instructor_client.post("/authoring/try", data=try_form("道歉", **{"part-0-rubric": FULL_WIDTH_RUBRIC}))
    error = result.get_json()["result"]["error"]
    assert error.startswith("第 1 个评分要点必须是键值映射") and "半角" in error and "：" in error
    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    result = instructor_client.post("/authoring/try", data=try_form("道歉", **{"part-0-rubric": FULL_WIDTH_RUBRIC}))
    assert "half-width colon" in result.get_json()["result"]["error"]


def test_unknown_part_and_bad_text_are_400(app, instructor_client):
    data = try_form("x")
    data["try_part"] = "zz"
    assert instructor_client.post("/authoring/try", data=data).status_code == 400
    assert instructor_client.post("/authoring/try", data=try_form("\x00")).status_code == 400
    assert instructor_client.post("/authoring/try", data=try_form("字" * 5001)).status_code == 400


def test_yaml_mode_is_tried_too(app, instructor_client):
    from app.bank.writer import dump
    from tests.conftest import case_content

    data = {"mode": "yaml", "yaml": dump(case_content("c.y")), "try_part": "a", "try_answer": "耐心倾听"}
    assert instructor_client.post("/authoring/try", data=data).get_json()["result"]["score"] == 6


def test_second_opinion_reasons_are_given(app, instructor_client):
    body = instructor_client.post("/authoring/try", data=try_form("不要道歉，要耐心倾听。")).get_json()
    # the grader's own sentence for the review flag, in the page's language (the apology is 4 of 10 points)
    assert any("（占本小题 40%）出现在否定句中" in r for r in body["result"]["reasons"]), body


def test_try_needs_the_csrf_header(app, instructor_client):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert instructor_client.post("/authoring/try", data=try_form("道歉")).status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_the_live_try_grades_with_the_cases_stem_as_trainees_are_graded(app):
    from app.authoring.trial import try_answer

    stem = "店员当场向顾客道歉，又耐心倾听了她的投诉，可是问题拖了一个月仍然没有解决。"
    content = dict(case_content(), stem=stem)
    retold = try_answer(content, "a", stem)
    own = try_answer(content, "a", "我会先向顾客道歉，再耐心倾听她的意见。")
    assert retold["result"]["score"] == 0 and own["result"]["score"] > 0
    without = try_answer(dict(content, stem=""), "a", stem)
    assert without["result"]["score"] > 0  # the same text, no story to have copied it from


def test_the_grader_notes_are_translated_in_the_live_try(app, instructor_client):
    """The list credit and a defence are the grader's sentences too, in the page's language (Chinese here)."""
    listed = instructor_client.post("/authoring/try", data=try_form("道歉 倾听 回访 赔偿 退货 投诉")).get_json()
    assert any(r.startswith("关键词罗列：") and "“道歉”" in r for r in listed["result"]["reasons"]), listed
    assert not any("keyword list" in r for r in listed["result"]["reasons"])
    defended = instructor_client.post("/authoring/try", data=try_form("是顾客自己没说清楚，跟我们没关系，道歉没必要。")).get_json()
    assert any(r.startswith("为当事人的做法辩护或推卸责任：") for r in defended["result"]["reasons"]), defended
