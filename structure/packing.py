"""Launch packing: satellites per launch by mass and by fairing volume, and the launch cost they imply.

:func:`satellites_per_launch` counts how many stowed satellites one launch carries -- by mass to the target
orbit and by the usable fairing envelope (stowed satellites as coaxial cylinders stacked up the axis, several
side by side per layer if the user says so) -- keeps the smaller, and divides the launch price over them, per
satellite and per kilowatt of compute.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.units import broadcast
from spacedc.structure.vehicles import LaunchVehicle, _height_for_diameter, launch_vehicle
from spacedc.structure.vehicles import mass_to_orbit as mass_to_orbit_of

__all__ = ["LaunchPacking", "satellites_per_launch"]


@dataclasses.dataclass(frozen=True)
class LaunchPacking(Result):
    """Result of :func:`satellites_per_launch`. Fields broadcast over the inputs.

    Attributes
    ----------
    vehicle : str
    mass_to_orbit : Quantity [kg]
        Vehicle capability to the orbit (:func:`structure.mass_to_orbit`).
    mass_to_orbit_within_reference : bool or ndarray of bool
        False where that capability is extrapolated beyond the published reference orbit.
    by_mass : int
        floor((mass to orbit - dispenser mass) / satellite mass).
    by_volume : int
        per_layer x floor(usable height for the stowed diameter / stowed height).
    satellites_per_launch : int
        min(by_mass, by_volume).
    limited_by : str or ndarray of str
        "mass", "volume" (or "" where none fits).
    fits_fairing : bool or ndarray of bool
        At least one satellite fits the envelope.
    launch_cost_per_satellite : Quantity [USD] or None
        Launch price / satellites per launch (None without a price).
    launch_cost_per_kw : Quantity [USD/kW] or None
        Launch price / (satellites x compute power per satellite) (None without a price or a power).
    feasible : bool or ndarray of bool
        At least one satellite per launch.
    reasons : str or ndarray of str
    """

    vehicle: str
    mass_to_orbit: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    mass_to_orbit_within_reference: Any
    by_mass: Any
    by_volume: Any
    satellites_per_launch: Any
    limited_by: Any
    fits_fairing: Any
    launch_cost_per_satellite: pint.Quantity | None = dataclasses.field(metadata={"unit": "USD"})
    launch_cost_per_kw: pint.Quantity | None = dataclasses.field(metadata={"unit": "USD/kW"})
    feasible: Any
    reasons: Any


@named_shapes
def satellites_per_launch(vehicle: str | LaunchVehicle, *, satellite_mass: Any, stowed_diameter: Any,
                          stowed_height: Any, altitude: Any, inclination: Any, per_layer: Any = 1,
                          dispenser_mass: Any = "0 kg", launch_price: Any = None, compute_power: Any = None,
                          mass_to_orbit: Any = None) -> LaunchPacking:
    """How many stowed satellites one launch carries, and the launch cost per satellite and per kW of compute.

    .. math::

        n_{mass} = \\left\\lfloor \\frac{m_{orbit} - m_{disp}}{m_{sat}} \\right\\rfloor, \\quad
        n_{vol} = p \\left\\lfloor \\frac{H(d)}{h} \\right\\rfloor, \\quad n = \\min(n_{mass}, n_{vol})

    m_orbit from :func:`structure.mass_to_orbit` (flagged where extrapolated) or as given; H(d) the height of the usable
    envelope a cylinder of the stowed diameter d reaches (:func:`structure.usable_height`: it follows the
    ogive); p satellites per layer (1: a single stack on the axis; give more only if that many stowed
    cylinders fit side by side in the envelope). Cost per satellite = price / n, per kW = price / (n P).

    Parameters
    ----------
    vehicle : str or LaunchVehicle
    satellite_mass : Quantity [mass]
        Launch (wet) mass of one satellite (> 0).
    stowed_diameter, stowed_height : Quantity [length]
        Stowed envelope of one satellite as a cylinder (> 0).
    altitude, inclination : Quantity
        Target orbit.
    per_layer : int
        Satellites side by side in one layer (>= 1).
    dispenser_mass : Quantity [mass]
        Dispenser/adapter mass charged against the vehicle capability (>= 0).
    launch_price : Quantity [USD], optional
        Overrides the vehicle's price (needed where the guide publishes none).
    compute_power : Quantity [power], optional
        Compute (chip) power per satellite, for the cost per kW.
    mass_to_orbit : Quantity [mass], optional
        Overrides the vehicle's capability: the user's figure for this orbit (so within its reference).

    Returns
    -------
    LaunchPacking
    """
    lv = launch_vehicle(vehicle)
    m_sat = si(satellite_mass, "kg", "satellite_mass", lo=0, lo_open=True)
    d = si(stowed_diameter, "m", "stowed_diameter", lo=0, lo_open=True)
    h = si(stowed_height, "m", "stowed_height", lo=0, lo_open=True)
    p = np.floor(fraction(per_layer, "per_layer", lo=1, hi=None))
    m_disp = si(dispenser_mass, "kg", "dispenser_mass", lo=0)
    price = lv.price if launch_price is None else launch_price
    usd = None if price is None else si(price, "USD", "launch_price", lo=0)
    power = None if compute_power is None else si(compute_power, "kW", "compute_power", lo=0, lo_open=True)
    if mass_to_orbit is None:
        orbit = mass_to_orbit_of(lv, altitude, inclination)
        m_orbit, within = orbit.mass.m_as("kg"), orbit.within_reference
    else:
        m_orbit = si(mass_to_orbit, "kg", "mass_to_orbit", lo=0, lo_open=True)
        si(altitude, "km", "altitude", lo=0, lo_open=True)
        si(inclination, "deg", "inclination", lo=0, hi=180)
        within = True
    n_mass = np.floor(np.maximum(m_orbit - m_disp, 0.0) / m_sat)
    n_vol = p * np.floor(_height_for_diameter(lv.envelope, d) / h)
    n_mass, n_vol, m_orbit = broadcast(n_mass, n_vol, m_orbit)
    n = np.minimum(n_mass, n_vol)
    none = n < 1.0
    limited = np.where(none, "", np.where(n_mass <= n_vol, "mass", "volume")).astype(object)
    fits = n_vol >= 1.0
    why = Reasons.mask(n.shape, (n_mass < 1.0, f"satellite heavier than the {lv.name} capability to the orbit"),
                       (~fits, f"stowed satellite does not fit the {lv.name} usable envelope"))
    with np.errstate(divide="ignore"):
        per_sat = None if usd is None else usd / n
        per_kw = None if usd is None or power is None else usd / (n * power)
    return LaunchPacking(
        vehicle=lv.name, mass_to_orbit=quantity(m_orbit, "kg"),
        mass_to_orbit_within_reference=within, by_mass=scalar_or_array(n_mass, int),
        by_volume=scalar_or_array(n_vol, int), satellites_per_launch=scalar_or_array(n, int),
        limited_by=scalar_or_array(limited, str), fits_fairing=scalar_or_array(fits, bool),
        launch_cost_per_satellite=None if per_sat is None else quantity(per_sat, "USD"),
        launch_cost_per_kw=None if per_kw is None else quantity(per_kw, "USD/kW"),
        feasible=scalar_or_array(~none, bool), reasons=why)
