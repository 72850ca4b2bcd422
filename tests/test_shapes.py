"""Inputs whose array shapes clash are bad input that names each clashing parameter with its shape.

numpy's own message ("operands could not be broadcast together with shapes (3,) (4,)") names no parameter,
and came from deep inside a kernel. Every public array function of orbit, power, thermal and structure checks
its inputs first (spacedc.units.named_shapes), so the message says which inputs clash, and with what shapes.
"""

import dataclasses
import inspect

import numpy as np
import pytest

from spacedc import designs, orbit, power, structure, thermal
from spacedc.units import Q_, broadcast_shape, u

A3 = lambda unit: Q_(np.linspace(1.0, 2.0, 3), unit)  # noqa: E731
A4 = lambda unit: Q_(np.linspace(1.0, 2.0, 4), unit)  # noqa: E731
DATES4 = np.datetime64("2030-01-01") + np.arange(4) * np.timedelta64(1, "D")
PANEL = thermal.PanelSpec(width="3 m", length="2 m", face_sheet_material="al6061-t6", face_sheet_thickness="0.5 mm",
                          core_density="50 kg/m^3", core_thickness="15 mm", pipe_pitch="0.08 m",
                          pipe_diameter="12.7 mm", pipe_wall_thickness="1 mm", pipe_linear_mass="0.15 kg/m",
                          pipe_transport_limit="143 W*m", emissivity=0.9, absorptivity=0.1)

