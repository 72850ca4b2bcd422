"""Survival of a chip population nobody can repair: k-out-of-n, cold standby, Weibull wear-out, spares sizing.

* :func:`k_of_n` -- probability that at least k of n independent identical units work (binomial survival).
* :func:`standby_reliability` -- one active unit and s cold spares, perfect switching (Poisson sum).
* :func:`weibull_reliability` -- R(t) = exp(-(t/eta)^beta), wear-out for beta > 1.
* :func:`spares_for` -- the smallest spare count for a fraction of the chips working at end of life with a
  stated confidence, hot (spares run and fail) or cold (spares dormant until switched in).
* :func:`payload_survival` -- for given spares: the chance that the target is met and the expected working
  fraction at end of life (the payload model's kernel).

Every function broadcasts over its inputs; no decision over a batch changes a point's answer. Probabilities
come back as plain floats for one point and float arrays for many (as
:func:`spacedc.structure.no_penetration_probability`), spare counts as ints or int64 arrays.

A failure rate lambda [1/time] (e.g. ``"5000 FIT"``) is constant (exponential life) unless a Weibull shape
beta is given; the Weibull scale is then eta = 1 / lambda, so that R(t) = exp(-(lambda t)^beta) and beta = 1 is
the exponential law.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pint
from scipy import special
from scipy.stats import binom

from spacedc.units import fraction as _fraction, named_shapes, scalar_or_array, si

__all__ = ["SPARE_MODES", "QUADRATURE_NODES", "k_of_n", "standby_reliability", "weibull_reliability",
           "spares_for", "payload_survival"]

#: Spare policies: ``"hot"`` spares are powered and fail at the active rate; ``"cold"`` spares are dormant
#: (unpowered, assumed not to fail) until switched in.
SPARE_MODES = ("hot", "cold")

#: Gauss-Legendre nodes of the cold-spare convolution integral (see :func:`payload_survival`).
QUADRATURE_NODES = 64
_GL_X, _GL_W = np.polynomial.legendre.leggauss(QUADRATURE_NODES)

#: Largest unit count handled: counts are exact integers in float64 below 2**53.
_MAX_COUNT = 2.0 ** 53
#: Tail probability outside which the sharper distribution of the cold-spare convolution is neglected.
_TAIL = 1e-13


def _count(value: Any, name: str) -> np.ndarray:
    """A non-negative integer count (int, integer-valued float, or array of them) as an int64 array."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} = {value!r}: expected a whole number, not a bool")
    if isinstance(value, pint.Quantity):
        if not value.dimensionless:
            raise TypeError(f"{name} = {value!r}: expected a whole number (a count), not a quantity in {value.units}")
        value = value.m_as("dimensionless")
    try:
        x = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} = {value!r}: expected a whole number (a count)") from None
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{name} = {value!r}: must be finite")
    bad = (x < 0) | (x != np.round(x)) | (x >= _MAX_COUNT)
    if np.any(bad):
        first = x.ravel()[np.flatnonzero(bad.ravel())[0]]
        raise ValueError(f"{name} = {first:g}: expected a whole number >= 0 (and below 2**53)")
    return x.astype(np.int64)


def _rate(failure_rate: Any) -> np.ndarray:
    return si(failure_rate, "1/hour", "failure_rate", lo=0)


def _hours(duration: Any) -> np.ndarray:
    return si(duration, "hour", "duration", lo=0)


def _k_of_n(k: np.ndarray, n: np.ndarray, r: np.ndarray) -> np.ndarray:
    return np.asarray(binom.sf(k - 1, n, r), dtype=float)


@named_shapes
def k_of_n(k: Any, n: Any, reliability: Any) -> float | np.ndarray:
    """Probability that at least ``k`` of ``n`` independent identical units work (the k-out-of-n:G system).

    .. math::

        P = \\sum_{i=k}^{n} \\binom{n}{i} R^i (1 - R)^{n-i}

    the binomial survival function ([Ebeling2010] ch. 5, k-out-of-n redundancy; [OConnor2012] ch. 6).
    ``k = 0`` gives 1 and ``k > n`` gives 0.

    Parameters
    ----------
    k : int or array of int
        Units needed (>= 0).
    n : int or array of int
        Units installed (>= 0).
    reliability : float or array
        Probability R that one unit works, 0 to 1.

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    Two out of three with R = 0.9: 3 R^2 (1 - R) + R^3 = 0.972.

    >>> round(k_of_n(2, 3, 0.9), 6)
    0.972
    """
    kk, nn = _count(k, "k"), _count(n, "n")
    r = _fraction(reliability, "reliability")
    return scalar_or_array(_k_of_n(kk, nn, r))


