"""thermal: how an orbital data center sheds its heat, by radiation alone.

* :mod:`thermal.radiator` -- :func:`size_radiator`: area and mass of a panel that rejects a heat load at a
  temperature against absorbed solar, albedo and Earth IR; the effective sink temperature.
* :mod:`thermal.fin` -- :func:`fin_efficiency`: the exact nonlinear radiating fin between two heat pipes
  (and :func:`fin_efficiency_linearized` for comparison).
* :mod:`thermal.coatings` -- :data:`COATINGS`: solar absorptance and emittance of radiator coatings, with
  :func:`coating_alpha` at end of life.
* :mod:`thermal.network` -- :class:`ThermalNetwork`: nodes, conductive and radiative links and orbit-varying
  loads, solved implicitly with a sparse Jacobian; energy-balance bookkeeping; :func:`plot_temperatures`.

Radiative terms are computed in kelvin throughout.
"""

from thermal._constants import STEFAN_BOLTZMANN
from thermal.coatings import COATINGS, Coating, coating, coating_alpha
from thermal.fin import fin_efficiency, fin_efficiency_linearized, fin_parameter
from thermal.network import SteadyStateResult, ThermalNetwork, TransientResult, plot_temperatures
from thermal.radiator import DEEP_SPACE_TEMPERATURE, RadiatorResult, size_radiator

__all__ = [
    "STEFAN_BOLTZMANN", "DEEP_SPACE_TEMPERATURE",
    "RadiatorResult", "size_radiator",
    "fin_efficiency", "fin_efficiency_linearized", "fin_parameter",
    "COATINGS", "Coating", "coating", "coating_alpha",
    "ThermalNetwork", "SteadyStateResult", "TransientResult", "plot_temperatures",
]
