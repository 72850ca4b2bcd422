"""orbit: where the satellite is, and what the Sun and the Earth do to it.

The bottom package of spacedc (it imports only :mod:`spacedc`). Circular orbits about an oblate Earth:

* :mod:`orbit.constants` -- Earth, Sun and time constants with their sources.
* :mod:`orbit.kepler` -- :func:`orbital_period`, :func:`nodal_precession_rate` (J2), :func:`mean_geodetic_altitude`,
  :func:`sun_synchronous_inclination`.
* :mod:`orbit.sun` -- :func:`sun_position` (low-precision ephemeris, Vallado Alg. 29), :func:`solar_flux`.
* :mod:`orbit.beta` -- :func:`beta_angle` with J2 node drift, :func:`raan_from_ltan`.
* :mod:`orbit.eclipse` -- :func:`eclipse_fraction`, :func:`eclipse_duration`, :func:`critical_beta_angle`
  (cylindrical shadow, Rickman NASA TFAWS), :func:`eclipse_statistics` over a year of days.
* :mod:`orbit.view_factor` -- :func:`earth_view_factor` of a tilted flat plate, full and partial view.
* :mod:`orbit.earth_radiation` -- :func:`earth_albedo_ir`: nominal, hot and cold albedo / outgoing IR.
* :mod:`orbit.spec` -- :class:`Orbit`, the validated orbit of a design.
* :mod:`orbit.environment` -- :func:`environment`: what a design is sized for (worst eclipse, daylight,
  beta and solar flux range, Earth view factor).
* :mod:`orbit.atmosphere` -- the exponential atmosphere (:func:`atmosphere_density`, Vallado Table 8-4), the
  NRLMSIS 2.1 global mean density tabulated once (:func:`msis_density`), the mean solar cycle of F10.7
  (:class:`SolarCycle`, :data:`MEAN_SOLAR_CYCLE`, :func:`solar_flux_f107`), :func:`mission_mean_density`.
* :mod:`orbit.lifetime` -- :func:`orbital_lifetime` (natural decay), :func:`station_keeping_delta_v`,
  :func:`disposal_plan` within a rule (:data:`DISPOSAL_RULES`: FCC 5 years, 25 years, prompt),
  :func:`lifetime_budget`.
* :mod:`orbit.breakup` -- the NASA standard breakup model: :func:`breakup_fragments` (collision and explosion),
  the 40 J/g catastrophic test :func:`is_catastrophic`, :func:`specific_impact_energy`, :func:`breakup_mass`.
* :mod:`orbit.cascade` -- a MOCAT-SSEM-style source-sink model of satellites, derelicts and debris per shell
  over decades: :func:`shell_edges`, :func:`cascade` (:class:`CascadeResult`), :func:`cascade_capacity`
  (:class:`CascadeCapacity`).
* :mod:`orbit.catalogue` -- the catalogued background of January 2023 (shipped, no download):
  :func:`catalogue_population` per shell (a cascade's ``initial``), :func:`catalogue_density` and
  :func:`catalogue_density_checked` (:class:`CatalogueDensity`) at an altitude.
* :mod:`orbit.radiation` -- :func:`total_dose` (ionizing dose behind aluminium: AE-8/AP-8 through
  SHIELDOSE-2, tabulated once), :func:`radiation_dose` (with validity and reasons), :func:`dose_depth`.
* :mod:`orbit.debris` -- one satellite's debris risk: :class:`DebrisFluxTable` (a sourced flux table by
  altitude and size; :data:`CNES_FLUX_TABLE` ships, 400-1500 km, from :mod:`orbit.debris_data`),
  :func:`debris_flux`, :func:`debris_flux_checked`, :func:`lethal_impact_probability`,
  :func:`impact_risk` (bus and wings), :func:`reentry_casualty_note`.
* :mod:`orbit.conjunctions` -- :func:`kinetic_gas_collision_rate`, :func:`kinetic_gas_rate_between` (the kinetic
  gas in a shell), :func:`walker_encounter_rate` (a phased Walker shell's own close approaches, from its
  geometry), :func:`conjunction_rates` (screening, avoidance manoeuvres at a Pc threshold, residual collisions).

Public functions take Quantities or strings (``"650 km"``), broadcast over arrays, and return Quantities or
:class:`spacedc.results.Result` objects. Dates are ISO strings, ``datetime`` or ``numpy.datetime64`` (arrays).

>>> from spacedc import orbit
>>> env = orbit.environment(orbit.Orbit(altitude="650 km", ltan="06:00"))
>>> round(env.inclination.m_as("deg"), 2), round(env.period.m_as("min"), 1)
(97.99, 97.7)
"""

from spacedc.orbit.atmosphere import (ACTIVITY_LEVELS, EXPONENTIAL_ATMOSPHERE, MEAN_SOLAR_CYCLE, MSIS_ALTITUDE_RANGE,
                                      MSIS_F107_RANGE, SolarCycle, atmosphere_density, mission_mean_density,
                                      msis_density, solar_flux_f107)
from spacedc.orbit.breakup import (BREAKUP_KINDS, CATASTROPHIC_ENERGY, breakup_fragments, breakup_mass,
                                   is_catastrophic, specific_impact_energy)
from spacedc.orbit.cascade import (CASCADE_SPECIES, MIN_SHELL_ALTITUDE, SATURATION, CascadeCapacity, CascadeResult,
                                   cascade, cascade_capacity, shell_edges)
