"""Extreme values and mutated reference designs at the command line: every run exits 0, 1, 2 or 3, and never
with a traceback.

Extreme but valid values size, or come back infeasible with their reasons (exit 0 or 1); values outside a
field's range are bad input (exit 2, naming the field); an unexpected error exits 3 with one line saying what
failed and where. The cases run in this process through ``spacedc.designs.cli.main`` (fast); two run the real
console entry in a subprocess, to show that nothing escapes it.
"""

import dataclasses
import importlib
import random
import re
import subprocess
import sys
import tomllib

import pytest

from spacedc import designs
from spacedc.designs import cli
from spacedc.designs.design import _SECTIONS

REFERENCE = {name: path.read_text(encoding="utf-8") for name, path in designs.reference_designs().items()}


def _set(text: str, section: str, key: str, value: str) -> str:
    """The design text with ``[section] key = value`` set (replaced, or added to the section)."""
    lines, out, current, done = text.split("\n"), [], None, False
    for line in lines:
        header = re.match(r"\[(\w+)\]", line.strip())
        if header:
            if current == section and not done:
                out.append(f"{key} = {value}")
                done = True
            current = header.group(1)
        if current == section and re.match(rf"{key}\s*=", line.strip()):
            out.append(f"{key} = {value}")
            done = True
            continue
        out.append(line)
    if not done:
        out += [] if current == section else [f"[{section}]"]
        out.append(f"{key} = {value}")
    return "\n".join(out)


def run(capsys, *argv):
    """``spacedc ARGV`` in this process: (exit status, stdout, stderr)."""
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _design(tmp_path, name, *changes):
    text = REFERENCE[name]
    for section, key, value in changes:
        text = _set(text, section, key, value)
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# Extreme but valid: the design sizes (0) or is infeasible with reasons (1).
VALID = [
    ("sso-100kw", [("payload", "chip_count", "300000000000")]),           # 3e11 chips: once a RuntimeError
    ("sso-100kw", [("payload", "chip_power", '"5e12 W"')]),                # 5e12 W a chip: once a RuntimeError
    ("sso-100kw", [("payload", "chip_power", '"1e30 W"')]),                # once minutes in the transient
    ("demo-1gpu", [("payload", "chip_power", '"1e-9 W"')]),
    ("demo-1gpu", [("payload", "mass_per_chip", '"1e12 kg"')]),
    ("sso-100kw", [("orbit", "altitude", '"150 km"')]),                    # the lowest orbit a design takes
    ("sso-100kw", [("orbit", "altitude", '"5969 km"')]),                   # the highest sun-synchronous one
    ("demo-1gpu", [("power", "lifetime", '"1 s"')]),
    ("demo-1gpu", [("power", "lifetime", '"50 year"')]),
    ("sso-100kw", [("power", "housekeeping_load", '"0 W"')]),
    ("sso-100kw", [("power", "incidence_angle", '"89.999 deg"')]),
    ("sso-100kw", [("power", "conversion_efficiency", "1e-9")]),
    ("sso-100kw", [("thermal", "junction_to_case", '"0 K/W"')]),
    ("sso-100kw", [("thermal", "line_length", '"1e-9 m"')]),
    ("sso-100kw", [("thermal", "line_length", '"1e6 m"')]),
    ("sso-100kw", [("thermal", "line_diameter", '"1e-6 m"')]),
    ("sso-100kw", [("thermal", "heat_pump_lift", '"200 K"')]),
    ("sso-100kw", [("thermal", "emissivity", "1e-9")]),
    ("sso-100kw", [("thermal", "absorptivity", "0")]),
    ("sso-100kw", [("thermal", "area_margin", "1e6")]),
    ("sso-100kw", [("thermal", "panel_length", '"1000 m"'), ("thermal", "panel_width", '"1000 m"')]),
    ("sso-100kw", [("thermal", "wings", "1000")]),
    ("sso-100kw", [("thermal", "loop_count", "1000000")]),
    ("starcloud-40mw", [("thermal", "pipe_transport_limit", '"1e-9 W*m"')]),
    ("sso-100kw", [("launch", "cylinder_thickness", '"1e-9 m"')]),
    ("sso-100kw", [("launch", "cylinder_radius", '"1000 m"')]),
    ("sso-100kw", [("launch", "specific_impulse", '"1e-3 s"')]),           # propellant unbounded
    ("sso-100kw", [("launch", "modules", "1000000")]),
    ("sso-100kw", [("launch", "dispenser_mass", '"1e9 kg"')]),
    ("sso-100kw", [("launch", "vehicle", '"ariane-62"')]),                 # no published loads: not checked
    ("demo-1gpu", [("geometry", "bus_width", '"1e-3 m"'), ("geometry", "chips_per_rack", "1000000000")]),
]

