"""A pattern guarded by its first characters finds exactly what the plain pattern finds."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.grading import negation
from app.grading.first_chars import compile_guarded, first_chars

GUARDED = [negation._CLOSES, negation._CLOSES_NO_MATTER, negation._CLOSES_ENOUGH, negation._CLOSES_PRAISE,
           negation._CLOSES_CONDEMNED, negation._CLOSES_CANNOT_TELL]
_GUARD = re.compile(r"^\(\?=\[[^\]]*\]\)\(\?:(.*)\)$", re.S)


def plain(guarded: re.Pattern) -> re.Pattern:
    match = _GUARD.match(guarded.pattern)
    assert match, f"not guarded: {guarded.pattern[:40]}"
    return re.compile(match.group(1))


def test_optional_words_before_the_first_required_one_count():
    assert first_chars(r"(?:很|挺)?正常") == frozenset("很挺正")
    assert first_chars(r"(?<!不是)(?:也|都)?没事[了的]*$") == frozenset("也都没")
    assert first_chars(r"[一两几](?:个|次)?而已|罢了") == frozenset("一两几罢")


def test_no_bound_where_any_character_may_start_a_match():
    assert first_chars(r"[\u4e00-\u9fff]{1,4}而已") is None  # every Chinese character
    assert first_chars(r"[^，。]+了") is None
    assert first_chars(r"(?:很)?") is None  # can match nothing
    assert first_chars(r"(?i)ok") is None and first_chars(r"(?i:ok)") is None
    assert compile_guarded(r"[\u4e00-\u9fff]而已").pattern == r"[\u4e00-\u9fff]而已"


# Text in which the verdicts occur: their own words, particles and the clause's usual words around them.
WORDS = ["很正常", "正常", "也没关系", "没必要", "没什么意义", "已经够细了", "够了", "也就一两次", "一个差评而已", "挺好的",
         "不可取", "都是表面功夫", "谁看得出来", "也感觉不到", "根本看不出", "也是白讲", "无所谓", "算了", "不重要", "没那么重要", "的", "了", "吧", "呢", "也", "都",
         "不", "没", "是", "很", "挺", "就", "推诿", "顾客", "道歉", "评分表", "，", "几", "个", "次", "而已", "罢了"]
clauses = st.one_of(st.lists(st.sampled_from(WORDS), max_size=12).map("".join),
                    st.text(alphabet="".join(sorted(set("".join(WORDS)))), max_size=24))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(clauses)
def test_guarded_verdicts_match_as_the_plain_ones(clause):
    for guarded in GUARDED:
        found, expected = guarded.search(clause), plain(guarded).search(clause)
        assert (found and found.span()) == (expected and expected.span())
