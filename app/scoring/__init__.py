"""The one place that grades: answers, responses and attempts; regrades; instructors' overrides.

Every feature package (exams, practice, the API, the CLI, authoring, admin, reports) grades through here; this
package imports none of them. The rubric engine itself is ``app.grading`` (pure); question types are
``app.qtypes`` (pure). See docs/architecture.md.
"""
from .grader import current_grader, draft_grader
from .overrides import OverrideError, comment, override
from .regrade import RegradeReport, regrade
from .service import grade_answer, grade_attempt, grade_response

__all__ = ["current_grader", "draft_grader", "grade_answer", "grade_response", "grade_attempt", "regrade",
           "RegradeReport", "override", "comment",
           "OverrideError"]
