"""Every docstring example of every spacedc module runs, and prints what its docstring says.

The modules come from the packages that pyproject.toml lists. Each package's own ``__path__`` is walked,
because an editable install maps every subpackage to its own folder: ``spacedc.__path__`` does not contain
``spacedc.orbit``. Each module is one test, so a failure names the module.

Printed numbers are compared with a relative tolerance of 1e-6. This absorbs the last-digit float
differences between platforms, not a wrong value: the examples round to the digits their sources give.
ELLIPSIS and NORMALIZE_WHITESPACE are on. No example may be skipped.
"""

from __future__ import annotations

import doctest
import importlib
import io
import math
import pkgutil
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
REL_TOL = 1e-6

_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")


class NumberTolerantChecker(doctest.OutputChecker):
    """doctest's checker, and where it fails, a second look that compares the numbers with a relative
    tolerance: the outputs must agree once every number is masked, and number by number within REL_TOL."""

    def check_output(self, want: str, got: str, optionflags: int) -> bool:
        if super().check_output(want, got, optionflags):
            return True
        wanted, found = _NUMBER.findall(want), _NUMBER.findall(got)
        if not wanted or len(wanted) != len(found):
            return False
        if not super().check_output(_NUMBER.sub("0", want), _NUMBER.sub("0", got), optionflags):
            return False
        return all(math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=1e-12) for a, b in zip(wanted, found))


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        names.append(package)
        for info in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
            names.append(info.name)
    return sorted(set(names))


MODULES = _modules()


def _param(name: str):
    # geometry builds CadQuery solids; its examples need the [cad] extra
    marks = [pytest.mark.cad] if name.startswith("spacedc.geometry") else []
    return pytest.param(name, marks=marks, id=name)


def _examples(module) -> list[doctest.DocTest]:
    return [t for t in doctest.DocTestFinder(exclude_empty=True).find(module) if t.examples]


def test_every_package_and_module_is_walked():
    assert set(PACKAGES) >= {"spacedc", "spacedc.orbit", "spacedc.power", "spacedc.thermal", "spacedc.structure",
                             "spacedc.geometry", "spacedc.designs"}
    for name in ("spacedc.units", "spacedc.orbit.sun", "spacedc.power.battery", "spacedc.thermal.loop",
                 "spacedc.structure.loads", "spacedc.geometry.specs", "spacedc.designs.chain"):
        assert name in MODULES


@pytest.mark.parametrize("name", [_param(n) for n in MODULES])
def test_docstring_examples(name):
    if name.startswith("spacedc.geometry"):
        pytest.importorskip("cadquery", reason="geometry's examples need CadQuery: pip install \"spacedc[cad]\"")
    module = importlib.import_module(name)
    tests = _examples(module)
    skipped = [f"{t.name}:{e.lineno}" for t in tests for e in t.examples if e.options.get(doctest.SKIP)]
    assert not skipped, f"examples that never run: {skipped}"
    runner = doctest.DocTestRunner(checker=NumberTolerantChecker(), optionflags=FLAGS)
    report = io.StringIO()
    for test in tests:
        runner.run(test, out=report.write)
    assert runner.failures == 0, report.getvalue()


def test_the_checker_tolerates_digits_not_values():
    check = NumberTolerantChecker().check_output
    assert check("650 kilogram\n", "650.0 kilogram\n", FLAGS)
    assert check("(0.1, 300)\n", "(0.10000000000000002, 300.0)\n", FLAGS)
    assert not check("(0.593, 97.7)\n", "(0.594, 97.7)\n", FLAGS)
    assert not check("100 kilowatt\n", "100 watt\n", FLAGS)
    assert not check("1 2\n", "1\n", FLAGS)
