"""Rating a given radiator (issue 13, item 1): its equilibrium temperature at a heat load, and the inverse, the
heat it rejects at a temperature, against hand derivations of the radiative balance (thermal/radiator.py's
module docstring: Gilmore Vol. 1 ch. 2, SMAD 3rd ed. sec. 11.5)."""

import numpy as np
import pytest

from spacedc import thermal
from spacedc.units import Q_

SIGMA = 5.670374419e-8   # CODATA 2018


def test_equilibrium_temperature_by_hand():
    # 100 m^2 two-sided, eps 0.9, fin efficiency 0.8, rejecting 50 kW against a 200 K sink (space at 3 K):
    # k = 2 * 0.8 * 0.9 * sigma = 8.1653e-8; q_abs = k (200^4 - 3^4) = 130.64 W/m^2;
    # T = ((50e3 / 100 + 130.64) / k + 3^4)^(1/4) = (7.7235e9)^(1/4) = 296.45 K
    k = 2 * 0.8 * 0.9 * SIGMA
    q_abs = k * (200.0**4 - 3.0**4)
    expected = ((500.0 + q_abs) / k + 81.0) ** 0.25
    r = thermal.rate_radiator(heat_load="50 kW", area="100 m^2", emissivity=0.9, fin_efficiency=0.8,
                              sink_temperature="200 K")
    assert r.temperature.m_as("K") == pytest.approx(expected, rel=1e-12)
    assert expected == pytest.approx(296.45, abs=0.01)
    assert r.sink_temperature.m_as("K") == pytest.approx(200.0, rel=1e-12)


def test_heat_rejected_at_a_temperature_by_hand_and_below_the_sink():
    # one face, eps 0.85, 10 m^2 at 300 K with 150 W/m^2 absorbed: 10 (0.85 sigma (300^4 - 3^4) - 150) = 2404.0 W
    r = thermal.radiator_heat_rejection(temperature="300 K", area="10 m^2", emissivity=0.85, sides=1,
                                        absorbed_flux="150 W/m^2")
    assert r.heat_rejected.m_as("W") == pytest.approx(10 * (0.85 * SIGMA * (300.0**4 - 81.0) - 150.0), rel=1e-12)
    # below its sink the panel absorbs: negative rejection, not an error
    cold = thermal.radiator_heat_rejection(temperature="150 K", area="10 m^2", emissivity=0.85, sides=1,
                                           absorbed_flux="150 W/m^2")
    assert cold.heat_rejected.m_as("W") < 0 < cold.sink_temperature.m_as("K") - 150.0


def test_rating_inverts_the_sizing_and_broadcasts():
    # the area size_radiator gives for a load at T, rated at that load, runs at T (a million temperatures at once)
    temps = Q_(np.linspace(250.0, 400.0, 1_000_000), "K")
    sized = thermal.size_radiator(heat_load="100 kW", temperature=temps, emissivity=0.9, areal_density="5 kg/m^2",
                                  absorptivity=0.2, incident_solar="300 W/m^2")
    ok = np.asarray(sized.feasible)
    rated = thermal.rate_radiator(heat_load="100 kW", area=sized.area[ok], emissivity=0.9,
                                  absorbed_flux=sized.absorbed_flux[ok])
    assert np.allclose(rated.temperature.m_as("K"), temps.m_as("K")[ok], rtol=1e-12)
    back = thermal.radiator_heat_rejection(temperature=rated.temperature, area=sized.area[ok], emissivity=0.9,
                                           absorbed_flux=sized.absorbed_flux[ok])
    assert np.allclose(back.heat_rejected.m_as("W"), 1e5, rtol=1e-10)


