"""The economics package's defaults, each with its source: the one place a price, a ratio or a rate lives.

Only figures a published source gives are defaults. A price that depends on the design and its supplier (a chip,
a solar array per W in orbit, a radiator per kg, a bus per kg) has no default here: the user states it, and the
reproductions (tests/economics, docs/economics.md) state the prices of the studies they reproduce. Values marked
(2nd-hand) were read in a secondary copy of the cited source.

Terrestrial reference (:func:`economics.terrestrial_cost`):

* :data:`US_INDUSTRIAL_ELECTRICITY_PRICE` -- 8.06 US cents/kWh, the 2023 U.S. average retail price to industrial
  customers [EIA-EPA2023] (2nd-hand).
* :data:`DATA_CENTER_PUE` -- 1.56, the average annual PUE that operators reported for their largest data center in
  the 2024 survey [Uptime2024] (2nd-hand).
* :data:`DATA_CENTER_CAPEX_PER_KW` -- USD 11.7 M per MW of critical load, the average construction cost over 19
  U.S. markets [CushmanWakefield2025]; it excludes the IT equipment, land and soft costs.
* :data:`DATA_CENTER_WUE` -- 0.38 L/kWh, the U.S. average on-site water use per kWh in 2023 [LBNL2024]
  (2nd-hand).
* :data:`WATER_PRICE` -- 0 USD/m^3: no national price is sourced; water is reported as a volume and costs only
  where the user states a price.

Orbital operations (:func:`economics.mission_cost`):

* :data:`OPERATIONS_FRACTION` -- 1 % of the hardware cost per year, the orbital operations (communications, ground
  infrastructure) of [McCalip2025]'s calculator. An assumption of that model, not a measured figure.
"""

from __future__ import annotations

from spacedc.units import Q_

__all__ = ["US_INDUSTRIAL_ELECTRICITY_PRICE", "DATA_CENTER_PUE", "DATA_CENTER_CAPEX_PER_KW", "DATA_CENTER_WUE",
           "WATER_PRICE", "OPERATIONS_FRACTION"]

#: 2023 U.S. average retail price of electricity to industrial customers, 8.06 cents/kWh: EIA, Electric Power
#: Annual / Electric Power Monthly (revenue per kWh sold), as charted by Statista [EIA-EPA2023] (2nd-hand).
US_INDUSTRIAL_ELECTRICITY_PRICE = Q_(0.0806, "USD/(kW*h)")

#: Average annual power usage effectiveness (total facility power / IT power) that operators reported for their
#: largest data center in the Uptime Institute Global Data Center Survey 2024 [Uptime2024] (2nd-hand; 1.58 in 2023,
#: 1.55-1.59 since 2020 per the same institute).
DATA_CENTER_PUE = 1.56

#: Construction cost of one MW of critical (IT) load, USD 11.7 M on average over 19 U.S. markets (USD 9.3 M in San
#: Antonio to USD 15.0 M in Reno) [CushmanWakefield2025]. It excludes owner-furnished equipment (the IT), land,
#: design and soft costs and contingencies.
DATA_CENTER_CAPEX_PER_KW = Q_(11_700.0, "USD/kW")

#: Water usage effectiveness (site water / IT energy, The Green Grid's WUE): 0.38 L/kWh, the U.S. average of 2023
#: in the LBNL 2024 United States Data Center Energy Usage Report [LBNL2024] (2nd-hand, from a chart of the report;
#: it rose from 0.36 L/kWh in 2014).
DATA_CENTER_WUE = Q_(0.38, "L/(kW*h)")

#: Price of site water: none is sourced, so water costs nothing unless the user states a price.
WATER_PRICE = Q_(0.0, "USD/m^3")

#: Orbital operations cost per year as a fraction of the hardware cost: 1 %/year, [McCalip2025]'s assumption.
OPERATIONS_FRACTION = Q_(0.01, "1/year")
