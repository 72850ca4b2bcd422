"""`spacedc sweep` to a Parquet dataset: a folder that pandas, pyarrow and polars read as it is, rows in grid
order, text dictionary-encoded, the keys a sweep cannot fill left out; the manifest that guards a resume; column
selection; failed chunks recorded and retried; a sweep killed with SIGKILL and resumed equals an uninterrupted one;
and ``DesignResult.to_frame`` agreeing with the table and with single designs."""

import importlib
import io
import json
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest

from spacedc import designs
from spacedc.designs import cli
from spacedc.units import Q_, u

sweep_module = importlib.import_module("spacedc.designs.sweep")  # designs.sweep is the function
sweep = sweep_module.sweep

VARY = ["thermal.coolant_temperature=20 degC:50 degC:4", "payload.chip_power=600:1400:3"]
QUIET = {"progress": lambda *a: None}


@pytest.fixture(scope="module")
def sat():
    return designs.load("sso-100kw")


@pytest.fixture(scope="module")
def table(sat, tmp_path_factory):
    """The 12-point sweep, 3 chunks of 5, 5 and 2 points."""
    out = tmp_path_factory.mktemp("pq") / "trade"
    return sweep(sat, VARY, out, chunk=5, **QUIET)


def test_the_folder_is_a_parquet_dataset_that_readers_load_as_it_is(table):
    import pyarrow as pa
    import pyarrow.dataset as ds

    out = table.path
    assert sorted(p.name for p in out.iterdir()) == ["_manifest.json", "part-00000.parquet", "part-00001.parquet",
                                                     "part-00002.parquet"]
    df = pd.read_parquet(out)
    assert len(df) == 12 and df["point"].tolist() == list(range(12))  # grid order, no row twice
    assert list(df.columns[:3]) == ["point", "input.thermal.coolant_temperature_K", "input.payload.chip_power_W"]
    # the first variation varies slowest: point k = 3 i + j
    assert df["input.thermal.coolant_temperature_K"].tolist() == pytest.approx(
        np.repeat(np.array([20.0, 30, 40, 50]) + 273.15, 3))
    assert df["input.payload.chip_power_W"].tolist() == pytest.approx(np.tile([600.0, 1000, 1400], 4))
    assert ds.dataset(out).to_table().num_rows == 12
    schema = ds.dataset(out).schema
    assert pa.types.is_dictionary(schema.field("reasons").type)
    assert pa.types.is_dictionary(schema.field("launch.vehicle").type)
    assert isinstance(df["reasons"].dtype, pd.CategoricalDtype)
    assert df["feasible"].dtype == bool and table.feasible == int(df["feasible"].sum())
    pl = pytest.importorskip("polars")
    assert pl.read_parquet(out / "*.parquet").height == 12  # polars takes the parts' glob
    assert table.frame().equals(df)


def test_keys_no_point_fills_are_left_out_and_named_in_the_manifest(sat, table):
    df = table.frame()
    manifest = json.loads((table.path / "_manifest.json").read_text())
    # the orbit transient runs for a single design only: its extremes are None for the whole sweep
    assert "thermal.chip_max_orbit_K" in manifest["left_out"] and "thermal.chip_max_orbit_K" not in df
    assert set(manifest["left_out"]) == set(table.left_out)
    # left out: exactly the keys that the sizing of a sweep gives no value (None, not a per-point value)
    one = designs.size(sat.replace(payload__chip_power=[600.0, 1000.0] * u.W), transient=False)
    flat = sweep_module.sweep_columns(one)
    assert set(table.left_out) == {k for k, v in flat.items() if v is None}
    assert manifest["columns"] == list(df.columns) == list(table.columns)
    assert manifest["arguments"]["variations"] == VARY and manifest["arguments"]["chunk"] == 5
    assert manifest["arguments"]["format"] == "parquet"


def test_non_finite_numbers_are_null_as_in_the_summary(sat, table):
    """A radiator that cannot close has an infinite area: null in summary.json, NaN in the frame."""
    df = table.frame()
    area = df["thermal.radiator_area_m2"].to_numpy()
    for k in range(12):
        i, j = divmod(k, 3)
        one = designs.size(sat.replace(thermal__coolant_temperature=Q_(20 + 10 * i, "degC"),
                                       payload__chip_power=(600 + 400 * j) * u.W), transient=False)
        expected = designs.summary(one)["thermal"]["radiator_area_m2"]
        assert np.isnan(area[k]) if expected is None else area[k] == pytest.approx(expected, rel=1e-12)


