"""Reports of a sized design: the ``summary.json`` dictionary, a text table, files on disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from spacedc.files import atomic_write_text
from spacedc.units import json_column as _flat

if TYPE_CHECKING:
    from spacedc.designs.chain import DesignResult

__all__ = ["summary", "summary_table", "write_summary", "atomic_write_text"]


def _reasons(result: DesignResult) -> list:
    r = np.asarray(result.reasons, dtype=object)
    split = [[part for part in str(x).split("; ") if part] for x in r.ravel()]
    return split[0] if r.ndim == 0 else split


def _transient(tr: Any) -> dict[str, Any]:
    """Orbit extremes of the design's thermal network (``None`` where it was not run, as for a sweep)."""
    keys = ("chip_min", "chip_max", "coolant_min", "coolant_max", "radiator_min", "radiator_max", "battery_min",
            "battery_max")
    if tr is None:
        return {f"{k}_orbit_K": None for k in keys} | {"transient_energy_closure": None}
    return {f"{k}_orbit_K": float(getattr(tr, k).m_as("K")) for k in keys} | {
        "transient_energy_closure": float(tr.energy_closure)}


def _launch_section(result: DesignResult, shape: tuple, column: Any) -> dict[str, Any]:
    sections = result.launch.summary(column)
    sections["launch"] |= {"stowed_diameter_m": column(result.stowed_diameter.m_as("m"), shape),
                           "stowed_height_m": column(result.stowed_height.m_as("m"), shape)}
    return sections


def summary(result: DesignResult, column: Any = _flat) -> dict[str, Any]:
    """The ``summary.json`` content of DESIGN.md: SI numbers under keys that end with their unit.

    Infinite values (the area of an infeasible radiator) become ``null``; ``reasons`` says why.
    ``column(x, shape)`` makes each value: JSON-ready by default (:func:`spacedc.units.json_column`);
    :func:`spacedc.units.array_column` keeps a sweep's columns as numpy arrays.
    """

    def _si(q: Any, unit: str, shape: tuple) -> Any:
        return column(q.m_as(unit), shape)

    env, arr, bat, loop = result.environment, result.array, result.battery, result.loop
    shape = np.shape(result.feasible)
    return {
        "name": result.name,
        "feasible": column(result.feasible, shape),
        "reasons": _reasons(result),
        "orbit": {
            "altitude_m": _si(env.altitude, "m", shape),
            "inclination_deg": _si(env.inclination, "deg", shape),
            "period_s": _si(env.period, "s", shape),
            "eclipse_fraction": column(env.eclipse_fraction, shape),
            "eclipse_duration_s": _si(env.eclipse_duration, "s", shape),
            "days_with_eclipse": column(env.days_with_eclipse, shape),
            "beta_min_deg": _si(env.beta_min, "deg", shape),
            "solar_flux_min_W_per_m2": _si(env.solar_flux_min, "W/m^2", shape),
        },
        "power": {
            "load_W": _si(result.load, "W", shape),
            "chip_power_W": _si(result.chip_power, "W", shape),
            "conversion_loss_W": _si(result.conversion_loss, "W", shape),
            "path_loss_W": _si(result.path_loss, "W", shape),
            "required_power_W": _si(arr.required_power, "W", shape),
            "array_area_m2": _si(arr.area, "m^2", shape),
            "array_mass_kg": _si(arr.mass, "kg", shape),
            "bol_power_W": _si(arr.bol_power, "W", shape),
            "eol_power_W": _si(arr.eol_power, "W", shape),
            "cell_temperature_K": _si(arr.cell_temperature, "K", shape),
            "battery_capacity_Wh": _si(bat.total_capacity, "W*h", shape),
            "battery_mass_kg": _si(bat.mass, "kg", shape),
            "battery_depth_of_discharge": column(bat.depth_of_discharge, shape),
        },
        "thermal": {
            "heat_rejected_W": _si(result.heat_rejected, "W", shape),
            "radiator_temperature_K": _si(result.radiator_temperature, "K", shape),
            "coolant_temperature_K": _si(loop.radiator_inlet_temperature, "K", shape),
            "coolant_return_temperature_K": _si(loop.radiator_outlet_temperature, "K", shape),
            "max_coolant_temperature_K": _si(result.heat_path.radiator_inlet_temperature, "K", shape),
            "junction_temperature_K": _si(result.junction_temperature, "K", shape),
            "sink_temperature_K": _si(result.sink_temperature, "K", shape),
            "absorbed_flux_W_per_m2": _si(result.absorbed_flux, "W/m^2", shape),
            "radiator_area_m2": _si(result.radiator_area, "m^2", shape),
            "required_radiator_area_m2": _si(result.required_radiator_area, "m^2", shape),
            "radiator_mass_kg": _si(result.radiator_mass, "kg", shape),
            "radiator_areal_density_kg_per_m2": _si(result.panels.areal_density, "kg/m^2", shape),
            "panel_count": column(result.panel_count, shape),
            "fin_efficiency": column(result.panels.fin_efficiency, shape),
            "heat_pipes_per_panel": column(result.panels.pipes_per_panel, shape),
            "heat_pipe_transport_margin": column(result.panels.transport_margin, shape),
            "pump_power_W": _si(result.pump_power, "W", shape),
            "compressor_power_W": _si(result.compressor_power, "W", shape),
            "coolant_mass_flow_kg_per_s": _si(result.coolant_mass_flow, "kg/s", shape),
            "loop_pressure_drop_Pa": _si(loop.pressure_drop, "Pa", shape),
            "loop_mass_kg": _si(result.loop_mass, "kg", shape),
            "battery_radiator_area_m2": _si(result.battery_radiator_area, "m^2", shape),
            "battery_radiator_mass_kg": _si(result.battery_radiator_mass, "kg", shape),
            "battery_heater_W": _si(result.battery_heater_power, "W", shape),
            **_transient(result.transient),
        },
        **_launch_section(result, shape, column),
    }


