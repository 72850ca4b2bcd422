"""Micrometeoroids and orbital debris: fluxes, the single-wall ballistic limit, and radiator survival over life.

* :func:`meteoroid_flux` -- Grün et al. (1985) interplanetary flux as given in ECSS-E-ST-10-04C sec. 10.2.4.1,
  with the Earth gravitational enhancement, Earth shielding and spacecraft-motion factors of its Table J-6.
* :func:`debris_flux` -- the Kessler et al. closed-form orbital debris engineering model (NASA TM-100471 and its
  1991 update, "NASA-90"), a public stand-in for ORDEM / MASTER, which are the references for real work.
* :func:`critical_diameter` -- single-wall ballistic limit (Cour-Palais / Christiansen): the smallest particle
  that perforates (or spalls) a wall of given thickness at a given speed and angle; :func:`particle_mass`.
* :func:`no_penetration_probability` -- P = exp(-F A t) (ECSS-E-ST-10-04C, Annex J.3.1).
* :func:`radiator_mmod` -- face sheets and heat pipes (or loop segments) of a radiator over its life: chance of
  no penetration per panel and overall, expected heat pipes lost, heat rejection left, spares that keep it.

Fluxes are cumulative (particles of the given size or larger) per m^2 of a randomly tumbling one-sided plate
per year; pass the area of every face that sees space.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint
from scipy.special import bdtrc

from spacedc.results import Reasons, Result
from spacedc.units import Q_, fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.units import broadcast
from spacedc.materials import material

__all__ = ["METEOROID_DENSITY", "METEOROID_VELOCITY", "DEBRIS_DENSITY", "EARTH_FLUX_FACTORS",
           "DEBRIS_INCLINATION_FACTOR", "FAILURE_FACTOR", "meteoroid_flux", "debris_flux", "debris_velocity",
           "particle_mass", "critical_diameter", "no_penetration_probability", "RadiatorMMOD", "radiator_mmod"]

_YEAR_S = 365.25 * 86400.0
#: ECSS-E-ST-10-04C eq. (101): seconds per year multiplying the Grün flux per second.
_GRUN_YEAR = 3.15576e7

#: Meteoroid density used to convert masses to diameters, 2.5 g/cm^3: ECSS-E-ST-10-04C Rev. 1, Table J-5, note 3.
METEOROID_DENSITY = Q_(2.5, "g/cm^3")
#: Meteoroid impact speed for damage assessment, 20 km/s: ECSS-E-ST-10-04C Rev. 1, notes to Tables J-2 to J-4
#: ("the Grün model with constant velocity of 20 km/s"); the mean of the HRMP distribution is 19.7 km/s at
#: 400 km (Fig. J-4 note).
METEOROID_VELOCITY = Q_(20.0, "km/s")
#: Debris density, 2.7 g/cm^3: ECSS-E-ST-10-04C Rev. 1, J.2.2.1.4 (objects larger than 1 cm are mainly
#: explosion fragments, density close to aluminium's).
DEBRIS_DENSITY = Q_(2.7, "g/cm^3")

#: ECSS-E-ST-10-04C Rev. 1, Table J-6: altitude [km] -> (G, s_f, K) for circular Earth orbits: the weighted
#: mean gravitational enhancement (eq. C-18), the Earth shielding factor (eq. C-26) and the spacecraft-motion
#: factor of a randomly tumbling plate; F_met = F_met,0 G s_f K (eq. C-25). Interpolated linearly in altitude;
#: above 100,000 km the 1 AU values (1, 1, 1).
EARTH_FLUX_FACTORS: tuple[tuple[float, float, float, float], ...] = (
    (100.0, 2.04, 0.50, 1.09), (200.0, 2.03, 0.58, 1.09), (400.0, 2.00, 0.63, 1.09), (800.0, 1.94, 0.70, 1.08),
    (1000.0, 1.92, 0.72, 1.08), (2000.0, 1.81, 0.79, 1.08), (4000.0, 1.65, 0.87, 1.07),
    (10000.0, 1.41, 0.95, 1.05), (20000.0, 1.26, 0.98, 1.04), (35790.0, 1.16, 0.99, 1.03),
    (100000.0, 1.06, 1.00, 1.01),
)
_J6 = np.asarray(EARTH_FLUX_FACTORS, dtype=float)

#: Inclination factor Psi(i) of the Kessler 1991 debris model, (inclination [deg], Psi): as reproduced in the
#: ISS environment specification SSP 30425 Rev. B (2nd-hand; transcription not verified against the original).
#: Interpolated linearly, held constant outside 28.5-120 deg.
DEBRIS_INCLINATION_FACTOR: tuple[tuple[float, float], ...] = (
    (28.5, 0.91), (30.0, 0.92), (40.0, 0.96), (50.0, 1.02), (60.0, 1.09), (70.0, 1.26), (80.0, 1.71),
    (90.0, 1.37), (100.0, 1.78), (120.0, 1.18),
)
_PSI = np.asarray(DEBRIS_INCLINATION_FACTOR, dtype=float)

#: Failure factor k of the single-wall equation, t = k P_inf: perforation 1.8, detached spall 2.2, incipient
#: spall 3.0 (Christiansen, NASA JSC / TP-2003-210788; the same bands in ECSS-E-ST-10-04C Rev. 1, J.3.3.1:
#: K_f < 1.8 perforation, 1.8-2.2 spall breaks away, 2.2-3 spallation, >= 3 crater only).
FAILURE_FACTOR: dict[str, float] = {"perforation": 1.8, "detached-spall": 2.2, "incipient-spall": 3.0}


def _grun(m_g: np.ndarray) -> np.ndarray:
    """Grün interplanetary flux at 1 AU [m^-2 yr^-1], mass in grams (ECSS-E-ST-10-04C eq. 101)."""
    f1 = (2.2e3 * m_g ** 0.306 + 15.0) ** -4.38
    f2 = 1.3e-9 * (m_g + 1e11 * m_g ** 2 + 1e27 * m_g ** 4) ** -0.36
    f3 = 1.3e-16 * (m_g + 1e6 * m_g ** 2) ** -0.85
    return _GRUN_YEAR * (f1 + f2 + f3)


def _earth_factor(h_km: np.ndarray) -> np.ndarray:
    g = np.interp(h_km, _J6[:, 0], _J6[:, 1], right=1.0)
    s = np.interp(h_km, _J6[:, 0], _J6[:, 2], right=1.0)
    k = np.interp(h_km, _J6[:, 0], _J6[:, 3], right=1.0)
    return g * s * k


@named_shapes
def meteoroid_flux(mass: Any, altitude: Any = None) -> pint.Quantity:
    """Cumulative meteoroid flux (mass ``mass`` or larger) on a randomly tumbling one-sided plate.

    .. math::

        F_{met,0}(m) = 3.15576 \\times 10^7 \\,[F_1(m) + F_2(m) + F_3(m)], \\qquad F_{met} = F_{met,0}\\,
        \\bar G\\, s_f\\, K

        F_1 = (2.2 \\times 10^3 m^{0.306} + 15)^{-4.38}, \\quad
        F_2 = 1.3 \\times 10^{-9} (m + 10^{11} m^2 + 10^{27} m^4)^{-0.36}, \\quad
        F_3 = 1.3 \\times 10^{-16} (m + 10^6 m^2)^{-0.85}

    with m in grams: the Grün et al. (1985) interplanetary flux at 1 AU, ECSS-E-ST-10-04C sec. 10.2.4.1
    (eq. 101, sporadic plus average streams). Near the Earth it is multiplied by the gravitational enhancement
    G, the Earth shielding factor s_f and the spacecraft-motion factor K of ECSS Table J-6 (eq. C-25),
    interpolated in altitude.

    Parameters
    ----------
    mass : Quantity [mass]
        Smallest particle mass (> 0); ECSS tabulates 1e-12 to 500 g.
    altitude : Quantity [length], optional
        Circular orbit altitude (>= 100 km); ``None`` for interplanetary space at 1 AU (no Earth factors).

    Returns
    -------
    Quantity [1/(m^2 year)]

    Examples
    --------
    ECSS-E-ST-10-04C Rev. 1, Table J-5: 1.49 impacts m^-2 yr^-1 for m >= 1e-6 g at 1 AU.

    >>> round(meteoroid_flux("1e-6 g").m_as("1/m^2/year"), 2)
    1.49
    """
    m = si(mass, "g", "mass", lo=0, lo_open=True)
    flux = _grun(m)
    if altitude is not None:
        flux = flux * _earth_factor(si(altitude, "km", "altitude", lo=100))
    return quantity(flux, "1/m^2/year")


def _kessler(d_cm: np.ndarray, h_km: np.ndarray, i_deg: np.ndarray, year: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Kessler 1991 debris flux [m^-2 yr^-1]: k Phi(h,S) Psi(i) [H(d) F1(d) g1(t) + F2(d) g2(t)], k = 1."""
    phi1 = 10.0 ** (h_km / 200.0 - s / 140.0 - 1.5)
    phi = phi1 / (phi1 + 1.0)
    psi = np.interp(i_deg, _PSI[:, 0], _PSI[:, 1])
    henize = np.sqrt(10.0 ** np.exp(-((np.log10(d_cm) - 0.78) / 0.637) ** 2))
    f1 = 1.22e-5 * d_cm ** -2.5
    f2 = 8.1e10 * (d_cm + 700.0) ** -6
    g1 = np.where(year < 2011.0, 1.02 ** (year - 1988.0), 1.02 ** 23 * 1.04 ** (year - 2011.0))
    g2 = 1.0 + 0.05 * (year - 1988.0)
    return phi * psi * (henize * f1 * g1 + f2 * g2)


