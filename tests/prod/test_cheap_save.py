"""A save is as cheap as its work: a couple of statements, never the attempt's graph; a submit's statements do not
grow with the number of items (counted, not timed)."""
from contextlib import contextmanager

from sqlalchemy import event

from app.exams import lifecycle
from app.extensions import db
from app.models import Attempt, Response
from tests.exams.factories import make_paper


@contextmanager
def statements():
    seen = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _keys(attempt):
    return {item.version.question.key: item.version.content["type"] for item in attempt.items}


def test_a_save_is_a_read_and_an_upsert(trainee, exam_paper):
    attempt, _ = lifecycle.start_attempt(trainee, exam_paper)
    db.session.commit()
    keys = _keys(attempt)
    single = next(k for k, t in keys.items() if t == "single")
    case = next(k for k, t in keys.items() if t == "case")
    attempt_id = attempt.id
    db.session.expire_all()
    assert trainee.id  # the request's user is loaded before the save (by its token)
    with statements() as seen:
        saved = lifecycle.save_by_id(trainee, attempt_id, single, "A")
    assert saved.answer == "A"
    assert len(seen) <= 3, seen  # SQLite: + the write-lock UPDATE; PostgreSQL: FOR SHARE instead
    assert not any("attempt_items.position" in s and "ORDER BY" in s for s in seen)  # no graph load
    lifecycle.save_by_id(trainee, attempt.id, case, {"a": "先道歉"})
    merged = lifecycle.save_by_id(trainee, attempt.id, case, {"b": "再回访"})
    assert merged.answer == {"a": "先道歉", "b": "再回访"}  # case parts merge
    db.session.commit()
    stored = {r.answer if not isinstance(r.answer, dict) else tuple(sorted(r.answer))
              for r in db.session.query(Response)}
    assert stored == {"A", ("a", "b")}


def test_a_save_after_the_submit_is_refused(trainee, exam_paper):
    attempt, _ = lifecycle.start_attempt(trainee, exam_paper)
    db.session.commit()
    key = next(iter(_keys(attempt)))
    lifecycle.submit_attempt(attempt)
    db.session.commit()
    try:
        lifecycle.save_by_id(trainee, attempt.id, key, "A")
    except lifecycle.AttemptStateError as exc:
        assert "finished" in str(exc)
    else:
        raise AssertionError("a save after the submit was accepted")


def _submit_statements(trainee, paper) -> list[str]:
    attempt, _ = lifecycle.start_attempt(trainee, paper)
    db.session.commit()
    for key, kind in _keys(attempt).items():
        answer = {"single": "A", "multiple": ["A", "B"], "judge": True}.get(kind, {"a": "先向顾客道歉"})
        lifecycle.save_by_id(trainee, attempt.id, key, answer)
    db.session.commit()
    db.session.expire_all()
    found = db.session.get(Attempt, attempt.id)
    with statements() as seen:
        lifecycle.submit_attempt(found)
        db.session.flush()
    db.session.commit()
    assert found.status == "submitted" and found.score is not None
    return seen


def test_submit_statements_do_not_grow_with_the_items(trainee, make_user, exam_bank):
    small = make_paper("small", sections=[{"title": "a", "draw": {"type": "single", "count": 2}}])
    large = make_paper("large", sections=[{"title": "a", "draw": {"type": "single", "count": 6}},
                                          {"title": "b", "draw": {"type": "judge", "count": 3}}])
    few = _submit_statements(trainee, small)
    many = _submit_statements(make_user("second"), large)

    def reads_and_updates(seen):
        return [s for s in seen if not s.startswith("INSERT")]

    assert len(reads_and_updates(many)) == len(reads_and_updates(few))
    if db.engine.dialect.name == "postgresql":  # SQLite's driver inserts one row per statement
        assert len(many) <= len(few) + 1, (few, many)
