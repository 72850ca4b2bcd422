"""The one materials table of spacedc: density, stiffness, strength and thermal properties, one source a row.

Thermal panels (face-sheet conductivity and density), structure (primary-structure stiffness and strength,
deployed-wing stiffness, the ballistic limit), geometry and CAD (densities) and the design chain all read
:data:`MATERIALS`; no other module keeps a density, a modulus or a conductivity of its own. The core holds it
because it is the one layer that every package may import.

Values are SI floats: density [kg/m^3], modulus [Pa], strengths [Pa], conductivity [W/(m K)], specific heat
[J/(kg K)], coefficient of thermal expansion [1/K], sound speed [m/s]. A property the row's source does not
give is ``None``; a user that needs it says so by name (:meth:`Material.require`).

Aluminium alloys take every figure from one handbook, MIL-HDBK-5J (2003; its successor MMPDS-01 carries the
same figures): the physical-property block of each alloy's design-properties table gives the density w
[lb/in^3], E [10^3 ksi], Poisson's ratio, K [Btu/(hr ft F)] and C [Btu/(lb F)] at room temperature, and
alpha [10^-6 in/(in F)] over 68-212 F; the strengths are the A-basis tensile allowables Ftu, Fty of sheet in
the longitudinal direction. Composites and cores are estimates from their makers' fibre and foil data, stated
as such in the row.

>>> m = material("al7075-t6")
>>> round(m.density), round(m.modulus / 1e9, 1)
(2796, 71.0)
"""

from __future__ import annotations

import dataclasses
import math

__all__ = ["Material", "MATERIALS", "material"]

# Conversions of the handbook's US customary units (exact by definition of the pound, inch, foot and Btu_IT).
_LB_IN3 = 0.45359237 / 0.0254**3  # 1 lb/in^3 in kg/m^3 (27679.9)
_KSI = 6894757.293168361  # 1 ksi in Pa
_BTU_HR_FT_F = 1055.05585262 / 3600.0 / 0.3048 / (5.0 / 9.0)  # 1 Btu/(hr ft F) in W/(m K) (1.7307)
_BTU_LB_F = 1055.05585262 / 0.45359237 / (5.0 / 9.0)  # 1 Btu/(lb F) in J/(kg K) (4186.8)
_PER_F = 9.0 / 5.0  # 1 /F in 1/K
_LB_FT3 = 0.45359237 / 0.3048**3  # 1 lb/ft^3 in kg/m^3 (16.018)

_FIELDS_SI = {"density": "kg/m^3", "modulus": "Pa", "yield_strength": "Pa", "ultimate_strength": "Pa",
              "conductivity": "W/(m K)", "specific_heat": "J/(kg K)", "cte": "1/K", "sound_speed": "m/s"}


