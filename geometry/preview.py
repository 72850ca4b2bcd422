"""A PNG preview of a satellite that reads: the deployed satellite dimensioned, its bus up close, and the stowed
satellite inside the launch vehicle's usable fairing envelope. Drawn with matplotlib (Agg) from the CAD's
tessellation.

Panels (each only for a state asked for):

- deployed, plan: looking down the launch axis (-Z), every part's triangles projected and painted far to
  near, with the overall spans, the array wing's length and width, and a scale bar;
- deployed, elevation: looking along +Y (the radiator wings face-on, the arrays edge-on), with the radiator
  wing's length and height and a scale bar;
- deployed, bus: an isometric close view of the bus and the wing roots (Lambert-shaded triangles);
- stowed, side and top: the stowed satellite, its base on the interface plane and its bus centre on the
  vehicle axis, inside the outline of the usable envelope (heights and diameters as the vehicle's data
  give them), with the drawn clearances (from the mesh nodes: the least radial gap to the envelope at each
  node's height, and the gap above the top). These are a picture; the fairing margin is the launch check's.

Lengths on the picture are in metres, measured on the tessellation (to the mesh deflection: 0.5 % of the
bounding-box diagonal, so a dimension is good to about that).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from spacedc.geometry._shapes import MESH_TOLERANCE_BOUNDS_MM, compound, diagonal_mm
from spacedc.geometry.exporters import atomic_write, part_meshes
from spacedc.geometry.specs import SatelliteSpec
from spacedc.units import si

__all__ = ["render_preview", "HIDDEN_MATERIALS", "PREVIEW_STATES"]

#: Materials enclosed by others (inside panels and the bus); not drawn, as matplotlib has no depth buffer.
HIDDEN_MATERIALS = ("core", "heat_pipe", "rack")
#: The configurations a preview can draw.
PREVIEW_STATES = ("deployed", "stowed")
_PREVIEW_TOLERANCE = 5e-3  # linear deflection, of the bounding-box diagonal (a picture, not a measurement)
_MAX_EDGE = 0.04  # longest triangle edge drawn in the isometric view, of its box
_LIGHT = np.array([0.4, -0.5, 0.77]) / np.linalg.norm([0.4, -0.5, 0.77])
_WIDTH_IN = 15.0  # figure width [inch]
_FAIRING_FILL = (0.86, 0.92, 1.0)
_FAIRING_EDGE = (0.15, 0.3, 0.7)


class _Part:
    """One part's triangles (m, 3, 3) in the root frame [m], with its group (top-level child) and colour."""

    def __init__(self, name: str, material: str | None, rgb: np.ndarray, tris: np.ndarray) -> None:
        self.name, self.material, self.rgb, self.tris = name, material, rgb, tris
        parts = name.split("/")
        self.group = parts[1] if len(parts) > 1 else parts[0]


def _parts(obj: Any, hidden: tuple[str, ...]) -> list[_Part]:
    tol = max(_PREVIEW_TOLERANCE * diagonal_mm(compound(obj)), MESH_TOLERANCE_BOUNDS_MM[0])
    out = []
    for p in part_meshes(obj, tol, 0.5):
        if p["material"] in hidden:
            continue
        world = (p["nodes"] @ p["rotation"].T + p["translation"]) * 1e-3
        rgb = np.array(p["rgba"][:3]) if p["rgba"] is not None else np.full(3, 0.6)
        out.append(_Part(p["name"], p["material"], rgb, world[p["triangles"]]))
    return out


def _bounds(parts: list[_Part], prefix: str | None = None) -> tuple[np.ndarray, np.ndarray] | None:
    pts = [p.tris.reshape(-1, 3) for p in parts if prefix is None or p.group.startswith(prefix)]
    if not pts:
        return None
    pts = np.concatenate(pts)
    return pts.min(axis=0), pts.max(axis=0)


def _nice(length: float) -> float:
    """A round scale-bar length near ``length``: 1, 2 or 5 x 10^k."""
    k = math.floor(math.log10(length))
    return max(m * 10.0**k for m in (1, 2, 5) if m * 10.0**k <= length)


