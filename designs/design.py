"""The ``Design``: a whole satellite as data, loaded from TOML or a shipped reference design."""

from __future__ import annotations

import dataclasses
import tomllib
from importlib import resources
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pint

from spacedc import orbit
from spacedc.designs.inputs import design_inputs
from spacedc.designs.spec import (ComputeChoices, ConstellationChoices, CostChoices, DesignError, GeometryChoices,
                                  LaunchChoices, LifetimeChoices, Payload, PowerChoices, ThermalChoices, unknown_keys)
from spacedc.units import broadcast_shape

__all__ = ["Design", "load", "from_dict", "reference_designs", "UNCERTAINTY_DOC"]

#: The ``[uncertainty]`` table, in words (``spacedc fields`` and docs/design-file.md show it; :mod:`designs.uq`
#: reads it).
UNCERTAINTY_DOC = (
    "the inputs' distributions for spacedc uq: one key per uncertain field, quoted, its law as text, e.g. "
    "\"thermal.emissivity\" = \"normal(0.92, 0.01)\" or \"payload.chip_power\" = \"triangular(950 W, 1000 W, "
    "1100 W)\"; the laws are normal(MEAN, SD), uniform(LO, HI), triangular(LO, MODE, HI), lognormal(MEDIAN, "
    "SIGMA) and LO:HI, with units (a spread such as SD is a difference: 1 K = 1 degC), as for spacedc sweep "
    "--vary. spacedc size ignores the table; spacedc uq --vary adds or overrides entries")

_SECTIONS: dict[str, type] = {
    "payload": Payload,
    "orbit": orbit.Orbit,
    "power": PowerChoices,
    "thermal": ThermalChoices,
    "launch": LaunchChoices,
    "geometry": GeometryChoices,
    "compute": ComputeChoices,
    "lifetime": LifetimeChoices,
    "cost": CostChoices,
    "constellation": ConstellationChoices,
}


@dataclasses.dataclass(frozen=True, kw_only=True, repr=False)
class Design:
    """A satellite design: payload, orbit, power, thermal, launch (mass budget, vehicle, margins), geometry, the
    compute payload's spares and radiation response, the orbit's lifetime and disposal, its cost, and the
    constellation it flies in (debris, conjunctions and the cascade of its shell).

    Any Quantity field may hold an array; :func:`designs.size` then sizes every point at once.
    Use :meth:`replace` with ``section__field`` keywords to vary a field::

        sat.replace(payload__chip_power=np.linspace(300, 1500, 1000) * u.W)
    """

    name: str
    description: str = ""
    payload: Payload
    orbit: orbit.Orbit
    power: PowerChoices
    thermal: ThermalChoices
    launch: LaunchChoices = dataclasses.field(default_factory=LaunchChoices)
    geometry: GeometryChoices = dataclasses.field(default_factory=GeometryChoices)
    compute: ComputeChoices = dataclasses.field(default_factory=ComputeChoices)
    lifetime: LifetimeChoices = dataclasses.field(default_factory=LifetimeChoices)
    cost: CostChoices = dataclasses.field(default_factory=CostChoices)
    constellation: ConstellationChoices = dataclasses.field(default_factory=ConstellationChoices)
    #: The ``[uncertainty]`` table: ``(("thermal.emissivity", "normal(0.92, 0.01)"), ...)``, checked on loading.
    uncertainty: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # the swept fields of every section are one sweep: their shapes broadcast together, or the error names them
        broadcast_shape(**{f"{name}.{f.name}": getattr(getattr(self, name), f.name) for name in _SECTIONS
                           for f in dataclasses.fields(getattr(self, name)) if "kind" in f.metadata})
        h = self.orbit.altitude.m_as("km")
        for value in (np.unique(h) if self.constellation.shells else ()):   # a swept altitude: each value
            clash = self.constellation.overlap(value)
            if clash:
                raise DesignError(clash)

    def __repr__(self) -> str:
        """One line: the name, the chips, the orbit; arrays (a sweep) by their shape."""
        def brief(q: Any) -> str:
            return f"<{np.shape(q.m)} {q.units:~}>" if np.ndim(q.m) else f"{float(q.m):g} {q.units:~}"

        p, o = self.payload, self.orbit
        chips = p.chip_count if not np.ndim(p.chip_count) else f"<{np.shape(p.chip_count)}>"
        return f"Design({self.name!r}: {chips} chips of {brief(p.chip_power)} at {brief(o.altitude)})"

    def __str__(self) -> str:
        """The fields that differ from their defaults, section by section (the design as its file would state
        it)."""
        lines = [f"{self.name}" + (f": {self.description}" if self.description else "")]
        for section in design_inputs(self):
            rows = [r for r in section["rows"] if r["differs"]]
            if rows:
                lines.append(f"[{section['section']}]")
                lines += [f"  {r['field']} = {r['value']}" for r in rows]
        return "\n".join(lines)

    def replace(self, **changes: Any) -> Design:
        """A copy with fields changed; ``payload__chip_power=...`` reaches into a section."""
        top: dict[str, Any] = {}
        nested: dict[str, dict[str, Any]] = {}
        for key, value in changes.items():
            section, sep, field = key.partition("__")
            if sep:
                if section not in _SECTIONS:
                    raise DesignError(f"unknown section '{section}' in {key!r} (known: {', '.join(_SECTIONS)})")
                removed = getattr(_SECTIONS[section], "removed", {})
                if field in removed:
                    raise DesignError(f"{section}.{field} was removed: {removed[field]}")
                unknown_keys({field: value}, [f.name for f in dataclasses.fields(_SECTIONS[section])], section)
                nested.setdefault(section, {})[field] = value
            else:
                unknown_keys({key: value}, [f.name for f in dataclasses.fields(self)], "")
                top[key] = value
        for section, fields in nested.items():
            top[section] = _build(section, {**_as_inputs(getattr(self, section)), **fields})
        return dataclasses.replace(self, **top)


