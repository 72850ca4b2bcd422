"""Natural orbital lifetime, station-keeping against drag, and disposal within a rule.

* :func:`orbital_lifetime` -- natural decay of a circular orbit in the MSIS atmosphere under a solar cycle.
* :func:`station_keeping_delta_v` -- the delta-v that holds a circular orbit against drag over a mission.
* :data:`DISPOSAL_RULES`, :func:`disposal_plan` -- the delta-v to leave within a rule (the FCC's 5 years, the
  25-year guideline, or a prompt re-entry), as a :class:`DisposalPlan`.
* :func:`lifetime_budget` -- the three together, as a :class:`LifetimeBudget`.

Decay of a circular orbit
-------------------------
For a circular orbit the drag deceleration :math:`\\rho v^2 / (2B)` with :math:`B = m / (C_D A)` [kg/m^2] lowers
the semi-major axis as ([Vallado2013] ch. 8 and sec. 9.6; [KingHele1987] ch. 4):

.. math:: \\frac{da}{dt} = -\\frac{\\rho(a, F_{10.7}(t))\\sqrt{\\mu a}}{B}

integrated from the altitude to a re-entry altitude (default 100 km, below which the remaining life is hours)
with Heun's method (a second-order Runge-Kutta). Each point takes its own steps, the smaller of a tenth of the
time to descend one local scale height, :math:`0.1 H / |dh/dt|`, and 1/48 of the solar cycle (so that the
cycle is resolved: forward and backward integrations then agree to 0.2 %); finished points stop. A lifetime
longer than ``max_time`` is returned as infinity: "more than max_time", never a wrong number.

Tables
------
The public functions do not integrate per point: for each solar-activity setting (start date, Ap, cycle or
constant F10.7, re-entry altitude, max_time) the integration runs once, lazily, on a fixed grid, kept in memory
(``functools.lru_cache``), and a call interpolates in it: a million points cost about a second, and a point's
answer is the same alone or in any batch (the grids never depend on the batch). Each distinct setting in a call
builds one table (a design sweep has one start date, the disposal one end of mission per mission length).

* Constant F10.7: the lifetime is exactly proportional to B, so one column at B = 1 kg/m^2 over altitude (every
  MSIS node and between, 1 km steps to 200 km, 2.5 km to 500 km, 5 km above), interpolated in
  ln(L / (h - h_re)); within 0.1 % of the direct integration.
* Under the cycle: the altitude H(L, B) whose lifetime from the start date is L, by the integration run
  backwards from re-entry, on 10 nodes per decade of B and 40-100 per decade of L up to twice max_time. H is
  smooth in B at a fixed L (a fixed re-entry date), while L at a fixed altitude is not (it jumps by years within
  a kilometre where a decay just misses a solar maximum), so a point's L is where H, linear in log B, reaches
  its altitude: a bisection over the L nodes. Within 0.5 % of the direct integration for B of 10-1e4 kg/m^2;
  below that a few points in a hundred, where a few tens of metres of altitude move L by a percent or two, are
  off by up to 2 % (tests/orbit/test_orbit_lifetime.py).
* The disposal's circular altitude h_c(B) for a rule, 200 nodes per decade of B, linear in log B (a few metres).

B must lie within :data:`BALLISTIC_COEFFICIENT_RANGE` (0.1-1e5 kg/m^2; outside: ValueError naming it). The
direct integrators stay, private: ``_integrated_lifetime`` and ``_integrated_circular_altitude``.

Disposal
--------
The disposal burn is one tangential burn at the operating altitude that lowers the perigee (half a Hohmann
transfer, :func:`_disposal_dv`). The lifetime of the resulting eccentric orbit is bounded from above, without
integrating it, by the lifetime of the circular orbit at its semi-major axis: at the same semi-major axis an
eccentric orbit meets a mean density at least as high (density is convex in altitude, so the orbit average
exceeds the value at the mean altitude) and loses energy faster, so its semi-major axis stays below the circular
orbit's while its perigee reaches the re-entry altitude first. The target perigee is therefore
:math:`h_p = 2 h_c - h`, where :math:`h_c` is the circular altitude whose natural lifetime from the end of the
mission is exactly the rule's limit, found by integrating the decay backwards from re-entry. The plan so meets
the rule with a margin (the residual lifetime reported is that upper bound) and costs less than a two-burn
transfer to a circular orbit at :math:`h_c`.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import numpy as np
import pint

from spacedc.orbit.atmosphere import (_AP_DEFAULT, MEAN_SOLAR_CYCLE, MSIS_ALTITUDE_RANGE, SolarCycle,
                                      _altitude_in, _ap_scalar, _cell, _cycle_f107, _f107_in, _log_density_2d,
                                      _seconds, _table_at_ap, mission_mean_density)
from spacedc.cache import cached_table
from spacedc.orbit.atmosphere import _msis_key
from spacedc.orbit.constants import DRAG_COEFFICIENT, _JULIAN_YEAR_S as _YEAR_S, _MU, _R_E
from spacedc.results import Reasons, Result
from spacedc.units import Q_, fraction, named_shapes, quantity, scalar_or_array, si

__all__ = ["orbital_lifetime", "station_keeping_delta_v", "DISPOSAL_RULES", "DisposalPlan", "disposal_plan",
           "LifetimeBudget", "lifetime_budget", "BALLISTIC_COEFFICIENT_RANGE"]


#: Disposal rules: name -> the longest residual orbital lifetime after the end of the mission [years], or None
#: for a prompt re-entry (a burn to a 50 km perigee).
#:
#: * ``"fcc-5yr"``: the FCC's rule for US-licensed and US-market satellites in LEO, disposal "as soon as
#:   practicable and no more than 5 years" after the end of the mission [FCC22-74].
#: * ``"25yr"``: the 25-year guideline of [IADC2007] sec. 5.3.2, [ISO24113] and the US Government's
#:   [ODMSP2019] (standard practice 4-1).
#: * ``"prompt"``: a controlled or prompt re-entry, a perigee of 50 km.
DISPOSAL_RULES: dict[str, float | None] = {"fcc-5yr": 5.0, "25yr": 25.0, "prompt": None}

#: Perigee of a prompt disposal [km]: the atmosphere captures the spacecraft within a revolution.
PROMPT_PERIGEE_KM = 50.0

_ETA = 0.1            # step: a tenth of the time to descend one scale height
_CYCLE_STEPS = 48     # steps per solar cycle, at most
_MAX_STEPS = 100_000  # a bound no real case approaches (the steps of a point are < 24 max_time / P + 600)


# --- kernels shared with structure.propellant --------------------------------------------------------------
def _circular_speed(h_m: np.ndarray) -> np.ndarray:
    """Circular orbital speed [m/s] at altitude h [m]: v = sqrt(mu / (R_E + h))."""
    return np.sqrt(_MU / (_R_E + h_m))


def _drag_dv(rho: np.ndarray, h_m: np.ndarray, beta_inv: np.ndarray, t_s: np.ndarray) -> np.ndarray:
    """Drag make-up delta-v [m/s] at constant altitude: a_drag t with a_drag = rho v^2 C_D A / (2 m),
    beta_inv = C_D A / m [m^2/kg] ([SMAD1999] sec. 6.2.3)."""
    v = _circular_speed(h_m)
    return 0.5 * rho * v * v * beta_inv * t_s


def _disposal_dv(h_m: np.ndarray, hp_m: np.ndarray) -> np.ndarray:
    """One tangential burn from a circular orbit at h to a perigee hp [m/s] (first half of a Hohmann
    transfer, [Vallado2013] Algorithm 36): dv = v_c (1 - sqrt(2 r_p / (r_a + r_p)))."""
    r1, r2 = _R_E + h_m, _R_E + hp_m
    return _circular_speed(h_m) * (1.0 - np.sqrt(2.0 * r2 / (r1 + r2)))


# --- the decay integrator ------------------------------------------------------------------------------------
class _Decay:
    """da/dt = -rho sqrt(mu a) / B with F10.7 from a cycle or constant, at one Ap: rates and scale heights."""

    def __init__(self, ap: float, f107: np.ndarray | None, key: tuple[float, float, float, float]):
        self.table = _table_at_ap(ap)
        self.f107 = f107
        self.key = key  # SolarCycle._key(): (minimum [s], period [s], f107_min, f107_max)
        self.cap = key[1] / _CYCLE_STEPS if f107 is None else np.inf

    def rate(self, h_m: np.ndarray, t_s: np.ndarray, beta: np.ndarray,
             f107: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """(|dh/dt| [m/s], local scale height [m]) at altitude h and absolute time t [s since 1970]."""
        f = _cycle_f107(self.key, t_s) if f107 is None else f107
        h_km = np.clip(h_m / 1e3, *MSIS_ALTITUDE_RANGE)
        log_rho, slope = _log_density_2d(self.table, h_km, f)
        scale = 1e3 / np.maximum(-slope, 1e-6)
        return np.exp(log_rho) * np.sqrt(_MU * (_R_E + h_m)) / beta, scale

    def run(self, h0_m: np.ndarray, t0_s: np.ndarray, beta: np.ndarray, limit_s: np.ndarray,
            h_end_m: np.ndarray, backward: bool) -> tuple[np.ndarray, np.ndarray]:
        """March each point until it reaches h_end (forward: descending; backward: ascending in reversed time)
        or has run limit_s. Returns (elapsed time [s], altitude reached [m]); a forward point that has not
        re-entered within limit_s gets an elapsed time of inf."""
        n = h0_m.size
        h, t = h0_m.ravel().copy(), t0_s.ravel().copy()
        b, lim, h_end = beta.ravel(), limit_s.ravel(), h_end_m.ravel()
        f = None if self.f107 is None else self.f107.ravel()
        elapsed = np.zeros(n)
        done = np.zeros(n, dtype=bool)
        sign = 1.0 if backward else -1.0
        active = np.flatnonzero(~done)
        for _ in range(_MAX_STEPS):
            if active.size == 0:
                break
            ha, ta, ea, ba = h[active], t[active], elapsed[active], b[active]
            fa = None if f is None else f[active]
            r1, scale = self.rate(ha, ta, ba, fa)
            dt = np.minimum(np.minimum(_ETA * scale / r1, self.cap), lim[active] - ea)
            direction = -1.0 if backward else 1.0
            r2, _ = self.rate(ha + sign * r1 * dt, ta + direction * dt, ba, fa)
            h_new = ha + sign * 0.5 * (r1 + r2) * dt
            crossed = (h_new >= h_end[active]) if backward else (h_new <= h_end[active])
            # the crossing time by linear interpolation within the step
            frac = np.where(crossed, (h_end[active] - ha) / np.where(h_new != ha, h_new - ha, 1.0), 1.0)
            step = dt * np.clip(frac, 0.0, 1.0)
            elapsed[active] = ea + step
            h[active] = np.where(crossed, h_end[active], h_new)
            t[active] = ta + direction * step
            out_of_time = ~crossed & (elapsed[active] >= lim[active] * (1.0 - 1e-12))
            finished = crossed | out_of_time
            if not backward:
                elapsed[active[out_of_time]] = np.inf
            done[active[finished]] = True
            active = active[~finished]
        else:  # pragma: no cover - the step rule bounds the steps far below _MAX_STEPS
            raise RuntimeError("orbital decay did not converge")
        return elapsed.reshape(h0_m.shape), h.reshape(h0_m.shape)


def _decay_inputs(altitude: Any, ballistic_coefficient: Any, epoch: Any, f107: Any, ap: Any,
                  reentry_altitude: Any, cycle: SolarCycle) -> tuple[np.ndarray, ...]:
    h = _altitude_in(altitude) * 1e3
    beta = si(ballistic_coefficient, "kg/m^2", "ballistic_coefficient", lo=0, lo_open=True)
    h_re = _altitude_in(reentry_altitude, "reentry_altitude") * 1e3
    a = float(_ap_scalar(ap))
    if f107 is None and epoch is None:
        raise ValueError("epoch: give the date the decay starts (the solar cycle's phase), or a constant f107")
    t0 = _seconds("2000-01-01" if epoch is None else epoch, "epoch")
    f = None if f107 is None else _f107_in(f107)
    return h, beta, h_re, a, t0, f


@named_shapes
def orbital_lifetime(altitude: Any, ballistic_coefficient: Any, *, epoch: Any = None, f107: Any = None,
                     ap: float = _AP_DEFAULT, cycle: SolarCycle = MEAN_SOLAR_CYCLE, reentry_altitude: Any = "100 km",
                     max_time: Any = "100 year") -> pint.Quantity:
    """Natural lifetime of a circular orbit decaying by drag in the MSIS atmosphere.

    .. math:: \\frac{da}{dt} = -\\frac{\\rho(a, F_{10.7}(t), A_p)\\sqrt{\\mu a}}{B}, \\qquad B = \\frac{m}{C_D A}

    Parameters
    ----------
    altitude : Quantity [length]
        Initial circular altitude, above ``reentry_altitude`` and at most 2000 km. The density is MSIS's at this
        geodetic height, so for a real orbit of semi-major axis a and inclination i give the orbit-mean
        geodetic altitude :math:`a - R_E + R_E f \\sin^2 i / 2` (:math:`R_E f` = 21.4 km: 6.6 km above
        :math:`a - R_E` at 51.6 deg, 10.5 km sun-synchronous); the plain :math:`a - R_E` puts the orbit that
        much deeper in the atmosphere and shortens the lifetime by some 10-20 %.
    ballistic_coefficient : Quantity [mass/area]
        B = m / (C_D A), 0.1-1e5 kg/m^2 (:data:`BALLISTIC_COEFFICIENT_RANGE`), e.g. 50-200 for most satellites.
    epoch : date, optional
        Start of the decay: the phase of the solar cycle. Required unless ``f107`` is given.
    f107 : float, optional
        A constant F10.7 [sfu] (65-300) in place of the cycle, e.g. 65 for a long, conservative lifetime.
    ap : float
        Daily Ap, one value (default 15, [ECSS-E-ST-10-04C] moderate).
    cycle : SolarCycle
        Default :data:`spacedc.orbit.atmosphere.MEAN_SOLAR_CYCLE`.
    reentry_altitude : Quantity [length]
        Where the lifetime ends (default 100 km; 100-2000 km).
    max_time : Quantity [time]
        Longest lifetime integrated (default 100 years); a longer one is returned as ``inf``.

    Returns
    -------
    Quantity [year]
        The lifetime; ``inf`` means "more than max_time".

    Notes
    -----
    Lifetime predictions are uncertain by tens of percent even with a known solar cycle ([KingHele1987]
    ch. 4; [ISO27852]): the density along a real orbit departs from the global mean, and B changes with
    attitude. Against seven spheres on record (tests/orbit/test_orbit_lifetime.py) the lifetime is within
    10 % at the solar maximum of 1999-2003 and 18-23 % short in the deep minimum of 2007-2010. The integrator
    and its tables (an interpolation within 0.5 % of it for B of 10-1e4 kg/m^2) are described in the module
    notes.

    Examples
    --------
    B = 100 kg/m^2 from 500 km at a steady moderate activity (F10.7 = 140), and at solar minimum (65):

    >>> [round(orbital_lifetime("500 km", "100 kg/m^2", f107=f).m_as("year"), 2) for f in (140, 65)]
    [5.49, 32.65]
    """
    h, beta, h_re, a, t0, f = _decay_inputs(altitude, ballistic_coefficient, epoch, f107, ap, reentry_altitude,
                                            cycle)
    limit = si(max_time, "s", "max_time", lo=0, lo_open=True)
    return quantity(_lifetime(h, beta, h_re, t0, limit, a, cycle._key(), f) / _YEAR_S, "year")


def _altitude_for_lifetime(lifetime_s: np.ndarray, beta: np.ndarray, t_start_s: np.ndarray, h_re_m: np.ndarray,
                           decay: _Decay) -> np.ndarray:
    """The circular altitude [m] whose natural lifetime from t_start is exactly lifetime_s: the decay run
    backwards in time from re-entry at t_start + lifetime (capped at the table's top, 2000 km)."""
    top = np.full(np.shape(lifetime_s), MSIS_ALTITUDE_RANGE[1] * 1e3)
    _, h = decay.run(h_re_m + 0.0 * top, t_start_s + lifetime_s, beta, lifetime_s, top, backward=True)
    return h


# --- the direct integration, and its tables --------------------------------------------------------------------
def _integrated_lifetime(h_m: np.ndarray, beta: np.ndarray, h_re_m: np.ndarray, t0_s: np.ndarray,
                         limit_s: np.ndarray, ap: float, key: tuple[float, float, float, float],
                         f107: np.ndarray | None) -> np.ndarray:
    """Lifetime [s] of each point by the direct integration (:class:`_Decay`), inf beyond limit_s: what the
    tables are built from (SI arrays that broadcast; f107 None: under the cycle of ``key``)."""
    arrays = np.broadcast_arrays(h_m, beta, h_re_m, t0_s, limit_s, *(() if f107 is None else (f107,)))
    h, b, h_re, t0, limit = (np.asarray(x, dtype=float) for x in arrays[:5])
    decay = _Decay(ap, None if f107 is None else np.asarray(arrays[5], dtype=float), key)
    return decay.run(h, t0, b, limit, h_re, backward=False)[0]


def _integrated_circular_altitude(lifetime_s: np.ndarray, beta: np.ndarray, t_start_s: np.ndarray,
                                  h_re_m: np.ndarray, ap: float, key: tuple[float, float, float, float],
                                  f107: np.ndarray | None) -> np.ndarray:
    """The circular altitude [m] whose lifetime from t_start is lifetime_s, by the direct (backward)
    integration (:func:`_altitude_for_lifetime`)."""
    arrays = np.broadcast_arrays(lifetime_s, beta, t_start_s, h_re_m, *(() if f107 is None else (f107,)))
    life, b, t, h_re = (np.asarray(x, dtype=float) for x in arrays[:4])
    decay = _Decay(ap, None if f107 is None else np.asarray(arrays[4], dtype=float), key)
    return _altitude_for_lifetime(life, b, t, h_re, decay)


#: The range of ballistic coefficient the tables cover [kg/m^2]: everything plausible.
BALLISTIC_COEFFICIENT_RANGE = (0.1, 1e5)
_LOG_B = np.linspace(-1.0, 5.0, 61)         # log10 B of the lifetime table: 10 nodes per decade
_LOG_B_FINE = np.linspace(-1.0, 5.0, 1201)  # of the circular-altitude table (one dimension): 200 per decade
#: Altitude nodes of the lifetime table [m] (above the re-entry altitude, which is the first node): every MSIS
#: node (orbit.atmosphere) and between, 1 km to 200 km, 2.5 km to 500 km, 5 km to 2000 km.
_H_NODES_M = np.concatenate([np.arange(100.0, 200.0, 1.0), np.arange(200.0, 500.0, 2.5),
                             np.arange(500.0, 2000.0 + 1e-9, 5.0)]) * 1e3
#: Lifetime nodes of the cycle's table [s]: 40 per decade from 1e-12 to 0.01 year, 100 per decade to 1000 years
#: (where the solar cycle shapes the decay).
_L_NODES_S = np.concatenate([10.0 ** np.linspace(-12.0, -2.0, 401)[:-1], 10.0 ** np.linspace(-2.0, 3.0, 501)]) * _YEAR_S  # lifetime nodes of the cycle's table [s]
_TABLE_SPAN = 2.0     # the cycle's table integrates to this many times max_time (so that it brackets max_time)
_MAX_SETTINGS = 64    # distinct solar-activity settings (one table each) in one call, at most


def _altitude_nodes(h_re_m: float) -> np.ndarray:
    return np.concatenate([[h_re_m], _H_NODES_M[_H_NODES_M > h_re_m]])


#: Bumped whenever the decay integration or the tables' grids change: the key of the tables cached on disk
#: (:mod:`spacedc.cache`), beside the density table's own key.
TABLE_VERSION = 1


def _table_key(kind: str, *setting: Any, nodes: np.ndarray) -> dict[str, Any]:
    """Everything a lifetime table depends on: its kind and setting, its nodes, the B grids, the density table's
    key (:func:`spacedc.orbit.atmosphere._msis_key`) and :data:`TABLE_VERSION`."""
    return {"table_version": TABLE_VERSION, "kind": kind, "setting": repr(setting), "nodes": nodes,
            "log_b": _LOG_B, "log_b_fine": _LOG_B_FINE, "msis": _msis_key()}


@functools.lru_cache(maxsize=32)
def _steady_lifetime_table(h_re_m: float, ap: float, f107: float) -> tuple[np.ndarray, np.ndarray]:
    """(altitude nodes [m], q = ln(L / (h - h_re)) [ln(s/m)] at B = 1 kg/m^2) at a constant F10.7, by the
    direct integration from every node, without a time limit. At a constant flux the lifetime is exactly
    proportional to B (so are the steps), so one column serves every B. At the first node, the re-entry altitude,
    q is its limit, ln(1 / |dh/dt|)."""
    h_nodes = _altitude_nodes(h_re_m)

    def build() -> np.ndarray:
        h = h_nodes[1:]
        f = np.full(h.shape, f107)
        life = _integrated_lifetime(h, np.ones(h.shape), np.full(h.shape, h_re_m), np.zeros(h.shape),
                                    np.full(h.shape, np.inf), ap, None, f)
        rate0, _ = _Decay(ap, f[:1], None).rate(np.full(1, h_re_m), np.zeros(1), np.ones(1), f[:1])
        return np.concatenate([-np.log(rate0), np.log(life / (h - h_re_m))])

    q = cached_table("lifetime-steady", _table_key("steady", h_re_m, ap, f107, nodes=h_nodes), build)
    h_nodes.setflags(write=False)
    return h_nodes, q


@functools.lru_cache(maxsize=32)
def _cycle_lifetime_table(t0_s: float, h_re_m: float, limit_s: float, ap: float,
                          key: tuple[float, float, float, float]) -> tuple[np.ndarray, np.ndarray]:
    """(lifetime nodes [s], H [m]) under a cycle from t0: H[k, j] is the circular altitude whose lifetime is the
    k-th node at B = 10**_LOG_B[j], by the direct integration run backwards from re-entry at t0 + L_k.

    Tabulated this way round because H is smooth in B at a fixed lifetime (a fixed re-entry date), while the
    lifetime at a fixed altitude is not: it jumps by years within a kilometre or two, where a decay just misses
    a solar maximum and waits through a minimum. The lifetime nodes are 0, then :data:`_L_NODES_S` up to twice
    max_time (a longer lifetime is inf), each column of H increasing (capped at the table's top, 2000 km)."""
    span = _TABLE_SPAN * limit_s
    life = np.concatenate([[0.0], _L_NODES_S[_L_NODES_S < span], [span]])

    def build() -> np.ndarray:
        ll, bb = np.meshgrid(life[1:], 10.0 ** _LOG_B, indexing="ij")
        h = _integrated_circular_altitude(ll, bb, np.asarray(t0_s), np.asarray(h_re_m), ap, key, None)
        return np.vstack([np.full((1, len(_LOG_B)), h_re_m), np.maximum.accumulate(h, axis=0)])

    table = cached_table("lifetime-cycle", _table_key("cycle", t0_s, h_re_m, limit_s, ap, key, nodes=life), build)
    life.setflags(write=False)
    return life, table


@functools.lru_cache(maxsize=32)
def _circular_altitude_table(t_start_s: float, lifetime_s: float, h_re_m: float, ap: float,
                             key: tuple[float, float, float, float] | None, f107: float | None) -> np.ndarray:
    """The circular altitude [m] whose lifetime from t_start is lifetime_s, at each B of :data:`_LOG_B_FINE`."""
    b = 10.0 ** _LOG_B_FINE

    def build() -> np.ndarray:
        return _integrated_circular_altitude(np.full(b.shape, lifetime_s), b, np.full(b.shape, t_start_s),
                                             np.full(b.shape, h_re_m), ap, key,
                                             None if f107 is None else np.asarray(f107))

    return cached_table("lifetime-circular", _table_key("circular", t_start_s, lifetime_s, h_re_m, ap, key, f107,
                                                        nodes=b), build)


def _log_b_cell(grid: np.ndarray, beta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cell of a uniform log10 B grid holding beta and the weight of its upper node."""
    x = np.log10(beta)
    step = (grid[-1] - grid[0]) / (len(grid) - 1)
    k = np.clip(np.floor((x - grid[0]) / step).astype(np.int64), 0, len(grid) - 2)
    return k, np.clip((x - grid[k]) / (grid[k + 1] - grid[k]), 0.0, 1.0)


def _check_beta(beta: np.ndarray) -> None:
    lo, hi = BALLISTIC_COEFFICIENT_RANGE
    bad = (beta < lo) | (beta > hi)
    if np.any(bad):
        raise ValueError(f"ballistic_coefficient = {np.asarray(beta)[bad].flat[0]:g} kg/m^2: outside "
                         f"{lo:g}-{hi:g} kg/m^2, the range of the lifetime tables")


def _distinct(shape: tuple[int, ...], columns: tuple[np.ndarray, ...]) -> list[tuple[tuple[float, ...], Any]]:
    """The distinct rows of the columns broadcast to shape: [(row, flat indices of its points, or None for all)].
    One row for a call with one setting (the usual case), found without sorting."""
    cols = [np.asarray(c, dtype=float) for c in columns]
    if all(np.all(c == c.flat[0]) for c in cols):
        return [(tuple(float(c.flat[0]) for c in cols), None)]
    stack = np.stack([np.broadcast_to(c, shape).ravel() for c in cols], axis=1)
    rows, inverse = np.unique(stack, axis=0, return_inverse=True)
    if len(rows) > _MAX_SETTINGS:
        raise ValueError(f"{len(rows)} distinct solar-activity settings (epoch, end of mission, f107, "
                         f"reentry_altitude, max_time) in one call: each builds a table of the decay (about a "
                         f"second), at most {_MAX_SETTINGS} per call; split the call or round the dates")
    inverse = inverse.ravel()
    order = np.argsort(inverse, kind="stable")
    bounds = np.searchsorted(inverse[order], np.arange(len(rows) + 1))
    return [(tuple(map(float, row)), order[bounds[k]:bounds[k + 1]]) for k, row in enumerate(rows)]


def _per_setting(shape: tuple[int, ...], columns: tuple[np.ndarray, ...], points: tuple[np.ndarray, ...],
                 evaluate: Any) -> np.ndarray:
    """evaluate(row, *points) for each distinct setting row, on its points only: one table per setting."""
    out = np.empty(shape)
    settings = _distinct(shape, columns)
    if settings[0][1] is None:
        out[...] = evaluate(settings[0][0], *points)
        return out
    flat = [np.broadcast_to(p, shape).ravel() for p in points]
    for row, idx in settings:
        out.flat[idx] = evaluate(row, *(p[idx] for p in flat))
    return out


def _lifetime(h_m: np.ndarray, beta: np.ndarray, h_re_m: np.ndarray, t0_s: np.ndarray, limit_s: np.ndarray,
              ap: float, key: tuple[float, float, float, float], f107: np.ndarray | None) -> np.ndarray:
    """Lifetime [s] of each point, interpolated in the tables of its setting (inf beyond limit_s)."""
    _check_beta(beta)
    shape = np.broadcast_shapes(*(np.shape(x) for x in (h_m, beta, h_re_m, t0_s, limit_s)),
                                *(() if f107 is None else (np.shape(f107),)))
    if np.any(np.broadcast_to(h_m <= h_re_m, shape)):
        raise ValueError(f"altitude: must be above reentry_altitude ({np.min(h_re_m) / 1e3:g} km)")

    def cycle(row: tuple[float, ...], h: np.ndarray, b: np.ndarray, lim: np.ndarray) -> np.ndarray:
        # the lifetime L where the column H(., B), linear in log B between columns, reaches h: a bisection
        # over the (increasing) lifetime nodes, the same number of passes for every point and every batch
        t0, h_re, limit = row
        life, table = _cycle_lifetime_table(t0, h_re, limit, ap, key)
        j, wb = _log_b_cell(_LOG_B, b)
        h, j, wb = np.broadcast_arrays(h, j, wb)
        flat, width = table.ravel(), table.shape[1]

        def column(k: np.ndarray) -> np.ndarray:
            at = k * width + j
            return (1.0 - wb) * flat[at] + wb * flat[at + 1]

        lo = np.zeros(h.shape, dtype=np.int64)        # column(lo) = h_re < h
        hi = np.full(h.shape, len(life) - 1)          # h <= column(hi) unless L > the table's span
        for _ in range(int(np.ceil(np.log2(len(life) - 1)))):
            mid = (lo + hi) // 2
            below = column(mid) < h
            lo = np.where(below, mid, lo)
            hi = np.where(below, hi, mid)
        c_lo, c_hi = column(lo), column(hi)
        w = np.clip((h - c_lo) / np.where(c_hi > c_lo, c_hi - c_lo, 1.0), 0.0, 1.0)
        out = life[lo] + w * (life[hi] - life[lo])
        return np.where((out > lim) | (h > c_hi), np.inf, out)

    def steady(row: tuple[float, ...], h: np.ndarray, b: np.ndarray, lim: np.ndarray) -> np.ndarray:
        h_re, f = row
        h_nodes, q = _steady_lifetime_table(h_re, ap, f)
        i, wh = _cell(h_nodes, h)
        life = b * np.exp((1.0 - wh) * q[i] + wh * q[i + 1]) * (h - h_re)
        return np.where(life > lim, np.inf, life)

    if f107 is None:
        return _per_setting(shape, (t0_s, h_re_m, limit_s), (h_m, beta, limit_s), cycle)
    return _per_setting(shape, (h_re_m, f107), (h_m, beta, limit_s), steady)


def _circular_altitude(lifetime_s: float, beta: np.ndarray, t_start_s: np.ndarray, h_re_m: np.ndarray, ap: float,
                       key: tuple[float, float, float, float], f107: np.ndarray | None) -> np.ndarray:
    """The circular altitude [m] whose lifetime from t_start is lifetime_s (one value), interpolated linearly
    in log B in the table of its setting."""
    _check_beta(beta)
    shape = np.broadcast_shapes(*(np.shape(x) for x in (beta, t_start_s, h_re_m)),
                                *(() if f107 is None else (np.shape(f107),)))

    def evaluate(row: tuple[float, ...], b: np.ndarray) -> np.ndarray:
        if f107 is None:
            table = _circular_altitude_table(row[0], lifetime_s, row[1], ap, key, None)
        else:
            table = _circular_altitude_table(0.0, lifetime_s, row[0], ap, None, row[1])
        j, w = _log_b_cell(_LOG_B_FINE, b)
        return (1.0 - w) * table[j] + w * table[j + 1]

    columns = (t_start_s, h_re_m) if f107 is None else (h_re_m, f107)
    return _per_setting(shape, columns, (beta,), evaluate)


@named_shapes
def station_keeping_delta_v(altitude: Any, mission_duration: Any, *, ballistic_coefficient: Any, epoch: Any,
                            f107: Any = None, ap: float = _AP_DEFAULT,
                            cycle: SolarCycle = MEAN_SOLAR_CYCLE) -> pint.Quantity:
    """Delta-v that holds a circular orbit against drag over a mission, with the mission-mean MSIS density.

    .. math:: \\Delta v = \\frac{\\langle\\rho\\rangle v^2}{2B} T, \\qquad v = \\sqrt{\\mu / (R_E + h)}

    ([SMAD1999] sec. 6.2.3: the drag deceleration times the time held; the same kernel as
    ``structure.drag_makeup_delta_v``, with :func:`spacedc.orbit.atmosphere.mission_mean_density` in place of
    the static exponential atmosphere.)

    Parameters
    ----------
    altitude : Quantity [length]
        Operating altitude, 100-2000 km.
    mission_duration : Quantity [time]
        Time held there, T (>= 0).
    ballistic_coefficient : Quantity [mass/area]
        B = m / (C_D A) (> 0).
    epoch : date
        Start of the mission (the phase of the solar cycle).
    f107, ap, cycle
        As in :func:`orbital_lifetime`.

    Returns
    -------
    Quantity [m/s]

    Examples
    --------
    Ten years at 550 km from 2030 with B = 100 kg/m^2:

    >>> round(station_keeping_delta_v("550 km", "10 year", ballistic_coefficient="100 kg/m^2",
    ...                               epoch="2030-01-01").m_as("m/s"), 1)
    41.9
    """
    h = _altitude_in(altitude) * 1e3
    t = si(mission_duration, "s", "mission_duration", lo=0)
    beta = si(ballistic_coefficient, "kg/m^2", "ballistic_coefficient", lo=0, lo_open=True)
    rho = mission_mean_density(Q_(h / 1e3, "km"), epoch, Q_(t, "s"), f107=f107, ap=ap,
                               cycle=cycle).m_as("kg/m^3")
    return quantity(_drag_dv(rho, h, 1.0 / beta, t), "m/s")


@dataclasses.dataclass(frozen=True)
class DisposalPlan(Result):
    """Result of :func:`disposal_plan`.

    Attributes
    ----------
    delta_v : Quantity [m/s]
        The disposal burn (0 where the natural decay meets the rule).
    target_perigee : Quantity [km]
        Perigee after the burn (the operating altitude where no burn is needed).
    natural_lifetime : Quantity [year]
        Lifetime from the operating altitude at the end of the mission without a burn (``inf``: more than
        ``max_time``).
    residual_lifetime : Quantity [year]
        Lifetime after the burn: the natural lifetime where no burn is needed, an upper bound (the circular
        orbit at the new semi-major axis) after a perigee-lowering burn, 0 for a prompt re-entry.
    rule : str
        The rule's name (:data:`DISPOSAL_RULES`).
    meets_rule : bool or numpy.ndarray
        Whether the plan meets the rule.
    reasons : str or numpy.ndarray
        Why not, one sentence per point ("" where it does).
    """

    delta_v: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    target_perigee: pint.Quantity = dataclasses.field(metadata={"unit": "km"})
    natural_lifetime: pint.Quantity = dataclasses.field(metadata={"unit": "year"})
    residual_lifetime: pint.Quantity = dataclasses.field(metadata={"unit": "year"})
    rule: str
    meets_rule: Any
    reasons: Any


def _rule_limit(rule: str) -> float | None:
    if not isinstance(rule, str) or rule not in DISPOSAL_RULES:
        raise ValueError(f"rule = {rule!r}: expected one of {', '.join(map(repr, DISPOSAL_RULES))}")
    return DISPOSAL_RULES[rule]


@named_shapes
def disposal_plan(altitude: Any, *, ballistic_coefficient: Any, end_of_mission: Any, rule: str = "fcc-5yr",
                  propulsive: Any = True, max_delta_v: Any = None, f107: Any = None, ap: float = _AP_DEFAULT,
                  cycle: SolarCycle = MEAN_SOLAR_CYCLE, reentry_altitude: Any = "100 km",
                  max_time: Any = "100 year") -> DisposalPlan:
    """The delta-v to leave a circular orbit within a disposal rule.

    If the natural lifetime from the operating altitude, starting at the end of the mission, is within the
    rule's limit, no burn is needed. Otherwise one tangential burn lowers the perigee to
    :math:`h_p = \\max(2 h_c - h, 50\\,km)`, where :math:`h_c` is the circular altitude whose lifetime is the
    limit (see the module notes for why this bounds the residual lifetime), with

    .. math:: \\Delta v = v_c \\left(1 - \\sqrt{\\frac{2 r_p}{r_a + r_p}}\\right)

    ``"prompt"`` lowers the perigee to 50 km whatever the lifetime.

    Parameters
    ----------
    altitude : Quantity [length]
        Operating altitude (held until the end of the mission), 100-2000 km.
    ballistic_coefficient : Quantity [mass/area]
        B = m / (C_D A) (> 0) at the end of the mission.
    end_of_mission : date
        When the disposal starts (the phase of the solar cycle).
    rule : str
        ``"fcc-5yr"`` (default), ``"25yr"`` or ``"prompt"`` (:data:`DISPOSAL_RULES`).
    propulsive : bool or array of bool
        Whether the satellite can burn at the end of the mission (default True).
    max_delta_v : Quantity [speed], optional
        The most the propulsion can give for disposal; a larger need fails the rule.
    f107, ap, cycle, reentry_altitude, max_time
        As in :func:`orbital_lifetime`.

    Returns
    -------
    DisposalPlan

    Examples
    --------
    From 650 km (B = 100 kg/m^2, end of mission 2035) the natural decay takes decades: the FCC's 5 years need a
    burn of 60 m/s, a prompt re-entry 170 m/s.

    >>> plan = disposal_plan("650 km", ballistic_coefficient="100 kg/m^2", end_of_mission="2035-01-01")
    >>> plan.meets_rule, round(plan.delta_v.m_as("m/s"), 1), round(plan.target_perigee.m_as("km"))
    (True, 60.2, 430)
    >>> round(disposal_plan("650 km", ballistic_coefficient="100 kg/m^2", end_of_mission="2035-01-01",
    ...                     rule="prompt").delta_v.m_as("m/s"), 1)
    169.8
    """
    limit_years = _rule_limit(rule)
    h, beta, h_re, a, t0, f = _decay_inputs(altitude, ballistic_coefficient, end_of_mission, f107, ap,
                                            reentry_altitude, cycle)
    limit = si(max_time, "s", "max_time", lo=0, lo_open=True)
    can_burn = np.asarray(propulsive)
    if can_burn.dtype != bool:
        raise TypeError(f"propulsive = {propulsive!r}: expected a bool or an array of bools")
    dv_max = np.inf if max_delta_v is None else si(max_delta_v, "m/s", "max_delta_v", lo=0)
    key = cycle._key()
    natural = _lifetime(h, beta, h_re, t0, limit, a, key, f)
    arrays = np.broadcast_arrays(h, beta, h_re, t0, natural, can_burn, dv_max)
    h, beta, h_re, t0, natural = (np.asarray(x, dtype=float) for x in arrays[:5])
    can_burn, dv_max = arrays[5], np.asarray(arrays[6], dtype=float)

    prompt_m = np.full(h.shape, PROMPT_PERIGEE_KM * 1e3)
    if limit_years is None:
        natural_ok = np.zeros(h.shape, dtype=bool)
        hp = prompt_m
        residual = np.zeros(h.shape)
        limit_text = "a prompt re-entry"
    else:
        rule_s = np.full(h.shape, limit_years * _YEAR_S)
        natural_ok = natural <= rule_s
        h_c = _circular_altitude(limit_years * _YEAR_S, beta, t0, h_re, a, key, f)
        hp = np.where(natural_ok, h, np.clip(2.0 * h_c - h, prompt_m, h))
        residual = np.where(natural_ok, natural, np.where(hp > prompt_m, rule_s, 0.0))
        limit_text = f"the {limit_years:g}-year rule"
    dv = np.where(natural_ok, 0.0, _disposal_dv(h, hp))
    no_burn = ~natural_ok & ~can_burn
    too_much = ~natural_ok & can_burn & (dv > dv_max)
    meets = ~(no_burn | too_much)
    years = natural / _YEAR_S
    reasons = Reasons.mask(
        h.shape,
        (no_burn, f"the natural lifetime exceeds {limit_text} and the satellite has no propulsion to dispose of "
                  f"itself"),
        (too_much, f"disposal within {limit_text} needs more delta-v than max_delta_v"))
    return DisposalPlan(delta_v=quantity(dv, "m/s"), target_perigee=quantity(hp / 1e3, "km"),
                        natural_lifetime=quantity(years, "year"), residual_lifetime=quantity(residual / _YEAR_S, "year"),
                        rule=rule, meets_rule=scalar_or_array(meets, bool),
                        reasons=reasons)


@dataclasses.dataclass(frozen=True)
class LifetimeBudget(Result):
    """Result of :func:`lifetime_budget`.

    Attributes
    ----------
    ballistic_coefficient : Quantity [kg/m^2]
        B = m / (C_D A).
    natural_lifetime : Quantity [year]
        Lifetime from the operating altitude at the start of the mission, uncontrolled (``inf``: more than
        ``max_time``).
    mean_density : Quantity [kg/m^3]
        Mission-mean density at the operating altitude.
    station_keeping_delta_v, disposal_delta_v, delta_v : Quantity [m/s]
        Drag make-up over the mission, the disposal burn, and their sum.
    disposal : DisposalPlan
        The disposal in full.
    meets_rule : bool or numpy.ndarray
        Whether the disposal meets the rule.
    reasons : str or numpy.ndarray
        Why not ("" where it does).
    """

    ballistic_coefficient: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m^2"})
    natural_lifetime: pint.Quantity = dataclasses.field(metadata={"unit": "year"})
    mean_density: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m^3"})
    station_keeping_delta_v: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    disposal_delta_v: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    delta_v: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    disposal: DisposalPlan
    meets_rule: Any
    reasons: Any


@named_shapes
def lifetime_budget(altitude: Any, *, mass: Any, drag_area: Any, drag_coefficient: Any = DRAG_COEFFICIENT,
                    mission_duration: Any, epoch: Any, rule: str = "fcc-5yr", propulsive: Any = True,
                    max_delta_v: Any = None, f107: Any = None, ap: float = _AP_DEFAULT,
                    cycle: SolarCycle = MEAN_SOLAR_CYCLE, reentry_altitude: Any = "100 km",
                    max_time: Any = "100 year") -> LifetimeBudget:
    """Natural lifetime, station-keeping over the mission and disposal within a rule, for one satellite design.

    Parameters
    ----------
    altitude : Quantity [length]
        Operating circular altitude, 100-2000 km.
    mass : Quantity [mass]
        Spacecraft mass (> 0); the wet mass is conservative for drag.
    drag_area : Quantity [area]
        Mean area normal to the velocity (> 0).
    drag_coefficient : float
        C_D (> 0), 2.2 by default (free-molecular flow, [Vallado2013] ch. 8).
    mission_duration : Quantity [time]
        Time held at the altitude (>= 0).
    epoch : date
        Start of the mission; the disposal starts at ``epoch + mission_duration``.
    rule, propulsive, max_delta_v
        As in :func:`disposal_plan`.
    f107, ap, cycle, reentry_altitude, max_time
        As in :func:`orbital_lifetime`.

    Returns
    -------
    LifetimeBudget
        Delta-v only: the propellant follows from ``structure.propellant_mass(dry_mass, budget.delta_v, isp)``
        (the rocket equation lives in the structure package, which may import orbit but not the reverse).

    Examples
    --------
    A 2 t satellite with 20 m^2 of drag area at 550 km for 5 years from 2030, under the FCC's rule:

    >>> b = lifetime_budget("550 km", mass="2 t", drag_area="20 m^2", mission_duration="5 year",
    ...                     epoch="2030-01-01")
    >>> b.meets_rule, round(b.station_keeping_delta_v.m_as("m/s"), 1), round(b.disposal_delta_v.m_as("m/s"), 1)
    (True, 20.8, 0.0)
    """
    m = si(mass, "kg", "mass", lo=0, lo_open=True)
    area = si(drag_area, "m^2", "drag_area", lo=0, lo_open=True)
    cd = fraction(drag_coefficient, "drag_coefficient", lo=0, hi=None, lo_open=True)
    beta = Q_(m / (cd * area), "kg/m^2")
    duration = si(mission_duration, "s", "mission_duration", lo=0)
    start = _seconds(epoch, "epoch")
    t_eom = np.broadcast_to(start, np.broadcast_shapes(np.shape(start), np.shape(duration))) + duration
    eom = (np.asarray(np.round(t_eom * 1e6), dtype=np.int64)).astype("datetime64[us]")
    natural = orbital_lifetime(altitude, beta, epoch=epoch, f107=f107, ap=ap, cycle=cycle,
                               reentry_altitude=reentry_altitude, max_time=max_time)
    rho = mission_mean_density(altitude, epoch, Q_(duration, "s"), f107=f107, ap=ap, cycle=cycle)
    h = _altitude_in(altitude) * 1e3
    keep = _drag_dv(rho.m_as("kg/m^3"), h, 1.0 / beta.m_as("kg/m^2"), duration)
    plan = disposal_plan(altitude, ballistic_coefficient=beta, end_of_mission=eom, rule=rule, propulsive=propulsive,
                         max_delta_v=max_delta_v, f107=f107, ap=ap, cycle=cycle, reentry_altitude=reentry_altitude,
                         max_time=max_time)
    dispose = plan.delta_v.m_as("m/s")
    keep, dispose = np.broadcast_arrays(keep, dispose)
    shape = keep.shape
    return LifetimeBudget(
        ballistic_coefficient=quantity(np.broadcast_to(beta.m_as("kg/m^2"), shape), "kg/m^2"),
        natural_lifetime=quantity(np.broadcast_to(natural.m_as("year"), shape), "year"),
        mean_density=quantity(np.broadcast_to(rho.m_as("kg/m^3"), shape), "kg/m^3"),
        station_keeping_delta_v=quantity(keep, "m/s"), disposal_delta_v=quantity(dispose, "m/s"),
        delta_v=quantity(keep + dispose, "m/s"), disposal=plan, meets_rule=plan.meets_rule, reasons=plan.reason_codes)
