"""Natural frequencies against closed forms (Blevins), hand derivations and the exact tip-mass eigenproblem."""

import math

import numpy as np
import pytest
from scipy.optimize import brentq

from spacedc import structure
from spacedc.units import u

TWO_PI = 2 * math.pi
# Aluminium strip 100 mm x 10 mm, 1 m long: I = b h^3 / 12 = 8.3333e-9 m^4, EI = 70e9 I = 583.33 N m^2,
# m' = 2700 x 0.1 x 0.01 = 2.7 kg/m.
EI, MPL, L = 70e9 * 0.1 * 0.01 ** 3 / 12, 2.7, 1.0


def test_cantilever_first_mode_blevins_table_8_1():
    """Blevins (1979) Table 8-1, clamped-free: lambda_1 = 1.87510407, f = lambda^2/(2 pi) sqrt(EI/(m' L^4)):
    by hand 3.51602 / 6.28319 x sqrt(583.33 / 2.7) = 8.2253 Hz."""
    f = structure.cantilever_frequency(EI * u("N*m^2"), MPL * u("kg/m"), L * u.m)
    assert f.m_as("Hz") == pytest.approx(1.87510407 ** 2 / TWO_PI * math.sqrt(EI / (MPL * L ** 4)), rel=1e-12)
    assert f.m_as("Hz") == pytest.approx(8.2253, rel=1e-4)


def _exact_tip_mass_frequency(ratio):
    """Exact first root of 1 + cos l cosh l + r l (cos l sinh l - sin l cosh l) = 0 (cantilever with end mass,
    r = M / (m L); Blevins 1979 Table 8-8 frequency equation), f = l^2 / (2 pi) sqrt(EI / (m' L^4))."""
    eq = lambda x: 1 + math.cos(x) * math.cosh(x) + ratio * x * (math.cos(x) * math.sinh(x)
                                                                - math.sin(x) * math.cosh(x))  # noqa: E731
    lam = brentq(eq, 0.3, 1.8751)
    return lam ** 2 / TWO_PI * math.sqrt(EI / (MPL * L ** 4))


@pytest.mark.parametrize("ratio, tol", [(0.0, 0.016), (1.0, 0.005), (10.0, 0.001)])
def test_tip_mass_cantilever_against_the_exact_eigenvalue(ratio, tol):
    """Blevins Table 8-8 approximation f = (1/2 pi) sqrt(3 EI / ((M + 0.24 m L) L^3)) against the exact
    eigenvalue: Rayleigh bound 1.5 % high with no tip mass, converging as M / m L grows."""
    tip = ratio * MPL * L
    f = structure.tip_mass_cantilever_frequency(EI * u("N*m^2"), L * u.m, tip * u.kg, MPL * L * u.kg).m_as("Hz")
    exact = _exact_tip_mass_frequency(ratio) if ratio else 1.87510407 ** 2 / TWO_PI * math.sqrt(EI / MPL)
    assert f >= exact * (1 - 1e-9)  # Rayleigh's quotient bounds from above
    assert f == pytest.approx(exact, rel=tol)


def test_hinge_spring_and_dunkerley_by_hand():
    """Rigid panel on a torsional spring: f = (1/2 pi) sqrt(k/J) = sqrt(100/4) / 2 pi = 0.79577 Hz.
    Dunkerley of 3 Hz and 4 Hz: 1 / sqrt(1/9 + 1/16) = 2.4 Hz (exactly)."""
    assert structure.torsional_spring_frequency("100 N*m/rad", "4 kg*m^2").m_as("Hz") == pytest.approx(0.7957747)
    assert structure.dunkerley("3 Hz", "4 Hz").m_as("Hz") == pytest.approx(2.4)


