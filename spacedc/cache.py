"""Model tables cached on disk: a table that takes seconds to compute is built once per machine, not per process.

A table is a numpy array stored as ``<name>-<key>.npz`` in the cache folder, where ``<key>`` is a hash of
everything the table depends on (its grid, the model parameters, the versions of the packages that compute it
and the version of the code that builds it, see :func:`table_key`). A change to any of them gives a new file
name, so a stale table is never read; the old file simply stays unused.

The folder is, in this order of precedence:

1. ``$SPACEDC_CACHE_DIR``, if set and not empty;
2. ``$XDG_CACHE_HOME/spacedc``, if ``XDG_CACHE_HOME`` is set and not empty;
3. ``~/.cache/spacedc``.

To clear the cache, delete the folder (or any file in it): the tables are rebuilt on their next use. Nothing in
it is ever needed: a missing, corrupt or unreadable file is rebuilt, and where the folder cannot be created or
written the table is kept in memory only (logged at debug level on the ``spacedc.cache`` logger, never a
warning or an error). Files are written atomically (:func:`spacedc.files.atomic_write`), so processes that
build the same table at once cannot leave a partial file: the last writer wins with an identical table.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from spacedc.files import atomic_write

__all__ = ["ENV_VAR", "cache_dir", "package_versions", "table_key", "table_path", "cached_table"]

#: The environment variable that names the cache folder (see the module docstring for the fallbacks).
ENV_VAR = "SPACEDC_CACHE_DIR"

_log = logging.getLogger("spacedc.cache")


def cache_dir() -> Path:
    """The cache folder (module docstring), read from the environment at each call; not created here.

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"SPACEDC_CACHE_DIR": "/tmp/spacedc-cache"}):
    ...     str(cache_dir())
    '/tmp/spacedc-cache'
    >>> with mock.patch.dict(os.environ, {"SPACEDC_CACHE_DIR": "", "XDG_CACHE_HOME": "/tmp/xdg"}):
    ...     str(cache_dir())
    '/tmp/xdg/spacedc'
    """
    explicit = os.environ.get(ENV_VAR, "")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "spacedc"


def package_versions(*names: str) -> dict[str, str | None]:
    """The installed version of each distribution (``importlib.metadata``, which does not import the package);
    ``None`` for one that is not installed."""
    out: dict[str, str | None] = {}
    for name in names:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = None
    return out


def _plain(value: Any) -> Any:
    """A JSON-able form of a key part: arrays as (dtype, shape, hex bytes), so that no digit is lost."""
    if isinstance(value, np.ndarray):
        a = np.ascontiguousarray(value)
        return {"dtype": a.dtype.str, "shape": list(a.shape), "data": a.tobytes().hex()}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (np.floating, float)):
        return float(value).hex()
    if isinstance(value, (np.integer, int, bool, str)) or value is None:
        return value.item() if isinstance(value, np.generic) else value
    raise TypeError(f"cache key part {value!r} ({type(value).__name__}): expected numbers, strings, arrays, "
                    "lists or mappings of them")


def table_key(parts: Mapping[str, Any]) -> str:
    """A 16-hex-digit hash (SHA-256) of everything a table depends on.

    ``parts`` maps names to numbers, strings, ``None``, numpy arrays, or lists and mappings of them. Floats are
    hashed exactly (their hex form), arrays by dtype, shape and bytes, mappings in key order.

    Examples
    --------
    >>> table_key({"epoch": 2025.0, "grid": np.arange(3.0)}) == table_key({"grid": np.arange(3.0), "epoch": 2025.0})
    True
    >>> table_key({"epoch": 2025.0}) == table_key({"epoch": 2020.0})
    False
    """
    text = json.dumps(_plain(dict(parts)), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def table_path(name: str, parts: Mapping[str, Any], folder: str | os.PathLike[str] | None = None) -> Path:
    """Where the table ``name`` with key ``parts`` lives: ``folder / f"{name}-{table_key(parts)}.npz"``, the
    folder :func:`cache_dir` unless given."""
    if not name or not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"name = {name!r}: expected letters, digits, '-' and '_' (a file name)")
    return (cache_dir() if folder is None else Path(folder)) / f"{name}-{table_key(parts)}.npz"


def _load(path: Path, key: str) -> np.ndarray | None:
    """The table stored at ``path`` if it is a readable file written for ``key``; else None (never raises)."""
    try:
        with open(path, "rb") as fh, np.load(fh, allow_pickle=False) as f:  # our handle: closed on any error
            if str(f["key"]) != key:
                return None
            table = np.array(f["table"])
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file, a permission problem: rebuild, do not trust it
        _log.debug("cache file %s unreadable (%s: %s); rebuilding", path, type(exc).__name__, exc)
        return None
    if table.dtype.kind != "f" or not np.all(np.isfinite(table)):
        _log.debug("cache file %s holds a non-finite or non-float table; rebuilding", path)
        return None
    return table


def _save(path: Path, key: str, table: np.ndarray) -> None:
    """Write the table atomically; on any OS error (read-only or missing folder, full disk) log and go on."""
    def write(tmp: str) -> None:
        with open(tmp, "wb") as f:  # a file object: np.savez would append ".npz" to a name
            np.savez(f, table=table, key=np.array(key))

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, write)
    except OSError as exc:
        _log.debug("cache folder %s not writable (%s: %s); table kept in memory only", path.parent,
                   type(exc).__name__, exc)


def cached_table(name: str, parts: Mapping[str, Any], build: Callable[[], np.ndarray], *,
                 folder: str | os.PathLike[str] | None = None) -> np.ndarray:
    """The table ``name`` for key ``parts``: read from the cache folder, or built with ``build()`` and stored.

    Parameters
    ----------
    name : str
        A short file-name stem, e.g. ``"radiation-dose"``.
    parts : mapping
        Everything the table depends on (:func:`table_key`): its grid, the model parameters, the versions of
        the packages that compute it (:func:`package_versions`) and a table-version constant of the module
        that builds it, bumped when that code changes.
    build : callable
        Computes the table (a finite float array) when the cache has none; called at most once here.
    folder : path, optional
        The cache folder; default :func:`cache_dir`, read at each call.

    Returns
    -------
    numpy.ndarray
        Read-only; the same bytes from the cache as from ``build()``. A file that cannot be read, was written
        for another key or holds non-finite values is rebuilt and replaced; where the folder cannot be
        written the built table is returned without a file (the caller keeps it in memory).

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> t = cached_table("example", {"n": 3}, lambda: np.arange(3.0), folder=folder)
    >>> t.tolist(), table_path("example", {"n": 3}, folder).exists()
    ([0.0, 1.0, 2.0], True)
    >>> cached_table("example", {"n": 3}, lambda: 1 / 0, folder=folder).tolist()  # warm: not rebuilt
    [0.0, 1.0, 2.0]
    """
    path = table_path(name, parts, folder)
    key = table_key(parts)
    table = _load(path, key)
    if table is None:
        table = np.array(build(), dtype=float)
        if not np.all(np.isfinite(table)):
            raise ValueError(f"table {name!r}: the build returned non-finite values; not cached")
        _save(path, key, table)
    table.setflags(write=False)
    return table
