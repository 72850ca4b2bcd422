"""The sizing chain: payload -> power with eclipse -> heat load -> heat path -> radiator -> mass.

Each step calls the discipline packages with Quantities; every step broadcasts, so a design whose fields
hold arrays is a sweep sized in one call.

Compute payload. The N active chips fly with the spares that keep the end-of-life target (compute.compute_payload):
cold spares weigh, hot ones also draw power and make heat. The dose behind the shielding is checked against
the chips' tolerance.

Power demand. The chips that draw power, the N active ones and the hot spares (``P_chips = (N + f_hot S_hot)
P_chip``), draw it through point-of-load converters of efficiency ``eta_c``; the bus adds its housekeeping load,
the loop pump its shaft power, and a heat pump (if any) its compressor work. The load on the power bus, day and
night alike (the chips keep computing through eclipse), is

    P_load = P_chips / eta_c + P_hk + P_pump + W_hp.

Array and battery are sized for that load by the SMAD chain (power.size_solar_array, power.size_battery)
over the worst eclipse of the year, at the year's smallest solar flux (aphelion), with the cells at their own
radiative-balance temperature.

Heat load. Every watt delivered to a load ends as heat inside the satellite, and so does what the power
path loses between array and loads (regulators, battery charge and discharge). With SMAD's path
efficiencies X_d (array to loads) and X_e (array through battery to loads), the orbit-average path loss is

    P_path = P_load [T_e (1/X_e - 1) + T_d (1/X_d - 1)] / (T_d + T_e),

so the coolant loop collects ``Q = P_load + P_path`` (orbit average; the transient network resolves the
swing) and the radiator rejects Q, plus the compressor work where a heat pump lifts it. The compressor's
work is closed in closed form (W = L0 (1 + path) / (COP - path): its path loss enters the loop, W itself
leaves at the hot side); the pump's, which depends on the flow
through the friction factor, by a few fixed-point passes on whole arrays (it takes a small share of Q, so
they converge fast; convergence is checked).

Heat path. The hottest chip sits where the coolant is hottest, at ``thermal.coolant_temperature``; its
junction is T_cool + P_chip (R_jc + R_cp) (thermal.junction_temperature), which must not exceed the chips'
junction limit (thermal.max_radiator_temperature gives the hottest coolant allowed). The radiator is fed by
the loop from that temperature down by the loop rise (thermal.size_loop integrates the radiation along the
flow), or, with a heat pump, whose evaporator takes the heat at the loop's return temperature, it condenses
at that return temperature plus the lift.

Rating. A design that fixes ``thermal.radiator_area`` rates the radiator instead of sizing it: the loop runs on
the working area radiator_area / (1 + area_margin) and the chain solves for the coolant temperature at which it
needs exactly that area (:meth:`SizingChain.radiator_rating`); the junction follows. A fixed ``power.array_area``
rates the array (power.rate_solar_array) against the required power; the battery is still sized.

Radiator. Panels as built (thermal.size_panels) give the fin efficiency, the heat-pipe transport check and
the areal density; the environment loads come from thermal.environment_loads for the design's orientation
and Earth case, at the smallest solar zenith angle of the orbit (which is |beta| at orbit noon).

Mass. Payload (every chip flown), power (array + battery), thermal (radiator panels + loop lines and coolant)
and the structure sized from its dimensions (the primary cylinder as tall as the bus, tie-downs, hinge lines,
array drives) are summed; secondary structure is a fraction of the dry mass; the total carries the system margin
and the propellant for the lifetime's station-keeping and disposal (designs.budget, orbit.lifetime_budget).

Debris. The lethal impacts on the bus and the wings over life, the constellation's conjunctions, manoeuvres and
residual collisions per year (designs.debris); for a single design point, the cascade of its shell over decades.

Cost. The chips and the rest of the satellite at their prices, the whole launches, operations and replacement,
per kWh of the compute delivered over life, beside a data center on the ground (economics).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint
from scipy.constants import Stefan_Boltzmann as _SIGMA

from spacedc import compute
from spacedc import economics
from spacedc import geometry
from spacedc import materials
from spacedc import orbit
from spacedc import power
from spacedc import thermal
from spacedc.designs.debris import CASCADE_SWEEP, constellation_cascade, constellation_figures, debris_figures
from spacedc.designs.design import Design
from spacedc.designs.envelope import bus_height, stowed_envelope_estimate
from spacedc.designs.budget import RadiatorWings, SizedSatellite, budget_and_margins
from spacedc.designs.result import DesignResult
from spacedc.results import Reasons, Result, replace
from spacedc.units import quantity, scalar_or_array, u

__all__ = ["size"]

#: The most panels counted (2^53, the largest float below which every whole number is exact).
_MAX_PANELS = float(2**53)
#: Fixed-point passes for the pump <-> power coupling, and the relative change accepted as converged.
_COUPLING_PASSES, _COUPLING_TOLERANCE = 10, 1e-9
#: Passes of the rating solve (coolant temperature, panel efficiency and pump power together; each pass one
#: panel and one loop evaluation on whole arrays), and the relative area mismatch accepted as converged.
_RATING_PASSES, _RATING_TOLERANCE = 8, 1e-9
#: The relative shortfall of a rated array's EOL power below the required power still counted as meeting it
#: (round-off: rating a sized array's own area gives back its power to a few ulp).
RATED_POWER_TOLERANCE = 1e-12
#: Transport lines: aluminium 6061-T6 tube (spacedc.materials) of 1 mm wall.
_LINE_MATERIAL, _LINE_WALL = "al6061-t6", 1e-3


def size(design: Design, *, transient: bool | None = None) -> DesignResult:
    """Size ``design``: arrays, battery, heat path, radiator and mass. Broadcasts over array-valued fields.

    ``transient`` runs the design's thermal node network over a few orbits and reports the chips' orbit
    extremes; by default it runs for a single design point and not for a sweep.
    """
    return SizingChain(design).run(transient=transient)


class SizingChain:
    """The sizing chain of one design (or one sweep) as named steps, run in order by :meth:`run`.

    Each step reads the design and what the steps before it found (attributes of the chain) and adds its own;
    every step broadcasts, so a design whose fields hold arrays is sized point by point in one pass. A step's
    infeasibilities are per-point :class:`spacedc.results.Reasons` (integer codes), combined into the design's
    ``reasons`` in the chain's order and written out as text only when read.
    """

    #: The steps' reasons, in the order the design's ``reasons`` joins them.
    REASONS = ("compute", "radiation", "array", "array_rating", "battery", "loop", "panels", "junction", "coupling", "rating",
               "battery_radiator", "wings", "launch", "lifetime")

    def __init__(self, design: Design) -> None:
        self.design = design
        self.reasons: dict[str, Any] = {}
        #: Rating mode of each subsystem: a given ``thermal.radiator_area`` / ``power.array_area`` is rated.
        self.radiator_rated = design.thermal.radiator_area is not None
        self.array_rated = design.power.array_area is not None

    def run(self, *, transient: bool | None = None) -> DesignResult:
        """Every step in order; then the orbit transient where it applies."""
        self.environment()
        self.compute_payload()
        self.heat_path()
        self.power_demand()
        self.heat_pump()
        if self.radiator_rated:
            self.radiator_rating()
        else:
            self.pump_coupling()
        self.radiator()
        self.array_and_battery()
        self.battery_radiator()
        self.manoeuvres()
        self.mass_and_margins()
        self.debris()
        self.cost()
        return self.orbit_transient(self.debris_cascade(self.result()), transient)

    def environment(self) -> None:
        """The orbit's environment, and the radiator's absorbed flux and sink on the faces that radiate."""
        d, th = self.design, self.design.thermal
        self.env = env = orbit.environment(d.orbit)
        self.earth = orbit.earth_albedo_ir(th.environment)
        # The sun-pointing array's back face sees Earth at the solar zenith angle: averaged over the sunlit arc
        # of the orbit with the smallest beta of the year (the hottest array).
        self.face_view = _array_back_view_factor(env.altitude, env.beta_min, env.eclipse_fraction)
        self.loads = loads = thermal.environment_loads(
            altitude=d.orbit.altitude, absorptivity=th.absorptivity, emissivity=th.emissivity,
            orientation=th.orientation, solar_zenith_angle=env.beta_min, case=th.environment)
        two_sided = np.asarray(th.sides) == 2
        self.absorbed = quantity(np.where(two_sided, loads.absorbed_flux.m_as("W/m^2"),
                                          loads.absorbed_front.m_as("W/m^2")), "W/m^2")
        self.sink = quantity(np.where(two_sided, loads.sink_temperature.m_as("K"),
                                      loads.sink_temperature_front.m_as("K")), "K")

    def compute_payload(self) -> None:
        """The chips flown: the active ones, the spares that keep the compute target over life
        (:func:`compute.compute_payload`), and the orbit's total ionizing dose behind the chips' shielding
        against their tolerance with the radiation design margin (:func:`orbit.radiation_dose`,
        :func:`compute.dose_margin`)."""
        p, c, pw, env = self.design.payload, self.design.compute, self.design.power, self.env
        self.payload = payload = compute.compute_payload(
            p.chip_count, chip_power=p.chip_power, chip_mass=p.mass_per_chip, failure_rate=c.failure_rate,
            duration=pw.lifetime, spares=c.spares, fraction=c.eol_fraction, confidence=c.confidence,
            spare_mode=c.spare_mode, hot_spare_power_fraction=c.hot_spare_power_fraction,
            weibull_shape=c.weibull_shape, sefi_rate=c.sefi_rate, recovery_time=c.recovery_time, sdc_rate=c.sdc_rate)
        self.dose = dose = orbit.radiation_dose(env.altitude, env.inclination, c.shielding, pw.lifetime)
        self.dose_margin = margin = compute.dose_margin(dose.dose, c.dose_tolerance, c.dose_design_margin)
        over = np.asarray(dose.valid) & (np.asarray(margin) < 0)
        self.reasons["compute"] = _reason(payload)
        self.reasons["radiation"] = Reasons.combine(dose.reason_codes, Reasons.mask(
            np.shape(over), (over, "the chips' total ionizing dose over life, times the radiation design margin "
                                   "(compute.dose_design_margin), exceeds their tolerance (compute.dose_tolerance): "
                                   "add shielding (compute.shielding) or choose harder parts")))

    def heat_path(self) -> None:
        """The hottest coolant the chips' junction limit allows, and the junction at the design's coolant."""
        p, th = self.design.payload, self.design.thermal
        self.heat_path_result = thermal.max_radiator_temperature(
            junction_temperature_max=p.junction_limit, chip_power=p.chip_power, junction_to_case=th.junction_to_case,
            cold_plate_resistance=th.cold_plate_resistance, sink_temperature=self.sink)
        if not self.radiator_rated:  # rated, the coolant temperature follows from the radiator (radiator_rating)
            self.t_coolant = th.coolant_temperature
            self._junction()

    def _junction(self) -> None:
        """The hottest junction at the coolant temperature ``t_coolant`` (given, or rated), and its reason."""
        p, th = self.design.payload, self.design.thermal
        self.junction = junction = thermal.junction_temperature(
            radiator_inlet_temperature=self.t_coolant, chip_power=p.chip_power,
            junction_to_case=th.junction_to_case, cold_plate_resistance=th.cold_plate_resistance)
        too_hot = junction.m_as("K") > p.junction_limit.m_as("K") * (1 + 1e-12)
        if self.radiator_rated:
            reached = (f" (coolant {self.t_coolant.to('degC').m:.1f} degC, junction {junction.to('degC').m:.1f} "
                       f"degC)" if np.ndim(junction.m) == 0 else "")
            why = (f"{_named('thermal.radiator_area', th.radiator_area, 'm^2')} runs the hottest chip above its junction limit "
                   f"({p.junction_limit.to('degC'):~.1f}){reached}: install more radiator area or lower the path "
                   f"resistances")
        else:
            why = (f"thermal.coolant_temperature puts the hottest chip above the chip junction limit "
                   f"({p.junction_limit.to('degC'):~.1f}): lower the coolant temperature or the path resistances")
        self.reasons["junction"] = Reasons.mask(np.shape(too_hot), (too_hot, why))

    def power_demand(self) -> None:
        """The chips' power through their converters plus housekeeping (``base``), and the power path's loss
        factor, orbit-averaged over daylight and eclipse. The chips drawing power are the active ones and the
        hot spares (:attr:`compute.ComputePayload.power`); ``compute_power`` is the active chips' alone, the
        compute the design delivers."""
        p, pw, env = self.design.payload, self.design.power, self.env
        self.compute_power = p.chip_count * p.chip_power
        self.chips = self.payload.power
        self.conversion = power.conditioning_losses(self.chips, pw.conversion_efficiency)
        self.base = (self.conversion.input_power + pw.housekeeping_load).m_as("W")
        t_e, t_d = env.eclipse_duration.m_as("s"), env.daylight_duration.m_as("s")
        self.path_factor = (t_e * (1 / pw.eclipse_path_efficiency - 1)
                            + t_d * (1 / pw.daylight_path_efficiency - 1)) / (t_e + t_d)

    def heat_pump(self) -> None:
        """The radiator's inlet temperature, and the heat pump's COP where there is one.

        A heat pump's evaporator takes the loop's heat at (at most) the loop's return temperature, and its
        condenser, the radiator, runs isothermal at that plus the lift; without one the loop feeds the radiator.
        The compressor's work W is an electrical load whose power-path loss lands in the loop, while W itself
        leaves with the refrigerant at the hot side: the loop collects Q_c = (L0 + P_pump)(1 + path) + W path,
        W = Q_c / COP, so W = (L0 + P_pump)(1 + path) / (COP - path), which exists only while COP > path; the
        radiator rejects Q_c + W.
        """
        th = self.design.thermal
        self.heat_pumped = heat_pumped = np.asarray(th.heat_pump_lift.m_as("K")) > 0
        self.gain = 1 + self.path_factor
        if self.radiator_rated:  # no heat pump (the schema refuses one); the inlet is the rated coolant
            self.runaway_hp = np.zeros(np.shape(heat_pumped), dtype=bool)
            self.hp_factor = np.zeros(np.shape(heat_pumped))
            return
        t_cold = (th.coolant_temperature - th.loop_temperature_rise).m_as("K")
        self.t_radiator_in = quantity(np.where(heat_pumped, t_cold + th.heat_pump_lift.m_as("K"),
                                               th.coolant_temperature.m_as("K")), "K")
        # Without a heat pump the COP is evaluated at a dummy 1 K lift and masked out.
        t_hot = np.where(heat_pumped, self.t_radiator_in.m_as("K"), t_cold + 1.0) * u.K
        cop = np.asarray(thermal.heat_pump(heat_load="1 W", cold_temperature=t_cold * u.K, hot_temperature=t_hot,
                                           carnot_fraction=th.carnot_fraction).cop, dtype=float)
        self.runaway_hp = runaway = heat_pumped & (cop <= self.path_factor)
        works = heat_pumped & ~runaway
        self.hp_factor = np.where(works, self.gain / np.where(works, cop - self.path_factor, 1.0), 0.0)

    def _loop(self, q_loop: np.ndarray, inlet: Any, fin_efficiency: Any = 1.0) -> thermal.LoopResult:
        """One of the design's parallel loops carrying its share of ``q_loop`` [W] from the radiator ``inlet``
        temperature (:func:`thermal.size_loop`), for the sizing's and the rating's passes alike."""
        th = self.design.thermal
        return thermal.size_loop(
            heat_load=q_loop / th.loop_count * u.W, coolant=th.coolant, radiator_inlet_temperature=inlet,
            temperature_rise=th.loop_temperature_rise, line_length=th.line_length, line_diameter=th.line_diameter,
            pump_efficiency=th.pump_efficiency, emissivity=th.emissivity, sink_temperature=self.sink,
            fin_efficiency=fin_efficiency, sides=th.sides)

    def _pump_step(self, loop: thermal.LoopResult, pump_w: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The pump power the loops need, capped at the payload's own load (a loop whose pump would need more has
        no fixed point), where it was capped, and its change from ``pump_w`` relative to that load."""
        new_pump = self.design.thermal.loop_count * loop.pump_power.m_as("W")
        runaway = new_pump > self.base
        new_pump = np.minimum(new_pump, self.base)
        return new_pump, runaway, np.abs(new_pump - pump_w) / self.base

    def pump_coupling(self) -> None:
        """The loop sized with the pump power it needs, closed by fixed-point passes on whole arrays: the pump
        takes a small share of the heat it moves, so a few passes converge (convergence is checked per point)."""
        th, base, gain = self.design.thermal, self.base, self.gain
        pump_w = np.zeros_like(np.asarray(base, dtype=float))
        self.panel_spec = th.panel_spec()  # the radiator's panels, for the first pass here and the radiator step
        panels = thermal.size_panels(self.panel_spec, heat_load=base * gain * u.W,
                                     radiator_temperature=self.t_radiator_in, absorbed_flux=self.absorbed)
        for _ in range(_COUPLING_PASSES):
            w_hp = (base + pump_w) * self.hp_factor
            q_loop = (base + pump_w) * gain + w_hp * self.path_factor
            loop = self._loop(q_loop, th.coolant_temperature, panels.panel_efficiency)
            pump_w, capped, change = self._pump_step(loop, pump_w)  # capped: reported below
            runaway = self.runaway_hp | capped
        self.loop, self.pump_w = loop, pump_w
        self.w_hp = (base + pump_w) * self.hp_factor
        self.load = base + pump_w + self.w_hp
        self.q_rad = (base + pump_w) * gain + self.w_hp * self.path_factor + self.w_hp
        self.reasons["coupling"] = Reasons.mask(
            np.shape(runaway),
            (runaway, "pump and heat-pump power exceed what they serve: widen the loop lines, add parallel loops "
                      "(thermal.loop_count) or lower the heat-pump lift"),
            (~runaway & (change > _COUPLING_TOLERANCE), "pump power did not converge with the heat it moves"))
        self.reasons["loop"] = _reason(loop).where(~np.asarray(self.heat_pumped, dtype=bool))
        self.reasons["rating"] = Reasons.mask(np.shape(runaway))  # sized: nothing rated

    def radiator_rating(self) -> None:
        """Rating mode of the radiator (``thermal.radiator_area`` given, no heat pump): the coolant temperature
        (radiator inlet, with ``thermal.loop_temperature_rise`` kept) at which the loop's radiator, with the
        panels' efficiency at that temperature and the pump power the loop needs there, needs exactly the
        installed area's working share; the junction follows from it.

        Working area: ``A_w = thermal.radiator_area / (1 + thermal.area_margin)``. The installed area's spare
        share holds the heat pipes MMOD may take (designs.budget's MMOD heat-rejection margin counts on it), so
        the rating does not spend it on running cooler: the loop runs on A_w, exactly as a sized design runs on
        its needed area, and rating a sized design's installed area gives back its coolant temperature.

        Solve, per point: the residual r(T) = ln(n_loops A_loop(T) / A_w) falls as the inlet temperature T rises
        (:func:`thermal.size_loop`'s radiator along the flow, with :func:`thermal.size_panels`' panel efficiency
        at T). Each pass evaluates the panels and the loop once on whole arrays, moves the per-point bracket,
        and takes the secant step on r; where there is no secant yet, or it leaves the bracket, the radiative
        step (the isothermal-equivalent balance T_eq^4 - T_s^4 scaled by exp(r)); failing both, the bracket's
        midpoint. The pump power is carried along the same passes (the fixed point of :meth:`pump_coupling`).
        A fixed number of passes; each point is converged where |r| and the pump's change are within tolerance.
        T stays in the coolant's liquid range (its return, T less the rise, too, and above the sink): where the
        installed area is too small even at the top of it, or too large even at the bottom, the point is
        infeasible with that reason.
        """
        th, base, gain = self.design.thermal, self.base, self.gain
        self.panel_spec = spec = th.panel_spec()
        a_work = th.radiator_area.m_as("m^2") / (1 + np.asarray(th.area_margin, dtype=float))
        rise = th.loop_temperature_rise.m_as("K")
        t_liquid_lo, t_liquid_hi = thermal.COOLANTS[th.coolant].temperature_range
        ts = self.sink.m_as("K")
        shape = np.broadcast_shapes(np.shape(base), np.shape(a_work), np.shape(ts), np.shape(rise))
        lo = np.broadcast_to(np.maximum(t_liquid_lo + rise, ts + rise * (1 + 1e-6)), shape).astype(float)
        hi = np.broadcast_to(np.asarray(t_liquid_hi, dtype=float), shape).copy()
        # start: the isothermal panel of efficiency 1 that rejects the load on A_w, at the middle of the rise
        k = th.sides * th.emissivity * _SIGMA
        t_eq0 = ((base * gain) / (a_work * k) + ts**4) ** 0.25
        t = np.clip(np.broadcast_to(t_eq0 + rise / 2, shape), lo, hi)
        lo_b, hi_b = lo.copy(), hi.copy()
        # the pump's first estimate at the starting temperature with an unfinned radiator: its lag then starts
        # small, and the secant can start at the second pass
        pump_w = np.minimum(th.loop_count * self._loop(base * gain, t * u.K).pump_power.m_as("W"), base)
        t_prev = r_prev = None
        for _ in range(_RATING_PASSES):
            t_q = quantity(t, "K")
            panels = thermal.size_panels(spec, heat_load=base * gain * u.W, radiator_temperature=t_q,
                                         absorbed_flux=self.absorbed)
            q_loop = (base + pump_w) * gain
            loop = self._loop(q_loop, t_q, panels.panel_efficiency)
            area = th.loop_count * loop.radiator_area.m_as("m^2")
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                r = np.where(np.isfinite(area) & (area > 0), np.log(area / a_work), np.inf)
            pump_w, runaway, change = self._pump_step(loop, pump_w)
            # the bracket moves only where r's sign holds whatever the pump's lag (its change shifts r by about
            # as much): too much area needed, hotter; too little, colder
            lo_b = np.where(r > 2 * change, np.maximum(lo_b, t), lo_b)
            hi_b = np.where(r < -2 * change, np.minimum(hi_b, t), hi_b)
            t_eq = loop.equivalent_temperature.m_as("K")
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                radiative = t + ((ts**4 + (t_eq**4 - ts**4) * np.exp(np.minimum(r, 50.0))) ** 0.25 - t_eq)
                step = radiative
                if t_prev is not None:
                    dr = r - r_prev
                    # a secant through residuals the pump's lag still moves is no better than the radiative step
                    secant_ok = (np.isfinite(r) & np.isfinite(r_prev) & (dr != 0)
                                 & (np.maximum(change, change_prev) < 0.1 * np.abs(dr)))
                    step = np.where(secant_ok, t - r * (t - t_prev) / np.where(secant_ok, dr, 1.0), radiative)
            # the liquid range's ends may be tried themselves (a radiator too small, or too large, even there
            # then stays at that end and is named so), while they are still the bracket's ends
            radiative = np.clip(radiative, lo, hi)
            inside = lambda x: np.isfinite(x) & (  # noqa: E731
                ((x > lo_b) & (x < hi_b)) | ((x == hi) & (hi_b == hi)) | ((x == lo) & (lo_b == lo)))
            step = np.where(inside(step), step, np.where(inside(radiative), radiative, 0.5 * (lo_b + hi_b)))
            t_prev, r_prev, change_prev = t, r, change
            t = np.where((np.abs(r) <= _RATING_TOLERANCE / 4) & (change <= _COUPLING_TOLERANCE / 4), t, step)
        t = t_prev  # the temperature the last panels and loop were evaluated at
        converged = (np.abs(r) <= _RATING_TOLERANCE) & (change <= _COUPLING_TOLERANCE)
        too_small = ~converged & (r > 0) & (t >= hi * (1 - 1e-9))
        too_large = ~converged & (r < 0) & (t <= lo * (1 + 1e-9))
        self.loop, self.pump_w = loop, pump_w
        self.w_hp = np.zeros(shape)
        self.load = base + pump_w
        self.q_rad = (base + pump_w) * gain
        self.t_coolant = self.t_radiator_in = quantity(t, "K")
        self.reasons["coupling"] = Reasons.mask(
            shape, (runaway, "pump power exceeds what it serves: widen the loop lines or add parallel loops "
                             "(thermal.loop_count)"))
        self.reasons["rating"] = Reasons.mask(
            shape,
            (~runaway & too_small, f"{_named('thermal.radiator_area', th.radiator_area, 'm^2')} is too small: even with the "
                                   f"coolant at the top of {th.coolant}'s liquid range ({t_liquid_hi:.1f} K) the "
                                   f"loop needs more radiator"),
            (~runaway & too_large, f"{_named('thermal.radiator_area', th.radiator_area, 'm^2')} is so large that the coolant "
                                   f"would run below {th.coolant}'s liquid range or the sink: less radiator"),
            (~runaway & ~too_small & ~too_large & ~converged,
             "the radiator rating (thermal.radiator_area) did not converge"))
        self.reasons["loop"] = _reason(loop)
        self._junction()

    def radiator(self) -> None:
        """The radiator's panels as built, its needed and installed area, mass and panel count, and the loop's
        mass.

        Panels at the radiator inlet: the hottest panel carries the most heat per pipe, and its fin efficiency is
        the lowest, so the transport check and the efficiency used are the conservative ones.
        """
        th = self.design.thermal
        self.panels = panels = thermal.size_panels(self.panel_spec, heat_load=self.q_rad * u.W,
                                                   radiator_temperature=self.t_radiator_in,
                                                   absorbed_flux=self.absorbed)
        needed = np.where(self.heat_pumped, panels.area.m_as("m^2"), th.loop_count * self.loop.radiator_area.m_as("m^2"))
        self.needed = needed = np.where(self.runaway_hp, np.inf, needed)  # a heat pump that cannot lift its own work
        # installed: the spare share holds pipes MMOD may take; rated, it is the area given
        self.area = area = (needed * (1 + th.area_margin) if not self.radiator_rated else
                            np.broadcast_to(th.radiator_area.m_as("m^2"), np.shape(needed)).astype(float))
        self.t_radiating = np.where(self.heat_pumped, self.t_radiator_in.m_as("K"),
                                    self.loop.equivalent_temperature.m_as("K"))
        finite = np.isfinite(area)
        self.radiator_mass = quantity(np.where(finite, np.where(finite, area, 0.0)
                                               * panels.areal_density.m_as("kg/m^2"), np.inf), "kg")
        wings = np.asarray(th.wings)
        per_wing = np.ceil(np.where(finite, area, 0.0) / (wings * (th.panel_width * th.panel_length).m_as("m^2")))
        # whole panels, saturating at 2^53 (where float counts stop being whole) for areas no satellite has
        self.panel_count = np.where(finite, np.minimum(wings * per_wing, _MAX_PANELS), 0).astype(np.int64)
        self.loop_mass = _loop_mass(th, self.loop)
        self.reasons["panels"] = _reason(panels)
        self.reasons["wings"] = _short_panel_reason(th, area, self.panel_count)

    def array_and_battery(self) -> None:
        """The solar array and the battery for the bus load, over the worst eclipse at the aphelion flux."""
        pw, env, earth = self.design.power, self.env, self.earth
        load = quantity(self.load, "W")
        cells = dict(cell=pw.cell, solar_flux=env.solar_flux_min, incidence_angle=pw.incidence_angle,
                     inherent_degradation=pw.inherent_degradation,
                     **({"specific_power": pw.array_specific_power} if pw.array_areal_density is None else
                        {"areal_density": pw.array_areal_density}),
                     **(dict(cell_temperature="radiative", earth_ir=earth.outgoing_ir, albedo=earth.albedo,
                             view_factor=self.face_view) if pw.cell_temperature == "radiative" else {}))
        self.array = power.size_solar_array(
            daylight_load=load, eclipse_load=load,
            daylight_duration=env.daylight_duration, eclipse_duration=env.eclipse_duration, lifetime=pw.lifetime,
            daylight_path_efficiency=pw.daylight_path_efficiency, eclipse_path_efficiency=pw.eclipse_path_efficiency,
            **cells)
        short = np.zeros(np.shape(self.array.feasible), dtype=bool)
        if self.array_rated:
            self.array, short = self._rated_array(cells)
        self.reasons["array_rating"] = Reasons.mask(np.shape(short), (short, (
            f"{_named('power.array_area', pw.array_area, 'm^2')} delivers less at end of life than the load needs"
            + (f" ({self.array.eol_power.to('kW').m:.2f} kW against the required "
               f"{self.array.required_power.to('kW').m:.2f} kW)" if np.ndim(short) == 0 else "")
            + ": install more array") if self.array_rated else ""))
        self.battery = power.size_battery(
            eclipse_load=load, eclipse_duration=env.eclipse_duration, cycles=_eclipse_cycles(env, pw.lifetime),
            discharge_efficiency=pw.battery_discharge_efficiency, specific_energy=pw.battery_specific_energy,
        )
        self.reasons["array"], self.reasons["battery"] = _reason(self.array), _reason(self.battery)

    def _rated_array(self, cells: dict[str, Any]) -> tuple[Any, np.ndarray]:
        """Rating mode of the array (``power.array_area`` given): the sized array's result with the installed area
        and the power and mass it gives at beginning and end of life (:func:`power.rate_solar_array`, the same
        cell, flux, angle and temperature inputs as the sizing), and where its EOL power falls short of the
        required power (the SMAD load over the orbit, :attr:`power.SolarArrayResult.required_power`). The
        battery is still sized for the load; the surplus of a larger array is not credited to anything."""
        pw, sized = self.design.power, self.array
        rated = power.rate_solar_array(area=pw.array_area, lifetime=pw.lifetime, **cells)
        required = sized.required_power.m_as("W")
        shape = np.broadcast_shapes(np.shape(required), np.shape(rated.eol_power.m))
        b = lambda q, unit: quantity(np.broadcast_to(q.m_as(unit), shape), unit)  # noqa: E731
        array = dataclasses.replace(sized, area=b(rated.area, "m^2"), bol_power=b(rated.bol_power, "W"),
                                    eol_power=b(rated.eol_power, "W"), mass=b(rated.mass, "kg"),
                                    required_power=b(sized.required_power, "W"))
        short = np.isfinite(required) & (rated.eol_power.m_as("W") < required * (1 - RATED_POWER_TOLERANCE))
        return array, np.broadcast_to(short, shape)

    def battery_radiator(self) -> None:
        """The battery's own radiator and thermostat heater (:func:`_battery_radiator`)."""
        self.battery_radiator_area, self.battery_heater, self.reasons["battery_radiator"] = _battery_radiator(
            self.design, self.env, self.loads, self.load, self.array)
        a = self.battery_radiator_area
        self.battery_radiator_mass = quantity(np.where(np.isfinite(a), a, 0.0)
                                              * self.panels.areal_density.m_as("kg/m^2"), "kg")

    def mass_and_margins(self) -> None:
        """The mass budget, packing and every launch margin (:func:`_launch`, :mod:`designs.budget`)."""
        thermal_mass = self.radiator_mass + self.loop_mass + self.battery_radiator_mass
        self.launch, self.stowed_height, self.stowed_diameter = _launch(
            self.design, self.env, self.payload, self.compute_power, self.array, self.battery, thermal_mass,
            self.q_rad, self.area, self.needed, self.panels, self.panel_count,
            self.shells[0].avoidance_delta_v(self.design.power.lifetime))
        self.reasons["launch"] = self.launch.reason_codes
        self.reasons["lifetime"] = self.launch.lifetime.reason_codes

    def manoeuvres(self) -> None:
        """The constellation's conjunctions and avoidance manoeuvres, shell by shell
        (:func:`designs.debris.constellation_figures`): before the mass budget, whose propellant holds the
        manoeuvres' delta-v over life."""
        self.shells = constellation_figures(self.design, self.env.altitude, self.env.inclination)

    def debris(self) -> None:
        """Debris at the design's orbit (:mod:`designs.debris`): the interim NASA-90 flux of 1 cm and larger,
        the lethal impact probability of the bus and of the wings over life, and the constellation's
        conjunctions, avoidance manoeuvres and residual collisions (:meth:`manoeuvres`), with the Walker shell's
        own encounters beside the kinetic-gas rate."""
        d, env = self.design, self.env
        self.debris_figures = debris_figures(d, env.altitude, env.inclination, d.power.lifetime,
                                             quantity(self.area, "m^2"), self.array.area, self.shells)

    def debris_cascade(self, result: DesignResult) -> DesignResult:
        """The cascade of the design's shell over ``constellation.years`` (:func:`designs.debris.constellation_
        cascade`) for a single design point; a sweep's result carries a note instead. A shell that runs away is
        a finding reported in the ``debris`` section, not an infeasibility of the satellite."""
        fig = self.debris_figures
        if np.ndim(result.feasible):
            return replace(result, debris=replace(fig, cascade_note=CASCADE_SWEEP))
        low, high = orbit.shell_edges()[[0, -1]].m_as("km")
        if not low <= self.env.altitude.m_as("km") < high:
            return replace(result, debris=replace(fig, cascade_note=(
                f"not run: the orbit lies outside the cascade's shells ({low:.0f}-{high:.0f} km)")))
        run = constellation_cascade(self.design, satellites=int(fig.own.satellites), lifetime=self.design.power.lifetime,
                                    dry_mass=self.launch.mass.dry, cross_section=fig.bus_area + fig.wing_area)
        note = (f"run: {run.years.m:.0f} years, {fig.own.satellites} satellites replenished at "
                f"{run.launch_rate.m:.4g} per year into the {run.result.altitude_low[run.shell].m:.0f}-"
                f"{run.result.altitude_high[run.shell].m:.0f} km shell: "
                + {"settled": "settled", "growing": "stable, debris still growing", "runaway": "RUNAWAY"}[run.state])
        return replace(result, debris=replace(fig, cascade=run, cascade_note=note))

    def cost(self) -> None:
        """What one satellite and the station cost, and the cost of a kW-year and a kWh of the compute delivered
        (:func:`economics.mission_cost`), beside a data center on the ground of the same compute power
        (:func:`economics.terrestrial_cost`).

        Hardware: every chip flown at ``cost.chip_price``, and the rest of the satellite at ``cost.bus_price``
        on the basis its unit names: per W of compute power, per kg of dry mass less the chips' share, or per
        satellite. Launch: the station's whole launches at the launch price. The compute delivered is the
        active chips' power times their mean availability over life (failures after the spares run out, and
        crash downtime: :attr:`compute.ComputePayload.mean_availability`); the array is sized for the end-of-life
        load, so the power holds (delivered fraction 1).
        """
        d, cs, launch = self.design, self.design.cost, self.launch
        pw, payload = d.power, self.payload
        chips_kg = payload.mass.m_as("kg")
        dry = launch.mass.dry.m_as("kg")
        bus = economics.subsystem_cost(cs.bus_price, name="cost.bus_price", count=1,
                                       power=self.compute_power, mass=quantity(np.maximum(dry - chips_kg, 0.0), "kg"))
        hardware = {"chips": economics.subsystem_cost(cs.chip_price, name="cost.chip_price",
                                                      count=payload.chips_total),
                    "bus": bus}
        # A satellite that fits no launch, or whose propellant is unbounded, costs inf (it is infeasible on its
        # launch margins), and one whose chips deliver nothing (availability 0: it is infeasible on its compute)
        # costs inf per kWh: priced with placeholders, then those figures set to inf. Without a launch price the
        # launch is priced at 0 and the summary leaves the launch and its sums out (launch_priced).
        per_launch = np.asarray(launch.packing.satellites_per_launch, dtype=float)
        wet = launch.mass.wet.m_as("kg")
        fits = (per_launch >= 1) & np.isfinite(wet)
        available = np.asarray(payload.mean_availability) > 0
        self.launch_priced = launch.launch_price is not None
        self.cost_result = _unbounded_where(~fits, ~available, economics.mission_cost(
            compute_power=self.compute_power, lifetime=pw.lifetime, hardware=hardware,
            launch_price=launch.launch_price if self.launch_priced else quantity(0.0, "USD"),
            satellites_per_launch=np.where(fits, per_launch, 1.0), satellite_mass=quantity(np.where(fits, wet, 1.0),
                                                                                          "kg"),
            satellites=launch.modules, availability=np.where(available, payload.mean_availability, 1.0),
            operations_fraction=cs.operations_fraction, replacement_rate=cs.chip_replacement_rate,
            replacement_unit_cost=cs.chip_price, replacement_unit_mass=d.payload.mass_per_chip, nre=cs.nre))
        self.terrestrial = economics.terrestrial_cost(
            self.compute_power, pw.lifetime, electricity_price=cs.electricity_price, pue=cs.pue,
            capex_per_kw=cs.capex_per_kw, wue=cs.wue, water_price=cs.water_price)

    def result(self) -> DesignResult:
        """The :class:`DesignResult`: every step's figures, each field broadcast to the sweep's shape."""
        combined = Reasons.combine(*(self.reasons[k] for k in self.REASONS))
        load = self.load
        shape = np.broadcast_shapes(np.shape(load), np.shape(self.area), np.shape(self.array.area.m),
                                    np.shape(self.battery.mass.m), np.shape(self.launch.mass.wet.m),
                                    np.shape(self.junction.m), np.shape(self.panel_count),
                                    np.shape(self.launch.feasible), combined.shape,
                                    np.shape(self.payload.chips_total), np.shape(self.dose.dose.m),
                                    np.shape(self.cost_result.per_satellite.m), np.shape(self.terrestrial.total.m))
        reasons = combined.broadcast_to(shape)  # codes: the text is made when read
        feasible = reasons.feasible
        th, pc, runaway = self.design.thermal, self.panel_count, self.runaway_hp
        result = DesignResult(
            name=self.design.name,
            feasible=scalar_or_array(feasible, bool), reasons=reasons,
            environment=self.env, chip_power=self.chips.to("W"), load=quantity(load, "W"),
            conversion_loss=self.conversion.heat.to("W"), path_loss=quantity(load * self.path_factor, "W"),
            pump_power=quantity(self.pump_w, "W"), coolant_mass_flow=(th.loop_count * self.loop.mass_flow).to("kg/s"),
            compressor_power=quantity(np.where(runaway, np.inf, self.w_hp), "W"), array=self.array,
            battery=self.battery, loads=self.loads, heat_path=self.heat_path_result, loop=self.loop,
            panels=self.panels, heat_rejected=quantity(np.where(runaway, np.inf, self.q_rad), "W"),
            absorbed_flux=self.absorbed, sink_temperature=self.sink,
            radiator_temperature=quantity(self.t_radiating, "K"), radiator_area=quantity(self.area, "m^2"),
            radiator_mass=self.radiator_mass, loop_mass=self.loop_mass,
            panel_count=scalar_or_array(pc, int),
            junction_temperature=self.junction.to("K"), required_radiator_area=quantity(self.needed, "m^2"),
            battery_radiator_area=quantity(self.battery_radiator_area, "m^2"),
            battery_radiator_mass=self.battery_radiator_mass,
            battery_heater_power=quantity(self.battery_heater, "W"),
            stowed_height=self.stowed_height, stowed_diameter=self.stowed_diameter, launch=self.launch,
            compute=self.payload, dose=self.dose, dose_margin=self.dose_margin, cost=self.cost_result,
            launch_priced=self.launch_priced, terrestrial=self.terrestrial, debris=self.debris_figures,
            radiator_mode="rated" if self.radiator_rated else "sized",
            array_mode="rated" if self.array_rated else "sized",
        )
        from spacedc.designs.fields import scale_warnings  # the schema module reads the design, not the chain

        result = dataclasses.replace(result, warnings=tuple(scale_warnings(self.design, result)))
        if shape:  # a sweep: every top-level field holds one value per point, whichever fields were swept
            result = replace(result, **{
                f.name: quantity(np.broadcast_to(getattr(result, f.name).m, shape), f.metadata["unit"])
                for f in dataclasses.fields(result) if "unit" in f.metadata},
                panel_count=np.broadcast_to(result.panel_count, shape).copy())
        return result

    def orbit_transient(self, result: DesignResult, transient: bool | None) -> DesignResult:
        """The design's thermal node network over a few orbits (:mod:`designs.transient`), checked against the
        junction limit, the battery's band and the coolant's freezing point; or a note saying why it was not run.

        The node network has no heat-pump model (a conductance cannot carry heat uphill): by default it runs for
        a single design point without one whose power and thermal sizing closed (launch margins may still fail).
        """
        single = np.ndim(result.feasible) == 0
        # a rated radiator too small or too large for the coolant's range has no temperature of its own to run at
        closed = single and bool(self.reasons["rating"].feasible) and all(
            np.isfinite(q.m) for q in (result.radiator_area, result.array.area, result.battery.mass,
                                       result.junction_temperature, result.battery_radiator_area))
        if transient and not single:
            raise ValueError("transient = True: the orbit transient runs for a single design point, not a sweep")
        heat_pumped = single and bool(self.heat_pumped)
        run = (closed and not heat_pumped) if transient is None else bool(transient)
        if not run:
            why = (_TRANSIENT_SWEEP if not single else
                   "not asked for (transient=False)" if transient is not None else
                   "the node network has no heat-pump model (a conductance cannot carry heat uphill)" if heat_pumped
                   else "the steady sizing did not close (no finite radiator, array or battery to simulate, or a "
                        "rated radiator outside its coolant's range)")
            return replace(result, transient_note=f"not run: {why}")
        from spacedc.designs.transient import orbit_extremes

        design = self.design
        if self.radiator_rated:  # the network runs the loop at the rated coolant temperature
            design = design.replace(thermal__radiator_area=None, thermal__coolant_temperature=self.t_coolant)
        try:
            extremes = orbit_extremes(design, result)
        except (RuntimeError, ArithmeticError, np.linalg.LinAlgError) as exc:
            # An integrator that cannot follow the network (extreme loads or capacities) is a finding about this
            # design, not a crash: the orbit extremes stay unchecked, and the design is not called feasible.
            return _infeasible(result, f"the orbit transient did not converge ({exc}): the orbit extremes of the "
                                       f"chips, the battery and the loop are unchecked", transient_note=f"failed: {exc}")
        for reason in _transient_reasons(design, extremes, rated=self.radiator_rated):
            result = _infeasible(result, reason)
        return replace(result, transient=extremes,
                                   transient_note=f"run: {extremes.orbits} orbits of the worst eclipse")


