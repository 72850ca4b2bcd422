"""Rate a published design: at what temperature must SpaceX's AI1 radiators run to reject what is claimed?

Run:  python examples/rate_published_radiator.py [OUT_DIR]

[SpaceX-AI1-2026] (2nd-hand: a public summary of the presentation) gives about 120 kW sustained and double-sided
radiators rejecting about 1400 W/m^2. Sizing cannot answer this; rating can: ``thermal.rate_radiator`` gives the
equilibrium temperature of a radiator of given area at a given load. The assumptions are ours and stated: an
emissivity of 0.85 to 0.95 (white paints and silvered films, thermal.COATINGS), a fin efficiency of 1 (an
upper bound: the claim is per area of radiator), and an effective sink from deep space (3 K) to 250 K (a
panel edge-on to the Sun that sees the Earth). The script checks its own result: hotter sinks and lower
emissivities ask for hotter radiators, and the heat rejected at the rated temperature is the load.
"""

import json
import sys
from pathlib import Path

import numpy as np

from spacedc import thermal
from spacedc.units import Q_

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
out.mkdir(parents=True, exist_ok=True)

load = Q_(120.0, "kW")                       # sustained compute, [SpaceX-AI1-2026]
area = load / Q_(1400.0, "W/m^2")            # planform area at the stated 1400 W/m^2 (double-sided)
emissivity = np.array([0.85, 0.90, 0.95])[:, None]
sink = Q_(np.array([3.0, 150.0, 200.0, 250.0]), "K")[None, :]
rated = thermal.rate_radiator(heat_load=load, area=area, emissivity=emissivity, sides=2, sink_temperature=sink)
t_c = rated.temperature.m_as("degC")

print(f"AI1 radiator: {area.to('m^2'):.1f~} planform for {load:~}")
print("equilibrium temperature [degC]   sink: " + "  ".join(f"{s:6.0f} K" for s in sink.m.ravel()))
for e, row in zip(emissivity.ravel(), t_c):
    print(f"  emissivity {e:.2f}                   " + "  ".join(f"{t:8.1f}" for t in row))

assert np.all(np.diff(t_c, axis=1) > 0), "a hotter sink asks for a hotter radiator"
assert np.all(np.diff(t_c, axis=0) < 0), "a higher emissivity lets the radiator run cooler"
back = thermal.radiator_heat_rejection(temperature=rated.temperature, area=area, emissivity=emissivity,
                                       sink_temperature=sink)
assert np.allclose(back.heat_rejected.m_as("W"), load.m_as("W"), rtol=1e-10)
(out / "ai1_radiator.json").write_text(json.dumps({"area_m2": float(area.m_as("m^2")), "temperature_degC": t_c.tolist(),
                                                   "emissivity": emissivity.ravel().tolist(),
                                                   "sink_K": sink.m.ravel().tolist()}, indent=2) + "\n")
