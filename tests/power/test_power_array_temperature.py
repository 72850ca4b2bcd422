"""Array operating temperature and the efficiency temperature coefficient, against hand derivations.

The thin-plate balance sigma (eps_f + eps_b) T^4 = S cos(theta) (alpha - eta) + F (eps_b q_IR + alpha_b a S)
is that of Gilmore, Spacecraft Thermal Control Handbook Vol. 1 (2002), ch. 2, for a solar array. Each
expected value below is worked by hand in the docstring with sigma = 5.670374e-8 W/m^2/K^4 (CODATA, as
scipy.constants); tolerances cover only the digits written out.
"""

from __future__ import annotations

import numpy as np
import pytest

from spacedc import power
from spacedc.units import Q_

SIGMA = 5.670374419e-8


def test_incropera_style_panel():
    """Problem as posed in Incropera & DeWitt, Fundamentals of Heat and Mass Transfer (solar panel in
    space: 1 m^2, eta = 12%, cell side alpha = eps = 0.8, back eps = 0.7, 1500 W/m^2 normal):

    T^4 = 1500 (0.8 - 0.12) / (sigma * 1.5) = 1020 / 8.50556e-8 = 1.199215e10  ->  T = 330.92 K.
    """
    t = power.array_operating_temperature(solar_flux="1500 W/m^2", absorptance=0.8, efficiency=0.12,
                                          emissivity_front=0.8, emissivity_back=0.7)
    assert t.m_as("K") == pytest.approx(330.92, abs=0.01)


def test_earth_ir_and_albedo_on_the_back_face():
    """Back face sees Earth through F = 0.3: q_IR = 237 W/m^2, albedo 0.3, alpha_b = eps_b = 0.85.

    q = 1361 (0.92 - 0.30) + 0.3 (0.85 * 237 + 0.85 * 0.3 * 1361)
      = 843.82 + 0.3 (201.45 + 347.055) = 843.82 + 164.5515 = 1008.3715 W/m^2
    T = (1008.3715 / (sigma * 1.70))^(1/4) = (1.046058e10)^(1/4) = 319.81 K
    """
    t = power.array_operating_temperature(solar_flux="1361 W/m^2", absorptance=0.92, efficiency=0.30,
                                          emissivity_front=0.85, emissivity_back=0.85, earth_ir="237 W/m^2",
                                          albedo=0.3, view_factor=0.3)
    assert t.m_as("K") == pytest.approx(319.81, abs=0.01)


def test_incidence_angle_scales_the_absorbed_sunlight():
    """At 60 deg the sunlight term halves, so T^4 halves: T(60) = T(0) / 2^(1/4) (hand)."""
    kw = dict(solar_flux="1361 W/m^2", absorptance=0.92, efficiency=0.3, emissivity_front=0.85,
              emissivity_back=0.85)
    t0 = power.array_operating_temperature(**kw).m_as("K")
    t60 = power.array_operating_temperature(incidence_angle="60 deg", **kw).m_as("K")
    assert t60 == pytest.approx(t0 / 2 ** 0.25, rel=1e-12)


def test_coupled_temperature_satisfies_the_balance():
    """With eta(T) = eta_28 (1 + beta (T - 301.15 K)), the returned T must close the balance with eta(T):
    residual below 1e-9 of the absorbed flux. It is also above 28 C here, so the efficiency is below
    eta_28 and the array runs hotter than with eta_28 held fixed."""
    eta28, beta = 0.30, -0.0025
    t = power.array_operating_temperature(solar_flux="1361 W/m^2", absorptance=0.92, efficiency=eta28,
                                          emissivity_front=0.85, emissivity_back=0.85,
                                          temperature_coefficient=Q_(beta, "1/K")).m_as("K")
    eta_t = eta28 * (1 + beta * (t - 301.15))
    absorbed = 1361 * (0.92 - eta_t)
    assert SIGMA * 1.70 * t**4 == pytest.approx(absorbed, rel=1e-9)
    fixed = power.array_operating_temperature(solar_flux="1361 W/m^2", absorptance=0.92, efficiency=eta28,
                                              emissivity_front=0.85, emissivity_back=0.85).m_as("K")
    assert t > fixed > 301.15


def test_hotter_cells_give_less_power():
    """XTJ row, beta = -0.25 %/K. At 60 C (333.15 K) the efficiency is 0.298 (1 - 0.0025 * 32) = 0.27416
    (hand); power per area falls by the factor 0.92 and the area grows by 1/0.92."""
    kw = dict(daylight_load="10 kW", eclipse_load="10 kW", daylight_duration="60 min",
              eclipse_duration="35 min", lifetime="5 year", cell="xtj")
    cold = power.size_solar_array(**kw)
    hot = power.size_solar_array(cell_temperature=Q_(60.0, "degC"), **kw)
    assert hot.efficiency == pytest.approx(0.27416, rel=1e-12)
    assert hot.eol_power_per_area.m / cold.eol_power_per_area.m == pytest.approx(0.92, rel=1e-12)
    assert hot.area.m / cold.area.m == pytest.approx(1 / 0.92, rel=1e-12)
    at28 = power.size_solar_array(cell_temperature="28 degC", **kw)
    assert at28.area.m == pytest.approx(cold.area.m, rel=1e-12)


def test_radiative_cell_temperature_in_the_sizing():
    """cell_temperature="radiative": the temperature closes the balance with the delivered power
    eta(T) I_d S leaving as electricity, and Earth's IR on the back warms the array and enlarges it."""
    kw = dict(daylight_load="10 kW", eclipse_load="10 kW", daylight_duration="60 min",
              eclipse_duration="35 min", lifetime="5 year", cell="xtj", cell_temperature="radiative")
    r = power.size_solar_array(**kw)
    t = r.cell_temperature.m_as("K")
    assert r.efficiency == pytest.approx(0.298 * (1 - 0.0025 * (t - 301.15)), rel=1e-12)
    assert SIGMA * 1.70 * t**4 == pytest.approx(1361 * (0.92 - r.efficiency * 0.77), rel=1e-9)
    warm = power.size_solar_array(earth_ir="237 W/m^2", view_factor=0.5, **kw)
    assert warm.cell_temperature.m > t and warm.area.m > r.area.m


def test_temperature_errors_name_parameters():
    with pytest.raises(ValueError, match="efficiency"):
        power.array_operating_temperature(solar_flux="1361 W/m^2", absorptance=0.3, efficiency=0.5,
                                          emissivity_front=0.8, emissivity_back=0.8)
    with pytest.raises(ValueError, match="incidence_angle"):
        power.array_operating_temperature(solar_flux="1361 W/m^2", absorptance=0.9, efficiency=0.3,
                                          emissivity_front=0.8, emissivity_back=0.8, incidence_angle="120 deg")
    with pytest.raises(ValueError, match="temperature_coefficient"):
        power.array_operating_temperature(solar_flux="1361 W/m^2", absorptance=0.9, efficiency=0.3,
                                          emissivity_front=0.8, emissivity_back=0.8,
                                          temperature_coefficient="0.01 1/K")
    t = power.array_operating_temperature(solar_flux=Q_(np.array([0.0, 1361.0]), "W/m^2"), absorptance=0.9,
                                          efficiency=0.3, emissivity_front=0.8, emissivity_back=0.8)
    assert t.m[0] == 0.0 and t.m[1] > 300
