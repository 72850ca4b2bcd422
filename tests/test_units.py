"""Unit strings at the boundary: reciprocal units, offset temperatures and the registry's own definitions."""

import pytest

from spacedc.units import parse_quantity, u


@pytest.mark.parametrize("text, value, unit", [
    ("1e-5 / hour", 1e-5, "1/hour"),     # a failure rate written as engineers write it
    ("3 /day", 3.0, "1/day"),
    ("85 degC", 358.15, "K"),            # an offset unit with a leading number
    ("5 W/m^2/K", 5.0, "W/m^2/K"),
])
def test_parse_quantity(text, value, unit):
    assert parse_quantity(text).m_as(unit) == pytest.approx(value)


def test_fit_is_one_failure_per_billion_device_hours():
    # JESD85: 1 FIT = 1e-9 failures per device-hour, so 1e9 FIT is one failure an hour
    assert parse_quantity("1e9 FIT").m_as("1/hour") == pytest.approx(1.0)


def test_rad_si_is_a_dose_and_rad_the_radian():
    # 1 rad(Si) = 0.01 Gy = 0.01 J/kg; pint's "rad" stays the radian; a kilorad parses without ambiguity
    assert (1 * u.rad_Si).m_as("Gy") == pytest.approx(0.01)
    assert parse_quantity("15 krad_Si").m_as("Gy") == pytest.approx(150.0)
    assert (1 * u.rad).m_as("deg") == pytest.approx(57.29577951308232)


def test_garbage_names_the_field():
    with pytest.raises(ValueError, match="chip_power"):
        parse_quantity("12 furlongs per blorp", "chip_power")
