"""Spoken variants inside a term: 说 = 讲 (听她说 = 听她讲), 弄 = 搞 (弄清 = 搞清), 缺乏X = 缺少X, 无法X = 没法X.
Rubric writers had listed 91 说/讲 and 23 弄/搞 pairs by hand."""

from app.grading.terms import SynonymTable, character_forms, negator_forms


def one_point(match, points=2):
    return {"points": points, "rubric": [{"id": "p", "text": "p", "points": points, "match": match}]}


def test_character_forms():
    assert character_forms("听她说") == ["听她讲"]
    assert character_forms("讲出来") == ["说出来"]
    assert character_forms("没弄清") == ["没搞清"]
    assert set(character_forms("说清楚弄明白")) == {"讲清楚弄明白", "说清楚搞明白", "讲清楚搞明白"}
    assert character_forms("道歉") == []


def test_prefix_classes():
    assert negator_forms("缺乏预防") == ["缺少预防"]
    assert negator_forms("无法按时") == ["没法按时"]


def test_synonym_table_and_grading(grader):
    assert "讲明原因" in SynonymTable({}).expand("说明原因")
    part = one_point([["说清楚"], ["原因"]])
    assert grader.grade(part, "要把原因跟他讲清楚。").points[0].earned == 2
    assert grader.grade(one_point([["缺乏预防"]]), "物业缺少预防意识。").points[0].earned == 2


def test_reduplicated_adverbs(grader):
    # 认认真真地听 for 认真听 (examiner_like_dev2 probes: "客户说话的时候要认认真真地听" earned nothing on 用心倾听).
    listen = one_point([["认真听", "仔细听"]])
    assert grader.grade(listen, "客户说话的时候要认认真真地听。").points[0].earned == 2
    assert grader.grade(listen, "要仔仔细细听客户讲。").points[0].earned == 2
    assert grader.grade(listen, "客户说话的时候要认真。").points[0].earned == 0
    assert grader.grade(listen, "没有认认真真地听。").points[0].earned == 0
    assert "认认真真听" in SynonymTable({}).expand("认真听")
    assert SynonymTable({}).expand("真诚") == ["真诚"]  # not a word that doubles
