"""Question types: one class per type in one registry (pure: no Flask, no database).

Each type knows its bank fields and checks, how an answer is parsed (API JSON or HTML form), how it is graded,
its maximum points, what a trainee may see before submitting, its solution, and how its responses are summarised
for item analysis. Adding a type (填空, say) is one class here and one template.

    from app.qtypes import question_type
    question_type(content).grade(content, answer, grader)
"""
from .base import PASS_RATIO, AnswerError, Outcome, QuestionType
from .case import CaseAnalysis
from .objective import Judge, MultipleChoice, SingleChoice

QUESTION_TYPES: dict[str, QuestionType] = {t.name: t for t in (SingleChoice(), MultipleChoice(), Judge(), CaseAnalysis())}
TYPE_NAMES = tuple(QUESTION_TYPES)


def question_type(content_or_name) -> QuestionType:
    """The type of a question's content (or a type name). KeyError for an unknown type."""
    name = content_or_name["type"] if isinstance(content_or_name, dict) else content_or_name
    return QUESTION_TYPES[name]


__all__ = ["PASS_RATIO", "AnswerError", "Outcome", "QuestionType", "QUESTION_TYPES", "TYPE_NAMES", "question_type"]
