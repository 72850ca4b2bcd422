"""Fly the 100 kW reference design on two launch vehicles and compare what each carries.

Run:  python examples/compare_launch_vehicles.py [OUT_DIR]

The vehicle is a named choice, so each is one sizing call (a sweep of numbers would be one call for all). The
script prints the satellites per launch, the mass and fairing margins, and checks its own result: Starship's
larger capability and fairing carry more of these satellites per launch than Falcon 9.
"""

import json
import sys
from pathlib import Path

from spacedc import designs
from spacedc.designs.result import summary

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
out.mkdir(parents=True, exist_ok=True)

base = designs.load("sso-100kw")
rows = {}
for vehicle in ("falcon-9", "starship"):
    launch = summary(designs.size(base.replace(launch__vehicle=vehicle), transient=False))["launch"]
    rows[vehicle] = {"satellites_per_launch": launch["satellites_per_launch"],
                     "mass_margin": launch["margins"]["mass"], "fairing_margin": launch["margins"]["fairing"]}
    print(f"{launch['vehicle']:<10} {launch['satellites_per_launch']:>3} per launch, mass margin "
          f"{launch['margins']['mass']:+.2f}, fairing margin {launch['margins']['fairing']:+.2f}")

assert rows["starship"]["satellites_per_launch"] > rows["falcon-9"]["satellites_per_launch"]
(out / "vehicles.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
