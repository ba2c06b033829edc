"""The editors' messages in the words of the form the instructor filled in (Chinese and English): each field by its
label, each value as the form offers it (模拟考试, not mock; 正确/错误, not true/false), a field the form does not show
said in plain words with where to correct it, and never a YAML key of the bank's files. A section of a paper written
as YAML, and the question editor's YAML mode, keep the YAML's words: that is what the instructor typed there."""
import ast
import html
import re
from pathlib import Path

import pytest

from app.authoring.messages import PAPER_FORM, QUESTION_FORM, in_paper_form, in_question_form
from app.grading.messages import Message, N_
from app.qtypes import QUESTION_TYPES
from tests.authoring.test_papers import paper_form

ROOT = Path(__file__).resolve().parents[2]


def problems_of(page: str) -> str:
    """The page's problems as text (the alerts at the top, at each field and section)."""
    found = re.findall(r'role="alert"[^>]*>(.*?)</(?:p|div)>', page, re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", " | ".join(found))))


def in_both_languages(client, post) -> tuple[str, str]:
    client.post("/lang/zh_CN", data={"next": "/authoring/"})
    response = post()
    assert response.status_code == 422, response.status_code
    chinese = problems_of(response.get_data(as_text=True))
    client.post("/lang/en", data={"next": "/authoring/"})
    english = problems_of(post().get_data(as_text=True))
    return chinese, english


# ------------------------------------------------------------------------------------------------ the paper editor
# (form changes, Chinese, English, YAML words that must not show)
PAPER_MISTAKES = {
    "a kind the form does not offer": ({"kind": "exam"}, "试卷“mock-w”：类别只能是“模拟考试”或“练习”",
                                       "paper 'mock-w': choose the 'Kind': Mock exam or Practice",
                                       ("mock", "practice", "kind")),
    "a random draw with no type": ({"section-0-draw_type": ""}, "第 1 部分的抽题规则：请选择要抽取的题型",
                                   "section 1 draw: choose the 'Type' of the questions to draw",
                                   ("single", "multiple", "judge", "type")),
    "a difficulty that is not a number": ({"section-0-draw_min": "低"},
                                          "第 1 部分的抽题规则：“难度从”和“到”必须填 1 到 5 的整数",
                                          "section 1 draw: 'Difficulty from' and 'to' must be whole numbers from 1 "
                                          "to 5",
                                          ("difficulty", "min", "max")),
    "fixed questions left empty": ({"section-1-questions": ""},
                                   "第 2 部分：请填写这一部分的题目编号（每行一个），或改选“随机抽题”",
                                   "section 2: write the section's 'Question ids', one a line, or choose Random draw",
                                   ("questions", "id")),
    "an id with capitals": ({"id": "Mock W"}, "试卷编号只能由小写字母、数字和 . _ - 组成，现在是 'Mock W'",
                            "paper id may hold only lowercase letters, digits and . _ - (got 'Mock W')",
                            ("a-z0-9",)),
}


def _words_left(text: str, words) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w\-]){re.escape(w)}(?![\w\-])", text)]


@pytest.mark.parametrize("mistake", PAPER_MISTAKES)
def test_the_paper_editor_says_each_mistake_in_the_forms_words(exam_bank, instructor_client, mistake):
    changes, chinese, english, yaml_words = PAPER_MISTAKES[mistake]
    form = paper_form(**{"id": "mock-w", **changes})
    zh, en = in_both_languages(instructor_client, lambda: instructor_client.post("/authoring/papers/new", data=form))
    assert chinese in zh and english in en
    assert _words_left(zh, yaml_words) == [] and _words_left(en.replace(english, ""), yaml_words) == []


