"""Satellites per launch by mass and by fairing volume, and launch cost per satellite and per kW."""

import numpy as np
import pytest

from spacedc import structure
from spacedc.units import u


def test_falcon_9_packing_by_hand():
    """Falcon 9 reusable: 17,500 kg (drone ship) / 4000 kg = 4 by mass; a 4 m x 2 m stowed cylinder reaches
    8.635 m of the ogive envelope (hand derivation in test_usable_height_follows_the_ogive): floor(8.635 / 2) =
    4 by volume. Price USD 69.75 M (SpaceX 2024, the reusable pair) / 4 = 17.4375 M per satellite; with 100 kW
    of chips, USD 174,375 per kW. Expendable, 22,800 kg: 5 by mass, and no published price."""
    r = structure.satellites_per_launch("Falcon 9", satellite_mass="4000 kg", stowed_diameter="4 m",
                                        stowed_height="2 m", altitude="500 km", inclination="53 deg",
                                        compute_power="100 kW")
    assert (r.by_mass, r.by_volume, r.satellites_per_launch) == (4, 4, 4)
    assert r.launch_cost_per_satellite.m_as("USD") == pytest.approx(69.75e6 / 4)
    assert r.launch_cost_per_kw.m_as("USD/kW") == pytest.approx(174_375.0)
    assert r.feasible is True and r.mass_to_orbit_within_reference is False
    x = structure.satellites_per_launch(structure.launch_vehicle("Falcon 9", "expendable"), satellite_mass="4000 kg",
                                        stowed_diameter="4 m", stowed_height="2 m", altitude="500 km",
                                        inclination="53 deg")
    assert x.by_mass == 5 and x.launch_cost_per_satellite is None


def test_a_stated_capability_replaces_the_published_one_and_counts_as_within_reference():
    """mass_to_orbit = 12,000 kg for this orbit: floor(12,000 / 4000) = 3 by mass, within reference (the user's
    figure is for the orbit)."""
    r = structure.satellites_per_launch("Falcon 9", satellite_mass="4000 kg", stowed_diameter="4 m",
                                        stowed_height="2 m", altitude="500 km", inclination="53 deg",
                                        mass_to_orbit="12000 kg")
    assert r.mass_to_orbit.m_as("kg") == 12_000.0 and r.by_mass == 3
    assert r.mass_to_orbit_within_reference is True


def test_volume_and_mass_limits_and_infeasible_points():
    """Starship 100 t: 7000 kg satellites, 7 m x 2.5 m stowed: 14 by mass; the 8 m envelope narrows to 7 m at
    11 m (Fig. 4 stations 10 m: 7.36, 11 m: 6.98 -> 10.947 m), floor(10.947 / 2.5) = 4 by volume. A satellite
    wider than the envelope or heavier than the capability cannot launch: reasons say which."""
    r = structure.satellites_per_launch("starship", satellite_mass=[7000, 7000, 200_000] * u.kg,
                                        stowed_diameter=[7, 9, 7] * u.m, stowed_height="2.5 m",
                                        altitude="450 km", inclination="53 deg", launch_price="90 MUSD")
    assert r.by_mass.tolist() == [14, 14, 0]
    assert r.by_volume.tolist() == [4, 0, 4]
    assert r.satellites_per_launch.tolist() == [4, 0, 0]
    assert r.limited_by.tolist() == ["volume", "", ""]
    assert r.feasible.tolist() == [True, False, False]
    assert "does not fit" in r.reasons[1] and "heavier" in r.reasons[2]
    assert r.launch_cost_per_satellite.m_as("USD")[0] == pytest.approx(22.5e6)


def test_cost_needs_a_price_where_the_guide_gives_none():
    """New Glenn (Rev C Fig. 5-2): a 6 m stowed diameter reaches 10.521 + (6.2281 - 6) / (6.2281 - 5.4508) x 2.54
    = 11.266 m, so three 3 m satellites; no published price, so none per satellite unless one is given."""
    r = structure.satellites_per_launch("new-glenn", satellite_mass="5000 kg", stowed_diameter="6 m",
                                        stowed_height="3 m", altitude="500 km", inclination="53 deg")
    assert r.launch_cost_per_satellite is None and r.satellites_per_launch == 3
    priced = structure.satellites_per_launch("new-glenn", satellite_mass="5000 kg", stowed_diameter="6 m",
                                             stowed_height="3 m", altitude="500 km", inclination="53 deg",
                                             launch_price="66 MUSD")
    assert priced.launch_cost_per_satellite.m_as("USD") == pytest.approx(22e6)
    flat = priced.to_dict()
    assert flat["launch_cost_per_satellite_USD"] == pytest.approx(22e6) and flat["satellites_per_launch"] == 3


def test_per_layer_multiplies_the_stack():
    r = structure.satellites_per_launch("falcon-9", satellite_mass="500 kg", stowed_diameter="2 m",
                                        stowed_height="1 m", altitude="500 km", inclination="53 deg",
                                        per_layer=np.array([1, 2]))
    assert r.by_volume.tolist() == [r.by_volume[0], 2 * r.by_volume[0]]
