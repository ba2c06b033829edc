import json

from sqlalchemy import func, select

from app.models import Attempt, AttemptItem, Paper, Question, QuestionVersion, User
from tests.bank.test_validate import GOOD_CASE, GOOD_SINGLE
from tests.conftest import case_content

PAPERS = """
papers:
  - id: mock-1
    title: 模拟一
    time_limit: 90
    sections:
      - title: 单选
        draw: {type: single, count: 1}
      - title: 案例
        questions: [complaints.fly]
"""


def counts(db):
    return (db.session.scalar(select(func.count(Question.id))),
            db.session.scalar(select(func.count(QuestionVersion.id))),
            db.session.scalar(select(func.count(Paper.id))))


def test_validate_ok_and_failing(runner, write_bank):
    good = write_bank({"c.yaml": GOOD_CASE})
    result = runner.invoke(args=["bank", "validate", str(good)])
    assert result.exit_code == 0 and "ok: 1 questions" in result.output
    bad = write_bank({"c.yaml": GOOD_CASE.replace("points: 6", "points: 1")}, folder="bad")
    result = runner.invoke(args=["bank", "validate", str(bad)])
    assert result.exit_code == 1
    assert "c.yaml:11: " in result.output and "1 problem(s) found" in result.output


def test_import_is_idempotent_and_reports_counts(runner, write_bank, db):
    root = write_bank({"c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE, "papers.yaml": PAPERS})
    first = runner.invoke(args=["bank", "import", str(root)])
    assert first.exit_code == 0, first.output
    assert "questions: 2 added, 0 changed, 0 unchanged; papers: 1 added" in first.output
    again = runner.invoke(args=["bank", "import", str(root)])
    assert "questions: 0 added, 0 changed, 2 unchanged; papers: 0 added, 0 changed" in again.output
    assert counts(db) == (2, 2, 1)


def test_bad_import_changes_nothing(runner, write_bank, db):
    runner.invoke(args=["bank", "import", str(write_bank({"o.yaml": GOOD_SINGLE}))])
    before = counts(db)
    text = GOOD_SINGLE.replace("answer: A", "answer: Z").replace("stem: 天然气的主要成分？", "stem: 改过的题干")
    bad = write_bank({"o.yaml": text, "c.yaml": GOOD_CASE.replace("points: 4", "points: 3")}, folder="bad")
    result = runner.invoke(args=["bank", "import", str(bad)])
    assert result.exit_code == 1 and "nothing was imported" in result.output
    assert counts(db) == before
    assert Question.by_key("gas.main").current.content["stem"] == "天然气的主要成分？"


def test_three_mistakes_import_leaves_database_unchanged(runner, write_bank, db):
    text = GOOD_CASE.replace("points: 6", "points: 5").replace("type: case", "type: case\n    colour: red")
    text += GOOD_SINGLE.replace("questions:\n", "").replace("answer: A", "answer: D")
    result = runner.invoke(args=["bank", "import", str(write_bank({"m.yaml": text}))])
    assert result.exit_code == 1
    assert result.output.count("m.yaml:") == 3
    assert counts(db) == (0, 0, 0)


def test_export_then_import_changes_nothing(runner, write_bank, tmp_path, db):
    synonyms = "sets:\n  apologize: [道歉, 致歉, 赔礼道歉]\n"
    root = write_bank({"synonyms.yaml": synonyms, "c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE, "p.yaml": PAPERS})
    runner.invoke(args=["bank", "import", str(root)])
    out = tmp_path / "export"
    result = runner.invoke(args=["bank", "export", str(out)])
    assert result.exit_code == 0 and (out / "cases.yaml").exists()
    assert "酸奶" in (out / "cases.yaml").read_text(encoding="utf-8")  # readable Chinese, not escapes
    result = runner.invoke(args=["bank", "import", str(out)])
    assert "0 added, 0 changed, 2 unchanged; papers: 0 added, 0 changed" in result.output, result.output
    assert runner.invoke(args=["bank", "validate", str(out)]).exit_code == 0


def test_changing_one_rubric_point_makes_one_new_version(runner, write_bank, db, make_user):
    root = write_bank({"c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE, "p.yaml": PAPERS})
    runner.invoke(args=["bank", "import", str(root)])
    question = Question.by_key("complaints.fly")
    old_version = question.current
    # An attempt graded with the first version.
    user = make_user("t1")
    attempt = Attempt(user_id=user.id, paper_id=Paper.by_key("mock-1").id)
    attempt.items.append(AttemptItem(position=1, question_version_id=old_version.id, points=10))
    db.session.add(attempt)
    db.session.commit()

    changed = write_bank({"c.yaml": GOOD_CASE.replace("[[道歉, 致歉]]", "[[道歉, 致歉, 赔礼]]"),
                          "o.yaml": GOOD_SINGLE, "p.yaml": PAPERS}, folder="v2")
    result = runner.invoke(args=["bank", "import", str(changed)])
    assert "0 added, 1 changed, 1 unchanged" in result.output and "changed: complaints.fly" in result.output
    db.session.expire_all()
    question = Question.by_key("complaints.fly")
    assert [v.number for v in question.versions] == [1, 2]
    assert db.session.scalar(select(func.count(QuestionVersion.id))) == 3
    item = db.session.get(AttemptItem, attempt.items[0].id)
    assert item.version.number == 1
    assert item.version.part("a")["rubric"][0]["match"] == [["道歉", "致歉"]]


def test_stats(runner, write_bank):
    root = write_bank({"c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE, "p.yaml": PAPERS})
    result = runner.invoke(args=["bank", "stats", str(root)])
    assert result.exit_code == 0
    assert "case parts: 1" in result.output and "objective items: 1" in result.output
    assert "papers: 1 (mock 1, practice 0)" in result.output and "投诉处理: 1 / 0" in result.output
    assert "single-choice key positions:" in result.output and "one longest option:" in result.output
    assert "cue checks:" in result.output


def test_bank_test_passes_and_fails(runner, write_bank):
    root = write_bank({"c.yaml": GOOD_CASE})
    result = runner.invoke(args=["bank", "test", str(root)])
    assert result.exit_code == 0, result.output
    assert "ok   complaints.fly/a: expected→given 10→10" in result.output
    assert "2 samples, 0 outside tolerance" in result.output and "QWK" in result.output
    wrong = write_bank({"c.yaml": GOOD_CASE.replace("expect: 10", "expect: 2")}, folder="wrong")
    result = runner.invoke(args=["bank", "test", str(wrong)])
    assert result.exit_code == 1 and "FAIL complaints.fly/a" in result.output and "off by +8" in result.output


def test_grade_bank_and_inline_lines(runner, write_bank, app):
    app.config["BANK_PATH"] = str(write_bank({"c.yaml": GOOD_CASE}))
    inline = {"points": 4, "rubric": [{"id": "sorry", "text": "道歉", "points": 4, "match": [["道歉"]]}]}
    lines = "\n".join([
        json.dumps({"question": "complaints.fly", "part": "a", "answer": "先致歉，然后带到办公室。"}, ensure_ascii=False),
        json.dumps({"part": inline, "answer": "不要道歉"}, ensure_ascii=False),
        "{not json",
        json.dumps({"question": "nope", "part": "a", "answer": "x"}),
    ])
    result = runner.invoke(args=["grade", "-"], input=lines + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    assert out[0]["score"] == 10.0 and out[0]["max"] == 10.0
    assert out[0]["points"][0]["evidence"] == [[1, 3]]
    assert out[1]["score"] == 0.0
    assert out[2]["error"].startswith("line 3: ") and out[3]["error"].startswith("line 4: ")
    assert result.exit_code == 1


def test_users_create_with_password_stdin(runner, db):
    result = runner.invoke(args=["users", "create", "--role", "admin", "--role", "instructor", "boss",
                                 "--password-stdin"], input="s3cret-enough\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "boss"))
    assert user.roles == {"admin", "instructor"} and user.check_password("s3cret-enough")


def test_users_create_prompts_for_password(runner, db):
    result = runner.invoke(args=["users", "create", "amy"], input="long-password\nlong-password\n")
    assert result.exit_code == 0 and "created amy (trainee)" in result.output


def test_users_create_refuses_short_password_and_duplicates(runner, db):
    assert runner.invoke(args=["users", "create", "x", "--password-stdin"], input="short\n").exit_code == 1
    runner.invoke(args=["users", "create", "y", "--password-stdin"], input="long-enough-1\n")
    result = runner.invoke(args=["users", "create", "Y", "--password-stdin"], input="long-enough-1\n")
    assert result.exit_code == 1 and "already exists" in result.output


def test_users_demo_makes_fresh_passwords(runner, db, tmp_path):
    out = tmp_path / "demo.txt"
    result = runner.invoke(args=["users", "demo", "--file", str(out)])
    assert result.exit_code == 0
    first = out.read_text()
    runner.invoke(args=["users", "demo", "--file", str(out)])
    assert out.read_text() != first  # passwords are generated, never fixed
    assert {u.username for u in db.session.scalars(select(User))} == {"trainee", "instructor", "admin"}


def test_the_demo_instructor_teaches_the_demo_trainee(runner, db, tmp_path):
    """Without a class the demo instructor's 成绩报表 only said "你还没有任教的班级" and showed nothing."""
    from app.models import Cohort

    for _ in range(2):  # running it again keeps one class with the two members
        assert runner.invoke(args=["users", "demo", "--file", str(tmp_path / "demo.txt")]).exit_code == 0
    cohorts = list(db.session.scalars(select(Cohort)))
    assert [c.name for c in cohorts] == ["演示班"]
    assert sorted(u.username for u in cohorts[0].members) == ["instructor", "trainee"]


def test_bank_test_checks_the_reference_and_cross_questions(runner, write_bank):
    weak_reference = GOOD_CASE.replace("reference: 先道歉，再把顾客请到安静的地方。", "reference: 先道歉。")
    other = """
  - id: complaints.other
    type: case
    topic: 投诉处理
    stem: 另一个场景。
    parts:
      - id: a
        prompt: 怎么办？
        reference: 先道歉，再把顾客请到安静的地方。
        rubric:
          - id: sorry
            text: 道歉
            points: 10
            match: [[道歉]]
"""
    root = write_bank({"c.yaml": weak_reference + other})
    result = runner.invoke(args=["bank", "test", "--cross", str(root)])
    assert result.exit_code == 1
    assert "reference: off by -6" in result.output
    assert "cross-question: 2 of 2 pairs earn more than 10%" in result.output
    assert "complaints.other/a ← reference of complaints.fly/a: 10/10 (sorry)" in result.output


def test_bank_test_cross_lists_declared_overlaps_apart(runner, write_bank):
    same = """
  - id: complaints.same
    type: case
    topic: 投诉处理
    stem: 又一位顾客投诉。
    parts:
      - id: a
        prompt: 首先怎么做？
        overlaps: [complaints.fly/a]
        reference: 先道歉，再请到办公室。
        rubric:
          - {id: sorry, text: 道歉, points: 10, match: [[道歉]]}
"""
    root = write_bank({"c.yaml": GOOD_CASE + same})
    result = runner.invoke(args=["bank", "test", "--cross", str(root)])
    assert result.exit_code == 0, result.output
    assert "cross-question: 0 of 2 pairs earn more than 10% (0.0%); 2 more are parts declared to ask the same " \
        "thing" in result.output
    assert "complaints.same/a ← reference of complaints.fly/a: 10/10 (sorry)  [declared overlap]" in result.output


def test_grade_against_the_database_uses_the_current_versions(runner, make_question, db):
    question = make_question(case_content("complaints.stored"))  # apologize 道歉 4 + listen 倾听 6
    line = json.dumps({"question": "complaints.stored", "part": "a", "answer": "先道歉，再耐心倾听。"},
                      ensure_ascii=False)
    first = runner.invoke(args=["grade", "-", "--db"], input=line + "\n")
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["score"] == 10.0
    question.revise(case_content("complaints.stored", rubric_points=(("thank", "感谢", 10),)))
    db.session.commit()
    again = runner.invoke(args=["grade", "-", "--db"], input=line + "\n")
    assert json.loads(again.stdout)["score"] == 0.0  # graded with the new version's rubric


def test_grade_against_the_database_knows_the_stem(runner, make_question, db):
    make_question(case_content("complaints.told", stem="店员先向顾客道歉，再耐心倾听她讲完经过。"))
    retold = json.dumps({"question": "complaints.told", "part": "a", "answer": "店员先向顾客道歉，再耐心倾听她讲完经过。"},
                        ensure_ascii=False)
    judged = json.dumps({"question": "complaints.told", "part": "a", "answer": "应该先道歉，然后认真倾听顾客的想法。"},
                        ensure_ascii=False)
    result = runner.invoke(args=["grade", "-", "--db"], input=retold + "\n" + judged + "\n")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["score"] for line in result.stdout.splitlines()] == [0.0, 10.0]


# ------------------------------------------------------------------------------------- convert, moodle-xml
def template_with_rows(tmp_path, rows, name="题库.xlsx"):
    from io import BytesIO

    from openpyxl import load_workbook

    from app.bank.convert import template_xlsx

    workbook = load_workbook(BytesIO(template_xlsx()))
    sheet = workbook.worksheets[0]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells(start_row=2, start_column=13, end_row=3, end_column=13)  # 知识点 merged over both examples
    path = tmp_path / name
    workbook.save(path)
    return path


def test_convert_then_validate_then_import(runner, tmp_path, db):
    extra = [["判断", " 电话里看不见表情，所以不必注意语气。", None, None, None, None, None, None, "×", "语气传递态度。", 1,
              "中", "服务礼仪"]]
    source = template_with_rows(tmp_path, extra)
    out = tmp_path / "out" / "imported.yaml"
    result = runner.invoke(args=["bank", "convert", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 3 questions (single 1, multiple 1, judge 1)" in result.output
    assert "import.tiku-3" in out.read_text(encoding="utf-8")
    validated = runner.invoke(args=["bank", "validate", str(out)])
    assert validated.exit_code == 0 and "ok: 3 questions" in validated.output, validated.output
    imported = runner.invoke(args=["bank", "import", str(out)])
    assert "questions: 3 added, 0 changed, 0 unchanged" in imported.output, imported.output
    assert Question.by_key("import.tiku-3").current.content["answer"] is False
    assert Question.by_key("import.tiku-2").current.content["topic"] == "沟通与倾听"  # the merged 知识点
    # Converting the same file again gives the same ids and content: importing it changes nothing.
    runner.invoke(args=["bank", "convert", str(source), "-o", str(out)])
    again = runner.invoke(args=["bank", "import", str(out)])
    assert "questions: 0 added, 0 changed, 3 unchanged" in again.output


def test_convert_with_bad_rows_writes_nothing_and_names_the_rows(runner, tmp_path, db):
    bad = [["单选", "答案不在选项里", "甲", "乙", None, None, None, None, "Ｅ", "析。", 1, 3, "服务质量"],
           ["多选", "没有解析", "甲", "乙", "丙", None, None, None, "AB", None, 1, 3, "服务质量"]]
    source = template_with_rows(tmp_path, bad)
    out = tmp_path / "out.yaml"
    result = runner.invoke(args=["bank", "convert", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert "row 4: 答案中的E不在选项中（选项为A、B）" in result.output
    assert "row 5: 缺少解析（题库要求每道客观题都有解析）" in result.output
    assert "2 problem(s) found; nothing was written" in result.output
    assert not out.exists() and list(tmp_path.glob("*.yaml")) == []
    assert counts(db) == (0, 0, 0)


def test_convert_a_word_paper_with_a_default_topic(runner, tmp_path):
    import docx

    document = docx.Document()
    for line in ("一、单项选择题", "1、天然气的主要成分是（ A ）。", "A.甲烷 B.乙烷", "解析：甲烷占大部分。",
                 "二、判断题", "1、燃气泄漏时可以开灯检查。（×）", "解析：开关会产生火花。"):
        document.add_paragraph(line)
    source = tmp_path / "燃气.docx"
    document.save(source)
    out = tmp_path / "gas.yaml"
    result = runner.invoke(args=["bank", "convert", str(source), "-o", str(out), "--topic", "公用事业服务",
                                 "--prefix", "gas.safety"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["bank", "validate", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "id: gas.safety-1" in text and "id: gas.safety-2" in text and "topic: 公用事业服务" in text
    missing_topic = runner.invoke(args=["bank", "convert", str(source), "-o", str(out.with_name("x.yaml"))])
    assert missing_topic.exit_code == 1 and "paragraph 2: 缺少知识点" in missing_topic.output


def test_convert_refuses_an_unknown_file_type(runner, tmp_path):
    source = tmp_path / "old.xls"
    source.write_bytes(b"\xd0\xcf\x11\xe0")
    result = runner.invoke(args=["bank", "convert", str(source), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1 and "不支持的文件类型“.xls”" in result.output


def test_export_moodle_xml_holds_every_question_with_a_fitting_type(runner, write_bank, tmp_path, db):
    import xml.etree.ElementTree as ET

    judge = "\n  - {id: etiquette.phone, type: judge, topic: 服务礼仪, stem: 电话里也要微笑？, answer: true, " \
            "explanation: 声音能听出笑容。}\n"
    root = write_bank({"c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE + judge})
    assert runner.invoke(args=["bank", "import", str(root)]).exit_code == 0
    out = tmp_path / "bank.xml"
    result = runner.invoke(args=["bank", "export", "--format", "moodle-xml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 questions (1 multichoice, 1 truefalse, 1 essay from 1 case questions)" in result.output
    quiz = ET.parse(out).getroot()
    found = {q.findtext("name/text"): q.get("type") for q in quiz if q.get("type") != "category"}
    assert found == {"gas.main": "multichoice", "etiquette.phone": "truefalse", "complaints.fly/a": "essay"}
    # The YAML export stays the default.
    folder = tmp_path / "yaml"
    assert runner.invoke(args=["bank", "export", str(folder)]).exit_code == 0 and (folder / "cases.yaml").exists()
    assert runner.invoke(args=["bank", "export", "--format", "moodle-xml"]).exit_code == 2
