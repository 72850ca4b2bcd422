"""Atmospheric density: NRLMSIS 2.1 against its reference output, the table against a direct average, the
solar cycle and the mission-mean density."""

import numpy as np
import pytest
from pymsis import msis

from spacedc import orbit, structure
from spacedc.units import Q_

# Rows of the NRLMSIS 2.1 Fortran distribution's reference output, msis2.1_test_ref_dp.txt [Emmert2022] (as
# shipped in pymsis's tests): year+day, UT [s], altitude [km], latitude, longitude [deg], F10.7A, F10.7, Ap,
# and the total mass density rho in g/cm^3 as printed there (4 significant digits).
REFERENCE_ROWS = [
    (6264, 42650, 155.0, 80.8, 150.2, 77.7, 70.9, 3.0, 0.9118e-12),
    (79095, 21358, 183.1, -1.7, 64.0, 178.5, 183.4, 52.0, 0.5719e-12),
    (12167, 1526, 250.0, -12.7, -74.9, 126.8, 148.6, 2.0, 0.4471e-13),
    (80314, 38265, 386.7, -2.3, -94.8, 213.6, 271.4, 9.0, 0.8412e-14),
    (80228, 60210, 400.6, 15.2, -112.7, 180.0, 186.9, 5.0, 0.4354e-14),
    (89039, 31499, 500.0, 42.6, -71.5, 225.1, 216.4, 14.0, 0.1034e-14),
    (6022, 4328, 500.0, 22.0, 130.3, 82.1, 93.9, 6.0, 0.1339e-15),
]


def _date(yyddd, seconds):
    year = yyddd // 1000
    year += 1900 if year > 60 else 2000
    return (np.datetime64(f"{year}-01-01") + np.timedelta64(yyddd % 1000 - 1, "D")
            + np.timedelta64(int(seconds), "s"))


@pytest.mark.parametrize("row", REFERENCE_ROWS, ids=lambda r: f"{r[2]}km")
def test_pymsis_reproduces_the_nrlmsis_2_1_reference_output(row):
    """pymsis, run offline with the row's explicit F10.7, F10.7A and Ap, gives the reference density to the
    file's printed precision (4 digits, the last uncertain: 2e-3 relative, as pymsis's own regression test)."""
    yyddd, sec, alt, lat, lon, f107a, f107, ap, rho_cgs = row
    out = msis.calculate(_date(yyddd, sec), lon, lat, alt, f107s=[f107], f107as=[f107a], aps=[[ap] * 7],
                         version=2.1)
    assert float(np.squeeze(out)[0]) == pytest.approx(rho_cgs * 1e3, rel=2e-3)   # g/cm^3 -> kg/m^3


def _direct_global_mean(h_km, f107, ap):
    """An independent average of pymsis, finer than the table's: 12 months, 24 longitudes (local times every
    hour at 0 UT), latitudes every 2 deg weighted by cos(latitude)."""
    dates = np.datetime64("2021-01-15") + np.arange(12) * np.timedelta64(30, "D")
    lats, lons = np.arange(-89.0, 90.0, 2.0), np.arange(0.0, 360.0, 15.0)
    rho = msis.calculate(dates, lons, lats, [h_km], f107s=[f107] * 12, f107as=[f107] * 12,
                         aps=[[ap] * 7] * 12)[..., 0, 0]
    w = np.cos(np.radians(lats))
    return float((rho * w).sum(axis=2).mean() / w.sum())


@pytest.mark.parametrize("h, f107, ap", [(152.5, 72.3, 15), (433.0, 147.0, 15), (612.5, 222.0, 10),
                                         (1187.0, 95.0, 15), (305.0, 180.0, 45), (730.0, 290.0, 100)])
def test_interpolated_table_matches_a_direct_pymsis_average(h, f107, ap):
    """Interpolation-accuracy check (not a physics reference): off the table's nodes in altitude, F10.7 and Ap,
    the tabulated global mean agrees with a finer direct average to 1.5 % (the table's coarser latitude,
    local-time and season sampling plus the trilinear interpolation of ln rho)."""
    got = orbit.msis_density(Q_(h, "km"), f107=f107, ap=ap).m_as("kg/m^3")
    assert got == pytest.approx(_direct_global_mean(h, f107, ap), rel=0.015)


def test_density_grows_with_solar_flux_and_falls_with_altitude():
    rho = orbit.msis_density(Q_([400.0, 600.0], "km")[:, None], f107=np.array([70.0, 150.0, 250.0])).m_as("kg/m^3")
    assert np.all(np.diff(rho, axis=1) > 0) and np.all(rho[1] < rho[0])


