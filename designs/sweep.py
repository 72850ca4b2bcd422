"""Parameter sweeps: a full-factorial grid over design fields, sized in chunks and streamed to a Parquet dataset.

Each chunk of points is one vectorized :func:`designs.size` call (no Python loop over points) whose
``summary.json`` columns are written, atomically, as one part file of the output folder
(``part-00000.parquet``, ...). The folder is the table: ``pandas.read_parquet(DIR)`` and ``pyarrow.dataset``
read it as it is, rows in grid order; polars and DuckDB read its parts' glob, ``DIR/*.parquet`` (polars refuses
a folder that holds any file but Parquet). Beside the parts, ``_manifest.json`` records the sweep's arguments
and columns and ``_errors.json`` the chunks that failed (pyarrow skips names starting with ``_`` or ``.``, as
it does a part's temporary file while it is written). A sweep that is interrupted (a crash, a kill, a lost worker) or had failed chunks resumes with
``resume=True``: the parts already on disk are kept, the missing ones are sized, and no point is lost or sized
twice. ``format="csv"`` writes one CSV file instead, for small tables: its parts wait in ``OUT.parts`` and are
joined when every one is there.

The points come from a :class:`designs.plan.SweepPlan` (``designs/plan.py`` holds the whole ``--vary`` syntax):
a full-factorial grid of ``"section.field=START:STOP:N"`` (N values, both ends included) and
``"section.field=V1,V2,..."`` variations, the first varying slowest, or ``samples`` points drawn by
``method="lhs"``, ``"sobol"`` or ``"random"`` with a fixed ``seed``, each field a range ``LO:HI``, a list or a
distribution (``"thermal.coolant_temperature=normal(40 degC, 3 K)"``). Values carry their unit or, bare, take
the field's own (``"payload.chip_power=300:1500:5"`` is in W); named choices (``launch.vehicle=falcon-9,starship``)
are sized one vectorized call per combination of choices in a chunk, and times of day parse
(``orbit.ltan=06:00,09:00``).

Chunks run in this process, in ``workers`` local processes, or on a Dask cluster (``scheduler``, an address
such as ``"tcp://10.0.0.5:8786"``, or ``client``, a ``dask.distributed.Client``; needs the extra,
``pip install -e ".[distributed]"``, and workers that share the output's file system, since each writes its own
part), through the same code. A chunk that raises is recorded with its point range and its error, and the
other chunks go on; :attr:`SweepReport.failed` lists them and a resume sizes them again.

The table holds a ``point`` column (the point's index), the swept inputs in SI as ``input.section.field_unit``,
then every ``summary.json`` key as ``section.key`` (its unit in its name, as in the summary). Numbers that are
not finite (the area of a radiator that cannot close) are empty (null), as ``null`` in ``summary.json``; text
columns (``reasons``, the vehicle's name) are dictionary-encoded. Keys that a sweep cannot fill (``None`` for
the whole sweep: the orbit transient's extremes, the debris cascade's figures) are left out, and the manifest
lists them under ``left_out``.

A sweep's ``feasible`` covers the steady sizing and every launch margin; the orbit transient of a single
design (the chips' peak against their junction limit, the battery against its band, the loop against
freezing) is not run per point: its ``thermal.transient`` column says so. Check a chosen point with
``spacedc size``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import hashlib
import json
import math
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pint

from spacedc.designs.design import Design, load
from spacedc.designs.plan import SweepPlan, Variation, make_plan, parse_variation, plan_counts, size_chunk
from spacedc.designs.result import _arrow_table, sweep_columns
from spacedc.designs.spec import DesignError
from spacedc.files import atomic_write, atomic_write_text

__all__ = ["Variation", "SweepReport", "check_size", "parse_variation", "sweep", "sweep_columns"]

#: Points sized per chunk: large enough that numpy dominates (a sizing call costs about 0.05 s besides its
#: points, a part file about 0.03 s: at 50,000 points a million-point sweep took 1.2-1.35x the in-memory call,
#: at 100,000 about 1.0x, benchmarks/README.md), small enough that a chunk fits in memory (about 0.2 GB) and a
#: crash loses little.
DEFAULT_CHUNK = 100_000

#: The table formats: a folder of Parquet parts (the default), or one CSV file for small tables.
FORMATS = ("parquet", "csv")

_MANIFEST, _ERRORS = "_manifest.json", "_errors.json"


#: What a sweep holds, measured on sso-100kw (peak resident memory over the imports' baseline, and the table's
#: size on disk): checking every grid combination up front holds 79 B per point with one variation of 4e6
#: values (the values themselves, their checks and their text in the sweep's fingerprint included), 41 B with
#: two and 88 B with three, the orbit's altitude among them (the grid's indices and every combination's
#: validated fields); sizing a chunk and formatting its table takes about 13 kB per point (15 kB with the orbit
#: varied: its environment is evaluated over a year of days); a worker process starts at about 100 MB; the CSV
#: table takes about 1.7 kB per point on disk, held twice while the parts are joined, the Parquet dataset about
#: 0.5 kB per point, once. Rounded up here.
_GRID_BYTES_PER_POINT, _CHUNK_BYTES_PER_POINT, _WORKER_BYTES = 96, 16_000, 150_000_000
_TABLE_BYTES_PER_POINT = {"csv": 2 * 2_000, "parquet": 600}


def _available_memory() -> int | None:
    """Memory this process may still take [B]: the system's available memory, within a cgroup limit if any;
    None where neither can be read."""
    known = []
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            known += [int(line.split()[1]) * 1024 for line in f if line.startswith("MemAvailable:")]
    except (OSError, ValueError, IndexError):
        with contextlib.suppress(ValueError, OSError, AttributeError):
            known.append(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    for limit, used in (("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
                        ("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes")):
        with contextlib.suppress(OSError, ValueError):
            cap = Path(limit).read_text().strip()
            if cap != "max" and int(cap) < 1 << 60:
                known.append(int(cap) - int(Path(used).read_text().strip()))
    return min(known) if known else None


def check_size(counts: Sequence[int], out: str | Path, *, chunk: int = DEFAULT_CHUNK, workers: int = 1,
               local: bool = True, format: str = "parquet") -> None:
    """Refuse, with :class:`designs.DesignError` (bad input), a sweep this machine cannot hold: the memory its
    grid check and its chunks need, or the disk its table needs, beyond what is free (module constants above).

    ``counts`` are the values of each variation; ``workers`` local processes each size a chunk at a time
    (``local=False``: chunks are sized on a cluster, so only the grid check counts here); ``format`` is the
    table's (a CSV table is held twice on disk while its parts are joined).
    """
    total = math.prod(counts)
    grid = total * _GRID_BYTES_PER_POINT
    per_chunk = min(chunk, total) * _CHUNK_BYTES_PER_POINT
    sizing = (per_chunk * workers + (_WORKER_BYTES * workers if workers > 1 else 0)) if local else 0
    need, free = grid + sizing, _available_memory()
    parent = Path(out).parent
    try:
        disk: int | None = shutil.disk_usage(parent).free
    except OSError:  # a missing folder is reported later, naming --out
        disk = None
    per_point = _TABLE_BYTES_PER_POINT[format]
    table = total * per_point
    short_memory, short_disk = free is not None and need > free, disk is not None and table > disk
    if not (short_memory or short_disk):
        return
    gb = lambda b: f"{b / 1e9:.3g} GB"  # noqa: E731
    at_once = f", {workers} at a time" if local and workers > 1 else ""
    raise DesignError(
        f"--vary: a sweep of {total:,} points needs about {gb(need)} of memory ({gb(grid)} to check every "
        f"combination, {_GRID_BYTES_PER_POINT} B per point, and "
        f"{gb(per_chunk)} per {min(chunk, total):,}-point chunk being sized{at_once}; "
        f"{'unknown' if free is None else gb(free)} free) and about {gb(table)} of disk for its {format} table "
        f"({per_point:,} B per point{', twice while its parts are joined' if format == 'csv' else ''}; "
        f"{'unknown' if disk is None else gb(disk)} free in {str(parent)!r}): more "
        f"{'memory and disk' if short_memory and short_disk else 'memory' if short_memory else 'disk'} than this "
        f"machine has. Sweep fewer points (split a range over several sweeps)"
        f"{' or give a smaller --chunk' if short_memory and sizing > grid else ''}")



@dataclasses.dataclass(frozen=True)
class SweepReport:
    """What :func:`sweep` did.

    ``path`` is the table (the Parquet folder, or the CSV file); ``points`` the grid's points; ``feasible`` how
    many of those written are feasible (None for a resumed CSV table without its ``feasible`` column);
    ``chunks`` and ``resumed_chunks`` the chunks in all and those kept from an earlier run; ``failed`` the
    chunks that raised, each ``{"chunk", "start", "stop", "error"}`` (points ``start`` to ``stop - 1``; a resume
    sizes them again; a CSV table is not joined while any failed); ``columns`` the table's columns and
    ``left_out`` the ``summary.json`` keys that the sweep could not fill.
    """

    path: Path
    points: int
    feasible: int | None
    chunks: int
    resumed_chunks: int
    seconds: float
    format: str = "parquet"
    failed: tuple[dict[str, Any], ...] = ()
    columns: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Every chunk is in the table (no chunk failed)."""
        return not self.failed

    def frame(self) -> Any:
        """The table as a pandas DataFrame, rows in grid order (text columns are Categoricals, points whose
        value is not finite are NaN)."""
        import pandas as pd

        if self.format == "csv":
            return pd.read_csv(self.path, true_values=["true"], false_values=["false"])
        return pd.read_parquet(self.path)