@named_shapes
def debris_flux(diameter: Any, altitude: Any, inclination: Any, *, year: Any = 2030.0,
                solar_flux: Any = 110.0) -> pint.Quantity:
    """Cumulative orbital debris flux (diameter ``diameter`` or larger) on a randomly tumbling plate.

    .. math::

        F = k\\, \\Phi(h, S)\\, \\Psi(i)\\, [H(d) F_1(d) g_1(t) + F_2(d) g_2(t)], \\qquad k = 1

        F_1 = 1.22 \\times 10^{-5} d^{-2.5}, \\quad F_2 = 8.1 \\times 10^{10} (d + 700)^{-6}, \\quad
        H(d) = \\sqrt{10^{\\exp(-[(\\log_{10} d - 0.78)/0.637]^2)}}

        \\Phi = \\frac{\\Phi_1}{\\Phi_1 + 1}, \\; \\Phi_1 = 10^{h/200 - S/140 - 1.5}, \\quad
        g_1 = 1.02^{t - 1988} \\text{ (to 2011, then } \\times 1.04^{t - 2011}), \\quad g_2 = 1 + 0.05 (t - 1988)

    with d in cm and h in km: the Kessler et al. engineering model (NASA TM-100471, 1989; 1991 update, the
    "NASA-90" model of ECSS-E-ST-10-04C J.2.2.2.3 and SPENVIS), as reproduced in SSP 30425 Rev. B (2nd-hand).

    A closed-form stand-in, not a reference: it assumes circular debris orbits, predates the 2007 Fengyun-1C
    and 2009 Iridium-Cosmos debris clouds, and extrapolates growth rates fixed in 1991. Use ORDEM 3.x or
    MASTER-8 for a design's real MMOD assessment; this gives the order of magnitude and the trends.

    Parameters
    ----------
    diameter : Quantity [length]
        Smallest debris diameter (> 0).
    altitude : Quantity [length]
        Circular orbit altitude, 100 to 2000 km.
    inclination : Quantity [angle]
        0 to 180 deg (Psi held constant below 28.5 and above 120 deg).
    year : float
        Epoch (>= 1988).
    solar_flux : float
        S, the 13-month smoothed F10.7 of the year before [sfu]; 70 (solar minimum, more debris) to 250.

    Returns
    -------
    Quantity [1/(m^2 year)]
    """
    d = si(diameter, "cm", "diameter", lo=0, lo_open=True)
    h = si(altitude, "km", "altitude", lo=100, hi=2000)
    i = si(inclination, "deg", "inclination", lo=0, hi=180)
    t = fraction(year, "year", lo=1988, hi=None)
    s = fraction(solar_flux, "solar_flux", lo=0, hi=None, lo_open=True)
    return quantity(_kessler(d, h, i, t, s), "1/m^2/year")


