"""The NASA standard breakup model and the source-sink cascade model against hand derivations.

Breakup: [Johnson2001] (collisions, N = 0.1 M^0.75 L_c^-1.71; explosions, N = 6 S L_c^-1.6) and
the 40 J/g catastrophic threshold, evaluated by hand below. Cascade: the equilibria of the source-sink
equations (module docstring of orbit/cascade.py) solved by hand for cases without collisions, and the
kinetic-gas collision rate of one shell by hand.
"""

import math

import numpy as np
import pytest

from spacedc import orbit
from spacedc.orbit.constants import _MU, _R_E
from spacedc.units import Q_

YEAR_S = 365.25 * 86400.0


# --- breakup ---------------------------------------------------------------------------------------------
def test_collision_fragments_hand_values():
    # 446 kg (two 223 kg satellites), L_c = 0.1 m: 0.1 * 446^0.75 * 0.1^-1.71.
    # 446^0.75 = exp(0.75 ln 446) = exp(0.75 * 6.10032) = exp(4.57524) = 97.058;
    # 0.1^-1.71 = 10^1.71 = 51.286; N = 0.1 * 97.058 * 51.286 = 497.77.
    assert float(orbit.breakup_fragments("446 kg", "10 cm").m) == pytest.approx(497.74, rel=2e-4)
    # 1000 kg, L_c = 1 m: 0.1 * 1000^0.75 = 0.1 * 177.83 = 17.783
    assert float(orbit.breakup_fragments("1 t", "1 m").m) == pytest.approx(17.783, rel=1e-4)
    # L_c = 1 cm, 10 kg: 0.1 * 10^0.75 * 100^1.71 = 0.1 * 5.6234 * 2630.3 = 1479.1
    assert float(orbit.breakup_fragments("10 kg", "1 cm").m) == pytest.approx(1479.1, rel=1e-3)


def test_explosion_fragments_hand_values():
    # 6 S L_c^-1.6: L_c = 0.1 m -> 6 * 10^1.6 = 6 * 39.811 = 238.86; S = 0.5, L_c = 1 m -> 3
    assert float(orbit.breakup_fragments(None, "10 cm", "explosion").m) == pytest.approx(238.86, rel=1e-4)
    assert float(orbit.breakup_fragments(None, "1 m", "explosion", scaling=0.5).m) == pytest.approx(3.0)


def test_catastrophic_threshold_and_mass():
    # 0.64 kg into 223 kg at 10 km/s: 0.5 * 0.64 * (1e4)^2 / 223 = 143,498 J/kg = 143.5 J/g >= 40
    assert float(orbit.specific_impact_energy("223 kg", "0.64 kg", "10 km/s").m_as("J/g")) == pytest.approx(143.498,
                                                                                                             rel=1e-4)
    assert orbit.is_catastrophic("223 kg", "0.64 kg", "10 km/s")
    # 0.01 kg into 1000 kg at 10 km/s: 0.5 * 0.01 * 1e8 / 1000 = 500 J/kg = 0.5 J/g < 40: M = 0.01 * 10^2 = 1 kg
    assert not orbit.is_catastrophic("1000 kg", "0.01 kg", "10 km/s")
    assert float(orbit.breakup_mass("1000 kg", "0.01 kg", "10 km/s").m_as("kg")) == pytest.approx(1.0)
    assert float(orbit.breakup_mass("1000 kg", "500 kg", "10 km/s").m_as("kg")) == pytest.approx(1500.0)
    # just at the threshold: m_p v^2 / (2 m_t) = 40,000 J/kg with m_t = 100 kg, v = 2 km/s -> m_p = 2 kg
    assert orbit.is_catastrophic("100 kg", "2 kg", "2 km/s")
    assert not orbit.is_catastrophic("100 kg", "1.99 kg", "2 km/s")


def test_breakup_bad_input():
    with pytest.raises(ValueError, match="characteristic_length"):
        orbit.breakup_fragments("10 kg", "0 m")
    with pytest.raises(ValueError, match="mass"):
        orbit.breakup_fragments("-1 kg", "1 m")
    with pytest.raises(ValueError, match="kind"):
        orbit.breakup_fragments("1 kg", "1 m", "implosion")


# --- cascade: equilibria without collisions, by hand -----------------------------------------------------
TINY = {"satellite": (223.0, 1.741, 1e-9), "debris": (0.64, 0.02, 1e-9)}   # no cross-section: no collisions


def _drag_rate(lo_km, hi_km, mass, area, f107=140.0):
    """r = rho sqrt(mu a) / B / dh [1/yr], B = m / (2.2 A), rho of MSIS at the shell's middle."""
    mid = 0.5 * (lo_km + hi_km)
    rho = float(orbit.msis_density(f"{mid} km", f107=f107).m_as("kg/m^3"))
    b = mass / (2.2 * area)
    return rho * math.sqrt(_MU * (_R_E + mid * 1e3)) / b / ((hi_km - lo_km) * 1e3) * YEAR_S


