"""The sizing chain: payload -> power with eclipse -> heat load -> heat path -> radiator -> mass.

Each step calls the discipline packages with Quantities; every step broadcasts, so a design whose fields
hold arrays is a sweep sized in one call.

Power demand. The chips draw ``N * P_chip`` through point-of-load converters of efficiency ``eta_c``; the
bus adds its housekeeping load, the loop pump its shaft power, and a heat pump (if any) its compressor work.
The load on the power bus, day and night alike (the chips keep computing through eclipse), is

    P_load = N * P_chip / eta_c + P_hk + P_pump + W_hp.

Array and battery are sized for that load by the SMAD chain (power.size_solar_array, power.size_battery)
over the worst eclipse of the year, at the year's smallest solar flux (aphelion), with the cells at their own
radiative-balance temperature.

Heat load. Every watt delivered to a load ends as heat inside the satellite, and so does what the power
path loses between array and loads (regulators, battery charge and discharge). With SMAD's path
efficiencies X_d (array to loads) and X_e (array through battery to loads), the orbit-average path loss is

    P_path = P_load [T_e (1/X_e - 1) + T_d (1/X_d - 1)] / (T_d + T_e),

so the coolant loop collects ``Q = P_load + P_path`` (orbit average; the transient network resolves the
swing) and the radiator rejects Q, plus the compressor work where a heat pump lifts it. The compressor's
work is closed in closed form (W = L0 (1 + path) / (COP - path): its path loss enters the loop, W itself
leaves at the hot side); the pump's, which depends on the flow
through the friction factor, by a few fixed-point passes on whole arrays (it takes a small share of Q, so
they converge fast; convergence is checked).

Heat path. The hottest chip sits where the coolant is hottest, at ``thermal.coolant_temperature``; its
junction is T_cool + P_chip (R_jc + R_cp) (thermal.junction_temperature), which must not exceed the chips'
junction limit (thermal.max_radiator_temperature gives the hottest coolant allowed). The radiator is fed by
the loop from that temperature down by the loop rise (thermal.size_loop integrates the radiation along the
flow), or, with a heat pump, whose evaporator takes the heat at the loop's return temperature, it condenses
at that return temperature plus the lift.

Radiator. Panels as built (thermal.size_panels) give the fin efficiency, the heat-pipe transport check and
the areal density; the environment loads come from thermal.environment_loads for the design's orientation
and Earth case, at the smallest solar zenith angle of the orbit (which is |beta| at orbit noon).

Mass. Payload, power (array + battery), thermal (radiator panels + loop lines and coolant) are summed;
structure is a fraction f of the dry mass; the total carries the system margin.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint
from scipy.constants import Stefan_Boltzmann as _SIGMA

from spacedc import orbit
from spacedc import power
from spacedc import structure
from spacedc import thermal
from spacedc.designs.design import Design
from spacedc.designs.envelope import stowed_envelope_estimate
from spacedc.designs.launch import LaunchResult, size_launch
from spacedc.results import Result, combine_reasons, reasons_where
from spacedc.units import quantity, u

__all__ = ["DesignResult", "size"]

#: The most panels counted (2^53, the largest float below which every whole number is exact).
_MAX_PANELS = float(2**53)
#: Fixed-point passes for the pump <-> power coupling, and the relative change accepted as converged.
_COUPLING_PASSES, _COUPLING_TOLERANCE = 10, 1e-9
#: Aluminium tube for the transport lines: density 2713 kg/m^3 (6061-T6, MMPDS; as thermal.MATERIALS) and a
#: 1 mm wall.
_LINE_DENSITY, _LINE_WALL = 2713.0, 1e-3


@dataclasses.dataclass(frozen=True)
class DesignResult(Result):
    """The sized design. Fields broadcast over the design's arrays.

    ``feasible`` is false wherever any step is infeasible, and ``reasons`` then says why (all steps' reasons
    joined with ``"; "``). ``transient`` holds the orbit extremes of the design's thermal network for a
    single design point (None for a sweep); ``transient_note`` says whether it ran and, where it did not, why
    (``"run: ..."``, ``"not run: ..."`` or ``"failed: ..."``, the ``thermal.transient`` of ``summary.json``).
    """

    name: str
    feasible: bool | np.ndarray
    reasons: str | np.ndarray
    environment: orbit.OrbitEnvironment
    chip_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    load: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    conversion_loss: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    path_loss: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    pump_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    coolant_mass_flow: pint.Quantity = dataclasses.field(metadata={"unit": "kg/s"})
    compressor_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    array: power.SolarArrayResult
    battery: power.BatteryResult
    loads: thermal.EnvironmentLoads
    heat_path: thermal.HeatPathResult
    loop: thermal.LoopResult
    panels: thermal.PanelResult
    heat_rejected: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    absorbed_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    sink_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    radiator_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    radiator_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    loop_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    panel_count: int | np.ndarray
    junction_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    required_radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    battery_radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    battery_radiator_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    battery_heater_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    stowed_height: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    stowed_diameter: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    launch: LaunchResult
    transient: Any = None
    transient_note: str = ""

    @property
    def mass(self) -> structure.MassBudget:
        """The mass budget (growth, margins and propellant included): ``launch.mass``."""
        return self.launch.mass

    def to_dict(self) -> dict:
        """The ``summary.json`` sections of DESIGN.md (SI numbers, keys ending with their unit)."""
        from spacedc.designs.report import summary

        return summary(self)


def size(design: Design, *, transient: bool | None = None) -> DesignResult:
    """Size ``design``: arrays, battery, heat path, radiator and mass. Broadcasts over array-valued fields.

    ``transient`` runs the design's thermal node network over a few orbits and reports the chips' orbit
    extremes; by default it runs for a single design point and not for a sweep.
    """
    p, pw, th = design.payload, design.power, design.thermal
    env = orbit.environment(design.orbit)
    earth = orbit.earth_albedo_ir(th.environment)
    # The sun-pointing array's back face sees Earth at the solar zenith angle: averaged over the sunlit arc of
    # the orbit with the smallest beta of the year (the hottest array).
    face_view = _array_back_view_factor(env.altitude, env.beta_min, env.eclipse_fraction)

    loads = thermal.environment_loads(altitude=design.orbit.altitude, absorptivity=th.absorptivity,
                                      emissivity=th.emissivity, orientation=th.orientation,
                                      solar_zenith_angle=env.beta_min, case=th.environment)
    two_sided = np.asarray(th.sides) == 2
    absorbed = quantity(np.where(two_sided, loads.absorbed_flux.m_as("W/m^2"), loads.absorbed_front.m_as("W/m^2")),
                        "W/m^2")
    sink = quantity(np.where(two_sided, loads.sink_temperature.m_as("K"), loads.sink_temperature_front.m_as("K")), "K")

    heat_path = thermal.max_radiator_temperature(
        junction_temperature_max=p.junction_limit, chip_power=p.chip_power, junction_to_case=th.junction_to_case,
        cold_plate_resistance=th.cold_plate_resistance, sink_temperature=sink)
    junction = thermal.junction_temperature(
        radiator_inlet_temperature=th.coolant_temperature, chip_power=p.chip_power,
        junction_to_case=th.junction_to_case, cold_plate_resistance=th.cold_plate_resistance)
    too_hot = junction.m_as("K") > p.junction_limit.m_as("K") * (1 + 1e-12)
    junction_reason = reasons_where(
        too_hot, f"thermal.coolant_temperature puts the hottest chip above the chip junction limit "
                 f"({p.junction_limit.to('degC'):~.1f}): lower the coolant temperature or the path resistances")

    spec = _panel_spec(th)
    heat_pumped = np.asarray(th.heat_pump_lift.m_as("K")) > 0
    # A heat pump's evaporator takes the loop's heat at (at most) the loop's return temperature, and its
    # condenser, the radiator, runs isothermal at that plus the lift; without one the loop feeds the radiator.
    t_cold = (th.coolant_temperature - th.loop_temperature_rise).m_as("K")
    t_radiator_in = quantity(np.where(heat_pumped, t_cold + th.heat_pump_lift.m_as("K"),
                                      th.coolant_temperature.m_as("K")), "K")

    chips = p.chip_count * p.chip_power
    conversion = power.conditioning_losses(chips, pw.conversion_efficiency)
    base = (conversion.input_power + pw.housekeeping_load).m_as("W")
    t_e, t_d = env.eclipse_duration.m_as("s"), env.daylight_duration.m_as("s")
    path_factor = (t_e * (1 / pw.eclipse_path_efficiency - 1) + t_d * (1 / pw.daylight_path_efficiency - 1)) / (t_e + t_d)

    # Without a heat pump the COP below is evaluated at a dummy 1 K lift and masked out.
    t_hot = np.where(heat_pumped, t_radiator_in.m_as("K"), t_cold + 1.0) * u.K
    cop = np.asarray(thermal.heat_pump(heat_load="1 W", cold_temperature=t_cold * u.K, hot_temperature=t_hot,
                                       carnot_fraction=th.carnot_fraction).cop, dtype=float)
    # The compressor's work W is an electrical load whose power-path loss lands in the loop, while W itself
    # leaves with the refrigerant at the hot side: the loop collects Q_c = (L0 + P_pump)(1 + path) + W path,
    # W = Q_c / COP, so W = (L0 + P_pump)(1 + path) / (COP - path), which exists only while COP > path; the
    # radiator rejects Q_c + W.
    gain = 1 + path_factor
    runaway_hp = heat_pumped & (cop <= path_factor)
    hp_factor = np.where(heat_pumped & ~runaway_hp,
                         gain / np.where(heat_pumped & ~runaway_hp, cop - path_factor, 1.0), 0.0)
    pump_w = np.zeros_like(np.asarray(base, dtype=float))
    panels = thermal.size_panels(spec, heat_load=base * gain * u.W, radiator_temperature=t_radiator_in,
                                 absorbed_flux=absorbed)
    for _ in range(_COUPLING_PASSES):  # the pump takes a small share of the heat it moves: a few passes converge
        w_hp = (base + pump_w) * hp_factor
        q_loop = (base + pump_w) * gain + w_hp * path_factor
        loop = thermal.size_loop(
            heat_load=q_loop / th.loop_count * u.W, coolant=th.coolant, radiator_inlet_temperature=th.coolant_temperature,
            temperature_rise=th.loop_temperature_rise, line_length=th.line_length, line_diameter=th.line_diameter,
            pump_efficiency=th.pump_efficiency, emissivity=th.emissivity, sink_temperature=sink,
            fin_efficiency=panels.panel_efficiency, sides=th.sides)
        # A loop whose pump would need more than the payload itself has no fixed point: cap it and report it.
        new_pump = th.loop_count * loop.pump_power.m_as("W")
        runaway = runaway_hp | (new_pump > base)
        new_pump = np.minimum(new_pump, base)
        change = np.abs(new_pump - pump_w) / base
        pump_w = new_pump
    w_hp = (base + pump_w) * hp_factor
    load = base + pump_w + w_hp
    q_loop = (base + pump_w) * gain + w_hp * path_factor
    q_rad = q_loop + w_hp
    coupling_reason = combine_reasons(
        reasons_where(runaway, "pump and heat-pump power exceed what they serve: widen the loop lines, add "
                               "parallel loops (thermal.loop_count) or lower the heat-pump lift"),
        reasons_where(~runaway & (change > _COUPLING_TOLERANCE),
                      "pump power did not converge with the heat it moves"))

    # Panels at the radiator inlet: the hottest panel carries the most heat per pipe, and its fin efficiency is
    # the lowest, so the transport check and the efficiency used are the conservative ones.
    panels = thermal.size_panels(spec, heat_load=q_rad * u.W, radiator_temperature=t_radiator_in,
                                 absorbed_flux=absorbed)
    needed = np.where(heat_pumped, panels.area.m_as("m^2"), th.loop_count * loop.radiator_area.m_as("m^2"))
    needed = np.where(runaway_hp, np.inf, needed)  # a heat pump that cannot lift its own work has no radiator
    area = needed * (1 + th.area_margin)  # installed: the spare share holds heat pipes that MMOD may take
    t_radiating = np.where(heat_pumped, t_radiator_in.m_as("K"), loop.equivalent_temperature.m_as("K"))
    finite = np.isfinite(area)
    radiator_mass = np.where(finite, np.where(finite, area, 0.0) * panels.areal_density.m_as("kg/m^2"), np.inf)
    wings = np.asarray(th.wings)
    per_wing = np.ceil(np.where(finite, area, 0.0) / (wings * (th.panel_width * th.panel_length).m_as("m^2")))
    # whole panels, saturating at 2^53 (where float counts stop being whole) for areas no satellite has
    panel_count = np.where(finite, np.minimum(wings * per_wing, _MAX_PANELS), 0).astype(np.int64)
    loop_mass = _loop_mass(th, loop)

    load_q = quantity(load, "W")
    array = power.size_solar_array(
        daylight_load=load_q, eclipse_load=load_q,
        daylight_duration=env.daylight_duration, eclipse_duration=env.eclipse_duration,
        cell=pw.cell, lifetime=pw.lifetime, solar_flux=env.solar_flux_min, incidence_angle=pw.incidence_angle,
        inherent_degradation=pw.inherent_degradation,
        daylight_path_efficiency=pw.daylight_path_efficiency, eclipse_path_efficiency=pw.eclipse_path_efficiency,
        specific_power=pw.array_specific_power,
        **(dict(cell_temperature="radiative", earth_ir=earth.outgoing_ir, albedo=earth.albedo, view_factor=face_view)
           if pw.cell_temperature == "radiative" else {}),
    )
    battery = power.size_battery(
        eclipse_load=load_q, eclipse_duration=env.eclipse_duration, cycles=_eclipse_cycles(env, pw.lifetime),
        discharge_efficiency=pw.battery_discharge_efficiency, specific_energy=pw.battery_specific_energy,
    )
    radiator_q = quantity(radiator_mass, "kg")
    a_battery, battery_heater, battery_reason = _battery_radiator(design, env, loads, load, array)
    battery_radiator_kg = np.where(np.isfinite(a_battery), a_battery, 0.0) * panels.areal_density.m_as("kg/m^2")
    launch, stowed_h, stowed_d = _launch(design, env, chips, array, battery,
                                         radiator_q + loop_mass + quantity(battery_radiator_kg, "kg"), q_rad, area,
                                         needed, panels, panel_count)

    radiator_reason = np.where(heat_pumped, "", _reason(loop))
    combined = combine_reasons(_reason(array), _reason(battery), radiator_reason, _reason(panels), junction_reason,
                               coupling_reason, battery_reason, np.asarray(launch.reasons, dtype=object))
    shape = np.broadcast_shapes(np.shape(load), np.shape(area), np.shape(array.area.m), np.shape(battery.mass.m),
                                np.shape(launch.mass.wet.m), np.shape(junction.m), np.shape(panel_count),
                                np.shape(launch.feasible), np.shape(combined))
    reasons = np.broadcast_to(combined, shape)
    feasible = reasons == ""
    result = DesignResult(
        name=design.name,
        feasible=bool(feasible) if feasible.ndim == 0 else feasible,
        reasons=str(reasons) if np.ndim(reasons) == 0 else reasons,
        environment=env, chip_power=chips.to("W"), load=load_q, conversion_loss=conversion.heat.to("W"),
        path_loss=quantity(load * path_factor, "W"), pump_power=quantity(pump_w, "W"),
        coolant_mass_flow=(th.loop_count * loop.mass_flow).to("kg/s"),
        compressor_power=quantity(np.where(runaway_hp, np.inf, w_hp), "W"), array=array, battery=battery, loads=loads, heat_path=heat_path,
        loop=loop, panels=panels, heat_rejected=quantity(np.where(runaway_hp, np.inf, q_rad), "W"),
        absorbed_flux=absorbed, sink_temperature=sink,
        radiator_temperature=quantity(t_radiating, "K"), radiator_area=quantity(area, "m^2"),
        radiator_mass=radiator_q, loop_mass=loop_mass,
        panel_count=int(panel_count) if panel_count.ndim == 0 else panel_count,
        junction_temperature=junction.to("K"), required_radiator_area=quantity(needed, "m^2"),
        battery_radiator_area=quantity(a_battery, "m^2"), battery_radiator_mass=quantity(battery_radiator_kg, "kg"),
        battery_heater_power=quantity(battery_heater, "W"),
        stowed_height=stowed_h, stowed_diameter=stowed_d, launch=launch,
    )
    if shape:  # a sweep: every top-level field holds one value per point, whichever fields were swept
        result = dataclasses.replace(result, **{
            f.name: quantity(np.broadcast_to(getattr(result, f.name).m, shape), f.metadata["unit"])
            for f in dataclasses.fields(result) if "unit" in f.metadata},
            panel_count=np.broadcast_to(result.panel_count, shape).copy())
    # The node network has no heat-pump model (a conductance cannot carry heat uphill): it runs for a single
    # design point without one whose power and thermal sizing closed (launch margins may still fail).
    single = np.ndim(result.feasible) == 0
    closed = single and all(
        np.isfinite(q.m) for q in (result.radiator_area, result.array.area, result.battery.mass,
                                   result.junction_temperature, result.battery_radiator_area))
    if transient and not single:
        raise ValueError("transient = True: the orbit transient runs for a single design point, not a sweep")
    run_transient = (closed and not heat_pumped) if transient is None else bool(transient)
    if not run_transient:
        why = (_TRANSIENT_SWEEP if not single else
               "not asked for (transient=False)" if transient is not None else
               "the node network has no heat-pump model (a conductance cannot carry heat uphill)" if heat_pumped
               else "the steady sizing did not close (no finite radiator, array or battery to simulate)")
        return dataclasses.replace(result, transient_note=f"not run: {why}")
    from spacedc.designs.transient import orbit_extremes

    try:
        extremes = orbit_extremes(design, result)
    except (RuntimeError, ArithmeticError, np.linalg.LinAlgError) as exc:
        # An integrator that cannot follow the network (extreme loads or capacities) is a finding about this
        # design, not a crash: the orbit extremes stay unchecked, and the design is not called feasible.
        return dataclasses.replace(result, feasible=False, reasons="; ".join(filter(None, [
            result.reasons, f"the orbit transient did not converge ({exc}): the orbit extremes of the chips, the "
                            f"battery and the loop are unchecked"])), transient_note=f"failed: {exc}")
    peak, limit = extremes.chip_max.m_as("K"), p.junction_limit.m_as("K")
    if peak > limit:
        reason = (f"over the orbit the hottest chip peaks at {peak - 273.15:.1f} degC, above its junction limit "
                  f"({limit - 273.15:.1f} degC): the radiator is sized for the orbit average; lower "
                  f"thermal.coolant_temperature")
        result = dataclasses.replace(result, feasible=False, reasons="; ".join(filter(None, [result.reasons,
                                                                                             reason])))
    low, high = extremes.battery_min.m_as("K"), extremes.battery_max.m_as("K")
    lo_lim, hi_lim = design.power.battery_min_temperature.m_as("K"), design.power.battery_max_temperature.m_as("K")
    if low < lo_lim or high > hi_lim:
        fix = ("size its radiator for a wider band or add heaters" if th.battery_cooling == "radiator" else
               "put it on its own radiator (thermal.battery_cooling = 'radiator')")
        reason = (f"over the orbit the battery runs {low - 273.15:.1f} to {high - 273.15:.1f} degC, outside its "
                  f"{lo_lim - 273.15:.0f} to {hi_lim - 273.15:.0f} degC range: {fix}")
        result = dataclasses.replace(result, feasible=False, reasons="; ".join(filter(None, [result.reasons,
                                                                                             reason])))
    # The radiator node is the panels' heat pipes and manifolds, which the loop's coolant runs through.
    coldest = min(extremes.coolant_min.m_as("K"), extremes.radiator_min.m_as("K"))
    freezing = thermal.COOLANTS[th.coolant].freezing_point
    if coldest <= freezing:
        reason = (f"over the orbit the loop cools to {coldest - 273.15:.1f} degC at the radiator, at or below "
                  f"{th.coolant}'s freezing point ({freezing - 273.15:.1f} degC): raise "
                  f"thermal.coolant_temperature or choose another coolant")
        result = dataclasses.replace(result, feasible=False, reasons="; ".join(filter(None, [result.reasons,
                                                                                             reason])))
    result = dataclasses.replace(result, transient=extremes,
                                 transient_note=f"run: {extremes.orbits} orbits of the worst eclipse")
    return result


#: Why a sweep's points have no orbit transient (``thermal.transient`` of its table).
_TRANSIENT_SWEEP = "a sweep sizes the steady state only; check a chosen point with spacedc size"


def _panel_spec(th: Any) -> thermal.PanelSpec:
    return thermal.PanelSpec(
        width=th.panel_width, length=th.panel_length, face_sheet_material=th.face_sheet_material,
        face_sheet_thickness=th.face_sheet_thickness, core_density=th.core_density, core_thickness=th.core_thickness,
        pipe_pitch=th.pipe_pitch, pipe_diameter=th.pipe_diameter, pipe_wall_thickness=th.pipe_wall_thickness,
        pipe_linear_mass=th.pipe_linear_mass, pipe_transport_limit=th.pipe_transport_limit,
        manifold_linear_mass=th.manifold_linear_mass, absorptivity=th.absorptivity, emissivity=th.emissivity,
        sides=th.sides)


def _loop_mass(th: Any, loop: thermal.LoopResult) -> pint.Quantity:
    """Transport lines of every loop: aluminium tube of 1 mm wall and the coolant held (pumps not modelled)."""
    d = th.line_diameter.m_as("m")
    length = th.line_length.m_as("m")
    density = thermal.coolant_properties(th.coolant, loop.radiator_outlet_temperature).density.m_as("kg/m^3")
    tube = np.pi * (d + _LINE_WALL) * _LINE_WALL * _LINE_DENSITY
    fluid = np.pi * d**2 / 4 * density
    return quantity(th.loop_count * length * (tube + fluid), "kg")


def _battery_radiator(design: Design, env: Any, loads: Any, load: np.ndarray,
                      array: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The battery's own radiator (``thermal.battery_cooling = "radiator"``): area, heater power, reasons.

    Area: the battery's discharge loss, P (1/n - 1) in eclipse (n the battery-to-load efficiency, the share the
    transient network gives the battery), averaged over the worst-eclipse orbit, leaves one face at the middle
    of the battery's band against that face's orbit-average absorbed flux (the main radiator's front face, same
    orientation: its full load in sunlight, Earth IR alone in eclipse):
    A = Q_avg / (eps sigma T_mid^4 - q_abs,avg). Zero for a battery on the loop; infinite, with a reason, where
    that face's sink is warmer than T_mid.

    Heater: on an orbit without eclipse the battery makes no heat and its radiator would take it to the sink,
    so a thermostat heater holds it at its minimum against the cold-case sunlit flux,
    P_h = A (eps sigma T_min^4 - q_abs,cold)^+. Those orbits need no recharge, so the heater runs on the array's
    eclipse-recharge share, P_sa - P / X_d; a heater beyond it is infeasible, with its reason.

    The main radiator still carries the whole eclipse path loss (SMAD's X_e, the battery's share included), so
    the battery's heat is counted there too: conservative by that share (about 2 % of sso-100kw's 145 kW).
    """
    pw, th = design.power, design.thermal
    t_e, t_d = env.eclipse_duration.m_as("s"), env.daylight_duration.m_as("s")
    q_avg = load * (1 / pw.battery_discharge_efficiency - 1) * t_e / (t_e + t_d)
    t_min = pw.battery_min_temperature.m_as("K")
    t_mid = (t_min + pw.battery_max_temperature.m_as("K")) / 2
    absorbed = (loads.absorbed_front.m_as("W/m^2") * t_d + loads.earth_ir_front.m_as("W/m^2") * t_e) / (t_e + t_d)
    flux = th.emissivity * _SIGMA * t_mid ** 4 - absorbed
    own = np.asarray(th.battery_cooling == "radiator")
    cold = own & (flux <= 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        area = np.where(own, np.where(cold, np.inf, q_avg / np.where(cold, 1.0, flux)), 0.0)
    cold_case = thermal.environment_loads(altitude=design.orbit.altitude, absorptivity=th.absorptivity,
                                          emissivity=th.emissivity, orientation=th.orientation,
                                          solar_zenith_angle=env.beta_min, case="cold")
    finite = np.isfinite(area)
    heater = np.where(finite, np.where(finite, area, 0.0) * np.maximum(
        th.emissivity * _SIGMA * t_min ** 4 - cold_case.absorbed_front.m_as("W/m^2"), 0.0), 0.0)
    surplus = array.required_power.m_as("W") - load / pw.daylight_path_efficiency
    short = finite & (heater / pw.daylight_path_efficiency > surplus * (1 + 1e-12))
    why = combine_reasons(
        reasons_where(cold, "the battery radiator's sink is warmer than the middle of the battery's temperature "
                            "range: widen the range or use thermal.battery_cooling = 'loop'"),
        reasons_where(short, "the battery heater of eclipse-free orbits needs more than the array's recharge "
                             "share: narrow the battery radiator's duty (a wider band) or add array"))
    return area, heater, why


#: Points of the midpoint rule that averages the array's Earth view over the sunlit arc.
_VIEW_POINTS = 48


def _array_back_view_factor(altitude: pint.Quantity, beta: pint.Quantity, eclipse_fraction: Any) -> np.ndarray:
    """Earth view factor of a sun-tracking array's back face, averaged over the sunlit part of the orbit.

    The back face's normal is -s; its angle from nadir (-r) equals the solar zenith angle zeta, with
    cos(zeta) = cos(beta) cos(theta), theta the orbit angle from the subsolar point, the sunlit arc being
    |theta| <= pi (1 - f_e) (cylindrical shadow centred on midnight). The mean of F(zeta) over that arc
    (:func:`orbit.earth_view_factor`, partial view included) by a midpoint rule, evaluated once per distinct
    orbit of a sweep. At beta = 90 deg the face stays edge-on to Earth: F(90 deg). A hand derivation from the
    orbit geometry (e.g. Gilmore, *Spacecraft Thermal Control Handbook*, vol. I, ch. 2, for zeta).
    """
    h, b, f = np.broadcast_arrays(altitude.m_as("m"), beta.m_as("rad"), np.asarray(eclipse_fraction, dtype=float))
    rows = np.stack([h.ravel(), b.ravel(), f.ravel()], axis=1)
    unique, where = np.unique(rows, axis=0, return_inverse=True)
    arc = np.pi * (1.0 - unique[:, 2:3])
    theta = arc * (np.arange(_VIEW_POINTS) + 0.5) / _VIEW_POINTS
    zeta = np.arccos(np.clip(np.cos(unique[:, 1:2]) * np.cos(theta), -1.0, 1.0))
    view = orbit.earth_view_factor(np.broadcast_to(unique[:, 0:1], zeta.shape) * u.m, zeta * u.rad)
    mean = np.asarray(view).mean(axis=1)
    out = mean[where.reshape(-1)].reshape(h.shape)
    return float(out) if out.ndim == 0 else out


def _eclipse_cycles(env, lifetime) -> np.ndarray:
    """Battery cycles over life: one per orbit on each day that has an eclipse."""
    orbits_per_day = (1 * u.day / env.period).m_as("")
    years = lifetime.m_as("year")
    return env.days_with_eclipse * orbits_per_day * years


def _reason(result: Result) -> np.ndarray:
    return np.asarray(result.reasons, dtype=object)


def _launch(design: Design, env, chips, array, battery, thermal_mass, q_rad, area, needed, panels, panel_count):
    """Mass budget, packing and margins (designs.launch) for the sized parts, with the analytic stowed envelope.

    The radiator wings' panels are as long as the installed area needs (as the CAD builds them); the drag
    area is the installed radiator's one face plus the bus face: an edge-on radiator in a dawn-dusk orbit
    holds its plane across the velocity.
    """
    th, g, p = design.thermal, design.geometry, design.payload
    finite = np.isfinite(area)
    wings = np.asarray(th.wings)
    per_wing = np.maximum(panel_count // wings, 1)
    width = th.panel_width.m_as("m")
    length = np.where(finite, np.where(finite, area, 0.0) / (wings * per_wing * width), th.panel_length.m_as("m"))
    thickness = (2 * th.face_sheet_thickness + th.core_thickness).m_as("mm")
    racks = np.ceil(np.asarray(p.chip_count) / g.chips_per_rack)
    flexible = "blanket" in power.cell(design.power.cell).construction
    array_length = array.area.m_as("m^2") / (g.array_wings * g.array_wing_width.m_as("m"))
    height, radius = stowed_envelope_estimate(
        bus_width_mm=g.bus_width.m_as("mm"), racks=racks, panels_per_wing=per_wing, panel_width_mm=width * 1e3,
        panel_length_mm=length * 1e3, panel_thickness_mm=thickness, array_flexible=flexible,
        array_width_mm=g.array_wing_width.m_as("mm"), array_length_mm=np.where(np.isfinite(array_length),
                                                                               array_length, 0.0) * 1e3)
    face = thermal.material(th.face_sheet_material)
    # Drag area: the radiators' full face (conservative: edge-on to the Sun, they may face the flow) and the
    # bus, plus the sun-tracking array's orbit average. Its normal is the Sun direction s, whose component in
    # the orbit plane is cos(beta); the velocity turns through that plane, so the projected area A |s . v| =
    # A cos(beta) |cos(theta)| averages to (2 / pi) A cos(beta) over an orbit (a hand derivation; the
    # smallest |beta| of the year gives the largest). Dawn-dusk orbits, beta near 90 deg, see almost none.
    a_array = array.area.m_as("m^2")
    array_drag = np.where(np.isfinite(a_array), a_array, 0.0) * np.cos(env.beta_min.m_as("rad")) * 2.0 / np.pi
    launch = size_launch(
        design.launch, altitude=env.altitude, inclination=env.inclination, lifetime=design.power.lifetime,
        payload_mass=quantity(np.asarray(p.chip_count) * p.mass_per_chip.m_as("kg"), "kg"),
        power_mass=_finite_kg(array.mass + battery.mass), thermal_mass=_finite_kg(thermal_mass), compute_power=chips,
        radiator_wings=wings, panels_per_wing=per_wing, panel_width=th.panel_width, panel_length=quantity(length, "m"),
        face_sheet_thickness=th.face_sheet_thickness, face_sheet_modulus=th.face_sheet_modulus,
        face_sheet_density=face.density, core_thickness=th.core_thickness, core_density=th.core_density,
        panel_areal_density=panels.areal_density, heat_pipes_per_panel=panels.pipes_per_panel,
        heat_pipe_diameter=th.pipe_diameter, heat_pipe_wall_thickness=th.pipe_wall_thickness,
        heat_rejected=quantity(q_rad, "W"), array_mass=_finite_kg(array.mass), stowed_diameter=quantity(2 * radius, "mm"),
        stowed_height=quantity(height, "mm"),
        drag_area=quantity(np.where(finite, area, 0.0) + g.bus_width.m_as("m") ** 2 + array_drag, "m^2"),
        radiator_area=quantity(np.where(finite, needed, 1.0), "m^2"),
    )
    return launch, quantity(height, "mm").to("m"), quantity(2 * radius, "mm").to("m")


def _finite_kg(mass: pint.Quantity) -> pint.Quantity:
    """Masses of infeasible parts (unbounded) enter the launch checks as zero: those points are already
    infeasible with their own reason, and the other checks still run for the rest of a sweep."""
    m = mass.m_as("kg")
    return quantity(np.where(np.isfinite(m), m, 0.0), "kg")
