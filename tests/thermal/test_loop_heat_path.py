"""Pumped loop, radiator along the flow and junction limit (thermal.hydraulics, thermal.flow_radiator,
thermal.loop, thermal.heat_path).

Hydraulics against Cengel & Cimbala, *Fluid Mechanics: Fundamentals and Applications*, ch. 8 (FE-exam
problem): "Water at 15 C (rho = 999.1 kg/m^3, mu = 1.138e-3 kg/m s) is flowing steadily in a 30-m-long and
5-cm-diameter horizontal pipe made of stainless steel at a rate of 9 L/s. Determine the pumping power
requirement to overcome this pressure drop. (a) 604 W (b) 754 W (c) 904 W (d) 994 W". Stainless steel
roughness 0.002 mm (the book's Table 8-2); the Colebrook friction factor, solved here by iteration, gives
903.5 W, answer (c).

The radiator integral is checked against a direct numerical integration of m_dot cp dT/dA =
-sides eta eps sigma (T^4 - Ts^4) with scipy's solve_ivp.
"""

import math

import numpy as np
import pint
import pytest
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

from spacedc.units import u
from spacedc.thermal.coolants import coolant_properties
from spacedc.thermal.flow_radiator import radiator_along_flow
from spacedc.thermal.heat_path import junction_temperature, max_radiator_temperature
from spacedc.thermal.hydraulics import convection_coefficient, pipe_flow, pump_power
from spacedc.thermal.loop import size_loop

SIGMA = 5.670374419e-8


def _colebrook(re, rel):
    f = 0.02
    for _ in range(60):
        f = (-2 * math.log10(rel / 3.7 + 2.51 / (re * math.sqrt(f)))) ** -2
    return f


def test_cengel_cimbala_pipe_pumping_power():
    flow = pipe_flow(diameter="5 cm", length="30 m", density="999.1 kg/m^3", viscosity="1.138e-3 Pa*s",
                     volume_flow="9 L/s", roughness="0.002 mm")
    v = 0.009 / (math.pi * 0.05**2 / 4)
    re = 999.1 * v * 0.05 / 1.138e-3
    assert flow.velocity.m_as("m/s") == pytest.approx(v, rel=1e-12)
    assert flow.reynolds == pytest.approx(re, rel=1e-12) and flow.reynolds == pytest.approx(2.01e5, rel=5e-3)
    assert flow.regime == "turbulent"
    # Haaland is an explicit fit to Colebrook within 2 % (Haaland 1983; White, Fluid Mechanics, eq. 6.49).
    assert flow.friction_factor == pytest.approx(_colebrook(re, 0.002 / 50), rel=0.02)
    power = pump_power(pressure_drop=flow.pressure_drop, volume_flow=flow.volume_flow, efficiency=1.0)
    assert power.m_as("W") == pytest.approx(904, rel=0.02)


def test_laminar_flow_is_hagen_poiseuille():
    """dp = 128 mu L V_dot / (pi D^4) for Re < 2300 (White, Fluid Mechanics, eq. 6.44)."""
    flow = pipe_flow(diameter="4 mm", length="2 m", density="1000 kg/m^3", viscosity="1e-3 Pa*s",
                     mass_flow="5 g/s")
    vdot = 5e-3 / 1000
    assert flow.regime == "laminar" and flow.friction_factor == pytest.approx(64 / flow.reynolds, rel=1e-12)
    assert flow.pressure_drop.m_as("Pa") == pytest.approx(128 * 1e-3 * 2 * vdot / (math.pi * 0.004**4), rel=1e-12)


def test_friction_factor_is_continuous_across_the_transition():
    kw = dict(diameter="1 cm", length="1 m", density="1000 kg/m^3", roughness="0 m")
    mu = lambda re: 1000 * 1.0 * 0.01 / re  # noqa: E731  (V = 1 m/s: mass flow fixed, viscosity sets Re)
    m_dot = 1000 * math.pi * 0.01**2 / 4
    for re in (2300.0, 4000.0):
        below = pipe_flow(viscosity=mu(re * (1 - 1e-9)) * u.Pa * u.s, mass_flow=m_dot * u.kg / u.s, **kw)
        above = pipe_flow(viscosity=mu(re * (1 + 1e-9)) * u.Pa * u.s, mass_flow=m_dot * u.kg / u.s, **kw)
        assert below.friction_factor == pytest.approx(above.friction_factor, rel=1e-6)


def _ivp_area(q, t_in, t_out, ts, k):
    """Area by integrating dT/dA = -k (T^4 - Ts^4) / (m cp) from T_in until T = T_out."""
    mcp = q / (t_in - t_out)
    hit = lambda a, t: t[0] - t_out  # noqa: E731
    hit.terminal = True
    sol = solve_ivp(lambda a, t: -k * (t**4 - ts**4) / mcp, (0, 1e7), [t_in], events=hit, rtol=1e-11,
                    atol=1e-9, method="DOP853")
    return sol.t_events[0][0]


