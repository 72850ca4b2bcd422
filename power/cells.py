"""Solar cells as documented data: efficiency, temperature coefficient, degradation, array mass and optics.

:data:`CELLS` maps a name to a frozen :class:`SolarCell` row, in the manner of pvlib's
``TEMPERATURE_MODEL_PARAMETERS``: every number is in the table, none is scattered in code, and each row
carries a ``source`` that names the document it comes from. Rows give the *cell* efficiency at the
standard AM0 test condition (28 C), so the array-level losses (packing, wiring, mismatch) stay in the
inherent degradation ``I_d`` of :func:`power.size_solar_array`.

Numbers marked "(2nd-hand)" were seen only in a secondary copy of the primary source, and those marked
"typical" are design values inside the range a source gives; check both against the datasheet of the
cell you fly.
"""

from __future__ import annotations

import dataclasses

import pint

from spacedc.units import Q_, fraction, si

__all__ = ["SolarCell", "CELLS", "cell", "REFERENCE_TEMPERATURE"]

#: Cell temperature at which datasheet (AM0) efficiencies are quoted: 28 C, in kelvin.
REFERENCE_TEMPERATURE = 301.15

_OPTICS = ("Front/back optics: typical values inside the ranges of Gilmore, Spacecraft Thermal Control "
           "Handbook Vol. 1 (2002), App. A (covered cells alpha about 0.75-0.92, eps about 0.8-0.85; "
           "black-painted or CFRP backs eps about 0.85-0.9).")
_RIGID = ("Rigid honeycomb panel 2.8 kg/m^2: value of SMAD-based sizing tools (2nd-hand; SMAD gives about "
          "2-5 kg/m^2 for rigid panels).")
_SMAD_TABLE = ("Wertz & Larson, SMAD 3rd ed. (1999) sec. 11.4 solar-cell table: Si 14.8% (202 W/m^2 at "
               "1367 W/m^2), 3.75%/yr; GaAs 18.5% (253 W/m^2), 2.75%/yr; multijunction 22% (301 W/m^2), "
               "0.5%/yr (2nd-hand, as copied in J. Krueger's MIT CRISIS-sat power model, 2008; the OpenTURNS "
               "FireSatellite use case uses the same 3.75%/yr).")
_TEMPCO = ("Temperature coefficient: typical relative value in the range -0.2 to -0.45 %/K "
           "(2nd-hand, no primary document recorded; silicon near the top, III-V cells near the bottom of the "
           "range): check against the datasheet of the cell you fly.")


@dataclasses.dataclass(frozen=True)
class SolarCell:
    """One row of :data:`CELLS`: a cell technology on a stated array construction.

    Parameters
    ----------
    name : str
        Key in :data:`CELLS`.
    efficiency : float
        Cell conversion efficiency at AM0, 28 C, beginning of life [-].
    temperature_coefficient : pint.Quantity
        Relative temperature coefficient of efficiency, (1/eta) d(eta)/dT [1/K]; negative.
    annual_degradation : float
        Fraction of power lost per year of life, D in SMAD eq. 11-7 [1/yr].
    construction : str
        "rigid panel" or "flexible blanket": what ``areal_density`` or ``specific_power`` refers to.
    absorptance, emissivity_front, emissivity_back : float
        Solar absorptance of the cell side and infrared emissivities of both faces [-].
    source : str
        Where the numbers come from.
    areal_density : pint.Quantity, optional
        Array mass per array area [kg/m^2]. Exactly one of ``areal_density`` and ``specific_power``.
    specific_power : pint.Quantity, optional
        Array beginning-of-life power per array mass [W/kg].
    """

    name: str
    efficiency: float
    temperature_coefficient: pint.Quantity
    annual_degradation: float
    construction: str
    absorptance: float
    emissivity_front: float
    emissivity_back: float
    source: str
    areal_density: pint.Quantity | None = None
    specific_power: pint.Quantity | None = None

    def __post_init__(self) -> None:
        where = f"CELLS[{self.name!r}]"
        fraction(self.efficiency, f"{where}.efficiency", lo=0, hi=1, lo_open=True, hi_open=True)
        si(self.temperature_coefficient, "1/K", f"{where}.temperature_coefficient", hi=0)
        fraction(self.annual_degradation, f"{where}.annual_degradation", lo=0, hi=1, hi_open=True)
        for attr in ("absorptance", "emissivity_front", "emissivity_back"):
            fraction(getattr(self, attr), f"{where}.{attr}", lo=0, hi=1, lo_open=True)
        if (self.areal_density is None) == (self.specific_power is None):
            raise ValueError(f"{where}: give exactly one of areal_density and specific_power")
        if self.areal_density is not None:
            si(self.areal_density, "kg/m^2", f"{where}.areal_density", lo=0, lo_open=True)
        if self.specific_power is not None:
            si(self.specific_power, "W/kg", f"{where}.specific_power", lo=0, lo_open=True)
        if not self.source:
            raise ValueError(f"{where}: every row needs a source")


