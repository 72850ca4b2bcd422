"""The cascade: a source-sink model of the LEO shells over decades, in the style of MIT's MOCAT-SSEM.

* :func:`shell_edges` -- altitude shells of equal thickness.
* :func:`cascade` -- the populations of active satellites S, derelicts D and debris N per shell over time
  (:class:`CascadeResult`), with the collisions per year and whether each shell's debris settles or runs away.
* :func:`cascade_capacity` -- the largest launch rate (and constellation, rate x lifetime) that one shell
  holds before its debris runs away (:class:`CascadeCapacity`).

The model (per shell k of volume V_k and thickness dh_k, time in years)
-------------------------------------------------------------------------
The three species and their equations follow MOCAT-SSEM's three-species model ([DAmbrosio2022],
[MOCAT-SSEM] ``Test/mocat3_eq_check.m``, [Pyssem]); the equations are written here afresh:

.. math::

    \\dot S &= \\lambda - S/T - \\textstyle\\sum_j L_{Sj} \\\\
    \\dot D &= (1 - P_M) S/T - \\textstyle\\sum_j L_{Dj} - r_D D + r_D^{+} D^{+} \\\\
    \\dot N &= \\textstyle\\sum_{i \\le j} K_{ij} C_{ij} - \\sum_j L_{Nj} - r_N N + r_N^{+} N^{+}

* Sources: the launch rate lambda per shell [1/yr] (a constellation of n satellites of lifetime T is
  replenished at n/T).
* Post-mission disposal: after the lifetime T an active satellite is disposed of with probability P_M (it
  leaves the system) or becomes a derelict.
* Drag: a derelict or a fragment of ballistic coefficient B = m / (C_D A) decays at
  da/dt = -rho sqrt(mu a) / B ([Vallado2013] ch. 8, the rate of :mod:`orbit.lifetime`), rho the NRLMSIS 2.1
  global mean density (:func:`orbit.msis_density`) at the shell's mid altitude, at a constant F10.7 or on the
  mean solar cycle (:func:`orbit.solar_flux_f107`). It leaves the shell at r = |da/dt| / dh_k and enters the
  shell below (from the lowest shell it re-enters); the top shell receives nothing from above. Active
  satellites keep station (no drag).
* Collisions between species i and j in a shell, by the kinetic-gas rate
  C_ij = pi (r_i + r_j)^2 v_rel n_i n_j / V (halved for i = j: each pair once), v_rel = 10 km/s by default
  (MOCAT-SSEM's v_imp). An active satellite avoids all but a fraction alpha of its collisions with D and N
  and all but alpha_a of those with other active satellites (MOCAT-SSEM's alpha = 0.2, alpha_active = 0.01).
* A collision is catastrophic at 40 J/g (:func:`orbit.is_catastrophic`): both objects are destroyed; else
  only the lighter one (simplification: no "disabling" collision that turns S into D, MOCAT's delta). It
  makes K_ij fragments larger than L_c = 10 cm (:func:`orbit.breakup_fragments`, M = :func:`orbit.breakup_mass`),
  all deposited in the collision's shell (simplification: no spreading of the fragments over shells).

Options for MOCAT-3's own equations
-----------------------------------
Four keyword options (defaults: the model above) give the equations of MOCAT-SSEM's three-species check case
([MOCAT-SSEM] ``Test/mocat3_eq_check.m``; its stated coefficients are
:data:`orbit.debris_data.MOCAT3_EQUATION_CASE`, [MOCAT-SSEM-Verify]):

* ``atmosphere="exponential"``: the static [Vallado2013] Table 8-4 density (:func:`orbit.atmosphere_density`,
  MOCAT's ``densityexp``) instead of NRLMSIS; ``f107`` and ``epoch`` are then unused.
* ``drag_altitude="lower"``: rho and sqrt(mu a) taken at the shell's lower edge (MOCAT's choice), not its middle.
* ``disabling_ratio`` = delta (default 0): a non-lethal, disabling collision of an active satellite with a
  derelict or a fragment turns it into a derelict, at delta times pi (r_S + r_j)^2 v S n_j / V (MOCAT's delta,
  "the ratio of the density of disabling to lethal debris"; no fragments, alpha does not apply).
* ``collision_rules="mocat3"``: MOCAT-3's bookkeeping of a collision instead of the breakup rules above.
  C_ij = pi (r_i + r_j)^2 v n_i n_j / V for every pair, with no halving for i = j (alpha, alpha_a as above);
  a collision between two intact objects (S, D) is catastrophic and makes 0.1 L_c^-1.71 (m_i + m_j)^0.75
  fragments, any collision with a fragment makes 0.1 L_c^-1.71 (min(m_i, m_j) v[km/s]^2)^0.75 ("damaging",
  whatever its energy); each collision removes one S if an S takes part, one D in D-D and D-N collisions,
  none in S-D, and no fragment. ``collisions`` then counts C_ij in that convention.

Integrated by scipy's BDF (stiff: fragments in the lowest shells decay in days) with the Jacobian's sparsity
given, vectorized over shells, species and any batch of launch rates.

Stability
---------
A shell's debris *runs away* when, at the end of the run, three things hold: its growth rate over the last
window (one solar cycle, 11 years, or a quarter of the run if shorter) exceeds ``growth_tolerance``; it is
larger than over the window before (the growth accelerates); and the debris multiplies itself, i.e. the
fragments made per fragment per year by the collisions in which debris takes part (S-N, D-N, N-N), less
the fragments those collisions destroy, exceed the shell's drag loss rate r_N (the linearized debris
equation grows without the inflow from above). Else it *settles*: a shell filling from above or towards an
equilibrium decelerates, or does not feed itself. A run whose shell reaches :data:`SATURATION` objects is
frozen there (its later populations hold that state); then the shells that reached it, and those whose
debris multiplies itself at that state, run away. The capacity assumes
that stability falls monotonically with the launch rate.

Initial population and the background
--------------------------------------
``initial`` takes the counts per shell of the constellation's own species; without it they start empty. The
objects already in orbit enter as ``background``, e.g. the catalogue of January 2023 by shell
(:func:`orbit.catalogue_population`, [MOCAT-MC-TLE2023]): a second satellite type, with its own active satellites
S_b and derelicts D_b (MOCAT's median object, :data:`CASCADE_SPECIES`, unless ``background_species`` says
otherwise) and launches ``background_launch_rate``, under the same equations; its debris joins N. The
collisions, fragments and losses run over every pair of the five species S, S_b, D, D_b, N, so that a
constellation of satellites far larger than the catalogue's does not lend its mass and size to the objects
already there.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint
from scipy import sparse
from scipy.integrate import solve_ivp

from spacedc.orbit.atmosphere import (MEAN_SOLAR_CYCLE, MSIS_F107_RANGE, atmosphere_density, msis_density,
                                      solar_flux_f107)
from spacedc.orbit.breakup import CATASTROPHIC_ENERGY, _breakup_mass, _energy
from spacedc.orbit.constants import DRAG_COEFFICIENT, _JULIAN_YEAR_S as _YEAR_S, _MU, _R_E
from spacedc.orbit.dates import as_datetime64
from spacedc.results import Result
from spacedc.units import Q_, fraction, named_shapes, si

__all__ = ["CASCADE_SPECIES", "MIN_SHELL_ALTITUDE", "shell_edges", "SATURATION", "CascadeResult", "cascade", "CascadeCapacity",
           "cascade_capacity"]


#: Lowest altitude a shell may reach [km]: below it an object re-enters within days and the model's
#: drag-flux picture stops holding.
MIN_SHELL_ALTITUDE = 150.0

#: Count of objects in one shell at which a run is stopped (frozen) as blown up: 1e8, orders of magnitude
#: above any catalogue (about 4e4 tracked objects in all), where the collision terms grow without bound.
SATURATION = 1e8

#: Default species: name -> (mass [kg], area [m^2], diameter [m]), the median values "from MASTER" of
#: MOCAT-SSEM's three-species test case ([MOCAT-SSEM] ``Test/mocat3_eq_check.m``, 2nd-hand); a derelict is
#: a satellite's body. C_D = 2.2 (the same file) gives B = m / (C_D A).
CASCADE_SPECIES: dict[str, tuple[float, float, float]] = {
    "satellite": (223.0, 1.741, 1.490),
    "debris": (0.640, 0.020, 0.180),
}
_CD = DRAG_COEFFICIENT
#: Choices of the options ``atmosphere``, ``drag_altitude`` and ``collision_rules`` (the first is the default).
_ATMOSPHERES = ("msis", "exponential")
_DRAG_ALTITUDES = ("middle", "lower")
_COLLISION_RULES = ("breakup", "mocat3")


@named_shapes
def shell_edges(altitude_low: Any = "200 km", altitude_high: Any = "2000 km", count: int = 40) -> pint.Quantity:
    """Edges of ``count`` shells of equal thickness between two altitudes.

    Parameters
    ----------
    altitude_low, altitude_high : Quantity [length]
        The bottom (>= 150 km) and top (<= 2000 km, the MSIS table's top) of the shells.
    count : int
        Number of shells (>= 1).

    Returns
    -------
    Quantity [km], shape (count + 1,)

    Examples
    --------
    >>> shell_edges("200 km", "2000 km", 40)[:3]
    <Quantity([200. 245. 290.], 'kilometer')>
    """
    lo = si(altitude_low, "km", "altitude_low", lo=MIN_SHELL_ALTITUDE)
    hi = si(altitude_high, "km", "altitude_high", lo=float(lo), hi=2000.0, lo_open=True)
    if int(count) != count or count < 1:
        raise ValueError(f"count = {count!r}: expected a whole number of shells >= 1")
    return Q_(np.linspace(float(lo), float(hi), int(count) + 1), "km")


@dataclasses.dataclass(frozen=True)
class CascadeResult(Result):
    """Populations over time per shell (arrays of shape (time, shell), or (batch, time, shell))."""

    time: pint.Quantity = dataclasses.field(metadata={"unit": "year"})
    altitude_low: pint.Quantity = dataclasses.field(metadata={"unit": "km"})
    altitude_high: pint.Quantity = dataclasses.field(metadata={"unit": "km"})
    satellites: np.ndarray
    derelicts: np.ndarray
    debris: np.ndarray
    background_satellites: np.ndarray
    background_derelicts: np.ndarray
    collisions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    debris_growth_rate: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    debris_multiplication_rate: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    runaway: np.ndarray
    stable: np.ndarray
    settled: np.ndarray


@dataclasses.dataclass(frozen=True)
class _Model:
    """The equations of n satellite types: species S_0..S_{n-1} (active), D_0..D_{n-1} (their derelicts) and N
    (debris), in that order; M = 2 n + 1 species. A run of one type is the module's three-species model."""

    edges_m: np.ndarray
    volume: np.ndarray        # (K,) [m^3]
    types: int                # n
    lifetime: float           # [yr]
    pmd: float
    phi: np.ndarray           # (M, M) pi (r_i + r_j)^2 v [m^3/yr] x the avoidance factors, upper triangle only
    kfrag: np.ndarray         # (M, M) fragments per collision
    loss: np.ndarray          # (M, M, M) objects of species s lost per collision of pair (i, j)
    drag: Any                 # t [yr] -> (n + 1, K) outflow rates of D_0..D_{n-1} and N [1/yr]
    disable: np.ndarray       # (n, n + 1) delta pi (r_S + r_j)^2 v [m^3/yr]: disabling S-D and S-N collisions

    @property
    def species(self) -> int:
        return 2 * self.types + 1

    def rhs(self, t: float, y: np.ndarray, lam: np.ndarray) -> np.ndarray:
        n = self.types
        # a trial state of the integrator far past saturation (a run blowing up) is held there: finite terms
        x = np.clip(y.reshape(lam.shape[0], self.species, -1), 0.0, 10.0 * SATURATION)
        c = self.collisions(x)                                     # (B, M, M, K)
        r = self.drag(t)                                           # (n + 1, K)
        dx = -np.einsum("sij,bijk->bsk", self.loss, c)
        dx[:, -1] += np.einsum("ij,bijk->bk", self.kfrag, c)
        s = x[:, :n]
        dx[:, :n] += lam - s / self.lifetime
        dx[:, n:2 * n] += (1.0 - self.pmd) * s / self.lifetime
        disabled = np.einsum("tj,bjk->btk", self.disable, x[:, n:]) * s / self.volume
        dx[:, :n] -= disabled
        dx[:, n:2 * n] += disabled
        out = r[None] * x[:, n:]
        dx[:, n:] -= out
        dx[:, n:, :-1] += out[:, :, 1:]
        dx[x.max(axis=(1, 2)) > SATURATION] = 0.0   # a run that blew up stops there, alone in its batch
        return dx.ravel()

    def collisions(self, x: np.ndarray) -> np.ndarray:
        """C_ij per shell [1/yr], shape (B, M, M, K), upper triangle (i <= j) only (lethal collisions; the
        disabling ones of ``disabling_ratio`` are not counted)."""
        return self.phi[None, :, :, None] * x[:, :, None, :] * x[:, None, :, :] / self.volume

    def sparsity(self, batch: int) -> sparse.csr_matrix:
        k, m = self.volume.size, self.species
        block = np.kron(np.ones((m, m), dtype=bool), np.eye(k, dtype=bool))
        for q in range(self.types, m):   # drag: a derelict or fragment comes down from the shell above
            block[q * k:(q + 1) * k, q * k:(q + 1) * k] |= np.eye(k, k=1, dtype=bool)
        return sparse.block_diag([sparse.csr_matrix(block)] * batch, format="csr")


def _nonnegative(value: Any, k: int, name: str) -> np.ndarray:
    """A rate per shell [1/yr] (a Quantity, a string or plain numbers read as 1/yr), >= 0, broadcast to (K,)."""
    quantity_like = isinstance(value, (pint.Quantity, str)) or (
        isinstance(value, (list, tuple)) and len(value) > 0 and isinstance(value[0], (pint.Quantity, str)))
    x = si(value, "1/year", name, lo=0.0) if quantity_like else fraction(value, name, lo=0.0, hi=np.inf)
    try:
        return np.array(np.broadcast_to(x, (k,)), dtype=float)
    except ValueError:
        raise ValueError(f"{name}: shape {np.shape(x)} does not fit the {k} shells") from None


def _model(edges: Any, lifetime: Any, disposal_success: Any, avoidance_failure: Any,
           active_avoidance_failure: Any, relative_speed: Any, characteristic_length: Any, f107: Any,
           epoch: Any, years: float, satellite: tuple[float, float, float],
           debris: tuple[float, float, float], atmosphere: str, drag_altitude: str, disabling_ratio: Any,
           collision_rules: str, background_species: tuple[float, float, float] | None = None) -> _Model:
    h = si(edges, "km", "shell_edges", lo=MIN_SHELL_ALTITUDE, hi=2000.0)
    if h.ndim != 1 or h.size < 2 or np.any(np.diff(h) <= 0):
        raise ValueError(f"shell_edges = {h!r}: expected increasing altitudes, at least two")
    t_life = float(si(lifetime, "year", "lifetime", lo=0.0, lo_open=True))
    pmd = float(fraction(disposal_success, "disposal_success"))
    alpha = float(fraction(avoidance_failure, "avoidance_failure"))
    alpha_a = float(fraction(active_avoidance_failure, "active_avoidance_failure"))
    v = float(si(relative_speed, "m/s", "relative_speed", lo=0.0, lo_open=True))
    lc = float(si(characteristic_length, "m", "characteristic_length", lo=0.0, lo_open=True))
    delta = float(fraction(disabling_ratio, "disabling_ratio", lo=0.0, hi=np.inf))
    for name, value, allowed in (("atmosphere", atmosphere, _ATMOSPHERES),
                                 ("drag_altitude", drag_altitude, _DRAG_ALTITUDES),
                                 ("collision_rules", collision_rules, _COLLISION_RULES)):
        if value not in allowed:
            raise ValueError(f"{name} = {value!r}: expected one of {', '.join(map(repr, allowed))}")
    kinds = [("satellite", satellite)] + ([("background_species", background_species)]
                                          if background_species is not None else [])
    for name, sp in (*kinds, ("debris", debris)):
        if len(sp) != 3 or not all(np.isfinite(sp)) or min(sp) <= 0:
            raise ValueError(f"{name} = {sp!r}: expected (mass [kg], area [m^2], diameter [m]), all > 0")
    n = len(kinds)
    m = 2 * n + 1
    r_m = _R_E + h * 1e3
    volume = 4.0 / 3.0 * np.pi * np.diff(r_m ** 3)
    sat = np.array([sp for _, sp in kinds], dtype=float)                 # (n, 3)
    mass = np.concatenate([sat[:, 0], sat[:, 0], [debris[0]]])
    radius = 0.5 * np.concatenate([sat[:, 2], sat[:, 2], [debris[2]]])
    beta = np.concatenate([sat[:, 0] / (_CD * sat[:, 1]), [debris[0] / (_CD * debris[1])]])   # (n + 1,)
    active = np.arange(m) < n
    derelict = (np.arange(m) >= n) & (np.arange(m) < 2 * n)
    mi, mj = mass[:, None], mass[None, :]
    phi0 = np.pi * (radius[:, None] + radius[None, :]) ** 2 * v * _YEAR_S
    loss = np.zeros((m, m, m))
    pairs = [(i, j) for i in range(m) for j in range(i, m)]
    if collision_rules == "breakup":
        phi = phi0 * np.where(np.eye(m, dtype=bool), 0.5, 1.0)
        cat = _energy(mi, mj, v) >= CATASTROPHIC_ENERGY
        kfrag = 0.1 * _breakup_mass(mi, mj, v) ** 0.75 * lc ** -1.71
        for i, j in pairs:
            loss[i, i, j] += float(cat[i, j] or mass[i] <= mass[j])
            loss[j, i, j] += float(cat[i, j] or mass[j] < mass[i])
    else:   # "mocat3": the bookkeeping of [MOCAT-SSEM] Test/mocat3_eq_check.m (module notes)
        phi = phi0
        intact = active | derelict
        cat = intact[:, None] & intact[None, :]
        big_m = np.where(cat, mi + mj, np.minimum(mi, mj) * (v / 1e3) ** 2)
        kfrag = 0.1 * big_m ** 0.75 * lc ** -1.71
        for i, j in pairs:
            for q, other in ((i, j), (j, i)):
                if active[q]:            # an S in every collision it takes part in
                    loss[q, i, j] = 1.0
                elif derelict[q] and not active[other]:   # a D in D-D and D-N, not in S-D
                    loss[q, i, j] = 1.0
    # Active satellites avoid all but alpha_a of their collisions with actives, alpha of those with the rest.
    both = active[:, None] & active[None, :]
    one = active[:, None] ^ active[None, :]
    phi = phi * np.where(both, alpha_a, np.where(one, alpha, 1.0)) * np.triu(np.ones((m, m)))
    disable = delta * phi0[:n, n:]
    mid_km = h[:-1] if drag_altitude == "lower" else 0.5 * (h[1:] + h[:-1])   # where rho and a are taken
    a = _R_E + mid_km * 1e3
    base = np.sqrt(_MU * a) * _YEAR_S / (np.diff(h) * 1e3) / beta[:, None]   # (n + 1, K) rate per unit density
    if atmosphere == "exponential":
        rate = base * atmosphere_density(Q_(mid_km, "km")).m_as("kg/m^3")

        def drag(t: float) -> np.ndarray:
            return rate
    elif f107 is not None:
        rho = msis_density(Q_(mid_km, "km"), f107=float(f107)).m_as("kg/m^3")
        rate = base * rho

        def drag(t: float) -> np.ndarray:
            return rate
    else:
        f_nodes = np.linspace(MSIS_F107_RANGE[0], MSIS_F107_RANGE[1], 48)
        log_rho = np.log(msis_density(Q_(mid_km[:, None], "km"), f107=f_nodes[None, :]).m_as("kg/m^3"))
        t_grid = np.linspace(0.0, years, max(int(years * 24), 2) + 1)
        t0 = as_datetime64(epoch if epoch is not None else "2025-01-01", "epoch")
        period = float(MEAN_SOLAR_CYCLE.period.m_as("year"))   # the cycle is periodic: dates wrap into one period
        dates = t0 + (np.mod(t_grid, period) * _YEAR_S * 1e3).astype("timedelta64[ms]")
        f_grid = np.clip(np.asarray(solar_flux_f107(dates), dtype=float), f_nodes[0], f_nodes[-1])

        def drag(t: float) -> np.ndarray:
            f = np.interp(t, t_grid, f_grid)
            j = min(int(np.searchsorted(f_nodes, f, side="right")) - 1, f_nodes.size - 2)
            w = (f - f_nodes[j]) / (f_nodes[j + 1] - f_nodes[j])
            return base * np.exp((1.0 - w) * log_rho[:, j] + w * log_rho[:, j + 1])
    return _Model(h * 1e3, volume, n, t_life, pmd, phi, kfrag, loss, drag, disable)


def _run(model: _Model, lam: np.ndarray, x0: np.ndarray, years: float, steps: int,
         tolerance: float) -> dict[str, np.ndarray]:
    """Integrate a batch of launch rates ``lam`` (B, n, K) from ``x0`` (M, K)."""
    batch, _, k = lam.shape
    m = model.species
    t_eval = np.linspace(0.0, years, steps)
    sol = solve_ivp(model.rhs, (0.0, years), np.broadcast_to(x0, (batch, m, k)).ravel(), method="BDF",
                    t_eval=t_eval, args=(lam,), jac_sparsity=model.sparsity(batch), rtol=1e-6, atol=1e-3)
    if not sol.success:
        raise RuntimeError(f"the cascade's integration failed: {sol.message}")
    x = np.clip(np.nan_to_num(sol.y, nan=10.0 * SATURATION), 0.0, 10.0 * SATURATION)   # held as in rhs
    x = x.reshape(batch, m, k, -1).transpose(0, 3, 1, 2)                                 # (B, T, M, K)
    c = model.collisions(x.reshape(-1, m, k)).sum(axis=(1, 2)).reshape(batch, -1, k)
    window = min(11.0, years / 4.0)
    n = x[:, :, -1] + 1.0   # +1: a growth rate of an empty shell is zero, not undefined
    def at(tt: float) -> np.ndarray:
        i = min(int(np.searchsorted(t_eval, tt, side="right")) - 1, t_eval.size - 2)
        w = (tt - t_eval[i]) / (t_eval[i + 1] - t_eval[i])
        return (1.0 - w) * n[:, i] + w * n[:, i + 1]
    end, mid, start = at(years), at(years - window), at(years - 2 * window)
    g_last = np.log(end / mid) / window
    g_prev = np.log(mid / start) / window
    xe = x[:, -1]                                                   # (B, M, K) at the end
    ce = model.collisions(xe)
    with_n = np.zeros((m, m))
    with_n[:, -1] = 1.0                                             # the pairs (i <= j) with debris: j = N
    net = np.einsum("ij,bijk->bk", model.kfrag * with_n, ce) \
        - np.einsum("ij,bijk->bk", model.loss[-1] * with_n, ce)
    multiplication = net / np.maximum(xe[:, -1], 1e-9) - model.drag(years)[-1]
    saturated = xe[:, -1] >= SATURATION
    blown = saturated.any(axis=1, keepdims=True)      # the run (one batch member) was frozen
    runaway = np.where(blown, saturated | (multiplication > 0.0),
                       (g_last > tolerance) & (g_last > g_prev) & (multiplication > 0.0))
    return {"t": t_eval, "x": x, "c": c, "growth": g_last, "runaway": runaway, "mult": multiplication}


_SPECIES = ("satellites", "derelicts", "debris")


def _counts(given: dict[str, Any] | None, k: int, name: str) -> np.ndarray:
    """(3, K) counts of S, D, N per shell from a mapping of any of them (>= 0, each scalar or (K,))."""
    x = np.zeros((3, k))
    if given is None:
        return x
    unknown = set(given) - set(_SPECIES)
    if unknown:
        raise ValueError(f"{name}: unknown species {sorted(unknown)}; expected satellites, derelicts, debris")
    for s, key in enumerate(_SPECIES):
        if key in given:
            try:
                x[s] = np.broadcast_to(fraction(given[key], f"{name}.{key}", lo=0.0, hi=np.inf), (k,))
            except ValueError as exc:
                if f"{name}.{key}" in str(exc):
                    raise
                raise ValueError(f"{name}.{key}: shape {np.shape(given[key])} does not fit the {k} shells") from None
    return x


def _inputs(edges: Any, launch_rate: Any, initial: dict[str, Any] | None, background: dict[str, Any] | None,
            background_launch_rate: Any) -> tuple[np.ndarray, np.ndarray]:
    """Launch rates (n, K) and the start (M, K): the constellation's type, then the background's if given."""
    k = np.size(si(edges, "km", "shell_edges")) - 1
    lam = _nonnegative(launch_rate, k, "launch_rate")
    own = _counts(initial, k, "initial")
    if background is None:
        if background_launch_rate is not None:
            raise ValueError("background_launch_rate: given without a background population (background=...)")
        return lam[None], own
    other = _counts(background, k, "background")
    lam_b = _nonnegative(0.0 if background_launch_rate is None else background_launch_rate, k,
                         "background_launch_rate")
    x0 = np.stack([own[0], other[0], own[1], other[1], own[2] + other[2]])
    return np.stack([lam, lam_b]), x0


_DEFAULTS: dict[str, Any] = dict(lifetime="5 year", disposal_success=0.95, avoidance_failure=0.2,
                                 active_avoidance_failure=0.01, relative_speed="10 km/s",
                                 characteristic_length="10 cm", f107=140.0, epoch=None,
                                 satellite=CASCADE_SPECIES["satellite"], debris=CASCADE_SPECIES["debris"],
                                 atmosphere="msis", drag_altitude="middle", disabling_ratio=0.0,
                                 collision_rules="breakup")


def cascade(shell_edges: Any, launch_rate: Any, *, years: Any = "100 year", steps: int = 101,
            initial: dict[str, Any] | None = None, background: dict[str, Any] | None = None,
            background_launch_rate: Any = None, background_species: tuple[float, float, float] | None = None,
            growth_tolerance: Any = "0.005 1/year", **options: Any) -> CascadeResult:
    """Evolve the satellites, derelicts and debris of LEO shells over decades (the module's model).

    Parameters
    ----------
    shell_edges : Quantity [length], shape (K + 1,)
        Increasing altitudes of the shell edges, 150 to 2000 km (e.g. :func:`shell_edges`).
    launch_rate : Quantity [1/time] or float [1/yr], scalar or shape (K,)
        Satellites launched into each shell per year (>= 0): a constellation of n satellites replenished
        over its lifetime T is n / T.
    years : Quantity [time]
        Duration of the run (> 0).
    steps : int
        Output times, evenly spaced from 0 to ``years``.
    initial : dict, optional
        Counts per shell at the start: ``{"satellites": ..., "derelicts": ..., "debris": ...}`` (>= 0; each
        scalar or shape (K,)). Missing species start at zero.
    background : dict, optional
        The objects already in orbit, as a second type of satellite with its own mass and size, in the same
        form as ``initial`` (e.g. :func:`orbit.catalogue_population`); its debris joins the debris. Its active
        satellites and derelicts are the species ``background_satellites`` and ``background_derelicts``, under
        the same equations (lifetime, disposal, avoidance), so that a constellation of large satellites does not
        lend its size to the catalogue's.
    background_launch_rate : Quantity [1/time] or float [1/yr], scalar or (K,), optional
        Launches of the background type per shell (>= 0; default none); only with ``background``.
    background_species : tuple of float, optional
        (mass [kg], area [m^2], diameter [m]) of the background's satellites and derelicts (default
        :data:`CASCADE_SPECIES` ``"satellite"``, MOCAT's median object).
    growth_tolerance : Quantity [1/time]
        The debris growth rate above which an accelerating shell is said to run away (module notes).
    lifetime : Quantity [time]
        Operational life T of an active satellite (default 5 years, MOCAT-SSEM's test case).
    disposal_success : float
        P_M, the probability of a successful post-mission disposal (default 0.95).
    avoidance_failure, active_avoidance_failure : float
        alpha, alpha_a: the fractions of collisions with D and N, and with other S, that active satellites
        fail to avoid (defaults 0.2 and 0.01, [MOCAT-SSEM]).
    relative_speed : Quantity [velocity]
        Mean impact speed (default 10 km/s).
    characteristic_length : Quantity [length]
        Smallest fragment counted as debris (default 10 cm).
    f107 : float or None
        A constant F10.7 [sfu] (default 140); ``None`` follows the mean solar cycle from ``epoch``.
    epoch : date, optional
        Start of the run on the solar cycle (default 2025-01-01; only with ``f107=None``).
    satellite, debris : tuple of float
        (mass [kg], area [m^2], diameter [m]) of a satellite (and derelict) and of a fragment
        (default :data:`CASCADE_SPECIES`).
    atmosphere : {"msis", "exponential"}
        The density of the drag: NRLMSIS 2.1 (default) or the static [Vallado2013] Table 8-4 model (module
        notes, "Options for MOCAT-3's own equations").
    drag_altitude : {"middle", "lower"}
        Where in a shell the density and sqrt(mu a) are taken (default its middle; "lower": MOCAT's lower edge).
    disabling_ratio : float
        delta >= 0, disabling collisions that turn S into D per lethal one (default 0, [MOCAT-SSEM]).
    collision_rules : {"breakup", "mocat3"}
        The fragments and losses of a collision: the 40 J/g breakup rules (default) or MOCAT-3's.

    Returns
    -------
    CascadeResult
        ``time`` (T,), ``altitude_low``/``altitude_high`` (K,), ``satellites``, ``derelicts``, ``debris``
        counts (T, K), ``collisions`` per year (T, K), ``debris_growth_rate`` over the last window (K,),
        ``debris_multiplication_rate`` (net fragments per fragment per year less the drag rate, at the end; > 0
        means self-feeding) (K,), ``runaway`` and ``stable`` = not runaway (K,), and ``settled`` (K,): not
        runaway and its debris growing no faster than ``growth_tolerance`` at the end (a stable shell may still
        be filling towards its equilibrium: stable but not settled).

    Examples
    --------
    One shell at 550 km, 100 satellites a year (500 in orbit), no collisions' worth: it settles.

    >>> r = cascade(shell_edges("525 km", "575 km", 1), "100 1/year", years="50 year")
    >>> round(float(r.satellites[-1, 0])), bool(r.stable[0])
    (500, True)
    """
    opts = {**_DEFAULTS, **options}
    if set(options) - set(_DEFAULTS):
        raise TypeError(f"cascade: unknown options {sorted(set(options) - set(_DEFAULTS))}")
    span = float(si(years, "year", "years", lo=0.0, lo_open=True))
    tol = float(si(growth_tolerance, "1/year", "growth_tolerance", lo=0.0))
    lam, x0 = _inputs(shell_edges, launch_rate, initial, background, background_launch_rate)
    model = _model(shell_edges, years=span, background_species=_background_species(background, background_species),
                   **opts)
    out = _run(model, lam[None], x0, span, int(steps), tol)
    x = out["x"][0]
    n = model.types
    h = model.edges_m / 1e3
    zero = np.zeros_like(x[:, 0])
    return CascadeResult(time=Q_(out["t"], "year"), altitude_low=Q_(h[:-1], "km"), altitude_high=Q_(h[1:], "km"),
                         satellites=x[:, 0], derelicts=x[:, n], debris=x[:, -1],
                         background_satellites=x[:, 1] if n > 1 else zero,
                         background_derelicts=x[:, n + 1] if n > 1 else zero,
                         collisions=Q_(out["c"][0], "1/year"), debris_growth_rate=Q_(out["growth"][0], "1/year"),
                         debris_multiplication_rate=Q_(out["mult"][0], "1/year"),
                         runaway=out["runaway"][0], stable=~out["runaway"][0],
                         settled=~out["runaway"][0] & (out["growth"][0] <= tol))


def _background_species(background: Any, species: Any) -> tuple[float, float, float] | None:
    """The background type's (mass, area, diameter), or None without a background."""
    if background is None:
        if species is not None:
            raise ValueError("background_species: given without a background population (background=...)")
        return None
    return CASCADE_SPECIES["satellite"] if species is None else tuple(species)


@dataclasses.dataclass(frozen=True)
class CascadeCapacity(Result):
    """The largest launch rate one shell holds with its debris settling."""

    launch_rate: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    satellites: pint.Quantity = dataclasses.field(metadata={"unit": "dimensionless"})
    bounded: bool
    reasons: str


def cascade_capacity(shell_edges: Any, shell: int, *, launch_rate: Any = 0.0, max_launch_rate: Any = "1e6 1/year",
                     years: Any = "100 year", initial: dict[str, Any] | None = None,
                     background: dict[str, Any] | None = None, background_launch_rate: Any = None,
                     background_species: tuple[float, float, float] | None = None,
                     growth_tolerance: Any = "0.005 1/year", rtol: float = 0.01, batch: int = 12,
                     **options: Any) -> CascadeCapacity:
    """The largest launch rate into shell ``shell`` for which no shell runs away over ``years``.

    A bracketing search: each round runs ``batch`` launch rates at once (one solver call, the rates
    spaced geometrically) and narrows to the bracket between the last stable and the first runaway rate,
    until the bracket's ratio is below 1 + ``rtol``.

    Parameters
    ----------
    shell_edges, years, initial, background, background_launch_rate, background_species, growth_tolerance, options
        As for :func:`cascade` (``options``: lifetime, disposal_success, avoidance_failure, ...).
    shell : int
        Index of the shell searched (0 = the lowest).
    launch_rate : Quantity [1/time] or float, scalar or (K,)
        The launches into the other shells (that of ``shell`` is replaced).
    max_launch_rate : Quantity [1/time]
        Top of the search (> 0).

    Returns
    -------
    CascadeCapacity
        ``launch_rate`` [1/yr], the largest stable rate found; ``satellites`` = rate x lifetime, the
        constellation it sustains; ``bounded`` False (with ``reasons``) when even ``max_launch_rate`` is
        stable (the capacity is at least that) or even a rate of ``max_launch_rate`` / 1e6 runs away.

    Examples
    --------
    >>> cap = cascade_capacity(shell_edges("900 km", "950 km", 1), 0, max_launch_rate="1e5 1/year",
    ...                        years="50 year", rtol=0.05)
    >>> cap.bounded, bool(cap.satellites.m > 1e3)
    (True, True)
    """
    opts = {**_DEFAULTS, **options}
    if set(options) - set(_DEFAULTS):
        raise TypeError(f"cascade_capacity: unknown options {sorted(set(options) - set(_DEFAULTS))}")
    span = float(si(years, "year", "years", lo=0.0, lo_open=True))
    tol = float(si(growth_tolerance, "1/year", "growth_tolerance", lo=0.0))
    top = float(si(max_launch_rate, "1/year", "max_launch_rate", lo=0.0, lo_open=True))
    lam, x0 = _inputs(shell_edges, launch_rate, initial, background, background_launch_rate)
    k = lam.shape[1]
    if int(shell) != shell or not 0 <= shell < k:
        raise ValueError(f"shell = {shell!r}: expected a shell index from 0 to {k - 1}")
    model = _model(shell_edges, years=span, background_species=_background_species(background, background_species),
                   **opts)
    lo, hi = top * 1e-6, top
    first = True
    while True:
        rates = np.geomspace(lo, hi, int(batch))
        lams = np.repeat(lam[None], rates.size, axis=0)
        lams[:, 0, shell] = rates
        runaway = _run(model, lams, x0, span, 41, tol)["runaway"].any(axis=1)
        if first and not runaway.any():
            rate, bounded, reason = top, False, "stable up to max_launch_rate: the capacity is at least that"
            break
        if first and runaway[0]:
            rate, bounded, reason = 0.0, False, "runs away even at max_launch_rate / 1e6"
            break
        first = False
        i = int(np.argmax(runaway)) - 1 if runaway.any() else rates.size - 1
        lo, hi = rates[i], rates[min(i + 1, rates.size - 1)]
        if hi / lo < 1.0 + rtol or not runaway.any():
            rate, bounded, reason = lo, True, ""
            break
    life = float(si(opts["lifetime"], "year", "lifetime"))
    return CascadeCapacity(launch_rate=Q_(rate, "1/year"), satellites=Q_(rate * life, "dimensionless"),
                           bounded=bounded, reasons=reason)
