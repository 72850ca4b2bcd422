"""Tests of orbit.debris: the flux table, the impact probability, the bus/wing risk and the re-entry note.

No ORDEM/MASTER table ships with spacedc (orbit/debris.py says why), so the flux tests use a table built
here and check the interpolation against hand derivations: at a tabulated altitude the table's value; between
two altitudes, log-linear interpolation, so that the midpoint gets the geometric mean sqrt(F1 F2) and the
point at a fraction x gets F1 (F2/F1)^x.
"""

import math

import numpy as np
import pint
import pytest

from spacedc import orbit
from spacedc.orbit.debris import FLUX_UNIT, DebrisFluxTable
from spacedc.units import Q_


def table(**kw):
    args = dict(altitude=Q_([400.0, 600.0, 800.0, 1000.0], "km"),
                flux={"1 cm": Q_([2e-6, 8e-6, 4e-5, 2e-5], FLUX_UNIT),
                      "1 mm": Q_([1e-3, 3e-3, 1e-2, 6e-3], FLUX_UNIT)},
                inclination=("40 deg", "100 deg"), source="test table, not a model",
                meteoroid_flux={"1 cm": Q_(1e-7, FLUX_UNIT)})
    args.update(kw)
    return DebrisFluxTable(**args)


def test_flux_at_tabulated_altitudes_is_the_table_value():
    f = orbit.debris_flux(Q_([400.0, 600.0, 800.0, 1000.0], "km"), "53 deg", table()).m_as(FLUX_UNIT)
    np.testing.assert_allclose(f, [2e-6, 8e-6, 4e-5, 2e-5], rtol=1e-12)
    f = orbit.debris_flux("800 km", "98 deg", table(), size="10 mm").m_as(FLUX_UNIT)  # 10 mm is 1 cm
    assert f == pytest.approx(4e-5, rel=1e-12)


def test_flux_between_altitudes_is_log_linear():
    # Hand derivation: midpoint of 400/600 km -> sqrt(2e-6 * 8e-6) = 4e-6; 650 km (x = 1/4 of 600-800 km)
    # -> 8e-6 * 5**0.25; the 1 mm column at 900 km -> sqrt(1e-2 * 6e-3).
    f = orbit.debris_flux(Q_([500.0, 650.0], "km"), "53 deg", table()).m_as(FLUX_UNIT)
    np.testing.assert_allclose(f, [4e-6, 8e-6 * 5 ** 0.25], rtol=1e-12)
    assert orbit.debris_flux("900 km", "53 deg", table(), size="1 mm").m_as(FLUX_UNIT) == pytest.approx(
        math.sqrt(6e-5), rel=1e-12)


def test_flux_outside_the_table_raises_naming_the_parameter():
    with pytest.raises(ValueError, match="altitude"):
        orbit.debris_flux("350 km", "53 deg", table())
    with pytest.raises(ValueError, match="inclination"):
        orbit.debris_flux("500 km", "30 deg", table())
    with pytest.raises(ValueError, match="size"):
        orbit.debris_flux("500 km", "53 deg", table(), size="10 cm")


def test_checked_flux_flags_each_point_alone():
    r = orbit.debris_flux_checked(Q_([350.0, 500.0, 1200.0], "km"), Q_([53.0, 53.0, 30.0], "deg"), table())
    assert r.valid.tolist() == [False, True, False]
    assert r.reasons[0] == "altitude outside the debris flux table's range 400-1000 km"
    assert r.reasons[1] == ""
    assert "inclination" in r.reasons[2] and "altitude" in r.reasons[2]
    # The invalid points show the nearest tabulated flux; the valid one is unchanged by its neighbours.
    np.testing.assert_allclose(r.flux.m_as(FLUX_UNIT), [2e-6, 4e-6, 2e-5], rtol=1e-12)
    alone = orbit.debris_flux_checked("500 km", "53 deg", table())
    assert alone.valid is True and alone.flux.m_as(FLUX_UNIT) == pytest.approx(4e-6, rel=1e-12)


def test_probability_against_hand_calculation():
    # F A t = 1e-5 * 10 * 5 = 5e-4; P = 1 - exp(-5e-4) = 4.99875021e-4 (series: x - x^2/2 + x^3/6).
    p = orbit.lethal_impact_probability("1e-5 / m^2 / year", "10 m^2", "5 year").m_as("")
    assert p == pytest.approx(5e-4 - 1.25e-7 + 2.0833e-11, rel=1e-9)
    # F A t = 1 -> 1 - 1/e.
    p = orbit.lethal_impact_probability("0.1 / m^2 / year", "1 m^2", "10 year").m_as("")
    assert p == pytest.approx(1.0 - math.exp(-1.0), rel=1e-12)
    assert orbit.lethal_impact_probability("1e-5 / m^2 / year", "0 m^2", "5 year").m_as("") == 0.0


