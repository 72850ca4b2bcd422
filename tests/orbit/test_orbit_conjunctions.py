"""Kinetic-gas collision rates, encounters inside a Walker shell, and conjunctions with their manoeuvres."""

import math

import numpy as np
import pytest

from spacedc import orbit
from spacedc.orbit.constants import _MU, _R_E
from spacedc.units import Q_, u

YEAR_S = 365.25 * 86400.0  # pint's year (Julian)


# --- the kinetic gas --------------------------------------------------------------------------------------------
def test_kinetic_gas_rate_against_a_hand_calculation():
    # Hand calculation ([KesslerCourPalais1978]'s particle-in-a-box rate, 1/2 N^2 sigma v / V):
    # N = 1000 spheres of r = 1 m, sigma = pi (2 r)^2 = 4 pi m^2 = 1.2566e-5 km^2;
    # shell 500-600 km over R_E = 6378.137 km: r_lo = 6878.137 km, r_hi = 6978.137 km,
    # 6978.137^2 = 48,694,396.0, x 6978.137 = 3.39796e11; 6878.137^2 = 47,308,768.6, x 6878.137 = 3.25396e11;
    # V = 4/3 pi (3.39796e11 - 3.25396e11) = 4.18879 x 1.4400e10 = 6.0319e10 km^3 (to 4 digits);
    # rate = 0.5 x 1e6 x 1.25664e-5 km^2 x 10 km/s / 6.0319e10 km^3 = 1.0417e-9 /s
    #      x 3.15576e7 s/year = 0.032873 per year.
    r_lo, r_hi = 6878.137, 6978.137
    volume = 4.0 / 3.0 * math.pi * (r_hi ** 3 - r_lo ** 3)
    assert volume == pytest.approx(6.0319e10, rel=2e-4)
    hand = 0.5 * 1000 ** 2 * math.pi * (2e-3) ** 2 * 10.0 / volume * YEAR_S
    assert hand == pytest.approx(0.032873, rel=2e-4)
    rate = orbit.kinetic_gas_collision_rate(1000, 1 * u.m, 500 * u.km, 600 * u.km, 10 * u.km / u.s)
    assert rate.m_as("1/year") == pytest.approx(hand, rel=1e-12)
    # scalings that could fail: N^2, r^2, v, and the volume
    assert orbit.kinetic_gas_collision_rate(2000, "1 m", "500 km", "600 km", "10 km/s").m_as("1/year") \
        == pytest.approx(4 * hand, rel=1e-12)
    assert orbit.kinetic_gas_collision_rate(1000, "3 m", "500 km", "600 km", "5 km/s").m_as("1/year") \
        == pytest.approx(4.5 * hand, rel=1e-12)


def test_two_populations_count_every_mixed_pair_once():
    # N1 N2 pi (r1 + r2)^2 v / V: 100 satellites of 2 m against 1e4 objects of 0.5 m, the 500-600 km shell above
    r_lo, r_hi = 6878.137e3, 6978.137e3
    volume = 4.0 / 3.0 * math.pi * (r_hi ** 3 - r_lo ** 3)
    hand = 100 * 1e4 * math.pi * 2.5 ** 2 * 1e4 / volume * YEAR_S
    got = orbit.kinetic_gas_rate_between(100, "2 m", 1e4, "0.5 m", "500 km", "600 km", "10 km/s")
    assert got.m_as("1/year") == pytest.approx(hand, rel=1e-12)


# --- the Walker shell -------------------------------------------------------------------------------------------
def _period(h_m):
    return 2 * math.pi * math.sqrt((_R_E + h_m) ** 3 / _MU)


def test_walker_polar_four_by_four_against_hand_geometry():
    # 90:4/4/1 at 550 km. Satellite 0 at (cos u, 0, sin u). Plane 1 (node 90 deg, phase +90 deg):
    # (0, -sin u, cos u), dot = sin u cos u <= 1/2, so it never comes closer than a 60 deg chord = r.
    # Plane 2 (node 180 deg, phase +180 deg): (cos u, 0, -sin u), dot = cos 2u, it meets satellite 0 at the
    # equator twice per orbit (counter-rotating on one great circle). Plane 3 mirrors plane 1.
    # Within 1 km: only the plane-2 partner, n = 1, 4 x 1 / 2 = 2 pairs, 2 meetings per orbit each.
    h = 550e3
    w = orbit.walker_encounter_rate("550 km", "90 deg", 4, 4, 1, "1 km")
    assert w.close_pairs == 2
    assert w.closest_approach.m_as("m") == pytest.approx(0.0, abs=1.0)
    assert w.encounter_rate.m_as("1/year") == pytest.approx(4 / _period(h) * YEAR_S, rel=1e-9)
    # within a screening radius just above r, planes 1 and 3 count too: n = 3, 6 pairs
    w = orbit.walker_encounter_rate("550 km", "90 deg", 4, 4, 1, Q_(_R_E + h + 10, "m"))
    assert w.close_pairs == 6
    w = orbit.walker_encounter_rate("550 km", "90 deg", 4, 4, 1, Q_(_R_E + h - 10, "m"))
    assert w.close_pairs == 2