def _infeasible(result: DesignResult, reason: str, **changes: Any) -> DesignResult:
    """A single design's result made infeasible, ``reason`` joined to its reasons."""
    return replace(result, feasible=False, reasons=Reasons.combine(result.reason_codes, reason),
                               **changes)


def _transient_reasons(design: Design, extremes: Any, rated: bool = False) -> list[str]:
    """What the orbit extremes of a single design's node network break: the chips' junction limit, the battery's
    temperature band, the coolant's freezing point at the radiator. ``rated``: the radiator was rated
    (thermal.radiator_area), so the fixes name the area, not the coolant temperature."""
    p, pw, th = design.payload, design.power, design.thermal
    out = []
    peak, limit = extremes.chip_max.m_as("K"), p.junction_limit.m_as("K")
    if peak > limit:
        out.append(f"over the orbit the hottest chip peaks at {peak - 273.15:.1f} degC, above its junction limit "
                   f"({limit - 273.15:.1f} degC): " + ("the radiator is rated for the orbit average, so install more "
                   "thermal.radiator_area" if rated else "the radiator is sized for the orbit average; lower "
                   "thermal.coolant_temperature"))
    low, high = extremes.battery_min.m_as("K"), extremes.battery_max.m_as("K")
    lo_lim, hi_lim = pw.battery_min_temperature.m_as("K"), pw.battery_max_temperature.m_as("K")
    if low < lo_lim or high > hi_lim:
        fix = ("size its radiator for a wider band or add heaters" if th.battery_cooling == "radiator" else
               "put it on its own radiator (thermal.battery_cooling = 'radiator')")
        out.append(f"over the orbit the battery runs {low - 273.15:.1f} to {high - 273.15:.1f} degC, outside its "
                   f"{lo_lim - 273.15:.0f} to {hi_lim - 273.15:.0f} degC range: {fix}")
    # The radiator node is the panels' heat pipes and manifolds, which the loop's coolant runs through.
    coldest = min(extremes.coolant_min.m_as("K"), extremes.radiator_min.m_as("K"))
    freezing = thermal.COOLANTS[th.coolant].freezing_point
    if coldest <= freezing:
        out.append(f"over the orbit the loop cools to {coldest - 273.15:.1f} degC at the radiator, at or below "
                   f"{th.coolant}'s freezing point ({freezing - 273.15:.1f} degC): "
                   + ("install less thermal.radiator_area" if rated else "raise thermal.coolant_temperature")
                   + " or choose another coolant")
    return out


