"""The score report: one row per trainee for a paper (best, latest or first finished attempt), with total, per
section, per question, time used, submitted at, review state, 合格/不合格 and rank; and per-class statistics.

The choice of attempt and the rank are computed by the database (window functions), and rows are read in
batches, so a report of 100,000 trainees never sits in memory: ``rows()`` is a generator.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, select

from ..extensions import db
from ..models import Attempt, AttemptItem, Cohort, Paper, Response, User, cohort_members
from ..reach import class_trainees, trainee_condition
from .cells import CHINA_TIME, china_time
from .passing import FAILED, PASSED, Rule, rule_for, verdict
from .table import DATETIME, INT, MINUTES, PERCENT, SCORE, TEXT, Column, Sheet

PICKS = ("best", "latest", "first")
BATCH = 1000
NO_CLASS = "（未分班）"
REVIEWED, PENDING_REVIEW, NO_REVIEW = "已复核", "待复核", "无需复核"


class ReportError(ValueError):
    """The report's parameters cannot be honoured (unknown paper, class, pick, or a reversed date range)."""


@dataclass
class ReportQuery:
    paper: Paper
    cohort: Cohort | None = None
    start: date | None = None  # China dates, both inclusive
    end: date | None = None
    pick: str = "best"

    def __post_init__(self):
        if self.pick not in PICKS:
            raise ReportError(f"pick must be one of {', '.join(PICKS)}")
        if self.start and self.end and self.start > self.end:
            raise ReportError("the start date is after the end date")


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=CHINA_TIME)


def chosen_attempts(paper_id: int, pick: str, cohort_id=None, start=None, end=None):
    """A subquery: each trainee's chosen finished attempt of the paper -> attempt_id, user_id, score, max_score.
    With a class, only the class's trainees (``reach.class_trainees``): its other members are not its trainees."""
    score = func.coalesce(Attempt.score, -1.0)
    order = {"best": (score.desc(), Attempt.finished_at.asc(), Attempt.id.asc()),
             "latest": (Attempt.finished_at.desc(), Attempt.id.desc()),
             "first": (Attempt.finished_at.asc(), Attempt.id.asc())}[pick]
    conditions = [Attempt.paper_id == paper_id, Attempt.status != Attempt.STARTED]
    if cohort_id is not None:
        conditions.append(Attempt.user_id.in_(class_trainees(cohort_id)))
    if start is not None:
        conditions.append(Attempt.finished_at >= _day_start(start))
    if end is not None:
        conditions.append(Attempt.finished_at < _day_start(end + timedelta(days=1)))
    ranked = select(Attempt.id.label("attempt_id"), Attempt.user_id.label("user_id"),
                    Attempt.score.label("score"), Attempt.max_score.label("max_score"),
                    func.row_number().over(partition_by=Attempt.user_id, order_by=order).label("rn")
                    ).where(*conditions).subquery()
    return select(ranked.c.attempt_id, ranked.c.user_id, ranked.c.score, ranked.c.max_score).where(
        ranked.c.rn == 1).subquery()


@dataclass
class ClassStats:
    name: str
    enrolled: int = 0
    attended: int = 0
    total: float = 0.0
    best: float | None = None
    worst: float | None = None
    passed: int = 0

    def add(self, score: float | None, outcome: str) -> None:
        self.attended += 1
        if score is not None:
            self.total += score
            self.best = score if self.best is None else max(self.best, score)
            self.worst = score if self.worst is None else min(self.worst, score)
        if outcome == PASSED:
            self.passed += 1

    def row(self) -> list:
        absent = max(self.enrolled - self.attended, 0) if self.enrolled else None
        mean = self.total / self.attended if self.attended else None
        rate = self.passed / self.attended if self.attended else None
        return [self.name, self.enrolled or None, self.attended, absent, mean, self.best, self.worst, self.passed,
                rate]


SUMMARY_COLUMNS = [Column("班级", TEXT, 18), Column("应考人数", INT, 9), Column("实考人数", INT, 9),
                   Column("缺考人数", INT, 9), Column("平均分", SCORE, 9), Column("最高分", SCORE, 9),
                   Column("最低分", SCORE, 9), Column("合格人数", INT, 9), Column("合格率", PERCENT, 9)]


