"""Liquid coolants for pumped single-phase loops: density, specific heat, viscosity and conductivity vs temperature.

Each row of :data:`COOLANTS` is a table of the *saturated liquid* at temperatures through its liquid range,
transcribed from the source it names (in the source's own units, converted once when the row is built). A
pumped single-phase loop must be held above the saturation pressure of its hottest point so that it stays
liquid; compressed-liquid properties differ from the saturated-liquid ones by far less than the tables'
uncertainty at the pressures of such loops (a few MPa), so the saturated values are used at any loop pressure.

The liquid range of a row is its table range. When a loop pressure is given, the upper limit becomes the
saturation temperature at that pressure (from the row's own saturation-pressure column), so that a loop held at
2 MPa of ammonia cannot be asked to run above 322.5 K. A temperature outside the range raises ValueError naming
the parameter, the coolant and the range: a coolant outside its liquid range is bad input, not a result.

Interpolation: monotone piecewise-cubic (PCHIP) in T for density, specific heat and conductivity, and for the
logarithms of viscosity and saturation pressure (both close to Arrhenius-like in T). Between the 10 K table
points the interpolant reproduces independent data to better than 0.3 % (tests: water against a second
source, ammonia density against CoolProp's ancillary equation).
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import numpy as np
import pint
from scipy.interpolate import PchipInterpolator

from spacedc.results import Result
from spacedc.units import named_shapes, quantity, scalar_or_array, si

__all__ = ["Coolant", "COOLANTS", "coolant", "CoolantProperties", "coolant_properties"]

_WATER_MOLAR_MASS = 18.015268e-3  # kg/mol (IAPWS-95, Wagner & Pruss 2002)


@dataclasses.dataclass(frozen=True)
class Coolant:
    """One row of :data:`COOLANTS`: saturated-liquid properties on a temperature grid (SI floats).

    Attributes
    ----------
    name : str
    temperature : ndarray [K]
        Table temperatures, increasing; their span is the liquid range used.
    density : ndarray [kg/m^3]
    specific_heat : ndarray [J/(kg K)]
    viscosity : ndarray [Pa s]
    conductivity : ndarray [W/(m K)]
    saturation_pressure : ndarray [Pa]
    freezing_point : float [K]
        Below it the loop freezes (the table may stop short of it).
    description, source : str
    """

    name: str
    temperature: np.ndarray
    density: np.ndarray
    specific_heat: np.ndarray
    viscosity: np.ndarray
    conductivity: np.ndarray
    saturation_pressure: np.ndarray
    freezing_point: float
    description: str
    source: str

    def __post_init__(self) -> None:
        where = f"COOLANTS[{self.name!r}]"
        t = self.temperature
        if not np.all(np.diff(t) > 0):
            raise ValueError(f"{where}: temperatures must increase")
        for field in ("density", "specific_heat", "viscosity", "conductivity", "saturation_pressure"):
            column = getattr(self, field)
            if column.shape != t.shape or not np.all(column > 0):
                raise ValueError(f"{where}.{field}: one positive value per table temperature")
        if not self.source:
            raise ValueError(f"{where}: every row needs a source")

    @property
    def temperature_range(self) -> tuple[float, float]:
        """(lowest, highest) table temperature [K]."""
        return float(self.temperature[0]), float(self.temperature[-1])

    def saturation_temperature(self, pressure: np.ndarray) -> np.ndarray:
        """Saturation temperature [K] at ``pressure`` [Pa] (monotone cubic in ln p), clipped to the table range."""
        log_p = np.clip(np.log(pressure), np.log(self.saturation_pressure[0]), np.log(self.saturation_pressure[-1]))
        return PchipInterpolator(np.log(self.saturation_pressure), self.temperature)(log_p)


# --- ammonia ------------------------------------------------------------------------------------------------
# Thermal-FluidsPedia, "Thermophysical Properties: Ammonia" (thermalfluidscentral.org), saturated liquid.
# Columns: T [K], p_sat [MPa], rho_l [kg/m^3], mu_l [1e-6 Pa s], k_l [W/m/K], cp_l [kJ/kg/K].
_AMMONIA = np.array([
    [220, 0.033811, 705.8, 334.0, 0.661, 4.346],
    [230, 0.060439, 693.7, 302.0, 0.638, 4.382],
    [240, 0.10226, 681.4, 273.0, 0.615, 4.431],
    [250, 0.16496, 668.9, 245.0, 0.592, 4.483],
    [260, 0.25529, 656.1, 220.0, 0.569, 4.539],
    [270, 0.38100, 642.9, 197.0, 0.546, 4.597],
    [280, 0.55077, 629.2, 176.0, 0.523, 4.662],
    [290, 0.77413, 615.0, 157.7, 0.500, 4.734],
    [300, 1.0614, 600.2, 141.0, 0.477, 4.815],
    [310, 1.4235, 584.6, 126.0, 0.454, 4.909],
    [320, 1.8721, 568.2, 113.4, 0.431, 5.024],
    [330, 2.4196, 550.9, 101.9, 0.408, 5.170],
    [340, 3.0789, 532.4, 92.1, 0.385, 5.366],
    [350, 3.8641, 512.3, 83.2, 0.361, 5.639],
    [360, 4.7902, 490.3, 75.4, 0.337, 6.042],
])

# --- water --------------------------------------------------------------------------------------------------
# Perry's Chemical Engineers' Handbook, 9th ed. (2019), Table 2-135 "Thermodynamic Properties of Water",
# saturated liquid (generated with NIST REFPROP, IAPWS-95 and the IAPWS transport correlations).
# Columns: T [K], p_sat [MPa], rho [mol/dm^3], cp [kJ/(mol K)], k [mW/(m K)], mu [uPa s].
_WATER = np.array([
    [273.16, 0.000612, 55.497, 0.076023, 561.04, 1791.2],
    [280, 0.000992, 55.501, 0.075688, 574.04, 1433.7],
    [290, 0.001920, 55.440, 0.075429, 592.73, 1084.0],
    [300, 0.003537, 55.315, 0.075320, 610.28, 853.84],
    [310, 0.006231, 55.139, 0.075294, 626.05, 693.54],
    [320, 0.010546, 54.919, 0.075317, 639.71, 577.02],
    [330, 0.017213, 54.662, 0.075373, 651.18, 489.49],
    [340, 0.027188, 54.371, 0.075456, 660.55, 421.97],
    [350, 0.041682, 54.049, 0.075567, 668.00, 368.77],
    [360, 0.062194, 53.698, 0.075708, 673.76, 326.10],
    [370, 0.090535, 53.321, 0.075883, 678.02, 291.36],
    [380, 0.12885, 52.918, 0.076098, 681.00, 262.69],
    [390, 0.17964, 52.490, 0.076357, 682.83, 238.77],
])

#: Coolants by name: saturated-liquid tables with their sources (see the module docstring).
COOLANTS: dict[str, Coolant] = {
    "ammonia": Coolant(
        name="ammonia", temperature=_AMMONIA[:, 0], saturation_pressure=_AMMONIA[:, 1] * 1e6,
        density=_AMMONIA[:, 2], viscosity=_AMMONIA[:, 3] * 1e-6, conductivity=_AMMONIA[:, 4],
        specific_heat=_AMMONIA[:, 5] * 1e3, freezing_point=195.5,
        description="Anhydrous ammonia (R-717), the ISS external loop coolant; freezes at 195.5 K",
        source="Thermal-FluidsPedia, 'Thermophysical Properties: Ammonia' (thermalfluidscentral.org), saturated "
               "liquid 220-360 K (p_sat 0.034-4.79 MPa). The table's 200 and 210 K rows were left out: their "
               "specific heats are out of line with the rest. Density agrees with CoolProp's saturated-liquid "
               "ancillary (Tillner-Roth et al. EOS) to 0.1 %.",
    ),
    "water": Coolant(
        name="water", temperature=_WATER[:, 0], saturation_pressure=_WATER[:, 1] * 1e6,
        density=_WATER[:, 2] * 1e3 * _WATER_MOLAR_MASS, specific_heat=_WATER[:, 3] * 1e3 / _WATER_MOLAR_MASS,
        conductivity=_WATER[:, 4] * 1e-3, viscosity=_WATER[:, 5] * 1e-6, freezing_point=273.15,
        description="Pure water (ISS internal loops); freezes at 273.15 K, so only for pressurised, heated lines",
        source="Perry's Chemical Engineers' Handbook, 9th ed. (2019), Table 2-135 'Thermodynamic Properties of "
               "Water', saturated liquid 273.16-390 K (p_sat up to 0.18 MPa), from NIST REFPROP (IAPWS-95); "
               "molar values converted with M = 18.015268 g/mol.",
    ),
}


def coolant(name: str | Coolant) -> Coolant:
    """The row of :data:`COOLANTS` called ``name`` (a :class:`Coolant` passes through)."""
    if isinstance(name, Coolant):
        return name
    if not isinstance(name, str) or name.lower() not in COOLANTS:
        raise ValueError(f"coolant = {name!r}: unknown; known coolants are {', '.join(COOLANTS)}")
    return COOLANTS[name.lower()]


@functools.cache
def _splines(name: str) -> dict[str, PchipInterpolator]:
    c = COOLANTS[name]
    t = c.temperature
    return {
        "density": PchipInterpolator(t, c.density),
        "specific_heat": PchipInterpolator(t, c.specific_heat),
        "conductivity": PchipInterpolator(t, c.conductivity),
        "log_viscosity": PchipInterpolator(t, np.log(c.viscosity)),
        "log_saturation_pressure": PchipInterpolator(t, np.log(c.saturation_pressure)),
    }


def _liquid_limits(c: Coolant, pressure: Any) -> tuple[np.ndarray, np.ndarray, str]:
    """Lowest and highest liquid temperatures [K] (broadcast over pressure) and a phrase saying why."""
    t_lo, t_hi = c.temperature_range
    if pressure is None:
        return np.asarray(t_lo), np.asarray(t_hi), f"its table range {t_lo:g}-{t_hi:g} K"
    p = si(pressure, "Pa", "loop_pressure", lo=0, lo_open=True)
    return (np.asarray(t_lo), np.minimum(c.saturation_temperature(p), t_hi),
            f"its liquid range at loop_pressure = {pressure} ({t_lo:g} K to the saturation temperature, at most "
            f"{t_hi:g} K)")


def _check_liquid(c: Coolant, t: np.ndarray, name: str, shown: Any, pressure: Any = None) -> None:
    """Raise ValueError, naming ``name``, where a temperature [K] is outside the coolant's liquid range."""
    lo, hi, why = _liquid_limits(c, pressure)
    t, bad = np.broadcast_arrays(t, (t < lo) | (t > hi))
    if np.any(bad):
        value = t.ravel()[np.flatnonzero(bad.ravel())[0]]
        raise ValueError(f"{name} = {shown}: {value:g} K is outside {c.name}'s liquid range, {why}")


