"""Parameter sweeps: a full-factorial grid over design fields, sized in chunks and streamed to a CSV table.

Each chunk of points is one vectorized :func:`designs.size` call (no Python loop over points) whose
``summary.json`` columns are written, atomically, as one part file beside the output. A sweep that is
interrupted (a crash, a kill, a lost worker) resumes with ``resume=True``: the parts already on disk are
kept, the missing ones are sized, and no point is lost or sized twice. When every part is there they are
joined, atomically, into the output table and the parts are removed.

The points come from a :class:`designs.plan.SweepPlan` (``designs/plan.py`` holds the whole ``--vary`` syntax):
a full-factorial grid of ``"section.field=START:STOP:N"`` (N values, both ends included) and
``"section.field=V1,V2,..."`` variations, the first varying slowest, or ``samples`` points drawn by
``method="lhs"``, ``"sobol"`` or ``"random"`` with a fixed ``seed``, each field a range ``LO:HI``, a list or a
distribution (``"thermal.coolant_temperature=normal(40 degC, 3 K)"``). Values carry their unit or, bare, take
the field's own (``"payload.chip_power=300:1500:5"`` is in W); named choices (``launch.vehicle=falcon-9,starship``)
are sized one vectorized call per combination of choices in a chunk, and times of day parse
(``orbit.ltan=06:00,09:00``).

Chunks run in this process, in ``workers`` local processes, or on a Dask cluster (``scheduler``, an address
such as ``"tcp://10.0.0.5:8786"``; needs the extra, ``pip install -e ".[distributed]"``, and workers that
share the output's file system, since each writes its own part), through the same code.

A sweep's ``feasible`` covers the steady sizing and every launch margin; the orbit transient of a single
design (the chips' peak against their junction limit, the battery against its band, the loop against
freezing) is not run per point: its ``thermal.*_orbit_K`` columns are empty and its ``thermal.transient`` column
says so. Check a chosen point with ``spacedc size``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import math
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from spacedc.designs.design import Design, load
from spacedc.designs.plan import (SweepPlan, Variation, _column_unit, _field, _grid, _value, _value_count,  # noqa: F401
                                  make_plan, parse_variation, plan_counts, size_chunk)
from spacedc.designs.spec import DesignError
from spacedc.files import atomic_write, atomic_write_text
from spacedc.units import array_column

__all__ = ["Variation", "SweepReport", "check_size", "parse_variation", "sweep", "sweep_columns"]

#: Points sized per chunk: large enough that numpy dominates, small enough that a chunk's table fits in memory
#: and a crash loses little.
DEFAULT_CHUNK = 50_000


#: What a sweep holds, measured on sso-100kw (peak resident memory over the imports' baseline, and the table's
#: size on disk): checking every grid combination up front holds 79 B per point with one variation of 4e6
#: values (the values themselves, their checks and their text in the sweep's fingerprint included), 41 B with
#: two and 88 B with three, the orbit's altitude among them (the grid's indices and every combination's
#: validated fields); sizing a chunk and formatting its table takes about 13 kB per point (15 kB with the orbit
#: varied: its environment is evaluated over a year of days); a worker process starts at about 100 MB; the table
#: takes about 1.7 kB per point on disk, held twice while the parts are joined. Rounded up here.
_GRID_BYTES_PER_POINT, _CHUNK_BYTES_PER_POINT, _WORKER_BYTES, _TABLE_BYTES_PER_POINT = 96, 16_000, 150_000_000, 2_000


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
               local: bool = True) -> None:
    """Refuse, with :class:`designs.DesignError` (bad input), a sweep this machine cannot hold: the memory its
    grid check and its chunks need, or the disk its table needs, beyond what is free (module constants above).

    ``counts`` are the values of each variation; ``workers`` local processes each size a chunk at a time
    (``local=False``: chunks are sized on a cluster, so only the grid check counts here).
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
    table = 2 * total * _TABLE_BYTES_PER_POINT
    short_memory, short_disk = free is not None and need > free, disk is not None and table > disk
    if not (short_memory or short_disk):
        return
    gb = lambda b: f"{b / 1e9:.3g} GB"  # noqa: E731
    at_once = f", {workers} at a time" if local and workers > 1 else ""
    raise DesignError(
        f"--vary: a sweep of {total:,} points needs about {gb(need)} of memory ({gb(grid)} to check every "
        f"combination, {_GRID_BYTES_PER_POINT} B per point, and "
        f"{gb(per_chunk)} per {min(chunk, total):,}-point chunk being sized{at_once}; "
        f"{'unknown' if free is None else gb(free)} free) and about {gb(table)} of disk for its table "
        f"({_TABLE_BYTES_PER_POINT:,} B per point, twice while its parts are joined; "
        f"{'unknown' if disk is None else gb(disk)} free in {str(parent)!r}): more "
        f"{'memory and disk' if short_memory and short_disk else 'memory' if short_memory else 'disk'} than this "
        f"machine has. Sweep fewer points (split a range over several sweeps)"
        f"{' or give a smaller --chunk' if short_memory and sizing > grid else ''}")


