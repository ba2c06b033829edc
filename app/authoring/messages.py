"""The bank checker's messages in the user's language, and in the words of the form the user filled in.

The checks (app/bank, app/qtypes, the rubric compiler) are pure and build English ``Message``s that keep their
template and parameters (app/grading/messages.py); here, where flask_babel is at hand, the template is translated and
filled with the parameters, themselves translated when they are Messages (the "question 'q1' part 'a'" a message
starts with). The result is plain text: the templates escape it like any other value.

The checker speaks the bank's YAML: 'time_limit', 'kind' must be mock or practice. Where the user filled in a form
instead (the paper editor, the question editor's form), ``FormWords`` says it in the form's words: each field by its
label on the form, and, for a message a label cannot mend (a value the form shows under another name, a field the
form does not show), the form's own wording of the whole message.
"""
from __future__ import annotations

import re

from flask_babel import get_locale, gettext

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


class FormWords:
    """A form's words for the checker's: ``labels`` (YAML key -> the form's label) and ``rewrites`` (a checker
    template -> the form's own template with the same placeholders, for what a label cannot say)."""

    def __init__(self, labels: dict, rewrites: dict):
        self.labels, self.rewrites = labels, rewrites
        keys = "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
        # A key in a template: in the English one, in quotes ('time_limit': "questions" unquoted is the word); in a
        # translation, also bare (a Latin word amid Chinese), a whole word not inside %(name)s nor part of a longer
        # name.
        self.quoted_key = re.compile(r"'(%s)'" % keys)
        self.bare_key = re.compile(r"['‘“]?(?<![\w(])(%s)(?![\w)])['’”]?" % keys)


# The paper editor's form, field by field: there the checker's messages name each field as the form labels it,
# and never by its YAML key (the instructor filled in a form; "time_limit" and "sections" are words of the bank's
# files).
PAPER_FIELD_LABELS = {
    "id": N_("ID"), "title": N_("Title"), "kind": N_("Kind"), "time_limit": N_("Time limit"),
    "max_attempts": N_("Attempts allowed"), "description": N_("Description"),
    "shuffle_options": N_("Shuffle the options"), "track_focus": N_("Record tab switches"),
    "sections": N_("Sections"), "points_each": N_("Points each"), "questions": N_("Question ids"),
    "draw": N_("Random draw"), "type": N_("Type"), "count": N_("How many"), "topic": N_("Areas"),
    "difficulty": N_("Difficulty"), "tags": N_("Tags"), "overlaps": N_("Overlapping parts"),
}
# What no label mends on the paper form: a value the form shows by another name (mock: 模拟考试), a field the form
# does not show (the pass mark and the paired paper an imported paper keeps), a rule about YAML the form writes
# itself ([min, max], a list of question ids).
PAPER_REWRITES = {
    "%(what)s: 'kind' must be mock or practice": N_("%(what)s: choose the 'Kind': Mock exam or Practice"),
    "%(what)s: 'pass_mark' is a percentage of the paper's points, more than 0 and at most 100":
        N_("%(what)s: the pass mark this paper was imported with must be a percentage of its points, more than 0 and "
           "at most 100. It is not on this form: correct it in the bank's file and import the file again (Bank "
           "exchange)."),
    "%(what)s: 'pair' must be the id of another paper (passed together)":
        N_("%(what)s: the paper to be passed together with this one, as it was imported, must be another paper's "
           "ID. It is not on this form: correct it in the bank's file and import the file again (Bank exchange)."),
    "%(what)s: '%(key)s' must be true or false": N_("%(what)s: '%(key)s' can only be ticked or left unticked"),
    "%(what)s: 'type' must be one of %(types)s": N_("%(what)s: choose the 'Type' of the questions to draw"),
    "%(what)s: 'difficulty' must be [min, max]":
        N_("%(what)s: 'Difficulty from' and 'to' must be whole numbers from 1 to 5"),
    "%(what)s: 'questions' must be a non-empty list of question ids":
        N_("%(what)s: write the section's 'Question ids', one a line, or choose Random draw"),
}
PAPER_FORM = FormWords(PAPER_FIELD_LABELS, PAPER_REWRITES)

