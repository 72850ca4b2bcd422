"""From sized designs to CAD: the CAD's deployed areas equal the sized areas for every wing count, a STEP
written by `spacedc cad` reads back with the same volume, the envelope is reported, and the CAD's mass
properties are those of the whole satellite (their total is the mass budget's wet mass).

Every test that builds solids is marked ``cad`` (CadQuery, the [cad] extra); the analytic spec areas are not.
"""

import json
import subprocess
import sys

import numpy as np
import pytest

from spacedc import designs
from spacedc.designs.cad import analytic_envelope, build_cad, measure_cad, satellite_spec


def _variant(tmp_path, name, old, new, rename):
    """A reference design's TOML with one line changed, under another name."""
    text = designs.reference_designs()[name].read_text()
    assert old in text
    text = text.replace(old, new).replace(f'name = "{name}"', f'name = "{rename}"')
    path = tmp_path / f"{rename}.toml"
    path.write_text(text)
    return path


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
@pytest.mark.parametrize("name, wings", [("demo-1gpu", 2), ("sso-100kw", 2), ("demo-1gpu", 3), ("sso-100kw", 4)])
def test_analytic_stowed_envelope_bounds_the_cad_one(name, wings):
    """The analytic envelope (used for launch checks without CAD) encloses the solids: it is at least the
    envelope measured on the stowed CAD, which itself over-reads by at most its mesh tolerance; for any
    wing count, since both follow the layout of geometry.specs."""
    from spacedc import geometry

    sat = designs.load(name).replace(thermal__wings=wings)
    result = designs.size(sat, transient=False)
    height, radius = analytic_envelope(satellite_spec(sat, result))
    cad = geometry.stowed_envelope(build_cad(sat, result, "stowed"))
    tol = cad.tolerance.m_as("m")
    ulp = 1e-9  # where the extreme is a mesh node (a vertex), the bound is met with equality
    assert radius.m_as("m") >= cad.radius.m_as("m") - tol - ulp
    assert height.m_as("m") >= cad.height.m_as("m") - 2 * tol - ulp
    assert radius.m_as("m") <= 1.02 * cad.radius.m_as("m")  # and not loose
    assert height.m_as("m") <= cad.height.m_as("m") + ulp  # nor too tall


@pytest.mark.cad
@pytest.mark.parametrize("name", sorted(designs.reference_designs()))
def test_cad_areas_and_mass_of_every_reference_design(name):
    """Issue acceptance: the deployed radiator and array face areas measured on the solids equal the sized
    areas of summary.json to 1 %, for each reference design; and the CAD's mass properties are the whole
    satellite's: the contributors (solids and lumped masses) add up to the budget's wet mass, mass.total_kg,
    in both configurations, of which the solids alone are a part."""
    sat = designs.load(name)
    result = designs.size(sat, transient=False)
    report = measure_cad(sat, result)
    summary = result.to_dict()
    assert report.radiating_area.m_as("m^2") == pytest.approx(summary["thermal"]["radiator_area_m2"], rel=0.01)
    assert report.array_area.m_as("m^2") == pytest.approx(summary["power"]["array_area_m2"], rel=0.01)
    total = summary["mass"]["total_kg"]
    assert report.mass.m_as("kg") == pytest.approx(total, rel=1e-12)
    assert sum(c["mass_kg"] for c in report.contributors.values()) == pytest.approx(total, rel=1e-12)
    assert 0 < report.solid_mass.m_as("kg") < total
    kinds = {k: c["kind"] for k, c in report.contributors.items()}
    assert kinds["battery"] == kinds["propellant"] == kinds["harness"] == kinds["system_margin"] == "lumped"
    assert kinds["radiator_panels"] == kinds["payload"] == "solid"
    contributors = report.contributors
    assert contributors["propellant"]["mass_kg"] == pytest.approx(summary["mass"]["propellant_kg"], rel=1e-12)
    assert contributors["structure"]["mass_kg"] == pytest.approx(summary["mass"]["structure_secondary_kg"], rel=1e-12)
    assert sum(contributors[k]["mass_kg"] for k in ("primary_structure", "mechanisms", "structure")) == pytest.approx(
        summary["mass"]["structure_kg"], rel=1e-12)
    assert contributors["system_margin"]["mass_kg"] == pytest.approx(summary["mass"]["margin_kg"], rel=1e-12)
    assert sum(c["mass_kg"] for k, c in contributors.items() if k.startswith("growth_")) == pytest.approx(
        summary["mass"]["growth_kg"], rel=1e-12)
    for inertia in (report.inertia, report.stowed_inertia):
        j = inertia.m_as("kg*m^2")
        np.testing.assert_allclose(j, j.T, atol=1e-9 * np.abs(j).max())
        assert np.all(np.linalg.eigvalsh(j) > 0)
    # folded, the wings sit close to the launch axis: every principal moment falls
    assert np.all(np.linalg.eigvalsh(report.stowed_inertia.m_as("kg*m^2"))
                  < np.linalg.eigvalsh(report.inertia.m_as("kg*m^2")))


