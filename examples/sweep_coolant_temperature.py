"""Trade coolant temperature against radiator area and satellite mass for the 100 kW reference design.

Run:  python examples/sweep_coolant_temperature.py [OUT_DIR]

One call sizes 2000 designs, the coolant leaving the cold plates at 240 to 340 K (inside ammonia's liquid
range with the loop's 10 K return). Points whose heat pipes or chip junctions would exceed their limits come
back infeasible with a reason instead of stopping the sweep. The script writes a plot and checks its own result: among feasible
points a hotter loop always needs a smaller radiator (q ~ T^4).
"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pint  # noqa: E402

from spacedc import designs  # noqa: E402

u = pint.get_application_registry()
out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
out.mkdir(parents=True, exist_ok=True)

sat = designs.load("sso-100kw")
temperatures = np.linspace(240, 340, 2000) * u.K
trade = designs.size(sat.replace(thermal__coolant_temperature=temperatures))

ok = trade.feasible
area = trade.radiator_area.m_as("m^2")
mass = trade.mass.wet.m_as("t")
assert np.all(np.diff(area[ok]) < 0), "a hotter radiator must be smaller"
first_ok, last_ok = temperatures[ok][0], temperatures[ok][-1]
print(f"feasible coolant temperatures: {first_ok:.1f~} to {last_ok:.1f~}")
print(f"  radiator area  {area[ok].max():.0f} to {area[ok].min():.0f} m^2")
print(f"  total mass     {mass[ok].max():.2f} to {mass[ok].min():.2f} t")
for reason in sorted(set(trade.reasons[~ok])):
    print(f"  infeasible elsewhere: {reason}")

fig, (ax1, ax2) = plt.subplots(2, 1, sharex=True, figsize=(7, 6))
T = temperatures.m_as("K")
ax1.plot(T[ok], area[ok])
ax1.set_ylabel("radiator area, one face [m$^2$]")
ax1.set_yscale("log")
ax2.plot(T[ok], mass[ok])
ax2.set_ylabel("total mass [t]")
ax2.set_xlabel("coolant temperature leaving the cold plates [K]")
ax2.set_yscale("log")
for ax in (ax1, ax2):
    bad = T > last_ok.m_as("K")
    if bad.any():
        ax.axvspan(T[bad].min(), T[bad].max(), color="mistyrose", label="infeasible: heat-pipe transport, junction")
ax1.legend(loc="upper center")
fig.suptitle(f"{sat.name}: coolant temperature trade")
fig.savefig(out / "coolant_temperature_trade.png", dpi=120)
print(f"wrote {out / 'coolant_temperature_trade.png'}")
