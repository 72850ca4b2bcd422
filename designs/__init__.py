"""Satellite designs as data, and the pipeline that sizes them.

>>> from spacedc import designs
>>> sat = designs.load("sso-100kw")          # a shipped reference design, or a TOML path
>>> result = designs.size(sat)

The hottest junction is the coolant leaving the cold plates plus the chip's power through its path,
38 C + 1000 W x (0.02 + 0.02) K/W = 78 C, for the design's 100 chips of 1000 W:

>>> result.chip_power.to("kW"), result.junction_temperature.to("degC")
(<Quantity(100.0, 'kilowatt')>, <Quantity(78.0, 'degree_Celsius')>)
"""

from spacedc.designs.chain import size
from spacedc.designs.design import Design, from_dict, load, reference_designs
from spacedc.designs.budget import LaunchResult
from spacedc.designs import margins
from spacedc.designs.optimize import OptimizeResult, optimize
from spacedc.designs.report import summary_table, write_summary
from spacedc.designs.result import DesignResult, summary
from spacedc.designs.spec import (ComputeChoices, CostChoices, DesignError, GeometryChoices, LaunchChoices,
                                  LifetimeChoices, Payload, PowerChoices, ThermalChoices)
from spacedc.designs.sweep import SweepReport, sweep
from spacedc.designs.uq import Reliability, UQResult, size_to_reliability, uq

__all__ = [
    "ComputeChoices", "CostChoices", "LifetimeChoices", "Design", "DesignError", "DesignResult", "GeometryChoices",
    "LaunchChoices", "LaunchResult", "Payload", "margins", "OptimizeResult", "optimize",
    "PowerChoices",
    "SweepReport", "ThermalChoices", "from_dict", "load", "reference_designs", "size", "summary", "summary_table",
    "sweep", "Reliability", "size_to_reliability", "uq", "UQResult", "write_summary",
]
