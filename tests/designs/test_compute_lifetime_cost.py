"""The compute payload, the orbit's lifetime and the cost in the design, its sizing chain and summary.json (issue 9).

The physics of each part is tested in its own package (tests/compute, tests/orbit, tests/economics); here, that
the chain carries it: hot spares draw power and make heat through the array, battery and radiator; a dose over
the tolerance or a disposal rule the design cannot meet makes it infeasible with the reason (exit 1); a sweep over
failure rate and shielding is one call; and the reference designs report every new key, finite.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest

from spacedc import designs
from spacedc.units import Q_

NEW_SECTIONS = ("compute", "lifetime", "cost")


@pytest.fixture(scope="module")
def sso():
    return designs.load("sso-100kw")


@pytest.mark.parametrize("name", sorted(designs.reference_designs()))
def test_every_reference_design_reports_every_new_key_finite(name):
    data = designs.summary(designs.size(designs.load(name), transient=False))
    for section in NEW_SECTIONS:
        for key, value in data[section].items():
            assert value is not None, f"{name}: {section}.{key} is null"
            if isinstance(value, float):
                assert math.isfinite(value), f"{name}: {section}.{key} = {value}"
    json.dumps(data, allow_nan=False)
    assert data["compute"]["chips_active"] == designs.load(name).payload.chip_count
    assert data["compute"]["chips_total"] == data["compute"]["chips_active"] + data["compute"]["chips_spare"]


def test_hot_spares_draw_power_and_make_heat_cold_spares_only_weigh(sso):
    """Ten spares beside the 100 chips of 1000 W: hot ones draw 10 x 1000 W more at the chips, so the array, the
    battery and the radiator grow; cold ones draw nothing, so only the payload mass grows, by 10 x 16 kg."""
    none = designs.size(sso.replace(compute__spares=0), transient=False)
    cold = designs.size(sso.replace(compute__spares=10, compute__spare_mode="cold"), transient=False)
    hot = designs.size(sso.replace(compute__spares=10, compute__spare_mode="hot"), transient=False)
    assert none.chip_power.m_as("W") == pytest.approx(100 * 1000.0)
    assert cold.chip_power.m_as("W") == pytest.approx(100 * 1000.0)
    assert hot.chip_power.m_as("W") == pytest.approx(110 * 1000.0)
    assert cold.array.area.m_as("m^2") == pytest.approx(none.array.area.m_as("m^2"), rel=1e-12)
    assert cold.radiator_area.m_as("m^2") == pytest.approx(none.radiator_area.m_as("m^2"), rel=1e-12)
    for grown in ("array.area", "battery.mass", "radiator_area", "heat_rejected"):
        head, _, tail = grown.partition(".")
        value = (lambda r: getattr(getattr(r, head), tail) if tail else getattr(r, head))
        assert value(hot).m > value(cold).m, grown
    m = {k: designs.summary(r)["mass"]["payload_kg"] for k, r in (("none", none), ("cold", cold), ("hot", hot))}
    assert m["cold"] - m["none"] == pytest.approx(10 * 16.0) and m["hot"] == pytest.approx(m["cold"])
    # the compute delivered is the active chips', whatever the spares draw
    assert designs.summary(hot)["station"]["compute_W"] == pytest.approx(100 * 1000.0)


def test_failure_rate_by_shielding_sweep_is_one_call(sso):
    """4 failure rates x 3 shieldings broadcast to a (4, 3) sweep in one call. More failures need more hot
    spares, so a larger array and radiator (rows); more shielding a smaller dose (columns); each point equals
    its own single-design sizing."""
    rates = Q_(np.array([2000.0, 6000.0, 12621.0, 20000.0]), "FIT")[:, None]
    shields = Q_(np.array([1.0, 2.54, 5.0]), "mm")[None, :]
    sweep = sso.replace(compute__failure_rate=rates, compute__shielding=shields, compute__spare_mode="hot")
    r = designs.size(sweep)
    data = designs.summary(r)
    spares = np.asarray(data["compute"]["chips_spare"])
    dose = np.asarray(data["compute"]["dose_rad_Si"])
    array = np.asarray(data["power"]["array_area_m2"])
    radiator = np.asarray(data["thermal"]["radiator_area_m2"])
    assert spares.shape == dose.shape == array.shape == (4, 3)
    assert np.all(np.diff(spares, axis=0) > 0) and np.all(np.diff(array, axis=0) > 0)
    assert np.all(np.diff(radiator, axis=0) > 0)
    assert np.all(np.diff(dose, axis=1) < 0) and np.all(dose[:, :1] == dose[:, :1][0])
    alone = designs.summary(designs.size(sso.replace(compute__failure_rate="6000 FIT", compute__shielding="5 mm",
                                                     compute__spare_mode="hot"), transient=False))
    assert spares[1, 2] == alone["compute"]["chips_spare"]
    assert array[1, 2] == pytest.approx(alone["power"]["array_area_m2"], rel=1e-12)
    assert dose[1, 2] == pytest.approx(alone["compute"]["dose_rad_Si"], rel=1e-12)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "spacedc.designs.cli", *args], capture_output=True, text=True,
                          timeout=600)


def _variant(tmp_path, old, new, name="variant"):
    """sso-100kw's TOML with one line replaced."""
    text = designs.reference_designs()["sso-100kw"].read_text()
    assert old in text
    path = tmp_path / f"{name}.toml"
    path.write_text(text.replace(old, new, 1))
    return path


