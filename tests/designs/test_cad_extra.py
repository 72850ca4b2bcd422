"""Without the [cad] extra, the CAD commands exit 2 and say how to install it; everything else still works.

CadQuery's absence is simulated in a child process: ``sys.modules["cadquery"] = None`` makes every
``import cadquery`` raise ImportError, as in a light install (``pip install spacedc``).
"""

import subprocess
import sys

import pytest

SCRIPT = """
import sys
sys.modules["cadquery"] = None  # any `import cadquery` now raises ImportError
sys.modules["OCP"] = None
from spacedc.designs.cli import main
sys.exit(main({argv!r}))
"""

HINT = 'pip install -e ".[cad]"'


def _run(argv, tmp_path):
    return subprocess.run([sys.executable, "-c", SCRIPT.format(argv=argv)], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)


@pytest.mark.parametrize("argv", [
    ["cad", "demo-1gpu", "--out", "cad"],
    ["size", "demo-1gpu", "--cad", "--out", "cad"],
], ids=["cad", "size --cad"])
def test_cad_without_cadquery_exits_2_saying_how_to_install_it(argv, tmp_path):
    out = _run(argv, tmp_path)
    assert out.returncode == 2, out.stderr
    assert HINT in out.stderr and "CadQuery" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "cad").exists()  # refused before anything was sized or written


def test_sizing_without_cadquery_still_works(tmp_path):
    out = _run(["size", "demo-1gpu", "--out", "run"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "run" / "summary.json").is_file()
