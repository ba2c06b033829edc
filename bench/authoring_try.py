"""How long the editor's live try panel takes per change: one POST /authoring/try (a draft part with 3 key points
and 5 samples, a 120-character answer), through the whole app on an SQLite database with the test bank.

    .venv/bin/python bench/authoring_try.py
"""
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.auth.services import create_user  # noqa: E402
from app.authoring.services import import_bank, load_for_import  # noqa: E402
from app.extensions import db  # noqa: E402

RUBRIC = ("- id: apologize\n  text: 道歉\n  points: 4\n  match: [[道歉, 致歉]]\n"
          "- id: listen\n  text: 倾听\n  points: 3\n  match: [[倾听, 聆听]]\n"
          "- id: room\n  text: 请到接待室\n  points: 3\n  match: [[请到, 带到], [接待室, 办公室]]\n")
SAMPLES = "".join(f"- answer: 先向顾客道歉，再耐心倾听{i}，然后请到接待室。\n  expect: 10\n" for i in range(5))
ANSWER = ("首先我会诚恳地向顾客道歉，表示理解他的心情，然后耐心倾听顾客的抱怨，不打断也不争辩，"
          "接着把顾客请到接待室坐下，倒一杯水，再了解饼干的购买时间和批次，最后给出退换方案并留下电话方便回访。")


def main(rounds: int = 30) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3", "SECRET_KEY": "bench",
                          "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
        with app.app_context():
            db.create_all()
            import_bank(load_for_import(Path(__file__).resolve().parent.parent / "tests" / "e2e" / "bank"))
            create_user("bench", "bench-password-1", ("instructor",), "")
            db.session.commit()
        client = app.test_client()
        client.post("/login", data={"username": "bench", "password": "bench-password-1"})
        form = {"mode": "form", "type": "case", "id": "bench.case", "topic": "投诉处理", "stem": "题干",
                "part-0-id": "a", "part-0-points": "10", "part-0-prompt": "问", "part-0-reference": "答",
                "part-0-rubric": RUBRIC, "part-0-samples": SAMPLES, "try_part": "a"}
        start = time.perf_counter()
        client.post("/authoring/try", data=dict(form, try_answer=ANSWER))
        first = time.perf_counter() - start
        times = []
        for i in range(rounds):
            start = time.perf_counter()
            response = client.post("/authoring/try", data=dict(form, try_answer=ANSWER[: 60 + i * 2]))
            times.append(time.perf_counter() - start)
            assert response.status_code == 200
        print(f"first try (builds the live Grader): {first * 1000:.0f} ms")
        print(f"each later try, answer + 5 samples, {rounds} rounds: median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
