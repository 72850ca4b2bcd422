"""Rating mode of the design file (issue 13, item 1): a fixed ``thermal.radiator_area`` or ``power.array_area``
is rated instead of sized. The round trips compare against the sizing chain's own independent path (sizing
solves for the area at a given coolant temperature; rating solves for the temperature at a given area), and the
junction against its definition T_j = T_coolant + P_chip (R_jc + R_cp)."""

import dataclasses

import numpy as np
import pytest

from spacedc import designs, thermal
from spacedc.designs.margins import MARGINS, margins
from spacedc.designs.spec import DesignError
from spacedc.units import Q_

BASE = designs.load("sso-100kw")


@pytest.fixture(scope="module")
def sweep():
    """Random chip powers and coolant temperatures, sized, then rated at the installed areas, as sweeps."""
    rng = np.random.default_rng(13)
    n = 200
    chip = Q_(rng.uniform(400.0, 1400.0, n), "W")
    coolant = Q_(rng.uniform(20.0, 45.0, n), "degC")
    margin = rng.uniform(0.0, 0.3, n)
    sized = designs.size(BASE.replace(payload__chip_power=chip, thermal__coolant_temperature=coolant,
                                      thermal__area_margin=margin))
    rated = designs.size(BASE.replace(payload__chip_power=chip, thermal__area_margin=margin,
                                      thermal__radiator_area=sized.radiator_area, power__array_area=sized.array.area))
    return chip, coolant, margin, sized, rated


def test_rating_the_sized_area_gives_back_the_coolant_and_junction(sweep):
    chip, coolant, _, sized, rated = sweep
    assert rated.radiator_mode == "rated" and sized.radiator_mode == "sized"
    np.testing.assert_allclose(rated.loop.radiator_inlet_temperature.m_as("K"), coolant.m_as("K"), rtol=0,
                               atol=1e-6)
    np.testing.assert_allclose(rated.junction_temperature.m_as("K"), sized.junction_temperature.m_as("K"), rtol=0,
                               atol=1e-6)
    # the junction follows the rated coolant by its definition, R_jc = R_cp = 0.02 K/W in sso-100kw
    np.testing.assert_allclose(rated.junction_temperature.m_as("K"),
                               rated.loop.radiator_inlet_temperature.m_as("K") + chip.m_as("W") * 0.04, rtol=1e-12)
    # the working area is the installed area over (1 + area_margin), as the sizing installed it
    np.testing.assert_allclose(rated.required_radiator_area.m_as("m^2"), sized.required_radiator_area.m_as("m^2"),
                               rtol=1e-8)
    np.testing.assert_array_equal(rated.radiator_area.m_as("m^2"), sized.radiator_area.m_as("m^2"))
    assert np.array_equal(np.asarray(rated.feasible), np.asarray(sized.feasible))


def test_array_round_trip(sweep):
    _, _, _, sized, rated = sweep
    assert rated.array_mode == "rated"
    np.testing.assert_allclose(rated.array.eol_power.m_as("W"), sized.array.eol_power.m_as("W"), rtol=1e-8)
    np.testing.assert_allclose(rated.array.bol_power.m_as("W"), sized.array.bol_power.m_as("W"), rtol=1e-8)
    np.testing.assert_allclose(rated.array.mass.m_as("kg"), sized.array.mass.m_as("kg"), rtol=1e-8)
    np.testing.assert_allclose(margins(rated)["array_power"], 0.0, atol=1e-8)
    assert "array_power" not in margins(sized)  # a sized array meets its load by construction


def test_a_sweep_point_equals_the_single_design(sweep):
    chip, _, margin, _, rated = sweep
    for i in (0, 57, 199):
        one = designs.size(BASE.replace(payload__chip_power=chip[i], thermal__area_margin=float(margin[i]),
                                        thermal__radiator_area=rated.radiator_area[i],
                                        power__array_area=rated.array.area[i]), transient=False)
        assert one.junction_temperature.m_as("K") == pytest.approx(rated.junction_temperature.m_as("K")[i],
                                                                   rel=1e-12)
        assert one.array.eol_power.m_as("W") == pytest.approx(rated.array.eol_power.m_as("W")[i], rel=1e-12)
        assert bool(one.feasible) == bool(np.asarray(rated.feasible)[i])


def test_a_smaller_radiator_runs_hotter_and_fails_the_junction_with_its_reason():
    sized = designs.size(BASE, transient=False)
    assert sized.feasible
    areas = sized.radiator_area * np.array([1.0, 0.9, 0.8])
    rated = designs.size(BASE.replace(thermal__radiator_area=areas))
    t_j = rated.junction_temperature.m_as("K")
    assert t_j[0] == pytest.approx(sized.junction_temperature.m_as("K"), abs=1e-6)
    assert t_j[0] < t_j[1] < t_j[2]
    limit = BASE.payload.junction_limit.m_as("K")
    assert t_j[2] > limit
    assert not np.asarray(rated.feasible)[2]
    assert "thermal.radiator_area" in rated.reasons[2] and "junction limit" in rated.reasons[2]
    assert margins(rated)["junction"][2] < 0
    single = designs.size(BASE.replace(thermal__radiator_area=areas[2]), transient=False)
    assert not single.feasible
    assert f"junction {t_j[2] - 273.15:.1f} degC" in single.reasons  # the temperature reached, named
    data = single.to_dict()
    assert data["thermal"]["radiator_mode"] == "rated" and data["thermal"]["junction_limit_met"] is False
    assert data["power"]["array_mode"] == "sized" and data["power"]["load_met"] is True


