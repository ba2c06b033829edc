"""Regrading after a rubric or answer key changed: a dry run lists exactly what would change; a real run
changes exactly that, records each change, and keeps every hand override."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..audit import record
from ..extensions import db
from ..models import GradeChange, Response, utcnow
from ..qtypes import question_type
from .grader import current_grader
from .overrides import comments_of, overrides_of
from .service import grade_answer, stored_result, total_attempt, write_point_scores
from .settle import settle


@dataclass
class Change:
    response_id: int
    attempt_id: int
    question: str
    old: float
    new: float

    @property
    def delta(self) -> float:
        return round(self.new - self.old, 2)


@dataclass
class RegradeReport:
    responses: int = 0
    changed: list[Change] = field(default_factory=list)
    kept_overrides: int = 0  # responses whose hand-set points were kept as they were
    dry_run: bool = True

    @property
    def total_delta(self) -> float:
        return round(sum(c.delta for c in self.changed), 2)

    def to_dict(self) -> dict:
        return {"responses": self.responses, "changed": len(self.changed), "total_delta": self.total_delta,
                "kept_overrides": self.kept_overrides, "dry_run": self.dry_run,
                "changes": [{"response": c.response_id, "attempt": c.attempt_id, "question": c.question,
                             "old": c.old, "new": c.new, "delta": c.delta} for c in self.changed]}


def regrade(responses: list[Response], dry_run: bool = True, by=None, now=None, on_progress=None) -> RegradeReport:
    """Grade ``responses`` again with each question's current version. ``dry_run``: change nothing, report what
    would change. Otherwise items move to the current version, changed scores get a GradeChange (kind regrade)
    and the attempts are re-totalled. Flushes, never commits. ``on_progress(done, total)`` is called as it goes."""
    now = now or utcnow()
    report = RegradeReport(dry_run=dry_run)
    grader = None
    touched = set()
    for done, response in enumerate(responses, start=1):
        item = response.item
        if item.attempt.is_open:
            continue  # only finished attempts have grades
        version = item.version.question.current or item.version
        content = version.content
        if grader is None and not question_type(content).objective:
            grader = current_grader()
        outcome = grade_answer(content, response.answer, grader)
        overrides = overrides_of(response)
        result, score = settle(content, stored_result(content, outcome), item.points, overrides,
                               outcome.scaled(item.points), comments_of(response))
        report.responses += 1
        if overrides:
            report.kept_overrides += 1
        old = response.score or 0.0
        if round(score, 2) != round(old, 2):
            report.changed.append(Change(response.id, item.attempt_id, version.question.key, old, score))
        if not dry_run:
            if version.id != item.question_version_id:
                item.question_version_id = version.id
                item.version = version
            changed = round(score, 2) != round(old, 2)
            response.result, response.score = result, score
            response.needs_review = outcome.needs_review and not overrides
            write_point_scores(response, content, item.points)
            if changed:
                response.changes.append(GradeChange(kind=GradeChange.REGRADE, old_score=old, new_score=score,
                                                    reason="regrade", changed_by_id=getattr(by, "id", None), at=now))
            touched.add(item.attempt)
        if on_progress is not None:
            on_progress(done, len(responses))
    for attempt in touched:
        total_attempt(attempt)
    if not dry_run:
        summary = report.to_dict()
        summary.pop("changes")
        record("grade.regrade", by, f"{report.responses} responses", summary)
        db.session.flush()
    return report
