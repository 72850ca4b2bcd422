"""The core's two result helpers: the reasons builder (spacedc.results.mask_reasons) and the collapse of a single
point to Python scalars (spacedc.units.scalar_or_array), which every package uses instead of its own."""

import numpy as np
import pytest

from spacedc import power, thermal
from spacedc.results import combine_reasons, mask_reasons
from spacedc.units import scalar_or_array, u


@pytest.mark.parametrize("x, kind, expected", [
    (np.asarray(0.25), float, 0.25),
    (np.asarray(7), float, 7.0),
    (np.asarray(3.9), int, 3),            # truncated, as int() truncates
    (np.asarray(-1.0), int, -1),
    (np.asarray(True), bool, True),
    (np.bool_(False), bool, False),
    (np.asarray("too hot", dtype=object), str, "too hot"),
    (np.asarray(""), str, ""),
    (2.5, float, 2.5),
])
def test_a_single_point_collapses_to_the_python_scalar_of_its_kind(x, kind, expected):
    out = scalar_or_array(x, kind)
    assert type(out) is kind
    assert out == expected


@pytest.mark.parametrize("x, kind, dtype", [
    (np.array([1, 2]), float, np.float64),
    ([0.5, 1.5], float, np.float64),
    (np.array([2.0, 3.7]), int, np.int64),
    (np.array([[True, False]]).T, bool, np.bool_),
    (np.array(["", "too hot"], dtype=object), str, object),
    (np.array(["mass", "volume"]), str, np.dtype("<U6")),   # strings keep their dtype
])
def test_an_array_stays_an_array_of_its_kind(x, kind, dtype):
    out = scalar_or_array(x, kind)
    assert isinstance(out, np.ndarray)
    assert out.dtype == dtype
    assert out.shape == np.shape(x)
    np.testing.assert_array_equal(out, np.asarray(x).astype(dtype))


def test_a_one_element_array_is_a_sweep_not_a_single_point():
    assert isinstance(scalar_or_array(np.array([4.0])), np.ndarray)
    assert isinstance(scalar_or_array(np.ones(1, bool), bool), np.ndarray)


def test_an_array_of_its_kind_is_not_copied():
    ok = np.broadcast_to(np.array([True, False]), (3, 2))
    assert scalar_or_array(ok, bool) is ok


def test_an_unknown_kind_is_rejected_naming_it():
    with pytest.raises(TypeError, match="kind = <class 'complex'>"):
        scalar_or_array(np.asarray(1.0), complex)


def test_the_reasons_table_joins_every_true_cause_in_the_order_given():
    # the 2^3 combinations of three causes, one point each: bit 0 = first cause
    key = np.arange(8)
    out = mask_reasons((8,), (key & 1 > 0, "too hot"), (key & 2 > 0, "a heavy one"), (key & 4 > 0, "B late"))
    assert out.dtype == object and out.shape == (8,)
    assert out.tolist() == ["", "too hot", "a heavy one", "too hot; a heavy one", "B late", "too hot; B late",
                            "a heavy one; B late", "too hot; a heavy one; B late"]  # cause order, not alphabetic


def test_no_true_cause_and_no_cause_at_all_give_empty_strings():
    assert mask_reasons((2, 2), (np.zeros((2, 2), bool), "never")).tolist() == [["", ""], ["", ""]]
    assert mask_reasons((3,)).tolist() == ["", "", ""]


def test_causes_broadcast_to_the_shape_and_one_point_is_a_0d_array():
    out = mask_reasons((2, 3), (np.array([[True, False]]).T, "row"), (True, "all"), ([False, True, False], "col"))
    assert out.tolist() == [["row; all", "row; all; col", "row; all"], ["all", "all; col", "all"]]
    one = mask_reasons((), (np.asarray(True), "too hot"), (False, "too heavy"))
    assert isinstance(one, np.ndarray) and one.shape == () and scalar_or_array(one, str) == "too hot"


def test_steps_reasons_joined_afterwards_match_the_builder_with_all_causes():
    a, b = np.array([True, False, True, False]), np.array([True, True, False, False])
    joined = combine_reasons(mask_reasons((4,), (a, "first")), mask_reasons((4,), (b, "second")))
    np.testing.assert_array_equal(joined, mask_reasons((4,), (a, "first"), (b, "second")))


def test_results_give_python_scalars_for_one_point_and_arrays_for_a_sweep():
    # Earth IR absorbed eps F q_IR = 0.9 * 0.5 * 200 = 90 W/m^2 beats the 0.9 sigma (100 K)^4 = 5.1 W/m^2 emitted
    # at 100 K (that point cannot reject heat) but not the 413 W/m^2 emitted at 300 K
    env = dict(heat_load=10 * u.kW, emissivity=0.9, areal_density="5 kg/m^2", earth_view_factor=0.5,
               earth_ir="200 W/m^2")
    one = thermal.size_radiator(temperature=100 * u.K, **env)
    assert type(one.feasible) is bool and not one.feasible
    assert type(one.reasons) is str and one.reasons.startswith("radiator temperature is at or below")
    two = thermal.size_radiator(temperature=[100, 300] * u.K, **env)
    assert two.feasible.tolist() == [False, True]
    assert two.reasons[0] == one.reasons and two.reasons[1] == ""
    battery = power.size_battery(eclipse_load=1 * u.kW, eclipse_duration=35 * u.min, cycles=1e3,
                                 specific_energy="150 W*h/kg")
    assert type(battery.feasible) is bool and type(battery.reasons) is str and type(battery.cycles) is float
