"""CAD parts: valid solids whose volumes and areas equal the analytic values of their specs.

The CAD volume is OCCT's Gauss integration over the B-rep, an independent computation from the closed-form
volumes of ``volume_by_material`` (themselves checked by hand in test_geometry_specs.py). Tolerance 0.1 %
(the acceptance limit); in practice they agree to ~1e-12, since every surface is a plane or a cylinder.
"""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.cad
cq = pytest.importorskip("cadquery", reason='needs CadQuery: pip install "spacedc[cad]"')

from spacedc.geometry import (  # noqa: E402
    BusSpec,
    RadiatorPanelSpec,
    RadiatorWingSpec,
    SatelliteSpec,
    SolarArrayWingSpec,
    cad_areas,
    cad_volumes,
    make_array_wing,
    make_bus,
    make_radiator_panel,
    make_radiator_wing,
    make_satellite,
)
from spacedc.geometry._shapes import leaves  # noqa: E402

REL = 1e-3  # acceptance: volumes to 0.1 %
AREA_REL = 1e-2  # acceptance: areas to 1 %


def assert_valid_and_volumes_match(assy, analytic):
    for leaf in leaves(assy):
        assert leaf.shape.isValid(), leaf.name
        assert leaf.shape.Solids(), f"{leaf.name} has no solid"
        assert leaf.material in analytic, leaf.name
    cad = cad_volumes(assy)
    analytic = {k: v for k, v in analytic.items() if v.m > 0}
    assert set(cad) == set(analytic)
    for k, v in analytic.items():
        assert cad[k].m_as("m^3") == pytest.approx(v.m_as("m^3"), rel=REL), k


PANELS = {
    "default round": dict(width="2 m", length="3 m", pipe_count=6),
    "D pipes": dict(width="1.2 m", length="1.5 m", pipe_count=5, pipe_shape="D", pipe_diameter="12 mm",
                    core_thickness="14 mm"),
    "10 m x 0.5 m": dict(width="0.5 m", length="10 m", pipe_count=4),
    "0.5 m wide pipes across 10 m": dict(width="10 m", length="0.5 m", pipe_count=8, pipe_pitch="1.2 m",
                                         lug_count=1),
    "2 m x 2 m, 60 D pipes": dict(width="2 m", length="2 m", pipe_count=60, pipe_pitch="33 mm",
                                  pipe_diameter="20 mm", core_thickness="25 mm", pipe_shape="D"),
}


@pytest.mark.parametrize("fields", PANELS.values(), ids=PANELS.keys())
def test_panel_is_valid_and_matches_analytic_volume(fields):
    spec = RadiatorPanelSpec(**fields)
    panel = make_radiator_panel(spec)
    assert_valid_and_volumes_match(panel, spec.volume_by_material())
    by_name = {leaf.name.rsplit("/", 1)[-1]: leaf for leaf in leaves(panel)}
    assert len(by_name["heat_pipes"].shape.Solids()) == spec.pipe_count
    assert len(by_name["hinge_lugs"].shape.Solids()) == 2 * spec.lug_count
    assert cad_areas(panel).radiating_area.m_as("m^2") == pytest.approx(spec.radiating_area.m_as("m^2"),
                                                                        rel=AREA_REL)


def test_pipes_sit_inside_the_panel_and_do_not_touch():
    """Bounding boxes: pipes inside the core (x in [0, W], z within the core); the D pipes' flat side on
    the back face sheet (z = -t_c/2)."""
    spec = RadiatorPanelSpec("1 m", "1 m", pipe_count=4, pipe_shape="D", pipe_diameter="12 mm",
                             core_thickness="20 mm")
    pipes = {leaf.name.rsplit("/", 1)[-1]: leaf.shape for leaf in leaves(make_radiator_panel(spec))}["heat_pipes"]
    boxes = sorted((s.BoundingBox() for s in pipes.Solids()), key=lambda b: b.xmin)
    assert boxes[0].xmin > 0 and boxes[-1].xmax < 1000
    assert all(b.zmin == pytest.approx(-10, abs=1e-6) and b.zmax == pytest.approx(2, abs=1e-3) for b in boxes)
    assert all(a.xmax < b.xmin for a, b in zip(boxes, boxes[1:]))


