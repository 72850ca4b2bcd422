"""Benchmark: rating mode against sizing, a million points each in one vectorized call.

Run:  python benchmarks/bench_rating.py [--points N]

Sizes the `sso-100kw` reference design with its chip power swept over N points (`designs.size`), then rates the
same N points at the radiator and array areas the sizing installed (`thermal.radiator_area`,
`power.array_area`): the chain then solves each point's coolant temperature (a fixed number of vectorized
secant passes, each one panel and one loop evaluation) instead of its area. Prints both times side by side and
the largest round-trip difference in coolant temperature; writes benchmarks/results/rating.json (ignored by
git). The numbers measured on the project's machine are in benchmarks/README.md.
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
    args = parser.parse_args()

    sat = designs.load("sso-100kw")
    powers = np.linspace(300, 1500, args.points) * u.W
    designs.size(sat.replace(payload__chip_power=powers[:10]))  # warm caches and imports

    t0 = time.perf_counter()
    sized = designs.size(sat.replace(payload__chip_power=powers))
    sizing = time.perf_counter() - t0

    rated_design = sat.replace(payload__chip_power=powers, thermal__radiator_area=sized.radiator_area,
                               power__array_area=sized.array.area)
    t0 = time.perf_counter()
    rated = designs.size(rated_design)
    rating = time.perf_counter() - t0

    ok = np.isfinite(sized.radiator_area.m)
    diff = np.abs(rated.loop.radiator_inlet_temperature.m_as("K") - sized.loop.radiator_inlet_temperature.m_as("K"))
    rows = {"points": args.points, "sizing_s": sizing, "rating_s": rating, "ratio": rating / sizing,
            "max_coolant_round_trip_K": float(np.max(diff[ok])) if ok.any() else None}
    print(f"{args.points:,} points in one call:  sizing {sizing:.2f} s   rating {rating:.2f} s   "
          f"(rating / sizing {rating / sizing:.2f})")
    print(f"round trip: largest coolant temperature difference {rows['max_coolant_round_trip_K']:.2e} K")
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / "rating.json").write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
