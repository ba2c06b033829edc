"""Item analysis of a paper's attempts, as Moodle's quiz statistics define it (pure: plain rows in, figures out).

- facility index: an item's mean score as a share of its maximum;
- discrimination index: the corrected item-total correlation, Pearson's r between the item's score and the
  score on the rest of the test (the attempt's total minus this item), over the attempts that contain the item;
- the paper: mean, median, sample standard deviation (n - 1), Cronbach's alpha over the questions every attempt
  answered, and a histogram of the attempts' percentages;
- case parts: mean, a distribution of part scores, the share of trainees earning each key point and the most
  common evidence for it.
Items that need attention: facility outside 0.2-0.9, discrimination below 0.2, a key point nobody earns.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

FACILITY_RANGE = (0.2, 0.9)
MIN_DISCRIMINATION = 0.2
HISTOGRAM_BINS = 10
PART_BINS = 5
TOP_EVIDENCE = 3


@dataclass
class ItemRow:
    """One response of one attempt. ``choices``: the options an objective answer chose (as text); ``parts``:
    part id -> (score, max); ``points``: (part, point) -> (earned, max); ``evidence``: (part, point) -> the
    words of the answer that earned it."""

    question: str
    objective: bool
    score: float
    max: float
    choices: tuple = ()
    parts: dict = field(default_factory=dict)
    points: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)


@dataclass
class AttemptRow:
    attempt_id: int
    items: list


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def variance(values: list[float]) -> float | None:
    """The sample variance (n - 1), as Moodle's standard deviation uses."""
    if len(values) < 2:
        return None
    centre = sum(values) / len(values)
    return sum((v - centre) ** 2 for v in values) / (len(values) - 1)


def std(values: list[float]) -> float | None:
    v = variance(values)
    return math.sqrt(v) if v is not None else None


