"""Named tables (cells, chemistries, converters) and power-conditioning losses.

Conditioning losses are checked by hand: P_in = P_out / eta, Q = P_in - P_out.
"""

from __future__ import annotations

import dataclasses

import pytest

from spacedc import power
from spacedc.units import Q_


@pytest.mark.parametrize("table", [power.CELLS, power.CHEMISTRIES, power.CONVERTERS])
def test_every_row_is_keyed_by_its_name_and_cites_a_source(table):
    for key, row in table.items():
        assert row.name == key
        assert len(row.source) > 40


def test_cell_rows_are_physical():
    for row in power.CELLS.values():
        assert 0 < row.efficiency < row.absorptance < 1
        assert row.temperature_coefficient.m_as("1/K") < 0
        assert row.construction in ("rigid panel", "flexible blanket")


def test_xtj_row_matches_the_spectrolab_publication():
    """Fetzer et al. (IEEE PVSC 2008): XTJ averages 29.8% at AM0, 28 C."""
    assert power.cell("XTJ").efficiency == pytest.approx(0.298)


def test_cell_lookup():
    row = power.cell(" Silicon ")
    assert row is power.CELLS["silicon"] and power.cell(row) is row
    with pytest.raises(ValueError, match="known cells: gaas, multijunction-smad, silicon, xtj, xtj-blanket"):
        power.cell("cigs")


def test_bad_table_row_is_rejected():
    row = power.CELLS["xtj"]
    with pytest.raises(ValueError, match="exactly one of areal_density and specific_power"):
        dataclasses.replace(row, specific_power=Q_(150, "W/kg"))
    with pytest.raises(ValueError, match="efficiency"):
        dataclasses.replace(row, efficiency=1.3)


def test_conditioning_losses_by_hand():
    """1000 W through 90%: 1111.11 W in, 111.11 W of heat."""
    r = power.conditioning_losses("1 kW", 0.9)
    assert r.input_power.m_as("W") == pytest.approx(1111.111, abs=1e-3)
    assert r.heat.m_as("W") == pytest.approx(111.111, abs=1e-3)
    assert r.to_dict() == pytest.approx({"input_power_W": 1111.111, "heat_W": 111.111, "efficiency": 0.9},
                                        abs=1e-3)


def test_conditioning_chain_by_hand():
    """Bus converter 0.97 then a 48 V -> 1 V regulator 0.90: overall 0.873; a 700 W chip draws
    700 / 0.873 = 801.83 W and the chain dissipates 101.83 W."""
    chain = power.PowerConditioning.from_names("bus-converter", "vrm-48v-1v")
    r = chain.losses(["700 W", "1400 W"])
    assert chain.efficiency == pytest.approx(0.873, rel=1e-12)
    assert r.input_power.m_as("W") == pytest.approx([801.833, 1603.666], abs=1e-3)
    assert r.heat.m_as("W") == pytest.approx([101.833, 203.666], abs=1e-3)


def test_conditioning_errors_name_the_parameter():
    with pytest.raises(ValueError, match="efficiency"):
        power.conditioning_losses("1 kW", 0.0)
    with pytest.raises(ValueError, match="load"):
        power.conditioning_losses("-1 kW", 0.9)
    with pytest.raises(TypeError, match="load"):
        power.conditioning_losses(1000, 0.9)
    with pytest.raises(ValueError, match="unknown converter"):
        power.PowerConditioning.from_names("flux-capacitor")
