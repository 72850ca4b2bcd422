"""The dose and MSIS tables through the on-disk cache: cold build, warm read, keys, and lazy model imports.

The cold builds here run on sub-grids of the real tables (monkeypatched grids, which the cache key includes),
so that this file does not rebuild the full tables; the full tables come from the session's cache folder
(tests/conftest.py). A sub-grid table must equal the full table at the shared nodes: each node is computed on
its own.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from spacedc import cache
from spacedc.orbit import atmosphere, radiation


@pytest.fixture(scope="module")
def full_dose():
    """The session's full dose table (in memory, or from the session's cache folder), taken before any test
    here patches the grid or the folder: the in-memory cache is keyed by epoch only."""
    return radiation._table(radiation.FIELD_EPOCH)


@pytest.fixture(scope="module")
def full_msis():
    """The session's full MSIS table, taken before any patch (as :func:`full_dose`)."""
    return atmosphere.msis_table()


@pytest.fixture
def small_dose_grid(monkeypatch, tmp_path):
    """A 2 x 2 dose table (550 and 1000 km, 50 and 70 deg) in an empty cache folder of its own."""
    monkeypatch.setenv("SPACEDC_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(radiation, "_ALTITUDES_KM", np.array([550.0, 1000.0]))
    monkeypatch.setattr(radiation, "_INCLINATIONS_DEG", np.array([50.0, 70.0]))
    return tmp_path


def _dose_table(epoch):
    """The dose table through the disk cache, bypassing the in-memory lru_cache (which ignores the folder)."""
    return radiation._table.__wrapped__(epoch)


def test_dose_table_cold_then_warm(small_dose_grid, monkeypatch):
    cold = _dose_table(radiation.FIELD_EPOCH)
    files = list(small_dose_grid.glob("radiation-dose-*.npz"))
    assert len(files) == 1 and cold.shape == (2, 2, radiation._AREAL.size)

    def no_build(epoch):
        raise AssertionError("a warm cache must not rebuild the table")

    monkeypatch.setattr(radiation, "_build_table", no_build)
    warm = _dose_table(radiation.FIELD_EPOCH)
    assert warm.tobytes() == cold.tobytes()


def test_dose_sub_grid_equals_the_full_table_at_its_nodes(full_dose, small_dose_grid):
    small = _dose_table(radiation.FIELD_EPOCH)
    full = full_dose
    rows = np.searchsorted(np.array([300.0, 350.0, 400.0, 450.0, 500.0, 550.0, 600.0, 650.0, 700.0, 750.0, 800.0,
                                     900.0, 1000.0, 1100.0, 1200.0, 1400.0, 1600.0, 1800.0, 2000.0]),
                           [550.0, 1000.0])
    cols = [10, 14]  # 50 and 70 deg on the 5-degree grid
    assert full.shape[:2] == (19, 19)
    np.testing.assert_allclose(small, full[np.ix_(rows, cols)], rtol=0, atol=1e-12)


def test_dose_field_epoch_is_in_the_key(small_dose_grid):
    a = _dose_table(2025.0)
    b = _dose_table(2020.0)
    assert len(list(small_dose_grid.glob("radiation-dose-*.npz"))) == 2
    assert not np.array_equal(a, b)  # the field moved in five years, and so did the dose


def test_dose_key_covers_grid_versions_and_table_version(monkeypatch):
    base = cache.table_key(radiation._table_key(2025.0))
    assert cache.table_key(radiation._table_key(2020.0)) != base
    monkeypatch.setattr(radiation, "_FINE_LON", np.arange(-180.0, 180.0, 6.0))
    assert cache.table_key(radiation._table_key(2025.0)) != base
    monkeypatch.undo()
    monkeypatch.setattr(radiation, "TABLE_VERSION", radiation.TABLE_VERSION + 1)
    assert cache.table_key(radiation._table_key(2025.0)) != base
    monkeypatch.undo()
    versions = radiation._table_key(2025.0)["packages"]
    assert set(versions) == {"aep8", "radbelt", "spacepy"} and all(versions.values())


@pytest.fixture
def small_msis_grid(monkeypatch, tmp_path):
    """A 2 x 2 x 12 MSIS table (Ap 0 and 15, F10.7 65 and 123.75 sfu, every 10th altitude)."""
    monkeypatch.setenv("SPACEDC_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(atmosphere, "_AP", atmosphere._AP[[0, 2]])
    monkeypatch.setattr(atmosphere, "_F107", atmosphere._F107[[0, 4]])
    monkeypatch.setattr(atmosphere, "_ALT_KM", atmosphere._ALT_KM[::10])
    return tmp_path


def test_msis_table_cold_then_warm_and_equal_to_the_full_table(full_msis, small_msis_grid, monkeypatch):
    full = full_msis
    cold = atmosphere.msis_table.__wrapped__()
    assert len(list(small_msis_grid.glob("msis-density-*.npz"))) == 1 and cold.shape == (2, 2, 12)
    np.testing.assert_allclose(cold, full[np.ix_([0, 2], [0, 4], np.arange(0, full.shape[2], 10))],
                               rtol=0, atol=1e-12)

    def no_build():
        raise AssertionError("a warm cache must not rebuild the table")

    monkeypatch.setattr(atmosphere, "_build_msis_table", no_build)
    assert atmosphere.msis_table.__wrapped__().tobytes() == cold.tobytes()


def test_msis_ap_grid_is_in_the_key(small_msis_grid, monkeypatch):
    atmosphere.msis_table.__wrapped__()
    monkeypatch.setattr(atmosphere, "_AP", np.array([0.0, 35.0]))
    other = atmosphere.msis_table.__wrapped__()
    assert len(list(small_msis_grid.glob("msis-density-*.npz"))) == 2
    assert other.shape == (2, 2, 12)
    versions = atmosphere._msis_key()["packages"]
    assert list(versions) == ["pymsis"] and versions["pymsis"]


def test_warm_cache_imports_no_model_package():
    # Warm the session's folder (a read when this session already built the tables), then a fresh interpreter
    # that inherits it computes a dose and a density without importing any model package.
    cache.cached_table("radiation-dose", radiation._table_key(radiation.FIELD_EPOCH),
                       lambda: radiation._build_table(radiation.FIELD_EPOCH))
    cache.cached_table("msis-density", atmosphere._msis_key(), atmosphere._build_msis_table)
    assert os.environ["SPACEDC_CACHE_DIR"]  # set by tests/conftest.py, inherited by the subprocess
    script = ("import sys; from spacedc import orbit; orbit.total_dose('650 km', '98 deg', '3 mm', '5 year'); "
              "orbit.msis_density('500 km'); "
              "print([m for m in ('spacepy', 'aep8', 'radbelt', 'pymsis') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
