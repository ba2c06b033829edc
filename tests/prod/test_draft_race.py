"""A paper returned to draft while a trainee starts it: one of the two must lose.

set_draft checks that nobody has attempted the paper, then marks it a draft; a start checks that the paper is
published, then makes an attempt. Unlocked, each could pass its check before the other committed, leaving a draft
paper (hidden from trainees) holding an attempt that its trainee can neither see nor finish."""
import threading

from app.authoring import papers_admin
from app.exams import lifecycle
from app.exams.errors import ExamError
from app.extensions import db
from app.models import Attempt, Paper, User


def test_a_start_during_a_return_to_draft_waits_and_is_refused(app, trainee, exam_paper):
    changed, refused = papers_admin.set_draft(exam_paper, True)
    assert changed and refused is None  # checked: no attempt yet; the draft is not committed
    outcome = []

    def start():
        with app.app_context():
            user, paper = db.session.get(User, trainee.id), db.session.get(Paper, exam_paper.id)
            try:
                lifecycle.start_attempt(user, paper)
                db.session.commit()
                outcome.append("started")
            except ExamError as exc:
                db.session.rollback()
                outcome.append(type(exc).__name__)
            finally:
                db.session.remove()

    starter = threading.Thread(target=start)
    starter.start()
    starter.join(timeout=1.0)  # unlocked, the start reads the paper as published and commits its attempt now
    db.session.commit()
    starter.join(timeout=30)
    assert not starter.is_alive()
    db.session.expire_all()
    attempts = db.session.query(Attempt).filter_by(paper_id=exam_paper.id).count()
    assert db.session.get(Paper, exam_paper.id).draft
    assert outcome == ["ExamNotFound"] and attempts == 0, (outcome, attempts)


def test_a_return_to_draft_after_a_committed_start_is_refused(app, trainee, exam_paper):
    lifecycle.start_attempt(trainee, exam_paper)
    db.session.commit()
    changed, refused = papers_admin.set_draft(exam_paper, True)
    assert not changed and refused is not None
    assert not exam_paper.draft
