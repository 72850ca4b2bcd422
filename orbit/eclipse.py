"""Earth's shadow: eclipse fraction and duration per orbit, and eclipse seasons over a year.

The shadow is a cylinder of the Earth's equatorial radius R behind the Earth (no penumbra, no atmosphere).
A circular orbit of radius r = R + h is eclipsed when its beta angle is below

    beta* = asin(R / r),

and then spends the fraction

    f_E = (1/pi) acos( sqrt(h^2 + 2 R h) / (r cos beta) ) = (1/pi) acos( cos beta* / cos beta )

of each orbit in shadow (Rickman, "Introduction to Orbital Mechanics and Spacecraft Attitudes for Thermal
Engineers", NASA TFAWS 2020, eclipse fraction section; the same result as SMAD 3rd ed. sec. 5.1,
T_E = (P/180 deg) acos(cos rho / cos beta) with sin rho = R/r). At beta = 0 this is beta*/pi: 39 % of a
400 km orbit. The cylinder neglects the penumbra (about 8 s each side in LEO) and atmospheric refraction.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any

import numpy as np
import pint

from spacedc.orbit.beta import _beta, _node
from spacedc.orbit.constants import _R_E
from spacedc.orbit.dates import as_datetime64, days_since_j2000
from spacedc.orbit.kepler import _altitude, _period
from spacedc.results import Result
from spacedc.units import named_shapes, quantity, scalar_or_array, si

__all__ = ["critical_beta_angle", "eclipse_fraction", "eclipse_duration", "EclipseStatistics",
           "eclipse_statistics"]


def _beta_star(h: np.ndarray) -> np.ndarray:
    return np.arcsin(_R_E / (_R_E + h))


def _eclipse_fraction(h: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """Cylindrical-shadow eclipse fraction; exactly 0 for |beta| >= beta*, never NaN."""
    cos_star = np.cos(_beta_star(h))
    ratio = cos_star / np.maximum(np.cos(beta), cos_star)  # <= 1; equals 1 (f = 0) outside the shadow band
    return np.arccos(np.minimum(ratio, 1.0)) / np.pi


def _beta_rad(beta: Any) -> np.ndarray:
    return np.radians(si(beta, "deg", "beta", lo=-90.0, hi=90.0))


def critical_beta_angle(altitude: Any) -> pint.Quantity:
    """Beta angle above which a circular orbit sees no eclipse: beta* = asin(R_E / (R_E + h)).

    Parameters
    ----------
    altitude : Quantity [length]
        Positive; broadcasts.

    Returns
    -------
    Quantity [deg]
        70.22 deg at 400 km, 65.16 deg at 650 km, 8.7 deg at geostationary altitude.

    References
    ----------
    [Rickman2020] Rickman, NASA TFAWS, 2020 (eclipse section).
    """
    return quantity(np.degrees(_beta_star(_altitude(altitude))), "deg")


@named_shapes
def eclipse_fraction(altitude: Any, beta: Any) -> float | np.ndarray:
    """Fraction of a circular orbit spent in the Earth's (cylindrical) shadow.

    .. math:: f_E = \\frac{1}{\\pi}\\cos^{-1}\\!\\left(\\frac{\\sqrt{h^2 + 2 R h}}{(R + h)\\cos\\beta}\\right)
              \\ \\text{for}\\ |\\beta| < \\beta^* = \\sin^{-1}\\frac{R}{R + h}, \\quad 0\\ \\text{otherwise}

    Parameters
    ----------
    altitude : Quantity [length]
        Positive. Broadcasts with ``beta``.
    beta : Quantity [angle]
        Solar beta angle, -90 to 90 deg.

    Returns
    -------
    float or ndarray
        0 to 0.5 (dimensionless).

    Notes
    -----
    Rickman (NASA TFAWS 2020), eclipse fraction equation; equivalent to SMAD (3rd ed.) sec. 5.1. The cylinder
    ignores the penumbra; the true umbra is a few seconds shorter per pass in LEO.

    Examples
    --------
    At 280 km and beta = 0 the orbit is in sunlight 59 % of the time (Wikipedia "Beta angle", after NASA):

    >>> round(1 - eclipse_fraction("280 km", "0 deg"), 3)
    0.593

    References
    ----------
    [Rickman2020] Rickman, NASA TFAWS, 2020.
    [SMAD1999] Wertz & Larson, *Space Mission Analysis and Design*, 3rd ed., 1999, sec. 5.1.
    """
    return scalar_or_array(_eclipse_fraction(_altitude(altitude), _beta_rad(beta)))


@named_shapes
def eclipse_duration(altitude: Any, beta: Any) -> pint.Quantity:
    """Time in the Earth's shadow per orbit: f_E(h, beta) times the orbital period.

    Parameters
    ----------
    altitude : Quantity [length]
        Positive. Broadcasts with ``beta``.
    beta : Quantity [angle]
        Solar beta angle, -90 to 90 deg.

    Returns
    -------
    Quantity [min]
        36.1 min at 400 km and beta = 0 (period 92.6 min).

    References
    ----------
    [Rickman2020]; [SMAD1999] sec. 5.1.
    """
    h = _altitude(altitude)
    return quantity(_eclipse_fraction(h, _beta_rad(beta)) * _period(h) / 60.0, "min")


@dataclasses.dataclass(frozen=True)
class EclipseStatistics(Result):
    """Eclipses of a circular orbit sampled once a day. Leading axes broadcast over the orbit inputs; the
    daily arrays have a last axis of length ``days``.

    Attributes
    ----------
    period : Quantity [min]
        Orbital period.
    max_eclipse_fraction : float or ndarray
        Worst (largest) eclipse fraction of any sampled day.
    max_eclipse_duration : Quantity [min]
        Worst eclipse per orbit.
    days_with_eclipse : int or ndarray
        Sampled days on which the orbit is eclipsed at all.
    total_eclipse_time : Quantity [h]
        Time spent in shadow over the sampled period (each day counts its eclipse fraction times 24 h).
    beta_min, beta_max : Quantity [deg]
        Smallest and largest |beta| over the period.
    dates : ndarray of datetime64
        The sampled instants (not flattened by ``to_dict``).
    beta : Quantity [deg]
        Daily beta angle.
    eclipse_fraction : ndarray
        Daily eclipse fraction.
    eclipse_duration : Quantity [min]
        Daily eclipse per orbit.
    """

    period: pint.Quantity = dataclasses.field(metadata={"unit": "s"})
    max_eclipse_fraction: float | np.ndarray
    max_eclipse_duration: pint.Quantity = dataclasses.field(metadata={"unit": "s"})
    days_with_eclipse: int | np.ndarray
    total_eclipse_time: pint.Quantity = dataclasses.field(metadata={"unit": "h"})
    beta_min: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    beta_max: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    dates: np.ndarray = dataclasses.field(metadata={"skip": True})
    beta: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    eclipse_fraction: float | np.ndarray
    eclipse_duration: pint.Quantity = dataclasses.field(metadata={"unit": "s"})


def _days(days: Any) -> int:
    try:
        n = operator.index(days)
    except TypeError:
        raise TypeError(f"days = {days!r}: expected a whole number of days, e.g. 365") from None
    if n < 1:
        raise ValueError(f"days = {n}: must be >= 1")
    return n


def _sample_days(start: Any, days: Any) -> np.ndarray:
    start64 = as_datetime64(start, "start")
    if start64.ndim:
        raise ValueError(f"start = {start!r}: expected a single date (the sampled days form the last axis)")
    dates = start64 + np.arange(_days(days)) * np.timedelta64(86_400_000_000, "us")
    return as_datetime64(dates, "start + days")


def _statistics(h: np.ndarray, i: np.ndarray, raan_epoch: np.ndarray, d_epoch: np.ndarray,
                dates: np.ndarray) -> EclipseStatistics:
    """Kernel shared with :func:`orbit.environment`: h [m], i and raan_epoch [rad] broadcast together."""
    h, i, raan_epoch = (x[..., np.newaxis] for x in np.broadcast_arrays(h, i, raan_epoch))
    beta = _beta(days_since_j2000(dates), h, i, raan_epoch, d_epoch)
    fraction = _eclipse_fraction(h, beta)
    period = _period(h)
    abs_beta = np.abs(beta)
    return EclipseStatistics(
        period=quantity(period[..., 0] / 60.0, "min"),
        max_eclipse_fraction=scalar_or_array(fraction.max(axis=-1)),
        max_eclipse_duration=quantity((fraction * period).max(axis=-1) / 60.0, "min"),
        days_with_eclipse=scalar_or_array(np.count_nonzero(fraction > 0.0, axis=-1), int),
        total_eclipse_time=quantity(24.0 * fraction.sum(axis=-1), "h"),
        beta_min=quantity(np.degrees(abs_beta.min(axis=-1)), "deg"),
        beta_max=quantity(np.degrees(abs_beta.max(axis=-1)), "deg"),
        dates=dates,
        beta=quantity(np.degrees(beta), "deg"),
        eclipse_fraction=scalar_or_array(fraction),
        eclipse_duration=quantity(fraction * period / 60.0, "min"),
    )


@named_shapes
def eclipse_statistics(*, altitude: Any, inclination: Any, ltan: Any = None, raan: Any = None,
                       start: Any = "2030-01-01", days: int = 365, epoch: Any = None) -> EclipseStatistics:
    """Eclipse season of a circular orbit: beta and eclipse sampled once a day, with J2 node drift.

    Parameters
    ----------
    altitude : Quantity [length]
        Positive. Broadcasts with ``inclination`` and ``ltan``/``raan``.
    inclination : Quantity [angle] or None
        0 to 180 deg; ``None`` means sun-synchronous at ``altitude``.
    ltan : str or Quantity [time], optional
        Local time of the ascending node at ``epoch`` (e.g. ``"06:00"``). Give exactly one of ``ltan``, ``raan``.
    raan : Quantity [angle], optional
        Right ascension of the ascending node at ``epoch``.
    start : date
        First sampled instant (a single date); samples are ``start + k days``, k = 0 .. days-1.
    days : int
        Number of daily samples; 365 covers a year.
    epoch : date, optional
        When ``ltan``/``raan`` holds (a single date); default ``start``.

    Returns
    -------
    EclipseStatistics
        Worst eclipse, eclipse days, total shadow time, beta range and the daily arrays (last axis: days).

    Notes
    -----
    Each day: beta from :func:`orbit.beta_angle` (Sun from Vallado Alg. 29, node drifting at the J2 rate),
    then the cylindrical-shadow fraction of :func:`eclipse_fraction`. Sampling once a day misses the true
    extreme by at most the day-to-day change of beta (< 5 deg for ISS-like orbits, where f_E is flat near
    beta = 0; < 0.5 deg for sun-synchronous orbits).

    Why a dawn-dusk orbit has one short season: with LTAN 06:00 the node is 90 deg west of the Sun, so
    sin(beta) = -sin(i - delta_s). The orbit normal lies i - 90 deg = 8 deg off the equatorial plane (i = 98 deg
    at 650 km), and the Sun's declination adds to that tilt while the Sun is south and cancels it while it is
    north: |beta| = 82 deg - |delta_s| from the September to the March equinox, smallest (58.6 deg) at the
    December solstice, and |beta| >= 74.6 deg the rest of the year. Only around the December solstice does
    |beta| fall below beta* = 65.16 deg: about three months (November to early February) with up to 19.7 min
    of eclipse per orbit, and no eclipse otherwise. A 18:00 LTAN orbit mirrors this around the June solstice.

    References
    ----------
    [Rickman2020] Rickman, NASA TFAWS, 2020.
    [Vallado2013] Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed., 2013.
    """
    dates = _sample_days(start, days)
    epoch64 = as_datetime64(start if epoch is None else epoch, "epoch")
    if epoch64.ndim:
        raise ValueError(f"epoch = {epoch!r}: expected a single date")
    d_epoch = days_since_j2000(epoch64)
    h = _altitude(altitude)
    i, raan_epoch = _node(h, inclination, raan, ltan, d_epoch)
    return _statistics(h, i, raan_epoch, d_epoch, dates)
