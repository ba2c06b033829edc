"""Agreement between expected (human) and given (grader) scores."""
from __future__ import annotations

import math
from typing import Sequence

Pairs = Sequence[tuple[float, float]]


def mean_absolute_error(pairs: Pairs) -> float:
    if not pairs:
        raise ValueError("no pairs")
    return sum(abs(e - g) for e, g in pairs) / len(pairs)


def within_tolerance_rate(pairs: Pairs, tol: float) -> float:
    """Share of pairs with |expected - given| <= tol."""
    if not pairs:
        raise ValueError("no pairs")
    return sum(1 for e, g in pairs if abs(e - g) <= tol + 1e-9) / len(pairs)


def pearson(a: Sequence[float], b: Sequence[float]) -> float:
    """Pearson r; nan when either side is constant."""
    n = len(a)
    if n != len(b) or n < 2:
        raise ValueError("need two sequences of the same length >= 2")
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    va = sum((x - ma) ** 2 for x in a)
    vb = sum((y - mb) ** 2 for y in b)
    if va == 0 or vb == 0:
        return math.nan
    return cov / math.sqrt(va * vb)


def _ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        average = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = average
        i = j + 1
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman rho: Pearson on ranks (ties averaged)."""
    return pearson(_ranks(a), _ranks(b))


def quadratic_weighted_kappa(a: Sequence[int], b: Sequence[int], min_rating: int, max_rating: int) -> float:
    """Cohen's kappa with quadratic weights for integer ratings in
    [min_rating, max_rating]; 1.0 when both raters agree perfectly."""
    if len(a) != len(b) or not a:
        raise ValueError("need two non-empty sequences of the same length")
    k = max_rating - min_rating + 1
    observed = [[0.0] * k for _ in range(k)]
    for x, y in zip(a, b):
        if not (min_rating <= x <= max_rating and min_rating <= y <= max_rating):
            raise ValueError(f"rating out of range: {x}, {y}")
        observed[int(x) - min_rating][int(y) - min_rating] += 1
    n = len(a)
    hist_a = [sum(row) for row in observed]
    hist_b = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    numerator = denominator = 0.0
    for i in range(k):
        for j in range(k):
            weight = (i - j) ** 2 / (k - 1) ** 2 if k > 1 else 0.0
            expected = hist_a[i] * hist_b[j] / n
            numerator += weight * observed[i][j]
            denominator += weight * expected
    if denominator == 0:
        return 1.0
    return 1.0 - numerator / denominator
