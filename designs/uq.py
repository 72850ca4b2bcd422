"""Uncertainty: the probability that every margin of a design holds, given distributions on its inputs.

:func:`uq` draws the uncertain inputs (the design's ``[uncertainty]`` table and any ``vary`` texts, in the
syntax of ``spacedc sweep --vary``: :func:`designs.plan.parse_variation` reads them, :meth:`designs.plan.Law.ppf`
maps the unit samples), sizes every sample through the vectorized chain (:func:`designs.size` on array-valued
fields, ``chunk`` points per call, never a loop over points), and counts how often each margin of
:func:`designs.margins.margins` holds. It reports:

- for each margin, and for the design being feasible with every margin held (:func:`designs.margins.all_held`),
  the probability with its binomial standard error ``sqrt(p (1 - p) / N)`` and Wilson's score interval
  [Wilson1927] (which stays inside [0, 1] where ``p`` is 0 or 1);
- the percentiles 1, 5, 50, 95 and 99 of the key outputs (wet mass, junction temperature, radiator area, array
  end-of-life power, cost per kWh) and of each margin;
- optionally (``sobol=True``), the first-order and total Sobol' indices of the failure indicator
  ``1 - all_held`` and of the wet mass by the Saltelli/Jansen estimators (:mod:`spacedc.sensitivity`,
  [Saltelli2010]) on their own ``sobol_samples (d + 2)`` runs.

As built
--------
A study of an existing design fixes what was built: the nominal design is sized once and its installed radiator
area (``thermal.radiator_area``) and array area (``power.array_area``) are set to the sized values, so the chain
rates those subsystems and the junction temperature and array power respond to the uncertain inputs
(:func:`fix_as_built`). Where this spacedc has no such field, the design is propagated as written (each sample sized
afresh) and the result's ``notes`` say so. ``as_built=False`` (``spacedc uq --as-sized``) always sizes afresh.

:func:`size_to_reliability` finds, by bisection with common random numbers (the same samples at every trial),
the value of a numeric field at which the probability that a margin holds reaches a target.

The QMC methods (``sobol``, ``lhs``) usually estimate a probability better than the binomial error says; the
error stated is the Monte Carlo one, an upper estimate for them.

>>> from spacedc import designs
>>> r = designs.uq(designs.load("sso-100kw"), samples=256, method="random")
>>> r.samples, 0.0 <= r.all_held.p <= 1.0
(256, True)
"""

from __future__ import annotations

import dataclasses
import math
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pint

from spacedc.designs import design as _design_module
from spacedc.designs.design import Design
from spacedc.designs.plan import Variation, parse_variation
from spacedc.designs.spec import DesignError, discarded_reason
from spacedc.units import Q_, parse_quantity

__all__ = ["Probability", "UQResult", "Reliability", "uq", "fix_as_built", "size_to_reliability", "uncertain_inputs",
           "OUTPUTS", "PERCENTILES", "AS_BUILT_FIELDS", "DEFAULT_CHUNK", "UQ_FILES", "uq_paths", "plot_outputs",
           "plot_sobol", "write_uq"]

#: Percentiles the report gives of every output.
PERCENTILES = (1, 5, 50, 95, 99)
#: Samples per vectorized call.
DEFAULT_CHUNK = 100_000
#: The fields that fix a subsystem as built (rating instead of sizing), and the result's value each takes.
AS_BUILT_FIELDS = {"thermal.radiator_area": ("radiator_area", "m^2"), "power.array_area": ("array.area", "m^2")}
#: The key outputs: summary name -> (result attribute path, unit); cost is NaN where the launch has no price.
OUTPUTS = {
    "mass.total_kg": ("launch.mass.wet", "kg"),
    "thermal.junction_temperature_K": ("junction_temperature", "K"),
    "thermal.radiator_area_m2": ("radiator_area", "m^2"),
    "power.eol_power_W": ("array.eol_power", "W"),
    "cost.per_kWh_USD": ("cost.per_kwh", "USD/kW/h"),
}


def _get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


@dataclasses.dataclass(frozen=True)
class Probability:
    """An estimated probability: ``p`` from ``held`` of ``n`` samples, its binomial standard error ``stderr``
    and Wilson's 95 % score interval ``(lo, hi)`` [Wilson1927].

    Examples
    --------
    >>> q = Probability.of(90, 100)
    >>> q.p, round(q.stderr, 4), round(q.lo, 4), round(q.hi, 4)   # sqrt(0.9 0.1 / 100) = 0.03
    (0.9, 0.03, 0.8256, 0.9448)
    """

    p: float
    n: int
    held: int
    stderr: float
    lo: float
    hi: float

    @classmethod
    def of(cls, held: int, n: int, z: float = 1.959963984540054) -> Probability:
        """From ``held`` successes in ``n`` samples; ``z`` is the interval's normal quantile (95 %)."""
        p = held / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        return cls(p=p, n=n, held=int(held), stderr=math.sqrt(p * (1 - p) / n), lo=max(centre - half, 0.0),
                   hi=min(centre + half, 1.0))

    def to_dict(self) -> dict[str, Any]:
        return {"p": self.p, "held": self.held, "n": self.n, "stderr": self.stderr, "wilson95": [self.lo, self.hi]}


