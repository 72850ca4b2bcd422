"""The radiator along the flow: a pumped-loop radiator whose fluid cools as it radiates.

Radiator along the flow: a radiator of width w fed at one end cools the fluid along its length x by
radiation from ``sides`` faces with fin efficiency eta to the sink temperature T_s:

    m_dot cp dT/dx = -w eta sides eps sigma (T^4 - T_s^4).

With dA = w dx it separates, and the planform area that cools the fluid from T_in to T_out is

    A = m_dot cp / (sides eta eps sigma) * [F(T_in) - F(T_out)],  F(T) = integral dT / (T^4 - T_s^4)
      = (atan(T_s/T) - atanh(T_s/T)) / (2 T_s^3)  =  -sum_k T_s^(4k) / ((4k + 3) T^(4k+3)),

the closed form from partial fractions, 1/(T^4 - a^4) = (1/(2a^2)) [1/(T^2 - a^2) - 1/(T^2 + a^2)] (the series
is used for T_s/T < 0.1, where the closed form loses digits; both vanish as T -> infinity). The same
integral is Karam, *Satellite Thermal Control for Systems Engineers* (AIAA, 1998), ch. 7, and Gilmore,
*Spacecraft Thermal Control Handbook* Vol. 1 (2nd ed., 2002), ch. 6, "Radiators" (pumped-loop radiator
with the fluid temperature falling along the tube). The equivalent uniform temperature of the radiator is the
one an isothermal panel of the same area would need: sides eta eps sigma A (T_eq^4 - T_s^4) = Q.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.thermal._constants import STEFAN_BOLTZMANN

__all__ = ["FlowRadiatorResult", "radiator_along_flow"]

_SERIES_RATIO = 0.1  # below this T_s/T the antiderivative is summed as a series (5 terms: error < 1e-20)


def _antiderivative(t: np.ndarray, a: np.ndarray) -> np.ndarray:
    """F(T) = integral dT / (T^4 - a^4), for T > a >= 0, with F -> 0 as T -> infinity."""
    t, a = np.broadcast_arrays(np.asarray(t, dtype=float), np.asarray(a, dtype=float))
    r = a / t
    r4 = r**4
    series = -(1 + r4 * (3 / 7 + r4 * (3 / 11 + r4 * (3 / 15 + r4 * 3 / 19)))) / (3 * t**3)
    rc = np.clip(r, _SERIES_RATIO, 1 - 1e-15)
    a_safe = np.where(r >= _SERIES_RATIO, a, t * _SERIES_RATIO)
    closed = (np.arctan(rc) - np.arctanh(rc)) / (2 * a_safe**3)
    return np.where(r < _SERIES_RATIO, series, closed)


def _flow_radiator_kernel(q, t_in, t_out, ts, k):
    """Area [m^2], equivalent temperature [K] and feasibility; k = sides eta eps sigma [W/m^2/K^4].

    The area per watt rejected depends only on the temperatures, so T_eq is defined even for a zero load.
    """
    shape = np.broadcast_shapes(*(np.shape(x) for x in (q, t_in, t_out, ts, k)))
    ok = np.broadcast_to(t_out > ts, shape)
    t_in_s, t_out_s = np.where(ok, t_in, ts + 1.0), np.where(ok, t_out, ts + 1.0)
    dt = t_in_s - t_out_s
    small = dt <= 1e-6 * t_in_s
    t_mid = 0.5 * (t_in_s + t_out_s)
    integral = (_antiderivative(t_in_s, ts) - _antiderivative(t_out_s, ts)) / np.where(small, 1.0, dt) / k
    per_watt = np.where(small, 1.0 / (k * (t_mid**4 - ts**4)), integral)
    area = np.where(ok, q * per_watt, np.inf)
    t_eq = np.where(ok, (1.0 / (k * per_watt) + ts**4) ** 0.25, ts)
    return np.broadcast_to(area, shape), np.broadcast_to(t_eq, shape), ok


@dataclasses.dataclass(frozen=True)
class FlowRadiatorResult(Result):
    """A radiator cooling a liquid from inlet to outlet temperature. Fields broadcast.

    Attributes
    ----------
    area : Quantity [m^2]
        Planform area, ``inf`` where infeasible.
    equivalent_temperature : Quantity [K]
        Uniform temperature of an isothermal panel of the same area rejecting the same heat.
    inlet_temperature, outlet_temperature, sink_temperature : Quantity [K]
    feasible : bool or ndarray
    reasons : str or ndarray
    """

    area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    equivalent_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    inlet_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    outlet_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    sink_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    feasible: bool | np.ndarray
    reasons: str | np.ndarray


_COLD_OUTLET = ("radiator outlet temperature is at or below the sink temperature; the fluid cannot cool that far "
                "(raise the outlet temperature or lower the environment loads)")


def _radiator_inputs(emissivity: Any, fin_efficiency: Any, sides: Any, sink_temperature: Any):
    eps = fraction(emissivity, "emissivity", lo_open=True)
    eta = fraction(fin_efficiency, "fin_efficiency", lo_open=True)
    if isinstance(sides, bool) or not np.all(np.isin(np.asarray(sides), (1, 2))):
        raise ValueError(f"sides = {sides!r}: a panel radiates from 1 or 2 faces")
    ts = si(sink_temperature, "K", "sink_temperature", lo=0)
    return np.asarray(sides, dtype=float) * eta * eps * STEFAN_BOLTZMANN, ts


@named_shapes
def radiator_along_flow(*, heat_load: Any, inlet_temperature: Any, outlet_temperature: Any, emissivity: Any,
                        sink_temperature: Any = "3 K", fin_efficiency: Any = 1.0, sides: Any = 2
                        ) -> FlowRadiatorResult:
    """Area of a pumped-loop radiator whose fluid cools from inlet to outlet, and its equivalent temperature.

    Parameters
    ----------
    heat_load : Quantity [W]
        Heat rejected, >= 0 (= m_dot cp (T_in - T_out)).
    inlet_temperature, outlet_temperature : Quantity [K]
        Fluid temperatures at the radiator's ends; T_out <= T_in (equal gives the isothermal panel).
    emissivity : float
        In (0, 1].
    sink_temperature : Quantity [K]
        Effective sink of the panel (``sink_temperature`` of :func:`thermal.environment_loads`), >= 0.
    fin_efficiency : float
        Panel (fin) efficiency, in (0, 1]; the panel surface is taken at the local fluid temperature times
        this efficiency, as in a radiator of parallel tubes fed from a common header.
    sides : {1, 2}
        Radiating faces.

    Returns
    -------
    FlowRadiatorResult
        Infeasible (area ``inf``) where the outlet is at or below the sink temperature.

    Notes
    -----
    A = m_dot cp / (sides eta eps sigma) [F(T_in) - F(T_out)], F the closed-form antiderivative of
    1 / (T^4 - T_s^4) (module docstring; Karam 1998 ch. 7; Gilmore Vol. 1 ch. 6). The fluid-to-wall film
    difference is neglected (the tube wall is at the bulk temperature).

    Examples
    --------
    Cooling from 330 K to 300 K into a 0 K sink, eps = 0.9, two faces, 10 kW: the area lies between the
    isothermal areas at the two ends (8.26 m^2 at 330 K and 12.10 m^2 at 300 K).

    >>> r = radiator_along_flow(heat_load="10 kW", inlet_temperature="330 K", outlet_temperature="300 K",
    ...                         emissivity=0.9, sink_temperature="0 K")
    >>> round(r.area.m_as("m^2"), 2), round(r.equivalent_temperature.m_as("K"), 1)
    (10.03, 314.4)
    """
    q = si(heat_load, "W", "heat_load", lo=0)
    t_in = si(inlet_temperature, "K", "inlet_temperature", lo=0, lo_open=True)
    t_out = si(outlet_temperature, "K", "outlet_temperature", lo=0, lo_open=True)
    if np.any(t_out > t_in):
        raise ValueError(f"outlet_temperature = {outlet_temperature}: must not exceed inlet_temperature = "
                         f"{inlet_temperature} (the fluid cools through the radiator)")
    k, ts = _radiator_inputs(emissivity, fin_efficiency, sides, sink_temperature)
    area, t_eq, ok = _flow_radiator_kernel(q, t_in, t_out, ts, k)
    reason = Reasons.mask(np.shape(ok), (~ok, _COLD_OUTLET))
    shape = area.shape
    return FlowRadiatorResult(
        area=quantity(area, "m^2"), equivalent_temperature=quantity(t_eq, "K"),
        inlet_temperature=quantity(np.broadcast_to(t_in, shape), "K"),
        outlet_temperature=quantity(np.broadcast_to(t_out, shape), "K"),
        sink_temperature=quantity(np.broadcast_to(ts, shape), "K"),
        feasible=scalar_or_array(ok, bool), reasons=reason)
