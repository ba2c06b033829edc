"""Reduplicated verbs: 查一查 / 查了查 for 检查, 算一算 for 测算 (the verb's last character, doubled around 一 or 了)."""


def one_point(match, points=2):
    return {"points": points, "rubric": [{"id": "p", "text": "p", "points": points, "match": match}]}


def earned(grader, part, answer):
    return grader.grade(part, answer).points[0].earned


def test_last_character_doubled_around_yi(grader):
    part = one_point([["检查"], ["修改", "就改"]])
    assert earned(grader, part, "隔一段时间查一查做得怎样，有问题就改。") == 2
    part = one_point([["测算", "预测"], ["来电"]])
    assert earned(grader, part, "翻翻以前的来电记录，算一算每个钟头有多少电话。") == 2


def test_doubled_around_le(grader):
    part = one_point([["核对"], ["号码"]])
    assert earned(grader, part, "她把号码对了对，没有错。") == 2


def test_first_character_is_not_enough(grader):
    # 看一看 is not 看法 (the first character of a term is often not its verb).
    part = one_point([["看法"], ["顾客"]])
    assert earned(grader, part, "让顾客看一看新产品。") == 0


def test_negated_reduplication(grader):
    part = one_point([["检查"], ["设备"]])
    assert earned(grader, part, "设备不用查一查。") == 0
    assert earned(grader, part, "设备要查一查。") == 2
