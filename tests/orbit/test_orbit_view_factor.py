"""Plate-to-Earth view factor against an independent quadrature over the Earth's visible cap."""

from __future__ import annotations

import numpy as np
import pytest

from spacedc import orbit
from spacedc.units import Q_

R_E = 6378.137e3


def cap_quadrature(altitude_m: float, angle_rad: float, n: int = 800) -> float:
    """F = (1/pi) integral over the visible cap of cos(theta_plate)+ cos(theta_earth) / s^2 dA.

    Independent of the closed form: the definition of a differential-element-to-area view factor (Howell's
    catalogue, sec. A; Gilmore Vol. 1 ch. 2), integrated with the midpoint rule over the cap seen from the
    satellite, in u = cos(geocentric angle from the sub-satellite point) and azimuth phi (dA = R^2 du dphi).
    The plate sees only elements in front of it (cos(theta_plate) clipped at 0), which is what makes the
    partial-view regime. Mirror symmetry in phi halves the grid. 800 x 800 cells: error below 7e-5 (it falls
    as 1/n, set by the kink where cos(theta_plate) is clipped), hence the 1e-4 tolerance.
    """
    r = R_E + altitude_m
    u_min = R_E / r  # horizon: cos of the cap's geocentric half-angle
    du = (1.0 - u_min) / n
    dphi = np.pi / n
    u = u_min + du * (np.arange(n) + 0.5)
    phi = dphi * (np.arange(n) + 0.5)
    uu, pp = np.meshgrid(u, phi, indexing="ij")
    sin_psi = np.sqrt(1.0 - uu**2)
    # Earth element position (satellite on the +z axis at r) and the vector from the satellite to it.
    px, py, pz = R_E * sin_psi * np.cos(pp), R_E * sin_psi * np.sin(pp), R_E * uu
    dx, dy, dz = px, py, pz - r
    s = np.sqrt(dx**2 + dy**2 + dz**2)
    cos_earth = np.clip(-(px * dx + py * dy + pz * dz) / (R_E * s), 0.0, None)
    # Plate normal tilted by angle_rad from nadir (-z) towards +x.
    cos_plate = np.clip((np.sin(angle_rad) * dx - np.cos(angle_rad) * dz) / s, 0.0, None)
    return 2.0 * np.sum(cos_plate * cos_earth / (np.pi * s**2)) * R_E**2 * du * dphi


# 650 km: full view up to acos(1/H) = 24.84 deg, no view beyond 155.16 deg; 35 786 km: 81.30 / 98.70 deg.
@pytest.mark.parametrize(("altitude_km", "angle_deg"), [
    (650.0, 0.0), (650.0, 20.0), (650.0, 24.84), (650.0, 45.0), (650.0, 90.0), (650.0, 120.0),
    (650.0, 150.0), (400.0, 70.0), (2000.0, 110.0), (35786.0, 60.0), (35786.0, 90.0),
])
def test_matches_quadrature_over_the_visible_cap(altitude_km, angle_deg):
    closed = orbit.earth_view_factor(Q_(altitude_km, "km"), Q_(angle_deg, "deg"))
    numeric = cap_quadrature(altitude_km * 1e3, np.radians(angle_deg))
    assert closed == pytest.approx(numeric, abs=1e-4)


def test_full_view_region_is_cos_over_h_squared():
    # lambda <= acos(1/H): F = cos(lambda) / H^2 ([Gilmore2002] ch. 2). 650 km: H = 1.101912.
    big_h = (R_E + 650e3) / R_E
    angles = np.array([0.0, 10.0, 20.0, np.degrees(np.arccos(1 / big_h))])
    f = orbit.earth_view_factor("650 km", Q_(angles, "deg"))
    np.testing.assert_allclose(f, np.cos(np.radians(angles)) / big_h**2, rtol=1e-12)
    assert f[0] == pytest.approx(0.82358, abs=1e-5)


def test_edge_on_plate_closed_form():
    # lambda = 90 deg (normal horizontal): F = (1/pi) [atan(1/sqrt(H^2-1)) - sqrt(H^2-1)/H^2], the classic
    # "plate perpendicular to the local vertical" case (NASA SP-8105; Gilmore Vol. 1 ch. 2).
    for altitude_km in (300.0, 650.0, 1200.0, 35786.0):
        big_h = (R_E + altitude_km * 1e3) / R_E
        root = np.sqrt(big_h**2 - 1.0)
        expected = (np.arctan(1.0 / root) - root / big_h**2) / np.pi
        assert orbit.earth_view_factor(Q_(altitude_km, "km"), "90 deg") == pytest.approx(expected, rel=1e-12)


def test_continuous_finite_and_monotonic_through_the_regimes():
    # No NaN and no jump at the regime boundaries acos(1/H) and 180 - acos(1/H), nor at 0 and 180 deg.
    altitude = Q_(650.0, "km")
    edge = np.degrees(np.arccos(R_E / (R_E + 650e3)))
    angles = np.concatenate([np.linspace(0.0, 180.0, 3601), [edge, 180.0 - edge],
                             edge + np.array([-1e-9, 1e-9]), 180.0 - edge + np.array([-1e-9, 1e-9])])
    angles.sort()
    f = orbit.earth_view_factor(altitude, Q_(angles, "deg"))
    assert np.all(np.isfinite(f))
    assert np.all(np.diff(f) <= 1e-15)
    assert np.max(np.abs(np.diff(f))) < 1e-3  # 0.05 deg steps: no jumps
    np.testing.assert_array_equal(f[angles >= 180.0 - edge], 0.0)
