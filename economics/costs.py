"""What an orbital compute mission costs, line by line, and what a kW-year and a kWh of its compute cost.

* :func:`subsystem_cost` -- one subsystem's hardware cost from a price per unit (USD), per W, per kg, per m^2 or
  per W*h: the price's unit says which amount of the subsystem it multiplies.
* :func:`launch_cost` -- whole launches for a number of satellites at a price per launch, or a price per kg.
* :func:`mission_cost` -- a station of identical satellites: hardware, launch, operations (a fraction of the
  hardware per year), planned replacement (units per year times their price and their launch share), and
  non-recurring engineering amortised over the production run; per satellite, per station, per kW-year and per
  kWh of compute delivered over life (:class:`MissionCost`).
* :func:`fleet` -- a target power delivered by many identical satellites: the satellite count, whole launches,
  mass, total cost, cost per W and per MWh (:class:`FleetCost`).

Money is a Quantity in ``USD`` (a ``[currency]`` dimension of the one registry, :mod:`spacedc.units`); nothing
converts between currencies or discounts over time (costs are undiscounted sums, as in the studies reproduced
in docs/economics.md). A year is pint's Julian year (365.25 days, 8766 h): a study that counts 8760 h a year is
reproduced by giving its durations in days (``"3650 day"``) and its rates per ``365 day``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np
import pint

from spacedc.economics.defaults import OPERATIONS_FRACTION
from spacedc.results import Result
from spacedc.units import (DimensionalityError, Q_, broadcast, finite_or_none, fraction, named_shapes, parse_quantity,
                           quantity, scalar_or_array, si, u)

__all__ = ["PRICE_BASES", "price_basis", "subsystem_cost", "LaunchCost", "launch_cost", "MissionCost", "mission_cost",
           "FleetCost", "fleet"]

#: The bases a hardware price can be quoted on: keyword of :func:`subsystem_cost` -> (unit of the amount, what
#: the price is then). A price in plain USD is per unit (a chip, or one per satellite for a lump sum).
PRICE_BASES: dict[str, tuple[str, str]] = {
    "count": ("dimensionless", "USD per unit"),
    "power": ("W", "USD/W"),
    "mass": ("kg", "USD/kg"),
    "area": ("m^2", "USD/m^2"),
    "energy": ("W*h", "USD/(W*h)"),
}


def _as_quantity(value: Any, name: str) -> pint.Quantity:
    if isinstance(value, pint.Quantity):
        return value
    if isinstance(value, str):
        return parse_quantity(value, name)
    raise TypeError(f"{name} = {value!r}: a price has a unit; pass a Quantity or a string such as '50 USD/W' "
                    f"or '25000 USD'")


def price_basis(price: Any, name: str = "price") -> str:
    """The basis of a price, a key of :data:`PRICE_BASES`, from its unit: ``"50 USD/W"`` -> ``"power"``.

    Raises DimensionalityError naming ``name`` for a price on none of the bases, TypeError for a bare number.

    >>> price_basis("22 USD/W"), price_basis("30000 USD"), price_basis("1200 USD/kg")
    ('power', 'count', 'mass')
    """
    price = _as_quantity(price, name)
    per = (price / u.USD).dimensionality
    for key, (unit, _) in PRICE_BASES.items():
        if per == (1 / u(unit)).dimensionality:
            return key
    raise DimensionalityError(price.units, "USD/W", price.dimensionality, (u.USD / u.W).dimensionality,
                              extra_msg=f" for {name} = {price} (expected a price in USD per unit, per W, per kg, "
                                        f"per m^2 or per W*h)")


@named_shapes
def subsystem_cost(price: Any, *, name: str = "price", count: Any = None, power: Any = None, mass: Any = None,
                   area: Any = None, energy: Any = None) -> pint.Quantity:
    """Hardware cost of one subsystem from its price on the basis the price's unit names.

    .. math:: C = p \\cdot x, \\qquad x \\in \\{n, P, m, A, E\\} \\text{ as } p \\text{ is in USD, USD/W, USD/kg,
              USD/m}^2 \\text{ or USD/(W h)}

    Give every amount the subsystem has (a solar array its power and mass, a radiator its mass and area, a battery
    its energy and mass): the one that matches the price's unit is used. A compute payload is priced per chip
    (``count`` chips at a price in USD); a lump sum per satellite is a price in USD with no count.

    Parameters
    ----------
    price : Quantity [USD], [USD/W], [USD/kg], [USD/m^2] or [USD/(W*h)]
        The unit price (>= 0). Broadcasts.
    name : str
        The field the price comes from, for error messages (e.g. ``"cost.radiator_price"``).
    count : float, optional
        Number of units (>= 0) for a price per unit; 1 if not given (a lump sum).
    power, mass, area, energy : Quantity, optional
        The subsystem's power [W], mass [kg], area [m^2] and energy [W*h] (>= 0).

    Returns
    -------
    Quantity [USD]

    Raises
    ------
    pint.DimensionalityError
        A price on none of the bases, naming ``name``.
    ValueError
        The amount the price needs was not given.

    Examples
    --------
    A 120 kW array at USD 50/W, a 400 kg radiator at USD 2,000/kg and 100 chips at USD 25,000 each:

    >>> subsystem_cost("50 USD/W", name="array", power="120 kW", mass="600 kg").m_as("USD")
    6000000.0
    >>> subsystem_cost("2000 USD/kg", name="radiator", mass="400 kg", area="160 m^2").m_as("USD")
    800000.0
    >>> subsystem_cost("25000 USD", name="chips", count=100).m_as("USD")
    2500000.0
    """
    q = _as_quantity(price, name)
    basis = price_basis(q, name)
    unit, what = PRICE_BASES[basis]
    p = si(q, f"USD/({unit})" if basis != "count" else "USD", name, lo=0)
    amounts = {"count": count, "power": power, "mass": mass, "area": area, "energy": energy}
    amount = amounts[basis]
    if basis == "count":
        x = np.asarray(1.0) if amount is None else fraction(amount, f"count of {name}", lo=0, hi=None)
    elif amount is None:
        given = [k for k, v in amounts.items() if v is not None] or ["none"]
        raise ValueError(f"{name} = {q}: a price in {what} needs the {basis} of the subsystem "
                         f"(given: {', '.join(given)})")
    else:
        x = si(amount, unit, f"{basis} of {name}", lo=0)
    return quantity(p * x, "USD")


def _whole(value: Any, name: str) -> np.ndarray:
    """A count (>= 1) that must be a whole number."""
    x = fraction(value, name, lo=1, hi=None)
    if np.any(x != np.floor(x)):
        raise ValueError(f"{name} = {value!r}: must be a whole number")
    return x


def _launch_price(launch_price: Any, satellite_mass: Any) -> tuple[bool, np.ndarray, np.ndarray | None]:
    """(per kg?, price [USD per launch or USD/kg], satellite mass [kg] or None) from a price's dimension."""
    q = _as_quantity(launch_price, "launch_price")
    m = None if satellite_mass is None else si(satellite_mass, "kg", "satellite_mass", lo=0, lo_open=True)
    if q.dimensionality == u.USD.dimensionality:
        return False, si(q, "USD", "launch_price", lo=0), m
    if q.dimensionality == (u.USD / u.kg).dimensionality:
        if m is None:
            raise ValueError(f"launch_price = {q}: a price per kg needs satellite_mass")
        return True, si(q, "USD/kg", "launch_price", lo=0), m
    raise DimensionalityError(q.units, "USD", q.dimensionality, u.USD.dimensionality,
                              extra_msg=f" for launch_price = {q} (expected USD per launch or USD/kg)")


