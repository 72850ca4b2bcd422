"""Heat pumps that lift waste heat from the loop to a hotter, smaller radiator, and the mass trade they make.

A heat pump takes Q_c from the loop at T_c and rejects Q_h = Q_c + W at T_h > T_c. Its cooling coefficient of
performance is a fraction f of the reversed-Carnot value:

    COP = f * T_c / (T_h - T_c),    W = Q_c / COP,    Q_h = Q_c + W

(Carnot refrigerator: Cengel & Boles, *Thermodynamics: An Engineering Approach*, ch. 6, "The reversed Carnot
cycle"; constant fraction of Carnot as the spacecraft heat-pump model of Edwards & Richards, "Optimum heat
rejection temperatures for spacecraft heat pumps", AIAA, doi:10.2514/3.55609). Vapour-compression machines
reach f of about 0.3-0.5: Bennett & Lim (Energies 16(10), 4010, 2023) take a "typical" VCC heat pump at
COP 2.4 for a lift near 60 K, which at a 20-25 C source is about half of the Carnot COP of 4.9-5.0.

The radiator then rejects Q_h at T_h, needing A = Q_h / (sides eta eps sigma (T_h^4 - T_s^4)) of planform;
the compressor's power W comes from the solar array, whose mass grows by W / (specific power), and the
compressor itself may weigh b W. Raising T_h shrinks the radiator as T_h^-4 while W grows about linearly in
the lift, so the total mass has an optimum above T_c when heat pumping pays at all: it pays at the first
kelvin of lift when dM/dT_h < 0 at T_h = T_c (work-actuated heat pumps, L'Garde, "Heat pumps for spacecraft
waste heat rejection", lgarde.com/papers/heatpump.htm: "a proper choice of the temperature boost ... leads to
an optimum in radiator area and system mass savings").
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.thermal._constants import STEFAN_BOLTZMANN

__all__ = ["HeatPumpResult", "heat_pump", "HeatPumpTrade", "heat_pump_trade"]

_BELOW_LOOP = "radiator (hot-side) temperature is below the loop (cold-side) temperature: no lift to pump"


def _cycle(q_c: np.ndarray, t_c: np.ndarray, t_h: np.ndarray, f: np.ndarray):
    """COP (inf at zero lift), Carnot COP, work and heat rejected; no lift below T_c (W = 0 there)."""
    lift = t_h - t_c
    with np.errstate(divide="ignore"):
        carnot = np.where(lift > 0, t_c / np.where(lift > 0, lift, 1.0), np.inf)
    cop = f * carnot
    work = np.where(lift > 0, q_c * np.maximum(lift, 0.0) / (f * t_c), 0.0)  # Q_c / COP without 1/inf
    return cop, carnot, work, q_c + work, lift >= 0


@dataclasses.dataclass(frozen=True)
class HeatPumpResult(Result):
    """A heat pump's cycle. Fields broadcast.

    Attributes
    ----------
    cop : float or ndarray
        Cooling COP, Q_c / W (``inf`` at zero lift).
    carnot_cop : float or ndarray
        T_c / (T_h - T_c).
    compressor_power : Quantity [W]
        W = Q_c / COP.
    heat_rejected : Quantity [W]
        Q_h = Q_c + W.
    feasible : bool or ndarray
        False where T_h < T_c.
    reasons : str or ndarray
    """

    cop: float | np.ndarray
    carnot_cop: float | np.ndarray
    compressor_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    heat_rejected: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    feasible: bool | np.ndarray
    reasons: str | np.ndarray


def _pump_inputs(heat_load, cold_temperature, hot_temperature, carnot_fraction, hot_name):
    q_c = si(heat_load, "W", "heat_load", lo=0)
    t_c = si(cold_temperature, "K", "cold_temperature", lo=0, lo_open=True)
    t_h = si(hot_temperature, "K", hot_name, lo=0, lo_open=True)
    f = fraction(carnot_fraction, "carnot_fraction", lo_open=True)
    return q_c, t_c, t_h, f


@named_shapes
def heat_pump(*, heat_load: Any, cold_temperature: Any, hot_temperature: Any, carnot_fraction: Any
              ) -> HeatPumpResult:
    """Work and rejected heat of a heat pump lifting ``heat_load`` from T_c to T_h.

    Parameters
    ----------
    heat_load : Quantity [W]
        Q_c taken from the loop, >= 0.
    cold_temperature : Quantity [K]
        T_c, the loop (evaporator) temperature, > 0.
    hot_temperature : Quantity [K]
        T_h, the radiator (condenser) temperature, > 0.
    carnot_fraction : float
        f in (0, 1]: the machine's COP over the Carnot COP (vapour compression about 0.3-0.5, module
        docstring).

    Returns
    -------
    HeatPumpResult
        COP = f T_c / (T_h - T_c), W = Q_c / COP, Q_h = Q_c + W. Infeasible (W = 0) where T_h < T_c.

    Examples
    --------
    Lifting 1 kW from 300 K to 350 K at half of Carnot: COP = 0.5 * 300 / 50 = 3, W = 333.3 W.

    >>> r = heat_pump(heat_load="1 kW", cold_temperature="300 K", hot_temperature="350 K", carnot_fraction=0.5)
    >>> r.cop, round(r.compressor_power.m_as("W"), 1), round(r.heat_rejected.m_as("W"), 1)
    (3.0, 333.3, 1333.3)
    """
    q_c, t_c, t_h, f = _pump_inputs(heat_load, cold_temperature, hot_temperature, carnot_fraction,
                                    "hot_temperature")
    cop, carnot, work, q_h, ok = _cycle(q_c, t_c, t_h, f)
    shape = np.broadcast_shapes(np.shape(work), np.shape(cop))
    ok = np.broadcast_to(ok, shape)
    reason = Reasons.mask(shape, (~ok, _BELOW_LOOP))
    return HeatPumpResult(cop=scalar_or_array(np.broadcast_to(cop, shape)),
                          carnot_cop=scalar_or_array(np.broadcast_to(carnot, shape)),
                          compressor_power=quantity(np.broadcast_to(work, shape), "W"),
                          heat_rejected=quantity(np.broadcast_to(q_h, shape), "W"),
                          feasible=scalar_or_array(ok, bool), reasons=reason)


@dataclasses.dataclass(frozen=True)
class HeatPumpTrade(Result):
    """Radiator mass saved against array (and compressor) mass added, per radiator temperature. Broadcasts.

    Attributes
    ----------
    radiator_temperature : Quantity [K]
    cop : float or ndarray
    compressor_power : Quantity [W]
    heat_rejected : Quantity [W]
    radiator_area, baseline_radiator_area : Quantity [m^2]
        With the heat pump at T_h, and without it (radiator at the loop temperature).
    radiator_mass, baseline_radiator_mass : Quantity [kg]
    array_mass : Quantity [kg]
        compressor_power / array specific power.
    compressor_mass : Quantity [kg]
        compressor_power * compressor specific mass.
    total_mass : Quantity [kg]
        radiator + array + compressor.
    mass_saved : Quantity [kg]
        baseline_radiator_mass - total_mass (> 0: the heat pump pays); ``-inf`` where the heat-pumped radiator
        cannot reject heat, ``+inf`` where only the heat pump can.
    feasible : bool or ndarray
    reasons : str or ndarray
    """

    radiator_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    cop: float | np.ndarray
    compressor_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    heat_rejected: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    baseline_radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    radiator_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    baseline_radiator_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    array_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    compressor_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    total_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    mass_saved: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    feasible: bool | np.ndarray
    reasons: str | np.ndarray


@named_shapes
def heat_pump_trade(*, heat_load: Any, loop_temperature: Any, radiator_temperature: Any, carnot_fraction: Any,
                    emissivity: Any, radiator_areal_density: Any, array_specific_power: Any,
                    sink_temperature: Any = "3 K", fin_efficiency: Any = 1.0, sides: Any = 2,
                    compressor_specific_mass: Any = "0 kg/W") -> HeatPumpTrade:
    """Radiator area, compressor power and system mass versus the radiator temperature a heat pump lifts to.

    Parameters
    ----------
    heat_load : Quantity [W]
        Q_c collected by the loop at ``loop_temperature``, >= 0.
    loop_temperature : Quantity [K]
        T_c; also the temperature of the baseline radiator without a heat pump.
    radiator_temperature : Quantity [K]
        T_h; sweep it (an array) to find where the heat pump saves mass.
    carnot_fraction : float
        f in (0, 1] (:func:`heat_pump`).
    emissivity : float
        Radiator emissivity, in (0, 1].
    radiator_areal_density : Quantity [kg/m^2]
        Radiator mass per planform area, > 0 (:func:`thermal.size_panels` gives it as built).
    array_specific_power : Quantity [W/kg]
        Solar-array power per mass charged for the compressor, > 0 (flexible blankets about 150 W/kg,
        NASA NTRS 20150006022).
    sink_temperature : Quantity [K]
        Radiator sink temperature, >= 0.
    fin_efficiency : float
        In (0, 1].
    sides : {1, 2}
    compressor_specific_mass : Quantity [kg/W]
        Compressor mass per watt of input power, >= 0 (default 0: array mass only).

    Returns
    -------
    HeatPumpTrade
        A = Q_h / (sides eta eps sigma (T_h^4 - T_s^4)) at T_h and Q_c / (... (T_c^4 - T_s^4)) without the
        pump; array mass W / specific power; mass saved = baseline radiator - (radiator + array + compressor).
        Infeasible where T_h < T_c or T_h is at or below the sink.
    """
    q_c, t_c, t_h, f = _pump_inputs(heat_load, loop_temperature, radiator_temperature, carnot_fraction,
                                    "radiator_temperature")
    eps = fraction(emissivity, "emissivity", lo_open=True)
    eta = fraction(fin_efficiency, "fin_efficiency", lo_open=True)
    if isinstance(sides, bool) or not np.all(np.isin(np.asarray(sides), (1, 2))):
        raise ValueError(f"sides = {sides!r}: a panel radiates from 1 or 2 faces")
    rho_a = si(radiator_areal_density, "kg/m^2", "radiator_areal_density", lo=0, lo_open=True)
    sp = si(array_specific_power, "W/kg", "array_specific_power", lo=0, lo_open=True)
    ts = si(sink_temperature, "K", "sink_temperature", lo=0)
    b_c = si(compressor_specific_mass, "kg/W", "compressor_specific_mass", lo=0)

    cop, _, work, q_h, lift_ok = _cycle(q_c, t_c, t_h, f)
    k = np.asarray(sides, dtype=float) * eta * eps * STEFAN_BOLTZMANN
    hot_ok = t_h > ts
    base_ok = t_c > ts
    with np.errstate(divide="ignore"):
        area = np.where(hot_ok, q_h / (k * np.where(hot_ok, t_h**4 - ts**4, 1.0)), np.inf)
        base_area = np.where(base_ok, q_c / (k * np.where(base_ok, t_c**4 - ts**4, 1.0)), np.inf)
    array_mass = work / sp
    comp_mass = work * b_c
    total = area * rho_a + array_mass + comp_mass
    base_mass = base_area * rho_a
    saved = np.where(np.isfinite(total), base_mass - np.where(np.isfinite(total), total, 0.0), -np.inf)
    shape = np.broadcast_shapes(*(np.shape(x) for x in (total, saved, cop, t_h)))
    ok = np.broadcast_to(lift_ok & hot_ok, shape)
    reason = Reasons.mask(shape, (~lift_ok, _BELOW_LOOP),
                          (~hot_ok, "radiator temperature is at or below the sink temperature"))

    def b(x: Any, unit: str) -> pint.Quantity:
        return quantity(np.broadcast_to(x, shape), unit)

    return HeatPumpTrade(
        radiator_temperature=b(t_h, "K"), cop=scalar_or_array(np.broadcast_to(cop, shape)),
        compressor_power=b(work, "W"), heat_rejected=b(q_h, "W"), radiator_area=b(area, "m^2"),
        baseline_radiator_area=b(base_area, "m^2"), radiator_mass=b(area * rho_a, "kg"),
        baseline_radiator_mass=b(base_mass, "kg"), array_mass=b(array_mass, "kg"),
        compressor_mass=b(comp_mass, "kg"), total_mass=b(total, "kg"), mass_saved=b(saved, "kg"),
        feasible=scalar_or_array(ok, bool), reasons=reason)
