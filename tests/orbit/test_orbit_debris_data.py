"""The transcription of orbit/debris_data.py is self-consistent and every row names a defined source."""

import re
from pathlib import Path

import pytest

from spacedc.orbit.debris_data import SOURCE_SINK_CASES, SourceSinkCase

_REFS = (Path(__file__).resolve().parents[2] / "docs/references.md").read_text(encoding="utf-8")
_DEFINED = set(re.findall(r"^- \*\*\[([^\]]+)\]\*\*", _REFS, flags=re.M))


def test_every_case_names_a_defined_source():
    assert SOURCE_SINK_CASES
    for case in SOURCE_SINK_CASES:
        assert case.source in _DEFINED, case


@pytest.mark.parametrize("case", SOURCE_SINK_CASES, ids=lambda c: c.model)
def test_case_fields_are_physical(case: SourceSinkCase):
    assert 0.0 < case.altitude_low_km < case.altitude_high_km <= 2000.0  # a LEO region
    assert 0.0 < case.failure_rate < 1.0
    assert case.capacity >= 1.0


def test_mocat3_case_as_read_in_the_abstract():
    # [DAmbrosio2022-Abstract]: "considering 7% of failure rate, the maximum orbital capacity of LEO is
    # estimated to be about 12.6 million satellites", for "the low region of LEO (200-900 km of altitude)".
    (case,) = [c for c in SOURCE_SINK_CASES if c.model == "MOCAT-3"]
    assert (case.altitude_low_km, case.altitude_high_km) == (200.0, 900.0)
    assert case.failure_rate == pytest.approx(0.07)
    assert case.capacity == pytest.approx(12.6e6)


# --- the 2023 catalogue by altitude [MOCAT-MC-TLE2023] ---

from spacedc.orbit.debris_data import (CATALOGUE_2023_BY_ALTITUDE, CATALOGUE_2023_OUTSIDE,  # noqa: E402
                                       CATALOGUE_2023_TOTAL)


def test_catalogue_shells_tile_200_to_2000_km():
    lows = [s.low_km for s in CATALOGUE_2023_BY_ALTITUDE]
    highs = [s.high_km for s in CATALOGUE_2023_BY_ALTITUDE]
    assert lows[0] == 200.0 and highs[-1] == 2000.0
    assert all(h - lo == 50.0 for lo, h in zip(lows, highs))
    assert all(h == nxt for h, nxt in zip(highs[:-1], lows[1:]))  # contiguous, no gap or overlap


def test_catalogue_counts_are_nonnegative_integers_with_a_source():
    for s in CATALOGUE_2023_BY_ALTITUDE:
        assert s.source in _DEFINED
        for n in (s.payloads, s.rocket_bodies, s.debris):
            assert isinstance(n, int) and n >= 0


def test_catalogue_bins_plus_outside_sum_to_the_file_totals():
    # Every one of the file's 19 245 objects is counted once: in a shell, below 200 km or above 2000 km.
    inside = [sum(getattr(s, f) for s in CATALOGUE_2023_BY_ALTITUDE)
              for f in ("payloads", "rocket_bodies", "debris")]
    below, above = CATALOGUE_2023_OUTSIDE["below_200_km"], CATALOGUE_2023_OUTSIDE["above_2000_km"]
    assert [i + b + a for i, b, a in zip(inside, below, above)] == list(CATALOGUE_2023_TOTAL)
    assert sum(CATALOGUE_2023_TOTAL) == 19245


def test_catalogue_payload_peak_is_the_500_to_550_km_shell():
    # A structural check of the transcription against the reduction of the file: its largest payload count
    # is in the 500-550 km shell (3626) and its largest debris count in 800-850 km (1255); a row shifted by
    # one shell would move either peak.
    top_payload = max(CATALOGUE_2023_BY_ALTITUDE, key=lambda s: s.payloads)
    top_debris = max(CATALOGUE_2023_BY_ALTITUDE, key=lambda s: s.debris)
    assert (top_payload.low_km, top_payload.high_km) == (500.0, 550.0)
    assert (top_debris.low_km, top_debris.high_km) == (800.0, 850.0)
