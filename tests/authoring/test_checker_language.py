"""The bank checker's messages in the instructor's language: Chinese by default, English when chosen, with their
line numbers and values, the values escaped; and every message the checker can produce has its translation."""
import ast
import pickle
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.bank.convert.build import checker_reasons
from app.bank.writer import dump
from app.grading.messages import Message, N_
from tests.conftest import case_content, single_content

ROOT = Path(__file__).resolve().parents[2]


def with_mistake(content: dict, text: str) -> tuple[str, int]:
    """The YAML of ``content`` and the line of the first line holding ``text``."""
    yaml_text = dump(content)
    line = next(n for n, row in enumerate(yaml_text.splitlines(), 1) if text in row)
    return yaml_text, line


def case(**extra):
    content = case_content("complaints.lang")
    content.update(extra)
    return content


def bad_rubric_point():
    content = case()
    content["parts"][0]["rubric"][0]["points"] = 0
    return content


def no_stem():
    content = case()
    del content["stem"]
    return content


# (content, the text on the line the message names, Chinese message, English message)
MISTAKES = {
    "missing field": (no_stem, "id: complaints.lang", "题目“complaints.lang”缺少 题干（stem）",
                      "question &#39;complaints.lang&#39; needs &#39;stem&#39;"),
    "wrong type": (lambda: case(difficulty="hard"), "difficulty: hard",
                   "题目“complaints.lang”：difficulty 必须是 1 到 5 的整数",
                   "question &#39;complaints.lang&#39;: &#39;difficulty&#39; must be a whole number from 1 to 5"),
    "bad rubric point": (bad_rubric_point, "points: 0",
                         "题目“complaints.lang”的小题“a”的评分要点“apologize”的 分值（points） 必须是大于 0 的数，现在是 0",
                         "&#39;points&#39; of question &#39;complaints.lang&#39; part &#39;a&#39; point "
                         "&#39;apologize&#39; must be a number greater than 0, got 0"),
    "unknown key": (lambda: case(colour="红"), "colour:",
                    "题目“complaints.lang”中有未知字段“colour”（可用字段：",
                    "unknown field &#39;colour&#39; in question &#39;complaints.lang&#39; (allowed: "),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_the_yaml_editor_shows_the_checker_in_chinese_by_default(app, instructor_client, mistake):
    build, marker, chinese, english = MISTAKES[mistake]
    text, line = with_mistake(build(), marker)
    response = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"<li>第 {line} 行：{chinese}" in page
    assert english not in page


@pytest.mark.parametrize("mistake", MISTAKES)
def test_the_yaml_editor_shows_the_checker_in_english_when_chosen(app, in_english, mistake):
    build, marker, chinese, english = MISTAKES[mistake]
    text, line = with_mistake(build(), marker)
    page = in_english.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text}).get_data(as_text=True)
    assert f"<li>line {line}: {english}" in page
    assert chinese not in page


def test_the_form_editor_shows_the_message_at_its_field_in_chinese(app, instructor_client):
    form = {"mode": "form", "type": "single", "id": "gas.lang", "topic": "公用事业服务", "difficulty": "2", "tags": "",
            "stem": "题干", "option-A": "甲", "option-B": "乙", "answer": "C", "points": "1", "explanation": "解析"}
    page = instructor_client.post("/authoring/questions/new", data=form).get_data(as_text=True)
    assert "题目“gas.lang”：答案“C”不在选项中（A, B）" in page


def test_user_text_in_a_message_is_escaped(app, instructor_client):
    text, line = with_mistake(case(**{"<b>bold</b>": 1}), "<b>bold</b>")
    page = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text}).get_data(as_text=True)
    assert f"<li>第 {line} 行：题目“complaints.lang”中有未知字段“&lt;b&gt;bold&lt;/b&gt;”" in page
    assert "<b>bold</b>" not in page.replace("&lt;b&gt;bold&lt;/b&gt;", "")


