"""structure: launch vehicles, mass budget, launch-load margins, natural frequencies, MMOD fragility, packing.

Imports only :mod:`orbit` and :mod:`spacedc`. One module per topic:

* :mod:`structure.vehicles` -- :data:`LAUNCH_VEHICLES` (Falcon 9, Falcon Heavy, Starship, New Glenn, Ariane 62,
  Ariane 64; every field sourced, ``None`` with a note where a guide gives nothing), :func:`launch_vehicle`,
  :func:`mass_to_orbit`, :func:`usable_height`, :func:`load_factor_cases`.
* :data:`MATERIALS`, :func:`material` -- re-exported from the one table, :mod:`spacedc.materials`.
* :mod:`structure.propellant` -- exponential atmosphere (Vallado Table 8-4), drag make-up and disposal delta-v,
  the rocket equation, :func:`delta_v_budget`.
* :mod:`structure.mass_budget` -- AIAA S-120A growth allowance by maturity, harness and structure fractions,
  system margin and propellant: :func:`mass_budget`; the structure sized from its dimensions:
  :func:`structure_hardware`.
* :mod:`structure.loads` -- NASA-STD-5001B factors of safety, :func:`margin_of_safety`, panel-stack
  :func:`tie_down_loads` (launch axis in or normal to the panels' plane, :data:`STACK_ORIENTATIONS`), thin-walled
  :func:`cylinder_stress` with NASA SP-8007 buckling, :func:`launch_margins` over a vehicle envelope.
* :mod:`structure.frequencies` -- cantilever, tip mass, hinge spring, Dunkerley; sandwich stiffness; the
  deployed wing (:func:`deployed_wing_frequency`, sweeps panel count x core thickness in one call) against an
  ACS-bandwidth requirement; :func:`stowed_frequencies` against the vehicle minimums.
* :mod:`structure.mmod` -- Grün meteoroid flux (ECSS-E-ST-10-04C), Kessler debris flux (a stand-in for
  ORDEM/MASTER), single-wall ballistic limit (Christiansen), :func:`radiator_mmod`.
* :mod:`structure.packing` -- :func:`satellites_per_launch` by mass and by fairing volume, launch cost per
  satellite and per kW.

Public functions take Quantities or strings and broadcast over arrays; results are
:class:`spacedc.results.Result` objects whose infeasible points carry ``feasible`` and ``reasons``. Prices are
Quantities in ``USD`` (a ``[currency]`` unit that spacedc.units defines in the application registry).

>>> from spacedc import structure
>>> structure.launch_vehicle("Falcon 9").usable_diameter
<Quantity(4.5725, 'meter')>
"""

from spacedc.structure.frequencies import (ACS_SEPARATION_FACTOR, CANTILEVER_LAMBDA1, DeployedWing, StowedFrequencies,
                                   axial_rod_frequency, cantilever_frequency, deployed_wing_frequency, dunkerley,
                                   frequency_requirement, sandwich_bending_stiffness, stowed_frequencies,
                                   tip_mass_cantilever_frequency, torsional_spring_frequency)
from spacedc.structure.loads import (FACTORS_OF_SAFETY, STACK_ORIENTATIONS, CylinderStress, LaunchMargins, TieDownLoads,
                             cylinder_stress, factor_of_safety, launch_margins, margin_of_safety, tie_down_loads)
from spacedc.structure.mass_budget import (GROWTH_ALLOWANCE, HARNESS_FRACTION, MASS_CATEGORIES, MATURITY,
                                   SECONDARY_STRUCTURE_FRACTION, STRUCTURE_FRACTION, MassBudget, StructureHardware,
                                   growth_allowance, mass_budget, structure_hardware)
from spacedc.materials import MATERIALS, Material, material  # re-exported: the one table
from spacedc.structure.mmod import (DEBRIS_DENSITY, DEBRIS_INCLINATION_FACTOR, EARTH_FLUX_FACTORS, FAILURE_FACTOR,
                            METEOROID_DENSITY, METEOROID_VELOCITY, RadiatorMMOD, critical_diameter, debris_flux,
                            debris_velocity, meteoroid_flux, no_penetration_probability, particle_mass,
                            radiator_mmod)
from spacedc.structure.packing import LaunchPacking, satellites_per_launch
from spacedc.structure.propellant import (EXPONENTIAL_ATMOSPHERE, DeltaVBudget, atmosphere_density, delta_v_budget,
                                  disposal_delta_v, drag_makeup_delta_v, propellant_mass)
from spacedc.structure.vehicles import (FALCON_LIGHT_BOUND, FALCON_LIGHT_PAYLOAD, LAUNCH_VEHICLES, RECOVERY, LaunchPair,
                                LaunchVehicle, MassToOrbitResult, launch_vehicle, load_factor_cases, mass_to_orbit,
                                usable_height)

__all__ = [
    "LAUNCH_VEHICLES", "LaunchVehicle", "MassToOrbitResult", "launch_vehicle", "load_factor_cases", "mass_to_orbit",
    "usable_height", "FALCON_LIGHT_BOUND", "FALCON_LIGHT_PAYLOAD", "RECOVERY", "LaunchPair",
    "MATERIALS", "Material", "material",
    "EXPONENTIAL_ATMOSPHERE", "DeltaVBudget", "atmosphere_density", "delta_v_budget", "disposal_delta_v",
    "drag_makeup_delta_v", "propellant_mass",
    "GROWTH_ALLOWANCE", "HARNESS_FRACTION", "MASS_CATEGORIES", "MATURITY", "STRUCTURE_FRACTION", "MassBudget",
    "growth_allowance", "mass_budget", "SECONDARY_STRUCTURE_FRACTION", "StructureHardware", "structure_hardware",
    "FACTORS_OF_SAFETY", "STACK_ORIENTATIONS", "CylinderStress", "LaunchMargins", "TieDownLoads", "cylinder_stress",
    "factor_of_safety", "launch_margins", "margin_of_safety", "tie_down_loads",
    "ACS_SEPARATION_FACTOR", "CANTILEVER_LAMBDA1", "DeployedWing", "StowedFrequencies", "axial_rod_frequency",
    "cantilever_frequency", "deployed_wing_frequency", "dunkerley", "frequency_requirement",
    "sandwich_bending_stiffness", "stowed_frequencies", "tip_mass_cantilever_frequency",
    "torsional_spring_frequency",
    "DEBRIS_DENSITY", "DEBRIS_INCLINATION_FACTOR", "EARTH_FLUX_FACTORS", "FAILURE_FACTOR", "METEOROID_DENSITY",
    "METEOROID_VELOCITY", "RadiatorMMOD", "critical_diameter", "debris_flux", "debris_velocity", "meteoroid_flux",
    "no_penetration_probability", "particle_mass", "radiator_mmod",
    "LaunchPacking", "satellites_per_launch",
]
