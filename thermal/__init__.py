"""Thermal control of an orbital data center: radiators, coatings, fins, the heat path, and node networks.

Radiative terms are computed in kelvin throughout.
"""

from thermal.radiator import DEEP_SPACE_TEMPERATURE, STEFAN_BOLTZMANN, RadiatorResult, size_radiator

__all__ = ["DEEP_SPACE_TEMPERATURE", "STEFAN_BOLTZMANN", "RadiatorResult", "size_radiator"]
