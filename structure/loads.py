"""Quasi-static launch loads: factors of safety, margins of safety, panel-stack tie-downs, primary structure.

* :data:`FACTORS_OF_SAFETY` and :func:`factor_of_safety` -- NASA-STD-5001B minimum design factors by
  verification approach (prototype / protoflight) and failure mode (yield / ultimate).
* :func:`margin_of_safety` -- MS = allowable / (FS x limit load) - 1.
* :func:`tie_down_loads` -- loads on the tie-downs of a stowed radiator panel stack under axial and lateral g,
  with the launch axis in the panels' plane (as :func:`geometry.make_satellite` stows them) or normal to it.
* :func:`cylinder_stress` -- axial plus bending stress of a thin-walled cylinder carrying the satellite, and its
  axial buckling stress with the NASA SP-8007 knockdown.
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

from spacedc.results import Reasons, Result
from spacedc.units import fraction, named_shapes, parse_quantity, quantity, scalar_or_array, si
from spacedc.structure._common import G0
from spacedc.units import broadcast
from spacedc.structure.vehicles import LaunchVehicle, launch_vehicle, load_factor_cases

__all__ = ["FACTORS_OF_SAFETY", "factor_of_safety", "margin_of_safety", "STACK_ORIENTATIONS", "TieDownLoads",
           "tie_down_loads", "CylinderStress", "cylinder_stress", "LaunchMargins", "launch_margins"]

#: Orientations of a stowed panel stack: "in-plane", the launch axis in the panels' plane (the panels stand
#: against a bus face, as :func:`geometry.make_satellite` and :mod:`designs.envelope` stow them); "normal", the
#: launch axis normal to the panels (panels lying on a deck).
STACK_ORIENTATIONS = ("in-plane", "normal")

#: Minimum design factors of safety, NASA-STD-5001B (2008, with changes), Table 1 (metallic structures) and
#: Table 2 (composite and bonded structures, uniform material, ultimate only), keyed by
#: (material, approach, failure mode). Prototype: a separate qualification article; protoflight: the flight
#: article is tested. Metallic: prototype yield 1.0 / ultimate 1.4, protoflight yield 1.25 / ultimate 1.4
#: ([NASA-STD-5001B] Table 1).
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


@named_shapes
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
    normal : Quantity [N]
        Share of the inertia load normal to the panels (direct pull-off), m g0 n_n / N, in the load direction
        that gives the largest tension.
    shear : Quantity [N]
        Largest share of the inertia load in the panels' plane, m g0 max(n_p) / N.
    overturning : Quantity [N]
        Extra tension on the most loaded tie-down from the in-plane load acting at the stack's centre of mass,
        2 M / (N r) with M = m g0 n_p h, in the load direction that gives the largest tension.
    tension : Quantity [N]
        normal + overturning (the tie-down's design tension).
    margin_tension, margin_shear : float or None
        Margins of safety against the allowables, when given.
    """

    normal: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    shear: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    overturning: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    tension: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    margin_tension: Any
    margin_shear: Any


def _tie_down(m, n_td, n_ax, n_lat, h, r, in_plane):
    """Per tie-down (normal, largest shear, overturning, tension) [N]; see :func:`tie_down_loads`."""
    n_ax, n_lat = np.abs(n_ax), np.abs(n_lat)
    k = 2.0 * h / r
    total = np.hypot(n_ax, n_lat)
    s = np.sqrt(1.0 + k * k)
    interior = in_plane & (k * n_lat > n_ax)  # the tension's worst lateral direction lies between normal and in-plane
    n_normal = np.where(in_plane, np.where(interior, total / s, n_lat), n_ax)
    n_tilt = np.where(in_plane, np.where(interior, k * total / s, n_ax), n_lat)  # in-plane part at that direction
    n_shear = np.where(in_plane, total, n_lat)
    w = m * G0 / n_td
    normal, overturning = w * n_normal, w * k * n_tilt
    return normal, w * n_shear, overturning, normal + overturning