def test_a_pass_mark_and_a_paired_paper_the_form_does_not_show_are_said_in_words(exam_bank, instructor_client, db):
    """An imported paper keeps a pass mark and a paired paper, which the form does not show: when they are wrong, the
    message says what they are and where to correct them, instead of 'pass_mark' and 'pair'."""
    from tests.exams.factories import make_paper

    paper = make_paper("mock-kept")
    paper.definition = dict(paper.definition, pass_mark=150, pair="mock-kept")
    db.session.commit()
    form = paper_form(id="mock-kept", **{"section-1-questions": "complaints.case"})
    zh, en = in_both_languages(
        instructor_client, lambda: instructor_client.post("/authoring/papers/mock-kept/edit", data=form))
    assert "这份试卷导入时带有的及格线必须是占试卷总分的百分比，大于 0 且不超过 100。本表单中没有这一项：" \
           "请在题库文件中改正后，到“题库交换”重新导入。" in zh
    assert "这份试卷导入时指定的“须同时通过的试卷”必须是另一份试卷的编号。" in zh
    assert "the pass mark this paper was imported with must be a percentage of its points" in en
    assert "It is not on this form: correct it in the bank's file and import the file again (Bank exchange)." in en
    assert _words_left(zh + en, ("pass_mark", "pair")) == []


def test_a_section_written_as_yaml_keeps_the_yamls_words(exam_bank, instructor_client):
    """There the instructor typed 'difficulty:', and no field 'Difficulty from' exists."""
    form = paper_form(id="mock-y", **{"section-1-mode": "yaml",
                                      "section-1-yaml": "title: 案例\ndraw: {type: single, count: 1, difficulty: 3}\n"})
    zh, en = in_both_languages(instructor_client, lambda: instructor_client.post("/authoring/papers/new", data=form))
    assert "第 2 部分的抽题规则：difficulty 必须写成 [最低, 最高]" in zh
    assert "section 2 draw: 'difficulty' must be [min, max]" in en


# --------------------------------------------------------------------------------------------- the question editor
RUBRIC = "- id: apologize\n  text: 道歉\n  points: 4\n  match: [[道歉]]\n- id: listen\n  text: 倾听\n  points: 6\n" \
         "  match: [[倾听]]\n"


def choice_form(**changes):
    form = {"mode": "form", "type": "single", "id": "gas.w", "topic": "公用事业服务", "difficulty": "2", "tags": "",
            "stem": "题干", "option-A": "甲", "option-B": "乙", "answer": "A", "points": "1", "explanation": "解析"}
    return {**form, **changes}


def case_form(**changes):
    form = {"mode": "form", "type": "case", "id": "complaints.w", "topic": "投诉处理", "difficulty": "3", "tags": "",
            "stem": "顾客投诉。", "part-0-id": "a", "part-0-points": "10", "part-0-prompt": "怎么做？",
            "part-0-reference": "先道歉，再倾听。", "part-0-rubric": RUBRIC}
    return {**form, **{f"part-0-{k}" if not k.startswith(("part-", "type")) else k: v for k, v in changes.items()}}


