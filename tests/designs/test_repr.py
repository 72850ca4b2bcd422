"""Results and designs read well in a terminal and in Jupyter: short one-line reprs, the summary table as str,
and an HTML summary with one row per margin."""

import numpy as np
import pytest

from spacedc import designs
from spacedc.designs.result import summary
from spacedc.results import REPR_WIDTH
from spacedc.units import Q_


@pytest.fixture(scope="module")
def single():
    return designs.size(designs.load("sso-100kw"), transient=False)


def test_a_design_result_repr_is_one_short_line(single):
    text = repr(single)
    assert "\n" not in text and len(text) < 200
    assert text.startswith("DesignResult('sso-100kw': feasible, wet ")
    assert f"{single.mass.wet.m_as('t'):.4g} t" in text


def test_str_is_the_summary_table(single):
    text = str(single)
    assert text.splitlines()[0] == "sso-100kw: FEASIBLE"
    assert "Margins of safety" in text and "Debris" in text


def test_repr_html_has_one_row_per_margin(single):
    page = single._repr_html_()
    margins = summary(single)["launch"]["margins"]
    assert page.count("<tr><td>") == len(margins)
    assert "<pre" in page and "FEASIBLE" in page


def test_every_nested_result_has_a_short_repr(single):
    for part in (single.loop, single.array, single.launch, single.compute, single.debris, single.environment):
        text = repr(part)
        assert "\n" not in text and len(text) <= REPR_WIDTH, type(part).__name__
        assert text.startswith(type(part).__name__ + "(")


def test_a_sweep_repr_counts_its_points():
    sweep = designs.size(designs.load("sso-100kw").replace(payload__chip_power=Q_(np.linspace(500, 1500, 5), "W")),
                         transient=False)
    ok = int(np.count_nonzero(sweep.feasible))
    assert repr(sweep) == f"DesignResult('sso-100kw': 5 points, {ok} feasible)"
    assert "<(5,) W>" in repr(sweep.array)


def test_a_design_repr_and_str():
    design = designs.load("sso-100kw")
    assert repr(design) == "Design('sso-100kw': 100 chips of 1000 W at 650 km)"
    text = str(design)
    assert "[payload]" in text and "chip_count = 100" in text