@named_shapes
def tie_down_loads(stack_mass: Any, tie_down_count: Any, axial_load_factor: Any, lateral_load_factor: Any, *,
                   cg_height: Any = "0 m", pattern_radius: Any = "1 m", allowable_tension: Any = None,
                   allowable_shear: Any = None, factor_of_safety: Any = 1.25,
                   orientation: str = "in-plane") -> TieDownLoads:
    """Loads on the tie-downs that hold a stowed panel stack (radiator or array wing) during launch.

    The stack is rigid on N tie-downs equally spaced on a circle of radius r (or, for two rows of points, r is
    half the spacing across the stack) in the tie-down plane, which is parallel to the panels; the stack's
    centre of mass is h above that plane. A load factor n_n normal to the panels pulls every tie-down equally
    (F_n = m g0 n_n / N); an in-plane load factor n_p shears them equally (F_s = m g0 n_p / N) and, acting at
    the centre of mass, makes an overturning moment M = m g0 n_p h that a bolt circle resists as
    T_i = M y_i / sum y_j^2 with sum y_j^2 = N r^2 / 2, the same about every in-plane axis for N >= 3 (the
    elastic bolt-group formula, e.g. Shigley's *Mechanical Engineering Design*, bolted joints with eccentric
    loading). With k = 2 h / r, the most loaded tie-down's tension is

    .. math:: T = \\frac{m g_0}{N} \\left(n_n + k \\, n_p\\right), \\qquad F_s = \\frac{m g_0}{N} n_p

    A launch vehicle's lateral load factor is a magnitude across the launch axis with no direction given (Falcon
    User's Guide Fig. 4-1), so it is taken in its worst direction, separately for tension and for shear:

    * ``"in-plane"`` (default): the launch axis lies in the panels' plane, as :func:`geometry.make_satellite`
      stows a radiator wing (panels standing against a bus face, their length along the launch axis). The axial
      load is in-plane; a lateral load at angle theta from the panel normal splits into n_n = n_lat cos(theta)
      and n_p = sqrt(n_ax^2 + n_lat^2 sin^2(theta)). Shear is largest with the lateral load in-plane,
      n_p = sqrt(n_ax^2 + n_lat^2). Tension n_lat c + k sqrt(n_ax^2 + n_lat^2 (1 - c^2)), c = cos(theta),
      peaks where its derivative in c vanishes, c* = sqrt(n_ax^2 + n_lat^2) / (n_lat sqrt(1 + k^2)), when
      c* <= 1 (k n_lat >= |n_ax|): T = (m g0 / N) sqrt((n_ax^2 + n_lat^2)(1 + k^2)) (the Cauchy-Schwarz bound
      of the two terms); otherwise at c = 1 (lateral normal to the panels): T = (m g0 / N)(n_lat + k |n_ax|).
      (Derivation by hand; the bolt-group formula as above.)
    * ``"normal"``: the launch axis normal to the panels (panels lying on a deck): n_n = |n_ax|,
      n_p = |n_lat|, T = (m g0 / N)(|n_ax| + k |n_lat|), F_s = m g0 |n_lat| / N.

    Signs are dropped (a tie-down is checked for the magnitude; each envelope vertex is one case). The check
    assumes the centre of mass over the pattern's centre and bolts that share shear equally.

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
    orientation : {"in-plane", "normal"}
        Where the launch axis lies relative to the panels (:data:`STACK_ORIENTATIONS`).

    Returns
    -------
    TieDownLoads

    Examples
    --------
    A 500 kg stack on 4 tie-downs at r = 0.8 m, its centre of mass 0.3 m out (k = 0.75), at Falcon's (0.5 g
    lateral, 6 g axial) vertex, stowed with the launch axis in the panels' plane: k n_lat = 0.375 < 6, so the
    worst lateral direction is normal to the panels, T = 500 g0 (0.5 + 0.75 x 6) / 4 = 6129 N.

    >>> round(tie_down_loads("500 kg", 4, 6.0, 0.5, cg_height="0.3 m", pattern_radius="0.8 m").tension.m_as("N"))
    6129
    """
    m = si(stack_mass, "kg", "stack_mass", lo=0, lo_open=True)
    n_td = fraction(tie_down_count, "tie_down_count", lo=1, hi=None)
    n_ax = fraction(axial_load_factor, "axial_load_factor", lo=None, hi=None)
    n_lat = fraction(lateral_load_factor, "lateral_load_factor", lo=None, hi=None)
    h = si(cg_height, "m", "cg_height", lo=0)
    r = si(pattern_radius, "m", "pattern_radius", lo=0, lo_open=True)
    fs = _fs(factor_of_safety)
    in_plane = _orientation(orientation) == "in-plane"
    normal, shear, over, tension = broadcast(*_tie_down(m, n_td, n_ax, n_lat, h, r, in_plane))
    ms_t = None if allowable_tension is None else scalar_or_array(
        _ms(si(allowable_tension, "N", "allowable_tension", lo=0), fs, tension))
    ms_s = None if allowable_shear is None else scalar_or_array(
        _ms(si(allowable_shear, "N", "allowable_shear", lo=0), fs, shear))
    return TieDownLoads(normal=quantity(normal, "N"), shear=quantity(shear, "N"), overturning=quantity(over, "N"),
                        tension=quantity(tension, "N"), margin_tension=ms_t, margin_shear=ms_s)


