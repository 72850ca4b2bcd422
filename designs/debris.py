"""Debris at the design's orbit: the lethal impacts on one satellite, the conjunctions and manoeuvres of its
constellation, and the decades of its shell (the sizing chain's ``debris`` step and ``spacedc constellation``).

One satellite. The flux of debris of 1 cm and larger comes from the CNES table of annual collision
probabilities by orbit and size (:data:`spacedc.orbit.CNES_FLUX_TABLE`, [CNES-DebrisRisks] Table 2, 400-1500 km,
log-interpolated in altitude; its model, epoch and inclination are not stated, so it is a sourced order of
magnitude, not an ORDEM 3.x or MASTER-8 run) and, outside its altitudes, from the NASA-90 closed form
(:func:`spacedc.structure.debris_flux`, Kessler 1991, 100-2000 km); summary.json's ``flux_model`` names the model
of each point. Meteoroids of 1 cm and larger add the Grün flux of a 1 cm sphere of 2.5 g/cm^3
(:func:`spacedc.structure.meteoroid_flux`, [ECSS-E-ST-10-04C]; about 1e-7 /m^2/yr, under a thousandth of the
debris'). The chance of a lethal impact over life is P = 1 - exp(-F A t)
(:func:`spacedc.orbit.lethal_impact_probability`) with, for the bus, one face of the bus (``geometry.bus_width``
squared: the bus's cross-section seen along one axis, stated), and for the wings the radiator's installed area plus
the solar array's area (an upper bound: every wing counted face-on to the flux). A hit on the wings loses area, not
the satellite (:mod:`spacedc.orbit.debris`).

The constellation. ``[constellation]`` makes a Walker delta shell i:T/P/F at the design's altitude; its own close
approaches come from the pattern's geometry (:func:`spacedc.orbit.walker_encounter_rate`, run where T > 1), the
background's from the catalogued density in the shell (default: the catalogue of January 2023, every tracked
object in the 50 km shell of the altitude over its volume, :func:`spacedc.orbit.catalogue_density`,
[MOCAT-MC-TLE2023]; 200-2000 km), and both enter
:func:`spacedc.orbit.conjunction_rates` (manoeuvres at the Pc threshold, their delta-v, the residual collisions
at the manoeuvre failure rate). The kinetic-gas encounter rate of the same T satellites spread at random in the
same shell (:func:`spacedc.orbit.kinetic_gas_collision_rate` with spheres of half the screening radius) is
reported beside the Walker rate. The manoeuvres' delta-v over life enters the propellant budget (the sizing chain's
``manoeuvres`` step runs :func:`constellation_figures` before the mass budget: they need no satellite dimension).

Further shells. ``[[constellation.shells]]`` adds Walker shells of satellites of this design at other altitudes
(:class:`spacedc.designs.spec.ShellChoices`). Each is screened as the design's own shell, apart: shells may not
overlap, and encounters between shells are not counted. The constellation's totals (satellites, manoeuvres,
residual collisions) sum the shells; the cascade launches into each.

The shells over decades. :func:`constellation_cascade` runs :func:`spacedc.orbit.cascade` over 40 shells of
200-2000 km (:func:`spacedc.orbit.shell_edges`' defaults) with each shell of the constellation replenished at
T / lifetime into the cascade shell holding its altitude. The shells start from the catalogue of January 2023
(:func:`spacedc.orbit.catalogue_population`; ``constellation.cascade_start``) as a second satellite type of MOCAT's
median size, its active satellites replaced as they retire (``constellation.background_launches = "hold"``). The
drag is the lifetime model's: NRLMSIS 2.1 on the mean solar cycle from ``orbit.epoch``, or at ``lifetime.f107``
where stated. The satellite species is the design's (dry mass, the bus and wing
cross-section above, the diameter of a disk of that area). It is heavier than the rest of the chain: the chain
runs it for a single design point only (as the orbit transient), never for a sweep.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc import orbit, structure
from spacedc.results import Reasons, Result
from spacedc.units import quantity, scalar_or_array

__all__ = ["ShellFigures", "constellation_figures", "DebrisFigures", "CascadeRun", "debris_figures",
           "constellation_cascade", "shell_capacity", "FLUX_MODELS", "lethal_flux", "CASCADE_SWEEP",
           "background_density", "summary_section"]

#: The smallest debris counted as lethal to the bus ([IADC-Protection], :mod:`spacedc.orbit.debris`).
LETHAL_SIZE = "1 cm"
#: Altitudes of the NASA-90 debris model [km] (structure.debris_flux), the stand-in outside the CNES table.
_FLUX_RANGE_KM = (100.0, 2000.0)
#: The mass of a 1 cm meteoroid [kg]: a sphere of :data:`spacedc.structure.METEOROID_DENSITY` (2.5 g/cm^3), whose
#: Grün flux (:func:`spacedc.structure.meteoroid_flux`, with the Earth's focusing and shielding) joins the debris'.
_LETHAL_METEOROID_MASS = structure.particle_mass(LETHAL_SIZE, structure.METEOROID_DENSITY)
#: Where the debris flux comes from, for reports: the model of each point (summary.json's ``flux_model``).
FLUX_MODELS = ("CNES table (orbit.CNES_FLUX_TABLE; its model, epoch and inclination unstated)",
               "NASA-90 (structure.debris_flux, Kessler 1991): outside the CNES table's altitudes")
#: Why a sweep's points have no cascade.
CASCADE_SWEEP = "not run: a sweep sizes the per-point figures only; run the cascade with spacedc constellation"


def lethal_flux(altitude: pint.Quantity, inclination: pint.Quantity) -> tuple[pint.Quantity, np.ndarray, np.ndarray]:
    """The flux of debris of 1 cm and larger [1/(m^2 yr)], point by point: the CNES table where it holds the
    altitude (:data:`spacedc.orbit.CNES_FLUX_TABLE`, 400-1500 km), else NASA-90 (100-2000 km); with whether the
    point lies inside either model and which model it used (0: CNES, 1: NASA-90)."""
    cnes = orbit.debris_flux_checked(altitude, inclination, orbit.CNES_FLUX_TABLE, size=LETHAL_SIZE)
    h = np.asarray(altitude.m_as("km"))
    nasa = structure.debris_flux(LETHAL_SIZE, quantity(np.clip(h, *_FLUX_RANGE_KM), "km"), inclination)
    inside = np.broadcast_to(np.asarray(cnes.valid), np.broadcast_shapes(np.shape(h), np.shape(cnes.valid)))
    flux = np.where(inside, cnes.flux.m_as("1/m^2/year"), nasa.m_as("1/m^2/year"))
    valid = inside | ((h >= _FLUX_RANGE_KM[0]) & (h <= _FLUX_RANGE_KM[1]))
    return quantity(flux, "1/m^2/year"), valid, np.where(inside, 0, 1)


@dataclasses.dataclass(frozen=True)
class ShellFigures(Result):
    """The conjunctions of one shell of the constellation: the design's own (at ``orbit.altitude``, broadcast over a
    sweep) or a further one (``[[constellation.shells]]``)."""

    altitude: pint.Quantity = dataclasses.field(metadata={"unit": "km"})
    inclination: pint.Quantity = dataclasses.field(metadata={"unit": "deg"})
    satellites: int | np.ndarray
    valid: Any
    reasons: Any
    relative_speed: pint.Quantity = dataclasses.field(metadata={"unit": "km/s"})
    background_density: pint.Quantity = dataclasses.field(metadata={"unit": "1/km^3"})
    constellation_density: pint.Quantity = dataclasses.field(metadata={"unit": "1/km^3"})
    conjunctions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    internal_conjunctions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    kinetic_gas_encounters: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    closest_approach: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    manoeuvres: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    manoeuvres_per_satellite: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    delta_v_per_satellite: pint.Quantity = dataclasses.field(metadata={"unit": "m/s/year"})
    residual_collisions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})

    def avoidance_delta_v(self, lifetime: pint.Quantity) -> pint.Quantity:
        """The avoidance manoeuvres' delta-v of one satellite over ``lifetime`` [m/s], for the propellant budget:
        zero where the background is unknown (outside the catalogue's altitudes; that point carries the reason)."""
        dv = (self.delta_v_per_satellite * lifetime).m_as("m/s")
        return quantity(np.where(np.isfinite(dv), dv, 0.0), "m/s")


def _shell_figures(design: Any, altitude: pint.Quantity, inclination: pint.Quantity, total: Any,
                   thickness: pint.Quantity, pattern: Any) -> ShellFigures:
    """The figures of one shell of ``total`` satellites in ``pattern``'s planes and phasing (``total`` an array: one
    Walker pattern per distinct count)."""
    c = design.constellation
    total = np.asarray(total)
    speed = structure.debris_velocity(inclination)
    low, high = _shell(thickness, altitude)
    internal, closest = _walker(altitude, inclination, total, pattern, c.screening_radius)
    background, valid = background_density(design, altitude)
    rates = orbit.conjunction_rates(
        total, low, high, background, speed, c.screening_radius,
        c.hard_body_radius, c.miss_distance_sigma, pc_threshold=c.pc_threshold,
        delta_v_per_manoeuvre=c.delta_v_per_manoeuvre, manoeuvre_failure_rate=c.manoeuvre_failure_rate,
        internal_conjunctions=internal)
    gas = orbit.kinetic_gas_collision_rate(total, c.screening_radius / 2, low, high, speed)
    gas = quantity(np.where(total > 1, gas.m_as("1/year"), 0.0), "1/year")   # a lone satellite meets no sibling
    # Outside the catalogue's altitudes the figures that hold the default background are unbounded (None in
    # summary.json), with the reason; each point stands alone.
    unbounded = ~valid
    masked = {name: _mask(getattr(rates, name), unbounded, unit) for name, unit in (
        ("background_density", "1/km^3"), ("conjunctions", "1/year"), ("manoeuvres", "1/year"),
        ("manoeuvres_per_satellite", "1/year"), ("delta_v_per_satellite", "m/s/year"),
        ("residual_collisions", "1/year"))}
    lo, hi = orbit.CATALOGUE_RANGE
    reasons = Reasons.mask(np.shape(valid), (~valid, f"the shell lies outside the catalogue's {lo:.0f}-{hi:.0f} km: "
                                                     f"give constellation.background_density"))
    return ShellFigures(
        altitude=altitude.to("km"), inclination=inclination.to("deg"), satellites=scalar_or_array(total, int),
        valid=scalar_or_array(valid, bool), reasons=reasons,
        relative_speed=speed.to("km/s"), constellation_density=rates.constellation_density.to("1/km^3"),
        internal_conjunctions=quantity(internal.m_as("1/year"), "1/year"), kinetic_gas_encounters=gas.to("1/year"),
        closest_approach=closest.to("m"), **masked)


def _mask(q: pint.Quantity, where: np.ndarray, unit: str) -> pint.Quantity:
    """``q`` in ``unit``, infinite (unbounded) where ``where``."""
    return quantity(np.where(where, np.inf, q.m_as(unit)), unit)


def constellation_figures(design: Any, altitude: pint.Quantity, inclination: pint.Quantity
                          ) -> tuple[ShellFigures, tuple[ShellFigures, ...]]:
    """The conjunctions of the design's own shell (broadcast over the design's arrays) and of each further shell
    (``constellation.shells``), before the satellite is sized: they need no satellite dimension (the screening
    volume and the hard-body radius are inputs), and their manoeuvres' delta-v enters the propellant."""
    c = design.constellation
    inc = inclination if c.inclination is None else c.inclination
    own = _shell_figures(design, altitude, inc, c.total(design.launch.modules), c.shell_thickness, c)
    further = tuple(_shell_figures(design, s.altitude, s.inclination_in(c, inclination), s.total, s.thickness(c), s)
                    for s in c.shells)
    return own, further


@dataclasses.dataclass(frozen=True)
class DebrisFigures(Result):
    """Debris figures of a design, one value per design point (the cascade: a single point only)."""

    valid: Any
    reasons: Any
    flux_model: Any
    background_given: bool
    flux: pint.Quantity = dataclasses.field(metadata={"unit": "1/m^2/year"})
    meteoroid_flux: pint.Quantity = dataclasses.field(metadata={"unit": "1/m^2/year"})
    bus_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    wing_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    probability_bus: pint.Quantity = dataclasses.field(metadata={"unit": ""})
    probability_wings: pint.Quantity = dataclasses.field(metadata={"unit": ""})
    #: The design's own shell: its satellites, conjunctions, Walker encounters, manoeuvres, residual collisions.
    own: ShellFigures
    manoeuvre_delta_v: pint.Quantity = dataclasses.field(metadata={"unit": "m/s"})
    constellation_satellites: int | np.ndarray
    constellation_manoeuvres: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    constellation_residual_collisions: pint.Quantity = dataclasses.field(metadata={"unit": "1/year"})
    #: Every shell's figures (:class:`ShellFigures`), the design's own first.
    shells: tuple = dataclasses.field(default=(), metadata={"skip": True})
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
    #: Every shell of the constellation: (field, altitude [km], satellites, index of its cascade shell); the
    #: design's own first.
    shells: tuple = ()

    @property
    def stable(self) -> bool:
        """The design's shell settles (not runaway)."""
        return bool(self.result.stable[self.shell])

    @property
    def state(self) -> str:
        """The design's shell at the end: "settled", "growing" (not runaway, but its debris still grows faster
        than the cascade's growth tolerance) or "runaway"."""
        return self.state_of(self.shell)

    def state_of(self, k: int) -> str:
        """Cascade shell ``k`` at the end: "settled", "growing" or "runaway" (as :attr:`state`)."""
        r = self.result
        return "runaway" if r.runaway[k] else "settled" if r.settled[k] else "growing"

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
            "cascade_constellation_shells_stable": all(bool(r.stable[j]) for *_, j in self.shells),
        }

    def shell_table(self) -> list[dict[str, Any]]:
        """One row per shell of the constellation: where it flies, its satellites and its cascade shell's state."""
        r = self.result
        return [{"shell": name, "altitude_m": h * 1e3, "satellites": count,
                 "cascade_shell_low_m": float(r.altitude_low[k].m_as("m")),
                 "cascade_shell_high_m": float(r.altitude_high[k].m_as("m")), "state": self.state_of(k),
                 "debris_end": float(r.debris[-1, k]),
                 "collisions_end_per_year": float(r.collisions[-1, k].m_as("1/year"))}
                for name, h, count, k in self.shells]