@named_shapes
def standby_reliability(failure_rate: Any, duration: Any, spares: Any) -> float | np.ndarray:
    """Reliability of one active unit with ``spares`` cold spares, perfect switching, dormant spares not failing.

    With a constant failure rate lambda the failures form a Poisson process while spares last, so the system
    survives t when at most s failures occurred:

    .. math::

        R(t) = \\sum_{i=0}^{s} \\frac{(\\lambda t)^i e^{-\\lambda t}}{i!}

    ([Ebeling2010] ch. 5, standby systems, eq. for n identical units in standby; [OConnor2012] ch. 6). One
    spare gives R = e^{-lambda t} (1 + lambda t).

    Parameters
    ----------
    failure_rate : Quantity [1/time]
        lambda (>= 0), e.g. ``"5000 FIT"`` or ``"1e-5 1/hour"``.
    duration : Quantity [time]
        t (>= 0).
    spares : int or array of int
        s (>= 0).

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    lambda t = 1 and one spare: e^-1 (1 + 1) = 0.735759.

    >>> round(standby_reliability("1e-4 1/hour", "10000 hour", 1), 6)
    0.735759
    """
    lt = _rate(failure_rate) * _hours(duration)
    s = _count(spares, "spares")
    return scalar_or_array(special.pdtr(s, lt))


@named_shapes
def weibull_reliability(duration: Any, scale: Any, shape: Any) -> float | np.ndarray:
    """Weibull reliability R(t) = exp(-(t / eta)^beta): wear-out for beta > 1, exponential for beta = 1.

    ([Ebeling2010] ch. 4, the Weibull distribution; [OConnor2012] ch. 2.) A fleet fit such as
    [Ostrouchov2020]'s Titan GPU lifetimes gives eta and beta.

    Parameters
    ----------
    duration : Quantity [time]
        t (>= 0).
    scale : Quantity [time]
        Characteristic life eta (> 0): R(eta) = e^-1.
    shape : float
        beta (> 0).

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(weibull_reliability("5 year", "10 year", 2.0), 6)  # exp(-0.25)
    0.778801
    """
    t = si(duration, "hour", "duration", lo=0)
    eta = si(scale, "hour", "scale", lo=0, lo_open=True)
    beta = _fraction(shape, "shape", lo=0, hi=None, lo_open=True)
    return scalar_or_array(np.exp(-(t / eta) ** beta))


# --- the kernels: probabilities for given spares ---------------------------------------------------------------
def _needed(active: np.ndarray, frac: np.ndarray) -> np.ndarray:
    """k = ceil(fraction * active), guarded against float noise (0.9 * 10 is 9.000000000000002)."""
    return np.ceil(frac * active - 1e-9 * np.maximum(active, 1)).clip(0).astype(np.int64)


def _cold_survival(a: np.ndarray, s: np.ndarray, k: np.ndarray, x: np.ndarray) -> np.ndarray:
    """P(at least k working at t): a active positions, s cold spares, exponential life, x = lambda t.

    The number of units W (active plus spares) falls from a + s at rate min(W, a) lambda. The time to reach
    k - 1 is T = E + X, with E ~ Erlang(s, a lambda) (the s failures that use the spares up) and X the
    (a - k + 1)-th failure of a independent units, whose survival is the binomial P(Bin(a, e^{-lambda u}) >= k).
    See :func:`payload_survival`.
    """
    a, s, k, x = np.broadcast_arrays(a, s, k, x)
    out = np.empty(a.shape, dtype=float)
    one = k <= 0
    none = (k > a) & ~one
    hot = (s == 0) & ~one & ~none
    full = (k == a) & ~one & ~none & ~hot
    mixed = ~(one | none | hot | full)
    out[one], out[none] = 1.0, 0.0
    out[hot] = special.betainc(k[hot], a[hot] - k[hot] + 1, np.exp(-x[hot]))
    out[full] = special.pdtr(s[full], a[full] * x[full])
    if np.any(mixed):
        out[mixed] = _convolution(a[mixed].astype(float), s[mixed].astype(float), k[mixed].astype(float),
                                  x[mixed])
    return out