@pytest.mark.parametrize("state", ["deployed", "stowed"])
def test_wing_places_one_panel_n_times(state):
    spec = RadiatorWingSpec(RadiatorPanelSpec("1 m", "2 m", pipe_count=3), panel_count=4, stow_gap="3 mm")
    wing = make_radiator_wing(spec, state)
    assert_valid_and_volumes_match(wing, spec.volume_by_material())
    cores = [leaf for leaf in leaves(wing) if leaf.material == "core"]
    assert len(cores) == 4
    # copies share the panel's solids (placed, not rebuilt): IsPartner is true for shapes with the same
    # underlying TShape whatever their location (a Python hash of the handle wrapper is not stable)
    first = cores[0].shape.wrapped
    assert all(first.IsPartner(leaf.shape.wrapped) for leaf in cores[1:])
    rebuilt = next(leaf for leaf in leaves(make_radiator_panel(spec.panel)) if leaf.material == "core")
    assert not first.IsPartner(rebuilt.shape.wrapped)
    box = cq.Compound.makeCompound([leaf.shape for leaf in leaves(wing)]).BoundingBox()
    if state == "deployed":
        # root lugs at x = 0 to tip lugs at N (W + e) + e; flat: thickness is the manifold's 25 mm
        assert box.xmin == pytest.approx(0, abs=1e-6)
        assert box.xmax == pytest.approx(spec.deployed_span.m_as("mm"), abs=1e-6)
        assert box.zlen == pytest.approx(25, abs=1e-3)
        assert cad_areas(wing).radiating_area.m_as("m^2") == pytest.approx(spec.radiating_area.m_as("m^2"),
                                                                           rel=AREA_REL)
    else:
        # stack along +X: (N - 1) pitches + the 25 mm manifold; panel width (with lugs) along Z
        assert box.xlen == pytest.approx(3 * spec.stack_pitch.m_as("mm") + 25, abs=1e-3)
        assert box.zlen == pytest.approx(1000 + 2 * 30, abs=1e-3)


@pytest.mark.parametrize("kind", ["flexible", "rigid"])
@pytest.mark.parametrize("state", ["deployed", "stowed"])
def test_array_wing_volumes_and_area(kind, state):
    spec = SolarArrayWingSpec("2 m", "12 m", kind=kind, panel_count=3, thickness="2 mm" if kind == "rigid"
                              else "1 mm")
    wing = make_array_wing(spec, state)
    assert_valid_and_volumes_match(wing, spec.volume_by_material())
    if state == "deployed":
        assert cad_areas(wing).array_area.m_as("m^2") == pytest.approx(spec.array_area.m_as("m^2"), rel=AREA_REL)


def test_flexible_roll_has_the_analytic_radius():
    spec = SolarArrayWingSpec("2 m", "30 m", thickness="1 mm", mandrel_radius="60 mm")
    roll = {leaf.name.rsplit("/", 1)[-1]: leaf.shape for leaf in leaves(make_array_wing(spec, "stowed"))}
    box = roll["blanket"].BoundingBox()
    r_blanket = np.sqrt(60**2 + 30000 * 1 / np.pi)  # pi (R^2 - r^2) = L t
    assert box.zlen == pytest.approx(2 * r_blanket, rel=1e-6)
    assert box.ylen == pytest.approx(2000, rel=1e-9)


def test_bus_racks_inside_the_shell():
    spec = BusSpec("2 m", "1.5 m", "3 m", rack_count=7, rack_width="0.6 m", rack_depth="0.6 m",
                   rack_height="0.8 m")
    bus = make_bus(spec)
    assert_valid_and_volumes_match(bus, spec.volume_by_material())
    racks = [leaf.shape for leaf in leaves(bus) if leaf.material == "rack"][0]
    assert len(racks.Solids()) == 7
    box = racks.BoundingBox()
    assert box.xmin > -1000 + 3 and box.xmax < 1000 - 3 and box.zmin == pytest.approx(-1500 + 3)


