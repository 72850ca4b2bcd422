"""Constellations of several shells ([[constellation.shells]]), the avoidance manoeuvres' propellant, and the
cascade of a large constellation started from the catalogue.

Hand values: the background conjunctions of a shell, C = N n v pi s^2 (the kinetic rate of N targets through a
density n at speed v, [Klinkrad2006]), with n the catalogue's count in the 50 km shell over its volume
(orbit/debris_data.py, [MOCAT-MC-TLE2023]); the propellant of a delta-v budget by Tsiolkovsky's equation
m_p = m (e^{dv / g0 Isp} - 1), g0 = 9.80665 m/s^2.
"""

import json
import math
import tomllib

import pytest

from spacedc import designs, orbit
from spacedc.designs.chain import size
from spacedc.designs.cli import main
from spacedc.designs.design import load
from spacedc.designs.result import summary
from spacedc.designs.spec import DesignError
from spacedc.orbit.debris_data import CATALOGUE_2023_BY_ALTITUDE

R_E_KM = 6378.137
G0 = 9.80665

#: Three further shells around sso-100kw's own (650 km, 40 x 25): 1,000,000 satellites in all.
MILLION = """
[constellation]
planes = 40
per_plane = 25
phasing = 2

[[constellation.shells]]
altitude = "550 km"
inclination = "53 deg"
planes = 100
per_plane = 3330

[[constellation.shells]]
altitude = "800 km"
inclination = "86 deg"
planes = 100
per_plane = 3330

[[constellation.shells]]
altitude = "1100 km"
inclination = "70 deg"
planes = 100
per_plane = 3330
"""


