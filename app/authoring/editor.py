"""The question editor: a question as YAML text or as a form, validated exactly as ``flask bank validate`` does
(the bank's own Checker and rubric compilation), then saved as a new version. Flushes, never commits."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..bank.loader import _check_rubrics, summary, with_defaults
from ..bank.schema import Checker
from ..bank.writer import dump
from ..bank.yamlsource import LDict, line_of, plain, read_yaml
from ..grading.errors import RubricError
from ..grading.messages import Message, N_
from ..grading.terms import SynonymTable
from ..models import Question, SynonymSet
from ..qtypes.case import storable
from .services import known_questions

DISPLAY = "question.yaml"
MAX_YAML = 200_000  # characters: a question is a few kilobytes; refuse before parsing anything larger


@dataclass
class Problem:
    line: int
    message: str  # a Message (English, with its template), shown translated (app/authoring/messages.py)
    field: str = ""  # the top-level field the line belongs to ("" when unknown)
    part: str = ""  # a case part's id, when the message names one

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Checked:
    content: dict | None  # the stored form (defaults filled in) when valid
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.content is not None and not self.problems


def question_yaml(content: dict) -> str:
    """A question as the YAML text the editor shows (and the bank files hold)."""
    return dump(content)


def _field_at(data, line: int) -> str:
    """The top-level key whose entry holds ``line``."""
    if not isinstance(data, LDict):
        return ""
    best, best_line = "", 0
    for key, start in data.lines.items():
        if best_line <= start <= line:
            best, best_line = str(key), start
    return best


def _unstorable_lines(value, line: int = 1) -> list[int]:
    if isinstance(value, str):
        return [] if storable(value) else [line]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _unstorable_lines(item, line_of(value, key))]
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in _unstorable_lines(item, line_of(value, i))]
    return []


def _part_named(message: str) -> str:
    marker = " part '"
    at = message.find(marker)
    if at < 0:
        return ""
    end = message.find("'", at + len(marker))
    return message[at + len(marker):end] if end > 0 else ""


def check_question_text(text: str, editing: Question | None = None) -> Checked:
    """Validate one question written as YAML (a mapping). ``editing`` is the question being revised (its id may
    not change); otherwise the id must be new."""
    if not isinstance(text, str) or not text.strip():
        return Checked(None, [Problem(1, Message(N_("the question is empty: write it as YAML (id, type, topic, "
                                                    "stem, ...)")))])
    if len(text) > MAX_YAML:
        return Checked(None, [Problem(1, Message(N_("the question is longer than %(n)s characters"), n=MAX_YAML))])
    if not storable(text):
        return Checked(None, [Problem(1, Message(N_("the text holds characters that cannot be stored (NUL or a "
                                                    "broken surrogate)")))])
    data, problems = read_yaml(text, DISPLAY)
    found = [Problem(p.line, p.message) for p in problems]
    # YAML escapes ("\0", "\ud800") make them again after parsing
    found += [Problem(line, Message(N_("this text holds characters that cannot be stored (NUL or a broken "
                                       "surrogate)")))
              for line in _unstorable_lines(data)]
    if data is None:
        return Checked(None, found or [Problem(1, Message(N_("the question is empty")))])
    if not isinstance(data, dict):
        return Checked(None, found + [Problem(line_of(data), Message(N_("a question must be a mapping (id: ..., "
                                                                        "type: ...)")))])
    checker = Checker(DISPLAY)
    qid = checker.question(data)
    if qid is not None and not checker.problems and data.get("type") == "case":
        try:
            table = SynonymTable(SynonymSet.as_dict())
        except RubricError:
            table = SynonymTable({})
        _check_rubrics(checker, data, table)
    if qid is not None and not checker.problems and data.get("type") == "case":
        index = known_questions()
        index.pop(qid, None)
        checker.overlap_targets(data, {**index, qid: summary(plain(data))})
    if qid is not None:
        if editing is not None and qid != editing.key:
            checker.add(line_of(data, "id"), N_("the id cannot change: this question is '%(id)s' (make a new "
                                                 "question instead)"), id=editing.key)
        elif editing is None and Question.by_key(qid) is not None:
            checker.add(line_of(data, "id"), N_("question id '%(id)s' is already in the bank"), id=qid)
    found += [Problem(p.line, p.message) for p in checker.problems]
    for problem in found:
        problem.field = _field_at(data, problem.line)
        problem.part = _part_named(problem.message)
    if found:
        return Checked(None, found)
    return Checked(with_defaults(data))


def save_question(content: dict, author_id: int | None, editing: Question | None = None, publish: bool = True):
    """Record a checked question: a new question, or a new version of ``editing`` (None when nothing changed).
    A new question is a draft unless ``publish``; a revised one keeps its state."""
    from ..extensions import db

    question = editing
    if question is None:
        question = Question(key=content["id"], type=content["type"], topic=content["topic"], draft=not publish)
        db.session.add(question)
    version = question.revise(content, author_id)
    db.session.flush()
    return question, version