def _brute_force_closest(alt_m, inc_deg, total, planes, phasing):
    """Closest approach of satellite 0 to each other satellite by propagating both over one orbit on a time
    grid (independent of the closed form): a coarse grid, then a fine grid around the coarse minimum."""
    per_plane = total // planes
    m = np.arange(1, total)
    q, k = m // per_plane, m % per_plane
    raan = 2 * np.pi * q / planes
    du = 2 * np.pi * k / per_plane + 2 * np.pi * phasing * q / total
    inc = np.radians(inc_deg)
    r = _R_E + alt_m

    def pos(uu, om):
        return np.stack([np.cos(om) * np.cos(uu) - np.sin(om) * np.sin(uu) * np.cos(inc),
                         np.sin(om) * np.cos(uu) + np.cos(om) * np.sin(uu) * np.cos(inc),
                         np.sin(uu) * np.sin(inc)], axis=-1)

    def dist(t):  # t: (pairs, samples) arguments of latitude of satellite 0
        return r * np.linalg.norm(pos(t, 0.0) - pos(t + du[:, None], raan[:, None]), axis=-1)

    coarse = np.linspace(0, 2 * np.pi, 2001)[None, :].repeat(m.size, 0)
    t0 = coarse[0, np.argmin(dist(coarse), axis=1)]
    step = coarse[0, 1]
    fine = t0[:, None] + np.linspace(-2 * step, 2 * step, 4001)[None, :]
    return dist(fine).min(axis=1)


@pytest.mark.parametrize("alt_km, inc_deg, total, planes, phasing", [
    (550.0, 53.0, 1584, 72, 17),      # Starlink-like first shell
    (1200.0, 87.9, 648, 18, 1),       # OneWeb-like polar shell (planes x 36)
    (550.0, 53.0, 60, 6, 2),
    (540.0, 53.2, 1584, 72, 22),      # a phasing on collision courses
])
def test_walker_closest_approach_matches_propagation(alt_km, inc_deg, total, planes, phasing):
    brute = _brute_force_closest(alt_km * 1e3, inc_deg, total, planes, phasing)
    w = orbit.walker_encounter_rate(Q_(alt_km, "km"), Q_(inc_deg, "deg"), total, planes, phasing, "1 km")
    # the fine grid's step is 2e-6 rad, 14 m along track: the brute force overestimates by far less than 1 m
    assert w.closest_approach.m_as("m") == pytest.approx(brute.min(), abs=1.0)
    # and the pairs counted within several screening radii are those the propagation finds
    for s_km in (1.0, 20.0, 50.0, 100.0, 300.0):
        got = orbit.walker_encounter_rate(Q_(alt_km, "km"), Q_(inc_deg, "deg"), total, planes, phasing,
                                          Q_(s_km, "km"))
        assert got.close_pairs == total * np.count_nonzero(brute <= s_km * 1e3) // 2


@pytest.mark.parametrize("alt_km, inc_deg, total, planes, phasing", [
    (550.0, 53.0, 1584, 72, 17),      # Starlink-like
    (550.0, 53.0, 1584, 72, 39),
    (550.0, 53.0, 1584, 72, 1),
    (570.0, 70.0, 720, 36, 11),
    (1200.0, 87.9, 648, 18, 1),       # OneWeb-like
])
def test_walker_shell_is_far_below_the_kinetic_gas(alt_km, inc_deg, total, planes, phasing):
    """The issue's acceptance: the ideal Walker shell's own encounter rate within 1 km falls well below the
    kinetic-gas rate of the same N in the same shell. The gas is given every advantage: a shell 20 km thick (a
    real shell is a few km) and a relative speed of 1 km/s (crossing planes of one shell meet at several
    km/s), both of which lower its rate; it still has thousands of encounters a year, the phased shell none."""
    s = Q_(1.0, "km")
    walker = orbit.walker_encounter_rate(Q_(alt_km, "km"), Q_(inc_deg, "deg"), total, planes, phasing, s)
    gas = orbit.kinetic_gas_collision_rate(total, s / 2, Q_(alt_km - 10, "km"), Q_(alt_km + 10, "km"), "1 km/s")
    assert gas.m_as("1/year") > 1000.0
    assert walker.closest_approach.m_as("km") > 1.0
    assert walker.encounter_rate.m_as("1/year") < 1e-3 * gas.m_as("1/year")


