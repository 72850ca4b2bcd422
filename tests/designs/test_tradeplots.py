"""Trade plots (designs.tradeplots, `spacedc plot`): the three plots of a sweep table written from a CSV file, a
DataFrame, a Parquet file and a Parquet dataset folder, opening and not blank; each point's first failing check;
the Pareto front against a brute-force check; field names; bad input exiting 2."""

import inspect

import matplotlib.image
import numpy as np
import pandas as pd
import pytest

from spacedc.designs import tradeplots as tp
from spacedc.designs.cli import main
from spacedc.designs.sweep import sweep

VARY = ["thermal.coolant_temperature=20 degC:60 degC:6", "payload.chip_power=300:1500:5"]
X, Y = "thermal.coolant_temperature", "payload.chip_power"


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    """A 6 x 5 sweep of sso-100kw written by the sweep engine as a CSV table."""
    path = tmp_path_factory.mktemp("sweep") / "trade.csv"
    extra = {"format": "csv"} if "format" in inspect.signature(sweep).parameters else {}
    sweep("sso-100kw", VARY, path, progress=lambda *a: None, **extra)
    return path


@pytest.fixture(scope="module")
def frame(table):
    return pd.read_csv(table)


def _parquet_dir(frame, folder):
    """The table as a Parquet dataset folder: two parts, reasons dictionary-encoded, a column left out of the
    second part (empty in it), and a manifest beside the parts."""
    folder.mkdir()
    data = frame.assign(reasons=frame["reasons"].astype("category"))
    half = len(data) // 2
    data.iloc[:half].to_parquet(folder / "part-000000.parquet", index=False)
    data.iloc[half:].drop(columns=["launch.margins.fairing"]).to_parquet(folder / "part-000001.parquet",
                                                                         index=False)
    (folder / "manifest.json").write_text("{}\n")
    return folder


@pytest.fixture(params=["csv", "frame", "parquet", "parquet-dir"])
def source(request, table, frame, tmp_path):
    if request.param == "csv":
        return table
    if request.param == "frame":
        return frame
    if request.param == "parquet":
        path = tmp_path / "trade.parquet"
        frame.to_parquet(path, index=False)
        return path
    return _parquet_dir(frame, tmp_path / "trade")


def _not_blank(path):
    image = matplotlib.image.imread(path)
    assert image.ndim == 3 and image.shape[0] > 200 and image.shape[1] > 200
    rgb = image[..., :3].reshape(-1, 3)
    assert rgb.std() > 0.05  # a blank (one-colour) image has none
    assert len(np.unique(np.round(rgb * 255).astype(int), axis=0)) > 10
    return rgb


def _has_colour(rgb, name, tol=3):
    from matplotlib.colors import to_rgb

    want = np.round(np.array(to_rgb(name)) * 255)
    return bool((np.abs(np.round(rgb * 255) - want).max(axis=1) <= tol).any())


def test_plot_all_writes_three_plots_that_open_and_are_not_blank(source, tmp_path):
    paths = tp.plot_all(source, X, Y, out_dir=tmp_path / "plots")
    assert set(paths) == {"feasibility", "contours", "pareto"}
    for name, path in paths.items():
        assert path.name == tp.PLOTS[name] and path.is_file()
        _not_blank(path)
    rgb = _not_blank(paths["feasibility"])
    # the sweep holds feasible points (green) and points whose first failure is the heat-pipe limit (the first
    # other check by count, red)
    assert _has_colour(rgb, "tab:green") and _has_colour(rgb, "tab:red")
    assert not list((tmp_path / "plots").glob(".*.part"))  # written atomically: no temporary file left


def test_plot_all_refuses_to_overwrite_without_force(frame, tmp_path):
    tp.plot_all(frame, X, Y, out_dir=tmp_path)
    before = (tmp_path / "pareto.png").stat().st_mtime_ns
    with pytest.raises(FileExistsError, match="force"):
        tp.plot_all(frame, X, Y, out_dir=tmp_path)
    assert (tmp_path / "pareto.png").stat().st_mtime_ns == before
    tp.plot_all(frame, X, Y, out_dir=tmp_path, force=True)


