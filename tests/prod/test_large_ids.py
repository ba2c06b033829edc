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


@pytest.mark.parametrize("number", HUGE)
def test_page_numbers_and_form_ids_no_column_holds_are_not_a_500(app, admin_client, number):
    """The query's page number and the forms' chosen ids are not in the route: they reached the database as they came
    (SQLite: 'Python int too large to convert to SQLite INTEGER', a 500 on the users list and the audit log)."""
    assert admin_client.get(f"/admin/users?page={number}").status_code == 200
    assert admin_client.get(f"/admin/audit?page={number}").status_code == 200
    refused = admin_client.post("/admin/pass-rules", data={"paper_id": number, "pass_mark": "60",
                                                           "partner_id": number, "partner_mark": "60"})
    assert refused.status_code == 422
    assert admin_client.post("/admin/pass-rules", data={"delete": number}).status_code == 404
    created = admin_client.post("/admin/classes", data={"name": "一班"})
    cohort = created.headers["Location"].rsplit("/", 1)[1]
    assert admin_client.post(f"/admin/classes/{cohort}/papers", data={"paper_id": number}).status_code == 422
    new_user = admin_client.post("/admin/users/new", data={"username": "lee", "display_name": "Lee", "roles": "trainee",
                                                          "cohorts": number})
    assert new_user.status_code < 500
