"""Export the 1-GPU demonstrator as CAD: STEP for the mechanical team, glTF for a viewer, and a preview.

Run:  python examples/cad_export.py [OUT_DIR]     (needs the CAD extra: pip install -e ".[cad]")

The CAD is built from the sized areas, so the radiator wings are as long as the heat load needs. The script
checks its own result: every file it reports exists and is not empty, and the mass properties, which count
every contributor (the CAD's solids and the lumped masses), weigh the mass budget's wet mass. Parts whose CAD
mass differs from the budget's by over 5 % are flagged.
"""

import sys
from pathlib import Path

from spacedc import designs
from spacedc.designs.cad import write_cad

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
out.mkdir(parents=True, exist_ok=True)

design = designs.load("demo-1gpu")
result = designs.size(design, transient=False)
report = write_cad(design, result, out, formats=("step", "gltf"))
for path in report.files:
    print(f"wrote {path} ({Path(path).stat().st_size / 1e3:.0f} kB)")
    assert Path(path).stat().st_size > 0
for part, check in report.mass_check.items():
    flag = "  (over 5 %: see cad.json)" if check["over_5_percent"] else ""
    print(f"{part:<14} CAD {check['cad_kg']:8.1f} kg, budget {check['analytic_kg']:8.1f} kg{flag}")
# the mass properties count every contributor (solids and lumped masses), so they weigh the budget's wet mass
assert abs(report.mass.m_as("kg") - report.wet_mass.m_as("kg")) < 1e-6 * report.wet_mass.m_as("kg")
print(f"mass properties: {report.mass.to('kg'):.1f~}, centre of mass {report.centre_of_mass.to('m'):.3f~}")
