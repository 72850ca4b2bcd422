"""Atmospheric density: a static exponential model, NRLMSIS 2.1 with solar activity, and the solar cycle.

* :data:`EXPONENTIAL_ATMOSPHERE` and :func:`atmosphere_density` -- piecewise exponential density by altitude
  ([Vallado2013] Table 8-4, from [USSA1976] and [CIRA1972]; a mean solar activity).
* :func:`msis_density` -- the global, orbit-average density of NRLMSIS 2.1 [Emmert2022] (through ``pymsis``
  [Pymsis]) as a function of altitude, F10.7 and Ap, tabulated once per process and interpolated.
* :class:`SolarCycle`, :data:`MEAN_SOLAR_CYCLE` and :func:`solar_flux_f107` -- a mean 11-year cycle of F10.7
  phased on solar cycle 25 [SWPC-Cycle25]; a user may give their own cycle or a constant F10.7.
* :func:`mission_mean_density` -- the time mean of the MSIS density over a mission under that cycle.

The MSIS table (:func:`msis_table`)
-----------------------------------
NRLMSIS is run once, lazily, on a grid of altitude (100-2000 km; 5 km steps to 200 km, 10 km to 500 km, 25 km
above), F10.7 (65-300 sfu, 17 nodes, with the 81-day mean F10.7A equal to the daily F10.7: a steady activity)
and daily Ap (0-300, 6 nodes: 0, 5, 15, 35, 80, 300; the 3-hourly history equal to the daily value). At each node the mass density is
averaged arithmetically (drag is linear in density) over

* latitude: 6 Gauss-Legendre nodes in sin(latitude) (+-14, +-42, +-69 deg) with their weights: a global area
  mean, exact for a density smooth in latitude;
* local time: 8 longitudes every 45 deg at 00:00 UT, i.e. local solar times every 3 h;
* season: 4 days of 2021, the equinoxes and solstices (day of year 80, 172, 266, 355).

It is a global mean: an inclined orbit samples latitudes differently (a polar orbit weights them uniformly,
not by area), which changes the mean by a few percent; real density departs from any mean by tens of
percent with the day's activity, which is what a lifetime estimate cannot know. :func:`msis_density`
interpolates log-density linearly in altitude, F10.7 and Ap (trilinear).

The table takes about 2 s to build. It is built once per machine, lazily, and kept in the user's cache folder
(:mod:`spacedc.cache`: ``$SPACEDC_CACHE_DIR``, else ``$XDG_CACHE_HOME/spacedc``, else ``~/.cache/spacedc``; a
file ``msis-density-<key>.npz`` whose key changes with the grid, pymsis's version and :data:`TABLE_VERSION`),
then in memory for the process. Deleting the folder clears it; a warm cache never imports pymsis.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import numpy as np
import pint

from spacedc.cache import cached_table, package_versions
from spacedc.orbit.constants import _JULIAN_YEAR_S as _YEAR_S
from spacedc.orbit.dates import as_datetime64
from spacedc.units import Q_, fraction, named_shapes, quantity, si

__all__ = ["EXPONENTIAL_ATMOSPHERE", "atmosphere_density", "MSIS_ALTITUDE_RANGE", "MSIS_F107_RANGE",
           "MSIS_AP_RANGE", "ACTIVITY_LEVELS", "msis_table", "msis_density", "SolarCycle", "MEAN_SOLAR_CYCLE",
           "solar_flux_f107", "mission_mean_density"]

#: Exponential atmosphere: rows of (base altitude h0 [km], density rho0 at h0 [kg/m^3], scale height H [km]);
#: rho(h) = rho0 exp(-(h - h0) / H) for h0 <= h < next h0. [Vallado2013] Table 8-4 ([USSA1976] below 25 km,
#: [CIRA1972] above; a mean solar activity). Above 1000 km the last row is continued.
EXPONENTIAL_ATMOSPHERE: tuple[tuple[float, float, float], ...] = (
    (0.0, 1.225, 7.249), (25.0, 3.899e-2, 6.349), (30.0, 1.774e-2, 6.682), (40.0, 3.972e-3, 7.554),
    (50.0, 1.057e-3, 8.382), (60.0, 3.206e-4, 7.714), (70.0, 8.770e-5, 6.549), (80.0, 1.905e-5, 5.799),
    (90.0, 3.396e-6, 5.382), (100.0, 5.297e-7, 5.877), (110.0, 9.661e-8, 7.263), (120.0, 2.438e-8, 9.473),
    (130.0, 8.484e-9, 12.636), (140.0, 3.845e-9, 16.149), (150.0, 2.070e-9, 22.523), (180.0, 5.464e-10, 29.740),
    (200.0, 2.789e-10, 37.105), (250.0, 7.248e-11, 45.546), (300.0, 2.418e-11, 53.628),
    (350.0, 9.518e-12, 53.298), (400.0, 3.725e-12, 58.515), (450.0, 1.585e-12, 60.828),
    (500.0, 6.967e-13, 63.822), (600.0, 1.454e-13, 71.835), (700.0, 3.614e-14, 88.667),
    (800.0, 1.170e-14, 124.64), (900.0, 5.245e-15, 181.05), (1000.0, 3.019e-15, 268.00),
)
_ATM = np.asarray(EXPONENTIAL_ATMOSPHERE, dtype=float)


def _density(h_km: np.ndarray) -> np.ndarray:
    k = np.clip(np.searchsorted(_ATM[:, 0], h_km, side="right") - 1, 0, len(_ATM) - 1)
    return _ATM[k, 1] * np.exp(-(h_km - _ATM[k, 0]) / _ATM[k, 2])


def atmosphere_density(altitude: Any) -> pint.Quantity:
    """Atmospheric density of the piecewise exponential model.

    .. math:: \\rho(h) = \\rho_0 \\exp\\left(-\\frac{h - h_0}{H}\\right), \\qquad h_0 \\le h < h_{0,next}

    Parameters
    ----------
    altitude : Quantity [length]
        Geometric altitude (>= 0). Broadcasts.

    Returns
    -------
    Quantity [kg/m^3]

    Notes
    -----
    [Vallado2013] Table 8-4 (:data:`EXPONENTIAL_ATMOSPHERE`): a mean, static model. Real density in LEO swings
    by an order of magnitude over the solar cycle; :func:`msis_density` follows it.

    Examples
    --------
    At a base altitude the tabulated density comes back: 3.725e-12 kg/m^3 at 400 km.

    >>> f"{atmosphere_density('400 km').m_as('kg/m^3'):.3e}"
    '3.725e-12'
    """
    return quantity(_density(si(altitude, "km", "altitude", lo=0)), "kg/m^3")


# --- NRLMSIS 2.1, tabulated -------------------------------------------------------------------------------
_ALT_KM = np.concatenate([np.arange(100.0, 200.0, 5.0), np.arange(200.0, 500.0, 10.0),
                          np.arange(500.0, 2000.0 + 1e-9, 25.0)])
_F107 = np.linspace(65.0, 300.0, 17)
_AP = np.array([0.0, 5.0, 15.0, 35.0, 80.0, 300.0])
_MU_NODES, _LAT_WEIGHTS = np.polynomial.legendre.leggauss(6)
_LAT = np.degrees(np.arcsin(_MU_NODES))
_LON = np.arange(0.0, 360.0, 45.0)
_DOY = np.array([80, 172, 266, 355])

#: The grid of :func:`msis_table`: altitude [km], F10.7 [sfu] and daily Ap, each (low, high).
MSIS_ALTITUDE_RANGE = (float(_ALT_KM[0]), float(_ALT_KM[-1]))
MSIS_F107_RANGE = (float(_F107[0]), float(_F107[-1]))
MSIS_AP_RANGE = (float(_AP[0]), float(_AP[-1]))

#: Long-term solar and geomagnetic activity levels (F10.7 [sfu], Ap) for thermosphere models, by name:
#: [ECSS-E-ST-10-04C] Table 6-3 (low, moderate and high long-term; the high short-term daily values are for
#: analyses of a week or less and do not belong in a lifetime). The values as widely quoted from that table;
#: not verified against the document here.
ACTIVITY_LEVELS: dict[str, tuple[float, float]] = {"low": (65.0, 0.0), "moderate": (140.0, 15.0),
                                                   "high": (250.0, 45.0)}
_AP_DEFAULT = ACTIVITY_LEVELS["moderate"][1]


#: Version of the code that builds :func:`msis_table`: part of its cache key (:mod:`spacedc.cache`). Bump it
#: whenever a change here changes the table's numbers.
TABLE_VERSION = 1


def _msis_key() -> dict[str, Any]:
    """Everything :func:`msis_table` depends on (:func:`spacedc.cache.table_key`): the grid, the averaging
    nodes, the model version, pymsis's version and :data:`TABLE_VERSION`."""
    return {"table_version": TABLE_VERSION, "model": "NRLMSIS 2.1", "altitudes_km": _ALT_KM, "f107": _F107,
            "ap": _AP, "lat_deg": _LAT, "lat_weights": _LAT_WEIGHTS, "lon_deg": _LON, "doy": _DOY,
            "packages": package_versions("pymsis")}


