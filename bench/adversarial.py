"""Adversarial answers: does the grader give what an examiner would?  Figures only (no assertions).

For each kind (keyword lists, point-form controls, defence, warnings, double negatives, figures, paraphrase,
echoes) prints the mean normalised grade next to the mean normalised expected score, then how many answers
the second opinion routes to review (flag ``review`` with a similarity reason) and how many of those were
wrongly graded (off by more than 20% of the part); then the same for the ``review`` flag whatever its cause.

    .venv/bin/python bench/adversarial.py                 # the dev set (rubric writers may study it)
    .venv/bin/python bench/adversarial.py --split test   # the held-out set: run it as a guard only
    .venv/bin/python bench/adversarial.py --answers bench/wordings_dev.yaml --worst 10
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.bank import load_bank  # noqa: E402
from app.grading import Grader  # noqa: E402

WRONG = 0.2  # a grade this far (share of the part) from the expected score is wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--answers", action="append", help="answers file(s) instead of the split")
    parser.add_argument("--bank", default=str(ROOT / "question_bank"))
    parser.add_argument("--worst", type=int, default=0)
    args = parser.parse_args()
    bank = load_bank(args.bank)
    grader = Grader(bank.synonyms, parts=bank.case_parts())
    cases = {qid: q for qid, q in bank.questions.items() if q.get("type") == "case"}
    files = [Path(a) for a in args.answers] if args.answers else [ROOT / "bench" / f"adversarial_{args.split}.yaml"]
    for path in files:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
        by_kind: dict[str, list] = defaultdict(list)
        rows = []
        for item in items:
            content = cases.get(item["question"])
            part = next((p for p in (content or {}).get("parts", []) if p["id"] == item["part"]), None)
            if part is None:
                print(f"  unknown part {item['question']}/{item['part']}")
                continue
            result = grader.grade(part, item["answer"], stem=content.get("stem"))
            given, expect = result.score / result.max, float(item["expect"]) / result.max
            routed = any(r.startswith("similarity") for r in getattr(result, "reasons", []))
            row = (item.get("kind", "wordings"), given, expect, routed, item, result, "review" in result.flags)
            by_kind[row[0]].append(row)
            rows.append(row)
        print(f"== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(rows)} answers")
        print(f"{'kind':12s} {'n':>3s} {'expected':>9s} {'grader':>7s} {'diff':>6s} {'routed':>7s} {'wrong':>6s} "
              f"{'routed&wrong':>13s} {'review(any)':>12s} {'review&wrong':>13s}")
        for kind, group in list(by_kind.items()) + [("ALL", rows)]:
            n = len(group)
            e = sum(r[2] for r in group) / n
            g = sum(r[1] for r in group) / n
            routed = sum(r[3] for r in group)
            wrong = sum(abs(r[1] - r[2]) > WRONG + 1e-9 for r in group)
            both = sum(r[3] and abs(r[1] - r[2]) > WRONG + 1e-9 for r in group)
            review = sum(r[6] for r in group)
            review_wrong = sum(r[6] and abs(r[1] - r[2]) > WRONG + 1e-9 for r in group)
            print(f"{kind:12s} {n:3d} {e:9.2f} {g:7.2f} {g - e:+6.2f} {routed:7d} {wrong:6d} {both:13d} {review:12d} "
                  f"{review_wrong:13d}")
        xs, ys = [r[2] for r in rows], [r[1] for r in rows]
        if len(rows) > 2:
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
            sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
            mae = sum(abs(x - y) for x, y in zip(xs, ys)) / len(xs)
            print(f"Pearson {sxy / (sxx * syy) ** 0.5 if sxx and syy else 0:.3f}, MAE {mae:.3f} (normalised scores)")
        if args.worst:
            rows.sort(key=lambda r: -abs(r[1] - r[2]))
            for kind, given, expect, routed, item, result, _ in rows[:args.worst]:
                earned = [p.id for p in result.points if p.earned]
                print(f"  {given - expect:+.2f} {kind} {item['question']}/{item['part']}: {given:.2f} vs {expect:.2f}"
                      f"{' [routed]' if routed else ''} earned {earned}; {item['answer'][:60]!r}")
        print()


if __name__ == "__main__":
    main()