# Out of a field's range: bad input, exit 2, naming the field.
INVALID = [
    ("sso-100kw", [("orbit", "altitude", '"40000 km"')], "altitude"),      # no sun-synchronous orbit there
    ("sso-100kw", [("orbit", "altitude", '"149 km"')], "altitude"),
    ("sso-100kw", [("thermal", "line_length", '"0 m"')], "thermal.line_length"),
    ("sso-100kw", [("thermal", "junction_to_case", '"0 K/W"'), ("thermal", "cold_plate_resistance", '"0 K/W"')],
     "thermal.junction_to_case + thermal.cold_plate_resistance"),
    ("sso-100kw", [("payload", "chip_count", "0")], "payload.chip_count"),
    ("sso-100kw", [("payload", "chip_power", '"0 W"')], "payload.chip_power"),
    ("sso-100kw", [("thermal", "panel_width", '"1e-3 m"')], "thermal.pipe_pitch"),
    ("sso-100kw", [("launch", "disposal_perigee", '"700 km"')], "launch.disposal_perigee"),
    ("sso-100kw", [("power", "lifetime", '"51 year"')], "power.lifetime"),
]


@pytest.mark.parametrize("name, changes", VALID, ids=[f"{n}-{c[0][1]}" for n, c in VALID])
def test_extreme_valid_values_size_or_are_infeasible_with_reasons(tmp_path, capsys, name, changes):
    code, out, err = run(capsys, "size", _design(tmp_path, name, *changes))
    assert code in (0, 1), err
    assert "Traceback" not in err + out
    assert ("FEASIBLE" if code == 0 else "INFEASIBLE") in out
    if code == 1:
        assert "infeasible: " in err  # the reasons are printed


@pytest.mark.parametrize("name, changes, field", INVALID, ids=[f"{n}-{c[0][1]}" for n, c, _ in INVALID])
def test_values_out_of_range_are_bad_input_naming_the_field(tmp_path, capsys, name, changes, field):
    code, out, err = run(capsys, "size", _design(tmp_path, name, *changes))
    assert code == 2
    assert field in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1


def test_a_transient_that_does_not_converge_is_a_reason_not_a_crash(tmp_path, capsys):
    """5e12 W a chip made the orbit transient raise RuntimeError (exit 1, with a traceback)."""
    code, out, err = run(capsys, "size", _design(tmp_path, "sso-100kw", ("payload", "chip_power", '"5e12 W"')),
                         "--json")
    assert code == 1 and "Traceback" not in err
    assert "infeasible: the orbit transient did not converge" in err
    assert '"transient": "failed: ' in out


def _fields(section):
    return [f for f in dataclasses.fields(_SECTIONS[section])
            if f.metadata.get("kind") in ("qty", "num", "int")]


def _mutated(rng, tmp_path, k):
    """A reference design with one to three fields set to a value at or near the edge of its range."""
    name = rng.choice(sorted(REFERENCE))
    changes = []
    for _ in range(rng.randint(1, 3)):
        section = rng.choice(["payload", "power", "thermal", "launch", "geometry", "orbit"])
        if section == "orbit":
            changes.append(("orbit", "altitude", f'"{rng.choice([150, 300, 1000, 5969, 20000])} km"'))
            continue
        field = rng.choice(_fields(section))
        meta = field.metadata
        lo, hi = meta.get("lo"), meta.get("hi")
        if meta["kind"] == "int":
            value = rng.choice([1, 2, 7, 10**6, 3 * 10**11])
            value = min(max(value, lo if lo is not None else value), hi if hi is not None else value)
        else:
            value = rng.choice([0.0, 1e-12, 1e-3, 0.5, 1.0, 1e3, 1e12, 1e30])
            value = min(max(value, lo if lo is not None else value), hi if hi is not None else value)
        if meta["kind"] == "qty":
            degc = meta["unit"] == "K" and rng.random() < 0.5
            value = f'"{rng.choice([-50, 20, 60, 120])} degC"' if degc else f'"{value:g} {meta["unit"]}"'
        changes.append((section, field.name, str(value)))
    path = _design(tmp_path, name, *changes)
    renamed = tmp_path / f"case{k}.toml"
    path.rename(renamed)
    tomllib.loads(renamed.read_text(encoding="utf-8"))  # the mutation itself is valid TOML
    return renamed, changes


