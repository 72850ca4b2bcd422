"""Shared test helpers, the skip of the ``cad`` tests where CadQuery is not installed, and the session's cache
folder for the model tables."""

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("spacedc", "orbit", "power", "thermal", "structure", "compute", "economics", "designs")

#: Why a test marked ``cad`` is skipped in a light install.
NO_CADQUERY = ('needs CadQuery, which is not installed: pip install "spacedc[cad]" '
               '(in a clone: pip install -e ".[cad,dev]")')


#: The environment variable of spacedc's table cache (spacedc.cache.ENV_VAR, repeated: conftest imports nothing
#: of ours before collection).
CACHE_ENV = "SPACEDC_CACHE_DIR"


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """One table-cache folder for the whole session, under pytest's basetemp, unless SPACEDC_CACHE_DIR is set.

    Set in ``os.environ`` before collection, so that every test and every subprocess a test starts (the CLI
    tests) reads and writes the same folder: each model table is built at most once per session, and never
    depends on the developer's ~/.cache.
    """
    if os.environ.get(CACHE_ENV):
        return
    factory = getattr(config, "_tmp_path_factory", None)  # pytest's tmp_path_factory, set by its tmpdir plugin
    folder = (factory.mktemp("spacedc-cache", numbered=False) if factory is not None
              else Path(tempfile.mkdtemp(prefix="spacedc-cache-")))
    os.environ[CACHE_ENV] = str(folder)
    config._spacedc_cache_env_set = True


def pytest_unconfigure(config):
    if getattr(config, "_spacedc_cache_env_set", False):
        os.environ.pop(CACHE_ENV, None)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``cad`` skip, with the reason, where CadQuery is not installed (a light install)."""
    if importlib.util.find_spec("cadquery") is not None:
        return
    skip = pytest.mark.skip(reason=NO_CADQUERY)
    for item in items:
        if item.get_closest_marker("cad"):
            item.add_marker(skip)


def _lines_executed(call, packages=PACKAGES):
    """(lines of spacedc's own source executed by ``call()``, its return value), counted with sys.settrace.

    Lines inside numpy, scipy and pint are not counted: their C loops are the point of vectorizing.
    """
    ours = tuple(str(ROOT / pkg) for pkg in packages)
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(ours):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        out = call()
    finally:
        sys.settrace(None)
    return count, out


@pytest.fixture
def lines_executed():
    """Count the lines of spacedc's source a call executes: the check that a call does not loop over elements."""
    return _lines_executed