@dataclasses.dataclass(frozen=True, repr=False)
class UQResult:
    """What :func:`uq` found.

    Attributes: ``design`` (the design propagated: as built where it could be), ``inputs`` (the uncertain
    :class:`designs.plan.Variation` objects, each with its ``law``), ``method``, ``samples``, ``seed``,
    ``as_built`` (whether the areas were fixed), ``margins`` (margin name -> :class:`Probability` it holds),
    ``feasible`` and ``all_held`` (:class:`Probability` of the design being feasible, and feasible with every
    margin held), ``percentiles`` (output or ``margin.<name>`` -> {percentile: value}), ``outputs`` (the
    sampled outputs and margins, float32 arrays of ``samples``; the keys of :data:`OUTPUTS`, ``margin.<name>``,
    ``all_held``), ``draws`` (input key -> sampled values in its unit), ``limits`` (output -> the limit its
    histogram marks), ``sobol`` (None, or output -> :class:`spacedc.sensitivity.SobolIndices`, or the reason
    it has none), ``notes`` and ``seconds``.
    """

    design: Design
    inputs: tuple[Variation, ...]
    method: str
    samples: int
    seed: int
    as_built: bool
    margins: dict[str, Probability]
    feasible: Probability
    all_held: Probability
    percentiles: dict[str, dict[int, float]]
    outputs: dict[str, np.ndarray]
    draws: dict[str, np.ndarray]
    limits: dict[str, float]
    sobol: dict[str, Any] | None
    notes: tuple[str, ...]
    seconds: float

    def __repr__(self) -> str:
        return (f"UQResult({self.design.name!r}: {self.samples:,} {self.method} samples of "
                f"{len(self.inputs)} inputs; P(all held) = {self.all_held.p:.4f} +/- {self.all_held.stderr:.4f})")

    def to_dict(self) -> dict[str, Any]:
        """The ``uq.json`` content: SI numbers, keys ending with their unit as in ``summary.json``."""
        sob = None
        if self.sobol is not None:
            names = [v.key for v in self.inputs]
            sob = {k: v if isinstance(v, str) else v.to_dict(names) for k, v in self.sobol.items()}
        return {
            "name": self.design.name, "method": self.method, "samples": self.samples, "seed": self.seed,
            "as_built": self.as_built,
            "inputs": {v.key: v.law.describe(v.unit) if v.law is not None else v.text for v in self.inputs},
            "all_held": self.all_held.to_dict(), "feasible": self.feasible.to_dict(),
            "margins": {k: v.to_dict() for k, v in self.margins.items()},
            "percentiles": {k: {str(q): _finite(x) for q, x in v.items()} for k, v in self.percentiles.items()},
            "sobol": sob, "notes": list(self.notes), "seconds": self.seconds,
        }

    def table(self) -> str:
        """The report for the terminal: the inputs, each margin's probability, the outputs' percentiles and the
        Sobol' indices."""
        lines = [f"{self.design.name}: {self.samples:,} {self.method} samples (seed {self.seed}), "
                 f"{'as built' if self.as_built else 'sized at every sample'}, in {self.seconds:.1f} s",
                 "Inputs"]
        lines += [f"  {v.key:<36} {v.law.describe(v.unit) if v.law is not None else v.text}" for v in self.inputs]
        a = self.all_held
        lines += ["Probabilities (Wilson 95 % interval)",
                  f"  {'feasible, every margin held':<36} {a.p:>8.4f} +/- {a.stderr:.4f}  [{a.lo:.4f}, {a.hi:.4f}]",
                  f"  {'feasible':<36} {self.feasible.p:>8.4f} +/- {self.feasible.stderr:.4f}"]
        for k, q in self.margins.items():
            lines.append(f"  {'margin ' + k:<36} {q.p:>8.4f} +/- {q.stderr:.4f}  [{q.lo:.4f}, {q.hi:.4f}]")
        lines.append("Percentiles " + "".join(f"{f'P{q}':>12}" for q in PERCENTILES))
        for k, v in self.percentiles.items():
            lines.append(f"  {k:<34}" + "".join(f"{x:>12.5g}" for x in v.values()))
        if self.sobol:
            for out, s in self.sobol.items():
                if isinstance(s, str):
                    lines.append(f"Sobol' indices of {out}: none ({s})")
                    continue
                lines.append(f"Sobol' indices of {out} (N = {s.n:,}; first order, total"
                             f"{', with ' + format(s.confidence, '.0%') + ' bootstrap intervals' if s.first_ci is not None else ''})")
                for i, v in enumerate(self.inputs):
                    ci = (f"  [{s.first_ci[i, 0]:+.3f}, {s.first_ci[i, 1]:+.3f}]  [{s.total_ci[i, 0]:+.3f}, "
                          f"{s.total_ci[i, 1]:+.3f}]" if s.first_ci is not None else "")
                    lines.append(f"  {v.key:<36} {s.first[i]:+.3f} {s.total[i]:+.3f}{ci}")
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