def test_a_rubric_the_grader_refuses_is_reported_in_chinese(app, instructor_client):
    content = case()
    content["parts"][0]["rubric"][0]["match"] = [["@no-such-set"]]
    text, line = with_mistake(content, "rubric:")
    page = instructor_client.post("/authoring/questions/new", data={"mode": "yaml", "yaml": text}).get_data(as_text=True)
    assert (f"<li>第 {line} 行：题目“complaints.lang”的小题“a”：评分要点 &#39;apologize&#39;：第 1 组匹配词："
            f"同义词组 &#39;@no-such-set&#39; 不存在</li>") in page


def test_the_bank_upload_preview_speaks_the_page_language(exam_bank, instructor_client, in_english):
    from tests.authoring.test_exchange import upload

    bad = dump({"questions": [dict(single_content("a.one"), stem="")]})
    page = upload(in_english, "bad.yaml", bad.encode()).get_data(as_text=True)
    assert "bad.yaml:" in page and "&#39;stem&#39; of question &#39;a.one&#39; must be non-empty text" in page
    in_english.post("/lang/zh_CN", data={"next": "/authoring/"})
    page = upload(in_english, "bad.yaml", bad.encode()).get_data(as_text=True)
    assert "题目“a.one”的 题干（stem） 必须是非空文本" in page


def test_the_paper_editor_speaks_the_page_language(exam_bank, instructor_client, in_english):
    from tests.authoring.test_papers import paper_form

    form = paper_form(**{"section-1-questions": "no.such"})
    page = in_english.post("/authoring/papers/new", data=form).get_data(as_text=True)
    assert "paper &#39;mock-new&#39; section 2: unknown question &#39;no.such&#39;" in page
    in_english.post("/lang/zh_CN", data={"next": "/authoring/"})
    page = in_english.post("/authoring/papers/new", data=form).get_data(as_text=True)
    assert "试卷“mock-new”的第 2 部分：题目“no.such”不存在" in page


def test_the_import_preview_translates_the_checker_reason(app):
    from app.authoring.messages import translated

    reasons = checker_reasons(dict(single_content("gas.x"), answer="Z"))
    assert reasons == ["题库校验未通过：question 'gas.x': answer 'Z' is not among the options (A, B, C)"]
    with app.test_request_context():
        assert translated(reasons[0]) == "题库校验未通过：题目“gas.x”：答案“Z”不在选项中（A, B, C）"
    with app.test_request_context():
        from flask import session
        from flask_babel import refresh

        session["lang"] = "en"
        refresh()  # the locale chosen for the first context is kept (the app context is shared)
        assert translated(reasons[0]) == "Refused by the bank's check: question 'gas.x': answer 'Z' is not among " \
                                         "the options (A, B, C)"


# ------------------------------------------------------------------------------------- the messages themselves
def test_a_message_is_its_english_text_and_keeps_its_template():
    what = Message(N_("question '%(id)s'"), id="q1")
    message = Message(N_("%(what)s: 'tags' must be a list of text"), what=what)
    assert message == "question 'q1': 'tags' must be a list of text" and isinstance(message, str)
    assert message.template == "%(what)s: 'tags' must be a list of text" and message.params == {"what": what}
    again = pickle.loads(pickle.dumps(message))
    assert again == message and again.template == message.template and again.params["what"].template == what.template


def _catalogue(lang):
    with open(ROOT / "app" / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh)


def _marked_templates() -> dict[str, str]:
    """Every ``N_`` template of the application's code, with the file it is in."""
    found = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "app"), method_map=[("**.py", "python")], keywords={"N_": None}):
        found.setdefault(message, filename)
    return found


def test_every_checker_template_has_a_chinese_translation():
    templates = _marked_templates()
    assert len(templates) > 100  # the bank checker's, the rubric compiler's, the editors'
    zh = _catalogue("zh")
    missing = {t: where for t, where in templates.items() if t not in zh or not zh[t].string}
    english = {t: zh[t].string for t in templates if t in zh and not re.search(r"[\u4e00-\u9fff]", zh[t].string)
               and not re.fullmatch(r"[%()\w: ]+", t)}
    assert missing == {} and english == {}