def test_loaders_agree(table, frame, tmp_path):
    csv = tp.load_table(table)
    folder = tp.load_table(_parquet_dir(frame, tmp_path / "d"))
    assert len(folder) == len(csv) == 30
    assert folder["reasons"].tolist() == csv["reasons"].tolist()  # dictionary and empty cells as plain text
    assert (csv["reasons"] == "").sum() == csv["feasible"].sum()
    # the column the second part leaves out is there, empty in that part's rows
    assert folder["launch.margins.fairing"].iloc[:15].tolist() == csv["launch.margins.fairing"].iloc[:15].tolist()
    assert folder["launch.margins.fairing"].iloc[15:].isna().all()
    assert tp.first_failure(folder).iloc[:15].tolist() == tp.first_failure(csv).iloc[:15].tolist()
    some = tp.load_table(table, columns=["feasible", "mass.total_kg"])
    assert list(some.columns) == ["feasible", "mass.total_kg"]
    with pytest.raises(ValueError, match="'mass.totl_kg'.*mass.total_kg"):
        tp.load_table(table, columns=["mass.totl_kg"])
    with pytest.raises(FileNotFoundError, match="nothing.csv"):
        tp.load_table(tmp_path / "nothing.csv")


def test_first_failure_follows_the_stated_order_on_the_sweep(frame):
    labels = tp.first_failure(frame)
    margins = frame.filter(like="launch.margins.")
    reasons = frame["reasons"].fillna("")
    assert (labels[frame["feasible"]] == "feasible").all()
    assert (labels[~frame["feasible"]] != "feasible").all()
    launch_words = ("wet mass exceeds", "stowed", "radiator-stack tie-down", "primary-structure", "deployed",
                    "expected end-of-life heat rejection")
    for i in np.flatnonzero(~frame["feasible"].to_numpy()):
        first = reasons.iloc[i].split("; ")[0]
        if first.startswith(launch_words):  # only launch margins fail first: the lowest margin below zero
            row = margins.iloc[i]
            assert row.min() < 0
            assert labels.iloc[i] == "margin: " + row.idxmin().removeprefix("launch.margins.")
        else:  # the steady sizing fails first: its reason's leading words, before any colon or parenthesis
            assert first.startswith(labels.iloc[i]) and ":" not in labels.iloc[i] and "(" not in labels.iloc[i]
    # this sweep holds both kinds (the map shows the 37-43 degC style window of the issue)
    assert labels.str.startswith("margin: ").any() and labels.str.startswith("heat per pipe").any()


def test_first_failure_by_hand():
    frame = pd.DataFrame({
        "feasible": [True, False, False, False, False, False],
        "reasons": [None,
                    "wet mass exceeds Falcon 9's capability to this orbit; stowed satellite does not fit Falcon 9's "
                    "usable envelope",
                    "battery depth of discharge above its limit (0.9 > 0.8); wet mass exceeds Starship's capability "
                    "to this orbit",
                    "wet mass 20.1 t exceeds Falcon 9's 17.5 t to this orbit (margin -0.13)",  # a single design's
                    "",  # no reason in the table: the margins say
                    "natural lifetime beyond the disposal rule"],  # after the launch margins, none of them failing
        "launch.margins.mass": [0.2, -0.1, -0.4, -0.13, 0.5, 0.1],
        "launch.margins.fairing": [1.0, -0.3, np.nan, 0.2, -0.05, np.nan],
    })
    assert tp.first_failure(frame).tolist() == [
        "feasible", "margin: fairing", "battery depth of discharge above its limit", "margin: mass",
        "margin: fairing", "natural lifetime beyond the disposal rule"]
    no_margins = frame.drop(columns=["launch.margins.mass", "launch.margins.fairing", "reasons"])
    assert tp.first_failure(no_margins).tolist() == ["feasible"] + ["infeasible"] * 5


def _brute_front(a, b):
    """O(n^2): a point is on the front where no other point is <= on both and < on one (NaN never on it)."""
    n = len(a)
    out = np.zeros(n, dtype=bool)
    for i in range(n):
        if not (np.isfinite(a[i]) and np.isfinite(b[i])):
            continue
        out[i] = not any(a[j] <= a[i] and b[j] <= b[i] and (a[j] < a[i] or b[j] < b[i]) for j in range(n)
                         if np.isfinite(a[j]) and np.isfinite(b[j]))
    return out


