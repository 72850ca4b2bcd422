"""Debris impacts on one satellite: a flux table, the chance of a lethal impact, and the re-entry note.

The flux of orbital debris of a given size or larger [1/(m^2 year)] through a randomly oriented surface comes
from a published table, tabulated by altitude for one or more sizes, held in a :class:`DebrisFluxTable` that
records its source. One ships: :data:`orbit.debris_data.CNES_FLUX_TABLE` (``orbit.CNES_FLUX_TABLE``), 400 to
1500 km, for 1 mm, 1 cm and 10 cm and larger, derived from the annual collision probabilities CNES tabulates
for three LEO reference objects [CNES-DebrisRisks]. That page names no model, epoch or inclination: it gives
the order of magnitude and the trend with altitude and size, not an ORDEM 3.x [ORDEM3] or MASTER-8 [MASTER8]
run, whose figures are published as plots (no tabulated copy with a page and table number could be found and
checked). A caller with a model run builds its own :class:`DebrisFluxTable`. The functions here never invent
a flux.

* :func:`debris_flux` interpolates a table linearly in log10(flux) over altitude, at one size
  (``"1 mm"``, ``"1 cm"``, ``"10 cm"``, whichever the table carries). Outside the table's altitudes, or
  outside the inclinations it was made for, it raises :class:`ValueError` naming the parameter;
  :func:`debris_flux_checked` marks such points invalid with the reason instead (the sizing chain's form).
* :func:`lethal_impact_probability` is the Poisson probability of at least one impact,

  .. math:: P = 1 - e^{-F A t}

  for a flux F, a cross-section A and a duration t ([ECSS-E-ST-10-04C] gives the same law for the
  probability of no penetration, exp(-F A t)).
* :func:`impact_risk` gives the expected impacts and the probabilities for the bus and the wings apart and
  together, from the deployed cross-sections the caller gives.
* :func:`reentry_casualty_note` says why the casualty risk of re-entry is out of scope here.

What "lethal" means here. An impact of debris of 1 cm or larger on the bus is taken to end the mission: the
usual assumption of debris-risk practice, where objects of about 1 cm and up are too small to track and
avoid yet large enough to disable a spacecraft that is not shielded against them [IADC-Protection]
[NASA-STD-8719.14]. Solar wings and radiator panels hit by 1 cm debris are assumed to lose the struck area,
not the satellite: their expected impacts are reported apart and the caller decides what a hit costs. The
radiator's penetrations by smaller particles are the MMOD model of :mod:`structure.mmod` (NASA-90 debris and
Grün meteoroids), which this module does not repeat or import (orbit is the lower layer).

Meteoroids of 1 cm and larger: a table may carry their flux (:attr:`DebrisFluxTable.meteoroid_flux`); without
it, none is added. For scale, the Grün interplanetary flux of [ECSS-E-ST-10-04C] sec. 10.2.4.1 is used by
:mod:`structure.mmod` for small particles.

References
----------
[CNES-DebrisRisks], [ORDEM3], [MASTER8], [ECSS-E-ST-10-04C], [IADC-Protection], [NASA-STD-8719.14].
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.units import Q_, broadcast, named_shapes, quantity, scalar_or_array, si

__all__ = ["FLUX_UNIT", "DebrisFluxTable", "FluxResult", "ImpactRisk", "debris_flux", "debris_flux_checked",
           "lethal_impact_probability", "impact_risk", "reentry_casualty_note"]

#: The unit of every flux here: impacts per square metre of randomly oriented surface per year.
FLUX_UNIT = "1/(m^2*year)"

_YEAR_S = Q_(1.0, "year").m_as("s")


def _size_key(size: Any) -> float:
    """A particle size as metres, rounded so that ``"1 cm"`` and ``"10 mm"`` are one key."""
    d = si(size, "m", "size", lo=0.0, lo_open=True)
    if d.ndim:
        raise ValueError(f"size = {size!r}: must be one size, not an array")
    return round(float(d), 9)


class DebrisFluxTable:
    """A published table of cumulative debris flux against altitude, at one or more minimum sizes.

    Parameters
    ----------
    altitude : Quantity [length], 1-D
        The table's altitudes, strictly increasing, at least two.
    flux : mapping of size -> Quantity [1/(area time)], 1-D
        For each minimum size (``"1 cm"``, a Quantity of length), the flux of debris of that size or larger
        at each altitude, > 0 (log interpolation needs it positive).
    inclination : Quantity [angle], (low, high)
        The inclinations the table stands for. A source that gives one inclination (a sun-synchronous run at
        98 deg, say) should say so in ``source`` and give a narrow range around it.
    source : str
        Where the numbers come from: model, version, epoch, table or figure and page, and "2nd-hand" where read
        in a copy.
    meteoroid_flux : mapping of size -> Quantity [1/(area time)], optional
        Meteoroid flux of that size or larger, if the same source gives it (one value: meteoroid flux varies
        little across LEO altitudes). Added to the debris flux by :func:`impact_risk`.

    A table is not a dataclass of broadcasting fields: its altitude axis is the table's own, not an input
    that broadcasts with the orbit's (:func:`spacedc.units.named_shapes` checks the inputs' shapes).
    """

    def __init__(self, altitude: Any, flux: Mapping[Any, Any], inclination: tuple[Any, Any], source: str,
                 meteoroid_flux: Mapping[Any, Any] | None = None) -> None:
        self.altitude, self.flux, self.inclination = altitude, dict(flux), tuple(inclination)
        self.source, self.meteoroid_flux = source, dict(meteoroid_flux or {})
        h = si(self.altitude, "km", "table.altitude", lo=0.0, lo_open=True)
        if h.ndim != 1 or h.size < 2 or np.any(np.diff(h) <= 0.0):
            raise ValueError(f"table.altitude = {self.altitude!r}: must be at least two strictly increasing "
                             "altitudes")
        if not self.flux:
            raise ValueError("table.flux is empty: give the flux of at least one size")
        log_flux = {}
        for size, f in self.flux.items():
            key = _size_key(size)
            values = si(f, FLUX_UNIT, f"table.flux[{size!r}]", lo=0.0, lo_open=True)
            if values.shape != h.shape:
                raise ValueError(f"table.flux[{size!r}] has {values.size} values for {h.size} altitudes")
            log_flux[key] = np.log10(values)
        i = si(list(self.inclination), "deg", "table.inclination", lo=0.0, hi=180.0)
        if i.shape != (2,) or i[0] > i[1]:
            raise ValueError(f"table.inclination = {self.inclination!r}: must be (low, high) with low <= high")
        if not isinstance(self.source, str) or not self.source.strip():
            raise ValueError("table.source is empty: say where the flux values come from")
        meteoroid = {}
        for size, f in (self.meteoroid_flux or {}).items():
            v = si(f, FLUX_UNIT, f"table.meteoroid_flux[{size!r}]", lo=0.0)
            if v.ndim:
                raise ValueError(f"table.meteoroid_flux[{size!r}]: must be one value")
            meteoroid[_size_key(size)] = float(v)
        self._h_km, self._log_flux = h, log_flux
        self._i_deg, self._meteoroid = (float(i[0]), float(i[1])), meteoroid

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k * 100:g} cm" for k in sorted(self._log_flux))
        return (f"DebrisFluxTable({self._h_km[0]:g}-{self._h_km[-1]:g} km, {self._i_deg[0]:g}-"
                f"{self._i_deg[1]:g} deg, sizes {sizes}; source: {self.source})")

    def _log_column(self, size: Any) -> np.ndarray:
        key = _size_key(size)
        if key not in self._log_flux:
            sizes = ", ".join(f"{k * 100:g} cm" for k in sorted(self._log_flux))
            raise ValueError(f"size = {size!r}: the table gives {sizes} only")
        return self._log_flux[key]

    def meteoroid(self, size: Any) -> float:
        """The meteoroid flux of ``size`` or larger [1/(m^2 year)], 0.0 if the table has none."""
        return self._meteoroid.get(_size_key(size), 0.0)


def _interpolate(table: DebrisFluxTable, h_km: np.ndarray, size: Any) -> np.ndarray:
    """Flux [1/(m^2 year)] at ``h_km`` (inside the table), linear in log10(flux) over altitude."""
    return 10.0 ** np.interp(h_km, table._h_km, table._log_column(size))


def _inputs(altitude: Any, inclination: Any, table: DebrisFluxTable) -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(table, DebrisFluxTable):
        raise TypeError(f"table = {table!r}: expected a DebrisFluxTable")
    h = si(altitude, "km", "altitude", lo=0.0, lo_open=True)
    i = si(inclination, "deg", "inclination", lo=0.0, hi=180.0)
    return h, i


@named_shapes
def debris_flux(altitude: Any, inclination: Any, table: DebrisFluxTable, *, size: Any = "1 cm") -> pint.Quantity:
    """Flux of debris of ``size`` or larger at a circular orbit, from a published table.

    .. math:: \\log_{10} F(h) = \\log_{10} F_k + \\frac{h - h_k}{h_{k+1} - h_k}
              (\\log_{10} F_{k+1} - \\log_{10} F_k), \\qquad h_k \\le h \\le h_{k+1}

    Parameters
    ----------
    altitude : Quantity [length]
        Inside the table's altitudes.
    inclination : Quantity [angle]
        Inside the table's inclination range (the table does not vary with it inside).
    table : DebrisFluxTable
        The sourced table.
    size : Quantity [length] or str
        The minimum size, one the table gives.

    Returns
    -------
    Quantity [1/(m^2 year)]
        Broadcasts over altitude and inclination.

    Raises
    ------
    ValueError
        An altitude or inclination outside the table, naming the parameter and the range
        (:func:`debris_flux_checked` flags such points instead), or a size the table lacks.

    Examples
    --------
    >>> t = DebrisFluxTable(altitude=Q_([400, 800], "km"), flux={"1 cm": Q_([1e-6, 1e-4], FLUX_UNIT)},
    ...                     inclination=("0 deg", "180 deg"), source="illustration, not a model")
    >>> f"{debris_flux('600 km', '53 deg', t).m_as(FLUX_UNIT):.1e}"
    '1.0e-05'
    """
    h, i = _inputs(altitude, inclination, table)
    h_lo, h_hi = table._h_km[0], table._h_km[-1]
    i_lo, i_hi = table._i_deg
    si(Q_(h, "km"), "km", "altitude", lo=h_lo, hi=h_hi)
    si(Q_(i, "deg"), "deg", "inclination", lo=i_lo, hi=i_hi)
    return quantity(_interpolate(table, h, size), FLUX_UNIT)


@dataclasses.dataclass(frozen=True)
class FluxResult(Result):
    """Debris flux with its validity, one value per point.

    Attributes
    ----------
    flux : Quantity [1/(m^2 year)]
        At an invalid point, the flux at the nearest altitude of the table (for display only).
    valid : bool or ndarray of bool
        The point lies inside the table's altitudes and inclinations.
    reasons : str or ndarray of str
        One sentence per invalid point, ``""`` where valid.
    """

    flux: pint.Quantity = dataclasses.field(metadata={"unit": FLUX_UNIT})
    valid: Any
    reasons: Any


def _checked(h: np.ndarray, i: np.ndarray, table: DebrisFluxTable, size: Any
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    h, i = broadcast(h, i)
    h_lo, h_hi = table._h_km[0], table._h_km[-1]
    i_lo, i_hi = table._i_deg
    bad_h = (h < h_lo) | (h > h_hi)
    bad_i = (i < i_lo) | (i > i_hi)
    flux = _interpolate(table, np.clip(h, h_lo, h_hi), size)
    reasons = Reasons.mask(h.shape,
                           (bad_h, f"altitude outside the debris flux table's range {h_lo:g}-{h_hi:g} km"),
                           (bad_i, f"inclination outside the debris flux table's range {i_lo:g}-{i_hi:g} deg"))
    return flux, ~(bad_h | bad_i), reasons


@named_shapes
def debris_flux_checked(altitude: Any, inclination: Any, table: DebrisFluxTable, *,
                        size: Any = "1 cm") -> FluxResult:
    """:func:`debris_flux` that reports points outside the table as invalid, with the reason.

    Inputs of the wrong dimension, not finite, a non-positive altitude or an inclination outside 0-180 deg
    still raise (bad input, not an infeasible design). Each point stands alone.

    Examples
    --------
    >>> t = DebrisFluxTable(altitude=Q_([400, 800], "km"), flux={"1 cm": Q_([1e-6, 1e-4], FLUX_UNIT)},
    ...                     inclination=("0 deg", "180 deg"), source="illustration, not a model")
    >>> r = debris_flux_checked(["600 km", "1200 km"], "53 deg", t)
    >>> r.valid.tolist()
    [True, False]
    >>> r.reasons[1]
    "altitude outside the debris flux table's range 400-800 km"
    """
    h, i = _inputs(altitude, inclination, table)
    flux, valid, reasons = _checked(h, i, table, size)
    return FluxResult(flux=quantity(flux, FLUX_UNIT), valid=scalar_or_array(valid, bool),
                      reasons=reasons)


@named_shapes
def lethal_impact_probability(flux: Any, area: Any, duration: Any) -> pint.Quantity:
    """Probability of at least one impact of a Poisson flux on a cross-section over a duration.

    .. math:: P = 1 - e^{-F A t}

    [ECSS-E-ST-10-04C] (the probability of no penetration is exp(-F A t)). "Lethal" when F is the flux of
    debris of 1 cm or larger and A the bus's cross-section (module docstring).

    Parameters
    ----------
    flux : Quantity [1/(area time)]
        >= 0.
    area : Quantity [area]
        The cross-section exposed to the flux, >= 0: for a randomly oriented flux, the mean projected area
        (a quarter of the surface area of a convex body), or the deployed cross-section the caller gives.
    duration : Quantity [time]
        >= 0.

    Returns
    -------
    Quantity [dimensionless]
        Broadcasts over all three inputs.

    Examples
    --------
    >>> p = lethal_impact_probability("1e-5 / m^2 / year", "10 m^2", "5 year")
    >>> f"{p.m:.6f}"
    '0.000500'
    """
    return quantity(-np.expm1(-_expected(flux, area, duration)), "dimensionless")


def _expected(flux: Any, area: Any, duration: Any) -> np.ndarray:
    f = si(flux, "1/(m^2*s)", "flux", lo=0.0)
    a = si(area, "m^2", "area", lo=0.0)
    t = si(duration, "s", "duration", lo=0.0)
    return f * a * t


@dataclasses.dataclass(frozen=True)
class ImpactRisk(Result):
    """Impacts of debris of one size or larger on a satellite over its life, one value per point.

    Attributes
    ----------
    flux : Quantity [1/(m^2 year)]
        Debris plus meteoroid flux of the size or larger (the meteoroid part only if the table gives it).
    expected_bus, expected_wings, expected_total : Quantity [dimensionless]
        Expected number of impacts, F A t, on the bus, on the wings, on both.
    probability_bus : Quantity [dimensionless]
        Probability of at least one impact on the bus: of losing the satellite, for 1 cm and larger.
    probability_wings : Quantity [dimensionless]
        Probability of at least one impact on the wings (area lost, not the satellite).
    probability_any : Quantity [dimensionless]
        Probability of at least one impact anywhere.
    valid : bool or ndarray of bool
        The orbit lies inside the flux table.
    reasons : str or ndarray of str
        One sentence per invalid point, ``""`` where valid.
    """

    flux: pint.Quantity = dataclasses.field(metadata={"unit": FLUX_UNIT})
    expected_bus: pint.Quantity = dataclasses.field(metadata={"unit": "dimensionless"})
    expected_wings: pint.Quantity = dataclasses.field(metadata={"unit": "dimensionless"})
    expected_total: pint.Quantity = dataclasses.field(metadata={"unit": "dimensionless"})
    probability_bus: pint.Quantity = dataclasses.field(metadata={"unit": "dimensionless"})
    probability_wings: pint.Quantity = dataclasses.field(metadata={"unit": "dimensionless"})
    probability_any: pint.Quantity = dataclasses.field(metadata={"unit": "dimensionless"})
    valid: Any
    reasons: Any


@named_shapes
def impact_risk(altitude: Any, inclination: Any, *, table: DebrisFluxTable, bus_area: Any, wing_area: Any,
                duration: Any, size: Any = "1 cm") -> ImpactRisk:
    """Expected impacts and impact probabilities of the bus and the wings over a mission.

    .. math:: N_x = F A_x t, \\qquad P_x = 1 - e^{-N_x}, \\qquad x \\in \\{\\text{bus}, \\text{wings}\\},
              \\qquad P_\\text{any} = 1 - e^{-(N_\\text{bus} + N_\\text{wings})}

    with F the table's debris flux of ``size`` or larger (plus its meteoroid flux, if it gives one) at the
    orbit. Points outside the table are flagged (``valid``, ``reasons``), with the flux at the nearest
    tabulated altitude, as :func:`debris_flux_checked` does.

    Parameters
    ----------
    altitude, inclination : Quantity [length], [angle]
        The circular orbit.
    table : DebrisFluxTable
        The sourced flux table.
    bus_area, wing_area : Quantity [area]
        Cross-sections exposed to the flux (>= 0): the mean projected area of the bus and the deployed area of
        the wings (one side, for a flux through a randomly oriented plate).
    duration : Quantity [time]
        Mission duration (>= 0).
    size : Quantity [length] or str
        The minimum debris size, one the table gives; "lethal" for the bus at 1 cm (module docstring).

    Returns
    -------
    ImpactRisk

    Examples
    --------
    >>> t = DebrisFluxTable(altitude=Q_([400, 800], "km"), flux={"1 cm": Q_([1e-6, 1e-4], FLUX_UNIT)},
    ...                     inclination=("0 deg", "180 deg"), source="illustration, not a model")
    >>> r = impact_risk("600 km", "53 deg", table=t, bus_area="4 m^2", wing_area="100 m^2", duration="5 year")
    >>> f"{r.probability_bus.m:.2e}", f"{r.expected_wings.m:.3f}"
    ('2.00e-04', '0.005')
    """
    h, i = _inputs(altitude, inclination, table)
    a_bus = si(bus_area, "m^2", "bus_area", lo=0.0)
    a_wing = si(wing_area, "m^2", "wing_area", lo=0.0)
    t = si(duration, "year", "duration", lo=0.0)
    h, i, a_bus, a_wing, t = broadcast(h, i, a_bus, a_wing, t)
    flux, valid, reasons = _checked(h, i, table, size)
    flux = flux + table.meteoroid(size)
    n_bus, n_wing = flux * a_bus * t, flux * a_wing * t
    n_total = n_bus + n_wing

    def q(x: np.ndarray) -> pint.Quantity:
        return quantity(x, "dimensionless")

    return ImpactRisk(flux=quantity(flux, FLUX_UNIT), expected_bus=q(n_bus), expected_wings=q(n_wing),
                      expected_total=q(n_total), probability_bus=q(-np.expm1(-n_bus)),
                      probability_wings=q(-np.expm1(-n_wing)), probability_any=q(-np.expm1(-n_total)),
                      valid=scalar_or_array(valid, bool), reasons=reasons)


@named_shapes
def reentry_casualty_note() -> str:
    """Why the casualty risk of re-entry is not assessed here, as a note for reports.

    [NASA-STD-8719.14] requires the risk of human casualty from debris surviving an uncontrolled re-entry
    to be below 1:10,000, counting debris that reaches the ground with more than 15 J. Whether a satellite
    meets it depends on which of its parts survive re-entry, which needs a demise analysis of each part's
    material, mass, shape and melting (NASA DAS or ORSAT, ESA DRAMA/SARA): the materials list of a sizing
    study does not determine it, so any figure computed here would rest on an invented demise assumption.

    Examples
    --------
    >>> reentry_casualty_note().startswith("Re-entry casualty risk not assessed")
    True
    """
    return ("Re-entry casualty risk not assessed: the NASA-STD-8719.14 limit (risk of human casualty below "
            "1:10,000, debris over 15 J) needs a demise analysis of the satellite's parts (materials, masses, "
            "shapes: NASA DAS, ORSAT or ESA DRAMA), which the sizing model does not carry. Dense or refractory "
            "parts (titanium or steel tanks, optics, reaction wheel rotors, large silicon or carbon parts) "
            "usually survive; a design that keeps them must be analysed or re-enter under control.")
