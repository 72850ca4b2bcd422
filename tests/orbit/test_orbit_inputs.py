"""Every public function: scalar, list and 1,000,000-element array inputs agree; bad inputs name the parameter."""

from __future__ import annotations

import numpy as np
import pint
import pytest

from spacedc import orbit
from spacedc.units import Q_

N = 1_000_000
REPEATS = N // 4


def _m(result, unit):
    """Magnitudes of a Quantity (or plain floats) as a float array."""
    return np.asarray(result.m_as(unit) if isinstance(result, pint.Quantity) else result, dtype=float)


# (name, function of the varied input, four scalar inputs, how to build the array input, result unit)
_QUANTITY_CASES = [
    ("orbital_period", orbit.orbital_period, Q_([300.0, 650.0, 1200.0, 35786.0], "km"), "s"),
    ("sun_synchronous_inclination", orbit.sun_synchronous_inclination, Q_([300.0, 650.0, 1200.0, 4000.0], "km"),
     "deg"),
    ("nodal_precession_rate", lambda i: orbit.nodal_precession_rate("650 km", i),
     Q_([0.0, 51.6, 97.9, 180.0], "deg"), "deg/day"),
    ("critical_beta_angle", orbit.critical_beta_angle, Q_([300.0, 650.0, 1200.0, 35786.0], "km"), "deg"),
    ("eclipse_fraction", lambda b: orbit.eclipse_fraction("650 km", b), Q_([-90.0, -30.0, 0.0, 64.0], "deg"), None),
    ("eclipse_duration", lambda h: orbit.eclipse_duration(h, "20 deg"), Q_([300.0, 650.0, 1200.0, 35786.0], "km"),
     "min"),
    ("earth_view_factor", lambda a: orbit.earth_view_factor("650 km", a), Q_([0.0, 24.84, 90.0, 180.0], "deg"),
     None),
    ("raan_from_ltan", lambda t: orbit.raan_from_ltan(t, "2030-01-01"), Q_([0.0, 6.0, 10.5, 18.0], "hour"), "deg"),
    ("beta_angle(altitude)", lambda h: orbit.beta_angle("2030-12-21", altitude=h, inclination=None, ltan="06:00",
                                                        epoch="2030-01-01"),
     Q_([300.0, 650.0, 1200.0, 4000.0], "km"), "deg"),
    ("eclipse_statistics", lambda h: orbit.eclipse_statistics(altitude=h, inclination=None, ltan="06:00",
                                                              start="2030-12-20", days=2).max_eclipse_duration,
     Q_([300.0, 650.0, 1200.0, 4000.0], "km"), "min"),
    ("environment", lambda h: orbit.environment(orbit.Orbit(altitude=h, ltan="06:00", epoch="2030-12-20"),
                                                days=2).daylight_duration,
     Q_([300.0, 650.0, 1200.0, 4000.0], "km"), "min"),
]


@pytest.mark.parametrize(("name", "func", "values", "unit"), _QUANTITY_CASES, ids=[c[0] for c in _QUANTITY_CASES])
def test_scalar_list_and_million_element_array_agree(name, func, values, unit):
    scalars = np.array([_m(func(v), unit) for v in values])
    from_list = _m(func([v for v in values]), unit)
    from_strings = _m(func([f"{v.m} {v.u}" for v in values]), unit)
    from_array = _m(func(Q_(np.tile(values.m, REPEATS), values.u)), unit)
    np.testing.assert_array_equal(from_list, scalars)
    np.testing.assert_array_equal(from_strings, scalars)
    assert from_array.shape == (N,)
    np.testing.assert_array_equal(from_array.reshape(REPEATS, 4), np.broadcast_to(scalars, (REPEATS, 4)))


_DATES = ["2030-01-04", "2030-03-20T12:00", "2030-07-04T06:30", "2030-12-21"]
_DATE_CASES = [
    ("sun_position", lambda d: orbit.sun_position(d).declination, "deg"),
    ("solar_flux", orbit.solar_flux, "W/m^2"),
    ("beta_angle(date)", lambda d: orbit.beta_angle(d, altitude="400 km", inclination="51.6 deg", raan="20 deg",
                                                    epoch="2030-01-01"), "deg"),
]


@pytest.mark.parametrize(("name", "func", "unit"), _DATE_CASES, ids=[c[0] for c in _DATE_CASES])
def test_dates_scalar_list_and_million_element_array_agree(name, func, unit):
    scalars = np.array([_m(func(d), unit) for d in _DATES])
    np.testing.assert_array_equal(_m(func(_DATES), unit), scalars)
    dates = np.tile(np.array(_DATES, dtype="datetime64[us]"), REPEATS)
    from_array = _m(func(dates), unit)
    assert from_array.shape == (N,)
    np.testing.assert_array_equal(from_array.reshape(REPEATS, 4), np.broadcast_to(scalars, (REPEATS, 4)))


