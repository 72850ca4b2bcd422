"""The design file's schema (designs/fields.py) and the commands built on it: ``spacedc fields``, ``spacedc new``,
``spacedc --version``, the generated docs/design-file.md, the hint on a temperature written in coulombs, and
the warning of a design whose loop is out of scale for its power."""

import dataclasses
import json
from importlib.metadata import version
from pathlib import Path

import pint
import pytest

from spacedc import designs, orbit
from spacedc.designs import cli
from spacedc.designs.design import _SECTIONS, _build, reference_designs
from spacedc.designs.fields import PUMP_POWER_WARNING, fields, markdown, scale_warnings, starting_file
from spacedc.designs.spec import ShellChoices
from spacedc.units import si

ROOT = Path(__file__).resolve().parents[2]
DESIGN_FILE = ROOT / "docs/design-file.md"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _loader_keys() -> set[str]:
    """Every key the loader accepts, read from the dataclasses it builds (not from designs/fields.py)."""
    keys = {"name", "description", "base"}
    for section, cls in _SECTIONS.items():
        keys |= {f"{section}.{f.name}" for f in dataclasses.fields(cls) if f.init}
    keys |= {f"constellation.shells[].{f.name}" for f in dataclasses.fields(ShellChoices) if f.init}
    return keys


def test_fields_lists_every_key_the_loader_accepts_and_no_other():
    assert {f.name for f in fields()} == _loader_keys()
    assert len({f.name for f in fields()}) == len(fields())  # each once


def test_every_field_has_a_meaning():
    assert [f.name for f in fields() if not f.doc] == []


def test_every_listed_default_is_accepted_by_the_loader_as_written():
    """The default each field lists, written into its section as a design file would, builds the section."""
    data = {"payload": {"chip_count": 1, "chip_power": "1 W", "junction_limit": "85 degC", "mass_per_chip": "1 kg"}}
    raw = {"power": {"cell": "xtj-blanket", "lifetime": "5 year", "battery_specific_energy": "150 W*h/kg"},
           "thermal": {"coolant_temperature": "38 degC", "junction_to_case": "0.02 K/W",
                       "cold_plate_resistance": "0.02 K/W", "emissivity": 0.9, "absorptivity": 0.1,
                       "panel_width": "2 m", "panel_length": "3 m", "core_thickness": "20 mm"}}
    checked = 0
    for f in fields():
        if f.section in ("", "orbit") or "[]" in f.name or f.default is None or f.required:
            continue
        table = {**data.get(f.section, {}), **raw.get(f.section, {}), f.field: f.default}
        _build(f.section, table)  # raises if the listed default is not a value the loader takes
        checked += 1
    assert checked > 100


def test_ranges_and_defaults_read_from_the_metadata():
    by = {f.name: f for f in fields()}
    assert by["power.incidence_angle"].range == "0 <= x < 90 deg"
    assert by["payload.chip_power"].range == "x > 0 W" and by["payload.chip_power"].shown_default == "required"
    assert by["thermal.line_diameter"].unit == "m" and by["thermal.line_diameter"].default == "25 mm"
    assert by["thermal.loop_count"].default == 1 and by["thermal.loop_count"].range == "x >= 1"
    assert by["thermal.coolant"].range == "one of: ammonia, water"
    lo, hi = orbit.spec.ALTITUDE_RANGE_KM
    assert by["orbit.altitude"].lo == lo and by["orbit.altitude"].hi == hi and by["orbit.altitude"].required
    assert by["constellation.shells[].altitude"].required and by["constellation.shells"].kind == "table-list"


def test_fields_of_one_section_and_an_unknown_section():
    assert {f.section for f in fields("thermal")} == {"thermal"}
    with pytest.raises(ValueError, match="section 'thermo'"):
        fields("thermo")


def test_cli_fields_prints_name_unit_default_range_and_meaning(capsys):
    code, out, _ = run(capsys, "fields", "thermal")
    assert code == 0
    line = next(x for x in out.splitlines() if x.strip().startswith("thermal.line_diameter "))
    assert line.split()[1:4] == ["m", "25", "mm"] and "x > 0 m" in line
    assert "transport line inner diameter" in out
    assert "payload.chip_power" not in out


def test_cli_fields_json_is_machine_readable(capsys):
    code, out, _ = run(capsys, "fields", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["name"] for r in rows} == _loader_keys()
    row = next(r for r in rows if r["name"] == "power.lifetime")
    assert row["unit"] == "year" and row["lo"] == 0 and row["lo_open"] and row["hi"] == 50 and row["required"]
    assert "degradation" in row["doc"]


def test_cli_fields_unknown_section_exits_2(capsys):
    code, _, err = run(capsys, "fields", "nope")
    assert code == 2 and "nope" in err and "thermal" in err


def test_committed_design_file_reference_is_the_generated_one():
    committed = DESIGN_FILE.read_text(encoding="utf-8")
    assert committed == markdown(), ("docs/design-file.md is stale: run python -m spacedc.designs.fields "
                                     "--markdown > docs/design-file.md")


def test_design_file_reference_lists_every_loader_field():
    text = DESIGN_FILE.read_text(encoding="utf-8")
    missing = [k for k in _loader_keys() if f"| `{k}` |" not in text]
    assert missing == []