def test_single_shell_equilibrium_matches_hand_derivation():
    # dS/dt = lam - S/T = 0 -> S* = lam T; dD/dt = (1-P) S/T - r_D D = 0 -> D* = (1-P) lam / r_D.
    lam, t_life, p = 200.0, 5.0, 0.9
    r = orbit.cascade(orbit.shell_edges("400 km", "450 km", 1), lam, years="60 year", lifetime=f"{t_life} year",
                      disposal_success=p, **TINY)
    r_d = _drag_rate(400, 450, 223.0, 1.741)
    assert float(r.satellites[-1, 0]) == pytest.approx(lam * t_life, rel=1e-4)
    assert float(r.derelicts[-1, 0]) == pytest.approx((1 - p) * lam / r_d, rel=2e-3)
    assert float(r.debris[-1, 0]) == pytest.approx(0.0, abs=1e-6)
    assert bool(r.stable[0])


def test_two_shell_drag_chain_matches_hand_derivation():
    # The upper shell's derelicts decay into the lower: D_up* = (1-P) lam_up / r_up,
    # D_low* = ((1-P) lam_low + r_up D_up*) / r_low. Debris given at the start decays the same way (no source).
    lam, p = np.array([50.0, 100.0]), 0.8
    r = orbit.cascade(orbit.shell_edges("350 km", "450 km", 2), lam, years="80 year", disposal_success=p, **TINY)
    r_low, r_up = _drag_rate(350, 400, 223.0, 1.741), _drag_rate(400, 450, 223.0, 1.741)
    d_up = (1 - p) * lam[1] / r_up
    d_low = ((1 - p) * lam[0] + r_up * d_up) / r_low
    assert float(r.derelicts[-1, 1]) == pytest.approx(d_up, rel=2e-3)
    assert float(r.derelicts[-1, 0]) == pytest.approx(d_low, rel=2e-3)


def test_debris_decay_without_sources_is_exponential():
    # N(t) = N0 exp(-r_N t) in a single shell with no sources and no collisions
    r = orbit.cascade(orbit.shell_edges("500 km", "550 km", 1), 0.0, years="10 year", initial={"debris": 1000.0},
                      **TINY)
    r_n = _drag_rate(500, 550, 0.64, 0.02)
    expected = 1000.0 * np.exp(-r_n * r.time.m_as("year"))
    assert np.allclose(r.debris[:, 0], expected, rtol=2e-3, atol=1e-3)


def test_collision_rate_matches_kinetic_gas_by_hand():
    # 1000 fragments of 0.18 m in the 800-850 km shell: C_NN = 1/2 N^2 pi (2 r)^2 v / V, v = 10 km/s.
    n, d = 1000.0, 0.18
    r = orbit.cascade(orbit.shell_edges("800 km", "850 km", 1), 0.0, years="1 year", initial={"debris": n})
    v_m_yr = 1e4 * YEAR_S
    vol = 4.0 / 3.0 * math.pi * ((_R_E + 850e3) ** 3 - (_R_E + 800e3) ** 3)
    assert float(r.collisions[0, 0].m_as("1/year")) == pytest.approx(0.5 * n * n * math.pi * d ** 2 * v_m_yr / vol,
                                                                     rel=1e-9)


def test_runaway_and_settling():
    edges = orbit.shell_edges("500 km", "1000 km", 10)
    assert orbit.cascade(edges, 0.0, years="50 year", initial={"debris": 100.0}).stable.all()
    assert not orbit.cascade(edges, 1e5, years="50 year").stable[-1]


def test_capacity_brackets_the_stability_boundary():
    edges = orbit.shell_edges("900 km", "950 km", 1)
    cap = orbit.cascade_capacity(edges, 0, max_launch_rate="1e5 1/year", years="50 year", rtol=0.05)
    assert cap.bounded
    rate = cap.launch_rate.m_as("1/year")
    assert orbit.cascade(edges, rate, years="50 year").stable[0]
    assert not orbit.cascade(edges, rate * 1.2, years="50 year").stable[0]
    assert cap.satellites.m == pytest.approx(rate * 5.0)


def test_cascade_bad_input_names_the_field():
    edges = orbit.shell_edges("500 km", "600 km", 2)
    with pytest.raises(ValueError, match="launch_rate"):
        orbit.cascade(edges, -1.0)
    with pytest.raises(ValueError, match="initial.debris"):
        orbit.cascade(edges, 1.0, initial={"debris": -5.0})
    with pytest.raises(ValueError, match="altitude_low"):
        orbit.shell_edges("140 km", "600 km", 2)
    with pytest.raises(ValueError, match="shell_edges"):
        orbit.cascade(Q_([140.0, 200.0], "km"), 1.0)
    with pytest.raises(ValueError, match="disposal_success"):
        orbit.cascade(edges, 1.0, disposal_success=1.5)


