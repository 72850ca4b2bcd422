"""Radiating fin efficiency (thermal.fin) against an independent ODE solution, published values and limits."""

import numpy as np
import pint
import pytest
from scipy.integrate import solve_bvp

from spacedc.units import u
from spacedc.thermal.fin import fin_efficiency, fin_efficiency_linearized, fin_parameter

SIGMA = 5.670374419e-8  # CODATA 2018, W m^-2 K^-4
K, T, EPS, TB = 167.0, 1e-3, 0.85, 300.0  # aluminium facesheet, 1 mm, eps 0.85, root at 300 K


def fin_for(n, sides=2):
    """Inputs giving the fin parameter n: L = sqrt(n k t / (sides eps sigma T_b^3))."""
    half = np.sqrt(n * K * T / (sides * EPS * SIGMA * TB**3))
    return dict(conductivity=K * u.W / u.m / u.K, thickness=T * u.m, half_width=half * u.m, emissivity=EPS,
                root_temperature=TB * u.K, sides=sides)


def bvp_efficiency(n, theta_s=0.0):
    """Independent solution: theta'' = n (theta^4 - theta_s^4), theta(0) = 1, theta'(1) = 0, by collocation
    (scipy solve_bvp, tolerance 1e-10); eta = -theta'(0) / (n (1 - theta_s^4)) from the root heat flow."""
    def rhs(x, y):
        return np.vstack([y[1], n * (y[0] ** 4 - theta_s**4)])

    def bc(ya, yb):
        return np.array([ya[0] - 1.0, yb[1]])

    x = np.linspace(0.0, 1.0, 200)
    sol = solve_bvp(rhs, bc, x, np.vstack([np.ones_like(x), np.zeros_like(x)]), tol=1e-10, max_nodes=100_000)
    assert sol.status == 0
    return -sol.sol(0.0)[1] / (n * (1.0 - theta_s**4))


def test_fin_parameter_hand_calculation():
    """N = sides eps sigma T_b^3 L^2 / (k t) = 2 * 0.85 * sigma * 300^3 * 0.05^2 / (167 * 0.001) = 0.0389626."""
    n = fin_parameter(conductivity="167 W/m/K", thickness="1 mm", half_width="5 cm", emissivity=0.85,
                      root_temperature="300 K", sides=2)
    assert n == pytest.approx(2 * 0.85 * SIGMA * 300**3 * 0.05**2 / (167 * 0.001), rel=1e-12)
    assert n == pytest.approx(0.0389626, rel=1e-5)


@pytest.mark.parametrize("n", [0.01, 0.1, 0.5, 1.0, 3.0, 10.0])
def test_exact_efficiency_matches_independent_bvp_solution_deep_space(n):
    """Against a collocation solution of the full ODE (no energy integral, no table). Both are accurate to
    about 1e-9; 1e-6 leaves margin and is far tighter than the 1e-4 any engineering use needs."""
    assert fin_efficiency(**fin_for(n)) == pytest.approx(bvp_efficiency(n), abs=1e-6)


@pytest.mark.parametrize("n, theta_s", [(0.1, 0.5), (1.0, 0.3), (1.0, 0.8), (3.0, 0.95), (30.0, 0.6)])
def test_exact_efficiency_matches_bvp_with_warm_sink(n, theta_s):
    """Nonzero sink (theta'' = N (theta^4 - theta_s^4)), same independent solution and tolerance."""
    sink = theta_s * TB * u.K
    assert fin_efficiency(**fin_for(n), sink_temperature=sink) == pytest.approx(bvp_efficiency(n, theta_s), abs=1e-6)


def test_values_read_from_karams_chart():
    """Karam's fin-efficiency chart ([Karam1998] ch. 7, read 2nd-hand): with N = eps sigma T_b^3 L^2 / (k t)
    for the radiating face, eta is about 0.99 at N = 0.01 and about 0.5 at N = 1. The quoted values are rounded
    ("about"), so the tolerances are the rounding: 0.005 and 0.05."""
    assert fin_efficiency(**fin_for(0.01, sides=1)) == pytest.approx(0.99, abs=0.005)
    assert fin_efficiency(**fin_for(1.0, sides=1)) == pytest.approx(0.5, abs=0.05)


def test_short_fin_limit_series():
    """Hand derivation (regular perturbation in N, 0 K sink): theta = 1 - N phi1 - N^2 phi2 - N^3 phi3 with
    phi1'' = -1, phi2'' = 4 phi1, phi3'' = 4 phi2 - 6 phi1^2, phi(0) = 0, phi'(1) = 0, and
    eta = -theta'(0) / N = phi1'(0) + N phi2'(0) + N^2 phi3'(0) = 1 - 4N/3 + 44 N^2 / 15 + O(N^3)
    (phi1 = x - x^2/2; phi2'(0) = -4/3; phi3'(0) = integral (6 phi1^2 - 4 phi2) = 4/5 + 32/15).
    Tolerance: the O(N^3) term (coefficient below 20) plus the 1e-8 accuracy of the table."""
    for n in (1e-8, 1e-5, 1e-3, 1e-2):
        assert fin_efficiency(**fin_for(n)) == pytest.approx(1 - 4 * n / 3 + 44 * n**2 / 15, abs=20 * n**3 + 2e-8)


