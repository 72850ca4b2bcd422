"""Benchmark: the share of infeasibility reasons in a million-point `designs.size`.

Run:  python benchmarks/bench_reasons.py [--points N]

Sizes the 100 kW reference design with its chip power swept over N points in one `designs.size` call, twice:

1. as built now: every check's reasons are `spacedc.results.Reasons` integer codes and no text is written. The
   time spent in the reasons code (`Reasons.mask`, `combine`, `where`, `feasible`, `from_text`, ...) is summed
   around each call; its share of the call is the figure the target (<= 5 %) applies to. Then the text is read
   once, as a report or a CSV would read it: every point's string (what `result.reasons` reads) and the dictionary a
   Parquet writer takes (`reason_codes.dictionary()`).
2. the baseline, the string path the chain had before the codes: at every reasons call of the same run the
   former string builders (copied below, the code of `mask_reasons`/`combine_reasons` before the codes, one
   object string per point at every builder and every join, and `reasons == ""` for `feasible`) are run on the
   same inputs and timed; their sum replaces the codes' time in the call's total to give the share the strings
   took.

Results go to benchmarks/results/reasons.json (ignored by git); the figures measured on the project's machine
are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import pint

from spacedc import designs
from spacedc.results import Reasons

u = pint.get_application_registry()


def _old_combine(*parts: Any) -> np.ndarray:
    """The former ``combine_reasons``: join per-point object string arrays, skipping empty strings."""
    arrays = np.broadcast_arrays(*[np.asarray(p, dtype=object) for p in parts])
    shape = arrays[0].shape
    key = np.zeros(shape, dtype=np.int64)
    radix = 1
    vocab = []
    for a in arrays:
        messages = [""] + sorted({str(m) for m in np.unique(a[a != ""])})
        code = np.zeros(shape, dtype=np.int64)
        for j, m in enumerate(messages[1:], start=1):
            code[a == m] = j
        key += code * radix
        radix *= len(messages)
        vocab.append(messages)
    unique, inverse = np.unique(key, return_inverse=True)
    joined = []
    for k in unique.tolist():
        words = []
        for messages in vocab:
            k, j = divmod(k, len(messages))
            if j:
                words.append(messages[j])
        joined.append("; ".join(words))
    return np.asarray(joined, dtype=object)[np.ravel(inverse)].reshape(shape)


def _old_mask(shape: tuple[int, ...], *causes: tuple[Any, str]) -> np.ndarray:
    """The former ``mask_reasons``: a table of the 2^n joined messages indexed per point."""
    code = np.zeros(shape, dtype=np.int64)
    for bit, (mask, _) in enumerate(causes):
        code |= np.broadcast_to(np.asarray(mask, dtype=bool), shape).astype(np.int64) << bit
    table = np.array(["; ".join(m for bit, (_, m) in enumerate(causes) if key >> bit & 1)
                      for key in range(1 << len(causes))], dtype=object)
    return table[code.ravel()].reshape(shape)


class _Timer:
    """Wraps the Reasons entry points: sums their own time and, with ``baseline``, times the string path."""

    def __init__(self) -> None:
        self.codes = 0.0
        self.strings = 0.0
        self.baseline = False
        self.depth = 0
        self._mask = Reasons.mask.__func__
        self._combine = Reasons.combine.__func__
        self._from_text = Reasons.from_text.__func__
        self._where = Reasons.where
        self._feasible = Reasons.feasible.fget
        self._broadcast = Reasons.broadcast_to

    def _timed(self, fn: Any, *args: Any) -> Any:
        self.depth += 1
        t0 = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.depth -= 1
            if self.depth == 0:
                self.codes += time.perf_counter() - t0

    def _old(self, fn: Any, *args: Any) -> None:
        t0 = time.perf_counter()
        fn(*args)
        self.strings += time.perf_counter() - t0

    def install(self) -> None:
        timer = self

        def mask(cls, shape, *causes):
            out = timer._timed(timer._mask, cls, shape, *causes)
            if timer.baseline and timer.depth == 0:
                timer._old(_old_mask, tuple(shape), *causes)
            return out

        def combine(cls, *parts):
            out = timer._timed(timer._combine, cls, *parts)
            if timer.baseline and timer.depth == 0 and parts:
                texts = [p.text() if isinstance(p, Reasons) else p for p in parts]  # untimed: the inputs
                timer._old(_old_combine, *texts)
            return out

        def where(self, condition):
            out = timer._timed(timer._where, self, condition)
            if timer.baseline and timer.depth == 0:
                text = self.text()
                timer._old(lambda: np.where(condition, text, ""))
            return out

        def feasible(self):
            out = timer._timed(timer._feasible, self)
            if timer.baseline and timer.depth == 0:
                text = self.text()
                timer._old(lambda: text == "")
            return out

        Reasons.mask = classmethod(mask)
        Reasons.combine = classmethod(combine)
        Reasons.from_text = classmethod(lambda cls, text: timer._timed(timer._from_text, cls, text))
        Reasons.where = where
        Reasons.feasible = property(feasible)
        Reasons.broadcast_to = lambda self, shape: timer._timed(timer._broadcast, self, shape)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    args = parser.parse_args()

    sat = designs.load("sso-100kw")
    powers = np.linspace(300, 1500, args.points) * u.W
    designs.size(sat.replace(payload__chip_power=powers[:10]))  # warm caches and imports
    timer = _Timer()
    timer.install()

    t0 = time.perf_counter()
    trade = designs.size(sat.replace(payload__chip_power=powers))
    total = time.perf_counter() - t0
    codes = timer.codes
    t0 = time.perf_counter()
    indices, values = trade.reason_codes.dictionary()
    dictionary = time.perf_counter() - t0
    fresh = trade.reason_codes.broadcast_to(trade.reason_codes.shape)  # a new object: nothing cached
    t0 = time.perf_counter()
    text = fresh.strings()
    read = time.perf_counter() - t0
    assert text.shape == (args.points,) and np.asarray(values, dtype=object)[indices].tolist() == text.tolist()

    timer.baseline, timer.codes = True, 0.0
    designs.size(sat.replace(payload__chip_power=powers))
    strings = timer.strings
    physics = total - codes
    rows = {
        "points": args.points,
        "size_s": total,
        "reasons_codes_s": codes,
        "reasons_codes_share": codes / total,
        "reasons_strings_s": strings,
        "reasons_strings_share": strings / (physics + strings),
        "size_with_strings_s": physics + strings,
        "distinct_reasons": len(values),
        "read_text_s": read,
        "read_dictionary_s": dictionary,
    }
    print(f"designs.size, {args.points:,} points, reasons as codes: {total:.2f} s, of which reasons "
          f"{codes:.3f} s ({100 * codes / total:.1f} %)")
    print(f"baseline, the former string path: reasons {strings:.2f} s of {physics + strings:.2f} s "
          f"({100 * rows['reasons_strings_share']:.1f} %)")
    print(f"read afterwards: every point's text {read:.3f} s, the dictionary ({len(values)} distinct) "
          f"{dictionary:.3f} s")
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / "reasons.json").write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
