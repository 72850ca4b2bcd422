"""Sourced numbers for the debris models: flux tables, catalogue summaries and published cascade cases.

Each constant is a tuple of rows; every row carries a ``source`` key defined in docs/references.md, and the
docstring of the constant says where each number was read (table, figure or page, and *2nd-hand* where it was
read in a copy of the document rather than in the document itself). Nothing here is recalled from memory.

What ships, and what does not (searched in December 2026; see the reports of the ``debrisdata`` and
``fluxtable`` branches):

* A debris flux table by altitude and size: :data:`CNES_FLUX_TABLE`, a ready
  :class:`orbit.debris.DebrisFluxTable` (400-1500 km; 1 mm, 1 cm and 10 cm), derived from the annual
  collision probabilities that CNES tabulates for four reference orbits, :data:`CNES_ANNUAL_COLLISION_PROBABILITY`
  ([CNES-DebrisRisks], Table 2). **The page names no model, no epoch and no inclination**: the table is a
  sourced order of magnitude by altitude and size, not an ORDEM 3.x or MASTER-8 run. The flux is the inverse
  of the Poisson law of :func:`orbit.debris.lethal_impact_probability`, F = -ln(1 - P) / (S t), with the
  page's area S and t = 1 year (the inversion is ours; the probabilities and areas are the page's).
* ORDEM 3.x / MASTER flux tables by altitude: **none ships.** The candidate tables, [ECSS-E-ST-10-04C]
  Annex J Tables J-2 and J-3 (MASTER-2005 at 400 km / 51.6 deg and 800 km / 98 deg), were located (the
  text of clause J.1.2 that describes them was read in the SPENVIS copy of the standard) but their numbers
  could not be read in any stored copy. The MASTER-8 / ORDEM 3.1 comparison of Horstmann et al. (8th
  European Conference on Space Debris, 2021, NASA NTRS 20210011563) was found as an abstract only. The
  ORDEM 3.0 / 3.1 / 3.2 user guides (NASA/TP-2014-217370, NASA/TP-2019-220448, NTRS 20230014989), the
  ORDEM2000 report (Liou et al. 2002) and NASA-HDBK-8719.14 were found only as their opening pages; no
  public repository holds an ORDEM or MASTER output file with its orbit and epoch stated.
* A catalogue summary of the tracked population by altitude: :data:`CATALOGUE_2023_BY_ALTITUDE`, counts of
  payloads, rocket bodies and debris per 50 km shell from 200 to 2000 km, reduced here from the dated
  catalogue snapshot that MOCAT-MC ships [MOCAT-MC-TLE2023] (Space-Track element sets of epoch 1-3 January
  2023 merged with ESA DISCOSweb object classes). No published table of such counts could be found; the
  reduction (below) is ours, the objects and their classes are the file's. The MOCAT-SSEM repository also
  holds a MASTER spatial density per 50 km shell (``Start Population/results_MASTER.xlsx``), but it states
  no epoch and no size threshold, so it does not ship.
* Which of those payloads are active: :data:`CATALOGUE_2023_PAYLOAD_STATUS`, the payloads of each shell split
  into active and derelict by MOCAT-MC's own rule (a payload launched within its 8-year mission life of the
  snapshot's year is controlled), reduced here from the same file.
* A published source-sink case with stated inputs and output: :data:`SOURCE_SINK_CASES` (a capacity, read in
  an abstract), and :data:`MOCAT3_EQUATION_CASE`, the five-shell MOCAT-3 check case of the MOCAT-SSEM
  repository with its equations' coefficients as the repository states them.

References
----------
[CNES-DebrisRisks], [DAmbrosio2022], [DAmbrosio2022-Abstract], [ECSS-E-ST-10-04C], [MOCAT-MC-TLE2023],
[MOCAT-SSEM-Verify].
"""

from __future__ import annotations

import typing

import numpy as np

from spacedc.orbit.debris import FLUX_UNIT, DebrisFluxTable
from spacedc.units import Q_

__all__ = ["CollisionProbabilityRow", "CNES_SIZES", "CNES_ANNUAL_COLLISION_PROBABILITY", "CNES_FLUX_TABLE",
           "CatalogueShell", "CATALOGUE_2023_BY_ALTITUDE", "CATALOGUE_2023_OUTSIDE", "CATALOGUE_2023_TOTAL",
           "PayloadStatusShell", "ACTIVE_PAYLOAD_RULE", "CATALOGUE_2023_PAYLOAD_STATUS",
           "CATALOGUE_2023_PAYLOAD_STATUS_OUTSIDE", "CATALOGUE_2023_PAYLOAD_STATUS_TOTAL",
           "SourceSinkCase", "SOURCE_SINK_CASES", "SourceSinkEquationCase", "MOCAT3_EQUATION_CASE"]


