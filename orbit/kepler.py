"""Circular orbits about an oblate Earth: period, J2 nodal precession and the sun-synchronous inclination.

Orbits here are circular, so the semi-major axis is a = R_E + h with R_E the equatorial radius; the secular
J2 rates are those of Vallado, *Fundamentals of Astrodynamics and Applications* (4th ed., 2013), eq. 9-41,
with eccentricity zero.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pint

from spacedc.orbit.constants import _DAY_S, _F, _J2, _MU, _R_E, _TROPICAL_YEAR_S
from spacedc.units import named_shapes, quantity, si

__all__ = ["orbital_period", "nodal_precession_rate", "sun_synchronous_inclination", "mean_geodetic_altitude"]

#: The nodal rate of a sun-synchronous orbit [rad/s]: one turn per tropical year, eastward.
_SSO_RATE = 2.0 * np.pi / _TROPICAL_YEAR_S


def _altitude(altitude: Any, name: str = "altitude") -> np.ndarray:
    """Validate an altitude and return it in metres (strictly positive)."""
    return si(altitude, "m", name, lo=0.0, lo_open=True)


def _inclination(inclination: Any, name: str = "inclination") -> np.ndarray:
    """Validate an inclination and return it in radians, 0 to 180 deg."""
    return np.radians(si(inclination, "deg", name, lo=0.0, hi=180.0))


def _mean_motion(h: np.ndarray) -> np.ndarray:
    return np.sqrt(_MU / (_R_E + h) ** 3)


def _period(h: np.ndarray) -> np.ndarray:
    return 2.0 * np.pi / _mean_motion(h)


def _nodal_rate(h: np.ndarray, i: np.ndarray) -> np.ndarray:
    """J2 secular RAAN rate of a circular orbit [rad/s]."""
    return -1.5 * _mean_motion(h) * _J2 * (_R_E / (_R_E + h)) ** 2 * np.cos(i)


def _sso_inclination(h: np.ndarray, name: str = "altitude") -> np.ndarray:
    """Sun-synchronous inclination [rad]; raises ValueError, naming ``name``, where none exists."""
    cos_i = -_SSO_RATE / (1.5 * _mean_motion(h) * _J2 * (_R_E / (_R_E + h)) ** 2)
    bad = cos_i < -1.0
    if np.any(bad):
        first = float(np.asarray(h)[bad].ravel()[0]) if np.ndim(h) else float(h)
        raise ValueError(f"{name} = {first / 1e3:g} km: no sun-synchronous orbit exists this high "
                         f"(J2 precession too slow; the limit is about 5970 km)")
    return np.arccos(cos_i)


def orbital_period(altitude: Any) -> pint.Quantity:
    """Period of a circular Keplerian orbit.

    .. math:: T = 2 \\pi \\sqrt{a^3 / \\mu}, \\qquad a = R_E + h

    Parameters
    ----------
    altitude : Quantity [length]
        Height above the equatorial radius R_E = 6378.137 km. Any positive value; broadcasts.

    Returns
    -------
    Quantity [s]

    Notes
    -----
    Kepler's third law for a circular orbit (Vallado, 4th ed., eq. 1-26 with a = r). J2 changes the
    nodal period of a LEO orbit by about 0.1 % and is ignored.

    Examples
    --------
    The geostationary altitude 35 786 km gives one sidereal day, 86 164 s:

    >>> round(orbital_period("35786 km").m_as("s"))
    86164

    References
    ----------
    [Vallado2013] Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed., 2013, eq. 1-26.
    """
    return quantity(_period(_altitude(altitude)), "s")


@named_shapes
def nodal_precession_rate(altitude: Any, inclination: Any) -> pint.Quantity:
    """Secular drift of the right ascension of the ascending node caused by J2, for a circular orbit.

    .. math:: \\dot\\Omega = -\\tfrac{3}{2}\\, n\\, J_2 \\left(\\frac{R_E}{a}\\right)^2 \\cos i,
              \\qquad n = \\sqrt{\\mu / a^3}

    Parameters
    ----------
    altitude : Quantity [length]
        Height above the equatorial radius; positive.
    inclination : Quantity [angle]
        0 to 180 deg. Broadcasts with ``altitude``.

    Returns
    -------
    Quantity [deg/day]
        Negative (westward) for prograde orbits, positive for retrograde, zero for polar orbits.

    Notes
    -----
    Vallado (4th ed.), eq. 9-41 with e = 0 (first-order secular J2 theory). ISS-like orbits (400 km,
    51.6 deg) regress about -5 deg/day; a sun-synchronous orbit advances +0.9856 deg/day.

    References
    ----------
    [Vallado2013] sec. 9.6, eq. 9-41.
    """
    rate = _nodal_rate(_altitude(altitude), _inclination(inclination))
    return quantity(np.degrees(rate) * _DAY_S, "deg/day")


def sun_synchronous_inclination(altitude: Any) -> pint.Quantity:
    """Inclination at which J2 turns a circular orbit's node once per tropical year (sun-synchronous).

    .. math:: \\cos i = -\\frac{\\dot\\Omega_\\odot}{\\tfrac{3}{2}\\, n\\, J_2 (R_E/a)^2},
              \\qquad \\dot\\Omega_\\odot = \\frac{360^\\circ}{365.2422\\ \\mathrm{d}}

    Parameters
    ----------
    altitude : Quantity [length]
        Height above the equatorial radius; positive and below about 5970 km (above it J2 is too weak and no
        sun-synchronous orbit exists: a ValueError names ``altitude``).

    Returns
    -------
    Quantity [deg]
        Retrograde, 96-100 deg in LEO: 97.99 deg at 650 km, 98.21 deg at 705 km (Landsat 8's published 98.2).

    References
    ----------
    [Vallado2013] sec. 11.4.1 (eq. 11-15 with e = 0).
    [SMAD1999] Wertz & Larson, *Space Mission Analysis and Design*, 3rd ed., sec. 6.2.
    """
    return quantity(np.degrees(_sso_inclination(_altitude(altitude))), "deg")


@named_shapes
def mean_geodetic_altitude(altitude: Any, inclination: Any) -> pint.Quantity:
    """Orbit-mean geodetic height of a circular orbit: what an atmosphere model given by height sees on average.

    A circular orbit of radius a = R_E + h (R_E the equatorial radius) passes over geocentric latitude phi at
    the height a - R_E (1 - f sin^2 phi) above the ellipsoid, to first order in the flattening f. Over a
    circular orbit sin(phi) = sin(i) sin(u) (u the argument of latitude, uniform in time), so the mean of
    sin^2 phi is sin^2(i) / 2 and

    .. math:: \\bar h_{geodetic} = h + \\frac{R_E f \\sin^2 i}{2}

    (R_E f = 21.4 km: 10.5 km above h for a sun-synchronous orbit, 6.6 km at 51.6 deg). A hand derivation
    from the WGS-84 ellipsoid ([Vallado2013] Table D-3, sec. 3.2 for geodetic height).

    Parameters
    ----------
    altitude : Quantity [length]
        Circular altitude above the equatorial radius (> 0).
    inclination : Quantity [angle]
        0 to 180 deg.

    Returns
    -------
    Quantity [km]

    Examples
    --------
    >>> round(mean_geodetic_altitude("650 km", "98 deg").m_as("km"), 2)
    660.49
    """
    h = _altitude(altitude)
    i = _inclination(inclination)
    return quantity((h + _R_E * _F * np.sin(i) ** 2 / 2.0) / 1e3, "km")