def test_sandwich_bending_stiffness_hexcel():
    """Hexcel HexWeb design formula D = E_f t_f h^2 / 2, h = t_c + t_f: 70 GPa, 0.5 mm faces, 19.5 mm core,
    h = 20 mm -> D = 70e9 x 5e-4 x 4e-4 / 2 = 7000 N m; with nu = 0.3 the plate value 7000 / 0.91."""
    assert structure.sandwich_bending_stiffness("70 GPa", "0.5 mm", "19.5 mm").m_as("N*m") == pytest.approx(7000.0)
    assert structure.sandwich_bending_stiffness("70 GPa", "0.5 mm", "19.5 mm", 0.3).m_as("N*m") == \
        pytest.approx(7000.0 / 0.91)


WING = dict(panel_length="2 m", panel_width="3 m", face_thickness="0.3 mm", face_modulus="70 GPa",
            face_density="2700 kg/m^3", core_density="50 kg/m^3", tip_mass="4 kg", extra_areal_density="1 kg/m^2")


def test_deployed_wing_reduces_to_the_tip_mass_cantilever_with_rigid_hinges():
    """One panel with a rigid hinge is a sandwich cantilever with a tip mass: EI = D b, m' = b (2 rho_f t_f +
    rho_c t_c + extra)."""
    w = structure.deployed_wing_frequency(panel_count=1, core_thickness="20 mm", hinge_stiffness="1e12 N*m/rad",
                                          **WING)
    d = structure.sandwich_bending_stiffness("70 GPa", "0.3 mm", "20 mm").m_as("N*m")
    mpl = 3 * (2 * 2700 * 0.3e-3 + 50 * 0.02 + 1.0)
    ref = structure.tip_mass_cantilever_frequency(d * 3 * u("N*m^2"), "2 m", "4 kg", mpl * 2 * u.kg)
    assert w.mass_per_length.m_as("kg/m") == pytest.approx(mpl)
    assert w.frequency.m_as("Hz") == pytest.approx(ref.m_as("Hz"), rel=1e-6)


def test_deployed_wing_hinge_chain_by_hand():
    """Stiff panels, two hinges (root and mid) of k = 500 N m/rad: J_root = m'(2l)^3/3 + M(2l)^2,
    J_mid = m' l^3/3 + M l^2, and by Dunkerley (2 pi f)^2 = k / (J_root + J_mid). For one panel this is the
    rigid panel on its root spring, f = sqrt(k/J)/(2 pi) with J = m' l^3/3 + M l^2."""
    stiff = dict(WING, face_modulus="1e9 GPa")
    mpl = 3 * (2 * 2700 * 0.3e-3 + 50 * 0.02 + 1.0)
    one = structure.deployed_wing_frequency(panel_count=1, core_thickness="20 mm", hinge_stiffness="500 N*m/rad",
                                            **stiff)
    j1 = mpl * 2 ** 3 / 3 + 4 * 2 ** 2
    assert one.frequency.m_as("Hz") == pytest.approx(
        structure.torsional_spring_frequency("500 N*m/rad", j1 * u("kg*m^2")).m_as("Hz"), rel=1e-6)
    two = structure.deployed_wing_frequency(panel_count=2, core_thickness="20 mm", hinge_stiffness="500 N*m/rad",
                                            **stiff)
    j_root = mpl * 4 ** 3 / 3 + 4 * 4 ** 2
    assert two.hinge_frequency.m_as("Hz") == pytest.approx(math.sqrt(500 / (j_root + j1)) / TWO_PI)


def test_deployed_sweep_panel_count_by_core_thickness_is_one_call():
    """(N, 1) panel counts against (1, M) core thicknesses give an (N, M) table. More panels are floppier; a
    thicker core stiffens the bending term, while its extra mass lowers the hinge term, and Dunkerley's value
    lies below both. The requirement is a decade above a 0.02 Hz ACS bandwidth: 0.2 Hz."""
    n = np.arange(1, 9)[:, None]
    core = np.linspace(5, 50, 6)[None, :] * u.mm
    req = structure.frequency_requirement("0.02 Hz")
    assert req.m_as("Hz") == pytest.approx(0.2)
    w = structure.deployed_wing_frequency(panel_count=n, core_thickness=core, hinge_stiffness="5000 N*m/rad",
                                          required_frequency=req, **WING)
    f = w.frequency.m_as("Hz")
    assert f.shape == (8, 6) and np.shape(w.margin) == (8, 6) and w.feasible.shape == (8, 6)
    assert np.all(np.diff(f, axis=0) < 0)
    assert np.all(np.diff(w.bending_frequency.m_as("Hz"), axis=1) > 0)
    assert np.all(np.diff(w.hinge_frequency.m_as("Hz"), axis=1) < 0)
    assert np.all(f < np.minimum(w.bending_frequency.m_as("Hz"), w.hinge_frequency.m_as("Hz")))
    assert np.array_equal(w.feasible, f >= 0.2)


