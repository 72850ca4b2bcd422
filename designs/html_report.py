"""The HTML report of a sized design: one self-contained ``report.html`` (:func:`write_report`).

The page is rendered from the Jinja2 template ``templates/report.html.j2`` (package data). Every image is a PNG
embedded as a base64 ``data:`` URI and the styles are inline, so the file opens offline and can be forwarded
alone. It shows the inputs (those that differ from their defaults marked), every ``summary.json`` figure with
the unit its key ends with, the margins coloured by sign with their reasons, the mass breakdown with shares and
the station totals, power and battery state of charge over an orbit, the thermal network's temperatures over an
orbit (:mod:`designs.transient`), the beta angle and eclipse over a year (:func:`spacedc.orbit.beta_angle`,
:func:`spacedc.orbit.eclipse_fraction`), the figures of merit beside published ones (:mod:`designs.merit`),
the CAD previews written into the same folder, and the sources the models used cite.

The sources are resolved from the references file shipped inside the package (``references.md`` of
``spacedc.designs``, package data: in the repository a symbolic link to docs/references.md, so there is one copy of the text and
the wheel holds the file itself). Where the package copy is missing or unreadable (a checkout without symbolic
links), the repository's docs/references.md beside the source tree is read; failing both, the keys are listed
unresolved.
"""

from __future__ import annotations

import base64
import html
import re
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from spacedc.designs.inputs import _number, design_inputs
from spacedc.files import atomic_write_text

if TYPE_CHECKING:
    from spacedc.designs.design import Design
    from spacedc.designs.result import DesignResult

__all__ = ["design_inputs", "load_references", "cited_keys", "report_paths", "write_report", "unit_of_key"]

#: The plots the report writes beside it, by role.
_PLOTS = {"temperatures": "orbit_temperatures.png", "power": "orbit_power.png", "year": "beta_eclipse_year.png",
          "mass": "mass_breakdown.png"}

#: summary.json key endings -> unit, longest first (docs/design.md: every key ends with its unit).
_UNITS = (("_per_kw_year_USD", "USD/(kW yr)"), ("_per_kW_USD", "USD/kW"), ("_per_kWh_USD", "USD/kWh"),
          ("_per_m2_year", "1/(m^2 yr)"), ("_W_per_m2", "W/m^2"), ("_kg_per_m2", "kg/m^2"), ("_kg_per_m3", "kg/m^3"),
          ("_kg_per_s", "kg/s"), ("_m_per_s", "m/s"), ("_per_km3", "1/km^3"), ("_per_year", "1/yr"),
          ("_per_day", "1/day"), ("_rad_Si", "rad(Si)"), ("_kWh", "kWh"), ("_Wh", "Wh"), ("_m3", "m^3"),
          ("_m2", "m^2"), ("_USD", "USD"), ("_year", "yr"), ("_deg", "deg"), ("_kg", "kg"), ("_Hz", "Hz"),
          ("_Pa", "Pa"), ("_W", "W"), ("_K", "K"), ("_s", "s"), ("_m", "m"))

_KEY = re.compile(r"(?<![\w\]`])\[(" + "[A" + r"-Z][A-Za-z0-9.\-]{2,})\]")  # a source key (tests/test_citations.py)
_DEFINITION = re.compile(r"^- \*\*\[([^\]]+)\]\*\*\s*(.*)$")
_MASS = (("payload", "payload_kg"), ("power", "power_kg"), ("thermal", "thermal_kg"), ("structure", "structure_kg"),
         ("ADCS", "adcs_kg"), ("propulsion", "propulsion_kg"), ("harness", "harness_kg"),
         ("growth allowance", "growth_kg"), ("system margin", "margin_kg"), ("propellant", "propellant_kg"))


def unit_of_key(key: str) -> tuple[str, str]:
    """Split a ``summary.json`` key into its name and the unit it ends with (``""`` for a pure number).

    Examples
    --------
    >>> unit_of_key("radiator_areal_density_kg_per_m2")
    ('radiator_areal_density', 'kg/m^2')
    >>> unit_of_key("eclipse_fraction")
    ('eclipse_fraction', '')
    """
    for suffix, unit in _UNITS:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)], unit
    return key, ""


def report_paths(out_dir: str | Path) -> list[Path]:
    """The files :func:`write_report` writes into ``out_dir`` besides :func:`designs.report.summary_paths`:
    ``report.html`` and its plots."""
    out = Path(out_dir)
    return [out / "report.html", *(out / name for name in _PLOTS.values())]


def _read_references_text() -> tuple[str, str]:
    """The text of references.md and where it came from (the package's copy, else the source tree's)."""
    try:
        text = (resources.files("spacedc.designs") / "references.md").read_text(encoding="utf-8")
        if "- **[" in text:
            return text, "the package's copy of docs/references.md (package data of spacedc.designs)"
    except (OSError, ModuleNotFoundError):
        pass
    source = Path(__file__).resolve().parents[1] / "docs" / "references.md"
    if source.is_file():
        return source.read_text(encoding="utf-8"), str(source)
    return "", "not found"


