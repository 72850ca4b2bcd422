"""MMOD: Grün flux against ECSS-E-ST-10-04C tables, ballistic limit against the ECSS single-wall equation,
debris model terms, probability of no penetration, radiator heat-pipe losses."""

import math

import numpy as np
import pytest
from scipy.stats import binom

from spacedc import structure
from spacedc.units import u


@pytest.mark.parametrize("mass_g, table", [(1e-12, 1.09e3), (1e-6, 1.49), (1e-3, 5.97e-4), (1.0, 7.02e-8),
                                           (1e2, 1.50e-10)])
def test_grun_flux_against_ecss_table_j5(mass_g, table):
    """ECSS-E-ST-10-04C Rev. 1, Table J-5 (p. 194), meteoroid model of 10.2.4.1 outside the Earth's influence:
    N_met = 1.09E+3 (1e-12 g), 1.49E+0 (1e-6 g), 5.97E-4 (1e-3 g), 7.02E-8 (1 g), 1.50E-10 (100 g) m^-2 yr^-1.
    Tolerance 0.5 %: the table prints three significant figures."""
    assert structure.meteoroid_flux(mass_g * u.g).m_as("1/m^2/year") == pytest.approx(table, rel=5e-3)


def test_earth_factors_from_ecss_table_j6():
    """ECSS-E-ST-10-04C Rev. 1, Table J-6, 400 km: G = 2.00, s_f = 0.63, K = 1.09 (eq. C-25 multiplies them);
    800 km: 1.94, 0.70, 1.08."""
    base = structure.meteoroid_flux("1e-3 g").m_as("1/m^2/year")
    near = structure.meteoroid_flux("1e-3 g", ["400 km", "800 km"]).m_as("1/m^2/year")
    assert near == pytest.approx(base * np.array([2.00 * 0.63 * 1.09, 1.94 * 0.70 * 1.08]), rel=1e-12)


def test_single_wall_ballistic_limit_against_ecss_j4():
    """ECSS-E-ST-10-04C Rev. 1, J.3.3.1, eq. (J-4) thick-plate single-wall equation with the published
    parameters lambda = 1.056, beta = 0.519, gamma = xi = 2/3, kappa = 0, K1 = 0.33 for aluminium, K_f = 1.8
    (perforation): D_c = (t / (K_f K1 rho_p^beta v^gamma cos^xi))^(1/lambda) [cm, g/cm^3, km/s]. Christiansen's
    form with 6061-T6 (BH 95, 2.713 g/cm^3, C = 5.1 km/s) has 5.24 BH^-1/4 rho_t^-1/2 C^-2/3 = 0.344 for
    K1, so the two publications agree within 5 % (coefficient rounding and exponent 0.519 vs 0.5)."""
    cases = [(0.1, 7.0, 2.7, 0.0), (0.05, 20.0, 2.5, 0.0), (0.2, 10.0, 2.7, 45.0)]
    for t_cm, v, rho, angle in cases:
        ecss = (t_cm / (1.8 * 0.33 * rho ** 0.519 * v ** (2 / 3) * math.cos(math.radians(angle)) ** (2 / 3))) \
            ** (1 / 1.056)
        ours = structure.critical_diameter(t_cm * u.cm, v * u("km/s"), angle=angle * u.deg,
                                           projectile_density=rho * u("g/cm^3")).m_as("cm")
        assert ours == pytest.approx(ecss, rel=0.05)


def test_single_wall_ballistic_limit_against_the_published_ldef_figure():
    """Published case (LDEF Meteoroid & Debris Special Investigation Group text, as quoted at
    forums.airbase.ru/2006/12/t52021_9): "With a relative impact velocity of 10 km/s, a piece of aluminum debris
    which is ~0.7 mm in diameter can penetrate through a typical 2.5 mm thick aluminum satellite wall." Here:
    2.5 mm of 6061-T6, 10 km/s, normal impact, 2.7 g/cm^3 aluminium sphere, perforation: 0.618 mm. Tolerance
    15 %: the source gives one significant figure with a '~' (0.65-0.75 mm) and states neither the alloy, the
    impact angle nor the equation; a harder wall alone moves it by that much (7075-T6, Brinell about 150 against
    6061-T6's 95, raises d_c by (150/95)^(0.25 x 18/19) - 1 = 11 %)."""
    d = structure.critical_diameter("2.5 mm", "10 km/s").m_as("mm")
    assert d == pytest.approx(0.7, rel=0.15)


