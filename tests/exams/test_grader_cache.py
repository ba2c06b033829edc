"""The process's Grader knows every stored rubric's terms, and is rebuilt when a rubric or synonym set changes."""
from app.scoring import current_grader
from tests.conftest import case_content


def test_the_grader_learns_stored_rubrics_and_is_rebuilt_for_a_new_version(app, db, make_question):
    question = make_question(case_content("complaints.cache", rubric_points=(("a", "回访跟进", 10),)))
    first = current_grader()
    assert first.segmenter.tokenizer.FREQ.get("回访跟进")  # learned before anything was graded
    assert current_grader() is first  # nothing changed: the same Grader

    question.revise(case_content("complaints.cache", rubric_points=(("a", "上门致歉", 10),)))
    db.session.commit()
    second = current_grader()
    assert second is not first and second.segmenter.tokenizer.FREQ.get("上门致歉")