def test_solar_cycle_drag_lies_between_the_cycle_extremes():
    # On the mean solar cycle (F10.7 65-215) the derelicts' equilibrium lies between the constant-F10.7
    # equilibria (1 - P) lam / r_D at 215 and at 65 sfu (a century: the run wraps the cycle past 2099).
    lam, p = 200.0, 0.9
    edges = orbit.shell_edges("400 km", "450 km", 1)
    r = orbit.cascade(edges, lam, years="100 year", disposal_success=p, f107=None, epoch="2025-01-01", **TINY)
    d_max = (1 - p) * lam / _drag_rate(400, 450, 223.0, 1.741, f107=65.0)
    d_min = (1 - p) * lam / _drag_rate(400, 450, 223.0, 1.741, f107=215.0)
    late = r.derelicts[r.time.m_as("year") > 50, 0]
    assert d_min * 0.99 < late.min() and late.max() < d_max * 1.01
    assert late.max() / late.min() > 2.0   # the cycle shows


def test_a_shell_still_filling_is_stable_but_not_settled():
    """Derelicts of a shell at 800 km decay over decades (B of the default satellite, about 70 kg/m^2): after
    10 years of launches at 50 % disposal they still accumulate, and so does the debris their collisions make
    (not settled), though nothing runs away; with no launches and a little debris the shell only decays, which
    is settled."""
    edges = orbit.shell_edges("775 km", "825 km", 1)
    filling = orbit.cascade(edges, 100.0, years="10 year", disposal_success=0.5)
    assert bool(filling.stable[0]) and not bool(filling.settled[0])
    assert filling.derelicts[-1, 0] > filling.derelicts[len(filling.derelicts) // 2, 0]
    decaying = orbit.cascade(edges, 0.0, years="50 year", initial={"debris": 100.0})
    assert bool(decaying.settled[0])


# --- the background as a second satellite type -------------------------------------------------------------
def test_background_type_equilibria_by_hand():
    # Two types without collisions: each S* = lambda T; the background's derelicts D_b* = (1 - P) lam_b / r_Db
    # with r_Db the drag rate of the background's own body (default MOCAT's 223 kg, 1.741 m^2), not the
    # constellation's (here 5000 kg, 40 m^2).
    lam, lam_b, p = 80.0, 30.0, 0.9
    r = orbit.cascade(orbit.shell_edges("400 km", "450 km", 1), lam, years="60 year", disposal_success=p,
                      satellite=(5000.0, 40.0, 1e-9), debris=(0.64, 0.02, 1e-9), background={"satellites": 10.0},
                      background_launch_rate=lam_b, background_species=(223.0, 1.741, 1e-9))
    assert float(r.satellites[-1, 0]) == pytest.approx(lam * 5.0, rel=1e-4)
    assert float(r.background_satellites[-1, 0]) == pytest.approx(lam_b * 5.0, rel=1e-4)
    assert float(r.derelicts[-1, 0]) == pytest.approx((1 - p) * lam / _drag_rate(400, 450, 5000.0, 40.0), rel=2e-3)
    assert float(r.background_derelicts[-1, 0]) == pytest.approx((1 - p) * lam_b / _drag_rate(400, 450, 223.0, 1.741),
                                                                  rel=2e-3)


def test_background_collisions_keep_their_own_size_by_hand():
    # 1000 background derelicts of MOCAT's 1.490 m in the 800-850 km shell, and no constellation yet, however large
    # its satellites: C = 1/2 n^2 pi (2 r)^2 v / V with r = 0.745 m, v = 10 km/s.
    n, d = 1000.0, 1.490
    r = orbit.cascade(orbit.shell_edges("800 km", "850 km", 1), 0.0, years="1 year", satellite=(1e4, 500.0, 25.0),
                      background={"derelicts": n})
    vol = 4.0 / 3.0 * math.pi * ((_R_E + 850e3) ** 3 - (_R_E + 800e3) ** 3)
    assert float(r.collisions[0, 0].m_as("1/year")) == pytest.approx(0.5 * n * n * math.pi * d ** 2 * 1e4 * YEAR_S
                                                                     / vol, rel=1e-9)
    assert float(r.background_derelicts[0, 0]) == n and float(r.derelicts[0, 0]) == 0.0


def test_background_bad_input_names_the_field():
    edges = orbit.shell_edges("500 km", "600 km", 2)
    with pytest.raises(ValueError, match="background_launch_rate"):
        orbit.cascade(edges, 1.0, background_launch_rate=5.0)
    with pytest.raises(ValueError, match="background.debris"):
        orbit.cascade(edges, 1.0, background={"debris": -1.0})
    with pytest.raises(ValueError, match="background: unknown species"):
        orbit.cascade(edges, 1.0, background={"rocks": 1.0})
    with pytest.raises(ValueError, match="background_species"):
        orbit.cascade(edges, 1.0, background={"debris": 1.0}, background_species=(1.0, 0.0, 1.0))