def test_a_dose_over_the_tolerance_is_infeasible_exit_1(tmp_path):
    """0.5 mm of aluminium at 650 km for five years gives far more than 15 krad(Si) / 2."""
    run = _cli("size", str(_variant(tmp_path, "[compute]\n", '[compute]\nshielding = "0.5 mm"\n')))
    assert run.returncode == 1, run.stderr
    assert "total ionizing dose" in run.stdout and "compute.shielding" in run.stdout
    assert "Traceback" not in run.stderr


def test_a_disposal_rule_the_design_cannot_meet_is_infeasible_exit_1(tmp_path, sso):
    """At a constant solar-minimum flux (F10.7 65 sfu, the conservative lifetime) sso-100kw at 650 km stays up
    for decades: without propulsion it cannot meet the FCC's 5 years, which is infeasible with the reason (exit
    1); with propulsion it burns to a lower perigee and meets it (exit 0)."""
    quiet = '[lifetime]\nf107 = 65.0\n'
    run = _cli("size", str(_variant(tmp_path, "[lifetime]\n", quiet + 'propulsive = "no"\n', "passive")))
    assert run.returncode == 1, run.stderr
    assert "exceeds the 5-year rule" in run.stdout and "no propulsion" in run.stdout
    assert "Traceback" not in run.stderr
    burns = designs.summary(designs.size(sso.replace(lifetime__f107=65.0), transient=False))
    assert burns["feasible"] and burns["lifetime"]["meets_rule"]
    assert burns["lifetime"]["natural_lifetime_year"] > 25 and burns["lifetime"]["disposal_delta_v_m_per_s"] > 0
    assert burns["lifetime"]["disposal_perigee_m"] < 650e3
    assert _cli("size", str(_variant(tmp_path, "[lifetime]\n", quiet, "active"))).returncode == 0


def test_bad_compute_and_cost_inputs_exit_2_naming_the_field(tmp_path):
    run = _cli("size", str(_variant(tmp_path, "[compute]\n", '[compute]\nfailure_rate = "12 kg"\n', "a")))
    assert run.returncode == 2 and "compute.failure_rate" in run.stderr
    run = _cli("size", str(_variant(tmp_path, 'bus_price = "22 USD/W"', 'bus_price = "3 kg"', "b")))
    assert run.returncode == 2 and "cost.bus_price" in run.stderr