def _orientation(value: Any) -> str:
    key = str(value).strip().lower()
    if key not in STACK_ORIENTATIONS:
        raise ValueError(f"orientation = {value!r}: expected one of {', '.join(STACK_ORIENTATIONS)}")
    return key


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
    knockdown : float or None
        NASA SP-8007 knockdown factor gamma of the axially compressed cylinder (with ``modulus``).
    critical_stress : Quantity [Pa] or None
        Design axial buckling stress gamma E t / (R sqrt(3 (1 - nu^2))) (with ``modulus``).
    margin_buckling : float or None
        Margin of safety against buckling at the ultimate factor (with ``modulus``).
    """

    axial_force: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    bending_moment: pint.Quantity = dataclasses.field(metadata={"unit": "N*m"})
    equivalent_axial_load: pint.Quantity = dataclasses.field(metadata={"unit": "N"})
    stress: pint.Quantity = dataclasses.field(metadata={"unit": "Pa"})
    margin_yield: Any
    margin_ultimate: Any
    knockdown: Any = None
    critical_stress: pint.Quantity | None = dataclasses.field(default=None, metadata={"unit": "Pa"})
    margin_buckling: Any = None


def _buckling(radius, t, modulus, nu):
    """(gamma, sigma_cr) of NASA SP-8007's axially compressed isotropic cylinder; see :func:`cylinder_stress`."""
    phi = np.sqrt(radius / t) / 16.0
    gamma = 1.0 - 0.901 * (1.0 - np.exp(-phi))
    return gamma, gamma * modulus * t / (radius * np.sqrt(3.0 * (1.0 - nu * nu)))


def _cylinder(m, n_ax, n_lat, h, radius, t):
    p = m * G0 * np.abs(n_ax)
    moment = m * G0 * np.abs(n_lat) * h
    p_eq = p + 2.0 * moment / radius
    return p, moment, p_eq, p_eq / (2.0 * np.pi * radius * t)


