"""Trade plots of a sweep table: where the design closes, what a metric does there, and what trades against what.

* :func:`load_table` -- a sweep table as a pandas DataFrame: a CSV file (``spacedc sweep --format csv``), a
  Parquet file, or a Parquet dataset directory of ``part-*.parquet`` files (``spacedc sweep --out DIR``);
  a DataFrame is passed through.
* :func:`first_failure` -- each point's first failing check, the category a feasibility map colours it by.
* :func:`feasibility_map` -- the points over two fields, coloured by their first failing check (feasible green):
  cells of a full grid (``pcolormesh``) or a scatter of scattered samples (LHS, Sobol, random, or a grid whose
  other inputs vary too, so that points overlap).
* :func:`contour_plot` -- filled contours of a metric over the feasible region, the infeasible region hatched.
* :func:`pareto_mask`, :func:`pareto_front` -- the non-dominated feasible points of two metrics (O(n log n)),
  plotted over every feasible point.
* :func:`plot_all` -- the three plots into a folder, as ``spacedc plot`` writes them.

Fields are named by the table's columns (``input.payload.chip_power_W``, ``mass.total_kg``) or without their
unit suffix (``payload.chip_power`` for the swept input, ``thermal.radiator_area`` for an output); ``A/B`` is
the ratio of two fields (``mass.total_kg/power.chip_power_W``, wet mass per watt of chip power). A name that
matches no column raises ``ValueError`` naming it and the closest columns.

The first failing check of an infeasible point, in this order:

1. its first reason in the chain's order (compute, radiation, junction, loop, panels, array, battery, launch,
   lifetime), named by its leading words (up to a colon or a parenthesis), where that reason is not a launch
   margin's: a step before the launch fails (the steady sizing does not close, and its margins are moot);
2. else the launch margin (``launch.margins.*``, met at >= 0) with the lowest value below zero, as
   ``"margin: NAME"``;
3. else the first reason's leading words, or ``"infeasible"`` where the table gives no reason.

Plotting imports matplotlib, lazily; with ``path`` and no ``ax`` a figure is drawn off-screen (no pyplot, no
backend change) and written atomically.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from spacedc.files import atomic_write

__all__ = ["FEASIBLE", "PLOTS", "PARETO", "load_table", "table_columns", "resolve_field", "field_columns",
           "field_values", "first_failure", "feasibility_map", "contour_plot", "pareto_mask", "pareto_front",
           "plot_all"]

#: The category of a feasible point.
FEASIBLE = "feasible"
#: The files :func:`plot_all` writes, by plot.
PLOTS = {"feasibility": "feasibility.png", "contours": "contours.png", "pareto": "pareto.png"}
#: The default metrics of the Pareto front: wet mass per watt of chip power against radiator area (both minimized).
PARETO = ("mass.total_kg/power.chip_power_W", "thermal.radiator_area_m2")
#: The margin columns' prefix.
_MARGINS = "launch.margins."
_DPI = 110
#: The most scattered points a contour plot triangulates (Delaunay); more are subsampled.
_TRIANGULATED = 100_000
#: Colours of the failing checks, in order of their point counts (green is the feasible points').
_COLOURS = ("tab:red", "tab:orange", "tab:purple", "tab:blue", "tab:brown", "tab:pink", "tab:olive", "tab:cyan",
            "gold", "navy", "maroon", "teal")


# --- the table ---------------------------------------------------------------------------------------------------

def _parquet_files(path: Path) -> list[Path]:
    files = sorted(p for p in path.rglob("*.parquet") if not p.name.startswith((".", "_")))
    if not files:
        raise FileNotFoundError(f"table {str(path)!r}: a folder without Parquet files (part-*.parquet)")
    return files


def _dataset(path: Path) -> Any:
    """A pyarrow dataset of a Parquet file or of a dataset folder's part files, its schema the union of theirs."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    files = [str(f) for f in _parquet_files(path)] if path.is_dir() else [str(path)]
    schema = None
    if len(files) > 1:  # parts may leave out different empty columns: read every footer, not the first only
        try:
            schema = pa.unify_schemas([pq.read_schema(f) for f in files])
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            schema = None
    return ds.dataset(files, format="parquet", schema=schema)


