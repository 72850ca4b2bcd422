"""Parametric CadQuery parts and assemblies built from the specs of :mod:`geometry.specs`.

CAD is in millimetres (the spec Quantities are converted once, here). Each function validates its spec type
before importing cadquery (the spec itself was validated when it was made), then builds:

- patterns in 2D, extruded once: every heat pipe of a panel comes from one sketch (pushed locations, an
  annulus or a D outline at each) and one extrude; the core is one sketch (the panel section minus the pipe
  outlines) and one extrude; the lug tabs are one pushPoints/rect extrude, drilled by one cut;
- repeated parts built once and placed: a wing adds the same panel assembly at N locations (cadquery copies
  the assembly tree, not the solids); racks are one box moved to every rack location (a compound);
- no fuse: a part's solids touch but are never unioned; an assembly or compound is what gets exported.

Every leaf of an assembly carries ``metadata["material"]`` (used by :func:`geometry.mass_properties`) and
a colour; the outer front face sheet of a radiator panel and the array blanket or panels carry
``metadata["face"] = "radiating"`` or ``"active"`` (used by :func:`geometry.cad_areas`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from spacedc.geometry.specs import BusSpec, RadiatorPanelSpec, RadiatorWingSpec, SatelliteSpec, SolarArrayWingSpec

if TYPE_CHECKING:  # pragma: no cover
    import cadquery as cq

__all__ = [
    "MATERIAL_COLOURS",
    "STATES",
    "make_radiator_panel",
    "make_radiator_wing",
    "make_array_wing",
    "make_bus",
    "make_satellite",
]

STATES = ("deployed", "stowed")

#: Display colour (r, g, b in 0..1) of each material key used by the parts.
MATERIAL_COLOURS: dict[str, tuple[float, float, float]] = {
    "face_sheet": (0.85, 0.87, 0.90),
    "core": (0.85, 0.70, 0.30),
    "heat_pipe": (0.80, 0.45, 0.25),
    "manifold": (0.90, 0.55, 0.15),
    "hinge": (0.30, 0.30, 0.35),
    "blanket": (0.10, 0.15, 0.45),
    "boom": (0.75, 0.75, 0.70),
    "array_panel": (0.15, 0.25, 0.60),
    "structure": (0.70, 0.72, 0.75),
    "rack": (0.20, 0.55, 0.30),
}


def _check(spec: Any, cls: type, state: str | None = None) -> None:
    """Type and state checks, done before cadquery is imported."""
    if not isinstance(spec, cls):
        raise TypeError(f"spec = {spec!r}: expected a {cls.__name__}")
    if state is not None and state not in STATES:
        raise ValueError(f"state = {state!r}: must be 'deployed' or 'stowed'")


def _leaf(cq: Any, assy: cq.Assembly, shape: Any, name: str, material: str, **metadata: Any) -> None:
    if isinstance(shape, cq.Workplane):
        shape = cq.Compound.makeCompound(shape.vals()) if len(shape.vals()) > 1 else shape.val()
    assy.add(shape, name=name, color=cq.Color(*MATERIAL_COLOURS[material]),
             metadata={"material": material, **metadata})


def _section_plane(cq: Any, y0: float) -> cq.Plane:
    """Sketch plane for sections across Y: sketch x -> X, sketch y -> Z; extruding d fills y0 - d..y0."""
    return cq.Plane(origin=(0, y0, 0), xDir=(1, 0, 0), normal=(0, -1, 0))


def _d_outline(cq: Any, width: float, inset: float = 0.0) -> cq.Wire:
    """A D of ``width`` with its flat side on y = 0 (rectangle width x width/2 under a half disc), offset
    inward by ``inset`` (the bore of a D tube of wall ``inset``)."""
    V = cq.Vector
    h, r = width / 2, width / 2 - inset
    pts = [V(-r, inset), V(r, inset), V(r, h), V(0, h + r), V(-r, h)]
    return cq.Wire.assembleEdges([
        cq.Edge.makeLine(pts[0], pts[1]), cq.Edge.makeLine(pts[1], pts[2]),
        cq.Edge.makeThreePointArc(pts[2], pts[3], pts[4]), cq.Edge.makeLine(pts[4], pts[0]),
    ])


def make_radiator_panel(spec: RadiatorPanelSpec) -> cq.Assembly:
    """One radiator panel as an assembly of solids, in mm, in the panel frame of :mod:`geometry.specs`.

    Leaves (material): ``face_sheet_front`` and ``face_sheet_back`` (face_sheet), ``core`` (core),
    ``heat_pipes`` (heat_pipe), ``manifold`` (manifold), ``hinge_lugs`` (hinge). Their volumes equal
    :meth:`RadiatorPanelSpec.volume_by_material`.
    """
    _check(spec, RadiatorPanelSpec)
    import cadquery as cq

    f = spec._mm
    w, l, tf, tc, t = f["width"], f["length"], f["face_sheet_thickness"], f["core_thickness"], f["thickness"]
    d, tw = f["pipe_diameter"], f["pipe_wall_thickness"]
    section = _section_plane(cq, l)

    if spec.pipe_shape == "round":
        at = [(x, 0.0) for x in spec.pipe_centres()]
        pipes = cq.Sketch().push(at).circle(d / 2).push(at).circle(d / 2 - tw, mode="s")
        core = cq.Sketch().push([(w / 2, 0.0)]).rect(w, tc).push(at).circle(d / 2, mode="s")
    else:  # D: flat side on the back face sheet, z = -tc/2
        at = [(x, -tc / 2) for x in spec.pipe_centres()]
        outer, bore = _d_outline(cq, d), _d_outline(cq, d, tw)
        pipes = cq.Sketch().push(at).face(outer).push(at).face(bore, mode="s")
        core = cq.Sketch().push([(w / 2, 0.0)]).rect(w, tc).push(at).face(outer, mode="s")

    e, b, dh, dm = f["lug_length"], f["lug_width"], f["hinge_hole_diameter"], f["manifold_diameter"]
    y_left, y_right = spec.lug_centres()
    tabs = (cq.Workplane(cq.Plane(origin=(0, 0, -t / 2), xDir=(1, 0, 0), normal=(0, 0, 1)))
            .pushPoints([(-e / 2, y) for y in y_left] + [(w + e / 2, y) for y in y_right]).rect(e, b).extrude(t))
    pins = cq.Workplane(section).pushPoints([(-e / 2, 0.0), (w + e / 2, 0.0)]).circle(dh / 2).extrude(l)

    panel = cq.Assembly(name="radiator_panel")
    _leaf(cq, panel, cq.Solid.makeBox(w, l, tf, cq.Vector(0, 0, tc / 2)), "face_sheet_front", "face_sheet",
          face="radiating")
    _leaf(cq, panel, cq.Solid.makeBox(w, l, tf, cq.Vector(0, 0, -tc / 2 - tf)), "face_sheet_back", "face_sheet")
    _leaf(cq, panel, cq.Workplane(section).placeSketch(core).extrude(l), "core", "core")
    _leaf(cq, panel, cq.Workplane(section).placeSketch(pipes).extrude(l), "heat_pipes", "heat_pipe")
    _leaf(cq, panel, cq.Workplane(cq.Plane(origin=(0, -dm / 2, 0), xDir=(0, 1, 0), normal=(1, 0, 0)))
          .circle(dm / 2).circle(dm / 2 - f["manifold_wall_thickness"]).extrude(w), "manifold", "manifold")
    _leaf(cq, panel, tabs.cut(pins), "hinge_lugs", "hinge")
    return panel


def _accordion(cq: Any, n: int, state: str, *, extent: float, pitch: float, offset: float, thickness: float,
               stack_pitch: float) -> list[cq.Location]:
    """Locations of n hinged panels whose own x spans [0, extent] (lugs aside).

    Deployed: panel i translated to x = offset + i pitch, flat. Stowed: panel i turned to stand in the YZ
    plane (-90 deg about Y for even i, +90 deg for odd i: the accordion's alternate turn-over), centred on
    z = 0, at x = thickness/2 + i stack_pitch.
    """
    if state == "deployed":
        return [cq.Location((offset + i * pitch, 0, 0)) for i in range(n)]
    return [cq.Location((thickness / 2 + i * stack_pitch, 0, 0))
            * cq.Location((0, 0, 0), (0, 1, 0), -90 if i % 2 == 0 else 90)
            * cq.Location((-extent / 2, 0, 0)) for i in range(n)]


def make_radiator_wing(spec: RadiatorWingSpec, state: str = "deployed") -> cq.Assembly:
    """An accordion radiator wing in the wing frame: the panel built once and placed N times.

    Children ``panel_0`` ... ``panel_{N-1}``, each a copy of :func:`make_radiator_panel`'s assembly.
    Deployed: flat in the XY plane from the root lugs at x = 0. Stowed: a stack along +X from x = 0
    (see :class:`RadiatorWingSpec`).
    """
    _check(spec, RadiatorWingSpec, state)
    import cadquery as cq

    panel = make_radiator_panel(spec.panel)
    f = spec.panel._mm
    locs = _accordion(cq, spec.panel_count, state, extent=f["width"], pitch=f["width"] + f["lug_length"],
                      offset=f["lug_length"], thickness=max(f["thickness"], f["manifold_diameter"]),
                      stack_pitch=spec.stack_pitch.m_as("mm"))
    wing = cq.Assembly(name="radiator_wing")
    for i, loc in enumerate(locs):
        wing.add(panel, name=f"panel_{i}", loc=loc)
    return wing


def make_array_wing(spec: SolarArrayWingSpec, state: str = "deployed") -> cq.Assembly:
    """A solar array wing in the wing frame (deploys along +X from x = 0, active face +z).

    flexible, deployed: ``blanket`` (x in [0, L], y in [-W/2, W/2]) and ``booms`` (two tubes along its long
    edges). flexible, stowed: the same volumes rolled on a mandrel whose axis runs along Y at x = R (the
    larger roll radius): ``blanket`` roll and ``booms`` (two flattened-boom rolls beside it).
    rigid: ``panel_0`` ... hinged accordion panels, the panel built once and placed.
    """
    _check(spec, SolarArrayWingSpec, state)
    import cadquery as cq

    f = spec._mm
    w, l, t = f["width"], f["length"], f["thickness"]
    wing = cq.Assembly(name="array_wing")
    if spec.kind == "rigid":
        lp, gap = l / spec.panel_count, f["panel_gap"]
        panel = cq.Solid.makeBox(lp, w, t, cq.Vector(0, -w / 2, -t / 2))
        locs = _accordion(cq, spec.panel_count, state, extent=lp, pitch=lp + gap, offset=gap, thickness=t,
                          stack_pitch=t + f["stow_gap"])
        for i, loc in enumerate(locs):
            wing.add(panel, name=f"panel_{i}", loc=loc, color=cq.Color(*MATERIAL_COLOURS["array_panel"]),
                     metadata={"material": "array_panel", "face": "active"})
        return wing

    d, tb, rm = f["boom_diameter"], f["boom_wall_thickness"], f["mandrel_radius"]
    if state == "deployed":
        blanket = cq.Solid.makeBox(l, w, t, cq.Vector(0, -w / 2, -t / 2))
        booms = (cq.Workplane(cq.Plane(origin=(0, 0, 0), xDir=(0, 1, 0), normal=(1, 0, 0)))
                 .pushPoints([(-(w + d) / 2, 0.0), ((w + d) / 2, 0.0)]).circle(d / 2).circle(d / 2 - tb).extrude(l))
    else:
        r_blanket, r_boom = spec.roll_radii()
        xc, strip = max(r_blanket, r_boom), math.pi * (d - tb)

        def roll(r_out: float, y0: float, width: float) -> Any:
            plane = cq.Plane(origin=(xc, y0 + width, 0), xDir=(1, 0, 0), normal=(0, -1, 0))
            return cq.Workplane(plane).circle(r_out).circle(rm).extrude(width).val()

        blanket = roll(r_blanket, -w / 2, w)
        booms = roll(r_boom, 0.0, strip).moved([cq.Location((0, w / 2, 0)), cq.Location((0, -w / 2 - strip, 0))])
    _leaf(cq, wing, blanket, "blanket", "blanket", face="active")
    _leaf(cq, wing, booms, "booms", "boom")
    return wing


def make_bus(spec: BusSpec) -> cq.Assembly:
    """The bus, centred on the origin: ``structure`` (a closed box shell, one cut) and ``racks`` (one box
    placed at every :meth:`BusSpec.rack_centres`, as a compound)."""
    _check(spec, BusSpec)
    import cadquery as cq

    f = spec._mm
    outer = [f["width"], f["depth"], f["height"]]
    inner = [x - 2 * f["wall_thickness"] for x in outer]
    shell = cq.Solid.makeBox(*outer, cq.Vector(*(-x / 2 for x in outer))).cut(
        cq.Solid.makeBox(*inner, cq.Vector(*(-x / 2 for x in inner))))
    bus = cq.Assembly(name="bus")
    _leaf(cq, bus, shell, "structure", "structure")
    if spec.rack_count:
        size = [f["rack_width"], f["rack_depth"], f["rack_height"]]
        rack = cq.Solid.makeBox(*size, cq.Vector(*(-x / 2 for x in size)))
        racks = rack.moved([cq.Location(tuple(map(float, c))) for c in spec.rack_centres()])
        _leaf(cq, bus, racks, "racks", "rack")
    return bus


def make_satellite(spec: SatelliteSpec, state: str = "deployed") -> cq.Assembly:
    """The satellite assembly in the satellite frame (origin at the bus centre, +Z the launch axis).

    Children: ``bus``; ``radiator_wing_0`` ... ``radiator_wing_{N-1}``, alternately on the +X and -X faces
    and stacked along Z on each (:meth:`SatelliteSpec.radiator_wing_placements`), their panel length along
    Z and their panels in the XZ plane when deployed, stacked against the bus face when stowed;
    ``array_wing_0`` (+Y) and ``array_wing_1`` (-Y), active face +Z when deployed. Each wing is built once
    and placed at its root, ``root_offset`` off the bus face.
    """
    _check(spec, SatelliteSpec, state)
    import cadquery as cq

    bus = spec.bus._mm
    off = spec.root_offset.m_as("mm")
    sat = cq.Assembly(name=spec.name)
    sat.add(make_bus(spec.bus), name="bus")
    if spec.radiator_wing_count:
        wing = make_radiator_wing(spec.radiator, state)
        p = spec.radiator.panel._mm
        z0 = -(p["length"] - p["manifold_diameter"]) / 2  # centre the panel (y in [-D_m, L]) on its band
        for k, (s, z) in enumerate(spec.radiator_wing_placements()):
            frame = cq.Plane(origin=(s * (bus["width"] / 2 + off), 0, z + z0), xDir=(s, 0, 0), normal=(0, -s, 0))
            sat.add(wing, name=f"radiator_wing_{k}", loc=cq.Location(frame))
    if spec.array_wing_count:
        wing = make_array_wing(spec.array, state)
        for k in range(spec.array_wing_count):
            s = (1.0, -1.0)[k]
            frame = cq.Plane(origin=(0, s * (bus["depth"] / 2 + off), 0), xDir=(0, s, 0), normal=(0, 0, 1))
            sat.add(wing, name=f"array_wing_{k}", loc=cq.Location(frame))
    return sat
