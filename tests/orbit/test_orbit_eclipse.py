"""Eclipse fraction, duration and eclipse seasons against published values and hand derivations."""

from __future__ import annotations

import numpy as np
import pytest

from spacedc import orbit
from spacedc.units import Q_

R_E_KM = 6378.137


def test_280_km_sunlight_share_published():
    # Wikipedia "Beta angle" (after NASA): "At a LEO of 280 kilometers the object in orbit is in sunlight through
    # 59% of its orbit (approximately 53 minutes in sunlight, and 37 minutes in shadow)" at beta = 0.
    # Quoted to whole percent and minutes: tolerances 0.5 % and 0.5 min.
    sunlit = 1.0 - orbit.eclipse_fraction("280 km", "0 deg")
    assert sunlit == pytest.approx(0.59, abs=0.005)
    shadow = orbit.eclipse_duration("280 km", "0 deg").m_as("min")
    assert shadow == pytest.approx(37.0, abs=0.5)
    assert orbit.orbital_period("280 km").m_as("min") - shadow == pytest.approx(53.0, abs=0.5)


def test_noon_midnight_orbit_eclipse_is_two_beta_star():
    # Hand geometry at beta = 0: the orbit crosses the shadow cylinder of radius R over an arc of +/- asin(R/r)
    # about midnight, so f = 2 asin(R/r) / (2 pi) = beta*/pi. At 400 km: asin(6378.137/6778.137) = 70.22 deg,
    # f = 0.3900, 36.11 min of a 92.56 min orbit.
    r = R_E_KM + 400.0
    assert orbit.eclipse_fraction("400 km", "0 deg") == pytest.approx(np.arcsin(R_E_KM / r) / np.pi, rel=1e-12)
    assert orbit.eclipse_duration("400 km", "0 deg").m_as("min") == pytest.approx(36.11, abs=0.01)


@pytest.mark.parametrize("altitude_km", [400.0, 650.0, 1200.0])
def test_matches_smad_eclipse_formula(altitude_km):
    # SMAD (Wertz & Larson, 3rd ed., sec. 5.1): T_E = (P / 180 deg) acos(cos(rho) / cos(beta)), with the
    # Earth's angular radius sin(rho) = R / (R + h): a different algebraic form of Rickman's expression.
    beta = np.array([0.0, 15.0, 35.0, 55.0, 62.0])
    rho = np.arcsin(R_E_KM / (R_E_KM + altitude_km))
    period = orbit.orbital_period(Q_(altitude_km, "km")).m_as("min")
    smad = period / np.pi * np.arccos(np.minimum(np.cos(rho) / np.cos(np.radians(beta)), 1.0))
    ours = orbit.eclipse_duration(Q_(altitude_km, "km"), Q_(beta, "deg")).m_as("min")
    np.testing.assert_allclose(ours, smad, rtol=1e-12, atol=1e-12)


def test_critical_beta_and_the_edges_of_the_shadow():
    # beta* = asin(R/(R+h)) (Rickman TFAWS): 70.22 deg at 400 km, 65.16 deg at 650 km (hand: asin(6378.137/
    # 7028.137)). No eclipse at or above beta*, a short one just below, none at +/-90 deg, never NaN.
    assert orbit.critical_beta_angle("400 km").m_as("deg") == pytest.approx(70.22, abs=0.01)
    star = orbit.critical_beta_angle("650 km").m_as("deg")
    assert star == pytest.approx(65.16, abs=0.01)
    beta = Q_([-90.0, -star, -(star - 0.5), 0.0, star - 0.5, star, star + 1e-9, 90.0], "deg")
    f = orbit.eclipse_fraction("650 km", beta)
    assert np.all(np.isfinite(f))
    np.testing.assert_array_equal(f[[0, 1, 5, 6, 7]], 0.0)
    assert f[2] == f[4] > 0.0
    assert f[3] == f.max()


def test_geosynchronous_eclipse_against_sdo():
    # NASA SDO mission blog (sdoisgo.blogspot.com, 2010-09-13): in SDO's geosynchronous orbit "the longest eclipse
    # during this season is 67.4 minutes". That is the umbra. By hand, the umbra radius at r = 42 164 km is
    # R - r tan(0.267 deg) = 6182 km (0.267 deg: the Sun's angular radius), giving 2 asin(6182/42164)/360 of a
    # 1436 min day = 67.3 min, and the penumbra's outer edge (6574 km) 71.6 min; the cylinder (R = 6378 km)
    # lies between, 69.4 min. Tolerance 2.5 min covers the cylinder's overestimate of the umbra.
    assert orbit.eclipse_duration("35786 km", "0 deg").m_as("min") == pytest.approx(67.4, abs=2.5)
    assert orbit.critical_beta_angle("35786 km").m_as("deg") == pytest.approx(8.70, abs=0.01)