def _design_file(tmp_path, extra: str) -> str:
    ref = designs.reference_designs()["sso-100kw"]
    path = tmp_path / "sat.toml"
    path.write_text(ref.read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")
    tomllib.loads(path.read_text(encoding="utf-8"))
    return str(path)


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _catalogue_density_by_hand(h_km: float) -> float:
    """All tracked objects of the 50 km shell holding h, over that shell's volume [1/km^3]."""
    shell = next(s for s in CATALOGUE_2023_BY_ALTITUDE if s.low_km <= h_km < s.high_km)
    count = shell.payloads + shell.rocket_bodies + shell.debris
    volume = 4.0 / 3.0 * math.pi * ((R_E_KM + shell.high_km) ** 3 - (R_E_KM + shell.low_km) ** 3)
    return count / volume


def test_a_further_shell_is_screened_apart_by_hand():
    # One plane of 50 at 900 km: evenly spaced in one orbit, the satellites never approach one another (no
    # internal conjunctions), so the shell's conjunctions are the background's, N n v pi s^2.
    base = load("sso-100kw")
    design = base.replace(constellation__shells=[{"altitude": "900 km", "inclination": "60 deg", "planes": 1,
                                                   "per_plane": 50}])
    d = summary(size(design, transient=False))["debris"]
    fig = size(design, transient=False).debris
    shell = fig.shells[1]
    v_km_s = float(shell.relative_speed.m_as("km/s"))
    s_km = design.constellation.screening_radius.m_as("km")
    expected = 50 * _catalogue_density_by_hand(900.0) * v_km_s * math.pi * s_km ** 2 * 365.25 * 86400
    assert float(shell.internal_conjunctions.m_as("1/year")) == 0.0
    assert float(shell.conjunctions.m_as("1/year")) == pytest.approx(expected, rel=1e-9)
    # the totals sum the shells; the design's own shell is the station's single satellite
    assert d["constellation_shells"] == 2
    assert d["constellation_satellites"] == 1 + 50
    own = d["manoeuvres_per_year"]
    assert d["constellation_manoeuvres_per_year"] == pytest.approx(own + float(shell.manoeuvres.m_as("1/year")),
                                                                   rel=1e-12)


def test_a_further_shell_flies_its_own_walker_pattern():
    # 3 planes of 7 with phasing 1 (21 satellites: not a multiple of the design's own 40 planes): the shell's own
    # encounters are those of its pattern 21/3/1, and its closest approach too.
    design = load("sso-100kw").replace(constellation__planes=40, constellation__per_plane=25,
                                       constellation__shells=[{"altitude": "1000 km", "inclination": "70 deg",
                                                               "planes": 3, "per_plane": 7, "phasing": 1}])
    shell = size(design, transient=False).debris.shells[1]
    w = orbit.walker_encounter_rate("1000 km", "70 deg", 21, 3, 1, design.constellation.screening_radius)
    assert float(shell.internal_conjunctions.m_as("1/year")) == float(w.encounter_rate.m_as("1/year"))
    assert float(shell.closest_approach.m_as("m")) == float(w.closest_approach.m_as("m"))


def test_the_design_background_is_the_catalogue_by_hand():
    d = summary(size(load("sso-100kw"), transient=False))["debris"]
    assert d["background_density_per_km3"] == pytest.approx(_catalogue_density_by_hand(650.0), rel=1e-12)
    assert "catalogue" in d["background_model"]


def test_avoidance_delta_v_is_in_the_propellant_by_the_rocket_equation():
    design = load("sso-100kw").replace(constellation__delta_v_per_manoeuvre="2 m/s")
    data = summary(size(design, transient=False))
    m, life, d = data["mass"], data["lifetime"], data["debris"]
    # manoeuvres per satellite per year x delta-v per manoeuvre x the 5-year life
    avoid = d["manoeuvres_per_satellite_per_year"] * 2.0 * 5.0
    assert life["collision_avoidance_delta_v_m_per_s"] == pytest.approx(avoid, rel=1e-12)
    assert d["manoeuvre_delta_v_m_per_s"] == pytest.approx(avoid, rel=1e-12)
    dv = life["station_keeping_delta_v_m_per_s"] + life["disposal_delta_v_m_per_s"] + avoid
    isp = design.launch.specific_impulse.m_as("s")
    expected = (m["dry_kg"] + m["margin_kg"]) * math.expm1(dv / (G0 * isp))
    assert m["propellant_kg"] == pytest.approx(expected, rel=1e-9)
    # and it costs propellant: ten times the manoeuvre delta-v carries more of it
    more = summary(size(design.replace(constellation__delta_v_per_manoeuvre="20 m/s"), transient=False))
    assert more["mass"]["propellant_kg"] > m["propellant_kg"]


@pytest.mark.parametrize("shells, field", [
    ([{"altitude": "140 km", "planes": 1, "per_plane": 1}], "constellation.shells[0].altitude"),
    ([{"altitude": "800 km", "planes": 2}], "constellation.shells[0].per_plane"),
    ([{"altitude": "800 km", "planes": 2, "per_plane": -4}], "constellation.shells[0].per_plane"),
    ([{"altitude": "800 km", "planes": 2, "per_plane": 4, "phasing": 2}], "constellation.shells[0].phasing"),
    ([{"altitude": "800 km", "planes": 1, "per_plane": 1}, {"altitude": "806 km", "planes": 1, "per_plane": 1}],
     "constellation.shells[1]"),
    ([{"altitude": "655 km", "planes": 1, "per_plane": 1}], "constellation.shells[0]"),   # sso-100kw flies at 650
])
def test_bad_shells_raise_naming_the_shell(shells, field):
    with pytest.raises((ValueError, DesignError), match=field.replace("[", r"\[").replace("]", r"\]")):
        load("sso-100kw").replace(constellation__shells=shells)


def test_a_shell_below_150_km_exits_2_naming_it(capsys, tmp_path):
    path = _design_file(tmp_path, '[constellation]\n\n[[constellation.shells]]\naltitude = "140 km"\nplanes = 1\n'
                                  'per_plane = 4\n')
    code, _, err = _run(capsys, "constellation", path)
    assert code == 2 and "constellation.shells[0].altitude" in err and "Traceback" not in err


def test_a_million_satellites_in_four_shells_report_each_shell(capsys, tmp_path):
    # The acceptance run (its time is benchmarks/bench_constellation.py's): 1,000,000 satellites, 50 years.
    path = _design_file(tmp_path, MILLION)
    out_dir = tmp_path / "out"
    code, out, err = _run(capsys, "constellation", path, "--years", 50, "--out", out_dir)
    assert "constellation of 1,000,000 satellites in 4 shells" in out
    data = json.loads((out_dir / "debris.json").read_text())
    rows = data["shells"]
    assert [r["satellites"] for r in rows] == [1000, 333000, 333000, 333000]
    assert all(r["state"] in ("settled", "growing", "runaway") for r in rows)
    for r in rows:   # each shell's line in the table names its state
        assert f"{r['altitude_m'] / 1e3:.0f}" in out and r["state"] in out
    # exit 1 exactly when a shell runs away, and the stderr line names it
    runaway = [r for r in rows if r["state"] == "runaway"]
    assert code == (1 if runaway else 0)
    assert data["debris"]["cascade_constellation_shells_stable"] is (not runaway)
    if runaway:
        assert "runs away" in err


def test_each_shell_is_replenished_into_its_cascade_shell():
    # A small further shell: after 40 years of a 5-year life the active satellites of its cascade shell hold at the
    # launch rate x lifetime = the shell's count (S* = lambda T), beside the catalogue's own active satellites held
    # at theirs (constellation.background_launches = "hold"). Within 1 %: collisions with the catalogue's debris
    # take a few tenths of a percent of satellites this large (hundreds of m^2 of wings).
    design = load("sso-100kw").replace(
        constellation__years="40 year",
        constellation__shells=[{"altitude": "1200 km", "planes": 2, "per_plane": 50}])
    run = size(design, transient=False).debris.cascade
    rows = run.shell_table()
    assert [r["satellites"] for r in rows] == [1, 100]
    k = run.shells[1][3]
    assert run.result.satellites[-1, k] == pytest.approx(100.0, rel=1e-2)
    assert run.result.satellites[-1, k] < 100.0
    held = orbit.catalogue_population(orbit.shell_edges())["satellites"][k]
    assert run.result.background_satellites[-1, k] == pytest.approx(held, rel=1e-2)


def test_capacity_of_the_design_shell_brackets_its_runaway(capsys, tmp_path):
    # spacedc constellation --capacity: the largest constellation of demo-1gpu in its own shell over 20 years.
    # At that count the shell holds; at 1.5 times it, some shell's debris runs away (the definition, checked by
    # two cascades of the design).
    from spacedc.designs.debris import constellation_cascade

    out_dir = tmp_path / "cap"
    code, out, _ = _run(capsys, "constellation", "demo-1gpu", "--years", 20, "--capacity", "--out", out_dir)
    cap = json.loads((out_dir / "debris.json").read_text())["capacity"]
    assert "capacity of the" in out and cap["bounded"] is True and cap["satellites"] > 0
    design = load("demo-1gpu").replace(constellation__years="20 year")
    r = size(design, transient=False)
    kwargs = dict(lifetime=design.power.lifetime, dry_mass=r.launch.mass.dry,
                  cross_section=r.debris.bus_area + r.debris.wing_area)
    holds = constellation_cascade(design, satellites=int(cap["satellites"]), **kwargs)
    assert not holds.runaway_shells
    beyond = constellation_cascade(design, satellites=int(1.5 * cap["satellites"]), **kwargs)
    assert beyond.runaway_shells
