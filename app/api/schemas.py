"""Validation of API request bodies and query strings: bad input is a 400 with a clear message."""
from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from .base import ApiError

MISSING = object()


def json_body() -> dict:
    """The request's JSON object, or a 400."""
    if not request.is_json:
        raise ApiError(400, "bad_request", _("Send a JSON object with Content-Type: application/json."))
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", _("The body must be a JSON object."))
    return data


def known_fields(data: dict, allowed: set[str]) -> None:
    unknown = sorted(str(k)[:40] for k in data if k not in allowed)
    if unknown:
        raise ApiError(400, "bad_request", _("Unknown field(s): %(fields)s.", fields=", ".join(unknown)))


def text_field(data: dict, name: str, max_length: int = 200) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip() or len(value) > max_length or "\x00" in value:
        raise ApiError(400, "bad_request", _("'%(name)s' must be non-empty text of at most %(max)d characters.",
                                          name=name, max=max_length))
    return value


def token_request() -> tuple[str, str]:
    data = json_body()
    known_fields(data, {"username", "password"})
    return text_field(data, "username", 64), text_field(data, "password", 1024)


def answer_request() -> tuple[object, object]:
    """``{"answer": ..., "flagged": bool}``: returns (answer or MISSING, flagged or None)."""
    data = json_body()
    known_fields(data, {"answer", "flagged"})
    if "answer" not in data and "flagged" not in data:
        raise ApiError(400, "bad_request", _("Give 'answer' and/or 'flagged'."))
    flagged = data.get("flagged")
    if flagged is not None and not isinstance(flagged, bool):
        raise ApiError(400, "bad_request", _("'flagged' must be true or false."))
    return data.get("answer", MISSING), flagged


def practice_answer_request():
    data = json_body()
    known_fields(data, {"answer"})
    if "answer" not in data:
        raise ApiError(400, "bad_request", _("Give 'answer'."))
    return data["answer"]


def mistake_request() -> str:
    data = json_body()
    known_fields(data, {"question"})
    return text_field(data, "question", 120)


def flag_arg(name: str) -> bool:
    value = request.args.get(name, "")
    if value.lower() in ("", "0", "false", "no"):
        return False
    if value.lower() in ("1", "true", "yes"):
        return True
    raise ApiError(400, "bad_request", _("'%(name)s' must be 1 or 0.", name=name))


def text_arg(name: str, max_length: int = 50) -> str | None:
    value = request.args.get(name) or None
    if value is not None and len(value) > max_length:
        raise ApiError(400, "bad_request", _("'%(name)s' is too long.", name=name))
    return value
