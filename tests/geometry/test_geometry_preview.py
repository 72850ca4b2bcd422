"""The preview is a PNG of the states asked for, and the stowed view draws the fairing envelope it is given."""

from __future__ import annotations

import matplotlib.image
import numpy as np
import pytest

pytestmark = pytest.mark.cad
pytest.importorskip("cadquery", reason='needs CadQuery: pip install "spacedc[cad]"')

from spacedc.geometry import (BusSpec, RadiatorPanelSpec, RadiatorWingSpec, SatelliteSpec,  # noqa: E402
                              SolarArrayWingSpec, make_satellite, render_preview)
from spacedc.geometry import preview as preview_module  # noqa: E402
from spacedc.units import Q_  # noqa: E402

DPI = 30
SPEC = SatelliteSpec(
    bus=BusSpec("1 m", "1 m", "1.5 m"),
    radiator=RadiatorWingSpec(RadiatorPanelSpec("0.8 m", "1.2 m", pipe_count=2), panel_count=2),
    array=SolarArrayWingSpec("0.8 m", "3 m", kind="rigid", panel_count=2))
# a 4 m cylinder 6 m tall under a cone to 9 m: (height above the interface plane, diameter) [m]
FAIRING = ("test vehicle", Q_(np.array([[0.0, 4.0], [6.0, 4.0], [9.0, 0.5]]), "m"))


@pytest.fixture(scope="module")
def assemblies():
    return {state: make_satellite(SPEC, state) for state in ("deployed", "stowed")}


def _fairing_pixels(path):
    """Pixels of the envelope's fill colour."""
    rgb = matplotlib.image.imread(path)[:, :, :3]
    return int(np.all(np.abs(rgb - np.array(preview_module._FAIRING_FILL)) < 2 / 255, axis=2).sum())


def test_preview_writes_a_png_of_both_states(assemblies, tmp_path):
    path = render_preview(assemblies, tmp_path / "sat.png", fairing=FAIRING, dpi=DPI)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == round(preview_module._WIDTH_IN * DPI)  # IHDR width
    assert [p.name for p in tmp_path.iterdir()] == ["sat.png"]


def test_stowed_only_and_deployed_only_draw_only_that(assemblies, tmp_path):
    both = matplotlib.image.imread(render_preview(assemblies, tmp_path / "both.png", fairing=FAIRING, dpi=DPI))
    stowed = render_preview(assemblies, tmp_path / "stowed.png", states=("stowed",), fairing=FAIRING, dpi=DPI)
    deployed = render_preview(assemblies, tmp_path / "deployed.png", states=("deployed",), fairing=FAIRING, dpi=DPI)
    # the stowed views are one row of 5.5 inches; the deployed add the plan and elevation rows above
    assert matplotlib.image.imread(stowed).shape[0] == round(5.5 * DPI)
    assert matplotlib.image.imread(deployed).shape[0] == both.shape[0]
    assert _fairing_pixels(stowed) > 0 and _fairing_pixels(deployed) == 0


def test_the_stowed_view_draws_the_fairing_envelope_it_is_given(assemblies, tmp_path):
    with_fairing = render_preview(assemblies, tmp_path / "a.png", states=("stowed",), fairing=FAIRING, dpi=DPI)
    without = render_preview(assemblies, tmp_path / "b.png", states=("stowed",), dpi=DPI)
    assert _fairing_pixels(with_fairing) > 100 and _fairing_pixels(without) == 0


def test_the_envelope_radius_follows_the_points():
    env = FAIRING[1].m_as("m")
    r = preview_module._envelope_radius(env, np.array([0.0, 6.0, 7.5, 9.0, 9.5]))
    # straight lines between the points: at 7.5 m, halfway up the cone, (4 + 0.5) / 2 / 2 = 1.125 m
    assert r == pytest.approx([2.0, 2.0, 1.125, 0.25, -np.inf])


def test_a_spec_is_built_in_the_states_asked(tmp_path):
    path = render_preview(SPEC, tmp_path / "spec.png", states=("stowed",), dpi=DPI)
    assert matplotlib.image.imread(path).shape[0] == round(5.5 * DPI)


@pytest.mark.parametrize("kwargs, match", [
    (dict(states=("folded",)), "states"),
    (dict(states=()), "states"),
    (dict(fairing=("x", Q_(np.array([[0.0, 4.0], [6.0, 4.0]]), "kg"))), "fairing envelope"),
    (dict(fairing=("x", Q_(np.array([[6.0, 4.0], [0.0, 4.0]]), "m"))), "heights must not decrease"),
    (dict(fairing=("x", Q_(np.array([0.0, 4.0]), "m"))), "expected"),
])
def test_bad_arguments_raise_naming_them(assemblies, tmp_path, kwargs, match):
    with pytest.raises(Exception, match=match):
        render_preview(assemblies, tmp_path / "bad.png", dpi=DPI, **kwargs)
    assert not list(tmp_path.iterdir())


def test_one_assembly_is_one_state(assemblies, tmp_path):
    with pytest.raises(ValueError, match="one configuration"):
        render_preview(assemblies["stowed"], tmp_path / "x.png")
    path = render_preview(assemblies["stowed"], tmp_path / "x.png", states=("stowed",), dpi=DPI)
    assert path.exists()