def _columns_of(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("name", "notes"):
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out |= _columns_of(value, f"{name}.")
        else:
            out[name] = value
    return out


def sweep_columns(result: Any) -> dict[str, np.ndarray]:
    """The ``summary.json`` of a sized sweep as flat numpy columns, one entry per point (``section.key`` names).

    ``reasons`` joins each point's reasons with ``"; "``; per-design constants (the vehicle's name, the module
    count) repeat down their column; values not checked for any point are ``None``.
    """
    from spacedc.designs.report import summary

    shape = np.shape(result.feasible)
    n = int(np.prod(shape))
    data = summary(result, array_column)
    data["reasons"] = np.asarray(result.reasons, dtype=str).reshape(n) if shape else np.asarray([result.reasons])
    cols = _columns_of(data)
    return {k: v if v is None else np.broadcast_to(np.asarray(v), shape).reshape(n) for k, v in cols.items()}


@dataclasses.dataclass(frozen=True)
class SweepReport:
    """What :func:`sweep` did: the table written, its points, how many are feasible, and the chunk counts."""

    path: Path
    points: int
    feasible: int
    chunks: int
    resumed_chunks: int
    seconds: float


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
    n = len(columns["point"])
    text = [_text(c, n) for c in columns.values()]

    def write(tmp: str) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            f.write(",".join(columns) + "\n")
            f.write("".join(",".join(row) + "\n" for row in zip(*text)))

    atomic_write(path, write)


def _chunk_job(design: Design, plan: SweepPlan, start: int, stop: int, path: str) -> int:
    """Size one chunk and write its part file; the number of feasible points (runs in a worker as well)."""
    columns = size_chunk(design, plan, start, stop, columns=sweep_columns)
    _write_part(Path(path), columns)
    return int(np.count_nonzero(columns["feasible"]))


def _fingerprint(design: Design, plan: SweepPlan, chunk: int) -> str:
    text = repr(design) + "|" + plan.describe() + "|" + "|".join(
        f"{v.key}={np.asarray(getattr(v.values, 'magnitude', v.values)).tolist()}{getattr(v.values, 'units', '')}"
        for v in plan.variations if v.values is not None) + f"|{chunk}"
    return hashlib.sha256(text.encode()).hexdigest()


def _progress_printer(start: int = 0, stream: Any = None) -> Callable[[int, int, float], None]:
    """A progress line per chunk on standard error; ``start`` points were on disk before this run (a resume)
    and do not count toward its rate."""
    stream = stream or sys.stderr

    def show(done_points: int, total: int, elapsed: float) -> None:
        fresh = done_points - start
        rate = fresh / elapsed if elapsed > 0 else math.inf
        eta = (total - done_points) / rate if rate > 0 and math.isfinite(rate) else 0.0
        print(f"sweep: {done_points:,}/{total:,} points ({100 * done_points / total:.0f} %), "
              f"{elapsed:.1f} s, about {eta:.0f} s to go", file=stream, flush=True)

    return show


def sweep(design: Design | str | Path, vary: Sequence[str | Variation], out: str | Path, *,
          chunk: int = DEFAULT_CHUNK, resume: bool = False, workers: int = 1, scheduler: str | None = None,
          progress: Callable[[int, int, float], None] | None = None, method: str = "grid",
          samples: int | None = None, seed: int = 0) -> SweepReport:
    """Size every combination of the variations, streaming the ``summary.json`` columns to the CSV ``out``.

    Parameters
    ----------
    design : Design, or a reference design's name or a TOML path
    vary : sequence of str or Variation
        ``"section.field=START:STOP:N"`` or ``"section.field=V1,V2,..."`` (see the module docstring).
    method, samples, seed
        ``"grid"`` (every combination), or ``"lhs"``, ``"sobol"``, ``"random"``: ``samples`` points drawn with
        ``seed`` (:func:`designs.plan.make_plan`).
    out : path
        The CSV table to write: a ``point`` column (the grid index), the swept inputs in SI as
        ``input.section.field_unit``, then every ``summary.json`` key as ``section.key``. It is never overwritten: an existing ``out`` raises :class:`FileExistsError`.
    chunk : int
        Points per vectorized call and per part file.
    resume : bool
        Keep the part files of an interrupted run of the same sweep (same design, variations and chunk) and
        size only the missing ones. Without it, leftover parts of an earlier run raise ``FileExistsError``.
    workers : int
        Local processes sizing chunks side by side (1: this process).
    scheduler : str, optional
        A Dask scheduler address; chunks then run on that cluster.
    progress : callable, optional
        Called after each chunk as ``progress(points_done, points_total, seconds)``; default: a line on
        standard error.

    Returns
    -------
    SweepReport

    Raises
    ------
    DesignError
        For a bad variation, naming it; and for a sweep this machine cannot hold (:func:`check_size`: the memory
        of its grid check and chunks, the disk of its table), before any value is built or file written.
    FileExistsError
        Where ``out`` exists, or parts of another run are beside it.
    """
    if not isinstance(design, Design):
        design = load(design)
    if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1:
        raise ValueError(f"chunk = {chunk!r}: expected a whole number of points >= 1")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers = {workers!r}: expected a whole number >= 1")
    # a sweep too large for this machine is refused before its values are built
    counts = plan_counts(vary, method=method, samples=samples)
    if counts and None not in counts:
        check_size(counts, out, chunk=chunk, workers=1 if scheduler is not None else workers,
                   local=scheduler is None)
    plan = make_plan(design, vary, method=method, samples=samples, seed=seed, check=False)
    variations = plan.variations
    if scheduler is not None:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise ValueError(f"--scheduler {scheduler!r} needs Dask: pip install -e '.[distributed]'") from None
    out = Path(out)
    if out.exists():
        raise FileExistsError(f"{out} exists: spacedc never overwrites a table; choose another --out or remove it")
    if not out.parent.is_dir():
        raise FileNotFoundError(f"--out {str(out)!r}: directory {str(out.parent)!r} does not exist")
    total = plan.size
    # every point must be a valid design (a min below its max, ...), before anything is written
    plan.check()
    bounds = [(s, min(s + chunk, total)) for s in range(0, total, chunk)]
    parts_dir = out.parent / f"{out.name}.parts"
    manifest_path = parts_dir / "manifest.json"
    manifest = {"design": design.name, "variations": [v.text for v in variations], "points": total,
                "chunk": chunk, "fingerprint": _fingerprint(design, plan, chunk)}
    if parts_dir.exists():
        if not resume:
            raise FileExistsError(f"{parts_dir} holds the parts of an interrupted sweep: pass --resume to finish "
                                  "it, or remove the folder to start again")
        try:
            old = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = None
        if old != manifest:
            raise FileExistsError(f"{parts_dir} holds the parts of a different sweep (design, variations or "
                                  "chunk size differ): remove it, or resume with the same arguments")
    else:
        parts_dir.mkdir()
        atomic_write_text(manifest_path, json.dumps(manifest, indent=2) + "\n")

    part = [parts_dir / f"part-{i:06d}.csv" for i in range(len(bounds))]
    todo = [i for i, p in enumerate(part) if not p.exists()]
    resumed = len(bounds) - len(todo)
    t0 = time.perf_counter()
    missing = set(todo)
    done = sum(stop - start for i, (start, stop) in enumerate(bounds) if i not in missing)
    show = progress or _progress_printer(start=done)
    jobs = [(design, plan, *bounds[i], str(part[i])) for i in todo]
    with contextlib.closing(_run(jobs, workers=workers, scheduler=scheduler)) as chunks:
        for n_points in chunks:  # closing: an interrupt here still stops the workers
            done += n_points
            show(done, total, time.perf_counter() - t0)

    feasible = _join(part, out)
    shutil.rmtree(parts_dir)
    return SweepReport(path=out, points=total, feasible=feasible, chunks=len(bounds), resumed_chunks=resumed,
                       seconds=time.perf_counter() - t0)


def _run(jobs: list[tuple], *, workers: int, scheduler: str | None):
    """Run the chunk jobs, yielding each finished chunk's point count (in completion order)."""
    sizes = {j[4]: j[3] - j[2] for j in jobs}
    if scheduler is not None:
        from dask.distributed import Client, as_completed

        with Client(scheduler) as client:
            futures = {client.submit(_chunk_job, *j, pure=False): j for j in jobs}
            for future in as_completed(futures):
                future.result()
                yield sizes[futures[future][4]]
        return
    if workers == 1 or len(jobs) <= 1:
        for j in jobs:
            _chunk_job(*j)
            yield sizes[j[4]]
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed as done_in_order

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(_chunk_job, *j): j for j in jobs}
        for future in done_in_order(futures):
            future.result()
            yield sizes[futures[future][4]]
    except BaseException:
        # Ctrl-C, a bad chunk or a lost worker: stop now, chunks being sized included (a part file is written
        # atomically, so a stopped chunk leaves none); the chunks already written stay for --resume
        workers_running = list(getattr(pool, "_processes", {}).values())  # no public handle on them
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers_running:
            process.terminate()
        raise
    pool.shutdown()


#: How often a worker looks for its parent [s]: it stops within about this long of the parent's death.
_PARENT_POLL = 0.25


def _init_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which cancels what is queued (a chunk half-sized is not written), and
    stop when the parent dies (a kill leaves no orphan sizing on, or waiting for work, for minutes)."""
    import signal
    import threading

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


def _join(parts: list[Path], out: Path) -> int:
    """Join the part files, in point order, into ``out`` (atomically); the number of feasible points.

    Parts are copied line by line; their headers must agree. The ``feasible`` column comes before any text
    column, so splitting a line on its first commas finds it.
    """
    feasible = 0

    def write(tmp: str) -> None:
        nonlocal feasible
        header = None
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            for p in parts:
                with open(p, encoding="utf-8", newline="") as src:
                    head = src.readline()
                    if header is None:
                        header = head
                        f.write(header)
                        col = header.rstrip("\n").split(",").index("feasible")
                    elif head != header:
                        raise OSError(f"{p}: its columns differ from the first part's; remove the parts and rerun")
                    for line in src:
                        feasible += line.split(",", col + 1)[col] == "true"
                        f.write(line)

    atomic_write(out, write, exclusive=True)
    return feasible
