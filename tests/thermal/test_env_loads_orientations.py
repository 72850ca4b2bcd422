"""Environment loads on a two-sided panel (thermal.environment) against hand derivations.

View factors: a plate whose normal is within acos(1/H) of nadir sees F = cos(lambda)/H^2, H = (R+h)/R
(Gilmore, Spacecraft Thermal Control Handbook Vol. 1, 2nd ed., view-factor appendix; NASA SP-8105), so a
nadir face sees 1/H^2; a plate with a horizontal normal sees
F = (1/pi) [atan(1/sqrt(H^2 - 1)) - sqrt(H^2 - 1)/H^2] (Howell, Catalog of Radiation Heat Transfer
Configuration Factors, section B, tilted plate to sphere at 90 deg). Earth cases: orbit.EARTH_RADIATION_CASES
(hot: albedo 0.55, OLR 261 W/m^2; nominal: 0.30, 237 W/m^2, after NASA/TM-2001-211221).
"""

import math

import numpy as np
import pint
import pytest

from spacedc import orbit
from spacedc.units import u
from spacedc.thermal.environment import environment_loads

SIGMA = 5.670374419e-8
R_E = 6378.137
ALPHA, EPS = 0.09, 0.92  # silver Teflon-like radiator coating (Starcloud white paper values, [Starcloud2024])


def _h(alt_km):
    return (R_E + alt_km) / R_E


def test_zenith_nadir_hot_case_over_the_subsolar_point_by_hand():
    """Zenith face: full Sun, no Earth (F(180 deg) = 0). Nadir face: no Sun, F = 1/H^2 for albedo and IR."""
    case = orbit.earth_albedo_ir("hot")
    S, a, olr = case.solar_flux.m_as("W/m^2"), case.albedo, case.outgoing_ir.m_as("W/m^2")
    assert (a, olr) == (0.55, 261.0)
    F = 1 / _h(650) ** 2
    assert F == pytest.approx(0.8236, abs=1e-4)
    r = environment_loads(altitude="650 km", absorptivity=ALPHA, emissivity=EPS, orientation="zenith-nadir",
                          solar_zenith_angle="0 deg", case="hot")
    front = ALPHA * S
    back = ALPHA * a * S * F + EPS * F * olr
    assert r.solar_front.m_as("W/m^2") == pytest.approx(front, rel=1e-12)
    assert r.albedo_front.m == r.earth_ir_front.m == r.solar_back.m == 0.0
    assert r.view_factor_back == pytest.approx(F, rel=1e-12)
    assert r.albedo_back.m_as("W/m^2") == pytest.approx(ALPHA * a * S * F, rel=1e-12)
    assert r.earth_ir_back.m_as("W/m^2") == pytest.approx(EPS * F * olr, rel=1e-12)
    assert r.absorbed_flux.m_as("W/m^2") == pytest.approx(front + back, rel=1e-12)
    assert r.sink_temperature_front.m_as("K") == pytest.approx((front / (EPS * SIGMA) + 3**4) ** 0.25, rel=1e-12)
    assert r.sink_temperature.m_as("K") == pytest.approx(((front + back) / (2 * EPS * SIGMA) + 3**4) ** 0.25,
                                                         rel=1e-12)
    assert r.sunlit is True and r.orientation == "zenith-nadir"


def test_edge_on_nominal_case_by_hand():
    """Edge-on (plane holds Sun and nadir): no sunlight on either face; both see F(90 deg) of Earth;
    albedo a S F cos(zeta) with zeta = 60 deg. F(90 deg) at 650 km is 0.241, close to the 0.25 Earth view
    factor the Starcloud white paper (v1.03, 2024) assumes for its radiators."""
    case = orbit.earth_albedo_ir("nominal")
    S, a, olr = case.solar_flux.m_as("W/m^2"), case.albedo, case.outgoing_ir.m_as("W/m^2")
    H = _h(650)
    F = (math.atan(1 / math.sqrt(H**2 - 1)) - math.sqrt(H**2 - 1) / H**2) / math.pi
    assert F == pytest.approx(0.25, abs=0.01)
    r = environment_loads(altitude="650 km", absorptivity=ALPHA, emissivity=EPS, orientation="edge-on",
                          solar_zenith_angle="60 deg", case="nominal")
    per_face = ALPHA * a * S * F * 0.5 + EPS * F * olr
    for side in ("front", "back"):
        assert getattr(r, f"solar_{side}").m == 0.0
        assert getattr(r, f"view_factor_{side}") == pytest.approx(F, rel=1e-9)
        assert getattr(r, f"absorbed_{side}").m_as("W/m^2") == pytest.approx(per_face, rel=1e-9)
        assert getattr(r, f"sun_angle_{side}").m_as("deg") == pytest.approx(90.0)
    assert r.absorbed_flux.m_as("W/m^2") == pytest.approx(2 * per_face, rel=1e-9)
    assert r.sink_temperature.m_as("K") == pytest.approx((per_face / (EPS * SIGMA) + 3**4) ** 0.25, rel=1e-9)


