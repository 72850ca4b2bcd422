"""Margins of safety, factors of safety, tie-down and cylinder loads, margins over a vehicle envelope."""

import math

import numpy as np
import pytest

from spacedc import structure
from spacedc.units import u

G0 = 9.80665


def test_factors_of_safety_nasa_std_5001b():
    """[NASA-STD-5001B] Table 1: metallic prototype yield 1.0 / ultimate 1.4; protoflight yield 1.25 /
    ultimate 1.4."""
    assert structure.factor_of_safety("prototype", "yield") == 1.0
    assert structure.factor_of_safety("prototype", "ultimate") == 1.4
    assert structure.factor_of_safety("protoflight", "yield") == 1.25
    assert structure.factor_of_safety("protoflight", "ultimate") == 1.4
    with pytest.raises(ValueError, match="NASA-STD-5001B"):
        structure.factor_of_safety("protoflight", "yield", "composite")


def test_margin_of_safety_worked_example():
    """NASA-STD-5001B definition MS = allowable / (FS x limit) - 1, worked by hand: 6061-T6 yield 276 MPa,
    limit stress 150 MPa, protoflight yield FS 1.25 -> 276 / 187.5 - 1 = 0.472; ultimate 310 MPa at FS 1.4 ->
    310 / 210 - 1 = 0.47619. A design exactly at FS x limit has MS = 0."""
    assert structure.margin_of_safety("276 MPa", "150 MPa", 1.25) == pytest.approx(0.472)
    assert structure.margin_of_safety("310 MPa", "150 MPa", 1.4) == pytest.approx(0.476190476)
    assert structure.margin_of_safety("1.4 kN", "1000 N", 1.4) == pytest.approx(0.0, abs=1e-12)
    assert math.isinf(structure.margin_of_safety("1 kN", "0 N", 1.4))


def _worst_over_azimuth(n_ax, n_lat, k):
    """Independent of the closed form: the stack's load factor (n_lat cos th, n_lat sin th, n_ax) in the panel
    frame (normal, in-plane across, in-plane along the launch axis) on a fine grid of lateral directions th;
    tension factor n_normal + k |in-plane|, shear factor |in-plane| (bolt-group formula, Shigley)."""
    th = np.linspace(0.0, np.pi, 2_000_001)
    normal = np.abs(n_lat * np.cos(th))
    in_plane = np.hypot(n_ax, n_lat * np.sin(th))
    return np.max(normal + k * in_plane), np.max(in_plane)


def test_tie_down_loads_hand_derivation():
    """500 kg stack on 4 tie-downs (r = 0.8 m), CG h = 0.3 m out from them (k = 2 h / r = 0.75), at the Falcon
    vertex (6 g axial, 0.5 g lateral), stowed as geometry.make_satellite stows a radiator wing: the launch axis in
    the panels' plane. The axial load is in-plane: shear, and overturning at the CG. Lateral in its worst
    direction: for tension, normal to the panels (k n_lat = 0.375 < 6: the edge case), normal share
    500 g0 0.5 / 4 = 612.9 N, overturning 2 (500 g0 6 0.3) / (4 x 0.8) = 5516.2 N (bolt circle: M y / sum y^2
    with sum y^2 = N r^2 / 2), tension 6129.2 N; for shear, in the panels' plane with the axial:
    500 g0 sqrt(6^2 + 0.5^2) / 4 = 7380.5 N. With 12 kN / 10 kN allowables at FS 1.25: MS = 12000 / (1.25 x
    6129.2) - 1 and 10000 / (1.25 x 7380.5) - 1. The as-stowed shear is 12 times the lateral-only shear that
    the launch-axis-normal orientation gives (612.9 N), which is why that one was unconservative for shear."""
    r = structure.tie_down_loads("500 kg", 4, 6.0, 0.5, cg_height="0.3 m", pattern_radius="0.8 m",
                                 allowable_tension="12 kN", allowable_shear="10 kN", factor_of_safety=1.25)
    w = 500 * G0 / 4
    assert r.normal.m_as("N") == pytest.approx(w * 0.5)
    assert r.overturning.m_as("N") == pytest.approx(2 * 500 * G0 * 6 * 0.3 / (4 * 0.8))
    assert r.tension.m_as("N") == pytest.approx(w * (0.5 + 0.75 * 6)) == pytest.approx(6129.156, abs=1e-3)
    assert r.shear.m_as("N") == pytest.approx(w * math.sqrt(36.25)) == pytest.approx(7380.481, abs=1e-3)
    assert r.margin_tension == pytest.approx(12000 / (1.25 * w * 5.0) - 1)
    assert r.margin_shear == pytest.approx(10000 / (1.25 * w * math.sqrt(36.25)) - 1)
    tension, shear = _worst_over_azimuth(6.0, 0.5, 0.75)
    assert (r.tension.m_as("N"), r.shear.m_as("N")) == pytest.approx((w * tension, w * shear), rel=1e-9)


