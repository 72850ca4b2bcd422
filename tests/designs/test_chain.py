"""The sizing chain of designs/: composition checked by hand, the junction limit, the transient network, and
sweeps as one vectorized call."""

import numpy as np
import pytest
from scipy.integrate import solve_ivp

from spacedc import designs
from spacedc import orbit
from spacedc.units import u

SIGMA = 5.670374419e-8  # CODATA 2018


@pytest.fixture(scope="module")
def sat():
    return designs.load("sso-100kw")


@pytest.fixture(scope="module")
def result(sat):
    return designs.size(sat)


def test_power_demand_and_heat_load_by_hand(result):
    """SMAD 3rd ed. section 11.4: P_sa = (P_e T_e / X_e + P_d T_d / X_d) / T_d with P_e = P_d = the bus load,
    which is the chips through 95 % converters, 3 kW housekeeping and the loop pump; the heat is the load plus
    the orbit-average path loss (designs/chain.py docstring)."""
    pump = result.pump_power.m_as("W")
    load = 100 * 1000.0 / 0.95 + 3000.0 + pump
    assert result.load.m_as("W") == pytest.approx(load, rel=1e-9)
    assert 0 < pump < 0.01 * load
    t_e = result.environment.eclipse_duration.m_as("s")
    t_d = result.environment.daylight_duration.m_as("s")
    assert t_e + t_d == pytest.approx(result.environment.period.m_as("s"), rel=1e-12)
    p_sa = (load * t_e / 0.60 + load * t_d / 0.80) / t_d
    assert result.array.required_power.m_as("W") == pytest.approx(p_sa, rel=1e-9)
    path = (load * t_e * (1 / 0.60 - 1) + load * t_d * (1 / 0.80 - 1)) / (t_e + t_d)
    assert result.heat_rejected.m_as("W") == pytest.approx(load + path, rel=1e-9)
    assert result.compressor_power.m_as("W") == 0


def test_junction_by_hand(result):
    """Hottest chip: coolant at 38 C plus 1000 W x (0.02 + 0.02) K/W = 78 C, below the 85 C limit; the hottest
    coolant allowed is 85 - 40 = 45 C."""
    assert result.junction_temperature.m_as("degC") == pytest.approx(78.0, abs=1e-9)
    assert result.heat_path.radiator_inlet_temperature.m_as("degC") == pytest.approx(45.0, abs=1e-9)


def test_radiator_area_against_an_independent_integration_along_the_flow(sat, result):
    """The coolant cools from 38 C to 28 C along the radiator: m cp dT = -n eta eps sigma (T^4 - Ts^4) dA.
    Integrated here with solve_ivp over T (independently of thermal.radiator_along_flow's closed form)."""
    q = result.heat_rejected.m_as("W")
    t_in, t_out = 311.15, 301.15
    m_cp = q / (t_in - t_out)
    ts = result.loads.sink_temperature.m_as("K")
    k = 2 * result.panels.panel_efficiency * 0.92 * SIGMA

    sol = solve_ivp(lambda T, A: [m_cp / (k * (T**4 - ts**4))], (t_in, t_out), [0.0], rtol=1e-10, atol=1e-10)
    area = -sol.y[0, -1]
    assert result.required_radiator_area.m_as("m^2") == pytest.approx(area, rel=1e-6)
    installed = 1.2 * area  # thermal.area_margin = 0.2: spare area for the heat pipes MMOD takes
    assert result.radiator_area.m_as("m^2") == pytest.approx(installed, rel=1e-6)
    assert result.radiator_mass.m_as("kg") == pytest.approx(installed * result.panels.areal_density.m_as("kg/m^2"),
                                                            rel=1e-6)
    panel = 2.0 * 3.0
    assert result.panel_count == 2 * int(np.ceil(installed / (2 * panel)))


def test_environment_loads_use_the_orbit_noon_sun(sat, result):
    """Edge-on two-sided panel: each face sees Earth with F(650 km, 90 deg); the sub-satellite solar zenith is
    |beta| at orbit noon, so albedo scales with cos(beta_min) (hand derivation with the hot case)."""
    hot = orbit.earth_albedo_ir("hot")
    F = orbit.earth_view_factor(650 * u.km, 90 * u.deg)
    S = hot.solar_flux.m_as("W/m^2")
    beta = result.environment.beta_min.m_as("rad")
    per_face = 0.09 * hot.albedo * S * F * np.cos(beta) + 0.92 * F * hot.outgoing_ir.m_as("W/m^2")
    assert result.loads.absorbed_flux.m_as("W/m^2") == pytest.approx(2 * per_face, rel=1e-6)


