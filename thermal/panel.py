"""Radiator panels as built: face sheets on a honeycomb core with embedded heat pipes, sized for a heat load.

A panel of planform W x L (width across the heat pipes, length along them) is a sandwich: two face sheets of
thickness t_f on a honeycomb core of thickness t_c and density rho_c, with n heat pipes of outer diameter D
embedded in the core at a pitch p, running the panel's length, and a manifold (the coolant header or heat-pipe
saddle) along one edge of width W. Heat enters the pipes at the manifold and spreads through the face sheets,
which radiate from both outer faces.

Geometry: n = floor(W / p) pipes, at least one, so the pitch actually used is p' = W / n >= p (pipes never
closer than asked; the fin is then conservative). Each pipe serves a strip of width p'.

Fin efficiency: between two pipes the two face sheets together form a straight radiating fin of thickness
2 t_f (the honeycomb core's conduction is neglected, which is conservative), conductivity k of the face-sheet
material and half-width L_f = (p' - D) / 2, measured from the pipe wall to the mid-plane, radiating from both
faces to the panel's sink temperature: eta_fin from :func:`thermal.fin_efficiency` (exact nonlinear fin). The
strip over the pipe itself (width D) is at the pipe temperature, so the panel's efficiency is the
area-weighted

    eta_panel = (D + (p' - D) eta_fin) / p'.

Rejection: per unit planform area, q_net = sides * eps * sigma * eta_panel * (T^4 - T_sink^4), with
T_sink = (q_abs / (sides eps sigma) + T_space^4)^(1/4) the panel's sink for the absorbed environment flux q_abs
(per unit planform; :func:`thermal.environment_loads`). Applying the fin efficiency to the net flux is the
definition of :func:`thermal.fin_efficiency` (environment absorbed uniformly enters as the sink). Required area
A = Q / q_net, panel count N = ceil(A / (W L)).

Heat-pipe transport: a panel at T rejects Q_p = q_net W L, each pipe Q_p / n. A pipe with a short evaporator
L_e at the manifold and the condenser along the panel length has the effective transport length
L_eff = L_a + (L_e + L_c) / 2 with no adiabatic section and L_c = L (Chi, *Heat Pipe Theory and Practice*,
1976, ch. 2; Reay, Kew & McGlen, *Heat Pipes*, 6th ed., 2014, ch. 2): the check is
(Q_p / n) * L_eff <= (Q L)_max, the pipe's axial transport capability.
Typical aluminium/ammonia axially grooved pipes: 143 W m at 20 C for NASA's covered-groove extrusion
(Grumman Aerospace final report, "Analysis and tests of NASA covered groove heat pipe", 1976, abstract);
60 W m at 200 K for a 14 mm OD pipe (Voyer et al., SAE 972450, 1997). Use your pipe's qualified value.

Mass per unit planform (areal density as built):

    rho_A = 2 rho_f t_f + rho_c t_c + n m'_hp / W + m'_man / L + rho_A,extra

with m'_hp the heat pipe's mass per length including its working fluid, m'_man the manifold's mass per length
of panel edge including its coolant, and rho_A,extra for adhesive, coating and inserts. The heat pipes'
displacement of core is neglected.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.materials import Material, material
from spacedc.results import Reasons, Result
from spacedc.units import broadcast_shape, fraction, named_shapes, quantity, scalar_or_array, si
from spacedc.thermal._constants import STEFAN_BOLTZMANN
from spacedc.thermal.coatings import coating as _coating
from spacedc.thermal.fin import fin_efficiency as exact_fin_efficiency

__all__ = ["PanelSpec", "PanelResult", "size_panels"]

def _face_sheet(name: str | Material) -> Material:
    """The face-sheet row of :data:`spacedc.materials.MATERIALS`: it must give a density and a conductivity."""
    mat = material(name, "face_sheet_material")
    mat.require("conductivity", "face_sheet_material")
    return mat


_LENGTHS = ("width", "length", "face_sheet_thickness", "core_thickness", "pipe_pitch", "pipe_diameter",
            "pipe_wall_thickness")


@dataclasses.dataclass(frozen=True, kw_only=True)
class PanelSpec:
    """A radiator panel as built. Fields are Quantities (strings such as ``"2 m"`` accepted); arrays sweep.

    Parameters
    ----------
    width : Quantity [m]
        Planform dimension across the heat pipes (the manifold edge), > 0.
    length : Quantity [m]
        Planform dimension along the heat pipes, > 0.
    face_sheet_material : str or spacedc.materials.Material
        A row of :data:`spacedc.materials.MATERIALS` that gives a conductivity (conductivity and density of
        both face sheets).
    face_sheet_thickness : Quantity [m]
        Thickness of each of the two face sheets, > 0.
    core_density : Quantity [kg/m^3]
        Honeycomb core density, > 0 (aluminium 5052 hexagonal cores: about 25-130 kg/m^3, e.g. Hexcel HexWeb
        CRIII 1/8-5052-.001 at 3.1 lb/ft^3 = 50 kg/m^3).
    core_thickness : Quantity [m]
        Core thickness, > 0; at least the pipe diameter less the face sheets (checked).
    pipe_pitch : Quantity [m]
        Centre-to-centre spacing of the heat pipes asked for; > pipe_diameter and <= width.
    pipe_diameter : Quantity [m]
        Heat-pipe outer diameter, > 0.
    pipe_wall_thickness : Quantity [m]
        Heat-pipe wall thickness, 0 < t < D/2 (geometry; its mass is in ``pipe_linear_mass``).
    pipe_linear_mass : Quantity [kg/m]
        Heat-pipe mass per length including working fluid, > 0.
    pipe_transport_limit : Quantity [W*m]
        Axial transport capability (Q L)_max per pipe at the operating temperature, > 0.
    manifold_linear_mass : Quantity [kg/m]
        Manifold mass per length of the panel's width edge, including its coolant, >= 0.
    coating : str, optional
        A key of :data:`thermal.COATINGS` for absorptivity (beginning of life) and emissivity.
    absorptivity, emissivity : float, optional
        Override (or, without ``coating``, give) the coating's solar absorptance and IR emittance.
    evaporator_length : Quantity [m]
        Heat-pipe length inside the manifold saddle, >= 0 (default 0).
    extra_areal_density : Quantity [kg/m^2]
        Adhesive, coating and inserts per unit planform, >= 0 (default 0).
    sides : {1, 2}
        Radiating faces (default 2).
    """

    width: Any
    length: Any
    face_sheet_material: str | Material
    face_sheet_thickness: Any
    core_density: Any
    core_thickness: Any
    pipe_pitch: Any
    pipe_diameter: Any
    pipe_wall_thickness: Any
    pipe_linear_mass: Any
    pipe_transport_limit: Any
    manifold_linear_mass: Any = "0 kg/m"
    coating: str | None = None
    absorptivity: Any = None
    emissivity: Any = None
    evaporator_length: Any = "0 m"
    extra_areal_density: Any = "0 kg/m^2"
    sides: int = 2

    def __post_init__(self) -> None:
        put = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731
        for name in _LENGTHS:
            put(name, quantity(si(getattr(self, name), "m", name, lo=0, lo_open=True), "m"))
        put("face_sheet_material", _face_sheet(self.face_sheet_material))
        put("core_density", quantity(si(self.core_density, "kg/m^3", "core_density", lo=0, lo_open=True), "kg/m^3"))
        put("pipe_linear_mass", quantity(si(self.pipe_linear_mass, "kg/m", "pipe_linear_mass", lo=0, lo_open=True),
                                         "kg/m"))
        put("pipe_transport_limit", quantity(si(self.pipe_transport_limit, "W*m", "pipe_transport_limit", lo=0,
                                                lo_open=True), "W*m"))
        put("manifold_linear_mass", quantity(si(self.manifold_linear_mass, "kg/m", "manifold_linear_mass", lo=0),
                                             "kg/m"))
        put("evaporator_length", quantity(si(self.evaporator_length, "m", "evaporator_length", lo=0), "m"))
        put("extra_areal_density", quantity(si(self.extra_areal_density, "kg/m^2", "extra_areal_density", lo=0),
                                            "kg/m^2"))
        if isinstance(self.sides, bool) or self.sides not in (1, 2):
            raise ValueError(f"sides = {self.sides!r}: a panel radiates from 1 or 2 faces")

        c = _coating(self.coating) if self.coating is not None else None
        if c is None and (self.absorptivity is None or self.emissivity is None):
            raise ValueError("coating = None: give a coating name or both absorptivity and emissivity")
        alpha = c.alpha_bol if self.absorptivity is None else self.absorptivity
        eps = c.eps if self.emissivity is None else self.emissivity
        put("absorptivity", fraction(alpha, "absorptivity")[()])
        put("emissivity", fraction(eps, "emissivity", lo_open=True)[()])

        broadcast_shape(**{f.name: getattr(self, f.name) for f in dataclasses.fields(self)})  # names any clash
        d, p = self.pipe_diameter.m_as("m"), self.pipe_pitch.m_as("m")
        if np.any(d >= p):
            raise ValueError(f"pipe_diameter = {self.pipe_diameter}: must be smaller than pipe_pitch = "
                             f"{self.pipe_pitch} (the pipes would overlap)")
        if np.any(p > self.width.m_as("m")):
            raise ValueError(f"pipe_pitch = {self.pipe_pitch}: must not exceed the panel width = {self.width}")
        if np.any(self.pipe_wall_thickness.m_as("m") >= d / 2):
            raise ValueError(f"pipe_wall_thickness = {self.pipe_wall_thickness}: must be less than half the "
                             f"pipe_diameter = {self.pipe_diameter}")
        if np.any(self.core_thickness.m_as("m") + 2 * self.face_sheet_thickness.m_as("m") < d):
            raise ValueError(f"core_thickness = {self.core_thickness}: the sandwich (core + two face sheets) must "
                             f"be at least as thick as the embedded pipe_diameter = {self.pipe_diameter}")

    @property
    def pipes_per_panel(self) -> float | np.ndarray:
        """Heat pipes in one panel, n = floor(W / p), at least one (the pitch used is then W / n >= p)."""
        w = self.width.m_as("m")
        n = np.maximum(np.floor(w / self.pipe_pitch.m_as("m") * (1 + 1e-12)), 1.0)  # tolerate w/p = integer - ulp
        return scalar_or_array(n)


@dataclasses.dataclass(frozen=True)
class PanelResult(Result):
    """Panels sized for a heat load. Every field broadcasts over the inputs and the spec's arrays.

    Attributes
    ----------
    area : Quantity [m^2]
        Planform area required (one face), ``inf`` where the panel cannot reject heat.
    panel_count : float or ndarray
        Whole panels needed, ceil(area / panel area); ``inf`` where the area is.
    installed_area : Quantity [m^2]
        ``panel_count * width * length``.
    mass : Quantity [kg]
        ``panel_count * panel_mass``.
    panel_mass : Quantity [kg]
    areal_density : Quantity [kg/m^2]
        Mass per planform area as built; the sum of the four parts below plus ``extra_areal_density``.
    face_sheet_areal_density, core_areal_density, pipe_areal_density, manifold_areal_density : Quantity [kg/m^2]
    pipes_per_panel : float or ndarray
    pipe_pitch : Quantity [m]
        Pitch used, width / pipes_per_panel.
    fin_efficiency : float or ndarray
        Of the face-sheet fin between pipes (half-width (pitch - D)/2).
    panel_efficiency : float or ndarray
        (D + (pitch - D) fin_efficiency) / pitch.
    sink_temperature : Quantity [K]
    net_flux : Quantity [W/m^2]
        Net rejection per planform area at the radiator temperature.
    heat_per_pipe : Quantity [W]
        What each pipe carries in a panel at the radiator temperature.
    transport_required, transport_limit : Quantity [W*m]
        heat_per_pipe * L_eff, and the pipe's capability.
    transport_margin : float or ndarray
        transport_limit / transport_required - 1 (>= 0 passes).
    feasible : bool or ndarray
    reasons : str or ndarray
    """

    area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    panel_count: float | np.ndarray
    installed_area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    panel_mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    areal_density: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m^2"})
    face_sheet_areal_density: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m^2"})
    core_areal_density: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m^2"})
    pipe_areal_density: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m^2"})
    manifold_areal_density: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m^2"})
    pipes_per_panel: float | np.ndarray
    pipe_pitch: pint.Quantity = dataclasses.field(metadata={"unit": "m"})
    fin_efficiency: float | np.ndarray
    panel_efficiency: float | np.ndarray
    sink_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    net_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    heat_per_pipe: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    transport_required: pint.Quantity = dataclasses.field(metadata={"unit": "W*m"})
    transport_limit: pint.Quantity = dataclasses.field(metadata={"unit": "W*m"})
    transport_margin: float | np.ndarray
    feasible: bool | np.ndarray
    reasons: str | np.ndarray


def _areal_density(spec: PanelSpec) -> dict[str, np.ndarray]:
    """Areal-density parts [kg/m^2], pipes per panel and pitch used [m], as float arrays."""
    w, length = spec.width.m_as("m"), spec.length.m_as("m")
    n = np.asarray(spec.pipes_per_panel)
    parts = {
        "face": 2.0 * spec.face_sheet_material.density * spec.face_sheet_thickness.m_as("m"),
        "core": spec.core_density.m_as("kg/m^3") * spec.core_thickness.m_as("m"),
        "pipe": n * spec.pipe_linear_mass.m_as("kg/m") / w,
        "manifold": spec.manifold_linear_mass.m_as("kg/m") / length,
    }
    parts["total"] = sum(parts.values()) + spec.extra_areal_density.m_as("kg/m^2")
    return parts | {"n": n, "pitch": w / n}


def _panel_efficiency(spec: PanelSpec, t: np.ndarray, sink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The face-sheet fin's efficiency and the panel's, (D + (p' - D) eta_fin) / p', at heat-pipe (root)
    temperatures ``t`` [K] against the panel's sink ``sink`` [K] (held at most at ``t``); float arrays."""
    pitch = np.asarray(_areal_density(spec)["pitch"])
    d = spec.pipe_diameter.m_as("m")
    t_root = np.broadcast_to(t, np.broadcast_shapes(np.shape(t), np.shape(sink)))
    eta_fin = np.asarray(exact_fin_efficiency(
        conductivity=quantity(spec.face_sheet_material.conductivity, "W/m/K"), thickness=2 * spec.face_sheet_thickness,
        half_width=quantity((pitch - d) / 2, "m"), emissivity=spec.emissivity, root_temperature=quantity(t_root, "K"),
        sides=spec.sides, sink_temperature=quantity(np.minimum(sink, t_root), "K")), dtype=float)
    return eta_fin, (d + (pitch - d) * eta_fin) / pitch