def _text(column: Any, n: int) -> list[str]:
    """One CSV column as strings, formatted by numpy: shortest round-trip floats, empty for None, inf and NaN,
    true/false, and quoted text where it holds a comma, a quote or a line break."""
    if column is None:
        return [""] * n
    a = np.asarray(column)
    if a.dtype == bool:
        return np.where(a, "true", "false").tolist()
    if a.dtype.kind in "iu":
        return a.astype(str).tolist()
    if a.dtype.kind == "f":
        # format each distinct value once: downstream of a few swept inputs many columns repeat
        values, where = np.unique(a, return_inverse=True)
        text = np.array(list(map(repr, values.tolist())), dtype=object)  # shortest round-trip form
        text[~np.isfinite(values)] = ""
        return text[where.reshape(-1)].tolist()
    s = a.astype(str)
    odd = (np.char.find(s, ",") >= 0) | (np.char.find(s, '"') >= 0) | (np.char.find(s, "\n") >= 0)
    if odd.any():
        s = np.where(odd, np.char.add(np.char.add('"', np.char.replace(s, '"', '""')), '"'), s)
    return s.tolist()


def _write_part(path: Path, columns: dict[str, Any]) -> None:
    """A CSV part file, atomically."""
    n = len(columns["point"])
    text = [_text(c, n) for c in columns.values()]

    def write(tmp: str) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            f.write(",".join(columns) + "\n")
            f.write("".join(",".join(row) + "\n" for row in zip(*text)))

    atomic_write(path, write)


