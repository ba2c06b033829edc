"""Finished attempts of the exams' test paper (tests/exams/factories) for the marking pages."""
import pytest

from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
from app.models import Response


@pytest.fixture
def instructor(make_user):
    return make_user("teacher1", roles=("instructor",), display_name="王老师")


@pytest.fixture
def teacher_client(login, instructor):
    return login(instructor)


@pytest.fixture
def finish(db):
    """``finish(user, paper, {question key: answer})``: a submitted, graded attempt."""

    def make(user, paper, answers):
        attempt, _ = start_attempt(user, paper)
        for key, answer in answers.items():
            save_answer(attempt, key, answer)
        submit_attempt(attempt)
        db.session.commit()
        return attempt

    return make


def case_response(attempt) -> Response:
    return next(i.response for i in attempt.items if i.version.content["type"] == "case")
