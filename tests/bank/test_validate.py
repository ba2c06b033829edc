import pytest

from app.bank import BankError, load_bank

GOOD_CASE = """
questions:
  - id: complaints.fly
    type: case
    topic: 投诉处理
    stem: 顾客在酸奶里发现了苍蝇。
    parts:
      - id: a
        prompt: 首先怎么做？
        points: 10
        reference: 先道歉，再把顾客请到安静的地方。
        rubric:
          - id: apologize
            text: 先向顾客道歉
            points: 4
            match: [[道歉, 致歉]]
          - id: relocate
            text: 请离现场
            points: 6
            match: [[请到, 带到], [安静, 办公室]]
        samples:
          - answer: 立即向顾客致歉，并带到办公室沟通。
            expect: 10
"""

GOOD_SINGLE = """
questions:
  - id: gas.main
    type: single
    topic: 公用事业服务
    stem: 天然气的主要成分？
    options: {A: 甲烷, B: 乙烷}
    answer: A
    explanation: 甲烷。
"""


def problems_of(path):
    with pytest.raises(BankError) as info:
        load_bank(path)
    return [str(p) for p in info.value.problems]


def test_a_good_bank_loads_with_defaults(write_bank):
    bank = load_bank(write_bank({"cases.yaml": GOOD_CASE, "objective.yaml": GOOD_SINGLE}))
    assert set(bank.questions) == {"complaints.fly", "gas.main"}
    assert bank.questions["gas.main"]["points"] == 1 and bank.questions["gas.main"]["difficulty"] == 3
    assert bank.part("complaints.fly", "a")["points"] == 10


def test_three_mistakes_give_three_file_line_messages(write_bank):
    text = GOOD_CASE.replace("points: 6", "points: 5").replace("    topic: 投诉处理", "    topic: 投诉处理\n    colour: red")
    text += """
  - id: gas.main
    type: single
    topic: 公用事业服务
    stem: 天然气的主要成分？
    options: {A: 甲烷, B: 乙烷}
    answer: D
    explanation: 甲烷。
"""
    root = write_bank({"mistakes.yaml": text})
    found = problems_of(root)
    assert len(found) == 3, found
    path = str(root / "mistakes.yaml")
    assert found[0] == f"{path}:5: unknown field 'colour' in question 'complaints.fly' (allowed: " \
        "difficulty, id, parts, source, stem, tags, topic, type)"
    assert any(f.startswith(f"{path}:12: ") and "add up to 9, but the part is worth 10" in f for f in found)
    assert any(f.startswith(f"{path}:30: ") and "answer 'D' is not among the options" in f for f in found)


def test_python_tags_are_refused(write_bank):
    root = write_bank({"evil.yaml": "questions:\n  - !!python/object/apply:os.system ['echo pwned']\n"})
    found = problems_of(root)
    assert len(found) == 1 and "evil.yaml:2:" in found[0] and "not allowed" in found[0]


def test_bad_yaml_reports_its_line(write_bank):
    found = problems_of(write_bank({"broken.yaml": "questions:\n  - id: x\n    stem: [unclosed\n"}))
    assert "broken.yaml:" in found[0] and "invalid YAML" in found[0]


def test_duplicate_ids_across_files(write_bank):
    found = problems_of(write_bank({"a.yaml": GOOD_SINGLE, "b.yaml": GOOD_SINGLE}))
    assert len(found) == 1 and "duplicate question id 'gas.main'" in found[0] and "a.yaml:2" in found[0]


def test_duplicate_key_in_a_mapping(write_bank):
    found = problems_of(write_bank({"a.yaml": GOOD_SINGLE + "    answer: B\n"}))
    assert any("duplicate key 'answer'" in f for f in found)


def test_unknown_synonym_set(write_bank):
    text = GOOD_CASE.replace("[[道歉, 致歉]]", "[['@sorry']]")
    found = problems_of(write_bank({"synonyms.yaml": "sets:\n  listen: [倾听, 聆听]\n", "c.yaml": text}))
    assert len(found) == 1 and "unknown synonym set '@sorry'" in found[0]