def _cross_sections(design: Any, radiator_area: Any, array_area: Any) -> tuple[np.ndarray, np.ndarray]:
    """Bus face and wing areas [m^2]: bus_width^2; installed radiator (one face) plus array, where finite."""
    bus = np.asarray(design.geometry.bus_width.m_as("m")) ** 2
    rad, arr = np.asarray(radiator_area.m_as("m^2")), np.asarray(array_area.m_as("m^2"))
    wings = np.where(np.isfinite(rad), rad, 0.0) + np.where(np.isfinite(arr), arr, 0.0)
    return bus, wings


def _shell(thickness: pint.Quantity, altitude: pint.Quantity) -> tuple[pint.Quantity, pint.Quantity]:
    """A shell of ``thickness`` centred on the altitude, its floor raised to :data:`orbit.SHELL_FLOOR` where it would
    reach below (point by point)."""
    half = thickness.m_as("km") / 2
    h = altitude.m_as("km")
    low = np.maximum(h - half, orbit.SHELL_FLOOR.m_as("km"))
    return quantity(low, "km"), quantity(np.maximum(h + half, low + half), "km")


def _walker(altitude: pint.Quantity, inclination: pint.Quantity, total: np.ndarray, pattern: Any,
            screening_radius: pint.Quantity) -> tuple[pint.Quantity, pint.Quantity]:
    """The Walker shell's own encounters per year and closest approach, one pattern per distinct satellite count
    (a sweep of ``launch.modules``: a few), each broadcast over altitude and inclination. A single satellite
    meets no sibling: no encounter, no closest approach (infinite; None in summary.json)."""
    shape = np.broadcast_shapes(np.shape(altitude.m), np.shape(inclination.m), total.shape)
    rate, closest = np.zeros(shape), np.full(shape, np.inf)
    for t in np.unique(total):
        if t <= 1:
            continue
        w = orbit.walker_encounter_rate(altitude, inclination, int(t), int(pattern.planes), int(pattern.phasing),
                                        screening_radius)
        here = np.broadcast_to(total == t, shape)
        rate = np.where(here, w.encounter_rate.m_as("1/year"), rate)
        closest = np.where(here, w.closest_approach.m_as("m"), closest)
    return quantity(rate, "1/year"), quantity(closest, "m")


