"""Circular-orbit period, J2 nodal precession and sun-synchronous inclination against published values."""

from __future__ import annotations

import numpy as np
import pytest

from spacedc import orbit
from spacedc.units import Q_, u


def test_geostationary_period_is_one_sidereal_day():
    # Geostationary altitude 35 786 km (Vallado 4th ed. sec. 2.2 / Wikipedia "Geostationary orbit": radius
    # 42 164 km) must give the sidereal day, 86 164.0905 s (Vallado 4th ed. sec. 3.5). The altitude is quoted to
    # 1 km, i.e. 1.2e-5 relative in a; the period then carries 1.5 x that, 1.5 s: tolerance 2 s.
    assert orbital_period_s("35786 km") == pytest.approx(86164.0905, abs=2.0)


def test_280_km_period_is_about_90_minutes():
    # Wikipedia "Beta angle" (after NASA): at 280 km an orbit spends about 53 min in sunlight and 37 min in
    # shadow, i.e. a 90-minute period, quoted to whole minutes: tolerance 1 min.
    assert orbit.orbital_period("280 km").m_as("min") == pytest.approx(53 + 37, abs=1.0)


def orbital_period_s(altitude: str) -> float:
    return orbit.orbital_period(altitude).m_as("s")


@pytest.mark.parametrize(("altitude_km", "published_deg", "tol", "source"), [
    # Wikipedia "Sun-synchronous orbit", Technical details: for a = 7200 km (about 800 km altitude) the J2
    # formula gives 98.7 deg, quoted to 0.1 deg.
    (7200.0 - 6378.137, 98.7, 0.05, "Wikipedia SSO, a = 7200 km"),
    # Landsat 8: 705 km, inclination 98.2 deg (NASA/USGS Landsat 8 Data Users Handbook, sec. 2), mean
    # elements quoted to 0.1 deg.
    (705.0, 98.2, 0.05, "Landsat 8"),
])
def test_sun_synchronous_inclination_matches_published(altitude_km, published_deg, tol, source):
    i = orbit.sun_synchronous_inclination(Q_(altitude_km, "km")).m_as("deg")
    assert i == pytest.approx(published_deg, abs=tol), source


def test_sun_synchronous_inclination_at_650_km_by_hand():
    # Hand evaluation of the sun-synchronous condition ([Vallado2013] sec. 11.4.1),
    # cos i = -(360 deg / 365.2422 d) / (1.5 n J2 (R/a)^2), with R = 6378.137 km, mu = 398600.4418 km^3/s^2, J2 = 1.0826267e-3, a = 7028.137 km:
    # n = sqrt(mu/a^3) = 1.071540e-3 rad/s; 1.5 n J2 (R/a)^2 = 1.433131e-6 rad/s; sun rate 1.991064e-7 rad/s;
    # cos i = -0.138931 -> i = 97.986 deg (the "about 98 deg" of Suncatcher's 650 km dawn-dusk orbit).
    assert orbit.sun_synchronous_inclination("650 km").m_as("deg") == pytest.approx(97.986, abs=0.002)


def test_sun_synchronous_orbit_precesses_one_turn_per_tropical_year():
    # Definition of sun-synchronism (Vallado 4th ed. sec. 11.4.1): dOmega/dt = 360 deg / 365.2422 d.
    h = np.array([300.0, 650.0, 1200.0, 4000.0]) * Q_(1, "km")
    rate = orbit.nodal_precession_rate(h, orbit.sun_synchronous_inclination(h)).m_as("deg/day")
    np.testing.assert_allclose(rate, 360.0 / 365.2421897, rtol=1e-12)


def test_nodal_precession_sign_and_iss_value():
    # Prograde regresses (west), retrograde advances, polar does not move (Vallado 4th ed. eq. 9-41).
    # ISS-like 400 km, 51.6 deg, by hand: n = 1.131367e-3 rad/s, (R/a)^2 = 0.885456, cos i = 0.621148:
    # -1.5 * n * J2 * 0.885456 * 0.621148 = -1.01050e-6 rad/s = -5.002 deg/day.
    rates = orbit.nodal_precession_rate("400 km", Q_([51.6, 90.0, 128.4], "deg")).m_as("deg/day")
    assert rates[0] == pytest.approx(-5.002, abs=0.002)
    assert rates[1] == pytest.approx(0.0, abs=1e-12)
    assert rates[2] == pytest.approx(-rates[0], rel=1e-12)


def test_no_sun_synchronous_orbit_above_about_5970_km():
    with pytest.raises(ValueError, match="altitude = 6000 km"):
        orbit.sun_synchronous_inclination("6000 km")
    assert orbit.sun_synchronous_inclination("5900 km").m_as("deg") < 180.0


@pytest.mark.parametrize("altitude_km, inclination_deg", [(650.0, 97.99), (400.0, 51.6), (550.0, 0.0), (1200.0, 90.0)])
def test_mean_geodetic_altitude_matches_the_ellipsoid_averaged_over_the_orbit(altitude_km, inclination_deg):
    """Against the exact geodetic height on the WGS-84 ellipsoid (a = 6378.137 km, f = 1 / 298.257223563,
    [Vallado2013] Table D-3), found by the usual fixed-point iteration on the geodetic latitude
    (phi = atan2(z + e^2 N sin phi, p); h = p cos phi + z sin phi - a sqrt(1 - e^2 sin^2 phi), which holds at
    the poles too), averaged over 3600 points evenly spaced in
    argument of latitude: the first-order formula holds to 0.1 km."""
    a_e, f = 6378.137, 1 / 298.257223563
    e2 = f * (2 - f)
    r = a_e + altitude_km
    u_arg = np.linspace(0, 2 * np.pi, 3600, endpoint=False)
    z = r * np.sin(np.radians(inclination_deg)) * np.sin(u_arg)
    p = np.sqrt(r * r - z * z)
    lat = np.arctan2(z, p * (1 - e2))
    for _ in range(20):
        n = a_e / np.sqrt(1 - e2 * np.sin(lat) ** 2)
        lat = np.arctan2(z + e2 * n * np.sin(lat), p)
    exact = np.mean(p * np.cos(lat) + z * np.sin(lat) - a_e * np.sqrt(1 - e2 * np.sin(lat) ** 2))
    ours = orbit.mean_geodetic_altitude(altitude_km * u.km, inclination_deg * u.deg).m_as("km")
    assert ours == pytest.approx(exact, abs=0.1)