#: Why a sweep's points have no orbit transient (``thermal.transient`` of its table).
_TRANSIENT_SWEEP = "a sweep sizes the steady state only; check a chosen point with spacedc size"


def _unbounded_where(no_launch: np.ndarray, dark: np.ndarray,
                     cost: economics.MissionCost) -> economics.MissionCost:
    """``cost`` with the launch and every sum that holds it infinite where ``no_launch`` (no launch carries the
    satellite), and with no energy delivered and an infinite cost per kW-year and kWh where ``dark`` (its chips
    deliver nothing)."""
    if not (np.any(no_launch) or np.any(dark)):
        return cost
    launch_bound = ("launch", "USD"), ("replacement", "USD"), ("per_satellite", "USD"), ("total", "USD")
    per_energy = ("per_kw_year", "USD/kW/year"), ("per_kwh", "USD/kW/h")
    changes = {name: quantity(np.where(no_launch, np.inf, getattr(cost, name).m_as(unit)), unit)
               for name, unit in launch_bound}
    changes |= {name: quantity(np.where(no_launch | dark, np.inf, getattr(cost, name).m_as(unit)), unit)
                for name, unit in per_energy}
    changes["energy_delivered"] = quantity(np.where(dark, 0.0, cost.energy_delivered.m_as("kW*h")), "kW*h")
    return dataclasses.replace(cost, launches=np.where(no_launch, np.inf, cost.launches), **changes)


