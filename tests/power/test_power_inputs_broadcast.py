"""Scalar, list and array inputs give the same answers (up to a million points); bad inputs name the parameter.

Expected values are the scalar calls themselves: these tests check broadcasting and validation, the physics
is checked against sources in the other test files.
"""

from __future__ import annotations

import numpy as np
import pint
import pytest

from spacedc import power
from spacedc.units import Q_

ARRAY = dict(eclipse_load="8 kW", daylight_duration="60 min", eclipse_duration="35 min", lifetime="5 year",
             cell="xtj", cell_temperature="radiative", earth_ir="237 W/m^2", albedo=0.3, view_factor=0.2)
FIELDS = ("area", "required_power", "bol_power", "eol_power", "mass", "cell_temperature")


def _array(load):
    return power.size_solar_array(daylight_load=load, **ARRAY)


def test_array_scalar_list_and_million_points_agree():
    scalar = [_array(f"{p} kW") for p in (5, 10)]
    listed = _array(["5 kW", "10 kW"])
    n = 1_000_000
    loads = Q_(np.where(np.arange(n) % 2 == 0, 5.0, 10.0), "kW")
    big = _array(loads)
    for name in FIELDS:
        want = np.array([getattr(s, name).m for s in scalar])
        np.testing.assert_allclose(getattr(listed, name).m, want, rtol=1e-14)
        np.testing.assert_allclose(getattr(big, name).m[:4], np.tile(want, 2), rtol=1e-14)
        assert getattr(big, name).shape == (n,)
    assert big.feasible.all() and big.reasons.shape == (n,)
    assert isinstance(scalar[0].area.m, float) and scalar[0].feasible is True


def test_array_broadcasts_between_parameters():
    r = power.size_solar_array(daylight_load=Q_([[5.0], [10.0]], "kW"), eclipse_load="8 kW",
                               daylight_duration="60 min", eclipse_duration="35 min",
                               lifetime=Q_([1.0, 5.0, 10.0], "year"), cell="gaas")
    assert r.area.shape == (2, 3) and r.feasible.shape == (2, 3)
    one = power.size_solar_array(daylight_load="10 kW", eclipse_load="8 kW", daylight_duration="60 min",
                                 eclipse_duration="35 min", lifetime="5 year", cell="gaas")
    assert r.area.m[1, 1] == pytest.approx(one.area.m, rel=1e-14)


def test_temperature_battery_and_conditioning_million_points():
    n = 1_000_000
    flux = Q_(np.full(n, 1361.0), "W/m^2")
    t = power.array_operating_temperature(solar_flux=flux, absorptance=0.92, efficiency=0.3,
                                          emissivity_front=0.85, emissivity_back=0.85,
                                          temperature_coefficient="-0.0025 1/K")
    t1 = power.array_operating_temperature(solar_flux="1361 W/m^2", absorptance=0.92, efficiency=0.3,
                                           emissivity_front=0.85, emissivity_back=0.85,
                                           temperature_coefficient="-0.0025 1/K")
    assert t.shape == (n,) and t.m[-1] == pytest.approx(t1.m, rel=1e-14)
    b = power.size_battery(eclipse_load=Q_(np.full(n, 2.0), "kW"), eclipse_duration="35 min",
                           lifetime="5 year", period="95 min")
    b1 = power.size_battery(eclipse_load="2 kW", eclipse_duration="35 min", lifetime="5 year", period="95 min")
    assert b.mass.m[0] == pytest.approx(b1.mass.m, rel=1e-14) and b.feasible.shape == (n,)
    c = power.conditioning_losses(Q_(np.full(n, 700.0), "W"), 0.9)
    assert c.heat.m[0] == pytest.approx(power.conditioning_losses("700 W", 0.9).heat.m, rel=1e-14)


KW = dict(daylight_load="1 kW", eclipse_load="1 kW", daylight_duration="60 min", eclipse_duration="35 min",
          lifetime="5 year", cell="xtj")


@pytest.mark.parametrize("change, error, name", [
    (dict(daylight_load=1000.0), TypeError, "daylight_load"),
    (dict(eclipse_duration="35 kg"), pint.DimensionalityError, "eclipse_duration"),
    (dict(eclipse_load="-1 W"), ValueError, "eclipse_load"),
    (dict(solar_flux=Q_(float("nan"), "W/m^2")), ValueError, "solar_flux"),
    (dict(cell_efficiency=1.2), ValueError, "cell_efficiency"),
    (dict(daylight_duration="0 min"), ValueError, "daylight_duration"),
    (dict(inherent_degradation=[0.7, np.inf]), ValueError, "inherent_degradation"),
    (dict(incidence_angle="95 deg"), ValueError, "incidence_angle"),
    (dict(cell_temperature="-300 degC"), ValueError, "cell_temperature"),
    (dict(areal_density="2 kg/m^2", specific_power="100 W/kg"), ValueError, "areal_density"),
    (dict(cell="perovskite"), ValueError, "known cells: gaas, multijunction-smad, silicon, xtj, xtj-blanket"),
])
def test_bad_input_names_the_parameter(change, error, name):
    with pytest.raises(error, match=name):
        power.size_solar_array(**{**KW, **change})


def test_missing_cell_values_name_the_parameter():
    base = {k: v for k, v in KW.items() if k != "cell"}
    with pytest.raises(ValueError, match="cell_efficiency"):
        power.size_solar_array(**base)
    with pytest.raises(ValueError, match="annual_degradation"):
        power.size_solar_array(cell_efficiency=0.3, **base)
    with pytest.raises(ValueError, match="areal_density"):
        power.size_solar_array(cell_efficiency=0.3, annual_degradation=0.005, **base)
    with pytest.raises(ValueError, match="temperature_coefficient"):
        power.size_solar_array(cell_efficiency=0.3, annual_degradation=0.005, areal_density="2 kg/m^2",
                               cell_temperature="60 degC", **base)
