"""designs.uq: margins as probabilities through the vectorized chain, the [uncertainty] table, sizing to a
reliability and spacedc uq. Small N throughout; the million-sample run is benchmarks/bench_uq.py."""

import dataclasses
import json
import math

import numpy as np
import pytest

from spacedc import designs
from spacedc.designs import margins as M
from spacedc.designs.cli import main
from spacedc.designs.fields import starting_file
from spacedc.designs.uq import Probability, fix_as_built, size_to_reliability, uncertain_inputs
from spacedc.units import Q_

SSO = "sso-100kw"
# chip power alone, sized afresh (as_built=False): the coolant leaves the plates at the design's 38 C, so the
# junction is 311.15 K + P (0.02 + 0.02) K/W, under its 358.15 K limit while P <= 1175 W (module docstring of
# designs: 38 C + 1000 W x 0.04 K/W = 78 C)
CHIP_LAW = "payload.chip_power=uniform(1000 W, 1300 W)"


def test_probability_by_hand_from_the_chain_equations():
    """P(junction held) = P(P <= 1175 W) = 175 / 300 for P uniform on 1000-1300 W (hand derivation above)."""
    d = designs.load(SSO)
    r = designs.uq(d, [CHIP_LAW], samples=4096, method="random", as_built=False)
    q = r.margins["junction"]
    assert abs(q.p - 175 / 300) <= 3 * q.stderr
    assert q.lo <= 175 / 300 <= q.hi
    assert r.percentiles["thermal.junction_temperature_K"][50] == pytest.approx(311.15 + 1150 * 0.04, abs=0.5)


def test_vectorized_probability_agrees_with_a_brute_force_one_point_at_a_time():
    """The design's own [uncertainty]: 24 random samples sized one by one as scalar designs (designs.size) give
    each point's all_held exactly as the vectorized chain does, and their P(all held) agrees with the
    vectorized run of 2048 samples within the combined sampling error."""
    big = designs.uq(designs.load(SSO), samples=2048, method="random", seed=1)
    inputs = big.inputs
    rng = np.random.default_rng(99)
    u = rng.random((24, len(inputs)))
    held = []
    values = [v.law.ppf(u[:, j]) for j, v in enumerate(inputs)]
    for k in range(24):
        one = big.design.replace(**{v.key.replace(".", "__", 1): Q_(float(x[k]), v.unit) if v.unit else float(x[k])
                                    for v, x in zip(inputs, values)})
        held.append(bool(M.all_held(designs.size(one, transient=False))))
    vec = big.design.replace(**{v.key.replace(".", "__", 1): Q_(x, v.unit) if v.unit else x
                                for v, x in zip(inputs, values)})
    assert M.all_held(designs.size(vec, transient=False)).tolist() == held
    brute = Probability.of(sum(held), 24)
    p = big.all_held.p   # the small estimate's sampling error, at the probability the large run estimates
    err = math.hypot(big.all_held.stderr, math.sqrt(p * (1 - p) / 24))
    assert abs(brute.p - big.all_held.p) <= 3 * err


def test_a_chunked_run_gives_the_same_numbers_as_one_call():
    d = designs.load(SSO)
    one = designs.uq(d, samples=64, method="lhs", seed=4, chunk=64)
    chunked = designs.uq(d, samples=64, method="lhs", seed=4, chunk=7)
    assert one.outputs.keys() == chunked.outputs.keys()
    for k in one.outputs:
        np.testing.assert_array_equal(one.outputs[k], chunked.outputs[k], err_msg=k)
    assert one.all_held == chunked.all_held


def test_reference_design_uncertainty_table_is_loaded_and_checked():
    d = designs.load(SSO)
    keys = [k for k, _ in d.uncertainty]
    assert keys == ["thermal.emissivity", "payload.chip_power", "thermal.junction_to_case",
                    "thermal.cold_plate_resistance", "power.inherent_degradation"]
    law = dict((v.key, v.law) for v in uncertain_inputs(d))["payload.chip_power"]
    assert law.name == "triangular" and law.params == (950.0, 1000.0, 1100.0)
    # --vary overrides an entry and adds another
    v = {x.key: x for x in uncertain_inputs(d, ["payload.chip_power=normal(1 kW, 20 W)",
                                                "thermal.coolant_temperature=normal(38 degC, 1 K)"])}
    assert v["payload.chip_power"].law.params == (1000.0, 20.0)
    assert v["thermal.coolant_temperature"].law.params == pytest.approx((311.15, 1.0))