def _debris_speed(i_deg: np.ndarray) -> np.ndarray:
    return np.where(i_deg >= 60.0, 13.0, 10.0)


def debris_velocity(inclination: Any) -> pint.Quantity:
    """Mean debris impact speed: 10 km/s in low-inclination orbits, 13 km/s in high-inclination ones.

    ECSS-E-ST-10-04C Rev. 1, J.2.2.1.3 (impact speeds 0 to 15.5 km/s; averages 10 and 13 km/s). The split at
    60 deg is spacedc's choice; pass a speed directly for anything better.
    """
    return quantity(_debris_speed(si(inclination, "deg", "inclination", lo=0, hi=180)), "km/s")


@named_shapes
def particle_mass(diameter: Any, density: Any) -> pint.Quantity:
    """Mass of a spherical particle, m = rho pi d^3 / 6 (the ECSS Table J-5 mass-diameter relation)."""
    d = si(diameter, "m", "diameter", lo=0)
    rho = si(density, "kg/m^3", "density", lo=0, lo_open=True)
    return quantity(rho * np.pi * d ** 3 / 6.0, "kg")


def _critical_d_cm(t_cm, v_kms, cos_a, rho_p, rho_t, bh, c_kms, k):
    """Christiansen single wall: t = k 5.24 d^(19/18) BH^-1/4 (rho_p/rho_t)^beta (V cos a / C)^(2/3) solved for d
    (cm, g/cm^3, km/s)."""
    ratio = rho_p / rho_t
    beta = np.where(ratio < 1.5, 0.5, 2.0 / 3.0)
    with np.errstate(divide="ignore"):
        core = k * 5.24 * bh ** -0.25 * ratio ** beta * (v_kms * cos_a / c_kms) ** (2.0 / 3.0)
        return (t_cm / core) ** (18.0 / 19.0)


