"""Radiator sizing (thermal.size_radiator) against published values and hand derivations."""

import numpy as np
import pint
import pytest

from spacedc import thermal
from spacedc.units import u

SIGMA = 5.670374419e-8  # CODATA 2018, W m^-2 K^-4


def test_black_two_sided_panel_at_20C_matches_starcloud_white_paper():
    """Starcloud white paper (v1.03, Sept 2024): a two-sided radiator at 20 C radiates about 838 W/m^2.

    That is 2 * sigma * T^4 for a black panel at 293.15 K (deep space as a 0 K sink). The paper rounds
    to the watt, so the tolerance is 0.1 %.
    """
    r = thermal.size_radiator(heat_load="838 W", temperature="20 degC", emissivity=1.0, sides=2,
                              areal_density="1 kg/m^2", space_temperature="0 K")
    assert r.emitted_flux.m_as("W/m^2") == pytest.approx(838, rel=1e-3)
    assert r.area.m_as("m^2") == pytest.approx(1.0, rel=1e-3)


def test_environment_loads_and_sink_temperature_hand_derivation():
    """Hand derivation with the white paper's environment (alpha 0.09, eps 0.92, S 1366 W/m^2, F_E 0.25,
    albedo 0.3, Earth as a 253.15 K black body), one face radiating and facing the Sun squarely:

    q_abs = 0.09 (1366 + 0.3 * 1366 * 0.25) + 0.92 * 0.25 * sigma * 253.15^4 = 122.94 + 9.22 + 53.56 = 185.72 W/m^2
    q_emit = 0.92 sigma (300^4 - 3^4) = 422.56 W/m^2 ; area for 1 kW = 1000 / (422.56 - 185.72) = 4.2224 m^2
    T_sink = (185.72 / (0.92 sigma))^(1/4) = 244.27 K (the 3 K background adds 3^4, negligible).
    """
    q_ir = SIGMA * 253.15**4
    r = thermal.size_radiator(heat_load="1 kW", temperature="300 K", emissivity=0.92, absorptivity=0.09, sides=1,
                              incident_solar="1366 W/m^2", solar_constant="1366 W/m^2", albedo=0.3,
                              earth_view_factor=0.25, earth_ir=q_ir * u.W / u.m**2, areal_density="5 kg/m^2")
    absorbed = 0.09 * (1366 + 0.3 * 1366 * 0.25) + 0.92 * 0.25 * q_ir
    emitted = 0.92 * SIGMA * (300**4 - 3**4)
    assert r.absorbed_flux.m_as("W/m^2") == pytest.approx(absorbed, rel=1e-12)
    assert absorbed == pytest.approx(185.72, abs=0.01)
    assert r.area.m_as("m^2") == pytest.approx(1000 / (emitted - absorbed), rel=1e-12)
    assert r.area.m_as("m^2") == pytest.approx(4.2224, rel=1e-4)
    assert r.mass.m_as("kg") == pytest.approx(5 * 4.2224, rel=1e-4)
    assert r.sink_temperature.m_as("K") == pytest.approx(244.27, abs=0.01)
    assert r.feasible


def test_fin_efficiency_scales_emitted_flux():
    full = thermal.size_radiator(heat_load="1 kW", temperature="300 K", emissivity=0.9, areal_density="5 kg/m^2")
    half = thermal.size_radiator(heat_load="1 kW", temperature="300 K", emissivity=0.9, areal_density="5 kg/m^2",
                                 fin_efficiency=0.5)
    assert half.area.m_as("m^2") == pytest.approx(2 * full.area.m_as("m^2"), rel=1e-12)


def test_radiator_colder_than_sink_is_infeasible_not_nan():
    r = thermal.size_radiator(heat_load=[1, 1] * u.kW, temperature=[300, 150] * u.K, emissivity=0.9,
                              absorptivity=0.3, incident_solar="600 W/m^2", sides=2, areal_density="5 kg/m^2")
    assert r.feasible.tolist() == [True, False]
    assert "sink" in r.reasons[1] and r.reasons[0] == ""
    assert np.isinf(r.area.m[1]) and not np.isnan(r.area.m).any()
    assert r.to_dict()["area_m2"][1] is None  # JSON has no infinity: null, with the reason beside it


def test_scalar_list_and_million_point_array_agree():
    temps = np.linspace(250, 400, 1_000_000)
    big = thermal.size_radiator(heat_load="10 kW", temperature=temps * u.K, emissivity=0.85, absorptivity=0.1,
                                incident_solar="100 W/m^2", areal_density="4 kg/m^2")
    idx = [0, 123_457, 999_999]
    listed = thermal.size_radiator(heat_load="10 kW", temperature=[temps[i] * u.K for i in idx], emissivity=0.85,
                                   absorptivity=0.1, incident_solar="100 W/m^2", areal_density="4 kg/m^2")
    for j, i in enumerate(idx):
        one = thermal.size_radiator(heat_load="10 kW", temperature=temps[i] * u.K, emissivity=0.85,
                                    absorptivity=0.1, incident_solar="100 W/m^2", areal_density="4 kg/m^2")
        assert one.area.m == big.area.m[i] == listed.area.m[j]


@pytest.mark.parametrize("kwargs, exc, words", [
    (dict(emissivity=1.2), ValueError, "emissivity"),
    (dict(emissivity=0.0), ValueError, "emissivity"),
    (dict(temperature=300), TypeError, "temperature"),
    (dict(temperature="300 m"), pint.DimensionalityError, "temperature"),
    (dict(heat_load="-1 W"), ValueError, "heat_load"),
    (dict(heat_load=float("nan") * u.W), ValueError, "heat_load"),
    (dict(sides=3), ValueError, "sides"),
    (dict(earth_view_factor=1.5, sides=1), ValueError, "earth_view_factor"),
])
def test_bad_input_names_the_parameter(kwargs, exc, words):
    args = dict(heat_load="1 kW", temperature="300 K", emissivity=0.9, areal_density="5 kg/m^2") | kwargs
    with pytest.raises(exc, match=words):
        thermal.size_radiator(**args)
