"""compute: the payload nobody can repair -- chip failures, spares, radiation effects and availability.

On the core and :mod:`spacedc.orbit` only. One module per topic:

* :mod:`compute.reliability` -- :func:`k_of_n` (binomial k-out-of-n), :func:`standby_reliability` (one unit
  with cold spares), :func:`weibull_reliability`, :func:`payload_survival` and :func:`spares_for` (hot or
  cold spares for a fraction of the compute at end of life with a stated confidence).
* :mod:`compute.failures` -- :data:`FLEET_FAILURES`, measured causes of failure of a GPU fleet by source,
  permanent or transient, and :func:`fleet_failure_rate` in FIT.
* :mod:`compute.radiation` -- the part's response to a given dose: :func:`dose_margin` (radiation design
  margin), single-event rates (:func:`event_rate`, :func:`rate_from_dose`), :func:`sefi_availability`.
* :mod:`compute.payload` -- :func:`compute_payload`: chips active and spare, power, mass, survival and
  availability.

Failure rates are Quantities in ``FIT`` (failures per 10^9 device-hours) or any 1/time; doses in ``rads``
(rad(Si)) or Gy. Everything broadcasts.

>>> from spacedc import compute
>>> round(compute.k_of_n(2, 3, 0.9), 3)
0.972
>>> compute.spares_for(100, compute.fleet_failure_rate("Dubey2024"), "5 year", fraction=0.9)
71
"""

from spacedc.compute.failures import (FLEET_FAILURES, FLEET_SOURCES, PARTS, FailureCause, fleet_exposure,
                                      fleet_failure_rate)
from spacedc.compute.payload import DEFAULT_CONFIDENCE, DEFAULT_FRACTION, ComputePayload, compute_payload
from spacedc.compute.radiation import (DEFAULT_DESIGN_MARGIN, DEFAULT_RECOVERY_TIME, DEFAULT_SDC_RATE,
                                       DEFAULT_SEFI_RATE, SUNCATCHER_TID_TOLERANCE, dose_margin, event_rate,
                                       rate_from_dose, sefi_availability)
from spacedc.compute.reliability import (QUADRATURE_NODES, SPARE_MODES, k_of_n, payload_survival, spares_for,
                                         standby_reliability, weibull_reliability)

__all__ = [
    "k_of_n", "standby_reliability", "weibull_reliability", "payload_survival", "spares_for", "SPARE_MODES",
    "QUADRATURE_NODES",
    "FLEET_FAILURES", "FLEET_SOURCES", "PARTS", "FailureCause", "fleet_exposure", "fleet_failure_rate",
    "SUNCATCHER_TID_TOLERANCE", "DEFAULT_DESIGN_MARGIN", "DEFAULT_SEFI_RATE", "DEFAULT_SDC_RATE",
    "DEFAULT_RECOVERY_TIME", "dose_margin", "event_rate", "rate_from_dose", "sefi_availability",
    "ComputePayload", "compute_payload", "DEFAULT_CONFIDENCE", "DEFAULT_FRACTION",
]
