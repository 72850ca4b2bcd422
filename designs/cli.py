"""The ``spacedc`` command line.

Exit status (docs/design.md): 0 feasible with every margin met; 1 infeasible or a margin not met, with the
reasons printed; 2 bad input, with a message that names the field and why (a file that is there already and
would be overwritten without ``--force`` is bad input too); 3 an internal error, one line saying what failed
and where, never a traceback. ``spacedc constellation`` exits 1 when the debris of a shell runs away (the satellite's own
infeasibilities are printed as notes). ``spacedc sweep`` exits 0 once its table is written, whatever share of the
points is feasible (the table says which), 3 when some chunks failed (the others are written; rerun with --resume)
and 130 when interrupted (rerun with --resume). Set
``SPACEDC_DEBUG=1`` to see the traceback behind an error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import sys
import traceback
from collections.abc import Sequence
from typing import Any
from pathlib import Path

import pint

__all__ = ["main"]

EXIT_OK, EXIT_INFEASIBLE, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

_EPILOG = """exit status:
  0    feasible, with every margin met (sweep: the table is written)
  1    infeasible, or a margin not met; the reasons are printed
  2    bad input: the message names the field and why (an existing output file without --force included)
  3    internal error: one line says what failed and where (SPACEDC_DEBUG=1 shows the traceback)
  130  interrupted (a sweep keeps its finished chunks: rerun with --resume)"""


_SWEEP_EPILOG = """exit status of spacedc sweep:
  0    the table is written, every chunk in it (whatever share of the points is feasible: the table says)
  2    bad input: a bad --vary or --columns, an --out that holds another sweep or files without --force,
       a --resume whose arguments differ (the message names what differs)
  3    internal error; or some chunks failed: the others are written, each failed chunk's point range and
       error are printed and kept in DIR/_errors.json, and --resume sizes them again
  130  interrupted (the parts written are kept: rerun with --resume)"""

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spacedc", description="Size orbital AI data-center satellites.",
                                     epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"spacedc {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the reference designs shipped with spacedc")
    fields = sub.add_parser("fields", help="list every design field: unit, default, range and meaning",
                            description="Every field a design file may hold (section.field): its unit, default, "
                                        "accepted range and one line of meaning; docs/design-file.md is the same.")
    fields.add_argument("section", nargs="?", help="only this section (payload, orbit, power, thermal, launch, "
                                                   "geometry, compute, lifetime, cost, constellation)")
    fields.add_argument("--json", action="store_true", help="print the fields as JSON")
    new = sub.add_parser("new", help="write a commented starting design file",
                         description="Write NAME.toml: a reference design's values, every field with its meaning "
                                     "as a comment, fields left at their default commented out.",
                         epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    new.add_argument("name", help="the new design's name (and file name, NAME.toml)")
    new.add_argument("--from", dest="reference", default="sso-100kw", metavar="DESIGN",
                     help="the design to start from: a reference design's name or a TOML path (default sso-100kw)")
    new.add_argument("--out", metavar="PATH", help="the file to write (default NAME.toml)")
    new.add_argument("--force", action="store_true", help="replace the file if it exists")
    size = sub.add_parser("size", help="size a design and print its summary", epilog=_EPILOG,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    size.add_argument("design", help="a design TOML file or a reference design's name (see `spacedc list`)")
    size.add_argument("--out", metavar="DIR", help="write report.html (self-contained), summary.json, report.txt "
                                                   "and the plots (PNG) into DIR")
    size.add_argument("--json", action="store_true", help="print summary.json to stdout instead of the table")
    size.add_argument("--cad", action="store_true", help="also build the CAD and write it into --out (STEP)")
    size.add_argument("--force", action="store_true", help="replace files already in --out (each atomically)")
    sweep = sub.add_parser("sweep", help="size every combination of varied fields into a Parquet (or CSV) table",
                           description="Size a design over a full-factorial grid of varied fields, in vectorized "
                                       "chunks streamed to disk as a Parquet dataset (one part file per chunk) or a "
                                       "CSV file; an interrupted sweep resumes with --resume.",
                           epilog=_SWEEP_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sweep.add_argument("design", help="a design TOML file or a reference design's name")
    sweep.add_argument("--vary", action="append", required=True, metavar="KEY=START:STOP:N",
                       help="a field to vary: section.field=START:STOP:N (N values, ends included) or "
                            "section.field=V1,V2,...; values carry units or take the field's "
                            "(thermal.coolant_temperature=20degC:60degC:41). Repeat for a grid")
    sweep.add_argument("--out", metavar="DIR", required=True,
                       help="the table: a folder of Parquet parts that pandas.read_parquet(DIR) reads (or, with "
                            "--format csv, one CSV file). A point's feasibility covers the steady sizing and every "
                            "launch margin; the orbit transient checks run for single designs (spacedc size)")
    sweep.add_argument("--format", choices=("parquet", "csv"), default="parquet",
                       help="parquet (default: a folder, one part per chunk) or csv (one file, for small tables)")
    sweep.add_argument("--columns", action="append", metavar="GLOB",
                       help="write only the summary columns matching this glob (e.g. 'mass.*'); repeat for more. "
                            "The point and input columns are always written")
    again = sweep.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true",
                       help="finish an interrupted sweep of the same arguments, keeping the parts on disk and "
                            "sizing the missing or failed chunks")
    again.add_argument("--force", action="store_true",
                       help="replace the sweep already at --out (only files a sweep wrote are removed)")
    sweep.add_argument("--chunk", type=int, default=None, metavar="N",
                       help="points per vectorized call and per part file (default 100,000)")
    sweep.add_argument("--method", choices=("grid", "lhs", "sobol", "random"), default="grid",
                       help="grid: every combination (default); lhs, sobol, random: --samples points drawn with "
                            "--seed, each field a range LO:HI, a distribution such as normal(40 degC, 3 K) or "
                            "uniform(LO,HI), triangular(LO,MODE,HI), lognormal(MEDIAN,SIGMA), or a list")
    sweep.add_argument("--samples", type=int, default=None, metavar="N", help="points to draw (with --method)")
    sweep.add_argument("--seed", type=int, default=0, metavar="S", help="the sampler's seed (default 0)")
    where = sweep.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=1, metavar="N", help="local processes (default 1)")
    where.add_argument("--scheduler", metavar="ADDR", help="a Dask scheduler address (pip install "
                                                           "'spacedc[distributed]')")
    uq = sub.add_parser("uq", help="probability that every margin holds, given distributions on the inputs",
                        description="Propagate the design's [uncertainty] table (and --vary) through the vectorized "
                                    "chain by Monte Carlo or quasi-Monte Carlo: the probability that each margin "
                                    "holds and that all hold, the outputs' percentiles, optionally Sobol' indices, "
                                    "and the value of a field that meets a reliability. Exit 0 once reported.",
                        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    uq.add_argument("design", help="a design TOML file or a reference design's name")
    uq.add_argument("--samples", type=int, default=10_000, metavar="N", help="samples (default 10,000)")
    uq.add_argument("--vary", action="append", metavar="KEY=LAW",
                    help="an uncertain input, added to or overriding the design's [uncertainty] table: "
                         "section.field=normal(38 degC, 1 K), uniform(LO, HI), triangular(LO, MODE, HI), "
                         "lognormal(MEDIAN, SIGMA) or LO:HI. Repeat for more")
    uq.add_argument("--method", choices=("sobol", "lhs", "random"), default="sobol",
                    help="scrambled Sobol' points (default), a Latin hypercube or plain random samples")
    uq.add_argument("--seed", type=int, default=0, metavar="S", help="the sampler's seed (default 0)")
    uq.add_argument("--sobol", action="store_true",
                    help="also estimate the Sobol' indices of the failure indicator and of the wet mass")
    uq.add_argument("--sobol-samples", type=int, default=4096, metavar="N",
                    help="base samples of the Sobol' indices (N (d + 2) further runs; default 4096)")
    uq.add_argument("--as-sized", action="store_true",
                    help="size every sample afresh instead of rating the nominal design as built")
    uq.add_argument("--reliability", metavar="MARGIN=P",
                    help="find the value of --adjust at which P(MARGIN held) reaches P (junction=0.99; MARGIN "
                         "'all' for every margin)")
    uq.add_argument("--adjust", metavar="KEY", default="thermal.radiator_area",
                    help="the numeric field --reliability adjusts (default thermal.radiator_area)")
    uq.add_argument("--between", metavar="LO:HI", help="the bracket of --adjust (default half and twice its value)")
    uq.add_argument("--confident", action="store_true",
                    help="--reliability: the Wilson 95 %% interval's lower end must reach P, not the estimate")
    uq.add_argument("--chunk", type=int, default=None, metavar="N", help="samples per vectorized call (100,000)")
    uq.add_argument("--out", metavar="DIR", help="write uq.json, uq.txt, the plots and the nominal design's "
                                                 "report.html (with the UQ plots) into DIR")
    uq.add_argument("--force", action="store_true", help="replace files already in --out (each atomically)")
    cad = sub.add_parser("cad", help="build the sized satellite in CAD and export it", epilog=_EPILOG,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    cad.add_argument("design", help="a design TOML file or a reference design's name")
    cad.add_argument("--out", metavar="DIR", required=True, help="folder for the CAD files, preview and cad.json")
    cad.add_argument("--format", default="step", type=_formats,
                     help="comma-separated export formats among step, stl, gltf (default: step)")
    cad.add_argument("--force", action="store_true", help="replace files already in --out (each atomically)")
    state = cad.add_mutually_exclusive_group()
    state.add_argument("--stowed", dest="states", action="store_const", const=("stowed",),
                       help="only the stowed configuration")
    state.add_argument("--deployed", dest="states", action="store_const", const=("deployed",),
                       help="only the deployed configuration")
    const = sub.add_parser("constellation", help="debris, conjunctions and the cascade of a design's constellation",
                           description="Print the debris figures of a design's constellation ([constellation]) and "
                                       "run the cascade of its shell; exit 1 if a shell runs away.",
                           epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    const.add_argument("design", help="a design TOML file or a reference design's name")
    const.add_argument("--satellites", type=int, metavar="N",
                       help="satellites in the design's own shell (constellation.planes x per_plane), in place of "
                            "the design's: N spread over constellation.planes planes (N must be a multiple of it); "
                            "further shells ([[constellation.shells]]) keep theirs")
    const.add_argument("--years", type=float, metavar="Y", help="years of the cascade (default constellation.years)")
    const.add_argument("--capacity", action="store_true",
                       help="also search the largest constellation the design's own shell holds before a shell's "
                            "debris runs away (orbit.cascade_capacity; some seconds)")
    const.add_argument("--out", metavar="DIR", help="write debris.json, population.png and collisions.png into DIR")
    const.add_argument("--force", action="store_true", help="replace files already in --out (each atomically)")
    plot = sub.add_parser("plot", help="trade plots of a sweep table: feasibility map, contours, Pareto front",
                          description="Write feasibility.png (the points coloured by their first failing check), "
                                      "contours.png (a metric over the feasible region) and pareto.png (the "
                                      "non-dominated feasible points of two metrics) of a sweep table. Fields are "
                                      "columns (input.payload.chip_power_W, mass.total_kg), inputs without their "
                                      "unit (payload.chip_power), or A/B for a ratio.",
                          epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    plot.add_argument("table", help="a sweep table: a CSV file, a Parquet file or a Parquet dataset folder")
    plot.add_argument("--x", required=True, metavar="F", help="the field along x (payload.chip_power)")
    plot.add_argument("--y", required=True, metavar="F", help="the field along y (thermal.coolant_temperature)")
    plot.add_argument("--color", metavar="F", default="mass.total_kg",
                      help="the metric contoured over the feasible region (default mass.total_kg)")
    plot.add_argument("--pareto", metavar="A,B", default="mass.total_kg/power.chip_power_W,thermal.radiator_area_m2",
                      help="the two metrics of the Pareto front, each minimized, or maximized with a max: prefix "
                           "(default mass.total_kg/power.chip_power_W,thermal.radiator_area_m2: wet mass per watt "
                           "of chip power against radiator area)")
    plot.add_argument("--out", metavar="DIR", default=".", help="folder for the three PNG files (default: here)")
    plot.add_argument("--force", action="store_true", help="replace plots already in --out (each atomically)")
    opt = sub.add_parser("optimize", help="minimise an output over free fields, every margin held",
                         description="Minimise a summary column (mass.total_kg, station.total_kg, cost.per_kWh) over "
                                     "the free fields, the design feasible and every margin >= 0: a Sobol' "
                                     "population, SLSQP from the best feasible points and a shrinking-population "
                                     "polish, each step one vectorized sizing call (designs.optimize). Writes "
                                     "NAME-optimum.toml (ready for spacedc size); with --out also optimize.json, "
                                     "the plots and the optimum's report.html.",
                         epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    opt.add_argument("design", help="a design TOML file or a reference design's name")
    opt.add_argument("--minimize", required=True, metavar="COLUMN",
                     help="the column to minimise: mass.total_kg (one module), station.total_kg (a station of "
                          "launch.modules), cost.per_kWh, ...")
    opt.add_argument("--free", action="append", required=True, metavar="KEY=LO:HI",
                     help="a free field: section.field=LO:HI (continuous, e.g. thermal.panel_width=2:6 m), or "
                          "V1,V2,... / a count's LO:HI / named choices (enumerated). Repeat for more")
    opt.add_argument("--samples", type=int, default=64, metavar="N",
                     help="Sobol' points per combination of enumerated values (default 64)")
    opt.add_argument("--seed", type=int, default=0, metavar="S", help="the sampler's seed (default 0)")
    opt.add_argument("--hold-station", action="store_true",
                     help="with launch.modules free: hold the station's chips (payload.chip_count x "
                          "launch.modules), each module carrying ceil(total / modules)")
    opt.add_argument("--out", metavar="DIR", help="write NAME-optimum.toml, optimize.json, the plots and "
                                                  "report.html into DIR (default: only NAME-optimum.toml, here)")
    opt.add_argument("--force", action="store_true", help="replace files already there (each atomically)")
    return parser


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    bad = [f for f in formats if f not in ("step", "stl", "gltf")]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"--format {text!r}: choose among step, stl, gltf")
    return formats


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spacedc")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without installing
        return "unknown (not installed)"


def _cmd_fields(args: argparse.Namespace) -> int:
    from spacedc.designs.fields import fields_json, fields_table

    print(fields_json(args.section) if args.json else fields_table(args.section))
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from spacedc.designs.fields import starting_file
    from spacedc.files import atomic_write_text

    path = Path(args.out) if args.out else Path(f"{args.name}.toml")
    if path.exists() and not args.force:
        raise FileExistsError(f"{path} exists already: spacedc does not overwrite files; pass --force to replace "
                              f"it, or choose another --out")
    text = starting_file(args.reference, args.name)
    atomic_write_text(path, text)
    print(f"wrote {path} (from {args.reference}); size it with: spacedc size {path}", file=sys.stderr)
    return EXIT_OK


def _cmd_list() -> int:
    from spacedc.designs.design import load, reference_designs

    for name in reference_designs():
        print(f"{name:<20} {load(name).description}")
    return EXIT_OK


def _refuse_overwrite(paths: Sequence[Path], force: bool) -> None:
    """Refuse, before anything is written, to replace a user's file without ``--force`` (bad input)."""
    there = [str(p) for p in paths if p.exists()]
    if there and not force:
        raise FileExistsError(f"--out: {', '.join(there)} exist{'s' if len(there) == 1 else ''} already: spacedc "
                              f"does not overwrite files; pass --force to replace {'it' if len(there) == 1 else 'them'}"
                              f", or choose another --out")


