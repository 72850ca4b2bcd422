"""Parameter sweeps (designs.sweep, `spacedc sweep`): the grid, agreement with single-design sizing, streaming
in chunks, resuming after an interruption without losing or repeating a point, and bad input; here through the
CSV table (``format="csv"``; the Parquet dataset is in test_sweep_parquet.py)."""

import csv
import subprocess
import sys

import numpy as np
import pytest

from spacedc import designs
from spacedc.designs.sweep import parse_variation, sweep
from spacedc.units import Q_, u

VARY = ["thermal.coolant_temperature=20 degC:50 degC:4", "payload.chip_power=600:1400:3"]


@pytest.fixture(scope="module")
def sat():
    return designs.load("sso-100kw")


def _rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_variations_parse_with_units_or_the_fields_own(sat):
    v = parse_variation("thermal.coolant_temperature=20 degC:50 degC:4", sat)
    assert v.values.m_as("degC") == pytest.approx([20, 30, 40, 50])
    assert v.column == "input.thermal.coolant_temperature_K"
    assert v.si(np.array([0, 3])) == pytest.approx([293.15, 323.15])
    bare = parse_variation("payload.chip_power=600:1400:3", sat)  # bare numbers take the field's unit, W
    assert bare.values.m_as("W") == pytest.approx([600, 1000, 1400])
    assert parse_variation("orbit.altitude=500 km,0.7 Mm", sat).si(np.array([0, 1])) == pytest.approx([5e5, 7e5])
    counts = parse_variation("thermal.wings=2,4", sat)
    assert counts.values.tolist() == [2, 4] and counts.column == "input.thermal.wings"


@pytest.mark.parametrize("text, words", [
    ("thermal.coolant_temp=1:2:2", "unknown field 'coolant_temp'"),
    ("thermals.emissivity=0.8:0.9:2", "section.field"),
    ("thermal.emissivity", "START:STOP:N"),
    ("thermal.emissivity=0.8:0.9:two", "whole number"),
    ("thermal.emissivity=0.8:0.9:0", "at least 1"),
    ("thermal.emissivity=0.8:1.2:3", "thermal.emissivity"),          # the field's own bound, by name
    ("thermal.coolant_temperature=20 m:30 m:2", "temperature"),     # wrong dimension
    ("thermal.wings=2:3:3", "whole"),                                # 2, 2.5, 3 wings
    ("thermal.coolant=water,brine", "named choice"),                 # not one of ammonia, water
])
def test_bad_variations_name_the_field_and_why(sat, text, words):
    with pytest.raises((ValueError, TypeError)) as err:
        parse_variation(text, sat)
    assert words in str(err.value)


def test_sweep_table_matches_single_designs_point_by_point(sat, tmp_path):
    """Every row of the table equals the same point sized on its own: the grid order is the first variation
    slowest (point k = i * 3 + j), and the inputs are written in SI."""
    report = sweep(sat, VARY, tmp_path / "t.csv", chunk=5, format="csv", progress=lambda *a: None)
    rows = _rows(tmp_path / "t.csv")
    assert report.points == len(rows) == 12 and report.chunks == 3 and report.resumed_chunks == 0
    assert [int(r["point"]) for r in rows] == list(range(12))
    assert report.feasible == sum(r["feasible"] == "true" for r in rows)
    for k in (0, 5, 11):
        i, j = divmod(k, 3)
        t, p = Q_(20 + 10 * i, "degC"), (600 + 400 * j) * u.W
        one = designs.size(sat.replace(thermal__coolant_temperature=t, payload__chip_power=p), transient=False)
        row = rows[k]
        assert float(row["input.thermal.coolant_temperature_K"]) == pytest.approx(t.to("K").m)
        assert float(row["input.payload.chip_power_W"]) == pytest.approx(600 + 400 * j)
        assert (row["feasible"] == "true") is one.feasible
        # a sweep's reasons name each failed check without the single design's numbers
        assert len([x for x in row["reasons"].split("; ") if x]) == len([x for x in one.reasons.split("; ") if x])
        area = one.radiator_area.m_as("m^2")
        assert (row["thermal.radiator_area_m2"] == "") if not np.isfinite(area) else \
            float(row["thermal.radiator_area_m2"]) == pytest.approx(area, rel=1e-12)
        assert float(row["mass.total_kg"]) == pytest.approx(one.mass.wet.m_as("kg"), rel=1e-12)
        assert float(row["launch.margins.deployed_frequency"]) == pytest.approx(
            one.launch.margins["deployed_frequency"], rel=1e-12)
    assert not (tmp_path / "t.csv.parts").exists()


class _Stop(Exception):
    pass


def test_an_interrupted_sweep_resumes_without_losing_or_repeating_a_point(sat, tmp_path):
    """Stop at the first of three chunks' reports: the parts on disk stay (the first, and the second, which one
    process writes while it sizes the next: its part was being written when the first was reported), the table
    is not written; resuming sizes the last chunk only, and the table equals an uninterrupted run's."""
    out = tmp_path / "r.csv"
    seen = []

    def stop_at_the_first(done, total, seconds):
        seen.append(done)
        raise _Stop

    with pytest.raises(_Stop):
        sweep(sat, VARY, out, chunk=5, format="csv", progress=stop_at_the_first)
    assert seen == [5]
    assert not out.exists()
    assert sorted(p.name for p in (tmp_path / "r.csv.parts").iterdir()) == [
        "_manifest.json", "part-00000.csv", "part-00001.csv"]
    # without --resume the leftover parts are not silently discarded or reused
    with pytest.raises(FileExistsError, match="--resume"):
        sweep(sat, VARY, out, chunk=5, format="csv", progress=lambda *a: None)
    # a different sweep cannot resume them
    with pytest.raises(FileExistsError, match="different sweep: chunk was 5, now 4"):
        sweep(sat, VARY, out, chunk=4, format="csv", resume=True, progress=lambda *a: None)
    progress = []
    report = sweep(sat, VARY, out, chunk=5, format="csv", resume=True, progress=lambda *a: progress.append(a[0]))
    assert report.resumed_chunks == 2 and progress == [12]  # only the last chunk (2 points) was sized
    fresh = tmp_path / "f.csv"
    sweep(sat, VARY, fresh, chunk=5, format="csv", progress=lambda *a: None)
    assert out.read_text() == fresh.read_text()


