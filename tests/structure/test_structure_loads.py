"""Margins of safety, factors of safety, tie-down and cylinder loads, margins over a vehicle envelope."""

import math

import numpy as np
import pytest

import structure
from spacedc.units import u

G0 = 9.80665


def test_factors_of_safety_nasa_std_5001b():
    """NASA-STD-5001B (REFERENCE.md): metallic prototype yield 1.0 / ultimate 1.4; protoflight yield 1.25 /
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


def test_tie_down_loads_hand_derivation():
    """500 kg stack on 4 tie-downs (r = 0.8 m), CG 0.3 m above them, at the Falcon vertex (6 g axial, 0.5 g
    lateral): axial 500 g0 6 / 4 = 7355.0 N, shear 500 g0 0.5 / 4 = 612.9 N, overturning 2 (500 g0 0.5 0.3) /
    (4 0.8) = 459.7 N, tension 7814.7 N. With a 12 kN allowable at FS 1.25: MS = 12000 / (1.25 x 7814.7) - 1."""
    r = structure.tie_down_loads("500 kg", 4, 6.0, 0.5, cg_height="0.3 m", pattern_radius="0.8 m",
                                 allowable_tension="12 kN", allowable_shear="5 kN", factor_of_safety=1.25)
    axial = 500 * G0 * 6 / 4
    over = 2 * 500 * G0 * 0.5 * 0.3 / (4 * 0.8)
    assert r.axial.m_as("N") == pytest.approx(axial)
    assert r.shear.m_as("N") == pytest.approx(500 * G0 * 0.5 / 4)
    assert r.overturning.m_as("N") == pytest.approx(over)
    assert r.margin_tension == pytest.approx(12000 / (1.25 * (axial + over)) - 1)


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


def test_launch_margins_take_the_worst_envelope_vertex():
    """Over Falcon Fig. 4-1 the tie-down tension is worst at the (0.5, 6) vertex for a low stack and at (2, 3.5)
    for a tall one (overturning); checked against a hand loop over the four vertices."""
    kw = dict(stack_mass="1000 kg", tie_down_count=4, tie_down_radius="0.5 m", tie_down_allowable_tension="40 kN",
              tie_down_allowable_shear="40 kN", satellite_mass="5000 kg", cylinder_radius="0.8 m",
              cylinder_thickness="3 mm", satellite_cg_height="2 m", yield_strength="276 MPa",
              ultimate_strength="310 MPa")
    low = structure.launch_margins("falcon-9", stack_cg_height="0.05 m", **kw)
    tall = structure.launch_margins("falcon-9", stack_cg_height="1.5 m", **kw)
    for res, h in ((low, 0.05), (tall, 1.5)):
        tension = [1000 * G0 * (abs(a) / 4 + 2 * abs(lat) * h / (4 * 0.5))
                   for lat, a in ((0.5, 6), (2, 3.5), (2, -1.5), (0.5, -2))]
        assert res.tie_down_tension == pytest.approx(40e3 / (1.25 * max(tension)) - 1)
    assert low.feasible is True
    sweep = structure.launch_margins("falcon-9", stack_cg_height=np.array([0.05, 1.5]) * u.m, **kw)
    assert sweep.tie_down_tension == pytest.approx([low.tie_down_tension, tall.tie_down_tension])