def _row(name: str, **kw) -> tuple[str, SolarCell]:
    return name, SolarCell(name=name, **kw)


#: Solar cell table: name -> :class:`SolarCell`. See each row's ``source``.
CELLS: dict[str, SolarCell] = dict([
    _row("silicon", efficiency=0.148, temperature_coefficient=Q_(-0.0045, "1/K"), annual_degradation=0.0375,
         construction="rigid panel", areal_density=Q_(2.8, "kg/m^2"),
         absorptance=0.75, emissivity_front=0.82, emissivity_back=0.85,
         source=f"{_SMAD_TABLE} {_TEMPCO} {_RIGID} {_OPTICS}"),
    _row("gaas", efficiency=0.185, temperature_coefficient=Q_(-0.0020, "1/K"), annual_degradation=0.0275,
         construction="rigid panel", areal_density=Q_(2.8, "kg/m^2"),
         absorptance=0.88, emissivity_front=0.82, emissivity_back=0.85,
         source=f"GaAs single junction. {_SMAD_TABLE} {_TEMPCO} {_RIGID} {_OPTICS}"),
    _row("multijunction-smad", efficiency=0.22, temperature_coefficient=Q_(-0.0025, "1/K"),
         annual_degradation=0.005, construction="rigid panel", areal_density=Q_(2.8, "kg/m^2"),
         absorptance=0.91, emissivity_front=0.85, emissivity_back=0.85,
         source=f"SMAD-era GaInP/GaAs multijunction. {_SMAD_TABLE} {_TEMPCO} {_RIGID} {_OPTICS}"),
    _row("xtj", efficiency=0.298, temperature_coefficient=Q_(-0.0025, "1/K"), annual_degradation=0.005,
         construction="rigid panel", areal_density=Q_(2.8, "kg/m^2"),
         absorptance=0.92, emissivity_front=0.85, emissivity_back=0.85,
         source=("Spectrolab XTJ GaInP/GaAs/Ge triple junction: 29.8% mean BOL at AM0, 28 C, 135.3 mW/cm^2; "
                 "retains 0.89 of Pmp after 5e14 and 0.84 after 1e15 1-MeV e/cm^2 (Fetzer et al., 'Production "
                 "ready 30% efficient triple junction space solar cells', IEEE PVSC 2008). Annual degradation "
                 f"0.5%/yr: SMAD multijunction value (2nd-hand, see 'multijunction-smad'). {_TEMPCO} {_RIGID} "
                 f"{_OPTICS}")),
    _row("xtj-blanket", efficiency=0.298, temperature_coefficient=Q_(-0.0025, "1/K"), annual_degradation=0.005,
         construction="flexible blanket", specific_power=Q_(150.0, "W/kg"),
         absorptance=0.92, emissivity_front=0.85, emissivity_back=0.80,
         source=("XTJ cells (see 'xtj') on a flexible blanket wing: 150 W/kg specific power of state-of-the-art "
                 "30-50 kW flexible blanket arrays (Mikulas, Pappa, Warren, Rose, 'Telescoping Solar Array "
                 "Concept for Achieving High Packaging Efficiency', NASA NTRS 20150006022, abstract). Back "
                 f"emissivity 0.80: Kapton-type blanket, typical. {_TEMPCO} {_OPTICS}")),
])


def cell(name: str | SolarCell) -> SolarCell:
    """Look up a row of :data:`CELLS` by name (case-insensitive); a :class:`SolarCell` passes through.

    Raises
    ------
    ValueError
        If ``name`` is not in the table; the message lists the known names.
    """
    if isinstance(name, SolarCell):
        return name
    key = str(name).strip().lower()
    if key not in CELLS:
        raise ValueError(f"cell = {name!r}: unknown solar cell; known cells: {', '.join(sorted(CELLS))}")
    return CELLS[key]
