"""Solar array sizing (SMAD sec. 11.4) and the array's own radiative temperature.

Two public functions:

* :func:`array_operating_temperature` -- steady temperature of a thin sunlit array that radiates from both
  faces, optionally with its efficiency falling as it warms (the coupling is solved, not iterated blindly).
* :func:`size_solar_array` -- the SMAD chain from daylight and eclipse loads to array area, power and mass,
  with the cell efficiency corrected to the operating temperature when asked.

Kernels are private functions on float arrays in SI units (kelvin; angles in degrees); the public
wrappers validate and convert once. Every input broadcasts against every other.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint
from scipy.constants import Stefan_Boltzmann as _SIGMA

from spacedc.orbit.constants import SOLAR_CONSTANT
from spacedc.units import broadcast
from spacedc.power.cells import REFERENCE_TEMPERATURE, SolarCell, cell as _lookup_cell
from spacedc.results import Reasons, Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si

__all__ = ["SolarArrayResult", "array_operating_temperature", "size_solar_array", "SolarArrayRating",
           "rate_solar_array"]

#: Steps of the temperature-efficiency coupling: fixed-point steps from an upper bound tighten it (each
#: contracts the error by about 0.1 for real arrays), then Newton's method, monotone and quadratic from above
#: on the convex quartic, reaches round-off.
_BOUND_STEPS = 2
_NEWTON_STEPS = 4


# ----------------------------------------------------------------------------------------------- kernels
def _back_flux(solar_flux, earth_ir, albedo, view_factor, absorptance_back, emissivity_back):
    """Earth IR and albedo absorbed by the back face per unit array area [W/m^2]."""
    return view_factor * (emissivity_back * earth_ir + absorptance_back * albedo * solar_flux)


def _fourth_root(x):
    """x^(1/4) for x >= 0 (two square roots: several times faster than a float power on large arrays)."""
    return np.sqrt(np.sqrt(x))


def _plate_temperature(absorbed, emissivity_sum):
    """T = (q / (sigma (eps_f + eps_b)))^(1/4); no absorbed heat gives 0 K (deep space neglected)."""
    return _fourth_root(np.maximum(absorbed, 0.0) / (_SIGMA * emissivity_sum))


def _coupled_temperature(sun, absorptance, eta_ref, tempco, extraction, emissivity_sum, q_back):
    """Array temperature and efficiency when the efficiency falls linearly with temperature.

    With eta(T) = eta_ref (1 + beta (T - T_ref)) and electrical output eta(T) k S cos(theta), the balance
    sigma (eps_f + eps_b) T^4 = S cos(theta) (alpha - k eta(T)) + q_back is the depressed quartic
    f(T) = c4 T^4 - a T - C = 0 with a = -beta k eta_ref S cos(theta) >= 0 for beta <= 0. f is convex for
    T > 0; started from an upper bound of the root (tightened by two fixed-point steps), Newton's method
    decreases monotonically onto it.
    Where the efficiency would turn negative (far above any real array) it is held at zero.
    """
    c4 = _SIGMA * emissivity_sum
    a = -tempco * extraction * eta_ref * sun
    c = sun * (absorptance - extraction * eta_ref * (1.0 - tempco * REFERENCE_TEMPERATURE)) + q_back
    t_floor = np.cbrt(a / (4.0 * c4))  # minimum of f: stay right of it
    t = np.maximum(_fourth_root(2.0 * np.abs(c) / c4), np.cbrt(2.0 * a / c4))  # f(t) >= 0: above the root
    for _ in range(_BOUND_STEPS):  # t -> ((C + a t)/c4)^(1/4) maps an upper bound to a tighter one
        t = _fourth_root(np.maximum(c + a * t, 0.0) / c4)
    for _ in range(_NEWTON_STEPS):
        t3 = t * t * t
        f = c4 * t3 * t - a * t - c
        df = 4.0 * c4 * t3 - a
        step = np.divide(f, df, out=np.zeros_like(f), where=df > 0)
        t = np.maximum(t - step, t_floor)
    eta = eta_ref * (1.0 + tempco * (t - REFERENCE_TEMPERATURE))
    dead = eta < 0
    t = np.where(dead, _plate_temperature(sun * absorptance + q_back, emissivity_sum), t)
    return t, np.where(dead, 0.0, eta)


def _cos_incidence(theta_deg):
    """cos(theta), exactly zero at 90 deg (where np.cos(pi/2) would leave 6e-17 W of sunlight)."""
    return np.where(theta_deg >= 90.0, 0.0, np.cos(np.radians(theta_deg)))


def _required_power(p_day, p_ecl, t_day, t_ecl, x_day, x_ecl):
    """SMAD eq. 11-5: P_sa = (P_e T_e / X_e + P_d T_d / X_d) / T_d."""
    return (p_ecl * t_ecl / x_ecl + p_day * t_day / x_day) / t_day


# ------------------------------------------------------------------------------------------- temperature
@named_shapes
def array_operating_temperature(*, solar_flux: Any, absorptance: Any, efficiency: Any, emissivity_front: Any,
                                emissivity_back: Any, incidence_angle: Any = "0 deg",
                                temperature_coefficient: Any = None, earth_ir: Any = "0 W/m^2",
                                albedo: Any = 0.0, view_factor: Any = 0.0,
                                absorptance_back: Any = None) -> pint.Quantity:
    r"""Steady temperature of a thin solar array radiating from both faces.

    A thin array (no temperature difference through its thickness) absorbs sunlight on its cell face,
    sends part of it away as electricity, optionally absorbs Earth IR and albedo on its back face, and
    radiates the rest from both faces to deep space:

    .. math::

        \sigma (\varepsilon_f + \varepsilon_b) T^4 = S \cos\theta\,(\alpha - \eta)
            + F (\varepsilon_b q_{IR} + \alpha_b a S)

    so that :math:`T = (q_{abs} / (\sigma (\varepsilon_f + \varepsilon_b)))^{1/4}`. This is the flat-plate
    balance of Gilmore, *Spacecraft Thermal Control Handbook* Vol. 1 (2002), ch. 2, and of SMAD 3rd ed.
    sec. 11.5, with the electrical output removed from the absorbed heat.

    If ``temperature_coefficient`` is given, ``efficiency`` is the value at 28 C and the efficiency at the
    operating temperature, :math:`\eta(T) = \eta_{28}(1 + \beta (T - 301.15\,K))`, is solved together with
    the balance (a quartic in T, solved by a fixed number of vectorized Newton steps; no per-point root
    finding).

    Parameters
    ----------
    solar_flux : Quantity [W/m^2]
        Sunlight intensity S at the array (1361 W/m^2 at 1 AU).
    absorptance : float
        Solar absorptance of the cell face, alpha [-].
    efficiency : float
        Electrical output per unit of sunlight incident on the array, eta [-]: the cell efficiency times
        the array losses (packing, wiring) that :func:`size_solar_array` calls inherent degradation.
    emissivity_front, emissivity_back : float
        Infrared emissivities of the cell face and the back face [-].
    incidence_angle : Quantity [angle], optional
        Angle theta between the sun line and the array normal, 0 to 90 deg.
    temperature_coefficient : Quantity [1/K], optional
        Relative temperature coefficient beta of ``efficiency`` (negative); see above.
    earth_ir : Quantity [W/m^2], optional
        Earth's outgoing infrared flux q_IR (about 237 W/m^2 mean), seen by the back face.
    albedo : float, optional
        Earth albedo a (about 0.30 mean). The albedo flux is taken as a S F (sub-solar, a bounding case).
    view_factor : float, optional
        View factor F from the back face to Earth [-].
    absorptance_back : float, optional
        Solar absorptance of the back face for albedo; defaults to ``emissivity_back`` (a gray back face).

    Returns
    -------
    Quantity [K]
        Array temperature; broadcast over all inputs.

    Notes
    -----
    Valid for a thin array in vacuum whose front sees only the sun and deep space (3 K, neglected) and
    whose back sees Earth through F. Eclipse transients are outside this steady balance.

    Examples
    --------
    Incropera-type panel, alpha = 0.8, eta = 0.12, eps 0.8/0.7, 1500 W/m^2 normal: about 331 K.

    >>> round(array_operating_temperature(solar_flux="1500 W/m^2", absorptance=0.8, efficiency=0.12,
    ...                                   emissivity_front=0.8, emissivity_back=0.7).m, 1)
    330.9
    """
    s = si(solar_flux, "W/m^2", "solar_flux", lo=0)
    theta = si(incidence_angle, "deg", "incidence_angle", lo=0, hi=90)
    alpha = fraction(absorptance, "absorptance", lo=0, hi=1)
    eta = fraction(efficiency, "efficiency", lo=0, hi=1, hi_open=True)
    eps_f = fraction(emissivity_front, "emissivity_front", lo=0, hi=1)
    eps_b = fraction(emissivity_back, "emissivity_back", lo=0, hi=1)
    q_ir = si(earth_ir, "W/m^2", "earth_ir", lo=0)
    a = fraction(albedo, "albedo", lo=0, hi=1)
    f = fraction(view_factor, "view_factor", lo=0, hi=1)
    alpha_b = eps_b if absorptance_back is None else fraction(absorptance_back, "absorptance_back", lo=0, hi=1)
    if np.any(eps_f + eps_b <= 0):
        raise ValueError("emissivity_front + emissivity_back must be > 0: the array cannot radiate")
    if np.any(eta > alpha):
        raise ValueError(f"efficiency = {efficiency}: cannot exceed absorptance = {absorptance} "
                         "(the array cannot deliver more power than it absorbs)")
    q_back = _back_flux(s, q_ir, a, f, alpha_b, eps_b)
    sun = s * _cos_incidence(theta)
    if temperature_coefficient is None:
        t = _plate_temperature(sun * (alpha - eta) + q_back, eps_f + eps_b)
    else:
        beta = si(temperature_coefficient, "1/K", "temperature_coefficient", hi=0)
        t, _ = _coupled_temperature(sun, alpha, eta, beta, 1.0, eps_f + eps_b, q_back)
    return quantity(t, "K")


# ------------------------------------------------------------------------------------------------ sizing
@dataclasses.dataclass(frozen=True)
class SolarArrayResult(Result):
    """Result of :func:`size_solar_array`. Fields broadcast over the inputs.

    Attributes
    ----------
    area : Quantity [m^2]
        Array area A_sa = P_sa / P_EOL (SMAD eq. 11-9); infinite where infeasible.
    required_power : Quantity [W]
        Power the array must deliver in daylight, P_sa (SMAD eq. 11-5).
    ideal_power_per_area : Quantity [W/m^2]
        P_o = eta S at the operating temperature (SMAD sec. 11.4).
    bol_power_per_area, eol_power_per_area : Quantity [W/m^2]
        P_BOL = P_o I_d cos(theta) (eq. 11-6) and P_EOL = P_BOL L_d (eq. 11-8).
    bol_power, eol_power : Quantity [W]
        Array totals at beginning and end of life (eol_power equals required_power where feasible).
    mass : Quantity [kg]
        Array mass from areal density, or rated power over specific power.
    lifetime_degradation : float
        L_d = (1 - D)^years (SMAD eq. 11-7).
    efficiency : float
        Cell efficiency at the operating temperature.
    cell_temperature : Quantity [K]
        Operating temperature used for the efficiency (28 C when no correction was asked).
    feasible : bool or ndarray of bool
        False where no finite array meets the load.
    reasons : str or ndarray of str
        Why each infeasible point is infeasible ("" where feasible).
    """

    area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    required_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    ideal_power_per_area: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    bol_power_per_area: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    eol_power_per_area: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    bol_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    eol_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    lifetime_degradation: Any
    efficiency: Any
    cell_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    feasible: Any
    reasons: Any


def _pick(value: Any, row: SolarCell | None, attr: str, name: str) -> Any:
    """The explicit value, else the cell row's, else an error naming the parameter."""
    if value is not None:
        return value
    if row is not None:
        return getattr(row, attr)
    raise ValueError(f"{name}: not given and no cell to take it from; pass {name}=... or cell=...")