def _is_parquet(path: Path) -> bool:
    if path.is_dir():
        return True
    if path.suffix.lower() in (".parquet", ".pq"):
        return True
    with open(path, "rb") as f:
        return f.read(4) == b"PAR1"


def table_columns(source: Any) -> list[str]:
    """The column names of a sweep table (see :func:`load_table`), without reading its rows.

    Examples
    --------
    >>> import pandas as pd
    >>> table_columns(pd.DataFrame({"point": [0, 1], "feasible": [True, False]}))
    ['point', 'feasible']
    """
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        return [str(c) for c in source.columns]
    path = _existing(source)
    if _is_parquet(path):
        return list(_dataset(path).schema.names)
    return [str(c) for c in pd.read_csv(path, nrows=0).columns]


def _existing(source: Any) -> Path:
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"table {str(source)!r} does not exist (a sweep's CSV file, Parquet file or "
                                "Parquet dataset folder)")
    return path


def load_table(source: Any, columns: Sequence[str] | None = None) -> Any:
    """A sweep table as a pandas DataFrame.

    Parameters
    ----------
    source : path or pandas.DataFrame
        A CSV file, a Parquet file, a Parquet dataset folder (its ``*.parquet`` files, in name order, their
        schemas unified: a part may leave out a column that is empty in it), or a DataFrame (returned as it
        is, or its ``columns``).
    columns : sequence of str, optional
        Only these columns (exact names; see :func:`resolve_field` for short ones): a million-point table
        is read in a fraction of the time.

    Returns
    -------
    pandas.DataFrame
        ``reasons`` as text (empty where feasible), whatever the file's encoding (a CSV's empty cells, a
        Parquet dictionary).

    Raises
    ------
    FileNotFoundError
        Where ``source`` does not exist.
    ValueError
        For a column not in the table, naming it and the closest.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"feasible": [True, False], "reasons": [None, "too hot"]})
    >>> load_table(frame)["reasons"].tolist()
    ['', 'too hot']
    """
    import pandas as pd

    if columns is not None:
        known = table_columns(source)
        for c in columns:
            if c not in known:
                raise ValueError(f"column {c!r} is not in the table{_close(c, known)}")
        columns = list(dict.fromkeys(columns))
    if isinstance(source, pd.DataFrame):
        frame = source if columns is None else source[columns]
    else:
        path = _existing(source)
        if _is_parquet(path):
            frame = _dataset(path).to_table(columns=columns).to_pandas()
        else:
            frame = pd.read_csv(path, usecols=columns)
    if "reasons" in frame.columns and (not _is_text(frame["reasons"]) or frame["reasons"].isna().any()):
        frame = frame.assign(reasons=_text(frame["reasons"]))
    return frame


def _is_text(series: Any) -> bool:
    import pandas as pd

    return pd.api.types.is_string_dtype(series.dtype) and not isinstance(series.dtype, pd.CategoricalDtype)


def _text(series: Any) -> Any:
    """A column of reasons as plain text, '' for a missing value (a CSV's empty cell, a null)."""
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    return series.where(series.notna(), "").astype(str)


# --- fields ------------------------------------------------------------------------------------------------------

def _close(name: str, columns: Iterable[str]) -> str:
    columns = list(columns)
    shorts = {}
    for c in columns:  # match the short forms too, and show the column they stand for
        shorts.setdefault(c, c)
        short = _short(c)
        if short != c:
            shorts.setdefault(short, c)
    matches = difflib.get_close_matches(name, list(shorts), n=5, cutoff=0.5)
    found = list(dict.fromkeys(shorts[m] for m in matches))
    return f"; close matches: {', '.join(found)}" if found else ""


def _short(column: str) -> str:
    """``input.payload.chip_power_W`` -> ``payload.chip_power``; an output column keeps its name."""
    if column.startswith("input."):
        body = column[len("input."):]
        head, _, tail = body.rpartition("_")
        return head if head and _is_unit(tail) else body
    return column


