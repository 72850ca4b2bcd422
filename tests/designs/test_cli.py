"""The `spacedc` command line: reference designs, exit statuses 0/1/2, and no tracebacks."""

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from spacedc import designs

REFERENCES = sorted(designs.reference_designs())
SUMMARY_KEYS = {
    "launch": ["min_margin_of_safety", "stowed_first_mode_Hz", "deployed_first_mode_Hz",
               "mmod_no_penetration_probability", "satellites_per_launch"],
    "orbit": ["altitude_m", "period_s", "eclipse_fraction"],
    "power": ["load_W", "array_area_m2", "array_mass_kg", "bol_power_W", "eol_power_W", "battery_capacity_Wh",
              "battery_mass_kg"],
    "thermal": ["heat_rejected_W", "radiator_temperature_K", "radiator_area_m2", "radiator_mass_kg", "panel_count"],
    "mass": ["total_kg", "payload_kg", "power_kg", "thermal_kg", "structure_kg", "propellant_kg"],
}


def spacedc(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "spacedc.designs.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def _numbers(tree):
    if isinstance(tree, dict):
        for v in tree.values():
            yield from _numbers(v)
    elif isinstance(tree, list):
        for v in tree:
            yield from _numbers(v)
    elif isinstance(tree, (int, float)) and not isinstance(tree, bool):
        yield tree


def test_at_least_three_reference_designs_ship():
    assert {"demo-1gpu", "sso-100kw", "starcloud-40mw"} <= set(REFERENCES)
    out = spacedc("list")
    assert out.returncode == 0
    for name in REFERENCES:
        assert name in out.stdout


@pytest.mark.parametrize("name", REFERENCES)
def test_reference_design_json_has_the_summary_keys_all_finite(name):
    out = spacedc("size", name, "--json")
    data = json.loads(out.stdout)
    assert data["name"] == name
    for section, keys in SUMMARY_KEYS.items():
        for key in keys:
            value = data[section][key]
            if value is None and section == "launch":  # the vehicle publishes nothing to check against
                assert data["launch"]["notes"], key
                continue
            assert isinstance(value, (int, float)) and math.isfinite(value), (section, key, value)
    assert all(math.isfinite(x) for x in _numbers(data))
    assert data["thermal"]["panel_count"] >= 1
    launch = data["launch"]
    # a margin is a number, or None where the vehicle's guide publishes nothing to check it against (noted)
    for name_, margin in launch["margins"].items():
        assert margin is not None or any("not checked" in n for n in launch["notes"]), name_
    station = data["station"]
    assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in station.values()), station
    if name == "starcloud-40mw":
        # 80 modules of 500 kW, one per Starship at the paper's USD 5 M: 80 launches, USD 400 M, 10 kUSD/kW.
        # Each fits and survives launch, but its long deployed wings are far too floppy: exit 1, naming it
        assert station["modules"] == 80 and station["launches"] == 80
        assert station["compute_W"] == pytest.approx(40e6)
        assert station["launch_cost_per_kW_USD"] == pytest.approx(80 * 5e6 / 40e3)
        assert out.returncode == 1 and data["feasible"] is False
        assert [m for m, v in launch["margins"].items() if v < 0] == ["deployed_frequency"]
        assert len(data["reasons"]) == 1 and "deployed radiator wing first mode" in data["reasons"][0]
    elif name == "spacex-ai1":
        # rated at its published 110 m^2 (thermal.radiator_area): the claim runs the chips above their junction
        # limit, a finding reported with its reason (exit 1), every figure still finite
        assert out.returncode == 1 and data["feasible"] is False
        assert data["thermal"]["radiator_mode"] == "rated" and data["thermal"]["junction_limit_met"] is False
        assert any("thermal.radiator_area" in r and "junction limit" in r for r in data["reasons"])
    else:
        assert out.returncode == 0, out.stderr
        assert data["feasible"] is True and data["reasons"] == []
        assert launch["fits_fairing"] is True and launch["satellites_per_launch"] >= 1
        assert all(m >= 0 for m in launch["margins"].values() if m is not None)


def test_size_prints_a_table_and_writes_summary(tmp_path):
    out = spacedc("size", "sso-100kw", "--out", tmp_path / "run")
    assert out.returncode == 0, out.stderr
    assert "radiator area" in out.stdout and "FEASIBLE" in out.stdout
    data = json.loads((tmp_path / "run" / "summary.json").read_text())
    assert data["name"] == "sso-100kw"
    assert (tmp_path / "run" / "budgets.png").stat().st_size > 10_000
    assert not [p for p in (tmp_path / "run").iterdir() if p.name.endswith(".tmp")]


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = designs.reference_designs()["sso-100kw"].read_text()
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new))
    return path


