"""The orbit of a design as data: a frozen, validated specification.

:class:`Orbit` only holds and checks parameters; the physics is in the functions of this package, and
:func:`orbit.environment` turns an ``Orbit`` into the numbers the sizing chain needs.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from spacedc.orbit.beta import _ltan_hours
from spacedc.orbit.dates import as_datetime64
from spacedc.orbit.kepler import _sso_inclination
from spacedc.units import broadcast_shape, quantity, si

__all__ = ["Orbit"]

#: Altitude range accepted by :class:`Orbit` [km]: above the sensible atmosphere for a design life, below
#: geostationary-plus-margin. The physics functions themselves accept any positive altitude.
ALTITUDE_RANGE_KM = (150.0, 40_000.0)

_SSO_WORDS = ("sso", "sun-synchronous", "sun_synchronous", "sun synchronous")


@dataclasses.dataclass(frozen=True)
class Orbit:
    """A circular orbit for a design.

    Parameters
    ----------
    altitude : Quantity [length] or str
        Height above the equatorial radius, 150 to 40 000 km (``"650 km"``). May be an array (a sweep).
    inclination : Quantity [angle], str, or None
        0 to 180 deg. ``None`` (or ``"sun-synchronous"``/``"sso"``) means sun-synchronous at ``altitude``,
        which exists below about 5970 km.
    ltan : str, Quantity [time] or datetime.time, optional
        Local time of the ascending node at ``epoch``: ``"06:00"`` (dawn-dusk), ``"10:30"``, ``6 * u.hour``,
        or a TOML local time (``ltan = 06:00:00``).
    raan : Quantity [angle] or str, optional
        Right ascension of the ascending node at ``epoch``, 0 to 360 deg. Give exactly one of ``ltan``, ``raan``.
    epoch : str, datetime, date or numpy.datetime64
        The instant at which ``ltan``/``raan`` hold and where :func:`orbit.environment` starts its year
        (default ``"2030-01-01"``; a TOML date such as ``epoch = 2030-01-01`` works too).

    Strings are converted to Quantities (altitude in km, inclination and raan in deg, ltan in hours). Errors
    name the field: ``TypeError`` for a bare number, ``DimensionalityError`` for a wrong unit, ``ValueError``
    for NaN or out-of-range values.

    Examples
    --------
    >>> Orbit(altitude="650 km", ltan="06:00").altitude
    <Quantity(650.0, 'kilometer')>
    """

    altitude: Any
    inclination: Any = None
    ltan: Any = None
    raan: Any = None
    epoch: Any = "2030-01-01"

    def __post_init__(self) -> None:
        lo, hi = ALTITUDE_RANGE_KM
        h_km = si(self.altitude, "km", "altitude", lo=lo, hi=hi)
        object.__setattr__(self, "altitude", quantity(h_km, "km"))

        inclination = self.inclination
        if isinstance(inclination, str) and inclination.strip().lower() in _SSO_WORDS:
            inclination = None
        if inclination is None:
            _sso_inclination(h_km * 1e3, "altitude")  # raises, naming altitude, where no SSO exists
            object.__setattr__(self, "inclination", None)
        else:
            object.__setattr__(self, "inclination",
                               quantity(si(inclination, "deg", "inclination", lo=0.0, hi=180.0), "deg"))

        if (self.ltan is None) == (self.raan is None):
            raise ValueError(f"ltan / raan: give exactly one (the local time of the ascending node such as "
                             f"'06:00', or the RAAN in deg at epoch); got ltan={self.ltan!r}, raan={self.raan!r}")
        if self.ltan is not None:
            object.__setattr__(self, "ltan", quantity(_ltan_hours(self.ltan, "ltan"), "hour"))
        else:
            object.__setattr__(self, "raan",
                               quantity(si(self.raan, "deg", "raan", lo=0.0, hi=360.0, hi_open=True), "deg"))

        broadcast_shape(altitude=self.altitude, inclination=self.inclination, ltan=self.ltan, raan=self.raan)
        epoch = as_datetime64(self.epoch, "epoch")
        if epoch.ndim:
            raise ValueError(f"epoch = {self.epoch!r}: expected a single date such as '2030-01-01'")
        if not isinstance(self.epoch, str):
            object.__setattr__(self, "epoch", str(epoch.astype("datetime64[s]")))

    @property
    def sun_synchronous(self) -> bool:
        """True when the inclination is left to be the sun-synchronous one."""
        return self.inclination is None

    @property
    def shape(self) -> tuple[int, ...]:
        """Broadcast shape of the orbit's array fields (``()`` for a single orbit)."""
        fields = (self.altitude, self.inclination, self.ltan, self.raan)
        return np.broadcast_shapes(*(np.shape(f.magnitude) for f in fields if f is not None))
