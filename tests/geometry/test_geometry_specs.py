"""Specs: analytic companions against hand derivations, and validation before any cadquery import."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
import textwrap

import numpy as np
import pint
import pytest

from spacedc.geometry import BusSpec, RadiatorPanelSpec, RadiatorWingSpec, SatelliteSpec, SolarArrayWingSpec
from spacedc.units import u


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=60)


def test_import_geometry_does_not_import_cadquery():
    proc = _run("""
        import sys
        from spacedc import geometry
        assert "cadquery" not in sys.modules and "OCP" not in sys.modules, "cadquery imported"
        assert "matplotlib" not in sys.modules, "matplotlib imported"
        print("ok")
    """)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_bad_specs_raise_before_any_cadquery_call():
    """With cadquery made unimportable, every bad spec still raises its own error naming the field."""
    proc = _run("""
        import sys
        sys.modules["cadquery"] = None  # any `import cadquery` now raises ImportError
        sys.modules["OCP"] = None
        from spacedc import geometry as g
        cases = [
            (lambda: g.RadiatorPanelSpec("2 m", "3 m", face_sheet_thickness="0 mm"), "face_sheet_thickness"),
            (lambda: g.RadiatorPanelSpec("2 m", "3 m", core_thickness="-2 mm"), "core_thickness"),
            (lambda: g.RadiatorPanelSpec("2 m", "3 m", pipe_count=10, pipe_pitch="10 mm",
                                         pipe_diameter="12 mm"), "pipe_diameter"),
            (lambda: g.RadiatorPanelSpec("2 m", "3 m", pipe_count=101, pipe_pitch="20 mm"), "pipe_count"),
            (lambda: g.RadiatorPanelSpec("2 m", "3 m", core_thickness="8 mm", pipe_diameter="10 mm"),
             "core_thickness"),
            (lambda: g.make_radiator_panel(g.RadiatorPanelSpec("1 m", "1 m", pipe_count=2, pipe_shape="D",
                                                                  core_thickness="9 mm")), "core_thickness"),
        ]
        for make, field in cases:
            try:
                make()
            except ValueError as exc:
                assert field in str(exc), (field, str(exc))
            else:
                raise AssertionError(f"no error for {field}")
        try:
            g.make_radiator_panel("not a spec")
        except TypeError:
            pass
        assert sys.modules["cadquery"] is None
        print("ok")
    """)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


@pytest.mark.parametrize("fields, field", [
    (dict(face_sheet_thickness="0 mm"), "face_sheet_thickness"),
    (dict(face_sheet_thickness="-0.5 mm"), "face_sheet_thickness"),
    (dict(core_thickness="0 mm"), "core_thickness"),
    (dict(pipe_diameter="25 mm", pipe_pitch="20 mm", pipe_count=10), "pipe_diameter"),  # wider than pitch
    (dict(pipe_diameter="20 mm", pipe_pitch="20 mm", pipe_count=10), "pipe_diameter"),  # touching
    (dict(pipe_count=100, pipe_pitch="21 mm"), "pipe_count"),  # 99 x 21 + 10 = 2089 mm > 2000 mm
    (dict(core_thickness="9 mm"), "core_thickness"),  # thinner than the 10 mm pipe
    (dict(core_thickness="10 mm"), "core_thickness"),  # as thick: pipe tangent to both face sheets
    (dict(pipe_wall_thickness="5 mm"), "pipe_wall_thickness"),
    (dict(manifold_wall_thickness="13 mm"), "manifold_wall_thickness"),
    (dict(lug_count=40), "lug_width"),  # 2 x 40 x 20 mm > 1 m
    (dict(hinge_hole_diameter="20 mm"), "hinge_hole_diameter"),  # > panel thickness 16 mm
    (dict(pipe_shape="square"), "pipe_shape"),
    (dict(pipe_count=0), "pipe_count"),
])
def test_bad_panel_spec_names_the_field(fields, field):
    with pytest.raises(ValueError, match=rf"RadiatorPanelSpec\.{field}"):
        RadiatorPanelSpec(**{"width": "2 m", "length": "1 m", "pipe_diameter": "10 mm", **fields})


def test_units_and_types_are_checked():
    with pytest.raises(TypeError, match="width"):
        RadiatorPanelSpec(2.0, "1 m")
    with pytest.raises(pint.DimensionalityError, match="length"):
        RadiatorPanelSpec("2 kg", "1 m")
    with pytest.raises(TypeError, match="pipe_count"):
        RadiatorPanelSpec("2 m", "1 m", pipe_count=2.5)
    with pytest.raises(ValueError, match="scalar"):
        RadiatorPanelSpec(np.array([1.0, 2.0]) * u.m, "1 m")
    with pytest.raises(ValueError, match="panel_count"):
        RadiatorWingSpec(RadiatorPanelSpec("2 m", "1 m"), panel_count=0)
    with pytest.raises(TypeError, match="panel"):
        RadiatorWingSpec("panel")
    with pytest.raises(ValueError, match="rack_count"):
        BusSpec("1 m", "1 m", "1 m", rack_count=5, rack_width="0.5 m", rack_depth="0.5 m", rack_height="0.5 m")
    with pytest.raises(ValueError, match="boom_wall_thickness"):
        SolarArrayWingSpec("2 m", "10 m", boom_diameter="10 mm", boom_wall_thickness="5 mm")
    with pytest.raises(ValueError, match="kind"):
        SolarArrayWingSpec("2 m", "10 m", kind="inflatable")
    bus, wing, arr = BusSpec("1 m", "1 m", "1 m"), RadiatorWingSpec(RadiatorPanelSpec("2 m", "1 m")), \
        SolarArrayWingSpec("2 m", "10 m")
    with pytest.raises(ValueError, match="radiator_wing_count"):
        SatelliteSpec(bus, wing, arr, radiator_wing_count=-1)
    with pytest.raises(ValueError, match="array_wing_count"):
        SatelliteSpec(bus, wing, arr, array_wing_count=3)  # one per +Y/-Y face
    assert SatelliteSpec(bus, wing, arr, radiator_wing_count=12).radiator_wing_count == 12


def test_strings_and_quantities_give_the_same_spec():
    a = RadiatorPanelSpec("2 m", "300 cm", pipe_count=20, core_thickness="15 mm")
    b = RadiatorPanelSpec(2 * u.m, 3000 * u.mm, pipe_count=20, core_thickness=0.015 * u.m)
    for k, v in a.volume_by_material().items():
        assert v.m_as("m^3") == pytest.approx(b.volume_by_material()[k].m_as("m^3"), rel=1e-12)
    assert a.pipe_pitch.m_as("mm") == pytest.approx(100.0)  # default pitch = width / pipe_count


def test_panel_volumes_by_hand():
    """Hand derivation for W = 2 m, L = 3 m, 20 round pipes d = 10 mm, t = 1 mm, face sheets 0.5 mm,
    core 15 mm, manifold 25 x 1.5 mm, 2 x 2 lugs 30 x 20 mm x 16 mm with 8 mm holes (all in mm^3):
    face sheets 2 x 2000 x 3000 x 0.5 = 6e6; pipes 20 x pi (5^2 - 4^2) x 3000 = 540000 pi;
    core 2000 x 15 x 3000 - 20 x 25 pi x 3000 = 9e7 - 1.5e6 pi; manifold pi (12.5^2 - 11^2) x 2000;
    lugs 4 x 20 x (30 x 16 - 16 pi)."""
    s = RadiatorPanelSpec("2 m", "3 m", pipe_count=20, pipe_diameter="10 mm")
    v = {k: q.m_as("mm^3") for k, q in s.volume_by_material().items()}
    assert v["face_sheet"] == pytest.approx(6e6, rel=1e-12)
    assert v["heat_pipe"] == pytest.approx(540000 * math.pi, rel=1e-12)
    assert v["core"] == pytest.approx(9e7 - 1.5e6 * math.pi, rel=1e-12)
    assert v["manifold"] == pytest.approx(math.pi * (12.5**2 - 11**2) * 2000, rel=1e-12)
    assert v["hinge"] == pytest.approx(80 * (480 - 16 * math.pi), rel=1e-12)
    assert s.radiating_area.m_as("m^2") == pytest.approx(6.0)
    assert s.thickness.m_as("mm") == pytest.approx(16.0)


def test_d_pipe_area_by_hand():
    """A D of width 20 mm: 20 x 10 rectangle + half disc r = 10: 200 + 50 pi; bore with 1 mm wall:
    18 x 9 rectangle + half disc r = 9: 162 + 40.5 pi."""
    s = RadiatorPanelSpec("1 m", "1 m", pipe_count=10, pipe_diameter="20 mm", core_thickness="25 mm",
                          pipe_shape="D")
    outer, bore = s.pipe_areas()
    assert outer == pytest.approx(200 + 50 * math.pi, rel=1e-12)
    assert bore == pytest.approx(162 + 40.5 * math.pi, rel=1e-12)


def test_wing_array_bus_and_satellite_companions():
    panel = RadiatorPanelSpec("2 m", "3 m", pipe_count=8)
    wing = RadiatorWingSpec(panel, panel_count=5)
    assert wing.radiating_area.m_as("m^2") == pytest.approx(30.0)
    assert wing.stack_pitch.m_as("mm") == pytest.approx(25 + 5)  # manifold 25 mm > panel 16 mm, + gap
    flex = SolarArrayWingSpec("2.5 m", "20 m", thickness="1 mm", boom_diameter="100 mm",
                              boom_wall_thickness="0.5 mm", mandrel_radius="75 mm")
    assert flex.array_area.m_as("m^2") == pytest.approx(50.0)
    v = {k: q.m_as("mm^3") for k, q in flex.volume_by_material().items()}
    assert v["blanket"] == pytest.approx(2500 * 20000 * 1.0)
    assert v["boom"] == pytest.approx(2 * math.pi / 4 * (100**2 - 99**2) * 20000)  # two tubes
    r_blanket, _ = flex.roll_radii()  # annulus of the same area as the blanket's section L t
    assert math.pi * (r_blanket**2 - 75**2) == pytest.approx(20000 * 1.0)
    bus = BusSpec("3 m", "2 m", "4 m", wall_thickness="5 mm", rack_count=6, rack_width="0.6 m",
                  rack_depth="0.6 m", rack_height="0.5 m")
    vb = {k: q.m_as("m^3") for k, q in bus.volume_by_material().items()}
    assert vb["structure"] == pytest.approx(3 * 2 * 4 - 2.99 * 1.99 * 3.99)
    assert vb["rack"] == pytest.approx(6 * 0.6 * 0.6 * 0.5)
    assert bus.rack_capacity == 4 * 3 * 7
    sat = SatelliteSpec(bus, wing, flex, radiator_wing_count=2, array_wing_count=1)
    assert sat.radiating_area.m_as("m^2") == pytest.approx(60.0)
    assert sat.array_area.m_as("m^2") == pytest.approx(50.0)
    assert sat.volume_by_material()["core"].m_as("m^3") == pytest.approx(
        10 * panel.volume_by_material()["core"].m_as("m^3"))


def test_from_area_matches_the_requested_area():
    wing = RadiatorWingSpec.from_area("123.4 m^2", 6, "2.4 m", pipe_count=12)
    assert wing.radiating_area.m_as("m^2") == pytest.approx(123.4, rel=1e-12)
    arr = SolarArrayWingSpec.from_area("410 m^2", "4 m", kind="rigid", panel_count=8)
    assert arr.array_area.m_as("m^2") == pytest.approx(410, rel=1e-12)


def test_defaults_are_read_not_copied():
    """field_default returns the class's own default (parsed), and a design's panel defaults are these."""
    from spacedc.designs.spec import ThermalChoices
    from spacedc.geometry import field_default

    assert field_default(RadiatorPanelSpec, "manifold_diameter", "mm") == 25.0
    assert field_default(RadiatorPanelSpec, "lug_count") == 2
    assert field_default(SatelliteSpec, "wing_gap").m_as("mm") == 100.0
    with pytest.raises(ValueError, match="RadiatorPanelSpec.width"):
        field_default(RadiatorPanelSpec, "width")  # required: no default
    design = {f.name: f.default for f in dataclasses.fields(ThermalChoices)}
    for name in ("face_sheet_thickness", "core_thickness", "pipe_diameter", "pipe_wall_thickness"):
        assert u.Quantity(design[name]) == field_default(RadiatorPanelSpec, name), name


def test_radiator_wings_alternate_faces_and_stack_along_z():
    """N wings: even k on +X, odd k on -X, level k // 2; bands L + D_m = 2000 + 25 mm tall, 100 mm apart,
    each face's column centred on z = 0. By hand for N = 5: +X holds 3 (z = -2125, 0, +2125), -X holds 2
    (z = -1062.5, +1062.5); the tallest column is 3 x 2025 + 2 x 100 = 6275 mm."""
    from spacedc.geometry import radiator_wings_per_face

    wing = RadiatorWingSpec(RadiatorPanelSpec("1 m", "2 m", pipe_count=4), panel_count=2)
    sat = SatelliteSpec(BusSpec("2 m", "2 m", "1 m"), wing, SolarArrayWingSpec("2 m", "10 m"),
                        radiator_wing_count=5)
    assert sat.radiator_wing_placements() == [(1.0, -2125.0), (-1.0, -1062.5), (1.0, 0.0), (-1.0, 1062.5),
                                              (1.0, 2125.0)]
    assert sat.radiator_column_height.m_as("mm") == pytest.approx(6275.0)
    assert sat.radiating_area.m_as("m^2") == pytest.approx(5 * 2 * 2.0)
    plus, minus = radiator_wings_per_face(np.arange(5))
    np.testing.assert_array_equal(plus, [0, 1, 1, 2, 2])
    np.testing.assert_array_equal(minus, [0, 0, 1, 1, 2])
    two = dataclasses.replace(sat, radiator_wing_count=2)
    assert two.radiator_wing_placements() == [(1.0, 0.0), (-1.0, 0.0)]  # the two-wing layout of old
    assert two.radiator_column_height.m_as("mm") == pytest.approx(2025.0)
