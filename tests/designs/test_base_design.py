"""A design may start from another (``base = "sso-100kw"``) and give only what differs.

The acceptance test of issue 12: a file with a base and two overrides loads to the base design with exactly
those two fields replaced. Tables merge field by field, lists of tables replace whole, a child's ``raan``
replaces its base's ``ltan``, bases chain and resolve relative to the file, and a cycle or a missing base is
bad input (exit 2) naming the files.
"""

import re
from pathlib import Path

import pytest

from spacedc import designs
from spacedc.designs import cli
from spacedc.designs.design import reference_designs

README = Path(__file__).resolve().parents[2] / "README.md"


def test_base_with_two_overrides_equals_the_reference_with_those_two_fields_replaced(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('base = "sso-100kw"\n\n[payload]\nchip_count = 200\n\n[thermal]\n'
                    'coolant_temperature = "35 degC"\n')
    child = designs.load(path)
    expected = designs.load("sso-100kw").replace(payload__chip_count=200, thermal__coolant_temperature="35 degC")
    assert child == expected
    assert child != designs.load("sso-100kw")  # the overrides took
    # field by field too: every other field of the two sections is the base's
    ref = designs.load("sso-100kw")
    assert child.payload.chip_power == ref.payload.chip_power and child.thermal.line_diameter == ref.thermal.line_diameter
    assert child.name == "sso-100kw" and child.description == ref.description  # inherited unless given


def test_a_child_name_replaces_the_base_name(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('base = "sso-100kw"\nname = "mine"\n')
    assert designs.load(path) == designs.load("sso-100kw").replace(name="mine")


def test_base_as_a_path_relative_to_the_file_and_chained(tmp_path):
    (tmp_path / "parent.toml").write_text(reference_designs()["demo-1gpu"].read_text())
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "middle.toml").write_text('base = "../parent.toml"\n[power]\nlifetime = "7 year"\n')
    (sub / "child.toml").write_text('base = "middle.toml"\nname = "child"\n[power]\nhousekeeping_load = "42 W"\n')
    got = designs.load(sub / "child.toml")
    want = designs.load("demo-1gpu").replace(name="child", power__lifetime="7 year", power__housekeeping_load="42 W")
    assert got == want


def test_a_list_of_tables_replaces_the_base_list_whole(tmp_path):
    parent = tmp_path / "parent.toml"
    parent.write_text('base = "sso-100kw"\n'
                      '[[constellation.shells]]\naltitude = "550 km"\nplanes = 72\nper_plane = 22\n'
                      '[[constellation.shells]]\naltitude = "1100 km"\nplanes = 32\nper_plane = 50\n')
    child = tmp_path / "child.toml"
    child.write_text('base = "parent.toml"\n[[constellation.shells]]\naltitude = "800 km"\nplanes = 4\nper_plane = 5\n')
    assert len(designs.load(parent).constellation.shells) == 2
    shells = designs.load(child).constellation.shells
    assert [s.altitude.m_as("km") for s in shells] == [800.0] and shells[0].planes == 4


def test_raan_in_the_child_replaces_the_base_ltan(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('base = "sso-100kw"\n[orbit]\nraan = "10 deg"\n')
    orbit = designs.load(path).orbit
    assert orbit.ltan is None and orbit.raan.m_as("deg") == 10.0
    assert orbit.altitude.m_as("km") == 650.0  # the rest of [orbit] is the base's


def test_a_cycle_of_bases_is_bad_input_naming_the_files(tmp_path, capsys):
    (tmp_path / "a.toml").write_text('base = "b.toml"\n')
    (tmp_path / "b.toml").write_text('base = "a.toml"\n')
    with pytest.raises(designs.DesignError, match="cycle") as info:
        designs.load(tmp_path / "a.toml")
    assert "a.toml" in str(info.value) and "b.toml" in str(info.value)
    assert cli.main(["size", str(tmp_path / "a.toml")]) == 2
    err = capsys.readouterr().err
    assert "cycle" in err and "b.toml" in err and "Traceback" not in err


def test_a_missing_base_is_bad_input_naming_it(tmp_path, capsys):
    path = tmp_path / "x.toml"
    path.write_text('base = "no-such-design"\n')
    with pytest.raises(designs.DesignError, match="no-such-design"):
        designs.load(path)
    assert cli.main(["size", str(path)]) == 2
    assert "no-such-design" in capsys.readouterr().err


def test_base_must_be_a_string(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('base = 3\n')
    with pytest.raises(designs.DesignError, match="base = 3"):
        designs.load(path)


def test_the_readme_mw_example_loads_sizes_and_gives_the_quoted_result(tmp_path):
    text = README.read_text()
    section = text[text.index("## A MW-class satellite in an inclined orbit"):]
    section = section[:section.index("\n## ", 1)]
    toml = re.search(r"```toml\n(.*?)```", section, flags=re.S).group(1)
    quoted = re.findall(r"^infeasible: (.*)$", section, flags=re.M)
    path = tmp_path / "inclined-1mw.toml"
    path.write_text(toml)
    sat = designs.load(path)
    assert sat.payload.chip_count == 1000 and sat.orbit.inclination.m_as("deg") == 53.0
    assert sat.orbit.altitude.m_as("km") == 550.0
    result = designs.size(sat)
    assert result.chip_power.m_as("kW") == pytest.approx(1000.0)  # 1000 chips of 1000 W
    assert not result.feasible
    assert quoted and result.reasons.split("; ") == quoted  # the README quotes every reason, in order
    assert result.warnings == ()  # ten loops: the pump stays under 5 % of the load
    assert "wet mass 172 t" in section and f"{result.launch.mass.wet.m_as('t'):.0f} t" == "172 t"
