"""Total ionizing dose of a circular orbit behind aluminium: AE-8/AP-8 trapped fluxes through SHIELDOSE-2.

The model, in four steps, each from a package that installs from PyPI and needs no network:

1. **Geomagnetic coordinates.** McIlwain L and B/B0 on a latitude-longitude grid at each table altitude, from
   the IGRF at :data:`FIELD_EPOCH` (the IGRF-13 coefficients of ``radbelt`` [Alken2021]). The field of the
   mission epoch, not the 1960/1970 fields AP-8 was built with (Jensen-Cain 1960, GSFC 12/66), places the
   South Atlantic Anomaly where it is now and as deep. It is also what reproduces published SPENVIS output
   [Pfandzelter2023]: with the 1960 field our trapped-proton dose at 550 km is about a third of SPENVIS's,
   with the 2023 IGRF it is within 25 %.
2. **Trapped fluxes.** Integral omnidirectional fluxes of AP-8 MIN protons (0.1-400 MeV) and AE-8 MAX
   electrons (0.05-7 MeV) at those (L, B/B0), from the NASA models [Sawyer1976] [Vette1991] as implemented
   in IRBEM and packaged by ``aep8`` [IRBEM]. Solar minimum for protons and solar maximum for electrons is the
   conservative pair, the higher LEO flux of each species (the choice of the SPENVIS runs we compare with).
3. **Orbit average.** Over a long mission the node and the Earth turn under a circular orbit, so the orbit
   samples every longitude evenly and the latitudes with the density of a uniform argument of latitude u,
   sin(lat) = sin(i) sin(u):

   .. math:: P(\\phi < x) = \\tfrac12 + \\tfrac{1}{\\pi} \\arcsin\\left(\\frac{\\sin x}{\\sin i}\\right),
             \\qquad |x| \\le i

   The zonal means of the fluxes are weighted by this distribution over 2-degree latitude bins. Retrograde
   orbits see the same points as prograde ones: i and 180 deg - i give the same dose.
4. **Dose-depth.** The orbit-averaged differential spectra (finite differences of the integral ones) go
   through SHIELDOSE-2 [Seltzer1994] (SpacePy's ``irbempy.Shieldose2`` [SpacePy]): dose in silicon at the
   centre of a solid aluminium sphere (4 pi shielding, the usual worst-case box geometry), trapped protons
   without nuclear attenuation, electrons and their bremsstrahlung.

The dose rate is tabulated on a grid of altitude (300-2000 km), inclination (0-90 deg, every 5 deg) and areal
density (0.027-5.4 g/cm^2, i.e. 0.1-20 mm of aluminium), and the public functions interpolate linearly in
log(dose rate) over altitude, inclination and log(areal density): a million-point sweep never calls the
models. The dose is the rate times the duration.

The table takes about 10 s to build. It is built once per machine and field epoch, lazily, and kept in the
user's cache folder (:mod:`spacedc.cache`: ``$SPACEDC_CACHE_DIR``, else ``$XDG_CACHE_HOME/spacedc``, else
``~/.cache/spacedc``; a file ``radiation-dose-<key>.npz``, whose key changes with the grid, the field epoch,
the versions of aep8, radbelt and SpacePy and :data:`TABLE_VERSION`), then in memory for the process. Deleting
the folder clears it. With a warm cache none of the model packages is imported.

Left out, and stated so that a design that needs them adds a margin:

* **Solar energetic protons** (ESP/JPL-91 or SAPPHIRE fluences). They matter in high-inclination orbits
  (above the geomagnetic cutoff) behind thin shielding, and for missions over solar maximum.
* **Galactic cosmic rays** (a few rad(Si) per year in LEO, negligible against trapped doses above 1 krad).
* **Solar-cycle phase**: AP-8 MIN and AE-8 MAX everywhere over life, the worst case of each; no average.
* **AE-8's known shortfalls**: AE-8 MAX underestimates the outer-belt horns at high latitudes seen by newer
  models (AE-9). Against SPENVIS output for the same models (tests/orbit/test_orbit_radiation.py) this
  module agrees within 5-25 % behind 5 mm or more (45-135 deg) and gives about 0.6 of SPENVIS's dose behind
  1-3 mm at high inclination, where AE-8 electrons dominate; below 15 deg, where the dose is a few rad,
  the two differ by up to a factor of 10. See tests/orbit/test_orbit_radiation.py.

Validity: altitude 300-2000 km, inclination 0-180 deg, shielding 0.1-20 mm of aluminium (0.027-5.4 g/cm^2),
duration >= 0. :func:`total_dose` raises outside it; :func:`radiation_dose` marks the point invalid with the
reason, for a sizing chain that reports an infeasible design instead of stopping.

References
----------
[Seltzer1994] SHIELDOSE-2. [Sawyer1976] AP-8. [Vette1991] AE-8. [IRBEM] IRBEM library. [SpacePy] SpacePy.
[Alken2021] IGRF-13. [Pfandzelter2023] SPENVIS output.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
import warnings
from typing import Any

import numpy as np
import pint

from spacedc.cache import cached_table, package_versions
from spacedc.orbit.constants import _JULIAN_YEAR_S as _YEAR_S
from spacedc.results import Reasons, Result
from spacedc.units import Q_, broadcast, named_shapes, quantity, scalar_or_array, si

__all__ = ["ALUMINIUM_DENSITY", "FIELD_EPOCH", "DOSE_VALIDITY", "DoseResult", "total_dose", "radiation_dose",
           "dose_depth"]

#: The density SHIELDOSE-2 converts millimetres of aluminium to areal density with, 2.70 g/cm^3
#: ([Seltzer1994], the constant ZMCON of its source): the model's own figure, so that "3 mm" means here what
#: it means in SHIELDOSE-2 and SPENVIS.
ALUMINIUM_DENSITY = Q_(2.70, "g/cm^3")

#: Epoch of the IGRF field for the geomagnetic coordinates [decimal year]: 2025.0, the end of IGRF-13's
#: secular-variation span (the latest field ``radbelt`` carries without extrapolation) [Alken2021].
FIELD_EPOCH = 2025.0

#: The validity range of the tabulated model, (low, high, unit) per input. Outside it the table is not
#: extrapolated: :func:`total_dose` raises and :func:`radiation_dose` flags the point.
DOSE_VALIDITY: dict[str, tuple[float, float, str]] = {
    "altitude": (300.0, 2000.0, "km"),
    "inclination": (0.0, 180.0, "deg"),
    "shielding": (0.1, 20.0, "mm"),
}

#: Version of the code that builds the dose table: part of its cache key (:mod:`spacedc.cache`), so a bump
#: makes every process rebuild it. Bump it whenever a change here changes the table's numbers.
TABLE_VERSION = 2

_RHO_AL = ALUMINIUM_DENSITY.m_as("g/cm^3")

# The table's grid. Altitudes are denser low down, where the dose changes fastest with height.
_ALTITUDES_KM = np.array([300.0, 350.0, 400.0, 450.0, 500.0, 550.0, 600.0, 650.0, 700.0, 750.0, 800.0, 900.0,
                          1000.0, 1100.0, 1200.0, 1400.0, 1600.0, 1800.0, 2000.0])
_INCLINATIONS_DEG = np.arange(0.0, 90.1, 5.0)
_DEPTHS_MM = np.geomspace(0.1, 20.0, 40)  # SHIELDOSE-2 takes at most 71 depths
_AREAL = _DEPTHS_MM * 0.1 * _RHO_AL  # g/cm^2
_LOG_AREAL = np.log10(_AREAL)
# Energies of the integral spectra [MeV]: AP-8 spans 0.1-400 MeV, AE-8 0.04-7 MeV (IRBEM's lower limit
# returns no flux at exactly 0.04, hence 0.05).
_E_PROTON = np.geomspace(0.1, 400.0, 40)
_E_ELECTRON = np.geomspace(0.05, 7.0, 32)
# Coarse grid where the field is evaluated, fine grid where the fluxes are: L and B/B0 are smooth and
# interpolate well (within 3 % in dose against the field evaluated on the fine grid, at 550 km).
_COARSE_LAT = np.linspace(-89.5, 89.5, 37)
_COARSE_LON = np.arange(-180.0, 180.1, 10.0)
_FINE_LAT = np.arange(-89.0, 89.1, 2.0)
_FINE_LON = np.arange(-180.0, 180.0, 3.0)
_PROBE = 8  # every 8th energy of the spectra probes for flux on every grid point (_flux)
#: Floor of the tabulated dose rate [rad/s] (3e-8 rad per year): near-equatorial low orbits see almost no
#: trapped particles, and SHIELDOSE-2's interpolation returns noise (even negative values) there.
_RATE_FLOOR = 1e-15

_LOCK = threading.Lock()


def _latitude_weights(inclination_deg: np.ndarray, lat_deg: np.ndarray) -> np.ndarray:
    """Fraction of time a circular orbit spends in each latitude bin centred on ``lat_deg``: the differences
    of P(phi < x) = 1/2 + arcsin(sin x / sin i) / pi at the bin edges. Shape (inclinations, bins)."""
    edges = np.concatenate([[-90.0], 0.5 * (lat_deg[:-1] + lat_deg[1:]), [90.0]])
    s = np.sin(np.radians(inclination_deg))[:, None]
    sx = np.sin(np.radians(edges))[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(s > 0.0, sx / np.where(s > 0.0, s, 1.0), np.sign(sx) * np.inf)
    cdf = 0.5 + np.arcsin(np.clip(ratio, -1.0, 1.0)) / np.pi
    return np.diff(cdf, axis=1)


def _zonal_fluxes(altitude_km: float, epoch: float, models: tuple[Any, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Longitude-mean integral fluxes [cm^-2 s^-1] on the fine latitudes: (protons x energies, electrons x
    energies)."""
    import radbelt
    from scipy.interpolate import RegularGridInterpolator

    lat, lon = np.meshgrid(_COARSE_LAT, _COARSE_LON, indexing="ij")
    ell, bb0 = radbelt.igrf(lon, lat, np.full_like(lat, altitude_km), epoch)
    # Open field lines near the poles come back as bad values; no trapped flux there, so a large L and B/B0.
    log_l = np.log(np.clip(np.where(ell > 0.0, ell, 100.0), 1.0, 30.0))
    log_b = np.log(np.clip(np.where(bb0 > 0.0, bb0, 1e6), 1.0, 1e6))
    flat, flon = np.meshgrid(_FINE_LAT, _FINE_LON, indexing="ij")
    points = np.stack([flat, flon], axis=-1)
    ell = np.exp(RegularGridInterpolator((_COARSE_LAT, _COARSE_LON), log_l)(points))
    bb0 = np.exp(RegularGridInterpolator((_COARSE_LAT, _COARSE_LON), log_b)(points))
    return _flux(models[0], ell, bb0, _E_PROTON), _flux(models[1], ell, bb0, _E_ELECTRON)


