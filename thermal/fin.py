"""Efficiency of a straight radiating fin between two heat pipes: the exact nonlinear solution.

A radiator panel between two parallel heat pipes (or coolant tubes) a distance 2L apart is, by symmetry, two
fins of length L joined at an adiabatic mid-plane. With conductivity k, thickness t, hemispherical emissivity
eps on each of the ``sides`` radiating faces and an effective sink temperature T_s, the one-dimensional
energy balance of the fin per unit depth is

    k t T'' = sides * eps * sigma * (T^4 - T_s^4),        T(0) = T_b,  T'(L) = 0.

With x = X / L, theta = T / T_b and theta_s = T_s / T_b it reads

    theta'' = N (theta^4 - theta_s^4),    N = sides * eps * sigma * T_b^3 * L^2 / (k t),

the radiation-conduction parameter of Lieblein (NASA TN D-196, 1959) and Chapman (*Heat Transfer*, 4th ed.,
1984, section 14.6, "Radiating fins"). The efficiency is the heat the fin rejects over the heat an isothermal
fin at the root temperature would reject:

    eta = Q / (sides * eps * sigma * (T_b^4 - T_s^4) * L)  =  -theta'(0) / (N (1 - theta_s^4)).

The equation has no term in x, so it integrates once exactly (multiply by theta' and integrate from the tip,
where theta' = 0 and theta = theta_t):

    theta'^2 = 2 N g(theta),    g(theta) = (theta^5 - theta_t^5) / 5 - theta_s^4 (theta - theta_t),

and integrating dx = -d theta / sqrt(2 N g) once more over the fin gives the tip temperature implicitly:

    sqrt(N) = integral from theta_t to 1 of d theta / sqrt(2 g(theta))      (1)
    eta = sqrt(2 g(1)) / (sqrt(N) (1 - theta_s^4))                            (2)

No linearisation is made. The integral (1) has an inverse-square-root singularity at the tip; the substitution
theta - theta_t = (a / k_0) sinh^2(u), with a = theta_t^4 - theta_s^4 and k_0 = 2 theta_t^3, removes it and
also resolves the long, nearly isothermal tail of a fin whose tip has cooled almost to the sink, so that
Gauss-Legendre quadrature (two panels of 48 nodes) converges in every regime.

Evaluation is vectorized: on first use a table of eta over (theta_s, ln N) is built by quadrature (under a
second) and a bicubic spline interpolates it. Outside the table, N < 1e-6 uses the series
eta = 1 - 4N/3 + O(N^2), and N > 1e4 the semi-infinite fin eta = sqrt(2 g_inf(1)) / (sqrt(N)(1 - theta_s^4)),
g_inf(1) = (1 - theta_s)^2 (1 + 2 theta_s + 3 theta_s^2 + 4 theta_s^3) / 5, whose relative error there is
below 4e-7 (it falls like N^(-5/3)). Accuracy: the table reproduces the quadrature to 1e-8 in eta (largest
difference over 4000 random off-grid points, measured while developing this module), and the quadrature
agrees with an independent boundary-value solution of the ODE to 1e-9; the tests check the latter to 1e-6.

References
----------
[Lieblein1959] Lieblein, "Analysis of temperature distribution and radiant heat transfer along a rectangular
fin of constant thickness", NASA TN D-196, 1959.
[Chapman1984] Chapman, *Heat Transfer*, 4th ed., 1984, section 14.6.
[Mackay1963] Mackay, *Design of Space Powerplants*, 1963, ch. 8 (radiator fins).
[Karam1998] Karam, *Satellite Thermal Control for Systems Engineers*, 1998, ch. 7 (fin efficiency of radiator
panels).
[Gilmore2002] Gilmore (ed.), *Spacecraft Thermal Control Handbook*, Vol. 1, 2nd ed., 2002, ch. 6 (radiators).
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
from scipy.interpolate import CubicSpline, PchipInterpolator, RectBivariateSpline

from spacedc.units import fraction, named_shapes, scalar_or_array, si
from spacedc.thermal._constants import STEFAN_BOLTZMANN

__all__ = ["fin_parameter", "fin_efficiency", "fin_efficiency_linearized"]

_N_MIN = 1e-6
_N_MAX = 1e4
_SINK_ROWS = np.linspace(0.0, 1.0, 51)
_LN_N = np.linspace(np.log(_N_MIN), np.log(_N_MAX), 461)
_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(48)
_TAIL = 8.0  # width in u of the quadrature panel at the root end of integral (1)


def _gauss(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Gauss-Legendre nodes and weights on [lo, hi], one row per interval."""
    half = 0.5 * (hi - lo)[..., None]
    return lo[..., None] + half * (_GL_NODES + 1.0), half * _GL_WEIGHTS


