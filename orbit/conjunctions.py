"""Encounters, conjunctions and avoidance manoeuvres of a constellation: random gas against a phased shell.

* :func:`kinetic_gas_collision_rate` -- collisions per year of N identical spheres spread uniformly in a
  spherical shell, the kinetic theory of gases of [KesslerCourPalais1978]; :func:`kinetic_gas_rate_between`
  for two populations (a constellation against the background).
* :func:`walker_encounter_rate` -- the close approaches per year inside a Walker delta shell i:T/P/F from its
  geometry: the closest approach of every pair of satellites in closed form, as a :class:`WalkerEncounters`.
* :func:`conjunction_rates` -- conjunctions inside a screening sphere against a background density, the
  avoidance manoeuvres at a probability-of-collision threshold, their delta-v, and the residual collisions at a
  manoeuvre failure rate, as a :class:`ConjunctionRates`.

The kinetic gas
---------------
Objects of a population spread uniformly, with random directions, in a shell of volume V, each sweeping a
cross-section sigma at the relative speed v_rel, meet at the rate ([KesslerCourPalais1978]; [Klinkrad2006]
sec. 7.2)

.. math:: \\dot C_{11} = \\tfrac12 \\frac{N^2 \\sigma v_{rel}}{V}, \\qquad
          \\dot C_{12} = \\frac{N_1 N_2 \\sigma_{12} v_{rel}}{V}, \\qquad
          V = \\tfrac43\\pi\\left[(R_E + h_{high})^3 - (R_E + h_{low})^3\\right]

(the 1/2 counts each pair of one population once; N^2 rather than N(N-1), as the issue and the particle-in-a-box
literature write it). Two spheres of radii r_1 and r_2 touch when their centres come within r_1 + r_2, so the
collision cross-section is :math:`\\sigma_{12} = \\pi (r_1 + r_2)^2`, :math:`\\pi (2r)^2` for identical ones
([Klinkrad2006]; the "combined hard-body radius" of [Chan2008]). An encounter inside a
screening radius s is a "collision" of spheres of radius s/2: sigma = pi s^2.

A phased Walker shell
---------------------
A Walker delta pattern i:T/P/F ([Walker1984]) puts T satellites on P circular orbits of one radius r and one
inclination i, the planes' ascending nodes spaced 360/P deg, T/P = S satellites per plane spaced 360/S deg,
and a satellite of plane p ahead of the one of plane p-1 by 360 F/T deg. Two satellites a, b of such a shell
move at one angular rate, so their arguments of latitude differ by a fixed offset, and the cosine of the angle
between their position vectors, a product of two unit vectors each linear in (cos u, sin u), is a
trigonometric polynomial of degree two in the argument of latitude u of a:

.. math:: \\hat e_a(u)\\cdot\\hat e_b(u+\\Delta u) = c_0 + c_2\\cos 2u + s_2 \\sin 2u

The two satellites therefore come closest twice per revolution (once near each node of the line where their
planes cross), both times at the same distance
:math:`d_{min} = r\\sqrt{2\\,(1 - c_0 - \\sqrt{c_2^2 + s_2^2})}`, fixed by the pattern: most pairs never come
close. Three samples, at u = 0, 45 and 90 deg, give c_0, c_2 and s_2 exactly. The pattern is symmetric (a
rotation of 360/P deg about the polar axis together with a shift of 360 F/T deg in argument of latitude maps
it onto itself), so every pair is like a pair of satellite 0 and one of the T - 1 others: the close pairs of
the shell are T n/2, with n the satellites that come within the screening radius of satellite 0, and the
encounter rate is 2 T n / (2 P_orbit) = T n / P_orbit.

Assumptions: the ideal pattern, circular two-body motion, no station-keeping or phasing errors. J2 turns every
plane alike (one altitude, one inclination) and changes the along-track rate alike, so it leaves the relative
geometry, and so the closest approaches, unchanged; it moves the period by about 0.1 %. Satellites of one
plane keep a constant distance (they never "approach"); a pair inside the screening radius is counted as two
encounters per revolution like the others, and :attr:`WalkerEncounters.closest_approach` shows it.

The rate is all or nothing: a pair either never comes within the screening radius or does so twice every
revolution. A well-phased shell has its closest approach at tens of kilometres (20.2 km for 53:1584/72/17 at
550 km), so within a screening radius of a kilometre it has no encounters at all, while the kinetic gas of the
same satellites has thousands a year; above the closest approach the phased rate jumps to 2/P_orbit per close
pair, of the order of the gas's. A badly phased pattern (53.2:1584/72/22) puts pairs on collision courses.
The closest approach shrinks as a shell fills: 0.18 km for 53:40000/200/73 and 23 m for 53:1000000/1000/1 at
550 km, where the phased shell, inside a 1 km screening radius, meets far more often than the gas; a shell
that holds that many satellites apart needs its altitude spread, not one radius.

Conjunctions and manoeuvres
---------------------------
Against a background of spatial density rho [1/km^3] met at v_rel, each satellite has
:math:`\\rho v_{rel} \\pi s^2` conjunctions per second inside a screening sphere of radius s (the flux form of
the two-population rate). The miss distances d of conjunctions found by screening are spread uniformly over the
disk of radius s in the encounter plane (the kinetic gas has no preferred miss vector). The probability of
collision of a conjunction whose predicted miss is d, with an isotropic Gaussian combined position error of
1-sigma sigma in the encounter plane and a combined hard-body radius R much smaller than sigma, is
([Chan2008], the small-R limit of the two-dimensional Pc of [FosterEstes1992]):

.. math:: P_c(d) = \\frac{R^2}{2\\sigma^2} \\exp\\left(-\\frac{d^2}{2\\sigma^2}\\right)

A conjunction above the threshold P_th is avoided by a manoeuvre: those with
:math:`d^2 < d_{th}^2 = 2\\sigma^2 \\ln(R^2 / (2\\sigma^2 P_{th}))`, a fraction
:math:`\\min(d_{th}^2/s^2, 1)` of the conjunctions (none where the peak R^2/(2 sigma^2) is below P_th). The
collisions per year are the Pc summed over the conjunctions; per conjunction its mean over the disk is
:math:`(R^2/s^2)(1 - e^{-s^2/2\\sigma^2})`, so the unmitigated rate is the kinetic rate of the hard body,
:math:`\\rho v_{rel}\\pi R^2` per satellite, for s >> sigma. The residual collisions are those of the
conjunctions left below the threshold, :math:`(R^2/s^2)(e^{-d_{th}^2/2\\sigma^2} - e^{-s^2/2\\sigma^2})` per
conjunction, plus the failure rate times those of the manoeuvred ones,
:math:`(R^2/s^2)(1 - e^{-d_{th}^2/2\\sigma^2})`. A manoeuvre costs a stated delta-v (default 0.1 m/s, an
assumption of this module: avoidance burns in LEO are of order centimetres to decimetres per second).

References: [KesslerCourPalais1978], [Klinkrad2006], [Walker1984], [Chan2008], [FosterEstes1992],
[NASA-CAHandbook2020].

>>> from spacedc import orbit
>>> round(orbit.kinetic_gas_collision_rate(1000, "1 m", "500 km", "600 km", "10 km/s").m_as("1/year"), 4)
0.0329
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pint

from spacedc.orbit.constants import _MU, _R_E
from spacedc.results import Result
from spacedc.units import broadcast, fraction, named_shapes, quantity, scalar_or_array, si

__all__ = ["SHELL_FLOOR", "kinetic_gas_collision_rate", "kinetic_gas_rate_between", "WalkerEncounters",
           "walker_encounter_rate", "ConjunctionRates", "conjunction_rates", "DEFAULT_PC_THRESHOLD",
           "DEFAULT_AVOIDANCE_DELTA_V"]

#: The lowest altitude of a shell these models accept, 150 km: below it an orbit decays within days and no
#: constellation or catalogued population stays.
SHELL_FLOOR = quantity(150.0, "km")
_FLOOR_M = 150e3

#: Probability-of-collision threshold above which a conjunction is avoided, 1e-4: the "red" remediation threshold
#: NASA's conjunction assessment (CARA) commonly applies [NASA-CAHandbook2020] (the section was not verified;
#: operators of large constellations have reported lower thresholds, e.g. 1e-5).
DEFAULT_PC_THRESHOLD = 1e-4

#: Delta-v of one avoidance manoeuvre, 0.1 m/s: an assumption of this module (an along-track burn of centimetres
#: to decimetres per second, days ahead, moves a LEO satellite by kilometres at the conjunction).
DEFAULT_AVOIDANCE_DELTA_V = quantity(0.1, "m/s")


def _per_year(rate_per_s: Any) -> pint.Quantity:
    return quantity(rate_per_s, "1/s").to("1/year")


def _count(value: Any, name: str) -> np.ndarray:
    return fraction(value, name, lo=0.0, hi=math.inf)


def _shell(altitude_low: Any, altitude_high: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(r_low, r_high [m], volume [m^3]) of a shell, the altitudes at or above 150 km and high above low."""
    lo = si(altitude_low, "m", "altitude_low", lo=_FLOOR_M)
    hi = si(altitude_high, "m", "altitude_high", lo=_FLOOR_M)
    lo, hi = broadcast(lo, hi)
    if np.any(hi <= lo):
        k = int(np.flatnonzero((hi <= lo).ravel())[0])
        raise ValueError(f"altitude_high = {hi.ravel()[k] / 1e3:g} km (element {k}): must be above altitude_low = "
                         f"{lo.ravel()[k] / 1e3:g} km (a shell has a thickness)")
    r_lo, r_hi = _R_E + lo, _R_E + hi
    return r_lo, r_hi, 4.0 / 3.0 * np.pi * (r_hi ** 3 - r_lo ** 3)


