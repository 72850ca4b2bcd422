"""The one materials table (spacedc.materials) against the handbook and datasheet figures each row cites, and
its users reading it rather than copies of their own."""

import pytest

from spacedc import materials, structure, thermal
from spacedc.materials import MATERIALS, material

LB_IN3 = 0.45359237 / 0.0254 ** 3  # kg/m^3 in 1 lb/in^3 (international pound and inch)
LB_FT3 = 0.45359237 / 0.3048 ** 3
KSI = 1000 * 0.45359237 * 9.80665 / 0.0254 ** 2  # Pa in 1 ksi


@pytest.mark.parametrize("name, w_lb_in3, e_ksi", [
    ("al6061-t6", 0.098, 9.9e3),   # MIL-HDBK-5J / MMPDS-01, 6061-T6 sheet and plate
    ("al7075-t6", 0.101, 10.3e3),  # MIL-HDBK-5J / MMPDS-01, 7075-T6 sheet and plate
    ("al5052-h38", 0.097, None),   # MIL-HDBK-5J / MMPDS-01, 5052
])
def test_aluminium_density_and_modulus_are_mil_hdbk_5j(name, w_lb_in3, e_ksi):
    """Density w in lb/in^3 and E in ksi as the handbook prints them, converted here by hand."""
    m = material(name)
    assert m.density == pytest.approx(w_lb_in3 * LB_IN3, rel=1e-12)
    if e_ksi is not None:
        assert m.modulus == pytest.approx(e_ksi * KSI, rel=1e-12)
        assert m.poisson_ratio == 0.33
    assert "MIL-HDBK-5J" in m.source


def test_the_three_old_tables_now_agree_because_there_is_one():
    """7075-T6 was 2800 (structure) or 2810 (thermal) kg/m^3 and 6061-T6 2700 (CAD) or 2713: now 0.101 and
    0.098 lb/in^3 = 2796 and 2713 kg/m^3 wherever they are read."""
    assert round(material("al7075-t6").density) == 2796
    assert round(material("al6061-t6").density) == 2713
    assert thermal.MATERIALS is MATERIALS and structure.MATERIALS is MATERIALS
    assert thermal.material("AL6061-T6") is structure.material("al6061-t6") is MATERIALS["al6061-t6"]
    from spacedc.designs import cad
    assert cad.DENSITIES["face_sheet"][0] == MATERIALS["al6061-t6"].density
    assert cad.DENSITIES["hinge"][0] == MATERIALS["ti-6al-4v"].density


def test_typical_thermal_and_strength_figures_as_cited():
    """ASM Handbook Vol. 2 typical values: 6061-T6 167 W/(m K), 896 J/(kg K), 310/276 MPa; 7075-T6 130 W/(m K);
    1100-H14 218 W/(m K); 7075-T6 strengths 524/448 MPa as in SMAD's sec. 11.6 example; the HexWeb
    3.1 lb/ft^3 core; Ti-6Al-4V 4.43 g/cm^3."""
    al6 = material("al6061-t6")
    assert (al6.conductivity, al6.specific_heat, al6.ultimate_strength, al6.yield_strength) == (
        167.0, 896.0, 310e6, 276e6)
    assert (al6.brinell_hardness, al6.sound_speed) == (95.0, 5100.0)
    al7 = material("al7075-t6")
    assert (al7.conductivity, al7.ultimate_strength, al7.yield_strength) == (130.0, 524e6, 448e6)
    assert material("al1100-h14").conductivity == 218.0
    assert material("hexweb-5052-3.1pcf").density == pytest.approx(3.1 * LB_FT3, rel=1e-12)
    assert material("ti-6al-4v").density == 4430.0


def test_laminate_estimates_follow_their_stated_rule_of_mixtures():
    """K13C2U (900 GPa, 620 W/(m K), 2.20 g/cm^3; Mitsubishi datasheet) in a 1.2 g/cm^3, 3 GPa resin at
    V_f = 0.6: rho = 0.6 x 2200 + 0.4 x 1200 = 1800; k = 0.6 x 620 / 2 = 186; E = 3/8 (0.6 x 900 + 0.4 x 3) GPa
    = 202.95 GPa (Tsai-Pagano invariant, E_22 left out)."""
    k13 = material("cfrp-k13c2u-qi")
    assert (k13.density, k13.conductivity) == pytest.approx((1800.0, 186.0))
    assert k13.modulus == pytest.approx(202.95e9)
    im7 = material("cfrp-im7-qi")
    assert im7.modulus == pytest.approx(0.375 * (0.6 * 276e9 + 0.4 * 3e9))
    assert "Estimate" in k13.source and "Estimate" in im7.source


def test_every_row_is_sourced_positive_and_frozen():
    for name, m in MATERIALS.items():
        assert m.name == name and m.source and m.description and m.density > 0
        for field in ("modulus", "conductivity", "specific_heat", "yield_strength", "ultimate_strength"):
            v = getattr(m, field)
            assert v is None or (isinstance(v, float) and v > 0)
    with pytest.raises(AttributeError):
        MATERIALS["al6061-t6"].density = 1.0


def test_unknown_or_missing_properties_name_the_field():
    with pytest.raises(ValueError, match=r"thermal\.face_sheet_material = 'unobtainium': unknown material.*al6061"):
        material("unobtainium", "thermal.face_sheet_material")
    with pytest.raises(ValueError, match=r"face_sheet_material = 'hexweb-5052-3\.1pcf'.*no conductivity"):
        thermal.PanelSpec(width="1 m", length="1 m", face_sheet_material="hexweb-5052-3.1pcf",
                          face_sheet_thickness="0.3 mm", core_density="50 kg/m^3", core_thickness="10 mm",
                          pipe_pitch="0.1 m", pipe_diameter="8 mm", pipe_wall_thickness="1 mm",
                          pipe_linear_mass="0.1 kg/m", pipe_transport_limit="100 W*m", emissivity=0.9,
                          absorptivity=0.1)
    with pytest.raises(ValueError, match="positive finite"):
        materials.Material(name="x", description="x", density=-1.0, source="x")
