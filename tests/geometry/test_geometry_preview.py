"""The preview picture is a PNG with both views, written atomically."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.cad
pytest.importorskip("cadquery", reason='needs CadQuery: pip install "spacedc[cad]"')

from spacedc.geometry import BusSpec, RadiatorPanelSpec, RadiatorWingSpec, SatelliteSpec, SolarArrayWingSpec  # noqa: E402
from spacedc.geometry import render_preview  # noqa: E402


def test_render_preview_writes_a_png(tmp_path):
    spec = SatelliteSpec(
        bus=BusSpec("1 m", "1 m", "1.5 m"),
        radiator=RadiatorWingSpec(RadiatorPanelSpec("0.8 m", "1.2 m", pipe_count=2), panel_count=2),
        array=SolarArrayWingSpec("0.8 m", "3 m", kind="rigid", panel_count=2))
    path = render_preview(spec, tmp_path / "sat.png", dpi=40)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")  # IHDR: two 6-inch views side by side at 40 dpi
    assert width == 2 * 6 * 40
    assert [p.name for p in tmp_path.iterdir()] == ["sat.png"]
