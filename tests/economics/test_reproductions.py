"""Two published cost comparisons reproduced from their stated inputs with spacedc's functions.

1. The Starcloud white paper's Table 1, "Cost comparison of a single 40 MW cluster operated for 10 years in space
   vs on land" [Starcloud2024], as transcribed in [Nanjangud2025] (2nd-hand). Its 10 years count 8760 h each
   (40 MW x 87,600 h x USD 0.04/kWh = USD 140.16 M, its "$140 M"), so the lifetime is given as 3650 days.
2. Andrew McCalip's orbital-versus-terrestrial calculator [McCalip2025] at its default inputs (math.js at commit
   e59571e, whose ``calculateOrbital``/``calculateTerrestrial`` the expected values below are worked from by
   hand). Its years are 8760 h too: the lifetime is 1825 days and its yearly rates are per 365 days.

Where their arithmetic or assumptions differ from ours, the comment at the case says so (docs/economics.md has
the full account).
"""

import pytest

from spacedc import economics as e
from spacedc.units import Q_

PER_365_DAYS = Q_(1.0, "1/day") / 365


# --- 1. Starcloud, 40 MW for ten years ------------------------------------------------------------------------------
def starcloud_land():
    # Energy at USD 0.04/kWh; "cooling: $7M (@ 5% of power usage)" is a PUE of 1.05 on the same price; water at
    # 0.5 L/kWh of IT energy (a WUE) and unpriced; backup power a lump USD 20 M. The table has no construction
    # cost for the data center itself (capex_per_kw 0): the largest omission of its land column.
    return e.terrestrial_cost("40 MW", "3650 day", electricity_price="0.04 USD/(kW*h)", pue=1.05,
                              capex_per_kw="0 USD/kW", wue="0.5 L/(kW*h)", other="20e6 USD")


def starcloud_space():
    # One USD 5 M launch carries the whole 40 MW ("$5 million per launch ... 100 tons"); the solar array USD 2 M is
    # the table's figure, USD 0.05/W over 40 MW (the paper states no price per W: this one is implied by the
    # table); radiation shielding a lump USD 1.2 M. The table prices no chips, radiators, structure, operations,
    # replacements or NRE, and takes availability and the array's delivered fraction as 1.
    return e.mission_cost(compute_power="40 MW", lifetime="3650 day", launch_price="5e6 USD",
                          hardware={"solar_array": e.subsystem_cost("0.05 USD/W", power="40 MW"),
                                    "radiation_shielding": Q_(1.2e6, "USD")},
                          operations_fraction="0 1/year")


def test_starcloud_land_column():
    r = starcloud_land()
    assert r.electricity.m_as("USD") == pytest.approx(140.16e6)   # table: energy $140M
    assert r.cooling.m_as("USD") == pytest.approx(7.008e6)        # table: cooling $7M
    assert r.other.m_as("USD") == 20e6                            # table: backup power $20M
    assert r.total.m_as("USD") / 1e6 == pytest.approx(167, abs=0.5)  # table: total $167M (ours 167.17 M)
    # table: "1.7M tons" of water at 0.5 L/kWh; the arithmetic gives 3.504e9 kWh x 0.5 L = 1.752 Mt, which the
    # table truncates to 1.7
    assert r.water_volume.m_as("m^3") == pytest.approx(1.752e6)
    assert 1.7e6 <= r.water_volume.m_as("m^3") < 1.8e6


def test_starcloud_space_column():
    r = starcloud_space()
    assert r.hardware_items["solar_array"].m_as("USD") == pytest.approx(2e6)   # table: $2M
    assert r.launch.m_as("USD") == 5e6                                         # table: $5M, one launch
    assert r.launches == 1
    assert r.hardware_items["radiation_shielding"].m_as("USD") == 1.2e6        # table: $1.2M
    assert r.per_satellite.m_as("USD") == pytest.approx(8.2e6)                 # table: total $8.2M
    # the paper's "~$0.002/kWh": ours is 8.2 M / 3.504e9 kWh = USD 0.00234/kWh with the shielding, and
    # (2 M + 5 M) / 3.504e9 = USD 0.0020/kWh for the energy alone (array and launch), the paper's figure
    assert r.per_kwh.m_as("USD/kW/h") == pytest.approx(8.2e6 / 3.504e9)
    assert round((2e6 + 5e6) / r.energy_delivered.m_as("kW*h"), 3) == 0.002


def test_starcloud_launch_price_per_kg_is_50_not_30():
    # "$5 million per launch ... 100 tons ... approximately $30 per kilogram" [Nanjangud2025]: USD 5 M / 100 t is
    # USD 50/kg; at USD 30/kg one launch would carry 166.7 t
    r = e.launch_cost(1, satellites_per_launch=1, launch_price="5e6 USD")
    assert (r.per_satellite / Q_(100, "t")).m_as("USD/kg") == pytest.approx(50.0)


