"""An answer that repeats one term thousands of times: each occurrence of a two-character term costs a word-boundary
check, and only a term's first occurrences can be weighed (a group weighs its first 64 mentions)."""
from app.grading import answer as answer_module
from app.grading.matches import MAX_TERM_SPANS

APOLOGY = {"points": 2, "rubric": [{"id": "apologize", "text": "道歉", "points": 2, "match": ["道歉"]}]}
MISMATCH = {"points": 2, "rubric": [{"id": "mismatch", "text": "货不对板", "points": 2, "match": ["不符"]}]}
SCENE = {"points": 2, "rubric": [{"id": "scene", "text": "现场", "points": 2, "match": ["现场"]}]}


def counted_calls(monkeypatch, method: str) -> list[int]:
    """The start offsets AnswerView.<method> is called with, from now on."""
    calls = []
    original = getattr(answer_module.AnswerView, method)

    def counted(self, start, end):
        calls.append(start)
        return original(self, start, end)

    monkeypatch.setattr(answer_module.AnswerView, method, counted)
    return calls


def test_a_repeated_term_is_checked_a_bounded_number_of_times(grader, monkeypatch):
    checks = counted_calls(monkeypatch, "straddles")
    result = grader.grade(APOLOGY, "我们要向顾客道歉。" * 2000)  # 2,000 occurrences
    assert result.score == 2
    assert len(checks) <= MAX_TERM_SPANS


def test_the_bound_changes_no_grade_of_a_negated_repetition(grader):
    assert grader.grade(APOLOGY, "没有道歉。" * 1000).score == 0


def test_homophone_candidates_are_checked_a_bounded_number_of_times(grader, monkeypatch):
    # 不 can read fou, so 不不 reads like 不符 at every position of 不不不…: each candidate costs a boundary check.
    checks = counted_calls(monkeypatch, "on_boundaries")
    grader.grade(MISMATCH, "不" * 3000)
    assert 0 < len(checks) <= MAX_TERM_SPANS


def test_a_straddling_repetition_is_checked_a_bounded_number_of_times(grader, monkeypatch):
    # Every 现场 here cuts across 表现|场面, so none is kept: the look-up must stop all the same.
    checks = counted_calls(monkeypatch, "straddles")
    assert grader.grade(SCENE, "他的表现场面很大，" * 1000).score == 0
    assert 0 < len(checks) <= MAX_TERM_SPANS


def test_a_repeated_head_word_is_looked_at_a_bounded_number_of_times(grader, monkeypatch):
    # 我能理解 is found with a filler after its head (我特别能理解): 我也 thousands of times, each time followed by
    # a filler but not by the rest of the term, must not be looked at thousands of times.
    from app.grading import matches
    looked = []
    original = matches.InsertedMatch._gap_ends

    def counted(self, text, start):
        looked.append(start)
        return original(self, text, start)

    monkeypatch.setattr(matches.InsertedMatch, "_gap_ends", counted)
    part = {"points": 2, "rubric": [{"id": "feel", "text": "理解", "points": 2, "match": ["我能理解"]}]}
    grader.grade(part, "我也。" * 3000 + "我能理解。")
    assert 0 < len(looked) <= MAX_TERM_SPANS



def test_a_term_with_a_character_the_answer_lacks_is_looked_for_by_no_exact_kind(grader, monkeypatch):
    from app.grading import matches

    looked = []
    for kind in matches.EXACT_KINDS:
        original = kind.find

        def counted(answer, term, original=original, name=kind.name):
            looked.append((name, term.text))
            return original(answer, term)

        monkeypatch.setattr(kind, "find", counted)
    part = {"points": 4, "rubric": [
        {"id": "relocate", "text": "带离现场", "points": 2, "match": ["带离现场"]},
        {"id": "apologize", "text": "道歉", "points": 2, "match": ["道歉"]}]}
    result = grader.grade(part, "先向顾客道歉，再带她离开。" * 50)  # 场 and 现 never appear
    assert [p.earned for p in result.points] == [0, 2]
    assert looked and all(text != "带离现场" for _, text in looked)


def test_no_reading_is_looked_up_when_no_homophone_window_can_exist(grader, monkeypatch):
    looked_up = []

    class Recording(answer_module.LazyReadingIndex):
        def get(self, reading, default=()):
            looked_up.append(reading)
            return super().get(reading, default)

    monkeypatch.setattr(answer_module, "LazyReadingIndex", Recording)
    part = {"points": 2, "rubric": [{"id": "apologize", "text": "致歉", "points": 2, "match": ["致歉"]}]}
    assert grader.grade(part, "我们会把这件事处理好。").score == 0  # neither 致 nor 歉: no window reads 致歉
    assert looked_up == []
    assert grader.grade(part, "我们向顾客至歉。").score == 2  # 歉 is there: 至歉 is a slip for 致歉
    assert "qian" in looked_up


def test_the_lazy_reading_index_gives_what_the_whole_index_gives():
    from app.grading.pinyin_slips import LazyReadingIndex, reading_index

    text = "我们向顾客至歉，质检员致电回访，支持顾客。重庆的重量，长长的队伍。abc１２３"
    whole = reading_index(text)
    lazy = LazyReadingIndex(text, frozenset(text))
    for reading in set(whole) | {"zhi", "chong", "zhong", "nothing"}:
        assert list(lazy.get(reading, ())) == list(whole.get(reading, ())), reading
