"""Benchmark: a constellation of 1,000,000 satellites in four shells over 50 years, and the cascade over a century.

Times ``spacedc constellation`` end to end on the ``sso-100kw`` design flown in four Walker shells (its own at
650 km, 40 x 25, and three of 333,000 at 550, 800 and 1100 km; the acceptance run of issue 10), and the cascade
alone (40 shells of 200-2000 km, five species, started from the 2023 catalogue, the constellation's launches and
the catalogue's held) over 50 and 100 years, beside the baseline of the same integration with scipy's BDF
left to build a dense finite-difference Jacobian (no sparsity given). Both give the same populations.

Run: ``python benchmarks/bench_constellation.py`` (about a minute on 2 cores); it prints a table and writes
``benchmarks/results/constellation.json``.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import tempfile
import time
from pathlib import Path

import numpy as np

from spacedc import designs, orbit
from spacedc.designs.cli import main

cascade_module = importlib.import_module("spacedc.orbit.cascade")   # the module (orbit.cascade is the function)

SHELLS = """
[constellation]
planes = 40
per_plane = 25
phasing = 2
""" + "".join(f"""
[[constellation.shells]]
altitude = "{h} km"
inclination = "{i} deg"
planes = 100
per_plane = 3330
""" for h, i in ((550, 53), (800, 86), (1100, 70)))


def _constellation_command(path: Path) -> tuple[float, int, str]:
    out = io.StringIO()
    t = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["constellation", str(path), "--years", "50"])
    return time.perf_counter() - t, code, out.getvalue()


#: The two constellations of the cascade runs: the million (whose runaway shells reach orbit.SATURATION and are
#: frozen there, which ends their integration early) and 10,000 satellites at 650 km (no shell saturates).
FLEETS = {"1,000,000 satellites": ((650, 1000), (550, 333_000), (800, 333_000), (1100, 333_000)),
          "10,000 satellites": ((650, 10_000),)}


def _cascade_inputs(fleet: str) -> dict:
    edges = orbit.shell_edges()
    km = edges.m_as("km")
    launch = np.zeros(40)
    for h, n in FLEETS[fleet]:
        launch[int(np.searchsorted(km, h, side="right") - 1)] += n / 5.0
    background = orbit.catalogue_population(edges)
    return dict(shell_edges=edges, launch_rate=launch, background=background,
                background_launch_rate=background["satellites"] / 5.0)


def _time_cascade(fleet: str, years: float, dense: bool, repeats: int = 3) -> tuple[float, orbit.CascadeResult]:
    inputs = _cascade_inputs(fleet)
    best, result = np.inf, None
    original = cascade_module._Model.sparsity
    if dense:
        cascade_module._Model.sparsity = lambda self, batch: None   # solve_ivp: a dense Jacobian by differences
    try:
        for _ in range(repeats):
            t = time.perf_counter()
            result = orbit.cascade(**inputs, years=f"{years} year")
            best = min(best, time.perf_counter() - t)
    finally:
        cascade_module._Model.sparsity = original
    return best, result


def main_benchmark() -> dict:
    ref = designs.reference_designs()["sso-100kw"].read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "million.toml"
        path.write_text(ref + SHELLS, encoding="utf-8")
        _constellation_command(path)   # warm the model tables' disk cache and the imports
        seconds, code, text = _constellation_command(path)
    rows = {"spacedc constellation, 1,000,000 satellites, 4 shells, 50 years": seconds}
    out = {"command_seconds": seconds, "command_exit": code,
           "shell_lines": [line for line in text.splitlines() if "shells[" in line or "orbit.altitude" in line]}
    for fleet in FLEETS:
        for years in (50.0, 100.0):
            sparse_s, r_sparse = _time_cascade(fleet, years, dense=False)
            dense_s, r_dense = _time_cascade(fleet, years, dense=True, repeats=1)
            same = float(np.max(np.abs(r_sparse.debris[-1] - r_dense.debris[-1])
                                / np.maximum(r_dense.debris[-1], 1.0)))
            what = f"cascade of {fleet}, 40 shells x 5 species, {years:.0f} years"
            rows[f"{what}, sparse Jacobian"] = sparse_s
            rows[f"{what}, dense Jacobian (baseline)"] = dense_s
            out[what] = {"sparse_s": sparse_s, "dense_s": dense_s, "speed_up": dense_s / sparse_s,
                         "max_relative_difference_debris_end": same, "runaway_shells": int(np.sum(r_sparse.runaway))}
    width = max(map(len, rows))
    print(f"{'what':<{width}}  seconds")
    for what, s in rows.items():
        print(f"{what:<{width}}  {s:8.2f}")
    print("\n".join(out["shell_lines"]))
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    (results / "constellation.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    main_benchmark()