def _as_inputs(section: Any) -> dict[str, Any]:
    return {f.name: getattr(section, f.name) for f in dataclasses.fields(section) if f.init}


def _build(section: str, data: dict[str, Any]) -> Any:
    cls = _SECTIONS[section]
    if hasattr(cls, "from_mapping"):
        return cls.from_mapping(data)
    unknown_keys(data, [f.name for f in dataclasses.fields(cls)], section)
    try:
        return cls(**data)
    except pint.DimensionalityError as exc:
        exc.extra_msg = f" in [{section}]{exc.extra_msg}"
        raise
    except (TypeError, ValueError) as exc:
        msg = str(exc)
        if "missing" in msg and "required" in msg:
            raise DesignError(f"[{section}]: {msg}") from None
        raise type(exc)(f"[{section}] {msg}") from None


def from_dict(data: dict[str, Any], *, source: str = "<dict>") -> Design:
    """Build a :class:`Design` from nested dictionaries (the parsed TOML); a ``base`` key is resolved as in
    :func:`load`, a path relative to the working directory."""
    known = ["name", "description", "base", *_SECTIONS, "uncertainty"]
    unknown_keys(data, known, "")
    data = _with_base(data, Path.cwd(), (), source)
    if "name" not in data:
        raise DesignError(f"{source}: missing key 'name'")
    missing = [s for s in ("payload", "orbit", "power", "thermal") if s not in data]
    if missing:
        raise DesignError(f"{source}: missing section{'s' if len(missing) > 1 else ''} "
                          f"{', '.join(f'[{m}]' for m in missing)}")
    sections = {}
    for name in _SECTIONS:
        if name in data:
            if not isinstance(data[name], dict):
                raise DesignError(f"{source}: '{name}' must be a table [{name}], got {data[name]!r}")
            sections[name] = _build(name, data[name])
    design = Design(name=str(data["name"]), description=str(data.get("description", "")), **sections)
    if "uncertainty" in data:
        design = dataclasses.replace(design, uncertainty=_uncertainty(data["uncertainty"], design, source))
    return design


#: Checks of an ``[uncertainty]`` entry, ``check("section.field=LAW", design)`` raising on a bad one: registered
#: by :mod:`designs.uq` (it reads the laws with :func:`designs.plan.parse_variation`, which builds on this module).
UNCERTAINTY_CHECKS: list[Callable[[str, Any], Any]] = []


