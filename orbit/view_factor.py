"""View factor from a flat plate in orbit to the (spherical) Earth, at any tilt from nadir.

For one face of a differential flat plate at distance r = R + h from the centre of a sphere of radius R,
with H = r/R and lambda the angle between the plate normal and nadir:

* full view, lambda <= acos(1/H) (the whole visible cap is in front of the plate):

      F = cos(lambda) / H^2

* partial view, acos(1/H) < lambda < pi - acos(1/H) (the plate's own plane cuts the visible cap):

      F = 1/2 - (1/pi) asin( sqrt(H^2 - 1) / (H sin lambda) )
          + 1/(pi H^2) [ cos(lambda) acos( -sqrt(H^2 - 1) cot(lambda) ) - sqrt(H^2 - 1) sqrt(1 - H^2 cos^2 lambda) ]

* no view, lambda >= pi - acos(1/H): F = 0.

This is the configuration "differential planar element to sphere, plane of element tilted" of Howell's
*Catalog of Radiation Heat Transfer Configuration Factors* (section B), also tabulated for Earth-orbiting
plates in Gilmore, *Spacecraft Thermal Control Handbook*, Vol. 1, 2nd ed., 2002, ch. 2 and App. (view
factors), and NASA SP-8105 (1973). The three pieces join continuously: at lambda = acos(1/H) the partial
expression reduces to cos(lambda)/H^2, at pi - acos(1/H) to zero.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from spacedc.orbit.constants import _R_E
from spacedc.orbit.kepler import _altitude
from spacedc.units import named_shapes, scalar_or_array, si

__all__ = ["earth_view_factor"]


def _view_factor(h: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """Plate-to-Earth view factor; h [m] and lam [rad] broadcast. No NaN at or near the regime boundaries."""
    big_h = (_R_E + h) / _R_E
    root = np.sqrt(big_h**2 - 1.0)
    edge = np.arccos(1.0 / big_h)  # > 0 for any positive altitude
    # Evaluate the partial-view expression only on angles clipped into its own range, where sin > 0.
    lp = np.clip(lam, edge, np.pi - edge)
    sin_lp, cos_lp = np.sin(lp), np.cos(lp)
    partial = (0.5 - np.arcsin(np.minimum(root / (big_h * sin_lp), 1.0)) / np.pi
               + (cos_lp * np.arccos(np.clip(-root * cos_lp / sin_lp, -1.0, 1.0))
                  - root * np.sqrt(np.maximum(1.0 - (big_h * cos_lp) ** 2, 0.0))) / (np.pi * big_h**2))
    full = np.cos(lam) / big_h**2
    return np.where(lam <= edge, full, np.where(lam >= np.pi - edge, 0.0, np.maximum(partial, 0.0)))


@named_shapes
def earth_view_factor(altitude: Any, angle_from_nadir: Any) -> float | np.ndarray:
    """View factor from one face of a flat plate to the spherical Earth.

    Parameters
    ----------
    altitude : Quantity [length]
        Height above the equatorial radius R_E = 6378.137 km; positive. Broadcasts.
    angle_from_nadir : Quantity [angle]
        Angle between the plate's outward normal and nadir, 0 (facing the Earth) to 180 deg (facing zenith).

    Returns
    -------
    float or ndarray
        0 to 1. ``1/H^2`` for a nadir-facing plate (0.824 at 650 km), the same value times cos(lambda) up to
        lambda = acos(1/H), then the partial-view expression down to 0 at lambda = 180 deg - acos(1/H).

    Notes
    -----
    Closed form for a differential planar element tilted to a sphere (module docstring): Howell, *A Catalog
    of Radiation Heat Transfer Configuration Factors*, section B; Gilmore, *Spacecraft Thermal Control
    Handbook*, Vol. 1, 2nd ed., 2002, ch. 2. A plate whose normal is horizontal (lambda = 90 deg) sees
    F = (1/pi) [atan(1/sqrt(H^2 - 1)) - sqrt(H^2 - 1)/H^2] (0.241 at 650 km). The Earth is a sphere of the
    equatorial radius; oblateness changes F by under 0.3 %.

    Examples
    --------
    >>> round(earth_view_factor("650 km", "0 deg"), 4)
    0.8236

    References
    ----------
    [HowellCatalog] Howell, *A Catalog of Radiation Heat Transfer Configuration Factors*, 3rd ed., section B.
    [Gilmore2002] Gilmore (ed.), *Spacecraft Thermal Control Handbook*, Vol. 1, 2nd ed., 2002, ch. 2.
    [NASA-SP-8105] *Spacecraft Thermal Control*, 1973.
    """
    h = _altitude(altitude)
    lam = np.radians(si(angle_from_nadir, "deg", "angle_from_nadir", lo=0.0, hi=180.0))
    return scalar_or_array(_view_factor(h, lam))
