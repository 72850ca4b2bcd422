"""Natural frequencies: cantilever beams, tip masses, hinge springs, Dunkerley; deployed wings and the stowed
satellite against their requirements.

* :func:`cantilever_frequency`, :func:`tip_mass_cantilever_frequency`, :func:`torsional_spring_frequency`,
  :func:`axial_rod_frequency` -- closed forms (Blevins).
* :func:`dunkerley` -- 1/f^2 = sum 1/f_i^2, a lower bound on the combined first mode.
* :func:`sandwich_bending_stiffness` -- D = E_f t_f h^2 / (2 (1 - nu^2)), h = t_c + t_f (Hexcel).
* :func:`frequency_requirement` -- deployed first-mode floor from the attitude-control bandwidth.
* :func:`deployed_wing_frequency` -- a wing of N sandwich panels on hinge springs with a tip mass: one call
  sweeps panel count x core thickness.
* :func:`stowed_frequencies` -- the satellite on its adapter (a beam) and the panel stack on its tie-downs
  (spring-mass) against the launch vehicle's minimum frequencies.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.units import broadcast
from spacedc.structure.vehicles import LaunchVehicle, launch_vehicle

__all__ = ["CANTILEVER_LAMBDA1", "ACS_SEPARATION_FACTOR", "cantilever_frequency", "tip_mass_cantilever_frequency",
           "torsional_spring_frequency", "axial_rod_frequency", "dunkerley", "sandwich_bending_stiffness",
           "frequency_requirement", "DeployedWing", "deployed_wing_frequency", "StowedFrequencies",
           "stowed_frequencies"]

#: First eigenvalue of a clamped-free (cantilever) uniform beam, lambda_1 = 1.87510407: Blevins, *Formulas for
#: Natural Frequency and Mode Shape* (1979), Table 8-1. f_1 = lambda_1^2 / (2 pi) sqrt(EI / (m' L^4)).
CANTILEVER_LAMBDA1 = 1.87510407

#: Rayleigh participation of a uniform beam's own mass at a cantilever's tip, 33/140 = 0.2357 (Blevins 1979,
#: Table 8-8, cantilever with end mass: f = (1/2 pi) sqrt(3 EI / ((M + 0.24 m L) L^3))).
_BEAM_TIP_FACTOR = 33.0 / 140.0

#: Factor between the lowest deployed structural mode and the attitude-control bandwidth: 10, the "decade"
#: separation rule of thumb for flexible spacecraft, so that the controller neither excites nor destabilises the
#: appendage modes (e.g. Wie, *Space Vehicle Dynamics and Control*, 2nd ed., 2008, flexible-spacecraft control
#: chapters) (2nd-hand). A project with notch filters or collocated control may accept a factor of 3 to 5.
ACS_SEPARATION_FACTOR = 10.0

_TWO_PI = 2.0 * np.pi


def _cantilever(ei: np.ndarray, m_per_l: np.ndarray, length: np.ndarray) -> np.ndarray:
    return CANTILEVER_LAMBDA1 ** 2 / _TWO_PI * np.sqrt(ei / (m_per_l * length ** 4))


@named_shapes
def cantilever_frequency(bending_stiffness: Any, mass_per_length: Any, length: Any) -> pint.Quantity:
    """First bending frequency of a uniform cantilever beam.

    .. math:: f_1 = \\frac{1.8751^2}{2\\pi} \\sqrt{\\frac{EI}{m' L^4}}

    Blevins (1979), Table 8-1, clamped-free beam (Euler-Bernoulli: slender, small deflection).

    Parameters
    ----------
    bending_stiffness : Quantity [N m^2]
        EI (> 0).
    mass_per_length : Quantity [kg/m]
        m' (> 0).
    length : Quantity [length]
        L (> 0).

    Returns
    -------
    Quantity [Hz]
    """
    ei = si(bending_stiffness, "N*m^2", "bending_stiffness", lo=0, lo_open=True)
    mpl = si(mass_per_length, "kg/m", "mass_per_length", lo=0, lo_open=True)
    length = si(length, "m", "length", lo=0, lo_open=True)
    return quantity(_cantilever(ei, mpl, length), "Hz")


def _tip_mass(ei: np.ndarray, length: np.ndarray, tip: np.ndarray, beam: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.sqrt(3.0 * ei / ((tip + _BEAM_TIP_FACTOR * beam) * length ** 3)) / _TWO_PI


@named_shapes
def tip_mass_cantilever_frequency(bending_stiffness: Any, length: Any, tip_mass: Any,
                                  beam_mass: Any = "0 kg") -> pint.Quantity:
    """First frequency of a cantilever carrying a mass at its tip.

    .. math:: f = \\frac{1}{2\\pi} \\sqrt{\\frac{3 EI}{(M + 0.24\\, m L) L^3}}

    Blevins (1979), Table 8-8 (cantilever with end mass M; the beam's own mass m L enters with the Rayleigh
    factor 33/140 = 0.2357: 1.5 % above the exact uniform-beam value when M = 0, exact as M / m L grows).

    Parameters
    ----------
    bending_stiffness : Quantity [N m^2]
        EI (> 0).
    length : Quantity [length]
        L (> 0).
    tip_mass : Quantity [mass]
        M (>= 0).
    beam_mass : Quantity [mass]
        m L, the beam's own mass (>= 0; M + m L > 0).

    Returns
    -------
    Quantity [Hz]
    """
    ei = si(bending_stiffness, "N*m^2", "bending_stiffness", lo=0, lo_open=True)
    length = si(length, "m", "length", lo=0, lo_open=True)
    tip = si(tip_mass, "kg", "tip_mass", lo=0)
    beam = si(beam_mass, "kg", "beam_mass", lo=0)
    if np.any(tip + beam <= 0):
        raise ValueError("tip_mass + beam_mass: must be > 0 (a massless beam has no frequency)")
    return quantity(_tip_mass(ei, length, tip, beam), "Hz")


@named_shapes
def torsional_spring_frequency(stiffness: Any, inertia: Any) -> pint.Quantity:
    """Frequency of a rigid body rotating on a torsional spring (a rigid panel on its hinge).

    .. math:: f = \\frac{1}{2\\pi} \\sqrt{\\frac{k_\\theta}{J}}

    The undamped torsional oscillator J theta'' + k theta = 0: the panel is rigid, all compliance in the hinge
    (spacedc issue 'hinge torsional spring at the root'; Blevins 1979, spring-mass systems).

    Parameters
    ----------
    stiffness : Quantity [N m/rad]
        Hinge rotational stiffness k_theta (> 0).
    inertia : Quantity [kg m^2]
        Mass moment of inertia J about the hinge axis (> 0).

    Returns
    -------
    Quantity [Hz]
    """
    k = si(stiffness, "N*m/rad", "stiffness", lo=0, lo_open=True)
    j = si(inertia, "kg*m^2", "inertia", lo=0, lo_open=True)
    return quantity(np.sqrt(k / j) / _TWO_PI, "Hz")


def _rod(ea: np.ndarray, length: np.ndarray, tip: np.ndarray, rod: np.ndarray) -> np.ndarray:
    return np.sqrt(ea / (length * (tip + rod / 3.0))) / _TWO_PI


@named_shapes
def axial_rod_frequency(axial_stiffness: Any, length: Any, tip_mass: Any, rod_mass: Any = "0 kg") -> pint.Quantity:
    """Axial (longitudinal) first frequency of a fixed-free rod with a tip mass.

    .. math:: f = \\frac{1}{2\\pi} \\sqrt{\\frac{EA / L}{M + m_{rod}/3}}

    Rayleigh's method with the static (linear) axial deflection: the rod's own mass enters with 1/3 (Blevins
    1979, ch. 8, bars with end masses); exact to 1 % for M > m_rod.

    Parameters
    ----------
    axial_stiffness : Quantity [N]
        EA (> 0).
    length : Quantity [length]
        L (> 0).
    tip_mass : Quantity [mass]
        M (> 0).
    rod_mass : Quantity [mass]
        (>= 0).

    Returns
    -------
    Quantity [Hz]
    """
    ea = si(axial_stiffness, "N", "axial_stiffness", lo=0, lo_open=True)
    length = si(length, "m", "length", lo=0, lo_open=True)
    tip = si(tip_mass, "kg", "tip_mass", lo=0, lo_open=True)
    rod = si(rod_mass, "kg", "rod_mass", lo=0)
    return quantity(_rod(ea, length, tip, rod), "Hz")


@named_shapes
def dunkerley(*frequencies: Any) -> pint.Quantity:
    """Combine the frequencies of separate flexibilities by Dunkerley's formula.

    .. math:: \\frac{1}{f^2} = \\sum_i \\frac{1}{f_i^2}

    Each f_i is the frequency with only flexibility i present (the others rigid); the result is a lower bound
    on the true first frequency ([Dunkerley1894]; [Blevins1979] sec. 4.3).

    Parameters
    ----------
    *frequencies : Quantity [Hz]
        One or more (> 0; leave a rigid element out); broadcast together.

    Returns
    -------
    Quantity [Hz]
    """
    if not frequencies:
        raise ValueError("dunkerley: give at least one frequency")
    fs = [si(f, "Hz", f"frequencies[{k}]", lo=0, lo_open=True) for k, f in enumerate(frequencies)]
    return quantity(_dunkerley(*fs), "Hz")


def _dunkerley(*fs: Any) -> np.ndarray:
    inv = sum(1.0 / np.asarray(f, dtype=float) ** 2 for f in fs)
    with np.errstate(divide="ignore"):
        return 1.0 / np.sqrt(inv)


def _sandwich_d(ef: np.ndarray, tf: np.ndarray, tc: np.ndarray, nu: np.ndarray) -> np.ndarray:
    return ef * tf * (tc + tf) ** 2 / (2.0 * (1.0 - nu * nu))


@named_shapes
def sandwich_bending_stiffness(face_modulus: Any, face_thickness: Any, core_thickness: Any,
                               face_poisson_ratio: Any = 0.0) -> pint.Quantity:
    """Bending stiffness per unit width of a sandwich panel with two equal thin faces.

    .. math:: D = \\frac{E_f t_f h^2}{2 \\lambda}, \\qquad h = t_c + t_f, \\quad \\lambda = 1 - \\nu_f^2

    Hexcel, *HexWeb Honeycomb Sandwich Design Technology* (AGU 075b, 2000), sandwich beam and panel formulae:
    faces carry bending as membranes about the centroidal distance h; the core's own bending stiffness and the
    faces' local stiffness are neglected (t_f << t_c). With nu = 0 (default) this is the beam (strip) value
    E_f t_f h^2 / 2 of the issue; nu_f gives the plate value.

    Parameters
    ----------
    face_modulus : Quantity [Pa]
        E_f (> 0).
    face_thickness, core_thickness : Quantity [length]
        t_f (> 0) and t_c (>= 0).
    face_poisson_ratio : float
        nu_f, 0 to 0.5.

    Returns
    -------
    Quantity [N m] (N m^2 per m of width)
    """
    ef = si(face_modulus, "Pa", "face_modulus", lo=0, lo_open=True)
    tf = si(face_thickness, "m", "face_thickness", lo=0, lo_open=True)
    tc = si(core_thickness, "m", "core_thickness", lo=0)
    nu = fraction(face_poisson_ratio, "face_poisson_ratio", lo=0, hi=0.5)
    return quantity(_sandwich_d(ef, tf, tc, nu), "N*m")


@named_shapes
def frequency_requirement(acs_bandwidth: Any, separation_factor: Any = ACS_SEPARATION_FACTOR) -> pint.Quantity:
    """Minimum deployed first frequency for a given attitude-control bandwidth.

    .. math:: f_{min} = k \\, f_{ACS}

    with k = :data:`ACS_SEPARATION_FACTOR` (10, a decade) by default.

    Parameters
    ----------
    acs_bandwidth : Quantity [frequency]
        Attitude-control bandwidth (> 0), e.g. "0.02 Hz". A length or any non-frequency raises
        DimensionalityError naming ``acs_bandwidth``.
    separation_factor : float
        k (>= 1).

    Returns
    -------
    Quantity [Hz]
    """
    bw = si(acs_bandwidth, "Hz", "acs_bandwidth", lo=0, lo_open=True)
    k = fraction(separation_factor, "separation_factor", lo=1, hi=None)
    return quantity(bw * k, "Hz")


@dataclasses.dataclass(frozen=True)
class DeployedWing(Result):
    """Result of :func:`deployed_wing_frequency`. Fields broadcast over the inputs (e.g. (N, M) for a sweep).

    Attributes
    ----------
    frequency : Quantity [Hz]
        First out-of-plane mode of the deployed wing (Dunkerley of bending and hinges).
    bending_frequency : Quantity [Hz]
        The continuous wing as a tip-loaded cantilever with rigid hinges.
    hinge_frequency : Quantity [Hz]
        The wing as rigid panels on the hinge springs.
    bending_stiffness : Quantity [N m^2]
        EI = D b of the wing.
    mass_per_length : Quantity [kg/m]
        m' of the wing.
    wing_mass : Quantity [kg]
        m' L (without the tip mass).
    length : Quantity [m]
        N l_p.
    required_frequency : Quantity [Hz] or None
    margin : float or None
        frequency / required_frequency - 1.
    feasible : bool or ndarray of bool
        margin >= 0 (True without a requirement).
    reasons : str or ndarray of str
    """

    frequency: pint.Quantity = dataclasses.field(metadata={"unit": "Hz"})
    bending_frequency: pint.Quantity = dataclasses.field(metadata={"unit": "Hz"})
    hinge_frequency: pint.Quantity = dataclasses.field(metadata={"unit": "Hz"})
    bending_stiffness: pint.Quantity = dataclasses.field(metadata={"unit": "N*m^2"})
    mass_per_length: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m"})
    wing_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    length: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    required_frequency: pint.Quantity | None = dataclasses.field(metadata={"unit": "Hz"})
    margin: Any
    feasible: Any
    reasons: Any


@named_shapes
def deployed_wing_frequency(*, panel_count: Any, panel_length: Any, panel_width: Any, core_thickness: Any,
                            face_thickness: Any, face_modulus: Any, face_density: Any, core_density: Any,
                            hinge_stiffness: Any, tip_mass: Any = "0 kg", extra_areal_density: Any = "0 kg/m^2",
                            face_poisson_ratio: Any = 0.0, required_frequency: Any = None) -> DeployedWing:
    """First out-of-plane frequency of a deployed wing of N sandwich panels joined by hinge springs.

    The wing is N panels of length l_p (along the wing) and width b in a line from the root, total length
    L = N l_p, with a tip mass M (e.g. a tip fitting or the last loop manifold). Two flexibilities are
    combined by Dunkerley (:func:`dunkerley`):

    * bending of the continuous wing with rigid hinges, a cantilever with tip mass (Blevins Table 8-8):
      f_b = (1 / 2 pi) sqrt(3 EI / ((M + 0.24 m' L) L^3)), EI = D b with the sandwich
      D = E_f t_f (t_c + t_f)^2 / (2 (1 - nu^2)) (Hexcel), m' = b (2 rho_f t_f + rho_c t_c + extra);
    * rotation of rigid panels on N hinges of stiffness k (one at the root, N - 1 between panels): each hinge j
      at x_j = j l_p alone gives (2 pi f_j)^2 = k / J_j with J_j the inertia of everything outboard about it,
      J_j = m' (L - x_j)^3 / 3 + M (L - x_j)^2, and by Dunkerley
      1 / (2 pi f_h)^2 = (1/k) sum_j J_j = (1/k) [m' l_p^3 S_3 / 3 + M l_p^2 S_2],
      S_2 = N (N+1)(2N+1)/6, S_3 = (N (N+1)/2)^2 (closed forms: the sum vectorizes over N).

    Parameters
    ----------
    panel_count : int or float array
        N (>= 1). Broadcasts: a (N, 1) array against a (1, M) ``core_thickness`` sweeps both in one call.
    panel_length, panel_width : Quantity [length]
        l_p along the wing, b across it (> 0).
    core_thickness, face_thickness : Quantity [length]
        t_c (>= 0), t_f (> 0); two equal faces.
    face_modulus : Quantity [Pa]
    face_density, core_density : Quantity [kg/m^3]
    hinge_stiffness : Quantity [N m/rad]
        k of each hinge (> 0; a very large value for rigid hinges).
    tip_mass : Quantity [mass]
    extra_areal_density : Quantity [kg/m^2]
        Non-structural mass on the panels (heat pipes and fluid, coatings, cells), spread uniformly.
    face_poisson_ratio : float
    required_frequency : Quantity [Hz], optional
        E.g. :func:`frequency_requirement`; gives ``margin`` and ``feasible``.

    Returns
    -------
    DeployedWing
    """
    n = fraction(panel_count, "panel_count", lo=1, hi=None)
    lp = si(panel_length, "m", "panel_length", lo=0, lo_open=True)
    b = si(panel_width, "m", "panel_width", lo=0, lo_open=True)
    tc = si(core_thickness, "m", "core_thickness", lo=0)
    tf = si(face_thickness, "m", "face_thickness", lo=0, lo_open=True)
    ef = si(face_modulus, "Pa", "face_modulus", lo=0, lo_open=True)
    rho_f = si(face_density, "kg/m^3", "face_density", lo=0)
    rho_c = si(core_density, "kg/m^3", "core_density", lo=0)
    k = si(hinge_stiffness, "N*m/rad", "hinge_stiffness", lo=0, lo_open=True)
    tip = si(tip_mass, "kg", "tip_mass", lo=0)
    extra = si(extra_areal_density, "kg/m^2", "extra_areal_density", lo=0)
    nu = fraction(face_poisson_ratio, "face_poisson_ratio", lo=0, hi=0.5)
    f_req = None if required_frequency is None else si(required_frequency, "Hz", "required_frequency", lo=0,
                                                       lo_open=True)

    ei = _sandwich_d(ef, tf, tc, nu) * b
    mpl = b * (2.0 * rho_f * tf + rho_c * tc + extra)
    length = n * lp
    f_bend = _tip_mass(ei, length, tip, mpl * length)
    s2 = n * (n + 1.0) * (2.0 * n + 1.0) / 6.0
    s3 = (n * (n + 1.0) / 2.0) ** 2
    with np.errstate(divide="ignore"):
        f_hinge = np.sqrt(k / (mpl * lp ** 3 * s3 / 3.0 + tip * lp ** 2 * s2)) / _TWO_PI
    f = _dunkerley(f_bend, f_hinge)
    f, f_bend, f_hinge, ei, mpl, length, req = broadcast(f, f_bend, f_hinge, ei, mpl, length,
                                                         1.0 if f_req is None else f_req)
    if f_req is None:
        margin, low = None, np.zeros(f.shape, bool)
    else:
        ratio = f / req - 1.0
        low = ratio < 0.0
        margin = scalar_or_array(ratio)
    ok = scalar_or_array(~low, bool)
    why = Reasons.mask(f.shape, (low, "deployed first mode below the required frequency"))
    return DeployedWing(frequency=quantity(f, "Hz"), bending_frequency=quantity(f_bend, "Hz"),
                        hinge_frequency=quantity(f_hinge, "Hz"), bending_stiffness=quantity(ei, "N*m^2"),
                        mass_per_length=quantity(mpl, "kg/m"), wing_mass=quantity(mpl * length, "kg"),
                        length=quantity(length, "m"),
                        required_frequency=None if f_req is None else quantity(f_req, "Hz"),
                        margin=margin, feasible=ok, reasons=why)


@dataclasses.dataclass(frozen=True)
class StowedFrequencies(Result):
    """Result of :func:`stowed_frequencies`.

    Attributes
    ----------
    lateral, axial : Quantity [Hz]
        First lateral (bending) and axial modes of the satellite on its adapter/primary cylinder.
    stack : Quantity [Hz]
        First mode of the stowed panel stack on its tie-downs.
    first_mode : Quantity [Hz]
        The lowest of the lateral, axial and stack modes (the stowed first mode).
    required_lateral, required_axial : Quantity [Hz] or None
        The vehicle's minimums (None where it publishes none).
    margin_lateral, margin_axial, margin_stack : float or None
        f / f_min - 1 (the stack against the lateral minimum); None without a requirement.
    feasible : bool or ndarray of bool
    reasons : str or ndarray of str
    """

    lateral: pint.Quantity = dataclasses.field(metadata={"unit": "Hz"})
    axial: pint.Quantity = dataclasses.field(metadata={"unit": "Hz"})
    stack: pint.Quantity = dataclasses.field(metadata={"unit": "Hz"})
    first_mode: pint.Quantity = dataclasses.field(metadata={"unit": "Hz"})
    required_lateral: pint.Quantity | None = dataclasses.field(metadata={"unit": "Hz"})
    required_axial: pint.Quantity | None = dataclasses.field(metadata={"unit": "Hz"})
    margin_lateral: Any
    margin_axial: Any
    margin_stack: Any
    feasible: Any
    reasons: Any


@named_shapes
def stowed_frequencies(vehicle: str | LaunchVehicle, *, satellite_mass: Any, cylinder_radius: Any,
                       cylinder_thickness: Any, cg_height: Any, modulus: Any, cylinder_density: Any = None,
                       stack_mass: Any, tie_down_stiffness: Any, tie_down_count: Any) -> StowedFrequencies:
    """Stowed first modes of the satellite against the launch vehicle's minimum frequencies.

    * Satellite on its adapter: a thin-walled cylinder of radius R, wall t and height h (the centre-of-mass
      height) clamped at the interface, carrying the satellite mass M at its top:
      lateral f = (1/2 pi) sqrt(3 EI / ((M + 0.24 m_c) h^3)) with I = pi R^3 t (Blevins Table 8-8), axial
      f = (1/2 pi) sqrt((EA/h) / (M + m_c/3)) with A = 2 pi R t (:func:`axial_rod_frequency`); m_c is the
      cylinder's own mass 2 pi R t h rho (0 without ``cylinder_density``).
    * Panel stack on N tie-downs of stiffness k each (spring-mass): f = (1/2 pi) sqrt(N k / m_stack).

    The vehicle's minimums are for the spacecraft hard-mounted at the interface (Falcon: 10 Hz lateral, 25 Hz
    axial); the stack's mode is compared with the lateral minimum, since a stack mode below it is a spacecraft
    mode below it.

    Parameters
    ----------
    vehicle : str or LaunchVehicle
    satellite_mass : Quantity [mass]
    cylinder_radius, cylinder_thickness, cg_height : Quantity [length]
    modulus : Quantity [Pa]
        E of the cylinder.
    cylinder_density : Quantity [kg/m^3], optional
    stack_mass : Quantity [mass]
    tie_down_stiffness : Quantity [N/m]
        Stiffness of one tie-down (with its bracket) in the stack's critical direction.
    tie_down_count : int or float

    Returns
    -------
    StowedFrequencies
    """
    lv = launch_vehicle(vehicle)
    m = si(satellite_mass, "kg", "satellite_mass", lo=0, lo_open=True)
    radius = si(cylinder_radius, "m", "cylinder_radius", lo=0, lo_open=True)
    t = si(cylinder_thickness, "m", "cylinder_thickness", lo=0, lo_open=True)
    h = si(cg_height, "m", "cg_height", lo=0, lo_open=True)
    e = si(modulus, "Pa", "modulus", lo=0, lo_open=True)
    rho = 0.0 if cylinder_density is None else si(cylinder_density, "kg/m^3", "cylinder_density", lo=0)
    ms = si(stack_mass, "kg", "stack_mass", lo=0, lo_open=True)
    k = si(tie_down_stiffness, "N/m", "tie_down_stiffness", lo=0, lo_open=True)
    n = fraction(tie_down_count, "tie_down_count", lo=1, hi=None)

    area = 2.0 * np.pi * radius * t
    m_cyl = area * h * rho
    lateral = _tip_mass(e * np.pi * radius ** 3 * t, h, m, m_cyl)
    axial = _rod(e * area, h, m, m_cyl)
    stack = np.sqrt(n * k / ms) / _TWO_PI
    lateral, axial, stack = broadcast(lateral, axial, stack)
    first = np.minimum(np.minimum(lateral, axial), stack)

    def check(f: np.ndarray, req: pint.Quantity | None) -> tuple[Any, np.ndarray]:
        if req is None:
            return None, np.zeros(f.shape, bool)
        ratio = f / req.m_as("Hz") - 1.0
        return scalar_or_array(ratio), ratio < 0.0

    ms_lat, low_lat = check(lateral, lv.min_lateral_frequency)
    ms_ax, low_ax = check(axial, lv.min_axial_frequency)
    ms_st, low_st = check(stack, lv.min_lateral_frequency)
    ok = scalar_or_array(~(low_lat | low_ax | low_st), bool)
    why = Reasons.mask(
        lateral.shape, (low_lat, f"lateral mode below the {lv.name} minimum"),
        (low_ax, f"axial mode below the {lv.name} minimum"),
        (low_st, f"panel-stack mode below the {lv.name} lateral minimum"))
    return StowedFrequencies(lateral=quantity(lateral, "Hz"), axial=quantity(axial, "Hz"),
                             stack=quantity(stack, "Hz"), first_mode=quantity(first, "Hz"),
                             required_lateral=lv.min_lateral_frequency, required_axial=lv.min_axial_frequency,
                             margin_lateral=ms_lat, margin_axial=ms_ax, margin_stack=ms_st, feasible=ok,
                             reasons=why)