CHECKER_SOURCES = ["app/bank/schema.py", "app/bank/loader.py", "app/bank/yamlsource.py", "app/bank/convert/build.py",
                   "app/qtypes/objective.py", "app/qtypes/case.py", "app/grading/rubric.py", "app/grading/terms.py",
                   "app/authoring/editor.py", "app/authoring/papers_admin.py", "app/authoring/forms.py"]


def _message_argument(call: ast.Call):
    """The message a problem-making call is given, or None when it is not such a call."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in ("add", "problem") and isinstance(func, ast.Attribute) and len(call.args) >= 2:
        if isinstance(func.value, ast.Attribute) and func.value.attr == "session":
            return None  # db.session.add(...)
        return call.args[1]
    if name in ("Problem", "PaperProblem") and call.args:
        return call.args[-1] if name == "Problem" else call.args[0]
    if name == "RubricError" and call.args:
        return call.args[0]
    return None


def _is_translatable(node) -> bool:
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        return name in ("N_", "Message", "message_of")
    return isinstance(node, ast.Name)  # a message built (and checked) elsewhere, passed on


@pytest.mark.parametrize("source", CHECKER_SOURCES)
def test_no_checker_message_is_built_as_plain_english(source):
    """A new ``checker.add(line, f"...")`` or ``RubricError("...")`` would reach the Chinese pages in English: every
    message is a template marked ``N_`` (or a Message), so that the test above finds it."""
    tree = ast.parse((ROOT / source).read_text(encoding="utf-8"))
    plain = [(node.lineno, ast.unparse(arg)) for node in ast.walk(tree) if isinstance(node, ast.Call)
             for arg in [_message_argument(node)] if arg is not None and not _is_translatable(arg)
             and not (isinstance(arg, ast.Attribute) and arg.attr == "message")]
    assert plain == []


# template.py is left out: its Chinese notes are the content of the Excel template, written for Chinese files
CONVERTER_SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "bank" / "convert").glob("*.py")
                           if p.name != "template.py") + ["app/authoring/importing.py"]


def _converter_message_argument(call: ast.Call):
    """The reason a converter's problem-making call is given (``file_problem(where, reason)``,
    ``reasons.append(reason)``, ``UnknownType(reason)``...), or None when it is not such a call."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in ("file_problem", "unreadable") and len(call.args) == 2:
        return call.args[1]
    if name == "append" and isinstance(func.value, ast.Name) and func.value.id in ("reasons", "notes") and call.args:
        return call.args[0]
    if name == "append" and isinstance(func.value, ast.Attribute) and func.value.attr in ("notes", "file_problems"):
        return call.args[0]
    if name in ("UnknownType", "UnsupportedFormat", "UploadError") and call.args:
        return call.args[0]
    return None


def _is_translatable_reason(node) -> bool:
    if isinstance(node, ast.IfExp):
        return _is_translatable_reason(node.body) and _is_translatable_reason(node.orelse)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ConversionProblem":
        return True  # file_problem() itself, whose reason is checked where it is called
    return _is_translatable(node)


@pytest.mark.parametrize("source", CONVERTER_SOURCES)
def test_no_converter_reason_is_plain_text(source):
    """Every reason a converter gives (and the import service adds) is a Message, so that the English pages can
    show it in English: a plain f-string would stay Chinese there."""
    tree = ast.parse((ROOT / source).read_text(encoding="utf-8"))
    plain = [(node.lineno, ast.unparse(arg)) for node in ast.walk(tree) if isinstance(node, ast.Call)
             for arg in [_converter_message_argument(node)] if arg is not None and not _is_translatable_reason(arg)]
    assert plain == []


# (the form's changes, Chinese, English): a paper's mistakes named as the paper editor labels its fields
PAPER_MISTAKES = {
    "no time limit": ({"time_limit": ""}, "试卷“mock-new”：模拟考试卷需要 时限（考试时长，单位：分钟）",
                      "paper &#39;mock-new&#39;: a mock paper needs &#39;Time limit&#39; (minutes)"),
    "no sections": ({"section-0-title": "", "section-0-draw_count": "", "section-1-title": "",
                     "section-1-questions": ""}, "试卷“mock-new”：缺少 试卷部分，且不能为空列表",
                    "paper &#39;mock-new&#39;: needs &#39;Sections&#39;, a non-empty list"),
    "no count": ({"section-0-draw_count": ""}, "试卷“mock-new”的第 1 部分的抽题规则：缺少 题数（抽题数量）",
                 "paper &#39;mock-new&#39; section 1 draw: needs &#39;How many&#39;"),
    "time limit not a number": ({"time_limit": "abc"}, "试卷“mock-new”的 时限 必须是大于 0 的整数",
                                "&#39;Time limit&#39; of paper &#39;mock-new&#39; must be a whole number greater"),
}
RAW_KEYS = ("time_limit", "sections", "count", "None")


