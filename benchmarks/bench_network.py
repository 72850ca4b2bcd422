"""Benchmark: the thermal network's build and transient solve from 10^2 to 10^5 nodes, against pycanha.

The network is a 1-D chain of N diffusion nodes radiating to space, the network of the pycanha comparison in
issue 11: node k conducts to node k+1 through G = 0.1 W/K, every node has C = 2e5 J/K, starts at 273.15 K and
radiates to a 3.15 K boundary through a radiative coupling of 1 m^2 (Q = sigma * 1 m^2 * (T^4 - 3.15^4)), and
the first node dissipates 500 W; the run lasts 56,000 s with output every 560 s (101 output times). The
pycanha repositories hold no chain benchmark (pycanha-project/pycanha at 93a8850f0e2662a957c82400812a1f8036e06446
and pycanha-project/pycanha-core at d279587cedefb19d6093c3357920a73043911c9c have no benchmark directory); the
node values are those of pycanha's own five-node transient test, tests/solvers/test_tscnrlds.py in
pycanha-project/pycanha at 93a8850f0e2662a957c82400812a1f8036e06446 (capacity 2e5, conductive coupling 0.1,
radiative couplings of 1.0 to a 3.15 K boundary node, 273.15 K start, 500 W on one node), repeated along the
chain.

spacedc runs ``ThermalNetwork.transient`` (scipy BDF, rtol 1e-6, atol 1e-4 K); it is built twice, once with one
call per node and link (10^2-10^4 nodes) and once with the sequence forms of ``add_node``,
``add_conduction`` and ``add_radiation_to_space`` (one call each), and solved once. pycanha runs its
TSCNRLDS solver (Crank-Nicolson, fixed step 56 s: 1,000 steps, abstol_temp 1e-6) from
``pip install --only-binary=pycanha-core pycanha`` in a separate Python 3.13 environment; both tools'
temperatures at 56,000 s are compared (they agree to about 1e-3 K, pycanha's fixed step). Every (tool, size) runs in its own
subprocess, which reports its peak resident memory (ru_maxrss, interpreter and imports included), with
OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=1 for both tools (see benchmarks/README.md for why).

Run from the repository root:

    python benchmarks/bench_network.py [--sizes 100 1000 10000 100000] [--pycanha PYTHON] [--pycanha-max N]

PYTHON defaults to /tmp/pycanha-venv/bin/python; pycanha is skipped, saying so, where it does not import.
pycanha runs up to --pycanha-max nodes (default 10,000: its build grows superlinearly, about 4 s at 10^4).
Prints a table and writes benchmarks/results/network.json (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CAPACITY, CONDUCTANCE, EXCHANGE, LOAD = 2e5, 0.1, 1.0, 500.0  # J/K, W/K, m^2, W
T_START, T_SINK, DURATION, OUTPUT = 273.15, 3.15, 56_000.0, 560.0  # K, K, s, s
PYCANHA_STEP = 56.0  # s
SIZES = [100, 1000, 10_000, 100_000]
PER_CALL_MAX = 10_000  # the one-call-per-node build is timed up to this size
ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def chain_per_call(n: int):
    """The chain built with one call per node and per link."""
    from spacedc.thermal.network import ThermalNetwork
    from spacedc.units import u

    net = ThermalNetwork()
    for k in range(n):
        net.add_node(f"n{k}", CAPACITY * u.J / u.K, temperature=T_START * u.K)
        net.add_radiation_to_space(f"n{k}", emissivity=1.0, area=EXCHANGE * u.m**2,
                                   sink_temperature=T_SINK * u.K)
    for k in range(n - 1):
        net.add_conduction(f"n{k}", f"n{k + 1}", CONDUCTANCE * u.W / u.K)
    net.add_load("n0", LOAD * u.W)
    return net


def chain_bulk(n: int):
    """The same chain with the sequence forms: one call per kind of element."""
    from spacedc.thermal.network import ThermalNetwork
    from spacedc.units import u

    names = [f"n{k}" for k in range(n)]
    net = ThermalNetwork()
    net.add_node(names, CAPACITY * u.J / u.K, temperature=T_START * u.K)
    net.add_radiation_to_space(names, emissivity=1.0, area=EXCHANGE * u.m**2, sink_temperature=T_SINK * u.K)
    net.add_conduction(names[:-1], names[1:], CONDUCTANCE * u.W / u.K)
    net.add_load("n0", LOAD * u.W)
    return net


def worker_spacedc(n: int) -> dict:
    from spacedc.units import u

    chain_per_call(2), chain_bulk(2)  # imports and pint's first unit parses stay out of the timings
    out = {}
    if n <= PER_CALL_MAX:
        start = time.perf_counter()
        chain_per_call(n)
        out["build_per_call_s"] = time.perf_counter() - start
    start = time.perf_counter()
    net = chain_bulk(n)
    out["build_bulk_s"] = time.perf_counter() - start
    start = time.perf_counter()
    run = net.transient(DURATION * u.s, output_step=OUTPUT * u.s)
    out["solve_s"] = time.perf_counter() - start
    temps = run.temperature.m_as("K")
    out.update(outputs=temps.shape[1], closure=run.energy_closure, t_first_K=float(temps[0, -1]),
               t_last_K=float(temps[-1, -1]), peak_rss_mb=_peak_mb())
    return out


def worker_pycanha(n: int) -> dict:
    import pycanha as pc

    start = time.perf_counter()
    tmm = pc.tmm.ThermalMathematicalModel("chain")
    for k in range(1, n + 1):
        node = pc.tmm.Node(k)
        node.T, node.capacity = T_START, CAPACITY
        if k == 1:
            node.qi = LOAD
        tmm.add_node(node)
    env = pc.tmm.Node(n + 1)
    env.T, env.type = T_SINK, pc.NodeType.BOUNDARY
    tmm.add_node(env)
    for k in range(1, n):
        tmm.add_conductive_coupling(k, k + 1, CONDUCTANCE)
    for k in range(1, n + 1):
        tmm.add_radiative_coupling(k, n + 1, EXCHANGE)
    build = time.perf_counter() - start
    start = time.perf_counter()
    solver = pc.solvers.TSCNRLDS(tmm)
    solver.MAX_ITERS, solver.abstol_temp = 100, 1e-6
    solver.set_simulation_time(0.0, DURATION, PYCANHA_STEP, OUTPUT)
    solver.initialize()
    solver.solve()
    solve = time.perf_counter() - start
    table = tmm.thermal_data.get_table("TSCNRLDS_OUTPUT")
    return dict(build_s=build, solve_s=solve, outputs=int(table.shape[0]), t_first_K=float(table[-1, 1]),
                t_last_K=float(table[-1, n]), peak_rss_mb=_peak_mb())


def run(python: str, tool: str, n: int, timeout: float = 900) -> dict | None:
    env = {**os.environ, **ENV}
    with tempfile.TemporaryDirectory() as scratch:  # pycanha-core writes a results.json trace into its cwd
        proc = subprocess.run([python, str(Path(__file__).resolve()), "--worker", tool, str(n)],
                              capture_output=True, text=True, env=env, timeout=timeout, cwd=scratch)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode or not lines:
        print(f"  {tool} at {n} nodes failed: {proc.stderr.strip()[-400:]}")
        return None
    return json.loads(lines[-1])


def machine() -> dict:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return dict(nproc=os.cpu_count(), cpu=model, python=platform.python_version(), machine=platform.machine())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--pycanha", default="/tmp/pycanha-venv/bin/python")
    parser.add_argument("--pycanha-max", type=int, default=10_000)
    parser.add_argument("--worker", nargs=2, metavar=("TOOL", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        tool, n = args.worker[0], int(args.worker[1])
        print(json.dumps(worker_spacedc(n) if tool == "spacedc" else worker_pycanha(n)))
        return

    have_pycanha = Path(args.pycanha).exists() and subprocess.run(
        [args.pycanha, "-c", "import pycanha"], capture_output=True).returncode == 0
    if not have_pycanha:
        print(f"pycanha skipped: {args.pycanha} cannot import pycanha (install it with "
              "`python3.13 -m venv /tmp/pycanha-venv && /tmp/pycanha-venv/bin/pip install "
              "--only-binary=pycanha-core pycanha`)")
    rows = []
    print(f"{'nodes':>7} | {'spacedc build 1/call':>20} {'bulk':>7} {'solve':>7} {'RSS MB':>7} | "
          f"{'pycanha build':>13} {'solve':>7} {'RSS MB':>7} | {'|dT| K':>7}")
    for n in args.sizes:
        sd = run(sys.executable, "spacedc", n)
        pc = run(args.pycanha, "pycanha", n) if have_pycanha and n <= args.pycanha_max else None
        row = dict(nodes=n, spacedc=sd, pycanha=pc)
        if sd and pc:
            row["max_temperature_difference_K"] = max(abs(sd["t_first_K"] - pc["t_first_K"]),
                                                      abs(sd["t_last_K"] - pc["t_last_K"]))
        rows.append(row)

        def f(d: dict | None, key: str, width: int) -> str:
            return f"{d[key]:>{width}.2f}" if d and key in d else f"{'-':>{width}}"

        diff = row.get("max_temperature_difference_K")
        diff = "-" if diff is None else f"{diff:.1e}"
        print(f"{n:>7} | {f(sd, 'build_per_call_s', 20)} {f(sd, 'build_bulk_s', 7)} {f(sd, 'solve_s', 7)} "
              f"{f(sd, 'peak_rss_mb', 7)} | {f(pc, 'build_s', 13)} {f(pc, 'solve_s', 7)} "
              f"{f(pc, 'peak_rss_mb', 7)} | {diff:>7}", flush=True)
    solves = {r["nodes"]: r["spacedc"]["solve_s"] for r in rows if r["spacedc"]}
    if 1000 in solves and 10_000 in solves:
        print(f"spacedc solve growth 10^3 -> 10^4 nodes: {solves[10_000] / solves[1000]:.1f}x")
    out = Path(__file__).parent / "results" / "network.json"
    out.parent.mkdir(exist_ok=True)
    meta = dict(machine(), env=ENV, duration_s=DURATION, output_s=OUTPUT, pycanha_step_s=PYCANHA_STEP,
                pycanha=have_pycanha)
    out.write_text(json.dumps(dict(meta=meta, results=rows), indent=2))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
