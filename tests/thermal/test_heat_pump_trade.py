"""Heat pumps (thermal.heat_pump): Carnot limit, energy conservation and the mass optimum, by hand.

Reversed Carnot cycle: COP_R = T_c / (T_h - T_c) (Cengel & Boles, Thermodynamics: An Engineering Approach,
ch. 6). First law: Q_h = Q_c + W.

Optimum, by hand: with a 0 K sink, radiator mass rho_a Q_h / (n eps sigma T_h^4) and array mass W / s_p,
Q_h = Q_c (1 + (T_h - T_c)/(f T_c)), W = Q_c (T_h - T_c)/(f T_c), so with A = rho_a Q_c / (n eps sigma),
B = Q_c / (f T_c s_p) the mass is M(x) = A (1 + (x - T_c)/(f T_c)) x^-4 + B (x - T_c), and
dM/dx = 0  <=>  B f T_c x^5 = A (3 x - 4 T_c (1 - f)).
At x = T_c, dM/dx = A T_c^-5 (1/f - 4) + B: negative (a heat pump saves mass) iff B < A T_c^-5 (4 - 1/f).
"""

import numpy as np
import pint
import pytest
from scipy.optimize import brentq

from spacedc.units import u
from spacedc.thermal.heat_pump import heat_pump, heat_pump_trade

SIGMA = 5.670374419e-8


def test_carnot_limit_by_hand():
    """f = 1, 300 K -> 400 K: COP = 300/100 = 3, W = 1000/3 W, Q_h = 4000/3 W."""
    r = heat_pump(heat_load="1 kW", cold_temperature="300 K", hot_temperature="400 K", carnot_fraction=1.0)
    assert r.cop == pytest.approx(3.0, rel=1e-15) and r.carnot_cop == pytest.approx(3.0, rel=1e-15)
    assert r.compressor_power.m_as("W") == pytest.approx(1000 / 3, rel=1e-14)
    assert r.heat_rejected.m_as("W") == pytest.approx(4000 / 3, rel=1e-14)


def test_energy_is_conserved_over_random_points():
    rng = np.random.default_rng(1)
    n = 100_000
    q_c = rng.uniform(0, 1e6, n)
    t_c = rng.uniform(250, 350, n)
    t_h = t_c + rng.uniform(0, 150, n)
    f = rng.uniform(0.2, 1.0, n)
    r = heat_pump(heat_load=q_c * u.W, cold_temperature=t_c * u.K, hot_temperature=t_h * u.K, carnot_fraction=f)
    np.testing.assert_allclose(r.heat_rejected.m, q_c + r.compressor_power.m, rtol=1e-14)
    lifted = t_h > t_c
    np.testing.assert_allclose(r.compressor_power.m[lifted], q_c[lifted] / r.cop[lifted], rtol=1e-12)
    assert r.feasible.all()


def test_an_optimum_radiator_temperature_exists_where_the_hand_equation_says():
    q_c, t_c, f, eps, rho_a, s_p = 100e3, 300.0, 0.5, 0.9, 10.0, 150.0
    a = rho_a * q_c / (2 * eps * SIGMA)
    b = q_c / (f * t_c * s_p)
    assert b < a * t_c**-5 * (4 - 1 / f)  # so the first kelvin of lift already saves mass
    x_star = brentq(lambda x: b * f * t_c * x**5 - a * (3 * x - 4 * t_c * (1 - f)), t_c, 3 * t_c)
    grid = np.linspace(300, 500, 20_001)  # 0.01 K steps
    r = heat_pump_trade(heat_load=q_c * u.W, loop_temperature=t_c * u.K, radiator_temperature=grid * u.K,
                        carnot_fraction=f, emissivity=eps, radiator_areal_density=rho_a * u.kg / u.m**2,
                        array_specific_power=s_p * u.W / u.kg, sink_temperature="0 K")
    best = grid[np.argmin(r.total_mass.m)]
    assert best == pytest.approx(x_star, abs=0.011)
    m_star = a * (1 + (x_star - t_c) / (f * t_c)) * x_star**-4 + b * (x_star - t_c)
    assert r.total_mass.m.min() == pytest.approx(m_star, rel=1e-6)
    assert r.mass_saved.m.max() == pytest.approx(a / t_c**4 - m_star, rel=1e-6)
    assert r.mass_saved.m[0] == 0.0 and r.compressor_power.m[0] == 0.0  # no lift: the baseline itself


def test_no_optimum_when_power_is_dear():
    """A 1 W/kg array makes B > A T_c^-5 (4 - 1/f): mass rises from the first kelvin of lift."""
    r = heat_pump_trade(heat_load="100 kW", loop_temperature="300 K", radiator_temperature=np.linspace(300, 450, 151)
                        * u.K, carnot_fraction=0.5, emissivity=0.9, radiator_areal_density="10 kg/m^2",
                        array_specific_power="1 W/kg", sink_temperature="0 K")
    assert np.argmin(r.total_mass.m) == 0 and (r.mass_saved.m[1:] < 0).all()


def test_infeasible_points_carry_reasons_not_nan():
    r = heat_pump_trade(heat_load="10 kW", loop_temperature="300 K", radiator_temperature=[280, 320, 190] * u.K,
                        carnot_fraction=0.4, emissivity=0.9, radiator_areal_density="8 kg/m^2",
                        array_specific_power="150 W/kg", sink_temperature="200 K", compressor_specific_mass="5 g/W")
    assert r.feasible.tolist() == [False, True, False]
    assert "below the loop" in r.reasons[0] and "sink" in r.reasons[2] and r.reasons[1] == ""
    assert r.compressor_power.m[0] == 0.0 and r.mass_saved.m[2] == -np.inf
    assert r.compressor_mass.m[1] == pytest.approx(0.005 * r.compressor_power.m[1], rel=1e-12)
    for value in r.to_dict().values():
        if isinstance(value, list):
            assert not any(isinstance(v, float) and np.isnan(v) for v in value)


def test_scalar_list_and_million_point_array_agree():
    t_h = np.linspace(300, 450, 1_000_000)
    kw = dict(heat_load="100 kW", loop_temperature="300 K", carnot_fraction=0.45, emissivity=0.9,
              radiator_areal_density="10 kg/m^2", array_specific_power="150 W/kg", sink_temperature="150 K")
    big = heat_pump_trade(radiator_temperature=t_h * u.K, **kw)
    idx = [0, 654_321, 999_999]
    listed = heat_pump_trade(radiator_temperature=[t_h[i] * u.K for i in idx], **kw)
    for j, i in enumerate(idx):
        one = heat_pump_trade(radiator_temperature=t_h[i] * u.K, **kw)
        assert one.total_mass.m == big.total_mass.m[i] == listed.total_mass.m[j]


@pytest.mark.parametrize("kw, exc, word", [
    (dict(carnot_fraction=0.0), ValueError, "carnot_fraction"),
    (dict(carnot_fraction=1.5), ValueError, "carnot_fraction"),
    (dict(cold_temperature=300), TypeError, "cold_temperature"),
    (dict(hot_temperature="-5 K"), ValueError, "hot_temperature"),
    (dict(heat_load="1 kg"), pint.DimensionalityError, "heat_load"),
])
def test_bad_input_names_the_parameter(kw, exc, word):
    args = dict(heat_load="1 kW", cold_temperature="300 K", hot_temperature="350 K", carnot_fraction=0.5) | kw
    with pytest.raises(exc, match=word):
        heat_pump(**args)