def test_a_smaller_array_falls_short_of_the_load_with_its_reason():
    sized = designs.size(BASE, transient=False)
    short = designs.size(BASE.replace(power__array_area=sized.array.area * 0.9), transient=False)
    assert not short.feasible
    assert "power.array_area" in short.reasons and "kW against the required" in short.reasons
    assert margins(short)["array_power"] == pytest.approx(-0.1, rel=1e-9)  # EOL power scales with the area
    assert short.to_dict()["power"]["load_met"] is False
    # the battery is still sized for the same load
    assert short.battery.mass.m_as("kg") == pytest.approx(sized.battery.mass.m_as("kg"), rel=1e-12)


def test_the_margin_list_holds_the_array_power():
    assert "array_power" in MARGINS
    assert set(margins(designs.size(BASE, transient=False))) <= set(MARGINS)


@pytest.mark.parametrize("field, value, message", [
    ("thermal__radiator_area", "-10 m^2", "thermal.radiator_area"),
    ("thermal__radiator_area", "10 kg", "thermal.radiator_area"),
    ("power__array_area", "0 m^2", "power.array_area"),
    ("power__array_area", "5 m", "power.array_area"),
])
def test_bad_areas_name_the_field(field, value, message):
    with pytest.raises((ValueError, TypeError), match=message):
        BASE.replace(**{field: value})


def test_bad_values_exit_2_naming_the_field(tmp_path):
    from spacedc.designs.cli import main

    text = designs.reference_designs()["spacex-ai1"].read_text()
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('radiator_area = "110 m^2"', 'radiator_area = "-110 m^2"'))
    assert main(["size", str(bad)]) == 2
    hp = tmp_path / "hp.toml"
    hp.write_text(text.replace('radiator_area = "110 m^2"', 'radiator_area = "110 m^2"\nheat_pump_lift = "20 K"'))
    assert main(["size", str(hp)]) == 2


def test_a_heat_pump_with_a_rated_radiator_is_refused():
    with pytest.raises(DesignError, match="thermal.radiator_area.*thermal.heat_pump_lift"):
        BASE.replace(thermal__radiator_area="200 m^2", thermal__heat_pump_lift="20 K")


def test_sizing_still_needs_a_coolant_temperature():
    data = dataclasses.asdict(BASE.thermal)
    with pytest.raises(DesignError, match="thermal.coolant_temperature"):
        BASE.replace(thermal__coolant_temperature=None)
    assert data["radiator_area"] is None


def test_the_reference_ai1_is_rated_and_reports_its_temperatures():
    result = designs.size(designs.load("spacex-ai1"), transient=False)
    data = result.to_dict()["thermal"]
    assert data["radiator_mode"] == "rated"
    assert data["radiator_area_m2"] == pytest.approx(110.0)
    assert data["required_radiator_area_m2"] == pytest.approx(110.0, rel=1e-8)  # area_margin 0: all working
    t_c, t_j = data["coolant_temperature_K"], data["junction_temperature_K"]
    assert t_j == pytest.approx(t_c + 1000.0 * 0.04, rel=1e-12)
    assert data["junction_limit_met"] is (t_j <= data["junction_limit_K"])


def test_a_rated_single_design_runs_its_orbit_transient_at_the_rated_coolant():
    sized = designs.size(BASE)
    rated = designs.size(BASE.replace(thermal__radiator_area=sized.radiator_area))
    assert rated.transient_note.startswith("run:")
    assert rated.transient.chip_max.m_as("K") == pytest.approx(sized.transient.chip_max.m_as("K"), abs=1e-5)


def test_the_size_table_shows_the_modes():
    from spacedc.designs.table import summary_table

    text = summary_table(designs.size(designs.load("spacex-ai1"), transient=False).to_dict())
    assert "radiator mode              rated (junction ABOVE its limit" in text
    assert "array mode                 sized (EOL power covers the load)" in text


def test_a_radiator_too_small_or_too_large_even_at_the_coolants_limits_is_named_so():
    """Each point either converges or is named too small (even with the coolant at the top of its liquid range
    the loop needs more area) or too large (the coolant would run below its range): never "did not converge".
    Random areas, emissivities and chip powers on spacex-ai1 (water, liquid to 390 K) span all three; a
    too-small point's coolant sits at the range's top, and its junction is then a lower bound."""
    rng = np.random.default_rng(1)
    n = 4000
    d = designs.load("spacex-ai1")
    result = designs.size(d.replace(thermal__radiator_area=Q_(rng.uniform(5.0, 420.0, n), "m^2"),
                                    thermal__emissivity=rng.uniform(0.7, 0.95, n),
                                    payload__chip_power=Q_(rng.uniform(500.0, 1500.0, n), "W")), transient=False)
    reasons = np.asarray(result.reasons, dtype=object)
    small = np.array(["is too small" in x for x in reasons])
    large = np.array(["is so large" in x for x in reasons])
    assert small.sum() > 100 and large.sum() > 100
    assert not any("did not converge" in x for x in reasons)
    top = thermal.COOLANTS["water"].temperature_range[1]  # water's table: its top is the rating's upper bound
    np.testing.assert_allclose(result.loop.radiator_inlet_temperature.m_as("K")[small], top)


def test_a_rating_that_leaves_the_coolants_range_runs_no_orbit_transient():
    """20 m^2 cannot carry AI1's heat with water at its 390 K top: the coolant has no rated temperature, so the
    orbit transient (which runs the loop at the rated coolant) is not run, and says why."""
    result = designs.size(designs.load("spacex-ai1").replace(thermal__radiator_area=Q_(20.0, "m^2")))
    assert not result.feasible and "is too small" in result.reasons
    assert result.transient is None and "rated radiator outside its coolant's range" in result.transient_note
