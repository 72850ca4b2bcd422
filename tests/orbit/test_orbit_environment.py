"""The Orbit spec, the orbit environment used for sizing, and the Earth albedo / IR table."""

from __future__ import annotations

import dataclasses
import tomllib

import numpy as np
import pint
import pytest

from spacedc import orbit
from spacedc.units import Q_

R_E = 6378.137e3


# --- Orbit spec -------------------------------------------------------------------------------------------------

def test_orbit_converts_strings_to_quantities():
    o = orbit.Orbit(altitude="650 km", ltan="06:00")
    assert o.altitude == Q_(650.0, "km")
    assert o.ltan == Q_(6.0, "hour")
    assert o.inclination is None and o.sun_synchronous and o.raan is None
    assert o.epoch == "2030-01-01"
    o = orbit.Orbit(altitude="400 km", inclination="51.6 deg", raan="30 deg", epoch=np.datetime64("2031-03-01"))
    assert o.inclination == Q_(51.6, "deg") and o.raan == Q_(30.0, "deg")
    assert o.epoch == "2031-03-01T00:00:00"
    assert orbit.Orbit(altitude="650 km", inclination="sun-synchronous", ltan="18:00").sun_synchronous


def test_orbit_from_toml_values():
    # What designs/ passes from a TOML [orbit] table: TOML local times and dates arrive as datetime objects.
    data = tomllib.loads('altitude = "650 km"\nltan = 06:00:00\nepoch = 2030-01-01\n')
    o = orbit.Orbit(**data)
    assert o.ltan == Q_(6.0, "hour") and o.epoch == "2030-01-01T00:00:00" and o.sun_synchronous


def test_orbit_is_frozen_and_replace_revalidates():
    o = orbit.Orbit(altitude="650 km", ltan="06:00")
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.altitude = Q_(700, "km")
    assert dataclasses.replace(o, altitude="700 km").altitude == Q_(700.0, "km")
    with pytest.raises(ValueError, match="altitude"):
        dataclasses.replace(o, altitude="100 km")


@pytest.mark.parametrize(("kwargs", "error", "field"), [
    (dict(altitude=650, ltan="06:00"), TypeError, "altitude"),
    (dict(altitude="650 kg", ltan="06:00"), pint.DimensionalityError, "altitude"),
    (dict(altitude=Q_(np.nan, "km"), ltan="06:00"), ValueError, "altitude"),
    (dict(altitude="-650 km", ltan="06:00"), ValueError, "altitude"),
    (dict(altitude="100 km", ltan="06:00"), ValueError, "altitude"),
    (dict(altitude="50000 km", ltan="06:00", inclination="0 deg"), ValueError, "altitude"),
    (dict(altitude="7000 km", ltan="06:00"), ValueError, "altitude"),  # no sun-synchronous orbit that high
    (dict(altitude="650 km", inclination="200 deg", ltan="06:00"), ValueError, "inclination"),
    (dict(altitude="650 km", inclination=98, ltan="06:00"), TypeError, "inclination"),
    (dict(altitude="650 km", ltan="06:00", raan="10 deg"), ValueError, "ltan / raan"),
    (dict(altitude="650 km"), ValueError, "ltan / raan"),
    (dict(altitude="650 km", ltan="30:00"), ValueError, "ltan"),
    (dict(altitude="650 km", raan="400 deg"), ValueError, "raan"),
    (dict(altitude="650 km", ltan="06:00", epoch="soon"), ValueError, "epoch"),
    (dict(altitude="650 km", ltan="06:00", epoch=["2030-01-01", "2031-01-01"]), ValueError, "epoch"),
])
def test_orbit_errors_name_the_field(kwargs, error, field):
    with pytest.raises(error, match=field):
        orbit.Orbit(**kwargs)


# --- environment --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dawn_dusk_650():
    # Google Suncatcher's orbit (arXiv:2511.19468): dawn-dusk sun-synchronous at about 650 km.
    return orbit.environment(orbit.Orbit(altitude="650 km", ltan="06:00"))


def test_environment_of_a_dawn_dusk_sso(dawn_dusk_650):
    env = dawn_dusk_650
    assert env.inclination.m_as("deg") == pytest.approx(97.986, abs=0.002)  # see test_orbit_kepler
    assert env.ltan.m_as("h") == pytest.approx(6.0, abs=1e-9)
    assert env.nodal_precession_rate.m_as("deg/day") == pytest.approx(360 / 365.2421897, rel=1e-9)
    # Worst eclipse by hand (test_orbit_eclipse): 19.73 min on a 97.73 min orbit around the December solstice.
    assert env.eclipse_duration.m_as("min") == pytest.approx(19.73, abs=0.1)
    assert env.period.m_as("min") == pytest.approx(97.73, abs=0.01)
    assert env.daylight_duration.m_as("min") == pytest.approx(97.73 - 19.73, abs=0.1)
    assert 60 <= env.days_with_eclipse <= 120
    # Over the whole year the shadow time is a few percent of the time: below 10 % of 8766 h.
    assert 0.0 < env.eclipse_hours_per_year.m_as("h") < 0.1 * 8766
    # Nadir plate: F = 1/H^2 = (6378.137/7028.137)^2 = 0.82358.
    assert env.earth_view_factor == pytest.approx(0.82358, abs=1e-5)


