"""The bundled bank: valid, big enough for several mock exams, and its rubrics agree with its samples."""
from pathlib import Path

import pytest

from app.bank import load_bank
from app.bank.cues import cue_report
from app.grading import Grader
from app.bank.overlaps import declared_pairs
from app.grading.samples import cross_check, run_samples

BANK = Path(__file__).resolve().parent.parent / "question_bank"
AREAS = ["投诉处理", "沟通与倾听", "服务质量", "客户关系与忠诚", "服务流程与规范", "呼叫中心实务", "服务礼仪", "服务人员管理"]


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK)


@pytest.fixture(scope="module")
def grader(bank):
    return Grader(bank.synonyms, parts=bank.case_parts())  # as `flask bank test` builds it


def test_counts(bank):
    questions = list(bank.questions.values())
    case_parts = [p for q in questions if q["type"] == "case" for p in q["parts"]]
    objective = [q for q in questions if q["type"] != "case"]
    assert len(case_parts) >= 45
    assert len(objective) >= 150
    assert sum(1 for p in bank.papers.values() if p["kind"] == "mock") >= 3


def test_objective_items_cover_a_syllabus_wide_enough_for_mock_exams(bank):
    report = cue_report(bank.questions)
    assert report.single >= 240 and report.multiple >= 120 and report.judge >= 100
    tags = {t for q in bank.questions.values() for t in q.get("tags", [])}
    for gap in ("消费者权益保护", "三包", "七日无理由退货", "服务补救", "服务蓝图", "RFM", "客户终身价值", "接通率",
                "平均处理时长", "一次解决率", "服务水平", "排班", "质检", "服务计划", "服务预算"):
        assert gap in tags, gap


def test_objective_items_give_nothing_away(bank):
    # Thresholds of issue 16: a test-wise guess (longest option, favourite position, all but the absurd one) must
    # not pass a paper; enough items ask for application and judgement rather than recall.
    report = cue_report(bank.questions)
    assert report.problems() == []
    assert len(report.longest_keys) < 0.35 * report.single
    assert min(report.key_positions[letter] for letter in "ABCD") >= 0.20 * report.single
    assert len(report.one_wrong) < 0.20 * report.multiple
    assert report.difficulty[4] + report.difficulty[5] >= 0.15 * report.objective
    assert 0.35 <= report.judge_true / report.judge <= 0.65  # "always true" is no strategy either
    assert report.judge_absolute_false <= 0.7 * report.judge_absolute  # nor "a sweeping word means false"


def test_items_kept_out_of_mock_draws_are_tagged(bank):
    company_or_engineering = {"process.morning-greeting-window": "企业规程", "gas.towngas-mission": "企业规程",
                              "gas.service-pipe-wall-gap": "工程规范",
                              "gas.service-pipe-insulation-flatness": "工程规范"}
    for qid, tag in company_or_engineering.items():
        assert tag in bank.questions[qid]["tags"], qid


def test_every_area_is_covered(bank):
    topics = [q["topic"] for q in bank.questions.values()]
    for area in AREAS:
        assert topics.count(area) >= 6, area


def test_every_case_part_has_three_samples(bank):
    for qid, q in bank.questions.items():
        for part in q.get("parts", []):
            assert len(part.get("samples", [])) >= 3, f"{qid}/{part['id']}"


def _draws(section):
    draw = section.get("draw")
    return [] if draw is None else draw if isinstance(draw, list) else [draw]


def _points(section):
    count = sum(d["count"] for d in _draws(section)) or len(section.get("questions", []))
    return count * section["points_each"]


