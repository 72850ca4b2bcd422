"""The thermal node network of a sized design, and its temperatures over an orbit.

Four nodes, each lumped (thermal.ThermalNetwork):

- ``chips``: the chips with their boards, heat capacity N m_chip c_Al, loaded with the chip power;
- ``coolant``: the loop (coolant in the lines plus the line tubes), loaded with the point-of-load conversion
  loss, the housekeeping load, the pump, the power-path loss in sunlight (SMAD's 1/X_d - 1) and, in eclipse, the path loss (1/X_e - 1) less
  the cells' own share, since regulators and converters sit on cold plates;
- ``battery``: the battery, loaded in eclipse with its own discharge loss P_load (1/n - 1), n the battery's
  discharge efficiency; on its own radiator (``thermal.battery_cooling = "radiator"``, its area from the
  sizing) it radiates to space and absorbs that face's environment, starting mid-range; on the loop it is
  bolted to a cold plate (below);
- ``radiator``: the panels, loaded with the absorbed environment (solar, albedo and Earth IR in sunlight,
  Earth IR alone in eclipse) and radiating to space from ``sides`` faces with the panel efficiency, over the
  area the heat needs: the end-of-life radiator, its spare area (``thermal.area_margin``) taken by MMOD.

Links: chips to coolant through the per-chip path N / (R_jc + R_cp); coolant (the hottest coolant, at the
cold-plate outlet) to radiator (at its along-flow equivalent temperature) with the conductance that carries
the sized heat across their difference, so the network's orbit-average state is the sizing's;
battery to coolant through a cold plate of 1 W/K per kilogram of battery (an assumption of this model:
a pack bolted to a liquid cold plate). Heat capacities use the specific heat of aluminium 6061-T6 from
:data:`spacedc.materials.MATERIALS` (896 J/(kg K)) and 1000 J/(kg K) for Li-ion cells (Maleki et al.,
J. Electrochem. Soc. 146 (1999) 947, 0.8-1.1 kJ/(kg K)).

The network starts from the sizing's temperatures, runs ``orbits`` orbits of the worst eclipse with the loads
switched at eclipse entry and exit, and reports the extremes over the last orbit.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import numpy as np
import pint

from spacedc import materials
from spacedc import thermal
from spacedc.results import Result
from spacedc.units import quantity, u

if TYPE_CHECKING:
    from spacedc.designs.result import DesignResult
    from spacedc.designs.design import Design

__all__ = ["TransientSummary", "design_network", "orbit_extremes"]

_CP_ALUMINIUM = materials.material("al6061-t6").require("specific_heat")
_CP_LI_ION, _BATTERY_CONDUCTANCE_PER_KG = 1000.0, 1.0


@dataclasses.dataclass(frozen=True)
class TransientSummary(Result):
    """Orbit extremes of the design's network over its last simulated orbit."""

    chip_min: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    chip_max: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    coolant_min: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    coolant_max: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    radiator_min: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    radiator_max: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    battery_min: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    battery_max: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    energy_closure: float
    orbits: int
    result: thermal.TransientResult = dataclasses.field(metadata={"skip": True})