class SourceSinkCase(typing.NamedTuple):
    """One published run of a source-sink model of the LEO population, with its stated inputs and output.

    Fields: ``model`` (the model's name as the source gives it), ``altitude_low_km`` and
    ``altitude_high_km`` (the altitude region the result covers [km]), ``failure_rate`` (the stated
    satellite failure rate, the fraction of satellites that fail before disposal [-]), ``capacity`` (the
    stated maximum number of satellites at the stable equilibrium [-]) and ``source`` (a key of
    docs/references.md).
    """

    model: str
    altitude_low_km: float
    altitude_high_km: float
    failure_rate: float
    capacity: float
    source: str


#: Published source-sink cases.
#:
#: * MOCAT-3, 200-900 km, 7 % failure rate: maximum orbital capacity "about 12.6 million satellites".
#:   Read in the abstract of [DAmbrosio2022] (arXiv:2206.05345), *2nd-hand*: in the copies of the abstract
#:   at tomesphere.com/paper/2206.05345 and arxivlens.com (see [DAmbrosio2022-Abstract]); the paper's body,
#:   its table and page for this figure, and its other inputs (the shells, the species, the launch
#:   profile) were not read. "About" is the abstract's word: 12.6 million is a rounded figure.
#:   No test compares with it: what "failure rate" means there, the launch profile and the optimization's
#:   constraints are unknown, and :func:`orbit.cascade_capacity` takes one shell at a time (the sum of its
#:   14 per-shell capacities of 200-900 km at ``disposal_success=0.93`` is at least 1.8e8 with the default
#:   rules and 2.1e8 with MOCAT-3's, the three shells below 350 km unbounded at 1e7 launches a year; only an
#:   order-of-magnitude statement would be defensible).
SOURCE_SINK_CASES: tuple[SourceSinkCase, ...] = (
    SourceSinkCase(model="MOCAT-3", altitude_low_km=200.0, altitude_high_km=900.0, failure_rate=0.07,
                   capacity=12.6e6, source="DAmbrosio2022-Abstract"),
)


class SourceSinkEquationCase(typing.NamedTuple):
    """A source-sink model's equations for stated inputs, with the coefficients its source states.

    Inputs: ``model`` (the model's name), ``shell_edges_km`` (the altitudes of the shell edges [km]),
    ``lifetime_years`` (T [yr]), ``disposal_success`` (P_M [-]), ``avoidance_failure`` and
    ``active_avoidance_failure`` (alpha, alpha_a [-]), ``disabling_ratio`` (delta [-]),
    ``relative_speed_km_s`` (v [km/s]), ``characteristic_length_m`` (L_c [m]), ``drag_coefficient`` (C_D [-]),
    ``satellite`` and ``debris`` ((mass [kg], area [m^2], diameter [m]); a derelict is a satellite), and
    ``atmosphere`` (a sentence: the density model and where in the shell it is taken).

    Output: ``coefficients``, a mapping from a term of the equations to its coefficient per shell (a tuple,
    lowest shell first), in 1/yr for a linear term and 1/yr per object for a quadratic one. The keys name the
    equation and the term: ``"S: S S"`` is the coefficient c of -c S_k^2 in dS_k/dt; the signs are those of the
    source's equations (module :mod:`orbit.cascade` notes, option ``collision_rules="mocat3"``)::

        dS_k/dt = lambda_k - S_k / T - [S: S S] S_k^2 - [S: D S] D_k S_k - [S: N S] N_k S_k
        dD_k/dt = (1 - P_M) S_k / T - [D: drag] D_k + [D: drag]_(k+1) D_(k+1) + [D: D S] D_k S_k
                  + [D: N S] N_k S_k - [D: D D] D_k^2 - [D: D N] D_k N_k
        dN_k/dt = [N: S S] S_k^2 + [N: D S] D_k S_k + [N: N S] N_k S_k + [N: D D] D_k^2 + [N: D N] D_k N_k
                  + [N: N N] N_k^2 - [N: drag] N_k + [N: drag]_(k+1) N_(k+1)

    ``source`` is a key of docs/references.md.
    """

    model: str
    shell_edges_km: tuple[float, ...]
    lifetime_years: float
    disposal_success: float
    avoidance_failure: float
    active_avoidance_failure: float
    disabling_ratio: float
    relative_speed_km_s: float
    characteristic_length_m: float
    drag_coefficient: float
    satellite: tuple[float, float, float]
    debris: tuple[float, float, float]
    atmosphere: str
    coefficients: dict[str, tuple[float, ...]]
    source: str


