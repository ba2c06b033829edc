"""Finished attempts of the exams' test paper (tests/exams/factories) for the marking pages."""
import pytest

from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
from app.models import Cohort, Response


@pytest.fixture
def instructor(make_user):
    return make_user("teacher1", roles=("instructor",), display_name="王老师")


@pytest.fixture
def teacher_client(login, instructor):
    return login(instructor)


@pytest.fixture
def taught_class(db, instructor):
    """The class teacher1 teaches. An instructor marks only the work of their own classes' trainees
    (app/reach.py), so ``finish`` enrols each trainee here unless told otherwise."""
    cohort = Cohort(name="王老师的班", members=[instructor])
    db.session.add(cohort)
    db.session.commit()
    return cohort


@pytest.fixture
def finish(db, taught_class):
    """``finish(user, paper, {question key: answer}, cohort=taught_class)``: a submitted, graded attempt by a trainee
    enrolled in ``cohort`` (teacher1's class by default; None: enrolled nowhere new)."""

    def make(user, paper, answers, cohort=taught_class):
        if cohort is not None and user not in cohort.members:
            cohort.members.append(user)
        attempt, _ = start_attempt(user, paper)
        for key, answer in answers.items():
            save_answer(attempt, key, answer)
        submit_attempt(attempt)
        db.session.commit()
        return attempt

    return make


def case_response(attempt) -> Response:
    return next(i.response for i in attempt.items if i.version.content["type"] == "case")