def _launch(n: np.ndarray, per_launch: np.ndarray, per_kg: bool, price: np.ndarray,
            m: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(whole launches, total launch cost [USD]) for n satellites."""
    launches = np.ceil(n / per_launch)
    total = price * m * n if per_kg else launches * price
    return launches, total


@dataclasses.dataclass(frozen=True)
class LaunchCost(Result):
    """Result of :func:`launch_cost`. Fields broadcast over the inputs.

    Attributes
    ----------
    launches : int
        ceil(satellites / satellites_per_launch): whole launches.
    total : Quantity [USD]
        launches x price per launch, or price per kg x satellite mass x satellites.
    per_satellite : Quantity [USD]
        total / satellites.
    """

    launches: Any
    total: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    per_satellite: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})


@named_shapes
def launch_cost(satellites: Any, *, satellites_per_launch: Any, launch_price: Any,
                satellite_mass: Any = None) -> LaunchCost:
    """Launch cost of a number of satellites in whole launches.

    .. math:: N_L = \\left\\lceil \\frac{N}{n} \\right\\rceil, \\qquad C = N_L \\, p_L \\quad \\text{or}
              \\quad C = p_{kg} \\, m \\, N

    A price per launch buys whole launches, the last one partly empty; a price per kg (as public calculators
    quote it) charges the mass flown only.

    Parameters
    ----------
    satellites : int
        Satellites to launch (>= 1, whole).
    satellites_per_launch : int
        Satellites one launch carries (>= 1, whole): from :func:`spacedc.structure.satellites_per_launch` or the
        user.
    launch_price : Quantity [USD] or [USD/kg]
        Price of one launch, or per kg of satellite mass (>= 0).
    satellite_mass : Quantity [mass], optional
        Launch mass of one satellite (> 0); needed with a price per kg.

    Returns
    -------
    LaunchCost

    Examples
    --------
    Seven satellites, three to a launch, at USD 70 M a launch: three launches.

    >>> r = launch_cost(7, satellites_per_launch=3, launch_price="70e6 USD")
    >>> r.launches, r.total.m_as("USD"), round(r.per_satellite.m_as("USD"))
    (3, 210000000.0, 30000000)
    """
    n = _whole(satellites, "satellites")
    k = _whole(satellites_per_launch, "satellites_per_launch")
    per_kg, price, m = _launch_price(launch_price, satellite_mass)
    launches, total = _launch(n, k, per_kg, price, m)
    launches, total, n = broadcast(launches, total, n)
    return LaunchCost(launches=scalar_or_array(launches, int), total=quantity(total, "USD"),
                      per_satellite=quantity(total / n, "USD"))


@dataclasses.dataclass(frozen=True)
class MissionCost(Result):
    """Result of :func:`mission_cost`: the line items of one satellite, the station, and the cost of its compute.

    Line items are per satellite [USD]; fields broadcast over the inputs.

    Attributes
    ----------
    hardware_items : dict of str to Quantity [USD]
        Each subsystem's hardware cost, as given.
    hardware : Quantity [USD]
        Their sum.
    launch : Quantity [USD]
        The satellite's share of the station's launches.
    operations : Quantity [USD]
        operations_fraction x hardware x lifetime.
    replacement : Quantity [USD]
        replacement_rate x lifetime x (unit cost + unit mass x launch price per kg).
    nre : Quantity [USD]
        Non-recurring engineering / production run.
    per_satellite : Quantity [USD]
        The sum of the line items.
    total : Quantity [USD]
        per_satellite x satellites: the station.
    satellites : int
    launches : int
        Whole launches of the station.
    energy_delivered : Quantity [kW*h]
        Compute energy one satellite delivers over life: P x availability x delivered fraction x lifetime.
    per_kw_year : Quantity [USD/kW/year]
        per_satellite / (P x availability x delivered fraction x lifetime): per kW-year of compute delivered.
    per_kwh : Quantity [USD/kW/h]
        per_satellite / energy_delivered.
    """

    hardware_items: dict = dataclasses.field(metadata={"skip": True})
    hardware: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    launch: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    operations: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    replacement: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    nre: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    per_satellite: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    total: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    satellites: Any
    launches: Any
    energy_delivered: pint.Quantity = dataclasses.field(metadata={"unit": "kW*h"})
    per_kw_year: pint.Quantity = dataclasses.field(metadata={"unit": "USD/kW/year"})
    per_kwh: pint.Quantity = dataclasses.field(metadata={"unit": "USD/kW/h"})

    def to_dict(self) -> dict[str, Any]:
        """As :meth:`Result.to_dict`, with each hardware item under ``hardware_items_USD``."""
        out = super().to_dict()
        out["hardware_items_USD"] = {k: finite_or_none(np.asarray(v.m_as("USD")))
                                     for k, v in self.hardware_items.items()}
        return out


def _hardware(hardware: Mapping[str, Any]) -> dict[str, np.ndarray]:
    if not isinstance(hardware, Mapping):
        raise TypeError(f"hardware = {hardware!r}: expected a mapping of subsystem name to its cost in USD, e.g. "
                        f"{{'chips': subsystem_cost('25000 USD', count=100)}}")
    return {str(k): si(v, "USD", f"hardware[{k!r}]", lo=0) for k, v in hardware.items()}


def _mission(items: dict[str, np.ndarray], *, p_kw: np.ndarray, years: np.ndarray, n: np.ndarray, k: np.ndarray,
             per_kg: bool, price: np.ndarray, m: np.ndarray | None, avail: np.ndarray, deliv: np.ndarray,
             ops: np.ndarray, rate: np.ndarray, unit_cost: np.ndarray, unit_mass: np.ndarray,
             repl_per_kg: np.ndarray | None, nre: np.ndarray, run: np.ndarray) -> MissionCost:
    """The arithmetic of :func:`mission_cost` on SI floats (kW, years, USD)."""
    hw = sum(items.values(), np.asarray(0.0))
    launches, launch_total = _launch(n, k, per_kg, price, m)
    launch = launch_total / n
    operations = ops * hw * years
    lift = 0.0 if repl_per_kg is None else unit_mass * repl_per_kg
    replacement = rate * years * (unit_cost + lift)
    nre_share = nre / run
    per_sat = hw + launch + operations + replacement + nre_share
    kw_years = p_kw * avail * deliv * years
    hw, launch, operations, replacement, nre_share, per_sat, kw_years, n, launches = broadcast(
        hw, launch, operations, replacement, nre_share, per_sat, kw_years, n, launches)
    hours = Q_(1.0, "year").m_as("h")
    return MissionCost(
        hardware_items={name: quantity(v, "USD") for name, v in items.items()},
        hardware=quantity(hw, "USD"), launch=quantity(launch, "USD"), operations=quantity(operations, "USD"),
        replacement=quantity(replacement, "USD"), nre=quantity(nre_share, "USD"),
        per_satellite=quantity(per_sat, "USD"), total=quantity(per_sat * n, "USD"),
        satellites=scalar_or_array(n, int), launches=scalar_or_array(launches, int),
        energy_delivered=quantity(kw_years * hours, "kW*h"),
        per_kw_year=quantity(per_sat / kw_years, "USD/kW/year"),
        per_kwh=quantity(per_sat / (kw_years * hours), "USD/kW/h"))


def _replacement_inputs(replacement_rate: Any, replacement_unit_cost: Any, replacement_unit_mass: Any,
                        replacement_launch_price: Any, per_kg: bool, price: np.ndarray, k: np.ndarray,
                        m: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    rate = si(replacement_rate, "1/year", "replacement_rate", lo=0)
    unit_cost = si(replacement_unit_cost, "USD", "replacement_unit_cost", lo=0)
    unit_mass = si(replacement_unit_mass, "kg", "replacement_unit_mass", lo=0)
    if replacement_launch_price is not None:
        per = si(replacement_launch_price, "USD/kg", "replacement_launch_price", lo=0)
    elif per_kg:
        per = price
    elif m is not None:
        per = price / (k * m)  # a full launch's price per kg of the satellites it carries
    else:
        per = None
        if np.any(unit_mass > 0):
            raise ValueError("replacement_unit_mass > 0 needs a launch price per kg: give replacement_launch_price, "
                             "a launch_price in USD/kg, or satellite_mass")
    return rate, unit_cost, unit_mass, per


@named_shapes
def mission_cost(*, compute_power: Any, lifetime: Any, hardware: Mapping[str, Any], launch_price: Any,
                 satellites_per_launch: Any = 1, satellite_mass: Any = None, satellites: Any = 1,
                 availability: Any = 1.0, delivered_fraction: Any = 1.0,
                 operations_fraction: Any = OPERATIONS_FRACTION, replacement_rate: Any = "0 1/year",
                 replacement_unit_cost: Any = "0 USD", replacement_unit_mass: Any = "0 kg",
                 replacement_launch_price: Any = None, nre: Any = "0 USD",
                 production_run: Any = None) -> MissionCost:
    """The cost of a station of identical satellites, line by line, and of the compute it delivers over life.

    Per satellite:

    .. math::

        C_{sat} = \\underbrace{\\textstyle\\sum_i C_i}_{hardware} + \\frac{C_{launch}}{N}
                  + f_{ops} C_{hw} T + r T (c_u + m_u p_{kg}) + \\frac{C_{NRE}}{N_{run}}

    and the cost of compute delivered, with E = P a f T the energy one satellite delivers:

    .. math:: c_{kW\\,yr} = \\frac{C_{sat}}{P a f T}, \\qquad c_{kWh} = \\frac{C_{sat}}{E}

    The launch of the station is in whole launches (:func:`launch_cost`); the station costs N C_sat.

    Parameters
    ----------
    compute_power : Quantity [power]
        Compute (chip) power of one satellite when it is working and fully powered (> 0).
    lifetime : Quantity [time]
        Life over which the compute is delivered and operations paid (> 0).
    hardware : mapping of str to Quantity [USD]
        Each subsystem's hardware cost per satellite (>= 0), e.g. from :func:`subsystem_cost`.
    launch_price : Quantity [USD] or [USD/kg]
        Price of one launch, or per kg of satellite mass.
    satellites_per_launch : int
        Satellites one launch carries (>= 1, whole; default 1).
    satellite_mass : Quantity [mass], optional
        Launch mass of one satellite: needed with a price per kg, and for the launch share of replacements.
    satellites : int
        Satellites in the station (>= 1, whole; default 1).
    availability : float
        Fraction of the time the compute works (0 < a <= 1): chip failures, single-event crashes, eclipses
        without storage. From the compute package.
    delivered_fraction : float
        Mean fraction of the compute power the array sustains over life where the power is not held constant
        (0 < f <= 1; 1 where the array is sized for end of life). From the power package.
    operations_fraction : Quantity [1/time]
        Operations per year as a fraction of the hardware cost (>= 0; default :data:`OPERATIONS_FRACTION`).
    replacement_rate : Quantity [1/time]
        Units (chips, or whole spare modules) replaced per satellite per year by planned replenishment (>= 0).
    replacement_unit_cost : Quantity [USD]
        Price of one replaced unit (>= 0).
    replacement_unit_mass : Quantity [mass]
        Mass flown per replaced unit, with its share of the carrier (>= 0).
    replacement_launch_price : Quantity [USD/kg], optional
        Launch price per kg of replacements; default the launch price per kg, or a full launch's price per kg
        of the satellites it carries (price / (satellites_per_launch x satellite_mass)).
    nre : Quantity [USD]
        Non-recurring engineering of the programme (>= 0).
    production_run : int, optional
        Satellites the NRE is amortised over (>= 1, whole); default ``satellites``.

    Returns
    -------
    MissionCost

    Notes
    -----
    Undiscounted: money spent in year 10 counts as much as money spent at launch, as in [Starcloud2024] and
    [McCalip2025]. Availability, degradation and spares change the energy delivered, not the hardware; spares
    enter the hardware (their chips and mass) and the launch through the sizing chain.

    Examples
    --------
    One 100 kW satellite for 5 years: USD 20 M of hardware, a USD 10 M launch of its own, 1 %/year operations,
    95 % availability: (20 + 10 + 1) M / (100 kW x 0.95 x 5 year) = USD 65,263 per kW-year.

    >>> r = mission_cost(compute_power="100 kW", lifetime="5 year", hardware={"satellite": Q_(20e6, "USD")},
    ...                  launch_price="10e6 USD", availability=0.95)
    >>> r.per_satellite.m_as("USD"), round(r.per_kw_year.m_as("USD/kW/year"))
    (31000000.0, 65263)
    """
    items = _hardware(hardware)
    p = si(compute_power, "kW", "compute_power", lo=0, lo_open=True)
    years = si(lifetime, "year", "lifetime", lo=0, lo_open=True)
    n = _whole(satellites, "satellites")
    k = _whole(satellites_per_launch, "satellites_per_launch")
    per_kg, price, m = _launch_price(launch_price, satellite_mass)
    avail = fraction(availability, "availability", lo=0, hi=1, lo_open=True)
    deliv = fraction(delivered_fraction, "delivered_fraction", lo=0, hi=1, lo_open=True)
    ops = si(operations_fraction, "1/year", "operations_fraction", lo=0)
    rate, unit_cost, unit_mass, repl_per_kg = _replacement_inputs(
        replacement_rate, replacement_unit_cost, replacement_unit_mass, replacement_launch_price, per_kg, price, k, m)
    nre_usd = si(nre, "USD", "nre", lo=0)
    run = n if production_run is None else _whole(production_run, "production_run")
    return _mission(items, p_kw=p, years=years, n=n, k=k, per_kg=per_kg, price=price, m=m, avail=avail, deliv=deliv,
                    ops=ops, rate=rate, unit_cost=unit_cost, unit_mass=unit_mass, repl_per_kg=repl_per_kg,
                    nre=nre_usd, run=run)


@dataclasses.dataclass(frozen=True)
class FleetCost(Result):
    """Result of :func:`fleet`. Fields broadcast over the inputs.

    Attributes
    ----------
    satellites : int
        ceil(target power / (satellite power x availability x delivered fraction)).
    launches : int
        ceil(satellites / satellites_per_launch): whole launches.
    total_mass : Quantity [kg]
        satellites x satellite mass.
    total_cost : Quantity [USD]
        The fleet: satellites x the per-satellite cost of :attr:`mission`.
    cost_per_w : Quantity [USD/W]
        total_cost / target power.
    cost_per_mwh : Quantity [USD/MW/h]
        total_cost / (target power x lifetime): per MWh of the target delivered over life.
    mission : MissionCost
        The per-satellite line items, and the cost per kW-year and per kWh of what the fleet actually delivers
        (a little more than the target, the satellite count being whole).
    """

    satellites: Any
    launches: Any
    total_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    total_cost: pint.Quantity = dataclasses.field(metadata={"unit": "USD"})
    cost_per_w: pint.Quantity = dataclasses.field(metadata={"unit": "USD/W"})
    cost_per_mwh: pint.Quantity = dataclasses.field(metadata={"unit": "USD/MW/h"})
    mission: MissionCost


@named_shapes
def fleet(target_power: Any, satellite_power: Any, satellite_mass: Any, *, satellites_per_launch: Any,
          launch_price: Any, lifetime: Any, hardware: Mapping[str, Any], availability: Any = 1.0,
          delivered_fraction: Any = 1.0, operations_fraction: Any = OPERATIONS_FRACTION,
          replacement_rate: Any = "0 1/year", replacement_unit_cost: Any = "0 USD",
          replacement_unit_mass: Any = "0 kg", replacement_launch_price: Any = None,
          nre: Any = "0 USD") -> FleetCost:
    """A target compute power delivered by many identical satellites: how many, how many launches, what it costs.

    .. math::

        N = \\left\\lceil \\frac{P_{target}}{P_{sat} \\, a \\, f} \\right\\rceil, \\quad
        N_L = \\left\\lceil \\frac{N}{n} \\right\\rceil, \\quad
        C = N \\, C_{sat}, \\quad c_W = \\frac{C}{P_{target}}, \\quad c_{MWh} = \\frac{C}{P_{target} T}

    C_sat is :func:`mission_cost`'s per-satellite cost with the NRE amortised over the N satellites of the fleet.

    Parameters
    ----------
    target_power : Quantity [power]
        Compute power the fleet must deliver on average over life (> 0).
    satellite_power : Quantity [power]
        Compute power of one satellite when working and fully powered (> 0).
    satellite_mass : Quantity [mass]
        Launch mass of one satellite (> 0).
    satellites_per_launch, launch_price, lifetime, hardware, availability, delivered_fraction,
    operations_fraction, replacement_rate, replacement_unit_cost, replacement_unit_mass, replacement_launch_price, nre
        As in :func:`mission_cost` (``hardware`` per satellite; ``nre`` for the whole programme).

    Returns
    -------
    FleetCost

    Examples
    --------
    1 MW from 30 kW satellites available 97 % of the time: ceil(1000 / 29.1) = 35 satellites, 12 launches of
    three.

    >>> r = fleet("1 MW", "30 kW", "800 kg", satellites_per_launch=3, launch_price="20e6 USD", lifetime="5 year",
    ...           hardware={"satellite": Q_(3e6, "USD")}, availability=0.97, operations_fraction="0 1/year")
    >>> r.satellites, r.launches, r.total_cost.m_as("USD"), r.cost_per_w.m_as("USD/W")
    (35, 12, 345000000.0, 345.0)
    """
    target = si(target_power, "kW", "target_power", lo=0, lo_open=True)
    p = si(satellite_power, "kW", "satellite_power", lo=0, lo_open=True)
    m = si(satellite_mass, "kg", "satellite_mass", lo=0, lo_open=True)
    avail = fraction(availability, "availability", lo=0, hi=1, lo_open=True)
    deliv = fraction(delivered_fraction, "delivered_fraction", lo=0, hi=1, lo_open=True)
    # a ratio that is whole up to rounding (1e-12 relative) is that whole number, not one more
    ratio = target / (p * avail * deliv)
    n = np.maximum(np.ceil(ratio * (1.0 - 1e-12)), 1.0)
    mission = mission_cost(
        compute_power=quantity(p, "kW"), lifetime=lifetime, hardware=hardware, launch_price=launch_price,
        satellites_per_launch=satellites_per_launch, satellite_mass=quantity(m, "kg"), satellites=n,
        availability=avail, delivered_fraction=deliv, operations_fraction=operations_fraction,
        replacement_rate=replacement_rate, replacement_unit_cost=replacement_unit_cost,
        replacement_unit_mass=replacement_unit_mass, replacement_launch_price=replacement_launch_price, nre=nre)
    years = si(lifetime, "year", "lifetime", lo=0, lo_open=True)
    total = mission.total.m_as("USD")
    n, total, m, target, years = broadcast(n, total, m, target, years)
    return FleetCost(satellites=scalar_or_array(n, int), launches=mission.launches,
                     total_mass=quantity(n * m, "kg"), total_cost=quantity(total, "USD"),
                     cost_per_w=quantity(total / (target * 1e3), "USD/W"),
                     cost_per_mwh=quantity(total / (target * 1e-3 * years * Q_(1.0, "year").m_as("h")), "USD/MW/h"),
                     mission=mission)