def test_bad_rating_input_names_the_field():
    with pytest.raises(ValueError, match="area"):
        thermal.rate_radiator(heat_load="1 kW", area="0 m^2", emissivity=0.9, sink_temperature="200 K")
    with pytest.raises(ValueError, match="exactly one of sink_temperature"):
        thermal.rate_radiator(heat_load="1 kW", area="1 m^2", emissivity=0.9)
    with pytest.raises(ValueError, match="exactly one of sink_temperature"):
        thermal.radiator_heat_rejection(temperature="300 K", area="1 m^2", emissivity=0.9,
                                        sink_temperature="200 K", absorbed_flux="10 W/m^2")
    with pytest.raises(ValueError, match="sides"):
        thermal.rate_radiator(heat_load="1 kW", area="1 m^2", emissivity=0.9, sides=3, sink_temperature="200 K")


PANEL = dict(width="2 m", length="3 m", face_sheet_material="al6061-t6", face_sheet_thickness="0.5 mm",
             core_density="50 kg/m^3", core_thickness="20 mm", pipe_pitch="0.1 m", pipe_diameter="12 mm",
             pipe_wall_thickness="1 mm", pipe_linear_mass="0.15 kg/m", pipe_transport_limit="143 W*m",
             emissivity=0.9, absorptivity=0.2)


def test_panel_rating_inverts_the_panel_sizing_over_random_points():
    # size_panels gives the area that rejects Q at T with the panel's efficiency at T; rated at that area the
    # panel runs at T again (1e-9), for random temperatures, loads, absorbed fluxes and face-sheet thicknesses
    rng = np.random.default_rng(7)
    n = 20_000
    temps = Q_(rng.uniform(260.0, 400.0, n), "K")
    loads = Q_(rng.uniform(1e3, 1e6, n), "W")
    absorbed = Q_(rng.uniform(0.0, 300.0, n), "W/m^2")
    spec = thermal.PanelSpec(**(PANEL | {"face_sheet_thickness": Q_(rng.uniform(0.2, 1.5, n), "mm")}))
    sized = thermal.size_panels(spec, heat_load=loads, radiator_temperature=temps, absorbed_flux=absorbed)
    ok = np.isfinite(sized.area.m)
    assert ok.mean() > 0.9
    rated = thermal.rate_radiator(heat_load=loads, area=Q_(np.where(ok, sized.area.m, 1.0), "m^2"), panel=spec,
                                  absorbed_flux=absorbed)
    assert np.all(rated.converged)
    np.testing.assert_allclose(rated.temperature.m_as("K")[ok], temps.m_as("K")[ok], rtol=1e-9)
    np.testing.assert_allclose(rated.fin_efficiency[ok], sized.panel_efficiency[ok], rtol=1e-8)


def test_panel_rating_returns_the_load_through_the_fin_efficiency_at_that_temperature():
    # Independent check: at the rated T, the exact fin (thermal.fin_efficiency, Lieblein NASA TN D-196) of the
    # face sheets between the pipes, weighted by hand as (D + (p - D) eta_fin) / p (thermal/panel.py), gives
    # Q = A n eps sigma eta_panel (T^4 - T_sink^4), with T_sink from q_abs = n eps sigma (T_sink^4 - 3^4)
    spec = thermal.PanelSpec(**PANEL)
    q_abs, area, load = 120.0, 80.0, 60e3
    rated = thermal.rate_radiator(heat_load=f"{load} W", area=f"{area} m^2", panel=spec,
                                  absorbed_flux=f"{q_abs} W/m^2")
    t = rated.temperature.m_as("K")
    sink = (q_abs / (2 * 0.9 * SIGMA) + 3.0**4) ** 0.25
    pitch, d = 2.0 / 20, 0.012  # 20 pipes in the 2 m width at 0.1 m
    eta_fin = thermal.fin_efficiency(conductivity=Q_(thermal.material("al6061-t6").conductivity, "W/m/K"),
                                     thickness="1 mm", half_width=f"{(pitch - d) / 2} m", emissivity=0.9,
                                     root_temperature=f"{t} K", sink_temperature=f"{sink} K", sides=2)
    eta_panel = (d + (pitch - d) * float(eta_fin)) / pitch
    assert 0.5 < eta_panel < 1.0  # the fin matters here
    assert area * 2 * 0.9 * SIGMA * eta_panel * (t**4 - sink**4) == pytest.approx(load, rel=1e-9)
    assert float(rated.fin_efficiency) == pytest.approx(eta_panel, rel=1e-12)
    # and the inverse at that temperature gives the load back
    back = thermal.radiator_heat_rejection(temperature=rated.temperature, area=f"{area} m^2", panel=spec,
                                           absorbed_flux=f"{q_abs} W/m^2")
    assert back.heat_rejected.m_as("W") == pytest.approx(load, rel=1e-9)
    # a number in place of the panel, its efficiency at T, gives the same T without environment (the two
    # conventions, eta on emission or on the net flux, agree there)
    cold = thermal.rate_radiator(heat_load=f"{load} W", area=f"{area} m^2", panel=spec, absorbed_flux="0 W/m^2")
    numeric = thermal.rate_radiator(heat_load=f"{load} W", area=f"{area} m^2", emissivity=0.9,
                                    fin_efficiency=float(cold.fin_efficiency), absorbed_flux="0 W/m^2")
    assert numeric.temperature.m_as("K") == pytest.approx(cold.temperature.m_as("K"), rel=1e-9)


