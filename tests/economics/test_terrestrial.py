"""The terrestrial reference against hand arithmetic, its sourced defaults, unit errors naming the field, and
1e5-point vectorization."""

import numpy as np
import pint
import pytest

from spacedc import economics as e
from spacedc.units import Q_


def test_terrestrial_line_items_by_hand():
    # 2 MW at 70 % utilization for 3650 days (87,600 h): IT energy 2000 kW x 0.7 x 87,600 h = 122.64 GWh
    r = e.terrestrial_cost("2 MW", "3650 day", electricity_price="0.1 USD/(kW*h)", pue=1.3,
                           capex_per_kw="10000 USD/kW", wue="1.8 L/(kW*h)", water_price="2 USD/m^3",
                           utilization=0.7, operations_fraction=Q_(0.03, "1/day") / 365, other="1e6 USD")
    e_it = 2000 * 0.7 * 87600
    assert r.it_energy.m_as("kW*h") == pytest.approx(e_it)
    assert r.facility_energy.m_as("kW*h") == pytest.approx(1.3 * e_it)
    assert r.electricity.m_as("USD") == pytest.approx(0.1 * e_it)            # 12.264 M
    assert r.cooling.m_as("USD") == pytest.approx(0.3 * 0.1 * e_it)          # 3.679 M
    assert r.water_volume.m_as("m^3") == pytest.approx(1.8e-3 * e_it)        # 220,752 m^3
    assert r.water.m_as("USD") == pytest.approx(2 * 1.8e-3 * e_it)
    assert r.capex.m_as("USD") == pytest.approx(20e6)
    assert r.operations.m_as("USD") == pytest.approx(0.03 * 20e6 * 10)       # 3 %/yr of capex over 10 years
    total = 0.1 * e_it * 1.3 + 2 * 1.8e-3 * e_it + 20e6 + 6e6 + 1e6
    assert r.total.m_as("USD") == pytest.approx(total)
    assert r.per_kwh.m_as("USD/kW/h") == pytest.approx(total / e_it)
    assert r.per_kw_year.m_as("USD/kW/year") == pytest.approx(total / (2000 * 0.7 * 87600 / 8766))


def test_defaults_are_the_sourced_figures():
    # [EIA-EPA2023] 8.06 c/kWh, [Uptime2024] PUE 1.56, [CushmanWakefield2025] USD 11.7 M/MW, [LBNL2024] 0.38 L/kWh
    assert e.US_INDUSTRIAL_ELECTRICITY_PRICE.m_as("USD/(kW*h)") == 0.0806
    assert e.DATA_CENTER_PUE == 1.56
    assert e.DATA_CENTER_CAPEX_PER_KW.m_as("USD/MW") == pytest.approx(11.7e6)
    assert e.DATA_CENTER_WUE.m_as("L/(kW*h)") == pytest.approx(0.38)
    r = e.terrestrial_cost("1 MW", "8766 h")  # one Julian year: 1,000 kW x 8766 h = 8.766 GWh
    assert r.electricity.m_as("USD") == pytest.approx(0.0806 * 8.766e6)
    assert r.cooling.m_as("USD") == pytest.approx(0.56 * 0.0806 * 8.766e6)
    assert r.capex.m_as("USD") == pytest.approx(11.7e6)
    assert r.water.m_as("USD") == 0.0


@pytest.mark.parametrize("field, value", [("electricity_price", "0.04 USD/kg"), ("capex_per_kw", "500 USD/kg"),
                                          ("water_price", "2 USD/kW"), ("wue", "0.5 L"), ("other", "1 kg")])
def test_a_price_in_the_wrong_unit_is_rejected_naming_the_field(field, value):
    with pytest.raises(pint.DimensionalityError, match=field):
        e.terrestrial_cost("1 MW", "1 year", **{field: value})


def test_bad_ratios_are_rejected_naming_the_field():
    with pytest.raises(ValueError, match="pue"):
        e.terrestrial_cost("1 MW", "1 year", pue=0.9)
    with pytest.raises(ValueError, match="utilization"):
        e.terrestrial_cost("1 MW", "1 year", utilization=1.2)
    with pytest.raises(TypeError, match="electricity_price"):
        e.terrestrial_cost("1 MW", "1 year", electricity_price=0.04)


def test_terrestrial_broadcasts_over_1e5_points(lines_executed):
    n = 100_000
    price = Q_(np.linspace(0.02, 0.3, n), "USD/(kW*h)")
    r = e.terrestrial_cost("40 MW", "10 year", electricity_price=price, pue=np.linspace(1.05, 1.8, n))
    for i in (0, 4321, n - 1):
        one = e.terrestrial_cost("40 MW", "10 year", electricity_price=price[i], pue=np.linspace(1.05, 1.8, n)[i])
        assert r.per_kwh[i].m_as("USD/kW/h") == pytest.approx(one.per_kwh.m_as("USD/kW/h"), rel=1e-12)
    ours = ("economics", "spacedc")
    small, _ = lines_executed(lambda: e.terrestrial_cost("40 MW", "10 year", electricity_price=price[:10]), ours)
    large, _ = lines_executed(lambda: e.terrestrial_cost("40 MW", "10 year", electricity_price=price), ours)
    assert small > 0 and large == small
