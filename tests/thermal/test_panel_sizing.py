"""Radiator panels as built (thermal.panel) against hand derivations.

Areal density, pipe count, panel efficiency and area are computed by hand from the equations in the module
docstring; the fin efficiency must equal thermal.fin_efficiency called with both face sheets as the fin
(thickness 2 t_f) and half-width (pitch - D)/2 (Lieblein NASA TN D-196 fin, tested in test_fin_efficiency.py).
Heat-pipe capability: NASA's covered-groove aluminium/ammonia pipe, 143 W m at 20 C (Grumman Aerospace final
report, 1976, abstract).
"""

import math

import numpy as np
import pint
import pytest

from spacedc import thermal
from spacedc.units import u
from spacedc.materials import MATERIALS
from spacedc.thermal.panel import PanelSpec, size_panels

SIGMA = 5.670374419e-8
BASE = dict(width="2 m", length="3 m", face_sheet_material="al6061-t6", face_sheet_thickness="0.3 mm",
            core_density="50 kg/m^3", core_thickness="12 mm", pipe_pitch="0.1 m", pipe_diameter="10 mm",
            pipe_wall_thickness="1 mm", pipe_linear_mass="0.15 kg/m", pipe_transport_limit="2000 W*m",
            manifold_linear_mass="0.6 kg/m", extra_areal_density="0.1 kg/m^2", coating="silver_teflon")


def spec(**kw):
    return PanelSpec(**(BASE | kw))


def test_areal_density_by_hand():
    """2 * 2713 * 0.3e-3 (face sheets: 6061-T6, 0.098 lb/in^3 in MIL-HDBK-5J) + 50 * 0.012 (core) + 20 pipes *
    0.15 / 2 m + 0.6 / 3 m + 0.1."""
    r = size_panels(spec(), heat_load="10 kW", radiator_temperature="300 K")
    rho_face = 0.098 * 0.45359237 / 0.0254**3
    face, core, pipes, manifold = 2 * rho_face * 0.3e-3, 50 * 0.012, 20 * 0.15 / 2, 0.6 / 3
    assert r.pipes_per_panel == 20
    assert r.face_sheet_areal_density.m_as("kg/m^2") == pytest.approx(face, rel=1e-12)
    assert r.core_areal_density.m_as("kg/m^2") == pytest.approx(core, rel=1e-12)
    assert r.pipe_areal_density.m_as("kg/m^2") == pytest.approx(pipes, rel=1e-12)
    assert r.manifold_areal_density.m_as("kg/m^2") == pytest.approx(manifold, rel=1e-12)
    total = face + core + pipes + manifold + 0.1
    assert r.areal_density.m_as("kg/m^2") == pytest.approx(total, rel=1e-12)
    assert r.panel_mass.m_as("kg") == pytest.approx(total * 6, rel=1e-12)
    assert r.mass.m_as("kg") == pytest.approx(r.panel_count * total * 6, rel=1e-12)


def test_fin_efficiency_matches_thermal_fin_and_area_by_hand():
    """Sink from the absorbed flux, fin = thermal.fin_efficiency(2 t_f, (p - D)/2), panel efficiency
    (D + (p - D) eta)/p, area Q / (2 eps sigma eta_p (T^4 - Ts^4)), panels = ceil(area / 6 m^2)."""
    eps = thermal.coating("silver_teflon").eps
    q_abs, T = 150.0, 320.0
    r = size_panels(spec(), heat_load="50 kW", radiator_temperature=T * u.K, absorbed_flux=q_abs * u.W / u.m**2)
    ts = (q_abs / (2 * eps * SIGMA) + 3**4) ** 0.25
    assert r.sink_temperature.m_as("K") == pytest.approx(ts, rel=1e-12)
    eta = thermal.fin_efficiency(conductivity=167 * u.W / u.m / u.K, thickness=0.6 * u.mm, half_width=45 * u.mm,
                                 emissivity=eps, root_temperature=T * u.K, sides=2, sink_temperature=ts * u.K)
    assert r.fin_efficiency == pytest.approx(eta, rel=1e-12)
    eta_p = (0.01 + 0.09 * eta) / 0.1
    assert r.panel_efficiency == pytest.approx(eta_p, rel=1e-12)
    area = 50e3 / (2 * eps * SIGMA * eta_p * (T**4 - ts**4))
    assert r.area.m_as("m^2") == pytest.approx(area, rel=1e-12)
    assert r.panel_count == math.ceil(area / 6)
    assert r.installed_area.m_as("m^2") == pytest.approx(6 * math.ceil(area / 6), rel=1e-12)
    assert r.feasible and r.reasons == ""


