"""Debris at the design's orbit: the lethal impacts on one satellite, the conjunctions and manoeuvres of its
constellation, and the decades of its shell (the sizing chain's ``debris`` step and ``spacedc constellation``).

One satellite. The flux of debris of 1 cm and larger is, for now, the NASA-90 closed-form model
(:func:`spacedc.structure.debris_flux`, Kessler 1991, 2nd-hand in SSP 30425), an interim stand-in: a sourced
ORDEM 3.x / MASTER-8 table (:class:`spacedc.orbit.DebrisFluxTable`) replaces it once one ships. The chance of a
lethal impact over life is P = 1 - exp(-F A t) (:func:`spacedc.orbit.lethal_impact_probability`) with, for the
bus, one face of the bus (``geometry.bus_width`` squared: the bus's cross-section seen along one axis, stated),
and for the wings the radiator's installed area plus the solar array's area (an upper bound: every wing
counted face-on to the flux). A hit on the wings loses area, not the satellite (:mod:`spacedc.orbit.debris`).

The constellation. ``[constellation]`` makes a Walker delta shell i:T/P/F at the design's altitude; its own close
approaches come from the pattern's geometry (:func:`spacedc.orbit.walker_encounter_rate`, run where T > 1), the
background's from the catalogued density in the shell (default, interim: the NASA-90 flux of 10 cm and larger
over the mean impact speed, n = F / v_rel, F read as the flux through a unit cross-section), and both enter
:func:`spacedc.orbit.conjunction_rates` (manoeuvres at the Pc threshold, their delta-v, the residual collisions
at the manoeuvre failure rate). The kinetic-gas encounter rate of the same T satellites spread at random in the
same shell (:func:`spacedc.orbit.kinetic_gas_collision_rate` with spheres of half the screening radius) is
reported beside the Walker rate. The manoeuvres' delta-v over life is reported, not yet added to the propellant.

The shell over decades. :func:`constellation_cascade` runs :func:`spacedc.orbit.cascade` over 40 shells of
200-2000 km (:func:`spacedc.orbit.shell_edges`' defaults) with the constellation replenished at T / lifetime into
the shell holding the design's altitude; the satellite species is the design's (dry mass, the bus and wing
cross-section above, the diameter of a disk of that area). It is heavier than the rest of the chain: the chain
runs it for a single design point only (as the orbit transient), never for a sweep.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc import orbit, structure
from spacedc.designs.spec import BACKGROUND_SIZE
from spacedc.results import Result, mask_reasons
from spacedc.units import quantity, scalar_or_array

__all__ = ["DebrisFigures", "CascadeRun", "debris_figures", "constellation_cascade", "FLUX_NOTE", "CASCADE_SWEEP",
           "background_density", "summary_section"]

#: The smallest debris counted as lethal to the bus ([IADC-Protection], :mod:`spacedc.orbit.debris`).
LETHAL_SIZE = "1 cm"
#: Altitudes of the NASA-90 debris model [km] (structure.debris_flux).
_FLUX_RANGE_KM = (100.0, 2000.0)
#: Where the debris flux comes from, for reports.
FLUX_NOTE = ("interim flux: NASA-90 (Kessler 1991, structure.debris_flux), until a sourced ORDEM/MASTER table "
             "(orbit.DebrisFluxTable) replaces it")
#: Why a sweep's points have no cascade.
CASCADE_SWEEP = "not run: a sweep sizes the per-point figures only; run the cascade with spacedc constellation"


@dataclasses.dataclass(frozen=True)
class DebrisFigures(Result):
    """Debris figures of a design, one value per design point (the cascade: a single point only)."""

    satellites: int | np.ndarray
    valid: Any
    reasons: Any
    flux: pint.Quantity = dataclasses.field(metadata={"unit": "1/m^2/year"})
    bus_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    wing_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    probability_bus: pint.Quantity = dataclasses.field(metadata={"unit": ""})
    probability_wings: pint.Quantity = dataclasses.field(metadata={"unit": ""})
    relative_speed: pint.Quantity = dataclasses.field(metadata={"unit": "km/s"})
    background_density: pint.Quantity = dataclasses.field(metadata={"unit": "1/km^3"})
    constellation_density: pint.Quantity = dataclasses.field(metadata={"unit": "1/km^3"})
    conjunctions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    internal_conjunctions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    kinetic_gas_encounters: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    closest_approach: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    manoeuvres: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    manoeuvres_per_satellite: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    manoeuvre_delta_v: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    residual_collisions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    cascade: CascadeRun | None = None
    cascade_note: str = ""


@dataclasses.dataclass(frozen=True)
class CascadeRun:
    """The cascade of the design's constellation (:func:`constellation_cascade`): the run and its shell."""

    result: orbit.CascadeResult
    shell: int
    satellites: int
    launch_rate: pint.Quantity
    years: pint.Quantity

    @property
    def stable(self) -> bool:
        """The design's shell settles (not runaway)."""
        return bool(self.result.stable[self.shell])

    @property
    def state(self) -> str:
        """The design's shell at the end: "settled", "growing" (not runaway, but its debris still grows faster
        than the cascade's growth tolerance) or "runaway"."""
        k = self.shell
        return ("runaway" if self.result.runaway[k] else "settled" if self.result.settled[k] else "growing")

    @property
    def runaway_shells(self) -> list[int]:
        """Indices of every shell that runs away."""
        return [int(k) for k in np.flatnonzero(self.result.runaway)]

    def summary(self) -> dict[str, Any]:
        """The cascade's keys of the ``debris`` section (SI, keys ending with their unit)."""
        r, k = self.result, self.shell
        return {
            "cascade_years": float(self.years.m_as("year")),
            "cascade_shell_low_m": float(r.altitude_low[k].m_as("m")),
            "cascade_shell_high_m": float(r.altitude_high[k].m_as("m")),
            "cascade_launch_rate_per_year": float(self.launch_rate.m_as("1/year")),
            "cascade_shell_stable": self.stable,
            "cascade_shell_state": self.state,
            "cascade_runaway_shells": len(self.runaway_shells),
            "cascade_shell_debris_end": float(r.debris[-1, k]),
            "cascade_total_debris_end": float(np.sum(r.debris[-1])),
            "cascade_shell_derelicts_end": float(r.derelicts[-1, k]),
            "cascade_shell_collisions_end_per_year": float(r.collisions[-1, k].m_as("1/year")),
            "cascade_total_collisions_end_per_year": float(np.sum(r.collisions[-1].m_as("1/year"))),
            "cascade_shell_debris_growth_per_year": float(r.debris_growth_rate[k].m_as("1/year")),
        }