def test_columns_select_by_glob_and_keep_the_point_and_inputs(sat, tmp_path):
    report = sweep(sat, VARY, tmp_path / "m", chunk=5, columns=["mass.*", "thermal.radiator_area_m2"], **QUIET)
    df = report.frame()
    assert list(df.columns[:3]) == ["point", "input.thermal.coolant_temperature_K", "input.payload.chip_power_W"]
    rest = list(df.columns[3:])
    assert "thermal.radiator_area_m2" in rest and "mass.total_kg" in rest and "feasible" not in rest
    assert all(c.startswith("mass.") for c in rest if c != "thermal.radiator_area_m2")
    assert report.feasible == designs.sweep(sat, VARY, tmp_path / "all", chunk=5, **QUIET).feasible
    with pytest.raises(ValueError, match=r"--columns 'mass\.totl\*' matches no column"):
        sweep(sat, VARY, tmp_path / "none", columns=["mass.totl*"], **QUIET)
    with pytest.raises(ValueError, match="left out"):
        sweep(sat, VARY, tmp_path / "none", columns=["thermal.*_orbit_K"], **QUIET)
    assert not (tmp_path / "none").exists()


def test_an_existing_sweep_is_kept_unless_forced_and_a_resume_must_match(sat, table, tmp_path, capsys):
    out = tmp_path / "t"
    args = ["sweep", "sso-100kw", "--vary", VARY[0], "--vary", VARY[1], "--chunk", "5", "--out", str(out)]
    assert cli.main(args) == 0
    before = pd.read_parquet(out)
    assert cli.main(args) == 2 and "not empty" in capsys.readouterr().err
    # a resume with other arguments names what differs
    assert cli.main([*args[:-2], "--chunk", "4", "--out", str(out), "--resume"]) == 2
    err = capsys.readouterr().err
    assert "different sweep" in err and "chunk was 5, now 4" in err
    assert cli.main([*args, "--resume", "--columns", "mass.*"]) == 2
    assert "columns was None, now ['mass.*']" in capsys.readouterr().err
    assert cli.main([*args, "--force", "--columns", "mass.*"]) == 0
    assert list(pd.read_parquet(out).columns[3:]) == [c for c in before.columns if c.startswith("mass.")]
    # nothing a user wrote is removed, even with --force
    (out / "notes.txt").write_text("mine\n")
    assert cli.main([*args, "--force"]) == 2 and "no sweep wrote" in capsys.readouterr().err
    assert (out / "notes.txt").read_text() == "mine\n"


def test_a_failed_chunk_is_recorded_the_others_written_and_a_resume_retries_it(sat, tmp_path, monkeypatch,
                                                                                capsys):
    real = sweep_module.size_chunk

    def fails_at_5(design, plan, start, stop, **kw):
        if start == 5:
            raise RuntimeError("a model broke")
        return real(design, plan, start, stop, **kw)

    monkeypatch.setattr(sweep_module, "size_chunk", fails_at_5)
    out = tmp_path / "f"
    args = ["sweep", "sso-100kw", "--vary", VARY[0], "--vary", VARY[1], "--chunk", "5", "--out", str(out)]
    assert cli.main(args) == 3
    err = capsys.readouterr().err
    assert "chunk 1 (points 5 to 9) failed: RuntimeError: a model broke" in err and "--resume" in err
    errors = json.loads((out / "_errors.json").read_text())["failed"]
    assert [(e["chunk"], e["start"], e["stop"]) for e in errors] == [(1, 5, 10)]
    assert pd.read_parquet(out)["point"].tolist() == [0, 1, 2, 3, 4, 10, 11]  # the others are there
    monkeypatch.setattr(sweep_module, "size_chunk", real)
    report = sweep(sat, VARY, out, chunk=5, resume=True, **QUIET)
    assert report.complete and report.resumed_chunks == 2 and not (out / "_errors.json").exists()
    pd.testing.assert_frame_equal(report.frame(), sweep(sat, VARY, tmp_path / "g", chunk=5, **QUIET).frame())