# The question editor's form. The key points and the samples are typed there as YAML lists whose keys the form
# names (id, text, points, match, polarity, scope; answer, expect, tolerance, note): those stay as written.
QUESTION_FIELD_LABELS = {
    "type": N_("Type"), "topic": N_("Area"), "difficulty": N_("Difficulty"), "tags": N_("Tags"),
    "stem": N_("Stem"), "source": N_("Source"), "options": N_("Options"), "points": N_("Points"),
    "explanation": N_("Explanation"), "parts": N_("Parts"), "prompt": N_("Prompt"),
    "reference": N_("Reference answer"), "rubric": N_("Key points of the part"),
    "order": N_("Order of key points"), "order_points": N_("Order points"), "overlaps": N_("Overlapping parts"),
    "samples": N_("Samples"),
}
QUESTION_REWRITES = {
    "%(what)s: 'type' must be one of %(types)s, got %(value)s":
        N_("%(what)s: choose the type: Single choice, Multiple choice, True/false or Case analysis"),
    "%(what)s: needs 'options', a mapping such as {A: ..., B: ...}": N_("%(what)s: fill in two or more 'Options'"),
    "%(what)s: a single-choice 'answer' must be one letter": N_("%(what)s: tick the right option"),
    "%(what)s: a multiple-choice 'answer' must be a list of two or more letters":
        N_("%(what)s: tick two or more right options"),
    "%(what)s: a judge question's 'answer' must be true or false": N_("%(what)s: choose the answer: True or False"),
    "%(what)s: a case question needs 'parts', a non-empty list":
        N_("%(what)s: a case question needs a part: fill in its Part ID, Prompt, Reference answer and Key points"),
    "%(what)s: duplicate part id '%(id)s' (first on line %(line)s)":
        N_("%(what)s: two parts have the Part ID '%(id)s': give each part its own"),
    "%(what)s: part %(n)s has no id": N_("%(what)s: part %(n)s needs a 'Part ID' (such as a)"),
    "rubric points sum to %(sum)s + order_points %(order)s = %(all)s, but the part is worth %(total)s":
        N_("key points add up to %(sum)s + order points %(order)s = %(all)s, but the part is worth %(total)s"),
    "%(what)s: rubric points add up to %(sum)s + order %(order)s, but the part is worth %(total)s":
        N_("%(what)s: key points add up to %(sum)s + order points %(order)s, but the part is worth %(total)s"),
}
QUESTION_FORM = FormWords(QUESTION_FIELD_LABELS, QUESTION_REWRITES)


def translated(message, words: FormWords | None = None) -> str:
    """``message`` in the user's language; anything that is not a Message as its text. With ``words`` (a form's,
    as PAPER_FORM) the message is said in the form's words: every field it names by its label alone."""
    if not isinstance(message, Message):
        return "" if message is None else str(message)
    template = words.rewrites.get(message.template, message.template) if words else message.template
    text = gettext(template)
    if words:
        text = _labelled(text, _english(), words)
    if not message.params:
        return text
    try:
        return text % {name: _field(value, words) if name == "key" else translated(value, words)
                       for name, value in message.params.items()}
    except (KeyError, ValueError, TypeError):  # a translation whose placeholders went wrong: the English text
        return str(message)


def in_paper_form(message) -> str:
    """A checker's message as the paper editor shows it: translated, each field named as the form labels it."""
    return translated(message, PAPER_FORM)


def in_question_form(message) -> str:
    """A checker's message as the question editor's form shows it (its YAML mode shows ``translated``)."""
    return translated(message, QUESTION_FORM)


def _english() -> bool:
    locale = get_locale()
    return locale is None or locale.language == "en"


def _labelled(text: str, english: bool, words: FormWords) -> str:
    """``text`` (a template) with each field key replaced by its label: in English 'time_limit' -> 'Time limit'; in
    a translation the bare key, and a gloss after it that only repeats the label ("试卷部分（试卷部分）")."""
    if english:
        return words.quoted_key.sub(lambda m: "'%s'" % gettext(words.labels[m.group(1)]).replace("%", "%%"), text)
    used = []

    def label(match):
        used.append(gettext(words.labels[match.group(1)]).replace("%", "%%"))
        return used[-1]
    text = words.bare_key.sub(label, text)
    for name in used:
        text = text.replace(f"{name}（{name}）", name)
    return text


def _field(key, words: FormWords | None = None) -> str:
    """A field's YAML key with the form's label before it, when the form has one in the page's language (in English
    the key says it: 'stem', 'time_limit'); with ``words``, the label alone."""
    if words and isinstance(key, str) and key in words.labels:
        return gettext(words.labels[key])
    label = FIELD_LABELS.get(key) if isinstance(key, str) else None
    if label is None or gettext(label) == label:
        return translated(key)
    return gettext("%(label)s (%(key)s)", label=gettext(label), key=key)