@pytest.mark.parametrize("mistake", PAPER_MISTAKES)
def test_the_paper_editor_names_each_field_as_its_form_labels_it(exam_bank, instructor_client, mistake):
    """'模拟考试卷需要 time_limit' told an instructor who had filled in a form the name of a field of the bank's files;
    the form says 时限 (Time limit)."""
    changes, chinese, english = PAPER_MISTAKES[mistake]
    from tests.authoring.test_papers import paper_form

    response = instructor_client.post("/authoring/papers/new", data=paper_form(**changes))
    page = response.get_data(as_text=True)
    problems = "".join(re.findall(r'role="alert">(.*?)</(?:p|div)>', page, re.S))
    assert response.status_code == 422 and chinese in problems
    assert not [key for key in RAW_KEYS if re.search(rf"(?<![\w(]){key}(?![\w)])", problems)]
    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    page = instructor_client.post("/authoring/papers/new", data=paper_form(**changes)).get_data(as_text=True)
    problems = "".join(re.findall(r'role="alert">(.*?)</(?:p|div)>', page, re.S))
    assert english in problems
    assert not [key for key in RAW_KEYS if re.search(rf"(?<![\w(]){key}(?![\w)])", problems)]


def test_a_section_in_yaml_that_cannot_be_read_says_where_and_why_in_the_page_language(exam_bank, instructor_client):
    """PyYAML's own English ('mapping values are not allowed in this context') reached the Chinese page."""
    from tests.authoring.test_papers import paper_form

    form = paper_form(**{"section-1-mode": "yaml", "section-1-yaml": "title: 案例\n  questions: [complaints.case]\n"})
    page = instructor_client.post("/authoring/papers/new", data=form).get_data(as_text=True)
    assert "第 2 行：YAML 格式错误（第 12 列）：这里的冒号被当成了新字段的开始：请检查这一行的缩进" in page
    assert "mapping values" not in page and "context" not in page
    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    page = instructor_client.post("/authoring/papers/new", data=form).get_data(as_text=True)
    assert "line 2: invalid YAML at column 12: a colon here starts a new key: check the indentation" in page
    assert "mapping values" not in page


@pytest.mark.parametrize("text, chinese", [
    ("a: 1\n  b: 2\n", "这里的冒号被当成了新字段的开始"),
    ("a: 1\nb\n", "这一行不是“字段: 值”的写法"),
    ("a:\n\t- x\n", "请用空格缩进"),
    ("a: [1, 2\nb: 3\n", "用 [ 开始的列表没有用 ] 结束"),
    ("a: {x: 1\n", "用 { 开始的映射没有用 } 结束"),
    ("a: 'x\nb: 2\n", "引号没有闭合"),
    ("a: 1\n- b\n", "缩进与上面几行没有对齐"),
    ("- a\nb: 1\n", "缩进与上面的列表没有对齐"),
    ("a: *nope\n", "别名（*名称）之前没有对应的锚点"),
    ("a: \x07\n", "YAML 不允许的控制字符"),
    ("%FOO\n---\na\n", "无法按 YAML 读取"),
])
def test_pyyaml_errors_are_said_in_our_words(app, text, chinese):
    from app.authoring.messages import translated
    from app.bank.yamlsource import read_yaml

    data, problems = read_yaml(text, "x.yaml")
    assert data is None and len(problems) == 1
    with app.test_request_context():
        said = translated(problems[0].message)
    assert chinese in said and not re.search(r"[a-z]{4,}", said.replace("YAML", ""))