def _build_msis_table() -> np.ndarray:
    """ln(global mean density [kg/m^3]) on the (Ap, F10.7, altitude) grid, from pymsis."""
    from pymsis import msis  # imported here: only a build of the table needs it

    n_f, n_ap, n_s = len(_F107), len(_AP), len(_DOY)
    days = np.datetime64("2021-01-01") + (_DOY - 1) * np.timedelta64(1, "D")
    # One "date" per (Ap, F10.7, season): pymsis grids dates x lons x lats x alts, with indices per date.
    dates = np.tile(days, n_ap * n_f)
    f107 = np.tile(np.repeat(_F107, n_s), n_ap)
    ap = np.repeat(_AP, n_f * n_s)
    rho = msis.calculate(dates, _LON, _LAT, _ALT_KM, f107s=f107, f107as=f107,
                         aps=np.repeat(ap[:, None], 7, axis=1), version=2.1)[..., 0]
    w = _LAT_WEIGHTS / _LAT_WEIGHTS.sum()
    mean = np.einsum("dolh,l->dh", rho, w) / len(_LON)                   # (dates, alts)
    return np.log(mean.reshape(n_ap, n_f, n_s, len(_ALT_KM)).mean(axis=2))


@functools.lru_cache(maxsize=1)
def msis_table() -> np.ndarray:
    """ln(global mean density [kg/m^3]) of NRLMSIS 2.1 on the (Ap, F10.7, altitude) grid, built once.

    The grid and the averaging are those of the module notes; F10.7 and Ap are given explicitly, so pymsis
    never reads or downloads a space-weather file. The array is read-only, of shape (6, 17, 111). It is kept
    in memory for the process and on disk for the machine (``msis-density-<key>.npz`` in the cache folder of
    :mod:`spacedc.cache`); pymsis is imported only when the table is built.
    """
    return cached_table("msis-density", _msis_key(), _build_msis_table)


