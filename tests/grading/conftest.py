import pytest

from app.grading import Grader

SYNONYMS = {
    "apologize": ["道歉", "致歉", "赔礼道歉", "表示歉意", "说对不起", "apologize", "sorry"],
    "listen": ["倾听", "聆听", "耐心听"],
    "satisfied": ["顾客满意", "客户满意"],
}


@pytest.fixture(scope="session")
def grader():
    # One Grader for the whole session: jieba's dictionary loads once.
    return Grader(SYNONYMS)


@pytest.fixture(scope="session")
def synonyms():
    return SYNONYMS
