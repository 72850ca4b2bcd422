"""The summary table's MMOD line: heat pipes lost against the spares, and probabilities that read."""

from __future__ import annotations

import re

import pytest

from spacedc.designs import load, size, summary, summary_table
from spacedc.designs.table import _probability


def test_mmod_line_leads_with_pipes_lost_of_spares_consistent_with_the_margin():
    design = load("sso-100kw")
    data = summary(size(design))
    line = next(x for x in summary_table(data).splitlines() if x.strip().startswith("MMOD"))
    found = re.search(r"([\d.]+) heat pipes lost of (\d+) spares; P\(no face-sheet pen\.\) (.+)$", line)
    assert found, line
    lost, spares = float(found[1]), int(found[2])
    assert lost == pytest.approx(data["launch"]["expected_heat_pipes_lost"], abs=0.05)
    # the budget's margin, (installed - lost) / (needed f) - 1, from installed = pipes per panel x panels and
    # needed = installed - spares (designs.budget._mmod)
    installed = data["thermal"]["heat_pipes_per_panel"] * data["thermal"]["panel_count"]
    f = design.launch.mmod_eol_heat_fraction
    margin = (installed - lost) / ((installed - spares) * f) - 1
    assert margin == pytest.approx(data["launch"]["margins"]["mmod_heat_rejection"], abs=1e-3 * (1 + margin))
    assert "e-1" not in found[3] and found[3] != "0"


@pytest.mark.parametrize("p, text", [(0.0, "< 1e-6"), (1.6e-169, "< 1e-6"), (3e-4, "0.0003"), (0.5, "0.5"),
                                     (0.9999999, "> 0.999999"), (None, "not known")])
def test_probabilities_read(p, text):
    assert _probability(p) == text
