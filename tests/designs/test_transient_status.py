"""Whether the orbit transient ran is said, with the reason where it did not: in summary.json
(``thermal.transient``), in the printed table, and in a sweep's table."""

import csv

import numpy as np
import pytest

from spacedc import designs, u
from spacedc.designs.cli import main


@pytest.fixture(scope="module")
def sat():
    return designs.load("sso-100kw")


def test_a_single_design_says_the_transient_ran(sat):
    data = designs.summary(designs.size(sat))
    assert data["thermal"]["transient"] == "run: 3 orbits of the worst eclipse"
    assert data["thermal"]["chip_max_orbit_K"] is not None


def test_a_heat_pump_design_says_why_it_has_no_transient(sat):
    """The node network has no heat-pump model: the heat-pump design used to skip it without a word."""
    result = designs.size(sat.replace(thermal__heat_pump_lift=20 * u.K))
    data = designs.summary(result)
    assert result.transient is None and data["thermal"]["chip_max_orbit_K"] is None
    assert data["thermal"]["transient"].startswith("not run: the node network has no heat-pump model")
    table = designs.summary_table(data)
    assert "orbit transient            not run: the node network has no heat-pump model" in table
    assert "chips over the orbit" not in table


def test_asking_for_no_transient_is_said_too(sat):
    data = designs.summary(designs.size(sat, transient=False))
    assert data["thermal"]["transient"] == "not run: not asked for (transient=False)"


def test_an_unclosed_sizing_says_there_is_nothing_to_simulate(sat):
    """A black radiator facing the Sun has a sink above its coolant: no finite area, so no network to run."""
    result = designs.size(sat.replace(thermal__absorptivity=0.95, thermal__orientation="sun-facing"))
    assert not np.isfinite(result.radiator_area.m)
    assert result.transient_note.startswith("not run: the steady sizing did not close")


def test_a_sweep_says_its_points_have_no_transient(sat):
    result = designs.size(sat.replace(payload__chip_power=np.array([800.0, 1000.0]) * u.W))
    assert result.transient is None
    assert result.transient_note == "not run: a sweep sizes the steady state only; check a chosen point with spacedc size"
    with pytest.raises(ValueError, match="single design point"):
        designs.size(sat.replace(payload__chip_power=np.array([800.0, 1000.0]) * u.W), transient=True)


def test_a_sweep_table_has_the_transient_column(tmp_path, capsys):
    out = tmp_path / "t.csv"
    assert main(["sweep", "sso-100kw", "--vary", "payload.chip_count=1,100", "--format", "csv", "--out", str(out)]) == 0
    capsys.readouterr()
    rows = list(csv.DictReader(out.read_text().splitlines()))
    assert [r["thermal.transient"] for r in rows] == [
        "not run: a sweep sizes the steady state only; check a chosen point with spacedc size"] * 2
    assert all("thermal.chip_max_orbit_K" not in r for r in rows)  # a key no point fills is left out


def test_the_existing_summary_keys_keep_their_values(sat):
    """Only a key is added: the transient extremes and every other value stay as they were."""
    data = designs.summary(designs.size(sat))
    assert set(data["thermal"]) >= {"chip_min_orbit_K", "chip_max_orbit_K", "transient_energy_closure"}
    assert list(data["thermal"])[-1] == "transient"


def test_a_transient_that_cannot_be_followed_is_a_failure_note_and_a_reason(sat):
    """5e12 W a chip: the integrator cannot follow it (it raised RuntimeError through the CLI)."""
    result = designs.size(sat.replace(payload__chip_power=5e12 * u.W))
    assert result.feasible is False
    assert result.transient is None and result.transient_note.startswith("failed: transient: ")
    assert "the orbit transient did not converge" in result.reasons


def test_the_transient_stops_at_its_evaluation_budget(sat):
    """A network the integrator cannot follow stops at a budget of evaluations with RuntimeError instead of
    creeping on (1e30 W a chip crept for minutes): the reference design's network on a budget of 50, where its
    three orbits take about 700."""
    from spacedc.designs.transient import design_network

    result = designs.size(sat, transient=False)
    net = design_network(sat, result)
    period = result.environment.period
    assert net.transient(3 * period, output_step=period / 200).energy_closure < 1e-9  # within the default budget
    with pytest.raises(RuntimeError, match="more than 50 evaluations"):
        net.transient(3 * period, output_step=period / 200, max_evaluations=50)
