"""Export: STEP round trip, units and axes in each format, one closed named mesh per part, and atomic writes
(exception and SIGKILL)."""

from __future__ import annotations

import importlib
import json
import os
import signal
import struct
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

pytestmark = pytest.mark.cad
cq = pytest.importorskip("cadquery", reason='needs CadQuery: pip install "spacedc[cad]"')

trimesh = pytest.importorskip("trimesh", reason="the mesh checks need trimesh (the dev extra)")

from spacedc.geometry import RadiatorPanelSpec, RadiatorWingSpec, cad_volumes, export, make_radiator_wing  # noqa: E402
from spacedc.geometry._shapes import leaves  # noqa: E402

exporters = importlib.import_module("spacedc.geometry.exporters")


@pytest.fixture(scope="module")
def wing():
    spec = RadiatorWingSpec(RadiatorPanelSpec("1 m", "1.5 m", pipe_count=4, pipe_shape="D"), panel_count=2)
    return make_radiator_wing(spec)


def _glb_json(path):
    """The JSON chunk of a binary glTF (glTF 2.0 spec, section 4.4 "GLB File Format Specification")."""
    data = path.read_bytes()
    assert data[:4] == b"glTF"
    length = struct.unpack("<I", data[12:16])[0]
    return json.loads(data[20:20 + length])


def test_step_round_trip_keeps_the_volume(wing, tmp_path):
    path = export(wing, tmp_path / "wing.step")
    volume = sum(v.m_as("mm^3") for v in cad_volumes(wing).values())
    back = cq.importers.importStep(str(path))
    assert sum(s.Volume() for s in back.solids().vals()) == pytest.approx(volume, rel=1e-6)
    assert "SI_UNIT(.MILLI.,.METRE.)" in path.read_text(errors="replace")
    assert not list(tmp_path.glob(".*.part"))


def _stl(path):
    """Triangles (m, 3, 3) of a binary STL: 80-byte header, count, 50 bytes a triangle."""
    data = path.read_bytes()
    n = struct.unpack("<I", data[80:84])[0]
    assert len(data) == 84 + 50 * n
    return data[:80], np.frombuffer(data[84:], dtype=exporters._STL_TRIANGLE)["vertices"]


def test_stl_is_one_file_per_part_in_mm_z_up(wing, tmp_path):
    bb = wing.toCompound().BoundingBox()
    folder = export(wing, tmp_path / "wing_stl")
    parts = leaves(wing)
    assert sorted(p.name for p in folder.iterdir()) == sorted(exporters.stl_file_name(p.name) for p in parts)
    header, tri = _stl(folder / "panel_1.heat_pipes.stl")
    assert header.startswith(b"spacedc part radiator_wing/panel_1/heat_pipes; mm; +Z up")
    pts = np.concatenate([_stl(f)[1].reshape(-1, 3) for f in folder.iterdir()])
    # mm and the CAD's own axes: the mesh spans the B-rep's bounding box (to the 2.5 mm mesh deflection)
    assert pts.min(axis=0) == pytest.approx([bb.xmin, bb.ymin, bb.zmin], abs=3.0)
    assert pts.max(axis=0) == pytest.approx([bb.xmax, bb.ymax, bb.zmax], abs=3.0)


def test_gltf_is_metres_y_up_one_named_node_per_part(wing, tmp_path):
    bb = wing.toCompound().BoundingBox()
    gltf = _glb_json(export(wing, tmp_path / "wing.glb"))
    assert gltf["asset"]["version"] == "2.0"
    assert gltf["asset"]["extras"]["unit"] == "m" and gltf["asset"]["extras"]["up"] == "+Y"
    root = gltf["nodes"][gltf["scenes"][0]["nodes"][0]]
    names = [gltf["nodes"][i]["name"] for i in root["children"]]
    assert names == [p.name for p in leaves(wing)]
    # one mesh per distinct part: the two panels are one panel placed twice
    assert len(gltf["meshes"]) == len(names) // 2
    # positions in metres, +Y up: CAD (x, y, z) [mm] is glTF (x, z, -y) / 1000 [m], so the wing's 2.1 m span
    # along CAD x stays on x and its 1.5 m panel length along CAD y goes to -z
    scene = trimesh.load(tmp_path / "wing.glb", force="scene")
    lo, hi = scene.bounds
    assert lo == pytest.approx([bb.xmin / 1e3, bb.zmin / 1e3, -bb.ymax / 1e3], abs=3e-3)
    assert hi == pytest.approx([bb.xmax / 1e3, bb.zmax / 1e3, -bb.ymin / 1e3], abs=3e-3)