#: MOCAT-3's check case: five shells of 140 km from 200 to 900 km, the three-species model with its stated
#: equations.
#:
#: Inputs: ``Test/mocat3_eq_check.m`` of github.com/ARCLab-MIT/MOCAT-SSEM (commit 1c3babc6; the file is
#: unchanged since the initial commit 0f8022d of 11 December 2023): ``N_shell = 5``, ``h_min = 200``, ``h_max =
#: 900``, ``Dt = 5``, ``v_imp = 10``, ``alpha = 0.2``, ``alpha_active = 0.01``, ``delta = 10``, ``P = 0.95``,
#: ``Cd = 2.2``, ``LC = 0.1``, the species' masses, areas and diameters (223 kg, 1.741 m^2, 1.490 m; 0.640 kg,
#: 0.020 m^2, 0.180 m) and the density ``densityexp`` (the [Vallado2013] Table 8-4 exponential atmosphere,
#: as ``Drag/Atmosphere Model/Static Exponential/densityexp.m`` says) at each shell's lower edge. The script
#: takes R_E = 6378.1 km, a year of 365.25 days and mu = 3.986004418e14 m^3/s^2.
#:
#: Output: the coefficients of the equations "hardcoded from mocat3_eq_check" in ``Test/verify_equations.m`` of
#: the same commit (lines 13-17, 25-29 and 37-41: MATLAB's ``vpa(..., 4)`` print, four significant digits),
#: read there and typed here term by term. ``S: S`` (the 0.2 of 0.2*S1, 1/T) and ``D: S`` (the 0.01 of
#: 0.01*S1, (1 - P_M)/T) are the same in every shell. The file gives the top shell's debris drag rate as
#: 0.01518 (its MOCAT-4S block, lines 63-67, prints 0.01519 for the same term): 0.01518 is kept.
MOCAT3_EQUATION_CASE = SourceSinkEquationCase(
    model="MOCAT-3 (MOCAT-SSEM Test/mocat3_eq_check.m)",
    shell_edges_km=(200.0, 340.0, 480.0, 620.0, 760.0, 900.0),
    lifetime_years=5.0, disposal_success=0.95, avoidance_failure=0.2, active_avoidance_failure=0.01,
    disabling_ratio=10.0, relative_speed_km_s=10.0, characteristic_length_m=0.1, drag_coefficient=2.2,
    satellite=(223.0, 1.741, 1.490), debris=(0.640, 0.020, 0.180),
    atmosphere="[Vallado2013] Table 8-4 exponential density, and sqrt(mu a), at each shell's lower edge",
    coefficients={
        "S: S": (0.2,) * 5,
        "S: S S": (2.831e-10, 2.715e-10, 2.606e-10, 2.504e-10, 2.408e-10),
        "S: D S": (2.887e-7, 2.769e-7, 2.659e-7, 2.554e-7, 2.456e-7),
        "S: N S": (9.067e-8, 8.697e-8, 8.349e-8, 8.022e-8, 7.713e-8),
        "D: S": (0.01,) * 5,
        "D: drag": (55.29, 2.298, 0.1959, 0.02251, 0.003794),
        "D: D S": (2.831e-7, 2.715e-7, 2.606e-7, 2.504e-7, 2.408e-7),
        "D: N S": (8.89e-8, 8.527e-8, 8.186e-8, 7.864e-8, 7.562e-8),
        "D: D D": (2.831e-8, 2.715e-8, 2.606e-8, 2.504e-8, 2.408e-8),
        "D: D N": (8.89e-9, 8.527e-9, 8.186e-9, 7.864e-9, 7.562e-9),
        "N: drag": (221.3, 9.197, 0.7843, 0.09009, 0.01518),
        "N: S S": (1.409e-7, 1.351e-7, 1.297e-7, 1.246e-7, 1.198e-7),
        "N: D S": (2.818e-6, 2.703e-6, 2.595e-6, 2.493e-6, 2.397e-6),
        "N: N S": (2.063e-7, 1.979e-7, 1.9e-7, 1.825e-7, 1.755e-7),
        "N: D D": (1.409e-5, 1.351e-5, 1.297e-5, 1.246e-5, 1.198e-5),
        "N: D N": (1.032e-6, 9.895e-7, 9.499e-7, 9.127e-7, 8.775e-7),
        "N: N N": (4.794e-8, 4.598e-8, 4.414e-8, 4.241e-8, 4.078e-8),
    },
    source="MOCAT-SSEM-Verify",
)


