"""The design file's schema as data: every field a design TOML may hold, its unit, default, range and meaning.

The schema is read from the section dataclasses of :mod:`spacedc.designs.spec` (each field's metadata ``unit``,
``lo``/``hi`` and ``doc``) and from :class:`spacedc.orbit.Orbit`, so that ``spacedc fields``, ``spacedc new``,
the generated reference ``docs/design-file.md`` and the loader cannot disagree. This module also holds the
warnings of a design whose defaults are out of scale for its power (:func:`scale_warnings`).

>>> [f.name for f in fields("payload")]
['payload.chip_count', 'payload.chip_power', 'payload.junction_limit', 'payload.mass_per_chip']
>>> next(f for f in fields("thermal") if f.field == "line_diameter").default
'25 mm'

``python -m spacedc.designs.fields --markdown`` prints the reference (docs/design-file.md is its output).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import math
import sys
import textwrap
from typing import Any

import numpy as np
import pint

from spacedc import orbit
from spacedc.designs.design import _SECTIONS, UNCERTAINTY_DOC, _read, _resolve
from spacedc.designs.spec import ShellChoices
from spacedc.units import parse_quantity

__all__ = ["FieldInfo", "fields", "sections", "fields_table", "fields_json", "markdown", "starting_file",
           "scale_warnings", "PUMP_POWER_WARNING"]

#: Loop pump power above this share of the bus load gets a warning naming the loop fields (issue 12: pump power
#: over 5 % of the load marks a loop sized for kW carrying MW).
PUMP_POWER_WARNING = 0.05

_REQUIRED = dataclasses.MISSING

#: The top-level keys of a design file, beside its sections.
_TOP = (
    ("name", "text", "", "the design's name (in reports and file names); a design with a base takes the base's "
                          "unless it gives its own"),
    ("description", "text", "", "one line saying what the design is"),
    ("base", "text", None, "a design this one starts from: a reference design's name (spacedc list) or a TOML path "
                           "relative to this file; tables given here override the base's field by field, a list "
                           "([[constellation.shells]]) replaces the base's whole"),
)

#: The orbit section is :class:`spacedc.orbit.Orbit` (a package class without design metadata): its meanings.
_ORBIT = {
    "altitude": ("qty", "km", "altitude of the circular orbit above the equatorial radius"),
    "inclination": ("qty", "deg", "inclination; default (or 'sun-synchronous'): sun-synchronous at the altitude"),
    "ltan": ("ltan", "h", "local time of the ascending node at epoch, 'HH:MM' ('06:00': dawn-dusk); give ltan or "
                          "raan, not both"),
    "raan": ("qty", "deg", "right ascension of the ascending node at epoch (in place of ltan)"),
    "epoch": ("date", "", "date at which ltan/raan hold and where the orbit's year of environment starts"),
}


@dataclasses.dataclass(frozen=True)
class FieldInfo:
    """One field of the design file.

    ``name`` is its path (``section.field``; ``constellation.shells[].altitude`` for a further shell's,
    ``name`` for a top-level key), ``kind`` one of qty, num, int, choice, text, list, table-list, ltan, date;
    ``unit`` the unit its bounds and default are in ("" where none); ``default`` the default as a design file
    writes it (None: required where ``required``, else derived, as ``doc`` says); ``lo``/``hi`` the bounds
    (``lo_open``/``hi_open`` strict); ``options`` the choices; ``doc`` the one line of meaning.
    """

    name: str
    section: str
    field: str
    kind: str
    unit: str
    default: Any
    required: bool
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    options: tuple[str, ...] = ()
    doc: str = ""

    @property
    def range(self) -> str:
        """The accepted values as text: ``0 < x <= 50 year``, ``>= 1``, ``one of: hot, nominal, cold``."""
        if self.options:
            return "one of: " + ", ".join(self.options)
        unit = f" {self.unit}" if self.unit else ""
        lo = None if self.lo is None else f"{_number(self.lo)} {'<' if self.lo_open else '<='} x"
        hi = None if self.hi is None else f"x {'<' if self.hi_open else '<='} {_number(self.hi)}"
        if lo and hi:
            return f"{lo.removesuffix(' x')} x {hi.removeprefix('x ')}{unit}"
        if lo:
            return f"x {'>' if self.lo_open else '>='} {_number(self.lo)}{unit}"
        if hi:
            return f"{hi}{unit}"
        return ""

    @property
    def shown_default(self) -> str:
        """The default as the tables print it: the value, ``required``, or ``unset`` (the meaning says what an
        unset field stands for)."""
        if self.required:
            return "required"
        if self.default is None:
            return "unset"
        if isinstance(self.default, str) and self.default:
            return self.default
        return _toml_value(self.default)

    def as_dict(self) -> dict[str, Any]:
        """The field as JSON-ready data (``spacedc fields --json``)."""
        out = dataclasses.asdict(self)
        out["options"] = list(self.options)
        out["range"] = self.range
        return out


def _number(x: float) -> str:
    return f"{int(x)}" if float(x).is_integer() else f"{x:g}"


def _plain(value: Any, unit: str) -> Any:
    """A field's default as a design file writes it: a Quantity as ``"25 mm"`` text in its field's unit where it is
    not text already, numpy scalars as Python numbers."""
    if isinstance(value, pint.Quantity):
        m = value.m_as(unit) if unit else value.m
        return f"{float(m):.12g} {unit or f'{value.units:~}'}"
    if isinstance(value, np.generic):
        return value.item()
    return value


def _section_fields(section: str, cls: type, prefix: str) -> list[FieldInfo]:
    out = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        meta = f.metadata
        kind = meta.get("kind")
        required = f.default is _REQUIRED and f.default_factory is _REQUIRED
        default = None if required else (f.default if f.default is not _REQUIRED else f.default_factory())
        unit = meta.get("unit", "")
        if kind is None:  # a field validated by hand: a list or a table list
            kind = "table-list" if f.name == "shells" else ("list" if isinstance(default, (list, tuple)) or
                                                            default is None and f.name == "load_envelope" else "text")
            if kind == "table-list":
                default = []
        out.append(FieldInfo(name=f"{prefix}.{f.name}", section=section, field=f.name, kind=kind, unit=unit,
                             default=_plain(default, unit), required=required, lo=meta.get("lo"),
                             hi=meta.get("hi"), lo_open=meta.get("lo_open", False), hi_open=meta.get("hi_open", False),
                             options=tuple(meta.get("options", ())), doc=" ".join(meta.get("doc", "").split())))
        if f.name == "shells":
            out.extend(_section_fields(section, ShellChoices, f"{prefix}.shells[]"))
    return out


def _orbit_fields() -> list[FieldInfo]:
    lo, hi = orbit.spec.ALTITUDE_RANGE_KM
    bounds = {"altitude": (lo, hi, False), "inclination": (0.0, 180.0, False), "raan": (0.0, 360.0, True)}
    out = []
    for f in dataclasses.fields(orbit.Orbit):
        kind, unit, doc = _ORBIT[f.name]
        required = f.default is _REQUIRED
        b = bounds.get(f.name, (None, None, False))
        out.append(FieldInfo(name=f"orbit.{f.name}", section="orbit", field=f.name, kind=kind, unit=unit,
                             default=None if required else f.default, required=required, lo=b[0], hi=b[1],
                             hi_open=b[2], doc=doc))
    return out


def sections() -> tuple[str, ...]:
    """The design file's sections in the order the loader reads them, ``""`` for the top-level keys first."""
    return ("", *_SECTIONS)


