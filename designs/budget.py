"""Launch checks of a sized design: the mass budget, packing in the fairing, and every structural margin.

The sizing chain ends here. Given the masses and the geometry the chain has sized, :func:`budget_and_margins`

1. rolls up the mass (:func:`structure.mass_budget`): payload, solar array, battery and thermal hardware with
   their AIAA S-120A growth allowances; the structure its own sizing sets (:func:`structure.structure_hardware`:
   the primary cylinder, the tie-downs and the deployment hardware) with theirs; secondary structure, harness,
   attitude control and propulsion hardware as fractions of the dry mass; the system margin; the propellant
   for drag make-up over life and the disposal the lifetime rule needs (:func:`orbit.lifetime_budget` at the
   orbit-mean geodetic altitude, the rocket equation);
2. packs the wet satellite into the vehicle (:func:`structure.satellites_per_launch`): satellites per launch by
   mass and by fairing volume, launch cost per satellite and per kW of compute, with the capability and the
   price of one published pair (``recovery``: the booster recovered or expended), or the user's;
3. checks the quasi-static launch loads (:func:`structure.launch_margins`) of the stowed radiator stack on its
   tie-downs and of the primary-structure cylinder (yield, ultimate and NASA SP-8007 buckling), with
   NASA-STD-5001B factors of safety;
4. checks the stowed first modes against the vehicle's minimum frequencies (:func:`structure.stowed_frequencies`)
   and the deployed radiator wing's first mode against the attitude-control requirement
   (:func:`structure.deployed_wing_frequency`);
5. checks the radiator's micrometeoroid and debris fragility over life (:func:`structure.radiator_mmod`): the
   heat it still rejects at end of life after the expected heat-pipe losses.

Every check gives a margin, ``capability / demand - 1`` (or the margin of safety for loads), that passes at
>= 0. A failed margin is a result (``feasible`` False and a reason naming it), never an exception; a check the
vehicle's data cannot support (a guide that publishes no load factors or minimum frequencies) is skipped with
a note, unless the ``[launch]`` table supplies the value (``load_envelope``, ``min_lateral_frequency``,
``min_axial_frequency``, ``launch_price``, ``mass_to_orbit``), which then overrides or fills in the vehicle's,
also with a note.
Everything broadcasts: arrays in, arrays out.
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace
from typing import Any

import numpy as np
import pint

from spacedc import materials
from spacedc import orbit
from spacedc import structure
from spacedc.designs.envelope import _MANIFOLD, _ROOT_OFFSET, _STOW_GAP
from spacedc.designs.spec import LaunchChoices, LifetimeChoices
from spacedc.results import Reasons, Result
from spacedc.units import fraction, quantity, scalar_or_array, si
from spacedc.units import json_column as _flat

__all__ = ["GROWTH_CATEGORIES", "LaunchResult", "RadiatorWings", "SizedSatellite", "budget_and_margins"]

#: AIAA S-120A mass category (a key of :data:`structure.GROWTH_ALLOWANCE`) of each subsystem of the budget.
#: The payload is compute racks, electrical boxes far above 13.6 kg; the battery takes the batteries row; a
#: deployable solar-array wing is mostly composite substrate, booms and hinges, and S-120A's own solar-array
#: row is not transcribed in structure.GROWTH_ALLOWANCE, so the composites row (the highest structural
#: allowance, 24 % at E) stands in for it; attitude control is wheels, sensors and their electronics (medium
#: boxes); propulsion hardware takes the propulsion row; the primary cylinder and the tie-downs are structure,
#: the hinges, latches and array drives mechanisms. Harness and secondary structure are fractions of the dry
#: mass that carry their own growth (:func:`structure.mass_budget`).
GROWTH_CATEGORIES: dict[str, str] = {
    "payload": "electronics-large",
    "solar_array": "composites",
    "battery": "batteries",
    "thermal": "thermal",
    "primary_structure": "structure",
    "mechanisms": "mechanisms",
    "adcs": "electronics-medium",
    "propulsion": "propulsion",
}


_LOADS = "< 0 under {lv} quasi-static loads"
#: Why each margin fails: (the words for a sweep, the sentence with a single design's numbers). A sweep's reasons
#: carry no per-point numbers (they are in ``margins``), so a million points share a handful of distinct strings.
_WHY: dict[str, tuple[str, str]] = {
    "mass": ("wet mass exceeds {lv}'s capability to this orbit",
             "wet mass {wet:.3g} t exceeds {lv}'s {capacity:.3g} t to this orbit (margin {margin:.2f})"),
    "fairing": ("stowed satellite does not fit {lv}'s usable envelope",
                "stowed satellite {d:.3g} m x {h:.3g} m does not fit {lv}'s usable envelope, {top:.3g} m high at "
                "that diameter and {width:.3g} m wide (margin {margin:.2f})"),
    "tie_down_tension": ("radiator-stack tie-down tension margin of safety " + _LOADS,
                         "radiator-stack tie-down tension margin of safety {margin:.2f} " + _LOADS),
    "tie_down_shear": ("radiator-stack tie-down shear margin of safety " + _LOADS,
                       "radiator-stack tie-down shear margin of safety {margin:.2f} " + _LOADS),
    "primary_structure_yield": ("primary-structure yield margin of safety " + _LOADS,
                                "primary-structure yield margin of safety {margin:.2f} " + _LOADS),
    "primary_structure_ultimate": ("primary-structure ultimate margin of safety " + _LOADS,
                                   "primary-structure ultimate margin of safety {margin:.2f} " + _LOADS),
    "primary_structure_buckling": ("primary-structure buckling margin of safety " + _LOADS,
                                   "primary-structure buckling margin of safety {margin:.2f} " + _LOADS
                                   + ": thicken or widen the cylinder (launch.cylinder_thickness, cylinder_radius)"),
    "stowed_lateral": ("stowed lateral first mode below {lv}'s minimum",
                       "stowed lateral first mode {lateral:.3g} Hz below {lv}'s {lateral_min:.3g} Hz minimum "
                       "(margin {margin:.2f})"),
    "stowed_axial": ("stowed axial first mode below {lv}'s minimum",
                     "stowed axial first mode {axial:.3g} Hz below {lv}'s {axial_min:.3g} Hz minimum "
                     "(margin {margin:.2f})"),
    "stowed_stack": ("stowed radiator-stack mode on its tie-downs below {lv}'s lateral minimum",
                     "stowed radiator-stack mode on its tie-downs {stack:.3g} Hz below {lv}'s {lateral_min:.3g} Hz "
                     "lateral minimum (margin {margin:.2f})"),
    "deployed_frequency": ("deployed radiator wing first mode below the requirement",
                           "deployed radiator wing first mode {deployed:.3g} Hz below the {required:.3g} Hz "
                           "requirement (margin {margin:.2f})"),
    "mmod_heat_rejection": ("expected end-of-life heat rejection after MMOD heat-pipe losses below the requirement",
                            "expected end-of-life heat rejection after MMOD heat-pipe losses {q_eol:.4g} kW below "
                            "the required {q_required:.4g} kW (margin {margin:.3f}): add spare heat pipes or "
                            "radiator area"),
}

@dataclasses.dataclass(frozen=True)
class LaunchResult(Result):
    """Result of :func:`budget_and_margins`. Every field broadcasts over the inputs.

    Attributes
    ----------
    vehicle : str
        The vehicle's display name ("Falcon 9").
    recovery : str
        The recovery mode of the (capability, price) pair used.
    capability_source, price_source : str
        Where the capability and the price used come from: the pair's sources, or the ``[launch]`` field that
        stated them.
    mass : structure.MassBudget
        Subsystems ``payload``, ``solar_array``, ``battery``, ``thermal``, ``primary_structure`` (cylinder and
        tie-downs), ``mechanisms`` (hinges, latches, array drives), ``adcs``, ``propulsion`` (basic, growth,
        predicted), harness, secondary structure (``structure``), dry, system margin, propellant and wet mass.
    structure_hardware : structure.StructureHardware
        The structure sized from its dimensions (before growth).
    delta_v : structure.DeltaVBudget
        Drag make-up over life, disposal and collision avoidance (no margin: the budget's system margin is on the
        mass).
    lifetime : orbit.LifetimeBudget
        Natural lifetime, station-keeping and the disposal within the rule, whether the rule is met and why not.
    packing : structure.LaunchPacking
        Satellites per launch (by mass, by volume), fits_fairing, launch cost per satellite and per kW.
    quasi_static : structure.LaunchMargins or None
        Tie-down and primary-structure margins of safety at the chosen factors; None where the vehicle publishes
        no load factors and ``choices.load_envelope`` supplies none.
    stowed : structure.StowedFrequencies
        Stowed lateral, axial and panel-stack modes and their margins against the vehicle's minimums.
    deployed : structure.DeployedWing
        Deployed radiator-wing first mode and its margin against the ACS-tied requirement.
    mmod : structure.RadiatorMMOD
        Radiator face-sheet no-penetration probability, heat pipes lost, heat rejection left at end of life.
    modules : int
        Satellites (modules) in one station (``choices.modules``).
    launches : float or ndarray
        Launches that put a whole station in orbit, ceil(modules / satellites per launch); inf where no satellite
        fits one launch.
    station_compute_power : Quantity [W]
        Modules times the compute (chip) power of one.
    launch_price : Quantity [USD] or None
        Price of one launch: the pair's, or ``choices.launch_price`` (None where neither gives one).
    station_launch_cost, station_launch_cost_per_kw : Quantity [USD], [USD/kW] or None
        Launches times the launch price, and that over the station's compute power (None without a price; inf
        where a satellite fits no launch).
    margins : dict of str -> float, ndarray or None
        Every margin by name (pass at >= 0): ``mass``, ``fairing``, ``tie_down_tension``, ``tie_down_shear``,
        ``primary_structure_yield``, ``primary_structure_ultimate``, ``primary_structure_buckling``,
        ``stowed_lateral``, ``stowed_axial``, ``stowed_stack``, ``deployed_frequency``, ``mmod_heat_rejection``;
        None where not checked.
    feasible : bool or ndarray of bool
        Every checked margin >= 0.
    reasons : str or ndarray of str
        The failed margins, "; "-joined ("" where feasible). A single design's reasons carry its numbers; a
        sweep's name the failed margin only (its numbers are in ``margins``), so that the reasons of a million
        points stay a handful of distinct strings.
    notes : tuple of str
        Checks not made for want of vehicle data, vehicle data the user supplied, and figures used beyond their
        reference.
    """

    vehicle: str
    recovery: str
    capability_source: str
    price_source: str
    mass: structure.MassBudget
    structure_hardware: structure.StructureHardware
    delta_v: structure.DeltaVBudget
    lifetime: orbit.LifetimeBudget
    packing: structure.LaunchPacking
    quasi_static: structure.LaunchMargins | None
    stowed: structure.StowedFrequencies
    deployed: structure.DeployedWing
    mmod: structure.RadiatorMMOD
    modules: int
    launches: Any
    station_compute_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    launch_price: pint.Quantity | None = dataclasses.field(metadata={"unit": "USD"})
    station_launch_cost: pint.Quantity | None = dataclasses.field(metadata={"unit": "USD"})
    station_launch_cost_per_kw: pint.Quantity | None = dataclasses.field(metadata={"unit": "USD/kW"})
    margins: dict = dataclasses.field(metadata={"skip": True})
    feasible: Any
    reasons: Any
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Flat SI numbers of every sub-result, with the margins."""
        shape = np.shape(self.feasible)
        return super().to_dict() | {"margins": {k: _flat(v, shape) for k, v in self.margins.items()}}

    def summary(self, column: Any = _flat) -> dict[str, dict[str, Any]]:
        """The ``mass`` and ``launch`` sections of ``summary.json``: SI numbers broadcast to the result's shape.

        Mass adds up: the subsystems' basic masses (payload, power = array + battery, thermal, ADCS,
        propulsion) plus structure, harness and growth make ``dry_kg``; dry plus the system margin and the
        propellant make ``total_kg``. ``structure_kg`` is the primary cylinder, the tie-downs and the deployment
        hardware before their growth (``structure_primary_kg``, ``structure_tie_downs_kg``,
        ``structure_deployment_kg``) plus the secondary fraction (``structure_secondary_kg``); their growth is
        in ``growth_kg``. Launch values a vehicle does not support are ``None`` (see ``notes``).
        ``column(x, shape)`` makes each value: JSON-ready by default (:func:`spacedc.units.json_column`).
        """
        shape = np.shape(self.feasible)
        m = self.mass
        basic = {k: v.m_as("kg") for k, v in m.basic.items()}

        def kg(x: Any) -> Any:
            return column(x.m_as("kg") if isinstance(x, pint.Quantity) else x, shape)

        def si_or_none(q: pint.Quantity | None, unit: str) -> Any:
            return None if q is None else column(q.m_as(unit), shape)

        qs, pack, hw = self.quasi_static, self.packing, self.structure_hardware
        return {
            "mass": {
                "total_kg": kg(m.wet), "payload_kg": kg(basic["payload"]),
                "power_kg": kg(basic["solar_array"] + basic["battery"]), "thermal_kg": kg(basic["thermal"]),
                "structure_kg": kg(basic["primary_structure"] + basic["mechanisms"] + m.structure.m_as("kg")),
                "structure_primary_kg": kg(hw.primary), "structure_tie_downs_kg": kg(hw.tie_downs),
                "structure_deployment_kg": kg(hw.deployment), "structure_secondary_kg": kg(m.structure),
                "adcs_kg": kg(basic["adcs"]),
                "propulsion_kg": kg(basic["propulsion"]), "propellant_kg": kg(m.propellant),
                "harness_kg": kg(m.harness), "growth_kg": kg(sum(g.m_as("kg") for g in m.growth.values())),
                "margin_kg": kg(m.system_margin), "dry_kg": kg(m.dry),
            },
            "launch": {
                "vehicle": self.vehicle,
                "recovery": self.recovery,
                "capability_source": self.capability_source,
                "price_source": self.price_source,
                "satellites_per_launch": column(pack.satellites_per_launch, shape),
                "fits_fairing": column(pack.fits_fairing, shape),
                "mass_to_orbit_kg": column(pack.mass_to_orbit.m_as("kg"), shape),
                "mass_to_orbit_within_reference": column(pack.mass_to_orbit_within_reference, shape),
                "min_margin_of_safety": None if qs is None else column(qs.min_margin, shape),
                "stowed_first_mode_Hz": si_or_none(self.stowed.first_mode, "Hz"),
                "deployed_first_mode_Hz": si_or_none(self.deployed.frequency, "Hz"),
                "deployed_frequency_requirement_Hz": si_or_none(self.deployed.required_frequency, "Hz"),
                "mmod_no_penetration_probability": column(self.mmod.radiator_no_penetration, shape),
                "expected_heat_pipes_lost": column(self.mmod.pipes_lost, shape),
                "heat_rejection_eol_W": si_or_none(self.mmod.heat_rejection_eol, "W"),
                "launch_cost_per_satellite_USD": si_or_none(pack.launch_cost_per_satellite, "USD"),
                "launch_cost_per_kW_USD": si_or_none(pack.launch_cost_per_kw, "USD/kW"),
                "margins": {k: column(v, shape) for k, v in self.margins.items()},
                "notes": list(self.notes),
            },
            "station": {
                "modules": _whole(column(self.modules, shape)),
                "launches": _whole(column(self.launches, shape)),
                "compute_W": si_or_none(self.station_compute_power, "W"),
                "total_kg": column(self.modules * m.wet.m_as("kg"), shape),
                "launch_cost_USD": si_or_none(self.station_launch_cost, "USD"),
                "launch_cost_per_kW_USD": si_or_none(self.station_launch_cost_per_kw, "USD/kW"),
            },
        }