def _write_parquet(path: Path, table: Any, indexed: Sequence[str] = ()) -> None:
    """A Parquet part file, atomically (a temporary dot-file beside it, which pyarrow and pandas skip, then a
    rename). Parquet's own dictionary encoding only for the text columns (tried on every column, it doubles the
    write for floats that rarely repeat) and min/max statistics only for the ``indexed`` columns (the point and
    the inputs, which a reader filters on): statistics of every column cost twice the rest of the write."""
    import pyarrow.parquet as pq

    text = [f.name for f in table.schema if str(f.type).startswith("dictionary")]
    atomic_write(path, lambda tmp: pq.write_table(table, tmp, use_dictionary=text,
                                                  write_statistics=[c for c in indexed if c in table.column_names]))


@dataclasses.dataclass(frozen=True)
class _Chunks:
    """What every chunk job needs, sent once to each worker (not once per chunk): the design, the plan of its
    points, where the parts go and the table's columns."""

    design: Design
    plan: SweepPlan
    inputs: int  # the point and input columns, first in the table
    folder: str
    format: str
    width: int  # digits of the part number in a part's name
    columns: tuple[str, ...]
    left_out: tuple[str, ...]
    schema: Any = None  # the Parquet parts' pyarrow schema

    def part(self, i: int) -> Path:
        return Path(self.folder) / f"part-{i:0{self.width}d}.{self.format}"


#: The feasible points of a Parquet part, in its key-value metadata (a part need not hold the column itself).
_FEASIBLE_KEY = b"spacedc.feasible"