def test_sun_facing_faces_see_the_sun_and_the_earth_at_complementary_angles():
    """Front normal on the Sun: theta = 0, lambda = 180 - zeta; back: theta = 180, lambda = zeta."""
    zeta = 30.0
    case = orbit.earth_albedo_ir("cold")
    S, a, olr = case.solar_flux.m_as("W/m^2"), case.albedo, case.outgoing_ir.m_as("W/m^2")
    r = environment_loads(altitude="1000 km", absorptivity=0.2, emissivity=0.8, orientation="sun-facing",
                          solar_zenith_angle=zeta * u.deg, case="cold")
    f_front = orbit.earth_view_factor("1000 km", (180 - zeta) * u.deg)
    f_back = orbit.earth_view_factor("1000 km", zeta * u.deg)
    cos_z = math.cos(math.radians(zeta))
    assert r.absorbed_front.m_as("W/m^2") == pytest.approx(0.2 * S + 0.2 * a * S * f_front * cos_z
                                                           + 0.8 * f_front * olr, rel=1e-12)
    assert r.absorbed_back.m_as("W/m^2") == pytest.approx(0.2 * a * S * f_back * cos_z + 0.8 * f_back * olr,
                                                          rel=1e-12)


@pytest.mark.parametrize("zeta, lit", [(100.0, True), (160.0, False), (180.0, False)])
def test_cylindrical_shadow(zeta, lit):
    """Shadow iff cos(zeta) < 0 and H sin(zeta) < 1 (Rickman, NASA TFAWS): at 650 km, H = 1.1019, so zeta =
    100 deg (H sin = 1.085) is still sunlit and 160 deg (0.377) is in eclipse. In eclipse only Earth IR stays."""
    r = environment_loads(altitude="650 km", absorptivity=ALPHA, emissivity=EPS, orientation="zenith-nadir",
                          solar_zenith_angle=zeta * u.deg)
    assert r.sunlit is lit
    assert r.albedo_back.m == 0.0  # the sub-satellite point is dark beyond zeta = 90 deg
    expected_back_solar = ALPHA * orbit.earth_albedo_ir("hot").solar_flux.m_as("W/m^2") * math.cos(
        math.radians(180 - zeta)) if lit else 0.0
    assert r.solar_back.m_as("W/m^2") == pytest.approx(expected_back_solar, rel=1e-12)
    assert r.solar_front.m == 0.0
    assert r.earth_ir_back.m > 0


def test_explicit_angles_reproduce_a_named_orientation():
    zeta = np.array([0.0, 25.0, 70.0]) * u.deg
    named = environment_loads(altitude="700 km", absorptivity=0.1, emissivity=0.85, orientation="zenith-nadir",
                              solar_zenith_angle=zeta)
    explicit = environment_loads(altitude="700 km", absorptivity=0.1, emissivity=0.85, orientation=None,
                                 sun_angle=zeta, nadir_angle="180 deg", solar_zenith_angle=zeta)
    np.testing.assert_allclose(explicit.absorbed_front.m, named.absorbed_front.m, rtol=1e-12)
    np.testing.assert_allclose(explicit.absorbed_back.m, named.absorbed_back.m, rtol=1e-12)
    assert explicit.orientation == "explicit"


def test_scalar_list_and_million_point_array_agree():
    zeta = np.linspace(0, 180, 1_000_000)
    big = environment_loads(altitude="650 km", absorptivity=ALPHA, emissivity=EPS, orientation="sun-facing",
                            solar_zenith_angle=zeta * u.deg)
    assert not np.isnan(big.absorbed_flux.m).any()
    idx = [0, 333_333, 999_999]
    listed = environment_loads(altitude="650 km", absorptivity=ALPHA, emissivity=EPS, orientation="sun-facing",
                               solar_zenith_angle=[zeta[i] * u.deg for i in idx])
    for j, i in enumerate(idx):
        one = environment_loads(altitude="650 km", absorptivity=ALPHA, emissivity=EPS, orientation="sun-facing",
                                solar_zenith_angle=zeta[i] * u.deg)
        assert one.absorbed_flux.m == big.absorbed_flux.m[i] == listed.absorbed_flux.m[j]
        # The fourth root is numpy's SIMD power on an array and libm's on a scalar; they may differ in the last
        # bit (seen with numpy 2.4), so the sink temperature agrees to a few ulps, not bit for bit.
        assert one.sink_temperature.m == pytest.approx(big.sink_temperature.m[i], rel=1e-14, abs=0)


@pytest.mark.parametrize("kwargs, exc, word", [
    (dict(orientation="sideways"), ValueError, "orientation"),
    (dict(orientation=None, sun_angle="10 deg", nadir_angle="120 deg", solar_zenith_angle="40 deg"),
     ValueError, "sun_angle"),
    (dict(orientation=None, sun_angle="10 deg"), ValueError, "nadir_angle"),
    (dict(sun_angle="10 deg"), ValueError, "orientation"),
    (dict(altitude=650), TypeError, "altitude"),
    (dict(altitude="650 kg"), pint.DimensionalityError, "altitude"),
    (dict(emissivity=0.0), ValueError, "emissivity"),
    (dict(absorptivity=1.5), ValueError, "absorptivity"),
    (dict(solar_zenith_angle="190 deg"), ValueError, "solar_zenith_angle"),
    (dict(case="warm"), ValueError, "case"),
])
def test_bad_input_names_the_parameter(kwargs, exc, word):
    args = dict(altitude="650 km", absorptivity=ALPHA, emissivity=EPS) | kwargs
    with pytest.raises(exc, match=word):
        environment_loads(**args)
