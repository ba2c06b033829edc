"""An answer whose register argues against what the part asks earns nothing (app/grading/opposed.py)."""
import importlib.util
import json
from pathlib import Path

import pytest

from app.bank import load_bank
from app.grading import Grader
from app.grading.normalize import normalize
from app.grading.opposed import CUES_FILE, MIN_CUES, StanceReader, cues, learn, reader, stance_score

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bank():
    return load_bank(ROOT / "question_bank")


@pytest.fixture(scope="module")
def bank_grader(bank):
    return Grader(bank.synonyms, parts=bank.case_parts())


def grade(bank, bank_grader, key, answer):
    qid, pid = key.split("/")
    question = bank.questions[qid]
    part = next(p for p in question["parts"] if p["id"] == pid)
    return bank_grader.grade(part, answer, stem=question.get("stem"))


def test_cues_are_pairs_and_triples_inside_runs_of_chinese():
    assert cues("没必要，2次ok就行") == {"没必", "必要", "没必要", "就行"}
    assert cues("abc，12") == set()


def test_learn_weighs_a_cue_by_the_answers_it_is_in():
    opposed = [({"没必", "就行", "顾客"}, True)] * 6
    fair = [({"应当", "顾客"}, False)] * 6 + [({"及时"}, False)] * 2
    weights = learn(opposed + fair)
    assert weights["没必"] > 1 and weights["应当"] < -1
    assert "顾客" not in weights or abs(weights["顾客"]) < 0.5  # in both kinds: says nothing
    assert "及时" not in weights  # in too few answers


def test_a_short_answer_needs_several_cues():
    weights = {"不需": 3.0, "浪费": 3.0, "就行": 3.0}
    assert stance_score(weights, {"不需"}) == pytest.approx(3.0 / MIN_CUES ** 0.5)
    assert stance_score(weights, {"不需", "浪费", "就行"}) == pytest.approx(3 * stance_score(weights, {"不需"}))


def test_the_shipped_cues_are_sane():
    data = json.loads(CUES_FILE.read_text(encoding="utf-8"))
    assert data["threshold"] > 0 and len(data["weights"]) > 1000
    assert data["weights"]["没必要"] > 0 and data["weights"]["及时"] < 0


def test_another_subjects_fair_negation_keeps_its_points(grader):
    # A data-structures answer whose point is a negation: "no element moves" is right there, not a refusal.
    part = {"points": 10, "prompt": "插入和删除很频繁时，线性表宜采用哪种存储结构？为什么？",
            "rubric": [{"id": "linked", "text": "链式存储", "points": 4, "match": [["链表", "链式"]]},
                       {"id": "no-move", "text": "插入删除不需移动元素", "points": 4,
                        "match": [["不需要移动", "无须移动", "不必移动"]]},
                       {"id": "pointer", "text": "只改指针", "points": 2, "match": [["指针"]]}]}
    answer = "宜采用链表存储结构。因为链表插入和删除操作不需要移动元素，只需要改变指针的指向，效率高。"
    result = grader.grade(part, answer)
    assert result.score == 10
    assert not any("opposing" in str(r) for r in result.reasons)


# Written for this test (not in any bench set the cues were learnt from): each earned points before the reading.
OPPOSED = [
    ("callcentre.online-consult-skills/a", "在线客服不用秒回，消息攒多了一起回复效率更高；用现成的模板复制粘贴最省事，热情这种东西"
                                           "隔着屏幕看不出来，能把客户打发走就算完成任务。"),
    ("complaints.pump-warranty/c", "以后用户有问题一律让他们找经销商，厂家不直接管；受理标准和时限定了也没人执行，没必要；投诉系统"
                                   "花钱又费事，有事找总经理拍板就行。"),
    ("loyalty.kfc-customer-segments/a", "搞会员分级没意思，所有顾客都应该一样对待，常来的顾客本来就会来，不用给他们特殊优惠，反而"
                                        "会让其他顾客觉得不公平。"),
    ("callcentre.tv-repair-delay/a", "王先生那边不用回访了，修好了他自然就满意，再打电话过去反而打扰人家，道歉也没必要，配件没到又"
                                     "不是我们能控制的。"),
]


@pytest.mark.parametrize("key, answer", OPPOSED)
def test_an_answer_arguing_the_opposite_earns_nothing_and_goes_to_review(bank, bank_grader, key, answer):
    result = grade(bank, bank_grader, key, answer)
    assert result.score == 0
    assert all(p.earned == 0 for p in result.points)
    assert "review" in result.flags
    assert any("argues against" in str(r) for r in result.reasons)


@pytest.mark.parametrize("key", [key for key, _ in OPPOSED])
def test_the_reference_of_the_same_parts_keeps_full_marks(bank, bank_grader, key):
    qid, pid = key.split("/")
    reference = next(p for p in bank.questions[qid]["parts"] if p["id"] == pid)["reference"]
    result = grade(bank, bank_grader, key, reference)
    assert result.score == result.max
    assert not any("argues against" in str(r) or "opposing" in str(r) for r in result.reasons)


def test_a_strong_rubric_match_in_an_opposed_tone_keeps_its_score_but_goes_to_review(bank, bank_grader):
    key = "callcentre.online-consult-skills/a"
    reference = bank.questions[key.split("/")[0]]["parts"][0]["reference"]
    tail = "不过说实话，这些都没必要，消息攒一攒再回效率更高，模板复制粘贴就行，热情客户也看不出来，能打发走就算完成任务，用不着那么麻烦。"
    result = grade(bank, bank_grader, key, reference + tail)
    assert result.score == result.max
    assert "review" in result.flags
    assert any("opposing" in str(r) for r in result.reasons)


def test_the_case_s_own_words_are_not_read():
    weights = {"服务": 3.0, "就行": 3.0, "浪费": 3.0}
    stance = StanceReader(weights, threshold=1.0)
    text = "在服务台处理就行，浪费时间"
    assert stance.read(text).opposed
    assert stance.read(text, own=frozenset({"就行", "浪费"})).score < stance.read(text).score


def test_the_shipped_cues_are_what_the_trainer_learns_from_the_bench(bank, bank_grader):
    spec = importlib.util.spec_from_file_location("stance_train", ROOT / "bench" / "stance_train.py")
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    rows = trainer.collect(ROOT / "question_bank", bank, bank_grader)
    shipped = json.loads(CUES_FILE.read_text(encoding="utf-8"))["weights"]
    assert learn([(r["cues"], r["opposed"]) for r in rows]) == shipped, "run bench/stance_train.py --write"
