"""The sized design, :class:`DesignResult`, and its flattening into the ``summary.json`` sections and into a
table's columns (a sweep's Parquet parts, :meth:`DesignResult.to_frame`).

Reports, plots, the transient and the drivers name the result from here, never from the pipeline that makes it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc import economics, orbit, power, structure, thermal
from spacedc.compute import ComputePayload
from spacedc.designs.budget import LaunchResult
from spacedc.designs.debris import summary_section as debris_section
from spacedc.results import Result
from spacedc.units import array_column, json_column as _flat, unit_suffix

__all__ = ["DesignResult", "summary", "sweep_columns"]


@dataclasses.dataclass(frozen=True)
class DesignResult(Result):
    """The sized design. Fields broadcast over the design's arrays.

    ``feasible`` is false wherever any step is infeasible, and ``reasons`` then says why (all steps' reasons
    joined with ``"; "``): it reads as ``str`` or an object array of ``str``, written on first read from the
    steps' integer codes, which ``reason_codes`` gives (:class:`spacedc.results.Reasons`; its
    ``dictionary()`` is the dictionary-encoded column of a table). ``compute`` holds the chips flown (active and spare) and their survival, ``dose`` and
    ``dose_margin`` the total ionizing dose behind their shielding and its margin, ``launch.lifetime`` the
    orbit's lifetime and disposal, ``cost`` the mission's cost (its launch priced at 0 where ``launch_priced`` is
    false: the vehicle publishes no price and the design states none) and ``terrestrial`` the data center on
    the ground it is compared with. ``chip_power`` is what the chips draw, the hot spares' included; the compute
    the design delivers is the active chips' (``compute.chips_active`` x ``payload.chip_power``).
    ``debris`` holds the debris figures (:class:`designs.debris.DebrisFigures`; its cascade for a single design
    point only). ``transient`` holds the orbit extremes of the design's thermal network for a
    single design point (None for a sweep); ``transient_note`` says whether it ran and, where it did not, why
    (``"run: ..."``, ``"not run: ..."`` or ``"failed: ..."``, the ``thermal.transient`` of ``summary.json``).
    ``radiator_mode`` and ``array_mode`` say whether the radiator and the array were sized for the design
    (``"sized"``) or rated at the installed ``thermal.radiator_area`` / ``power.array_area`` (``"rated"``): the
    coolant temperature and junction, and the array's powers, then follow from the area given.
    """

    name: str
    feasible: bool | np.ndarray
    reasons: str | np.ndarray
    environment: orbit.OrbitEnvironment
    chip_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    load: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    conversion_loss: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    path_loss: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    pump_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    coolant_mass_flow: pint.Quantity = dataclasses.field(metadata={"unit": "kg/s"})
    compressor_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    array: power.SolarArrayResult
    battery: power.BatteryResult
    loads: thermal.EnvironmentLoads
    heat_path: thermal.HeatPathResult
    loop: thermal.LoopResult
    panels: thermal.PanelResult
    heat_rejected: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    absorbed_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    sink_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    radiator_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    radiator_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    loop_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    panel_count: int | np.ndarray
    junction_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    required_radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    battery_radiator_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    battery_radiator_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    battery_heater_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    stowed_height: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    stowed_diameter: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    launch: LaunchResult
    compute: ComputePayload
    dose: orbit.DoseResult
    dose_margin: Any
    cost: economics.MissionCost
    launch_priced: bool
    terrestrial: economics.TerrestrialCost
    transient: Any = None
    transient_note: str = ""
    debris: Any = None
    #: Inputs out of scale for the design's power, each naming the field to change (designs.fields.scale_warnings).
    warnings: tuple[str, ...] = ()
    #: "sized" or "rated": the radiator sized from thermal.coolant_temperature, or rated at thermal.radiator_area.
    radiator_mode: str = "sized"
    #: "sized" or "rated": the array sized for the load, or rated at power.array_area.
    array_mode: str = "sized"

    @property
    def mass(self) -> structure.MassBudget:
        """The mass budget (growth, margins and propellant included): ``launch.mass``."""
        return self.launch.mass

    def to_dict(self) -> dict:
        """The ``summary.json`` sections (docs/design.md): SI numbers, keys ending with their unit."""
        return summary(self)

    def __repr__(self) -> str:
        """One line: the design, whether it closes, and its headline figures (a sweep: its points)."""
        if np.ndim(self.feasible):
            n, ok = int(np.size(self.feasible)), int(np.count_nonzero(self.feasible))
            return f"DesignResult({self.name!r}: {n:,} points, {ok:,} feasible)"
        state = "feasible" if self.feasible else "INFEASIBLE"
        return (f"DesignResult({self.name!r}: {state}, wet {self.mass.wet.m_as('t'):.4g} t, radiator "
                f"{self.radiator_area.m_as('m^2'):.4g} m^2, bus load {self.load.m_as('kW'):.4g} kW)")

    def __str__(self) -> str:
        """The summary table of ``spacedc size`` (a sweep: its one-line repr and where its table is)."""
        if np.ndim(self.feasible):
            return repr(self) + ": summary(result) gives every figure per point"
        from spacedc.designs.table import summary_table

        return summary_table(summary(self))

    def _repr_html_(self) -> str:
        """Jupyter: the summary table and the margins table (a sweep: its counts)."""
        import html

        if np.ndim(self.feasible):
            return f"<p>{html.escape(repr(self))}</p>"
        from spacedc.designs.table import summary_table

        data = summary(self)
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td style='text-align:right;color:{'#1a7f37' if v >= 0 else '#cf222e'}'>"
            f"{v:+.3f}</td></tr>" if v is not None else f"<tr><td>{html.escape(k)}</td><td>not checked</td></tr>"
            for k, v in data["launch"]["margins"].items())
        table = summary_table(data).split("Margins of safety")[0]
        return (f"<div><pre style='font-size:90%'>{html.escape(table)}</pre><table><thead><tr><th>margin</th>"
                f"<th>value</th></tr></thead><tbody>{rows}</tbody></table></div>")
    def to_frame(self, design: Any = None) -> Any:
        """The result as a pandas DataFrame: one row for a single design, one row per point for a sweep.

        Columns: with ``design`` (the :class:`designs.Design` that was sized), the inputs that vary (its fields
        that hold arrays) as ``input.section.field_unit`` in SI; then every ``summary.json`` key as
        ``section.key``, its unit ending its name, flattened as in a ``spacedc sweep`` table: numbers that are
        not finite are NaN (``null`` in ``summary.json``), text columns are Categoricals, and keys that no point
        fills (a sweep's orbit transient) are left out.
        """
        return result_frame(self, design)


def _reasons(result: DesignResult) -> list:
    """Each point's reasons as a list of sentences (one list for a single design): made from the distinct reason
    sets only (:meth:`spacedc.results.Reasons.distinct`), then one list per point."""
    index, sets = result.reason_codes.distinct()
    split = [tuple(part for m in s for part in m.split("; ") if part) for s in sets]
    if index.ndim == 0:
        return list(split[int(index)])
    return [list(split[i]) for i in index.ravel().tolist()]


def _transient(tr: Any) -> dict[str, Any]:
    """Orbit extremes of the design's thermal network (``None`` where it was not run, as for a sweep; the
    ``transient`` key beside them says why)."""
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


def _load_met(array: Any) -> np.ndarray:
    """Where the array's end-of-life power covers the required power (by construction where it was sized)."""
    eol, need = array.eol_power.m_as("W"), array.required_power.m_as("W")
    return np.isfinite(need) & (eol >= need * (1 - 1e-9))