def test_mass_budget_takes_the_sized_subsystems(result):
    """The launch module's budget starts from the sized masses (its own growth and margin arithmetic is tested
    in tests/designs/test_launch.py and tests/structure/)."""
    m = result.to_dict()["mass"]
    # every chip flown is payload: the 100 active and the cold spares sized for the end-of-life target
    assert result.compute.chips_active == 100 and result.compute.chips_spare > 0
    assert m["payload_kg"] == pytest.approx((100 + result.compute.chips_spare) * 16.0)
    assert m["power_kg"] == pytest.approx(result.array.mass.m_as("kg") + result.battery.mass.m_as("kg"))
    assert m["thermal_kg"] == pytest.approx(result.radiator_mass.m_as("kg") + result.loop_mass.m_as("kg")
                                            + result.battery_radiator_mass.m_as("kg"))
    parts = ("payload", "power", "thermal", "adcs", "propulsion", "structure", "harness", "growth")
    assert m["dry_kg"] == pytest.approx(sum(m[f"{k}_kg"] for k in parts), rel=1e-9)
    assert m["total_kg"] == pytest.approx(m["dry_kg"] + m["margin_kg"] + m["propellant_kg"], rel=1e-9)


@pytest.mark.parametrize("ltan", ["06:00", "10:30", "12:00"])
def test_drag_area_adds_the_sun_tracking_array_orbit_average(sat, ltan):
    """Drag make-up uses the radiator face (one side), the bus face and the array's orbit-average projection:
    a sun-tracking normal s has cos(beta) in the orbit plane, so |s . v| averages to (2 / pi) cos(beta) over
    an orbit (hand derivation). Recomputed here with orbit.station_keeping_delta_v at the budget's mass, dry
    mass with the system margin; a noon orbit (beta near 0) then carries most of the array's area, a dawn-dusk
    one little."""
    design = sat.replace(orbit__ltan=ltan)
    r = designs.size(design, transient=False)
    beta = r.environment.beta_min.m_as("rad")
    area = (r.radiator_area.m_as("m^2") + design.geometry.bus_width.m_as("m") ** 2
            + r.array.area.m_as("m^2") * np.cos(beta) * 2 / np.pi)
    mass = r.mass.dry.m_as("kg") * (1 + design.launch.system_margin)
    # at the orbit-mean geodetic altitude, which the atmosphere is given by (orbit.mean_geodetic_altitude)
    expect = orbit.station_keeping_delta_v(
        orbit.mean_geodetic_altitude(design.orbit.altitude, r.environment.inclination), design.power.lifetime,
        epoch=design.orbit.epoch,
        ballistic_coefficient=mass / (design.launch.drag_coefficient * area) * u("kg/m^2"))
    assert r.launch.delta_v.drag_makeup.m_as("m/s") == pytest.approx(expect.m_as("m/s"), rel=1e-9)
    if ltan == "12:00":
        assert np.cos(beta) > 0.9


def test_transient_network_of_the_design(result):
    tr = result.transient
    assert tr is not None and tr.energy_closure < 1e-6
    # the network radiates from the area the heat needs (end of life: the spare area is for the heat pipes
    # MMOD takes), with the sizing's loop-to-radiator conductance, so over an orbit its chips swing about the
    # sizing's junction (the orbit-average state is the sizing's), and never above the limit
    assert tr.chip_min.m_as("K") < tr.chip_max.m_as("K") <= 358.15
    mean = (tr.chip_min.m_as("K") + tr.chip_max.m_as("K")) / 2
    assert result.junction_temperature.m_as("K") - 5 < mean < result.junction_temperature.m_as("K") + 2
    data = result.to_dict()["thermal"]
    assert data["chip_max_orbit_K"] == pytest.approx(tr.chip_max.m_as("K"))