def load_references(text: str | None = None) -> dict[str, str]:
    """The entries of references.md: key -> its text (markdown emphasis removed, lines joined).

    Examples
    --------
    >>> load_references("- **[abc]** A. Author, *Title*,\\n  2020.\\n- **[def]** Other.")
    {'abc': 'A. Author, Title, 2020.', 'def': 'Other.'}
    """
    if text is None:
        text = _read_references_text()[0]
    entries: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        m = _DEFINITION.match(line)
        if m:
            current = m.group(1)
            entries[current] = [m.group(2).strip()]
        elif current and line.startswith("  ") and line.strip():
            entries[current].append(line.strip())
        else:
            current = None
    return {k: " ".join(v).replace("**", "").replace("*", "") for k, v in entries.items()}


def cited_keys(module_names: list[str] | None = None) -> dict[str, list[str]]:
    """Source keys cited in the docstrings of spacedc's loaded modules (the module's and those of the functions
    and classes it defines, methods included): key -> the modules citing it, sorted.

    ``module_names`` defaults to every ``spacedc`` module imported when it is called (after sizing: the models
    the sizing used), less the command line and this report.
    """
    if module_names is None:
        skip = {"spacedc.designs.cli", __name__}
        module_names = sorted(n for n in list(sys.modules) if n.startswith("spacedc.") and n not in skip)
    cited: dict[str, set[str]] = {}
    for name in module_names:
        module = sys.modules.get(name)
        if module is None:
            continue
        docs = [module.__doc__ or ""]
        for obj in list(vars(module).values()):
            if getattr(obj, "__module__", None) != name:
                continue
            docs.append(getattr(obj, "__doc__", None) or "")
            if isinstance(obj, type):
                docs += [getattr(m, "__doc__", None) or "" for m in vars(obj).values() if callable(m)]
        for doc in docs:
            for key in _KEY.findall(doc):
                cited.setdefault(key, set()).add(name.removeprefix("spacedc."))
    return {k: sorted(v) for k, v in sorted(cited.items())}


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _margins(data: dict[str, Any]) -> list[dict[str, Any]]:
    from spacedc.designs import budget

    why = getattr(budget, "_WHY", {})
    vehicle = data["launch"]["vehicle"]
    rows = []
    for name, value in data["launch"]["margins"].items():
        if value is None:
            status, reason = "unchecked", "not checked: the vehicle publishes no figure (see the notes)"
        elif value >= 0:
            status, reason = "met", "met"
        else:
            status = "failed"
            prefix = why[name][1].split("{")[0].strip() if name in why else name
            found = [r for r in data["reasons"] if prefix and r.startswith(prefix)]
            reason = "; ".join(found) if found else (why[name][0].format(lv=vehicle) if name in why else "not met")
        rows.append({"name": name.replace("_", " "), "value": "—" if value is None else f"{value:+.3f}",
                     "status": status, "reason": reason})
    return rows


def _mass(data: dict[str, Any]) -> dict[str, Any]:
    m = data["mass"]
    total = m["total_kg"]
    rows = [{"name": label, "kg": m[key], "percent": 100 * m[key] / total} for label, key in _MASS]
    station = [{"name": name.replace("_", " "), "value": _number(v), "unit": unit}
               for name, unit, v in ((*unit_of_key(k), v) for k, v in data.get("station", {}).items())]
    return {"rows": rows, "total": total, "dry": m["dry_kg"], "station": station}


def _summary_sections(data: dict[str, Any]) -> list[dict[str, Any]]:
    sections = []
    for section, values in data.items():
        if not isinstance(values, dict) or section in ("cad",):
            continue
        rows = []
        for key, value in values.items():
            if isinstance(value, dict):
                continue
            name, unit = unit_of_key(key)
            if isinstance(value, list):
                value = "; ".join(map(str, value)) or "—"
            rows.append({"name": name.replace("_", " "), "value": _number(value), "unit": unit, "key": key})
        sections.append({"section": section, "rows": rows})
    return sections


def _merit(data: dict[str, Any]) -> list[dict[str, Any]]:
    from spacedc.designs.merit import FIGURES, REFERENCES, figures

    ours = figures(data)
    out = []
    for key, (label, unit) in FIGURES.items():
        refs = [{"value": _number(r.value), "what": r.what, "key": r.key, "why": r.why,
                 "ratio": None if ours[key] is None else f"{ours[key] / r.value:.2g}x"}
                for r in REFERENCES if r.figure == key]
        out.append({"label": label, "unit": unit, "value": _number(ours[key]), "refs": refs})
    return out


