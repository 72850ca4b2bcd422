"""Every document the repository cites ships with it, and every source key is defined in docs/references.md.

Four rules, all applied to the repository's own text files (.py, .toml, .md and .ci/run):

- A repository document that is named is present. This covers any ``*.md`` name and any ``docs/...`` path,
  taken relative to the repository root or to the citing file, except inside URLs.
- The design notes the project started from are never cited. They are not in the repository.
- Every citation key is defined in docs/references.md. A key is a bracketed name such as
  ``[Vallado2013]``: at least three characters, a capital first letter, then letters, digits, '-' or '.'.
  A unit in brackets (``[MPa]``, ``[USD]``) is not a key, and neither is a subscript such as ``list[Path]``.
- A "References" or "Sources" section of a docstring cites by key, not by number.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pint
import pytest

from spacedc.units import u

ROOT = Path(__file__).resolve().parents[1]
REFERENCES = ROOT / "docs/references.md"
SKIP_DIRS = {".git", ".venv", "venv", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis", "results"}

# Built from parts, so that this file does not cite them itself.
FORBIDDEN = ("REFERENCE" + ".md", "DESIGN" + ".md", "../" + "shared", "/work/" + "shared")

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|io|gov|edu|int|ac\.uk|be)/\S*")
_MD_NAME = re.compile(r"(?<![\w/.-])((?:\.{1,2}/)?(?:[\w.-]+/)*[\w-][\w.-]*\.md)\b")
_DOCS_PATH = re.compile(r"(?<![\w/.-])(docs/[\w./-]*[\w-])")
_KEY = re.compile(r"(?<![\w\]`])\[([A-Z][A-Za-z0-9.\-]{2,})\]")
_DEFINITION = re.compile(r"^- \*\*\[([^\]]+)\]\*\*(.*)$")
_SECTION = re.compile(r"^\s*(References|Sources)\s*\n\s*-{4,}\s*\n", re.M)
_NEXT_SECTION = re.compile(r"^\s*[A-Z][A-Za-z ]+\s*\n\s*-{4,}\s*$", re.M)


def _text_files() -> list[Path]:
    """The repository's own .py, .toml and .md files, and the CI script."""
    files = [ROOT / ".ci" / "run"] if (ROOT / ".ci" / "run").exists() else []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith(".") and not d.endswith(".egg-info")]
        files += [Path(folder) / n for n in names if Path(n).suffix in {".py", ".toml", ".md"}]
    return sorted(files)


def _without_urls(text: str) -> str:
    return _URL.sub(" ", text)


def missing_documents(text: str, where: Path) -> list[str]:
    """Repository documents that ``text`` (a file at ``where``) names but the repository does not hold."""
    text = _without_urls(text)
    names = set(_MD_NAME.findall(text)) | set(_DOCS_PATH.findall(text))
    return sorted(name for name in names
                  if not ((ROOT / name).exists() or (where.parent / name).exists()))


def is_unit(name: str) -> bool:
    try:
        u.Unit(name)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError, TypeError,
            AttributeError, AssertionError):
        return False
    return True


def keys_used(text: str) -> set[str]:
    """Citation keys in ``text``: bracketed key-shaped names that are not units."""
    return {key for key in _KEY.findall(text) if not is_unit(key)}


def defined_keys() -> dict[str, str]:
    """Key -> entry text of every definition line in docs/references.md (continuation lines joined)."""
    entries: dict[str, str] = {}
    current = None
    for line in REFERENCES.read_text(encoding="utf-8").splitlines():
        match = _DEFINITION.match(line)
        if match:
            current = match.group(1)
            assert current not in entries, f"docs/references.md defines [{current}] twice"
            entries[current] = match.group(2).strip()
        elif current and line.startswith("  ") and line.strip():
            entries[current] += " " + line.strip()
        else:
            current = None
    return entries


def reference_sections(source: str) -> list[str]:
    """The bodies of the "References" and "Sources" sections of every docstring in a Python source."""
    sections = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        doc = ast.get_docstring(node, clean=True)
        if not doc:
            continue
        for match in _SECTION.finditer(doc):
            body = doc[match.end():]
            end = _NEXT_SECTION.search(body)
            sections.append(body[:end.start()] if end else body)
    return sections


FILES = _text_files()


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_scan_sees_the_repository():
    names = {_rel(p) for p in FILES}
    assert {"README.md", "pyproject.toml", "docs/references.md", "docs/design.md", "orbit/sun.py",
            "designs/reference/sso-100kw.toml", "tests/test_citations.py"} <= names
    assert not any(".venv" in n or ".egg-info" in n for n in names)


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_no_citation_of_a_document_the_repository_does_not_hold(path):
    text = path.read_text(encoding="utf-8")
    assert missing_documents(text, path) == [], f"{_rel(path)} names documents that are not in the repository"
    cited = [name for name in FORBIDDEN if name in text]
    assert cited == [], f"{_rel(path)} cites {cited}, which the repository does not hold"


def test_every_key_used_is_defined_in_references_md():
    defined = defined_keys()
    undefined = {}
    for path in FILES:
        if path in (REFERENCES, Path(__file__).resolve()):  # the definitions, and this checker's own examples
            continue
        for key in sorted(keys_used(path.read_text(encoding="utf-8")) - set(defined)):
            undefined.setdefault(key, []).append(_rel(path))
    assert undefined == {}, f"keys used but not defined in docs/references.md: {undefined}"


def test_references_md_is_well_formed():
    defined = defined_keys()
    assert len(defined) > 50
    for key, entry in defined.items():
        assert _KEY.fullmatch(f"[{key}]"), f"[{key}] is not in the key form"
        assert not is_unit(key), f"[{key}] reads as a unit"
        assert len(entry) >= 40, f"[{key}] has no full reference: {entry!r}"
    # cross references inside the file are defined too
    text = REFERENCES.read_text(encoding="utf-8")
    assert keys_used(text) <= set(defined), keys_used(text) - set(defined)


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".py"], ids=_rel)
def test_reference_sections_cite_by_key(path):
    defined = defined_keys()
    for body in reference_sections(path.read_text(encoding="utf-8")):
        keys = keys_used(body)
        assert keys, f"{_rel(path)}: a References/Sources section cites no key:\n{body}"
        assert keys <= set(defined), f"{_rel(path)}: undefined {sorted(keys - set(defined))}"
        assert not re.search(r"^\s*\.\. \[\d+\]", body, re.M), f"{_rel(path)}: numbered references; use keys"


def test_the_checks_catch_what_they_are_for(tmp_path):
    # A document that is not there, one that is, and one in a URL that is not ours.
    where = ROOT / "orbit" / "sun.py"
    nowhere, notes = "docs" + "/nowhere.md", "NOTES" + ".md"  # in parts, so that this file does not name them
    assert missing_documents(f"see {nowhere} and {notes}", where) == [notes, nowhere]
    assert missing_documents("see docs/references.md, docs/design.md and README.md", where) == []
    assert missing_documents("https://github.com/x/y/blob/main/CONTRIBUTING" + ".md", where) == []
    # Keys, units and subscripts.
    assert keys_used("([Nobody1999] eq. 2, 5 [MPa], list[Path], [K])") == {"Nobody1999"}
    assert "Nobody1999" not in defined_keys()
    doc = '"""Thing.\n\nReferences\n----------\n.. [1] Someone, A book, 1990.\n"""\n'
    (body,) = reference_sections(doc)
    assert not keys_used(body)