@named_shapes
def critical_diameter(thickness: Any, velocity: Any, *, angle: Any = "0 deg", projectile_density: Any = "2.7 g/cm^3",
                      wall_material: str = "al6061-t6", failure: str = "perforation") -> pint.Quantity:
    """Smallest spherical particle that perforates (or spalls) a single metallic wall: the ballistic limit.

    .. math::

        t = k\\, P_\\infty, \\qquad P_\\infty = 5.24\\, d^{19/18}\\, BH^{-1/4}
        \\left(\\frac{\\rho_p}{\\rho_t}\\right)^{\\beta} \\left(\\frac{V \\cos\\alpha}{C}\\right)^{2/3}

    solved for d (t, d in cm; V, C in km/s; rho in g/cm^3), with beta = 1/2 for rho_p / rho_t < 1.5 and 2/3
    above, and k = 1.8 (perforation), 2.2 (detached spall) or 3.0 (incipient spall): the Cour-Palais
    single-wall equation as modified by Christiansen (NASA JSC-17763; Christiansen 1993, IJIE 14; NASA/TP-2003-
    210788). ECSS-E-ST-10-04C Rev. 1, J.3.3.1 (eq. J-4) gives the same thick-plate law with K_1 = 0.33 for
    aluminium. Hypervelocity (above about 3 km/s) normal-component scaling; oblique impacts use V cos(alpha).

    Parameters
    ----------
    thickness : Quantity [length]
        Wall thickness t (>= 0).
    velocity : Quantity [speed]
        Impact speed V (> 0).
    angle : Quantity [angle]
        Impact angle from the wall normal, 0 to < 90 deg.
    projectile_density : Quantity [kg/m^3]
        Default 2.7 g/cm^3 (aluminium debris); meteoroids 2.5 g/cm^3 (:data:`METEOROID_DENSITY`).
    wall_material : str
        A :data:`spacedc.materials.MATERIALS` row with density, Brinell hardness and sound speed
        ("al6061-t6": 2713 kg/m^3, BH 95, C 5.1 km/s).
    failure : {"perforation", "detached-spall", "incipient-spall"}

    Returns
    -------
    Quantity [m]
    """
    mat = material(wall_material, "wall_material")
    bh, c = mat.require("brinell_hardness", "wall_material"), mat.require("sound_speed", "wall_material") / 1e3
    if failure not in FAILURE_FACTOR:
        raise ValueError(f"failure = {failure!r}: unknown; known: {', '.join(FAILURE_FACTOR)}")
    t = si(thickness, "cm", "thickness", lo=0)
    v = si(velocity, "km/s", "velocity", lo=0, lo_open=True)
    a = si(angle, "rad", "angle", lo=0, hi=np.pi / 2, hi_open=True)
    rho_p = si(projectile_density, "g/cm^3", "projectile_density", lo=0, lo_open=True)
    d = _critical_d_cm(t, v, np.cos(a), rho_p, mat.density / 1e3, bh, c, FAILURE_FACTOR[failure])
    return quantity(d / 100.0, "m")


