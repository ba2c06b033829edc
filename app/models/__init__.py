"""The data model. Import models from here: ``from app.models import User, Question``."""
from .base import DomainError, utcnow
from .users import ROLES, Cohort, User, cohort_members
from .questions import Question, QuestionVersion, SynonymSet, content_hash
from .papers import Paper
from .attempts import Attempt, AttemptItem, AttemptStateError, FocusEvent, GradeChange, PointScore, Response
from .tokens import ApiToken
from .practice import MistakeEntry, PracticeAnswer
from .admin import AuditEvent, CohortPaper, PassRule

__all__ = [
    "DomainError", "utcnow", "ROLES", "Cohort", "User", "cohort_members", "Question", "QuestionVersion", "SynonymSet", "content_hash",
    "Paper", "Attempt", "AttemptItem", "AttemptStateError", "FocusEvent", "GradeChange", "PointScore", "Response",
    "ApiToken", "MistakeEntry", "PracticeAnswer", "AuditEvent", "CohortPaper", "PassRule",
]