def _properties(c: Coolant, t: np.ndarray) -> dict[str, np.ndarray]:
    """Float properties in SI at temperatures ``t`` [K] already checked to be in range."""
    s = _splines(c.name)
    return {
        "density": s["density"](t), "specific_heat": s["specific_heat"](t),
        "conductivity": s["conductivity"](t), "viscosity": np.exp(s["log_viscosity"](t)),
        "saturation_pressure": np.exp(s["log_saturation_pressure"](t)),
    }


@dataclasses.dataclass(frozen=True)
class CoolantProperties(Result):
    """Liquid properties of a coolant at given temperatures. Fields broadcast over the temperature.

    Attributes
    ----------
    coolant : str
    temperature : Quantity [K]
    density : Quantity [kg/m^3]
    specific_heat : Quantity [J/(kg K)]
    viscosity : Quantity [Pa s]
    conductivity : Quantity [W/(m K)]
    prandtl : float or ndarray
        cp mu / k.
    saturation_pressure : Quantity [Pa]
        The loop must be held above this to stay liquid.
    """

    coolant: str
    temperature: pint.Quantity = dataclasses.field(metadata={"unit": "K"})
    density: pint.Quantity = dataclasses.field(metadata={"unit": "kg/m^3"})
    specific_heat: pint.Quantity = dataclasses.field(metadata={"unit": "J/kg/K"})
    viscosity: pint.Quantity = dataclasses.field(metadata={"unit": "Pa*s"})
    conductivity: pint.Quantity = dataclasses.field(metadata={"unit": "W/m/K"})
    prandtl: float | np.ndarray
    saturation_pressure: pint.Quantity = dataclasses.field(metadata={"unit": "Pa"})


