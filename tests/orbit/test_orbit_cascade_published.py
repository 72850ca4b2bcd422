"""The source-sink cascade against a published MOCAT-SSEM case: MOCAT-3's check case and its stated equations.

The case, :data:`spacedc.orbit.debris_data.MOCAT3_EQUATION_CASE` ([MOCAT-SSEM] ``Test/mocat3_eq_check.m``
for the inputs; [MOCAT-SSEM-Verify] ``Test/verify_equations.m`` lines 13-17, 25-29 and 37-41 for the
output): five shells of 140 km from 200 to 900 km, MOCAT-3's three species, and the coefficients of its
equations as MOCAT-SSEM prints them (four significant digits).

The test: at a stated launch rate per shell, the equilibrium of MOCAT's stated equations (found here by a
root solver from those coefficients alone) against the populations that :func:`orbit.cascade`, given only
the case's inputs and the options that select MOCAT-3's equations, reaches after a long run from empty
shells. An equilibrium does not depend on either integrator.

Tolerance: 2e-3 relative. Its reasons, the differences that remain between the two:

* the stated coefficients carry four significant digits, so each is known to +-5e-4 relative (the largest
  relative rounding, e.g. 2.298 of 2.2978, is 2e-4); the equilibrium moves by about the same relative amount
  (the largest difference seen is 5.2e-4, on the debris of 620-760 km);
* MOCAT takes R_E = 6378.1 km, spacedc 6378.137 km ([Vallado2013] Table D-3): 37 m in the shell volumes and
  in sqrt(mu a), below 2e-5 relative;
* the run stops 4000 years after an empty start; the slowest mode of the linearized system at the stated
  equilibrium decays at 3.0e-3/yr, leaving a residue below 1e-5.

A wrong bookkeeping is far outside it: without the fragments of D-N and N-N collisions the debris falls by
16 to 29 % per shell, without the disabling collisions (delta = 10) the derelicts by 10 to 19 %.
"""

import numpy as np
import pytest
from scipy.optimize import root

from spacedc import orbit
from spacedc.orbit.debris_data import MOCAT3_EQUATION_CASE as CASE
from spacedc.units import Q_

#: Launches per shell [1/yr], lowest first: a stable equilibrium (chosen here) in which collisions matter.
LAUNCH = np.array([5000.0, 4000.0, 2000.0, 600.0, 250.0])
TOLERANCE = 2e-3


