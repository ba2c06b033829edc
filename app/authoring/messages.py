"""The bank checker's messages in the user's language.

The checks (app/bank, app/qtypes, the rubric compiler) are pure and build English ``Message``s that keep their
template and parameters (app/grading/messages.py); here, where flask_babel is at hand, the template is translated and
filled with the parameters, themselves translated when they are Messages (the "question 'q1' part 'a'" a message
starts with). The result is plain text: the templates escape it like any other value.
"""
from __future__ import annotations

import re

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


# The paper editor's form, field by field: there the checker's messages name each field as the form labels it,
# and never by its YAML key (the instructor filled in a form; "time_limit" and "sections" are words of the bank's
# files). Fields the form does not show (pass_mark, pair) keep their key.
PAPER_FIELD_LABELS = {
    "id": N_("ID"), "title": N_("Title"), "kind": N_("Kind"), "time_limit": N_("Time limit"),
    "max_attempts": N_("Attempts allowed"), "description": N_("Description"),
    "shuffle_options": N_("Shuffle the options"), "track_focus": N_("Record tab switches"),
    "sections": N_("Sections"), "points_each": N_("Points each"), "questions": N_("Question ids"),
    "draw": N_("Random draw"), "type": N_("Type"), "count": N_("How many"), "topic": N_("Areas"),
    "difficulty": N_("Difficulty"), "tags": N_("Tags"),
}
# A key in a template: in the English one, in quotes ('time_limit': "questions" unquoted is the word); in a
# translation, also bare (a Latin word amid Chinese), a whole word not inside %(name)s nor part of a longer name.
_KEYS = "|".join(sorted(map(re.escape, PAPER_FIELD_LABELS), key=len, reverse=True))
_QUOTED_KEY_RE = re.compile(r"'(%s)'" % _KEYS)
_KEY_RE = re.compile(r"['‘“]?(?<![\w(])(%s)(?![\w)])['’”]?" % _KEYS)


def translated(message, labels: dict | None = None) -> str:
    """``message`` in the user's language; anything that is not a Message as its text. With ``labels`` (a form's
    labels by YAML key, as PAPER_FIELD_LABELS) every field the message names is named by its label alone."""
    if not isinstance(message, Message):
        return "" if message is None else str(message)
    text = gettext(message.template)
    if labels:
        text = _labelled(text, text == message.template, labels)
    if not message.params:
        return text
    try:
        return text % {name: _field(value, labels) if name == "key" else translated(value, labels)
                       for name, value in message.params.items()}
    except (KeyError, ValueError, TypeError):  # a translation whose placeholders went wrong: the English text
        return str(message)


def in_paper_form(message) -> str:
    """A checker's message as the paper editor shows it: translated, each field named as the form labels it."""
    return translated(message, PAPER_FIELD_LABELS)


def _labelled(text: str, english: bool, labels: dict) -> str:
    """``text`` (a template) with each field key replaced by its label: in English 'time_limit' -> 'Time limit'; in
    a translation the bare key, and a gloss after it that only repeats the label ("试卷部分（试卷部分）")."""
    if english:
        return _QUOTED_KEY_RE.sub(lambda m: "'%s'" % gettext(labels[m.group(1)]).replace("%", "%%"), text)
    used = []

    def label(match):
        used.append(gettext(labels[match.group(1)]).replace("%", "%%"))
        return used[-1]
    text = _KEY_RE.sub(label, text)
    for name in used:
        text = text.replace(f"{name}（{name}）", name)
    return text


def _field(key, labels: dict | None = None) -> str:
    """A field's YAML key with the form's label before it, when the form has one in the page's language (in English
    the key says it: 'stem', 'time_limit'); with ``labels``, the label alone."""
    if labels and isinstance(key, str) and key in labels:
        return gettext(labels[key])
    label = FIELD_LABELS.get(key) if isinstance(key, str) else None
    if label is None or gettext(label) == label:
        return translated(key)
    return gettext("%(label)s (%(key)s)", label=gettext(label), key=key)