def test_mock_papers_are_shaped_like_the_exam(bank):
    """理论知识 (objective, about 90 minutes) and 专业能力 (cases, about 120 minutes) are separate papers of 100
    points each with a pass mark of 60, paired so that a mock passes only when both pass; draws are balanced
    over the areas and keep company rules and engineering specs out."""
    mocks = {pid: p for pid, p in bank.papers.items() if p["kind"] == "mock"}
    assert len(mocks) >= 8
    for pid, paper in mocks.items():
        partner = mocks[paper["pair"]]
        assert partner["pair"] == pid and paper["pass_mark"] == 60, pid
        assert sum(_points(s) for s in paper["sections"]) == 100, pid
        kinds = {d["type"] for s in paper["sections"] for d in _draws(s)}
        assert all("draw" in s for s in paper["sections"]), pid  # every attempt draws afresh
        if kinds == {"case"}:
            assert paper["time_limit"] == 120, pid
            assert sum(d["count"] for s in paper["sections"] for d in _draws(s)) >= 3, pid
        else:
            assert kinds == {"single", "multiple", "judge"} and paper["time_limit"] == 90, pid
            for section in paper["sections"]:
                topics = {d["topic"] for d in _draws(section)}
                assert len(topics) >= 8, (pid, section["title"])
                assert all({"企业规程", "工程规范"} <= set(d.get("exclude_tags", ())) for d in _draws(section)), pid


def test_references_and_samples_agree_with_the_grader(bank, grader):
    report = run_samples(bank.questions, grader)
    failures = [f"{o.question}/{o.part} {o.name}: expected {o.expected:g}, given {o.given:g}"
                for o in report.outcomes if not o.ok]
    assert failures == []


def test_no_reference_answer_is_flagged_as_a_keyword_list(bank, grader):
    # A point-form reference ("1. 客户话没有说完时，不要抢先作答。2. 用语简明扼要…") is what a good trainee writes: the
    # `list` flag would send it to the review queue as keyword stuffing.
    flagged = [f"{qid}/{part['id']}" for qid, q in bank.questions.items() if q["type"] == "case"
               for part in q["parts"] if "list" in grader.grade(part, part["reference"], stem=q.get("stem")).flags]
    assert flagged == []


def test_answers_to_other_questions_earn_almost_nothing(bank, grader):
    # Every part against the model answers of every other question, pairs declared to ask the same thing left
    # out (they are listed by `flask bank test --cross`). The figures recorded in the issue notes, with a margin.
    tried, hits = cross_check(bank.questions, grader, declared=declared_pairs(bank.questions))
    undeclared = [h for h in hits if not h.declared]
    assert len(undeclared) <= 0.015 * tried, len(undeclared)
    worst = max((h.score / h.maximum for h in undeclared), default=0)
    assert worst <= 0.5, [h for h in undeclared if h.score / h.maximum == worst]


GLUED_CASE = """
questions:
  - id: complaints.glued
    type: case
    topic: 投诉处理
    stem: 顾客在卖场里大声投诉。
    parts:
      - id: a
        prompt: 首先怎么做？
        points: 10
        reference: 先把顾客请到接待室，再道歉。
        rubric:
          - id: relocate
            text: 请到接待室
            points: 10
            match: [[%s], [接待室]]
            not_with: [做得对]
"""


@pytest.mark.parametrize("term", ["把顾客请", "把她带", "请她", "不带我", "帮您"])
def test_pronoun_glued_terms_are_refused(write_bank, term):
    from app.bank import BankError
    path = write_bank({"cases.yaml": GLUED_CASE % f"请到, {term}"})
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert f"'{term}' is refused" in str(caught.value)


def test_verb_with_complement_and_not_with_are_accepted(write_bank):
    path = write_bank({"cases.yaml": GLUED_CASE % "请到, 带离, 请她到"})
    bank = load_bank(path)
    part = bank.questions["complaints.glued"]["parts"][0]
    grader = Grader(bank.synonyms, parts=bank.case_parts())
    assert grader.grade(part, "先请她到接待室坐下").score == 10
    assert grader.grade(part, "小刘做得对，没必要请她到接待室").score == 0


def test_no_pronoun_glued_term_in_the_bank(bank):
    from app.grading.terms import glued_pronoun
    for qid, content in bank.questions.items():
        for part in content.get("parts", []):
            for point in part["rubric"]:
                for group in point["match"]:
                    for term in group if isinstance(group, list) else [group]:
                        assert not glued_pronoun(str(term)), (qid, part["id"], point["id"], term)