def fields(section: str | None = None) -> list[FieldInfo]:
    """Every field a design file may hold, or those of one ``section`` (``""``: the top-level keys).

    Raises
    ------
    ValueError
        For a section the design file does not have, naming the sections it does.
    """
    if section is not None and section not in sections():
        raise ValueError(f"section {section!r}: the design file has the sections {', '.join(_SECTIONS)} (and the "
                         f"top-level keys name, description, base)")
    out: list[FieldInfo] = []
    if section in (None, ""):
        out += [FieldInfo(name=k, section="", field=k, kind=kind, unit="", default=d, required=k == "name",
                          doc=doc) for k, kind, d, doc in _TOP]
    for name, cls in _SECTIONS.items():
        if section in (None, name):
            out += _orbit_fields() if name == "orbit" else _section_fields(name, cls, name)
    return out


def fields_table(section: str | None = None, width: int = 110) -> str:
    """The fields as text for the terminal: a line with name, unit, default and range, then the meaning,
    indented and wrapped to ``width``."""
    lines = []
    current = None
    for f in fields(section):
        if f.section != current:
            current = f.section
            lines.append(f"[{current}]" if current else "(top level)")
        lines.append(f"  {f.name:<44} {f.unit or '-':<12} {f.shown_default:<22} {f.range}".rstrip())
        lines += textwrap.wrap(f.doc, width, initial_indent=" " * 6, subsequent_indent=" " * 6)
    if section is None:
        lines.append("[uncertainty]")
        lines += textwrap.wrap(UNCERTAINTY_DOC, width, initial_indent=" " * 6, subsequent_indent=" " * 6)
    return "\n".join(lines)


