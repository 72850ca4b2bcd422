"""A satellite design as data: frozen, validated sections built from TOML or from Python.

Each section is a frozen keyword-only dataclass whose fields declare their unit and bounds. Values may be
Quantities, unit strings (``"650 km"``, ``"85 degC"``) or, for a sweep, Quantities holding arrays; they are
validated and converted once, in ``__post_init__``, and every error names the field path (``payload.chip_power``),
the value and what was expected.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import Any, ClassVar

import numpy as np

from spacedc import power
from spacedc import thermal

from spacedc.units import broadcast_shape, fraction, quantity, si

__all__ = ["DesignError", "Section", "Payload", "PowerChoices", "ThermalChoices", "GeometryChoices",
           "qty", "num", "integer", "choice", "text", "unknown_keys"]

_REQUIRED = dataclasses.MISSING


class DesignError(ValueError):
    """A design file or dictionary that cannot be turned into a design (syntax, unknown or missing keys)."""


def qty(unit: str, default: Any = _REQUIRED, *, lo: float | None = None, hi: float | None = None,
        lo_open: bool = False, hi_open: bool = False, doc: str = "") -> Any:
    """A Quantity field in ``unit`` with bounds in that unit."""
    return dataclasses.field(default=default, metadata=dict(kind="qty", unit=unit, lo=lo, hi=hi, lo_open=lo_open,
                                                            hi_open=hi_open, doc=doc))


def num(default: Any = _REQUIRED, *, lo: float | None = 0.0, hi: float | None = 1.0, lo_open: bool = False,
        hi_open: bool = False, doc: str = "") -> Any:
    """A dimensionless field (efficiency, emissivity, fraction)."""
    return dataclasses.field(default=default, metadata=dict(kind="num", lo=lo, hi=hi, lo_open=lo_open,
                                                            hi_open=hi_open, doc=doc))


def integer(default: Any = _REQUIRED, *, lo: int | None = None, hi: int | None = None, doc: str = "") -> Any:
    """An integer field (counts); arrays of integers for sweeps."""
    return dataclasses.field(default=default, metadata=dict(kind="int", lo=lo, hi=hi, doc=doc))


def choice(options: tuple[str, ...], default: Any = _REQUIRED, *, doc: str = "") -> Any:
    """A field that takes one of a few names."""
    return dataclasses.field(default=default, metadata=dict(kind="choice", options=options, doc=doc))


def text(default: Any = _REQUIRED, *, doc: str = "") -> Any:
    """A free string (a name from a table is checked by the package that owns the table)."""
    return dataclasses.field(default=default, metadata=dict(kind="text", doc=doc))


def _validate(value: Any, meta: dict, path: str) -> Any:
    kind = meta["kind"]
    if kind == "qty":
        x = si(value, meta["unit"], path, lo=meta["lo"], hi=meta["hi"], lo_open=meta["lo_open"],
               hi_open=meta["hi_open"])
        return quantity(x, meta["unit"])
    if kind == "num":
        x = fraction(value, path, lo=meta["lo"], hi=meta["hi"], lo_open=meta["lo_open"], hi_open=meta["hi_open"])
        return float(x) if x.ndim == 0 else x
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, (int, np.integer, np.ndarray, list, tuple)):
            raise TypeError(f"{path} = {value!r}: expected a whole number")
        x = np.asarray(value)
        if x.dtype.kind not in "iu" and not (x.dtype.kind == "f" and np.all(np.isfinite(x)) and np.all(x == np.round(x))):
            raise TypeError(f"{path} = {value!r}: expected a whole number")
        x = x.astype(np.int64)
        if meta["lo"] is not None and np.any(x < meta["lo"]):
            raise ValueError(f"{path} = {value!r}: must be >= {meta['lo']}")
        if meta["hi"] is not None and np.any(x > meta["hi"]):
            raise ValueError(f"{path} = {value!r}: must be <= {meta['hi']}")
        return int(x) if x.ndim == 0 else x
    if kind == "choice":
        if value not in meta["options"]:
            raise ValueError(f"{path} = {value!r}: expected one of {', '.join(map(repr, meta['options']))}")
        return value
    if kind == "text":
        if not isinstance(value, str):
            raise TypeError(f"{path} = {value!r}: expected a string")
        return value
    raise AssertionError(kind)  # pragma: no cover


@dataclasses.dataclass(frozen=True, kw_only=True)
class Section:
    """Base of the design sections: validates and converts every declared field."""

    section: ClassVar[str] = ""

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            if "kind" in f.metadata and not (f.default is None and getattr(self, f.name) is None):
                object.__setattr__(self, f.name, _validate(getattr(self, f.name), f.metadata,
                                                           f"{self.section}.{f.name}"))
        broadcast_shape(**{f"{self.section}.{f.name}": getattr(self, f.name) for f in dataclasses.fields(self)
                           if "kind" in f.metadata})  # swept fields of one section broadcast together

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Section:
        """Build from a TOML table, rejecting unknown keys and reporting missing ones by field path."""
        unknown_keys(data, [f.name for f in dataclasses.fields(cls)], cls.section)
        missing = [f.name for f in dataclasses.fields(cls)
                   if f.default is _REQUIRED and f.default_factory is _REQUIRED and f.name not in data]
        if missing:
            hints = [f"{cls.section}.{m}{_expected(cls, m)}" for m in missing]
            raise DesignError(f"missing key{'s' if len(missing) > 1 else ''}: {'; '.join(hints)}")
        return cls(**data)


def _expected(cls: type, name: str) -> str:
    meta = next(f.metadata for f in dataclasses.fields(cls) if f.name == name)
    if meta.get("kind") == "qty":
        return f" (a quantity in {meta['unit']})"
    if meta.get("kind") == "choice":
        return f" (one of {', '.join(meta['options'])})"
    return ""


def unknown_keys(data: dict[str, Any], known: list[str], where: str) -> None:
    """Raise :class:`DesignError` for a key not in ``known``, suggesting the closest known key."""
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            path = f"{where}.{key}" if where else key
            raise DesignError(f"unknown key '{path}'{hint} (known keys{' in [' + where + ']' if where else ''}: "
                              f"{', '.join(known)})")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Payload(Section):
    """The compute payload: chips, their power and their junction limit."""

    section: ClassVar[str] = "payload"
    chip_count: int = integer(lo=1, doc="number of active chips (accelerators)")
    chip_power: Any = qty("W", lo=0, lo_open=True, doc="power per chip at the board, including its memory")
    junction_limit: Any = qty("K", lo=0, lo_open=True, doc="maximum chip junction temperature")
    mass_per_chip: Any = qty("kg", lo=0, lo_open=True, doc="payload mass per chip: board, host share, rack share")


@dataclasses.dataclass(frozen=True, kw_only=True)
class PowerChoices(Section):
    """Electrical power choices: cells, array, battery and conversion."""

    section: ClassVar[str] = "power"
    cell: str = text(doc="solar cell name from power.CELLS")
    lifetime: Any = qty("year", lo=0, lo_open=True, hi=50, doc="mission life, for degradation and battery cycles")
    housekeeping_load: Any = qty("W", "0 W", lo=0, doc="bus load besides the payload (avionics, ADCS, comms)")
    conversion_efficiency: float = num(0.95, lo_open=True,
                                       doc="bus-to-chip conversion (point-of-load DC-DC) efficiency")
    incidence_angle: Any = qty("deg", "0 deg", lo=0, hi=90, hi_open=True, doc="worst-case Sun angle off array normal")
    cell_temperature: str = choice(("radiative", "datasheet"), "radiative",
                                   doc="radiative: cells at the array's own radiative balance temperature; "
                                       "datasheet: at 28 C, with temperature losses left inside I_d")
    inherent_degradation: float = num(0.85, lo_open=True,
                                      doc="SMAD I_d without its temperature share when cell_temperature is "
                                          "radiative (SMAD's nominal 0.77 includes it; use that with datasheet)")
    daylight_path_efficiency: float = num(0.85, lo_open=True, doc="SMAD X_d, array to loads")
    eclipse_path_efficiency: float = num(0.65, lo_open=True, doc="SMAD X_e, array to battery to loads")
    array_specific_power: Any = qty("W/kg", None, lo=0, lo_open=True,
                                    doc="array BOL power per mass at wing level; default: the cell table's")
    battery_specific_energy: Any = qty("W*h/kg", lo=0, lo_open=True, doc="battery energy per mass, at pack level")
    battery_discharge_efficiency: float = num(0.9, lo_open=True, doc="battery-to-load transmission efficiency n")
    battery_min_temperature: Any = qty("K", "0 degC", lo=0, lo_open=True,
                                       doc="lowest battery temperature over the orbit: 0 C, the operating floor of "
                                           "most Li-ion cells (CEAS Space Journal 2023, doi 10.1007/s12567-023-"
                                           "00526-8: operated between 0 and 40 C for most variants)")
    battery_max_temperature: Any = qty("K", "40 degC", lo=0, lo_open=True,
                                       doc="highest battery temperature over the orbit: 40 C, the same source's "
                                           "ceiling (10-30 C gives longer life: Wang et al., J. Power Sources 140 "
                                           "(2005) 129)")

    def __post_init__(self) -> None:
        super().__post_init__()
        try:
            power.cell(self.cell)
        except ValueError as exc:
            raise ValueError(f"power.cell = {self.cell!r}: {exc}") from None
        if np.any(np.asarray(self.battery_discharge_efficiency) < np.asarray(self.eclipse_path_efficiency)):
            raise ValueError(f"power.battery_discharge_efficiency = {self.battery_discharge_efficiency!r}: below "
                             f"power.eclipse_path_efficiency = {self.eclipse_path_efficiency!r}, the whole eclipse path "
                             f"it is part of")
        if np.any(np.asarray(self.battery_min_temperature.m_as("K"))
                  >= np.asarray(self.battery_max_temperature.m_as("K"))):
            raise ValueError(f"power.battery_min_temperature = {self.battery_min_temperature:~}: must be below "
                             f"power.battery_max_temperature = {self.battery_max_temperature:~}")


@dataclasses.dataclass(frozen=True, kw_only=True)
class ThermalChoices(Section):
    """Thermal choices: the heat path from chip to coolant, the pumped loop, an optional heat pump, and the
    radiator panels as built (thermal.PanelSpec), their coating, orientation and environment case."""

    section: ClassVar[str] = "thermal"
    # heat path and loop
    coolant_temperature: Any = qty("K", lo=0, lo_open=True,
                                   doc="hottest coolant, leaving the cold plates (the radiator inlet without a "
                                       "heat pump)")
    junction_to_case: Any = qty("K/W", lo=0, doc="chip junction-to-case resistance R_jc, per chip")
    cold_plate_resistance: Any = qty("K/W", lo=0, doc="case to coolant resistance per chip (TIM, plate, film)")
    coolant: str = choice(("ammonia", "water"), "ammonia", doc="loop coolant, a row of thermal.COOLANTS")
    loop_temperature_rise: Any = qty("K", "10 K", lo=0, lo_open=True,
                                     doc="coolant rise across the cold plates = drop across the radiator")
    loop_count: int = integer(1, lo=1, doc="identical parallel loops; each carries an equal share of the heat")
    line_length: Any = qty("m", "20 m", lo=0, lo_open=True,
                           doc="transport line length of one loop, supply plus return (> 0: its coolant is the loop's "
                               "heat capacity in the orbit transient)")
    line_diameter: Any = qty("m", "25 mm", lo=0, lo_open=True, doc="transport line inner diameter")
    pump_efficiency: float = num(0.5, lo_open=True, doc="pump and motor efficiency")
    heat_pump_lift: Any = qty("K", "0 K", lo=0, doc="heat-pump lift: the radiator runs this far above the loop's "
                                                    "return temperature (below loop_temperature_rise it is colder "
                                                    "than the loop's own radiator); 0: no heat pump")
    carnot_fraction: float = num(0.4, lo_open=True, doc="heat-pump COP over Carnot COP (0.3-0.5 typical)")
    # radiator panels as built
    emissivity: float = num(lo_open=True, doc="IR emissivity of the radiator coating")
    absorptivity: float = num(doc="end-of-life solar absorptance of the radiator coating")
    sides: int = integer(2, lo=1, hi=2, doc="radiating faces per panel")
    wings: int = integer(2, lo=1, doc="deployable radiator wings; the panel count is a multiple of it")
    panel_width: Any = qty("m", lo=0, lo_open=True, doc="panel edge along the manifold, across the heat pipes")
    panel_length: Any = qty("m", lo=0, lo_open=True, doc="panel edge along the heat pipes")
    face_sheet_material: str = text("al6061-t6", doc="a row of thermal.MATERIALS")
    face_sheet_thickness: Any = qty("m", "0.5 mm", lo=0, lo_open=True, doc="each of the two face sheets")
    face_sheet_modulus: Any = qty("Pa", "68.9 GPa", lo=0, lo_open=True,
                                  doc="face-sheet Young's modulus, for the deployed wing's stiffness (Al 6061-T6, "
                                      "MMPDS)")
    area_margin: float = num(0.0, hi=None, doc="installed radiator area beyond the need, as a fraction: spare "
                                               "heat pipes against MMOD losses")
    core_density: Any = qty("kg/m^3", "50 kg/m^3", lo=0, lo_open=True,
                            doc="honeycomb core (HexWeb CRIII 1/8-5052-.001, 3.1 lb/ft^3 = 50 kg/m^3)")
    core_thickness: Any = qty("m", "15 mm", lo=0, lo_open=True, doc="honeycomb core thickness")
    pipe_pitch: Any = qty("m", "0.1 m", lo=0, lo_open=True, doc="heat-pipe spacing")
    pipe_diameter: Any = qty("m", "12.7 mm", lo=0, lo_open=True, doc="heat-pipe outer diameter")
    pipe_wall_thickness: Any = qty("m", "1 mm", lo=0, lo_open=True, doc="heat-pipe wall")
    pipe_linear_mass: Any = qty("kg/m", "0.15 kg/m", lo=0, lo_open=True,
                                doc="heat-pipe mass per length with its working fluid")
    pipe_transport_limit: Any = qty("W*m", "143 W*m", lo=0, lo_open=True,
                                    doc="axial transport (QL)max per pipe: NASA covered-groove Al/NH3, 20 C "
                                        "(Grumman 1976)")
    manifold_linear_mass: Any = qty("kg/m", "0.5 kg/m", lo=0, doc="manifold with its coolant, per panel width")
    orientation: str = choice(("edge-on", "zenith-nadir", "sun-facing"), "edge-on",
                              doc="edge-on: panel plane holds the Sun vector and nadir (dawn-dusk SSO, or yaw "
                                  "steering)")
    environment: str = choice(("hot", "nominal", "cold"), "hot", doc="Earth albedo and IR case")
    battery_cooling: str = choice(("radiator", "loop"), "radiator",
                                  doc="radiator: the battery sits on its own radiator, isolated from the loop and "
                                      "sized to hold it mid-range (power.battery_min/max_temperature) over the "
                                      "orbit, the usual arrangement; loop: on a cold plate of the chips' coolant "
                                      "loop, so at about the coolant temperature")

    def __post_init__(self) -> None:
        super().__post_init__()
        if np.ndim(self.sides):
            raise ValueError(f"thermal.sides = {self.sides!r}: one value per design (a panel type), not a sweep; "
                             f"size one-sided and two-sided designs separately")
        try:
            thermal.material(self.face_sheet_material)
        except ValueError as exc:
            raise ValueError(f"thermal.face_sheet_material = {self.face_sheet_material!r}: {exc}") from None
        path = (self.junction_to_case + self.cold_plate_resistance).m_as("K/W")
        if np.any(path <= 0):
            raise ValueError(f"thermal.junction_to_case + thermal.cold_plate_resistance = 0 K/W: the path from a chip "
                             f"to the coolant needs a resistance above zero (the orbit transient links the chips to "
                             f"the loop through it); either may be zero, not both")
        # the coolant must stay liquid from the cold-plate outlet down to the radiator return
        for name, t in (("thermal.coolant_temperature", self.coolant_temperature),
                        ("thermal.loop_temperature_rise", self.coolant_temperature - self.loop_temperature_rise)):
            try:
                thermal.coolant_properties(self.coolant, t)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
        # the panel as built must be buildable (pipes inside their pitch, pitch inside the panel, ...): checked
        # here so that the message names the design field
        from spacedc.designs.chain import _panel_spec

        try:
            _panel_spec(self)
        except ValueError as exc:
            raise ValueError(f"thermal.{exc}") from None


@dataclasses.dataclass(frozen=True, kw_only=True)
class GeometryChoices(Section):
    """How the sized areas become CAD: pipe pitch, array wings, bus and racks. Sizing does not use these."""

    section: ClassVar[str] = "geometry"
    heat_pipe_pitch: Any = qty("m", "0.25 m", lo=0, lo_open=True, doc="spacing of heat pipes across a panel")
    array_wings: int = integer(2, lo=1, doc="solar array wings")
    array_wing_width: Any = qty("m", "4 m", lo=0, lo_open=True, doc="blanket or panel width of an array wing")
    bus_width: Any = qty("m", "2 m", lo=0, lo_open=True, doc="bus outer width and depth (square footprint)")
    chips_per_rack: int = integer(8, lo=1, doc="chips carried by one 0.6 m x 0.6 m x 0.5 m rack")
