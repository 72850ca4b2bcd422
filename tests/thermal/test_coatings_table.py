"""Coating table (thermal.coatings) against the values quoted from its sources."""

import numpy as np
import pint
import pytest

from spacedc.units import u
from spacedc.thermal.coatings import COATINGS, Coating, coating, coating_alpha

# Quoted from the sources (alpha_bol, eps, degraded alpha or None):
# Fortescue, Spacecraft Systems Engineering 4th ed. (2011), Table 11.3:
#   "Silver coated FEP (SSM) 0.08 0.78"; "White paint (silicate) 0.12 0.90, after 1000 hours UV radiation 0.14 0.90";
#   "White paint (silicone) 0.26 0.83, after 1000 hours UV radiation 0.29 0.83"; "Black paint (polyurethane)
#   0.95 0.90"; "Black paint (epoxy) 0.95 0.85"; "Aluminized kapton (kapton outside) 0.40 0.63".
# Gilmore, Spacecraft Thermal Control Handbook Vol. 1 (2002), App. A:
#   "Optical solar reflector (OSR), silvered fused silica (quartz) 0.07 0.80".
# Silver Teflon 0.09/0.79, as attributed to Gilmore Vol. 1 App. A (2nd-hand).
QUOTED = {
    "osr": (0.07, 0.80, None),
    "silvered_fep": (0.08, 0.78, None),
    "silver_teflon": (0.09, 0.79, None),
    "white_silicate_paint": (0.12, 0.90, 0.14),
    "white_silicone_paint": (0.26, 0.83, 0.29),
    "black_polyurethane_paint": (0.95, 0.90, None),
    "black_epoxy_paint": (0.95, 0.85, None),
    "aluminized_kapton": (0.40, 0.63, None),
}


def test_table_holds_exactly_the_quoted_rows():
    assert set(COATINGS) == set(QUOTED)


@pytest.mark.parametrize("name", sorted(QUOTED))
def test_values_equal_the_source(name):
    alpha, eps, degraded = QUOTED[name]
    c = coating(name)
    assert isinstance(c, Coating)
    assert (c.alpha_bol, c.eps, c.alpha_eol) == (alpha, eps, degraded)
    assert c.source and c.description
    if degraded is not None:
        assert c.eol_years == pytest.approx(1000 / 8766)  # 1000 equivalent sun hours, continuous sunlight


def test_bol_absorptance_at_zero_exposure():
    for name in QUOTED:
        assert coating_alpha(name, "0 year") == QUOTED[name][0]


def test_white_paint_degrades_to_the_quoted_uv_value_and_holds():
    """Fortescue Table 11.3: silicate white paint 0.12 -> 0.14 after 1000 h of UV (1000 h = 0.114 yr of sun)."""
    assert coating_alpha("white_silicate_paint", 500 * u.hour) == pytest.approx(0.13, abs=1e-12)
    assert coating_alpha("white_silicate_paint", 1000 * u.hour) == pytest.approx(0.14, abs=1e-12)
    assert coating_alpha("white_silicate_paint", "15 year") == pytest.approx(0.14, abs=1e-12)


def test_eol_not_below_bol_and_monotone():
    years = np.linspace(0, 20, 41) * u.year
    for name, (alpha, _, degraded) in QUOTED.items():
        kw = {} if degraded is not None else dict(alpha_eol=min(alpha + 0.1, 1.0), eol_years="10 year")
        a = coating_alpha(name, years, **kw)
        assert np.all(a >= alpha) and np.all(np.diff(a) >= 0) and np.all(a <= 1)


def test_mission_data_override():
    """Linear rise to a user-given degraded value: OSR 0.07 -> 0.15 over 10 years gives 0.11 at 5 years."""
    assert coating_alpha("osr", "5 year", alpha_eol=0.15, eol_years="10 year") == pytest.approx(0.11, abs=1e-12)
    assert coating_alpha("osr", "20 year", alpha_eol=0.15, eol_years="10 year") == pytest.approx(0.15, abs=1e-12)


def test_scalar_list_array_agree():
    arr = coating_alpha("white_silicone_paint", np.array([0.0, 0.05, 1.0]) * u.year)
    lst = coating_alpha("white_silicone_paint", ["0 year", "0.05 year", "1 year"])
    scal = [coating_alpha("white_silicone_paint", f"{y} year") for y in (0.0, 0.05, 1.0)]
    assert isinstance(scal[0], float)
    assert np.array_equal(arr, lst) and np.array_equal(arr, scal)


def test_unknown_name_lists_known_names():
    with pytest.raises(ValueError, match="unknown.*osr.*white_silicate_paint"):
        coating("unobtainium")
    with pytest.raises(ValueError, match="unobtainium"):
        coating_alpha("unobtainium", "1 year")


def test_bad_inputs():
    with pytest.raises(ValueError, match="no degraded absorptance"):
        coating_alpha("osr", "5 year")
    with pytest.raises(ValueError, match="together"):
        coating_alpha("osr", "5 year", alpha_eol=0.2)
    with pytest.raises(ValueError, match="alpha_eol"):
        coating_alpha("osr", "5 year", alpha_eol=0.05, eol_years="10 year")
    with pytest.raises(ValueError, match="years"):
        coating_alpha("white_silicate_paint", "-1 year")
    with pytest.raises(TypeError, match="years"):
        coating_alpha("white_silicate_paint", 5)
    with pytest.raises(pint.DimensionalityError, match="years"):
        coating_alpha("white_silicate_paint", "5 m")
    with pytest.raises(ValueError, match="eps"):
        Coating(name="x", alpha_bol=0.1, eps=1.5, alpha_eol=None, eol_years=None, description="", source="")
