"""The review flag: an answer goes to an instructor when more than a fifth of the part hangs on uncertain
decisions, each said in one sentence (a translatable Message) among the result's reasons."""
from app.grading.flags import STORY_OVERLAP, retold_reason
from app.grading.messages import Message, message_from_data
from app.grading.retold import StemCache, story_share
from app.grading.normalize import normalize

PART = {
    "points": 10,
    "rubric": [
        {"id": "apologize", "text": "道歉", "points": 3, "match": ["道歉"]},
        {"id": "listen", "text": "倾听", "points": 2, "match": ["倾听"]},
        {"id": "no-relocate", "text": "没有把顾客带离现场", "points": 3, "polarity": "negative",
         "match": [["带离", "请到"], ["办公室", "接待室"]]},
        {"id": "follow", "text": "回访", "points": 2, "match": ["回访"]},
    ],
}


def review(grader, answer):
    result = grader.grade(PART, answer)
    return ("review" in result.flags), [r for r in result.reasons if isinstance(r, Message)], result


def test_point_earned_through_a_slip_is_routed(grader):
    routed, reasons, result = review(grader, "首先应该向顾客道欠，然后处理")  # 道欠 reads like 道歉: 3 of 10
    assert result.score == 3 and routed
    assert any("typing slip" in r and "“道歉”" in r and "30%" in r for r in reasons)


def test_point_spelt_right_is_not_routed(grader):
    routed, reasons, result = review(grader, "首先应该向顾客道歉，然后处理")
    assert result.score == 3 and not routed and reasons == []


def test_point_earned_while_the_act_is_denied_is_routed(grader):
    routed, reasons, result = review(grader, "店员应该向顾客道歉。其实也不用道歉。")
    assert result.score == 3 and routed
    assert any("also says not to do it" in r for r in reasons)


def test_point_earned_and_never_denied_is_not_routed(grader):
    routed, _, result = review(grader, "店员应该向顾客道歉，然后耐心倾听。")
    assert result.score == 5 and not routed


def test_point_named_under_a_negation_in_an_answer_that_earns_others_is_routed(grader):
    routed, reasons, result = review(grader, "店员不要道歉，但要耐心倾听")
    assert result.score == 2 and routed
    assert any("named under a negation" in r and "“道歉”" in r for r in reasons)


def test_a_consistent_refusal_or_no_mention_is_not_routed(grader):
    # Every point it names it refuses, nothing earned: the answer says no throughout, and 0 is not in doubt.
    routed, _, result = review(grader, "店员不要道歉，直接处理")
    assert result.score == 0 and not routed
    routed, _, result = review(grader, "店员直接处理就行，然后做好记录")
    assert result.score == 0 and not routed


def test_fault_named_but_not_as_a_fault_is_routed(grader):
    routed, reasons, result = review(grader, "店员把顾客请到办公室去谈，这样做是对的。")
    assert result.points[2].earned == 0 and routed
    assert any("names this fault but not as a fault" in r and "没有把顾客带离现场" in r for r in reasons)


def test_fault_spotted_is_not_routed(grader):
    routed, _, result = review(grader, "店员没有把顾客请到办公室去谈，围观的人越来越多。")
    assert result.points[2].earned == 3 and not routed


def test_uncertain_points_add_up_past_a_fifth(grader):
    # 2 + 2 of 10 on a part of 2-point points: neither alone, both together are more than a fifth.
    part = {"points": 10, "rubric": [
        {"id": "apologize", "text": "道歉", "points": 2, "match": ["道歉"]},
        {"id": "listen", "text": "倾听", "points": 2, "match": ["倾听"]},
        {"id": "follow", "text": "回访", "points": 6, "match": ["回访"]}]}
    assert "review" not in grader.grade(part, "店员不要道歉，事后回访").flags
    assert "review" in grader.grade(part, "店员不要道歉，也不用倾听，事后回访").flags