def _finite(x: float) -> float | None:
    return float(x) if math.isfinite(x) else None


# ---------------------------------------------------------------------------------------------------------------
# inputs


def uncertain_inputs(design: Design, vary: Sequence[str] | None = None) -> tuple[Variation, ...]:
    """The uncertain inputs: the design's ``[uncertainty]`` table, with the ``vary`` texts
    (``"section.field=normal(38 degC, 1 K)"``) added or overriding an entry of the same field.

    Raises :class:`designs.DesignError` for a bad text (naming it), a named choice (a sweep's, not a UQ's), or
    no input at all.
    """
    texts = {key: f"{key}={law}" for key, law in design.uncertainty}
    for text in vary or ():
        key = text.partition("=")[0].strip()
        texts[key] = text
    if not texts:
        raise DesignError(f"design {design.name!r} has no [uncertainty] table: give the inputs' distributions "
                          "there or with --vary section.field=normal(MEAN, SD)")
    out = []
    for text in texts.values():
        v = parse_variation(text, design, sampled=True)
        if v.is_choice:
            raise DesignError(f"--vary {text!r}: {v.key} is a named choice; spacedc uq samples numeric fields "
                              "(spacedc sweep varies named choices)")
        out.append(v)
    return tuple(out)


def _check_entry(text: str, design: Design) -> None:
    """An ``[uncertainty]`` entry read as :func:`uncertain_inputs` reads it (raises naming a bad one)."""
    v = parse_variation(text, design, sampled=True)
    if v.is_choice:
        raise DesignError(f"{v.key} is a named choice; spacedc uq samples numeric fields")


_design_module.UNCERTAINTY_CHECKS.append(_check_entry)


def _unit_samples(n: int, d: int, method: str, seed: int) -> np.ndarray:
    if method == "random":
        return np.random.default_rng(seed).random((n, d))
    from scipy.stats import qmc

    if method == "lhs":
        return qmc.LatinHypercube(d=d, seed=seed).random(n)
    if method == "sobol":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)   # the notes say where N is not a power of 2
            return qmc.Sobol(d=d, scramble=True, seed=seed).random(n)
    raise DesignError(f"--method {method!r}: expected one of sobol, lhs, random")


def _values(v: Variation, u: np.ndarray) -> np.ndarray:
    """The input's values (in its column's unit) at the unit samples ``u``: its law's inverse CDF, or a list's
    value ``floor(u len)``."""
    if v.law is not None:
        return v.sample(u)
    k = len(v.values)
    return np.asarray(v.si(np.minimum((u * k).astype(np.intp), k - 1)))


def _changes(inputs: Sequence[Variation], values: Sequence[np.ndarray]) -> dict[str, Any]:
    return {v.key.replace(".", "__", 1): (x if v.unit is None else Q_(x, v.unit)) for v, x in zip(inputs, values)}


# ---------------------------------------------------------------------------------------------------------------
# as built