def test_tie_down_tension_of_a_tall_stack_peaks_between_normal_and_in_plane():
    """A tall stack (h = 1.5 m, r = 0.5 m: k = 6) at Falcon's (2 g lateral, 3.5 g axial) vertex: k n_lat = 12 >
    3.5, so the worst lateral direction lies between normal and in-plane. By hand, maximizing
    n_lat c + k sqrt(n_ax^2 + n_lat^2 (1 - c^2)) over c = cos(theta): c* = sqrt(n_ax^2 + n_lat^2) /
    (n_lat sqrt(1 + k^2)) = sqrt(16.25) / (2 sqrt(37)) = 0.3314, T = (m g0 / N) sqrt((n_ax^2 + n_lat^2)(1 + k^2))
    = (m g0 / N) sqrt(16.25 x 37) = 24.520 m g0 / N; normal share (m g0 / N) sqrt(16.25) / sqrt(37), overturning
    the rest. Checked against a brute-force sweep of the lateral direction. Launch axis normal to the panels
    (the deck orientation) instead: T = (m g0 / N)(3.5 + 6 x 2) = 15.5 m g0 / N, shear 2 m g0 / N."""
    r = structure.tie_down_loads("100 kg", 4, 3.5, 2.0, cg_height="1.5 m", pattern_radius="0.5 m")
    w = 100 * G0 / 4
    assert r.tension.m_as("N") == pytest.approx(w * math.sqrt(16.25 * 37))
    assert r.normal.m_as("N") == pytest.approx(w * math.sqrt(16.25 / 37))
    assert r.tension.m_as("N") == pytest.approx(w * _worst_over_azimuth(3.5, 2.0, 6.0)[0], rel=1e-9)
    assert r.shear.m_as("N") == pytest.approx(w * math.sqrt(16.25))
    deck = structure.tie_down_loads("100 kg", 4, 3.5, 2.0, cg_height="1.5 m", pattern_radius="0.5 m",
                                    orientation="normal")
    assert deck.tension.m_as("N") == pytest.approx(w * 15.5)
    assert deck.normal.m_as("N") == pytest.approx(w * 3.5) and deck.shear.m_as("N") == pytest.approx(w * 2.0)
    # broadcasting over both orientations' branches at once: each point equals its scalar call
    ks = structure.tie_down_loads("100 kg", 4, 3.5, 2.0, cg_height=np.array([0.01, 1.5]) * u.m,
                                  pattern_radius="0.5 m")
    assert ks.tension.m_as("N")[1] == pytest.approx(r.tension.m_as("N"))
    assert ks.tension.m_as("N")[0] == pytest.approx(w * (2.0 + 0.04 * 3.5))
    with pytest.raises(ValueError, match="orientation"):
        structure.tie_down_loads("100 kg", 4, 3.5, 2.0, orientation="sideways")


