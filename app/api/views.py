"""The JSON API blueprint (mounted at /api): importing the route modules registers their views on ``bp``."""
from . import exams, openapi, tokens  # noqa: F401  (route registration)
from .base import bp

__all__ = ["bp"]
