"""The NASA standard breakup model: how many fragments a collision or an explosion makes.

* :func:`breakup_fragments` -- the cumulative number of fragments larger than a characteristic length L_c,
  for a collision or an explosion ([Johnson2001], the size distributions of collisions and explosions).
* :func:`specific_impact_energy`, :func:`is_catastrophic` -- the catastrophic-collision test: the
  projectile's kinetic energy per unit target mass against 40 J/g ([Johnson2001], sec. on collisions).
* :func:`breakup_mass` -- the mass M that enters the collision law: the total mass of both objects for a
  catastrophic collision, M = m_p v_i^2 (kg with v_i in km/s) for a non-catastrophic one.

The model gives the mean number of fragments; it is the size distribution of EVOLVE 4.0 and LEGEND, and the
fragment source of MIT's MOCAT-SSEM ([MOCAT-SSEM], [Pyssem]).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pint

from spacedc.units import fraction, named_shapes, quantity, si

__all__ = ["CATASTROPHIC_ENERGY", "BREAKUP_KINDS", "breakup_fragments", "specific_impact_energy",
           "is_catastrophic", "breakup_mass"]

#: Threshold of a catastrophic collision: the projectile's kinetic energy per unit mass of the target,
#: 40 J/g = 40,000 J/kg ([Johnson2001], the collision section; [Pyssem] uses the same 40 J/g).
CATASTROPHIC_ENERGY = 40.0e3  # [J/kg]

#: The kinds of breakup :func:`breakup_fragments` knows.
BREAKUP_KINDS = ("collision", "explosion")


@named_shapes
def breakup_fragments(mass: Any, characteristic_length: Any, kind: str = "collision", *,
                      scaling: Any = 1.0) -> pint.Quantity:
    """Cumulative number of fragments larger than ``characteristic_length`` from one breakup.

    .. math:: N(>L_c) = 0.1\\, M^{0.75} L_c^{-1.71} \\quad \\text{(collision, } M \\text{ in kg, } L_c
              \\text{ in m)}

    .. math:: N(>L_c) = 6\\, S\\, L_c^{-1.6} \\quad \\text{(explosion)}

    Parameters
    ----------
    mass : Quantity [mass]
        For a collision, M: the total mass of both objects for a catastrophic collision, or
        :func:`breakup_mass` (m_p v_i^2) for a non-catastrophic one; > 0. Ignored for an explosion (pass
        ``None``), whose count does not depend on the mass in this model.
    characteristic_length : Quantity [length]
        L_c, the smallest fragment counted (> 0). The law is fitted from 1 mm up to about 1 m.
    kind : {"collision", "explosion"}
    scaling : float
        S, the explosion's scaling factor (1 for a rocket body of the reference type; [Johnson2001] lists
        smaller values for some types); > 0. Only for an explosion.

    Returns
    -------
    Quantity [dimensionless]
        The mean number of fragments of characteristic length L_c or larger. Broadcasts.

    References
    ----------
    [Johnson2001], the fragment size distributions of explosions and collisions, with the 40 J/g
    catastrophic threshold and the non-catastrophic mass M = m_p v_i^2. The constants were checked 2nd-hand
    (the paper itself not read here): the collision law, the threshold and M = m_p v_i^2 in [Pyssem]
    (``pyssem/utils/collisions/collisions.py``) and [MOCAT-SSEM] (``Test/mocat3_eq_check.m``); the explosion
    law in other open implementations of the model.

    Examples
    --------
    Two 223 kg satellites destroyed: fragments of 10 cm and more; an explosion's fragments of 10 cm and more.

    >>> round(float(breakup_fragments("446 kg", "10 cm").m), 1)
    497.7
    >>> round(float(breakup_fragments(None, "10 cm", "explosion").m), 1)
    238.9
    """
    if kind not in BREAKUP_KINDS:
        raise ValueError(f"kind = {kind!r}: expected one of {BREAKUP_KINDS}")
    lc = si(characteristic_length, "m", "characteristic_length", lo=0.0, lo_open=True)
    if kind == "collision":
        m = si(mass, "kg", "mass", lo=0.0, lo_open=True)
        return quantity(0.1 * m ** 0.75 * lc ** -1.71, "dimensionless")
    s = fraction(scaling, "scaling", lo=0.0, hi=np.inf, lo_open=True)
    return quantity(6.0 * s * lc ** -1.6 + 0.0 * lc, "dimensionless")


def _energy(target: np.ndarray, projectile: np.ndarray, speed: np.ndarray) -> np.ndarray:
    """E_p / m_t = m_p v^2 / (2 m_t) [J/kg], the projectile being the lighter object."""
    lo, hi = np.minimum(target, projectile), np.maximum(target, projectile)
    return 0.5 * lo * speed ** 2 / hi


def _breakup_mass(m1: np.ndarray, m2: np.ndarray, speed: np.ndarray) -> np.ndarray:
    """M [kg] of the collision law: m1 + m2 if catastrophic, else m_p (v [km/s])^2 with m_p the lighter."""
    catastrophic = _energy(m1, m2, speed) >= CATASTROPHIC_ENERGY
    return np.where(catastrophic, m1 + m2, np.minimum(m1, m2) * (speed / 1e3) ** 2)


def _masses(target_mass: Any, projectile_mass: Any, impact_speed: Any) -> tuple[np.ndarray, ...]:
    return (si(target_mass, "kg", "target_mass", lo=0.0, lo_open=True),
            si(projectile_mass, "kg", "projectile_mass", lo=0.0, lo_open=True),
            si(impact_speed, "m/s", "impact_speed", lo=0.0))


@named_shapes
def specific_impact_energy(target_mass: Any, projectile_mass: Any, impact_speed: Any) -> pint.Quantity:
    """The projectile's kinetic energy per unit mass of the target, E = m_p v_i^2 / (2 m_t).

    The projectile is the lighter of the two objects (they are swapped if needed).

    Parameters
    ----------
    target_mass, projectile_mass : Quantity [mass]
        The two objects (> 0).
    impact_speed : Quantity [velocity]
        The relative speed at impact, v_i (>= 0).

    Returns
    -------
    Quantity [J/g]

    References
    ----------
    [Johnson2001]: a collision is catastrophic when this exceeds 40 J/g.

    Examples
    --------
    A 0.64 kg fragment into a 223 kg satellite at 10 km/s: about 143 J/g, catastrophic.

    >>> round(float(specific_impact_energy("223 kg", "0.64 kg", "10 km/s").m_as("J/g")), 1)
    143.5
    """
    return quantity(_energy(*_masses(target_mass, projectile_mass, impact_speed)) / 1e3, "J/g")


@named_shapes
def is_catastrophic(target_mass: Any, projectile_mass: Any, impact_speed: Any) -> Any:
    """Whether a collision destroys both objects: :func:`specific_impact_energy` >= 40 J/g.

    Parameters are those of :func:`specific_impact_energy`. Returns a bool (an array if any input is one).

    References
    ----------
    [Johnson2001], the catastrophic threshold of 40 J/g.

    Examples
    --------
    >>> is_catastrophic("223 kg", "0.64 kg", "10 km/s"), is_catastrophic("1000 kg", "0.01 kg", "10 km/s")
    (True, False)
    """
    out = _energy(*_masses(target_mass, projectile_mass, impact_speed)) >= CATASTROPHIC_ENERGY
    return bool(out) if np.ndim(out) == 0 else out


@named_shapes
def breakup_mass(target_mass: Any, projectile_mass: Any, impact_speed: Any) -> pint.Quantity:
    """The mass M of the collision law in :func:`breakup_fragments`.

    .. math:: M = m_t + m_p \\quad (E \\ge 40\\ \\mathrm{J/g}), \\qquad M = m_p v_i^2 \\quad \\text{otherwise}

    with m_p the lighter object, v_i in km/s and M read in kg ([Johnson2001]).

    Parameters are those of :func:`specific_impact_energy`.

    Returns
    -------
    Quantity [kg]

    Examples
    --------
    Catastrophic (total mass), then non-catastrophic (0.01 kg x (10 km/s)^2 = 1 kg):

    >>> [round(float(breakup_mass("1000 kg", m, "10 km/s").m_as("kg")), 3) for m in ("500 kg", "0.01 kg")]
    [1500.0, 1.0]
    """
    return quantity(_breakup_mass(*_masses(target_mass, projectile_mass, impact_speed)), "kg")
