"""Export to STEP, STL and glTF, written atomically, with explicit names, units, axes and size-based mesh tolerance.

A *part* is one shape-bearing node of the assembly (:func:`geometry._shapes.leaves`): a face sheet, a core,
a panel's heat pipes, the bus shell. Each is exported as its own closed, manifold mesh (every solid of it
meshed and welded on its own, :func:`geometry._shapes.solid_meshes`), named by its path in the assembly
(``sso-100kw/radiator_wing_0/panel_3/core``). Parts that touch (a face sheet on its core) stay separate
meshes, so no edge is shared by more than two triangles.

Units and axes in the files:

- STEP: millimetres, declared in the file (``SI_UNIT(.MILLI.,.METRE.)``), +Z up (the satellite frame of
  :mod:`geometry.specs`: +Z the launch axis); an assembly keeps its names, colours and locations
  (CadQuery's XCAF writer).
- STL: a folder (``<name>_stl/``) of binary STL files, one per part, named ``<part path>.stl`` with ``/``
  written ``.`` (e.g. ``radiator_wing_0.panel_3.core.stl``); the part's name, the unit and the axes are in
  each file's 80-byte header. Millimetres (STL carries no unit), +Z up, as the CAD. Binary, as a 60 m
  satellite is of the order of a million triangles (an ASCII file with a named solid per part would be
  five times larger).
- glTF: binary glTF 2.0 (``.glb``, one self-contained file) in metres with +Y up and +Z forward, as the glTF
  specification requires (section 3.4 "Coordinate System and Units"): CAD (x, y, z) [mm] is written
  (x, z, -y) / 1000 [m]. One node per part, named by its path, under a root node named after the
  assembly; each distinct part is one mesh (named by its first part) instanced by every node that places
  it (a wing of N identical panels stores one panel). Indexed triangles without normals (the
  specification's "Meshes" section has clients compute flat normals then), one material per CAD material
  with its colour [Khronos-glTF2]. ``asset.extras`` says
  the unit, the axes and the source frame.

Mesh tolerance (STL, glTF): an absolute linear deflection of 1e-3 x the bounding-box diagonal, clipped to
[0.01, 10] mm, and 0.1 rad angular, unless given.

Atomic write: the file is written to a temporary name in the target's directory
(``.<name>.<random>.<pid>.part``), flushed to disk (fsync), then renamed over the target with
:func:`os.replace` (atomic on POSIX and Windows), and the directory is fsynced. If the export raises, the
temporary file is removed and any existing target is untouched; if the process is killed, only the
temporary file can remain, and the next export to the same target removes leftovers of dead processes.
The STL folder is written the same way as a temporary folder; an existing folder is renamed aside just
before the new one takes its name, then removed (two renames: a reader may see no folder in between).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from spacedc.geometry._shapes import ANGULAR_TOLERANCE, compound, leaves, mesh_tolerance, rigid_transform, solid_meshes
from spacedc.files import _umask, atomic_write
from spacedc.units import si

__all__ = ["FORMATS", "MESH_AXES", "export", "atomic_write", "part_meshes", "stl_file_name"]

#: Export formats and the file suffixes each accepts (STL: a folder, whose name ends in ``_stl``).
FORMATS = {"step": (".step", ".stp"), "stl": ("_stl",), "gltf": (".glb",)}
#: Unit and axes of each format's coordinates (what ``cad.json`` and the docs state).
MESH_AXES = {
    "step": {"unit": "mm", "up": "+Z", "frame": "satellite frame: +Z the launch axis, radiator wings along X, "
                                               "array wings along Y"},
    "stl": {"unit": "mm", "up": "+Z", "frame": "satellite frame, as STEP (CAD x, y, z)"},
    "gltf": {"unit": "m", "up": "+Y", "frame": "glTF 2.0: CAD (x, y, z) [mm] written as (x, z, -y) / 1000 [m]"},
}
#: CAD (+Z up) to glTF (+Y up, +Z forward): (x, y, z) -> (x, z, -y), a proper rotation.
_Z_UP_TO_GLTF = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, -1.0, 0.0]])


def _as_assembly(obj: Any) -> Any:
    import cadquery as cq

    if isinstance(obj, cq.Assembly):
        return obj
    if isinstance(obj, (cq.Workplane, cq.Shape)):
        return cq.Assembly(obj, name="part")
    raise TypeError(f"shape_or_assembly = {obj!r}: expected a cadquery Assembly, Workplane or Shape")


def part_meshes(obj: Any, tolerance: float, angular_tolerance: float = ANGULAR_TOLERANCE) -> list[dict[str, Any]]:
    """Every part of ``obj`` as one closed mesh in its own frame, with where it is placed.

    Returns one dict per part (leaf), in assembly order: ``name`` (its path), ``material``, ``rgba`` (or
    None), ``key`` (the same for every placed copy of one part), ``nodes`` (n, 3) [mm] and ``triangles``
    (m, 3) in the part's own frame (:func:`geometry._shapes.solid_meshes`, shared by the copies), and
    ``rotation`` (3, 3) and ``translation`` (3,) [mm] to the root frame, x = R x_local + t.
    """
    cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    out = []
    for leaf in leaves(obj):
        if leaf.key not in cache:
            cache[leaf.key] = solid_meshes(leaf.local, tolerance, angular_tolerance)
        r, t = rigid_transform(leaf.location)
        nodes, tris = cache[leaf.key]
        out.append({"name": leaf.name, "material": leaf.material, "key": leaf.key, "nodes": nodes,
                    "triangles": tris, "rotation": r, "translation": t,
                    "rgba": None if leaf.color is None else tuple(float(c) for c in leaf.color.toTuple())})
    return out


def stl_file_name(part: str) -> str:
    """File name of a part's STL in the folder: its path below the root, ``/`` written ``.``, other characters
    than letters, digits, ``_``, ``-`` and ``.`` written ``_``."""
    below = part.split("/", 1)[1] if "/" in part else part
    return re.sub(r"[^A-Za-z0-9_.-]", "_", below.replace("/", ".")) + ".stl"


def _write_step(assy: Any, path: str, tolerance: float, angular: float) -> None:
    from cadquery.occ_impl.exporters.assembly import exportAssembly

    if not exportAssembly(assy, path, unit="MM"):
        raise OSError(f"STEP writer failed for {path!r}")


_STL_TRIANGLE = np.dtype([("normal", "<f4", 3), ("vertices", "<f4", (3, 3)), ("attribute", "<u2")])


def _write_stl(assy: Any, folder: str, tolerance: float, angular: float) -> None:
    """One binary STL per part in ``folder`` [mm, +Z up]: 80-byte header, count, 50 bytes a triangle."""
    for part in part_meshes(assy, tolerance, angular):
        world = part["nodes"] @ part["rotation"].T + part["translation"]
        corners = world[part["triangles"]]
        normal = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])
        length = np.linalg.norm(normal, axis=1, keepdims=True)
        records = np.zeros(len(corners), _STL_TRIANGLE)
        records["normal"] = np.divide(normal, length, out=np.zeros_like(normal), where=length > 0)
        records["vertices"] = corners
        header = f"spacedc part {part['name']}; mm; +Z up".encode("ascii", "replace")[:80].ljust(80, b" ")
        with open(os.path.join(folder, stl_file_name(part["name"])), "wb") as f:
            f.write(header + struct.pack("<I", len(records)) + records.tobytes())
            f.flush()
            os.fsync(f.fileno())


def _quaternion(r: np.ndarray) -> list[float]:
    """Unit quaternion (x, y, z, w) of a rotation matrix, as glTF's ``node.rotation`` takes it."""
    from scipy.spatial.transform import Rotation

    return [float(q) for q in Rotation.from_matrix(r).as_quat()]