def test_heat_pump_by_hand(sat):
    """A 30 K lift at 0.4 of Carnot from the loop's 28 C return: COP = 0.4 * 301.15 / 30 (Carnot's cooling
    COP T_c / (T_h - T_c)), W = Q_c / COP, and the radiator condenses at 331.15 K and rejects Q_c + W. Energy:
    every electrical watt (the load and its power-path loss) leaves through the radiator."""
    r = designs.size(sat.replace(thermal__heat_pump_lift=30 * u.K), transient=False)
    assert r.transient is None  # the node network has no heat-pump model
    cop = 0.4 * 301.15 / 30
    q_rad = r.heat_rejected.m_as("W")
    w = r.compressor_power.m_as("W")
    assert w == pytest.approx((q_rad - w) / cop, rel=1e-9)
    assert r.radiator_temperature.m_as("K") == pytest.approx(331.15)
    assert r.load.m_as("W") == pytest.approx(100_000 / 0.95 + 3000 + r.pump_power.m_as("W") + w, rel=1e-9)
    assert q_rad == pytest.approx(r.load.m_as("W") + r.path_loss.m_as("W"), rel=1e-9)


def test_a_sweep_is_one_call_and_matches_single_points(sat):
    powers = np.linspace(300, 1000, 1000)
    trade = designs.size(sat.replace(payload__chip_power=powers * u.W))
    assert trade.radiator_area.m.shape == (1000,)
    assert trade.feasible.shape == (1000,) and trade.feasible.all()
    assert trade.transient is None
    for i in (0, 437, 999):
        one = designs.size(sat.replace(payload__chip_power=powers[i] * u.W), transient=False)
        assert trade.radiator_area.m[i] == pytest.approx(one.radiator_area.m_as("m^2"), rel=1e-9)
        assert trade.mass.wet.m[i] == pytest.approx(one.mass.wet.m_as("kg"), rel=1e-9)
    assert np.all(np.diff(trade.radiator_area.m) > 0)
    table = trade.to_dict()
    assert len(table["thermal"]["radiator_area_m2"]) == 1000


def test_the_junction_limit_bounds_the_coolant_and_is_never_exceeded(sat):
    """Issue acceptance: the sizing never uses a coolant/radiator temperature the junction limit forbids."""
    temps = np.linspace(280, 340, 61)
    trade = designs.size(sat.replace(thermal__coolant_temperature=temps * u.K))
    limit = 358.15
    ok = trade.feasible
    assert ok.any() and (~ok).any()
    assert np.all(trade.junction_temperature.m[ok] <= limit + 1e-9)
    allowed = trade.heat_path.radiator_inlet_temperature.m_as("K")
    assert np.all(temps[ok] <= allowed + 1e-9)
    assert all("junction limit" in r for r in trade.reasons[temps > allowed + 1e-9])
    values = [v for section in ("power", "thermal", "mass") for col in trade.to_dict()[section].values()
              if isinstance(col, list) for v in col]
    assert not any(isinstance(v, float) and np.isnan(v) for v in values)  # unbounded is null, never NaN


def test_sweep_keeps_going_past_radiators_below_their_sink(sat):
    """A sun-facing black radiator (alpha 0.95) has a sink near 335 K, above a 311 K coolant."""
    sun = sat.replace(thermal__orientation="sun-facing")
    trade = designs.size(sun.replace(thermal__absorptivity=np.array([0.09, 0.95])))
    assert not trade.feasible[1] and "sink" in trade.reasons[1] and "sink" not in trade.reasons[0]
    assert np.isfinite(trade.radiator_area.m[0])
    assert np.isinf(trade.radiator_area.m[1]) and trade.to_dict()["thermal"]["radiator_area_m2"][1] is None


def test_replace_rejects_unknown_fields(sat):
    with pytest.raises(designs.DesignError, match="payload.chip_pwr"):
        sat.replace(payload__chip_pwr=3 * u.W)
    with pytest.raises(ValueError, match="payload.chip_power"):
        sat.replace(payload__chip_power=-3 * u.W)