def _is_unit(suffix: str) -> bool:
    """Whether a column suffix (``W``, ``m2``, ``W_per_m2``, ``kg_per_s``) reads as a unit."""
    from spacedc.units import Q_

    text = re.sub(r"(?<=[a-zA-Z])(\d)", r"^\1", suffix.replace("_per_", "/"))
    try:
        Q_(1.0, text)
    except Exception:  # pint raises several kinds for a word that is no unit
        return False
    return True


def resolve_field(columns: Sequence[str], field: str) -> str:
    """The column a field names: the column itself, an input without ``input.`` and its unit suffix
    (``payload.chip_power`` -> ``input.payload.chip_power_W``), or an output without its unit suffix
    (``thermal.radiator_area`` -> ``thermal.radiator_area_m2``).

    Raises
    ------
    ValueError
        For a field that names no column or several, naming it and the closest columns.

    Examples
    --------
    >>> cols = ["input.payload.chip_power_W", "mass.total_kg", "thermal.radiator_area_m2"]
    >>> resolve_field(cols, "payload.chip_power"), resolve_field(cols, "mass.total_kg")
    ('input.payload.chip_power_W', 'mass.total_kg')
    >>> resolve_field(cols, "mass.totl_kg")
    Traceback (most recent call last):
    ...
    ValueError: field 'mass.totl_kg': no such column in the table; close matches: mass.total_kg
    """
    field = field.strip()
    columns = list(columns)
    if field in columns:
        return field
    for name in (f"input.{field}", field):
        if name in columns:
            return name
        found = [c for c in columns if c.startswith(name + "_") and _is_unit(c[len(name) + 1:])]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ValueError(f"field {field!r} is ambiguous: it may be {', '.join(found)}; give the column's name")
    raise ValueError(f"field {field!r}: no such column in the table{_close(field, columns)}")


def field_columns(columns: Sequence[str], field: str) -> list[str]:
    """The columns a field reads: one, or two for a ratio ``A/B`` (see :func:`resolve_field`).

    Examples
    --------
    >>> field_columns(["mass.total_kg", "power.chip_power_W"], "mass.total_kg/power.chip_power")
    ['mass.total_kg', 'power.chip_power_W']
    """
    if field in columns:
        return [field]
    parts = field.split("/")
    if len(parts) == 2 and all(p.strip() for p in parts):
        return [resolve_field(columns, parts[0]), resolve_field(columns, parts[1])]
    return [resolve_field(columns, field)]


def field_values(frame: Any, field: str) -> tuple[np.ndarray, str]:
    """A field's values as a float array (NaN where empty) and its axis label (the column, or ``A / B``).

    Raises
    ------
    ValueError
        For a field that names no column (see :func:`resolve_field`) or a column that is not numeric.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"mass.total_kg": [100.0, 300.0], "input.payload.chip_power_W": [50.0, 100.0]})
    >>> values, label = field_values(frame, "mass.total_kg/payload.chip_power")
    >>> values.tolist(), label
    ([2.0, 3.0], 'mass.total_kg / input.payload.chip_power_W')
    """
    import pandas as pd

    cols = field_columns([str(c) for c in frame.columns], field)
    arrays = []
    for c in cols:
        s = frame[c]
        if not (pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype)):
            raise ValueError(f"field {field!r}: column {c!r} holds {s.dtype} values, not numbers")
        arrays.append(s.to_numpy(dtype=float, na_value=np.nan))
    if len(arrays) == 2:
        with np.errstate(divide="ignore", invalid="ignore"):
            return arrays[0] / arrays[1], f"{cols[0]} / {cols[1]}"
    return arrays[0], cols[0]


def _feasible(frame: Any) -> np.ndarray:
    if "feasible" not in frame.columns:
        raise ValueError("the table has no 'feasible' column (is it a sweep table?)"
                         f"{_close('feasible', frame.columns)}")
    s = frame["feasible"]
    if s.dtype == object or _is_text(s):  # a table written as text: true/false
        return s.astype(str).str.lower().isin(("true", "1", "1.0")).to_numpy()
    return s.fillna(False).to_numpy(dtype=bool)


