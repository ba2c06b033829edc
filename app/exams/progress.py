"""A trainee's history, progress over time, mastery per area, and the dashboard summary."""
from __future__ import annotations

from sqlalchemy import case, func, select

from ..extensions import db
from .access import closed_papers
from ..models import Attempt, AttemptItem, Paper, PracticeAnswer, QuestionVersion, Response, utcnow
from .payloads import iso
from .mistakes import due_count, holds_open_question, open_attempt_questions, open_entries
from .practice import practice_topics


def _percent(score, maximum) -> float | None:
    return round(100 * score / maximum, 1) if maximum else None


def history(user) -> list[dict]:
    """Every attempt of the user, newest first. The score of a finished attempt holding a question of an attempt
    still open is withheld (``withheld``, score and percent None) until that one is submitted, as its result is."""
    rows = db.session.execute(select(Attempt, Paper, holds_open_question(user))
                              .join(Paper, Paper.id == Attempt.paper_id)
                              .where(Attempt.user_id == user.id).order_by(Attempt.started_at.desc(), Attempt.id.desc()))
    awaiting = set(db.session.scalars(
        select(AttemptItem.attempt_id).distinct().join(Response, Response.item_id == AttemptItem.id)
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .where(Attempt.user_id == user.id, Response.needs_review.is_(True), Response.reviewed_at.is_(None))))
    out = []
    for attempt, paper, withheld in rows:
        used = None
        if attempt.finished_at is not None:
            used = max(int((attempt.finished_at - attempt.started_at).total_seconds()), 0)
        review = attempt.id in awaiting
        score = None if withheld else attempt.score
        out.append({
            "id": attempt.id, "paper": paper.key, "title": paper.title, "kind": paper.kind,
            "status": attempt.status, "score": score, "max_score": attempt.max_score, "withheld": bool(withheld),
            "percent": _percent(score or 0.0, attempt.max_score) if score is not None else None,
            "started_at": iso(attempt.started_at), "finished_at": iso(attempt.finished_at), "deadline": iso(attempt.deadline),
            "time_used_seconds": used, "needs_review": review,
        })
    return out


def mastery(user) -> list[dict]:
    """Share of points earned per area (topic), over finished attempts and practice answers. An exam item whose
    question is in an attempt still open is left out until that attempt is submitted (its result withholds it)."""
    areas: dict[str, dict] = {}

    def add(topic, score, maximum, source):
        area = areas.setdefault(topic, {"topic": topic, "earned": 0.0, "max": 0.0, "exam": 0, "practice": 0})
        area["earned"] += score or 0.0
        area["max"] += maximum or 0.0
        area[source] += 1

    rows = db.session.execute(
        select(AttemptItem.points, Response.score, QuestionVersion.content)
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .join(QuestionVersion, QuestionVersion.id == AttemptItem.question_version_id)
        .outerjoin(Response, Response.item_id == AttemptItem.id)
        .where(Attempt.user_id == user.id, Attempt.status != Attempt.STARTED,
               QuestionVersion.question_id.not_in(open_attempt_questions(user).scalar_subquery())))
    for points, score, content in rows:
        add(content["topic"], score, points, "exam")
    rows = db.session.execute(select(PracticeAnswer.score, PracticeAnswer.max, QuestionVersion.content)
                              .join(QuestionVersion, QuestionVersion.id == PracticeAnswer.question_version_id)
                              .where(PracticeAnswer.user_id == user.id))
    for score, maximum, content in rows:
        add(content["topic"], score, maximum, "practice")
    out = []
    for area in sorted(areas.values(), key=lambda a: a["topic"]):
        area["earned"] = round(area["earned"], 2)
        area["percent"] = _percent(area["earned"], area["max"])
        out.append(area)
    return out


def progress(user) -> dict:
    """Scores over time (finished attempts, oldest first) and mastery per area."""
    scores = [{"attempt": h["id"], "paper": h["paper"], "title": h["title"], "at": h["finished_at"],
               "score": h["score"], "max": h["max_score"], "percent": h["percent"], "withheld": h["withheld"]}
              for h in reversed(history(user)) if h["status"] != Attempt.STARTED]
    practice_count = db.session.query(PracticeAnswer).filter(PracticeAnswer.user_id == user.id).count()
    return {"scores": scores, "areas": mastery(user), "practice_answers": practice_count}


def open_papers(user) -> list[dict]:
    """Live papers (active, not drafts) with the user's attempt count and best score on each (``best`` None and
    ``best_withheld`` true while one of the attempts holds a question of an attempt still open)."""
    closed = closed_papers(user, utcnow())
    papers = [p for p in db.session.scalars(select(Paper).where(Paper.is_live()).order_by(Paper.kind, Paper.key))
              if p.id not in closed]
    stats = {
        row.paper_id: row
        for row in db.session.execute(
            select(Attempt.paper_id, func.count(Attempt.id).label("count"), func.max(Attempt.score).label("best"),
                   func.max(case((holds_open_question(user), 1), else_=0)).label("held"))
            .where(Attempt.user_id == user.id, Attempt.status != Attempt.STARTED)
            .group_by(Attempt.paper_id)
        )
    }
    out = []
    for paper in papers:
        row = stats.get(paper.id)
        used = row.count if row else 0
        out.append({
            "paper": paper,
            "attempts_used": used,
            "attempts_left": None if paper.max_attempts is None else max(paper.max_attempts - used, 0),
            "best": row.best if row and not row.held else None,
            "best_withheld": bool(row and row.held),
        })
    return out


def dashboard(user, now=None) -> dict:
    """Open papers (time limit, attempts left, best score, a resumable attempt), 错题本 counts, practice areas."""
    now = now or utcnow()
    papers = []
    started = {}
    for attempt in db.session.scalars(select(Attempt).where(Attempt.user_id == user.id,
                                                            Attempt.status == Attempt.STARTED)
                                      .order_by(Attempt.id)):
        if not attempt.is_past_deadline(now):
            started[attempt.paper_id] = attempt  # the newest open attempt of each paper
    for row in open_papers(user):
        paper = row["paper"]
        current = started.get(paper.id)
        papers.append({
            "key": paper.key, "title": paper.title, "kind": paper.kind,
            "description": paper.definition.get("description", ""), "time_limit": paper.time_limit,
            "max_attempts": paper.max_attempts, "attempts_used": row["attempts_used"],
            "attempts_left": row["attempts_left"], "best": row["best"], "best_withheld": row["best_withheld"],
            "open_attempt": None if current is None else {"id": current.id, "deadline": iso(current.deadline)},
        })
    return {
        "papers": papers,
        "mocks": [p for p in papers if p["kind"] == "mock"],
        "practice_papers": [p for p in papers if p["kind"] != "mock"],
        "mistakes_due": due_count(user, now),
        "mistakes_open": len(open_entries(user, now=now)),
        "areas": practice_topics(),
        "recent": history(user)[:5],
    }