@pytest.mark.parametrize("t_in, t_out, ts", [
    (330.0, 300.0, 0.0), (330.0, 300.0, 3.0), (360.0, 290.0, 200.0), (300.0, 262.0, 260.0), (320.0, 319.0, 30.0),
])
def test_radiator_integral_matches_numerical_integration(t_in, t_out, ts):
    eps, eta = 0.85, 0.9
    r = radiator_along_flow(heat_load="20 kW", inlet_temperature=t_in * u.K, outlet_temperature=t_out * u.K,
                            emissivity=eps, fin_efficiency=eta, sink_temperature=ts * u.K, sides=2)
    expected = _ivp_area(20e3, t_in, t_out, ts, 2 * eta * eps * SIGMA)
    assert r.area.m_as("m^2") == pytest.approx(expected, rel=1e-7)
    t_eq = r.equivalent_temperature.m_as("K")
    assert t_out < t_eq < t_in
    assert 20e3 == pytest.approx(2 * eta * eps * SIGMA * r.area.m_as("m^2") * (t_eq**4 - ts**4), rel=1e-12)


def test_isothermal_limit_is_the_uniform_panel():
    r = radiator_along_flow(heat_load="1 kW", inlet_temperature="300 K", outlet_temperature="300 K",
                            emissivity=0.9, sink_temperature="100 K", sides=1)
    assert r.area.m_as("m^2") == pytest.approx(1000 / (0.9 * SIGMA * (300**4 - 100**4)), rel=1e-12)
    assert r.equivalent_temperature.m_as("K") == pytest.approx(300, rel=1e-12)


def test_outlet_at_or_below_sink_is_infeasible_not_nan():
    r = radiator_along_flow(heat_load=[1, 1] * u.kW, inlet_temperature="300 K", outlet_temperature=[280, 240] * u.K,
                            emissivity=0.9, sink_temperature="250 K")
    assert r.feasible.tolist() == [True, False] and "sink" in r.reasons[1]
    assert np.isinf(r.area.m[1]) and not np.isnan(r.equivalent_temperature.m).any()


def test_loop_flow_and_pump_power_by_hand():
    """m_dot = Q / (cp dT) with cp at the mean loop temperature; P = (dp_line + dp_cp + dp_rad) V_dot / eta."""
    q, t_in, rise = 35e3, 300.0, 10.0
    loop = size_loop(heat_load=q * u.W, coolant="ammonia", radiator_inlet_temperature=t_in * u.K,
                     temperature_rise=rise * u.K, line_length="40 m", line_diameter="25 mm", pump_efficiency=0.4,
                     emissivity=0.9, cold_plate_pressure_drop="30 kPa", radiator_pressure_drop="50 kPa",
                     sink_temperature="200 K")
    props = coolant_properties("ammonia", (t_in - rise / 2) * u.K)
    rho, cp, mu = (props.density.m_as("kg/m^3"), props.specific_heat.m_as("J/kg/K"),
                   props.viscosity.m_as("Pa*s"))
    m_dot = q / (cp * rise)
    assert loop.mass_flow.m_as("kg/s") == pytest.approx(m_dot, rel=1e-12)
    line = pipe_flow(diameter="25 mm", length="40 m", density=rho * u.kg / u.m**3, viscosity=mu * u.Pa * u.s,
                     mass_flow=m_dot * u.kg / u.s)
    dp = line.pressure_drop.m_as("Pa") + 80e3
    assert loop.pressure_drop.m_as("Pa") == pytest.approx(dp, rel=1e-12)
    assert loop.pump_power.m_as("W") == pytest.approx(dp * m_dot / rho / 0.4, rel=1e-12)
    assert loop.radiator_outlet_temperature.m_as("K") == 290.0
    flow_rad = radiator_along_flow(heat_load=q * u.W, inlet_temperature="300 K", outlet_temperature="290 K",
                                   emissivity=0.9, sink_temperature="200 K")
    assert loop.radiator_area.m == pytest.approx(flow_rad.area.m, rel=1e-12)
    assert loop.minimum_pressure.m_as("MPa") == pytest.approx(1.0614, rel=1e-9)  # p_sat(300 K), source table
    assert loop.feasible


