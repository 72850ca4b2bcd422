"""Optimisation of a design: the smallest value of one output over the fields the engineer frees, subject to the
design being feasible and every margin of :mod:`designs.margins` being at least zero.

:func:`optimize` takes a design, the objective (any numeric column of :func:`designs.result.sweep_columns`:
``mass.total_kg``, ``station.total_kg``, ``cost.per_kWh_USD``; a name without its unit suffix, ``cost.per_kWh``,
where it names exactly one column) and the free fields, written as a sweep's ``--vary`` texts
(:func:`designs.plan.parse_variation`):

- ``section.field=LO:HI`` (units as the sweep's: ``thermal.panel_width=2 m:6 m`` or ``2:6`` in the field's unit)
  frees a continuous field over that range;
- a list ``section.field=V1,V2,...`` (``launch.modules=1,2,4``, ``thermal.panel_width=3,4,5``), a count's range
  ``thermal.wings=2:8`` (every whole number) and a named choice ``launch.vehicle=falcon-9,starship`` are
  enumerated: every combination of their values is its own population.

For a station of modules (``launch.modules``), ``mass.total_kg`` is one module's wet mass: minimise
``station.total_kg`` (the modules' total) to compare stations of different module counts, and pass
``hold_station=True`` so that each module carries ``ceil(N0 n0 / n)`` chips for ``n`` modules, the design's
``N0 = payload.chip_count`` over its ``n0 = launch.modules`` held as the count varies.

Method
------
1. **Population.** For each combination of the enumerated values, ``samples`` points of the continuous fields
   from a scrambled Sobol' sequence (``scipy.stats.qmc.Sobol``, [SciPy-qmc]) on the unit hypercube, mapped
   linearly to the ranges. Every combination of named choices is sized in one vectorized
   :func:`designs.size` call (``transient=False``) holding all its counts and samples.
2. **Local refinement.** From the best feasible point of each of the ``starts`` best combinations, SLSQP
   (Kraft's sequential least-squares programming, ``scipy.optimize.minimize(method="SLSQP")``, [SciPy-SLSQP])
   on the continuous fields normalised to [0, 1], the objective scaled by its starting value, every margin an
   inequality constraint ``m(x) >= 0``. The gradients of the objective and of every margin are forward
   differences of step ``1e-3`` (backward at the upper bound), the ``d + 1`` points sized in one vectorized
   call. The enumerated fields stay at the start's values.
3. **Polish.** A shrinking-population search around the incumbent: ``polish`` rounds, each one vectorized
   call of ``samples`` Sobol' points in a box of half-width ``h`` (normalised units) about the best feasible
   point and the ``2 d`` points ``h`` away from it along each axis (clipped to the bounds); ``h`` starts at
   0.1 and halves after a round that finds nothing better. The panel counts (whole panels) make the chain
   piecewise, and this step finds what SLSQP's gradients cannot see.

Every point sized in any step is kept (:attr:`OptimizeResult.samples`), and the optimum is the best feasible one
of them all: it is never worse than the best sampled feasible point, and a step that would leave the feasible
set is never accepted. The sizing is the steady one (``transient=False``), as in a sweep: check the written
design with ``spacedc size``, which also runs the orbit transient.

Reported at the optimum: the free fields' values, the objective, the margins and those active (within
``active_tol`` of zero), the free fields at a bound, and the sensitivity of the objective to each free field
(central differences, one vectorized call: d objective / d field in the field's unit, and the elasticity
``(x / f) df/dx``; for an enumerated field, the objective at each of its other values with the rest held).

>>> from spacedc import designs
>>> opt = designs.optimize("sso-100kw", minimize="mass.total_kg", free=["thermal.panel_width=1.5:3 m"],
...                        samples=8, polish=0, starts=1)
>>> bool(opt.feasible), opt.objective
(True, 'mass.total_kg')
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import json
import math
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from spacedc.designs.design import Design, load
from spacedc.designs.margins import MARGINS
from spacedc.designs.plan import Variation, parse_variation
from spacedc.designs.spec import DesignError
from spacedc.units import Q_

__all__ = ["OptimizeResult", "objective_column", "optimize", "optimize_paths", "report_lines", "write_optimum_toml"]

#: Forward-difference step of SLSQP's gradients, in normalised units (a fraction of each range).
_FD_STEP = 1e-3
#: A continuous field within this share of its range from a bound is reported at that bound.
_AT_BOUND = 1e-3
#: Central-difference half-step of the reported sensitivities, in normalised units.
_SENS_STEP = 1e-2
#: A margin not formed (-inf) or very large is clipped to this for SLSQP.
_CLIP = 10.0
#: Points per vectorized call at most (a population larger than this is sized in several calls).
_CHUNK = 50_000
#: The most combinations of enumerated values a search takes (each is a population of its own).
_MAX_COMBINATIONS = 10_000
#: SLSQP stops when the best feasible objective improves by less than this (relative) over _PATIENCE iterations.
_STALL, _PATIENCE = 1e-6, 3


@dataclasses.dataclass
class OptimizeResult:
    """What :func:`optimize` found.

    Attributes
    ----------
    objective : str
        The column minimised (``"station.total_kg"``).
    feasible : bool
        Whether any evaluated point is feasible with every margin held; the fields below that describe the
        optimum are None where not.
    value : float or None
        The objective at the optimum, in the column's unit (the suffix of its name).
    optimum : dict or None
        The free fields' values at the optimum: a Quantity in the field's unit, an int for a count, a str for a
        named choice; with ``hold_station``, ``payload.chip_count`` too.
    design : Design or None
        The design with the optimum's values.
    result : DesignResult or None
        The optimum sized (``transient=False``).
    margins : dict or None
        Every margin at the optimum (float).
    active : list of str
        The margins within ``active_tol`` of zero at the optimum.
    at_bound : dict
        Continuous free fields at a bound of their range: key -> ``"lower"`` or ``"upper"``.
    sensitivity : dict
        Per free field: ``{"per_unit", "unit", "elasticity"}`` for a continuous one (d objective / d field in
        the objective's unit per the field's unit; ``(x / f) df/dx``), ``{"alternatives": {value: objective or
        None where infeasible}}`` for an enumerated one.
    history : list of dict
        ``{"iteration", "stage", "evaluations", "best"}``: the best feasible objective after each step
        (``population``, ``slsqp`` iterations, ``polish`` rounds), the evaluations counted so far.
    evaluations : int
        Points sized by the search (the sensitivities' points about the optimum are sized besides).
    feasible_count : int
        Evaluated points that are feasible with every margin held.
    samples : dict of numpy arrays
        Every evaluated point: one column per free field (in its column's unit; counts as ints, names as str),
        ``objective``, ``held`` (feasible with every margin held) and ``stage``.
    failing : dict
        Over every evaluated point, how often each margin is below zero, and ``"infeasible (other)"`` for
        infeasible points with every margin held; most frequent first.
    transient : bool or None
        Whether the optimum stays feasible once sized as ``spacedc size`` sizes it, with the orbit transient
        (None where not checked: ``check_transient=False``, or no optimum).
    transient_reasons : str
        Its reasons where it does not.
    seconds : float
        Wall-clock time of the search.
    method : str
        The method in one line.
    """

    objective: str
    feasible: bool
    value: float | None
    optimum: dict[str, Any] | None
    design: Design | None
    result: Any
    margins: dict[str, float] | None
    active: list[str]
    at_bound: dict[str, str]
    sensitivity: dict[str, Any]
    history: list[dict[str, Any]]
    evaluations: int
    feasible_count: int
    samples: dict[str, np.ndarray]
    failing: dict[str, int]
    seconds: float
    method: str
    free: tuple[str, ...] = ()
    source: Path | None = None
    hold_station: bool = False
    transient: bool | None = None
    transient_reasons: str = ""

    def reason(self) -> str:
        """Why no point is feasible: the constraints that fail most often (for an infeasible search)."""
        n = self.evaluations
        return f"none of the {n:,} points sized is feasible; the constraints failing, most often first: " + ", ".join(
            f"{k} ({100 * v / n:.0f} %)" for k, v in self.failing.items())

    def to_json(self) -> dict[str, Any]:
        """The result as JSON-ready data (``optimize.json``): SI-suffixed or plain values, no arrays."""
        def plain(v: Any) -> Any:
            if hasattr(v, "magnitude"):
                return {"value": float(v.magnitude), "unit": f"{v.units:~}"}
            if isinstance(v, (np.integer,)):
                return int(v)
            if isinstance(v, (np.floating, float)):
                return float(v) if math.isfinite(v) else None
            return v

        return {
            "objective": self.objective, "feasible": self.feasible, "value": plain(self.value),
            "optimum": None if self.optimum is None else {k: plain(v) for k, v in self.optimum.items()},
            "margins": self.margins, "active_constraints": self.active, "at_bound": self.at_bound,
            "sensitivity": {k: {kk: ({str(a): plain(b) for a, b in vv.items()} if isinstance(vv, dict) else
                                     plain(vv)) for kk, vv in s.items()} for k, s in self.sensitivity.items()},
            "history": self.history, "evaluations": self.evaluations, "feasible_samples": self.feasible_count,
            "failing": self.failing, "seconds": self.seconds, "method": self.method, "free": list(self.free),
            "hold_station": self.hold_station, "transient_feasible": self.transient,
            "transient_reasons": self.transient_reasons,
        }


# ---------------------------------------------------------------------------------------------------------------
# the objective


def _numeric_columns(design: Design) -> dict[str, np.ndarray]:
    from spacedc.designs.chain import size
    from spacedc.designs.result import sweep_columns

    cols = sweep_columns(size(design, transient=False))
    return {k: v for k, v in cols.items() if v is not None and np.asarray(v).dtype.kind in "fiub"}


def objective_column(name: str, columns: Sequence[str]) -> str:
    """The column ``name`` names among ``columns``: itself, or the one column that is ``name`` with its unit
    suffix (``cost.per_kWh`` -> ``cost.per_kWh_USD``); an unknown or ambiguous name raises
    :class:`designs.DesignError` with the closest columns.

    Examples
    --------
    >>> objective_column("cost.per_kWh", ["cost.per_kWh_USD", "cost.per_kw_year_USD", "mass.total_kg"])
    'cost.per_kWh_USD'
    """
    from spacedc.designs.html_report import unit_of_key

    name = name.strip()
    if name in columns:
        return name
    matches = []
    for c in columns:
        section, _, key = c.partition(".")
        if f"{section}.{unit_of_key(key)[0]}" == name:
            matches.append(c)
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise DesignError(f"--minimize {name!r} names several columns ({', '.join(matches)}): give one in full")
    close = difflib.get_close_matches(name, list(columns), n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
    raise DesignError(f"--minimize {name!r}: not a numeric column of the summary{hint} (columns are section.key "
                      "as in summary.json, e.g. mass.total_kg, station.total_kg, cost.per_kWh_USD)")


# ---------------------------------------------------------------------------------------------------------------
# the free fields


@dataclasses.dataclass(frozen=True)
class _Free:
    """The free fields split into continuous ones (ranges) and enumerated ones (their values)."""

    continuous: tuple[Variation, ...]
    enumerated: tuple[Variation, ...]

    @property
    def lo(self) -> np.ndarray:
        return np.array([v.law.params[0] for v in self.continuous])

    @property
    def hi(self) -> np.ndarray:
        return np.array([v.law.params[1] for v in self.continuous])

    def values(self, u: np.ndarray) -> np.ndarray:
        """Normalised points (n, d) in the columns' units."""
        return self.lo + u * (self.hi - self.lo)

    def combinations(self) -> np.ndarray:
        """Every combination of the enumerated values as indices (c, e)."""
        sizes = [len(v.values) for v in self.enumerated]
        return np.array(list(itertools.product(*(range(s) for s in sizes))), dtype=np.intp).reshape(
            math.prod(sizes), len(sizes))


_NUMBER = r"\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*"
_SHARED_UNIT = re.compile(rf"^({_NUMBER}):({_NUMBER})\s*([A-Za-z_][A-Za-z_0-9/*^ .]*)$")


def _parse_free(design: Design, free: Sequence[str]) -> _Free:
    if isinstance(free, str):
        free = [free]
    if not free:
        raise DesignError("optimize needs at least one free field (--free section.field=LO:HI)")
    parsed = []
    for text in free:
        if not isinstance(text, str):
            raise DesignError(f"--free {text!r}: expected a text section.field=LO:HI or section.field=V1,V2,...")
        key, eq, spec = text.partition("=")
        m = _SHARED_UNIT.match(spec)
        if eq and m:  # "2:6 m": the unit after HI is LO's too
            spec = f"{m.group(1)} {m.group(3)}:{m.group(2)} {m.group(3)}"
        try:
            v = parse_variation(f"{key}={spec}" if eq else text, design, sampled=True)
        except DesignError as exc:
            raise DesignError(str(exc).replace("--vary", "--free", 1)) from None
        if v.law is not None and v.law.name != "uniform":
            raise DesignError(f"--free {text!r}: a free field takes a range LO:HI or a list V1,V2,..., not a "
                              f"distribution ({v.law.name})")
        parsed.append(v)
    keys = [v.key for v in parsed]
    if len(set(keys)) != len(keys):
        raise DesignError(f"--free: a field is freed twice ({', '.join(k for k in keys if keys.count(k) > 1)})")
    return _Free(tuple(v for v in parsed if v.law is not None), tuple(v for v in parsed if v.law is None))


def _kw(key: str) -> str:
    return key.replace(".", "__", 1)


# ---------------------------------------------------------------------------------------------------------------
# evaluation


class _Evaluator:
    """Sizes points (normalised continuous values, enumerated indices), one vectorized call per combination of
    named choices, and keeps every point it sizes."""

    def __init__(self, design: Design, free: _Free, objective: str, hold_station: bool) -> None:
        self.design, self.free, self.objective, self.hold = design, free, objective, hold_station
        self.station_chips = int(design.payload.chip_count) * int(design.launch.modules)
        self.kept: list[dict[str, np.ndarray]] = []
        self.evaluations = 0
        self.best: float = math.inf
        self.best_point: tuple[np.ndarray, np.ndarray] | None = None
        # every margin of the list, whichever a combination has (one not published is +inf: no constraint), so
        # a margin that only a later combination's vehicle or mode gives is a constraint too
        self.margin_names: list[str] = list(MARGINS)

    def changes(self, u: np.ndarray, k: np.ndarray) -> dict[str, Any]:
        """The ``section__field`` changes of points ``u`` (n, d) and ``k`` (n, e), all of one named combination."""
        ch: dict[str, Any] = {}
        x = self.free.values(u)
        for j, v in enumerate(self.free.continuous):
            ch[_kw(v.key)] = v.design_values(x[:, j])
        for j, v in enumerate(self.free.enumerated):
            ch[_kw(v.key)] = str(v.values[k[0, j]]) if v.is_choice else v.values[k[:, j]]
        if self.hold:
            modules = np.asarray(ch.get("launch__modules", self.design.launch.modules))
            ch["payload__chip_count"] = np.ceil(self.station_chips / modules).astype(np.int64)
        if not any(isinstance(c, np.ndarray) or hasattr(c, "magnitude") for c in ch.values()):
            power = self.design.payload.chip_power  # only names vary: make it an array call of n points
            ch["payload__chip_power"] = Q_(np.full(len(u), power.m), power.units)
        return ch

    def size(self, u: np.ndarray, k: np.ndarray) -> tuple[Any, Design]:
        from spacedc.designs.chain import size

        d = self.design.replace(**self.changes(u, k))
        return size(d, transient=False), d

    def __call__(self, u: np.ndarray, k: np.ndarray, stage: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Objective (n,), margins (n, m) and held (n,) of the points; every point of the search is kept and
        counted (a ``"sensitivity"`` point, sized about the optimum once it is chosen, is neither)."""
        from spacedc.designs import margins as _margins
        from spacedc.designs.result import sweep_columns

        n = len(u)
        u = np.asarray(u, dtype=float).reshape(n, len(self.free.continuous))
        k = np.asarray(k, dtype=np.intp).reshape(n, len(self.free.enumerated))
        f = np.empty(n)
        held = np.empty(n, dtype=bool)
        m_out: np.ndarray | None = None
        named = [j for j, v in enumerate(self.free.enumerated) if v.is_choice]
        codes = (np.ravel_multi_index(k[:, named].T, [len(self.free.enumerated[j].values) for j in named])
                 if named else np.zeros(n, dtype=np.intp))
        for code in np.unique(codes):
            rows_all = np.flatnonzero(codes == code)
            for s in range(0, len(rows_all), _CHUNK):
                rows = rows_all[s:s + _CHUNK]
                result, _ = self.size(u[rows], k[rows])
                col = np.broadcast_to(np.asarray(sweep_columns(result)[self.objective], dtype=float), (len(rows),))
                m = _margins.margins(result)
                if m_out is None:
                    m_out = np.empty((n, len(self.margin_names)))
                for i, name in enumerate(self.margin_names):
                    m_out[rows, i] = np.broadcast_to(m.get(name, np.inf), np.shape(result.feasible)).reshape(-1)
                held[rows] = np.broadcast_to(_margins.all_held(result), np.shape(result.feasible)).reshape(-1)
                f[rows] = col
        held &= np.isfinite(f)
        if stage == "sensitivity":
            return f, m_out, held
        self.evaluations += n
        x = self.free.values(u)
        rec: dict[str, np.ndarray] = {}
        for j, v in enumerate(self.free.continuous):
            rec[v.key] = x[:, j]
        for j, v in enumerate(self.free.enumerated):
            rec[v.key] = np.asarray(getattr(v.values, "magnitude", v.values))[k[:, j]]
        rec |= {"objective": f, "held": held, "stage": np.full(n, stage), "_u": u, "_k": k, "_m": m_out}
        self.kept.append(rec)
        if held.any():
            i = int(np.argmin(np.where(held, f, np.inf)))
            if f[i] < self.best:
                self.best, self.best_point = float(f[i]), (u[i].copy(), k[i].copy())
        return f, m_out, held


# ---------------------------------------------------------------------------------------------------------------
# the search


def _sobol(d: int, n: int, seed: int) -> np.ndarray:
    """``n`` scrambled Sobol' points in [0, 1)^d ([SciPy-qmc]); one empty point where nothing is continuous."""
    import warnings

    from scipy.stats import qmc

    if d == 0:
        return np.zeros((1, 0))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # balance for powers of 2 only; any n is accepted here
        return qmc.Sobol(d=d, scramble=True, seed=seed).random(n)


def _slsqp(ev: _Evaluator, u0: np.ndarray, k0: np.ndarray, maxiter: int, history: list, it: list) -> None:
    """SLSQP from ``u0`` with ``k0`` held; gradients by forward differences in one vectorized call."""
    from scipy.optimize import minimize

    d = len(u0)
    f0: list[float | None] = []
    cache: dict[bytes, tuple[float, np.ndarray, np.ndarray, np.ndarray]] = {}

    def at(x: np.ndarray) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
        x = np.clip(np.asarray(x, dtype=float), 0.0, 1.0)
        key = x.tobytes()
        if key not in cache:
            step = np.where(x + _FD_STEP <= 1.0, _FD_STEP, -_FD_STEP)
            pts = np.vstack([x, x + np.diag(step)])
            f, m, _ = ev(pts, np.repeat(k0[None, :], d + 1, axis=0), "slsqp")
            if not f0:  # the objective's scale: its value at the start
                f0.append(abs(f[0]) if np.isfinite(f[0]) and f[0] != 0 else 1.0)
            f = np.where(np.isfinite(f), f, 1e3 * f0[0]) / f0[0]
            # a margin not formed (NaN, -inf) is violated; one the combination does not have (+inf) holds
            m = np.clip(np.nan_to_num(m, nan=-_CLIP, posinf=_CLIP, neginf=-_CLIP), -_CLIP, _CLIP)
            cache[key] = (f[0], (f[1:] - f[0]) / step, m[0], (m[1:] - m[0]).T / step)
        return cache[key]

    def callback(x: np.ndarray) -> None:
        it[0] += 1
        history.append({"iteration": it[0], "stage": "slsqp", "evaluations": ev.evaluations,
                        "best": ev.best if math.isfinite(ev.best) else None})
        # stalled: the best feasible objective moved less than _STALL (relative) over the last _PATIENCE steps
        recent = [h["best"] for h in history[-_PATIENCE - 1:] if h["best"] is not None]
        if len(recent) > _PATIENCE and recent[0] - recent[-1] <= _STALL * abs(recent[0]):
            raise StopIteration

    at(u0)
    try:
        minimize(lambda x: at(x)[0], u0, jac=lambda x: at(x)[1], method="SLSQP", bounds=[(0.0, 1.0)] * d,
                 constraints=[{"type": "ineq", "fun": lambda x: at(x)[2], "jac": lambda x: at(x)[3]}],
                 callback=callback, options={"maxiter": maxiter, "ftol": 1e-8})
    except (StopIteration, ValueError, ArithmeticError):  # stalled, or a step the chain cannot size: keep the best
        pass


def optimize(design: Design | str | Path, minimize: str = "mass.total_kg", free: Sequence[str] = (), *,
             samples: int = 256, seed: int = 0, starts: int = 3, maxiter: int = 20, polish: int = 8,
             hold_station: bool = False, active_tol: float = 1e-2, check_transient: bool = True) -> OptimizeResult:
    """The smallest ``minimize`` over the ``free`` fields of ``design`` with the design feasible and every margin
    of :func:`designs.margins.margins` at least zero (the method is in the module docstring).

    Parameters
    ----------
    design : Design, str or Path
        A design, a TOML path or a reference design's name (a file is what :func:`write_optimum_toml` edits).
    minimize : str
        A numeric column of :func:`designs.result.sweep_columns` (``station.total_kg``), or one without its unit.
    free : sequence of str
        ``section.field=LO:HI`` (continuous) or ``section.field=V1,V2,...`` / a count's ``LO:HI`` / named
        choices (enumerated), as a sweep's ``--vary`` texts.
    samples : int
        Sobol' points per combination of the enumerated values, and per polish round (>= 1).
    seed : int
        The Sobol' scrambling seed (the same arguments give the same result).
    starts : int
        Combinations refined by SLSQP (their best feasible points), best first.
    maxiter : int
        SLSQP iterations per start.
    polish : int
        Rounds of the shrinking-population search (0 for none).
    hold_station : bool
        Hold the station's chips (``payload.chip_count`` x ``launch.modules``) as the module count varies.
    active_tol : float
        A margin at or below this (and at least zero) is reported active.
    check_transient : bool
        Size the optimum once more with the orbit transient (as ``spacedc size`` does) and report whether it
        holds (:attr:`OptimizeResult.transient`); the search itself sizes the steady chain only.

    Returns
    -------
    OptimizeResult

    Raises
    ------
    DesignError
        For a bad free field, objective or option, naming it.
    """
    t0 = time.perf_counter()
    source = None
    if not isinstance(design, Design):
        from spacedc.designs.design import _resolve

        source = _resolve(design)
        design = load(design)
    for name, value, lo in (("samples", samples, 1), ("seed", seed, 0), ("starts", starts, 0),
                            ("maxiter", maxiter, 0), ("polish", polish, 0)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < lo:
            raise DesignError(f"--{name} {value!r}: expected a whole number >= {lo}")
    fr = _parse_free(design, free)
    if hold_station and "launch.modules" not in {v.key for v in fr.enumerated}:
        raise DesignError("hold_station: free launch.modules (e.g. launch.modules=1,2,4) to hold the station's "
                          "chips as the module count varies")
    if hold_station and "payload.chip_count" in {v.key for v in (*fr.continuous, *fr.enumerated)}:
        raise DesignError("hold_station sets payload.chip_count from launch.modules: do not free it as well")
    objective = objective_column(minimize, list(_numeric_columns(design)))
    ev = _Evaluator(design, fr, objective, hold_station)
    d = len(fr.continuous)
    count = math.prod(len(v.values) for v in fr.enumerated)
    if count > _MAX_COMBINATIONS:
        raise DesignError(f"--free: the enumerated fields make {count:,} combinations (more than "
                          f"{_MAX_COMBINATIONS:,}); free fewer values, or give a count a range of fewer whole numbers")
    combos = fr.combinations()
    history: list[dict[str, Any]] = []
    it = [0]

    # 1. the population: every combination crossed with the Sobol' points, per named combination one call
    base = _sobol(d, samples if d else 1, seed)
    u = np.tile(base, (len(combos), 1))
    k = np.repeat(combos, len(base), axis=0)
    f, _, held = ev(u, k, "population")
    history.append({"iteration": 0, "stage": "population", "evaluations": ev.evaluations,
                    "best": ev.best if math.isfinite(ev.best) else None})

    # 2. SLSQP from the best feasible point of each of the best combinations
    if d and held.any() and starts and maxiter:
        per = np.where(held, f, np.inf).reshape(len(combos), len(base))
        order = np.argsort(per.min(axis=1))
        for c in order[:starts]:
            if not np.isfinite(per[c].min()):
                break
            _slsqp(ev, base[int(np.argmin(per[c]))], combos[c], maxiter, history, it)

    # 3. the shrinking-population polish about the incumbent
    if d and ev.best_point is not None:
        half = 0.1
        for r in range(polish):
            ub, kb = ev.best_point
            before = ev.best
            box = ub + (2 * _sobol(d, samples, seed + 1 + r) - 1) * half
            compass = ub + half * np.vstack([np.eye(d), -np.eye(d)])
            pts = np.clip(np.vstack([box, compass]), 0.0, 1.0)
            ev(pts, np.repeat(kb[None, :], len(pts), axis=0), "polish")
            if not ev.best < before:
                half /= 2
            it[0] += 1
            history.append({"iteration": it[0], "stage": "polish", "evaluations": ev.evaluations, "best": ev.best})

    samples_kept = {key: np.concatenate([rec[key] for rec in ev.kept]) for key in ev.kept[0]}
    failing = _failing(ev, samples_kept)
    method = (f"Sobol' population of {len(base)} per combination x {len(combos)} combination(s), SLSQP from "
              f"{min(starts, len(combos)) if d else 0} start(s) (forward-difference gradients, one vectorized "
              f"call each), {polish if d else 0} polish round(s) of {samples}")
    free_keys = tuple(v.key for v in (*fr.continuous, *fr.enumerated))
    if ev.best_point is None:
        return OptimizeResult(objective, False, None, None, None, None, None, [], {}, {}, history, ev.evaluations,
                              0, _public(samples_kept), failing, time.perf_counter() - t0, method, free_keys,
                              source, hold_station)
    ub, kb = ev.best_point
    result, best_design = ev.size(ub[None, :], kb[None, :])
    result, best_design = _scalar(best_design)
    optimum = _optimum(fr, ub, kb, best_design, hold_station)
    from spacedc.designs import margins as _margins

    m = {name: float(np.asarray(v).reshape(-1)[0]) for name, v in _margins.margins(result).items()}
    active = [name for name, v in m.items() if 0.0 <= v <= active_tol]
    at_bound = {v.key: ("lower" if ub[j] <= _AT_BOUND else "upper") for j, v in enumerate(fr.continuous)
                if ub[j] <= _AT_BOUND or ub[j] >= 1 - _AT_BOUND}
    sensitivity = _sensitivity(ev, fr, ub, kb)
    transient, transient_reasons = None, ""
    if check_transient:
        from spacedc.designs.chain import size

        full = size(best_design)
        transient = bool(full.feasible) and bool(_margins.all_held(full))
        transient_reasons = "" if transient else str(full.reasons)
    return OptimizeResult(objective, True, ev.best, optimum, best_design, result, m, active, at_bound, sensitivity,
                          history, ev.evaluations, int(samples_kept["held"].sum()), _public(samples_kept), failing,
                          time.perf_counter() - t0, method, free_keys, source, hold_station, transient,
                          transient_reasons)


def _scalar(design: Design) -> tuple[Any, Design]:
    """The optimum as a design of scalar fields (the arrays of one point taken apart), sized."""
    from spacedc.designs.chain import size

    ch = {}
    for f in dataclasses.fields(design):
        section = getattr(design, f.name)
        if not dataclasses.is_dataclass(section):
            continue
        for g in dataclasses.fields(section):
            if not g.init:
                continue
            value = getattr(section, g.name)
            mag = getattr(value, "magnitude", value)
            if isinstance(mag, np.ndarray) and mag.size == 1:
                one = mag.reshape(-1)[0]
                one = one.item() if hasattr(one, "item") else one
                ch[f"{f.name}__{g.name}"] = Q_(one, value.units) if hasattr(value, "units") else one
    design = design.replace(**ch) if ch else design
    return size(design, transient=False), design


def _optimum(fr: _Free, ub: np.ndarray, kb: np.ndarray, design: Design, hold: bool) -> dict[str, Any]:
    x = fr.values(ub[None, :])[0]
    out: dict[str, Any] = {}
    for j, v in enumerate(fr.continuous):
        out[v.key] = float(x[j]) if v.unit is None else _orbit_value(v.key, Q_(float(x[j]), v.unit))
    for j, v in enumerate(fr.enumerated):
        value = v.values[kb[j]]
        out[v.key] = (str(value) if v.is_choice else int(value) if np.asarray(value).dtype.kind in "iu" else
                      value if hasattr(value, "magnitude") else float(value))
    if hold:
        out["payload.chip_count"] = int(design.payload.chip_count)
    return out


def _sensitivity(ev: _Evaluator, fr: _Free, ub: np.ndarray, kb: np.ndarray) -> dict[str, Any]:
    """d objective / d field by central differences (one call), and each enumerated field's alternatives."""
    out: dict[str, Any] = {}
    d = len(ub)
    if d:
        up = np.clip(ub + _SENS_STEP * np.eye(d), 0.0, 1.0)
        dn = np.clip(ub - _SENS_STEP * np.eye(d), 0.0, 1.0)
        f, _, _ = ev(np.vstack([ub[None, :], up, dn]), np.repeat(kb[None, :], 2 * d + 1, axis=0), "sensitivity")
        x0, xu, xd = fr.values(ub[None, :])[0], fr.values(up), fr.values(dn)
        for j, v in enumerate(fr.continuous):
            slope = (f[1 + j] - f[1 + d + j]) / (xu[j, j] - xd[j, j])
            out[v.key] = {"per_unit": float(slope), "unit": _per(_objective_unit(ev.objective), v.unit),
                          "elasticity": float(slope * x0[j] / f[0]) if f[0] else None}
    for j, v in enumerate(fr.enumerated):
        ks = np.repeat(kb[None, :], len(v.values), axis=0)
        ks[:, j] = np.arange(len(v.values))
        f, _, held = ev(np.repeat(ub[None, :], len(ks), axis=0), ks, "sensitivity")
        names = np.asarray(getattr(v.values, "magnitude", v.values)).tolist()
        out[v.key] = {"alternatives": {str(n): (float(a) if h else None) for n, a, h in zip(names, f, held)}}
    return out


def _per(a: str, b: str | None) -> str:
    b = b or "1"
    return f"{a}/({b})" if re.search(r"[*/ ]", b) else f"{a}/{b}"


def _objective_unit(column: str) -> str:
    from spacedc.designs.html_report import unit_of_key

    return unit_of_key(column.partition(".")[2])[1] or "1"


def _failing(ev: _Evaluator, kept: dict[str, np.ndarray]) -> dict[str, int]:
    """How often each margin is below zero over every evaluated point, and how many points are infeasible with
    every margin held (``"infeasible (other)"``), most frequent first."""
    m = kept["_m"]
    counts = {name: int(np.count_nonzero(m[:, i] < 0)) for i, name in enumerate(ev.margin_names)}
    other = int(np.count_nonzero(~kept["held"] & np.all(m >= 0, axis=1)))
    if other:
        counts["infeasible (other)"] = other
    return dict(sorted(((k, v) for k, v in counts.items() if v), key=lambda kv: -kv[1]))


def _public(kept: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: v for k, v in kept.items() if not k.startswith("_")}


def _show(value: Any) -> str:
    if hasattr(value, "magnitude"):
        return f"{float(value.magnitude):.6g} {value.units:~P}"
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def report_lines(opt: OptimizeResult) -> list[str]:
    """The optimisation in lines of text, for the terminal and the HTML report: the optimum's fields with
    units and the objective, the active constraints and the fields at a bound, the sensitivities, the count of
    points and feasible points, and the time."""
    lines = [f"{opt.evaluations:,} points sized ({opt.feasible_count:,} feasible with every margin held) in "
             f"{opt.seconds:.1f} s: {opt.method}"]
    if not opt.feasible:
        return [*lines, opt.reason()]
    first = next((h["best"] for h in opt.history if h["best"] is not None), None)
    lines.append(f"minimum {opt.objective} = {opt.value:.6g} (best of the population: {first:.6g})")
    lines += [f"  {k} = {_show(v)}" for k, v in opt.optimum.items()]
    lines.append("active constraints (margins within tolerance of zero): " + (", ".join(
        f"{k} {opt.margins[k]:+.2g}" for k in opt.active) or "none"))
    if opt.transient is False:
        lines.append(f"with the orbit transient (spacedc size) the optimum is infeasible: {opt.transient_reasons}")
    lines.append("free fields at a bound: " + (", ".join(f"{k} ({v})" for k, v in opt.at_bound.items()) or "none"))
    for k, s in opt.sensitivity.items():
        if "alternatives" in s:
            alt = ", ".join(f"{a}: {'infeasible' if b is None else f'{b:.6g}'}" for a, b in s["alternatives"].items())
            lines.append(f"  d {opt.objective} over {k}: {alt}")
        else:
            e = "n/a" if s["elasticity"] is None else f"{s['elasticity']:+.3g}"
            lines.append(f"  d {opt.objective} / d {k} = {s['per_unit']:+.4g} {s['unit']} (elasticity {e})")
    return lines


# ---------------------------------------------------------------------------------------------------------------
# files


def optimize_paths(out_dir: str | Path, name: str) -> list[Path]:
    """The files an optimisation writes into ``out_dir``: ``<name>-optimum.toml``, ``optimize.json`` and the two
    plots (:mod:`designs.optplots`)."""
    from spacedc.designs.optplots import PLOTS

    out = Path(out_dir)
    return [out / f"{name}-optimum.toml", out / "optimize.json", *(out / p for p in PLOTS.values())]


def _toml_value(value: Any) -> str:
    if hasattr(value, "magnitude"):
        return json.dumps(f"{float(value.magnitude)!r} {value.units:~}")  # every digit: it sizes to the objective
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return repr(float(value))


def _orbit_value(key: str, value: Any) -> Any:
    """The orbit's fields are SI in the columns (m, rad, s): written in the file's units (km, deg, hours)."""
    from spacedc.designs.plan import _ORBIT_UNITS

    section, _, name = key.partition(".")
    if section == "orbit" and hasattr(value, "to") and name in _ORBIT_UNITS:
        return value.to(_ORBIT_UNITS[name])
    return value


def write_optimum_toml(opt: OptimizeResult, path: str | Path, source: str | Path | None = None) -> Path:
    """Write the optimum as a design file for ``spacedc size``: the design's own file (``source``, or the file
    :func:`optimize` loaded) with each free field's line replaced (added to its table where absent), a path
    ``base`` made relative to the new file's folder, and a header comment. Written atomically."""
    import os

    from spacedc.designs.design import reference_designs
    from spacedc.files import atomic_write_text

    if opt.optimum is None:
        raise ValueError("the search found no feasible point: there is no optimum to write")
    source = Path(source) if source is not None else opt.source
    if source is None:
        raise ValueError("write_optimum_toml needs the design's file (source=): optimize was given a Design")
    path = Path(path)
    lines = source.read_text(encoding="utf-8").splitlines()
    values = {k: _orbit_value(k, v) for k, v in opt.optimum.items()}
    by_section: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        section, _, name = key.partition(".")
        by_section.setdefault(section, {})[name] = value
    done: set[str] = set()
    section = ""
    header = re.compile(r"^\s*\[([A-Za-z_.]+)\]\s*(#.*)?$")
    assign = re.compile(r"^\s*([A-Za-z_]+)\s*=")
    out: list[str] = []
    for line in lines:
        h = header.match(line)
        if h or re.match(r"^\s*\[\[", line):
            _flush(out, section, by_section, done)
            section = h.group(1) if h else "[[" + line.strip()
            out.append(line)
            continue
        a = assign.match(line)
        if a and section == "" and a.group(1) == "base":
            base = line.split("=", 1)[1].strip().strip('"').strip("'")
            if base not in reference_designs() or (source.parent / base).is_file():
                target = os.path.relpath((source.parent / base).resolve(), path.parent.resolve())
                line = f"base = {json.dumps(target)}"
        if a and section in by_section and a.group(1) in by_section[section]:
            name = a.group(1)
            line = f"{name} = {_toml_value(by_section[section][name])}  # spacedc optimize"
            done.add(f"{section}.{name}")
        out.append(line)
    _flush(out, section, by_section, done)
    for sec, fields in by_section.items():
        missing = {n: v for n, v in fields.items() if f"{sec}.{n}" not in done}
        if missing:
            out += ["", f"[{sec}]"] + [f"{n} = {_toml_value(v)}  # spacedc optimize" for n, v in missing.items()]
            done.update(f"{sec}.{n}" for n in missing)
    note = (f"# The optimum of spacedc optimize: {opt.objective} = {opt.value:.6g} over "
            f"{', '.join(opt.free)} ({opt.evaluations:,} points sized); the lines marked `# spacedc optimize` "
            f"are its values, the rest is {source.name} as it was.")
    return atomic_write_text(path, note + "\n" + "\n".join(out) + "\n")


def _flush(out: list[str], section: str, by_section: dict[str, dict[str, Any]], done: set[str]) -> None:
    """Add, at the end of the table ``section``, the free fields its file did not hold."""
    if section not in by_section:
        return
    missing = {n: v for n, v in by_section[section].items() if f"{section}.{n}" not in done}
    at = len(out)
    while at and not out[at - 1].strip():
        at -= 1
    out[at:at] = [f"{n} = {_toml_value(v)}  # spacedc optimize" for n, v in missing.items()]
    done.update(f"{section}.{n}" for n in missing)
