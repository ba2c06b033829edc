"""The HMM word guesser gives jieba's own words (``finalseg.cut``) on any run of Chinese characters."""
from hypothesis import given, settings
from hypothesis import strategies as st

from app.grading.hmm import finalseg, hmm_cut

# Frequent characters (whose emissions differ by state), rare ones, and characters outside the model.
COMMON = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道"
runs = st.one_of(
    st.text(alphabet=COMMON, min_size=1, max_size=30),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5), min_size=1, max_size=30),
    st.lists(st.sampled_from(["顾客", "道歉", "丄", "乁", "不", "的", "刘", "某某"]), min_size=1, max_size=12).map("".join),
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(runs)
def test_hmm_cut_gives_jiebas_words(run):
    assert hmm_cut(run) == list(finalseg.cut(run))


def test_ties_go_to_the_later_state_as_in_jieba():
    # A character outside the model has the same (missing) emission in every state: the path is decided by the
    # transitions and by jieba's tie-break alone.
    for run in ("丄", "丄乁", "丄乁丄乁丄", "的丄的"):
        assert hmm_cut(run) == list(finalseg.cut(run))
