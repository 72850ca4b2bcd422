"""Quasi-static launch loads: factors of safety, margins of safety, panel-stack tie-downs, primary structure.

* :data:`FACTORS_OF_SAFETY` and :func:`factor_of_safety` -- NASA-STD-5001B minimum design factors by
  verification approach (prototype / protoflight) and failure mode (yield / ultimate).
* :func:`margin_of_safety` -- MS = allowable / (FS x limit load) - 1.
* :func:`tie_down_loads` -- loads on the tie-downs of a stowed radiator panel stack under axial and lateral g.
* :func:`cylinder_stress` -- axial plus bending stress of a thin-walled cylinder carrying the satellite.
* :func:`launch_margins` -- both checked over the vertices of a vehicle's load envelope, the smallest margin kept.

Load factors are multiples of g0 (positive axial = compression in the launch direction). The combined load
cases are the vertices of the vehicle's axial/lateral envelope (:func:`structure.load_factor_cases`): a linear
structure's worst case lies on a vertex.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Result
from spacedc.units import fraction, parse_quantity, quantity, scalar_or_array, si
from structure._common import G0, broadcast, flags, reasons
from structure.vehicles import LaunchVehicle, launch_vehicle, load_factor_cases

__all__ = ["FACTORS_OF_SAFETY", "factor_of_safety", "margin_of_safety", "TieDownLoads", "tie_down_loads",
           "CylinderStress", "cylinder_stress", "LaunchMargins", "launch_margins"]

#: Minimum design factors of safety, NASA-STD-5001B (2008, with changes), Table 1 (metallic structures) and
#: Table 2 (composite and bonded structures, uniform material, ultimate only), keyed by
#: (material, approach, failure mode). Prototype: a separate qualification article; protoflight: the flight
#: article is tested. (spacedc REFERENCE.md: metallic prototype yield 1.0 / ultimate 1.4, protoflight yield
#: 1.25 / ultimate 1.4.)
FACTORS_OF_SAFETY: dict[tuple[str, str, str], float] = {
    ("metallic", "prototype", "yield"): 1.0,
    ("metallic", "prototype", "ultimate"): 1.4,
    ("metallic", "protoflight", "yield"): 1.25,
    ("metallic", "protoflight", "ultimate"): 1.4,
    ("composite", "prototype", "ultimate"): 1.4,
    ("composite", "protoflight", "ultimate"): 1.4,
}


def factor_of_safety(approach: str = "protoflight", failure: str = "yield", material: str = "metallic") -> float:
    """Minimum design factor of safety of NASA-STD-5001B (:data:`FACTORS_OF_SAFETY`).

    Parameters
    ----------
    approach : {"prototype", "protoflight"}
    failure : {"yield", "ultimate"}
    material : {"metallic", "composite"}
        Composites carry an ultimate factor only.
    """
    key = (str(material).lower(), str(approach).lower(), str(failure).lower())
    if key not in FACTORS_OF_SAFETY:
        known = ", ".join("/".join(k) for k in FACTORS_OF_SAFETY)
        raise ValueError(f"factor_of_safety{key}: not in NASA-STD-5001B table; known (material/approach/"
                         f"failure): {known}")
    return FACTORS_OF_SAFETY[key]


def _fs(value: Any) -> np.ndarray:
    """Validate a factor of safety: a positive number (a negative or zero factor is rejected)."""
    return fraction(value, "factor_of_safety", lo=0, hi=None, lo_open=True)


def _ms(allowable: np.ndarray, fs: np.ndarray, limit: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return allowable / (fs * limit) - 1.0


def margin_of_safety(allowable: Any, limit_load: Any, factor_of_safety: Any) -> float | np.ndarray:
    """Margin of safety of a structural element.

    .. math:: MS = \\frac{\\text{allowable}}{FS \\cdot \\text{limit load}} - 1 \\;\\ge 0

    NASA-STD-5001B, sec. 4 (definitions): the limit load is the maximum expected load, the design factor of
    safety FS multiplies it (yield or ultimate), and the element passes with MS >= 0.

    Parameters
    ----------
    allowable : Quantity
        Allowable load, stress or moment (>= 0).
    limit_load : Quantity
        Limit load of the same dimension (>= 0); zero load gives an infinite margin.
    factor_of_safety : float
        FS (> 0), e.g. :func:`factor_of_safety`.

    Returns
    -------
    float or ndarray
        MS (dimensionless); broadcasts.

    Examples
    --------
    A 276 MPa yield allowable (aluminium 6061-T6) under a 200 MPa limit stress at the protoflight yield
    factor 1.25: MS = 276 / (1.25 x 200) - 1 = 0.104.

    >>> round(margin_of_safety("276 MPa", "200 MPa", 1.25), 3)
    0.104
    """
    fs = _fs(factor_of_safety)
    unit = _unit_of(allowable, "allowable")
    a = si(allowable, unit, "allowable", lo=0)
    limit = si(limit_load, unit, "limit_load", lo=0)
    return scalar_or_array(_ms(a, fs, limit))


def _unit_of(value: Any, name: str) -> str:
    """The unit of a Quantity or quantity string, to compare a limit load in the allowable's own unit."""
    if isinstance(value, pint.Quantity):
        return str(value.units)
    if isinstance(value, str):
        return str(parse_quantity(value, name).units)
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (pint.Quantity, str)):
        return _unit_of(value[0], name)
    raise TypeError(f"{name} = {value!r}: a bare number has no unit; pass a Quantity or a string such as "
                    "'276 MPa' or '5 kN'")


