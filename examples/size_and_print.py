"""Size the 100 kW reference design and print three figures an engineer checks first.

Run:  python examples/size_and_print.py [OUT_DIR]

One call sizes the whole chain (orbit, power, heat path, radiator, mass, launch, debris, cost); the figures are
Quantities, so they convert to whatever unit the reader wants. The script writes the summary as JSON and checks
its own result: the design closes, and its radiator rejects more heat than the chips make (every loss on the way
is rejected too).
"""

import json
import sys
from pathlib import Path

from spacedc import designs
from spacedc.designs.result import summary

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
out.mkdir(parents=True, exist_ok=True)

result = designs.size(designs.load("sso-100kw"))
print(f"radiator area    {result.radiator_area.to('m^2'):.1f~}")
print(f"wet mass         {result.mass.wet.to('t'):.2f~}")
data = summary(result)
print(f"cost per kWh     {data['cost']['per_kWh_USD']:.2f} USD")

assert result.feasible, result.reasons
chips = data["compute"]["chips_active"] * designs.load("sso-100kw").payload.chip_power.m_as("W")
assert data["thermal"]["heat_rejected_W"] > chips, "the radiator rejects the chips' heat and every loss"
(out / "summary.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