def _junction_met(result: DesignResult) -> np.ndarray:
    """Where the hottest junction is within the chips' junction limit."""
    t_j = result.junction_temperature.m_as("K")
    return np.isfinite(t_j) & (t_j <= result.heat_path.junction_temperature.m_as("K") * (1 + 1e-12))


def summary(result: DesignResult, column: Any = _flat) -> dict[str, Any]:
    """The ``summary.json`` content (docs/design.md): SI numbers under keys that end with their unit.

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
        **({"warnings": list(result.warnings)} if column is _flat else {}),  # a sweep's table has no list column
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
            "array_mode": result.array_mode,
            "required_power_W": _si(arr.required_power, "W", shape),
            "array_area_m2": _si(arr.area, "m^2", shape),
            "array_mass_kg": _si(arr.mass, "kg", shape),
            "bol_power_W": _si(arr.bol_power, "W", shape),
            "eol_power_W": _si(arr.eol_power, "W", shape),
            "load_met": column(_load_met(arr), shape),
            "cell_temperature_K": _si(arr.cell_temperature, "K", shape),
            "battery_capacity_Wh": _si(bat.total_capacity, "W*h", shape),
            "battery_mass_kg": _si(bat.mass, "kg", shape),
            "battery_depth_of_discharge": column(bat.depth_of_discharge, shape),
        },
        "thermal": {
            "radiator_mode": result.radiator_mode,
            "heat_rejected_W": _si(result.heat_rejected, "W", shape),
            "radiator_temperature_K": _si(result.radiator_temperature, "K", shape),
            "coolant_temperature_K": _si(loop.radiator_inlet_temperature, "K", shape),
            "coolant_return_temperature_K": _si(loop.radiator_outlet_temperature, "K", shape),
            "max_coolant_temperature_K": _si(result.heat_path.radiator_inlet_temperature, "K", shape),
            "junction_temperature_K": _si(result.junction_temperature, "K", shape),
            "junction_limit_K": _si(result.heat_path.junction_temperature, "K", shape),
            "junction_limit_met": column(_junction_met(result), shape),
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
            "transient": column(result.transient_note, shape),
        },
        **_launch_section(result, shape, column),
        **_compute_lifetime_cost(result, shape, column),
        "debris": debris_section(result.debris, shape, column),
    }


def _compute_lifetime_cost(result: DesignResult, shape: tuple, column: Any) -> dict[str, Any]:
    """The ``compute``, ``lifetime`` and ``cost`` sections of ``summary.json``.

    ``natural_lifetime_year`` is ``None`` beyond the lifetime model's horizon (100 years: the orbit outlives
    any mission), and the cost keys that hold the launch are ``None`` where the launch has no price
    (``launch.notes`` says so).
    """
    cp, life, cost, ground = result.compute, result.launch.lifetime, result.cost, result.terrestrial
    plan = life.disposal

    def _si(q: Any, unit: str) -> Any:
        return None if q is None else column(q.m_as(unit), shape)

    def _priced(q: Any, unit: str) -> Any:
        """A figure that holds the launch: None where the launch has no price."""
        return _si(q, unit) if result.launch_priced else None

    return {
        "compute": {
            "chips_active": column(cp.chips_active, shape),
            "chips_spare": column(cp.chips_spare, shape),
            "chips_total": column(cp.chips_total, shape),
            "chip_reliability_eol": column(cp.chip_reliability, shape),
            "probability_target_met": column(cp.probability_target_met, shape),
            "working_fraction_eol": column(cp.expected_working_fraction_eol, shape),
            "availability_eol": column(cp.availability, shape),
            "availability_mean": column(cp.mean_availability, shape),
            "dose_rad_Si": _si(result.dose.dose, "rad_Si"),
            "dose_margin": column(result.dose_margin, shape),
            "dose_within_model_range": column(result.dose.valid, shape),
            "sefi_rate_per_day": _si(cp.sefi_rate, "1/day"),
            "sdc_rate_per_day": _si(cp.sdc_rate, "1/day"),
        },
        "lifetime": {
            "natural_lifetime_year": _si(life.natural_lifetime, "year"),
            "ballistic_coefficient_kg_per_m2": _si(life.ballistic_coefficient, "kg/m^2"),
            "mean_density_kg_per_m3": _si(life.mean_density, "kg/m^3"),
            "station_keeping_delta_v_m_per_s": _si(life.station_keeping_delta_v, "m/s"),
            "disposal_delta_v_m_per_s": _si(life.disposal_delta_v, "m/s"),
            "collision_avoidance_delta_v_m_per_s": _si(result.launch.delta_v.collision_avoidance, "m/s"),
            "disposal_perigee_m": _si(plan.target_perigee, "m"),
            "residual_lifetime_year": _si(plan.residual_lifetime, "year"),
            "propellant_kg": _si(result.launch.mass.propellant, "kg"),
            "disposal_rule": plan.rule,
            "meets_rule": column(life.meets_rule, shape),
        },
        "cost": {
            "per_satellite_USD": _priced(cost.per_satellite, "USD"),
            "per_station_USD": _priced(cost.total, "USD"),
            "hardware_USD": _si(cost.hardware, "USD"),
            "chips_USD": _si(cost.hardware_items["chips"], "USD"),
            "bus_USD": _si(cost.hardware_items["bus"], "USD"),
            "launch_USD": _priced(cost.launch, "USD"),
            "operations_USD": _si(cost.operations, "USD"),
            "replacement_USD": _priced(cost.replacement, "USD"),
            "nre_USD": _si(cost.nre, "USD"),
            "energy_delivered_kWh": _si(cost.energy_delivered, "kW*h"),
            "per_kw_year_USD": _priced(cost.per_kw_year, "USD/kW/year"),
            "per_kWh_USD": _priced(cost.per_kwh, "USD/kW/h"),
            "terrestrial_total_USD": _si(ground.total, "USD"),
            "terrestrial_per_kw_year_USD": _si(ground.per_kw_year, "USD/kW/year"),
            "terrestrial_per_kWh_USD": _si(ground.per_kwh, "USD/kW/h"),
            "terrestrial_water_m3": _si(ground.water_volume, "m^3"),
        },
    }


# --- the result as a table: a sweep's Parquet parts and DataFrames --------------------------------------------
def input_unit(field: dataclasses.Field, current: Any) -> str | None:
    """The unit of a design field's input column (``input.section.field_unit`` of a sweep's table): its declared
    (SI) unit; for the orbit's fields, SI (m) or, for angles and times of day, their own."""
    if field.metadata.get("kind") == "qty":
        return field.metadata["unit"]
    if not isinstance(current, pint.Quantity):
        return None
    if current.dimensionless:
        return f"{current.units:~}".replace(" ", "")
    return f"{current.to_base_units().units:~}".replace(" ", "")


