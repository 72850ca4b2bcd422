"""The radiation response of the compute part, given a dose: total-dose margin, crashes and silent errors.

The dose itself comes from the orbit (``spacedc.orbit.total_dose``, by altitude, inclination, shielding and
duration); this module takes it as an input.

* :func:`dose_margin` -- margin of the part's total-dose tolerance over the mission dose, with the radiation
  design margin (RDM) convention of [ECSS-E-ST-10-12C] and NASA practice [NASA-LL0792].
* :func:`event_rate` -- a single-event rate from a beam-test cross-section and the orbit's particle flux.
* :func:`rate_from_dose` -- a rate from events per unit dose (a beam test's count over its dose) and the
  orbit's dose rate.
* :func:`sefi_availability` -- the fraction of time a chip is not recovering from single-event functional
  interrupts (crashes): 1 - rate x recovery time.

Defaults, in one place: :data:`SUNCATCHER_TID_TOLERANCE` (the Trillium TPU's total dose without a hard
failure, [Suncatcher2025], 2nd-hand) and :data:`DEFAULT_DESIGN_MARGIN`. No SEFI or SDC rate is given as a
default: [Suncatcher2025] characterizes the TPU's bit-flip and HBM error rates under protons, but its figures
were not reached here to be checked, so :data:`DEFAULT_SEFI_RATE` and :data:`DEFAULT_SDC_RATE` are zero and a
design should set them from a beam test (:func:`event_rate`, :func:`rate_from_dose`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pint

from spacedc.results import mask_reasons
from spacedc.units import Q_, fraction, named_shapes, quantity, scalar_or_array, si

__all__ = ["SUNCATCHER_TID_TOLERANCE", "DEFAULT_DESIGN_MARGIN", "DEFAULT_SEFI_RATE", "DEFAULT_SDC_RATE",
           "DEFAULT_RECOVERY_TIME", "dose_margin", "event_rate", "rate_from_dose", "sefi_availability"]

#: Total ionizing dose the Trillium (TPU v6e) survived without a hard failure in a 67 MeV proton beam: 15
#: krad(Si). [Suncatcher2025], read 2nd-hand (a summary of the paper; the figure was not checked against the
#: paper itself). The paper's abstract (checked) says the TPUs survive a dose equivalent to a 5-year mission
#: without permanent failures.
SUNCATCHER_TID_TOLERANCE = Q_(15.0, "krad_Si")

#: Minimum radiation design margin, RDM = tolerance / dose >= 2: NASA practice [NASA-LL0792] and the usual
#: MRDM of [ECSS-E-ST-10-12C] sec. 5.2 for total dose (2nd-hand, through a summary of the standard).
DEFAULT_DESIGN_MARGIN = 2.0

#: Single-event functional interrupts per chip per day: no sourced default (see the module docstring).
DEFAULT_SEFI_RATE = Q_(0.0, "1/day")
#: Silent data corruptions per chip per day: no sourced default (see the module docstring).
DEFAULT_SDC_RATE = Q_(0.0, "1/day")
#: Time to recover a chip from a SEFI (reset and restart from checkpoint): no sourced default.
DEFAULT_RECOVERY_TIME = Q_(0.0, "s")


@named_shapes
def dose_margin(dose: Any, tolerance: Any = SUNCATCHER_TID_TOLERANCE,
                design_margin: Any = DEFAULT_DESIGN_MARGIN) -> float | np.ndarray:
    """Margin of a part's total-dose tolerance over the mission dose, after the radiation design margin.

    .. math::

        M = \\frac{D_{tol}}{\\mathrm{RDM}\\; D_{mission}} - 1

    RDM = D_tol / D_mission is the radiation design margin of [ECSS-E-ST-10-12C] and [NASA-LL0792]; a part
    passes when its RDM is at least the required one (``design_margin``, 2 by default), i.e. when M >= 0.

    Parameters
    ----------
    dose : Quantity [rad_Si or Gy]
        Mission total ionizing dose at the part, rad(Si) (``rad_Si``, 0.01 Gy; pint's ``rad`` is the radian) (> 0).
    tolerance : Quantity [rad_Si or Gy]
        Dose the part survives (default :data:`SUNCATCHER_TID_TOLERANCE`, 15 krad(Si)) (> 0).
    design_margin : float
        Required RDM (>= 1).

    Returns
    -------
    float or numpy.ndarray
        M; negative where the part fails the requirement.

    Examples
    --------
    A 5-year dose of 3 krad(Si) against 15 krad(Si) with RDM 2: 15 / (2 x 3) - 1 = 1.5.

    >>> dose_margin("3 krad_Si")
    1.5
    """
    d = si(dose, "rad_Si", "dose", lo=0, lo_open=True)
    tol = si(tolerance, "rad_Si", "tolerance", lo=0, lo_open=True)
    rdm = fraction(design_margin, "design_margin", lo=1, hi=None)
    return scalar_or_array(tol / (rdm * d) - 1.0)


@named_shapes
def event_rate(cross_section: Any, flux: Any) -> pint.Quantity:
    """Single-event rate of one device: cross-section times the flux of particles that can cause it.

    .. math::

        r = \\sigma\\, \\Phi

    with sigma the saturated (or energy-folded) device cross-section from a beam test [cm^2] and Phi the
    orbit's flux above the effect's threshold energy [cm^-2 s^-1] (the proton SEE rate method of
    [ECSS-E-ST-10-12C]; a monoenergetic test stands for the spectrum above its energy, an approximation).

    Parameters
    ----------
    cross_section : Quantity [area]
        (>= 0).
    flux : Quantity [1/(area time)]
        (>= 0).

    Returns
    -------
    Quantity [1/day]

    Examples
    --------
    >>> event_rate("1e-10 cm^2", "100 1/cm^2/s").m_as("1/day")  # 1e-8 /s
    0.000864
    """
    sigma = si(cross_section, "cm^2", "cross_section", lo=0)
    phi = si(flux, "1/cm^2/s", "flux", lo=0)
    return quantity(sigma * phi * 86400.0, "1/day")


@named_shapes
def rate_from_dose(events_per_dose: Any, dose_rate: Any) -> pint.Quantity:
    """An event rate from events per unit dose and the orbit's dose rate: r = (N / D)_test x dD/dt.

    A beam test that saw N events while the part took a dose D gives N / D; scaled by the dose rate in orbit
    (the orbit's total dose over its duration) it gives a rate per chip. This treats dose as a proxy for the
    fluence of the particles that cause the events, which holds where the orbit's dose is dominated by
    protons of energies like the test's; it is an estimate, not a spectrum-folded rate (:func:`event_rate`).

    Parameters
    ----------
    events_per_dose : Quantity [1/rad_Si]
        e.g. ``"0.5 1/krad_Si"`` (>= 0).
    dose_rate : Quantity [rad_Si/time]
        e.g. ``"600 rad_Si/year"`` (>= 0).

    Returns
    -------
    Quantity [1/day]

    Examples
    --------
    >>> round(rate_from_dose("1 1/krad_Si", "365.25 rad_Si/year").m_as("1/day"), 6)
    0.001
    """
    n = si(events_per_dose, "1/rad_Si", "events_per_dose", lo=0)
    rate = si(dose_rate, "rad_Si/day", "dose_rate", lo=0)
    return quantity(n * rate, "1/day")


@named_shapes
def sefi_availability(sefi_rate: Any = DEFAULT_SEFI_RATE, recovery_time: Any = DEFAULT_RECOVERY_TIME
                      ) -> tuple[Any, Any, Any]:
    """Fraction of time a chip computes rather than recovers from crashes: A = 1 - r tau.

    r is the SEFI rate per chip per unit of calendar time and tau the recovery time (detect, reset, restart
    from checkpoint); each interrupt costs tau. Valid while r tau < 1; beyond, the chip never finishes a
    recovery before the next crash, A is reported as 0 and the point is infeasible.

    Parameters
    ----------
    sefi_rate : Quantity [1/time]
        (>= 0).
    recovery_time : Quantity [time]
        (>= 0).

    Returns
    -------
    (availability, feasible, reasons)
        float(s), bool(s), str(s).

    Examples
    --------
    One crash every 10 days at 1 hour each: 1 - 1/240.

    >>> a, ok, why = sefi_availability("0.1 1/day", "1 hour")
    >>> round(a, 6), ok
    (0.995833, True)
    """
    r = si(sefi_rate, "1/s", "sefi_rate", lo=0)
    tau = si(recovery_time, "s", "recovery_time", lo=0)
    down = r * tau
    bad = down >= 1.0
    a = np.where(bad, 0.0, 1.0 - down)
    why = mask_reasons(np.shape(a), (bad, "SEFI rate x recovery time >= 1: the chips never finish recovering"))
    return scalar_or_array(a), scalar_or_array(~bad, bool), scalar_or_array(why, str)