# --- the first failing check -------------------------------------------------------------------------------------

def _margin_patterns() -> list[re.Pattern]:
    """What a launch margin's reason reads, for every margin: its sweep sentence and its single-design sentence
    (designs.budget holds them), each placeholder (the vehicle's name, a number) a wildcard."""
    from spacedc.designs.budget import _WHY

    return [re.compile(".+?".join(map(re.escape, re.split(r"\{[^}]*\}", sentence))))
            for pair in _WHY.values() for sentence in pair]


def _label(reason: str) -> str:
    """A reason's leading words: up to its first colon or parenthesis."""
    head = re.split(r":\s|\s\(|;", reason, maxsplit=1)[0].strip()
    return head or reason.strip() or "infeasible"


def first_failure(frame: Any) -> Any:
    """Each point's first failing check (the module docstring gives the order), ``"feasible"`` where it closes.

    Parameters
    ----------
    frame : pandas.DataFrame
        A sweep table: ``feasible``, and ``reasons`` and the ``launch.margins.*`` columns where it has them.

    Returns
    -------
    pandas.Series of str
        On the frame's index.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"feasible": [True, False, False],
    ...     "reasons": ["", "stowed satellite does not fit Falcon 9's usable envelope; deployed radiator wing "
    ...                 "first mode below the requirement", "heat per pipe exceeds the limit (Q*L): shorten the panel; wet mass "
    ...                 "exceeds Falcon 9's capability to this orbit"],
    ...     "launch.margins.fairing": [1.0, -0.2, -1.0], "launch.margins.deployed_frequency": [1.0, -0.5, 0.3]})
    >>> first_failure(frame).tolist()
    ['feasible', 'margin: deployed_frequency', 'heat per pipe exceeds the limit']
    """
    import pandas as pd

    feasible = _feasible(frame)
    n = len(frame)
    margin_cols = [c for c in frame.columns if str(c).startswith(_MARGINS)]
    if margin_cols:
        m = np.column_stack([frame[c].to_numpy(dtype=float, na_value=np.nan) for c in margin_cols])
        m = np.where(np.isnan(m), np.inf, m)
        worst = np.argmin(m, axis=1)
        below = m[np.arange(n), worst] < 0.0
        margin_label = np.array([f"margin: {c[len(_MARGINS):]}" for c in margin_cols], dtype=object)[worst]
    else:
        below = np.zeros(n, dtype=bool)
        margin_label = np.full(n, "", dtype=object)
    if "reasons" in frame.columns:
        # one look per distinct reason text (a sweep's reasons are a handful of strings), none per point
        codes, uniques = pd.factorize(_text(frame["reasons"]), sort=False)
        patterns = _margin_patterns()
        firsts = [str(u).split("; ")[0] for u in uniques]
        is_margin = np.array([any(p.match(f) for p in patterns) for f in firsts] + [0], dtype=bool)[codes]
        reason_label = np.array([_label(f) if f else "" for f in firsts] + [""], dtype=object)[codes]
    else:
        is_margin = np.ones(n, dtype=bool)
        reason_label = np.full(n, "", dtype=object)
    label = np.where(~is_margin & (reason_label != ""), reason_label,
                     np.where(below, margin_label, np.where(reason_label != "", reason_label, "infeasible")))
    label = np.where(feasible, FEASIBLE, label)
    return pd.Series(label.astype(str), index=frame.index, name="first_failure")


# --- plotting helpers --------------------------------------------------------------------------------------------

def _finish(fig: Any, path: str | Path | None, own: bool) -> None:
    if path is None:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if own:
        fig.tight_layout()
    atomic_write(path, lambda tmp: fig.savefig(tmp, dpi=_DPI, format="png"))


def _new_axes(ax: Any, path: Any, figsize: tuple[float, float]) -> tuple[Any, Any, bool]:
    """The axes to draw on, and whether their figure is new: ``ax``; else, with ``path``, an off-screen figure
    (no pyplot); else a pyplot figure, left open for the caller to show."""
    if ax is not None:
        return ax.figure, ax, False
    if path is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=figsize)
        return fig, ax, True
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize)
    return fig, fig.add_subplot(), True