@dataclasses.dataclass(frozen=True)
class TieDownLoads(Result):
    """Result of :func:`tie_down_loads`. Forces per tie-down, broadcast over the inputs.

    Attributes
    ----------
    axial : Quantity [N]
        Share of the axial inertia load, m g0 |n_ax| / N.
    shear : Quantity [N]
        Share of the lateral inertia load, m g0 |n_lat| / N.
    overturning : Quantity [N]
        Extra tension on the most loaded tie-down from the lateral load acting at the stack's centre of mass,
        2 M / (N r) with M = m g0 |n_lat| h.
    tension : Quantity [N]
        axial + overturning (the tie-down's design tension).
    margin_tension, margin_shear : float or None
        Margins of safety against the allowables, when given.
    """

    axial: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    shear: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    overturning: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    tension: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    margin_tension: Any
    margin_shear: Any


def _tie_down(m, n_td, n_ax, n_lat, h, r):
    axial = m * G0 * np.abs(n_ax) / n_td
    shear = m * G0 * np.abs(n_lat) / n_td
    overturning = 2.0 * m * G0 * np.abs(n_lat) * h / (n_td * r)
    return axial, shear, overturning, axial + overturning


def tie_down_loads(stack_mass: Any, tie_down_count: Any, axial_load_factor: Any, lateral_load_factor: Any, *,
                   cg_height: Any = "0 m", pattern_radius: Any = "1 m", allowable_tension: Any = None,
                   allowable_shear: Any = None, factor_of_safety: Any = 1.25) -> TieDownLoads:
    """Loads on the tie-downs that hold a stowed panel stack (radiator or array wing) during launch.

    .. math::

        F_{ax} = \\frac{m g_0 |n_{ax}|}{N}, \\quad F_{sh} = \\frac{m g_0 |n_{lat}|}{N}, \\quad
        F_{ot} = \\frac{2 M}{N r}, \\; M = m g_0 |n_{lat}| h, \\quad T = F_{ax} + F_{ot}

    The stack is rigid on N tie-downs equally spaced on a circle of radius r (or, for two rows of points, r is
    half the spacing across the stack); each carries an equal share of the inertia load along the launch axis
    (taken normal to the panels here, the conservative orientation) and of the lateral load (shear). The
    lateral load at the centre-of-mass height h above the tie-down plane makes an overturning moment M that a
    bolt circle resists as T_i = M y_i / sum y_j^2 with sum y_j^2 = N r^2 / 2 (the elastic bolt-group formula,
    e.g. Shigley's *Mechanical Engineering Design*, bolted joints with eccentric loading). Signs are dropped:
    every envelope vertex is checked with its magnitudes.

    Parameters
    ----------
    stack_mass : Quantity [mass]
        Mass of the stowed stack carried by these tie-downs (> 0).
    tie_down_count : int or float
        N (>= 1).
    axial_load_factor, lateral_load_factor : float
        Limit load factors [g], e.g. from :func:`structure.load_factor_cases`.
    cg_height : Quantity [length]
        Height of the stack's centre of mass above the tie-down plane (>= 0).
    pattern_radius : Quantity [length]
        r (> 0).
    allowable_tension, allowable_shear : Quantity [force], optional
        Allowable tie-down (bolt, release-mechanism) loads; with them the margins of safety are computed.
    factor_of_safety : float
        FS for the margins (default 1.25, NASA-STD-5001B protoflight yield).

    Returns
    -------
    TieDownLoads
    """
    m = si(stack_mass, "kg", "stack_mass", lo=0, lo_open=True)
    n_td = fraction(tie_down_count, "tie_down_count", lo=1, hi=None)
    n_ax = fraction(axial_load_factor, "axial_load_factor", lo=None, hi=None)
    n_lat = fraction(lateral_load_factor, "lateral_load_factor", lo=None, hi=None)
    h = si(cg_height, "m", "cg_height", lo=0)
    r = si(pattern_radius, "m", "pattern_radius", lo=0, lo_open=True)
    fs = _fs(factor_of_safety)
    axial, shear, over, tension = broadcast(*_tie_down(m, n_td, n_ax, n_lat, h, r))
    ms_t = None if allowable_tension is None else scalar_or_array(
        _ms(si(allowable_tension, "N", "allowable_tension", lo=0), fs, tension))
    ms_s = None if allowable_shear is None else scalar_or_array(
        _ms(si(allowable_shear, "N", "allowable_shear", lo=0), fs, shear))
    return TieDownLoads(axial=quantity(axial, "N"), shear=quantity(shear, "N"), overturning=quantity(over, "N"),
                        tension=quantity(tension, "N"), margin_tension=ms_t, margin_shear=ms_s)


