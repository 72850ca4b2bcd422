"""A design's inputs as a person reads them: each section's fields with their values, their defaults and whether
they differ (for :meth:`designs.Design.__str__` and the HTML report's inputs table)."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

__all__ = ["design_inputs"]


def _number(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "—" if value is None else ("yes" if value else "no")
    if isinstance(value, (int, np.integer)):
        return f"{value:,}"
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value):
            return str(value)
        return f"{value:,.0f}" if 1e4 <= abs(value) < 1e12 else f"{value:.4g}"
    return str(value)


def _show(value: Any) -> str:
    """A design input as text: a Quantity with its unit, arrays shortened."""
    if isinstance(value, pint.Quantity):
        m = np.asarray(value.magnitude)
        unit = f"{value.units:~P}"
        if m.ndim == 0:
            return f"{_number(float(m))} {unit}".strip()
        return f"{m.size} values {np.min(m):.4g} to {np.max(m):.4g} {unit}".strip()
    if isinstance(value, (list, tuple)) and len(value) > 3:
        return f"{len(value)} items"
    text = _number(value) if isinstance(value, (float, int, np.number)) else str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _same(value: Any, default: Any) -> bool:
    """Whether a validated field value equals its (possibly unvalidated: a string such as ``"650 km"``) default."""
    from spacedc.units import parse_quantity

    try:
        if isinstance(value, pint.Quantity):
            d = parse_quantity(default) if isinstance(default, str) else default
            if not isinstance(d, pint.Quantity):
                d = d * value.units
            return bool(np.shape(value.m) == np.shape(d.m) and np.allclose(value.m, d.m_as(value.units), rtol=1e-9,
                                                                        atol=0.0))
        if isinstance(value, (float, int, np.ndarray, np.number)) and isinstance(default, (float, int, np.number)):
            return bool(np.shape(value) == () and np.isclose(float(value), float(default), rtol=1e-9, atol=0.0))
        return bool(value == default) or str(value) == str(default)
    except Exception:  # noqa: BLE001 (an unparseable default compares by its text)
        return str(value) == str(default)


def design_inputs(design: Any) -> list[dict[str, Any]]:
    """Every section of the design with its fields: ``{"section", "rows": [{"field", "value", "default",
    "differs", "doc"}]}``. A field with no default (required) counts as differing; ``default`` is then ``"—"``.
    """
    sections = []
    for f in dataclasses.fields(design):
        section = getattr(design, f.name)
        if not dataclasses.is_dataclass(section):
            continue
        rows = []
        for g in dataclasses.fields(section):
            if not g.init:
                continue
            value = getattr(section, g.name)
            if g.default is not dataclasses.MISSING:
                default: Any = g.default
            elif g.default_factory is not dataclasses.MISSING:
                default = g.default_factory()
            else:
                default = dataclasses.MISSING
            required = default is dataclasses.MISSING
            rows.append({"field": g.name, "value": _show(value),
                         "default": "—" if required else _show(default),
                         "differs": required or not _same(value, default),
                         "doc": g.metadata.get("doc", "")})
        sections.append({"section": f.name, "rows": rows})
    return sections
