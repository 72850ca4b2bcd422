"""Small shared helpers of the structure package: constants, broadcasting and feasibility reasons."""

from __future__ import annotations

from typing import Any

import numpy as np


#: Standard acceleration of gravity g0 = 9.80665 m/s^2 (exact; 3rd CGPM 1901, ISO 80000-3). Launch load factors
#: are multiples of g0.
G0 = 9.80665


def broadcast(*arrays: Any) -> list[np.ndarray]:
    """Broadcast validated float arrays to one shape (numpy rules), returning float arrays."""
    return [np.asarray(a, dtype=float) for a in np.broadcast_arrays(*arrays)]


def reasons(shape: tuple[int, ...], *causes: tuple[Any, str]) -> np.ndarray:
    """One reason string per point: the messages of every true mask joined with "; ", "" where none.

    Vectorized over points: each point gets an integer code with one bit per cause, and a table of the 2^n
    joined messages (n causes, a handful) is indexed by it, so a million points cost a few integer passes.
    """
    code = np.zeros(shape, dtype=np.int64)
    for bit, (mask, _) in enumerate(causes):
        code |= np.broadcast_to(np.asarray(mask, dtype=bool), shape).astype(np.int64) << bit
    table = np.array(["; ".join(m for bit, (_, m) in enumerate(causes) if key >> bit & 1)
                      for key in range(1 << len(causes))], dtype=object)
    return table[code]


def flags(feasible: Any, why: np.ndarray) -> tuple[Any, Any]:
    """0-d feasibility and reason arrays become a Python bool and str; others stay arrays."""
    feasible = np.asarray(feasible, dtype=bool)
    if feasible.ndim == 0:
        return bool(feasible), str(why)
    return feasible, why


def count(x: Any) -> Any:
    """A whole-number count: 0-d as a Python int, arrays as int64 arrays."""
    x = np.asarray(x)
    return int(x) if x.ndim == 0 else x.astype(np.int64)
