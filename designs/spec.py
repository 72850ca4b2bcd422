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
import pint

from spacedc import compute, economics, geometry, materials, orbit, power, structure, thermal

from spacedc.units import broadcast_shape, fraction, parse_quantity, quantity, scalar_or_array, si

__all__ = ["DesignError", "Section", "Payload", "PowerChoices", "ThermalChoices", "GeometryChoices", "LaunchChoices",
           "ComputeChoices", "LifetimeChoices", "CostChoices", "ShellChoices", "ConstellationChoices", "qty", "num",
           "integer", "choice", "text", "unknown_keys"]

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
        return scalar_or_array(x)
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
        return scalar_or_array(x, int)
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
    #: Fields a design file may still hold but that were removed: name -> what to do instead.
    removed: ClassVar[dict[str, str]] = {}

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
        for key in data:
            if key in cls.removed:
                raise DesignError(f"{cls.section}.{key} was removed: {cls.removed[key]}")
        unknown_keys(data, [f.name for f in dataclasses.fields(cls)], cls.section)
        missing = [f.name for f in dataclasses.fields(cls)
                   if f.default is _REQUIRED and f.default_factory is _REQUIRED and f.name not in data]
        if missing:
            hints = [f"{cls.section}.{m}{_expected(cls, m)}" for m in missing]
            raise DesignError(f"missing key{'s' if len(missing) > 1 else ''}: {'; '.join(hints)}")
        return cls(**data)

    def discarded(self) -> dict[str, str]:
        """The fields this section's mode drops (a value given is not used), each with why: a sweep, an
        optimisation or an uncertainty study refuses to vary them, as the varied values would be discarded."""
        return {}


def discarded_reason(design: Any, key: str) -> str | None:
    """Why ``design``'s mode drops the field ``key`` (``section.field``), or None where it is an input
    (:meth:`Section.discarded`; sections that are not :class:`Section` drop nothing)."""
    section, _, name = key.partition(".")
    part = getattr(design, section, None)
    return part.discarded().get(name) if isinstance(part, Section) else None


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
    chip_count: int = integer(lo=1, doc="number of active chips (accelerators), the compute the design delivers; "
                                        "the spares flown beside them are sized in [compute]")
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
    array_areal_density: Any = qty("kg/m^2", None, lo=0, lo_open=True,
                                   doc="array mass per installed area at wing level, in place of "
                                       "array_specific_power (a blanket's mass then does not follow its "
                                       "inherent degradation); default: from the specific power or the cell "
                                       "table")
    array_area: Any = qty("m^2", None, lo=0, lo_open=True,
                          doc="installed solar-array area: given, the array is rated (its BOL and EOL power "
                              "follow, and the design is infeasible where the EOL power falls short of the "
                              "required power); default: sized for the load")
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
        if self.array_areal_density is not None and self.array_specific_power is not None:
            raise DesignError(f"power.array_areal_density = {self.array_areal_density:~} and "
                              f"power.array_specific_power = {self.array_specific_power:~}: give one, not both")
        if np.any(np.asarray(self.battery_discharge_efficiency) < np.asarray(self.eclipse_path_efficiency)):
            raise ValueError(f"power.battery_discharge_efficiency = {self.battery_discharge_efficiency!r}: below "
                             f"power.eclipse_path_efficiency = {self.eclipse_path_efficiency!r}, the whole eclipse path "
                             f"it is part of")
        if np.any(np.asarray(self.battery_min_temperature.m_as("K"))
                  >= np.asarray(self.battery_max_temperature.m_as("K"))):
            raise ValueError(f"power.battery_min_temperature = {self.battery_min_temperature:~}: must be below "
                             f"power.battery_max_temperature = {self.battery_max_temperature:~}")


def _quantity_default(q: Any) -> str:
    """A package's default Quantity as the text a design field holds (the one copy of it stays in the package)."""
    return f"{q:~}"


def _PANEL(name: str) -> str:  # noqa: N802 (reads like the default it stands for)
    """The panel-construction default of ``geometry.RadiatorPanelSpec`` (the only copy of it), as text."""
    return _quantity_default(geometry.field_default(geometry.RadiatorPanelSpec, name))


#: Fields of geometry.RadiatorPanelSpec -> the ThermalChoices field a failure of it is reported on.
_GEOMETRY_FIELDS = {"width": "panel_width", "length": "panel_length", "pipe_count": "pipe_pitch",
                    "pipe_pitch": "pipe_pitch", "pipe_diameter": "pipe_diameter",
                    "pipe_wall_thickness": "pipe_wall_thickness", "face_sheet_thickness": "face_sheet_thickness",
                    "core_thickness": "core_thickness", "hinge_hole_diameter": "core_thickness",
                    "lug_width": "panel_length"}