@named_shapes
def cylinder_stress(mass: Any, radius: Any, thickness: Any, cg_height: Any, axial_load_factor: Any,
                    lateral_load_factor: Any, *, yield_strength: Any = None, ultimate_strength: Any = None,
                    yield_factor: Any = 1.25, ultimate_factor: Any = 1.4, modulus: Any = None,
                    poisson_ratio: Any = 0.3) -> CylinderStress:
    """Peak stress in a thin-walled cylindrical primary structure carrying the satellite's inertia loads.

    .. math::

        \\sigma = \\frac{P}{2\\pi R t} + \\frac{M R}{I} = \\frac{P_{eq}}{2 \\pi R t}, \\qquad
        P = m g_0 |n_{ax}|, \\; M = m g_0 |n_{lat}| h, \\; I = \\pi R^3 t, \\; P_{eq} = P + \\frac{2M}{R}

    The satellite mass m acts at its centre of mass, h above the base of the cylinder (the adapter
    interface); the base section carries the axial force and the bending moment. The equivalent axial load
    P_eq is SMAD's (Wertz & Larson, SMAD 3rd ed., sec. 11.6, design of a cylinder for launch loads). Thin wall
    (t << R).

    Buckling (with ``modulus``). The classical axial buckling stress of a thin isotropic cylinder,
    sigma_cl = E t / (R sqrt(3 (1 - nu^2))) (0.605 E t / R at nu = 0.3), is cut by the empirical lower-bound
    knockdown of NASA SP-8007 (*Buckling of Thin-Walled Circular Cylinders*, 1965, rev. 1968; unstiffened
    isotropic cylinders in axial compression) for imperfection sensitivity:

    .. math::

        \\sigma_{cr} = \\gamma \\frac{E t}{R \\sqrt{3 (1 - \\nu^2)}}, \\qquad
        \\gamma = 1 - 0.901 \\left(1 - e^{-\\phi}\\right), \\quad \\phi = \\frac{1}{16} \\sqrt{\\frac{R}{t}}

    against the peak compressive stress P_eq / (2 pi R t) above: the bending part is taken at the axial
    knockdown, which is conservative (SP-8007 gives bending the milder 1 - 0.731 (1 - e^-phi)), and adding the
    two stresses is SP-8007's linear interaction of axial compression and bending, R_c + R_b = 1; SMAD 3rd ed.
    sec. 11.6 checks its cylinder's P_eq the same way (2nd-hand). The margin uses the
    ultimate factor: NASA-STD-5001B treats buckling as a failure at ultimate load, FS_ult x limit (2nd-hand;
    clause not checked here). Validity: SP-8007's data reach R/t = 1500; the formula is elastic, so for thick
    walls (sigma_cr above yield) the yield and ultimate margins govern; unstiffened wall, no cutouts.

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
        Factors of safety (defaults NASA-STD-5001B metallic protoflight: 1.25 yield, 1.4 ultimate); the
        ultimate factor also applies to buckling.
    modulus : Quantity [pressure], optional
        Young's modulus E; with it the buckling stress and margin are computed.
    poisson_ratio : float
        nu (0 <= nu < 0.5); default 0.3, the value behind SP-8007's 0.605 E t / R.

    Returns
    -------
    CylinderStress

    Examples
    --------
    SP-8007 design buckling stress of a 6061-T6 cylinder (E = 68.9 GPa, nu = 0.33), R = 0.7875 m, t = 4 mm:
    phi = sqrt(196.875) / 16 = 0.87695, gamma = 1 - 0.901 (1 - e^-phi) = 0.47386,
    sigma_cr = gamma E t / (R sqrt(3 (1 - 0.33^2))) = 101.4 MPa.

    >>> r = cylinder_stress("1 t", "0.7875 m", "4 mm", "1 m", 6.0, 0.5, modulus="68.9 GPa", poisson_ratio=0.33)
    >>> round(r.knockdown, 4), round(r.critical_stress.m_as("MPa"), 1)
    (0.4739, 101.4)
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
    nu = fraction(poisson_ratio, "poisson_ratio", lo=0.0, hi=0.5, hi_open=True)
    gamma = sigma_cr = ms_b = None
    if modulus is not None:
        e = si(modulus, "Pa", "modulus", lo=0, lo_open=True)
        gamma, sigma_cr = broadcast(*_buckling(radius, t, e, nu), stress)[:2]
        ms_b = scalar_or_array(_ms(sigma_cr, fu, stress))
        gamma, sigma_cr = scalar_or_array(gamma), quantity(sigma_cr, "Pa")
    return CylinderStress(axial_force=quantity(p, "N"), bending_moment=quantity(moment, "N*m"),
                          equivalent_axial_load=quantity(p_eq, "N"), stress=quantity(stress, "Pa"),
                          margin_yield=ms_y, margin_ultimate=ms_u, knockdown=gamma, critical_stress=sigma_cr,
                          margin_buckling=ms_b)


@dataclasses.dataclass(frozen=True)
class LaunchMargins(Result):
    """Result of :func:`launch_margins`: the smallest margins over the vehicle's load-envelope vertices.

    Attributes
    ----------
    tie_down_tension, tie_down_shear : float
        Smallest margins of the panel-stack tie-downs.
    cylinder_yield, cylinder_ultimate, cylinder_buckling : float
        Smallest margins of the primary structure: yield, ultimate strength and axial buckling.
    min_margin : float
        The smallest of all five.
    feasible : bool or ndarray of bool
        min_margin >= 0.
    reasons : str or ndarray of str
    """

    tie_down_tension: Any
    tie_down_shear: Any
    cylinder_yield: Any
    cylinder_ultimate: Any
    cylinder_buckling: Any
    min_margin: Any
    feasible: Any
    reasons: Any


@named_shapes
def launch_margins(vehicle: str | LaunchVehicle, *, stack_mass: Any, tie_down_count: Any, stack_cg_height: Any,
                   tie_down_radius: Any, tie_down_allowable_tension: Any, tie_down_allowable_shear: Any,
                   satellite_mass: Any, cylinder_radius: Any, cylinder_thickness: Any, satellite_cg_height: Any,
                   yield_strength: Any, ultimate_strength: Any, modulus: Any, poisson_ratio: Any = 0.3,
                   approach: str = "protoflight", stack_orientation: str = "in-plane") -> LaunchMargins:
    """Quasi-static margins of the stowed panel stack and the primary structure over a vehicle's load envelope.

    Each vertex (n_ax, n_lat) of :func:`structure.load_factor_cases` is one combined load case; the inputs
    broadcast against a trailing vertex axis and the smallest margin over the vertices is returned.
    Factors of safety from NASA-STD-5001B for ``approach`` (metallic): the tie-downs and the cylinder's yield
    check use the yield factor, the cylinder's ultimate and buckling checks the ultimate factor (buckling is an
    ultimate failure mode; :func:`cylinder_stress`).

    Parameters
    ----------
    vehicle : str or LaunchVehicle
        Must have a load envelope (Falcon 9 / Falcon Heavy in the table; others: supply one).
    stack_mass, tie_down_count, stack_cg_height, tie_down_radius, tie_down_allowable_tension,
    tie_down_allowable_shear
        As in :func:`tie_down_loads`.
    satellite_mass, cylinder_radius, cylinder_thickness, satellite_cg_height, yield_strength, ultimate_strength,
    modulus, poisson_ratio
        As in :func:`cylinder_stress` (the modulus is required: the thin cylinder's buckling is checked).
    approach : {"protoflight", "prototype"}
    stack_orientation : {"in-plane", "normal"}
        ``orientation`` of :func:`tie_down_loads`; default "in-plane", the launch axis in the panels' plane as
        :func:`geometry.make_satellite` stows a radiator wing.

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
                        factor_of_safety=fy, orientation=stack_orientation)
    cyl = cylinder_stress(_last_axis(satellite_mass, "kg", "satellite_mass"),
                          _last_axis(cylinder_radius, "m", "cylinder_radius"),
                          _last_axis(cylinder_thickness, "m", "cylinder_thickness"),
                          _last_axis(satellite_cg_height, "m", "satellite_cg_height"), n_ax, n_lat,
                          yield_strength=_last_axis(yield_strength, "Pa", "yield_strength"),
                          ultimate_strength=_last_axis(ultimate_strength, "Pa", "ultimate_strength"),
                          yield_factor=fy, ultimate_factor=fu, modulus=_last_axis(modulus, "Pa", "modulus"),
                          poisson_ratio=np.asarray(fraction(poisson_ratio, "poisson_ratio", lo=0.0, hi=0.5,
                                                            hi_open=True))[..., None])
    parts = [np.min(np.asarray(x, dtype=float), axis=-1) for x in
             (td.margin_tension, td.margin_shear, cyl.margin_yield, cyl.margin_ultimate, cyl.margin_buckling)]
    parts = broadcast(*parts)
    low = np.minimum.reduce(parts)
    bad = low < 0.0
    ok = scalar_or_array(~bad, bool)
    why = Reasons.mask(low.shape, (parts[0] < 0, "tie-down tension margin < 0"),
                                       (parts[1] < 0, "tie-down shear margin < 0"),
                                       (parts[2] < 0, "primary structure yield margin < 0"),
                                       (parts[3] < 0, "primary structure ultimate margin < 0"),
                                       (parts[4] < 0, "primary structure buckling margin < 0"))
    return LaunchMargins(*(scalar_or_array(p) for p in parts), min_margin=scalar_or_array(low), feasible=ok,
                         reasons=why)


def _last_axis(value: Any, unit: str | None, name: str) -> Any:
    """Validate ``value`` and give it a trailing axis of length 1, to broadcast against the load-case axis."""
    x = fraction(value, name, lo=0, hi=None) if unit is None else si(value, unit, name, lo=0)
    x = np.asarray(x)[..., None]
    return x if unit is None else quantity(x, unit)
