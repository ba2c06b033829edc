"""A point's `gist`: vague, everyday wordings of a key point earn a share of it (an examiner gives an answer that
touches a key point vaguely about 10-20% of the part), under every rule a point's own terms obey."""
import pytest

from app.grading import Grader, RubricError
from app.grading.engine import GIST_CAP, GIST_SHARE
from app.grading.rubric import compile_part
from app.grading.terms import SynonymTable

PROMPT = "如果你是值班经理，应如何进行服务补救？"


def part(**extra):
    compensate = {"id": "compensate", "text": "给予补偿（退房费、免费房晚）", "points": 2,
                  "match": [["补偿", "赔偿", "退还"], ["房费", "房晚"]],
                  "gist": [["补偿一下", "适当补偿", "给点补偿"]]}
    compensate.update(extra)
    return {"points": 10, "prompt": PROMPT, "rubric": [
        compensate,
        {"id": "apologise", "text": "真诚道歉", "points": 4, "match": [["道歉", "致歉"]],
         "gist": [["表个态", "赔个笑脸"]]},
        {"id": "follow-up", "text": "事后回访", "points": 4, "match": [["回访"]],
         "gist": [["问问", "打个电话"], ["住得怎么样", "满不满意"]]},
    ]}


def point(result, pid):
    return next(p for p in result.points if p.id == pid)


def test_a_vague_mention_earns_half_the_point_and_says_so(grader):
    answer = "应该给周女士一个说法，适当补偿一下她。"
    result = grader.grade(part(), answer)
    p = point(result, "compensate")
    assert p.earned == 2 * GIST_SHARE == 1 and p.gist
    assert [answer[s:e] for s, e in p.evidence] == ["适当补偿"]
    assert result.score == 1
    assert any(r.startswith("vague mention") and "给予补偿" in r for r in result.reasons)
    assert result.to_dict()["points"][0]["gist"] is True


def test_the_point_itself_earns_in_full_and_is_no_gist(grader):
    result = grader.grade(part(), "先把房费退还给她，再适当补偿一下。")
    p = point(result, "compensate")
    assert p.earned == 2 and not p.gist


@pytest.mark.parametrize("answer", [
    "不用补偿一下她。",                           # negated
    "如果适当补偿一下，以后谁都来要。",           # the condition of a hypothetical
    "服务要热情周到，顾客就是上帝。",             # an off-topic platitude: no gist term
    "超订跟我们酒店没关系，适当补偿一下也是情分。",  # a defence: the sentence earns nothing
])
def test_a_vague_mention_the_rules_refuse_earns_nothing(grader, answer):
    result = grader.grade(part(), answer)
    assert result.score == 0 and not point(result, "compensate").gist


def test_vague_mentions_together_earn_at_most_a_fifth_of_the_part(grader):
    # Three vague mentions would earn 1 + 2 + 2 = 5 of 10; the cap is 2.
    answer = "先表个态，适当补偿一下，过后打个电话问问她住得怎么样。"
    result = grader.grade(part(), answer)
    assert result.score == GIST_CAP * 10 == 2
    assert sum(p.gist for p in result.points) >= 2


def test_a_keyword_list_earns_nothing_through_gists(grader):
    result = grader.grade(part(), "表个态 适当补偿 打个电话 满不满意 升级 积分")
    assert not any(p.gist for p in result.points)


def test_a_gist_of_a_fault_is_read_as_a_plain_statement(grader):
    # The point is a fault (negative: earned by 没有征求业主意见); its gist says what should have been done.
    fault = {"points": 10, "prompt": "物业公司在服务标准的订立和执行方面有哪些毛病？", "rubric": [
        {"id": "no-dialogue", "text": "事前没有与业主沟通", "points": 10, "polarity": "negative",
         "match": [["沟通", "征求"], ["业主"]], "gist": [["问问", "商量一下"], ["业主", "住户"]]}]}
    assert grader.grade(fault, "物业做决定之前应该先问问业主的想法。").score == 2
    assert grader.grade(fault, "涨价是公司的事，用不着问问业主。").score == 0
    assert grader.grade(fault, "物业事先没有征求业主意见。").score == 10


def test_gist_terms_join_the_dictionary_and_are_validated():
    compiled = compile_part(part(), SynonymTable({}))
    assert "补偿一下" in {t.text for t in compiled.all_terms()}
    with pytest.raises(RubricError):
        compile_part(part(gist=[[]]), SynonymTable({}))
    with pytest.raises(RubricError):
        compile_part(part(gist=5), SynonymTable({}))


def test_without_gist_nothing_changes():
    plain = part()
    for p in plain["rubric"]:
        p.pop("gist")
    assert Grader().grade(plain, "应该给周女士一个说法，适当补偿一下她。").score == 0


def test_the_stored_rows_carry_the_mark_to_the_pages(grader):
    from app.qtypes.results import point_rows
    graded = grader.grade(part(), "应该给周女士一个说法，适当补偿一下她。").to_dict()
    rows = {r["id"]: r for r in point_rows(part(), graded)}
    assert rows["compensate"]["gist"] is True and rows["compensate"]["earned"] == 1
    assert rows["apologise"]["gist"] is False