@dataclass
class ScoreReport:
    """Columns now, rows as a generator; ``summary_rows()`` once the rows have been read."""

    query: ReportQuery
    rule: Rule
    questions: int
    columns: list[Column]
    stats: dict[str, ClassStats] = field(default_factory=dict)
    overall: ClassStats = field(default_factory=lambda: ClassStats("全部"))

    def _statement(self):
        q = self.query
        chosen = chosen_attempts(q.paper.id, q.pick, q.cohort.id if q.cohort else None, q.start, q.end)
        rank = func.rank().over(order_by=func.coalesce(chosen.c.score, -1.0).desc()).label("rank")
        columns = [chosen.c.attempt_id, rank, User.username, User.display_name, chosen.c.score,
                   chosen.c.max_score, Attempt.started_at, Attempt.finished_at]
        statement = select(*columns).join(User, User.id == chosen.c.user_id).join(
            Attempt, Attempt.id == chosen.c.attempt_id)
        if self.rule.partner_paper_id is not None:
            partner = chosen_attempts(self.rule.partner_paper_id, q.pick)
            statement = statement.add_columns(partner.c.score, partner.c.max_score).outerjoin(
                partner, partner.c.user_id == chosen.c.user_id)
        else:
            statement = statement.add_columns(None, None)
        return statement.order_by("rank", User.username)

    def rows(self):
        """One list per trainee, best rank first; read from the database in batches of BATCH."""
        result = db.session.execute(self._statement().execution_options(yield_per=BATCH))
        for batch in result.partitions(BATCH):
            attempt_ids = [r[0] for r in batch]
            details = _item_details(attempt_ids)
            classes = _classes_of([r.username for r in batch])
            for (attempt_id, rank, username, name, score, max_score, started, finished, p_score, p_max) in batch:
                sections, per_question, review = details.get(attempt_id, ({}, {}, NO_REVIEW))
                outcome = verdict(self.rule, score, max_score, p_score, p_max)
                user_classes = classes.get(username) or [NO_CLASS]
                for cls in user_classes:
                    self.stats.setdefault(cls, ClassStats(cls)).add(score, outcome)
                self.overall.add(score, outcome)
                used = (finished - started).total_seconds() / 60 if finished and started else None
                row = [rank, username, name, "、".join(user_classes), score, max_score,
                       (score / max_score) if score is not None and max_score else None]
                row += [sections.get(i) for i in range(len(self.query.paper.sections))]
                row += [per_question.get(p) for p in range(1, self.questions + 1)]
                row += [used, china_time(finished), review, outcome]
                yield row

    def sheet(self) -> Sheet:
        return Sheet("成绩", self.columns, rows=self.rows())

    def summary_rows(self):
        """Per-class statistics of the rows already read, then the whole report's."""
        enrolled = _enrolment_counts()
        names = [self.query.cohort.name] if self.query.cohort else sorted(self.stats)
        for name in names:
            stats = self.stats.get(name) or ClassStats(name)
            stats.enrolled = enrolled.get(name, 0)
            yield stats.row()
        if not self.query.cohort:
            self.overall.enrolled = 0
            yield self.overall.row()

    def summary_sheet(self) -> Sheet:
        return Sheet("汇总", SUMMARY_COLUMNS, rows_factory=self.summary_rows)


def score_report(query: ReportQuery) -> ScoreReport:
    paper = query.paper
    chosen = chosen_attempts(paper.id, query.pick, query.cohort.id if query.cohort else None, query.start,
                             query.end)
    questions = db.session.scalar(select(func.max(AttemptItem.position)).where(
        AttemptItem.attempt_id.in_(select(chosen.c.attempt_id)))) or 0
    columns = [Column("排名", INT, 6), Column("用户名", TEXT, 14), Column("姓名", TEXT, 12),
               Column("班级", TEXT, 16), Column("总分", SCORE, 8), Column("满分", SCORE, 8),
               Column("得分率", PERCENT, 8)]
    columns += [Column(str(s.get("title") or f"第{i + 1}部分"), SCORE, 10) for i, s in enumerate(paper.sections)]
    columns += [Column(f"第{p}题", SCORE, 7) for p in range(1, questions + 1)]
    columns += [Column("用时（分钟）", MINUTES, 10), Column("交卷时间", DATETIME, 17), Column("复核", TEXT, 9),
                Column("合格/不合格", TEXT, 11)]
    return ScoreReport(query, rule_for(paper), questions, columns)


def _item_details(attempt_ids: list[int]) -> dict:
    """attempt id -> (section index -> points, position -> points, review state), for one batch."""
    found: dict = {}
    rows = db.session.execute(
        select(AttemptItem.attempt_id, AttemptItem.position, AttemptItem.section, Response.score,
               Response.needs_review, Response.reviewed_at)
        .outerjoin(Response, Response.item_id == AttemptItem.id)
        .where(AttemptItem.attempt_id.in_(attempt_ids)))
    for attempt_id, position, section, score, needs_review, reviewed_at in rows:
        sections, per_question, review = found.setdefault(attempt_id, ({}, {}, [False, False]))
        points = score or 0.0
        sections[section] = sections.get(section, 0.0) + points
        per_question[position] = points
        if needs_review or reviewed_at is not None:  # an override stamps reviewed_at on an unflagged answer too
            review[0 if reviewed_at is None else 1] = True
    return {key: (s, q, PENDING_REVIEW if r[0] else REVIEWED if r[1] else NO_REVIEW)
            for key, (s, q, r) in found.items()}


def _classes_of(usernames: list[str]) -> dict[str, list[str]]:
    """The classes each user is a trainee of: a row's 班级 and the classes whose statistics it counts in. A member
    without the trainee role (an instructor trying the paper) is none of their classes' trainees: （未分班）."""
    found: dict[str, list[str]] = {}
    for username, name in db.session.execute(
            select(User.username, Cohort.name).join(cohort_members, cohort_members.c.user_id == User.id)
            .join(Cohort, Cohort.id == cohort_members.c.cohort_id)
            .where(User.username.in_(usernames), trainee_condition()).order_by(Cohort.name)):
        found.setdefault(username, []).append(name)
    return found


def _enrolment_counts() -> dict[str, int]:
    """Trainees per class (instructors are members too, and are not expected to sit)."""
    return dict(db.session.execute(
        select(Cohort.name, func.count(User.id)).join(cohort_members, cohort_members.c.cohort_id == Cohort.id)
        .join(User, User.id == cohort_members.c.user_id)
        .where(and_(trainee_condition(), User.active)).group_by(Cohort.name)).all())


def export(query: ReportQuery, fmt: str, target) -> int:
    """Write the report to ``target`` as ``xlsx`` (scores and a summary sheet) or ``csv`` (the scores)."""
    from .csvfile import write_csv
    from .xlsx import write_xlsx

    report = score_report(query)
    if fmt == "xlsx":
        return write_xlsx(target, [report.sheet(), report.summary_sheet()])
    if fmt == "csv":
        return write_csv(target, report.sheet())
    raise ReportError("format must be xlsx or csv")


__all__ = ["PICKS", "ReportError", "ReportQuery", "ScoreReport", "score_report", "export", "FAILED", "PASSED"]
