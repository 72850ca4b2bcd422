"""Mass properties, areas and the stowed envelope, measured on the CAD solids; lumped masses beside them.

Volumes and moments come from OCCT's ``BRepGProp.VolumeProperties`` (Gauss integration over the exact
B-rep), one call per distinct part (a part placed N times is integrated once and moved to each copy). Leaves
are then combined by material with their densities (a mass-weighted sum, below). CAD lengths are mm; results
are SI Quantities.

What the solids do not hold (a battery, propellant, growth allowances) enters as :class:`MassElement`
objects: point masses or uniform boxes, or the solids of a group scaled to another mass with the same
distribution. :func:`combine_masses` adds any of them with the parallel-axis theorem.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np

from spacedc.geometry._shapes import compound, leaves, mesh_tolerance, rigid_transform, world_nodes
from spacedc.results import Result
from spacedc.units import quantity, si

__all__ = ["MassProperties", "MassElement", "CadAreas", "StowedEnvelope", "mass_properties", "mass_groups",
           "combine_masses", "cad_volumes", "cad_areas", "stowed_envelope", "min_enclosing_circle"]

_AXES = {"X": 0, "Y": 1, "Z": 2}


@dataclasses.dataclass(frozen=True)
class MassProperties(Result):
    """Mass properties of a set of solids, in the root frame of the assembly.

    ``inertia`` is the inertia tensor about the centre of mass, I = sum rho int (|r|^2 E - r r^T) dV
    (positive moments on the diagonal, products of inertia with their minus sign off it), axes parallel to
    the root frame.
    """

    mass: Any
    centre_of_mass: Any
    inertia: Any
    volume_by_material: dict[str, Any] = dataclasses.field(metadata={"skip": True})
    mass_by_material: dict[str, Any] = dataclasses.field(metadata={"skip": True})

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out.update({f"volume_{k}_m3": float(v.m_as("m^3")) for k, v in self.volume_by_material.items()})
        out.update({f"mass_{k}_kg": float(v.m_as("kg")) for k, v in self.mass_by_material.items()})
        return out


def _shift(mass: float, offset: np.ndarray) -> np.ndarray:
    """Parallel-axis term m (|d|^2 E - d d^T): a mass m's inertia about a point at -d from it [m^2 x mass]."""
    return mass * (offset @ offset * np.eye(3) - np.outer(offset, offset))


@dataclasses.dataclass(frozen=True)
class MassElement(Result):
    """One contributor to a satellite's mass properties, in the root frame.

    ``kind`` is ``"solid"`` (measured on CAD solids, possibly scaled) or ``"lumped"`` (a point mass or a
    uniform box standing for what is not modelled as solids). ``inertia`` is about the element's own centre
    of mass, axes parallel to the root frame.
    """

    name: str
    kind: str
    mass: Any = dataclasses.field(metadata={"unit": "kg"})
    centre_of_mass: Any = dataclasses.field(metadata={"unit": "m"})
    inertia: Any = dataclasses.field(metadata={"unit": "kg*m^2"})
    description: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ("solid", "lumped"):
            raise ValueError(f"MassElement.kind = {self.kind!r}: must be 'solid' or 'lumped'")
        m = si(self.mass, "kg", f"{self.name}.mass", lo=0)
        c = si(self.centre_of_mass, "m", f"{self.name}.centre_of_mass")
        j = si(self.inertia, "kg*m^2", f"{self.name}.inertia")
        if m.ndim or c.shape != (3,) or j.shape != (3, 3):
            raise ValueError(f"MassElement {self.name!r}: mass must be a scalar, centre_of_mass a 3-vector and "
                             f"inertia a 3 x 3 tensor")
        for name, value, unit in (("mass", m, "kg"), ("centre_of_mass", c, "m"), ("inertia", j, "kg*m^2")):
            object.__setattr__(self, name, quantity(value, unit))

    @classmethod
    def point(cls, name: str, mass: Any, at: Any, description: str = "") -> MassElement:
        """A point mass at ``at`` [length]: no inertia of its own."""
        return cls(name, "lumped", mass, at, quantity(np.zeros((3, 3)), "kg*m^2"), description)

    @classmethod
    def box(cls, name: str, mass: Any, centre: Any, size: Any, description: str = "") -> MassElement:
        """A uniform box of edges ``size`` = (a, b, c) along X, Y, Z centred on ``centre`` [length]:
        I = m/12 diag(b^2 + c^2, a^2 + c^2, a^2 + b^2) about its centre (e.g. Meriam & Kraige, *Engineering
        Mechanics: Dynamics*, Appendix B, Table B/4)."""
        m = float(si(mass, "kg", f"{name}.mass", lo=0))
        a, b, c = si(size, "m", f"{name}.size", lo=0)
        inertia = m / 12 * np.diag([b * b + c * c, a * a + c * c, a * a + b * b])
        return cls(name, "lumped", quantity(m, "kg"), centre, quantity(inertia, "kg*m^2"), description)

    def scaled(self, mass: Any, name: str, kind: str | None = None, description: str = "") -> MassElement:
        """The same distribution carrying ``mass`` instead: centre unchanged, inertia times mass / own mass."""
        target = float(si(mass, "kg", f"{name}.mass", lo=0))
        own = self.mass.m_as("kg")
        if own <= 0 and target > 0:
            raise ValueError(f"{name}: cannot scale {self.name!r}, which has no mass, to {target:.6g} kg")
        factor = target / own if own > 0 else 0.0
        return MassElement(name, kind or self.kind, quantity(target, "kg"), self.centre_of_mass,
                           self.inertia * factor, description)