def _tip_solution(ts: np.ndarray, d: np.ndarray, w_tip: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """sqrt(N) and eta of the fin whose tip is at theta_t = ts + d, by eqs. (1) and (2).

    ``w_tip`` is 1 - theta_t, passed separately so that a tip very close to the root or to the sink keeps
    its full relative precision.
    """
    tt = ts + d
    a = d * (tt**3 + tt**2 * ts + tt * ts**2 + ts**3)  # theta_t^4 - theta_s^4, without cancellation
    k0 = 2.0 * tt**3
    scale = a / k0
    upper = np.arcsinh(np.sqrt(w_tip / scale))
    split = np.maximum(upper - _TAIL, 0.0)
    total = np.zeros_like(tt)
    for lo, hi in ((np.zeros_like(upper), split), (split, upper)):
        u, wts = _gauss(lo, hi)
        sh = np.sinh(u)
        th = tt[..., None] + scale[..., None] * sh**2
        k = (th**3 + 2.0 * th**2 * tt[..., None] + 3.0 * th * tt[..., None] ** 2 + 4.0 * tt[..., None] ** 3) / 5.0
        total += np.sum(wts * np.cosh(u) / np.sqrt(1.0 + (k / k0[..., None]) * sh**2), axis=-1)
    root_f = np.sqrt(2.0 / k0) * total
    k1 = (1.0 + 2.0 * tt + 3.0 * tt**2 + 4.0 * tt**3) / 5.0
    g1 = w_tip * (a + w_tip * k1)
    eta = np.sqrt(2.0 * g1) / (root_f * (1.0 - ts) * (1.0 + ts) * (1.0 + ts**2))
    return root_f, eta


def _row(ts: float) -> np.ndarray:
    """eta on the ln N grid for one sink ratio theta_s < 1, from the tip parametrisation."""
    # Tip offset d = (1 - ts) * expit(s): s -> +inf is a short fin (tip at the root), s -> -inf a long one.
    # A long fin's tip approaches the sink like exp(-2 sqrt(N ts^3)), and like N^(-1/3) when ts = 0.
    s_lo = -(2.0 * np.sqrt(3e4 * ts**3) + 8.0)

    def solve(s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        d = (1.0 - ts) / (1.0 + np.exp(-s))
        w_tip = (1.0 - ts) / (1.0 + np.exp(s))
        root_f, eta = _tip_solution(np.full_like(s, ts), d, w_tip)
        return 2.0 * np.log(root_f), eta

    coarse = np.linspace(s_lo, 18.0, 300)
    ln_n, _ = solve(coarse)
    if not (ln_n[0] > _LN_N[-1] + 1.0 and ln_n[-1] < _LN_N[0] - 1.0 and np.all(np.diff(ln_n) < 0)):
        raise RuntimeError(f"fin table: tip parametrisation does not cover ln N for theta_s = {ts}")
    pick = PchipInterpolator(ln_n[::-1], coarse[::-1])(np.linspace(_LN_N[0] - 0.5, _LN_N[-1] + 0.5, 700))
    ln_n, eta = solve(pick)
    return CubicSpline(ln_n, eta)(_LN_N)


@functools.cache
def _table() -> RectBivariateSpline:
    """Bicubic spline of eta over (theta_s, ln N), built once by quadrature."""
    rows = [_row(ts) for ts in _SINK_ROWS[:-1]]
    m = np.exp(0.5 * _LN_N) * 2.0  # theta_s -> 1: the linear fin theta'' = 4 N (theta - theta_s)
    rows.append(np.tanh(m) / m)
    return RectBivariateSpline(_SINK_ROWS, _LN_N, np.array(rows), kx=3, ky=3, s=0)


def _fin_efficiency(n: np.ndarray, ts: np.ndarray) -> np.ndarray:
    """Exact efficiency for float arrays of N > 0 and 0 <= theta_s <= 1 (broadcast)."""
    n, ts = np.broadcast_arrays(np.asarray(n, dtype=float), np.asarray(ts, dtype=float))
    out = np.empty(n.shape)
    small, large = n < _N_MIN, n > _N_MAX
    mid = ~(small | large)
    out[small] = 1.0 - 4.0 / 3.0 * n[small]
    t = ts[large]
    out[large] = (np.sqrt(0.4 * (1.0 + 2.0 * t + 3.0 * t**2 + 4.0 * t**3))
                  / (np.sqrt(n[large]) * (1.0 + t) * (1.0 + t**2)))
    if np.any(mid):
        out[mid] = _table().ev(ts[mid], np.log(n[mid]))
    return np.minimum(out, 1.0)


def _inputs(conductivity: Any, thickness: Any, half_width: Any, emissivity: Any, root_temperature: Any,
            sides: Any, sink_temperature: Any) -> tuple[np.ndarray, np.ndarray]:
    """Validate and convert the public inputs; return N and theta_s as float arrays."""
    k = si(conductivity, "W/m/K", "conductivity", lo=0, lo_open=True)
    t = si(thickness, "m", "thickness", lo=0, lo_open=True)
    half = si(half_width, "m", "half_width", lo=0, lo_open=True)
    eps = fraction(emissivity, "emissivity", lo=0, hi=1, lo_open=True)
    t_b = si(root_temperature, "K", "root_temperature", lo=0, lo_open=True)
    t_s = si(sink_temperature, "K", "sink_temperature", lo=0)
    if isinstance(sides, bool) or not np.all(np.isin(np.asarray(sides), (1, 2))):
        raise ValueError(f"sides = {sides!r}: must be 1 or 2 (radiating faces of the fin)")
    ratio = t_s / t_b
    if np.any(ratio > 1.0):
        raise ValueError(f"sink_temperature = {sink_temperature}: must not exceed root_temperature = "
                         f"{root_temperature} (a fin hotter than its root absorbs heat; no efficiency)")
    n = np.asarray(sides, dtype=float) * eps * STEFAN_BOLTZMANN * t_b**3 * half**2 / (k * t)
    return n, ratio


@named_shapes
def fin_parameter(*, conductivity: Any, thickness: Any, half_width: Any, emissivity: Any, root_temperature: Any,
                  sides: Any = 2) -> float | np.ndarray:
    """Radiation-conduction parameter N of a straight fin between two heat pipes.

    Parameters
    ----------
    conductivity : Quantity [W/(m K)]
        Thermal conductivity of the fin (facesheet) material, > 0.
    thickness : Quantity [m]
        Conducting thickness of the fin, > 0.
    half_width : Quantity [m]
        Fin length L from the heat pipe to the adiabatic mid-plane: half the heat-pipe pitch, > 0.
    emissivity : float
        Hemispherical emissivity of each radiating face, in (0, 1].
    root_temperature : Quantity [K]
        Fin temperature at the heat pipe, > 0.
    sides : {1, 2}
        Number of radiating faces.

    Returns
    -------
    float or ndarray
        N = sides * eps * sigma * T_b^3 * L^2 / (k t), the coefficient of theta'' = N theta^4 (Lieblein,
        NASA TN D-196; Chapman, *Heat Transfer*, section 14.6). Karam's N = eps sigma T_b^3 L^2/(k t)
        ([Karam1998] ch. 7) is the same coefficient for one radiating face.
    """
    n, _ = _inputs(conductivity, thickness, half_width, emissivity, root_temperature, sides, "0 K")
    return scalar_or_array(n)


@named_shapes
def fin_efficiency(*, conductivity: Any, thickness: Any, half_width: Any, emissivity: Any, root_temperature: Any,
                   sides: Any = 2, sink_temperature: Any = "0 K") -> float | np.ndarray:
    """Efficiency of a straight radiating fin between two heat pipes, exact nonlinear solution.

    Parameters
    ----------
    conductivity : Quantity [W/(m K)]
        Thermal conductivity of the fin material, > 0.
    thickness : Quantity [m]
        Conducting thickness of the fin, > 0.
    half_width : Quantity [m]
        Fin length L from the heat pipe to the adiabatic mid-plane (half the heat-pipe pitch), > 0.
    emissivity : float
        Hemispherical emissivity of each radiating face, in (0, 1].
    root_temperature : Quantity [K]
        Fin temperature at the heat pipe T_b, > 0.
    sides : {1, 2}
        Number of radiating faces.
    sink_temperature : Quantity [K]
        Effective radiative sink temperature T_s, 0 <= T_s <= T_b (default 0 K, deep space). Environment
        loads absorbed uniformly by the fin enter as the sink: absorbed flux = eps sigma T_s^4 per face.

    Returns
    -------
    float or ndarray
        eta = Q / (sides * eps * sigma * (T_b^4 - T_s^4) * L), in (0, 1]. Broadcasts over all inputs.

    Notes
    -----
    Solves theta'' = N (theta^4 - theta_s^4), theta(0) = 1, theta'(1) = 0 exactly through its energy integral
    (see the module docstring for the derivation and the accuracy, better than 1e-7 in eta). Straight fin of
    constant thickness, one-dimensional conduction (Biot number across the thickness << 1), no radiative
    exchange between the fin and the heat pipe or neighbouring surfaces, uniform sink. Limits:
    eta = 1 - 4N/3 for N -> 0; eta -> sqrt(2/5) / sqrt(N) for a long fin to a 0 K sink; for T_s -> T_b the
    problem becomes linear and eta -> tanh(2 sqrt(N)) / (2 sqrt(N)).

    With the one-face definition of N, Karam's fin-efficiency chart ([Karam1998] ch. 7, read 2nd-hand) gives
    eta about 0.99 at N = 0.01 and about 0.5 at N = 1; this function gives 0.987 and 0.534.

    Examples
    --------
    >>> from spacedc.units import u
    >>> round(fin_efficiency(conductivity=167 * u.W / u.m / u.K, thickness=1 * u.mm, half_width=5 * u.cm,
    ...                      emissivity=0.85, root_temperature=300 * u.K, sides=2), 4)
    0.9521

    References
    ----------
    [Lieblein1959]; [Chapman1984] section 14.6; [Mackay1963] ch. 8; [Karam1998] ch. 7; [Gilmore2002] ch. 6.
    """
    n, ratio = _inputs(conductivity, thickness, half_width, emissivity, root_temperature, sides, sink_temperature)
    return scalar_or_array(_fin_efficiency(n, ratio))


@named_shapes
def fin_efficiency_linearized(*, conductivity: Any, thickness: Any, half_width: Any, emissivity: Any,
                              root_temperature: Any, sides: Any = 2,
                              sink_temperature: Any = "0 K") -> float | np.ndarray:
    """Fin efficiency from the linearised (convective-fin) formula eta = tanh(mL) / (mL), for comparison.

    The radiative flux is replaced by h_r (T - T_s) with the radiation coefficient taken at the root,
    h_r = eps sigma (T_b^2 + T_s^2)(T_b + T_s), so that the isothermal fin rejects the same heat as in
    :func:`fin_efficiency`; then m^2 = sides h_r / (k t) and (mL)^2 = N (1 + theta_s)(1 + theta_s^2)
    (Incropera & DeWitt, *Fundamentals of Heat and Mass Transfer*, eq. 3.89, with the radiation coefficient
    of eq. 1.9). Along the fin the true coefficient falls with T, so this formula over-predicts the
    efficiency (optimistic) except in the limit T_s -> T_b, where both agree.

    Parameters and returns as :func:`fin_efficiency`.
    """
    n, ratio = _inputs(conductivity, thickness, half_width, emissivity, root_temperature, sides, sink_temperature)
    m = np.sqrt(n * (1.0 + ratio) * (1.0 + ratio**2))
    return scalar_or_array(np.tanh(m) / m)
