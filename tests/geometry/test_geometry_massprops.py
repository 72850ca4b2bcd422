"""Mass properties and stowed envelope against textbook formulas and hand derivations."""

from __future__ import annotations

import math

import numpy as np
import pytest

pytestmark = pytest.mark.cad
cq = pytest.importorskip("cadquery", reason='needs CadQuery: pip install "spacedc[cad]"')

from spacedc.units import u  # noqa: E402

from spacedc.geometry import (  # noqa: E402
    BusSpec,
    RadiatorPanelSpec,
    RadiatorWingSpec,
    SatelliteSpec,
    SolarArrayWingSpec,
    make_satellite,
    mass_properties,
    min_enclosing_circle,
    stowed_envelope,
)

RHO = {"face_sheet": "2700 kg/m^3", "core": "50 kg/m^3", "heat_pipe": "2700 kg/m^3", "manifold": "2700 kg/m^3",
       "hinge": "4430 kg/m^3", "blanket": "1500 kg/m^3", "boom": "1600 kg/m^3", "array_panel": "600 kg/m^3",
       "structure": "2700 kg/m^3", "rack": "800 kg/m^3"}  # illustrative densities


def test_box_inertia_matches_the_textbook_formula():
    """Solid cuboid about its centroid: I_xx = m (b^2 + c^2) / 12 etc. (e.g. Meriam & Kraige, Dynamics,
    Appendix B, Table B/4). 0.1 x 0.2 x 0.3 m at 1000 kg/m^3: m = 6 kg, I = (0.065, 0.05, 0.025) kg m^2."""
    box = cq.Solid.makeBox(100, 200, 300, cq.Vector(10, 20, 30))
    mp = mass_properties({"al": box}, {"al": "1000 kg/m^3"})
    assert mp.mass.m_as("kg") == pytest.approx(6.0, rel=1e-12)
    np.testing.assert_allclose(mp.centre_of_mass.m_as("m"), [0.06, 0.12, 0.18], rtol=1e-12)
    np.testing.assert_allclose(mp.inertia.m_as("kg*m^2"), np.diag([0.065, 0.05, 0.025]), rtol=1e-9, atol=1e-15)


def test_two_materials_combine_by_parallel_axis_theorem():
    """Two 0.1 m cubes, centres at (+/-0.5, 0.2, 0) m, densities 1000 and 3000 kg/m^3 (m = 1 and 3 kg).
    Hand derivation: m = 4 kg; c = (1 x 0.5 - 3 x 0.5)/4 = -0.25 m in x, 0.2 m in y. About c, each cube adds
    m a^2/6 (a = 0.1 m) on the diagonal, plus m (|d|^2 E - d d^T) with d its offset from c in x only:
    d = +0.75 (1 kg), -0.25 (3 kg): sum m d^2 = 0.5625 + 0.1875 = 0.75 kg m^2 on I_yy and I_zz; products 0."""
    a = cq.Solid.makeBox(100, 100, 100, cq.Vector(450, 150, -50))
    b = cq.Solid.makeBox(100, 100, 100, cq.Vector(-550, 150, -50))
    mp = mass_properties({"light": a, "heavy": [b]}, {"light": "1000 kg/m^3", "heavy": "3 g/cm^3"})
    assert mp.mass.m_as("kg") == pytest.approx(4.0, rel=1e-12)
    np.testing.assert_allclose(mp.centre_of_mass.m_as("m"), [-0.25, 0.2, 0.0], atol=1e-12)
    own = 4.0 * 0.1**2 / 6
    np.testing.assert_allclose(mp.inertia.m_as("kg*m^2"), np.diag([own, own + 0.75, own + 0.75]), atol=1e-12)
    assert mp.mass_by_material["heavy"].m_as("kg") == pytest.approx(3.0)
    assert mp.to_dict()["mass_heavy_kg"] == pytest.approx(3.0)