class CatalogueShell(typing.NamedTuple):
    """Tracked objects in one altitude shell: ``low_km`` <= h < ``high_km`` [km], with h = a - R_E the altitude
    of the semi-major axis, and the counts of ``payloads``, ``rocket_bodies`` and ``debris`` [-] in it;
    ``source`` is a key of docs/references.md."""

    low_km: float
    high_km: float
    payloads: int
    rocket_bodies: int
    debris: int
    source: str


_CAT = "MOCAT-MC-TLE2023"

#: The catalogued population of early January 2023 by 50 km shell of semi-major-axis altitude, 200-2000 km.
#:
#: Reduced from ``supporting_data/TLEhistoric/2023.mat`` of github.com/ARCLab-MIT/MOCAT-MC (commit 2296dcd0
#: of 11 March 2025), whose ``readme.txt`` gives its source: the Space-Track ``gp_history`` query for element
#: sets of epoch 2023-01-01 to 2023-01-03, objects not decayed, mean motion above 3 rev/day; its script
#: ``discos_plus_TLE_historic.m`` merges them with DISCOSweb object classes ("up to Mar 2023"). The file's
#: matrix ``mat_sats`` has 19 245 rows, one per NORAD number (5 to 54 999). The reduction done here: the
#: altitude is a R_E - R_E from column 1 (a in Earth radii, R_E = 6378.137 km, the value the script uses);
#: column 23, the DISCOS class, gives ``payloads`` for class 1 (payload, active or not: the file does not
#: say which), ``rocket_bodies`` for class 5, and ``debris`` for every other class present (2 payload
#: mission-related, 3 payload fragmentation, 4 payload debris, 6 rocket mission-related, 7 rocket
#: fragmentation, 8 rocket debris, 10 other debris, 11 unknown: one object). Eccentric objects (827 with
#: e > 0.1) are counted at their semi-major-axis altitude, not spread over the shells they cross. The
#: file states no size threshold: it holds what the catalogue tracks.
CATALOGUE_2023_BY_ALTITUDE: tuple[CatalogueShell, ...] = tuple(
    CatalogueShell(lo, lo + 50.0, p, r, d, _CAT) for lo, p, r, d in (
        (200.0, 5, 0, 5), (250.0, 19, 4, 9), (300.0, 126, 3, 28), (350.0, 131, 10, 77),
        (400.0, 233, 24, 119), (450.0, 539, 38, 156), (500.0, 3626, 55, 180), (550.0, 571, 46, 275),
        (600.0, 249, 79, 343), (650.0, 151, 32, 504), (700.0, 125, 35, 847), (750.0, 294, 89, 1224),
        (800.0, 121, 61, 1255), (850.0, 65, 49, 1057), (900.0, 105, 27, 619), (950.0, 203, 176, 530),
        (1000.0, 52, 23, 351), (1050.0, 71, 25, 269), (1100.0, 23, 13, 210), (1150.0, 143, 19, 145),
        (1200.0, 282, 8, 102), (1250.0, 5, 1, 228), (1300.0, 14, 16, 88), (1350.0, 31, 12, 105),
        (1400.0, 294, 28, 114), (1450.0, 271, 20, 171), (1500.0, 52, 19, 193), (1550.0, 19, 44, 135),
        (1600.0, 11, 3, 93), (1650.0, 15, 4, 55), (1700.0, 6, 3, 21), (1750.0, 3, 1, 29),
        (1800.0, 1, 1, 21), (1850.0, 5, 1, 11), (1900.0, 2, 3, 20), (1950.0, 5, 0, 13),
    ))

#: The same file's objects outside 200-2000 km, (payloads, rocket bodies, debris): below 200 km and at or
#: above 2000 km (to mean motion 3 rev/day, the query's limit), by the same reduction.
CATALOGUE_2023_OUTSIDE: dict[str, tuple[int, int, int]] = {"below_200_km": (1, 0, 3),
                                                           "above_2000_km": (101, 180, 518)}