@pytest.mark.parametrize("state", ["deployed", "stowed"])
def test_satellite_named_coloured_and_matching(state):
    spec = SatelliteSpec(
        bus=BusSpec("2 m", "2 m", "3 m", rack_count=4),
        radiator=RadiatorWingSpec(RadiatorPanelSpec("1.5 m", "2.5 m", pipe_count=4), panel_count=3),
        array=SolarArrayWingSpec("2 m", "10 m"))
    sat = make_satellite(spec, state)
    assert {child.name for child in sat.children} == {"bus", "radiator_wing_0", "radiator_wing_1",
                                                      "array_wing_0", "array_wing_1"}
    assert all(leaf.color is not None for leaf in leaves(sat))
    assert_valid_and_volumes_match(sat, spec.volume_by_material())
    if state == "deployed":
        areas = cad_areas(sat)
        assert areas.radiating_area.m_as("m^2") == pytest.approx(spec.radiating_area.m_as("m^2"), rel=AREA_REL)
        assert areas.array_area.m_as("m^2") == pytest.approx(spec.array_area.m_as("m^2"), rel=AREA_REL)
        # radiators in the XZ plane (front faces along -Y / +Y), arrays facing +Z
        box = cq.Compound.makeCompound([leaf.shape for leaf in leaves(sat["radiator_wing_0"])]).BoundingBox()
        assert box.ylen == pytest.approx(25, abs=1e-3) and box.xmin == pytest.approx(1000 + 50, abs=1e-6)


def test_bad_state_is_rejected():
    spec = RadiatorWingSpec(RadiatorPanelSpec("1 m", "1 m", pipe_count=2))
    with pytest.raises(ValueError, match="state"):
        make_radiator_wing(spec, "folded")


@pytest.mark.parametrize("state", ["deployed", "stowed"])
@pytest.mark.parametrize("count", [3, 4])
def test_radiator_wings_in_the_xz_plane_stacked_along_z(count, state):
    """N radiator wings alternate on the +X and -X faces, one above the other along Z (geometry.specs).
    By hand (mm): bands L + D_m = 2500 + 25 tall, 100 apart, so two wings on a face are centred at
    z = -/+ 1312.5 and span [-2575, -50] and [50, 2575]; a lone wing on a face spans [-1262.5, 1262.5].
    Every wing stays in the XZ plane (25 mm thick in Y when deployed), roots 50 mm off the 2 m bus."""
    spec = SatelliteSpec(
        bus=BusSpec("2 m", "2 m", "3 m", rack_count=4),
        radiator=RadiatorWingSpec(RadiatorPanelSpec("1.5 m", "2.5 m", pipe_count=4), panel_count=3),
        array=SolarArrayWingSpec("2 m", "10 m"), radiator_wing_count=count)
    sat = make_satellite(spec, state)
    names = {child.name for child in sat.children}
    assert names == {"bus", "array_wing_0", "array_wing_1", *(f"radiator_wing_{k}" for k in range(count))}
    assert_valid_and_volumes_match(sat, spec.volume_by_material())
    bands = {4: [(-2575, -50), (-2575, -50), (50, 2575), (50, 2575)],
             3: [(-2575, -50), (-1262.5, 1262.5), (50, 2575)]}[count]
    boxes = [cq.Compound.makeCompound([leaf.shape for leaf in leaves(sat[f"radiator_wing_{k}"])]).BoundingBox()
             for k in range(count)]
    for k, (box, (z0, z1)) in enumerate(zip(boxes, bands)):
        assert box.zmin == pytest.approx(z0, abs=1e-6) and box.zmax == pytest.approx(z1, abs=1e-6), k
        if k % 2 == 0:
            assert box.xmin == pytest.approx(1050, abs=1e-6)
        else:
            assert box.xmax == pytest.approx(-1050, abs=1e-6)
        if state == "deployed":
            assert box.ylen == pytest.approx(25, abs=1e-3)
    if state == "deployed":
        areas = cad_areas(sat)
        assert areas.radiating_area.m_as("m^2") == pytest.approx(count * 3 * 1.5 * 2.5, rel=AREA_REL)