def test_panel_rating_refuses_a_second_emissivity_and_stands_point_by_point():
    spec = thermal.PanelSpec(**PANEL)
    with pytest.raises(ValueError, match="emissivity"):
        thermal.rate_radiator(heat_load="1 kW", area="1 m^2", panel=spec, emissivity=0.8, absorbed_flux="0 W/m^2")
    with pytest.raises(ValueError, match="fin_efficiency"):
        thermal.rate_radiator(heat_load="1 kW", area="1 m^2", panel=spec, fin_efficiency=0.8,
                              absorbed_flux="0 W/m^2")
    loads = Q_([0.0, 5e3, 5e4, 5e5], "W")
    batch = thermal.rate_radiator(heat_load=loads, area="50 m^2", panel=spec, absorbed_flux="100 W/m^2")
    for i, q in enumerate(loads):
        one = thermal.rate_radiator(heat_load=q, area="50 m^2", panel=spec, absorbed_flux="100 W/m^2")
        assert one.temperature.m_as("K") == pytest.approx(batch.temperature.m_as("K")[i], rel=1e-12)
    assert batch.temperature.m_as("K")[0] == pytest.approx(batch.sink_temperature.m_as("K")[0], rel=1e-12)


def test_rating_inverts_the_sizing_over_random_points():
    # the acceptance test of issue 13: random loads, temperatures, emissivities, fin efficiencies, faces and
    # environments; size_radiator's area rated at its load gives its temperature back to 1e-9
    rng = np.random.default_rng(13)
    n = 100_000
    loads = Q_(rng.uniform(0.0, 2e6, n), "W")
    temps = Q_(rng.uniform(200.0, 500.0, n), "K")
    eps, eta = rng.uniform(0.5, 1.0, n), rng.uniform(0.5, 1.0, n)
    sides = rng.integers(1, 3, n)
    sized = thermal.size_radiator(heat_load=loads, temperature=temps, emissivity=eps, fin_efficiency=eta,
                                  sides=sides, areal_density="5 kg/m^2", absorptivity=rng.uniform(0, 0.3, n),
                                  incident_solar=Q_(rng.uniform(0, 400, n), "W/m^2"), albedo=0.3,
                                  earth_view_factor=rng.uniform(0, 1, n), earth_ir="237 W/m^2")
    ok = np.asarray(sized.feasible) & (loads.m > 0)
    rated = thermal.rate_radiator(heat_load=loads[ok], area=sized.area[ok], emissivity=eps[ok],
                                  fin_efficiency=eta[ok], sides=sides[ok], absorbed_flux=sized.absorbed_flux[ok])
    np.testing.assert_allclose(rated.temperature.m_as("K"), temps.m_as("K")[ok], rtol=1e-9)
