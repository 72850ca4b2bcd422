"""designs.optimize and `spacedc optimize`: the optimum is feasible and no evaluated feasible point beats it, a
toy problem's optimum sits where its one binding margin is zero (checked against a root found by Brent's
method), enumerated fields are enumerated, the written TOML sizes to the reported objective, and the command
line's exits (2 for a bad --free or --minimize and for an --out that would be overwritten, 1 when nothing is
feasible). Populations are small: the machine is slow."""

import json

import numpy as np
import pytest
from scipy.optimize import brentq

from spacedc import designs
from spacedc.designs import cli, margins
from spacedc.designs.optimize import objective_column, optimize, write_optimum_toml
from spacedc.designs.result import sweep_columns
from spacedc.designs.spec import DesignError
from spacedc.units import Q_


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def small():
    """sso-100kw over a continuous panel width, two wing counts and two vehicles: 4 combinations x 8 points."""
    return optimize("sso-100kw", minimize="mass.total_kg",
                    free=["thermal.panel_width=1.5:3 m", "thermal.wings=2,4", "launch.vehicle=falcon-9,falcon-heavy"],
                    samples=8, starts=1, maxiter=4, polish=1)


def test_the_optimum_is_feasible_with_every_margin_held(small):
    assert small.feasible
    assert bool(small.result.feasible) and bool(margins.all_held(small.result))
    assert all(v >= 0 for v in small.margins.values())
    assert small.value == pytest.approx(float(sweep_columns(small.result)["mass.total_kg"][0]), rel=1e-12)


def test_no_evaluated_feasible_point_is_lighter(small):
    s = small.samples
    assert len(s["objective"]) == small.evaluations and small.feasible_count == int(s["held"].sum())
    assert s["objective"][s["held"]].min() >= small.value
    # the search never ends worse than its own population's best feasible point
    pop = (s["stage"] == "population") & s["held"]
    assert small.value <= s["objective"][pop].min()
    bests = [h["best"] for h in small.history if h["best"] is not None]
    assert bests == sorted(bests, reverse=True) and bests[-1] == small.value


def test_integer_and_named_fields_are_enumerated(small):
    s = small.samples
    pop = s["stage"] == "population"
    pairs = list(zip(s["thermal.wings"][pop].tolist(), s["launch.vehicle"][pop].tolist()))
    # every combination holds the same 8 Sobol' points of the continuous field
    assert sorted(set(pairs)) == [(2, "falcon-9"), (2, "falcon-heavy"), (4, "falcon-9"), (4, "falcon-heavy")]
    assert all(pairs.count(p) == 8 for p in set(pairs))
    widths = s["thermal.panel_width"][pop].reshape(4, 8)
    assert np.array_equal(widths, np.broadcast_to(widths[0], widths.shape))
    assert small.optimum["thermal.wings"] in (2, 4) and small.optimum["launch.vehicle"] in ("falcon-9", "falcon-heavy")
    assert set(small.sensitivity["thermal.wings"]["alternatives"]) == {"2", "4"}
    assert "per_unit" in small.sensitivity["thermal.panel_width"]


def test_the_written_toml_sizes_to_the_reported_objective(small, tmp_path):
    path = write_optimum_toml(small, tmp_path / "opt.toml")
    design = designs.load(path)
    assert design.thermal.wings == small.optimum["thermal.wings"]
    result = designs.size(design)  # as spacedc size sizes it, the orbit transient too
    assert float(sweep_columns(result)["mass.total_kg"][0]) == pytest.approx(small.value, rel=1e-9)


def test_a_monotonic_objective_stops_where_its_one_margin_binds():
    """Toy problem: the primary cylinder's wall of sso-100kw. The wet mass grows with the wall thickness t and the
    buckling margin grows with it too, while every other margin holds over the range, so the lightest feasible
    design is the t where the buckling margin is zero; that root is found independently by Brent's method on
    single-point sizings."""
    design = designs.load("sso-100kw")

    def buckling(t_mm):
        r = designs.size(design.replace(launch__cylinder_thickness=Q_(t_mm, "mm")), transient=False)
        return float(margins.margins(r)["primary_structure_buckling"])

    root = brentq(buckling, 2.0, 6.0, xtol=1e-7)
    # the premise: mass increasing in t, and only buckling failing below the root
    ts = np.array([2.0, root - 0.05, root + 0.05, 6.0])
    r = designs.size(design.replace(launch__cylinder_thickness=Q_(ts, "mm")), transient=False)
    assert np.all(np.diff(r.launch.mass.wet.m_as("kg")) > 0)
    held = margins.all_held(r)
    assert held.tolist() == [False, False, True, True]
    opt = optimize(design, minimize="mass.total_kg", free=["launch.cylinder_thickness=1:8 mm"], samples=8,
                   polish=2)
    assert opt.optimum["launch.cylinder_thickness"].m_as("mm") == pytest.approx(root, rel=1e-3)
    assert "primary_structure_buckling" in opt.active
    assert opt.sensitivity["launch.cylinder_thickness"]["per_unit"] > 0