_ROWS = [
    ("Orbit", None, None),
    ("altitude", ("orbit", "altitude_m"), (1e-3, "km", ".0f")),
    ("inclination", ("orbit", "inclination_deg"), (1, "deg", ".2f")),
    ("period", ("orbit", "period_s"), (1 / 60, "min", ".1f")),
    ("worst eclipse", ("orbit", "eclipse_duration_s"), (1 / 60, "min", ".1f")),
    ("days with eclipse", ("orbit", "days_with_eclipse"), (1, "d/yr", ".0f")),
    ("Power", None, None),
    ("chip power", ("power", "chip_power_W"), (1e-3, "kW", ".2f")),
    ("bus load", ("power", "load_W"), (1e-3, "kW", ".2f")),
    ("array required power", ("power", "required_power_W"), (1e-3, "kW", ".2f")),
    ("array area", ("power", "array_area_m2"), (1, "m^2", ".1f")),
    ("array mass", ("power", "array_mass_kg"), (1, "kg", ".1f")),
    ("array BOL / EOL power", None, None),
    ("battery capacity", ("power", "battery_capacity_Wh"), (1e-3, "kWh", ".2f")),
    ("battery mass", ("power", "battery_mass_kg"), (1, "kg", ".1f")),
    ("Thermal", None, None),
    ("heat rejected", ("thermal", "heat_rejected_W"), (1e-3, "kW", ".2f")),
    ("coolant out / back", None, None),
    ("hottest junction", ("thermal", "junction_temperature_K"), (1, "K", ".1f")),
    ("chips over the orbit", None, None),
    ("battery over the orbit", None, None),
    ("radiating temperature", ("thermal", "radiator_temperature_K"), (1, "K", ".1f")),
    ("sink temperature", ("thermal", "sink_temperature_K"), (1, "K", ".1f")),
    ("radiator area (one face)", ("thermal", "radiator_area_m2"), (1, "m^2", ".1f")),
    ("  of which needed", ("thermal", "required_radiator_area_m2"), (1, "m^2", ".1f")),
    ("radiator areal density", ("thermal", "radiator_areal_density_kg_per_m2"), (1, "kg/m^2", ".2f")),
    ("radiator mass", ("thermal", "radiator_mass_kg"), (1, "kg", ".1f")),
    ("radiator panels", ("thermal", "panel_count"), (1, "", ".0f")),
    ("heat-pipe transport margin", ("thermal", "heat_pipe_transport_margin"), (1, "", "+.2f")),
    ("pump / compressor power", None, None),
    ("Mass (with growth and margins)", None, None),
    ("payload", ("mass", "payload_kg"), (1, "kg", ".1f")),
    ("power", ("mass", "power_kg"), (1, "kg", ".1f")),
    ("thermal", ("mass", "thermal_kg"), (1, "kg", ".1f")),
    ("structure", ("mass", "structure_kg"), (1, "kg", ".1f")),
    ("ADCS / propulsion", None, None),
    ("harness", ("mass", "harness_kg"), (1, "kg", ".1f")),
    ("growth allowance", ("mass", "growth_kg"), (1, "kg", ".1f")),
    ("system margin", ("mass", "margin_kg"), (1, "kg", ".1f")),
    ("propellant", ("mass", "propellant_kg"), (1, "kg", ".1f")),
    ("total (wet)", ("mass", "total_kg"), (1, "kg", ".1f")),
    ("Launch", None, None),
    ("vehicle", None, None),
    ("satellites per launch", ("launch", "satellites_per_launch"), (1, "", ".0f")),
    ("stowed envelope", None, None),
    ("launch cost per kW", ("launch", "launch_cost_per_kW_USD"), (1e-3, "kUSD/kW", ".1f")),
    ("stowed first mode", ("launch", "stowed_first_mode_Hz"), (1, "Hz", ".1f")),
    ("deployed first mode", None, None),
    ("MMOD: pipes lost / P(no pen.)", None, None),
]


