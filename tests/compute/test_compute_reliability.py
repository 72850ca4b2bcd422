"""k-out-of-n, cold standby and spares sizing against textbook cases and hand derivations."""

import math

import numpy as np
import pytest
from scipy.linalg import expm

from spacedc import compute
from spacedc.units import Q_, DimensionalityError


# --- k-out-of-n ----------------------------------------------------------------------------------------------
def test_two_out_of_three_textbook():
    # [Ebeling2010] ch. 5 (k-out-of-n redundancy), the 2-out-of-3 system: R_s = 3R^2 - 2R^3; R = 0.9 -> 0.972.
    assert compute.k_of_n(2, 3, 0.9) == pytest.approx(0.972, abs=1e-12)
    assert isinstance(compute.k_of_n(2, 3, 0.9), float)


def test_k_of_n_edges_series_and_parallel():
    r = 0.8
    assert compute.k_of_n(0, 5, r) == 1.0             # nothing needed
    assert compute.k_of_n(6, 5, r) == 0.0             # more needed than installed
    assert compute.k_of_n(5, 5, r) == pytest.approx(r ** 5)          # series
    assert compute.k_of_n(1, 5, r) == pytest.approx(1 - (1 - r) ** 5)  # parallel


def test_k_of_n_broadcasts():
    p = compute.k_of_n(np.array([[1], [2]]), np.array([2, 3]), 0.9)
    # hand: 1 of 2 = 1 - 0.01 = 0.99; 1 of 3 = 0.999; 2 of 2 = 0.81; 2 of 3 = 0.972
    assert p == pytest.approx(np.array([[0.99, 0.999], [0.81, 0.972]]))


# --- cold standby ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lt", [0.1, 0.5, 1.0, 2.0])
def test_cold_standby_one_spare_textbook(lt):
    # [Ebeling2010] ch. 5 (standby system, two identical units, perfect switching, no dormant failures):
    # R(t) = e^{-lambda t} (1 + lambda t); also [OConnor2012] ch. 6 (standby redundancy).
    r = compute.standby_reliability(Q_(lt * 1e-5, "1/hour"), "100000 hour", 1)
    assert r == pytest.approx(math.exp(-lt) * (1 + lt), rel=1e-12)


def test_cold_standby_two_spares_and_fit_unit():
    # s = 2: e^{-x} (1 + x + x^2/2). 5000 FIT for 5 years (43,830 h): x = 5e-6 * 43830 = 0.21915.
    x = 5000e-9 * 5 * 8766.0
    assert compute.standby_reliability("5000 FIT", "5 year", 2) == pytest.approx(
        math.exp(-x) * (1 + x + x * x / 2), rel=1e-12)


def test_weibull_reliability_shape_one_is_exponential():
    assert compute.weibull_reliability("1000 hour", "10000 hour", 1.0) == pytest.approx(math.exp(-0.1))
    assert compute.weibull_reliability("20000 hour", "10000 hour", 3.0) == pytest.approx(math.exp(-8.0))


# --- payload survival, cold spares ---------------------------------------------------------------------------------
def _death_process(a, s, k, x):
    """Independent check: P(W(t) >= k) and E[min(W, a)]/a from the matrix exponential of the pure-death chain
    W = a + s -> 0 with rate min(W, a) (lambda = 1, time x)."""
    n = a + s
    q = np.zeros((n + 1, n + 1))
    for w in range(1, n + 1):
        q[w, w], q[w, w - 1] = -min(w, a), min(w, a)
    p = np.zeros(n + 1)
    p[n] = 1.0
    p = p @ expm(q * x)
    return p[k:].sum(), sum(min(w, a) * p[w] for w in range(n + 1)) / a


def test_cold_two_active_one_spare_one_needed_hand_derivation():
    # a = 2, s = 1, k = 1: the time to lose both positions is Exp(2) + Exp(2) + Exp(1) (lambda units): the
    # spare is used at rate 2, the next failure at rate 2, the last at rate 1. Partial fractions of the
    # Laplace transform 4 / ((z + 2)^2 (z + 1)) give the density 4e^{-t} - 4e^{-2t} - 4t e^{-2t}, and
    # integrating from t to infinity, S(t) = 4 e^{-t} - (3 + 2t) e^{-2t}. At t = 0.5: 0.954605.
    t = 0.5
    hand = 4 * math.exp(-t) - (3 + 2 * t) * math.exp(-2 * t)
    p, _ = compute.payload_survival(2, 1, "1e-5 1/hour", "50000 hour", fraction=0.5, mode="cold")
    assert hand == pytest.approx(0.954605, abs=1e-6)
    assert p == pytest.approx(hand, rel=1e-10)