@pytest.mark.parametrize("rho", [2.7, 2.8, 1.5 / (math.pi / 6)])
def test_single_wall_ballistic_limit_against_the_aerospace_america_1988_figure(rho):
    """Published case: "Shielding against debris", Aerospace America vol. 26, June 1988, p. 24 (ISSN 0740-722X),
    as its indexed abstract puts it (ProQuest record cdi_proquest_miscellaneous_25004706; 2nd-hand: the abstract
    was read, not the article): "About 5 cm of high-strength aluminum are needed to prevent penetration by a
    1 cm piece of aluminum with a mass near 1.5 g colliding at 10 km/sec."

    Here: 1 cm sphere, normal impact, 10 km/s, perforation criterion (k = 1.8), 6061-T6 wall. The density is
    taken three ways, since "near 1.5 g" fits all of them: 2.7 and 2.8 g/cm^3 (aluminium, 2017-T4 test spheres;
    1.41 and 1.47 g) and 2.865 g/cm^3 (exactly 1.5 g). Our equation needs t = 4.72, 4.81, 4.87 cm to stop the
    particle, and a 5 cm wall stops spheres up to 1.056, 1.038, 1.027 cm: the 1 cm particle is stopped, with a
    3 to 6 % margin in diameter (the equation's own scatter is larger than that, so the margin says little).

    Tolerance: "about 5 cm" is one significant figure, so the perforation thickness must lie in 4.5-5.5 cm,
    i.e. the 1 cm particle must perforate 4.5 cm and be stopped by 5.5 cm. Not covered: the source's "high-
    strength" alloy is unnamed. A harder alloy lowers the equation's thickness (a 7075-T6 wall, BH 150 and
    2.80 g/cm^3 with the same C, needs 4.15 cm against a 2.7 g/cm^3 sphere, 17 % below the quoted 5 cm); the
    table has no sound speed for 7075-T6, so only 6061-T6 is tested."""
    rho_p = rho * u("g/cm^3")
    d = {t: structure.critical_diameter(t * u.cm, "10 km/s", projectile_density=rho_p).m_as("cm")
         for t in (4.5, 5.0, 5.5)}
    assert d[5.0] > 1.0            # the quoted 5 cm prevents perforation by the 1 cm particle
    assert d[4.5] < 1.0 < d[5.5]   # perforation thickness for 1 cm rounds to "about 5 cm"


def test_christiansen_single_wall_by_hand():
    """NASA JSC single-wall equation by hand for a 1 mm aluminium sphere (2.7 g/cm^3) at 7 km/s on 6061-T6
    (density 0.098 lb/in^3 = 2.7126 g/cm^3, MIL-HDBK-5J; Brinell 95, sound speed 5.1 km/s):
    P_inf = 5.24 (0.1)^(19/18) 95^-0.25 (2.7/2.7126)^0.5 (7/5.1)^(2/3) = 0.18216 cm; perforation limit
    t = 1.8 P_inf = 0.32789 cm; so a 3.2789 mm wall has a 1 mm critical diameter. Spall criteria need thicker
    walls, so for a given wall their critical particle is smaller."""
    rho_t = 0.098 * 0.45359237 / 0.0254 ** 3 / 1e3
    p_inf = 5.24 * 0.1 ** (19 / 18) * 95 ** -0.25 * (2.7 / rho_t) ** 0.5 * (7 / 5.1) ** (2 / 3)
    d = structure.critical_diameter(1.8 * p_inf * u.cm, "7 km/s")
    assert d.m_as("mm") == pytest.approx(1.0, rel=1e-9)
    spall = structure.critical_diameter(1.8 * p_inf * u.cm, "7 km/s", failure="incipient-spall")
    assert spall < d


def test_debris_model_terms_by_hand():
    """Kessler 1991 model evaluated by hand at d = 1 cm, h = 800 km, i = 98 deg, t = 1995, S = 140:
    Phi1 = 10^(4 - 1 - 1.5) = 31.623, Phi = 0.96931; Psi(98) = 1.37 + 0.8 (1.78 - 1.37) = 1.698;
    H(1) = sqrt(10^exp(-(0.78/0.637)^2)) = 1.2545; F1 = 1.22e-5; F2 = 8.1e10 / 701^6 = 6.6062e-7;
    g1 = 1.02^7 = 1.14869; g2 = 1.35. Henize factor peaks at sqrt(10) for d = 10^0.78 cm."""
    phi = 31.6227766 / 32.6227766
    henize = math.sqrt(10 ** math.exp(-(0.78 / 0.637) ** 2))
    expect = phi * 1.698 * (henize * 1.22e-5 * 1.02 ** 7 + 8.1e10 / 701 ** 6 * 1.35)
    f = structure.debris_flux("1 cm", "800 km", "98 deg", year=1995, solar_flux=140)
    assert f.m_as("1/m^2/year") == pytest.approx(expect, rel=1e-9)
    peak = structure.debris_flux(10 ** 0.78 * u.cm, "800 km", "98 deg", year=1995, solar_flux=140)
    f1_only = phi * 1.698 * math.sqrt(10) * 1.22e-5 * (10 ** 0.78) ** -2.5 * 1.02 ** 7
    assert peak.m_as("1/m^2/year") == pytest.approx(f1_only + phi * 1.698 * 8.1e10 * (10 ** 0.78 + 700) ** -6
                                                    * 1.35, rel=1e-9)