@dataclasses.dataclass(frozen=True)
class CylinderStress(Result):
    """Result of :func:`cylinder_stress`.

    Attributes
    ----------
    axial_force : Quantity [N]
        P = m g0 |n_ax|.
    bending_moment : Quantity [N m]
        M = m g0 |n_lat| h at the base.
    equivalent_axial_load : Quantity [N]
        P_eq = P + 2 M / R.
    stress : Quantity [Pa]
        Peak compressive stress P / (2 pi R t) + M / (pi R^2 t) = P_eq / (2 pi R t).
    margin_yield, margin_ultimate : float or None
        Margins of safety against the allowables, when given.
    """

    axial_force: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    bending_moment: pint.Quantity = dataclasses.field(metadata={"unit": "N*m"})
    equivalent_axial_load: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    stress: pint.Quantity = dataclasses.field(metadata={"unit": "Pa"})
    margin_yield: Any
    margin_ultimate: Any


def _cylinder(m, n_ax, n_lat, h, radius, t):
    p = m * G0 * np.abs(n_ax)
    moment = m * G0 * np.abs(n_lat) * h
    p_eq = p + 2.0 * moment / radius
    return p, moment, p_eq, p_eq / (2.0 * np.pi * radius * t)


def cylinder_stress(mass: Any, radius: Any, thickness: Any, cg_height: Any, axial_load_factor: Any,
                    lateral_load_factor: Any, *, yield_strength: Any = None, ultimate_strength: Any = None,
                    yield_factor: Any = 1.25, ultimate_factor: Any = 1.4) -> CylinderStress:
    """Peak stress in a thin-walled cylindrical primary structure carrying the satellite's inertia loads.

    .. math::

        \\sigma = \\frac{P}{2\\pi R t} + \\frac{M R}{I} = \\frac{P_{eq}}{2 \\pi R t}, \\qquad
        P = m g_0 |n_{ax}|, \\; M = m g_0 |n_{lat}| h, \\; I = \\pi R^3 t, \\; P_{eq} = P + \\frac{2M}{R}

    The satellite mass m acts at its centre of mass, h above the base of the cylinder (the adapter
    interface); the base section carries the axial force and the bending moment. The equivalent axial load
    P_eq is SMAD's (Wertz & Larson, SMAD 3rd ed., sec. 11.6, design of a cylinder for launch loads). Thin wall
    (t << R); buckling is not checked here.

    Parameters
    ----------
    mass : Quantity [mass]
        Mass carried above the section (> 0).
    radius, thickness : Quantity [length]
        Mean radius R and wall thickness t (> 0).
    cg_height : Quantity [length]
        h (>= 0).
    axial_load_factor, lateral_load_factor : float
        Limit load factors [g].
    yield_strength, ultimate_strength : Quantity [pressure], optional
        Allowables; with them the margins of safety are computed.
    yield_factor, ultimate_factor : float
        Factors of safety (defaults NASA-STD-5001B metallic protoflight: 1.25 yield, 1.4 ultimate).

    Returns
    -------
    CylinderStress
    """
    m = si(mass, "kg", "mass", lo=0, lo_open=True)
    radius = si(radius, "m", "radius", lo=0, lo_open=True)
    t = si(thickness, "m", "thickness", lo=0, lo_open=True)
    h = si(cg_height, "m", "cg_height", lo=0)
    n_ax = fraction(axial_load_factor, "axial_load_factor", lo=None, hi=None)
    n_lat = fraction(lateral_load_factor, "lateral_load_factor", lo=None, hi=None)
    fy = fraction(yield_factor, "yield_factor", lo=0, hi=None, lo_open=True)
    fu = fraction(ultimate_factor, "ultimate_factor", lo=0, hi=None, lo_open=True)
    p, moment, p_eq, stress = broadcast(*_cylinder(m, n_ax, n_lat, h, radius, t))
    ms_y = None if yield_strength is None else scalar_or_array(
        _ms(si(yield_strength, "Pa", "yield_strength", lo=0), fy, stress))
    ms_u = None if ultimate_strength is None else scalar_or_array(
        _ms(si(ultimate_strength, "Pa", "ultimate_strength", lo=0), fu, stress))
    return CylinderStress(axial_force=quantity(p, "N"), bending_moment=quantity(moment, "N*m"),
                          equivalent_axial_load=quantity(p_eq, "N"), stress=quantity(stress, "Pa"),
                          margin_yield=ms_y, margin_ultimate=ms_u)


