"""From sized designs to CAD: the CAD's deployed areas equal the sized areas, a STEP written by
`spacedc cad` reads back with the same volume, and the envelope and mass check are reported.

Every test that builds solids is marked ``cad`` (CadQuery, the [cad] extra); the analytic spec areas are not.
"""

import json
import subprocess
import sys

import pytest

from spacedc import designs
from spacedc.designs.cad import analytic_envelope, build_cad, satellite_spec


@pytest.mark.parametrize("name", sorted(designs.reference_designs()))
def test_spec_areas_equal_the_sized_areas(name):
    """The geometry spec's analytic deployed areas equal the sizing's (issue acceptance: to 1 %)."""
    sat = designs.load(name)
    result = designs.size(sat)
    spec = satellite_spec(sat, result)
    assert spec.radiating_area.m_as("m^2") == pytest.approx(result.radiator_area.m_as("m^2"), rel=1e-9)
    assert spec.array_area.m_as("m^2") == pytest.approx(result.array.area.m_as("m^2"), rel=1e-9)
    panels = spec.radiator_wing_count * spec.radiator.panel_count
    assert panels == result.panel_count


@pytest.mark.cad
@pytest.mark.parametrize("name", ["demo-1gpu", "sso-100kw"])
def test_cad_face_areas_equal_summary_areas(name, tmp_path):
    """Areas measured on the solids (cad_areas) against summary.json, to 1 %."""
    out = subprocess.run([sys.executable, "-m", "spacedc.designs.cli", "size", name, "--json", "--cad", "--out",
                          str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    cad = data["cad"]
    assert cad["radiating_area_m2"] == pytest.approx(data["thermal"]["radiator_area_m2"], rel=0.01)
    assert cad["array_area_m2"] == pytest.approx(data["power"]["array_area_m2"], rel=0.01)
    assert cad["stowed_height_m"] > 0 and cad["stowed_radius_m"] > 0
    assert set(cad["mass_check"]) == {"radiator", "array", "payload_racks"}
    saved = json.loads((tmp_path / "summary.json").read_text())
    assert saved["cad"]["radiating_area_m2"] == cad["radiating_area_m2"]


@pytest.mark.cad
def test_step_from_spacedc_cad_reads_back_with_the_same_volume(tmp_path):
    import cadquery as cq

    out = subprocess.run([sys.executable, "-m", "spacedc.designs.cli", "cad", "demo-1gpu", "--out", str(tmp_path),
                          "--deployed"], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    step = tmp_path / "demo-1gpu_deployed.step"
    assert step.is_file() and not (tmp_path / "demo-1gpu_stowed.step").exists()
    assert "stowed envelope" in out.stdout
    sat = designs.load("demo-1gpu")
    built = build_cad(sat, designs.size(sat), "deployed").toCompound().Volume()
    read = cq.importers.importStep(str(step)).val().Volume()
    assert read == pytest.approx(built, rel=1e-6)
    report = json.loads((tmp_path / "cad.json").read_text())
    assert report["files"] and all(p.startswith(str(tmp_path)) for p in report["files"])


@pytest.mark.cad
def test_cad_of_a_design_without_geometry_exits_1_and_writes_nothing(tmp_path):
    """A black radiator facing the Sun sits below its sink: no finite radiator, nothing to build."""
    text = designs.reference_designs()["demo-1gpu"].read_text().replace(
        'absorptivity = 0.10', 'absorptivity = 0.95\norientation = "sun-facing"')
    path = tmp_path / "hot.toml"
    path.write_text(text)
    out = subprocess.run([sys.executable, "-m", "spacedc.designs.cli", "cad", str(path), "--out", str(tmp_path / "cad")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 1 and "sink" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "cad").exists()


@pytest.mark.cad
@pytest.mark.parametrize("name", ["demo-1gpu", "sso-100kw"])
def test_analytic_stowed_envelope_bounds_the_cad_one(name):
    """The analytic envelope (used for launch checks without CAD) encloses the solids: it is at least the
    envelope measured on the stowed CAD, which itself over-reads by at most its mesh tolerance."""
    from spacedc import geometry

    sat = designs.load(name)
    result = designs.size(sat, transient=False)
    height, radius = analytic_envelope(satellite_spec(sat, result))
    cad = geometry.stowed_envelope(build_cad(sat, result, "stowed"))
    tol = cad.tolerance.m_as("m")
    assert radius.m_as("m") >= cad.radius.m_as("m") - tol
    assert height.m_as("m") >= cad.height.m_as("m") - 2 * tol
    assert radius.m_as("m") <= 1.02 * cad.radius.m_as("m")  # and not loose


@pytest.mark.cad
@pytest.mark.parametrize("name", sorted(designs.reference_designs()))
def test_cad_areas_of_every_reference_design(name):
    """Issue acceptance: the deployed radiator and array face areas measured on the solids equal the sized
    areas of summary.json to 1 %, for each reference design (the 40 MW station has 4378 panels: about 10 s)."""
    from spacedc import geometry

    sat = designs.load(name)
    result = designs.size(sat, transient=False)
    areas = geometry.cad_areas(build_cad(sat, result, "deployed"))
    summary = result.to_dict()
    assert areas.radiating_area.m_as("m^2") == pytest.approx(summary["thermal"]["radiator_area_m2"], rel=0.01)
    assert areas.array_area.m_as("m^2") == pytest.approx(summary["power"]["array_area_m2"], rel=0.01)
