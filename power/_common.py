"""Small shared helpers of the power package: broadcasting, feasibility flags and reasons."""

from __future__ import annotations

from typing import Any

import numpy as np


def broadcast(*arrays: np.ndarray) -> list[np.ndarray]:
    """Broadcast validated float arrays to one shape (numpy rules), returning float arrays."""
    return [np.asarray(a, dtype=float) for a in np.broadcast_arrays(*arrays)]


def reasons(shape: tuple[int, ...], *causes: tuple[np.ndarray, str]) -> np.ndarray:
    """One reason string per point: the messages of every true mask joined with "; ", "" where none.

    Vectorized over points (numpy object arrays), so a million-point sweep costs one pass per cause.
    """
    out = np.full(shape, "", dtype=object)
    for mask, message in causes:
        mask = np.broadcast_to(mask, shape)
        sep = np.where(mask & (out != ""), "; ", "")
        out = out + sep + np.where(mask, message, "")
    return out


def scalar_flags(feasible: np.ndarray, why: np.ndarray) -> tuple[Any, Any]:
    """0-d feasibility and reason arrays become a Python bool and str; others stay arrays."""
    if np.ndim(feasible) == 0:
        return bool(feasible), str(why)
    return np.asarray(feasible, dtype=bool), why
