"""Input checks at the edge, before any view: text that no database stores (NUL, lone surrogates) and JSON
nested deeper than any request of the app needs are refused with 400, in time linear in the input.

Views and forms can then trust that every string they see is storable. Python's own JSON parser recurses once per
level: a few hundred thousand ``[`` would exhaust the stack (a 500 even before sign-in), so the depth is measured
by a flat scan before parsing."""
from __future__ import annotations

import json
import re

from flask import Flask, current_app, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter

from .grading.messages import N_

MAX_JSON_DEPTH = 32
MAX_ID = 2 ** 31 - 1  # the largest id an integer column holds (PostgreSQL's integer; SQLite's is wider)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
# The 400s' descriptions: English in the API's JSON, translated on the error page (errors.PAGE_MESSAGES).
ADDRESS_UNSTORABLE = N_("the address contains a NUL character or an invalid code point")
FORM_UNSTORABLE = N_("a form field contains a NUL character or an invalid code point")
# What the edge says of a JSON body, translated in the answer as the pages' messages are (app/errors.py)
JSON_UNSTORABLE = N_("text must not contain NUL characters or unpaired surrogates")
JSON_NOT_UTF8 = N_("the body is not valid UTF-8")
JSON_TOO_DEEP = N_("JSON nested deeper than %(n)s levels")


class BoundedInteger(IntegerConverter):
    """``<int:...>`` in every route: an id past what a column holds matches no route (404). Unbounded, it reached
    the database and raised (OverflowError on SQLite, out of range on PostgreSQL): a 500."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):  # noqa: A002 (werkzeug's names)
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def column_int(value) -> int:
    """``type=column_int`` for ``request.args.get``/``form.get``: a page number or an id chosen in a form, as an int a
    column holds (1 to MAX_ID), else ValueError (werkzeug then returns the default). Taken as ``int`` they reached
    the database as they came: 99999999999999999999 was a 500."""
    number = int(value)
    if not 0 < number <= MAX_ID:
        raise ValueError(f"{value!r} is not a number from 1 to {MAX_ID}")
    return number


class InputRejected(ValueError):
    """Request input the app refuses at the edge; the message says why (shown in the 400)."""


def unstorable(text: str) -> bool:
    return _UNSTORABLE.search(text) is not None


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (strings skipped), without parsing it."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _check_value(value, depth: int = 0) -> None:
    """Every string (keys too) of parsed JSON is storable. Iterative in effect: depth is already bounded."""
    if isinstance(value, str):
        if unstorable(value):
            raise InputRejected(JSON_UNSTORABLE)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_value(key, depth + 1)
            _check_value(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_value(item, depth + 1)


class EdgeJSONProvider(DefaultJSONProvider):
    """Flask's JSON with the edge's limits on what it reads (request bodies)."""

    max_depth = MAX_JSON_DEPTH

    def loads(self, s, **kwargs):
        if isinstance(s, (bytes, bytearray)):
            try:
                s = s.decode("utf-8")
            except UnicodeDecodeError:
                raise InputRejected(JSON_NOT_UTF8) from None
        if json_depth(s) > self.max_depth:
            raise InputRejected(JSON_TOO_DEEP % {"n": self.max_depth})
        value = json.loads(s, **kwargs)
        _check_value(value)
        return value


def _check_texts() -> None:
    for source in (request.view_args or {}, request.args):
        for key, value in source.items():
            if (isinstance(key, str) and unstorable(key)) or (isinstance(value, str) and unstorable(value)):
                raise BadRequest(ADDRESS_UNSTORABLE)
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            for key, value in request.form.items(multi=True):
                if unstorable(key) or unstorable(value):
                    raise BadRequest(FORM_UNSTORABLE)
        elif request.is_json:
            try:
                current_app.json.loads(request.get_data(cache=True))
            except InputRejected as exc:
                raise BadRequest(str(exc)) from None
            except ValueError:
                pass  # not JSON at all: the view says what it expected


def register(app: Flask) -> None:
    """Call before the other extensions' before_request hooks (the limiter reads the username from the body)."""
    app.url_map.converters["int"] = BoundedInteger  # before any blueprint adds its routes
    app.json = EdgeJSONProvider(app)
    app.before_request(_check_texts)