def _convolution(a: np.ndarray, s: np.ndarray, k: np.ndarray, x: np.ndarray) -> np.ndarray:
    """P(E + X > x) for 1 <= k < a, s >= 1, by Gauss-Legendre quadrature over the sharper of E and X.

    P(E + X > x) = P(Y > x) + int_0^x f_Y(y) S_Z(x - y) dy, with Y the distribution of smaller spread and Z the
    other; Y's density is integrated between its 1e-13 and 1 - 1e-13 quantiles (cut at x), where it is a
    smooth bell, so 64 nodes resolve it.
    """
    var_e = s / a ** 2
    var_x = special.polygamma(1, k) - special.polygamma(1, a + 1)  # sum_{j=k}^{a} 1/j^2
    erlang_sharp = var_e <= var_x
    # quantiles of the sharper distribution
    lo_e, hi_e = special.gammaincinv(s, _TAIL) / a, special.gammaincinv(s, 1.0 - _TAIL) / a
    q_lo, q_hi = special.betaincinv(a - k + 1, k, _TAIL), special.betaincinv(a - k + 1, k, 1.0 - _TAIL)
    lo_x, hi_x = -np.log1p(-q_lo), -np.log1p(-q_hi)
    lo = np.where(erlang_sharp, lo_e, lo_x)
    hi = np.minimum(np.where(erlang_sharp, hi_e, hi_x), x)
    span = np.maximum(hi - lo, 0.0)
    # P(Y > x)
    tail_e = special.gammaincc(s, a * x)
    tail_x = special.betainc(k, a - k + 1, np.exp(-x))
    total = np.where(erlang_sharp, tail_e, tail_x)
    log_ce = s * np.log(a) - special.gammaln(s)
    log_cx = special.gammaln(a + 1) - special.gammaln(a - k + 1) - special.gammaln(k)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        for node, weight in zip(_GL_X, _GL_W):  # a fixed number of nodes, never a loop over points
            y = lo + span * (node + 1.0) / 2.0
            y = np.maximum(y, 1e-300)
            f_e = np.exp(log_ce + (s - 1.0) * np.log(y) - a * y)
            f_x = np.exp(log_cx + (a - k) * np.log(-np.expm1(-y)) - k * y)
            s_x = special.betainc(k, a - k + 1, np.exp(-(x - y)))
            s_e = special.gammaincc(s, a * (x - y))
            integrand = np.where(erlang_sharp, f_e * s_x, f_x * s_e)
            total = total + weight * span / 2.0 * np.where(span > 0, integrand, 0.0)
    return np.clip(total, 0.0, 1.0)


def _hot_expected(a: np.ndarray, n: np.ndarray, r: np.ndarray) -> np.ndarray:
    """E[min(W, a)] / a for W ~ Bin(n, r), n >= a >= 1 (only a chips are needed; extras idle).

    E[min(W, a)] = n r - E[(W - a)^+], with E[W; W > a] = n r P(Bin(n - 1, r) >= a) and so
    E[(W - a)^+] = n r P(Bin(n - 1, r) >= a) - a P(Bin(n, r) >= a + 1).
    """
    excess = n * r * binom.sf(a - 1, n - 1, r) - a * binom.sf(a, n, r)
    return np.clip((n * r - excess) / np.maximum(a, 1), 0.0, 1.0)


