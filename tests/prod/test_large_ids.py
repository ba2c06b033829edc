"""Ids past what an integer column holds, in every route that takes one (the URL map's <int:...> and the API's
string ids): a 404, never a 500 (SQLite raised OverflowError, PostgreSQL 'integer out of range')."""
import re

import pytest

from tests.api.helpers import bearer, get_token
from tests.prod.test_matrix import ROUTES

HUGE = ["2147483648", "99999999999999999999", "4611686018427387904"]


@pytest.mark.parametrize("number", HUGE)
def test_int_routes_answer_404_for_ids_no_column_holds(app, instructor_client, admin_client, trainee_client, number):
    failures = []
    for rule, method, _endpoint in ROUTES:
        if "<int:" not in rule or method != "GET":
            continue
        url = re.sub(r"<[^>]+>", "x", re.sub(r"<int:\w+>", number, rule))
        for client in (instructor_client, admin_client, trainee_client):
            code = client.get(url).status_code
            if code >= 500 or code == 200:
                failures.append((url, code))
    assert failures == []


@pytest.mark.parametrize("number", HUGE)
def test_api_ids_no_column_holds_are_404(client, trainee, number):
    headers = bearer(get_token(client, trainee))
    assert client.get(f"/api/attempts/{number}", headers=headers).status_code == 404
    assert client.put(f"/api/attempts/{number}/answers/complaints.case", json={"answer": None},
                      headers=headers).status_code == 404
    assert client.post(f"/api/attempts/{number}/submit", headers=headers).status_code == 404
    assert client.post(f"/api/attempts/{number}/focus", headers=headers).status_code == 404
