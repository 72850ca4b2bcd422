"""A pumped single-phase loop and its radiator, sized together: :func:`size_loop`.

The heat path from chip junction to radiator through a pumped single-phase liquid loop.

Path: chip junction -> case (R_jc) -> cold plate (R_cp) -> coolant film (1 / (h A_w)) -> coolant, which the
pump carries to the radiator and back. The coolant warms by dT = Q / (m_dot cp) across the cold plates, so
the radiator inlet is the loop's hottest point and its outlet the coldest.

The loop combines the line's hydraulics (:mod:`spacedc.thermal.hydraulics`) with the radiator along the flow
(:mod:`spacedc.thermal.flow_radiator`); the chip's side of the path is :mod:`spacedc.thermal.heat_path`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.thermal.coolants import Coolant, _check_liquid, _properties
from spacedc.thermal.flow_radiator import _COLD_OUTLET, _flow_radiator_kernel, _radiator_inputs
from spacedc.thermal.hydraulics import DRAWN_TUBING_ROUGHNESS, _coolant_arg, _pipe_kernel

__all__ = ["LoopResult", "size_loop"]


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
    reason = Reasons.mask(shape, (~ok, _COLD_OUTLET))
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
        feasible=scalar_or_array(ok, bool), reasons=reason)
