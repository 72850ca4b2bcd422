"""The input side of sweeps (designs.plan, `spacedc sweep --vary/--method/--samples/--seed`): every bad --vary
exits 2 naming the problem, the samplers hold their defining properties, named choices size as separate
single-choice sweeps would, times of day parse, and a sampled sweep's table does not depend on --chunk."""

import math
import warnings
from pathlib import Path

import numpy as np
import pytest
from scipy import stats
from scipy.stats import qmc

from spacedc import designs
from spacedc.designs.cli import main
from spacedc.designs.plan import Law, make_plan, parse_variation, size_chunk
from spacedc.designs.sweep import sweep, sweep_columns
from spacedc.units import Q_, u


@pytest.fixture(scope="module")
def sat():
    return designs.load("sso-100kw")


def _table(path: Path):
    """The sweep's table as a DataFrame, whichever format the sweep wrote (a Parquet folder or a CSV file)."""
    pd = pytest.importorskip("pandas")
    return pd.read_parquet(path) if path.is_dir() else pd.read_csv(path, keep_default_na=False, na_values=[""])


# ---------------------------------------------------------------------------------------------------------------
# a bad --vary exits 2 and names the problem; nothing is written


BAD = [
    # unknown keys, with the closest known one
    (["--vary", "thermal.coolant_temp=1:2:2"], ["unknown field 'coolant_temp'", "did you mean 'thermal.coolant_"]),
    (["--vary", "thermals.emissivity=0.8:0.9:2"], ["section.field", "did you mean 'thermal.emissivity'"]),
    (["--vary", "payload.coolant_temperature=20:30:2"], ["did you mean 'thermal.coolant_temperature'"]),
    # a wrong unit
    (["--vary", "thermal.coolant_temperature=20 m:30 m:2"], ["wrong unit", "[length]", "[temperature]"]),
    (["--vary", "payload.chip_power=1 kg,2 kg"], ["wrong unit", "'1 kg'"]),
    # START > STOP, N = 0, N not whole
    (["--vary", "payload.chip_power=1400:600:3"], ["START = 1400 W is above STOP = 600 W"]),
    (["--vary", "orbit.ltan=10:30:06:00:3"], ["START", "above STOP"]),
    (["--vary", "payload.chip_power=600:1400:0"], ["N = 0 must be at least 1"]),
    (["--vary", "payload.chip_power=600:1400:2.5"], ["N = '2.5' is not a whole number"]),
    (["--vary", "payload.chip_power=600:1400:two"], ["N = 'two' is not a whole number"]),
    # unknown choices name the known ones
    (["--vary", "launch.vehicle=falcon-9,atlas-v"], ["'atlas-v'", "unknown launch vehicle", "'starship'"]),
    (["--vary", "power.cell=xtj,perovskite"], ["'perovskite'", "unknown solar cell", "xtj-blanket"]),
    (["--vary", "thermal.coolant=ammonia,brine"], ["named choice", "'brine' is not one of 'ammonia', 'water'"]),
    (["--vary", "launch.vehicle=falcon-9:starship:2"], ["named choice", "not a range"]),
    # times of day
    (["--vary", "orbit.ltan=06:00,06:75"], ["minutes and seconds must be below 60"]),
    (["--vary", "orbit.ltan=06:00,24:30"], ["ltan", "24"]),
    # the grid against the samplers' syntax, and the reverse
    (["--vary", "thermal.coolant_temperature=normal(40 degC, 3 K)"], ["a distribution needs a sampling method"]),
    (["--vary", "payload.chip_power=600:1400"], ["START:STOP:N", "LO:HI is a range for a sampling method"]),
    (["--vary", "payload.chip_power=600:1400:3", "--method", "lhs", "--samples", "8"],
     ["START:STOP:N is a grid's range", "LO:HI"]),
    (["--vary", "payload.chip_power=600:1400:3", "--samples", "8"], ["--samples 8", "--method lhs"]),
    (["--vary", "payload.chip_power=600:1400", "--method", "sobol"], ["--method sobol needs --samples N"]),
    (["--vary", "payload.chip_power=600:1400", "--method", "lhs", "--samples", "0"], ["--samples 0"]),
    (["--vary", "payload.chip_power=600:1400", "--method", "lhs", "--samples", "4", "--seed", "-1"], ["--seed -1"]),
    # distributions with bad parameters
    (["--vary", "thermal.coolant_temperature=normal(40 degC, 0 K)", "--method", "lhs", "--samples", "4"],
     ["SD = 0 K must be above 0"]),
    (["--vary", "thermal.coolant_temperature=normal(40 degC, -3 K)", "--method", "random", "--samples", "4"],
     ["SD = -3 K must be above 0"]),
    (["--vary", "thermal.coolant_temperature=normal(40 degC, 3 m)", "--method", "lhs", "--samples", "4"],
     ["(SD)", "wrong unit"]),
    (["--vary", "thermal.coolant_temperature=normal(40 degC)", "--method", "lhs", "--samples", "4"],
     ["normal takes 2 parameters, normal(MEAN, SD)"]),
    (["--vary", "payload.chip_power=uniform(900, 900)", "--method", "lhs", "--samples", "4"],
     ["LO must be below HI"]),
    (["--vary", "payload.chip_power=1400:600", "--method", "lhs", "--samples", "4"], ["LO = 1400 W is above HI"]),
    (["--vary", "payload.chip_power=triangular(600, 1500, 1400)", "--method", "lhs", "--samples", "4"],
     ["LO <= MODE <= HI"]),
    (["--vary", "payload.chip_power=lognormal(900 W, 0)", "--method", "lhs", "--samples", "4"],
     ["SIGMA", "above 0"]),
    (["--vary", "payload.chip_power=lognormal(0 W, 0.2)", "--method", "lhs", "--samples", "4"],
     ["MEDIAN must be above 0"]),
    (["--vary", "payload.chip_power=gaussian(900 W, 50 W)", "--method", "lhs", "--samples", "4"],
     ["unknown distribution 'gaussian'", "known: uniform, normal, triangular, lognormal"]),
    (["--vary", "thermal.wings=normal(4, 1)", "--method", "lhs", "--samples", "4"], ["is a count"]),
    # a bounded law beyond the field's own bound, named by the field
    (["--vary", "thermal.emissivity=uniform(0.8, 1.2)", "--method", "lhs", "--samples", "4"],
     ["thermal.emissivity"]),
    # a field given twice
    (["--vary", "payload.chip_power=600,900", "--vary", "payload.chip_power=1000,1200"], ["varied twice"]),
]