def test_hold_station_keeps_the_stations_chips():
    opt = optimize("sso-100kw", minimize="station.total_kg", free=["launch.modules=1,2", "thermal.panel_width=2:3 m"],
                   samples=4, starts=1, maxiter=3, polish=0, hold_station=True)
    assert opt.optimum["payload.chip_count"] * opt.optimum["launch.modules"] == 100
    assert int(opt.design.payload.chip_count) == opt.optimum["payload.chip_count"]


def test_objective_names():
    cols = list(sweep_columns(designs.size(designs.load("demo-1gpu"), transient=False)))
    assert objective_column("cost.per_kWh", cols) == "cost.per_kWh_USD"
    with pytest.raises(DesignError, match="did you mean 'mass.total_kg'"):
        objective_column("mass.totl_kg", cols)
    with pytest.raises(DesignError, match="several columns"):
        objective_column("mass.structure", ["mass.structure_kg", "mass.structure_m"])


@pytest.mark.parametrize("free", ["thermal.panel_widht=2:3 m", "thermal.panel_width=3:2 m",
                                  "thermal.panel_width=normal(2 m, 0.1 m)", "thermal.wings=2.5,3"])
def test_bad_free_field_exits_2_naming_it(free, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "optimize", "sso-100kw", "--minimize", "mass.total_kg", "--free", free)
    assert code == 2 and "--free" in err and free.partition("=")[0] in err
    assert "Traceback" not in err and not list(tmp_path.iterdir())


def test_bad_objective_exits_2_with_did_you_mean(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "optimize", "sso-100kw", "--minimize", "mass.totl", "--free",
                       "thermal.panel_width=2:3 m")
    assert code == 2 and "mass.totl" in err and "did you mean" in err


def test_nothing_feasible_exits_1_naming_what_fails(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "optimize", _example("inclined-1mw.toml"), "--minimize", "mass.total_kg", "--free",
                       "thermal.panel_width=4:5 m", "--samples", "4")
    # in one piece the 1 MW design fails its mass and deployed-frequency margins whatever its panel width
    assert code == 1 and "none of the 4 points" in err and "mass (100 %)" in err and "deployed_frequency (100 %)" in err
    assert not list(tmp_path.iterdir())


def test_out_writes_everything_and_refuses_to_overwrite(capsys, tmp_path):
    out = tmp_path / "opt"
    argv = ["optimize", "sso-100kw", "--minimize", "cost.per_kWh", "--free", "launch.cylinder_thickness=3:8 mm",
            "--samples", "4", "--out", out]
    code, stdout, _ = run(capsys, *argv)
    assert code == 0 and "cost.per_kWh_USD" in stdout and "active constraints" in stdout
    data = json.loads((out / "optimize.json").read_text())
    assert data["feasible"] and data["objective"] == "cost.per_kWh_USD"
    html = (out / "report.html").read_text()
    assert 'id="optimisation"' in html and html.count("data:image/png;base64,") >= 6
    result = designs.size(designs.load(out / "sso-100kw-optimum.toml"))
    assert float(sweep_columns(result)["cost.per_kWh_USD"][0]) == pytest.approx(data["value"], rel=1e-9)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    code, _, err = run(capsys, *argv)
    assert code == 2 and "--force" in err and "optimize.json" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert run(capsys, *argv, "--force")[0] == 0


def _example(name):
    from pathlib import Path

    return Path(__file__).resolve().parents[2] / "examples" / "optimize" / name


def test_free_modules_with_a_per_module_objective_warns(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "optimize", "sso-100kw", "--minimize", "mass.total_kg", "--free", "launch.modules=1,2",
                       "--free", "launch.cylinder_thickness=4:8 mm", "--samples", "2")
    assert code == 0 and "one module's figure" in err and "station.total_kg" in err and "--hold-station" in err
    assert (tmp_path / "sso-100kw-optimum.toml").is_file()


def test_bad_samples_exit_2(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "optimize", "sso-100kw", "--minimize", "mass.total_kg", "--free",
                       "thermal.panel_width=2:3 m", "--samples", "0")
    assert code == 2 and "--samples 0" in err