def design_network(design: Design, result: DesignResult) -> thermal.ThermalNetwork:
    """Build the four-node network of a sized, single-point design (see the module docstring)."""
    p, th, pw = design.payload, design.thermal, design.power
    # the chips as full-power equivalents: what they draw (the active ones, and hot spares at their share) over
    # one chip's power, so that the node's path from junction to coolant is an active chip's
    n = float(result.chip_power.m_as("W") / p.chip_power.m_as("W"))
    period = result.environment.period.m_as("s")
    t_e = result.environment.eclipse_duration.m_as("s")
    loop, loads = result.loop, result.loads
    coolant = thermal.coolant_properties(th.coolant, loop.radiator_outlet_temperature)
    line_volume = th.loop_count * np.pi * th.line_diameter.m_as("m") ** 2 / 4 * th.line_length.m_as("m")
    coolant_capacity = line_volume * coolant.density.m_as("kg/m^3") * coolant.specific_heat.m_as("J/(kg*K)")
    line_capacity = max(result.loop_mass.m_as("kg") - line_volume * coolant.density.m_as("kg/m^3"), 0.0) * _CP_ALUMINIUM

    t_chip = result.junction_temperature.m_as("K")
    t_cool = th.coolant_temperature.m_as("K")
    t_rad = result.radiator_temperature.m_as("K")
    net = thermal.ThermalNetwork()
    net.add_node("chips", n * p.mass_per_chip.m_as("kg") * _CP_ALUMINIUM * u.J / u.K, temperature=t_chip * u.K)
    net.add_node("coolant", (coolant_capacity + line_capacity) * u.J / u.K, temperature=t_cool * u.K)
    on_loop = th.battery_cooling == "loop"
    t_battery = t_cool if on_loop else (pw.battery_min_temperature.m_as("K") + pw.battery_max_temperature.m_as("K")) / 2
    net.add_node("battery", max(result.battery.mass.m_as("kg"), 1.0) * _CP_LI_ION * u.J / u.K,
                 temperature=t_battery * u.K)
    net.add_node("radiator", result.radiator_mass.m_as("kg") * _CP_ALUMINIUM * u.J / u.K, temperature=t_rad * u.K)

    r_chip = (th.junction_to_case + th.cold_plate_resistance).m_as("K/W")
    net.add_conduction("chips", "coolant", n / r_chip * u.W / u.K)
    # The coolant node is the hottest coolant (the chips' side); the radiator node radiates at the along-flow
    # equivalent temperature. Their link carries the sized heat across that difference. (Designs with a heat
    # pump do not run this network: a conductance cannot carry heat uphill.)
    t_hot = th.coolant_temperature.m_as("K")
    if t_hot - t_rad <= 0.1:
        link = th.loop_count * loop.mass_flow.m_as("kg/s") * coolant.specific_heat.m_as("J/(kg*K)")
    else:
        link = result.heat_rejected.m_as("W") / (t_hot - t_rad)
    net.add_conduction("coolant", "radiator", link * u.W / u.K)
    a_battery = float(result.battery_radiator_area.m_as("m^2"))
    if on_loop:
        net.add_conduction("battery", "coolant",
                           max(result.battery.mass.m_as("kg"), 1.0) * _BATTERY_CONDUCTANCE_PER_KG * u.W / u.K)
    elif a_battery > 0:
        net.add_radiation_to_space("battery", emissivity=th.emissivity, area=a_battery * u.m**2)
    # End of life: the spare area (thermal.area_margin) is there for the heat pipes MMOD will have taken, so the
    # panels radiate from the area the heat needs, the hottest case the chips will see.
    area = result.required_radiator_area.m_as("m^2")
    net.add_radiation_to_space("radiator", emissivity=th.emissivity,
                               area=area * th.sides * float(result.panels.panel_efficiency) * u.m**2)

    load = result.load.m_as("W")
    net.add_load("chips", result.chip_power.m_as("W") * u.W)
    # point-of-load converters sit on the cold plates, beside the chips rather than inside their junction path
    steady = (pw.housekeeping_load.m_as("W") + result.conversion_loss.m_as("W") + result.pump_power.m_as("W"))
    day_loss = load * (1 / pw.daylight_path_efficiency - 1)
    night_loss = load * (1 / pw.eclipse_path_efficiency - 1)
    battery_loss = load * (1 / pw.battery_discharge_efficiency - 1)  # the cells' own share of the eclipse loss
    sun = area * loads.absorbed_flux.m_as("W/m^2")
    ir = area * (loads.earth_ir_front + loads.earth_ir_back).m_as("W/m^2")
    if th.sides == 1:
        sun = area * loads.absorbed_front.m_as("W/m^2")
        ir = area * loads.earth_ir_front.m_as("W/m^2")
    t_entry = period - t_e
    times = np.array([0.0, t_entry, period]) * u.s
    regulators_night = max(night_loss - battery_loss, 0.0)
    net.add_load("coolant", np.array([steady + day_loss, steady + regulators_night, steady + regulators_night]) * u.W,
                 times=times, period=period * u.s, hold=True)
    # a battery on its own radiator also absorbs that face's environment (front face: sunlight, albedo and
    # Earth IR in daylight, Earth IR alone in eclipse)
    sun_b = a_battery * loads.absorbed_front.m_as("W/m^2")
    ir_b = a_battery * loads.earth_ir_front.m_as("W/m^2")
    net.add_load("battery", np.array([float(sun_b), battery_loss + float(ir_b), battery_loss + float(ir_b)]) * u.W,
                 times=times, period=period * u.s, hold=True)
    net.add_load("radiator", np.array([float(sun), float(ir), float(ir)]) * u.W, times=times,
                 period=period * u.s, hold=True)
    return net


def orbit_extremes(design: Design, result: DesignResult, *, orbits: int = 3) -> TransientSummary:
    """Run the design's network over ``orbits`` orbits and report the extremes of the last one."""
    net = design_network(design, result)
    period = result.environment.period.m_as("s")
    run = net.transient(orbits * period * u.s, output_step=period / 200 * u.s)
    t = run.time.m_as("s")
    last = t >= (orbits - 1) * period - 1e-9

    def extremes(node: str) -> tuple[pint.Quantity, pint.Quantity]:
        temps = run.temperature_of(node).m_as("K")[last]
        return quantity(temps.min(), "K"), quantity(temps.max(), "K")

    chip, cool, rad, bat = extremes("chips"), extremes("coolant"), extremes("radiator"), extremes("battery")
    return TransientSummary(chip_min=chip[0], chip_max=chip[1], coolant_min=cool[0], coolant_max=cool[1],
                            radiator_min=rad[0], radiator_max=rad[1],
                            battery_min=bat[0], battery_max=bat[1], energy_closure=float(run.energy_closure),
                            orbits=orbits, result=run)
