"""Where does a heat pump save mass? Sweep its lift against the array's specific power, on the 100 kW design.

Run:  python examples/heat_pump_trade.py [OUT_DIR]

A heat pump takes the loop's heat at the loop's return temperature and rejects it, plus its compressor work,
from a hotter, isothermal radiator: the radiator shrinks roughly as T^-4 while the arrays and batteries grow
to power the compressor. One broadcast call sizes 300 lifts at each of three array specific powers (today's
150 W/kg blankets, and 1000 and 3000 W/kg thin-film targets). The script prints the lift that minimises total
mass for each, writes a plot, and checks itself: with no lift nothing changes, and lighter arrays never make
the best design heavier.

Read the curve with the model in mind: small lifts leave the condenser colder than the single-phase
radiator it replaces (which runs from 38 down to 28 C), so a heat pump first costs mass and only pays, if at
all, at larger lifts. The compressor's own mass is not modelled (only the array and battery that power it).
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

# Hotter panels reject more per area, so each heat pipe carries more: a close pipe pitch (25 mm) keeps the
# transport limit from cutting the trade short. Its pipes make the panels heavier, so a 21 mm core keeps the
# deployed wings above their 10 mHz requirement (with the 20 mm core of the reference the margin is -0.0001).
sat = designs.load("sso-100kw").replace(thermal__pipe_pitch=0.025 * u.m, thermal__carnot_fraction=0.5,
                                        thermal__core_thickness=0.021 * u.m)
lifts = np.linspace(0, 30, 300)
powers = np.array([150.0, 1000.0, 3000.0])
# (3, 1) specific powers against (300,) lifts: one broadcast call of 900 designs
trade = designs.size(sat.replace(thermal__heat_pump_lift=lifts * u.K,
                                 power__array_specific_power=powers[:, None] * u.W / u.kg))
total = np.where(trade.feasible, trade.mass.wet.m_as("kg"), np.nan)
for sp, row in zip(powers, total):
    alone = designs.size(sat.replace(power__array_specific_power=sp * u.W / u.kg), transient=False)
    assert np.isclose(row[0], alone.mass.wet.m_as("kg"), rtol=1e-9), "no lift, no change"
best = np.nanmin(total, axis=1)
assert np.all(np.diff(best) <= 0), "lighter arrays never make the best design heavier"

fig, ax = plt.subplots(figsize=(7, 4))
for sp, row in zip(powers, total):
    i = np.nanargmin(row)
    saved = row[0] - row[i]
    verdict = f"saves {saved:.0f} kg at {lifts[i]:.1f} K of lift" if i else "never pays"
    print(f"arrays at {sp:.0f} W/kg: no heat pump {row[0] / 1e3:.2f} t; the heat pump {verdict}")
    ax.plot(lifts, row / 1e3, label=f"arrays at {sp:.0f} W/kg")
    colour = ax.lines[-1].get_color()
    ax.plot(lifts[i], row[i] / 1e3, "o", color=colour)
    ax.axhline(row[0] / 1e3, color=colour, ls="--", lw=0.8)  # the same design without a heat pump
ax.set_xlabel("heat-pump lift above the loop return [K] (dashed: no heat pump)")
ax.set_ylabel("total mass [t]")
ax.set_title(f"{sat.name}: heat-pump lift trade")
ax.legend()
fig.tight_layout()
fig.savefig(out / "heat_pump_trade.png", dpi=120)
print(f"wrote {out / 'heat_pump_trade.png'}")
