"""The sizing chain of designs/: composition checked by hand, and sweeps as one vectorized call."""

import numpy as np
import pytest

import designs
from spacedc.units import u

SIGMA = 5.670374419e-8


@pytest.fixture(scope="module")
def sat():
    return designs.load("sso-100kw")


@pytest.fixture(scope="module")
def result(sat):
    return designs.size(sat)


def test_power_demand_and_heat_load_by_hand(sat, result):
    """SMAD 3rd ed. section 11.4: P_sa = (P_e T_e / X_e + P_d T_d / X_d) / T_d with P_e = P_d = the bus load;
    the heat is the load plus the orbit-average path loss (designs/chain.py docstring)."""
    p, pw = sat.payload, sat.power
    chips = 100 * 1000.0
    load = chips / 0.95 + 3000.0
    assert result.load.m_as("W") == pytest.approx(load, rel=1e-12)
    t_e = result.environment.eclipse_duration.m_as("s")
    t_d = result.environment.daylight_duration.m_as("s")
    assert t_e + t_d == pytest.approx(result.environment.period.m_as("s"), rel=1e-12)
    p_sa = (load * t_e / 0.60 + load * t_d / 0.80) / t_d
    assert result.array.required_power.m_as("W") == pytest.approx(p_sa, rel=1e-9)
    path = (load * t_e * (1 / 0.60 - 1) + load * t_d * (1 / 0.80 - 1)) / (t_e + t_d)
    assert result.radiator.heat_rejected.m_as("W") == pytest.approx(load + path, rel=1e-12)


def test_radiator_area_by_hand(sat, result):
    """Edge-on two-sided panel: no direct Sun; each face sees Earth with F(650 km, 90 deg from nadir);
    hot case albedo and IR; area = Q / (2 eta eps sigma (T^4 - 3^4) - q_abs)."""
    import orbit

    F = orbit.earth_view_factor(650 * u.km, 90 * u.deg)
    hot = orbit.earth_albedo_ir("hot")
    S = result.environment.solar_flux_max.m_as("W/m^2")
    T = 303.15
    q_abs = 0.09 * hot.albedo * S * 2 * F + 0.92 * 2 * F * hot.outgoing_ir.m_as("W/m^2")
    q_net = 2 * 0.9 * 0.92 * SIGMA * (T**4 - 3.0**4) - q_abs
    Q = result.radiator.heat_rejected.m_as("W")
    assert result.radiator.area.m_as("m^2") == pytest.approx(Q / q_net, rel=1e-9)
    assert result.panel_count == 2 * int(np.ceil(Q / q_net / (2 * 8.0)))  # two wings of equal panels
    assert result.radiator.mass.m_as("kg") == pytest.approx(6.0 * Q / q_net, rel=1e-9)


def test_mass_budget_by_hand(result):
    m = result.mass
    subtotal = 100 * 16 + result.array.mass.m_as("kg") + result.battery.mass.m_as("kg") + result.radiator.mass.m_as("kg")
    dry = subtotal / (1 - 0.2)
    assert m.structure.m_as("kg") == pytest.approx(dry - subtotal, rel=1e-12)
    assert m.total.m_as("kg") == pytest.approx(dry * 1.2, rel=1e-12)


def test_junction_check_holds(result):
    assert result.junction_temperature.m_as("K") == pytest.approx(303.15 + 40, abs=1e-9)
    assert result.junction_temperature.m_as("K") <= 358.15


def test_a_sweep_is_one_call_and_matches_single_points(sat):
    powers = np.linspace(300, 1500, 1000)
    trade = designs.size(sat.replace(payload__chip_power=powers * u.W))
    assert trade.radiator.area.m.shape == (1000,)
    assert trade.feasible.shape == (1000,) and trade.feasible.all()
    for i in (0, 437, 999):
        one = designs.size(sat.replace(payload__chip_power=powers[i] * u.W))
        assert trade.radiator.area.m[i] == pytest.approx(one.radiator.area.m_as("m^2"), rel=1e-12)
        assert trade.mass.total.m[i] == pytest.approx(one.mass.total.m_as("kg"), rel=1e-12)
    assert np.all(np.diff(trade.radiator.area.m) > 0)
    table = trade.to_dict()
    assert len(table["thermal"]["radiator_area_m2"]) == 1000


def test_sweep_keeps_going_past_infeasible_points(sat):
    temps = np.array([150.0, 250.0, 303.15, 330.0])
    trade = designs.size(sat.replace(thermal__radiator_temperature=temps * u.K))
    assert trade.feasible.tolist() == [False, True, True, False]
    assert "sink" in trade.reasons[0]
    assert "junction limit" in trade.reasons[3]
    assert trade.reasons[1] == "" and np.isfinite(trade.radiator.area.m[1:]).all()
    values = [v for section in ("power", "thermal", "mass") for col in trade.to_dict()[section].values()
              for v in col]
    assert not any(isinstance(v, float) and np.isnan(v) for v in values)  # unbounded is null, never NaN


def test_replace_rejects_unknown_fields(sat):
    with pytest.raises(designs.DesignError, match="payload.chip_pwr"):
        sat.replace(payload__chip_pwr=3 * u.W)
    with pytest.raises(ValueError, match="payload.chip_power"):
        sat.replace(payload__chip_power=-3 * u.W)
