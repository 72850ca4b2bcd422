"""Small shared helpers of the structure package: the launch-load constant g0 and broadcasting."""

from __future__ import annotations

from typing import Any

import numpy as np


#: Standard acceleration of gravity g0 = 9.80665 m/s^2 (exact; 3rd CGPM 1901, ISO 80000-3). Launch load factors
#: are multiples of g0.
G0 = 9.80665


def broadcast(*arrays: Any) -> list[np.ndarray]:
    """Broadcast validated float arrays to one shape (numpy rules), returning float arrays."""
    return [np.asarray(a, dtype=float) for a in np.broadcast_arrays(*arrays)]