NO_PART = {"id": "", "prompt": "", "reference": "", "rubric": "", "points": ""}
# (form, Chinese, English, YAML words that must not show)
QUESTION_MISTAKES = {
    "an area too long": (choice_form(topic="区" * 60), "题目“gas.w”：知识领域 最多 50 个字符",
                         "question 'gas.w': 'Area' has at most 50 characters", ("topic",)),
    "no area": (choice_form(topic=""), "题目“gas.w”的 知识领域 必须是非空文本",
                "'Area' of question 'gas.w' must be non-empty text", ("topic",)),
    "a difficulty the form does not offer": (choice_form(difficulty="9"), "题目“gas.w”：难度 必须是 1 到 5 的整数",
                                             "question 'gas.w': 'Difficulty' must be a whole number from 1 to 5",
                                             ("difficulty",)),
    "no option ticked": (choice_form(answer=""), "题目“gas.w”：请勾选正确答案（一个选项）",
                         "question 'gas.w': tick the right option", ("answer",)),
    "one option of a multiple choice ticked": (choice_form(type="multiple", answer="A"),
                                               "题目“gas.w”：请勾选两个或更多正确答案",
                                               "question 'gas.w': tick two or more right options", ("answer",)),
    "true or false not chosen": (choice_form(type="judge", answer=""), "题目“gas.w”：请选择答案：“正确”或“错误”",
                                 "question 'gas.w': choose the answer: True or False", ("answer", "true", "false")),
    "no option written": (choice_form(**{"option-A": "", "option-B": ""}), "题目“gas.w”：请至少填写两个选项",
                          "question 'gas.w': fill in two or more 'Options'", ("options",)),
    "no part": (case_form(**NO_PART), "案例分析题至少需要一个小题：请填写小题编号、问题、参考答案和评分要点",
                "a case question needs a part: fill in its Part ID, Prompt, Reference answer and Key points",
                ("parts",)),
    "a part without its id": (case_form(id=""), "第 1 个小题需要填写小题编号（如 a）",
                              "part 1 needs a 'Part ID' (such as a)", ("id",)),
    "no key points": (case_form(rubric=""), "小题“a”：缺少 评分要点，它应是非空的要点列表",
                      "part 'a': needs 'Key points', a non-empty list of key points", ("rubric",)),
    "an order of one point": (case_form(order="apologize", order_points="1", points="11"),
                              "小题“a”：要点顺序 必须列出两个或更多评分要点 id",
                              "part 'a': 'Order of key points' must list two or more rubric point ids", ("order",)),
    "an order without its points": (case_form(order="apologize, listen"), "小题“a”：写了 要点顺序 就要写 顺序分",
                                    "part 'a': 'Order of key points' needs 'Order points'",
                                    ("order", "order_points")),
    "order points without an order": (case_form(order_points="1"), "小题“a”：有 顺序分 却没有 要点顺序",
                                      "part 'a': 'Order points' without 'Order of key points'",
                                      ("order", "order_points")),
    "points that do not add up with the order": (
        case_form(order="apologize, listen", order_points="1"),
        "小题“a”：评分要点合计 10 分，加顺序分 1 分，但小题总分是 10 分",
        "part 'a': key points add up to 10 + order points 1, but the part is worth 10", ("order", "order_points")),
    "samples that are not a list": (case_form(samples="先道歉"), "小题“a”：样例答案 必须是列表",
                                    "part 'a': 'Samples' must be a list", ("samples",)),
}


@pytest.mark.parametrize("mistake", QUESTION_MISTAKES)
def test_the_question_form_says_each_mistake_in_the_forms_words(exam_bank, instructor_client, mistake):
    form, chinese, english, yaml_words = QUESTION_MISTAKES[mistake]
    zh, en = in_both_languages(instructor_client,
                               lambda: instructor_client.post("/authoring/questions/new", data=form))
    assert chinese in zh and english in en
    assert _words_left(zh, yaml_words) == [] and _words_left(en.replace(english, ""), yaml_words) == []


def test_key_points_that_cannot_be_read_are_not_also_called_missing(exam_bank, instructor_client):
    form = case_form(rubric="- id: apologize\n  text: 道歉\n points: 4\n")
    zh, en = in_both_languages(instructor_client,
                               lambda: instructor_client.post("/authoring/questions/new", data=form))
    assert "小题“a”的评分要点：YAML 格式错误" in zh and "缺少" not in zh
    assert "part 'a' key points: invalid YAML" in en and "needs" not in en


def test_the_yaml_mode_keeps_the_yamls_words(app, instructor_client):
    from app.bank.writer import dump
    from tests.conftest import case_content

    text = dump(case_content("complaints.w", topic="区" * 60))
    page = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text}).get_data(
        as_text=True)
    assert "题目“complaints.w”：topic 最多 50 个字符" in page


def test_the_try_panel_says_a_half_written_rubric_in_the_forms_words(exam_bank, instructor_client):
    form = dict(case_form(order="apologize, listen"), try_part="a", try_answer="先道歉")
    reply = instructor_client.post("/authoring/try", data=form).get_json()
    assert reply["result"]["error"] == "小题有 要点顺序 却没有 顺序分"
    reply = instructor_client.post("/authoring/try", data={"mode": "yaml", "try_part": "a", "try_answer": "先道歉",
                                                           "yaml": _yaml_of(form)}).get_json()
    assert reply["result"]["error"] == "小题有 order 却没有 order_points"


def _yaml_of(form) -> str:
    from app.authoring.forms import question_from_form
    from app.bank.writer import dump
    from werkzeug.datastructures import MultiDict

    return dump(question_from_form(MultiDict(form))[0])