def _grid(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """The full grid that the points (x, y) fill once each: its axis values and each point's cell, or None."""
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.all() or x.size < 4:
        return None
    ux, ix = np.unique(x, return_inverse=True)
    uy, iy = np.unique(y, return_inverse=True)
    if len(ux) < 2 or len(uy) < 2 or len(ux) * len(uy) != x.size:
        return None
    if np.unique(ix * len(uy) + iy).size != x.size:
        return None
    return ux, uy, ix.reshape(-1), iy.reshape(-1)


def _edges(u: np.ndarray) -> np.ndarray:
    mid = (u[1:] + u[:-1]) / 2.0
    return np.concatenate([[u[0] - (mid[0] - u[0])], mid, [u[-1] + (u[-1] - mid[-1])]])


def _xy(frame: Any, x: str, y: str) -> tuple[np.ndarray, np.ndarray, str, str]:
    xv, xl = field_values(frame, x)
    yv, yl = field_values(frame, y)
    return xv, yv, xl, yl


# --- the plots ---------------------------------------------------------------------------------------------------

def feasibility_map(frame: Any, x: str, y: str, *, ax: Any = None, path: str | Path | None = None,
                    title: str | None = None) -> Any:
    """The points over fields ``x`` and ``y``, coloured by their first failing check (:func:`first_failure`),
    feasible points green, with a legend of the checks and their point counts.

    A table whose (x, y) pairs fill a full grid once each is drawn as cells (``pcolormesh``); scattered samples,
    or a grid whose other inputs vary too (points overlap), as a scatter.

    Parameters
    ----------
    frame : pandas.DataFrame or path
        A sweep table (:func:`load_table`).
    x, y : str
        Fields (column names, or short names: see :func:`resolve_field`).
    ax : matplotlib Axes, optional
        Draw here; else on a new figure.
    path : path, optional
        Write the figure here (PNG, atomically).
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Patch

    frame = load_table(frame)
    xv, yv, xl, yl = _xy(frame, x, y)
    labels = first_failure(frame).to_numpy(dtype=object)
    names, codes, counts = np.unique(labels, return_inverse=True, return_counts=True)
    codes = codes.reshape(-1)
    order = sorted(range(len(names)), key=lambda k: (names[k] != FEASIBLE, -counts[k], names[k]))
    rank = np.empty(len(names), dtype=int)
    rank[order] = np.arange(len(names))
    colours = []
    others = iter(_COLOURS * (1 + len(names) // len(_COLOURS)))
    for k in order:
        colours.append("tab:green" if names[k] == FEASIBLE else next(others))
    cats = rank[codes]
    fig, ax, own = _new_axes(ax, path, (8.5, 5.0))
    cmap = ListedColormap(colours)
    norm = BoundaryNorm(np.arange(len(names) + 1) - 0.5, len(names))
    grid = _grid(xv, yv)
    if grid is not None:
        ux, uy, ix, iy = grid
        cells = np.full((len(uy), len(ux)), np.nan)
        cells[iy, ix] = cats
        ax.pcolormesh(_edges(ux), _edges(uy), cells, cmap=cmap, norm=norm, shading="flat",
                      edgecolors="white", linewidth=0.3 if cells.size <= 2500 else 0.0)
    else:
        size = float(np.clip(3000.0 / max(len(xv), 1), 1.0, 40.0))
        ax.scatter(xv, yv, c=cats, cmap=cmap, norm=norm, s=size, linewidths=0, rasterized=len(xv) > 5000)
    handles = [Patch(color=colours[r], label=textwrap.fill(f"{names[k]} ({counts[k]:,})", 40))
               for r, k in enumerate(order)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False,
              title="first failing check")
    ax.set_xlabel(xl)
    ax.set_ylabel(yl)
    n_ok = int(counts[names == FEASIBLE].sum()) if FEASIBLE in names else 0
    ax.set_title(title or f"feasibility: {n_ok:,} of {len(xv):,} points feasible")
    _finish(fig, path, own)
    return ax


def contour_plot(frame: Any, x: str, y: str, metric: str, *, ax: Any = None, path: str | Path | None = None,
                 levels: int = 12, title: str | None = None) -> Any:
    """Filled contours of ``metric`` over the feasible points in the (x, y) plane; the infeasible region hatched.

    The points are triangulated (a full grid's cells cut in two; else Delaunay, in axes scaled to their ranges,
    of at most 100,000 points, a seeded random subset of more); triangles whose three corners are
    feasible, with a finite metric, carry the contours, and the infeasible points' region (an indicator's half
    level, so that the boundary falls between a feasible and an infeasible point) is hatched grey. Where no
    triangle is wholly feasible the feasible points are drawn as a scatter coloured by the metric.

    Parameters
    ----------
    frame : pandas.DataFrame or path
    x, y, metric : str
        Fields (see :func:`resolve_field`; ``A/B`` for a ratio).
    ax, path, title
        As for :func:`feasibility_map`.
    levels : int
        Number of contour levels.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.tri as mtri

    frame = load_table(frame)
    xv, yv, xl, yl = _xy(frame, x, y)
    zv, zl = field_values(frame, metric)
    feasible = _feasible(frame)
    fig, ax, own = _new_axes(ax, path, (7.5, 5.0))
    ok = np.isfinite(xv) & np.isfinite(yv)
    good = feasible & np.isfinite(zv) & ok
    tri = _triangulation(xv[ok], yv[ok])
    drawn = False
    if tri is not None:
        t = tri.triangles
        good_ok = good[ok]
        whole = good_ok[t].all(axis=1)
        if whole.any():
            z = np.where(good_ok, zv[ok], np.nanmean(zv[good]))
            zt = mtri.Triangulation(tri.x, tri.y, t, mask=~whole)
            cs = ax.tricontourf(zt, z, levels=levels, cmap="viridis")
            ax.figure.colorbar(cs, ax=ax, label=zl)
            drawn = True
        bad = ~feasible[ok]
        if bad.any():
            ax.tricontourf(tri, bad.astype(float), levels=[0.5, 1.5], colors=["0.85"], hatches=["//"])
    if not drawn:
        if good.any():
            sc = ax.scatter(xv[good], yv[good], c=zv[good], cmap="viridis", s=30)
            ax.figure.colorbar(sc, ax=ax, label=zl)
        else:
            ax.text(0.5, 0.5, "no feasible point", transform=ax.transAxes, ha="center", va="center")
        bad = ok & ~feasible
        ax.scatter(xv[bad], yv[bad], marker="x", color="0.6", s=12, linewidths=0.8, label="infeasible")
    if len(xv) <= 5000:
        ax.plot(xv[good], yv[good], ".", color="k", ms=2)
    ax.set_xlabel(xl)
    ax.set_ylabel(yl)
    ax.set_xlim(np.nanmin(xv[ok]) if ok.any() else 0, np.nanmax(xv[ok]) if ok.any() else 1)
    ax.set_ylim(np.nanmin(yv[ok]) if ok.any() else 0, np.nanmax(yv[ok]) if ok.any() else 1)
    ax.set_title(title or f"{zl} over the feasible region (infeasible hatched)")
    _finish(fig, path, own)
    return ax


