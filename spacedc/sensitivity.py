"""Variance-based global sensitivity: first-order and total Sobol' indices by the Saltelli/Jansen estimators.

For a model ``Y = f(X_1, ..., X_d)`` of independent inputs, the first-order index ``S_i = V[E(Y | X_i)] / V(Y)``
is the share of the variance of ``Y`` that ``X_i`` explains alone, and the total index
``S_Ti = E[V(Y | X_~i)] / V(Y)`` the share it takes part in, its interactions included [Saltelli2010] eq. (1)-(2).
The indices sum to 1 (the first-order ones) for an additive model, and ``S_Ti >= S_i`` always.

The design [Saltelli2010] sec. 3: two independent ``N x d`` matrices ``A`` and ``B`` of unit samples, and for
each input ``i`` the matrix ``A_B^i``, ``A`` with its column ``i`` taken from ``B``; the model runs on all of
them, ``N (d + 2)`` points, in as many vectorized calls as the caller likes. The estimators, [Saltelli2010]
Table 2:

- first order, (b): ``V_i = (1/N) sum_j f(B)_j (f(A_B^i)_j - f(A)_j)``;
- total, (f), Jansen's [Jansen1999]: ``V_Ti = (1/(2N)) sum_j (f(A)_j - f(A_B^i)_j)^2``;

each divided by ``V(Y)``, the variance of ``f(A)`` and ``f(B)`` together. Confidence intervals are by the
bootstrap over the ``N`` rows (percentile intervals), which costs no further model runs.

>>> import numpy as np
>>> f = lambda x: 2.0 * x[:, 0] + 1.0 * x[:, 1]          # additive: S = (4, 1) / 5 for uniform inputs
>>> r = sobol(f, 2, 4096, seed=1)
>>> np.round(r.first, 2).tolist(), np.round(r.total, 2).tolist()
([0.8, 0.2], [0.8, 0.2])
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from collections.abc import Callable

import numpy as np

__all__ = ["SobolIndices", "saltelli_samples", "sobol_indices", "sobol", "ishigami"]


@dataclasses.dataclass(frozen=True)
class SobolIndices:
    """First-order and total Sobol' indices of one output, one entry per input.

    ``first``, ``total``: the indices; ``first_ci``, ``total_ci``: their bootstrap confidence intervals,
    ``(d, 2)`` arrays of the lower and upper ends (None without a bootstrap); ``confidence``: the intervals'
    level; ``variance``: the output's variance; ``n``: the base sample count ``N`` (``N (d + 2)`` model runs).
    """

    first: np.ndarray
    total: np.ndarray
    variance: float
    n: int
    first_ci: np.ndarray | None = None
    total_ci: np.ndarray | None = None
    confidence: float = 0.95

    def to_dict(self, names: list[str] | None = None) -> dict:
        """JSON-ready: per input (its name, or its index), ``first``, ``total`` and their intervals."""
        names = names or [str(i) for i in range(len(self.first))]
        out = {}
        for i, name in enumerate(names):
            row = {"first": float(self.first[i]), "total": float(self.total[i])}
            if self.first_ci is not None:
                row |= {"first_ci": [float(x) for x in self.first_ci[i]],
                        "total_ci": [float(x) for x in self.total_ci[i]]}
            out[name] = row
        return {"indices": out, "variance": float(self.variance), "base_samples": self.n,
                "confidence": self.confidence}


def saltelli_samples(n: int, d: int, *, method: str = "sobol", seed: int = 0) -> tuple[np.ndarray, ...]:
    """The unit samples of the Saltelli design: ``A`` and ``B`` (each ``(n, d)``) and ``AB`` (``(d, n, d)``:
    ``AB[i]`` is ``A`` with column ``i`` from ``B``), [Saltelli2010] sec. 3.

    ``A`` and ``B`` are the two halves of one ``2 d``-dimensional sample: scrambled Sobol' points
    (``method="sobol"``, [Saltelli2010]'s choice) or numpy's ``default_rng(seed)`` (``"random"``).

    Examples
    --------
    >>> a, b, ab = saltelli_samples(4, 3, method="random")
    >>> bool(np.all(ab[1][:, 1] == b[:, 1]) and np.all(ab[1][:, [0, 2]] == a[:, [0, 2]]))
    True
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n = {n!r}: expected a whole number of base samples >= 2")
    if isinstance(d, bool) or not isinstance(d, (int, np.integer)) or d < 1:
        raise ValueError(f"d = {d!r}: expected a whole number of inputs >= 1")
    if method == "random":
        unit = np.random.default_rng(seed).random((n, 2 * d))
    elif method == "sobol":
        from scipy.stats import qmc

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)   # a base count not a power of 2 loses the balance only
            unit = qmc.Sobol(d=2 * d, scramble=True, seed=seed).random(n)
    else:
        raise ValueError(f"method = {method!r}: expected 'sobol' or 'random'")
    a, b = unit[:, :d], unit[:, d:]
    ab = np.repeat(a[None, :, :], d, axis=0)
    for i in range(d):
        ab[i, :, i] = b[:, i]
    return a, b, ab