def test_a_table_is_never_overwritten(sat, tmp_path):
    out = tmp_path / "mine.csv"
    out.write_text("my results\n")
    with pytest.raises(FileExistsError, match="never overwrites"):
        sweep(sat, VARY, out, format="csv", progress=lambda *a: None)
    assert out.read_text() == "my results\n"
    sweep(sat, VARY, out, format="csv", force=True, progress=lambda *a: None)  # --force replaces it
    assert len(_rows(out)) == 12


def test_workers_write_the_same_table(sat, tmp_path):
    sweep(sat, VARY, tmp_path / "one.csv", chunk=4, format="csv", progress=lambda *a: None)
    sweep(sat, VARY, tmp_path / "two.csv", chunk=4, workers=2, format="csv", progress=lambda *a: None)
    assert (tmp_path / "one.csv").read_text() == (tmp_path / "two.csv").read_text()


def test_a_scheduler_without_dask_is_a_clear_error_before_anything_is_written(sat, tmp_path, monkeypatch):
    # Dask is in the dev extra: its absence is simulated (a None in sys.modules makes the import fail)
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(ValueError, match=r"pip install -e .\.\[distributed\]."):
        sweep(sat, VARY, tmp_path / "d.csv", scheduler="tcp://127.0.0.1:8786", progress=lambda *a: None)
    assert list(tmp_path.iterdir()) == []


def test_cli_sweep_writes_the_table_and_exits_0_or_2(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "spacedc.designs.cli", "sweep", *map(str, args)],
                              capture_output=True, text=True, timeout=300)

    out = tmp_path / "cli.csv"
    ok = run("sso-100kw", "--vary", VARY[0], "--vary", VARY[1], "--out", out, "--chunk", "5", "--format", "csv")
    assert ok.returncode == 0, ok.stderr
    assert "12 points" in ok.stdout and "sweep: 12/12 points" in ok.stderr
    assert len(_rows(out)) == 12
    again = run("sso-100kw", "--vary", VARY[0], "--out", out, "--format", "csv")
    assert again.returncode == 2 and "never overwrites" in again.stderr and "Traceback" not in again.stderr
    bad = run("sso-100kw", "--vary", "thermal.emissivity=0.8:1.5:3", "--out", tmp_path / "bad.csv", "--format", "csv")
    assert bad.returncode == 2 and "thermal.emissivity" in bad.stderr and "Traceback" not in bad.stderr


def test_combinations_that_are_invalid_together_are_rejected_before_anything_is_written(sat, tmp_path):
    """Each variation alone is valid, but a battery minimum of 30 C against a maximum of 10 C is not: the whole
    grid is checked first, so no parts folder is left to block the next run."""
    vary = ["power.battery_min_temperature=0 degC:30 degC:4", "power.battery_max_temperature=10 degC:40 degC:4"]
    with pytest.raises(ValueError, match="power.battery_min_temperature"):
        sweep(sat, vary, tmp_path / "g.csv", chunk=3, progress=lambda *a: None)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="chunk = 0"):
        sweep(sat, VARY, tmp_path / "c.csv", chunk=0, progress=lambda *a: None)


def test_an_exclusive_atomic_write_never_replaces_a_file(tmp_path):
    """The table is published with a hard link, which fails on an existing name: a file that appeared under
    the name while the sweep ran is kept, and the temporary file is removed."""
    from spacedc.files import atomic_write

    target = tmp_path / "t.csv"
    target.write_text("someone else's\n")
    with pytest.raises(FileExistsError):
        atomic_write(target, lambda tmp: open(tmp, "w").write("ours\n"), exclusive=True)
    assert target.read_text() == "someone else's\n" and [p.name for p in tmp_path.iterdir()] == ["t.csv"]
    fresh = atomic_write(tmp_path / "u.csv", lambda tmp: open(tmp, "w").write("ours\n"), exclusive=True)
    assert fresh.read_text() == "ours\n"



def test_cli_sweep_of_the_cylinder_wall_changes_the_structure_mass(tmp_path):
    """`spacedc sweep --vary launch.cylinder_thickness=4 mm:40 mm:4`: structure_kg rises with the wall, by the
    cylinder's 2 pi R t H rho (R = 0.7875 m, H = the 1.206 m bus of the 100 active chips without spares, 7075-T6 at
    0.101 lb/in^3, MIL-HDBK-5J)."""
    out = tmp_path / "wall.csv"
    run = subprocess.run([sys.executable, "-m", "spacedc.designs.cli", "sweep", "sso-100kw", "--vary",
                          "launch.cylinder_thickness=4 mm:40 mm:4", "--vary", "compute.spares=0", "--out", str(out),
                          "--format", "csv"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    rows = _rows(out)
    t = np.array([4.0, 16.0, 28.0, 40.0]) * 1e-3
    cylinder = 2 * np.pi * 0.7875 * t * 1.206 * 0.101 * 0.45359237 / 0.0254 ** 3
    assert [float(r["mass.structure_primary_kg"]) for r in rows] == pytest.approx(cylinder, rel=1e-9)
    structure = [float(r["mass.structure_kg"]) for r in rows]
    assert all(b > a for a, b in zip(structure, structure[1:]))
