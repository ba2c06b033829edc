import pytest

from tests.exams.factories import make_paper, seed_bank


@pytest.fixture
def exam_bank(app):
    return seed_bank()


@pytest.fixture
def exam_paper(exam_bank):
    return make_paper()