def test_synonym_sets_are_loaded(write_bank):
    bank = load_bank(write_bank({"synonyms.yaml": "sets:\n  apologize: [道歉, 致歉]\n", "c.yaml": GOOD_CASE}))
    assert bank.synonyms == {"apologize": ["道歉", "致歉"]}


def test_multiple_and_judge_answers(write_bank):
    text = """
questions:
  - id: q.multi
    type: multiple
    topic: 服务质量
    stem: 选两个
    options: {A: a, B: b, C: c}
    answer: A
    explanation: x
  - id: q.judge
    type: judge
    topic: 服务质量
    stem: 对吗
    answer: "yes"
    explanation: x
"""
    found = problems_of(write_bank({"o.yaml": text}))
    assert len(found) == 2
    assert "list of two or more letters" in found[0] and "true or false" in found[1]


def test_paper_checks(write_bank):
    papers = """
papers:
  - id: mock-1
    title: 模拟一
    time_limit: 90
    sections:
      - title: 单选
        draw: {type: single, count: 5}
      - title: 案例
        questions: [complaints.fly, nope.missing]
  - id: practice
    title: 练习
    kind: practice
    sections:
      - title: 单选
        draw: {type: single, count: 1, topic: 公用事业服务}
"""
    found = problems_of(write_bank({"c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE, "papers.yaml": papers}))
    assert len(found) == 2, found
    assert "asks for 5 questions but the bank has only 1" in found[0]
    assert "unknown question 'nope.missing'" in found[1]


def test_samples_must_be_in_range(write_bank):
    found = problems_of(write_bank({"c.yaml": GOOD_CASE.replace("expect: 10", "expect: 12")}))
    assert "'expect' must be a score from 0 to 10" in found[0]


def test_not_utf8(write_bank, tmp_path):
    root = write_bank({"ok.yaml": GOOD_SINGLE})
    (root / "gbk.yaml").write_bytes("questions: []\n# 中文\n".encode("gbk"))
    found = problems_of(root)
    assert "gbk.yaml:1: not UTF-8" in found[0]


def test_paper_pass_mark_pair_and_lists_of_draws(write_bank):
    papers = """
papers:
  - id: theory
    title: 理论知识
    time_limit: 90
    pass_mark: 60
    pair: skills
    sections:
      - title: 单选
        draw:
          - {type: single, count: 1, topic: 公用事业服务}
          - {type: single, count: 1, topic: 公用事业服务, exclude_tags: [燃气]}
  - id: skills
    title: 专业能力
    time_limit: 120
    pass_mark: 160
    pair: nowhere
    sections:
      - title: 案例
        draw: [{type: case, count: 1, colour: red}]
"""
    found = problems_of(write_bank({"c.yaml": GOOD_CASE, "o.yaml": GOOD_SINGLE, "papers.yaml": papers}))
    assert any("the draws ask for 2 questions together but the bank has only 1" in p for p in found), found
    assert any("'pass_mark' is a percentage" in p for p in found), found
    assert any("unknown field 'colour'" in p for p in found), found
    assert len(found) == 3, found


def test_a_pair_must_name_a_known_paper(write_bank):
    papers = """
papers:
  - id: theory
    title: 理论知识
    time_limit: 90
    pair: skills-missing
    sections:
      - title: 单选
        draw: {type: single, count: 1}
"""
    found = problems_of(write_bank({"o.yaml": GOOD_SINGLE, "papers.yaml": papers}))
    assert len(found) == 1 and "'pair' names an unknown paper 'skills-missing'" in found[0], found


def test_part_point_and_synonym_set_names_fit_their_columns(write_bank):
    """Part ids, key point ids and synonym set names are stored in 64-character columns (PointScore,
    MistakeEntry, PracticeAnswer, SynonymSet): longer ones validated, then failed on PostgreSQL when an answer
    was graded (every trainee's submit a 500) or when the bank was imported."""
    long = "x" * 65
    text = GOOD_CASE.replace("      - id: a\n", f"      - id: {long}\n").replace("id: apologize", f"id: y{long}")
    found = problems_of(write_bank({"synonyms.yaml": f"sets:\n  z{long}: [倾听, 聆听]\n", "c.yaml": text}))
    assert [p.split(": ", 1)[1] for p in found] == [
        "synonym set name has at most 64 characters",
        "question 'complaints.fly': part id has at most 64 characters",
        "question 'complaints.fly' part '#1': rubric point id has at most 64 characters"], found
    ok = GOOD_CASE.replace("      - id: a\n", f"      - id: {long[:64]}\n")
    assert load_bank(write_bank({"c.yaml": ok}, folder="ok")).part("complaints.fly", long[:64])


def test_an_id_with_a_trailing_line_break_is_refused(write_bank):
    """'$' also matches before a final newline: a quoted id such as "gas.main\\n" validated, and the question was
    stored under a key that no address takes (app.exams.errors.is_key), so in an exam it could not be answered."""
    text = GOOD_SINGLE.replace("id: gas.main", 'id: "gas.main\\n"')
    found = problems_of(write_bank({"objective.yaml": text}))
    assert len(found) == 1 and "question id may hold only" in found[0]
    case = GOOD_CASE.replace("      - id: a\n", '      - id: "a\\n"\n').replace("id: apologize", 'id: "apologize\\n"')
    found = problems_of(write_bank({"c.yaml": case, "synonyms.yaml": 'sets:\n  "listen\\n": [倾听, 聆听]\n'},
                                   folder="parts"))
    assert len(found) == 3 and all("may hold only lowercase letters" in p for p in found), found


def test_a_gist_is_checked_like_match(write_bank):
    ok = GOOD_CASE.replace("match: [[道歉, 致歉]]", "match: [[道歉, 致歉]]\n            gist: [[表个态, 赔个笑脸]]")
    bank = load_bank(write_bank({"cases.yaml": ok}))
    assert bank.part("complaints.fly", "a")["rubric"][0]["gist"] == [["表个态", "赔个笑脸"]]
    shapeless = GOOD_CASE.replace("match: [[道歉, 致歉]]", "match: [[道歉, 致歉]]\n            gist: {a: 1}")
    assert any("'gist' must be a term" in p for p in problems_of(write_bank({"cases.yaml": shapeless})))
    glued = GOOD_CASE.replace("match: [[道歉, 致歉]]", "match: [[道歉, 致歉]]\n            gist: [[请她]]")
    assert any("'请她' is refused" in p for p in problems_of(write_bank({"cases.yaml": glued})))


def test_a_gist_that_only_repeats_match_is_refused(write_bank):
    # A gist of the match's own first group would give half the point to half of its terms: not a vague wording.
    same = GOOD_CASE.replace("match: [[请到, 带到], [安静, 办公室]]",
                             "match: [[请到, 带到], [安静, 办公室]]\n            gist: [[请到]]")
    assert any("'gist' repeats terms of 'match' (请到)" in p for p in problems_of(write_bank({"cases.yaml": same})))
    # One group holding a term of the point's own groups is half of the point's terms, not a vague wording.
    half = same.replace("gist: [[请到]]", "gist: [[换个地方, 请到]]")
    assert any("'gist' repeats terms of 'match' (请到)" in p for p in problems_of(write_bank({"cases.yaml": half})))
    # Of several groups, one may name the point's object: the other holds the vague wording.
    vague = same.replace("gist: [[请到]]", "gist: [[换个地方, 挪个地方], [安静, 人少]]")
    assert load_bank(write_bank({"cases.yaml": vague}))


def test_two_parts_with_one_id_are_a_problem_not_a_crash(write_bank):
    """Checker.add took the message's own 'line' parameter (first on line N) for its first argument: a duplicate
    part id raised TypeError in flask bank validate, the bank upload and the editor."""
    part = GOOD_CASE[GOOD_CASE.index("      - id: a\n"):GOOD_CASE.index("        samples:")]
    found = problems_of(write_bank({"c.yaml": GOOD_CASE.replace("        samples:", part + "        samples:", 1)}))
    assert len(found) == 1, found
    assert found[0].endswith("c.yaml:20: question 'complaints.fly': duplicate part id 'a' (first on line 7)")