def fix_as_built(design: Design, result: Any = None) -> tuple[Design, tuple[str, ...]]:
    """``design`` with its installed radiator and array areas fixed at their sized values (those
    :data:`AS_BUILT_FIELDS` the design leaves unset), and notes on what was done.

    ``result`` is the nominal design's :func:`designs.size` result (sized here where not given).
    """
    from spacedc.designs.chain import size

    changes, notes = {}, []
    for key, (path, unit) in AS_BUILT_FIELDS.items():
        section, name = key.split(".")
        if getattr(getattr(design, section), name) is not None:
            notes.append(f"{key} is the design's own ({getattr(getattr(design, section), name)})")
            continue
        if result is None:
            result = size(design, transient=False)
        value = _get(result, path).m_as(unit)
        if not np.all(np.isfinite(value)):
            raise DesignError(f"as built: the nominal design {design.name!r} has no finite {key} to fix "
                              f"({result.reasons}); pass as_built=False (--as-sized)")
        changes[key.replace(".", "__", 1)] = Q_(float(value), unit)
        notes.append(f"{key} fixed as built at {float(value):.6g} {unit} (the nominal design's sized value)")
    if "power__array_area" in changes and design.power.array_areal_density is None:
        # the installed array's mass is hardware too: its mass per area, which a blanket's specific power would
        # otherwise scale with the sampled inherent degradation
        density = float(result.array.mass.m_as("kg") / result.array.area.m_as("m^2"))
        changes |= {"power__array_areal_density": Q_(density, "kg/m^2"), "power__array_specific_power": None}
        notes.append(f"power.array_areal_density fixed as built at {density:.6g} kg/m^2 (the nominal array's mass "
                     "per area)")
    notes.append("the battery is sized afresh at every sample (no battery field fixes it)")
    return (design.replace(**changes) if changes else design), tuple(notes)


def _check_rated(design: Design, keys: Sequence[str]) -> None:
    """Refuse to vary what the as-built design's modes discard (:meth:`spec.Section.discarded`): with the
    radiator fixed as built, the coolant temperature is the rating's result, not an input."""
    for key in keys:
        why = discarded_reason(design, key)
        if why is not None:
            raise DesignError(f"{key}: {why}, and a varied value would be discarded; vary the radiator's inputs "
                              "instead, or size afresh at every sample (as_built=False, --as-sized)")


# ---------------------------------------------------------------------------------------------------------------
# propagation


def _columns(result: Any) -> dict[str, np.ndarray]:
    from spacedc.designs import margins as _margins

    n = int(np.prod(np.shape(result.feasible)))
    out = {}
    for key, (path, unit) in OUTPUTS.items():
        if key == "cost.per_kWh_USD" and not np.all(result.launch_priced):
            out[key] = np.full(n, np.nan)
            continue
        out[key] = np.broadcast_to(np.asarray(_get(result, path).m_as(unit), dtype=float), (n,))
    for key, value in _margins.margins(result).items():
        out[f"margin.{key}"] = np.reshape(value, n)
    out["feasible"] = np.broadcast_to(np.asarray(result.feasible, dtype=bool), (n,))
    out["all_held"] = np.reshape(_margins.all_held(result), n)
    return out


def _propagate(design: Design, inputs: Sequence[Variation], values: Sequence[np.ndarray], *, chunk: int,
               progress: Callable[[int, int], None] | None = None) -> dict[str, np.ndarray]:
    """Size ``design`` at every sample (``values``: per input, its values), ``chunk`` samples per vectorized
    call; the columns of :func:`_columns`, float32 (booleans kept), in sample order."""
    from spacedc.designs.chain import size

    if isinstance(chunk, bool) or not isinstance(chunk, (int, np.integer)) or chunk < 1:
        raise DesignError(f"--chunk {chunk!r}: expected a whole number of samples >= 1")
    n = len(values[0])
    out: dict[str, np.ndarray] = {}
    for start in range(0, n, chunk):
        stop = min(start + chunk, n)
        part = _columns(size(design.replace(**_changes(inputs, [x[start:stop] for x in values])),
                             transient=False))
        for k, v in part.items():
            if k not in out:
                out[k] = np.empty(n, dtype=bool if v.dtype == bool else np.float32)
            out[k][start:stop] = v
        if progress is not None:
            progress(stop, n)
    return out


class _Bar:
    """tqdm on a terminal (as :mod:`designs.sweep`), nothing otherwise."""

    def __init__(self, total: int, desc: str, show: bool | None) -> None:
        self.bar = None
        tty = sys.stderr.isatty() if show is None else show
        if tty and total > DEFAULT_CHUNK:
            try:
                from tqdm import tqdm
            except ImportError:
                return
            self.bar = tqdm(total=total, unit="pt", unit_scale=True, desc=desc, file=sys.stderr, smoothing=0.1)

    def __call__(self, done: int, total: int) -> None:
        if self.bar is not None:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _limits(design: Design) -> dict[str, float]:
    limits = {f"margin.{k}": 0.0 for k in _margin_names()}
    limits["thermal.junction_temperature_K"] = float(np.max(design.payload.junction_limit.m_as("K")))
    return limits


def _margin_names() -> tuple[str, ...]:
    from spacedc.designs.margins import MARGINS

    return tuple(MARGINS)


