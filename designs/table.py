"""The summary table a person reads: ``spacedc size``'s terminal table, ``str(result)`` and the Jupyter view,
made from a single design's ``summary.json`` dictionary (so that it needs no result object: no import of
:mod:`.result`)."""

from __future__ import annotations

from typing import Any

__all__ = ["summary_table"]


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
    ("array mode", None, None),
    ("array required power", ("power", "required_power_W"), (1e-3, "kW", ".2f")),
    ("array area", ("power", "array_area_m2"), (1, "m^2", ".1f")),
    ("array mass", ("power", "array_mass_kg"), (1, "kg", ".1f")),
    ("array BOL / EOL power", None, None),
    ("battery capacity", ("power", "battery_capacity_Wh"), (1e-3, "kWh", ".2f")),
    ("battery mass", ("power", "battery_mass_kg"), (1, "kg", ".1f")),
    ("Thermal", None, None),
    ("radiator mode", None, None),
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
    ("launch cost per kW", ("launch", "launch_cost_per_kW_USD"), (1e-3, "kUSD/kW (a shared launch)", ".1f")),
    ("stowed first mode", ("launch", "stowed_first_mode_Hz"), (1, "Hz", ".1f")),
    ("deployed first mode", None, None),
    ("MMOD over life", None, None),
    ("Compute (nobody repairs it)", None, None),
    ("chips active / spare", None, None),
    ("chip survival to EOL", ("compute", "chip_reliability_eol"), (1, "", ".3f")),
    ("P(target met at EOL)", ("compute", "probability_target_met"), (1, "", ".3f")),
    ("availability EOL / mean", None, None),
    ("dose over life", ("compute", "dose_rad_Si"), (1e-3, "krad(Si)", ".2f")),
    ("dose margin", None, None),
    ("SEFI / SDC rate", None, None),
    ("Lifetime and disposal", None, None),
    ("natural lifetime", ("lifetime", "natural_lifetime_year"), (1, "yr", ".1f")),
    ("ballistic coefficient", ("lifetime", "ballistic_coefficient_kg_per_m2"), (1, "kg/m^2", ".1f")),
    ("station-keeping delta-v", ("lifetime", "station_keeping_delta_v_m_per_s"), (1, "m/s", ".1f")),
    ("disposal", None, None),
    ("Cost (undiscounted)", None, None),
    ("per satellite", None, None),
    ("  hardware / launch / ops", None, None),
    ("per kWh delivered", None, None),
    ("on the ground", None, None),
    ("Debris", None, None),
    ("flux of 1 cm and larger", ("debris", "flux_1cm_per_m2_year"), (1, "/m^2/yr", ".3g")),
    ("P(lethal hit on bus, life)", ("debris", "lethal_impact_probability_bus"), (1, "", ".3g")),
    ("P(hit on wings, life)", ("debris", "impact_probability_wings"), (1, "", ".3g")),
    ("constellation", None, None),
    ("conjunctions / manoeuvres", None, None),
    ("  own: Walker / random gas", None, None),
    ("  closest approach", None, None),
    ("manoeuvre delta-v, life", ("debris", "manoeuvre_delta_v_m_per_s"), (1, "m/s (in propellant)", ".3g")),
    ("residual collisions", ("debris", "residual_collisions_per_year"), (1, "/yr", ".3g")),
    ("cascade of the shell", None, None),
]


def _fmt(value: Any, scale: float, unit: str, spec: str) -> str:
    if value is None:
        return "unbounded"
    return f"{value * scale:{spec}} {unit}".rstrip()


def _probability(p: float | None) -> str:
    """A probability as a reader takes it: below 1e-6 (or underflowed to 0) as "< 1e-6", above 1 - 1e-6 as
    "> 0.999999", else to three figures."""
    if p is None:
        return "not known"
    if p < 1e-6:
        return "< 1e-6"
    return "> 0.999999" if p > 1 - 1e-6 else f"{p:.3g}"


