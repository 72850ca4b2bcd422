"""Let spacedc optimize find a 1 MW station lighter than the one found by hand.

The problem (examples/optimize/inclined-1mw.toml): 1,000 chips of 1 kW at 550 km, 53 deg, on Starship. In one
piece it is 172 t wet and infeasible. examples/optimize/inclined-1mw-hand.toml is a feasible station found by
hand in a few `spacedc size` runs: five modules of 200 chips, two loops and eight wings each, 177.6 t in all.
Here the optimiser frees the module count (the station's 1,000 chips held: --hold-station), the wings, loops
and tie-downs (enumerated), and the panels' size, the heat pipes' pitch, the primary cylinder's wall and the
coolant temperature (continuous; up to 40 degC, as at 42 degC the chips of sso-100kw pass their limit over the
orbit), minimises the station's wet mass under every margin, and this script checks that the optimum
is feasible (also with the orbit transient of `spacedc size`) and lighter than the hand-found station.

The same from the command line:

    spacedc optimize examples/optimize/inclined-1mw.toml --minimize station.total_kg --hold-station \\
        --free launch.modules=4,5,8,10 --free thermal.wings=4,6,8,12 --free thermal.loop_count=1,2,3 \\
        --free launch.tie_down_count=8,16,28 --free "thermal.panel_width=2:6 m" \\
        --free "thermal.panel_length=1:3 m" --free "launch.cylinder_thickness=3:12 mm" \\
        --free "thermal.pipe_pitch=0.05:0.1 m" --free "thermal.coolant_temperature=30:40 degC" \\
        --samples 64 --out runs/opt-1mw

Usage: python examples/optimize_1mw.py OUT_DIR SAMPLES, both optional (default: the current folder, 16 points per
combination of the enumerated fields, a few seconds).
"""

import json
import sys
import time
from pathlib import Path

from spacedc import designs
from spacedc.designs.optimize import report_lines, write_optimum_toml
from spacedc.designs.optplots import plot_all
from spacedc.designs.result import sweep_columns

HERE = Path(__file__).resolve().parent / "optimize"
FREE = ["launch.modules=4,5,8,10", "thermal.wings=4,6,8,12", "thermal.loop_count=1,2,3",
        "launch.tie_down_count=8,16,28", "thermal.panel_width=2:6 m", "thermal.panel_length=1:3 m",
        "launch.cylinder_thickness=3:12 mm", "thermal.pipe_pitch=0.05:0.1 m", "thermal.coolant_temperature=30:40 degC"]

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")
samples = int(sys.argv[2]) if len(sys.argv) > 2 else 16

hand = designs.size(designs.load(HERE / "inclined-1mw-hand.toml"))
hand_kg = float(sweep_columns(hand)["station.total_kg"][0])
assert hand.feasible and designs.margins.all_held(hand), "the hand-found station must be feasible"

t0 = time.perf_counter()
opt = designs.optimize(HERE / "inclined-1mw.toml", minimize="station.total_kg", free=FREE, samples=samples,
                       hold_station=True)
seconds = time.perf_counter() - t0
print("\n".join(report_lines(opt)))

path = write_optimum_toml(opt, out / "inclined-1mw-optimum.toml")
full = designs.size(designs.load(path))  # as `spacedc size` sizes it, with the orbit transient
opt_kg = float(sweep_columns(full)["station.total_kg"][0])
assert opt.feasible and bool(full.feasible) and bool(designs.margins.all_held(full)), full.reasons
assert abs(opt_kg - opt.value) <= 1e-9 * opt.value, (opt_kg, opt.value)
held = opt.samples["held"]
assert opt.samples["objective"][held].min() >= opt.value, "a sampled feasible point is lighter than the optimum"
assert opt_kg < hand_kg, f"the optimum ({opt_kg:.0f} kg) is not lighter than the hand-found {hand_kg:.0f} kg"
(out / "optimize.json").write_text(json.dumps(opt.to_json(), indent=2) + "\n")
plot_all(opt, out)
print(f"\nhand-found station {hand_kg / 1e3:.1f} t, optimum {opt_kg / 1e3:.1f} t "
      f"({100 * (opt_kg / hand_kg - 1):+.1f} %), {opt.evaluations:,} points in {seconds:.1f} s; wrote {path}")