def combine_masses(elements: Any, name: str = "total", kind: str = "solid", description: str = "") -> MassElement:
    """Several elements as one: m = sum m_i, c = sum m_i c_i / m and, by the parallel-axis theorem,
    I = sum [I_i + m_i (|d_i|^2 E - d_i d_i^T)] with d_i = c_i - c (inertias about each own centre)."""
    elements = list(elements)
    if not elements:
        raise ValueError(f"{name}: no mass elements to combine")
    m = np.array([e.mass.m_as("kg") for e in elements])
    c = np.array([e.centre_of_mass.m_as("m") for e in elements])
    total = float(m.sum())
    if total <= 0:
        raise ValueError(f"{name}: the elements have no mass")
    com = (m[:, None] * c).sum(axis=0) / total
    inertia = sum(e.inertia.m_as("kg*m^2") + _shift(mi, ci - com) for e, mi, ci in zip(elements, m, c))
    return MassElement(name, kind, quantity(total, "kg"), quantity(com, "m"), quantity(inertia, "kg*m^2"),
                       description)


@dataclasses.dataclass(frozen=True)
class CadAreas(Result):
    """Areas measured on the CAD: outer faces of the leaves tagged ``face="radiating"`` or ``"active"``."""

    radiating_area: Any
    array_area: Any


@dataclasses.dataclass(frozen=True)
class StowedEnvelope(Result):
    """A cylinder about the launch axis that encloses the shape (an upper bound, see :func:`stowed_envelope`)."""

    height: Any
    radius: Any
    centre: Any  # a point of the cylinder axis, mid-height [m], root frame
    tolerance: Any  # mesh deflection the bound allows for
    axis: str = "Z"


def _gprops(shape: Any) -> tuple[float, np.ndarray, np.ndarray]:
    """Volume [mm^3], centroid [mm] and inertia about the centroid for unit density [mm^5] of a shape."""
    from OCP.BRepGProp import BRepGProp
    from OCP.GProp import GProp_GProps

    props = GProp_GProps()
    BRepGProp.VolumeProperties_s(shape.wrapped, props)
    c = props.CentreOfMass()
    m = props.MatrixOfInertia()
    return (props.Mass(), np.array([c.X(), c.Y(), c.Z()]),
            np.array([[m.Value(i, j) for j in (1, 2, 3)] for i in (1, 2, 3)]))


