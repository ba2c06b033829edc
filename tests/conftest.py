"""Fixtures shared by the whole suite: the app on an empty database per test, clients per role, factories.

The database is SQLite in the session's temporary folder, or the PostgreSQL server named by TEST_DATABASE_URL.
Its schema is made once per session; after each test every table is emptied (one TRUNCATE on PostgreSQL), which
is far cheaper than dropping and creating the tables for every test. Passwords are hashed with cheap argon2
parameters (ARGON2_PARAMS): the suite tests our code, not argon2's cost.
"""
import os
import textwrap
from pathlib import Path

import pytest
from flask.globals import _cv_app
from flask.testing import FlaskClient
from sqlalchemy import inspect, text

from app import create_app
from app.extensions import db as _db

PASSWORD = "correct horse battery"
ROOT = Path(__file__).resolve().parent.parent


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context, as in production.

    Tests keep an app context open for their own queries; without this, requests would share its ``g``
    (the signed-in user, the chosen language) and its database session.
    """

    def open(self, *args, **kwargs):
        token = _cv_app.set(None)
        try:
            return super().open(*args, **kwargs)
        finally:
            _cv_app.reset(token)


# argon2's smallest legal cost: hashing takes microseconds instead of a tenth of a second.
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}


@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id) -> str:
    """SQLite in this session's (this xdist worker's) temporary folder; with TEST_DATABASE_URL, that PostgreSQL
    database, or under pytest-xdist one database per worker made beside it (``test_gw0``, ``test_gw1``...)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    if worker_id == "master":
        return url
    return _worker_database(url, worker_id)


def _worker_database(url: str, worker_id: str) -> str:
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker_id}"
    import psycopg

    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def _schema(database_url):
    """The tables, made once for the session (from the models; tests/test_migrations.py checks that the
    migrations build the same schema)."""
    setup = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "schema"})
    with setup.app_context():
        _db.drop_all()
        with _db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        _db.create_all()
        _db.engine.dispose()
    yield
    with setup.app_context():
        _db.drop_all()
        _db.engine.dispose()


def _empty_every_table() -> None:
    tables = [t for t in reversed(_db.metadata.sorted_tables)]
    with _db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t.name}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def app(tmp_path, database_url, _schema):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,  # tests of CSRF itself turn it back on
        "RATELIMIT_ENABLED": False,
        "ARGON2_PARAMS": CHEAP_ARGON2,
        "BANK_PATH": str(tmp_path / "bank"),
    })
    app.test_client_class = IsolatedClient
    with app.app_context():
        yield app
        _db.session.remove()
        if not set(_db.metadata.tables) <= set(inspect(_db.engine).get_table_names()):
            _db.create_all()  # a migration test left the schema half-made
        _empty_every_table()
        _db.engine.dispose()


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    from app.auth.services import create_user

    counter = iter(range(1, 10_000))

    def make(username=None, roles=("trainee",), password=PASSWORD, display_name=""):
        user = create_user(username or f"user{next(counter)}", password, roles, display_name)
        _db.session.commit()
        return user

    return make


@pytest.fixture
def login(app):
    """``login(user)`` gives a new test client signed in as ``user``."""

    def sign_in(user, password=PASSWORD):
        c = app.test_client()
        response = c.post("/login", data={"username": user.username, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        return c

    return sign_in


@pytest.fixture
def trainee(make_user):
    return make_user("trainee1", roles=("trainee",))


@pytest.fixture
def trainee_client(login, trainee):
    return login(trainee)


@pytest.fixture
def instructor_client(login, make_user):
    return login(make_user("instructor1", roles=("instructor",)))


@pytest.fixture
def admin_client(login, make_user):
    return login(make_user("admin1", roles=("admin",)))


def case_content(qid="complaints.sample", rubric_points=(("apologize", "道歉", 4), ("listen", "倾听", 6)), **extra):
    """A valid case question as the bank stores it."""
    content = {
        "id": qid, "type": "case", "topic": "投诉处理", "difficulty": 3, "tags": [],
        "stem": "顾客在商场投诉。",
        "parts": [{
            "id": "a", "prompt": "应该怎么做？", "points": sum(p for _, _, p in rubric_points),
            "reference": "先道歉，再倾听。",
            "rubric": [{"id": pid, "text": term, "points": pts, "match": [[term]]} for pid, term, pts in rubric_points],
        }],
    }
    content.update(extra)
    return content


def single_content(qid="gas.main", topic="公用事业服务", answer="A", **extra):
    content = {"id": qid, "type": "single", "topic": topic, "difficulty": 2, "tags": [],
               "stem": "天然气的主要成分？", "options": {"A": "甲烷", "B": "乙烷", "C": "丙烷"},
               "answer": answer, "points": 1, "explanation": "甲烷占大部分。"}
    content.update(extra)
    return content


@pytest.fixture
def make_question(app):
    """``make_question(content=None, **fields)``: a Question with one version, committed."""
    from tests.exams.factories import add_question

    def make(content=None, **fields):
        question = add_question(dict(content or single_content(), **fields))
        _db.session.commit()
        return question

    return make


@pytest.fixture
def make_paper(app):
    """``make_paper(key, **definition)``: a committed paper (tests/exams/factories.make_paper)."""
    from tests.exams.factories import make_paper

    return make_paper


@pytest.fixture
def write_bank(tmp_path):
    """``write_bank({"name.yaml": "yaml text", ...})`` writes a bank folder and returns its path."""

    def write(files: dict, folder="bank"):
        root = tmp_path / folder
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return root

    return write


@pytest.fixture
def exam_bank(app):
    """A small bank in the database: objective items of each type and a case question (tests/exams/factories)."""
    from tests.exams.factories import seed_bank

    return seed_bank()


@pytest.fixture
def exam_paper(exam_bank):
    from tests.exams.factories import make_paper

    return make_paper()


@pytest.fixture
def count_queries(app):
    """``with count_queries() as counted: ...`` then ``counted.n``: the SQL statements run inside the block."""
    from contextlib import contextmanager

    from sqlalchemy import event

    class Counter:
        n = 0
        statements: list

    @contextmanager
    def counting():
        counter = Counter()
        counter.statements = []

        def before(conn, cursor, statement, parameters, context, executemany):
            counter.n += 1
            counter.statements.append(statement)

        event.listen(_db.engine, "before_cursor_execute", before)
        try:
            yield counter
        finally:
            event.remove(_db.engine, "before_cursor_execute", before)

    return counting
