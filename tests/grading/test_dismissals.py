"""On parts that ask for acts or ideas, a clause closing in a dismissal built from common parts refuses what it names:
a mere form, cost or theory; of no use or effect; unimportant or beside the job; someone's own business; not to be
relied on; inborn.  The same words that criticise or defend nothing keep the point."""
import pytest

from tests.grading.rubrics import one_point_part as part, score

PROMPT = "应当怎样开展这项工作？"


@pytest.mark.parametrize("terms, answer", [
    (["招聘计划"], "人员需求预测、职位说明书、招聘计划都是形式。"),
    (["招聘计划"], "招聘计划只是形式。"),
    (["培训"], "组织培训这些都是成本。"),
    (["竞争者"], "愿望竞争者、属类竞争者都是书本上的说法，实际没有意义。"),
    (["精神奖励"], "精神奖励没有实际作用。"),
    (["精神奖励"], "精神奖励作用不大。"),
    (["统计报表"], "统计报表对经营帮助不大。"),
    (["反馈"], "顾客反馈大多是发牢骚，参考价值不大。"),
    (["预测"], "报表上的数字往往滞后，拿来预测销售前景并不可靠。"),
    (["设施"], "环境、设施这些有形因素顾客不太在意。"),
    (["团队协作"], "团队协作、企业内部服务跟客服工作无关。"),
    (["表情"], "表情和身体语言都无所谓。"),
    (["工作条件"], "工作条件和辅助支持是顾问自己的事。"),
    (["统计报表"], "统计报表用来应付检查。"),
    (["排名"], "排名、打分那一类方法不宜采用。"),
    (["满意度"], "顾客满意度评分不能作为考核依据。"),
    (["服务意识"], "服务意识是天生的，培训不出来。"),
    (["档案"], "建忠诚客户档案，一般企业没必要。"),
])
def test_a_dismissal_closing_the_clause_refuses_the_act(grader, terms, answer):
    assert score(grader, part([terms], PROMPT), answer) == 0


@pytest.mark.parametrize("terms, answer", [
    (["培训"], "要组织培训，培训是一种投资而不是成本。"),
    (["培训"], "培训不只是员工自己的事，管理层要组织。"),
    (["反馈"], "要重视顾客反馈，它不是形式。"),
    (["设施"], "设施要定期检查，顾客很在意。"),
    (["沟通"], "要多跟客户沟通，不能不在意客户感受。"),
    (["表情"], "电话里也要注意表情，客户听得出来。"),
    (["精神奖励"], "精神奖励很有作用，要和物质奖励结合。"),
])
def test_the_same_words_without_a_dismissal_keep_the_act(grader, terms, answer):
    assert score(grader, part([terms], PROMPT), answer) == 2


def test_a_critique_part_reads_the_same_words_as_a_critique(grader):
    # Asked what was wrong, "the monitoring is a mere form" names the case's fault.
    critique = part([["质检"]], "该中心的质检工作存在哪些问题？")
    assert score(grader, critique, "质检只是形式，对坐席没有实际作用。") == 2


@pytest.mark.parametrize("answer, expected", [
    ("口音、习惯用语都不算障碍，多听几次就习惯了。", 0),
    ("口音是障碍，专业术语也算障碍。", 2),
    ("口音不算太大的障碍，但也要注意。", 2),  # mild, and turned
])
def test_not_counted_as_what_the_prompt_asks_for(grader, answer, expected):
    assert score(grader, part([["口音"]], "影响倾听的障碍因素有哪些？"), answer) == expected
