"""Score export benchmark: builds finished attempts in a scratch SQLite database and exports them as XLSX and CSV.

Two papers: one with 10,000 trainees' attempts, one with 100,000, each attempt of 5 questions in 2 sections.
For each size and format it prints rows per second (a plain run) and the peak of Python memory allocated during
the export (a second run under tracemalloc): the peak should stay flat as rows grow tenfold, since rows are read
in batches and written by xlsxwriter in constant-memory mode or straight to the CSV file.

    .venv/bin/python bench/export.py [--sizes 10000 100000] [--keep DIR]
"""
import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ITEMS = 5


def build(db, sizes):
    from sqlalchemy import insert

    from app.models import Attempt, AttemptItem, Cohort, Paper, Question, Response, User, cohort_members
    from app.models.questions import QuestionVersion

    question = Question(key="bench.q", type="single", topic="基准")
    question.revise({"id": "bench.q", "type": "single", "topic": "基准", "difficulty": 2, "tags": [], "stem": "题",
                     "options": {"A": "甲", "B": "乙"}, "answer": "A", "points": 1})
    db.session.add(question)
    db.session.flush()
    version_id = db.session.query(QuestionVersion.id).scalar()
    papers = []
    for size in sizes:
        paper = Paper(key=f"bench-{size}", content_hash="")
        paper.update_from({"id": f"bench-{size}", "title": f"基准试卷 {size}", "sections": [
            {"title": "单选", "questions": ["bench.q"]}, {"title": "案例", "questions": ["bench.q"]}]})
        db.session.add(paper)
        papers.append(paper)
    cohort = Cohort(name="基准班")
    db.session.add(cohort)
    db.session.commit()
    t0 = datetime(2026, 11, 1, tzinfo=timezone.utc)
    user_id = attempt_id = item_id = 0
    batch = 5000
    for paper, size in zip(papers, sizes):
        for start in range(0, size, batch):
            users, members, attempts, items, responses = [], [], [], [], []
            for n in range(start, min(start + batch, size)):
                user_id += 1
                attempt_id += 1
                users.append({"id": user_id, "username": f"u{user_id:07d}", "display_name": f"学员{user_id}",
                              "password_hash": "x", "roles_text": "trainee", "active": True, "created_at": t0,
                              "must_change_password": False, "phone": "", "email": ""})
                if n % 10 == 0:
                    members.append({"cohort_id": cohort.id, "user_id": user_id})
                finished = t0 + timedelta(minutes=n % 40000)
                scores = [float((n * 7 + k * 3) % 11) for k in range(ITEMS)]
                attempts.append({"id": attempt_id, "user_id": user_id, "paper_id": paper.id, "status": "submitted",
                                 "started_at": finished - timedelta(minutes=45), "deadline": None,
                                 "finished_at": finished, "score": sum(scores), "max_score": 10.0 * ITEMS})
                for k, score in enumerate(scores):
                    item_id += 1
                    items.append({"id": item_id, "attempt_id": attempt_id, "position": k + 1,
                                  "section": 0 if k < 3 else 1, "question_version_id": version_id, "points": 10.0,
                                  "option_order": None})
                    responses.append({"item_id": item_id, "answer": None, "flagged": False, "score": score,
                                      "result": None, "needs_review": False})
            db.session.execute(insert(User), users)
            if members:
                db.session.execute(insert(cohort_members), members)
            db.session.execute(insert(Attempt), attempts)
            db.session.execute(insert(AttemptItem), items)
            db.session.execute(insert(Response), responses)
            db.session.commit()
    return papers


def run(paper, fmt, out_dir, traced):
    from app.reports.scores import ReportQuery, export

    target = out_dir / f"{paper.key}.{fmt}"
    if traced:
        tracemalloc.start()
    began = time.perf_counter()
    rows = export(ReportQuery(paper), fmt, str(target))
    seconds = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] if traced else None
    if traced:
        tracemalloc.stop()
    return rows, seconds, peak, target.stat().st_size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--keep", help="Keep the database and exports in this folder.")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-export-"))
    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "bench.sqlite3"
    if db_path.exists():
        db_path.unlink()
    os.environ.setdefault("INSTANCE_PATH", str(work))
    from app import create_app
    from app.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}", "SECRET_KEY": "bench"})
    with app.app_context():
        db.create_all()
        began = time.perf_counter()
        papers = build(db, args.sizes)
        print(f"built {sum(args.sizes):,} attempts ({ITEMS} items each) in {time.perf_counter() - began:.1f}s")
        print(f"{'format':<6} {'rows':>8} {'rows/s':>9} {'seconds':>8} {'peak MiB':>9} {'file MiB':>9}")
        for paper, size in zip(papers, args.sizes):
            for fmt in ("xlsx", "csv"):
                rows, seconds, _, size_bytes = run(paper, fmt, work, traced=False)
                _, _, peak, _ = run(paper, fmt, work, traced=True)
                data_rows = size  # the xlsx count includes the summary sheet's rows
                print(f"{fmt:<6} {data_rows:>8,} {data_rows / seconds:>9,.0f} {seconds:>8.2f} "
                      f"{peak / 2**20:>9.1f} {size_bytes / 2**20:>9.1f}")
        db.session.remove()
        db.engine.dispose()
    if not args.keep:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()


if __name__ == "__main__":
    main()