def fields_json(section: str | None = None) -> str:
    """The fields as JSON: a list of :meth:`FieldInfo.as_dict`."""
    return json.dumps([f.as_dict() for f in fields(section)], indent=2)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def markdown() -> str:
    """The reference of the design file in Markdown (``docs/design-file.md``), generated from the schema."""
    out = ["# The design file, field by field", "",
           "Generated from the schema by `python -m spacedc.designs.fields --markdown > docs/design-file.md`; "
           "do not edit by hand (tests/designs/test_fields.py checks that it matches). `spacedc fields` "
           "prints the same in the terminal, `spacedc new NAME --from sso-100kw` writes a commented starting file.",
           "",
           "Quantities are strings with a unit (`\"650 km\"`, `\"85 degC\"`; a temperature is `degC`, not `C`, "
           "which is the coulomb); dimensionless numbers are plain. A default of *unset* means the field is left out and "
           "worked out as its meaning says; *required* fields have none. A design may start from another with "
           "`base = \"sso-100kw\"` and give only what differs.", ""]
    current = None
    for f in fields():
        if f.section != current:
            current = f.section
            out += ["", f"## [{current}]" if current else "## Top-level keys", "",
                    "| field | unit | default | range | meaning |", "|---|---|---|---|---|"]
        out.append(f"| `{f.name}` | {f.unit or '-'} | {_md(f.shown_default)} | {_md(f.range) or '-'} | {_md(f.doc)} |")
    out += ["", "## [uncertainty]", "", f"Optional: {UNCERTAINTY_DOC}."]
    return "\n".join(out) + "\n"