def _mmod(data: dict[str, Any]) -> str:
    """Heat pipes expected lost over life against the spares installed, then P(no face-sheet penetration).

    Spares, when the summary does not carry ``launch.heat_pipe_spares``: the installed pipes (pipes per panel x
    panels) beyond those the needed area takes, installed x needed / installed area (at least one), as
    :func:`designs.budget._mmod` counts them.
    """
    launch, thermal = data["launch"], data["thermal"]
    lost = launch["expected_heat_pipes_lost"]
    spares = launch.get("heat_pipe_spares")
    if spares is None and None not in (thermal.get("heat_pipes_per_panel"), thermal.get("panel_count")):
        installed = thermal["heat_pipes_per_panel"] * thermal["panel_count"]
        area, needed_area = thermal["radiator_area_m2"], thermal.get("required_radiator_area_m2")
        needed = installed if needed_area is None or not area else min(max(installed * needed_area / area, 1.0),
                                                                       installed)
        spares = installed - needed
    against = "" if spares is None else f" of {spares:.0f} spares"
    return (f"{_fmt(lost, 1, '', '.1f')} heat pipes lost{against}; P(no face-sheet pen.) "
            f"{_probability(launch['mmod_no_penetration_probability'])}")


def _dose_margin(data: dict[str, Any]) -> str:
    c = data["compute"]
    text = f"{c['dose_margin']:+.3f}" if c["dose_margin"] is not None else "unbounded"
    if not c["dose_within_model_range"]:
        return text + "   <-- outside the dose model's range"
    return text + ("   <-- NOT MET" if c["dose_margin"] is not None and c["dose_margin"] < 0 else "")


def _disposal(data: dict[str, Any]) -> str:
    life = data["lifetime"]
    if not life["meets_rule"]:
        return f"{life['disposal_rule']}: NOT MET"
    if not life["disposal_delta_v_m_per_s"]:
        return f"{life['disposal_rule']}: natural decay suffices"
    return (f"{life['disposal_rule']}: {_fmt(life['disposal_delta_v_m_per_s'], 1, 'm/s', '.1f')} to a "
            f"{_fmt(life['disposal_perigee_m'], 1e-3, 'km', '.0f')} perigee")


def _known(value: Any, scale: float, unit: str, spec: str) -> str:
    """A cost figure; None is a launch without a price (the summary's cost keys that hold the launch)."""
    return "not known" if value is None else _fmt(value, scale, unit, spec)


def _per_kwh(data: dict[str, Any]) -> str:
    c = data["cost"]
    if c["per_kWh_USD"] is None:
        return "not known (the launch has no price: give launch.launch_price)"
    return (f"{_fmt(c['per_kWh_USD'], 1, 'USD', '.4g')} ({_fmt(c['per_kw_year_USD'], 1e-3, 'kUSD/kW-yr', '.1f')}, "
            f"{_fmt(c['energy_delivered_kWh'], 1e-6, 'GWh', '.3g')} delivered)")


def _cascade(data: dict[str, Any]) -> str:
    d = data["debris"]
    if d["cascade_shell_stable"] is None:
        return d["cascade"]
    state = {"settled": "settled", "growing": "stable, debris still growing",
             "runaway": "RUNAWAY"}[d["cascade_shell_state"]]
    return (f"{state} over {d['cascade_years']:.0f} yr "
            f"({d['cascade_shell_low_m'] / 1e3:.0f}-{d['cascade_shell_high_m'] / 1e3:.0f} km: "
            f"{d['cascade_shell_debris_end']:.3g} debris at the end, {d['cascade_total_debris_end']:.3g} in all)")


def _closest(metres: Any) -> str:
    """The Walker pattern's closest approach, with a warning where its satellites meet (a phasing to change)."""
    if metres is None:
        return "none (one satellite per shell)"
    if metres < 1.0:
        return (f"{metres:.3g} m: satellites of crossing planes meet at the crossings; change "
                f"constellation.phasing or offset the planes' altitudes")
    return f"{metres / 1e3:.3g} km"