def _columns_of(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("name", "notes"):
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out |= _columns_of(value, f"{name}.")
        else:
            out[name] = value
    return out


def sweep_columns(result: Any) -> dict[str, np.ndarray | None]:
    """The ``summary.json`` of a sized design or sweep as flat numpy columns, one entry per point (``section.key``
    names; one entry for a single design).

    Arrays throughout, no Python loop over points: ``reasons`` is an object array of each point's reasons joined
    with ``"; "``; per-design constants (the vehicle's name, the module count) repeat down their column; keys
    not checked for any point are ``None``.
    """
    shape = np.shape(result.feasible)
    n = int(np.prod(shape))
    # the summary's reasons are a list of each point's split reasons (a Python loop over points): the table
    # takes the joined strings as they are, so the summary is built without them
    data = summary(dataclasses.replace(result, reasons=""), array_column)
    data["reasons"] = np.asarray(result.reasons, dtype=object).reshape(shape)
    cols = _columns_of(data)
    return {k: v if v is None else np.broadcast_to(np.asarray(v), shape).reshape(n) for k, v in cols.items()}


def _dictionary(values: np.ndarray) -> Any:
    """A text column as a pyarrow dictionary array (int32 indices into its distinct values), with no Python loop
    over points: numpy finds the distinct values and each point's index."""
    import pyarrow as pa

    if values.size and values.strides == (0,):  # a per-design constant broadcast down the column
        return pa.DictionaryArray.from_arrays(pa.array(np.zeros(values.size, np.int32)),
                                              pa.array([str(values[0])], pa.string()))
    distinct, index = np.unique(values, return_inverse=True)
    return pa.DictionaryArray.from_arrays(pa.array(index.reshape(-1).astype(np.int32)),
                                          pa.array(distinct.astype(str).tolist(), pa.string()))


def _reason_column(reasons: np.ndarray) -> Any:
    """The ``reasons`` column as a pyarrow dictionary array: each distinct set of reasons once, an int32 code per
    point (pandas reads it as a Categorical). The one place that encodes reasons for a table."""
    return _dictionary(np.asarray(reasons, dtype=object))


def _arrow_column(name: str, values: np.ndarray) -> Any:
    """One table column in pyarrow: numbers as they are, with the non-finite ones null (``null`` in
    ``summary.json``); booleans; text dictionary-encoded."""
    import pyarrow as pa

    kind = values.dtype.kind
    if name == "reasons":
        return _reason_column(values)
    if kind == "f":
        finite = np.isfinite(values)
        return pa.array(values, mask=None if finite.all() else ~finite)
    if kind in "biu":
        return pa.array(values)
    return _dictionary(values)


def _arrow_table(columns: dict[str, Any], schema: Any = None) -> Any:
    """The columns as a ``pyarrow.Table``: those that are ``None`` left out, or, with ``schema``, exactly the
    schema's columns in its order and types (one that is ``None`` here is null)."""
    import pyarrow as pa

    if schema is None:
        names = [k for k, v in columns.items() if v is not None]
        return pa.table({k: _arrow_column(k, columns[k]) for k in names})
    n = len(columns["point"])
    arrays = []
    for field in schema:
        v = columns.get(field.name)
        arrays.append(pa.nulls(n, field.type) if v is None else _arrow_column(field.name, v).cast(field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _varying_inputs(design: Any, shape: tuple[int, ...]) -> dict[str, np.ndarray]:
    """The design's fields that hold arrays (the inputs of a sweep sized in one call) as table columns,
    ``input.section.field_unit`` in the column unit of a swept field, each broadcast to ``shape`` and flattened."""
    from spacedc.designs.design import _SECTIONS

    n = int(np.prod(shape))
    columns: dict[str, np.ndarray] = {}
    for section, kind in _SECTIONS.items():
        values = getattr(design, section)
        for field in dataclasses.fields(kind):
            current = getattr(values, field.name, None)
            magnitude = current.magnitude if isinstance(current, pint.Quantity) else current
            if not isinstance(magnitude, np.ndarray) or magnitude.ndim == 0 or magnitude.dtype.kind not in "biuf":
                continue
            unit = input_unit(field, current)
            si = current.m_as(unit) if unit is not None and isinstance(current, pint.Quantity) else magnitude
            key = f"{section}.{field.name}"
            name = f"input.{key}" if unit is None else f"input.{key}_{unit_suffix(unit)}"
            columns[name] = np.broadcast_to(np.asarray(si), shape).reshape(n)
    return columns


def result_frame(result: Any, design: Any = None) -> Any:
    """A sized design's or sweep's ``summary.json`` as a pandas DataFrame, one row per point (one for a single
    design), flattened as a sweep's table (:func:`sweep_columns`, then the same column types as its Parquet
    parts): with ``design``, the design that was sized, its array-valued fields first as input columns; keys
    that no point fills left out. :meth:`DesignResult.to_frame` calls it."""
    columns = _varying_inputs(design, np.shape(result.feasible)) if design is not None else {}
    columns |= sweep_columns(result)
    return _arrow_table(columns).to_pandas()