def _write_gltf(assy: Any, path: str, tolerance: float, angular: float) -> None:
    """Binary glTF 2.0 [m, +Y up]: one node per part, one mesh per distinct part (see the module docstring)."""
    parts = part_meshes(assy, tolerance, angular)
    root = leaves(assy)[0].name.split("/")[0] if parts else "assembly"
    blob = bytearray()
    views: list[dict[str, Any]] = []
    accessors: list[dict[str, Any]] = []
    meshes: list[dict[str, Any]] = []
    materials: list[dict[str, Any]] = []
    material_index: dict[tuple[Any, Any], int] = {}
    mesh_index: dict[int, int] = {}
    nodes: list[dict[str, Any]] = [{"name": root, "children": []}]

    def view(data: bytes, target: int) -> int:
        blob.extend(b"\0" * (-len(blob) % 4))
        views.append({"buffer": 0, "byteOffset": len(blob), "byteLength": len(data), "target": target})
        blob.extend(data)
        return len(views) - 1

    for part in parts:
        if part["key"] not in mesh_index:
            key = (part["material"], part["rgba"])
            if key not in material_index:
                rgba = list(part["rgba"]) if part["rgba"] is not None else [0.6, 0.6, 0.6, 1.0]
                material_index[key] = len(materials)
                materials.append({"name": part["material"] or "default", "pbrMetallicRoughness": {
                    "baseColorFactor": rgba, "metallicFactor": 0.0, "roughnessFactor": 0.8}})
            positions = (part["nodes"] @ _Z_UP_TO_GLTF.T * 1e-3).astype("<f4")
            indices = part["triangles"].astype("<u4")
            accessors.append({"bufferView": view(positions.tobytes(), 34962), "componentType": 5126,
                              "count": len(positions), "type": "VEC3",
                              "min": positions.min(axis=0).tolist(), "max": positions.max(axis=0).tolist()})
            accessors.append({"bufferView": view(indices.tobytes(), 34963), "componentType": 5125,
                              "count": indices.size, "type": "SCALAR"})
            mesh_index[part["key"]] = len(meshes)
            meshes.append({"name": part["name"], "primitives": [{
                "attributes": {"POSITION": len(accessors) - 2}, "indices": len(accessors) - 1,
                "material": material_index[key], "mode": 4}]})
        # x_gltf = C x_cad / 1000 = (C R C^T) (C x_local / 1000) + C t / 1000
        rotation = _Z_UP_TO_GLTF @ part["rotation"] @ _Z_UP_TO_GLTF.T
        nodes[0]["children"].append(len(nodes))
        nodes.append({"name": part["name"], "mesh": mesh_index[part["key"]], "rotation": _quaternion(rotation),
                      "translation": (_Z_UP_TO_GLTF @ part["translation"] * 1e-3).tolist()})
    gltf = {
        "asset": {"version": "2.0", "generator": "spacedc.geometry", "extras": {
            "unit": "m", "up": "+Y", "forward": "+Z",
            "source_frame": "CAD in mm, +Z up (the launch axis); written (x, z, -y) / 1000"}},
        "scene": 0, "scenes": [{"name": root, "nodes": [0]}], "nodes": nodes, "meshes": meshes,
        "materials": materials, "accessors": accessors, "bufferViews": views,
        "buffers": [{"byteLength": len(blob)}],
    }
    text = json.dumps(gltf, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)
    blob.extend(b"\0" * (-len(blob) % 4))
    total = 12 + 8 + len(text) + 8 + len(blob)
    with open(path, "wb") as f:
        f.write(b"glTF" + struct.pack("<II", 2, total))
        f.write(struct.pack("<I", len(text)) + b"JSON" + text)
        f.write(struct.pack("<I", len(blob)) + b"BIN\0" + bytes(blob))


