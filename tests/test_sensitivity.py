"""Sobol' indices by the Saltelli/Jansen estimators (spacedc.sensitivity) against closed-form indices."""

import numpy as np
import pytest

from spacedc.sensitivity import ishigami, saltelli_samples, sobol, sobol_indices


def test_additive_function_indices_are_the_variance_shares_and_sum_to_one():
    """Y = a1 X1 + a2 X2 + a3 X3, X_i independent: V_i = a_i^2 Var X_i, no interactions, so
    S_i = S_Ti = a_i^2 Var X_i / sum_j a_j^2 Var X_j and sum S_i = 1 (hand derivation from [Saltelli2010] eq. 1).
    X1, X2 uniform on [0, 1) (variance 1/12), X3 normal of SD 2 (variance 4), mapped from the unit samples."""
    from scipy import stats

    a = np.array([3.0, 1.0, 0.5])

    def f(u):
        x = np.column_stack([u[:, 0], u[:, 1], stats.norm.ppf(u[:, 2], scale=2.0)])
        return x @ a

    var = a**2 * np.array([1 / 12, 1 / 12, 4.0])
    expected = var / var.sum()                   # 0.36, 0.04, 0.60
    r = sobol(f, 3, 2**13, seed=3, bootstrap=100)
    assert r.first == pytest.approx(expected, abs=0.02)
    assert r.total == pytest.approx(expected, abs=0.02)
    assert r.first.sum() == pytest.approx(1.0, abs=0.03)
    assert r.variance == pytest.approx(var.sum(), rel=0.05)
    inside = (r.first_ci[:, 0] - 0.01 <= expected) & (expected <= r.first_ci[:, 1] + 0.01)
    assert inside.all(), (r.first_ci, expected)


def test_ishigami_indices_match_the_published_ones():
    """Ishigami function, a = 7, b = 0.1: S1 = 0.3139, S2 = 0.4424, S3 = 0, S_T1 = 0.5576, S_T2 = 0.4424,
    S_T3 = 0.2437 ([Saltelli2010] sec. 5, after [Ishigami1990])."""
    r = sobol(ishigami, 3, 2**15, seed=0, bootstrap=0)
    assert r.first == pytest.approx([0.3139, 0.4424, 0.0], abs=0.02)
    assert r.total == pytest.approx([0.5576, 0.4424, 0.2437], abs=0.02)
    assert r.first_ci is None


def test_random_sampling_gives_the_same_indices_within_their_noise():
    r = sobol(ishigami, 3, 2**14, method="random", seed=5, bootstrap=0)
    assert r.first == pytest.approx([0.3139, 0.4424, 0.0], abs=0.04)


def test_saltelli_matrices_take_one_column_from_b():
    a, b, ab = saltelli_samples(16, 4, seed=2)
    assert a.shape == b.shape == (16, 4) and ab.shape == (4, 16, 4)
    for i in range(4):
        others = [j for j in range(4) if j != i]
        assert np.array_equal(ab[i][:, i], b[:, i]) and np.array_equal(ab[i][:, others], a[:, others])
    assert not np.array_equal(a, b)


def test_a_constant_output_or_bad_shapes_raise():
    with pytest.raises(ValueError, match="does not vary"):
        sobol_indices(np.ones(8), np.ones(8), np.ones((2, 8)))
    with pytest.raises(ValueError, match="shape"):
        sobol_indices(np.ones(8), np.ones(7), np.ones((2, 8)))
    with pytest.raises(ValueError, match="finite"):
        sobol_indices(np.r_[np.nan, np.ones(7)], np.ones(8), np.ones((2, 8)))
    with pytest.raises(ValueError, match="base samples"):
        saltelli_samples(1, 2)