def _refactor(margin: Any, factor_used: float, factor: Any) -> np.ndarray:
    """MS at another factor of safety: MS = A / (F L) - 1 is linear in 1/F, so MS' = (MS + 1) F / F' - 1."""
    return (np.asarray(margin, dtype=float) + 1.0) * factor_used / np.asarray(factor, dtype=float) - 1.0


@dataclasses.dataclass(frozen=True, kw_only=True)
class RadiatorWings:
    """The deployed radiator wings as the launch checks see them: ``count`` wings of ``panels_per_wing``
    sandwich panels each, hinged in a line along their width (:func:`geometry.make_satellite`'s accordion wing).

    Attributes
    ----------
    count : int or float
        Deployed radiator wings (>= 1).
    panels_per_wing : int or float
        Panels in each wing (>= 1), hinged in a line along their width.
    panel_width : Quantity [length]
        Panel edge along the wing (across the heat pipes).
    panel_length : Quantity [length]
        Panel edge across the wing (along the heat pipes).
    face_sheet_thickness : Quantity [length]
        Each of the two face sheets.
    face_sheet_modulus : Quantity [pressure]
        Young's modulus of the face sheets.
    face_sheet_density : Quantity [kg/m^3]
    core_thickness : Quantity [length]
    core_density : Quantity [kg/m^3]
    panel_areal_density : Quantity [kg/m^2]
        Panel mass per planform area as built (faces, core, heat pipes, manifold); at least the faces and core.
    heat_pipes_per_panel : int or float
        Heat pipes installed in one panel (>= 1).
    heat_pipe_diameter : Quantity [length]
    heat_pipe_wall_thickness : Quantity [length]
    """

    count: Any
    panels_per_wing: Any
    panel_width: Any
    panel_length: Any
    face_sheet_thickness: Any
    face_sheet_modulus: Any
    face_sheet_density: Any
    core_thickness: Any
    core_density: Any
    panel_areal_density: Any
    heat_pipes_per_panel: Any
    heat_pipe_diameter: Any
    heat_pipe_wall_thickness: Any


