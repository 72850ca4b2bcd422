"""Result objects shared by every package: frozen dataclasses of Quantities that flatten to SI numbers.

A result field that holds a Quantity is flattened by :meth:`Result.to_dict` to ``<name>_<unit>`` in the
unit given by the field's metadata (``field(metadata={"unit": "W*h"})``) or, by default, the Quantity's SI
base unit. Feasibility is part of the result, never an exception: ``feasible`` broadcasts like the other
fields and ``reasons`` holds one human sentence per infeasible point (an empty string where feasible).
Every package builds its reasons with :func:`mask_reasons` and collapses a single point's flags and
sentences to ``bool`` and ``str`` with :func:`spacedc.units.scalar_or_array`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.units import finite_or_none, unit_suffix

__all__ = ["Result", "mask_reasons", "combine_reasons"]


@dataclasses.dataclass(frozen=True)
class Result:
    """Base class of every spacedc result. Subclasses are frozen dataclasses."""

    def to_dict(self) -> dict[str, Any]:
        """Flatten to plain SI numbers (lists for arrays); nested results become nested dicts."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.metadata.get("skip"):
                continue
            value = getattr(self, f.name)
            if isinstance(value, pint.Quantity):
                unit = f.metadata.get("unit") or _si_unit(value)
                out[f"{f.name}_{unit_suffix(unit)}"] = finite_or_none(np.asarray(value.m_as(unit)))
            elif isinstance(value, Result):
                out[f.name] = value.to_dict()
            elif isinstance(value, np.ndarray):
                out[f.name] = finite_or_none(value) if value.dtype.kind != "U" else value.tolist()
            else:
                out[f.name] = finite_or_none(value)
        return out


def _si_unit(q: pint.Quantity) -> str:
    base = (1 * q.units).to_base_units().units
    return f"{base:~}"


def combine_reasons(*parts: Any) -> np.ndarray:
    """Join per-point reason arrays with ``"; "``, skipping empty strings. Broadcasts.

    Vectorized: the Python work loops over the distinct messages and their distinct combinations (a
    handful), never over points, so a million-point sweep costs a few array passes.
    """
    arrays = np.broadcast_arrays(*[np.asarray(p, dtype=object) for p in parts])
    if not arrays:
        return np.asarray("", dtype=object)
    shape = arrays[0].shape
    key = np.zeros(shape, dtype=np.int64)
    radix = 1
    vocab: list[list[str]] = []
    for a in arrays:
        messages = [""] + sorted({str(m) for m in np.unique(a[a != ""])})
        code = np.zeros(shape, dtype=np.int64)
        for j, m in enumerate(messages[1:], start=1):
            code[a == m] = j
        key += code * radix
        radix *= len(messages)
        vocab.append(messages)
    unique, inverse = np.unique(key, return_inverse=True)
    joined = []
    for k in unique.tolist():
        words = []
        for messages in vocab:
            k, j = divmod(k, len(messages))
            if j:
                words.append(messages[j])
        joined.append("; ".join(words))
    return np.asarray(joined, dtype=object)[np.ravel(inverse)].reshape(shape)


def mask_reasons(shape: tuple[int, ...], *causes: tuple[Any, str]) -> np.ndarray:
    """The reasons builder: one reason string per point of ``shape`` from ``(mask, message)`` causes, the
    messages of every true mask joined with ``"; "`` in the order given, ``""`` where none. Always an object
    array of ``shape`` (0-d for one point; :func:`spacedc.units.scalar_or_array` with ``str`` collapses it).

    Vectorized over points: each point gets an integer code with one bit per cause, and a table of the 2^n
    joined messages (n causes, a handful) is indexed by it, so a million points cost a few integer passes.

    >>> mask_reasons((3,), ([True, False, True], "too hot"), ([True, False, False], "too heavy")).tolist()
    ['too hot; too heavy', '', 'too hot']
    """
    code = np.zeros(shape, dtype=np.int64)
    for bit, (mask, _) in enumerate(causes):
        code |= np.broadcast_to(np.asarray(mask, dtype=bool), shape).astype(np.int64) << bit
    table = np.array(["; ".join(m for bit, (_, m) in enumerate(causes) if key >> bit & 1)
                      for key in range(1 << len(causes))], dtype=object)
    return table[code.ravel()].reshape(shape)
