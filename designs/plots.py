"""Plots of a sized design for the report (matplotlib is imported here, lazily, never by sizing)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from spacedc.files import atomic_write

if TYPE_CHECKING:
    from spacedc.designs.debris import CascadeRun
    from spacedc.designs.result import DesignResult

__all__ = ["plot_budgets", "plot_cascade"]


def plot_budgets(result: DesignResult, path: str | Path) -> Path:
    """Bar charts of where the power goes and where the mass goes, for a single (scalar) design.

    Written atomically: a temporary file beside ``path``, then a rename.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if np.ndim(result.feasible):
        raise ValueError("plot_budgets draws one design; for a sweep, plot the result's arrays directly")
    chips = result.chip_power.m_as("kW")
    load = result.load.m_as("kW")
    conversion = result.conversion_loss.m_as("kW")
    housekeeping = load - chips - conversion
    pumps = result.pump_power.m_as("kW") + result.compressor_power.m_as("kW")
    housekeeping -= pumps
    heat = {"chips": chips, "housekeeping": housekeeping, "conversion loss": conversion,
            "power-path loss": result.path_loss.m_as("kW"), "pumps": pumps}
    m = result.launch.summary()["mass"]
    mass = {"payload": m["payload_kg"], "power": m["power_kg"], "thermal": m["thermal_kg"],
            "structure": m["structure_kg"], "ADCS + propulsion": m["adcs_kg"] + m["propulsion_kg"],
            "harness": m["harness_kg"], "growth": m["growth_kg"], "margin": m["margin_kg"],
            "propellant": m["propellant_kg"]}

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.6))
    ax1.barh(list(heat), list(heat.values()), color="tab:red")
    ax1.set_xlabel("heat to reject [kW]")
    ax1.set_title(f"heat: {sum(heat.values()):.1f} kW, radiator {result.radiator_area.m_as('m^2'):.0f} m$^2$")
    ax2.barh(list(mass), list(mass.values()), color="tab:blue")
    ax2.set_xlabel("mass [kg]")
    ax2.set_title(f"mass: {m['total_kg']:.0f} kg wet")
    for ax in (ax1, ax2):
        ax.invert_yaxis()
    fig.suptitle(f"{result.name} ({'feasible' if result.feasible else 'INFEASIBLE'})")
    fig.tight_layout()

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return atomic_write(path, lambda tmp: fig.savefig(tmp, dpi=110, format="png"))
    finally:
        plt.close(fig)


def plot_cascade(run: CascadeRun, name: str, population_path: str | Path, collisions_path: str | Path) -> tuple[Path, Path]:
    """Two plots of a constellation's cascade (:class:`designs.debris.CascadeRun`): the satellites, derelicts and
    debris in the design's shell and in all shells over time (log scale), and the collisions per year over time.

    Each is written atomically (a temporary file beside the path, then a rename).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    r, k = run.result, run.shell
    years = r.time.m_as("year")
    shell = f"{r.altitude_low[k].m_as('km'):.0f}-{r.altitude_high[k].m_as('km'):.0f} km"
    fig, ax = plt.subplots(figsize=(7, 4))
    for label, counts, color in (("satellites", r.satellites, "tab:blue"), ("derelicts", r.derelicts, "tab:orange"),
                                 ("debris", r.debris, "tab:red")):
        ax.plot(years, counts[:, k], color=color, label=f"{label}, {shell}")
        ax.plot(years, counts.sum(axis=1), color=color, linestyle="--", label=f"{label}, all shells")
    ax.set_yscale("symlog", linthresh=1.0)
    ax.set_xlabel("years")
    ax.set_ylabel("objects")
    ax.set_title(f"{name}: {run.satellites} satellites at {run.launch_rate.m_as('1/year'):.3g}/yr "
                 f"({'stable' if run.stable else 'RUNAWAY'})")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig2, ax2 = plt.subplots(figsize=(7, 4))
    collisions = r.collisions.m_as("1/year")
    ax2.plot(years, collisions[:, k], label=shell)
    ax2.plot(years, collisions.sum(axis=1), linestyle="--", label="all shells")
    ax2.set_xlabel("years")
    ax2.set_ylabel("collisions per year")
    ax2.set_title(f"{name}: collisions")
    ax2.legend(fontsize=7)
    fig2.tight_layout()
    out = []
    try:
        for f, path in ((fig, Path(population_path)), (fig2, Path(collisions_path))):
            path.parent.mkdir(parents=True, exist_ok=True)
            out.append(atomic_write(path, lambda tmp, f=f: f.savefig(tmp, dpi=110, format="png")))
    finally:
        plt.close(fig)
        plt.close(fig2)
    return out[0], out[1]
