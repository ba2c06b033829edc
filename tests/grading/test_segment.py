"""The segmenter's dictionary pass gives jieba's own route, position by position, on any Chinese text."""
from hypothesis import given, settings
from hypothesis import strategies as st

from app.grading.segment import Segmenter

_segmenter = Segmenter()
for _term in ("赔礼道歉", "带离现场", "首问负责"):  # rubric terms change the dictionary, as in a Grader
    _segmenter.add_term(_term)

# Words, prefixes of words, and characters jieba knows only alone or not at all.
# 丄 and 乁 are not in jieba's dictionary; 仫 and 捭 are there only as prefixes of longer words (frequency 0).
PIECES = ["道歉", "赔礼道歉", "顾客", "投诉", "不", "没有", "带离现场", "现场", "表现", "场面", "首问负责", "负责人",
          "的", "了", "栈", "并入", "中华人民共和国", "中华", "丄", "乁", "仫", "捭", "捭阖", "研究生命起源",
          "结婚的和尚未结婚的"]


def jieba_route(block: str) -> list[int]:
    tokenizer = _segmenter.tokenizer
    route: dict = {}
    tokenizer.calc(block, tokenizer.get_DAG(block), route)
    return [route[k][1] for k in range(len(block))]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join),
                 st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1,
                         max_size=60)))
def test_word_ends_are_jiebas_route(block):
    assert _segmenter.word_ends(block) == jieba_route(block)


def test_a_character_no_word_starts_with_stands_alone():
    block = "顾客丄投诉仫道歉"
    assert _segmenter.word_ends(block) == jieba_route(block)


# Text as answers hold it: words, unknown names, Latin letters, figures, signs and spaces between them.
MIXED = PIECES + ["ab", "VIP", "3.5%", "a丄", "刘某某", "x", " ", "，", "。", "#", "-", "_", "app客服", "400电话", "顾客abc"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(MIXED), min_size=1, max_size=40).map("".join))
def test_cut_gives_jiebas_words_with_hmm(text):
    # Below the HMM budget the words are jieba's accurate mode with its HMM, Latin and figures included.
    assert _segmenter.cut(text) == list(_segmenter.tokenizer.cut(text, HMM=True))


def test_an_adverb_glued_to_one_character_is_not_made_a_word():
    # 然后问 as a dictionary word re-cut 然后问|清楚 and hid 问清 from another point; 也是 would hide the 也 the
    # negation checks read.  Such terms are still found as substrings.
    segmenter = Segmenter()
    for term in ("然后问", "也是", "先问", "赔礼道歉"):
        segmenter.add_term(term)
    assert "然后问" not in segmenter.cut("先请顾客坐下，然后问清楚饼干是哪天买的")
    assert "也是" not in segmenter.cut("跟她讲了也是白讲")
    assert "赔礼道歉" in segmenter.cut("先向顾客赔礼道歉")  # other terms stay whole


def test_a_term_led_by_an_adverb_is_still_found(grader):
    part = {"points": 2, "prompt": "你会怎样做？",
            "rubric": [{"id": "ask", "text": "问清", "points": 1, "match": [["问清"]]},
                       {"id": "then", "text": "然后问", "points": 1, "match": [["然后问"]]}]}
    result = grader.grade(part, "先请顾客坐下，然后问清楚饼干是哪天买的")
    assert [p.earned for p in result.points] == [1, 1]
