"""Bad input gets a clear error naming the parameter: unknown vehicles list the known ones, a negative factor of
safety and a frequency requirement in metres are rejected, bare numbers and NaN are refused."""

import numpy as np
import pint
import pytest

from spacedc import structure
from spacedc.units import u


def test_unknown_vehicle_lists_the_known_ones():
    with pytest.raises(ValueError) as err:
        structure.satellites_per_launch("Electron", satellite_mass="100 kg", stowed_diameter="1 m",
                                        stowed_height="1 m", altitude="500 km", inclination="53 deg")
    message = str(err.value)
    assert "Electron" in message and "known vehicles" in message
    assert all(key in message for key in ("falcon-9", "falcon-heavy", "starship", "new-glenn", "ariane-64"))


@pytest.mark.parametrize("call", [
    lambda: structure.margin_of_safety("276 MPa", "100 MPa", -1.25),
    lambda: structure.margin_of_safety("276 MPa", "100 MPa", 0),
    lambda: structure.tie_down_loads("100 kg", 4, 6, 2, factor_of_safety=-1.4),
])
def test_negative_factor_of_safety_is_rejected(call):
    with pytest.raises(ValueError, match="factor_of_safety"):
        call()


def test_frequency_requirement_in_metres_is_rejected():
    with pytest.raises(pint.DimensionalityError, match="acs_bandwidth"):
        structure.frequency_requirement("0.02 m")
    with pytest.raises(pint.DimensionalityError, match="required_frequency"):
        structure.deployed_wing_frequency(panel_count=2, panel_length="2 m", panel_width="3 m",
                                          core_thickness="20 mm", face_thickness="0.3 mm", face_modulus="70 GPa",
                                          face_density="2700 kg/m^3", core_density="50 kg/m^3",
                                          hinge_stiffness="3000 N*m/rad", required_frequency="0.2 m")


def test_other_bad_inputs_name_the_parameter():
    with pytest.raises(TypeError, match="bending_stiffness"):
        structure.cantilever_frequency(583.0, "2.7 kg/m", "1 m")
    with pytest.raises(ValueError, match="mass"):
        structure.meteoroid_flux(np.array([1e-6, np.nan]) * u.g)
    with pytest.raises(pint.DimensionalityError, match="limit_load"):
        structure.margin_of_safety("276 MPa", "100 N", 1.25)
    with pytest.raises(TypeError, match="allowable"):
        structure.margin_of_safety(276.0, 100.0, 1.25)
    with pytest.raises(ValueError, match="panel_count"):
        structure.deployed_wing_frequency(panel_count=0, panel_length="2 m", panel_width="3 m",
                                          core_thickness="20 mm", face_thickness="0.3 mm", face_modulus="70 GPa",
                                          face_density="2700 kg/m^3", core_density="50 kg/m^3",
                                          hinge_stiffness="3000 N*m/rad")
    with pytest.raises(ValueError, match="altitude"):
        structure.debris_flux("1 cm", "3000 km", "98 deg")
    with pytest.raises(ValueError, match="categories"):
        structure.mass_budget({"widgets": "10 kg"})
    with pytest.raises(ValueError, match="harness_fraction"):
        structure.mass_budget({"thermal": "10 kg"}, harness_fraction=0.6, structure_fraction=0.5)
    with pytest.raises(ValueError, match="failure"):
        structure.critical_diameter("1 mm", "7 km/s", failure="shatter")
    with pytest.raises(ValueError, match="angle"):
        structure.critical_diameter("1 mm", "7 km/s", angle="90 deg")
