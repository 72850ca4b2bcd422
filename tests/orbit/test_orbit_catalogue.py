"""The catalogued background (orbit/catalogue.py) against hand calculations from the shipped counts.

The counts are those of orbit/debris_data.py ([MOCAT-MC-TLE2023], our reduction of MOCAT-MC's 2023.mat); the
hand values below use only them, R_E = 6378.137 km ([Vallado2013] Table D-3) and the shell volume
4/3 pi ((R_E + h2)^3 - (R_E + h1)^3).
"""

import math

import numpy as np
import pint
import pytest

from spacedc import orbit
from spacedc.orbit.debris_data import (ACTIVE_PAYLOAD_RULE, CATALOGUE_2023_BY_ALTITUDE,
                                       CATALOGUE_2023_PAYLOAD_STATUS, CATALOGUE_2023_PAYLOAD_STATUS_OUTSIDE,
                                       CATALOGUE_2023_PAYLOAD_STATUS_TOTAL, CATALOGUE_2023_TOTAL)
from spacedc.units import Q_

R = 6378.137  # km


def _volume(h1, h2):
    return 4.0 / 3.0 * math.pi * ((R + h2) ** 3 - (R + h1) ** 3)


# --- the shipped split -----------------------------------------------------------------------------------
def test_payload_status_splits_each_shell_exactly():
    assert len(CATALOGUE_2023_PAYLOAD_STATUS) == len(CATALOGUE_2023_BY_ALTITUDE)
    for p, s in zip(CATALOGUE_2023_PAYLOAD_STATUS, CATALOGUE_2023_BY_ALTITUDE):
        assert (p.low_km, p.high_km) == (s.low_km, s.high_km)
        assert p.active >= 0 and p.derelict >= 0 and p.active + p.derelict == s.payloads
        assert p.source == s.source


def test_payload_status_totals_match_the_file():
    inside = [sum(p.active for p in CATALOGUE_2023_PAYLOAD_STATUS),
              sum(p.derelict for p in CATALOGUE_2023_PAYLOAD_STATUS)]
    below, above = CATALOGUE_2023_PAYLOAD_STATUS_OUTSIDE["below_200_km"], CATALOGUE_2023_PAYLOAD_STATUS_OUTSIDE[
        "above_2000_km"]
    assert [i + b + a for i, b, a in zip(inside, below, above)] == list(CATALOGUE_2023_PAYLOAD_STATUS_TOTAL)
    assert sum(CATALOGUE_2023_PAYLOAD_STATUS_TOTAL) == CATALOGUE_2023_TOTAL[0]  # every payload once
    assert ACTIVE_PAYLOAD_RULE == (2023, 8)  # MOCAT-MC setup_MCconfig.m: missionlifetime = 8


def test_starlink_shell_is_mostly_active():
    # A structural check of the split: the 500-550 km shell (Starlink, launched from 2019) holds 3570 active
    # payloads of 3626, and the old 1400-1450 km shell (Globalstar-1 era and older) none of its 294.
    by_low = {p.low_km: p for p in CATALOGUE_2023_PAYLOAD_STATUS}
    assert (by_low[500.0].active, by_low[500.0].derelict) == (3570, 56)
    assert (by_low[1400.0].active, by_low[1400.0].derelict) == (0, 294)


# --- density ----------------------------------------------------------------------------------------------
def test_density_at_550_km_by_hand():
    # 550-600 km: 571 payloads (481 active, 90 derelict), 46 rocket bodies, 275 debris = 892 objects.
    # V = 4/3 pi (6978.137^3 - 6928.137^3) km^3 = 3.03769e10 km^3.
    v = _volume(550.0, 600.0)
    assert v == pytest.approx(3.03769e10, rel=1e-5)
    assert orbit.catalogue_density("550 km").m_as("1/km^3") == pytest.approx(892 / v, rel=1e-12)
    assert orbit.catalogue_density("575 km", kind="satellites").m_as("1/km^3") == pytest.approx(481 / v)
    assert orbit.catalogue_density("599 km", kind="derelicts").m_as("1/km^3") == pytest.approx((90 + 46) / v)
    assert orbit.catalogue_density("550 km", kind="debris").m_as("1/km^3") == pytest.approx(275 / v)
    assert 892 / v == pytest.approx(2.9364e-8, rel=1e-4)


