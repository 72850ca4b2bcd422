"""Thermal-control coatings: solar absorptance and infrared emittance, at beginning and end of life.

Each row of :data:`COATINGS` quotes its source. ``alpha_bol`` is the beginning-of-life solar absorptance and
``eps`` the total infrared emittance (the handbooks' "epsilon IR", used as the hemispherical emissivity of
the surface). Where the source also quotes a degraded absorptance, ``alpha_eol`` is that value and
``eol_years`` the exposure after which it was measured; where the source quotes none, both are ``None`` and
:func:`coating_alpha` asks for mission data rather than invent a rate. Solar absorptance grows in orbit
(ultraviolet, charged particles, atomic oxygen, contamination) while the emittance of these finishes stays
nearly constant; Gilmore's Appendix A warns that degradation depends strongly on orbit and contamination,
so degraded values are rough estimates.

The white-paint degradation comes from Fortescue Table 11.3 "after 1000 hours UV radiation": 1000
equivalent sun hours, reached after 1000 h / 8766 h = 0.114 years of continuous sunlight (the soonest a
surface can collect it), which is the ``eol_years`` used here.

References
----------
[Fortescue2011] Fortescue, Swinerd and Stark (eds.), *Spacecraft Systems Engineering*, 4th ed., 2011,
Table 11.3 "alpha and epsilon values for several surfaces and finishes".
[Gilmore2002] Gilmore (ed.), *Spacecraft Thermal Control Handbook*, Vol. 1, 2nd ed., 2002, Appendix A
"Surface optical property data" (and ch. 4, "Thermal surface finishes").
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from spacedc.units import named_shapes, scalar_or_array, si

__all__ = ["COATINGS", "Coating", "coating", "coating_alpha"]

_UV_1000_HOURS_YEARS = 1000.0 / 8766.0  # 1000 equivalent sun hours in years of continuous sunlight

#: Coatings by name. Fields: ``alpha_bol``, ``eps``, ``alpha_eol`` (or None), ``eol_years`` (or None),
#: ``description``, ``source``.
COATINGS: dict[str, dict[str, Any]] = {
    "osr": dict(
        alpha_bol=0.07, eps=0.80, alpha_eol=None, eol_years=None,
        description="Optical solar reflector, silvered fused silica (quartz) second-surface mirror",
        source="Gilmore, Spacecraft Thermal Control Handbook Vol. 1 (2002), App. A, 'Optical solar reflector "
               "(OSR), silvered fused silica (quartz)': 0.07 / 0.80 (Fortescue Table 11.3 lists OSR 0.07 / 0.74)",
    ),
    "silvered_fep": dict(
        alpha_bol=0.08, eps=0.78, alpha_eol=None, eol_years=None,
        description="Silver-coated FEP Teflon film, second-surface mirror (SSM)",
        source="Fortescue, Spacecraft Systems Engineering 4th ed. (2011), Table 11.3, 'Silver coated FEP (SSM)': "
               "0.08 / 0.78",
    ),
    "silver_teflon": dict(
        alpha_bol=0.09, eps=0.79, alpha_eol=None, eol_years=None,
        description="Silver Teflon (silvered FEP) as a radiator design value",
        source="Silver Teflon 0.09 / 0.79 as attributed to Gilmore Vol. 1 App. A [Gilmore2002] "
               "(second-hand; the same film as 'silvered_fep' with a more conservative absorptance)",
    ),
    "white_silicate_paint": dict(
        alpha_bol=0.12, eps=0.90, alpha_eol=0.14, eol_years=_UV_1000_HOURS_YEARS,
        description="White paint, silicate binder (zinc-oxide / potassium-silicate class, e.g. Z-93)",
        source="Fortescue, Spacecraft Systems Engineering 4th ed. (2011), Table 11.3, 'White paint (silicate)': "
               "0.12 / 0.90; after 1000 hours UV radiation 0.14 / 0.90",
    ),
    "white_silicone_paint": dict(
        alpha_bol=0.26, eps=0.83, alpha_eol=0.29, eol_years=_UV_1000_HOURS_YEARS,
        description="White paint, silicone binder (S13G class)",
        source="Fortescue, Spacecraft Systems Engineering 4th ed. (2011), Table 11.3, 'White paint (silicone)': "
               "0.26 / 0.83; after 1000 hours UV radiation 0.29 / 0.83",
    ),
    "black_polyurethane_paint": dict(
        alpha_bol=0.95, eps=0.90, alpha_eol=None, eol_years=None,
        description="Black paint, polyurethane binder (e.g. Aeroglaze Z306 class)",
        source="Fortescue, Spacecraft Systems Engineering 4th ed. (2011), Table 11.3, 'Black paint "
               "(polyurethane)': 0.95 / 0.90",
    ),
    "black_epoxy_paint": dict(
        alpha_bol=0.95, eps=0.85, alpha_eol=None, eol_years=None,
        description="Black paint, epoxy binder",
        source="Fortescue, Spacecraft Systems Engineering 4th ed. (2011), Table 11.3, 'Black paint (epoxy)': "
               "0.95 / 0.85",
    ),
    "aluminized_kapton": dict(
        alpha_bol=0.40, eps=0.63, alpha_eol=None, eol_years=None,
        description="Aluminized Kapton, Kapton side outside",
        source="Fortescue, Spacecraft Systems Engineering 4th ed. (2011), Table 11.3, 'Aluminized kapton "
               "(kapton outside)': 0.40 / 0.63",
    ),
}


@dataclasses.dataclass(frozen=True)
class Coating:
    """One row of :data:`COATINGS`.

    Attributes
    ----------
    name : str
    alpha_bol : float
        Beginning-of-life solar absorptance.
    eps : float
        Infrared (hemispherical) emittance.
    alpha_eol : float or None
        Degraded solar absorptance quoted by the source, if any.
    eol_years : float or None
        Exposure [years] after which ``alpha_eol`` applies.
    description, source : str
    """

    name: str
    alpha_bol: float
    eps: float
    alpha_eol: float | None
    eol_years: float | None
    description: str
    source: str

    def __post_init__(self) -> None:
        for field in ("alpha_bol", "eps"):
            if not 0.0 < getattr(self, field) <= 1.0:
                raise ValueError(f"coating {self.name!r}: {field} = {getattr(self, field)} must be in (0, 1]")
        if (self.alpha_eol is None) != (self.eol_years is None):
            raise ValueError(f"coating {self.name!r}: give alpha_eol and eol_years together")
        if self.alpha_eol is not None and not (self.alpha_bol <= self.alpha_eol <= 1.0 and self.eol_years > 0):
            raise ValueError(f"coating {self.name!r}: need alpha_bol <= alpha_eol <= 1 and eol_years > 0")


def coating(name: str) -> Coating:
    """The coating called ``name`` in :data:`COATINGS`.

    Raises
    ------
    ValueError
        For an unknown name; the message lists the known names.
    """
    if name not in COATINGS:
        raise ValueError(f"coating = {name!r}: unknown; known coatings are {', '.join(sorted(COATINGS))}")
    return Coating(name=name, **COATINGS[name])


@named_shapes
def coating_alpha(name: str, years: Any, *, alpha_eol: float | None = None,
                  eol_years: Any = None) -> float | np.ndarray:
    """Solar absorptance of a coating after an exposure in orbit.

    Parameters
    ----------
    name : str
        A key of :data:`COATINGS`.
    years : Quantity [time]
        Time in orbit, >= 0 (e.g. ``"15 year"``). Broadcasts.
    alpha_eol : float, optional
        Degraded absorptance from mission data, replacing the table's (required for a coating whose source
        quotes none, unless ``years`` is zero).
    eol_years : Quantity [time], optional
        Exposure at which ``alpha_eol`` applies; required with ``alpha_eol``.

    Returns
    -------
    float or ndarray
        alpha(t) = alpha_bol + (alpha_eol - alpha_bol) * min(t / t_eol, 1): a linear rise to the degraded value
        quoted at exposure t_eol, held beyond it. The sources give one degraded point, not a law; holding the
        value past the quoted exposure does not extrapolate beyond the data, so for a life much longer than
        ``eol_years`` pass a mission-specific ``alpha_eol``.
    """
    c = coating(name)
    t = si(years, "year", "years", lo=0)
    if alpha_eol is None and eol_years is None:
        if c.alpha_eol is None:
            if np.any(t > 0):
                raise ValueError(f"coating {name!r}: its source quotes no degraded absorptance ({c.source}); "
                                 "pass alpha_eol and eol_years from mission data")
            return scalar_or_array(np.full(t.shape, c.alpha_bol))
        a_eol, t_eol = c.alpha_eol, c.eol_years
    elif alpha_eol is None or eol_years is None:
        raise ValueError("alpha_eol and eol_years must be given together")
    else:
        a_eol = float(alpha_eol)
        if not c.alpha_bol <= a_eol <= 1.0:
            raise ValueError(f"alpha_eol = {alpha_eol!r}: must lie between alpha_bol = {c.alpha_bol} and 1")
        t_eol = float(si(eol_years, "year", "eol_years", lo=0, lo_open=True))
    return scalar_or_array(c.alpha_bol + (a_eol - c.alpha_bol) * np.minimum(t / t_eol, 1.0))
