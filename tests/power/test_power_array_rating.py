"""Rating a given solar array (issue 13, item 1): its power at beginning and end of life, against the SMAD
3rd ed. sec. 11.4 chain by hand (eqs. 11-6 to 11-8), and the inverse of the sizing."""

import math

import numpy as np
import pytest

from spacedc import power
from spacedc.units import Q_


def test_rating_by_hand_smad_chain():
    # 40 m^2 of silicon (eta 0.148, D = 3.75 %/yr), 1361 W/m^2, I_d 0.77, 10 deg, 7 years:
    # P_BOL = 0.148 * 1361 * 0.77 * cos(10 deg) * 40 = 6109.6 W; P_EOL = P_BOL * (1 - 0.0375)^7 = 4658.6 W
    r = power.rate_solar_array(area="40 m^2", lifetime="7 year", cell="silicon", incidence_angle="10 deg")
    bol = 0.148 * 1361 * 0.77 * math.cos(math.radians(10)) * 40
    assert r.bol_power.m_as("W") == pytest.approx(bol, rel=1e-12)
    assert r.eol_power.m_as("W") == pytest.approx(bol * (1 - 0.0375) ** 7, rel=1e-12)
    assert r.feasible


def test_rating_inverts_the_sizing_and_broadcasts():
    # the area sized for a load delivers the required power at end of life, for 1000 loads at once
    loads = Q_(np.linspace(1e3, 1e6, 1000), "W")
    sized = power.size_solar_array(daylight_load=loads, eclipse_load=loads, daylight_duration="60 min",
                                   eclipse_duration="35 min", lifetime="5 year", cell="xtj", cell_temperature="radiative")
    rated = power.rate_solar_array(area=sized.area, lifetime="5 year", cell="xtj", cell_temperature="radiative")
    assert np.allclose(rated.eol_power.m_as("W"), sized.required_power.m_as("W"), rtol=1e-10)
    assert np.allclose(rated.mass.m_as("kg"), sized.mass.m_as("kg"), rtol=1e-10)


def test_rating_refuses_loads_and_a_bad_area():
    with pytest.raises(TypeError, match="daylight_load"):
        power.rate_solar_array(area="1 m^2", lifetime="1 year", cell="silicon", daylight_load="1 kW")
    with pytest.raises(ValueError, match="area"):
        power.rate_solar_array(area="0 m^2", lifetime="1 year", cell="silicon")
