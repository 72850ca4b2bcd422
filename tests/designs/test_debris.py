"""The ``debris`` step of the sizing chain, the ``[constellation]`` section and ``spacedc constellation``."""

import json
import math
import tomllib

import numpy as np
import pytest

from spacedc import designs
from spacedc.designs.chain import size
from spacedc.designs.cli import main
from spacedc.designs.design import load
from spacedc.designs.result import summary
from spacedc.units import u

REFERENCES = sorted(designs.reference_designs())
_YEAR_S = 365.25 * 86400.0


class _Run:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def spacedc(capsys):
    """The CLI's ``main`` in this process (the subprocess form is tests/designs/test_cli.py's): exit status and
    output."""
    def run(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return _Run(code, out, err)
    return run


def _numbers(tree):
    if isinstance(tree, dict):
        for v in tree.values():
            yield from _numbers(v)
    elif isinstance(tree, (int, float)) and not isinstance(tree, bool):
        yield tree


@pytest.fixture(scope="module", params=REFERENCES)
def reference(request):
    design = load(request.param)
    return design, summary(size(design, transient=False))


def test_every_reference_reports_a_finite_debris_section(reference):
    design, data = reference
    d = data["debris"]
    json.dumps(d, allow_nan=False)  # no NaN or infinity anywhere
    assert all(math.isfinite(x) for x in _numbers(d))
    for key in ("flux_1cm_per_m2_year", "lethal_impact_probability_bus", "impact_probability_wings",
                "conjunctions_per_year", "manoeuvres_per_year", "residual_collisions_per_year",
                "kinetic_gas_encounters_per_year", "manoeuvre_delta_v_m_per_s", "cascade_shell_debris_end",
                "cascade_total_debris_end"):
        assert d[key] is not None and d[key] >= 0, key
    assert d["cascade_shell_stable"] in (True, False) and d["cascade"].startswith("run:")
    # the shell holding the design's altitude
    assert d["cascade_shell_low_m"] <= data["orbit"]["altitude_m"] < d["cascade_shell_high_m"]
    # without [constellation], the station's modules are the constellation's satellites (one for a single one)
    assert d["satellites"] == design.launch.modules


def test_lethal_probability_is_the_poisson_law_on_the_bus_face(reference):
    # P = 1 - exp(-F A t), [ECSS-E-ST-10-04C] Annex J; A = bus_width^2 (the stated bus cross-section), F the debris'
    # and the meteoroids' flux of 1 cm and larger
    design, data = reference
    d = data["debris"]
    area = design.geometry.bus_width.m_as("m") ** 2
    years = design.power.lifetime.m_as("year")
    assert d["bus_cross_section_m2"] == pytest.approx(area)
    flux = d["flux_1cm_per_m2_year"] + d["meteoroid_flux_1cm_per_m2_year"]
    assert d["lethal_impact_probability_bus"] == pytest.approx(1 - math.exp(-flux * area * years), rel=1e-9)
    # the meteoroids of 1 cm are under a percent of the debris at these altitudes, but counted
    assert 0 < d["meteoroid_flux_1cm_per_m2_year"] < 1e-2 * d["flux_1cm_per_m2_year"]
    assert d["reentry"].startswith("Re-entry casualty risk not assessed")
    wings = data["thermal"]["radiator_area_m2"] + data["power"]["array_area_m2"]
    assert d["wing_cross_section_m2"] == pytest.approx(wings)
    # manoeuvre delta-v over life: manoeuvres per satellite x delta-v of one (0.1 m/s default) x life
    assert d["manoeuvre_delta_v_m_per_s"] == pytest.approx(d["manoeuvres_per_satellite_per_year"] * 0.1 * years)


def test_a_phased_station_meets_itself_far_less_than_a_random_gas():
    # starcloud-40mw: 80 modules evenly spaced in one plane, 4.5 deg apart (r x 4.5 deg ~ 553 km), never within 1 km
    d = summary(size(load("starcloud-40mw"), transient=False))["debris"]
    r = 6378.137e3 + 650e3  # the orbit radius, m (equatorial radius + the 650 km altitude)
    assert d["closest_approach_m"] == pytest.approx(2 * r * math.sin(math.radians(4.5) / 2), rel=1e-6)
    assert d["internal_conjunctions_per_year"] == 0.0
    assert d["kinetic_gas_encounters_per_year"] > 100


def _design_file(tmp_path, constellation: str) -> str:
    ref = designs.reference_designs()["sso-100kw"]
    path = tmp_path / "sat.toml"
    path.write_text(ref.read_text(encoding="utf-8") + "\n[constellation]\n" + constellation + "\n", encoding="utf-8")
    tomllib.loads(path.read_text(encoding="utf-8"))
    return str(path)


@pytest.mark.parametrize("table, field", [("planes = -3", "constellation.planes"),
                                          ('screening_radius = "0 km"', "constellation.screening_radius"),
                                          ("per_plane = -1", "constellation.per_plane"),
                                          ("manoeuvre_failure_rate = 1.5", "constellation.manoeuvre_failure_rate")])
def test_bad_constellation_input_exits_2_naming_the_field(spacedc, tmp_path, table, field):
    proc = spacedc("constellation", _design_file(tmp_path, table))
    assert proc.returncode == 2, proc.stderr
    assert field in proc.stderr and "Traceback" not in proc.stderr
    size_proc = spacedc("size", _design_file(tmp_path, table))
    assert size_proc.returncode == 2 and field in size_proc.stderr


def test_constellation_command_writes_its_plots(spacedc, tmp_path):
    out = tmp_path / "out"
    proc = spacedc("constellation", "sso-100kw", "--satellites", 1000, "--years", 20, "--out", out)
    assert proc.returncode in (0, 1), proc.stderr  # 1 only with a runaway shell, which it names
    if proc.returncode == 1:
        assert "runaway" in proc.stderr
    assert "1000 satellites" in proc.stdout and "cascade of the shell" in proc.stdout
    for name in ("population.png", "collisions.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    d = json.loads((out / "debris.json").read_text())["debris"]
    assert d["satellites"] == 1000 and d["cascade_years"] == pytest.approx(20)
    # 200 a year: 1000 satellites over sso-100kw's 5-year life
    assert d["cascade_launch_rate_per_year"] == pytest.approx(1000 / load("sso-100kw").power.lifetime.m_as("year"))
    again = spacedc("constellation", "sso-100kw", "--satellites", 1000, "--years", 20, "--out", out)
    assert again.returncode == 2 and "--force" in again.stderr


def test_satellites_must_fill_the_planes(spacedc, tmp_path):
    proc = spacedc("constellation", _design_file(tmp_path, "planes = 3"), "--satellites", 10)
    assert proc.returncode == 2 and "--satellites" in proc.stderr


def test_an_altitude_sweep_gives_one_debris_value_per_point():
    base = load("sso-100kw")
    altitudes = np.array([500.0, 650.0, 800.0]) * u.km
    data = summary(size(base.replace(orbit__altitude=altitudes)))
    d = data["debris"]
    for key in ("flux_1cm_per_m2_year", "lethal_impact_probability_bus", "conjunctions_per_year",
                "kinetic_gas_encounters_per_year", "manoeuvres_per_year"):
        assert len(d[key]) == 3, key
    # The CNES table [CNES-DebrisRisks] Table 2 rises from 400 to 800 km at 1 cm (P = 2.2e-2 over 500 m^2 at
    # 400 km, 5.5e-3 over 20 m^2 at 800 km: 4.5e-5 to 2.8e-4 /m^2/yr), and so does its log interpolation
    assert d["flux_1cm_per_m2_year"][0] < d["flux_1cm_per_m2_year"][1] < d["flux_1cm_per_m2_year"][2]
    assert d["cascade_shell_stable"] is None and "sweep" in d["cascade"][0]
    # every point stands alone: the middle point equals the single design at that altitude
    single = summary(size(base.replace(orbit__altitude=650 * u.km), transient=False))["debris"]
    assert d["flux_1cm_per_m2_year"][1] == pytest.approx(single["flux_1cm_per_m2_year"], rel=1e-12)
    assert d["conjunctions_per_year"][1] == pytest.approx(single["conjunctions_per_year"], rel=1e-12)