@pytest.mark.parametrize("entry, words", [
    ({"thermal.emisivity": "normal(0.9, 0.01)"}, "emisivity"),
    ({"thermal.emissivity": "normal(0.9, -1)"}, "SD"),
    ({"payload.chip_power": "normal(1000 kg, 1 kg)"}, "wrong unit"),
    ({"thermal.emissivity": 0.9}, "expected a law"),
])
def test_a_bad_uncertainty_entry_is_refused_naming_it(entry, words, tmp_path, capsys):
    text = designs.design._read(designs.design._resolve(SSO)) | {"uncertainty": entry}
    with pytest.raises(designs.DesignError, match=words) as info:
        designs.from_dict(text)
    assert "[uncertainty]" in str(info.value)
    path = tmp_path / "bad.toml"
    path.write_text(f'base = "sso-100kw"\n[uncertainty]\n"{next(iter(entry))}" = {json.dumps(entry[next(iter(entry))])}\n')
    assert main(["uq", str(path), "--samples", "8"]) == 2
    assert "[uncertainty]" in capsys.readouterr().err


def test_unquoted_dotted_keys_read_as_the_same_table(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text('base = "sso-100kw"\n[uncertainty]\nthermal.emissivity = "normal(0.9, 0.01)"\n')
    table = designs.load(path).uncertainty
    assert ("thermal.emissivity", "normal(0.9, 0.01)") in table      # the child's, over its base's quoted key
    assert [k for k, _ in table].count("thermal.emissivity") == 1
    again = tmp_path / "again.toml"                                  # spacedc new writes it back once
    again.write_text(starting_file(str(path), "again"))
    assert dict(designs.load(again).uncertainty) == dict(table)


def test_a_design_without_inputs_or_with_a_named_choice_is_refused():
    d = dataclasses.replace(designs.load(SSO), uncertainty=())
    with pytest.raises(designs.DesignError, match="no \\[uncertainty\\]"):
        designs.uq(d, samples=8)
    with pytest.raises(designs.DesignError, match="named choice"):
        designs.uq(d, ["launch.vehicle=falcon-9,starship"], samples=8)
    with pytest.raises(designs.DesignError, match="--method"):
        designs.uq(designs.load(SSO), samples=8, method="grid")


def test_sobol_indices_of_the_failure_and_the_wet_mass():
    """Chip power and coolant temperature uncertain, sized afresh: the junction fails by T_c + P R alone, and
    the wet mass does not depend on the coolant temperature through the junction, so chip power carries most of
    the mass's variance; the indices lie in [0, 1] within their noise and the total is at least the first."""
    d = dataclasses.replace(designs.load(SSO), uncertainty=())
    r = designs.uq(d, [CHIP_LAW, "thermal.coolant_temperature=normal(38 degC, 2 K)"], samples=64, as_built=False,
                   sobol=True, sobol_samples=512, bootstrap=50)
    fail, mass = r.sobol["failure"], r.sobol["mass.total_kg"]
    assert np.all(fail.total >= fail.first - 0.05) and np.all((fail.total > -0.05) & (fail.total < 1.05))
    assert fail.total[0] > 0.3 and fail.total[1] > 0.05       # both move the junction
    assert mass.first[0] > 0.5                                # chip power sizes the array and the radiator
    assert set(r.to_dict()["sobol"]["failure"]["indices"]) == {"payload.chip_power", "thermal.coolant_temperature"}


def test_size_to_reliability_finds_the_coolant_temperature_by_hand():
    """P(junction held) = P(P <= (358.15 K - T_c) / 0.04 K/W) for P uniform on 1000-1300 W: 0.9 at
    P = 1270 W, so T_c = 358.15 - 50.8 = 307.35 K (hand derivation as above)."""
    d = dataclasses.replace(designs.load(SSO), uncertainty=())
    found = size_to_reliability(d, "thermal.coolant_temperature", "junction", 0.9, samples=2048, inputs=[CHIP_LAW],
                                lo="295 K", hi="320 K", as_built=False, method="random")
    assert found.value.m_as("K") == pytest.approx(307.35, abs=0.3)
    assert found.probability.p >= 0.9
    # common random numbers: the probability falls as the coolant warms, trial by trial
    trials = sorted(found.trials)
    assert all(p1 >= p2 for (_, p1), (_, p2) in zip(trials, trials[1:]))
    with pytest.raises(designs.DesignError, match="same side"):
        size_to_reliability(d, "thermal.coolant_temperature", "junction", 0.9, samples=256, inputs=[CHIP_LAW],
                            lo="330 K", hi="340 K", as_built=False)
    with pytest.raises(designs.DesignError, match="unknown margin"):
        size_to_reliability(d, "thermal.coolant_temperature", "junctoin", 0.9, inputs=[CHIP_LAW])


def test_as_built_fixes_the_sized_areas_or_says_it_cannot():
    d = designs.load(SSO)
    nominal = designs.size(d, transient=False)
    built, notes = fix_as_built(d, nominal)
    for key, attr in (("thermal.radiator_area", nominal.radiator_area), ("power.array_area", nominal.array.area)):
        section, name = key.split(".")
        assert getattr(getattr(built, section), name).m_as("m^2") == pytest.approx(attr.m_as("m^2"))
        assert any(key in n and "fixed as built" in n for n in notes)


def test_as_built_junction_temperature_responds_to_the_emissivity():
    """As built, a radiator of fixed area and lower emissivity runs hotter, and so do the junctions; sized
    afresh, the area grows instead and the junction stays at 78 C."""
    d = dataclasses.replace(designs.load(SSO), uncertainty=())
    built = designs.uq(d, ["thermal.emissivity=uniform(0.85, 0.92)"], samples=64)
    sized = designs.uq(d, ["thermal.emissivity=uniform(0.85, 0.92)"], samples=64, as_built=False)
    tj = built.outputs["thermal.junction_temperature_K"]
    assert float(tj.max() - tj.min()) > 0.5
    assert float(np.ptp(sized.outputs["thermal.junction_temperature_K"])) < 1e-3
    assert np.ptp(built.outputs["thermal.radiator_area_m2"]) < 1e-3


def test_size_to_reliability_on_the_radiator_area():
    d = designs.load(SSO)
    found = size_to_reliability(d, "thermal.radiator_area", "junction", 0.99, samples=512)
    assert found.probability.p >= 0.99
    trials = sorted(found.trials)
    assert all(p1 <= p2 for (_, p1), (_, p2) in zip(trials, trials[1:]))   # more area, cooler junctions
    # an independent study at the value found, and 0.5 % below it, on the same samples: the crossing is there
    area = found.value.m_as("m^2")
    at = designs.uq(d.replace(thermal__radiator_area=Q_(area, "m^2")), samples=512)
    below = designs.uq(d.replace(thermal__radiator_area=Q_(0.995 * area, "m^2")), samples=512)
    assert at.margins["junction"].p == found.probability.p >= 0.99 > below.margins["junction"].p
    # asked to hold the target at the Wilson interval's lower end, it needs more radiator
    sure = size_to_reliability(d, "thermal.radiator_area", "junction", 0.99, samples=512, confident=True)
    assert sure.confident and sure.probability.lo >= 0.99 and sure.value > found.value


def test_cli_uq_writes_its_files_and_the_report_and_never_overwrites(tmp_path, capsys):
    out = tmp_path / "uq"
    assert main(["uq", SSO, "--samples", "32", "--method", "random", "--sobol", "--sobol-samples", "16",
                 "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "feasible, every margin held" in printed and "Sobol' indices of mass.total_kg" in printed
    data = json.loads((out / "uq.json").read_text())
    built, _ = fix_as_built(designs.load(SSO))  # as built, the array is rated: its power margin is one of them
    assert data["samples"] == 32 and set(data["margins"]) == set(M.margins(designs.size(built, transient=False)))
    assert "array_power" in data["margins"]
    assert 0 <= data["all_held"]["p"] <= 1 and len(data["all_held"]["wilson95"]) == 2
    for name in ("uq.txt", "uq_outputs.png", "uq_sobol.png", "report.html", "summary.json"):
        assert (out / name).is_file(), name
    assert 'id="uq"' in (out / "report.html").read_text()
    assert main(["uq", SSO, "--samples", "8", "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["uq", SSO, "--samples", "8", "--out", str(out), "--force"]) == 0


def test_a_rated_radiators_coolant_temperature_is_not_an_input(capsys, tmp_path):
    """As built the radiator is rated and the coolant temperature is its result: varying it, or adjusting it to a
    reliability, would be discarded by the chain, so it is refused naming the field (exit 2)."""
    d = dataclasses.replace(designs.load(SSO), uncertainty=())
    with pytest.raises(designs.DesignError, match="thermal.coolant_temperature: the radiator is rated"):
        designs.uq(d, ["thermal.coolant_temperature=normal(38 degC, 1 K)"], samples=8)
    with pytest.raises(designs.DesignError, match="the radiator is rated"):
        size_to_reliability(d, "thermal.coolant_temperature", "junction", 0.9, samples=8, inputs=[CHIP_LAW],
                            lo="295 K", hi="320 K")
    assert main(["uq", SSO, "--samples", "8", "--vary", "thermal.coolant_temperature=normal(38 degC, 1 K)"]) == 2
    assert "--as-sized" in capsys.readouterr().err
    # a design rated as written (spacex-ai1) refuses it in a sweep's --vary too: the one parser checks it
    assert main(["sweep", "spacex-ai1", "--vary", "thermal.coolant_temperature=30 degC,40 degC",
                 "--out", str(tmp_path / "sweep")]) == 2
    assert "not an input of this design: the radiator is rated" in capsys.readouterr().err


def test_cli_uq_reliability_and_bad_input(capsys):
    assert main(["uq", SSO, "--samples", "256", "--vary", CHIP_LAW, "--as-sized", "--reliability", "junction=0.9",
                 "--adjust", "thermal.coolant_temperature", "--between", "295 K:320 K"]) == 0
    assert "Reliability: thermal.coolant_temperature = " in capsys.readouterr().out
    assert main(["uq", SSO, "--samples", "8", "--vary", "thermal.nope=normal(1, 0.1)"]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["uq", SSO, "--samples", "8", "--reliability", "junction"]) == 2


def test_a_law_beyond_its_fields_range_is_truncated_to_it():
    """normal(0.97, 0.02) puts Phi(-1.5) = 0.0668 of an emissivity above 1 (standard normal table): the study
    samples the part inside (0, 1] instead of stopping at the first sample above 1, and says how much it cut.
    Truncated, the median is the quantile 0.5 (1 - 0.0668) of the law: 0.97 + 0.02 Phi^-1(0.4666) = 0.96833."""
    d = dataclasses.replace(designs.load(SSO), uncertainty=())
    r = designs.uq(d, ["thermal.emissivity=normal(0.97, 0.02)"], samples=4096, method="random")
    x = r.draws["thermal.emissivity"]
    assert x.max() <= 1.0 and x.min() > 0.0
    assert np.median(x) == pytest.approx(0.96833, abs=2e-3)
    assert any("cuts 0.0668" in n for n in r.notes)
    with pytest.raises(designs.DesignError, match="lies outside the field's range"):
        designs.uq(d, ["thermal.emissivity=normal(1.5, 0.01)"], samples=8)


def test_as_built_the_arrays_mass_is_hardware():
    """As built the array is fixed: its mass per area too, so a sampled inherent degradation changes its power,
    not its mass. With I_d the only input, nothing else that weighs changes (the battery is sized for the load,
    which does not depend on I_d), so the wet mass is the nominal design's at every sample."""
    d = dataclasses.replace(designs.load(SSO), uncertainty=())
    nominal = designs.size(d, transient=False).launch.mass.wet.m_as("kg")
    r = designs.uq(d, ["power.inherent_degradation=uniform(0.81, 0.89)"], samples=64)
    np.testing.assert_allclose(r.outputs["mass.total_kg"], nominal, rtol=1e-6)  # float32 outputs
    assert np.ptp(r.outputs["power.eol_power_W"]) > 0.05 * np.mean(r.outputs["power.eol_power_W"])
    assert any("array_areal_density fixed as built" in n for n in r.notes)
    with pytest.raises(designs.DesignError, match="give one, not both"):
        d.replace(power__array_areal_density="2 kg/m^2", power__array_specific_power="150 W/kg")