def correlation(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's r; None when either side does not vary (or fewer than two pairs)."""
    if len(xs) < 2 or len(xs) != len(ys):
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def cronbach_alpha(matrix: list[list[float]]) -> float | None:
    """alpha = k/(k-1) * (1 - sum of item variances / variance of totals); rows are attempts, columns items."""
    if len(matrix) < 2 or not matrix[0] or len(matrix[0]) < 2:
        return None
    k = len(matrix[0])
    item_variances = [variance([row[j] for row in matrix]) for j in range(k)]
    total_variance = variance([sum(row) for row in matrix])
    if not total_variance:
        return None
    return k / (k - 1) * (1 - sum(item_variances) / total_variance)


def histogram(values: list[float], low: float, high: float, bins: int) -> list[dict]:
    """Counts of ``values`` in ``bins`` equal bins over [low, high]; the top value falls in the last bin."""
    width = (high - low) / bins if high > low else 1.0
    counts = [0] * bins
    for value in values:
        index = int((value - low) / width) if high > low else 0
        counts[min(max(index, 0), bins - 1)] += 1
    return [{"low": round(low + i * width, 2), "high": round(low + (i + 1) * width, 2), "count": counts[i]}
            for i in range(bins)]


def _round(value: float | None, digits: int = 3) -> float | None:
    return round(value, digits) if value is not None else None


def analyse(attempts: list[AttemptRow]) -> dict:
    """Every figure of the item analysis, ready for a page, a CSV or a spreadsheet."""
    totals = {a.attempt_id: sum(i.score for i in a.items) for a in attempts}
    maxima = {a.attempt_id: sum(i.max for i in a.items) for a in attempts}
    percents = [100 * totals[a.attempt_id] / maxima[a.attempt_id] for a in attempts if maxima[a.attempt_id]]
    by_question: dict[str, list[tuple[int, ItemRow]]] = {}
    order: list[str] = []
    for attempt in attempts:
        for item in attempt.items:
            if item.question not in by_question:
                order.append(item.question)
            by_question.setdefault(item.question, []).append((attempt.attempt_id, item))

    items = [_item(question, by_question[question], totals) for question in order]
    common = [q for q in order if len(by_question[q]) == len(attempts)]
    matrix = []
    for attempt in attempts:
        scores = {i.question: i.score for i in attempt.items}
        matrix.append([scores[q] for q in common])
    score_list = [totals[a.attempt_id] for a in attempts]
    paper = {
        "attempts": len(attempts),
        "mean": _round(mean(score_list), 2), "median": _round(median(score_list), 2),
        "std": _round(std(score_list), 2),
        "mean_percent": _round(mean(percents), 1),
        "alpha": _round(cronbach_alpha(matrix)), "alpha_items": len(common),
        "histogram": histogram(percents, 0.0, 100.0, HISTOGRAM_BINS),
    }
    return {"paper": paper, "items": items,
            "attention": [i["question"] for i in items if i["attention"]]}


def _item(question: str, rows: list[tuple[int, ItemRow]], totals: dict[int, float]) -> dict:
    first = rows[0][1]
    scores = [item.score for _, item in rows]
    maximum = max((item.max for _, item in rows), default=0.0)
    facility = mean([item.score / item.max for _, item in rows if item.max]) if maximum else None
    rest = [totals[attempt_id] - item.score for attempt_id, item in rows]
    discrimination = correlation(scores, rest)
    out = {"question": question, "objective": first.objective, "responses": len(rows), "max": maximum,
           "mean": _round(mean(scores), 2), "facility": _round(facility), "discrimination": _round(discrimination)}
    reasons = []
    if facility is not None and not FACILITY_RANGE[0] <= facility <= FACILITY_RANGE[1]:
        reasons.append("facility")
    if discrimination is not None and discrimination < MIN_DISCRIMINATION:
        reasons.append("discrimination")
    if first.objective:
        chosen: Counter = Counter()
        for _, item in rows:
            chosen.update(item.choices)
        unanswered = sum(1 for _, item in rows if not item.choices)
        out["options"] = [{"option": option, "count": count, "share": _round(count / len(rows))}
                          for option, count in sorted(chosen.items())]
        out["unanswered"] = unanswered
    else:
        out["parts"] = _parts([item for _, item in rows])
        if any(point["share"] == 0 for part in out["parts"] for point in part["points"]):
            reasons.append("point")
    out["attention"] = reasons
    return out


def _parts(items: list[ItemRow]) -> list[dict]:
    """Per case part: mean, distribution, and per key point the share earning it and its common evidence."""
    part_ids: list[str] = []
    point_ids: dict[str, list[str]] = {}
    for item in items:
        for part_id in item.parts:
            if part_id not in part_ids:
                part_ids.append(part_id)
        for part_id, point_id in item.points:
            ids = point_ids.setdefault(part_id, [])
            if point_id not in ids:
                ids.append(point_id)
    parts = []
    for part_id in part_ids:
        graded = [item for item in items if part_id in item.parts]
        scores = [item.parts[part_id][0] for item in graded]
        maximum = max(item.parts[part_id][1] for item in graded)
        points = []
        for point_id in point_ids.get(part_id, []):
            having = [item for item in graded if (part_id, point_id) in item.points]
            earned = sum(1 for item in having if item.points[(part_id, point_id)][0] > 0)
            words: Counter = Counter()
            for item in having:
                words.update(set(item.evidence.get((part_id, point_id), ())))
            points.append({"point": point_id, "max": max(item.points[(part_id, point_id)][1] for item in having),
                           "earned": earned, "share": _round(earned / len(having)) if having else None,
                           "mean": _round(mean([item.points[(part_id, point_id)][0] for item in having]), 2),
                           "evidence": [{"text": text, "count": count}
                                        for text, count in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))
                                        [:TOP_EVIDENCE]]})
        parts.append({"part": part_id, "max": maximum, "mean": _round(mean(scores), 2),
                      "distribution": histogram(scores, 0.0, maximum, PART_BINS), "points": points})
    return parts


def flat_rows(analysis: dict) -> list[list]:
    """The analysis as one table (for CSV and XLSX): one row per question, part and key point."""
    rows = [["question", "part", "point", "responses", "max", "mean", "facility", "discrimination", "share_earning",
             "options", "attention"]]
    for item in analysis["items"]:
        options = " ".join(f"{o['option']}:{o['count']}" for o in item.get("options", []))
        rows.append([item["question"], "", "", item["responses"], item["max"], item["mean"], item["facility"],
                     item["discrimination"], "", options, " ".join(item["attention"])])
        for part in item.get("parts", []):
            rows.append([item["question"], part["part"], "", item["responses"], part["max"], part["mean"], "", "", "",
                         "", ""])
            for point in part["points"]:
                rows.append([item["question"], part["part"], point["point"], "", point["max"], point["mean"], "", "",
                             point["share"], "", "point" if point["share"] == 0 else ""])
    paper = analysis["paper"]
    rows.append(["(paper)", "", "", paper["attempts"], "", paper["mean"], "", "", "", "",
                 f"median={paper['median']} std={paper['std']} alpha={paper['alpha']}"])
    return rows