def _triangulation(x: np.ndarray, y: np.ndarray) -> Any:
    """Triangles of the points: a full grid's cells, each cut in two (no search); else Delaunay, in axes scaled to
    their ranges, of at most :data:`_TRIANGULATED` points (a seeded random subset of more: a plot does not
    resolve more). None where the points are too few or in a line."""
    import matplotlib.tri as mtri

    if x.size < 3:
        return None
    grid = _grid(x, y)
    if grid is not None:
        ux, uy, ix, iy = grid
        at = np.empty((len(uy), len(ux)), dtype=np.int64)
        at[iy, ix] = np.arange(x.size)
        p00, p10, p01, p11 = at[:-1, :-1], at[:-1, 1:], at[1:, :-1], at[1:, 1:]
        triangles = np.concatenate([np.stack([p00, p10, p11], -1).reshape(-1, 3),
                                    np.stack([p00, p11, p01], -1).reshape(-1, 3)])
        return mtri.Triangulation(x, y, triangles)
    keep = np.arange(x.size)
    if x.size > _TRIANGULATED:
        keep = np.sort(np.random.default_rng(0).choice(x.size, _TRIANGULATED, replace=False))
    xs, ys = x[keep], y[keep]
    span = [np.ptp(v) or 1.0 for v in (xs, ys)]
    try:
        scaled = mtri.Triangulation((xs - xs.min()) / span[0], (ys - ys.min()) / span[1])
    except (ValueError, RuntimeError):  # qhull: fewer than 3 distinct points, or all in a line
        return None
    return mtri.Triangulation(x, y, keep[scaled.triangles])