def _by_material(obj: Any) -> dict[str, tuple[float, np.ndarray, np.ndarray]]:
    """Per material: volume [mm^3], first moment [mm^4] and unit-density inertia about the origin [mm^5]."""
    out: dict[str, tuple[float, np.ndarray, np.ndarray]] = {}
    own: dict[int, tuple[float, np.ndarray, np.ndarray]] = {}  # each distinct part integrated once
    for leaf in leaves(obj):
        if leaf.material is None:
            raise ValueError(f"part {leaf.name!r} has no material: give each assembly leaf "
                             f"metadata={{'material': ...}} or pass a mapping material -> shapes")
        if leaf.key not in own:
            own[leaf.key] = _gprops(leaf.local)
        v, c_local, j_local = own[leaf.key]
        r, t = rigid_transform(leaf.location)  # a copy: the centroid moves, the tensor turns, J = R J' R^T
        c, j = r @ c_local + t, r @ j_local @ r.T
        j_origin = j + v * (c @ c * np.eye(3) - np.outer(c, c))  # parallel-axis theorem
        v0, s0, j0 = out.get(leaf.material, (0.0, np.zeros(3), np.zeros((3, 3))))
        out[leaf.material] = (v0 + v, s0 + v * c, j0 + j_origin)
    return out


def cad_volumes(obj: Any) -> dict[str, Any]:
    """Solid volume of each material of an assembly (or mapping material -> shapes) [m^3]."""
    return {k: quantity(v * 1e-9, "m^3") for k, (v, _, _) in _by_material(obj).items()}


def mass_properties(obj: Any, densities: Mapping[str, Any]) -> MassProperties:
    """Mass, centre of mass and inertia tensor of an assembly from its solids and material densities.

    Parameters
    ----------
    obj : cq.Assembly or mapping
        An assembly whose leaves carry ``metadata["material"]`` (every part of :mod:`geometry.parts`
        does), or a mapping ``material -> shape or list of shapes`` (Workplane or Shape, mm).
    densities : mapping
        ``material -> density`` [mass/volume], for every material present.

    Returns
    -------
    MassProperties
        mass [kg], centre_of_mass [m] (root frame), inertia [kg m^2] about the centre of mass, and volume
        and mass per material.

    Notes
    -----
    For each leaf, OCCT gives its volume V, centroid c and unit-density inertia J_c about c (Gauss
    integration on the exact B-rep, once per distinct part; a copy placed by rotation R and translation t
    has c = R c' + t and J_c = R J_c' R^T); the parallel-axis theorem moves it to the origin,
    J_o = J_c + V (|c|^2 E - c c^T). Per material k these sum to V_k, S_k = sum V c and J_k. With
    m_k = rho_k V_k: m = sum m_k, c_m = sum rho_k S_k / m, I_o = sum rho_k J_k, and back to the centre of
    mass, I = I_o - m (|c_m|^2 E - c_m c_m^T). Density is uniform within a material; overlapping solids
    would be counted twice (the parts never overlap).
    """
    if not isinstance(densities, Mapping):
        raise TypeError(f"densities = {densities!r}: expected a mapping material -> density")
    groups = _by_material(obj)
    missing = sorted(set(groups) - set(densities))
    if missing:
        raise ValueError(f"densities: no density for material(s) {', '.join(missing)}")
    rho = {k: float(si(densities[k], "kg/mm^3", f"densities[{k!r}]", lo=0)) for k in groups}
    masses = {k: rho[k] * v for k, (v, _, _) in groups.items()}
    mass = sum(masses.values())
    if mass <= 0:
        raise ValueError("mass_properties: total mass is zero (no solids, or every density is zero)")
    com = sum(rho[k] * s for k, (_, s, _) in groups.items()) / mass
    inertia_origin = sum(rho[k] * j for k, (_, _, j) in groups.items())
    inertia = inertia_origin - mass * (com @ com * np.eye(3) - np.outer(com, com))
    return MassProperties(
        mass=quantity(mass, "kg"),
        centre_of_mass=quantity(com * 1e-3, "m"),
        inertia=quantity(inertia * 1e-6, "kg*m^2"),
        volume_by_material={k: quantity(v * 1e-9, "m^3") for k, (v, _, _) in groups.items()},
        mass_by_material={k: quantity(m, "kg") for k, m in masses.items()},
    )


