"""Fixtures shared by the whole suite: the app on a fresh database per test, clients per role, factories.

The database is SQLite in the test's temporary folder, or the PostgreSQL server named by TEST_DATABASE_URL
(its tables are dropped and made anew for every test).
"""
import os
import textwrap
from pathlib import Path

import pytest
from flask.globals import _cv_app
from flask.testing import FlaskClient

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


def _database_url(tmp_path: Path) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    return url if url else f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path),
        "WTF_CSRF_ENABLED": False,  # tests of CSRF itself turn it back on
        "RATELIMIT_ENABLED": False,
        "BANK_PATH": str(tmp_path / "bank"),
    })
    app.test_client_class = IsolatedClient
    with app.app_context():
        _db.drop_all()
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()
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
