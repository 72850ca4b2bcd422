"""The radiator panel declared once (the thermal section yields the sized panel and the CAD panel), the wing
and array counts sizing and CAD both accept, and the removed [geometry] heat_pipe_pitch."""

import subprocess
import sys

import numpy as np
import pytest

from spacedc import designs, geometry
from spacedc.designs.spec import DesignError
from spacedc.units import u


@pytest.fixture(scope="module")
def sat():
    return designs.load("sso-100kw")


def test_the_thermal_section_yields_both_panels(sat):
    """sso-100kw: 2 m x 3 m panels, 0.5 mm face sheets on a 20 mm core, 12.7 mm pipes asked every 35 mm:
    floor(2000 / 35) = 57 pipes at 2000 / 57 = 35.09 mm in both the sizing and the CAD."""
    th = sat.thermal
    sized, built = th.panel_spec(), th.geometry_panel()
    assert sized.pipes_per_panel == 57 == built.pipe_count
    assert built.pipe_pitch.m_as("mm") == pytest.approx(2000 / 57, rel=1e-12)
    result = designs.size(sat, transient=False)
    assert result.panels.pipes_per_panel == 57
    assert result.panels.pipe_pitch.m_as("mm") == pytest.approx(2000 / 57, rel=1e-12)
    for name in ("width", "face_sheet_thickness", "core_thickness", "pipe_diameter", "pipe_wall_thickness"):
        assert getattr(built, name).m_as("m") == pytest.approx(getattr(sized, name).m_as("m"), rel=1e-12), name
    assert built.length.m_as("m") == pytest.approx(3.0)
    assert th.geometry_panel("2.5 m").length.m_as("m") == pytest.approx(2.5)


def test_a_sweep_of_the_panel_stays_one_call_and_is_checked_per_panel(sat):
    swept = sat.replace(thermal__core_thickness=np.array([15.0, 20.0, 25.0]) * u.mm)
    assert np.shape(swept.thermal.panel_spec().core_thickness.m) == (3,)
    with pytest.raises(ValueError, match=r"thermal\.core_thickness: the CAD cannot build this panel"):
        sat.replace(thermal__core_thickness=np.array([20.0, 12.0]) * u.mm)  # 12 mm < the 12.7 mm pipes


@pytest.mark.parametrize("changes, field", [
    (dict(thermal__core_thickness="12 mm"), "thermal.core_thickness = 0.012 m"),  # thinner than the 12.7 mm pipe
    (dict(thermal__core_thickness="5 mm", thermal__pipe_diameter="4 mm", thermal__face_sheet_thickness="0.3 mm"),
     "thermal.core_thickness = 0.005 m"),  # 5.6 mm panel, thinner than the 8 mm hinge-pin hole
    (dict(thermal__panel_length="0.07 m"), "thermal.panel_length = 0.07 m"),  # shorter than 2 x 2 x 20 mm of lugs
])
def test_a_panel_the_cad_cannot_build_is_rejected_at_load_naming_the_design_field(sat, changes, field):
    with pytest.raises(ValueError, match=field) as info:
        sat.replace(**changes)
    assert "RadiatorPanelSpec" not in str(info.value)


def test_the_removed_heat_pipe_pitch_is_named(tmp_path):
    text = designs.reference_designs()["sso-100kw"].read_text().replace(
        "[geometry]\n", '[geometry]\nheat_pipe_pitch = "0.25 m"\n')
    path = tmp_path / "old.toml"
    path.write_text(text)
    with pytest.raises(DesignError, match=r"geometry\.heat_pipe_pitch was removed.*thermal\.pipe_pitch"):
        designs.load(path)
    out = subprocess.run([sys.executable, "-m", "spacedc.designs.cli", "size", str(path)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2 and "geometry.heat_pipe_pitch was removed" in out.stderr
    assert "Traceback" not in out.stderr
    assert "heat_pipe_pitch" not in {f for f in designs.load("sso-100kw").geometry.__dataclass_fields__}
    with pytest.raises(DesignError, match=r"geometry\.heat_pipe_pitch was removed"):
        designs.load("sso-100kw").replace(geometry__heat_pipe_pitch="0.25 m")  # as a sweep's --vary would


def test_array_wings_are_one_or_two_at_load(sat):
    """One array wing on each +Y/-Y bus face: a third is rejected at load (the CAD could not place it)."""
    assert geometry.MAX_ARRAY_WINGS == 2
    with pytest.raises(ValueError, match=r"geometry\.array_wings = 3"):
        sat.replace(geometry__array_wings=3)
    one = designs.size(sat.replace(geometry__array_wings=1), transient=False)
    assert np.isfinite(one.array.area.m)


def test_cad_of_twelve_wings_is_built_not_refused():
    """The issue's case: thermal.wings = 12 sizes, and the CAD builds it (no 'between 0 and 2' refusal);
    whatever it is, feasible or not, is a result of the sizing (here the 12-band stowed column)."""
    pytest.importorskip("cadquery")
    sat = designs.load("demo-1gpu").replace(thermal__wings=12)
    result = designs.size(sat, transient=False)
    from spacedc.designs.cad import build_cad

    assembly = build_cad(sat, result, "deployed")
    wings = [c.name for c in assembly.children if c.name.startswith("radiator_wing_")]
    assert len(wings) == 12
    assert geometry.cad_areas(assembly).radiating_area.m_as("m^2") == pytest.approx(
        result.radiator_area.m_as("m^2"), rel=1e-9)


def test_a_sweep_of_the_wing_count_matches_single_designs(sat):
    """The stowed column grows with ceil(N/2) in a sweep exactly as for each design alone."""
    counts = np.array([1, 2, 3, 4, 12])
    swept = designs.size(sat.replace(thermal__wings=counts), transient=False)
    for i, n in enumerate(counts):
        alone = designs.size(sat.replace(thermal__wings=int(n)), transient=False)
        assert swept.stowed_height.m_as("m")[i] == pytest.approx(alone.stowed_height.m_as("m"), rel=1e-12)
        assert swept.launch.margins["deployed_frequency"][i] == pytest.approx(
            alone.launch.margins["deployed_frequency"], rel=1e-12)
        assert bool(swept.feasible[i]) == bool(alone.feasible)


def test_a_sweep_of_the_removed_field_is_named(tmp_path):
    out = subprocess.run([sys.executable, "-m", "spacedc.designs.cli", "sweep", "sso-100kw", "--vary",
                          "geometry.heat_pipe_pitch=0.1,0.2", "--out", str(tmp_path / "t.csv")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "geometry.heat_pipe_pitch was removed" in out.stderr
    assert not (tmp_path / "t.csv").exists()
