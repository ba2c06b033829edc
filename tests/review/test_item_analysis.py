"""Item analysis figures checked against values worked out by hand (the working is in the comments)."""
import math

import pytest

from app.review.item_analysis import AttemptRow, ItemRow, analyse, correlation, cronbach_alpha, flat_rows, histogram


def case(score, p1, p2, evidence=()):
    return ItemRow("q3", False, score, 10, parts={"a": (score, 10)},
                   points={("a", "p1"): (p1, 4), ("a", "p2"): (p2, 6)}, evidence={("a", "p1"): list(evidence)})


# totals 12, 5, 7, 0 out of 12
ATTEMPTS = [
    AttemptRow(1, [ItemRow("q1", True, 1, 1, choices=("A",)), ItemRow("q2", True, 1, 1, choices=("true",)),
                   case(10, 4, 6, ["道歉"])]),
    AttemptRow(2, [ItemRow("q1", True, 1, 1, choices=("A",)), ItemRow("q2", True, 0, 1, choices=("false",)),
                   case(4, 4, 0, ["道歉", "致歉"])]),
    AttemptRow(3, [ItemRow("q1", True, 0, 1, choices=("B",)), ItemRow("q2", True, 1, 1, choices=("true",)),
                   case(6, 0, 6)]),
    AttemptRow(4, [ItemRow("q1", True, 0, 1), ItemRow("q2", True, 0, 1, choices=("false",)), case(0, 0, 0)]),
]


def test_paper_figures():
    paper = analyse(ATTEMPTS)["paper"]
    # mean 24/4 = 6; median (5 + 7) / 2 = 6; sample variance (36 + 1 + 1 + 36) / 3 = 74/3
    assert (paper["attempts"], paper["mean"], paper["median"]) == (4, 6, 6)
    assert paper["std"] == pytest.approx(math.sqrt(74 / 3), abs=0.01)
    # item variances 1/3, 1/3, 52/3: alpha = 3/2 * (1 - 18 / (74/3)) = 30/74
    assert paper["alpha"] == pytest.approx(30 / 74, abs=0.001) and paper["alpha_items"] == 3
    # percents 100, 41.7, 58.3, 0
    assert [b["count"] for b in paper["histogram"]] == [1, 0, 0, 0, 1, 1, 0, 0, 0, 1]


def test_facility_and_corrected_discrimination():
    items = {i["question"]: i for i in analyse(ATTEMPTS)["items"]}
    assert [items[q]["facility"] for q in ("q1", "q2", "q3")] == [0.5, 0.5, 0.5]
    # q1 = 1,1,0,0 against the rest 11,4,7,0: sxy 4, sxx 1, syy 65
    assert items["q1"]["discrimination"] == pytest.approx(4 / math.sqrt(65), abs=0.001)
    # q2 = 1,0,1,0 against 11,5,6,0: sxy 6, syy 61
    assert items["q2"]["discrimination"] == pytest.approx(6 / math.sqrt(61), abs=0.001)
    # q3 = 10,4,6,0 against 2,1,1,0: sxy 10, sxx 52, syy 2
    assert items["q3"]["discrimination"] == pytest.approx(10 / math.sqrt(104), abs=0.001)
    assert items["q1"]["options"] == [{"option": "A", "count": 2, "share": 0.5}, {"option": "B", "count": 1, "share": 0.25}]
    assert items["q1"]["unanswered"] == 1
    assert items["q2"]["options"] == [{"option": "false", "count": 2, "share": 0.5},
                                      {"option": "true", "count": 2, "share": 0.5}]
    assert all(not i["attention"] for i in items.values())


def test_case_parts_key_points_and_evidence():
    part = next(i for i in analyse(ATTEMPTS)["items"] if i["question"] == "q3")["parts"][0]
    assert (part["part"], part["mean"], part["max"]) == ("a", 5, 10)
    assert [b["count"] for b in part["distribution"]] == [1, 0, 1, 1, 1]  # 0 | 4 | 6 | 10 in bins of 2
    points = {p["point"]: p for p in part["points"]}
    assert (points["p1"]["earned"], points["p1"]["share"], points["p1"]["mean"]) == (2, 0.5, 2)
    assert (points["p2"]["earned"], points["p2"]["share"], points["p2"]["mean"]) == (2, 0.5, 3)
    assert points["p1"]["evidence"] == [{"text": "道歉", "count": 2}, {"text": "致歉", "count": 1}]


def test_items_needing_attention_are_marked():
    too_easy = [AttemptRow(n, [ItemRow("easy", True, 1, 1, choices=("A",)), ItemRow("hard", True, 0, 1),
                               ItemRow("neg", True, 1 if n < 2 else 0, 1),
                               ItemRow("c", False, s, 10, parts={"a": (s, 10)},
                                       points={("a", "got"): (s, 10), ("a", "never"): (0, 2)})])
                for n, s in enumerate([10, 0, 8, 2])]
    analysis = analyse(too_easy)
    items = {i["question"]: i for i in analysis["items"]}
    assert items["easy"]["facility"] == 1 and "facility" in items["easy"]["attention"]
    assert items["hard"]["facility"] == 0 and "facility" in items["hard"]["attention"]
    assert items["easy"]["discrimination"] is None  # it does not vary: no correlation
    # neg = 1,1,0,0 against the rest 11,1,9,3: it goes against the test
    assert items["neg"]["discrimination"] < 0.2 and "discrimination" in items["neg"]["attention"]
    assert "point" in items["c"]["attention"]
    assert set(analysis["attention"]) == {"easy", "hard", "neg", "c"}
    table = flat_rows(analysis)
    assert table[0][0] == "question" and any(r[2] == "never" and r[-1] == "point" for r in table)


def test_helpers_on_degenerate_input():
    assert correlation([1], [2]) is None and correlation([1, 1], [1, 2]) is None
    assert cronbach_alpha([[1, 2]]) is None and cronbach_alpha([[1], [2]]) is None
    assert [b["count"] for b in histogram([5, 5], 5, 5, 2)] == [2, 0]
    empty = analyse([])
    assert empty["paper"]["attempts"] == 0 and empty["paper"]["mean"] is None and empty["items"] == []
