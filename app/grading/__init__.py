"""Grading engine for case-question answers (pure: no Flask, no database).

    from app.grading import Grader
    grader = Grader(synonyms={"apologize": ["道歉", "致歉"]})
    result = grader.grade(part, answer)   # part: a `parts:` entry of the bank
"""
from .engine import Grader, grade
from .errors import RubricError
from .result import PointResult, Result

__all__ = ["Grader", "Result", "PointResult", "RubricError", "grade"]