from spacedc.orbit.beta import beta_angle, raan_from_ltan
from spacedc.orbit.catalogue import (CATALOGUE_KINDS, CATALOGUE_RANGE, DENSITY_UNIT, CatalogueDensity,
                                     catalogue_density, catalogue_density_checked, catalogue_population)
from spacedc.orbit.conjunctions import (DEFAULT_AVOIDANCE_DELTA_V, DEFAULT_PC_THRESHOLD, SHELL_FLOOR,
                                        ConjunctionRates, WalkerEncounters, conjunction_rates,
                                        kinetic_gas_collision_rate, kinetic_gas_rate_between, walker_encounter_rate)
from spacedc.orbit.constants import (ASTRONOMICAL_UNIT, CONSTANTS, EARTH_EQUATORIAL_RADIUS, EARTH_FLATTENING,
                                     EARTH_J2, EARTH_MU, SOLAR_CONSTANT, TROPICAL_YEAR)
from spacedc.orbit.earth_radiation import EARTH_RADIATION_CASES, EarthRadiation, earth_albedo_ir
from spacedc.orbit.debris import (FLUX_UNIT, DebrisFluxTable, FluxResult, ImpactRisk, debris_flux,
                                  debris_flux_checked, impact_risk, lethal_impact_probability,
                                  reentry_casualty_note)
from spacedc.orbit.debris_data import CNES_ANNUAL_COLLISION_PROBABILITY, CNES_FLUX_TABLE
from spacedc.orbit.eclipse import (EclipseStatistics, critical_beta_angle, eclipse_duration, eclipse_fraction,
                           eclipse_statistics)
from spacedc.orbit.environment import OrbitEnvironment, environment
from spacedc.orbit.lifetime import (BALLISTIC_COEFFICIENT_RANGE, DISPOSAL_RULES, DisposalPlan, LifetimeBudget,
                                    disposal_plan, lifetime_budget,
                                    orbital_lifetime, station_keeping_delta_v)
from spacedc.orbit.kepler import (mean_geodetic_altitude, nodal_precession_rate, orbital_period,
                                  sun_synchronous_inclination)
from spacedc.orbit.radiation import (ALUMINIUM_DENSITY, DOSE_VALIDITY, FIELD_EPOCH, DoseResult, dose_depth,
                                     radiation_dose, total_dose)
from spacedc.orbit.spec import Orbit
from spacedc.orbit.sun import SunPosition, solar_flux, sun_position
from spacedc.orbit.view_factor import earth_view_factor

__all__ = [
    "ASTRONOMICAL_UNIT", "CONSTANTS", "EARTH_EQUATORIAL_RADIUS", "EARTH_FLATTENING", "EARTH_J2", "EARTH_MU", "SOLAR_CONSTANT",
    "TROPICAL_YEAR",
    "orbital_period", "nodal_precession_rate", "sun_synchronous_inclination", "mean_geodetic_altitude",
    "SunPosition", "sun_position", "solar_flux",
    "beta_angle", "raan_from_ltan",
    "critical_beta_angle", "eclipse_fraction", "eclipse_duration", "EclipseStatistics", "eclipse_statistics",
    "earth_view_factor",
    "EARTH_RADIATION_CASES", "EarthRadiation", "earth_albedo_ir",
    "Orbit",
    "OrbitEnvironment", "environment",
    "EXPONENTIAL_ATMOSPHERE", "atmosphere_density", "ACTIVITY_LEVELS", "msis_density", "SolarCycle",
    "MEAN_SOLAR_CYCLE", "solar_flux_f107", "mission_mean_density", "MSIS_ALTITUDE_RANGE", "MSIS_F107_RANGE",
    "BALLISTIC_COEFFICIENT_RANGE", "orbital_lifetime", "station_keeping_delta_v", "DISPOSAL_RULES", "DisposalPlan",
    "disposal_plan",
    "LifetimeBudget", "lifetime_budget",
    "BREAKUP_KINDS", "CATASTROPHIC_ENERGY", "breakup_fragments", "breakup_mass", "is_catastrophic",
    "specific_impact_energy",
    "CASCADE_SPECIES", "MIN_SHELL_ALTITUDE", "SATURATION", "CascadeCapacity", "CascadeResult", "cascade",
    "cascade_capacity", "shell_edges",
    "CATALOGUE_KINDS", "CATALOGUE_RANGE", "DENSITY_UNIT", "CatalogueDensity", "catalogue_density",
    "catalogue_density_checked", "catalogue_population",
    "ALUMINIUM_DENSITY", "DOSE_VALIDITY", "FIELD_EPOCH", "DoseResult", "total_dose", "radiation_dose", "dose_depth",
    "FLUX_UNIT", "CNES_FLUX_TABLE", "CNES_ANNUAL_COLLISION_PROBABILITY", "DebrisFluxTable", "FluxResult",
    "ImpactRisk", "debris_flux", "debris_flux_checked",
    "lethal_impact_probability", "impact_risk", "reentry_casualty_note",
    "SHELL_FLOOR", "kinetic_gas_collision_rate", "kinetic_gas_rate_between", "WalkerEncounters",
    "walker_encounter_rate",
    "ConjunctionRates", "conjunction_rates", "DEFAULT_PC_THRESHOLD", "DEFAULT_AVOIDANCE_DELTA_V",
]
