"""The shipped debris flux table, orbit.CNES_FLUX_TABLE, against the figures of its source.

[CNES-DebrisRisks] Table 2 ("Annual probability of collision according to the size of the projectile", CNES
page debris-spatiaux.cnes.fr/en/risks) gives, for one year, the probability P of a collision with particles
larger than 0.1 mm, 1 mm, 1 cm and 10 cm:

    Station Spatiale (h=400Km, S=500m2)   1   9,33E-01   2,21E-02   7,17E-04
    Spot (h=800Km, S=20m2)                1   2,46E-01   5,53E-03   2,76E-04
    Constellation (h=1500Km, S=16m2)      1   1,10E-01   1,70E-03   7,76E-05
    GEO (h=36000Km, S=30m2)               1   1,49E-03   9,39E-06   3,31E-07

The page states no model, epoch or inclination. The table's flux must give back these probabilities through
the Poisson law of orbit.lethal_impact_probability, P = 1 - exp(-F S t), with t = 1 year. The source has no
point between its altitudes to hold out, so the interpolation is checked for its form (log-linear, monotone
between nodes) and against a hand calculation from the page's own figures.
"""

import math
import re
from pathlib import Path

import numpy as np
import pytest

from spacedc import orbit
from spacedc.orbit.debris_data import CNES_ANNUAL_COLLISION_PROBABILITY, CNES_SIZES
from spacedc.units import Q_

_T = orbit.CNES_FLUX_TABLE
_F = orbit.FLUX_UNIT

#: [CNES-DebrisRisks] Table 2, as printed (decimal commas read as points): (h [km], S [m^2]) -> P by size.
_PAGE = {
    (400.0, 500.0): {"1 mm": 9.33e-01, "1 cm": 2.21e-02, "10 cm": 7.17e-04},
    (800.0, 20.0): {"1 mm": 2.46e-01, "1 cm": 5.53e-03, "10 cm": 2.76e-04},
    (1500.0, 16.0): {"1 mm": 1.10e-01, "1 cm": 1.70e-03, "10 cm": 7.76e-05},
}


def _flux(h, size):
    return orbit.debris_flux(Q_(h, "km"), "53 deg", _T, size=size).m_as(_F)


def test_the_transcription_matches_the_page():
    """Every printed figure of Table 2, including the saturated 0.1 mm column and the GEO row."""
    rows = {(r.altitude_km, r.area_m2): r.probability for r in CNES_ANNUAL_COLLISION_PROBABILITY}
    assert CNES_SIZES == ("0.1 mm", "1 mm", "1 cm", "10 cm")
    assert rows[(36000.0, 30.0)] == (1.0, 1.49e-03, 9.39e-06, 3.31e-07)
    for key, by_size in _PAGE.items():
        assert rows[key] == (1.0, by_size["1 mm"], by_size["1 cm"], by_size["10 cm"])
    refs = (Path(__file__).resolve().parents[2] / "docs/references.md").read_text(encoding="utf-8")
    assert all(re.search(rf"^- \*\*\[{r.source}\]\*\*", refs, flags=re.M) for r in CNES_ANNUAL_COLLISION_PROBABILITY)


@pytest.mark.parametrize("h, area, size", [(h, a, s) for (h, a), row in _PAGE.items() for s in row])
def test_table_gives_back_the_pages_annual_probability(h, area, size):
    """At each tabulated altitude and size, P = 1 - exp(-F S * 1 year) is the page's figure (exactly, to
    floating point: the table is the inverse of that law at its nodes)."""
    p = orbit.lethal_impact_probability(orbit.debris_flux(Q_(h, "km"), "0 deg", _T, size=size),
                                        Q_(area, "m^2"), "1 year")
    assert p.m == pytest.approx(_PAGE[(h, area)][size], rel=1e-12)