def test_a_sweep_killed_with_sigkill_resumes_to_the_uninterrupted_table(sat, tmp_path):
    """Acceptance: kill the CLI (SIGKILL: no clean-up runs) once at least two parts are on disk, resume, and
    compare with an uninterrupted run. Whatever was on disk at the kill (two parts, all of them, a part's
    temporary file), the resumed table has every point once, equal to the uninterrupted one."""
    vary = ["thermal.coolant_temperature=20 degC:50 degC:6", "payload.chip_power=600:1400:5"]  # 30 points
    out = tmp_path / "killed"
    run = subprocess.Popen([sys.executable, "-m", "spacedc.designs.cli", "sweep", "sso-100kw", "--vary", vary[0],
                            "--vary", vary[1], "--chunk", "2", "--out", str(out)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while len(list(out.glob("part-*.parquet"))) < 2 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert len(list(out.glob("part-*.parquet"))) >= 2
    resumed = sweep(sat, vary, out, chunk=2, resume=True, **QUIET)
    assert resumed.complete and resumed.resumed_chunks >= 2
    full = sweep(sat, vary, tmp_path / "full", chunk=2, **QUIET)
    frame = resumed.frame()
    assert frame["point"].tolist() == list(range(30))
    pd.testing.assert_frame_equal(frame, full.frame())
    assert resumed.feasible == full.feasible


def test_to_frame_of_a_sweep_equals_its_table(sat, table):
    """The same flattening: the in-memory sweep's frame is the table without its point column."""
    ti = np.repeat(np.array([20.0, 30, 40, 50]), 3)
    pj = np.tile([600.0, 1000, 1400], 4)
    design = sat.replace(thermal__coolant_temperature=Q_(ti, "degC"), payload__chip_power=pj * u.W)
    frame = designs.size(design, transient=False).to_frame(design)
    # the inputs come in the design's section order (payload first), the table's in the order varied
    # and the categories of a text column are the union of its parts' (in their order): compared by value
    pd.testing.assert_frame_equal(frame, table.frame().drop(columns="point"), check_like=True,
                                  check_categorical=False)


def test_sweep_rows_equal_single_designs_on_random_points(sat, table):
    """Seeded random points of the table against the same point sized alone (``to_frame`` of one design, one
    row): every column equal, the reasons naming as many failed checks (a sweep's reasons leave out the single
    design's numbers)."""
    df = table.frame()
    rng = np.random.default_rng(11)
    for k in rng.choice(12, size=4, replace=False):
        row = df.iloc[k]
        one = sat.replace(thermal__coolant_temperature=Q_(row["input.thermal.coolant_temperature_K"], "K"),
                          payload__chip_power=row["input.payload.chip_power_W"] * u.W)
        single = designs.size(one, transient=False).to_frame()
        assert len(single) == 1
        for c in df.columns[3:]:
            a, b = row[c], single[c].iloc[0]
            if c in ("thermal.transient", "debris.cascade"):  # run for a single design only: the notes say so
                assert a.startswith("not run")
            elif c == "reasons":
                assert len([x for x in a.split("; ") if x]) == len([x for x in b.split("; ") if x])
            elif isinstance(a, (float, np.floating)):
                assert (np.isnan(a) and np.isnan(b)) or a == pytest.approx(b, rel=1e-12, abs=0), c
            else:
                assert a == b, c


def test_a_single_designs_frame_has_every_summary_key(sat):
    result = designs.size(sat)
    frame = result.to_frame()
    data = designs.summary(result)
    assert len(frame) == 1
    assert frame["thermal.radiator_area_m2"].iloc[0] == pytest.approx(data["thermal"]["radiator_area_m2"])
    assert frame["thermal.chip_max_orbit_K"].iloc[0] == pytest.approx(data["thermal"]["chip_max_orbit_K"])
    assert frame["mass.total_kg"].iloc[0] == pytest.approx(data["mass"]["total_kg"])


def test_reasons_are_dictionary_encoded_without_a_loop_over_points():
    import pyarrow as pa

    reasons = np.array(["b; c", "", "b; c", "a", ""], dtype=object)
    from spacedc.designs.result import _reason_column

    col = _reason_column(reasons)
    assert pa.types.is_dictionary(col.type) and len(col.dictionary) == 3
    assert col.to_pylist() == reasons.tolist()


def test_progress_is_a_bar_on_a_terminal_and_lines_otherwise():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    tty = Terminal()
    bar = sweep_module._Progress(12, stream=tty)
    for done in (5, 10, 12):
        bar(done, 12, 1.0)
    bar.close()
    assert "pt/s" in tty.getvalue() and "100%" in tty.getvalue()  # a rate and a bar
    pipe = io.StringIO()
    lines = sweep_module._Progress(12, stream=pipe)
    for done in (5, 10, 12):
        lines(done, 12, 1.0)
    assert pipe.getvalue().count("\n") == 3 and "sweep: 12/12 points" in pipe.getvalue()
