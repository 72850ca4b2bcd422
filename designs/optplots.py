"""Plots of an optimisation (:func:`designs.optimize`): the best feasible objective over the search, and every
margin at the optimum with the active ones marked (matplotlib is imported here, lazily)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacedc.designs.plots import pyplot, save_png

__all__ = ["PLOTS", "plot_history", "plot_margins", "plot_all"]

#: The plots an optimisation writes, by role.
PLOTS = {"history": "optimize_history.png", "margins": "optimize_margins.png"}


def plot_history(opt: Any, path: str | Path) -> Path:
    """The best feasible objective after each step of the search (population, SLSQP iterations, polish rounds)
    against the points sized so far. Written atomically."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7, 3.6))
    colours = {"population": "tab:blue", "slsqp": "tab:orange", "polish": "tab:green"}
    rows = [h for h in opt.history if h["best"] is not None]
    if rows:
        ax.step([h["evaluations"] for h in rows], [h["best"] for h in rows], where="post", color="0.5", lw=1)
        for stage, colour in colours.items():
            pts = [h for h in rows if h["stage"] == stage]
            if pts:
                ax.plot([h["evaluations"] for h in pts], [h["best"] for h in pts], "o", ms=4, color=colour,
                        label=stage)
        ax.legend(loc="upper right", fontsize=8)
    else:
        ax.text(0.5, 0.5, "no feasible point", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel("points sized")
    ax.set_ylabel(f"best feasible {opt.objective}")
    ax.set_title(f"optimisation history: {opt.evaluations:,} points, {opt.feasible_count:,} feasible")
    fig.tight_layout()
    return save_png(fig, path)


def plot_margins(opt: Any, path: str | Path) -> Path:
    """Every margin at the optimum as horizontal bars (symlog axis), the active ones (within the tolerance of
    zero) in red and labelled. Written atomically."""
    plt = pyplot()
    m = opt.margins or {}
    names = list(m)
    fig, ax = plt.subplots(figsize=(7, 0.28 * max(len(names), 4) + 1.2))
    colours = ["tab:red" if n in opt.active else "tab:blue" if v >= 0 else "0.3" for n, v in m.items()]
    ax.barh(names, [m[n] for n in names], color=colours)
    ax.axvline(0.0, color="k", lw=0.8)
    ax.set_xscale("symlog", linthresh=0.01)
    for i, n in enumerate(names):
        if n in opt.active:
            ax.annotate("active", (m[n], i), xytext=(4, 0), textcoords="offset points", va="center", fontsize=7,
                        color="tab:red")
    ax.invert_yaxis()
    ax.set_xlabel("margin at the optimum (holds where >= 0)")
    ax.set_title("margins at the optimum (active in red)")
    fig.tight_layout()
    return save_png(fig, path)


def plot_all(opt: Any, out_dir: str | Path) -> dict[str, Path]:
    """Both plots into ``out_dir``, named as in :data:`PLOTS`."""
    out = Path(out_dir)
    return {"history": plot_history(opt, out / PLOTS["history"]), "margins": plot_margins(opt, out / PLOTS["margins"])}