def uq(design: Design, inputs: Sequence[str] | None = None, *, samples: int = 10_000, method: str = "sobol",
       seed: int = 0, as_built: bool = True, sobol: bool = False, sobol_samples: int = 4096,
       bootstrap: int = 200, chunk: int = DEFAULT_CHUNK, progress: bool | None = None) -> UQResult:
    """Propagate the uncertain inputs of ``design`` through the sizing chain (see the module docstring).

    Parameters
    ----------
    design : Design
        A single design (scalar fields); its ``[uncertainty]`` table gives the inputs' laws.
    inputs : sequence of str, optional
        ``"section.field=LAW"`` texts adding to, or overriding, the table's entries.
    samples : int
        Monte Carlo (or quasi-Monte Carlo) samples.
    method : {"sobol", "lhs", "random"}
        Scrambled Sobol' points (the default; balanced for a power of 2), a Latin hypercube or numpy's
        ``default_rng(seed)``.
    seed : int
    as_built : bool
        Fix the installed radiator and array areas at the nominal sized values (:func:`fix_as_built`).
    sobol : bool
        Also estimate the Sobol' indices of the failure indicator and the wet mass, on ``sobol_samples``
        base samples (``sobol_samples (d + 2)`` further runs; ``bootstrap`` resamples for their intervals).
    chunk : int
        Samples per vectorized call (memory grows with it; the numbers do not change).
    progress : bool, optional
        Show a progress bar (default: on a terminal, for runs over one chunk).

    Raises
    ------
    DesignError
        For a bad input text, method, sample count or seed, naming it; a design of array-valued fields.
    """
    from spacedc.designs.chain import size

    t0 = time.perf_counter()
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)) or samples < 2:
        raise DesignError(f"--samples {samples!r}: expected a whole number of samples >= 2")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DesignError(f"--seed {seed!r}: expected a whole number >= 0")
    if method not in ("sobol", "lhs", "random"):
        raise DesignError(f"--method {method!r}: expected one of sobol, lhs, random")
    nominal = size(design, transient=False)
    if np.ndim(nominal.feasible):
        raise DesignError("uq takes a single design; its uncertain fields come from [uncertainty] or --vary")
    variations = uncertain_inputs(design, inputs)
    notes: list[str] = []
    built = design
    if as_built:
        built, said = fix_as_built(design, nominal)
        notes += said
    _check_rated(built, [v.key for v in variations])
    for v in variations:
        if v.truncated >= 1e-9:  # a cut below that changes no sample of any study
            notes.append(f"{v.key}: {v.law.describe(v.unit)} reaches beyond the field's range; sampled on the part "
                         f"inside it (the range cuts {v.truncated:.3g} of its probability)")
    if method == "sobol" and samples & (samples - 1):
        notes.append(f"{samples:,} Sobol' points: their balance holds for a power of 2 only "
                     f"(the nearest: {2 ** round(math.log2(samples)):,})")
    d = len(variations)
    unit = _unit_samples(samples, d, method, seed)
    values = [_values(v, unit[:, j]) for j, v in enumerate(variations)]
    bar = _Bar(samples, "uq", progress)
    try:
        out = _propagate(built, variations, values, chunk=chunk, progress=bar)
    finally:
        bar.close()
    n = samples
    margins = {k.removeprefix("margin."): Probability.of(int(np.count_nonzero(v >= 0)), n)
               for k, v in out.items() if k.startswith("margin.")}
    pct = {}
    for k, v in out.items():
        if k in ("feasible", "all_held"):
            continue
        x = np.asarray(v, dtype=float)
        finite = x[np.isfinite(x)]
        pct[k] = {q: (float(np.percentile(finite, q)) if finite.size else math.nan) for q in PERCENTILES}
        if finite.size < n:
            notes.append(f"{k}: {n - finite.size:,} of {n:,} samples have no finite value (left out of its "
                         "percentiles; a margin not formed counts as not held)")
    result_sobol = None
    if sobol:
        result_sobol = _sobol(built, variations, sobol_samples, seed, bootstrap, chunk, progress)
    return UQResult(design=built, inputs=variations, method=method, samples=n, seed=int(seed), as_built=as_built,
                    margins=margins, feasible=Probability.of(int(np.count_nonzero(out["feasible"])), n),
                    all_held=Probability.of(int(np.count_nonzero(out["all_held"])), n), percentiles=pct,
                    outputs=out, draws={v.key: x for v, x in zip(variations, values)}, limits=_limits(design),
                    sobol=result_sobol, notes=tuple(notes), seconds=time.perf_counter() - t0)