def background_density(design: Any, altitude: pint.Quantity) -> tuple[pint.Quantity, np.ndarray]:
    """The catalogued background in the shell [1/km^3] and where it is known: ``constellation.background_density``,
    or the catalogue of January 2023 (:func:`spacedc.orbit.catalogue_density_checked`: every tracked object, about
    10 cm and larger, in the 50 km shell of the altitude; 200-2000 km)."""
    given = design.constellation.background_density
    if given is not None:
        return given, np.ones(np.shape(altitude.m), dtype=bool)
    r = orbit.catalogue_density_checked(altitude)
    return r.density, np.asarray(r.valid)


def debris_figures(design: Any, altitude: pint.Quantity, inclination: pint.Quantity, lifetime: pint.Quantity,
                   radiator_area: pint.Quantity, array_area: pint.Quantity,
                   shells: tuple[ShellFigures, tuple[ShellFigures, ...]] | None = None) -> DebrisFigures:
    """The per-point debris figures (module docstring), broadcast over the design's arrays; ``shells`` are
    :func:`constellation_figures` (computed here when not given)."""
    own, further = constellation_figures(design, altitude, inclination) if shells is None else shells
    flux, valid, model = lethal_flux(altitude, inclination)
    h = np.clip(np.asarray(altitude.m_as("km")), *_FLUX_RANGE_KM)
    meteoroids = structure.meteoroid_flux(_LETHAL_METEOROID_MASS, quantity(h, "km"))
    bus, wings = _cross_sections(design, radiator_area, array_area)
    p_bus = orbit.lethal_impact_probability(flux + meteoroids, quantity(bus, "m^2"), lifetime)
    p_wings = orbit.lethal_impact_probability(flux + meteoroids, quantity(wings, "m^2"), lifetime)
    # Outside both flux models' altitudes the figures that hold the flux are unbounded (None in summary.json).
    flux, p_bus, p_wings = (_mask(flux, ~valid, "1/m^2/year"), _mask(p_bus, ~valid, ""), _mask(p_wings, ~valid, ""))
    meteoroids = _mask(meteoroids, ~valid, "1/m^2/year")
    reasons = Reasons.combine(Reasons.mask(np.shape(valid), (~valid, (
        f"the orbit lies outside the debris flux models' {_FLUX_RANGE_KM[0]:.0f}-{_FLUX_RANGE_KM[1]:.0f} km"))),
        own.reason_codes)
    every = (own, *further)
    return DebrisFigures(
        valid=scalar_or_array(valid & np.asarray(own.valid), bool), reasons=reasons,
        flux_model=scalar_or_array(np.asarray(FLUX_MODELS, dtype=object)[model], str),
        background_given=design.constellation.background_density is not None,
        flux=flux.to("1/m^2/year"), meteoroid_flux=meteoroids, bus_area=quantity(bus, "m^2"),
        wing_area=quantity(wings, "m^2"), probability_bus=p_bus, probability_wings=p_wings, own=own,
        manoeuvre_delta_v=(own.delta_v_per_satellite * lifetime).to("m/s"),
        constellation_satellites=scalar_or_array(sum(np.asarray(f.satellites) for f in every), int),
        constellation_manoeuvres=sum(f.manoeuvres for f in every).to("1/year"),
        constellation_residual_collisions=sum(f.residual_collisions for f in every).to("1/year"),
        shells=every)