def _estimate(fa: np.ndarray, fb: np.ndarray, fab: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """First-order and total indices and the variance along the last axis (rows) of ``fa``, ``fb`` (``(..., n)``)
    and ``fab`` (``(..., d, n)``)."""
    both = np.concatenate([fa, fb], axis=-1)
    mean = np.mean(both, axis=-1, keepdims=True)   # centred: the same expectation, far less noise for a large mean
    fa, fb, fab = fa - mean, fb - mean, fab - mean[..., None, :]
    var = np.var(both, axis=-1)
    first = np.mean(fb[..., None, :] * (fab - fa[..., None, :]), axis=-1)
    total = 0.5 * np.mean((fa[..., None, :] - fab) ** 2, axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return first / var[..., None], total / var[..., None], var


def sobol_indices(fa: np.ndarray, fb: np.ndarray, fab: np.ndarray, *, bootstrap: int = 200,
                  confidence: float = 0.95, seed: int = 0) -> SobolIndices:
    """First-order and total indices from the model's values on the Saltelli design (:func:`saltelli_samples`):
    ``fa = f(A)``, ``fb = f(B)`` (``(n,)``) and ``fab[i] = f(A_B^i)`` (``(d, n)``); [Saltelli2010] Table 2 (b)
    and (f).

    ``bootstrap`` resamples of the ``n`` rows (0: none) give percentile intervals at ``confidence``.

    Raises
    ------
    ValueError
        For shapes that do not match, values that are not finite, or an output that does not vary (its
        indices are undefined: 0 / 0).
    """
    fa, fb, fab = (np.asarray(x, dtype=float) for x in (fa, fb, fab))
    if fa.ndim != 1 or fb.shape != fa.shape or fab.ndim != 2 or fab.shape[1] != fa.shape[0]:
        raise ValueError(f"sobol_indices: expected fa and fb of shape (n,) and fab of shape (d, n), got "
                         f"{fa.shape}, {fb.shape} and {fab.shape}")
    if not (np.all(np.isfinite(fa)) and np.all(np.isfinite(fb)) and np.all(np.isfinite(fab))):
        raise ValueError("sobol_indices: the model's values must be finite")
    first, total, var = _estimate(fa, fb, fab)
    if not var > 0:
        raise ValueError("sobol_indices: the output does not vary over the samples (variance 0): its Sobol' "
                         "indices are undefined")
    n = fa.shape[0]
    first_ci = total_ci = None
    if bootstrap:
        rng = np.random.default_rng(seed)
        lo, hi = 50 * (1 - confidence), 50 * (1 + confidence)
        fi, ti = [], []
        step = max(1, int(2e7 // max(n * (fab.shape[0] + 2), 1)))   # resamples per vectorized call, in memory
        for start in range(0, bootstrap, step):
            k = rng.integers(0, n, size=(min(step, bootstrap - start), n))
            f, t, _ = _estimate(fa[k], fb[k], np.moveaxis(fab[:, k], 0, 1))
            fi.append(f)
            ti.append(t)
        fi, ti = np.concatenate(fi), np.concatenate(ti)
        first_ci = np.stack([np.nanpercentile(fi, lo, axis=0), np.nanpercentile(fi, hi, axis=0)], axis=-1)
        total_ci = np.stack([np.nanpercentile(ti, lo, axis=0), np.nanpercentile(ti, hi, axis=0)], axis=-1)
    return SobolIndices(first=first, total=total, variance=float(var), n=n, first_ci=first_ci,
                        total_ci=total_ci, confidence=confidence)


def sobol(func: Callable[[np.ndarray], np.ndarray], d: int, n: int, *, method: str = "sobol", seed: int = 0,
          bootstrap: int = 200, confidence: float = 0.95) -> SobolIndices:
    """Sobol' indices of ``func`` over ``d`` independent inputs uniform on [0, 1) (map them through their inverse
    CDFs inside ``func``), from ``n`` base samples: ``func`` is called once, on all ``n (d + 2)`` points stacked
    as an ``(n (d + 2), d)`` array, and returns one value per row.

    Examples
    --------
    The Ishigami function's published indices ([Saltelli2010] sec. 5; [Ishigami1990]) for a = 7, b = 0.1:
    S = (0.3139, 0.4424, 0), S_T1 = 0.5576.

    >>> r = sobol(ishigami, 3, 2**14, seed=0, bootstrap=0)
    >>> np.round(r.first, 2).tolist(), round(float(r.total[0]), 2)
    ([0.31, 0.44, 0.0], 0.56)
    """
    a, b, ab = saltelli_samples(n, d, method=method, seed=seed)
    y = np.asarray(func(np.concatenate([a, b, ab.reshape(d * n, d)])), dtype=float)
    if y.shape != (n * (d + 2),):
        raise ValueError(f"sobol: func returned shape {y.shape} for {n * (d + 2)} points; expected one value each")
    return sobol_indices(y[:n], y[n:2 * n], y[2 * n:].reshape(d, n), bootstrap=bootstrap, confidence=confidence,
                         seed=seed)


def ishigami(u: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    """The Ishigami function ``sin x1 + a sin^2 x2 + b x3^4 sin x1`` of ``x = pi (2 u - 1)``, the unit samples
    ``u`` (``(m, 3)``) mapped onto [-pi, pi) [Ishigami1990]; its indices are known in closed form.

    Examples
    --------
    >>> round(float(ishigami(np.array([[0.75, 0.75, 0.5]]))[0]), 6)   # sin(pi/2) + 7 sin^2(pi/2)
    8.0
    """
    x = math.pi * (2.0 * np.asarray(u, dtype=float) - 1.0)
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])
