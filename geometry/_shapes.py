"""Shared helpers on CadQuery objects: the leaves of an assembly in world coordinates, mesh extraction, and
the mesh tolerance chosen from part size. cadquery/OCP are imported inside the functions."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np

#: Relative mesh deflection (of the bounding-box diagonal) and its bounds in mm (see :func:`mesh_tolerance`).
MESH_RELATIVE_TOLERANCE = 1e-3
MESH_TOLERANCE_BOUNDS_MM = (0.01, 10.0)
ANGULAR_TOLERANCE = 0.1  # rad


@dataclasses.dataclass(frozen=True)
class Leaf:
    """One shape of an assembly, located in the root frame, with its material and metadata.

    ``local`` is the shape in its own frame, the same object for every placed copy of a part (``key`` is
    its identity within one :func:`leaves` call): what is measured on it once holds for every copy, moved by
    ``location``.
    """

    name: str
    shape: Any  # cq.Shape in world coordinates
    material: str | None
    metadata: dict[str, Any]
    color: Any
    location: Any  # cq.Location from the shape's own frame to the world
    local: Any = None  # cq.Shape in its own frame
    key: int = 0


def _as_shape(cq: Any, obj: Any) -> Any:
    if isinstance(obj, cq.Workplane):
        vals = [v for v in obj.vals() if isinstance(v, cq.Shape)]
        return vals[0] if len(vals) == 1 else cq.Compound.makeCompound(vals)
    if isinstance(obj, cq.Shape):
        return obj
    raise TypeError(f"expected a cadquery Assembly, Workplane or Shape, got {type(obj).__name__}")


def leaves(obj: Any) -> list[Leaf]:
    """Every shape-bearing node of ``obj`` located in the root frame.

    ``obj`` is a ``cq.Assembly`` (material from each node's ``metadata["material"]``), a Workplane or Shape
    (one leaf, no material), or a mapping ``material -> shape or list of shapes`` (one leaf per shape).
    """
    import cadquery as cq

    if isinstance(obj, Mapping):
        out = []
        for material, shapes in obj.items():
            items = shapes if isinstance(shapes, (list, tuple)) else [shapes]
            for i, s in enumerate(items):
                shape = _as_shape(cq, s)
                out.append(Leaf(f"{material}_{i}", shape, str(material), {"material": material}, None,
                                cq.Location(), shape, id(s)))
        return out
    if not isinstance(obj, cq.Assembly):
        shape = _as_shape(cq, obj)
        return [Leaf("part", shape, None, {}, None, cq.Location(), shape, id(obj))]

    out = []
    local: dict[int, Any] = {}  # a part placed N times is one obj, converted once

    def walk(node: Any, parent: Any, path: str, color: Any) -> None:
        loc = parent * node.loc
        name = f"{path}/{node.name}" if path else node.name
        color = node.color or color
        if node.obj is not None:
            key = id(node.obj)
            if key not in local:
                local[key] = _as_shape(cq, node.obj)
            shape = local[key]
            out.append(Leaf(name, shape.moved(loc), node.metadata.get("material"), dict(node.metadata), color,
                            loc, shape, key))
        for child in node.children:
            walk(child, loc, name, color)

    walk(obj, cq.Location(), "", None)
    return out


def rigid_transform(location: Any) -> tuple[np.ndarray, np.ndarray]:
    """Rotation (3, 3) and translation (3,) [mm] of a ``cq.Location``: x_world = R x + t."""
    trsf = location.wrapped.Transformation()
    m = np.array([[trsf.Value(i, j) for j in (1, 2, 3, 4)] for i in (1, 2, 3)])
    return m[:, :3], m[:, 3]


def world_nodes(obj: Any, tolerance: float, angular_tolerance: float = ANGULAR_TOLERANCE) -> np.ndarray:
    """Mesh nodes (n, 3) [mm] of every leaf of ``obj`` in the root frame, as :func:`triangles` gives them.

    Each distinct part is meshed once in its own frame and its nodes moved to every placed copy
    (x = R x_local + t), so a wing of N identical panels costs one panel's mesh.
    """
    cache: dict[int, np.ndarray] = {}
    out = []
    for leaf in leaves(obj):
        if leaf.key not in cache:
            cache[leaf.key] = triangles(leaf.local, tolerance, angular_tolerance)[0]
        r, t = rigid_transform(leaf.location)
        out.append(cache[leaf.key] @ r.T + t)
    return np.concatenate(out) if out else np.zeros((0, 3))


def compound(obj: Any) -> Any:
    """All shapes of ``obj`` in world coordinates as one ``cq.Compound`` (no fuse)."""
    import cadquery as cq

    return cq.Compound.makeCompound([leaf.shape for leaf in leaves(obj)])


def diagonal_mm(shape: Any) -> float:
    """Bounding-box diagonal of a shape [mm]."""
    return float(shape.BoundingBox().DiagonalLength)


def mesh_tolerance(shape: Any) -> float:
    """Linear mesh deflection [mm] for a shape: 1e-3 x its bounding-box diagonal, clipped to [0.01, 10] mm.

    Fine enough that a mesh's volume and extent are within about 0.1 % of the solid's, coarse enough that a
    60 m satellite meshes in seconds (CadQuery issue #269: too fine a tolerance makes export look hung).
    """
    lo, hi = MESH_TOLERANCE_BOUNDS_MM
    return float(np.clip(MESH_RELATIVE_TOLERANCE * diagonal_mm(shape), lo, hi))


def mesh_absolute(shape: Any, tolerance: float, angular_tolerance: float = ANGULAR_TOLERANCE) -> None:
    """Triangulate ``shape`` in place with an absolute linear deflection ``tolerance`` [mm].

    ``BRepMesh_IncrementalMesh`` with ``isRelative = False``: every point of the exact surface lies within
    ``tolerance`` of the mesh (OCCT's linear deflection), and the mesh nodes lie on the surface. (CadQuery's
    ``Shape.mesh`` uses a relative deflection, scaled by edge size.)
    """
    from OCP.BRepMesh import BRepMesh_IncrementalMesh

    BRepMesh_IncrementalMesh(shape.wrapped, tolerance, False, angular_tolerance, True)


def triangles(shape: Any, tolerance: float, angular_tolerance: float = ANGULAR_TOLERANCE
              ) -> tuple[np.ndarray, np.ndarray]:
    """Nodes (n, 3) [mm] and triangles (m, 3) of ``shape`` meshed by :func:`mesh_absolute`."""
    from OCP.BRep import BRep_Tool
    from OCP.TopAbs import TopAbs_REVERSED
    from OCP.TopLoc import TopLoc_Location

    mesh_absolute(shape, tolerance, angular_tolerance)
    nodes, tris, offset = [], [], 0
    for face in shape.Faces():
        loc = TopLoc_Location()
        poly = BRep_Tool.Triangulation_s(face.wrapped, loc)
        if poly is None:
            continue
        trsf = loc.Transformation()
        pts = [poly.Node(i).Transformed(trsf) for i in range(1, poly.NbNodes() + 1)]
        nodes.append(np.array([(p.X(), p.Y(), p.Z()) for p in pts], dtype=float).reshape(-1, 3))
        idx = np.array([poly.Triangle(i).Get() for i in range(1, poly.NbTriangles() + 1)], dtype=int).reshape(-1, 3)
        if face.wrapped.Orientation() == TopAbs_REVERSED:
            idx = idx[:, ::-1]
        tris.append(idx - 1 + offset)
        offset += len(pts)
    if not nodes:
        return np.zeros((0, 3)), np.zeros((0, 3), dtype=int)
    return np.concatenate(nodes), np.concatenate(tris)


def weld(nodes: np.ndarray, tris: np.ndarray, radius: float) -> tuple[np.ndarray, np.ndarray]:
    """Merge nodes closer than ``radius`` [mm] into one and drop the triangles that collapse.

    OCCT meshes each B-rep face on its own, so a node on an edge appears once in every face that shares the
    edge (and twice on a periodic face's seam), at the same point: merging them makes one indexed mesh per
    solid whose every edge is shared by two triangles. Nodes are clustered by connected components of the
    pairs within ``radius`` (a k-d tree), so no grid rounding can split a cluster.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    n = len(nodes)
    if n == 0:
        return nodes, tris
    pairs = cKDTree(nodes).query_pairs(radius, output_type="ndarray")
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    _, first = np.unique(label, return_index=True)  # one representative node per cluster, in label order
    t = label[tris]
    keep = (t[:, 0] != t[:, 1]) & (t[:, 1] != t[:, 2]) & (t[:, 2] != t[:, 0])
    return nodes[first], t[keep]


def solid_meshes(shape: Any, tolerance: float, angular_tolerance: float = ANGULAR_TOLERANCE
                 ) -> tuple[np.ndarray, np.ndarray]:
    """One closed indexed mesh of ``shape``: nodes (n, 3) [mm] and outward-wound triangles (m, 3).

    Every solid of the shape is meshed (:func:`triangles`) and welded (:func:`weld`, at 1e-3 of the linear
    deflection) on its own, then the solids are concatenated without merging, so that two solids of one part
    which touch (none do in :mod:`geometry.parts`) never share an edge. A shape without solids (a face or
    shell) is meshed as it is.
    """
    solids = shape.Solids() or [shape]
    radius = 1e-3 * tolerance
    nodes, tris, offset = [], [], 0
    for solid in solids:
        n, t = weld(*triangles(solid, tolerance, angular_tolerance), radius)
        nodes.append(n)
        tris.append(t + offset)
        offset += len(n)
    return np.concatenate(nodes), np.concatenate(tris)
