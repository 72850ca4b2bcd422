"""A PNG preview of a satellite, deployed and stowed, drawn with matplotlib (Agg) from a tessellation."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from spacedc.geometry._shapes import MESH_TOLERANCE_BOUNDS_MM, compound, diagonal_mm, leaves, triangles
from spacedc.geometry.exporters import atomic_write
from spacedc.geometry.specs import SatelliteSpec

__all__ = ["render_preview", "HIDDEN_MATERIALS"]

#: Materials enclosed by others (inside panels and the bus); not drawn, as matplotlib has no depth buffer.
HIDDEN_MATERIALS = ("core", "heat_pipe", "rack")
_PREVIEW_TOLERANCE = 5e-3  # linear deflection, of the bounding-box diagonal (a picture, not a measurement)
_MAX_EDGE = 0.04  # longest triangle edge drawn, of the scene diagonal
_LIGHT = np.array([0.4, -0.5, 0.77]) / np.linalg.norm([0.4, -0.5, 0.77])


def _views(satellite: Any) -> dict[str, Any]:
    if isinstance(satellite, SatelliteSpec):
        from spacedc.geometry.parts import make_satellite

        return {state: make_satellite(satellite, state) for state in ("deployed", "stowed")}
    if isinstance(satellite, Mapping):
        return dict(satellite)
    return {"": satellite}


def _subdivide(poly: np.ndarray, colour: np.ndarray, max_edge: float) -> tuple[np.ndarray, np.ndarray]:
    """Bisect triangles (m, 3, 3) across their longest edge until no edge exceeds ``max_edge``, so that
    matplotlib's per-polygon depth sort (by centroid) does not put a huge face over small parts. Bisection
    keeps the count linear in a slender triangle's length."""
    for _ in range(24):
        edge = np.linalg.norm(np.roll(poly, -1, axis=1) - poly, axis=2)  # edge k runs from vertex k to k + 1
        longest = edge.argmax(axis=1)
        big = edge.max(axis=1) > max_edge
        if not big.any():
            break
        # rotate each big triangle so that its longest edge is (a, b), then split it at the midpoint m
        order = (longest[big, None] + np.arange(3)) % 3
        a, b, c = np.moveaxis(np.take_along_axis(poly[big], order[:, :, None], axis=1), 1, 0)
        m = (a + b) / 2
        poly = np.concatenate([poly[~big], np.stack([a, m, c], axis=1), np.stack([m, b, c], axis=1)])
        colour = np.concatenate([colour[~big], colour[big], colour[big]])
    return poly, colour


def _draw(ax: Any, obj: Any, hidden: tuple[str, ...]) -> None:
    """All visible triangles in one Poly3DCollection, so that matplotlib depth-sorts them together."""
    from mpl_toolkits.mplot3d.art3d import Poly3DCollection

    tol = max(_PREVIEW_TOLERANCE * diagonal_mm(compound(obj)), MESH_TOLERANCE_BOUNDS_MM[0])
    polys, colours = [], []
    for leaf in leaves(obj):
        if leaf.material in hidden:
            continue
        nodes, tris = triangles(leaf.shape, tol, 0.5)
        poly = nodes[tris] * 1e-3  # m
        normal = np.cross(poly[:, 1] - poly[:, 0], poly[:, 2] - poly[:, 0])
        length = np.linalg.norm(normal, axis=1, keepdims=True)
        normal = np.divide(normal, length, out=np.zeros_like(normal), where=length > 0)
        rgb = np.array(leaf.color.toTuple()[:3]) if leaf.color is not None else np.full(3, 0.6)
        polys.append(poly)
        colours.append(np.clip((0.35 + 0.65 * np.abs(normal @ _LIGHT))[:, None] * rgb, 0, 1))
    if polys:
        poly = np.concatenate(polys)
        lo, hi = poly.reshape(-1, 3).min(0), poly.reshape(-1, 3).max(0)
        poly, colour = _subdivide(poly, np.concatenate(colours), _MAX_EDGE * float(np.linalg.norm(hi - lo)))
        ax.add_collection3d(Poly3DCollection(poly, facecolors=colour, linewidths=0))
        centre, half = (lo + hi) / 2, (hi - lo).max() / 2
        ax.set_xlim(centre[0] - half, centre[0] + half)
        ax.set_ylim(centre[1] - half, centre[1] + half)
        ax.set_zlim(centre[2] - half, centre[2] + half)
        ax.set_box_aspect((1, 1, 1))
    ax.set_xlabel("x [m]")
    ax.set_ylabel("y [m]")
    ax.set_zlabel("z [m]")


def render_preview(satellite: Any, path: str | os.PathLike[str], *, hidden_materials: tuple[str, ...] =
                   HIDDEN_MATERIALS, dpi: int = 100) -> Path:
    """Draw a satellite deployed and stowed, side by side, into a PNG file (written atomically).

    Parameters
    ----------
    satellite : SatelliteSpec, cq.Assembly, or mapping title -> assembly
        A spec is built in both states with :func:`geometry.make_satellite`.
    path : str or PathLike
        The PNG file.
    hidden_materials : tuple of str
        Materials not drawn (enclosed parts; matplotlib sorts polygons, it has no depth buffer).

    Shapes are tessellated coarsely (linear deflection 0.5 % of the bounding-box diagonal, 0.5 rad) and
    drawn as ``Poly3DCollection`` with Lambert shading; axes are in metres with equal scale.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    views = _views(satellite)
    fig = Figure(figsize=(6 * len(views), 6), dpi=dpi)
    FigureCanvasAgg(fig)
    for i, (title, obj) in enumerate(views.items()):
        ax = fig.add_subplot(1, len(views), i + 1, projection="3d")
        _draw(ax, obj, tuple(hidden_materials))
        ax.set_title(title)
    fig.subplots_adjust(left=0.02, right=0.95, bottom=0.05, top=0.95, wspace=0.1)
    return atomic_write(path, lambda tmp: fig.savefig(tmp, format="png"))