def _sobol(design: Design, inputs: Sequence[Variation], n: int, seed: int, bootstrap: int, chunk: int,
           progress: bool | None) -> dict[str, Any]:
    """Sobol' indices of the failure indicator and the wet mass, on the Saltelli design of ``n`` base samples."""
    from spacedc.sensitivity import saltelli_samples, sobol_indices

    d = len(inputs)
    a, b, ab = saltelli_samples(int(n), d, method="sobol", seed=seed)
    unit = np.concatenate([a, b, ab.reshape(d * n, d)])
    values = [_values(v, unit[:, j]) for j, v in enumerate(inputs)]
    bar = _Bar(len(unit), "uq sobol", progress)
    try:
        out = _propagate(design, inputs, values, chunk=chunk, progress=bar)
    finally:
        bar.close()
    found: dict[str, Any] = {}
    for name, y in (("failure", 1.0 - out["all_held"].astype(float)),
                    ("mass.total_kg", np.asarray(out["mass.total_kg"], dtype=float))):
        try:
            found[name] = sobol_indices(y[:n], y[n:2 * n], y[2 * n:].reshape(d, n), bootstrap=bootstrap, seed=seed)
        except ValueError as exc:
            found[name] = (f"{name} does not vary over the {len(y):,} samples (P(failure) = {float(y.mean()):g})"
                           if "does not vary" in str(exc) else f"{name}: {exc}")
    return found


# ---------------------------------------------------------------------------------------------------------------
# sizing to a reliability


@dataclasses.dataclass(frozen=True)
class Reliability:
    """What :func:`size_to_reliability` found: ``field`` set to ``value`` (a Quantity, or a number) makes
    P(``margin`` held) = ``probability`` >= ``target`` (its Wilson 95 % lower bound where ``confident``);
    ``trials`` are every ``(value, probability)`` tried, in the field's unit (``unit``), ``samples`` the common
    random numbers' count, ``notes`` as :class:`UQResult`'s.
    """

    field: str
    margin: str
    target: float
    value: Any
    unit: str | None
    probability: Probability
    trials: tuple[tuple[float, float], ...]
    samples: int
    notes: tuple[str, ...]
    confident: bool = False

    def to_dict(self) -> dict[str, Any]:
        v = self.value.m if isinstance(self.value, pint.Quantity) else self.value
        return {"field": self.field, "margin": self.margin, "target": self.target, "value": float(v),
                "unit": self.unit, "probability": self.probability.to_dict(), "samples": self.samples,
                "trials": [list(t) for t in self.trials], "notes": list(self.notes), "confident": self.confident}