@pytest.mark.parametrize("a,s,frac,x", [(10, 3, 0.8, 0.2), (50, 5, 0.9, 0.1), (100, 20, 0.9, 0.22),
                                        (20, 10, 0.25, 1.0), (200, 2, 0.75, 0.3), (30, 40, 1 / 3, 2.0),
                                        (12, 6, 1.0, 0.4)])
def test_cold_spares_match_the_death_process(a, s, frac, x):
    k = math.ceil(frac * a - 1e-9)
    p_ref, e_ref = _death_process(a, s, k, x)
    p, e = compute.payload_survival(a, s, Q_(x / 1e4, "1/hour"), "10000 hour", fraction=frac, mode="cold")
    assert p == pytest.approx(p_ref, abs=1e-9)
    assert e == pytest.approx(e_ref, abs=1e-9)


def test_cold_all_needed_is_the_poisson_sum():
    # k = a: failures arrive at rate a lambda while spares last: P = sum_{i<=s} (a x)^i e^{-a x} / i!.
    a, s, x = 10, 1, 0.01
    p, _ = compute.payload_survival(a, s, "1e-6 1/hour", "10000 hour", mode="cold")
    assert p == pytest.approx(math.exp(-a * x) * (1 + a * x), rel=1e-12)


def test_hot_expected_working_fraction_is_capped_per_outcome():
    # a = 1, one hot spare, R = e^{-0.1}: the one position works unless both chips fail: 1 - (1 - R)^2.
    r = math.exp(-0.1)
    p, e = compute.payload_survival(1, 1, "1e-5 1/hour", "10000 hour")
    assert p == pytest.approx(1 - (1 - r) ** 2)
    assert e == pytest.approx(1 - (1 - r) ** 2)


# --- spares sizing --------------------------------------------------------------------------------------------
def test_spares_for_hand_derived_binomial_case():
    # Two active chips, lambda t = 1e-5/h * 1e4 h = 0.1, R = e^{-0.1} = 0.904837, both needed.
    # s = 0: R^2 = 0.818731 < 0.9.   s = 1: P(Bin(3, R) >= 2) = 3R^2 - 2R^3 = 2.456192 - 1.481636 = 0.974556.
    # So 1 spare at 90 %. At 98 %: s = 1 gives 0.974556 < 0.98; s = 2 gives
    # P(Bin(4, R) >= 2) = 1 - (1-R)^4 - 4R(1-R)^3 = 1 - 0.000082 - 0.003119 = 0.996799 -> 2 spares.
    assert compute.spares_for(2, "1e-5 1/hour", "10000 hour", confidence=0.9) == 1
    assert compute.spares_for(2, "1e-5 1/hour", "10000 hour", confidence=0.98) == 2
    assert compute.k_of_n(2, 3, math.exp(-0.1)) == pytest.approx(0.974556, abs=1e-6)
    assert compute.k_of_n(2, 4, math.exp(-0.1)) == pytest.approx(0.996799, abs=1e-6)


def test_spares_for_cold_single_unit_is_the_standby_poisson_quantile():
    # One active chip, cold spares: the smallest s with e^{-x} sum_{i<=s} x^i/i! >= p. x = 1, p = 0.9:
    # s=1: 0.735759; s=2: 0.919699 -> 2.
    assert compute.spares_for(1, "1e-4 1/hour", "10000 hour", mode="cold") == 2


@pytest.mark.parametrize("mode,frac", [("hot", 1.0), ("hot", 0.9), ("cold", 1.0), ("cold", 0.9)])
def test_spares_for_is_the_smallest_count(mode, frac):
    rates = Q_(np.array([500.0, 5000.0, 20000.0]), "FIT")
    s = compute.spares_for(64, rates, "5 year", fraction=frac, confidence=0.95, mode=mode)
    p_at, _ = compute.payload_survival(64, s, rates, "5 year", fraction=frac, mode=mode)
    p_below, _ = compute.payload_survival(64, np.maximum(s - 1, 0), rates, "5 year", fraction=frac, mode=mode)
    assert np.all(p_at >= 0.95)
    assert np.all((s == 0) | (p_below < 0.95))
    # cold spares never need more than hot ones
    if mode == "cold":
        assert np.all(s <= compute.spares_for(64, rates, "5 year", fraction=frac, confidence=0.95))


