from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from app.extensions import db as _db


def test_upgrade_from_empty_builds_the_models_schema(app, runner):
    _db.drop_all()
    with _db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    assert inspect(_db.engine).get_table_names() == []

    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output

    tables = set(inspect(_db.engine).get_table_names())
    assert {"users", "questions", "question_versions", "papers", "attempts", "responses", "grade_changes"} <= tables
    with _db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), _db.metadata)
    assert diff == [], f"models and migrations differ: {diff}"

    result = runner.invoke(args=["db", "downgrade", "base"])
    assert result.exit_code == 0, result.output
    assert set(inspect(_db.engine).get_table_names()) <= {"alembic_version"}
    with _db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    _db.create_all()  # the fixture's teardown drops what it expects to find


def _empty_database():
    _db.drop_all()
    with _db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def test_point_scores_backfill_from_results_graded_before_it(app, runner):
    """0003 adds point_scores and fills it from the results already stored (case points and objective answers)."""
    import sqlalchemy as sa
    from datetime import datetime, timezone

    _empty_database()
    assert runner.invoke(args=["db", "upgrade", "0002"]).exit_code == 0
    now = datetime(2026, 11, 30, tzinfo=timezone.utc)
    meta = sa.MetaData()
    meta.reflect(bind=_db.engine)
    t = meta.tables
    case = {"type": "case", "topic": "投诉处理", "parts": [{"id": "a", "points": 10, "rubric": []}]}
    single = {"type": "single", "topic": "礼仪", "answer": "A", "options": {"A": "x", "B": "y"}}
    result = {"parts": {"a": {"score": 4.0, "max": 10.0, "flags": [], "answer": "先道歉", "points": [
        {"id": "apologize", "earned": 4.0, "max": 4.0, "evidence": [[0, 2]], "fuzzy": False, "negated": False},
        {"id": "listen", "earned": 0.0, "max": 6.0, "evidence": [], "fuzzy": True, "negated": False}]}}}
    with _db.engine.begin() as conn:
        conn.execute(t["users"].insert(), [{"id": 1, "username": "old", "password_hash": "x", "display_name": "",
                                            "roles": "trainee", "active": True, "created_at": now}])
        conn.execute(t["questions"].insert(), [
            {"id": 1, "key": "c.one", "type": "case", "topic": "投诉处理", "difficulty": 3, "retired": False,
             "created_at": now},
            {"id": 2, "key": "s.one", "type": "single", "topic": "礼仪", "difficulty": 3, "retired": False,
             "created_at": now}])
        conn.execute(t["question_versions"].insert(), [
            {"id": 1, "question_id": 1, "number": 1, "content": case, "content_hash": "a", "created_at": now},
            {"id": 2, "question_id": 2, "number": 1, "content": single, "content_hash": "b", "created_at": now}])
        conn.execute(t["papers"].insert(), [{"id": 1, "key": "p", "title": "P", "kind": "mock", "definition": {},
                                             "content_hash": "c", "active": True, "updated_at": now}])
        conn.execute(t["attempts"].insert(), [{"id": 1, "user_id": 1, "paper_id": 1, "status": "submitted",
                                               "started_at": now, "finished_at": now, "score": 6.0,
                                               "max_score": 12.0}])
        conn.execute(t["attempt_items"].insert(), [
            {"id": 1, "attempt_id": 1, "position": 1, "section": 0, "question_version_id": 1, "points": 10.0},
            {"id": 2, "attempt_id": 1, "position": 2, "section": 0, "question_version_id": 2, "points": 2.0}])
        conn.execute(t["responses"].insert(), [
            {"id": 1, "item_id": 1, "answer": {"a": "先道歉"}, "flagged": False, "score": 4.0, "result": result,
             "needs_review": False},
            {"id": 2, "item_id": 2, "answer": "A", "flagged": False, "score": 2.0, "result": {"correct": True},
             "needs_review": False}])

    result_run = runner.invoke(args=["db", "upgrade"])
    assert result_run.exit_code == 0, result_run.output
    with _db.engine.connect() as conn:
        rows = conn.execute(text("SELECT response_id, part_id, point_id, earned, max, source, fuzzy "
                                 "FROM point_scores ORDER BY response_id, point_id")).all()
    assert [tuple(r) for r in rows] == [
        (1, "a", "apologize", 4.0, 4.0, "auto", False),
        (1, "a", "listen", 0.0, 6.0, "auto", True),
        (2, "", "", 2.0, 2.0, "auto", False),
    ]
    assert runner.invoke(args=["db", "downgrade", "0002"]).exit_code == 0
    assert "point_scores" not in inspect(_db.engine).get_table_names()
    _empty_database()
    _db.create_all()


