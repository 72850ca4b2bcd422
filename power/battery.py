"""Battery sizing for eclipse (SMAD sec. 11.4), depth of discharge from cycle life, and the heat it makes.

* :data:`CHEMISTRIES` -- documented battery data (specific energy, charge efficiency, a depth-of-discharge
  versus cycle-life table), one row per chemistry with its sources.
* :func:`cycles` -- charge/discharge cycles over a life, one per orbit.
* :func:`allowed_depth_of_discharge` -- the table interpolated linearly in log10(cycles).
* :func:`size_battery` -- SMAD's capacity C = P_e T_e / (DoD N n), mass, and the round-trip loss that the
  thermal side must reject.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.units import broadcast
from spacedc.results import Reasons, Result
from spacedc.units import Q_, fraction, named_shapes, quantity, scalar_or_array, si

__all__ = ["BatteryChemistry", "CHEMISTRIES", "BatteryResult", "cycles", "allowed_depth_of_discharge",
           "size_battery"]


@dataclasses.dataclass(frozen=True)
class BatteryChemistry:
    """One row of :data:`CHEMISTRIES`.

    Parameters
    ----------
    name : str
        Key in :data:`CHEMISTRIES`.
    specific_energy : pint.Quantity
        Nameplate energy per battery mass, battery level (cells, structure, harness) [W*h/kg].
    charge_efficiency : float
        Energy out of the cells over energy into them on a cycle [-].
    dod_table : tuple of (cycles, depth of discharge)
        Allowed depth of discharge against the number of cycles in the mission, increasing in cycles.
    source : str
        Where the numbers come from.
    """

    name: str
    specific_energy: pint.Quantity
    charge_efficiency: float
    dod_table: tuple[tuple[float, float], ...]
    source: str

    def __post_init__(self) -> None:
        where = f"CHEMISTRIES[{self.name!r}]"
        si(self.specific_energy, "W*h/kg", f"{where}.specific_energy", lo=0, lo_open=True)
        fraction(self.charge_efficiency, f"{where}.charge_efficiency", lo=0, hi=1, lo_open=True)
        n, dod = np.asarray(self.dod_table, dtype=float).T
        if np.any(np.diff(n) <= 0) or np.any(np.diff(dod) > 0) or np.any((dod <= 0) | (dod > 1)):
            raise ValueError(f"{where}.dod_table: cycles must increase, DoD must not, and 0 < DoD <= 1")
        if not self.source:
            raise ValueError(f"{where}: every row needs a source")


#: Battery chemistry table: name -> :class:`BatteryChemistry`. See each row's ``source``.
CHEMISTRIES: dict[str, BatteryChemistry] = {
    "li-ion": BatteryChemistry(
        name="li-ion", specific_energy=Q_(150.0, "W*h/kg"), charge_efficiency=0.95,
        dod_table=((500.0, 0.80), (1500.0, 0.70), (20000.0, 0.30), (60000.0, 0.20)),
        source=("DoD table: a spacedc design rule anchored on flight practice: "
                "Li-ion in LEO (about 5000-6000 cycles a year, Fortescue et al., Spacecraft Systems "
                "Engineering, 3rd ed. (2003), ch. 10, p. 344) at 20-30% DoD, so 30% at 20,000 cycles (about 3.5 yr) "
                "and 20% at 60,000 (about 10 yr); GEO (about 90 eclipses a year in two 45-day seasons, "
                "Fortescue p. 344) at 60-80%, so 70% at 1500 cycles (a 15-year GEO life) and 80% at 500; "
                "JAXA life tests passed 30,000 LEO-mode and 1800 GEO-mode cycles on large Li-ion cells "
                "('Cycle-life testing of large-capacity lithium-ion cells in simulated satellite operation', "
                "J. Power Sources). Interpolated linearly in log10(cycles), held constant outside. "
                "Specific energy 150 Wh/kg battery level: value of SMAD 5th ed./ESA SPSEM-based sizing tools "
                "(2nd-hand). Charge efficiency 0.95: Li-ion energy efficiency is 85-99%, about 97% at 0.5C "
                "(2nd-hand summary); 0.95 allows for charge control."),
    ),
}


def _chemistry(name: str) -> BatteryChemistry:
    key = str(name).strip().lower()
    if key not in CHEMISTRIES:
        raise ValueError(f"chemistry = {name!r}: unknown; known chemistries: {', '.join(sorted(CHEMISTRIES))}")
    return CHEMISTRIES[key]


@named_shapes
def cycles(lifetime: Any, period: Any) -> float | np.ndarray:
    """Charge/discharge cycles over a life with one eclipse per orbit: N = lifetime / period.

    Right for LEO, where every orbit has an eclipse (5000-6000 cycles a year, Fortescue p. 344); a GEO
    satellite sees about 90 eclipses a year, so pass its count to :func:`size_battery` directly.

    Parameters
    ----------
    lifetime : Quantity [time]
    period : Quantity [time]
        Orbit period (> 0).

    Returns
    -------
    float or ndarray
        Number of cycles (not rounded).
    """
    life = si(lifetime, "s", "lifetime", lo=0)
    per = si(period, "s", "period", lo=0, lo_open=True)
    return scalar_or_array(life / per)


def _dod_from_cycles(n: np.ndarray, table: tuple[tuple[float, float], ...]) -> np.ndarray:
    knots, dod = np.asarray(table, dtype=float).T
    return np.interp(np.log10(np.maximum(n, 1.0)), np.log10(knots), dod)


@named_shapes
def allowed_depth_of_discharge(cycles: Any, chemistry: str = "li-ion") -> float | np.ndarray:
    """Allowed depth of discharge for a number of cycles, from the chemistry's table.

    Linear interpolation in log10(cycles) between the anchors of :data:`CHEMISTRIES` (for Li-ion 80% at
    500 cycles, 70% at 1500, 30% at 20,000, 20% at 60,000), held constant outside them.

    Parameters
    ----------
    cycles : float or array
        Cycles over the mission (>= 0).
    chemistry : str
        A key of :data:`CHEMISTRIES`.
    """
    n = fraction(cycles, "cycles", lo=0, hi=None)
    return scalar_or_array(_dod_from_cycles(n, _chemistry(chemistry).dod_table))


@dataclasses.dataclass(frozen=True)
class BatteryResult(Result):
    """Result of :func:`size_battery`. Fields broadcast over the inputs.

    Attributes
    ----------
    capacity : Quantity [W*h]
        Nameplate capacity of each battery, C_r (SMAD eq. 11-11).
    total_capacity : Quantity [W*h]
        All batteries together, N C_r.
    mass : Quantity [kg]
        All batteries, total_capacity / specific_energy.
    depth_of_discharge : float
        DoD used (given, or from the cycle table).
    cycles : float or None
        Cycles used to choose the DoD (None when the DoD was given and no cycles were).
    energy_delivered : Quantity [W*h]
        Energy to the loads per eclipse, P_e T_e.
    discharge_energy : Quantity [W*h]
        Energy out of the cells per eclipse, P_e T_e / n.
    charge_energy : Quantity [W*h]
        Energy taken from the bus in daylight to recharge, discharge_energy / charge_efficiency.
    energy_loss : Quantity [W*h]
        Round-trip loss per orbit, charge_energy - energy_delivered: heat in the battery and its regulators.
    average_heat : Quantity [W] or None
        energy_loss / period, the orbit-average heat for the thermal side (None without a period).
    feasible : bool or ndarray of bool
        False where the cycle count lies beyond the chemistry's cycle-life table (life not demonstrated).
    reasons : str or ndarray of str
    """

    capacity: pint.Quantity = dataclasses.field(metadata={"unit": "W*h"})
    total_capacity: pint.Quantity = dataclasses.field(metadata={"unit": "W*h"})
    mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    depth_of_discharge: Any
    cycles: Any
    energy_delivered: pint.Quantity = dataclasses.field(metadata={"unit": "W*h"})
    discharge_energy: pint.Quantity = dataclasses.field(metadata={"unit": "W*h"})
    charge_energy: pint.Quantity = dataclasses.field(metadata={"unit": "W*h"})
    energy_loss: pint.Quantity = dataclasses.field(metadata={"unit": "W*h"})
    average_heat: pint.Quantity | None = dataclasses.field(metadata={"unit": "W"})
    feasible: Any
    reasons: Any


@named_shapes
def size_battery(*, eclipse_load: Any, eclipse_duration: Any, depth_of_discharge: Any = None,
                 cycles: Any = None, lifetime: Any = None, period: Any = None, chemistry: str = "li-ion",
                 battery_count: Any = 1, discharge_efficiency: Any = 0.9, charge_efficiency: Any = None,
                 specific_energy: Any = None) -> BatteryResult:
    r"""Size the eclipse battery (SMAD eqs. 11-10, 11-11) and the heat its round trip makes.

    .. math::

        C_r = \frac{P_e T_e}{\mathrm{DoD}\, N\, n}

    (Wertz & Larson, SMAD 3rd ed., sec. 11.4), with N batteries sharing the load and n the efficiency of
    the path from battery to load. The depth of discharge, if not given, comes from the cycle count through
    :func:`allowed_depth_of_discharge`; the cycle count is ``cycles`` or ``lifetime / period``.

    Per orbit the loads receive P_e T_e, the cells give P_e T_e / n, and recharging takes
    P_e T_e / (n eta_c) from the bus in daylight; the difference is heat (``energy_loss``), and over an
    orbit ``average_heat = energy_loss / period``.

    Parameters
    ----------
    eclipse_load : Quantity [W]
        Load P_e carried by the battery in eclipse.
    eclipse_duration : Quantity [time]
        Longest eclipse T_e.
    depth_of_discharge : float, optional
        Allowed DoD (0, 1]. If omitted, chosen from the cycle count.
    cycles : float, optional
        Cycles over the mission (for the DoD table).
    lifetime, period : Quantity [time], optional
        Used for ``cycles = lifetime / period`` when neither ``depth_of_discharge`` nor ``cycles`` is given;
        ``period`` also gives ``average_heat``.
    chemistry : str
        Row of :data:`CHEMISTRIES` for the defaults ("li-ion").
    battery_count : int or float
        N, number of batteries sharing the load (>= 1). No failed-battery redundancy is added.
    discharge_efficiency : float
        n, battery-to-load path efficiency (SMAD uses about 0.9).
    charge_efficiency : float, optional
        Cell energy efficiency on charge; default from the chemistry.
    specific_energy : Quantity [W*h/kg], optional
        Battery-level specific energy; default from the chemistry.

    Returns
    -------
    BatteryResult

    Examples
    --------
    GEO satellite, 3200 W through a 1.2 h eclipse at 60% DoD, 40 Wh/kg, lossless path: 6400 Wh, 160 kg.

    >>> r = size_battery(eclipse_load="3200 W", eclipse_duration="1.2 h", depth_of_discharge=0.6,
    ...                  discharge_efficiency=1.0, specific_energy="40 W*h/kg")
    >>> round(r.capacity.m_as("W*h")), round(r.mass.m_as("kg"))
    (6400, 160)
    """
    chem = _chemistry(chemistry)
    p_e = si(eclipse_load, "W", "eclipse_load", lo=0)
    t_e = si(eclipse_duration, "h", "eclipse_duration", lo=0)
    n_bat = fraction(battery_count, "battery_count", lo=1, hi=None)
    n = fraction(discharge_efficiency, "discharge_efficiency", lo=0, hi=1, lo_open=True)
    eta_c = fraction(chem.charge_efficiency if charge_efficiency is None else charge_efficiency,
                     "charge_efficiency", lo=0, hi=1, lo_open=True)
    e_spec = si(chem.specific_energy if specific_energy is None else specific_energy, "W*h/kg",
                "specific_energy", lo=0, lo_open=True)
    per = None if period is None else si(period, "h", "period", lo=0, lo_open=True)

    n_cyc = None
    if cycles is not None:
        n_cyc = fraction(cycles, "cycles", lo=0, hi=None)
    elif depth_of_discharge is None:
        if lifetime is None or per is None:
            raise ValueError("depth_of_discharge: not given; pass depth_of_discharge=..., cycles=..., or "
                             "lifetime=... and period=... to choose it from the cycle-life table")
        n_cyc = si(lifetime, "h", "lifetime", lo=0) / per
    if depth_of_discharge is None:
        dod = _dod_from_cycles(n_cyc, chem.dod_table)
    else:
        dod = fraction(depth_of_discharge, "depth_of_discharge", lo=0, hi=1, lo_open=True)

    e_load = p_e * t_e
    capacity = e_load / (dod * n_bat * n)
    total = capacity * n_bat
    e_dis = e_load / n
    e_chg = e_dis / eta_c
    loss = e_chg - e_load
    capacity, total, e_load, e_dis, e_chg, loss, dod, e_spec, n_chk, per_b = broadcast(
        capacity, total, e_load, e_dis, e_chg, loss, dod, e_spec, 0.0 if n_cyc is None else n_cyc,
        1.0 if per is None else per)
    beyond = n_chk > chem.dod_table[-1][0]
    feasible = ~beyond
    why = Reasons.mask(feasible.shape, (
        beyond, f"cycle count beyond the {chem.name} cycle-life table ({chem.dod_table[-1][0]:g} cycles): "
                "battery life not covered by the data"))
    return BatteryResult(
        capacity=quantity(capacity, "W*h"), total_capacity=quantity(total, "W*h"),
        mass=quantity(total / e_spec, "kg"), depth_of_discharge=scalar_or_array(dod),
        cycles=None if n_cyc is None else scalar_or_array(n_chk),
        energy_delivered=quantity(e_load, "W*h"), discharge_energy=quantity(e_dis, "W*h"),
        charge_energy=quantity(e_chg, "W*h"), energy_loss=quantity(loss, "W*h"),
        average_heat=None if per is None else quantity(loss / per_b, "W"),
        feasible=scalar_or_array(feasible, bool), reasons=why)