def _scale_bar(ax: Any, extent: float) -> None:
    from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar as Bar

    bar = _nice(extent / 4)
    label = f"{bar:g} m" if bar >= 1 else f"{bar * 1e3:g} mm"
    ax.add_artist(Bar(ax.transData, bar, label, "lower right", pad=0.4, sep=3, frameon=True,
                      size_vertical=bar / 30, borderpad=0.5))


def _dimension(ax: Any, a: tuple[float, float], b: tuple[float, float], text: str, *, offset: tuple[float, float],
               colour: str = "0.15") -> None:
    """A dimension line from a to b, drawn at ``offset`` (data units) from them, with the text at its middle."""
    (x0, y0), (x1, y1), (dx, dy) = a, b, offset
    ax.annotate("", xy=(x0 + dx, y0 + dy), xytext=(x1 + dx, y1 + dy),
                arrowprops=dict(arrowstyle="<|-|>", color=colour, lw=0.9, shrinkA=0, shrinkB=0))
    for x, y in (a, b):
        ax.plot([x, x + 1.15 * dx], [y, y + 1.15 * dy], color=colour, lw=0.5)
    vertical = abs(y1 - y0) > abs(x1 - x0)
    ax.text((x0 + x1) / 2 + 1.25 * dx, (y0 + y1) / 2 + 1.25 * dy, text, ha="center", va="center",
            rotation=90 if vertical else 0, fontsize=9, color=colour,
            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))


def _projected(ax: Any, parts: list[_Part], horizontal: int, vertical: int, depth: int, *, towards: float) -> None:
    """Every triangle projected onto (horizontal, vertical) axes, painted far to near along ``depth`` (the viewer
    at ``towards`` x infinity), flat-coloured by material, edges drawn so that edge-on plates show as lines."""
    from matplotlib.collections import PolyCollection

    if not parts:
        return
    tris = np.concatenate([p.tris for p in parts])
    rgb = np.concatenate([np.broadcast_to(p.rgb, (len(p.tris), 3)) for p in parts])
    normal = np.cross(tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0])
    length = np.linalg.norm(normal, axis=1, keepdims=True)
    normal = np.divide(normal, length, out=np.zeros_like(normal), where=length > 0)
    view = np.zeros(3)
    view[depth] = towards
    shade = np.clip((0.55 + 0.45 * np.abs(normal @ view))[:, None] * rgb, 0, 1)
    order = np.argsort(towards * tris[:, :, depth].mean(axis=1), kind="stable")
    ax.add_collection(PolyCollection(tris[order][:, :, [horizontal, vertical]], facecolors=shade[order],
                                     edgecolors=shade[order], linewidths=0.5))


def _frame(ax: Any, lo: np.ndarray, hi: np.ndarray, margin: float) -> None:
    ax.set_xlim(lo[0] - margin, hi[0] + margin)
    ax.set_ylim(lo[1] - margin, hi[1] + margin)
    ax.set_aspect("equal", adjustable="box")
    ax.tick_params(labelsize=8)


def _plan(ax: Any, parts: list[_Part]) -> None:
    """Deployed, looking down -Z: the longer of the X and Y spans horizontal."""
    lo3, hi3 = _bounds(parts)
    span = hi3 - lo3
    h, v = (1, 0) if span[1] >= span[0] else (0, 1)
    _projected(ax, parts, h, v, 2, towards=1.0)
    names = "xyz"
    lo, hi = lo3[[h, v]], hi3[[h, v]]
    size = float((hi - lo).max())
    m = 0.1 * size
    _frame(ax, lo, hi, m)
    ax.set_xlabel(f"{names[h]} [m]", fontsize=8)
    ax.set_ylabel(f"{names[v]} [m]", fontsize=8)
    _dimension(ax, (lo[0], lo[1]), (hi[0], lo[1]), f"overall {hi[0] - lo[0]:.1f} m", offset=(0, -0.45 * m))
    _dimension(ax, (lo[0], lo[1]), (lo[0], hi[1]), f"overall {hi[1] - lo[1]:.1f} m", offset=(-0.45 * m, 0))
    wing = _bounds(parts, "array_wing_0")
    if wing is not None:
        wl, wh = wing[0][[h, v]], wing[1][[h, v]]
        along = 0 if h == 1 else 1  # the array wing runs along Y
        length, width = (wh - wl)[along], (wh - wl)[1 - along]
        ax.annotate(f"array wing {length:.1f} m long x {width:.2f} m wide (with booms)",
                    xy=((wl[0] + wh[0]) / 2, wh[1]),
                    xytext=(hi[0], hi[1] + 0.5 * m), ha="right", fontsize=9,
                    arrowprops=dict(arrowstyle="->", lw=0.7, color="0.2"))
    rad = _bounds(parts, "radiator_wing_0")
    if rad is not None:
        rl, rh = rad[0][[h, v]], rad[1][[h, v]]
        ax.annotate("radiator wings (edge-on)", xy=((rl[0] + rh[0]) / 2, (rl[1] + rh[1]) / 2),
                    xytext=(lo[0], hi[1] + 0.5 * m), fontsize=9, ha="left",
                    arrowprops=dict(arrowstyle="->", lw=0.7, color="0.2"))
    _scale_bar(ax, hi[0] - lo[0])
    ax.set_title("deployed, plan (looking down the launch axis)", fontsize=10)