@dataclasses.dataclass(frozen=True)
class Material:
    """One row of :data:`MATERIALS`, in SI floats; a property its source does not give is ``None``.

    Attributes
    ----------
    name : str
        The key in :data:`MATERIALS`.
    description : str
        What the row is (alloy and temper, product form, laminate).
    density : float [kg/m^3]
    source : str
        Where every figure of the row comes from (one source, or one estimate whose inputs are cited).
    modulus : float [Pa] or None
        Young's modulus in tension (in plane, for a laminate); None for a honeycomb core (cores carry shear,
        not bending).
    poisson_ratio : float or None
        In (0, 0.5), for shell buckling.
    yield_strength, ultimate_strength : float [Pa] or None
        Tensile allowables.
    conductivity : float [W/(m K)] or None
        Thermal conductivity at room temperature (in plane, for a laminate).
    specific_heat : float [J/(kg K)] or None
    cte : float [1/K] or None
        Mean coefficient of linear thermal expansion near room temperature.
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
    cte: float | None = None
    brinell_hardness: float | None = None
    sound_speed: float | None = None

    def __post_init__(self) -> None:
        where = f"MATERIALS[{self.name!r}]"
        for fname in ("density", "modulus", "yield_strength", "ultimate_strength", "conductivity", "specific_heat",
                      "cte", "brinell_hardness", "sound_speed"):
            v = getattr(self, fname)
            if fname == "density" or v is not None:
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
                    raise ValueError(f"{where}.{fname} = {v!r}: must be a positive finite float")
                object.__setattr__(self, fname, float(v))
        if self.poisson_ratio is not None and not 0.0 < self.poisson_ratio < 0.5:
            raise ValueError(f"{where}.poisson_ratio = {self.poisson_ratio!r}: must be in (0, 0.5)")
        if not self.source:
            raise ValueError(f"{where}: every row needs a source")

    def require(self, fname: str, field: str = "material") -> float:
        """The property ``fname`` as a float; ValueError naming ``field`` and this row when the row lacks it."""
        v = getattr(self, fname)
        if v is None:
            have = [k for k in _FIELDS_SI if getattr(self, k) is not None]
            raise ValueError(f"{field} = {self.name!r}: the materials table gives no {fname} for it (it gives "
                             f"{', '.join(have)}); choose a material that has one")
        return v


def _al(name: str, description: str, *, w: float, e: float, nu: float, k: float, c: float, alpha: float,
        ftu: float | None, fty: float | None, table: str, **extra: float) -> tuple[str, Material]:
    """An aluminium row from MIL-HDBK-5J figures in the handbook's units (lb/in^3, 10^3 ksi, ksi, Btu)."""
    source = (f"MIL-HDBK-5J (2003), {table}: w = {w} lb/in^3, E = {e} x 10^3 ksi, mu = {nu}, "
              f"K = {k} Btu/(hr ft F), C = {c} Btu/(lb F), alpha = {alpha} x 10^-6 in/(in F)"
              + (f", Ftu = {ftu} ksi, Fty = {fty} ksi (A-basis, L)" if ftu is not None else ""))
    extra_note = extra.pop("note", None)
    if extra_note:
        source += f"; {extra_note}"
    return name, Material(
        name=name, description=description, density=w * _LB_IN3, source=source, modulus=e * 1e3 * _KSI,
        poisson_ratio=nu, yield_strength=None if fty is None else fty * _KSI,
        ultimate_strength=None if ftu is None else ftu * _KSI, conductivity=k * _BTU_HR_FT_F,
        specific_heat=c * _BTU_LB_F, cte=alpha * 1e-6 * _PER_F, **extra)


