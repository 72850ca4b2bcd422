"""The solar beta angle: the Sun's elevation above the orbit plane, with the node drifting under J2.

The orbit plane is fixed by its inclination i and the right ascension of its ascending node Omega (RAAN).
RAAN is given either directly at an epoch or through the local time of the ascending node (LTAN), the
mean solar time at which the satellite crosses the equator northbound:

    Omega(epoch) = alpha_meanSun(epoch) + 15 deg/h * (LTAN - 12 h).

Between the epoch and the date the node drifts at the secular J2 rate dOmega/dt (:mod:`orbit.kepler`); the
mean Sun moves at 360 deg per tropical year, so a sun-synchronous orbit keeps its LTAN while any other orbit's
LTAN drifts. The beta angle is then (Rickman, NASA TFAWS 2020; Vallado 4th ed. sec. 5.3)

    sin(beta) = cos(delta_s) sin(i) sin(Omega - alpha_s) + sin(delta_s) cos(i),

with alpha_s, delta_s the Sun's right ascension and declination (:mod:`orbit.sun`). Beta is positive when
the Sun lies on the side of the orbit normal (north of the plane for a prograde orbit).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import numpy as np
import pint

from spacedc.orbit.constants import _DAY_S
from spacedc.orbit.dates import as_datetime64, days_since_j2000
from spacedc.orbit.kepler import _altitude, _inclination, _nodal_rate, _sso_inclination
from spacedc.orbit.sun import _mean_sun_right_ascension, _sun
from spacedc.units import Q_, named_shapes, quantity, si

__all__ = ["beta_angle", "raan_from_ltan"]

_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d*)?))?\s*$")


def _clock_to_hours(value: Any, name: str) -> Any:
    """``"06:00"``, ``"6:30:15"`` or a ``datetime.time`` as a Quantity in hours; anything else unchanged."""
    if isinstance(value, datetime.time):
        return Q_(value.hour + value.minute / 60.0 + (value.second + value.microsecond * 1e-6) / 3600.0, "hour")
    m = _CLOCK.match(value) if isinstance(value, str) else None
    if not m:
        return value
    hours, minutes, seconds = int(m.group(1)), int(m.group(2)), float(m.group(3) or 0.0)
    if minutes >= 60 or seconds >= 60:
        raise ValueError(f"{name} = {value!r}: minutes and seconds must be below 60")
    return Q_(hours + minutes / 60.0 + seconds / 3600.0, "hour")


def _ltan_hours(ltan: Any, name: str = "ltan") -> np.ndarray:
    """Local time of the ascending node in hours [0, 24): ``"06:00"``, ``"6 h"``, a Quantity, a ``datetime.time``
    (what TOML's ``ltan = 06:00:00`` parses to), or a list of them."""
    ltan = [_clock_to_hours(v, name) for v in ltan] if isinstance(ltan, (list, tuple)) else _clock_to_hours(ltan, name)
    return si(ltan, "hour", name, lo=0.0, hi=24.0, hi_open=True)


def _raan_from_ltan(hours: np.ndarray, d_epoch: np.ndarray) -> np.ndarray:
    """RAAN [rad, 0..2 pi) of an orbit whose ascending node is at local mean solar time ``hours`` at ``d_epoch``."""
    return (_mean_sun_right_ascension(d_epoch) + np.radians(15.0 * (hours - 12.0))) % (2.0 * np.pi)


def _beta(d: np.ndarray, h: np.ndarray, i: np.ndarray, raan_epoch: np.ndarray, d_epoch: np.ndarray) -> np.ndarray:
    """Beta angle [rad]; d and d_epoch in days from J2000, h in m, angles in rad. Broadcasts."""
    raan = raan_epoch + _nodal_rate(h, i) * (d - d_epoch) * _DAY_S
    ra, dec, _ = _sun(d)
    sin_beta = np.cos(dec) * np.sin(i) * np.sin(raan - ra) + np.sin(dec) * np.cos(i)
    return np.arcsin(np.clip(sin_beta, -1.0, 1.0))


def _node(h: np.ndarray, inclination: Any, raan: Any, ltan: Any, d_epoch: np.ndarray
          ) -> tuple[np.ndarray, np.ndarray]:
    """Validated inclination [rad] (sun-synchronous when None) and RAAN at epoch [rad]."""
    if (raan is None) == (ltan is None):
        raise ValueError("raan / ltan: give exactly one of them (the RAAN in deg at epoch, or the local time "
                         f"of the ascending node such as '06:00'); got raan={raan!r}, ltan={ltan!r}")
    i = _sso_inclination(h) if inclination is None else _inclination(inclination)
    if raan is not None:
        raan_epoch = np.radians(si(raan, "deg", "raan")) % (2.0 * np.pi)
    else:
        raan_epoch = _raan_from_ltan(_ltan_hours(ltan), d_epoch)
    return i, raan_epoch


@named_shapes
def raan_from_ltan(ltan: Any, epoch: Any) -> pint.Quantity:
    """Right ascension of the ascending node of an orbit with a given local time of ascending node.

    .. math:: \\Omega = \\alpha_{\\bar\\odot}(t_0) + 15^\\circ\\,\\mathrm{h^{-1}}\\,(\\mathrm{LTAN} - 12\\,\\mathrm{h})

    Parameters
    ----------
    ltan : str, Quantity [time] or datetime.time
        Local mean solar time of the ascending node, 0 to 24 h: ``"06:00"`` (dawn-dusk), ``"18:00"``,
        ``"10:30"``, ``"6 h"``, ``6 * u.hour`` or ``datetime.time(6)``; lists and arrays broadcast.
    epoch : str, datetime, numpy.datetime64, or a list/array of them
        The instant at which the orbit has this LTAN.

    Returns
    -------
    Quantity [deg]
        0 to 360 deg.

    Notes
    -----
    LTAN is a mean solar time, so it is measured from the mean Sun, whose right ascension is the Sun's mean
    longitude (Vallado 4th ed., Alg. 29, lambda_M = 280.460 deg + 36000.771 deg T). Measuring from the true
    Sun instead would shift Omega by the equation of time, up to 4 deg.

    References
    ----------
    [Vallado2013] sec. 3.5 (solar time) and sec. 11.4.1 (sun-synchronous orbits).
    """
    hours = _ltan_hours(ltan)
    d_epoch = days_since_j2000(as_datetime64(epoch, "epoch"))
    return quantity(np.degrees(_raan_from_ltan(hours, d_epoch)), "deg")


@named_shapes
def beta_angle(date: Any, *, altitude: Any, inclination: Any, raan: Any = None, ltan: Any = None,
               epoch: Any = None) -> pint.Quantity:
    """Solar beta angle of a circular orbit on a date, with J2 nodal drift from an epoch.

    .. math:: \\sin\\beta = \\cos\\delta_\\odot \\sin i \\sin(\\Omega - \\alpha_\\odot)
              + \\sin\\delta_\\odot \\cos i, \\qquad
              \\Omega(t) = \\Omega(t_0) + \\dot\\Omega_{J2}\\,(t - t_0)

    Parameters
    ----------
    date : str, datetime, numpy.datetime64, or a list/array of them
        UTC instants, 1900-2099.
    altitude : Quantity [length]
        Height above the equatorial radius; sets the J2 drift rate.
    inclination : Quantity [angle] or None
        0 to 180 deg; ``None`` means sun-synchronous at ``altitude``.
    raan : Quantity [angle], optional
        Right ascension of the ascending node at ``epoch``. Give exactly one of ``raan`` and ``ltan``.
    ltan : str or Quantity [time], optional
        Local time of the ascending node at ``epoch`` (``"06:00"``, ``"18:00"``, ``6 * u.hour``).
    epoch : date, optional
        When ``raan`` or ``ltan`` holds. Default: ``date`` itself (no drift: the node is as given on each date).

    Returns
    -------
    Quantity [deg]
        -90 to +90 deg, broadcast over all inputs.

    Notes
    -----
    Beta formula: Rickman, "Introduction to Orbital Mechanics and Spacecraft Attitudes for Thermal
    Engineers", NASA TFAWS 2020 (beta angle section); Vallado (4th ed.) sec. 5.3. Node drift: first-order
    secular J2 (Vallado eq. 9-41). The Sun: Vallado Alg. 29 (0.01 deg). A sun-synchronous orbit's beta then
    varies only with the Sun's declination and the equation of time.

    Examples
    --------
    A dawn-dusk (06:00) sun-synchronous orbit at 650 km around the December solstice:
    beta is about -58.6 deg = -(180 deg - i - 23.44 deg), its smallest magnitude of the year.

    >>> b = beta_angle("2030-12-21", altitude="650 km", inclination=None, ltan="06:00", epoch="2030-01-01")
    >>> round(b.m_as("deg"), 1)
    -58.6
    """
    d = days_since_j2000(as_datetime64(date))
    d_epoch = d if epoch is None else days_since_j2000(as_datetime64(epoch, "epoch"))
    h = _altitude(altitude)
    i, raan_epoch = _node(h, inclination, raan, ltan, d_epoch)
    return quantity(np.degrees(_beta(d, h, i, raan_epoch, d_epoch)), "deg")
