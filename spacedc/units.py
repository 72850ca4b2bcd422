"""Units at the boundary: one registry, validation of inputs, SI floats inside.

Every public function of spacedc takes Quantities (or strings such as ``"650 km"``) and converts them once,
here, to float numpy arrays in SI units. Kernels then work on plain arrays; results get their units back
with :func:`quantity`. This is the pattern of hapsira's ``core`` and of pint's own performance advice: never
iterate or root-find on Quantities.

Errors name the parameter, the value and what was expected:

>>> si("650 kg", "m", "altitude")
Traceback (most recent call last):
...
pint.errors.DimensionalityError: Cannot convert from 'kilogram' ([mass]) to 'meter' ([length]) for altitude = 650.0 kilogram (expected a length in m)
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import numpy as np
import pint

__all__ = [
    "broadcast",
    "u",
    "Q_",
    "DimensionalityError",
    "parse_quantity",
    "si",
    "fraction",
    "quantity",
    "scalar_or_array",
    "unit_suffix",
    "array_column",
    "broadcast_shape",
    "finite_or_none",
    "json_column",
    "named_shapes",
]

#: The application registry. spacedc never creates a private ``UnitRegistry``, so Quantities made by a user
#: script with ``pint.get_application_registry()`` mix with ours and pickle across processes.
u = pint.get_application_registry()
Q_ = u.Quantity
DimensionalityError = pint.DimensionalityError

# pint ships no currency. Launch prices are Quantities in USD so that a price per kilogram or per kilowatt
# keeps its unit; nothing converts between currencies (a price in another currency is stated in a note).
try:
    u.Unit("USD")
except pint.UndefinedUnitError:
    u.define("USD = [currency]")

# Failure rates of electronics are quoted in FIT, failures in 10^9 device-hours [JESD85]. A total ionizing
# dose in rad(Si) is ``rad_Si`` (0.01 Gy, the absorbed dose in silicon): pint's ``rad`` is the radian, and its
# ``rads`` (also 0.01 Gy) takes no prefix unambiguously ("krads" also reads as kilo-radian-seconds), while
# ``krad_Si`` does.
for _definition in ("FIT = 1e-9 / hour", "rad_Si = 0.01 * gray"):
    try:
        u.Unit(_definition.split(" = ")[0])
    except pint.UndefinedUnitError:
        u.define(_definition)

_NUMBER_UNIT = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")


def parse_quantity(text: str, name: str = "value") -> pint.Quantity:
    """Parse ``"650 km"``, ``"85 degC"``, ``"5 W/m^2/K"`` or ``"1e-5 / hour"`` into a Quantity.

    Offset units (degC, degF) cannot be multiplied, so a leading number is split from its unit before
    parsing rather than handing the whole string to pint's expression parser.
    """
    if not isinstance(text, str):
        raise TypeError(f"{name} = {text!r}: expected a string such as '650 km'")
    m = _NUMBER_UNIT.match(text)
    try:
        if m:
            magnitude = float(m.group(1))
            unit = m.group(2) or "dimensionless"
            # "1e-5 / hour": a unit that starts with a division is a reciprocal
            return Q_(magnitude, f"1 {unit}" if unit.startswith("/") else unit)
        return Q_(text)
    except (pint.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, ValueError, TypeError,
            AssertionError, SyntaxError) as exc:
        raise ValueError(f"{name} = {text!r}: not a quantity pint understands ({exc})") from None


def _to_quantity(value: Any, unit: str, name: str) -> pint.Quantity:
    if isinstance(value, pint.Quantity):
        return value
    if isinstance(value, str):
        return parse_quantity(value, name)
    if isinstance(value, (Sequence, np.ndarray)) and not isinstance(value, (bytes, bytearray)):
        items = list(np.asarray(value, dtype=object).ravel()) if isinstance(value, np.ndarray) else list(value)
        if items and all(isinstance(v, (pint.Quantity, str)) for v in items):
            qs = [_to_quantity(v, unit, name) for v in items]
            try:
                mags = [q.m_as(unit) for q in qs]
            except pint.DimensionalityError as exc:
                raise DimensionalityError(exc.units1, exc.units2, exc.dim1, exc.dim2,
                                          extra_msg=f" for {name} (expected {unit})") from None
            shape = np.shape(value) if isinstance(value, np.ndarray) else (len(items),)
            return Q_(np.reshape(np.asarray(mags, dtype=float), shape), unit)
    dim = "dimensionless" if unit in ("", "dimensionless") else f"'{unit}'"
    raise TypeError(
        f"{name} = {value!r}: a bare number has no unit; pass a Quantity or a string in {dim}, "
        f"e.g. Q_({value!r}, {unit!r})"
    )


def _check_values(x: np.ndarray, name: str, shown: Any, unit: str, *, lo: float | None, hi: float | None,
                  lo_open: bool, hi_open: bool) -> None:
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{name} = {shown}: must be finite (got NaN or infinity)")
    if lo is not None:
        bad = x <= lo if lo_open else x < lo
        if np.any(bad):
            op = ">" if lo_open else ">="
            raise ValueError(f"{name} = {_show_bad(x, bad, shown, unit)}: must be {op} {lo:g} {unit}".rstrip())
    if hi is not None:
        bad = x >= hi if hi_open else x > hi
        if np.any(bad):
            op = "<" if hi_open else "<="
            raise ValueError(f"{name} = {_show_bad(x, bad, shown, unit)}: must be {op} {hi:g} {unit}".rstrip())


def _show_bad(x: np.ndarray, bad: np.ndarray, shown: Any, unit: str) -> str:
    if x.ndim == 0:
        return str(shown)
    first = np.flatnonzero(bad.ravel())[0]
    return f"{x.ravel()[first]:g} {unit} (element {first})".rstrip()


def si(value: Any, unit: str, name: str, *, lo: float | None = None, hi: float | None = None,
       lo_open: bool = False, hi_open: bool = False) -> np.ndarray:
    """Convert a Quantity (or unit string, or list of either) to a float array in ``unit``.

    Parameters
    ----------
    value : Quantity, str, or sequence of them
        The user's input. A bare number raises :class:`TypeError`; a wrong dimension raises
        :class:`pint.DimensionalityError`; NaN, infinity or a value outside ``[lo, hi]`` raises
        :class:`ValueError`. Each error names ``name``, the value and what was expected.
    unit : str
        The unit to convert to, normally SI (``"m"``, ``"K"``, ``"W"``).
    name : str
        The parameter name used in error messages, e.g. ``"altitude"`` or ``"payload.chip_power"``.
    lo, hi : float, optional
        Bounds in ``unit``; ``lo_open``/``hi_open`` make them strict.

    Returns
    -------
    numpy.ndarray
        Float array in ``unit`` (0-d for a scalar input).
    """
    q = _to_quantity(value, unit, name)
    try:
        x = np.asarray(q.m_as(unit), dtype=float)
    except pint.DimensionalityError as exc:
        raise DimensionalityError(exc.units1, exc.units2, exc.dim1, exc.dim2,
                                  extra_msg=f" for {name} = {q} (expected a {_dimension_word(unit)} in {unit})"
                                            f"{_temperature_hint(q, unit)}") from None
    _check_values(x, name, q, unit, lo=lo, hi=hi, lo_open=lo_open, hi_open=hi_open)
    return x


def fraction(value: Any, name: str, *, lo: float = 0.0, hi: float = 1.0, lo_open: bool = False,
             hi_open: bool = False) -> np.ndarray:
    """Validate a dimensionless number (emissivity, efficiency, fraction) given as float, array or Quantity.

    Plain floats are accepted here (docs/design.md: dimensionless values may be plain numbers); a Quantity must be
    dimensionless (``"80 percent"`` works).
    """
    if isinstance(value, (pint.Quantity, str)) or (
            isinstance(value, (list, tuple)) and value and isinstance(value[0], (pint.Quantity, str))):
        return si(value, "dimensionless", name, lo=lo, hi=hi, lo_open=lo_open, hi_open=hi_open)
    if isinstance(value, bool):
        raise TypeError(f"{name} = {value!r}: expected a number, not a bool")
    try:
        x = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} = {value!r}: expected a dimensionless number") from None
    _check_values(x, name, value, "", lo=lo, hi=hi, lo_open=lo_open, hi_open=hi_open)
    return x


def quantity(x: Any, unit: str) -> pint.Quantity:
    """Wrap a float result back into a Quantity; a 0-d array becomes a scalar Quantity."""
    return Q_(scalar_or_array(x), unit)


#: The array dtype of each Python kind :func:`scalar_or_array` returns (``None``: strings keep theirs).
_KIND_DTYPES: dict[type, Any] = {float: np.float64, int: np.int64, bool: np.bool_, str: None}


def scalar_or_array(x: Any, kind: type = float) -> Any:
    """A 0-d array as the Python scalar ``kind`` (``float``, ``int``, ``bool`` or ``str``), anything else as an
    array of that kind. The one collapse of every result field that is not a Quantity.

    A single design point so gets plain Python numbers, flags and sentences, and a sweep gets arrays of the
    same fields: float64, int64 (truncated, as ``int()`` truncates) or bool, while string arrays keep their
    dtype (object or unicode). An array already of its kind is returned as it is, not copied.

    >>> scalar_or_array(np.asarray(0.5)), scalar_or_array(np.asarray(3.0), int), scalar_or_array(True, bool)
    (0.5, 3, True)
    >>> scalar_or_array(np.array(["", "too hot"], dtype=object), str)
    array(['', 'too hot'], dtype=object)
    """
    try:
        dtype = _KIND_DTYPES[kind]
    except KeyError:
        raise TypeError(f"kind = {kind!r}: expected float, int, bool or str") from None
    x = np.asarray(x)
    if x.ndim == 0:
        return kind(x)
    return x if dtype is None else x.astype(dtype, copy=False)


#: Units a temperature is mistaken for: "38 C" is 38 coulomb, "100 F" 100 farad, "38 c" 38 times the speed of light.
_TEMPERATURE_LOOKALIKES = {"coulomb": "degC", "farad": "degF", "speed_of_light": "degC"}


def _temperature_hint(q: pint.Quantity, unit: str) -> str:
    """``"; did you mean degC?"`` where a temperature was expected and ``q`` has the dimension of a unit a
    temperature is mistaken for (C, F, c); ``""`` otherwise.

    >>> _temperature_hint(Q_(38, "C"), "K"), _temperature_hint(Q_(100, "F"), "K"), _temperature_hint(Q_(3, "m"), "K")
    ('; did you mean 38 degC?', '; did you mean 100 degF?', '')
    """
    try:
        if u.Unit(unit).dimensionality != u.kelvin.dimensionality:
            return ""
    except Exception:  # pragma: no cover - unit strings are ours
        return ""
    guess = _TEMPERATURE_LOOKALIKES.get(str(q.units))
    if guess is None:
        return ""
    shown = q.m if np.ndim(q.m) else f"{q.m:g}"
    return f"; did you mean {shown} {guess}?"


def _dimension_word(unit: str) -> str:
    try:
        dim = u.Unit(unit).dimensionality
    except Exception:  # pragma: no cover - unit strings are ours
        return "quantity"
    words = {
        "[length]": "length", "[time]": "time", "[mass]": "mass", "[temperature]": "temperature",
        "[length] ** 2": "area", "[mass] * [length] ** 2 / [time] ** 3": "power",
        "[mass] / [time] ** 3": "power per area", "[1 / time]": "frequency",
    }
    return words.get(str(dim), f"quantity of dimension {dim}")


def unit_suffix(unit: str) -> str:
    """A unit as a key suffix for flat SI tables: ``"m^2" -> "m2"``, ``"W*h" -> "Wh"``, ``"W/m^2" -> "W_per_m2"``."""
    text = unit.replace(" ", "").replace("**", "").replace("^", "")
    num, _, den = text.partition("/")
    num = num.replace("*", "")
    return f"{num}_per_{den.replace('/', '').replace('*', '')}" if den else num


def finite_or_none(x: Any) -> Any:
    """JSON-safe number: finite floats stay, infinity and NaN become ``None`` (JSON has no infinity)."""
    if isinstance(x, np.ndarray):
        return [finite_or_none(v) for v in x.tolist()] if x.ndim else finite_or_none(x.item())
    if isinstance(x, (list, tuple)):
        return [finite_or_none(v) for v in x]
    if isinstance(x, (float, np.floating)):
        return float(x) if math.isfinite(x) else None
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.bool_):
        return bool(x)
    return x


def json_column(x: Any, shape: tuple[int, ...]) -> Any:
    """A value broadcast to ``shape`` and made JSON-ready, so a sweep flattens to equal-length columns.

    ``None`` stays ``None``; infinity and NaN become ``None`` (:func:`finite_or_none`).
    """
    return None if x is None else finite_or_none(np.broadcast_to(np.asarray(x), shape))


def array_column(x: Any, shape: tuple[int, ...]) -> Any:
    """A value broadcast to ``shape`` as a numpy array (``None`` stays ``None``): a sweep's table column."""
    return None if x is None else np.broadcast_to(np.asarray(x), shape)