@dataclasses.dataclass(frozen=True, kw_only=True)
class SizedSatellite:
    """What the sizing chain has sized, as the mass budget and the launch checks need it. Fields broadcast.

    Attributes
    ----------
    altitude : Quantity [length]
        Circular orbit altitude (> 0).
    inclination : Quantity [angle]
        0 to 180 deg.
    lifetime : Quantity [time]
        Mission life (> 0).
    payload_mass : Quantity [mass]
        Current best estimate of the payload (> 0).
    power_mass : Quantity [mass]
        Solar array + battery.
    array_mass : Quantity [mass]
        The solar-array part of ``power_mass`` (its growth category differs from the battery's).
    thermal_mass : Quantity [mass]
        Radiator panels, loops, the battery's radiator.
    compute_power : Quantity [power]
        Chip power per satellite (> 0), for the launch cost per kW.
    heat_rejected : Quantity [power]
        Heat the radiator must reject (> 0).
    wings : RadiatorWings
        The deployed radiator wings.
    array_wings : int or float
        Solar-array wings (>= 0), each on a drive.
    stowed_diameter : Quantity [length]
        Stowed envelope of one satellite as a cylinder: its diameter,
    stowed_height : Quantity [length]
        and its height.
    cylinder_height : Quantity [length]
        Height H of the primary cylinder (> 0): the bus height in the sizing chain.
    drag_area : Quantity [area]
        Orbit-average area normal to the velocity.
    radiator_area : Quantity [area], optional
        Planform area the heat load needs; the installed panels' excess holds spare heat pipes. Default: the
        installed area (no spares).
    epoch : date, optional
        Start of the mission, for the solar cycle of the lifetime model (default 2030-01-01, as
        :class:`orbit.Orbit`'s).
    avoidance_delta_v : Quantity [speed], optional
        Delta-v of the collision-avoidance manoeuvres over life (default none), added to the lifetime's.
    """

    altitude: Any
    inclination: Any
    lifetime: Any
    payload_mass: Any
    power_mass: Any
    array_mass: Any
    thermal_mass: Any
    compute_power: Any
    heat_rejected: Any
    wings: Any
    array_wings: Any
    stowed_diameter: Any
    stowed_height: Any
    cylinder_height: Any
    drag_area: Any
    radiator_area: Any = None
    epoch: Any = "2030-01-01"
    avoidance_delta_v: Any = None