def _cascade_setup(design: Any, satellites: int, lifetime: pint.Quantity, dry_mass: pint.Quantity,
                   cross_section: pint.Quantity, years: Any) -> tuple[Any, np.ndarray, dict, list]:
    """The cascade's shells, the constellation's launches into them, the options of :func:`spacedc.orbit.cascade`
    and the constellation's shells as (field, altitude [km], satellites, cascade shell)."""
    if np.ndim(design.orbit.altitude.m) or np.ndim(dry_mass.m) or np.ndim(cross_section.m):
        raise ValueError("the cascade runs for a single design point, not a sweep")
    if satellites < 0:
        raise ValueError(f"--satellites = {satellites}: must be >= 0")
    edges = orbit.shell_edges()
    km = edges.m_as("km")
    flown = [("orbit.altitude", float(design.orbit.altitude.m_as("km")), int(satellites))]
    flown += [(f"constellation.shells[{i}]", float(sh.altitude.m_as("km")), sh.total)
              for i, sh in enumerate(design.constellation.shells)]
    life = lifetime.m_as("year")
    launch = np.zeros(len(km) - 1)
    shells = []
    for name, h, count in flown:
        if not km[0] <= h < km[-1]:
            raise ValueError(f"{name} = {h:.0f} km: the cascade's shells span {km[0]:.0f}-{km[-1]:.0f} km")
        k = int(np.searchsorted(km, h, side="right") - 1)
        launch[k] += count / life
        shells.append((name, h, count, k))
    c = design.constellation
    background = orbit.catalogue_population(edges) if c.cascade_start == "catalogue-2023" else None
    held = None
    if background is not None and c.background_launches == "hold":
        held = quantity(background["satellites"] / life, "1/year")
    area = float(cross_section.m_as("m^2"))
    options = dict(years=c.years if years is None else years, lifetime=lifetime,
                   disposal_success=float(c.disposal_success), background=background, background_launch_rate=held,
                   f107=_f107(design), epoch=design.orbit.epoch,
                   satellite=(float(dry_mass.m_as("kg")), area, 2.0 * np.sqrt(area / np.pi)))
    return edges, launch, options, shells


