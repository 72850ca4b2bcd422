"""Reports of a sized design: the summary table and the files on disk (``summary.json`` from :mod:`.result`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacedc.designs.result import summary
from spacedc.designs.table import summary_table
from spacedc.files import atomic_write_text

if TYPE_CHECKING:
    from spacedc.designs.result import DesignResult

__all__ = ["summary", "summary_paths", "summary_table", "write_summary", "atomic_write_text"]


def summary_paths(out_dir: str | Path) -> tuple[Path, Path, Path]:
    """The files :func:`write_summary` writes into ``out_dir``: ``summary.json``, ``report.txt``, ``budgets.png``."""
    out = Path(out_dir)
    return out / "summary.json", out / "report.txt", out / "budgets.png"


def write_summary(result: DesignResult, out_dir: str | Path, extra: dict[str, Any] | None = None) -> Path:
    """Write ``summary.json``, ``report.txt`` and ``budgets.png`` into ``out_dir``; returns the summary's path.

    ``extra`` sections (the ``cad`` section of ``--cad``) are added to ``summary.json``. Each file is written
    atomically and replaces one of the same name (the CLI refuses that without ``--force``).
    """
    from spacedc.designs.plots import plot_budgets

    data = summary(result) | (extra or {})
    summary_json, report_txt, budgets_png = summary_paths(out_dir)
    atomic_write_text(report_txt, summary_table(data) + "\n")
    plot_budgets(result, budgets_png)
    return atomic_write_text(summary_json, json.dumps(data, indent=2) + "\n")