#: The materials table: name -> :class:`Material`, each row with its source.
MATERIALS: dict[str, Material] = dict([
    _al("al6061-t6", "Aluminium 6061-T6 sheet and plate (face sheets, manifolds, shells)",
        w=0.098, e=9.9, nu=0.33, k=96.5, c=0.23, alpha=13.0, ftu=42.0, fty=36.0,
        table="Table 3.6.2.0(b), 6061-T6 sheet",
        brinell_hardness=95.0, sound_speed=5100.0,
        note=("Brinell hardness 95 and sound speed 5.1 km/s: the 6061-T6 constants of the Christiansen "
              "single-wall ballistic limit (Christiansen, NASA/TM-2009-214785, 2009)")),
    _al("al7075-t6", "Aluminium 7075-T6 sheet (primary structure)",
        w=0.101, e=10.3, nu=0.33, k=75.0, c=0.23, alpha=12.9, ftu=78.0, fty=69.0,
        table="Table 3.7.6.0(b1), 7075-T6 sheet"),
    _al("al5052-h38", "Aluminium 5052-H38 sheet and foil (also the usual honeycomb foil alloy)",
        w=0.097, e=10.2, nu=0.33, k=80.0, c=0.23, alpha=13.2, ftu=None, fty=None,
        table="Table 3.5.?.0, 5052 physical properties"),
    _al("al6063-t5", "Aluminium 6063-T5 extrusion (heat-pipe profiles)",
        w=0.097, e=10.0, nu=0.33, k=121.0, c=0.23, alpha=13.0, ftu=None, fty=None,
        table="6063 physical properties"),
    _al("al1100-h14", "Aluminium 1100-H14 (commercially pure), high-conductivity face sheet",
        w=0.098, e=10.0, nu=0.33, k=126.0, c=0.23, alpha=13.1, ftu=None, fty=None,
        table="1100 physical properties"),
    ("ti-6al-4v", Material(
        name="ti-6al-4v", description="Titanium Ti-6Al-4V, annealed (hinges, fittings)",
        density=0.160 * _LB_IN3, modulus=16.0e3 * _KSI, poisson_ratio=0.31, ultimate_strength=130.0 * _KSI,
        yield_strength=120.0 * _KSI, conductivity=4.2 * _BTU_HR_FT_F, specific_heat=0.135 * _BTU_LB_F,
        cte=5.0e-6 * _PER_F,
        source=("MIL-HDBK-5J (2003), Table 5.4.1.0(b), Ti-6Al-4V annealed sheet: w = 0.160 lb/in^3, "
                "E = 16.0 x 10^3 ksi, mu = 0.31, Ftu = 130 ksi, Fty = 120 ksi (A-basis), K = 4.2 Btu/(hr ft F), "
                "C = 0.135 Btu/(lb F), alpha = 5.0 x 10^-6 in/(in F)"))),
    ("cfrp-k13c2u-qi", Material(
        name="cfrp-k13c2u-qi",
        description=("Quasi-isotropic laminate of pitch carbon fibre (Mitsubishi DIALEAD K13C2U class) in cyanate "
                     "ester, fibre volume fraction 0.60"),
        density=0.60 * 2200.0 + 0.40 * 1200.0, modulus=0.375 * (0.60 * 900e9 + 0.40 * 3.0e9),
        conductivity=0.5 * 0.60 * 620.0,
        source=("Estimate, not a measured laminate value, from the fibre's datasheet figures (Mitsubishi Chemical "
                "DIALEAD K13C2U: tensile modulus 900 GPa, conductivity 620 W/(m K), density 2.20 g/cm^3) and a "
                "cyanate-ester resin of 1.2 g/cm^3 and 3.0 GPa, at V_f = 0.60: density V_f rho_f + (1 - V_f) "
                "rho_m; in-plane k = V_f k_f / 2 (half the fibres' conduction projects on any in-plane "
                "direction of a quasi-isotropic layup); in-plane E = (3/8) E_11, E_11 = V_f E_f + (1 - V_f) E_m "
                "(the quasi-isotropic invariant E = 3/8 E_11 + 5/8 E_22 of Tsai & Pagano, 1968, with the "
                "matrix-dominated E_22 neglected; conservative). Check against the laminate you fly."))),
    ("cfrp-im7-qi", Material(
        name="cfrp-im7-qi",
        description="Quasi-isotropic laminate of PAN carbon fibre (Hexcel HexTow IM7) in epoxy, fibre volume "
                    "fraction 0.60",
        density=0.60 * 1780.0 + 0.40 * 1200.0, modulus=0.375 * (0.60 * 276e9 + 0.40 * 3.0e9),
        conductivity=0.5 * 0.60 * 5.4 + 0.40 * 0.2,
        source=("Estimate from the fibre's datasheet figures (Hexcel HexTow IM7 product data sheet: tensile "
                "modulus 276 GPa, density 1.78 g/cm^3, conductivity 5.4 W/(m K)) and an epoxy of 1.2 g/cm^3, "
                "3.0 GPa and 0.2 W/(m K), at V_f = 0.60: density and E as for cfrp-k13c2u-qi; in-plane "
                "k = V_f k_f / 2 + (1 - V_f) k_m. Shows why PAN-fibre face sheets need a doubler or pitch "
                "fibres."))),
    ("copper-c10100", Material(
        name="copper-c10100", description="Oxygen-free copper C10100", density=8940.0, conductivity=391.0,
        source=("ASM Handbook Vol. 2 (1990), 'Properties of Wrought Coppers and Copper Alloys', C10100: density "
                "8.94 g/cm^3, conductivity 391 W/(m K) at 20 C"))),
    ("hexweb-5052-3.1pcf", Material(
        name="hexweb-5052-3.1pcf", description="Aluminium 5052 hexagonal honeycomb core, 3.1 lb/ft^3",
        density=3.1 * _LB_FT3,
        source=("Hexcel HexWeb honeycomb attributes and properties (product data): 3.1-1/8-5052-.001 nominal "
                "density 3.1 lb/ft^3 (the designation gives the density)"))),
])


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
