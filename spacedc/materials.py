"""The one materials table of spacedc: density, stiffness, strength and thermal properties, each figure sourced.

Thermal panels (face-sheet conductivity and density), structure (primary-structure stiffness and strength,
deployed-wing stiffness, the ballistic limit, the primary-structure mass), geometry and CAD (densities) and
the design chain (transport lines, heat capacities) all read :data:`MATERIALS`; no other module keeps a
density, a modulus or a conductivity of its own. The core holds the table because it is the one layer that
every package may import.

Values are SI floats: density [kg/m^3], modulus [Pa], strengths [Pa], conductivity [W/(m K)], specific heat
[J/(kg K)], sound speed [m/s]. A property the row's sources do not give is ``None``; a caller that needs it
asks for it by name (:meth:`Material.require`), which says so.

One value per property, each with its source in the row's ``source``:

* aluminium alloys: density and Young's modulus from MIL-HDBK-5J (2003, identical to MMPDS-01), whose
  design-properties tables give the density w in lb/in^3 and E in 10^3 ksi (6061: 0.098 and 9.9; 7075:
  0.101 and 10.3; 5052: 0.097); thermal conductivity and specific heat, and the figures of the alloys that
  handbook does not carry (1100, 6063), are the typical room-temperature values of ASM Handbook Vol. 2 (1990)
  (as reproduced by MatWeb; 2nd-hand). Strengths: see each row.
* carbon-fibre laminates: estimates from the fibre makers' datasheets by the rule of mixtures, stated as such.
* the honeycomb core: its designation gives the density (Hexcel HexWeb product data).

>>> m = material("al7075-t6")
>>> round(m.density), round(m.modulus / 1e9, 1)
(2796, 71.0)
"""

from __future__ import annotations

import dataclasses
import math

__all__ = ["Material", "MATERIALS", "material"]

# US customary units of the handbooks, exact by the definitions of the pound (0.45359237 kg) and inch.
_LB_IN3 = 0.45359237 / 0.0254**3  # 1 lb/in^3 in kg/m^3 (27679.9)
_LB_FT3 = 0.45359237 / 0.3048**3  # 1 lb/ft^3 in kg/m^3 (16.0185)
_KSI = 0.45359237 * 9.80665 / 0.0254**2 * 1e3  # 1 ksi in Pa (6.894757e6)

_PROPERTIES = ("density", "modulus", "yield_strength", "ultimate_strength", "conductivity", "specific_heat",
               "brinell_hardness", "sound_speed")

_MIL5 = "MIL-HDBK-5J (2003) / MMPDS-01"
_ASM = ("ASM Handbook Vol. 2 (1990), Properties of Wrought Aluminum and Aluminum Alloys, typical values at room "
        "temperature (as reproduced by MatWeb; 2nd-hand)")


@dataclasses.dataclass(frozen=True)
class Material:
    """One row of :data:`MATERIALS`, in SI floats; a property its sources do not give is ``None``.

    Attributes
    ----------
    name : str
        The key in :data:`MATERIALS`.
    description : str
        What the row is (alloy and temper, product form, laminate).
    density : float [kg/m^3]
    source : str
        Where each figure of the row comes from.
    modulus : float [Pa] or None
        Young's modulus in tension (in plane, for a laminate); None for a honeycomb core (cores carry shear,
        not bending).
    poisson_ratio : float or None
        In (0, 0.5), for shell buckling.
    yield_strength, ultimate_strength : float [Pa] or None
        Tensile strengths (typical or allowable: the row says which).
    conductivity : float [W/(m K)] or None
        Thermal conductivity at room temperature (in plane, for a laminate).
    specific_heat : float [J/(kg K)] or None
        At room temperature.
    brinell_hardness : float or None
        For the single-wall ballistic limit.
    sound_speed : float [m/s] or None
        Speed of sound in the material, for the ballistic limit.
    """

    name: str
    description: str
    density: float
    source: str
    modulus: float | None = None
    poisson_ratio: float | None = None
    yield_strength: float | None = None
    ultimate_strength: float | None = None
    conductivity: float | None = None
    specific_heat: float | None = None
    brinell_hardness: float | None = None
    sound_speed: float | None = None

    def __post_init__(self) -> None:
        where = f"MATERIALS[{self.name!r}]"
        for fname in _PROPERTIES:
            v = getattr(self, fname)
            if fname == "density" or v is not None:
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
                    raise ValueError(f"{where}.{fname} = {v!r}: must be a positive finite number")
                object.__setattr__(self, fname, float(v))
        if self.poisson_ratio is not None and not 0.0 < self.poisson_ratio < 0.5:
            raise ValueError(f"{where}.poisson_ratio = {self.poisson_ratio!r}: must be in (0, 0.5)")
        if not self.source:
            raise ValueError(f"{where}: every row needs a source")

    def require(self, fname: str, field: str = "material") -> float:
        """The property ``fname`` as a float; ValueError naming ``field`` and this row where the row lacks it."""
        v = getattr(self, fname)
        if v is None:
            have = ", ".join(k for k in _PROPERTIES if getattr(self, k) is not None)
            raise ValueError(f"{field} = {self.name!r}: the materials table gives no {fname} for it (it gives "
                             f"{have}); choose another material")
        return v


