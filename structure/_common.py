"""Small shared helpers of the structure package: constants, broadcasting and feasibility reasons."""

from __future__ import annotations

from typing import Any

import numpy as np

from spacedc.results import mask_reasons as reasons  # noqa: F401  (re-exported for the structure modules)


#: Standard acceleration of gravity g0 = 9.80665 m/s^2 (exact; 3rd CGPM 1901, ISO 80000-3). Launch load factors
#: are multiples of g0.
G0 = 9.80665


def broadcast(*arrays: Any) -> list[np.ndarray]:
    """Broadcast validated float arrays to one shape (numpy rules), returning float arrays."""
    return [np.asarray(a, dtype=float) for a in np.broadcast_arrays(*arrays)]


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
