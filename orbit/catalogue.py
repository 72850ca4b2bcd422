"""The catalogued background: the tracked population of January 2023 per shell, as a cascade's start and a density.

The counts are :data:`orbit.debris_data.CATALOGUE_2023_BY_ALTITUDE` and
:data:`orbit.debris_data.CATALOGUE_2023_PAYLOAD_STATUS`, our reduction of MOCAT-MC's catalogue snapshot
[MOCAT-MC-TLE2023] into 50 km shells of semi-major-axis altitude from 200 to 2000 km. They ship with the
package; nothing is downloaded at run time.

* :func:`catalogue_population` -- the counts of the cascade's three species, per shell of any edges in
  150-2000 km, ready as ``initial`` of :func:`orbit.cascade`.
* :func:`catalogue_density` -- the spatial density of catalogued objects [1/km^3] at an altitude, to set a
  constellation's own density against the background of its shell; :func:`catalogue_density_checked` marks
  altitudes outside the catalogue's shells invalid, with the reason, instead of raising.

Species
-------
The cascade's species ([DAmbrosio2022]: active satellites S, derelicts D, debris N) from the catalogue's
classes:

* ``satellites``: the active payloads, by MOCAT-MC's own rule (:data:`orbit.debris_data.ACTIVE_PAYLOAD_RULE`:
  a payload launched in 2015 or later, within its 8-year mission life of the 2023 snapshot). 5853 of the
  7868 payloads in 200-2000 km (74 %).
* ``derelicts``: the other payloads and every rocket body (intact and uncontrolled). The cascade gives a
  derelict the mass and area of a satellite (:data:`orbit.CASCADE_SPECIES`); a rocket body is usually heavier,
  so its share of the derelicts is modelled lighter than it is.
* ``debris``: every other class (mission-related objects, fragments, other and unknown debris).

What the catalogue holds
------------------------
The objects that the US Space Surveillance Network keeps element sets for; the file states no size
threshold. ESA describes the US catalogue as the source of its data on debris larger than 10 cm
[ESA-DebrisDistribution2019]: the catalogue is complete to about 10 cm in LEO, and holds some smaller
objects too. The cascade's debris (fragments of 10 cm and more, :func:`orbit.breakup_fragments`) is so on the
same footing as the catalogued debris. The 4 objects of the file below 200 km (1 payload, 3 debris) are not
counted in any shell: such an object re-enters within days.

Rebinning (:func:`catalogue_population`). The objects of a 50 km shell are taken as spread uniformly in
altitude across it, so a target shell receives each catalogue shell's count in proportion to the altitude
the two overlap: the cumulative count is linear within a catalogue shell, and a target shell's count is its
difference across the target's edges. Totals over the covered range are conserved exactly; a target shell
below 200 km receives nothing.

Density (:func:`catalogue_density`). The count of the 50 km shell that holds the altitude over the shell's
volume,

.. math:: \\rho = \\frac{n}{\\tfrac{4}{3} \\pi \\left((R_E + h_2)^3 - (R_E + h_1)^3\\right)}

R_E = :data:`orbit.EARTH_EQUATORIAL_RADIUS` ([Vallado2013] Table D-3), a spherical shell: no latitude
dependence (an inclined population is denser near its turning latitudes). Eccentric objects are counted at
their semi-major axis (as the reduction counts them), not spread over the shells they cross.

References
----------
[MOCAT-MC-TLE2023], [ESA-DebrisDistribution2019], [DAmbrosio2022], [Vallado2013].
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.orbit.cascade import MIN_SHELL_ALTITUDE
from spacedc.orbit.constants import _R_E
from spacedc.orbit.debris_data import CATALOGUE_2023_BY_ALTITUDE, CATALOGUE_2023_PAYLOAD_STATUS
from spacedc.results import Reasons, Result
from spacedc.units import named_shapes, quantity, scalar_or_array, si

__all__ = ["CATALOGUE_RANGE", "CATALOGUE_KINDS", "DENSITY_UNIT", "catalogue_population", "catalogue_density",
           "catalogue_density_checked", "CatalogueDensity"]

#: The altitudes the catalogue's shells cover [km]: 200 (inclusive) to 2000 (inclusive here; the file's
#: last shell is 1950 <= h < 2000 and 2000 km itself is taken into it).
CATALOGUE_RANGE: tuple[float, float] = (CATALOGUE_2023_BY_ALTITUDE[0].low_km, CATALOGUE_2023_BY_ALTITUDE[-1].high_km)

#: The kinds :func:`catalogue_density` takes: every object, or one of the cascade's species.
CATALOGUE_KINDS: tuple[str, ...] = ("all", "satellites", "derelicts", "debris")

#: The unit of a spatial density here: objects per cubic kilometre.
DENSITY_UNIT = "1/km^3"

_SPECIES = CATALOGUE_KINDS[1:]
_EDGES_KM = np.array([s.low_km for s in CATALOGUE_2023_BY_ALTITUDE] + [CATALOGUE_2023_BY_ALTITUDE[-1].high_km])
_R_KM = _R_E / 1000.0
#: (3, 36) counts of satellites, derelicts and debris per catalogue shell.
_COUNTS = np.array([
    [p.active for p in CATALOGUE_2023_PAYLOAD_STATUS],
    [p.derelict + s.rocket_bodies for p, s in zip(CATALOGUE_2023_PAYLOAD_STATUS, CATALOGUE_2023_BY_ALTITUDE)],
    [s.debris for s in CATALOGUE_2023_BY_ALTITUDE],
], dtype=float)
_VOLUME_KM3 = 4.0 / 3.0 * np.pi * np.diff((_R_KM + _EDGES_KM) ** 3)
_CUMULATIVE = np.concatenate([np.zeros((3, 1)), np.cumsum(_COUNTS, axis=1)], axis=1)   # (3, 37)


def _edges(shell_edges: Any) -> np.ndarray:
    h = si(shell_edges, "km", "shell_edges", lo=MIN_SHELL_ALTITUDE, hi=CATALOGUE_RANGE[1])
    if h.ndim != 1 or h.size < 2:
        raise ValueError(f"shell_edges has shape {h.shape}: expected a 1-D array of at least 2 edges")
    if np.any(np.diff(h) <= 0.0):
        raise ValueError(f"shell_edges = {h.tolist()} km: expected strictly increasing edges")
    return h


@named_shapes
def catalogue_population(shell_edges: Any) -> dict[str, np.ndarray]:
    """The catalogued objects of January 2023 per shell, as the cascade's three species.

    Rebinned from the catalogue's 50 km shells by overlap, uniform within each (module docstring): totals over
    the covered range are conserved; a shell below 200 km gets nothing (the file's 4 objects there are left
    out). The result is ready as ``initial`` of :func:`orbit.cascade`.

    Parameters
    ----------
    shell_edges : Quantity [length], shape (K + 1,)
        Strictly increasing, 150-2000 km (:func:`orbit.shell_edges` builds them).

    Returns
    -------
    dict
        ``"satellites"``, ``"derelicts"``, ``"debris"``: counts per shell [-], float arrays of shape (K,)
        (fractional where a shell edge cuts a catalogue shell).

    Examples
    --------
    The whole range holds the catalogue's 5853 active payloads, and 550-600 km its 481:

    >>> from spacedc.units import Q_
    >>> pop = catalogue_population(Q_([200, 2000], "km"))
    >>> {k: round(float(v[0])) for k, v in pop.items()}
    {'satellites': 5853, 'derelicts': 2987, 'debris': 9602}
    >>> round(float(catalogue_population(Q_([550, 600], "km"))["satellites"][0]))
    481
    """
    h = np.clip(_edges(shell_edges), _EDGES_KM[0], _EDGES_KM[-1])
    counts = np.diff(np.stack([np.interp(h, _EDGES_KM, c) for c in _CUMULATIVE]), axis=1)   # (3, K)
    return {name: np.maximum(counts[s], 0.0) for s, name in enumerate(_SPECIES)}


@dataclasses.dataclass(frozen=True)
class CatalogueDensity(Result):
    """The catalogue's spatial density with its validity, one value per point.

    Attributes
    ----------
    density : Quantity [1/km^3]
        At an invalid point, the density of the nearest catalogue shell (for display only).
    valid : bool or ndarray of bool
        The altitude lies in the catalogue's shells, 200-2000 km.
    reasons : str or ndarray of str
        One sentence per invalid point, ``""`` where valid.
    """

    density: pint.Quantity = dataclasses.field(metadata={"unit": DENSITY_UNIT})
    valid: Any
    reasons: Any


def _kind_density(kind: str) -> np.ndarray:
    if kind not in CATALOGUE_KINDS:
        raise ValueError(f"kind = {kind!r}: expected one of {', '.join(CATALOGUE_KINDS)}")
    n = _COUNTS.sum(axis=0) if kind == "all" else _COUNTS[_SPECIES.index(kind)]
    return n / _VOLUME_KM3


def _shell_index(h_km: np.ndarray) -> np.ndarray:
    """The catalogue shell holding each altitude (clipped to the first and last shell)."""
    i = np.searchsorted(_EDGES_KM, h_km, side="right") - 1
    return np.clip(i, 0, _EDGES_KM.size - 2)


@named_shapes
def catalogue_density_checked(altitude: Any, *, kind: str = "all") -> CatalogueDensity:
    """:func:`catalogue_density` that reports altitudes outside 200-2000 km as invalid, with the reason.

    An altitude of the wrong dimension, not finite, or negative still raises (bad input, not an infeasible
    design). Each point stands alone.

    Examples
    --------
    >>> r = catalogue_density_checked(["550 km", "180 km"])
    >>> r.valid.tolist()
    [True, False]
    >>> r.reasons[1]
    "altitude outside the catalogue's shells 200-2000 km"
    """
    rho = _kind_density(kind)
    h = si(altitude, "km", "altitude", lo=0.0)
    lo, hi = CATALOGUE_RANGE
    bad = (h < lo) | (h > hi)
    reasons = Reasons.mask(h.shape, (bad, f"altitude outside the catalogue's shells {lo:g}-{hi:g} km"))
    return CatalogueDensity(density=quantity(rho[_shell_index(h)], DENSITY_UNIT), valid=scalar_or_array(~bad, bool),
                            reasons=reasons)


@named_shapes
def catalogue_density(altitude: Any, *, kind: str = "all") -> pint.Quantity:
    """Spatial density of catalogued objects at an altitude: its 50 km shell's count over the shell's volume.

    .. math:: \\rho = n_k / \\left(\\tfrac{4}{3} \\pi ((R_E + h_{k+1})^3 - (R_E + h_k)^3)\\right)

    with n_k the count of the catalogue shell h_k <= h < h_{k+1} [MOCAT-MC-TLE2023] (module docstring:
    objects down to about 10 cm in LEO [ESA-DebrisDistribution2019]). Piecewise constant: it steps at the
    shell edges (multiples of 50 km).

    Parameters
    ----------
    altitude : Quantity [length]
        200-2000 km (2000 km falls in the top shell); else :class:`ValueError` naming ``altitude``
        (:func:`catalogue_density_checked` marks such points invalid instead). Broadcasts.
    kind : {"all", "satellites", "derelicts", "debris"}
        Every object, or one of the cascade's species (module docstring).

    Returns
    -------
    Quantity [1/km^3]

    Examples
    --------
    550-600 km holds 892 objects (571 payloads, 46 rocket bodies, 275 debris) in 3.0377e10 km^3:

    >>> f"{catalogue_density('550 km').m_as('1/km^3'):.4e}"
    '2.9364e-08'
    >>> f"{catalogue_density('1000 km', kind='debris').m_as('1/km^3'):.4e}"
    '1.0193e-08'
    """
    rho = _kind_density(kind)
    lo, hi = CATALOGUE_RANGE
    h = si(altitude, "km", "altitude", lo=lo, hi=hi)
    return quantity(rho[_shell_index(h)], DENSITY_UNIT)