def pareto_mask(a: Any, b: Any, minimize: tuple[bool, bool] = (True, True)) -> np.ndarray:
    """Which points are not dominated on two objectives: True where no other point is at least as good on both
    and better on one. NaN values are never on the front (nor dominate). Points equal on both objectives stand
    or fall together.

    Sort by ``a`` then ``b`` (O(n log n)); a point is on the front where its ``b`` is below every earlier
    distinct point's, a running minimum.

    Examples
    --------
    >>> pareto_mask([1, 2, 3, 2, 4], [5, 3, 4, 3, 1]).tolist()
    [True, True, False, True, True]
    >>> pareto_mask([1, 2, 3], [1, 2, 3], minimize=(True, False)).tolist()
    [True, True, True]
    """
    a = np.asarray(a, dtype=float).reshape(-1)
    b = np.asarray(b, dtype=float).reshape(-1)
    if a.shape != b.shape:
        raise ValueError(f"pareto_mask: a has {a.size} values and b {b.size}; expected as many")
    if len(minimize) != 2:
        raise ValueError(f"minimize = {minimize!r}: expected two booleans, one per objective")
    a = a if minimize[0] else -a
    b = b if minimize[1] else -b
    out = np.zeros(a.size, dtype=bool)
    ok = np.flatnonzero(np.isfinite(a) & np.isfinite(b))
    if ok.size == 0:
        return out
    order = ok[np.lexsort((b[ok], a[ok]))]
    sa, sb = a[order], b[order]
    new = np.ones(order.size, dtype=bool)  # the first of each run of equal points
    new[1:] = (sa[1:] != sa[:-1]) | (sb[1:] != sb[:-1])
    group = np.cumsum(new) - 1
    ub = sb[new]
    before = np.concatenate([[np.inf], np.minimum.accumulate(ub)[:-1]])
    front_u = ub < before
    out[order] = front_u[group]
    return out


