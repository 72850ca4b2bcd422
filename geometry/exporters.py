"""Export to STEP, STL and glTF, written atomically, with explicit units and size-based mesh tolerance.

Units in the files:

- STEP: millimetres, declared in the file (``SI_UNIT(.MILLI.,.METRE.)``); an assembly keeps its names,
  colours and locations (CadQuery's XCAF writer).
- STL: millimetres (STL carries no unit; every coordinate is in mm). Binary STL of the whole assembly as
  one mesh.
- glTF: binary glTF 2.0 (``.glb``, one self-contained file) in metres with +Y up, as the glTF
  specification requires (section 3.4 "Coordinate System and Units"): the writer converts from the CAD's
  mm and +Z up.

Mesh tolerance (STL, glTF): an absolute linear deflection of 1e-3 x the bounding-box diagonal, clipped to
[0.01, 10] mm, and 0.1 rad angular, unless given.

Atomic write: the file is written to a temporary name in the target's directory
(``.<name>.<random>.<pid>.part``), flushed to disk (fsync), then renamed over the target with
:func:`os.replace` (atomic on POSIX and Windows), and the directory is fsynced. If the export raises, the
temporary file is removed and any existing target is untouched; if the process is killed, only the
temporary file can remain, and the next export to the same target removes leftovers of dead processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacedc.geometry._shapes import ANGULAR_TOLERANCE, compound, leaves, mesh_absolute, mesh_tolerance
from spacedc.files import atomic_write
from spacedc.units import si

__all__ = ["FORMATS", "export", "atomic_write"]

#: Export formats and the file suffixes each accepts.
FORMATS = {"step": (".step", ".stp"), "stl": (".stl",), "gltf": (".glb",)}


def _as_assembly(obj: Any) -> Any:
    import cadquery as cq

    if isinstance(obj, cq.Assembly):
        return obj
    if isinstance(obj, (cq.Workplane, cq.Shape)):
        return cq.Assembly(obj, name="part")
    raise TypeError(f"shape_or_assembly = {obj!r}: expected a cadquery Assembly, Workplane or Shape")


def _write_step(assy: Any, path: str, tolerance: float, angular: float) -> None:
    from cadquery.occ_impl.exporters.assembly import exportAssembly

    if not exportAssembly(assy, path, unit="MM"):
        raise OSError(f"STEP writer failed for {path!r}")


def _write_stl(assy: Any, path: str, tolerance: float, angular: float) -> None:
    if not compound(assy).exportStl(path, tolerance, angular, ascii=False, relative=False):
        raise OSError(f"STL writer failed for {path!r}")


def _write_gltf(assy: Any, path: str, tolerance: float, angular: float) -> None:
    from cadquery.occ_impl.assembly import toCAF
    from OCP.Message import Message_ProgressRange
    from OCP.RWGltf import RWGltf_CafWriter
    from OCP.RWMesh import RWMesh_CoordinateSystem
    from OCP.TCollection import TCollection_AsciiString
    from OCP.TColStd import TColStd_IndexedDataMapOfStringString

    for leaf in leaves(assy):  # absolute deflection; toCAF keeps an existing fine-enough mesh
        mesh_absolute(leaf.shape, tolerance, angular)
    _, doc = toCAF(assy, True, True, tolerance, angular)
    writer = RWGltf_CafWriter(TCollection_AsciiString(path), True)
    converter = writer.ChangeCoordinateSystemConverter()
    converter.SetInputLengthUnit(0.001)  # CAD in mm
    converter.SetInputCoordinateSystem(RWMesh_CoordinateSystem.RWMesh_CoordinateSystem_Zup)
    converter.SetOutputLengthUnit(1.0)  # glTF in m, +Y up
    converter.SetOutputCoordinateSystem(RWMesh_CoordinateSystem.RWMesh_CoordinateSystem_glTF)
    if not writer.Perform(doc, TColStd_IndexedDataMapOfStringString(), Message_ProgressRange()):
        raise OSError(f"glTF writer failed for {path!r}")


_WRITERS: dict[str, Callable[[Any, str, float, float], None]] = {
    "step": _write_step, "stl": _write_stl, "gltf": _write_gltf}


def export(shape_or_assembly: Any, path: str | os.PathLike[str], format: str | None = None, *,
           tolerance: Any = None, angular_tolerance: float = ANGULAR_TOLERANCE) -> Path:
    """Write a part or assembly to STEP, STL or glTF (binary .glb), atomically.

    Parameters
    ----------
    shape_or_assembly : cq.Assembly, cq.Workplane or cq.Shape
        Geometry in mm (as built by :mod:`geometry.parts`).
    path : str or PathLike
        Target file; its directory must exist. Suffix .step/.stp, .stl or .glb.
    format : {"step", "stl", "gltf"}, optional
        Default: from the suffix.
    tolerance : Quantity [length], optional
        Linear mesh deflection for STL and glTF; default 1e-3 x bounding-box diagonal in [0.01, 10] mm.
    angular_tolerance : float
        Angular mesh deflection [rad].

    Returns
    -------
    pathlib.Path
        The written file. Units: STEP mm, STL mm, glTF m (see the module docstring).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if format is None:
        format = next((k for k, sfx in FORMATS.items() if suffix in sfx), None)
        if format is None:
            raise ValueError(f"path = {str(path)!r}: cannot tell the format from suffix {suffix!r}; "
                             f"use .step, .stl or .glb, or pass format")
    fmt = format.lower()
    if fmt not in FORMATS:
        raise ValueError(f"format = {format!r}: must be one of {', '.join(FORMATS)}")
    if suffix not in FORMATS[fmt]:
        raise ValueError(f"path = {str(path)!r}: a {fmt} file must end with {' or '.join(FORMATS[fmt])}"
                         + (" (glTF is written binary, self-contained)" if fmt == "gltf" else ""))
    if not 0 < angular_tolerance < 3.2:
        raise ValueError(f"angular_tolerance = {angular_tolerance!r}: must be in (0, pi] rad")
    assy = _as_assembly(shape_or_assembly)
    tol = (mesh_tolerance(compound(assy)) if tolerance is None
           else float(si(tolerance, "mm", "tolerance", lo=0, lo_open=True)))
    return atomic_write(target, lambda tmp: _WRITERS[fmt](assy, tmp, tol, angular_tolerance))