@pytest.mark.parametrize("ref", sorted(reference_designs()))
def test_new_starting_file_loads_to_the_reference(ref, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(starting_file(ref, "mine"))
    assert designs.load(path) == designs.load(ref).replace(name="mine")


def test_cli_new_writes_a_commented_file_that_loads_and_refuses_to_overwrite(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "my-sat", "--from", "sso-100kw")
    path = tmp_path / "my-sat.toml"
    assert code == 0 and str(path.name) in err
    text = path.read_text()
    assert "# transport line inner diameter [m]" in text       # a meaning as a comment
    assert 'line_diameter = "40 mm"' in text                   # the reference's value
    assert '# pump_efficiency = 0.5' in text                   # a default, commented out
    assert designs.load(path) == designs.load("sso-100kw").replace(name="my-sat")
    before = path.read_text()
    code, _, err = run(capsys, "new", "my-sat")
    assert code == 2 and "--force" in err and path.read_text() == before
    other = tmp_path / "sub" / "other.toml"
    assert run(capsys, "new", "x", "--from", "demo-1gpu", "--out", other)[0] == 0
    assert run(capsys, "new", "x", "--from", "demo-1gpu", "--out", path, "--force")[0] == 0
    assert designs.load(path).name == "x"


def test_cli_new_from_an_unknown_design_exits_2(tmp_path, capsys):
    code, _, err = run(capsys, "new", "x", "--from", "nope", "--out", tmp_path / "x.toml")
    assert code == 2 and "nope" in err and not (tmp_path / "x.toml").exists()


def test_version_is_the_package_metadata(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"spacedc {version('spacedc')}"


@pytest.mark.parametrize("text, hint", [("38 C", "did you mean 38 degC?"), ("100 F", "did you mean 100 degF?"),
                                        ("38 c", "did you mean 38 degC?")])
def test_a_temperature_in_coulomb_or_farad_gets_a_hint(text, hint):
    with pytest.raises(pint.DimensionalityError, match=hint):
        si(text, "K", "thermal.coolant_temperature")


def test_no_temperature_hint_where_no_temperature_is_expected():
    with pytest.raises(pint.DimensionalityError) as info:
        si("38 C", "m", "thermal.line_length")
    assert "did you mean" not in str(info.value)
    with pytest.raises(pint.DimensionalityError) as info:
        si("38 m", "K", "thermal.coolant_temperature")
    assert "did you mean" not in str(info.value)


def test_the_temperature_hint_reaches_the_cli(tmp_path, capsys):
    path = tmp_path / "x.toml"
    path.write_text('base = "sso-100kw"\n[thermal]\ncoolant_temperature = "38 C"\n')
    code, _, err = run(capsys, "size", path)
    assert code == 2 and "thermal.coolant_temperature" in err and "did you mean 38 degC?" in err


def _one_loop_mw():
    """1 MW of chips through the default single 25 mm loop line (the issue's case)."""
    return designs.load("starcloud-40mw").replace(thermal__loop_count=1, thermal__line_diameter="25 mm",
                                                  payload__chip_count=1000)


def test_a_loop_sized_for_kw_at_mw_warns_naming_the_fields():
    sat = _one_loop_mw()
    result = designs.size(sat, transient=False)
    share = result.pump_power.m_as("W") / result.load.m_as("W")
    assert share > PUMP_POWER_WARNING
    (warning,) = result.warnings
    assert "thermal.line_diameter" in warning and "thermal.loop_count" in warning
    assert "thermal.line_diameter = 25 mm (its default)" in warning and "thermal.loop_count = 1 (its default)" in warning
    assert f"{100 * share:.0f} %" in warning
    assert designs.summary(result)["warnings"] == [warning]


def test_the_reference_designs_do_not_warn():
    for name in reference_designs():
        result = designs.size(designs.load(name), transient=False)
        assert result.pump_power.m_as("W") <= PUMP_POWER_WARNING * result.load.m_as("W")
        assert result.warnings == () and designs.summary(result)["warnings"] == []


def test_a_sweep_counts_the_points_that_warn():
    sat = designs.load("sso-100kw").replace(thermal__line_diameter=[40e-3, 10e-3, 8e-3] * designs.spec.quantity(1, "m"))
    result = designs.size(sat)
    share = result.pump_power.m_as("W") / result.load.m_as("W")
    over = int((share > PUMP_POWER_WARNING).sum())
    assert 0 < over < 3
    (warning,) = scale_warnings(sat, result)
    assert f"at {over} of 3 points" in warning


def test_the_cli_prints_warnings_on_stderr_and_into_summary_json(tmp_path, capsys):
    path = tmp_path / "mw.toml"
    path.write_text('base = "starcloud-40mw"\n[payload]\nchip_count = 1000\n[thermal]\nloop_count = 1\n'
                    'line_diameter = "25 mm"\n')
    code, out, err = run(capsys, "size", path, "--json")
    data = json.loads(out)
    assert data["warnings"] and any(line.startswith("warning: the loop pump draws") for line in err.splitlines())
    assert code == 1  # the pump runs away: infeasible, and said so besides the warning
