"""Benchmark: `spacedc sweep` of a million points to a CSV table, in one process and in worker processes.

Run:  python benchmarks/bench_sweep.py [--points N] [--workers W]

Sweeps the 100 kW reference design over a 2-D grid (coolant temperature x chip power, N points in all)
with :func:`designs.sweep.sweep`, chunked 50,000 points a call, once in this process and once with W worker
processes, beside the baseline of the same points sized in one in-memory `designs.size` call with no table
written. The difference is the cost of the table: formatting every `summary.json` key of every point as
text. Results go to benchmarks/results/sweep.json (ignored by git); the numbers measured on the project's
machine are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
from pathlib import Path

import numpy as np
import pint

from spacedc import designs
from spacedc.designs.sweep import sweep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    side = int(math.isqrt(args.points))
    vary = [f"thermal.coolant_temperature=20 degC:60 degC:{side}", f"payload.chip_power=300:1500:{side}"]
    u = pint.get_application_registry()
    sat = designs.load("sso-100kw")
    points = side * side

    t0 = time.perf_counter()
    temps = np.repeat(np.linspace(20, 60, side), side)
    powers = np.tile(np.linspace(300, 1500, side), side)
    designs.size(sat.replace(thermal__coolant_temperature=u.Quantity(temps, "degC"),
                             payload__chip_power=powers * u.W), transient=False)
    in_memory = time.perf_counter() - t0

    rows = {"points": points, "in_memory_size_s": in_memory}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in (1, args.workers):
            t0 = time.perf_counter()
            report = sweep(sat, vary, Path(tmp) / f"w{workers}.csv", workers=workers, progress=lambda *a: None)
            rows[f"sweep_{workers}_workers_s"] = time.perf_counter() - t0
            rows["table_bytes"] = (Path(tmp) / f"w{workers}.csv").stat().st_size
            rows["feasible"] = report.feasible

    print(f"{points:,} points: in-memory size {in_memory:.1f} s; sweep to CSV "
          + "; ".join(f"{k.split('_')[1]} worker(s) {v:.1f} s" for k, v in rows.items() if k.startswith("sweep_"))
          + f"; table {rows['table_bytes'] / 1e9:.2f} GB")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "sweep.json").write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