@pytest.fixture(scope="module")
def dawn_dusk():
    return orbit.eclipse_statistics(altitude="650 km", inclination=None, ltan="06:00", start="2030-01-01")


def test_dawn_dusk_sso_eclipse_season_around_december_solstice(dawn_dusk):
    # LTAN 06:00, i = 97.986 deg: |beta| = 180 deg - i + d_s while the Sun is south (d_s < 0), so eclipses need
    # |beta| < beta* = 65.16 deg, i.e. d_s < -(180 - 97.986 - 65.16) = -16.85 deg: November to early February.
    # Count those days from the Sun's declination alone (this ignores the equation of time, which shifts the
    # node by up to 4 deg and the season edges by a few days): tolerance 10 days.
    days = dawn_dusk.dates
    dec = orbit.sun_position(days).declination.m_as("deg")
    by_hand = np.count_nonzero(dec < -(180.0 - 97.986 - 65.16))
    assert dawn_dusk.days_with_eclipse == pytest.approx(by_hand, abs=10)
    assert 60 <= dawn_dusk.days_with_eclipse <= 120  # a short season: no eclipse on most days of the year
    months = days[dawn_dusk.eclipse_fraction > 0].astype("datetime64[M]").astype(int) % 12 + 1
    assert set(months) <= {10, 11, 12, 1, 2}
    worst_day = days[np.argmax(dawn_dusk.eclipse_fraction)]
    assert abs(worst_day - np.datetime64("2030-12-21")) <= np.timedelta64(5, "D")


def test_dawn_dusk_sso_worst_eclipse_by_hand(dawn_dusk):
    # Worst day: beta = 180 - 97.986 - 23.44 = 58.57 deg; f = acos(cos 65.16 / cos 58.57)/pi = 0.2019 of a
    # 97.73 min orbit = 19.73 min. Tolerance 0.1 min for the equation-of-time node offset and daily sampling.
    assert dawn_dusk.beta_min.m_as("deg") == pytest.approx(58.57, abs=0.05)
    beta_star = np.radians(65.16)
    f = np.arccos(np.cos(beta_star) / np.cos(np.radians(58.57))) / np.pi
    assert dawn_dusk.max_eclipse_fraction == pytest.approx(f, abs=0.002)
    assert dawn_dusk.max_eclipse_duration.m_as("min") == pytest.approx(19.73, abs=0.1)


def test_dusk_dawn_sso_season_is_around_june_solstice():
    # LTAN 18:00 mirrors the geometry: sin(beta) = sin(i + d_s), smallest |beta| when the Sun is north.
    stats = orbit.eclipse_statistics(altitude="650 km", inclination=None, ltan="18:00", start="2030-01-01")
    worst_day = stats.dates[np.argmax(stats.eclipse_fraction)]
    assert abs(worst_day - np.datetime64("2030-06-21")) <= np.timedelta64(5, "D")
    assert 60 <= stats.days_with_eclipse <= 120


def test_iss_like_orbit_is_eclipsed_most_days():
    # 400 km, 51.6 deg: the node regresses 5 deg/day, so beta sweeps +/-(i + 23.44) = +/-75.04 deg about every
    # 60 days; it is eclipse-free only while |beta| > beta* = 70.22 deg, a few days per cycle (the "high beta"
    # periods of the ISS). beta crosses 0 several times a year, so the worst eclipse is the beta = 0 value.
    stats = orbit.eclipse_statistics(altitude="400 km", inclination="51.6 deg", raan="0 deg", start="2030-01-01")
    assert stats.days_with_eclipse >= 330
    assert stats.beta_max.m_as("deg") <= 51.6 + 23.44 + 0.01
    assert stats.beta_min.m_as("deg") < 2.5
    assert stats.max_eclipse_duration.m_as("min") == pytest.approx(36.11, abs=0.05)


def test_eclipse_iff_beta_below_critical(dawn_dusk):
    # Hand property of the cylindrical shadow: a day is eclipsed exactly when |beta| < beta*.
    star = orbit.critical_beta_angle("650 km").m_as("deg")
    eclipsed = dawn_dusk.eclipse_fraction > 0
    np.testing.assert_array_equal(eclipsed, np.abs(dawn_dusk.beta.m_as("deg")) < star)
    # Total shadow time is the daily fraction times 24 h, summed.
    assert dawn_dusk.total_eclipse_time.m_as("h") == pytest.approx(24.0 * dawn_dusk.eclipse_fraction.sum())
