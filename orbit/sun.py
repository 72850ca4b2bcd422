"""Where the Sun is: a low-precision solar ephemeris and the solar flux at the Earth.

The ephemeris is the Astronomical Almanac's low-precision formula as given by Vallado, *Fundamentals of
Astrodynamics and Applications* (4th ed., 2013), Algorithm 29 ("SUN"): with T the Julian centuries from J2000,

    lambda_M  = 280.460 deg + 36000.771 deg T              (mean longitude)
    M         = 357.5291092 deg + 35999.05034 deg T        (mean anomaly)
    lambda    = lambda_M + 1.914666471 deg sin M + 0.019994643 deg sin 2M   (ecliptic longitude)
    epsilon   = 23.439291 deg - 0.0130042 deg T            (obliquity of the ecliptic)
    r         = 1.000140612 - 0.016708617 cos M - 0.000139589 cos 2M   [AU]
    alpha     = atan2(cos epsilon sin lambda, cos lambda),  delta = asin(sin epsilon sin lambda)

accurate to about 0.01 deg in 1950-2050 (Vallado, sec. 5.1.1).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.orbit.constants import _S0
from spacedc.orbit.dates import as_datetime64, days_since_j2000
from spacedc.results import Result
from spacedc.units import quantity

__all__ = ["SunPosition", "sun_position", "solar_flux"]

_DAYS_PER_CENTURY = 36525.0


@dataclasses.dataclass(frozen=True)
class SunPosition(Result):
    """Geocentric equatorial position of the Sun (mean equator and equinox of date).

    Attributes
    ----------
    right_ascension : Quantity [deg]
        0 to 360 deg.
    declination : Quantity [deg]
        -23.44 to +23.44 deg.
    distance : Quantity [AU]
        Earth-Sun distance, 0.9833 (perihelion, early January) to 1.0167 AU (aphelion, early July).
    """

    right_ascension: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    declination: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    distance: pint.Quantity = dataclasses.field(metadata={"unit": "au"})


def _mean_anomaly(t: np.ndarray) -> np.ndarray:
    return np.radians(357.5291092 + 35999.05034 * t)


def _mean_sun_right_ascension(d: np.ndarray) -> np.ndarray:
    """Right ascension of the mean Sun [rad] (its mean longitude), d in days from J2000."""
    return np.radians(280.460 + 36000.771 * d / _DAYS_PER_CENTURY) % (2.0 * np.pi)


def _sun(d: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Right ascension [rad, 0..2 pi), declination [rad] and distance [AU] of the Sun, d in days from J2000."""
    t = d / _DAYS_PER_CENTURY
    mean_anomaly = _mean_anomaly(t)
    longitude = np.radians(280.460 + 36000.771 * t + 1.914666471 * np.sin(mean_anomaly)
                           + 0.019994643 * np.sin(2.0 * mean_anomaly))
    obliquity = np.radians(23.439291 - 0.0130042 * t)
    distance = 1.000140612 - 0.016708617 * np.cos(mean_anomaly) - 0.000139589 * np.cos(2.0 * mean_anomaly)
    right_ascension = np.arctan2(np.cos(obliquity) * np.sin(longitude), np.cos(longitude)) % (2.0 * np.pi)
    declination = np.arcsin(np.sin(obliquity) * np.sin(longitude))
    return right_ascension, declination, distance


def sun_position(date: Any) -> SunPosition:
    """Right ascension, declination and distance of the Sun seen from the Earth's centre.

    Parameters
    ----------
    date : str, datetime, numpy.datetime64, or a list/array of them
        UTC instants in 1900-2099 (e.g. ``"2030-06-21T12:00"`` or a ``datetime64`` array); broadcasts.

    Returns
    -------
    SunPosition
        ``right_ascension`` [deg], ``declination`` [deg], ``distance`` [AU], each shaped like ``date``.

    Notes
    -----
    Vallado (4th ed.), Algorithm 29, the Astronomical Almanac's low-precision solar coordinates (equations in
    the module docstring): about 0.01 deg in 1950-2050, degrading slowly outside. UTC is used for UT1 and TDB.

    Examples
    --------
    Vallado (4th ed.) Example 5-1, 2006-04-02 00:00 UT1: the Sun is at 0.9771945 I + 0.1924424 J +
    0.0834308 K AU, i.e. right ascension 11.141 deg, declination 4.788 deg.

    >>> s = sun_position("2006-04-02")
    >>> round(s.right_ascension.m_as("deg"), 3), round(s.declination.m_as("deg"), 3)
    (11.141, 4.788)

    References
    ----------
    [Vallado2013] sec. 5.1.1, Alg. 29.
    [AstroAlmanac] U.S. Naval Observatory, *The Astronomical Almanac*, "Low-precision formulas for the Sun", p. C5.
    """
    ra, dec, r = _sun(days_since_j2000(as_datetime64(date)))
    return SunPosition(right_ascension=quantity(np.degrees(ra), "deg"),
                       declination=quantity(np.degrees(dec), "deg"), distance=quantity(r, "au"))


def solar_flux(date: Any) -> pint.Quantity:
    """Solar irradiance at the Earth's distance from the Sun on a date.

    .. math:: G = S_0 / r_{AU}^2, \\qquad S_0 = 1361\\ \\mathrm{W/m^2}

    Parameters
    ----------
    date : str, datetime, numpy.datetime64, or a list/array of them
        UTC instants in 1900-2099; broadcasts.

    Returns
    -------
    Quantity [W/m^2]
        About 1407.6 W/m^2 at perihelion (early January) and 1316.6 W/m^2 at aphelion (early July).

    References
    ----------
    [KoppLean2011] Kopp and Lean, "A new, lower value of total solar irradiance", GRL 38, L01706, 2011 (S_0).
    [Vallado2013] Alg. 29 (r).
    [Gilmore2002] ch. 2 (the inverse-square law).
    """
    _, _, r = _sun(days_since_j2000(as_datetime64(date)))
    return quantity(_S0 / r**2, "W/m^2")