def test_spares_for_each_point_stands_alone():
    rates = Q_(np.array([100.0, 3000.0, 50000.0]), "FIT")
    together = compute.spares_for(200, rates, "7 year", fraction=0.9, mode="cold")
    alone = [compute.spares_for(200, r, "7 year", fraction=0.9, mode="cold") for r in rates]
    assert together.tolist() == alone


def test_no_failures_no_spares_and_dead_chips_flagged():
    assert compute.spares_for(100, "0 FIT", "5 year") == 0
    assert compute.spares_for(100, "1e12 FIT", "5 year", weibull_shape=3.0) == -1


# --- vectorization ----------------------------------------------------------------------------------------------
VECTOR_CASES = {
    "k_of_n": lambda n: compute.k_of_n(np.arange(n) % 50, 50, 0.9),
    "standby_reliability": lambda n: compute.standby_reliability(Q_(np.linspace(100, 1e5, n), "FIT"), "5 year", 3),
    "spares_for hot": lambda n: compute.spares_for(1000, Q_(np.linspace(100, 2e4, n), "FIT"), "5 year",
                                                  fraction=0.95),
    "spares_for cold": lambda n: compute.spares_for(1000, Q_(np.linspace(100, 2e4, n), "FIT"), "5 year",
                                                   mode="cold"),
}


@pytest.mark.parametrize("name", sorted(VECTOR_CASES))
def test_1e5_point_call_runs_the_same_python_lines_as_ten(name, lines_executed):
    small, _ = lines_executed(lambda: VECTOR_CASES[name](10), packages=("compute", "spacedc"))
    big, out = lines_executed(lambda: VECTOR_CASES[name](100_000), packages=("compute", "spacedc"))
    assert np.shape(out) == (100_000,)
    # the bisection runs as many rounds as the widest bracket needs (same end points, so about the same)
    assert small <= big <= small + 400, (small, big)


def test_cold_fraction_sizing_is_vectorized(lines_executed):
    call = lambda n: compute.spares_for(500, Q_(np.linspace(100, 2e4, n), "FIT"), "5 year",  # noqa: E731
                                        fraction=0.95, mode="cold")
    small, _ = lines_executed(lambda: call(10), packages=("compute", "spacedc"))
    big, out = lines_executed(lambda: call(20_000), packages=("compute", "spacedc"))
    assert np.shape(out) == (20_000,)
    # one extra bisection round through the 64-node quadrature costs some 700 lines; a loop over points 1e4+
    assert big <= small + 2000, (small, big)


# --- bad input -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("call,error,words", [
    (lambda: compute.k_of_n(-1, 3, 0.9), ValueError, "k = -1"),
    (lambda: compute.k_of_n(1.5, 3, 0.9), ValueError, "k = 1.5"),
    (lambda: compute.k_of_n(True, 3, 0.9), TypeError, "k = True"),
    (lambda: compute.k_of_n(2, 3, 1.2), ValueError, "reliability"),
    (lambda: compute.k_of_n(2, Q_(3, "m"), 0.9), TypeError, "n = "),
    (lambda: compute.standby_reliability(5000, "5 year", 1), TypeError, "failure_rate"),
    (lambda: compute.standby_reliability("5 kg", "5 year", 1), DimensionalityError, "failure_rate"),
    (lambda: compute.standby_reliability("5000 FIT", "-1 year", 1), ValueError, "duration"),
    (lambda: compute.weibull_reliability("1 year", "0 year", 2.0), ValueError, "scale"),
    (lambda: compute.spares_for(10, "5000 FIT", "5 year", confidence=1.0), ValueError, "confidence"),
    (lambda: compute.spares_for(10, "5000 FIT", "5 year", mode="warm"), ValueError, "spare_mode"),
    (lambda: compute.spares_for(10, "5000 FIT", "5 year", mode="cold", weibull_shape=2.0), ValueError,
     "weibull_shape"),
    (lambda: compute.spares_for(10, "5000 FIT", "5 year", fraction=1.1), ValueError, "fraction"),
    (lambda: compute.k_of_n(np.arange(3), np.arange(4), 0.9), ValueError, "k (3,), n (4,)"),
])
def test_bad_input_names_the_parameter(call, error, words):
    with pytest.raises(error, match=None) as caught:
        call()
    assert words in str(caught.value)