def _fmt(value: Any, scale: float, unit: str, spec: str) -> str:
    if value is None:
        return "unbounded"
    return f"{value * scale:{spec}} {unit}".rstrip()


def summary_table(data: dict[str, Any]) -> str:
    """A readable table of a single design's ``summary.json`` dictionary."""
    lines = [f"{data['name']}: {'FEASIBLE' if data['feasible'] else 'INFEASIBLE'}"]
    for label, key, fmt in _ROWS:
        if label == "array BOL / EOL power":
            p = data["power"]
            lines.append(f"  {label:<26} {_fmt(p['bol_power_W'], 1e-3, 'kW', '.2f')} / "
                         f"{_fmt(p['eol_power_W'], 1e-3, 'kW', '.2f')}")
        elif label == "coolant out / back":
            t = data["thermal"]
            lines.append(f"  {label:<26} {_fmt(t['coolant_temperature_K'], 1, 'K', '.1f')} / "
                         f"{_fmt(t['coolant_return_temperature_K'], 1, 'K', '.1f')} "
                         f"(at most {_fmt(t['max_coolant_temperature_K'], 1, 'K', '.1f')})")
        elif label == "chips over the orbit":
            t = data["thermal"]
            if t["chip_max_orbit_K"] is not None:
                lines.append(f"  {label:<26} {_fmt(t['chip_min_orbit_K'], 1, 'K', '.1f')} to "
                             f"{_fmt(t['chip_max_orbit_K'], 1, 'K', '.1f')}")
        elif label == "battery over the orbit":
            t = data["thermal"]
            if t["battery_max_orbit_K"] is not None:
                lines.append(f"  {label:<26} {_fmt(t['battery_min_orbit_K'], 1, 'K', '.1f')} to "
                             f"{_fmt(t['battery_max_orbit_K'], 1, 'K', '.1f')}" + (
                                 f" (own radiator {_fmt(t['battery_radiator_area_m2'], 1, 'm^2', '.1f')}, heater "
                                 f"{_fmt(t['battery_heater_W'], 1e-3, 'kW', '.2f')} without eclipse)"
                                 if t["battery_radiator_area_m2"] else " (on the loop)"))
        elif label == "ADCS / propulsion":
            m = data["mass"]
            lines.append(f"  {label:<26} {_fmt(m['adcs_kg'], 1, 'kg', '.1f')} / {_fmt(m['propulsion_kg'], 1, 'kg', '.1f')}")
        elif label == "vehicle":
            launch = data["launch"]
            lines.append(f"  {label:<26} {launch['vehicle']}, {launch['recovery']} "
                         f"({'fits' if launch['fits_fairing'] else 'does NOT fit'} the fairing)")
        elif label == "stowed envelope":
            t = data["launch"]
            lines.append(f"  {label:<26} {_fmt(t['stowed_diameter_m'], 1, 'm', '.2f')} diameter x "
                         f"{_fmt(t['stowed_height_m'], 1, 'm', '.2f')}")
        elif label == "deployed first mode":
            t = data["launch"]
            lines.append(f"  {label:<26} {_fmt(t['deployed_first_mode_Hz'], 1, 'Hz', '.3g')} (requirement "
                         f"{_fmt(t['deployed_frequency_requirement_Hz'], 1, 'Hz', '.3g')})")
        elif label == "MMOD: pipes lost / P(no pen.)":
            t = data["launch"]
            lines.append(f"  {label:<26} {_fmt(t['expected_heat_pipes_lost'], 1, '', '.1f')} / "
                         f"{_fmt(t['mmod_no_penetration_probability'], 1, '', '.3g')}")
        elif label == "pump / compressor power":
            t = data["thermal"]
            lines.append(f"  {label:<26} {_fmt(t['pump_power_W'], 1e-3, 'kW', '.2f')} / "
                         f"{_fmt(t['compressor_power_W'], 1e-3, 'kW', '.2f')}")
        elif key is None:
            lines.append(label)
        else:
            lines.append(f"  {label:<26} {_fmt(data[key[0]][key[1]], *fmt)}")
    station = data.get("station", {})
    if station.get("modules", 1) > 1:
        lines.append("Station")
        lines.append(f"  {'modules':<26} {station['modules']} ({_fmt(station['compute_W'], 1e-6, 'MW', '.2f')} of "
                     f"compute, {_fmt(station['total_kg'], 1e-3, 't', '.1f')} wet)")
        lines.append(f"  {'launches':<26} {_fmt(station['launches'], 1, '', 'd')}")
        if station["launch_cost_USD"] is None and station["launches"] is not None:
            lines.append(f"  {'launch cost':<26} not known (the vehicle publishes no price: give launch.launch_price)")
        else:
            lines.append(f"  {'launch cost':<26} {_fmt(station['launch_cost_USD'], 1e-6, 'MUSD', '.1f')} "
                         f"({_fmt(station['launch_cost_per_kW_USD'], 1e-3, 'kUSD/kW', '.1f')})")
    launch = data["launch"]
    lines.append("Margins of safety")
    for name, value in launch["margins"].items():
        flag = "" if value is None or value >= 0 else "   <-- NOT MET"
        shown = "not checked" if value is None else f"{value:+.3f}"
        lines.append(f"  {name:<26} {shown}{flag}")
    for note in launch.get("notes", []):
        lines.append(f"  note: {note}")
    for reason in data["reasons"]:
        lines.append(f"  ! {reason}")
    return "\n".join(lines)


def write_summary(result: DesignResult, out_dir: str | Path, extra: dict[str, Any] | None = None) -> Path:
    """Write ``summary.json``, ``report.txt`` and ``budgets.png`` into ``out_dir``; returns the summary's path.

    ``extra`` sections (the ``cad`` section of ``--cad``) are added to ``summary.json``.
    """
    from spacedc.designs.plots import plot_budgets

    data = summary(result) | (extra or {})
    out = Path(out_dir)
    atomic_write_text(out / "report.txt", summary_table(data) + "\n")
    plot_budgets(result, out / "budgets.png")
    return atomic_write_text(out / "summary.json", json.dumps(data, indent=2) + "\n")
