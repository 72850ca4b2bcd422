"""Result objects shared by every package: frozen dataclasses of Quantities that flatten to SI numbers.

A result field that holds a Quantity is flattened by :meth:`Result.to_dict` to ``<name>_<unit>`` in the
unit given by the field's metadata (``field(metadata={"unit": "W*h"})``) or, by default, the Quantity's SI
base unit. Feasibility is part of the result, never an exception: ``feasible`` broadcasts like the other
fields and ``reasons`` holds one human sentence per infeasible point (an empty string where feasible).
Every package builds its reasons as integer codes with :meth:`Reasons.mask` (a bit per check) and hands them
to its result, whose ``reasons`` field reads as the sentences, written on first read from the distinct codes
only (``str`` for a single point); the sizing chain joins the steps' codes with :meth:`Reasons.combine`.
:func:`mask_reasons` and :func:`combine_reasons` are the same text built at once. A single point's flags
collapse to ``bool`` with :func:`spacedc.units.scalar_or_array`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.units import finite_or_none, unit_suffix

__all__ = ["Result", "Reasons", "mask_reasons", "combine_reasons", "replace"]


class _LazyReasons:
    """The ``reasons`` field of every :class:`Result`: holds what it is given (a :class:`Reasons`, a string
    or an array of strings) and reads as the strings, made on first read (``str`` for one point)."""

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__["reasons"] = value
        obj.__dict__.pop("_reasons_text", None)

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            raise AttributeError("reasons")  # no class-level default: dataclasses sees a required field
        try:
            value = obj.__dict__["reasons"]
        except KeyError:
            raise AttributeError("reasons") from None
        if not isinstance(value, Reasons):
            return value
        text = obj.__dict__.get("_reasons_text")
        if text is None:
            text = obj.__dict__["_reasons_text"] = value.strings()
        return text


#: The longest line a result's repr takes [characters].
REPR_WIDTH = 160


def _brief(value: Any) -> str:
    """A value in a few characters, for reprs: ``12.5 kW``, ``<(1000,) m^2>``, ``LoopResult(...)``."""
    if isinstance(value, Reasons):
        value = value.strings()
    if isinstance(value, pint.Quantity):
        if np.ndim(value.m):
            return f"<{np.shape(value.m)} {value.units:~}>"
        return f"{float(value.m):.4g} {value.units:~}".rstrip()
    if isinstance(value, np.ndarray):
        return f"<{value.shape} {value.dtype.kind == 'b' and 'bool' or value.dtype}>" if value.ndim else repr(
            value.item())
    if isinstance(value, Result):
        return f"{type(value).__name__}(...)"
    if isinstance(value, (dict, list, tuple)):
        return f"<{type(value).__name__} of {len(value)}>"
    if isinstance(value, float):
        return f"{value:.4g}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclasses.dataclass(frozen=True)
class Result:
    """Base class of every spacedc result. Subclasses are frozen dataclasses.

    A subclass's field ``reasons`` may be given a :class:`Reasons` (integer codes): it reads as the strings,
    made on first read (``str`` for one point, an object array of strings for a sweep), and
    :attr:`reason_codes` gives the codes themselves, so that the sizing chain combines steps' reasons without
    writing a string per point.
    """

    reasons = _LazyReasons()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Every result gets the short repr below: set here, in the class body's namespace, so that the dataclass
        # decorator (applied after) keeps it instead of writing its own (which prints every array in full).
        super().__init_subclass__(**kwargs)
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = Result.__repr__

    def __repr__(self) -> str:
        """``ClassName(field=value, ...)`` in one line of at most :data:`REPR_WIDTH` characters: scalars as
        numbers with their unit, arrays as their shape, nested results by their class name."""
        parts, width = [], len(type(self).__name__) + 2
        for f in dataclasses.fields(self):
            if not f.repr:
                continue
            text = f"{f.name}={_brief(self.__dict__.get(f.name, None))}"
            if width + len(text) + 2 > REPR_WIDTH:
                parts.append("...")
                break
            parts.append(text)
            width += len(text) + 2
        return f"{type(self).__name__}({', '.join(parts)})"

    @property
    def reason_codes(self) -> Reasons:
        """This result's ``reasons`` as :class:`Reasons` (the codes as given, or the strings given, kept)."""
        value = self.__dict__["reasons"]
        return value if isinstance(value, Reasons) else Reasons.from_text(value)

    def to_dict(self) -> dict[str, Any]:
        """Flatten to plain SI numbers (lists for arrays); nested results become nested dicts."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.metadata.get("skip"):
                continue
            value = getattr(self, f.name)
            if isinstance(value, pint.Quantity):
                unit = f.metadata.get("unit") or _si_unit(value)
                out[f"{f.name}_{unit_suffix(unit)}"] = finite_or_none(np.asarray(value.m_as(unit)))
            elif isinstance(value, Result):
                out[f.name] = value.to_dict()
            elif isinstance(value, np.ndarray):
                out[f.name] = finite_or_none(value) if value.dtype.kind != "U" else value.tolist()
            else:
                out[f.name] = finite_or_none(value)
        return out


def replace(result: Any, /, **changes: Any) -> Any:
    """:func:`dataclasses.replace` that keeps a :class:`Result`'s ``reasons`` as it holds them (codes stay codes:
    :func:`dataclasses.replace` reads every field, so it would write the reasons out as text).

    >>> @dataclasses.dataclass(frozen=True)
    ... class Check(Result):
    ...     feasible: Any
    ...     reasons: Any
    >>> r = Check(feasible=np.array([False, True]), reasons=Reasons.mask((2,), ([True, False], "too hot")))
    >>> type(replace(r, feasible=False).reason_codes).__name__, r.reasons.tolist()
    ('Reasons', ['too hot', ''])
    """
    if "reasons" not in changes and isinstance(result, Result) and "reasons" in result.__dict__:
        changes["reasons"] = result.__dict__["reasons"]
    return dataclasses.replace(result, **changes)


def _si_unit(q: pint.Quantity) -> str:
    base = (1 * q.units).to_base_units().units
    return f"{base:~}"


def combine_reasons(*parts: Any) -> np.ndarray:
    """Join per-point reason arrays with ``"; "``, skipping empty strings. Broadcasts. The strings of
    :meth:`Reasons.combine` (parts may be :class:`Reasons` or strings): made from the distinct codes only."""
    if not parts:
        return np.asarray("", dtype=object)
    return Reasons.combine(*parts).text()


def mask_reasons(shape: tuple[int, ...], *causes: tuple[Any, str]) -> np.ndarray:
    """The reasons builder as strings: one reason string per point of ``shape`` from ``(mask, message)``
    causes, the messages of every true mask joined with ``"; "`` in the order given, ``""`` where none. Always
    an object array of ``shape`` (0-d for one point; :func:`spacedc.units.scalar_or_array` with ``str``
    collapses it). The text of :meth:`Reasons.mask`, which results hold instead (integers until read).

    >>> mask_reasons((3,), ([True, False, True], "too hot"), ([True, False, False], "too heavy")).tolist()
    ['too hot; too heavy', '', 'too hot']
    """
    return Reasons.mask(shape, *causes).text()


#: The unsigned dtypes a group's codes are held in, by the bits they need.
_CODE_DTYPES = ((8, np.uint8), (16, np.uint16), (32, np.uint32), (64, np.uint64))
#: Bits of one packed word of :meth:`Reasons._keys` (one spare bit below the uint64's 64).
_WORD_BITS = 63


def _code_dtype(bits: int) -> type:
    return next(t for b, t in _CODE_DTYPES if bits <= b)


def _broadcasts(shape: tuple[int, ...], to: tuple[int, ...]) -> bool:
    """Whether an array of ``shape`` broadcasts to ``to`` (without growing it)."""
    try:
        return np.broadcast_shapes(shape, to) == tuple(to)
    except ValueError:
        return False


class Reasons:
    """Per-point infeasibility reasons held as integer codes, turned into text only when read.

    A reasons object is a tuple of groups, each an unsigned integer code array (broadcastable to ``shape``) and
    its ordered messages. In a *flag* group bit ``b`` of a point's code means ``messages[b]`` holds there (one
    bit per check, as :meth:`mask` builds them); in a *table* group code ``j > 0`` means the sentence
    ``messages[j - 1]`` (as :meth:`from_text` keeps given strings). A point's text is the messages of its set
    bits and codes, in group order and bit order, joined with ``"; "``, and ``""`` where no cause holds: exactly
    what the string builders :func:`mask_reasons` and :func:`combine_reasons` give.

    Nothing here loops over points. :meth:`combine` only concatenates groups and :meth:`where` is one integer
    pass per group, so sizing a million points costs a few integer passes; text is made from the distinct
    codes only (:meth:`text`, :meth:`dictionary`, :meth:`distinct`: the groups' codes packed into 63-bit
    words, ``np.unique`` over them, one string per distinct code, then taken per point). ``np.asarray`` of a
    reasons object gives the strings. Result fields named ``reasons`` hold one and read as the strings
    (:class:`Result`), ``str`` for a single point.

    >>> r = Reasons.mask((3,), ([True, False, True], "too hot"), ([True, False, False], "too heavy"))
    >>> r.text().tolist()
    ['too hot; too heavy', '', 'too hot']
    >>> both = Reasons.combine(r, Reasons.mask((), (True, "late")))
    >>> both.feasible.tolist(), both.dictionary()
    ([False, False, False], (array([2, 0, 1], dtype=int32), ('late', 'too hot; late', 'too hot; too heavy; late')))
    """

    __slots__ = ("_groups", "shape", "_cache")

    def __init__(self, groups: tuple = (), shape: tuple[int, ...] | None = None) -> None:
        self._groups = tuple(groups)
        self._cache: Any = None
        if shape is None:
            shape = np.broadcast_shapes(*(np.shape(c) for c, _, _ in self._groups))
        else:
            shape = tuple(shape)
            if any(not _broadcasts(np.shape(c), shape) for c, _, _ in self._groups):
                raise ValueError(f"reasons of shape {shape} cannot hold codes of shapes "
                                 f"{[np.shape(c) for c, _, _ in self._groups]}")
        self.shape = shape

    # -- building -------------------------------------------------------------------------------------------

    @classmethod
    def mask(cls, shape: tuple[int, ...], *causes: tuple[Any, str]) -> Reasons:
        """One flag per ``(mask, message)`` cause, in the order given: bit ``b`` is set where the ``b``-th mask
        is true. Masks broadcast to ``shape`` and are kept at their own shape (a design constant stays one code)."""
        shape = tuple(shape)
        if not causes:
            return cls((), shape)
        masks = [np.asarray(m, dtype=bool) for m, _ in causes]
        for m in masks:
            if not _broadcasts(m.shape, shape):
                raise ValueError(f"a cause of shape {m.shape} does not broadcast to the reasons' shape {shape}")
        if len(causes) > _WORD_BITS:
            raise ValueError(f"at most {_WORD_BITS} causes in one reasons builder, not {len(causes)}")
        dtype = _code_dtype(len(causes))
        if len(causes) == 1:
            codes = masks[0].astype(np.uint8)  # a copy: the caller's mask may change later
        else:
            codes = np.zeros(np.broadcast_shapes(*(m.shape for m in masks)), dtype=dtype)
            for bit, m in enumerate(masks):
                codes |= m * dtype(1 << bit)
        return cls(((codes, tuple(str(m) for _, m in causes), True),), shape)

    @classmethod
    def from_text(cls, text: Any) -> Reasons:
        """Reasons already written out: a string or an array of strings (``""`` where feasible), each point's
        whole text kept as one sentence. Compatibility with results built before the codes; it loops over the
        distinct strings only."""
        if isinstance(text, Reasons):
            return text
        arr = np.asarray(text, dtype=object)
        if arr.ndim == 0:
            s = "" if arr.item() is None else str(arr.item())
            return cls(((np.asarray(np.uint8(bool(s))), (s,), False),), ()) if s else cls((), ())
        values, inverse = np.unique(arr.astype(str), return_inverse=True)
        sentences = tuple(str(v) for v in values.tolist())
        if "" in sentences:  # sorted first: code 0
            sentences = sentences[1:]
            codes = inverse
        else:
            codes = inverse + 1
        if not sentences:
            return cls((), arr.shape)
        dtype = _code_dtype(int(np.ceil(np.log2(len(sentences) + 1))))
        return cls(((codes.reshape(arr.shape).astype(dtype), sentences, False),), arr.shape)

    @classmethod
    def combine(cls, *parts: Any) -> Reasons:
        """Every part's causes, in the order given (the OR of their flags, each part's bits after the ones
        before it); parts broadcast. A part may be a :class:`Reasons`, a string or an array of strings."""
        parts_ = [p if isinstance(p, Reasons) else cls.from_text(p) for p in parts]
        return cls(tuple(g for p in parts_ for g in p._groups),
                   np.broadcast_shapes(*(p.shape for p in parts_)) if parts_ else ())

    def where(self, condition: Any) -> Reasons:
        """These reasons where ``condition`` holds and none elsewhere (broadcasting)."""
        cond = np.asarray(condition, dtype=bool)
        shape = np.broadcast_shapes(self.shape, cond.shape)
        return Reasons(tuple((np.where(cond, c, c.dtype.type(0)), m, flags) for c, m, flags in self._groups), shape)

    def broadcast_to(self, shape: tuple[int, ...]) -> Reasons:
        """The same reasons at ``shape`` (no array is copied)."""
        return Reasons(self._groups, shape)

    def __getitem__(self, key: Any) -> Reasons:
        """The reasons of the points ``key`` selects (numpy indexing over ``shape``), still as codes."""
        groups = tuple((np.broadcast_to(c, self.shape)[key], m, flags) for c, m, flags in self._groups)
        return Reasons(groups, np.empty(self.shape, dtype=bool)[key].shape) if groups else \
            Reasons((), np.empty(self.shape, dtype=bool)[key].shape)

    # -- reading --------------------------------------------------------------------------------------------

    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def feasible(self) -> np.ndarray:
        """True where no cause holds: a bool array of ``shape`` (0-d for one point)."""
        ok = np.ones(self.shape, dtype=bool)
        for c, _, _ in self._groups:
            ok &= c == 0
        return ok

    @property
    def messages(self) -> tuple[str, ...]:
        """Every cause's message (or kept sentence), in order."""
        return tuple(m for _, ms, _ in self._groups for m in ms)

    def _keys(self) -> tuple[np.ndarray, list[tuple[int, ...]]]:
        """Each point's index into the distinct code tuples (one code per group), and those tuples.

        The groups' codes are packed side by side into 63-bit words; ``np.unique`` of each word, and of the
        words' joint index where there are several, gives the distinct tuples. Groups of one point (design
        constants) are not packed: their code is the same everywhere.
        """
        if self._cache is not None:
            return self._cache
        widths = [len(m) if flags else int(np.ceil(np.log2(len(m) + 1))) for _, m, flags in self._groups]
        words: list[list[int]] = [[]]
        used = 0
        for i, (c, _, _) in enumerate(self._groups):
            if np.size(c) == 1:
                continue
            if used + widths[i] > _WORD_BITS and words[-1]:
                words.append([])
                used = 0
            words[-1].append(i)
            used += widths[i]
        index = np.zeros(self.shape, dtype=np.intp)
        rows: list[tuple[int, ...]] = [()]  # per distinct index: the packed words' values so far
        for word in (w for w in words if w):
            key = np.zeros(self.shape, dtype=np.uint64)
            offset = 0
            for i in word:
                c = self._groups[i][0]
                key |= np.broadcast_to(c, self.shape).astype(np.uint64) << np.uint64(offset)
                offset += widths[i]
            values, inverse = np.unique(key, return_inverse=True)
            inverse = inverse.reshape(self.shape)
            if len(rows) == 1:
                index = inverse
                rows = [rows[0] + (int(v),) for v in values.tolist()]
            else:
                joint, index = np.unique(index * len(values) + inverse, return_inverse=True)
                index = index.reshape(self.shape)
                rows = [rows[j // len(values)] + (int(values[j % len(values)]),) for j in joint.tolist()]
        # unpack each distinct row into one code per group
        tuples = []
        for row in rows:
            codes = [0] * len(self._groups)
            for i, (c, _, _) in enumerate(self._groups):
                if np.size(c) == 1:
                    codes[i] = int(np.ravel(c)[0])
            for w, word in enumerate(w for w in words if w):
                value, offset = row[w], 0
                for i in word:
                    codes[i] = value >> offset & ((1 << widths[i]) - 1)
                    offset += widths[i]
            tuples.append(tuple(codes))
        self._cache = index, tuples
        return self._cache

    def _words(self, codes: tuple[int, ...]) -> tuple[str, ...]:
        out = []
        for code, (_, messages, flags) in zip(codes, self._groups):
            if not code:
                continue
            if flags:
                out.extend(m for b, m in enumerate(messages) if code >> b & 1 and m)
            else:
                out.append(messages[code - 1])
        return tuple(out)

    def distinct(self) -> tuple[np.ndarray, tuple[tuple[str, ...], ...]]:
        """Each point's index (int32, of ``shape``) into the distinct reason sets, and those sets: each the
        tuple of its messages in order (``()`` for a feasible point). One entry per distinct set, so a table's
        dictionary or a report's list is made from a handful of entries, not from every point."""
        index, tuples = self._keys()
        return index.astype(np.int32), tuple(self._words(t) for t in tuples)

    def dictionary(self) -> tuple[np.ndarray, tuple[str, ...]]:
        """Each point's index (int32, of ``shape``) into the distinct texts, and those texts (``"; "``-joined,
        ``""`` for a feasible point, each once): a dictionary-encoded column, ``values[indices]`` the text."""
        index, sets = self.distinct()
        return index, tuple("; ".join(s) for s in sets)

    def text(self) -> np.ndarray:
        """Each point's text: an object array of strings of ``shape`` (0-d for one point)."""
        index, values = self.dictionary()
        return np.asarray(values, dtype=object)[index.reshape(-1)].reshape(self.shape)

    def strings(self) -> str | np.ndarray:
        """:meth:`text` collapsed as result fields hold it: ``str`` for one point, else the object array."""
        t = self.text()
        return str(t.item()) if t.ndim == 0 else t

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        t = self.text()
        return t if dtype is None else t.astype(dtype)

    def __str__(self) -> str:
        return str(self.strings())

    def __repr__(self) -> str:
        return f"Reasons(shape={self.shape}, messages={len(self.messages)})"
