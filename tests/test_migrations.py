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