def test_cylinder_stress_equivalent_axial_load():
    """SMAD (3rd ed.) sec. 11.6: P_eq = P + 2M/R, sigma = P_eq / (2 pi R t). Hand: 2000 kg, R = 1 m,
    t = 2.86 mm (SMAD example cylinder), CG 2.5 m, 6.5 g axial / 3 g lateral: P = 127,486 N, M = 147,100 N m,
    P_eq = 421,686 N, sigma = 23.47 MPa; yield margin at 448 MPa / 1.1 (SMAD option) = 16.36."""
    r = structure.cylinder_stress("2000 kg", "1 m", "2.86 mm", "2.5 m", 6.5, 3.0, yield_strength="448 MPa",
                                  ultimate_strength="524 MPa", yield_factor=1.1, ultimate_factor=1.25)
    p = 2000 * G0 * 6.5
    m = 2000 * G0 * 3.0 * 2.5
    p_eq = p + 2 * m / 1.0
    sigma = p_eq / (2 * math.pi * 1.0 * 2.86e-3)
    assert r.equivalent_axial_load.m_as("N") == pytest.approx(p_eq)
    assert r.stress.m_as("Pa") == pytest.approx(sigma)
    assert r.margin_yield == pytest.approx(448e6 / (1.1 * sigma) - 1)
    assert r.margin_buckling is None and r.critical_stress is None  # no modulus, no buckling check


def test_cylinder_buckling_nasa_sp_8007_hand_derivation():
    """NASA SP-8007 (1968 rev.), unstiffened cylinder in axial compression: sigma_cr = gamma E t / (R sqrt(3 (1 -
    nu^2))), gamma = 1 - 0.901 (1 - e^-phi), phi = sqrt(R / t) / 16. By hand for R = 0.7875 m, t = 4 mm,
    6061-T6 E = 68.9 GPa, nu = 0.33 (MMPDS): R/t = 196.875, sqrt = 14.03122, phi = 0.876951, e^-phi = 0.416050,
    gamma = 1 - 0.901 x 0.583950 = 0.473861; sqrt(3 (1 - 0.1089)) = 1.635023, E t / R = 349.968 MPa,
    sigma_cl = 214.045 MPa, sigma_cr = 101.427 MPa. Loads as SMAD sec. 11.6: 2000 kg, CG 2.5 m, 6.5 g axial /
    3 g lateral: P_eq = m g0 (6.5 + 2 x 3 x 2.5 / 0.7875), sigma = P_eq / (2 pi R t); MS at the ultimate factor
    1.4 (NASA-STD-5001B: buckling at ultimate load) = sigma_cr / (1.4 sigma) - 1. At nu = 0.3 the classical
    coefficient is 1 / sqrt(2.73) = 0.6052 (SP-8007's 0.605)."""
    r = structure.cylinder_stress("2000 kg", "0.7875 m", "4 mm", "2.5 m", 6.5, 3.0, yield_strength="276 MPa",
                                  ultimate_strength="310 MPa", modulus="68.9 GPa", poisson_ratio=0.33)
    assert r.knockdown == pytest.approx(0.473861, abs=1e-6)
    assert r.critical_stress.m_as("MPa") == pytest.approx(101.427, abs=1e-3)
    sigma = 2000 * G0 * (6.5 + 2 * 3.0 * 2.5 / 0.7875) / (2 * math.pi * 0.7875 * 4e-3)
    assert r.stress.m_as("Pa") == pytest.approx(sigma)
    assert r.margin_buckling == pytest.approx(101.427e6 / (1.4 * sigma) - 1, rel=1e-5)
    # buckling, not yield, governs at R/t ~ 200: 101 MPa / 1.4 against 276 MPa / 1.25
    assert r.margin_buckling < r.margin_yield
    classical = structure.cylinder_stress("1 kg", "1 m", "1 mm", "0 m", 1.0, 0.0, modulus="1 GPa")
    gamma = 1 - 0.901 * (1 - math.exp(-math.sqrt(1000) / 16))
    assert classical.critical_stress.m_as("Pa") == pytest.approx(gamma * 0.6052275 * 1e9 * 1e-3, rel=1e-6)
    with pytest.raises(ValueError, match="poisson_ratio"):
        structure.cylinder_stress("1 kg", "1 m", "1 mm", "0 m", 1.0, 0.0, modulus="1 GPa", poisson_ratio=0.5)


