"""Figures of merit of a sized design beside published references: the ratios an engineer checks first.

The design's figures come from its ``summary.json`` dictionary (:func:`figures`):

- array specific power [W/kg] = P_BOL / m_array and power per area [W/m^2] = P_BOL / A_array (beginning of life,
  as flown arrays are quoted);
- radiator specific heat rejection [W/kg] = Q / m_radiator, areal density [kg/m^2] = m_radiator / A and net
  heat rejection per area [W/m^2] = Q / A, A the radiator's planform (one face, whatever the radiating sides);
- satellite compute power per tonne [kW/t] = P_chips / m_wet.

:data:`REFERENCES` holds the published figures, each with its source key (docs/references.md, "Figures of
merit") and one line on why a design differs. Only sourced numbers are listed: the iROSA wing's mass and area
were not found in a citable source, so iROSA is not in the table.

Sources: [Oren1995] (ISS EATCS), [Mikulas2015] (flexible blankets), [Starcloud2024] and [Starcloud2024-Summary]
(Starcloud), [Musk2026-Email] and [SpaceX-AI1-2026] (SpaceX).

Examples
--------
>>> ref = {r.key: r for r in REFERENCES if r.figure == "radiator_W_per_kg"}["Oren1995"]
>>> round(ref.value, 1)
10.4
"""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["FIGURES", "Reference", "REFERENCES", "figures"]

#: figure key -> (label, unit), in the order the report shows them.
FIGURES: dict[str, tuple[str, str]] = {
    "array_W_per_kg": ("array specific power (BOL)", "W/kg"),
    "array_W_per_m2": ("array power per area (BOL)", "W/m^2"),
    "radiator_W_per_kg": ("radiator heat rejection per mass", "W/kg"),
    "radiator_kg_per_m2": ("radiator areal density", "kg/m^2"),
    "radiator_net_W_per_m2": ("radiator net heat rejection per planform area", "W/m^2"),
    "satellite_kW_per_t": ("compute power per tonne of satellite (wet)", "kW/t"),
}


@dataclasses.dataclass(frozen=True)
class Reference:
    """One published figure of merit: which figure, its value in the unit of :data:`FIGURES`, what it is, its
    source key and why a design differs from it."""

    figure: str
    value: float
    what: str
    key: str
    why: str


# ISS EATCS [Oren1995]: six radiators, 70 kW in all; each 23.3 m x 3.4 m and 1122 kg (2nd-hand)
_ISS_AREA, _ISS_MASS, _ISS_HEAT = 6 * 23.3 * 3.4, 6 * 1122.0, 70e3
_ISS_WHY = ("crewed-station radiators: cold ammonia loops, Shuttle-launched orbital-replaceable panels; heat per "
            "area grows as T^4, so a hotter chip loop rejects more per m^2 and per kg")

REFERENCES: tuple[Reference, ...] = (
    Reference("array_W_per_kg", 150.0, "flexible-blanket arrays of 30-50 kW, state of the art", "Mikulas2015",
              "the design's cells, blanket and boom mass per area set its figure; a rigid-panel array is lower, a "
              "thin-film blanket higher"),
    Reference("array_W_per_kg", 1000.0, "Starcloud: thin-film cells, claimed (> 1000 W/kg)", "Starcloud2024-Summary",
              "a claim for future thin-film cells, not flown hardware; includes no boom, harness or mechanism"),
    Reference("array_W_per_m2", 250.0, "SpaceX AI1 satellite, assumed array output", "SpaceX-AI1-2026",
              "depends on cell efficiency, packing and temperature; the design's figure is BOL at its cell "
              "temperature"),
    Reference("radiator_W_per_kg", _ISS_HEAT / _ISS_MASS, "ISS EATCS heat-rejection radiators", "Oren1995", _ISS_WHY),
    Reference("radiator_kg_per_m2", _ISS_MASS / _ISS_AREA, "ISS EATCS heat-rejection radiators", "Oren1995",
              "honeycomb panels with redundant ammonia tubes and MMOD protection for 10+ years, built for Shuttle "
              "launch loads"),
    Reference("radiator_net_W_per_m2", _ISS_HEAT / _ISS_AREA, "ISS EATCS heat-rejection radiators (70 kW)",
              "Oren1995", _ISS_WHY),
    Reference("radiator_net_W_per_m2", 633.0, "Starcloud: two-sided radiator at 20 C, net of absorbed loads",
              "Starcloud2024-Summary", "an ideal isothermal plate (no fin efficiency, no loop temperature drop, no "
              "MMOD spare area)"),
    Reference("radiator_net_W_per_m2", 1400.0, "SpaceX AI1 satellite, two-sided radiator, stated", "SpaceX-AI1-2026",
              "a stated target at an unstated temperature; edge-on to the Sun"),
    Reference("satellite_kW_per_t", 100.0, "SpaceX: 100 kW of compute per tonne launched, stated", "Musk2026-Email",
              "a stated goal; the design carries a bus, battery, margins and growth that the figure does not show"),
)


def _ratio(num: Any, den: Any, scale: float = 1.0) -> float | None:
    if num is None or den is None or not den:
        return None
    return float(num) / float(den) * scale


def figures(data: dict[str, Any]) -> dict[str, float | None]:
    """The design's figures of merit (the keys of :data:`FIGURES`) from a single design's ``summary.json``
    dictionary; ``None`` where a figure has no denominator (no array, no radiator).

    Examples
    --------
    >>> data = {"power": {"bol_power_W": 150e3, "array_mass_kg": 1000.0, "array_area_m2": 500.0},
    ...         "thermal": {"heat_rejected_W": 100e3, "radiator_mass_kg": 2000.0, "radiator_area_m2": 400.0},
    ...         "mass": {"total_kg": 10e3}}
    >>> data["power"]["chip_power_W"] = 80e3
    >>> f = figures(data)
    >>> f["array_W_per_kg"], f["radiator_kg_per_m2"], f["satellite_kW_per_t"]
    (150.0, 5.0, 8.0)
    """
    p, t, m = data["power"], data["thermal"], data["mass"]
    return {
        "array_W_per_kg": _ratio(p["bol_power_W"], p["array_mass_kg"]),
        "array_W_per_m2": _ratio(p["bol_power_W"], p["array_area_m2"]),
        "radiator_W_per_kg": _ratio(t["heat_rejected_W"], t["radiator_mass_kg"]),
        "radiator_kg_per_m2": _ratio(t["radiator_mass_kg"], t["radiator_area_m2"]),
        "radiator_net_W_per_m2": _ratio(t["heat_rejected_W"], t["radiator_area_m2"]),
        "satellite_kW_per_t": _ratio(p["chip_power_W"], m["total_kg"]),
    }
