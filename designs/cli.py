"""The ``spacedc`` command line.

Exit status (DESIGN.md): 0 feasible with every margin met; 1 infeasible or a margin not met, with the
reasons printed; 2 bad input, with a message that names the field and why. Set ``SPACEDC_DEBUG=1`` to see the traceback
behind an error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

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
    return parser


def _cmd_list() -> int:
    from designs.design import load, reference_designs

    for name in reference_designs():
        print(f"{name:<20} {load(name).description}")
    return EXIT_OK


def _cmd_size(args: argparse.Namespace) -> int:
    from designs.chain import size
    from designs.design import load
    from designs.report import summary, summary_table, write_summary

    result = size(load(args.design))
    data = summary(result)
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print(summary_table(data))
    if args.out:
        path = write_summary(result, args.out)
        print(f"wrote {path}", file=sys.stderr)
    if not data["feasible"]:
        for reason in data["reasons"]:
            print(f"infeasible: {reason}", file=sys.stderr)
        return EXIT_INFEASIBLE
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``spacedc`` console script."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "list":
            return _cmd_list()
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