@pytest.mark.parametrize("args, words", BAD, ids=[" ".join(a[1:]) for a, _ in BAD])
def test_a_bad_vary_exits_2_and_names_the_problem(args, words, tmp_path, capsys):
    out = tmp_path / "table"
    status = main(["sweep", "sso-100kw", *args, "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 2, err
    assert "Traceback" not in err and err.startswith("spacedc: error: ")
    for w in words:
        assert w in err
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_method_is_refused_by_the_parser(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["sweep", "sso-100kw", "--vary", "payload.chip_power=600:1400", "--method", "halton", "--samples", "4",
              "--out", str(tmp_path / "t")])
    assert stop.value.code == 2 and "invalid choice: 'halton'" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------------------------
# parsing


def test_times_of_day_parse_as_lists_and_ranges(sat):
    """HH:MM lists and HH:MM:HH:MM:N ranges give the same values as the unit form; the column is SI (s)."""
    hours = lambda v: v.values.m_as("hour").tolist()  # noqa: E731
    assert hours(parse_variation("orbit.ltan=06:00,09:00", sat)) == [6.0, 9.0]
    assert hours(parse_variation("orbit.ltan=06:00:30", sat)) == [6.0 + 30 / 3600]  # one HH:MM:SS value
    clock = parse_variation("orbit.ltan=06:00:10:30:4", sat)
    assert hours(clock) == pytest.approx([6.0, 7.5, 9.0, 10.5])
    assert hours(parse_variation("orbit.ltan=6 h:10.5 h:4", sat)) == pytest.approx(hours(clock))
    assert clock.column == "input.orbit.ltan_s" and clock.si(np.array([1])).tolist() == [27000.0]
    plan = make_plan(sat, ["orbit.ltan=06:00,09:00"])
    assert [d.orbit.ltan.m_as("hour") for _, d in plan.inputs(1, 2)] == [[9.0]]
    drawn = make_plan(sat, ["orbit.ltan=06:00:10:30"], method="random", samples=64).input_columns(0, 64)
    assert np.all((drawn["input.orbit.ltan_s"] >= 6 * 3600) & (drawn["input.orbit.ltan_s"] < 10.5 * 3600))


def test_spreads_are_differences_and_bare_numbers_take_the_fields_unit(sat):
    """An SD in degC is a difference (3 degC of spread = 3 K); the mean 40 degC is 313.15 K. The orbit's altitude
    takes bare numbers in km and writes its column in m."""
    a = parse_variation("thermal.coolant_temperature=normal(40 degC, 3 K)", sat, sampled=True)
    b = parse_variation("thermal.coolant_temperature=normal(40 degC, 3 degC)", sat, sampled=True)
    c = parse_variation("thermal.coolant_temperature=normal(104 degF, 5.4 delta_degF)", sat, sampled=True)
    assert a.law == b.law == Law("normal", (313.15, 3.0))
    assert c.law.params == pytest.approx((313.15, 3.0))
    h = parse_variation("orbit.altitude=normal(600, 10)", sat, sampled=True)
    assert h.law.params == pytest.approx((600e3, 10e3)) and h.column == "input.orbit.altitude_m"
    assert parse_variation("payload.chip_power=900:1100", sat, sampled=True).law == Law("uniform", (900.0, 1100.0))


def test_the_inverse_cdfs_match_their_definitions():
    """Hand derivations: normal at Phi(1) is MEAN + SD; lognormal at 1/2 is its MEDIAN and at Phi(1) MEDIAN e^SIGMA;
    triangular(0, 1, 2) at 1/8 solves x^2/2 = 1/8 (x = 1/2) and at 1/2 is its mode; uniform is linear."""
    phi1 = 0.5 * (1 + math.erf(1 / math.sqrt(2)))
    assert Law("normal", (313.15, 3.0)).ppf(np.array([phi1]))[0] == pytest.approx(316.15, rel=1e-12)
    assert Law("lognormal", (900.0, 0.2)).ppf(np.array([0.5, phi1])) == pytest.approx([900, 900 * math.e ** 0.2])
    assert Law("triangular", (0.0, 1.0, 2.0)).ppf(np.array([0.125, 0.5])) == pytest.approx([0.5, 1.0])
    assert Law("uniform", (10.0, 20.0)).ppf(np.array([0.0, 0.25])) == pytest.approx([10.0, 12.5])
    # the unbounded laws never give infinities, even at a unit sample of exactly 0
    assert np.all(np.isfinite(Law("normal", (0.0, 1.0)).ppf(np.array([0.0, 1.0 - 2**-53]))))


# ---------------------------------------------------------------------------------------------------------------
# the samplers


def _strata(x, lo, hi, n):
    return np.floor((x - lo) / (hi - lo) * n).astype(int)


@pytest.mark.parametrize("method", ["lhs", "sobol"])
def test_lhs_and_sobol_put_one_sample_in_each_of_n_strata_per_field(sat, method):
    """A Latin hypercube of N points has one point in each of the N equal strata of every field (McKay, Beckman &
    Conover 1979); so does each one-dimensional projection of a scrambled Sobol' net of N = 2^k points."""
    n = 64
    plan = make_plan(sat, ["payload.chip_power=600:1400", "thermal.emissivity=0.80:0.90"], method=method, samples=n)
    cols = plan.input_columns(0, n)
    for key, lo, hi in (("input.payload.chip_power_W", 600, 1400), ("input.thermal.emissivity", 0.8, 0.9)):
        assert sorted(_strata(cols[key], lo, hi, n)) == list(range(n))


def test_sobol_points_are_reproducible_inside_the_range_and_scipys(sat):
    vary = ["payload.chip_power=600:1400", "thermal.coolant_temperature=20 degC:60 degC"]
    one = make_plan(sat, vary, method="sobol", samples=8, seed=7).input_columns(0, 8)
    two = make_plan(sat, vary, method="sobol", samples=8, seed=7).input_columns(0, 8)
    other = make_plan(sat, vary, method="sobol", samples=8, seed=8).input_columns(0, 8)
    unit = qmc.Sobol(d=2, scramble=True, seed=7).random(8)
    p, t = one["input.payload.chip_power_W"], one["input.thermal.coolant_temperature_K"]
    assert np.array_equal(p, two["input.payload.chip_power_W"]) and not np.array_equal(
        p, other["input.payload.chip_power_W"])
    assert p == pytest.approx(600 + 800 * unit[:, 0], rel=1e-15) and t == pytest.approx(293.15 + 40 * unit[:, 1])
    assert np.all((p >= 600) & (p < 1400)) and np.all((t >= 293.15) & (t < 333.15))


def test_sobol_warns_for_a_count_that_is_not_a_power_of_2(sat):
    with pytest.warns(UserWarning, match=r"--samples 100: Sobol' points keep their balance for a power of 2 only "
                                         r"\(the nearest: 128\)"):
        make_plan(sat, ["payload.chip_power=600:1400"], method="sobol", samples=100)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        make_plan(sat, ["payload.chip_power=600:1400"], method="sobol", samples=128)


@pytest.mark.parametrize("method", ["random", "lhs", "sobol"])
def test_normal_samples_have_their_mean_and_sd(sat, method):
    """N = 4096 draws of normal(40 degC, 3 K) with seed 0 (deterministic): the sample mean is within 4 standard
    errors (SD / sqrt N = 0.047 K) of 313.15 K and the sample SD within 4 standard errors (SD / sqrt(2 N) = 0.033 K)
    of 3 K."""
    n = 4096
    plan = make_plan(sat, ["thermal.coolant_temperature=normal(40 degC, 3 K)"], method=method, samples=n)
    t = plan.input_columns(0, n)["input.thermal.coolant_temperature_K"]
    assert abs(t.mean() - 313.15) < 4 * 3 / math.sqrt(n)
    assert abs(t.std(ddof=1) - 3.0) < 4 * 3 / math.sqrt(2 * n)
    # and the distribution itself: Kolmogorov-Smirnov against the normal it was drawn from
    assert stats.kstest(t, "norm", args=(313.15, 3.0)).pvalue > 1e-3


def test_a_list_is_drawn_uniformly_and_a_count_range_gives_whole_numbers(sat):
    """A list of k values: value floor(u k) of the unit sample u. In a Latin hypercube of N = 4096 points, each
    half of [0, 1) holds exactly 2048 points, so each of two vehicles is drawn 2048 times; a count's LO:HI draws
    the whole numbers LO..HI."""
    n = 4096
    plan = make_plan(sat, ["launch.vehicle=falcon-9,starship", "thermal.wings=2:4", "payload.chip_power=900,1100"],
                     method="lhs", samples=n)
    cols = plan.input_columns(0, n)
    vehicles, counts = np.unique(cols["input.launch.vehicle"], return_counts=True)
    assert vehicles.tolist() == ["falcon-9", "starship"] and counts.tolist() == [2048, 2048]
    assert cols["input.thermal.wings"].dtype.kind == "i" and set(cols["input.thermal.wings"].tolist()) == {2, 3, 4}
    assert set(cols["input.payload.chip_power_W"].tolist()) == {900.0, 1100.0}


# ---------------------------------------------------------------------------------------------------------------
# named choices


def _assert_columns_equal(a, b):
    assert list(a) == list(b)
    for k in a:
        if a[k] is None or b[k] is None:
            assert a[k] is None and b[k] is None, k
        elif np.asarray(a[k]).dtype.kind == "f":
            np.testing.assert_array_equal(a[k], b[k], err_msg=k)
        else:
            assert np.asarray(a[k]).tolist() == np.asarray(b[k]).tolist(), k


def test_a_choice_sweep_equals_separate_single_choice_sweeps(sat):
    """vehicle x chip power, first varying slowest: rows 0-2 are Falcon 9's, 3-5 Starship's, each equal to the
    sweep of that vehicle alone, even when a chunk straddles the two (rows 2-4: two vectorized calls). Starship's
    points leave some Falcon checks (tie-down margins, launch cost) unfilled: NaN in the shared table, as in
    Starship's own."""
    powers = "payload.chip_power=600:1400:3"
    both = make_plan(sat, ["launch.vehicle=falcon-9,starship", powers])
    whole = size_chunk(sat, both, 0, 6, columns=sweep_columns)
    assert whole["point"].tolist() == list(range(6))
    assert whole["input.launch.vehicle"].tolist() == ["falcon-9"] * 3 + ["starship"] * 3
    assert whole["launch.vehicle"].tolist() == ["Falcon 9"] * 3 + ["Starship"] * 3
    for name, rows in (("falcon-9", slice(0, 3)), ("starship", slice(3, 6))):
        alone = size_chunk(sat.replace(launch__vehicle=name), make_plan(sat, [powers]), 0, 3,
                           columns=sweep_columns)
        part = {k: (None if v is None else np.asarray(v)[rows]) for k, v in whole.items() if k != "point"}
        part.pop("input.launch.vehicle")
        del alone["point"]
        # a check one vehicle leaves unfilled is None in its own sweep and NaN in the shared one
        part = {k: (None if alone[k] is None and (v is None or np.all(np.isnan(v.astype(float)))) else v)
                for k, v in part.items()}
        _assert_columns_equal(part, alone)
    straddle = size_chunk(sat, both, 2, 5, columns=sweep_columns)
    for k, v in straddle.items():
        w = whole[k]
        if v is None:
            assert w is None
        else:
            assert np.asarray(v).tolist() == pytest.approx(np.asarray(w)[2:5].tolist(), nan_ok=True) \
                if np.asarray(v).dtype.kind == "f" else np.asarray(v).tolist() == np.asarray(w)[2:5].tolist(), k


def test_a_sweep_of_choices_alone_repeats_each_single_design(sat):
    """Only named choices vary: each combination is one single design, its columns repeated over its rows."""
    plan = make_plan(sat, ["power.cell=xtj,xtj-blanket", "thermal.coolant=ammonia,water"])
    cols = size_chunk(sat, plan, 0, 4, columns=sweep_columns)
    assert cols["input.power.cell"].tolist() == ["xtj", "xtj", "xtj-blanket", "xtj-blanket"]
    assert cols["input.thermal.coolant"].tolist() == ["ammonia", "water", "ammonia", "water"]
    one = designs.size(sat.replace(power__cell="xtj-blanket", thermal__coolant="water"), transient=False)
    assert cols["mass.total_kg"][3] == pytest.approx(one.mass.wet.m_as("kg"), rel=1e-12)
    assert bool(cols["feasible"][3]) is bool(one.feasible) and len(cols["mass.total_kg"]) == 4


# ---------------------------------------------------------------------------------------------------------------
# whole sweeps


def test_a_sampled_sweep_does_not_depend_on_the_chunk_and_writes_its_samples(sat, tmp_path):
    """14 LHS points of three fields, a named choice among them, in chunks of 3 and of 7: the same table, and its
    input columns are the plan's samples; a row equals the design sized alone at that sampled point."""
    vary = ["thermal.coolant_temperature=normal(40 degC, 2 K)", "payload.chip_power=800:1200",
            "launch.vehicle=falcon-9,starship"]
    kw = dict(method="lhs", samples=14, seed=3, progress=lambda *a: None)
    sweep(sat, vary, tmp_path / "c3", chunk=3, **kw)
    sweep(sat, vary, tmp_path / "c7", chunk=7, **kw)
    a, b = _table(tmp_path / "c3"), _table(tmp_path / "c7")
    pd = pytest.importorskip("pandas")
    # the same values; a text column's categories are listed in the order the parts first hold them, which the
    # chunking changes (a representation, not the data), so they are compared as values
    pd.testing.assert_frame_equal(a, b, check_exact=True, check_categorical=False)
    plan = make_plan(sat, vary, method="lhs", samples=14, seed=3)
    for key, values in plan.input_columns(0, 14).items():
        assert a[key].tolist() == values.tolist()
    k = 5
    t, p, v = (a.loc[k, c] for c in ("input.thermal.coolant_temperature_K", "input.payload.chip_power_W",
                                     "input.launch.vehicle"))
    one = designs.size(sat.replace(thermal__coolant_temperature=Q_(t, "K"), payload__chip_power=p * u.W,
                                   launch__vehicle=v), transient=False)
    assert a.loc[k, "mass.total_kg"] == pytest.approx(one.mass.wet.m_as("kg"), rel=1e-12)
    assert bool(a.loc[k, "feasible"]) is bool(one.feasible)


def test_the_plan_describes_its_points(sat):
    """The description (a sweep's fingerprint) changes with the seed, the method and the samples."""
    vary = ["payload.chip_power=600:1400"]
    seeds = {make_plan(sat, vary, method="random", samples=8, seed=s).describe() for s in (0, 1)}
    assert len(seeds) == 2
    lhs = make_plan(sat, vary, method="lhs", samples=8).describe()
    assert lhs.startswith("lhs of 8 samples, seed 0: payload.chip_power=uniform(600.0 W, 1400.0 W)")
    assert make_plan(sat, ["payload.chip_power=600:1400:3"]).describe() == \
        "grid of 3 points: payload.chip_power=600:1400:3"


def test_cli_sweeps_choices_and_times_of_day(tmp_path):
    """`spacedc sweep --vary launch.vehicle=falcon-9,starship --vary orbit.ltan=06:00,09:00` writes 4 rows in
    point order with the names and the times as inputs."""
    out = tmp_path / "named"
    status = main(["sweep", "sso-100kw", "--vary", "launch.vehicle=falcon-9,starship", "--vary",
                   "orbit.ltan=06:00,09:00", "--out", str(out), "--chunk", "3"])
    assert status == 0
    table = _table(out)
    assert table["point"].tolist() == [0, 1, 2, 3]
    assert table["input.launch.vehicle"].tolist() == ["falcon-9", "falcon-9", "starship", "starship"]
    assert table["input.orbit.ltan_s"].tolist() == [21600.0, 32400.0, 21600.0, 32400.0]