def test_long_fin_limit_sqrt_two_fifths():
    """Hand derivation: a semi-infinite fin to a 0 K sink has theta'^2 = (2N/5) theta^5, so the root heat flow
    gives eta = sqrt(2/5) / sqrt(N). For a finite fin the tip term adds a relative -theta_t^5 / 2, with
    theta_t about 0.12 at N = 1e3 (1.2e-5) and 0.06 at N = 1e4 (4e-7)."""
    for n, rel in ((1e3, 3e-5), (1e4, 1e-6), (1e6, 1e-9)):
        assert fin_efficiency(**fin_for(n)) == pytest.approx(np.sqrt(0.4 / n), rel=rel)


def test_sink_near_root_is_the_linear_fin():
    """Hand derivation: for theta_s -> 1, theta^4 - theta_s^4 -> 4 (theta - theta_s), the fin is linear with
    (mL)^2 = 4N and eta = tanh(2 sqrt N) / (2 sqrt N). At theta_s = 0.999 the correction is O(1e-3)."""
    for n in (0.1, 1.0, 10.0):
        m = 2 * np.sqrt(n)
        assert fin_efficiency(**fin_for(n), sink_temperature=0.999 * TB * u.K) == pytest.approx(np.tanh(m) / m,
                                                                                              abs=2e-3)


def test_linearized_formula_is_optimistic():
    """The tanh formula with the radiation coefficient at the root over-predicts the efficiency, as Karam notes
    for the linearised solution ([Karam1998] ch. 7); it is exact in the limit N -> 0."""
    n = np.geomspace(1e-3, 1e3, 61)
    half = np.sqrt(n * K * T / (2 * EPS * SIGMA * TB**3)) * u.m
    for sink in (0 * u.K, 150 * u.K, 250 * u.K):
        kw = dict(conductivity=K * u.W / u.m / u.K, thickness=T * u.m, half_width=half, emissivity=EPS,
                  root_temperature=TB * u.K, sides=2, sink_temperature=sink)
        exact, linear = fin_efficiency(**kw), fin_efficiency_linearized(**kw)
        assert np.all(linear >= exact)
    assert fin_efficiency_linearized(**fin_for(1.0)) == pytest.approx(np.tanh(1.0), rel=1e-12)


def test_scalar_list_and_million_element_array_agree():
    rng = np.random.default_rng(7)
    thickness = rng.uniform(0.05, 5.0, 1_000_000)
    sink = rng.uniform(0.0, 280.0, 1_000_000)
    kw = dict(conductivity="167 W/m/K", half_width="8 cm", emissivity=0.9, root_temperature="300 K", sides=2)
    big = fin_efficiency(thickness=thickness * u.mm, sink_temperature=sink * u.K, **kw)
    assert big.shape == (1_000_000,)
    assert np.all((big > 0) & (big <= 1))
    idx = [0, 123_456, 999_999]
    listed = fin_efficiency(thickness=[f"{float(thickness[i])!r} mm" for i in idx],
                            sink_temperature=[sink[i] * u.K for i in idx], **kw)
    for j, i in enumerate(idx):
        scalar = fin_efficiency(thickness=thickness[i] * u.mm, sink_temperature=sink[i] * u.K, **kw)
        assert isinstance(scalar, float)
        assert scalar == big[i] == listed[j]


@pytest.mark.parametrize("field, value, error, word", [
    ("emissivity", 0.0, ValueError, "emissivity"),
    ("emissivity", 1.2, ValueError, "emissivity"),
    ("conductivity", "-5 W/m/K", ValueError, "conductivity"),
    ("thickness", 0.001, TypeError, "thickness"),
    ("thickness", "0 mm", ValueError, "thickness"),
    ("half_width", "5 kg", pint.DimensionalityError, "half_width"),
    ("sides", 3, ValueError, "sides"),
    ("sink_temperature", "310 K", ValueError, "sink_temperature"),
    ("root_temperature", "nan K", ValueError, "root_temperature"),
])
def test_bad_input_names_the_parameter(field, value, error, word):
    kw = dict(conductivity="167 W/m/K", thickness="1 mm", half_width="5 cm", emissivity=0.85,
              root_temperature="300 K", sides=2)
    kw[field] = value
    with pytest.raises(error, match=word):
        fin_efficiency(**kw)