def _require_cadquery() -> None:
    """CAD needs the [cad] extra: without CadQuery, say how to install it (exit 2) before anything is sized."""
    try:
        import cadquery  # noqa: F401  (geometry imports it lazily, when it builds a solid)
    except ImportError:
        raise ValueError('CAD needs CadQuery, which is not installed: add the cad extra, pip install -e ".[cad]" '
                         'from a clone (pip install "spacedc[cad]" where an index holds spacedc)') from None


def _size_out_paths(out: str | Path) -> list[Path]:
    """The files ``spacedc size --out`` writes: summary.json, report.txt, budgets.png, report.html and its plots."""
    from spacedc.designs.html_report import report_paths
    from spacedc.designs.report import summary_paths

    return [*summary_paths(out), *report_paths(out)]


def _cmd_size(args: argparse.Namespace) -> int:
    from spacedc.designs.chain import size
    from spacedc.designs.design import load
    from spacedc.designs.report import summary, summary_table

    if args.cad and not args.out:
        raise ValueError("--cad writes CAD files: give --out DIR as well")
    if args.cad:
        _require_cadquery()
    design = load(args.design)
    if args.out:
        paths = _size_out_paths(args.out)
        if args.cad:
            from spacedc.designs.cad import cad_paths

            paths += cad_paths(design.name, args.out, ("step",), ("deployed", "stowed"))
        _refuse_overwrite(paths, args.force)
    result = size(design)
    data = summary(result)
    if args.cad:
        from spacedc.designs.cad import has_geometry

        if has_geometry(result):
            data["cad"] = _write_cad(design, result, args.out, ("step",), ("deployed", "stowed"))
        else:
            print("no CAD: the design has no finite radiator or array to build", file=sys.stderr)
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print(summary_table(data))
    for warning in data.get("warnings", ()):
        print(f"warning: {warning}", file=sys.stderr)
    if args.out:
        from spacedc.designs.html_report import write_report

        path = write_report(design, result, args.out, extra={"cad": data["cad"]} if "cad" in data else None)
        print(f"wrote {path} (and summary.json, report.txt, the plots as PNG)", file=sys.stderr)
    if not data["feasible"]:
        for reason in data["reasons"]:
            print(f"infeasible: {reason}", file=sys.stderr)
        return EXIT_INFEASIBLE
    return EXIT_OK