def _si_inputs(sat: SizedSatellite) -> SimpleNamespace:
    """The satellite's inputs checked and in SI floats (km, deg and years for the orbit), each error naming its
    field."""
    w = sat.wings
    if not isinstance(w, RadiatorWings):
        raise TypeError(f"wings = {w!r}: expected a RadiatorWings")
    s = SimpleNamespace(
        h_km=si(sat.altitude, "km", "altitude", lo=0, lo_open=True),
        inc=si(sat.inclination, "deg", "inclination", lo=0, hi=180),
        life=si(sat.lifetime, "year", "lifetime", lo=0, lo_open=True),
        m_payload=si(sat.payload_mass, "kg", "payload_mass", lo=0, lo_open=True),
        m_power=si(sat.power_mass, "kg", "power_mass", lo=0),
        m_array=si(sat.array_mass, "kg", "array_mass", lo=0),
        m_thermal=si(sat.thermal_mass, "kg", "thermal_mass", lo=0),
        p_compute=si(sat.compute_power, "W", "compute_power", lo=0, lo_open=True),
        q=si(sat.heat_rejected, "W", "heat_rejected", lo=0, lo_open=True),
        d_stow=si(sat.stowed_diameter, "m", "stowed_diameter", lo=0, lo_open=True),
        h_stow=si(sat.stowed_height, "m", "stowed_height", lo=0, lo_open=True),
        a_drag=si(sat.drag_area, "m^2", "drag_area", lo=0, lo_open=True),
        a_needed=None if sat.radiator_area is None else si(sat.radiator_area, "m^2", "radiator_area", lo=0,
                                                           lo_open=True),
        h_cyl=si(sat.cylinder_height, "m", "cylinder_height", lo=0, lo_open=True),
        epoch=sat.epoch,
        dv_avoid=0.0 if sat.avoidance_delta_v is None else si(sat.avoidance_delta_v, "m/s", "avoidance_delta_v", lo=0),
        n_array=fraction(sat.array_wings, "array_wings", lo=0, hi=None),
        wings=fraction(w.count, "wings.count", lo=1, hi=None),
        per_wing=fraction(w.panels_per_wing, "wings.panels_per_wing", lo=1, hi=None),
        w=si(w.panel_width, "m", "wings.panel_width", lo=0, lo_open=True),
        ln=si(w.panel_length, "m", "wings.panel_length", lo=0, lo_open=True),
        tf=si(w.face_sheet_thickness, "m", "wings.face_sheet_thickness", lo=0, lo_open=True),
        ef=si(w.face_sheet_modulus, "Pa", "wings.face_sheet_modulus", lo=0, lo_open=True),
        rho_f=si(w.face_sheet_density, "kg/m^3", "wings.face_sheet_density", lo=0, lo_open=True),
        tc=si(w.core_thickness, "m", "wings.core_thickness", lo=0),
        rho_c=si(w.core_density, "kg/m^3", "wings.core_density", lo=0),
        areal=si(w.panel_areal_density, "kg/m^2", "wings.panel_areal_density", lo=0, lo_open=True),
        pipes=fraction(w.heat_pipes_per_panel, "wings.heat_pipes_per_panel", lo=1, hi=None),
        d_pipe=si(w.heat_pipe_diameter, "m", "wings.heat_pipe_diameter", lo=0, lo_open=True),
        t_pipe=si(w.heat_pipe_wall_thickness, "m", "wings.heat_pipe_wall_thickness", lo=0, lo_open=True),
    )
    if np.any(s.m_array > s.m_power * (1 + 1e-12)):
        raise ValueError("array_mass: exceeds power_mass (the array is part of the power subsystem)")
    s.skin = 2.0 * s.rho_f * s.tf + s.rho_c * s.tc
    if np.any(s.areal < s.skin * (1 - 1e-9)):
        raise ValueError("wings.panel_areal_density: below its face sheets and core alone (2 rho_f t_f + rho_c t_c); "
                         "pass the panel's areal density as built")
    return s


