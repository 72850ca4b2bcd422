"""Power conditioning losses: the power drawn upstream of a converter chain and the heat it dissipates.

Between the spacecraft bus and an AI chip sit one or more DC-DC stages (a bus converter to an intermediate
voltage, then point-of-load voltage regulators down to about 1 V at the chip). Each stage of efficiency
eta draws P_in = P_out / eta and dissipates P_in - P_out; that heat goes to the radiator.

* :data:`CONVERTERS` -- typical stage efficiencies, each with its source.
* :func:`conditioning_losses` -- one stage (or an overall efficiency).
* :class:`PowerConditioning` -- a chain of stages.

The SMAD path efficiencies X_d, X_e of :func:`power.size_solar_array` cover the array-to-bus path
(regulation, battery); the stages here are downstream of the bus, so the two do not overlap.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Result
from spacedc.units import fraction, named_shapes, quantity, scalar_or_array, si

__all__ = ["Converter", "CONVERTERS", "ConditioningResult", "conditioning_losses", "PowerConditioning"]


@dataclasses.dataclass(frozen=True)
class Converter:
    """One conversion stage: a name, an efficiency at its design load, and a source."""

    name: str
    efficiency: float
    source: str

    def __post_init__(self) -> None:
        fraction(self.efficiency, f"Converter({self.name!r}).efficiency", lo=0, hi=1, lo_open=True)
        if not self.source:
            raise ValueError(f"Converter({self.name!r}): a source is required")


#: Typical conversion stages between a spacecraft bus and the chips: name -> :class:`Converter`.
CONVERTERS: dict[str, Converter] = {
    "bus-converter": Converter(
        "bus-converter", 0.97,
        "Fixed-ratio bus converter (high-voltage bus to 48 V): typical design value; data-centre bus "
        "converters upstream of the voltage regulators are quoted above 97-99% (Virginia Tech dissertation "
        "'48V/1V Voltage Regulator for High-Performance Microprocessors', abstract: 'most converters within the "
        "data center power architecture now boast efficiencies exceeding 99%'); 0.97 allows for a "
        "space-qualified, radiation-tolerant part."),
    "vrm-48v-1v": Converter(
        "vrm-48v-1v", 0.90,
        "48 V to about 1 V voltage-regulator module at a GPU/AI chip: typical design value about 0.90; the "
        "same Virginia Tech dissertation names the VRM, with its high step-down ratio and >1000 A output, as "
        "the efficiency bottleneck of the power chain (2nd-hand range 88-92%)."),
    "harness": Converter(
        "harness", 0.98,
        "Distribution harness I^2 R loss of about 2%: typical design allowance (spacedc choice)."),
}


@dataclasses.dataclass(frozen=True)
class ConditioningResult(Result):
    """Result of :func:`conditioning_losses` and :meth:`PowerConditioning.losses`.

    Attributes
    ----------
    input_power : Quantity [W]
        Power drawn upstream, P_in = P_out / eta.
    heat : Quantity [W]
        Dissipated heat, P_in - P_out.
    efficiency : float
        Overall efficiency of the chain.
    """

    input_power: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    heat: pint.Quantity = dataclasses.field(metadata={"unit": "W"})
    efficiency: Any


def _losses(p_out: np.ndarray, eta: np.ndarray) -> ConditioningResult:
    p_in = p_out / eta
    p_in, heat, eta = np.broadcast_arrays(p_in, p_in - p_out, eta)
    return ConditioningResult(input_power=quantity(p_in, "W"), heat=quantity(heat, "W"),
                              efficiency=scalar_or_array(eta))


@named_shapes
def conditioning_losses(load: Any, efficiency: Any) -> ConditioningResult:
    """Input power and heat of a converter of given efficiency delivering ``load``.

    P_in = P_load / eta, Q = P_in - P_load = P_load (1 - eta) / eta.

    Parameters
    ----------
    load : Quantity [W]
        Power delivered downstream (>= 0).
    efficiency : float
        Converter efficiency (0, 1]; see :data:`CONVERTERS` for typical values.

    Examples
    --------
    >>> r = conditioning_losses("1000 W", 0.9)
    >>> round(r.input_power.m, 1), round(r.heat.m, 1)
    (1111.1, 111.1)
    """
    p_out = si(load, "W", "load", lo=0)
    eta = fraction(efficiency, "efficiency", lo=0, hi=1, lo_open=True)
    return _losses(p_out, eta)


@dataclasses.dataclass(frozen=True)
class PowerConditioning:
    """A chain of conversion stages from the bus to the load, upstream first.

    Parameters
    ----------
    stages : tuple of Converter
        The stages in series; overall efficiency is their product.

    Examples
    --------
    >>> chain = PowerConditioning.from_names("bus-converter", "vrm-48v-1v")
    >>> round(chain.efficiency, 3)
    0.873
    """

    stages: tuple[Converter, ...]

    def __post_init__(self) -> None:
        if not self.stages or not all(isinstance(s, Converter) for s in self.stages):
            raise TypeError("stages: expected a non-empty tuple of Converter")

    @classmethod
    def from_names(cls, *names: str) -> PowerConditioning:
        """Build a chain from keys of :data:`CONVERTERS`; an unknown name raises and lists the known ones."""
        unknown = [n for n in names if n not in CONVERTERS]
        if unknown:
            raise ValueError(f"stages: unknown converter(s) {unknown}; known: {', '.join(sorted(CONVERTERS))}")
        return cls(tuple(CONVERTERS[n] for n in names))

    @property
    def efficiency(self) -> float:
        """Overall efficiency, the product of the stage efficiencies."""
        return float(np.prod([s.efficiency for s in self.stages]))

    def losses(self, load: Any) -> ConditioningResult:
        """Input power and total heat of the chain delivering ``load`` [W] (broadcasts)."""
        return _losses(si(load, "W", "load", lo=0), np.asarray(self.efficiency))
