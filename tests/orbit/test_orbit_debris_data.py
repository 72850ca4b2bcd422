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
