"""Learn the opposite-register cues of ``app/grading/opposed.py`` and choose their threshold.  Prints figures.

Answers: every development set in bench/ (never a held-out ``*_test*`` set, never the ADS data), labelled opposed
when their kind is one an examiner gives almost nothing for its stance (``opposite``, ``defence``, ``warnings``)
and fair otherwise; ``negafter`` answers (one act refused among fair ones) are left out of the training; the
bank's references and its samples expected to earn 30% or more are fair.

The threshold: each set is left out in turn, the cues learnt from the others score it; the threshold is
MARGIN times the highest score any fair answer (expected 30% or more of the part) got that way, so that no fair
answer of an unseen set would have been capped.

    .venv/bin/python bench/stance_train.py            # figures only
    .venv/bin/python bench/stance_train.py --write    # also write app/grading/opposed_cues.json
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.bank import load_bank  # noqa: E402
from app.grading.normalize import normalize  # noqa: E402
from app.grading import Grader  # noqa: E402
from app.grading.opposed import CUES_FILE, cues, learn, stance_score, story_words  # noqa: E402

OPPOSED_KINDS = {"opposite", "defence", "warnings"}
LEFT_OUT_KINDS = {"negafter"}
FAIR_SHARE = 0.3
MARGIN = 1.3  # the threshold is this many times the highest fair score


def collect(bank_dir: Path, bank=None, grader=None) -> list[dict]:
    """Every answer the cues are learnt from, with its cues (``bank``, ``grader``: already loaded ones)."""
    bank = bank or load_bank(str(bank_dir))
    cases = {qid: q for qid, q in bank.questions.items() if q.get("type") == "case"}
    points = {(qid, p["id"]): p["points"] for qid, q in cases.items() for p in q["parts"]}
    grader = grader or Grader(bank.synonyms, parts=bank.case_parts())
    # the words the reading leaves out, exactly as the engine finds them: the story, the prompt, the rubric
    own = {(qid, p["id"]): grader.compile(p).own_words | story_words(q.get("stem"))
           for qid, q in cases.items() for p in q["parts"]}
    rows = []
    for path in sorted((ROOT / "bench").glob("*.yaml")):
        if path.stem.startswith("ads") or "_test" in path.stem:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "answers" not in data:
            continue
        for item in data["answers"]:
            key = (item["question"], item["part"])
            if key not in points or item.get("kind") in LEFT_OUT_KINDS:
                continue
            rows.append({"group": path.stem, "key": key, "text": item["answer"], "opposed": item.get("kind") in OPPOSED_KINDS,
                         "share": float(item["expect"]) / points[key]})
    for (qid, pid), total in points.items():
        part = next(p for p in cases[qid]["parts"] if p["id"] == pid)
        rows.append({"group": "bank", "key": (qid, pid), "text": part["reference"], "opposed": False, "share": 1.0})
        for sample in part.get("samples") or []:
            if sample["expect"] / total >= FAIR_SHARE:
                rows.append({"group": "bank", "key": (qid, pid), "text": sample["answer"], "opposed": False,
                             "share": sample["expect"] / total})
    for row in rows:
        row["cues"] = cues(normalize(row["text"]).text) - own[row["key"]]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bank", default=str(ROOT / "question_bank"))
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = collect(Path(args.bank))
    groups = sorted({r["group"] for r in rows})
    for group in groups:  # leave one set out
        weights = learn([(r["cues"], r["opposed"]) for r in rows if r["group"] != group])
        for r in rows:
            if r["group"] == group:
                r["cv"] = stance_score(weights, r["cues"])
    fair = [r for r in rows if not r["opposed"] and r["share"] >= FAIR_SHARE - 1e-9]
    low = [r for r in rows if not r["opposed"] and r["share"] < FAIR_SHARE - 1e-9]
    opposed = [r for r in rows if r["opposed"]]
    top = max(fair, key=lambda r: r["cv"])
    threshold = math.ceil(top["cv"] * MARGIN * 20) / 20
    print(f"{len(rows)} answers from {len(groups)} groups: {len(opposed)} opposed, {len(fair)} fair, {len(low)} low")
    print(f"highest fair score (left out): {top['cv']:.2f} ({top['group']}: {top['text'][:40]!r})")
    print(f"threshold {threshold:.2f}: opposed reached {sum(r['cv'] >= threshold for r in opposed)}/{len(opposed)}, "
          f"low answers reached {sum(r['cv'] >= threshold for r in low)}/{len(low)}, fair 0/{len(fair)}")
    by_group = defaultdict(lambda: [0, 0])
    for r in opposed:
        by_group[r["group"]][0] += 1
        by_group[r["group"]][1] += r["cv"] >= threshold
    print("opposed reached per left-out set: " + ", ".join(f"{g} {h}/{n}" for g, (n, h) in sorted(by_group.items())))
    weights = learn([(r["cues"], r["opposed"]) for r in rows])
    print(f"{len(weights)} cues ({sum(w > 0 for w in weights.values())} of the opposite register)")
    if args.write:
        CUES_FILE.write_text(json.dumps({"threshold": threshold, "weights": dict(sorted(weights.items()))},
                                        ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {CUES_FILE.relative_to(ROOT)} ({CUES_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
