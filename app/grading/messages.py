"""Messages of the bank's checks that keep their template, so that the pages can show them in the user's language.

The checks (app/bank, app/qtypes, the rubric compiler) are pure: no flask, no flask_babel. They build each message
in English, as before (``flask bank check`` prints it, tests read it), as a ``Message``: a ``str`` holding the English
text that also remembers its ``template`` (``%(name)s`` placeholders, marked with ``N_`` so that babel extracts it)
and its ``params``. A parameter may itself be a Message (the ``what`` of "question 'q1' part 'a'"); the pages
translate both with ``app.authoring.messages.translated`` (``gettext(template) % params``).
"""
from __future__ import annotations


def N_(template: str) -> str:
    """Mark ``template`` for extraction (babel's default keywords hold ``N_``); translated later, where it is shown."""
    return template


class Message(str):
    """English text (``template % params``) that keeps ``template`` and ``params`` for translation."""

    template: str
    params: dict

    def __new__(cls, template: str, **params) -> "Message":
        self = super().__new__(cls, template % params if params else template)
        self.template, self.params = template, params
        return self

    def __getnewargs_ex__(self):
        return (self.template,), self.params


def message_of(value) -> "Message | str":
    """``value`` itself when it is a Message (an exception's first argument, say), else its text."""
    if isinstance(value, BaseException):
        value = value.args[0] if len(value.args) == 1 else str(value)
    return value if isinstance(value, Message) else str(value)


def message_data(value) -> dict:
    """``value`` (a Message or plain text) as JSON data that ``message_from_data`` makes a Message of again: how a
    grade's reasons are stored with the response, so that the review pages show them in the reader's language."""
    if isinstance(value, Message):
        return {"template": value.template, "params": {k: str(v) for k, v in value.params.items()}}
    return {"template": str(value), "params": {}}


def message_from_data(data) -> "Message | str":
    """The Message stored by ``message_data``; anything malformed as its text."""
    if isinstance(data, dict) and isinstance(data.get("template"), str):
        params = data.get("params") if isinstance(data.get("params"), dict) else {}
        try:
            return Message(data["template"], **{str(k): str(v) for k, v in params.items()})
        except (KeyError, ValueError, TypeError):
            return data["template"]
    return "" if data is None else str(data)