def test_an_orbit_too_low_for_its_propellant_is_infeasible_not_a_crash(sat):
    """150 km for five years at 100 s Isp: the drag make-up needs a mass ratio beyond float range. The design
    is infeasible with that reason (not a traceback or a NaN), alone and inside a sweep."""
    import json

    low = sat.replace(orbit__altitude="150 km", launch__specific_impulse="100 s")
    r = designs.size(low)
    assert r.feasible is False and "the propellant for" in r.reasons
    assert "raise the orbit or the specific impulse" in r.reasons
    data = designs.summary(r)
    json.dumps(data, allow_nan=False)
    assert not data["mass"]["total_kg"] or data["mass"]["total_kg"] > 1e30
    assert data["launch"]["margins"]["mass"] == pytest.approx(-1.0)
    both = designs.size(low.replace(orbit__altitude=np.array([150, 650]) * u.km))
    assert both.feasible.tolist() == [False, True]
    assert "propellant for drag make-up and disposal unbounded" in both.reasons[0]


@pytest.mark.parametrize("field, values", [
    ("acs_bandwidth", np.array([0.5, 1.0, 2.0]) * u.mHz),
    ("acs_separation_factor", np.array([5.0, 10.0, 20.0])),
    ("mmod_eol_heat_fraction", np.array([0.8, 0.9, 1.0])),
    ("launch_price", np.array([30e6, 70e6, 100e6]) * u.USD),
    ("modules", np.array([1, 4, 9])),
])
def test_launch_choices_sweep_in_one_call(sat, field, values):
    """Launch fields sweep like the others: every summary column holds one value per point, equal to the
    single design at that value."""
    import json

    r = designs.size(sat.replace(**{f"launch__{field}": values}))
    data = designs.summary(r)
    json.dumps(data, allow_nan=False)  # every column is JSON, the swept module count too
    assert np.shape(r.feasible) == (3,)
    for section in ("launch", "station"):
        for key, col in data[section].items():
            if key in ("vehicle", "notes", "margins") or col is None or np.ndim(col) == 0:
                continue
            assert len(col) == 3, (section, key)
    one = designs.size(sat.replace(**{f"launch__{field}": values[1]}), transient=False)
    single = designs.summary(one)
    assert data["launch"]["margins"]["deployed_frequency"][1] == pytest.approx(
        single["launch"]["margins"]["deployed_frequency"])
    assert data["station"]["launch_cost_per_kW_USD"][1] == pytest.approx(single["station"]["launch_cost_per_kW_USD"])


def test_a_battery_past_its_cycle_data_makes_the_design_infeasible():
    """Every step's reasons reach the design: the demonstrator at a 12-year life needs more battery cycles
    than the Li-ion cycle-life table covers (one per orbit on each eclipse day), so it is infeasible, naming
    the battery, although every other step passes."""
    demo = designs.load("demo-1gpu").replace(power__lifetime=12 * u.year)
    r = designs.size(demo, transient=False)
    assert r.battery.feasible is False
    assert r.feasible is False and "cycle" in r.reasons


def test_a_sweep_of_the_junction_limit_is_one_call(sat):
    """The junction limit alone swept: the coolant and so the junction stay put (78 degC), so a 75 degC limit
    is infeasible naming the junction, and 80 and 85 degC are feasible."""
    from spacedc.units import Q_

    r = designs.size(sat.replace(payload__junction_limit=Q_([75.0, 80.0, 85.0], "degC")), transient=False)
    assert r.feasible.tolist() == [False, True, True]
    assert "junction limit" in r.reasons[0]


def test_a_loop_that_freezes_over_the_orbit_is_infeasible(sat, result, monkeypatch):
    """The radiator node (heat pipes and manifolds the coolant runs through) of sso-100kw dips to about 303 K
    over the orbit. With a coolant that froze at 305 K the design must be infeasible, naming the freezing;
    with ammonia's own 195.5 K it is not."""
    import dataclasses

    from spacedc import thermal

    assert result.feasible is True and "freezing" not in result.reasons
    assert result.transient.radiator_min.m_as("K") < 305.0
    warm = dataclasses.replace(thermal.COOLANTS["ammonia"], freezing_point=305.0)
    monkeypatch.setitem(thermal.COOLANTS, "ammonia", warm)
    r = designs.size(sat)
    assert r.feasible is False and "freezing point (31.9 degC)" in r.reasons


