"""Where does a heat pump save mass? Sweep the lift of a heat pump on the 100 kW reference design.

Run:  python examples/heat_pump_trade.py [OUT_DIR]

A heat pump takes the loop's heat at the coolant temperature and rejects it, plus its compressor work, from
a hotter radiator: the radiator shrinks roughly as T^-4 while the arrays and batteries grow to power the
compressor. One call sizes 400 lifts at each of three Carnot fractions. The script prints the lift that
minimises total mass, writes a plot, and checks itself: with no lift nothing changes, and a better machine
(a higher Carnot fraction) is never heavier.

Read the curve with the model in mind: with a heat pump the radiator is a condenser, isothermal at the
coolant temperature plus the lift, while without one it is a single-phase radiator whose coolant cools by
the loop's 10 K along the flow. Part of the first step down is that change of radiator, not the lift; the
compressor's own mass is not modelled (only the array and battery that power it).
"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pint  # noqa: E402

import designs  # noqa: E402

u = pint.get_application_registry()
out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
out.mkdir(parents=True, exist_ok=True)

# Hotter panels reject more per area, so each heat pipe carries more: a closer pipe pitch (25 mm) keeps the
# transport limit from cutting the trade short (it still does, above about 20 K of lift).
sat = designs.load("sso-100kw").replace(thermal__pipe_pitch=0.025 * u.m)
base = designs.size(sat, transient=False)
lifts = np.linspace(0, 20, 400)
fractions = np.array([0.3, 0.4, 0.5])
# (3, 1) fractions against (400,) lifts: one broadcast call of 1200 designs
trade = designs.size(sat.replace(thermal__heat_pump_lift=lifts * u.K,
                                 thermal__carnot_fraction=fractions[:, None]))
total = np.where(trade.feasible, trade.mass.wet.m_as("kg"), np.nan)
assert np.allclose(total[:, 0], base.mass.wet.m_as("kg"), rtol=1e-9), "no lift, no change"
assert np.isfinite(total[:, 0]).all(), "the design is feasible without a heat pump"
assert np.all(np.nanmin(total[2]) <= np.nanmin(total[0])), "a better heat pump is never heavier"

fig, ax = plt.subplots(figsize=(7, 4))
for f, row in zip(fractions, total):
    i = np.nanargmin(row)
    saved = base.mass.wet.m_as("kg") - row[i]
    print(f"Carnot fraction {f:.1f}: best lift {lifts[i]:.1f} K, total {row[i] / 1e3:.2f} t "
          f"({'saves' if saved > 0 else 'costs'} {abs(saved):.0f} kg against no heat pump)")
    ax.plot(lifts, row / 1e3, label=f"{f:.1f} of Carnot")
    ax.plot(lifts[i], row[i] / 1e3, "o", color=ax.lines[-1].get_color())
ax.axhline(base.mass.wet.m_as("t"), color="0.5", ls="--", label="no heat pump")
ax.set_xlabel("heat-pump lift above the coolant [K]")
ax.set_ylabel("total mass [t]")
ax.set_title(f"{sat.name}: heat-pump lift trade")
ax.legend()
fig.tight_layout()
fig.savefig(out / "heat_pump_trade.png", dpi=120)
print(f"wrote {out / 'heat_pump_trade.png'}")