def test_environment_solar_flux_range(dawn_dusk_650):
    # Earth's orbital eccentricity e = 0.0167 (Vallado Alg. 29): perihelion/aphelion flux ratio
    # ((1 + e)/(1 - e))^2 = 1.0691; with 1361 W/m^2 at 1 AU: 1407.6 and 1316.6 W/m^2 (the often-quoted
    # 1322-1414 W/m^2, e.g. [Gilmore2002] ch. 2, belongs to the older 1367 W/m^2 constant: the same ratio).
    lo, hi = dawn_dusk_650.solar_flux_min.m_as("W/m^2"), dawn_dusk_650.solar_flux_max.m_as("W/m^2")
    assert hi / lo == pytest.approx(((1 + 0.0167) / (1 - 0.0167)) ** 2, abs=5e-4)
    assert hi / lo == pytest.approx(1414 / 1322, abs=1e-3)
    assert (lo, hi) == (pytest.approx(1316.6, abs=0.1), pytest.approx(1407.6, abs=0.1))


def test_environment_to_dict_has_the_summary_keys(dawn_dusk_650):
    # summary.json (docs/design.md): orbit altitude_m, period_s, eclipse_fraction.
    d = dawn_dusk_650.to_dict()
    assert d["altitude_m"] == pytest.approx(650e3)
    assert d["period_s"] == pytest.approx(97.73 * 60, abs=1.0)
    assert d["eclipse_fraction"] == pytest.approx(dawn_dusk_650.eclipse_fraction)
    assert isinstance(d["days_with_eclipse"], int)


def test_environment_broadcasts_over_1000_altitudes():
    altitudes = np.linspace(300.0, 1500.0, 1000)
    env = orbit.environment(orbit.Orbit(altitude=Q_(altitudes, "km"), ltan="06:00"))
    assert env.eclipse_duration.shape == (1000,) and env.solar_flux_max.shape == (1000,)
    for k in (0, 499, 999):
        one = orbit.environment(orbit.Orbit(altitude=Q_(altitudes[k], "km"), ltan="06:00"))
        assert env.eclipse_duration[k].m_as("s") == pytest.approx(one.eclipse_duration.m_as("s"), rel=1e-12)
        assert env.days_with_eclipse[k] == one.days_with_eclipse
        assert env.inclination[k].m_as("deg") == pytest.approx(one.inclination.m_as("deg"), rel=1e-12)
    # Higher dawn-dusk orbits have a narrower shadow band (beta* falls) and fewer eclipse days.
    assert np.all(np.diff(env.days_with_eclipse) <= 0)


def test_environment_input_errors():
    with pytest.raises(TypeError, match="orbit"):
        orbit.environment({"altitude": "650 km"})
    o = orbit.Orbit(altitude="650 km", ltan="06:00")
    with pytest.raises(ValueError, match="days"):
        orbit.environment(o, days=0)
    with pytest.raises(TypeError, match="days"):
        orbit.environment(o, days=365.25)


# --- Earth albedo and IR ------------------------------------------------------------------------------------------

def test_earth_albedo_ir_cases():
    # [Anderson2001] (Anderson, Justus & Batts, NASA/TM-2001-211221, 2nd-hand): albedo 0.30 (0.18-0.55),
    # OLR 237 W/m^2
    # (218-261); hot and cold here are the bounding pairs of those ranges with perihelion/aphelion flux.
    nominal, hot, cold = (orbit.earth_albedo_ir(c) for c in ("nominal", "hot", "cold"))
    assert (nominal.albedo, nominal.outgoing_ir.m_as("W/m^2"), nominal.solar_flux.m_as("W/m^2")) == (0.30, 237.0,
                                                                                                      1361.0)
    assert (hot.albedo, hot.outgoing_ir.m_as("W/m^2")) == (0.55, 261.0)
    assert (cold.albedo, cold.outgoing_ir.m_as("W/m^2")) == (0.18, 218.0)
    assert hot.solar_flux.m_as("W/m^2") == pytest.approx(1407.6, abs=0.1)
    assert cold.solar_flux.m_as("W/m^2") == pytest.approx(1316.6, abs=0.1)
    for row in orbit.EARTH_RADIATION_CASES.values():
        assert "NASA/TM-2001-211221" in row["source"]
    assert orbit.earth_albedo_ir().case == "nominal"
    assert nominal.to_dict()["outgoing_ir_W_per_m2"] == 237.0


def test_earth_albedo_ir_bad_case():
    with pytest.raises(ValueError, match="case = 'warm'"):
        orbit.earth_albedo_ir("warm")
    with pytest.raises(TypeError, match="case"):
        orbit.earth_albedo_ir(1)
