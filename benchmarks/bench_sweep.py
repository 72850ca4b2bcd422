"""Benchmark: `spacedc sweep` of a million points to a Parquet dataset against the in-memory `designs.size` call of
the same points, in one process and in worker processes, with the peak memory of each.

Run:  python benchmarks/bench_sweep.py [--points N] [--workers 1 2 4] [--csv]

Sweeps the 100 kW reference design over a 2-D grid (coolant temperature 20-60 degC x chip power 300-1500 W,
N points in all) with :func:`designs.sweep.sweep`, 100,000 points a chunk (the default), once per worker count, beside the
baseline of the same points sized in one in-memory `designs.size` call (no table). Each run is its own Python
process, started one after the other, so that its peak resident memory (``ru_maxrss``) is its own: for a run with
workers, the parent's and the largest worker's. ``--csv`` adds one single-process sweep to CSV (the former
format). Results go to benchmarks/results/sweep.json (ignored by git); the figures measured on the project's
machine are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _grid(points: int) -> tuple[int, list[str]]:
    side = int(math.isqrt(points))
    return side * side, [f"thermal.coolant_temperature=20 degC:60 degC:{side}", f"payload.chip_power=300:1500:{side}"]


def _run_one(kind: str, points: int, workers: int, out: str) -> dict:
    """One measurement in this process: ``kind`` is ``memory`` (the in-memory call), ``parquet`` or ``csv``."""
    import numpy as np
    import pint

    from spacedc import designs
    from spacedc.designs.sweep import sweep

    n, vary = _grid(points)
    side = math.isqrt(n)
    sat = designs.load("sso-100kw")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t0 = time.perf_counter()
    row: dict = {"kind": kind, "points": n, "workers": workers}
    if kind == "memory":
        u = pint.get_application_registry()
        temps = np.repeat(np.linspace(20, 60, side), side)
        powers = np.tile(np.linspace(300, 1500, side), side)
        result = designs.size(sat.replace(thermal__coolant_temperature=u.Quantity(temps, "degC"),
                                          payload__chip_power=powers * u.W), transient=False)
        row["feasible"] = int(np.count_nonzero(result.feasible))
    else:
        report = sweep(sat, vary, out, workers=workers, format=kind, progress=lambda *a: None)
        row["feasible"] = report.feasible
        path = Path(out)
        row["table_bytes"] = sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size
    row["seconds"] = time.perf_counter() - t0
    row["imports_rss_bytes"] = base
    row["peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    row["peak_worker_rss_bytes"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--csv", action="store_true", help="also a single-process sweep to CSV")
    parser.add_argument("--one", nargs=3, metavar=("KIND", "WORKERS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, workers, out = args.one
        print(json.dumps(_run_one(kind, args.points, int(workers), out)))
        return

    runs = [("memory", 1)] + [("parquet", w) for w in args.workers] + ([("csv", 1)] if args.csv else [])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind, workers in runs:
            out = os.path.join(tmp, f"{kind}-{workers}" + (".csv" if kind == "csv" else ""))
            done = subprocess.run([sys.executable, __file__, "--points", str(args.points), "--one", kind,
                                   str(workers), out], capture_output=True, text=True, check=True)
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"  {kind} x{workers}: {rows[-1]['seconds']:.1f} s", file=sys.stderr)
    baseline = rows[0]["seconds"]
    print(f"{rows[0]['points']:,} points of sso-100kw, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} at the end")
    print(f"{'run':<28} {'seconds':>8} {'x in-memory':>12} {'peak RSS':>10} {'worker RSS':>11} {'table':>9}")
    for r in rows:
        name = "in-memory designs.size" if r["kind"] == "memory" else \
            f"sweep to {r['kind']}, {r['workers']} worker{'s' if r['workers'] > 1 else ''}"
        worker = f"{r['peak_worker_rss_bytes'] / 1e9:.2f} GB" if r["workers"] > 1 else "-"
        table = f"{r['table_bytes'] / 1e6:.0f} MB" if "table_bytes" in r else "-"
        print(f"{name:<28} {r['seconds']:>8.1f} {r['seconds'] / baseline:>12.2f} "
              f"{r['peak_rss_bytes'] / 1e9:>8.2f} GB {worker:>11} {table:>9}")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "sweep.json").write_text(json.dumps({"load_average": os.getloadavg(), "runs": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