def mass_groups(obj: Any, densities: Mapping[str, Any], groups: Mapping[str, Any]) -> dict[str, MassElement]:
    """Mass properties of groups of materials of an assembly, each a solid :class:`MassElement`.

    ``groups`` maps a group name to the materials it holds (every material of ``obj`` in exactly one group;
    a group none of whose materials is present is left out). Each group's mass, centre and inertia about its
    centre come from the same per-material sums as :func:`mass_properties`.
    """
    by_material = _by_material(obj)
    owner: dict[str, str] = {}
    for group, materials in groups.items():
        for k in materials:
            if k in owner:
                raise ValueError(f"groups: material {k!r} is in both {owner[k]!r} and {group!r}")
            owner[k] = group
    stray = sorted(set(by_material) - set(owner))
    if stray:
        raise ValueError(f"groups: material(s) {', '.join(stray)} of the assembly are in no group")
    missing = sorted(set(by_material) - set(densities))
    if missing:
        raise ValueError(f"densities: no density for material(s) {', '.join(missing)}")
    out = {}
    for group, materials in groups.items():
        present = [k for k in materials if k in by_material]
        if not present:
            continue
        rho = {k: float(si(densities[k], "kg/mm^3", f"densities[{k!r}]", lo=0)) for k in present}
        mass = sum(rho[k] * by_material[k][0] for k in present)
        first = sum(rho[k] * by_material[k][1] for k in present)
        com = first / mass if mass > 0 else np.zeros(3)
        inertia = sum(rho[k] * by_material[k][2] for k in present) - _shift(mass, com)
        out[group] = MassElement(group, "solid", quantity(mass, "kg"), quantity(com * 1e-3, "m"),
                                 quantity(inertia * 1e-6, "kg*m^2"), f"CAD solids: {', '.join(present)}")
    return out


def cad_areas(obj: Any) -> CadAreas:
    """Radiating and active array areas measured on the CAD [m^2].

    For each leaf tagged ``metadata["face"]`` (``"radiating"``: the front face sheet of a radiator panel;
    ``"active"``: an array blanket or rigid panel), the area of its planar faces whose outward normal is the
    leaf's own +z carried to the world (its outer front face). On a deployed wing this is the planform area
    of one face; compare with ``spec.radiating_area`` and ``spec.array_area``.
    """
    from OCP.gp import gp_Dir

    totals = {"radiating": 0.0, "active": 0.0}
    for leaf in leaves(obj):
        kind = leaf.metadata.get("face")
        if kind not in totals:
            continue
        d = gp_Dir(0, 0, 1).Transformed(leaf.location.wrapped.Transformation())
        front = np.array([d.X(), d.Y(), d.Z()])
        for face in leaf.shape.Faces():
            if face.geomType() == "PLANE" and np.dot(face.normalAt().toTuple(), front) > 1 - 1e-9:
                totals[kind] += face.Area()
    return CadAreas(radiating_area=quantity(totals["radiating"] * 1e-6, "m^2"),
                    array_area=quantity(totals["active"] * 1e-6, "m^2"))


def _circle(points: np.ndarray) -> tuple[np.ndarray, float]:
    """Smallest circle through 1-3 points that encloses them."""
    if len(points) == 1:
        return points[0], 0.0
    if len(points) == 2:
        return points.mean(axis=0), float(np.linalg.norm(points[0] - points[1]) / 2)
    a, b, c = points
    d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]))
    if abs(d) < 1e-12 * max(1.0, float(np.abs(points).max())) ** 2:  # collinear: the farthest pair
        pairs = [(a, b), (a, c), (b, c)]
        p, q = max(pairs, key=lambda pq: float(np.linalg.norm(pq[0] - pq[1])))
        return _circle(np.array([p, q]))
    sa, sb, sc = a @ a, b @ b, c @ c
    centre = np.array([sa * (b[1] - c[1]) + sb * (c[1] - a[1]) + sc * (a[1] - b[1]),
                       sa * (c[0] - b[0]) + sb * (a[0] - c[0]) + sc * (b[0] - a[0])]) / d
    return centre, float(np.linalg.norm(a - centre))