def _rows(*rows: Material) -> dict[str, Material]:
    return {m.name: m for m in rows}


#: The materials table: name -> :class:`Material`, every figure with its source.
MATERIALS: dict[str, Material] = _rows(
    Material(
        name="al6061-t6", description="Aluminium 6061-T6 sheet and plate (face sheets, manifolds, lines, shells)",
        density=0.098 * _LB_IN3, modulus=9.9e3 * _KSI, poisson_ratio=0.33,
        yield_strength=276e6, ultimate_strength=310e6, conductivity=167.0, specific_heat=896.0,
        brinell_hardness=95.0, sound_speed=5100.0,
        source=(f"w = 0.098 lb/in^3 (2713 kg/m^3), E = 9.9 x 10^3 ksi (68.3 GPa), Poisson's ratio 0.33: {_MIL5}, "
                f"6061-T6 sheet and plate; yield 276 MPa, ultimate 310 MPa, conductivity 167 W/(m K), specific "
                f"heat 896 J/(kg K): {_ASM} (typical strengths: design allowables are lower, MMPDS A/B-basis); "
                "Brinell hardness 95 and sound speed 5.1 km/s: the 6061-T6 constants of the Christiansen "
                "single-wall ballistic limit (NASA JSC-17763; Christiansen 1993)")),
    Material(
        name="al7075-t6", description="Aluminium 7075-T6 sheet and plate (primary structure)",
        density=0.101 * _LB_IN3, modulus=10.3e3 * _KSI, poisson_ratio=0.33,
        yield_strength=448e6, ultimate_strength=524e6, conductivity=130.0, specific_heat=960.0,
        brinell_hardness=150.0,
        source=(f"w = 0.101 lb/in^3 (2796 kg/m^3), E = 10.3 x 10^3 ksi (71.0 GPa), Poisson's ratio 0.33: {_MIL5}, "
                "7075-T6 sheet and plate; yield 448 MPa and ultimate 524 MPa: Wertz & Larson, SMAD 3rd ed. "
                f"(1999), sec. 11.6 cylinder example (2nd-hand); conductivity 130 W/(m K), specific heat "
                f"960 J/(kg K), Brinell hardness 150: {_ASM}")),
    Material(
        name="al5052-h38", description="Aluminium 5052-H38 sheet and foil (also the usual honeycomb foil alloy)",
        density=0.097 * _LB_IN3, modulus=70.3e9, conductivity=138.0,
        source=f"w = 0.097 lb/in^3 (2685 kg/m^3): {_MIL5}, 5052; E 70.3 GPa and conductivity 138 W/(m K): {_ASM}"),
    Material(
        name="al1100-h14", description="Aluminium 1100-H14 (commercially pure), a high-conductivity face sheet",
        density=2710.0, modulus=68.9e9, conductivity=218.0,
        source=f"density 2.71 g/cm^3, E 68.9 GPa and conductivity 218 W/(m K): {_ASM}"),
    Material(
        name="al6063-t5", description="Aluminium 6063-T5 extrusion (heat-pipe profiles)",
        density=2700.0, modulus=68.9e9, conductivity=209.0,
        source=f"density 2.70 g/cm^3, E 68.9 GPa, conductivity 209 W/(m K): {_ASM}"),
    Material(
        name="ti-6al-4v", description="Titanium Ti-6Al-4V, annealed (hinges, fittings)",
        density=4430.0, modulus=113.8e9,
        source=("density 4.43 g/cm^3 and E 113.8 GPa: ASM Aerospace Specification Metals, Ti-6Al-4V (Grade 5), "
                "annealed, data sheet")),
    Material(
        name="copper-c10100", description="Oxygen-free copper C10100", density=8940.0, modulus=115e9,
        conductivity=391.0,
        source=("density 8.94 g/cm^3, E 115 GPa and conductivity 391 W/(m K) at 20 C: ASM Handbook Vol. 2 (1990), "
                "Properties of Wrought Coppers and Copper Alloys, C10100 (via MatWeb; 2nd-hand)")),
    Material(
        name="cfrp-k13c2u-qi",
        description=("Quasi-isotropic laminate of pitch carbon fibre (Mitsubishi DIALEAD K13C2U class) in cyanate "
                     "ester, fibre volume fraction 0.60"),
        density=0.60 * 2200.0 + 0.40 * 1200.0, modulus=0.375 * (0.60 * 900e9 + 0.40 * 3.0e9),
        conductivity=0.5 * 0.60 * 620.0,
        source=("Estimate, not a measured laminate value, from the fibre's datasheet figures (Mitsubishi Chemical "
                "DIALEAD K13C2U: tensile modulus 900 GPa, conductivity 620 W/(m K), density 2.20 g/cm^3; "
                "2nd-hand) with a cyanate-ester resin of 1.2 g/cm^3 and 3.0 GPa, at V_f = 0.60: density "
                "V_f rho_f + (1 - V_f) rho_m; in-plane k = V_f k_f / 2 (half the fibres' conduction projects on "
                "any in-plane direction of a quasi-isotropic layup); in-plane E = (3/8) E_11 with "
                "E_11 = V_f E_f + (1 - V_f) E_m, the quasi-isotropic invariant E = 3/8 E_11 + 5/8 E_22 (Tsai & "
                "Pagano, 1968) with the matrix-dominated E_22 left out (conservative). Check against the "
                "laminate you fly.")),
    Material(
        name="cfrp-im7-qi",
        description=("Quasi-isotropic laminate of PAN carbon fibre (Hexcel HexTow IM7) in epoxy, fibre volume "
                     "fraction 0.60"),
        density=0.60 * 1780.0 + 0.40 * 1200.0, modulus=0.375 * (0.60 * 276e9 + 0.40 * 3.0e9),
        conductivity=0.5 * 0.60 * 5.4 + 0.40 * 0.2,
        source=("Estimate from the fibre's datasheet figures (Hexcel HexTow IM7 product data sheet: tensile "
                "modulus 276 GPa, density 1.78 g/cm^3, conductivity 5.4 W/(m K); 2nd-hand) with an epoxy of "
                "1.2 g/cm^3, 3.0 GPa and 0.2 W/(m K), at V_f = 0.60: density and E as for cfrp-k13c2u-qi; "
                "in-plane k = V_f k_f / 2 + (1 - V_f) k_m. Shows why PAN-fibre face sheets need a doubler or "
                "pitch fibres.")),
    Material(
        name="hexweb-5052-3.1pcf", description="Aluminium 5052 hexagonal honeycomb core, 3.1 lb/ft^3",
        density=3.1 * _LB_FT3,
        source=("Hexcel HexWeb honeycomb attributes and properties (product data): CR III 1/8-5052-.001 nominal "
                "density 3.1 lb/ft^3 (49.7 kg/m^3; the designation gives the density)")),
)


def material(name: str | Material, field: str = "material") -> Material:
    """The :class:`Material` called ``name`` (case-insensitive; a Material passes through).

    An unknown name raises ValueError naming ``field``, the value and the known materials.
    """
    if isinstance(name, Material):
        return name
    key = name.strip().lower() if isinstance(name, str) else None
    if key not in MATERIALS:
        raise ValueError(f"{field} = {name!r}: unknown material; known materials: {', '.join(MATERIALS)}")
    return MATERIALS[key]
