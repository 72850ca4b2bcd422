"""The chip's heat path, junction to coolant: the junction temperature and the hottest radiator inlet a junction
limit allows.

Junction limit: the hottest chip sits where its coolant is hottest, at the cold-plate outlet, which feeds the
radiator inlet (adiabatic lines). So

    T_j = T_rad,in + P_chip (R_jc + R_cp + 1 / (h A_w)),
    T_rad,in,max = T_j,max - P_chip (R_jc + R_cp + 1 / (h A_w)).

The pump's power ends up as heat in the coolant; add it to the heat load where it matters.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.units import named_shapes, quantity, scalar_or_array, si

__all__ = ["HeatPathResult", "junction_temperature", "max_radiator_temperature"]


def _path_inputs(chip_power, junction_to_case, cold_plate_resistance, film_coefficient, wetted_area):
    p = si(chip_power, "W", "chip_power", lo=0)
    r_jc = si(junction_to_case, "K/W", "junction_to_case", lo=0)
    r_cp = si(cold_plate_resistance, "K/W", "cold_plate_resistance", lo=0)
    if (film_coefficient is None) != (wetted_area is None):
        raise ValueError("film_coefficient / wetted_area: give both (the film resistance is 1 / (h A_w)) or "
                         "neither (film included in cold_plate_resistance)")
    if film_coefficient is None:
        r_film = np.zeros(())
    else:
        h = si(film_coefficient, "W/m^2/K", "film_coefficient", lo=0, lo_open=True)
        a_w = si(wetted_area, "m^2", "wetted_area", lo=0, lo_open=True)
        r_film = 1.0 / (h * a_w)
    return p * r_jc, p * r_cp, p * r_film


@dataclasses.dataclass(frozen=True)
class HeatPathResult(Result):
    """The hottest radiator inlet a chip's junction limit allows. Fields broadcast.

    Attributes
    ----------
    radiator_inlet_temperature : Quantity [K]
        Highest allowed coolant temperature at the cold-plate outlet = radiator inlet (0 K where the path
        alone exceeds the junction limit).
    junction_temperature : Quantity [K]
        The junction limit.
    junction_to_case_drop, cold_plate_drop, film_drop, temperature_drop : Quantity [K]
        P R_jc, P R_cp, P / (h A_w) and their sum.
    feasible : bool or ndarray
        False where the allowed inlet is at or below the sink temperature.
    reasons : str or ndarray
    """

    radiator_inlet_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    junction_temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    junction_to_case_drop: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    cold_plate_drop: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    film_drop: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    temperature_drop: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    feasible: bool | np.ndarray
    reasons: str | np.ndarray


@named_shapes
def max_radiator_temperature(*, junction_temperature_max: Any, chip_power: Any, junction_to_case: Any,
                             cold_plate_resistance: Any, film_coefficient: Any = None, wetted_area: Any = None,
                             sink_temperature: Any = "3 K") -> HeatPathResult:
    """The hottest radiator inlet temperature that keeps every chip junction at or below its limit.

    Parameters
    ----------
    junction_temperature_max : Quantity [K]
        Junction limit (datacenter GPUs: about 85-105 C).
    chip_power : Quantity [W]
        Heat of one chip, >= 0.
    junction_to_case : Quantity [K/W]
        R_jc of the chip package, >= 0.
    cold_plate_resistance : Quantity [K/W]
        Case to cold-plate wall per chip (interface material and plate conduction), >= 0.
    film_coefficient : Quantity [W/(m^2 K)], optional
        Coolant-side film coefficient (:func:`convection_coefficient`); with ``wetted_area``.
    wetted_area : Quantity [m^2], optional
        Wetted channel area under one chip.
    sink_temperature : Quantity [K]
        Radiator sink; the result is infeasible where the allowed inlet is not above it.

    Returns
    -------
    HeatPathResult
        T_rad,in,max = T_j,max - P (R_jc + R_cp + 1/(h A_w)): the hottest chip sits at the cold-plate
        outlet, where its coolant is at the radiator inlet temperature (module docstring).
    """
    t_j = si(junction_temperature_max, "K", "junction_temperature_max", lo=0, lo_open=True)
    jc, cp, film = _path_inputs(chip_power, junction_to_case, cold_plate_resistance, film_coefficient, wetted_area)
    ts = si(sink_temperature, "K", "sink_temperature", lo=0)
    drop = jc + cp + film
    t_in = t_j - drop
    shape = np.broadcast_shapes(np.shape(t_in), np.shape(ts))
    ok = np.broadcast_to(t_in > ts, shape)
    reason = Reasons.mask(shape, (~ok, "the junction limit leaves no radiator temperature above the sink: the "
                                       "chip's path from junction to coolant drops more than the limit allows"))
    b = lambda x: quantity(np.broadcast_to(x, shape), "K")  # noqa: E731
    return HeatPathResult(radiator_inlet_temperature=b(np.maximum(t_in, 0.0)), junction_temperature=b(t_j),
                          junction_to_case_drop=b(jc), cold_plate_drop=b(cp), film_drop=b(film),
                          temperature_drop=b(drop), feasible=scalar_or_array(ok, bool),
                          reasons=reason)


@named_shapes
def junction_temperature(*, radiator_inlet_temperature: Any, chip_power: Any, junction_to_case: Any,
                         cold_plate_resistance: Any, film_coefficient: Any = None,
                         wetted_area: Any = None) -> pint.Quantity:
    """Junction temperature of the hottest chip: T_j = T_rad,in + P (R_jc + R_cp + 1/(h A_w)).

    Parameters as :func:`max_radiator_temperature`, with the radiator inlet (= hottest coolant) temperature
    [K] in place of the junction limit. Broadcasts.
    """
    t_in = si(radiator_inlet_temperature, "K", "radiator_inlet_temperature", lo=0, lo_open=True)
    jc, cp, film = _path_inputs(chip_power, junction_to_case, cold_plate_resistance, film_coefficient, wetted_area)
    return quantity(t_in + jc + cp + film, "K")
