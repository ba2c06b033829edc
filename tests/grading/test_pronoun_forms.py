"""他 and 她 in a term stand for each other: a trainee calls the customer 他 or 她 whatever the case says (rubric
writers listed 听他说 beside 听她说 by hand, but not 帮他解决 beside 帮她解决)."""

from app.grading.terms import SynonymTable, pronoun_forms


def one_point(match, points=2):
    return {"points": points, "rubric": [{"id": "p", "text": "p", "points": points, "match": match}]}


def test_forms():
    assert pronoun_forms("帮他解决") == ["帮她解决"]
    assert pronoun_forms("不等她问") == ["不等他问"]
    assert pronoun_forms("他们") == ["她们"]
    # 其他, 他人 (others), 吉他 are no pronoun of the customer; a lone pronoun is left alone
    assert pronoun_forms("其他业务") == []
    assert pronoun_forms("他人") == []
    assert pronoun_forms("她") == []


def test_synonym_table_expands_them():
    assert "站在她的角度" in SynonymTable({}).expand("站在他的角度")


def test_an_answer_with_the_other_pronoun_earns(grader):
    part = one_point([["帮他解决"]])
    assert grader.grade(part, "要尽快帮她解决停车的问题。").points[0].earned == 2