@named_shapes
def size_solar_array(*, daylight_load: Any, eclipse_load: Any, daylight_duration: Any, eclipse_duration: Any,
                     lifetime: Any, cell: str | SolarCell | None = None, cell_efficiency: Any = None,
                     temperature_coefficient: Any = None, annual_degradation: Any = None,
                     inherent_degradation: Any = 0.77, solar_flux: Any = "1361 W/m^2",
                     incidence_angle: Any = "0 deg", daylight_path_efficiency: Any = 0.85,
                     eclipse_path_efficiency: Any = 0.65, areal_density: Any = None, specific_power: Any = None,
                     cell_temperature: Any = None, absorptance: Any = None, emissivity_front: Any = None,
                     emissivity_back: Any = None, earth_ir: Any = "0 W/m^2", albedo: Any = 0.0,
                     view_factor: Any = 0.0) -> SolarArrayResult:
    r"""Size a solar array with the SMAD chain, optionally at the array's own operating temperature.

    Implements Wertz & Larson, *Space Mission Analysis and Design* 3rd ed. (1999), sec. 11.4:

    .. math::

        P_{sa} &= (P_e T_e / X_e + P_d T_d / X_d) / T_d           && \text{(eq. 11-5)} \\
        P_o &= \eta S,\quad P_{BOL} = P_o I_d \cos\theta              && \text{(eq. 11-6)} \\
        L_d &= (1 - D)^{\text{years}},\quad P_{EOL} = P_{BOL} L_d       && \text{(eqs. 11-7, 11-8)} \\
        A_{sa} &= P_{sa} / P_{EOL}                                     && \text{(eq. 11-9)}

    Mass is ``areal_density * A`` or, for arrays rated by specific power (flexible blankets),
    ``A * eta_28 * S_0 * I_d / specific_power`` (rated beginning-of-life power at normal incidence, 28 C and
    1 AU, S_0 = 1361 W/m^2, whatever flux the array is sized for).

    Cell temperature: ``None`` keeps the 28 C datasheet efficiency (SMAD's I_d then covers temperature);
    a Quantity corrects the efficiency to that temperature, :math:`\eta = \eta_{28}(1 + \beta(T - 301.15\,K))`;
    ``"radiative"`` takes T from the array's own radiative balance (:func:`array_operating_temperature`, with
    the delivered power eta(T) I_d S cos(theta) leaving as electricity), solved together with eta(T).
    When the temperature is modelled, give an ``inherent_degradation`` without SMAD's temperature share or
    the temperature loss is counted twice.

    Parameters
    ----------
    daylight_load, eclipse_load : Quantity [W]
        Spacecraft loads P_d and P_e during daylight and eclipse (at the bus).
    daylight_duration, eclipse_duration : Quantity [time]
        T_d and T_e per orbit (T_d > 0).
    lifetime : Quantity [time]
        Mission life for the degradation L_d.
    cell : str or SolarCell, optional
        A row of :data:`power.CELLS`; its values are the defaults of the cell parameters below.
    cell_efficiency : float, optional
        Cell efficiency at 28 C, AM0 [-].
    temperature_coefficient : Quantity [1/K], optional
        Relative temperature coefficient of efficiency (negative); needed with ``cell_temperature``.
    annual_degradation : float, optional
        D, fraction of power lost per year [1/yr].
    inherent_degradation : float
        I_d, 0.77 nominal in SMAD 3rd ed. (0.72 in the newer edition) [-].
    solar_flux : Quantity [W/m^2]
        S, default 1361 W/m^2 (SMAD used 1367).
    incidence_angle : Quantity [angle]
        Worst-case sun angle theta on the array, 0 to 90 deg.
    daylight_path_efficiency, eclipse_path_efficiency : float
        X_d and X_e; 0.85 and 0.65 for direct energy transfer, 0.80 and 0.60 for peak-power tracking (SMAD).
    areal_density : Quantity [kg/m^2], optional
        Array mass per area. Give this or ``specific_power`` (or a cell that carries one).
    specific_power : Quantity [W/kg], optional
        Rated array power per mass.
    cell_temperature : Quantity [temperature] or "radiative", optional
        See above.
    absorptance, emissivity_front, emissivity_back : float, optional
        Array optics for ``cell_temperature="radiative"``; default to the cell row's.
    earth_ir, albedo, view_factor : optional
        Earth loads on the back face for ``"radiative"`` (see :func:`array_operating_temperature`).

    Returns
    -------
    SolarArrayResult
        Infeasible points (no power at end of life: sun at 90 deg, zero efficiency at temperature, or
        D = 1) have ``feasible`` False, a reason, and infinite area and mass; nothing is raised for them.

    Raises
    ------
    TypeError, pint.DimensionalityError, ValueError
        For a bare number, a wrong unit, NaN or an out-of-range value; the message names the parameter.

    Examples
    --------
    >>> r = size_solar_array(daylight_load="110 W", eclipse_load="110 W", daylight_duration="63.5 min",
    ...                      eclipse_duration="35.3 min", lifetime="5 year", cell="silicon",
    ...                      solar_flux="1367 W/m^2", incidence_angle="23.5 deg")
    >>> round(r.ideal_power_per_area.m), round(r.lifetime_degradation, 3)
    (202, 0.826)
    """
    row = None if cell is None else _lookup_cell(cell)
    p_day = si(daylight_load, "W", "daylight_load", lo=0)
    p_ecl = si(eclipse_load, "W", "eclipse_load", lo=0)
    t_day = si(daylight_duration, "s", "daylight_duration", lo=0, lo_open=True)
    t_ecl = si(eclipse_duration, "s", "eclipse_duration", lo=0)
    years = si(lifetime, "year", "lifetime", lo=0)
    eta_ref = fraction(_pick(cell_efficiency, row, "efficiency", "cell_efficiency"), "cell_efficiency",
                       lo=0, hi=1, lo_open=True)
    d = fraction(_pick(annual_degradation, row, "annual_degradation", "annual_degradation"),
                 "annual_degradation", lo=0, hi=1)
    i_d = fraction(inherent_degradation, "inherent_degradation", lo=0, hi=1, lo_open=True)
    s = si(solar_flux, "W/m^2", "solar_flux", lo=0, lo_open=True)
    theta = si(incidence_angle, "deg", "incidence_angle", lo=0, hi=90)
    x_day = fraction(daylight_path_efficiency, "daylight_path_efficiency", lo=0, hi=1, lo_open=True)
    x_ecl = fraction(eclipse_path_efficiency, "eclipse_path_efficiency", lo=0, hi=1, lo_open=True)

    if areal_density is not None and specific_power is not None:
        raise ValueError("areal_density and specific_power: give one, not both")
    if areal_density is None and specific_power is None and row is not None:
        areal_density, specific_power = row.areal_density, row.specific_power
    if areal_density is not None:
        rho_a, sp = si(areal_density, "kg/m^2", "areal_density", lo=0, lo_open=True), None
    elif specific_power is not None:
        rho_a, sp = None, si(specific_power, "W/kg", "specific_power", lo=0, lo_open=True)
    else:
        raise ValueError("areal_density: not given and no cell to take it from; pass areal_density=..., "
                         "specific_power=... or cell=...")

    sun = s * _cos_incidence(theta)
    if cell_temperature is None:
        temp = np.asarray(REFERENCE_TEMPERATURE)
        eta = eta_ref
    else:
        beta = si(_pick(temperature_coefficient, row, "temperature_coefficient", "temperature_coefficient"),
                  "1/K", "temperature_coefficient", hi=0)
        if isinstance(cell_temperature, str) and cell_temperature.strip().lower() == "radiative":
            alpha = fraction(_pick(absorptance, row, "absorptance", "absorptance"), "absorptance", lo=0, hi=1)
            eps_f = fraction(_pick(emissivity_front, row, "emissivity_front", "emissivity_front"),
                             "emissivity_front", lo=0, hi=1)
            eps_b = fraction(_pick(emissivity_back, row, "emissivity_back", "emissivity_back"),
                             "emissivity_back", lo=0, hi=1)
            if np.any(eps_f + eps_b <= 0):
                raise ValueError("emissivity_front + emissivity_back must be > 0: the array cannot radiate")
            q_back = _back_flux(s, si(earth_ir, "W/m^2", "earth_ir", lo=0), fraction(albedo, "albedo"),
                                fraction(view_factor, "view_factor"), eps_b, eps_b)
            temp, eta = _coupled_temperature(sun, alpha, eta_ref, beta, i_d, eps_f + eps_b, q_back)
        else:
            temp = si(cell_temperature, "K", "cell_temperature", lo=0, lo_open=True)
            eta = eta_ref * (1.0 + beta * (temp - REFERENCE_TEMPERATURE))

    p_sa = _required_power(p_day, p_ecl, t_day, t_ecl, x_day, x_ecl)
    p_o = np.maximum(eta, 0.0) * s
    p_bol = p_o * i_d * _cos_incidence(theta)
    l_d = (1.0 - d) ** years
    p_eol = p_bol * l_d
    # specific power is a rating at 1 AU (AM0), not at the sizing flux (aphelion, or a user's)
    mass_per_area = rho_a if rho_a is not None else eta_ref * SOLAR_CONSTANT.m_as("W/m^2") * i_d / sp
    (p_sa, p_o, p_bol, p_eol, l_d, eta, temp, theta, d, mass_per_area) = broadcast(
        p_sa, p_o, p_bol, p_eol, l_d, eta, temp, theta, d, mass_per_area)

    feasible = p_eol > 0
    why = Reasons.mask(feasible.shape,
                       (theta >= 90.0, "sun incidence angle is 90 deg: the array receives no sunlight"),
                       (eta <= 0, "cell efficiency at the operating temperature is zero or negative"),
                       ((l_d <= 0) & (d >= 1), "annual_degradation = 1 leaves no power at end of life"))
    area = np.where(feasible, p_sa / np.where(feasible, p_eol, 1.0), np.inf)
    mass = mass_per_area * area
    bol_total = np.where(feasible, p_bol * np.where(feasible, area, 0.0), np.inf)
    eol_total = np.where(feasible, p_eol * np.where(feasible, area, 0.0), np.inf)
    return SolarArrayResult(
        area=quantity(area, "m^2"), required_power=quantity(p_sa, "W"),
        ideal_power_per_area=quantity(p_o, "W/m^2"), bol_power_per_area=quantity(p_bol, "W/m^2"),
        eol_power_per_area=quantity(p_eol, "W/m^2"), bol_power=quantity(bol_total, "W"),
        eol_power=quantity(eol_total, "W"), mass=quantity(mass, "kg"),
        lifetime_degradation=scalar_or_array(l_d), efficiency=scalar_or_array(eta),
        cell_temperature=quantity(temp, "K"), feasible=scalar_or_array(feasible, bool),
        reasons=why)