@dataclasses.dataclass(frozen=True)
class LaunchMargins(Result):
    """Result of :func:`launch_margins`: the smallest margins over the vehicle's load-envelope vertices.

    Attributes
    ----------
    tie_down_tension, tie_down_shear : float
        Smallest margins of the panel-stack tie-downs.
    cylinder_yield, cylinder_ultimate : float
        Smallest margins of the primary structure.
    min_margin : float
        The smallest of all four.
    feasible : bool or ndarray of bool
        min_margin >= 0.
    reasons : str or ndarray of str
    """

    tie_down_tension: Any
    tie_down_shear: Any
    cylinder_yield: Any
    cylinder_ultimate: Any
    min_margin: Any
    feasible: Any
    reasons: Any


def launch_margins(vehicle: str | LaunchVehicle, *, stack_mass: Any, tie_down_count: Any, stack_cg_height: Any,
                   tie_down_radius: Any, tie_down_allowable_tension: Any, tie_down_allowable_shear: Any,
                   satellite_mass: Any, cylinder_radius: Any, cylinder_thickness: Any, satellite_cg_height: Any,
                   yield_strength: Any, ultimate_strength: Any, approach: str = "protoflight") -> LaunchMargins:
    """Quasi-static margins of the stowed panel stack and the primary structure over a vehicle's load envelope.

    Each vertex (n_ax, n_lat) of :func:`structure.load_factor_cases` is one combined load case; the inputs
    broadcast against a trailing vertex axis and the smallest margin over the vertices is returned.
    Factors of safety from NASA-STD-5001B for ``approach`` (metallic): the tie-downs and the cylinder's yield
    check use the yield factor, the cylinder's ultimate check the ultimate factor.

    Parameters
    ----------
    vehicle : str or LaunchVehicle
        Must have a load envelope (Falcon 9 / Falcon Heavy in the table; others: supply one).
    stack_mass, tie_down_count, stack_cg_height, tie_down_radius, tie_down_allowable_tension,
    tie_down_allowable_shear
        As in :func:`tie_down_loads`.
    satellite_mass, cylinder_radius, cylinder_thickness, satellite_cg_height, yield_strength, ultimate_strength
        As in :func:`cylinder_stress`.
    approach : {"protoflight", "prototype"}

    Returns
    -------
    LaunchMargins
    """
    lv = launch_vehicle(vehicle)
    n_ax, n_lat = load_factor_cases(lv)
    fy = factor_of_safety(approach, "yield")
    fu = factor_of_safety(approach, "ultimate")
    td = tie_down_loads(_last_axis(stack_mass, "kg", "stack_mass"), _last_axis(tie_down_count, None,
                        "tie_down_count"), n_ax, n_lat, cg_height=_last_axis(stack_cg_height, "m", "stack_cg_height"),
                        pattern_radius=_last_axis(tie_down_radius, "m", "tie_down_radius"),
                        allowable_tension=_last_axis(tie_down_allowable_tension, "N", "tie_down_allowable_tension"),
                        allowable_shear=_last_axis(tie_down_allowable_shear, "N", "tie_down_allowable_shear"),
                        factor_of_safety=fy)
    cyl = cylinder_stress(_last_axis(satellite_mass, "kg", "satellite_mass"),
                          _last_axis(cylinder_radius, "m", "cylinder_radius"),
                          _last_axis(cylinder_thickness, "m", "cylinder_thickness"),
                          _last_axis(satellite_cg_height, "m", "satellite_cg_height"), n_ax, n_lat,
                          yield_strength=_last_axis(yield_strength, "Pa", "yield_strength"),
                          ultimate_strength=_last_axis(ultimate_strength, "Pa", "ultimate_strength"),
                          yield_factor=fy, ultimate_factor=fu)
    parts = [np.min(np.asarray(x, dtype=float), axis=-1) for x in
             (td.margin_tension, td.margin_shear, cyl.margin_yield, cyl.margin_ultimate)]
    parts = broadcast(*parts)
    low = np.minimum.reduce(parts)
    bad = low < 0.0
    ok, why = flags(~bad, reasons(low.shape, (parts[0] < 0, "tie-down tension margin < 0"),
                                  (parts[1] < 0, "tie-down shear margin < 0"),
                                  (parts[2] < 0, "primary structure yield margin < 0"),
                                  (parts[3] < 0, "primary structure ultimate margin < 0")))
    return LaunchMargins(*(scalar_or_array(p) for p in parts), min_margin=scalar_or_array(low), feasible=ok,
                         reasons=why)


def _last_axis(value: Any, unit: str | None, name: str) -> Any:
    """Validate ``value`` and give it a trailing axis of length 1, to broadcast against the load-case axis."""
    x = fraction(value, name, lo=0, hi=None) if unit is None else si(value, unit, name, lo=0)
    x = np.asarray(x)[..., None]
    return x if unit is None else quantity(x, unit)
