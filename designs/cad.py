"""From a sized design to CAD: geometry specs, solids, export, and the mass properties of the whole satellite.

The sized radiator area is split over ``thermal.wings`` wings of ``panel_count / wings`` panels each, every
panel the thermal section's (:meth:`ThermalChoices.geometry_panel`: ``thermal.panel_width`` wide, with the
sized heat pipes, face sheets and core) and as long as makes the wing's share of the area exactly (so the
CAD's deployed radiating area equals the sized one; the panels come out no longer than
``thermal.panel_length``). The wings are placed as :mod:`geometry.specs` lays them out: in the XZ plane,
alternately on the +X and -X bus faces, stacked along the launch axis on each. The array area is split over
``geometry.array_wings`` wings of ``geometry.array_wing_width``; the bus is a square box of
``geometry.bus_width`` tall enough for the chip racks. CadQuery is imported by :mod:`geometry` only when a
solid is built.

Masses of the solids: face sheets and core take the design's material and core density (spacedc.materials),
hinges and the bus the densities of :data:`DENSITIES` (rows of spacedc.materials); heat pipes and manifolds carry their fluid,
so their sized mass per length is smeared over the CAD tube walls. The radiator's CAD mass is then an
independent check of the analytic areal density (lugs, pipe bores and the manifold geometry differ). Parts
whose make-up the CAD does not resolve (the array blanket and its booms, the racks) carry a smeared density
equal to their analytic mass over their CAD volume, so their CAD mass equals the analytic one by construction
and is reported as such.

Mass properties of the whole satellite (:func:`mass_elements`): every line of the mass budget is a
contributor, so the total is the budget's wet mass, stowed and deployed. Lines the CAD models take its
solids' distribution (the radiator wings scaled to the sized panel mass, the array, the racks, and the
budget's structure on the bus shell); the rest are lumped masses (battery, loops, ADCS, propulsion, harness
as uniform boxes through the bus; the propellant at the bus centre), growth allowances are distributed as
the subsystem they grow and the system margin as the dry satellite. ``cad.json`` lists each contributor.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pint

from spacedc import geometry
from spacedc import materials
from spacedc import power
from spacedc import structure
from spacedc.designs.result import DesignResult
from spacedc.designs.design import Design
from spacedc.designs.envelope import bus_height, stowed_envelope_estimate
from spacedc.results import Result
from spacedc.units import Q_, quantity

__all__ = ["CAD_MATERIALS", "DENSITIES", "has_geometry", "satellite_spec", "mass_elements", "CadReport", "build_cad",
           "cad_paths", "write_cad", "measure_cad", "analytic_envelope", "fairing_envelope"]

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
#: The CAD's solids in the groups the mass budget knows.
_GROUPS = {"radiator": _RADIATOR, "array": _ARRAY, "racks": ("rack",), "bus": ("structure",)}


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
    per_wing, length = th.wing_panels(result.radiator_area.m_as("m^2"), result.panel_count)
    per_wing, length = int(per_wing), float(length)
    try:
        panel = th.geometry_panel(quantity(length, "m"))
    except ValueError as exc:
        raise ValueError(f"thermal.wings = {wings}: {result.radiator_area.m_as('m^2'):.4g} m^2 of radiator over "
                         f"{wings} wings of {per_wing} panel(s) {th.panel_width:~} wide makes the panels "
                         f"{length * 1e3:.0f} mm long, which the CAD cannot build ({exc}); use fewer wings or "
                         f"narrower panels") from None
    radiator = geometry.RadiatorWingSpec(panel=panel, panel_count=per_wing)
    cell = power.cell(design.power.cell)
    kind = "flexible" if "blanket" in cell.construction else "rigid"
    array = geometry.SolarArrayWingSpec.from_area(result.array.area / g.array_wings, g.array_wing_width, kind=kind)
    racks = int(g.rack_count(result.compute.chips_total))
    bus = _bus(g.bus_width.m_as("m"), racks)
    return geometry.SatelliteSpec(bus=bus, radiator=radiator, array=array, radiator_wing_count=wings,
                                  array_wing_count=int(g.array_wings), name=design.name)


def _bus(width: float, racks: int) -> geometry.BusSpec:
    height = float(bus_height(width * 1e3, racks)) / 1e3
    return geometry.BusSpec(width=Q_(width, "m"), depth=Q_(width, "m"), height=Q_(height, "m"), rack_count=racks)


def _payload_kg(result: DesignResult) -> float:
    """Payload mass before growth: every chip flown, active and spare, times its mass (as the sizing's mass
    budget starts)."""
    return float(result.compute.mass.m_as("kg"))


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
        dens["rack"] = _payload_kg(result) / volumes["rack"]
    return {k: Q_(v, "kg/m^3") for k, v in dens.items()}


def mass_elements(design: Design, result: DesignResult, spec: geometry.SatelliteSpec,
                  solids: dict[str, geometry.MassElement]) -> list[geometry.MassElement]:
    """Every line of the sized mass budget as a contributor to the satellite's mass properties.

    ``solids`` are the CAD's groups (:func:`geometry.mass_groups` with the groups radiator, array, racks and
    bus) in one configuration. Contributors, whose masses sum to the budget's wet mass:

    - ``payload`` and ``solar_array``: the racks and the array wings (smeared densities: their CAD mass is
      already the budget's); ``radiator_panels``: the radiator wings' solids scaled to the sized panel mass
      (the CAD's own, at its material densities, is in ``mass_check``);
    - the other subsystems of the budget (``coolant_loops`` and ``battery_radiator`` of the thermal
      subsystem, ``battery``, ``adcs``, ``propulsion``) and the ``harness``: uniform boxes filling the bus
      box (the CAD does not lay out the bus equipment);
    - ``growth_<subsystem>``: its AIAA S-120A growth allowance, distributed as that subsystem;
    - ``primary_structure`` (the cylinder and the tie-downs, sized) and ``structure`` (the secondary structure,
      a fraction of the dry mass): distributed as the bus shell, the only structure the CAD holds;
      ``mechanisms`` (hinge lines, array drives) a uniform box through the bus;
    - ``system_margin``: distributed as the dry satellite (everything above);
    - ``propellant``: a point mass at the bus centre (a tank on the launch axis; its own inertia neglected).
    """
    m = result.mass
    kg = lambda q: float(q.m_as("kg"))  # noqa: E731
    b = spec.bus._mm
    size = quantity(np.array([b["width"], b["depth"], b["height"]]) * 1e-3, "m")
    centre = quantity(np.zeros(3), "m")

    def in_bus(name: str, mass: float, what: str) -> geometry.MassElement:
        return geometry.MassElement.box(name, quantity(mass, "kg"), centre, size,
                                        f"{what}: lumped, uniform through the bus box")

    radiator_kg = kg(result.radiator_mass)
    subsystems: dict[str, list[geometry.MassElement]] = {}
    for name, basic in m.basic.items():
        if name == "payload":
            parts = [solids["racks"].scaled(basic, "payload", description="chip racks (CAD solids)")]
        elif name == "solar_array":
            parts = [solids["array"].scaled(basic, "solar_array", description="array wings (CAD solids)")]
        elif name == "primary_structure":
            parts = [solids["bus"].scaled(basic, "primary_structure", description="primary cylinder and tie-downs, "
                                                                                  "distributed as the bus shell")]
        elif name == "thermal":
            loop_kg = kg(result.loop_mass)
            parts = [solids["radiator"].scaled(
                         result.radiator_mass, "radiator_panels",
                         description=f"radiator wings (CAD solids, {kg(solids['radiator'].mass):.1f} kg at their "
                                     f"own densities, scaled to the sized panel mass)"),
                     in_bus("coolant_loops", loop_kg, "coolant loop lines and coolant"),
                     in_bus("battery_radiator", kg(basic) - radiator_kg - loop_kg, "the battery's own radiator")]
        else:
            parts = [in_bus(name, kg(basic), name.replace("_", " "))]
        subsystems[name] = parts
    elements = [e for parts in subsystems.values() for e in parts]
    for name, grown in m.growth.items():
        if kg(grown) > 0:
            elements.append(geometry.combine_masses(subsystems[name]).scaled(
                grown, f"growth_{name}", kind="lumped",
                description=f"growth allowance of {name.replace('_', ' ')} (AIAA S-120A), distributed as it"))
    elements.append(solids["bus"].scaled(
        m.structure, "structure", description=f"the budget's secondary structure, distributed as the bus shell (CAD "
                                              f"solids, "
                                              f"{kg(solids['bus'].mass):.1f} kg at their own density)"))
    elements.append(in_bus("harness", kg(m.harness), "harness"))
    dry = geometry.combine_masses(elements, "dry")
    elements.append(dry.scaled(m.system_margin, "system_margin", kind="lumped",
                               description="system margin, distributed as the dry satellite"))
    elements.append(geometry.MassElement.point("propellant", m.propellant, centre,
                                               "propellant: a tank at the bus centre on the launch axis (its own "
                                               "inertia neglected)"))
    return elements


@dataclasses.dataclass(frozen=True)
class CadReport(Result):
    """CAD measurements of a sized design beside its analytic values.

    ``mass`` is the whole satellite's (the budget's wet mass: :func:`mass_elements`), with its centre and
    inertia about it deployed (``centre_of_mass``, ``inertia``) and stowed; ``solid_mass`` is what the CAD
    solids weigh at their own densities; ``contributors`` maps each contributor to its kind (solid or
    lumped), mass and placement. ``mass_check`` maps each part (radiator, array, payload racks) to its CAD
    mass, analytic mass, relative difference and whether it exceeds 5 %; smeared parts say so.
    """

    radiating_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    array_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    stowed_height: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    stowed_radius: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    radiator_wings: int
    mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    wet_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    solid_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    centre_of_mass: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    inertia: pint.Quantity = dataclasses.field(metadata={"unit": "kg*m^2"})
    stowed_centre_of_mass: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    stowed_inertia: pint.Quantity = dataclasses.field(metadata={"unit": "kg*m^2"})
    contributors: dict
    mass_check: dict
    files: tuple


def build_cad(design: Design, result: DesignResult, state: str = "deployed") -> Any:
    """The satellite as a named, coloured ``cq.Assembly`` (``state`` "deployed" or "stowed")."""
    return geometry.make_satellite(satellite_spec(design, result), state)


def cad_paths(name: str, out_dir: str | Path, formats=("step",), states=("deployed", "stowed"), *,
              preview: bool = True) -> list[Path]:
    """The files :func:`write_cad` writes for design ``name``: each state in each format, then the preview."""
    suffix = {"step": ".step", "stl": "_stl", "gltf": ".glb"}  # STL: a folder of one file per part
    out = Path(out_dir)
    paths = [out / f"{name}_{state}{suffix[fmt]}" for state in states for fmt in formats]
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
        files.append(geometry.render_preview(assemblies, next(paths), states=tuple(states),
                                             fairing=fairing_envelope(design)))
    return dataclasses.replace(measure_cad(design, result, assemblies), files=tuple(str(f) for f in files))


def fairing_envelope(design: Design) -> tuple[str, pint.Quantity]:
    """The launch vehicle's name and usable envelope, points (height above the interface plane, diameter) [m]
    (``structure.LaunchVehicle.envelope``, as the fairing check of :mod:`designs.budget` reads it), for the
    stowed preview."""
    lv = structure.launch_vehicle(design.launch.vehicle, design.launch.recovery)
    return lv.name, Q_(np.asarray(lv.envelope, dtype=float), "m")


def measure_cad(design: Design, result: DesignResult, assemblies: dict[str, Any] | None = None) -> CadReport:
    """The :class:`CadReport` of a sized design (no files): areas, envelope and mass properties measured on
    its CAD (``assemblies``, state -> ``cq.Assembly``, built here unless given)."""
    spec = satellite_spec(design, result)
    if assemblies is None:
        assemblies = {state: geometry.make_satellite(spec, state) for state in ("deployed", "stowed")}
    densities = _densities(spec, result, design)
    solids = {state: geometry.mass_groups(a, densities, _GROUPS) for state, a in assemblies.items()}
    whole = {state: geometry.combine_masses(mass_elements(design, result, spec, s)) for state, s in solids.items()}
    contributors = {e.name: {"kind": e.kind, "mass_kg": e.mass.m_as("kg"), "placement": e.description}
                    for e in mass_elements(design, result, spec, solids["deployed"])}
    areas = geometry.cad_areas(assemblies["deployed"])
    envelope = geometry.stowed_envelope(assemblies["stowed"])
    cad_kg = {k: e.mass.m_as("kg") for k, e in solids["deployed"].items()}
    checks = {
        "radiator": _check(cad_kg.get("radiator", 0.0), result.radiator_mass.m_as("kg"), smeared=False),
        "array": _check(cad_kg.get("array", 0.0), result.array.mass.m_as("kg"), smeared=True),
        "payload_racks": _check(cad_kg.get("racks", 0.0), _payload_kg(result), smeared=True),
    }
    return CadReport(
        radiating_area=areas.radiating_area, array_area=areas.array_area,
        stowed_height=envelope.height.to("m"), stowed_radius=envelope.radius.to("m"),
        radiator_wings=spec.radiator_wing_count, mass=whole["deployed"].mass, wet_mass=result.mass.wet.to("kg"),
        solid_mass=quantity(sum(cad_kg.values()), "kg"),
        centre_of_mass=whole["deployed"].centre_of_mass, inertia=whole["deployed"].inertia,
        stowed_centre_of_mass=whole["stowed"].centre_of_mass, stowed_inertia=whole["stowed"].inertia,
        contributors=contributors, mass_check=checks, files=(),
    )


def _check(cad: float, analytic: float, *, smeared: bool) -> dict[str, Any]:
    diff = (cad - analytic) / analytic if analytic else 0.0
    return {"cad_kg": cad, "analytic_kg": analytic, "relative_difference": diff,
            "over_5_percent": bool(abs(diff) > 0.05), "smeared_density": smeared}


def cad_summary(report: CadReport) -> dict[str, Any]:
    """The ``cad`` section added to ``summary.json`` by ``spacedc size --cad`` and ``spacedc cad``: the report,
    its files, and ``units_and_axes`` of each export format (:data:`geometry.MESH_AXES`: STEP and STL in mm with
    +Z up, the satellite frame; glTF in m with +Y up, as its specification requires)."""
    data = report.to_dict()
    data["files"] = list(report.files)
    data["units_and_axes"] = {fmt: dict(axes) for fmt, axes in geometry.MESH_AXES.items()}
    return data



def analytic_envelope(spec: geometry.SatelliteSpec) -> tuple[pint.Quantity, pint.Quantity]:
    """Height and radius of the stowed cylinder of ``spec`` from its dimensions alone
    (:func:`designs.envelope.stowed_envelope_estimate`, the estimate the launch checks use without CAD)."""
    p, a = spec.radiator.panel._mm, spec.array._mm
    height, radius = stowed_envelope_estimate(
        bus_width_mm=spec.bus._mm["width"], racks=spec.bus.rack_count, panels_per_wing=spec.radiator.panel_count,
        panel_width_mm=p["width"], panel_length_mm=p["length"], panel_thickness_mm=p["thickness"],
        array_flexible=spec.array.kind == "flexible", array_width_mm=a["width"], array_length_mm=a["length"],
        wings=spec.radiator_wing_count)
    return Q_(float(height), "mm").to("m"), Q_(float(radius), "mm").to("m")
