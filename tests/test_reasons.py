"""Infeasibility reasons as integer codes (spacedc.results.Reasons): the text they render against a plain
per-point join written here, the OR semantics of combining, the dictionary a table writer uses, the lazy
``reasons`` field of results, and the sizing chain's reasons for single designs and sweeps."""

import dataclasses
import pickle
import re
from typing import Any

import numpy as np
import pytest

from spacedc import designs
from spacedc.results import Reasons, Result, combine_reasons, mask_reasons, replace
from spacedc.units import u


def _joined(masks: list[np.ndarray], messages: list[str]) -> list[str]:
    """The oracle: for each point, the messages of its true masks in order, joined with "; " (a Python loop)."""
    n = len(masks[0])
    return ["; ".join(m for mask, m in zip(masks, messages) if mask[i]) for i in range(n)]


def test_each_bit_is_one_cause_and_the_text_joins_the_set_bits_in_cause_order():
    key = np.arange(8)
    r = Reasons.mask((8,), (key & 1 > 0, "too hot"), (key & 2 > 0, "a heavy one"), (key & 4 > 0, "B late"))
    assert r.messages == ("too hot", "a heavy one", "B late")
    assert r.text().tolist() == ["", "too hot", "a heavy one", "too hot; a heavy one", "B late", "too hot; B late",
                                 "a heavy one; B late", "too hot; a heavy one; B late"]
    assert r.feasible.tolist() == (key == 0).tolist()


def test_combining_is_the_or_of_the_parts_flags_in_order():
    rng = np.random.default_rng(1)
    a, b, c = (rng.random(50) < 0.4 for _ in range(3))
    combined = Reasons.combine(Reasons.mask((50,), (a, "first"), (b, "second")), Reasons.mask((50,), (c, "third")))
    assert combined.text().tolist() == _joined([a, b, c], ["first", "second", "third"])
    np.testing.assert_array_equal(combined.feasible, ~(a | b | c))
    # the string helpers are the same text
    assert combine_reasons(mask_reasons((50,), (a, "first"), (b, "second")),
                           mask_reasons((50,), (c, "third"))).tolist() == combined.text().tolist()


def test_more_causes_than_one_packed_word_holds_still_render_each_point():
    # 5 parts of 20 causes: 100 flags, more than one 63-bit word
    rng = np.random.default_rng(7)
    masks = [rng.random(400) < 0.05 for _ in range(100)]
    messages = [f"cause {k}" for k in range(100)]
    parts = [Reasons.mask((400,), *zip(masks[20 * p:20 * p + 20], messages[20 * p:20 * p + 20])) for p in range(5)]
    r = Reasons.combine(*parts)
    assert r.text().tolist() == _joined(masks, messages)


def test_parts_broadcast_and_a_design_constant_part_applies_everywhere():
    row = Reasons.mask((2, 3), (np.array([[True, False]]).T, "row"))
    everywhere = Reasons.mask((), (True, "all"))
    col = Reasons.mask((3,), ([False, True, False], "col"))
    r = Reasons.combine(row, everywhere, col)
    assert r.shape == (2, 3)
    assert r.text().tolist() == [["row; all", "row; all; col", "row; all"], ["all", "all; col", "all"]]


def test_where_keeps_the_reasons_only_where_the_condition_holds():
    r = Reasons.mask((4,), ([True, True, False, True], "cold outlet")).where([True, False, True, False])
    assert r.text().tolist() == ["cold outlet", "", "", ""]


def test_indexing_selects_points_and_keeps_codes():
    r = Reasons.mask((2, 2), ([[True, False], [False, True]], "hot"), (np.array([True, False]), "first column"))
    assert isinstance(r[1, 0], Reasons) and str(r[1, 0]) == "first column"
    assert r[:, 1].text().tolist() == ["", "hot"]


def test_the_dictionary_round_trips_to_the_text_and_lists_each_distinct_text_once():
    rng = np.random.default_rng(3)
    a, b = rng.random(1000) < 0.5, rng.random(1000) < 0.3
    r = Reasons.mask((1000,), (a, "too hot"), (b, "too heavy"))
    indices, values = r.dictionary()
    assert indices.dtype == np.int32 and indices.shape == (1000,)
    assert len(values) == len(set(values)) == 4
    assert np.asarray(values, dtype=object)[indices].tolist() == _joined([a, b], ["too hot", "too heavy"])
    index, sets = r.distinct()
    np.testing.assert_array_equal(index, indices)
    assert ["; ".join(s) for s in sets] == list(values)
    assert ("too hot", "too heavy") in sets and () in sets


def test_numpy_reads_the_strings():
    r = Reasons.mask((3,), ([True, False, True], "too hot"))
    assert np.asarray(r).tolist() == ["too hot", "", "too hot"]
    assert np.asarray(r, dtype=str).dtype.kind == "U"
    assert str(Reasons.mask((), (True, "too hot"), (False, "too heavy"))) == "too hot"


