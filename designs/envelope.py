"""The stowed envelope from dimensions alone, vectorized: what launch checks use when no CAD is built.

The stowed layout is that of :func:`geometry.make_satellite` (origin at the bus centre, +Z the launch axis):
the bus, a square box; each radiator wing an accordion stack against a bus face along X, its panels standing
with their width along Y and their length along Z; each array wing a roll (flexible) or an accordion stack
(rigid) against a bus face along Y. Every part's bounding box gives its farthest corner from the axis; the
envelope is the cylinder through the farthest corner of all, and as tall as the tallest part. It bounds the
envelope measured on the solids (:func:`geometry.stowed_envelope`; tested), with the geometry package's default
detail dimensions below.
"""

from __future__ import annotations

import numpy as np

__all__ = ["stowed_envelope_estimate", "bus_height"]

# geometry.specs defaults (mm): wing root offset, manifold diameter, panel stow gap, hinge lug length;
# array mandrel radius, blanket thickness, boom diameter and wall, rigid-panel gap and count.
_ROOT_OFFSET, _MANIFOLD, _STOW_GAP, _LUG = 50.0, 25.0, 5.0, 30.0
_MANDREL, _BLANKET, _BOOM, _BOOM_WALL, _PANEL_GAP, _RIGID_PANELS = 75.0, 1.0, 100.0, 0.5, 20.0, 4
# geometry.BusSpec racks (mm) and the bus shell of designs.cad
_RACK_W, _RACK_H, _WALL, _AVIONICS = 600.0, 500.0, 3.0, 200.0


def bus_height(width_mm, racks):
    """Height [mm] of the square bus that holds ``racks`` racks, level by level (designs.cad's bus)."""
    per_level = np.maximum(np.floor((np.asarray(width_mm) - 2 * _WALL) / _RACK_W) ** 2, 1)
    levels = np.maximum(np.ceil(np.asarray(racks) / per_level), 1)
    return levels * _RACK_H + 2 * _WALL + _AVIONICS


def stowed_envelope_estimate(*, bus_width_mm, racks, panels_per_wing, panel_width_mm, panel_length_mm,
                             panel_thickness_mm, array_flexible, array_width_mm, array_length_mm):
    """(height, radius) [mm] of the stowed cylinder about +Z; all inputs broadcast (float arrays in mm)."""
    half_bus = np.asarray(bus_width_mm) / 2
    pitch = np.maximum(panel_thickness_mm, _MANIFOLD) + _STOW_GAP
    depth = np.maximum(panel_thickness_mm, _MANIFOLD) + (np.asarray(panels_per_wing) - 1) * pitch
    radiator = (half_bus + _ROOT_OFFSET + depth, np.asarray(panel_width_mm) / 2 + _LUG,
                (np.asarray(panel_length_mm) + _MANIFOLD) / 2)
    roll = np.sqrt(_MANDREL**2 + np.asarray(array_length_mm) * np.maximum(_BLANKET, _BOOM_WALL) / np.pi)
    strip = np.pi * (_BOOM - _BOOM_WALL)
    flexible = (np.asarray(array_width_mm) / 2 + strip, half_bus + _ROOT_OFFSET + 2 * roll, roll)
    rigid = (np.asarray(array_width_mm) / 2,
             half_bus + _ROOT_OFFSET + _RIGID_PANELS * (_BLANKET + _STOW_GAP) + _PANEL_GAP,
             np.asarray(array_length_mm) / _RIGID_PANELS / 2)
    array = tuple(np.where(array_flexible, f, r) for f, r in zip(flexible, rigid))
    bus = (half_bus, half_bus, bus_height(bus_width_mm, racks) / 2)
    parts = [np.broadcast_arrays(*b) for b in (bus, radiator, array)]
    shape = np.broadcast_shapes(*[p[0].shape for p in parts])
    radius = np.max([np.broadcast_to(np.hypot(p[0], p[1]), shape) for p in parts], axis=0)
    height = 2 * np.max([np.broadcast_to(p[2], shape) for p in parts], axis=0)
    return height, radius