def _cold_expected(a: np.ndarray, s: np.ndarray, x: np.ndarray) -> np.ndarray:
    """E[units in service at t] / a for a active positions and s cold spares, x = lambda t.

    In service: a until the spares run out at T_s ~ Erlang(s, a lambda); then each of the a survives
    independently, e^{-lambda (t - T_s)}. So E / a = P(T_s > t) + e^{-lambda t} E[e^{lambda T_s}; T_s <= t] =
    Q(s, a x) + e^{-x} (a / (a - 1))^s P(s, (a - 1) x), with Q and P the regularized incomplete gamma
    functions; for a = 1 the second term is the Poisson term (x^s e^{-x} / s!).
    """
    a = a.astype(float)
    s_f = s.astype(float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        q = np.where(s > 0, special.gammaincc(np.maximum(s_f, 1.0), a * x), 0.0)
        lower = special.gammainc(np.maximum(s_f, 1.0), (a - 1.0) * x)
        second = np.exp(-x + s_f * np.log(a / np.maximum(a - 1.0, 1.0)) + np.log(lower))
        second = np.where(s > 0, np.where(a > 1, second, special.pdtr(s, x) - special.pdtr(s - 1, x)),
                          np.exp(-x))
    return np.clip(np.nan_to_num(q + second, nan=0.0), 0.0, 1.0)


def _survival(mode: str, a, s, k, x, r):
    """(P(at least k of the a positions work at end of life), E[working in service] / a)."""
    n = a + s
    if mode == "hot":
        return _k_of_n(k, n, r), np.where(a > 0, _hot_expected(a, n, r), 1.0)
    return _cold_survival(a, s, k, x), np.where(a > 0, _cold_expected(a, s, x), 1.0)


#: Gauss-Legendre nodes of the mean over life of the expected working fraction (its integrand is smooth).
LIFE_AVERAGE_NODES = 16


def _mean_over_life(mode: str, a, s, x, beta) -> np.ndarray:
    """(1 / t) int_0^t E[working in service at tau] / a dtau, by Gauss-Legendre on [0, t] in x = lambda tau."""
    nodes, weights = np.polynomial.legendre.leggauss(LIFE_AVERAGE_NODES)
    u, w = 0.5 * (nodes + 1.0), 0.5 * weights
    a, s, x, beta = (np.asarray(v)[..., None] for v in (a, s, x, beta))
    xs = x * u
    if mode == "hot":
        e = _hot_expected(a, a + s, np.exp(-xs ** beta))
    else:
        e = _cold_expected(a, s, xs)
    return np.where(a[..., 0] > 0, np.sum(w * e, axis=-1), 1.0)


def _check_mode(mode: str, shape: np.ndarray) -> None:
    if mode not in SPARE_MODES:
        raise ValueError(f"spare_mode = {mode!r}: expected one of {', '.join(SPARE_MODES)}")
    if mode == "cold" and np.any(shape != 1.0):
        raise ValueError(
            f"weibull_shape = {shape!r} with cold spares: not modelled. With wear-out (shape != 1) a dormant "
            "spare switched in starts fresh while its neighbours have aged, so the failures are no longer a "
            "Poisson process and no exact closed form is derived here; use hot spares or shape 1")


def _inputs(active, failure_rate, duration, fraction_, weibull_shape, mode):
    a = _count(active, "active")
    lam, t = _rate(failure_rate), _hours(duration)
    frac = _fraction(fraction_, "fraction")
    beta = _fraction(weibull_shape, "weibull_shape", lo=0, hi=None, lo_open=True)
    _check_mode(mode, beta)
    x = lam * t
    r = np.exp(-x ** beta)
    return a, _needed(a, frac), x, r


@named_shapes
def payload_survival(active: Any, spares: Any, failure_rate: Any, duration: Any, *, fraction: Any = 1.0,
                     mode: str = "hot", weibull_shape: Any = 1.0) -> tuple[Any, Any]:
    """For a given spare count: P(at least ceil(fraction * active) chips work at end of life), and the
    expected fraction of the ``active`` positions working then.

    **Hot spares** run with the active chips and fail like them: n = active + s independent chips, each
    working at t with R = exp(-(lambda t)^beta), so P = P(Bin(n, R) >= k) (:func:`k_of_n`). Only ``active``
    chips are needed, so the expected working fraction is E[min(W, active)] / active (a surplus of working
    spares counts as 1, not more).

    **Cold spares** (exponential life only) sit dormant, do not fail, and replace failed active chips one for
    one with perfect switching. With a active positions, s spares and k needed, derivation:

    1. While spares last, a chips run, so failures arrive as a Poisson process of rate a lambda
       (memorylessness: a replaced chip is as good as new, and so are the survivors). The spares are used up
       at the s-th failure, T_s ~ Erlang(s, a lambda).
    2. From T_s on, a chips run with no spare; each survives to t independently with probability
       e^{-lambda (t - T_s)}, so the time from T_s until fewer than k work is X, the (a - k + 1)-th failure
       among a independent exponential lives, with P(X > u) = P(Bin(a, e^{-lambda u}) >= k).
    3. Hence P(at least k work at t) = P(T_s + X > t), T_s and X independent:

       .. math::

           P = P(T_s > t) + \\int_0^t f_{T_s}(\\tau)\\, P\\big(\\mathrm{Bin}(a, e^{-\\lambda (t - \\tau)})
           \\ge k\\big)\\, d\\tau

    This is exact. Two cases are closed forms: k = a gives the Poisson sum P = sum_{i=0}^{s}
    (a lambda t)^i e^{-a lambda t} / i! (a = 1 is :func:`standby_reliability`), and s = 0 gives the binomial
    P(Bin(a, e^{-lambda t}) >= k). Otherwise the integral is evaluated by 64-point Gauss-Legendre
    quadrature over the sharper of the two distributions (T_s or X), between its 1e-13 and 1 - 1e-13
    quantiles, which is accurate to about 1e-9 (tests compare it with the matrix exponential of the death
    process). The expected number in service is in closed form: E / a = Q(s, a lambda t) + e^{-lambda t}
    (a / (a - 1))^s P(s, (a - 1) lambda t) (regularized incomplete gamma functions).

    Parameters
    ----------
    active : int or array of int
        Chips needed at the start (>= 0).
    spares : int or array of int
        Spare chips (>= 0).
    failure_rate : Quantity [1/time]
        lambda per chip (FIT or 1/hour); the Weibull scale is 1 / lambda.
    duration : Quantity [time]
        Mission life t.
    fraction : float
        Fraction of ``active`` that must work at end of life, 0 to 1; k = ceil(fraction * active).
    mode : {"hot", "cold"}
    weibull_shape : float
        beta (> 0); only 1 with cold spares.

    Returns
    -------
    (probability, expected_working_fraction) : floats or arrays

    Examples
    --------
    Ten chips, one cold spare, all ten needed, lambda t = 0.01: Poisson sum with mean 0.1, e^-0.1 (1 + 0.1).

    >>> p, f = payload_survival(10, 1, "1e-6 1/hour", "10000 hour", mode="cold")
    >>> round(p, 6)
    0.995321
    """
    a, k, x, r = _inputs(active, failure_rate, duration, fraction, weibull_shape, mode)
    s = _count(spares, "spares")
    a, s, k, x, r = np.broadcast_arrays(a, s, k, x, r)
    p, e = _survival(mode, a, s, k, x, r)
    return scalar_or_array(p), scalar_or_array(e)


def _smallest(prob, lo: np.ndarray, hi: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Per point, the smallest s in [lo, hi] with prob(s) >= target, prob non-decreasing and prob(hi) >= target.

    Bisection on the points still open. The number of rounds is that of the widest bracket, but a point whose
    bracket has closed is no longer touched, so no point's answer depends on the others.
    """
    lo, hi = lo.copy(), hi.copy()
    while True:
        idx = np.flatnonzero(lo < hi)
        if idx.size == 0:
            return hi
        mid = (lo[idx] + hi[idx]) // 2
        ok = prob(mid, idx) >= target[idx]
        hi[idx] = np.where(ok, mid, hi[idx])
        lo[idx] = np.where(ok, lo[idx], mid + 1)


@named_shapes
def spares_for(active: Any, failure_rate: Any, duration: Any, *, fraction: Any = 1.0, confidence: Any = 0.9,
               mode: str = "hot", weibull_shape: Any = 1.0) -> int | np.ndarray:
    """The smallest spare count s such that at least ceil(fraction * active) chips work at end of life with
    probability >= ``confidence``.

    The probability for a given s is that of :func:`payload_survival` (hot: binomial over active + s chips;
    cold: the exact Erlang-binomial convolution derived there). It does not decrease with s, so each point
    is bisected between bounds of its own:

    * hot: s = 0 to the s where Hoeffding's inequality P(Bin(n, R) <= k - 1) <= exp(-2 (n R - k + 1)^2 / n)
      already guarantees the confidence: n >= ((c + sqrt(c^2 + 4 R k)) / (2 R))^2 with c^2 = ln(1/(1 - p)) / 2;
    * cold: all m + 1 = active + s - k + 1 failure times that exhaust the margin have rates between k lambda
      and active lambda, so PoisCDF(m; active lambda t) <= P <= PoisCDF(m; k lambda t); the Poisson quantiles
      bracket s (and coincide when k = active: the answer is then a Poisson quantile).

    Parameters
    ----------
    active : int or array of int
        Chips needed at the start.
    failure_rate : Quantity [1/time]
    duration : Quantity [time]
    fraction : float
        Fraction of ``active`` working at end of life, 0 to 1.
    confidence : float
        Required probability, 0 < p < 1.
    mode : {"hot", "cold"}
    weibull_shape : float
        beta of the chips' Weibull life (scale 1 / lambda); cold spares need beta = 1 (ValueError otherwise).

    Returns
    -------
    int or numpy.ndarray of int64
        Spares; -1 where no finite count can meet the target (a chip that cannot survive: R underflows to 0).

    Examples
    --------
    Two active chips, lambda t = 0.1 (R = e^-0.1 = 0.904837), both needed with 90 %: no spare gives
    R^2 = 0.8187, one hot spare gives P(Bin(3, R) >= 2) = 3 R^2 - 2 R^3 = 0.9746.

    >>> spares_for(2, "1e-5 1/hour", "10000 hour", confidence=0.9)
    1
    """
    conf = _fraction(confidence, "confidence", lo=0, hi=1, lo_open=True, hi_open=True)
    a, k, x, r = _inputs(active, failure_rate, duration, fraction, weibull_shape, mode)
    a, k, x, r, conf = np.broadcast_arrays(a, k, x, r, conf)
    shape = a.shape
    a, k, x, r, conf = (v.ravel() for v in (a, k, x, r, conf))
    dead = (r <= 0) & (k > 0)
    if mode == "hot":
        c = np.sqrt(np.log(1.0 / (1.0 - conf)) / 2.0)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            root = (c + np.sqrt(c ** 2 + 4.0 * r * k)) / (2.0 * r)
            n_hi = np.ceil(root ** 2)
        dead |= ~np.isfinite(n_hi) | (n_hi >= _MAX_COUNT)
        n_hi = np.where(dead, 0.0, n_hi)
        hi = np.maximum(n_hi - a, 0).astype(np.int64)
        hi = np.where(k <= 0, 0, hi)
        lo = np.zeros_like(hi)

        def prob(s, idx):
            return _k_of_n(k[idx], a[idx] + s, r[idx])
    else:
        margin = a - k  # failures allowed beyond the spares
        m_hi = _poisson_quantile(conf, a * x)
        m_lo = _poisson_quantile(conf, k * x)
        hi = np.maximum(m_hi - margin, 0)
        lo = np.minimum(np.maximum(m_lo - margin - 1, 0), hi)
        hi = np.where(k <= 0, 0, hi)
        lo = np.where(k <= 0, 0, lo)

        def prob(s, idx):
            return _cold_survival(a[idx], s, k[idx], x[idx])
    s = _smallest(prob, lo, hi, conf)
    return scalar_or_array(np.where(dead, -1, s).reshape(shape), int)


def _poisson_quantile(p: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """Smallest integer m with PoisCDF(m; mu) >= p, per point (a float estimate, then corrected by +-1 steps)."""
    with np.errstate(invalid="ignore"):
        m = np.where(mu > 0, np.ceil(special.pdtrik(p, np.maximum(mu, 1e-300))), 0.0)
    m = np.nan_to_num(np.maximum(m, 0.0), nan=0.0)
    for _ in range(2):  # pdtrik inverts the continuous extension: at most a step off either way
        m = np.where((m > 0) & (special.pdtr(m - 1, mu) >= p), m - 1, m)
        m = np.where(special.pdtr(m, mu) < p, m + 1, m)
    return m.astype(np.int64)
