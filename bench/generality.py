"""Do the bank's rubrics generalise?  Two figures, printed only (no assertions).

(a) Cross-question: every case part graded against the reference answers of every OTHER question.
    An answer to another question should earn almost nothing (at most 10% of the part's points).
    Prints the share of pairs above 10%, the mean share of points earned, and the worst pairs.
(b) Independent wordings: bench/independent_answers.yaml holds answers that state a part's key points in
    words other than the reference's (practitioner / course-notes phrasing), with the score an instructor
    would give.  Prints the mean ratio given/expected, the share reaching 80% of expected, and the worst items.

    .venv/bin/python bench/generality.py
    .venv/bin/python bench/generality.py --worst 40 --bank question_bank
    .venv/bin/python bench/generality.py --points      # also: which rubric points earn most cross-question credit
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.bank import load_bank  # noqa: E402
from app.bank.overlaps import declared_pairs  # noqa: E402
from app.grading import Grader  # noqa: E402
from app.grading.samples import cross_check  # noqa: E402

INDEPENDENT = ROOT / "bench" / "independent_answers.yaml"


def cross_question(questions: dict, grader: Grader, worst: int, show_points: bool) -> None:
    parts = [(qid, part) for qid, content in questions.items() for part in content.get("parts", [])]
    declared = declared_pairs(questions)
    compiled = {(qid, part["id"]): grader.compile(part) for qid, part in parts}
    # Every pair, not only those above 10% (threshold -1): the mean share needs them all.
    _, rows = cross_check(questions, grader, threshold=-1, declared=declared)
    point_hits = Counter((h.question, h.part, p) for h in rows for p in h.earned)
    share = {id(h): h.score / h.maximum if h.maximum else 0.0 for h in rows}
    over = [h for h in rows if share[id(h)] > 0.1 + 1e-9]
    over_declared = [h for h in over if h.declared]
    mean = sum(share.values()) / len(rows) if rows else 0.0
    print("== (a) cross-question: parts graded against other questions' reference answers")
    print(f"pairs: {len(rows)}; above 10%: {len(over)} ({len(over) / len(rows):.1%}), of which "
          f"{len(over_declared)} are declared overlaps (undeclared: {len(over) - len(over_declared)}, "
          f"{(len(over) - len(over_declared)) / len(rows):.1%}); "
          f"above 20%: {sum(v > 0.2 + 1e-9 for v in share.values())}; mean share earned: {mean:.2%}")
    print(f"worst {worst}:")
    for h in rows[:worst]:  # cross_check sorts worst first
        note = ", [declared overlap]" if h.declared else ""
        print(f"  {share[id(h)]:5.0%}  {h.question}/{h.part} <- {h.other}/{h.other_part}: "
              f"{h.score:g}/{h.maximum:g} ({', '.join(h.earned)}{note})")
    # The same with every good sample answer (≥ 60% expected) of the other questions: more, and more varied, text.
    tried = over_samples = 0
    shares = 0.0
    for qid, part in parts:
        target = compiled[(qid, part["id"])]
        for other, other_part in parts:
            if other == qid or frozenset({(qid, part["id"]), (other, other_part["id"])}) in declared:
                continue
            for sample in other_part.get("samples", []):
                if sample["expect"] < 0.6 * other_part.get("points", 10):
                    continue
                result = grader.grade_compiled(target, sample["answer"])
                share = result.score / result.max if result.max else 0.0
                tried += 1
                shares += share
                over_samples += share > 0.1 + 1e-9
    if tried:
        print(f"good sample answers of other questions (declared overlaps left out): {tried} pairs; above 10%: "
              f"{over_samples} ({over_samples / tried:.1%}); mean share earned: {shares / tried:.2%}")
    if show_points:
        print("rubric points most often earned by other questions' references:")
        for (qid, pid, p), n in point_hits.most_common(30):
            print(f"  {n:3d}  {qid}/{pid}/{p}")


def independent(questions: dict, grader: Grader, path: Path, worst: int) -> None:
    print(f"== (b) independent wordings: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    if not path.exists():
        print("  (no file)")
        return
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
    rows = []
    for item in items:
        content = questions.get(item["question"])
        part = next((p for p in (content or {}).get("parts", []) if p["id"] == item["part"]), None)
        if part is None:
            print(f"  unknown part {item['question']}/{item['part']}")
            continue
        result = grader.grade(part, item["answer"])
        expect = float(item["expect"])
        ratio = result.score / expect if expect else (1.0 if result.score <= 0.1 * result.max else 0.0)
        missed = [p.id for p in result.points if not p.earned]
        rows.append((min(ratio, 1.5), item["question"], item["part"], result.score, expect, result.max, missed))
    if not rows:
        print("  (no items)")
        return
    mean = sum(min(r[0], 1.0) for r in rows) / len(rows)
    good = sum(r[0] >= 0.8 - 1e-9 for r in rows)
    print(f"items: {len(rows)} over {len({(r[1], r[2]) for r in rows})} parts; "
          f"mean given/expected (capped at 1): {mean:.1%}; reaching 80% of expected: {good} ({good / len(rows):.1%})")
    rows.sort(key=lambda r: r[0])
    print(f"worst {worst}:")
    for ratio, qid, pid, score, expect, maximum, missed in rows[:worst]:
        print(f"  {ratio:5.0%}  {qid}/{pid}: {score:g} of expected {expect:g} (max {maximum:g}); "
              f"missed: {', '.join(missed) or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bank", default=str(ROOT / "question_bank"))
    parser.add_argument("--answers", action="append",
                        help="answers file for (b), repeatable (default: every bench/*answers*.yaml and "
                             "bench/wordings_*.yaml)")
    parser.add_argument("--worst", type=int, default=0, help="rows to list (default 20 for (a), 15 for (b))")
    parser.add_argument("--points", action="store_true")
    args = parser.parse_args()
    bank = load_bank(args.bank)
    grader = Grader(bank.synonyms, parts=bank.case_parts())
    cases = {qid: q for qid, q in bank.questions.items() if q.get("type") == "case"}
    cross_question(cases, grader, args.worst or 20, args.points)
    print()
    files = [Path(a) for a in args.answers] if args.answers else \
        [INDEPENDENT, *sorted((ROOT / "bench").glob("wordings_*.yaml"))]
    for path in files:
        independent(cases, grader, path, args.worst or 15)
        print()


if __name__ == "__main__":
    main()
