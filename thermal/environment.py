"""Environment loads on a flat two-sided radiator: absorbed sunlight, albedo and Earth IR per face.

A flat panel has two faces, "front" and "back", whose outward normals are opposite. The geometry of each face
is fixed by two angles: theta, between its normal and the Sun, and lambda, between its normal and nadir. The
Sun's position in the local frame enters through zeta, the solar zenith angle at the satellite (the angle
between the local zenith and the Sun, which is also the solar zenith angle at the sub-satellite point).
Per unit area of a face with solar absorptance alpha and infrared emittance eps:

    q_solar  = alpha * S * max(cos theta, 0)                   (sunlit only)
    q_albedo = alpha * a * S * F(lambda) * max(cos zeta, 0)
    q_IR     = eps * F(lambda) * OLR

with S the solar flux, a the Earth's albedo and OLR its outgoing long-wave flux for the chosen case
(:func:`orbit.earth_albedo_ir`), and F(lambda) the view factor from the face to the Earth
(:func:`orbit.earth_view_factor`, Howell's tilted plate to sphere). This is the per-surface balance of Gilmore,
*Spacecraft Thermal Control Handbook* Vol. 1 (2nd ed., 2002), ch. 2, and Fortescue et al., *Spacecraft Systems
Engineering* (4th ed., 2011), section 11.2.

The albedo model
----------------
The albedo term uses the Earth view factor of the face times the cosine of the solar zenith angle at the
sub-satellite point, set to zero when the Sun is below the local horizon there. This is the engineering
approximation that treats the visible cap as uniformly lit like the sub-satellite point (Gilmore Vol. 1,
ch. 2, "Albedo": the albedo load falls as the satellite moves away from the sub-solar point; Fortescue
section 11.2.1 and Fig. 11.2 give the exact visibility factor of a diffusely reflecting sphere versus the
same angle). It is exact at the sub-solar point and underestimates the load near the terminator, where a
satellite still sees a lit crescent while cos(zeta) -> 0; for zeta above about 70 deg (a dawn-dusk orbit)
treat the albedo term as a lower bound, or pass ``solar_zenith_angle`` smaller than the true one to bound it.

Eclipse
-------
The satellite is in the Earth's cylindrical shadow when cos(zeta) < 0 and (R + h) sin(zeta) < R (Rickman,
NASA TFAWS, as in :mod:`orbit.eclipse`); there the solar and albedo terms are zero.

Named orientations
------------------
* ``"edge-on"``: the panel's plane holds the Sun vector and nadir (the usual radiator attitude in a dawn-dusk
  sun-synchronous orbit, flying edge-on to the Sun). Both normals are horizontal and perpendicular to the Sun:
  theta = 90 deg, lambda = 90 deg on both faces, so no direct sunlight; each face sees Earth with
  F(90 deg) = (1/pi) [atan(1/sqrt(H^2 - 1)) - sqrt(H^2 - 1)/H^2] (0.241 at 650 km).
* ``"zenith-nadir"``: front to zenith (theta = zeta, lambda = 180 deg), back to nadir
  (theta = 180 deg - zeta, lambda = 0).
* ``"sun-facing"``: front normal on the Sun (theta = 0, lambda = 180 deg - zeta), back away from it
  (theta = 180 deg, lambda = zeta).

Or explicit angles: ``sun_angle`` and ``nadir_angle`` of the front face (the back face has 180 deg minus each).
They must be consistent with ``solar_zenith_angle``: the three directions (normal, Sun, zenith) form a
spherical triangle, so |psi - zeta| <= theta <= min(psi + zeta, 360 deg - psi - zeta), psi = 180 deg - lambda.

Sink temperature
----------------
The effective sink temperature of a face is the temperature at which it would emit what it absorbs:
T_sink = (q_abs / (eps sigma) + T_space^4)^(1/4); for the two-sided panel at one temperature,
T_sink = ((q_front + q_back) / (2 eps sigma) + T_space^4)^(1/4), the definition :func:`thermal.fin_efficiency`
and the panels (:func:`thermal.size_panels`, :func:`thermal.size_loop`) use, whose fin efficiency scales the net
flux. (:func:`thermal.size_radiator`, the first-cut balance, scales only the emission by its ``fin_efficiency``;
the two agree at an efficiency of 1.)
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc import orbit
from spacedc.results import Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.thermal._constants import STEFAN_BOLTZMANN

__all__ = ["ORIENTATIONS", "EnvironmentLoads", "environment_loads"]

#: Named panel orientations accepted by :func:`environment_loads` (see the module docstring).
ORIENTATIONS = ("edge-on", "zenith-nadir", "sun-facing")

_ANGLE_TOL = 1e-9  # rad: tolerance on the spherical-triangle consistency check of explicit angles


@dataclasses.dataclass(frozen=True)
class EnvironmentLoads(Result):
    """Absorbed environment fluxes on the two faces of a flat panel. Fields broadcast over the inputs.

    Attributes
    ----------
    case : str
        Earth radiation case (``"hot"``, ``"nominal"``, ``"cold"``).
    orientation : str
        The named orientation, or ``"explicit"``.
    sunlit : bool or ndarray
        False where the satellite is in the Earth's shadow.
    sun_angle_front, sun_angle_back, nadir_angle_front, nadir_angle_back : Quantity [deg]
        Angle of each face normal to the Sun and to nadir.
    view_factor_front, view_factor_back : float or ndarray
        View factor from each face to the Earth.
    solar_front, solar_back, albedo_front, albedo_back, earth_ir_front, earth_ir_back : Quantity [W/m^2]
        Absorbed flux of each kind per unit area of each face.
    absorbed_front, absorbed_back : Quantity [W/m^2]
        Total absorbed per unit area of each face.
    absorbed_flux : Quantity [W/m^2]
        ``absorbed_front + absorbed_back``: per unit planform area of the two-sided panel.
    sink_temperature_front, sink_temperature_back : Quantity [K]
        Effective sink temperature of each face.
    sink_temperature : Quantity [K]
        Effective sink temperature of the two-sided panel at one temperature.
    """

    case: str
    orientation: str
    sunlit: bool | np.ndarray
    sun_angle_front: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    sun_angle_back: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    nadir_angle_front: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    nadir_angle_back: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    view_factor_front: float | np.ndarray
    view_factor_back: float | np.ndarray
    solar_front: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    solar_back: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    albedo_front: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    albedo_back: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    earth_ir_front: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    earth_ir_back: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    absorbed_front: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    absorbed_back: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    absorbed_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    sink_temperature_front: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    sink_temperature_back: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    sink_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})


def _named_angles(orientation: str, zeta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Front-face theta and lambda [rad] of a named orientation, and cos(theta) exactly (0 when edge-on)."""
    if orientation == "edge-on":
        half = np.full_like(zeta, np.pi / 2)
        return half, half, np.zeros_like(zeta)
    if orientation == "zenith-nadir":
        return zeta, np.full_like(zeta, np.pi), np.cos(zeta)
    if orientation == "sun-facing":
        return np.zeros_like(zeta), np.pi - zeta, np.ones_like(zeta)
    raise ValueError(f"orientation = {orientation!r}: expected one of {', '.join(map(repr, ORIENTATIONS))}, "
                     "or None with sun_angle and nadir_angle")