def test_question_drafts_migration_keeps_existing_questions_live(app, runner):
    """0006 adds questions.draft: every question already stored stays live (draft false); downgrade drops it."""
    import sqlalchemy as sa
    from datetime import datetime, timezone

    _empty_database()
    assert runner.invoke(args=["db", "upgrade", "0004_prod"]).exit_code == 0
    now = datetime(2026, 12, 6, tzinfo=timezone.utc)
    meta = sa.MetaData()
    meta.reflect(bind=_db.engine)
    with _db.engine.begin() as conn:
        conn.execute(meta.tables["questions"].insert(), [
            {"id": 1, "key": "s.live", "type": "single", "topic": "礼仪", "difficulty": 3, "retired": False,
             "created_at": now},
            {"id": 2, "key": "s.gone", "type": "single", "topic": "礼仪", "difficulty": 3, "retired": True,
             "created_at": now}])

    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with _db.engine.connect() as conn:
        rows = conn.execute(text("SELECT key, retired, draft FROM questions ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("s.live", False, False), ("s.gone", True, False)]
    with _db.engine.begin() as conn:  # the server default: a row written without the column is live
        conn.execute(text("INSERT INTO questions (id, key, type, topic, difficulty, retired, created_at) "
                          "VALUES (3, 's.new', 'single', '礼仪', 3, false, '2026-12-06')"))
        assert conn.execute(text("SELECT draft FROM questions WHERE id = 3")).scalar() in (False, 0)

    assert runner.invoke(args=["db", "downgrade", "0004_prod"]).exit_code == 0
    columns = {c["name"] for c in inspect(_db.engine).get_columns("questions")}
    assert "draft" not in columns and "retired" in columns
    _empty_database()
    _db.create_all()


def test_paper_drafts_migration_keeps_existing_papers_published(app, runner):
    """0007 adds papers.draft: every paper already stored stays published (draft false), whatever its state and
    attempts; downgrade drops the column and keeps the papers."""
    import sqlalchemy as sa
    from datetime import datetime, timezone

    _empty_database()
    assert runner.invoke(args=["db", "upgrade", "0006_drafts"]).exit_code == 0
    now = datetime(2026, 12, 7, tzinfo=timezone.utc)
    meta = sa.MetaData()
    meta.reflect(bind=_db.engine)
    t = meta.tables
    with _db.engine.begin() as conn:
        conn.execute(t["users"].insert(), [{"id": 1, "username": "old", "password_hash": "x", "display_name": "",
                                            "roles": "trainee", "active": True, "created_at": now}])
        conn.execute(t["papers"].insert(), [
            {"id": 1, "key": "p.sat", "title": "P", "kind": "mock", "definition": {"sections": []},
             "content_hash": "a", "active": True, "updated_at": now},
            {"id": 2, "key": "p.old", "title": "Q", "kind": "practice", "definition": {"sections": []},
             "content_hash": "b", "active": False, "updated_at": now}])
        conn.execute(t["attempts"].insert(), [{"id": 1, "user_id": 1, "paper_id": 1, "status": "submitted",
                                               "started_at": now, "finished_at": now, "score": 6.0,
                                               "max_score": 12.0}])

    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with _db.engine.connect() as conn:
        rows = conn.execute(text("SELECT key, active, draft FROM papers ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("p.sat", True, False), ("p.old", False, False)]
    with _db.engine.begin() as conn:  # the server default: a paper written without the column is published
        conn.execute(text("INSERT INTO papers (id, key, title, kind, definition, content_hash, active, updated_at) "
                          "VALUES (3, 'p.new', 'N', 'mock', '{}', 'c', true, '2026-12-07')"))
        assert conn.execute(text("SELECT draft FROM papers WHERE id = 3")).scalar() in (False, 0)
        conn.execute(text("UPDATE papers SET draft = true WHERE id = 3"))

    assert runner.invoke(args=["db", "downgrade", "0006_drafts"]).exit_code == 0
    columns = {c["name"] for c in inspect(_db.engine).get_columns("papers")}
    assert "draft" not in columns and "active" in columns
    with _db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM papers")).scalar() == 3
        assert conn.execute(text("SELECT count(*) FROM attempts")).scalar() == 1
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0  # and up again
    with _db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM papers WHERE draft = false")).scalar() == 3
    _empty_database()
    _db.create_all()
