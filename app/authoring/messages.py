"""The bank checker's messages in the user's language.

The checks (app/bank, app/qtypes, the rubric compiler) are pure and build English ``Message``s that keep their
template and parameters (app/grading/messages.py); here, where flask_babel is at hand, the template is translated and
filled with the parameters, themselves translated when they are Messages (the "question 'q1' part 'a'" a message
starts with). The result is plain text: the templates escape it like any other value.
"""
from __future__ import annotations

from flask_babel import gettext

from ..grading.messages import Message


def translated(message) -> str:
    """``message`` in the user's language; anything that is not a Message as its text."""
    if not isinstance(message, Message):
        return "" if message is None else str(message)
    text = gettext(message.template)
    if not message.params:
        return text
    try:
        return text % {name: translated(value) for name, value in message.params.items()}
    except (KeyError, ValueError, TypeError):  # a translation whose placeholders went wrong: the English text
        return str(message)
