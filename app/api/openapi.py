"""``GET /api/openapi.json``: the API described as an OpenAPI 3.1 document (a test checks every route is here)."""
from flask import jsonify

from .base import bp, roles_required


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    text = {400: "Bad input (malformed JSON, wrong answer shape) or missing CSRF header",
            401: "Not signed in / bad token", 403: "Wrong role, or a temporary password not yet changed",
            404: "Not found (or another user's attempt)",
            409: "State forbids it (time is up, already submitted, no attempts left)", 429: "Too many attempts"}
    return {str(c): {"description": text[c], "content": {"application/json": {"schema": _ref("Error")}}}
            for c in codes}


def _path_param(name: str, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string"}}


ATTEMPT_ID = _path_param("attempt_id", "attempt id")
QUESTION_ID = _path_param("question_id", "question id of the bank, e.g. complaints.yogurt-fly")
SECURED = [{"bearer": []}, {"session": []}]

ANSWER = {
    "description": "single: option letter; multiple: list of distinct letters; judge: boolean; "
                   "case: object {part id: text (≤ 5000 chars)} merged into the saved answer; null clears",
    "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "boolean"},
              {"type": "object", "additionalProperties": {"type": "string", "maxLength": 5000}}, {"type": "null"}],
}

SCHEMAS = {
    "Error": {"type": "object", "required": ["error", "message"],
              "properties": {"error": {"type": "string"}, "message": {"type": "string"}}},
    "Token": {"type": "object", "properties": {"token": {"type": "string"}, "token_type": {"const": "Bearer"},
                                               "expires_at": {"type": "string", "format": "date-time"}}},
    "Option": {"type": "object", "properties": {"value": {"type": "string", "description": "the letter to answer"},
                                                "label": {"type": "string", "description": "letter shown"},
                                                "text": {"type": "string"}}},
    "Part": {"type": "object", "properties": {"id": {"type": "string"}, "prompt": {"type": "string"},
                                              "points": {"type": "number"}}},
    "Item": {"type": "object", "properties": {
        "position": {"type": "integer"}, "section": {"type": "integer"}, "question": {"type": "string"},
        "type": {"enum": ["single", "multiple", "judge", "case"]}, "topic": {"type": "string"},
        "stem": {"type": "string", "description": "Markdown"}, "points": {"type": "number"},
        "options": {"type": "array", "items": _ref("Option")}, "parts": {"type": "array", "items": _ref("Part")},
        "answer": ANSWER, "flagged": {"type": "boolean"},
        "saved_at": {"type": ["string", "null"], "format": "date-time"}}},
    "Attempt": {"type": "object", "description": "An attempt as the trainee sees it: never answers or rubrics",
                "properties": {
                    "id": {"type": "integer"}, "status": {"enum": ["started", "submitted", "expired"]},
                    "paper": {"type": "object"}, "started_at": {"type": "string", "format": "date-time"},
                    "deadline": {"type": ["string", "null"], "format": "date-time"},
                    "now": {"type": "string", "format": "date-time"},
                    "remaining_seconds": {"type": ["integer", "null"]},
                    "answered": {"type": "integer"}, "total": {"type": "integer"},
                    "sections": {"type": "array", "items": {"type": "object"}},
                    "items": {"type": "array", "items": _ref("Item")},
                    "graded": {"type": "boolean", "description": "finished and graded: 'result' is there"},
                    "result": _ref("Result")}},
    "Pending": {"type": "object", "required": ["id", "status", "graded", "result_url"],
                "properties": {"id": {"type": "integer"}, "status": {"enum": ["submitted", "expired"]},
                               "graded": {"const": False}, "result_url": {"type": "string"}}},
    "Result": {"type": "object", "description": "After submission: totals, per section and area, each item with the "
                                                "right answer, explanation, rubric points with evidence spans, "
                                                "reference. While an attempt holding the same questions is open, "
                                                "those items are withheld (withheld: true, question and answer "
                                                "only), and so is every figure counting them: the result's score, "
                                                "percent and passed, and their sections' and areas' score and "
                                                "percent (null, with withheld: true)",
               "properties": {"graded": {"const": True}, "withheld": {"type": "boolean"},
                              "score": {"type": ["number", "null"]}, "max_score": {"type": "number"},
                              "percent": {"type": ["number", "null"]}, "passed": {"type": ["boolean", "null"]},
                              "needs_review": {"type": "boolean"}, "focus_losses": {"type": "integer"},
                              "sections": {"type": "array", "items": _ref("Figure")},
                              "areas": {"type": "array", "items": _ref("Figure")},
                              "items": {"type": "array", "items": {"type": "object"}}}},
    "Figure": {"type": "object", "description": "A section (index, title) or an area (topic, percent) of a result",
               "properties": {"score": {"type": ["number", "null"]}, "max": {"type": "number"},
                              "percent": {"type": ["number", "null"]}, "withheld": {"type": "boolean"}}},
    "Question": {"type": "object", "properties": {
        "question": {"type": "string"}, "type": {"type": "string"}, "topic": {"type": "string"},
        "difficulty": {"type": "integer"}, "stem": {"type": "string"},
        "options": {"type": "array", "items": _ref("Option")}, "parts": {"type": "array", "items": _ref("Part")},
        "in_mistake_book": {"type": "boolean"}}},
    "Feedback": {"type": "object", "properties": {
        "correct": {"type": "boolean"}, "score": {"type": "number"}, "max": {"type": "number"},
        "correct_answer": {}, "explanation": {"type": "string"}, "parts": {"type": "array", "items": {"type": "object"}},
        "in_mistake_book": {"type": "boolean"}}},
    "Mistake": {"type": "object", "properties": {
        "id": {"type": "integer"}, "question": {"type": "string"}, "part_id": {"type": ["string", "null"]},
        "due_at": {"type": "string", "format": "date-time"}, "due": {"type": "boolean"},
        "stage": {"type": "integer"}, "correct_streak": {"type": "integer"}, "manual": {"type": "boolean"}}},
}


