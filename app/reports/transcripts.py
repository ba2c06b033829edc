"""Transcript (成绩单) of one trainee and ranking (排名表) of a paper and class, as data for the print pages and
PDFs (app/templates/reports/)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..extensions import db
from ..models import Attempt, Paper, User
from .cells import china_time
from .passing import percent, rule_for, verdict
from .scores import ReportQuery, score_report


@dataclass
class TranscriptLine:
    paper: Paper
    attempts: int
    score: float | None
    max_score: float
    sections: list[tuple[str, float]]
    finished_at: object
    outcome: str

    @property
    def percent(self):
        return percent(self.score, self.max_score)


def transcript(user: User) -> list[TranscriptLine]:
    """The trainee's best finished attempt of every paper sat, with 合格/不合格 under the paper's pass rule."""
    best: dict[int, Attempt] = {}
    counts = dict(db.session.execute(select(Attempt.paper_id, func.count(Attempt.id)).where(
        Attempt.user_id == user.id, Attempt.status != Attempt.STARTED).group_by(Attempt.paper_id)).all())
    for attempt in db.session.scalars(select(Attempt).where(
            Attempt.user_id == user.id, Attempt.status != Attempt.STARTED).order_by(Attempt.finished_at)):
        current = best.get(attempt.paper_id)
        if current is None or (attempt.score or -1) > (current.score or -1):
            best[attempt.paper_id] = attempt
    lines = []
    for attempt in sorted(best.values(), key=lambda a: (a.paper.kind, a.paper.key)):
        paper = attempt.paper
        rule = rule_for(paper)
        partner = best.get(rule.partner_paper_id) if rule.partner_paper_id else None
        sections: dict[int, float] = {}
        for item in attempt.items:
            sections[item.section] = sections.get(item.section, 0.0) + ((item.response.score or 0.0)
                                                                         if item.response else 0.0)
        titles = [str(s.get("title") or f"第{i + 1}部分") for i, s in enumerate(paper.sections)]
        lines.append(TranscriptLine(
            paper, counts.get(paper.id, 1), attempt.score, attempt.max_score,
            [(titles[i] if i < len(titles) else f"第{i + 1}部分", points) for i, points in sorted(sections.items())],
            china_time(attempt.finished_at),
            verdict(rule, attempt.score, attempt.max_score, partner.score if partner else None,
                    partner.max_score if partner else None)))
    return lines


def ranking(query: ReportQuery) -> tuple[list[str], list[list]]:
    """(headers, rows) of the ranking page: rank, user name, name, class, total, 合格/不合格."""
    report = score_report(query)
    headers = ["排名", "用户名", "姓名", "班级", "总分", "满分", "用时（分钟）", "合格/不合格"]
    rows = [[r[0], r[1], r[2], r[3], r[4], r[5], r[-4], r[-1]] for r in report.rows()]
    return headers, rows
