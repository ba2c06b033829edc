"""The bank checker's messages in the user's language.

The checks (app/bank, app/qtypes, the rubric compiler) are pure and build English ``Message``s that keep their
template and parameters (app/grading/messages.py); here, where flask_babel is at hand, the template is translated and
filled with the parameters, themselves translated when they are Messages (the "question 'q1' part 'a'" a message
starts with). The result is plain text: the templates escape it like any other value.
"""
from __future__ import annotations

from flask_babel import gettext

from ..grading.messages import N_, Message

# A field the checker names by its YAML key, as the editors' forms label it: "问题（prompt）" (the form says 问题, the
# YAML mode and the bank's files say prompt).
FIELD_LABELS = {
    "id": N_("ID"), "topic": N_("Area"), "difficulty": N_("Difficulty"), "tags": N_("Tags"), "stem": N_("Stem"),
    "options": N_("Options"), "answer": N_("Answer"), "points": N_("Points"), "explanation": N_("Explanation"),
    "prompt": N_("Prompt"), "reference": N_("Reference answer"), "rubric": N_("Key points"),
    "order_points": N_("Order points"), "samples": N_("Samples"), "title": N_("Title"), "kind": N_("Kind"),
    "time_limit": N_("Time limit"), "max_attempts": N_("Attempts allowed"), "description": N_("Description"),
    "points_each": N_("Points each"), "count": N_("How many"),
}


def translated(message) -> str:
    """``message`` in the user's language; anything that is not a Message as its text."""
    if not isinstance(message, Message):
        return "" if message is None else str(message)
    text = gettext(message.template)
    if not message.params:
        return text
    try:
        return text % {name: _field(value) if name == "key" else translated(value)
                       for name, value in message.params.items()}
    except (KeyError, ValueError, TypeError):  # a translation whose placeholders went wrong: the English text
        return str(message)


def _field(key) -> str:
    """A field's YAML key with the form's label before it, when the form has one in the page's language (in English
    the key says it: 'stem', 'time_limit')."""
    label = FIELD_LABELS.get(key) if isinstance(key, str) else None
    if label is None or gettext(label) == label:
        return translated(key)
    return gettext("%(label)s (%(key)s)", label=gettext(label), key=key)
