"""The on-disk table cache (spacedc.cache): folder, keys, cold and warm reads, corrupt files, unwritable folders.

Every test points SPACEDC_CACHE_DIR (or the folder argument) at its own tmp_path: nothing here reads or writes
the session's cache folder or the user's ~/.cache.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import numpy as np
import pytest

from spacedc import cache


class Builder:
    """A build function that counts its calls and returns a fixed table of awkward floats."""

    def __init__(self, table=None):
        rng = np.random.default_rng(3)
        self.table = (rng.standard_normal((4, 5, 6)) * 10.0 ** rng.integers(-300, 300, (4, 5, 6))
                      if table is None else table)
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.table.copy()


PARTS = {"version": 1, "epoch": 2025.0, "grid": np.linspace(0.0, 1.0, 7), "packages": {"numpy": np.__version__}}


def test_folder_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("SPACEDC_CACHE_DIR", str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "explicit"
    monkeypatch.setenv("SPACEDC_CACHE_DIR", "")
    assert cache.cache_dir() == tmp_path / "xdg" / "spacedc"
    monkeypatch.delenv("SPACEDC_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "spacedc"


def test_cold_cache_builds_and_writes_then_warm_cache_reads_identical_bytes(monkeypatch, tmp_path):
    monkeypatch.setenv("SPACEDC_CACHE_DIR", str(tmp_path / "made" / "by" / "the cache"))
    build = Builder()
    cold = cache.cached_table("t", PARTS, build)
    path = cache.table_path("t", PARTS)
    assert build.calls == 1 and path.is_file() and path.parent == tmp_path / "made" / "by" / "the cache"
    assert path.name == f"t-{cache.table_key(PARTS)}.npz"
    warm = cache.cached_table("t", PARTS, build)
    assert build.calls == 1  # read, not rebuilt
    assert warm.tobytes() == cold.tobytes() == build.table.tobytes()
    assert warm.dtype == build.table.dtype and warm.shape == build.table.shape
    assert not warm.flags.writeable and not cold.flags.writeable
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_key_change_makes_a_new_file(tmp_path):
    build = Builder()
    changed = [dict(PARTS, epoch=2020.0), dict(PARTS, grid=np.linspace(0.0, 1.0, 8)),
               dict(PARTS, packages={"numpy": "0.0"}), dict(PARTS, version=2),
               dict(PARTS, epoch=np.nextafter(2025.0, 3000.0))]  # one ulp: floats are keyed exactly
    cache.cached_table("t", PARTS, build, folder=tmp_path)
    for k, parts in enumerate(changed, start=2):
        assert cache.table_key(parts) != cache.table_key(PARTS)
        cache.cached_table("t", parts, build, folder=tmp_path)
        assert build.calls == k
    assert len(list(tmp_path.glob("t-*.npz"))) == 1 + len(changed)
    assert cache.table_key(dict(reversed(list(PARTS.items())))) == cache.table_key(PARTS)  # order-free


@pytest.mark.parametrize("spoil", ["garbage", "truncated", "empty", "other key", "nan", "folder"])
def test_corrupt_file_is_rebuilt_and_replaced(tmp_path, spoil):
    build = Builder()
    path = cache.table_path("t", PARTS, tmp_path)
    cache.cached_table("t", PARTS, build, folder=tmp_path)
    good = path.read_bytes()
    if spoil == "garbage":
        path.write_bytes(b"not a zip file at all" * 10)
    elif spoil == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif spoil == "empty":
        path.write_bytes(b"")
    elif spoil == "other key":  # a valid file written for another key, under this name
        cache.cached_table("t", {"x": 1}, Builder(np.ones(3)), folder=tmp_path)
        cache.table_path("t", {"x": 1}, tmp_path).replace(path)
    elif spoil == "nan":
        with open(path, "wb") as f:
            np.savez(f, table=np.full(3, np.nan), key=np.array(cache.table_key(PARTS)))
    elif spoil == "folder":
        path.unlink()
        path.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = cache.cached_table("t", PARTS, build, folder=tmp_path)
    assert build.calls == 2 and table.tobytes() == build.table.tobytes()
    if spoil != "folder":  # a folder in the way cannot be replaced by a file: memory only
        assert cache.cached_table("t", PARTS, build, folder=tmp_path).tobytes() == build.table.tobytes()
        assert build.calls == 2  # the rebuilt file is good


def test_unwritable_folder_works_in_memory_without_warning(monkeypatch, tmp_path, caplog):
    blocker = tmp_path / "a file"
    blocker.write_text("the cache folder would have to be inside this file")
    monkeypatch.setenv("SPACEDC_CACHE_DIR", str(blocker / "cache"))  # mkdir fails, even for root
    build = Builder()
    with warnings.catch_warnings(), caplog.at_level(logging.DEBUG, logger="spacedc.cache"):
        warnings.simplefilter("error")
        one = cache.cached_table("t", PARTS, build)
        two = cache.cached_table("t", PARTS, build)
    assert one.tobytes() == two.tobytes() == build.table.tobytes()
    assert build.calls == 2  # nothing on disk: each call builds (the callers keep it in memory)
    assert not (blocker / "cache").exists()
    assert "memory only" in caplog.text


def test_a_build_that_returns_non_finite_values_raises_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="non-finite"):
        cache.cached_table("t", PARTS, Builder(np.array([1.0, np.inf])), folder=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_bad_names_and_key_parts_raise():
    with pytest.raises(ValueError, match="name"):
        cache.table_path("../escape", PARTS)
    with pytest.raises(TypeError, match="key part"):
        cache.table_key({"thing": object()})


def test_package_versions_without_importing(monkeypatch):
    import sys
    versions = cache.package_versions("numpy", "no-such-distribution-spacedc")
    assert versions == {"numpy": np.__version__, "no-such-distribution-spacedc": None}
    assert "no_such_distribution_spacedc" not in sys.modules


def test_stale_temporary_file_of_a_dead_writer_does_not_matter(tmp_path):
    # A writer killed mid-write leaves .<name>.<random>.<pid>.part; the next writer and reader ignore it.
    path = cache.table_path("t", PARTS, tmp_path)
    (tmp_path / f".{path.name}.abc.999999999.part").write_bytes(b"half a table")
    build = Builder()
    cache.cached_table("t", PARTS, build, folder=tmp_path)
    assert cache.cached_table("t", PARTS, build, folder=tmp_path).tobytes() == build.table.tobytes()
    assert build.calls == 1 and sorted(p.name for p in Path(tmp_path).iterdir()) == [path.name]