def test_radiator_sized_at_the_junction_limit_keeps_the_junction_at_the_limit():
    """Limit 85 C; 1 kW chip, R_jc 0.02 K/W, R_cp 0.01 K/W, ammonia film in a 4 mm channel at 20 g/s over
    0.01 m^2. Size the radiator at T_rad,in,max (10 K loop rise); then find, independently by solve_ivp and
    brentq, the inlet temperature at which that radiator rejects the load, and recompute the junction."""
    h = convection_coefficient(coolant="ammonia", temperature="320 K", mass_flow="20 g/s",
                               hydraulic_diameter="4 mm")
    path = dict(chip_power="1 kW", junction_to_case="0.02 K/W", cold_plate_resistance="0.01 K/W",
                film_coefficient=h, wetted_area="0.01 m^2")
    limit = max_radiator_temperature(junction_temperature_max="85 degC", sink_temperature="200 K", **path)
    t_max = limit.radiator_inlet_temperature.m_as("K")
    assert t_max == pytest.approx(358.15 - 1000 * (0.03 + 1 / (h.m_as("W/m^2/K") * 0.01)), rel=1e-12)
    assert limit.feasible
    q, k, ts = 100e3, 2 * 0.9 * SIGMA, 200.0
    radiator = radiator_along_flow(heat_load=q * u.W, inlet_temperature=t_max * u.K,
                                   outlet_temperature=(t_max - 10) * u.K, emissivity=0.9, sink_temperature="200 K")
    area = radiator.area.m_as("m^2")
    t_in = brentq(lambda t: _ivp_area(q, t, t - 10, ts, k) - area, t_max - 20, t_max + 20, xtol=1e-10)
    t_j = junction_temperature(radiator_inlet_temperature=t_in * u.K, **path)
    assert t_j.m_as("degC") == pytest.approx(85.0, abs=1e-6)


def test_film_coefficient_laminar_limit_is_nu_436():
    """Re < 2300: Nu = 4.36 (Incropera, Fundamentals of Heat and Mass Transfer, 6th ed., eq. 8.53)."""
    h = convection_coefficient(coolant="water", temperature="300 K", mass_flow="0.5 g/s", hydraulic_diameter="3 mm")
    k = coolant_properties("water", "300 K").conductivity.m_as("W/m/K")
    assert h.m_as("W/m^2/K") == pytest.approx(4.36 * k / 0.003, rel=1e-12)


def test_path_that_eats_the_whole_limit_is_infeasible():
    r = max_radiator_temperature(junction_temperature_max="85 degC", chip_power=[1, 20] * u.kW,
                                 junction_to_case="0.02 K/W", cold_plate_resistance="0.01 K/W")
    assert r.feasible.tolist() == [True, False] and "junction" in r.reasons[1]
    assert r.radiator_inlet_temperature.m[1] == 0.0


def test_scalar_list_and_million_point_array_agree():
    t_in = np.linspace(290, 350, 1_000_000)
    kw = dict(heat_load="50 kW", coolant="ammonia", temperature_rise="15 K", line_length="30 m",
              line_diameter="20 mm", pump_efficiency=0.5, emissivity=0.9, sink_temperature="150 K")
    big = size_loop(radiator_inlet_temperature=t_in * u.K, **kw)
    idx = [0, 777_777, 999_999]
    listed = size_loop(radiator_inlet_temperature=[t_in[i] * u.K for i in idx], **kw)
    for j, i in enumerate(idx):
        one = size_loop(radiator_inlet_temperature=t_in[i] * u.K, **kw)
        assert one.radiator_area.m == big.radiator_area.m[i] == listed.radiator_area.m[j]
        assert one.pump_power.m == big.pump_power.m[i]


@pytest.mark.parametrize("kw, exc, word", [
    (dict(radiator_inlet_temperature="380 K"), ValueError, "radiator_inlet_temperature.*ammonia"),
    (dict(temperature_rise="90 K"), ValueError, "temperature_rise.*ammonia"),
    (dict(radiator_inlet_temperature="330 K", loop_pressure="2 MPa"), ValueError, "radiator_inlet_temperature"),
    (dict(coolant="mercury"), ValueError, "coolant"),
    (dict(temperature_rise="0 K"), ValueError, "temperature_rise"),
    (dict(pump_efficiency=0), ValueError, "pump_efficiency"),
    (dict(line_diameter="25 kg"), pint.DimensionalityError, "line_diameter"),
    (dict(heat_load=1000), TypeError, "heat_load"),
])
def test_loop_bad_input_names_the_field(kw, exc, word):
    args = dict(heat_load="35 kW", coolant="ammonia", radiator_inlet_temperature="300 K", temperature_rise="10 K",
                line_length="40 m", line_diameter="25 mm", pump_efficiency=0.4, emissivity=0.9) | kw
    with pytest.raises(exc, match=word):
        size_loop(**args)


def test_other_bad_inputs():
    with pytest.raises(ValueError, match="outlet_temperature"):
        radiator_along_flow(heat_load="1 kW", inlet_temperature="300 K", outlet_temperature="310 K", emissivity=0.9)
    with pytest.raises(ValueError, match="wetted_area"):
        junction_temperature(radiator_inlet_temperature="300 K", chip_power="1 kW", junction_to_case="0.02 K/W",
                             cold_plate_resistance="0.01 K/W", film_coefficient="5000 W/m^2/K")
    with pytest.raises(ValueError, match="mass_flow / volume_flow"):
        pipe_flow(diameter="1 cm", length="1 m", density="1000 kg/m^3", viscosity="1e-3 Pa*s")
