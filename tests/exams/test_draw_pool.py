"""The draw pool: built once per bank state, rebuilt when a question gets a new version, is retired or comes
back, and a start reads the bank in a few statements whatever the number of draw specs."""
import random

from app.exams import draw_pool
from app.exams.drawing import paper_questions
from app.extensions import db
from app.models import Question
from tests.exams.factories import make_paper, seed_bank


def keys(qtype):
    return [c.key for c in draw_pool.candidates(qtype)]


def test_the_pool_follows_new_versions_and_retirement(app):
    seed_bank()
    db.session.commit()
    judges = keys("judge")
    assert judges and all(Question.by_key(k).type == "judge" for k in judges)
    question = Question.by_key(judges[0])
    question.retired = True
    db.session.commit()
    assert judges[0] not in keys("judge")
    content = dict(question.current.content, topic="新的知识点")
    question.revise(content)  # a new version brings it back, with its new summary
    db.session.commit()
    found = next(c for c in draw_pool.candidates("judge") if c.key == judges[0])
    assert found.found["topic"] == "新的知识点" and found.version_id == question.current.id


def test_a_start_draws_with_a_bounded_number_of_statements(app, count_queries):
    seed_bank()
    paper = make_paper(sections=[{"title": "单选", "draw": {"type": "single", "count": 2, "topic": "公用事业服务"}},
                                 {"title": "判断", "draw": [{"type": "judge", "count": 1}] * 3}])
    db.session.commit()
    paper_questions(paper, random.Random(1))  # the pool is built once
    with count_queries() as one:
        drawn = paper_questions(paper, random.Random(2))
    assert len(drawn) == 5 and one.n <= 4, one.statements  # fingerprint x 4 specs would be 8+