def _year(design: Design, path: Path) -> Path:
    """The beta angle and eclipse fraction of the design's orbit on each day of the year from its epoch."""
    from spacedc import orbit
    from spacedc.designs.plots import plot_year

    o = design.orbit
    start = np.datetime64(str(o.epoch)[:10], "D")
    dates = start + np.arange(0, 366, 1)
    beta = orbit.beta_angle(dates.astype("datetime64[s]"), altitude=o.altitude, inclination=o.inclination,
                            raan=o.raan, ltan=o.ltan, epoch=o.epoch)
    fraction = orbit.eclipse_fraction(o.altitude, beta)
    return plot_year(dates, beta.m_as("deg"), np.asarray(fraction, dtype=float), path)


def write_report(design: Design, result: DesignResult, out_dir: str | Path, *,
                 extra: dict[str, Any] | None = None, optimisation: dict[str, Any] | None = None,
                 uq: dict[str, Path] | None = None) -> Path:
    """Write ``report.html`` and its plots into ``out_dir`` (with ``summary.json``, ``report.txt`` and
    ``budgets.png`` from :func:`designs.report.write_summary`); returns the report's path.

    ``result`` is the single design point :func:`designs.size` returned for ``design``. Each file is written
    atomically and replaces one of the same name (the command line refuses that without ``--force``). CAD
    previews already in ``out_dir`` (``<name>_*.png``, as ``spacedc size --cad`` writes them) are embedded.
    ``optimisation`` (from ``spacedc optimize``): ``{"lines": [str, ...], "images": {caption: PNG path}}``, shown
    in a section of its own.
    ``uq``: the files of :func:`designs.uq.write_uq` (role -> path); its PNG plots are embedded in an
    Uncertainty section.
    """
    import jinja2

    from spacedc.designs import plots
    from spacedc.designs.report import summary, summary_paths, write_summary

    if np.ndim(result.feasible):
        raise ValueError("write_report reports one design; for a sweep, use spacedc sweep's table")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write_summary(result, out, extra=extra)
    data = summary(result) | (extra or {})
    paths = {role: out / name for role, name in _PLOTS.items()}
    images: dict[str, Path | None] = {
        "temperatures": plots.plot_orbit_temperatures(result, paths["temperatures"]),
        "power": plots.plot_orbit_power(result, paths["power"]),
        "year": _year(design, paths["year"]),
    }
    mass = _mass(data)
    images["mass"] = plots.plot_mass_breakdown({r["name"]: r["kg"] for r in mass["rows"]}, mass["total"], paths["mass"])
    images["budgets"] = summary_paths(out)[2]
    cad = [{"name": p.stem.removeprefix(f"{design.name}_").replace("_", " "), "uri": _data_uri(p)}
           for p in sorted(out.glob(f"{design.name}_*.png"))]
    text, where = _read_references_text()
    entries = load_references(text)
    sources = [{"key": k, "entry": entries.get(k), "modules": ", ".join(mods)} for k, mods in cited_keys().items()
               if k in entries or not entries]
    env = jinja2.Environment(loader=jinja2.PackageLoader("spacedc.designs", "templates"),
                             autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined)
    page = env.get_template("report.html.j2").render(
        name=data["name"], description=design.description, feasible=data["feasible"], reasons=data["reasons"],
        notes=data["launch"].get("notes", []), transient_note=result.transient_note,
        images={k: None if p is None else _data_uri(p) for k, p in images.items()},
        margins=_margins(data), mass=mass, merit=_merit(data), summary=_summary_sections(data),
        inputs=design_inputs(design), cad=cad, sources=sources, references_from=where,
        headline=_headline(data),
        optimisation=None if optimisation is None else {
            "lines": list(optimisation.get("lines", ())),
            "images": [{"name": k, "uri": _data_uri(Path(p))} for k, p in optimisation.get("images", {}).items()]},
        uq=[{"name": role, "uri": _data_uri(p)} for role, p in (uq or {}).items() if str(p).endswith(".png")])
    return atomic_write_text(out / "report.html", page)


def _headline(data: dict[str, Any]) -> list[tuple[str, str]]:
    p, t, m, o = data["power"], data["thermal"], data["mass"], data["orbit"]
    return [("compute", f"{p['chip_power_W'] / 1e3:,.1f} kW"), ("load", f"{p['load_W'] / 1e3:,.1f} kW"),
            ("wet mass", f"{m['total_kg']:,.0f} kg"), ("array", f"{p['array_area_m2']:,.0f} m^2"),
            ("radiator", f"{t['radiator_area_m2']:,.0f} m^2"), ("orbit", f"{o['altitude_m'] / 1e3:.0f} km, "
                                                                         f"{o['inclination_deg']:.1f} deg"),
            ("vehicle", html.unescape(str(data["launch"]["vehicle"])))]
