"""Earth albedo and outgoing long-wave (IR) radiation, with the solar flux, as named design cases.

The table :data:`EARTH_RADIATION_CASES` gives, per case, the Earth's albedo (fraction of the incident sunlight
reflected), its outgoing long-wave radiation (OLR, W/m^2 at the top of the atmosphere) and the solar flux to
pair them with. Thermal analysis uses them as

    q_albedo = albedo * G_sun * F_E * (cos of the sub-solar geometry),   q_IR = OLR * F_E.

What the values are, and what they are not:

* ``nominal``: the global annual means, albedo 0.30 and OLR 237 W/m^2 (Anderson, Justus & Batts,
  NASA/TM-2001-211221 [Anderson2001], 2nd-hand: the TM's tables were not read here), consistent with
  ECSS-E-ST-10-04C Annex F.5 [ECSS-E-ST-10-04C] (albedo 0.3, Earth IR about 230 W/m^2), at the mean solar
  flux 1361 W/m^2.
* ``hot`` / ``cold``: a bounding envelope, pairing the high (low) ends of the albedo range 0.18-0.55 and of
  the OLR range 218-261 W/m^2 quoted from the same TM, with the perihelion (aphelion) solar flux. The TM's
  own hot and cold pairings depend on orbit inclination and on the thermal time constant of the hardware
  (its tables were not available to this package); because albedo and OLR are anti-correlated over the
  globe, pairing both extremes is conservative. Radiators with orbit-length time constants see narrower
  ranges. Replace these rows with the TM's pairings for a detailed design.
"""

from __future__ import annotations

import dataclasses

import pint

from spacedc.orbit.constants import _S0
from spacedc.results import Result
from spacedc.units import Q_

__all__ = ["EARTH_RADIATION_CASES", "EarthRadiation", "earth_albedo_ir"]

# Earth-Sun distance at perihelion and aphelion [AU]: the distance series of Vallado (4th ed.) Alg. 29 at mean
# anomaly 0 and 180 deg, 1.000140612 -/+ 0.016708617 - 0.000139589.
_PERIHELION_AU = 1.000140612 - 0.016708617 - 0.000139589
_APHELION_AU = 1.000140612 + 0.016708617 - 0.000139589

_TM = "Anderson, Justus & Batts, NASA/TM-2001-211221 (2001)"

#: Named Earth radiation cases: albedo [-], outgoing IR [W/m^2], solar flux [W/m^2] and the source of each row.
EARTH_RADIATION_CASES: dict[str, dict[str, object]] = {
    "nominal": {
        "albedo": 0.30, "outgoing_ir": 237.0, "solar_flux": _S0,
        "source": f"{_TM}: global annual mean albedo and OLR (2nd-hand: the TM's tables were not read); "
                  "solar flux 1361 W/m^2 (Kopp & Lean 2011)",
    },
    "hot": {
        "albedo": 0.55, "outgoing_ir": 261.0, "solar_flux": _S0 / _PERIHELION_AU**2,
        "source": f"{_TM}: upper ends of the albedo (0.18-0.55) and OLR (218-261 W/m^2) ranges, paired as a "
                  "bounding envelope (not the TM's correlated pairing); perihelion flux 1361/0.98329^2",
    },
    "cold": {
        "albedo": 0.18, "outgoing_ir": 218.0, "solar_flux": _S0 / _APHELION_AU**2,
        "source": f"{_TM}: lower ends of the albedo and OLR ranges, paired as a bounding envelope; "
                  "aphelion flux 1361/1.01671^2",
    },
}


@dataclasses.dataclass(frozen=True)
class EarthRadiation(Result):
    """One Earth radiation case.

    Attributes
    ----------
    case : str
        ``"nominal"``, ``"hot"`` or ``"cold"``.
    albedo : float
        Fraction of incident sunlight the Earth reflects.
    outgoing_ir : Quantity [W/m^2]
        Earth's outgoing long-wave radiation at the top of the atmosphere.
    solar_flux : Quantity [W/m^2]
        Direct solar flux paired with the case.
    source : str
        Where the row comes from.
    """

    case: str
    albedo: float
    outgoing_ir: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    solar_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    source: str


def earth_albedo_ir(case: str = "nominal") -> EarthRadiation:
    """Earth albedo, outgoing IR and solar flux for a named thermal design case.

    Parameters
    ----------
    case : {"nominal", "hot", "cold"}
        ``nominal``: global annual means (albedo 0.30, OLR 237 W/m^2, 1361 W/m^2). ``hot``: albedo 0.55,
        OLR 261 W/m^2, perihelion flux 1407.6 W/m^2. ``cold``: albedo 0.18, OLR 218 W/m^2, aphelion flux
        1316.6 W/m^2.

    Returns
    -------
    EarthRadiation

    Notes
    -----
    The hot and cold rows bound the ranges given by Anderson, Justus & Batts (NASA/TM-2001-211221) by pairing
    like extremes; they are more severe than the TM's correlated, time-constant-dependent pairings (see the
    module docstring). ECSS-E-ST-10-04C Annex F.5 gives wider short-term extremes: albedo 0.05-0.6, Earth IR
    150-350 W/m^2.

    References
    ----------
    [Anderson2001] Anderson, Justus and Batts, NASA/TM-2001-211221, 2001.
    [ECSS-E-ST-10-04C] *Space environment*, 2008, Annex F.5.
    """
    if not isinstance(case, str):
        raise TypeError(f"case = {case!r}: expected a case name such as 'nominal', 'hot' or 'cold'")
    if case not in EARTH_RADIATION_CASES:
        raise ValueError(f"case = {case!r}: expected one of {', '.join(map(repr, EARTH_RADIATION_CASES))}")
    row = EARTH_RADIATION_CASES[case]
    return EarthRadiation(case=case, albedo=float(row["albedo"]),
                          outgoing_ir=Q_(float(row["outgoing_ir"]), "W/m^2"),
                          solar_flux=Q_(float(row["solar_flux"]), "W/m^2"), source=str(row["source"]))
