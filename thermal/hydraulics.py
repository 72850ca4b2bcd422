"""Hydraulics and convection of a pumped single-phase coolant line: flow, friction, pressure drop, pump power
and the film coefficient.

Hydraulics (Darcy-Weisbach; White, *Fluid Mechanics*, 7th ed., 2011, ch. 6):

    m_dot = Q / (cp dT),  V = m_dot / (rho pi D^2 / 4),  Re = rho V D / mu,
    dp_line = f (L / D) rho V^2 / 2,  dp = dp_line + dp_cold_plates + dp_radiator,  P_pump = dp V_dot / eta_pump,

with the Darcy friction factor f = 64 / Re for Re <= 2300 (Hagen-Poiseuille), Haaland's explicit fit of
Colebrook for Re >= 4000, 1/sqrt(f) = -1.8 log10[(e/D / 3.7)^1.11 + 6.9 / Re] (Haaland, J. Fluids Eng. 105,
1983; White eq. 6.49; within 2 % of Colebrook), and a linear blend in Re across 2300-4000 (the transition
has no unique friction factor; the blend is continuous and bounded by the two laws).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.thermal.coolants import Coolant, _check_liquid, _properties, coolant

__all__ = ["DRAWN_TUBING_ROUGHNESS", "PipeFlow", "pipe_flow", "pump_power", "convection_coefficient"]

_RE_LAMINAR = 2300.0
_RE_TURBULENT = 4000.0
_RE_GNIELINSKI = 3000.0
_NU_LAMINAR = 4.36  # fully developed laminar flow in a tube, uniform heat flux (Incropera eq. 8.53)
#: Absolute roughness of drawn tubing, 0.0015 mm (White, Fluid Mechanics, Table 6.1): the default.
DRAWN_TUBING_ROUGHNESS = "1.5e-6 m"


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
                    regime=scalar_or_array(regime, str), pressure_drop=quantity(dp, "Pa"),
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
