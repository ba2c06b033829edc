"""Figures for the statistics page of one paper (and class): pass rate, score distribution, trend by week,
weakest areas and key points (models.PointScore). Every figure is one query or one streamed pass."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from ..extensions import db
from ..models import Attempt, AttemptItem, PointScore, Question, QuestionVersion, Response
from ..reach import class_trainees
from .cells import china_time
from .passing import FAILED, PASSED, percent
from .scores import ReportQuery, chosen_attempts, score_report

BUCKETS = [f"{i * 10}-{i * 10 + 9}" for i in range(10)] + ["100"]


@dataclass
class Dashboard:
    attended: int = 0
    passed: int = 0
    failed: int = 0
    mean: float | None = None
    distribution: list[int] = field(default_factory=lambda: [0] * 11)
    trend: list[tuple[str, float, int]] = field(default_factory=list)
    areas: list[tuple[str, float, str]] = field(default_factory=list)
    points: list[tuple[str, float, str]] = field(default_factory=list)

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.attended if self.attended else None


def dashboard(query: ReportQuery, limit: int = 10) -> Dashboard:
    report = score_report(query)
    board = Dashboard()
    total = 0.0
    result = db.session.execute(report._statement().execution_options(yield_per=1000))
    from .passing import verdict

    for row in result:
        score, max_score, p_score, p_max = row[4], row[5], row[8], row[9]
        board.attended += 1
        pct = percent(score, max_score)
        if pct is not None:
            total += pct
            board.distribution[min(int(pct // 10), 10)] += 1
        outcome = verdict(report.rule, score, max_score, p_score, p_max)
        board.passed += outcome == PASSED
        board.failed += outcome == FAILED
    board.mean = total / board.attended if board.attended else None
    board.trend = _trend(query)
    chosen = chosen_attempts(query.paper.id, query.pick, query.cohort.id if query.cohort else None, query.start,
                             query.end)
    board.areas = _areas(chosen)
    board.points = _weak_points(chosen, limit)
    return board


def _trend(query: ReportQuery) -> list[tuple[str, float, int]]:
    """Mean percentage of every finished attempt (of the class's trainees, with a class), by ISO week (China
    time)."""
    conditions = [Attempt.paper_id == query.paper.id, Attempt.is_graded,
                  Attempt.max_score > 0]
    if query.cohort:
        conditions.append(Attempt.user_id.in_(class_trainees(query.cohort.id)))
    weeks: dict[tuple[int, int], list[float]] = {}
    for finished, score, max_score in db.session.execute(
            select(Attempt.finished_at, Attempt.score, Attempt.max_score).where(*conditions)
            .execution_options(yield_per=1000)):
        year, week, _ = china_time(finished).isocalendar()
        acc = weeks.setdefault((year, week), [0.0, 0])
        acc[0] += 100.0 * score / max_score
        acc[1] += 1
    return [(f"{y}-W{w:02d}", s / n, n) for (y, w), (s, n) in sorted(weeks.items())]


def _areas(chosen) -> list[tuple[str, float, str]]:
    rows = db.session.execute(
        select(Question.topic, func.sum(func.coalesce(Response.score, 0.0)), func.sum(AttemptItem.points))
        .select_from(AttemptItem)
        .join(chosen, chosen.c.attempt_id == AttemptItem.attempt_id)
        .join(QuestionVersion, QuestionVersion.id == AttemptItem.question_version_id)
        .join(Question, Question.id == QuestionVersion.question_id)
        .outerjoin(Response, Response.item_id == AttemptItem.id)
        .group_by(Question.topic)).all()
    areas = [(topic, 100.0 * earned / possible, f"{earned:.0f}/{possible:.0f}") for topic, earned, possible in rows
             if possible]
    return sorted(areas, key=lambda a: a[1])


def _weak_points(chosen, limit: int) -> list[tuple[str, float, str]]:
    ratio = func.sum(PointScore.earned) / func.sum(PointScore.max)
    rows = db.session.execute(
        select(Question.key, PointScore.part_id, PointScore.point_id, ratio.label("ratio"), func.count(PointScore.id),
               func.max(QuestionVersion.id))
        .select_from(PointScore)
        .join(Response, Response.id == PointScore.response_id)
        .join(AttemptItem, AttemptItem.id == Response.item_id)
        .join(chosen, chosen.c.attempt_id == AttemptItem.attempt_id)
        .join(QuestionVersion, QuestionVersion.id == AttemptItem.question_version_id)
        .join(Question, Question.id == QuestionVersion.question_id)
        .where(PointScore.point_id != "", PointScore.max > 0)
        .group_by(Question.key, PointScore.part_id, PointScore.point_id)
        .order_by("ratio", Question.key).limit(limit)).all()
    found = []
    for key, part_id, point_id, share, count, version_id in rows:
        version = db.session.get(QuestionVersion, version_id)
        text = _point_text(version.content if version else {}, part_id, point_id)
        label = f"{key} {part_id}·{point_id}" + (f" {text}" if text else "")
        found.append((label[:80], 100.0 * (share or 0.0), f"({count})"))
    return found


def _point_text(content: dict, part_id: str, point_id: str) -> str:
    for part in content.get("parts") or []:
        if part.get("id") == part_id:
            for point in part.get("rubric") or []:
                if point.get("id") == point_id:
                    return str(point.get("text") or "")[:40]
    return ""