def test_every_stl_and_gltf_part_is_watertight(wing, tmp_path):
    """Each part is one closed, consistently wound mesh (trimesh: every edge in exactly two faces) whose volume
    is the B-rep solid's to the mesh deflection."""
    parts = {p.name: p for p in leaves(wing)}
    folder = export(wing, tmp_path / "wing_stl")
    for name, part in parts.items():
        mesh = trimesh.load(folder / exporters.stl_file_name(name))
        assert mesh.is_watertight and mesh.is_winding_consistent, name
        assert mesh.volume == pytest.approx(part.shape.Volume(), rel=5e-3), name
    scene = trimesh.load(export(wing, tmp_path / "wing.glb"), force="scene")
    assert len(scene.graph.nodes_geometry) == len(parts)
    for name, mesh in scene.geometry.items():
        assert mesh.is_watertight and mesh.is_winding_consistent, name
        assert mesh.volume * 1e9 == pytest.approx(parts[name].shape.Volume(), rel=5e-3), name


def test_format_errors(wing, tmp_path):
    with pytest.raises(ValueError, match="suffix"):
        export(wing, tmp_path / "wing.obj")
    with pytest.raises(ValueError, match="format"):
        export(wing, tmp_path / "wing.step", "iges")
    with pytest.raises(ValueError, match=".glb"):
        export(wing, tmp_path / "wing.gltf", "gltf")
    with pytest.raises(ValueError, match="folder of one file per part"):
        export(wing, tmp_path / "wing.stl")
    with pytest.raises(FileNotFoundError):
        export(wing, tmp_path / "missing" / "wing.step")


def test_exception_during_export_leaves_no_target(wing, tmp_path, monkeypatch):
    def broken(assy, path, tolerance, angular):
        with open(path, "wb") as f:
            f.write(b"ISO-10303-21; half a file")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(exporters._WRITERS, "step", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export(wing, tmp_path / "wing.step")
    assert not (tmp_path / "wing.step").exists()
    assert not list(tmp_path.iterdir())  # temporary file cleaned up
    # an existing file is left as it was
    (tmp_path / "wing.step").write_text("previous version")
    with pytest.raises(RuntimeError):
        export(wing, tmp_path / "wing.step")
    assert (tmp_path / "wing.step").read_text() == "previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["wing.step"]


def test_killed_export_leaves_no_target(tmp_path, wing):
    """A child process starts a slow export (a 60-pipe panel to glTF at 0.01 mm, several seconds) and is
    killed with SIGKILL once its temporary file exists: the target name must not exist."""
    target = tmp_path / "panel.glb"
    code = textwrap.dedent(f"""
        from spacedc import geometry as g
        spec = g.RadiatorPanelSpec("2 m", "2 m", pipe_count=60, pipe_pitch="33 mm", pipe_diameter="20 mm",
                                   core_thickness="25 mm")
        panel = g.make_radiator_panel(spec)
        print("exporting", flush=True)
        g.export(panel, {str(target)!r}, tolerance="0.01 mm")
        print("finished", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "exporting"
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob(".panel.glb.*.part")):
            assert time.monotonic() < deadline and proc.poll() is None, "export never started"
            time.sleep(0.01)
        time.sleep(0.3)  # well into meshing
        assert proc.poll() is None, "export finished before it could be killed; make it larger"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert not target.exists()
    leftovers = list(tmp_path.glob(".panel.glb.*.part"))
    assert len(leftovers) == 1 and str(proc.pid) in leftovers[0].name  # distinct name, dead owner
    # the next export to the same target removes the dead process's leftover
    export(wing, target)
    assert target.exists() and not list(tmp_path.glob(".panel.glb.*.part"))


def test_mesh_tolerance_follows_part_size():
    """1e-3 of the bounding-box diagonal, clipped to [0.01, 10] mm."""
    from spacedc.geometry._shapes import mesh_tolerance

    assert mesh_tolerance(cq.Solid.makeBox(300, 400, 1200)) == pytest.approx(1.3)  # diagonal 1300 mm
    assert mesh_tolerance(cq.Solid.makeBox(1, 1, 1)) == pytest.approx(0.01)
    assert mesh_tolerance(cq.Solid.makeBox(60000, 1000, 1000)) == pytest.approx(10.0)


def test_stl_folder_is_replaced_whole_or_not_at_all(wing, tmp_path, monkeypatch):
    target = tmp_path / "wing_stl"
    export(wing, target)
    before = sorted(p.name for p in target.iterdir())

    def broken(assy, folder, tolerance, angular):
        (tmp_path / "seen").write_text(folder)
        open(os.path.join(folder, "half.stl"), "wb").close()
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(exporters._WRITERS, "stl", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export(wing, target)
    assert sorted(p.name for p in target.iterdir()) == before  # the old folder, untouched
    assert not os.path.exists((tmp_path / "seen").read_text())  # the temporary folder removed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seen", "wing_stl"]