def test_products_of_inertia_carry_their_sign():
    """Two 10 mm cubes at (1, 1, 0) m and (-1, -1, 0) m, 1 g each: I_xy = -sum m x y = -0.002 kg m^2."""
    a = cq.Solid.makeBox(10, 10, 10, cq.Vector(995, 995, -5))
    b = cq.Solid.makeBox(10, 10, 10, cq.Vector(-1005, -1005, -5))
    inertia = mass_properties({"x": [a, b]}, {"x": "1000 kg/m^3"}).inertia.m_as("kg*m^2")
    assert inertia[0, 1] == pytest.approx(-0.002, rel=1e-3)
    assert inertia[2, 2] == pytest.approx(0.004, rel=1e-3)


@pytest.fixture(scope="module")
def small_sat():
    return SatelliteSpec(
        bus=BusSpec("2 m", "2 m", "2 m"),
        radiator=RadiatorWingSpec(RadiatorPanelSpec("1.5 m", "3 m", pipe_count=4), panel_count=3),
        array=SolarArrayWingSpec("2 m", "8 m"), array_wing_count=0)


def test_satellite_mass_is_sum_of_density_times_analytic_volume(small_sat):
    mp = mass_properties(make_satellite(small_sat, "deployed"), RHO)
    expected = sum(v.m_as("m^3") * float(RHO[k].split()[0]) for k, v in small_sat.volume_by_material().items())
    assert mp.mass.m_as("kg") == pytest.approx(expected, rel=1e-6)
    com = mp.centre_of_mass.m_as("m")
    assert abs(com[0]) < 1e-9  # the two radiator wings mirror each other through the YZ plane
    inertia = mp.inertia.m_as("kg*m^2")
    np.testing.assert_allclose(inertia, inertia.T, atol=1e-9 * np.abs(inertia).max())
    assert np.all(np.linalg.eigvalsh(inertia) > 0)
    with pytest.raises(ValueError, match="hinge"):
        mass_properties(make_satellite(small_sat, "deployed"), {k: v for k, v in RHO.items() if k != "hinge"})


def test_stowed_envelope_of_a_box_and_a_cylinder():
    """Box 1 x 2 x 0.5 m centred: exact radius about Z = sqrt(0.5^2 + 1^2) m; cylinder r = 0.3 m, h = 0.8 m
    on an axis at x = 1 m: 1.3 m about the origin, 0.3 m about the fitted centre. The bound is between the
    exact value and exact + tolerance (see stowed_envelope's Notes)."""
    box = cq.Workplane().box(1000, 2000, 500)
    env = stowed_envelope(box)
    tol = env.tolerance.m_as("m")
    assert math.hypot(0.5, 1.0) <= env.radius.m_as("m") <= math.hypot(0.5, 1.0) + tol + 1e-12
    assert 0.5 <= env.height.m_as("m") <= 0.5 + 2 * tol + 1e-12
    cyl = cq.Workplane().center(1000, 0).circle(300).extrude(800)
    env = stowed_envelope(cyl, tolerance="1 mm")
    assert 1.3 <= env.radius.m_as("m") <= 1.301 + 1e-12
    fit = stowed_envelope(cyl, centre="fit", tolerance="1 mm")
    assert 0.3 - 1e-3 <= fit.radius.m_as("m") <= 0.301 + 1e-12  # fitted to nodes within 1 mm of the arc
    np.testing.assert_allclose(fit.centre.m_as("m"), [1.0, 0.0, 0.4], atol=1e-3)
    assert stowed_envelope(cyl, axis="X", tolerance="1 mm").height.m_as("m") == pytest.approx(0.6, abs=2.1e-3)


def test_min_enclosing_circle_known_cases():
    # square corners: circumscribed circle; a triangle with an obtuse angle: circle on its longest side
    c, r = min_enclosing_circle([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1]])
    np.testing.assert_allclose(c, [1, 1])
    assert r == pytest.approx(math.sqrt(2))
    c, r = min_enclosing_circle([[0, 0], [10, 0], [5, 1]])
    np.testing.assert_allclose(c, [5, 0])
    assert r == pytest.approx(5)
    pts = np.random.default_rng(1).normal(size=(2000, 2))
    c, r = min_enclosing_circle(pts)
    assert np.all(np.linalg.norm(pts - c, axis=1) <= r * (1 + 1e-9))