def test_density_at_1000_km_by_hand_and_its_units():
    # 1000-1050 km: 52 payloads, 23 rocket bodies, 351 debris = 426 objects in 3.44360e10 km^3.
    v = _volume(1000.0, 1050.0)
    rho = orbit.catalogue_density(Q_(1.0, "Mm"))
    assert rho.m_as("1/km^3") == pytest.approx(426 / v)
    assert rho.m_as("1/m^3") == pytest.approx(426 / v * 1e-9)


def test_density_broadcasts_and_steps_at_shell_edges():
    h = Q_(np.array([[549.999, 550.0], [1999.0, 2000.0]]), "km")
    rho = orbit.catalogue_density(h).m_as("1/km^3")
    assert rho.shape == (2, 2)
    assert rho[0, 0] == pytest.approx((3626 + 55 + 180) / _volume(500.0, 550.0))
    assert rho[0, 1] == pytest.approx(892 / _volume(550.0, 600.0))
    top = (5 + 0 + 13) / _volume(1950.0, 2000.0)
    assert rho[1, 0] == pytest.approx(top) and rho[1, 1] == pytest.approx(top)  # 2000 km in the top shell


def test_density_kinds_add_up():
    h = Q_(np.arange(200.0, 2000.0, 37.0), "km")
    parts = sum(orbit.catalogue_density(h, kind=k).m for k in ("satellites", "derelicts", "debris"))
    np.testing.assert_allclose(parts, orbit.catalogue_density(h).m, rtol=1e-12)


def test_density_outside_the_catalogue_names_altitude():
    with pytest.raises(ValueError, match="altitude"):
        orbit.catalogue_density("180 km")
    with pytest.raises(ValueError, match="altitude"):
        orbit.catalogue_density(["500 km", "2100 km"])
    with pytest.raises(pint.DimensionalityError, match="altitude"):
        orbit.catalogue_density("550 kg")
    with pytest.raises(TypeError, match="altitude"):
        orbit.catalogue_density(550.0)
    with pytest.raises(ValueError, match="kind"):
        orbit.catalogue_density("550 km", kind="payloads")


def test_density_checked_marks_points_alone():
    r = orbit.catalogue_density_checked(Q_([150.0, 550.0, 2500.0], "km"))
    assert r.valid.tolist() == [False, True, False]
    assert r.reasons[0] and r.reasons[2] and r.reasons[1] == ""
    assert "200-2000 km" in r.reasons[0]
    # the valid point equals the plain function's value, whatever the other points are
    assert r.density[1].m_as("1/km^3") == pytest.approx(orbit.catalogue_density("550 km").m_as("1/km^3"))
    one = orbit.catalogue_density_checked("550 km")
    assert one.valid is True and one.reasons == ""
    with pytest.raises(ValueError, match="altitude"):
        orbit.catalogue_density_checked("-5 km")


# --- rebinning --------------------------------------------------------------------------------------------
def test_population_on_the_catalogue_shells_is_the_catalogue():
    edges = Q_(np.arange(200.0, 2001.0, 50.0), "km")
    pop = orbit.catalogue_population(edges)
    assert set(pop) == {"satellites", "derelicts", "debris"}
    np.testing.assert_array_equal(pop["satellites"], [p.active for p in CATALOGUE_2023_PAYLOAD_STATUS])
    np.testing.assert_array_equal(pop["derelicts"], [p.derelict + s.rocket_bodies for p, s in
                                                     zip(CATALOGUE_2023_PAYLOAD_STATUS, CATALOGUE_2023_BY_ALTITUDE)])
    np.testing.assert_array_equal(pop["debris"], [s.debris for s in CATALOGUE_2023_BY_ALTITUDE])