def budget_and_margins(choices: LaunchChoices, satellite: SizedSatellite,
                       lifetime: LifetimeChoices | None = None) -> LaunchResult:
    """Mass budget, launch packing and every structural margin of a sized satellite.

    Mass. With the current best estimates m_i of payload, solar array, battery, thermal hardware and the
    structure its own sizing sets, their AIAA S-120A growth g_i (:data:`GROWTH_CATEGORIES` at
    ``choices.maturity``), and the secondary-structure, harness, ADCS and propulsion-hardware fractions f_s,
    f_h, f_a, f_p of the dry mass,

    .. math::

        m_{dry} = \\frac{\\sum_i m_i (1 + g_i)}{1 - f_s - f_h - f_a - f_p}, \\qquad
        m_{dry}^+ = m_{dry} (1 + M), \\qquad m_p = m_{dry}^+ \\left(e^{\\Delta v / g_0 I_{sp}} - 1\\right)

    (ADCS and propulsion enter :func:`structure.mass_budget` as subsystems whose predicted mass is f_a m_dry and
    f_p m_dry). The sized structure (:func:`structure.structure_hardware`): the primary cylinder of
    ``choices.cylinder_radius``, ``cylinder_thickness`` and ``structure_material`` over ``cylinder_height``,
    2 pi R t H rho; ``choices.tie_down_count`` tie-downs per radiator wing of ``tie_down_mass`` each (both
    "structure" in S-120A); a hinge line of ``hinge_line_mass`` at the root and between panels of every
    radiator wing, ``wings.panels_per_wing`` per wing, and an ``array_drive_mass`` drive per solar-array wing
    ("mechanisms"). Delta-v (:func:`orbit.lifetime_budget`, at the orbit-mean geodetic altitude,
    :func:`orbit.mean_geodetic_altitude`): drag make-up at ``drag_area`` over ``lifetime`` in the NRLMSIS density
    of the mission's solar cycle, plus the disposal burn that meets ``lifetime.disposal_rule``
    (none where the natural decay already does), plus the collision-avoidance manoeuvres' ``avoidance_delta_v``;
    the drag figured on m_dry^+ -- the rocket equation on the dry mass with that delta-v bounds the propellant of
    a constant drag impulse from above.

    Launch. Wet mass and the stowed cylinder (``stowed_diameter`` x ``stowed_height``) against the vehicle
    (:func:`structure.satellites_per_launch`): margins ``mass`` = (m_orbit - m_dispenser) / m_wet - 1 and
    ``fairing`` = min(H(d) / h - 1, D / d - 1), H(d) the usable envelope height at the stowed diameter d and D
    the envelope's usable diameter (the radial clearance counts as much as the height). m_orbit and the price
    are those of one published pair (``choices.recovery``, :class:`structure.LaunchPair`), or
    ``choices.mass_to_orbit`` and ``choices.launch_price`` where given.

    Loads and modes. Each radiator wing stows as :func:`geometry.make_satellite` stows it: ``wings.panels_per_wing``
    panels standing against a bus face, the launch axis in their plane, at a pitch of max(2 t_f + max(t_c, d_pipe),
    manifold diameter) + stow gap and ``root_offset`` off the face (the geometry defaults of
    :mod:`designs.envelope`), on ``choices.tie_down_count`` tie-downs at radius min(W, L) / 2 in the bus face,
    its centre of mass mid-depth of the stack (root_offset + depth / 2 out); axial load shears the tie-downs and
    overturns the stack, lateral load in its worst direction (:func:`structure.tie_down_loads`, "in-plane").
    The satellite's centre of mass is half the stowed height above the interface, carried by the primary
    cylinder, checked for yield, ultimate and SP-8007 buckling (:func:`structure.launch_margins` over the
    vehicle's load envelope,
    :func:`structure.stowed_frequencies`); ``choices.load_envelope``, ``min_lateral_frequency`` and
    ``min_axial_frequency`` replace the vehicle's values or fill in those its guide does not publish (noted). Deployed, a wing is ``wings.panels_per_wing`` panels hinged in a line along
    their width W (the geometry package's accordion wing), their length L across it, with the as-built areal
    density (what exceeds the face sheets and core is spread as non-structural mass), against
    ``acs_separation_factor x acs_bandwidth`` (:func:`structure.deployed_wing_frequency`).

    MMOD. Both faces of every deployed panel see space; heat pipes run along L
    (:func:`structure.radiator_mmod`). Of the installed pipes, the share ``radiator_area`` / installed area is
    needed for ``heat_rejected`` and the rest are spares; margin ``mmod_heat_rejection`` = expected end-of-life
    rejection (uncapped: surviving pipes x the heat each carries) / (``mmod_eol_heat_fraction`` x
    ``heat_rejected``) - 1. The debris model holds 100-2000 km; outside
    it the flux at the nearer edge is used (noted).

    Parameters
    ----------
    choices : LaunchChoices
    satellite : SizedSatellite
        What the chain has sized: the orbit and life, the subsystem masses, the heat rejected, the radiator
        wings (:class:`RadiatorWings`) and the stowed envelope.
    lifetime : LifetimeChoices, optional
        The disposal rule and the solar activity of the lifetime model (default: :class:`LifetimeChoices`'s
        defaults, the FCC's 5 years under the mean solar cycle). A rule the design cannot meet does not fail
        a launch margin: it is in ``LaunchResult.lifetime.reasons``, which the sizing chain adds to the design's.

    Returns
    -------
    LaunchResult

    Raises
    ------
    ValueError, TypeError, pint.DimensionalityError
        For a bad input, naming it. A failed margin does not raise.

    Notes
    -----
    The array wings' own stowed and deployed checks, and random-vibration and shock environments are not
    checked. Launch and frequency data: structure.LAUNCH_VEHICLES (each row sourced).
    """
    c = choices
    s = _si_inputs(satellite)
    life = LifetimeChoices() if lifetime is None else lifetime
    published = structure.launch_vehicle(c.vehicle, c.recovery)
    lv = _with_supplied(c, published)
    mat = materials.material(c.structure_material)
    notes: list[str] = []
    hardware, budget, dv, life_budget = _mass_budget(c, s, mat, life)
    # A drag make-up the propellant cannot close (an orbit too low for its life and Isp) gives an unbounded wet
    # mass: the checks below take it as 1e30 kg, so every mass-driven margin fails with its reason.
    wet = np.minimum(budget.wet.m_as("kg"), _UNBOUNDED_KG)
    unbounded = ~np.asarray(budget.wet.m_as("kg") < _UNBOUNDED_KG)  # inf, or a mass ratio no tank holds
    pack, station = _packing(c, lv, published, s, wet, notes)
    qs, stowed = _stowed_checks(c, lv, published, s, wet, mat, notes)
    deployed = _deployed_wing(c, s)
    mmod, installed, needed = _mmod(c, s, notes)
    envelope_height = structure.usable_height(lv, quantity(s.d_stow, "m")).m_as("m")
    capacity = np.maximum(pack.mass_to_orbit.m_as("kg") - c.dispenser_mass.m_as("kg"), 0.0)
    margins: dict[str, Any] = {
        "mass": capacity / wet - 1.0,
        # both ways the stowed cylinder can fail to fit: too tall for the envelope at its diameter, or too wide
        # for the envelope's cylinder (the radial clearance); the smaller governs
        "fairing": np.minimum(envelope_height / s.h_stow - 1.0, lv.usable_diameter.m_as("m") / s.d_stow - 1.0),
        "tie_down_tension": None if qs is None else qs.tie_down_tension,
        "tie_down_shear": None if qs is None else qs.tie_down_shear,
        "primary_structure_yield": None if qs is None else qs.cylinder_yield,
        "primary_structure_ultimate": None if qs is None else qs.cylinder_ultimate,
        "primary_structure_buckling": None if qs is None else qs.cylinder_buckling,
        "stowed_lateral": stowed.margin_lateral,
        "stowed_axial": stowed.margin_axial,
        "stowed_stack": stowed.margin_stack,
        "deployed_frequency": deployed.margin,
        # uncapped: the expected surviving pipes over those the requirement needs (heat_rejection_eol is capped
        # at the design value, so spares would otherwise show as a zero margin)
        "mmod_heat_rejection": (installed - mmod.pipes_lost) / (needed * c.mmod_eol_heat_fraction) - 1.0,
    }
    shape = np.broadcast_shapes(np.shape(wet), np.shape(station["launches"]), np.shape(station["kw"]),
                                np.shape(getattr(station["price"], "magnitude", None)),
                                *(np.shape(v) for v in margins.values() if v is not None))
    margins = {k: None if v is None else scalar_or_array(np.broadcast_to(np.asarray(v, dtype=float), shape))
               for k, v in margins.items()}
    failed = {k: ~(np.asarray(v) >= 0.0) for k, v in margins.items() if v is not None}  # a NaN margin fails too
    feasible = ~np.logical_or.reduce(list(failed.values()))
    if shape == ():
        numbers = dict(
            wet=wet / 1e3, capacity=capacity / 1e3, d=s.d_stow, h=s.h_stow, top=envelope_height,
            width=lv.usable_diameter.m_as("m"),
            lateral=stowed.lateral.m_as("Hz"), axial=stowed.axial.m_as("Hz"), stack=stowed.stack.m_as("Hz"),
            lateral_min=_hz(lv.min_lateral_frequency), axial_min=_hz(lv.min_axial_frequency),
            deployed=deployed.frequency.m_as("Hz"), required=deployed.required_frequency.m_as("Hz"),
            q_eol=mmod.heat_rejection_eol.m_as("W") / 1e3, q_required=c.mmod_eol_heat_fraction * s.q / 1e3)
        numbers = {k: float(v) for k, v in numbers.items()}
        reasons: Any = "; ".join(_WHY[k][1].format(lv=lv.name, margin=margins[k], **numbers)
                                 for k, bad in failed.items() if bad)
        if unbounded:
            reasons = (f"the propellant for {dv.total.m_as('km/s'):.3g} km/s of drag make-up and disposal at "
                       f"{c.specific_impulse.m_as('s'):.0f} s Isp is unbounded (mass ratio beyond any tank): raise "
                       f"the orbit or the specific impulse; " + reasons)
        feasible = bool(feasible)
    else:
        reasons = Reasons.mask(
            shape, (unbounded, "propellant for drag make-up and disposal unbounded"),
            *((bad, _WHY[k][0].format(lv=lv.name)) for k, bad in failed.items()))
    usd, kw = station["usd"], station["kw"]
    return LaunchResult(vehicle=lv.name, recovery=lv.recovery,
                        capability_source=("launch.mass_to_orbit (user-supplied)" if c.mass_to_orbit is not None
                                           else lv.performance_source),
                        price_source=("launch.launch_price (user-supplied)" if c.launch_price is not None
                                      else lv.price_source),
                        mass=budget, structure_hardware=hardware, delta_v=dv, lifetime=life_budget, packing=pack,
                        quasi_static=qs,
                        stowed=stowed, deployed=deployed, mmod=mmod, modules=c.modules,
                        launches=scalar_or_array(station["launches"]),
                        station_compute_power=quantity(kw, "kW"),
                        launch_price=None if station["price"] is None else station["price"].to("USD"),
                        station_launch_cost=None if usd is None else quantity(usd, "USD"),
                        station_launch_cost_per_kw=None if usd is None else quantity(usd / kw, "USD/kW"),
                        margins=margins, feasible=feasible, reasons=reasons, notes=tuple(notes))