@named_shapes
def no_penetration_probability(flux: Any, area: Any, duration: Any) -> float | np.ndarray:
    """Probability of no penetrating impact, P = exp(-F A t) (ECSS-E-ST-10-04C, eq. J-2, Poisson statistics).

    Parameters
    ----------
    flux : Quantity [1/(area time)]
        Flux of particles above the critical size (>= 0).
    area : Quantity [area]
        Exposed area (>= 0).
    duration : Quantity [time]
        Exposure (>= 0).
    """
    f = si(flux, "1/m^2/s", "flux", lo=0)
    a = si(area, "m^2", "area", lo=0)
    t = si(duration, "s", "duration", lo=0)
    return scalar_or_array(np.exp(-f * a * t))


@dataclasses.dataclass(frozen=True)
class RadiatorMMOD(Result):
    """Result of :func:`radiator_mmod`. Fields broadcast over the inputs.

    Attributes
    ----------
    face_critical_diameter_meteoroid, face_critical_diameter_debris : Quantity [m]
        Ballistic limits of the face sheet.
    pipe_critical_diameter_meteoroid, pipe_critical_diameter_debris : Quantity [m]
        Ballistic limits of a heat pipe under its face sheet.
    face_flux, pipe_flux : Quantity [1/(m^2 year)]
        Penetrating flux (meteoroid + debris) for the face sheet and for a heat pipe.
    panel_no_penetration : float
        P(no face-sheet penetration) of one panel over the duration.
    radiator_no_penetration : float
        The same for all panels.
    pipe_survival : float
        P(a given heat pipe is not penetrated) over the duration.
    pipes_lost : float
        Expected heat pipes (or loop segments) lost, of all installed.
    heat_rejection_eol : Quantity [W]
        Expected heat rejection left: the per-pipe share of the design rejection times the expected survivors,
        capped at the design value.
    full_rejection_probability : float
        P(at least ``heat_pipe_count`` pipes survive), binomial.
    spares_for_expected_rejection : int
        Spare pipes needed for the expected survivors to cover the design rejection (-1 where no number
        suffices because every pipe is lost).
    feasible : bool or ndarray of bool
        heat_rejection_eol >= required_heat_rejection (True without a requirement).
    reasons : str or ndarray of str
    """

    face_critical_diameter_meteoroid: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    face_critical_diameter_debris: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    pipe_critical_diameter_meteoroid: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    pipe_critical_diameter_debris: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    face_flux: pint.Quantity = dataclasses.field(metadata={"unit": "1/m^2/year"})
    pipe_flux: pint.Quantity = dataclasses.field(metadata={"unit": "1/m^2/year"})
    panel_no_penetration: Any
    radiator_no_penetration: Any
    pipe_survival: Any
    pipes_lost: Any
    heat_rejection_eol: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    full_rejection_probability: Any
    spares_for_expected_rejection: Any
    feasible: Any
    reasons: Any


