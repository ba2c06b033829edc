"""The give-away cue figures of objective items (app/bank/cues.py)."""
from app.bank.cues import cue_report, has_one_longest, key_is_only_longest, wrong_options


def single(qid, answer, options, difficulty=2):
    return {"id": qid, "type": "single", "topic": "t", "difficulty": difficulty, "answer": answer,
            "options": options}


def multiple(qid, answer, options, difficulty=2):
    return {"id": qid, "type": "multiple", "topic": "t", "difficulty": difficulty, "answer": answer,
            "options": options}


def test_key_is_only_longest_counts_characters_and_ties():
    assert key_is_only_longest(single("a", "B", {"A": "短", "B": "长一些的", "C": "中等"}))
    assert not key_is_only_longest(single("a", "B", {"A": "一样长的", "B": "长一些的"}))  # a tie is no cue
    assert not key_is_only_longest(single("a", "A", {"A": "短", "B": "长一些的"}))
    assert not key_is_only_longest(single("a", "B", {"A": "  短  ", "B": "短 "}))  # blanks do not count


def test_has_one_longest_whatever_the_key():
    assert has_one_longest(single("a", "A", {"A": "短", "B": "长一些的", "C": "中等"}))
    assert not has_one_longest(single("a", "A", {"A": "一样长的", "B": "长一些的", "C": "短"}))
    assert not has_one_longest(single("a", "A", {"A": "唯一"}))


def test_wrong_options_counts_letters_outside_the_key():
    assert wrong_options(multiple("m", ["A", "B"], {"A": "1", "B": "2", "C": "3"})) == 1
    assert wrong_options(multiple("m", ["A", "B"], {"A": "1", "B": "2", "C": "3", "D": "4"})) == 2


def balanced_singles():
    options = {"A": "甲甲", "B": "乙乙", "C": "丙丙", "D": "丁丁"}
    return [single(f"s{i}", letter, options, difficulty=4 if i == 0 else 2) for i, letter in enumerate("ABCD")]


def test_a_balanced_bank_has_no_problems():
    items = balanced_singles() + [multiple("m", ["A", "B"], {"A": "1", "B": "2", "C": "3", "D": "4"})]
    items.append({"id": "case", "type": "case", "topic": "t"})  # cases are not counted
    report = cue_report(items)
    assert (report.single, report.multiple, report.judge) == (4, 1, 0)
    assert report.problems() == []
    assert report.lines()[-1] == "  cue checks: ok"


def test_each_cue_is_reported():
    items = [single(f"s{i}", "A", {"A": "长长的答案", "B": "短"}) for i in range(3)]
    items.append(multiple("m", ["A", "B"], {"A": "1", "B": "2", "C": "3"}))
    items.append({"id": "j", "type": "judge", "answer": True})  # unrated difficulty
    items.append({"id": "j2", "type": "judge", "answer": False, "difficulty": 2, "stem": "投诉一律当天办结。"})
    report = cue_report({q["id"]: q for q in items})
    assert report.longest_keys == ["s0", "s1", "s2"] and report.one_wrong == ["m"]
    assert report.judge_true == 1 and report.difficulty[0] == 1
    assert (report.judge_absolute, report.judge_absolute_false) == (1, 1)
    problems = " | ".join(report.problems())
    assert "longest-option share of single-choice keys 100%" in problems
    assert "key position B 0%" in problems and "key position A" not in problems
    assert "one wrong option 100%" in problems and "difficulty 4-5 0%" in problems
    lines = "\n".join(report.lines())
    assert "A 3 (100%), B 0 (0%)" in lines and "unrated: 1" in lines and "cue checks: 6 missed" in lines
    assert "single-choice items with one longest option: 3, keyed on it 3 (100%)" in lines
    assert "true/false stems with a sweeping word (一定, 只能, 一律...): 1, false 1" in lines
    assert "multiple-choice keys: 2 right: 1" in lines
    assert "multiple-choice last option wrong: 1 of 1 (100%; all options 33% wrong)" in lines


def test_multiple_choice_figures_count_right_options_and_the_last_position():
    items = [multiple("m1", ["A", "B"], {"A": "1", "B": "2", "C": "3", "D": "4"}),
             multiple("m2", ["B", "C", "D"], {"A": "1", "B": "2", "C": "3", "D": "4"})]
    report = cue_report(items)
    assert report.keys_per_multiple == {2: 1, 3: 1}
    assert report.last_option_wrong == 1 and (report.options_in_multiple, report.wrong_in_multiple) == (8, 3)


def test_an_empty_bank_reports_nothing_missed():
    report = cue_report([])
    assert report.problems() == [] and report.lines() == ["cue checks (objective items):", "  cue checks: ok"]