@named_shapes
def kinetic_gas_collision_rate(count: Any, radius: Any, altitude_low: Any, altitude_high: Any,
                               relative_speed: Any) -> pint.Quantity:
    """Collisions per year of ``count`` identical spheres spread uniformly in a spherical shell.

    .. math:: \\dot C = \\tfrac12 N^2 \\pi (2r)^2 v_{rel} / V, \\qquad
              V = \\tfrac43\\pi[(R_E + h_{high})^3 - (R_E + h_{low})^3]

    ([KesslerCourPalais1978]; [Klinkrad2006]: two spheres of radius r collide when their centres
    come within 2r.) For encounters inside a screening radius s, pass ``radius = s / 2``.

    Parameters
    ----------
    count : float or array
        Number of objects N (>= 0, dimensionless; need not be whole).
    radius : Quantity [length]
        Radius r of each sphere (> 0).
    altitude_low, altitude_high : Quantity [length]
        Altitudes of the shell's lower and upper surfaces above the equatorial radius (>= 150 km, high > low).
    relative_speed : Quantity [speed]
        Mean relative speed v_rel of the encounters (>= 0).

    Returns
    -------
    Quantity [1/year]

    Examples
    --------
    1000 spheres of 1 m in the 500-600 km shell at 10 km/s: V = 4/3 pi (6978.137^3 - 6878.137^3) km^3
    = 6.031e10 km^3, rate = 0.5e6 x pi 4e-6 km^2 x 10 km/s / V = 1.042e-9 /s = 3.29e-2 per year.

    >>> round(kinetic_gas_collision_rate(1000, "1 m", "500 km", "600 km", "10 km/s").m_as("1/year"), 4)
    0.0329
    """
    n = _count(count, "count")
    r = si(radius, "m", "radius", lo=0.0, lo_open=True)
    _, _, volume = _shell(altitude_low, altitude_high)
    v = si(relative_speed, "m/s", "relative_speed", lo=0.0)
    return _per_year(0.5 * n * n * np.pi * (2.0 * r) ** 2 * v / volume)


