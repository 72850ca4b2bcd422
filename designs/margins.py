"""Every margin of a sized design, as dimensionless numbers that hold where they are at least zero.

A margin is allowable over actual, less one (a margin of safety, or a capability over its need): the launch
margins of :mod:`designs.budget` (mass, fairing, tie-downs, primary structure, stowed and deployed modes, the
radiator's heat rejection after MMOD), the heat pipes' transport margin of the panels as built, the chips'
total ionizing dose margin, the junction margin ``T_limit / T_junction - 1`` on absolute temperatures, and the
array's power margin ``P_EOL / P_required - 1`` (SMAD's required array power over the orbit) where the array is
rated (``power.array_area``): its surplus or shortfall. A sized array meets the load by construction, so its
margin (zero) is left out rather than read as a constraint that binds. With a rated radiator
(``thermal.radiator_area``) the junction margin is the rated one.
The optimiser (:mod:`designs.optimize`) holds them all at zero or more, and the uncertainty study
(:mod:`designs.uq`) counts how often each holds.

>>> from spacedc import designs
>>> result = designs.size(designs.load("sso-100kw"))
>>> m = designs.margins.margins(result)
>>> round(float(m["junction"]), 4)   # 85 degC limit over the 78 degC junction: 358.15 / 351.15 - 1
0.0199
"""

from __future__ import annotations

from typing import Any

import numpy as np

from spacedc.designs.chain import RATED_POWER_TOLERANCE

__all__ = ["MARGINS", "all_held", "margins"]

#: The margins :func:`margins` gives, in its order, with what each compares.
MARGINS = {
    "junction": "the chips' junction limit over the hottest junction (absolute temperatures), less one",
    "array_power": "a rated array's end-of-life power over the required power, less one (rated arrays only)",
    "heat_pipe_transport": "the heat pipes' transport limit over what the hottest panel's pipe carries, less one",
    "dose": "the chips' dose tolerance over the dose behind the shielding times the design margin, less one",
    "mass": "the vehicle's capability to the orbit over the wet mass, less one",
    "fairing": "the fairing's usable envelope over the stowed satellite, less one",
    "tie_down_tension": "margin of safety of the radiator-stack tie-downs in tension",
    "tie_down_shear": "margin of safety of the radiator-stack tie-downs in shear",
    "primary_structure_yield": "margin of safety of the primary cylinder in yield",
    "primary_structure_ultimate": "margin of safety of the primary cylinder at ultimate",
    "primary_structure_buckling": "margin of safety of the primary cylinder in buckling (NASA SP-8007)",
    "stowed_lateral": "the stowed lateral first mode over the vehicle's minimum, less one",
    "stowed_axial": "the stowed axial first mode over the vehicle's minimum, less one",
    "stowed_stack": "the stowed panel stack's first mode over the vehicle's minimum, less one",
    "deployed_frequency": "the deployed radiator wing's first mode over the requirement, less one",
    "mmod_heat_rejection": "the radiator's heat rejection after the pipes MMOD takes over the heat load, less one",
}


def margins(result: Any) -> dict[str, np.ndarray]:
    """Every margin of ``result`` (a :class:`designs.DesignResult`) as a float array of the result's shape,
    keyed as in :data:`MARGINS`; the margins the design's vehicle does not publish (None) are left out, and so
    is ``array_power`` where the array is sized.

    A margin that cannot be formed (the junction where no junction temperature is finite) is ``-inf``, so it
    reads as not held."""
    shape = np.shape(result.feasible)
    out: dict[str, np.ndarray] = {}
    t_j = np.asarray(result.junction_temperature.m_as("K"), dtype=float)
    t_limit = np.asarray(result.heat_path.junction_temperature.m_as("K"), dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        junction = t_limit / t_j - 1.0
    out["junction"] = np.where(np.isfinite(junction), junction, -np.inf)
    if result.array_mode == "rated":  # a sized array meets its load by construction: its margin would be 0
        eol = np.asarray(result.array.eol_power.m_as("W"), dtype=float)
        need = np.asarray(result.array.required_power.m_as("W"), dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            array_power = eol / need - 1.0
        # the chain's own tolerance: a shortfall of round-off meets the load, as the chain's feasibility says
        array_power = np.where(array_power > -RATED_POWER_TOLERANCE, np.maximum(array_power, 0.0), array_power)
        out["array_power"] = np.where(np.isfinite(array_power), array_power, -np.inf)
    out["heat_pipe_transport"] = np.asarray(result.panels.transport_margin, dtype=float)
    out["dose"] = np.asarray(result.dose_margin, dtype=float)
    for name, value in result.launch.margins.items():
        if value is not None:
            out[name] = np.asarray(value, dtype=float)
    return {k: np.broadcast_to(np.where(np.isnan(v), -np.inf, v), shape) for k, v in out.items()}


def all_held(result: Any) -> np.ndarray:
    """Where ``result`` is feasible and every margin of :func:`margins` is at least zero (bool array)."""
    held = np.asarray(result.feasible, dtype=bool)
    for value in margins(result).values():
        held = held & (value >= 0.0)
    return held