# --- shapes that must broadcast, by name --------------------------------------------------------------------
def _shape_of(value: Any) -> tuple[int, ...] | None:
    """The array shape an input stands for (None where it has none: text, a table, an object)."""
    if isinstance(value, pint.Quantity):
        return np.shape(value.magnitude)
    if isinstance(value, np.ndarray):
        return value.shape
    if isinstance(value, (list, tuple)) and value and not isinstance(value[0], (list, tuple, np.ndarray)):
        return (len(value),) if all(isinstance(v, (int, float, str, pint.Quantity)) for v in value) else None
    return ()


def _named_inputs(name: str, value: Any) -> list[tuple[str, tuple[int, ...]]]:
    """``(name, shape)`` of an input, reaching into a mapping of inputs and the Quantity or array fields of a
    specification object (a ``PanelSpec``, an ``Orbit``), whose fields broadcast with the other inputs."""
    if isinstance(value, Mapping):
        return [item for key, v in value.items() for item in _named_inputs(f"{name}[{key!r}]", v)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [(f"{name}.{f.name}", np.shape(getattr(value, f.name).magnitude if isinstance(
                    getattr(value, f.name), pint.Quantity) else getattr(value, f.name)))
                for f in dataclasses.fields(value) if isinstance(getattr(value, f.name), (pint.Quantity, np.ndarray))]
    shape = _shape_of(value)
    return [] if shape is None else [(name, shape)]


def _clashes(shapes: Sequence[tuple[str, tuple[int, ...]]]) -> str | None:
    """The inputs whose shapes do not broadcast with another's, as ``"a (3,), b (4,)"``; None where all do.

    Broadcasting is pairwise: shapes that broadcast two by two broadcast together, so the inputs named are
    exactly those that clash with at least one other.
    """
    arrays = [(n, s) for n, s in shapes if s != ()]
    bad = set()
    for i, (_, a) in enumerate(arrays):
        for j in range(i + 1, len(arrays)):
            try:
                np.broadcast_shapes(a, arrays[j][1])
            except ValueError:
                bad.update((i, j))
    if not bad:
        return None
    return ", ".join(f"{n} {s}" for k, (n, s) in enumerate(arrays) if k in bad)


def broadcast_shape(**inputs: Any) -> tuple[int, ...]:
    """The shape that named inputs (Quantities, arrays, numbers, strings) broadcast to.

    Raises ValueError naming every input whose shape clashes, with its shape, in place of numpy's anonymous
    error:

    >>> broadcast_shape(heat_load=Q_([1.0, 2.0, 3.0], "kW"), area=Q_([1.0, 2.0, 3.0, 4.0], "m^2"), sides=2)
    Traceback (most recent call last):
    ...
    ValueError: shapes do not broadcast: heat_load (3,), area (4,)
    """
    shapes = [item for name, value in inputs.items() for item in _named_inputs(name, value)]
    clash = _clashes(shapes)
    if clash is not None:
        raise ValueError(f"shapes do not broadcast: {clash}")
    return np.broadcast_shapes(*(s for _, s in shapes))


def broadcast(*arrays: Any) -> list[np.ndarray]:
    """Validated SI inputs broadcast to one shape (numpy's rules), as float arrays: the kernels' one helper.

    >>> [a.shape for a in broadcast(1.0, [1.0, 2.0], [[3.0], [4.0]])]
    [(2, 2), (2, 2), (2, 2)]
    """
    return [np.asarray(a, dtype=float) for a in np.broadcast_arrays(*arrays)]


_F = TypeVar("_F", bound=Callable[..., Any])


def named_shapes(function: _F) -> _F:
    """Decorator of a public function whose inputs broadcast together: before it runs, inputs whose shapes
    clash raise ValueError naming each with its shape (:func:`broadcast_shape`), not a numpy error deep inside.

    Inputs that hold no array (text, objects, ``None``) are not checked; a mapping of inputs, ``*args`` and the
    Quantity fields of a specification object (a ``PanelSpec``) are, each under its own name.
    """
    signature = inspect.signature(function)

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            return function(*args, **kwargs)  # let the call itself say what is wrong with its arguments
        shapes = []
        for name, value in bound.arguments.items():
            if signature.parameters[name].kind is inspect.Parameter.VAR_POSITIONAL:
                for k, v in enumerate(value):
                    shapes += _named_inputs(f"{name}[{k}]", v)
            else:
                shapes += _named_inputs(name, value)
        clash = _clashes(shapes)
        if clash is not None:
            raise ValueError(f"shapes do not broadcast: {clash}")
        return function(*args, **kwargs)

    return checked  # type: ignore[return-value]