def test_transport_limit_exceeded_is_reported_infeasible():
    """Per pipe: net flux * 6 m^2 / 20 pipes, carried over L_eff = (0.1 + 3)/2 = 1.55 m, against 143 W m."""
    r = size_panels(spec(pipe_transport_limit="143 W*m", evaporator_length="0.1 m"), heat_load="50 kW",
                    radiator_temperature="320 K")
    per_pipe = r.net_flux.m_as("W/m^2") * 6 / 20
    assert r.heat_per_pipe.m_as("W") == pytest.approx(per_pipe, rel=1e-12)
    assert r.transport_required.m_as("W*m") == pytest.approx(per_pipe * 1.55, rel=1e-12)
    assert r.transport_margin == pytest.approx(143 / (per_pipe * 1.55) - 1, rel=1e-12)
    assert not r.feasible and "transport" in r.reasons
    assert math.isfinite(r.area.m)  # still sized: the reason says what to change


def test_pitch_that_does_not_divide_the_width_is_widened():
    r = size_panels(spec(width="1.05 m"), heat_load="1 kW", radiator_temperature="300 K")
    assert r.pipes_per_panel == 10
    assert r.pipe_pitch.m_as("m") == pytest.approx(0.105, rel=1e-12)


def test_radiator_at_or_below_sink_is_infeasible_not_nan():
    r = size_panels(spec(), heat_load=[1, 1] * u.kW, radiator_temperature=[300, 150] * u.K,
                    absorbed_flux="400 W/m^2")
    assert r.feasible.tolist() == [True, False]
    assert "sink" in r.reasons[1] and r.reasons[0] == ""
    assert np.isinf(r.area.m[1]) and np.isinf(r.panel_count[1])
    assert not np.isnan(r.area.m).any() and not np.isnan(r.mass.m).any()
    assert r.to_dict()["area_m2"][1] is None


def test_cfrp_face_sheet_needs_more_area_than_aluminium():
    """A PAN-fibre laminate (k about 1.7 W/m/K) makes a poor fin: efficiency far below the aluminium panel's."""
    al = size_panels(spec(), heat_load="10 kW", radiator_temperature="320 K")
    pan = size_panels(spec(face_sheet_material="cfrp-im7-qi"), heat_load="10 kW", radiator_temperature="320 K")
    assert pan.fin_efficiency < 0.5 < al.fin_efficiency
    assert all(row.source for row in MATERIALS.values())


def test_scalar_list_and_million_point_array_agree():
    temps = np.linspace(250, 400, 1_000_000)
    big = size_panels(spec(), heat_load="100 kW", radiator_temperature=temps * u.K, absorbed_flux="100 W/m^2")
    idx = [0, 500_000, 999_999]
    listed = size_panels(spec(), heat_load="100 kW", radiator_temperature=[temps[i] * u.K for i in idx],
                         absorbed_flux="100 W/m^2")
    for j, i in enumerate(idx):
        one = size_panels(spec(), heat_load="100 kW", radiator_temperature=temps[i] * u.K, absorbed_flux="100 W/m^2")
        assert one.area.m == big.area.m[i] == listed.area.m[j]
        assert one.panel_count == big.panel_count[i]


@pytest.mark.parametrize("kw, exc, word", [
    (dict(pipe_diameter="0.1 m"), ValueError, "pipe_diameter"),
    (dict(pipe_diameter="0.2 m", core_thickness="0.3 m"), ValueError, "pipe_diameter"),
    (dict(face_sheet_thickness="0 mm"), ValueError, "face_sheet_thickness"),
    (dict(core_thickness="5 mm"), ValueError, "core_thickness"),
    (dict(pipe_wall_thickness="5 mm"), ValueError, "pipe_wall_thickness"),
    (dict(pipe_pitch="3 m"), ValueError, "pipe_pitch"),
    (dict(pipe_transport_limit="-1 W*m"), ValueError, "pipe_transport_limit"),
    (dict(pipe_transport_limit="100 W"), pint.DimensionalityError, "pipe_transport_limit"),
    (dict(width=2), TypeError, "width"),
    (dict(face_sheet_material="balsa"), ValueError, "face_sheet_material"),
    (dict(coating=None), ValueError, "coating"),
    (dict(coating=None, absorptivity=0.1, emissivity=1.2), ValueError, "emissivity"),
    (dict(sides=3), ValueError, "sides"),
])
def test_bad_spec_names_the_field(kw, exc, word):
    with pytest.raises(exc, match=word):
        spec(**kw)


def test_bad_sizing_input_names_the_parameter():
    with pytest.raises(ValueError, match="heat_load"):
        size_panels(spec(), heat_load="-1 W", radiator_temperature="300 K")
    with pytest.raises(TypeError, match="radiator_temperature"):
        size_panels(spec(), heat_load="1 W", radiator_temperature=300)
    with pytest.raises(TypeError, match="spec"):
        size_panels(BASE, heat_load="1 W", radiator_temperature="300 K")