@pytest.mark.parametrize("beta_deg, eclipse", [(90.0, 0.0), (58.6, 0.2018), (30.0, 0.35), (0.0, 0.37)])
def test_array_back_face_view_factor_averages_the_sunlit_arc(beta_deg, eclipse):
    """The sun-tracking array's back face is at the solar zenith angle from nadir, cos(zeta) = cos(beta)
    cos(theta); its Earth view factor averaged over the sunlit arc |theta| <= pi (1 - f_e). Checked against
    adaptive quadrature (scipy.integrate.quad) of the same view factor over theta; at beta = 90 deg the face
    stays edge-on to Earth, F(90 deg), and lower beta sees more of Earth."""
    from scipy.integrate import quad

    from spacedc.designs.chain import _array_back_view_factor

    h = 650.0
    arc = np.pi * (1 - eclipse)
    b = np.radians(beta_deg)

    def view(theta):
        zeta = np.arccos(np.cos(b) * np.cos(theta))
        return float(orbit.earth_view_factor(h * u.km, zeta * u.rad))

    expect = quad(view, 0.0, arc, limit=200, points=None)[0] / arc
    got = _array_back_view_factor(h * u.km, beta_deg * u.deg, eclipse)
    assert got == pytest.approx(expect, rel=2e-3)
    if beta_deg == 90.0:
        assert got == pytest.approx(float(orbit.earth_view_factor(h * u.km, 90 * u.deg)), rel=1e-12)
    else:
        assert got > float(orbit.earth_view_factor(h * u.km, 90 * u.deg))


def test_battery_radiator_by_hand_and_the_battery_band_over_the_orbit(sat, result):
    """The battery's own radiator: its orbit-average discharge loss P (1/n - 1) T_e / T leaves one face at the
    middle of its 0-40 C band against that face's orbit-average absorbed flux (sunlit load in daylight, Earth
    IR in eclipse), A = Q / (eps sigma T_mid^4 - q_abs), by hand
    from the result's own load, eclipse and environment. Over the orbit the battery then stays in its band;
    bolted to the 38 C coolant loop instead, it runs above 40 C and the design is infeasible, naming it."""
    env, pw = result.environment, sat.power
    t_e, t_d = env.eclipse_duration.m_as("s"), env.daylight_duration.m_as("s")
    q = result.load.m_as("W") * (1 / pw.battery_discharge_efficiency - 1) * t_e / (t_e + t_d)
    absorbed = (result.loads.absorbed_front.m_as("W/m^2") * t_d + result.loads.earth_ir_front.m_as("W/m^2") * t_e) \
        / (t_e + t_d)
    flux = 0.92 * SIGMA * 293.15 ** 4 - absorbed
    assert result.battery_radiator_area.m_as("m^2") == pytest.approx(q / flux, rel=1e-9)
    # the thermostat heater of eclipse-free orbits holds 0 C against the cold-case sunlit flux on that face
    from spacedc import thermal

    cold = thermal.environment_loads(altitude=sat.orbit.altitude, absorptivity=0.09, emissivity=0.92,
                                     orientation="edge-on", solar_zenith_angle=env.beta_min, case="cold")
    heater = q / flux * (0.92 * SIGMA * 273.15 ** 4 - cold.absorbed_front.m_as("W/m^2"))
    assert result.battery_heater_power.m_as("W") == pytest.approx(heater, rel=1e-9)
    assert designs.summary(result)["thermal"]["battery_heater_W"] == pytest.approx(heater, rel=1e-9)
    assert result.battery_radiator_mass.m_as("kg") == pytest.approx(
        q / flux * result.panels.areal_density.m_as("kg/m^2"), rel=1e-9)
    tr = result.transient
    assert 273.15 <= tr.battery_min.m_as("K") < tr.battery_max.m_as("K") <= 313.15
    on_loop = designs.size(sat.replace(thermal__battery_cooling="loop"))
    assert on_loop.battery_radiator_area.m_as("m^2") == 0.0
    assert on_loop.transient.battery_max.m_as("K") > 313.15
    assert on_loop.feasible is False and "the battery runs" in on_loop.reasons and "40 degC range" in on_loop.reasons


