"""Every public structure function is vectorized: scalar, list and 1,000,000-element inputs agree, and a
million-point call runs the same Python lines of spacedc as a ten-point call (no loop over elements; the
``lines_executed`` fixture of tests/conftest.py)."""

import numpy as np
import pytest

from spacedc import structure as s
from spacedc.units import Q_

N = 1_000_000


def _m(x):
    """Magnitude of a Quantity (or a plain number) as a float array."""
    return np.asarray(getattr(x, "magnitude", x), dtype=float)


RADIATOR = dict(inclination="98 deg", duration="5 year", panel_area="16 m^2", panel_count=40,
                face_thickness="0.3 mm", heat_pipe_count=400, heat_pipe_length="4 m", heat_pipe_diameter="12 mm",
                heat_pipe_wall="1 mm", heat_rejection="150 kW", spare_heat_pipes=20)
WING = dict(panel_length="2 m", panel_width="3 m", face_thickness="0.3 mm", face_modulus="70 GPa",
            face_density="2700 kg/m^3", core_density="50 kg/m^3", hinge_stiffness="3000 N*m/rad", tip_mass="4 kg")
MARGINS = dict(stack_mass="1000 kg", tie_down_count=4, tie_down_radius="0.5 m", stack_cg_height="0.3 m",
               tie_down_allowable_tension="40 kN", tie_down_allowable_shear="40 kN", cylinder_radius="0.8 m",
               cylinder_thickness="3 mm", satellite_cg_height="2 m", yield_strength="276 MPa",
               ultimate_strength="310 MPa", modulus="68.9 GPa", poisson_ratio=0.33)
STOWED = dict(cylinder_radius="0.8 m", cylinder_thickness="4 mm", cg_height="1.5 m", modulus="70 GPa",
              stack_mass="800 kg", tie_down_stiffness="2e6 N/m", tie_down_count=6)