@named_shapes
def size_panels(spec: PanelSpec, *, heat_load: Any, radiator_temperature: Any, absorbed_flux: Any = "0 W/m^2",
                space_temperature: Any = "3 K") -> PanelResult:
    """Size radiator panels as built: area, panel count, mass, fin efficiency and heat-pipe transport check.

    Parameters
    ----------
    spec : PanelSpec
        The panel as built.
    heat_load : Quantity [W]
        Heat to reject, >= 0.
    radiator_temperature : Quantity [K]
        Heat-pipe (fin root) temperature, > 0.
    absorbed_flux : Quantity [W/m^2]
        Environment flux absorbed per unit planform area, both faces together, >= 0: the ``absorbed_flux`` of
        :func:`thermal.environment_loads` computed with the panel's own absorptivity and emissivity.
    space_temperature : Quantity [K]
        Deep-space background, 3 K by default.

    Returns
    -------
    PanelResult
        Infeasible where the radiator is at or below its sink (area and count ``inf``) or where a heat pipe's
        transport capability is exceeded (sized normally, with the margin and a reason).

    Notes
    -----
    The equations are those of the module docstring: exact nonlinear fin efficiency
    (:func:`thermal.fin_efficiency`; Lieblein NASA TN D-196; Chapman section 14.6), area-weighted panel
    efficiency, q_net = sides eps sigma eta_panel (T^4 - T_sink^4) (Gilmore Vol. 1, 2nd ed., ch. 6),
    effective heat-pipe length L_eff = (L_e + L) / 2 (Chi 1976, ch. 2).
    """
    if not isinstance(spec, PanelSpec):
        raise TypeError(f"spec = {spec!r}: expected a thermal.PanelSpec")
    q_load = si(heat_load, "W", "heat_load", lo=0)
    t = si(radiator_temperature, "K", "radiator_temperature", lo=0, lo_open=True)
    q_abs = si(absorbed_flux, "W/m^2", "absorbed_flux", lo=0)
    t_space = si(space_temperature, "K", "space_temperature", lo=0)

    eps, sides = spec.emissivity, spec.sides
    sink = (q_abs / (sides * eps * STEFAN_BOLTZMANN) + t_space**4) ** 0.25
    parts = _areal_density(spec)
    n, pitch = parts["n"], parts["pitch"]
    eta_fin, eta_panel = _panel_efficiency(spec, t, sink)

    net = sides * eps * STEFAN_BOLTZMANN * eta_panel * (t**4 - sink**4)
    w, length = spec.width.m_as("m"), spec.length.m_as("m")
    a_panel = w * length
    shape = np.broadcast_shapes(np.shape(q_load), np.shape(net), np.shape(parts["total"]),
                                np.shape(spec.pipe_transport_limit.m))
    hot = np.broadcast_to(net > 0, shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        area = np.where(hot, q_load / np.where(net > 0, net, 1.0), np.inf)
        count = np.where(hot, np.ceil(area / a_panel * (1 - 1e-12)), np.inf)  # exact multiples stay exact
        per_pipe = np.maximum(net, 0.0) * a_panel / n
        l_eff = 0.5 * (spec.evaporator_length.m_as("m") + length)
        required = per_pipe * l_eff
        limit = spec.pipe_transport_limit.m_as("W*m")
        margin = np.where(required > 0, limit / np.where(required > 0, required, 1.0) - 1.0, np.inf)
    margin = np.broadcast_to(margin, shape)
    transport_ok = margin >= 0
    ok = hot & transport_ok
    reason = Reasons.mask(
        shape, (~hot, "radiator temperature is at or below the panel's sink temperature; it cannot reject heat"),
        (hot & ~transport_ok, "heat per pipe exceeds the heat-pipe transport limit (Q*L_eff > (Q*L)_max): shorten "
                              "the panel, tighten the pitch or use a stronger pipe"))
    panel_mass = parts["total"] * a_panel
    b = lambda x: np.broadcast_to(x, shape)  # noqa: E731
    return PanelResult(
        area=quantity(b(area), "m^2"), panel_count=scalar_or_array(b(count)),
        installed_area=quantity(b(count * a_panel), "m^2"), mass=quantity(b(count * panel_mass), "kg"),
        panel_mass=quantity(b(panel_mass), "kg"), areal_density=quantity(b(parts["total"]), "kg/m^2"),
        face_sheet_areal_density=quantity(b(parts["face"]), "kg/m^2"),
        core_areal_density=quantity(b(parts["core"]), "kg/m^2"),
        pipe_areal_density=quantity(b(parts["pipe"]), "kg/m^2"),
        manifold_areal_density=quantity(b(parts["manifold"]), "kg/m^2"),
        pipes_per_panel=scalar_or_array(b(n)), pipe_pitch=quantity(b(pitch), "m"),
        fin_efficiency=scalar_or_array(b(eta_fin)), panel_efficiency=scalar_or_array(b(eta_panel)),
        sink_temperature=quantity(b(sink), "K"), net_flux=quantity(b(net), "W/m^2"),
        heat_per_pipe=quantity(b(per_pipe), "W"), transport_required=quantity(b(required), "W*m"),
        transport_limit=quantity(b(limit), "W*m"), transport_margin=scalar_or_array(margin),
        feasible=scalar_or_array(ok, bool), reasons=reason,
    )
