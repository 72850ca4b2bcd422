"""The terrestrial reference: what the same compute costs in a data center on the ground, with every input visible.

:func:`terrestrial_cost` prices an IT load over a life: its electricity (at the meter, times the PUE), the
facility's construction per kW of IT load, operations as a fraction of that per year, site water by the WUE, and
any other cost the user states (backup power, say). Its :class:`TerrestrialCost` has the same ``per_kw_year`` and
``per_kwh`` as :class:`spacedc.economics.MissionCost`, so the two stand side by side. Defaults are the sourced
U.S. figures of :mod:`spacedc.economics.defaults`; the chips themselves are left out on both sides unless priced.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pint

from spacedc.economics.defaults import (DATA_CENTER_CAPEX_PER_KW, DATA_CENTER_PUE, DATA_CENTER_WUE,
                                        US_INDUSTRIAL_ELECTRICITY_PRICE, WATER_PRICE)
from spacedc.results import Result
from spacedc.units import Q_, broadcast, fraction, named_shapes, quantity, si

__all__ = ["TerrestrialCost", "terrestrial_cost"]


@dataclasses.dataclass(frozen=True)
class TerrestrialCost(Result):
    """Result of :func:`terrestrial_cost`. Fields broadcast over the inputs.

    Attributes
    ----------
    it_energy : Quantity [kW*h]
        IT energy over life: P x utilization x lifetime (the compute delivered).
    facility_energy : Quantity [kW*h]
        PUE x IT energy: what the meter counts.
    electricity : Quantity [USD]
        The IT energy's electricity.
    cooling : Quantity [USD]
        The overhead's electricity, (PUE - 1) x IT energy x price: cooling and power distribution.
    water_volume : Quantity [m^3]
        WUE x IT energy.
    water : Quantity [USD]
        Water volume x water price.
    capex : Quantity [USD]
        Construction per kW x P.
    operations : Quantity [USD]
        operations_fraction x capex x lifetime.
    other : Quantity [USD]
        As given.
    total : Quantity [USD]
        The sum of electricity, cooling, water, capex, operations and other.
    per_kw_year : Quantity [USD/kW/year]
        total / (P x utilization x lifetime).
    per_kwh : Quantity [USD/kW/h]
        total / IT energy.
    """

    it_energy: pint.Quantity = dataclasses.field(metadata={"unit": "kW*h"})
    facility_energy: pint.Quantity = dataclasses.field(metadata={"unit": "kW*h"})
    electricity: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    cooling: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    water_volume: pint.Quantity = dataclasses.field(metadata={"unit": "m^3"})
    water: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    capex: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    operations: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    other: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    total: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    per_kw_year: pint.Quantity = dataclasses.field(metadata={"unit": "USD/kW/year"})
    per_kwh: pint.Quantity = dataclasses.field(metadata={"unit": "USD/kW/h"})


@named_shapes
def terrestrial_cost(power: Any, lifetime: Any, *, electricity_price: Any = US_INDUSTRIAL_ELECTRICITY_PRICE,
                     pue: Any = DATA_CENTER_PUE, capex_per_kw: Any = DATA_CENTER_CAPEX_PER_KW,
                     wue: Any = DATA_CENTER_WUE, water_price: Any = WATER_PRICE, utilization: Any = 1.0,
                     operations_fraction: Any = "0 1/year", other: Any = "0 USD") -> TerrestrialCost:
    """The cost of an IT load in a terrestrial data center over a life, and per kW-year and per kWh of compute.

    .. math::

        E_{IT} = P u T, \\quad C = \\underbrace{p_e E_{IT}}_{electricity} + \\underbrace{(PUE - 1) p_e E_{IT}}
        _{cooling} + p_w \\, WUE \\, E_{IT} + c_{kW} P (1 + f_{ops} T) + C_{other}

    .. math:: c_{kW\\,yr} = \\frac{C}{P u T}, \\qquad c_{kWh} = \\frac{C}{E_{IT}}

    PUE is total facility energy over IT energy and WUE site water over IT energy, as The Green Grid defines
    them [TheGreenGrid-WUE].

    Parameters
    ----------
    power : Quantity [power]
        IT (compute) power (> 0). Broadcasts.
    lifetime : Quantity [time]
        Life (> 0).
    electricity_price : Quantity [USD/energy]
        Price at the meter (>= 0); default :data:`~spacedc.economics.defaults.US_INDUSTRIAL_ELECTRICITY_PRICE`,
        USD 0.0806/kWh [EIA-EPA2023].
    pue : float
        Power usage effectiveness (>= 1); default 1.56 [Uptime2024].
    capex_per_kw : Quantity [USD/power]
        Construction per kW of IT load (>= 0); default USD 11,700/kW [CushmanWakefield2025].
    wue : Quantity [volume/energy]
        Water usage effectiveness (>= 0); default 0.38 L/kWh [LBNL2024].
    water_price : Quantity [USD/volume]
        Price of site water (>= 0); default 0 (water reported as a volume only).
    utilization : float
        Fraction of the life the IT load runs at power (0 < u <= 1; 1 by default): a capacity factor.
    operations_fraction : Quantity [1/time]
        Operations per year as a fraction of the capex (>= 0; default 0).
    other : Quantity [USD]
        Any other cost over life (>= 0), e.g. backup power.

    Returns
    -------
    TerrestrialCost

    Examples
    --------
    10 MW for 10 years (87,660 MWh at 8766 h a year) at the defaults: USD 70.7 M of IT electricity, USD 39.6 M
    of overhead, USD 117 M of construction.

    >>> r = terrestrial_cost("10 MW", "10 year")
    >>> [round(x.m_as("USD") / 1e6, 1) for x in (r.electricity, r.cooling, r.capex, r.total)]
    [70.7, 39.6, 117.0, 227.2]
    >>> round(r.per_kwh.m_as("USD/kW/h"), 4)
    0.2592
    """
    p = si(power, "kW", "power", lo=0, lo_open=True)
    years = si(lifetime, "year", "lifetime", lo=0, lo_open=True)
    price = si(electricity_price, "USD/(kW*h)", "electricity_price", lo=0)
    pue_ = fraction(pue, "pue", lo=1, hi=None)
    capex_kw = si(capex_per_kw, "USD/kW", "capex_per_kw", lo=0)
    wue_ = si(wue, "m^3/(kW*h)", "wue", lo=0)
    water_usd = si(water_price, "USD/m^3", "water_price", lo=0)
    util = fraction(utilization, "utilization", lo=0, hi=1, lo_open=True)
    ops = si(operations_fraction, "1/year", "operations_fraction", lo=0)
    other_usd = si(other, "USD", "other", lo=0)
    hours = Q_(1.0, "year").m_as("h")
    e_it = p * util * years * hours
    electricity = price * e_it
    cooling = (pue_ - 1.0) * price * e_it
    volume = wue_ * e_it
    water = water_usd * volume
    capex = capex_kw * p
    operations = ops * capex * years
    total = electricity + cooling + water + capex + operations + other_usd
    e_it, electricity, cooling, volume, water, capex, operations, other_usd, total, pue_ = broadcast(
        e_it, electricity, cooling, volume, water, capex, operations, other_usd, total, pue_)
    return TerrestrialCost(
        it_energy=quantity(e_it, "kW*h"), facility_energy=quantity(pue_ * e_it, "kW*h"),
        electricity=quantity(electricity, "USD"), cooling=quantity(cooling, "USD"),
        water_volume=quantity(volume, "m^3"), water=quantity(water, "USD"), capex=quantity(capex, "USD"),
        operations=quantity(operations, "USD"), other=quantity(other_usd, "USD"), total=quantity(total, "USD"),
        per_kw_year=quantity(total / (e_it / hours), "USD/kW/year"), per_kwh=quantity(total / e_it, "USD/kW/h"))
