"""Trainee-side operations on papers and attempts: they flush, the view commits."""
from sqlalchemy import func, select

from ..extensions import db
from ..models import Attempt, Paper


def open_papers(user) -> list[dict]:
    """Active papers with the user's attempt count and best score on each."""
    papers = db.session.scalars(select(Paper).where(Paper.active).order_by(Paper.kind, Paper.key)).all()
    stats = {
        row.paper_id: row
        for row in db.session.execute(
            select(Attempt.paper_id, func.count(Attempt.id).label("count"), func.max(Attempt.score).label("best"))
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
            "best": row.best if row else None,
        })
    return out