@named_shapes
def coolant_properties(name: str | Coolant, temperature: Any, *, loop_pressure: Any = None) -> CoolantProperties:
    """Density, specific heat, viscosity, conductivity and saturation pressure of a liquid coolant.

    Parameters
    ----------
    name : str or Coolant
        A key of :data:`COOLANTS` (``"ammonia"``, ``"water"``).
    temperature : Quantity [K]
        Liquid temperature; broadcasts. Outside the liquid range raises ValueError naming ``temperature``.
    loop_pressure : Quantity [Pa], optional
        Loop pressure; when given, the liquid range ends at the saturation temperature at this pressure.

    Returns
    -------
    CoolantProperties

    Examples
    --------
    >>> p = coolant_properties("ammonia", "300 K")
    >>> round(p.density.m_as("kg/m^3"), 1), round(p.specific_heat.m_as("J/kg/K"))
    (600.2, 4815)
    """
    c = coolant(name)
    t = si(temperature, "K", "temperature", lo=0, lo_open=True)
    _check_liquid(c, t, "temperature", temperature, loop_pressure)
    p = _properties(c, t)
    return CoolantProperties(
        coolant=c.name, temperature=quantity(t, "K"), density=quantity(p["density"], "kg/m^3"),
        specific_heat=quantity(p["specific_heat"], "J/kg/K"), viscosity=quantity(p["viscosity"], "Pa*s"),
        conductivity=quantity(p["conductivity"], "W/m/K"),
        prandtl=scalar_or_array(p["specific_heat"] * p["viscosity"] / p["conductivity"]),
        saturation_pressure=quantity(p["saturation_pressure"], "Pa"),
    )
