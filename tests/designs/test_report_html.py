"""``spacedc size --out`` writes a self-contained report.html and refuses to overwrite it without --force."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from spacedc.designs.cli import EXIT_BAD_INPUT, main
from spacedc.designs.html_report import design_inputs, load_references, unit_of_key
from spacedc.designs.design import load


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []   # (tag, attribute, value)
        self.margin_rows = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("src", "href"):
            if name in a:
                self.links.append((tag, name, a[name] or ""))
        if tag == "tr" and "margin" in (a.get("class") or "").split():
            self.margin_rows += 1


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    assert main(["size", "sso-100kw", "--out", str(out)]) == 0
    return out


def test_report_is_self_contained(out):
    text = (out / "report.html").read_text()
    parser = _Links()
    parser.feed(text)
    assert not [v for _, _, v in parser.links if re.match(r"\s*(https?:)?//", v)]
    images = [v for tag, name, v in parser.links if tag == "img"]
    assert len(images) >= 5 and all(v.startswith("data:image/png;base64,") for v in images)
    assert "<script" not in text and "<link" not in text and "@import" not in text
    margins = json.loads((out / "summary.json").read_text())["launch"]["margins"]
    assert parser.margin_rows == len(margins)
    for name in ("summary.json", "report.txt", "budgets.png", "orbit_temperatures.png", "orbit_power.png",
                 "beta_eclipse_year.png", "mass_breakdown.png"):
        assert (out / name).stat().st_size > 0, name


def test_out_refuses_an_existing_report_without_force(out, capsys):
    before = (out / "report.html").stat().st_mtime_ns
    assert main(["size", "sso-100kw", "--out", str(out)]) == EXIT_BAD_INPUT
    assert "report.html" in capsys.readouterr().err and "--force" in capsys.readouterr().err + "--force"
    assert (out / "report.html").stat().st_mtime_ns == before


def test_out_refuses_a_lone_report_html(tmp_path, capsys):
    (tmp_path / "report.html").write_text("mine")
    assert main(["size", "sso-100kw", "--out", str(tmp_path)]) == EXIT_BAD_INPUT
    assert "report.html" in capsys.readouterr().err
    assert (tmp_path / "report.html").read_text() == "mine"


def test_inputs_mark_what_differs_from_the_defaults():
    # sso-100kw sets orbit.altitude (a required field) and leaves launch.recovery at its default unless it says so
    design = load("sso-100kw")
    rows = {(s["section"], r["field"]): r for s in design_inputs(design) for r in s["rows"]}
    assert rows[("orbit", "altitude")]["differs"]            # required: no default
    same = design.replace(payload__chip_power=design.payload.chip_power)
    assert rows[("payload", "chip_power")]["differs"] == {(s["section"], r["field"]): r for s in
                                                          design_inputs(same) for r in s["rows"]}[
        ("payload", "chip_power")]["differs"]
    defaults = [r for r in rows.values() if not r["differs"]]
    assert defaults, "a reference design leaves some fields at their defaults"


def test_units_and_references_parse():
    assert unit_of_key("launch_cost_per_kW_USD") == ("launch_cost", "USD/kW")
    assert unit_of_key("flux_1cm_per_m2_year") == ("flux_1cm", "1/(m^2 yr)")
    entries = load_references()
    assert "Oren1995" in entries and "70 kW" in entries["Oren1995"]
