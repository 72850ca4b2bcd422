"""Sourced numbers for the debris models: flux tables, catalogue summaries and published cascade cases.

Each constant is a tuple of rows; every row carries a ``source`` key defined in docs/references.md, and the
docstring of the constant says where each number was read (table, figure or page, and *2nd-hand* where it was
read in a copy of the document rather than in the document itself). Nothing here is recalled from memory.

What ships, and what does not (searched in December 2026; see the report of the ``debrisdata`` branch):

* ORDEM 3.x / MASTER flux tables by altitude: **none ships.** The candidate tables, [ECSS-E-ST-10-04C]
  Annex J Tables J-2 and J-3 (MASTER-2005 at 400 km / 51.6 deg and 800 km / 98 deg), were located (the
  text of clause J.1.2 that describes them was read in the SPENVIS copy of the standard) but their numbers
  could not be read in any stored copy. The MASTER-8 / ORDEM 3.1 comparison of Horstmann et al. (8th
  European Conference on Space Debris, 2021, NASA NTRS 20210011563) was found as an abstract only.
  :class:`orbit.debris.DebrisFluxTable` therefore still takes its table from the caller.
* A catalogue summary of the tracked population by altitude: **none ships.** The MOCAT-SSEM repository
  holds a MASTER spatial density per 50 km shell (``Start Population/results_MASTER.xlsx``) but states no
  epoch and no size threshold, so it cannot be cited as a catalogue summary.
* A published source-sink case with stated inputs and output: :data:`SOURCE_SINK_CASES`.

References
----------
[DAmbrosio2022], [DAmbrosio2022-Abstract], [ECSS-E-ST-10-04C].
"""

from __future__ import annotations

import typing

__all__ = ["SourceSinkCase", "SOURCE_SINK_CASES"]


class SourceSinkCase(typing.NamedTuple):
    """One published run of a source-sink model of the LEO population, with its stated inputs and output.

    Fields: ``model`` (the model's name as the source gives it), ``altitude_low_km`` and
    ``altitude_high_km`` (the altitude region the result covers [km]), ``failure_rate`` (the stated
    satellite failure rate, the fraction of satellites that fail before disposal [-]), ``capacity`` (the
    stated maximum number of satellites at the stable equilibrium [-]) and ``source`` (a key of
    docs/references.md).
    """

    model: str
    altitude_low_km: float
    altitude_high_km: float
    failure_rate: float
    capacity: float
    source: str


#: Published source-sink cases.
#:
#: * MOCAT-3, 200-900 km, 7 % failure rate: maximum orbital capacity "about 12.6 million satellites".
#:   Read in the abstract of [DAmbrosio2022] (arXiv:2206.05345), *2nd-hand*: in the copies of the abstract
#:   at tomesphere.com/paper/2206.05345 and arxivlens.com (see [DAmbrosio2022-Abstract]); the paper's body,
#:   its table and page for this figure, and its other inputs (the shells, the species, the launch
#:   profile) were not read. "About" is the abstract's word: 12.6 million is a rounded figure.
SOURCE_SINK_CASES: tuple[SourceSinkCase, ...] = (
    SourceSinkCase(model="MOCAT-3", altitude_low_km=200.0, altitude_high_km=900.0, failure_rate=0.07,
                   capacity=12.6e6, source="DAmbrosio2022-Abstract"),
)