def size_to_reliability(design: Design, field: str = "thermal.radiator_area", margin: str = "junction",
                        target: float = 0.99, *, samples: int = 4096, inputs: Sequence[str] | None = None,
                        method: str = "sobol", seed: int = 0, lo: Any = None, hi: Any = None,
                        as_built: bool = True, rtol: float = 1e-4, max_trials: int = 60,
                        chunk: int = DEFAULT_CHUNK, confident: bool = False) -> Reliability:
    """The value of ``field`` (any numeric ``section.field``) at which P(``margin`` held) reaches ``target``.

    The uncertain inputs are drawn once (``samples`` by ``method``, ``seed``) and every trial sizes the design
    at those same samples with ``field`` set to one value (common random numbers), so that the estimated
    probability is a step function of the value, monotone where each sample's margin is. The search brackets
    the target between ``lo`` and ``hi`` (default: half and twice the design's value, as built where the field is
    an area :func:`fix_as_built` fixes; with the field's unit or bare in it) and bisects until the bracket is within ``rtol`` of its ends; the value returned is the end of
    the bracket that meets the target. ``margin`` is a key of :data:`designs.margins.MARGINS` or ``"all"``
    (feasible, every margin held).

    The target is met by the estimated probability, which is as likely to lie above the true one as below it
    at the value found; ``confident=True`` asks the lower end of its Wilson 95 % interval [Wilson1927] to meet
    it instead (the value then holds the target with about 97.5 % confidence, one-sided, given the model).

    Raises
    ------
    DesignError
        For an unknown field or margin, a target outside (0, 1), or a bracket whose ends do not straddle the
        target (the message gives the probability at each end).
    """
    from spacedc.designs.chain import size
    from spacedc.designs.margins import MARGINS
    from spacedc.designs.plan import _field, _field_unit

    if margin != "all" and margin not in MARGINS:
        raise DesignError(f"--reliability {margin!r}: unknown margin (known: all, {', '.join(MARGINS)})")
    if not 0.0 < float(target) < 1.0:
        raise DesignError(f"--reliability {margin}={target!r}: the target probability must lie in (0, 1)")
    section, name, f = _field(design, field)
    current = getattr(getattr(design, section), name)
    kind = f.metadata.get("kind")
    if kind in ("choice", "text", "int"):
        raise DesignError(f"--adjust {field}: expected a continuous numeric field, not a {kind}")
    unit = _field_unit(section, f, current)

    def scalar(x: Any, where: str) -> float:
        if isinstance(x, str):
            q = Q_(float(x), unit) if _bare(x) or unit is None else parse_quantity(x, f"--between {where}")
        else:
            q = x if isinstance(x, pint.Quantity) or unit is None else Q_(x, unit)
        try:
            return float(q.m_as(unit)) if unit is not None else float(q)
        except pint.DimensionalityError:
            raise DesignError(f"--between {where} = {x!r}: expected a value in {unit}") from None

    nominal = size(design, transient=False)
    notes: list[str] = []
    base = design
    if as_built:
        base, said = fix_as_built(design, nominal)
        notes += said
    current = getattr(getattr(base, section), name)   # as built, the area fixed at its sized value
    if current is None and field in AS_BUILT_FIELDS:
        path, area_unit = AS_BUILT_FIELDS[field]
        current = Q_(float(_get(nominal, path).m_as(area_unit)), area_unit)
    if current is None and (lo is None or hi is None):
        raise DesignError(f"--adjust {field}: the design leaves it unset: give the bracket (--between LO:HI)")
    c = None if current is None else scalar(current, "the design's value")
    a = scalar(lo, "LO") if lo is not None else 0.5 * c
    b = scalar(hi, "HI") if hi is not None else 2.0 * c
    if not a < b:
        raise DesignError(f"--between {a:g}:{b:g} {unit or ''}: LO must be below HI")
    every = uncertain_inputs(design, inputs)
    variations = [v for v in every if v.key != field]
    if len(variations) < len(every):
        notes.append(f"{field}: its own uncertain law is left out while it is the field adjusted")
    _check_rated(base, [field, *(v.key for v in variations)])
    u = _unit_samples(int(samples), len(variations), method, seed)
    values = [_values(v, u[:, j]) for j, v in enumerate(variations)]
    key = field.replace(".", "__", 1)
    trials: list[tuple[float, float]] = []

    def prob(x: float) -> Probability:
        try:
            trial = base.replace(**{key: x if unit is None else Q_(x, unit)})
            out = _propagate(trial, variations, values, chunk=chunk) if variations else None
        except (ValueError, TypeError) as exc:
            raise DesignError(f"--adjust {field} = {x:g} {unit or ''}: {exc}; give a bracket the field takes "
                              "(--between LO:HI)") from None
        held = (out["all_held"] if margin == "all" else out[f"margin.{margin}"] >= 0) if out is not None else None
        if held is None:
            raise DesignError("size_to_reliability needs uncertain inputs ([uncertainty] or --vary)")
        q = Probability.of(int(np.count_nonzero(held)), int(samples))
        trials.append((x, q.p))
        return q

    def meets(q: Probability) -> bool:
        return (q.lo if confident else q.p) >= target

    pa, pb = prob(a), prob(b)
    if meets(pa) == meets(pb):
        what = "the lower bound of P(held)" if confident else "P(held)"
        raise DesignError(f"--reliability {margin}={target:g}: {what} is {pa.lo if confident else pa.p:.4f} at "
                          f"{field} = {a:g} and {pb.lo if confident else pb.p:.4f} at {b:g} {unit or ''}: both on "
                          "the same side of the target; widen the bracket (--between LO:HI) or adjust another field")
    good, bad, pgood = (a, b, pa) if meets(pa) else (b, a, pb)
    for _ in range(max_trials):
        if abs(good - bad) <= rtol * max(abs(good), abs(bad)):
            break
        mid = 0.5 * (good + bad)
        pm = prob(mid)
        if meets(pm):
            good, pgood = mid, pm
        else:
            bad = mid
    if not confident:
        notes.append(f"the estimate meets the target; its Wilson 95 % interval's lower end is {pgood.lo:.4f} "
                     "(confident=True, --confident, sizes to that end instead)")
    return Reliability(field=field, margin=margin, target=float(target),
                       value=Q_(good, unit) if unit is not None else good, unit=unit, probability=pgood,
                       trials=tuple(trials), samples=int(samples), notes=tuple(notes), confident=confident)