def _cell(grid: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index of the grid cell holding x and the weight of its upper node (x clamped to the grid)."""
    k = np.clip(np.searchsorted(grid, x, side="right") - 1, 0, len(grid) - 2)
    w = np.clip((x - grid[k]) / (grid[k + 1] - grid[k]), 0.0, 1.0)
    return k, w


@functools.lru_cache(maxsize=16)
def _table_at_ap(ap: float) -> np.ndarray:
    """ln(density) on the (F10.7, altitude) grid at one Ap: linear in Ap between the table's Ap nodes."""
    k, w = _cell(_AP, np.asarray(ap))
    t = msis_table()
    out = (1.0 - w) * t[k] + w * t[k + 1]
    out.setflags(write=False)
    return out


def _log_density_2d(table: np.ndarray, h_km: np.ndarray, f107: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(ln rho, d ln rho / dh [1/km]) from a (F10.7, altitude) log table, bilinear; inputs clamped to it."""
    i, wh = _cell(_ALT_KM, h_km)
    j, wf = _cell(_F107, f107)
    lo = (1.0 - wf) * table[j, i] + wf * table[j + 1, i]
    hi = (1.0 - wf) * table[j, i + 1] + wf * table[j + 1, i + 1]
    slope = (hi - lo) / (_ALT_KM[i + 1] - _ALT_KM[i])
    return lo + wh * (hi - lo), slope


def _f107_in(value: Any, name: str = "f107") -> np.ndarray:
    return fraction(value, name, lo=MSIS_F107_RANGE[0], hi=MSIS_F107_RANGE[1])


def _ap_in(value: Any, name: str = "ap") -> np.ndarray:
    return fraction(value, name, lo=MSIS_AP_RANGE[0], hi=MSIS_AP_RANGE[1])


def _altitude_in(value: Any, name: str = "altitude") -> np.ndarray:
    """Altitude [km] inside the MSIS table."""
    return si(value, "km", name, lo=MSIS_ALTITUDE_RANGE[0], hi=MSIS_ALTITUDE_RANGE[1])


@named_shapes
def msis_density(altitude: Any, f107: Any = 140.0, ap: Any = _AP_DEFAULT) -> pint.Quantity:
    """Global, orbit-average atmospheric density of NRLMSIS 2.1 at a steady solar and geomagnetic activity.

    .. math:: \\ln\\bar\\rho(h, F_{10.7}, A_p) \\text{ trilinear in the table of } \\ln\\langle\\rho_{MSIS}
              \\rangle_{lat, LT, season}

    Parameters
    ----------
    altitude : Quantity [length]
        Geodetic altitude, 100 to 2000 km (outside: ValueError naming it and the range).
    f107 : float
        Solar radio flux F10.7 [sfu, 1e-22 W/m^2/Hz], daily and 81-day mean alike; 65 to 300. Default 140, the
        moderate long-term level of [ECSS-E-ST-10-04C] Table 6-3.
    ap : float
        Daily geomagnetic index Ap, 0 to 300. Default 15 (moderate, same table).

    Returns
    -------
    Quantity [kg/m^3]

    Notes
    -----
    NRLMSIS 2.1 [Emmert2022] (2.0: [Emmert2021]) through pymsis [Pymsis], averaged as the module notes say. The
    interpolation agrees with a direct pymsis average to better than 1 % (tests/orbit/test_orbit_atmosphere.py).

    Examples
    --------
    Density at 500 km from solar minimum to maximum: a factor of about 30.

    >>> [f"{msis_density('500 km', f107=f).m_as('kg/m^3'):.2e}" for f in (65, 140, 250)]
    ['9.15e-14', '6.74e-13', '2.75e-12']
    """
    h = _altitude_in(altitude)
    f = _f107_in(f107)
    a = _ap_in(ap)
    h, f, a = np.broadcast_arrays(h, f, a)
    t = msis_table()
    i, wh = _cell(_ALT_KM, h)
    j, wf = _cell(_F107, f)
    k, wa = _cell(_AP, a)
    out = 0.0
    for dk, ck in ((0, 1.0 - wa), (1, wa)):
        for dj, cj in ((0, 1.0 - wf), (1, wf)):
            for di, ci in ((0, 1.0 - wh), (1, wh)):
                out = out + ck * cj * ci * t[k + dk, j + dj, i + di]
    return quantity(np.exp(out), "kg/m^3")


# --- the solar cycle --------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class SolarCycle:
    """A periodic solar cycle of F10.7: a raised cosine between a minimum and a maximum.

    .. math:: F_{10.7}(t) = F_{min} + (F_{max} - F_{min}) \\frac{1 - \\cos(2\\pi (t - t_{min}) / P)}{2}

    Attributes
    ----------
    minimum : str or numpy.datetime64
        A date of solar minimum (the phase of the cycle).
    period : Quantity [time]
        Cycle length P (> 0).
    f107_min, f107_max : float
        F10.7 [sfu] at minimum and maximum, within the MSIS table's 65-300 sfu.

    Notes
    -----
    A smooth mean cycle (13-month smoothed activity) without the day-to-day and 27-day swings, which average out
    of a lifetime of months or more. Real cycles differ in amplitude (cycle 24 peaked near 140 sfu smoothed,
    cycle 22 above 200) and length (9 to 14 years).
    """

    minimum: Any
    period: Any
    f107_min: float
    f107_max: float

    def __post_init__(self) -> None:
        t0 = as_datetime64(self.minimum, "minimum")
        if t0.ndim:
            raise ValueError(f"minimum = {self.minimum!r}: expected one date")
        period = si(self.period, "s", "period", lo=0, lo_open=True)
        if period.ndim:
            raise ValueError(f"period = {self.period!r}: expected one duration")
        lo = float(_f107_in(self.f107_min, "f107_min"))
        hi = float(_f107_in(self.f107_max, "f107_max"))
        if hi < lo:
            raise ValueError(f"f107_max = {hi:g}: must not be below f107_min = {lo:g}")
        object.__setattr__(self, "minimum", t0)
        object.__setattr__(self, "period", Q_(float(period) / _YEAR_S, "year"))
        object.__setattr__(self, "f107_min", lo)
        object.__setattr__(self, "f107_max", hi)

    def _key(self) -> tuple[float, float, float, float]:
        """(minimum [s since 1970], period [s], f107_min, f107_max): plain floats, a cache key."""
        t0 = float(self.minimum.astype("datetime64[us]").astype(np.int64)) / 1e6
        return t0, float(self.period.m_as("s")), self.f107_min, self.f107_max


#: The mean solar cycle: F10.7 from 65 sfu (the low level of [ECSS-E-ST-10-04C] Table 6-3) to 215 sfu, so that
#: its mean is the standard's moderate long-term level, 140 sfu; period 11 years; phased on the minimum of
#: December 2019 that began cycle 25 [SWPC-Cycle25], which puts the maximum in mid-2025, within the NOAA/NASA
#: panel's prediction of July 2025 +/- 8 months, and the next minimum in late 2030.
MEAN_SOLAR_CYCLE = SolarCycle(minimum="2019-12-15", period="11 year", f107_min=65.0, f107_max=215.0)


def _cycle_f107(key: tuple[float, float, float, float], t_s: np.ndarray) -> np.ndarray:
    """F10.7 of a cycle at times t_s [s since 1970-01-01]."""
    t0, period, lo, hi = key
    return lo + (hi - lo) * 0.5 * (1.0 - np.cos(2.0 * np.pi * (t_s - t0) / period))


def _seconds(date: Any, name: str) -> np.ndarray:
    """Dates as float seconds since 1970-01-01 (UTC)."""
    return as_datetime64(date, name).astype(np.int64) / 1e6


@named_shapes
def solar_flux_f107(date: Any, cycle: SolarCycle = MEAN_SOLAR_CYCLE) -> Any:
    """F10.7 [sfu] of a solar cycle on given dates.

    Parameters
    ----------
    date : str, datetime or numpy.datetime64, or an array of them
        Dates (1900-2099).
    cycle : SolarCycle
        Default :data:`MEAN_SOLAR_CYCLE`.

    Returns
    -------
    float or numpy.ndarray
        F10.7 in sfu (a plain number: an index, as MSIS takes it).

    Examples
    --------
    The mean cycle at its minimum, half a period later, and one period later:

    >>> [round(solar_flux_f107(d), 1) for d in ("2019-12-15", "2025-06-15T18:00", "2030-12-15T12:00")]
    [65.0, 215.0, 65.0]
    """
    f = _cycle_f107(cycle._key(), _seconds(date, "date"))
    return float(f) if np.ndim(f) == 0 else f


# Cumulative integral over one period of the density at each altitude node: mission means without sampling.
_PHASES = 720


@functools.lru_cache(maxsize=16)
def _cycle_integral(key: tuple[float, float, float, float], ap: float) -> tuple[np.ndarray, np.ndarray]:
    """(G, C): G[i, k] = integral of rho(h_i, F(phase)) over phase 0..k/_PHASES of a period (trapezoid,
    in periods), and C[i] = G[i, -1], the mean density over a whole cycle at node i."""
    t0, period, _, _ = key
    phase = np.linspace(0.0, 1.0, _PHASES + 1)
    f = _cycle_f107(key, t0 + phase * period)
    rho = np.exp(_interp_f(_table_at_ap(ap), f))                                         # (phase, alt)
    steps = 0.5 * (rho[1:] + rho[:-1]) / _PHASES
    g = np.concatenate([np.zeros((1, rho.shape[1])), np.cumsum(steps, axis=0)]).T        # (alt, phase)
    g.setflags(write=False)
    return g, g[:, -1].copy()


def _interp_f(table: np.ndarray, f: np.ndarray) -> np.ndarray:
    """ln(density) on the altitude grid at each F10.7 in f, shape f.shape + (n_alt,)."""
    j, w = _cell(_F107, f)
    return (1.0 - w)[..., None] * table[j] + w[..., None] * table[j + 1]


def _cycle_mean_at_nodes(key: tuple[float, float, float, float], ap: float, i: np.ndarray,
                         t0_s: np.ndarray, t1_s: np.ndarray) -> np.ndarray:
    """Time-mean density over [t0, t1] at altitude nodes i under the cycle (t1 > t0)."""
    g, c = _cycle_integral(key, ap)
    start, period = key[0], key[1]

    def integral(t: np.ndarray) -> np.ndarray:
        x = (t - start) / period
        n = np.floor(x)
        p = (x - n) * _PHASES
        k = np.minimum(p.astype(np.int64), _PHASES - 1)
        w = p - k
        return n * c[i] + (1.0 - w) * g[i, k] + w * g[i, k + 1]     # in density x periods

    return (integral(t1_s) - integral(t0_s)) * period / (t1_s - t0_s)


@named_shapes
def mission_mean_density(altitude: Any, epoch: Any, duration: Any, *, f107: Any = None, ap: float = _AP_DEFAULT,
                         cycle: SolarCycle = MEAN_SOLAR_CYCLE) -> pint.Quantity:
    """Time-mean MSIS density at a fixed altitude over a mission, under a solar cycle or a constant F10.7.

    .. math:: \\langle\\rho\\rangle = \\frac{1}{T}\\int_{t_0}^{t_0 + T} \\bar\\rho(h, F_{10.7}(t), A_p)\\,dt

    Parameters
    ----------
    altitude : Quantity [length]
        100 to 2000 km.
    epoch : date or array of dates
        Start of the mission.
    duration : Quantity [time]
        Mission length T (>= 0; 0 gives the density at the epoch).
    f107 : float, optional
        A constant F10.7 [sfu] in place of the cycle (65-300).
    ap : float
        Daily Ap, one value for the call (default 15, [ECSS-E-ST-10-04C] moderate).
    cycle : SolarCycle
        Default :data:`MEAN_SOLAR_CYCLE`.

    Returns
    -------
    Quantity [kg/m^3]

    Notes
    -----
    The integral over time is exact for the tabulated density at the table's altitude nodes (a cumulative
    trapezoid over 720 phases of the cycle), then interpolated in ln(density) between nodes: no sampling
    whose step could depend on the batch.

    Examples
    --------
    Over a whole 11-year cycle the mean at 550 km exceeds the density at the cycle's mean flux (140 sfu):
    density is convex in F10.7.

    >>> mean = mission_mean_density("550 km", "2030-01-01", "11 year").m_as("kg/m^3")
    >>> steady = msis_density("550 km", f107=140).m_as("kg/m^3")
    >>> bool(mean > steady), round(mean / steady, 2)
    (True, 1.34)
    """
    h = _altitude_in(altitude)
    t0 = _seconds(epoch, "epoch")
    dur = si(duration, "s", "duration", lo=0)
    a = float(_ap_scalar(ap))
    if f107 is not None:
        f = _f107_in(f107)
        h, t0, dur, f = np.broadcast_arrays(h, t0, dur, f)
        return msis_density(Q_(h, "km"), f107=f, ap=a)
    h, t0, dur = np.broadcast_arrays(h, t0, dur)
    key = cycle._key()
    i, wh = _cell(_ALT_KM, h)
    instant = np.exp(_log_density_2d(_table_at_ap(a), h, _cycle_f107(key, t0))[0])
    t1 = np.where(dur > 0, t0 + dur, t0 + 1.0)
    lo = _cycle_mean_at_nodes(key, a, i, t0, t1)
    hi = _cycle_mean_at_nodes(key, a, i + 1, t0, t1)
    mean = np.exp((1.0 - wh) * np.log(lo) + wh * np.log(hi))
    return quantity(np.where(dur > 0, mean, instant), "kg/m^3")


def _ap_scalar(ap: Any) -> np.ndarray:
    a = _ap_in(ap)
    if a.ndim:
        raise ValueError(f"ap = {ap!r}: one value per call here (the lifetime and mean-density tables are built "
                         f"per Ap); sweep Ap in a loop of calls")
    return a
