"""Orbital costs against hand-derived arithmetic (each case worked in its comment), whole-launch rounding, unit
errors that name the field, and vectorization (1e5 points agree with scalar calls, and run the same Python lines
as ten points)."""

import json
import math

import numpy as np
import pint
import pytest

from spacedc import economics as e
from spacedc.units import Q_

HOURS_PER_YEAR = 8766.0  # pint's Julian year, 365.25 d


# --- subsystem_cost: the price's unit picks the amount -------------------------------------------------------
@pytest.mark.parametrize("price, amounts, usd", [
    ("50 USD/W", dict(power="120 kW", mass="600 kg"), 50 * 120e3),           # per W: 50 x 120,000 W
    ("2000 USD/kg", dict(power="120 kW", mass="400 kg"), 2000 * 400),        # per kg: 2,000 x 400 kg
    ("5000 USD/m^2", dict(mass="400 kg", area="160 m^2"), 5000 * 160),       # per m^2: 5,000 x 160 m^2
    ("0.5 USD/(W*h)", dict(energy="50 kW*h", mass="300 kg"), 0.5 * 50e3),    # per Wh: 0.5 x 50,000 Wh
    ("300 USD/(kW*h)", dict(energy="50 kW*h"), 300 * 50),                    # per kWh: same basis, other unit
    ("25000 USD", dict(count=100), 25000 * 100),                             # per chip: 25,000 x 100
    ("2e6 USD", dict(mass="400 kg"), 2e6),                                   # a lump sum: count 1
])
def test_subsystem_cost_multiplies_the_amount_its_unit_names(price, amounts, usd):
    assert e.subsystem_cost(price, name="x", **amounts).m_as("USD") == pytest.approx(usd, rel=1e-12)


def test_subsystem_cost_without_the_amount_its_price_needs_names_the_field_and_what_was_given():
    with pytest.raises(ValueError, match=r"cost\.radiator_price = 2000.0 USD / kilogram.*needs the mass.*given: area"):
        e.subsystem_cost("2000 USD/kg", name="cost.radiator_price", area="160 m^2")


@pytest.mark.parametrize("price", ["50 USD/s", "50 kg", "50 USD*W"])
def test_a_price_on_no_basis_is_rejected_naming_the_field(price):
    with pytest.raises(pint.DimensionalityError, match=r"cost\.array_price"):
        e.subsystem_cost(price, name="cost.array_price", power="10 kW")


def test_a_bare_number_is_not_a_price():
    with pytest.raises(TypeError, match="cost.chip_price = 25000"):
        e.subsystem_cost(25000, name="cost.chip_price", count=4)


# --- launch_cost: whole launches --------------------------------------------------------------------------------
@pytest.mark.parametrize("satellites, per_launch, launches", [(1, 1, 1), (6, 3, 2), (7, 3, 3), (8, 3, 3),
                                                                (100, 135, 1), (136, 135, 2)])
def test_launches_are_whole(satellites, per_launch, launches):
    r = e.launch_cost(satellites, satellites_per_launch=per_launch, launch_price="70e6 USD")
    assert r.launches == launches
    assert r.total.m_as("USD") == launches * 70e6
    assert r.per_satellite.m_as("USD") == pytest.approx(launches * 70e6 / satellites)


def test_a_price_per_kg_charges_the_mass_flown_and_still_counts_whole_launches():
    # 10 satellites of 740 kg at USD 500/kg: 10 x 740 x 500 = USD 3.7 M; ceil(10 / 4) = 3 launches
    r = e.launch_cost(10, satellites_per_launch=4, launch_price="500 USD/kg", satellite_mass="740 kg")
    assert r.total.m_as("USD") == pytest.approx(3.7e6)
    assert r.launches == 3


def test_launch_price_errors_name_the_field():
    with pytest.raises(pint.DimensionalityError, match="launch_price"):
        e.launch_cost(2, satellites_per_launch=1, launch_price="70e6 USD/W")
    with pytest.raises(ValueError, match="launch_price.*needs satellite_mass"):
        e.launch_cost(2, satellites_per_launch=1, launch_price="500 USD/kg")
    with pytest.raises(ValueError, match="satellites_per_launch.*whole"):
        e.launch_cost(2, satellites_per_launch=2.5, launch_price="70e6 USD")