_WRITERS: dict[str, Callable[[Any, str, float, float], None]] = {
    "step": _write_step, "stl": _write_stl, "gltf": _write_gltf}


def _stale_folders(target: Path) -> list[Path]:
    """Temporary folders of ``target`` left by processes no longer alive (``.<name>.<random>.<pid>.part``)."""
    stale = []
    for part in target.parent.glob(f".{target.name}.*.part"):
        try:
            pid = int(part.name.rsplit(".", 2)[-2])
            os.kill(pid, 0)
        except ProcessLookupError:
            stale.append(part)
        except (ValueError, PermissionError):
            continue
    return stale


def _atomic_folder(target: Path, write: Callable[[str], Any]) -> Path:
    """Write a folder through ``write(tmp_folder)`` and rename it to ``target`` (see the module docstring)."""
    if not target.parent.is_dir():
        raise FileNotFoundError(f"{target.parent}: no such directory")
    for stale in _stale_folders(target):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=f".{os.getpid()}.part"))
    try:
        write(str(tmp))
        os.chmod(tmp, 0o777 & ~_umask())
        old = None
        if target.exists():
            old = target.parent / f".{target.name}.{os.urandom(4).hex()}.{os.getpid()}.old"
            os.replace(target, old)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target


def export(shape_or_assembly: Any, path: str | os.PathLike[str], format: str | None = None, *,
           tolerance: Any = None, angular_tolerance: float = ANGULAR_TOLERANCE) -> Path:
    """Write a part or assembly to STEP, STL (a folder of one file per part) or glTF (binary .glb), atomically.

    Parameters
    ----------
    shape_or_assembly : cq.Assembly, cq.Workplane or cq.Shape
        Geometry in mm (as built by :mod:`geometry.parts`).
    path : str or PathLike
        Target; its directory must exist. STEP: ``.step``/``.stp``; glTF: ``.glb``; STL: a folder whose name
        ends in ``_stl`` (one ``<part>.stl`` per part inside, see the module docstring).
    format : {"step", "stl", "gltf"}, optional
        Default: from the name's ending.
    tolerance : Quantity [length], optional
        Linear mesh deflection for STL and glTF; default 1e-3 x bounding-box diagonal in [0.01, 10] mm.
    angular_tolerance : float
        Angular mesh deflection [rad].

    Returns
    -------
    pathlib.Path
        The written file or folder. Units and axes: :data:`MESH_AXES` (STEP mm, STL mm +Z up, glTF m +Y up).
    """
    target = Path(path)
    name = target.name.lower()
    if format is None:
        format = next((k for k, ends in FORMATS.items() if name.endswith(ends)), None)
        if format is None:
            hint = (" (STL is written as a folder of one file per part: name it ..._stl)"
                    if name.endswith(".stl") else "")
            raise ValueError(f"path = {str(path)!r}: cannot tell the format from suffix {target.suffix!r}; "
                             f"use .step, .glb or a folder ending in _stl, or pass format{hint}")
    fmt = format.lower()
    if fmt not in FORMATS:
        raise ValueError(f"format = {format!r}: must be one of {', '.join(FORMATS)}")
    if not name.endswith(FORMATS[fmt]):
        raise ValueError(f"path = {str(path)!r}: a {fmt} target must end with {' or '.join(FORMATS[fmt])}"
                         + {"gltf": " (glTF is written binary, self-contained)",
                            "stl": " (STL is written as a folder of one binary file per part)"}.get(fmt, ""))
    if not 0 < angular_tolerance < 3.2:
        raise ValueError(f"angular_tolerance = {angular_tolerance!r}: must be in (0, pi] rad")
    assy = _as_assembly(shape_or_assembly)
    tol = (mesh_tolerance(compound(assy)) if tolerance is None
           else float(si(tolerance, "mm", "tolerance", lo=0, lo_open=True)))
    write = lambda tmp: _WRITERS[fmt](assy, tmp, tol, angular_tolerance)  # noqa: E731
    return _atomic_folder(target, write) if fmt == "stl" else atomic_write(target, write)