@pytest.mark.parametrize("old, new, words", [
    ('chip_power = "1000 W"', 'chip_power = "1000 W"\nchip_pwr = "3 W"', "payload.chip_pwr"),
    ('altitude = "650 km"', 'altitude = "650 kg"', "altitude"),
    ('chip_power = "1000 W"', 'chip_power = "-1000 W"', "payload.chip_power"),
    ('chip_power = "1000 W"', 'chip_power = "nan W"', "payload.chip_power"),
    ('emissivity = 0.92', 'emissivity = nan', "thermal.emissivity"),
    ('junction_limit = "85 degC"', 'junction_limit = "85 m"', "payload.junction_limit"),
    ('chip_count = 100\n', '', "payload.chip_count"),
    ('cell = "xtj-blanket"', 'cell = "unobtainium"', "unobtainium"),
    ('[thermal]', '[thermal\n', "TOML"),
    ('emissivity = 0.92', 'emissivity = 1.2', "thermal.emissivity"),
    ('coolant_temperature = "38 degC"', 'coolant_temperature = "150 degC"', "thermal.coolant_temperature"),
    ('junction_to_case = "0.02 K/W"', 'junction_to_case = "-0.02 K/W"', "thermal.junction_to_case"),
    ('coolant = "ammonia"', 'coolant = "mercury"', "thermal.coolant"),
    ('pipe_pitch = "0.035 m"', 'pipe_pitch = "3 m"', "thermal.pipe_pitch"),        # wider than the panel
    ('cell = "xtj-blanket"', 'cell = "xtj-blanket"\nbattery_min_temperature = "50 degC"',
     "power.battery_min_temperature"),                                             # above the 40 degC ceiling
    ('coolant = "ammonia"', 'coolant = "ammonia"\nbattery_cooling = "heat-pipe"', "thermal.battery_cooling"),
    ('cell = "xtj-blanket"', 'cell = "xtj-blanket"\nbattery_discharge_efficiency = 0.5',
     "power.battery_discharge_efficiency"),                                         # below the eclipse path's
    ('pipe_pitch = "0.035 m"', 'pipe_pitch = "0.01 m"', "thermal.pipe_diameter"),   # pipes would overlap
    ('vehicle = "falcon-9"', 'vehicle = "saturn-v"', "falcon-heavy"),  # the known vehicles are listed
    ('acs_bandwidth = "0.001 Hz"', 'acs_bandwidth = "0.001 m"', "acs_bandwidth"),
])
def test_broken_design_exits_2_and_names_the_field(tmp_path, old, new, words):
    out = spacedc("size", _broken(tmp_path, old, new))
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert words in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def test_unknown_design_name_lists_the_references():
    out = spacedc("size", "no-such-design")
    assert out.returncode == 2
    assert "sso-100kw" in out.stderr and "Traceback" not in out.stderr


def test_radiator_colder_than_its_sink_exits_1_with_the_reason(tmp_path):
    # A black (alpha 0.95) radiator facing the Sun has a sink near 335 K, above its 311 K coolant, so it
    # cannot reject heat.
    path = _broken(tmp_path, 'absorptivity = 0.09', 'absorptivity = 0.95\norientation = "sun-facing"')
    out = spacedc("size", path, "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["feasible"] is False
    assert any("sink" in r for r in data["reasons"])
    assert data["thermal"]["radiator_area_m2"] is None  # unbounded, never NaN
    assert "sink" in out.stderr and "Traceback" not in out.stderr


def test_junction_limit_below_radiator_plus_heat_path_exits_1(tmp_path):
    path = _broken(tmp_path, 'junction_limit = "85 degC"', 'junction_limit = "60 degC"')
    out = spacedc("size", path)
    assert out.returncode == 1
    assert "junction limit" in out.stderr and "Traceback" not in out.stderr


def test_too_heavy_for_the_vehicle_exits_1_naming_the_mass_margin(tmp_path):
    """1200 chips of 1 kW: a satellite of well over 100 t against Falcon 9's capability."""
    path = _broken(tmp_path, "chip_count = 100\n", "chip_count = 1200\n")
    out = spacedc("size", path)
    assert out.returncode == 1
    assert "wet mass" in out.stderr and "Falcon 9" in out.stderr and "Traceback" not in out.stderr
    assert "NOT MET" in out.stdout


def test_floppy_deployed_wing_exits_1_naming_the_frequency_margin(tmp_path):
    """An attitude-control bandwidth of 0.05 Hz asks for deployed modes above 0.5 Hz: 10 m-long radiator wings
    of 20 mm honeycomb are far below it."""
    path = _broken(tmp_path, 'acs_bandwidth = "0.001 Hz"', 'acs_bandwidth = "0.05 Hz"')
    out = spacedc("size", path)
    assert out.returncode == 1
    assert "deployed radiator wing first mode" in out.stderr and "Traceback" not in out.stderr