def test_strings_given_are_kept_as_sentences():
    text = np.array(["", "wet mass 17.7 t exceeds it; and more", "", "late"], dtype=object)
    r = Reasons.from_text(text)
    assert r.text().tolist() == text.tolist()
    assert Reasons.combine(r, Reasons.mask((4,), ([True, False, False, True], "hot"))).text().tolist() == [
        "hot", "wet mass 17.7 t exceeds it; and more", "", "late; hot"]
    assert Reasons.from_text("").feasible.item() and not Reasons.from_text("margin -0.02").feasible.item()


def test_a_cause_that_does_not_broadcast_to_the_shape_is_rejected():
    with pytest.raises(ValueError):
        Reasons.mask((3,), (np.ones((2, 3), bool), "too big"))
    with pytest.raises(ValueError):
        Reasons.mask((3,), (np.ones(4, bool), "mismatched"))
    with pytest.raises(ValueError):
        Reasons.mask((1,), (np.ones(3, bool), "grows the shape"))


def test_the_codes_do_not_follow_a_mask_changed_afterwards():
    hot = np.array([True, False])
    r = Reasons.mask((2,), (hot, "too hot"))
    hot[:] = False
    assert r.text().tolist() == ["too hot", ""]


@dataclasses.dataclass(frozen=True)
class _Check(Result):
    feasible: Any
    reasons: Any


def test_a_results_reasons_field_reads_as_strings_and_keeps_its_codes():
    one = _Check(feasible=False, reasons=Reasons.mask((), (True, "too hot")))
    assert type(one.reasons) is str and one.reasons == "too hot"
    many = _Check(feasible=np.array([False, True]), reasons=Reasons.mask((2,), ([True, False], "too hot")))
    assert isinstance(many.reasons, np.ndarray) and many.reasons.tolist() == ["too hot", ""]
    assert isinstance(many.reason_codes, Reasons)
    assert many.to_dict()["reasons"] == ["too hot", ""]
    # replace keeps the codes; dataclasses.replace writes the text (both read the same)
    assert isinstance(replace(many, feasible=np.array([False, False])).reason_codes, Reasons)
    assert dataclasses.replace(many, feasible=True).reasons.tolist() == ["too hot", ""]
    back = pickle.loads(pickle.dumps(many))
    assert back.reasons.tolist() == ["too hot", ""] and isinstance(back.reason_codes, Reasons)
    # strings given stay strings
    assert _Check(feasible=True, reasons="").reasons == ""


# -- the sizing chain --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sat():
    return designs.load("sso-100kw")


def test_a_single_design_outside_the_models_says_which_model_and_its_range(sat):
    # 2100 km is above the NRLMSIS density table the lifetime model uses (100-2000 km) and above the radiation
    # model's 300-2000 km: both say so, in the chain's order (radiation before the launch budget's lifetime)
    r = designs.size(sat.replace(orbit__altitude=2100 * u.km), transient=False)
    assert r.feasible is False and type(r.reasons) is str
    reasons = designs.summary(r)["reasons"]
    radiation = [k for k, s in enumerate(reasons) if "radiation model's range 300-2000 km" in s]
    lifetime = [k for k, s in enumerate(reasons) if "lifetime model's range 100-2000 km" in s]
    assert radiation and lifetime and radiation[0] < lifetime[0]
    assert r.reasons == "; ".join(reasons)


def test_a_single_designs_margin_failure_carries_its_numbers_and_a_sweeps_names_the_margin(sat):
    one = designs.size(sat.replace(payload__chip_power=1400 * u.W), transient=False)
    wet = [s for s in designs.summary(one)["reasons"] if s.startswith("wet mass")]
    assert len(wet) == 1
    m = re.fullmatch(r"wet mass ([\d.]+) t exceeds Falcon 9's ([\d.]+) t to this orbit \(margin (-[\d.]+)\)", wet[0])
    assert m, wet[0]
    assert float(m.group(1)) == pytest.approx(one.launch.mass.wet.m_as("t"), rel=5e-3)
    assert float(m.group(3)) == pytest.approx(one.launch.margins["mass"], abs=5e-3)
    sweep = designs.size(sat.replace(payload__chip_power=[1400, 600] * u.W))
    assert "wet mass exceeds Falcon 9's capability to this orbit" in designs.summary(sweep)["reasons"][0]
    assert not any("margin" in s and re.search(r"-\d", s) for s in designs.summary(sweep)["reasons"][0])


def test_each_point_of_a_sweep_has_the_reasons_it_has_alone(sat):
    powers = [300.0, 900.0, 1400.0, 1500.0]
    temperatures = [20.0, 40.0, 60.0, 40.0]
    sweep = designs.size(sat.replace(payload__chip_power=powers * u.W,
                                     thermal__coolant_temperature=u.Quantity(temperatures, "degC")))
    assert isinstance(sweep.reason_codes, Reasons)
    index, values = sweep.reason_codes.dictionary()
    assert len(values) <= len(powers)
    for k, (p, t) in enumerate(zip(powers, temperatures)):
        alone = designs.size(sat.replace(payload__chip_power=[p] * u.W,
                                         thermal__coolant_temperature=u.Quantity([t], "degC")))
        assert alone.reasons.tolist() == [sweep.reasons[k]] == [values[index[k]]]
        assert bool(alone.feasible[0]) == bool(sweep.feasible[k]) == (sweep.reasons[k] == "")
    assert not all(sweep.feasible) and any(sweep.feasible)
