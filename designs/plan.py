"""Sweep plans: which points a sweep sizes, read from ``--vary`` texts, and their input columns.

A :class:`SweepPlan` is the list of points of a sweep. :func:`make_plan` builds one from a design and its
``--vary`` texts; :func:`designs.sweep.sweep` sizes it chunk by chunk (:func:`size_chunk`), and the plan gives each
chunk its inputs and their table columns.

Methods
-------
``grid`` (the default) is the full factorial: every combination of every variation's values, the first variation
varying slowest (point ``k`` of a 4 x 3 grid is ``(k // 3, k % 3)``). ``lhs``, ``sobol`` and ``random`` draw
``samples`` points from the unit hypercube, one dimension per variation, with a fixed ``seed`` (default 0):
``scipy.stats.qmc.LatinHypercube``, ``scipy.stats.qmc.Sobol`` (scrambled; its balance holds for a power-of-2
number of points, and another number warns, as scipy does) and numpy's ``default_rng``. Each unit sample is then
mapped through its field's inverse CDF (``scipy.stats``). The points are drawn once, for the whole sweep, so the
chunk size changes nothing.

The ``--vary`` texts
--------------------
Values carry their unit (``"thermal.coolant_temperature=20 degC:60 degC:41"``) or, bare, take the field's own
unit (``"payload.chip_power=300:1500:5"`` is in W).

- Grid: ``section.field=START:STOP:N`` (N values, both ends included; START <= STOP, N a whole number >= 1), or
  ``section.field=V1,V2,...``.
- Sampling: ``section.field=LO:HI`` (uniform), or one of the distributions ``uniform(LO, HI)``,
  ``normal(MEAN, SD)``, ``triangular(LO, MODE, HI)`` and ``lognormal(MEDIAN, SIGMA)`` (``MEDIAN e^(SIGMA Z)``
  with Z standard normal: SIGMA is the standard deviation of ``ln x``, a plain number, and MEDIAN must be
  positive in the column's unit: a temperature is lognormal in kelvin). A list ``V1,V2,...`` draws one of its
  values, each with probability 1/len: value ``floor(u len)`` of the list for the unit sample ``u``. A count
  (``thermal.wings``) takes a list or ``LO:HI``, which draws the whole numbers LO to HI alike; ``START:STOP:N`` is
  a grid's and is refused with a sampling method (the number of points is ``samples``).
- Spreads are differences: a standard deviation in an offset unit is read as a difference of it, so
  ``normal(40 degC, 3 degC)`` and ``normal(40 degC, 3 K)`` are the same distribution (a mean of 313.15 K, a
  standard deviation of 3 K). Means, bounds, modes and medians are values: ``40 degC`` is 313.15 K.
- Named choices (``launch.vehicle=falcon-9,starship``, ``power.cell=xtj,xtj-blanket``,
  ``thermal.coolant=ammonia,water``) are lists, in the grid and in sampling alike. A chunk is sized in one
  vectorized call per distinct combination of choices in it, into one table in point order; the choice columns
  hold the names. A name is checked when the plan is built, by the section that owns its table (an unknown
  vehicle or cell names the known ones).
- Times of day (``orbit.ltan``) are written ``HH:MM`` or ``HH:MM:SS``, or as a time with its unit (``6 h``):
  ``orbit.ltan=06:00,09:00``; a grid's range in clock times is ``HH:MM:HH:MM:N`` (``06:00:10:30:4`` is 06:00,
  07:30, 09:00 and 10:30) and a sampling range ``HH:MM:HH:MM``; seconds in a range need the unit form
  (``6 h:10.5 h:4``). A range does not wrap past midnight.

Input columns are named ``input.<section>.<field>_<unit>`` in the column's unit (the field's declared unit; for the
orbit's fields, SI: ``input.orbit.ltan_s``), ``input.<section>.<field>`` for plain numbers, counts and names.
Every bad text raises :class:`designs.DesignError` naming the variation and the problem (``spacedc sweep`` exits
2): an unknown key (with the closest known one), a wrong unit, START > STOP, N < 1 or not whole, an unknown
choice, a distribution's bad parameters (SD <= 0, LO >= HI, ...), a variation given twice.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import math
import re
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pint

from spacedc.designs.design import _SECTIONS, Design
from spacedc.designs.result import input_unit as _column_unit
from spacedc.designs.spec import DesignError, discarded_reason
from spacedc.orbit.beta import _CLOCK, _clock_to_hours
from spacedc.units import Q_, parse_quantity, unit_suffix

__all__ = ["METHODS", "Law", "Variation", "SweepPlan", "make_plan", "parse_variation", "plan_counts", "size_chunk"]

#: The ways a sweep chooses its points.
METHODS = ("grid", "lhs", "sobol", "random")

#: The units of the orbit's fields, whose dataclass declares none (an SSO's inclination is ``None`` until swept).
_ORBIT_UNITS = {"altitude": "km", "inclination": "deg", "ltan": "hour", "raan": "deg"}
#: Fields holding a time of day, whose values may be written HH:MM.
_CLOCK_FIELDS = ("orbit.ltan",)
_HHMM = r"\s*\d{1,2}:\d{2}\s*"
_CLOCK_GRID = re.compile(rf"^({_HHMM}):({_HHMM}):([^:]*)$")
_CLOCK_RANGE = re.compile(rf"^({_HHMM}):({_HHMM})$")
_LAW = re.compile(r"^\s*([A-Za-z_]+)\s*\((.*)\)\s*$", re.DOTALL)
#: The distributions, their parameters, and which of those are spreads (differences, not values).
_LAWS = {"uniform": (("LO", "HI"), ()), "normal": (("MEAN", "SD"), ("SD",)),
         "triangular": (("LO", "MODE", "HI"), ()), "lognormal": (("MEDIAN", "SIGMA"), ("SIGMA",))}


@dataclasses.dataclass(frozen=True)
class Law:
    """A sampled field's distribution; ``params`` in the column's unit (``lognormal``'s SIGMA is a plain number)."""

    name: str
    params: tuple[float, ...]

    def ppf(self, q: np.ndarray) -> np.ndarray:
        """The inverse CDF at the unit samples ``q`` (in [0, 1)), in the column's unit.

        Examples
        --------
        >>> Law("triangular", (0.0, 0.0, 2.0)).ppf(np.array([0.25])).round(6).tolist()  # 2 (1 - sqrt(0.75))
        [0.267949]
        """
        from scipy import stats

        # 0 and 1 are the unbounded laws' infinities: keep the samples inside (0, 1)
        q = np.clip(np.asarray(q, dtype=float), 2.0**-54, 1.0 - 2.0**-53)
        p = self.params
        if self.name == "uniform":
            return p[0] + q * (p[1] - p[0])
        if self.name == "normal":
            return stats.norm.ppf(q, loc=p[0], scale=p[1])
        if self.name == "triangular":
            return stats.triang.ppf(q, (p[1] - p[0]) / (p[2] - p[0]), loc=p[0], scale=p[2] - p[0])
        if self.name == "lognormal":
            return stats.lognorm.ppf(q, p[1], scale=p[0])
        raise AssertionError(self.name)  # pragma: no cover

    def cdf(self, x: float) -> float:
        """The CDF at ``x`` (in the column's unit): the probability the law puts below it."""
        from scipy import stats

        p = self.params
        if self.name == "uniform":
            return float(np.clip((x - p[0]) / (p[1] - p[0]), 0.0, 1.0))
        if self.name == "normal":
            return float(stats.norm.cdf(x, loc=p[0], scale=p[1]))
        if self.name == "triangular":
            return float(stats.triang.cdf(x, (p[1] - p[0]) / (p[2] - p[0]), loc=p[0], scale=p[2] - p[0]))
        if self.name == "lognormal":
            return float(stats.lognorm.cdf(x, p[1], scale=p[0]))
        raise AssertionError(self.name)  # pragma: no cover

    def describe(self, unit: str | None) -> str:
        """``"normal(313.15 K, 3 K)"``: the law with its parameters in the column's unit."""
        spreads = _LAWS[self.name][1]
        names = _LAWS[self.name][0]
        shown = [f"{x!r}" if unit is None or n in spreads and self.name == "lognormal" else f"{x!r} {unit}"
                 for x, n in zip(self.params, names)]
        return f"{self.name}({', '.join(shown)})"


@dataclasses.dataclass(frozen=True)
class Variation:
    """One swept field: its ``section.field`` key, its values, and the unit its column is written in.

    ``values`` are a grid's or a list's values (a Quantity array, a float/int array for plain numbers and counts,
    a string array for named choices); a field sampled from a distribution has ``values=None`` and its ``law``.
    """

    key: str
    values: Any
    text: str
    unit: str | None = None  # the column's unit (None: plain numbers, counts, names)
    law: Law | None = None
    #: A law's truncation to its field's range: (CDF at the range's low end, at its high end), and the range's
    #: ends in the column's unit, open ends moved in by one ulp (None: the law lies inside the range).
    truncation: tuple[float, float, float, float] | None = None

    def sample(self, u: np.ndarray) -> np.ndarray:
        """A law's values at the unit samples ``u``, in the column's unit: its inverse CDF, on the part of it
        that lies inside its field's range where the law reaches beyond it (a normal emissivity near 1), so
        that every sample is a value the field takes."""
        if self.truncation is None:
            return self.law.ppf(u)
        f_lo, f_hi, lo, hi = self.truncation
        q = f_lo + np.clip(np.asarray(u, dtype=float), 2.0**-54, 1.0 - 2.0**-53) * (f_hi - f_lo)
        return np.clip(self.law.ppf(q), lo, hi)

    @property
    def truncated(self) -> float:
        """The share of the law's probability that its field's range cuts off (0 where it lies inside)."""
        return 0.0 if self.truncation is None else 1.0 - (self.truncation[1] - self.truncation[0])

    @property
    def column(self) -> str:
        """The table column of the input: ``"input.thermal.coolant_temperature_K"``, ``"input.launch.vehicle"``."""
        return f"input.{self.key}" if self.unit is None else f"input.{self.key}_{unit_suffix(self.unit)}"

    @property
    def is_choice(self) -> bool:
        """True for a named choice (strings), which a vectorized call cannot hold as an array."""
        return self.values is not None and np.asarray(getattr(self.values, "magnitude", self.values)).dtype.kind == "U"

    def si(self, index: np.ndarray) -> np.ndarray:
        """The input's values at ``index`` (of ``values``) in the column's unit."""
        v = self.values[index]
        return v.m_as(self.unit) if self.unit is not None else v

    def design_values(self, picks: np.ndarray) -> Any:
        """What the design takes for ``picks`` (indices of ``values``, or a law's samples in the column's unit)."""
        if self.law is not None:
            return picks if self.unit is None else Q_(picks, self.unit)
        return self.values[picks]

    def column_values(self, picks: np.ndarray) -> np.ndarray:
        """The input column for ``picks``."""
        return np.asarray(picks) if self.law is not None else np.asarray(self.si(picks))


# ---------------------------------------------------------------------------------------------------------------
# parsing


def _field(design: Design, key: str) -> tuple[str, str, dataclasses.Field]:
    """The section, name and dataclass field of ``key``; unknown keys name the closest known one."""
    section, dot, name = key.partition(".")
    if not dot or section not in _SECTIONS:
        known = [f"{s}.{f.name}" for s, cls in _SECTIONS.items() for f in dataclasses.fields(cls)]
        close = difflib.get_close_matches(key, known, n=1) or difflib.get_close_matches(section, list(_SECTIONS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise DesignError(f"--vary {key!r}: expected section.field with section one of {', '.join(_SECTIONS)}{hint}")
    fields = {f.name: f for f in dataclasses.fields(_SECTIONS[section])}
    removed = getattr(_SECTIONS[section], "removed", {})
    if name in removed:
        raise DesignError(f"--vary {key!r}: {section}.{name} was removed: {removed[name]}")
    if name not in fields:
        close = difflib.get_close_matches(name, list(fields), n=1)
        elsewhere = [s for s, cls in _SECTIONS.items() if name in {f.name for f in dataclasses.fields(cls)}]
        hint = (f"; did you mean '{section}.{close[0]}'?" if close else
                f"; did you mean '{elsewhere[0]}.{name}'?" if elsewhere else "")
        raise DesignError(f"--vary {key!r}: unknown field '{name}' in [{section}]{hint} (known: {', '.join(fields)})")
    return section, name, fields[name]


def _field_unit(section: str, field: dataclasses.Field, current: Any) -> str | None:
    """The unit a field's values are given in: its declared unit, the orbit's own, or None for plain numbers."""
    if field.metadata.get("kind") == "qty":
        return field.metadata["unit"]
    if isinstance(current, pint.Quantity):
        return f"{current.units}"
    if section == "orbit":
        return _ORBIT_UNITS.get(field.name)
    return None


def _value(text: str, unit: str | None, where: str, *, clock: bool = False) -> Any:
    """One value: a number in ``unit`` (bare) or with its own unit, converted to ``unit``; ``HH:MM`` where
    ``clock``."""
    text = text.strip()
    try:
        return float(text) if unit is None else Q_(float(text), unit)
    except ValueError:
        pass
    if unit is None:
        raise DesignError(f"{where}: {text!r} is not a number (this field takes plain numbers)")
    if clock:
        try:
            hours = _clock_to_hours(text, where)
        except ValueError as exc:
            raise DesignError(str(exc)) from None
        if isinstance(hours, pint.Quantity):
            return hours.to(unit)
    q = parse_quantity(text, where)
    try:
        return q.to(unit)
    except pint.DimensionalityError:
        want = Q_(1, unit).dimensionality
        raise DesignError(f"{where}: {text!r} has the wrong unit ({q.dimensionality} where the field takes "
                          f"{want}, e.g. {unit})") from None


def _delta(unit: str) -> str:
    return unit if Q_(1, unit)._is_multiplicative else f"delta_{unit}"


def _spread(text: str, unit: str | None, column_unit: str | None, where: str) -> float:
    """A difference (a standard deviation) in ``column_unit``, bare numbers in ``unit``: an offset unit (degC)
    is read as its difference."""
    text = text.strip()
    if unit is None:
        return _value(text, None, where)
    try:
        q = Q_(float(text), _delta(unit))
    except ValueError:
        q = parse_quantity(text, where)
    if not q._is_multiplicative:  # "3 degC" as a spread is 3 K
        q = Q_(q.magnitude, f"delta_{q.units}")
    try:
        return float(q.m_as(_delta(column_unit)))
    except pint.DimensionalityError:
        raise DesignError(f"{where}: {text!r} has the wrong unit ({q.dimensionality} where the field takes "
                          f"{Q_(1, unit).dimensionality}, e.g. {unit})") from None


def _stack(items: list[Any], unit: str | None) -> Any:
    if unit is None:
        return np.asarray(items, dtype=float)
    return Q_(np.asarray([q.m_as(unit) for q in items], dtype=float), unit)


def _count(text: str, where: str) -> int:
    try:
        n = int(text.strip())
    except ValueError:
        raise DesignError(f"{where}: N = {text.strip()!r} is not a whole number") from None
    if n < 1:
        raise DesignError(f"{where}: N = {n} must be at least 1")
    return n


def _shown(x: Any) -> str:
    return f"{x.m:g} {x.units:~}" if isinstance(x, pint.Quantity) else f"{x:g}"


def _ordered(start: Any, stop: Any, where: str, words: tuple[str, str] = ("START", "STOP")) -> None:
    if float(getattr(start, "magnitude", start)) > float(getattr(stop, "magnitude", stop)):
        raise DesignError(f"{where}: {words[0]} = {_shown(start)} is above {words[1]} = {_shown(stop)}; a range "
                          "runs upward (write the smaller value first)")


def _law(name: str, args: str, unit: str | None, column_unit: str | None, where: str, *, clock: bool) -> Law:
    """A distribution's law, its parameters given in ``unit`` (bare numbers) and kept in ``column_unit``."""
    if name not in _LAWS:
        close = difflib.get_close_matches(name, list(_LAWS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise DesignError(f"{where}: unknown distribution {name!r}{hint} (known: {', '.join(_LAWS)})")
    names, spreads = _LAWS[name]
    parts = [a for a in args.split(",")]
    if len(parts) != len(names) or not all(p.strip() for p in parts):
        raise DesignError(f"{where}: {name} takes {len(names)} parameters, {name}({', '.join(names)})")
    values = []
    for p, n in zip(parts, names):
        if n == "SIGMA":
            values.append(_value(p, None, f"{where} ({n})"))
        elif n in spreads:
            values.append(_spread(p, unit, column_unit, f"{where} ({n})"))
        else:
            q = _value(p, unit, f"{where} ({n})", clock=clock)
            values.append(float(q) if unit is None else float(q.m_as(column_unit)))
    bad = None
    if name == "uniform" and not values[0] < values[1]:
        bad = "LO must be below HI"
    elif name == "normal" and not values[1] > 0:
        bad = f"SD = {parts[1].strip()} must be above 0"
    elif name == "triangular" and not (values[0] <= values[1] <= values[2] and values[0] < values[2]):
        bad = "expected LO <= MODE <= HI with LO below HI"
    elif name == "lognormal" and not (values[0] > 0 and values[1] > 0):
        bad = (f"MEDIAN must be above 0{f' {unit}' if unit else ''} and SIGMA (the standard deviation of ln x, a "
               "plain number) above 0")
    if bad or not all(map(math.isfinite, values)):
        raise DesignError(f"{where}: {bad or 'parameters must be finite'}")
    return Law(name, tuple(values))


def parse_variation(text: str, design: Design, *, sampled: bool = False) -> Variation:
    """Parse one ``--vary`` text against ``design``'s fields (the syntax is in the module docstring).

    ``sampled``: the text is for a sampling method (``LO:HI`` and distributions; ``START:STOP:N`` refused).
    Raises :class:`designs.DesignError` (a ``ValueError``) naming the variation and the problem; the listed or
    gridded values are checked by the design's own field checks, all at once.
    """
    key, eq, spec = text.partition("=")
    key = key.strip()
    if not eq or not spec.strip():
        raise DesignError(f"--vary {text!r}: expected section.field=START:STOP:N or section.field=V1,V2,...")
    section, name, field = _field(design, key)
    current = getattr(getattr(design, section), name)
    kind = field.metadata.get("kind")
    where = f"--vary {text!r}"
    why = discarded_reason(design, key)
    if why is not None:
        raise DesignError(f"{where}: {key} is not an input of this design: {why}, and a varied value would be "
                          "discarded")
    if kind in ("choice", "text"):
        return _choice_variation(key, spec, text, design, field, where)
    unit = _field_unit(section, field, current)
    if kind == "qty" or isinstance(current, pint.Quantity):
        column_unit = _column_unit(field, current)
    else:  # an orbit field left None (an SSO's inclination) takes the orbit's unit; plain numbers none
        column_unit = None if unit is None else _column_unit(field, Q_(1.0, unit))
    clock = key in _CLOCK_FIELDS
    spec = spec.strip()
    law = _LAW.match(spec)
    # a time of day holds colons: a list of HH:MM[:SS] first, then the clock ranges HH:MM:HH:MM[:N]
    clock_list = clock and all(_CLOCK.match(p) for p in spec.split(","))
    clock_grid = _CLOCK_GRID.match(spec) if clock and not clock_list else None
    clock_range = _CLOCK_RANGE.match(spec) if clock and not clock_list else None
    if law:
        if not sampled:
            raise DesignError(f"{where}: a distribution needs a sampling method (--method lhs, sobol or random "
                              "with --samples N); the grid takes START:STOP:N or V1,V2,...")
        if kind == "int":
            raise DesignError(f"{where}: {key} is a count: sample it from a list V1,V2,... or a range LO:HI")
        dist = _law(law.group(1).lower(), law.group(2), unit, column_unit, where, clock=clock)
        cut = _truncation(dist, field, column_unit, where)
        return _checked(Variation(key=key, values=None, text=text, unit=column_unit, law=dist, truncation=cut),
                        design)
    if clock_list:
        parts = [spec]
    elif clock_grid or clock_range:
        parts = list((clock_grid or clock_range).groups())
    else:
        parts = spec.split(":")
    if len(parts) == 3:
        if sampled:
            raise DesignError(f"{where}: START:STOP:N is a grid's range; with a sampling method the number of "
                              "points is --samples N: write section.field=LO:HI (uniform) or a distribution")
        start, stop = (_value(p, unit, where, clock=clock) for p in parts[:2])
        n = _count(parts[2], where)
        _ordered(start, stop, where)
        values = np.linspace(start, stop, n) if unit is None else Q_(np.linspace(start.m, stop.m, n), unit)
    elif len(parts) == 2:
        if not sampled:
            raise DesignError(f"{where}: a grid's range is START:STOP:N (N values, ends included); LO:HI is a "
                              "range for a sampling method (--method lhs, sobol or random)")
        lo, hi = (_value(p, unit, where, clock=clock) for p in parts)
        _ordered(lo, hi, where, ("LO", "HI"))
        if kind == "int":
            a, b = float(lo), float(hi)
            if a != round(a) or b != round(b):
                raise DesignError(f"{where}: {key} is a count: LO and HI must be whole numbers")
            values = np.arange(int(a), int(b) + 1, dtype=np.int64)
        else:
            if float(getattr(lo, "magnitude", lo)) == float(getattr(hi, "magnitude", hi)):
                raise DesignError(f"{where}: LO must be below HI")
            m = (float(lo), float(hi)) if unit is None else (float(lo.m_as(column_unit)), float(hi.m_as(column_unit)))
            return _checked(Variation(key=key, values=None, text=text, unit=column_unit, law=Law("uniform", m)),
                            design)
    elif len(parts) == 1:
        values = _stack([_value(p, unit, where, clock=clock) for p in spec.split(",")], unit)
    else:
        raise DesignError(f"{where}: expected {'LO:HI, a distribution' if sampled else 'START:STOP:N'} or a "
                          "comma-separated list" + (" (times of day: HH:MM)" if clock else ""))
    if kind == "int":
        whole = values == np.round(values)
        if not np.all(whole):
            raise DesignError(f"{where}: {key} is a count: every value must be whole, got "
                              f"{values[~whole][:5].tolist()}{' ...' if np.count_nonzero(~whole) > 5 else ''}")
        values = np.round(values).astype(np.int64)
    # the field checks its own dimension and bounds, naming itself: one call with every value at once
    design.replace(**{f"{section}__{name}": values})
    return Variation(key=key, values=values, text=text, unit=column_unit)


def _truncation(law: Law, field: dataclasses.Field, column_unit: str | None,
                where: str) -> tuple[float, float, float, float] | None:
    """An unbounded law's truncation to its field's declared range (:attr:`Variation.truncation`), or None where
    the range is unbounded or the law (uniform, triangular: checked whole by :func:`_checked`) stays inside."""
    meta = field.metadata
    if law.name not in ("normal", "lognormal") or (meta.get("lo") is None and meta.get("hi") is None):
        return None

    def end(x: Any) -> float | None:
        if x is None:
            return None
        return float(x) if column_unit is None else float(Q_(x, meta["unit"]).m_as(column_unit))

    lo, hi = end(meta.get("lo")), end(meta.get("hi"))
    f_lo = 0.0 if lo is None else law.cdf(lo)
    f_hi = 1.0 if hi is None else law.cdf(hi)
    if f_lo <= 2.0**-54 and f_hi >= 1.0 - 2.0**-53:  # beyond what Law.ppf ever draws (about 8 SD of a normal)
        return None
    if f_hi - f_lo < 1e-6:
        raise DesignError(f"{where}: {law.describe(column_unit)} lies outside the field's range "
                          f"({lo if lo is not None else '-inf'} to {hi if hi is not None else 'inf'}"
                          f"{'' if column_unit is None else ' ' + column_unit})")
    lo_v = -np.inf if lo is None else (np.nextafter(lo, np.inf) if meta.get("lo_open") else lo)
    hi_v = np.inf if hi is None else (np.nextafter(hi, -np.inf) if meta.get("hi_open") else hi)
    return (f_lo, f_hi, float(lo_v), float(hi_v))


def _checked(v: Variation, design: Design) -> Variation:
    """A sampled field's law checked against the field's bounds where the law is bounded (uniform, triangular)."""
    if v.law.name in ("uniform", "triangular"):
        ends = np.array([v.law.params[0], v.law.params[-1]])
        design.replace(**{v.key.replace(".", "__", 1): v.design_values(ends)})
    return v


def _choice_variation(key: str, spec: str, text: str, design: Design, field: dataclasses.Field,
                      where: str) -> Variation:
    names = [s.strip() for s in spec.split(",")]
    if not all(names):
        raise DesignError(f"{where}: {key} is a named choice: give a comma-separated list of names")
    if _LAW.match(spec) or ":" in spec:
        raise DesignError(f"{where}: {key} is a named choice: give a comma-separated list of names, not a range")
    options = field.metadata.get("options")
    for n in dict.fromkeys(names):
        if options is not None and n not in options:
            close = difflib.get_close_matches(n, list(options), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise DesignError(f"{where}: {key} is a named choice: {n!r} is not one of "
                              f"{', '.join(map(repr, options))}{hint}")
        try:  # a text field's table (vehicles, cells, materials) is checked by the section that owns it
            design.replace(**{key.replace(".", "__", 1): n})
        except (ValueError, TypeError) as exc:
            raise DesignError(f"{where}: {exc}") from None
    return Variation(key=key, values=np.asarray(names, dtype=str), text=text, unit=None)


# ---------------------------------------------------------------------------------------------------------------
# plans


class SweepPlan:
    """The points of a sweep over ``design``: a full-factorial grid, or ``samples`` drawn by ``method``.

    Build one with :func:`make_plan`. Attributes: ``design``, ``variations`` (tuple of :class:`Variation`),
    ``method``, ``samples`` (None for the grid), ``seed``, ``shape`` (the grid's shape, or ``(samples,)``) and
    ``size`` (the number of points).
    """

    def __init__(self, design: Design, variations: Sequence[Variation], *, method: str = "grid",
                 samples: int | None = None, seed: int = 0) -> None:
        self.design = design
        self.variations = tuple(variations)
        self.method = method
        self.samples = samples
        self.seed = seed
        if method == "grid":
            if any(v.law is not None for v in self.variations):
                raise DesignError("--vary: a distribution or LO:HI needs a sampling method (--method lhs, sobol "
                                  "or random)")
            self.shape = tuple(len(v.values) for v in self.variations)
            self._draws = None
        else:
            self.shape = (samples,)
            self._draws = self._draw()
        self.size = math.prod(self.shape)

    def _draw(self) -> tuple[np.ndarray, ...]:
        """The whole sweep's points, drawn once: per variation, a law's samples in its column's unit or the
        indices of a list's values."""
        n, d = self.samples, len(self.variations)
        if self.method == "random":
            unit = np.random.default_rng(self.seed).random((n, d))
        else:
            from scipy.stats import qmc

            if self.method == "lhs":
                unit = qmc.LatinHypercube(d=d, seed=self.seed).random(n)
            else:
                sobol = qmc.Sobol(d=d, scramble=True, seed=self.seed)
                if n & (n - 1):
                    warnings.warn(f"--samples {n}: Sobol' points keep their balance for a power of 2 only "
                                  f"(the nearest: {2 ** max(round(math.log2(n)), 0):,})", UserWarning, stacklevel=3)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", UserWarning)  # said above, once, in our words
                    unit = sobol.random(n)
        draws = []
        for j, v in enumerate(self.variations):
            if v.law is not None:
                draws.append(v.sample(unit[:, j]))
            else:
                k = len(v.values)
                draws.append(np.minimum((unit[:, j] * k).astype(np.intp), k - 1))
        return tuple(draws)

    def _picks(self, start: int, stop: int) -> list[np.ndarray]:
        if not 0 <= start <= stop <= self.size:
            raise ValueError(f"points {start}:{stop}: expected 0 <= start <= stop <= {self.size}")
        if self._draws is None:
            return list(np.unravel_index(np.arange(start, stop), self.shape))
        return [d[start:stop] for d in self._draws]

    def changes(self, start: int, stop: int, design: Design | None = None) -> list[tuple[np.ndarray, dict[str, Any]]]:
        """Points ``start`` to ``stop - 1`` as ``(rows, changes)`` groups, one per distinct combination of named
        choices (ordered by the combination; a single group where nothing named is varied): ``rows`` are the
        points' offsets from ``start`` (increasing), ``changes`` the ``section__field`` keywords of
        :meth:`Design.replace` for them (arrays; a named choice as one name)."""
        picks = self._picks(start, stop)
        named = [j for j, v in enumerate(self.variations) if v.is_choice]
        n = stop - start
        if not named:
            groups = [np.arange(n)]
        else:
            code = np.ravel_multi_index([picks[j] for j in named], [len(self.variations[j].values) for j in named])
            combos, inverse = np.unique(code, return_inverse=True)
            order = np.argsort(inverse, kind="stable")
            groups = np.split(order, np.cumsum(np.bincount(inverse, minlength=len(combos)))[:-1])
        out = []
        for rows in groups:
            ch = {}
            for j, v in enumerate(self.variations):
                k = v.key.replace(".", "__", 1)
                ch[k] = str(v.values[picks[j][rows[0]]]) if v.is_choice else v.design_values(picks[j][rows])
            if not any(not v.is_choice for v in self.variations):
                # only named choices vary: an array of the points' own (unchanged) chip power makes the call a
                # vectorized one of len(rows) points, like every other group's
                power = (self.design if design is None else design).payload.chip_power
                ch["payload__chip_power"] = Q_(np.full(len(rows), power.m), power.units)
            out.append((rows, ch))
        return out

    def inputs(self, start: int, stop: int, design: Design | None = None) -> list[tuple[np.ndarray, Design]]:
        """Points ``start`` to ``stop - 1`` as ``(rows, design)`` groups (see :meth:`changes`): the design (this
        plan's, or ``design``) with those points' inputs set, arrays for a vectorized :func:`designs.size`."""
        base = self.design if design is None else design
        return [(rows, base.replace(**ch)) for rows, ch in self.changes(start, stop, base)]

    def input_columns(self, start: int, stop: int) -> dict[str, np.ndarray]:
        """The input columns of points ``start`` to ``stop - 1``, in the variations' order: floats in the column's
        unit (``input.thermal.coolant_temperature_K``), whole numbers for counts, names for named choices."""
        picks = self._picks(start, stop)
        return {v.column: v.column_values(p) for v, p in zip(self.variations, picks)}

    def check(self) -> None:
        """Build every point's design at once (per combination of named choices): a combination invalid together
        (a battery minimum above its maximum, a sample beyond a field's bound) raises, naming the field."""
        for _ in self.inputs(0, self.size):
            pass

    def describe(self) -> str:
        """The plan in one line, for a sweep's fingerprint and manifest: the method, the points, the seed, each
        variation (a law with its parameters in the column's unit), and for a sampled plan a digest of its points.

        Examples
        --------
        >>> from spacedc import designs
        >>> make_plan(designs.load("sso-100kw"), ["payload.chip_power=600:1400:3"]).describe()
        'grid of 3 points: payload.chip_power=600:1400:3'
        """
        fields = " | ".join(f"{v.key}={v.law.describe(v.unit)}" if v.law is not None else v.text.strip()
                            for v in self.variations)
        if self._draws is None:
            return f"grid of {self.size:,} points: {fields}"
        digest = hashlib.sha256()
        for d in self._draws:
            digest.update(np.ascontiguousarray(d).tobytes())
        return (f"{self.method} of {self.size:,} samples, seed {self.seed}: {fields} "
                f"(points sha256 {digest.hexdigest()[:16]})")

    def manifest(self) -> dict[str, Any]:
        """The plan's arguments as JSON-ready data: ``method``, ``samples``, ``seed``, ``vary`` (the texts)."""
        return {"method": self.method, "samples": self.samples, "seed": self.seed,
                "vary": [v.text for v in self.variations]}

    def __repr__(self) -> str:
        return f"SweepPlan({self.describe()!r})"


def _method(method: Any, samples: Any, seed: Any) -> tuple[str, int | None, int]:
    if method not in METHODS:
        raise DesignError(f"--method {method!r}: expected one of {', '.join(METHODS)}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DesignError(f"--seed {seed!r}: expected a whole number >= 0")
    if method == "grid":
        if samples is not None:
            raise DesignError(f"--samples {samples}: the grid's points are every combination of the variations; "
                              "--samples goes with --method lhs, sobol or random")
        return method, None, int(seed)
    if samples is None:
        raise DesignError(f"--method {method} needs --samples N (the number of points to draw)")
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)) or samples < 1:
        raise DesignError(f"--samples {samples!r}: expected a whole number of points >= 1")
    return method, int(samples), int(seed)


def make_plan(design: Design, vary: Sequence[str | Variation], *, method: str = "grid", samples: int | None = None,
              seed: int = 0, check: bool = True) -> SweepPlan:
    """The plan of a sweep of ``design`` over the ``--vary`` texts (or parsed :class:`Variation` objects).

    Parameters
    ----------
    design : Design
    vary : sequence of str or Variation
        The syntax is in the module docstring.
    method : {"grid", "lhs", "sobol", "random"}
        The full-factorial grid, or samples drawn from the unit hypercube.
    samples : int, optional
        The number of points to draw (a sampling method only).
    seed : int
        The sampler's seed (default 0): the same arguments draw the same points.
    check : bool
        Build every point's design before returning (see :meth:`SweepPlan.check`).

    Raises
    ------
    DesignError
        For a bad variation, method, sample count or seed, naming it; ``check``: for points invalid together.

    Examples
    --------
    >>> from spacedc import designs
    >>> plan = make_plan(designs.load("sso-100kw"), ["thermal.coolant_temperature=normal(40 degC, 3 K)"],
    ...                  method="lhs", samples=8)
    >>> plan.size, list(plan.input_columns(0, 2))
    (8, ['input.thermal.coolant_temperature_K'])
    """
    method, samples, seed = _method(method, samples, seed)
    if not vary:
        raise DesignError("a sweep needs at least one variation (--vary section.field=START:STOP:N)")
    variations = [v if isinstance(v, Variation) else parse_variation(v, design, sampled=method != "grid")
                  for v in vary]
    keys = [v.key for v in variations]
    if len(set(keys)) != len(keys):
        twice = dict.fromkeys(k for k in keys if keys.count(k) > 1)
        raise DesignError(f"--vary: a field is varied twice ({', '.join(twice)})")
    plan = SweepPlan(design, variations, method=method, samples=samples, seed=seed)
    if check:
        plan.check()
    return plan


def _value_count(text: Any) -> int | None:
    """How many values a grid variation's text gives, read without building them; None where
    :func:`parse_variation` will say what is wrong with it."""
    if not isinstance(text, str):
        return None
    spec = text.partition("=")[2]
    m = _CLOCK_GRID.match(spec.strip())
    parts = [m.group(1), m.group(2), m.group(3)] if m else spec.split(":")
    if len(parts) == 3:
        try:
            return max(int(parts[2]), 0)
        except ValueError:
            return None
    return len(parts[0].split(",")) if len(parts) == 1 and not _LAW.match(spec) else None


def plan_counts(vary: Sequence[str | Variation], *, method: str = "grid", samples: int | None = None
                ) -> list[int | None]:
    """The number of values per variation of a grid, ``[samples]`` for a sampling method, read without building
    anything (for :func:`designs.sweep.check_size`); a None where the text is bad (the plan then says why)."""
    if method != "grid":
        return [samples if isinstance(samples, int) and not isinstance(samples, bool) else None]
    return [len(v.values) if isinstance(v, Variation) and v.values is not None else _value_count(v) for v in vary]


def _grid(variations: Sequence[Variation]) -> tuple[int, ...]:
    return tuple(len(v.values) for v in variations)


def _merge(parts: list[tuple[np.ndarray, dict[str, Any]]], n: int) -> dict[str, Any]:
    """Columns of several groups of rows (see :meth:`SweepPlan.changes`) as one table of ``n`` rows in row order.

    A group sized as a single design (only named choices vary) has columns of one value, repeated over its rows.
    A column that one group leaves unfilled (None: a check that its choice does not make) is NaN there (text:
    empty). A column holding one value throughout stays a broadcast view (per-design texts are long).
    """
    keys = list(dict.fromkeys(k for _, cols in parts for k in cols))
    out: dict[str, Any] = {}
    for key in keys:
        arrays = [cols.get(key) for _, cols in parts]
        present = [np.asarray(a) for a in arrays if a is not None]
        if not present:
            out[key] = None
            continue
        if len(present) == len(arrays) and all(a.size == 1 or a.strides == (0,) for a in present):
            first = present[0].reshape(-1)[:1]
            if all(np.array_equal(a.reshape(-1)[:1], first) for a in present[1:]):
                out[key] = np.broadcast_to(first, (n,))
                continue
        kinds = {a.dtype.kind for a in present}
        if kinds <= {"U"}:
            dtype, fill = np.result_type(*present), ""
        elif kinds <= {"f", "i", "u", "b"} and (len(present) == len(arrays) or kinds <= {"f", "i", "u"}):
            dtype = np.result_type(*present) if len(present) == len(arrays) else np.result_type(*present, np.float64)
            fill = np.nan
        else:
            dtype, fill = object, None
        column = np.empty(n, dtype=dtype)
        for (rows, _), a in zip(parts, arrays):
            column[rows] = fill if a is None else np.asarray(a).reshape(-1)
        out[key] = column
    return out


def size_chunk(design: Design, plan: SweepPlan | Sequence[Variation], start: int, stop: int, *,
               columns: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    """Size points ``start`` to ``stop - 1`` of ``plan``, one vectorized call per combination of named choices;
    their columns: ``point``, the inputs, then ``columns(result)`` of each call's result (the summary's columns,
    :func:`designs.sweep.sweep_columns`, which the sweep passes: the output side owns how results are flattened),
    joined in point order.

    ``plan`` may be a sequence of grid :class:`Variation` objects (the grid they make).
    """
    from spacedc.designs.chain import size

    if not isinstance(plan, SweepPlan):
        plan = SweepPlan(design, plan)
    out: dict[str, Any] = {"point": np.arange(start, stop)}
    out |= plan.input_columns(start, stop)
    n = stop - start
    groups = [(rows, columns(size(d, transient=False))) for rows, d in plan.inputs(start, stop, design)]
    if len(groups) == 1 and all(c is None or len(c) == n for c in groups[0][1].values()):
        return out | groups[0][1]
    return out | _merge(groups, n)