def test_story_share_and_its_reason():
    stem = "顾客李女士在超市买的酸奶里发现一只苍蝇，她很生气地来到服务台，值班经理没有道歉，只说要拿去检验。"
    grams = StemCache().grams(stem, normalize)
    retelling = normalize("李女士在超市买酸奶发现苍蝇，很生气来到服务台，经理只说拿去检验。").text
    own = normalize("先安抚顾客的情绪，真诚地赔礼，再说明处理办法，事后打电话回访。").text
    assert story_share(retelling, grams) >= STORY_OVERLAP
    assert story_share(own, grams) < 0.1
    reason = retold_reason(story_share(retelling, grams), 0.4)
    assert reason is not None and "case's story" in reason and "40%" in reason
    assert retold_reason(story_share(own, grams), 0.4) is None
    assert retold_reason(story_share(retelling, grams), 0.2) is None  # earns little: nothing to doubt


def test_reasons_are_stored_as_messages_that_come_back(grader):
    out = grader.grade(PART, "首先应该向顾客道欠，然后处理").to_dict()
    assert len(out["reason_messages"]) == len(out["reasons"]) == 1
    back = message_from_data(out["reason_messages"][0])
    assert isinstance(back, Message) and str(back) == out["reasons"][0]
    assert "%(points)s" in back.template and back.params["points"] == "“道歉”"
    assert message_from_data({"template": "%(x)s", "params": {}}) == "%(x)s"  # malformed: its text


def test_point_earned_while_denied_is_not_doubted_when_the_point_is_itself_a_lack(grader):
    # "没有重视客户的需求" is a fault the author words with a negator: a negated mention of its object (不关心客人
    # 需要什么) is how answers say it. The same rubric with a point that asks for the act is doubted.
    def part(text):
        return {"points": 10, "rubric": [
            {"id": "ignore", "text": text, "points": 5, "match": [["需求", "要求", "需要"], ["没当回事", "不重视"]]},
            {"id": "follow", "text": "回访", "points": 5, "match": ["回访"]}]}
    answer = "客人提的要求没当回事，饭店并不真正关心客人需要什么。"
    lack = grader.grade(part("没有重视客户的需求"), answer)
    act = grader.grade(part("重视客户的需求"), answer)
    assert lack.score == act.score == 5
    assert "review" not in lack.flags and "review" in act.flags


def test_an_answer_that_earns_while_dismissing_an_act_is_routed(grader):
    # 倾听 earns 2 of 10 (a fifth: one point at stake) while the answer calls the apology pointless: the points may
    # be the rubric's words used to refuse the steps.
    routed, reasons, result = review(grader, "应该耐心倾听。道歉做了也白做。")
    assert result.score == 2 and routed
    assert any("dismisses or belittles" in r and "白做" in r and "20%" in r for r in reasons)


def test_the_same_answer_without_the_dismissal_is_not_routed(grader):
    routed, reasons, result = review(grader, "应该耐心倾听。然后解决问题。")
    assert result.score == 2 and not routed and reasons == []


def test_a_dismissal_in_an_answer_that_earns_little_is_not_routed(grader):
    # nothing earned: a consistent refusal is not in doubt
    routed, _, result = review(grader, "道歉做了也白做。")
    assert result.score == 0 and not routed


def test_a_quoted_dismissal_is_the_staff_criticised_not_the_trainee(grader):
    for answer in ("店员说“这点小事没必要”，这是错的，应该耐心倾听。", '店员说"这点小事没必要"，这是错的，应该耐心倾听。',
                   "店员一句「做了也白做」让顾客更生气，应该耐心倾听。"):
        routed, reasons, result = review(grader, answer)
        assert result.score == 2 and not routed, (answer, reasons)
    # a quotation closed before the dismissal does not shelter it
    routed, _, result = review(grader, "店员说“您好”，应该耐心倾听，这点小事没必要。")
    assert result.score == 2 and routed


def test_a_denied_or_questioned_dismissal_is_not_routed(grader):
    for answer in ("耐心倾听并不多余。", "耐心倾听，看这一步对顾客有没有用。"):
        routed, reasons, result = review(grader, answer)
        assert result.score == 2 and not routed, (answer, reasons)


def test_dismissal_check_stays_linear_on_long_quoted_text():
    from app.grading.flags import dismissal_reason
    original = "“" + "道歉没必要，" * 20000
    norm = normalize(original)
    # every dismissal is inside the one open quotation: none is reported, and the scan finishes (one pass)
    assert dismissal_reason(norm.text, 0.5, original, norm.to_original) is None
    assert dismissal_reason(norm.text, 0.5, original[1:], normalize(original[1:]).to_original) is not None