def test_beta_angle_broadcasts_dates_against_orbits():
    dates = np.datetime64("2030-01-01") + np.arange(365)
    altitudes = Q_(np.array([400.0, 650.0, 1000.0])[:, np.newaxis], "km")
    beta = orbit.beta_angle(dates, altitude=altitudes, inclination="51.6 deg", raan="0 deg", epoch="2030-01-01")
    assert beta.shape == (3, 365)
    row = orbit.beta_angle(dates, altitude="650 km", inclination="51.6 deg", raan="0 deg", epoch="2030-01-01")
    np.testing.assert_array_equal(beta[1].m_as("deg"), row.m_as("deg"))


_ALTITUDE_FUNCTIONS = [
    ("orbital_period", lambda h: orbit.orbital_period(h)),
    ("sun_synchronous_inclination", lambda h: orbit.sun_synchronous_inclination(h)),
    ("nodal_precession_rate", lambda h: orbit.nodal_precession_rate(h, "51.6 deg")),
    ("critical_beta_angle", lambda h: orbit.critical_beta_angle(h)),
    ("eclipse_fraction", lambda h: orbit.eclipse_fraction(h, "0 deg")),
    ("eclipse_duration", lambda h: orbit.eclipse_duration(h, "0 deg")),
    ("earth_view_factor", lambda h: orbit.earth_view_factor(h, "0 deg")),
    ("beta_angle", lambda h: orbit.beta_angle("2030-01-01", altitude=h, inclination="51.6 deg", raan="0 deg")),
    ("eclipse_statistics", lambda h: orbit.eclipse_statistics(altitude=h, inclination=None, ltan="06:00", days=3)),
]
_BAD_ALTITUDES = [
    (650, TypeError),
    ([650.0, 700.0], TypeError),
    ("650 kg", pint.DimensionalityError),
    (Q_(np.nan, "km"), ValueError),
    (Q_(np.inf, "km"), ValueError),
    ("-650 km", ValueError),
    (Q_([650.0, -1.0], "km"), ValueError),
    ("0 km", ValueError),
]


@pytest.mark.parametrize(("value", "error"), _BAD_ALTITUDES)
@pytest.mark.parametrize(("name", "func"), _ALTITUDE_FUNCTIONS, ids=[c[0] for c in _ALTITUDE_FUNCTIONS])
def test_bad_altitude_is_named(name, func, value, error):
    with pytest.raises(error, match="altitude"):
        func(value)


@pytest.mark.parametrize(("call", "error", "param"), [
    (lambda: orbit.nodal_precession_rate("650 km", 51.6), TypeError, "inclination"),
    (lambda: orbit.nodal_precession_rate("650 km", "51.6 km"), pint.DimensionalityError, "inclination"),
    (lambda: orbit.nodal_precession_rate("650 km", "181 deg"), ValueError, "inclination"),
    (lambda: orbit.nodal_precession_rate("650 km", Q_(np.nan, "deg")), ValueError, "inclination"),
    (lambda: orbit.eclipse_fraction("650 km", 0.0), TypeError, "beta"),
    (lambda: orbit.eclipse_fraction("650 km", "95 deg"), ValueError, "beta"),
    (lambda: orbit.eclipse_duration("650 km", "1 s"), pint.DimensionalityError, "beta"),
    (lambda: orbit.earth_view_factor("650 km", 0.0), TypeError, "angle_from_nadir"),
    (lambda: orbit.earth_view_factor("650 km", "-1 deg"), ValueError, "angle_from_nadir"),
    (lambda: orbit.earth_view_factor("650 km", "181 deg"), ValueError, "angle_from_nadir"),
    (lambda: orbit.beta_angle("2030-01-01", altitude="650 km", inclination="98 deg", raan=10), TypeError, "raan"),
    (lambda: orbit.beta_angle("2030-01-01", altitude="650 km", inclination=None, ltan="6 h", epoch="x"),
     ValueError, "epoch"),
    (lambda: orbit.sun_position(12.5), TypeError, "date"),
    (lambda: orbit.solar_flux(["2030-01-01", "not a date"]), ValueError, "date"),
    (lambda: orbit.eclipse_statistics(altitude="650 km", inclination=None, ltan="06:00", start=["2030-01-01"] * 2),
     ValueError, "start"),
    (lambda: orbit.eclipse_statistics(altitude="650 km", inclination=None, ltan="06:00", days=-3), ValueError,
     "days"),
])
def test_other_bad_inputs_are_named(call, error, param):
    with pytest.raises(error, match=param):
        call()