@pytest.mark.parametrize("minimize", [(True, True), (True, False), (False, True), (False, False)])
def test_pareto_mask_equals_brute_force_on_random_points(minimize):
    rng = np.random.default_rng(11)
    for trial in range(20):
        n = int(rng.integers(1, 300))
        a = rng.integers(0, 15, n).astype(float)  # small integers: many ties and duplicates
        b = rng.integers(0, 15, n).astype(float) if trial % 2 else rng.random(n)
        a[rng.random(n) < 0.05] = np.nan
        sa, sb = (a if minimize[0] else -a), (b if minimize[1] else -b)
        assert tp.pareto_mask(a, b, minimize).tolist() == _brute_front(sa, sb).tolist()


def test_pareto_by_hand():
    # (1, 5), (2, 3) twice, (3, 4), (4, 1), (2, 6), (5, 1): (3, 4) is dominated by (2, 3), (2, 6) by (1, 5) and
    # (2, 3), (5, 1) by (4, 1); the two equal points (2, 3) stay together
    a = [1, 2, 3, 2, 4, 2, 5]
    b = [5, 3, 4, 3, 1, 6, 1]
    assert tp.pareto_mask(a, b).tolist() == [True, True, False, True, True, False, False]
    assert tp.pareto_mask([], []).tolist() == []
    assert tp.pareto_mask([np.nan, 1.0], [0.0, 2.0]).tolist() == [False, True]
    with pytest.raises(ValueError, match="as many"):
        tp.pareto_mask([1, 2], [1])


def test_pareto_front_of_the_sweep_is_the_feasible_non_dominated_points(frame):
    a = (frame["mass.total_kg"] / frame["power.chip_power_W"]).to_numpy()
    b = frame["thermal.radiator_area_m2"].to_numpy()
    ok = frame["feasible"].to_numpy()
    want = np.flatnonzero(ok)[_brute_front(a[ok], b[ok])]
    front = tp.pareto_front(frame, *tp.PARETO)
    assert sorted(front.index) == sorted(want) and len(want) >= 2
    assert np.all(np.diff(front["mass.total_kg"] / front["power.chip_power_W"]) >= 0)  # sorted by x


def test_fields_take_columns_short_names_and_ratios(frame):
    cols = list(frame.columns)
    assert tp.resolve_field(cols, "payload.chip_power") == "input.payload.chip_power_W"
    assert tp.resolve_field(cols, "input.thermal.coolant_temperature_K") == "input.thermal.coolant_temperature_K"
    assert tp.resolve_field(cols, "thermal.radiator_area") == "thermal.radiator_area_m2"
    values, label = tp.field_values(frame, "mass.total_kg/power.chip_power_W")
    assert values == pytest.approx((frame["mass.total_kg"] / frame["power.chip_power_W"]).to_numpy())
    with pytest.raises(ValueError, match="'payload.chip_pwr'.*input.payload.chip_power_W"):
        tp.resolve_field(cols, "payload.chip_pwr")
    with pytest.raises(ValueError, match="ambiguous"):
        tp.resolve_field(["a.b_K", "a.b_W"], "a.b")
    with pytest.raises(ValueError, match="'reasons'.*not numbers"):
        tp.field_values(frame, "reasons")


def test_spacedc_plot_writes_refuses_and_names_a_bad_column(table, tmp_path, capsys):
    out = tmp_path / "plots"
    args = ["plot", str(table), "--x", X, "--y", "input.payload.chip_power_W", "--out", str(out)]
    assert main(args) == 0
    for name in tp.PLOTS.values():
        _not_blank(out / name)
    table_frame = pd.read_csv(table)
    assert f"{len(table_frame)} points, {int(table_frame['feasible'].sum())} feasible" in capsys.readouterr().out
    assert main(args) == 2
    assert "--force" in capsys.readouterr().err
    assert main(args + ["--force", "--color", "thermal.radiator_area", "--pareto",
                        "mass.total_kg,max:payload.chip_power"]) == 0
    assert main(["plot", str(table), "--x", "payload.chip_pwr", "--y", Y, "--out", str(tmp_path / "bad")]) == 2
    err = capsys.readouterr().err
    assert "--x" in err and "'payload.chip_pwr'" in err and "input.payload.chip_power_W" in err
    assert not (tmp_path / "bad").exists()  # nothing written for bad input
    assert main(["plot", str(table), "--x", X, "--y", Y, "--color", "reasons", "--out", str(tmp_path / "b")]) == 2
    assert "--color" in capsys.readouterr().err
    assert main(["plot", str(table), "--x", X, "--y", Y, "--pareto", "mass.total_kg",
                 "--out", str(tmp_path / "c")]) == 2
    assert "--pareto" in capsys.readouterr().err
