"""The wheel installs one import name, ``spacedc``, and CadQuery only with the [cad] extra.

The wheel is built from a copy of the source tree (``pip wheel --no-deps``), so nothing is written into
the repository. This needs setuptools and wheel: from this environment if it has them, otherwise pip
fetches them from the package index (build isolation). Installing the wheel into a fresh virtual
environment would also download numpy, scipy and the rest. Reading the wheel checks the same two facts
faster: what lands in site-packages, and what pip installs without extras.
"""

from __future__ import annotations

import email.parser
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
_IGNORE = shutil.ignore_patterns(".git", ".venv*", "venv", "build", "dist", "*.egg-info", "__pycache__",
                                 ".pytest_cache", ".hypothesis", "results", "*.pyc")

pytestmark = pytest.mark.slow


def _can_build_offline() -> bool:
    if importlib.util.find_spec("setuptools") is None or importlib.util.find_spec("wheel") is None:
        return False
    from importlib.metadata import version

    return int(version("setuptools").split(".")[0]) >= 68


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    src = tmp_path_factory.mktemp("src") / "spacedc"
    shutil.copytree(ROOT, src, ignore=_IGNORE)
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(src)]
    if _can_build_offline():
        cmd.insert(4, "--no-build-isolation")
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (path,) = out.glob("spacedc-*.whl")
    with zipfile.ZipFile(path) as z:
        yield z


def _metadata(wheel: zipfile.ZipFile):
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return email.parser.Parser().parsestr(wheel.read(name).decode())


def test_the_wheel_holds_only_spacedc_at_the_top_level(wheel):
    top = {name.split("/")[0] for name in wheel.namelist()}
    version = PYPROJECT["project"]["version"]
    assert top == {"spacedc", f"spacedc-{version}.dist-info"}
    # no top-level orbit/, power/, designs/ ... and no tests
    names = set(wheel.namelist())
    for package in PYPROJECT["tool"]["setuptools"]["packages"]:
        if package == "spacedc.designs.reference":  # a folder of package data, listed so setuptools ships it
            continue
        assert package.replace(".", "/") + "/__init__.py" in names, package
    assert not any(n.startswith("spacedc/tests") or "/tests/" in n for n in names)
    # the reference designs ship as package data
    shipped = {Path(n).name for n in names if n.startswith("spacedc/designs/reference/")}
    assert shipped == {p.name for p in (ROOT / "designs" / "reference").glob("*.toml")}


def test_cadquery_is_required_only_by_the_cad_extra(wheel):
    requires = _metadata(wheel).get_all("Requires-Dist")
    plain = [r for r in requires if ";" not in r]
    names = {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in plain}
    # the wheel requires what pyproject declares (the atmosphere and radiation models among them), never CadQuery
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert names == {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in declared}
    assert {"numpy", "scipy", "pint", "matplotlib", "pymsis", "spacepy", "aep8", "radbelt"} <= names
    assert "cadquery" not in names
    cad = [r for r in requires if r.lower().startswith("cadquery")]
    assert cad and all(re.search(r';\s*extra\s*==\s*"cad"', r) for r in cad), cad
    assert "cad" in _metadata(wheel).get_all("Provides-Extra")
