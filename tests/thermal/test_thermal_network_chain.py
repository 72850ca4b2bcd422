"""The thermal network on 1-D chains (built with the sequence forms of its builders) against hand-solved steady
states and a closed-form transient."""

import numpy as np
import pytest

from spacedc.units import u
from spacedc.thermal.network import ThermalNetwork

SIGMA = 5.670374419e-8  # CODATA 2018, W m^-2 K^-4


def chain(n, *, fixed_end=None):
    """n diffusion nodes c0..c{n-1} in a row, 0.5 W/K between neighbours; optionally a fixed node 'wall'
    joined to c0 by the same conductance."""
    names = [f"c{k}" for k in range(n)]
    net = ThermalNetwork()
    net.add_node(names, 1e3 * u.J / u.K, temperature=280 * u.K)
    net.add_conduction(names[:-1], names[1:], 0.5 * u.W / u.K)
    if fixed_end is not None:
        net.add_node("wall", temperature=fixed_end * u.K, fixed=True)
        net.add_conduction("wall", names[0], 0.5 * u.W / u.K)
    return net, names


def test_conduction_chain_to_a_fixed_end_is_linear_in_x():
    """Hand derivation: a wall at 250 K, then 400 nodes joined by G = 0.5 W/K, 20 W into the far end. Every link
    carries the 20 W, so each step along the chain rises by Q / G = 40 K: T_k = 250 + 40 (k + 1)."""
    net, names = chain(400, fixed_end=250.0)
    net.add_load(names[-1], 20 * u.W)
    s = net.steady_state()
    t = s.temperature.m_as("K")[:400]
    np.testing.assert_allclose(t, 250 + 40 * np.arange(1, 401), rtol=1e-12)
    assert s.heat_to_boundaries.m_as("W") == pytest.approx(20, rel=1e-12)


def test_chain_with_a_radiating_end_hand_solution():
    """Hand derivation: 300 nodes, 50 W into the first, only the last radiates (eps A = 0.9 * 0.5 m^2, 4 K sink).
    All 50 W reach the last node: T_end = (50 / (0.45 sigma) + 4^4)^(1/4) = 210.40 K, and T_k = T_end
    + (299 - k) * 50 / 0.5 K, linear in x."""
    net, names = chain(300)
    net.add_radiation_to_space(names[-1], emissivity=0.9, area=0.5 * u.m**2, sink_temperature=4 * u.K)
    net.add_load(names[0], 50 * u.W)
    s = net.steady_state()
    t_end = (50 / (0.45 * SIGMA) + 4.0**4) ** 0.25
    assert t_end == pytest.approx(210.40, abs=0.01)
    np.testing.assert_allclose(s.temperature.m_as("K"), t_end + (299 - np.arange(300)) * 100.0, rtol=1e-10)
    assert s.heat_to_space.m_as("W") == pytest.approx(50, rel=1e-10)


def test_uniform_radiating_chain_cools_as_the_closed_form_lump():
    """A chain of identical nodes at one temperature, each radiating (eps A = 0.8 m^2, 0 K sink), carries no heat
    along its links, so every node follows C dT/dt = -eps sigma A T^4, T(t) = (T_0^-3 + 3 eps sigma A t / C)^(-1/3)
    (separation of variables), with the energy balance closing to round-off."""
    names = [f"c{k}" for k in range(500)]
    net = ThermalNetwork()
    net.add_node(names, 5e3 * u.J / u.K, temperature=400 * u.K)
    net.add_conduction(names[:-1], names[1:], 2 * u.W / u.K)
    net.add_radiation_to_space(names, emissivity=0.8, area=1 * u.m**2, sink_temperature=0 * u.K)
    for method in ("BDF", "Radau"):
        r = net.transient("4 hour", output_step="20 min", rtol=1e-8, atol="1e-8 K", method=method)
        t = r.time.m_as("s")
        expected = (400.0**-3 + 3 * 0.8 * SIGMA * t / 5e3) ** (-1 / 3)
        assert np.abs(r.temperature.m_as("K") / expected - 1).max() < 1e-6
        assert r.energy_closure < 1e-12
        assert r.energy_to_space.m_as("J") == pytest.approx(500 * 5e3 * (400 - expected[-1]), rel=1e-6)


def test_sequence_builders_equal_one_call_per_element():
    """The sequence forms build the same network as one call per node and link: same transient, bit for bit
    up to round-off."""
    def per_call():
        net = ThermalNetwork()
        for k in range(30):
            net.add_node(f"c{k}", (1e3 + 10 * k) * u.J / u.K, temperature=(280 + k) * u.K)
            net.add_radiation_to_space(f"c{k}", emissivity=0.85, area=0.1 * u.m**2)
        for k in range(29):
            net.add_conduction(f"c{k}", f"c{k + 1}", 0.3 * u.W / u.K)
            net.add_radiation(f"c{k}", f"c{k + 1}", 0.01 * u.m**2)
        net.add_node("wall", temperature=300 * u.K, fixed=True)
        net.add_conduction("wall", "c0", 1 * u.W / u.K)
        net.add_load("c29", 5 * u.W)
        return net

    names = [f"c{k}" for k in range(30)]
    bulk = ThermalNetwork()
    bulk.add_node(names, (1e3 + 10 * np.arange(30)) * u.J / u.K, temperature=(280 + np.arange(30)) * u.K)
    bulk.add_radiation_to_space(names, emissivity=0.85, area=0.1 * u.m**2)
    bulk.add_conduction(names[:-1], names[1:], 0.3 * u.W / u.K)
    bulk.add_radiation(names[:-1], names[1:], 0.01 * u.m**2)
    bulk.add_node(["wall"], temperature=300 * u.K, fixed=True)
    bulk.add_conduction(["wall"], ["c0"], 1 * u.W / u.K)
    bulk.add_load("c29", 5 * u.W)
    a, b = per_call().transient("2 hour"), bulk.transient("2 hour")
    assert a.nodes == b.nodes
    np.testing.assert_allclose(a.temperature.m_as("K"), b.temperature.m_as("K"), rtol=1e-12)
    assert b.energy_closure < 1e-12


def test_sequence_builders_reject_bad_input():
    net, names = chain(3)
    with pytest.raises(ValueError, match="already exists"):
        net.add_node(["x", "x"], 1 * u.J / u.K, temperature=300 * u.K)
    with pytest.raises(ValueError, match="'c1': a node of that name already exists"):
        net.add_node(["y", "c1"], 1 * u.J / u.K, temperature=300 * u.K)
    with pytest.raises(ValueError, match="capacity: 2 values for 3 nodes"):
        net.add_node(["p", "q", "r"], [1, 2] * u.J / u.K, temperature=300 * u.K)
    with pytest.raises(ValueError, match="3 and 2 nodes"):
        net.add_conduction(names, names[:2], 1 * u.W / u.K)
    with pytest.raises(ValueError, match="two different nodes"):
        net.add_conduction(names[:2], ["c2", "c1"], 1 * u.W / u.K)
    with pytest.raises(ValueError, match="conductance"):
        net.add_conduction(names[:2], names[1:], [1, -1] * u.W / u.K)
    with pytest.raises(ValueError, match="'nowhere': unknown node"):
        net.add_radiation_to_space(["c0", "nowhere"], emissivity=0.5, area=1 * u.m**2)
    with pytest.raises(ValueError, match="emissivity"):
        net.add_radiation_to_space(names, emissivity=[0.5, 0.5, 1.5], area=1 * u.m**2)
    assert net.nodes == ("c0", "c1", "c2")  # nothing was added by the failed calls