def _chunk_job(jobs: _Chunks, i: int, start: int, stop: int, writer: Any = None) -> Any:
    """Size chunk ``i`` (points ``start`` to ``stop - 1``) and write its part file; what happened, as
    ``{"chunk", "start", "stop", "feasible", "error"}`` (``error`` None, or the exception raised, in words:
    a chunk that fails writes no part and does not stop the others). Runs in a worker as well.

    With ``writer`` (a one-thread executor) the part is written there while the caller sizes the next chunk
    (pyarrow writes without the GIL), and the outcome is a future of that dict."""
    outcome: dict[str, Any] = {"chunk": i, "start": start, "stop": stop}
    try:
        columns = size_chunk(jobs.design, jobs.plan, start, stop, columns=sweep_columns)
        filled = [k for k in jobs.left_out if columns.get(k) is not None]
        if filled:
            raise ValueError(f"column(s) {', '.join(filled)} have values in this chunk but none at the sweep's "
                             "probed points, where the table's columns were chosen")
        feasible = int(np.count_nonzero(columns["feasible"]))
        if jobs.format == "parquet":
            table = _arrow_table(columns, jobs.schema).replace_schema_metadata(
                {_FEASIBLE_KEY: str(feasible).encode()})

            def write() -> None:
                _write_parquet(jobs.part(i), table, indexed=jobs.columns[:jobs.inputs])
        else:
            def write() -> None:
                _write_part(jobs.part(i), {k: columns[k] for k in jobs.columns})
    except Exception as exc:  # recorded, and the sweep goes on
        return _done(outcome | {"feasible": 0, "error": _error_text(exc)}, writer)

    def written() -> dict[str, Any]:
        try:
            write()
        except Exception as exc:
            return outcome | {"feasible": 0, "error": _error_text(exc)}
        return outcome | {"feasible": feasible, "error": None}

    return written() if writer is None else writer.submit(written)


def _done(outcome: dict[str, Any], writer: Any) -> Any:
    """An outcome as it is, or (with a writer) as a finished future."""
    if writer is None:
        return outcome
    from concurrent.futures import Future

    future: Future = Future()
    future.set_result(outcome)
    return future


def _pool_job(i: int, start: int, stop: int) -> dict[str, Any]:
    """A chunk job in a local worker process, with the :class:`_Chunks` its initializer received."""
    return _chunk_job(_WORKER_CHUNKS, i, start, stop)


_WORKER_CHUNKS: Any = None


def _error_text(exc: BaseException) -> str:
    """An exception in one line, with the function and file line it was raised in."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (in {frames[-1].name}, {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {' '.join(str(exc).split()) or '(no message)'}{where}"


def _design_text(design: Design) -> str:
    """Every field of the design, arrays in full (a repr would summarise them), for the fingerprint."""
    def text(value: Any) -> str:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return "(" + ",".join(f"{f.name}={text(getattr(value, f.name))}" for f in dataclasses.fields(value)) + ")"
        if isinstance(value, (tuple, list)):
            return "[" + ",".join(text(v) for v in value) + "]"
        if isinstance(value, pint.Quantity):
            return f"{np.asarray(value.m).tolist()} {value.units}"
        if isinstance(value, np.ndarray):
            return f"{value.tolist()}"
        return repr(value)

    return text(design)


def _fingerprint(design: Design, plan: SweepPlan) -> str:
    """The sweep's design and points, hashed: a resume must size the same ones."""
    text = _design_text(design) + "|" + plan.describe() + "|" + "|".join(
        f"{v.key}={np.asarray(getattr(v.values, 'magnitude', v.values)).tolist()}{getattr(v.values, 'units', '')}"
        for v in plan.variations if v.values is not None)
    return hashlib.sha256(text.encode()).hexdigest()