def _elevation(ax: Any, parts: list[_Part]) -> None:
    """Deployed, looking along +Y: X horizontal, Z up; radiator wings face-on."""
    lo3, hi3 = _bounds(parts)
    keep = [p for p in parts if not p.group.startswith("array_wing")]
    arrays = [p for p in parts if p.group.startswith("array_wing")]
    # The array wings run along the line of sight: draw only their root metre so they do not hide the bus.
    for p in arrays:
        near = np.abs(p.tris[:, :, 1]).max(axis=1) < max(abs(lo3[1]), abs(hi3[1])) + 1.0
        keep.append(_Part(p.name, p.material, p.rgb, p.tris[near]))
    _projected(ax, keep, 0, 2, 1, towards=-1.0)
    lo, hi = lo3[[0, 2]], hi3[[0, 2]]
    size = float((hi - lo).max())
    m = 0.06 * size
    _frame(ax, lo, hi, m)
    ax.set_xlabel("x [m]", fontsize=8)
    ax.set_ylabel("z [m]", fontsize=8)
    wing = _bounds(parts, "radiator_wing_0")
    if wing is not None:
        wl, wh = wing[0][[0, 2]], wing[1][[0, 2]]
        _dimension(ax, (wl[0], wl[1]), (wh[0], wl[1]), f"radiator wing {wh[0] - wl[0]:.1f} m",
                   offset=(0, -0.5 * m))
        _dimension(ax, (wh[0], wl[1]), (wh[0], wh[1]), f"{wh[1] - wl[1]:.2f} m", offset=(0.5 * m, 0))
    _scale_bar(ax, hi[0] - lo[0])
    ax.set_title("deployed, elevation (looking along +y: radiator wings face-on)", fontsize=10)