# name -> (unit of the swept input, its range, call taking the swept Quantity, output to compare)
CASES = {
    "mass_to_orbit": ("km", (300, 600), lambda x: s.mass_to_orbit("starship", x, "53 deg").mass),
    "usable_height": ("m", (1, 4.6), lambda x: s.usable_height("falcon-9", x)),
    "atmosphere_density": ("km", (150, 1500), lambda x: s.atmosphere_density(x)),
    "drag_makeup_delta_v": ("km", (300, 1000), lambda x: s.drag_makeup_delta_v(x, "5 year", mass="5 t",
                                                                               drag_area="100 m^2")),
    "disposal_delta_v": ("km", (300, 2000), lambda x: s.disposal_delta_v(x, "50 km")),
    "propellant_mass": ("m/s", (0, 500), lambda x: s.propellant_mass("1000 kg", x, "220 s")),
    "delta_v_budget": ("km", (300, 1000), lambda x: s.delta_v_budget(x, "5 year", mass="5 t",
                                                                     drag_area="100 m^2").total),
    "mass_budget": ("kg", (10, 5000), lambda x: s.mass_budget({"thermal": x, "payload": "800 kg"},
                                                              categories={"payload": "electronics-large"},
                                                              delta_v="100 m/s", specific_impulse="1500 s").wet),
    "margin_of_safety": ("MPa", (10, 300), lambda x: s.margin_of_safety("276 MPa", x, 1.25)),
    "tie_down_loads": ("kg", (10, 5000), lambda x: s.tie_down_loads(x, 4, 6.0, 2.0, cg_height="0.3 m",
                                                                    pattern_radius="0.5 m").tension),
    "cylinder_stress": ("mm", (1, 10), lambda x: s.cylinder_stress("5 t", "1 m", x, "2 m", 6.0, 2.0,
                                                                   modulus="70 GPa").margin_buckling),
    "launch_margins": ("kg", (1000, 20000), lambda x: s.launch_margins("falcon-9", satellite_mass=x,
                                                                       **MARGINS).min_margin),
    "cantilever_frequency": ("m", (0.5, 20), lambda x: s.cantilever_frequency("583 N*m^2", "2.7 kg/m", x)),
    "tip_mass_cantilever_frequency": ("kg", (0, 100), lambda x: s.tip_mass_cantilever_frequency(
        "583 N*m^2", "1 m", x, "2.7 kg")),
    "torsional_spring_frequency": ("N*m/rad", (1, 1e4), lambda x: s.torsional_spring_frequency(x, "4 kg*m^2")),
    "axial_rod_frequency": ("kg", (10, 1e4), lambda x: s.axial_rod_frequency("1e8 N", "2 m", x, "50 kg")),
    "dunkerley": ("Hz", (0.1, 10), lambda x: s.dunkerley(x, "2 Hz")),
    "sandwich_bending_stiffness": ("mm", (0, 50), lambda x: s.sandwich_bending_stiffness("70 GPa", "0.5 mm", x)),
    "frequency_requirement": ("Hz", (0.001, 1), lambda x: s.frequency_requirement(x)),
    "deployed_wing_frequency": ("mm", (1, 50), lambda x: s.deployed_wing_frequency(
        panel_count=4, core_thickness=x, **WING).frequency),
    "stowed_frequencies": ("kg", (500, 20000), lambda x: s.stowed_frequencies(
        "falcon-9", satellite_mass=x, **STOWED).first_mode),
    "meteoroid_flux": ("g", (1e-9, 1), lambda x: s.meteoroid_flux(x, "500 km")),
    "debris_flux": ("cm", (0.001, 10), lambda x: s.debris_flux(x, "650 km", "98 deg")),
    "debris_velocity": ("deg", (0, 180), lambda x: s.debris_velocity(x)),
    "particle_mass": ("mm", (0.01, 10), lambda x: s.particle_mass(x, "2.7 g/cm^3")),
    "critical_diameter": ("mm", (0.1, 5), lambda x: s.critical_diameter(x, "10 km/s")),
    "no_penetration_probability": ("m^2", (0, 1000), lambda x: s.no_penetration_probability(
        "0.01 1/m^2/year", x, "5 year")),
    "radiator_mmod": ("km", (300, 1200), lambda x: s.radiator_mmod(altitude=x, **RADIATOR).heat_rejection_eol),
    "structure_hardware": ("mm", (1, 50), lambda x: s.structure_hardware(
        cylinder_radius="0.8 m", cylinder_height="1.2 m", cylinder_thickness=x, cylinder_density="2796 kg/m^3",
        tie_down_count=16, tie_down_mass="0.5 kg").primary),
    "satellites_per_launch": ("kg", (500, 30000), lambda x: s.satellites_per_launch(
        "falcon-9", satellite_mass=x, stowed_diameter="4 m", stowed_height="2 m", altitude="500 km",
        inclination="53 deg").satellites_per_launch),
}


def test_every_public_function_is_covered():
    functions = {name for name in s.__all__ if callable(getattr(s, name)) and name[0].islower()}
    assert functions - set(CASES) == {"launch_vehicle", "load_factor_cases", "growth_allowance", "factor_of_safety",
                                      "material"}  # data look-ups, not array physics


@pytest.mark.parametrize("name", sorted(CASES))
def test_scalar_list_and_million_agree_without_python_loops(name, lines_executed):
    unit, (lo, hi), call = CASES[name]
    values = np.linspace(lo, hi, N)
    small_lines, _ = lines_executed(lambda: call(Q_(values[:10], unit)))
    big_lines, big = lines_executed(lambda: call(Q_(values, unit)))
    assert big_lines == small_lines, f"{name}: {small_lines} lines for 10 points, {big_lines} for 1e6"
    big = _m(big)
    assert big.shape == (N,)
    k = N // 3
    assert _m(call(Q_(values[k], unit))) == pytest.approx(big[k], rel=1e-12)
    listed = _m(call([Q_(v, unit) for v in values[:3]]))
    assert listed == pytest.approx(big[:3], rel=1e-12)
