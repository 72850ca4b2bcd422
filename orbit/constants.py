"""Physical constants of the Earth, the Sun and time used by the orbit package, each with its source.

Public constants are Quantities; the kernels of this package use the private SI floats below them, converted
once here. The table :data:`CONSTANTS` lists every constant with its source, so that a report can print it.
"""

from __future__ import annotations

from spacedc.units import Q_

__all__ = [
    "EARTH_EQUATORIAL_RADIUS",
    "EARTH_MU",
    "EARTH_J2",
    "EARTH_FLATTENING",
    "DRAG_COEFFICIENT",
    "SOLAR_CONSTANT",
    "ASTRONOMICAL_UNIT",
    "TROPICAL_YEAR",
    "CONSTANTS",
]

#: Earth equatorial radius, 6378.137 km: WGS-84 / EGM-96 value, Vallado, *Fundamentals of Astrodynamics and
#: Applications* (4th ed., 2013), Table D-3.
EARTH_EQUATORIAL_RADIUS = Q_(6378.137, "km")

#: Earth gravitational parameter GM, 398600.4418 km^3/s^2: EGM-96 / WGS-84, Vallado (4th ed.) Table D-3.
EARTH_MU = Q_(398600.4418, "km^3/s^2")

#: Earth flattening f = 1 / 298.257223563: WGS-84, Vallado (4th ed.) Table D-3.
EARTH_FLATTENING = 1.0 / 298.257223563

#: Drag coefficient of a LEO spacecraft in free-molecular flow, 2.2: the value commonly used (Vallado 4th ed.,
#: ch. 8); the default of the lifetime model and of the cascade's species.
DRAG_COEFFICIENT = 2.2

#: Earth second zonal harmonic J2 = 0.0010826267 (unnormalized): EGM-96, Vallado (4th ed.) Table D-3.
EARTH_J2 = 1.0826267e-3

#: Total solar irradiance at 1 AU, 1361 W/m^2: Kopp & Lean (2011), "A new, lower value of total solar
#: irradiance", Geophys. Res. Lett. 38, L01706 (1360.8 +/- 0.5 W/m^2); adopted as the nominal value by IAU 2015
#: Resolution B3. SMAD (3rd ed.) and older industry papers use 1367 or 1366 W/m^2.
SOLAR_CONSTANT = Q_(1361.0, "W/m^2")

#: Astronomical unit, 149 597 870 700 m exactly: IAU 2012 Resolution B2.
ASTRONOMICAL_UNIT = Q_(149_597_870_700.0, "m")

#: Tropical year, 365.2421897 mean solar days (J2000): Vallado (4th ed.) sec. 3.5; the period of the mean Sun's
#: right ascension, hence the nodal rate a sun-synchronous orbit must match (360 deg per tropical year).
TROPICAL_YEAR = Q_(365.2421897, "day")

CONSTANTS: dict[str, dict[str, object]] = {
    "EARTH_EQUATORIAL_RADIUS": {"value": EARTH_EQUATORIAL_RADIUS,
                                "source": "WGS-84/EGM-96; Vallado, Fundamentals of Astrodynamics (4th ed.), Table D-3"},
    "EARTH_MU": {"value": EARTH_MU, "source": "EGM-96; Vallado (4th ed.), Table D-3"},
    "EARTH_J2": {"value": EARTH_J2, "source": "EGM-96; Vallado (4th ed.), Table D-3"},
    "EARTH_FLATTENING": {"value": EARTH_FLATTENING, "source": "WGS-84; Vallado (4th ed.), Table D-3"},
    "SOLAR_CONSTANT": {"value": SOLAR_CONSTANT,
                       "source": "Kopp & Lean (2011), GRL 38 L01706; IAU 2015 Resolution B3 (nominal TSI)"},
    "ASTRONOMICAL_UNIT": {"value": ASTRONOMICAL_UNIT, "source": "IAU 2012 Resolution B2 (exact)"},
    "TROPICAL_YEAR": {"value": TROPICAL_YEAR, "source": "Vallado (4th ed.), sec. 3.5"},
}

# SI floats for the kernels (m, m^3/s^2, W/m^2, s).
_R_E = EARTH_EQUATORIAL_RADIUS.m_as("m")
_MU = EARTH_MU.m_as("m^3/s^2")
_J2 = EARTH_J2
_F = EARTH_FLATTENING
_S0 = SOLAR_CONSTANT.m_as("W/m^2")
_AU = ASTRONOMICAL_UNIT.m_as("m")
_TROPICAL_YEAR_S = TROPICAL_YEAR.m_as("s")
_DAY_S = 86400.0
_JULIAN_YEAR_S = 365.25 * _DAY_S  # the year of pint's 'year', in which mission lives are given