def _flux(model: Any, ell: np.ndarray, bb0: np.ndarray, energy: np.ndarray) -> np.ndarray:
    """Longitude-mean integral flux [cm^-2 s^-1] of one model at (L, B/B0) on the (lat, lon) grid, shape (lat,
    energy).

    Most grid points of a low orbit lie outside the belts, where the flux is zero at every energy. The model
    runs first at every :data:`_PROBE`-th energy on every point, then at all energies only on the points with
    flux at one of those: the same zonal means (to within 2e-4 of a latitude's flux, at the belt edges where
    IRBEM returns a flux at some energies only) for a fraction of the work.
    """
    from astropy import units as au

    def run(ell: np.ndarray, bb0: np.ndarray, e: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            f = model.integral_flux_for_geomagnetic_coordinates(ell[:, None], bb0[:, None], e * au.MeV).value
        # IRBEM returns NaN where the flux is zero (outside the belts, below the atmospheric cutoff).
        return np.nan_to_num(f, nan=0.0)

    ell_f, bb0_f = ell.reshape(-1), bb0.reshape(-1)
    live = np.any(run(ell_f, bb0_f, energy[::_PROBE]) > 0.0, axis=1)
    flux = np.zeros((ell_f.size, energy.size))
    flux[live] = run(ell_f[live], bb0_f[live], energy)
    return flux.reshape(*ell.shape, energy.size).mean(axis=1)


def _differential(integral: np.ndarray, energy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Differential spectrum [cm^-2 s^-1 MeV^-1] at the geometric mid-energies from an integral one."""
    j = -np.diff(integral) / np.diff(energy)
    return np.clip(j, 1e-30, None), np.sqrt(energy[1:] * energy[:-1])


def _shieldose_rates(fp: np.ndarray, fe: np.ndarray) -> np.ndarray:
    """SHIELDOSE-2 dose rate [rad(Si)/s] at the centre of aluminium spheres of areal density :data:`_AREAL`."""
    import spacepy.irbempy as irbempy

    jp, ep = _differential(fp, _E_PROTON)
    je, ee = _differential(fe, _E_ELECTRON)
    model = irbempy.Shieldose2()
    model.set_shielding(depths=_AREAL, units="g/cm2")
    model.set_flux(jp, ep, species="p_tr")
    model.set_flux(je, ee, species="e")
    model.set_flux(np.full_like(ep, 1e-30), ep, species="p_un")  # no solar protons (module docstring)
    model.get_dose(detector=3, nucmeth=1)
    r = model.results
    sphere = 2  # SHIELDOSE-2's third geometry: centre of a solid sphere
    parts = [np.clip(np.asarray(r[k])[:, sphere], 0.0, None)
             for k in ("dose_proton_trapped", "dose_electron", "dose_bremsstrahlung")]
    return sum(parts)


def _table_key(epoch: float) -> dict[str, Any]:
    """Everything the dose table depends on (:func:`spacedc.cache.table_key`): the grids, the models and their
    options, the packages that compute it and :data:`TABLE_VERSION`."""
    return {"table_version": TABLE_VERSION, "field_epoch": float(epoch),
            "models": ["AP-8 MIN", "AE-8 MAX", "SHIELDOSE-2 detector 3 (Si) nucmeth 1 sphere centre"],
            "altitudes_km": _ALTITUDES_KM, "inclinations_deg": _INCLINATIONS_DEG, "areal_g_cm2": _AREAL,
            "e_proton_mev": _E_PROTON, "e_electron_mev": _E_ELECTRON, "coarse_lat": _COARSE_LAT,
            "coarse_lon": _COARSE_LON, "fine_lat": _FINE_LAT, "fine_lon": _FINE_LON, "probe": _PROBE,
            "rate_floor": _RATE_FLOOR, "packages": package_versions("aep8", "radbelt", "spacepy")}


def _build_table(epoch: float) -> np.ndarray:
    """log10 of the dose rate [rad(Si)/s] on (altitude, inclination, log10 areal density), from the models."""
    import aep8

    models = (aep8.model("p", "min"), aep8.model("e", "max"))
    weights = _latitude_weights(_INCLINATIONS_DEG, _FINE_LAT)
    out = np.empty((_ALTITUDES_KM.size, _INCLINATIONS_DEG.size, _AREAL.size))
    for a, h in enumerate(_ALTITUDES_KM):
        zp, ze = _zonal_fluxes(float(h), epoch, models)
        fp, fe = weights @ zp, weights @ ze
        for k in range(_INCLINATIONS_DEG.size):
            out[a, k] = _shieldose_rates(fp[k], fe[k])
    # More aluminium never adds dose here (no nuclear secondaries, nucmeth=1); SHIELDOSE-2's interpolation
    # leaves wiggles of a fraction of a percent at some depths, which the running minimum removes.
    out = np.minimum.accumulate(np.fmax(np.nan_to_num(out, nan=0.0), _RATE_FLOOR), axis=-1)
    return np.log10(out)


@functools.lru_cache(maxsize=4)
def _table(epoch: float) -> np.ndarray:
    """The dose table of :func:`_build_table` (read-only): from memory, else from the on-disk cache
    (:mod:`spacedc.cache`), else built and stored there."""
    with _LOCK:  # radbelt changes the working directory while it runs: one build at a time per process
        return cached_table("radiation-dose", _table_key(epoch), lambda: _build_table(epoch))


@named_shapes
def dose_depth(altitude: Any, inclination: Any, *, field_epoch: float = FIELD_EPOCH) -> tuple[pint.Quantity,
                                                                                              pint.Quantity]:
    """The tabulated dose-depth curve of one orbit: (aluminium thickness [mm], dose rate [rad_Si/year]).

    The grid nodes of :func:`total_dose` at one altitude and inclination (both scalars, in range), for plots
    and reports.
    """
    h = float(si(altitude, "km", "altitude", lo=DOSE_VALIDITY["altitude"][0], hi=DOSE_VALIDITY["altitude"][1]))
    i = float(si(inclination, "deg", "inclination", lo=0.0, hi=180.0))
    depths = _DEPTHS_MM
    rate = _interpolate(np.full(depths.shape, h), np.full(depths.shape, i), _AREAL, field_epoch)
    return quantity(depths, "mm"), quantity(rate * _YEAR_S, "rad_Si/year")


def _interpolate(h_km: np.ndarray, i_deg: np.ndarray, areal: np.ndarray, epoch: float) -> np.ndarray:
    """Dose rate [rad/s], linear in log10(rate) over (altitude, folded inclination, log10 areal density);
    inputs must lie in the table (callers clip or raise first)."""
    table = _table(float(epoch))
    i_fold = np.where(i_deg > 90.0, 180.0 - i_deg, i_deg)
    h, i, z = broadcast(h_km, i_fold, np.log10(areal))
    cells = [_cell(grid, x) for grid, x in ((_ALTITUDES_KM, h), (_INCLINATIONS_DEG, i), (_LOG_AREAL, z))]
    out = np.zeros(h.shape)
    for corner in np.ndindex(2, 2, 2):  # trilinear: the 8 corners of each point's cell, with their weights
        weight = np.ones(h.shape)
        for (k, w), up in zip(cells, corner):
            weight = weight * (w if up else 1.0 - w)
        out = out + weight * table[cells[0][0] + corner[0], cells[1][0] + corner[1], cells[2][0] + corner[2]]
    return 10.0 ** out


def _cell(grid: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index of the grid cell holding x and the weight of its upper node (x inside the grid)."""
    k = np.clip(np.searchsorted(grid, x, side="right") - 1, 0, grid.size - 2)
    return k, np.clip((x - grid[k]) / (grid[k + 1] - grid[k]), 0.0, 1.0)


def _shielding_areal(shielding: Any, bounded: bool) -> np.ndarray:
    """Shielding as aluminium areal density [g/cm^2], from a thickness [length] or an areal density
    [mass/area]; ``bounded`` enforces the validity range (as a thickness of aluminium)."""
    lo_mm, hi_mm, _ = DOSE_VALIDITY["shielding"]
    to_areal = 0.1 * _RHO_AL  # g/cm^2 per mm
    try:
        si(shielding, "mm", "shielding")
    except pint.DimensionalityError:
        kw = {"lo": lo_mm * to_areal, "hi": hi_mm * to_areal} if bounded else {"lo": 0.0, "lo_open": True}
        try:
            return si(shielding, "g/cm^2", "shielding", **kw)
        except pint.DimensionalityError as exc:
            raise pint.DimensionalityError(exc.units1, exc.units2, exc.dim1, exc.dim2,
                                           extra_msg=f" for shielding = {shielding!r} (expected a thickness of "
                                                     "aluminium [length] or an areal density [mass/area])"
                                           ) from None
    kw = {"lo": lo_mm, "hi": hi_mm} if bounded else {"lo": 0.0, "lo_open": True}
    return si(shielding, "mm", "shielding", **kw) * to_areal


def _check_epoch(field_epoch: Any) -> float:
    e = float(field_epoch)
    if not 1965.0 <= e <= 2025.0:
        raise ValueError(f"field_epoch = {field_epoch!r}: must be 1965 to 2025 (the IGRF-13 span)")
    return e


@named_shapes
def total_dose(altitude: Any, inclination: Any, shielding: Any, duration: Any, *,
               field_epoch: float = FIELD_EPOCH) -> pint.Quantity:
    """Total ionizing dose in silicon over ``duration`` at the centre of an aluminium sphere, trapped
    protons and electrons of a circular orbit.

    .. math:: D = \\dot D(h, i, t_{Al})\\, \\Delta t

    with the dose rate interpolated in the AE-8 MAX / AP-8 MIN + SHIELDOSE-2 table of this module (module
    docstring): log-linear in altitude and inclination, log-log in thickness. Solar protons and cosmic rays are
    not included.

    Parameters
    ----------
    altitude : Quantity [length]
        Circular orbit altitude, 300 to 2000 km.
    inclination : Quantity [angle]
        0 to 180 deg (i and 180 deg - i give the same dose).
    shielding : Quantity [length] or [mass/area]
        Aluminium thickness, 0.1 to 20 mm, or its areal density (converted with 2.70 g/cm^3,
        :data:`ALUMINIUM_DENSITY`), 0.027 to 5.4 g/cm^2.
    duration : Quantity [time]
        Mission duration (>= 0).
    field_epoch : float
        IGRF epoch of the geomagnetic coordinates [year], 1965-2025; one table per epoch is built and cached.

    Returns
    -------
    Quantity [rad_Si]
        rad(Si) (``rad_Si``, 0.01 Gy). Broadcasts over all four inputs.

    Raises
    ------
    ValueError
        An input outside the validity range, naming the parameter and the range (:func:`radiation_dose` flags
        such points instead).

    Examples
    --------
    >>> from spacedc import orbit
    >>> d = orbit.total_dose("650 km", "98 deg", ["1 mm", "3 mm", "10 mm"], "5 year")
    >>> [f"{x:.2g}" for x in d.m_as("krad_Si")]
    ['25', '4.2', '0.85']

    References
    ----------
    [Seltzer1994], [Sawyer1976], [Vette1991], [IRBEM], [SpacePy], [Alken2021].
    """
    lo, hi, unit = DOSE_VALIDITY["altitude"]
    h = si(altitude, "km", "altitude", lo=lo, hi=hi)
    i = si(inclination, "deg", "inclination", lo=0.0, hi=180.0)
    areal = _shielding_areal(shielding, bounded=True)
    t = si(duration, "s", "duration", lo=0.0)
    epoch = _check_epoch(field_epoch)
    return quantity(_interpolate(h, i, areal, epoch) * t, "rad_Si")


@dataclasses.dataclass(frozen=True)
class DoseResult(Result):
    """Total ionizing dose with its validity, one value per point.

    Attributes
    ----------
    dose : Quantity [rad_Si]
        rad(Si). At an invalid point, the dose at the nearest point of the validity range (a figure for
        display only: ``valid`` is false and ``reasons`` says why).
    valid : bool or ndarray of bool
        The point lies in the model's validity range (:data:`DOSE_VALIDITY`).
    reasons : str or ndarray of str
        One sentence per invalid point, ``""`` where valid.
    """

    dose: pint.Quantity = dataclasses.field(metadata={"unit": "rad_Si"})
    valid: Any
    reasons: Any


@named_shapes
def radiation_dose(altitude: Any, inclination: Any, shielding: Any, duration: Any, *,
                   field_epoch: float = FIELD_EPOCH) -> DoseResult:
    """:func:`total_dose` that reports points outside the validity range as invalid, with the reason.

    Inputs of the wrong dimension, not finite, non-positive altitude or shielding, an inclination outside
    0-180 deg or a negative duration still raise (bad input, not an infeasible design). Each point stands
    alone: its validity and its dose depend on its own inputs only.

    Returns
    -------
    DoseResult
        ``dose`` [rad_Si], ``valid``, ``reasons``.

    Examples
    --------
    >>> r = radiation_dose(["650 km", "3000 km"], "98 deg", "3 mm", "5 year")
    >>> r.valid.tolist()
    [True, False]
    >>> r.reasons[1]
    "altitude outside the radiation model's range 300-2000 km"
    """
    h = si(altitude, "km", "altitude", lo=0.0, lo_open=True)
    i = si(inclination, "deg", "inclination", lo=0.0, hi=180.0)
    areal = _shielding_areal(shielding, bounded=False)
    t = si(duration, "s", "duration", lo=0.0)
    epoch = _check_epoch(field_epoch)
    h, i, areal, t = broadcast(h, i, areal, t)
    h_lo, h_hi, _ = DOSE_VALIDITY["altitude"]
    s_lo, s_hi, _ = DOSE_VALIDITY["shielding"]
    a_lo, a_hi = s_lo * 0.1 * _RHO_AL, s_hi * 0.1 * _RHO_AL
    bad_h = (h < h_lo) | (h > h_hi)
    bad_s = (areal < a_lo * (1 - 1e-12)) | (areal > a_hi * (1 + 1e-12))
    rate = _interpolate(np.clip(h, h_lo, h_hi), i, np.clip(areal, a_lo, a_hi), epoch)
    reasons = Reasons.mask(h.shape,
                           (bad_h, f"altitude outside the radiation model's range {h_lo:g}-{h_hi:g} km"),
                           (bad_s, f"shielding outside the radiation model's range {s_lo:g}-{s_hi:g} mm of "
                                   f"aluminium ({a_lo:.3g}-{a_hi:.3g} g/cm^2)"))
    return DoseResult(dose=quantity(rate * t, "rad_Si"), valid=scalar_or_array(~(bad_h | bad_s), bool),
                      reasons=reasons)