def test_a_phased_shell_meets_every_orbit_once_its_pairs_are_inside_the_screening_radius():
    """The other side of the formation: a pair that comes within the screening radius does so twice every
    orbit, so beyond the pattern's closest approach (20.2 km here) the Walker shell's rate is of the gas's order
    (the 1000-fold margin of the test above is gone; at 1 km/s the gas's rate would be the lower), and
    a badly phased pattern (53.2:1584/72/22) puts satellites on collision courses at the plane crossings."""
    w = orbit.walker_encounter_rate("550 km", "53 deg", 1584, 72, 17, "25 km")
    assert w.close_pairs > 0
    # each close pair meets twice per orbit: rate = 2 x pairs / period
    assert w.encounter_rate.m_as("1/year") == pytest.approx(2 * w.close_pairs / _period(550e3) * YEAR_S, rel=1e-12)
    gas = orbit.kinetic_gas_collision_rate(1584, "12.5 km", "540 km", "560 km", "10 km/s")
    assert 0.1 * gas.m_as("1/year") < w.encounter_rate.m_as("1/year") < gas.m_as("1/year")
    bad = orbit.walker_encounter_rate("540 km", "53.2 deg", 1584, 72, 22, "1 km")
    assert bad.closest_approach.m_as("m") < 1.0 and bad.close_pairs > 0


