"""Transient and steady thermal node networks (lumped-parameter model) with exact energy bookkeeping.

A network is a set of nodes, each either a diffusion node with heat capacity C_i [J/K] or a boundary node held
at a fixed temperature, joined by links:

- conduction, Q_ij = G_ij (T_j - T_i) with conductance G [W/K];
- radiation between nodes, Q_ij = sigma R_ij (T_j^4 - T_i^4) with the radiative exchange area
  R = eps A F [m^2] (the "radiation conductor" sigma R of SINDA-type codes);
- radiation to space, Q_i = -sigma eps A F (T_i^4 - T_sink^4);

and time-varying heat loads Q_i(t) [W] on diffusion nodes. The node equations are

    C_i dT_i/dt = Q_i(t) + sum_j G_ij (T_j - T_i) + sum_j sigma R_ij (T_j^4 - T_i^4) - sigma R_i (T_i^4 - T_sink^4),

the lumped-capacitance network of Gilmore, *Spacecraft Thermal Control Handbook* Vol. 1 (2nd ed., 2002),
ch. 15 ("Thermal analysis"), and of the SINDA/FLUINT and ESATAN thermal network solvers.

Transients are integrated by scipy's BDF (or Radau) method with the analytic Jacobian as a scipy.sparse
matrix. The state is augmented with three energy accumulators, dE_in/dt = sum_i Q_i(t),
dE_space/dt = heat radiated to space, dE_bnd/dt = heat delivered to fixed-temperature nodes. The stored
energy sum_i C_i T_i - E_in + E_space + E_bnd is then a linear invariant of the augmented system, and linear
multistep and Runge-Kutta methods preserve linear invariants exactly when the Newton iteration uses a
Jacobian that respects them (the analytic one does: the same invariant holds for every Newton update, converged
or not). The energy balance therefore closes to round-off, independently of the step size, while the step
size controls the accuracy of the temperatures and of the energies themselves. Loads that jump (eclipse
entry, duty cycles) should be declared: sampled loads with ``hold=True`` or repeated sample times declare
their own jumps; for a callable pass ``breakpoints`` to :meth:`ThermalNetwork.transient`. The integration
restarts at each one, so no step straddles a discontinuity.

The steady state solves the same balance with dT/dt = 0 by damped Newton iteration with a sparse LU solve.

Inputs are Quantities (capacities J/K, conductances W/K, areas m^2, temperatures K, powers W, times s);
inside, everything is SI floats.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pint
import scipy.sparse as sp
from scipy.integrate import BDF, Radau, solve_ivp
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import splu, spsolve

from spacedc.results import Result
from spacedc.units import fraction, quantity, si
from spacedc.thermal._constants import STEFAN_BOLTZMANN

__all__ = ["ThermalNetwork", "SteadyStateResult", "TransientResult", "plot_temperatures"]


@dataclasses.dataclass(frozen=True)
class SteadyStateResult(Result):
    """Steady temperatures of a network.

    Attributes
    ----------
    nodes : tuple of str
        Node names, in the order of ``temperature``.
    temperature : Quantity [K]
        Temperature of every node (boundary nodes at their fixed value).
    load, heat_to_space, heat_to_boundaries : Quantity [W]
        Total applied load, heat radiated to space and heat delivered to fixed-temperature nodes.
    residual : Quantity [W]
        Largest nodal imbalance left by the Newton iteration.
    iterations : int
    """

    nodes: tuple[str, ...]
    temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    load: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    heat_to_space: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    heat_to_boundaries: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    residual: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    iterations: int

    def temperature_of(self, node: str) -> pint.Quantity:
        """Temperature of one node."""
        return self.temperature[_index_of(self.nodes, node)]


@dataclasses.dataclass(frozen=True)
class TransientResult(Result):
    """Temperature histories and the energy balance of a transient run.

    Attributes
    ----------
    nodes : tuple of str
        Node names, in the order of the rows of ``temperature``.
    time : Quantity [s]
        Output times.
    temperature : Quantity [K]
        Shape (nodes, times).
    temperature_min, temperature_max : Quantity [K]
        Per node, over the output times.
    energy_in : Quantity [J]
        Integrated applied load.
    energy_to_space, energy_to_boundaries : Quantity [J]
        Integrated heat radiated to space and delivered to fixed-temperature nodes.
    stored_energy_change : Quantity [J]
        sum_i C_i (T_i(end) - T_i(start)).
    energy_closure : float
        |energy_in - energy_to_space - energy_to_boundaries - stored_energy_change| divided by the largest
        of the four magnitudes.
    """

    nodes: tuple[str, ...]
    time: pint.Quantity = dataclasses.field(metadata={"unit": "s"})
    temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    temperature_min: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    temperature_max: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    energy_in: pint.Quantity = dataclasses.field(metadata={"unit": "J"})
    energy_to_space: pint.Quantity = dataclasses.field(metadata={"unit": "J"})
    energy_to_boundaries: pint.Quantity = dataclasses.field(metadata={"unit": "J"})
    stored_energy_change: pint.Quantity = dataclasses.field(metadata={"unit": "J"})
    energy_closure: float

    def temperature_of(self, node: str) -> pint.Quantity:
        """Temperature history of one node."""
        return self.temperature[_index_of(self.nodes, node)]


def _append(columns: tuple[list, ...], *values: Any) -> None:
    for column, value in zip(columns, values):
        column.append(value)


def _per_link(x: Any, k: int, what: str) -> np.ndarray:
    """``x`` as k floats: one value for all, or one per node or link."""
    x = np.asarray(x, dtype=float).ravel()
    if x.size not in (1, k):
        raise ValueError(f"{what}: {x.size} values for {k} nodes or links (one for all, or one each)")
    return np.broadcast_to(x, (k,))


def _index_of(nodes: Sequence[str], node: str) -> int:
    try:
        return list(nodes).index(node)
    except ValueError:
        raise ValueError(f"node = {node!r}: unknown node; known nodes are {', '.join(nodes)}") from None


@dataclasses.dataclass
class _SampledLoad:
    columns: np.ndarray          # diffusion-node indices
    times: np.ndarray            # (k,) s, non-decreasing
    powers: np.ndarray           # (k, len(columns)) W
    period: float | None
    hold: bool

    def __call__(self, t: float) -> np.ndarray:
        tau = t % self.period if self.period else t
        if self.hold:
            i = np.searchsorted(self.times, tau, side="right") - 1
            if i < 0:  # before the first sample: the last sample of the previous period, or the first one
                i = len(self.times) - 1 if self.period else 0
            return self.powers[i]
        x, y = self.times, self.powers
        if self.period:
            x = np.concatenate([[x[-1] - self.period], x, [x[0] + self.period]])
            y = np.concatenate([y[-1:], y, y[:1]])
        i = np.clip(np.searchsorted(x, tau, side="right") - 1, 0, len(x) - 2)
        span = x[i + 1] - x[i]
        w = np.clip((tau - x[i]) / span, 0.0, 1.0) if span > 0 else 1.0
        return y[i] + w * (y[i + 1] - y[i])

    def jumps(self, duration: float) -> np.ndarray:
        """Times in (0, duration) where this load may be discontinuous."""
        if self.hold:
            base = self.times
        else:
            base = self.times[1:][np.diff(self.times) == 0]
        if self.period:
            k = np.arange(int(np.ceil(duration / self.period)) + 1)
            base = (base[None, :] + self.period * k[:, None]).ravel()
        return base[(base > 0) & (base < duration)]


class ThermalNetwork:
    """Builder and solver of a lumped thermal network.

    Examples
    --------
    >>> net = ThermalNetwork()
    >>> net.add_node("plate", "2000 J/K", temperature="300 K")
    >>> net.add_radiation_to_space("plate", emissivity=0.85, area="1 m^2")
    >>> net.add_load("plate", "400 W")
    >>> round(float(net.steady_state().temperature_of("plate").m_as("K")), 2)  # (400 / (0.85 sigma))^(1/4)
    301.83
    >>> run = net.transient("3 hour")
    >>> run.energy_closure < 1e-12
    True
    """

    def __init__(self) -> None:
        self._names: list[str] = []
        self._index: dict[str, int] = {}     # name -> position in _names (a list lookup would make building O(n^2))
        self._column: list[int] = []         # position among the diffusion nodes, -1 for a fixed node
        self._n_fixed = 0
        self._capacity: list[float] = []     # J/K, nan for fixed nodes
        self._temperature: list[float] = []  # K: initial value, or the fixed value
        self._fixed: list[bool] = []
        # links as flat columns (node a, node b, weight), appended one by one or a whole array at a time
        self._conduction: tuple[list[int], list[int], list[float]] = ([], [], [])
        self._radiation: tuple[list[int], list[int], list[float]] = ([], [], [])
        self._space: tuple[list[int], list[float], list[float]] = ([], [], [])  # node, eps A F, T_sink
        self._constant_load: dict[int, float] = {}
        self._sampled: list[_SampledLoad] = []
        self._callables: list[tuple[np.ndarray, Callable[[float], Any]]] = []

    # ---------------------------------------------------------------- building
    @property
    def nodes(self) -> tuple[str, ...]:
        """Node names in the order used by results."""
        return tuple(self._names)

    def add_node(self, name: str | Sequence[str], capacity: Any = None, *, temperature: Any,
                 fixed: bool = False) -> None:
        """Add a node, or many at once.

        Parameters
        ----------
        name : str or sequence of str
            Unique node name; a sequence adds one node per name in one call (capacities and temperatures
            then one value for all or one per name), which builds a large network in time linear in its size
            without a Python call per node.
        capacity : Quantity [J/K]
            Heat capacity m c_p, > 0; required for a diffusion node, not allowed for a fixed one.
        temperature : Quantity [K]
            Initial temperature (and first guess of the steady state), or the fixed temperature.
        fixed : bool
            A boundary node held at ``temperature``.
        """
        if not isinstance(name, str) and isinstance(name, Sequence | np.ndarray):
            self._add_nodes(list(name), capacity, temperature, bool(fixed))
            return
        if not isinstance(name, str) or not name:
            raise ValueError(f"name = {name!r}: a node needs a non-empty string name")
        if name in self._index:
            raise ValueError(f"name = {name!r}: a node of that name already exists")
        temp = float(si(temperature, "K", f"temperature of node {name!r}", lo=0, lo_open=not fixed))
        if fixed:
            if capacity is not None:
                raise ValueError(f"capacity of node {name!r}: a fixed-temperature node takes no capacity")
            cap = np.nan
        else:
            if capacity is None:
                raise ValueError(f"capacity of node {name!r}: required for a node that is not fixed")
            cap = float(si(capacity, "J/K", f"capacity of node {name!r}", lo=0, lo_open=True))
        self._index[name] = len(self._names)
        self._column.append(-1 if fixed else len(self._names) - self._n_fixed)
        self._n_fixed += bool(fixed)
        self._names.append(name)
        self._capacity.append(cap)
        self._temperature.append(temp)
        self._fixed.append(fixed)

    def _add_nodes(self, names: list[Any], capacity: Any, temperature: Any, fixed: bool) -> None:
        k = len(names)
        bad = [x for x in names if not isinstance(x, str) or not x]
        if bad:
            raise ValueError(f"name = {bad[0]!r}: a node needs a non-empty string name")
        seen = set(self._index)
        for x in names:
            if x in seen:
                raise ValueError(f"name = {x!r}: a node of that name already exists")
            seen.add(x)
        temp = _per_link(si(temperature, "K", "temperature of nodes", lo=0, lo_open=not fixed), k, "temperature")
        if fixed:
            if capacity is not None:
                raise ValueError("capacity of nodes: a fixed-temperature node takes no capacity")
            cap = np.full(k, np.nan)
        else:
            if capacity is None:
                raise ValueError("capacity of nodes: required for nodes that are not fixed")
            cap = _per_link(si(capacity, "J/K", "capacity of nodes", lo=0, lo_open=True), k, "capacity")
        start, free = len(self._names), len(self._names) - self._n_fixed
        self._index.update(zip(names, range(start, start + k)))
        self._column.extend([-1] * k if fixed else range(free, free + k))
        self._n_fixed += k if fixed else 0
        self._names.extend(names)
        self._capacity.extend(cap.tolist())
        self._temperature.extend(temp.tolist())
        self._fixed.extend([fixed] * k)

    def _pairs(self, a: Sequence[str], b: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        a, b = list(a), list(b)
        if len(a) != len(b):
            raise ValueError(f"a, b: {len(a)} and {len(b)} nodes; links join the nodes of a and b pairwise")
        i = np.array([self._node(x, "a") for x in a], dtype=np.int64)
        j = np.array([self._node(x, "b") for x in b], dtype=np.int64)
        same = np.flatnonzero(i == j)
        if len(same):
            raise ValueError(f"a = b = {a[same[0]]!r}: a link needs two different nodes")
        return i, j

    def _add_links(self, links: tuple[list, ...], a: Any, b: Any, value: Any, unit: str, what: str) -> bool:
        """Append the links of sequences ``a`` and ``b``; False (nothing done) for a single pair of names."""
        if isinstance(a, str) and isinstance(b, str):
            return False
        i, j = self._pairs([a] if isinstance(a, str) else a, [b] if isinstance(b, str) else b)
        w = _per_link(si(value, unit, what, lo=0, lo_open=True), len(i), what)
        for column, values in zip(links, (i, j, w)):
            column.extend(values.tolist())
        return True

    def _node(self, name: str, what: str) -> int:
        try:
            return self._index[name]
        except (KeyError, TypeError):
            known = ", ".join(self._names[:20]) + (f", ... ({len(self._names)} in all)" if len(self._names) > 20
                                                    else "")
            raise ValueError(f"{what} = {name!r}: unknown node; known nodes are {known or 'none'}") from None

    def _pair(self, a: str, b: str) -> tuple[int, int]:
        i, j = self._node(a, "a"), self._node(b, "b")
        if i == j:
            raise ValueError(f"a = b = {a!r}: a link needs two different nodes")
        return i, j

    def add_conduction(self, a: str | Sequence[str], b: str | Sequence[str], conductance: Any) -> None:
        """Conductive link Q = G (T_b - T_a) into ``a``; ``conductance`` [W/K] > 0.

        Sequences ``a`` and ``b`` of equal length add one link per pair (``conductance`` one value for all or
        one per pair).
        """
        if self._add_links(self._conduction, a, b, conductance, "W/K", "conductance"):
            return
        i, j = self._pair(a, b)
        g = float(si(conductance, "W/K", f"conductance {a!r}-{b!r}", lo=0, lo_open=True))
        _append(self._conduction, i, j, g)

    def add_radiation(self, a: str | Sequence[str], b: str | Sequence[str], exchange_area: Any) -> None:
        """Radiative link Q = sigma R (T_b^4 - T_a^4) into ``a``.

        ``exchange_area`` R [m^2] > 0 is the radiative exchange factor eps A F (for two grey surfaces, the
        Gebhart or script-F value times the area; Gilmore Vol. 1, ch. 15). Sequences ``a`` and ``b`` add one
        link per pair, as in :meth:`add_conduction`.
        """
        if self._add_links(self._radiation, a, b, exchange_area, "m^2", "exchange_area"):
            return
        i, j = self._pair(a, b)
        r = float(si(exchange_area, "m^2", f"exchange_area {a!r}-{b!r}", lo=0, lo_open=True))
        _append(self._radiation, i, j, r)

    def add_radiation_to_space(self, node: str | Sequence[str], *, emissivity: Any, area: Any,
                               view_factor: Any = 1.0, sink_temperature: Any = "3 K") -> None:
        """Radiation from ``node`` to a sink: Q = -sigma eps A F (T^4 - T_sink^4).

        Parameters
        ----------
        node : str or sequence of str
            Diffusion node(s); for a sequence each parameter is one value for all or one per node.
        emissivity : float
            Hemispherical emissivity in (0, 1].
        area : Quantity [m^2]
            Radiating area, > 0.
        view_factor : float
            View factor to the sink, in (0, 1].
        sink_temperature : Quantity [K]
            Sink temperature >= 0; deep space 3 K by default (an effective sink can include absorbed
            environment loads, or put those in as loads).
        """
        if not isinstance(node, str):
            names = list(node)
            idx = np.array([self._node(x, "node") for x in names], dtype=np.int64)
            fixed = [x for x, i in zip(names, idx) if self._fixed[i]]
            if fixed:
                raise ValueError(f"node = {fixed[0]!r}: a fixed-temperature node exchanges nothing the network "
                                 "stores")
            k = len(idx)
            eps = _per_link(fraction(emissivity, "emissivity", lo=0, hi=1, lo_open=True), k, "emissivity")
            f = _per_link(fraction(view_factor, "view_factor", lo=0, hi=1, lo_open=True), k, "view_factor")
            area_m2 = _per_link(si(area, "m^2", "area", lo=0, lo_open=True), k, "area")
            t_sink = _per_link(si(sink_temperature, "K", "sink_temperature", lo=0), k, "sink_temperature")
            for column, values in zip(self._space, (idx, eps * area_m2 * f, t_sink)):
                column.extend(values.tolist())
            return
        i = self._node(node, "node")
        if self._fixed[i]:
            raise ValueError(f"node = {node!r}: a fixed-temperature node exchanges nothing the network stores")
        eps = float(fraction(emissivity, "emissivity", lo=0, hi=1, lo_open=True))
        f = float(fraction(view_factor, "view_factor", lo=0, hi=1, lo_open=True))
        area_m2 = float(si(area, "m^2", "area", lo=0, lo_open=True))
        t_sink = float(si(sink_temperature, "K", "sink_temperature", lo=0))
        _append(self._space, i, eps * area_m2 * f, t_sink)

    def add_load(self, node: str | Sequence[str], power: Any, *, times: Any = None, period: Any = None,
                 hold: bool = False) -> None:
        """Heat load on one node or a list of nodes.

        Parameters
        ----------
        node : str or sequence of str
            Diffusion node(s) receiving the load.
        power : Quantity [W], or callable
            - a constant power (one value, or one per node);
            - with ``times``: powers sampled at ``times``, shape (len(times),) or (len(times), len(nodes));
            - a callable ``f(t)`` of time in seconds (float) returning watts (float, array of one value per
              node, or a Quantity). Declare its jumps with ``breakpoints`` in :meth:`transient`.
        times : Quantity [s], optional
            Non-decreasing sample times; a repeated time makes a jump.
        period : Quantity [s], optional
            Repeat the samples with this period (orbits); samples must lie in [0, period].
        hold : bool
            Zero-order hold (each sample holds until the next: duty cycles, eclipse switching) instead of
            linear interpolation.
        """
        names = [node] if isinstance(node, str) else list(node)
        idx = [self._node(n, "node") for n in names]
        for n, i in zip(names, idx):
            if self._fixed[i]:
                raise ValueError(f"node = {n!r}: a load on a fixed-temperature node has no effect")
        cols = self._diffusion_columns(idx)
        if callable(power):
            if times is not None or period is not None:
                raise ValueError("times/period apply to sampled loads, not to a callable")
            self._callables.append((cols, power))
            return
        if times is None:
            if period is not None:
                raise ValueError("period needs sampled loads (times)")
            p = si(power, "W", "power")
            if p.size not in (1, len(idx)):
                raise ValueError(f"power: {p.size} values for {len(idx)} nodes")
            p = np.broadcast_to(p.ravel(), (len(idx),))
            for i, value in zip(idx, p):
                self._constant_load[i] = self._constant_load.get(i, 0.0) + float(value)
            return
        t = np.atleast_1d(si(times, "s", "times"))
        p = np.asarray(si(power, "W", "power"), dtype=float)
        if t.ndim != 1 or len(t) < 2 or np.any(np.diff(t) < 0):
            raise ValueError(f"times = {times}: must be a non-decreasing 1-D sequence of at least two samples")
        if p.ndim == 1:
            p = np.repeat(p[:, None], len(idx), axis=1)
        if p.shape != (len(t), len(idx)):
            raise ValueError(f"power: shape {p.shape} does not match {len(t)} times x {len(idx)} nodes")
        per = None
        if period is not None:
            per = float(si(period, "s", "period", lo=0, lo_open=True))
            if t[0] < 0 or t[-1] > per:
                raise ValueError(f"times = {times}: periodic samples must lie in [0, period = {period}]")
        self._sampled.append(_SampledLoad(cols, t, p, per, hold))

    # ------------------------------------------------------------- assembling
    def _diffusion_columns(self, idx: Sequence[int]) -> np.ndarray:
        return np.array([self._column[i] for i in idx], dtype=int)

    def _assemble(self) -> dict[str, Any]:
        """Sparse operators on the full node vector (diffusion and boundary nodes)."""
        if not self._names:
            raise ValueError("the network has no nodes")
        n = len(self._names)
        fixed = np.asarray(self._fixed)
        if fixed.all():
            raise ValueError("the network has no diffusion node (every node is fixed)")

        def laplacian(links: tuple[list[int], list[int], list[float]], scale: float) -> sp.csr_matrix:
            if not links[0]:
                return sp.csr_matrix((n, n))
            i, j = np.asarray(links[0], dtype=np.int64), np.asarray(links[1], dtype=np.int64)
            w = np.asarray(links[2], dtype=float) * scale
            rows = np.concatenate([i, j, i, j])
            cols = np.concatenate([i, j, j, i])
            vals = np.concatenate([w, w, -w, -w])
            return sp.csr_matrix((vals, (rows, cols)), shape=(n, n))

        lap_c = laplacian(self._conduction, 1.0)
        lap_r = laplacian(self._radiation, STEFAN_BOLTZMANN)
        s = np.zeros(n)
        b = np.zeros(n)
        if self._space[0]:
            i, r, t_sink = (np.asarray(v) for v in self._space)
            np.add.at(s, i, STEFAN_BOLTZMANN * r)
            np.add.at(b, i, STEFAN_BOLTZMANN * r * t_sink**4)
        free = np.flatnonzero(~fixed)
        bnd = np.flatnonzero(fixed)
        q0 = np.zeros(len(free))
        cols = self._diffusion_columns(list(self._constant_load))
        np.add.at(q0, cols, list(self._constant_load.values()))
        rad_all = (lap_r + sp.diags(s)).tocsr()
        t_all = np.asarray(self._temperature)
        tb, tb4 = t_all[bnd], t_all[bnd] ** 4

        def block(m: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> sp.csr_matrix:
            return m[rows][:, cols].tocsr()

        return dict(
            free=free, bnd=bnd, capacity=np.asarray(self._capacity)[free], t_all=t_all, q0=q0, s=s[free],
            sink=b[free].sum(),
            lc_ff=block(lap_c, free, free), rad_ff=block(rad_all, free, free),
            # heat into the diffusion nodes from the fixed nodes and the space sinks (constant)
            inflow=b[free] - block(lap_c, free, bnd) @ tb - block(lap_r, free, bnd) @ tb4,
            # heat into the fixed nodes = -(bc . T + br . T^4 + b0), summed over the fixed nodes
            bc=np.asarray(block(lap_c, bnd, free).sum(axis=0)).ravel(),
            br=np.asarray(block(lap_r, bnd, free).sum(axis=0)).ravel(),
            b0=float((block(lap_c, bnd, bnd) @ tb + block(lap_r, bnd, bnd) @ tb4).sum()),
        )

    def _loads(self, q0: np.ndarray, t: float) -> np.ndarray:
        """Applied load on each diffusion node at time t [W]; ``q0`` holds the constant loads."""
        q = q0.copy()
        for load in self._sampled:
            np.add.at(q, load.columns, load(t))
        for cols, fn in self._callables:
            value = fn(t)
            if isinstance(value, pint.Quantity):
                value = value.m_as("W")
            np.add.at(q, cols, np.broadcast_to(np.asarray(value, dtype=float), cols.shape))
        return q

    # ---------------------------------------------------------------- physics
    @staticmethod
    def _flows(op: dict[str, Any], tf: np.ndarray) -> tuple[np.ndarray, float, float]:
        """Link flows into each diffusion node [W], heat to space and heat to the fixed nodes [W]."""
        tf4 = tf**4
        flow = op["inflow"] - op["lc_ff"] @ tf - op["rad_ff"] @ tf4
        to_space = float(op["s"] @ tf4 - op["sink"])
        to_bnd = -float(op["bc"] @ tf + op["br"] @ tf4 + op["b0"])
        return flow, to_space, to_bnd

    @staticmethod
    def _flow_jacobian(op: dict[str, Any], tf: np.ndarray) -> sp.csr_matrix:
        """d(flow)/dT on the diffusion nodes (sparse)."""
        return (-(op["lc_ff"] + op["rad_ff"] @ sp.diags(4.0 * tf**3))).tocsr()

    # ----------------------------------------------------------------- solving
    def steady_state(self, *, time: Any = "0 s", tol: float = 1e-10, max_iter: int = 100) -> SteadyStateResult:
        """Steady temperatures with the loads taken at ``time``.

        Solves Q_i + flows_i(T) = 0 on every diffusion node by Newton's method with the sparse analytic
        Jacobian, damped so that no temperature changes by more than a factor of two per iteration.
        Converged when the largest nodal imbalance is below ``tol`` times the largest heat flow through a
        node. Raises ValueError if some diffusion node has no conductive or radiative path to space or to a
        fixed-temperature node (no steady state exists).
        """
        op = self._assemble()
        self._check_sinks(op)
        q = self._loads(op["q0"], float(si(time, "s", "time")))
        tf = op["t_all"][op["free"]].copy()
        for iteration in range(1, max_iter + 1):
            flow, _, _ = self._flows(op, tf)
            resid = q + flow
            scale = max(np.abs(q).max(initial=0.0), np.abs(op["s"] * tf**4).max(initial=0.0),
                        np.abs(flow).max(initial=0.0), 1e-300)
            if np.abs(resid).max() <= tol * scale and iteration > 1:
                break
            step = np.atleast_1d(spsolve(self._flow_jacobian(op, tf).tocsc(), -resid))
            with np.errstate(divide="ignore"):  # a zero step sets no limit
                limit = np.where(step < 0, 0.5 * tf / -step, tf / step)
            tf = tf + min(1.0, limit.min()) * step
        else:
            raise RuntimeError(f"steady_state: Newton did not converge in {max_iter} iterations "
                               f"(largest imbalance {np.abs(resid).max():.3g} W)")
        flow, to_space, to_bnd = self._flows(op, tf)
        return SteadyStateResult(
            nodes=self.nodes, temperature=quantity(self._full(op, tf), "K"), load=quantity(q.sum(), "W"),
            heat_to_space=quantity(to_space, "W"), heat_to_boundaries=quantity(to_bnd + 0.0, "W"),
            residual=quantity(np.abs(q + flow).max(), "W"), iterations=iteration,
        )

    def transient(self, duration: Any, *, output_step: Any = None, breakpoints: Any = None,
                  rtol: float = 1e-6, atol: Any = "1e-4 K", method: str = "BDF",
                  sparse_jacobian: bool = True, max_evaluations: int = 20_000) -> TransientResult:
        """Integrate the node temperatures over ``duration`` from the nodes' initial temperatures.

        Parameters
        ----------
        duration : Quantity [s]
            Length of the run, > 0.
        output_step : Quantity [s], optional
            Spacing of the output times (default: duration / 500).
        breakpoints : Quantity [s], optional
            Times where a callable load jumps; the integration restarts there (jumps of sampled loads are
            found automatically).
        rtol : float
            Relative tolerance of the integrator.
        atol : Quantity [K]
            Absolute temperature tolerance; the energy accumulators get the same tolerance times the total
            heat capacity.
        method : {"BDF", "Radau"}
            Implicit integrator of :func:`scipy.integrate.solve_ivp`.
        sparse_jacobian : bool
            Pass the Jacobian as a scipy.sparse matrix (default) or as a dense array (for comparison).
        max_evaluations : int
            Budget of right-hand-side evaluations for the whole run. A network too stiff for the integrator
            (loads or capacities many orders beyond a real satellite) creeps on in ever smaller steps; past the
            budget the run stops with RuntimeError, as for an integrator failure. The default is some 30 times
            what the reference designs' three-orbit runs take (about 700), and 13 times the most that 70
            randomly mutated designs took (1530).

        Returns
        -------
        TransientResult
            Histories, extremes and the energy balance; ``energy_closure`` is at round-off level (see the
            module docstring for why).
        """
        if method not in ("BDF", "Radau"):
            raise ValueError(f"method = {method!r}: must be 'BDF' or 'Radau'")
        op = self._assemble()
        t_end = float(si(duration, "s", "duration", lo=0, lo_open=True))
        dt_out = t_end / 500 if output_step is None else float(si(output_step, "s", "output_step", lo=0,
                                                                     lo_open=True))
        a_t = float(si(atol, "K", "atol", lo=0, lo_open=True))
        cuts = [load.jumps(t_end) for load in self._sampled]
        if breakpoints is not None:
            extra = np.atleast_1d(si(breakpoints, "s", "breakpoints"))
            cuts.append(extra[(extra > 0) & (extra < t_end)])
        edges = np.unique(np.concatenate([[0.0, t_end], *cuts]))
        t_out = np.unique(np.append(np.arange(0.0, t_end, dt_out), t_end))

        system = _Augmented(self, op, sparse_jacobian, max_evaluations)
        nf, cap = len(op["free"]), op["capacity"]
        y = np.concatenate([op["t_all"][op["free"]], np.zeros(3)])
        atol_vec = np.concatenate([np.full(nf, a_t), np.full(3, a_t * cap.sum())])
        times, states = [0.0], [y.copy()]
        for t0, t1 in zip(edges[:-1], edges[1:]):
            # loads are read just inside the segment, so a jump at either end is taken on the correct side
            system.window = (t0 + 1e-9 * (t1 - t0), t1 - 1e-9 * (t1 - t0))
            keep = (t_out > t0) & (t_out <= t1)
            t_eval = np.append(t_out[keep & (t_out < t1)], t1)
            sol = solve_ivp(system.rhs, (t0, t1), y, method=_SOLVERS[method], t_eval=t_eval, jac=system.jac,
                            rtol=rtol, atol=atol_vec)
            if not sol.success:
                raise RuntimeError(f"transient: the integrator failed between {t0:g} s and {t1:g} s: {sol.message}")
            y = sol.y[:, -1]
            wanted = np.isin(sol.t, t_out[keep])
            times.extend(sol.t[wanted])
            states.extend(sol.y.T[wanted])
        states_arr = np.array(states).T
        temps = np.repeat(op["t_all"][:, None], states_arr.shape[1], axis=1)
        temps[op["free"]] = states_arr[:nf]
        e_in, e_space, e_bnd = states_arr[nf:, -1]
        stored = float(cap @ (states_arr[:nf, -1] - states_arr[:nf, 0]))
        scale = max(abs(e_in), abs(e_space), abs(e_bnd), abs(stored), 1e-300)
        closure = abs(e_in - e_space - e_bnd - stored) / scale
        return TransientResult(
            nodes=self.nodes, time=quantity(np.array(times), "s"), temperature=quantity(temps, "K"),
            temperature_min=quantity(temps.min(axis=1), "K"), temperature_max=quantity(temps.max(axis=1), "K"),
            energy_in=quantity(e_in, "J"), energy_to_space=quantity(e_space, "J"),
            energy_to_boundaries=quantity(e_bnd, "J"), stored_energy_change=quantity(stored, "J"),
            energy_closure=float(closure),
        )

    # ---------------------------------------------------------------- helpers
    def _full(self, op: dict[str, Any], tf: np.ndarray) -> np.ndarray:
        out = op["t_all"].copy()
        out[op["free"]] = tf
        return out

    def _check_sinks(self, op: dict[str, Any]) -> None:
        """Every diffusion node must reach space or a fixed node through links, or there is no steady state."""
        links = abs(op["lc_ff"]) + abs(op["rad_ff"])
        sinks = (op["s"] > 0) | (op["bc"] != 0) | (op["br"] != 0)
        to_sink = sp.csr_matrix(sinks.astype(float)[:, None])
        graph = sp.bmat([[links, to_sink], [to_sink.T, None]], format="csr")
        nf = len(op["free"])
        _, label = connected_components(graph, directed=False)
        isolated = np.flatnonzero(label[:nf] != label[nf])
        if len(isolated):
            names = [self._names[op["free"][i]] for i in isolated]
            raise ValueError(f"no steady state: node(s) {', '.join(names)} have no conductive or radiative path "
                             "to space or to a fixed-temperature node")


class _Augmented:
    """Node equations with the three energy accumulators appended: the system solve_ivp integrates."""

    def __init__(self, net: ThermalNetwork, op: dict[str, Any], sparse_jacobian: bool,
                 max_evaluations: int = 20_000) -> None:
        self.net, self.op, self.sparse = net, op, sparse_jacobian
        self.nf = len(op["free"])
        self.inv_cap = sp.diags(1.0 / op["capacity"])
        self.window = (0.0, np.inf)
        self.evaluations, self.max_evaluations = 0, max_evaluations

    def rhs(self, t: float, state: np.ndarray) -> np.ndarray:
        """[dT/dt on diffusion nodes, dE_in/dt, dE_space/dt, dE_bnd/dt]."""
        self.evaluations += 1
        if self.evaluations > self.max_evaluations:
            raise RuntimeError(f"transient: the integrator needed more than {self.max_evaluations:,} evaluations "
                               f"and had reached only t = {t:.3g} s (a network too stiff to follow)")
        q = self.net._loads(self.op["q0"], min(max(t, self.window[0]), self.window[1]))
        flow, to_space, to_bnd = self.net._flows(self.op, state[: self.nf])
        return np.concatenate([(q + flow) / self.op["capacity"], [q.sum(), to_space, to_bnd]])

    def jac(self, t: float, state: np.ndarray) -> Any:
        """Analytic Jacobian of :meth:`rhs` in CSC; the accumulator columns are zero.

        The accumulator rows are dense (every node radiates to space), but they never enter a sparse LU:
        :class:`_BlockLU` factorises only the node block (see there).
        """
        nf = self.nf
        tf3 = 4.0 * state[:nf] ** 3
        top = (self.inv_cap @ self.net._flow_jacobian(self.op, state[:nf])).tocsc()
        top.sort_indices()
        rows = np.vstack([self.op["s"] * tf3, -(self.op["bc"] + self.op["br"] * tf3)])  # dE_space, dE_bnd rows
        # append the two non-zero accumulator rows (nf + 1, nf + 2) to every node column, then 3 empty columns
        count = np.diff(top.indptr)
        indptr = np.concatenate([top.indptr + 2 * np.arange(nf + 1), np.full(3, top.nnz + 2 * nf)])
        data = np.empty(top.nnz + 2 * nf)
        indices = np.empty(top.nnz + 2 * nf, dtype=np.int32 if nf + 3 < 2**31 else np.int64)
        at = np.arange(top.nnz) + 2 * np.repeat(np.arange(nf), count)
        data[at], indices[at] = top.data, top.indices
        tail = indptr[1 : nf + 1] - 2
        data[tail], indices[tail] = rows[0], nf + 1
        data[tail + 1], indices[tail + 1] = rows[1], nf + 2
        full = sp.csc_matrix((data, indices, indptr), shape=(nf + 3, nf + 3))
        return full if self.sparse else full.toarray()


class _BlockLU:
    """LU solve of the Newton matrix M = [[M11, 0], [M21, M22]] of the augmented system.

    The energy accumulators do not feed back into the node equations (their Jacobian columns are zero), so M
    is block lower triangular: M11 (the nodes, as sparse as the network) is factorised by SuperLU and the
    accumulator rows are solved by forward substitution, x2 = M22^-1 (b2 - M21 x1). Handing the whole of M
    to SuperLU instead puts the accumulators' dense rows into its column ordering (COLAMD orders by the
    structure of M^T M, which a dense row fills completely) and the factorisation fills in: at 1,000 chain
    nodes one LU took 31 ms instead of 0.3 ms, and the cost grew about as n^2. The solve is exact up to
    round-off, so every Newton iterate keeps the linear energy invariant (module docstring).
    """

    def __init__(self, m: Any, nf: int) -> None:
        m = sp.csc_matrix(m)
        self.nf = nf
        self.lu = splu(m[:nf, :nf].tocsc())
        self.m21 = m[nf:, :nf].toarray()
        self.m22 = m[nf:, nf:].toarray()

    def solve(self, b: np.ndarray) -> np.ndarray:
        x1 = self.lu.solve(b[: self.nf])
        return np.concatenate([x1, np.linalg.solve(self.m22, b[self.nf :] - self.m21 @ x1)])


def _block_solver(base: type) -> type:
    """``base`` (scipy's BDF or Radau) with the sparse LU of :class:`_BlockLU` for the last ``n_tail`` rows."""

    class Block(base):  # type: ignore[misc, valid-type]
        def __init__(self, fun: Any, t0: float, y0: np.ndarray, t_bound: float, *, n_tail: int = 3,
                     **options: Any) -> None:
            super().__init__(fun, t0, y0, t_bound, **options)
            if sp.issparse(self.J):
                nf = self.n - n_tail

                def lu(m: Any) -> _BlockLU:
                    self.nlu += 1
                    return _BlockLU(m, nf)

                self.lu = lu
                self.solve_lu = lambda factor, b: factor.solve(b)

    Block.__name__ = Block.__qualname__ = f"Block{base.__name__}"
    return Block


_SOLVERS = {"BDF": _block_solver(BDF), "Radau": _block_solver(Radau)}


def plot_temperatures(result: TransientResult, ax: Any = None, nodes: Sequence[str] | None = None) -> Any:
    """Plot node temperatures against time (hours) on ``ax`` (a new figure if None); returns the axes.

    ``nodes`` selects which nodes to draw (default: all). Matplotlib is imported here, not at module import.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    hours = result.time.m_as("hour")
    for name in (nodes if nodes is not None else result.nodes):
        ax.plot(hours, result.temperature_of(name).m_as("K"), label=name)
    ax.set_xlabel("time [h]")
    ax.set_ylabel("temperature [K]")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return ax