def constellation_cascade(design: Any, *, satellites: int, lifetime: pint.Quantity, dry_mass: pint.Quantity,
                          cross_section: pint.Quantity, years: Any = None, steps: int = 101) -> CascadeRun:
    """The cascade of the constellation's shells: ``satellites`` in the design's own shell and each further shell's
    (``constellation.shells``), each replenished at its count / lifetime into the shell of
    :func:`spacedc.orbit.shell_edges` (200-2000 km, 40 shells) that holds its altitude, over ``years`` (default
    ``constellation.years``), a single design point.

    The satellite species is the design's: its dry mass (a derelict has spent its propellant), the cross-section
    of the bus and wings (also its drag area) and the diameter of a disk of that area.
    """
    edges, launch, options, shells = _cascade_setup(design, satellites, lifetime, dry_mass, cross_section, years)
    result = orbit.cascade(edges, quantity(launch, "1/year"), steps=steps, **options)
    return CascadeRun(result=result, shell=shells[0][3], satellites=int(satellites),
                      launch_rate=quantity(satellites / lifetime.m_as("year"), "1/year"),
                      years=quantity(result.time[-1].m_as("year"), "year"), shells=tuple(shells))


def shell_capacity(design: Any, *, satellites: int, lifetime: pint.Quantity, dry_mass: pint.Quantity,
                   cross_section: pint.Quantity, years: Any = None) -> orbit.CascadeCapacity:
    """The largest constellation of this design that its own cascade shell holds over ``years`` before any shell's
    debris runs away (:func:`spacedc.orbit.cascade_capacity`), the other shells' launches and the background as in
    :func:`constellation_cascade`, at ``constellation.disposal_success``."""
    edges, launch, options, shells = _cascade_setup(design, satellites, lifetime, dry_mass, cross_section, years)
    return orbit.cascade_capacity(edges, shells[0][3], launch_rate=quantity(launch, "1/year"), rtol=0.02, **options)


