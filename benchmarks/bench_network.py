"""Benchmark: transient solve of a thermal node network over ten orbits, sparse against dense Jacobian.

The network is a radiator panel meshed as an nx x ny grid of aluminium nodes: neighbours conduct, every node
radiates to deep space from one face, absorbs sunlight outside eclipse (a switched load), and the first
column receives the dissipated heat (the heat-pipe edge). Each size is solved twice in the same run, with
the analytic Jacobian passed to scipy's BDF as a scipy.sparse matrix and as a dense array. The grids are a
computational load of growing size, not a mesh-convergence study (the coarse grids do not resolve the
temperature drop near the heated edge).

Run from the repository root:

    python benchmarks/bench_network.py

Prints a table and writes benchmarks/results/network.json (git-ignored).
"""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path

import numpy as np
import scipy

from spacedc.units import u
from spacedc.thermal.network import ThermalNetwork

ORBIT, ECLIPSE = 5400.0, 2100.0  # s
SIZES = {10: (2, 5), 100: (10, 10), 1000: (25, 40)}


def panel(nx: int, ny: int) -> ThermalNetwork:
    """A 2 m x 1 m, 1 mm aluminium panel as an nx x ny grid: 1000 W in at one edge, 200 W/m^2 absorbed in sun."""
    dx, dy, t = 2.0 / nx, 1.0 / ny, 1e-3
    k, rho, cp = 167.0, 2700.0, 900.0
    net = ThermalNetwork()
    names = [[f"n{i}_{j}" for j in range(ny)] for i in range(nx)]
    for row in names:
        for name in row:
            net.add_node(name, rho * cp * dx * dy * t * u.J / u.K, temperature=280 * u.K)
            net.add_radiation_to_space(name, emissivity=0.85, area=dx * dy * u.m**2)
    for i in range(nx):
        for j in range(ny):
            if i + 1 < nx:
                net.add_conduction(names[i][j], names[i + 1][j], k * t * dy / dx * u.W / u.K)
            if j + 1 < ny:
                net.add_conduction(names[i][j], names[i][j + 1], k * t * dx / dy * u.W / u.K)
    every = [name for row in names for name in row]
    sun = 200.0 * dx * dy
    net.add_load(every, [sun, 0.0] * u.W, times=[0.0, ORBIT - ECLIPSE] * u.s, period=ORBIT * u.s, hold=True)
    net.add_load(names[0], 1000.0 / ny * u.W)
    return net


def timed(net: ThermalNetwork, sparse: bool) -> tuple[float, float, float]:
    start = time.perf_counter()
    r = net.transient(10 * ORBIT * u.s, output_step="60 s", sparse_jacobian=sparse)
    elapsed = time.perf_counter() - start
    return elapsed, r.energy_closure, float(r.temperature_max.m_as("K").max())


def main() -> None:
    rows = []
    print(f"{'nodes':>6} {'sparse [s]':>11} {'dense [s]':>10} {'dense/sparse':>13} {'energy closure':>15}")
    for n, (nx, ny) in SIZES.items():
        net = panel(nx, ny)
        repeats = 3 if n <= 100 else 1
        runs = [timed(net, True) for _ in range(repeats)]
        sparse = min(run[0] for run in runs)
        _, closure, t_max = runs[-1]
        dense, closure_d, t_max_d = timed(net, False)
        assert abs(t_max - t_max_d) < 1e-6 * t_max, "sparse and dense runs disagree"
        rows.append(dict(nodes=n, grid=[nx, ny], sparse_s=sparse, dense_s=dense, closure=max(closure, closure_d),
                         max_temperature_K=t_max))
        print(f"{n:>6} {sparse:>11.3f} {dense:>10.3f} {dense / sparse:>13.1f} {max(closure, closure_d):>15.1e}")
    out = Path(__file__).parent / "results" / "network.json"
    out.parent.mkdir(exist_ok=True)
    meta = dict(python=platform.python_version(), numpy=np.__version__, scipy=scipy.__version__,
                machine=platform.machine(), orbits=10, orbit_s=ORBIT, eclipse_s=ECLIPSE, method="BDF")
    out.write_text(json.dumps(dict(meta=meta, results=rows), indent=2))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
