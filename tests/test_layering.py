"""The import graph is a checked contract: imports flow one way and no package has a cycle.

The rule (docs/design.md): the core ``spacedc`` at the bottom; ``orbit`` on the core; ``power``, ``thermal``,
``structure``, ``compute`` and ``economics`` on ``orbit`` and the core; ``geometry`` on the core alone; ``designs`` on top. The graph is read
from the source with :mod:`ast`, so it needs no import and no layout-aware tool. Every import counts: at module
level, inside functions, and under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: folder in the repository -> the package it installs as
FOLDERS = {"spacedc": "spacedc", "orbit": "spacedc.orbit", "power": "spacedc.power",
           "thermal": "spacedc.thermal", "structure": "spacedc.structure", "compute": "spacedc.compute",
           "economics": "spacedc.economics", "geometry": "spacedc.geometry",
           "designs": "spacedc.designs"}

#: package -> the packages of ours it may import (besides itself)
ALLOWED = {
    "spacedc": set(),
    "spacedc.orbit": {"spacedc"},
    "spacedc.power": {"spacedc", "spacedc.orbit"},
    "spacedc.thermal": {"spacedc", "spacedc.orbit"},
    "spacedc.structure": {"spacedc", "spacedc.orbit"},
    "spacedc.compute": {"spacedc", "spacedc.orbit"},
    "spacedc.economics": {"spacedc", "spacedc.orbit"},
    "spacedc.geometry": {"spacedc"},
    "spacedc.designs": {"spacedc", "spacedc.orbit", "spacedc.power", "spacedc.thermal", "spacedc.structure",
                        "spacedc.compute", "spacedc.economics", "spacedc.geometry"},
}


def modules(folder: str = "", root: Path = ROOT) -> dict[str, Path]:
    """Every module of ours: dotted name -> file. ``folder`` limits it to one package's folder."""
    out = {}
    for name, package in FOLDERS.items():
        if folder and name != folder:
            continue
        for path in sorted((root / name).rglob("*.py")):
            parts = path.relative_to(root / name).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join((package, *parts))] = path
    return out


def imported(module: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ours that ``module`` imports anywhere in its source, resolved to known module names."""
    tree = ast.parse(path.read_text(), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def resolve(name: str) -> str | None:
        # the longest known module that is ``name`` or a parent of it
        while name:
            if name in known:
                return name
            name = name.rpartition(".")[0]
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module if is_package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                stem = f"{base}.{node.module}" if node.module else base
            else:
                stem = node.module or ""
            # "from pkg import mod" imports the module pkg.mod where one exists, else names of pkg
            targets = [f"{stem}.{a.name}" if f"{stem}.{a.name}" in known else stem for a in node.names]
        else:
            continue
        for target in targets:
            hit = resolve(target)
            if hit and hit != module:
                found.add(hit)
    return found


def package_of(module: str) -> str:
    """The layer a module belongs to: ``spacedc.thermal.loop`` -> ``spacedc.thermal``; the core is ``spacedc``."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 and ".".join(parts[:2]) in ALLOWED else "spacedc"


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    mods = modules(root=root)
    known = set(mods)
    return {m: imported(m, p, known) for m, p in mods.items()}


def layer_violations(g: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, targets in sorted(g.items()):
        mine = package_of(module)
        for target in sorted(targets):
            theirs = package_of(target)
            if theirs != mine and theirs not in ALLOWED[mine]:
                bad.append(f"{module} imports {target} ({mine} may import only {sorted(ALLOWED[mine])})")
    return bad


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan), as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return sorted(out)


def within_packages(g: dict[str, set[str]]) -> dict[str, set[str]]:
    """The edges between modules of the same package (its ``__init__`` included)."""
    return {m: {t for t in ts if package_of(t) == package_of(m)} for m, ts in g.items()}


def test_the_tree_has_every_package():
    mods = modules()
    for package in ALLOWED:
        assert package in mods, f"{package}: no __init__.py found"


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_flow_one_way(package):
    g = {m: t for m, t in graph().items() if package_of(m) == package}
    assert layer_violations(g) == []


def test_no_import_cycle_among_the_modules_of_any_package():
    assert cycles(within_packages(graph())) == []


def test_the_checker_sees_a_forbidden_import(tmp_path):
    """The check itself can fail: a copy of the tree with one forbidden import (thermal -> structure), one
    inside a function and one under TYPE_CHECKING is caught, and so is a cycle between two modules."""
    for name in FOLDERS:
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("")
    (tmp_path / "structure" / "loads.py").write_text("x = 1\n")
    (tmp_path / "thermal" / "radiator.py").write_text(
        "def f():\n    from spacedc.structure.loads import x\n    return x\n")
    (tmp_path / "geometry" / "parts.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from spacedc import thermal\n")
    (tmp_path / "power" / "a.py").write_text("from spacedc.power import b\n")
    (tmp_path / "power" / "b.py").write_text("from . import a\n")
    g = graph(tmp_path)
    bad = layer_violations(g)
    assert any(v.startswith("spacedc.thermal.radiator imports spacedc.structure.loads") for v in bad), bad
    assert any(v.startswith("spacedc.geometry.parts imports spacedc.thermal") for v in bad), bad
    assert cycles(within_packages(g)) == [["spacedc.power.a", "spacedc.power.b"]]