def _subdivide(poly: np.ndarray, max_edge: float, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Triangles (m, 3, 3) bisected across their longest edge until no edge exceeds ``max_edge``, keeping only
    those that reach into the box [lo, hi], so that matplotlib's per-polygon depth sort (by centroid) does not
    put a huge face over small parts. Pieces outside the box are dropped as they are cut off, so a 100 m boom
    costs only its part in the box."""
    def reach(p: np.ndarray) -> np.ndarray:
        return np.all((p.max(axis=1) >= lo) & (p.min(axis=1) <= hi), axis=1)

    done = []
    poly = poly[reach(poly)]
    for _ in range(64):
        edge = np.linalg.norm(np.roll(poly, -1, axis=1) - poly, axis=2)  # edge k runs from vertex k to k + 1
        big = edge.max(axis=1) > max_edge
        done.append(poly[~big])
        if not big.any():
            break
        # rotate each big triangle so that its longest edge is (a, b), then split it at the midpoint m
        order = (edge[big].argmax(axis=1)[:, None] + np.arange(3)) % 3
        a, b, c = np.moveaxis(np.take_along_axis(poly[big], order[:, :, None], axis=1), 1, 0)
        m = (a + b) / 2
        poly = np.concatenate([np.stack([a, m, c], axis=1), np.stack([m, b, c], axis=1)])
        poly = poly[reach(poly)]
    out = np.concatenate(done) if done else poly
    centre = out.mean(axis=1)
    return out[np.all((centre >= lo) & (centre <= hi), axis=1)]


def _bus_iso(ax: Any, parts: list[_Part]) -> None:
    """An isometric close view of the bus and the wing roots: triangles within a box about the bus."""
    from mpl_toolkits.mplot3d.art3d import Poly3DCollection

    bus = _bounds(parts, "bus")
    lo, hi = bus if bus is not None else _bounds(parts)
    half = 1.6 * float((hi - lo).max()) / 2
    centre = (lo + hi) / 2
    box_lo, box_hi = centre - half, centre + half
    polys, colours = [], []
    for p in parts:
        poly = _subdivide(p.tris, _MAX_EDGE * 2 * half, box_lo, box_hi)
        polys.append(poly)
        colours.append(np.broadcast_to(p.rgb, (len(poly), 3)))
    if polys:
        poly = np.concatenate(polys)
        normal = np.cross(poly[:, 1] - poly[:, 0], poly[:, 2] - poly[:, 0])
        length = np.linalg.norm(normal, axis=1, keepdims=True)
        normal = np.divide(normal, length, out=np.zeros_like(normal), where=length > 0)
        shade = np.clip((0.35 + 0.65 * np.abs(normal @ _LIGHT))[:, None] * np.concatenate(colours), 0, 1)
        ax.add_collection3d(Poly3DCollection(poly, facecolors=shade, linewidths=0))
    ax.set_xlim(box_lo[0], box_hi[0])
    ax.set_ylim(box_lo[1], box_hi[1])
    ax.set_zlim(box_lo[2], box_hi[2])
    ax.set_box_aspect((1, 1, 1))
    ax.view_init(elev=math.degrees(math.atan(1 / math.sqrt(2))), azim=-45)  # isometric
    for name in ("x", "y", "z"):
        getattr(ax, f"set_{name}label")(f"{name} [m]", fontsize=8)
    ax.tick_params(labelsize=7)
    if bus is not None:
        w, d, h = hi - lo
        ax.set_title(f"bus {w:.2f} x {d:.2f} x {h:.2f} m (isometric, wing roots)", fontsize=10)


def _envelope_radius(envelope: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Usable radius [m] at heights z above the interface plane (straight lines between the points; -inf above
    the top, so that nothing fits there)."""
    heights, diameters = envelope[:, 0], envelope[:, 1]
    r = np.interp(z, heights, diameters / 2)
    return np.where(z <= heights[-1], r, -np.inf)


def _stowed(ax_side: Any, ax_top: Any, parts: list[_Part], fairing: tuple[str, np.ndarray] | None) -> None:
    """The stowed satellite, base on the interface plane and bus centre on the axis, in the usable envelope."""
    lo3, _ = _bounds(parts)
    lifted = [_Part(p.name, p.material, p.rgb, p.tris - np.array([0.0, 0.0, lo3[2]])) for p in parts]
    nodes = np.concatenate([p.tris.reshape(-1, 3) for p in lifted])
    radius = np.hypot(nodes[:, 0], nodes[:, 1])
    height, diameter = float(nodes[:, 2].max()), 2 * float(radius.max())
    _projected(ax_side, lifted, 0, 2, 1, towards=-1.0)
    _projected(ax_top, lifted, 0, 1, 2, towards=1.0)
    from matplotlib.patches import Circle, Polygon

    text = f"stowed: {diameter:.2f} m dia. x {height:.2f} m (from the mesh)"
    if fairing is not None:
        name, env = fairing
        outline = np.concatenate([np.column_stack([env[:, 1] / 2, env[:, 0]]),
                                  np.column_stack([-env[::-1, 1] / 2, env[::-1, 0]])])
        ax_side.add_patch(Polygon(outline, closed=True, fc=_FAIRING_FILL, ec=_FAIRING_EDGE, lw=1.2, zorder=0))
        ax_side.axhline(0.0, color="0.3", lw=0.8)
        ax_side.text(0.0, -0.03 * env[-1, 0], "interface plane", ha="center", va="top", fontsize=8, color="0.3")
        gap = _envelope_radius(env, nodes[:, 2]) - radius
        worst = int(np.argmin(gap))
        top_r = float(_envelope_radius(env, np.array([height]))[0])
        ax_top.add_patch(Circle((0, 0), env[0, 1] / 2, fc=_FAIRING_FILL, ec=_FAIRING_EDGE, lw=1.2, zorder=0))
        if top_r < env[0, 1] / 2 - 1e-6 and np.isfinite(top_r):
            ax_top.add_patch(Circle((0, 0), top_r, fill=False, ec=_FAIRING_EDGE, lw=0.9, ls="--", zorder=0))
        ax_side.plot([nodes[worst, 0]], [nodes[worst, 2]], "x", color="crimson", ms=7, zorder=5)
        ax_top.plot([nodes[worst, 0]], [nodes[worst, 1]], "x", color="crimson", ms=7, zorder=5)
        fits = gap[worst] >= 0
        text += (f"\n{name} usable envelope {env[0, 1]:.2f} m dia. x {env[-1, 0]:.2f} m"
                 f"\nclearance (drawn): radial {gap[worst] * 1e3:.0f} mm at z = {nodes[worst, 2]:.2f} m (x), "
                 f"above {(env[-1, 0] - height):.2f} m" + ("" if fits else "\nDOES NOT FIT the envelope"))
        half = max(env[:, 1].max() / 2, 0.4 * env[-1, 0])  # room for the text beside the nose
        side_hi = np.array([half, env[-1, 0]])
        side_lo = np.array([-half, 0.0])
        top_half = max(env[0, 1] / 2, diameter / 2)
    else:
        text += "\nno fairing envelope given"
        side_hi = np.array([diameter / 2, height])
        side_lo = np.array([-diameter / 2, 0.0])
        top_half = diameter / 2
    ax_top.add_patch(Circle((0, 0), diameter / 2, fill=False, ec="crimson", lw=0.8, ls=":", zorder=3))
    _frame(ax_side, side_lo, side_hi, 0.05 * float((side_hi - side_lo).max()))
    _frame(ax_top, np.full(2, -top_half), np.full(2, top_half), 0.08 * top_half)
    ax_side.set_xlabel("x [m]", fontsize=8)
    ax_side.set_ylabel("z above the interface plane [m]", fontsize=8)
    ax_top.set_xlabel("x [m]", fontsize=8)
    ax_top.set_ylabel("y [m]", fontsize=8)
    _scale_bar(ax_side, float(side_hi[0] - side_lo[0]))
    _scale_bar(ax_top, 2 * top_half)
    ax_side.set_title("stowed, side (looking along +y) in the fairing", fontsize=10)
    ax_top.set_title("stowed, top, in the fairing (dotted: enclosing circle)", fontsize=10)
    ax_side.text(0.02, 0.98, text, transform=ax_side.transAxes, va="top", ha="left", fontsize=7.5, wrap=True,
                 bbox=dict(boxstyle="round,pad=0.3", fc="white", ec="0.7", alpha=0.9))


def _views(satellite: Any, states: tuple[str, ...]) -> dict[str, Any]:
    if isinstance(satellite, SatelliteSpec):
        from spacedc.geometry.parts import make_satellite

        return {state: make_satellite(satellite, state) for state in states}
    if isinstance(satellite, Mapping):
        missing = [s for s in states if s not in satellite]
        if missing:
            raise ValueError(f"satellite: no {' or '.join(missing)} assembly in the mapping (it holds "
                             f"{', '.join(map(str, satellite)) or 'nothing'})")
        return {state: satellite[state] for state in states}
    if len(states) != 1:
        raise ValueError(f"states = {states}: one assembly is one configuration; give states=('deployed',) or "
                         f"('stowed',), or a mapping state -> assembly")
    return {states[0]: satellite}


def _fairing(fairing: Any) -> tuple[str, np.ndarray] | None:
    if fairing is None:
        return None
    try:
        name, envelope = fairing
    except (TypeError, ValueError):
        raise TypeError(f"fairing = {fairing!r}: expected (name, envelope), the envelope an (n, 2) length "
                        f"Quantity of (height above the interface plane, diameter) points") from None
    env = np.asarray(si(envelope, "m", "fairing envelope", lo=0), dtype=float)
    if env.ndim != 2 or env.shape[1] != 2 or len(env) < 2:
        raise ValueError(f"fairing envelope: shape {env.shape}, expected (n >= 2, 2) points (height, diameter)")
    if np.any(np.diff(env[:, 0]) < 0) or env[0, 1] <= 0:
        raise ValueError("fairing envelope: heights must not decrease and the base diameter must be > 0")
    return str(name), env


def render_preview(satellite: Any, path: str | os.PathLike[str], *, states: tuple[str, ...] = PREVIEW_STATES,
                   fairing: Any = None, hidden_materials: tuple[str, ...] = HIDDEN_MATERIALS,
                   dpi: int = 100) -> Path:
    """Draw a satellite, deployed (plan, elevation, bus) and stowed (in the fairing), into a PNG (atomically).

    Parameters
    ----------
    satellite : SatelliteSpec, mapping state -> cq.Assembly, or cq.Assembly
        A spec is built in each of ``states`` with :func:`geometry.make_satellite`; a mapping gives the
        assemblies (keys "deployed", "stowed"); a lone assembly is the one state in ``states``.
    path : str or PathLike
        The PNG file.
    states : tuple of {"deployed", "stowed"}
        What to draw; only these.
    fairing : (str, Quantity [length] of shape (n, 2)), optional
        The launch vehicle's name and usable envelope: points (height above the interface plane, diameter) up
        the axis, joined by straight lines (``structure.LaunchVehicle.envelope``). Drawn around the stowed
        satellite; without it the stowed views draw none.
    hidden_materials : tuple of str
        Materials not drawn (enclosed parts; matplotlib sorts polygons, it has no depth buffer).
    dpi : int
        The figure is 15 inches wide.

    Returns
    -------
    pathlib.Path
        The PNG written. See the module docstring for the panels.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    states = tuple(states)
    bad = [s for s in states if s not in PREVIEW_STATES]
    if not states or bad or len(set(states)) != len(states):
        raise ValueError(f"states = {states!r}: give one or both of {', '.join(PREVIEW_STATES)}, once each")
    env = _fairing(fairing)
    views = _views(satellite, states)
    hidden = tuple(hidden_materials)
    parts = {state: _parts(obj, hidden) for state, obj in views.items()}
    rows: list[tuple[str, float]] = []
    if "deployed" in parts and parts["deployed"]:
        lo, hi = _bounds(parts["deployed"])
        span = hi - lo
        plan_ratio = min(span[:2]) / max(span[:2])
        elev_ratio = span[2] / span[0] if span[0] > 0 else 1.0
        rows += [("plan", float(np.clip(_WIDTH_IN * plan_ratio * 1.1 + 1.4, 3.0, 7.5))),
                 ("elevation", float(np.clip(_WIDTH_IN * elev_ratio * 1.1 + 1.4, 2.4, 5.0)))]
    bottom = (["bus"] if "deployed" in parts and parts["deployed"] else []) + (
        ["side", "top"] if "stowed" in parts and parts["stowed"] else [])
    if bottom:
        rows.append(("bottom", 5.5))
    if not rows:
        raise ValueError("satellite: nothing to draw (every part is of a hidden material)")
    height = sum(h for _, h in rows)
    fig = Figure(figsize=(_WIDTH_IN, height), dpi=dpi)
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(len(rows), 6, height_ratios=[h for _, h in rows], hspace=0.35, wspace=0.6,
                            left=0.06, right=0.98, bottom=0.6 / height, top=1 - 0.4 / height)
    for i, (kind, _) in enumerate(rows):
        if kind == "plan":
            _plan(fig.add_subplot(grid[i, :]), parts["deployed"])
        elif kind == "elevation":
            _elevation(fig.add_subplot(grid[i, :]), parts["deployed"])
        else:
            width = 6 // len(bottom)
            axes = {}
            for j, cell in enumerate(bottom):
                spec = grid[i, j * width:(j + 1) * width]
                axes[cell] = fig.add_subplot(spec, projection="3d") if cell == "bus" else fig.add_subplot(spec)
            if "bus" in axes:
                _bus_iso(axes["bus"], parts["deployed"])
            if "side" in axes:
                _stowed(axes["side"], axes["top"], parts["stowed"], env)
    return atomic_write(path, lambda tmp: fig.savefig(tmp, format="png"))
