"""Satellite designs as data, and the pipeline that sizes them.

>>> from spacedc import designs
>>> sat = designs.load("sso-100kw")          # a shipped reference design, or a TOML path
>>> result = designs.size(sat)
>>> result.radiator.area, result.feasible     # doctest: +SKIP
"""

from spacedc.designs.chain import size
from spacedc.designs.design import Design, from_dict, load, reference_designs
from spacedc.designs.budget import LaunchResult
from spacedc.designs.report import summary_table, write_summary
from spacedc.designs.result import DesignResult, summary
from spacedc.designs.spec import DesignError, GeometryChoices, LaunchChoices, Payload, PowerChoices, ThermalChoices
from spacedc.designs.sweep import SweepReport, sweep

__all__ = [
    "Design", "DesignError", "DesignResult", "GeometryChoices", "LaunchChoices", "LaunchResult", "Payload",
    "PowerChoices",
    "SweepReport", "ThermalChoices", "from_dict", "load", "reference_designs", "size", "summary", "summary_table",
    "sweep", "write_summary",
]