def _mass_budget(c: LaunchChoices, s: SimpleNamespace, mat: materials.Material, life: LifetimeChoices):
    """The structure its own sizing sets, then the mass budget with growth, fractions, margin and propellant."""
    # The structure its own sizing sets: primary cylinder and tie-downs, hinge lines and array drives.
    hardware = structure.structure_hardware(
        cylinder_radius=c.cylinder_radius, cylinder_height=quantity(s.h_cyl, "m"),
        cylinder_thickness=c.cylinder_thickness, cylinder_density=quantity(mat.density, "kg/m^3"),
        tie_down_count=s.wings * c.tie_down_count, tie_down_mass=c.tie_down_mass,
        hinge_line_count=s.wings * s.per_wing, hinge_line_mass=c.hinge_line_mass, array_drive_count=s.n_array,
        array_drive_mass=c.array_drive_mass)
    # Mass budget: ADCS and propulsion hardware as shares of the dry mass, backed out to basic masses.
    growth = {k: structure.growth_allowance(cat, c.maturity) for k, cat in GROWTH_CATEGORIES.items()}
    basic = {"payload": s.m_payload, "solar_array": s.m_array, "battery": np.maximum(s.m_power - s.m_array, 0.0),
             "thermal": s.m_thermal, "primary_structure": hardware.structure.m_as("kg"),
             "mechanisms": hardware.mechanisms.m_as("kg")}
    dry = sum(m * (1 + growth[k]) for k, m in basic.items()) / (
        1 - c.secondary_structure_fraction - c.harness_fraction - c.adcs_fraction - c.propulsion_fraction)
    basic["adcs"] = c.adcs_fraction * dry / (1 + growth["adcs"])
    basic["propulsion"] = c.propulsion_fraction * dry / (1 + growth["propulsion"])
    # The atmosphere is by geodetic height, so the lifetime model takes the orbit-mean geodetic altitude (10 km
    # above the equatorial one for a sun-synchronous orbit). The density table holds 100-2000 km: an orbit
    # outside it is infeasible with that reason (its figures are those at the nearer edge, for display), never
    # extrapolated.
    h_geodetic = orbit.mean_geodetic_altitude(quantity(s.h_km, "km"), quantity(s.inc, "deg")).m_as("km")
    lo, hi = orbit.MSIS_ALTITUDE_RANGE
    outside = (h_geodetic <= lo) | (h_geodetic > hi)
    # likewise a ballistic coefficient beyond the lifetime tables (absurd masses or areas)
    b_lo, b_hi = orbit.BALLISTIC_COEFFICIENT_RANGE
    mass = dry * (1 + c.system_margin)
    beta = mass / (c.drag_coefficient * s.a_drag)
    heavy = ~((beta >= b_lo) & (beta <= b_hi))
    life_budget = orbit.lifetime_budget(
        quantity(np.clip(h_geodetic, lo + 1.0, hi), "km"),
        mass=quantity(np.where(heavy, np.clip(np.nan_to_num(beta, nan=b_lo), b_lo * (1 + 1e-9), b_hi * (1 - 1e-9))
                               * c.drag_coefficient * s.a_drag, mass), "kg"),
        drag_area=quantity(s.a_drag, "m^2"), drag_coefficient=c.drag_coefficient,
        mission_duration=quantity(s.life, "year"), epoch=s.epoch, rule=life.disposal_rule,
        propulsive=life.propulsive == "yes", max_delta_v=life.max_disposal_delta_v, f107=life.f107, ap=life.ap)
    outside = outside | heavy
    if np.any(outside):
        why = Reasons.mask(np.shape(outside), (outside & ~heavy, f"altitude outside the lifetime model's range "
                                                                 f"{lo:.0f}-{hi:.0f} km (the NRLMSIS density table)"),
                           (heavy, f"ballistic coefficient outside the lifetime model's range {b_lo:g}-{b_hi:g} "
                                   f"kg/m^2"))
        life_budget = dataclasses.replace(
            life_budget, meets_rule=scalar_or_array(np.asarray(life_budget.meets_rule) & ~outside, bool),
            reasons=Reasons.combine(why, life_budget.reason_codes))
    keep, dispose = life_budget.station_keeping_delta_v, life_budget.disposal_delta_v
    keep_s, dispose_s, avoid = np.broadcast_arrays(keep.m_as("m/s"), dispose.m_as("m/s"), s.dv_avoid)
    dv = structure.DeltaVBudget(drag_makeup=quantity(keep_s, "m/s"), disposal=quantity(dispose_s, "m/s"),
                                margin=quantity(0.0 * keep_s, "m/s"), collision_avoidance=quantity(avoid, "m/s"),
                                total=quantity(life_budget.delta_v.m_as("m/s") + avoid, "m/s"))
    budget = structure.mass_budget({k: quantity(v, "kg") for k, v in basic.items()}, categories=GROWTH_CATEGORIES,
                                   maturity=c.maturity, harness_fraction=c.harness_fraction,
                                   structure_fraction=c.secondary_structure_fraction, system_margin=c.system_margin,
                                   delta_v=dv.total, specific_impulse=c.specific_impulse)
    return hardware, budget, dv, life_budget


