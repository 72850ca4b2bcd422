"""The stowed envelope from dimensions alone, vectorized: what launch checks use when no CAD is built.

The stowed layout is that of :func:`geometry.make_satellite` (origin at the bus centre, +Z the launch axis;
see :mod:`geometry.specs` for the radiator wing layout): the bus, a square box; N radiator wings, ceil(N/2)
on the +X face and floor(N/2) on the -X face, each an accordion stack standing against its face with its
panels' width along Y and their length along Z, the wings of one face one above the other along Z in bands
of L + D_m (panel length plus manifold), ``wing_gap`` apart, the column centred on z = 0; each array wing a
roll (flexible) or an accordion stack (rigid) against a bus face along Y. Every part's bounding box gives
its farthest corner from the axis; the envelope is the cylinder through the farthest corner of all, and as
tall as the tallest part. It bounds the envelope measured on the solids (:func:`geometry.stowed_envelope`;
tested), with the geometry package's default detail dimensions, read from its spec classes (never copied).
"""

from __future__ import annotations

import numpy as np

from spacedc.geometry.specs import (
    BusSpec,
    RadiatorPanelSpec,
    RadiatorWingSpec,
    SatelliteSpec,
    SolarArrayWingSpec,
    field_default,
    radiator_wings_per_face,
)

__all__ = ["stowed_envelope_estimate", "bus_height"]

# The geometry's detail dimensions (mm): wing root offset and the gap between wings on a face; panel manifold
# diameter, hinge lug length, stowed panel gap; array mandrel radius, blanket (or rigid panel) thickness, boom
# diameter and wall, rigid-panel gap, count and stowed gap; racks and bus wall.
_ROOT_OFFSET = field_default(SatelliteSpec, "root_offset", "mm")
_WING_GAP = field_default(SatelliteSpec, "wing_gap", "mm")
_MANIFOLD = field_default(RadiatorPanelSpec, "manifold_diameter", "mm")
_LUG = field_default(RadiatorPanelSpec, "lug_length", "mm")
_STOW_GAP = field_default(RadiatorWingSpec, "stow_gap", "mm")
_MANDREL = field_default(SolarArrayWingSpec, "mandrel_radius", "mm")
_BLANKET = field_default(SolarArrayWingSpec, "thickness", "mm")
_BOOM = field_default(SolarArrayWingSpec, "boom_diameter", "mm")
_BOOM_WALL = field_default(SolarArrayWingSpec, "boom_wall_thickness", "mm")
_PANEL_GAP = field_default(SolarArrayWingSpec, "panel_gap", "mm")
_RIGID_PANELS = field_default(SolarArrayWingSpec, "panel_count")
_ARRAY_STOW_GAP = field_default(SolarArrayWingSpec, "stow_gap", "mm")
_RACK_W = field_default(BusSpec, "rack_width", "mm")
_RACK_D = field_default(BusSpec, "rack_depth", "mm")
_RACK_H = field_default(BusSpec, "rack_height", "mm")
_WALL = field_default(BusSpec, "wall_thickness", "mm")
#: Height added above the rack levels for avionics, battery and propulsion [mm] (spacedc's assumption; the bus
#: of designs.cad).
_AVIONICS = 200.0


def bus_height(width_mm, racks):
    """Height [mm] of the square bus that holds ``racks`` racks, level by level (designs.cad's bus)."""
    inner = np.asarray(width_mm) - 2 * _WALL
    per_level = np.maximum(np.floor(inner / _RACK_W) * np.floor(inner / _RACK_D), 1)
    levels = np.maximum(np.ceil(np.asarray(racks) / per_level), 1)
    return levels * _RACK_H + 2 * _WALL + _AVIONICS


def stowed_envelope_estimate(*, bus_width_mm, racks, panels_per_wing, panel_width_mm, panel_length_mm,
                             panel_thickness_mm, array_flexible, array_width_mm, array_length_mm, wings=2):
    """(height, radius) [mm] of the stowed cylinder about +Z; all inputs broadcast (float arrays in mm).

    ``wings`` radiator wings: the tallest column, ceil(wings / 2) bands on one face, is
    m (L + D_m) + (m - 1) gap high; each stack reaches x = W_bus/2 + root offset + its depth and
    y = W/2 + lug length.
    """
    half_bus = np.asarray(bus_width_mm) / 2
    pitch = np.maximum(panel_thickness_mm, _MANIFOLD) + _STOW_GAP
    depth = np.maximum(panel_thickness_mm, _MANIFOLD) + (np.asarray(panels_per_wing) - 1) * pitch
    per_face = np.maximum(radiator_wings_per_face(wings)[0], 1)
    column = per_face * (np.asarray(panel_length_mm) + _MANIFOLD) + (per_face - 1) * _WING_GAP
    radiator = (half_bus + _ROOT_OFFSET + depth, np.asarray(panel_width_mm) / 2 + _LUG, column / 2)
    roll = np.sqrt(_MANDREL**2 + np.asarray(array_length_mm) * np.maximum(_BLANKET, _BOOM_WALL) / np.pi)
    strip = np.pi * (_BOOM - _BOOM_WALL)
    flexible = (np.asarray(array_width_mm) / 2 + strip, half_bus + _ROOT_OFFSET + 2 * roll, roll)
    rigid = (np.asarray(array_width_mm) / 2,
             half_bus + _ROOT_OFFSET + _RIGID_PANELS * (_BLANKET + _ARRAY_STOW_GAP) + _PANEL_GAP,
             np.asarray(array_length_mm) / _RIGID_PANELS / 2)
    array = tuple(np.where(array_flexible, f, r) for f, r in zip(flexible, rigid))
    bus = (half_bus, half_bus, bus_height(bus_width_mm, racks) / 2)
    parts = [np.broadcast_arrays(*b) for b in (bus, radiator, array)]
    shape = np.broadcast_shapes(*[p[0].shape for p in parts])
    radius = np.max([np.broadcast_to(np.hypot(p[0], p[1]), shape) for p in parts], axis=0)
    height = 2 * np.max([np.broadcast_to(p[2], shape) for p in parts], axis=0)
    return height, radius