def test_flux_at_the_nodes_by_hand():
    """F = -ln(1 - P) / S, worked by hand from the page: 1 cm at 400 km, -ln(1 - 0.0221) / 500 = 4.4696e-5;
    1 cm at 800 km, -ln(1 - 0.00553) / 20 = 2.7727e-4; 10 cm at 1500 km, -ln(1 - 7.76e-5) / 16 = 4.8502e-6;
    1 mm at 400 km, -ln(1 - 0.933) / 500 = 2.7031 / 500 = 5.4061e-3 (here the Poisson inversion matters:
    P / S would give 1.87e-3)."""
    assert _flux(400, "1 cm") == pytest.approx(4.4696e-5, rel=1e-4)
    assert _flux(800, "1 cm") == pytest.approx(2.7727e-4, rel=1e-4)
    assert _flux(1500, "10 cm") == pytest.approx(4.8502e-6, rel=1e-4)
    assert _flux(400, "1 mm") == pytest.approx(5.4061e-3, rel=1e-4)


def test_interpolation_is_log_linear_between_nodes():
    """550 km is 3/8 of the way from 400 to 800 km: log10 F = log10 F(400) + 3/8 (log10 F(800) - log10 F(400)).
    By hand from the page, 1 cm: 10^(-4.34973 + 0.375 * 0.79263) = 8.8614e-5. The midpoint of two nodes is
    their geometric mean."""
    assert _flux(550, "1 cm") == pytest.approx(8.8614e-5, rel=1e-4)
    for size in ("1 mm", "1 cm", "10 cm"):
        for lo, hi in ((400, 800), (800, 1500)):
            mid = _flux((lo + hi) / 2, size)
            assert mid == pytest.approx(math.sqrt(_flux(lo, size) * _flux(hi, size)), rel=1e-12)


@pytest.mark.parametrize("size", ["1 mm", "1 cm", "10 cm"])
@pytest.mark.parametrize("lo, hi", [(400, 800), (800, 1500)])
def test_interpolation_is_monotone_between_nodes(size, lo, hi):
    """Between two nodes the flux runs monotonically from one node's value to the other's (log-linear), never
    overshooting either: rising from 400 to 800 km, falling from 800 to 1500 km for every size on the page."""
    h = np.linspace(lo, hi, 41)
    f = orbit.debris_flux(Q_(h, "km"), "98 deg", _T, size=size).m_as(_F)
    steps = np.diff(f)
    assert np.all(steps > 0) if lo == 400 else np.all(steps < 0)
    assert f.min() == pytest.approx(min(f[0], f[-1]), rel=1e-12)
    assert f.max() == pytest.approx(max(f[0], f[-1]), rel=1e-12)


def test_larger_debris_is_rarer_at_every_altitude():
    """The page's columns fall with size in every row; so does the table's flux, between the nodes too."""
    h = Q_(np.linspace(400, 1500, 23), "km")
    f = [orbit.debris_flux(h, "51.6 deg", _T, size=s).m_as(_F) for s in ("1 mm", "1 cm", "10 cm")]
    assert np.all(f[0] > f[1]) and np.all(f[1] > f[2])


def test_range_sizes_and_inclination_of_the_shipped_table():
    """400-1500 km (the GEO row is not interpolated across MEO), sizes 1 mm, 1 cm and 10 cm (the 0.1 mm column
    is saturated at P = 1), every inclination (the page gives none); outside, a point is flagged, not
    extrapolated."""
    assert orbit.debris_flux("400 km", "0 deg", _T) > 0
    with pytest.raises(ValueError, match="altitude"):
        orbit.debris_flux("350 km", "53 deg", _T)
    with pytest.raises(ValueError, match="size"):
        orbit.debris_flux("500 km", "53 deg", _T, size="0.1 mm")
    r = orbit.debris_flux_checked(["550 km", "1000 km", "1600 km"], "99 deg", _T)
    assert r.valid.tolist() == [True, True, False]
    assert "400-1500 km" in r.reasons[2]
    assert "CNES-DebrisRisks" in _T.source


def test_impact_risk_with_the_shipped_table_reproduces_the_station_row():
    """impact_risk on the page's space station (400 km, 500 m^2, one year, 1 cm) gives its 2.21E-02."""
    r = orbit.impact_risk("400 km", "51.6 deg", table=_T, bus_area="500 m^2", wing_area="0 m^2",
                          duration="1 year", size="1 cm")
    assert r.valid and r.probability_bus.m == pytest.approx(2.21e-02, rel=1e-12)