def _op(summary: str, responses: dict, *, params=(), body=None, secured=True, tags=("exams",)) -> dict:
    if secured:  # any signed-in call: 403 password_change_required until a temporary password is changed
        responses = {**_errors(403), **responses}
    op = {"summary": summary, "tags": list(tags), "responses": responses}
    if params:
        op["parameters"] = list(params)
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    op["security"] = SECURED if secured else []
    return op


PATHS = {
    "/api/auth/token": {
        "post": _op("Exchange username and password for a bearer token (30 days); throttled like the login form, "
                    "and like it sets the device cookie that gives this client its own wrong-password count",
                    {"200": _json(_ref("Token")), **_errors(400, 401, 403, 429)}, secured=False, tags=("auth",),
                    body={"type": "object", "required": ["username", "password"],
                          "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}),
        "delete": _op("Revoke the bearer token of this request", {"204": {"description": "Revoked"},
                                                                  **_errors(400, 401)}, tags=("auth",)),
    },
    "/api/me": {"get": _op("The caller", {"200": _json({"type": "object"}), **_errors(401)}, tags=("auth",))},
    "/api/openapi.json": {"get": _op("This document (any signed-in user)",
                                     {"200": _json({"type": "object"}), **_errors(401)}, tags=("meta",))},
    "/api/papers": {"get": _op("Published papers open to the caller, with attempts left, best score and any open "
                               "attempt",
                               {"200": _json({"type": "object", "properties": {
                                   "papers": {"type": "array", "items": {"type": "object"}}}}),
                                **_errors(401, 403)})},
    "/api/papers/{paper_id}/attempts": {"post": _op(
        "Start an attempt (201), or resume the open one (200); questions are fixed when it starts",
        {"200": _json(_ref("Attempt"), "Resumed"), "201": _json(_ref("Attempt"), "Started"),
         **_errors(400, 401, 403, 404, 409)}, params=[_path_param("paper_id", "paper id of the bank, e.g. mock-1")])},
    "/api/attempts/{attempt_id}": {"get": _op(
        "The attempt (and its result once finished)", {"200": _json(_ref("Attempt")), **_errors(401, 403, 404)},
        params=[ATTEMPT_ID])},
    "/api/attempts/{attempt_id}/answers/{question_id}": {"put": _op(
        "Save an answer and/or the 'flag for review' mark", {
            "200": _json({"type": "object", "properties": {"question": {"type": "string"}, "answer": ANSWER,
                                                           "flagged": {"type": "boolean"},
                                                           "saved_at": {"type": ["string", "null"]}}}),
            **_errors(400, 401, 403, 404, 409)}, params=[ATTEMPT_ID, QUESTION_ID],
        body={"type": "object", "properties": {"answer": ANSWER, "flagged": {"type": "boolean"}},
              "additionalProperties": False})},
    "/api/attempts/{attempt_id}/submit": {"post": _op(
        "Submit and grade (idempotent: a second call returns the same result). With a job queue the grading "
        "may be queued: 202 and where the result will be (GET /api/attempts/{id} has it once 'graded')",
        {"200": _json(_ref("Result")), "202": _json(_ref("Pending"), "Submitted, grading queued"),
         **_errors(400, 401, 403, 404)}, params=[ATTEMPT_ID])},
    "/api/attempts/{attempt_id}/focus": {"post": _op(
        "Count a loss of focus of the exam page (only while open, when the paper tracks it); the first "
        "FOCUS_EVENTS_KEPT are stored with their times. Limited per trainee (FOCUS_RATE_LIMIT)",
        {"200": _json({"type": "object", "properties": {"recorded": {"type": "boolean"},
                                                        "focus_losses": {"type": "integer"}}}),
         **_errors(400, 401, 403, 404, 429)}, params=[ATTEMPT_ID])},
    "/api/practice/next": {"get": _op(
        "The next practice question (null when none fits)", {"200": _json({"type": "object", "properties": {
            "question": {"oneOf": [_ref("Question"), {"type": "null"}]}}}), **_errors(400, 401, 403)},
        params=[{"name": "topic", "in": "query", "schema": {"type": "string"}},
                {"name": "difficulty", "in": "query", "schema": {"type": "string"}, "description": "3 or 2-4"},
                {"name": "mistakes", "in": "query", "schema": {"enum": ["0", "1"]},
                 "description": "1: from the 错题本 (due first)"}], tags=("practice",))},
    "/api/practice/{question_id}/answer": {"post": _op(
        "Answer a practice question: immediate feedback with the solution; updates the 错题本",
        {"200": _json(_ref("Feedback")), **_errors(400, 401, 403, 404, 409, 429)}, params=[QUESTION_ID],
        body={"type": "object", "required": ["answer"], "properties": {"answer": ANSWER}}, tags=("practice",))},
    "/api/mistakes": {
        "get": _op("The open entries of the 错题本", {"200": _json({"type": "object", "properties": {
            "entries": {"type": "array", "items": _ref("Mistake")}, "due": {"type": "integer"}}}),
            **_errors(400, 401, 403)},
            params=[{"name": "due", "in": "query", "schema": {"enum": ["0", "1"]}}], tags=("practice",)),
        "post": _op("Add a question to the 错题本 by hand (409: it is in the caller's open attempt)",
                    {"201": _json(_ref("Mistake")), **_errors(400, 401, 403, 404, 409)},
                    body={"type": "object", "required": ["question"], "properties": {"question": {"type": "string"}}},
                    tags=("practice",)),
    },
    "/api/history": {"get": _op("All attempts of the caller (score null and withheld: true for one holding a question "
                                "of an open attempt)", {"200": _json({"type": "object"}), **_errors(401, 403)},
                                tags=("progress",))},
    "/api/progress": {"get": _op("Scores over time and mastery per area", {"200": _json({"type": "object"}),
                                                                          **_errors(401, 403)}, tags=("progress",))},
    "/api/dashboard": {"get": _op("Open papers, 错题本 due count, practice areas", {"200": _json({"type": "object"}),
                                                                                **_errors(401, 403)},
                                  tags=("progress",))},
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "客户服务管理师 考试训练平台 API", "version": "1.0",
             "description": "Mock exams, practice and the 错题本 for trainees. Authenticate with a bearer token "
                            "(POST /api/auth/token) or the browser session; session calls that change something "
                            "send the CSRF token in the X-CSRFToken header. Errors are JSON {error, message}."},
    "servers": [{"url": "/"}],
    "paths": PATHS,
    "components": {
        "schemas": SCHEMAS,
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer", "description": "token from POST /api/auth/token"},
            "session": {"type": "apiKey", "in": "cookie", "name": "session",
                        "description": "browser session; unsafe methods also need the X-CSRFToken header"},
        },
    },
}


@bp.route("/openapi.json")
@roles_required()
def openapi_document():
    """For signed-in users (every view of the site is guarded, documentation included)."""
    return jsonify(DOCUMENT)
