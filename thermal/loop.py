"""The heat path from chip junction to radiator through a pumped single-phase liquid loop.

Path: chip junction -> case (R_jc) -> cold plate (R_cp) -> coolant film (1 / (h A_w)) -> coolant, which the
pump carries to the radiator and back. The coolant warms by dT = Q / (m_dot cp) across the cold plates, so
the radiator inlet is the loop's hottest point and its outlet the coldest.

Hydraulics (Darcy-Weisbach; White, *Fluid Mechanics*, 7th ed., 2011, ch. 6):

    m_dot = Q / (cp dT),  V = m_dot / (rho pi D^2 / 4),  Re = rho V D / mu,
    dp_line = f (L / D) rho V^2 / 2,  dp = dp_line + dp_cold_plates + dp_radiator,  P_pump = dp V_dot / eta_pump,

with the Darcy friction factor f = 64 / Re for Re <= 2300 (Hagen-Poiseuille), Haaland's explicit fit of
Colebrook for Re >= 4000, 1/sqrt(f) = -1.8 log10[(e/D / 3.7)^1.11 + 6.9 / Re] (Haaland, J. Fluids Eng. 105,
1983; White eq. 6.49; within 2 % of Colebrook), and a linear blend in Re across 2300-4000 (the transition
has no unique friction factor; the blend is continuous and bounded by the two laws).

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

Junction limit: the hottest chip sits where its coolant is hottest, at the cold-plate outlet, which feeds the
radiator inlet (adiabatic lines). So

    T_j = T_rad,in + P_chip (R_jc + R_cp + 1 / (h A_w)),
    T_rad,in,max = T_j,max - P_chip (R_jc + R_cp + 1 / (h A_w)).

The pump's power ends up as heat in the coolant; add it to the heat load where it matters.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Result, reasons_where
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.thermal._constants import STEFAN_BOLTZMANN
from spacedc.thermal.coolants import Coolant, _check_liquid, _properties, coolant

__all__ = [
    "PipeFlow", "pipe_flow", "pump_power", "convection_coefficient",
    "FlowRadiatorResult", "radiator_along_flow",
    "LoopResult", "size_loop",
    "HeatPathResult", "junction_temperature", "max_radiator_temperature",
]

_RE_LAMINAR = 2300.0
_RE_TURBULENT = 4000.0
_RE_GNIELINSKI = 3000.0
_NU_LAMINAR = 4.36  # fully developed laminar flow in a tube, uniform heat flux (Incropera eq. 8.53)
#: Absolute roughness of drawn tubing, 0.0015 mm (White, Fluid Mechanics, Table 6.1): the default.
DRAWN_TUBING_ROUGHNESS = "1.5e-6 m"


# --- hydraulics ---------------------------------------------------------------------------------------------
def _friction_factor(re: np.ndarray, rel_rough: np.ndarray) -> np.ndarray:
    """Darcy friction factor: laminar 64/Re, Haaland above 4000, linear blend in Re between."""
    re = np.asarray(re, dtype=float)
    lam = 64.0 / np.maximum(re, 1e-300)

    def haaland(r: np.ndarray) -> np.ndarray:
        return (-1.8 * np.log10((rel_rough / 3.7) ** 1.11 + 6.9 / r)) ** -2

    turb = haaland(np.maximum(re, _RE_TURBULENT))
    w = np.clip((re - _RE_LAMINAR) / (_RE_TURBULENT - _RE_LAMINAR), 0.0, 1.0)
    blend = (1 - w) * (64.0 / _RE_LAMINAR) + w * haaland(_RE_TURBULENT)
    return np.where(re <= _RE_LAMINAR, lam, np.where(re >= _RE_TURBULENT, turb, blend))


def _regime(re: np.ndarray) -> np.ndarray:
    return np.where(re <= _RE_LAMINAR, "laminar", np.where(re >= _RE_TURBULENT, "turbulent", "transitional"))


def _pipe_kernel(m_dot, d, length, rho, mu, rough):
    area = np.pi * d**2 / 4
    v = m_dot / (rho * area)
    re = rho * v * d / mu
    f = _friction_factor(re, rough / d)
    dp = f * (length / d) * rho * v**2 / 2
    return v, re, f, dp


@dataclasses.dataclass(frozen=True)
class PipeFlow(Result):
    """Fully developed flow in a round pipe. Fields broadcast.

    Attributes
    ----------
    velocity : Quantity [m/s]
    reynolds : float or ndarray
    friction_factor : float or ndarray
        Darcy friction factor.
    regime : str or ndarray
        ``"laminar"``, ``"transitional"`` or ``"turbulent"``.
    pressure_drop : Quantity [Pa]
    volume_flow : Quantity [m^3/s]
    """

    velocity: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    reynolds: float | np.ndarray
    friction_factor: float | np.ndarray
    regime: str | np.ndarray
    pressure_drop: pint.Quantity = dataclasses.field(metadata={"unit": "Pa"})
    volume_flow: pint.Quantity = dataclasses.field(metadata={"unit": "m^3/s"})


@named_shapes
def pipe_flow(*, diameter: Any, length: Any, density: Any, viscosity: Any, mass_flow: Any = None,
              volume_flow: Any = None, roughness: Any = DRAWN_TUBING_ROUGHNESS) -> PipeFlow:
    """Velocity, Reynolds number, friction factor and pressure drop of liquid flow in a round pipe.

    Parameters
    ----------
    diameter : Quantity [m]
        Inner diameter, > 0.
    length : Quantity [m]
        Pipe length, >= 0.
    density : Quantity [kg/m^3]
    viscosity : Quantity [Pa s]
        Dynamic viscosity.
    mass_flow : Quantity [kg/s], optional
    volume_flow : Quantity [m^3/s], optional
        Give exactly one of ``mass_flow`` and ``volume_flow``; > 0.
    roughness : Quantity [m]
        Absolute wall roughness, >= 0 (default drawn tubing, 0.0015 mm, White Table 6.1).

    Returns
    -------
    PipeFlow

    Notes
    -----
    Darcy-Weisbach dp = f (L/D) rho V^2 / 2 with f = 64/Re (laminar), Haaland (turbulent), blended across
    2300 < Re < 4000 (module docstring; White, *Fluid Mechanics*, ch. 6).
    """
    d = si(diameter, "m", "diameter", lo=0, lo_open=True)
    length_m = si(length, "m", "length", lo=0)
    rho = si(density, "kg/m^3", "density", lo=0, lo_open=True)
    mu = si(viscosity, "Pa*s", "viscosity", lo=0, lo_open=True)
    rough = si(roughness, "m", "roughness", lo=0)
    if (mass_flow is None) == (volume_flow is None):
        raise ValueError("mass_flow / volume_flow: give exactly one")
    if mass_flow is not None:
        m_dot = si(mass_flow, "kg/s", "mass_flow", lo=0, lo_open=True)
    else:
        m_dot = rho * si(volume_flow, "m^3/s", "volume_flow", lo=0, lo_open=True)
    v, re, f, dp = _pipe_kernel(m_dot, d, length_m, rho, mu, rough)
    regime = _regime(re)
    return PipeFlow(velocity=quantity(v, "m/s"), reynolds=scalar_or_array(re), friction_factor=scalar_or_array(f),
                    regime=str(regime) if regime.ndim == 0 else regime, pressure_drop=quantity(dp, "Pa"),
                    volume_flow=quantity(m_dot / rho, "m^3/s"))


@named_shapes
def pump_power(*, pressure_drop: Any, volume_flow: Any, efficiency: Any) -> pint.Quantity:
    """Electrical power of a pump: P = dp V_dot / eta (eta: overall pump and motor efficiency, in (0, 1]).

    Examples
    --------
    >>> round(pump_power(pressure_drop="100 kPa", volume_flow="9 L/s", efficiency=1.0).m_as("W"))
    900
    """
    dp = si(pressure_drop, "Pa", "pressure_drop", lo=0)
    vdot = si(volume_flow, "m^3/s", "volume_flow", lo=0)
    eta = fraction(efficiency, "efficiency", lo_open=True)
    return quantity(dp * vdot / eta, "W")


def _nusselt(re: np.ndarray, pr: np.ndarray) -> np.ndarray:
    """Nu for fully developed tube flow: 4.36 laminar, Gnielinski from Re 3000, linear blend between."""
    def gnielinski(r: np.ndarray) -> np.ndarray:
        f = (0.790 * np.log(r) - 1.64) ** -2  # Petukhov, smooth tube (Incropera eq. 8.21)
        return (f / 8) * (r - 1000) * pr / (1 + 12.7 * np.sqrt(f / 8) * (pr ** (2 / 3) - 1))

    turb = gnielinski(np.maximum(re, _RE_GNIELINSKI))
    w = np.clip((re - _RE_LAMINAR) / (_RE_GNIELINSKI - _RE_LAMINAR), 0.0, 1.0)
    blend = (1 - w) * _NU_LAMINAR + w * gnielinski(_RE_GNIELINSKI)
    return np.where(re <= _RE_LAMINAR, _NU_LAMINAR, np.where(re >= _RE_GNIELINSKI, turb, blend))


@named_shapes
def convection_coefficient(*, coolant: str | Coolant, temperature: Any, mass_flow: Any,
                           hydraulic_diameter: Any) -> pint.Quantity:
    """Film coefficient h of a coolant in a round cold-plate channel, fully developed flow.

    Parameters
    ----------
    coolant : str or Coolant
        A key of :data:`thermal.COOLANTS`.
    temperature : Quantity [K]
        Bulk temperature (within the coolant's liquid range).
    mass_flow : Quantity [kg/s]
        Flow through the channel, > 0.
    hydraulic_diameter : Quantity [m]
        Channel diameter, > 0.

    Returns
    -------
    Quantity [W/(m^2 K)]
        h = Nu k / D with Nu = 4.36 for Re <= 2300 (laminar, uniform heat flux; Incropera et al.,
        *Fundamentals of Heat and Mass Transfer*, 6th ed., eq. 8.53), the Gnielinski correlation for
        Re >= 3000 (eq. 8.62, valid 0.5 <= Pr <= 2000, Re <= 5e6, with Petukhov's smooth-tube f, eq. 8.21),
        and a linear blend in Re between. Entrance effects (which raise h) are neglected: conservative.
    """
    c = _coolant_arg(coolant)
    t = si(temperature, "K", "temperature", lo=0, lo_open=True)
    _check_liquid(c, t, "temperature", temperature)
    m_dot = si(mass_flow, "kg/s", "mass_flow", lo=0, lo_open=True)
    d = si(hydraulic_diameter, "m", "hydraulic_diameter", lo=0, lo_open=True)
    p = _properties(c, t)
    re = 4 * m_dot / (np.pi * d * p["viscosity"])
    pr = p["specific_heat"] * p["viscosity"] / p["conductivity"]
    return quantity(_nusselt(re, pr) * p["conductivity"] / d, "W/m^2/K")


def _coolant_arg(name: Any) -> Coolant:
    if not isinstance(name, (str, Coolant)):
        raise TypeError(f"coolant = {name!r}: expected a coolant name such as 'ammonia'")
    return coolant(name)


# --- radiator along the flow --------------------------------------------------------------------------------
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
    reason = reasons_where(~ok, _COLD_OUTLET)
    shape = area.shape
    return FlowRadiatorResult(
        area=quantity(area, "m^2"), equivalent_temperature=quantity(t_eq, "K"),
        inlet_temperature=quantity(np.broadcast_to(t_in, shape), "K"),
        outlet_temperature=quantity(np.broadcast_to(t_out, shape), "K"),
        sink_temperature=quantity(np.broadcast_to(ts, shape), "K"),
        feasible=bool(ok) if ok.ndim == 0 else ok.copy(), reasons=str(reason) if reason.ndim == 0 else reason)


# --- the loop -----------------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class LoopResult(Result):
    """A pumped single-phase loop and its radiator. Fields broadcast over the inputs.

    Attributes
    ----------
    coolant : str
    mass_flow : Quantity [kg/s]
    volume_flow : Quantity [m^3/s]
    velocity : Quantity [m/s]
        In the transport line.
    reynolds, friction_factor : float or ndarray
        Of the transport line.
    line_pressure_drop, pressure_drop : Quantity [Pa]
        Line alone, and the loop total (line + cold plates + radiator).
    pump_power : Quantity [W]
        Electrical power, dp V_dot / eta_pump.
    radiator_inlet_temperature, radiator_outlet_temperature : Quantity [K]
    radiator_area : Quantity [m^2]
        Planform area from the along-flow integral (``inf`` where infeasible).
    equivalent_temperature : Quantity [K]
        Isothermal-equivalent radiating temperature.
    minimum_pressure : Quantity [Pa]
        Saturation pressure at the radiator inlet: the loop must be held above it.
    feasible : bool or ndarray
    reasons : str or ndarray
    """

    coolant: str
    mass_flow: pint.Quantity = dataclasses.field(metadata={"unit": "kg/s"})
    volume_flow: pint.Quantity = dataclasses.field(metadata={"unit": "m^3/s"})
    velocity: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    reynolds: float | np.ndarray
    friction_factor: float | np.ndarray
    line_pressure_drop: pint.Quantity = dataclasses.field(metadata={"unit": "Pa"})
    pressure_drop: pint.Quantity = dataclasses.field(metadata={"unit": "Pa"})
    pump_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    radiator_inlet_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    radiator_outlet_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    equivalent_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    minimum_pressure: pint.Quantity = dataclasses.field(metadata={"unit": "Pa"})
    feasible: bool | np.ndarray
    reasons: str | np.ndarray


@named_shapes
def size_loop(*, heat_load: Any, coolant: str | Coolant, radiator_inlet_temperature: Any, temperature_rise: Any,
              line_length: Any, line_diameter: Any, pump_efficiency: Any, emissivity: Any,
              roughness: Any = DRAWN_TUBING_ROUGHNESS, cold_plate_pressure_drop: Any = "0 Pa",
              radiator_pressure_drop: Any = "0 Pa", sink_temperature: Any = "3 K", fin_efficiency: Any = 1.0,
              sides: Any = 2, loop_pressure: Any = None) -> LoopResult:
    """Size a pumped single-phase loop: flow, pressure drop, pump power, radiator area and temperatures.

    Parameters
    ----------
    heat_load : Quantity [W]
        Heat the loop collects and the radiator rejects, > 0.
    coolant : str or Coolant
        A key of :data:`thermal.COOLANTS`.
    radiator_inlet_temperature : Quantity [K]
        Hottest coolant temperature (cold-plate outlet = radiator inlet), within the liquid range.
    temperature_rise : Quantity [K]
        Coolant temperature rise across the cold plates = drop across the radiator, > 0.
    line_length : Quantity [m]
        Total length of transport line (supply and return), >= 0.
    line_diameter : Quantity [m]
        Inner diameter of the line, > 0.
    pump_efficiency : float
        Overall pump and motor efficiency, in (0, 1].
    emissivity : float
        Radiator emissivity, in (0, 1].
    roughness : Quantity [m]
        Line roughness (default drawn tubing 0.0015 mm).
    cold_plate_pressure_drop, radiator_pressure_drop : Quantity [Pa]
        Losses of the cold plates and of the radiator passages at this flow (from their data), >= 0.
    sink_temperature : Quantity [K]
        Radiator sink temperature (:func:`thermal.environment_loads`), >= 0.
    fin_efficiency : float
        Radiator panel efficiency, in (0, 1].
    sides : {1, 2}
        Radiating faces.
    loop_pressure : Quantity [Pa], optional
        If given, the radiator inlet must be below the coolant's saturation temperature at this pressure.

    Returns
    -------
    LoopResult
        Properties are taken at the mean loop temperature. Infeasible where the radiator outlet is at or below
        the sink temperature.

    Notes
    -----
    m_dot = Q / (cp dT); Darcy-Weisbach with 64/Re or Haaland; P = dp V_dot / eta (module docstring; White,
    *Fluid Mechanics*, ch. 6); radiator area by the along-flow integral of :func:`radiator_along_flow`.

    Raises
    ------
    ValueError
        Naming ``radiator_inlet_temperature`` or ``temperature_rise`` where the inlet or the outlet
        (inlet - rise) leaves the coolant's liquid range.
    """
    c = _coolant_arg(coolant)
    q = si(heat_load, "W", "heat_load", lo=0, lo_open=True)
    t_in = si(radiator_inlet_temperature, "K", "radiator_inlet_temperature", lo=0, lo_open=True)
    rise = si(temperature_rise, "K", "temperature_rise", lo=0, lo_open=True)
    length = si(line_length, "m", "line_length", lo=0)
    d = si(line_diameter, "m", "line_diameter", lo=0, lo_open=True)
    eta_pump = fraction(pump_efficiency, "pump_efficiency", lo_open=True)
    rough = si(roughness, "m", "roughness", lo=0)
    dp_cp = si(cold_plate_pressure_drop, "Pa", "cold_plate_pressure_drop", lo=0)
    dp_rad = si(radiator_pressure_drop, "Pa", "radiator_pressure_drop", lo=0)
    k, ts = _radiator_inputs(emissivity, fin_efficiency, sides, sink_temperature)
    _check_liquid(c, t_in, "radiator_inlet_temperature", radiator_inlet_temperature, loop_pressure)
    t_out = t_in - rise
    _check_liquid(c, t_out, "temperature_rise", f"{temperature_rise} (outlet radiator_inlet_temperature - "
                                                f"temperature_rise)", loop_pressure)

    props = _properties(c, 0.5 * (t_in + t_out))
    rho, mu, cp = props["density"], props["viscosity"], props["specific_heat"]
    m_dot = q / (cp * rise)
    v, re, f, dp_line = _pipe_kernel(m_dot, d, length, rho, mu, rough)
    dp = dp_line + dp_cp + dp_rad
    vdot = m_dot / rho
    area, t_eq, ok = _flow_radiator_kernel(q, t_in, t_out, ts, k)
    shape = np.broadcast_shapes(area.shape, np.shape(dp), np.shape(eta_pump))
    ok = np.broadcast_to(ok, shape)
    reason = reasons_where(~ok, _COLD_OUTLET)
    p_sat = _properties(c, t_in)["saturation_pressure"]

    def b(x: Any, unit: str) -> pint.Quantity:
        return quantity(np.broadcast_to(x, shape), unit)

    return LoopResult(
        coolant=c.name, mass_flow=b(m_dot, "kg/s"), volume_flow=b(vdot, "m^3/s"), velocity=b(v, "m/s"),
        reynolds=scalar_or_array(np.broadcast_to(re, shape)),
        friction_factor=scalar_or_array(np.broadcast_to(f, shape)),
        line_pressure_drop=b(dp_line, "Pa"), pressure_drop=b(dp, "Pa"), pump_power=b(dp * vdot / eta_pump, "W"),
        radiator_inlet_temperature=b(t_in, "K"), radiator_outlet_temperature=b(t_out, "K"),
        radiator_area=b(area, "m^2"), equivalent_temperature=b(t_eq, "K"), minimum_pressure=b(p_sat, "Pa"),
        feasible=bool(ok) if ok.ndim == 0 else ok.copy(), reasons=str(reason) if reason.ndim == 0 else reason)


# --- junction to coolant ------------------------------------------------------------------------------------
def _path_inputs(chip_power, junction_to_case, cold_plate_resistance, film_coefficient, wetted_area):
    p = si(chip_power, "W", "chip_power", lo=0)
    r_jc = si(junction_to_case, "K/W", "junction_to_case", lo=0)
    r_cp = si(cold_plate_resistance, "K/W", "cold_plate_resistance", lo=0)
    if (film_coefficient is None) != (wetted_area is None):
        raise ValueError("film_coefficient / wetted_area: give both (the film resistance is 1 / (h A_w)) or "
                         "neither (film included in cold_plate_resistance)")
    if film_coefficient is None:
        r_film = np.zeros(())
    else:
        h = si(film_coefficient, "W/m^2/K", "film_coefficient", lo=0, lo_open=True)
        a_w = si(wetted_area, "m^2", "wetted_area", lo=0, lo_open=True)
        r_film = 1.0 / (h * a_w)
    return p * r_jc, p * r_cp, p * r_film


@dataclasses.dataclass(frozen=True)
class HeatPathResult(Result):
    """The hottest radiator inlet a chip's junction limit allows. Fields broadcast.

    Attributes
    ----------
    radiator_inlet_temperature : Quantity [K]
        Highest allowed coolant temperature at the cold-plate outlet = radiator inlet (0 K where the path
        alone exceeds the junction limit).
    junction_temperature : Quantity [K]
        The junction limit.
    junction_to_case_drop, cold_plate_drop, film_drop, temperature_drop : Quantity [K]
        P R_jc, P R_cp, P / (h A_w) and their sum.
    feasible : bool or ndarray
        False where the allowed inlet is at or below the sink temperature.
    reasons : str or ndarray
    """

    radiator_inlet_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    junction_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    junction_to_case_drop: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    cold_plate_drop: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    film_drop: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    temperature_drop: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    feasible: bool | np.ndarray
    reasons: str | np.ndarray


@named_shapes
def max_radiator_temperature(*, junction_temperature_max: Any, chip_power: Any, junction_to_case: Any,
                             cold_plate_resistance: Any, film_coefficient: Any = None, wetted_area: Any = None,
                             sink_temperature: Any = "3 K") -> HeatPathResult:
    """The hottest radiator inlet temperature that keeps every chip junction at or below its limit.

    Parameters
    ----------
    junction_temperature_max : Quantity [K]
        Junction limit (datacenter GPUs: about 85-105 C).
    chip_power : Quantity [W]
        Heat of one chip, >= 0.
    junction_to_case : Quantity [K/W]
        R_jc of the chip package, >= 0.
    cold_plate_resistance : Quantity [K/W]
        Case to cold-plate wall per chip (interface material and plate conduction), >= 0.
    film_coefficient : Quantity [W/(m^2 K)], optional
        Coolant-side film coefficient (:func:`convection_coefficient`); with ``wetted_area``.
    wetted_area : Quantity [m^2], optional
        Wetted channel area under one chip.
    sink_temperature : Quantity [K]
        Radiator sink; the result is infeasible where the allowed inlet is not above it.

    Returns
    -------
    HeatPathResult
        T_rad,in,max = T_j,max - P (R_jc + R_cp + 1/(h A_w)): the hottest chip sits at the cold-plate
        outlet, where its coolant is at the radiator inlet temperature (module docstring).
    """
    t_j = si(junction_temperature_max, "K", "junction_temperature_max", lo=0, lo_open=True)
    jc, cp, film = _path_inputs(chip_power, junction_to_case, cold_plate_resistance, film_coefficient, wetted_area)
    ts = si(sink_temperature, "K", "sink_temperature", lo=0)
    drop = jc + cp + film
    t_in = t_j - drop
    shape = np.broadcast_shapes(np.shape(t_in), np.shape(ts))
    ok = np.broadcast_to(t_in > ts, shape)
    reason = reasons_where(~ok, "the junction limit leaves no radiator temperature above the sink: the chip's "
                                "path from junction to coolant drops more than the limit allows")
    b = lambda x: quantity(np.broadcast_to(x, shape), "K")  # noqa: E731
    return HeatPathResult(radiator_inlet_temperature=b(np.maximum(t_in, 0.0)), junction_temperature=b(t_j),
                          junction_to_case_drop=b(jc), cold_plate_drop=b(cp), film_drop=b(film),
                          temperature_drop=b(drop), feasible=bool(ok) if ok.ndim == 0 else ok.copy(),
                          reasons=str(reason) if reason.ndim == 0 else reason)


@named_shapes
def junction_temperature(*, radiator_inlet_temperature: Any, chip_power: Any, junction_to_case: Any,
                         cold_plate_resistance: Any, film_coefficient: Any = None,
                         wetted_area: Any = None) -> pint.Quantity:
    """Junction temperature of the hottest chip: T_j = T_rad,in + P (R_jc + R_cp + 1/(h A_w)).

    Parameters as :func:`max_radiator_temperature`, with the radiator inlet (= hottest coolant) temperature
    [K] in place of the junction limit. Broadcasts.
    """
    t_in = si(radiator_inlet_temperature, "K", "radiator_inlet_temperature", lo=0, lo_open=True)
    jc, cp, film = _path_inputs(chip_power, junction_to_case, cold_plate_resistance, film_coefficient, wetted_area)
    return quantity(t_in + jc + cp + film, "K")
