"""Every point of a vectorized call is sized as it would be alone: a sweep's table does not depend on --chunk.

The grid mixes satellites under and over Falcon's 4,000 lb (1,814 kg) light-payload line (one chip of sso-100kw
weighs under 0.5 t, a hundred about 13.5 t), with and without a heat pump, so that a decision taken over the
whole batch (any point light, any point heat-pumped) would show as a difference between chunkings. Sizing a
chunk of 1, 2, 7 or 50,000 points must write the same bytes, and every row must equal the point sized on its
own by ``designs.size(design.replace(...))``.

That last comparison is exact for every flag, count and text, and within 1e-12 (relative) for floats: a single
design is sized on numpy float64 *scalars*, whose ``**`` calls the C library's ``pow``, while a sweep is sized
on arrays, whose ``**`` runs numpy's own vectorised power loop (SIMD); the two can differ in the last bit
(measured: 1-2e-16 relative in ``thermal.loop_pressure_drop_Pa``, ``thermal.pump_power_W`` and
``thermal.radiator_temperature_K``). Every array path -- a chunk of one point included -- uses the same loop,
so the tables of different chunkings are compared byte for byte.
"""

import csv
import itertools
import math

import numpy as np
import pytest

from spacedc import designs, structure
from spacedc.designs.cli import main

CHIP_COUNTS = (1, 2, 5, 20, 60, 100)
CHIP_POWERS = ("600 W", "1000 W")
LIFTS = ("0 K", "20 K")
VARY = [f"payload.chip_count={','.join(map(str, CHIP_COUNTS))}", f"payload.chip_power={','.join(CHIP_POWERS)}",
        f"thermal.heat_pump_lift={','.join(LIFTS)}"]
CHUNKS = (1, 2, 7, 50_000)


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    """The sweep's CSV text for each chunk size, and the rows of the whole grid sized in one call."""
    folder = tmp_path_factory.mktemp("chunks")
    sat = designs.load("sso-100kw")
    text = {}
    for chunk in CHUNKS:
        out = folder / f"chunk-{chunk}.csv"
        designs.sweep(sat, VARY, out, chunk=chunk, format="csv", progress=lambda *a: None)
        text[chunk] = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text[CHUNKS[-1]].splitlines()))
    return text, rows


def test_the_grid_mixes_light_and_heavy_points_and_heat_pumps(tables):
    """The test can fail: the grid holds points on both sides of the 1,814 kg line and both loop types."""
    _, rows = tables
    light = structure.FALCON_LIGHT_PAYLOAD.m_as("kg")
    wet = [float(r["mass.total_kg"]) for r in rows]
    assert len(rows) == len(CHIP_COUNTS) * len(CHIP_POWERS) * len(LIFTS)
    assert min(wet) < light < max(wet)
    assert {r["input.thermal.heat_pump_lift_K"] for r in rows} == {"0.0", "20.0"}


@pytest.mark.parametrize("chunk", CHUNKS[1:])
def test_tables_are_identical_whatever_the_chunk(tables, chunk):
    text, _ = tables
    assert text[chunk] == text[CHUNKS[0]]