def test_walker_broadcasts_over_altitude_inclination_and_screening_radius():
    n = 100_000
    alt = np.linspace(300, 1500, n) * u.km
    s = np.geomspace(0.1, 400, n) * u.km
    inc = np.where(np.arange(n) % 2, 53.0, 70.0) * u.deg
    w = orbit.walker_encounter_rate(alt, inc, 1584, 72, 17, s)
    assert w.encounter_rate.shape == (n,) and w.close_pairs.shape == (n,)
    # each point as it is alone
    for j in (0, 1, n // 2, n - 1):
        one = orbit.walker_encounter_rate(alt[j], inc[j], 1584, 72, 17, s[j])
        assert one.close_pairs == w.close_pairs[j]
        assert one.encounter_rate.m_as("1/year") == pytest.approx(w.encounter_rate[j].m_as("1/year"), rel=1e-12)
        assert one.closest_approach.m_as("m") == pytest.approx(w.closest_approach[j].m_as("m"), rel=1e-12)
    # more screening radius, more pairs, at one geometry
    assert np.all(np.diff(w.close_pairs[::2]) >= 0)


def test_walker_rejects_bad_patterns():
    with pytest.raises(ValueError, match="planes = 7: must divide total = 1584"):
        orbit.walker_encounter_rate("550 km", "53 deg", 1584, 7, 1, "1 km")
    with pytest.raises(ValueError, match="phasing = 72"):
        orbit.walker_encounter_rate("550 km", "53 deg", 1584, 72, 72, "1 km")
    with pytest.raises(TypeError, match="total"):
        orbit.walker_encounter_rate("550 km", "53 deg", 1584.0, 72, 1, "1 km")
    with pytest.raises(ValueError, match="total = -4"):
        orbit.walker_encounter_rate("550 km", "53 deg", -4, 2, 1, "1 km")
    with pytest.raises(ValueError, match="screening_radius"):
        orbit.walker_encounter_rate("550 km", "53 deg", 1584, 72, 1, "0 km")
    with pytest.raises(ValueError, match="altitude"):
        orbit.walker_encounter_rate("120 km", "53 deg", 1584, 72, 1, "1 km")


# --- conjunctions and manoeuvres --------------------------------------------------------------------------------
def test_conjunctions_against_hand_arithmetic():
    # N = 1000, rho = 1e-8 /km^3 = 1e-17 /m^3, v = 1e4 m/s, s = 1000 m:
    # conjunctions = N rho v pi s^2 = 1e3 x 1e-17 x 1e4 x pi x 1e6 = 3.1416e-4 /s = 9914.1 per year.
    # Gaussian miss, sigma = 100 m, R = 10 m, P_th = 1e-4: peak Pc = R^2 / (2 sigma^2) = 5e-3 > P_th;
    # d_th^2 = 2 sigma^2 ln(5e-3 / 1e-4) = 2e4 x 3.9120 = 7.8240e4 m^2, fraction = d_th^2 / s^2 = 0.078240,
    # manoeuvres = 775.68 per year, 0.77568 per satellite, x 0.1 m/s = 0.077568 m/s per satellite-year.
    # Unmitigated collisions = conj x (R^2 / s^2)(1 - e^{-50}) = 9914.1 x 1e-4 = 0.99141 per year
    # (= N rho v pi R^2, the hard body's own kinetic rate). Left below P_th: e^{-d_th^2 / 2 sigma^2} = P_th /
    # peak = 0.02, so 0.99141 x 0.02 = 0.019828; with a failure rate of 0.1 add 0.1 x 0.99141 x 0.98 = 0.097158.
    # Density of the constellation: 1000 / (4/3 pi (6938.137^3 - 6918.137^3)) km^3 = 1000 / 1.2063e10 km^3.
    conj_s = 1e3 * 1e-17 * 1e4 * math.pi * 1e6
    c = orbit.conjunction_rates(1000, "540 km", "560 km", "1e-8 / km^3", "10 km/s", "1 km", "10 m", "100 m",
                                manoeuvre_failure_rate=0.1)
    assert c.conjunctions.m_as("1/year") == pytest.approx(conj_s * YEAR_S, rel=1e-12)
    assert c.conjunctions.m_as("1/year") == pytest.approx(9914.1, rel=1e-4)
    assert c.manoeuvre_fraction == pytest.approx(0.078240, rel=1e-4)
    assert c.manoeuvres.m_as("1/year") == pytest.approx(775.68, rel=1e-4)
    assert c.manoeuvres_per_satellite.m_as("1/year") == pytest.approx(0.77568, rel=1e-4)
    assert c.delta_v_per_satellite.m_as("m/s/year") == pytest.approx(0.077568, rel=1e-4)
    assert c.unmitigated_collisions.m_as("1/year") == pytest.approx(0.99141, rel=1e-4)
    assert c.residual_collisions.m_as("1/year") == pytest.approx(0.019828 + 0.097158, rel=1e-4)
    volume_km3 = 4 / 3 * math.pi * (6938.137 ** 3 - 6918.137 ** 3)
    assert volume_km3 == pytest.approx(1.2063e10, rel=1e-4)
    assert c.constellation_density.m_as("1/km^3") == pytest.approx(1000 / volume_km3, rel=1e-9)
    assert c.background_density.m_as("1/km^3") == pytest.approx(1e-8)
    # the unmitigated collisions are the hard body's kinetic rate against the background
    assert c.unmitigated_collisions.m_as("1/year") == pytest.approx(
        1000 * 1e-17 * 1e4 * math.pi * 100 * YEAR_S, rel=1e-12)


def test_manoeuvre_threshold_limits():
    base = dict(count=10, altitude_low="540 km", altitude_high="560 km", background_density="1e-8 / km^3",
                relative_speed="10 km/s", screening_radius="1 km", hard_body_radius="10 m")
    # a sigma so large that the peak Pc R^2 / (2 sigma^2) = 5e-5 is below 1e-4: no manoeuvre, all collisions left
    c = orbit.conjunction_rates(**base, miss_distance_sigma="1 km")
    assert c.manoeuvre_fraction == 0.0 and c.manoeuvres.m_as("1/year") == 0.0
    assert c.residual_collisions.m_as("1/year") == pytest.approx(c.unmitigated_collisions.m_as("1/year"))
    # a loose threshold: d_th^2 = 2 (300 m)^2 ln(100 / (1.8e5 x 1e-300)) = 1.2e8 m^2 > s^2, every conjunction is
    # avoided, and with perfect manoeuvres nothing is left
    c = orbit.conjunction_rates(**base, miss_distance_sigma="300 m", pc_threshold=1e-300)
    assert c.manoeuvre_fraction == 1.0
    assert c.residual_collisions.m_as("1/year") == pytest.approx(0.0, abs=1e-30)
    # internal conjunctions add to the background's, alike
    c0 = orbit.conjunction_rates(**base, miss_distance_sigma="100 m")
    c1 = orbit.conjunction_rates(**base, miss_distance_sigma="100 m", internal_conjunctions=c0.conjunctions)
    assert c1.manoeuvres.m_as("1/year") == pytest.approx(2 * c0.manoeuvres.m_as("1/year"), rel=1e-12)


def test_conjunctions_broadcast_a_hundred_thousand_points():
    n = 100_000
    count = np.linspace(0, 1e5, n)
    rho = np.geomspace(1e-10, 1e-6, n) / u.km ** 3
    c = orbit.conjunction_rates(count, "540 km", "560 km", rho, "10 km/s", "2 km", "5 m", "150 m",
                                pc_threshold=1e-5, manoeuvre_failure_rate=0.01)
    assert c.manoeuvres.shape == (n,)
    for j in (0, 1, n // 3, n - 1):
        one = orbit.conjunction_rates(count[j], "540 km", "560 km", rho[j], "10 km/s", "2 km", "5 m", "150 m",
                                      pc_threshold=1e-5, manoeuvre_failure_rate=0.01)
        assert one.residual_collisions.m_as("1/year") == pytest.approx(c.residual_collisions[j].m_as("1/year"),
                                                                      rel=1e-12)
        assert one.manoeuvres_per_satellite.m_as("1/year") == pytest.approx(
            c.manoeuvres_per_satellite[j].m_as("1/year"), rel=1e-12)
    assert c.manoeuvres_per_satellite[0].m_as("1/year") == 0.0  # no satellites: none, not NaN
    g = orbit.kinetic_gas_collision_rate(np.arange(n), "1 m", "500 km", np.linspace(501, 2000, n) * u.km, "10 km/s")
    assert g.shape == (n,) and np.all(np.isfinite(g.m_as("1/year")))


@pytest.mark.parametrize("call, field", [
    (lambda: orbit.kinetic_gas_collision_rate(-1, "1 m", "500 km", "600 km", "10 km/s"), "count"),
    (lambda: orbit.kinetic_gas_collision_rate(10, "1 m", "100 km", "600 km", "10 km/s"), "altitude_low"),
    (lambda: orbit.kinetic_gas_collision_rate(10, "1 m", "500 km", "140 km", "10 km/s"), "altitude_high"),
    (lambda: orbit.kinetic_gas_collision_rate(10, "1 m", "600 km", "500 km", "10 km/s"), "altitude_high"),
    (lambda: orbit.kinetic_gas_collision_rate(10, "0 m", "500 km", "600 km", "10 km/s"), "radius"),
    (lambda: orbit.kinetic_gas_rate_between(10, "1 m", -5, "1 m", "500 km", "600 km", "10 km/s"), "other_count"),
    (lambda: orbit.conjunction_rates(-3, "540 km", "560 km", "1e-8/km^3", "10 km/s", "1 km", "5 m", "100 m"),
     "count"),
    (lambda: orbit.conjunction_rates(3, "140 km", "560 km", "1e-8/km^3", "10 km/s", "1 km", "5 m", "100 m"),
     "altitude_low"),
    (lambda: orbit.conjunction_rates(3, "540 km", "560 km", "1e-8/km^3", "10 km/s", "0 km", "5 m", "100 m"),
     "screening_radius"),
    (lambda: orbit.conjunction_rates(3, "540 km", "560 km", "-1e-8/km^3", "10 km/s", "1 km", "5 m", "100 m"),
     "background_density"),
    (lambda: orbit.conjunction_rates(3, "540 km", "560 km", "1e-8/km^3", "10 km/s", "1 km", "5 m", "100 m",
                                     pc_threshold=0.0), "pc_threshold"),
    (lambda: orbit.conjunction_rates(3, "540 km", "560 km", "1e-8/km^3", "10 km/s", "1 km", "5 m", "100 m",
                                     manoeuvre_failure_rate=1.5), "manoeuvre_failure_rate"),
])
def test_bad_input_names_the_field(call, field):
    with pytest.raises(ValueError, match=rf"^{field} ="):
        call()


def test_a_bare_number_or_wrong_unit_is_refused():
    with pytest.raises(TypeError, match="screening_radius"):
        orbit.conjunction_rates(3, "540 km", "560 km", "1e-8/km^3", "10 km/s", 1000.0, "5 m", "100 m")
    with pytest.raises(Exception, match="background_density"):
        orbit.conjunction_rates(3, "540 km", "560 km", "1e-8/km^2", "10 km/s", "1 km", "5 m", "100 m")