# (call, the two parameter names that clash): each call gives the first a (3,) array and the second a (4,) one.
CASES = {
    "orbit.nodal_precession_rate": (lambda: orbit.nodal_precession_rate(A3("km") * 500, A4("deg") * 40),
                                    ("altitude", "inclination")),
    "orbit.eclipse_fraction": (lambda: orbit.eclipse_fraction(A3("km") * 500, A4("deg") * 20), ("altitude", "beta")),
    "orbit.eclipse_duration": (lambda: orbit.eclipse_duration(A3("km") * 500, A4("deg") * 20), ("altitude", "beta")),
    "orbit.earth_view_factor": (lambda: orbit.earth_view_factor(A3("km") * 500, A4("deg") * 30),
                                ("altitude", "angle_from_nadir")),
    "orbit.beta_angle": (lambda: orbit.beta_angle(DATES4, altitude=A3("km") * 500, inclination=None, ltan="06:00",
                                                  epoch="2030-01-01"), ("altitude", "date")),
    "orbit.eclipse_statistics": (lambda: orbit.eclipse_statistics(altitude=A3("km") * 500, inclination=A4("deg") * 40,
                                                                  raan="0 deg", days=3), ("altitude", "inclination")),
    "orbit.Orbit": (lambda: orbit.Orbit(altitude=A3("km") * 500, ltan=A4("hour") * 6), ("altitude", "ltan")),
    "power.size_solar_array": (lambda: power.size_solar_array(
        daylight_load=A3("kW"), eclipse_load=A4("kW"), daylight_duration="60 min", eclipse_duration="35 min",
        lifetime="5 year", cell="xtj"), ("daylight_load", "eclipse_load")),
    "power.array_operating_temperature": (lambda: power.array_operating_temperature(
        solar_flux=A3("W/m^2") * 1000, absorptance=0.9, efficiency=0.28, emissivity_front=np.full(4, 0.85),
        emissivity_back=0.8), ("solar_flux", "emissivity_front")),
    "power.size_battery": (lambda: power.size_battery(eclipse_load=A3("kW"), eclipse_duration=A4("min") * 30,
                                                      cycles=1e4, specific_energy="150 W*h/kg"),
                           ("eclipse_load", "eclipse_duration")),
    "power.conditioning_losses": (lambda: power.conditioning_losses(A3("kW"), np.full(4, 0.9)), ("load", "efficiency")),
    "thermal.size_radiator": (lambda: thermal.size_radiator(heat_load=A3("kW"), temperature=A4("K") * 300,
                                                            emissivity=0.9, areal_density="5 kg/m^2"),
                              ("heat_load", "temperature")),
    "thermal.fin_efficiency": (lambda: thermal.fin_efficiency(
        conductivity="167 W/m/K", thickness=A3("mm"), half_width=A4("cm") * 5, emissivity=0.85,
        root_temperature="300 K"), ("thickness", "half_width")),
    "thermal.environment_loads": (lambda: thermal.environment_loads(
        altitude=A3("km") * 500, absorptivity=0.1, emissivity=0.9, solar_zenith_angle=A4("deg") * 10),
        ("altitude", "solar_zenith_angle")),
    "thermal.size_panels": (lambda: thermal.size_panels(PANEL, heat_load=A3("kW"), radiator_temperature=A4("K") * 300),
                            ("heat_load", "radiator_temperature")),
    "thermal.size_panels(spec)": (lambda: thermal.size_panels(dataclasses.replace(PANEL, width=A3("m") * 3),
                                                              heat_load=A4("kW"), radiator_temperature="300 K"),
                                  ("spec.width", "heat_load")),
    "thermal.PanelSpec": (lambda: thermal.PanelSpec(
        width=A3("m") * 3, length=A4("m") * 2, face_sheet_material="al6061-t6", face_sheet_thickness="0.5 mm",
        core_density="50 kg/m^3", core_thickness="15 mm", pipe_pitch="0.08 m", pipe_diameter="12.7 mm",
        pipe_wall_thickness="1 mm", pipe_linear_mass="0.15 kg/m", pipe_transport_limit="143 W*m", emissivity=0.9,
        absorptivity=0.1), ("width", "length")),
    "thermal.size_loop": (lambda: thermal.size_loop(
        heat_load=A3("kW"), coolant="ammonia", radiator_inlet_temperature="310 K", temperature_rise="10 K",
        line_length=A4("m"), line_diameter="40 mm", pump_efficiency=0.5, emissivity=0.9),
        ("heat_load", "line_length")),
    "thermal.radiator_along_flow": (lambda: thermal.radiator_along_flow(
        heat_load=A3("kW"), inlet_temperature="330 K", outlet_temperature="300 K", emissivity=np.full(4, 0.9)),
        ("heat_load", "emissivity")),
    "thermal.max_radiator_temperature": (lambda: thermal.max_radiator_temperature(
        junction_temperature_max="358 K", chip_power=A3("kW"), junction_to_case=A4("K/W") / 50,
        cold_plate_resistance="0.02 K/W"), ("chip_power", "junction_to_case")),
    "thermal.heat_pump": (lambda: thermal.heat_pump(heat_load=A3("kW"), cold_temperature="300 K",
                                                    hot_temperature=A4("K") * 320, carnot_fraction=0.4),
                          ("heat_load", "hot_temperature")),
    "thermal.coolant_properties": (lambda: thermal.coolant_properties("ammonia", A3("K") * 290,
                                                                      loop_pressure=A4("MPa") * 2),
                                   ("temperature", "loop_pressure")),
    "structure.mass_to_orbit": (lambda: structure.mass_to_orbit("falcon-9", A3("km") * 500, A4("deg") * 40),
                                ("altitude", "inclination")),
    "structure.delta_v_budget": (lambda: structure.delta_v_budget(A3("km") * 500, "5 year", mass=A4("t"),
                                                                  drag_area="100 m^2"), ("altitude", "mass")),
    "structure.propellant_mass": (lambda: structure.propellant_mass(A3("t"), A4("km/s") / 10, "220 s"),
                                  ("dry_mass", "delta_v")),
    "structure.mass_budget": (lambda: structure.mass_budget({"payload": A3("t"), "thermal": A4("t")}),
                              ("subsystems['payload']", "subsystems['thermal']")),
    "structure.cylinder_stress": (lambda: structure.cylinder_stress(A3("t"), A4("m"), "4 mm", "1.5 m", 6.0, 2.0),
                                  ("mass", "radius")),
    "structure.tie_down_loads": (lambda: structure.tie_down_loads(A3("kg") * 100, 8, 6.0, np.full(4, 2.0)),
                                 ("stack_mass", "lateral_load_factor")),
    "structure.margin_of_safety": (lambda: structure.margin_of_safety(A3("MPa"), A4("MPa"), 1.25),
                                   ("allowable", "limit_load")),
    "structure.dunkerley": (lambda: structure.dunkerley(A3("Hz"), A4("Hz")), ("frequencies[0]", "frequencies[1]")),
    "structure.sandwich_bending_stiffness": (lambda: structure.sandwich_bending_stiffness(
        A3("GPa") * 70, A4("mm"), "15 mm"), ("face_modulus", "face_thickness")),
    "structure.tip_mass_cantilever_frequency": (lambda: structure.tip_mass_cantilever_frequency(
        A3("N*m^2") * 1e4, A4("m"), "10 kg"), ("bending_stiffness", "length")),
    "structure.no_penetration_probability": (lambda: structure.no_penetration_probability(
        A3("1/m^2/year"), A4("m^2"), "5 year"), ("flux", "area")),
    "structure.debris_flux": (lambda: structure.debris_flux(A3("cm"), A4("km") * 500, "53 deg"),
                              ("diameter", "altitude")),
    "structure.satellites_per_launch": (lambda: structure.satellites_per_launch(
        "falcon-9", satellite_mass=A3("t"), stowed_diameter=A4("m"), stowed_height="3 m", altitude="650 km",
        inclination="98 deg"), ("satellite_mass", "stowed_diameter")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_clashing_shapes_name_both_parameters_and_their_shapes(name):
    call, (first, second) = CASES[name]
    with pytest.raises(ValueError) as caught:
        call()
    message = str(caught.value)
    assert "shapes do not broadcast:" in message, message
    assert f"{first} (3,)" in message and f"{second} (4,)" in message, message
    assert "operands could not be broadcast" not in message


def test_shapes_that_broadcast_pass():
    """No false alarm: a (3,) input with a (2, 1) one broadcasts to (2, 3), and scalars and strings go with all."""
    r = thermal.size_radiator(heat_load=Q_(np.ones((2, 1)), "kW"), temperature=A3("K") * 300, emissivity=0.9,
                              areal_density="5 kg/m^2")
    assert r.area.shape == (2, 3)
    assert broadcast_shape(a=A3("m"), b=Q_(np.ones((2, 1)), "m"), c="3 m", d=0.5) == (2, 3)


def test_only_the_clashing_inputs_are_named():
    """An input that broadcasts with every other is not blamed."""
    with pytest.raises(ValueError) as caught:
        broadcast_shape(heat_load=A3("kW"), emissivity=np.full(3, 0.9), area=A4("m^2"), sides=2)
    assert str(caught.value) == "shapes do not broadcast: heat_load (3,), emissivity (3,), area (4,)"
    with pytest.raises(ValueError) as caught:
        broadcast_shape(heat_load=A3("kW"), area=A4("m^2"), factor=Q_(np.ones((5, 1)), ""))
    assert "factor" not in str(caught.value)


def test_design_fields_that_clash_are_named_with_their_section():
    sat = designs.load("sso-100kw")
    with pytest.raises(ValueError, match=r"shapes do not broadcast: payload\.chip_count \(4,\), "
                                         r"payload\.chip_power \(3,\)"):
        sat.replace(payload__chip_power=A3("kW"), payload__chip_count=np.arange(1, 5))
    with pytest.raises(ValueError, match=r"payload\.chip_power \(3,\), thermal\.coolant_temperature \(4,\)"):
        sat.replace(payload__chip_power=A3("kW"), thermal__coolant_temperature=A4("K") + 300 * u.K)


def test_every_public_array_function_checks_its_shapes():
    """Each public function of the four packages that takes two or more inputs is wrapped by named_shapes;
    lookups by name and single-input functions cannot clash."""
    lookups = {"cell", "coating", "material", "coolant", "launch_vehicle", "growth_allowance", "factor_of_safety",
               "earth_albedo_ir", "load_factor_cases", "plot_temperatures"}
    single = {"orbital_period", "sun_synchronous_inclination", "sun_position", "solar_flux", "critical_beta_angle",
              "atmosphere_density", "debris_velocity"}
    # shell models: their arrays run over altitude shells (edges K + 1, rates K), not over broadcast points
    single |= {"cascade", "cascade_capacity"}
    unchecked = []
    for package in (orbit, power, thermal, structure):
        for name in package.__all__:
            f = getattr(package, name)
            if inspect.isfunction(f) and name not in lookups | single and not hasattr(f, "__wrapped__"):
                unchecked.append(f"{package.__name__}.{name}")
    assert not unchecked
