"""From a sized design to CAD: geometry specs, solids, export, and the CAD-versus-analytic mass check.

The sized radiator area is split over ``thermal.wings`` wings of ``panel_count / wings`` panels each, every
panel ``thermal.panel_width`` wide, with the sized heat pipes, face sheets and core, and as long as makes
the wing's share of the area exactly (so the CAD's deployed radiating area equals the sized one; the panels
come out no longer than ``thermal.panel_length``). The array area is split over ``geometry.array_wings`` wings of
``geometry.array_wing_width``; the bus is a square box of ``geometry.bus_width`` tall enough for the chip
racks. CadQuery is imported by :mod:`geometry` only when a solid is built.

Masses: face sheets and core take the design's material and core density (spacedc.materials), hinges and
the bus the densities of :data:`DENSITIES` (rows of spacedc.materials); heat pipes and manifolds carry their fluid, so their
sized mass per length is smeared over the CAD tube walls. The radiator's CAD mass is then an independent
check of the analytic areal density (lugs, pipe bores and the manifold geometry differ). Parts whose make-up
the CAD does not resolve (the array blanket and its booms, the racks) carry a smeared density equal to their
analytic mass over their CAD volume, so their CAD mass equals the analytic one by construction and is
reported as such.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import numpy as np
import pint

from spacedc import geometry
from spacedc import materials
from spacedc import power
from spacedc.designs.result import DesignResult
from spacedc.designs.design import Design
from spacedc.designs.envelope import bus_height, stowed_envelope_estimate
from spacedc.results import Result
from spacedc.units import Q_

__all__ = ["DENSITIES", "has_geometry", "satellite_spec", "CadReport", "build_cad", "cad_paths", "write_cad",
           "analytic_envelope"]

#: The CAD's resolved materials: part -> row of :data:`spacedc.materials.MATERIALS` (face sheet and core are
#: replaced by the design's own, heat pipes and manifolds by their sized mass per length).
CAD_MATERIALS: dict[str, str] = {
    "face_sheet": "al6061-t6", "core": "hexweb-5052-3.1pcf", "heat_pipe": "al6063-t5", "manifold": "al6061-t6",
    "hinge": "ti-6al-4v", "structure": "al6061-t6",
}
#: Densities of the resolved CAD materials [kg/m^3], each with its source (from :data:`CAD_MATERIALS`).
DENSITIES: dict[str, tuple[float, str]] = {
    part: (materials.material(row).density, materials.material(row).source) for part, row in CAD_MATERIALS.items()}
_SMEARED = ("blanket", "boom", "array_panel", "rack")
_RADIATOR = ("face_sheet", "core", "heat_pipe", "manifold", "hinge")
_ARRAY = ("blanket", "boom", "array_panel")


def has_geometry(result: DesignResult) -> bool:
    """Whether sizing produced finite radiator and array areas (a design may still fail a launch margin)."""
    return bool(np.isfinite(result.radiator_area.m) and np.isfinite(result.array.area.m))


def _scalar(result: DesignResult) -> None:
    if np.ndim(result.feasible):
        raise ValueError("CAD is built for one design point; size a design without array-valued fields")
    if not has_geometry(result):
        raise ValueError(f"{result.name} has no geometry (its radiator or array area is unbounded): {result.reasons}")


def satellite_spec(design: Design, result: DesignResult) -> geometry.SatelliteSpec:
    """The :class:`geometry.SatelliteSpec` of a sized single-point design with finite areas."""
    _scalar(result)
    th, g = design.thermal, design.geometry
    wings = int(th.wings)
    per_wing = int(result.panel_count) // wings
    radiator = geometry.RadiatorWingSpec.from_area(
        result.radiator_area / wings, per_wing, th.panel_width, pipe_count=int(result.panels.pipes_per_panel),
        pipe_diameter=th.pipe_diameter, pipe_wall_thickness=th.pipe_wall_thickness,
        face_sheet_thickness=th.face_sheet_thickness, core_thickness=th.core_thickness)
    cell = power.cell(design.power.cell)
    kind = "flexible" if "blanket" in cell.construction else "rigid"
    array = geometry.SolarArrayWingSpec.from_area(result.array.area / g.array_wings, g.array_wing_width, kind=kind)
    racks = math.ceil(design.payload.chip_count / g.chips_per_rack)
    bus = _bus(g.bus_width.m_as("m"), racks)
    return geometry.SatelliteSpec(bus=bus, radiator=radiator, array=array, radiator_wing_count=wings,
                                  array_wing_count=int(g.array_wings), name=design.name)


def _bus(width: float, racks: int) -> geometry.BusSpec:
    height = float(bus_height(width * 1e3, racks)) / 1e3
    return geometry.BusSpec(width=Q_(width, "m"), depth=Q_(width, "m"), height=Q_(height, "m"),
                            wall_thickness=Q_(0.003, "m"), rack_count=racks)


def _payload_kg(design: Design) -> float:
    """Payload mass before growth: chips times their mass each (as the sizing's mass budget starts)."""
    return float(design.payload.chip_count * design.payload.mass_per_chip.m_as("kg"))


def _densities(spec: geometry.SatelliteSpec, result: DesignResult, design: Design) -> dict[str, pint.Quantity]:
    th = design.thermal
    volumes = {k: v.m_as("m^3") for k, v in spec.volume_by_material().items()}
    dens = {k: v[0] for k, v in DENSITIES.items()}
    dens["face_sheet"] = materials.material(th.face_sheet_material).density
    dens["core"] = th.core_density.m_as("kg/m^3")
    # Heat pipes and manifolds carry their fluid: smear the sized mass per length over the CAD tube walls.
    panels = spec.radiator_wing_count * spec.radiator.panel_count
    panel = spec.radiator.panel
    pipe_length = panels * panel.pipe_count * panel.length.m_as("m")
    dens["heat_pipe"] = th.pipe_linear_mass.m_as("kg/m") * pipe_length / volumes["heat_pipe"]
    if volumes.get("manifold") and th.manifold_linear_mass.m_as("kg/m") > 0:
        dens["manifold"] = th.manifold_linear_mass.m_as("kg/m") * panels * panel.width.m_as("m") / volumes["manifold"]
    array_volume = sum(volumes.get(k, 0.0) for k in _ARRAY)
    for k in _ARRAY:
        if volumes.get(k):
            dens[k] = result.array.mass.m_as("kg") / array_volume
    if volumes.get("rack"):
        dens["rack"] = _payload_kg(design) / volumes["rack"]
    return {k: Q_(v, "kg/m^3") for k, v in dens.items()}


@dataclasses.dataclass(frozen=True)
class CadReport(Result):
    """CAD measurements of a sized design beside its analytic values.

    ``mass_check`` maps each part (radiator, array, payload racks) to its CAD mass, analytic mass, relative
    difference and whether it exceeds 5 %; smeared parts say so.
    """

    radiating_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    array_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    stowed_height: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    stowed_radius: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    cad_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    centre_of_mass: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    inertia: pint.Quantity = dataclasses.field(metadata={"unit": "kg*m^2"})
    mass_check: dict
    files: tuple


def build_cad(design: Design, result: DesignResult, state: str = "deployed") -> Any:
    """The satellite as a named, coloured ``cq.Assembly`` (``state`` "deployed" or "stowed")."""
    return geometry.make_satellite(satellite_spec(design, result), state)


def cad_paths(name: str, out_dir: str | Path, formats=("step",), states=("deployed", "stowed"), *,
              preview: bool = True) -> list[Path]:
    """The files :func:`write_cad` writes for design ``name``: each state in each format, then the preview."""
    suffix = {"step": "step", "stl": "stl", "gltf": "glb"}
    out = Path(out_dir)
    paths = [out / f"{name}_{state}.{suffix[fmt]}" for state in states for fmt in formats]
    return paths + ([out / f"{name}_preview.png"] if preview else [])


def write_cad(design: Design, result: DesignResult, out_dir: str | Path, *, formats=("step",),
              states=("deployed", "stowed"), preview: bool = True) -> CadReport:
    """Build, measure and export the satellite. Files are written atomically into ``out_dir``."""
    spec = satellite_spec(design, result)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    assemblies = {state: geometry.make_satellite(spec, state) for state in ("deployed", "stowed")}
    files = []
    paths = iter(cad_paths(design.name, out, formats, states, preview=preview))
    for state in states:
        for fmt in formats:
            files.append(geometry.export(assemblies[state], next(paths), fmt))
    if preview:
        files.append(geometry.render_preview(spec, next(paths)))

    densities = _densities(spec, result, design)
    props = geometry.mass_properties(assemblies["deployed"], densities)
    areas = geometry.cad_areas(assemblies["deployed"])
    envelope = geometry.stowed_envelope(assemblies["stowed"])
    by_material = {k: v.m_as("kg") for k, v in props.mass_by_material.items()}
    radiator_cad = sum(by_material.get(k, 0.0) for k in _RADIATOR)
    checks = {
        "radiator": _check(radiator_cad, result.radiator_mass.m_as("kg"), smeared=False),
        "array": _check(sum(by_material.get(k, 0.0) for k in _ARRAY), result.array.mass.m_as("kg"), smeared=True),
        "payload_racks": _check(by_material.get("rack", 0.0), _payload_kg(design), smeared=True),
    }
    return CadReport(
        radiating_area=areas.radiating_area, array_area=areas.array_area,
        stowed_height=envelope.height.to("m"), stowed_radius=envelope.radius.to("m"),
        cad_mass=props.mass.to("kg"), centre_of_mass=props.centre_of_mass.to("m"),
        inertia=props.inertia.to("kg*m^2"), mass_check=checks, files=tuple(str(f) for f in files),
    )


def _check(cad: float, analytic: float, *, smeared: bool) -> dict[str, Any]:
    diff = (cad - analytic) / analytic if analytic else 0.0
    return {"cad_kg": cad, "analytic_kg": analytic, "relative_difference": diff,
            "over_5_percent": bool(abs(diff) > 0.05), "smeared_density": smeared}


def cad_summary(report: CadReport) -> dict[str, Any]:
    """The ``cad`` section added to ``summary.json`` by ``spacedc size --cad`` and ``spacedc cad``."""
    data = report.to_dict()
    data["files"] = list(report.files)
    return data



def analytic_envelope(spec: geometry.SatelliteSpec) -> tuple[pint.Quantity, pint.Quantity]:
    """Height and radius of the stowed cylinder of ``spec`` from its dimensions alone
    (:func:`designs.envelope.stowed_envelope_estimate`, the estimate the launch checks use without CAD)."""
    p, a = spec.radiator.panel._mm, spec.array._mm
    height, radius = stowed_envelope_estimate(
        bus_width_mm=spec.bus._mm["width"], racks=spec.bus.rack_count, panels_per_wing=spec.radiator.panel_count,
        panel_width_mm=p["width"], panel_length_mm=p["length"], panel_thickness_mm=p["thickness"],
        array_flexible=spec.array.kind == "flexible", array_width_mm=a["width"], array_length_mm=a["length"])
    return Q_(float(height), "mm").to("m"), Q_(float(radius), "mm").to("m")
