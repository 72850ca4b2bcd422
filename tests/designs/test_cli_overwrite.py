"""`spacedc size --out` and `spacedc cad --out` never overwrite a user's file without --force.

Without it the run stops before anything is sized or written (exit 2, naming the file) and every file in the
folder is left as it was; with it each file is replaced atomically (written beside, then renamed over).
"""

import json

import pytest

from spacedc.designs import cli
from spacedc.designs.cad import cad_paths
from spacedc.designs.report import summary_paths


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_size_out_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "run"
    assert run(capsys, "size", "demo-1gpu", "--out", out)[0] == 0
    (out / "report.txt").write_text("my notes\n")  # the user's own file under one of the names
    before = _snapshot(out)
    code, _, err = run(capsys, "size", "demo-1gpu", "--out", out)
    assert code == 2
    assert str(out / "report.txt") in err and str(out / "summary.json") in err and "--force" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _snapshot(out) == before  # nothing written, nothing half-written, no temporary file left


def test_one_existing_file_is_enough_to_refuse(tmp_path, capsys):
    out = tmp_path / "run"
    out.mkdir()
    (out / "budgets.png").write_bytes(b"not a plot")
    code, _, err = run(capsys, "size", "demo-1gpu", "--out", out)
    assert code == 2 and f"{out / 'budgets.png'} exists already" in err
    assert _snapshot(out) == {"budgets.png": b"not a plot"}


def test_size_out_with_force_replaces_the_files(tmp_path, capsys):
    out = tmp_path / "run"
    out.mkdir()
    for path in summary_paths(out):
        path.write_text("old\n")
    code, _, err = run(capsys, "size", "demo-1gpu", "--out", out, "--force")
    assert code == 0, err
    assert json.loads((out / "summary.json").read_text())["name"] == "demo-1gpu"
    assert "demo-1gpu: FEASIBLE" in (out / "report.txt").read_text()
    assert (out / "budgets.png").read_bytes().startswith(b"\x89PNG")
    written = {p.name for p in out.iterdir()}  # no leftovers: only the files --out names (report.html among them)
    assert "report.html" in written and written <= {p.name for p in cli._size_out_paths(out)}


def test_size_out_with_cad_checks_the_cad_files_too(tmp_path, capsys):
    out = tmp_path / "run"
    out.mkdir()
    step = cad_paths("demo-1gpu", out)[0]
    step.write_text("my model\n")
    code, _, err = run(capsys, "size", "demo-1gpu", "--out", out, "--cad")
    assert code == 2 and str(step) in err
    assert _snapshot(out) == {step.name: b"my model\n"}  # the summary files were not written either


def test_cad_out_refuses_without_force_and_replaces_with_it(tmp_path, capsys):
    pytest.importorskip("cadquery")
    out = tmp_path / "cad"
    out.mkdir()
    targets = [*cad_paths("demo-1gpu", out, ("step",), ("deployed",)), out / "cad.json"]
    for path in targets:
        path.write_text("mine\n")
    before = _snapshot(out)
    code, _, err = run(capsys, "cad", "demo-1gpu", "--out", out, "--deployed")
    assert code == 2 and all(str(p) in err for p in targets) and "--force" in err
    assert _snapshot(out) == before
    code, _, err = run(capsys, "cad", "demo-1gpu", "--out", out, "--deployed", "--force")
    assert code == 0, err
    assert json.loads((out / "cad.json").read_text())["radiating_area_m2"] > 0
    assert (out / "demo-1gpu_deployed.step").read_text().startswith("ISO-10303-21")
    assert (out / "demo-1gpu_preview.png").read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in targets)  # no temporary files left


def test_cad_paths_name_each_state_in_each_format_then_the_preview(tmp_path):
    """The names the refusal checks are those write_cad writes (the --force test above builds them)."""
    targets = cad_paths("demo-1gpu", tmp_path, ("stl", "gltf"), ("stowed",))
    assert [p.name for p in targets] == ["demo-1gpu_stowed_stl", "demo-1gpu_stowed.glb", "demo-1gpu_preview.png"]
    assert cad_paths("x", tmp_path, preview=False) == [tmp_path / "x_deployed.step", tmp_path / "x_stowed.step"]
