"""Beta angle and node geometry: hand-derivable special cases and the LTAN bookkeeping."""

from __future__ import annotations

import datetime

import numpy as np
import pint
import pytest

from spacedc import orbit
from spacedc.units import Q_


def test_equatorial_orbit_beta_is_the_sun_declination():
    # i = 0 in sin(beta) = cos(d) sin(i) sin(Omega - a) + sin(d) cos(i) leaves sin(beta) = sin(d) (Rickman,
    # NASA TFAWS 2020): beta equals the Sun's declination for any node, +23.44 deg at the June solstice.
    dates = ["2030-03-20T12:00", "2030-06-21T12:00", "2030-12-21T12:00"]
    beta = orbit.beta_angle(dates, altitude="500 km", inclination="0 deg", raan="123 deg").m_as("deg")
    dec = orbit.sun_position(dates).declination.m_as("deg")
    np.testing.assert_allclose(beta, dec, atol=1e-9)
    assert beta[1] == pytest.approx(23.44, abs=0.01)


def test_noon_midnight_polar_orbit_has_zero_beta_at_equinox():
    # A polar orbit whose node is at the Sun's right ascension (noon/midnight plane) contains the Sun at an
    # equinox (declination ~0): beta = asin(sin d cos 90) = 0 to within the declination's own size.
    date = "2030-03-20T13:52"  # USNO: March equinox 2030 at 13:52 UT
    ra = orbit.sun_position(date).right_ascension
    beta = orbit.beta_angle(date, altitude="700 km", inclination="90 deg", raan=ra)
    assert beta.m_as("deg") == pytest.approx(0.0, abs=0.01)


def test_dawn_dusk_sso_beta_at_december_solstice_by_hand():
    # LTAN 06:00 puts the node 90 deg west of the mean Sun, so sin(beta) = -cos(d) sin(i) + sin(d) cos(i)
    # = -sin(i - d). At the December solstice d = -23.44 deg and i = 97.986 deg (650 km): beta = -(180 - i -
    # 23.44) = -58.57 deg. The node is set from the mean Sun and the true Sun differs by the equation of time
    # (+1.7 min on Dec 21, 0.4 deg of node), which moves beta by under 0.02 deg near this extreme.
    beta = orbit.beta_angle("2030-12-21T12:00", altitude="650 km", inclination=None, ltan="06:00",
                            epoch="2030-01-01")
    assert beta.m_as("deg") == pytest.approx(-(180.0 - 97.986 - 23.44), abs=0.05)


def test_raan_from_ltan_uses_the_mean_sun():
    # Omega = alpha_meanSun + 15 deg/h (LTAN - 12 h), alpha_meanSun = 280.460 deg + 36000.771 deg T (Vallado
    # Alg. 29 mean longitude). At 2030-01-01 00:00, d = 10957.5 days, T = 0.3, so alpha = 280.460 + 10800.231
    # = 11080.691 deg = 280.691 deg (mod 360); LTAN 06:00 -> 190.691 deg, 18:00 -> 10.691 deg.
    raan = orbit.raan_from_ltan(["06:00", "18:00"], "2030-01-01").m_as("deg")
    np.testing.assert_allclose(raan, [190.691, 10.691], atol=0.001)


def test_sun_synchronous_orbit_keeps_its_ltan_and_others_drift():
    # An SSO's node moves with the mean Sun, so the orbit given by LTAN at the epoch has the same LTAN (same
    # beta) one year later; a 51.6 deg orbit's node drifts -5.0 deg/day instead (Vallado eq. 9-41).
    later = "2031-01-01"
    kwargs = dict(altitude="650 km", inclination=None, ltan="06:00")
    drifted = orbit.beta_angle(later, epoch="2030-01-01", **kwargs)
    fresh = orbit.beta_angle(later, **kwargs)  # LTAN 06:00 on the date itself
    assert drifted.m_as("deg") == pytest.approx(fresh.m_as("deg"), abs=1e-3)

    raan0 = Q_(40.0, "deg")
    rate = orbit.nodal_precession_rate("400 km", "51.6 deg")
    date = "2030-02-15"
    with_drift = orbit.beta_angle(date, altitude="400 km", inclination="51.6 deg", raan=raan0, epoch="2030-01-01")
    by_hand = orbit.beta_angle(date, altitude="400 km", inclination="51.6 deg",
                               raan=(raan0 + rate * Q_(45, "day")) % Q_(360, "deg"))
    assert with_drift.m_as("deg") == pytest.approx(by_hand.m_as("deg"), abs=1e-9)


def test_ltan_and_date_input_forms_agree():
    expected = orbit.beta_angle("2030-05-01", altitude="650 km", inclination=None, ltan="06:00").m_as("deg")
    for ltan in ("06:00", "6:00:00", "6 h", Q_(6.0, "hour"), Q_(360.0, "min")):
        assert orbit.beta_angle("2030-05-01", altitude="650 km", inclination=None,
                                ltan=ltan).m_as("deg") == pytest.approx(expected, abs=1e-12)
    for date in (datetime.datetime(2030, 5, 1), datetime.date(2030, 5, 1), np.datetime64("2030-05-01"),
                 "2030-05-01T00:00:00Z", "2030-05-01T02:00:00+02:00",
                 datetime.datetime(2030, 5, 1, tzinfo=datetime.timezone.utc)):
        assert orbit.beta_angle(date, altitude="650 km", inclination=None,
                                ltan="06:00").m_as("deg") == pytest.approx(expected, abs=1e-12)


def test_raan_and_ltan_are_exclusive():
    with pytest.raises(ValueError, match="raan / ltan"):
        orbit.beta_angle("2030-01-01", altitude="650 km", inclination=None, raan="10 deg", ltan="06:00")
    with pytest.raises(ValueError, match="raan / ltan"):
        orbit.beta_angle("2030-01-01", altitude="650 km", inclination=None)


@pytest.mark.parametrize(("ltan", "error", "match"), [
    ("25:00", ValueError, "ltan"),
    ("06:75", ValueError, "ltan"),
    (6, TypeError, "ltan"),
    ("6 m", pint.DimensionalityError, "ltan"),
    (Q_(-1, "hour"), ValueError, "ltan"),
])
def test_bad_ltan_is_named(ltan, error, match):
    with pytest.raises(error, match=match):
        orbit.beta_angle("2030-01-01", altitude="650 km", inclination=None, ltan=ltan)


@pytest.mark.parametrize(("date", "error"), [
    (2030, TypeError),
    ([1.0, 2.0], TypeError),
    ("2030-13-45", ValueError),
    ("next tuesday", ValueError),
    (np.datetime64("NaT"), ValueError),
    ("1850-01-01", ValueError),
])
def test_bad_date_is_named(date, error):
    with pytest.raises(error, match="date"):
        orbit.beta_angle(date, altitude="650 km", inclination=None, ltan="06:00")
