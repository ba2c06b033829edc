"""Credit for steps given in the required order."""
from __future__ import annotations

import bisect


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for v in values:
        i = bisect.bisect_right(tails, v)  # ties (same spot) count as in order
        if i == len(tails):
            tails.append(v)
        else:
            tails[i] = v
    return len(tails)


def order_credit(order: list[str], first_positions: dict[str, int], order_points: float) -> float:
    """``first_positions``: point id -> position of its first evidence, for
    the matched points only.

    Needs at least two matched steps.  All matched steps in order: full
    ``order_points``.  Otherwise partial credit for the longest run of steps
    that is in order: order_points * (L - 1) / (k - 1), for L steps of the k
    matched in order (one step out of place among four: 2/3)."""
    positions = [first_positions[p] for p in order if p in first_positions]
    k = len(positions)
    if k < 2:
        return 0.0
    in_order = _longest_increasing(positions)
    if in_order == k:
        return order_points
    return order_points * (in_order - 1) / (k - 1)