@named_shapes
def kinetic_gas_rate_between(count: Any, radius: Any, other_count: Any, other_radius: Any, altitude_low: Any,
                             altitude_high: Any, relative_speed: Any) -> pint.Quantity:
    """Collisions per year between two populations spread uniformly in one spherical shell.

    .. math:: \\dot C_{12} = N_1 N_2 \\pi (r_1 + r_2)^2 v_{rel} / V

    ([KesslerCourPalais1978]; [Klinkrad2006].) No factor 1/2: every pair of one object of each
    population is counted once.

    Parameters
    ----------
    count, other_count : float or array
        Numbers N_1, N_2 of objects of each population (>= 0).
    radius, other_radius : Quantity [length]
        Radii r_1, r_2 (> 0).
    altitude_low, altitude_high : Quantity [length]
        The shell (>= 150 km, high > low).
    relative_speed : Quantity [speed]
        Mean relative speed (>= 0).

    Returns
    -------
    Quantity [1/year]

    Examples
    --------
    With one population twice, the rate is twice the one-population rate (no 1/2):

    >>> round(kinetic_gas_rate_between(1000, "1 m", 1000, "1 m", "500 km", "600 km", "10 km/s").m_as("1/year"), 4)
    0.0657
    """
    n1 = _count(count, "count")
    n2 = _count(other_count, "other_count")
    r1 = si(radius, "m", "radius", lo=0.0, lo_open=True)
    r2 = si(other_radius, "m", "other_radius", lo=0.0, lo_open=True)
    _, _, volume = _shell(altitude_low, altitude_high)
    v = si(relative_speed, "m/s", "relative_speed", lo=0.0)
    return _per_year(n1 * n2 * np.pi * (r1 + r2) ** 2 * v / volume)