def _stated_rhs(x: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """dS/dt, dD/dt, dN/dt of the stated equations (the signs of SourceSinkEquationCase's docstring)."""
    c = {k: np.asarray(v) for k, v in CASE.coefficients.items()}
    s, d, n = x.reshape(3, -1)

    def from_above(y):
        return np.append(y[1:], 0.0)       # the top shell receives nothing

    ds = lam - c["S: S"] * s - c["S: S S"] * s ** 2 - c["S: D S"] * d * s - c["S: N S"] * n * s
    dd = (c["D: S"] * s - c["D: drag"] * d + from_above(c["D: drag"] * d) + c["D: D S"] * d * s
          + c["D: N S"] * n * s - c["D: D D"] * d ** 2 - c["D: D N"] * d * n)
    dn = (c["N: S S"] * s ** 2 + c["N: D S"] * d * s + c["N: N S"] * n * s + c["N: D D"] * d ** 2
          + c["N: D N"] * d * n + c["N: N N"] * n ** 2 - c["N: drag"] * n + from_above(c["N: drag"] * n))
    return np.concatenate([ds, dd, dn])


def _stated_equilibrium(lam: np.ndarray) -> np.ndarray:
    """(3, K) equilibrium of the stated equations, from the collisionless guess S = lam T, D and N by drag."""
    c = CASE.coefficients
    k = lam.size
    s0 = lam / np.asarray(c["S: S"])
    d0, n0 = np.zeros(k), np.zeros(k)
    for i in range(k - 1, -1, -1):
        above_d = c["D: drag"][i + 1] * d0[i + 1] if i < k - 1 else 0.0
        above_n = c["N: drag"][i + 1] * n0[i + 1] if i < k - 1 else 0.0
        d0[i] = (c["D: S"][i] * s0[i] + above_d) / c["D: drag"][i]
        n0[i] = (c["N: D D"][i] * d0[i] ** 2 + above_n) / c["N: drag"][i]
    sol = root(_stated_rhs, np.concatenate([s0, d0, n0]), args=(lam,), method="hybr", tol=1e-12)
    assert sol.success, sol.message
    return sol.x.reshape(3, -1)


def _our_run(lam: np.ndarray, years: float) -> orbit.CascadeResult:
    sat = CASE.satellite
    return orbit.cascade(Q_(np.asarray(CASE.shell_edges_km), "km"), lam, years=f"{years} year", steps=3,
                         lifetime=f"{CASE.lifetime_years} year", disposal_success=CASE.disposal_success,
                         avoidance_failure=CASE.avoidance_failure,
                         active_avoidance_failure=CASE.active_avoidance_failure,
                         relative_speed=f"{CASE.relative_speed_km_s} km/s",
                         characteristic_length=f"{CASE.characteristic_length_m} m", satellite=sat,
                         debris=CASE.debris, atmosphere="exponential", drag_altitude="lower",
                         disabling_ratio=CASE.disabling_ratio, collision_rules="mocat3")


def test_case_inputs_are_the_cascade_defaults_where_they_agree():
    # The case's species and C_D are those of the cascade's defaults (both read in the same MOCAT-SSEM file).
    assert CASE.satellite == orbit.CASCADE_SPECIES["satellite"]
    assert CASE.debris == orbit.CASCADE_SPECIES["debris"]
    assert CASE.drag_coefficient == pytest.approx(2.2)


def test_stated_equilibrium_is_stable():
    # The comparison is of a stable equilibrium: every eigenvalue of the stated equations' Jacobian (by
    # central differences) has a negative real part; the slowest decays at about 3.0e-3/yr.
    x = _stated_equilibrium(LAUNCH).ravel()
    jac = np.empty((x.size, x.size))
    for i in range(x.size):
        h = 1e-4 * max(abs(x[i]), 1.0)
        e = np.zeros(x.size)
        e[i] = h
        jac[:, i] = (_stated_rhs(x + e, LAUNCH) - _stated_rhs(x - e, LAUNCH)) / (2 * h)
    slowest = float(np.linalg.eigvals(jac).real.max())
    assert -4e-3 < slowest < -2e-3


def test_equilibrium_matches_mocat3_stated_equations():
    expected = _stated_equilibrium(LAUNCH)
    r = _our_run(LAUNCH, 4000.0)
    ours = np.stack([r.satellites[-1], r.derelicts[-1], r.debris[-1]])
    assert ours == pytest.approx(expected, rel=TOLERANCE)
    assert r.stable.all()


def test_the_default_rules_differ_from_mocat3():
    # The default model (NRLMSIS at the shell's middle, the 40 J/g breakup rules, no disabling) is a different
    # model: the same launches give another equilibrium, far outside the tolerance above (its top shell's debris
    # differs by more than a factor of 2).
    expected = _stated_equilibrium(LAUNCH)
    r = orbit.cascade(Q_(np.asarray(CASE.shell_edges_km), "km"), LAUNCH, years="4000 year", steps=3)
    ratio = r.debris[-1, -1] / expected[2, -1]
    assert not 0.5 < ratio < 2.0


def test_mocat_options_reject_unknown_values():
    edges = Q_(np.asarray(CASE.shell_edges_km), "km")
    with pytest.raises(ValueError, match="atmosphere"):
        orbit.cascade(edges, 1.0, atmosphere="jb2008")
    with pytest.raises(ValueError, match="drag_altitude"):
        orbit.cascade(edges, 1.0, drag_altitude="upper")
    with pytest.raises(ValueError, match="collision_rules"):
        orbit.cascade(edges, 1.0, collision_rules="evolve")
    with pytest.raises(ValueError, match="disabling_ratio"):
        orbit.cascade(edges, 1.0, disabling_ratio=-1.0)