def _check_triangle(theta: np.ndarray, lam: np.ndarray, zeta: np.ndarray, sun_angle: Any) -> None:
    """Raise if (normal, Sun, zenith) cannot form the angles given (spherical triangle inequality)."""
    psi = np.pi - lam
    lo = np.abs(psi - zeta)
    hi = np.minimum(psi + zeta, 2 * np.pi - psi - zeta)
    if np.any((theta < lo - _ANGLE_TOL) | (theta > hi + _ANGLE_TOL)):
        raise ValueError(f"sun_angle = {sun_angle}: inconsistent with nadir_angle and solar_zenith_angle; the angle "
                         "between the face normal and the Sun must lie between |(180 deg - nadir_angle) - "
                         "solar_zenith_angle| and min((180 deg - nadir_angle) + solar_zenith_angle, "
                         "180 deg + nadir_angle - solar_zenith_angle)")


def _loads_kernel(h, cos_theta, lam, zeta, alpha, eps, S, albedo, olr, t_space):
    """Float kernel (SI, radians): per-face absorbed fluxes and sink temperatures from the front face's
    cos(theta) and lambda (the back face has -cos(theta) and pi - lambda)."""
    r_e = orbit.EARTH_EQUATORIAL_RADIUS.m_as("m")
    big_h = (r_e + h) / r_e
    sunlit = ~((np.cos(zeta) < 0.0) & (big_h * np.sin(zeta) < 1.0))
    albedo_cos = np.maximum(np.cos(zeta), 0.0)
    out = {}
    for side, cos_th, la in (("front", cos_theta, lam), ("back", -cos_theta, np.pi - lam)):
        f = np.asarray(orbit.earth_view_factor(quantity(h, "m"), quantity(np.degrees(la), "deg")), dtype=float)
        solar = alpha * S * np.maximum(cos_th, 0.0) * sunlit
        alb = alpha * albedo * S * f * albedo_cos
        ir = eps * f * olr
        total = solar + alb + ir
        out[side] = dict(lam=la, f=f, solar=solar, albedo=alb, ir=ir, total=total,
                         sink=(total / (eps * STEFAN_BOLTZMANN) + t_space**4) ** 0.25)
    panel = out["front"]["total"] + out["back"]["total"]
    sink = (panel / (2.0 * eps * STEFAN_BOLTZMANN) + t_space**4) ** 0.25
    return out, sunlit, panel, sink