def test_stowed_satellite_envelope_by_hand():
    """Stowed radiator stacks on the +/-X faces. Hand derivation (mm): the stack starts at
    x0 = 1000 + 50 (bus half width + root offset); panel i centre at x0 + 25/2 + i s, s = 25 + 5
    (manifold 25 mm > panel 16 mm). Farthest points: the last panel's lug corners at
    (x0 + 12.5 + 2 s + 8, W/2 + e) = (1130.5, 780) and manifold (x0 + 2 s + 25, 750) = (1135, 750);
    bus corner (1000, 500). Height: panel length + manifold, 3025 mm, above the 2 m bus."""
    spec = SatelliteSpec(
        bus=BusSpec("2 m", "1 m", "2 m"),
        radiator=RadiatorWingSpec(RadiatorPanelSpec("1.5 m", "3 m", pipe_count=4), panel_count=3),
        array=SolarArrayWingSpec("2 m", "8 m"), array_wing_count=0)
    env = stowed_envelope(make_satellite(spec, "stowed"))
    tol = env.tolerance.m_as("mm")
    exact = max(math.hypot(1130.5, 780), math.hypot(1135, 750), math.hypot(1000, 500))
    assert exact <= env.radius.m_as("mm") <= exact + tol + 1e-9
    assert 3025 <= env.height.m_as("mm") <= 3025 + 2 * tol + 1e-9
    assert stowed_envelope(make_satellite(spec, "stowed"), centre="fit").radius <= env.radius


def test_bad_inputs_are_named():
    box = cq.Workplane().box(10, 10, 10)
    with pytest.raises(ValueError, match="axis"):
        stowed_envelope(box, axis="W")
    with pytest.raises(ValueError, match="centre"):
        stowed_envelope(box, centre="middle")
    with pytest.raises(TypeError, match="densities"):
        mass_properties({"al": box}, 2700)
    with pytest.raises(TypeError, match=r"densities\['al'\]"):
        mass_properties({"al": box}, {"al": 2700.0})
    with pytest.raises(ValueError, match="no material"):
        mass_properties(cq.Assembly(box, name="anonymous"), {"al": "2700 kg/m^3"})


def test_lumped_masses_combine_by_the_parallel_axis_theorem_by_hand():
    """A 2 kg point mass at (1, 0, 0) m and a 6 kg uniform box 0.2 x 0.4 x 0.6 m centred at (-1, 0, 0.5) m.
    Hand derivation: the box about its centre, m/12 (b^2 + c^2, a^2 + c^2, a^2 + b^2) = (0.26, 0.20, 0.10)
    kg m^2; m = 8 kg, c = (2 x 1 - 6 x 1, 0, 6 x 0.5) / 8 = (-0.5, 0, 0.375) m. About the origin, the point
    adds (0, 2, 2) and the box 6 (|r|^2 - x^2, |r|^2, |r|^2 - z^2) = (1.5, 7.5, 6) with I_xz = -6 (-1)(0.5) = 3;
    back to c, minus 8 (|c|^2 E - c c^T) = 8 (0.140625, 0.390625, 0.25), I_xz + 8 (-0.5)(0.375):
    I = (1.76 - 1.125, 9.7 - 3.125, 8.1 - 2) = (0.635, 6.575, 6.1), I_xz = 3 - 1.5 = 1.5 kg m^2."""
    from spacedc.geometry import MassElement, combine_masses, mass_groups

    expected = np.array([[0.635, 0, 1.5], [0, 6.575, 0], [1.5, 0, 6.1]])
    point = MassElement.point("tank", "2 kg", [1.0, 0.0, 0.0] * u.m)
    box = MassElement.box("battery", "6 kg", [-1.0, 0.0, 0.5] * u.m, [0.2, 0.4, 0.6] * u.m)
    np.testing.assert_allclose(box.inertia.m_as("kg*m^2"), np.diag([0.26, 0.20, 0.10]), atol=1e-15)
    total = combine_masses([point, box])
    assert total.mass.m_as("kg") == pytest.approx(8.0, rel=1e-15)
    np.testing.assert_allclose(total.centre_of_mass.m_as("m"), [-0.5, 0.0, 0.375], atol=1e-15)
    np.testing.assert_allclose(total.inertia.m_as("kg*m^2"), expected, atol=1e-12)
    # the same box as a CAD solid (125 kg/m^3 x 0.048 m^3 = 6 kg), measured by OCCT, gives the same tensor
    solid = cq.Solid.makeBox(200, 400, 600, cq.Vector(-1100, -200, 200))
    groups = mass_groups({"al": solid}, {"al": "125 kg/m^3"}, {"box": ("al",)})
    assert groups["box"].kind == "solid" and groups["box"].mass.m_as("kg") == pytest.approx(6.0, rel=1e-12)
    np.testing.assert_allclose(combine_masses([point, groups["box"]]).inertia.m_as("kg*m^2"), expected, atol=1e-9)
    # scaled: the same distribution carrying another mass, inertia in proportion
    half = box.scaled("3 kg", "half")
    np.testing.assert_allclose(half.inertia.m_as("kg*m^2"), np.diag([0.13, 0.10, 0.05]), atol=1e-15)
    np.testing.assert_allclose(half.centre_of_mass.m_as("m"), [-1.0, 0.0, 0.5])