def test_population_on_45_km_shells_conserves_totals():
    # 40 shells of 45 km, 200-2000 km (orbit.shell_edges' default): the totals of the file in 200-2000 km,
    # 5853 active payloads, 2015 derelict payloads + 972 rocket bodies, 9602 debris (10123 - 3 - 518).
    pop = orbit.catalogue_population(orbit.shell_edges("200 km", "2000 km", 40))
    assert all(v.shape == (40,) for v in pop.values())
    assert pop["satellites"].sum() == pytest.approx(5853.0, rel=1e-12)
    assert pop["derelicts"].sum() == pytest.approx(2015.0 + 972.0, rel=1e-12)
    assert pop["debris"].sum() == pytest.approx(9602.0, rel=1e-12)
    # The first 45 km shell, 200-245 km, is 45/50 of the 200-250 km shell: 4 active -> 3.6.
    assert pop["satellites"][0] == pytest.approx(4 * 45 / 50)


def test_population_straddle_by_hand():
    # 530-580 km straddles 500-550 km (20 km of its 50) and 550-600 km (30 km of 50):
    # active payloads 3570 * 20/50 + 481 * 30/50 = 1428 + 288.6 = 1716.6;
    # debris 180 * 0.4 + 275 * 0.6 = 72 + 165 = 237; derelicts (56 + 55) * 0.4 + (90 + 46) * 0.6 = 44.4 + 81.6.
    pop = orbit.catalogue_population(Q_([530.0, 580.0], "km"))
    assert pop["satellites"][0] == pytest.approx(1716.6)
    assert pop["debris"][0] == pytest.approx(237.0)
    assert pop["derelicts"][0] == pytest.approx(126.0)


def test_population_below_200_km_is_zero():
    # 150-200 km holds nothing (the file's 4 objects there are left out); 150-225 km gets half of 200-250 km.
    pop = orbit.catalogue_population(Q_([150.0, 200.0, 225.0], "km"))
    assert pop["debris"].tolist() == pytest.approx([0.0, 5 / 2])
    assert pop["satellites"].tolist() == pytest.approx([0.0, 4 / 2])


def test_population_bad_edges_name_the_field():
    with pytest.raises(ValueError, match="shell_edges"):
        orbit.catalogue_population(Q_([100.0, 300.0], "km"))      # below 150 km
    with pytest.raises(ValueError, match="shell_edges"):
        orbit.catalogue_population(Q_([500.0, 2100.0], "km"))     # above 2000 km
    with pytest.raises(ValueError, match="shell_edges"):
        orbit.catalogue_population(Q_([600.0, 500.0], "km"))      # not increasing
    with pytest.raises(ValueError, match="shell_edges"):
        orbit.catalogue_population(Q_([500.0], "km"))             # one edge
    with pytest.raises(pint.DimensionalityError, match="shell_edges"):
        orbit.catalogue_population(Q_([500.0, 600.0], "s"))


# --- a cascade started from the catalogue ----------------------------------------------------------------
def test_cascade_from_the_catalogue_runs_finite():
    edges = orbit.shell_edges("200 km", "2000 km", 40)
    pop = orbit.catalogue_population(edges)
    r = orbit.cascade(edges, 0.0, years="10 year", steps=11, initial=pop)
    np.testing.assert_allclose(r.debris[0], pop["debris"], rtol=1e-12)
    np.testing.assert_allclose(r.satellites[0], pop["satellites"], rtol=1e-12)
    assert r.debris[0].sum() == pytest.approx(9602.0)
    for x in (r.satellites, r.derelicts, r.debris):
        assert np.all(np.isfinite(x)) and np.all(x >= -1e-6)
    # No launches: dS/dt = -S/T - collisions (orbit/cascade.py's equations), T = 5 years by default, so
    # S(10 yr) = S(0) e^-2 = 0.1353 S(0) less the few satellites lost to collisions.
    ratio = r.satellites[-1].sum() / r.satellites[0].sum()
    assert ratio == pytest.approx(math.exp(-2.0), rel=0.01) and ratio <= math.exp(-2.0) * (1 + 1e-6)
