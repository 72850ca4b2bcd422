"""Small shared helper of the power package: broadcasting validated inputs to one shape."""

from __future__ import annotations

import numpy as np


def broadcast(*arrays: np.ndarray) -> list[np.ndarray]:
    """Broadcast validated float arrays to one shape (numpy rules), returning float arrays."""
    return [np.asarray(a, dtype=float) for a in np.broadcast_arrays(*arrays)]