@dataclasses.dataclass(frozen=True, kw_only=True)
class ThermalChoices(Section):
    """Thermal choices: the heat path from chip to coolant, the pumped loop, an optional heat pump, and the
    radiator panels as built (thermal.PanelSpec), their coating, orientation and environment case."""

    section: ClassVar[str] = "thermal"
    # heat path and loop
    coolant_temperature: Any = qty("K", None, lo=0, lo_open=True,
                                   doc="hottest coolant, leaving the cold plates (the radiator inlet without a "
                                       "heat pump); required unless radiator_area is given, whose rating solves "
                                       "for it (a value given then is not used)")
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
    face_sheet_material: str = text("al6061-t6", doc="a row of spacedc.materials.MATERIALS with a conductivity: "
                                                     "it gives the face sheets' density, conductivity and modulus")
    face_sheet_thickness: Any = qty("m", _PANEL("face_sheet_thickness"), lo=0, lo_open=True,
                                    doc="each of the two face sheets")
    face_sheet_modulus: Any = qty("Pa", None, lo=0, lo_open=True,
                                  doc="override of the face sheets' Young's modulus for the deployed wing's "
                                      "stiffness (e.g. a tested laminate); default: face_sheet_material's")
    area_margin: float = num(0.0, hi=None, doc="installed radiator area beyond the need, as a fraction: spare "
                                               "heat pipes against MMOD losses")
    radiator_area: Any = qty("m^2", None, lo=0, lo_open=True,
                             doc="installed radiator planform area (one face, all loops): given, the radiator is "
                                 "rated, not sized: the coolant runs at the temperature where the loop needs "
                                 "radiator_area / (1 + area_margin), and the junction follows; default: sized "
                                 "from coolant_temperature. Not with a heat pump")
    core_density: Any = qty("kg/m^3", quantity(materials.material("hexweb-5052-3.1pcf").density, "kg/m^3"), lo=0,
                            lo_open=True, doc="honeycomb core; default: HexWeb CR III 1/8-5052-.001, 3.1 lb/ft^3 "
                                              "(spacedc.materials 'hexweb-5052-3.1pcf')")
    core_thickness: Any = qty("m", _PANEL("core_thickness"), lo=0, lo_open=True,
                              doc="honeycomb core thickness; the heat pipes are embedded in it, so it must exceed "
                                  "pipe_diameter")
    pipe_pitch: Any = qty("m", "0.1 m", lo=0, lo_open=True, doc="heat-pipe spacing")
    pipe_diameter: Any = qty("m", _PANEL("pipe_diameter"), lo=0, lo_open=True, doc="heat-pipe outer diameter")
    pipe_wall_thickness: Any = qty("m", _PANEL("pipe_wall_thickness"), lo=0, lo_open=True, doc="heat-pipe wall")
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
        if self.radiator_area is None and self.coolant_temperature is None:
            raise DesignError("missing key: thermal.coolant_temperature (a quantity in K); or give "
                              "thermal.radiator_area to rate an installed radiator instead of sizing one")
        if self.radiator_area is not None and np.any(np.asarray(self.heat_pump_lift.m_as("K")) > 0):
            raise DesignError(f"thermal.radiator_area = {self.radiator_area:~} with thermal.heat_pump_lift = "
                              f"{self.heat_pump_lift:~}: rating a radiator behind a heat pump is not built; give "
                              f"thermal.heat_pump_lift = 0 K to rate the radiator, or leave thermal.radiator_area "
                              f"out to size it")
        if self.radiator_area is not None:  # rated: the rating solves for the coolant temperature
            object.__setattr__(self, "coolant_temperature", None)  # a base's value is dropped (discarded())
        if np.ndim(self.sides):
            raise ValueError(f"thermal.sides = {self.sides!r}: one value per design (a panel type), not a sweep; "
                             f"size one-sided and two-sided designs separately")
        face = materials.material(self.face_sheet_material, "thermal.face_sheet_material")
        face.require("conductivity", "thermal.face_sheet_material")
        if self.face_sheet_modulus is None:
            face.require("modulus", "thermal.face_sheet_material")
        path = (self.junction_to_case + self.cold_plate_resistance).m_as("K/W")
        if np.any(path <= 0):
            raise ValueError("thermal.junction_to_case + thermal.cold_plate_resistance = 0 K/W: the path from a chip "
                             "to the coolant needs a resistance above zero (the orbit transient links the chips to "
                             "the loop through it); either may be zero, not both")
        # the coolant must stay liquid from the cold-plate outlet down to the radiator return
        checks = () if self.coolant_temperature is None else (
            ("thermal.coolant_temperature", self.coolant_temperature),
            ("thermal.loop_temperature_rise", self.coolant_temperature - self.loop_temperature_rise))
        for name, t in checks:
            try:
                thermal.coolant_properties(self.coolant, t)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
        # the panel as built must be buildable (pipes inside their pitch, pitch inside the panel, ...), for the
        # sizing and for the CAD alike: checked here so that the message names the design field
        try:
            spec = self.panel_spec()
        except ValueError as exc:
            raise ValueError(f"thermal.{exc}") from None
        self._check_buildable(spec)

    def discarded(self) -> dict[str, str]:
        if self.radiator_area is None:
            return {}
        return {"coolant_temperature": f"the radiator is rated (thermal.radiator_area = {self.radiator_area:~}), so "
                                       "the coolant temperature follows from it"}

    def panel_spec(self) -> thermal.PanelSpec:
        """The radiator panel as the sizing sees it (:class:`thermal.PanelSpec`); broadcasts over a sweep."""
        return thermal.PanelSpec(
            width=self.panel_width, length=self.panel_length, face_sheet_material=self.face_sheet_material,
            face_sheet_thickness=self.face_sheet_thickness, core_density=self.core_density,
            core_thickness=self.core_thickness, pipe_pitch=self.pipe_pitch, pipe_diameter=self.pipe_diameter,
            pipe_wall_thickness=self.pipe_wall_thickness, pipe_linear_mass=self.pipe_linear_mass,
            pipe_transport_limit=self.pipe_transport_limit, manifold_linear_mass=self.manifold_linear_mass,
            absorptivity=self.absorptivity, emissivity=self.emissivity, sides=self.sides)

    def wing_panels(self, area: Any, panel_count: Any) -> tuple[np.ndarray, np.ndarray]:
        """Panels per radiator wing and their length [m] as built (geometry.RadiatorWingSpec.from_area), from
        the installed ``area`` [m^2] and ``panel_count``: the area over ``wings`` wings of whole panels
        ``panel_width`` wide, each as long as makes the area exactly (at most ``panel_length``); the nominal
        length where the area is unbounded. Broadcasts; the sizing chain and the CAD both read it."""
        area = np.asarray(area, dtype=float)
        finite = np.isfinite(area)
        wings = np.asarray(self.wings)
        per_wing = np.maximum(np.asarray(panel_count) // wings, 1)
        length = np.where(finite, np.where(finite, area, 0.0) / (wings * per_wing * self.panel_width.m_as("m")),
                          self.panel_length.m_as("m"))
        return per_wing, length

    def geometry_panel(self, length: Any = None) -> geometry.RadiatorPanelSpec:
        """The same panel as the CAD builds it (:class:`geometry.RadiatorPanelSpec`), ``length`` long (default
        ``panel_length``; the CAD passes the sized one): ``panel_width`` wide, the sizing's heat pipes (as many
        as fit at ``pipe_pitch``, :attr:`thermal.PanelSpec.pipes_per_panel`, spread evenly), face sheets and
        core; the manifold, lugs and pipe shape are the geometry's. One design point (scalar fields)."""
        return self._geometry_panel(self.panel_width, self.panel_length if length is None else length,
                                    self.face_sheet_thickness, self.core_thickness, self.pipe_diameter,
                                    self.pipe_wall_thickness, self.panel_spec().pipes_per_panel)

    @staticmethod
    def _geometry_panel(width: Any, length: Any, face: Any, core: Any, pipe: Any, wall: Any, pipes: Any
                        ) -> geometry.RadiatorPanelSpec:
        return geometry.RadiatorPanelSpec(width=width, length=length, pipe_count=int(pipes), pipe_diameter=pipe,
                                          pipe_wall_thickness=wall, face_sheet_thickness=face, core_thickness=core)

    def _check_buildable(self, spec: thermal.PanelSpec) -> None:
        """Build the CAD panel of every distinct panel of the design (one, unless a sweep varies the panel) at
        its nominal length; a panel the geometry cannot build is bad input naming the design field."""
        names = ("panel_width", "panel_length", "face_sheet_thickness", "core_thickness", "pipe_diameter",
                 "pipe_wall_thickness")
        values = [getattr(self, n).m_as("m") for n in names] + [spec.pipes_per_panel]
        rows = np.unique(np.stack([np.ravel(v) for v in np.broadcast_arrays(*values)], axis=1), axis=0)
        for row in rows:
            try:
                self._geometry_panel(*(quantity(x, "m") for x in row[:-1]), row[-1])
            except ValueError as exc:
                field = _GEOMETRY_FIELDS.get(str(exc).partition(" = ")[0].removeprefix("RadiatorPanelSpec."),
                                             "panel_width")
                value = getattr(self, field)
                shown = f" = {value:~}" if np.ndim(value.m) == 0 else ""
                why = str(exc).replace("RadiatorPanelSpec.", "its ", 1)
                raise ValueError(f"thermal.{field}{shown}: the CAD cannot build this panel ({why})") from None


@dataclasses.dataclass(frozen=True, kw_only=True)
class GeometryChoices(Section):
    """How the sized areas become CAD and a stowed envelope: array wings, bus and racks. The radiator panels
    are the thermal section's (:meth:`ThermalChoices.geometry_panel`)."""

    section: ClassVar[str] = "geometry"
    removed: ClassVar[dict[str, str]] = {
        "heat_pipe_pitch": "it was never used; the heat-pipe pitch of the panels, sized and built, is "
                           "thermal.pipe_pitch"}
    array_wings: int = integer(2, lo=1, hi=geometry.MAX_ARRAY_WINGS,
                               doc="solar array wings, one on each of two opposite bus faces (1 or 2); the "
                                   "sized array area is shared between them")
    array_wing_width: Any = qty("m", "4 m", lo=0, lo_open=True, doc="blanket or panel width of an array wing")
    bus_width: Any = qty("m", "2 m", lo=0, lo_open=True, doc="bus outer width and depth (square footprint)")
    chips_per_rack: int = integer(8, lo=1, doc="chips carried by one rack, a box of "
                                               + " x ".join(f"{geometry.field_default(geometry.BusSpec, k):~}"
                                                            for k in ("rack_width", "rack_depth", "rack_height")))

    def rack_count(self, chips: Any) -> np.ndarray:
        """Racks that carry ``chips`` chips (the active and the spares alike), ceil(chips / chips_per_rack);
        the sizing's bus and the CAD's both read it. Broadcasts."""
        return np.ceil(np.asarray(chips) / self.chips_per_rack)


@dataclasses.dataclass(frozen=True, kw_only=True)
class LaunchChoices(Section):
    """Launch and structure choices: the vehicle, the mass-budget rules, the load path and the requirements.

    Every field has a default with its source (or, where no public figure exists, a stated assumption to
    replace with the program's own); a design TOML may omit the ``[launch]`` table altogether.
    """

    section: ClassVar[str] = "launch"
    removed: ClassVar[dict[str, str]] = {
        "disposal_perigee": "the disposal burn now follows the disposal rule: set lifetime.disposal_rule ('fcc-5yr', "
                            "'25yr', or 'prompt' for a 50 km perigee)"}
    # vehicle and packing
    vehicle: str = text("falcon-9", doc="launch vehicle, a key of structure.LAUNCH_VEHICLES (falcon-9, falcon-heavy, "
                                        "starship, new-glenn, ariane-62, ariane-64)")
    recovery: str = choice(structure.RECOVERY, None,
                           doc="the recovery mode whose published (capability, price) pair is bought: reusable "
                               "(booster recovered) or expendable; default: the vehicle's reusable pair where it "
                               "publishes a capability for it (Falcon 9: 17.5 t to LEO for USD 69.75 M)")
    mass_to_orbit: Any = qty("kg", None, lo=0, lo_open=True,
                             doc="the vehicle's capability to this orbit, in place of the pair's published figure "
                                 "(which is for its own reference orbit); needed where a pair publishes none")
    launch_price: Any = qty("USD", None, lo=0, lo_open=True,
                            doc="price of one launch; default: the pair's (Falcon 9 reusable: USD 69.75 M, SpaceX "
                                "2024, 2nd-hand); a pair without a public price needs one for the cost per "
                                "satellite")
    load_envelope: Any = dataclasses.field(
        default=None, metadata=dict(doc="quasi-static limit load-factor envelope in g as [lateral, axial] vertex "
                                        "pairs (positive axial = compression), the form of structure."
                                        "LaunchVehicle.load_envelope, e.g. Falcon's [[0.5, 6], [2, 3.5], "
                                        "[2, -1.5], [0.5, -2]]; default: the vehicle's (none published for "
                                        "Starship, New Glenn, Ariane 6)"))
    min_lateral_frequency: Any = qty("Hz", None, lo=0, lo_open=True,
                                     doc="minimum stowed lateral fundamental frequency, hard-mounted at the "
                                         "interface; default: the vehicle's (Falcon: 10 Hz)")
    min_axial_frequency: Any = qty("Hz", None, lo=0, lo_open=True,
                                   doc="minimum stowed axial fundamental frequency, hard-mounted at the interface; "
                                       "default: the vehicle's (Falcon: 25 Hz)")
    per_layer: int = integer(1, lo=1, doc="stowed satellites side by side in one layer of the fairing stack "
                                          "(1: a single stack on the axis)")
    modules: int = integer(1, lo=1, doc="identical satellites (modules) that make up one station, each the design "
                                        "sized here, launched whole and operated together; the summary's station "
                                        "section gives their totals, the launches they need and what those cost")
    dispenser_mass: Any = qty("kg", "0 kg", lo=0,
                              doc="dispenser mass charged against the vehicle capability; 0: the vehicle figure is "
                                  "taken as the mass above its standard adapter")
    # mass budget
    maturity: str = choice(tuple(structure.MATURITY), "E",
                           doc="AIAA S-120A design-maturity code of every subsystem, for its mass growth allowance "
                               "(structure.MATURITY); E: estimated, the state of a sizing study")
    system_margin: float = num(0.2, hi=1.0,
                               doc="system margin on the predicted dry mass, above the S-120A growth: 0.2, the 15-30 % "
                                   "that early-phase NASA and AIAA practice holds (2nd-hand)")
    secondary_structure_fraction: float = num(
        structure.SECONDARY_STRUCTURE_FRACTION, hi_open=True,
        doc="structure not sized from its dimensions (panels, decks, brackets, inserts) as a fraction of the dry "
            "mass: 0.18, Campbell & McCandless' 20 % for the whole structure (Introduction to Space Sciences and "
            "Spacecraft Applications, 1996, p. 191) less the primary cylinder, tie-downs and deployment hardware "
            "computed here (structure.SECONDARY_STRUCTURE_FRACTION)")
    harness_fraction: float = num(structure.HARNESS_FRACTION, hi_open=True,
                                  doc="harness as a fraction of the dry mass: 0.08, the 7-9 % flown spacecraft reach "
                                      "by integration (structure.HARNESS_FRACTION, 2nd-hand)")
    adcs_fraction: float = num(0.06, hi_open=True,
                               doc="attitude determination and control as a fraction of the dry mass: 6 %, SMAD 3rd "
                                   "ed. Table 10-26, 'LEO with propulsion' column (2nd-hand; transcription not "
                                   "verified against the book)")
    propulsion_fraction: float = num(0.03, hi_open=True,
                                     doc="propulsion hardware (dry) as a fraction of the dry mass: 3 %, SMAD 3rd ed. "
                                         "Table 10-26, 'LEO with propulsion' column (2nd-hand, as adcs_fraction)")
    specific_impulse: Any = qty("s", "220 s", lo=0, lo_open=True,
                                doc="effective Isp of the drag make-up and disposal burns: 220 s, a hydrazine "
                                    "monopropellant thruster (Sutton & Biblarz, Rocket Propulsion Elements; "
                                    "Hall thrusters give 1500-3000 s)")
    drag_coefficient: float = num(2.2, lo=0, lo_open=True, hi=None,
                                  doc="C_D for drag make-up: 2.2, the free-molecular value commonly used in LEO "
                                      "(Vallado, Fundamentals of Astrodynamics, 4th ed., ch. 8)")
    # quasi-static loads and the primary structure
    approach: str = choice(("protoflight", "prototype"), "protoflight",
                           doc="NASA-STD-5001B verification approach setting the factors of safety (metallic "
                               "protoflight: 1.25 yield, 1.4 ultimate)")
    yield_factor: float = num(None, lo=1.0, hi=None,
                              doc="yield factor of safety; default: NASA-STD-5001B Table 1 for the approach")
    ultimate_factor: float = num(None, lo=1.0, hi=None,
                                 doc="ultimate factor of safety; default: NASA-STD-5001B Table 1 for the approach")
    structure_material: str = text("al7075-t6", doc="primary-structure cylinder material, a row of "
                                                    "spacedc.materials.MATERIALS with a modulus and strengths "
                                                    "(al7075-t6: the SMAD 3rd ed. sec. 11.6 example)")
    cylinder_radius: Any = qty("m", "0.7875 m", lo=0, lo_open=True,
                               doc="primary-structure cylinder radius: 0.7875 m, on the 1575 mm (62 in) payload "
                                   "interface of the Falcon User's Guide (2nd-hand)")
    cylinder_thickness: Any = qty("m", "4 mm", lo=0, lo_open=True,
                                  doc="primary-structure cylinder wall (spacedc's assumption: size it; at R/t ~ 200 "
                                      "its SP-8007 buckling margin, not yield, usually governs)")
    tie_down_count: int = integer(8, lo=1, doc="tie-downs (hold-down and release points) of one stowed radiator wing: "
                                               "8, as on each of Psyche's five-panel array wings (2nd-hand)")
    tie_down_allowable_tension: Any = qty("N", "21.2 kN", lo=0, lo_open=True,
                                          doc="allowable tension of one tie-down: 21.2 kN, the ISO 898-1 proof load "
                                              "of an M8 class 8.8 bolt (580 MPa x 36.6 mm^2)")
    tie_down_allowable_shear: Any = qty("N", "12.2 kN", lo=0, lo_open=True,
                                        doc="allowable shear of one tie-down: 12.2 kN, that proof load / sqrt(3) "
                                            "(von Mises shear yield)")
    tie_down_stiffness: Any = qty("N/m", "1e7 N/m", lo=0, lo_open=True,
                                  doc="stiffness of one tie-down with its bracket: 1e7 N/m (spacedc's assumption: "
                                      "an M8 steel bolt of 50 mm grip alone is EA/L = 1.5e8 N/m, brackets are softer)")
    tie_down_mass: Any = qty("kg", "0.5 kg", lo=0,
                             doc="mass of one tie-down: release actuator, bolt, cup and the brackets on both sides "
                                 "(spacedc's assumption, no public unit mass found: supply the unit's)")
    hinge_line_mass: Any = qty("kg", "1 kg", lo=0,
                               doc="mass of one hinge line of a radiator wing (the root and each panel joint): two "
                                   "spring hinges with their latches (spacedc's assumption: supply the unit's)")
    array_drive_mass: Any = qty("kg", "5 kg", lo=0,
                                doc="mass of the drive of one solar-array wing: 5 kg, Moog's Type 3/5 solar array "
                                    "drive assembly ('< 11 lbs', product page); the wings' own booms, hinges "
                                    "and hold-downs are in the array's specific power")
    # deployed wing
    acs_bandwidth: Any = qty("Hz", "0.01 Hz", lo=0, lo_open=True,
                             doc="attitude-control bandwidth; with the tenfold separation the deployed requirement "
                                 "is 0.1 Hz, the deployed stiffness of state-of-the-art 30-50 kW flexible arrays "
                                 "(Mikulas et al., NASA NTRS 20150006022)")
    acs_separation_factor: float = num(structure.ACS_SEPARATION_FACTOR, lo=1.0, hi=None,
                                       doc="lowest deployed mode over the ACS bandwidth: 10, the decade rule "
                                           "(structure.ACS_SEPARATION_FACTOR); 1 makes acs_bandwidth the requirement")
    hinge_stiffness: Any = qty("N*m/rad", "1e5 N*m/rad", lo=0, lo_open=True,
                               doc="rotational stiffness of each latched hinge line of a radiator wing (spacedc's "
                                   "assumption: supply the tested value)")
    wing_tip_mass: Any = qty("kg", "0 kg", lo=0, doc="mass at the tip of each radiator wing (fittings, a manifold end)")
    # MMOD
    mmod_eol_heat_fraction: float = num(1.0, lo_open=True,
                                        doc="share of the design heat rejection the radiator must still reject at end "
                                            "of life after the expected MMOD heat-pipe losses (1: all of it; spare "
                                            "pipes or radiator area cover the losses)")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.load_envelope is not None:
            object.__setattr__(self, "load_envelope", _load_envelope(self.load_envelope))
        try:
            lv = structure.launch_vehicle(self.vehicle)
        except ValueError as exc:
            raise ValueError(f"launch.vehicle = {self.vehicle!r}: {str(exc).split(': ', 1)[1]}") from None
        try:
            lv = lv.with_recovery(self.recovery)
        except ValueError as exc:
            raise ValueError(f"launch.{exc}") from None
        if lv.performance is None and self.mass_to_orbit is None:
            raise ValueError(f"launch.mass_to_orbit: {lv.name} publishes no capability in the {lv.recovery} mode "
                             f"({lv.performance_source}); state it, or choose another launch.recovery")
        mat = materials.material(self.structure_material, "launch.structure_material")
        if None in (mat.modulus, mat.yield_strength, mat.ultimate_strength):
            usable = [k for k, m in materials.MATERIALS.items()
                      if None not in (m.modulus, m.yield_strength, m.ultimate_strength)]
            raise ValueError(f"launch.structure_material = {self.structure_material!r}: has no modulus or strength "
                             f"for a primary structure; use one of {', '.join(usable)}")
        total = (self.secondary_structure_fraction + self.harness_fraction + self.adcs_fraction
                 + self.propulsion_fraction)
        if np.any(np.asarray(total) >= 1.0):
            raise ValueError(f"launch.secondary_structure_fraction + harness_fraction + adcs_fraction + "
                             f"propulsion_fraction = {np.max(total):g}: must be below 1 (each is a share of the dry "
                             f"mass)")


def _load_envelope(value: Any) -> tuple[tuple[float, float], ...]:
    """A load envelope as (lateral, axial) vertex pairs of plain numbers in g, finite; at least one vertex."""
    where = "launch.load_envelope"
    rows = value.tolist() if isinstance(value, np.ndarray) else value
    if not (isinstance(rows, (list, tuple)) and rows and all(
            isinstance(r, (list, tuple)) and len(r) == 2 and all(
                isinstance(x, (int, float)) and not isinstance(x, bool) for x in r) for r in rows)):
        raise TypeError(f"{where} = {value!r}: expected [lateral, axial] pairs of load factors in g (plain numbers)")
    x = np.asarray(rows, dtype=float)
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{where} = {value!r}: load factors must be finite")
    if not np.any(x):
        raise ValueError(f"{where} = {value!r}: every load factor is zero; give the vehicle's envelope")
    return tuple((float(lat), float(ax)) for lat, ax in x)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ComputeChoices(Section):
    """The chips nobody can repair: their failure rate, the spares flown beside the active ones, and their
    response to the orbit's radiation (:mod:`spacedc.compute`, :func:`spacedc.orbit.radiation_dose`).

    Every field has a default with its source; a design TOML may omit the ``[compute]`` table.
    """

    section: ClassVar[str] = "compute"
    failure_rate: Any = qty("FIT", _quantity_default(compute.fleet_failure_rate("Dubey2024").to("FIT")), lo=0,
                            doc="permanent failure rate of one chip: default, the accelerator failures that lose "
                                "a GPU in Meta's Llama 3 pre-training fleet, 268 in 16,384 H100 over 54 days "
                                "(compute.fleet_failure_rate('Dubey2024'), [Dubey2024])")
    weibull_shape: float = num(1.0, lo_open=True, hi=None,
                               doc="Weibull shape of the chip life (1: a constant rate; above 1: wear-out); "
                                   "cold spares need 1")
    spare_mode: str = choice(compute.SPARE_MODES, "cold",
                             doc="cold: spares dormant and unpowered until switched in; hot: spares run with the "
                                 "active chips, drawing power and making heat (hot_spare_power_fraction)")
    spares: int = integer(None, lo=0, doc="spare chips flown; default: the fewest that keep eol_fraction of the "
                                          "active chips working at end of life with the stated confidence")
    eol_fraction: float = num(compute.DEFAULT_FRACTION, lo_open=True,
                              doc="share of the active chips that must still work at end of life")
    confidence: float = num(compute.DEFAULT_CONFIDENCE, lo_open=True, hi_open=True,
                            doc="probability with which eol_fraction must hold (spacedc's default, no standard "
                                "sets it)")
    hot_spare_power_fraction: float = num(1.0, doc="power of a hot spare as a share of chip_power (an idle but "
                                                   "powered chip draws less)")
    shielding: Any = qty("mm", "2.54 mm", lo=0, lo_open=True,
                         doc="aluminium-equivalent shielding around the chips (bus walls and rack enclosure): "
                             "100 mil, the reference depth at which part doses are commonly quoted (an "
                             "assumption: state the design's own)")
    dose_tolerance: Any = qty("krad_Si", _quantity_default(compute.SUNCATCHER_TID_TOLERANCE), lo=0, lo_open=True,
                              doc="total ionizing dose in rad(Si) the chips survive: 15 krad(Si), Google's TPU v6e "
                                  "proton tests with no hard failure ([Suncatcher2025], 2nd-hand)")
    dose_design_margin: float = num(compute.DEFAULT_DESIGN_MARGIN, lo=1.0, hi=None,
                                    doc="radiation design margin the tolerance must hold over the mission dose: 2 "
                                        "([ECSS-E-ST-10-12C])")
    sefi_rate: Any = qty("1/day", _quantity_default(compute.DEFAULT_SEFI_RATE), lo=0,
                         doc="single-event functional interrupts (crashes) per chip-day (default 0: no published "
                             "rate was found; set it from a beam test)")
    recovery_time: Any = qty("min", _quantity_default(compute.DEFAULT_RECOVERY_TIME.to("min")), lo=0,
                             doc="time a chip is lost to one interrupt")
    sdc_rate: Any = qty("1/day", _quantity_default(compute.DEFAULT_SDC_RATE), lo=0,
                        doc="silent data corruptions per chip-day (default 0, as sefi_rate)")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.spare_mode == "cold" and np.any(np.asarray(self.weibull_shape) != 1.0):
            raise ValueError(f"compute.weibull_shape = {self.weibull_shape!r}: cold spares are modelled for a "
                             f"constant failure rate only (shape 1); use compute.spare_mode = 'hot' for wear-out")


@dataclasses.dataclass(frozen=True, kw_only=True)
class LifetimeChoices(Section):
    """How long the orbit lasts and how the satellite leaves it (:func:`spacedc.orbit.lifetime_budget`): the
    disposal rule, whether it has the propulsion to meet it, and the solar activity. The drag coefficient and
    the specific impulse of the burns are the ``[launch]`` section's."""

    section: ClassVar[str] = "lifetime"
    disposal_rule: str = choice(tuple(orbit.DISPOSAL_RULES), "fcc-5yr",
                                doc="fcc-5yr: re-enter within 5 years of end of mission (FCC 22-74, 2022); 25yr: "
                                    "the 25-year guideline (IADC, ISO 24113); prompt: lower the perigee to 50 km")
    propulsive: str = choice(("yes", "no"), "yes",
                             doc="yes: the satellite burns to meet the rule; no: it must decay naturally in time")
    max_disposal_delta_v: Any = qty("m/s", None, lo=0, doc="largest disposal burn the design carries (default: "
                                                           "unbounded; the propellant follows from the burn)")
    f107: float = num(None, lo=65.0, hi=300.0,
                      doc="a constant solar 10.7 cm flux in sfu in place of the mean solar cycle "
                          "(orbit.MEAN_SOLAR_CYCLE); 65, the solar-minimum level, is the conservative lifetime")
    ap: float = num(orbit.ACTIVITY_LEVELS["moderate"][1], lo=0.0, hi=300.0,
                    doc="geomagnetic index Ap of the density model: 15, the moderate level of ECSS-E-ST-10-04C")

    def __post_init__(self) -> None:
        super().__post_init__()
        if np.ndim(self.ap):
            raise ValueError(f"lifetime.ap = {self.ap!r}: one value per design (the density table is built per Ap)")


#: The bases a bus price may be quoted on (economics.PRICE_BASES keys the chain supplies an amount for).
_BUS_BASES = ("count", "power", "mass")


@dataclasses.dataclass(frozen=True, kw_only=True)
class CostChoices(Section):
    """What the satellite costs and what its compute costs per kWh, beside a data center on the ground
    (:mod:`spacedc.economics`). Undiscounted sums, as in the studies docs/economics.md reproduces."""

    section: ClassVar[str] = "cost"
    chip_price: Any = qty("USD", "30000 USD", lo=0,
                          doc="price of one chip with its board (spacedc's assumption, within the USD 25,000-40,000 "
                              "reported for an H100 in 2024, 2nd-hand: state the program's own)")
    bus_price: Any = dataclasses.field(
        default="22 USD/W", metadata=dict(doc="price of the satellite besides its chips, in USD/W of compute power, "
                                              "USD/kg of dry mass less the chips, or USD per satellite: USD 22/W, "
                                              "[McCalip2025]'s satellite hardware (an assumption of that "
                                              "calculator, Starlink-derived)"))
    operations_fraction: Any = qty("1/year", _quantity_default(economics.OPERATIONS_FRACTION), lo=0,
                                   doc="operations per year as a share of the hardware cost: 1 %, [McCalip2025]")
    chip_replacement_rate: Any = qty("1/year", "0 1/year", lo=0,
                                     doc="chips launched per year per satellite to replace failed ones (0: none; "
                                         "each costs chip_price and its mass at the launch price per kg)")
    nre: Any = qty("USD", "0 USD", lo=0, doc="non-recurring engineering, spread over the station's modules")
    electricity_price: Any = qty("USD/(kW*h)", _quantity_default(economics.US_INDUSTRIAL_ELECTRICITY_PRICE), lo=0,
                                 doc="terrestrial reference: electricity, the 2023 U.S. industrial average "
                                     "([EIA-EPA2023])")
    pue: float = num(economics.DATA_CENTER_PUE, lo=1.0, hi=None,
                     doc="terrestrial reference: power usage effectiveness, 1.56 ([Uptime2024])")
    capex_per_kw: Any = qty("USD/kW", _quantity_default(economics.DATA_CENTER_CAPEX_PER_KW), lo=0,
                            doc="terrestrial reference: construction per kW of IT load ([CushmanWakefield2025])")
    wue: Any = qty("L/(kW*h)", _quantity_default(economics.DATA_CENTER_WUE), lo=0,
                   doc="terrestrial reference: site water per IT kWh ([LBNL2024])")
    water_price: Any = qty("USD/m^3", _quantity_default(economics.WATER_PRICE), lo=0,
                           doc="terrestrial reference: price of water (0: none sourced; water is reported as a "
                               "volume)")

    def __post_init__(self) -> None:
        super().__post_init__()
        price = self.bus_price
        if not isinstance(price, pint.Quantity):
            price = parse_quantity(price, "cost.bus_price")
        if economics.price_basis(price, "cost.bus_price") not in _BUS_BASES:
            raise ValueError(f"cost.bus_price = {price:~}: price the rest of the satellite per W of compute power "
                             f"(USD/W), per kg of dry mass (USD/kg) or per satellite (USD)")
        if np.any(np.asarray(price.m) < 0):
            raise ValueError(f"cost.bus_price = {price:~}: must be >= 0")
        object.__setattr__(self, "bus_price", price)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ShellChoices(Section):
    """A further shell of the constellation, ``[[constellation.shells]]``: satellites of this design in a Walker delta
    shell i:T/P/F at another altitude. Its figures are counted apart from the design's own shell's: shells may not
    overlap (each shell's own density counts its own satellites only). One value per field (not swept)."""

    section: ClassVar[str] = "constellation.shells"
    altitude: Any = qty("km", lo=orbit.MIN_SHELL_ALTITUDE, hi=2000,
                        doc="altitude of the shell's circular orbits (150-2000 km, the cascade's shells)")
    inclination: Any = qty("deg", None, lo=0, hi=180, doc="inclination; default: the constellation's")
    planes: int = integer(lo=1, doc="orbital planes P")
    per_plane: int = integer(lo=1, doc="satellites per plane")
    phasing: int = integer(0, lo=0, doc="Walker relative phasing F (0 <= F < planes) [Walker1984]")
    shell_thickness: Any = qty("km", None, lo=0, lo_open=True,
                               doc="radial thickness of the shell; default: constellation.shell_thickness")

    def __post_init__(self) -> None:
        super().__post_init__()
        for f in dataclasses.fields(self):
            if np.ndim(getattr(self, f.name)):
                raise ValueError(f"{self.section}.{f.name} = {getattr(self, f.name)!r}: one value per shell (a "
                                 f"further shell is not swept)")
        if self.phasing >= self.planes:
            raise ValueError(f"{self.section}.phasing = {self.phasing}: the Walker phasing F must be below "
                             f"{self.section}.planes ({self.planes})")

    @property
    def total(self) -> int:
        """Satellites T = planes x per_plane."""
        return int(self.planes) * int(self.per_plane)

    def thickness(self, constellation: Any) -> pint.Quantity:
        """The shell's radial thickness: its own, or the constellation's ``shell_thickness``."""
        return constellation.shell_thickness if self.shell_thickness is None else self.shell_thickness

    def inclination_in(self, constellation: Any, orbit_inclination: Any) -> pint.Quantity:
        """The shell's inclination: its own, the constellation's, or the design's orbit's."""
        if self.inclination is not None:
            return self.inclination
        return orbit_inclination if constellation.inclination is None else constellation.inclination


def _shells(value: Any) -> tuple[ShellChoices, ...]:
    """``constellation.shells``: a list of tables (or ShellChoices), each a further shell."""
    if isinstance(value, (dict, ShellChoices)) or not isinstance(value, (list, tuple)):
        raise ValueError(f"constellation.shells = {value!r}: expected a list of tables, [[constellation.shells]]")
    out = []
    for i, item in enumerate(value):
        if isinstance(item, ShellChoices):
            out.append(item)
            continue
        if not isinstance(item, dict):
            raise ValueError(f"constellation.shells[{i}] = {item!r}: expected a table with altitude, planes, per_plane")
        try:
            out.append(ShellChoices.from_mapping(item))
        except (ValueError, TypeError) as exc:
            raise type(exc)(str(exc).replace("constellation.shells.", f"constellation.shells[{i}].")) from None
    return tuple(out)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ConstellationChoices(Section):
    """The constellation this design flies in: one Walker delta shell i:T/P/F at the design's altitude
    (:func:`spacedc.orbit.walker_encounter_rate`), its screening of conjunctions and avoidance manoeuvres
    (:func:`spacedc.orbit.conjunction_rates`) and the decades of its shell (:func:`spacedc.orbit.cascade`).

    One shell, at the design's own altitude and of ``shell_thickness``, for now. Without a ``[constellation]``
    table the constellation is the station: one plane holding its ``launch.modules`` satellites (a single
    satellite unless the station is built of modules), each flown as its own object (``per_plane`` unset).
    The pattern (planes, per_plane, phasing) is one per design, not swept.
    """

    section: ClassVar[str] = "constellation"
    planes: int = integer(1, lo=1, doc="orbital planes P of the Walker shell")
    per_plane: int = integer(None, lo=1, doc="satellites per plane; default: the station's launch.modules (1 "
                                             "for a single satellite), all in one plane")
    phasing: int = integer(0, lo=0, doc="Walker relative phasing F (0 <= F < planes) [Walker1984]")
    inclination: Any = qty("deg", None, lo=0, hi=180, doc="inclination of the shell; default: the design's orbit")
    shell_thickness: Any = qty("km", "10 km", lo=0, lo_open=True,
                               doc="radial thickness of the shell, centred on the design's altitude, over which "
                                   "the constellation's own density is counted (spacedc's assumption)")
    screening_radius: Any = qty("m", "1 km", lo=0, lo_open=True,
                                doc="radius of the screening sphere inside which an approach is a conjunction "
                                    "(spacedc's assumption: state the operator's screening volume)")
    pc_threshold: float = num(orbit.DEFAULT_PC_THRESHOLD, lo_open=True, hi_open=True,
                              doc="probability of collision above which a conjunction is avoided "
                                  "(orbit.DEFAULT_PC_THRESHOLD, 1e-4)")
    miss_distance_sigma: Any = qty("m", "100 m", lo=0, lo_open=True,
                                   doc="1-sigma combined position error in the encounter plane (spacedc's "
                                       "assumption, the order of a catalogued object's error a day ahead)")
    hard_body_radius: Any = qty("m", "10 m", lo=0, lo_open=True,
                                doc="combined hard-body radius of satellite and object (spacedc's assumption; "
                                    "raise it for large wings)")
    delta_v_per_manoeuvre: Any = qty("m/s", _quantity_default(orbit.DEFAULT_AVOIDANCE_DELTA_V), lo=0,
                                     doc="delta-v of one avoidance manoeuvre (orbit.DEFAULT_AVOIDANCE_DELTA_V)")
    manoeuvre_failure_rate: float = num(0.0, doc="share of the avoidance manoeuvres that fail (0-1)")
    background_density: Any = qty("1/km^3", None, lo=0,
                                  doc="spatial density of catalogued objects in the shell; default: the catalogue "
                                      "of January 2023 (orbit.catalogue_density: tracked objects, about 10 cm and "
                                      "larger, in the 50 km shell of the altitude, 200-2000 km) [MOCAT-MC-TLE2023]")
    years: Any = qty("year", "50 year", lo=0, lo_open=True, doc="duration of the cascade run")
    cascade_start: str = choice(("catalogue-2023", "empty"), "catalogue-2023",
                                doc="the cascade's population at its start: the catalogue of January 2023 by shell "
                                    "(orbit.catalogue_population: active satellites, derelicts, debris) or empty "
                                    "shells")
    background_launches: str = choice(("hold", "none"), "hold",
                                      doc="launches besides the constellation's: hold (the catalogue's active "
                                          "satellites replaced as they retire, at their count / lifetime per shell) "
                                          "or none (they retire, and only the constellation is launched)")
    disposal_success: float = num(0.95, doc="probability of a successful post-mission disposal: 0.95, the "
                                            "cascade's default (orbit.cascade, [MOCAT-SSEM]'s test case)")
    shells: tuple = dataclasses.field(default=(), metadata=dict(doc=(
        "further shells of satellites of this design, each a table [[constellation.shells]] with altitude, "
        "inclination, planes, per_plane, phasing and shell_thickness (ShellChoices); the fields above are the "
        "design's own shell, at orbit.altitude")))

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("planes", "per_plane", "phasing", "years", "disposal_success", "cascade_start",
                     "background_launches"):
            if np.ndim(getattr(self, name)):
                raise ValueError(f"constellation.{name} = {getattr(self, name)!r}: one value per design (the "
                                 f"Walker pattern and the cascade run are not swept)")
        if self.phasing >= self.planes:
            raise ValueError(f"constellation.phasing = {self.phasing}: the Walker phasing F must be below "
                             f"constellation.planes ({self.planes})")
        object.__setattr__(self, "shells", _shells(self.shells))
        bands = sorted((s.altitude.m_as("km") - s.thickness(self).m_as("km") / 2,
                        s.altitude.m_as("km") + s.thickness(self).m_as("km") / 2, i) for i, s in enumerate(self.shells))
        for (lo1, hi1, i), (lo2, hi2, j) in zip(bands, bands[1:]):
            if lo2 < hi1:
                raise ValueError(f"constellation.shells[{j}] ({lo2:.1f}-{hi2:.1f} km) overlaps "
                                 f"constellation.shells[{i}] ({lo1:.1f}-{hi1:.1f} km): shells are counted apart, so "
                                 f"they may not overlap")

    def overlap(self, altitude_km: Any) -> str:
        """The first further shell that overlaps the design's own shell (centred on ``altitude_km``, scalar), as a
        message; "" where none does."""
        half = float(self.shell_thickness.m_as("km")) / 2
        for i, s in enumerate(self.shells):
            h, t = float(s.altitude.m_as("km")), float(s.thickness(self).m_as("km")) / 2
            if abs(h - float(altitude_km)) < half + t:
                return (f"constellation.shells[{i}] at {h:g} km overlaps the design's own shell at orbit.altitude = "
                        f"{float(altitude_km):g} km (thickness {2 * half:g} km): shells are counted apart, so they may "
                        f"not overlap")
        return ""

    def total(self, modules: Any) -> Any:
        """Satellites T of the shell: planes x per_plane, per_plane defaulting to the station's ``modules`` (which
        a sweep may vary)."""
        return scalar_or_array(np.asarray(self.planes) * np.asarray(modules if self.per_plane is None
                                                                     else self.per_plane), int)
