"""economics: what orbital compute costs, line by line, beside a data center on the ground.

Imports only :mod:`orbit` and :mod:`spacedc`. Money is a Quantity in ``USD``; prices per W, per kg, per unit, per
m^2 or per kWh are Quantities such as ``"50 USD/W"`` or ``"0.08 USD/(kW*h)"``.

* :mod:`economics.costs` -- :func:`subsystem_cost` (hardware priced on the basis its unit names),
  :func:`launch_cost` (whole launches), :func:`mission_cost` (hardware, launch, operations, replacement and NRE
  per satellite and per station, and the cost per kW-year and per kWh of compute delivered: :class:`MissionCost`),
  :func:`fleet` (a target power from many identical satellites: :class:`FleetCost`).
* :mod:`economics.terrestrial` -- :func:`terrestrial_cost`, the reference on the ground (electricity x PUE,
  construction per kW, water by WUE): :class:`TerrestrialCost`.
* :mod:`economics.defaults` -- the sourced defaults, in one place.

docs/economics.md reproduces the Starcloud white paper's 40 MW ten-year table [Starcloud2024] and Andrew McCalip's
public orbital-versus-terrestrial calculator [McCalip2025] from their inputs, and says where each one's arithmetic
or assumptions differ from these functions.

>>> from spacedc import economics
>>> sat = economics.mission_cost(compute_power="100 kW", lifetime="5 year", launch_price="10e6 USD",
...                              hardware={"chips": economics.subsystem_cost("25000 USD", count=100)})
>>> ground = economics.terrestrial_cost("100 kW", "5 year")
>>> round(sat.per_kwh.m_as("USD/kW/h"), 3), round(ground.per_kwh.m_as("USD/kW/h"), 3)
(2.88, 0.393)
"""

from spacedc.economics.costs import (PRICE_BASES, FleetCost, LaunchCost, MissionCost, fleet, launch_cost,
                                     mission_cost, price_basis, subsystem_cost)
from spacedc.economics.defaults import (DATA_CENTER_CAPEX_PER_KW, DATA_CENTER_PUE, DATA_CENTER_WUE, OPERATIONS_FRACTION,
                                        US_INDUSTRIAL_ELECTRICITY_PRICE, WATER_PRICE)
from spacedc.economics.terrestrial import TerrestrialCost, terrestrial_cost

__all__ = [
    "PRICE_BASES", "price_basis", "subsystem_cost", "LaunchCost", "launch_cost", "MissionCost", "mission_cost", "FleetCost", "fleet",
    "TerrestrialCost", "terrestrial_cost",
    "US_INDUSTRIAL_ELECTRICITY_PRICE", "DATA_CENTER_PUE", "DATA_CENTER_CAPEX_PER_KW", "DATA_CENTER_WUE",
    "WATER_PRICE", "OPERATIONS_FRACTION",
]