#: Table rows that combine several summary values: label -> the text from the summary dictionary.
_COMPOUND = {
    "constellation": lambda d: (f"{d['debris']['satellites']} satellites, background "
                                f"{_fmt(d['debris']['background_density_per_km3'], 1, '/km^3', '.3g')}, own "
                                f"{_fmt(d['debris']['constellation_density_per_km3'], 1, '/km^3', '.3g')}"),
    "conjunctions / manoeuvres": lambda d: (f"{_fmt(d['debris']['conjunctions_per_year'], 1, '', '.4g')} / "
                                            f"{_fmt(d['debris']['manoeuvres_per_year'], 1, 'per yr', '.4g')}"),
    "  own: Walker / random gas": lambda d: (f"{_fmt(d['debris']['internal_conjunctions_per_year'], 1, '', '.4g')}"
                                             f" / {_fmt(d['debris']['kinetic_gas_encounters_per_year'], 1, 'per yr', '.4g')}"),
    "  closest approach": lambda d: _closest(d["debris"]["closest_approach_m"]),
    "cascade of the shell": _cascade,
    "chips active / spare": lambda d: (f"{d['compute']['chips_active']} / {d['compute']['chips_spare']} "
                                       f"({d['compute']['chips_total']} flown)"),
    "availability EOL / mean": lambda d: (f"{_fmt(d['compute']['availability_eol'], 1, '', '.4f')} / "
                                          f"{_fmt(d['compute']['availability_mean'], 1, '', '.4f')}"),
    "dose margin": _dose_margin,
    "SEFI / SDC rate": lambda d: (f"{_fmt(d['compute']['sefi_rate_per_day'], 1, '', '.3g')} / "
                                  f"{_fmt(d['compute']['sdc_rate_per_day'], 1, '', '.3g')} per day"),
    "disposal": _disposal,
    "per satellite": lambda d: (f"{_known(d['cost']['per_satellite_USD'], 1e-6, 'MUSD', '.2f')} (station "
                                f"{_known(d['cost']['per_station_USD'], 1e-6, 'MUSD', '.1f')})"),
    "  hardware / launch / ops": lambda d: (f"{_fmt(d['cost']['hardware_USD'], 1e-6, '', '.2f')} / "
                                            f"{_known(d['cost']['launch_USD'], 1e-6, '', '.2f')} / "
                                            f"{_fmt(d['cost']['operations_USD'], 1e-6, 'MUSD', '.2f')}"),
    "per kWh delivered": _per_kwh,
    # rating mode (thermal.radiator_area, power.array_area): sized, or rated at the installed area, and whether
    # the load and the junction limit still hold
    "array mode": lambda d: (f"{d['power']['array_mode']} (EOL power "
                             f"{'covers the load' if d['power']['load_met'] else 'BELOW THE LOAD'})"),
    "radiator mode": lambda d: (f"{d['thermal']['radiator_mode']} (junction "
                                f"{'within' if d['thermal']['junction_limit_met'] else 'ABOVE'} its limit, "
                                f"{_fmt(d['thermal']['junction_limit_K'], 1, 'K', '.1f')})"),
    "on the ground": lambda d: (f"{_fmt(d['cost']['terrestrial_per_kWh_USD'], 1, 'USD/kWh', '.3g')} "
                                f"({_fmt(d['cost']['terrestrial_per_kw_year_USD'], 1e-3, 'kUSD/kW-yr', '.2f')})"),
}


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
            elif t.get("transient"):  # the orbit transient was not run, or failed: say so and why
                lines.append(f"  {'orbit transient':<26} {t['transient']}")
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
        elif label == "MMOD over life":
            lines.append(f"  {label:<26} {_mmod(data)}")
        elif label == "pump / compressor power":
            t = data["thermal"]
            lines.append(f"  {label:<26} {_fmt(t['pump_power_W'], 1e-3, 'kW', '.2f')} / "
                         f"{_fmt(t['compressor_power_W'], 1e-3, 'kW', '.2f')}")
        elif label in _COMPOUND:
            lines.append(f"  {label:<26} {_COMPOUND[label](data)}")
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
