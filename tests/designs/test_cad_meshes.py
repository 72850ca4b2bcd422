"""`spacedc cad --format stl,gltf`: every part of both states is one closed mesh (trimesh), the glTF nodes and the
STL files name the same parts, cad.json states units and axes, and --stowed previews only the stowed satellite
inside the launch vehicle's envelope."""

from __future__ import annotations

import json

import matplotlib.image
import numpy as np
import pytest

pytestmark = pytest.mark.cad
pytest.importorskip("cadquery", reason='needs CadQuery: pip install "spacedc[cad]"')
trimesh = pytest.importorskip("trimesh", reason="the mesh checks need trimesh (the dev extra)")

from spacedc import structure  # noqa: E402
from spacedc.designs import load  # noqa: E402
from spacedc.designs.cad import fairing_envelope  # noqa: E402
from spacedc.designs.cli import main  # noqa: E402
from spacedc.geometry import preview  # noqa: E402
from spacedc.geometry.exporters import stl_file_name  # noqa: E402


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cad")
    assert main(["cad", "demo-1gpu", "--out", str(folder), "--format", "stl,gltf"]) == 0
    return folder


@pytest.mark.parametrize("state", ["deployed", "stowed"])
def test_every_part_is_watertight_in_stl_and_gltf_with_the_same_names(out, state):
    scene = trimesh.load(out / f"demo-1gpu_{state}.glb", force="scene")
    nodes = [n for n in scene.graph.nodes_geometry]
    assert len(nodes) > 10  # bus, racks, every panel's face sheets, core, pipes, manifold, lugs, array wings
    stl = sorted(p.name for p in (out / f"demo-1gpu_{state}_stl").iterdir())
    assert stl == sorted(stl_file_name(n) for n in nodes)
    for name, mesh in scene.geometry.items():
        assert mesh.is_watertight and mesh.is_winding_consistent, name
    for path in (out / f"demo-1gpu_{state}_stl").iterdir():
        mesh = trimesh.load(path)
        assert mesh.is_watertight and mesh.is_winding_consistent, path.name


def test_cad_json_states_units_and_axes(out):
    data = json.loads((out / "cad.json").read_text())
    assert data["units_and_axes"]["gltf"]["unit"] == "m" and data["units_and_axes"]["gltf"]["up"] == "+Y"
    assert data["units_and_axes"]["stl"]["unit"] == "mm" and data["units_and_axes"]["stl"]["up"] == "+Z"
    stowed = trimesh.load(out / "demo-1gpu_stowed.glb", force="scene")
    # the stowed height (along the launch axis, CAD z) is glTF's y extent, in metres
    assert np.ptp(stowed.bounds[:, 1]) == pytest.approx(data["stowed_height_m"], rel=0.02)


def test_fairing_envelope_is_the_vehicles():
    design = load("demo-1gpu")
    name, env = fairing_envelope(design)
    lv = structure.launch_vehicle(design.launch.vehicle, design.launch.recovery)
    assert name == lv.name
    assert env.m_as("m") == pytest.approx(np.asarray(lv.envelope))


def test_stowed_only_preview_shows_the_fairing_and_no_deployed_views(tmp_path):
    assert main(["cad", "demo-1gpu", "--out", str(tmp_path), "--stowed"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cad.json", "demo-1gpu_preview.png", "demo-1gpu_stowed.step"]
    image = matplotlib.image.imread(tmp_path / "demo-1gpu_preview.png")
    assert image.shape[0] == round(5.5 * 100)  # one row: the stowed side and top views
    fill = np.all(np.abs(image[:, :, :3] - np.array(preview._FAIRING_FILL)) < 2 / 255, axis=2)
    assert fill.sum() > 1000
