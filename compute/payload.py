"""The compute payload as flown: active and spare chips, their power and mass, survival and availability.

:func:`compute_payload` sizes the spares (or takes a count), then gives the chips' power (hot spares are
powered), mass, the chance that the compute target is met at end of life, the expected working fraction,
and the availability with single-event crash downtime (:mod:`spacedc.compute.radiation`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.compute.radiation import DEFAULT_RECOVERY_TIME, DEFAULT_SDC_RATE, DEFAULT_SEFI_RATE
from spacedc.compute.reliability import _count, _inputs, _mean_over_life, _survival, spares_for
from spacedc.results import Reasons, Result
from spacedc.units import fraction as _fraction
from spacedc.units import named_shapes, quantity, scalar_or_array, si

__all__ = ["ComputePayload", "compute_payload", "DEFAULT_CONFIDENCE", "DEFAULT_FRACTION"]

#: Default end-of-life target: all of the active compute (fraction 1) with 90 % confidence. spacedc's choice
#: (no standard sets it); the issue's "a stated fraction with a stated confidence".
DEFAULT_FRACTION = 1.0
DEFAULT_CONFIDENCE = 0.9


@dataclasses.dataclass(frozen=True)
class ComputePayload(Result):
    """Result of :func:`compute_payload`. Fields broadcast over the inputs.

    Attributes
    ----------
    chips_active, chips_spare, chips_total : int
        Chips needed at the start, spares flown (-1 where no count meets the target) and their sum (the
        active count where the spares are -1).
    power : Quantity [W]
        Active chips at chip_power plus hot spares at hot_spare_power_fraction x chip_power; cold spares
        are unpowered.
    mass : Quantity [kg]
        All chips flown.
    chip_reliability : float
        R(t) of one chip at end of life, exp(-(lambda t)^beta).
    probability_target_met : float
        P(at least ceil(fraction x active) chips work at end of life).
    expected_working_fraction_eol : float
        E[min(working, active)] / active at end of life: 1 where the spares cover every failure.
    mean_working_fraction : float
        The same expectation averaged over the life, (1/T) int_0^T E[min(W(t), active)] / active dt
        (Gauss-Legendre, :data:`spacedc.compute.reliability.LIFE_AVERAGE_NODES` nodes): the share of the
        active compute delivered over the mission, for the cost of a kWh.
    sefi_availability : float
        1 - SEFI rate x recovery time, per chip.
    availability : float
        expected_working_fraction_eol x sefi_availability: the expected fraction of the active compute
        delivered at end of life, crash downtime included.
    mean_availability : float
        mean_working_fraction x sefi_availability: the same over the whole life.
    sefi_rate, sdc_rate : Quantity [1/day]
        Events per day of the active chips together (per-chip rate x active).
    feasible : bool
    reasons : str
    """

    chips_active: Any
    chips_spare: Any
    chips_total: Any
    power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    chip_reliability: Any
    probability_target_met: Any
    expected_working_fraction_eol: Any
    sefi_availability: Any
    availability: Any
    mean_working_fraction: Any
    mean_availability: Any
    sefi_rate: pint.Quantity = dataclasses.field(metadata={"unit": "1/day"})
    sdc_rate: pint.Quantity = dataclasses.field(metadata={"unit": "1/day"})
    feasible: Any
    reasons: Any


def _on_distinct(fn: Any, *inputs: Any) -> tuple[np.ndarray, ...]:
    """``fn`` on each distinct combination of the broadcast ``inputs`` once, its outputs scattered back to every
    point.

    Exact (a point's value is fn of its own inputs), so a batch gives what its points give alone; a sweep over
    fields these inputs do not hold evaluates the survival integrals once, not once a point. Each input is coded
    by its own distinct values (a 1-D sort), the codes joined into one integer key per point.
    """
    arrays = [np.asarray(v) for v in inputs]
    shape = np.broadcast_shapes(*(a.shape for a in arrays))
    key = np.zeros(shape, dtype=np.int64)
    columns = []
    for a in arrays:
        values, code = np.unique(a, return_inverse=True)
        columns.append(values)
        key = key * len(values) + np.broadcast_to(code.reshape(a.shape), shape)
    distinct, where = np.unique(key, return_inverse=True)
    # back from each distinct key to the value of every input (mixed radix, last input fastest)
    picked, rest = [], distinct
    for values in reversed(columns):
        picked.append(values[rest % len(values)])
        rest = rest // len(values)
    return tuple(np.asarray(out)[where.reshape(shape)] for out in fn(*reversed(picked)))


@named_shapes
def compute_payload(active: Any, *, chip_power: Any, chip_mass: Any, failure_rate: Any, duration: Any,
                    spares: Any = None, fraction: Any = DEFAULT_FRACTION, confidence: Any = DEFAULT_CONFIDENCE,
                    spare_mode: str = "hot", hot_spare_power_fraction: Any = 1.0, weibull_shape: Any = 1.0,
                    sefi_rate: Any = DEFAULT_SEFI_RATE, recovery_time: Any = DEFAULT_RECOVERY_TIME,
                    sdc_rate: Any = DEFAULT_SDC_RATE) -> ComputePayload:
    """Size the chips of a compute payload nobody can repair.

    Spares: :func:`spacedc.compute.spares_for` (the smallest count meeting ``fraction`` of ``active`` at end
    of life with ``confidence``), unless ``spares`` gives the count. Then, with s spares:

    * power P = active x P_chip + (s x f_hot x P_chip if hot) [W]; mass M = (active + s) x m_chip [kg];
    * probability_target_met and expected_working_fraction_eol from
      :func:`spacedc.compute.payload_survival` (exact binomial for hot spares, the Erlang-binomial
      convolution for cold ones);
    * availability = expected_working_fraction_eol x (1 - r_SEFI tau) (:func:`spacedc.compute.sefi_availability`);
    * SEFI and SDC rates of the active chips together, per day.

    A point is infeasible where no finite spare count meets the target, where a given count misses it
    (probability below ``confidence``), or where r_SEFI tau >= 1.

    Parameters
    ----------
    active : int or array of int
        Chips that must run at the start (>= 1).
    chip_power : Quantity [power]
        Power of one chip (>= 0).
    chip_mass : Quantity [mass]
        Mass of one chip with its share of board and cold plate (>= 0).
    failure_rate : Quantity [1/time]
        Permanent failure rate of one chip, e.g. :func:`spacedc.compute.fleet_failure_rate`.
    duration : Quantity [time]
        Mission life.
    spares : int or array of int, optional
        Spare count; None sizes it.
    fraction, confidence : float
        End-of-life target (default all active compute with 90 %).
    spare_mode : {"hot", "cold"}
    hot_spare_power_fraction : float
        Power of a hot spare as a fraction of chip_power, 0 to 1 (idle but powered spares draw less).
    weibull_shape : float
        Weibull beta of the chip life (1: exponential); hot spares only for beta != 1.
    sefi_rate, sdc_rate : Quantity [1/time]
        Per chip (defaults zero: see :mod:`spacedc.compute.radiation`).
    recovery_time : Quantity [time]
        Per SEFI.

    Returns
    -------
    ComputePayload

    Examples
    --------
    100 chips of 1 kW and 2 kg at 12,622 FIT for 5 years, all needed with 90 %, hot spares:

    >>> p = compute_payload(100, chip_power="1 kW", chip_mass="2 kg", failure_rate="12622 FIT",
    ...                     duration="5 year")
    >>> p.chips_spare, round(p.power.m_as("kW")), round(p.probability_target_met, 3)
    (89, 189, 0.912)
    """
    a, k, x, r = _inputs(active, failure_rate, duration, fraction, weibull_shape, spare_mode)
    if np.any(a < 1):
        raise ValueError(f"active = {active!r}: expected at least 1 chip")
    p_chip = si(chip_power, "W", "chip_power", lo=0)
    m_chip = si(chip_mass, "kg", "chip_mass", lo=0)
    f_hot = _fraction(hot_spare_power_fraction, "hot_spare_power_fraction")
    conf = _fraction(confidence, "confidence", lo=0, hi=1, lo_open=True, hi_open=True)
    r_sefi = si(sefi_rate, "1/day", "sefi_rate", lo=0)
    r_sdc = si(sdc_rate, "1/day", "sdc_rate", lo=0)
    tau = si(recovery_time, "day", "recovery_time", lo=0)
    frac = _fraction(fraction, "fraction")
    beta = _fraction(weibull_shape, "weibull_shape", lo=0, hi=None, lo_open=True)
    if spares is None:
        # once per distinct (active, lambda t, fraction, confidence, shape): a sweep over anything else (chip
        # power, the orbit) sizes its spares once, exactly as each point alone would
        s = _on_distinct(lambda a_, x_, f_, c_, b_: (np.asarray(spares_for(
            a_.astype(np.int64), quantity(x_, "1/hour"), "1 hour", fraction=f_, confidence=c_, mode=spare_mode,
            weibull_shape=b_), dtype=np.int64),), a, x, frac, conf, beta)[0]
    else:
        s = _count(spares, "spares")
    a, k, x, r, s, conf, p_chip, m_chip, f_hot, r_sefi, r_sdc, tau, beta = np.broadcast_arrays(
        a, k, x, r, s, conf, p_chip, m_chip, f_hot, r_sefi, r_sdc, tau, beta)
    none = s < 0
    s_used = np.where(none, 0, s)
    prob, working, mean_working = _on_distinct(
        lambda a_, s_, k_, x_, r_, b_: (*_survival(spare_mode, a_, s_, k_, x_, r_),
                                        _mean_over_life(spare_mode, a_, s_, x_, b_)),
        a, s_used, k, x, r, beta)
    hot = 1.0 if spare_mode == "hot" else 0.0
    power = a * p_chip + hot * s_used * f_hot * p_chip
    mass = (a + s_used) * m_chip
    down = r_sefi * tau
    crash = down >= 1.0
    a_sefi = np.where(crash, 0.0, 1.0 - down)
    missed = (prob < conf) & ~none
    why = Reasons.mask(a.shape, (none, "no finite spare count meets the end-of-life compute target"),
                       (missed, "the spares given miss the end-of-life compute target at the stated confidence"),
                       (crash, "SEFI rate x recovery time >= 1: the chips never finish recovering"))
    return ComputePayload(
        chips_active=scalar_or_array(a, int), chips_spare=scalar_or_array(s, int),
        chips_total=scalar_or_array(a + s_used, int), power=quantity(power, "W"), mass=quantity(mass, "kg"),
        chip_reliability=scalar_or_array(r), probability_target_met=scalar_or_array(prob),
        expected_working_fraction_eol=scalar_or_array(working), sefi_availability=scalar_or_array(a_sefi),
        availability=scalar_or_array(working * a_sefi), mean_working_fraction=scalar_or_array(mean_working),
        mean_availability=scalar_or_array(mean_working * a_sefi), sefi_rate=quantity(a * r_sefi, "1/day"),
        sdc_rate=quantity(a * r_sdc, "1/day"), feasible=scalar_or_array(~(none | missed | crash), bool),
        reasons=why)