# --- the Walker shell -------------------------------------------------------------------------------------
def _walker_int(value: Any, name: str, lo: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} = {value!r}: expected a whole number (one Walker pattern per call)")
    if value < lo:
        raise ValueError(f"{name} = {value}: must be >= {lo}")
    return int(value)


def _unit_vectors(u: np.ndarray, raan: np.ndarray, inc: np.ndarray) -> np.ndarray:
    """Unit position vectors (..., 3) at argument of latitude u in the plane (raan, inc) [rad]."""
    cu, su, co, so, ci = np.cos(u), np.sin(u), np.cos(raan), np.sin(raan), np.cos(inc)
    return np.stack([co * cu - so * su * ci, so * cu + co * su * ci, su * np.sin(inc)], axis=-1)


def _walker_one_minus_cos(inc: np.ndarray, total: int, planes: int, phasing: int) -> np.ndarray:
    """1 - cos(angle) at the closest approach of satellite 0 and each of the T - 1 others, per inclination:
    shape inc.shape + (T - 1,). The separation there is r sqrt(2 (1 - cos))."""
    per_plane = total // planes
    m = np.arange(1, total)
    q, k = m // per_plane, m % per_plane
    d_raan = 2.0 * np.pi * q / planes
    d_u = 2.0 * np.pi * k / per_plane + 2.0 * np.pi * phasing * q / total
    i = np.asarray(inc, dtype=float)[..., None]
    samples = []
    for u0 in (0.0, 0.25 * np.pi, 0.5 * np.pi):
        a = _unit_vectors(np.full_like(d_u, u0), np.zeros_like(d_u), i)
        b = _unit_vectors(u0 + d_u, d_raan, i)
        samples.append(np.sum(a * b, axis=-1))
    f0, f45, f90 = samples
    c0, c2, s2 = 0.5 * (f0 + f90), 0.5 * (f0 - f90), f45 - 0.5 * (f0 + f90)
    # 1 - c0 - R, computed as a difference of the nearly equal 1 - c0 and R by (x^2 - R^2) / (x + R)
    x = 1.0 - c0
    r2 = c2 * c2 + s2 * s2
    return np.maximum((x * x - r2) / (x + np.sqrt(r2)), 0.0)


@dataclasses.dataclass(frozen=True)
class WalkerEncounters(Result):
    """Close approaches inside an ideal Walker delta shell (:func:`walker_encounter_rate`)."""

    #: Close approaches within the screening radius per year, all pairs of the shell [1/year].
    encounter_rate: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    #: Pairs of satellites whose closest approach is within the screening radius (each meets twice per orbit).
    close_pairs: Any
    #: The smallest closest approach of any two satellites of the shell [m].
    closest_approach: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    #: Orbital period of the shell (two-body) [s].
    period: pint.Quantity = dataclasses.field(metadata={"unit": "s"})


