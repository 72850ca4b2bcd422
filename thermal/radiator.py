"""Radiator sizing from the radiative balance of a flat panel in orbit.

A radiator of planform area A (one face) at uniform temperature T rejects, per unit planform area,

    q_net = n_s * eta_fin * eps * sigma * (T^4 - T_space^4) - q_abs,
    q_abs = alpha * (G_sun + a * S * F_E) + eps * F_E * q_IR,

where n_s is the number of radiating faces, eta_fin the fin efficiency of the panel between its heat pipes,
G_sun the direct sunlight falling on the panel (summed over faces, W/m^2 of planform), a the Earth albedo,
S the solar constant at the date, F_E the view factor from the panel to Earth summed over its faces, and q_IR
the Earth's outgoing long-wave flux. This is the steady energy balance of a surface in orbit (absorbed
solar + albedo + planetary IR + dissipated = emitted) as set out in Gilmore, *Spacecraft Thermal Control
Handbook* Vol. 1 (2nd ed., 2002), ch. 2, in SMAD (Wertz & Larson, 3rd ed., 1999) section 11.5, and in
Fortescue et al., *Spacecraft Systems Engineering* (4th ed., 2011) section 11.2, written per unit area. The area that rejects a heat load Q is A = Q / q_net.

The effective sink temperature is the temperature at which the panel would reject nothing:

    T_sink = (q_abs / (n_s * eta_fin * eps * sigma) + T_space^4)^(1/4).

Here the fin efficiency scales the emission only, the first-cut convention; the panels of
:mod:`thermal.panel` and the loop of :mod:`thermal.loop` apply it to the net flux (emission less absorption),
as :func:`thermal.fin_efficiency` defines it. The two agree at an efficiency of 1; below it this balance is
the more conservative (it credits the fin with less net rejection).

A radiator held at or below its sink cannot reject heat: that point is infeasible, with its reason, and its
area and mass are reported as infinite (never NaN).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.thermal._constants import STEFAN_BOLTZMANN
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si

__all__ = ["STEFAN_BOLTZMANN", "DEEP_SPACE_TEMPERATURE", "RadiatorResult", "size_radiator", "RadiatorRating",
           "rate_radiator", "radiator_heat_rejection"]

#: Temperature of deep space [K]: the cosmic microwave background, 2.725 K (Fixsen 2009, ApJ 707, 916),
#: rounded to 3 K as in Gilmore Vol. 1, ch. 2.
DEEP_SPACE_TEMPERATURE = 3.0


@dataclasses.dataclass(frozen=True)
class RadiatorResult(Result):
    """A sized radiator. Every field broadcasts over the inputs.

    Attributes
    ----------
    area : Quantity [m^2]
        Planform area, one face. ``inf`` where infeasible.
    mass : Quantity [kg]
        ``area * areal_density``. ``inf`` where infeasible.
    heat_rejected : Quantity [W]
        The heat load the radiator was sized for.
    temperature : Quantity [K]
        Radiating temperature.
    emitted_flux, absorbed_flux, net_flux : Quantity [W/m^2]
        Per unit planform area: emitted by all faces (fin efficiency applied), absorbed from the environment,
        and their difference.
    sink_temperature : Quantity [K]
        Effective sink temperature of the environment.
    feasible : bool or ndarray of bool
    reasons : str or ndarray of str
        Why a point is infeasible; empty where feasible.
    """

    area: pint.Quantity = dataclasses.field(metadata={"unit": "m^2"})
    mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    heat_rejected: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    emitted_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    absorbed_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    net_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    sink_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    feasible: bool | np.ndarray
    reasons: str | np.ndarray


def _radiator_kernel(Q, T, eps, alpha, sides, eta, G_sun, S, albedo, F_E, q_ir, rho_a, T_space):
    """Float kernel in SI: returns area, mass, emitted, absorbed, net flux, sink temperature, feasible."""
    emitted = sides * eta * eps * STEFAN_BOLTZMANN * (T**4 - T_space**4)
    absorbed = alpha * (G_sun + albedo * S * F_E) + eps * F_E * q_ir
    net = emitted - absorbed
    sink = (absorbed / (sides * eta * eps * STEFAN_BOLTZMANN) + T_space**4) ** 0.25
    shape = np.broadcast_shapes(np.shape(Q), np.shape(net), np.shape(rho_a))
    feasible = np.broadcast_to(net > 0, shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        area = np.where(feasible, Q / np.where(feasible, net, 1.0), np.inf)
    mass = np.where(feasible, area * rho_a, np.inf)
    return area, mass, emitted, absorbed, net, sink, feasible


@named_shapes
def size_radiator(*, heat_load, temperature, emissivity, areal_density, absorptivity=0.0, sides=2,
                  fin_efficiency=1.0, incident_solar="0 W/m^2", solar_constant="1361 W/m^2", albedo=0.0,
                  earth_view_factor=0.0, earth_ir="0 W/m^2",
                  space_temperature=f"{DEEP_SPACE_TEMPERATURE} K") -> RadiatorResult:
    """Size a flat radiator that rejects ``heat_load`` at ``temperature``.

    Parameters
    ----------
    heat_load : Quantity [W]
        Heat to reject, >= 0.
    temperature : Quantity [K]
        Radiating temperature of the panel (uniform; issue-3 work adds the gradient along the loop).
    emissivity : float
        Hemispherical infrared emissivity, in (0, 1].
    areal_density : Quantity [kg/m^2]
        Mass per unit planform area of the radiator as built.
    absorptivity : float
        Solar absorptance, in [0, 1]. Use the end-of-life value.
    sides : int
        Faces that radiate: 1 or 2.
    fin_efficiency : float
        Fin efficiency of the panel between heat pipes, in (0, 1].
    incident_solar : Quantity [W/m^2]
        Direct sunlight falling on the panel per unit planform area, summed over its faces (0 for a panel
        edge-on to the Sun).
    solar_constant : Quantity [W/m^2]
        Solar flux at the date, used for the albedo term.
    albedo : float
        Earth albedo, in [0, 1].
    earth_view_factor : float
        View factor from the panel to Earth, summed over the radiating faces, in [0, sides].
    earth_ir : Quantity [W/m^2]
        Earth's outgoing long-wave flux.
    space_temperature : Quantity [K]
        Deep-space background, 3 K by default.

    Returns
    -------
    RadiatorResult

    Notes
    -----
    The balance is the steady one of the module docstring (Gilmore Vol. 1 ch. 2; SMAD 3rd ed. section 11.5)
    per unit planform area. The albedo term treats the
    albedo flux as a * S * F_E, i.e. the sub-solar worst case; orientation-resolved loads come with the thermal
    environment model of issue 3.

    Examples
    --------
    ISS-like check: 1 m^2 two-sided, eps = 0.85, 290 K, no environment, emits
    2 * 0.85 * 5.670374419e-8 * (290^4 - 3^4) = 681.8 W:

    >>> r = size_radiator(heat_load="681.8 W", temperature="290 K", emissivity=0.85, areal_density="5 kg/m^2")
    >>> round(r.area.m_as("m^2"), 3)
    1.0
    """
    Q = si(heat_load, "W", "heat_load", lo=0)
    T = si(temperature, "K", "temperature", lo=0, lo_open=True)
    eps = fraction(emissivity, "emissivity", lo_open=True)
    alpha = fraction(absorptivity, "absorptivity")
    n_s = np.asarray(sides)
    if not np.all(np.isin(n_s, (1, 2))):
        raise ValueError(f"sides = {sides!r}: a panel radiates from 1 or 2 faces")
    eta = fraction(fin_efficiency, "fin_efficiency", lo_open=True)
    G = si(incident_solar, "W/m^2", "incident_solar", lo=0)
    S = si(solar_constant, "W/m^2", "solar_constant", lo=0)
    a = fraction(albedo, "albedo")
    F = fraction(earth_view_factor, "earth_view_factor", hi=2.0)
    if np.any(F > n_s):
        raise ValueError(f"earth_view_factor = {earth_view_factor!r}: cannot exceed the number of faces ({sides})")
    q_ir = si(earth_ir, "W/m^2", "earth_ir", lo=0)
    rho_a = si(areal_density, "kg/m^2", "areal_density", lo=0, lo_open=True)
    T_space = si(space_temperature, "K", "space_temperature", lo=0)

    area, mass, emitted, absorbed, net, sink, ok = _radiator_kernel(
        Q, T, eps, alpha, n_s, eta, G, S, a, F, q_ir, rho_a, T_space)
    reason = Reasons.mask(np.shape(ok), (~ok, "radiator temperature is at or below the environment sink "
                                              "temperature; it cannot reject heat (raise the radiator temperature "
                                              "or lower absorbed loads)"))
    return RadiatorResult(
        area=quantity(area, "m^2"), mass=quantity(mass, "kg"), heat_rejected=quantity(np.broadcast_to(Q, area.shape), "W"),
        temperature=quantity(np.broadcast_to(T, area.shape), "K"), emitted_flux=quantity(emitted, "W/m^2"),
        absorbed_flux=quantity(np.broadcast_to(absorbed, area.shape), "W/m^2"), net_flux=quantity(net, "W/m^2"),
        sink_temperature=quantity(np.broadcast_to(sink, area.shape), "K"),
        feasible=scalar_or_array(ok, bool), reasons=reason,
    )


@dataclasses.dataclass(frozen=True)
class RadiatorRating(Result):
    """A given radiator rated at a heat load or a temperature. Every field broadcasts over the inputs.

    Attributes
    ----------
    temperature : Quantity [K]
        The panel's equilibrium (radiating) temperature; with a panel, its heat pipes' (the fins' root).
    heat_rejected : Quantity [W]
        The heat it rejects at that temperature (negative below the sink: it would absorb).
    net_flux : Quantity [W/m^2]
        Net rejection per unit planform area.
    sink_temperature : Quantity [K]
        Effective sink temperature of the environment.
    fin_efficiency : float or ndarray
        The efficiency used: the number given, or the panel's at the rated temperature.
    converged : bool or ndarray of bool
        Where the temperature was solved to tolerance (always true without a panel, whose balance is solved in
        closed form).
    """

    temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    heat_rejected: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    net_flux: pint.Quantity = dataclasses.field(metadata={"unit": "W/m^2"})
    sink_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    fin_efficiency: float | np.ndarray = 1.0
    converged: bool | np.ndarray = True


#: Passes of the bracketed secant solve of a panel's rating, and the relative residual accepted.
_PANEL_PASSES, _PANEL_TOLERANCE = 16, 1e-12


def _rating_inputs(area, emissivity, sides, fin_efficiency, panel, sink_temperature, absorbed_flux,
                   space_temperature):
    """SI inputs of a rating and the balance's constants: k [W/(m^2 K^4)] (n_s eta eps sigma, or n_s eps sigma
    with a panel, whose efficiency follows the temperature) and the absorbed flux q_abs [W/m^2], from
    ``sink_temperature`` (q_abs = k (T_sink^4 - T_space^4)) or given."""
    A = si(area, "m^2", "area", lo=0, lo_open=True)
    if panel is not None:
        from spacedc.thermal.panel import PanelSpec

        if not isinstance(panel, PanelSpec):
            raise TypeError(f"panel = {panel!r}: expected a thermal.PanelSpec")
        for name, value, default in (("emissivity", emissivity, None), ("sides", sides, None),
                                     ("fin_efficiency", fin_efficiency, 1.0)):
            if value is not default:
                raise ValueError(f"{name} = {value!r}: a panel gives its own {name} (give one or the other)")
        eps, n_s, eta = np.asarray(panel.emissivity, dtype=float), np.asarray(panel.sides), 1.0
    else:
        if emissivity is None:
            raise ValueError("emissivity = None: give the radiator's emissivity (or a panel)")
        eps = fraction(emissivity, "emissivity", lo_open=True)
        n_s = np.asarray(2 if sides is None else sides)
        if not np.all(np.isin(n_s, (1, 2))):
            raise ValueError(f"sides = {sides!r}: a panel radiates from 1 or 2 faces")
        eta = fraction(fin_efficiency, "fin_efficiency", lo_open=True)
    T_space = si(space_temperature, "K", "space_temperature", lo=0)
    k = n_s * eta * eps * STEFAN_BOLTZMANN
    if (sink_temperature is None) == (absorbed_flux is None):
        raise ValueError("give exactly one of sink_temperature (the environment's effective sink) and "
                         "absorbed_flux (the environment's loads per unit planform area)")
    if sink_temperature is not None:
        T_sink = si(sink_temperature, "K", "sink_temperature", lo=0)
        q_abs = k * (T_sink**4 - T_space**4)
    else:
        q_abs = si(absorbed_flux, "W/m^2", "absorbed_flux", lo=0)
    sink = (q_abs / k + T_space**4) ** 0.25
    return A, k, q_abs, sink, T_space, eta


def _panel_flux(panel, T, sink, k):
    """Net flux [W/m^2] and the panel's efficiency at heat-pipe temperatures ``T`` against ``sink``:
    k eta_panel(T) (T^4 - T_sink^4) (thermal.panel: the efficiency applies to the net flux)."""
    from spacedc.thermal.panel import _panel_efficiency

    eta = _panel_efficiency(panel, T, sink)[1]
    return k * eta * (T**4 - sink**4), eta


def _rate_panel(panel, q_flux, sink, k):
    """The heat-pipe temperature [K] at which the panel rejects ``q_flux`` [W/m^2] net, its efficiency there and
    the per-point convergence: a bracketed solve on whole arrays (module docstring of :func:`rate_radiator`)."""
    from spacedc.thermal.panel import _areal_density

    pitch = np.asarray(_areal_density(panel)["pitch"])
    eta_min = panel.pipe_diameter.m_as("m") / pitch  # the strip over the pipe is at the pipe's temperature
    shape = np.broadcast_shapes(np.shape(q_flux), np.shape(sink), np.shape(k), np.shape(eta_min))
    q, ts = np.broadcast_to(q_flux, shape), np.broadcast_to(sink, shape)
    lo = np.broadcast_to((q / k + ts**4) ** 0.25, shape).copy()              # eta = 1: the coldest it can be
    hi = np.broadcast_to((q / (k * eta_min) + ts**4) ** 0.25, shape).copy()  # eta = D/p': the hottest
    zero = q <= 0
    q1 = np.where(zero, 1.0, q)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t, t_prev, f_prev = lo.copy(), None, None
        for _ in range(_PANEL_PASSES):
            flux, eta = _panel_flux(panel, t, ts, k)
            f = np.where(zero, 0.0, flux / q1 - 1.0)
            lo, hi = np.where(f < 0, np.maximum(lo, t), lo), np.where(f > 0, np.minimum(hi, t), hi)
            fixed = (q / (k * eta) + ts**4) ** 0.25  # the balance solved with the efficiency at t
            step = fixed
            if t_prev is not None:
                df = f - f_prev
                secant = t - f * (t - t_prev) / np.where(df != 0, df, 1.0)
                step = np.where(df != 0, secant, fixed)
            inside = lambda x: np.isfinite(x) & (x >= lo) & (x <= hi)  # noqa: E731
            step = np.where(inside(step), step, np.where(inside(fixed), fixed, 0.5 * (lo + hi)))
            t_prev, f_prev = t, f
            t = np.where(np.abs(f) <= _PANEL_TOLERANCE / 4, t, step)  # settled points stay
    t = np.where(zero, ts, t)
    flux, eta = _panel_flux(panel, t, ts, k)
    converged = zero | (np.abs(flux / np.where(zero, 1.0, q) - 1.0) <= _PANEL_TOLERANCE)
    return t, eta, converged


@named_shapes
def rate_radiator(*, heat_load, area, emissivity=None, sides=None, fin_efficiency=1.0, panel=None,
                  sink_temperature=None, absorbed_flux=None,
                  space_temperature=f"{DEEP_SPACE_TEMPERATURE} K") -> RadiatorRating:
    """The equilibrium temperature of a given radiator rejecting ``heat_load``: the sizing balance of the module
    docstring solved for T instead of the area,

    .. math:: T = \\left(\\frac{Q / A + q_{abs}}{n_s \\eta \\varepsilon \\sigma} + T_{space}^4\\right)^{1/4}

    With a ``panel`` (:class:`thermal.PanelSpec`, as :func:`thermal.size_panels` sizes it) the fin efficiency
    is the panel's at the temperature sought, eta_panel(T) (the exact fin between its heat pipes), applied to
    the net flux as :mod:`thermal.panel` defines it: Q / A = n_s eps sigma eta_panel(T) (T^4 - T_sink^4), with
    T_sink = (q_abs / (n_s eps sigma) + T_space^4)^(1/4). That is solved per point on whole arrays: secant steps
    on the residual (the fixed-point step, the balance solved with the efficiency at the last T, where there is
    no secant yet or it leaves the bracket; bisection failing both) within the bracket from eta_panel = 1 (the
    coldest T) to eta_panel = D / p' (the strip over the pipe is at the pipe temperature: the hottest), narrowed
    by each residual's sign; a fixed number of passes, each point's convergence reported in ``converged`` (the
    relative residual within 1e-12).

    Parameters
    ----------
    heat_load : Quantity [W]
        Heat the panel rejects, >= 0.
    area : Quantity [m^2]
        Planform area, one face (> 0).
    emissivity : float
        Hemispherical infrared emissivity, in (0, 1]; not with a panel (it gives its own).
    sides : int
        Faces that radiate: 1 or 2 (default 2); not with a panel.
    fin_efficiency : float
        Fin efficiency of the panel between its heat pipes, in (0, 1] (emission scaled, as in
        :func:`size_radiator`); not with a panel, whose efficiency follows the temperature.
    panel : thermal.PanelSpec, optional
        The panel as built: its emissivity, faces and fin efficiency.
    sink_temperature : Quantity [K], optional
        The environment's effective sink temperature (:attr:`RadiatorResult.sink_temperature`); or
    absorbed_flux : Quantity [W/m^2], optional
        the environment's absorbed loads per unit planform area (solar, albedo, Earth IR). Give exactly one.
    space_temperature : Quantity [K]
        Deep-space background, 3 K by default.

    Returns
    -------
    RadiatorRating

    Examples
    --------
    The ISS-like check of :func:`size_radiator` read the other way: 1 m^2, two faces, eps = 0.85, rejecting
    681.8 W to deep space runs at (681.8 / (2 * 0.85 * 5.670374419e-8) + 3^4)^(1/4) = 290.0 K:

    >>> r = rate_radiator(heat_load="681.8 W", area="1 m^2", emissivity=0.85, absorbed_flux="0 W/m^2")
    >>> round(r.temperature.m_as("K"), 1)
    290.0
    """
    Q = si(heat_load, "W", "heat_load", lo=0)
    A, k, q_abs, sink, T_space, eta = _rating_inputs(area, emissivity, sides, fin_efficiency, panel,
                                                     sink_temperature, absorbed_flux, space_temperature)
    converged = True
    if panel is None:
        T = ((Q / A + q_abs) / k + T_space**4) ** 0.25
    else:
        T, eta, converged = _rate_panel(panel, Q / A, sink, k)
    shape = np.broadcast_shapes(np.shape(T), np.shape(Q), np.shape(A), np.shape(sink))
    return RadiatorRating(temperature=quantity(np.broadcast_to(T, shape), "K"),
                          heat_rejected=quantity(np.broadcast_to(Q, shape), "W"),
                          net_flux=quantity(np.broadcast_to(Q / A, shape), "W/m^2"),
                          sink_temperature=quantity(np.broadcast_to(sink, shape), "K"),
                          fin_efficiency=scalar_or_array(np.broadcast_to(eta, shape)),
                          converged=scalar_or_array(np.broadcast_to(converged, shape), bool))


@named_shapes
def radiator_heat_rejection(*, temperature, area, emissivity=None, sides=None, fin_efficiency=1.0, panel=None,
                            sink_temperature=None, absorbed_flux=None,
                            space_temperature=f"{DEEP_SPACE_TEMPERATURE} K") -> RadiatorRating:
    """The heat a given radiator rejects at ``temperature``, the inverse of :func:`rate_radiator`:

    .. math:: Q = A \\left[n_s \\eta \\varepsilon \\sigma (T^4 - T_{space}^4) - q_{abs}\\right]

    negative below the sink (the panel would absorb); with a ``panel``, Q = A n_s eps sigma eta_panel(T)
    (T^4 - T_sink^4), its efficiency at ``temperature`` (its heat pipes'). Parameters as :func:`rate_radiator`,
    ``temperature`` [K] (> 0) in place of the heat load.

    Examples
    --------
    >>> r = radiator_heat_rejection(temperature="290 K", area="1 m^2", emissivity=0.85, absorbed_flux="0 W/m^2")
    >>> round(r.heat_rejected.m_as("W"), 1)
    681.8
    """
    T = si(temperature, "K", "temperature", lo=0, lo_open=True)
    A, k, q_abs, sink, T_space, eta = _rating_inputs(area, emissivity, sides, fin_efficiency, panel,
                                                     sink_temperature, absorbed_flux, space_temperature)
    if panel is None:
        net = k * (T**4 - T_space**4) - q_abs
    else:
        net, eta = _panel_flux(panel, T, sink, k)
    shape = np.broadcast_shapes(np.shape(net), np.shape(A), np.shape(T))
    return RadiatorRating(temperature=quantity(np.broadcast_to(T, shape), "K"),
                          heat_rejected=quantity(np.broadcast_to(net * A, shape), "W"),
                          net_flux=quantity(np.broadcast_to(net, shape), "W/m^2"),
                          sink_temperature=quantity(np.broadcast_to(sink, shape), "K"),
                          fin_efficiency=scalar_or_array(np.broadcast_to(eta, shape)),
                          converged=scalar_or_array(np.ones(shape, dtype=bool), bool))