def _flat(data, prefix=""):
    """summary.json as ``section.key`` columns, as the sweep writes them."""
    out = {}
    for key, value in data.items():
        if key in ("name", "notes"):
            continue
        if isinstance(value, dict):
            out |= _flat(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out


def _same(alone, cell):
    """A single design's summary value against the sweep's CSV cell (empty for None, inf and NaN)."""
    if alone is None:
        return cell == ""
    if isinstance(alone, bool):
        return cell == ("true" if alone else "false")
    if isinstance(alone, int):  # a count: whole, whichever way the column's type writes it (1 or 1.0)
        return cell != "" and float(cell) == alone
    if isinstance(alone, float):
        return cell != "" and math.isclose(float(cell), alone, rel_tol=1e-12, abs_tol=0.0)
    return cell == str(alone)


def test_every_row_equals_the_point_sized_alone(tables):
    """Each CSV row against ``designs.size`` of that point alone (the orbit transient off, as in a sweep).

    The reasons of a single design carry its numbers and a sweep's name only the failed checks, so for them the
    count of reasons is compared; ``thermal.transient`` says why the transient did not run, which differs, and the
    cascade of the design's shell (``debris.cascade*``) runs for a single design only, as the transient.
    """
    _, rows = tables
    sat = designs.load("sso-100kw")
    for row, (n, p, lift) in zip(rows, itertools.product(CHIP_COUNTS, CHIP_POWERS, LIFTS)):
        assert int(row["input.payload.chip_count"]) == n
        alone = designs.size(sat.replace(payload__chip_count=n, payload__chip_power=p, thermal__heat_pump_lift=lift),
                             transient=False)
        data = _flat(designs.summary(alone))
        reasons = data.pop("reasons")
        assert len(reasons) == len([r for r in row["reasons"].split("; ") if r]), (row["point"], reasons)
        data.pop("thermal.transient")
        data.pop("warnings", None)   # a design's list of scale warnings: a sweep's table has no list columns
        data = {k: v for k, v in data.items() if not k.startswith("debris.cascade")}
        # a key that no point of a sweep fills is left out of its table: alone, it is empty too
        assert all(data[k] is None for k in data if k not in row), (row["point"], set(data) - set(row))
        different = {k: (v, row[k]) for k, v in data.items() if k in row and not _same(v, row[k])}
        assert not different, (row["point"], different)


def test_the_reference_design_keeps_its_margins_beside_a_one_chip_satellite(tmp_path, capsys):
    """The issue's case: `spacedc sweep sso-100kw --vary payload.chip_count=1,100 --chunk 2` sized the reference
    design (13.5 t) with Falcon's light-payload factors because the one-chip satellite beside it weighs 0.5 t,
    and called it infeasible (buckling margin -0.05); alone it is feasible (+0.70)."""
    tables = {}
    for chunk in (1, 2):
        out = tmp_path / f"c{chunk}.csv"
        assert main(["sweep", "sso-100kw", "--vary", "payload.chip_count=1,100", "--chunk", str(chunk),
                     "--format", "csv", "--out", str(out)]) == 0
        tables[chunk] = out.read_text(encoding="utf-8")
    assert tables[1] == tables[2]
    reference = list(csv.DictReader(tables[2].splitlines()))[1]
    alone = designs.size(designs.load("sso-100kw"))
    assert reference["feasible"] == "true" and alone.feasible
    buckling = alone.launch.margins["primary_structure_buckling"]
    assert buckling > 0.5  # +0.70 (the heavy envelope), not the light bound's -0.05
    assert float(reference["launch.margins.primary_structure_buckling"]) == pytest.approx(buckling, rel=1e-12)
    capsys.readouterr()


def test_a_light_and_a_heavy_point_each_take_their_own_falcon_envelope():
    """Directly on the launch checks: a 1 t and a 13.5 t satellite sized together get the margins each gets alone
    (the light one Fig. 4-2's bound, the heavy one Fig. 4-1), exactly: the selection is per point."""
    sat = designs.load("sso-100kw")
    both = designs.size(sat.replace(payload__chip_count=np.array([5, 100])), transient=False)
    wet = both.launch.mass.wet.m_as("kg")
    assert wet[0] < structure.FALCON_LIGHT_PAYLOAD.m_as("kg") < wet[1]
    for i, n in enumerate((5, 100)):
        alone = designs.size(sat.replace(payload__chip_count=np.array([n])), transient=False)
        for name in ("tie_down_tension", "tie_down_shear", "primary_structure_yield", "primary_structure_ultimate",
                     "primary_structure_buckling"):
            assert both.launch.margins[name][i] == alone.launch.margins[name][0], (n, name)
    assert any("light-payload" in note for note in both.launch.notes)
    heavy_alone = designs.size(sat.replace(payload__chip_count=np.array([100])), transient=False)
    assert not any("light-payload" in note for note in heavy_alone.launch.notes)