@named_shapes
def walker_encounter_rate(altitude: Any, inclination: Any, total: int, planes: int, phasing: int,
                          screening_radius: Any) -> WalkerEncounters:
    """Close approaches per year within a screening radius inside an ideal Walker delta shell i:T/P/F.

    From the geometry, in closed form (module docstring): two satellites of the pattern come closest twice per
    revolution, at a distance :math:`d_{min} = r\\sqrt{2(1 - c_0 - \\sqrt{c_2^2+s_2^2})}` fixed by their planes
    and phasing; by the pattern's symmetry the close pairs are T n / 2 where n satellites come within the
    screening radius of satellite 0, and the rate is :math:`T n / P_{orbit}` ([Walker1984] for the pattern).
    Ideal pattern, circular two-body motion, no station-keeping or phasing errors; J2 moves every plane alike
    and leaves the closest approaches unchanged.

    Parameters
    ----------
    altitude : Quantity [length]
        Altitude of the shell (>= 150 km).
    inclination : Quantity [angle]
        Inclination i (0-180 deg).
    total, planes, phasing : int
        T satellites, P planes (P divides T), relative phasing F (0 <= F < P). One pattern per call; the
        work is (distinct inclinations) x T, the altitude and the screening radius broadcast at no cost.
    screening_radius : Quantity [length]
        Miss distance counted as an encounter (> 0).

    Returns
    -------
    WalkerEncounters

    Examples
    --------
    A Starlink-like 53:1584/72/17 shell at 550 km: no two satellites come within 20 km of each other, so its
    own encounter rate within 1 km is zero, while a kinetic gas of the same 1584 satellites in a 10 km thick
    shell at 10 km/s would have some 2e5 encounters a year within 1 km.

    >>> w = walker_encounter_rate("550 km", "53 deg", 1584, 72, 17, "1 km")
    >>> w.close_pairs, w.encounter_rate.m_as("1/year"), round(w.closest_approach.m_as("km"), 2)
    (0, 0.0, 20.17)
    >>> round(kinetic_gas_collision_rate(1584, "0.5 km", "545 km", "555 km", "10 km/s").m_as("1/year"), -3)
    206000.0
    """
    h = si(altitude, "m", "altitude", lo=_FLOOR_M)
    inc = si(inclination, "rad", "inclination", lo=0.0, hi=np.pi)
    s = si(screening_radius, "m", "screening_radius", lo=0.0, lo_open=True)
    t = _walker_int(total, "total", 2)
    p = _walker_int(planes, "planes", 1)
    f = _walker_int(phasing, "phasing", 0)
    if t % p:
        raise ValueError(f"planes = {p}: must divide total = {t} (satellites per plane are whole)")
    if f >= p:
        raise ValueError(f"phasing = {f}: must be below planes = {p} (0 <= F < P)")
    h, inc, s = broadcast(h, inc, s)
    r = _R_E + h
    # the angular part per distinct inclination, each row sorted, then a point's count by one lexsort
    unique, row = np.unique(inc, return_inverse=True)
    row = row.reshape(inc.shape)
    table = np.sort(_walker_one_minus_cos(unique, t, p, f), axis=-1)   # (U, T - 1)
    threshold = s * s / (2.0 * r * r)              # chord d <= s  <=>  1 - cos <= s^2 / (2 r^2)
    n_close = _count_below(table, row.ravel(), threshold.ravel()).reshape(h.shape)
    closest = r * np.sqrt(2.0 * table[row, 0])
    period = 2.0 * np.pi * np.sqrt(r ** 3 / _MU)
    pairs = t * n_close // 2
    return WalkerEncounters(encounter_rate=_per_year(t * n_close / period),
                            close_pairs=scalar_or_array(pairs, int), closest_approach=quantity(closest, "m"),
                            period=quantity(period, "s"))


def _count_below(table: np.ndarray, row: np.ndarray, threshold: np.ndarray) -> np.ndarray:
    """For each query j, the entries of sorted row ``row[j]`` of ``table`` that are <= ``threshold[j]``:
    one lexsort of the table's entries and the queries together, no loop over rows or queries."""
    n_rows, width = table.shape
    values = np.concatenate([table.ravel(), threshold])
    rows = np.concatenate([np.repeat(np.arange(n_rows), width), row])
    is_entry = np.concatenate([np.ones(table.size, dtype=np.int64), np.zeros(threshold.size, dtype=np.int64)])
    # entries before queries at equal values (<=): kind 0 = entry, 1 = query
    order = np.lexsort((is_entry == 0, values, rows))
    entries_so_far = np.cumsum(is_entry[order])
    where = np.empty(order.size, dtype=np.int64)
    where[order] = np.arange(order.size)
    position = where[table.size:]
    return entries_so_far[position] - row * width