def test_no_penetration_probability_ecss_j2():
    """ECSS-E-ST-10-04C eq. (J-2): P0 = exp(-N), N = F A t: 0.01 m^-2 yr^-1 on 20 m^2 for 5 years gives
    exp(-1) = 0.36788."""
    p = structure.no_penetration_probability("0.01 1/m^2/year", "20 m^2", "5 year")
    assert p == pytest.approx(math.exp(-1.0))


def test_radiator_heat_pipe_losses_and_spares():
    """Hand chain: survival p = exp(-F_pipe d L t) with the result's pipe flux; 100 needed + 5 spares:
    expected lost 105 (1 - p), heat left min(Q, Q 105 p / 100), binomial P(>= 100 survive), spares for the
    expected rejection ceil(100 (1/p - 1))."""
    kw = dict(altitude="600 km", inclination="53 deg", duration="7 year", panel_area="10 m^2", panel_count=20,
              face_thickness="0.25 mm", heat_pipe_count=100, heat_pipe_length="3 m", heat_pipe_diameter="10 mm",
              heat_pipe_wall="0.8 mm", heat_rejection="50 kW")
    r = structure.radiator_mmod(spare_heat_pipes=5, **kw)
    f = r.pipe_flux.m_as("1/m^2/year")
    p = math.exp(-f * 0.01 * 3 * 7)
    assert r.pipe_survival == pytest.approx(p)
    assert r.pipes_lost == pytest.approx(105 * (1 - p))
    assert r.heat_rejection_eol.m_as("W") == pytest.approx(min(50e3, 50e3 * 105 * p / 100))
    assert r.full_rejection_probability == pytest.approx(binom.sf(99, 105, p), rel=1e-9)
    assert r.spares_for_expected_rejection == math.ceil(100 * (1 / p - 1))
    face = r.face_flux.m_as("1/m^2/year")
    assert r.panel_no_penetration == pytest.approx(math.exp(-face * 10 * 7))
    assert r.radiator_no_penetration == pytest.approx(math.exp(-face * 200 * 7))
    # the pipe sits under the face sheet: its critical particle is larger, its flux smaller
    assert r.pipe_critical_diameter_debris > r.face_critical_diameter_debris and f < face
    enough = structure.radiator_mmod(spare_heat_pipes=r.spares_for_expected_rejection,
                                     required_heat_rejection="50 kW", **kw)
    assert enough.feasible is True
    short = structure.radiator_mmod(spare_heat_pipes=0, required_heat_rejection="50 kW", **kw)
    assert short.feasible is False and "spares" in short.reasons
    # a two-sided radiator's pipes are reached through either face sheet: twice the exposed area
    both = structure.radiator_mmod(spare_heat_pipes=5, pipe_exposed_faces=2, **kw)
    assert both.pipe_survival == pytest.approx(p ** 2) and both.pipes_lost == pytest.approx(105 * (1 - p ** 2))


@pytest.mark.parametrize("field, value", [("duration", "0 year"), ("face_thickness", "0 mm"),
                                          ("heat_pipe_wall", "0 mm"), ("pipe_exposed_faces", 3),
                                          ("pipe_exposed_faces", 1.5)])
def test_radiator_mmod_rejects_degenerate_inputs_naming_them(field, value):
    """Zero life or zero walls would make the Poisson exponent inf x 0 (NaN probabilities): rejected instead."""
    kw = dict(altitude="600 km", inclination="53 deg", duration="7 year", panel_area="10 m^2", panel_count=20,
              face_thickness="0.25 mm", heat_pipe_count=100, heat_pipe_length="3 m", heat_pipe_diameter="10 mm",
              heat_pipe_wall="0.8 mm", heat_rejection="50 kW")
    with pytest.raises(ValueError, match=field):
        structure.radiator_mmod(**{**kw, field: value})