@pytest.mark.parametrize("kwargs, name", [({"altitude": "90 km"}, "altitude"), ({"altitude": "2100 km"}, "altitude"),
                                          ({"altitude": "500 km", "f107": 50}, "f107"),
                                          ({"altitude": "500 km", "ap": 400}, "ap")])
def test_outside_the_table_raises_naming_the_parameter_and_the_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} = .*must be"):
        orbit.msis_density(**kwargs)


def test_exponential_atmosphere_has_one_home():
    """Moved to orbit.atmosphere; structure re-exports the same objects, not copies."""
    assert structure.atmosphere_density is orbit.atmosphere_density
    assert structure.EXPONENTIAL_ATMOSPHERE is orbit.EXPONENTIAL_ATMOSPHERE
    # [Vallado2013] Table 8-4 row at 500 km: 6.967e-13 kg/m^3
    assert orbit.atmosphere_density("500 km").m_as("kg/m^3") == pytest.approx(6.967e-13)


def test_mean_solar_cycle_phase_and_range():
    """Minimum 65 sfu in December 2019 [SWPC-Cycle25]; maximum 215 sfu 5.5 years later, inside the panel's
    July 2025 +/- 8 months; mean over a cycle 140 sfu, the [ECSS-E-ST-10-04C] moderate level."""
    cycle = orbit.MEAN_SOLAR_CYCLE
    days = np.datetime64("2019-12-15") + np.arange(0, 4018) * np.timedelta64(1, "D")
    f = orbit.solar_flux_f107(days)
    peak = days[np.argmax(f)]
    assert np.datetime64("2024-11-01") <= peak <= np.datetime64("2026-03-01")
    assert f.min() == pytest.approx(65.0, abs=0.01) and f.max() == pytest.approx(215.0, abs=0.01)
    assert f.mean() == pytest.approx(140.0, abs=0.1)
    assert cycle.period.m_as("year") == pytest.approx(11.0)


def test_a_users_solar_cycle_and_its_validation():
    weak = orbit.SolarCycle(minimum="2019-12-15", period="11 year", f107_min=70, f107_max=150)
    assert orbit.solar_flux_f107("2025-06-15T18:00", weak) == pytest.approx(150.0, abs=1e-3)
    with pytest.raises(ValueError, match="f107_max"):
        orbit.SolarCycle(minimum="2019-12-15", period="11 year", f107_min=150, f107_max=100)
    with pytest.raises(ValueError, match="f107_min"):
        orbit.SolarCycle(minimum="2019-12-15", period="11 year", f107_min=20, f107_max=100)


def test_mission_mean_density_against_direct_quadrature():
    """The cumulative-table mean over 7.3 years from 2031-03-01 equals a direct average of msis_density over
    daily samples of the cycle (an independent quadrature) to 0.5 %."""
    h = 550.0
    days = np.datetime64("2031-03-01") + np.arange(0, int(7.3 * 365.25)) * np.timedelta64(1, "D")
    direct = orbit.msis_density(Q_(np.full(days.size, h), "km"), f107=orbit.solar_flux_f107(days)).m_as("kg/m^3")
    got = orbit.mission_mean_density(Q_(h, "km"), "2031-03-01", Q_(days.size, "day")).m_as("kg/m^3")
    assert got == pytest.approx(direct.mean(), rel=5e-3)


def test_mission_mean_density_constant_flux_and_zero_duration():
    steady = orbit.msis_density("600 km", f107=120).m_as("kg/m^3")
    assert orbit.mission_mean_density("600 km", "2030-01-01", "5 year", f107=120).m_as("kg/m^3") == pytest.approx(steady)
    now = orbit.msis_density("600 km", f107=orbit.solar_flux_f107("2030-01-01")).m_as("kg/m^3")
    assert orbit.mission_mean_density("600 km", "2030-01-01", "0 s").m_as("kg/m^3") == pytest.approx(now, rel=1e-9)


def test_msis_density_a_million_points_and_chunk_invariance():
    h = Q_(np.linspace(120.0, 1900.0, 1_000_000), "km")
    f = np.linspace(70.0, 290.0, 1_000_000)
    rho = orbit.msis_density(h, f107=f).m_as("kg/m^3")
    assert rho.shape == (1_000_000,) and np.all(np.isfinite(rho)) and np.all(rho > 0)
    alone = orbit.msis_density(h[123_456], f107=f[123_456]).m_as("kg/m^3")
    assert alone == rho[123_456]