@named_shapes
def environment_loads(*, altitude: Any, absorptivity: Any, emissivity: Any, orientation: str | None = "edge-on",
                      solar_zenith_angle: Any = "0 deg", sun_angle: Any = None, nadir_angle: Any = None,
                      case: str = "hot", space_temperature: Any = "3 K") -> EnvironmentLoads:
    """Solar, albedo and Earth-IR loads absorbed by each face of a flat panel, and its sink temperatures.

    Parameters
    ----------
    altitude : Quantity [length]
        Orbit altitude above the equatorial radius, > 0.
    absorptivity : float
        Solar absorptance of both faces, in [0, 1] (use the end-of-life value, :func:`thermal.coating_alpha`).
    emissivity : float
        Infrared emittance of both faces, in (0, 1].
    orientation : {"edge-on", "zenith-nadir", "sun-facing"} or None
        A named attitude (module docstring), or None to give ``sun_angle`` and ``nadir_angle``.
    solar_zenith_angle : Quantity [angle]
        Angle between the local zenith and the Sun, 0 to 180 deg (0: over the sub-solar point, the worst
        albedo; in an orbit of beta angle beta it is never below |beta|, reached at orbit noon).
    sun_angle, nadir_angle : Quantity [angle], optional
        Front-face normal's angle to the Sun and to nadir, 0 to 180 deg, with ``orientation=None``.
    case : {"hot", "nominal", "cold"}
        Earth albedo / OLR / solar flux case of :func:`orbit.earth_albedo_ir`.
    space_temperature : Quantity [K]
        Deep-space background, 3 K by default.

    Returns
    -------
    EnvironmentLoads
        Per-face and total absorbed flux [W/m^2], view factors and sink temperatures. Broadcasts over
        ``altitude``, the angles and the optical properties.

    Notes
    -----
    q_solar = alpha S max(cos theta, 0), q_albedo = alpha a S F max(cos zeta, 0), q_IR = eps F OLR per face
    (Gilmore Vol. 1, 2nd ed., ch. 2; Fortescue 4th ed. section 11.2), with the view factor F of
    :func:`orbit.earth_view_factor`; the albedo cosine model and its terminator limit are discussed in the
    module docstring. Both faces share one coating; the Earth is a sphere of the equatorial radius.

    Examples
    --------
    Edge-on at 650 km: no sunlight on either face; each sees the Earth with F = 0.241.

    >>> r = environment_loads(altitude="650 km", absorptivity=0.09, emissivity=0.92, case="nominal",
    ...                       solar_zenith_angle="90 deg")
    >>> round(r.view_factor_front, 3), round(r.absorbed_flux.m_as("W/m^2"), 1)
    (0.241, 105.0)

    References
    ----------
    [Gilmore2002] ch. 2.
    [Fortescue2011] sec. 11.2.
    [Rickman2020] (the eclipse condition).
    """
    h = si(altitude, "m", "altitude", lo=0, lo_open=True)
    alpha = fraction(absorptivity, "absorptivity")
    eps = fraction(emissivity, "emissivity", lo_open=True)
    zeta = np.radians(si(solar_zenith_angle, "deg", "solar_zenith_angle", lo=0, hi=180))
    t_space = si(space_temperature, "K", "space_temperature", lo=0)
    env = orbit.earth_albedo_ir(case)
    S, olr = env.solar_flux.m_as("W/m^2"), env.outgoing_ir.m_as("W/m^2")

    if orientation is None:
        if sun_angle is None or nadir_angle is None:
            raise ValueError("orientation = None: give both sun_angle and nadir_angle of the front face")
        theta = np.radians(si(sun_angle, "deg", "sun_angle", lo=0, hi=180))
        lam = np.radians(si(nadir_angle, "deg", "nadir_angle", lo=0, hi=180))
        _check_triangle(theta, lam, zeta, sun_angle)
        cos_theta = np.cos(theta)
        name = "explicit"
    else:
        if sun_angle is not None or nadir_angle is not None:
            raise ValueError(f"orientation = {orientation!r}: sun_angle and nadir_angle apply only with "
                             "orientation=None")
        if not isinstance(orientation, str):
            raise TypeError(f"orientation = {orientation!r}: expected a name such as 'edge-on', or None")
        theta, lam, cos_theta = _named_angles(orientation, zeta)
        name = orientation

    faces, sunlit, panel, sink = _loads_kernel(h, cos_theta, lam, zeta, alpha, eps, S, env.albedo, olr, t_space)
    shape = np.broadcast_shapes(np.shape(panel), np.shape(theta), np.shape(lam))

    def q(x: Any, unit: str) -> pint.Quantity:
        return quantity(np.broadcast_to(x, shape), unit)

    fr, bk = faces["front"], faces["back"]
    lit = np.broadcast_to(sunlit, shape)
    return EnvironmentLoads(
        case=case, orientation=name, sunlit=scalar_or_array(lit, bool),
        sun_angle_front=q(np.degrees(theta), "deg"), sun_angle_back=q(180.0 - np.degrees(theta), "deg"),
        nadir_angle_front=q(np.degrees(fr["lam"]), "deg"), nadir_angle_back=q(np.degrees(bk["lam"]), "deg"),
        view_factor_front=scalar_or_array(np.broadcast_to(fr["f"], shape)),
        view_factor_back=scalar_or_array(np.broadcast_to(bk["f"], shape)),
        solar_front=q(fr["solar"], "W/m^2"), solar_back=q(bk["solar"], "W/m^2"),
        albedo_front=q(fr["albedo"], "W/m^2"), albedo_back=q(bk["albedo"], "W/m^2"),
        earth_ir_front=q(fr["ir"], "W/m^2"), earth_ir_back=q(bk["ir"], "W/m^2"),
        absorbed_front=q(fr["total"], "W/m^2"), absorbed_back=q(bk["total"], "W/m^2"),
        absorbed_flux=q(panel, "W/m^2"),
        sink_temperature_front=q(fr["sink"], "K"), sink_temperature_back=q(bk["sink"], "K"),
        sink_temperature=q(sink, "K"),
    )
