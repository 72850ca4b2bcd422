"""Propellant from a delta-v budget: drag make-up over life, disposal to a low perigee, the rocket equation.

* :data:`EXPONENTIAL_ATMOSPHERE` and :func:`atmosphere_density` -- piecewise exponential density by altitude
  ([Vallado2013] Table 8-4), re-exported from :mod:`spacedc.orbit.atmosphere`, their one home. The NRLMSIS
  density with the solar cycle, lifetimes and disposal within a rule are in :mod:`spacedc.orbit.lifetime`.
* :func:`drag_makeup_delta_v` -- delta-v to hold a circular orbit against drag over a life (SMAD sec. 6.2.3).
* :func:`disposal_delta_v` -- one tangential burn from the circular orbit to a disposal perigee (half a Hohmann
  transfer).
* :func:`propellant_mass` -- Tsiolkovsky's rocket equation for the propellant a dry mass needs.
* :func:`delta_v_budget` -- the three together.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.orbit.atmosphere import EXPONENTIAL_ATMOSPHERE, _density, atmosphere_density
from spacedc.orbit.lifetime import _disposal_dv, _drag_dv
from spacedc.results import Result
from spacedc.units import fraction, named_shapes, quantity, si
from spacedc.structure._common import G0
from spacedc.units import broadcast

__all__ = ["EXPONENTIAL_ATMOSPHERE", "atmosphere_density", "drag_makeup_delta_v", "disposal_delta_v",
           "propellant_mass", "DeltaVBudget", "delta_v_budget"]

@named_shapes
def drag_makeup_delta_v(altitude: Any, lifetime: Any, *, mass: Any, drag_area: Any,
                        drag_coefficient: Any = 2.2) -> pint.Quantity:
    """Delta-v to hold a circular orbit against atmospheric drag over a life.

    .. math:: \\Delta v = \\frac{1}{2} \\rho v^2 \\frac{C_D A}{m} t, \\qquad v = \\sqrt{\\mu / (R_E + h)}

    Per revolution this is SMAD's :math:`\\Delta v_{rev} = \\pi (C_D A / m) \\rho a v` (Wertz & Larson, SMAD 3rd
    ed., ch. 6, orbit maintenance against drag): the drag deceleration times the time in orbit, at constant
    altitude.

    Parameters
    ----------
    altitude : Quantity [length]
        Circular orbit altitude (> 0).
    lifetime : Quantity [time]
        Time held at that altitude (>= 0).
    mass : Quantity [mass]
        Spacecraft mass (> 0); the wet mass is conservative.
    drag_area : Quantity [area]
        Area normal to the velocity (> 0). For a sun-tracking array and radiators, an orbit average.
    drag_coefficient : float
        C_D, 2.2 by default (the value commonly used for LEO spacecraft in free-molecular flow; Vallado 4th ed.,
        ch. 8).

    Returns
    -------
    Quantity [m/s]

    Notes
    -----
    Density from :func:`atmosphere_density` (Vallado Table 8-4, mean solar activity).
    """
    h = si(altitude, "m", "altitude", lo=0, lo_open=True)
    t = si(lifetime, "s", "lifetime", lo=0)
    m = si(mass, "kg", "mass", lo=0, lo_open=True)
    a = si(drag_area, "m^2", "drag_area", lo=0, lo_open=True)
    cd = fraction(drag_coefficient, "drag_coefficient", lo=0, hi=None, lo_open=True)
    return quantity(_drag_dv(_density(h / 1e3), h, cd * a / m, t), "m/s")


@named_shapes
def disposal_delta_v(altitude: Any, perigee_altitude: Any) -> pint.Quantity:
    """Delta-v of one tangential burn that lowers the perigee of a circular orbit to a disposal altitude.

    .. math:: \\Delta v = v_c \\left(1 - \\sqrt{\\frac{2 r_p}{r_a + r_p}}\\right), \\qquad r_a = R_E + h,
              \\; r_p = R_E + h_p

    The first half of a Hohmann transfer (Vallado 4th ed., Algorithm 36; Curtis, *Orbital Mechanics for
    Engineering Students*, sec. 6.2): the atmosphere does the rest from a low perigee.

    Parameters
    ----------
    altitude : Quantity [length]
        Circular operating altitude (> 0).
    perigee_altitude : Quantity [length]
        Disposal perigee (>= 0, at most ``altitude``); e.g. 50 km for a prompt re-entry.

    Returns
    -------
    Quantity [m/s]
    """
    h = si(altitude, "m", "altitude", lo=0, lo_open=True)
    hp = si(perigee_altitude, "m", "perigee_altitude", lo=0)
    if np.any(np.broadcast_to(hp > h, np.broadcast_shapes(hp.shape, h.shape))):
        raise ValueError("perigee_altitude: must not exceed altitude (a disposal burn lowers the perigee)")
    return quantity(_disposal_dv(h, hp), "m/s")


def _propellant(dry_kg: np.ndarray, dv: np.ndarray, isp_s: np.ndarray) -> np.ndarray:
    """The rocket equation; a mass ratio beyond float range is an unbounded (inf) propellant mass."""
    with np.errstate(over="ignore"):
        return dry_kg * np.expm1(dv / (G0 * isp_s))


@named_shapes
def propellant_mass(dry_mass: Any, delta_v: Any, specific_impulse: Any) -> pint.Quantity:
    """Propellant for a delta-v by the rocket equation, sized on the final (dry) mass.

    .. math:: m_p = m_{dry} \\left(e^{\\Delta v / (g_0 I_{sp})} - 1\\right)

    (Tsiolkovsky's equation, e.g. Sutton & Biblarz, *Rocket Propulsion Elements*, ch. 4; g0 = 9.80665 m/s^2.)

    Parameters
    ----------
    dry_mass : Quantity [mass]
        Mass left after the burns (>= 0).
    delta_v : Quantity [speed]
        Total delta-v (>= 0).
    specific_impulse : Quantity [time]
        Effective Isp (> 0), e.g. 220 s hydrazine, 1500-3000 s Hall thrusters.

    Returns
    -------
    Quantity [kg]
    """
    m = si(dry_mass, "kg", "dry_mass", lo=0)
    dv = si(delta_v, "m/s", "delta_v", lo=0)
    isp = si(specific_impulse, "s", "specific_impulse", lo=0, lo_open=True)
    return quantity(_propellant(m, dv, isp), "kg")


@dataclasses.dataclass(frozen=True)
class DeltaVBudget(Result):
    """Result of :func:`delta_v_budget`.

    Attributes
    ----------
    drag_makeup, disposal : Quantity [m/s]
        The two terms.
    margin : Quantity [m/s]
        ``margin_fraction`` x (drag_makeup + disposal).
    collision_avoidance : Quantity [m/s]
        Collision-avoidance manoeuvres over life (zero from :func:`delta_v_budget`; the sizing chain adds them).
    total : Quantity [m/s]
        Sum of the above.
    """

    drag_makeup: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    disposal: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    margin: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    collision_avoidance: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    total: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})


@named_shapes
def delta_v_budget(altitude: Any, lifetime: Any, *, mass: Any, drag_area: Any, drag_coefficient: Any = 2.2,
                   disposal_perigee: Any = "50 km", margin_fraction: Any = 0.0) -> DeltaVBudget:
    """Delta-v budget of a circular LEO satellite: drag make-up over life plus disposal, with a margin.

    Parameters
    ----------
    altitude, lifetime, mass, drag_area, drag_coefficient
        As in :func:`drag_makeup_delta_v`.
    disposal_perigee : Quantity [length]
        Perigee of the disposal orbit (default 50 km: a prompt, controlled-enough re-entry).
    margin_fraction : float
        Fraction added to the sum (>= 0).

    Returns
    -------
    DeltaVBudget
    """
    drag = drag_makeup_delta_v(altitude, lifetime, mass=mass, drag_area=drag_area,
                               drag_coefficient=drag_coefficient).m_as("m/s")
    dispose = disposal_delta_v(altitude, disposal_perigee).m_as("m/s")
    f = fraction(margin_fraction, "margin_fraction", lo=0, hi=None)
    drag, dispose, f = broadcast(drag, dispose, f)
    margin = f * (drag + dispose)
    return DeltaVBudget(drag_makeup=quantity(drag, "m/s"), disposal=quantity(dispose, "m/s"),
                        margin=quantity(margin, "m/s"), collision_avoidance=quantity(0.0 * drag, "m/s"),
                        total=quantity(drag + dispose + margin, "m/s"))