def test_impact_risk_bus_and_wings():
    # 500 km: debris 4e-6 plus meteoroids 1e-7 = 4.1e-6 /m^2/yr. Bus 5 m^2, wings 200 m^2, 7 years:
    # N_bus = 4.1e-6*5*7 = 1.435e-4, N_wings = 4.1e-6*200*7 = 5.74e-3.
    r = orbit.impact_risk("500 km", "53 deg", table=table(), bus_area="5 m^2", wing_area="200 m^2",
                          duration="7 year")
    assert r.valid is True and r.reasons == ""
    assert r.flux.m_as(FLUX_UNIT) == pytest.approx(4.1e-6, rel=1e-12)
    assert r.expected_bus.m_as("") == pytest.approx(1.435e-4, rel=1e-12)
    assert r.expected_wings.m_as("") == pytest.approx(5.74e-3, rel=1e-12)
    assert r.expected_total.m_as("") == pytest.approx(1.435e-4 + 5.74e-3, rel=1e-12)
    assert r.probability_bus.m_as("") == pytest.approx(1 - math.exp(-1.435e-4), rel=1e-12)
    assert r.probability_wings.m_as("") == pytest.approx(1 - math.exp(-5.74e-3), rel=1e-12)
    assert r.probability_any.m_as("") == pytest.approx(1 - math.exp(-(1.435e-4 + 5.74e-3)), rel=1e-12)
    # Without a meteoroid flux for the size, only debris (1 mm column at 500 km: sqrt(3e-6)).
    r = orbit.impact_risk("500 km", "53 deg", table=table(), bus_area="1 m^2", wing_area="0 m^2",
                          duration="1 year", size="1 mm")
    assert r.flux.m_as(FLUX_UNIT) == pytest.approx(math.sqrt(3e-6), rel=1e-12)
    d = r.to_dict()
    assert "probability_bus_dimensionless" in d or any(k.startswith("probability_bus") for k in d)


def test_vectorized_1e5_points():
    n = 100_000
    h = Q_(np.linspace(400.0, 1100.0, n), "km")
    r = orbit.impact_risk(h, "53 deg", table=table(), bus_area="5 m^2", wing_area=Q_(np.full(n, 50.0), "m^2"),
                          duration="5 year")
    assert r.probability_bus.shape == (n,)
    assert r.valid.sum() == np.count_nonzero(h.m <= 1000.0)
    k = n // 3
    one = orbit.impact_risk(h[k], "53 deg", table=table(), bus_area="5 m^2", wing_area="50 m^2",
                            duration="5 year")
    assert r.probability_bus.m[k] == pytest.approx(one.probability_bus.m, rel=1e-12)
    f = orbit.debris_flux(h[h.m <= 1000.0], Q_(np.full(np.count_nonzero(h.m <= 1000.0), 98.0), "deg"), table())
    assert np.all(np.isfinite(f.m)) and np.all(f.m > 0)


def test_bad_input():
    with pytest.raises(TypeError, match="altitude"):
        orbit.debris_flux(500.0, "53 deg", table())
    with pytest.raises(pint.DimensionalityError):
        orbit.debris_flux("500 kg", "53 deg", table())
    with pytest.raises(ValueError, match="duration"):
        orbit.lethal_impact_probability("1e-5 / m^2 / year", "10 m^2", "-1 year")
    with pytest.raises(ValueError, match="area"):
        orbit.lethal_impact_probability("1e-5 / m^2 / year", "-1 m^2", "1 year")
    with pytest.raises(ValueError, match="bus_area"):
        orbit.impact_risk("500 km", "53 deg", table=table(), bus_area="-1 m^2", wing_area="1 m^2",
                          duration="1 year")
    with pytest.raises(TypeError, match="table"):
        orbit.impact_risk("500 km", "53 deg", table={"1 cm": 1e-5}, bus_area="1 m^2", wing_area="1 m^2",
                          duration="1 year")
    with pytest.raises(ValueError, match="strictly increasing"):
        table(altitude=Q_([600.0, 400.0, 800.0, 1000.0], "km"))
    with pytest.raises(ValueError, match="table.flux"):
        table(flux={"1 cm": Q_([1e-6, 0.0, 1e-5, 1e-5], FLUX_UNIT)})
    with pytest.raises(ValueError, match="source"):
        table(source=" ")
    with pytest.raises(ValueError, match="inclination"):
        table(inclination=("100 deg", "40 deg"))


def test_reentry_note_states_the_limit_and_the_reason():
    note = orbit.reentry_casualty_note()
    assert "1:10,000" in note and "demise" in note