class _Progress:
    """The default progress display on standard error: a bar with the rate and the time to go (tqdm) on a
    terminal, otherwise a line per chunk. ``start`` points were on disk before this run (a resume) and do not
    count toward its rate."""

    def __init__(self, total: int, start: int = 0, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.total, self.start, self.bar = total, start, None
        try:
            tty = self.stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        if tty:
            with contextlib.suppress(ImportError):
                from tqdm import tqdm

                self.bar = tqdm(total=total, initial=start, unit="pt", unit_scale=True, desc="sweep",
                                file=self.stream, smoothing=0.1)

    def __call__(self, done_points: int, total: int, elapsed: float) -> None:
        if self.bar is not None:
            self.bar.update(done_points - self.bar.n)
            return
        fresh = done_points - self.start
        rate = fresh / elapsed if elapsed > 0 else math.inf
        eta = (total - done_points) / rate if rate > 0 and math.isfinite(rate) else 0.0
        print(f"sweep: {done_points:,}/{total:,} points ({100 * done_points / total:.0f} %), "
              f"{elapsed:.1f} s, about {eta:.0f} s to go", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _select(names: Sequence[str], patterns: Sequence[str] | None, left_out: Sequence[str]) -> list[str]:
    """The output columns among ``names`` (in their order) that match one of the glob ``patterns``
    (:func:`fnmatch.fnmatchcase`); all of them without patterns. A pattern that matches none raises."""
    if not patterns:
        return list(names)
    if isinstance(patterns, str):
        patterns = [patterns]
    for p in patterns:
        if not any(fnmatch.fnmatchcase(n, p) for n in names):
            gone = [n for n in left_out if fnmatch.fnmatchcase(n, p)]
            why = (f"it matches only {', '.join(gone[:4])}{' ...' if len(gone) > 4 else ''}, which a sweep "
                   "cannot fill (left out)") if gone else "no column has such a name (see a table's _manifest.json)"
            raise DesignError(f"--columns {p!r} matches no column: {why}")
    return [n for n in names if any(fnmatch.fnmatchcase(n, p) for p in patterns)]


def _ours(folder: Path) -> tuple[list[Path], list[Path]]:
    """A folder's files that a sweep writes (its parts, manifest, error list and temporary files) and the
    others."""
    ours, others = [], []
    for p in folder.iterdir():
        name = p.name
        mine = p.is_file() and (name in (_MANIFEST, _ERRORS) or (name.startswith("part-") or
                                name.startswith((".part-", f".{_MANIFEST}.", f".{_ERRORS}."))))
        (ours if mine else others).append(p)
    return ours, others


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What differs between two sweeps' arguments, in words."""
    said = []
    for key in new:
        if old.get(key) != new[key]:
            if key == "fingerprint":
                said.append("the design's fields (its fingerprint) differ")
            else:
                said.append(f"{key} was {old.get(key)!r}, now {new[key]!r}")
    return said


def sweep(design: Design | str | Path, vary: Sequence[str | Variation], out: str | Path, *,
          chunk: int = DEFAULT_CHUNK, resume: bool = False, force: bool = False, workers: int = 1,
          scheduler: str | None = None, client: Any = None, format: str = "parquet",
          columns: Sequence[str] | None = None,
          progress: Callable[[int, int, float], None] | None = None, method: str = "grid",
          samples: int | None = None, seed: int = 0) -> SweepReport:
    """Size every combination of the variations, streaming the ``summary.json`` columns to a table at ``out``.

    Parameters
    ----------
    design : Design, or a reference design's name or a TOML path
    vary : sequence of str or Variation
        ``"section.field=START:STOP:N"`` or ``"section.field=V1,V2,..."`` (see the module docstring).
    out : path
        ``format="parquet"``: the folder of the Parquet dataset (made if missing; its parent must exist).
        ``format="csv"``: the CSV file. Columns: ``point`` (the grid index), the swept inputs in SI as
        ``input.section.field_unit``, then every ``summary.json`` key that the sweep fills as ``section.key``.
    chunk : int
        Points per vectorized call and per part file.
    resume : bool
        Keep the part files of an interrupted (or partly failed) run of the same sweep and size only the
        missing chunks. The arguments must be the same (design, variations, chunk, format, columns):
        a difference raises :class:`FileExistsError` naming it.
    force : bool
        Replace the sweep at ``out`` (a Parquet folder's part files, manifest and error list; a CSV file).
        Files that a sweep did not write are never removed: a folder holding them is refused. Without
        ``force`` or ``resume``, an existing table or a non-empty folder raises :class:`FileExistsError`.
    workers : int
        Local processes sizing chunks side by side (1: this process).
    scheduler : str, optional
        A Dask scheduler address; chunks then run on that cluster.
    client : dask.distributed.Client, optional
        A Dask client to run the chunks on (left open); instead of ``scheduler``.
    format : {"parquet", "csv"}
    columns : sequence of str, optional
        Glob patterns (``fnmatch``: ``"mass.*"``, ``"thermal.radiator_area_m2"``) of the ``summary.json`` columns
        to write; the ``point`` and input columns are always written. A pattern matching none raises.
    progress : callable, optional
        Called after each chunk as ``progress(points_done, points_total, seconds)``; default: a bar on a
        terminal, a line per chunk otherwise, on standard error.
    method, samples, seed
        ``"grid"`` (every combination), or ``"lhs"``, ``"sobol"``, ``"random"``: ``samples`` points drawn with
        ``seed`` (:func:`designs.plan.make_plan`).

    Returns
    -------
    SweepReport
        Its ``failed`` lists the chunks that raised (the others are written): resume to size them again.

    Raises
    ------
    DesignError
        For a bad variation or column pattern, naming it; and for a sweep this machine cannot hold
        (:func:`check_size`), before any value is built or file written.
    FileExistsError
        Where ``out`` holds a table or other files (see ``force``), or a different sweep to resume.
    """
    if not isinstance(design, Design):
        design = load(design)
    if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1:
        raise ValueError(f"chunk = {chunk!r}: expected a whole number of points >= 1")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers = {workers!r}: expected a whole number >= 1")
    if format not in FORMATS:
        raise ValueError(f"format = {format!r}: expected one of {', '.join(FORMATS)}")
    if resume and force:
        raise ValueError("resume and force: choose one (--resume finishes a sweep, --force replaces it)")
    if scheduler is not None and client is not None:
        raise ValueError("scheduler and client: give one (a client is already connected to its scheduler)")
    cluster = scheduler is not None or client is not None
    if cluster and workers > 1:
        raise ValueError(f"workers = {workers} with a Dask cluster: the cluster's workers size the chunks")
    patterns = [columns] if isinstance(columns, str) else (list(columns) if columns else None)
    # a sweep too large for this machine is refused before its values are built
    counts = plan_counts(vary, method=method, samples=samples)
    if counts and None not in counts:
        check_size(counts, out, chunk=chunk, workers=workers, local=not cluster, format=format)
    plan = make_plan(design, vary, method=method, samples=samples, seed=seed, check=False)
    if scheduler is not None:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise ValueError(f"--scheduler {scheduler!r} needs Dask: pip install -e '.[distributed]'") from None
    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"--out {str(out)!r}: directory {str(out.parent)!r} does not exist")
    if format == "parquet" and out.exists() and not out.is_dir():
        raise FileExistsError(f"--out {str(out)!r} is a file: a Parquet table is a folder; choose another --out")
    if format == "csv" and out.is_dir():
        raise FileExistsError(f"--out {str(out)!r} is a folder: a CSV table is a file; choose another --out")
    if format == "csv" and out.exists() and not force:
        raise FileExistsError(f"{out} exists: spacedc never overwrites a table without --force; choose another "
                              "--out, or pass --force to replace it")
    total = plan.size
    # every point must be a valid design (a min below its max, ...), before anything is written
    plan.check()
    # the table's columns, from the first point of each combination of named choices (a choice may fill keys
    # another leaves empty, as a vehicle with a price): the keys some point fills, those selected, their types
    first = [int(rows[0]) for rows, _ in plan.changes(0, total) if len(rows)]
    probes = [size_chunk(design, plan, r, r + 1, columns=sweep_columns) for r in first]
    probe = {k: next((p[k] for p in probes if p.get(k) is not None), None) for k in probes[0]}
    inputs = ["point", *plan.input_columns(0, 1)]
    left_out = [k for k, v in probe.items() if v is None]
    names = [k for k, v in probe.items() if v is not None and k not in inputs]
    selected = inputs + _select(names, patterns, left_out)
    schema = _arrow_table({k: probe[k] for k in selected}).schema if format == "parquet" else None

    bounds = [(s, min(s + chunk, total)) for s in range(0, total, chunk)]
    folder = out if format == "parquet" else out.parent / f"{out.name}.parts"
    arguments = {"design": design.name, "fingerprint": _fingerprint(design, plan),
                 "variations": [v.text for v in plan.variations], "plan": plan.describe(), "points": total,
                 "chunk": chunk, "format": format, "columns": patterns}
    manifest = {"spacedc_sweep": 1, "arguments": arguments, "chunks": len(bounds), "columns": selected,
                "left_out": left_out}
    _prepare(folder, manifest, resume=resume, force=force)
    jobs = _Chunks(design=design, plan=plan, inputs=len(inputs), folder=str(folder), format=format,
                   width=max(5, len(str(len(bounds) - 1))), columns=tuple(selected), left_out=tuple(left_out),
                   schema=schema)

    kept = [i for i in range(len(bounds)) if jobs.part(i).exists()]
    todo = [(i, *bounds[i]) for i in range(len(bounds)) if i not in set(kept)]
    done = sum(bounds[i][1] - bounds[i][0] for i in kept)
    feasible: int | None = _kept_feasible(jobs, kept)
    t0 = time.perf_counter()
    show = progress or _Progress(total, start=done)
    failed: list[dict[str, Any]] = []
    errors_path = folder / _ERRORS
    try:
        with contextlib.closing(_run(jobs, todo, workers=workers, scheduler=scheduler, client=client)) as chunks:
            for outcome in chunks:  # closing: an interrupt here still stops the workers
                if outcome["error"] is None:
                    done += outcome["stop"] - outcome["start"]
                    feasible = None if feasible is None else feasible + outcome["feasible"]
                else:
                    failed.append({k: outcome[k] for k in ("chunk", "start", "stop", "error")})
                    _write_errors(errors_path, failed)  # at once: a kill later keeps the record
                show(done, total, time.perf_counter() - t0)
    finally:
        if isinstance(show, _Progress):
            show.close()
    failed.sort(key=lambda f: f["chunk"])
    if failed:
        _write_errors(errors_path, failed)
    else:
        with contextlib.suppress(FileNotFoundError):
            errors_path.unlink()
        if format == "csv":
            counted = _join([jobs.part(i) for i in range(len(bounds))], out, replace=force)
            feasible = counted if counted is not None else feasible
            shutil.rmtree(folder)
    return SweepReport(path=out, points=total, feasible=feasible, chunks=len(bounds), resumed_chunks=len(kept),
                       seconds=time.perf_counter() - t0, format=format, failed=tuple(failed),
                       columns=tuple(selected), left_out=tuple(left_out))


def _write_errors(path: Path, failed: list[dict[str, Any]]) -> None:
    atomic_write_text(path, json.dumps({"failed": sorted(failed, key=lambda f: f["chunk"])}, indent=2) + "\n")


def _prepare(folder: Path, manifest: dict[str, Any], *, resume: bool, force: bool) -> None:
    """Make the sweep's folder ready: new (with its manifest), kept for a resume of the same arguments, or
    cleared of an earlier sweep's files with ``force``. Refuses, before anything is written, a folder that
    holds something else."""
    if folder.is_dir() and any(folder.iterdir()):
        ours, others = _ours(folder)
        if resume:
            try:
                old = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise FileExistsError(f"--resume: {folder} holds no sweep manifest ({_MANIFEST}) to resume; "
                                      "choose another --out") from None
            said = _differences(old.get("arguments", {}), manifest["arguments"])
            if said:
                raise FileExistsError(f"--resume: {folder} holds a different sweep: {'; '.join(said)}. Resume with "
                                      "the same arguments, or pass --force to replace it")
            return
        if not force:
            what = "the parts of an interrupted sweep" if (folder / _MANIFEST).exists() else "files"
            raise FileExistsError(f"{folder} is not empty (it holds {what}): pass --resume to finish a sweep, "
                                  "--force to replace one, or choose another --out")
        if others:
            raise FileExistsError(f"--force: {folder} holds files that no sweep wrote "
                                  f"({', '.join(sorted(p.name for p in others)[:5])}); spacedc removes only its "
                                  "own: choose another --out")
        for p in ours:
            p.unlink()
    folder.mkdir(exist_ok=True)
    atomic_write_text(folder / _MANIFEST, json.dumps(manifest, indent=2) + "\n")


def _kept_feasible(jobs: _Chunks, kept: Sequence[int]) -> int | None:
    """The feasible points of the parts kept from an earlier run: a Parquet part's metadata says it; a CSV
    part's ``feasible`` column, where the table has one (None otherwise)."""
    if not kept:
        return 0
    if jobs.format == "parquet":
        import pyarrow.parquet as pq

        return sum(int(pq.read_schema(jobs.part(i)).metadata[_FEASIBLE_KEY]) for i in kept)
    return 0 if "feasible" in jobs.columns else None  # the join counts the column


def _run(jobs: _Chunks, todo: list[tuple[int, int, int]], *, workers: int, scheduler: str | None,
         client: Any) -> Iterator[dict[str, Any]]:
    """Run the chunk jobs, yielding each chunk's outcome (in completion order). A job that a worker could not
    finish (a lost worker, a cluster error) is an outcome with its error too."""
    if scheduler is not None or client is not None:
        yield from _run_dask(jobs, todo, scheduler, client)
        return
    if workers == 1 or len(todo) <= 1:
        # one process: each part is written on a thread while the next chunk is sized
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1) as writer:
            pending = None
            for task in todo:
                job = _chunk_job(jobs, *task, writer=writer)
                if pending is not None:
                    yield pending.result()
                pending = job
            if pending is not None:
                yield pending.result()
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # the design and variations go to each worker once, with its initializer (on Linux, by fork: not at all)
    pool = ProcessPoolExecutor(max_workers=min(workers, len(todo)), initializer=_init_worker,
                               initargs=(os.getpid(), jobs))
    try:
        futures = {pool.submit(_pool_job, *task): task for task in todo}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # a worker died under this chunk: the pool is broken for the rest too
                yield _lost(futures[future], exc)
    except BaseException:
        # Ctrl-C, or the caller stopped: stop now, chunks being sized included (a part file is written
        # atomically, so a stopped chunk leaves none); the chunks already written stay for --resume
        workers_running = list(getattr(pool, "_processes", {}).values())  # no public handle on them
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers_running:
            process.terminate()
        raise
    pool.shutdown()


