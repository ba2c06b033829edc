"""grade_lines: JSON lines in, one dict per line out, errors per line."""
import json

from app.grading.batch import grade_lines

PART = {"points": 4, "rubric": [
    {"id": "a", "text": "道歉", "points": 2, "match": ["道歉"]},
    {"id": "b", "text": "倾听", "points": 2, "match": ["倾听"]},
]}
BANK = {("q1", "a"): PART}


def lookup(question, part):
    return BANK.get((question, part))


def run(grader, lines):
    return list(grade_lines(lines, grader, lookup))


def test_bank_and_inline_lines(grader):
    out = run(grader, [
        json.dumps({"question": "q1", "part": "a", "answer": "先道歉"}),
        json.dumps({"part": PART, "answer": "先道歉再倾听"}, ensure_ascii=False),
    ])
    assert [o["score"] for o in out] == [2.0, 4.0]
    assert out[0]["max"] == 4.0
    assert out[0]["points"][0] == {"id": "a", "earned": 2.0, "max": 2.0, "evidence": [[1, 3]], "fuzzy": False, "negated": False,
                                  "gist": False}
    assert out[0]["flags"] == []
    assert "order" not in out[0]


def test_error_lines_do_not_stop_the_batch(grader):
    bad_part = {"points": 3, "rubric": PART["rubric"]}
    lines = [
        "{not json",
        json.dumps({"question": "q1", "part": "a"}),
        json.dumps({"question": "q9", "part": "a", "answer": "x"}),
        json.dumps({"part": bad_part, "answer": "x"}),
        json.dumps([1, 2]),
        json.dumps({"answer": "道歉"}),
        json.dumps({"question": "q1", "part": "a", "answer": "道歉"}),
    ]
    out = run(grader, lines)
    assert len(out) == 7
    assert out[0]["error"].startswith("line 1: not valid JSON")
    assert out[1] == {"error": "line 2: missing 'answer'"}
    assert out[2] == {"error": "line 3: unknown question/part q9/a"}
    assert out[3]["error"].startswith("line 4: bad rubric: rubric points sum to 4")
    assert out[4] == {"error": "line 5: expected a JSON object"}
    assert out[5]["error"].startswith("line 6: needs 'question' and 'part'")
    assert out[6]["score"] == 2.0


def test_blank_lines_are_skipped_but_numbered(grader):
    out = run(grader, ["", json.dumps({"question": "q1", "part": "a", "answer": "道歉"}), "  \n", "{"])
    assert len(out) == 2
    assert out[1]["error"].startswith("line 4:")


def test_inline_part_compiled_once(grader):
    line = json.dumps({"part": PART, "answer": "道歉"}, ensure_ascii=False)
    first = grader.compile(json.loads(line)["part"])
    list(grade_lines([line] * 50, grader, None))
    assert grader.compile(json.loads(line)["part"]) is first


def test_a_line_may_carry_the_case_stem(grader):
    stem = "顾客说店员马上道歉，又耐心倾听，事情才平息下来。"
    retold = "店员马上道歉，又耐心倾听，事情才平息下来。"
    inline = json.dumps({"part": PART, "answer": retold, "stem": stem}, ensure_ascii=False)
    assert run(grader, [inline])[0]["score"] == 0.0
    line = json.dumps({"question": "q1", "part": "a", "answer": retold}, ensure_ascii=False)
    assert list(grade_lines([line], grader, lookup, {"q1": stem}.get))[0]["score"] == 0.0
    assert list(grade_lines([line], grader, lookup))[0]["score"] == 4.0
    bad = json.dumps({"part": PART, "answer": retold, "stem": 5}, ensure_ascii=False)
    assert "stem" in run(grader, [bad])[0]["error"]