#: The file's object count by class, (payloads, rocket bodies, debris): its 19 245 rows.
CATALOGUE_2023_TOTAL: tuple[int, int, int] = (7970, 1152, 10123)


class CollisionProbabilityRow(typing.NamedTuple):
    """One reference orbit of a published table of annual collision probabilities by debris size.

    Fields: ``orbit`` (the source's label), ``altitude_km`` (the stated altitude [km]), ``area_m2`` (the
    stated area S of the object [m^2]), ``probability`` (the probability of at least one collision in one
    year with particles larger than each of :data:`CNES_SIZES`, in that order [-]) and ``source`` (a key of
    docs/references.md).
    """

    orbit: str
    altitude_km: float
    area_m2: float
    probability: tuple[float, float, float, float]
    source: str


_CNES = "CNES-DebrisRisks"

#: The size thresholds of [CNES-DebrisRisks] Table 2, its columns "> 0,1mm", "> 1mm", "> 1cm", "> 10cm".
CNES_SIZES: tuple[str, ...] = ("0.1 mm", "1 mm", "1 cm", "10 cm")

#: Annual probability of collision with particles larger than each size, for four reference objects.
#:
#: [CNES-DebrisRisks] Table 2, "Annual probability of collision according to the size of the projectile",
#: read in the stored copy of the CNES page debris-spatiaux.cnes.fr/en/risks (the page prints decimal commas:
#: "9,33E-01" is 0.933). Its rows, with the altitude h and area S the page states: "Station Spatiale (h=400Km,
#: S=500m2)", "Spot (h=800Km, S=20m2)", "Constellation (h=1500Km, S=16m2)", "GEO (h=36000Km, S=30m2)". The
#: page states no debris model, no epoch and no inclination (nor whether S is a cross-section or a surface).
#: A probability printed as 1 (every row, larger than 0.1 mm) is saturated and fixes no flux.
CNES_ANNUAL_COLLISION_PROBABILITY: tuple[CollisionProbabilityRow, ...] = (
    CollisionProbabilityRow("Station Spatiale", 400.0, 500.0, (1.0, 9.33e-01, 2.21e-02, 7.17e-04), _CNES),
    CollisionProbabilityRow("Spot", 800.0, 20.0, (1.0, 2.46e-01, 5.53e-03, 2.76e-04), _CNES),
    CollisionProbabilityRow("Constellation", 1500.0, 16.0, (1.0, 1.10e-01, 1.70e-03, 7.76e-05), _CNES),
    CollisionProbabilityRow("GEO", 36000.0, 30.0, (1.0, 1.49e-03, 9.39e-06, 3.31e-07), _CNES),
)


def _cnes_flux_table() -> DebrisFluxTable:
    """The LEO rows of :data:`CNES_ANNUAL_COLLISION_PROBABILITY` as fluxes, F = -ln(1 - P) / (S * 1 year)."""
    rows = [r for r in CNES_ANNUAL_COLLISION_PROBABILITY if r.altitude_km <= 2000.0]
    area = np.array([r.area_m2 for r in rows])
    flux = {}
    for k, size in enumerate(CNES_SIZES):
        p = np.array([r.probability[k] for r in rows])
        if np.all(p < 1.0):  # a saturated column (P = 1) fixes no flux
            flux[size] = Q_(-np.log1p(-p) / area, FLUX_UNIT)
    return DebrisFluxTable(
        altitude=Q_([r.altitude_km for r in rows], "km"), flux=flux, inclination=("0 deg", "180 deg"),
        source=("[CNES-DebrisRisks] Table 2: annual collision probabilities at 400 km (S = 500 m^2), 800 km "
                "(20 m^2) and 1500 km (16 m^2), as F = -ln(1 - P) / (S * 1 year); the page states no model, "
                "epoch or inclination, so the table holds for every inclination by default, not by evidence"))


#: The debris flux of 1 mm, 1 cm and 10 cm and larger at 400, 800 and 1500 km [1/(m^2 year)], from
#: :data:`CNES_ANNUAL_COLLISION_PROBABILITY` (its LEO rows; the GEO row lies outside LEO and is left out rather
#: than interpolated across 1500-36000 km). Inclination range 0-180 deg: the source gives none. Use it as
#: ``orbit.debris_flux("550 km", "53 deg", orbit.CNES_FLUX_TABLE, size="1 cm")``.
CNES_FLUX_TABLE: DebrisFluxTable = _cnes_flux_table()


