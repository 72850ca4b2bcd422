"""thermal: how an orbital data center sheds its heat, by radiation alone.

* :mod:`thermal.radiator` -- :func:`size_radiator`: area and mass of a panel that rejects a heat load at a
  temperature against absorbed solar, albedo and Earth IR; the effective sink temperature; and a given panel
  rated: its equilibrium temperature at a heat load (:func:`rate_radiator`) or its heat rejected at a temperature
  (:func:`radiator_heat_rejection`).
* :mod:`thermal.fin` -- :func:`fin_efficiency`: the exact nonlinear radiating fin between two heat pipes
  (and :func:`fin_efficiency_linearized` for comparison).
* :mod:`thermal.coatings` -- :data:`COATINGS`: solar absorptance and emittance of radiator coatings, with
  :func:`coating_alpha` at end of life.
* :mod:`thermal.environment` -- :func:`environment_loads`: solar, albedo and Earth IR absorbed by each face
  of a panel in a named or explicit orientation, and the effective sink temperature.
* :mod:`thermal.panel` -- :class:`PanelSpec` and :func:`size_panels`: radiator panels as built (face sheets,
  core, heat pipes at a pitch, manifold), their fin efficiency, transport check and areal density. Face-sheet
  materials are rows of the one table, :data:`spacedc.materials.MATERIALS` (re-exported as ``MATERIALS``).
* :mod:`thermal.coolants` -- liquid coolants' properties against temperature.
* :mod:`thermal.hydraulics` -- a coolant line's flow, friction, pressure drop, pump power and film coefficient.
* :mod:`thermal.flow_radiator` -- :func:`radiator_along_flow`: a radiator whose fluid cools as it radiates.
* :mod:`thermal.loop` -- :func:`size_loop`: a pumped single-phase loop and its radiator, sized together.
* :mod:`thermal.heat_path` -- the chip's side of the path: :func:`junction_temperature` and the hottest
  radiator inlet the junction limit allows (:func:`max_radiator_temperature`).
* :mod:`thermal.heat_pump` -- lifting the radiator above the loop with a fraction-of-Carnot heat pump.
* :mod:`thermal.network` -- :class:`ThermalNetwork`: nodes, conductive and radiative links and orbit-varying
  loads, solved implicitly with a sparse Jacobian; energy-balance bookkeeping; :func:`plot_temperatures`.

Radiative terms are computed in kelvin throughout.
"""

from spacedc.thermal._constants import STEFAN_BOLTZMANN
from spacedc.thermal.coatings import COATINGS, Coating, coating, coating_alpha
from spacedc.thermal.fin import fin_efficiency, fin_efficiency_linearized, fin_parameter
from spacedc.thermal.network import SteadyStateResult, ThermalNetwork, TransientResult, plot_temperatures
from spacedc.thermal.coolants import COOLANTS, Coolant, CoolantProperties, coolant, coolant_properties
from spacedc.thermal.environment import ORIENTATIONS, EnvironmentLoads, environment_loads
from spacedc.thermal.heat_pump import HeatPumpResult, HeatPumpTrade, heat_pump, heat_pump_trade
from spacedc.thermal.flow_radiator import FlowRadiatorResult, radiator_along_flow
from spacedc.thermal.heat_path import HeatPathResult, junction_temperature, max_radiator_temperature
from spacedc.thermal.hydraulics import PipeFlow, convection_coefficient, pipe_flow, pump_power
from spacedc.thermal.loop import LoopResult, size_loop
from spacedc.materials import MATERIALS, Material, material  # re-exported: the one table is spacedc.materials
from spacedc.thermal.panel import PanelResult, PanelSpec, size_panels
from spacedc.thermal.radiator import (DEEP_SPACE_TEMPERATURE, RadiatorRating, RadiatorResult,
                                      radiator_heat_rejection, rate_radiator, size_radiator)

__all__ = [
    "STEFAN_BOLTZMANN", "DEEP_SPACE_TEMPERATURE",
    "RadiatorResult", "size_radiator", "RadiatorRating", "rate_radiator", "radiator_heat_rejection",
    "fin_efficiency", "fin_efficiency_linearized", "fin_parameter",
    "COATINGS", "Coating", "coating", "coating_alpha",
    "ThermalNetwork", "SteadyStateResult", "TransientResult", "plot_temperatures",
    "ORIENTATIONS", "EnvironmentLoads", "environment_loads",
    "Material", "MATERIALS", "material", "PanelSpec", "PanelResult", "size_panels",
    "Coolant", "COOLANTS", "coolant", "CoolantProperties", "coolant_properties",
    "PipeFlow", "pipe_flow", "pump_power", "convection_coefficient", "FlowRadiatorResult", "radiator_along_flow",
    "LoopResult", "size_loop", "HeatPathResult", "max_radiator_temperature", "junction_temperature",
    "HeatPumpResult", "heat_pump", "HeatPumpTrade", "heat_pump_trade",
]