def _write_cad(design, result, out, formats, states) -> dict:
    from spacedc.designs.cad import cad_summary, write_cad

    print(f"building CAD of {design.name} ({', '.join(states)}; {', '.join(formats)}) ...", file=sys.stderr)
    report = cad_summary(write_cad(design, result, out, formats=formats, states=states))
    for path in report["files"]:
        print(f"wrote {path}", file=sys.stderr)
    for part, check in report["mass_check"].items():
        if check["over_5_percent"]:
            print(f"warning: CAD mass of {part} differs from the analytic mass by "
                  f"{100 * check['relative_difference']:+.1f}% ({check['cad_kg']:.1f} kg vs "
                  f"{check['analytic_kg']:.1f} kg)", file=sys.stderr)
    return report


def _cmd_cad(args: argparse.Namespace) -> int:
    from spacedc.designs.cad import cad_paths, has_geometry
    from spacedc.designs.chain import size
    from spacedc.designs.design import load
    from spacedc.files import atomic_write_text

    _require_cadquery()
    design = load(args.design)
    states = args.states or ("deployed", "stowed")
    _refuse_overwrite([*cad_paths(design.name, args.out, args.format, states), Path(args.out) / "cad.json"],
                      args.force)
    result = size(design)
    if not has_geometry(result):
        print(f"infeasible, no geometry to build: {result.reasons}", file=sys.stderr)
        return EXIT_INFEASIBLE
    report = _write_cad(design, result, args.out, args.format, states)
    path = atomic_write_text(Path(args.out) / "cad.json", json.dumps(report, indent=2) + "\n")
    print(f"wrote {path}", file=sys.stderr)
    print(f"stowed envelope: height {report['stowed_height_m']:.2f} m, radius {report['stowed_radius_m']:.2f} m")
    print(f"deployed radiating area {report['radiating_area_m2']:.1f} m^2, array area {report['array_area_m2']:.1f} m^2")
    if not result.feasible:
        for reason in str(result.reasons).split("; "):
            print(f"infeasible: {reason}", file=sys.stderr)
        return EXIT_INFEASIBLE
    return EXIT_OK