def test_deployed_requirement_sweeps_against_one_wing():
    """One wing against five ACS bandwidths: the margins are f / (10 B) - 1, each from the one frequency."""
    bandwidth = np.array([0.001, 0.005, 0.01, 0.05, 0.1]) * u.Hz
    w = structure.deployed_wing_frequency(panel_count=4, core_thickness="20 mm", hinge_stiffness="5000 N*m/rad",
                                          required_frequency=structure.frequency_requirement(bandwidth), **WING)
    f = np.atleast_1d(w.frequency.m_as("Hz"))
    assert np.shape(w.margin) == (5,) and w.feasible.shape == (5,)
    assert w.margin == pytest.approx(f / (10 * bandwidth.m_as("Hz")) - 1)
    assert np.array_equal(w.feasible, w.margin >= 0)


def test_stowed_frequencies_against_falcon_minimums():
    """Hand: M = 4000 kg on a massless cylinder R = 0.6 m, t = 4 mm, h = 1.5 m, E = 70 GPa:
    I = pi R^3 t = 2.7143e-3 m^4, lateral f = sqrt(3 EI / (M h^3)) / 2 pi = 60.5 Hz; axial
    f = sqrt((E 2 pi R t / h) / M) / 2 pi = 118.6 Hz; stack 800 kg on 6 tie-downs of 2e6 N/m:
    sqrt(6 x 2e6 / 800) / 2 pi = 19.49 Hz. Falcon requires 10 Hz lateral, 25 Hz axial."""
    r = structure.stowed_frequencies("falcon-9", satellite_mass="4000 kg", cylinder_radius="0.6 m",
                                     cylinder_thickness="4 mm", cg_height="1.5 m", modulus="70 GPa",
                                     stack_mass="800 kg", tie_down_stiffness="2e6 N/m", tie_down_count=6)
    i = math.pi * 0.6 ** 3 * 4e-3
    lat = math.sqrt(3 * 70e9 * i / (4000 * 1.5 ** 3)) / TWO_PI
    ax = math.sqrt(70e9 * 2 * math.pi * 0.6 * 4e-3 / 1.5 / 4000) / TWO_PI
    st = math.sqrt(6 * 2e6 / 800) / TWO_PI
    assert r.lateral.m_as("Hz") == pytest.approx(lat)
    assert r.axial.m_as("Hz") == pytest.approx(ax)
    assert r.stack.m_as("Hz") == pytest.approx(st)
    assert r.margin_lateral == pytest.approx(lat / 10 - 1)
    assert r.first_mode.m_as("Hz") == pytest.approx(min(lat, ax, st))
    assert r.feasible is True
    # a short, stiff stack: the axial mode is the first (h < 1.22 R puts it below the lateral one)
    short = structure.stowed_frequencies("falcon-9", satellite_mass="4000 kg", cylinder_radius="0.6 m",
                                         cylinder_thickness="4 mm", cg_height="0.5 m", modulus="70 GPa",
                                         stack_mass="800 kg", tie_down_stiffness="1e9 N/m", tie_down_count=6)
    assert short.first_mode == short.axial < min(short.lateral, short.stack)
    soft = structure.stowed_frequencies("falcon-9", satellite_mass="4000 kg", cylinder_radius="0.6 m",
                                        cylinder_thickness="4 mm", cg_height="1.5 m", modulus="70 GPa",
                                        stack_mass="800 kg", tie_down_stiffness="1e5 N/m", tie_down_count=6)
    assert soft.feasible is False and "panel-stack" in soft.reasons
