"""geometry: CadQuery parts and assemblies of radiator panels and wings, array wings, bus and satellite.

Specs (:mod:`geometry.specs`) are frozen dataclasses of Quantities with analytic volumes and areas; the
builders (:mod:`geometry.parts`) turn them into CadQuery assemblies in millimetres; :mod:`geometry.exporters`
writes STEP (mm, +Z up), STL (a folder of one file per part, mm, +Z up) and binary glTF (one node per part, m,
+Y up) atomically; :mod:`geometry.massprops` measures mass properties, areas and the stowed envelope on the
solids, and adds lumped masses to them; :mod:`geometry.preview` draws a PNG (the deployed satellite
dimensioned, its bus, the stowed satellite in the fairing).

Importing this package does not import cadquery (about a second or more): every function that needs it
imports it when called. geometry depends on no other spacedc package than ``spacedc`` itself.
"""

from spacedc.geometry.exporters import FORMATS, MESH_AXES, atomic_write, export, part_meshes
from spacedc.geometry.massprops import (
    CadAreas,
    MassElement,
    MassProperties,
    StowedEnvelope,
    cad_areas,
    cad_volumes,
    combine_masses,
    mass_groups,
    mass_properties,
    min_enclosing_circle,
    stowed_envelope,
)
from spacedc.geometry.parts import (
    MATERIAL_COLOURS,
    STATES,
    make_array_wing,
    make_bus,
    make_radiator_panel,
    make_radiator_wing,
    make_satellite,
)
from spacedc.geometry.preview import render_preview
from spacedc.geometry.specs import (
    MAX_ARRAY_WINGS,
    BusSpec,
    RadiatorPanelSpec,
    RadiatorWingSpec,
    SatelliteSpec,
    SolarArrayWingSpec,
    field_default,
    radiator_wings_per_face,
)

__all__ = [
    "RadiatorPanelSpec", "RadiatorWingSpec", "SolarArrayWingSpec", "BusSpec", "SatelliteSpec",
    "field_default", "radiator_wings_per_face", "MAX_ARRAY_WINGS",
    "make_radiator_panel", "make_radiator_wing", "make_array_wing", "make_bus", "make_satellite",
    "MATERIAL_COLOURS", "STATES",
    "export", "atomic_write", "FORMATS", "MESH_AXES", "part_meshes",
    "mass_properties", "mass_groups", "combine_masses", "cad_volumes", "cad_areas", "stowed_envelope",
    "min_enclosing_circle", "MassProperties", "MassElement", "CadAreas", "StowedEnvelope",
    "render_preview",
]
