"""Spec dataclasses for the CAD parts, with the analytic volumes and areas the CAD must reproduce.

Every spec is a frozen dataclass of Quantities (strings such as ``"2 m"`` are accepted and parsed). It is
validated in ``__post_init__``, so a bad spec raises :class:`ValueError` naming the field *before* any
CadQuery call (this module never imports cadquery). Geometry is one design, not a sweep: every length must
be a scalar. Default dimensions are illustrative placeholders (a plausible honeycomb panel), not sized or
sourced values: ``designs`` passes the sized ones. They are the only copy: a design's ``[thermal]`` section
takes its panel-construction defaults (face sheets, core, heat pipes) from :class:`RadiatorPanelSpec`, and
``designs`` reads the detail dimensions it does not expose (manifold, lugs, stow gaps, array rolls, racks)
with :func:`field_default`.

The analytic companions (``volume_by_material``, ``radiating_area``, ``array_area``) are exact for the
shapes that :mod:`geometry.parts` builds, so the CAD can be checked against them and ``designs`` can size
from them without building CAD.

Frames and conventions (the same in :mod:`geometry.parts`):

- A radiator panel lies in its XY plane: width ``W`` along X (x in [0, W]), length ``L`` along Y
  (y in [0, L]), mid-plane z = 0, front face sheet on +z. Heat pipes run along Y at a pitch across X,
  centred in the width; the manifold runs along X just outside the y = 0 edge; hinge lugs stick out of the
  x = 0 and x = W edges (their hole axes, the hinge lines, run along Y).
- A wing deploys along +X from its root hinge at x = 0; deployed panels lie flat in the XY plane with their
  front (radiating or active) face on +z. Stowed, the package sits at x >= 0 beside the root.
- The satellite frame: origin at the bus centre, +Z the launch axis, radiator wings along +X and -X
  (panels in the XZ plane, edge-on to a Sun on the Z axis), array wings along +Y and -Y (blankets in the
  XY plane, facing +Z).

Radiator wing layout (:meth:`SatelliteSpec.radiator_wing_placements`, the same for the CAD and for the
analytic envelope of ``designs``). Every radiator wing lies in the XZ plane: the plane that holds the Sun
(+Z) and nadir (X) in the edge-on attitude the thermal sizing assumes (``thermal.orientation =
"edge-on"``). So every wing is edge-on to the Sun and to Earth, as sized, and no wing sees another:
coplanar surfaces have no view of each other, so each panel face still radiates to open space alone.
(Wings at equal angles around the launch axis would stay edge-on to the Sun, but those off the XZ plane
would face Earth and look into their neighbours, which the sizing does not model.) Wing k goes on the +X
face for even k and the -X face for odd k (ceil(N/2) and floor(N/2) wings); the wings of one face stand
one above the other along Z, each a band as tall as its panels with their manifold (L + D_m), ``wing_gap``
apart, the column centred on z = 0. Deployed, a wing unfolds along X in its own band; stowed, it folds to
an accordion stack against the bus face in the same band. Any count can be built; more than two wings
make the stowed column taller, which the fairing check then sees.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np

from spacedc.units import Q_, parse_quantity, quantity, si

__all__ = [
    "field_default",
    "radiator_wings_per_face",
    "RadiatorPanelSpec",
    "RadiatorWingSpec",
    "SolarArrayWingSpec",
    "BusSpec",
    "SatelliteSpec",
    "PIPE_SHAPES",
    "ARRAY_KINDS",
    "MAX_ARRAY_WINGS",
]

PIPE_SHAPES = ("round", "D")
ARRAY_KINDS = ("flexible", "rigid")
_TEXT_FIELDS = ("pipe_shape", "kind", "name")  # string fields that are names, not quantities


def field_default(cls: type, name: str, unit: str | None = None) -> Any:
    """The default of field ``name`` of spec class ``cls``: a Quantity (a string default parsed), or, with
    ``unit``, its magnitude in that unit as a float; counts and names as they are.

    Other packages read the geometry's detail dimensions here instead of copying them (``designs`` does for
    its analytic stowed envelope and its launch checks).
    """
    fields = {f.name: f for f in dataclasses.fields(cls)}
    if name not in fields or fields[name].default is dataclasses.MISSING:
        raise ValueError(f"{cls.__name__}.{name}: no such field with a default")
    value = fields[name].default
    if isinstance(value, str) and name not in _TEXT_FIELDS:
        value = parse_quantity(value, f"{cls.__name__}.{name}")
    return float(value.m_as(unit)) if unit is not None else value


def radiator_wings_per_face(count: Any) -> tuple[Any, Any]:
    """Radiator wings on the +X and on the -X bus face, ceil(N/2) and floor(N/2) (integers; broadcasts)."""
    n = np.asarray(count)
    return (n + 1) // 2, n // 2


def _length(spec: Any, name: str, *, positive: bool = True) -> float:
    """Validate field ``name`` of ``spec`` as a scalar length (> 0, or >= 0 if not ``positive``); store it
    as a Quantity; return it in mm."""
    value = getattr(spec, name)
    label = f"{type(spec).__name__}.{name}"
    if isinstance(value, str):
        value = parse_quantity(value, label)
    x = si(value, "mm", label, lo=0.0, lo_open=positive)
    if x.ndim:
        raise ValueError(f"{label} = {value}: must be a scalar (a CAD spec describes one design)")
    object.__setattr__(spec, name, value)
    return float(x)


def _count(spec: Any, name: str, *, lo: int = 1, hi: int | None = None) -> int:
    """Validate field ``name`` of ``spec`` as an integer count in [lo, hi]."""
    value = getattr(spec, name)
    label = f"{type(spec).__name__}.{name}"
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{label} = {value!r}: expected an integer")
    if value < lo or (hi is not None and value > hi):
        bound = f"between {lo} and {hi}" if hi is not None else f">= {lo}"
        raise ValueError(f"{label} = {value}: must be {bound}")
    object.__setattr__(spec, name, int(value))
    return int(value)


def _choice(spec: Any, name: str, options: tuple[str, ...]) -> str:
    value = getattr(spec, name)
    if value not in options:
        raise ValueError(f"{type(spec).__name__}.{name} = {value!r}: must be one of {', '.join(options)}")
    return value


def _fail(spec: Any, name: str, message: str) -> None:
    raise ValueError(f"{type(spec).__name__}.{name} = {getattr(spec, name)}: {message}")


def _m3(mm3: float) -> Any:
    return quantity(mm3 * 1e-9, "m^3")


def _scale(volumes: dict[str, Any], factor: int) -> dict[str, Any]:
    return {k: v * factor for k, v in volumes.items()} if factor else {}


def _add(*parts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in parts:
        for k, v in part.items():
            out[k] = out[k] + v if k in out else v
    return out


def _tube_area(d: float, wall: float) -> float:
    """Cross-section of a round tube of outer diameter d and wall thickness ``wall``: pi t (d - t)."""
    return math.pi * wall * (d - wall)


@dataclasses.dataclass(frozen=True)
class RadiatorPanelSpec:
    """One radiator panel: two face sheets on a honeycomb core with embedded heat pipes.

    Parameters
    ----------
    width : Quantity [length]
        Panel width across the heat pipes (X; the hinge lines run along the other edges' direction, Y).
    length : Quantity [length]
        Panel length along the heat pipes (Y).
    pipe_count : int
        Number of heat pipes, running along the length, centred across the width.
    pipe_pitch : Quantity [length], optional
        Centre-to-centre pipe spacing; default ``width / pipe_count``.
    pipe_diameter : Quantity [length]
        Outer diameter of a round pipe, or flat width (= height) of a D-shaped pipe.
    pipe_wall_thickness : Quantity [length]
        Pipe wall thickness; the bore is empty (vapour space).
    pipe_shape : {"round", "D"}
        Round tubes on the mid-plane, or D tubes with their flat side on the back face sheet. A D of width d
        is a d x d/2 rectangle under a half disc of diameter d; its area is d^2/2 + pi d^2/8.
    face_sheet_thickness, core_thickness : Quantity [length]
        Each face sheet, and the core between them (it must exceed the pipe height).
    manifold_diameter, manifold_wall_thickness : Quantity [length]
        Tube along the y = 0 edge, as long as the panel is wide.
    lug_count : int
        Hinge lugs on each side edge (x = 0 and x = W), interleaved so that a neighbour's lugs fit between.
    lug_length, lug_width : Quantity [length]
        How far a lug sticks out of the edge (X), and its width along the edge (Y). Lug height is the
        panel thickness.
    hinge_hole_diameter : Quantity [length]
        Pin hole through each lug, on the hinge line (along Y, mid-plane, lug_length/2 out of the edge).
    """

    width: Any
    length: Any
    pipe_count: int = 10
    pipe_pitch: Any = None
    pipe_diameter: Any = "12.7 mm"
    pipe_wall_thickness: Any = "1 mm"
    pipe_shape: str = "round"
    face_sheet_thickness: Any = "0.5 mm"
    core_thickness: Any = "15 mm"
    manifold_diameter: Any = "25 mm"
    manifold_wall_thickness: Any = "1.5 mm"
    lug_count: int = 2
    lug_length: Any = "30 mm"
    lug_width: Any = "20 mm"
    hinge_hole_diameter: Any = "8 mm"

    def __post_init__(self) -> None:
        w, l = _length(self, "width"), _length(self, "length")
        n = _count(self, "pipe_count")
        if self.pipe_pitch is None:
            object.__setattr__(self, "pipe_pitch", Q_(w / n, "mm").to(getattr(self.width, "units", "mm")))
        p = _length(self, "pipe_pitch")
        d, tw = _length(self, "pipe_diameter"), _length(self, "pipe_wall_thickness")
        _choice(self, "pipe_shape", PIPE_SHAPES)
        _length(self, "face_sheet_thickness")
        tc = _length(self, "core_thickness")
        dm, tm = _length(self, "manifold_diameter"), _length(self, "manifold_wall_thickness")
        nl = _count(self, "lug_count")
        e, b, dh = _length(self, "lug_length"), _length(self, "lug_width"), _length(self, "hinge_hole_diameter")
        if 2 * tw >= d:
            _fail(self, "pipe_wall_thickness", f"must be less than half of pipe_diameter = {self.pipe_diameter}")
        if d >= p:
            _fail(self, "pipe_diameter", f"heat pipes must be narrower than their pitch, pipe_pitch = "
                                         f"{self.pipe_pitch:.4g}")
        if (n - 1) * p + d >= w:
            _fail(self, "pipe_count", f"{n} pipes at pipe_pitch = {self.pipe_pitch:.4g} with pipe_diameter = "
                                      f"{self.pipe_diameter} span {(n - 1) * p + d:.6g} mm, which does not fit "
                                      f"inside width = {self.width}")
        if tc <= d:
            _fail(self, "core_thickness", f"must be greater than the pipe height, pipe_diameter = "
                                          f"{self.pipe_diameter}, so that the pipes sit inside the core")
        if 2 * tm >= dm:
            _fail(self, "manifold_wall_thickness",
                  f"must be less than half of manifold_diameter = {self.manifold_diameter}")
        if l <= self.shortest_length_mm(nl, b):
            _fail(self, "lug_width", f"{nl} lugs on each edge, interleaved with a neighbour's, need "
                                     f"2 x {nl} x lug_width < length = {self.length}")
        if dh >= min(e, self._mm["thickness"]):
            _fail(self, "hinge_hole_diameter", f"must be less than lug_length = {self.lug_length} and the "
                                               f"panel thickness {self.thickness:.4g}")

    @staticmethod
    def shortest_length_mm(lug_count: int | None = None, lug_width_mm: float | None = None) -> float:
        """Length a panel must exceed to hold its hinge lugs, 2 n_lug b [mm] (the lugs of two neighbours
        interleave along each hinge line); the defaults are those of the class."""
        n = field_default(RadiatorPanelSpec, "lug_count") if lug_count is None else lug_count
        b = field_default(RadiatorPanelSpec, "lug_width", "mm") if lug_width_mm is None else lug_width_mm
        return 2.0 * n * b

    @property
    def _mm(self) -> dict[str, float]:
        """Every length in mm (the CAD unit)."""
        f = {k: float(si(getattr(self, k), "mm", k)) for k in (
            "width", "length", "pipe_pitch", "pipe_diameter", "pipe_wall_thickness", "face_sheet_thickness",
            "core_thickness", "manifold_diameter", "manifold_wall_thickness", "lug_length", "lug_width",
            "hinge_hole_diameter")}
        f["thickness"] = f["core_thickness"] + 2 * f["face_sheet_thickness"]
        return f

    @property
    def thickness(self) -> Any:
        """Panel thickness: core plus two face sheets [length]."""
        return quantity(self._mm["thickness"], "mm")

    @property
    def radiating_area(self) -> Any:
        """Planform area of one face, width x length [m^2] (manifold and lugs excluded)."""
        f = self._mm
        return quantity(f["width"] * f["length"] * 1e-6, "m^2")

    def pipe_areas(self) -> tuple[float, float]:
        """Outer and bore cross-section areas of one pipe [mm^2].

        Round: pi d^2/4 and pi (d - 2t)^2/4. D: d^2/2 + pi d^2/8 outside; the bore is the D offset inward
        by the wall, (d - 2t)(d/2 - t) + pi (d/2 - t)^2/2.
        """
        f = self._mm
        d, t = f["pipe_diameter"], f["pipe_wall_thickness"]
        if self.pipe_shape == "round":
            return math.pi * d**2 / 4, math.pi * (d - 2 * t) ** 2 / 4
        return d * d / 2 + math.pi * d**2 / 8, (d - 2 * t) * (d / 2 - t) + math.pi * (d / 2 - t) ** 2 / 2

    def volume_by_material(self) -> dict[str, Any]:
        """Solid volume of each material [m^3], exact for the CAD of :func:`geometry.make_radiator_panel`.

        face_sheet = 2 W L t_f; core = (W t_c - n A_o) L; heat_pipe = n (A_o - A_i) L;
        manifold = pi t_m (D_m - t_m) W; hinge = 2 n_lug b (e h - pi d_h^2/4), with h the panel thickness.
        """
        f = self._mm
        w, l, n = f["width"], f["length"], self.pipe_count
        a_out, a_in = self.pipe_areas()
        return {
            "face_sheet": _m3(2 * w * l * f["face_sheet_thickness"]),
            "core": _m3((w * f["core_thickness"] - n * a_out) * l),
            "heat_pipe": _m3(n * (a_out - a_in) * l),
            "manifold": _m3(_tube_area(f["manifold_diameter"], f["manifold_wall_thickness"]) * w),
            "hinge": _m3(2 * self.lug_count * f["lug_width"]
                         * (f["lug_length"] * f["thickness"] - math.pi * f["hinge_hole_diameter"] ** 2 / 4)),
        }

    def pipe_centres(self) -> np.ndarray:
        """x of each pipe centre [mm], centred across the width."""
        f = self._mm
        return f["width"] / 2 + (np.arange(self.pipe_count) - (self.pipe_count - 1) / 2) * f["pipe_pitch"]

    def lug_centres(self) -> tuple[np.ndarray, np.ndarray]:
        """y of the lug centres on the x = 0 edge and on the x = W edge [mm] (interleaved by L/(2 n))."""
        k = np.arange(self.lug_count)
        l = self._mm["length"]
        return l * (k + 0.75) / self.lug_count, l * (k + 0.25) / self.lug_count


@dataclasses.dataclass(frozen=True)
class RadiatorWingSpec:
    """An accordion wing of identical radiator panels hinged along their side edges.

    Parameters
    ----------
    panel : RadiatorPanelSpec
        The panel, built once and placed ``panel_count`` times.
    panel_count : int
        Panels in the wing.
    stow_gap : Quantity [length]
        Clearance between neighbouring panels in the stowed stack.

    Deployed, panel i sits at x = e + i (W + e) (e = lug_length: each hinge line is mid-gap, and the lugs of
    both neighbours fill the gap, interleaved). Stowed, the panels stand in the YZ plane, stacked along +X
    at a pitch s = max(panel thickness, manifold diameter) + stow_gap, odd panels turned over as in an
    accordion fold (a stack representation: the hinge pins are not kept coaxial when stowed).
    """

    panel: RadiatorPanelSpec
    panel_count: int = 4
    stow_gap: Any = "5 mm"

    def __post_init__(self) -> None:
        if not isinstance(self.panel, RadiatorPanelSpec):
            raise TypeError(f"RadiatorWingSpec.panel = {self.panel!r}: expected a RadiatorPanelSpec")
        _count(self, "panel_count")
        _length(self, "stow_gap", positive=False)

    @classmethod
    def from_area(cls, radiating_area: Any, panel_count: int, panel_width: Any, **panel_fields: Any
                  ) -> RadiatorWingSpec:
        """A wing of ``panel_count`` panels of ``panel_width`` whose length makes up ``radiating_area``.

        L = A / (N W); ``panel_fields`` go to :class:`RadiatorPanelSpec` (pipe_count, thicknesses...).
        """
        area = float(si(radiating_area, "m^2", "radiating_area", lo=0, lo_open=True))
        width = float(si(panel_width, "m", "panel_width", lo=0, lo_open=True))
        if isinstance(panel_count, bool) or not isinstance(panel_count, (int, np.integer)) or panel_count < 1:
            raise ValueError(f"panel_count = {panel_count!r}: must be an integer >= 1")
        length = quantity(area / (panel_count * width), "m")
        panel = RadiatorPanelSpec(width=quantity(width, "m"), length=length, **panel_fields)
        return cls(panel=panel, panel_count=int(panel_count))

    @property
    def radiating_area(self) -> Any:
        """Deployed planform area of one face, N W L [m^2]."""
        return self.panel.radiating_area * self.panel_count

    def volume_by_material(self) -> dict[str, Any]:
        """Solid volume per material [m^3]: the panel's, times the panel count."""
        return _scale(self.panel.volume_by_material(), self.panel_count)

    @property
    def stack_pitch(self) -> Any:
        """Stowed pitch between panels, max(thickness, manifold diameter) + stow_gap [length]."""
        f = self.panel._mm
        return quantity(max(f["thickness"], f["manifold_diameter"]) + float(si(self.stow_gap, "mm", "stow_gap")),
                        "mm")

    @property
    def deployed_span(self) -> Any:
        """Deployed extent along X from the root lugs (x = 0) to the tip lugs, N (W + e) + e [length]."""
        f = self.panel._mm
        return quantity(self.panel_count * (f["width"] + f["lug_length"]) + f["lug_length"], "mm")


@dataclasses.dataclass(frozen=True)
class SolarArrayWingSpec:
    """A solar array wing: a flexible roll-out blanket on two booms, or rigid hinged panels.

    Parameters
    ----------
    width : Quantity [length]
        Blanket (or panel) width, across the deploy direction.
    length : Quantity [length]
        Active length along the deploy direction (rigid: the sum of the panel lengths).
    kind : {"flexible", "rigid"}
        ``flexible``: a blanket of ``thickness`` between two tubular booms along its long edges (as on
        roll-out arrays); stowed, blanket and flattened booms are rolled on a mandrel of ``mandrel_radius``
        (the roll's annulus holds the same volume, R_out = sqrt(r_m^2 + L t / pi); a boom flattens to a
        strip pi (d - t_b) wide). ``rigid``: ``panel_count`` panels of ``thickness`` with ``panel_gap``
        between them (and at the root), accordion-stowed like a radiator wing.
    thickness : Quantity [length]
        Blanket thickness (flexible) or panel thickness (rigid).
    boom_diameter, boom_wall_thickness, mandrel_radius : Quantity [length]
        Flexible only.
    panel_count : int
        Rigid only.
    panel_gap, stow_gap : Quantity [length]
        Rigid only: gap between deployed panels, and clearance between stowed panels.
    """

    width: Any
    length: Any
    kind: str = "flexible"
    thickness: Any = "1 mm"
    boom_diameter: Any = "100 mm"
    boom_wall_thickness: Any = "0.5 mm"
    mandrel_radius: Any = "75 mm"
    panel_count: int = 4
    panel_gap: Any = "20 mm"
    stow_gap: Any = "5 mm"

    def __post_init__(self) -> None:
        _length(self, "width")
        _length(self, "length")
        _choice(self, "kind", ARRAY_KINDS)
        _length(self, "thickness")
        d, t = _length(self, "boom_diameter"), _length(self, "boom_wall_thickness")
        _length(self, "mandrel_radius")
        _count(self, "panel_count")
        _length(self, "panel_gap")
        _length(self, "stow_gap", positive=False)
        if 2 * t >= d:
            _fail(self, "boom_wall_thickness", f"must be less than half of boom_diameter = {self.boom_diameter}")

    @classmethod
    def from_area(cls, array_area: Any, width: Any, **fields: Any) -> SolarArrayWingSpec:
        """A wing of ``width`` whose length makes up ``array_area``: L = A / W."""
        area = float(si(array_area, "m^2", "array_area", lo=0, lo_open=True))
        w = float(si(width, "m", "width", lo=0, lo_open=True))
        return cls(width=quantity(w, "m"), length=quantity(area / w, "m"), **fields)

    @property
    def _mm(self) -> dict[str, float]:
        return {k: float(si(getattr(self, k), "mm", k)) for k in (
            "width", "length", "thickness", "boom_diameter", "boom_wall_thickness", "mandrel_radius",
            "panel_gap", "stow_gap")}

    @property
    def array_area(self) -> Any:
        """Deployed active area of one face, W L [m^2]."""
        f = self._mm
        return quantity(f["width"] * f["length"] * 1e-6, "m^2")

    def roll_radii(self) -> tuple[float, float]:
        """Stowed outer radii of the blanket roll and of each boom roll [mm]: sqrt(r_m^2 + L t / pi)."""
        f = self._mm
        r2, l = f["mandrel_radius"] ** 2, f["length"]
        return math.sqrt(r2 + l * f["thickness"] / math.pi), math.sqrt(r2 + l * f["boom_wall_thickness"] / math.pi)

    def volume_by_material(self) -> dict[str, Any]:
        """Solid volume per material [m^3], the same deployed and stowed.

        flexible: blanket = W L t; boom = 2 pi t_b (d - t_b) L. rigid: array_panel = W L t.
        """
        f = self._mm
        if self.kind == "rigid":
            return {"array_panel": _m3(f["width"] * f["length"] * f["thickness"])}
        return {"blanket": _m3(f["width"] * f["length"] * f["thickness"]),
                "boom": _m3(2 * _tube_area(f["boom_diameter"], f["boom_wall_thickness"]) * f["length"])}


@dataclasses.dataclass(frozen=True)
class BusSpec:
    """The bus: a closed box shell of ``wall_thickness`` carrying a grid of chip racks inside.

    Parameters
    ----------
    width, depth, height : Quantity [length]
        Outer dimensions along X, Y and Z (the launch axis).
    wall_thickness : Quantity [length]
        Shell wall.
    rack_count : int
        Racks (solid boxes standing for chips, boards and cold plates); may be 0.
    rack_width, rack_depth, rack_height : Quantity [length]
        One rack. Racks fill a grid of cells that divide the inside evenly, level by level from the floor;
        too many racks for the grid is an error.
    """

    width: Any
    depth: Any
    height: Any
    wall_thickness: Any = "3 mm"
    rack_count: int = 0
    rack_width: Any = "0.6 m"
    rack_depth: Any = "0.6 m"
    rack_height: Any = "0.5 m"

    def __post_init__(self) -> None:
        w, d, h = _length(self, "width"), _length(self, "depth"), _length(self, "height")
        t = _length(self, "wall_thickness")
        n = _count(self, "rack_count", lo=0)
        _length(self, "rack_width"), _length(self, "rack_depth"), _length(self, "rack_height")
        if 2 * t >= min(w, d, h):
            _fail(self, "wall_thickness", "must be less than half of the smallest outer dimension")
        if n > self.rack_capacity:
            _fail(self, "rack_count", f"only {self.rack_capacity} racks of {self.rack_width} x {self.rack_depth} "
                                      f"x {self.rack_height} fit inside the bus")

    @property
    def _mm(self) -> dict[str, float]:
        return {k: float(si(getattr(self, k), "mm", k)) for k in (
            "width", "depth", "height", "wall_thickness", "rack_width", "rack_depth", "rack_height")}

    def _grid(self) -> tuple[np.ndarray, np.ndarray]:
        """Cells per axis and cell size [mm] of the rack grid inside the shell."""
        f = self._mm
        inner = np.array([f["width"], f["depth"], f["height"]]) - 2 * f["wall_thickness"]
        cells = np.floor(inner / np.array([f["rack_width"], f["rack_depth"], f["rack_height"]])).astype(int)
        return cells, inner / np.maximum(cells, 1)

    @property
    def rack_capacity(self) -> int:
        """Racks that fit in the grid."""
        return int(np.prod(self._grid()[0]))

    def rack_centres(self) -> np.ndarray:
        """(rack_count, 3) rack centres [mm] in the bus frame (origin at the bus centre), floor level first."""
        f = self._mm
        cells, size = self._grid()
        i = np.arange(self.rack_count)
        ix, iy, iz = i % cells[0], (i // cells[0]) % cells[1], i // (cells[0] * cells[1])
        x = (ix + 0.5) * size[0] - cells[0] * size[0] / 2
        y = (iy + 0.5) * size[1] - cells[1] * size[1] / 2
        z = -f["height"] / 2 + f["wall_thickness"] + iz * size[2] + f["rack_height"] / 2
        return np.stack([x, y, z], axis=-1)

    def volume_by_material(self) -> dict[str, Any]:
        """structure = W D H - (W - 2t)(D - 2t)(H - 2t); rack = n w d h [m^3]."""
        f = self._mm
        w, d, h, t = f["width"], f["depth"], f["height"], f["wall_thickness"]
        out = {"structure": _m3(w * d * h - (w - 2 * t) * (d - 2 * t) * (h - 2 * t))}
        if self.rack_count:
            out["rack"] = _m3(self.rack_count * f["rack_width"] * f["rack_depth"] * f["rack_height"])
        return out


#: Array wings a satellite carries: one on each of the +Y and -Y bus faces.
MAX_ARRAY_WINGS = 2


@dataclasses.dataclass(frozen=True)
class SatelliteSpec:
    """A satellite: bus, radiator wings in the XZ plane on the +X/-X faces and array wings on +Y/-Y.

    Parameters
    ----------
    bus : BusSpec
    radiator : RadiatorWingSpec
        One radiator wing; ``radiator_wing_count`` (any count >= 0) copies are placed, alternately on the +X
        and -X faces, stacked along Z on each (see the module docstring and
        :meth:`radiator_wing_placements`).
    array : SolarArrayWingSpec
        One array wing; ``array_wing_count`` (0, 1 or 2: one per +Y/-Y face) copies are placed.
    root_offset : Quantity [length]
        Gap from a bus face to the root of the wing on it (deployed root hinge line or stowed package).
    wing_gap : Quantity [length]
        Clearance along Z between neighbouring radiator wings on one bus face.
    name : str
        Name of the top-level assembly.
    """

    bus: BusSpec
    radiator: RadiatorWingSpec
    array: SolarArrayWingSpec
    radiator_wing_count: int = 2
    array_wing_count: int = 2
    root_offset: Any = "50 mm"
    wing_gap: Any = "100 mm"
    name: str = "satellite"

    def __post_init__(self) -> None:
        for field, cls in (("bus", BusSpec), ("radiator", RadiatorWingSpec), ("array", SolarArrayWingSpec)):
            if not isinstance(getattr(self, field), cls):
                raise TypeError(f"SatelliteSpec.{field} = {getattr(self, field)!r}: expected a {cls.__name__}")
        _count(self, "radiator_wing_count", lo=0)
        _count(self, "array_wing_count", lo=0, hi=MAX_ARRAY_WINGS)
        _length(self, "root_offset", positive=False)
        _length(self, "wing_gap", positive=False)
        if not isinstance(self.name, str) or not self.name or "/" in self.name:
            raise ValueError(f"SatelliteSpec.name = {self.name!r}: must be a non-empty string without '/'")

    @property
    def radiator_band_mm(self) -> float:
        """Height along Z of one radiator wing, its panel length plus the manifold below it, L + D_m [mm]."""
        p = self.radiator.panel._mm
        return p["length"] + p["manifold_diameter"]

    def radiator_wing_placements(self) -> list[tuple[float, float]]:
        """(side, z) of each radiator wing: side +1 on the +X face, -1 on the -X face; z [mm] the centre of its
        band, z_j = (j - (m - 1)/2) (L + D_m + gap) for the j-th of the m wings on that face.

        Wing k goes to +X for even k and -X for odd k, at level k // 2 of its face.
        """
        per_face = dict(zip((1.0, -1.0), radiator_wings_per_face(self.radiator_wing_count)))
        pitch = self.radiator_band_mm + self.wing_gap.m_as("mm")
        out = []
        for k in range(self.radiator_wing_count):
            side = 1.0 if k % 2 == 0 else -1.0
            out.append((side, (k // 2 - (int(per_face[side]) - 1) / 2) * pitch))
        return out

    @property
    def radiator_column_height(self) -> Any:
        """Height along Z of the tallest column of radiator wings on a bus face, m L' + (m - 1) gap with
        m = ceil(N/2) and L' = L + D_m [length] (0 without wings)."""
        m = int(radiator_wings_per_face(self.radiator_wing_count)[0])
        return quantity(m * self.radiator_band_mm + max(m - 1, 0) * self.wing_gap.m_as("mm"), "mm")

    @property
    def radiating_area(self) -> Any:
        """Deployed radiator planform, one face, all wings [m^2]."""
        return self.radiator.radiating_area * self.radiator_wing_count

    @property
    def array_area(self) -> Any:
        """Deployed active array area, one face, all wings [m^2]."""
        return self.array.array_area * self.array_wing_count

    def volume_by_material(self) -> dict[str, Any]:
        """Solid volume per material over bus and wings [m^3]."""
        return _add(self.bus.volume_by_material(),
                    _scale(self.radiator.volume_by_material(), self.radiator_wing_count),
                    _scale(self.array.volume_by_material(), self.array_wing_count))
