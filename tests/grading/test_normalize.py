"""Traditional characters, full-width text, and evidence offsets into the original."""
from app.grading.normalize import normalize


def part_of(*terms):
    return {
        "points": 2 * len(terms),
        "rubric": [{"id": f"p{i}", "text": t, "points": 2, "match": [t]} for i, t in enumerate(terms)],
    }


def evidence(result, answer):
    return [[answer[s:e] for s, e in p.evidence] for p in result.points]


def test_normalize_maps_back_to_original():
    n = normalize("ＡＢＣ，顧客滿意！")
    assert n.text == "abc，顾客满意。"
    assert [n.original[i] for i in n.origin] == list("ＡＢＣ，顧客滿意！")


def test_nfkc_expansion_keeps_offsets():
    n = normalize("①道歉")
    assert n.text == "1道歉"
    s, e = n.to_original(1, 3)
    assert n.original[s:e] == "道歉"


def test_traditional_characters(grader):
    answer = "首先要讓顧客滿意，並向顧客致歉。"
    result = grader.grade(part_of("顾客满意", "致歉"), answer)
    assert result.score == 4
    assert evidence(result, answer) == [["顧客滿意"], ["致歉"]]


def test_traditional_synonym(grader):
    answer = "應當賠禮道歉"
    result = grader.grade(part_of("致歉"), answer)
    assert result.score == 2
    assert evidence(result, answer) == [["賠禮道歉"]]


def test_full_width_latin_and_punctuation(grader):
    answer = "先說ＳＯＲＲＹ，再傾聽。ＡＢＣ分析！"
    result = grader.grade(part_of("sorry", "倾听", "abc"), answer)
    assert result.score == 6
    assert evidence(result, answer) == [["ＳＯＲＲＹ"], ["傾聽"], ["ＡＢＣ"]]


def test_full_width_punctuation_breaks_clauses(grader):
    part = {
        "points": 2,
        "rubric": [{"id": "p", "text": "p", "points": 2, "scope": "clause", "match": [["请到"], ["接待室"]]}],
    }
    assert grader.grade(part, "把顾客请到一边：接待室很安静").score == 0
    assert grader.grade(part, "把顾客请到接待室；然后倒茶").score == 2


def test_spaces_and_decorative_brackets_are_ignored(grader):
    answer = "时间复杂度为 O（ 1 ）"
    result = grader.grade(part_of("O(1)"), answer)
    assert result.score == 2
    assert evidence(result, answer) == [["O（ 1 ）"]]
    answer = "遵守《服务 规范》"
    assert evidence(grader.grade(part_of("服务规范"), answer), answer) == [["服务 规范"]]


def test_round_brackets_count_in_formulas(grader):
    part = part_of("2^(n-1)")
    assert grader.grade(part, "共有2^（n-1）个").score == 2
    assert grader.grade(part, "共有2^n-1个").score == 0


def test_evidence_offsets_in_mixed_text(grader):
    answer = "  \n（1）顧客來店投訴，店員“沒有”道歉；後來才賠禮道歉。"
    result = grader.grade(part_of("道歉"), answer)
    assert evidence(result, answer) == [["賠禮道歉"]]


def test_a_line_break_inside_a_sentence_of_prose_is_not_a_sentence_end():
    text = "最后再次向他道歉，告诉他我们会把这件事\n当作教训整改配送流程。"
    norm = normalize(text)
    assert norm.text == "最后再次向他道歉，告诉他我们会把这件事当作教训整改配送流程。"
    assert norm.to_original(19, 23) == (20, 24)  # offsets still point at the original 当作教训


def test_line_breaks_between_list_items_still_end_sentences():
    assert normalize("倾听\n道歉\n调查").text == "倾听。道歉。调查"  # short lines: a list
    assert normalize("第一，先把顾客请到接待室坐下来慢慢谈\n第二，耐心倾听").text.count("。") == 1
    assert normalize("先把顾客请到接待室坐下来慢慢地谈话\n其次要耐心倾听").text.count("。") == 1
    assert normalize("先把顾客请到接待室坐下来慢慢地谈话。\n耐心倾听").text.count("。") == 2


def test_runs_of_chinese_copied_whole_are_exactly_what_each_character_gives():
    """normalize copies a run of ideographs in one step: every character the run may hold must normalise to itself,
    and the colloquial ones (啥 -> 什么) must break the run."""
    from app.grading.normalize import _PLAIN_RUN, _normalise_char

    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        assert bool(_PLAIN_RUN.fullmatch(ch)) == (_normalise_char(ch) == ch), ch


def test_chinese_runs_keep_spaces_offsets_and_colloquial_words():
    original = "ok 道歉 \u3000为啥 not 顧客\n满意"
    n = normalize(original)
    assert n.text == "ok道歉为什么not顾客满意"
    assert [original[i] for i in n.origin] == list("ok道歉为啥啥not顧客满意")