def _lost(task: tuple[int, int, int], exc: BaseException) -> dict[str, Any]:
    i, start, stop = task
    return {"chunk": i, "start": start, "stop": stop, "feasible": 0, "error": _error_text(exc)}


def _run_dask(jobs: _Chunks, todo: list[tuple[int, int, int]], scheduler: str | None,
              client: Any) -> Iterator[dict[str, Any]]:
    """The chunk jobs on a Dask cluster: the jobs' design and variations scattered to every worker once, one
    task per chunk, the same :func:`_chunk_job` as in this process."""
    from dask.distributed import Client, as_completed

    own = client is None
    if own:
        client = Client(scheduler)
    futures: dict[Any, tuple[int, int, int]] = {}
    try:
        shared = client.scatter(jobs, broadcast=True)
        futures = {client.submit(_chunk_job, shared, *task, pure=False): task for task in todo}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # a lost worker, a task the cluster gave up on
                yield _lost(futures[future], exc)
    finally:
        if futures:
            client.cancel(list(futures))
        if own:
            client.close()


#: How often a worker looks for its parent [s]: it stops within about this long of the parent's death.
_PARENT_POLL = 0.25


def _init_worker(parent: int, jobs: _Chunks | None = None) -> None:
    """Workers keep the sweep's :class:`_Chunks`, leave Ctrl-C to the parent, which cancels what is queued (a
    chunk half-sized is not written), and stop when the parent dies (a kill leaves no orphan sizing on, or
    waiting for work, for minutes)."""
    import signal
    import threading

    global _WORKER_CHUNKS
    _WORKER_CHUNKS = jobs
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent, os.getppid()), name="spacedc-parent-watch",
                     daemon=True).start()


