"""Measured fleet failure data of AI accelerators, and the failure rates derived from it.

:data:`FLEET_FAILURES` is a table of causes, one row per cause and source: the count of events, the exposure
in device-hours, the part that failed, and whether the failure is permanent (the chip is lost and a spare
is needed in orbit) or transient (a restart recovers it). :func:`fleet_failure_rate` sums counts over
exposure into a rate in FIT (failures per 10^9 device-hours, [JESD85]).

Sources:

* [Dubey2024] (Meta's Llama 3 report), the table of root causes of the 419 unexpected interruptions in a
  54-day snapshot of pre-training on 16,384 H100 GPUs. Exposure 16,384 x 54 x 24 = 21,233,664 GPU-hours;
  every cause is counted per GPU of the cluster (host and network causes too).
  Checked against secondary copies (2nd-hand; the paper's table itself was not reached): 419 unexpected and
  466 interruptions in all (47 planned), faulty GPU 148 (30.1 %), GPU HBM3 memory 72 (17.2 %), network
  switch/cable 35 (8.4 %), GPU SRAM memory 19 (4.5 %), GPU system processor 17 (4.1 %), CPU 2, silent data
  corruption 6. The other counts are as the brief of this module transcribed them (*not verified*); the 18
  counts add up to 419.
* [Cui2025] (NCSA Delta, 1,056 A100 and H100 GPUs, 2.5 years, 11.7 million GPU-hours; H100 memory MTBE 3.2x
  lower than A100's; about 5 % over-provisioning needed): per-cause counts were not found in a form that
  could be checked, so no rows.
* [Ostrouchov2020] (Titan, 18,688 GPUs, over 100,000 GPU-years over a 6-year productive period, survival
  analysis of lifetimes): the fitted Weibull parameters were not found, so no rows. Pass a Weibull shape to
  :func:`spacedc.compute.spares_for` for wear-out.

Permanence is spacedc's classification, not the sources': a fault of the accelerator package (GPU, its HBM,
SRAM, system processor, thermal interface or sensor) is taken as permanent, because in orbit nobody swaps
the part and a chip with a hard memory fault is retired; a chip found to corrupt data silently is retired
too. Software, timeouts, maintenance and dependencies are transient. Host, network and storage hardware
(NIC, switch, SSD, power supply, chassis, CPU, system memory) is permanent for that part but is not an
accelerator loss: ``part`` tells them apart.
"""

from __future__ import annotations

import dataclasses

import pint

from spacedc.units import quantity

__all__ = ["FailureCause", "FLEET_FAILURES", "FLEET_SOURCES", "PARTS", "fleet_exposure", "fleet_failure_rate"]

#: Parts a cause is charged to.
PARTS = ("accelerator", "host", "network", "software")

#: Exposure of each source, device-hours: [Dubey2024] 16,384 H100 GPUs x 54 days x 24 h.
FLEET_SOURCES: dict[str, float] = {"Dubey2024": 16384 * 54 * 24.0}


@dataclasses.dataclass(frozen=True)
class FailureCause:
    """One cause of failure in a fleet: a row of :data:`FLEET_FAILURES`.

    Attributes
    ----------
    source : str
        Key of the source in docs/references.md.
    cause : str
        The cause as the source names it.
    count : int
        Events in the exposure.
    exposure_hours : float
        Device-hours of the exposure [h].
    part : str
        One of :data:`PARTS`.
    permanent : bool
        True where the part is lost (a spare is needed), False where a restart recovers it.
    verified : bool
        True where the count was checked against a (secondary) copy of the source.
    """

    source: str
    cause: str
    count: int
    exposure_hours: float
    part: str
    permanent: bool
    verified: bool

    @property
    def rate(self) -> pint.Quantity:
        """count / exposure, in FIT."""
        return quantity(self.count / self.exposure_hours * 1e9, "FIT")


def _llama3(cause: str, count: int, part: str, permanent: bool, verified: bool = False) -> FailureCause:
    return FailureCause("Dubey2024", cause, count, FLEET_SOURCES["Dubey2024"], part, permanent, verified)


#: Causes of unexpected interruptions, [Dubey2024] (Llama 3 pre-training, 54 days, 16,384 H100).
FLEET_FAILURES: tuple[FailureCause, ...] = (
    _llama3("Faulty GPU", 148, "accelerator", True, True),
    _llama3("GPU HBM3 memory", 72, "accelerator", True, True),
    _llama3("Software bug", 54, "software", False),
    _llama3("Network switch/cable", 35, "network", True, True),
    _llama3("Host maintenance", 32, "host", False),
    _llama3("GPU SRAM memory", 19, "accelerator", True, True),
    _llama3("GPU system processor", 17, "accelerator", True, True),
    _llama3("NIC", 7, "network", True),
    _llama3("NCCL watchdog timeouts", 7, "software", False),
    _llama3("Silent data corruption", 6, "accelerator", True, True),
    _llama3("GPU thermal interface and sensor", 6, "accelerator", True),
    _llama3("SSD", 3, "host", True),
    _llama3("Power supply", 3, "host", True),
    _llama3("Server chassis", 2, "host", True),
    _llama3("IO expansion board", 2, "host", True),
    _llama3("Dependency", 2, "software", False),
    _llama3("CPU", 2, "host", True, True),
    _llama3("System memory", 2, "host", True),
)


def _rows(source: str) -> tuple[FailureCause, ...]:
    rows = tuple(r for r in FLEET_FAILURES if r.source == source)
    if not rows:
        known = sorted({r.source for r in FLEET_FAILURES})
        raise ValueError(f"source = {source!r}: no fleet data; known: {', '.join(known)}")
    return rows


def fleet_exposure(source: str) -> pint.Quantity:
    """The exposure of a source's fleet in device-hours (a Quantity in hours)."""
    _rows(source)
    return quantity(FLEET_SOURCES[source], "hour")


def fleet_failure_rate(source: str = "Dubey2024", *, permanent_only: bool = True,
                       parts: tuple[str, ...] | None = ("accelerator",)) -> pint.Quantity:
    """Failure rate per device from a fleet's counts: lambda = sum(count) / exposure, in FIT.

    Parameters
    ----------
    source : str
        A source key of :data:`FLEET_FAILURES` ("Dubey2024").
    permanent_only : bool
        Count only permanent failures (those that consume a spare); False counts every interruption.
    parts : tuple of str or None
        Parts counted (:data:`PARTS`); None counts all. The default, accelerator failures only, is the rate
        that sizes the chip spares.

    Returns
    -------
    Quantity [FIT]

    Examples
    --------
    Permanent accelerator failures in [Dubey2024]: 148 + 72 + 19 + 17 + 6 + 6 = 268 in 21,233,664 GPU-hours.

    >>> round(fleet_failure_rate("Dubey2024").m_as("FIT"))
    12621
    >>> round(fleet_failure_rate("Dubey2024", permanent_only=False, parts=None).m_as("FIT"))
    19733
    """
    if not isinstance(permanent_only, bool):
        raise TypeError(f"permanent_only = {permanent_only!r}: expected True or False")
    if parts is not None:
        unknown = [p for p in parts if p not in PARTS]
        if isinstance(parts, str) or unknown:
            raise ValueError(f"parts = {parts!r}: expected a tuple of {', '.join(PARTS)}")
    rows = [r for r in _rows(source) if (r.permanent or not permanent_only) and (parts is None or r.part in parts)]
    count = sum(r.count for r in rows)
    return quantity(count / FLEET_SOURCES[source] * 1e9, "FIT")
