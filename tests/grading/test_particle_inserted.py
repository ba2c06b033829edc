"""A measure word or aspect particle after a term's first character, a one-character verb: 打个电话, 回了电话, 修了两次,
问个清楚, 没个动静, 一个星期 (the bank had listed 29 个 and 20 了 insertions by hand)."""


def one_point(match, points=2):
    return {"points": points, "rubric": [{"id": "p", "text": "p", "points": points, "match": match}]}


def earned(grader, part, answer):
    return grader.grade(part, answer).points[0].earned


def test_particle_after_a_one_character_verb(grader):
    assert earned(grader, one_point([["回电话"]]), "第二天主动给她回个电话。") == 2
    assert earned(grader, one_point([["回电话"]]), "第二天主动给她回了电话。") == 2
    assert earned(grader, one_point([["修两次"]]), "三包期内修了两次还是坏。") == 2
    assert earned(grader, one_point([["问清楚"]]), "先把事情问个清楚。") == 2
    assert earned(grader, one_point([["一星期"]]), "等了一个星期。") == 2


def test_no_aspect_particle_after_a_negator(grader):
    # 没了动静 is "went quiet", said of the caller; only a measure word may follow a negator: 没个动静.
    assert earned(grader, one_point([["没动静"]]), "之后就没个动静。") == 2
    assert earned(grader, one_point([["没动静"]]), "他骂完就没了动静。") == 0



def test_the_last_character_must_not_begin_a_word_with_the_next(grader):
    # 回个电|话费: the 话 of 电话 begins 话费 (the phone bill), as for a split two-character verb.
    assert earned(grader, one_point([["回电话"]]), "回个电话费清单") == 0