@named_shapes
def radiator_mmod(*, altitude: Any, inclination: Any, duration: Any, panel_area: Any, panel_count: Any,
                  face_thickness: Any, heat_pipe_count: Any, heat_pipe_length: Any, heat_pipe_diameter: Any,
                  heat_pipe_wall: Any, heat_rejection: Any, spare_heat_pipes: Any = 0,
                  required_heat_rejection: Any = None, wall_material: str = "al6061-t6", impact_angle: Any = "0 deg",
                  debris_speed: Any = None, year: Any = 2030.0, solar_flux: Any = 110.0,
                  pipe_exposed_faces: Any = 1) -> RadiatorMMOD:
    """MMOD fragility of a radiator over its life: face-sheet penetration and heat pipes (or loop segments) lost.

    For each wall the critical particle (:func:`critical_diameter`, perforation) is found for meteoroids
    (2.5 g/cm^3 at 20 km/s) and debris (2.7 g/cm^3 at :func:`debris_velocity`); the penetrating flux is
    F = F_met(m >= m_c) + F_deb(d >= d_c) (:func:`meteoroid_flux`, :func:`debris_flux`). Then:

    * face sheets: P_panel = exp(-F_face A_panel t), P_radiator = exp(-F_face A_panel N_panels t);
    * heat pipes lying under the face sheet: a pipe is lost when the face sheet and the pipe wall are both
      perforated, taken as one wall of thickness t_face + t_wall (no stand-off credit: conservative), over
      its projected area d_pipe L_pipe on each of the ``pipe_exposed_faces`` faces that see space (a
      two-sided radiator's pipes are hit through either face sheet); survival p = exp(-F_pipe n_f d L t);
    * of n = heat_pipe_count + spare_heat_pipes installed pipes, n (1 - p) are expected lost; each carries
      Q / heat_pipe_count, so the expected rejection left is min(Q, Q n p / heat_pipe_count), the chance that
      at least heat_pipe_count survive is the binomial tail, and the spares for the expected rejection are
      ceil(heat_pipe_count (1/p - 1)).

    ``impact_angle`` 0 (normal) is conservative; the fluxes are those on a randomly tumbling one-sided plate
    (ECSS convention): pass the area of every face that sees space.

    Parameters
    ----------
    altitude, inclination : Quantity
        Circular orbit (100-2000 km for the debris model).
    duration : Quantity [time]
        Life.
    panel_area : Quantity [area]
        Exposed face-sheet area of one panel (both faces if both see space).
    panel_count : int or float
    face_thickness : Quantity [length]
        Face-sheet thickness.
    heat_pipe_count : int or float
        Heat pipes (or loop segments) the design rejection needs (>= 1).
    heat_pipe_length, heat_pipe_diameter, heat_pipe_wall : Quantity [length]
        Exposed length, outer diameter and wall thickness of one pipe.
    heat_rejection : Quantity [power]
        Design (beginning-of-life) heat rejection Q with heat_pipe_count pipes working.
    spare_heat_pipes : int or float
        Redundant pipes added (>= 0).
    required_heat_rejection : Quantity [power], optional
        End-of-life requirement for ``feasible``.
    wall_material : str
        Face sheet and pipe material (default "al6061-t6").
    impact_angle : Quantity [angle]
    debris_speed : Quantity [speed], optional
        Overrides :func:`debris_velocity`.
    year, solar_flux : float
        For :func:`debris_flux`.
    pipe_exposed_faces : {1, 2}
        Faces of the panel through which a particle reaches a pipe: 2 where both faces see space, as the
        ``panel_area`` counts them.

    Returns
    -------
    RadiatorMMOD
    """
    h = si(altitude, "km", "altitude", lo=100, hi=2000)
    i = si(inclination, "deg", "inclination", lo=0, hi=180)
    t_life = si(duration, "year", "duration", lo=0, lo_open=True)
    a_panel = si(panel_area, "m^2", "panel_area", lo=0)
    n_panels = fraction(panel_count, "panel_count", lo=0, hi=None)
    tf = si(face_thickness, "cm", "face_thickness", lo=0, lo_open=True)
    n_req = fraction(heat_pipe_count, "heat_pipe_count", lo=1, hi=None)
    length = si(heat_pipe_length, "m", "heat_pipe_length", lo=0)
    dia = si(heat_pipe_diameter, "m", "heat_pipe_diameter", lo=0)
    tw = si(heat_pipe_wall, "cm", "heat_pipe_wall", lo=0, lo_open=True)
    faces = fraction(pipe_exposed_faces, "pipe_exposed_faces", lo=1, hi=2)
    if np.any(faces != np.round(faces)):
        raise ValueError(f"pipe_exposed_faces = {pipe_exposed_faces!r}: expected 1 or 2")
    q = si(heat_rejection, "W", "heat_rejection", lo=0)
    spares = fraction(spare_heat_pipes, "spare_heat_pipes", lo=0, hi=None)
    q_req = None if required_heat_rejection is None else si(required_heat_rejection, "W",
                                                           "required_heat_rejection", lo=0)
    cos_a = np.cos(si(impact_angle, "rad", "impact_angle", lo=0, hi=np.pi / 2, hi_open=True))
    v_deb = _debris_speed(i) if debris_speed is None else si(debris_speed, "km/s", "debris_speed", lo=0,
                                                              lo_open=True)
    t_year = fraction(year, "year", lo=1988, hi=None)
    s = fraction(solar_flux, "solar_flux", lo=0, hi=None, lo_open=True)
    mat = material(wall_material, "wall_material")
    rho_t = mat.density / 1e3  # g/cm^3
    bh, c = mat.require("brinell_hardness", "wall_material"), mat.require("sound_speed", "wall_material") / 1e3
    rho_met, v_met = METEOROID_DENSITY.m_as("g/cm^3"), METEOROID_VELOCITY.m_as("km/s")
    rho_deb, k = DEBRIS_DENSITY.m_as("g/cm^3"), FAILURE_FACTOR["perforation"]

    def penetrating(t_cm):
        d_met = _critical_d_cm(t_cm, v_met, cos_a, rho_met, rho_t, bh, c, k)
        d_deb = _critical_d_cm(t_cm, v_deb, cos_a, rho_deb, rho_t, bh, c, k)
        m_met_g = rho_met * np.pi * d_met ** 3 / 6.0
        with np.errstate(divide="ignore", over="ignore"):
            flux = _grun(m_met_g) * _earth_factor(h) + _kessler(d_deb, h, i, t_year, s)
        return d_met, d_deb, flux

    dm_face, dd_face, f_face = penetrating(tf)
    dm_pipe, dd_pipe, f_pipe = penetrating(tf + tw)
    p_panel = np.exp(-f_face * a_panel * t_life)
    p_all = np.exp(-f_face * a_panel * n_panels * t_life)
    p_pipe = np.exp(-f_pipe * faces * dia * length * t_life)
    n_total = n_req + spares
    lost = n_total * (1.0 - p_pipe)
    q_eol = np.minimum(q, q * n_total * p_pipe / n_req)
    full = bdtrc((np.ceil(n_req) - 1).astype(np.int64), np.round(n_total).astype(np.int64), p_pipe)  # P(> n_req-1)
    with np.errstate(divide="ignore", over="ignore"):
        need = np.ceil(n_req * (1.0 / p_pipe - 1.0) - 1e-9)
    (dm_face, dd_face, dm_pipe, dd_pipe, f_face, f_pipe, p_panel, p_all, p_pipe, lost, q_eol, full,
     need, q_need) = broadcast(dm_face, dd_face, dm_pipe, dd_pipe, f_face, f_pipe, p_panel, p_all, p_pipe, lost,
                               q_eol, full, need, 0.0 if q_req is None else q_req)
    short = np.zeros(q_eol.shape, bool) if q_req is None else q_eol < q_need
    ok = scalar_or_array(~short, bool)
    why = Reasons.mask(q_eol.shape, (short, "expected end-of-life heat rejection below the "
                                                            "requirement (MMOD heat-pipe losses): add spares"))
    def cm(x: np.ndarray) -> pint.Quantity:
        return quantity(x / 100.0, "m")

    return RadiatorMMOD(
        face_critical_diameter_meteoroid=cm(dm_face), face_critical_diameter_debris=cm(dd_face),
        pipe_critical_diameter_meteoroid=cm(dm_pipe), pipe_critical_diameter_debris=cm(dd_pipe),
        face_flux=quantity(f_face, "1/m^2/year"), pipe_flux=quantity(f_pipe, "1/m^2/year"),
        panel_no_penetration=scalar_or_array(p_panel), radiator_no_penetration=scalar_or_array(p_all),
        pipe_survival=scalar_or_array(p_pipe), pipes_lost=scalar_or_array(lost),
        heat_rejection_eol=quantity(q_eol, "W"), full_rejection_probability=scalar_or_array(full),
        spares_for_expected_rejection=scalar_or_array(np.where(np.isfinite(need), need, -1), int), feasible=ok,
        reasons=why)