# --- mission_cost: every line item by hand ------------------------------------------------------------------------
def _station(**over):
    kwargs = dict(
        compute_power="200 kW", lifetime="6 year", satellites=5, satellites_per_launch=2,
        satellite_mass="4000 kg", launch_price="90e6 USD",
        hardware={"chips": e.subsystem_cost("30000 USD", count=160), "array": e.subsystem_cost("40 USD/W",
                  power="260 kW"), "bus": e.subsystem_cost("20000 USD/kg", mass="1000 kg")},
        availability=0.9, delivered_fraction=0.95, operations_fraction="0.02 1/year",
        replacement_rate="4 1/year", replacement_unit_cost="30000 USD", replacement_unit_mass="5 kg",
        nre="100e6 USD", production_run=20)
    kwargs.update(over)
    return e.mission_cost(**kwargs)


def test_mission_cost_line_items_by_hand():
    r = _station()
    # hardware: 160 x 30,000 + 40 x 260,000 + 20,000 x 1,000 = 4.8 M + 10.4 M + 20 M = 35.2 M
    assert r.hardware.m_as("USD") == pytest.approx(35.2e6)
    assert r.hardware_items["array"].m_as("USD") == pytest.approx(10.4e6)
    # launch: 5 satellites, 2 a launch -> ceil(2.5) = 3 launches x 90 M = 270 M, / 5 = 54 M each
    assert r.launches == 3
    assert r.launch.m_as("USD") == pytest.approx(54e6)
    # operations: 0.02/yr x 35.2 M x 6 yr = 4.224 M
    assert r.operations.m_as("USD") == pytest.approx(4.224e6)
    # replacement: 4/yr x 6 yr = 24 chips x (30,000 + 5 kg x 90 M / (2 x 4000 kg) = 30,000 + 56,250) = 2.07 M
    assert r.replacement.m_as("USD") == pytest.approx(24 * (30000 + 5 * 90e6 / 8000))
    # NRE: 100 M over a production run of 20 = 5 M
    assert r.nre.m_as("USD") == pytest.approx(5e6)
    per_sat = 35.2e6 + 54e6 + 4.224e6 + 2.07e6 + 5e6
    assert r.per_satellite.m_as("USD") == pytest.approx(per_sat)
    assert r.total.m_as("USD") == pytest.approx(5 * per_sat)
    # delivered: 200 kW x 0.9 x 0.95 x 6 yr = 1026 kW-yr = 1026 x 8766 kWh
    assert r.per_kw_year.m_as("USD/kW/year") == pytest.approx(per_sat / 1026)
    assert r.energy_delivered.m_as("kW*h") == pytest.approx(1026 * HOURS_PER_YEAR)
    assert r.per_kwh.m_as("USD/kW/h") == pytest.approx(per_sat / (1026 * HOURS_PER_YEAR))


def test_nre_is_amortised_over_the_station_by_default_and_a_stated_replacement_launch_price_wins():
    r = _station(production_run=None, replacement_launch_price="1000 USD/kg")
    assert r.nre.m_as("USD") == pytest.approx(100e6 / 5)
    assert r.replacement.m_as("USD") == pytest.approx(24 * (30000 + 5 * 1000))


def test_replacement_mass_without_a_launch_price_per_kg_is_bad_input():
    with pytest.raises(ValueError, match="replacement_unit_mass"):
        _station(satellite_mass=None)


def test_mission_cost_rejects_bad_inputs_naming_the_field():
    with pytest.raises(pint.DimensionalityError, match=r"hardware\['array'\]"):
        _station(hardware={"array": "40 USD/W"})  # a price, not a cost: subsystem_cost first
    with pytest.raises(pint.DimensionalityError, match="operations_fraction"):
        _station(operations_fraction="0.02 USD")
    with pytest.raises(ValueError, match="availability"):
        _station(availability=0.0)
    with pytest.raises(TypeError, match="hardware"):
        _station(hardware=[Q_(1.0, "USD")])


def test_mission_cost_flattens_to_json():
    d = _station().to_dict()
    json.dumps(d)
    assert d["per_kwh_USD_per_kWh"] == pytest.approx(_station().per_kwh.m_as("USD/kW/h"))
    assert d["hardware_items_USD"]["chips"] == pytest.approx(4.8e6)


# --- fleet --------------------------------------------------------------------------------------------------------
def _fleet(target="1 MW", **over):
    kwargs = dict(satellites_per_launch=3, launch_price="20e6 USD", lifetime="5 year",
                  hardware={"satellite": Q_(3e6, "USD")}, operations_fraction="0 1/year")
    kwargs.update(over)
    return e.fleet(target, "25 kW", "800 kg", **kwargs)


