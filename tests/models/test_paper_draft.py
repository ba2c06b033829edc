"""Paper.draft and its guarded transitions (the Publishable mixin Question shares): publish() refuses an inactive
paper, make_draft() also refuses a paper anyone has attempted."""
from app.exams import lifecycle
from app.models import Attempt, Paper
from tests.exams.factories import make_paper


def test_a_paper_is_live_unless_made_a_draft(app, db, exam_bank):
    paper = make_paper()
    assert paper.draft is False and paper.live is True
    stored = db.session.scalar(db.select(Paper.draft).where(Paper.key == "mock-t"))
    assert stored is False


def test_publish_and_make_draft_each_report_a_change(app, db, exam_bank):
    paper = make_paper()
    assert paper.make_draft() is True and paper.draft is True and paper.live is False
    assert paper.make_draft() is False and paper.draft is True  # already a draft
    assert paper.publish() is True and paper.draft is False and paper.live is True
    assert paper.publish() is False and paper.draft is False  # already published


def test_an_inactive_paper_is_neither_published_nor_made_a_draft(app, db, exam_bank):
    paper = make_paper()
    paper.active, paper.draft = False, True
    assert paper.publish() is False and paper.draft is True and paper.live is False
    paper.draft = False
    assert paper.make_draft() is False and paper.draft is False and paper.live is False


def test_a_paper_with_an_attempt_is_not_made_a_draft(app, db, exam_bank, trainee):
    paper = make_paper()
    assert paper.has_attempts() is False
    lifecycle.start_attempt(trainee, paper)
    db.session.commit()
    assert paper.has_attempts() is True
    assert paper.make_draft() is False and paper.draft is False and paper.live is True
    assert db.session.query(Attempt).count() == 1


def test_an_unsaved_paper_has_no_attempts(app, db):
    assert Paper(key="p.new", content_hash="").has_attempts() is False


def test_is_live_selects_neither_drafts_nor_inactive_papers(app, db, exam_bank):
    for key, draft, active in (("p.live", False, True), ("p.draft", True, True), ("p.gone", False, False)):
        paper = make_paper(key=key)
        paper.draft, paper.active = draft, active
    db.session.commit()
    keys = db.session.scalars(db.select(Paper.key).where(Paper.is_live())).all()
    assert keys == ["p.live"]
