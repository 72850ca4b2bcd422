"""Sizing never pays for CadQuery: it is imported only by geometry/, and lazily there."""

import subprocess
import sys

SCRIPT = """
import sys
from spacedc import orbit, power, thermal, designs
result = designs.size(designs.load("sso-100kw"))
assert result.feasible
from spacedc import geometry
bad = sorted(m for m in sys.modules if m == "cadquery" or m.startswith(("cadquery.", "OCP")))
print(bad)
"""


def test_sizing_a_design_does_not_import_cadquery():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
