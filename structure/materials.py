"""Structural materials as documented data: stiffness, strength, density and impact properties, each row sourced.

:data:`MATERIALS` holds the few materials the sizing needs (aluminium alloys for face sheets, heat-pipe walls
and primary structure; an aluminium honeycomb core); :func:`material` looks one up.
"""

from __future__ import annotations

import dataclasses

import pint

from spacedc.units import Q_, si

__all__ = ["Material", "MATERIALS", "material"]


@dataclasses.dataclass(frozen=True)
class Material:
    """One row of :data:`MATERIALS`; a property the source does not give is ``None``.

    Parameters
    ----------
    name : str
    density : Quantity [kg/m^3]
    modulus : Quantity [Pa] or None
        Young's modulus (for a honeycomb core: None; cores carry shear, not bending).
    yield_strength, ultimate_strength : Quantity [Pa] or None
        Tensile allowables.
    brinell_hardness : float or None
        For the single-wall ballistic limit.
    sound_speed : Quantity [m/s] or None
        Speed of sound in the material, for the ballistic limit.
    source : str
    poisson_ratio : float or None
        Poisson's ratio nu (0 < nu < 0.5), for shell buckling.
    """

    name: str
    density: pint.Quantity
    modulus: pint.Quantity | None
    yield_strength: pint.Quantity | None
    ultimate_strength: pint.Quantity | None
    brinell_hardness: float | None
    sound_speed: pint.Quantity | None
    source: str
    poisson_ratio: float | None = None

    def __post_init__(self) -> None:
        where = f"MATERIALS[{self.name!r}]"
        si(self.density, "kg/m^3", f"{where}.density", lo=0, lo_open=True)
        for fname in ("modulus", "yield_strength", "ultimate_strength"):
            if getattr(self, fname) is not None:
                si(getattr(self, fname), "Pa", f"{where}.{fname}", lo=0, lo_open=True)
        if not self.source:
            raise ValueError(f"{where}: every row needs a source")
        if self.poisson_ratio is not None and not 0.0 < self.poisson_ratio < 0.5:
            raise ValueError(f"{where}.poisson_ratio = {self.poisson_ratio!r}: must be in (0, 0.5)")


#: Material table: name -> :class:`Material`.
MATERIALS: dict[str, Material] = {
    "al6061-t6": Material(
        name="al6061-t6", density=Q_(2713.0, "kg/m^3"), modulus=Q_(68.9, "GPa"), yield_strength=Q_(276.0, "MPa"),
        ultimate_strength=Q_(310.0, "MPa"), brinell_hardness=95.0, sound_speed=Q_(5.1, "km/s"),
        source=("Density 2713 kg/m^3 and Brinell hardness 95 as used in the Christiansen single-wall ballistic "
                "limit (NASA JSC-17763; Christiansen 1993); speed of sound 5.1 km/s, the "
                "value of the same equation for 6061-T6 (Christiansen, NASA/TP-2003-210788) (2nd-hand); "
                "E 68.9 GPa, yield 276 MPa, ultimate 310 MPa: ASM Handbook typical properties of 6061-T6 "
                "(design allowables are lower: MMPDS A/B-basis); Poisson's ratio 0.33: MMPDS, 6061-T6 physical "
                "properties (2nd-hand)."),
        poisson_ratio=0.33,
    ),
    "al7075-t6": Material(
        name="al7075-t6", density=Q_(2800.0, "kg/m^3"), modulus=Q_(71.0, "GPa"), yield_strength=Q_(448.0, "MPa"),
        ultimate_strength=Q_(524.0, "MPa"), brinell_hardness=150.0, sound_speed=None,
        source=("Wertz & Larson, SMAD 3rd ed., sec. 11.6 cylinder example: density 2.8e3 kg/m^3, Ftu 524 MPa, "
                "Fty 448 MPa, E 71 GPa (2nd-hand); Brinell 150: ASM typical for 7075-T6; Poisson's ratio 0.33: "
                "MMPDS, 7075-T6 physical properties (2nd-hand)."),
        poisson_ratio=0.33,
    ),
    "hexweb-5052-3.1pcf": Material(
        name="hexweb-5052-3.1pcf", density=Q_(3.1, "lb/ft^3"), modulus=None, yield_strength=None,
        ultimate_strength=None, brinell_hardness=None, sound_speed=None,
        source=("Hexcel HexWeb 5052 aluminium honeycomb, 3.1 lb/ft^3 (49.7 kg/m^3) nominal density, e.g. "
                "3.1-3/16-5052-.001 (the designation gives the density)."),
    ),
}


def material(name: str) -> Material:
    """The :class:`Material` called ``name``; an unknown name raises ValueError listing the known ones."""
    key = str(name).strip().lower()
    if key not in MATERIALS:
        raise ValueError(f"material = {name!r}: unknown; known materials: {', '.join(MATERIALS)}")
    return MATERIALS[key]
