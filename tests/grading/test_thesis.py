"""An opening thesis that the conduct was right bars the sentences that argue it (stance.thesis_sentences)."""
import pytest

from tests.grading.rubrics import score

FAULTS = "店员小刘接待投诉顾客的做法有哪些不妥？"
PART = {"points": 6, "prompt": FAULTS, "rubric": [
    {"id": "place", "text": "在服务台当场处理，没有请顾客到办公室", "points": 2, "match": [["当场处理", "服务台"]]},
    {"id": "divided", "text": "一边开发票一边接待，不专心", "points": 2, "match": [["开发票"]]},
    {"id": "nails", "text": "指甲油颜色太艳", "points": 2, "match": [["指甲油"]]},
]}
ACTS = dict(PART, prompt="你会怎样接待这位顾客？")


@pytest.mark.parametrize("answer", [
    "小刘没有什么不妥。她在服务台当场处理，周围顾客都看得见，显得公开透明；先把开发票的事做完，也是对排队的人负责。",
    "小刘的做法基本没错：就在服务台当场处理，大家看得见；开发票不能停。",
    "小刘整体表现还可以。在服务台当场处理很透明。先开发票是对别人负责。",
    "我认为小刘做得对。当场处理省时间；开发票也不能耽误。",
    "这个店员其实没有大问题；她在服务台当场处理，开发票也是本职工作。",
])
def test_an_opening_thesis_bars_the_reasons_that_follow(grader, answer):
    assert score(grader, PART, answer) == 0


def test_a_turn_concedes_the_faults_after_it(grader):
    answer = "小刘整体表现还可以。在服务台当场处理很透明。就是指甲油颜色太艳了，开发票时也没顾上顾客。"
    assert score(grader, PART, answer) == 4  # 指甲油 and 开发票, after 就是; not 服务台 before it


@pytest.mark.parametrize("answer", [
    # a critique
    "小刘有以下不妥。她在服务台当场处理，让顾客下不来台；一边开发票一边接待。",
    # the question is no thesis
    "小刘的做法没有问题吗？她在服务台当场处理，又一边开发票一边接待。",
    # the customer's blamelessness is no thesis
    "顾客本身没有错。小刘在服务台当场处理，一边开发票一边应付她。",
    # undone in the opening sentence
    "小刘表面上没有什么不妥，实际上她在服务台当场处理。她还一边开发票一边接待。",
    "小刘看起来做得不错，但在服务台当场处理不妥。一边开发票一边接待也不专心。",
])
def test_no_thesis_leaves_the_critique_standing(grader, answer):
    assert score(grader, PART, answer) == 4


def test_only_parts_that_ask_what_was_wrong_read_a_thesis(grader):
    # Asked what to do, "nothing wrong" opens an answer about acts: the acts still earn.
    assert score(grader, ACTS, "这件事本身没有什么问题。先请她离开服务台，到办公室当场处理。") == 2


def test_a_denied_thesis_is_none(grader):
    assert score(grader, PART, "不能说小刘的做法本身没什么问题。她在服务台当场处理，一边开发票一边接待。") == 4


USES = {"points": 6, "prompt": "统计报表对企业有哪些作用？", "rubric": [
    {"id": "stock", "text": "掌握库存", "points": 2, "match": [["库存"]]},
    {"id": "forecast", "text": "预测销售", "points": 2, "match": [["预测"]]},
    {"id": "strategy", "text": "制定策略", "points": 2, "match": [["策略"]]},
]}


@pytest.mark.parametrize("answer", [
    "统计报表主要是用来应付检查的，对经营帮助不大。库存靠经验就能判断；拿来预测销售、制定策略也不可靠。",
    "我觉得报表没有必要做。库存心里有数，预测和策略靠老板拍板。",
    "报表没什么实际作用。库存、预测、策略都靠经验。",
])
def test_an_opening_denial_of_use_bars_the_uses_after_it(grader, answer):
    assert score(grader, USES, answer) == 0


@pytest.mark.parametrize("answer", [
    "统计报表作用很大。它能反映库存，帮助预测销售，为制定策略提供依据。",
    "没有报表，库存就说不清。报表能帮助预测销售、制定策略。",
    "报表的作用不只是应付检查。它反映库存，帮助预测销售、制定策略。",
])
def test_uses_stated_keep_their_points(grader, answer):
    assert score(grader, USES, answer) == 6


@pytest.mark.parametrize("answer", [
    "小刘整体表现还可以。她在服务台当场处理不妥。一边开发票一边接待也欠妥。",
    "小刘整体表现还可以。1. 她在服务台当场处理，让顾客很难堪，应该请到办公室；2. 一边开发票一边接待，不专心。",
])
def test_faint_praise_then_faults_named_is_a_critique(grader, answer):
    assert score(grader, PART, answer) == 4


def test_someone_elses_view_is_no_thesis(grader):
    assert score(grader, USES, "很多人以为报表只是应付检查，其实它能反映库存，帮助预测销售、制定策略。") == 6
    assert score(grader, PART, "有人认为小刘没有什么不妥。她在服务台当场处理，一边开发票一边接待。") == 4
