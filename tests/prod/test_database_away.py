"""The database away for a moment: 503 (JSON for the API, the static page for people), nothing half-written,
and the site answers again when it is back, without a restart."""
import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from app.extensions import db
from app.models import Response
from tests.api.helpers import bearer, get_token, item_by_type


class Outage:
    """Every new connection fails, and the pooled ones are dropped, as when PostgreSQL restarts."""

    def __init__(self, engine):
        self.engine, self.down = engine, False
        event.listen(engine, "do_connect", self._connect)

    def _connect(self, dialect, conn_rec, cargs, cparams):
        if self.down:
            raise OperationalError("connect", {}, ConnectionRefusedError("database away (test)"))
        return None

    def __enter__(self):
        self.down = True
        db.session.remove()  # give the test's own connection back first: dispose() closes only those in the pool
        self.engine.dispose()
        return self

    def __exit__(self, *exc):
        self.down = False
        event.remove(self.engine, "do_connect", self._connect)


@pytest.fixture
def started(app, client, trainee, exam_paper):
    token = get_token(client, trainee)
    attempt = client.post(f"/api/papers/{exam_paper.key}/attempts", headers=bearer(token)).json
    return token, attempt


def test_database_away_is_a_503_then_recovers(app, client, trainee_client, started):
    token, attempt = started
    key = item_by_type(attempt, "single")["question"]
    path = f"/api/attempts/{attempt['id']}/answers/{key}"
    with Outage(db.engine):
        api = client.put(path, json={"answer": "A"}, headers=bearer(token))
        page = trainee_client.get("/dashboard")
        anonymous = app.test_client().get("/login")
    assert api.status_code == 503 and api.json["error"] in ("busy", "unavailable")
    assert page.status_code == 503 and "暂时无法访问" in page.get_data(as_text=True)
    assert anonymous.status_code in (200, 503)
    db.session.expire_all()
    assert db.session.query(Response).count() == 0  # nothing half-written

    again = client.put(path, json={"answer": "A"}, headers=bearer(token))  # back, same process
    assert again.status_code == 200
    assert trainee_client.get("/dashboard").status_code == 200


def test_the_error_page_needs_no_database(app, trainee_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    app.view_functions["exams.dashboard"] = broken
    response = trainee_client.get("/dashboard")
    assert response.status_code == 500
    assert "暂时无法访问" in response.get_data(as_text=True)
    assert app.test_client().get("/nowhere", headers={"Accept": "application/json"}).status_code == 404
