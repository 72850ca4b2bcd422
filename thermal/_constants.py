"""Physical constants shared by the thermal kernels (SI units)."""

from __future__ import annotations

#: Stefan-Boltzmann constant [W m^-2 K^-4], CODATA 2018 (exact since the 2019 SI redefinition).
STEFAN_BOLTZMANN = 5.670374419e-8
