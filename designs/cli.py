"""The ``spacedc`` command line.

Exit status (docs/design.md): 0 feasible with every margin met; 1 infeasible or a margin not met, with the
reasons printed; 2 bad input, with a message that names the field and why. ``spacedc sweep`` exits 0 once its
table is written, whatever share of the points is feasible (the table says which), and 130 when interrupted
(rerun with --resume). Set ``SPACEDC_DEBUG=1`` to see the traceback behind an error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pint

__all__ = ["main"]

EXIT_OK, EXIT_INFEASIBLE, EXIT_BAD_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spacedc", description="Size orbital AI data-center satellites.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the reference designs shipped with spacedc")
    size = sub.add_parser("size", help="size a design and print its summary")
    size.add_argument("design", help="a design TOML file or a reference design's name (see `spacedc list`)")
    size.add_argument("--out", metavar="DIR", help="write summary.json, report.txt and budgets.png into DIR")
    size.add_argument("--json", action="store_true", help="print summary.json to stdout instead of the table")
    size.add_argument("--cad", action="store_true", help="also build the CAD and write it into --out (STEP)")
    sweep = sub.add_parser("sweep", help="size every combination of varied fields into a CSV table",
                           description="Size a design over a full-factorial grid of varied fields, in vectorized "
                                       "chunks streamed to disk; an interrupted sweep resumes with --resume.")
    sweep.add_argument("design", help="a design TOML file or a reference design's name")
    sweep.add_argument("--vary", action="append", required=True, metavar="KEY=START:STOP:N",
                       help="a field to vary: section.field=START:STOP:N (N values, ends included) or "
                            "section.field=V1,V2,...; values carry units or take the field's "
                            "(thermal.coolant_temperature=20degC:60degC:41). Repeat for a grid")
    sweep.add_argument("--out", metavar="FILE", required=True,
                       help="the CSV table to write (never overwritten). A point's feasibility covers the steady "
                            "sizing and every launch margin; the orbit transient checks run for single designs "
                            "(spacedc size)")
    sweep.add_argument("--resume", action="store_true",
                       help="finish an interrupted sweep of the same arguments, keeping the chunks on disk")
    sweep.add_argument("--chunk", type=int, default=None, metavar="N",
                       help="points per vectorized call and per part file (default 50,000)")
    where = sweep.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=1, metavar="N", help="local processes (default 1)")
    where.add_argument("--scheduler", metavar="ADDR", help="a Dask scheduler address (pip install "
                                                           "'spacedc[distributed]')")
    cad = sub.add_parser("cad", help="build the sized satellite in CAD and export it")
    cad.add_argument("design", help="a design TOML file or a reference design's name")
    cad.add_argument("--out", metavar="DIR", required=True, help="folder for the CAD files, preview and cad.json")
    cad.add_argument("--format", default="step", type=_formats,
                     help="comma-separated export formats among step, stl, gltf (default: step)")
    state = cad.add_mutually_exclusive_group()
    state.add_argument("--stowed", dest="states", action="store_const", const=("stowed",),
                       help="only the stowed configuration")
    state.add_argument("--deployed", dest="states", action="store_const", const=("deployed",),
                       help="only the deployed configuration")
    return parser


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    bad = [f for f in formats if f not in ("step", "stl", "gltf")]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"--format {text!r}: choose among step, stl, gltf")
    return formats


def _cmd_list() -> int:
    from spacedc.designs.design import load, reference_designs

    for name in reference_designs():
        print(f"{name:<20} {load(name).description}")
    return EXIT_OK


def _require_cadquery() -> None:
    """CAD needs the [cad] extra: without CadQuery, say how to install it (exit 2) before anything is sized."""
    try:
        import cadquery  # noqa: F401  (geometry imports it lazily, when it builds a solid)
    except ImportError:
        raise ValueError('CAD needs CadQuery, which is not installed: pip install "spacedc[cad]" '
                         '(from a clone: pip install -e ".[cad]")') from None


def _cmd_size(args: argparse.Namespace) -> int:
    from spacedc.designs.chain import size
    from spacedc.designs.design import load
    from spacedc.designs.report import summary, summary_table, write_summary

    if args.cad and not args.out:
        raise ValueError("--cad writes CAD files: give --out DIR as well")
    if args.cad:
        _require_cadquery()
    design = load(args.design)
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
    if args.out:
        path = write_summary(result, args.out, extra={"cad": data["cad"]} if "cad" in data else None)
        print(f"wrote {path}", file=sys.stderr)
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
    from spacedc.designs.chain import size
    from spacedc.designs.design import load
    from spacedc.files import atomic_write_text

    from spacedc.designs.cad import has_geometry

    _require_cadquery()
    design = load(args.design)
    result = size(design)
    if not has_geometry(result):
        print(f"infeasible, no geometry to build: {result.reasons}", file=sys.stderr)
        return EXIT_INFEASIBLE
    report = _write_cad(design, result, args.out, args.format, args.states or ("deployed", "stowed"))
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

    from concurrent.futures.process import BrokenProcessPool

    try:
        report = sweep(args.design, args.vary, args.out, chunk=DEFAULT_CHUNK if args.chunk is None else args.chunk,
                       resume=args.resume, workers=args.workers, scheduler=args.scheduler)
    except (KeyboardInterrupt, BrokenProcessPool) as exc:
        what = "a worker process died" if isinstance(exc, BrokenProcessPool) else "interrupted"
        print(f"spacedc: {what}: the chunks already sized are kept beside {args.out}; run the same command "
              "with --resume to finish", file=sys.stderr)
        return 130
    share = 100 * report.feasible / report.points
    resumed = f", {report.resumed_chunks} of {report.chunks} chunks kept from before" if report.resumed_chunks else ""
    print(f"wrote {report.path}: {report.points:,} points, {report.feasible:,} feasible ({share:.1f} %), "
          f"in {report.seconds:.1f} s{resumed}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``spacedc`` console script."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "list":
            return _cmd_list()
        if args.command == "cad":
            return _cmd_cad(args)
        if args.command == "sweep":
            return _cmd_sweep(args)
        return _cmd_size(args)
    except (ValueError, TypeError, pint.DimensionalityError) as exc:
        if os.environ.get("SPACEDC_DEBUG"):
            raise
        print(f"spacedc: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"spacedc: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
