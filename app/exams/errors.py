"""Errors raised by trainee-side services; views map them to messages and status codes."""
import re

from flask_babel import gettext as _
from werkzeug.exceptions import NotFound

from ..models import AttemptStateError, DomainError


class ExamError(DomainError):
    """Bad input or a rule of the exam broken (no attempts left, wrong answer shape): nothing was changed."""


class ExamConflict(ExamError):
    """The request is well-formed but the state forbids it (no attempts left, paper closed): 409 in the API."""


class ExamNotFound(ExamError, NotFound):
    """No such attempt/question for this user (another user's attempt looks exactly like a missing one)."""

    def __init__(self, message: str = "not found") -> None:
        ExamError.__init__(self, message)
        NotFound.__init__(self, description=message)

    def __str__(self) -> str:
        return self.description


def state_message(exc: AttemptStateError) -> str:
    """A clear message for a refused save or submit, in the user's language (one language, one sentence)."""
    text = str(exc)
    if "deadline" in text or "time is up" in text:
        return _("Time is up: answers can no longer be saved.")
    if "finished" in text or "submitted" in text or "expired" in text:
        return _("This exam is already finished: your answers can no longer be changed.")
    return text


def state_code(exc: AttemptStateError) -> str:
    text = str(exc)
    return "deadline_passed" if ("deadline" in text or "time is up" in text) else "attempt_finished"


_KEY = re.compile(r"[A-Za-z0-9._-]{1,120}")


def is_key(value) -> bool:
    """Whether ``value`` can be a bank id (question or paper): checked before it reaches the database."""
    return isinstance(value, str) and _KEY.fullmatch(value) is not None