def test_a_battery_band_its_radiator_cannot_reach_is_infeasible_not_a_crash(sat):
    """A -100 to -80 C band: the battery radiator's face is warmer than -90 C, so no radiator holds the battery
    there. Infeasible with that reason (exit status 1 in the CLI), not a crash."""
    cold = sat.replace(power__battery_min_temperature="-100 degC", power__battery_max_temperature="-80 degC")
    r = designs.size(cold)
    assert r.feasible is False and "battery radiator's sink is warmer" in r.reasons
    assert not np.isfinite(r.battery_radiator_area.m_as("m^2")) and r.transient is None



#: sso-100kw's bus without spares (designs.envelope.bus_height, the CAD's bus): 100 chips at 8 a rack = 13 racks, floor((2000 -
#: 2 x 3) / 600)^2 = 9 a level, so 2 levels: H = 2 x 500 + 2 x 3 + 200 = 1206 mm. 7075-T6: 0.101 lb/in^3
#: (MIL-HDBK-5J).
_BUS_H, _RHO_7075 = 1.206, 0.101 * 0.45359237 / 0.0254 ** 3


def test_sweeping_the_cylinder_wall_changes_the_structure_mass_by_hand(sat):
    """launch.cylinder_thickness 4 to 40 mm: the primary cylinder 2 pi R t H rho (R = 0.7875 m) is what
    structure_kg gains over the secondary share, point by point; heavier walls make heavier satellites."""
    t = np.array([4.0, 5.0, 10.0, 40.0])
    sat = sat.replace(compute__spares=0)  # the 100 active chips alone fill the racks of _BUS_H
    r = designs.size(sat.replace(launch__cylinder_thickness=t * u.mm))
    m = designs.summary(r)["mass"]
    cylinder = 2 * np.pi * 0.7875 * t * 1e-3 * _BUS_H * _RHO_7075
    assert np.asarray(m["structure_primary_kg"]) == pytest.approx(cylinder, rel=1e-12)
    assert cylinder[1] == pytest.approx(83.4, abs=0.05)  # the reference design's 5 mm wall
    rest = np.asarray(m["structure_kg"]) - np.asarray(m["structure_secondary_kg"])
    assert rest == pytest.approx(cylinder + np.asarray(m["structure_tie_downs_kg"])
                                 + np.asarray(m["structure_deployment_kg"]), rel=1e-12)
    assert np.all(np.diff(m["structure_kg"]) > 0) and np.all(np.diff(m["total_kg"]) > 0)
    one = designs.summary(designs.size(sat.replace(launch__cylinder_thickness="10 mm"), transient=False))["mass"]
    assert one["structure_kg"] == pytest.approx(m["structure_kg"][2], rel=1e-12)


def test_a_cfrp_face_sheet_changes_the_deployed_frequency_with_its_own_modulus(sat, result):
    """The face sheets' stiffness is their material's (spacedc.materials): the deployed wing's EI is
    E_f t_f (t_c + t_f)^2 b / 2 (Hexcel AGU 075b, thin faces) with E_f 9.9 x 10^3 ksi for 6061-T6 (MIL-HDBK-5J)
    and 3/8 (0.6 x 900 + 0.4 x 3) GPa for the K13C2U laminate, b the panel length as built (installed area over
    panel count and panel width); so the CFRP wing's first mode differs. A stated face_sheet_modulus
    overrides the material's."""
    def ei(res, e):
        b = res.radiator_area.m_as("m^2") / (res.panel_count * 2.0)
        return e * 0.5e-3 * (20e-3 + 0.5e-3) ** 2 / 2 * b

    e_al, e_cf = 9.9e3 * 6.894757293168e6, 0.375 * (0.6 * 900e9 + 0.4 * 3e9)
    cf = designs.size(sat.replace(thermal__face_sheet_material="cfrp-k13c2u-qi"), transient=False)
    assert result.launch.deployed.bending_stiffness.m_as("N*m^2") == pytest.approx(ei(result, e_al), rel=1e-9)
    assert cf.launch.deployed.bending_stiffness.m_as("N*m^2") == pytest.approx(ei(cf, e_cf), rel=1e-9)
    assert cf.launch.deployed.frequency.m_as("Hz") > 1.2 * result.launch.deployed.frequency.m_as("Hz")
    stated = designs.size(sat.replace(thermal__face_sheet_modulus="100 GPa"), transient=False)
    assert stated.launch.deployed.bending_stiffness.m_as("N*m^2") == pytest.approx(ei(stated, 100e9), rel=1e-9)