def _cross_sections(design: Any, radiator_area: Any, array_area: Any) -> tuple[np.ndarray, np.ndarray]:
    """Bus face and wing areas [m^2]: bus_width^2; installed radiator (one face) plus array, where finite."""
    bus = np.asarray(design.geometry.bus_width.m_as("m")) ** 2
    rad, arr = np.asarray(radiator_area.m_as("m^2")), np.asarray(array_area.m_as("m^2"))
    wings = np.where(np.isfinite(rad), rad, 0.0) + np.where(np.isfinite(arr), arr, 0.0)
    return bus, wings


def _shell(design: Any, altitude: pint.Quantity) -> tuple[pint.Quantity, pint.Quantity]:
    """The constellation's shell, ``shell_thickness`` centred on the altitude, its floor raised to
    :data:`orbit.SHELL_FLOOR` where it would reach below (point by point)."""
    half = design.constellation.shell_thickness.m_as("km") / 2
    h = altitude.m_as("km")
    low = np.maximum(h - half, orbit.SHELL_FLOOR.m_as("km"))
    return quantity(low, "km"), quantity(np.maximum(h + half, low + half), "km")


def _walker(altitude: pint.Quantity, inclination: pint.Quantity, total: np.ndarray,
            c: Any) -> tuple[pint.Quantity, pint.Quantity]:
    """The Walker shell's own encounters per year and closest approach, one pattern per distinct satellite count
    (a sweep of ``launch.modules``: a few), each broadcast over altitude and inclination. A single satellite
    meets no sibling: no encounter, no closest approach (infinite; None in summary.json)."""
    shape = np.broadcast_shapes(np.shape(altitude.m), np.shape(inclination.m), total.shape)
    rate, closest = np.zeros(shape), np.full(shape, np.inf)
    for t in np.unique(total):
        if t <= 1:
            continue
        w = orbit.walker_encounter_rate(altitude, inclination, int(t), int(c.planes), int(c.phasing),
                                        c.screening_radius)
        here = np.broadcast_to(total == t, shape)
        rate = np.where(here, w.encounter_rate.m_as("1/year"), rate)
        closest = np.where(here, w.closest_approach.m_as("m"), closest)
    return quantity(rate, "1/year"), quantity(closest, "m")


def background_density(design: Any, altitude: pint.Quantity, inclination: pint.Quantity) -> pint.Quantity:
    """The catalogued background in the shell [1/km^3]: ``constellation.background_density``, or, interim, the
    NASA-90 flux of 10 cm and larger over the mean impact speed, n = F / v_rel."""
    given = design.constellation.background_density
    if given is not None:
        return given
    flux = structure.debris_flux(BACKGROUND_SIZE, altitude, inclination)
    return (flux / structure.debris_velocity(inclination)).to("1/km^3")