def min_enclosing_circle(points: Any) -> tuple[np.ndarray, float]:
    """Smallest circle enclosing 2D ``points`` (n, 2): Welzl's randomised incremental algorithm (expected
    linear time) on the convex-hull vertices. Returns (centre, radius) in the points' unit."""
    from scipy.spatial import ConvexHull, QhullError

    p = np.unique(np.asarray(points, dtype=float).reshape(-1, 2), axis=0)
    if len(p) > 3:
        try:
            p = p[ConvexHull(p).vertices]
        except QhullError:  # all collinear: keep the two extremes
            p = p[[np.argmin(p[:, 0] + p[:, 1]), np.argmax(p[:, 0] + p[:, 1])]]
    p = p[np.random.default_rng(0).permutation(len(p))]

    def outside(q: np.ndarray, c: np.ndarray, r: float) -> bool:
        return float(np.linalg.norm(q - c)) > r * (1 + 1e-12) + 1e-12

    c, r = p[0], 0.0
    for i in range(1, len(p)):
        if outside(p[i], c, r):
            c, r = p[i], 0.0
            for j in range(i):
                if outside(p[j], c, r):
                    c, r = _circle(p[[i, j]])
                    for k in range(j):
                        if outside(p[k], c, r):
                            c, r = _circle(p[[i, j, k]])
    return c, r


def stowed_envelope(obj: Any, axis: str = "Z", *, centre: str = "origin", tolerance: Any = None
                    ) -> StowedEnvelope:
    """Height and radius of a cylinder about the launch axis that encloses a (stowed) shape.

    Parameters
    ----------
    obj : cq.Assembly, Workplane or Shape
        In mm, e.g. ``make_satellite(spec, "stowed")``.
    axis : {"X", "Y", "Z"}
        The launch axis direction in the shape's frame (Z for :func:`geometry.make_satellite`).
    centre : {"origin", "fit"}
        ``origin``: the cylinder axis is the launch axis through the origin (the bus centre line, where the
        launch adapter sits). ``fit``: the axis passes through the centre of the smallest circle that
        encloses the shape projected along the axis (Welzl's algorithm), the best a fairing could do.
    tolerance : Quantity [length], optional
        Mesh deflection; default :func:`geometry._shapes.mesh_tolerance` (1e-3 of the diagonal, bounded).

    Returns
    -------
    StowedEnvelope
        height (extent along the axis), radius, centre (mid-height point of the axis) [m].

    Notes
    -----
    Computed from the nodes of a mesh whose every point is within ``tolerance`` of the exact surface
    (absolute linear deflection), and the nodes lie on the surface. The distance from an axis is convex,
    so over each triangle it peaks at a node; hence the exact radius about the chosen axis lies between the
    largest node radius and that plus ``tolerance``, and the reported radius (the latter) is an upper bound
    at most ``tolerance`` too large. The same holds for the height (each end padded by ``tolerance``).
    With ``fit``, the centre is optimal for the nodes, so the radius is within ``tolerance`` of the
    smallest enclosing cylinder of that axis direction.
    """
    if axis not in _AXES:
        raise ValueError(f"axis = {axis!r}: must be 'X', 'Y' or 'Z'")
    if centre not in ("origin", "fit"):
        raise ValueError(f"centre = {centre!r}: must be 'origin' or 'fit'")
    tol = mesh_tolerance(compound(obj)) if tolerance is None else float(si(tolerance, "mm", "tolerance", lo=0,
                                                                             lo_open=True))
    nodes = world_nodes(obj, tol)
    if not len(nodes):
        raise ValueError("stowed_envelope: the shape has no faces")
    a = _AXES[axis]
    plane = [(a + 1) % 3, (a + 2) % 3]
    along, across = nodes[:, a], nodes[:, plane]
    c2 = min_enclosing_circle(across)[0] if centre == "fit" else np.zeros(2)
    radius = float(np.max(np.linalg.norm(across - c2, axis=1))) + tol
    point = np.zeros(3)
    point[plane] = c2
    point[a] = (along.max() + along.min()) / 2
    return StowedEnvelope(height=quantity(along.max() - along.min() + 2 * tol, "mm").to("m"),
                          radius=quantity(radius, "mm").to("m"), centre=quantity(point * 1e-3, "m"),
                          tolerance=quantity(tol, "mm").to("m"), axis=axis)
