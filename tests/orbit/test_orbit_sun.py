"""Low-precision solar ephemeris and solar flux against published worked examples."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

from spacedc import orbit


def _vector_au(position: orbit.SunPosition) -> np.ndarray:
    ra, dec = position.right_ascension.m_as("rad"), position.declination.m_as("rad")
    r = position.distance.m_as("au")
    return r * np.array([np.cos(dec) * np.cos(ra), np.cos(dec) * np.sin(ra), np.sin(dec)])


def test_vallado_example_5_1():
    # Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 5-1 (p. 280): on 2006-04-02
    # 00:00 UT1 the Sun is at r = 0.9771945 I + 0.1924424 J + 0.0834308 K AU (146 186 178 I + 28 789 122 J +
    # 12 481 127 K km). Same algorithm; the book rounds its intermediate angles, which moves the answer by about
    # 1e-6 AU, so the tolerance is 5e-6 AU (750 km, 0.0003 deg: thirty times tighter than the algorithm's
    # 0.01 deg accuracy). UTC stands in for UT1 (< 1 s apart in 2006).
    position = orbit.sun_position("2006-04-02T00:00:00")
    np.testing.assert_allclose(_vector_au(position), [0.9771945, 0.1924424, 0.0834308], atol=5e-6)


def test_meeus_example_25a():
    # Meeus, Astronomical Algorithms, 2nd ed., Example 25.a, 1992 October 13.0 TD: apparent right ascension
    # 13h13m31.4s = 198.38083 deg, declination -7 deg 47' 06" = -7.78507 deg, R = 0.99766 AU. The low-precision
    # formula is good to 0.01 deg (Vallado sec. 5.1.1), which is the tolerance; R is given to 5 decimals.
    position = orbit.sun_position(datetime.datetime(1992, 10, 13))
    assert position.right_ascension.m_as("deg") == pytest.approx(198.38083, abs=0.01)
    assert position.declination.m_as("deg") == pytest.approx(-7.78507, abs=0.01)
    assert position.distance.m_as("au") == pytest.approx(0.99766, abs=1e-5)


def test_solstice_declination_is_the_obliquity():
    # At the June and December solstices the declination is +/- the obliquity, 23.44 deg (Vallado Alg. 29:
    # epsilon = 23.439291 deg - 0.0130042 deg T). USNO: 2030 solstices on June 21 and December 21.
    dec = orbit.sun_position(["2030-06-21T12:00", "2030-12-21T12:00"]).declination.m_as("deg")
    np.testing.assert_allclose(dec, [23.44, -23.44], atol=0.01)


def test_solar_flux_perihelion_and_aphelion():
    # Earth's orbital eccentricity 0.0167 (Vallado Alg. 29 distance series: 0.98329 and 1.01671 AU):
    # 1361 / 0.98329^2 = 1407.6 W/m^2 early in January, 1361 / 1.01671^2 = 1316.6 W/m^2 early in July.
    # Perihelion falls on January 2-5 and aphelion on July 3-6 (USNO "Earth's seasons" tables, 2000-2050),
    # so daily sampling finds the extremes to within a few hundredths of a W/m^2.
    days = np.datetime64("2030-01-01") + np.arange(365)
    flux = orbit.solar_flux(days).m_as("W/m^2")
    assert flux.max() == pytest.approx(1361 / 0.98329**2, abs=0.1)
    assert flux.min() == pytest.approx(1361 / 1.01671**2, abs=0.1)
    assert days[flux.argmax()] in np.arange(np.datetime64("2030-01-02"), np.datetime64("2030-01-06"))
    assert days[flux.argmin()] in np.arange(np.datetime64("2030-07-03"), np.datetime64("2030-07-07"))

