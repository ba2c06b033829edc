"""Question.draft and its guarded transitions: publish() and make_draft() change only what they may."""
from app.models import Question
from tests.conftest import single_content
from tests.exams.factories import add_question


def test_a_new_question_is_live_unless_made_a_draft(app, db):
    question = add_question(single_content("gas.live"))
    db.session.commit()
    assert question.draft is False and question.live is True
    stored = db.session.scalar(db.select(Question.draft).where(Question.key == "gas.live"))
    assert stored is False


def test_publish_and_make_draft_each_report_a_change(app, db):
    question = add_question(single_content("gas.d"))
    question.draft = True
    db.session.flush()
    assert question.live is False
    assert question.publish() is True and question.draft is False and question.live is True
    assert question.publish() is False and question.draft is False  # already live: refused
    assert question.make_draft() is True and question.draft is True
    assert question.make_draft() is False and question.draft is True  # already a draft


def test_a_retired_question_is_neither_published_nor_made_a_draft(app, db):
    question = add_question(single_content("gas.r"))
    question.retired, question.draft = True, True
    assert question.publish() is False and question.draft is True
    question.draft = False
    assert question.make_draft() is False and question.draft is False
    assert question.live is False


def test_revise_keeps_the_draft_state(app, db):
    draft = add_question(single_content("gas.d2"))
    draft.draft = True
    assert draft.revise(single_content("gas.d2", stem="改过的题干？")) is not None
    assert draft.draft is True and draft.current.number == 2
    live = add_question(single_content("gas.l2"))
    db.session.flush()
    assert live.revise(single_content("gas.l2", stem="改过的题干？")) is not None
    assert live.draft is False


def test_is_live_selects_neither_drafts_nor_retired(app, db):
    for key, draft, retired in (("a.live", False, False), ("a.draft", True, False), ("a.gone", False, True)):
        question = add_question(single_content(key))
        question.draft, question.retired = draft, retired
    db.session.commit()
    keys = db.session.scalars(db.select(Question.key).where(Question.is_live())).all()
    assert keys == ["a.live"]