def _uncertainty(table: Any, design: Design, source: str) -> tuple[tuple[str, str], ...]:
    """The ``[uncertainty]`` table as ``(key, law)`` pairs, each law checked against ``design``'s field
    (:data:`UNCERTAINTY_CHECKS`); a nested table (``thermal.emissivity`` written unquoted) is read as
    its dotted key, and a key given both ways once (the later, a child's over its base's)."""
    if not isinstance(table, dict):
        raise DesignError(f"{source}: 'uncertainty' must be a table [uncertainty], got {table!r}")
    pairs: dict[str, str] = {}
    for key, law in table.items():
        for sub, text in (law.items() if isinstance(law, dict) else ((None, law),)):
            name = key if sub is None else f"{key}.{sub}"
            if not isinstance(text, str):
                raise DesignError(f"{source}: [uncertainty] {name} = {text!r}: expected a law as text, e.g. "
                                  f"\"normal(MEAN, SD)\"")
            try:
                for check in UNCERTAINTY_CHECKS:
                    check(f"{name}={text}", design)
            except (ValueError, TypeError, pint.DimensionalityError) as exc:
                raise DesignError(f"{source}: [uncertainty] {name} = {text!r}: {exc}") from None
            pairs.pop(name, None)
            pairs[name] = text
    return tuple(pairs.items())


def reference_designs() -> dict[str, Path]:
    """The reference designs shipped with spacedc: name -> path of its TOML file."""
    folder = resources.files("spacedc.designs") / "reference"
    return {p.name.removesuffix(".toml"): Path(str(p)) for p in sorted(folder.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".toml")}


def _resolve(name_or_path: str | Path, relative_to: Path | None = None) -> Path:
    """The file of a design: a path (relative to ``relative_to``, the folder of the design that names it as its
    ``base``, else the working directory) or a shipped reference design's name."""
    refs = reference_designs()
    path = Path(name_or_path)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if str(name_or_path) in refs and not path.is_file():
        return refs[str(name_or_path)]
    if not path.is_file():
        raise DesignError(f"design {str(name_or_path)!r} is neither a file nor a reference design "
                          f"(reference designs: {', '.join(refs)})")
    return path


#: Keys of which a design gives one only: a child giving one drops its base's other (``raan`` replaces ``ltan``).
_ALTERNATIVES = {"orbit": ("ltan", "raan")}


def _merge(base: dict[str, Any], child: dict[str, Any], where: str = "") -> dict[str, Any]:
    """``child`` over ``base``: tables merge key by key (recursively), anything else, lists of tables
    (``[[constellation.shells]]``) included, is replaced whole; a key of :data:`_ALTERNATIVES` replaces its
    alternative."""
    out = dict(base)
    alternatives = _ALTERNATIVES.get(where, ())
    if any(k in child for k in alternatives):
        for key in alternatives:
            out.pop(key, None)
    for key, value in child.items():
        out[key] = (_merge(out[key], value, f"{where}.{key}".lstrip(".")) if isinstance(value, dict)
                    and isinstance(out.get(key), dict) else value)
    return out


def _read(path: Path, chain: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The parsed TOML of ``path`` with its ``base`` chain merged under it (the ``base`` key removed)."""
    where = path.resolve()
    if where in chain:
        cycle = " -> ".join(str(p) for p in (*chain[chain.index(where):], where))
        raise DesignError(f"{path}: base designs form a cycle: {cycle}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DesignError(f"{path}: not valid TOML: {exc}") from None
    return _with_base(data, path.parent, (*chain, where), str(path))


def _with_base(data: dict[str, Any], folder: Path, chain: tuple[Path, ...], source: str) -> dict[str, Any]:
    if "base" not in data:
        return data
    name = data["base"]
    if not isinstance(name, str):
        raise DesignError(f"{source}: base = {name!r}: expected a reference design's name or a path, as a string")
    try:
        parent = _resolve(name, folder)
    except DesignError as exc:
        raise DesignError(f"{source}: base = {name!r}: {exc}") from None
    return _merge(_read(parent, chain), {k: v for k, v in data.items() if k != "base"})


def load(name_or_path: str | Path) -> Design:
    """Load a design from a TOML file path or a shipped reference design's name.

    A file may start from another design with ``base = "sso-100kw"`` (a reference design's name, or a path
    relative to the file) and give only what differs: each table it gives overrides its base's field by field,
    a list (``[[constellation.shells]]``) replaces the base's whole, an ``orbit.raan`` replaces the base's
    ``orbit.ltan`` (and the other way round), and ``name`` and ``description`` are the base's unless it gives
    its own. Bases may chain; a cycle is an error naming the files.
    """
    path = _resolve(name_or_path)
    return from_dict(_read(path), source=str(path))