# ------------------------------------------------------------------------------- the class: every checker message
def _templates(source: str, functions: set[str] | None = None) -> set[str]:
    """The N_ templates of ``source`` (in ``functions`` only, when given)."""
    tree = ast.parse((ROOT / source).read_text(encoding="utf-8"))
    scopes = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
              and (functions is None or node.name in functions)] if functions else [tree]
    return {node.args[0].value for scope in scopes for node in ast.walk(scope)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "N_" and node.args
            and isinstance(node.args[0], ast.Constant)}


SHARED = {"require_text", "positive_number"}
PAPER_TEMPLATES = (_templates("app/bank/schema.py", SHARED | {"paper", "section", "draw_spec",
                                                              "no_repeated_question"})
                   | _templates("app/authoring/papers_admin.py"))
QUESTION_TEMPLATES = (_templates("app/bank/schema.py", SHARED | {
    "question", "case_parts", "part", "rubric_point", "term_groups", "gist_overlap", "glued_terms", "samples",
    "overlaps", "overlap_targets"}) | _templates("app/qtypes/objective.py") | _templates("app/qtypes/case.py")
                      | _templates("app/grading/rubric.py") | _templates("app/authoring/editor.py")
                      | _templates("app/authoring/forms.py"))
# Typed by the instructor in the form's YAML boxes (a paper section's draws, a part's key points and samples) and
# named by the boxes' labels: these words are on the form.
PAPER_YAML_WORDS = {"exclude_tags", "description"}
QUESTION_YAML_WORDS = {"id", "text", "points", "match", "polarity", "scope", "gist", "not_with", "answer", "expect",
                       "tolerance", "note", "positive", "negative", "clause", "sentence"}
VALUES = {"mock", "practice", "true", "false", *QUESTION_TYPES}
PARAMS = {"types": ", ".join(QUESTION_TYPES), "value": "'甲'", "letters": "A, B"}


def _rendered(template: str, say, keys) -> list[str]:
    names = set(re.findall(r"%\((\w+)\)s", template))
    params = {name: PARAMS.get(name, "甲") for name in names}
    if "what" in names:
        params["what"] = Message(N_("question '%(id)s'"), id="q1")
    return [say(Message(template, **dict(params, key=key) if "key" in names else params)) for key in keys]


@pytest.mark.parametrize("form", ["paper", "question"])
def test_no_checker_message_says_a_yaml_word_the_form_does_not_show(app, form):
    """Every message the checks can give on the form, in Chinese and in English: no key of the bank's YAML but
    those typed in the form's YAML boxes, no value the form shows by another name (mock, true, single)."""
    templates, words, say, typed = ((PAPER_TEMPLATES, PAPER_FORM, in_paper_form, PAPER_YAML_WORDS) if form == "paper"
                                    else (QUESTION_TEMPLATES, QUESTION_FORM, in_question_form, QUESTION_YAML_WORDS))
    assert len(templates) > (30 if form == "paper" else 60)
    keys = sorted(words.labels)
    leaks = {}
    from flask import session
    from flask_babel import refresh

    for lang in ("zh_CN", "en"):
        with app.test_request_context():
            session["lang"] = lang
            refresh()
            for template in sorted(templates):
                for text in _rendered(template, say, keys):
                    text = text.replace("question 'q1'", "").replace(PARAMS["types"], "")
                    if lang == "en":  # English: a YAML key in quotes, or a value the form names otherwise
                        found = [w for w in re.findall(r"'([a-z_]+)'", text) if w not in typed and w != "to"]
                        found += [v for v in VALUES - {"case"} if re.search(rf"(?<![/\w]){v}\b", text)
                                  and not re.search(rf"\b{v} (papers?|question|exam|of)\b", text)]
                    else:  # Chinese: any Latin word left is the YAML's
                        found = [w for w in re.findall(r"(?<![\w@-])[a-z_]{2,}(?![\w-])", text)
                                 if w not in typed and w != "calm"]  # calm: an example of an id
                    if found:
                        leaks[(lang, template)] = (text, found)
    assert leaks == {}, "\n".join(f"{k}: {v}" for k, v in leaks.items())