@pytest.mark.parametrize("name", sorted(designs.reference_designs()))
@pytest.mark.parametrize("wings", [1, 2, 3, 4, 8, 12])
def test_every_wing_count_the_sizing_accepts_has_a_spec_of_the_sized_area(name, wings):
    """Sizing and CAD accept the same wing counts: the spec of any count holds the sized area in as many
    wings and panels, and its analytic stowed envelope is the one the launch checks used."""
    sat = designs.load(name).replace(thermal__wings=wings)
    result = designs.size(sat, transient=False)
    spec = satellite_spec(sat, result)
    assert spec.radiator_wing_count == wings
    assert spec.radiator_wing_count * spec.radiator.panel_count == result.panel_count
    assert spec.radiating_area.m_as("m^2") == pytest.approx(result.radiator_area.m_as("m^2"), rel=1e-12)
    height, radius = analytic_envelope(spec)
    assert height.m_as("m") == pytest.approx(result.stowed_height.m_as("m"), rel=1e-12)
    assert 2 * radius.m_as("m") == pytest.approx(result.stowed_diameter.m_as("m"), rel=1e-12)


def test_four_wing_design_sizes_and_exports_four_wings(tmp_path):
    """Issue acceptance: sso-100kw with 4 radiator wings sizes and `spacedc cad` exports it with 4 wings,
    cad.json's measured radiating area equals the sized area and its mass the wet mass. The stowed column:
    two wings a face, each band as tall as its panels plus the 25 mm manifold, 100 mm apart (by hand from
    the sized panel length L = A / (4 n W))."""
    path = _variant(tmp_path, "sso-100kw", "wings = 2", "wings = 4", "sso-4wings")
    # four wings raise the stowed centre of mass: a 6 mm cylinder wall keeps the buckling margin (5 mm: -0.02)
    path.write_text(path.read_text().replace('cylinder_thickness = "5 mm"', 'cylinder_thickness = "6 mm"'))
    sat = designs.load(path)
    result = designs.size(sat, transient=False)
    assert result.feasible, result.reasons
    per_wing = result.panel_count // 4
    length = result.radiator_area.m_as("m^2") / (4 * per_wing * 2.0)
    assert result.stowed_height.m_as("m") == pytest.approx(2 * (length + 0.025) + 0.1, rel=1e-12)
    out = subprocess.run([sys.executable, "-m", "spacedc.designs.cli", "cad", str(path), "--out", str(tmp_path / "cad"),
                          "--deployed"], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    report = json.loads((tmp_path / "cad" / "cad.json").read_text())
    assert report["radiator_wings"] == 4
    assert report["radiating_area_m2"] == pytest.approx(result.radiator_area.m_as("m^2"), rel=1e-9)
    assert report["mass_kg"] == pytest.approx(result.to_dict()["mass"]["total_kg"], rel=1e-12)
    assert report["stowed_height_m"] <= result.stowed_height.m_as("m") + 0.02  # the CAD pads by its mesh tolerance
    names = {child.name for child in build_cad(sat, result, "stowed").children}
    assert {f"radiator_wing_{k}" for k in range(4)} <= names and "radiator_wing_4" not in names


def test_too_many_wings_for_the_panels_is_infeasible_and_named():
    """12 panels' worth of radiator over 100 wings makes 56 mm panels, shorter than the 2 x 2 x 20 mm their
    hinge lugs need: the sizing says so, and the CAD refuses naming thermal.wings."""
    sat = designs.load("demo-1gpu").replace(thermal__wings=100)
    result = designs.size(sat, transient=False)
    assert not result.feasible and "thermal.wings" in result.reasons and "hinge lugs" in result.reasons
    with pytest.raises(ValueError, match=r"thermal\.wings = 100"):
        satellite_spec(sat, result)
