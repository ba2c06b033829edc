"""A retold stem: text copied from the case's story is not evidence; quoting it and saying what is wrong is."""
import pytest

from app.grading.normalize import normalize
from app.grading.retold import Retold, stem_grams

STEM = ("某银行营业厅新来的大堂经理小赵，上班时制服外套敞着，脚上穿一双运动鞋。一位老年客户进门后站在取号机前犹豫，"
        "小赵斜靠在咨询台边，双手插在裤兜里，远远喊了一声：“喂，办什么业务？”")
PART = {
    "points": 4,
    "prompt": "小赵在言谈举止上有哪些不符合服务礼仪的地方？",
    "rubric": [
        {"id": "posture", "text": "仪态不端：斜靠、插兜", "points": 2, "match": [["斜靠", "插在裤兜", "插兜"]]},
        {"id": "address", "text": "用“喂”招呼客户", "points": 2, "match": [["喂"]]},
    ],
}


def test_a_retold_story_earns_nothing(grader):
    retold = "小赵斜靠在咨询台边，双手插在裤兜里，远远喊了一声：“喂，办什么业务？”"
    result = grader.grade(PART, retold, stem=STEM)
    assert result.score == 0
    assert any("story" in r for r in result.reasons)
    # without the stem the engine cannot tell: the same words earn
    assert grader.grade(PART, retold).score == 4


def test_quoting_the_story_and_judging_it_earns(grader):
    answer = "小赵斜靠在咨询台边，双手插在裤兜里，这是仪态不端正。"
    assert grader.grade(PART, answer, stem=STEM).score == 2
    assert grader.grade(PART, "他对客户喊“喂”，很不礼貌。", stem=STEM).score == 2


def test_own_words_count_beside_a_copied_clause(grader):
    # the copied clause holds no mention; the trainee's own clause does
    answer = "上班时制服外套敞着，脚上穿一双运动鞋，还斜靠着柜台。"
    assert grader.grade(PART, answer, stem=STEM).points[0].earned == 2


def test_an_empty_or_unrelated_stem_changes_nothing(grader):
    answer = "小赵斜靠在咨询台边，双手插在裤兜里。"
    assert grader.grade(PART, answer, stem="").score == 2
    assert grader.grade(PART, answer, stem="今天天气很好，我们去公园散步吧。").score == 2


@pytest.mark.parametrize("size", [1_000, 5_000])
def test_copied_stretches_are_found_in_one_pass(size):
    text = ("小赵斜靠在咨询台边" + "，他说得不对" * size)[:size]
    retold = Retold(text, [], stem_grams(normalize(STEM).text), frozenset())
    assert not retold  # one long sentence, mostly the trainee's own words
    short = Retold("小赵斜靠在咨询台边", [], stem_grams(normalize(STEM).text), frozenset())
    assert short.covers(0, 4) and not short.covers(0, 12)


def test_copied_stretches_equal_a_brute_force_scan():
    import random

    from app.grading import retold as module

    runs, _ = grams = stem_grams(normalize(STEM).text)
    story = normalize(STEM).text
    rng = random.Random(7)
    for _ in range(300):
        pieces = []
        for _ in range(rng.randint(1, 8)):
            if rng.random() < 0.6:
                i = rng.randrange(len(story))
                pieces.append(story[i:i + rng.randint(1, 30)])
            else:
                pieces.append(rng.choice(["他说得不对", "，", "这是", "仪态", "喂"]))
        text = "".join(pieces)
        expected = bytearray(len(text))
        for k in range(len(text) - module.RUN + 1):
            if text[k:k + module.RUN] in runs:
                expected[k:k + module.RUN] = b"\x01" * module.RUN
        near = bytearray(len(text))  # the stem's SEED-character strings (near copies)
        for k in range(len(text) - module.SEED + 1):
            if text[k:k + module.SEED] in grams[1]:
                near[k:k + module.SEED] = b"\x01" * module.SEED
        found = Retold(text, [], grams, frozenset())
        got = bytearray(len(text))
        for start, end in zip(found.starts, found.ends):
            got[start:end] = b"\x01" * (end - start)
        # the exact runs, and at most the near copies besides them
        assert not found or all(e <= g <= max(e, n) for e, g, n in zip(expected, got, near)), text


def test_a_story_retold_with_small_changes_earns_nothing(grader):
    # a run of six characters copied, the rest near copies (the stem's three-character strings, a word or two changed)
    retold = "新来的大堂经理小赵上班时敞着制服外套，穿了双运动鞋，他斜靠在咨询台边，手插在裤兜里，远远喊了声“喂，办啥业务”。"
    assert grader.grade(PART, retold, stem=STEM).score == 0


def test_near_copies_with_a_judgement_still_earn(grader):
    answer = "他斜靠在咨询台边，手插在裤兜里，站没站相，这是仪态不端正，对客户不尊重。"
    assert grader.grade(PART, answer, stem=STEM).score == 2