def test_fleet_counts_whole_satellites_and_whole_launches():
    # 1000 kW / 25 kW = 40 satellites exactly (not 41); ceil(40 / 3) = 14 launches
    r = _fleet()
    assert (r.satellites, r.launches) == (40, 14)
    assert r.total_mass.m_as("kg") == 40 * 800
    # cost: 40 x 3 M + 14 x 20 M = 400 M; per W: 400 M / 1e6 W; per MWh: 400 M / (1 MW x 5 x 8766 h)
    assert r.total_cost.m_as("USD") == pytest.approx(400e6)
    assert r.cost_per_w.m_as("USD/W") == pytest.approx(400.0)
    assert r.cost_per_mwh.m_as("USD/MW/h") == pytest.approx(400e6 / (5 * HOURS_PER_YEAR))
    # one satellite's worth more power needs one more satellite, and one more launch: 41 -> ceil(41/3) = 14
    r = _fleet("1.001 MW")
    assert (r.satellites, r.launches) == (41, 14)
    r = _fleet("1.05 MW")  # 42 satellites, 14 launches; 1.051 MW -> 43 satellites, 15 launches
    assert (r.satellites, r.launches) == (42, 14)
    assert (_fleet("1.051 MW").satellites, _fleet("1.051 MW").launches) == (43, 15)


def test_fleet_sizes_for_availability_and_degradation():
    # 1000 / (25 x 0.8 x 0.9) = 55.6 -> 56 satellites
    assert _fleet(availability=0.8, delivered_fraction=0.9).satellites == 56


def test_fleet_amortises_nre_over_its_satellites():
    r = _fleet(nre="80e6 USD")
    assert r.mission.nre.m_as("USD") == pytest.approx(80e6 / 40)
    assert r.total_cost.m_as("USD") == pytest.approx(480e6)


# --- vectorization --------------------------------------------------------------------------------------------------
N = 100_000


def test_mission_cost_and_fleet_broadcast_over_1e5_points_like_scalar_calls():
    power = Q_(np.linspace(50.0, 500.0, N), "kW")
    life = Q_(np.linspace(2.0, 12.0, N), "year")
    r = e.mission_cost(compute_power=power, lifetime=life, hardware={"hw": Q_(np.linspace(1e6, 9e6, N), "USD")},
                       launch_price="50e6 USD", satellites=4, satellites_per_launch=3, availability=0.95)
    assert r.per_kwh.shape == (N,)
    for i in (0, 12345, N - 1):
        one = e.mission_cost(compute_power=power[i], lifetime=life[i], hardware={"hw": Q_(np.linspace(1e6, 9e6, N)[i],
                             "USD")}, launch_price="50e6 USD", satellites=4, satellites_per_launch=3, availability=0.95)
        assert r.per_kwh[i].m_as("USD/kW/h") == pytest.approx(one.per_kwh.m_as("USD/kW/h"), rel=1e-12)
    target = Q_(np.linspace(0.1, 100.0, N), "MW")
    f = _fleet(target)
    assert f.satellites.shape == (N,) and f.launches.dtype == np.int64
    for i in (0, 777, N - 1):
        one = _fleet(target[i])
        assert (f.satellites[i], f.launches[i]) == (one.satellites, one.launches)
        assert f.cost_per_mwh[i].m_as("USD/MW/h") == pytest.approx(one.cost_per_mwh.m_as("USD/MW/h"), rel=1e-12)


@pytest.mark.parametrize("call", [
    lambda n: e.mission_cost(compute_power=Q_(np.linspace(50, 500, n), "kW"), lifetime="5 year",
                             hardware={"a": e.subsystem_cost("40 USD/W", power=Q_(np.linspace(60, 600, n), "kW"))},
                             launch_price="500 USD/kg", satellite_mass="3 t", replacement_rate="2 1/year",
                             replacement_unit_cost="30000 USD", replacement_unit_mass="4 kg"),
    lambda n: _fleet(Q_(np.linspace(0.1, 100.0, n), "MW")),
    lambda n: e.launch_cost(np.arange(1, n + 1), satellites_per_launch=7, launch_price="70e6 USD"),
], ids=["mission_cost", "fleet", "launch_cost"])
def test_a_large_call_runs_the_same_python_lines_as_a_small_one(call, lines_executed):
    ours = ("economics", "spacedc")  # the fixture's default list predates this package
    small, _ = lines_executed(lambda: call(10), packages=ours)
    large, _ = lines_executed(lambda: call(N), packages=ours)
    assert small > 0 and large == small


def test_shapes_that_clash_are_named():
    with pytest.raises(ValueError, match=r"compute_power \(3,\), lifetime \(4,\)"):
        e.mission_cost(compute_power=Q_(np.ones(3), "kW"), lifetime=Q_(np.ones(4), "year"),
                       hardware={"a": Q_(1.0, "USD")}, launch_price="1 USD")
    assert math.isfinite(_fleet().cost_per_w.m_as("USD/W"))