def test_mass_groups_cover_every_material(small_sat):
    from spacedc.geometry import combine_masses, mass_groups

    sat = make_satellite(small_sat, "deployed")
    groups = {"radiator": ("face_sheet", "core", "heat_pipe", "manifold", "hinge"), "bus": ("structure",),
              "array": ("blanket", "boom"), "racks": ("rack",)}
    parts = mass_groups(sat, RHO, groups)
    assert set(parts) == {"radiator", "bus"}  # no array wings and no racks in small_sat
    whole = mass_properties(sat, RHO)
    total = combine_masses(parts.values())
    assert total.mass.m_as("kg") == pytest.approx(whole.mass.m_as("kg"), rel=1e-12)
    np.testing.assert_allclose(total.centre_of_mass.m_as("m"), whole.centre_of_mass.m_as("m"), atol=1e-9)
    np.testing.assert_allclose(total.inertia.m_as("kg*m^2"), whole.inertia.m_as("kg*m^2"),
                               rtol=1e-9, atol=1e-9 * np.abs(whole.inertia.m_as("kg*m^2")).max())
    with pytest.raises(ValueError, match="in no group"):
        mass_groups(sat, RHO, {"radiator": groups["radiator"]})
    with pytest.raises(ValueError, match="both"):
        mass_groups(sat, RHO, {**groups, "again": ("rack",)})


def test_copies_measured_once_equal_each_copy_measured_in_place():
    """A part placed N times is integrated once and moved (c = R c' + t, J = R J' R^T): the same as OCCT's
    integration of every placed copy where it stands, here on the stowed wings turned by +/-90 deg."""
    from OCP.BRepGProp import BRepGProp
    from OCP.GProp import GProp_GProps

    from spacedc.geometry._shapes import leaves

    spec = SatelliteSpec(
        bus=BusSpec("2 m", "2 m", "1 m", rack_count=2),
        radiator=RadiatorWingSpec(RadiatorPanelSpec("1 m", "1.5 m", pipe_count=3), panel_count=3),
        array=SolarArrayWingSpec("1.5 m", "6 m"), radiator_wing_count=3)
    sat = make_satellite(spec, "stowed")
    mp = mass_properties(sat, RHO)
    props = GProp_GProps()
    for leaf in leaves(sat):
        one = GProp_GProps()
        BRepGProp.VolumeProperties_s(leaf.shape.wrapped, one)
        props.Add(one, float(RHO[leaf.material].split()[0]) * 1e-9)  # kg/mm^3
    c = props.CentreOfMass()
    np.testing.assert_allclose(mp.centre_of_mass.m_as("mm"), [c.X(), c.Y(), c.Z()], rtol=1e-9, atol=1e-6)
    m = props.MatrixOfInertia()  # about the centre of mass
    direct = np.array([[m.Value(i, j) for j in (1, 2, 3)] for i in (1, 2, 3)]) * 1e-6  # kg m^2
    np.testing.assert_allclose(mp.inertia.m_as("kg*m^2"), direct, rtol=1e-9, atol=1e-9 * np.abs(direct).max())
    assert mp.mass.m_as("kg") == pytest.approx(props.Mass(), rel=1e-12)
