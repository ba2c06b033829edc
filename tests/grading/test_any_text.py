"""Any text a trainee sends is graded, in time linear in its length, without raising.

Property tests (hypothesis) over arbitrary strings, lone surrogates, NUL and control characters, combining marks
and zero-width characters included; and call-count tests that pin the cost of adversarial repetitions to the
answer's length (counted Python and C calls, never seconds)."""
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.grading.normalize import normalize

PART = {
    "points": 10,
    "order": ["apologize", "listen", "relocate"],
    "order_points": 1,
    "rubric": [
        {"id": "apologize", "text": "道歉", "points": 2, "match": ["@apologize"]},
        {"id": "listen", "text": "倾听", "points": 2, "match": ["@listen"]},
        {"id": "relocate", "text": "带离现场", "points": 2, "match": [["带离", "请到"], ["接待室", "办公室"]]},
        # The rubric matches a negator itself: those mentions are looked through, not counted as negation.
        {"id": "no-insert", "text": "无需插入", "points": 1, "match": [["不需要", "无需"], ["插入", "移动"]]},
        {"id": "no-blame", "text": "没有推诿", "points": 2, "polarity": "negative", "match": [["推诿", "推卸"]]},
    ],
}
MAX = 10 + 0  # order points are inside the part's 10

# Characters that exercise every path: rubric terms' characters, negators, separators, Latin, and the
# awkward ones (lone surrogates, NUL, controls, zero-width and format characters, combining marks).
PIECES = [
    "道歉", "致歉", "倾听", "耐心听", "带离", "请到", "接待室", "推诿", "不需要", "插入", "没有", "不", "别", "未",
    "顾客", "的", "了", "，", "。", "、", "\n", " ", "\u3000", "sorry", "apologise", "not", "1、", "（", "）",
    "\ud83d", "\udc00", "\x00", "\x07", "\u200b", "\ufeff", "\u0301", "\u20dd", "\U0001f600", "\uffff", "\ue000",
]
awkward_text = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=()), max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=120).map("".join),
)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(awkward_text)
def test_grading_any_text_never_raises_and_stays_in_range(grader, text):
    first = grader.grade(PART, text)
    assert 0 <= first.score <= MAX
    for point in first.points:
        assert 0 <= point.earned <= point.max
        for start, end in point.evidence:
            assert 0 <= start < end <= len(text)
    # The same answer twice gives the same grade.
    assert grader.grade(PART, text).to_dict() == first.to_dict()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(awkward_text)
def test_normalised_offsets_index_the_original(text):
    norm = normalize(text)
    assert len(norm.origin) == len(norm.text)
    assert all(0 <= i < len(text) for i in norm.origin)
    assert norm.origin == sorted(norm.origin)
    # Nothing a grader cannot read survives normalisation.
    assert not any("\ud800" <= c <= "\udfff" or c == "\x00" or c == "\u200b" for c in norm.text)


def test_zero_width_and_format_characters_do_not_hide_a_term(grader):
    result = grader.grade(PART, "先向顾客道\u200b歉，再\ufeff耐心倾\u00ad听")
    assert [p.earned for p in result.points[:2]] == [2, 2]
    start, end = result.points[0].evidence[0]
    assert "道\u200b歉" == "先向顾客道\u200b歉，再\ufeff耐心倾\u00ad听"[start:end]


def test_lone_surrogate_in_an_answer_is_graded(grader):
    result = grader.grade(PART, "投诉 \ud83d 道歉")
    assert result.points[0].earned == 2


def _calls_while_grading(grader, text, stem=None) -> int:
    """Python and C function calls made while grading ``text``: a machine-independent measure of work."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        grader.grade(PART, text, stem=stem)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(
    "unit",
    [
        "没有道歉",  # one negated term, over and over
        "不需要插入没有插入",  # the rubric's own negators: looked through for every mention
        "道歉\n",  # thousands of one-line sentences
        "道歉、",  # a list comma between each mention
        "不",  # a run of single characters (jieba's HMM)
        "至歉",  # a homophone slip, over and over
        "、、、、、、、、没有推诿",  # long walks back over list commas
        "不能道歉，否则道歉，",  # advice against the act and its feared consequence, in one long sentence
        "就算道歉也没用，如果道歉，",  # concessions and conditions
        "道歉只会，道歉的话，",  # warnings after the act
    ],
)
def test_cost_grows_linearly_with_repetition(grader, unit):
    grader.grade(PART, unit)  # compile and warm the caches first
    short = _calls_while_grading(grader, (unit * 2000)[:1000])
    long = _calls_while_grading(grader, (unit * 8000)[:4000])
    # Four times the text: at most a little over four times the work (quadratic would be sixteen).
    assert long <= 5 * short, (short, long)


def test_cost_grows_linearly_on_a_retold_stem(grader):
    stem = "顾客说店员没有道歉，也没有倾听她讲话，只顾着开发票，周围的人都围过来看热闹。"
    grader.grade(PART, stem, stem=stem)
    short = _calls_while_grading(grader, (stem * 200)[:1000], stem)
    long = _calls_while_grading(grader, (stem * 800)[:4000], stem)
    assert long <= 5 * short, (short, long)