# --- 2. McCalip's calculator, 1 GW for five years ------------------------------------------------------------------
SAT_POWER = Q_(27.0, "kW")                     # Starlink V2 Mini reference: 27 kW
SAT_MASS = Q_(27000 / 36.5, "kg")              # 27 kW at 36.5 W/kg = 739.7 kg
SAT_HARDWARE = e.subsystem_cost("22 USD/W", power=SAT_POWER)   # USD 22/W x 27 kW = USD 594,000
# mean array output over 5 years at 2.5 %/year: (1 + 0.975 + 0.975^2 + 0.975^3 + 0.975^4) / 5 = 0.95123445
MEAN_RETENTION = sum(0.975 ** k for k in range(5)) / 5


def mccalip_orbital():
    # Its sunlight fraction (0.98) is our availability and its mean cell retention our delivered fraction; its
    # GPU failures replace 9 % of the whole satellite's hardware a year, with no launch of the replacements
    # (replacement_unit_mass 0); ops 1 %/year of hardware; launch USD 500/kg of the mass flown.
    return e.fleet("1 GW", SAT_POWER, SAT_MASS, satellites_per_launch=int(100_000 // SAT_MASS.m_as("kg")),
                   launch_price="500 USD/kg", lifetime="1825 day", hardware={"satellite": SAT_HARDWARE},
                   availability=0.98, delivered_fraction=MEAN_RETENTION, operations_fraction=0.01 * PER_365_DAYS,
                   replacement_rate=0.09 * PER_365_DAYS, replacement_unit_cost=SAT_HARDWARE, nre="1e9 USD")


def test_mccalip_orbital_outputs():
    r = mccalip_orbital()
    # satellites: ceil(1e9 W / (0.98 x 0.95123445) / 27,000 W) = ceil(39,730.4) = 39,731
    assert r.satellites == 39_731
    # mass: 39,731 x 739.726 kg = 29.390e6 kg
    assert r.total_mass.m_as("kg") == pytest.approx(29_390_054.8, rel=1e-9)
    n = r.satellites
    assert n * r.mission.hardware.m_as("USD") == pytest.approx(23_600_214_000)     # 39,731 x 594,000
    assert n * r.mission.launch.m_as("USD") == pytest.approx(14_695_027_397, rel=1e-9)  # 500 x 29.39e6 kg
    assert n * r.mission.operations.m_as("USD") == pytest.approx(1_180_010_700)    # 1 % x 5 yr x hardware
    assert n * r.mission.replacement.m_as("USD") == pytest.approx(10_620_096_300)  # 9 % x 5 yr x hardware
    assert n * r.mission.nre.m_as("USD") == pytest.approx(1e9)
    # total USD 51.095 B, USD 51.10/W, and LCOE 51.095e9 / (1 GW x 43,800 h) = USD 1,166.6/MWh: the issue's
    # "about $1,000/MWh"
    assert r.total_cost.m_as("USD") == pytest.approx(51_095_348_397, rel=1e-9)
    assert r.cost_per_w.m_as("USD/W") == pytest.approx(51.0953, rel=1e-5)
    assert r.cost_per_mwh.m_as("USD/MW/h") == pytest.approx(1166.560, rel=1e-6)
    # launches: it counts ceil(mass / 100 t) = 294 Starships; we count whole satellites per launch,
    # floor(100,000 / 739.7) = 135, so ceil(39,731 / 135) = 295 (and the cost, per kg, is the same)
    assert r.launches == 295


def test_mccalip_terrestrial_outputs():
    # Capex: gas turbines USD 1.80/W x PUE 1.2 = USD 2.16/W, plus facility USD 5.25 + 3.00 + 2.50 + 1.75 =
    # 12.50/W: USD 14.66/W. Fuel: 6,200 BTU/kWh x USD 4.30/MMBtu = USD 26.66/MWh, on the IT energy at an 85 %
    # capacity factor times the PUE (our electricity + cooling lines). No water, no operations in its model.
    r = e.terrestrial_cost("1 GW", "1825 day", electricity_price=Q_(6200 * 4.30 / 1000, "USD/(MW*h)"), pue=1.2,
                           capex_per_kw="14660 USD/kW", wue="0 L/(kW*h)", utilization=0.85)
    assert r.it_energy.m_as("MW*h") == pytest.approx(37.23e6)                   # 1 GW x 43,800 h x 0.85
    assert (r.electricity + r.cooling).m_as("USD") == pytest.approx(1_191_062_160)  # 26.66 x 37.23e6 x 1.2
    assert r.capex.m_as("USD") == pytest.approx(14.66e9)
    assert r.total.m_as("USD") == pytest.approx(15_851_062_160)   # "$15.9bn" as [Economist2026] quotes it
    assert r.per_kwh.m_as("USD/MW/h") == pytest.approx(425.7605, rel=1e-6)
    assert (r.total / Q_(1, "GW")).m_as("USD/W") == pytest.approx(15.851, rel=1e-4)