FALCON = ((0.5, 6), (2, 3.5), (2, -1.5), (0.5, -2))  # Falcon User's Guide Fig. 4-1 vertices, (lateral, axial) g


def test_launch_margins_take_the_worst_envelope_vertex():
    """Over Falcon Fig. 4-1, with the stack stowed as geometry stows it (launch axis in the panels' plane), the
    tie-down tension and shear are the worst over the four vertices of the brute-force azimuth sweep above
    (tension: for the low stack, k = 0.2, at (2, 3.5), 2 + 0.2 x 3.5 = 2.7 against 0.5 + 0.2 x 6 = 1.7; for the
    tall one, k = 6, at (0.5, 6), where the axial load overturns it, 0.5 + 6 x 6 = 36.5; shear at (0.5, 6):
    sqrt(36.25)). The cylinder's buckling (SP-8007 as above, 6061-T6, R/t = 267) is worst at
    the vertex of the largest P_eq = m g0 (|n_ax| + 2 n_lat h / R), (2, 3.5), at the ultimate factor 1.4; it is
    the smallest margin of the five, so it is min_margin."""
    kw = dict(stack_mass="1000 kg", tie_down_count=4, tie_down_radius="0.5 m", tie_down_allowable_tension="40 kN",
              tie_down_allowable_shear="40 kN", satellite_mass="5000 kg", cylinder_radius="0.8 m",
              cylinder_thickness="3 mm", satellite_cg_height="2 m", yield_strength="276 MPa",
              ultimate_strength="310 MPa", modulus="68.9 GPa", poisson_ratio=0.33)
    low = structure.launch_margins("falcon-9", stack_cg_height="0.05 m", **kw)
    tall = structure.launch_margins("falcon-9", stack_cg_height="1.5 m", **kw)
    for res, h in ((low, 0.05), (tall, 1.5)):
        worst = [_worst_over_azimuth(a, lat, 2 * h / 0.5) for lat, a in FALCON]
        tension = 1000 * G0 / 4 * max(t for t, _ in worst)
        shear = 1000 * G0 / 4 * max(s for _, s in worst)
        assert res.tie_down_tension == pytest.approx(40e3 / (1.25 * tension) - 1, rel=1e-9)
        assert res.tie_down_shear == pytest.approx(40e3 / (1.25 * shear) - 1, rel=1e-9)
    assert low.tie_down_tension == pytest.approx(40e3 / (1.25 * 1000 * G0 / 4 * 2.7) - 1)
    assert tall.tie_down_tension == pytest.approx(40e3 / (1.25 * 1000 * G0 / 4 * 36.5) - 1)
    gamma = 1 - 0.901 * (1 - math.exp(-math.sqrt(0.8 / 3e-3) / 16))
    sigma_cr = gamma * 68.9e9 * 3e-3 / (0.8 * math.sqrt(3 * (1 - 0.33 ** 2)))
    sigma = 5000 * G0 * max(abs(a) + 2 * lat * 2 / 0.8 for lat, a in FALCON) / (2 * math.pi * 0.8 * 3e-3)
    assert low.cylinder_buckling == pytest.approx(sigma_cr / (1.4 * sigma) - 1, rel=1e-9)
    assert low.min_margin == low.cylinder_buckling < min(low.cylinder_yield, low.cylinder_ultimate)
    assert low.feasible is True
    sweep = structure.launch_margins("falcon-9", stack_cg_height=np.array([0.05, 1.5]) * u.m, **kw)
    assert sweep.tie_down_tension == pytest.approx([low.tie_down_tension, tall.tie_down_tension])
    # a thinner wall fails on buckling alone, named in the reasons
    thin = structure.launch_margins("falcon-9", stack_cg_height="0.05 m", **{**kw, "cylinder_thickness": "1 mm"})
    assert thin.cylinder_buckling < 0 < thin.cylinder_yield
    assert thin.feasible is False and thin.reasons == "primary structure buckling margin < 0"
