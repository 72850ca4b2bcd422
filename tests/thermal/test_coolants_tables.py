"""Coolant properties (thermal.coolants) against their sources and against independent data.

* Transcription: table points reproduce the source rows exactly (Thermal-FluidsPedia ammonia table; Perry's
  9th ed. Table 2-135 for water, molar units converted with M = 18.015268 g/mol).
* Independent checks between table points:
  - water against M. Chaplin's "Water structure and science" data table (London South Bank University,
    www1.lsbu.ac.uk/water/data1.html: density, viscosity, C_P in J/mol/K and vapour pressure at 30, 50 and
    80 C), a compilation from different primary sources than Perry's REFPROP table;
  - ammonia density against CoolProp's saturated-liquid ancillary (dev/fluids/Ammonia.json, "rhoL":
    rho' = rho_c (1 + sum n_i theta^t_i), theta = 1 - T/405.4 K, rho_c = 13211.777 mol/m^3, stated maximum
    error 0.9 %), an independent fit of the Tillner-Roth equation of state.
"""

import numpy as np
import pint
import pytest

from spacedc.units import u
from spacedc.thermal.coolants import COOLANTS, coolant_properties


def test_ammonia_table_point_reproduces_the_source_row():
    """Thermal-FluidsPedia 'Thermophysical Properties: Ammonia', row 300 K: p_sat 1.0614 MPa, rho_l 600.2,
    mu_l 141.0e-6 Pa s, k_l 0.477 W/m/K, cp_l 4.815 kJ/kg/K."""
    p = coolant_properties("ammonia", "300 K")
    assert p.density.m_as("kg/m^3") == pytest.approx(600.2, rel=1e-12)
    assert p.viscosity.m_as("Pa*s") == pytest.approx(141.0e-6, rel=1e-12)
    assert p.conductivity.m_as("W/m/K") == pytest.approx(0.477, rel=1e-12)
    assert p.specific_heat.m_as("J/kg/K") == pytest.approx(4815, rel=1e-12)
    assert p.saturation_pressure.m_as("MPa") == pytest.approx(1.0614, rel=1e-12)


def test_water_table_point_reproduces_the_source_row():
    """Perry's Table 2-135, 300 K: 55.315 mol/dm^3, cp 0.075320 kJ/mol/K, k 610.28 mW/m/K, mu 853.84 uPa s."""
    p = coolant_properties("water", "300 K")
    m = 18.015268e-3
    assert p.density.m_as("kg/m^3") == pytest.approx(55.315e3 * m, rel=1e-12)
    assert p.specific_heat.m_as("J/kg/K") == pytest.approx(75.320 / m, rel=1e-12)
    assert p.conductivity.m_as("W/m/K") == pytest.approx(0.61028, rel=1e-12)
    assert p.viscosity.m_as("Pa*s") == pytest.approx(853.84e-6, rel=1e-12)


@pytest.mark.parametrize("t_c, rho, mu_mpas, cp_molar, p_kpa", [
    (30, 995.7, 0.797, 75.30, 4.247),
    (50, 988.0, 0.547, 75.33, 12.353),
    (80, 971.8, 0.355, 75.61, 47.415),
])
def test_water_between_table_points_matches_an_independent_table(t_c, rho, mu_mpas, cp_molar, p_kpa):
    """Chaplin/LSBU values; tolerances are the last printed digit of that table (density 0.1 kg/m^3,
    viscosity 0.001 mPa s -> 0.5 % at 80 C, C_P 0.01 J/mol/K) plus interpolation (< 0.1 %)."""
    p = coolant_properties("water", (t_c + 273.15) * u.K)
    assert p.density.m_as("kg/m^3") == pytest.approx(rho, abs=0.15)
    assert p.viscosity.m_as("mPa*s") == pytest.approx(mu_mpas, rel=5e-3)
    assert p.specific_heat.m_as("J/kg/K") * 18.015268e-3 == pytest.approx(cp_molar, rel=1e-3)
    assert p.saturation_pressure.m_as("kPa") == pytest.approx(p_kpa, rel=2e-3)


def test_ammonia_density_between_table_points_matches_coolprop_ancillary():
    n = np.array([0.6217530323464998, 116.65648581323893, -116.06575843470785, 2.722640286484237,
                  -2.6080795358675433, 18.393705416728867])
    t = np.array([0.217, 0.713, 0.724, 1.557, 3.994, 9.339])
    temps = np.array([225.0, 255.0, 285.0, 315.0, 345.0, 355.0])
    theta = 1 - temps[:, None] / 405.4
    ancillary = 13211.777154312385 * (1 + np.sum(n * theta**t, axis=1)) * 0.01703052
    ours = coolant_properties("ammonia", temps * u.K).density.m_as("kg/m^3")
    np.testing.assert_allclose(ours, ancillary, rtol=3e-3)  # ancillary agrees with the table to 0.1 % on-grid


def test_pressure_limits_the_liquid_range():
    """At 2 MPa ammonia boils at 322.5 K (between the 320 K / 1.872 MPa and 330 K / 2.420 MPa rows)."""
    assert 320 < COOLANTS["ammonia"].saturation_temperature(2e6) < 330
    coolant_properties("ammonia", "320 K", loop_pressure="2 MPa")
    with pytest.raises(ValueError, match="temperature.*ammonia.*loop_pressure"):
        coolant_properties("ammonia", "325 K", loop_pressure="2 MPa")


@pytest.mark.parametrize("name, temp", [("ammonia", "370 K"), ("ammonia", "210 K"), ("water", "270 K"),
                                         ("water", "400 K")])
def test_outside_liquid_range_names_the_field_and_coolant(name, temp):
    with pytest.raises(ValueError, match=f"temperature.*{name}"):
        coolant_properties(name, temp)


def test_bad_input():
    with pytest.raises(ValueError, match="coolant.*unknown"):
        coolant_properties("mercury", "300 K")
    with pytest.raises(TypeError, match="temperature"):
        coolant_properties("water", 300)
    with pytest.raises(pint.DimensionalityError, match="temperature"):
        coolant_properties("water", "300 m")


def test_scalar_list_and_million_point_array_agree():
    temps = np.linspace(221, 359, 1_000_000)
    big = coolant_properties("ammonia", temps * u.K)
    idx = [0, 123_456, 999_999]
    listed = coolant_properties("ammonia", [temps[i] * u.K for i in idx])
    for j, i in enumerate(idx):
        one = coolant_properties("ammonia", temps[i] * u.K)
        assert one.viscosity.m == big.viscosity.m[i] == listed.viscosity.m[j]
        assert one.prandtl == big.prandtl[i]