def pareto_front(frame: Any, x: str, y: str, *, minimize: tuple[bool, bool] = (True, True), ax: Any = None,
                 path: str | Path | None = None, title: str | None = None) -> Any:
    """The feasible points not dominated on metrics ``x`` and ``y`` (:func:`pareto_mask`), drawn over every
    feasible point where ``ax`` or ``path`` is given.

    Parameters
    ----------
    frame : pandas.DataFrame or path
        A sweep table; without a ``feasible`` column every point counts.
    x, y : str
        The two metrics (see :func:`resolve_field`; ``A/B`` for a ratio such as
        ``mass.total_kg/power.chip_power_W``).
    minimize : (bool, bool)
        Per metric, whether less is better (True) or more.
    ax, path, title
        As for :func:`feasibility_map`; with neither ``ax`` nor ``path`` nothing is drawn.

    Returns
    -------
    pandas.DataFrame
        The front's rows of ``frame``, sorted by ``x``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"feasible": [True, True, True, False], "mass.total_kg": [10.0, 12.0, 11.0, 1.0],
    ...                       "thermal.radiator_area_m2": [50.0, 40.0, 60.0, 1.0]})
    >>> pareto_front(frame, "mass.total_kg", "thermal.radiator_area")["mass.total_kg"].tolist()
    [10.0, 12.0]
    """
    frame = load_table(frame)
    xv, yv, xl, yl = _xy(frame, x, y)
    feasible = _feasible(frame) if "feasible" in frame.columns else np.ones(len(frame), dtype=bool)
    mask = np.zeros(len(frame), dtype=bool)
    idx = np.flatnonzero(feasible)
    mask[idx] = pareto_mask(xv[idx], yv[idx], minimize)
    rows = np.flatnonzero(mask)
    rows = rows[np.argsort(xv[rows], kind="stable")]
    front = frame.iloc[rows]
    if ax is None and path is None:
        return front
    fig, ax, own = _new_axes(ax, path, (7.0, 5.0))
    ok = feasible & np.isfinite(xv) & np.isfinite(yv)
    ax.scatter(xv[ok], yv[ok], s=float(np.clip(3000.0 / max(ok.sum(), 1), 1.0, 25.0)), color="0.65",
               linewidths=0, label=f"feasible points ({int(ok.sum()):,})", rasterized=ok.sum() > 5000)
    fx, fy = xv[rows], yv[rows]
    ax.plot(fx, fy, "-o", color="tab:red", ms=4, lw=1.2, drawstyle="steps-post" if len(rows) > 1 else "default",
            label=f"Pareto front ({len(rows):,})")
    ax.set_xlabel(f"{xl} ({'min' if minimize[0] else 'max'})")
    ax.set_ylabel(f"{yl} ({'min' if minimize[1] else 'max'})")
    if not ok.any():
        ax.text(0.5, 0.5, "no feasible point", transform=ax.transAxes, ha="center", va="center")
    ax.legend(fontsize=8, frameon=False)
    ax.set_title(title or "Pareto front of the feasible points")
    _finish(fig, path, own)
    return front


def plot_all(frame: Any, x: str, y: str, color: str | None = None, out_dir: str | Path = ".", *,
             pareto: tuple[str, str] | None = None, minimize: tuple[bool, bool] = (True, True),
             force: bool = False) -> dict[str, Path]:
    """The three trade plots of a sweep table into ``out_dir``: feasibility.png (:func:`feasibility_map` over
    ``x``, ``y``), contours.png (:func:`contour_plot` of ``color``) and pareto.png (:func:`pareto_front` of
    ``pareto``), each written atomically.

    Parameters
    ----------
    frame : pandas.DataFrame or path
        A sweep table (:func:`load_table`).
    x, y : str
        The fields of the plane.
    color : str, optional
        The metric contoured; default ``mass.total_kg``.
    out_dir : path
        Created if missing.
    pareto : (str, str), optional
        The two metrics of the front; default :data:`PARETO`, wet mass per watt of chip power against radiator
        area.
    minimize : (bool, bool)
        Per Pareto metric, whether less is better.
    force : bool
        Replace plots already in ``out_dir``; without it an existing one raises ``FileExistsError`` before
        anything is drawn.

    Returns
    -------
    dict of str -> Path
        ``"feasibility"``, ``"contours"``, ``"pareto"``.
    """
    color = color or "mass.total_kg"
    pareto = tuple(pareto) if pareto is not None else PARETO
    if len(pareto) != 2:
        raise ValueError(f"pareto = {pareto!r}: expected two metrics")
    out = Path(out_dir)
    paths = {k: out / v for k, v in PLOTS.items()}
    there = [str(p) for p in paths.values() if p.exists()]
    if there and not force:
        raise FileExistsError(f"{', '.join(there)} exist already: pass force=True (--force) to replace them, or "
                              "choose another folder")
    frame = load_table(frame)
    for field in (x, y, color, *pareto):  # every name checked before anything is drawn
        field_values(frame, field)
    out.mkdir(parents=True, exist_ok=True)
    feasibility_map(frame, x, y, path=paths["feasibility"])
    contour_plot(frame, x, y, color, path=paths["contours"])
    pareto_front(frame, pareto[0], pareto[1], minimize=minimize, path=paths["pareto"])
    return paths