def _watch_parent(parent: int, ppid: int) -> None:
    """Exit this worker at once when the sweep's process ``parent`` is gone. A polling thread, so it works
    wherever Python does (prctl's PR_SET_PDEATHSIG is Linux-only, and fires when the thread that started the
    worker ends, not the parent). A chunk cut short leaves only a temporary file, which the next write beside
    it removes."""
    while _parent_alive(parent, ppid):
        time.sleep(_PARENT_POLL)
    os._exit(1)


def _parent_alive(parent: int, ppid: int) -> bool:
    """POSIX: the worker still has the parent it started with (an orphan is handed to another process) and
    ``parent`` exists. Windows, where neither says it: the parent's process handle (multiprocessing)."""
    if os.name == "nt":
        import multiprocessing

        process = multiprocessing.parent_process()
        return process is None or process.is_alive()
    if os.getppid() != ppid:
        return False
    try:
        os.kill(parent, 0)  # signal 0: no signal, only the check that the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's, after a pid was reused, is not ours to judge)
    return True


def _join(parts: list[Path], out: Path, *, replace: bool = False) -> int | None:
    """Join the CSV part files, in point order, into ``out`` (atomically; ``replace`` an existing file); the
    number of feasible points (None where the table has no ``feasible`` column).

    Parts are copied line by line; their headers must agree. The ``feasible`` column comes before any text
    column, so splitting a line on its first commas finds it.
    """
    feasible = 0
    col = None

    def write(tmp: str) -> None:
        nonlocal feasible, col
        header = None
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            for p in parts:
                with open(p, encoding="utf-8", newline="") as src:
                    head = src.readline()
                    if header is None:
                        header = head
                        f.write(header)
                        names = header.rstrip("\n").split(",")
                        col = names.index("feasible") if "feasible" in names else None
                    elif head != header:
                        raise OSError(f"{p}: its columns differ from the first part's; remove the parts and rerun")
                    if col is None:
                        shutil.copyfileobj(src, f)
                        continue
                    for line in src:
                        feasible += line.split(",", col + 1)[col] == "true"
                        f.write(line)

    atomic_write(out, write, exclusive=not replace)
    return None if col is None else feasible
