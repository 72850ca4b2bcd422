"""Mass budget (AIAA S-120A growth allowance, fractions, margin) and the delta-v / propellant chain."""

import math

import numpy as np
import pytest

from spacedc import structure
from spacedc.units import u

G0 = 9.80665


def test_growth_allowance_table_values():
    """AIAA S-120A MGA table (2nd-hand transcription): structure 18/15/8/4/2/0 % for E/L/P/C/X/A; wire harness
    50 % estimated; batteries 20 % estimated; electrical boxes over 30 lb 15 % estimated."""
    assert [structure.growth_allowance("structure", c) for c in "ELPCXA"] == [0.18, 0.15, 0.08, 0.04, 0.02, 0.0]
    assert structure.growth_allowance("harness", "E") == 0.50
    assert structure.growth_allowance("batteries", "e") == 0.20
    assert structure.growth_allowance("electronics-large", "E") == 0.15
    with pytest.raises(ValueError, match="maturity"):
        structure.growth_allowance("structure", "Z")
    with pytest.raises(ValueError, match="category"):
        structure.growth_allowance("wings", "E")


def test_mass_budget_hand_derivation():
    """Hand derivation: payload 1000 kg electronics-large at C (5 %) -> 1050; thermal 500 kg at E (18 %) -> 590;
    sum 1640; harness 0.05 and structure 0.15 of dry: dry = 1640 / 0.8 = 2050, harness 102.5, structure 307.5;
    margin 10 %: 2255; propellant for dv = g0 Isp ln 2 equals the dry mass with margin: 2255; wet 4510."""
    isp = 300.0
    r = structure.mass_budget({"payload": "1000 kg", "thermal": "500 kg"}, categories={"payload": "electronics-large"},
                              maturity={"payload": "C", "thermal": "E"}, harness_fraction=0.05,
                              structure_fraction=0.15, system_margin=0.10,
                              delta_v=G0 * isp * math.log(2) * u("m/s"), specific_impulse=isp * u.s)
    assert r.predicted["payload"].m_as("kg") == pytest.approx(1050.0)
    assert r.growth["thermal"].m_as("kg") == pytest.approx(90.0)
    assert r.dry.m_as("kg") == pytest.approx(2050.0)
    assert r.harness.m_as("kg") == pytest.approx(102.5)
    assert r.structure.m_as("kg") == pytest.approx(307.5)
    assert r.dry_with_margin.m_as("kg") == pytest.approx(2255.0)
    assert r.propellant.m_as("kg") == pytest.approx(2255.0)
    assert r.wet.m_as("kg") == pytest.approx(4510.0)
    flat = r.to_dict()
    assert flat["payload_kg"] == pytest.approx(1050.0) and flat["wet_kg"] == pytest.approx(4510.0)


def test_default_fractions_are_sourced_values():
    """Structure ~20 % of dry mass (Campbell & McCandless 1996, p. 191: 'typically around 20%'); harness 8 %."""
    assert structure.STRUCTURE_FRACTION == 0.20
    assert structure.HARNESS_FRACTION == 0.08


def test_mass_budget_broadcasts_over_subsystem_arrays():
    r = structure.mass_budget({"thermal": np.array([100.0, 200.0]) * u.kg}, harness_fraction=0.0,
                              structure_fraction=0.0)
    assert r.dry.m_as("kg") == pytest.approx([118.0, 236.0])


def test_atmosphere_matches_vallado_table_8_4():
    """Vallado (4th ed.) Table 8-4: rho0 = 3.725e-12 kg/m^3 at 400 km (H 58.515 km), 6.967e-13 at 500 km;
    at 450 km the 400 km layer gives 3.725e-12 exp(-50/58.515) = 1.5848e-12 (table lists 1.585e-12)."""
    rho = structure.atmosphere_density(["400 km", "500 km", "450 km"]).m_as("kg/m^3")
    assert rho[0] == pytest.approx(3.725e-12, rel=1e-9)
    assert rho[1] == pytest.approx(6.967e-13, rel=1e-9)
    assert rho[2] == pytest.approx(1.585e-12, rel=1e-3)


def test_disposal_burn_matches_vallado_example_6_1():
    """Vallado (4th ed.) Example 6-1, Hohmann transfer 191.344 km -> 35,781.349 km: the burn at the high end is
    1.478187 km/s; lowering the perigee of the high circular orbit to 191.344 km is the same burn."""
    dv = structure.disposal_delta_v("35781.34857 km", "191.34411 km")
    assert dv.m_as("km/s") == pytest.approx(1.478187, rel=1e-5)


def test_drag_makeup_equals_smad_per_revolution_form():
    """SMAD (3rd ed.) ch. 6: dv per revolution = pi (C_D A / m) rho a v. Over one period 2 pi a / v the function
    must give the same (hand derivation: 0.5 rho v^2 (C_D A/m) x 2 pi a / v)."""
    mu, re = 398600.4418e9, 6378137.0
    h = 650e3
    a = re + h
    v = math.sqrt(mu / a)
    rho = structure.atmosphere_density("650 km").m_as("kg/m^3")
    period = 2 * math.pi * a / v
    dv = structure.drag_makeup_delta_v("650 km", period * u.s, mass="1000 kg", drag_area="10 m^2",
                                       drag_coefficient=2.2)
    assert dv.m_as("m/s") == pytest.approx(math.pi * 2.2 * 10 / 1000 * rho * a * v, rel=1e-12)


def test_propellant_rocket_equation():
    """Tsiolkovsky by hand: dv = g0 Isp ln(3) needs twice the dry mass of propellant."""
    mp = structure.propellant_mass("500 kg", G0 * 220 * math.log(3) * u("m/s"), "220 s")
    assert mp.m_as("kg") == pytest.approx(1000.0)


def test_delta_v_budget_sums_its_terms():
    b = structure.delta_v_budget("650 km", "5 year", mass="10 t", drag_area="100 m^2", margin_fraction=0.1)
    parts = b.drag_makeup.m_as("m/s") + b.disposal.m_as("m/s")
    assert b.total.m_as("m/s") == pytest.approx(1.1 * parts)
    with pytest.raises(ValueError, match="perigee_altitude"):
        structure.disposal_delta_v("500 km", "600 km")