def _packing(c: LaunchChoices, lv: structure.LaunchVehicle, published: structure.LaunchVehicle,
             s: SimpleNamespace, wet: np.ndarray, notes: list[str]):
    """Packing in the fairing and the launch cost; a station of identical modules buys whole launches."""
    pack = structure.satellites_per_launch(
        lv, satellite_mass=quantity(wet, "kg"), stowed_diameter=quantity(s.d_stow, "m"),
        stowed_height=quantity(s.h_stow, "m"), altitude=quantity(s.h_km, "km"), inclination=quantity(s.inc, "deg"),
        per_layer=c.per_layer, dispenser_mass=c.dispenser_mass, launch_price=c.launch_price,
        compute_power=quantity(s.p_compute, "W"), mass_to_orbit=c.mass_to_orbit)
    # A station of identical modules buys whole launches: ceil(modules / satellites per launch).
    per_launch = np.asarray(pack.satellites_per_launch, dtype=float)
    with np.errstate(divide="ignore"):
        launches = np.where(per_launch >= 1.0, np.ceil(c.modules / np.maximum(per_launch, 1.0)), np.inf)
    price = lv.price if c.launch_price is None else c.launch_price
    station = dict(launches=launches, price=price, usd=None if price is None else launches * price.m_as("USD"),
                   kw=c.modules * s.p_compute / 1e3)
    if c.mass_to_orbit is not None:
        notes.append(_supplied_note(lv.name, f"capability to orbit ({lv.recovery})", "mass_to_orbit",
                                    published.performance))
    elif not np.all(pack.mass_to_orbit_within_reference):
        outside = structure.mass_to_orbit(lv, quantity(s.h_km, "km"), quantity(s.inc, "deg")).reason_codes
        shape = np.broadcast_shapes(outside.shape, np.shape(pack.mass_to_orbit_within_reference))
        within = np.broadcast_to(pack.mass_to_orbit_within_reference, shape)
        notes.append(str(outside.broadcast_to(shape)[np.unravel_index(np.argmin(within), shape)]))
    if pack.launch_cost_per_satellite is None:
        notes.append(f"not checked: {lv.name} publishes no launch price in the {lv.recovery} mode (give "
                     f"launch.launch_price for the launch cost per satellite and per kW)")
    if c.launch_price is not None:
        notes.append(_supplied_note(lv.name, f"launch price ({lv.recovery})", "launch_price", published.price))
    return pack, station


def _stowed_checks(c: LaunchChoices, lv: structure.LaunchVehicle, published: structure.LaunchVehicle,
                   s: SimpleNamespace, wet: np.ndarray, mat: materials.Material, notes: list[str]):
    """The stowed radiator stack and the primary structure: quasi-static loads (None where no envelope is
    known) and stowed modes."""
    wet_q = quantity(wet, "kg")
    stack_mass = quantity(s.per_wing * s.areal * s.w * s.ln, "kg")
    # As stowed (geometry.make_satellite, designs.envelope): the panels stand against a bus face, the launch axis
    # in their plane, at a pitch of max(panel thickness, manifold) + stow gap, the package root_offset off the bus
    # face whose tie-downs hold it; its centre of mass is mid-depth.
    t_stack = np.maximum(2.0 * s.tf + np.maximum(s.tc, s.d_pipe), _MANIFOLD / 1e3)
    stack_depth = t_stack + (s.per_wing - 1.0) * (t_stack + _STOW_GAP / 1e3)
    stack_cg = quantity(_ROOT_OFFSET / 1e3 + stack_depth / 2.0, "m")
    sat_cg = quantity(s.h_stow / 2.0, "m")
    light = np.zeros(np.shape(wet), bool)  # points that take Falcon's light-payload factors, each on its own mass
    if c.load_envelope is not None:
        notes.append(_supplied_note(lv.name, "quasi-static load envelope", "load_envelope", published.load_envelope))
    elif published.loads_source.startswith("SpaceX Falcon"):
        # Falcon's standard-mass factors (Fig. 4-1) are for payloads over 4,000 lb; lighter ones see more.
        light = wet < structure.FALCON_LIGHT_PAYLOAD.m_as("kg")
        if np.any(light):
            notes.append(f"{lv.name}: a satellite under 4,000 lb (1814 kg) takes the guide's light-payload load "
                         f"factors (Fig. 4-2, not transcribed); the quasi-static margins use their bound, 8.5 g axial "
                         f"with 3 g lateral (supply launch.load_envelope for the figure itself)")
    if lv.load_envelope is None:
        qs = None
        notes.append(f"not checked: {lv.name} publishes no quasi-static load factors ({lv.loads_source})")
    else:
        def margins_under(vehicle: structure.LaunchVehicle) -> structure.LaunchMargins:
            return _quasi_static(c, vehicle, mat, stack_mass=stack_mass, stack_cg=stack_cg,
                                 tie_down_radius=quantity(np.minimum(s.w, s.ln) / 2.0, "m"), satellite_mass=wet_q,
                                 satellite_cg=sat_cg)

        light_lv = dataclasses.replace(lv, load_envelope=structure.FALCON_LIGHT_BOUND[0],
                                       loads_source=structure.FALCON_LIGHT_BOUND[1])
        if np.all(light):
            qs = margins_under(light_lv)
        elif np.any(light):  # a sweep of light and heavy points: each takes the envelope of its own mass
            qs = _select_margins(light, margins_under(light_lv), margins_under(lv))
        else:
            qs = margins_under(lv)
    # the satellite mass spread over a swept frequency requirement, which stowed_frequencies broadcasts the modes to
    reqs = (lv.min_lateral_frequency, lv.min_axial_frequency)
    m_stowed = np.broadcast_to(wet, np.broadcast_shapes(np.shape(wet), *(np.shape(r.m) for r in reqs if r is not None)))
    stowed = structure.stowed_frequencies(
        lv, satellite_mass=quantity(m_stowed, "kg"), cylinder_radius=c.cylinder_radius,
        cylinder_thickness=c.cylinder_thickness, cg_height=sat_cg, modulus=quantity(mat.modulus, "Pa"),
        cylinder_density=quantity(mat.density, "kg/m^3"), stack_mass=stack_mass,
        tie_down_stiffness=c.tie_down_stiffness, tie_down_count=c.tie_down_count)
    for field, what in (("min_lateral_frequency", "minimum lateral frequency (stowed lateral and radiator-stack "
                                                  "modes)"), ("min_axial_frequency", "minimum axial frequency")):
        if getattr(c, field) is not None:
            notes.append(_supplied_note(lv.name, what, field, getattr(published, field)))
        elif getattr(lv, field) is None:
            notes.append(f"not checked: {lv.name} publishes no {what} ({lv.frequency_source})")
    return qs, stowed


def _deployed_wing(c: LaunchChoices, s: SimpleNamespace) -> structure.DeployedWing:
    """The deployed radiator wing's first mode against the attitude-control requirement."""
    return structure.deployed_wing_frequency(
        panel_count=s.per_wing, panel_length=quantity(s.w, "m"), panel_width=quantity(s.ln, "m"),
        core_thickness=quantity(s.tc, "m"), face_thickness=quantity(s.tf, "m"), face_modulus=quantity(s.ef, "Pa"),
        face_density=quantity(s.rho_f, "kg/m^3"), core_density=quantity(s.rho_c, "kg/m^3"),
        hinge_stiffness=c.hinge_stiffness, tip_mass=c.wing_tip_mass,
        extra_areal_density=quantity(np.maximum(s.areal - s.skin, 0.0), "kg/m^2"),
        required_frequency=structure.frequency_requirement(c.acs_bandwidth, c.acs_separation_factor))


