"""Plots of a sized design for the report (matplotlib is imported here, lazily, never by sizing)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from spacedc.files import atomic_write

if TYPE_CHECKING:
    from spacedc.designs.debris import CascadeRun
    from spacedc.designs.result import DesignResult

__all__ = ["plot_budgets", "plot_cascade", "plot_mass_breakdown", "plot_orbit_power", "plot_orbit_temperatures",
           "plot_year"]


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


def pyplot():
    """matplotlib's pyplot on the Agg backend (no screen), imported on first use."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_png(fig, path: str | Path, dpi: int = 110) -> Path:
    """Write ``fig`` atomically as PNG (its folder made), close it, and return the path."""
    plt = pyplot()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return atomic_write(path, lambda tmp: fig.savefig(tmp, dpi=dpi, format="png"))
    finally:
        plt.close(fig)


def _shade_eclipse(ax, t_entry_min: float, period_min: float) -> None:
    if period_min - t_entry_min > 0:
        ax.axvspan(t_entry_min, period_min, color="0.85", zorder=0, label="eclipse")


def plot_orbit_temperatures(result: DesignResult, path: str | Path) -> Path | None:
    """Chip, coolant, radiator and battery temperatures over the last simulated orbit of the design's thermal
    network (:mod:`designs.transient`), eclipse shaded; ``None`` (nothing written) where the transient was not run.
    """
    tr = getattr(result, "transient", None)
    if tr is None:
        return None
    plt = pyplot()
    run = tr.result
    period = result.environment.period.m_as("s")
    t = run.time.m_as("s")
    last = t >= (tr.orbits - 1) * period - 1e-9
    minutes = (t[last] - (tr.orbits - 1) * period) / 60
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    _shade_eclipse(ax, (period - result.environment.eclipse_duration.m_as("s")) / 60, period / 60)
    for node, color in (("chips", "tab:red"), ("coolant", "tab:blue"), ("radiator", "tab:green"),
                        ("battery", "tab:purple")):
        ax.plot(minutes, run.temperature_of(node).m_as("degC")[last], color=color, label=node)
    ax.set_xlabel("time in the orbit [min]")
    ax.set_ylabel("temperature [°C]")
    ax.set_title(f"thermal network over an orbit (orbit {tr.orbits} of {tr.orbits}, worst eclipse)", fontsize=9)
    ax.set_xlim(0, period / 60)
    ax.legend(fontsize=7, ncol=5, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    fig.tight_layout()
    return save_png(fig, path)


def plot_orbit_power(result: DesignResult, path: str | Path) -> Path:
    """Array power, load and battery state of charge over one orbit of the worst eclipse, as the sizing assumes
    them ([SMAD1999] sec. 11.4): the array delivers its required power in sunlight and nothing in eclipse; the
    battery falls linearly by its depth of discharge over the eclipse and recharges linearly over the daylight.
    """
    plt = pyplot()
    if np.ndim(result.feasible):
        raise ValueError("plot_orbit_power draws one design; for a sweep, plot the result's arrays directly")
    period = result.environment.period.m_as("s") / 60
    t_e = result.environment.eclipse_duration.m_as("s") / 60
    entry = period - t_e
    dod = float(result.battery.depth_of_discharge) if t_e > 0 else 0.0
    t = np.array([0.0, entry, entry, period])
    generation = np.array([1.0, 1.0, 0.0, 0.0]) * result.array.required_power.m_as("kW")
    soc = np.array([1.0 - dod, 1.0, 1.0, 1.0 - dod])
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    _shade_eclipse(ax, entry, period)
    ax.plot(t, generation, color="tab:orange", label="array output (required)")
    ax.axhline(result.array.eol_power.m_as("kW"), color="tab:orange", linestyle=":", label="array EOL capability")
    ax.axhline(result.load.m_as("kW"), color="tab:red", linestyle="--", label="load")
    ax.set_xlabel("time in the orbit [min]")
    ax.set_ylabel("power [kW]")
    ax.set_xlim(0, period)
    ax.set_ylim(bottom=0)
    ax2 = ax.twinx()
    ax2.plot(t, 100 * soc, color="tab:green", label="battery state of charge")
    ax2.set_ylabel("state of charge [%]")
    ax2.set_ylim(0, 105)
    lines = ax.get_legend_handles_labels()
    more = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], fontsize=7, ncol=3, loc="upper center",
              bbox_to_anchor=(0.5, -0.2))
    ax.set_title("power over an orbit of the worst eclipse", fontsize=9)
    fig.tight_layout()
    return save_png(fig, path)


def plot_year(dates: np.ndarray, beta_deg: np.ndarray, eclipse_fraction: np.ndarray, path: str | Path) -> Path:
    """The beta angle [deg] and the eclipse fraction [%] of the orbit over the dates given (a year)."""
    plt = pyplot()
    days = (np.asarray(dates, dtype="datetime64[D]") - np.asarray(dates, dtype="datetime64[D]")[0]).astype(float)
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    ax.plot(days, beta_deg, color="tab:orange", label="beta angle")
    ax.set_xlabel(f"days from {np.datetime_as_string(np.asarray(dates, dtype='datetime64[D]')[0])}")
    ax.set_ylabel("beta angle [deg]")
    ax2 = ax.twinx()
    ax2.plot(days, 100 * np.asarray(eclipse_fraction), color="tab:blue", label="eclipse fraction")
    ax2.set_ylabel("eclipse fraction [% of the orbit]")
    ax2.set_ylim(bottom=0)
    lines, more = ax.get_legend_handles_labels(), ax2.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], fontsize=7, loc="upper right")
    ax.set_title("beta angle and eclipse over the year", fontsize=9)
    fig.tight_layout()
    return save_png(fig, path)


def plot_mass_breakdown(mass: dict[str, float], total: float, path: str | Path) -> Path:
    """One horizontal bar of the wet mass split by category [kg], each labelled with its share of ``total``."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.0))
    names = list(mass)
    values = np.array([mass[n] for n in names])
    ax.barh(names, values, color="tab:blue")
    for i, v in enumerate(values):
        ax.text(v, i, f" {v:,.0f} kg ({100 * v / total:.1f} %)", va="center", fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.35 * values.max())
    ax.set_xlabel("mass [kg]")
    ax.set_title(f"mass breakdown: {total:,.0f} kg wet", fontsize=9)
    fig.tight_layout()
    return save_png(fig, path)