def test_mutated_reference_designs_exit_0_1_or_2_without_a_traceback(tmp_path, capsys):
    """Forty designs mutated at the edges of their fields' ranges (a fixed seed: the same forty every run)."""
    rng = random.Random(8)
    codes = []
    for k in range(40):
        path, changes = _mutated(rng, tmp_path, k)
        code, out, err = run(capsys, "size", path)
        assert code in (0, 1, 2), (changes, err)  # 3 would be an internal error: none is expected here
        assert "Traceback" not in err + out, changes
        codes.append(code)
    assert {0, 1, 2} <= set(codes)  # the mutations reach every outcome


def test_a_sweep_over_extreme_values_writes_its_table(tmp_path, capsys):
    code, out, err = run(capsys, "sweep", "sso-100kw", "--vary", "payload.chip_power=1e-9 W,1000 W,5e12 W,1e30 W",
                         "--vary", "payload.chip_count=1,300000000000", "--format", "csv", "--out", tmp_path / "t.csv")
    assert code == 0 and "Traceback" not in err
    assert (tmp_path / "t.csv").read_text().count("\n") == 1 + 8


def test_a_sweep_too_large_is_refused_up_front_with_its_size(tmp_path, capsys):
    """10^12 points: refused before anything is built or written, saying how many and what they need."""
    code, out, err = run(capsys, "sweep", "sso-100kw", "--vary", "payload.chip_power=300:1500:1000000",
                         "--vary", "payload.chip_count=1:1000000:1000000", "--out", tmp_path / "t.csv")
    assert code == 2 and "Traceback" not in err
    assert "1,000,000,000,000 points" in err and "GB of memory" in err
    assert list(tmp_path.iterdir()) == []


def test_a_sweep_of_1e8_values_names_the_memory_it_needs(tmp_path, capsys, monkeypatch):
    """The issue's 1e8 values in one variation died of MemoryError. With 4 GB free (whatever this machine has),
    it is refused: 96 B a point to check the grid is 9.6 GB."""
    sweep_module = importlib.import_module("spacedc.designs.sweep")  # designs.sweep is the function
    monkeypatch.setattr(sweep_module, "_available_memory", lambda: 4_000_000_000)
    code, out, err = run(capsys, "sweep", "sso-100kw", "--vary", "payload.chip_power=300:1500:100000000",
                         "--out", tmp_path / "t.csv")
    assert code == 2 and "Traceback" not in err
    assert "100,000,000 points" in err and "9.6 GB to check every combination" in err and "4 GB free" in err
    assert list(tmp_path.iterdir()) == []


def test_an_internal_error_exits_3_with_one_line_naming_where(tmp_path, capsys, monkeypatch):
    """Not a crash of the input's making: exit 3 (never 1, which means infeasible), one line, no traceback."""
    from spacedc.designs import chain

    def broken(design, **kwargs):
        return {}["radiator"]  # a KeyError deep in a step

    monkeypatch.setattr(chain, "size", broken)
    code, out, err = run(capsys, "size", "demo-1gpu")
    assert code == 3
    assert err.strip().splitlines() == [err.strip()]
    assert err.startswith("spacedc: internal error in ") and "KeyError" in err and "'radiator'" in err
    assert "broken" in err and "(spacedc size)" in err and "Traceback" not in err


def test_help_documents_every_exit_status(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    text = capsys.readouterr().out
    for code, words in (("0", "feasible"), ("1", "infeasible"), ("2", "bad input"), ("3", "internal error")):
        assert re.search(rf"^\s+{code}\s+{words}", text, re.M), code


def _console(*args, code=None):
    """The console entry in a fresh interpreter; ``code`` runs first (to break something on purpose)."""
    script = "import sys\n" + (code or "") + "\nfrom spacedc.designs.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, timeout=300)


def test_no_traceback_escapes_the_console_entry(tmp_path):
    """In a subprocess: an extreme design (3e11 chips) and an internal error (sizing broken on purpose)."""
    extreme = _console("size", _design(tmp_path, "sso-100kw", ("payload", "chip_count", "300000000000")))
    assert extreme.returncode in (0, 1) and "Traceback" not in extreme.stderr
    broken = _console("size", "demo-1gpu", code="import spacedc.designs.chain as c\n"
                                                "def size(design, **kw):\n    raise RuntimeError('solver lost')\n"
                                                "c.size = size")
    assert broken.returncode == 3, broken.stderr
    assert "Traceback" not in broken.stderr
    assert re.fullmatch(r"spacedc: internal error in spacedc\.designs\.cli\._cmd_size \(cli\.py:\d+\), raised in "
                        r"__main__\.size \(spacedc size\): RuntimeError: solver lost", broken.stderr.strip()), \
        broken.stderr