def _mmod(c: LaunchChoices, s: SimpleNamespace, notes: list[str]):
    """Heat pipes lost to MMOD over life, with spares from the installed area beyond the needed one; returns the
    result and the installed and needed pipe counts."""
    panels = s.wings * s.per_wing
    installed = s.pipes * panels
    needed = installed if s.a_needed is None else np.clip(installed * s.a_needed / (panels * s.w * s.ln), 1.0,
                                                          installed)
    h_mmod = np.clip(s.h_km, 100.0, 2000.0)
    if np.any(h_mmod != s.h_km):
        notes.append("MMOD: debris flux taken at the 100-2000 km edge of the Kessler model for orbits outside it")
    mmod = structure.radiator_mmod(
        altitude=quantity(h_mmod, "km"), inclination=quantity(s.inc, "deg"), duration=quantity(s.life, "year"),
        panel_area=quantity(2.0 * s.w * s.ln, "m^2"), panel_count=panels, face_thickness=quantity(s.tf, "m"),
        heat_pipe_count=needed, heat_pipe_length=quantity(s.ln, "m"), heat_pipe_diameter=quantity(s.d_pipe, "m"),
        heat_pipe_wall=quantity(s.t_pipe, "m"), heat_rejection=quantity(s.q, "W"),
        spare_heat_pipes=installed - needed,
        required_heat_rejection=quantity(c.mmod_eol_heat_fraction * s.q, "W"), pipe_exposed_faces=2)
    return mmod, installed, needed


def _with_supplied(c: LaunchChoices, lv: structure.LaunchVehicle) -> structure.LaunchVehicle:
    """The vehicle with the load envelope and minimum frequencies the ``[launch]`` table supplies in place of its own."""
    changes: dict[str, Any] = {}
    if c.load_envelope is not None:
        changes |= dict(load_envelope=c.load_envelope, loads_source="user-supplied (launch.load_envelope)")
    for field in ("min_lateral_frequency", "min_axial_frequency"):
        if getattr(c, field) is not None:
            changes[field] = getattr(c, field)
    return dataclasses.replace(lv, **changes) if changes else lv


def _supplied_note(vehicle: str, what: str, field: str, published: Any) -> str:
    """The note for a vehicle figure the user supplied: filling in a gap, or overriding the guide's value."""
    instead = f"{vehicle} publishes none" if published is None else f"in place of {vehicle}'s published value"
    return f"user-supplied: {what} from launch.{field} ({instead})"


def _hz(q: pint.Quantity | None) -> float:
    return np.nan if q is None else q.m_as("Hz")


#: The wet mass the launch checks take where the propellant is unbounded [kg].
_UNBOUNDED_KG = 1e30


def _whole(x: Any) -> Any:
    """Whole counts of a JSON column as ints (None, for an unbounded count, stays None); arrays stay."""
    if isinstance(x, np.ndarray):
        return x
    if isinstance(x, list):
        return [_whole(v) for v in x]
    return None if x is None else int(x)


def _select_margins(mask: np.ndarray, where_true: structure.LaunchMargins,
                    where_false: structure.LaunchMargins) -> structure.LaunchMargins:
    """Point by point, the margins of ``where_true`` where ``mask`` holds and of ``where_false`` elsewhere."""
    fields = [f.name for f in dataclasses.fields(structure.LaunchMargins)]
    picked = {}
    for name in fields:
        if name == "reasons":  # the codes, never the text
            picked[name] = Reasons.combine(where_true.reason_codes.where(mask), where_false.reason_codes.where(~mask))
        else:
            picked[name] = np.where(mask, np.asarray(getattr(where_true, name)), np.asarray(getattr(where_false, name)))
    return structure.LaunchMargins(**picked)


def _quasi_static(c: LaunchChoices, lv: structure.LaunchVehicle, mat: materials.Material, *, stack_mass: Any,
                  stack_cg: Any, tie_down_radius: Any, satellite_mass: Any, satellite_cg: Any
                  ) -> structure.LaunchMargins:
    """:func:`structure.launch_margins` at the approach's NASA-STD-5001B factors, re-stated at the chosen ones.

    The radiator stack stands against a bus face with the launch axis in its panels' plane (``"in-plane"``, the
    layout of :func:`geometry.make_satellite`); the cylinder's buckling takes the ultimate factor. A material
    row without a Poisson's ratio takes 0.3 (SP-8007's 0.605 E t / R).
    """
    nu = 0.3 if mat.poisson_ratio is None else mat.poisson_ratio
    qs = structure.launch_margins(
        lv, stack_mass=stack_mass, tie_down_count=c.tie_down_count, stack_cg_height=stack_cg,
        tie_down_radius=tie_down_radius, tie_down_allowable_tension=c.tie_down_allowable_tension,
        tie_down_allowable_shear=c.tie_down_allowable_shear, satellite_mass=satellite_mass,
        cylinder_radius=c.cylinder_radius, cylinder_thickness=c.cylinder_thickness, satellite_cg_height=satellite_cg,
        yield_strength=quantity(mat.yield_strength, "Pa"), ultimate_strength=quantity(mat.ultimate_strength, "Pa"),
        modulus=quantity(mat.modulus, "Pa"),
        poisson_ratio=nu, approach=c.approach, stack_orientation="in-plane")
    fy0 = structure.factor_of_safety(c.approach, "yield")
    fu0 = structure.factor_of_safety(c.approach, "ultimate")
    fy = fy0 if c.yield_factor is None else c.yield_factor
    fu = fu0 if c.ultimate_factor is None else c.ultimate_factor
    parts = [_refactor(qs.tie_down_tension, fy0, fy), _refactor(qs.tie_down_shear, fy0, fy),
             _refactor(qs.cylinder_yield, fy0, fy), _refactor(qs.cylinder_ultimate, fu0, fu),
             _refactor(qs.cylinder_buckling, fu0, fu)]
    parts = [np.asarray(p) for p in np.broadcast_arrays(*parts)]
    low = np.minimum.reduce(parts)
    ok = low >= 0.0
    why = Reasons.mask(low.shape, *((p < 0.0, f"{name} margin < 0") for p, name in
                                    zip(parts, ("tie-down tension", "tie-down shear", "primary structure yield",
                                                "primary structure ultimate", "primary structure buckling"))))
    return structure.LaunchMargins(*(scalar_or_array(p) for p in parts), min_margin=scalar_or_array(low),
                                   feasible=scalar_or_array(ok, bool), reasons=why)
