"""The sizing chain: payload -> power with eclipse -> heat load -> radiator -> mass.

Each step calls the discipline packages with Quantities; every step broadcasts, so a design whose fields
hold arrays is a sweep sized in one call.

Power demand. The chips draw ``N * P_chip`` through point-of-load converters of efficiency ``eta_c``; the
bus adds its housekeeping load. The load on the power bus, day and night alike (the chips keep computing
through eclipse), is

    P_load = N * P_chip / eta_c + P_hk.

Array and battery are sized for that load by the SMAD chain (power.size_solar_array, power.size_battery)
over the worst eclipse of the year, at the year's smallest solar flux (aphelion).

Heat load. Every watt delivered to a load ends as heat inside the satellite, and so does what the power
path loses between array and loads (regulators, battery charge and discharge). With SMAD's path
efficiencies X_d (array to loads) and X_e (array through battery to loads), the orbit-average path loss is

    P_path = [P_load T_e (1/X_e - 1) + P_load T_d (1/X_d - 1)] / (T_d + T_e),

so the radiator rejects ``Q = P_load + P_path`` (orbit average; the transient network of issue 3 resolves
the swing). Radiator temperature plus the junction-to-radiator drop of the heat path must not exceed the
chips' junction limit.

Mass. Payload, power (array + battery) and thermal (radiator) are summed; structure is a fraction f of the
dry mass, dry = sum / (1 - f); the total carries the system margin: total = dry * (1 + margin).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pint

import orbit
import power
import thermal
from designs.design import Design
from spacedc.results import Result, combine_reasons, reasons_where
from spacedc.units import quantity, u

__all__ = ["DesignResult", "MassBudget", "size"]


@dataclasses.dataclass(frozen=True)
class MassBudget(Result):
    """Mass by subsystem [kg]; ``total`` is the dry mass with the system margin."""

    payload: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    power: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    thermal: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    structure: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    margin: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    total: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})


@dataclasses.dataclass(frozen=True)
class DesignResult(Result):
    """The sized design. Fields broadcast over the design's arrays.

    ``feasible`` is false wherever any step is infeasible, and ``reasons`` then says why (all steps' reasons
    joined with ``"; "``).
    """

    name: str
    feasible: bool | np.ndarray
    reasons: str | np.ndarray
    environment: orbit.OrbitEnvironment
    chip_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    load: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    conversion_loss: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    path_loss: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    array: power.SolarArrayResult
    battery: power.BatteryResult
    radiator: thermal.RadiatorResult
    panel_count: int | np.ndarray
    junction_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    mass: MassBudget

    def to_dict(self) -> dict:
        """The ``summary.json`` sections of DESIGN.md (SI numbers, keys ending with their unit)."""
        from designs.report import summary

        return summary(self)


def size(design: Design) -> DesignResult:
    """Size ``design``: arrays, battery, radiator and mass. Broadcasts over array-valued fields."""
    p, pw, th = design.payload, design.power, design.thermal
    env = orbit.environment(design.orbit)

    chips = p.chip_count * p.chip_power
    conversion = power.conditioning_losses(chips, pw.conversion_efficiency)
    load = conversion.input_power + pw.housekeeping_load
    conversion_loss = conversion.heat

    earth = orbit.earth_albedo_ir(th.environment)
    # Radiators and a Sun-pointing array in the chain are both edge-on to Earth: their faces' normals are
    # horizontal, 90 deg from nadir (true of a dawn-dusk SSO; elsewhere, yaw steering keeps the Sun in that plane).
    face_view = orbit.earth_view_factor(design.orbit.altitude, 90 * u.deg)
    radiative = pw.cell_temperature == "radiative"
    array = power.size_solar_array(
        daylight_load=load, eclipse_load=load,
        daylight_duration=env.daylight_duration, eclipse_duration=env.eclipse_duration,
        cell=pw.cell, lifetime=pw.lifetime, solar_flux=env.solar_flux_min, incidence_angle=pw.incidence_angle,
        inherent_degradation=pw.inherent_degradation,
        daylight_path_efficiency=pw.daylight_path_efficiency, eclipse_path_efficiency=pw.eclipse_path_efficiency,
        specific_power=pw.array_specific_power,
        cell_temperature="radiative" if radiative else None,
        **(dict(earth_ir=earth.outgoing_ir, albedo=earth.albedo, view_factor=face_view) if radiative else {}),
    )
    battery = power.size_battery(
        eclipse_load=load, eclipse_duration=env.eclipse_duration,
        cycles=_eclipse_cycles(env, pw.lifetime),
        discharge_efficiency=pw.battery_discharge_efficiency, specific_energy=pw.battery_specific_energy,
    )

    t_e = env.eclipse_duration
    t_d = env.daylight_duration
    path_loss = (load * t_e * (1 / pw.eclipse_path_efficiency - 1)
                 + load * t_d * (1 / pw.daylight_path_efficiency - 1)) / (t_e + t_d)
    heat = (load + path_loss).to("W")

    radiator = thermal.size_radiator(
        heat_load=heat, temperature=th.radiator_temperature, emissivity=th.emissivity,
        absorptivity=th.absorptivity, sides=th.sides, fin_efficiency=th.fin_efficiency,
        incident_solar="0 W/m^2", solar_constant=env.solar_flux_max, albedo=earth.albedo,
        earth_view_factor=th.sides * face_view, earth_ir=earth.outgoing_ir, areal_density=th.areal_density,
    )
    area = radiator.area.m_as("m^2")
    finite = np.isfinite(area)
    wings = np.asarray(th.wings)
    per_wing = np.ceil(np.where(finite, area, 0.0) / (wings * th.panel_area.m_as("m^2")))
    panels = np.where(finite, wings * per_wing, 0).astype(np.int64)

    junction = th.radiator_temperature + th.heat_path_temperature_drop
    too_hot = junction.m_as("K") > p.junction_limit.m_as("K")
    junction_reason = reasons_where(
        too_hot, f"radiator temperature + heat-path drop exceeds the chip junction limit "
                 f"({p.junction_limit.to('degC'):~.1f}); lower the radiator temperature or the heat-path drop")

    mass = _mass_budget(design, array, battery, radiator)
    shape = np.broadcast_shapes(np.shape(load.m), np.shape(area), np.shape(array.area.m),
                                np.shape(battery.mass.m), np.shape(mass.total.m))
    reasons = np.broadcast_to(
        combine_reasons(_reason(array), _reason(battery), radiator.reason, junction_reason), shape)
    feasible = reasons == ""
    return DesignResult(
        name=design.name,
        feasible=bool(feasible) if feasible.ndim == 0 else feasible,
        reasons=str(reasons) if np.ndim(reasons) == 0 else reasons,
        environment=env, chip_power=chips.to("W"), load=load.to("W"), conversion_loss=conversion_loss.to("W"),
        path_loss=path_loss.to("W"), array=array, battery=battery, radiator=radiator,
        panel_count=int(panels) if panels.ndim == 0 else panels, junction_temperature=junction.to("K"), mass=mass,
    )


def _eclipse_cycles(env, lifetime) -> np.ndarray:
    """Battery cycles over life: one per orbit on each day that has an eclipse."""
    orbits_per_day = (1 * u.day / env.period).m_as("")
    years = lifetime.m_as("year")
    return env.days_with_eclipse * orbits_per_day * years


def _reason(result: Result) -> np.ndarray:
    return np.asarray(getattr(result, "reason", ""), dtype=object)


def _mass_budget(design: Design, array, battery, radiator) -> MassBudget:
    payload = quantity(design.payload.chip_count * design.payload.mass_per_chip.m_as("kg"), "kg")
    power_kg = (array.mass + battery.mass).to("kg")
    thermal_kg = radiator.mass.to("kg")
    f = design.mass.structure_fraction
    subtotal = payload + power_kg + thermal_kg
    structure = subtotal * (f / (1 - f))  # so that structure = f * (subtotal + structure)
    dry = subtotal + structure
    margin = dry * design.mass.margin
    return MassBudget(payload=payload, power=power_kg, thermal=thermal_kg, structure=structure.to("kg"),
                      margin=margin.to("kg"), total=(dry + margin).to("kg"))