def _bare(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------------------------
# plots and files

#: The files :func:`write_uq` writes, by role.
UQ_FILES = {"json": "uq.json", "table": "uq.txt", "outputs": "uq_outputs.png", "sobol": "uq_sobol.png"}
#: The margins the histograms show besides the key outputs: those that do not hold at every sample, or these.
_SHOWN_MARGINS = ("junction", "deployed_frequency", "mmod_heat_rejection", "heat_pipe_transport")


def uq_paths(out_dir: str | Path) -> list[Path]:
    """The files :func:`write_uq` writes into ``out_dir``."""
    return [Path(out_dir) / name for name in UQ_FILES.values()]


def plot_outputs(result: UQResult, path: str | Path) -> Path:
    """Histograms of the key outputs and of the margins that matter (those not held at every sample, and the
    thin ones of :data:`_SHOWN_MARGINS`), each with its limit marked (a margin's zero, the junction limit);
    written atomically as PNG."""
    from spacedc.designs.plots import pyplot, save_png

    plt = pyplot()

    shown = [k for k in OUTPUTS if np.any(np.isfinite(result.outputs[k]))]
    shown += [f"margin.{k}" for k, q in result.margins.items() if q.p < 1.0 or k in _SHOWN_MARGINS]
    shown = list(dict.fromkeys(shown))
    cols = 3
    rows = math.ceil(len(shown) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 2.9 * rows), squeeze=False)
    try:
        for ax, key in zip(axes.flat, shown):
            x = np.asarray(result.outputs[key], dtype=float)
            x = x[np.isfinite(x)]
            ax.hist(x, bins=60, color="#4a78b5", alpha=0.85)
            limit = result.limits.get(key)
            if limit is not None:
                ax.axvline(limit, color="#c0392b", lw=1.5, label="limit")
                ax.legend(loc="upper right", fontsize=7)
            title = key
            if key.startswith("margin."):
                title += f"  P(held) {result.margins[key.removeprefix('margin.')].p:.4f}"
            ax.set_title(title, fontsize=8)
            ax.tick_params(labelsize=7)
        for ax in axes.flat[len(shown):]:
            ax.set_visible(False)
        fig.suptitle(f"{result.design.name}: {result.samples:,} {result.method} samples; P(all held) = "
                     f"{result.all_held.p:.4f} +/- {result.all_held.stderr:.4f}", fontsize=10)
        fig.tight_layout()
        return save_png(fig, path, dpi=100)
    finally:
        plt.close(fig)


def plot_sobol(result: UQResult, path: str | Path) -> Path | None:
    """Bars of the first-order and total Sobol' indices of each output that has them (with their bootstrap
    intervals); None, and nothing written, without indices."""
    if not result.sobol or all(isinstance(s, str) for s in result.sobol.values()):
        return None
    from spacedc.designs.plots import pyplot, save_png

    plt = pyplot()

    found = {k: s for k, s in result.sobol.items() if not isinstance(s, str)}
    names = [v.key for v in result.inputs]
    fig, axes = plt.subplots(1, len(found), figsize=(5.5 * len(found), 0.5 * len(names) + 1.8), squeeze=False)
    try:
        y = np.arange(len(names))
        for ax, (out, s) in zip(axes.flat, found.items()):
            for offset, values, ci, label, color in ((-0.2, s.first, s.first_ci, "first order", "#4a78b5"),
                                                     (0.2, s.total, s.total_ci, "total", "#e08a2c")):
                err = None if ci is None else np.abs(np.stack([values - ci[:, 0], ci[:, 1] - values]))
                ax.barh(y + offset, values, height=0.38, xerr=err, color=color, label=label, capsize=2)
            ax.set_yticks(y, names, fontsize=8)
            ax.invert_yaxis()
            ax.axvline(0, color="k", lw=0.6)
            ax.set_title(f"Sobol' indices of {out} (N = {s.n:,})", fontsize=9)
            ax.legend(fontsize=7)
        fig.tight_layout()
        return save_png(fig, path, dpi=100)
    finally:
        plt.close(fig)


def write_uq(result: UQResult, out_dir: str | Path, *, reliability: Reliability | None = None) -> dict[str, Path]:
    """Write ``uq.json``, ``uq.txt`` (the :meth:`UQResult.table`) and the plots into ``out_dir``, each
    atomically (the command line refuses to replace them without ``--force``); the paths by role."""
    import json

    from spacedc.files import atomic_write_text

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    data = result.to_dict() | ({"reliability": reliability.to_dict()} if reliability is not None else {})
    paths: dict[str, Path] = {
        "json": atomic_write_text(out / UQ_FILES["json"], json.dumps(data, indent=2) + "\n"),
        "table": atomic_write_text(out / UQ_FILES["table"], result.table() + "\n"),
        "outputs": plot_outputs(result, out / UQ_FILES["outputs"]),
    }
    sob = plot_sobol(result, out / UQ_FILES["sobol"])
    if sob is not None:
        paths["sobol"] = sob
    return paths