# --- conjunctions against the background ------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class ConjunctionRates(Result):
    """Conjunctions, avoidance manoeuvres and residual collisions of a constellation (:func:`conjunction_rates`)."""

    #: Conjunctions per year inside the screening sphere, the whole constellation: background plus internal.
    conjunctions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    #: Of which with the background population [1/year].
    background_conjunctions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    #: Fraction of the conjunctions whose probability of collision exceeds the threshold.
    manoeuvre_fraction: Any
    #: Avoidance manoeuvres per year, the whole constellation [1/year].
    manoeuvres: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    #: Avoidance manoeuvres per satellite per year [1/year].
    manoeuvres_per_satellite: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    #: Avoidance delta-v per satellite per year [m/s per year].
    delta_v_per_satellite: pint.Quantity = dataclasses.field(metadata={"unit": "m/s/year"})
    #: Collisions per year without avoidance (the sum of Pc over the conjunctions) [1/year].
    unmitigated_collisions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    #: Collisions per year left: below the threshold, and manoeuvres that fail [1/year].
    residual_collisions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    #: The constellation's own spatial density in its shell, count / volume [1/km^3].
    constellation_density: pint.Quantity = dataclasses.field(metadata={"unit": "1/km^3"})
    #: The background's spatial density in the shell (the input) [1/km^3].
    background_density: pint.Quantity = dataclasses.field(metadata={"unit": "1/km^3"})


