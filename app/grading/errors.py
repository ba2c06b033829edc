"""Errors raised by the grading engine."""


class RubricError(ValueError):
    """A rubric part (or synonym table) is malformed; the message says where."""