def _toml_value(value: Any) -> str:
    """A value as TOML source (strings, numbers, booleans, dates and times, lists of them)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"{value!r}: no TOML form")  # pragma: no cover - design files hold only these


def _comment(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, 110, initial_indent=f"{indent}# ", subsequent_indent=f"{indent}# ")


def starting_file(reference: str, name: str) -> str:
    """A commented design file for ``spacedc new``: the values of the design ``reference`` (a reference design's
    name or a path), each field with its meaning as a comment above it, and every field the reference leaves at
    its default commented out with that default. Loading it gives ``reference``'s design, renamed ``name``."""
    data = _read(_resolve(reference))
    out = [f"# {name}: a spacedc design, started from {reference} (spacedc new). Every field is listed with its "
           f"meaning;", "# fields left at their default are commented out. `spacedc fields` lists them with units "
           "and ranges.", "", f"name = {_toml_value(name)}",
           f"description = {_toml_value(data.get('description', ''))}"]
    for section in _SECTIONS:
        given = data.get(section, {})
        out += ["", f"[{section}]" if given or section in ("payload", "orbit", "power", "thermal")
                else f"# [{section}]  (every field has a default: uncomment the table to change one)"]
        shells = None
        for f in fields(section):
            if f.name.startswith("constellation.shells[]"):
                continue
            if f.kind == "table-list":
                shells = (f, given.get(f.field))
                continue
            out += _comment(f"{f.doc} [{f.unit}]" if f.unit else f.doc)
            if f.field in given:
                out.append(f"{f.field} = {_toml_value(given[f.field])}")
            else:
                out.append(f"# {f.field} = {_toml_value(f.default) if f.default is not None else '...'}"
                           f"{'  (required)' if f.required else '  (unset)' if f.default is None else ''}")
        if shells:
            f, tables = shells
            out += ["", *_comment(f.doc)]
            subs = [s for s in fields(section) if s.name.startswith("constellation.shells[]")]
            for table in tables or ({},):
                out.append("[[constellation.shells]]" if table else "# [[constellation.shells]]")
                for s in subs:
                    if table and s.field in table:
                        out.append(f"{s.field} = {_toml_value(table[s.field])}")
                    elif not table:
                        value = _toml_value(s.default) if s.default is not None else "..."
                        out.append(f"# {s.field} = {value}  # {s.doc}")
    if data.get("uncertainty"):
        out += ["", *_comment(UNCERTAINTY_DOC), "[uncertainty]"]
        flat = {k if sub is None else f"{k}.{sub}": v for k, law in data["uncertainty"].items()
                for sub, v in (law.items() if isinstance(law, dict) else ((None, law),))}
        out += [f"{_toml_value(k)} = {_toml_value(v)}" for k, v in flat.items()]
    return "\n".join(out) + "\n"


def scale_warnings(design: Any, result: Any) -> list[str]:
    """Warnings of a sized design whose inputs look out of scale for its power, each naming the field to change.

    - The loop pump draws more than :data:`PUMP_POWER_WARNING` (5 %) of the bus load: the transport lines are too
      narrow, or too few loops share the heat, for the heat they carry (the pump power of a line grows as
      flow^3 / diameter^5 in turbulent flow, so a line sized for kW carries MW at a ruinous pressure drop).

    A sweep warns once per cause, counting its points. A warning changes no result and no feasibility.
    """
    load = np.asarray(result.load.m_as("W"), dtype=float)
    pump = np.asarray(result.pump_power.m_as("W"), dtype=float)
    share = np.where(load > 0, pump / np.where(load > 0, load, 1.0), 0.0)
    over = share > PUMP_POWER_WARNING
    out = []
    if np.any(over):
        th = design.thermal
        default = {f.name: f.default for f in dataclasses.fields(th)}
        now = []
        for field, unit in (("line_diameter", "mm"), ("loop_count", "")):
            value = getattr(th, field)
            if np.ndim(value.m if isinstance(value, pint.Quantity) else value):
                continue  # swept: the sweep's table says which points
            base = default[field]
            if unit:
                value, base = value.m_as(unit), parse_quantity(base, field).m_as(unit)
            left = " (its default)" if value == base else ""
            now.append(f"thermal.{field} = {_number(value)}{' ' + unit if unit else ''}{left}")
        where = "" if over.ndim == 0 else f" at {int(over.sum())} of {over.size} points"
        worst = float(np.max(np.where(over, share, 0.0)))
        single = (f" ({pump.item() / 1e3:.3g} kW of {load.item() / 1e3:.3g} kW)" if over.ndim == 0 else
                  f" (up to {100 * worst:.0f} %)")
        out.append(f"the loop pump draws {100 * worst:.0f} % of the bus load{single}{where}, over "
                   f"{100 * PUMP_POWER_WARNING:.0f} %: widen the transport lines (thermal.line_diameter) or share the "
                   f"heat among parallel loops (thermal.loop_count); now {', '.join(now) or 'swept'}")
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m spacedc.designs.fields``: the table, ``--json`` or ``--markdown``; a section name limits it."""
    parser = argparse.ArgumentParser(prog="python -m spacedc.designs.fields", description=__doc__.splitlines()[0])
    parser.add_argument("section", nargs="?")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--markdown", action="store_true", help="the reference docs/design-file.md")
    kind.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.markdown:
        sys.stdout.write(markdown())
    else:
        print(fields_json(args.section) if args.json else fields_table(args.section))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