def debris_figures(design: Any, altitude: pint.Quantity, inclination: pint.Quantity, lifetime: pint.Quantity,
                   radiator_area: pint.Quantity, array_area: pint.Quantity) -> DebrisFigures:
    """The per-point debris figures (module docstring), broadcast over the design's arrays."""
    c = design.constellation
    total = np.asarray(c.total(design.launch.modules))
    inc = inclination if c.inclination is None else c.inclination
    h = np.asarray(altitude.m_as("km"))
    valid = (h >= _FLUX_RANGE_KM[0]) & (h <= _FLUX_RANGE_KM[1])
    altitude_in = quantity(np.clip(h, *_FLUX_RANGE_KM), "km")  # evaluated inside the model, masked outside
    flux = structure.debris_flux(LETHAL_SIZE, altitude_in, inclination)
    bus, wings = _cross_sections(design, radiator_area, array_area)
    p_bus = orbit.lethal_impact_probability(flux, quantity(bus, "m^2"), lifetime)
    p_wings = orbit.lethal_impact_probability(flux, quantity(wings, "m^2"), lifetime)
    speed = structure.debris_velocity(inc)
    low, high = _shell(design, altitude)
    internal, closest = _walker(altitude, inc, total, c)
    rates = orbit.conjunction_rates(
        total, low, high, background_density(design, altitude_in, inc), speed, c.screening_radius, c.hard_body_radius,
        c.miss_distance_sigma, pc_threshold=c.pc_threshold, delta_v_per_manoeuvre=c.delta_v_per_manoeuvre,
        manoeuvre_failure_rate=c.manoeuvre_failure_rate, internal_conjunctions=internal)
    gas = orbit.kinetic_gas_collision_rate(total, c.screening_radius / 2, low, high, speed)
    # Outside the flux model's altitudes the figures that hold the flux (or the default background) are
    # unbounded (None in summary.json), with the reason; each point stands alone.
    flux_bound = ~valid
    background_bound = flux_bound if c.background_density is None else np.zeros_like(flux_bound)

    def _mask(q: pint.Quantity, where: np.ndarray, unit: str) -> pint.Quantity:
        return quantity(np.where(where, np.inf, q.m_as(unit)), unit)

    flux, p_bus, p_wings = (_mask(flux, flux_bound, "1/m^2/year"), _mask(p_bus, flux_bound, ""),
                            _mask(p_wings, flux_bound, ""))
    rates = dataclasses.replace(rates, **{name: _mask(getattr(rates, name), background_bound, unit) for name, unit in (
        ("background_density", "1/km^3"), ("conjunctions", "1/year"), ("manoeuvres", "1/year"),
        ("manoeuvres_per_satellite", "1/year"), ("delta_v_per_satellite", "m/s/year"),
        ("residual_collisions", "1/year"))})
    reasons = mask_reasons(np.shape(valid), (~valid, f"the orbit lies outside the NASA-90 debris model's "
                                                     f"{_FLUX_RANGE_KM[0]:.0f}-{_FLUX_RANGE_KM[1]:.0f} km"))
    return DebrisFigures(
        valid=scalar_or_array(valid, bool), reasons=scalar_or_array(np.asarray(reasons, dtype=object), str),
        satellites=scalar_or_array(total, int), flux=flux.to("1/m^2/year"), bus_area=quantity(bus, "m^2"),
        wing_area=quantity(wings, "m^2"), probability_bus=p_bus, probability_wings=p_wings,
        relative_speed=speed.to("km/s"), background_density=rates.background_density.to("1/km^3"),
        constellation_density=rates.constellation_density.to("1/km^3"), conjunctions=rates.conjunctions,
        internal_conjunctions=quantity(internal.m_as("1/year"), "1/year"), kinetic_gas_encounters=gas.to("1/year"),
        closest_approach=closest.to("m"), manoeuvres=rates.manoeuvres.to("1/year"),
        manoeuvres_per_satellite=rates.manoeuvres_per_satellite.to("1/year"),
        manoeuvre_delta_v=(rates.delta_v_per_satellite * lifetime).to("m/s"),
        residual_collisions=rates.residual_collisions.to("1/year"))