@named_shapes
def conjunction_rates(count: Any, altitude_low: Any, altitude_high: Any, background_density: Any,
                      relative_speed: Any, screening_radius: Any, hard_body_radius: Any, miss_distance_sigma: Any, *,
                      pc_threshold: Any = DEFAULT_PC_THRESHOLD, delta_v_per_manoeuvre: Any = DEFAULT_AVOIDANCE_DELTA_V,
                      manoeuvre_failure_rate: Any = 0.0, internal_conjunctions: Any = "0 / year") -> ConjunctionRates:
    """Conjunctions per year inside a screening sphere, the avoidance manoeuvres at a Pc threshold, their
    delta-v, and the residual collisions at a manoeuvre failure rate, for N satellites in a shell.

    .. math:: \\dot C_{bg} = N \\rho v_{rel} \\pi s^2, \\qquad
              f_{man} = \\min\\left(\\frac{2\\sigma^2}{s^2}\\ln\\frac{R^2}{2\\sigma^2 P_{th}}, 1\\right)^+

    with the Gaussian-miss model of the module docstring ([Chan2008], [FosterEstes1992]): predicted
    misses uniform over the screening disk, an isotropic combined 1-sigma sigma and a hard-body radius R << sigma.
    The residual collisions per conjunction are
    :math:`(R^2/s^2)[(e^{-d_{th}^2/2\\sigma^2} - e^{-s^2/2\\sigma^2}) + \\phi (1 - e^{-d_{th}^2/2\\sigma^2})]`
    at a failure rate phi. Internal conjunctions (e.g. :func:`walker_encounter_rate` at the same s) are added
    to the background's and treated alike.

    Parameters
    ----------
    count : float or array
        Satellites N in the shell (>= 0).
    altitude_low, altitude_high : Quantity [length]
        The shell (>= 150 km, high > low): its volume gives the constellation's density.
    background_density : Quantity [1/length^3]
        Spatial density of the catalogued background in the shell (>= 0), e.g. in 1/km^3.
    relative_speed : Quantity [speed]
        Mean relative speed against the background (>= 0), about 10 km/s in LEO.
    screening_radius : Quantity [length]
        Radius s of the screening sphere (> 0).
    hard_body_radius : Quantity [length]
        Combined hard-body radius R of satellite and object (> 0).
    miss_distance_sigma : Quantity [length]
        1-sigma sigma of the combined position error in the encounter plane (> 0).
    pc_threshold : float
        Probability of collision above which a conjunction is avoided (0-1, open), default
        :data:`DEFAULT_PC_THRESHOLD`.
    delta_v_per_manoeuvre : Quantity [speed]
        Delta-v of one manoeuvre (>= 0), default :data:`DEFAULT_AVOIDANCE_DELTA_V`.
    manoeuvre_failure_rate : float
        Fraction of the manoeuvres that fail (0-1), default 0.
    internal_conjunctions : Quantity [1/time]
        Conjunctions per year within the constellation (>= 0), default 0.

    Returns
    -------
    ConjunctionRates

    Examples
    --------
    1000 satellites, a background of 1e-8 /km^3 at 10 km/s, a 1 km screening sphere: 1000 x 1e-8 x 10 x pi
    = 3.14e-4 conjunctions per second, 9914 a year. With R = 10 m, sigma = 100 m and Pc above 1e-4: d_th^2 =
    2e4 ln(1e2 / (2e4 x 1e-4)) m^2 = 7.82e4 m^2, a fraction 0.0782 of them, 776 manoeuvres a year.

    >>> c = conjunction_rates(1000, "540 km", "560 km", "1e-8 / km^3", "10 km/s", "1 km", "10 m", "100 m")
    >>> round(c.conjunctions.m_as("1/year")), round(c.manoeuvre_fraction, 4), round(c.manoeuvres.m_as("1/year"))
    (9914, 0.0782, 776)
    """
    n = _count(count, "count")
    _, _, volume = _shell(altitude_low, altitude_high)
    rho = si(background_density, "1/m^3", "background_density", lo=0.0)
    v = si(relative_speed, "m/s", "relative_speed", lo=0.0)
    s = si(screening_radius, "m", "screening_radius", lo=0.0, lo_open=True)
    hbr = si(hard_body_radius, "m", "hard_body_radius", lo=0.0, lo_open=True)
    sigma = si(miss_distance_sigma, "m", "miss_distance_sigma", lo=0.0, lo_open=True)
    p_th = fraction(pc_threshold, "pc_threshold", lo=0.0, hi=1.0, lo_open=True, hi_open=True)
    dv = si(delta_v_per_manoeuvre, "m/s", "delta_v_per_manoeuvre", lo=0.0)
    phi = fraction(manoeuvre_failure_rate, "manoeuvre_failure_rate")
    internal = si(internal_conjunctions, "1/s", "internal_conjunctions", lo=0.0)

    background = n * rho * v * np.pi * s * s                  # [1/s]
    total = background + internal
    two_var = 2.0 * sigma * sigma
    d_th2 = np.clip(two_var * np.log(hbr * hbr / (two_var * p_th)), 0.0, s * s)   # [m^2], within the disk
    share = d_th2 / (s * s)
    e_th, e_s = np.exp(-d_th2 / two_var), np.exp(-s * s / two_var)
    per_conj = hbr * hbr / (s * s)
    unmitigated = total * per_conj * (1.0 - e_s)
    residual = total * per_conj * ((e_th - e_s) + phi * (1.0 - e_th))
    manoeuvres = total * share
    with np.errstate(divide="ignore", invalid="ignore"):
        per_satellite = np.where(n > 0, manoeuvres / np.where(n > 0, n, 1.0), 0.0)
    shape = np.broadcast_shapes(np.shape(total), np.shape(volume))
    return ConjunctionRates(
        conjunctions=_per_year(np.broadcast_to(total, shape)),
        background_conjunctions=_per_year(np.broadcast_to(background, shape)),
        manoeuvre_fraction=scalar_or_array(np.broadcast_to(share, shape)),
        manoeuvres=_per_year(np.broadcast_to(manoeuvres, shape)),
        manoeuvres_per_satellite=_per_year(np.broadcast_to(per_satellite, shape)),
        delta_v_per_satellite=quantity(np.broadcast_to(per_satellite * dv, shape), "m/s^2").to("m/s/year"),
        unmitigated_collisions=_per_year(np.broadcast_to(unmitigated, shape)),
        residual_collisions=_per_year(np.broadcast_to(residual, shape)),
        constellation_density=quantity(np.broadcast_to(n / volume, shape), "1/m^3").to("1/km^3"),
        background_density=quantity(np.broadcast_to(rho, shape), "1/m^3").to("1/km^3"))
