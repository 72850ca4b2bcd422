"""Benchmark: one radiator wing of 8 panels x 40 heat pipes, built and exported to STEP.

``geometry.make_radiator_wing`` (2D patterns extruded once, one panel built and placed 8 times, no fuse)
against a naive build of the same geometry: every panel rebuilt, every pipe hole cut and every solid
fused one at a time in a loop, then the fused wing exported. Both write STEP in mm; the script checks the
two hold the same volume and prints the times and their ratio.

Run: ``python benchmarks/bench_radiator_wing.py`` (about a minute and a half on 2 cores); it prints a table
and writes ``benchmarks/results/radiator_wing.json``.
"""

from __future__ import annotations

import json
import math
import tempfile
import time
from pathlib import Path

import cadquery as cq

from spacedc import geometry
from spacedc.geometry import RadiatorPanelSpec, RadiatorWingSpec

SPEC = RadiatorWingSpec(
    RadiatorPanelSpec(width="2 m", length="3 m", pipe_count=40, pipe_diameter="10 mm",
                      pipe_wall_thickness="1 mm", core_thickness="15 mm"),
    panel_count=8,
)


def naive_wing(spec: RadiatorWingSpec) -> cq.Workplane:
    """The same deployed wing, built the slow way: a boolean per feature, in loops."""
    p = spec.panel._mm
    w, l, tf, tc, t = p["width"], p["length"], p["face_sheet_thickness"], p["core_thickness"], p["thickness"]
    d, tw, e, b = p["pipe_diameter"], p["pipe_wall_thickness"], p["lug_length"], p["lug_width"]
    dm, tm, dh = p["manifold_diameter"], p["manifold_wall_thickness"], p["hinge_hole_diameter"]
    y_left, y_right = spec.panel.lug_centres()

    def along_y(x: float, z: float, r: float) -> cq.Workplane:  # cylinder y in [0, l]
        return cq.Workplane("XZ", origin=(0, l, 0)).center(x, z).circle(r).extrude(l)

    wing = None
    for i in range(spec.panel_count):
        x0 = e + i * (w + e)
        panel = cq.Workplane().box(w, l, tf, centered=False).translate((0, 0, tc / 2))
        panel = panel.union(cq.Workplane().box(w, l, tf, centered=False).translate((0, 0, -tc / 2 - tf)))
        core = cq.Workplane().box(w, l, tc, centered=False).translate((0, 0, -tc / 2))
        for x in spec.panel.pipe_centres():
            core = core.cut(along_y(x, 0, d / 2))
        panel = panel.union(core)
        for x in spec.panel.pipe_centres():
            panel = panel.union(along_y(x, 0, d / 2).cut(along_y(x, 0, d / 2 - tw)))
        manifold = (cq.Workplane("YZ", origin=(0, -dm / 2, 0)).circle(dm / 2).circle(dm / 2 - tm).extrude(w))
        panel = panel.union(manifold)
        for x, ys in ((-e / 2, y_left), (w + e / 2, y_right)):
            for y in ys:
                lug = cq.Workplane().box(e, b, t).translate((x, y, 0))
                panel = panel.union(lug.cut(along_y(x, 0, dh / 2)))
        panel = panel.translate((x0, 0, 0))
        wing = panel if wing is None else wing.union(panel)
    return wing


def timed(label: str, fn):
    start = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - start
    print(f"{label:<42s} {dt:8.2f} s")
    return out, dt


def main() -> None:
    analytic = sum(v.m_as("mm^3") for v in SPEC.volume_by_material().values())
    print(f"wing: {SPEC.panel_count} panels x {SPEC.panel.pipe_count} heat pipes, "
          f"analytic volume {analytic * 1e-9:.6f} m^3")
    with tempfile.TemporaryDirectory() as tmp:
        fast, t_build = timed("geometry.make_radiator_wing: build", lambda: geometry.make_radiator_wing(SPEC))
        _, t_export = timed("geometry.export: STEP", lambda: geometry.export(fast, Path(tmp) / "fast.step"))
        slow, t_naive_build = timed("naive loop of unions: build", lambda: naive_wing(SPEC))
        _, t_naive_export = timed("naive: STEP export",
                                  lambda: cq.exporters.export(slow, str(Path(tmp) / "naive.step")))
        v_fast = sum(v.m_as("mm^3") for v in geometry.cad_volumes(fast).values())
        v_slow = sum(s.Volume() for s in slow.solids().vals())
        assert math.isclose(v_fast, analytic, rel_tol=1e-6) and math.isclose(v_slow, analytic, rel_tol=1e-6), \
            (v_fast, v_slow, analytic)
    fast_total, naive_total = t_build + t_export, t_naive_build + t_naive_export
    print(f"{'total: geometry':<42s} {fast_total:8.2f} s")
    print(f"{'total: naive':<42s} {naive_total:8.2f} s")
    print(f"speed-up (naive / geometry): build {t_naive_build / t_build:.0f}x, "
          f"build + STEP {naive_total / fast_total:.0f}x")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "radiator_wing.json").write_text(json.dumps({
        "panels": SPEC.panel_count, "pipes_per_panel": SPEC.panel.pipe_count,
        "geometry_build_s": t_build, "geometry_step_export_s": t_export,
        "naive_build_s": t_naive_build, "naive_step_export_s": t_naive_export,
        "speedup_build": t_naive_build / t_build, "speedup_total": naive_total / fast_total,
    }, indent=2))


if __name__ == "__main__":
    main()
