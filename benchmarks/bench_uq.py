"""Benchmark: `spacedc uq sso-100kw --samples 1000000`, end to end, with and without the Sobol' indices.

Run:  python benchmarks/bench_uq.py [--samples N] [--sobol-samples N]

Runs the command line in a child process (so that its peak resident memory, ``ru_maxrss`` of the children, is its
own), once as the acceptance of issue 13 states it (the design's ``[uncertainty]`` table, one million scrambled
Sobol' samples through the vectorized chain in chunks of 100,000) and once with ``--sobol --sobol-samples N``
(the Sobol' indices of the failure indicator and the wet mass on ``N (d + 2)`` further runs, with a bootstrap of
200). The time the study itself reports (``in X s`` on its first line) is beside the wall time, which adds the
interpreter's start and the nominal sizing. Results go to benchmarks/results/uq.json (ignored by git); the
figures measured on the project's machine are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path


_CHILD = """
import json, resource, sys
from spacedc.designs.cli import main
rc = main(sys.argv[1:])
print(json.dumps({"rc": rc, "maxrss_kB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)
"""


def _run(args: list[str]) -> dict:
    """One run of ``spacedc ARGS`` in its own process: wall time, the study's own time, its peak memory."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    tail = json.loads(out.stderr.strip().splitlines()[-1]) if out.stderr.strip() else {"rc": out.returncode}
    if out.returncode != 0 or tail.get("rc") != 0:
        raise SystemExit(f"spacedc {' '.join(args)} failed: {out.stderr.strip()}")
    study = re.search(r"in ([0-9.]+) s", out.stdout.splitlines()[0])
    held = re.search(r"feasible, every margin held\s+([0-9.]+) \+/- ([0-9.]+)", out.stdout)
    return {"args": args, "wall_s": wall, "study_s": float(study.group(1)) if study else None,
            "peak_rss_GB": tail["maxrss_kB"] * 1024 / 1e9, "p_all_held": float(held.group(1)) if held else None,
            "stderr": float(held.group(2)) if held else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--sobol-samples", type=int, default=8192)
    a = parser.parse_args()
    rows = [_run(["uq", "sso-100kw", "--samples", str(a.samples)]),
            _run(["uq", "sso-100kw", "--samples", str(a.samples), "--sobol", "--sobol-samples", str(a.sobol_samples)])]
    print(f"{'run':<60} {'wall s':>8} {'study s':>8} {'peak GB':>8} {'P(all)':>8}")
    for r in rows:
        print(f"{' '.join(r['args']):<60} {r['wall_s']:>8.1f} {r['study_s'] or float('nan'):>8.1f} "
              f"{r['peak_rss_GB']:>8.2f} {r['p_all_held'] or float('nan'):>8.4f}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    folder = Path(__file__).parent / "results"
    folder.mkdir(exist_ok=True)
    (folder / "uq.json").write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