def _cmd_sweep(args: argparse.Namespace) -> int:
    from spacedc.designs.sweep import DEFAULT_CHUNK, sweep

    try:
        report = sweep(args.design, args.vary, args.out, chunk=DEFAULT_CHUNK if args.chunk is None else args.chunk,
                       resume=args.resume, force=args.force, workers=args.workers, scheduler=args.scheduler,
                       format=args.format, columns=args.columns, method=args.method, samples=args.samples,
                       seed=args.seed)
    except KeyboardInterrupt:
        print(f"spacedc: interrupted: the chunks already sized are kept in {args.out}"
              f"{'.parts' if args.format == 'csv' else ''}; run the same command with --resume to finish",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    resumed = f", {report.resumed_chunks} of {report.chunks} chunks kept from before" if report.resumed_chunks else ""
    if report.failed:
        lost = sum(f["stop"] - f["start"] for f in report.failed)
        for f in report.failed:
            print(f"spacedc: chunk {f['chunk']} (points {f['start']:,} to {f['stop'] - 1:,}) failed: {f['error']}",
                  file=sys.stderr)
        where = report.path / "_errors.json" if report.format == "parquet" else f"{report.path}.parts/_errors.json"
        print(f"spacedc: {len(report.failed)} of {report.chunks} chunks failed ({lost:,} points, listed in {where}); "
              f"the others are written. Run the same command with --resume to size the failed chunks again",
              file=sys.stderr)
        return EXIT_INTERNAL
    share = "" if report.feasible is None else \
        f", {report.feasible:,} feasible ({100 * report.feasible / report.points:.1f} %)"
    print(f"wrote {report.path}: {report.points:,} points{share}, in {report.seconds:.1f} s{resumed}")
    return EXIT_OK


def _cmd_optimize(args: argparse.Namespace) -> int:
    """Minimise a column under every margin (designs.optimize); exit 1 when no point is feasible."""
    from spacedc.designs.chain import size
    from spacedc.designs.design import _resolve, load
    from spacedc.designs.optimize import optimize, optimize_paths, report_lines, write_optimum_toml
    design = load(args.design)
    out = Path(args.out) if args.out else Path(".")
    paths = optimize_paths(out, design.name)
    if args.out:
        paths += _size_out_paths(out)
    _refuse_overwrite(paths if args.out else paths[:1], args.force)
    keys = [f.partition("=")[0].strip() for f in args.free]
    if "launch.modules" in keys and not args.minimize.startswith("station."):
        print(f"warning: launch.modules is free and {args.minimize} is one module's figure: minimise "
              "station.total_kg (or another station.* column) to compare stations", file=sys.stderr)
    if "launch.modules" in keys and not args.hold_station:
        print("warning: launch.modules is free without --hold-station: each module keeps payload.chip_count "
              "chips, so the station's compute grows with the count", file=sys.stderr)
    result = optimize(design, minimize=args.minimize, free=args.free, samples=args.samples, seed=args.seed,
                      hold_station=args.hold_station, check_transient=False)
    result.source = _resolve(args.design)
    lines = report_lines(result)
    if not result.feasible:
        print("\n".join(lines[:-1]))
        print(f"infeasible: {lines[-1]}", file=sys.stderr)
        return EXIT_INFEASIBLE
    print(f"{design.name}: {lines[1]}")
    print("\n".join([lines[0], *lines[2:]]))
    toml = write_optimum_toml(result, paths[0])
    print(f"wrote {toml}", file=sys.stderr)
    full = size(load(toml))  # the written design as spacedc size sizes it: the orbit transient too
    result.transient = bool(full.feasible)
    result.transient_reasons = "" if full.feasible else str(full.reasons)
    if args.out:
        from spacedc.designs.html_report import write_report
        from spacedc.designs.optplots import plot_all
        from spacedc.files import atomic_write_text

        atomic_write_text(paths[1], json.dumps(result.to_json(), indent=2) + "\n")
        plots = plot_all(result, out)
        report = write_report(load(toml), full, out, optimisation={
            "lines": report_lines(result), "images": {"best feasible objective over the search": plots["history"],
                                       "margins at the optimum (active in red)": plots["margins"]}})
        print(f"wrote {paths[1]}, the plots and {report}", file=sys.stderr)
    if not full.feasible:  # the search sizes the steady chain; spacedc size also runs the orbit transient
        print(f"infeasible: {toml}, the steady optimum, fails once the orbit transient is checked (spacedc size): "
              f"{full.reasons}; narrow the free ranges (a lower thermal.coolant_temperature, ...)", file=sys.stderr)
        return EXIT_INFEASIBLE
    return EXIT_OK


def _cmd_plot(args: argparse.Namespace) -> int:
    """The three trade plots of a sweep table (designs.tradeplots); bad fields and existing plots are bad input."""
    from spacedc.designs.tradeplots import PLOTS, field_columns, field_values, first_failure, load_table, pareto_front
    from spacedc.designs.tradeplots import plot_all, table_columns

    metrics = [m.strip() for m in args.pareto.split(",")]
    if len(metrics) != 2 or not all(m.removeprefix("max:").strip() for m in metrics):
        raise ValueError(f"--pareto {args.pareto!r}: expected two metrics A,B (max:A to maximize one)")
    minimize = tuple(not m.startswith("max:") for m in metrics)
    pareto = tuple(m.removeprefix("max:").strip() for m in metrics)
    _refuse_overwrite([Path(args.out) / name for name in PLOTS.values()], args.force)
    columns = table_columns(args.table)
    needed = ["feasible", *(c for c in ("reasons",) if c in columns), *(c for c in columns
                                                                       if c.startswith("launch.margins."))]
    fields = (("--x", args.x), ("--y", args.y), ("--color", args.color), ("--pareto", pareto[0]),
              ("--pareto", pareto[1]))
    for option, field in fields:
        try:
            needed += field_columns(columns, field)
        except ValueError as exc:
            raise ValueError(f"{option}: {exc}") from None
    frame = load_table(args.table, columns=needed)
    for option, field in fields:  # a column of text is bad input too
        try:
            field_values(frame, field)
        except ValueError as exc:
            raise ValueError(f"{option}: {exc}") from None
    paths = plot_all(frame, args.x, args.y, args.color, args.out, pareto=pareto, minimize=minimize, force=True)
    for path in paths.values():
        print(f"wrote {path}", file=sys.stderr)
    feasible = int((first_failure(frame) == "feasible").sum())
    front = pareto_front(frame, *pareto, minimize=minimize)
    print(f"{args.table}: {len(frame):,} points, {feasible:,} feasible; {len(front):,} on the Pareto front of "
          f"{pareto[0]} and {pareto[1]}")
    return EXIT_OK


def _cmd_uq(args: argparse.Namespace) -> int:
    """spacedc uq: the study's table on stdout, its files in --out; --reliability adds the field's value."""
    from spacedc.designs.uq import DEFAULT_CHUNK, size_to_reliability, uq, uq_paths, write_uq
    from spacedc.designs.design import load

    design = load(args.design)
    if args.out:
        _refuse_overwrite([*uq_paths(args.out), *_size_out_paths(args.out)], args.force)
    chunk = DEFAULT_CHUNK if args.chunk is None else args.chunk
    result = uq(design, args.vary, samples=args.samples, method=args.method, seed=args.seed,
                as_built=not args.as_sized, sobol=args.sobol, sobol_samples=args.sobol_samples, chunk=chunk)
    print(result.table())
    found = None
    if args.reliability:
        margin, eq, target = args.reliability.partition("=")
        try:
            p = float(target)
        except ValueError:
            raise ValueError(f"--reliability {args.reliability!r}: expected MARGIN=P, e.g. junction=0.99") from None
        lo, _, hi = (args.between or "").partition(":")
        if args.between and not (lo.strip() and hi.strip()):
            raise ValueError(f"--between {args.between!r}: expected LO:HI")
        found = size_to_reliability(design, args.adjust, margin.strip(), p, samples=args.samples,
                                    inputs=args.vary, method=args.method, seed=args.seed,
                                    lo=lo.strip() or None, hi=hi.strip() or None,
                                    as_built=not args.as_sized, chunk=chunk, confident=args.confident)
        value = found.value
        shown = f"{value.m:.6g} {found.unit}" if isinstance(value, pint.Quantity) else f"{value:.6g}"
        q = found.probability
        met = (f"its Wilson 95 % lower end {q.lo:.4f} >= {found.target:g}" if found.confident else
               f">= {found.target:g} (Wilson 95 % interval {q.lo:.4f}-{q.hi:.4f})")
        print(f"Reliability: {found.field} = {shown} gives P({found.margin} held) = {q.p:.4f} +/- {q.stderr:.4f}, "
              f"{met} ({len(found.trials)} trials of {found.samples:,} common samples)")
    if args.out:
        from spacedc.designs.chain import size
        from spacedc.designs.html_report import write_report

        paths = write_uq(result, args.out, reliability=found)
        report = write_report(design, size(design), args.out, uq=paths)
        for path in (*paths.values(), report):
            print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def constellation_paths(out_dir: str | Path) -> tuple[Path, Path, Path]:
    """The files ``spacedc constellation --out`` writes: debris.json, population.png, collisions.png."""
    out = Path(out_dir)
    return out / "debris.json", out / "population.png", out / "collisions.png"


def _cmd_constellation(args: argparse.Namespace) -> int:
    """Debris figures and the cascade of a design's constellation. Exit 1 when a shell runs away (a finding
    about the constellation); the satellite's own infeasibilities are printed as notes (spacedc size checks
    them) and do not change the exit status."""
    from spacedc.designs.chain import size
    from spacedc.designs.debris import shell_capacity
    from spacedc.designs.design import load
    from spacedc.designs.plots import plot_cascade
    from spacedc.designs.report import summary, summary_table
    from spacedc.files import atomic_write_text

    design = load(args.design)
    changes = {}
    if args.satellites is not None:
        planes = design.constellation.planes
        if args.satellites < 1 or args.satellites % planes:
            raise ValueError(f"--satellites = {args.satellites}: expected a positive multiple of "
                             f"constellation.planes ({planes})")
        changes["constellation__per_plane"] = args.satellites // planes
    if args.years is not None:
        if not args.years > 0:
            raise ValueError(f"--years = {args.years}: expected a positive number of years")
        changes["constellation__years"] = f"{args.years} year"
    if changes:
        design = design.replace(**changes)
    paths = constellation_paths(args.out) if args.out else ()
    _refuse_overwrite(paths, args.force)
    result = size(design, transient=False)
    data = summary(result)
    table = summary_table(data).splitlines()
    start = next(i for i, line in enumerate(table) if line.startswith("Debris"))
    end = next((i for i in range(start + 1, len(table)) if not table[i].startswith("  ")), len(table))
    d = data["debris"]
    print(f"{design.name}: constellation of {d['constellation_satellites']:,} satellites in "
          f"{d['constellation_shells']} shell{'s' if d['constellation_shells'] > 1 else ''}")
    print("\n".join(table[start:end]))
    run = result.debris.cascade
    if run is None:
        raise ValueError(f"orbit.altitude: the cascade was {result.debris.cascade_note}")
    rows = _shell_rows(result.debris, run)
    if len(rows) > 1:
        print(_shell_table(rows, run.years.m_as("year")))
    capacity = None
    if args.capacity:
        cap = shell_capacity(design, satellites=run.satellites, lifetime=design.power.lifetime,
                             dry_mass=result.launch.mass.dry, cross_section=result.debris.bus_area
                             + result.debris.wing_area)
        r = run.result
        shell = f"{r.altitude_low[run.shell].m_as('km'):.0f}-{r.altitude_high[run.shell].m_as('km'):.0f} km"
        capacity = {"shell": shell, "satellites": float(cap.satellites.m), "launch_rate_per_year":
                    float(cap.launch_rate.m_as("1/year")), "bounded": cap.bounded, "note": cap.reasons,
                    "disposal_success": float(design.constellation.disposal_success)}
        bound = "" if cap.bounded else f" ({cap.reasons})"
        print(f"capacity of the {shell} shell at disposal success {capacity['disposal_success']:g}: "
              f"{capacity['satellites']:,.0f} satellites of this design "
              f"({capacity['launch_rate_per_year']:,.0f} launched a year){bound}")
    if args.out:
        atomic_write_text(paths[0], json.dumps({"name": data["name"], "debris": data["debris"], "shells": rows,
                                                "capacity": capacity}, indent=2) + "\n")
        plot_cascade(run, design.name, paths[1], paths[2])
        for path in paths:
            print(f"wrote {path}", file=sys.stderr)
    for reason in data["reasons"]:
        print(f"note: the satellite is infeasible (spacedc size): {reason}", file=sys.stderr)
    if run.runaway_shells:
        r = run.result
        shells = ", ".join(f"{r.altitude_low[k].m_as('km'):.0f}-{r.altitude_high[k].m_as('km'):.0f} km"
                           for k in run.runaway_shells)
        print(f"runaway: the debris of {len(run.runaway_shells)} shell(s) runs away within "
              f"{run.years.m_as('year'):.0f} years ({shells})", file=sys.stderr)
        return EXIT_INFEASIBLE
    return EXIT_OK


def _shell_rows(fig: Any, run: Any) -> list[dict[str, Any]]:
    """One row per shell of the constellation: its conjunction figures and its cascade shell's state (SI, keys
    ending with their unit)."""
    rows = run.shell_table()
    for row, shell in zip(rows, fig.shells):
        row["inclination_deg"] = float(shell.inclination.m_as("deg"))
        for key, name, unit in (("conjunctions_per_year", "conjunctions", "1/year"),
                                ("manoeuvres_per_year", "manoeuvres", "1/year"),
                                ("residual_collisions_per_year", "residual_collisions", "1/year"),
                                ("constellation_density_per_km3", "constellation_density", "1/km^3"),
                                ("background_density_per_km3", "background_density", "1/km^3"),
                                ("internal_conjunctions_per_year", "internal_conjunctions", "1/year"),
                                ("kinetic_gas_encounters_per_year", "kinetic_gas_encounters", "1/year")):
            value = float(getattr(shell, name).m_as(unit))
            row[key] = value if math.isfinite(value) else None
    return rows


def _shell_table(rows: list[dict[str, Any]], years: float) -> str:
    """The shells of a constellation, one line each, for the terminal."""
    def g(x: Any) -> str:
        return "-" if x is None else f"{x:.3g}"

    lines = [f"Shells ({years:.0f} years of cascade)",
             f"  {'shell':<26} {'alt km':>7} {'sats':>9} {'own/km3':>9} {'bg/km3':>9} {'manoeuv/yr':>10} "
             f"{'resid/yr':>9}  cascade shell"]
    for r in rows:
        lines.append(f"  {r['shell']:<26} {r['altitude_m'] / 1e3:>7.0f} {r['satellites']:>9,} "
                     f"{g(r['constellation_density_per_km3']):>9} {g(r['background_density_per_km3']):>9} "
                     f"{g(r['manoeuvres_per_year']):>10} {g(r['residual_collisions_per_year']):>9}  "
                     f"{r['cascade_shell_low_m'] / 1e3:.0f}-{r['cascade_shell_high_m'] / 1e3:.0f} km {r['state']}")
    return "\n".join(lines)


def _where(exc: BaseException) -> str:
    """The innermost spacedc function an exception came through, as ``module.function (file:line)``, and the
    function that raised it where that is not ours (numpy, scipy, ...)."""
    frames = [(f.f_globals.get("__name__", ""), f.f_code.co_name, f.f_code.co_filename, line)
              for f, line in traceback.walk_tb(exc.__traceback__)]
    if not frames:
        return "spacedc"
    ours = [f for f in frames if f[0].startswith("spacedc")] or frames
    module, function, filename, line = ours[-1]
    where = f"{module}.{function} ({Path(filename).name}:{line})"
    if frames[-1] is not ours[-1]:
        where += f", raised in {frames[-1][0]}.{frames[-1][1]}"
    return where


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or "(no message)"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``spacedc`` console script: the command's exit status (see the module docstring).

    Bad input (``ValueError``, ``TypeError``, ``pint.DimensionalityError``, an ``OSError`` such as a file
    that is missing or would be overwritten) exits 2 with its message; any other exception exits 3 with one
    line naming the command, the function it came from and the error, never with a traceback (unless
    ``SPACEDC_DEBUG`` is set).
    """
    args = _parser().parse_args(argv)
    debug = bool(os.environ.get("SPACEDC_DEBUG"))
    try:
        if args.command == "list":
            return _cmd_list()
        if args.command == "fields":
            return _cmd_fields(args)
        if args.command == "new":
            return _cmd_new(args)
        if args.command == "cad":
            return _cmd_cad(args)
        if args.command == "sweep":
            return _cmd_sweep(args)
        if args.command == "constellation":
            return _cmd_constellation(args)
        if args.command == "plot":
            return _cmd_plot(args)
        if args.command == "optimize":
            return _cmd_optimize(args)
        if args.command == "uq":
            return _cmd_uq(args)
        return _cmd_size(args)
    except KeyboardInterrupt:
        print("spacedc: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:   # the reader went away (spacedc list | head): stop quietly, as Unix tools do
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")   # noqa: SIM115 -- the interpreter's exit flush must not fail
        return EXIT_OK
    except (ValueError, TypeError, pint.DimensionalityError, OSError) as exc:
        if debug:
            raise
        print(f"spacedc: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # an internal error: one line, exit 3 (1 means infeasible)
        if debug:
            raise
        print(f"spacedc: internal error in {_where(exc)} (spacedc {args.command}): {type(exc).__name__}: "
              f"{_one_line(exc)}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