class PayloadStatusShell(typing.NamedTuple):
    """The payloads of one shell of :data:`CATALOGUE_2023_BY_ALTITUDE` (``low_km`` <= h < ``high_km`` [km]) split
    into ``active`` and ``derelict`` [-] by :data:`ACTIVE_PAYLOAD_RULE`; ``source`` is a key of
    docs/references.md."""

    low_km: float
    high_km: float
    active: int
    derelict: int
    source: str


#: MOCAT-MC's rule for which catalogued payloads are active ("controlled"), as (snapshot year, mission life
#: [years]): a payload (DISCOS class 1) is active unless the calendar year of its launch date is before the
#: snapshot's year less the mission life, here 2023 - 8 = 2015. Read in [MOCAT-MC-TLE2023]:
#: ``Examples/Quick_Start/initSim.m`` (and the same lines of ``Examples/Scenario_No_Launch/initSim.m``) sets
#: the controlled flag on every payload, then off where ``jd2date(launch date) < time0.Year -
#: cfg.missionlifetime``; ``setup_MCconfig.m`` of both examples sets ``cfgMC.missionlifetime = 8`` ("PAYLOADS
#: operational life [years]"). A rule by age, not an observed status: a payload launched in 2015-2022 that
#: has failed counts as active, a working one launched before 2015 as derelict.
ACTIVE_PAYLOAD_RULE: tuple[int, int] = (2023, 8)

#: The payloads of each shell of :data:`CATALOGUE_2023_BY_ALTITUDE`, split by :data:`ACTIVE_PAYLOAD_RULE`.
#:
#: Reduced from the same file and rows as :data:`CATALOGUE_2023_BY_ALTITUDE` ([MOCAT-MC-TLE2023]
#: ``supporting_data/TLEhistoric/2023.mat``, the same semi-major-axis altitude and 50 km shells): among the
#: class-1 rows, column 16 of ``mat_sats`` is the launch date as a Julian date (``juliandate(LAUNCH_DATE)``
#: in ``discos_plus_TLE_historic.m``; present for every row, 1958 to 2022); its civil year, taken as
#: MOCAT-MC's ``jd2date`` does (the Gregorian date of floor(JD + 0.5)), decides the status. ``active`` +
#: ``derelict`` equals the shell's ``payloads``. Of the file's 7970 payloads 5864 are active (74 %); of the
#: 7868 in 200-2000 km, 5853. Rocket bodies are not payloads: they are derelicts (intact, uncontrolled).
CATALOGUE_2023_PAYLOAD_STATUS: tuple[PayloadStatusShell, ...] = tuple(
    PayloadStatusShell(lo, lo + 50.0, a, d, _CAT) for lo, a, d in (
        (200.0, 4, 1), (250.0, 18, 1), (300.0, 109, 17), (350.0, 116, 15), (400.0, 214, 19), (450.0, 494, 45),
        (500.0, 3570, 56), (550.0, 481, 90), (600.0, 116, 133), (650.0, 50, 101), (700.0, 40, 85),
        (750.0, 92, 202), (800.0, 15, 106), (850.0, 14, 51), (900.0, 31, 74), (950.0, 7, 196), (1000.0, 27, 25),
        (1050.0, 27, 44), (1100.0, 9, 14), (1150.0, 120, 23), (1200.0, 274, 8), (1250.0, 0, 5), (1300.0, 2, 12),
        (1350.0, 0, 31), (1400.0, 0, 294), (1450.0, 22, 249), (1500.0, 0, 52), (1550.0, 0, 19), (1600.0, 0, 11),
        (1650.0, 0, 15), (1700.0, 0, 6), (1750.0, 0, 3), (1800.0, 0, 1), (1850.0, 0, 5), (1900.0, 0, 2),
        (1950.0, 1, 4),
    ))

#: The same split outside 200-2000 km, (active, derelict), by the same reduction.
CATALOGUE_2023_PAYLOAD_STATUS_OUTSIDE: dict[str, tuple[int, int]] = {"below_200_km": (1, 0),
                                                                      "above_2000_km": (10, 91)}

#: The file's payloads by status, (active, derelict): its 7970 class-1 rows.
CATALOGUE_2023_PAYLOAD_STATUS_TOTAL: tuple[int, int] = (5864, 2106)
