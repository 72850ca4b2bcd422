"""The public orbit, power and thermal functions, and the design chain, run as one vectorized evaluation.

The check is not a timing: with ``sys.settrace`` we count the lines of spacedc's own source that execute for
a 10-element call and for a 1,000,000-element call. A Python loop over elements anywhere in spacedc would
make the second count grow with the array; vectorized code runs the same lines whatever the size (give or
take a loop over the few distinct reasons a sweep reports). (Lines
inside numpy and pint are not counted: their C loops are the point.)
"""

import numpy as np
import pytest

from spacedc import compute
from spacedc import designs
from spacedc import economics
from spacedc import orbit
from spacedc import power
from spacedc import thermal
from spacedc.units import u

def _grid(lo, hi, n, unit):
    return np.linspace(lo, hi, n) * u(unit)


DATES = lambda n: np.datetime64("2030-01-01") + np.arange(n) % 3650 * np.timedelta64(1, "D")  # noqa: E731

CASES = {
    "orbital_period": lambda n: orbit.orbital_period(_grid(300, 2000, n, "km")),
    "sun_synchronous_inclination": lambda n: orbit.sun_synchronous_inclination(_grid(300, 2000, n, "km")),
    "nodal_precession_rate": lambda n: orbit.nodal_precession_rate(_grid(300, 2000, n, "km"), 53 * u.deg),
    "sun_position": lambda n: orbit.sun_position(DATES(n)),
    "solar_flux": lambda n: orbit.solar_flux(DATES(n)),
    "beta_angle": lambda n: orbit.beta_angle(DATES(n), altitude=650 * u.km, inclination=None, ltan="06:00",
                                             epoch="2030-01-01"),
    "eclipse_fraction": lambda n: orbit.eclipse_fraction(650 * u.km, _grid(0, 90, n, "deg")),
    "eclipse_duration": lambda n: orbit.eclipse_duration(_grid(300, 2000, n, "km"), 20 * u.deg),
    "earth_view_factor": lambda n: orbit.earth_view_factor(650 * u.km, _grid(0, 180, n, "deg")),
    "environment": lambda n: orbit.environment(orbit.Orbit(altitude=_grid(400, 1200, n // 100 or 1, "km"),
                                                           ltan="10:30")),
    "size_solar_array": lambda n: power.size_solar_array(
        daylight_load=_grid(1, 100, n, "kW"), eclipse_load=10 * u.kW, daylight_duration=60 * u.min,
        eclipse_duration=35 * u.min, lifetime=5 * u.year, cell="xtj", cell_temperature="radiative"),
    "array_operating_temperature": lambda n: power.array_operating_temperature(
        solar_flux=_grid(1300, 1420, n, "W/m^2"), absorptance=0.9, efficiency=0.28, emissivity_front=0.85,
        emissivity_back=0.8),
    "size_battery": lambda n: power.size_battery(eclipse_load=_grid(1, 100, n, "kW"), eclipse_duration=35 * u.min,
                                                 cycles=np.linspace(1e3, 3e4, n), specific_energy="150 W*h/kg"),
    "conditioning_losses": lambda n: power.conditioning_losses(_grid(1, 100, n, "kW"), 0.95),
    "size_radiator": lambda n: thermal.size_radiator(heat_load=_grid(1, 100, n, "kW"), temperature=300 * u.K,
                                                     emissivity=0.9, areal_density="5 kg/m^2"),
    "fin_efficiency": lambda n: thermal.fin_efficiency(
        conductivity=167 * u.W / u.m / u.K, thickness=_grid(0.2, 2, n, "mm"), half_width=5 * u.cm, emissivity=0.85,
        root_temperature=300 * u.K, sides=2),
    "environment_loads": lambda n: thermal.environment_loads(
        altitude=_grid(400, 1200, n, "km"), absorptivity=0.1, emissivity=0.9, orientation="edge-on",
        solar_zenith_angle=30 * u.deg),
    "size_panels": lambda n: thermal.size_panels(PANEL, heat_load=_grid(10, 100, n, "kW"),
                                                 radiator_temperature=300 * u.K, absorbed_flux="50 W/m^2"),
    "size_loop": lambda n: thermal.size_loop(
        heat_load=_grid(10, 100, n, "kW"), coolant="ammonia", radiator_inlet_temperature=310 * u.K,
        temperature_rise=10 * u.K, line_length=30 * u.m, line_diameter=40 * u.mm, pump_efficiency=0.5,
        emissivity=0.9, sink_temperature=200 * u.K, fin_efficiency=0.9),
    "max_radiator_temperature": lambda n: thermal.max_radiator_temperature(
        junction_temperature_max=358 * u.K, chip_power=_grid(300, 1500, n, "W"), junction_to_case=0.02 * u.K / u.W,
        cold_plate_resistance=0.02 * u.K / u.W),
    "heat_pump": lambda n: thermal.heat_pump(heat_load=100 * u.kW, cold_temperature=300 * u.K,
                                             hot_temperature=_grid(310, 380, n, "K"), carnot_fraction=0.4),
    "total_dose": lambda n: orbit.total_dose(_grid(300, 2000, n, "km"), 97 * u.deg, _grid(0.5, 10, n, "mm"),
                                             5 * u.year),
    "msis_density": lambda n: orbit.msis_density(_grid(150, 1500, n, "km"), f107=np.linspace(70, 250, n)),
    "kinetic_gas_collision_rate": lambda n: orbit.kinetic_gas_collision_rate(
        np.linspace(1e3, 1e6, n), 1 * u.m, 540 * u.km, 560 * u.km, 10 * u("km/s")),
    "breakup_fragments": lambda n: orbit.breakup_fragments(_grid(1, 1e4, n, "kg"), 0.1 * u.m),
    "conjunction_rates": lambda n: orbit.conjunction_rates(
        np.linspace(1e3, 1e6, n), 540 * u.km, 560 * u.km, 1e-8 / u.km**3, 10 * u("km/s"), 1 * u.km, 10 * u.m,
        100 * u.m),
    "k_of_n": lambda n: compute.k_of_n(90, 100, np.linspace(0.5, 1.0, n)),
    "compute_payload": lambda n: compute.compute_payload(
        100, chip_power=_grid(300, 1500, n, "W"), chip_mass=16 * u.kg, failure_rate=12621 * u.FIT,
        duration=5 * u.year, fraction=0.9, spare_mode="cold"),
    "mission_cost": lambda n: economics.mission_cost(
        compute_power=_grid(10, 1000, n, "kW"), lifetime=5 * u.year, launch_price=70e6 * u.USD,
        hardware={"chips": economics.subsystem_cost("30000 USD", count=100)}),
    "terrestrial_cost": lambda n: economics.terrestrial_cost(_grid(10, 1000, n, "kW"), 5 * u.year),
    "designs.size": lambda n: designs.size(designs.load("sso-100kw").replace(
        payload__chip_power=_grid(300, 1500, n, "W"))),
}


PANEL = thermal.PanelSpec(width="3 m", length="2 m", face_sheet_material="al6061-t6", face_sheet_thickness="0.5 mm",
                          core_density="50 kg/m^3", core_thickness="15 mm", pipe_pitch="0.08 m",
                          pipe_diameter="12.7 mm", pipe_wall_thickness="1 mm", pipe_linear_mass="0.15 kg/m",
                          pipe_transport_limit="143 W*m", emissivity=0.9, absorptivity=0.1)


@pytest.mark.parametrize("name", sorted(CASES))
def test_million_point_call_runs_the_same_python_lines_as_ten(name, lines_executed):
    CASES[name](10)  # first calls build lookup tables (fin efficiency, coolant splines) once
    small, _ = lines_executed(lambda: CASES[name](10))
    big, _ = lines_executed(lambda: CASES[name](1_000_000))
    # Equal counts, except that joining reasons loops once per distinct reason (a handful; a bigger sweep can
    # reach a few more kinds of infeasibility than a 10-point one, some 80 lines each: sso-100kw's chip-power
    # sweep reaches two more on Falcon 9's reusable 17.5 t). A loop over elements would add ~1e6.
    assert small <= big <= small + 400, (
        f"{name}: {small} lines for 10 points, {big} for 1,000,000: a Python loop over elements")
