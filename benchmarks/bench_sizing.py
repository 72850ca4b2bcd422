"""Benchmark: sizing a whole design over a million-point sweep in one vectorized call.

Run:  python benchmarks/bench_sizing.py [--points N] [--baseline-points M]

Measures `designs.size` on the 100 kW reference design with its chip power swept over N points (one call),
beside the baseline a user would write without broadcasting: a Python loop of single-point `designs.size`
calls, timed over M points and reported per point. Results go to benchmarks/results/sizing.json (ignored by
git); the numbers measured on the project's machine are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pint

from spacedc import designs

u = pint.get_application_registry()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--baseline-points", type=int, default=200)
    args = parser.parse_args()

    sat = designs.load("sso-100kw")
    powers = np.linspace(300, 1500, args.points) * u.W
    designs.size(sat.replace(payload__chip_power=powers[:10]))  # warm caches and imports

    t0 = time.perf_counter()
    trade = designs.size(sat.replace(payload__chip_power=powers))
    vectorized = time.perf_counter() - t0
    assert trade.radiator_area.m.shape == (args.points,)

    singles = np.linspace(300, 1500, args.baseline_points)
    t0 = time.perf_counter()
    for p in singles:
        designs.size(sat.replace(payload__chip_power=float(p) * u.W), transient=False)
    per_point_loop = (time.perf_counter() - t0) / args.baseline_points

    per_point_vec = vectorized / args.points
    rows = {
        "points": args.points,
        "vectorized_total_s": vectorized,
        "vectorized_per_point_us": per_point_vec * 1e6,
        "loop_per_point_ms": per_point_loop * 1e3,
        "loop_extrapolated_total_s": per_point_loop * args.points,
        "speedup": per_point_loop / per_point_vec,
    }
    print(f"designs.size, {args.points:,} points in one call: {vectorized:.2f} s "
          f"({per_point_vec * 1e6:.2f} us/point)")
    print(f"baseline, a loop of single-point calls: {per_point_loop * 1e3:.2f} ms/point "
          f"(~{per_point_loop * args.points / 60:.0f} min for {args.points:,})")
    print(f"speed-up: {rows['speedup']:,.0f}x")
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / "sizing.json").write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