def _f107(design: Any) -> float | None:
    """The solar flux of the lifetime model: ``lifetime.f107`` where stated, else None (the mean solar cycle from
    ``orbit.epoch``), so that the cascade's drag is the lifetime's."""
    f = design.lifetime.f107
    return None if f is None else float(f)


def summary_section(fig: DebrisFigures, shape: tuple, column: Any) -> dict[str, Any]:
    """The ``debris`` section of ``summary.json``: SI numbers, keys ending with their unit; the cascade's keys
    are ``None`` where it was not run (a sweep), ``cascade`` says why."""

    def _si(q: Any, unit: str) -> Any:
        return column(q.m_as(unit), shape)

    own = fig.own
    out = {
        "satellites": column(own.satellites, shape),
        "within_models": column(fig.valid, shape),
        "model_note": column(fig.reasons, shape),
        "flux_1cm_per_m2_year": _si(fig.flux, "1/m^2/year"),
        "flux_model": column(fig.flux_model, shape),
        "meteoroid_flux_1cm_per_m2_year": _si(fig.meteoroid_flux, "1/m^2/year"),
        "reentry": orbit.reentry_casualty_note(),
        "background_model": ("constellation.background_density" if fig.background_given else
                             "catalogue of January 2023 (orbit.catalogue_density: tracked objects, ~10 cm and larger)"),
        "bus_cross_section_m2": _si(fig.bus_area, "m^2"),
        "wing_cross_section_m2": _si(fig.wing_area, "m^2"),
        "lethal_impact_probability_bus": _si(fig.probability_bus, ""),
        "impact_probability_wings": _si(fig.probability_wings, ""),
        "relative_speed_m_per_s": _si(own.relative_speed, "m/s"),
        "background_density_per_km3": _si(own.background_density, "1/km^3"),
        "constellation_density_per_km3": _si(own.constellation_density, "1/km^3"),
        "conjunctions_per_year": _si(own.conjunctions, "1/year"),
        "internal_conjunctions_per_year": _si(own.internal_conjunctions, "1/year"),
        "kinetic_gas_encounters_per_year": _si(own.kinetic_gas_encounters, "1/year"),
        "closest_approach_m": _si(own.closest_approach, "m"),
        "manoeuvres_per_year": _si(own.manoeuvres, "1/year"),
        "manoeuvres_per_satellite_per_year": _si(own.manoeuvres_per_satellite, "1/year"),
        "manoeuvre_delta_v_m_per_s": _si(fig.manoeuvre_delta_v, "m/s"),
        "residual_collisions_per_year": _si(own.residual_collisions, "1/year"),
        "manoeuvre_propellant": "in the propellant budget (lifetime.collision_avoidance_delta_v_m_per_s)",
        "constellation_shells": len(fig.shells),
        "constellation_satellites": column(fig.constellation_satellites, shape),
        "constellation_manoeuvres_per_year": _si(fig.constellation_manoeuvres, "1/year"),
        "constellation_residual_collisions_per_year": _si(fig.constellation_residual_collisions, "1/year"),
    }
    if fig.cascade is not None:
        cascade = fig.cascade.summary()
    else:
        cascade = {k: None for k in _CASCADE_KEYS}
    return out | cascade | {"cascade": column(fig.cascade_note, shape)}


_CASCADE_KEYS = ("cascade_years", "cascade_shell_low_m", "cascade_shell_high_m", "cascade_launch_rate_per_year",
                 "cascade_shell_stable", "cascade_shell_state", "cascade_runaway_shells", "cascade_shell_debris_end",
                 "cascade_total_debris_end", "cascade_shell_derelicts_end", "cascade_shell_collisions_end_per_year",
                 "cascade_total_collisions_end_per_year", "cascade_shell_debris_growth_per_year",
                 "cascade_constellation_shells_stable")
