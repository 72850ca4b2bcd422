"""power: solar cells and arrays, batteries, and power conditioning losses.

Sizing follows Wertz & Larson, *Space Mission Analysis and Design* (3rd ed., sec. 11.4):

* :func:`size_solar_array` -- daylight and eclipse loads to array area, BOL/EOL power and mass, with the
  cell efficiency optionally corrected to the array's own radiative temperature
  (:func:`array_operating_temperature`).
* :func:`rate_solar_array` -- a given array's power at beginning and end of life (the same chain read the
  other way).
* :func:`size_battery` -- eclipse energy to battery capacity and mass, the depth of discharge chosen from
  cycle life (:func:`allowed_depth_of_discharge`, :func:`cycles`), and the round-trip heat.
* :func:`conditioning_losses` and :class:`PowerConditioning` -- converter input power and heat.

Named data: :data:`CELLS` (solar cells, :func:`cell` to look one up), :data:`CHEMISTRIES` (batteries),
:data:`CONVERTERS` (conversion stages); every row cites its source. Every function takes Quantities
(or strings such as ``"110 W"``) and broadcasts over arrays; infeasible points are reported in the result
(``feasible``, ``reasons``), not raised.

>>> from spacedc import power
>>> r = power.size_solar_array(daylight_load="10 kW", eclipse_load="10 kW", daylight_duration="60 min",
...                            eclipse_duration="35 min", lifetime="5 year", cell="xtj")
>>> bool(r.feasible)
True
"""

from spacedc.power.array import (SolarArrayRating, SolarArrayResult, array_operating_temperature, rate_solar_array,
                                 size_solar_array)
from spacedc.power.battery import (
    CHEMISTRIES,
    BatteryChemistry,
    BatteryResult,
    allowed_depth_of_discharge,
    cycles,
    size_battery,
)
from spacedc.power.cells import CELLS, REFERENCE_TEMPERATURE, SolarCell, cell
from spacedc.power.conditioning import (
    CONVERTERS,
    ConditioningResult,
    Converter,
    PowerConditioning,
    conditioning_losses,
)

__all__ = [
    "CELLS", "REFERENCE_TEMPERATURE", "SolarCell", "cell",
    "SolarArrayResult", "array_operating_temperature", "size_solar_array", "SolarArrayRating", "rate_solar_array",
    "CHEMISTRIES", "BatteryChemistry", "BatteryResult", "allowed_depth_of_discharge", "cycles", "size_battery",
    "CONVERTERS", "Converter", "ConditioningResult", "PowerConditioning", "conditioning_losses",
]
