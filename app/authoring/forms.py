"""The question form: request fields to a question dict and back. The dict is then checked as YAML text by
``editor.check_question_text``, so the form and the YAML editor give the same messages.

Case parts are numbered blocks (``part-0-prompt`` ...); a part's rubric and samples are small YAML lists, since
match groups are lists of lists of terms."""
from __future__ import annotations

import yaml

from ..bank.writer import dump
from ..bank.yamlsource import plain, read_yaml
from ..grading.messages import Message, N_
from ..qtypes.objective import OPTION_LETTERS

PART_TEXT_FIELDS = ("id", "prompt", "reference")
OPTION_SLOTS = OPTION_LETTERS[:6]


def _number(text: str, integer: bool = False):
    """A number typed in a form; the text itself when it is not one (the Checker then names the field)."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return text
    if integer or value.is_integer():
        return int(value) if value.is_integer() else value
    return value


def _yaml_list(text: str, what: str, problems: list[str]):
    text = (text or "").strip()
    if not text:
        return None
    data, found = read_yaml(text, what)
    if found:
        problems += [Message(N_("%(what)s: %(message)s (line %(n)s)"), what=what, message=p.message, n=p.line)
                     for p in found]
        return None
    return plain(data)


_UNREAD_RUBRIC = N_("part '%(id)s' key points")
_NEEDS_RUBRIC = "%(what)s: needs 'rubric', a non-empty list of key points"  # app/bank/schema.py's


def without_echoes(form_problems: list, problems: list) -> list:
    """``problems`` (the checker's) less the "needs key points" of a part whose key points were written but could not
    be read as YAML: the form's own message says what is wrong with them, and "missing" would be untrue."""
    unread = {m.params["what"].params.get("id") for m in form_problems
              if isinstance(m, Message) and isinstance(m.params.get("what"), Message)
              and m.params["what"].template == _UNREAD_RUBRIC}
    return [p for p in problems
            if not (p.part in unread and isinstance(p.message, Message) and p.message.template == _NEEDS_RUBRIC)]


def problems_of_part(form_problems: list, part_id: str) -> list:
    """The form's own problems (key points or samples that cannot be read as YAML) of part ``part_id``."""
    return [m for m in form_problems if isinstance(m, Message) and isinstance(m.params.get("what"), Message)
            and m.params["what"].params.get("id") == part_id]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").replace(",", "\n").replace("，", "\n").splitlines() if line.strip()]


def question_from_form(form) -> tuple[dict, list[str]]:
    """The question the form describes, and problems the form itself found (YAML of a rubric that cannot be
    read); everything else is left for the bank's Checker."""
    problems: list[str] = []
    qtype = (form.get("type") or "").strip()
    content: dict = {"id": (form.get("id") or "").strip(), "type": qtype,
                     "topic": (form.get("topic") or "").strip()}
    difficulty = _number(form.get("difficulty", ""), integer=True)
    if difficulty is not None:
        content["difficulty"] = difficulty
    content["tags"] = _lines(form.get("tags", ""))
    content["stem"] = form.get("stem", "").replace("\r\n", "\n")
    if form.get("source", "").strip():
        content["source"] = form.get("source").strip()
    if qtype == "case":
        content["parts"] = _parts(form, problems)
        return content, problems
    if qtype in ("single", "multiple"):
        content["options"] = {letter: form.get(f"option-{letter}", "").strip() for letter in OPTION_SLOTS
                              if form.get(f"option-{letter}", "").strip()}
    if qtype == "single":
        content["answer"] = (form.get("answer") or "").strip().upper()
    elif qtype == "multiple":
        content["answer"] = sorted({letter.strip().upper() for letter in form.getlist("answer") if letter.strip()})
    elif qtype == "judge":
        value = form.get("answer")
        content["answer"] = True if value == "true" else False if value == "false" else None
    points = _number(form.get("points", ""))
    if points is not None:
        content["points"] = points
    content["explanation"] = form.get("explanation", "").replace("\r\n", "\n")
    return content, problems


def _part_indexes(form) -> list[int]:
    found = set()
    for key in form.keys():
        if key.startswith("part-"):
            piece = key.split("-", 2)[1]
            if piece.isascii() and piece.isdigit() and len(piece) < 4:
                found.add(int(piece))
    return sorted(found)


def _parts(form, problems: list[str]) -> list[dict]:
    parts = []
    for index in _part_indexes(form):
        get = lambda name: form.get(f"part-{index}-{name}", "")  # noqa: E731
        if not any(get(name).strip() for name in ("id", "prompt", "reference", "rubric")):
            continue  # the empty "new part" block
        part: dict = {name: get(name).replace("\r\n", "\n").strip() for name in PART_TEXT_FIELDS}
        label = part["id"] or f"#{index + 1}"
        points = _number(get("points"))
        if points is not None:
            part["points"] = points
        rubric = _yaml_list(get("rubric"), Message(_UNREAD_RUBRIC, id=label), problems)
        part["rubric"] = rubric if rubric is not None else []
        order = _lines(get("order"))
        if order:
            part["order"] = order
        order_points = _number(get("order_points"))
        if order_points is not None:
            part["order_points"] = order_points
        overlaps = _lines(get("overlaps"))
        if overlaps:
            part["overlaps"] = overlaps
        samples = _yaml_list(get("samples"), Message(N_("part '%(id)s' samples"), id=label), problems)
        if samples is not None:
            part["samples"] = samples
        parts.append(part)
    return parts


def form_values(content: dict | None) -> dict:
    """What the form shows for a question (its stored content), as text fields."""
    content = content or {}
    values = {key: content.get(key, "") for key in ("id", "type", "topic", "stem", "explanation", "source")}
    values["difficulty"] = str(content.get("difficulty", 3))
    values["tags"] = ", ".join(content.get("tags") or [])
    values["points"] = "" if content.get("points") is None else "%g" % content["points"] \
        if isinstance(content.get("points"), (int, float)) else str(content.get("points"))
    values["options"] = {letter: (content.get("options") or {}).get(letter, "") for letter in OPTION_SLOTS}
    answer = content.get("answer")
    values["answer"] = ({"true"} if answer is True else {"false"} if answer is False else
                        set(answer) if isinstance(answer, list) else {answer} if answer else set())
    values["parts"] = [_part_values(part) for part in content.get("parts") or []]
    return values


def _part_values(part: dict) -> dict:
    def text(value):
        return dump(value).rstrip("\n") if value else ""

    return {"id": part.get("id", ""), "prompt": part.get("prompt", ""), "reference": part.get("reference", ""),
            "points": "%g" % part["points"] if isinstance(part.get("points"), (int, float)) else str(part.get("points", "")),
            "rubric": text(part.get("rubric")), "order": ", ".join(map(str, part.get("order") or [])),
            "order_points": "%g" % part["order_points"] if isinstance(part.get("order_points"), (int, float)) else "",
            "overlaps": "\n".join(map(str, part.get("overlaps") or [])), "samples": text(part.get("samples"))}


def values_from_form(form) -> dict:
    """The form as typed (re-rendered after an error, nothing lost)."""
    values = {key: form.get(key, "") for key in ("id", "type", "topic", "stem", "explanation", "source",
                                                  "difficulty", "tags", "points")}
    values["options"] = {letter: form.get(f"option-{letter}", "") for letter in OPTION_SLOTS}
    values["answer"] = set(form.getlist("answer"))
    values["parts"] = []
    for index in _part_indexes(form):
        part = {name: form.get(f"part-{index}-{name}", "") for name in
                ("id", "prompt", "reference", "points", "rubric", "order", "order_points", "overlaps", "samples")}
        if any(v.strip() for v in part.values()):
            values["parts"].append(part)
    return values


def safe_dump(content: dict) -> str:
    try:
        return dump(content)
    except yaml.YAMLError:
        return ""


SKELETONS = {
    "case": {"id": "", "type": "case", "topic": "", "difficulty": 3, "tags": [], "stem": "",
             "parts": [{"id": "a", "prompt": "", "points": 10, "reference": "",
                        "rubric": [{"id": "point-1", "text": "", "points": 10, "match": [[""]]}]}]},
    "single": {"id": "", "type": "single", "topic": "", "difficulty": 3, "tags": [], "stem": "",
               "options": {"A": "", "B": "", "C": "", "D": ""}, "answer": "A", "points": 1, "explanation": ""},
    "multiple": {"id": "", "type": "multiple", "topic": "", "difficulty": 3, "tags": [], "stem": "",
                 "options": {"A": "", "B": "", "C": "", "D": ""}, "answer": ["A", "B"], "points": 2,
                 "explanation": ""},
    "judge": {"id": "", "type": "judge", "topic": "", "difficulty": 3, "tags": [], "stem": "", "answer": True,
              "points": 1, "explanation": ""},
}


def skeleton_yaml(kind: str) -> str:
    """The YAML a new question of ``kind`` starts from: every field, to be filled in."""
    return dump(SKELETONS.get(kind, SKELETONS["case"]))
