"""A point that matches negative phrases itself: its own 达不到 / 做不到 does not negate its other mentions."""


def part(match):
    return {"points": 2, "rubric": [{"id": "p", "text": "p", "points": 2, "match": match}]}


def test_point_own_potential_negative_does_not_negate_its_other_mentions(grader):
    # [标准] + [没做到, 达不到]: the point looks for a standard not met; 达不到 (a verb with a negated complement) is
    # what it asks for, not a negator of 标准.
    p = part([["标准"], ["差距", "没做到", "达不到", "做不到"]])
    assert grader.grade(p, "员工实际做的达不到标准。").points[0].earned == 2
    assert grader.grade(p, "维修人员根本做不到公司定的标准。").points[0].earned == 2


def test_other_negators_still_negate(grader):
    p = part([["标准"], ["差距", "没做到", "达不到", "做不到"]])
    assert grader.grade(p, "这里没有什么标准，也谈不上差距。").points[0].earned == 0



def test_a_negator_in_front_is_not_a_negated_complement(grader):
    # 没有标准 is not one of those phrases: a point [标准] + [差距, 达不到] is not earned by it.
    p = part([["标准"], ["差距", "达不到", "没做到"]])
    assert grader.grade(p, "公司没有标准，员工也没做到。").points[0].earned == 0