def constellation_cascade(design: Any, *, satellites: int, lifetime: pint.Quantity, dry_mass: pint.Quantity,
                          cross_section: pint.Quantity, years: Any = None, steps: int = 101) -> CascadeRun:
    """The cascade of the design's shell: ``satellites`` replenished at satellites / lifetime into the shell of
    :func:`spacedc.orbit.shell_edges` (200-2000 km, 40 shells) that holds the design's altitude, over ``years``
    (default ``constellation.years``), a single design point.

    The satellite species is the design's: its dry mass (a derelict has spent its propellant), the cross-section
    of the bus and wings (also its drag area) and the diameter of a disk of that area.
    """
    if np.ndim(design.orbit.altitude.m) or np.ndim(dry_mass.m) or np.ndim(cross_section.m):
        raise ValueError("the cascade runs for a single design point, not a sweep")
    if satellites < 0:
        raise ValueError(f"--satellites = {satellites}: must be >= 0")
    edges = orbit.shell_edges()
    h = design.orbit.altitude.m_as("km")
    km = edges.m_as("km")
    if not km[0] <= h < km[-1]:
        raise ValueError(f"orbit.altitude = {h:.0f} km: the cascade's shells span {km[0]:.0f}-{km[-1]:.0f} km")

    shell = int(np.searchsorted(km, h, side="right") - 1)
    rate = satellites / lifetime.m_as("year")
    launch = np.zeros(len(km) - 1)
    launch[shell] = rate
    area = float(cross_section.m_as("m^2"))
    run_years = design.constellation.years if years is None else years
    result = orbit.cascade(
        edges, quantity(launch, "1/year"), years=run_years, steps=steps, lifetime=lifetime,
        disposal_success=float(design.constellation.disposal_success),
        satellite=(float(dry_mass.m_as("kg")), area, 2.0 * np.sqrt(area / np.pi)))
    return CascadeRun(result=result, shell=shell, satellites=int(satellites), launch_rate=quantity(rate, "1/year"),
                      years=quantity(result.time[-1].m_as("year"), "year"))


def summary_section(fig: DebrisFigures, shape: tuple, column: Any) -> dict[str, Any]:
    """The ``debris`` section of ``summary.json``: SI numbers, keys ending with their unit; the cascade's keys
    are ``None`` where it was not run (a sweep), ``cascade`` says why."""

    def _si(q: Any, unit: str) -> Any:
        return column(q.m_as(unit), shape)

    out = {
        "satellites": column(fig.satellites, shape),
        "within_flux_model": column(fig.valid, shape),
        "model_note": column(fig.reasons, shape),
        "flux_1cm_per_m2_year": _si(fig.flux, "1/m^2/year"),
        "flux_model": FLUX_NOTE,
        "bus_cross_section_m2": _si(fig.bus_area, "m^2"),
        "wing_cross_section_m2": _si(fig.wing_area, "m^2"),
        "lethal_impact_probability_bus": _si(fig.probability_bus, ""),
        "impact_probability_wings": _si(fig.probability_wings, ""),
        "relative_speed_m_per_s": _si(fig.relative_speed, "m/s"),
        "background_density_per_km3": _si(fig.background_density, "1/km^3"),
        "constellation_density_per_km3": _si(fig.constellation_density, "1/km^3"),
        "conjunctions_per_year": _si(fig.conjunctions, "1/year"),
        "internal_conjunctions_per_year": _si(fig.internal_conjunctions, "1/year"),
        "kinetic_gas_encounters_per_year": _si(fig.kinetic_gas_encounters, "1/year"),
        "closest_approach_m": _si(fig.closest_approach, "m"),
        "manoeuvres_per_year": _si(fig.manoeuvres, "1/year"),
        "manoeuvres_per_satellite_per_year": _si(fig.manoeuvres_per_satellite, "1/year"),
        "manoeuvre_delta_v_m_per_s": _si(fig.manoeuvre_delta_v, "m/s"),
        "residual_collisions_per_year": _si(fig.residual_collisions, "1/year"),
        "manoeuvre_propellant": "reported, not yet in the propellant budget",
    }
    if fig.cascade is not None:
        cascade = fig.cascade.summary()
    else:
        cascade = {k: None for k in _CASCADE_KEYS}
    return out | cascade | {"cascade": column(fig.cascade_note, shape)}


_CASCADE_KEYS = ("cascade_years", "cascade_shell_low_m", "cascade_shell_high_m", "cascade_launch_rate_per_year",
                 "cascade_shell_stable", "cascade_shell_state", "cascade_runaway_shells", "cascade_shell_debris_end",
                 "cascade_total_debris_end", "cascade_shell_derelicts_end", "cascade_shell_collisions_end_per_year",
                 "cascade_total_collisions_end_per_year", "cascade_shell_debris_growth_per_year")
