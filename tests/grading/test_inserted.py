"""Spoken insertions: an adverb or 地 between the words of a multi-word term (我特别能理解 for 我能理解, 火也消不下去
for 火消不下去, 耐心地听 for 耐心听)."""


def one_point(match, points=2):
    return {"points": points, "rubric": [{"id": "p", "text": "p", "points": points, "match": match}]}


def earned(grader, part, answer):
    return grader.grade(part, answer).points[0].earned


def test_adverb_between_pronoun_and_verb(grader):
    part = one_point([["我能理解"], ["心情"]])
    assert earned(grader, part, "您的心情我特别能理解。") == 2
    assert earned(grader, part, "我也能理解您的心情。") == 2


def test_adverb_inside_a_longer_term(grader):
    part = one_point([["火消不下去"]])
    assert earned(grader, part, "卖场那么吵，顾客的火也消不下去。") == 2
    assert earned(grader, part, "顾客的火就消不下去。") == 2


def test_adverbial_de(grader):
    part = one_point([["耐心听"]])
    assert earned(grader, part, "要耐心地听顾客说完。") == 2


def test_only_fillers_may_stand_between(grader):
    # Anything that is not a filler keeps the words apart: 我们让他理解 is not 我能理解 (nor 我理解).
    part = one_point([["我理解"], ["心情"]])
    assert earned(grader, part, "我们让他理解心情。") == 0
    assert earned(grader, part, "我们要让客户理解我们的心情。") == 0
    assert earned(grader, part, "我不理解他的心情。") == 0


def test_head_must_be_a_whole_word(grader):
    # 心 of 耐心 is not the word 心: 耐心|地听 does not give 心听.
    part = one_point([["心地听"]])
    assert earned(grader, part, "要耐心地也听。") == 0


def test_no_filler_after_a_negator(grader):
    # 不就能用了吗 says it can be used: it is not 不能用.
    part = one_point([["术语"], ["不能用"]])
    assert earned(grader, part, "专业术语不就能用了吗？") == 0


def test_a_head_of_two_words_jieba_knows_only_as_a_prefix(grader):
    # 什么时候 is in jieba's dictionary only as the prefix of longer words (frequency 0): as 什么|时候 it is still
    # whole words before the filler.  It had been found only while some other rubric happened to list 什么时候.
    part = one_point([["什么时候修好"]])
    assert earned(grader, part, "然后告诉他什么时候能修好。") == 2
    assert earned(grader, part, "然后告诉他什么时候修好。") == 2
    assert earned(grader, part, "然后告诉他什么时候能修。") == 0
