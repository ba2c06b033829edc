"""Agreement of the grading engine with a human grader on the ADS data set.

Grades the answers of one split (default: test) against the rubrics in
bench/ads_rubrics.yaml through the real CLI, ``flask --app app grade -``
(one subprocess, JSON lines with inline parts), and prints Pearson,
Spearman, QWK (grades rounded to 0..10) and MAE per question and overall,
next to the character-bigram-recall baseline.

    .venv/bin/python bench/fidelity.py                 # test split, via flask grade
    .venv/bin/python bench/fidelity.py --split train   # the split the rubrics were written from
    .venv/bin/python bench/fidelity.py --inproc        # call grade_lines directly
    .venv/bin/python bench/fidelity.py --cross         # also: answers graded against other questions' rubrics
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.grading.agreement import (  # noqa: E402
    mean_absolute_error,
    pearson,
    quadratic_weighted_kappa,
    spearman,
)

DATA = Path(os.environ.get("ADS_DATA", "/work/shared/datasets/ads"))
RUBRICS = ROOT / "bench" / "ads_rubrics.yaml"


def load_rubrics(path: Path) -> dict[str, dict]:
    """q_id ("001") -> part dict."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    parts = {}
    for question in doc["questions"]:
        q_id = question["id"].rsplit(".q", 1)[1]
        parts[q_id] = question["parts"][0]
    return parts


def load_split(split: str) -> list[dict]:
    with open(DATA / f"{split}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def grade_part(part: dict) -> dict:
    """Only what grading needs: keeps the JSON lines small."""
    return {k: part[k] for k in ("points", "rubric", "order", "order_points") if k in part}


def run_grader(lines: list[str], inproc: bool) -> list[dict]:
    if inproc:
        from app.bank import load_bank
        from app.grading import Grader
        from app.grading.batch import grade_lines

        # the bundled bank's synonyms and vocabulary, as `flask grade` uses them
        bank = load_bank(ROOT / "question_bank")
        return list(grade_lines(lines, Grader(bank.synonyms, parts=bank.case_parts())))
    proc = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "grade", "-"],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        sys.exit(f"flask grade failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}\nUse --inproc until the CLI exists.")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


_CONTENT = re.compile(r"[0-9a-z\u4e00-\u9fff]")


def bigrams(text: str) -> set[str]:
    chars = "".join(_CONTENT.findall(text.lower()))
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


def references(row: dict) -> list[str]:
    refs = [row["reference1"]]
    # Known faults (README): q015's reference2 belongs to q014.
    if row["reference2"] and row["q_id"] != "015":
        refs.append(row["reference2"])
    return refs


def bigram_recall(row: dict) -> float:
    got = bigrams(row["answer"])
    best = 0.0
    for ref in references(row):
        wanted = bigrams(ref)
        if wanted:
            best = max(best, len(wanted & got) / len(wanted))
    return best


def report(title: str, human: list[float], given: list[float], baseline: list[float]) -> str:
    pairs = list(zip(human, given))
    rounded = [min(10, max(0, round(g))) for g in given]
    qwk = quadratic_weighted_kappa([int(h) for h in human], rounded, 0, 10)
    return (
        f"{title:<8} {len(human):>5} {pearson(human, given):>8.3f} {spearman(human, given):>9.3f} "
        f"{qwk:>7.3f} {mean_absolute_error(pairs):>6.2f} {pearson(human, baseline):>10.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test", choices=["test", "train", "all"])
    ap.add_argument("--rubrics", type=Path, default=RUBRICS)
    ap.add_argument("--inproc", action="store_true", help="call grade_lines in this process instead of flask grade")
    ap.add_argument("--cross", action="store_true", help="also grade every answer against the other questions' rubrics")
    ap.add_argument("--worst", type=int, default=0, help="show the N answers with the largest disagreement")
    args = ap.parse_args()

    parts = load_rubrics(args.rubrics)
    rows = [r for r in load_split(args.split) if r["q_id"] in parts]
    lines = [
        json.dumps({"part": grade_part(parts[r["q_id"]]), "answer": r["answer"]}, ensure_ascii=False) for r in rows
    ]
    out = run_grader(lines, args.inproc)
    errors = [o["error"] for o in out if "error" in o]
    if errors or len(out) != len(rows):
        sys.exit(f"{len(errors)} error lines, {len(out)} outputs for {len(rows)} answers: {errors[:3]}")

    per_q: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for row, result in zip(rows, out):
        given = 10.0 * result["score"] / result["max"]
        per_q[row["q_id"]].append((float(row["score"]), given, bigram_recall(row)))

    print(f"ADS {args.split} split, rubrics {args.rubrics.name}, via {'grade_lines (in-process)' if args.inproc else 'flask grade'}")
    print(f"{'question':<8} {'n':>5} {'pearson':>8} {'spearman':>9} {'qwk':>7} {'mae':>6} {'bigram r':>10}")
    for q_id in sorted(per_q):
        h, g, b = zip(*per_q[q_id])
        print(report(q_id, list(h), list(g), list(b)))
    allrows = [t for q in sorted(per_q) for t in per_q[q]]
    h, g, b = zip(*allrows)
    print(report("overall", list(h), list(g), list(b)))

    if args.worst:
        scored = sorted(zip(rows, out), key=lambda ro: -abs(float(ro[0]["score"]) - 10 * ro[1]["score"] / ro[1]["max"]))
        for row, result in scored[: args.worst]:
            earned = [p["id"] for p in result["points"] if p["earned"]]
            print(f"\n{row['q_id']} human {row['score']} given {10 * result['score'] / result['max']:.1f} {earned}")
            print("   ", re.sub(r"\s+", " ", row["answer"])[:300])

    if args.cross:
        # Answers to other questions should earn (next to) nothing.
        cross_lines, owners = [], []
        for q_id, part in parts.items():
            for row in rows:
                if row["q_id"] != q_id and row["answer"].strip():
                    cross_lines.append(json.dumps({"part": grade_part(part), "answer": row["answer"]}, ensure_ascii=False))
                    owners.append(q_id)
        cross = run_grader(cross_lines, args.inproc)
        shares: dict[str, list[float]] = defaultdict(list)
        for q_id, result in zip(owners, cross):
            shares[q_id].append(result["score"] / result["max"])
        print("\ncross-question: answers to OTHER questions graded with this rubric (share of the points)")
        print(f"{'rubric':<8} {'mean':>6} {'>10%':>6}")
        for q_id in sorted(shares):
            s = shares[q_id]
            print(f"{q_id:<8} {sum(s) / len(s):>6.3f} {sum(1 for x in s if x > 0.1) / len(s):>6.3f}")
        every = [x for s in shares.values() for x in s]
        print(f"{'overall':<8} {sum(every) / len(every):>6.3f} {sum(1 for x in every if x > 0.1) / len(every):>6.3f}")


if __name__ == "__main__":
    main()
