"""Load benchmark (not a test): a class of N trainees sitting a mock paper on gunicorn + PostgreSQL (+ Redis).

Each trainee takes a bearer token (arriving over --arrival seconds), starts the papers of a mock exam (mock-1,
理论知识, and mock-1-case, 专业能力), saves
every answer (case parts: 150-300 characters) with a compressed thinking time, changes a fifth of them, and
waits; then the whole class submits within two seconds (a tenth of them twice, as a double click would); a
submit queues its grading for the RQ workers (--rq-workers), and the bench waits until every attempt is graded
(``graded_within_s``, from the first submit). Between
the sitting and the submits, a flat-out phase saves with no thinking time, and the same load hits a bare Flask
endpoint doing one upsert on the same stack (bench/bare_upsert.py, up at the same time on its own ports) for the
ratio: --rounds rounds of --flat seconds each, product and bare in turn, so that the machine's drifts hit both
alike; the figures are the medians over the rounds (the ratio: the median of the rounds' ratios).

It prints p50/p95/p99 per endpoint and the errors, then checks the database: every last answer saved (answered
200) is stored, every attempt is finished and graded once (one attempt per trainee, a score on every response,
no regrade rows). The last line is one JSON object.

    .venv/bin/python bench/load.py                      # 200 trainees, one server (2 workers per core)
    .venv/bin/python bench/load.py --servers 2          # two servers on two ports, sharing PostgreSQL and Redis

Only loopback traffic; every loop is bounded. The database (--database, default loadtest) is dropped and made
again on the PostgreSQL server of --postgres.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PASSWORD = "load-test-password"
PAPERS = ("mock-1", "mock-1-case")  # one mock exam: the 理论知识 paper and the 专业能力 (case) paper
CASE_TEXT = ("首先要向客户真诚道歉，耐心倾听客户的投诉内容，不打断、不争辩，并做好记录；然后核实情况，"
             "站在客户角度理解其感受，说明公司的处理办法，提出退换货或补偿的方案供客户选择；"
             "处理完毕后在约定时间内电话回访，确认客户满意，并把问题反馈给相关部门改进服务流程，"
             "避免同类投诉再次发生。同时对一线员工开展服务礼仪和投诉处理技巧的培训。")


def case_text(rng: random.Random, n: int) -> str:
    length = rng.randint(150, 300)
    text = f"（第{n}稿）" + (CASE_TEXT * 3)
    return text[:length]


# ------------------------------------------------------------------------------------------------ stack
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args: list[str], env: dict) -> None:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def prepare_database(admin_url: str, name: str, env: dict, trainees: int) -> None:
    import psycopg

    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    run([str(BIN / "flask"), "--app", "wsgi:app", "db", "upgrade"], env)
    run([str(BIN / "flask"), "--app", "wsgi:app", "bank", "import", "question_bank"], env)
    from argon2 import PasswordHasher

    sys.path.insert(0, str(ROOT))
    from app.config import ARGON2_DEFAULT

    digest = PasswordHasher(**ARGON2_DEFAULT).hash(PASSWORD)  # production's cost: every sign-in verifies it
    with psycopg.connect(f"{admin_url}/{name}", autocommit=True) as conn:
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO users (username, display_name, password_hash, roles, active, created_at, "
                            "session_version) VALUES (%s, '', %s, 'trainee', true, now(), 1)",
                            [(f"load{n:04d}", digest) for n in range(trainees)])
        conn.execute("CREATE TABLE bare_responses (item_id integer PRIMARY KEY, answer text, "
                     "saved_at timestamptz)")


class Server:
    def __init__(self, app: str, env: dict, workers: int, chdir: str | None = None, probe=("GET", "/login")) -> None:
        self.port = free_port()
        args = [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{self.port}",
                "--workers", str(workers)]
        if chdir:
            args += ["--chdir", chdir]
        self.proc = subprocess.Popen(args + [app], cwd=ROOT, env=dict(env, GUNICORN_ACCESS_LOG=""),
                                     stdout=subprocess.DEVNULL, stderr=open("/tmp/load-gunicorn.log", "a"),
                                     start_new_session=True)
        deadline = time.monotonic() + 120
        ready = 0
        while time.monotonic() < deadline:  # ready: every worker has answered (a few answers in a row)
            if self.proc.poll() is not None:
                sys.exit("gunicorn exited at start: see /tmp/load-gunicorn.log")
            status, _ = call(self.port, probe[0], probe[1], {} if probe[0] == "PUT" else None)
            ready = ready + 1 if status == 200 else 0
            if ready >= 3 * workers:
                return
            time.sleep(0.1 if ready else 0.3)
        self.stop()
        sys.exit("gunicorn did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


# ----------------------------------------------------------------------------------------------- client
class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.ended = defaultdict(list)  # when each request ended (monotonic), beside its time
        self.codes = defaultdict(lambda: defaultdict(int))

    def add(self, endpoint: str, status: int, ms: float) -> None:
        with self.lock:
            self.times[endpoint].append(ms)
            self.ended[endpoint].append(time.monotonic())
            self.codes[endpoint][status] += 1


def call(port: int, method: str, path: str, body=None, token=None, stats=None, endpoint=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body) if body is not None else None
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        status = response.status
    except OSError:
        status, raw = 599, b"null"  # connection failed: counted as a server error
    finally:
        conn.close()
    if stats is not None:
        stats.add(endpoint, status, (time.perf_counter() - started) * 1000)
    try:
        return status, json.loads(raw or b"null")
    except ValueError:
        return status, None


def answer_for(item: dict, rng: random.Random, n: int):
    kind = item["type"]
    if kind == "single":
        return rng.choice(item["options"])["value"]
    if kind == "multiple":
        values = [o["value"] for o in item["options"]]
        return sorted(rng.sample(values, rng.randint(2, min(3, len(values)))))
    if kind == "judge":
        return rng.random() < 0.5
    return {rng.choice(item["parts"])["id"]: case_text(rng, n)}


class Trainee:
    def __init__(self, n: int, ports: list[int], stats: Stats, think: float, seed: int) -> None:
        self.username = f"load{n:04d}"
        self.port = ports[n % len(ports)]  # the clients alternate between the servers
        self.stats, self.think = stats, think
        self.rng = random.Random(seed * 100_003 + n)
        self.token = None
        self.attempts = []
        self.last = {}  # (attempt id, question) -> the answer the server last accepted (200)
        self.lock = threading.Lock()

    def save(self, attempt_id: int, item: dict, n: int, endpoint: str = "save") -> None:
        key = item["question"]
        status, body = call(self.port, "PUT", f"/api/attempts/{attempt_id}/answers/{key}",
                            {"answer": answer_for(item, self.rng, n)}, self.token, self.stats, endpoint)
        if status == 200:
            self.last[(attempt_id, key)] = body["answer"]

    def sit(self, arrive_at: float) -> None:
        time.sleep(max(0.0, arrive_at - time.monotonic()))
        status, body = call(self.port, "POST", "/api/auth/token", {"username": self.username, "password": PASSWORD},
                            stats=self.stats, endpoint="token")
        if status != 200:
            return
        self.token = body["token"]
        for paper in PAPERS:
            status, body = call(self.port, "POST", f"/api/papers/{paper}/attempts", token=self.token,
                                stats=self.stats, endpoint="start")
            if status in (200, 201):
                self.attempts.append(body)
        items = [(a["id"], item) for a in self.attempts for item in a["items"]]
        changed = self.rng.sample(items, len(items) // 5)
        for n, (attempt_id, item) in enumerate(items + changed):
            time.sleep(self.rng.uniform(0.3, 1.1) * self.think)
            self.save(attempt_id, item, n)

    def flat_out(self, until: float) -> None:
        items = [(a["id"], item) for a in self.attempts for item in a["items"]]
        n = 1000
        while items and time.monotonic() < until:
            n += 1
            self.save(*self.rng.choice(items), n, "save_flat")

    def submit(self, at: float) -> None:
        time.sleep(max(0.0, at - time.monotonic()))
        for attempt in self.attempts:
            path = f"/api/attempts/{attempt['id']}/submit"
            call(self.port, "POST", path, token=self.token, stats=self.stats, endpoint="submit")
            if self.rng.random() < 0.1:  # a double click
                call(self.port, "POST", path, token=self.token, stats=self.stats, endpoint="submit")


def run_threads(targets) -> None:
    threads = [threading.Thread(target=fn, args=args, daemon=True) for fn, args in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=1800)


def rate(stats, endpoint: str, drivers: list) -> float:
    """Runs the drivers (function, args) in threads; the calls to ``endpoint`` they made per second."""
    before = len(stats.times[endpoint])
    started = time.monotonic()
    run_threads(drivers)
    return (len(stats.times[endpoint]) - before) / (time.monotonic() - started)


def flat_phase(trainees, stats, seconds: float, threads: int) -> float:
    """Saves with no thinking time by ``threads`` clients, each on its own trainees; saves per second."""
    groups = [trainees[i::threads] for i in range(threads)]
    until = time.monotonic() + seconds

    def drive(group):
        while time.monotonic() < until:
            for trainee in group:
                trainee.flat_out(min(until, time.monotonic() + 0.05))

    return rate(stats, "save_flat", [(drive, (group,)) for group in groups if group])


def bare_phase(ports, stats, seconds: float, threads: int) -> float:
    """The same flat-out saves against the bare upsert endpoint (no app): the ceiling to compare with."""
    until = time.monotonic() + seconds
    rng = random.Random(7)

    def drive(t: int):
        n = 0
        while time.monotonic() < until:
            n += 1
            call(ports[(t + n) % len(ports)], "PUT", f"/bare/{t * 100 + n % 52}",
                 {"answer": case_text(rng, n)}, stats=stats, endpoint="bare")

    return rate(stats, "bare", [(drive, (t,)) for t in range(threads)])


# ------------------------------------------------------------------------------------------------ checks
def check_database(url: str, trainees) -> dict:
    import psycopg

    lost = 0
    with psycopg.connect(url) as conn:
        answers = {}
        for attempt_id, key, answer in conn.execute(
                "SELECT i.attempt_id, q.key, r.answer FROM responses r JOIN attempt_items i ON r.item_id = i.id "
                "JOIN question_versions v ON i.question_version_id = v.id JOIN questions q ON v.question_id = q.id"):
            answers[(attempt_id, key)] = answer
        for trainee in trainees:
            for where, expected in trainee.last.items():
                if answers.get(where) != expected:
                    lost += 1
        per_user = conn.execute("SELECT count(*) FROM (SELECT user_id, paper_id FROM attempts GROUP BY 1, 2 "
                                "HAVING count(*) > 1) AS d").fetchone()[0]
        regrades = conn.execute("SELECT count(*) FROM grade_changes").fetchone()[0]
        unfinished = conn.execute("SELECT count(*) FROM attempts WHERE status = 'started' OR score IS NULL"
                                  ).fetchone()[0]
        ungraded = conn.execute("SELECT count(*) FROM responses r JOIN attempt_items i ON r.item_id = i.id "
                                "JOIN attempts a ON i.attempt_id = a.id WHERE a.status <> 'started' "
                                "AND r.score IS NULL").fetchone()[0]
    return {"lost_answers": lost, "double_grades": per_user + regrades, "ungraded": unfinished + ungraded}


def wait_for_grading(url: str, since: float, timeout: float) -> float:
    """Seconds from ``since`` (monotonic) until no finished attempt awaits its grading job."""
    import psycopg

    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            left = conn.execute("SELECT count(*) FROM attempts WHERE status <> 'started' AND score IS NULL"
                                ).fetchone()[0]
            if left == 0:
                return time.monotonic() - since
            time.sleep(0.2)
    return float("inf")


def percentile(values, p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--servers", type=int, choices=(1, 2), default=1)
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn workers per server (default: gunicorn.conf.py's 2 per core, shared out "
                             "between the servers, which all run on this machine)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per gunicorn worker (more than 1: gthread workers; default 1)")
    parser.add_argument("--arrival", type=float, default=60.0, help="seconds over which the class signs in")
    parser.add_argument("--think", type=float, default=1.0, help="thinking time scale (1: 0.3-1.1 s per save)")
    parser.add_argument("--rq-workers", type=int, default=1,
                        help="RQ workers grading submits, in all (every server here shares this machine's cores)")
    parser.add_argument("--flat", type=float, default=4.0,
                        help="seconds of flat-out saves, then of bare upserts, in each round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of flat-out saves and bare upserts")
    parser.add_argument("--flat-clients", type=int, default=16)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="loadtest")
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.workers is None:
        args.workers = max(1, 2 * (os.cpu_count() or 1) // args.servers)

    url = f"{args.postgres}/{args.database}"
    env = dict(os.environ, DATABASE_URL=url, REDIS_URL=args.redis, SECRET_KEY="load-test-secret",
               INSTANCE_PATH="/tmp/load-instance", PYTHONPATH=str(ROOT), GUNICORN_THREADS=str(args.threads))
    print(f"preparing {args.database}: schema, bank, {args.trainees} trainees", flush=True)
    prepare_database(args.postgres, args.database, env, args.trainees)
    servers = [Server("wsgi:app", env, args.workers) for _ in range(args.servers)]
    # the RQ workers that grade the submitted attempts (a submit only queues its grading)
    graders = [subprocess.Popen([str(BIN / "flask"), "--app", "wsgi:app", "jobs", "worker", "--nice", "10"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=open("/tmp/load-worker.log", "a"),
                                start_new_session=True) for _ in range(args.rq_workers)]
    stats = Stats()
    graded_within = None
    try:
        ports = [s.port for s in servers]
        trainees = [Trainee(n, ports, stats, args.think, args.seed) for n in range(args.trainees)]
        began = time.monotonic()
        spacing = args.arrival / max(1, args.trainees)
        print(f"sitting: {args.trainees} trainees on {len(ports)} server(s) x {args.workers} workers"
              f" x {args.threads} thread(s)", flush=True)
        run_threads([(t.sit, (began + i * spacing,)) for i, t in enumerate(trainees)])
        print("flat out: product and bare upserts in turn", flush=True)
        bare_servers = [Server("bare_upsert:app", env, args.workers, chdir=str(ROOT / "bench"),
                               probe=("PUT", "/bare/0")) for _ in range(args.servers)]
        rounds = []
        try:
            for _ in range(args.rounds):
                product = flat_phase(trainees, stats, args.flat, args.flat_clients)
                bare = bare_phase([s.port for s in bare_servers], stats, args.flat, args.flat_clients)
                rounds.append((product, bare))
                print(f"  saves/s {product:.0f}, bare {bare:.0f}, ratio {product / bare:.3f}", flush=True)
        finally:
            for server in bare_servers:
                server.stop()
        saves_per_s = statistics.median(p for p, _ in rounds)
        bare_per_s = statistics.median(b for _, b in rounds)
        ratio = statistics.median(p / b for p, b in rounds)
        print("the class submits within 2 s", flush=True)
        start = time.monotonic() + 0.5
        rng = random.Random(args.seed)
        run_threads([(t.submit, (start + rng.uniform(0, 2),)) for t in trainees])
        graded_within = wait_for_grading(url, start, timeout=600)
        print(f"every attempt graded {graded_within:.1f} s after the first submit", flush=True)
    finally:
        for server in servers:
            server.stop()
        for worker in graders:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait(timeout=30)

    print(f"\n{'endpoint':<10} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  status codes")
    for endpoint in ("token", "start", "save", "save_flat", "submit", "bare"):
        times = stats.times.get(endpoint, [])
        codes = dict(sorted(stats.codes[endpoint].items()))
        print(f"{endpoint:<10} {len(times):>6} {percentile(times, 50):>8.1f} {percentile(times, 95):>8.1f} "
              f"{percentile(times, 99):>8.1f}  {codes}")
    # Where the save tail comes from: the minute the class signs in and starts (tokens and starts beside the
    # saves) or the steady sitting after it.
    arrived = began + args.arrival
    during = [ms for ms, t in zip(stats.times["save"], stats.ended["save"]) if t <= arrived]
    after = [ms for ms, t in zip(stats.times["save"], stats.ended["save"]) if t > arrived]
    print(f"save p99 while the class arrives: {percentile(during, 99):.1f} ms ({len(during)} saves); "
          f"after: {percentile(after, 99):.1f} ms ({len(after)} saves)")
    errors_5xx = sum(n for codes in stats.codes.values() for code, n in codes.items() if code >= 500)
    errors = {e: {c: n for c, n in codes.items() if c >= 400} for e, codes in stats.codes.items()}
    print("errors:", {e: c for e, c in errors.items() if c} or "none")
    checks = check_database(url, trainees)
    print("database:", checks)
    saves = stats.times.get("save", []) + stats.times.get("save_flat", [])
    print(json.dumps({
        "trainees": args.trainees, "servers": args.servers, "workers": args.workers, "threads": args.threads,
        "saves": len(saves),
        "lost_answers": checks["lost_answers"], "double_grades": checks["double_grades"],
        "ungraded": checks["ungraded"], "errors_5xx": errors_5xx,
        "save_p50_ms": round(percentile(stats.times["save"], 50), 1),
        "save_p99_ms": round(percentile(stats.times["save"], 99), 1),
        "submit_p99_ms": round(percentile(stats.times["submit"], 99), 1),
        "graded_within_s": round(graded_within, 1) if graded_within is not None else None,
        "token_p99_ms": round(percentile(stats.times["token"], 99), 1),
        "saves_per_s": round(saves_per_s, 1), "bare_per_s": round(bare_per_s, 1),
        "ratio_to_bare": round(ratio, 3), "rounds": len(rounds),
    }))


if __name__ == "__main__":
    main()