def test_vague_wordings_are_used_only_as_gists(bank):
    # A `vague-…` set holds the everyday words for an act (表个态 for an apology): a member written in a point's
    # `match` would make the whole set earn the point in full, and a set referred to there would too.
    vague = {name: set(members) for name, members in bank.synonyms.items() if name.startswith("vague-")}
    assert vague, "the bank's synonyms hold the vague-… sets"
    members = set().union(*vague.values())
    used = set()
    for qid, content in bank.questions.items():
        for part in content.get("parts", []):
            for point in part["rubric"]:
                for group in point["match"]:
                    for term in group if isinstance(group, list) else [group]:
                        assert str(term) not in members and str(term).lstrip("@") not in vague, (qid, point["id"], term)
                for group in point.get("gist", []):
                    used.update(str(t).lstrip("@") for t in (group if isinstance(group, list) else [group]))
    assert set(vague) <= used, set(vague) - used


VAGUE = [  # (question, part, a weak answer touching one key point in everyday words, the point it touches)
    ("recovery.hotel-overbooking", "b", "经理应该先帮周女士找个住处，让她安顿下来。", "rehouse"),
    ("utility.water-outage-notice", "b", "停水期间要保证居民有水喝。", "water-supply"),
    ("staff.call-centre-recruiting-training", "b", "客服要招实诚、不忽悠人的。", "promise"),
    ("callcentre.telecom-fixed-line", "a", "客服没搞懂张小姐想办什么就乱说一通。", "guessed-needs"),
    ("quality.concept-and-criteria", "b", "顾客看这家店看起来整不整齐。", "tangible"),
    ("pricing.beauty-salon-pricing", "b", "定价要想着投进去的钱什么时候能挣回来。", "roi"),
    ("staff.appraisal-and-incentives", "a", "可以给营业员定几个最重要的指标来考。", "kpi"),
    ("marketing.competitor-analysis", "a", "卖别的东西的企业也可能是对手。", "cross-industry"),
    # points that had no gist before bench/broaden_gist3.json
    ("callcentre.stress-relief", "a", "火上来的时候先缓一口气再接着说。", "breathe"),
    ("research.questionnaire-design", "b", "每道题别问一堆，一次问一个就好。", "one-thing"),
    ("complaints.yogurt-fly", "b", "问问她是不是老买这个酸奶。", "history"),
    ("marketing.competitor-analysis", "b", "同一类东西里，其他牌子的卖家也在抢顾客。", "brand"),  # 不同牌子 is a match term
]


@pytest.mark.parametrize("qid, pid, answer, point_id", VAGUE)
def test_a_vague_mention_of_a_main_point_earns_its_gist(bank, grader, qid, pid, answer, point_id):
    # Points that had no `gist` (bench/broaden_gist2.json): a weak trainee's everyday wording of the point earns
    # half of it, at most a fifth of the part (docs/grading.md, "Vague mentions").
    content = bank.questions[qid]
    part = next(p for p in content["parts"] if p["id"] == pid)
    result = grader.grade(part, answer, stem=content["stem"])
    point = next(p for p in result.points if p.id == point_id)
    assert point.gist and 0 < result.score <= 0.2 * result.max, result.to_dict()


@pytest.mark.parametrize("qid, pid, answer", [
    ("recovery.hotel-overbooking", "b", "超订是系统的问题，用不着帮她找个住处，让她自己安顿。"),
    ("utility.water-outage-notice", "b", "停水是为了换管子，没必要保证居民有水喝，让他们自己想办法。"),
    ("staff.appraisal-and-incentives", "a", "考核就看办了多少笔，定什么最重要的指标都是花架子。"),
])
def test_the_same_vague_words_used_to_refuse_earn_nothing(bank, grader, qid, pid, answer):
    content = bank.questions[qid]
    part = next(p for p in content["parts"] if p["id"] == pid)
    assert grader.grade(part, answer, stem=content["stem"]).score == 0


@pytest.mark.parametrize("answer, earns", [
    ("电话挂了就别老想着刚才那个客户了。", True), ("不要耿耿于怀，过去就过去了。", True),
    ("客服老想着刚才那个客户。", False), ("她对那个客户一直耿耿于怀。", False),
])
def test_dwelling_on_a_call_is_the_opposite_of_letting_it_go(bank, grader, answer, earns):
    # 老想着 / 耿耿于怀 name the fault; only their refusal (别老想着, 不要耿耿于怀) is the point.
    part = next(p for p in bank.questions["callcentre.stress-relief"]["parts"] if p["id"] == "a")
    point = next(p for p in grader.grade(part, answer).points if p.id == "forget")
    assert bool(point.earned) == earns