def _loop_mass(th: Any, loop: thermal.LoopResult) -> pint.Quantity:
    """Transport lines of every loop: aluminium tube of 1 mm wall and the coolant held (pumps not modelled)."""
    d = th.line_diameter.m_as("m")
    length = th.line_length.m_as("m")
    density = thermal.coolant_properties(th.coolant, loop.radiator_outlet_temperature).density.m_as("kg/m^3")
    tube = np.pi * (d + _LINE_WALL) * _LINE_WALL * materials.material(_LINE_MATERIAL).density
    fluid = np.pi * d**2 / 4 * density
    return quantity(th.loop_count * length * (tube + fluid), "kg")


def _battery_radiator(design: Design, env: Any, loads: Any, load: np.ndarray,
                      array: Any) -> tuple[np.ndarray, np.ndarray, Reasons]:
    """The battery's own radiator (``thermal.battery_cooling = "radiator"``): area, heater power, reasons.

    Area: the battery's discharge loss, P (1/n - 1) in eclipse (n the battery-to-load efficiency, the share the
    transient network gives the battery), averaged over the worst-eclipse orbit, leaves one face at the middle
    of the battery's band against that face's orbit-average absorbed flux (the main radiator's front face, same
    orientation: its full load in sunlight, Earth IR alone in eclipse):
    A = Q_avg / (eps sigma T_mid^4 - q_abs,avg). Zero for a battery on the loop; infinite, with a reason, where
    that face's sink is warmer than T_mid.

    Heater: on an orbit without eclipse the battery makes no heat and its radiator would take it to the sink,
    so a thermostat heater holds it at its minimum against the cold-case sunlit flux,
    P_h = A (eps sigma T_min^4 - q_abs,cold)^+. Those orbits need no recharge, so the heater runs on the array's
    eclipse-recharge share, P_sa - P / X_d; a heater beyond it is infeasible, with its reason.

    The main radiator still carries the whole eclipse path loss (SMAD's X_e, the battery's share included), so
    the battery's heat is counted there too: conservative by that share (about 2 % of sso-100kw's 145 kW).
    """
    pw, th = design.power, design.thermal
    t_e, t_d = env.eclipse_duration.m_as("s"), env.daylight_duration.m_as("s")
    q_avg = load * (1 / pw.battery_discharge_efficiency - 1) * t_e / (t_e + t_d)
    t_min = pw.battery_min_temperature.m_as("K")
    t_mid = (t_min + pw.battery_max_temperature.m_as("K")) / 2
    absorbed = (loads.absorbed_front.m_as("W/m^2") * t_d + loads.earth_ir_front.m_as("W/m^2") * t_e) / (t_e + t_d)
    flux = th.emissivity * _SIGMA * t_mid ** 4 - absorbed
    own = np.asarray(th.battery_cooling == "radiator")
    cold = own & (flux <= 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        area = np.where(own, np.where(cold, np.inf, q_avg / np.where(cold, 1.0, flux)), 0.0)
    cold_case = thermal.environment_loads(altitude=design.orbit.altitude, absorptivity=th.absorptivity,
                                          emissivity=th.emissivity, orientation=th.orientation,
                                          solar_zenith_angle=env.beta_min, case="cold")
    finite = np.isfinite(area)
    heater = np.where(finite, np.where(finite, area, 0.0) * np.maximum(
        th.emissivity * _SIGMA * t_min ** 4 - cold_case.absorbed_front.m_as("W/m^2"), 0.0), 0.0)
    surplus = array.required_power.m_as("W") - load / pw.daylight_path_efficiency
    short = finite & (heater / pw.daylight_path_efficiency > surplus * (1 + 1e-12))
    why = Reasons.mask(
        np.broadcast_shapes(np.shape(cold), np.shape(short)),
        (cold, "the battery radiator's sink is warmer than the middle of the battery's temperature range: widen "
               "the range or use thermal.battery_cooling = 'loop'"),
        (short, "the battery heater of eclipse-free orbits needs more than the array's recharge share: narrow the "
                "battery radiator's duty (a wider band) or add array"))
    return area, heater, why


#: Points of the midpoint rule that averages the array's Earth view over the sunlit arc.
_VIEW_POINTS = 48


def _array_back_view_factor(altitude: pint.Quantity, beta: pint.Quantity, eclipse_fraction: Any) -> np.ndarray:
    """Earth view factor of a sun-tracking array's back face, averaged over the sunlit part of the orbit.

    The back face's normal is -s; its angle from nadir (-r) equals the solar zenith angle zeta, with
    cos(zeta) = cos(beta) cos(theta), theta the orbit angle from the subsolar point, the sunlit arc being
    |theta| <= pi (1 - f_e) (cylindrical shadow centred on midnight). The mean of F(zeta) over that arc
    (:func:`orbit.earth_view_factor`, partial view included) by a midpoint rule, evaluated once per distinct
    orbit of a sweep. At beta = 90 deg the face stays edge-on to Earth: F(90 deg). A hand derivation from the
    orbit geometry (e.g. Gilmore, *Spacecraft Thermal Control Handbook*, vol. I, ch. 2, for zeta).
    """
    h, b, f = np.broadcast_arrays(altitude.m_as("m"), beta.m_as("rad"), np.asarray(eclipse_fraction, dtype=float))
    rows = np.stack([h.ravel(), b.ravel(), f.ravel()], axis=1)
    unique, where = np.unique(rows, axis=0, return_inverse=True)
    arc = np.pi * (1.0 - unique[:, 2:3])
    theta = arc * (np.arange(_VIEW_POINTS) + 0.5) / _VIEW_POINTS
    zeta = np.arccos(np.clip(np.cos(unique[:, 1:2]) * np.cos(theta), -1.0, 1.0))
    view = orbit.earth_view_factor(np.broadcast_to(unique[:, 0:1], zeta.shape) * u.m, zeta * u.rad)
    mean = np.asarray(view).mean(axis=1)
    out = mean[where.reshape(-1)].reshape(h.shape)
    return scalar_or_array(out)


def _eclipse_cycles(env, lifetime) -> np.ndarray:
    """Battery cycles over life: one per orbit on each day that has an eclipse."""
    orbits_per_day = (1 * u.day / env.period).m_as("")
    years = lifetime.m_as("year")
    return env.days_with_eclipse * orbits_per_day * years


def _named(field: str, value: pint.Quantity, unit: str) -> str:
    """``field = value unit`` for a single value, the field's name alone for a sweep's array (a reason's text is
    one per cause, not per point)."""
    return f"{field} = {value.m_as(unit):.4g} {unit}" if np.ndim(value.m) == 0 else field


def _reason(result: Result) -> Reasons:
    return result.reason_codes


def _launch(design: Design, env, payload, compute_power, array, battery, thermal_mass, q_rad, area, needed, panels,
            panel_count, avoidance_delta_v=None):
    """Mass budget, packing and margins (designs.budget) for the sized parts, with the analytic stowed envelope.

    The radiator wings' panels are as long as the installed area needs (as the CAD builds them); the drag
    area is the installed radiator's one face plus the bus face: an edge-on radiator in a dawn-dusk orbit
    holds its plane across the velocity.
    """
    th, g = design.thermal, design.geometry
    finite = np.isfinite(area)
    wings = np.asarray(th.wings)
    per_wing, length = th.wing_panels(area, panel_count)
    width = th.panel_width.m_as("m")
    thickness = (2 * th.face_sheet_thickness + th.core_thickness).m_as("mm")
    racks = g.rack_count(payload.chips_total)  # the spares ride in the racks too
    flexible = "blanket" in power.cell(design.power.cell).construction
    array_length = array.area.m_as("m^2") / (g.array_wings * g.array_wing_width.m_as("m"))
    height, radius = stowed_envelope_estimate(
        bus_width_mm=g.bus_width.m_as("mm"), racks=racks, panels_per_wing=per_wing, panel_width_mm=width * 1e3,
        panel_length_mm=length * 1e3, panel_thickness_mm=thickness, array_flexible=flexible,
        array_width_mm=g.array_wing_width.m_as("mm"), array_length_mm=np.where(np.isfinite(array_length),
                                                                               array_length, 0.0) * 1e3,
        wings=wings)
    face = materials.material(th.face_sheet_material)
    # the face sheets' stiffness is their material's, unless the design states a tested value
    face_modulus = quantity(face.modulus, "Pa") if th.face_sheet_modulus is None else th.face_sheet_modulus
    # Drag area: the radiators' full face (conservative: edge-on to the Sun, they may face the flow) and the
    # bus, plus the sun-tracking array's orbit average. Its normal is the Sun direction s, whose component in
    # the orbit plane is cos(beta); the velocity turns through that plane, so the projected area A |s . v| =
    # A cos(beta) |cos(theta)| averages to (2 / pi) A cos(beta) over an orbit (a hand derivation; the
    # smallest |beta| of the year gives the largest). Dawn-dusk orbits, beta near 90 deg, see almost none.
    a_array = array.area.m_as("m^2")
    array_drag = np.where(np.isfinite(a_array), a_array, 0.0) * np.cos(env.beta_min.m_as("rad")) * 2.0 / np.pi
    radiator_wings = RadiatorWings(
        count=wings, panels_per_wing=per_wing, panel_width=th.panel_width, panel_length=quantity(length, "m"),
        face_sheet_thickness=th.face_sheet_thickness, face_sheet_modulus=face_modulus,
        face_sheet_density=quantity(face.density, "kg/m^3"), core_thickness=th.core_thickness,
        core_density=th.core_density, panel_areal_density=panels.areal_density,
        heat_pipes_per_panel=panels.pipes_per_panel, heat_pipe_diameter=th.pipe_diameter,
        heat_pipe_wall_thickness=th.pipe_wall_thickness)
    launch = budget_and_margins(design.launch, SizedSatellite(
        altitude=env.altitude, inclination=env.inclination, lifetime=design.power.lifetime,
        payload_mass=payload.mass,
        power_mass=_finite_kg(array.mass + battery.mass), array_mass=_finite_kg(array.mass),
        thermal_mass=_finite_kg(thermal_mass), compute_power=compute_power, heat_rejected=quantity(q_rad, "W"),
        radiator_area=quantity(np.where(finite, needed, 1.0), "m^2"), wings=radiator_wings,
        array_wings=g.array_wings, stowed_diameter=quantity(2 * radius, "mm"), stowed_height=quantity(height, "mm"),
        # the primary cylinder runs the bus, interface ring to top deck
        cylinder_height=quantity(bus_height(g.bus_width.m_as("mm"), racks), "mm"),
        drag_area=quantity(np.where(finite, area, 0.0) + g.bus_width.m_as("m") ** 2 + array_drag, "m^2"),
        epoch=design.orbit.epoch, avoidance_delta_v=avoidance_delta_v), design.lifetime)
    return launch, quantity(height, "mm").to("m"), quantity(2 * radius, "mm").to("m")


def _short_panel_reason(th: Any, area: np.ndarray, panel_count: np.ndarray) -> Reasons:
    """Where the installed area, spread over ``thermal.wings`` wings, makes panels too short for the hinge lugs
    that join them (geometry.RadiatorPanelSpec.shortest_length_mm): not buildable, with the reason."""
    _, length = th.wing_panels(area, panel_count)
    shortest = geometry.RadiatorPanelSpec.shortest_length_mm() / 1e3
    short = np.isfinite(area) & (length <= shortest)
    return Reasons.mask(np.shape(short), (
        short, f"thermal.wings spreads the radiator so thin that its panels come out shorter than the "
               f"{shortest * 1e3:.0f} mm their hinge lugs need: use fewer wings or narrower panels "
               f"(thermal.panel_width)"))


def _finite_kg(mass: pint.Quantity) -> pint.Quantity:
    """Masses of infeasible parts (unbounded) enter the launch checks as zero: those points are already
    infeasible with their own reason, and the other checks still run for the rest of a sweep."""
    m = mass.m_as("kg")
    return quantity(np.where(np.isfinite(m), m, 0.0), "kg")
