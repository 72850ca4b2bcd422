"""Rating a given radiator (issue 13, item 1): its equilibrium temperature at a heat load, and the inverse, the
heat it rejects at a temperature, against hand derivations of the radiative balance (thermal/radiator.py's
module docstring: Gilmore Vol. 1 ch. 2, SMAD 3rd ed. sec. 11.5)."""

import numpy as np
import pytest

from spacedc import thermal
from spacedc.units import Q_

SIGMA = 5.670374419e-8   # CODATA 2018


def test_equilibrium_temperature_by_hand():
    # 100 m^2 two-sided, eps 0.9, fin efficiency 0.8, rejecting 50 kW against a 200 K sink (space at 3 K):
    # k = 2 * 0.8 * 0.9 * sigma = 8.1653e-8; q_abs = k (200^4 - 3^4) = 130.64 W/m^2;
    # T = ((50e3 / 100 + 130.64) / k + 3^4)^(1/4) = (7.7235e9)^(1/4) = 296.45 K
    k = 2 * 0.8 * 0.9 * SIGMA
    q_abs = k * (200.0**4 - 3.0**4)
    expected = ((500.0 + q_abs) / k + 81.0) ** 0.25
    r = thermal.rate_radiator(heat_load="50 kW", area="100 m^2", emissivity=0.9, fin_efficiency=0.8,
                              sink_temperature="200 K")
    assert r.temperature.m_as("K") == pytest.approx(expected, rel=1e-12)
    assert expected == pytest.approx(296.45, abs=0.01)
    assert r.sink_temperature.m_as("K") == pytest.approx(200.0, rel=1e-12)


def test_heat_rejected_at_a_temperature_by_hand_and_below_the_sink():
    # one face, eps 0.85, 10 m^2 at 300 K with 150 W/m^2 absorbed: 10 (0.85 sigma (300^4 - 3^4) - 150) = 2404.0 W
    r = thermal.radiator_heat_rejection(temperature="300 K", area="10 m^2", emissivity=0.85, sides=1,
                                        absorbed_flux="150 W/m^2")
    assert r.heat_rejected.m_as("W") == pytest.approx(10 * (0.85 * SIGMA * (300.0**4 - 81.0) - 150.0), rel=1e-12)
    # below its sink the panel absorbs: negative rejection, not an error
    cold = thermal.radiator_heat_rejection(temperature="150 K", area="10 m^2", emissivity=0.85, sides=1,
                                           absorbed_flux="150 W/m^2")
    assert cold.heat_rejected.m_as("W") < 0 < cold.sink_temperature.m_as("K") - 150.0


def test_rating_inverts_the_sizing_and_broadcasts():
    # the area size_radiator gives for a load at T, rated at that load, runs at T (a million temperatures at once)
    temps = Q_(np.linspace(250.0, 400.0, 1_000_000), "K")
    sized = thermal.size_radiator(heat_load="100 kW", temperature=temps, emissivity=0.9, areal_density="5 kg/m^2",
                                  absorptivity=0.2, incident_solar="300 W/m^2")
    ok = np.asarray(sized.feasible)
    rated = thermal.rate_radiator(heat_load="100 kW", area=sized.area[ok], emissivity=0.9,
                                  absorbed_flux=sized.absorbed_flux[ok])
    assert np.allclose(rated.temperature.m_as("K"), temps.m_as("K")[ok], rtol=1e-12)
    back = thermal.radiator_heat_rejection(temperature=rated.temperature, area=sized.area[ok], emissivity=0.9,
                                           absorbed_flux=sized.absorbed_flux[ok])
    assert np.allclose(back.heat_rejected.m_as("W"), 1e5, rtol=1e-10)


def test_bad_rating_input_names_the_field():
    with pytest.raises(ValueError, match="area"):
        thermal.rate_radiator(heat_load="1 kW", area="0 m^2", emissivity=0.9, sink_temperature="200 K")
    with pytest.raises(ValueError, match="exactly one of sink_temperature"):
        thermal.rate_radiator(heat_load="1 kW", area="1 m^2", emissivity=0.9)
    with pytest.raises(ValueError, match="exactly one of sink_temperature"):
        thermal.radiator_heat_rejection(temperature="300 K", area="1 m^2", emissivity=0.9,
                                        sink_temperature="200 K", absorbed_flux="10 W/m^2")
    with pytest.raises(ValueError, match="sides"):
        thermal.rate_radiator(heat_load="1 kW", area="1 m^2", emissivity=0.9, sides=3, sink_temperature="200 K")
