"""Export: STEP round trip, units in each format, and atomic writes (exception and SIGKILL)."""

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

from spacedc.geometry import RadiatorPanelSpec, RadiatorWingSpec, cad_volumes, export, make_radiator_wing  # noqa: E402

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


def test_stl_is_in_mm_and_gltf_in_metres(wing, tmp_path):
    bb = wing.toCompound().BoundingBox()
    stl = export(wing, tmp_path / "wing.stl")
    data = stl.read_bytes()
    n = struct.unpack("<I", data[80:84])[0]
    assert len(data) == 84 + 50 * n  # binary STL: header, count, 50 bytes a triangle
    tri = np.frombuffer(data[84:], dtype=np.dtype([("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")]))
    pts = tri["v"].reshape(-1, 3)
    assert pts[:, 0].max() == pytest.approx(bb.xmax, abs=1.0)  # mm, as in the CAD
    gltf = _glb_json(export(wing, tmp_path / "wing.glb"))
    assert gltf["asset"]["version"] == "2.0"
    extent = max(np.max(a["max"]) for a in gltf["accessors"] if len(a.get("max", [])) == 3)
    translation = max((abs(t) for node in gltf["nodes"] for t in node.get("translation", [])), default=0)
    # metres: the 2.1 m wing spans numbers of order 1, not 1000
    assert 0.5 < extent + translation < 3.0


def test_format_errors(wing, tmp_path):
    with pytest.raises(ValueError, match="suffix"):
        export(wing, tmp_path / "wing.obj")
    with pytest.raises(ValueError, match="format"):
        export(wing, tmp_path / "wing.step", "iges")
    with pytest.raises(ValueError, match=".glb"):
        export(wing, tmp_path / "wing.gltf", "gltf")
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
    """A child process starts a slow export (a 60-pipe panel to STL at 0.01 mm, several seconds) and is
    killed with SIGKILL once its temporary file exists: the target name must not exist."""
    target = tmp_path / "panel.stl"
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
        while not list(tmp_path.glob(".panel.stl.*.part")):
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
    leftovers = list(tmp_path.glob(".panel.stl.*.part"))
    assert len(leftovers) == 1 and str(proc.pid) in leftovers[0].name  # distinct name, dead owner
    # the next export to the same target removes the dead process's leftover
    export(wing, target)
    assert target.exists() and not list(tmp_path.glob(".panel.stl.*.part"))


def test_mesh_tolerance_follows_part_size():
    """1e-3 of the bounding-box diagonal, clipped to [0.01, 10] mm."""
    from spacedc.geometry._shapes import mesh_tolerance

    assert mesh_tolerance(cq.Solid.makeBox(300, 400, 1200)) == pytest.approx(1.3)  # diagonal 1300 mm
    assert mesh_tolerance(cq.Solid.makeBox(1, 1, 1)) == pytest.approx(0.01)
    assert mesh_tolerance(cq.Solid.makeBox(60000, 1000, 1000)) == pytest.approx(10.0)