@dataclasses.dataclass(frozen=True)
class SolarArrayRating(Result):
    """Result of :func:`rate_solar_array`: what a given array delivers. Fields broadcast over the inputs.

    Attributes
    ----------
    area : Quantity [m^2]
        The array's area, as given.
    bol_power, eol_power : Quantity [W]
        Power at beginning and end of life, P_BOL A and P_EOL A (SMAD eqs. 11-6, 11-8).
    bol_power_per_area, eol_power_per_area : Quantity [W/m^2]
        P_BOL and P_EOL.
    mass : Quantity [kg]
        Array mass, as :func:`size_solar_array` figures it.
    efficiency : float
        Cell efficiency at the operating temperature.
    cell_temperature : Quantity [K]
        Operating temperature used for the efficiency.
    feasible : bool or ndarray of bool
        False where the array delivers no power at end of life.
    reasons : str or ndarray of str
    """

    area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    bol_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    eol_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    bol_power_per_area: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    eol_power_per_area: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    efficiency: Any
    cell_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    feasible: Any
    reasons: Any


@named_shapes
def rate_solar_array(*, area: Any, lifetime: Any, **options: Any) -> SolarArrayRating:
    """The power a given array of ``area`` delivers at beginning and end of life, by the chain of
    :func:`size_solar_array` read the other way: P_BOL = eta S I_d cos(theta) and P_EOL = P_BOL (1 - D)^years per
    unit area (SMAD 3rd ed. eqs. 11-6 to 11-8), times the area.

    Parameters
    ----------
    area : Quantity [m^2]
        The array's area (> 0).
    lifetime : Quantity [time]
        Mission life for the degradation.
    options
        The cell and environment keywords of :func:`size_solar_array` (``cell``, ``cell_efficiency``,
        ``annual_degradation``, ``inherent_degradation``, ``solar_flux``, ``incidence_angle``,
        ``cell_temperature``, ``areal_density``, ...); its loads, durations and path efficiencies do not enter.

    Returns
    -------
    SolarArrayRating

    Examples
    --------
    SMAD's silicon example read the other way: eta = 0.148 at 1367 W/m^2 is 202.3 W/m^2 ideal; with I_d = 0.77 at
    23.5 deg, 1 m^2 delivers 202.3 * 0.77 * cos(23.5 deg) = 142.9 W at BOL, and (1 - 0.0375)^5 = 0.826 of it,
    118.0 W, at EOL:

    >>> r = rate_solar_array(area="1 m^2", lifetime="5 year", cell="silicon", solar_flux="1367 W/m^2",
    ...                      incidence_angle="23.5 deg")
    >>> round(r.bol_power.m_as("W"), 1), round(r.eol_power.m_as("W"), 1)
    (142.9, 118.0)
    """
    a = si(area, "m^2", "area", lo=0, lo_open=True)
    for name in ("daylight_load", "eclipse_load", "daylight_duration", "eclipse_duration",
                 "daylight_path_efficiency", "eclipse_path_efficiency"):
        if name in options:
            raise TypeError(f"rate_solar_array: {name} does not enter a rating (the array's power per area does "
                            "not depend on the load)")
    # the chain's power per unit area does not depend on the load: size for 1 W to read it off
    unit = size_solar_array(daylight_load="1 W", eclipse_load="0 W", daylight_duration="1 h",
                            eclipse_duration="0 h", lifetime=lifetime, **options)
    p_bol, p_eol = unit.bol_power_per_area.m_as("W/m^2"), unit.eol_power_per_area.m_as("W/m^2")
    with np.errstate(invalid="ignore"):
        per_area_mass = np.where(np.isfinite(unit.area.m_as("m^2")),
                                 unit.mass.m_as("kg") / np.where(np.isfinite(unit.area.m_as("m^2")),
                                                                 unit.area.m_as("m^2"), 1.0), 0.0)
    a, p_bol, p_eol, per_area_mass = broadcast(a, p_bol, p_eol, per_area_mass)
    return SolarArrayRating(
        area=quantity(a, "m^2"), bol_power=quantity(p_bol * a, "W"), eol_power=quantity(p_eol * a, "W"),
        bol_power_per_area=quantity(p_bol, "W/m^2"), eol_power_per_area=quantity(p_eol, "W/m^2"),
        mass=quantity(per_area_mass * a, "kg"), efficiency=unit.efficiency, cell_temperature=unit.cell_temperature,
        feasible=unit.feasible, reasons=unit.reason_codes)
