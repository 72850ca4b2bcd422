"""The orbit environment a design is sized for: period, worst eclipse, sunlight, beta range and solar flux.

:func:`environment` is what ``designs`` calls: it samples a year (by default) of daily beta angles for an
:class:`orbit.Orbit` with :func:`orbit.eclipse_statistics`, and reports the worst-case numbers that size the
battery (longest eclipse), the array (shortest daylight per orbit) and the radiators (beta and flux range,
Earth view factor). Everything broadcasts: an ``Orbit`` whose altitude holds 1000 values gives 1000-element
fields, computed over a (1000, 365) array of days.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pint

from spacedc.orbit.beta import _ltan_hours, _raan_from_ltan
from spacedc.orbit.constants import _DAY_S, _R_E, _S0
from spacedc.orbit.dates import as_datetime64, days_since_j2000
from spacedc.orbit.eclipse import _days, _sample_days, _statistics
from spacedc.orbit.kepler import _nodal_rate, _sso_inclination
from spacedc.orbit.spec import Orbit
from spacedc.orbit.sun import _mean_sun_right_ascension, _sun
from spacedc.results import Result
from spacedc.units import named_shapes, quantity, scalar_or_array

__all__ = ["OrbitEnvironment", "environment"]

_DAYS_PER_YEAR = 365.25


@dataclasses.dataclass(frozen=True)
class OrbitEnvironment(Result):
    """Environment of an orbit over the sampled period (a year by default). Fields broadcast over the orbit.

    Attributes
    ----------
    altitude : Quantity [km]
    inclination : Quantity [deg]
        The sun-synchronous value where the orbit left it open.
    raan : Quantity [deg]
        Right ascension of the ascending node at the orbit's epoch.
    ltan : Quantity [h]
        Local time of the ascending node at epoch.
    nodal_precession_rate : Quantity [deg/day]
        J2 drift of the node (+0.9856 deg/day for a sun-synchronous orbit).
    period : Quantity [min]
    eclipse_fraction : float or ndarray
        Worst (largest) fraction of an orbit in shadow on any sampled day.
    eclipse_duration : Quantity [min]
        Worst eclipse per orbit: what the battery must carry.
    daylight_duration : Quantity [min]
        ``period - eclipse_duration``: the shortest sunlit time per orbit, in which the array must also
        recharge the battery.
    days_with_eclipse : int or ndarray
        Sampled days with any eclipse.
    eclipse_hours_per_year : Quantity [h]
        Shadow time over the sampled days scaled to 365.25 days (mean daily eclipse time x 365.25).
    beta_min, beta_max : Quantity [deg]
        Smallest and largest |beta| over the sampled days.
    solar_flux_min, solar_flux_max : Quantity [W/m^2]
        Solar flux at the largest and smallest Earth-Sun distance of the sampled days (aphelion, perihelion
        over a full year).
    earth_view_factor : float or ndarray
        View factor from one face of a nadir-facing plate to the Earth, 1/H^2.
    """

    altitude: pint.Quantity
    inclination: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    raan: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    ltan: pint.Quantity = dataclasses.field(metadata={"unit": "h"})
    nodal_precession_rate: pint.Quantity = dataclasses.field(metadata={"unit": "deg/day"})
    period: pint.Quantity = dataclasses.field(metadata={"unit": "s"})
    eclipse_fraction: float | np.ndarray
    eclipse_duration: pint.Quantity = dataclasses.field(metadata={"unit": "s"})
    daylight_duration: pint.Quantity = dataclasses.field(metadata={"unit": "s"})
    days_with_eclipse: int | np.ndarray
    eclipse_hours_per_year: pint.Quantity = dataclasses.field(metadata={"unit": "h"})
    beta_min: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    beta_max: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    solar_flux_min: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    solar_flux_max: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    earth_view_factor: float | np.ndarray


@named_shapes
def environment(orbit: Orbit, *, days: int = 365) -> OrbitEnvironment:
    """Worst-case eclipse, sunlight, beta and solar flux of an orbit, sampled daily from its epoch.

    Parameters
    ----------
    orbit : Orbit
        Altitude, inclination (or sun-synchronous), LTAN or RAAN at epoch, epoch. Array fields broadcast.
    days : int
        Number of daily samples starting at ``orbit.epoch``; 365 covers a year and every eclipse season.

    Returns
    -------
    OrbitEnvironment
        Fields shaped like the orbit's broadcast shape.

    Notes
    -----
    Daily beta angles (Vallado Alg. 29 Sun, J2 node drift; :func:`orbit.beta_angle`), cylindrical-shadow
    eclipse (Rickman, NASA TFAWS 2020; :func:`orbit.eclipse_fraction`), solar flux 1361 W/m^2 / r_AU^2
    (:func:`orbit.solar_flux`), nadir-plate view factor 1/H^2 (:func:`orbit.earth_view_factor`).

    Examples
    --------
    A 650 km dawn-dusk sun-synchronous orbit (Suncatcher-like) eclipses only around the December solstice:

    >>> env = environment(Orbit(altitude="650 km", ltan="06:00"))
    >>> round(env.eclipse_duration.m_as("min"), 1), env.days_with_eclipse
    (19.7, 86)
    """
    if not isinstance(orbit, Orbit):
        raise TypeError(f"orbit = {orbit!r}: expected an orbit.Orbit, e.g. Orbit(altitude='650 km', ltan='06:00')")
    n_days = _days(days)
    dates = _sample_days(orbit.epoch, n_days)
    d_epoch = days_since_j2000(as_datetime64(orbit.epoch, "epoch"))
    shape = orbit.shape

    h = np.broadcast_to(orbit.altitude.m_as("m"), shape)
    i = _sso_inclination(h) if orbit.inclination is None else np.radians(orbit.inclination.m_as("deg"))
    if orbit.ltan is not None:
        raan = _raan_from_ltan(_ltan_hours(orbit.ltan), d_epoch)
    else:
        raan = np.radians(orbit.raan.m_as("deg"))
    i, raan = (np.broadcast_to(x, shape) for x in (i, raan))
    ltan = (12.0 + np.degrees(raan - _mean_sun_right_ascension(d_epoch)) / 15.0) % 24.0

    stats = _statistics(h, i, raan, d_epoch, dates)
    _, _, distance = _sun(days_since_j2000(dates))
    worst = stats.max_eclipse_duration
    return OrbitEnvironment(
        altitude=quantity(h / 1e3, "km"),
        inclination=quantity(np.degrees(i), "deg"),
        raan=quantity(np.degrees(raan), "deg"),
        ltan=quantity(ltan, "hour"),
        nodal_precession_rate=quantity(np.degrees(_nodal_rate(h, i)) * _DAY_S, "deg/day"),
        period=stats.period,
        eclipse_fraction=stats.max_eclipse_fraction,
        eclipse_duration=worst,
        daylight_duration=stats.period - worst,
        days_with_eclipse=stats.days_with_eclipse,
        eclipse_hours_per_year=stats.total_eclipse_time * (_DAYS_PER_YEAR / n_days),
        beta_min=stats.beta_min,
        beta_max=stats.beta_max,
        solar_flux_min=quantity(np.broadcast_to(_S0 / distance.max() ** 2, shape), "W/m^2"),
        solar_flux_max=quantity(np.broadcast_to(_S0 / distance.min() ** 2, shape), "W/m^2"),
        earth_view_factor=scalar_or_array((_R_E / (_R_E + h)) ** 2),  # full view at lambda = 0: 1/H^2
    )
