"""Agreement statistics against values computed by hand / known references."""
import math

import pytest

from app.grading.agreement import (
    mean_absolute_error,
    pearson,
    quadratic_weighted_kappa,
    spearman,
    within_tolerance_rate,
)


def test_mean_absolute_error():
    assert mean_absolute_error([(10, 8), (5, 5), (0, 3)]) == pytest.approx(5 / 3)


def test_within_tolerance_rate():
    pairs = [(10, 9), (10, 8), (5, 5), (0, 1.5)]
    assert within_tolerance_rate(pairs, 1) == 0.5
    assert within_tolerance_rate(pairs, 2) == 1.0


def test_pearson_known_values():
    assert pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # worked example: r = 0.8 (x = 1..5, y = 2,4,5,4,5)
    assert pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]) == pytest.approx(0.7745966692)
    assert math.isnan(pearson([1, 1, 1], [1, 2, 3]))


def test_spearman_with_ties():
    # ranks of a: 1, 2.5, 2.5, 4; ranks of b: 1, 2, 3, 4 -> r = 0.9486832981
    assert spearman([1, 2, 2, 3], [10, 20, 30, 40]) == pytest.approx(0.9486832981)
    assert spearman([1, 2, 3, 4], [1, 4, 9, 16]) == pytest.approx(1.0)


def test_quadratic_weighted_kappa_known_values():
    assert quadratic_weighted_kappa([1, 2, 3], [1, 2, 3], 1, 3) == pytest.approx(1.0)
    # Reference value from the Kaggle ASAP metric (ml_metrics.quadratic_weighted_kappa)
    assert quadratic_weighted_kappa([1, 2, 3, 4], [1, 2, 4, 3], 1, 4) == pytest.approx(0.8)
    assert quadratic_weighted_kappa([0, 0, 1, 1], [1, 1, 0, 0], 0, 1) == pytest.approx(-1.0)
    with pytest.raises(ValueError):
        quadratic_weighted_kappa([5], [1], 0, 4)
