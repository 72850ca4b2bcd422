"""Sweep coolant temperature against chip power for the 100 kW design and draw the trade plots.

Run:  python examples/sweep_and_plot.py [OUT_DIR]

The sweep writes a Parquet dataset (one part per chunk, resumable); ``report.frame()`` loads it into pandas and
``tradeplots.plot_all`` draws the feasibility map coloured by the first failing check, the wet mass's contours
over the feasible region, and the Pareto front of wet mass per watt against radiator area. The script checks
its own result: every point of the grid is in the table once, and the front's points are feasible and not
dominated by any other feasible point.
"""

import sys
from pathlib import Path

import numpy as np

from spacedc import designs
from spacedc.designs import tradeplots

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
out.mkdir(parents=True, exist_ok=True)

report = designs.sweep("sso-100kw", ["thermal.coolant_temperature=20 degC:50 degC:7", "payload.chip_power=600:1400:6"],
                       out / "trade", progress=lambda *a: None)
frame = report.frame()
assert sorted(frame["point"]) == list(range(42)), "every grid point once"
print(f"{report.points} points, {report.feasible} feasible")

paths = tradeplots.plot_all(frame, "thermal.coolant_temperature", "payload.chip_power", out_dir=out / "plots")
for name, path in paths.items():
    print(f"wrote {name}: {path}")

front = tradeplots.pareto_front(frame, "mass.total_kg/power.chip_power_W", "thermal.radiator_area_m2")
ok = frame[frame["feasible"]]
a = (ok["mass.total_kg"] / ok["power.chip_power_W"]).to_numpy()
b = ok["thermal.radiator_area_m2"].to_numpy()
for _, row in front.iterrows():
    x, y = row["mass.total_kg"] / row["power.chip_power_W"], row["thermal.radiator_area_m2"]
    assert not np.any((a <= x) & (b <= y) & ((a < x) | (b < y))), "a front point is dominated"
print(f"Pareto front: {len(front)} of {len(ok)} feasible points")
