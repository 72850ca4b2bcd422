"""Satellite designs as data, and the pipeline that sizes them.

>>> import designs
>>> sat = designs.load("sso-100kw")          # a shipped reference design, or a TOML path
>>> result = designs.size(sat)
>>> result.radiator.area, result.feasible     # doctest: +SKIP
"""

from designs.chain import DesignResult, size
from designs.design import Design, from_dict, load, reference_designs
from designs.report import summary, summary_table, write_summary
from designs.launch import LaunchChoices, LaunchResult
from designs.spec import DesignError, GeometryChoices, Payload, PowerChoices, ThermalChoices
from designs.sweep import SweepReport, sweep

__all__ = [
    "Design", "DesignError", "DesignResult", "GeometryChoices", "LaunchChoices", "LaunchResult", "Payload",
    "PowerChoices",
    "SweepReport", "ThermalChoices", "from_dict", "load", "reference_designs", "size", "summary", "summary_table",
    "sweep", "write_summary",
]
