"""Speed of the marking tools on a paper with many finished attempts (figures only; nothing is asserted).

    .venv/bin/python bench/review.py            # 300 attempts of the test paper (5 questions, 1 case)
    .venv/bin/python bench/review.py -n 1000

On a temporary SQLite database: sits N attempts through app.exams.lifecycle, then times the review queue, the
regrade dry run and real run after a rubric change, item analysis (rows + figures) and the XLSX export/import.
"""
import argparse
import json
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app import create_app  # noqa: E402
from app.extensions import db  # noqa: E402

WORDS = ["先道歉", "耐心倾听", "电话回访", "不要争辩", "请到接待室", "记录问题", "及时反馈", "不要道歉", "安抚情绪"]


def timed(label, fn):
    start = time.perf_counter()
    value = fn()
    print(f"{label:<38} {time.perf_counter() - start:8.3f} s")
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3", "SECRET_KEY": "bench",
                      "ARGON2_PARAMS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1}})
    with app.app_context(), app.test_request_context():
        from app.auth.services import create_user
        from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
        from app.models import Question
        from app.review import analysis_data, item_analysis, spreadsheet
        from app.review.queue import QueueFilter, queue
        from app.review.regrading import regrade_paper
        from tests.exams.factories import make_paper, seed_bank

        db.create_all()
        seed_bank()
        paper = make_paper(max_attempts=None)
        rng = random.Random(7)

        def sit():
            for n in range(args.n):
                user = create_user(f"t{n}", "password-123", ("trainee",))
                attempt, _ = start_attempt(user, paper)
                text = "，".join(rng.sample(WORDS, 3))
                save_answer(attempt, "complaints.case", {"a": text, "b": rng.choice(WORDS)})
                save_answer(attempt, "etiquette.j0", rng.random() < 0.6)
                submit_attempt(attempt)
            db.session.commit()

        timed(f"sit and grade {args.n} attempts", sit)
        print(f"{'responses awaiting review':<38} {len(queue(QueueFilter())):8d}")
        timed("review queue (todo)", lambda: queue(QueueFilter()))
        question = Question.by_key("complaints.case")
        content = json.loads(json.dumps(question.current.content))
        content["parts"][0]["rubric"][0]["points"] = 5
        content["parts"][0]["points"] = 11
        question.revise(content)
        db.session.commit()
        dry = timed("regrade dry run", lambda: regrade_paper(paper, dry_run=True))
        print(f"{'  responses / changed':<38} {dry.responses:8d} / {len(dry.changed)}")
        timed("regrade (real)", lambda: regrade_paper(paper, dry_run=False))
        db.session.commit()
        rows = timed("item analysis: rows from the database", lambda: analysis_data.analysis_rows(paper, False))
        timed("item analysis: figures", lambda: item_analysis.analyse(rows))
        data = timed("XLSX export", lambda: spreadsheet.export_marking(paper))
        print(f"{'  XLSX size':<38} {len(data) / 1024:8.1f} KiB")
        timed("XLSX import preview (unchanged sheet)", lambda: spreadsheet.read_marking(data, paper))


if __name__ == "__main__":
    main()
